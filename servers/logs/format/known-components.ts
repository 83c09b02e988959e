// A component column that some lines of a layout go without reading: the learned header reads a line field by field
// and stops at the first field the line lacks, so a line without the level (a second build's output, a docker log
// that drops it: `2019-02-20 10:29:23.048 mpegts: 10747H in Thor - …` beside `2023-12-19 12:48:03.721 [   INFO]
// mpegts: 570MHz in …`) keeps its `name:` in the message, and one statement meets itself under two texts.
//
// The evidence is the name itself, seen in the file: a name the header read as the component of the sample's own
// lines is the same program part when it opens another entry's message followed by `: `. A word that opens messages
// but is never a component on a line read whole is left in the message (a nameless logger's `connection lost:` stays
// text, break16): when unsure, keep the message whole. Only entry lines (a time or a level read) are cut; a line of
// the entry above (a stack frame, PostgreSQL's `DETAIL:`) keeps its text.
import { componentEnd } from './header';
import type { ParsedLine } from './types';

/** Sample lines a name must be the component of before it is cut from a line without one: one may be chance. */
const MIN_LINES = 2;

/** The names the sample's parsed lines show as their component, each on MIN_LINES lines at least. */
export function learnKnownComponents(parsed: readonly ParsedLine[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const line of parsed) if (line.component !== undefined) counts.set(line.component, (counts.get(line.component) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count >= MIN_LINES).map(([name]) => name));
}

/**
 * `parsed` with a known component's `name: ` cut from the start of its message and made its component, when the line
 * is an entry (a time or a level read) without a component of its own; `parsed` unchanged otherwise.
 */
export function cutKnownComponent(names: ReadonlySet<string>, parsed: ParsedLine): ParsedLine {
  if (parsed.component !== undefined || (parsed.timestamp === undefined && parsed.level === undefined)) return parsed;
  const message = parsed.message;
  const end = componentEnd(message, 0);
  // A name, its colon and a space, then the statement: the colon must not end the message.
  if (end < 2 || end >= message.length - 1 || message.charCodeAt(end) !== 32) return parsed;
  const name = message.slice(0, end - 1);
  if (!names.has(name)) return parsed;
  parsed.component = name;
  let start = end;
  while (message.charCodeAt(start) === 32) start++;
  parsed.message = message.slice(start);
  return parsed;
}

/**
 * `parse` followed by cutKnownComponent with the names learned from `sample` (the file's sample lines, read by
 * `parse`); `parse` itself when the sample shows no component, so that most files pay nothing per line.
 */
export function withKnownComponents(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const names = learnKnownComponents(sample.map((line) => parse(line)));
  return names.size > 0 ? (line) => cutKnownComponent(names, parse(line)) : parse;
}
