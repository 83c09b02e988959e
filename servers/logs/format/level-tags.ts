// A level letter and a tag joined by a slash, learned per file: Android's logcat brief layout and the loggers modelled
// on it write the line's level as one letter, then its tag, then a colon (`I/ActivityManager: …`,
// `W/dalvikvm( 1234): …`, `I/Bot.6929: …`), some with a number glued after the colon (a core's: `D/TC:0 …`). Behind
// a timestamp the known header reads, or opening the line, the column is left at the message's start: the tag's value
// then splits one statement into as many templates as tags write it, and the lines of one statement without the
// column (a second layout in the same file) never meet those with it.
//
// The shape alone is no proof (`I/O: error` is prose), so it is read from the file's statistics: several messages open
// with the column, before more than one statement, and the column varies as a column does (two level letters, or two
// tags). A line of the file that opens so is cut then, its level read from the letter and its tag kept as its component.
import { skipWhiteSpace } from './chars';
import { statementAfter } from './level-marks';
import { normalizeLevel } from './levels';
import type { ParsedLine } from './types';

/**
 * The column as one token: a level's letter, `/`, a tag (no white space, `/`, `:` or parentheses, at most 64), maybe
 * a pid in parentheses (`( 1234)`, padded inside), `:`, maybe a number glued after it (a core's or CPU's).
 */
const LEVEL_TAG = /^([VDIWEFA])\/([^\s/:()]{1,64})(?:\( *\d{1,7}\))?:\d{0,4}(?=\s|$)/;
/** The column as a header's component field reads it, its colon taken as the field's: `I/ActivityManager`. */
const COMPONENT_TAG = /^([VDIWEFA])\/([^\s/:()]{1,64})$/;
/** Sample messages opening with the column before anything is learned: one or two may be prose (`I/O: …`). */
const MIN_LINES = 3;
/** Distinct statements after the column (its first two words, digits masked): one repeated line is no layout. */
const MIN_STATEMENTS = 2;

/** The column `message` opens with: where it ends, its level letter and its tag; undefined when it opens otherwise. */
function levelTagOf(message: string): { end: number; letter: string; tag: string } | undefined {
  const m = LEVEL_TAG.exec(message);
  return m === null ? undefined : { end: m[0].length, letter: m[1], tag: m[2] };
}

/**
 * Whether the file's sample lines (as the known header reads them) write a level-and-tag column: MIN_LINES or more
 * open their message with one and text after it, or hold one as their component (a header that reads `name:` after
 * its time takes the column whole), before MIN_STATEMENTS distinct statements, under two level letters or two tags.
 */
export function learnLevelTags(sample: readonly Pick<ParsedLine, 'message' | 'component'>[]): boolean {
  let lines = 0;
  const statements = new Set<string>();
  const letters = new Set<string>();
  const tags = new Set<string>();
  for (const { message, component } of sample) {
    const held = component === undefined ? undefined : componentTagOf(component);
    const opened = held ? undefined : levelTagOf(message);
    const found = held ?? opened;
    if (!found) continue;
    const statement = statementAfter(message, opened?.end ?? 0);
    if (statement === undefined) continue;
    lines++;
    statements.add(statement);
    letters.add(found.letter);
    tags.add(found.tag);
  }
  return lines >= MIN_LINES && statements.size >= MIN_STATEMENTS && (letters.size >= 2 || tags.size >= 2);
}

/** The column a component field holds: its level letter and its tag; undefined when it holds another name. */
function componentTagOf(component: string): { letter: string; tag: string } | undefined {
  const m = COMPONENT_TAG.exec(component);
  return m === null ? undefined : { letter: m[1], tag: m[2] };
}

/**
 * `parsed` with the column cut from its message (the white space after it too), its level read from the letter when
 * no other field gave one and its component from the tag; a component field holding the column is split so too. A
 * message that does not open with the column, or would be left empty, is whole.
 */
export function cutLevelTag(parsed: ParsedLine): ParsedLine {
  const held = parsed.component === undefined ? undefined : componentTagOf(parsed.component);
  if (held) {
    parsed.component = held.tag;
    parsed.level ??= normalizeLevel(held.letter);
    if (parsed.level === undefined) delete parsed.level;
    return parsed;
  }
  const message = parsed.message;
  const found = levelTagOf(message);
  if (!found) return parsed;
  const at = skipWhiteSpace(message, found.end);
  if (at >= message.length) return parsed;
  parsed.message = message.slice(at);
  parsed.level ??= normalizeLevel(found.letter);
  if (parsed.level === undefined) delete parsed.level;
  parsed.component = found.tag;
  return parsed;
}

/**
 * `parse` followed by the level-and-tag cut when `sample` (the file's sample lines, read by `parse`) shows the column;
 * `parse` itself otherwise, so that most files pay nothing per line.
 */
export function withLevelTags(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  return learnLevelTags(sample.map((line) => parse(line))) ? (line) => cutLevelTag(parse(line)) : parse;
}
