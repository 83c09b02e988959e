// A level mark column, learned per file: a one-character level closed by `>` that a logger writes after the columns it
// puts first (a fiber or thread name, a source location: `main/104/interactive I> …`, `iproto/101/main box.cc:445 W> …`,
// `main/103/box !> …`), where the known header stops before those columns and leaves them, and the mark, in the message.
//
// The mark's shape alone is no proof (`a> b` may be text, a prompt's `$>`), so it is read from the file's statistics:
// most messages as the known header leaves them hold such a mark among their first tokens, before a statement that
// varies. Every token up to the mark is the layout's then, cut as header; the mark's letter is the line's level when
// no other field gave one (levels.ts reads a level's initial). A line without a mark there is left whole.
import { isWhiteSpace, skipWhiteSpace, whiteSpaceTokenEnd } from './chars';
import { normalizeLevel } from './levels';
import type { ParsedLine } from './types';

/** Token positions looked at for the mark: a logger puts at most a few columns before it (`fiber file:line I>`). */
const MAX_POSITION = 3;
/**
 * One letter or sign closed by `>` (`I>`, `W>`, `!>`): no `-`, `=`, `<`, `>` or `|` before it, which write arrows
 * (`->`, `=>`, `>>`, `<>`), and no digit (`1>` is a shell's redirection or a numbered prompt).
 */
const MARK = /^[A-Za-z!?*#+.]>$/;
/** Share of the sample's messages holding a mark among their first tokens. */
const MIN_SHARE = 0.5;
/** Sample messages needed before anything is learned: a handful of lines is no statistic. */
const MIN_MESSAGES = 8;
/** Distinct statements after the marks (their first two words, digits masked): one repeated line is no layout. */
const MIN_STATEMENTS = 3;

/** Where the first mark among the first MAX_POSITION + 1 tokens of `message` ends, and its character; undefined if none. */
function markIn(message: string): { end: number; mark: string } | undefined {
  let at = skipWhiteSpace(message, 0);
  for (let position = 0; position <= MAX_POSITION && at < message.length; position++) {
    const end = whiteSpaceTokenEnd(message, at);
    if (end - at === 2 && MARK.test(message.slice(at, end))) return { end, mark: message[at] };
    at = skipWhiteSpace(message, end);
  }
  return undefined;
}

/** The two tokens after `from` (what names the statement), digits masked; undefined when no text follows. */
export function statementAfter(message: string, from: number): string | undefined {
  const first = skipWhiteSpace(message, from);
  if (first >= message.length) return undefined;
  const second = skipWhiteSpace(message, whiteSpaceTokenEnd(message, first));
  return message.slice(first, whiteSpaceTokenEnd(message, second)).replace(/\d+/g, '0');
}

/**
 * Whether the file's sample messages (as the known header leaves them; indented lines, an entry's continuation, left
 * out) write a level mark column: MIN_SHARE of MIN_MESSAGES or more hold a mark with text after it, before
 * MIN_STATEMENTS distinct statements.
 */
export function learnLevelMarks(sampleMessages: readonly string[]): boolean {
  let messages = 0;
  let marked = 0;
  const statements = new Set<string>();
  for (const message of sampleMessages) {
    if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) continue;
    messages++;
    const found = markIn(message);
    if (!found) continue;
    const statement = statementAfter(message, found.end);
    if (statement === undefined) continue;
    marked++;
    statements.add(statement);
  }
  return messages >= MIN_MESSAGES && marked >= MIN_SHARE * messages && statements.size >= MIN_STATEMENTS;
}

/**
 * `parsed` with its message cut after the mark (the tokens before it are the layout's columns) and its level read from
 * the mark when no other field gave one (`!>` and other signs name none: the level stays unknown). A message that opens
 * with white space (a line of the entry above), holds no mark among its first tokens, or would be left empty is whole.
 */
export function cutLevelMark(parsed: ParsedLine): ParsedLine {
  const message = parsed.message;
  if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) return parsed;
  const found = markIn(message);
  if (!found) return parsed;
  const at = skipWhiteSpace(message, found.end);
  if (at >= message.length) return parsed;
  parsed.message = message.slice(at);
  parsed.level ??= normalizeLevel(found.mark);
  return parsed;
}

/**
 * `parse` followed by the level mark cut when `sample` (the file's sample lines, read by `parse`) shows the column;
 * `parse` itself otherwise, so that most files pay nothing per line.
 */
export function withLevelMarks(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  return learnLevelMarks(sample.map((line) => parse(line).message)) ? (line) => cutLevelMark(parse(line)) : parse;
}
