// Runs the pure-Node scan in a worker thread so that no pattern can block the server: the worker reports
// a heartbeat while it works, and one that falls silent (catastrophic backtracking) is terminated.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { UserFacingError } from '../../shared/tool-result';
import { abortError } from '../../shared/progress';
import { readLineBlocks } from '../chunks';
import { parserFor, SAMPLE_BYTES } from '../parser';
import { FileScanner, type AcceptedLine } from './scan';
import type { FileScanResult, ScanRequest, ScanTarget } from './types';

export const WORKER_KIND = 'devops-logs-scan';
/** A worker silent for this long is stuck in one regex execution. */
export const STALL_MS = 1000;

interface WorkerJob {
  kind: typeof WORKER_KIND;
  target: ScanTarget;
  request: ScanRequest;
  /** Group accepted lines (error_summary) instead of returning them. */
  summarize?: boolean;
}

export type NodeScanResult = FileScanResult;

type WorkerMessage =
  | { type: 'beat'; raw: number }
  | { type: 'lines'; lines: AcceptedLine[] }
  | { type: 'done'; result: NodeScanResult }
  | { type: 'error'; message: string; userFacing: boolean };

let workerEntry: string | undefined;

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

/** Scans one file in a fresh worker thread. */
export function scanWithNode(target: ScanTarget, request: ScanRequest, options: NodeScanOptions = {}): Promise<NodeScanResult> {
  if (!workerEntry) throw new Error('worker entry not set');
  const stallMs = options.stallMs ?? STALL_MS;
  return new Promise<NodeScanResult>((resolve, reject) => {
    const job: WorkerJob = { kind: WORKER_KIND, target, request, summarize: options.onLines !== undefined };
    const worker = new Worker(workerEntry!, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 64 }, stdout: false, stderr: false });
    let lastBeat = Date.now();
    let settled = false;
    const finish = (error: Error | undefined, result?: NodeScanResult) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result!);
    };
    const onAbort = () => finish(abortError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
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
      else finish(message.userFacing ? new UserFacingError(message.message) : new Error(message.message));
    });
    worker.on('error', (error) => finish(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => finish(new Error(`scan worker exited (${code})`)));
  });
}

/** Worker side: opens the file again (checking it is the same regular file), scans it, posts the result. */
export async function runScanWorker(): Promise<void> {
  const job = workerData as WorkerJob;
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  let fd: number | undefined;
  try {
    const { target, request } = job;
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
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), userFacing: error instanceof UserFacingError });
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
