// The scan process's side: takes jobs from the server one at a time; each reopens its file (checking it is the same
// regular file the server resolved), detects its format and scans it with ripgrep or the pure-Node engine, reporting
// a heartbeat and, for error_summary, accepted lines folded by masked message.
import { closeSync, constants, fstatSync, openSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { throttleProgress } from '../../shared/progress';
import { UserFacingError } from '../../shared/tool-result';
import { joinsPartials } from '../format/partials';
import type { LineParser } from '../format/types';
import { isDecoded } from '../io/charset';
import { CHUNK_BYTES, MAX_LINE_BYTES, readLineBlocks, readPlainBlocksAhead, UnreadableError } from '../io/chunks';
import { readHead } from '../io/head';
import { withFileIndex } from '../format/parser';
import { renamedTo } from '../files/rotation';
import { assertNotRewrittenInPlace, grownWhileRead } from '../io/in-place';
import { MessageTallies } from '../patterns/tallies';
import { ByteKernel } from '../search/byte-kernel';
import { FileScanner } from '../search/node-engine';
import { ownCopy } from '../search/collector';
import { ripgrepCanRun, RipgrepUnsupported, scanWithRipgrep } from '../search/ripgrep-engine';
import type { AcceptedLine, FileScanResult, ScanTarget } from '../search/types';
import { externalMemoryGuard } from './external-memory';
import type { FromWorker, ScanJob, ToWorker } from './messages';
import { ParserCache } from './parsers';
import { scanStart } from './seek';
import type { ReadStart } from '../io/time-seek';

/** Least time (ms) between two heartbeats: often enough for the server's watchdog (STALL_MS), rarely enough to be cheap. */
const BEAT_MS = 100;
/** Distinct messages a ripgrep scan folds before sending them (memory bound between heartbeats). */
const MAX_PENDING_TALLIES = 1000;
/**
 * Memory outside V8's heap the scan process lets pile up before a full collection: decoded blocks (external strings
 * on Node 22+) and ripgrep's output chunks that outlived a young-generation collection.
 */
const EXTERNAL_SLACK_BYTES = 2 * CHUNK_BYTES;

/** Serves jobs over the IPC channel of a process forked by ScanClient until the server disconnects. */
export function runScanWorker(): void {
  const worker = new ScanWorker((message) => process.send?.(message));
  process.on('message', (message: ToWorker) => worker.receive(message));
  // The server went away (or closed the channel): nothing more to do.
  process.on('disconnect', () => process.exit(0));
  // However this process ends (that exit, or a crash such as a heartbeat posted to the closed channel), the ripgrep of
  // a job still running would outlive it and the server (one killed outright cannot stop it): it goes first.
  process.on('exit', () => worker.stopRipgrep());
  worker.post({ type: 'ready' });
}

/** What one scan process keeps across its jobs (they run one at a time). */
class ScanWorker {
  /** The byte kernel, created on first use (null: not yet; undefined: this Node lacks WebAssembly SIMD). */
  private kernel: ByteKernel | undefined | null = null;
  private kernelInUse = false;
  /** Runs a full collection when memory outside V8's heap has grown (one per process, across jobs). */
  private settleMemory: (() => void) | undefined;
  /** The running job waits here for the server to take a batch of tallies. */
  private ackWaiter: (() => void) | undefined;
  /** Formats learned by earlier jobs (the same file is searched again and again). */
  private readonly parsers = new ParserCache();
  /** The ripgrep of the running job, while it runs. */
  private ripgrepPid: number | undefined;

  constructor(readonly post: (message: FromWorker) => void) {}

  /**
   * A message from the server. Not checked against toWorkerSchema: the server that forked this process from its own
   * build sends them, and zod would add about 12 MB to every scan process (what the server receives is checked).
   */
  receive(message: ToWorker): void {
    if (message.type === 'job') {
      void this.runJob(message);
      return;
    }
    const waiter = this.ackWaiter;
    this.ackWaiter = undefined;
    waiter?.();
  }

  private async runJob(job: ScanJob): Promise<void> {
    let fd: number | undefined;
    const kernel = this.takeKernel();
    // After the kernel exists, so that its memory is part of the baseline.
    this.settleMemory ??= externalMemoryGuard(EXTERNAL_SLACK_BYTES);
    try {
      fd = openSameFile(job.target);
      const sizeAtStart = fstatSync(fd).size;
      // Only now does the read have an end: a progress report sent before it (a beat at the job's start) let lines
      // written right after that report be read as the file's own, with no note that it grew.
      this.post({ type: 'opened', size: sizeAtStart });
      const head = await readHead(fd, job.target);
      const learned = this.parsers.parserFor(head, job.target.mtimeMs);
      // The days of a time-of-day log as the server read them, else read here (one reading: format/parser.ts).
      const parser = job.fileIndex !== undefined ? withFileIndex(learned, job.fileIndex) : await this.parsers.dated(learned, fd, job.target);
      const reports = new JobReports(this.post, job.summarize);
      const start = scanStart(fd, job.target, job.request, parser, job.seekMinBytes, undefined, kernel, sizeAtStart);
      // A sought file is read by the Node engine from the start found (ripgrep reads a file from its first byte), so
      // both engines' answers are the full read's.
      const sought = start !== undefined && start.byte > 0 ? start : undefined;
      const scanned = (sought ? undefined : await this.tryRipgrep(job, pinnedPath(fd, job.target), parser, reports)) ?? (await this.scanWithNode(fd, job, parser, reports, kernel, sought));
      const result = { ...scanned, ...(sought ? { readFrom: { byte: sought.byte, line: sought.line } } : {}), ...(start?.whole !== undefined ? { readWhole: start.whole } : {}) };
      assertNotRewrittenInPlace(fd, job.target, head.data);
      const grew = grownWhileRead(fd, sizeAtStart);
      reports.flushTallies();
      this.post({ type: 'done', result: grew ? { ...result, grew } : result });
    } catch (error) {
      this.post({ type: 'error', message: error instanceof Error ? error.message : String(error), kind: error instanceof UnreadableError ? 'unreadable' : error instanceof UserFacingError ? 'user' : 'internal' });
    } finally {
      if (fd !== undefined) closeSync(fd);
      if (kernel) this.kernelInUse = false;
      // A warm process waiting for its next job need not hold this one's garbage.
      this.settleMemory?.();
    }
  }

  /**
   * ripgrep's result, or undefined when it has no path, cannot take the pattern or file, or refused it. `path`: where
   * ripgrep opens the file (pinnedPath).
   */
  private async tryRipgrep(job: ScanJob, path: string, parser: LineParser, reports: JobReports): Promise<FileScanResult | undefined> {
    const { request } = job;
    const target = { ...job.target, realPath: path };
    // Lines a container runtime split (CRI, Docker json-file) are joined by the Node engine only (format/partials.ts).
    // So are the lines of a time-of-day log of several days, dated by their numbers (format/clock-days.ts): ripgrep's
    // reader of the entry above a line goes by byte offsets. So are a W3C log's lines whose `#Fields:` change down it:
    // ripgrep reads the matched lines alone, and a line's block is known by its number (format/w3c.ts W3cBlocks).
    if (!job.ripgrep || !ripgrepCanRun(request, target) || joinsPartials(parser) || (parser.fileIndex?.dayStarts.length ?? 0) > 0 || parser.fileIndex?.fieldBlocks !== undefined) return undefined;
    // ripgrep works while this process waits, so the heartbeat comes from a timer; tallies go with it (ripgrep's
    // output arrives in small chunks, and a message per chunk would cost the server more than the lines).
    const heartbeat = setInterval(() => {
      reports.beat();
      reports.flushTallies();
    }, 250);
    try {
      return await scanWithRipgrep(job.ripgrep, target, request, parser, {
        onSpawn: (pid) => {
          this.ripgrepPid = pid;
          this.post({ type: 'ripgrep', pid });
        },
        onProgress: (offset) => {
          reports.raw = offset;
          reports.beat();
          if (reports.pendingTallies >= MAX_PENDING_TALLIES) reports.flushTallies();
        },
        sink: reports.sink,
      });
    } catch (error) {
      if (!(error instanceof RipgrepUnsupported)) throw error;
      process.stderr.write(`logs: ${error.message}; using the Node scanner\n`);
      return undefined;
    } finally {
      clearInterval(heartbeat);
      this.ripgrepPid = undefined;
    }
  }

  /** Kills the running job's ripgrep, if any (SIGKILL: this process is about to exit and cannot wait for it). */
  stopRipgrep(): void {
    if (this.ripgrepPid === undefined) return;
    try {
      process.kill(this.ripgrepPid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** The Node engine's scan, from the file's first line or from `start` (a plain file's line: scanStart). */
  private async scanWithNode(fd: number, job: ScanJob, parser: LineParser, reports: JobReports, kernel: ByteKernel | undefined, start?: ReadStart): Promise<FileScanResult> {
    const scanner = new FileScanner(job.request, parser, reports.beat, reports.sink, kernel);
    if (start) scanner.startAtLine(start.line);
    const from = start?.byte ?? 0;
    // Plain files are read ahead, into the kernel's memory, while the scan works on the block before.
    const blocks = kernel && !isDecoded(job.target) ? readPlainBlocksAhead(fd, (half, size) => kernel.allocate(size, half), from) : readLineBlocks(fd, job.target, from);
    let damage: string | undefined;
    let cut = 0;
    for await (const block of blocks) {
      reports.raw = block.rawOffset;
      cut = block.cut ?? cut;
      // Each note holds all that is known so far (LineBlock.damage): the latest is the file's.
      damage = block.damage ?? damage;
      scanner.push(block.data);
      this.settleMemory?.();
      if (reports.pendingTallies) {
        // One block's tallies at a time: the server groups them before the scan goes on (bounded memory on both sides).
        const acked = new Promise<void>((resolve) => (this.ackWaiter = resolve));
        reports.flushTallies();
        await acked;
      }
      if (scanner.done) break;
    }
    scanner.finish();
    return { ...scanner.result(), engine: 'node', ...(damage === undefined ? {} : { damage }), ...(cut > 0 ? { linesCut: cut } : {}) };
  }

  /** The byte kernel, sized for the largest block the line reader makes; undefined when in use or unavailable. */
  private takeKernel(): ByteKernel | undefined {
    if (this.kernelInUse) return undefined;
    if (this.kernel === null) this.kernel = ByteKernel.create(2 * (MAX_LINE_BYTES + 2 * CHUNK_BYTES));
    this.kernelInUse = this.kernel !== undefined;
    return this.kernel;
  }
}

/** A job's reports to the server: heartbeats with the bytes read so far, and error_summary's tallies. */
class JobReports {
  /** Bytes of the file read so far (compressed bytes for gzip). */
  raw = 0;
  /** Posts a heartbeat, at most every BEAT_MS (the engines call it often). */
  readonly beat: () => void;
  /** error_summary: where accepted lines are folded (undefined: matches are returned instead). */
  readonly sink: ((line: AcceptedLine) => void) | undefined;
  private readonly tallies = new MessageTallies();

  constructor(
    private readonly post: (message: FromWorker) => void,
    summarize: boolean,
  ) {
    const beat = throttleProgress(async (raw: number) => post({ type: 'beat', raw }), BEAT_MS);
    this.beat = () => beat(this.raw);
    // Copies, cut: a kept example must not hold the decoded piece or ripgrep chunk it was cut from.
    this.sink = summarize ? (line) => this.tallies.add({ ...line, text: ownCopy(line.text.slice(0, 600)), message: ownCopy(line.message.slice(0, 1200)) }) : undefined;
  }

  get pendingTallies(): number {
    return this.tallies.size;
  }

  flushTallies(): void {
    if (this.tallies.size) this.post({ type: 'tallies', tallies: this.tallies.drain() });
  }
}

/**
 * A path that opens the very file `fd` holds, for ripgrep (and its read-back) to open in this process's stead: a log
 * rotated by renaming between this process's open and ripgrep's (logrotate's `create`) had ripgrep search the new,
 * nearly empty file under the old name, "0 matches, complete" (break30). Linux's /proc/<pid>/fd/<fd> opens the file
 * itself whatever its name now; elsewhere, or when it cannot be opened, the target's path.
 */
function pinnedPath(fd: number, target: ScanTarget): string {
  const pinned = `/proc/${process.pid}/fd/${fd}`;
  try {
    const stats = statSync(pinned);
    if (stats.ino === target.ino && stats.dev === target.dev) {
      closeSync(openSync(pinned, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
      return pinned;
    }
  } catch {
    // no /proc (macOS), or not ours to open: the path as resolved
  }
  return target.realPath;
}

/** Opens the file again by path and checks it is still the regular file the server resolved (no swap in between). */
function openSameFile(target: ScanTarget): number {
  const fd = openSync(target.realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const stats = fstatSync(fd);
  if (stats.isFile() && stats.ino === target.ino && stats.dev === target.dev) return fd;
  closeSync(fd);
  const moved = renamedTo(target);
  if (moved) {
    throw new UserFacingError(
      `${target.name} was rotated while it was searched: the file listed under that name is now ${moved} beside it, and a new ${basename(target.realPath)} was started; search again (${moved} holds what was asked about, ${basename(target.realPath)} what was written since)`,
    );
  }
  throw new UserFacingError(`${target.name} changed while being searched; try again`);
}

