// Character classes read by code unit on the parsing hot path, where a regex per field costs more than the field.

/** Whether `c` (a UTF-16 code unit) is white space as a regex's `\s` and trim() define it. */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The position after the white space at `at` in `text` (`at` when there is none). Not header.ts's skipSeparators,
 * which also skips `|`: between a header's fields a `|` separates, inside a message it is text.
 */
export function skipWhiteSpace(text: string, at: number): number {
  while (at < text.length && isWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end of the run of characters other than white space at `at` (the next white space, or the end of `text`). */
export function whiteSpaceTokenEnd(text: string, at: number): number {
  while (at < text.length && !isWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}
