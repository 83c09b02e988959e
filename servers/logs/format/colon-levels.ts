// A level word in capitals closed by a colon, behind columns no header reader knows, learned per file. A server that
// lets its users configure what precedes its severity writes identity columns there, and drops them where they are
// empty: PostgreSQL's `log_line_prefix = '%m [%p] %q%u@%d '` gives `<time> [4242] app@shop ERROR:  relation …` in a
// session and `<time> [4243] LOG:  checkpoint starting` outside one (`%q`), and `user=%u,db=%d ` or `[%l-1]` write other
// such columns. The header learned from the lines leaves them, and the severity after them, in the message: with too few
// lines of one form, or both forms mixed, `ERROR:` was read as no level, and the entry's parts (`DETAIL:`, `STATEMENT:`)
// as entries of their own rather than the error's.
//
// The shape is read only where the file shows it: MIN_LINES sampled messages without a level hold such a word, opening
// them or after at most MAX_COLUMNS column-shaped tokens (COLUMN: a token holding `@`, `=`, a bracket or a digit, never
// a word of prose). Then every line of the file without a level has the columns cut, so that its message opens with the
// word, and its level read from the word (an entry's part keeps none: continuation.ts isEntryPart reads it there).
import { isWhiteSpace, skipWhiteSpace, whiteSpaceTokenEnd } from './chars';
import { UPPER_LEVEL_WORD, UPPER_LEVEL_WORD_MAX } from './header';
import { normalizeLevel } from './levels';
import type { ParsedLine } from './types';

/** Column tokens looked past for the word: a configured prefix writes a few (`[1-1] user=app,db=shop`). */
const MAX_COLUMNS = 2;
/** A token a prefix writes, not a word of prose: it holds `@`, `=`, a bracket, a comma or a digit. */
const COLUMN = /^[^\s]*[@=[\](),0-9][^\s]*$/;
/**
 * The parts of one entry a server writes under its own prefix (PostgreSQL's, as continuation.ts ENTRY_PART): read as
 * evidence of the layout, and cut to, but no level.
 */
const PART_WORD = /^(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):$/;
/** A numbered verbosity, as UPPER_LEVEL_WORD's words are written (PostgreSQL's `DEBUG1:` … `DEBUG5:`). */
const NUMBERED_DEBUG = /^(DEBUG[1-5]):$/;
/** Sampled messages showing the word before anything is learned: one line is no layout. */
const MIN_LINES = 2;

/** Where the colon word is in `message` (its start) and its level, or undefined when no such word opens it or its columns. */
function colonWordIn(message: string): { start: number; level: ReturnType<typeof normalizeLevel>; columns: number } | undefined {
  if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) return undefined;
  let at = 0;
  for (let columns = 0; columns <= MAX_COLUMNS && at < message.length; columns++) {
    const end = whiteSpaceTokenEnd(message, at);
    const first = message.charCodeAt(at);
    // The word must leave text after it: a message that is only `ERROR:` names nothing.
    if (first >= 65 && first <= 90 && end - at <= UPPER_LEVEL_WORD_MAX + 1 && message.charCodeAt(end - 1) === 58 && skipWhiteSpace(message, end) < message.length) {
      const token = message.slice(at, end);
      const word = UPPER_LEVEL_WORD.exec(token) ?? NUMBERED_DEBUG.exec(token);
      if (word) return { start: at, level: normalizeLevel(word[1]), columns };
      if (PART_WORD.test(token)) return { start: at, level: undefined, columns };
    }
    if (!COLUMN.test(message.slice(at, end))) return undefined;
    at = skipWhiteSpace(message, end);
  }
  return undefined;
}

/**
 * Whether the file's sample (as the lines are read so far: `level`, `message`) shows the layout: MIN_LINES messages or
 * more without a level hold a colon word (UPPER_LEVEL_WORD or PART_WORD) opening them or after column tokens.
 */
export function learnColonLevels(sample: readonly Pick<ParsedLine, 'level' | 'message'>[]): boolean {
  let shown = 0;
  for (const parsed of sample) if (parsed.level === undefined && colonWordIn(parsed.message) !== undefined) shown++;
  return shown >= MIN_LINES;
}

/**
 * `parsed` with the column tokens before its colon word cut from its message and its level read from the word, when it
 * has no level of its own; whole otherwise (a line with a level, an indented line, a message without the word).
 */
export function cutColonLevel(parsed: ParsedLine): ParsedLine {
  if (parsed.level !== undefined) return parsed;
  const found = colonWordIn(parsed.message);
  if (!found) return parsed;
  if (found.start > 0) parsed.message = parsed.message.slice(found.start);
  if (found.level !== undefined) parsed.level = found.level;
  return parsed;
}

/**
 * `parse` followed by the colon level cut when `sample` (the file's sample lines, read by `parse`) shows the layout;
 * `parse` itself otherwise, so that most files pay nothing per line.
 */
export function withColonLevels(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  return learnColonLevels(sample.map((line) => parse(line))) ? (line) => cutColonLevel(parse(line)) : parse;
}
