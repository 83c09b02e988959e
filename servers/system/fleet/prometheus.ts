// The Prometheus HTTP API client of the fleet tools: read-only query endpoints only, a time limit and
// a byte cap on every answer, credentials from the environment that never appear in a message.
import { z } from 'zod';
import { abortError } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { UserFacingError } from '../../shared/tool-result';

/** Credentials sent with every request; read from the environment only (a flag would show in process lists). */
export type PrometheusAuth = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export interface PrometheusSettings {
  /** Base URL without credentials, e.g. http://prometheus:9090 (a path prefix such as /prometheus is kept). */
  url: URL;
  auth: PrometheusAuth;
  /** Longest wait for one answer, in ms; Prometheus is asked to stop the query at the same limit. */
  timeoutMs: number;
  /** Largest answer read, in bytes; a larger one is refused as too many series or points. */
  maxResponseBytes?: number;
}

/** Why a request failed, for callers that react differently (the extension's tree shows "unreachable"). */
export type PrometheusErrorKind = 'unreachable' | 'auth' | 'timeout' | 'too-large' | 'bad-query' | 'server' | 'not-prometheus' | 'redirect' | 'tls';

/** A failed request; the message names the cause and what to check, never a credential. */
export class PrometheusError extends UserFacingError {
  constructor(
    readonly kind: PrometheusErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The variables the credentials are read from (named in messages; their values never are). */
export const AUTH_ENV = { token: 'PROMETHEUS_BEARER_TOKEN', username: 'PROMETHEUS_USERNAME', password: 'PROMETHEUS_PASSWORD' } as const;

/**
 * The credentials in `env`: a bearer token, else a user name with a password, else none. A user
 * name without a password (or the other way round) is a mistake the caller is told about by name.
 */
export function authFromEnv(env: Readonly<Record<string, string | undefined>>): PrometheusAuth {
  const token = env[AUTH_ENV.token]?.trim();
  if (token) return { kind: 'bearer', token };
  const username = env[AUTH_ENV.username] ?? '';
  const password = env[AUTH_ENV.password] ?? '';
  if (username === '' && password === '') return { kind: 'none' };
  if (username === '' || password === '') throw new UserFacingError(`${AUTH_ENV.username} and ${AUTH_ENV.password} must be set together`);
  return { kind: 'basic', username, password };
}

/** How the credentials are described in logs: their kind, never their value. */
export function describeAuth(auth: PrometheusAuth): string {
  return auth.kind === 'none' ? 'no credentials' : auth.kind === 'bearer' ? `a bearer token (${AUTH_ENV.token})` : `basic auth (${AUTH_ENV.username})`;
}

/** One sample value: Prometheus sends numbers as strings ("NaN", "+Inf"); anything not finite becomes null, with `nonFinite` saying which. */
const sampleValue = z.tuple([z.number(), z.string()]).transform(([time, value]): Sample => ({ time, ...sampleNumber(value) }));
const labels = z.record(z.string(), z.string());

const vectorResult = z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: labels, value: sampleValue })) });
const matrixResult = z.object({ resultType: z.literal('matrix'), result: z.array(z.object({ metric: labels, values: z.array(sampleValue) })) });
const scalarResult = z.object({ resultType: z.enum(['scalar', 'string']), result: z.tuple([z.number(), z.string()]) });
const queryData = z.discriminatedUnion('resultType', [vectorResult, matrixResult, scalarResult]);

const envelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

export type Labels = Record<string, string>;
export interface Sample {
  /** Epoch seconds, as Prometheus gives them. */
  time: number;
  /** The value; null when it is not a finite number (then `nonFinite` says which, when Prometheus wrote one of them). */
  value: number | null;
  /** PromQL's non-finite results (0/0 is NaN, x/0 is ±Inf) as Prometheus writes them: a value, not missing data. */
  nonFinite?: NonFinite;
}

/** The spellings of Prometheus's API (Go's strconv.FormatFloat) for the float values that are not finite. */
export type NonFinite = 'NaN' | '+Inf' | '-Inf';

/** A sample's text as a number, or null with the non-finite value named ("Inf" without a sign is taken as +Inf). */
export function sampleNumber(text: string): { value: number | null; nonFinite?: NonFinite } {
  const n = Number(text);
  if (Number.isFinite(n)) return { value: n };
  const t = text.trim();
  if (/^nan$/i.test(t)) return { value: null, nonFinite: 'NaN' };
  if (/^\+?inf(inity)?$/i.test(t)) return { value: null, nonFinite: '+Inf' };
  if (/^-inf(inity)?$/i.test(t)) return { value: null, nonFinite: '-Inf' };
  return { value: null };
}
export type QueryData = z.infer<typeof queryData>;
export type VectorSeries = z.infer<typeof vectorResult>['result'][number];
export type MatrixSeries = z.infer<typeof matrixResult>['result'][number];

export interface PrometheusClient {
  /** The base URL as it may be shown (no credentials). */
  readonly url: string;
  /** GET /api/v1/query at `time` (epoch ms; default now). */
  query(promql: string, signal: AbortSignal, time?: number): Promise<QueryData>;
  /** GET /api/v1/query_range from `start` to `end` (epoch ms, both included) every `stepSeconds`. */
  queryRange(promql: string, range: { start: number; end: number; stepSeconds: number }, signal: AbortSignal): Promise<QueryData>;
  /** An instant query that must answer an instant vector (one sample per series). */
  vector(promql: string, signal: AbortSignal, time?: number): Promise<VectorSeries[]>;
  /** A range query that must answer a range vector (a list of samples per series). */
  matrix(promql: string, range: { start: number; end: number; stepSeconds: number }, signal: AbortSignal): Promise<MatrixSeries[]>;
  /**
   * The warnings of the answers to requests made with `signal` (one tool call's): Thanos, Mimir or
   * Cortex answer 200 with `warnings` when some stores did not answer, and the result is partial.
   */
  warnings(signal: AbortSignal): string[];
}

/** The warnings to add to an answer built on `warnings` (Prometheus's), or '' when there are none. */
export function partialNote(warnings: readonly string[]): string {
  return warnings.length === 0 ? '' : `; Prometheus warned that the answer may be incomplete: ${warnings.slice(0, 3).join('; ')}${warnings.length > 3 ? ` (and ${warnings.length - 3} more)` : ''}`;
}

const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** A client for one Prometheus; `fetchImpl` is for tests that need a failing network. */
export function createPrometheusClient(settings: PrometheusSettings, fetchImpl: typeof fetch = fetch): PrometheusClient {
  const base = settings.url.href.replace(/\/+$/, '');
  const shownUrl = base;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (settings.auth.kind === 'bearer') headers.Authorization = `Bearer ${settings.auth.token}`;
  if (settings.auth.kind === 'basic') headers.Authorization = `Basic ${Buffer.from(`${settings.auth.username}:${settings.auth.password}`).toString('base64')}`;
  const secrets = secretValues(settings.auth);
  const maxBytes = settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // Per tool call (its signal), so concurrent calls never see each other's warnings.
  const warned = new WeakMap<AbortSignal, Set<string>>();

  async function call(path: string, params: Record<string, string>, signal: AbortSignal): Promise<QueryData> {
    const body = new URLSearchParams({ ...params, timeout: `${Math.max(1, Math.floor(settings.timeoutMs / 1000))}s` });
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const both = AbortSignal.any([signal, timeout]);
    let text: string;
    try {
      // POST keeps long PromQL out of URLs (and out of proxies' access logs); the endpoints accept both.
      const response = await fetchImpl(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        signal: both,
        // Not followed (the credentials would go wherever it points), but read: with 'error' a redirect was reported as
        // "cannot be reached … check that Prometheus is running" about a server that had answered (break33).
        redirect: 'manual',
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        throw redirected(response, base, path);
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new PrometheusError(
          'auth',
          `Prometheus at ${shownUrl} refused the request (HTTP ${response.status}): authentication failed. ` +
            `Check ${settings.auth.kind === 'none' ? `whether it needs credentials (${AUTH_ENV.token}, or ${AUTH_ENV.username} and ${AUTH_ENV.password})` : describeAuth(settings.auth)}.`,
        );
      }
      text = await readCapped(response, maxBytes, both);
      const { data, warnings } = parseAnswer(text, response.status);
      if (warnings.length > 0) {
        const set = warned.get(signal) ?? warned.set(signal, new Set()).get(signal)!;
        for (const w of warnings) set.add(sanitizeLine(w, 300));
      }
      return data;
    } catch (error) {
      if (error instanceof PrometheusError) throw redactError(error, secrets);
      if (signal.aborted) throw abortError();
      if (timeout.aborted) {
        // fleet_overview has no query to narrow: a Prometheus slow for every answer needs the limit raised, so it is named.
        throw new PrometheusError(
          'timeout',
          `Prometheus at ${shownUrl} did not answer within ${settings.timeoutMs / 1000} s; narrow the query (fewer series, a shorter window, a larger step), ` +
            `or, for a Prometheus that is slow on every query, raise the limit (devopsAssistant.prometheus.timeoutSeconds; --prometheus-timeout / PROMETHEUS_TIMEOUT).`,
        );
      }
      const cause = networkCause(error);
      // A certificate refused is a server that answered: "check that Prometheus is running" would send the user the wrong way.
      const tls = certificateProblem(cause);
      if (tls) throw new PrometheusError('tls', `Prometheus at ${shownUrl} answered, but ${tls} (${cause}).`);
      throw new PrometheusError('unreachable', redact(`Prometheus at ${shownUrl} cannot be reached (${cause}). Check the URL (devopsAssistant.prometheus.url; --prometheus-url / PROMETHEUS_URL) and that Prometheus is running.`, secrets));
    }
  }

  function parseAnswer(text: string, status: number): { data: QueryData; warnings: string[] } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // A 5xx page is a server or a proxy in trouble, not a wrong URL: say what the status means.
      if (serverTrouble(status)) throw new PrometheusError('server', `Prometheus at ${shownUrl} answered HTTP ${status} (${statusMeaning(status)}) without a result; try again shortly. The URL itself is likely right.`);
      // Go's HTTPS servers (Prometheus with a TLS web config) and nginx answer a plain-HTTP request with a 400 that says so.
      if (PLAIN_HTTP_TO_HTTPS.test(text) && settings.url.protocol === 'http:') {
        throw new PrometheusError('not-prometheus', `the server at ${shownUrl} answered HTTP ${status}: it speaks https, not http; set the URL to ${shownUrl.replace(/^http:/, 'https:')}.`);
      }
      throw new PrometheusError('not-prometheus', `the answer from ${shownUrl} (HTTP ${status}) is not JSON: is this the URL of Prometheus (its HTTP API is under /api/v1)?`);
    }
    const parsed = envelope.safeParse(json);
    if (!parsed.success && serverTrouble(status)) throw new PrometheusError('server', `Prometheus at ${shownUrl} answered HTTP ${status} (${statusMeaning(status)}) without a result; try again shortly. The URL itself is likely right.`);
    if (!parsed.success) throw new PrometheusError('not-prometheus', `the answer from ${shownUrl} (HTTP ${status}) is not Prometheus's API format: is this the URL of Prometheus?`);
    const answer = parsed.data;
    if (answer.status === 'error') {
      const reason = sanitizeLine(answer.error ?? 'no reason given', 300);
      if (answer.errorType === 'timeout' || answer.errorType === 'canceled') {
        throw new PrometheusError('timeout', `Prometheus stopped the query after its time limit (${reason}); narrow it (fewer series, a shorter window, a larger step).`);
      }
      if (answer.errorType === 'bad_data') throw new PrometheusError('bad-query', `Prometheus refused the query: ${reason}`);
      if (/too many samples/i.test(reason)) throw new PrometheusError('too-large', `the query would load too many samples (${reason}); narrow it with label matchers, aggregate it, or use a shorter window or larger step.`);
      throw new PrometheusError('server', `Prometheus could not run the query (${answer.errorType ?? `HTTP ${status}`}: ${reason})`);
    }
    const data = queryData.safeParse(answer.data);
    if (!data.success) throw new PrometheusError('not-prometheus', `the answer from ${shownUrl} has no query result in Prometheus's format`);
    return { data: data.data, warnings: answer.warnings ?? [] };
  }

  const client: PrometheusClient = {
    url: shownUrl,
    query: (promql, signal, time) => call('/api/v1/query', { query: promql, ...(time === undefined ? {} : { time: seconds(time) }) }, signal),
    queryRange: (promql, range, signal) =>
      call('/api/v1/query_range', { query: promql, start: seconds(range.start), end: seconds(range.end), step: String(range.stepSeconds) }, signal),
    vector: async (promql, signal, time) => {
      const data = await client.query(promql, signal, time);
      if (data.resultType !== 'vector') throw new PrometheusError('bad-query', `expected an instant vector from ${promql}, got a ${data.resultType}`);
      return data.result;
    },
    matrix: async (promql, range, signal) => {
      const data = await client.queryRange(promql, range, signal);
      if (data.resultType !== 'matrix') throw new PrometheusError('bad-query', `expected a range vector from ${promql}, got a ${data.resultType}`);
      return data.result;
    },
    warnings: (signal) => [...(warned.get(signal) ?? [])],
  };
  return client;
}

/**
 * The error for a redirect (3xx) answer to a request for `path` under `base`, saying where it points (without its query,
 * which may hold a sign-in state) and what it usually means: a server that wants https, or a sign-in page of a proxy.
 */
function redirected(response: Response, base: string, path: string): PrometheusError {
  const from = new URL(`${base}${path}`);
  const location = response.headers.get('location');
  let to: URL | undefined;
  try {
    to = location ? new URL(location, from) : undefined;
  } catch {
    to = undefined;
  }
  const shown = to ? sanitizeLine(`${to.origin}${to.pathname}`, 200) : 'an address it did not give';
  const head = `Prometheus at ${base} answered HTTP ${response.status}, a redirect to ${shown}, instead of a result (redirects are not followed: the credentials would go along)`;
  if (to && from.protocol === 'http:' && to.protocol === 'https:' && to.hostname === from.hostname && to.pathname === from.pathname) {
    return new PrometheusError('redirect', `${head}. The server wants https: set the URL to https://${to.host}${new URL(base).pathname.replace(/\/+$/, '')}.`);
  }
  return new PrometheusError(
    'redirect',
    `${head}. A sign-in page of a proxy in front of Prometheus (oauth2-proxy, an SSO gateway) answers so: give the address of Prometheus behind it, ` +
      `or credentials the proxy takes (${AUTH_ENV.token}, or ${AUTH_ENV.username} and ${AUTH_ENV.password}); or set the URL to where it points.`,
  );
}

/** Reads the body as text, stopping (and refusing) once it passes `maxBytes`: a huge answer must not fill memory. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  while (true) {
    if (signal.aborted) {
      await reader.cancel().catch(() => {});
      throw signal.reason;
    }
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A 5xx that says the server (or a proxy before it) is in trouble for now. Not 501 (Not Implemented: the server does not
 * take POST, which Prometheus's HTTP API answers, as a static file server says) nor 505 (the HTTP version): those say
 * the URL is not Prometheus, and "try again shortly" would never help (break30).
 */
function serverTrouble(status: number): boolean {
  return status >= 500 && status !== 501 && status !== 505;
}

/** What a 5xx without a JSON body usually means, for the message. */
function statusMeaning(status: number): string {
  if (status === 503) return 'Service Unavailable: Prometheus is starting up (loading its data) or shutting down, or overloaded';
  if (status === 502) return 'Bad Gateway: a proxy or load balancer in front of Prometheus could not reach it';
  if (status === 504) return 'Gateway Timeout: a proxy in front of Prometheus gave up waiting for it';
  return 'a server error';
}

function tooLarge(maxBytes: number): PrometheusError {
  return new PrometheusError(
    'too-large',
    `the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB: the query returns too many series or points; narrow it with label matchers, aggregate it (sum by (...)), or use a shorter window or larger step.`,
  );
}

/** What an HTTPS server says to a plain-HTTP request (Go's net/http: "Client sent an HTTP request to an HTTPS server"; nginx: "The plain HTTP request was sent to HTTPS port"). */
const PLAIN_HTTP_TO_HTTPS = /sent an HTTP request to an HTTPS server|plain HTTP request was sent to HTTPS port/i;

/** The certificate errors of Node's TLS (OpenSSL's verify codes), in words with what to do; undefined for any other cause. */
function certificateProblem(code: string): string | undefined {
  if (/^ERR_TLS_CERT_ALTNAME_INVALID$/.test(code)) return 'its TLS certificate is not issued for this host name: use the name (or address) the certificate names';
  if (/^CERT_HAS_EXPIRED$|^CERT_NOT_YET_VALID$/.test(code)) return 'its TLS certificate is not valid now (expired, or not yet valid): it must be renewed on the server';
  if (/SELF_SIGNED|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE/.test(code)) {
    return 'its TLS certificate is not signed by an authority this machine trusts (a self-signed or company CA): start VS Code with NODE_EXTRA_CA_CERTS set to that CA\'s PEM file, which the system server is given';
  }
  return undefined;
}

/** Node's fetch hides the cause (ECONNREFUSED, ENOTFOUND, a certificate error) one level down. */
function networkCause(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return sanitizeLine(text, 200);
}

function secretValues(auth: PrometheusAuth): string[] {
  if (auth.kind === 'bearer') return [auth.token];
  if (auth.kind === 'basic') return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')];
  return [];
}

/** Removes every credential from a message: a proxy or Prometheus itself might echo a header back. */
function redact(message: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => (secret.length >= 4 ? text.split(secret).join('[redacted]') : text), message);
}

function redactError(error: PrometheusError, secrets: readonly string[]): PrometheusError {
  const message = redact(error.message, secrets);
  return message === error.message ? error : new PrometheusError(error.kind, message);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
