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
}

export const DEFAULT_SLACK_MS = 5 * 60_000;
export const DEFAULT_MIN_SEEK_BYTES = 64 * 1024 * 1024;
const DEFAULT_PROBE_BYTES = 64 * 1024;
const DEFAULT_ORDER_CHECKS = 16;

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
  positions.push(Math.max(0, file.size - probeBytes));
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
    if (!inOrder(probe.times) || probe.time < loTime - slack || probe.time > hiTime + slack) return { offset: 0, whole: 'out of order', probes };
    if (probe.lineStart >= hi) {
      // The first timed line after mid lies past hi: nothing between can narrow the search further.
      break;
    }
    if (probe.time < target) {
      lo = probe.lineStart;
      loTime = probe.time;
    } else {
      hi = lo + Math.floor((hi - lo) / 2);
      hiTime = Math.min(hiTime, probe.time);
    }
  }
  return { offset: lo, probes };
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
    // A line cut by the end of the bytes read is not parsed (its time may be cut too); the file's last line is.
    if ((nl === -1 || nl >= read) && position + read < file.size) break;
    const end = nl === -1 || nl >= read ? read : nl;
    const time = file.timeOf(buffer.toString('utf8', at, end > at && buffer[end - 1] === 13 ? end - 1 : end));
    if (time !== undefined) {
      if (found) found.times.push(time);
      else found = { lineStart: position + at, time, times: [time] };
    }
    at = end + 1;
  }
  return found;
}
