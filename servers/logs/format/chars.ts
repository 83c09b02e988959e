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

/**
 * The starts and ends (UTF-16 offsets) of the first `count` white-space tokens of `message`, fewer when it has fewer:
 * the token positions the column learners (source-columns.ts, aligned-prefixes.ts) count in.
 */
export function leadingTokens(message: string, count: number): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = skipWhiteSpace(message, 0);
  while (starts.length < count && at < message.length) {
    const end = whiteSpaceTokenEnd(message, at);
    starts.push(at);
    ends.push(end);
    at = skipWhiteSpace(message, end);
  }
  return { starts, ends };
}

/**
 * Where the first standalone arrow in text[from, to) is: a word made only of `<`, `>`, `-`, `=` holding `<` or `>`
 * (`<`, `->`, `<--`, `=>`) with white space or the range's ends on both sides; undefined when there is none. Read by
 * the header (a bracket holding one is the message's) and by the miner (two directions are two statements), so both
 * agree on what an arrow is. `<` and `>` are found by indexOf: most lines hold neither.
 */
export function nextArrow(text: string, from: number, to: number): { start: number; end: number } | undefined {
  let lt = text.indexOf('<', from);
  let gt = text.indexOf('>', from);
  for (;;) {
    if (lt >= to) lt = -1;
    if (gt >= to) gt = -1;
    if (lt < 0 && gt < 0) return undefined;
    const i = lt < 0 ? gt : gt < 0 ? lt : Math.min(lt, gt);
    let start = i;
    while (start > from && isArrowMark(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < to && isArrowMark(text.charCodeAt(end))) end++;
    if ((start === from || isSpaceOrTab(text.charCodeAt(start - 1))) && (end === to || isSpaceOrTab(text.charCodeAt(end)))) return { start, end };
    // Read on past this run of marks (it holds the mark at i).
    if (lt >= 0 && lt < end) lt = text.indexOf('<', end);
    if (gt >= 0 && gt < end) gt = text.indexOf('>', end);
  }
}

function isArrowMark(c: number): boolean {
  return c === 60 /* < */ || c === 62 /* > */ || c === 45 /* - */ || c === 61 /* = */;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}
