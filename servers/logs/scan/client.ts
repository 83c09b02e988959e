// The server's side of the scan process: every scan runs in a separate process, with ripgrep when it can take the
// pattern or with the pure-Node engine, so that no pattern can block the server and no line passes through the
// server's heap. The process reports a heartbeat while it works; one that falls silent (catastrophic backtracking) is
// killed, as is one whose scan is cancelled (with the ripgrep it runs).
import { fork, type ChildProcess } from 'node:child_process';
import type { FileIndex } from '../format/clock-days';
import { UserFacingError } from '../../shared/tool-result';
import { abortError } from '../../shared/progress';
import { killChildTree } from '../../shared/kill-tree';
import { UnreadableError } from '../io/chunks';
import type { MessageTally } from '../patterns/tallies';
import type { FileScanResult, ScanRequest, ScanTarget } from '../search/types';
import { fromWorkerSchema, type FromWorker, type ToWorker } from './messages';
import { startWatchdog } from './watchdog';

/** A scan process silent for this long (ms of its own CPU time where the system tells it: scan/watchdog.ts) is stuck in one regex execution. */
export const STALL_MS = 1000;
/** A scan process still loading its bundle is not stalled; this bounds its start-up (ms) on a very busy machine. */
const STARTUP_MS = 30_000;

export interface ScanOptions {
  signal?: AbortSignal;
  /** Bytes of the file read so far (compressed bytes for gzip). */
  onProgress?: (rawBytes: number) => void;
  /**
   * The scan process opened the file and fixed the read's end: it reads the first `size` bytes (lines written later
   * are noted in the result's `grew`). Called once, before any onProgress.
   */
  onOpened?: (size: number) => void;
  /** Silence (ms) after which the scan is stopped; STALL_MS by default. */
  stallMs?: number;
  /** error_summary: accepted lines, folded by masked message one block at a time, instead of matches. */
  onTallies?: (tallies: MessageTally[]) => void;
  /** ripgrep's path: the scan process runs it when it can take the pattern and file, else the pure-Node engine. */
  ripgrep?: string;
  /**
   * The days of the file's times of day without a date, as the server read them (LineParser.fileIndex): the scan
   * process dates lines by them rather than reading the file once more for them.
   */
  fileIndex?: FileIndex;
}

/**
 * Runs scans in scan processes started from `entry` (dist/servers/logs-scan-worker.js), one job per process at a
 * time, keeping one warm process between scans (start-up costs more than most scans). Created once by the server's
 * entry point and handed to the tools.
 */
export class ScanClient {
  private idle: ChildProcess | undefined;

  /**
   * `entry`: the scan process's bundle; `seekMinBytes`: the size (bytes) from which a plain file is sought in for a
   * `since` window (scan/seek.ts), io/time-seek.ts's default when absent.
   */
  constructor(
    private readonly entry: string,
    private readonly options: { seekMinBytes?: number } = {},
  ) {}

  /**
   * Scans one file. Rejects with the abort error when `options.signal` fires, a UserFacingError when the scan
   * stalls or the file changed, an UnreadableError for a file that is not a readable log (corrupt gzip).
   */
  async scanFile(target: ScanTarget, request: ScanRequest, options: ScanOptions = {}): Promise<FileScanResult> {
    if (options.signal?.aborted) throw abortError();
    const worker = await this.acquire(options.signal);
    return new Promise<FileScanResult>((resolve, reject) => {
      const stallMs = options.stallMs ?? STALL_MS;
      let ripgrepPid: number | undefined;
      let settled = false;
      const finish = (error: Error | undefined, result?: FileScanResult) => {
        if (settled) return;
        settled = true;
        watchdog.stop();
        options.signal?.removeEventListener('abort', onAbort);
        if (!error) {
          this.release(worker);
          resolve(result!);
          return;
        }
        worker.removeAllListeners('message');
        kill(worker);
        // ripgrep would otherwise read on until its next write finds no reader.
        if (ripgrepPid !== undefined) killQuietly(ripgrepPid);
        reject(error);
      };
      const watchdog = startWatchdog(stallMs, () => finish(stalledError(target.name, stallMs)), worker.pid);
      const onAbort = () => finish(abortError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (raw: unknown) => {
        watchdog.beat();
        const parsed = fromWorkerSchema.safeParse(raw);
        if (!parsed.success) return finish(new Error(`the scan process sent an unexpected message: ${parsed.error.message}`));
        const message = parsed.data;
        if (message.type === 'beat') options.onProgress?.(message.raw);
        else if (message.type === 'opened') options.onOpened?.(message.size);
        else if (message.type === 'ripgrep') ripgrepPid = message.pid;
        else if (message.type === 'tallies') {
          // The scan waits for this ack, so the time spent grouping here is not counted as its silence.
          options.onTallies?.(message.tallies);
          watchdog.beat();
          sendAck(worker);
        } else if (message.type === 'done') finish(undefined, message.result);
        else if (message.type === 'error') finish(workerError(message));
      });
      worker.on('error', (error) => finish(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code, signal) => finish(new Error(`scan process exited (${signal ?? code})`)));
      const job: ToWorker = { type: 'job', target, request, summarize: options.onTallies !== undefined, ripgrep: options.ripgrep, ...(options.fileIndex !== undefined ? { fileIndex: options.fileIndex } : {}), ...(this.options.seekMinBytes !== undefined ? { seekMinBytes: this.options.seekMinBytes } : {}) };
      worker.send(job);
    });
  }

  /** Ends the warm scan process (a running scan ends with its own job). */
  close(): void {
    const idle = this.idle;
    this.idle = undefined;
    if (idle) kill(idle);
  }

  /** The warm process, or a new one (killed when `signal` fires while it starts: a cancelled scan burns no CPU). */
  private async acquire(signal: AbortSignal | undefined): Promise<ChildProcess> {
    const idle = this.idle;
    this.idle = undefined;
    if (idle && idle.connected) {
      idle.ref();
      (idle.channel as { ref?: () => void } | undefined)?.ref?.();
      idle.removeAllListeners('message');
      idle.removeAllListeners('exit');
      idle.removeAllListeners('error');
      return idle;
    }
    return startScanProcess(this.entry, signal);
  }

  /** Keeps a process whose job ended well as the warm one (unreferenced: it does not keep the server alive). */
  private release(worker: ChildProcess): void {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    if (this.idle || !worker.connected) {
      kill(worker);
      return;
    }
    worker.on('error', () => {});
    worker.on('exit', () => {
      if (this.idle === worker) this.idle = undefined;
    });
    worker.unref();
    (worker.channel as { unref?: () => void } | undefined)?.unref?.();
    this.idle = worker;
  }
}

/**
 * A separate Node process rather than a worker thread: it can be killed mid-regex like a worker, its memory is
 * bounded by its own flags (a small young generation; V8's linear-time fallback for backtracking regexes), and
 * the server's own heap stays small. Semi-spaces of 2 MB, not 1: with 1, a block or a chunk of ripgrep's output
 * still being worked on is promoted, and the old generation and the C heap fill with them (measured 62–96 MB
 * against 58–59 MB for a ripgrep error_summary of 1 GiB under Node 20). Resolves once the process says it is ready.
 */
function startScanProcess(entry: string, signal: AbortSignal | undefined): Promise<ChildProcess> {
  const child = fork(entry, [], {
    execArgv: ['--max-old-space-size=48', '--max-semi-space-size=2'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise<ChildProcess>((resolve, reject) => {
    const settle = (error: Error | undefined) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      child.off('message', onMessage);
      child.off('error', onError);
      child.off('exit', onExit);
      if (!error) return resolve(child);
      kill(child);
      reject(error);
    };
    const timer = setTimeout(() => settle(new Error('the scan process did not start')), STARTUP_MS);
    const onMessage = (message: unknown) => {
      if (fromWorkerSchema.safeParse(message).data?.type === 'ready') settle(undefined);
    };
    const onError = (error: Error) => settle(error);
    const onExit = (code: number | null) => settle(new Error(`the scan process exited while starting (${code})`));
    const onAbort = () => settle(abortError());
    child.on('message', onMessage);
    child.on('error', onError);
    child.on('exit', onExit);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function stalledError(name: string, stallMs: number): UserFacingError {
  return new UserFacingError(
    `the pattern took more than ${stallMs / 1000} s on a single part of ${name} (catastrophic backtracking?) and was stopped; ` +
      'simplify it: avoid nested quantifiers such as (a+)+ and backreferences, or search for a literal',
  );
}

function workerError(message: Extract<FromWorker, { type: 'error' }>): Error {
  if (message.kind === 'unreadable') return new UnreadableError(message.message);
  return message.kind === 'user' ? new UserFacingError(message.message) : new Error(message.message);
}

function sendAck(worker: ChildProcess): void {
  const ack: ToWorker = { type: 'ack' };
  if (worker.connected) worker.send(ack);
}

/** Stops the scan process and, on Windows, its ripgrep (on POSIX the reaper and the server's group see to that). */
function kill(child: ChildProcess): void {
  killChildTree(child);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
