// Where a time window starts in a large log whose entries are written in time order: a binary search on the times of
// lines found at probed byte positions, so that a `since` window on a 2 GiB file need not parse the 20 M lines before
// it (break37: search_logs and log_patterns with `since` took 117 s there, past the 60 s request timeout of clients
// built on the MCP SDK). The order is never assumed: it is checked at evenly spread positions before the search and
// at every probe during it, and any line out of order beyond the slack, or a stretch without a time, gives up the seek
// (offset 0: the whole file is read, as without it). What no probe reads is not checked: a run of older lines whose
// times overlap the newer ones before it by less than the time between two order checks (1/16 of the file) can go
// unseen, and its lines in the window before the offset are then not read.
import { readSync } from 'node:fs';

/** How one file is sought in: its descriptor and size (plain text: compressed or decoded files cannot be sought in). */
export interface SeekFile {
  fd: number;
  /** Bytes. */
  size: number;
  /** The time of a line's text (epoch ms; no "\n"), or undefined when it has none (the file's learned header format). */
  timeOf: (line: string) => number | undefined;
}

export interface SeekOptions {
  /** Epoch ms: the window's start (inclusive). */
  since: number;
  /**
   * How far back in time a line may be written after a later one (threads writing out of order, a buffered appender):
   * ms. Lines before the offset are all older than `since` as long as no line is older, by more than this, than a line
   * written before it.
   */
  slackMs?: number;
  /** Files smaller than this are read whole (bytes): a seek would save nothing worth its reads. */
  minBytes?: number;
  /** Bytes read at each probe: a probe that finds no line with a time in them gives up the seek. */
  probeBytes?: number;
  /** Positions, evenly spread, whose times are checked to be in order before the search. */
  orderChecks?: number;
}

/** Where reading may start: `offset` (a line's first byte; 0 when not sought) and, when 0, why no seek was made. */
export interface SeekResult {
  offset: number;
  /** Why the whole file is read (small, no time found, out of order); absent when a seek was made. */
  whole?: string;
  /** Probes read (each `probeBytes` at most). */
  probes: number;
  /** Lines sampled above the offset found, to check that none is in the window (each ABOVE_SAMPLE_BYTES at most). */
  samples?: number;
}

/** What the tools' descriptions say of the seek (search_logs, error_summary, log_patterns). */
export const SEEK_RULE =
  'With since, a large plain file (64 MiB or more) whose lines are in time order is read from just above the window, found by a binary search on its lines\' times, ' +
  'with the same answer and line numbers as a read from the top (files[].readFrom or a note says where); a file out of order, without times, with times of day and no date, compressed or decoded is read whole';

export const DEFAULT_SLACK_MS = 5 * 60_000;
export const DEFAULT_MIN_SEEK_BYTES = 64 * 1024 * 1024;
const DEFAULT_PROBE_BYTES = 64 * 1024;
const DEFAULT_ORDER_CHECKS = 16;

/** What a reader needs of its lines to start reading a window from a line of its own rather than the file's first. */
export interface SeekLines extends SeekFile {
  /**
   * The line opens an entry of its own (takes nothing from the lines above: format/continuation.ts needsHeader is
   * false): reading from it, each later line is read as the full read reads it.
   */
  startsEntry: (line: string) => boolean;
  /** The "\n" bytes in the file's first `end` bytes; countNewlines when absent (a faster counter: the scan's byte kernel). */
  countLines?: (end: number) => number;
}

export interface ReadStartOptions extends SeekOptions {
  /**
   * Lines read above the window's first possible line (before-context, the lines a continuation looks up for its
   * entry: HEADER_LOOKBACK_LINES): the start is at least this many lines above the offset windowStart found.
   */
  linesAbove?: number;
  /** Bytes at the file's start that are read anyway (a reader learning from its head): a start inside them is no seek. */
  readAnyway?: number;
}

/**
 * Where a reader of the window starts: `byte`, the first byte of a line that opens an entry, `linesAbove` lines or more
 * above the first line the window may hold, and `line`, its 1-based number in the file (the "\n" bytes before it, counted:
 * the bytes before are read once, without parsing, so that line numbers stay the full read's). `whole` (and byte 0) when
 * no seek is made: windowStart's reasons, or no line opening an entry within MAX_BACK_BYTES above.
 */
export interface ReadStart {
  byte: number;
  line: number;
  whole?: string;
  probes: number;
}

/** ReadStart.whole when the window starts near the file's start: a read from there is the full read. */
export const WINDOW_AT_START = 'the window starts near the file\'s start';

/** Bytes looked back from the offset for an entry's first line (a stack or a wrapped message longer than this: no seek). */
export const MAX_BACK_BYTES = 4 * 1024 * 1024;
/** Bytes looked back from the offset first (100 lines of a few hundred bytes). */
const FIRST_BACK_BYTES = 64 * 1024;
/** Bytes read at a time counting the lines before the start. */
export const COUNT_BYTES = 1024 * 1024;

/**
 * Where a time window's reader starts in `file` (see ReadStart): windowStart's offset, moved up `linesAbove` lines and
 * then to the nearest line that opens an entry. Reads by position only. Throws what readSync throws (EIO, EBADF).
 */
export function readStart(file: SeekLines, options: ReadStartOptions): ReadStart {
  const sought = windowStart(file, options);
  if (sought.offset === 0) return { byte: 0, line: 1, whole: sought.whole ?? WINDOW_AT_START, probes: sought.probes };
  const byte = entryStartAbove(file, sought.offset, options.linesAbove ?? 0);
  if (byte === undefined) return { byte: 0, line: 1, whole: 'no line opening an entry near the window\'s start', probes: sought.probes };
  if (byte <= (options.readAnyway ?? 0)) return { byte: 0, line: 1, whole: WINDOW_AT_START, probes: sought.probes };
  return { byte, line: (file.countLines ? file.countLines(byte) : countNewlines(file.fd, byte)) + 1, probes: sought.probes };
}

/**
 * The first byte of the nearest line at or above the `lines`-th line (at least the first) above the one at `offset` that
 * opens an entry (file.startsEntry), within MAX_BACK_BYTES; undefined when none is (0 is the file's first line).
 */
function entryStartAbove(file: SeekLines, offset: number, lines: number): number | undefined {
  // The bytes above are read a little first, more only when no such line is within them (a long stack above).
  for (let back = FIRST_BACK_BYTES; ; back *= 4) {
    const found = entryStartWithin(file, offset, Math.max(1, lines), Math.min(back, MAX_BACK_BYTES));
    if (found !== undefined || back >= MAX_BACK_BYTES || back >= offset) return found;
  }
}

/** entryStartAbove within the `back` bytes above `offset`. */
function entryStartWithin(file: SeekLines, offset: number, lines: number, back: number): number | undefined {
  const from = Math.max(0, offset - back);
  const buffer = Buffer.allocUnsafe(offset - from);
  const read = readSync(file.fd, buffer, 0, buffer.length, from);
  if (read !== buffer.length) return undefined;
  // Upward from the line at `offset`: `start` is the current line's first byte in `buffer`, the "\n" before it ends
  // the line above.
  let start = buffer.length;
  for (let above = 1; ; above++) {
    // The file's first line was passed without finding one: reading from the start is no seek (byte 0).
    if (start === 0) return from === 0 ? 0 : undefined;
    const end = start - 1;
    const nl = end === 0 ? -1 : buffer.lastIndexOf(10, end - 1);
    // A line cut by the bytes read (no "\n" above it within them) is not known whole.
    if (nl === -1 && from > 0) return undefined;
    start = nl + 1;
    if (above < lines) continue;
    const text = buffer.toString('utf8', start, end > start && buffer[end - 1] === 13 ? end - 1 : end);
    if (file.startsEntry(text)) return from + start;
  }
}

/**
 * The "\n" bytes in the file's first `end` bytes, by positional reads of COUNT_BYTES into `buffer` (one of that size
 * by default), each counted by `count` (Buffer.indexOf by default: about 0.8 s a GiB of 110-byte lines).
 */
export function countNewlines(fd: number, end: number, buffer: Buffer = Buffer.allocUnsafe(Math.min(COUNT_BYTES, end)), count: (bytes: Buffer) => number = newlinesIn): number {
  let total = 0;
  for (let position = 0; position < end; ) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position);
    if (read <= 0) break;
    total += count(buffer.subarray(0, read));
    position += read;
  }
  return total;
}

function newlinesIn(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(10, 0); at !== -1; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

/** The first line with a time that starts at or after `position` (a line's start when 0, else after the next "\n"). */
interface Probe {
  lineStart: number;
  time: number;
  /** Every time in the bytes read, in file order (checked for order). */
  times: number[];
}

/**
 * The byte offset of a line such that every line before it was written before `options.since` (less its slack), found
 * by binary search on the times of lines at probed positions; 0 (with `whole` saying why) when the file is small, a
 * probe finds no time in its bytes, or the times seen are out of order by more than the slack. Reads by position only,
 * at most about 2·log2(size / probeBytes) + orderChecks probes. Throws what readSync throws (EIO, EBADF).
 */
export function windowStart(file: SeekFile, options: SeekOptions): SeekResult {
  const slack = options.slackMs ?? DEFAULT_SLACK_MS;
  const probeBytes = options.probeBytes ?? DEFAULT_PROBE_BYTES;
  const minBytes = options.minBytes ?? DEFAULT_MIN_SEEK_BYTES;
  if (file.size < minBytes) return { offset: 0, whole: 'small', probes: 0 };
  const buffer = Buffer.allocUnsafe(probeBytes);
  let probes = 0;
  const probeAt = (position: number): Probe | undefined => {
    probes++;
    return probeLine(file, buffer, position);
  };
  const inOrder = (times: readonly number[]) => times.every((t, i) => i === 0 || t >= times[i - 1] - slack);

  // The order, at spread positions: a file that restarts its times (logs appended from another host, a rotation
  // concatenated) shows it here in most cases, and at the probes of the search in the others that matter.
  const checks = options.orderChecks ?? DEFAULT_ORDER_CHECKS;
  const spread: number[] = [];
  // The last probe reads the file's end: a run of older lines appended there (another host's log, a rotation put back)
  // is seen however short it is.
  const positions = Array.from({ length: checks }, (_, i) => Math.floor((i * file.size) / checks));
  // (In a file of less than a probe's worth after the last spread position, that probe read to the end already.)
  positions.push(Math.max(positions[positions.length - 1], file.size - probeBytes));
  for (const position of positions) {
    const probe = probeAt(position);
    if (!probe) return { offset: 0, whole: 'a stretch without a time', probes };
    if (!inOrder(probe.times)) return { offset: 0, whole: 'out of order', probes };
    spread.push(probe.time);
  }
  if (!inOrder(spread)) return { offset: 0, whole: 'out of order', probes };

  const target = options.since - slack;
  // Invariant: the line at `lo` has a time below target (or lo is 0); every probe at or after `hi` found one at or
  // above it. Times seen must lie between those bounds, within the slack, or the order is not what the search needs.
  let lo = 0;
  let loTime = -Infinity;
  let hi = file.size;
  let hiTime = Infinity;
  while (hi - lo > probeBytes) {
    const probe = probeAt(lo + Math.floor((hi - lo) / 2));
    if (!probe) return { offset: 0, whole: 'a stretch without a time', probes };
    if (!inOrder(probe.times)) return { offset: 0, whole: 'out of order', probes };
    if (probe.lineStart >= hi) {
      // The first timed line after mid lies past hi: nothing between can narrow the search further (its time is of a
      // line past hi, which the bounds below do not hold for).
      break;
    }
    if (probe.time < loTime - slack || probe.time > hiTime + slack) return { offset: 0, whole: 'out of order', probes };
    if (probe.time < target) {
      lo = probe.lineStart;
      loTime = probe.time;
    } else {
      hi = lo + Math.floor((hi - lo) / 2);
      hiTime = Math.min(hiTime, probe.time);
    }
  }
  if (lo === 0) return { offset: 0, probes };
  let samples = 0;
  const clear = windowAbove(file, lo, options.since, () => samples++);
  return clear ? { offset: lo, probes, samples } : { offset: 0, whole: 'out of order', probes, samples };
}

/** Lines sampled above the offset the search found, at most (each ABOVE_SAMPLE_BYTES read: 4 MiB at most; on a 170 MB file, 35-150 ms warm under load, mostly parsing times). */
const ABOVE_SAMPLES = 4096;
/** Bytes between two samples above the offset, at least. */
const ABOVE_SAMPLE_STEP = 16 * 1024;
const ABOVE_SAMPLE_BYTES = 1024;

/**
 * Whether lines sampled above `offset` (every max(ABOVE_SAMPLE_STEP, offset / ABOVE_SAMPLES) bytes) all lie before
 * `since`. A clock set back (NTP, a local-time log at DST's fall-back) writes an hour or two twice over in times: the
 * binary search then finds where the second pass reaches the window, and the first pass's lines in the window lie
 * above it, between two order checks, unseen by them (rev27b: 1500 of a window's lines, none read, no note). A sample
 * in the window above the offset gives the seek up. A run shorter than the step still goes unseen (a 2 GiB file: 512 KiB).
 */
function windowAbove(file: SeekFile, offset: number, since: number, counted: () => void): boolean {
  const step = Math.max(ABOVE_SAMPLE_STEP, Math.ceil(offset / ABOVE_SAMPLES));
  const buffer = Buffer.allocUnsafe(ABOVE_SAMPLE_BYTES);
  for (let position = 0; position < offset; position += step) {
    counted();
    // Read no further than the offset: the lines from it on are the window's reader's own.
    const probe = probeLine(file, buffer.subarray(0, Math.min(buffer.length, offset - position)), position);
    // A sample without a time says nothing (a long line, a stack).
    if (probe && probe.times.some((time) => time >= since)) return false;
  }
  return true;
}

/** The first line with a time at or after `position` (see Probe), reading `buffer.length` bytes; undefined when none. */
function probeLine(file: SeekFile, buffer: Buffer, position: number): Probe | undefined {
  const read = readSync(file.fd, buffer, 0, buffer.length, position);
  let at = 0;
  if (position > 0) {
    // Unless the byte before is a "\n", the bytes up to the next one end a line begun before `position`.
    const before = Buffer.allocUnsafe(1);
    if (readSync(file.fd, before, 0, 1, position - 1) !== 1 || before[0] !== 10) {
      const nl = buffer.indexOf(10, 0);
      if (nl === -1 || nl >= read) return undefined;
      at = nl + 1;
    }
  }
  let found: Probe | undefined;
  while (at < read) {
    const nl = buffer.indexOf(10, at);
    // A line cut by the end of the bytes read is not parsed (its time may be cut too), nor a last line without its
    // "\n": a line being written while the file is read may hold half a time.
    if (nl === -1 || nl >= read) break;
    const end = nl;
    const time = file.timeOf(buffer.toString('utf8', at, end > at && buffer[end - 1] === 13 ? end - 1 : end));
    if (time !== undefined) {
      if (found) found.times.push(time);
      else found = { lineStart: position + at, time, times: [time] };
    }
    at = end + 1;
  }
  return found;
}
