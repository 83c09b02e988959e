// A column some loggers write after the message: the time since their previous line, `+2ms` (Node's `debug` module,
// NestJS's ConsoleLogger: `Mapped {/asset, GET} route +1ms`). The statement never printed it: the logger measured it
// and appended it, so it differs from line to line of one statement and is absent where a build turns it off (a
// file may hold both). Learned from the file's sample, so that a file whose lines show no such trailer pays nothing,
// and a statement of another file that ends with a signed duration of its own (`offset +5ms`) keeps it.
import type { ParsedLine } from './types';

/** Sample lines that must end with the trailer, at least, and their least share of the sample's non-blank lines. */
const MIN_LINES = 3;
const MIN_SHARE = 0.25;

/**
 * Where the elapsed-time trailer that ends `text` starts (the space before `+<digits><unit>`, the unit `ms`, `s`, `m`,
 * `h` or `d` as `debug` humanizes it), or -1 when `text` does not end with one. Read backwards from the end: most
 * lines fail at their last character.
 */
export function elapsedTrailerStart(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  let at = end - 1;
  const last = text.charCodeAt(at);
  if (last === 115 /* s */) {
    if (text.charCodeAt(at - 1) === 109 /* m */) at--;
  } else if (last !== 109 /* m */ && last !== 104 /* h */ && last !== 100 /* d */) return -1;
  const unitStart = at;
  while (at > 0 && text.charCodeAt(at - 1) >= 48 && text.charCodeAt(at - 1) <= 57) at--;
  if (at === unitStart || text.charCodeAt(at - 1) !== 43 /* + */ || text.charCodeAt(at - 2) !== 32) return -1;
  return at - 2;
}

/** Whether the sample's lines show the trailer: MIN_LINES of them and MIN_SHARE of the non-blank ones end with it. */
export function showsElapsedTrailer(sample: readonly string[]): boolean {
  let lines = 0;
  let trailed = 0;
  for (const line of sample) {
    if (line.trim().length === 0) continue;
    lines++;
    if (elapsedTrailerStart(line) > 0) trailed++;
  }
  return trailed >= MIN_LINES && trailed >= lines * MIN_SHARE;
}

/** `parsed` without the trailer ending its message (and the spaces before it), when it has one and text before it. */
export function cutElapsedTrailer(parsed: ParsedLine): ParsedLine {
  const start = elapsedTrailerStart(parsed.message);
  if (start <= 0) return parsed;
  let end = start;
  while (end > 0 && parsed.message.charCodeAt(end - 1) === 32) end--;
  if (end > 0) parsed.message = parsed.message.slice(0, end);
  return parsed;
}

/**
 * `parse` followed by cutElapsedTrailer when `sample` (the file's raw sample lines: the trailer ends the line as it
 * ends the message) shows the trailer; `parse` itself otherwise, so that most files pay nothing per line.
 */
export function withElapsedTrailer(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  return showsElapsedTrailer(sample) ? (line) => cutElapsedTrailer(parse(line)) : parse;
}
