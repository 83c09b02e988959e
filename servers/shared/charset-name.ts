// Which charset names the logs server decodes legacy text in: any iconv-lite knows whose ASCII bytes are ASCII. One
// module, iconv-lite only (no detector), shared by the server (LOG_ENCODING, a call's `encoding`) and the extension,
// which checks VS Code's `files.encoding` with it before passing it on: both accept the same names.
import iconv from 'iconv-lite';

/** Bytes that must read the same in a charset as in ASCII for its lines to be split on bytes (LF, CR, digits, letters). */
const ASCII_PROBE = '\n\r\t 09:;-_./[]()AZaz';

/**
 * The iconv-lite name of the legacy charset `name` (any spelling iconv-lite knows: `euc-kr`, `euckr`, `cp949`,
 * `shiftjis`, `windows1252`, as VS Code's `files.encoding` spells them), or undefined for UTF-8 (`utf8`, `utf8bom`:
 * nothing to decode). Throws an Error naming the problem for a charset iconv-lite does not know, and for one whose
 * lines cannot be split on bytes (UTF-16/32, UTF-7, ISO-2022, EBCDIC: LF is not the byte 0A there).
 */
export function legacyCharsetName(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (/^utf-?8(bom)?$/.test(wanted.replace(/[^a-z0-9-]/g, ''))) return undefined;
  if (!iconv.encodingExists(wanted)) throw new Error(`unknown charset "${name}" (expected a name such as euc-kr, cp949, shift_jis, gbk, gb18030, big5 or windows-1252)`);
  const probe = iconv.encode(ASCII_PROBE, wanted);
  if (!probe.equals(Buffer.from(ASCII_PROBE, 'latin1')) || /^utf/.test(wanted)) {
    throw new Error(`charset "${name}" is not ASCII-compatible (its lines cannot be told apart by their LF bytes); UTF-16 logs are recognised without a setting`);
  }
  return wanted;
}
