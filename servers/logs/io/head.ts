// The head of a log file: its first bytes (decompressed for .gz) and their lines, from which the file's format is
// detected (format/parser.ts). Every reader of a file's head goes through here, so the server's tools and the scan
// process see the same sample and detect the same format.
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { readLineBlocks } from './chunks';

const readAsync = promisify(read);

/** Bytes read from the start of a file to detect its format. */
export const SAMPLE_BYTES = 64 * 1024;
/** Most lines of the head given to format detection. */
export const SAMPLE_LINES = 300;

export interface FileHead {
  /** At most SAMPLE_BYTES bytes from offset 0 (decompressed when gzip). */
  data: Buffer;
  /** The whole file fits in `data` (so its last line is not cut). */
  complete: boolean;
}

/**
 * The first SAMPLE_BYTES of an open descriptor (positional reads: the descriptor's position and ownership stay with
 * the caller). Throws UnreadableError (io/chunks.ts) for corrupt gzip data.
 */
export async function readHead(fd: number, gzip: boolean): Promise<FileHead> {
  if (!gzip) {
    const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);
    const { bytesRead } = await readAsync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return { data: buffer.subarray(0, bytesRead), complete: bytesRead < SAMPLE_BYTES };
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

/** Splits a head into at most SAMPLE_LINES lines (CR stripped; the possibly cut last line dropped unless complete). */
export function sampleLines(head: Buffer, complete: boolean): string[] {
  const text = head.toString('utf8');
  const lines = text.split('\n');
  if (!complete && lines.length > 1) lines.pop();
  return lines.slice(0, SAMPLE_LINES).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The sample lines of an open file's head (readHead + sampleLines). */
export async function headLines(fd: number, gzip: boolean): Promise<string[]> {
  const head = await readHead(fd, gzip);
  return sampleLines(head.data, head.complete);
}
