// The legacy charset of text that exists only as it is decompressed: a rotated log compressed with gzip, bzip2, xz,
// zstd or lz4 (logrotate's `compress`) of a program writing EUC-KR, Shift_JIS, GBK or Latin-1. A plain file's charset is
// sampled from its bytes when it is opened (io/charset.ts codingOfFile); a compressed file's text cannot be sampled
// without decompressing it, so it was read as UTF-8 with no word: `오류` matched nothing, "0 matches, complete" (break31).
//
// Here the text is judged as it comes: UTF-8 lines (the whole text of most logs) are handed on as they are, and from the
// first line that is not UTF-8 on, DETECT_BYTES are held back and given to the detector (servers/shared/legacy-charset.ts). Sure of
// a charset, the held text and the rest are decoded line by line in it (LegacyLines, which keeps UTF-8 lines as they
// are); not sure, the text goes on as it is. Either way note() says so, as the tools say it of a plain file.
import { isUtf8 } from 'node:buffer';
import { decodedSaying, detectLegacyCharset, DETECT_BYTES, hasBinaryControl, LegacyLines, undecodedSaying, withoutLeadingNuls } from '../../shared/legacy-charset';

/** A partial line longer than this is handed on unjudged (a line of megabytes is no text to detect a charset by). */
const MAX_CARRY_BYTES = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Decompressed text as UTF-8, its lines that are not UTF-8 decoded in the charset the detector is sure of (judged on
 * the first DETECT_BYTES from the first such line). Fed raw pieces in order (push, then end); bounded memory: a
 * partial line up to MAX_CARRY_BYTES and DETECT_BYTES held for the detector.
 */
export class DetectedLegacyLines {
  /** 'utf8': every line so far was UTF-8; 'holding': text held for the detector; then 'decoding' or 'raw' to the end. */
  private state: 'utf8' | 'holding' | 'decoding' | 'raw' = 'utf8';
  /** The partial last line while every line is UTF-8. */
  private carry: Buffer = EMPTY;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private decoder: LegacyLines | undefined;
  private saying: string | undefined;

  /** The UTF-8 bytes of the text `piece` lets go of (whole lines, or bytes no longer judged). */
  push(piece: Buffer): Buffer[] {
    switch (this.state) {
      case 'decoding':
        return this.decoder!.push(piece);
      case 'raw':
        return [piece];
      case 'holding':
        return this.hold(piece);
      default:
        return this.judge(piece);
    }
  }

  /** The rest, once the text has ended. */
  end(): Buffer[] {
    const out: Buffer[] = [];
    if (this.state === 'utf8' && this.carry.length) {
      const last = this.carry;
      this.carry = EMPTY;
      if (isUtf8(last)) out.push(last);
      else this.startHolding(last);
    }
    if (this.state === 'holding') out.push(...this.decide());
    if (this.state === 'decoding') out.push(...this.decoder!.end());
    return out;
  }

  /** What to say of the text, without the file's name: the charset it was decoded in, or that it is not UTF-8; else undefined. */
  note(): string | undefined {
    return this.saying;
  }

  /** While every line is UTF-8: the whole lines that are handed on; from the first that is not, holding. */
  private judge(piece: Buffer): Buffer[] {
    const data = this.carry.length ? Buffer.concat([this.carry, piece]) : piece;
    this.carry = EMPTY;
    const last = data.lastIndexOf(10);
    const whole = data.subarray(0, last + 1);
    // A line's leading NULs (copytruncate's hole) are no part of it: held as the line, a long hole was handed on
    // unjudged with the entry behind it (LegacyLines likewise).
    const rest = withoutLeadingNuls(data.subarray(last + 1));
    if (isUtf8(whole)) {
      if (rest.length > MAX_CARRY_BYTES) return whole.length ? [whole, rest] : [rest];
      this.carry = rest.length ? Buffer.from(rest) : EMPTY;
      return whole.length ? [whole] : [];
    }
    // The UTF-8 lines before the first one that is not go on; from that one on the text is held.
    let from = 0;
    for (;;) {
      const nl = whole.indexOf(10, from);
      if (!isUtf8(whole.subarray(from, nl + 1))) break;
      from = nl + 1;
    }
    const out = from > 0 ? [data.subarray(0, from)] : [];
    this.startHolding(Buffer.from(data.subarray(from)));
    if (this.heldBytes >= DETECT_BYTES) out.push(...this.decide());
    return out;
  }

  private startHolding(bytes: Buffer): void {
    this.state = 'holding';
    this.held = [bytes];
    this.heldBytes = bytes.length;
  }

  private hold(piece: Buffer): Buffer[] {
    this.held.push(piece);
    this.heldBytes += piece.length;
    return this.heldBytes >= DETECT_BYTES ? this.decide() : [];
  }

  /** Asks the detector about the held text; gives it out decoded (sure) or as it is (unsure, or binary bytes). */
  private decide(): Buffer[] {
    const held = Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    const sample = held.subarray(0, DETECT_BYTES);
    // Binary data (a core dump compressed under a log's name) is no charset's text: it goes on unjudged, as a plain file's.
    if (hasBinaryControl(sample)) {
      this.state = 'raw';
      return [held];
    }
    const { charset, unsure } = detectLegacyCharset(sample);
    if (charset === undefined) {
      this.state = 'raw';
      this.saying = undecodedSaying(unsure);
      return [held];
    }
    this.state = 'decoding';
    this.decoder = new LegacyLines(charset.decoder);
    this.saying = decodedSaying(charset);
    return this.decoder.push(held);
  }
}
