// Where a scan job reads from: with `since` on a large plain file whose lines are in time order, from a line just above
// the window (io/time-seek.ts), not from the file's first, so that "errors in the last 2 hours" of a 2 GiB log reads
// the last 2 hours (break37: 117 s, past the 60 s request timeout of clients built on the MCP SDK). Every other job,
// and every file whose order the seek cannot trust, is read whole as before.
import { fstatSync } from 'node:fs';
import { needsHeader } from '../format/continuation';
import { joinsPartials } from '../format/partials';
import type { LineParser } from '../format/types';
import { isDecoded } from '../io/charset';
import { COUNT_BYTES, countNewlines, DEFAULT_MIN_SEEK_BYTES, readStart, type ReadStart } from '../io/time-seek';
import type { ByteKernel } from '../search/byte-kernel';
import { HEADER_LOOKBACK_LINES, parseLine } from '../search/collector';
import type { ScanRequest, ScanTarget } from '../search/types';

/**
 * Where the scan of `target` (open as `fd`, its format learned as `parser`) starts for `request`: undefined when a
 * seek does not apply (no since; a compressed or decoded file, which cannot be read by position; lines a container
 * runtime split, whose runs are joined from the file's start; a file below `minBytes`, default
 * DEFAULT_MIN_SEEK_BYTES), else readStart's answer (`whole` when it refused); `probeBytes` as windowStart takes it (tests
 * seek in small files with small probes); `kernel`, when the job has the byte kernel, counts the lines above. The start is at least
 * max(before, HEADER_LOOKBACK_LINES) lines above the window, so before-context and the entry a continuation line looks
 * up are the full read's. `size`: the bytes the read covers, fixed when the scan opened the file (worker.ts), its size
 * now by default: a file written to meanwhile is sought in as it was, so the start is the one its read owes. Throws
 * what readSync throws.
 */
export function scanStart(fd: number, target: ScanTarget, request: ScanRequest, parser: LineParser, minBytes = DEFAULT_MIN_SEEK_BYTES, probeBytes?: number, kernel?: ByteKernel, size = fstatSync(fd).size): ReadStart | undefined {
  // A time of day without a date is dated by its line's number (format/clock-days.ts), which a probe does not know.
  if (request.since === undefined || isDecoded(target) || joinsPartials(parser) || parser.clockOf !== undefined || parser.fileIndex !== undefined) return undefined;
  if (size < minBytes) return undefined;
  return readStart(
    {
      fd,
      size,
      timeOf: (line) => parseLine(parser, line).timestamp,
      startsEntry: (line) => !needsHeader(parser, parseLine(parser, line)),
      // The byte kernel counts in its own memory, read into directly: about 0.3 s a GiB against 0.8 with indexOf.
      ...(kernel ? { countLines: (end: number) => countNewlines(fd, end, kernel.allocate(COUNT_BYTES), (bytes) => (kernel.load(bytes) ? kernel.countNewlines(0, bytes.length) : 0)) } : {}),
    },
    { since: request.since, minBytes, linesAbove: Math.max(request.before, HEADER_LOOKBACK_LINES), ...(probeBytes !== undefined ? { probeBytes } : {}) },
  );
}
