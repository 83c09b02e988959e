// File contents git prints as they are stored: a source file written in a legacy charset (EUC-KR/CP949 from Korean
// Windows editors and Visual Studio, Shift_JIS, GBK, Latin-1) comes out of git blame and git show in those bytes, and
// read as UTF-8 every letter outside ASCII was U+FFFD: a Korean comment read "// �ѱ� �ּ�" with nothing saying why
// (break33). Such text is decoded here line by line, by the logs server's detector (chardet, with its thresholds), so
// the two servers agree on when a charset is sure; a line that is valid UTF-8 (git's own headers, UTF-8 files in the
// same patch) stays as it is. When the detector is not sure, the text stays as it was and the note says so.
import { isUtf8 } from 'node:buffer';
import { decodeLegacyLine, describeCharset, detectLegacyCharset } from '../../shared/legacy-charset';

/** Text of git's output with the lines that are not UTF-8 decoded, and what to say about them. */
export interface FileText {
  text: string;
  /** Set when some lines were not UTF-8: `EUC-KR/CP949 (detected, 100% sure)`, or undefined when left undecoded. */
  decodedAs?: string;
  /** True when some lines were not UTF-8 and no charset was sure enough to decode them (they hold U+FFFD). */
  undecoded?: boolean;
}

/**
 * `bytes` (git output holding file contents, lines ended by LF) as text: UTF-8 when all of it is, else each line that is
 * not UTF-8 decoded in the charset detected from those lines. Line ends and the byte count of UTF-8 lines are kept, so
 * offsets into the bytes still fall on the same UTF-8 lines.
 */
export function decodeFileText(bytes: Buffer): FileText {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const { charset } = detectLegacyCharset(bytes);
  if (!charset) return { text: bytes.toString('utf8'), undecoded: true };
  const lines: string[] = [];
  for (let from = 0; from <= bytes.length; ) {
    const nl = bytes.indexOf(10, from);
    const end = nl === -1 ? bytes.length : nl;
    lines.push(decodeLegacyLine(bytes.subarray(from, end), charset.decoder));
    if (nl === -1) break;
    from = nl + 1;
  }
  return { text: lines.join('\n'), decodedAs: describeCharset(charset) };
}

/** The note on file contents that were not UTF-8 (`what`: "its patch", "these lines"), or undefined when all were. */
export function fileTextNote(what: string, decoded: FileText): string | undefined {
  if (decoded.decodedAs) return `Some of ${what} are not UTF-8: the file is stored in a legacy charset, and they were decoded as ${decoded.decodedAs}.`;
  if (decoded.undecoded) {
    return `Some of ${what} are not UTF-8 (a file stored in a legacy charset such as EUC-KR/CP949, Shift_JIS, GBK or Latin-1, too little of it to tell which): their letters outside ASCII read as \uFFFD.`;
  }
  return undefined;
}
