// Runs every scan in a separate scan process, with ripgrep when it can take the pattern or with the pure-Node scanner,
// so that no pattern can block the server and no line passes through the server's heap: the process reports a
// heartbeat while it works, and one that falls silent (catastrophic backtracking) is killed.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { UserFacingError } from '../../shared/tool-result';
import { abortError } from '../../shared/progress';
import { CHUNK_BYTES, MAX_LINE_BYTES, readLineBlocks, readPlainBlocksAhead, UnreadableError } from '../io/chunks';
import { parserFor } from '../format/parser';
import { readHead } from '../io/head';
import { ByteKernel } from '../search/byte-kernel';
import { externalMemoryGuard } from './external-memory';
import { FileScanner, ownCopy } from '../search/node-engine';
import type { AcceptedLine } from '../search/types';
import { ripgrepCanRun, RipgrepUnsupported, scanWithRipgrep } from '../search/ripgrep-engine';
import { MessageTallies, type MessageTally } from '../patterns/tallies';
import type { FileScanResult, ScanRequest, ScanTarget } from '../search/types';

export const WORKER_KIND = 'devops-logs-scan';
/** A worker silent for this long is stuck in one regex execution. */
export const STALL_MS = 1000;

interface WorkerJob {
  target: ScanTarget;
  request: ScanRequest;
  /** error_summary: send accepted lines folded by masked message instead of returning them as matches. */
  summarize?: boolean;
  /** ripgrep, for a pattern it can take on a plain file. */
  ripgrep?: string;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'beat'; raw: number }
  | { type: 'ripgrep'; pid: number }
  | { type: 'tallies'; tallies: MessageTally[] }
  | { type: 'done'; result: FileScanResult }
  | { type: 'error'; message: string; userFacing: boolean; unreadable?: boolean };

/** A worker still loading the bundle is not stalled; this bounds start-up on a very busy machine. */
const STARTUP_MS = 30_000;

let workerEntry: string | undefined;
/** One warm scan process kept between searches (start-up costs more than most scans). */
let idleWorker: ChildProcess | undefined;

/** The script a scan process runs (dist/servers/logs-scan-worker.js, or the server bundle itself). */
export function setWorkerEntry(file: string): void {
  workerEntry = file;
}

/** True in a process forked to scan (the server bundle branches on it when it serves as its own scan entry). */
export function isScanProcess(): boolean {
  return process.env.DEVOPS_LOGS_SCAN === WORKER_KIND && typeof process.send === 'function';
}

export interface ScanOptions {
  signal?: AbortSignal;
  onProgress?: (rawBytes: number) => void;
  stallMs?: number;
  /** error_summary: accepted lines, folded by masked message one block at a time, instead of matches. */
  onTallies?: (tallies: MessageTally[]) => void;
  /** ripgrep's path: the scan process runs it when it can take the pattern and file, else the pure-Node scanner. */
  ripgrep?: string;
}

function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * A separate Node process rather than a worker thread: it can be killed mid-regex like a worker, its memory is
 * bounded by its own flags (a small young generation; V8's linear-time fallback for backtracking regexes), and
 * the server's own heap stays small. Semi-spaces of 2 MB, not 1: with 1, a block or a chunk of ripgrep's output
 * still being worked on is promoted, and the old generation and the C heap fill with them (measured 62–96 MB
 * against 58–59 MB for a ripgrep error_summary of 1 GiB under Node 20).
 */
function startWorker(): Promise<ChildProcess> {
  if (!workerEntry) throw new Error('scan entry not set');
  const child = fork(workerEntry, [], {
    execArgv: ['--max-old-space-size=48', '--max-semi-space-size=2'],
    env: { ...process.env, DEVOPS_LOGS_SCAN: WORKER_KIND },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise<ChildProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill(child);
      reject(new Error('the scan process did not start'));
    }, STARTUP_MS);
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('error', onError);
      child.off('exit', onExit);
      resolve(child);
    };
    const onError = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the scan process exited while starting (${code})`));
    };
    child.on('message', onMessage);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

async function acquireWorker(): Promise<ChildProcess> {
  const idle = idleWorker;
  idleWorker = undefined;
  if (idle && idle.connected) {
    idle.ref();
    (idle.channel as { ref?: () => void } | undefined)?.ref?.();
    idle.removeAllListeners('message');
    idle.removeAllListeners('exit');
    idle.removeAllListeners('error');
    return idle;
  }
  return startWorker();
}

function releaseWorker(worker: ChildProcess): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (idleWorker || !worker.connected) {
    kill(worker);
    return;
  }
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (idleWorker === worker) idleWorker = undefined;
  });
  worker.unref();
  (worker.channel as { unref?: () => void } | undefined)?.unref?.();
  idleWorker = worker;
}

/** Scans one file in a scan process; a worker silent for `stallMs` (one regex stuck on one line) is terminated. */
export async function scanFile(target: ScanTarget, request: ScanRequest, options: ScanOptions = {}): Promise<FileScanResult> {
  const stallMs = options.stallMs ?? STALL_MS;
  if (options.signal?.aborted) throw abortError();
  const worker = await acquireWorker();
  return new Promise<FileScanResult>((resolve, reject) => {
    const job: WorkerJob = { target, request, summarize: options.onTallies !== undefined, ripgrep: options.ripgrep };
    let lastBeat = Date.now();
    let ripgrepPid: number | undefined;
    let settled = false;
    const finish = (error: Error | undefined, result?: FileScanResult) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        worker.removeAllListeners('message');
        kill(worker);
        // ripgrep would otherwise read on until its next write finds no reader.
        if (ripgrepPid !== undefined) killQuietly(ripgrepPid);
        reject(error);
      } else {
        releaseWorker(worker);
        resolve(result!);
      }
    };
    const onAbort = () => finish(abortError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const tickMs = Math.min(250, stallMs / 4);
    let lastTick = Date.now();
    const watchdog = setInterval(() => {
      const now = Date.now();
      // When this thread itself was busy (timers late), silence is not the scan's fault.
      if (now - lastTick > 2 * tickMs) lastBeat = Math.max(lastBeat, now - tickMs);
      lastTick = now;
      if (now - lastBeat > stallMs) {
        finish(
          new UserFacingError(
            `the pattern took more than ${stallMs / 1000} s on a single part of ${target.name} (catastrophic backtracking?) and was stopped; ` +
              'simplify it: avoid nested quantifiers such as (a+)+ and backreferences, or search for a literal',
          ),
        );
      }
    }, tickMs);
    worker.on('message', (message: WorkerMessage) => {
      lastBeat = Date.now();
      if (message.type === 'beat') options.onProgress?.(message.raw);
      else if (message.type === 'ripgrep') ripgrepPid = message.pid;
      else if (message.type === 'tallies') {
        // The scan waits for this ack, so the time spent grouping here is not counted as its silence.
        options.onTallies?.(message.tallies);
        lastBeat = Date.now();
        if (worker.connected) worker.send({ type: 'ack' });
      } else if (message.type === 'done') finish(undefined, message.result);
      else if (message.type === 'error') finish(message.unreadable ? new UnreadableError(message.message) : message.userFacing ? new UserFacingError(message.message) : new Error(message.message));
    });
    worker.on('error', (error) => finish(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code, signal) => finish(new Error(`scan process exited (${signal ?? code})`)));
    worker.send(job);
  });
}

/** Distinct messages a ripgrep scan folds before sending them (memory bound between heartbeats). */
const MAX_PENDING_TALLIES = 1000;

/**
 * Memory outside V8's heap the scan process lets pile up before a full collection: decoded blocks (external strings
 * on Node 22+) and ripgrep's output chunks that outlived a young-generation collection.
 */
const EXTERNAL_SLACK_BYTES = 2 * CHUNK_BYTES;

/** The scan process's byte kernel (jobs run one at a time), sized for the largest block the line reader makes. */
let kernel: ByteKernel | undefined | null = null;
let kernelInUse = false;

function takeKernel(): ByteKernel | undefined {
  if (kernelInUse) return undefined;
  if (kernel === null) kernel = ByteKernel.create(2 * (MAX_LINE_BYTES + 2 * CHUNK_BYTES));
  kernelInUse = kernel !== undefined;
  return kernel;
}

/** Runs a full collection when memory outside V8's heap has grown (one per process, across jobs). */
let settleMemory: (() => void) | undefined;

let ackWaiter: (() => void) | undefined;
const ackReceived = () => new Promise<void>((resolve) => (ackWaiter = resolve));

/** Scan-process side: takes jobs one at a time; each reopens its file (checking it is the same regular file) and scans it. */
export function runScanWorker(): void {
  const send = (message: WorkerMessage) => process.send?.(message);
  process.on('message', (message: WorkerJob | { type: 'ack' }) => {
    if ('type' in message) {
      const waiter = ackWaiter;
      ackWaiter = undefined;
      waiter?.();
    } else void runJob(message, send);
  });
  // The server went away (or closed the channel): nothing more to do.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

async function runJob(job: WorkerJob, post: (message: WorkerMessage) => void): Promise<void> {
  let fd: number | undefined;
  const bytes = takeKernel();
  // After the kernel exists, so that its memory is part of the baseline.
  settleMemory ??= externalMemoryGuard(EXTERNAL_SLACK_BYTES);
  try {
    const { target, request } = job;
    post({ type: 'beat', raw: 0 });
    fd = openSync(target.realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.ino !== target.ino || stats.dev !== target.dev) throw new UserFacingError(`${target.name} changed while being searched; try again`);
    const head = await readHead(fd, target.gzip);
    const parser = parserFor(head.data, head.complete, target.mtimeMs);
    let raw = 0;
    let lastPost = 0;
    const beat = () => {
      const now = Date.now();
      if (now - lastPost >= 100) {
        lastPost = now;
        post({ type: 'beat', raw });
      }
    };
    const tallies = new MessageTallies();
    const flush = () => {
      if (tallies.size) post({ type: 'tallies', tallies: tallies.drain() });
    };
    const sink = job.summarize
      ? (line: AcceptedLine) => {
          tallies.add({ ...line, text: ownCopy(line.text.slice(0, 600)), message: ownCopy(line.message.slice(0, 1200)) });
        }
      : undefined;
    if (job.ripgrep && ripgrepCanRun(request, target)) {
      // ripgrep works while this process waits, so the heartbeat comes from a timer; tallies go with it (ripgrep's
      // output arrives in small chunks, and a message per chunk would cost the server more than the lines).
      const heartbeat = setInterval(() => {
        beat();
        flush();
      }, 250);
      try {
        const result = await scanWithRipgrep(job.ripgrep, target, request, parser, {
          onSpawn: (pid) => post({ type: 'ripgrep', pid }),
          onProgress: (offset) => {
            raw = offset;
            beat();
            if (tallies.size >= MAX_PENDING_TALLIES) flush();
          },
          sink,
        });
        flush();
        post({ type: 'done', result });
        return;
      } catch (error) {
        if (!(error instanceof RipgrepUnsupported)) throw error;
        process.stderr.write(`logs: ${error.message}; using the Node scanner\n`);
      } finally {
        clearInterval(heartbeat);
      }
    }
    const scanner = new FileScanner(request, parser, beat, sink, bytes);
    // Plain files are read ahead, into the kernel's memory, while the scan works on the block before.
    const blocks = bytes && !target.gzip ? readPlainBlocksAhead(fd, (half, size) => bytes.allocate(size, half)) : readLineBlocks(fd, target.gzip);
    for await (const block of blocks) {
      raw = block.rawOffset;
      scanner.push(block.data);
      settleMemory?.();
      if (tallies.size) {
        // One block's tallies at a time: the server groups them before the scan goes on (bounded memory on both sides).
        const acked = ackReceived();
        flush();
        await acked;
      }
      if (scanner.done) break;
    }
    flush();
    post({ type: 'done', result: { ...scanner.result(), engine: 'node' } });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), userFacing: error instanceof UserFacingError, unreadable: error instanceof UnreadableError });
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (bytes) kernelInUse = false;
    // A warm process waiting for its next job need not hold this one's garbage.
    settleMemory?.();
  }
}
