// Runs the pure-Node scan in a worker thread so that no pattern can block the server: the worker reports
// a heartbeat while it works, and one that falls silent (catastrophic backtracking) is terminated.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { Worker, parentPort } from 'node:worker_threads';
import { UserFacingError } from '../../shared/tool-result';
import { abortError } from '../../shared/progress';
import { readLineBlocks, UnreadableError } from '../chunks';
import { parserFor, SAMPLE_BYTES } from '../parser';
import { FileScanner, type AcceptedLine } from './scan';
import type { FileScanResult, ScanRequest, ScanTarget } from './types';

export const WORKER_KIND = 'devops-logs-scan';
/** A worker silent for this long is stuck in one regex execution. */
export const STALL_MS = 1000;

interface WorkerJob {
  target: ScanTarget;
  request: ScanRequest;
  /** Stream accepted lines (error_summary) instead of returning them as matches. */
  summarize?: boolean;
}

export type NodeScanResult = FileScanResult;

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'beat'; raw: number }
  | { type: 'lines'; lines: AcceptedLine[] }
  | { type: 'done'; result: NodeScanResult }
  | { type: 'error'; message: string; userFacing: boolean; unreadable?: boolean };

/** A worker still loading the bundle is not stalled; this bounds start-up on a very busy machine. */
const STARTUP_MS = 30_000;

let workerEntry: string | undefined;
/** One warm worker kept between searches (start-up costs more than most scans). */
let idleWorker: Worker | undefined;

/** The script a worker runs: the server bundle itself (index.ts branches on isMainThread). */
export function setWorkerEntry(file: string): void {
  workerEntry = file;
}

export function isScanWorker(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === WORKER_KIND;
}

export interface NodeScanOptions {
  signal?: AbortSignal;
  onProgress?: (rawBytes: number) => void;
  stallMs?: number;
  /** error_summary: accepted lines are streamed here (in batches) instead of being returned as matches. */
  onLines?: (lines: AcceptedLine[]) => void;
}

function startWorker(): Promise<Worker> {
  if (!workerEntry) throw new Error('worker entry not set');
  const worker = new Worker(workerEntry, { workerData: { kind: WORKER_KIND }, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 }, stdout: false, stderr: false });
  return new Promise<Worker>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('the scan worker did not start'));
    }, STARTUP_MS);
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      resolve(worker);
    };
    const onError = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
  });
}

async function acquireWorker(): Promise<Worker> {
  const idle = idleWorker;
  idleWorker = undefined;
  if (idle) {
    idle.ref();
    return idle;
  }
  return startWorker();
}

function releaseWorker(worker: Worker): void {
  if (idleWorker) {
    void worker.terminate();
    return;
  }
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (idleWorker === worker) idleWorker = undefined;
  });
  worker.unref();
  idleWorker = worker;
}

/** Scans one file in a worker thread; a worker silent for `stallMs` (one regex stuck on one line) is terminated. */
export async function scanWithNode(target: ScanTarget, request: ScanRequest, options: NodeScanOptions = {}): Promise<NodeScanResult> {
  const stallMs = options.stallMs ?? STALL_MS;
  if (options.signal?.aborted) throw abortError();
  const worker = await acquireWorker();
  return new Promise<NodeScanResult>((resolve, reject) => {
    const job: WorkerJob = { target, request, summarize: options.onLines !== undefined };
    let lastBeat = Date.now();
    let settled = false;
    const finish = (error: Error | undefined, result?: NodeScanResult) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        worker.removeAllListeners('message');
        void worker.terminate();
        reject(error);
      } else {
        releaseWorker(worker);
        resolve(result!);
      }
    };
    const onAbort = () => finish(abortError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const watchdog = setInterval(() => {
      if (Date.now() - lastBeat > stallMs) {
        finish(
          new UserFacingError(
            `the pattern took more than ${stallMs / 1000} s on a single part of ${target.name} (catastrophic backtracking?) and was stopped; ` +
              'simplify it: avoid nested quantifiers such as (a+)+ and backreferences, or search for a literal',
          ),
        );
      }
    }, Math.min(250, stallMs / 4));
    worker.on('message', (message: WorkerMessage) => {
      lastBeat = Date.now();
      if (message.type === 'beat') options.onProgress?.(message.raw);
      else if (message.type === 'lines') options.onLines?.(message.lines);
      else if (message.type === 'done') finish(undefined, message.result);
      else if (message.type === 'error') finish(message.unreadable ? new UnreadableError(message.message) : message.userFacing ? new UserFacingError(message.message) : new Error(message.message));
    });
    worker.on('error', (error) => finish(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => finish(new Error(`scan worker exited (${code})`)));
    worker.postMessage(job);
  });
}

/** Worker side: takes jobs one at a time; each reopens its file (checking it is the same regular file) and scans it. */
export function runScanWorker(): void {
  const port = parentPort!;
  port.on('message', (job: WorkerJob) => {
    void runJob(job, (message) => port.postMessage(message));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

async function runJob(job: WorkerJob, post: (message: WorkerMessage) => void): Promise<void> {
  let fd: number | undefined;
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
    let batch: AcceptedLine[] = [];
    const flush = () => {
      if (batch.length) post({ type: 'lines', lines: batch });
      batch = [];
    };
    const sink = job.summarize
      ? (line: AcceptedLine) => {
          batch.push({ ...line, text: line.text.length > 2000 ? line.text.slice(0, 2000) : line.text, message: line.message.length > 2000 ? line.message.slice(0, 2000) : line.message });
          if (batch.length >= 500) flush();
        }
      : undefined;
    const scanner = new FileScanner(request, parser, beat, sink);
    for await (const block of readLineBlocks(fd, target.gzip)) {
      raw = block.rawOffset;
      scanner.push(block.data);
      if (scanner.done) break;
    }
    flush();
    post({ type: 'done', result: { ...scanner.result(), engine: 'node' } });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), userFacing: error instanceof UserFacingError, unreadable: error instanceof UnreadableError });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The first bytes of the (decompressed) file, to detect its format. */
export async function readHead(fd: number, gzip: boolean): Promise<{ data: Buffer; complete: boolean }> {
  if (!gzip) {
    const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);
    const read = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return { data: buffer.subarray(0, read), complete: read < SAMPLE_BYTES };
  }
  const parts: Buffer[] = [];
  let size = 0;
  let complete = true;
  for await (const block of readLineBlocks(fd, true)) {
    parts.push(block.data);
    size += block.data.length;
    if (size >= SAMPLE_BYTES) {
      complete = false;
      break;
    }
  }
  const all = Buffer.concat(parts);
  return { data: all.subarray(0, SAMPLE_BYTES), complete: complete && all.length <= SAMPLE_BYTES };
}
