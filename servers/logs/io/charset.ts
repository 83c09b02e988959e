// Log text that is not UTF-8. Windows writes UTF-16 logs as a matter of course: Windows PowerShell's `>` and
// Out-File, many .NET and Windows services, files exported from Event Viewer. Read as UTF-8 bytes, such a file is
// NULs between letters: no format is detected, no level read and no pattern found, so every answer about it would be
// a confident "nothing" (ripgrep transcodes it, the Node readers did not). Every reader of a file's bytes therefore
// learns its charset once, here, and a UTF-16 file is read as a decoded stream, as a gzip file is (io/chunks.ts).
import { read } from 'node:fs';
import { promisify, TextDecoder } from 'node:util';

const readAsync = promisify(read);

/** The text encodings a log file is read in; anything without a UTF-16 mark or shape is read as UTF-8. */
export type Charset = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How a file's bytes become UTF-8 lines: gzip members decompressed (io/gzip.ts), then UTF-16 transcoded. */
export interface FileCoding {
  gzip: boolean;
  /** Of the file's (decompressed) text; 'utf-8' when absent. For gzip files it is learned from the decompressed start. */
  charset?: Charset;
}

/** Bytes looked at to learn a charset: enough for the shape test below, small enough to cost nothing per open. */
export const SNIFF_BYTES = 512;
/** Fewest code units a file without a byte order mark must show before its NUL pattern is trusted. */
const MIN_UNITS = 8;

/**
 * The charset of text starting with `start` (a file's first bytes, SNIFF_BYTES or fewer): a UTF-16 byte order mark
 * decides; without one, text whose every other byte is NUL (ASCII letters in UTF-16, which is what log text mostly is)
 * in at least 70% of its first code units, and the other byte in at most 1/8 (CJK characters such as U+3000 have a NUL
 * byte of their own), is UTF-16 of that byte order. UTF-8 text has
 * no NUL bytes, so a UTF-8 log with a stray NUL is not taken for UTF-16.
 */
export function sniffCharset(start: Buffer): Charset {
  if (start.length >= 2 && start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start.length >= 2 && start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  const units = Math.floor(Math.min(start.length, SNIFF_BYTES) / 2);
  if (units < MIN_UNITS) return 'utf-8';
  let lowZero = 0;
  let highZero = 0;
  for (let i = 0; i < units; i++) {
    if (start[2 * i] === 0) lowZero++;
    if (start[2 * i + 1] === 0) highZero++;
  }
  // A few characters whose other byte is NUL too (U+3000, U+4E00, U+0100) do not make text of one order binary noise.
  if (highZero >= 0.7 * units && lowZero * 8 <= units) return 'utf-16le';
  if (lowZero >= 0.7 * units && highZero * 8 <= units) return 'utf-16be';
  return 'utf-8';
}

/** The charset of the file open on `fd`, from its first SNIFF_BYTES (a positional read: the descriptor is untouched). */
export async function charsetOfFile(fd: number): Promise<Charset> {
  const start = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await readAsync(fd, start, 0, SNIFF_BYTES, 0);
  return sniffCharset(start.subarray(0, bytesRead));
}

/** Whether the file must be read as a decoded stream (from its start) rather than by positional reads of its bytes. */
export const isDecoded = (coding: FileCoding): boolean => coding.gzip || (coding.charset ?? 'utf-8') !== 'utf-8';

/**
 * The UTF-8 bytes of `source`'s text in `charset` ('sniff': learned from the first piece, for decompressed gzip text),
 * piece by piece; the byte order mark is dropped and a broken code unit becomes U+FFFD, as any text decoder does.
 */
export async function* toUtf8(source: AsyncIterable<Buffer>, charset: Charset | 'sniff'): AsyncGenerator<Buffer> {
  let decoder: TextDecoder | undefined;
  for await (const piece of source) {
    if (decoder === undefined) {
      const known = charset === 'sniff' ? sniffCharset(piece.subarray(0, SNIFF_BYTES)) : charset;
      if (known === 'utf-8') {
        // Already UTF-8: hand every piece on as it is.
        yield piece;
        for await (const rest of source) yield rest;
        return;
      }
      decoder = new TextDecoder(known);
    }
    const text = decoder.decode(piece, { stream: true });
    if (text.length) yield Buffer.from(text, 'utf8');
  }
  const last = decoder?.decode();
  if (last) yield Buffer.from(last, 'utf8');
}
