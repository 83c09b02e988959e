// Gives the `log_patterns` tool safe file access: names resolve through the same checks as every
// other tool, and lines stream in blocks (plain or gzip), yielding to the event loop between blocks. A source's
// records stream the same way, as the lines of a log of its kind.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FileIndex } from '../format/clock-days';
import type { LogPatternsContext } from '../patterns/log-patterns';
import { UserFacingError } from '../../shared/tool-result';
import { partialKind, PartialJoiner, type SplitKind } from '../format/partials';
import { codingOf, isDecoded, type FileCoding } from '../io/charset';
import { forEachLine, MAX_LINE_BYTES } from '../io/chunks';
import { SAMPLE_LINES } from '../io/head';
import { DEFAULT_MIN_SEEK_BYTES, readStart as seekStart } from '../io/time-seek';
import { parseAsShown } from '../format/as-shown';
import { needsHeader } from '../format/continuation';
import { createLineParser } from '../format/detect';
import { assertNotRewrittenInPlace, grownWhileRead, readStart } from '../io/in-place';
import type { TimeWindow } from '../../shared/time-window';
import { closeQuietly, type LogsContext } from './context';
import { grewNote, noteDamage, noteLegacyText, noteRotation } from './common';
import { envelopeOf } from './source-lines';
import { sourceOfRecordLine } from '../io/record-batches';
import type { SourceRef } from './sources';

interface Resolved extends FileCoding {
  /** The name the caller used, for notes. */
  name: string;
  /** Lines a container runtime split are joined (format/partials.ts), as the search engines join them. */
  split: SplitKind | undefined;
  dev: number;
  ino: number;
  mtimeMs: number;
  /** What the tools say of its text when it is not UTF-8 (noteLegacyText), learned when it was opened. */
  charsetNotes: string[];
  /** The days of its times of day without a date (format/clock-days.ts), when its lines carry such times. */
  fileIndex?: FileIndex;
}

/**
 * The `log_patterns` context of the logs server's files. `window.since` (epoch ms, the call's window): a large plain
 * file in time order is sought in for it (patternsStart), its lines above the window given as empty lines.
 */
export function logPatternsContext(ctx: LogsContext, window: { since?: number } = {}): LogPatternsContext {
  const resolved = new Map<string, Resolved>();
  return {
    async resolveFile(name) {
      const opened = await ctx.open(name);
      let split: SplitKind | undefined;
      let fileIndex: FileIndex | undefined;
      try {
        const parser = await ctx.parserOf(opened);
        split = partialKind(parser);
        fileIndex = parser.fileIndex;
      } finally {
        await closeQuietly(opened.handle);
      }
      if (resolved.size > 1000) resolved.clear();
      const charsetNotes: string[] = [];
      noteLegacyText(charsetNotes, opened);
      resolved.set(opened.realPath, { name: opened.info.name, ...codingOf(opened.info), split, ...(fileIndex !== undefined ? { fileIndex } : {}), dev: opened.stats.dev, ino: opened.stats.ino, mtimeMs: opened.stats.mtimeMs, charsetNotes });
      return opened.realPath;
    },
    async referenceTime(path) {
      return resolved.get(path)?.mtimeMs;
    },
    async fileIndex(path) {
      return resolved.get(path)?.fileIndex;
    },
    async readLines(path, onLine, signal) {
      const info = resolved.get(path);
      const name = info?.name ?? path;
      if (!info) throw new UserFacingError('file was not resolved first');
      // Joined lines keep the file's numbering: a run's later parts come as empty lines, which are not mined.
      const joiner = info.split ? new PartialJoiner(info.split) : undefined;
      const give = (lines: string[]) => lines.every((line) => onLine(line) !== false);
      const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        const stats = fstatSync(fd);
        if (!stats.isFile() || stats.dev !== info.dev || stats.ino !== info.ino) throw new UserFacingError('the file changed while being read; try again');
        const notes: string[] = [...info.charsetNotes];
        const onDamage = (damage: string) => noteDamage(notes, name, damage);
        const start = readStart(fd);
        const line = (text: string) => (joiner ? give(joiner.push(text)) : onLine(text) !== false);
        const sought = window.since !== undefined && !joiner ? patternsStart(fd, info, stats.size, window.since, ctx.seekMinBytes) : undefined;
        const whole = sought ? await readSought(fd, info, sought, line, { signal, onDamage }) : await forEachLine(fd, info, line, { signal, onDamage });
        if (!whole) return { notes };
        if (sought) notes.push(soughtNote(name, sought));
        assertNotRewrittenInPlace(fd, { ...info, size: stats.size }, start);
        const grew = grewNote(name, grownWhileRead(fd, stats.size));
        if (grew) notes.push(grew);
        if (joiner) give(joiner.end());
        await noteRotation(notes, name, { realPath: path, dev: info.dev, ino: info.ino });
        return { notes };
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * The `log_patterns` context of one source: its records written as the envelopes format/ reads (source-lines.ts), the
 * window pushed down to the source (`log_patterns` applies it again to the parsed times). `onProgress` hears the
 * listing a first read makes (the lines read are the tool's own progress).
 */
export function sourcePatternsContext(ctx: LogsContext, source: SourceRef, window: TimeWindow, onProgress?: (message: string) => void): LogPatternsContext {
  return {
    async resolveFile(name) {
      if (name !== source.name) throw new UserFacingError(`not the source being read: ${name}`);
      return name;
    },
    async readLines(_name, onLine, signal) {
      const records = ctx.sources.read(source.name, { since: window.since, until: window.until, signal, ...(onProgress ? { onProgress } : {}) })[Symbol.asyncIterator]();
      try {
        for (let step = await records.next(); !step.done; step = await records.next()) {
          if (signal?.aborted || onLine(envelopeOf(step.value, source.kind)) === false) return;
        }
      } finally {
        await records.return?.();
      }
    },
  };
}

/** Where a `log_patterns` read of a file sought in for its window starts (patternsStart). */
interface PatternsStart {
  /** The end of the head (bytes), whose lines are given as they are: the miner learns the file's layout from them. */
  headEnd: number;
  /** Lines between the head and `byte`, given as empty lines. */
  skipped: number;
  /** A line opening an entry, above the window: lines are given from it on. */
  byte: number;
  /** Its 1-based number. */
  line: number;
}

/** Empty lines given for skipped ones between two turns of the event loop. */
const SKIPPED_PER_TURN = 1_000_000;
/** Bytes of a file's start read first for the head's SAMPLE_LINES lines. */
const FIRST_HEAD_BYTES = 256 * 1024;
/** Bytes of a file's start looked at for the head's SAMPLE_LINES lines (a head longer than this: no seek). */
const HEAD_BYTES = 4 * 1024 * 1024;

/** The file's first SAMPLE_LINES lines, as bytes read within the first `bytes` bytes; undefined when they are not. */
function sampleHead(fd: number, size: number, bytes: number): Buffer | undefined {
  const head = Buffer.allocUnsafe(Math.min(bytes, size));
  const read = readSync(fd, head, 0, head.length, 0);
  let end = 0;
  for (let n = 0; n < SAMPLE_LINES; n++) {
    const nl = head.indexOf(10, end);
    // A head line the line reader would cut (MAX_LINE_BYTES) is not read here as it reads it: no seek.
    if (nl === -1 || nl >= read || nl - end > MAX_LINE_BYTES) return undefined;
    end = nl + 1;
  }
  return head.subarray(0, end);
}

/**
 * Where `log_patterns` reads a plain file of `size` bytes from for a window opening at `since` (epoch ms), or
 * undefined when it reads it whole (decoded or compressed, below `minBytes`, out of time order… io/time-seek.ts). The
 * miner learns the file's layout from its first SAMPLE_LINES lines (patterns/log-patterns.ts): those are given first
 * as they are, the times the seek reads are read by the parser it learns from them, and the lines between the head
 * and the start go as empty lines, which the miner counts and does not mine (as a joined run's later parts), so line
 * numbers, linesRead and linesMatched are the full read's. Throws what readSync throws.
 */
function patternsStart(fd: number, file: FileCoding & { mtimeMs: number }, size: number, since: number, minBytes = DEFAULT_MIN_SEEK_BYTES): PatternsStart | undefined {
  if (isDecoded(file) || size < minBytes) return undefined;
  // The head's lines are short in most logs: a small read first, HEAD_BYTES only when they are not within it.
  const head = sampleHead(fd, size, FIRST_HEAD_BYTES) ?? sampleHead(fd, size, HEAD_BYTES);
  if (!head) return undefined;
  const headEnd = head.length;
  const lines = head.toString('utf8', 0, headEnd).split('\n').slice(0, SAMPLE_LINES).map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  // The time the miner reads year-less times by: the file's when it was resolved (referenceTime above).
  const parser = createLineParser(lines, { referenceTime: file.mtimeMs });
  // A time of day without a date is dated by its line's number (format/clock-days.ts), which a probe does not know.
  if (parser.clockOf !== undefined) return undefined;
  const start = seekStart(
    { fd, size, timeOf: (line) => parseAsShown(parser, line).timestamp, startsEntry: (line) => !needsHeader(parser, parseAsShown(parser, line)) },
    { since, minBytes, readAnyway: headEnd },
  );
  if (start.whole !== undefined) return undefined;
  return { headEnd, skipped: start.line - 1 - SAMPLE_LINES, byte: start.byte, line: start.line };
}

/**
 * Gives `onLine` the lines of a file sought in (patternsStart): the head, empty lines for those skipped, the rest from
 * the start. Resolves false when `onLine` stopped the reading.
 */
async function readSought(fd: number, coding: FileCoding, sought: PatternsStart, onLine: (line: string) => boolean, options: { signal?: AbortSignal; onDamage: (damage: string) => void }): Promise<boolean> {
  if (!(await forEachLine(fd, coding, onLine, { ...options, end: sought.headEnd }))) return false;
  for (let n = 0; n < sought.skipped; n++) {
    if (!onLine('')) return false;
    // A turn of the event loop now and then, as forEachLine gives one per block.
    if (n % SKIPPED_PER_TURN === SKIPPED_PER_TURN - 1) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return forEachLine(fd, coding, onLine, { ...options, start: sought.byte });
}

/** What a sought read says of itself: where it started, and why that is the full read's answer. */
function soughtNote(name: string, sought: PatternsStart): string {
  return `${name}: read from line ${sought.line.toLocaleString('en-US')} (byte ${sought.byte.toLocaleString('en-US')}) on, and its first ${SAMPLE_LINES} lines: the file is in time order and every line between is older than since (a seek on its lines' times)`;
}

/**
 * `reader` narrowed to the records of one `service` in a file of record batches (a record's source is its service, as
 * search_logs reads it): the miner sees that service's records only, numbered 1, 2, … among themselves, and
 * `filePosition` turns such a number back into the record's position in the file (1-based). Positions are kept only
 * when `keepPositions` (the call asked for line numbers), 8 bytes per record of the service.
 */
export function serviceOnly(reader: LogPatternsContext, service: string, keepPositions: boolean): { context: LogPatternsContext; filePosition: (n: number) => number } {
  const positions: number[] = [];
  return {
    context: {
      resolveFile: (name) => reader.resolveFile(name),
      ...(reader.referenceTime ? { referenceTime: (path: string) => reader.referenceTime!(path) } : {}),
      readLines(path, onLine, signal) {
        let position = 0;
        return reader.readLines(
          path,
          (line) => {
            position++;
            if (sourceOfRecordLine(line) !== service) return true;
            if (keepPositions) positions.push(position);
            return onLine(line);
          },
          signal,
        );
      },
    },
    filePosition: (n) => positions[n - 1] ?? n,
  };
}

/** How an example ends when it was cut: the miner's ellipsis, or servers/shared/sanitize's "… [N chars cut]". */
const CUT_MARK = /…(?: \[\d+ chars cut\])?$/;
/** The start of the envelopes envelopeOf writes, whose first field is the record's text. */
const ENVELOPE_START = /^\{"(?:MESSAGE|log)":"/;

/**
 * An example line of a source's template: the record's text again instead of its envelope. An example cut to the
 * example length (a huge record) keeps its cut mark after the part of the text it holds.
 */
export function exampleText(example: string): string {
  try {
    const json: unknown = JSON.parse(example);
    if (json && typeof json === 'object') {
      const text = (json as Record<string, unknown>).MESSAGE ?? (json as Record<string, unknown>).log;
      if (typeof text === 'string') return text;
    }
  } catch {
    return cutEnvelopeText(example) ?? example;
  }
  return example;
}

/** The text a cut envelope holds, with the cut mark, or undefined when `example` is not one. */
function cutEnvelopeText(example: string): string | undefined {
  const start = ENVELOPE_START.exec(example);
  const mark = CUT_MARK.exec(example);
  if (!start || !mark) return undefined;
  let body = example.slice(start[0].length, mark.index);
  // The text ends at its first unescaped quote (the envelope's next fields follow); a cut escape is dropped.
  const close = /(?:^|[^\\])(?:\\\\)*"/.exec(body);
  if (close) body = body.slice(0, close.index + close[0].length - 1);
  body = body.replace(/(?<!\\)((?:\\\\)*)\\(?:u[0-9a-fA-F]{0,3})?$/, '$1');
  try {
    return `${JSON.parse(`"${body}"`) as string}${mark[0]}`;
  } catch {
    return undefined;
  }
}
