// The head of a log file: its first bytes (decompressed for .gz, as UTF-8 for UTF-16 text) and their lines, from which the file's format is
// detected (format/parser.ts). Every reader of a file's head goes through here, so the server's tools and the scan
// process see the same sample and detect the same format.
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { isDecoded, type FileCoding } from './charset';
import { readLineBlocks } from './chunks';

const readAsync = promisify(read);

/** Bytes read from the start of a file to detect its format. */
export const SAMPLE_BYTES = 64 * 1024;
/** Most lines of the head given to format detection. */
export const SAMPLE_LINES = 300;
/** Lines longer than this (characters) are left out of the sample: a long first line must not decide, or hide, the layout. */
export const MAX_SAMPLE_LINE_CHARS = 8192;
/** The head grows past SAMPLE_BYTES (up to MAX_HEAD_BYTES) until it holds this many sample lines. */
const MIN_SAMPLE_LINES = 20;
/** Most bytes read for a head whose first lines are overlong. */
export const MAX_HEAD_BYTES = 1024 * 1024;

export interface FileHead {
  /** From offset 0: SAMPLE_BYTES bytes, or up to MAX_HEAD_BYTES when the first lines are overlong (decoded text for gzip and UTF-16). */
  data: Buffer;
  /** The whole file fits in `data` (so its last line is not cut). */
  complete: boolean;
}

/** Complete lines of `data` short enough to be sampled (up to `enough`). */
function sampleableLines(data: Buffer, enough: number): number {
  let count = 0;
  let start = 0;
  for (let newline = data.indexOf(10); newline >= 0 && count < enough; newline = data.indexOf(10, start)) {
    if (newline - start <= MAX_SAMPLE_LINE_CHARS && newline > start) count++;
    start = newline + 1;
  }
  return count;
}

/** The head holds enough lines to detect a format from, or as many bytes as it may. */
const headIsEnough = (data: Buffer) => data.length >= MAX_HEAD_BYTES || sampleableLines(data, MIN_SAMPLE_LINES) >= MIN_SAMPLE_LINES;

/**
 * The first SAMPLE_BYTES of an open descriptor, more (up to MAX_HEAD_BYTES) while they hold fewer than
 * MIN_SAMPLE_LINES lines of at most MAX_SAMPLE_LINE_CHARS (positional reads: the descriptor's position and ownership
 * stay with the caller). Throws UnreadableError (io/chunks.ts) for corrupt gzip data.
 */
export async function readHead(fd: number, coding: FileCoding): Promise<FileHead> {
  if (!isDecoded(coding)) {
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);
      const { bytesRead } = await readAsync(fd, buffer, 0, SAMPLE_BYTES, size);
      parts.push(buffer.subarray(0, bytesRead));
      size += bytesRead;
      const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      if (bytesRead < SAMPLE_BYTES) return { data, complete: true };
      if (headIsEnough(data)) return { data, complete: false };
    }
  }
  const parts: Buffer[] = [];
  let size = 0;
  let complete = true;
  for await (const block of readLineBlocks(fd, coding)) {
    parts.push(block.data);
    size += block.data.length;
    if (size >= SAMPLE_BYTES && headIsEnough(Buffer.concat(parts))) {
      complete = false;
      break;
    }
  }
  const all = Buffer.concat(parts);
  // Decompressed blocks are large: keep SAMPLE_BYTES when they hold enough lines, as for plain files.
  const keep = headIsEnough(all.subarray(0, SAMPLE_BYTES)) ? SAMPLE_BYTES : MAX_HEAD_BYTES;
  return { data: all.subarray(0, keep), complete: complete && all.length <= keep };
}

/** Splits a head into at most SAMPLE_LINES lines (CR stripped; the possibly cut last line dropped unless complete). */
export function sampleLines(head: Buffer, complete: boolean): string[] {
  const text = head.toString('utf8');
  const lines = text.split('\n');
  if (!complete && lines.length > 1) lines.pop();
  return lines
    .filter((l) => l.length <= MAX_SAMPLE_LINE_CHARS)
    .slice(0, SAMPLE_LINES)
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The sample lines of an open file's head (readHead + sampleLines). */
export async function headLines(fd: number, coding: FileCoding): Promise<string[]> {
  const head = await readHead(fd, coding);
  return sampleLines(head.data, head.complete);
}
