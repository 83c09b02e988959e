// Docker containers (running and exited) as log sources, over the Engine API with dockerode: each container is the
// source `docker:<name>`, and its log is what `docker logs -t` shows, streamed and decoded here line by line.
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { sanitizeLine } from '../../../shared/sanitize';
import { inWindow } from '../../../shared/time-rule';
import { NotFoundError, UserFacingError } from '../../../shared/tool-result';
import type { LogSourceProvider, RecordQuery, SourceInfo, SourceRecord } from '../types';
import { resolveDockerAddress, type DockerAddress, type DockerEnv } from './address';
import { dockerode } from './client';
import { MIN_API_VERSION, apiTooOld, apiVersionAtLeast, daemonMessage, describeDockerFailure, isDaemonAbsent, isNotFound } from './errors';
import { logPieces } from './frames';
import { DockerLineAssembler, type DockerLine } from './lines';
import { containerSources, isContainerRef, sourceContainerRef, type ContainerSummary } from './names';

export interface DockerProviderOptions {
  /** A DOCKER_HOST value (unix://, tcp://, ssh://); empty or undefined = the environment's DOCKER_HOST, then the default socket. */
  host?: string;
  /** Where DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH are read; process.env by default. */
  env?: DockerEnv;
  /** Pins the Engine API version of every request ("1.41"); unset = the daemon's own. */
  apiVersion?: string;
  /** Ms to wait for the daemon's answer to a request before giving up; 15000 by default. */
  connectTimeoutMs?: number;
  /**
   * `auto` (--docker auto): no daemon at the address (no socket, nothing listening) is not a problem, list() just
   * has no sources; any other failure (no permission, a refused version) is still reported. `on`: every failure is.
   */
  mode?: 'auto' | 'on';
  /** Tails longer than this many lines are read twice rather than held in memory (HELD_TAIL_LINES by default). */
  heldTailLines?: number;
}

interface ContainerFacts {
  id: string;
  name: string;
  tty: boolean;
  logDriver?: string;
  /** How a stopped container ended when it failed: "exited with code 1 at …" (see endedNote). */
  ended?: string;
  /** How often its restart policy restarted it, and whether it is between two runs now (see restartedNote). */
  restarted?: string;
}

/** Stopped containers inspected for their stop time when listing, at most. */
const MAX_STOPPED_INSPECTS = 300;
/** Inspections sent to the daemon at once. */
const INSPECT_BATCH = 8;

/**
 * The sentence for a container that stopped with a failure: a non-zero exit code (1 an error, 137 killed by
 * SIGKILL, 139 a segfault: 128 + the signal), or killed for lack of memory. Undefined for a running container or a
 * clean exit (code 0), whose log tells its own story.
 */
export function endedNote(state: { Running?: boolean; Restarting?: boolean; ExitCode?: number; OOMKilled?: boolean; FinishedAt?: string } | undefined): string | undefined {
  if (!state || state.Running || state.Restarting) return undefined;
  const finished = Date.parse(state.FinishedAt ?? '');
  const at = Number.isFinite(finished) && finished > 0 ? ` at ${new Date(finished).toISOString()}` : '';
  if (state.OOMKilled) return `the container was killed for lack of memory (OOM, exit code ${state.ExitCode ?? 137})${at}`;
  if (state.ExitCode === undefined || state.ExitCode === 0) return undefined;
  const signal = state.ExitCode > 128 && state.ExitCode < 160 ? ` (128 + signal ${state.ExitCode - 128})` : '';
  return `the container exited with code ${state.ExitCode}${signal}${at}: it failed`;
}

/**
 * The sentence for a container its restart policy restarted (`restarts`: the inspect's RestartCount; `policy`: its
 * HostConfig.RestartPolicy.Name): how many times, and, while Docker waits to start it again, how its last run ended.
 * A crash loop's log holds every run one after the other, so the same errors repeat once a run and nothing in the text
 * says the process died in between. Undefined for a container never restarted.
 */
export function restartedNote(
  restarts: number | undefined,
  policy: string | undefined,
  state: { Running?: boolean; Restarting?: boolean; ExitCode?: number; StartedAt?: string; FinishedAt?: string } | undefined,
): string | undefined {
  if (restarts === undefined || !(restarts > 0)) return undefined;
  const by = policy && policy !== 'no' ? ` by its restart policy (${policy})` : '';
  const time = (text: string | undefined) => {
    const at = Date.parse(text ?? '');
    return Number.isFinite(at) && at > 0 ? ` at ${new Date(at).toISOString()}` : '';
  };
  let now = '';
  if (state?.Restarting) now = `; it is restarting now: its last run exited${state.ExitCode !== undefined ? ` with code ${state.ExitCode}` : ''}${time(state.FinishedAt)}`;
  else if (state?.Running) now = `; its current run started${time(state.StartedAt)}`;
  return `the container has been restarted ${restarts} time${restarts === 1 ? '' : 's'}${by}${now}`;
}

/**
 * What a read says of a container whose lines hold U+FFFD: the container wrote bytes that are not UTF-8 (a legacy
 * charset), and the json-file driver stores U+FFFD in their place, so no charset setting brings them back; a search
 * for their letters matches nothing, which must not read as their absence.
 */
export function replacedNote(logDriver: string | undefined): string {
  const where = logDriver === 'json-file' ? "Docker's json-file log driver stored U+FFFD in their place" : 'they reached this server as U+FFFD';
  return (
    `some of its lines hold \uFFFD where the container wrote bytes that are not UTF-8 (a legacy charset such as EUC-KR/CP949, Shift_JIS or Latin-1): ${where}, ` +
    'so their letters cannot be read back and a search for them matches nothing there; have the program write UTF-8 (for a JVM: -Dfile.encoding=UTF-8)'
  );
}

/** Reads container logs from one Docker daemon. The address is resolved once, at construction. */
export class DockerSourceProvider implements LogSourceProvider {
  readonly kind = 'docker' as const;
  private readonly address: DockerAddress | undefined;
  private readonly addressProblem: string | undefined;
  private readonly options: Docker.DockerOptions | undefined;
  private readonly auto: boolean;
  private readonly heldTailLines: number;
  private client: Docker | undefined;
  private versionChecked = false;

  constructor(options: DockerProviderOptions = {}) {
    this.auto = options.mode === 'auto';
    this.heldTailLines = options.heldTailLines ?? HELD_TAIL_LINES;
    try {
      this.address = resolveDockerAddress(options.host, options.env ?? process.env);
      this.options = {
        ...this.address.options,
        ...(options.apiVersion ? { version: `v${options.apiVersion.replace(/^v/, '')}` } : {}),
        connectionTimeout: options.connectTimeoutMs ?? 15_000,
      } as Docker.DockerOptions;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      this.addressProblem = error.message;
    }
  }

  /** Where the daemon is, for messages: "docker at unix:///var/run/docker.sock". */
  get location(): string {
    return `docker at ${this.address?.url ?? 'an unreadable address'}`;
  }

  /** Every container, running and exited (`docker ps -a`), as a source; a problem sentence instead when Docker cannot be asked. */
  async list(signal?: AbortSignal): Promise<{ sources: SourceInfo[]; problem?: string }> {
    // The usual machine without Docker: no socket file, so nothing to ask (and dockerode is never loaded).
    if (this.auto && this.address?.socketPath && !this.address.url.startsWith('npipe:') && !existsSync(this.address.socketPath)) return { sources: [] };
    try {
      const { docker } = await this.ready(signal);
      const containers = (await docker.listContainers({ all: true, abortSignal: signal })) as ContainerSummary[];
      const sources = containerSources(containers, this.location);
      await this.stoppedTimes(docker, sources, signal);
      return { sources };
    } catch (error) {
      signal?.throwIfAborted();
      if (this.auto && isDaemonAbsent(error instanceof UserFacingError ? error.cause : error)) return { sources: [] };
      return { sources: [], problem: error instanceof UserFacingError ? error.message : this.failure(error) };
    }
  }

  /**
   * The log lines of container `name` (`docker:<name>`, or a name or id), oldest first, stdout and stderr told
   * apart, times from the daemon (ms precision), inside [since, until) exactly; `tail` = the newest N of them.
   * Throws UserFacingError for an unknown container, no permission, daemon down, a log driver Docker cannot read back.
   * Memory: a partial line per stream; with `tail`, tail + 1 lines (whole lines are only known at the end of a read).
   * `minLevel` is not pushed down (the Engine API has no levels); the tool layer filters.
   */
  async *read(name: string, query: RecordQuery): AsyncGenerator<SourceRecord> {
    const { docker, address } = await this.ready(query.signal);
    const container = await this.inspect(docker, sourceContainerRef(name), query.signal);
    // How a stopped container ended is part of its log's story: a crash often leaves no ERROR line (a traceback on stderr).
    if (container.ended) query.onNote?.(container.ended);
    if (container.restarted) query.onNote?.(container.restarted);
    const read: LineReader = (apiTail, counter) => this.lines(docker, address, container, query, apiTail, counter);
    let lines: AsyncIterable<DockerLine>;
    if (query.tail === undefined) lines = read();
    // The daemon applies `tail` before `until` (the newest N of the whole log, then the cut): pick the newest N here.
    else if (query.until !== undefined) lines = newest(read(), query.tail);
    else lines = newestWhole(read, query.tail, this.heldTailLines);
    let replaced = false;
    for await (const line of lines) {
      // Said as soon as met: a reader stopping early (a tail, a search's limit) still hears it.
      if (!replaced && line.text.includes('\uFFFD')) {
        replaced = true;
        query.onNote?.(replacedNote(container.logDriver));
      }
      yield { time: line.time, text: line.text, stream: line.stream, container: container.name };
    }
  }

  /** The container's lines inside the query's window, streamed from one GET /logs (closed when the reader stops). */
  private async *lines(docker: Docker, address: DockerAddress, container: ContainerFacts, query: RecordQuery, apiTail?: number, counter?: { messages: number }): AsyncGenerator<DockerLine> {
    const params = { ...apiWindow(query), ...(apiTail !== undefined ? { tail: apiTail } : {}) };
    const body = await this.openLog(docker, address, container, params, query.signal);
    const abort = () => body.destroy();
    query.signal?.addEventListener('abort', abort, { once: true });
    try {
      const assembler = new DockerLineAssembler(container.tty);
      const window = { since: query.since, until: query.until };
      // A line without a time (none with timestamps=1) is kept only when there is no window to place it in.
      const open = query.since === undefined && query.until === undefined;
      const inside = (line: DockerLine) => (line.time === undefined ? open : inWindow(line.time, window));
      for await (const piece of logPieces(body, container.tty)) {
        query.signal?.throwIfAborted();
        yield* assembler.push(piece).filter(inside);
      }
      yield* assembler.flush().filter(inside);
      if (counter) counter.messages = assembler.messages;
    } catch (error) {
      // Destroying the body on abort surfaces as a stream error: report the abort. A connection lost mid-log is said as such.
      query.signal?.throwIfAborted();
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError(`reading the log of container ${container.name} stopped: ${describeDockerFailure(error, address)}`);
    } finally {
      query.signal?.removeEventListener('abort', abort);
      body.destroy();
    }
  }

  /**
   * Sets lastWritten of stopped containers to when they stopped (a stopped container writes nothing after): the
   * list has no such time, so each is inspected, a few at a time, the newest created first and at most
   * MAX_STOPPED_INSPECTS (the others keep no time and come last when sources are chosen by recency). A container
   * created but never started has no time: it has no log.
   */
  private async stoppedTimes(docker: Docker, sources: SourceInfo[], signal?: AbortSignal): Promise<void> {
    const stopped = sources.filter((s) => !s.running && s.container).slice(0, MAX_STOPPED_INSPECTS);
    for (let i = 0; i < stopped.length; i += INSPECT_BATCH) {
      await Promise.all(
        stopped.slice(i, i + INSPECT_BATCH).map(async (source) => {
          try {
            const info = await docker.getContainer(source.container!.id).inspect({ abortSignal: signal } as object);
            const finished = Date.parse(info.State?.FinishedAt ?? '');
            // Docker writes 0001-01-01T00:00:00Z for a container that never ran.
            if (Number.isFinite(finished) && finished > 0) source.lastWritten = finished;
          } catch {
            // Removed between the list and the inspect, or the daemon refused: no time, the source keeps its place.
          }
        }),
      );
      signal?.throwIfAborted();
    }
  }

  /** The client, once the daemon has answered /version with an API version this can use. */
  private async ready(signal?: AbortSignal): Promise<{ docker: Docker; address: DockerAddress }> {
    if (!this.options || !this.address) throw new UserFacingError(this.addressProblem ?? 'no Docker address');
    this.client ??= new (dockerode())(this.options);
    if (!this.versionChecked) {
      // dockerode's types omit the options argument that its version() takes (abortSignal among them).
      const docker = this.client as unknown as { version(options: object): Promise<Docker.DockerVersion> };
      const version = await this.call(() => docker.version({ abortSignal: signal }), signal);
      if (!apiVersionAtLeast(version.ApiVersion, MIN_API_VERSION)) throw new UserFacingError(apiTooOld(version.ApiVersion, version.Version, this.address));
      this.versionChecked = true;
    }
    return { docker: this.client, address: this.address };
  }

  /** Runs one request, turning connection and daemon failures into a UserFacingError (aborts pass through). */
  private async call<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await request();
    } catch (error) {
      signal?.throwIfAborted();
      throw new UserFacingError(this.failure(error), { cause: error });
    }
  }

  private failure(error: unknown): string {
    return this.address ? describeDockerFailure(error, this.address) : String(error);
  }

  private async inspect(docker: Docker, ref: string, signal?: AbortSignal): Promise<ContainerFacts> {
    // dockerode puts the reference into the request path as it is: only what Docker allows in a name or id goes there.
    if (!isContainerRef(ref)) throw new NotFoundError(await this.unknownContainer(sanitizeLine(ref, 100), signal));
    try {
      const info = await docker.getContainer(ref).inspect({ abortSignal: signal } as object);
      const ended = endedNote(info.State);
      const restarted = restartedNote(info.RestartCount, info.HostConfig?.RestartPolicy?.Name, info.State);
      return { id: info.Id, name: info.Name.replace(/^\//, ''), tty: info.Config?.Tty === true, logDriver: info.HostConfig?.LogConfig?.Type, ...(ended ? { ended } : {}), ...(restarted ? { restarted } : {}) };
    } catch (error) {
      signal?.throwIfAborted();
      if (!isNotFound(error)) throw new UserFacingError(this.failure(error));
      throw new NotFoundError(await this.unknownContainer(ref, signal));
    }
  }

  private async unknownContainer(ref: string, signal?: AbortSignal): Promise<string> {
    const { sources } = await this.list(signal);
    const known = sources.map((source) => source.name);
    const shown = known.slice(0, 20).join(', ') + (known.length > 20 ? `, … (${known.length} in all)` : '');
    return `no container "${ref}" at ${this.address?.url}: ${known.length ? `known containers are ${shown}` : 'there are no containers'} (\`docker ps -a\` lists them; exited containers removed with \`docker rm\` have no logs left).`;
  }

  /** GET /containers/{id}/logs as a stream (dockerode's container.logs buffers the whole log unless it follows). */
  private openLog(docker: Docker, address: DockerAddress, container: ContainerFacts, params: Record<string, number>, signal?: AbortSignal): Promise<IncomingMessage> {
    const options: Record<string, unknown> = { stdout: true, stderr: true, timestamps: true, follow: false, ...params };
    return new Promise((resolve, reject) => {
      docker.modem.dial(
        {
          path: `/containers/${encodeURIComponent(container.id)}/logs?`,
          method: 'GET',
          isStream: true,
          abortSignal: signal,
          statusCodes: { 200: true, 404: 'no such container', 500: 'server error', 501: 'not implemented' },
          options,
        } as Parameters<typeof docker.modem.dial>[0],
        (error: unknown, body: unknown) => {
          if (!error) return resolve(body as IncomingMessage);
          if (signal?.aborted) return reject(signal.reason);
          reject(new UserFacingError(logFailure(error, address, container)));
        },
      );
    });
  }
}

/**
 * The API's own (coarse, whole-second) cut: since floored and until rounded up, so the exact [since, until) filter
 * afterwards loses nothing.
 */
export function apiWindow(query: Pick<RecordQuery, 'since' | 'until'>): Record<string, number> {
  const params: Record<string, number> = {};
  if (query.since !== undefined && query.since >= 1000) params.since = Math.floor(query.since / 1000);
  if (query.until !== undefined) params.until = Math.max(1, Math.ceil(query.until / 1000));
  return params;
}

function logFailure(error: unknown, address: DockerAddress, container: ContainerFacts): string {
  const message = daemonMessage(error);
  if (/does not support reading|not implemented/i.test(message) || (error as { statusCode?: number }).statusCode === 501) {
    return (
      `the logs of container ${container.name} cannot be read back: it logs with the "${container.logDriver ?? 'unknown'}" driver (${message}). ` +
      'Docker reads back json-file, local and journald logs; run the container with `--log-driver json-file` or read the logs where that driver sends them.'
    );
  }
  return describeDockerFailure(error, address);
}

/** One read of the log, with the API's `tail` (daemon messages) when given; `counter` gets the messages it held. */
type LineReader = (apiTail?: number, counter?: { messages: number }) => AsyncIterable<DockerLine>;

/** Messages asked for beyond the lines wanted, so that a few split lines rarely need a second request. */
const TAIL_MARGIN = 32;

/** Tails up to this many lines are held in memory (about 200 bytes a line); longer ones are read twice instead. */
export const HELD_TAIL_LINES = 10_000;

/**
 * The newest `count` whole lines (window: since only). The API's tail counts messages, and Docker writes a line
 * over 16 KiB as several, so the oldest of the last N messages can be the end of a line without its start: ask for
 * more messages than lines, and drop the oldest line unless the daemon ran out of messages (it gave the whole log),
 * asking again for four times as many when that leaves fewer than `count`. Memory: count + 1 lines when count is
 * at most `heldUpTo`; above, a first read only counts lines and a second streams them after the extra ones (lines a
 * running container writes between the two reads come on top).
 */
export async function* newestWhole(read: LineReader, count: number, heldUpTo = HELD_TAIL_LINES): AsyncGenerator<DockerLine> {
  if (count <= 0) return;
  for (let asked = count + TAIL_MARGIN; ; asked *= 4) {
    const counter = { messages: 0 };
    if (count <= heldUpTo) {
      const kept: DockerLine[] = [];
      for await (const line of newest(read(asked, counter), count + 1)) kept.push(line);
      if (counter.messages < asked || kept.length > count) return yield* kept.slice(-count);
    } else {
      let lines = 0;
      for await (const _line of read(asked, counter)) lines++;
      if (counter.messages < asked || lines > count) return yield* skipped(read(asked), lines - count);
    }
  }
}

async function* skipped(lines: AsyncIterable<DockerLine>, skip: number): AsyncGenerator<DockerLine> {
  let index = 0;
  for await (const line of lines) if (index++ >= skip) yield line;
}

/** The newest `count` lines, oldest first; memory: `count` lines. */
async function* newest(lines: AsyncIterable<DockerLine>, count: number): AsyncGenerator<DockerLine> {
  if (count <= 0) return;
  const ring: DockerLine[] = [];
  let next = 0;
  for await (const line of lines) {
    if (ring.length < count) ring.push(line);
    else ring[next] = line;
    next = (next + 1) % count;
  }
  if (ring.length < count) yield* ring;
  else yield* [...ring.slice(next), ...ring.slice(0, next)];
}
