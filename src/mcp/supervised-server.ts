// One MCP server over stdio, kept alive: restarted with exponential backoff when it exits or
// stops answering pings, marked failed after repeated quick failures. No `vscode` import.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError, ToolListChangedNotificationSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { isConnectionClosed, listAllTools, toOutcome } from './client-calls';
import { t } from '@vscode/l10n';
import type { MetricsRecorder } from './metrics';
import type { ServerSpec } from './server-specs';
import { serverTransport, type ProcessExit, type ServerTransport } from './server-transport';
import type { ServerState, ServerStatus, ToolCallOutcome } from './types';
import { VERSION } from '../version';

export interface OutputSink {
  append(line: string): void;
}

export interface SupervisorOptions {
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Consecutive unanswered pings before the server is killed and restarted. */
  missedPingsBeforeRestart: number;
  /** Per-call timeout, restarted by each progress notification. */
  callTimeoutMs: number;
  /** Upper bound for one call even while it reports progress. */
  maxTotalCallMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** After this many failures in a row (each within stableAfterMs of starting) the server is marked failed. */
  maxQuickFailures: number;
  stableAfterMs: number;
  startTimeoutMs: number;
  /** How long a call waits for a server that is (re)starting. */
  waitForStartMs: number;
  stderrLines: number;
}

export const DEFAULT_SUPERVISOR_OPTIONS: SupervisorOptions = {
  pingIntervalMs: 15_000,
  pingTimeoutMs: 5_000,
  missedPingsBeforeRestart: 2,
  callTimeoutMs: 60_000,
  maxTotalCallMs: 300_000,
  backoffBaseMs: 200,
  backoffMaxMs: 30_000,
  maxQuickFailures: 5,
  stableAfterMs: 30_000,
  startTimeoutMs: 20_000,
  waitForStartMs: 10_000,
  stderrLines: 20,
};

export class ToolCallCancelledError extends Error {
  constructor(tool: string) {
    super(t('{0} was cancelled.', tool));
    this.name = 'ToolCallCancelledError';
  }
}

/** The server died (or was killed) while the call was in flight. */
export class ServerLostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServerLostError';
  }
}

export class SupervisedServer {
  private status: ServerStatus = 'stopped';
  private detail: string | undefined;
  private readonly stderrTail: string[] = [];
  /**
   * What the server wrote to stderr since it was last started: why it failed is in its last run. The tail of every run
   * made a server killed five times from outside "fail" with its start-up line five times over as the reason.
   */
  private lastRunStderr: string[] = [];
  private stderrPartial = '';
  private restarts = 0;
  private quickFailures = 0;
  private generation = 0;
  private client: Client | undefined;
  private transport: ServerTransport | undefined;
  /** When the current process reached 'running'; undefined while it has not. */
  private runningSince: number | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private missedPings = 0;
  private pingInFlight = false;
  private disposed = false;
  private killReason: string | undefined;
  private readyWaiters: Array<() => void> = [];
  private toolList: Tool[] = [];

  constructor(
    readonly spec: ServerSpec,
    private readonly output: OutputSink,
    private readonly metrics: MetricsRecorder,
    private readonly options: SupervisorOptions,
    private readonly onChange: () => void,
  ) {
    if (spec.disabledReason) {
      this.status = 'disabled';
      this.detail = spec.disabledReason;
    }
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.transport?.pid ?? undefined;
  }

  get tools(): readonly Tool[] {
    return this.status === 'failed' || this.status === 'disabled' || this.status === 'stopped' ? [] : this.toolList;
  }

  state(): ServerState {
    return {
      name: this.spec.name,
      status: this.status,
      detail: this.detail,
      lastStderr: [...this.stderrTail],
      restarts: this.restarts,
      toolCount: this.tools.length,
      pid: this.status === 'running' ? this.pid : undefined,
    };
  }

  /** Starts the server in the background (no-op when disabled or already up). */
  start(): void {
    if (this.disposed || this.spec.disabledReason) return;
    if (this.status === 'running' || this.status === 'starting') return;
    this.quickFailures = 0;
    void this.launch();
  }

  /** Kills the current process (if any) and starts afresh with the failure count reset. */
  async restart(): Promise<void> {
    if (this.disposed || this.spec.disabledReason) return;
    this.clearTimers();
    const old = this.client;
    this.generation++; // the old connection's close is no longer ours
    this.client = undefined;
    this.transport = undefined;
    if (old) await old.close().catch(() => undefined);
    this.quickFailures = 0;
    this.restarts++;
    await this.launch();
  }

  async stop(): Promise<void> {
    this.disposed = true;
    this.clearTimers();
    this.generation++;
    const old = this.client;
    this.client = undefined;
    this.transport = undefined;
    if (this.status !== 'disabled') this.setStatus('stopped', undefined);
    this.flushWaiters();
    if (old) await old.close().catch(() => undefined);
  }

  async callTool(tool: string, args: Record<string, unknown>, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ToolCallOutcome> {
    const started = Date.now();
    let failed = true;
    try {
      const outcome = await this.callOnce(tool, args, options).catch(async (error: unknown) => {
        // A read-only (or idempotent) tool that lost its server mid-call is safe to run again on the restarted one.
        if (!(error instanceof ServerLostError) || !this.safeToRetry(tool)) throw error;
        this.output.append(`[supervisor] retrying ${tool} after the server restarts`);
        return this.callOnce(tool, args, options);
      });
      failed = outcome.isError;
      return outcome;
    } catch (error) {
      if (error instanceof ToolCallCancelledError) failed = false;
      throw error;
    } finally {
      this.metrics.record(this.name, tool, Date.now() - started, failed);
    }
  }

  private safeToRetry(tool: string): boolean {
    const annotations = this.toolList.find((t) => t.name === tool)?.annotations;
    return annotations?.readOnlyHint === true || annotations?.idempotentHint === true;
  }

  private async callOnce(tool: string, args: Record<string, unknown>, options: { signal?: AbortSignal; timeoutMs?: number }): Promise<ToolCallOutcome> {
    const client = await this.readyClient(options.signal, tool);
    const generation = this.generation;
    const timeout = options.timeoutMs ?? this.options.callTimeoutMs;
    try {
      const result = await client.callTool({ name: tool, arguments: args }, undefined, {
        signal: options.signal,
        timeout,
        // The SDK sends a progress token only when onprogress is given; without it the reset does nothing.
        onprogress: () => undefined,
        resetTimeoutOnProgress: true,
        maxTotalTimeout: Math.max(timeout, this.options.maxTotalCallMs),
      });
      return toOutcome(result);
    } catch (error) {
      if (options.signal?.aborted) throw new ToolCallCancelledError(tool);
      if (generation !== this.generation || this.status !== 'running' || isConnectionClosed(error)) {
        throw new ServerLostError(t('The "{0}" server stopped while running {1}; it is being restarted. Try again in a moment.', this.name, tool), { cause: error });
      }
      if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
        throw new Error(t('{0} on the "{1}" server did not answer within {2} s.', tool, this.name, Math.round(timeout / 1000)), { cause: error });
      }
      throw error;
    }
  }

  /** Reading is side-effect free, so a read that lost its server is retried once on the restarted one. */
  async readResource(uri: string, options: { signal?: AbortSignal } = {}): Promise<{ text: string }> {
    try {
      return await this.readOnce(uri, options);
    } catch (error) {
      if (!(error instanceof ServerLostError)) throw error;
      return this.readOnce(uri, options);
    }
  }

  private async readOnce(uri: string, options: { signal?: AbortSignal }): Promise<{ text: string }> {
    const client = await this.readyClient(options.signal, uri);
    const generation = this.generation;
    try {
      const result = await client.readResource({ uri }, { signal: options.signal, timeout: this.options.callTimeoutMs });
      const text = result.contents.map((c) => ('text' in c && typeof c.text === 'string' ? c.text : '')).join('\n');
      return { text };
    } catch (error) {
      if (options.signal?.aborted) throw new ToolCallCancelledError(uri);
      if (generation !== this.generation || this.status !== 'running' || isConnectionClosed(error)) {
        throw new ServerLostError(t('The "{0}" server stopped while reading {1}; it is being restarted. Try again in a moment.', this.name, uri), { cause: error });
      }
      throw error;
    }
  }

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    this.killReason = undefined;
    this.runningSince = undefined;
    this.missedPings = 0;
    this.lastRunStderr = [];
    this.setStatus(this.restarts > 0 ? 'restarting' : 'starting', undefined);
    const transport = serverTransport({ command: this.spec.command, args: this.spec.args, env: this.spec.env, cwd: this.spec.cwd });
    transport.stderr?.on('data', (chunk: Buffer) => this.onStderr(chunk.toString('utf8')));
    const client = new Client({ name: 'devops-assistant', version: VERSION }, { capabilities: {} });
    client.onclose = () => this.onClosed(generation);
    client.onerror = (error) => {
      if (!isLateProgress(error)) this.output.append(`[client] ${error.message}`);
    };
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      if (generation !== this.generation) return;
      try {
        this.toolList = await listAllTools(client, this.options.startTimeoutMs);
        this.output.append(`[supervisor] tool list changed: ${this.toolList.length} tools`);
        this.onChange();
      } catch (error) {
        this.output.append(`[supervisor] could not refresh tools: ${(error as Error).message}`);
      }
    });
    this.client = client;
    this.transport = transport;
    this.output.append(`[supervisor] starting ${this.spec.command} ${this.spec.args.join(' ')}`);
    for (const note of this.spec.settingNotes ?? []) this.output.append(`[settings] ${note}`);
    try {
      await client.connect(transport, { timeout: this.options.startTimeoutMs });
      const tools = await listAllTools(client, this.options.startTimeoutMs);
      if (generation !== this.generation) return;
      this.toolList = tools;
      this.runningSince = Date.now();
      this.output.append(`[supervisor] running (pid ${transport.pid ?? '?'}), ${tools.length} tools`);
      this.setStatus('running', undefined);
      this.startPings(generation);
      this.flushWaiters();
    } catch (error) {
      if (generation !== this.generation) return;
      // A server that exits during start-up shows up here as the protocol's "Connection closed": how it ended (exit
      // code 1 of an uncaught error, a signal from an OOM killer) is what tells the user where to look.
      const ended = transport.exitStatus;
      const message = ended ? `${(error as Error).message}. ${describeExit(ended)}` : (error as Error).message;
      this.output.append(`[supervisor] start failed: ${message}`);
      this.generation++; // ignore the close this causes
      this.client = undefined;
      this.transport = undefined;
      void client.close().catch(() => undefined);
      this.scheduleRestart(t('Could not start: {0}', message), 0);
    }
  }

  private onClosed(generation: number): void {
    if (generation !== this.generation || this.disposed) return;
    this.generation++;
    this.clearTimers();
    const ended = this.transport?.exitStatus;
    this.client = undefined;
    this.transport = undefined;
    const reason = this.killReason ?? (ended ? describeExit(ended) : t('The server process exited.'));
    this.output.append(`[supervisor] ${reason}`);
    this.scheduleRestart(reason, this.runningSince === undefined ? 0 : Date.now() - this.runningSince);
  }

  private scheduleRestart(reason: string, ranForMs: number): void {
    if (this.disposed) return;
    if (ranForMs >= this.options.stableAfterMs) this.quickFailures = 0;
    this.quickFailures++;
    if (this.quickFailures > this.options.maxQuickFailures) {
      const tail = this.lastRunStderr.slice(-5).join('\n');
      this.setStatus('failed', tail ? `${reason}\n${tail}` : reason);
      this.output.append(`[supervisor] giving up after ${this.quickFailures - 1} quick failures`);
      this.flushWaiters();
      return;
    }
    const delay = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (this.quickFailures - 1));
    this.setStatus('restarting', reason);
    this.output.append(`[supervisor] restarting in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts++;
      void this.launch();
    }, delay);
  }

  private startPings(generation: number): void {
    if (this.options.pingIntervalMs <= 0) return;
    this.pingTimer = setInterval(() => {
      const client = this.client;
      if (!client || this.pingInFlight || generation !== this.generation) return;
      this.pingInFlight = true;
      client
        .ping({ timeout: this.options.pingTimeoutMs })
        .then(() => {
          this.missedPings = 0;
        })
        .catch(() => {
          if (generation !== this.generation) return;
          this.missedPings++;
          this.output.append(`[supervisor] ping not answered (${this.missedPings}/${this.options.missedPingsBeforeRestart})`);
          if (this.missedPings >= this.options.missedPingsBeforeRestart) this.kill(t('The server stopped answering.'));
        })
        .finally(() => {
          this.pingInFlight = false;
        });
    }, this.options.pingIntervalMs);
    this.pingTimer.unref?.();
  }

  /** Kills a hung process outright, with the processes it started (server-transport.ts); the resulting close triggers the restart. */
  private kill(reason: string): void {
    this.killReason = reason;
    this.transport?.killAll();
    void this.client?.close().catch(() => undefined);
  }

  private readyClient(signal: AbortSignal | undefined, what: string): Promise<Client> {
    if (signal?.aborted) return Promise.reject(new ToolCallCancelledError(what));
    if (this.status === 'running' && this.client) return Promise.resolve(this.client);
    if (this.status !== 'starting' && this.status !== 'restarting') {
      return Promise.reject(new Error(this.unavailableMessage()));
    }
    return new Promise<Client>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.readyWaiters = this.readyWaiters.filter((w) => w !== waiter);
      };
      const waiter = () => {
        finish();
        if (this.status === 'running' && this.client) resolve(this.client);
        else reject(new Error(this.unavailableMessage()));
      };
      const onAbort = () => {
        finish();
        reject(new ToolCallCancelledError(what));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(t('The "{0}" server is still starting; try again in a moment.', this.name)));
      }, this.options.waitForStartMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.readyWaiters.push(waiter);
    });
  }

  private unavailableMessage(): string {
    const why = this.detail ? ` ${this.detail.split('\n')[0]}` : '';
    return t('The "{0}" server is {1}.', this.name, this.status) + why;
  }

  private flushWaiters(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  private onStderr(text: string): void {
    const lines = (this.stderrPartial + text).split(/\r?\n/);
    this.stderrPartial = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') continue;
      this.output.append(line);
      this.stderrTail.push(line.slice(0, 500));
      if (this.stderrTail.length > this.options.stderrLines) this.stderrTail.shift();
      this.lastRunStderr.push(line.slice(0, 500));
      if (this.lastRunStderr.length > this.options.stderrLines) this.lastRunStderr.shift();
    }
  }

  private setStatus(status: ServerStatus, detail: string | undefined): void {
    this.status = status;
    this.detail = detail;
    this.onChange();
  }

  private clearTimers(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.restartTimer = undefined;
    this.pingTimer = undefined;
  }
}

/**
 * The SDK client's complaint about a progress notification whose request has already been answered. It handles a
 * response at once but a notification a tick later, so a server's last progress, written just before its result, is
 * "for an unknown token" by the time it is read (modelcontextprotocol/typescript-sdk#2580): nothing went wrong, and a
 * user reading the server's output channel must not be shown an error for it.
 */
function isLateProgress(error: Error): boolean {
  return error.message.startsWith('Received a progress notification for an unknown token');
}

/**
 * How a server's process ended, as a sentence for its status: the exit code of a server that stopped by itself (1 is
 * Node's uncaught error), or the signal that ended it (SIGKILL: the OOM killer or a kill -9; SIGSEGV: a native crash).
 */
export function describeExit(ended: ProcessExit): string {
  if (ended.signal) return t('The server process was ended by the signal {0}.', ended.signal);
  if (ended.code !== null) return t('The server process exited with code {0}.', String(ended.code));
  return t('The server process exited.');
}
