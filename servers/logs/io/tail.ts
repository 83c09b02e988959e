// The last lines of a file, read backwards from the end in growing blocks (gzip, UTF-16: one forward pass with a ring).
import type { promises as fsp } from 'node:fs';
import { throwIfAborted } from '../../shared/progress';
import { isDecoded, isLegacyOnly, type FileCoding } from './charset';
import { decodeLegacyLine } from '../../shared/legacy-charset';
import { decodedText, leadingNuls, LineBlocker, UnreadableError } from './chunks';

/** Bytes kept of one line read backwards (its beginning); longer lines are cut. */
export const TAIL_LINE_BYTES = 64 * 1024;
const FIRST_BLOCK = 64 * 1024;
const MAX_BLOCK = 4 * 1024 * 1024;
/**
 * Most NUL bytes a file may end in that are passed over as no line: space its writer set aside and has not filled
 * (log4j2's memory-mapped appender grows its file by its region, 32 MiB unless set larger; a machine that lost power
 * before the data of a file's last blocks reached the disk leaves them zero). Reading them costs little (a sparse
 * file's hole is read as zeros without the disk), but a bound keeps every newest-entry look from reading a huge one: a
 * longer run is not passed over, and the outcome says so (TailOutcome.nulTail). 64 MiB was too little: a 70 MiB
 * region left error_summary without the file's newest entry and without a word why (rev26a).
 */
export const TRAILING_NUL_BYTES = 256 * 1024 * 1024;

export interface TailOptions {
  /** Called for each line from the newest backwards; return false to stop. */
  onLine: (text: string) => boolean;
  signal?: AbortSignal;
  /** Stop after reading this many bytes (the scan is then incomplete). */
  maxBytes?: number;
}

export interface TailOutcome {
  bytesRead: number;
  /** The start of the file was reached. */
  reachedStart: boolean;
  /** gzip: the note naming the file's damage or ignored trailing bytes (io/gzip.ts), when it has some. */
  damage?: string;
  /**
   * Set when the file ends in TRAILING_NUL_BYTES or more NUL bytes, which were not passed over: the lines read are
   * those of that run (none) and what `maxBytes` let be read before it. Its value is the bound, in bytes.
   */
  nulTail?: number;
}

function toText(buffer: Buffer, legacyCharset?: string): string {
  let end = buffer.length;
  if (end > 0 && buffer[end - 1] === 13) end--;
  const kept = Math.min(end, TAIL_LINE_BYTES);
  return legacyCharset === undefined ? buffer.toString('utf8', 0, kept) : decodeLegacyLine(buffer.subarray(0, kept), legacyCharset);
}

/**
 * A line read backwards, `bytes` long in all, of which `head` holds the start: its text (decoded in `legacyCharset`
 * when given), ending in the mark servers/shared/sanitize reads ("… [N bytes cut]") when bytes were left out, so a
 * later cut counts them.
 */
function cutLineText(head: Buffer, bytes: number, legacyCharset?: string): string {
  const text = toText(head, legacyCharset);
  return bytes > TAIL_LINE_BYTES ? `${text}… [${bytes - TAIL_LINE_BYTES} bytes cut]` : text;
}

/**
 * Reads a plain file backwards, handing complete lines newest first; lines that are not UTF-8 decoded in
 * `legacyCharset` (iconv-lite's name) when it is given: such a file's lines are found by their LF bytes as any.
 */
export async function readBackwards(handle: fsp.FileHandle, fileSize: number, options: TailOptions, legacyCharset?: string): Promise<TailOutcome> {
  // The NULs a file ends in are no line, and not counted in maxBytes: with them, the newest entry was past reach.
  const { end: size, nulTail } = await dataEnd(handle, fileSize, options.signal);
  const outcome = (bytesRead: number, reachedStart: boolean): TailOutcome => (nulTail ? { bytesRead, reachedStart, nulTail: TRAILING_NUL_BYTES } : { bytesRead, reachedStart });
  // The run of NULs read as a line, left out: it is no line of the file's.
  let skipNulLine = nulTail;
  let position = size;
  let blockSize = FIRST_BLOCK;
  // The piece of a line whose start lies further back (only its first TAIL_LINE_BYTES kept), and its whole length.
  let carry: Buffer | undefined;
  let carryBytes = 0;
  let first = true;
  const maxBytes = options.maxBytes ?? Infinity;
  while (position > 0) {
    throwIfAborted(options.signal);
    if (size - position >= maxBytes) return outcome(size - position, false);
    const length = Math.min(blockSize, position);
    position -= length;
    const block = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(block, 0, length, position);
    const data = block.subarray(0, bytesRead);
    let end = data.length;
    if (first) {
      first = false;
      // A final newline ends the last line; it does not start an empty one.
      if (end > 0 && data[end - 1] === 10) end--;
    }
    let nl = end > 0 ? data.lastIndexOf(10, end - 1) : -1;
    while (nl !== -1) {
      let piece = data.subarray(nl + 1, end);
      // A line's leading NULs are no part of it (io/chunks.ts leadingNuls): the entry after a long hole is kept.
      const nuls = leadingNuls(piece, 0, piece.length);
      if (nuls > 0) piece = piece.subarray(nuls);
      const line = carry ? Buffer.concat([piece, carry]).subarray(0, TAIL_LINE_BYTES + 1) : piece;
      const bytes = piece.length + carryBytes;
      carry = undefined;
      carryBytes = 0;
      const skipped = skipNulLine && bytes === 0;
      skipNulLine = false;
      if (!skipped && !options.onLine(cutLineText(line, bytes, legacyCharset))) return outcome(size - position, false);
      end = nl;
      nl = end > 0 ? data.lastIndexOf(10, end - 1) : -1;
    }
    const rest = data.subarray(0, end);
    // The line's bytes read so far, from here to its end: a run of NULs they start with is dropped now, as it would be
    // at the line's start (io/chunks.ts leadingNuls), so the entry after a hole longer than TAIL_LINE_BYTES is kept.
    const combined = carry ? Buffer.concat([rest, carry]) : rest;
    const nuls = leadingNuls(combined, 0, combined.length);
    carry = Buffer.from(combined.subarray(nuls, nuls + TAIL_LINE_BYTES + 1));
    carryBytes += rest.length - nuls;
    blockSize = Math.min(blockSize * 2, MAX_BLOCK);
  }
  if (carry && carry.length > 0) options.onLine(cutLineText(carry, carryBytes, legacyCharset));
  else if (carry && size > 0 && !skipNulLine) options.onLine('');
  return outcome(size, true);
}


/**
 * Where a file's data ends (`end`): before the run of NUL bytes it ends in, when something comes before it within
 * TRAILING_NUL_BYTES of the end. A longer run is read no further: `end` is then where the bytes read stop (NULs all
 * after it, so the walk back goes on from there rather than reading them again) and `nulTail` is set. `end` is `size`
 * for a file that ends in anything else (one byte read) and 0 for one of NULs only.
 */
async function dataEnd(handle: fsp.FileHandle, size: number, signal?: AbortSignal): Promise<{ end: number; nulTail: boolean }> {
  if (size === 0) return { end: size, nulTail: false };
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] !== 0) return { end: size, nulTail: false };
  const block = Buffer.allocUnsafe(Math.min(MAX_BLOCK, size));
  let end = size;
  while (end > 0 && size - end < TRAILING_NUL_BYTES) {
    throwIfAborted(signal);
    const length = Math.min(block.length, end);
    const { bytesRead } = await handle.read(block, 0, length, end - length);
    let i = bytesRead - 1;
    while (i >= 0 && block[i] === 0) i--;
    if (i >= 0) return { end: end - length + i + 1, nulTail: false };
    end -= length;
  }
  return { end, nulTail: end > 0 };
}

/**
 * gzip and UTF-16 text cannot be read backwards: one forward pass keeping only the last `keep` lines (oldest first)
 * of its readable text, with the note on its damage (io/gzip.ts) when it has some.
 */
export async function lastLinesOfDecoded(fd: number, coding: FileCoding, keep: number, signal?: AbortSignal): Promise<{ lines: string[]; damage?: string }> {
  const ring: string[] = new Array<string>(Math.max(1, keep));
  let count = 0;
  const blocker = new LineBlocker(TAIL_LINE_BYTES * 4);
  const { output: text, close, note } = decodedText(fd, coding);
  const take = (lines: Buffer) => {
    let pos = 0;
    while (pos < lines.length) {
      const nl = lines.indexOf(10, pos);
      ring[count++ % ring.length] = toText(lines.subarray(pos, nl === -1 ? lines.length : nl));
      pos = nl === -1 ? lines.length : nl + 1;
    }
  };
  try {
    for await (const piece of text) {
      throwIfAborted(signal);
      take(blocker.push(piece));
    }
    take(blocker.end());
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new UnreadableError(`cannot ${coding.gzip || coding.compression ? 'decompress' : 'read'}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    close();
  }
  const size = Math.min(count, ring.length);
  const out: string[] = [];
  for (let i = count - size; i < count; i++) out.push(ring[i % ring.length]);
  const damage = note();
  return damage === undefined ? { lines: out } : { lines: out, damage };
}

/** An open log file as the tail readers need it. */
export interface TailFile extends FileCoding {
  handle: fsp.FileHandle;
  /** Bytes on disk (compressed size for gzip). */
  size: number;
}

export interface BackwardOptions extends TailOptions {
  /** gzip and UTF-16 only: how many last lines to decode and walk (they cannot be read backwards; `maxBytes` is for plain files). */
  decodedLines: number;
}

/**
 * Hands the lines of a plain, gzip or UTF-16 file to `onLine`, newest first, until it returns false. For gzip and
 * UTF-16 only the last `decodedLines` lines are seen: `reachedStart` then means the walk got through all of them, and
 * `bytesRead` is the size on disk. Throws UnreadableError for corrupt gzip data, an AbortError when `signal` aborts.
 */
export async function readLinesBackwards(file: TailFile, options: BackwardOptions): Promise<TailOutcome> {
  if (!isDecoded(file)) return readBackwards(file.handle, file.size, options);
  if (isLegacyOnly(file)) return readBackwards(file.handle, file.size, options, file.legacyCharset);
  const { lines, damage } = await lastLinesOfDecoded(file.handle.fd, file, options.decodedLines, options.signal);
  let i = lines.length - 1;
  for (; i >= 0; i--) if (!options.onLine(lines[i])) break;
  const outcome: TailOutcome = { bytesRead: file.size, reachedStart: i <= 0 };
  if (damage !== undefined) outcome.damage = damage;
  return outcome;
}

/** The last `count` lines of a file, oldest first. */
export async function lastLines(file: TailFile, count: number, signal?: AbortSignal): Promise<string[]> {
  const newestFirst: string[] = [];
  await readLinesBackwards(file, { onLine: (text) => newestFirst.push(text) < count, decodedLines: count, signal });
  return newestFirst.reverse();
}
