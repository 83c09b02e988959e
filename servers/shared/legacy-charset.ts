// Log text in a legacy 8-bit or multi-byte charset: EUC-KR/CP949 from Korean Windows programs and JVMs with
// file.encoding=MS949, Shift_JIS, GBK/GB18030, Big5, Windows-1252/Latin-1. Read as UTF-8 its letters are U+FFFD, so a
// search for `오류` matched nothing and error messages showed mojibake (break28/29 only said so). Such text is decoded
// here, in a charset the user named (LOG_ENCODING, which the extension sets from VS Code's `files.encoding`) or one a
// detector (chardet) is sure of; when neither holds, the tools keep saying the text is not UTF-8.
//
// Decoding is line by line: a line that is valid UTF-8 stays as it is, only the others are decoded. A log a program
// wrote in CP949 for years and in UTF-8 since its upgrade (or one file two writers share) then reads right in both
// parts, and a charset set for every file cannot spoil a UTF-8 one. Only ASCII-compatible charsets are taken (LF, CR and
// ASCII letters are the same bytes, and no multi-byte character holds an LF byte), so lines split on bytes are the
// file's lines and line numbers stay those of the file.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isAscii, isUtf8 } from 'node:buffer';
import { legacyCharsetName } from './charset-name';

// The name check lives in its own module (iconv-lite only, no detector) so the extension checks files.encoding with it.
export { legacyCharsetName };

/** How the charset a file's non-UTF-8 lines are decoded in was chosen. */
export interface LegacyCharset {
  /** iconv-lite's name of the charset the lines are decoded in, e.g. 'cp949'. */
  decoder: string;
  /** The name shown to a person, e.g. 'EUC-KR/CP949'. */
  label: string;
  /** 'configured': LOG_ENCODING (files.encoding); 'asked': the call's `encoding`; 'detected': the detector, `confidence` sure. */
  how: 'configured' | 'asked' | 'detected';
  /** 0–100, the detector's score (detected only). */
  confidence?: number;
}

/** What the detector said when it was not sure enough to decode: its best guess and its score (0–100). */
export interface UnsureGuess {
  label: string;
  confidence: number;
}

/** Decoders used for what the detector names, where a superset is what programs write (CP949 for EUC-KR: Windows' UHC). */
const DETECTED_DECODERS: Record<string, { decoder: string; label: string }> = {
  'EUC-KR': { decoder: 'cp949', label: 'EUC-KR/CP949' },
  'ISO-8859-1': { decoder: 'windows-1252', label: 'Windows-1252/Latin-1' },
  Shift_JIS: { decoder: 'cp932', label: 'Shift_JIS/CP932' },
  GB18030: { decoder: 'gb18030', label: 'GB18030/GBK' },
};

/**
 * Least detector score (0–100) a multi-byte charset (CJK) is decoded in without the user naming it: a few lines of
 * CJK text score 100 in the right one. A single-byte charset's score is lower when right (Latin-1 French text: about
 * 60–80) and it is the detector's fallback for too little CJK text, so it must score more, from more bytes.
 */
const MIN_CONFIDENCE = { multiByte: 50, singleByte: 60 };
/** The multi-byte charsets chardet names; the others it names are single-byte. */
const MULTI_BYTE = new Set(['EUC-KR', 'EUC-JP', 'Shift_JIS', 'GB18030', 'Big5']);
/** Least lead of the best guess over the next different one: two charsets scored alike are a coin toss. */
const MIN_LEAD = 10;
/** Fewest bytes outside ASCII a sample must hold to be judged: one short word (`오류` is 4 bytes) says nothing. */
const MIN_HIGH_BYTES = 16;
/** Sample bytes given to the detector at most. */
export const DETECT_BYTES = 16 * 1024;

/** The LegacyCharset of a charset the user named (legacyCharsetName's output): in the settings, or `asked` in a call. */
export function configuredCharset(decoder: string, asked = false): LegacyCharset {
  return { decoder, label: decoder.toUpperCase(), how: asked ? 'asked' : 'configured' };
}

/**
 * The legacy charset of `sample` (bytes of a file that are not UTF-8: its non-ASCII lines and what surrounds them, at
 * most DETECT_BYTES looked at) by chardet's statistics: `charset` when the sample holds MIN_HIGH_BYTES outside ASCII
 * and the best ASCII-compatible guess scores MIN_CONFIDENCE and leads the next by MIN_LEAD, else `unsure` with that
 * guess (or neither when there is none). A word or two of CJK text is too little to be sure of: chardet then calls
 * it Latin-1 with a score of 50 or 60.
 */
export function detectLegacyCharset(sample: Buffer): { charset?: LegacyCharset; unsure?: UnsureGuess } {
  const legacy = linesNotUtf8(sample.subarray(0, DETECT_BYTES));
  const matches = chardet
    .analyse(legacy)
    .filter((m) => !/^(UTF|ISO-2022)/i.test(m.name) && iconv.encodingExists(m.name))
    .sort((a, b) => b.confidence - a.confidence);
  const best = matches[0];
  if (!best) return {};
  const known = DETECTED_DECODERS[best.name] ?? { decoder: best.name.toLowerCase(), label: best.name };
  const next = matches.find((m) => (DETECTED_DECODERS[m.name]?.decoder ?? m.name.toLowerCase()) !== known.decoder);
  let high = 0;
  for (const byte of legacy) if (byte >= 0x80) high++;
  const least = MULTI_BYTE.has(best.name) ? MIN_CONFIDENCE.multiByte : MIN_CONFIDENCE.singleByte;
  if (high >= MIN_HIGH_BYTES && best.confidence >= least && (!next || best.confidence - next.confidence >= MIN_LEAD)) {
    return { charset: { ...known, how: 'detected', confidence: best.confidence } };
  }
  return { unsure: { label: known.label, confidence: best.confidence } };
}

/**
 * The lines of `sample` that are not valid UTF-8, joined: what is to be decoded, and all the detector should weigh. A
 * file whose program moved to UTF-8 holds UTF-8 lines among its legacy ones, and their bytes led chardet astray
 * (Korean in both: Big5 at 48 rather than EUC-KR at 100).
 */
function linesNotUtf8(sample: Buffer): Buffer {
  const kept: Buffer[] = [];
  for (let from = 0; from < sample.length; ) {
    const nl = sample.indexOf(10, from);
    const end = nl === -1 ? sample.length : nl + 1;
    const line = sample.subarray(from, end);
    if (!isUtf8(line)) kept.push(line);
    from = end;
  }
  return Buffer.concat(kept);
}

/** How the tools name the charset a file was decoded in: `EUC-KR/CP949 (detected, 100% sure)`. */
export function describeCharset(charset: LegacyCharset): string {
  if (charset.how === 'configured') return `${charset.label} (set by LOG_ENCODING, the editor's files.encoding)`;
  return charset.how === 'asked' ? `${charset.label} (the call's encoding)` : `${charset.label} (detected, ${charset.confidence}% sure)`;
}

/** The note a tool adds about file `name` whose lines that are not UTF-8 were decoded in `charset`. */
export function decodedNote(name: string, charset: LegacyCharset): string {
  return `${name}: ${decodedSaying(charset)}`;
}

/** decodedNote without the file's name: what a reader of decompressed text notes (io/legacy-stream.ts). */
export function decodedSaying(charset: LegacyCharset): string {
  const fix = charset.how === 'detected' ? `; if its letters read wrong, set its charset (LOG_ENCODING, or the editor's files.encoding)` : '';
  return `its text is not UTF-8: its lines that are not were decoded as ${describeCharset(charset)}${fix}`;
}

/**
 * decodedSaying of decompressed text decoded in `decoder`, a charset set for it (LOG_ENCODING, or a call's encoding:
 * the readers are told its name, not which), without the file's name.
 */
export function setCharsetSaying(decoder: string): string {
  return `its text is not UTF-8: its lines that are not were decoded as ${decoder.toUpperCase()} (the charset set for it: the call's encoding, or LOG_ENCODING)`;
}

/** How undecodedSaying begins: a client of the readers' notes tells the text was left undecoded by it. */
export const UNDECODED_OPENING = 'its text is not UTF-8 (a legacy charset';

/**
 * What is said of text that is not UTF-8 and was not decoded (no charset was set and the detector was not sure
 * enough; `unsure`: its best guess, said as such), without the file's name (io/charset.ts legacyTextNote adds it).
 */
export function undecodedSaying(unsure?: UnsureGuess): string {
  const guess = unsure ? ` (it may be ${unsure.label}: the charset detector is only ${unsure.confidence}% sure, too little to decode by)` : '';
  return (
    `${UNDECODED_OPENING} such as EUC-KR/CP949, Shift_JIS, GBK or Latin-1)${guess}: letters outside ASCII ` +
    'read as \uFFFD and a search for them matches nothing there; set its charset (LOG_ENCODING, or the editor\'s files.encoding, e.g. euckr) ' +
    'or convert the file to UTF-8 (iconv -f <charset> -t UTF-8) to read them'
  );
}

/** Whether `bytes` hold a C0 control that text does not (NUL runs aside: a file padded after a crash is still text). */
export function hasBinaryControl(bytes: Buffer): boolean {
  for (const b of bytes) if (b < 0x20 && b !== 0 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 0x1b) return true;
  return false;
}

/** The text of one line (without its LF) as a string: as UTF-8 when it is valid UTF-8, else decoded in `decoder`. */
export function decodeLegacyLine(line: Buffer, decoder: string): string {
  return isUtf8(line) ? line.toString('utf8') : iconv.decode(line, decoder);
}

/** The end of `bytes` before a UTF-8 character its end may cut in two (the last lead byte in its last 4 bytes). */
export function wholeCharactersEnd(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    if (bytes[i] < 0x80) return i + 1;
    if (bytes[i] >= 0xc0) return i;
  }
  return bytes.length;
}

/** `bytes` without the NULs it starts with (a view of it). */
export function withoutLeadingNuls(bytes: Buffer): Buffer {
  let at = 0;
  while (at < bytes.length && bytes[at] === 0) at++;
  return at === 0 ? bytes : bytes.subarray(at);
}

/** Bytes of one line held back waiting for its end; a longer line is decoded as it comes (the rest of it likewise). */
const MAX_HELD_BYTES = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * A file's bytes as UTF-8, line by line (decodeLegacyLine), fed raw pieces in order: a multi-byte character cut by a
 * piece's end waits with its line for the next piece. A line longer than MAX_HELD_BYTES is judged by its first
 * MAX_HELD_BYTES and streamed through a stateful decoder, so memory stays bounded.
 */
export class LegacyLines {
  private held: Buffer = EMPTY;
  /** Whether any line so far was not UTF-8, and so was decoded. */
  private decoding = false;
  /** Inside an over-long line: the decoder its rest goes through (undefined: UTF-8, handed on as it is). */
  private longLine: { decoder?: ReturnType<typeof iconv.getDecoder> } | undefined;

  constructor(private readonly decoder: string) {}

  /** The UTF-8 bytes of the whole lines `piece` completes. */
  push(piece: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let data = piece;
    if (this.longLine) {
      const nl = data.indexOf(10);
      const part = nl === -1 ? data : data.subarray(0, nl + 1);
      out.push(this.longLine.decoder ? Buffer.from(this.longLine.decoder.write(part), 'utf8') : part);
      if (nl === -1) return out;
      const rest = this.longLine.decoder?.end();
      if (rest) out.push(Buffer.from(rest, 'utf8'));
      this.longLine = undefined;
      data = data.subarray(nl + 1);
    }
    if (this.held.length) data = Buffer.concat([this.held, data]);
    const last = data.lastIndexOf(10);
    if (last !== -1) out.push(this.lines(data.subarray(0, last + 1)));
    // A line's leading NULs are no part of it (io/chunks.ts leadingNuls: copytruncate's hole before the writer's next
    // entry). Held, a hole longer than MAX_HELD_BYTES was judged as the line: NULs are UTF-8, and the EUC-KR entry
    // behind them went on undecoded (break31).
    const rest = withoutLeadingNuls(data.subarray(last + 1));
    if (rest.length > MAX_HELD_BYTES) {
      const utf8 = isUtf8(rest.subarray(0, wholeCharactersEnd(rest)));
      if (utf8) {
        this.longLine = {};
        out.push(rest);
      } else {
        const decoder = iconv.getDecoder(this.decoder);
        this.longLine = { decoder };
        this.decoding = true;
        out.push(Buffer.from(decoder.write(rest), 'utf8'));
      }
      this.held = EMPTY;
    } else {
      this.held = rest.length ? Buffer.from(rest) : EMPTY;
    }
    return out;
  }

  /** Whether any line given so far was not UTF-8, and so was decoded in the charset. */
  get decodedAny(): boolean {
    return this.decoding;
  }

  /** The last line when the text did not end with an LF (and what an over-long line's decoder still holds). */
  end(): Buffer[] {
    const out: Buffer[] = [];
    const rest = this.longLine?.decoder?.end();
    if (rest) out.push(Buffer.from(rest, 'utf8'));
    this.longLine = undefined;
    if (this.held.length) out.push(this.lines(this.held));
    this.held = EMPTY;
    return out;
  }

  /**
   * Whole lines (the last may lack its LF) as UTF-8: as they are when all are valid UTF-8 (one check); else the lines
   * that are UTF-8 beyond ASCII as they are, and each run of the others (ASCII reads the same in every charset taken)
   * decoded in one call, for speed. A run whose decoding does not keep its LFs (no charset taken drops one, but a
   * broken byte must not merge two lines) is decoded line by line.
   */
  private lines(data: Buffer): Buffer {
    if (isUtf8(data)) return data;
    this.decoding = true;
    const parts: Buffer[] = [];
    let run = -1;
    const endRun = (to: number) => {
      if (run !== -1) parts.push(this.decodeRun(data.subarray(run, to)));
      run = -1;
    };
    let from = 0;
    while (from < data.length) {
      const nl = data.indexOf(10, from);
      const end = nl === -1 ? data.length : nl + 1;
      const line = data.subarray(from, end);
      if (!isAscii(line) && isUtf8(line)) {
        endRun(from);
        parts.push(line);
      } else if (run === -1) {
        run = from;
      }
      from = end;
    }
    endRun(data.length);
    return Buffer.concat(parts);
  }

  /** Lines in the legacy charset (and ASCII ones) as UTF-8, their LFs kept. */
  private decodeRun(run: Buffer): Buffer {
    const text = iconv.decode(run, this.decoder);
    let lfs = 0;
    for (let at = run.indexOf(10); at !== -1; at = run.indexOf(10, at + 1)) lfs++;
    let kept = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) kept++;
    if (kept === lfs) return Buffer.from(text, 'utf8');
    const parts: Buffer[] = [];
    for (let from = 0; from < run.length; ) {
      const nl = run.indexOf(10, from);
      const end = nl === -1 ? run.length : nl + 1;
      parts.push(Buffer.from(iconv.decode(run.subarray(from, end), this.decoder), 'utf8'));
      from = end;
    }
    return Buffer.concat(parts);
  }
}
