// journalctl --output=export read straight from its bytes: the journal's own serialisation (one `NAME=value` line per
// field, a value that is not printable UTF-8 or holds a newline written as NAME, a newline, its length as a 64-bit
// little-endian integer, its bytes and a newline; a blank line after each entry). journalctl writes it about twice as
// fast as --output=json (which builds a JSON object per entry), and reading it here costs a search for newlines and a
// decode of the few fields kept, where a JSON line cost a JSON.parse of every field and a schema check of the object
// (300,000 entries: JSON.parse and the check were a fifth of a search's time, and most of its garbage).
import { isUtf8 } from 'node:buffer';
import { decodeLegacyLine, wholeCharactersEnd } from '../../../shared/legacy-charset';

/** The fields of one entry that the journal source reads; a field the entry has several times keeps every value. */
export interface ExportEntry {
  /** Field name → its values, in the order written (one value for most fields). */
  fields: Map<string, string[]>;
  /**
   * A kept value was not UTF-8 (journald keeps a program's bytes as they are: a legacy charset's text, EUC-KR from a
   * Korean Windows-era program): 'decoded' in the reader's legacy charset, else 'replaced' (bad bytes read as U+FFFD).
   */
  notUtf8?: 'decoded' | 'replaced';
}

/** Bytes of a field's value kept at most (a value past it is cut and marked): one entry must not fill the memory. */
export const MAX_FIELD_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;
const EQUALS = 0x3d;

/**
 * Turns the chunks of journalctl's export output into entries, keeping only the fields named in `wanted` (others are
 * skipped without being decoded). Values are decoded as UTF-8 (bad bytes replaced, as the JSON output's byte arrays
 * were), field names as ASCII. Feed chunks with `push`; `end` says whether output stopped inside an entry.
 */
export class ExportReader {
  private readonly wanted: Set<string>;
  /** Chunks not yet parsed (the start of a field whose end has not come). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes that must be pending before parsing is tried again (a binary field's known length). */
  private need = 0;
  private entry: ExportEntry = { fields: new Map() };
  private fieldsInEntry = 0;

  /** `legacyDecoder`: iconv-lite's name of the charset values that are not UTF-8 are decoded in (LOG_ENCODING); none: U+FFFD. */
  constructor(
    wanted: readonly string[],
    private readonly legacyDecoder?: string,
  ) {
    this.wanted = new Set(wanted);
  }

  /** The entries completed by `chunk`. */
  push(chunk: Buffer): ExportEntry[] {
    const done: ExportEntry[] = [];
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.need) return done;
    // A line not ended yet waits for a chunk with a newline: only then are the pieces joined (a huge value is joined
    // once, not once per chunk).
    if (this.need === 0 && this.pending.length > 1 && chunk.indexOf(NEWLINE) === -1) return done;
    const buffer = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    const used = this.parse(buffer, done);
    this.pending = used < buffer.length ? [buffer.subarray(used)] : [];
    this.pendingBytes = buffer.length - used;
    return done;
  }

  /** True when the output ended inside an entry (journalctl killed, or output cut). */
  get partial(): boolean {
    return this.pendingBytes > 0 || this.fieldsInEntry > 0;
  }

  /** Parses whole fields of `buffer` into the entry being read; returns the bytes used. */
  private parse(buffer: Buffer, done: ExportEntry[]): number {
    let at = 0;
    this.need = 0;
    for (;;) {
      const end = buffer.indexOf(NEWLINE, at);
      if (end === -1) return at;
      if (end === at) {
        // A blank line ends the entry.
        if (this.fieldsInEntry > 0) done.push(this.entry);
        this.entry = { fields: new Map() };
        this.fieldsInEntry = 0;
        at = end + 1;
        continue;
      }
      const equals = buffer.indexOf(EQUALS, at);
      if (equals !== -1 && equals < end) {
        this.field(buffer.toString('latin1', at, equals), buffer, equals + 1, end);
        at = end + 1;
        continue;
      }
      // A binary field: its name on the line, then 8 bytes of length, the value, and a newline.
      const lengthAt = end + 1;
      if (buffer.length < lengthAt + 8) {
        this.need = lengthAt + 8 - at;
        return at;
      }
      const length = Number(buffer.readBigUInt64LE(lengthAt));
      const valueEnd = lengthAt + 8 + length;
      if (buffer.length < valueEnd + 1) {
        this.need = valueEnd + 1 - at;
        return at;
      }
      this.field(buffer.toString('latin1', at, end), buffer, lengthAt + 8, valueEnd);
      at = valueEnd + 1;
    }
  }

  private field(name: string, buffer: Buffer, start: number, end: number): void {
    this.fieldsInEntry++;
    if (!this.wanted.has(name)) return;
    const cut = end - start > MAX_FIELD_BYTES;
    const bytes = buffer.subarray(start, cut ? start + MAX_FIELD_BYTES : end);
    let text: string;
    // A value cut at MAX_FIELD_BYTES may end inside a character: that alone does not make it legacy text.
    if (isUtf8(cut ? bytes.subarray(0, wholeCharactersEnd(bytes)) : bytes)) text = bytes.toString('utf8');
    else {
      this.entry.notUtf8 = this.legacyDecoder ? 'decoded' : 'replaced';
      text = this.legacyDecoder ? decodeLegacyLine(bytes, this.legacyDecoder) : bytes.toString('utf8');
    }
    const value = text + (cut ? ` … [${end - start - MAX_FIELD_BYTES} bytes cut]` : '');
    const values = this.entry.fields.get(name);
    if (values) values.push(value);
    else this.entry.fields.set(name, [value]);
  }
}
