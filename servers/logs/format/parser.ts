// The line parser for one file: its format detected (format/detect.ts) from the head's sample lines (io/head.ts), and,
// for a file whose lines carry a time of day and no date, its days read from the whole file (format/clock-days.ts).
import { forEachLine } from '../io/chunks';
import type { FileCoding } from '../io/charset';
import { sampleLines } from '../io/head';
import { ClockDayCounter, type FileIndex } from './clock-days';
import { createLineParser } from './detect';
import type { FieldBlock, LineParser } from './types';
import { fieldsDiffer, fieldsDirective } from './w3c';

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
 * What `file`'s whole text says that its head cannot (one pass, a check at each line's start), else undefined: the
 * days of its lines when `parser` dates times of day written without a date (LineParser.clockOf), and the `#Fields:`
 * blocks of a W3C extended log whose directives differ down it (LineParser.indexesFields). Every reader of the file
 * reads its lines by them (LineParser.indexedBy): the scan process, the server's readers and log_patterns read the same
 * from the same file version. A file that cannot be read to its end gives days not known (`doubt`); an abort throws.
 */
export async function readFileIndex(fd: number, file: DaysFile, parser: LineParser, signal?: AbortSignal): Promise<FileIndex | undefined> {
  const clockOf = parser.clockOf;
  const fields = parser.indexesFields === true;
  if ((clockOf === undefined && !fields) || parser.indexedBy === undefined) return undefined;
  const counter = clockOf === undefined ? undefined : new ClockDayCounter(clockOf);
  const blocks: FieldBlock[] = [];
  let lines = 0;
  // A UTF-8 byte-order mark is no part of the first line (the engines drop it too).
  let first = true;
  try {
    await forEachLine(
      fd,
      file,
      (line) => {
        const text = first && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
        first = false;
        lines++;
        counter?.push(text);
        if (fields && text.charCodeAt(0) === 35 /* # */) {
          const named = fieldsDirective(text);
          if (named !== undefined) blocks.push({ line: lines, fields: named });
        }
        return true;
      },
      { signal, end: file.gzip || file.compression !== undefined ? Infinity : file.size },
    );
  } catch (error) {
    if (signal?.aborted) throw error;
    // The readers meet the same error; until then, its lines' days are not known, and they have no time. A W3C
    // file's later blocks are not known either: its lines are read by the head's columns, as they were read before.
    if (counter === undefined) return undefined;
    return { lines: 0, dayStarts: [], doubt: `its text could not be read to its end (${error instanceof Error ? error.message : String(error)}), so its lines' days are not known` };
  }
  const fieldBlocks = blocks.length > 1 && fieldsDiffer(blocks) ? { fieldBlocks: blocks } : {};
  if (counter !== undefined) return { ...counter.finish(file.mtimeMs, file.name), ...fieldBlocks };
  return fieldBlocks.fieldBlocks === undefined ? undefined : { lines, dayStarts: [], ...fieldBlocks };
}

/** `parser` reading each line by its file's index (readFileIndex: its day, its `#Fields:` block), or `parser` itself without one. */
export function withFileIndex(parser: LineParser, days: FileIndex | undefined): LineParser {
  return days === undefined || parser.indexedBy === undefined ? parser : parser.indexedBy(days);
}
