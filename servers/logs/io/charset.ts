// Log text that is not UTF-8. Windows writes UTF-16 logs as a matter of course: Windows PowerShell's `>` and
// Out-File, many .NET and Windows services, files exported from Event Viewer. Read as UTF-8 bytes, such a file is
// NULs between letters: no format is detected, no level read and no pattern found, so every answer about it would be
// a confident "nothing" (ripgrep transcodes it, the Node readers did not). Every reader of a file's bytes therefore
// learns its charset once, here, and a UTF-16 file is read as a decoded stream, as a gzip file is (io/chunks.ts).
//
// One file may hold both: a second writer appends in its own encoding (cmd's `echo … >>` writes UTF-8 or the ANSI
// code page behind PowerShell's UTF-16; PowerShell's `>>` or Add-Content writes UTF-16 behind a UTF-8 start). Decoding
// the whole file in the charset of its start turns the newest lines into CJK mojibake (or NULs between letters), and
// a tool then misses the very lines a user asks about. So the decoder below judges the charset line by line, where
// a region's line breaks say which it is, decodes each region in its own, and says where the file changes.
import { read } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { promisify, TextDecoder } from 'node:util';
import { compressionOfStart, type Compression } from './decompress';
import { startsAsJournalExport } from './journal-export';
import { startsAsRecordBatch } from './record-batches';
import { configuredCharset, detectLegacyCharset, DETECT_BYTES, hasBinaryControl, LegacyLines, setCharsetSaying, undecodedSaying, type LegacyCharset, type UnsureGuess } from '../../shared/legacy-charset';
import { DetectedLegacyLines } from './legacy-stream';

const readAsync = promisify(read);

/**
 * The text encodings a log file is read in; anything without a UTF-16 mark or shape is read as UTF-8. 'mixed': a
 * file whose start is UTF-8 and whose end is UTF-16 (its start's charset is sniffed again when it is decoded).
 */
export type Charset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'mixed';
/** The charset of one region of a file's text. */
type RegionCharset = Exclude<Charset, 'mixed'>;

/** How a file's bytes become UTF-8 lines: gzip members decompressed (io/gzip.ts), then UTF-16 or a legacy charset transcoded. */
export interface FileCoding {
  gzip: boolean;
  /** Compressed otherwise than with gzip, and read through the system's tool for it (io/decompress.ts). */
  compression?: Compression;
  /** Of the file's (decompressed) text; 'utf-8' when absent. For gzip files it is learned from the decompressed start. */
  charset?: Charset;
  /**
   * iconv-lite's name of the legacy charset (servers/shared/legacy-charset.ts) the lines of UTF-8 text that are not valid UTF-8 are
   * decoded in (`cp949`); absent: they are read as UTF-8 (U+FFFD for what is not). Not used on UTF-16 text.
   */
  legacyCharset?: string;
  /**
   * Its text is JSON documents holding arrays of records (io/record-batches.ts: CloudTrail's `Records`, OTLP/JSON's
   * `logRecords`), or a journal export (io/journal-export.ts: entries of many lines), read one record to a line. Decompressed text is looked at for it as it is read, whatever this says.
   */
  records?: true;
}

/** The coding of an opened file (or anything that carries one) and nothing else: what readers and the scan process take. */
export function codingOf(file: FileCoding): FileCoding {
  return { gzip: file.gzip, ...(file.compression ? { compression: file.compression } : {}), ...(file.charset ? { charset: file.charset } : {}), ...(file.legacyCharset ? { legacyCharset: file.legacyCharset } : {}), ...(file.records ? { records: true } : {}) };
}

/** Bytes looked at to learn a charset: enough for the shape test below, small enough to cost nothing per open. */
export const SNIFF_BYTES = 512;
/** Fewest code units a file without a byte order mark must show before its NUL pattern is trusted. */
const MIN_UNITS = 8;
/** Bytes at a UTF-8 file's end tested for a UTF-16 region appended to it: about one log line in UTF-16. */
const END_SNIFF_BYTES = 64;

/** Shares of code units utf16Shape asks for: NUL in one byte of at least `share`, in the other of at most `otherZero`. */
interface ShapeShares {
  share: number;
  otherZero: number;
}
/** A file's start, with nothing else to go by: 70% ASCII, at most 1/8 of units such as U+3000. */
const FILE_SHARES: ShapeShares = { share: 0.7, otherZero: 1 / 8 };
/**
 * One line whose UTF-16 line break was found (a NUL in the text of a UTF-8 region is already out of place): a
 * quarter ASCII (a time and a level before CJK text), at most a third of units such as U+0100 or U+10000's halves.
 */
const LINE_SHARES: ShapeShares = { share: 0.25, otherZero: 1 / 3 };

/**
 * The byte order of UTF-16 text `bytes` (whole code units from a unit boundary) by its shape alone, or undefined:
 * text whose every other byte is NUL (ASCII letters in UTF-16, which is what log text mostly is) in at least `share`
 * of its code units, and the other byte in at most `otherZero` of them (CJK characters such as U+3000, and the
 * surrogates of U+10000, have a NUL byte of their own).
 * UTF-8 text has no NUL bytes, and a run of NULs (a file padded after a crash) has them in both places.
 */
function utf16Shape(bytes: Buffer, minUnits: number, { share, otherZero }: ShapeShares = FILE_SHARES): 'utf-16le' | 'utf-16be' | undefined {
  const units = Math.floor(bytes.length / 2);
  if (units < minUnits) return undefined;
  let lowZero = 0;
  let highZero = 0;
  for (let i = 0; i < units; i++) {
    if (bytes[2 * i] === 0) lowZero++;
    if (bytes[2 * i + 1] === 0) highZero++;
  }
  // A few characters whose other byte is NUL too (U+3000, U+4E00, U+0100) do not make text of one order binary noise.
  if (highZero >= share * units && lowZero <= otherZero * units) return 'utf-16le';
  if (lowZero >= share * units && highZero <= otherZero * units) return 'utf-16be';
  return undefined;
}

/** The UTF-16 byte order a byte order mark at `bytes[at]` names, if one is there. */
function bomAt(bytes: Buffer, at: number): 'utf-16le' | 'utf-16be' | undefined {
  if (at + 1 >= bytes.length) return undefined;
  if (bytes[at] === 0xff && bytes[at + 1] === 0xfe) return 'utf-16le';
  if (bytes[at] === 0xfe && bytes[at + 1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The charset of text starting with `start` (a file's first bytes, SNIFF_BYTES or fewer): a UTF-16 byte order mark
 * decides; without one, the UTF-16 shape of its first code units (utf16Shape), else UTF-8, so a UTF-8 log with a
 * stray NUL is not taken for UTF-16.
 */
export function sniffCharset(start: Buffer): RegionCharset {
  return bomAt(start, 0) ?? utf16Shape(start.subarray(0, SNIFF_BYTES), MIN_UNITS) ?? 'utf-8';
}

/**
 * Whether `start` (a file's first bytes, which sniffCharset read as UTF-8) holds bytes that are not UTF-8: text in a
 * legacy 8-bit charset (EUC-KR/CP949, Shift_JIS, GBK, Latin-1...), which Korean, Japanese and Chinese Windows programs
 * and JVMs with their default file.encoding still write. Such a file is read as UTF-8 all the same (which legacy
 * charset it is cannot be told from a few bytes), so its non-ASCII letters read as U+FFFD and a search in those
 * letters matches nothing: the tools say so (legacyTextNote) rather than answer "0 matches" about a line that is there.
 * A character cut by the sniff's end is not counted; a NUL run (a file padded after a crash) is UTF-8. Past the start,
 * codingOfFile samples the file's end and middle the same way (holdsLegacyText).
 */
export function startsAsLegacyText(start: Buffer): boolean {
  // Binary data (a gzip member without a .gz name, a core dump) holds C0 controls no text has: it is no charset.
  return !isUtf8(start.subarray(0, wholeUtf8End(start))) && !hasBinaryControl(start);
}

/** The end of `bytes` without a UTF-8 character cut short at its end (its lead byte and the continuation bytes read). */
function wholeUtf8End(bytes: Buffer): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
    const b = bytes[i];
    if (b < 0x80) return end;
    if (b >= 0xc0) return end - i < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) ? i : end;
  }
  return end;
}

/**
 * The note a tool adds about a file whose text is not UTF-8 (startsAsLegacyText) and was not decoded: no charset was
 * set and the detector was not sure enough (`unsure`: its best guess, said as such).
 */
export function legacyTextNote(name: string, unsure?: UnsureGuess): string {
  return `${name}: ${undecodedSaying(unsure)}`;
}

/** A file's coding as learned when it is opened: its charset, and whether its UTF-8 text holds legacy text. */
export interface SniffedCoding {
  charset: Charset;
  /** startsAsLegacyText: read as UTF-8, the text sampled holds bytes that are not UTF-8. */
  legacy: boolean;
  /** With `legacy`: the charset its lines that are not UTF-8 are decoded in (set by the user, or detected for sure). */
  legacyCharset?: LegacyCharset;
  /** With `legacy` and no charset to decode in: the detector's guess that was too unsure to decode by. */
  unsure?: UnsureGuess;
  /**
   * It starts with a gzip member's header (1f 8b 08): compressed whatever its name says (a rotation that compressed
   * `app.log.3` without adding `.gz`); its text's charset is learned when it is decompressed, as for a `.gz` file.
   */
  gzip?: true;
  /**
   * It starts with the magic number of bzip2, xz, zstd or lz4 (decompress.ts compressionOfStart): compressed whatever
   * its name says, and read through that compression's tool as a file named so is.
   */
  compression?: Compression;
  /** It starts as a document of record batches (io/record-batches.ts startsAsRecordBatch) or a journal export (io/journal-export.ts): read one record to a line. */
  records?: true;
}

/** Whether `start` begins with a gzip member's header: the magic 1f 8b and the deflate method (8), which gzip writes. */
export const startsAsGzip = (start: Buffer): boolean => start.length >= 3 && start[0] === 0x1f && start[1] === 0x8b && start[2] === 8;

/**
 * The charset of the file of `size` bytes open on `fd`, from its first SNIFF_BYTES, and for a UTF-8 start its last
 * END_SNIFF_BYTES (positional reads: the descriptor is untouched): a UTF-16 end behind a UTF-8 start is 'mixed'. A
 * UTF-16 start needs no look at the end: its decoder finds UTF-8 regions itself (TextRegions).
 */
export async function charsetOfFile(fd: number, size = 0): Promise<Charset> {
  return (await codingOfFile(fd, size)).charset;
}

/** What codingOfFile is told: the charset the user set for text that is not UTF-8 (iconv-lite's name), if any. */
export interface CodingOptions {
  legacyCharset?: string;
  /** legacyCharset was named by the call (its `encoding`), not by the settings. */
  asked?: boolean;
}

/**
 * charsetOfFile, and whether UTF-8 text holds legacy text (startsAsLegacyText), from the same reads; for such text, the
 * charset to decode it in: the one `options` names, else the detector's (servers/shared/legacy-charset.ts) when it is sure, else
 * its unsure guess. Detection reads a few more windows (at most 16 KB more) only for files with legacy text.
 */
export async function codingOfFile(fd: number, size = 0, options: CodingOptions = {}): Promise<SniffedCoding> {
  const start = Buffer.alloc(SNIFF_BYTES);
  const { bytesRead } = await readAsync(fd, start, 0, SNIFF_BYTES, 0);
  const read = start.subarray(0, bytesRead);
  if (startsAsGzip(read)) return { charset: 'utf-8', legacy: false, gzip: true };
  const compression = compressionOfStart(read);
  if (compression !== undefined) return { charset: 'utf-8', legacy: false, compression };
  if (startsAsRecordBatch(read) || startsAsJournalExport(read)) return { charset: 'utf-8', legacy: false, records: true };
  const charset = sniffCharset(read);
  const legacyStart = charset === 'utf-8' && startsAsLegacyText(read);
  if (charset !== 'utf-8') return { charset, legacy: false };
  if (size > SNIFF_BYTES) {
    // The end's code units are aligned with the file's end (an appended region ends there), so an even count is read.
    const length = Math.min(END_SNIFF_BYTES, size - SNIFF_BYTES) & ~1;
    const end = Buffer.alloc(length);
    const { bytesRead: endRead } = await readAsync(fd, end, 0, length, size - length);
    if (utf16Shape(end.subarray(0, endRead), MIN_UNITS)) return { charset: 'mixed', legacy: legacyStart };
  }
  // With a charset set, the first window with legacy text decides; without, the detector wants all there are.
  const samples = [...(legacyStart ? [read] : []), ...(legacyStart && options.legacyCharset ? [] : await legacySamples(fd, size, options.legacyCharset ? 1 : Infinity))];
  if (samples.length === 0) return { charset: 'utf-8', legacy: false };
  if (options.legacyCharset) return { charset: 'utf-8', legacy: true, legacyCharset: configuredCharset(options.legacyCharset, options.asked) };
  const { charset: detected, unsure } = detectLegacyCharset(Buffer.concat(samples).subarray(0, DETECT_BYTES));
  return { charset: 'utf-8', legacy: true, ...(detected ? { legacyCharset: detected } : {}), ...(unsure ? { unsure } : {}) };
}

/** Samples of a UTF-8 file past its start tested for legacy text (legacySamples), and the bytes of each. */
const LEGACY_SAMPLES = 8;
const LEGACY_SAMPLE_BYTES = 2048;
/** Bytes at the file's end tested too: its newest lines, what a person asks about first. */
const LEGACY_END_BYTES = 4096;

/**
 * The windows of a file past its first SNIFF_BYTES that hold legacy text (at most `most` of them): a log most often
 * begins with its ASCII start-up banner and prints its Korean or Japanese messages later, so testing its first
 * SNIFF_BYTES alone said nothing about a file whose search for `오류` matched nothing (break29). Tests the last
 * LEGACY_END_BYTES and LEGACY_SAMPLES windows spread evenly over the rest (the whole file up to 16 KB): positional
 * reads, a few per open. A sample, not a proof: a single legacy line in a large file may fall between the windows.
 */
async function legacySamples(fd: number, size: number, most: number): Promise<Buffer[]> {
  if (size <= SNIFF_BYTES) return [];
  const windows: Array<[number, number]> = [];
  const rest = size - SNIFF_BYTES;
  for (let k = 0; k < LEGACY_SAMPLES && k * LEGACY_SAMPLE_BYTES < rest; k++) {
    const at = SNIFF_BYTES + (rest <= LEGACY_SAMPLES * LEGACY_SAMPLE_BYTES ? k * LEGACY_SAMPLE_BYTES : Math.floor((rest * k) / LEGACY_SAMPLES));
    windows.push([at, Math.min(LEGACY_SAMPLE_BYTES, size - at)]);
  }
  const endAt = Math.max(SNIFF_BYTES, size - LEGACY_END_BYTES);
  windows.push([endAt, size - endAt]);
  const found: Buffer[] = [];
  for (const [at, length] of windows) {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await readAsync(fd, buffer, 0, length, at);
    const sample = buffer.subarray(0, bytesRead);
    if (isLegacySample(sample)) found.push(sample);
    if (found.length >= most) break;
  }
  return found;
}
/** startsAsLegacyText for bytes read from inside a file: a UTF-8 character cut by the window's start is skipped. */
function isLegacySample(bytes: Buffer): boolean {
  let from = 0;
  while (from < 3 && from < bytes.length && (bytes[from] & 0xc0) === 0x80) from++;
  return startsAsLegacyText(bytes.subarray(from));
}

/** Whether the file must be read as a decoded stream (from its start) rather than by positional reads of its bytes. */
export const isDecoded = (coding: FileCoding): boolean => coding.gzip || coding.records === true || coding.compression !== undefined || (coding.charset ?? 'utf-8') !== 'utf-8' || coding.legacyCharset !== undefined;

/**
 * Whether the file is plain UTF-8 text but for lines in a legacy charset: its lines can still be found by their LF
 * bytes anywhere in it (read backwards, io/tail.ts), each decoded on its own (decodeLegacyLine).
 */
export const isLegacyOnly = (coding: FileCoding): boolean => !coding.gzip && coding.compression === undefined && (coding.charset ?? 'utf-8') === 'utf-8' && coding.legacyCharset !== undefined;

/** Bytes of one line held back while waiting for its end; a longer line is decoded in its region's charset as it comes. */
const MAX_HELD_BYTES = 1024 * 1024;
/** A UTF-8 line this long decides a UTF-16 region's end on its own (a log line with a time is longer). */
const CONFIDENT_BYTES = 8;
/** Bytes whose shape decides a NUL-holding line without a UTF-16 line break in reach. */
const SHAPE_WINDOW = 4096;
/** Regions named in the note on a mixed file; more are counted. */
const NOTED_REGIONS = 4;
const EMPTY = Buffer.alloc(0);
const NAMES: Record<RegionCharset, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/**
 * Whether high byte `high` of a UTF-16 code unit is one of the scripts a line of UTF-16 may be written in without
 * a single ASCII character (no space, digit or colon, so no NUL byte): kana and CJK punctuation (U+30xx), CJK
 * ideographs (U+4E00–U+9FFF), Hangul syllables (U+AC00–U+D7FF), full-width forms (U+FFxx).
 */
const cjkHigh = (high: number): boolean => high === 0x30 || (high >= 0x4e && high <= 0x9f) || (high >= 0xac && high <= 0xd7) || high === 0xff;

/** Whether `bytes` hold a C0 control character other than tab, CR and ESC (colour codes): log text has none. */
function hasControl(bytes: Buffer): boolean {
  for (const b of bytes) if (b < 0x20 && b !== 9 && b !== 13 && b !== 0x1b) return true;
  return false;
}

/** The offset after the UTF-16 line break of byte order `order` that ends the line at `p` (a code unit boundary), or -1. */
function utf16LineEnd(data: Buffer, p: number, order: 'utf-16le' | 'utf-16be'): number {
  const le = order === 'utf-16le';
  for (let nl = data.indexOf(10, p); nl !== -1; nl = data.indexOf(10, nl + 1)) {
    if (le ? (nl - p) % 2 === 0 && nl + 1 < data.length && data[nl + 1] === 0 : (nl - p) % 2 === 1 && data[nl - 1] === 0) return le ? nl + 2 : nl + 1;
  }
  return -1;
}

/**
 * Text decoded region by region: a UTF-16 region lasts while its lines end in a UTF-16 line break (`0A 00` at a
 * code unit boundary for LE); a line without a NUL byte that is valid UTF-8 (and not CJK text read the other way)
 * starts a UTF-8 region; in a UTF-8 region, a line shaped as UTF-16 (utf16Shape, or a byte order mark) starts a UTF-16
 * one. A NUL run in UTF-8 text is neither shape and stays UTF-8. Fed raw pieces in order; gives UTF-8 bytes.
 */
class TextRegions {
  private mode: RegionCharset | undefined;
  private held: Buffer = EMPTY;
  private decoder: TextDecoder | undefined;
  /** Inside a line whose start was already decoded (it was longer than MAX_HELD_BYTES): no region starts there. */
  private midLine = false;
  /** 1-based number of the next line given out. */
  private line = 1;
  /** Each region's charset and first line, in order. */
  readonly regions: { charset: RegionCharset; line: number }[] = [];

  constructor(private readonly first: Charset | 'sniff') {}

  /** The UTF-8 bytes of the whole lines `piece` completes (held bytes first). */
  push(piece: Buffer): Buffer[] {
    const data = this.held.length ? Buffer.concat([this.held, piece]) : piece;
    const out: Buffer[] = [];
    let used = this.decode(data, false, out);
    if (data.length - used > MAX_HELD_BYTES) {
      // A line too long to hold: its start is decoded in the region's charset, its end follows.
      this.emit(data.subarray(used), out);
      used = data.length;
      this.midLine = true;
    }
    this.held = used < data.length ? Buffer.from(data.subarray(used)) : EMPTY;
    return out;
  }

  /** The rest, once the input has ended. */
  end(): Buffer[] {
    const out: Buffer[] = [];
    this.decode(this.held, true, out);
    this.held = EMPTY;
    this.flush(out);
    return out;
  }

  /** A note naming the regions when the text changed charset, else undefined. */
  note(): string | undefined {
    if (this.regions.length < 2) return undefined;
    const named = this.regions.slice(0, NOTED_REGIONS).map((r, i) => {
      const next = this.regions[i + 1];
      const last = next ? next.line - 1 : this.line - 1;
      return `${NAMES[r.charset]} (line${last > r.line ? `s ${r.line}–${last}` : ` ${r.line}`})`;
    });
    const more = this.regions.length - NOTED_REGIONS;
    return `the file mixes text encodings (a second writer appended in its own): ${named.join(', ')}${more > 0 ? ` and ${more} more regions` : ''}; each region was decoded in its own`;
  }

  private begin(charset: RegionCharset, out: Buffer[]): void {
    this.flush(out);
    this.mode = charset;
    this.decoder = charset === 'utf-8' ? undefined : new TextDecoder(charset);
    this.regions.push({ charset, line: this.line });
  }

  private flush(out: Buffer[]): void {
    const rest = this.decoder?.decode();
    if (rest) out.push(Buffer.from(rest, 'utf8'));
  }

  /** Gives out bytes of the current region (whole lines, or the start of an over-long one). */
  private emit(bytes: Buffer, out: Buffer[]): void {
    if (!bytes.length) return;
    if (this.decoder) {
      const text = this.decoder.decode(bytes, { stream: true });
      if (text.length) out.push(Buffer.from(text, 'utf8'));
    } else {
      out.push(bytes);
    }
  }

  /** Decodes the whole lines of `data` (all of it when `final`) into `out`; returns the bytes used. */
  private decode(data: Buffer, final: boolean, out: Buffer[]): number {
    let p = 0;
    if (this.mode === undefined) {
      if (!final && data.length < SNIFF_BYTES) return 0;
      // 'mixed': the file's start was sniffed as UTF-8 when it was opened.
      const sniffed = this.first === 'sniff' ? sniffCharset(data) : this.first === 'mixed' ? 'utf-8' : this.first;
      // A byte order mark is left to the region's decoder, which drops it.
      this.begin(sniffed, out);
    }
    while (p < data.length) {
      if (this.mode === 'utf-8') {
        const next = this.utf8Lines(data, p, final, out);
        // Stopped without a change of region: wait for more bytes.
        if (next === p && this.mode === 'utf-8') break;
        p = next;
        continue;
      }
      // A UTF-16 region: its lines up to one that starts a UTF-8 region.
      const runStart = p;
      let switchTo: RegionCharset | undefined;
      for (;;) {
        if (!this.midLine) {
          const judged = this.utf8LineAt(data, p, final);
          if (judged === undefined) break;
          if (judged) {
            switchTo = 'utf-8';
            break;
          }
        }
        const end = utf16LineEnd(data, p, this.mode === 'utf-16be' ? 'utf-16be' : 'utf-16le');
        if (end === -1) {
          if (final) p = data.length;
          break;
        }
        p = end;
        this.midLine = false;
        this.line++;
      }
      this.emit(data.subarray(runStart, p), out);
      if (switchTo === undefined) break;
      this.begin(switchTo, out);
    }
    return p;
  }

  /**
   * UTF-8 lines from `p`: all the whole ones before the first NUL byte given out at once (UTF-8 text has none), then
   * the line holding it judged: a UTF-16 shape starts that region. Returns where it stopped (`p`: wait for more).
   */
  private utf8Lines(data: Buffer, p: number, final: boolean, out: Buffer[]): number {
    const nul = data.indexOf(0, p);
    if (nul === -1) {
      const end = final ? data.length : data.lastIndexOf(10) + 1;
      if (end <= p) return p;
      this.countLines(data, p, end);
      this.emit(data.subarray(p, end), out);
      return end;
    }
    // The line holding the NUL starts after the last line break before it (an LE line break `0A 00`: at the NUL).
    const lineStart = nul > p ? Math.max(p, data.lastIndexOf(10, nul - 1) + 1) : p;
    if (lineStart > p) {
      this.countLines(data, p, lineStart);
      this.emit(data.subarray(p, lineStart), out);
      return lineStart;
    }
    const nl = data.indexOf(10, p);
    const le = utf16LineEnd(data, p, 'utf-16le');
    const be = utf16LineEnd(data, p, 'utf-16be');
    // Wait for a line break of some order (the byte after a 0A tells an LE break), or for enough bytes to judge.
    if (!final && le === -1 && be === -1 && data.length - p < SHAPE_WINDOW) return p;
    const shape = this.utf16LineShape(data, p, le, be);
    if (shape) {
      this.begin(shape, out);
      return p;
    }
    // NULs in no UTF-16 shape (a padded or damaged stretch): the line stays UTF-8, as it was written.
    if (!final && (nl === -1 || nl + 1 >= data.length)) return p;
    const end = nl === -1 ? data.length : nl + 1;
    this.countLines(data, p, end);
    this.emit(data.subarray(p, end), out);
    return end;
  }

  /**
   * The UTF-16 byte order of the line at `p` that ends (after its line break) at `le` read as LE, at `be` read as BE
   * (-1: no such break): a byte order mark, or the shape of the line up to its break. With that break found, one
   * line's shape is judged with LINE_SHARES. Without one, the shape of
   * the next SHAPE_WINDOW bytes, as a file's start is judged.
   */
  private utf16LineShape(data: Buffer, p: number, le: number, be: number): 'utf-16le' | 'utf-16be' | undefined {
    const bom = bomAt(data, p);
    if (bom) return bom;
    if (le !== -1 && utf16Shape(data.subarray(p, le), 1, LINE_SHARES) === 'utf-16le') return 'utf-16le';
    if (be !== -1 && utf16Shape(data.subarray(p, be), 1, LINE_SHARES) === 'utf-16be') return 'utf-16be';
    if (le === -1 && be === -1) return utf16Shape(data.subarray(p, Math.min(data.length, p + SHAPE_WINDOW)), MIN_UNITS);
    return undefined;
  }

  /**
   * In a UTF-16 region: whether the line at `p` is UTF-8 (undefined: wait for more bytes). Its UTF-8 reading (up to
   * the first 0A byte, which must be there: appending writers end their lines) holds no NUL (a UTF-16 line with any
   * ASCII character has one), does not end in this order's line break, is valid UTF-8 without control characters
   * (U+01xx–U+1Fxx read the other way), and is not CJK text read the other way (an odd length cannot be whole code
   * units). A line of CONFIDENT_BYTES or more decides; a shorter (or empty) one is UTF-8 when the lines after it are,
   * since a few non-ASCII UTF-16 characters before one whose low byte is 0A read the same way (at the text's end:
   * when the rest is an odd number of bytes).
   */
  private utf8LineAt(data: Buffer, p: number, final: boolean): boolean | undefined {
    for (let at = p; ; ) {
      const nl = data.indexOf(10, at);
      if (nl === -1) return final || data.indexOf(0, at) !== -1 ? false : undefined;
      if (!final && nl + 1 >= data.length) return undefined;
      const nul = data.indexOf(0, at);
      if (nul !== -1 && nul < nl) return false;
      if (this.mode === 'utf-16le' && (nl - p) % 2 === 0 && data[nl + 1] === 0) return false;
      const text = data.subarray(at, nl);
      if (!isUtf8(text) || hasControl(text)) return false;
      if ((nl - p) % 2 === 0) {
        // The units' high bytes (odd offsets from the region's line start for LE, even for BE).
        const high = this.mode === 'utf-16le' ? 1 : 0;
        let cjk = true;
        for (let i = at - p + ((at - p) % 2 === high ? 0 : 1); i < nl - p && cjk; i += 2) cjk = cjkHigh(data[p + i]);
        if (cjk && text.length > 0) return false;
      }
      if (text.length >= CONFIDENT_BYTES) return true;
      at = nl + 1;
      // Short lines up to the end: UTF-16 text ends on a code unit boundary, UTF-8 need not.
      if (at >= data.length) return (data.length - p) % 2 === 1;
    }
  }

  private countLines(data: Buffer, from: number, to: number): void {
    for (let nl = data.indexOf(10, from); nl !== -1 && nl < to; nl = data.indexOf(10, nl + 1)) this.line++;
  }
}

/**
 * The UTF-8 bytes of `source`'s text in `charset` ('sniff': learned from the first piece, for decompressed gzip text),
 * piece by piece; the byte order mark is dropped and a broken code unit becomes U+FFFD, as any text decoder does.
 * UTF-16 text (and 'mixed') is decoded region by region (TextRegions): lines another writer appended in UTF-8 are read
 * as UTF-8, and `onNote` gets, once the text ends, the note naming the regions when there were several. Text that
 * starts as UTF-8 (not 'mixed') is handed on as it is, but for its lines that are not UTF-8 when `legacyCharset` (an
 * iconv-lite name) is given: those are decoded in it (servers/shared/legacy-charset.ts); without one, decompressed text
 * ('sniff') has them decoded in the charset detected as they come, and `onNote` told so (io/legacy-stream.ts).
 */
export async function* toUtf8(source: AsyncIterable<Buffer>, charset: Charset | 'sniff', onNote?: (note: string) => void, legacyCharset?: string): AsyncGenerator<Buffer> {
  let regions: TextRegions | undefined;
  for await (const piece of source) {
    if (regions === undefined) {
      const known = charset === 'sniff' ? sniffCharset(piece.subarray(0, SNIFF_BYTES)) : charset;
      if (known === 'utf-8') {
        if (legacyCharset !== undefined) {
          // A plain file's tools name the charset from its opening (codingOfFile); decompressed text's reader must.
          yield* legacyLines(piece, source, legacyCharset, charset === 'sniff' ? onNote : undefined);
          return;
        }
        // Decompressed text was never sampled for a legacy charset (a plain file is, when opened): judged as it comes.
        if (charset === 'sniff') {
          yield* detectedLegacyLines(piece, source, onNote);
          return;
        }
        // Already UTF-8: hand every piece on as it is.
        yield piece;
        for await (const rest of source) yield rest;
        return;
      }
      regions = new TextRegions(known);
    }
    for (const out of regions.push(piece)) yield out;
  }
  if (!regions) return;
  for (const out of regions.end()) yield out;
  const note = regions.note();
  if (note !== undefined) onNote?.(note);
}

/** `first` and the rest of `source` as UTF-8, lines that are not decoded in the charset detected (DetectedLegacyLines), which `onNote` is told. */
async function* detectedLegacyLines(first: Buffer, source: AsyncIterable<Buffer>, onNote?: (note: string) => void): AsyncGenerator<Buffer> {
  const lines = new DetectedLegacyLines();
  // Told as soon as it is known, before the text it is about: a reader that stops early (a search's limit) still says it.
  let told = false;
  const tell = (out: Buffer[]) => {
    const note = told ? undefined : lines.note();
    if (note !== undefined) {
      told = true;
      onNote?.(note);
    }
    return out;
  };
  yield* tell(lines.push(first));
  for await (const piece of source) yield* tell(lines.push(piece));
  yield* tell(lines.end());
}

/** `first` and the rest of `source` as UTF-8, lines that are not decoded in `legacyCharset` (LegacyLines); `onNote` is told when any was. */
async function* legacyLines(first: Buffer, source: AsyncIterable<Buffer>, legacyCharset: string, onNote?: (note: string) => void): AsyncGenerator<Buffer> {
  const lines = new LegacyLines(legacyCharset);
  // As detectedLegacyLines: told once, as soon as a line was decoded.
  let told = false;
  const tell = (out: Buffer[]) => {
    if (!told && lines.decodedAny) {
      told = true;
      onNote?.(setCharsetSaying(legacyCharset));
    }
    return out;
  };
  yield* tell(lines.push(first));
  for await (const piece of source) yield* tell(lines.push(piece));
  yield* tell(lines.end());
}
