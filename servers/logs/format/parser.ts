// The line parser for one file: its format detected (format/detect.ts) from the head's sample lines (io/head.ts), and,
// for a file whose lines carry a time of day and no date, its days read from the whole file (format/clock-days.ts).
import { forEachLine } from '../io/chunks';
import type { FileCoding } from '../io/charset';
import { sampleLines } from '../io/head';
import { ClockDayCounter, type ClockDays } from './clock-days';
import { createLineParser } from './detect';
import type { LineParser } from './types';

/** `head`/`complete` as io/head.ts readHead returns them; `mtimeMs` dates year-less timestamps. */
export function parserFor(head: Buffer, complete: boolean, mtimeMs: number): LineParser {
  return createLineParser(sampleLines(head, complete), { referenceTime: mtimeMs });
}

/** The file a parser's days are read from: open as `fd`, its coding, and what its version was resolved with. */
export interface DaysFile extends FileCoding {
  /** The name the file was asked by (a date in it may date its last line). */
  name: string;
  /** Bytes: the days are read from the first `size` bytes, the file's when it was resolved. */
  size: number;
  mtimeMs: number;
}

/**
 * The days of `file`'s lines when `parser` dates times of day written without a date (LineParser.clockOf), read from
 * its whole text (one pass, a regex at each line's start), else undefined. Every reader of the file dates its lines
 * by them (LineParser.datedBy): the scan process, the server's readers and log_patterns read the same days from the
 * same file version. A file that cannot be read to its end gives days not known (`doubt`); an abort throws.
 */
export async function readClockDays(fd: number, file: DaysFile, parser: LineParser, signal?: AbortSignal): Promise<ClockDays | undefined> {
  const clockOf = parser.clockOf;
  if (clockOf === undefined || parser.datedBy === undefined) return undefined;
  const counter = new ClockDayCounter(clockOf);
  // A UTF-8 byte-order mark is no part of the first line (the engines drop it too).
  let first = true;
  try {
    await forEachLine(
      fd,
      file,
      (line) => {
        counter.push(first && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
        first = false;
        return true;
      },
      { signal, end: file.gzip || file.compression !== undefined ? Infinity : file.size },
    );
  } catch (error) {
    if (signal?.aborted) throw error;
    // The readers meet the same error; until then, its lines' days are not known, and they have no time.
    return { lines: 0, dayStarts: [], doubt: `its text could not be read to its end (${error instanceof Error ? error.message : String(error)}), so its lines' days are not known` };
  }
  return counter.finish(file.mtimeMs, file.name);
}

/** `parser` dated by `days` (readClockDays), or `parser` itself when there are none. */
export function withClockDays(parser: LineParser, days: ClockDays | undefined): LineParser {
  return days === undefined || parser.datedBy === undefined ? parser : parser.datedBy(days);
}
