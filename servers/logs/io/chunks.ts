// Reading a log forward in large blocks of whole lines (plain, gzip or UTF-16), with a bound on line length.
import { isAscii } from 'node:buffer';
import { fstatSync, read, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { promisify } from 'node:util';
import { UserFacingError } from '../../shared/tool-result';
import { isDecoded, toUtf8, type FileCoding } from './charset';
import { decompressFile } from './decompress';
import { gunzipMembers, rawChunks } from './gzip';
import { MAX_PENDING_BYTES, MAX_RECORD_BYTES, MAX_RESOURCE_BYTES, recordsWhenBatched, type UnsourcedRecords } from './record-batches';
import type { OpenEnd } from './journal-export';

const readAsync = promisify(read);

/** A file that cannot be read as a log (corrupt compression); with several files, it is skipped with a note. */
export class UnreadableError extends UserFacingError {}

export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Longer lines are cut to this many bytes for matching; the rest of the line is skipped. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

export interface LineBlock {
  /** Whole lines, each ending with "\n" (one is added after a last line without it). */
  data: Buffer;
  /** Lines cut at MAX_LINE_BYTES so far (this block's and those before), when some were: a match past a cut is not seen. */
  cut?: number;
  /** Bytes of the underlying (decompressed) stream consumed so far, including this block. */
  offset: number;
  /** Compressed bytes read so far (equal to offset for plain files), for progress. */
  rawOffset: number;
  /**
   * The note naming a gzip's damage or ignored trailing bytes (io/gzip.ts), a file's mixed encodings or the legacy charset
   * its decompressed text was decoded in (io/charset.ts), when it has some: on the last block, and on a block before it
   * whenever what is known changed (the charset is known early: a reader that stops there must still say it). Each
   * holds all that is known so far: the latest one given is the note.
   */
  damage?: string;
}

/**
 * How many NUL bytes buffer[start, end) starts with. A line's leading NULs are no part of it (format/detect.ts
 * withoutLeadingNuls: copytruncate's hole under a writer that does not append, as long as the old file, before the
 * writer's next entry on the same line). The readers drop them as they meet them: cut to the bytes of a line they keep
 * (MAX_LINE_BYTES, TAIL_LINE_BYTES), a hole longer than that left only NULs of the entry behind it, and an ERROR written
 * after a rotation was not counted (break30).
 */
export function leadingNuls(buffer: Buffer, start: number, end: number): number {
  let at = start;
  while (at < end && buffer[at] === 0) at++;
  return at - start;
}

/** Splits arbitrary buffers into blocks of whole lines, cutting lines longer than MAX_LINE_BYTES. */
export class LineBlocker {
  /** Lines cut so far (longer than maxLine): what lay past the cut was never read. */
  cutLines = 0;
  private carry: Buffer = Buffer.alloc(0);
  private skippingRest = false;
  private consumed = 0;

  constructor(private readonly maxLine = MAX_LINE_BYTES) {}

  /** Returns the whole lines now complete (possibly empty). */
  push(input: Buffer): Buffer {
    this.consumed += input.length;
    let chunk = input;
    if (this.skippingRest) {
      const nl = chunk.indexOf(10);
      if (nl === -1) return EMPTY;
      this.skippingRest = false;
      chunk = chunk.subarray(nl + 1);
      const cut = this.carry;
      this.carry = Buffer.alloc(0);
      const rest = this.push0(chunk);
      return rest.length ? Buffer.concat([cut, rest]) : cut;
    }
    return this.push0(chunk);
  }

  private push0(chunk: Buffer): Buffer {
    const last = chunk.lastIndexOf(10);
    if (last === -1) {
      let joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
      // A partial line's leading NULs go as they come (see leadingNuls).
      const nuls = leadingNuls(joined, 0, joined.length);
      if (nuls > 0) joined = joined.subarray(nuls);
      if (joined.length > this.maxLine) {
        // A line too long to hold: keep its head (ending it with a newline) and drop bytes up to the next newline.
        const head = Buffer.allocUnsafe(this.maxLine + 1);
        joined.copy(head, 0, 0, this.maxLine);
        head[this.maxLine] = 10;
        this.carry = head;
        this.skippingRest = true;
        this.cutLines++;
        return EMPTY;
      }
      this.carry = joined.buffer === chunk.buffer ? Buffer.from(joined) : joined;
      return EMPTY;
    }
    let lines: Buffer;
    if (this.carry.length) {
      lines = Buffer.allocUnsafe(this.carry.length + last + 1);
      this.carry.copy(lines, 0);
      chunk.copy(lines, this.carry.length, 0, last + 1);
    } else {
      lines = chunk.subarray(0, last + 1);
    }
    const rest = chunk.subarray(last + 1);
    this.carry = rest.length ? Buffer.from(rest) : EMPTY;
    if (this.carry.length > this.maxLine) this.carry = this.carry.subarray(0, this.maxLine);
    return lines;
  }

  /** The last line when the input did not end with a newline. */
  end(): Buffer {
    const carry = this.carry;
    this.carry = EMPTY;
    if (this.skippingRest) {
      this.skippingRest = false;
      return carry;
    }
    if (!carry.length) return EMPTY;
    const out = Buffer.allocUnsafe(carry.length + 1);
    carry.copy(out, 0);
    out[carry.length] = 10;
    return out;
  }

  get bytesConsumed(): number {
    return this.consumed;
  }
}

const EMPTY = Buffer.alloc(0);

/** Allocates the buffer plain files are read into (the scan process reads straight into its byte kernel's memory). */
export type BlockAllocator = (size: number) => Buffer;

/** A file's text as UTF-8 bytes from its start: what gzip, UTF-16 and legacy-charset files are read through (io/charset.ts). */
interface DecodedText {
  output: AsyncIterable<Buffer>;
  /** Bytes of the file on disk read so far. */
  counter: { bytes: number };
  close: () => void;
  /** Once ended: the gzip note (damage or ignored trailing bytes) and the note on mixed encodings (charset.ts), when there are. */
  note: () => string | undefined;
}

/**
 * Opens the decoded text of a file that isDecoded (charset.ts) says cannot be read by positional reads. Decompressed
 * text that turns out to be JSON documents of record batches, and a plain file known to be (`coding.records`), are read
 * one record to a line (io/record-batches.ts).
 */
export function decodedText(fd: number, coding: FileCoding): DecodedText {
  let mixed: string | undefined;
  let cut = 0;
  const onNote = (note: string) => void (mixed = note);
  const onCut = (count: number) => void (cut = count);
  let unsourced: UnsourcedRecords | undefined;
  const onUnsourced = (counts: UnsourcedRecords) => void (unsourced = counts);
  let openEnd: OpenEnd | undefined;
  const onOpenEnd = (end: OpenEnd) => void (openEnd = end);
  const notes = (first: string | undefined) => () => [first, mixed, cut > 0 ? recordsCutNote(cut) : undefined, unsourced && unsourcedNote(unsourced), openEnd && openEndNote(openEnd)].filter((n) => n !== undefined).join('; ') || undefined;
  if (coding.compression) {
    const tool = decompressFile(fd, fstatSync(fd).size, coding.compression);
    const text = toUtf8(tool.output, coding.charset ?? 'sniff', onNote, coding.legacyCharset);
    return { ...tool, output: recordsWhenBatched(text, onCut, onUnsourced, onOpenEnd), note: () => notes(tool.note())() };
  }
  if (coding.gzip) {
    const gunzip = gunzipMembers(fd);
    const text = toUtf8(gunzip.output as AsyncIterable<Buffer>, coding.charset ?? 'sniff', onNote, coding.legacyCharset);
    return { ...gunzip, output: recordsWhenBatched(text, onCut, onUnsourced, onOpenEnd), note: () => notes(gunzip.note())() };
  }
  const counter = { bytes: 0 };
  const raw = rawChunks(fd, 0, counter);
  const text = toUtf8(raw, coding.charset ?? 'utf-8', onNote, coding.legacyCharset);
  return { output: coding.records ? recordsWhenBatched(text, onCut, onUnsourced, onOpenEnd) : text, counter, close: () => void raw.return(undefined), note: notes(undefined) };
}

/**
 * The note for OTLP records read without the service their resource names (UnsourcedRecords): a search for one
 * service's records (`"source":"billing"`) does not find them.
 */
function unsourcedNote({ late, longResource }: UnsourcedRecords): string | undefined {
  const why = [
    late > 0 ? `${late} came more than ${MAX_PENDING_BYTES / (1024 * 1024)} MiB before their resource` : undefined,
    longResource > 0 ? `${longResource} under a resource longer than ${MAX_RESOURCE_BYTES / 1024} KiB, which was not read` : undefined,
  ].filter((n) => n !== undefined);
  return why.length === 0 ? undefined : `${late + longResource} OTLP record(s) were read without their service.name as their source (${why.join('; ')})`;
}

/** The note for `count` records longer than MAX_RECORD_BYTES, each read cut there (io/record-batches.ts). */
/** The note of a journal export that ends inside its last entry (OpenEnd): that entry was read as far as it goes. */
function openEndNote({ entry, midField }: OpenEnd): string {
  const how = midField ? 'the file ends inside one of its fields' : 'the file ends before its MESSAGE';
  return `its last journal entry (entry ${entry.toLocaleString('en-US')}) is cut short (${how}: a copy or export that stopped early): it was read as far as it goes, and its fields after the end are missing`;
}

function recordsCutNote(count: number): string {
  return `${count} record(s) longer than ${MAX_RECORD_BYTES / (1024 * 1024)} MiB were read cut to their first ${MAX_RECORD_BYTES / (1024 * 1024)} MiB`;
}

/**
 * Blocks of whole lines from an open file descriptor: plain UTF-8 files read synchronously by position (`start`, `end`
 * in bytes; the scan process reads straight into `allocate`d memory), gzip and UTF-16 files decoded from their start.
 */
export async function* readLineBlocks(fd: number, coding: FileCoding, start = 0, end = Infinity, allocate: BlockAllocator = (size) => Buffer.allocUnsafe(size)): AsyncGenerator<LineBlock> {
  if (!isDecoded(coding)) {
    yield* readPlainBlocks(fd, start, end, allocate);
    return;
  }
  const blocker = new LineBlocker();
  const { output: text, counter, close, note: gzipNote } = decodedText(fd, coding);
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  const take = (): Buffer => {
    const lines = blocker.push(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending.length = 0;
    pendingBytes = 0;
    return lines;
  };
  let given: string | undefined;
  /** The note when it says more than the last block gave (see LineBlock.damage). */
  const news = (): { damage?: string } => {
    const known = gzipNote();
    if (known === undefined || known === given) return {};
    given = known;
    return { damage: known };
  };
  try {
    for await (const piece of text) {
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes < CHUNK_BYTES) continue;
      const lines = take();
      if (lines.length) yield { data: lines, offset: blocker.bytesConsumed, rawOffset: counter.bytes, ...news(), ...cutSoFar(blocker) };
    }
  } catch (error) {
    throw new UnreadableError(`cannot ${coding.gzip || coding.compression ? 'decompress' : 'read'}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    close();
  }
  // The readable part of a damaged member is kept, like zcat prints it; the last block says where the text ends.
  const lines = pendingBytes ? take() : EMPTY;
  const tail = blocker.end();
  const last = tail.length ? (lines.length ? Buffer.concat([lines, tail]) : tail) : lines;
  const note = news();
  if (last.length || note.damage) yield { data: last, offset: blocker.bytesConsumed, rawOffset: counter.bytes, ...note, ...cutSoFar(blocker) };
}

/**
 * A Buffer's decoders by name: what `toString(encoding, start, end)` calls after checking its arguments and looking the
 * encoding up, once per line (Node's own Buffer methods, not in its type declarations). The bounds given are always
 * inside the block, so the checks skipped have nothing to catch; the strings are the same.
 */
interface SliceDecoding extends Buffer {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/**
 * Reads an open log (plain, gzip or UTF-16) forward and gives `onLine` each line in order, decoded from UTF-8 on its own (a
 * string per line, not a slice of a larger one) with a trailing CR cut, until `onLine` returns false or `signal`
 * aborts; yields to the event loop between blocks (CHUNK_BYTES). `onDamage` gets, once when the reading ends (early
 * too), the latest note the blocks gave (LineBlock.damage: a damaged gzip, the charset decompressed text was decoded
 * in). `start` and `end` (bytes, a plain file's line boundaries: readLineBlocks) read a part of the file only. Resolves
 * true when every line was given, false when stopped early.
 */
export async function forEachLine(
  fd: number,
  coding: FileCoding,
  onLine: (line: string) => boolean,
  options: { signal?: AbortSignal; onDamage?: (note: string) => void; start?: number; end?: number } = {},
): Promise<boolean> {
  // The latest note the blocks gave (LineBlock.damage), told once however the reading ends.
  let note: string | undefined;
  try {
    return await forEachBlockLine(readLineBlocks(fd, coding, options.start ?? 0, options.end ?? Infinity), onLine, options.signal, (damage) => void (note = damage));
  } finally {
    if (note !== undefined) options.onDamage?.(note);
  }
}

/** forEachLine's reading, `onDamage` told each block's note. */
async function forEachBlockLine(blocks: AsyncGenerator<LineBlock>, onLine: (line: string) => boolean, signal: AbortSignal | undefined, onDamage: (note: string) => void): Promise<boolean> {
  for await (const block of blocks) {
    if (signal?.aborted) return false;
    if (block.damage !== undefined) onDamage(block.damage);
    const data = block.data as SliceDecoding;
    // A block of ASCII bytes (most logs; checked for the whole block at once) is decoded line by line as Latin-1: for
    // bytes below 0x80 that gives the same string as UTF-8, without the UTF-8 decoder's work per line.
    const ascii = isAscii(data);
    let pos = 0;
    while (pos < data.length) {
      const nl = data.indexOf(10, pos);
      const end = nl === -1 ? data.length : nl;
      const stop = end > pos && data[end - 1] === 13 ? end - 1 : end;
      if (!onLine(ascii ? data.latin1Slice(pos, stop) : data.utf8Slice(pos, stop))) return false;
      pos = end + 1;
    }
    await nextTurn();
  }
  return true;
}

/**
 * Where whole lines end in a buffer that reads fill, and what the next read must keep: the one carry/skip rule both
 * plain-file readers follow. A line longer than MAX_LINE_BYTES is cut there (ended with a newline) and the rest of it,
 * up to its newline, dropped from later reads.
 */
class LineCutter {
  /** Lines cut so far (LineBlocker.cutLines). */
  cutLines = 0;
  private skipping = false;

  /**
   * After `read` bytes landed at buffer[carry, carry + read) behind `carry` bytes of a partial line: `lines` bytes of
   * whole lines at the buffer's start to hand out (0: none yet), and the partial line buffer[restStart, restEnd) the
   * next read must be appended to. May move bytes within the buffer.
   */
  cut(buffer: Buffer, carry: number, read: number): { lines: number; restStart: number; restEnd: number } {
    let filled = carry + read;
    if (this.skipping) {
      // The rest of an over-long line: drop it up to its newline.
      const nl = buffer.indexOf(10, carry);
      if (nl === -1 || nl >= filled) return { lines: 0, restStart: 0, restEnd: 0 };
      buffer.copy(buffer, carry, nl + 1, filled);
      filled = carry + (filled - nl - 1);
      this.skipping = false;
    }
    const last = buffer.lastIndexOf(10, filled - 1);
    if (last >= 0) return { lines: last + 1, restStart: last + 1, restEnd: filled };
    // One partial line fills the buffer: its leading NULs go now (see leadingNuls).
    const nuls = leadingNuls(buffer, 0, filled);
    if (nuls > 0) {
      buffer.copy(buffer, 0, nuls, filled);
      filled -= nuls;
    }
    if (filled <= MAX_LINE_BYTES) return { lines: 0, restStart: 0, restEnd: filled };
    buffer[MAX_LINE_BYTES] = 10;
    this.skipping = true;
    this.cutLines++;
    return { lines: MAX_LINE_BYTES + 1, restStart: 0, restEnd: 0 };
  }

  /** The last line, when the file did not end with a newline (it is in buffer[0, carry), one byte of room behind). */
  lastLine(buffer: Buffer, carry: number): Buffer | undefined {
    if (carry === 0 || this.skipping) return undefined;
    buffer[carry] = 10;
    return buffer.subarray(0, carry + 1);
  }
}

/** LineBlock.cut from a reader's cutter: absent while no line was cut. */
function cutSoFar(cutter: { cutLines: number }): { cut?: number } {
  return cutter.cutLines > 0 ? { cut: cutter.cutLines } : {};
}

/** A larger buffer with the first `keep` bytes of `buffer` (an allocator may hand back the same memory, larger). */
function grown(buffer: Buffer, keep: number, size: number, allocate: BlockAllocator): Buffer {
  if (buffer.length >= size) return buffer;
  const bigger = allocate(size);
  buffer.copy(bigger, 0, 0, keep);
  return bigger;
}

/**
 * Plain files: one reused buffer; the partial last line is moved to its front before the next read. A block is only
 * valid until the consumer asks for the next one (consumers copy what they keep).
 */
function* readPlainBlocks(fd: number, start: number, end: number, allocate: BlockAllocator): Generator<LineBlock> {
  const cutter = new LineCutter();
  let buffer = allocate(CHUNK_BYTES * 2);
  let carry = 0;
  let position = start;
  while (position < end) {
    buffer = grown(buffer, carry, carry + CHUNK_BYTES, allocate);
    const read = readSync(fd, buffer, carry, Math.min(CHUNK_BYTES, end - position), position);
    if (read <= 0) break;
    position += read;
    const { lines, restStart, restEnd } = cutter.cut(buffer, carry, read);
    if (lines > 0) yield { data: buffer.subarray(0, lines), offset: position - start, rawOffset: position, ...cutSoFar(cutter) };
    carry = restEnd - restStart;
    if (carry > 0 && restStart > 0) buffer.copy(buffer, 0, restStart, restEnd);
  }
  buffer = grown(buffer, carry, carry + 1, allocate);
  const last = cutter.lastLine(buffer, carry);
  if (last) yield { data: last, offset: position - start, rawOffset: position, ...cutSoFar(cutter) };
}

/**
 * Plain files with the next read running (in libuv's pool) while the consumer works on the current block: two
 * buffers, the partial last line moved to the front of the other one. The same blocks as readLineBlocks; a block is
 * valid until the consumer asks for the next one.
 */
export async function* readPlainBlocksAhead(fd: number, allocate: (index: 0 | 1, size: number) => Buffer, start = 0): AsyncGenerator<LineBlock> {
  const reader = new ReadAhead(fd, allocate);
  const cutter = new LineCutter();
  let current: 0 | 1 = 0;
  let carry = 0;
  let position = start;
  try {
    for (let read = await reader.start(0, 0, position); read > 0; read = await reader.pending) {
      const buffer = reader.buffers[current];
      position += read;
      const { lines, restStart, restEnd } = cutter.cut(buffer, carry, read);
      carry = restEnd - restStart;
      if (lines === 0) {
        // No whole line yet: read on behind the partial one.
        void reader.start(current, carry, position);
        continue;
      }
      const next: 0 | 1 = current === 0 ? 1 : 0;
      reader.reserve(next, 0, carry + CHUNK_BYTES);
      if (carry > 0) buffer.copy(reader.buffers[next], 0, restStart, restEnd);
      void reader.start(next, carry, position);
      yield { data: buffer.subarray(0, lines), offset: position, rawOffset: position, ...cutSoFar(cutter) };
      current = next;
    }
  } finally {
    // Never leave a read writing into memory the next job may use.
    await reader.pending.catch(() => undefined);
  }
  reader.reserve(current, carry, carry + 1);
  const last = cutter.lastLine(reader.buffers[current], carry);
  if (last) yield { data: last, offset: position, rawOffset: position, ...cutSoFar(cutter) };
}

/** The two buffers of readPlainBlocksAhead and the one read in flight into them. */
class ReadAhead {
  readonly buffers: [Buffer, Buffer];
  /** Bytes the read in flight returns (0 at the end of the file). */
  pending: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly fd: number,
    private readonly allocate: (index: 0 | 1, size: number) => Buffer,
  ) {
    this.buffers = [allocate(0, CHUNK_BYTES * 2), allocate(1, CHUNK_BYTES * 2)];
  }

  /** Makes buffer `index` hold at least `size` bytes, keeping its first `keep`. */
  reserve(index: 0 | 1, keep: number, size: number): void {
    this.buffers[index] = grown(this.buffers[index], keep, size, (bytes) => this.allocate(index, bytes));
  }

  /** Starts reading a chunk at file `position` into buffer `index` behind its first `offset` bytes. */
  start(index: 0 | 1, offset: number, position: number): Promise<number> {
    this.reserve(index, offset, offset + CHUNK_BYTES);
    this.pending = readAsync(this.fd, this.buffers[index], offset, CHUNK_BYTES, position).then((r) => r.bytesRead);
    return this.pending;
  }
}
