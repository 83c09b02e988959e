// A source-location column, learned per file: the place in the program's source a logger writes before the statement
// (`named:445`, `trust_dns::logger:26`, `utils.py:29 - `, `(connectionpool:394) - `, `[main.go:112]`, `src/foo.rs:88:`,
// `manager.py:finalize():L355`, `<Settings.cpp:72:load()>`), after the header's known fields and often after a logger's
// or thread's name the header does not know (`libqtile manager.py:…`, `juju.worker.dependency engine.go:501`).
//
// No shape alone tells such a column from a statement's own `name:number` (`connected to db:5432`, `retry 2:3`), so it is
// read from the file's statistics: the messages as the known header leaves them hold a location-shaped token at the
// same token position on most lines, with many values (each call site writes its own) before many statements. Every
// token up to it is the layout's then, cut as header; a line without a location there is left whole.
import { isWhiteSpace, leadingTokens, skipWhiteSpace, whiteSpaceTokenEnd } from './chars';
import type { ParsedLine } from './types';

/** Token positions looked at for the location: loggers put at most a few columns before it (`name thread file:line`). */
const MAX_POSITION = 4;
/** Share of the sample's messages that must hold a location at learned positions, all together. */
const MIN_SHARE = 0.5;
/** The share for strong locations (strongLocation): a file's name or a wrapper is no value of a statement. */
const MIN_STRONG_SHARE = 0.25;
/** Share one position must hold to be learned (a logger writing its thread on some lines only moves the column by one). */
const MIN_POSITION_SHARE = 0.2;
/** Distinct statements after the locations a position must show, and distinct locations: a call site logs one statement. */
const MIN_STATEMENTS = 3;
const MIN_LOCATIONS = 2;
/** Share of a position's lines whose location comes before its own one statement (oneStatementLines). */
const MIN_ONE_STATEMENT = 0.8;
/** Sample messages needed before anything is learned: a handful of lines is no statistic. */
const MIN_MESSAGES = 8;

/**
 * A location's text once its wrapper is stripped: a name ending in a letter, `_`, `)` or `>` (`config`, `utils.py`,
 * `trust_dns::logger`, `setup()`, `<lambda>()`), then `:` and the line (`L` before it in Python's `%(lineno)` layouts
 * that write one), maybe the function after it with its parentheses (`:load()`, `:(transmit_timeout)`: a bare name
 * there is as often the statement's first word glued by a colon, `…:named:138:loading zone`), maybe a closing colon.
 * No `@`: a name at a place is an address (`exten@context:15`, `user@host:22`), not a call site.
 */
const LOCATION_CORE = /^[^\s:@][^\s@]{0,94}?[A-Za-z_)>]:L?\d{1,6}(?::(?:\([A-Za-z_~][\w:~.<>]{0,63}\)|[A-Za-z_~][\w:~.<>]{0,63}\(\)))?:?$/;
/**
 * A host and port (`cdn.acme.org:5222`): dotted names, the last one letters: the shape of a file's name and line too,
 * told apart by the last name, which for a file is a language's extension (SOURCE_EXTENSION).
 */
const HOST_PORT = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,}):\d{1,5}:?$/;
const SOURCE_EXTENSION = /^(?:c|cc|cpp|cxx|h|hh|hpp|hxx|go|rs|py|java|kt|scala|groovy|js|mjs|cjs|ts|tsx|jsx|rb|erl|hrl|ex|exs|cs|vb|fs|php|swift|mm|lua|pl|pm|zig|nim|dart|hs|ml|cr|d|jl|r)$/i;
/** Wrappers a logger puts around its location: `[…]`, `(…)`, `{…}`, `<…>`, `"…"`, maybe a colon after the closing one. */
const WRAPPERS: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>', '"': '"' };
/**
 * The function a logger writes after the location (`purge():`, `script_debug():`, `(ConfigureLogging)` before a lone
 * dash): part of the call site, no word of the statement.
 */
const FUNCTION_COLON = /^[A-Za-z_~][\w:~.<>]{0,63}\(\):$/;
const FUNCTION_PAREN = /^\([A-Za-z_~][\w:~.<>]{0,63}\)$/;
/**
 * A short mark closed by `>` after the location (`I>`, `!>`: a level column the layout writes next): the header goes on
 * past the location there, so cutting at it would leave half a header, its lines unlike the file's lines without one.
 */
const MARK_AFTER = /^\S{1,2}>(?:\s|$)/;
/** A lone separator closing a column (`-`, `--`, `:`, `>`, `|`, `->`, `=>`). */
const LONE_SEPARATOR = /^(?:-{1,2}|:|>|\||->|=>)$/;

/** The location's text (name and line, no wrapper) when `token` is a source location, else undefined. */
export function sourceLocation(token: string): string | undefined {
  let core = token;
  const close = WRAPPERS[core[0]];
  if (close !== undefined) {
    const end = core.endsWith(`${close}:`) ? core.length - 2 : core.endsWith(close) ? core.length - 1 : -1;
    if (end <= 1) return undefined;
    core = core.slice(1, end);
  } else if (core.endsWith(']')) {
    // klog's and glog's `file.go:42]` closes the header with a bracket it never opened.
    core = core.slice(0, -1);
  }
  if (!LOCATION_CORE.test(core) || core.includes('://')) return undefined;
  const host = HOST_PORT.exec(core);
  if (host !== null && !SOURCE_EXTENSION.test(host[1])) return undefined;
  return core;
}

/** Whether `name` is a source file's (`engine.go`, `src/net.rs`): its extension a language's (SOURCE_EXTENSION). */
function sourceFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && SOURCE_EXTENSION.test(name.slice(dot + 1));
}

/** A source location found at a token position of a message: its text, whether it is strong (sourceLocation), its end. */
interface Found {
  position: number;
  location: string;
  strong: boolean;
  after: number;
}

/** The token positions (0..MAX_POSITION) of `message` holding a source location, in order. */
function locationsIn(message: string): Found[] {
  const { starts, ends } = leadingTokens(message, MAX_POSITION + 1);
  const found: Found[] = [];
  for (let i = 0; i < starts.length; i++) {
    const token = message.slice(starts[i], ends[i]);
    const location = sourceLocation(token);
    if (location !== undefined) found.push({ position: i, location, strong: strongLocation(token, location), after: ends[i] });
  }
  return found;
}

/**
 * Whether a location is written as only a call site is (a source file's name, a wrapper around it, a function after
 * its line, `L` before the line): a bare `name:number` may be a value of the statement's (`user:42`), so it needs more
 * lines of the file to be a column (MIN_SHARE against MIN_STRONG_SHARE).
 */
function strongLocation(token: string, location: string): boolean {
  if (token !== location && token !== `${location}:`) return true;
  const m = /^(.*?):(L?)\d+(:.*)?:?$/.exec(location);
  return m !== null && (m[2] === 'L' || (m[3] !== undefined && m[3] !== ':') || sourceFileName(m[1]));
}

/** The first word after the location (the statement's verb or noun; values before it skipped), '' when none. */
function firstWordAfter(message: string, from: number): string {
  const rest = message.slice(from);
  const { starts, ends } = leadingTokens(rest, 3);
  for (let i = 0; i < starts.length; i++) {
    const token = rest.slice(starts[i], ends[i]);
    if (/^[A-Za-z]/.test(token)) return token.replace(/\d+/g, '0');
  }
  return '';
}

/**
 * Lines whose location comes before the statement its location most often comes before: a call site logs one
 * statement, while a value of the statement's (`[app:0]`, `[exten@context:15]`) comes before many.
 */
function oneStatementLines(words: Map<string, Map<string, number>>): number {
  let lines = 0;
  for (const counts of words.values()) lines += Math.max(...counts.values());
  return lines;
}

/** The two tokens after the location (what names the statement), digits masked; undefined when no text follows. */
function statementAfter(message: string, from: number): string | undefined {
  const rest = message.slice(from);
  const { starts, ends } = leadingTokens(rest, 2);
  if (starts.length === 0) return undefined;
  return rest.slice(starts[0], ends[ends.length - 1]).replace(/\d+/g, '0');
}

/** The token positions of a file's location column (a set: a column some lines write one token later counts too). */
export type SourceColumns = ReadonlySet<number>;

/**
 * Learns a file's location column from its sample's messages (as the known header leaves them; indented lines, an
 * entry's continuation, left out): the positions holding a location on MIN_POSITION_SHARE of the messages each and
 * MIN_SHARE together, each with MIN_LOCATIONS locations (names differing, or a source file's: one `name:number` before
 * every statement is a value, `user:42`) before MIN_STATEMENTS statements, most not before a mark (MARK_AFTER). Undefined when the file shows none.
 */
export function learnSourceColumns(sampleMessages: readonly string[]): SourceColumns | undefined {
  let messages = 0;
  const byPosition = new Map<number, { lines: number; strong: number; marked: number; values: Set<string>; names: Set<string>; statements: Set<string>; words: Map<string, Map<string, number>> }>();
  for (const message of sampleMessages) {
    if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) continue;
    messages++;
    for (const found of locationsIn(message)) {
      const statement = statementAfter(message, found.after);
      if (statement === undefined) continue;
      let stats = byPosition.get(found.position);
      if (!stats) byPosition.set(found.position, (stats = { lines: 0, strong: 0, marked: 0, values: new Set(), names: new Set(), statements: new Set(), words: new Map() }));
      stats.lines++;
      if (found.strong) stats.strong++;
      stats.values.add(found.location);
      stats.names.add(found.location.replace(/:L?\d+.*$/, ''));
      stats.statements.add(statement);
      if (MARK_AFTER.test(statement)) stats.marked++;
      const word = firstWordAfter(message, found.after);
      let words = stats.words.get(found.location);
      if (!words) stats.words.set(found.location, (words = new Map()));
      words.set(word, (words.get(word) ?? 0) + 1);
    }
  }
  if (messages < MIN_MESSAGES) return undefined;
  const learned = new Set<number>();
  let lines = 0;
  let strong = 0;
  for (const [position, stats] of byPosition) {
    if (stats.lines < MIN_POSITION_SHARE * messages || stats.values.size < MIN_LOCATIONS || stats.statements.size < MIN_STATEMENTS || (stats.names.size < 2 && !sourceFileName([...stats.names][0])) || oneStatementLines(stats.words) < MIN_ONE_STATEMENT * stats.lines || stats.marked * 2 > stats.lines) continue;
    learned.add(position);
    lines += stats.lines;
    strong += stats.strong;
  }
  return lines >= MIN_SHARE * messages || strong >= MIN_STRONG_SHARE * messages ? learned : undefined;
}

/**
 * `parsed` with its message cut after the learned location column (the tokens before it, the location, a function
 * written after it, a lone separator): a message that opens with white space (a line of the entry above), holds no
 * location at a learned position, or would be left empty is left whole.
 */
export function cutSourceColumn(columns: SourceColumns, parsed: ParsedLine): ParsedLine {
  const message = parsed.message;
  if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) return parsed;
  // The last learned position holding a location: a location-shaped column before it (`D/TC:0 add_phys_mem:539`) is cut with it.
  let found: Found | undefined;
  for (const f of locationsIn(message)) if (columns.has(f.position)) found = f;
  if (!found) return parsed;
  let at = skipWhiteSpace(message, found.after);
  let end = whiteSpaceTokenEnd(message, at);
  const token = message.slice(at, end);
  const next = skipWhiteSpace(message, end);
  const separatorAfter = LONE_SEPARATOR.test(message.slice(next, whiteSpaceTokenEnd(message, next)));
  if (FUNCTION_COLON.test(token) || (FUNCTION_PAREN.test(token) && separatorAfter)) {
    at = next;
    end = whiteSpaceTokenEnd(message, at);
  }
  if (LONE_SEPARATOR.test(message.slice(at, end))) at = skipWhiteSpace(message, end);
  if (at >= message.length) return parsed;
  parsed.message = message.slice(at);
  return parsed;
}

/**
 * `parse` followed by the location column learned from `sample` (the file's sample lines, read by `parse`); `parse`
 * itself when the file shows none, so that most files pay nothing per line.
 */
export function withSourceColumns(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const columns = learnSourceColumns(sample.map((line) => parse(line).message));
  return columns ? (line) => cutSourceColumn(columns, parse(line)) : parse;
}
