// The system server's one command-line table: the parser, the defaults and --help all come from it.
import { z } from 'zod';
import { CliUsageError, readConfig, type CliConfig, type CliOption, type CliSpec } from '../shared/cli';
import { UserFacingError } from '../shared/tool-result';
import { AUTH_ENV, authFromEnv, type PrometheusSettings } from './fleet/prometheus';
import { DEFAULT_THRESHOLDS, WARNS_WHEN, type Metric, type Thresholds } from './warnings/thresholds';

/** Where the fleet tools read their metrics, and how they name hosts. */
export interface FleetConfig {
  prometheus: PrometheusSettings;
  /** The label that names a host (`instance` by default; targets without it fall back to `instance`). */
  hostLabel: string;
}

/** What the tools and the resource are built with. */
export interface SystemConfig {
  thresholds: Thresholds;
  /** Present when a Prometheus URL is configured: the fleet tools are offered then, and only then. */
  fleet?: FleetConfig;
}

const PERCENTAGE = 'must be a percentage from 0 to 100, written as a plain decimal number (e.g. 80 or 92.5)';

/**
 * Plain decimal digits with an optional fraction: Number() alone would take "0x50" as 80, "1e1" as
 * 10 and "0b1" as 1, so a setting could mean something its writer never read in it.
 */
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** A percentage 0–100 written as text; surrounding blanks are allowed, an empty value is not. */
const percentage = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!PLAIN_DECIMAL.test(trimmed) || value > 100) {
    ctx.addIssue({ code: 'custom', message: PERCENTAGE });
    return z.NEVER;
  }
  return value;
});

/** Whole seconds 1–300 as plain decimal digits (not "0x10" or "1e1"). */
const seconds = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value < 1 || value > 300) {
    ctx.addIssue({ code: 'custom', message: 'must be whole seconds from 1 to 300, written as plain decimal digits (e.g. 30)' });
    return z.NEVER;
  }
  return value;
});

function thresholdOption(metric: Metric): CliOption<number> {
  return {
    flag: `${metric}-threshold`,
    env: `${metric.toUpperCase()}_THRESHOLD`,
    placeholder: 'N',
    description: `warn when ${WARNS_WHEN[metric]} N %`,
    value: percentage,
    default: DEFAULT_THRESHOLDS[metric],
  };
}

const URL_OPTION = '--prometheus-url / PROMETHEUS_URL';

/** Flags and environment variables of the system server. */
export const SYSTEM_CLI = {
  title: 'DevOps Assistant system MCP server (read-only), speaking MCP over stdio.',
  command: 'node system.js',
  options: {
    cpu: thresholdOption('cpu'),
    memory: thresholdOption('memory'),
    disk: thresholdOption('disk'),
    prometheusUrl: {
      flag: 'prometheus-url',
      env: 'PROMETHEUS_URL',
      placeholder: 'URL',
      description: 'Prometheus to read fleet metrics from (node_exporter targets), e.g. http://prometheus:9090; adds the fleet tools',
      // Checked in toSystemConfig, whose messages never repeat the text (it could hold a password).
      value: z.string(),
      default: '',
      defaultText: 'none: no fleet tools',
    },
    hostLabel: {
      flag: 'prometheus-host-label',
      env: 'PROMETHEUS_HOST_LABEL',
      placeholder: 'LABEL',
      description: 'target label that names a host, e.g. host (targets without it are named by instance)',
      value: z.string().trim().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a Prometheus label name'),
      default: 'instance',
    },
    prometheusTimeout: {
      flag: 'prometheus-timeout',
      env: 'PROMETHEUS_TIMEOUT',
      placeholder: 'SECONDS',
      description: 'longest wait for one Prometheus answer, in seconds (1–300)',
      value: seconds,
      default: 10,
    },
  },
  notes: `Reports host facts and live readings: CPU (measured over a short interval), memory and swap,
disks, top processes and network throughput, with warnings when a threshold is crossed.
Read-only; speaks MCP over stdin/stdout, logs to stderr, exits when stdin closes.

Tools:     get_resource_usage, get_disk_usage, get_top_processes, get_network_usage
Resource:  system://info

With a Prometheus URL, also the fleet tools fleet_overview, host_usage and query_metrics (every host
Prometheus scrapes with node_exporter), the resource template fleet://host/{host} and the prompt
check_host, both with host-name completion. Credentials come from the environment only:
${AUTH_ENV.token}, or ${AUTH_ENV.username} with ${AUTH_ENV.password}; they are never logged or shown.`,
} satisfies CliSpec<Record<string, CliOption<unknown>>>;

export type SystemCli = CliConfig<typeof SYSTEM_CLI.options>;

/**
 * The configuration from `argv` (arguments only, without node and the script) and `env`: each
 * setting from its flag, else its variable, else its default. Reads nothing else. Throws a
 * CliUsageError naming the flag and variable for a value that is not valid, or an unknown flag.
 */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): SystemConfig {
  return toSystemConfig(readConfig(SYSTEM_CLI, argv, env), env);
}

/**
 * What the fleet settings given are not used for when no Prometheus URL is (`--prometheus-url` / PROMETHEUS_URL): a
 * line for stderr naming them (never their values: a token is a credential), or undefined when there is nothing to
 * say. Reads `argv` and `env` as loadConfig does; an empty variable is no setting.
 */
export function unusedFleetSettings(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  const given = (flag: string) => argv.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const { prometheusUrl, hostLabel, prometheusTimeout } = SYSTEM_CLI.options;
  if (given(prometheusUrl.flag) || set(prometheusUrl.env)) return undefined;
  const unused = [
    ...[hostLabel, prometheusTimeout].map((o) => (given(o.flag) ? `--${o.flag}` : set(o.env) ? o.env : undefined)),
    ...Object.values(AUTH_ENV).map((name) => (set(name) ? name : undefined)),
  ].filter((name): name is string => name !== undefined);
  if (unused.length === 0) return undefined;
  return `fleet tools off: ${prometheusUrl.env} (--${prometheusUrl.flag}) is not set, so ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not used`;
}

/**
 * The server's configuration from the parsed table and the credentials in `env`. Throws a
 * CliUsageError for a URL that is not http(s) or that carries credentials, and for a user name
 * without a password; the messages never repeat the URL or any credential.
 */
export function toSystemConfig(parsed: SystemCli, env: Readonly<Record<string, string | undefined>>): SystemConfig {
  const thresholds = { cpu: parsed.cpu, memory: parsed.memory, disk: parsed.disk };
  if (parsed.prometheusUrl.trim() === '') return { thresholds };
  const url = prometheusUrl(parsed.prometheusUrl.trim());
  let auth;
  try {
    auth = authFromEnv(env);
  } catch (error) {
    throw new CliUsageError(error instanceof UserFacingError ? error.message : String(error));
  }
  return { thresholds, fleet: { prometheus: { url, auth, timeoutMs: parsed.prometheusTimeout * 1000 }, hostLabel: parsed.hostLabel } };
}

function prometheusUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliUsageError(`${URL_OPTION}: not a URL; give the address of Prometheus, e.g. http://prometheus:9090`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliUsageError(`${URL_OPTION}: must start with http:// or https://`);
  if (url.username !== '' || url.password !== '') {
    throw new CliUsageError(
      `${URL_OPTION}: must not carry credentials (a URL shows in logs and process lists); set ${AUTH_ENV.token}, or ${AUTH_ENV.username} and ${AUTH_ENV.password}, instead`,
    );
  }
  url.search = '';
  url.hash = '';
  return url;
}
