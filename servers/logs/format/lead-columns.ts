// Header columns that no header reader knows, learned per file: after the known header is read, the message may still
// open with columns the program writes on every line (a level word, `Auth:`, a `[Context]` or `(Thread)` name, an
// Erlang or Go source location). A name padded to a width is not read here: patterns/columns.ts learns such a column
// with its overflowing values (`Servicing` past a 7-character column), which a reading token by token would miss. They are learned from the file's own messages and cut
// from every message that opens with them, so that one statement is one template whatever its columns say.
//
// A leading run is a column, not the statement's first words, only where the file shows it: the words that follow
// the run also follow another run (`[RouterExplorer] Mapped …` beside `[Api:RouterExplorer] Mapped …`) or open a
// message without one (`(456) Login incorrect` beside `Auth: (0) Login incorrect`). A statement's own first words do
// not change from line to line, so they never give that evidence. A run of a shape the file gives no evidence for is
// left in the message: when unsure, keep the message whole.
import { isWhiteSpace, skipWhiteSpace, whiteSpaceTokenEnd } from './chars';
import { isExceptionName } from './exception-names';
import { columnLevel } from './header';
import type { Level, ParsedLine } from './types';

/** How a leading token looks: the shapes a logger's columns take (a word of prose takes none of them). */
type Shape = 'level' | 'label' | 'bracket' | 'paren' | 'location' | 'logger' | 'dashed' | 'process';

/** A run of leading column-shaped tokens: where it ends in the message, its shapes, and its text with digits masked. */
interface Run {
  /** Ends of the run's first 1..n tokens (and the separators after each), in characters of the message. */
  ends: number[];
  /** The shape of each token. */
  shapes: Shape[];
  /** Each token with its digit runs written `0`: `(1129)` and `(1130)` are one value of one column. */
  masked: string[];
  /** The level each token spells (a level column's value), or undefined. */
  levels: (Level | undefined)[];
}

/** Tokens of a run at most: loggers put two or three columns before the text (`LOG [Context]`, `(pid) Level:`). */
const MAX_RUN = 3;
/** A column's value is short; a longer token is text. */
const MAX_TOKEN = 96;
/** Statements an Erlang process id column must open in the sample to be cut (learnLeadColumns). */
const PROCESS_STATEMENTS = 2;
/** Statements a source file's `name.ext:line` column must open in the sample to be cut (learnLeadColumns). */
const SOURCE_STATEMENTS = 3;
/** Tokens after a statement's first word looked at for its second. */
const KEY_LOOKAHEAD = 3;

/** A label column: a capitalised word of letters and a colon (`Auth:`, `Info:`, FreeRADIUS's `Level:`). */
const LABEL = /^[A-Z][A-Za-z]{1,15}:$/;
/**
 * An Erlang process id, maybe with the call site after an `@` (`<0.28299.435>`, `<0.640.0>@ejabberd_listener:accept:333`, the function's arity after it in newer
 * versions: `accept/7:273`):
 * the `%pid` and `%module:%function:%line` columns lager and OTP's logger write after the level (RabbitMQ, Riak,
 * VerneMQ, ejabberd). Prose does not open with a process id in angle brackets.
 */
const ERLANG_PROCESS = /^<\d{1,10}\.\d{1,10}\.\d{1,10}>(?:@[a-z][\w.]*(?::[\w'$-]+(?:\/\d{1,3})?)*:\d{1,6})?:?$/;
/** A source location: a name, then `:line` (`main.go:42`, `<0.640.0>@ejabberd_listener:accept:333`); a host's port is not one (isLocation). */
const LOCATION = /^\S*[A-Za-z_)]:\d{1,6}:?$/;
/**
 * A host and port (`cdn.acme.org:5222`, `proxy.corp.local:3128`): dotted names, the last one letters, then a number. The
 * shape of a source location too, told apart by the last name: a file's extension is a language's (SOURCE_EXTENSIONS),
 * a host's is a domain. A destination opening a statement (Proxifier's `app.exe - host:port open through proxy …`)
 * is the statement's, not a column of the logger's.
 */
const HOST_PORT = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,}):\d{1,5}:?$/;
/** Extensions of source files whose loggers print `file:line` (C, C++, Go, Rust, Python, Java, JavaScript, Erlang, …). */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(
  'c cc cpp cxx h hh hpp hxx go rs py java kt scala groovy js mjs cjs ts tsx jsx rb erl hrl ex exs cs vb fs php swift mm lua pl pm zig nim dart hs ml cr d jl r'.split(' '),
);

/**
 * A source file's name and line (`switch_channel.c:1123`, `src/config.rs:723:`), the function maybe between them
 * (`config_parser.c:parse_config:313`, i3's `__FILE__:__func__:__LINE__`): its extension a language's (SOURCE_EXTENSIONS).
 */
const SOURCE_FILE_LINE = /^\S*\.([A-Za-z]{1,6})(?::[A-Za-z_]\w{0,63})?:\d{1,6}:?$/;

/** Whether `token` is a source file's name and line (SOURCE_FILE_LINE). */
function isSourceFileLine(token: string): boolean {
  const m = SOURCE_FILE_LINE.exec(token);
  return m !== null && SOURCE_EXTENSIONS.has(m[1].toLowerCase());
}

/** Whether `token` is a source location (LOCATION) and not a host and port (HOST_PORT). */
function isLocation(token: string): boolean {
  if (!LOCATION.test(token)) return false;
  const host = HOST_PORT.exec(token);
  return host === null || SOURCE_EXTENSIONS.has(host[1].toLowerCase());
}
/**
 * A logger's name: lower-case dotted module names (`mopidy.ext`, `mopidy.__main__`, Python's `logging.getLogger(__name__)`),
 * a colon maybe closing it, read only after a thread's or context's bracket (readRun). A file name (`config.yml`) has
 * the shape too, and is cut only where the file shows it a column, as every shape is.
 */
const LOGGER = /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+:?$/;
/**
 * A Java logger's class name closed by a colon (`jmeter.JMeter:`, `o.a.j.u.JMeterUtils:`, log4j's `%c: %m` after a
 * `LEVEL - ` column): packages in lower case, the class capitalised, the colon glued. Prose does not write a dotted
 * class name with its colon; a file name or a host (`chrome.exe`, `db.local:`) has no capitalised last part.
 */
const CLASS_LOGGER = /^(?:[a-z][\w$]*\.)+[A-Z][\w$]*:$/;
/**
 * A Rust module path, a target of the `log`/`tracing` crates (`surrealdb::kvs`, `hyper::proto::h1::conn`), a colon maybe
 * closing it: lower-case names joined by `::`, which prose does not write. env_logger's `[time] INFO  target message`
 * puts it after the level without a colon, where tracing's `… INFO target: message` closes it with one.
 */
const RUST_TARGET = /^[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)+:?$/;
/** A Java class name without a colon: lower-case packages, the class capitalised (`kafka.log.LogManager`). */
const JAVA_CLASS = /^(?:[a-z][\w$]*\.)+[A-Z][\w$]*$/;
/** A word of the statement: letters (an apostrophe or dash inside), maybe closed by punctuation. */
const WORD = /^[A-Za-z][A-Za-z'_-]*[.,:;!?]?$/;

/** The shape of `token`, and the level it spells; undefined when it has none of a column's shapes. */
function shapeOf(token: string): { shape: Shape; level?: Level } | undefined {
  if (token.length > MAX_TOKEN) return undefined;
  const core = token.endsWith(':') ? token.slice(0, -1) : token;
  const first = core.charCodeAt(0);
  const last = core.charCodeAt(core.length - 1);
  if ((first === 91 && last === 93) || (first === 40 && last === 41)) {
    // `[ERROR]`, `(WARN)`: a level in its brackets; `[Context]`, `(pid)`: a name or a number.
    const level = columnLevel(core.slice(1, -1));
    return level ? { shape: 'level', level } : { shape: first === 91 ? 'bracket' : 'paren' };
  }
  const level = /^[A-Za-z]+$/.test(core) ? columnLevel(core) : undefined;
  if (level) return { shape: 'level', level };
  // `TypeError:`, `java.io.IOException:` have a label's or a class logger's shape but name the failure (exception-names.ts).
  if (core.length < token.length && isExceptionName(core, 0, core.length)) return undefined;
  if (ERLANG_PROCESS.test(token)) return { shape: 'process' };
  if (LABEL.test(token)) return { shape: 'label' };
  if (isLocation(token)) return { shape: 'location' };
  return LOGGER.test(token) || CLASS_LOGGER.test(token) || RUST_TARGET.test(token) ? { shape: 'logger' } : undefined;
}

/** A logger's or category's name: letters, digits, `_`, `.`, `-`, a letter first. */
const NAME = /^[A-Za-z_][\w.-]{0,63}$/;
/**
 * A name with the dash that closes its column glued to it (`None-`: Synapse's `%(request)s- %(message)s`, the request's
 * name or `None` outside one). A word of prose is not written with a dash glued to its end before a space.
 */
const DASH_GLUED_NAME = /^[A-Za-z_][\w.]{0,62}-$/;

/** Whether the token at `at` is a source location (LOCATION). */
function isLocationAt(message: string, at: number): boolean {
  return at < message.length && isLocation(message.slice(at, whiteSpaceTokenEnd(message, at)));
}

/**
 * The run of column-shaped tokens `message` opens with (a lone `-` or `:` after one, `[main] - text`, is the column's),
 * leaving some text after it; undefined when the first token has no column shape.
 */
function readRun(message: string): Run | undefined {
  let run: Run | undefined;
  let at = 0;
  while ((run?.ends.length ?? 0) < MAX_RUN && at < message.length) {
    const end = whiteSpaceTokenEnd(message, at);
    let next = skipWhiteSpace(message, end);
    // A name right before a source location is a logger's column (`global  src/daemon/main.cpp:287`, easylogging's
    // `%logger %loc`): the location vouches for it, as klog's `file:line]` closes its header.
    const beforeLocation = isLocationAt(message, next);
    const c = message.charCodeAt(next);
    const token = message.slice(at, end);
    // A Java class name before a lone dash is log4j's `%c - %m` (`org.graylog2.bootstrap.CmdLineTool - Loaded plugin`):
    // the dash closes the logger's column as a colon does (CLASS_LOGGER).
    const classBeforeDash = c === 45 && isWhiteSpace(message.charCodeAt(next + 1)) && JAVA_CLASS.test(token);
    // A name closed by a dash (`main - text`, `None- text`: Python's `%(request)s - %(message)s` after its level
    // column) is a column's value where the file shows it one (learnLeadColumns), as every shape is.
    const dashed = (c === 45 && isWhiteSpace(message.charCodeAt(next + 1)) && NAME.test(token)) || (DASH_GLUED_NAME.test(token) && next > end);
    const shape: { shape: Shape; level?: Level } | undefined =
      shapeOf(token) ?? ((beforeLocation && NAME.test(token)) || classBeforeDash ? { shape: 'logger' } : dashed ? { shape: 'dashed' } : undefined);
    if (!shape) break;
    // Elsewhere a logger's name follows the thread or context in a run (`[MainThread] mopidy.ext`), as the header reads a
    // Java logger after one: opening a message, a dotted name is as often the statement's subject (`chrome.exe - …`).
    // A Java class name with its colon is a logger's column wherever it stands (CLASS_LOGGER), as a Rust target is (RUST_TARGET).
    // So is a dotted name before a lone dash, as a Java class name is there (log4j's and Python's `%c - %m`: `io.app.broker
    // - Bootstrap …`, `urllib3.connectionpool - …`): the dash closes the logger's column.
    const beforeDash = c === 45 && isWhiteSpace(message.charCodeAt(next + 1));
    if (shape.shape === 'logger' && !beforeLocation && !classBeforeDash && !beforeDash && !(run && (run.shapes.at(-1) === 'bracket' || run.shapes.at(-1) === 'paren')) && !CLASS_LOGGER.test(token) && !RUST_TARGET.test(token)) break;
    // A lone `-` or `:` after a column closes it (`[main] - text`; libvirt's `<pid>: error : virFunc:12 : text`, a
    // column padded before its colon): no statement opens with a lone `-` or `:`, so it is never the message's.
    if ((c === 45 || c === 58) && isWhiteSpace(message.charCodeAt(next + 1))) next = skipWhiteSpace(message, next + 1);
    // A run must leave text: a message that is all columns is left whole.
    if (next >= message.length) break;
    run ??= { ends: [], shapes: [], masked: [], levels: [] };
    run.ends.push(next);
    run.shapes.push(shape.shape);
    run.masked.push(message.slice(at, end).replace(/\d+/g, '0'));
    run.levels.push(shape.level);
    at = next;
  }
  return run;
}

/**
 * What names the statement at `from`: its first token, a word, and the next word among the tokens that follow (a
 * value between them, `Mapped {/api/faces, GET} route`, is skipped); undefined when the text opens with no word.
 */
function statementKey(message: string, from: number): string | undefined {
  let at = skipWhiteSpace(message, from);
  let end = whiteSpaceTokenEnd(message, at);
  const first = message.slice(at, end);
  if (!WORD.test(first)) return undefined;
  for (let tokens = 0; tokens < KEY_LOOKAHEAD && end < message.length; tokens++) {
    at = skipWhiteSpace(message, end);
    end = whiteSpaceTokenEnd(message, at);
    const token = message.slice(at, end);
    if (WORD.test(token)) return `${first} ${token}`;
  }
  return undefined;
}

/** What a file's sample taught: the run signatures (shapes joined by spaces) that are columns of its layout. */
export interface LeadColumns {
  readonly signatures: ReadonlySet<string>;
  /** The plain words the file writes as a column before its statements (namedColumnWords), cut before any run. */
  readonly words?: ReadonlySet<string>;
}

/**
 * A thread's or role's name written as a plain capitalised word before the statement (WALinuxAgent's `LEVEL thread
 * message` from 2.2.3x on, `Daemon`, `ExtHandler`, the name written twice from 2.2.47 on as a logger prefix): no shape
 * tells it from a statement's first word, so it is learned by its value.
 */
const NAMED_WORD = /^[A-Z][A-Za-z]{1,31}$/;
/** Statements a named word must stand before that the file also writes without it. */
const MIN_NAMED_STATEMENTS = 2;

/** Where the text after `word` (and its repeats: `Daemon Daemon …`) starts in `message`, or -1 when it does not open with it. */
function afterNamedWord(message: string, word: string): number {
  let at = 0;
  while (message.startsWith(word, at) && isWhiteSpace(message.charCodeAt(at + word.length))) at = skipWhiteSpace(message, at + word.length);
  return at > 0 && at < message.length ? at : -1;
}

/**
 * The plain words a file's messages open with as a column: a capitalised word (NAMED_WORD) standing before
 * MIN_NAMED_STATEMENTS statements or more that the file also writes without any word before them (`Daemon Finished
 * provisioning` beside an older version's `Finished provisioning`). A statement's own first word opens it on every
 * line, so the words after it never open a message of their own; where two statements differ only by a first word
 * (`Running State Change` beside `State Change`), it stands before one statement, not several.
 */
function namedColumnWords(messages: readonly string[]): Set<string> | undefined {
  const bare = new Set<string>();
  const after = new Map<string, Set<string>>();
  for (const message of messages) {
    if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) continue;
    const key = statementKey(message, 0);
    if (key !== undefined) bare.add(key);
    const word = message.slice(0, whiteSpaceTokenEnd(message, 0));
    if (!NAMED_WORD.test(word)) continue;
    const at = afterNamedWord(message, word);
    const rest = at < 0 ? undefined : statementKey(message, at);
    if (rest === undefined) continue;
    let keys = after.get(word);
    if (!keys) after.set(word, (keys = new Set()));
    keys.add(rest);
  }
  let words: Set<string> | undefined;
  for (const [word, keys] of after) {
    let shown = 0;
    for (const key of keys) if (bare.has(key) && !key.startsWith(`${word} `)) shown++;
    if (shown >= MIN_NAMED_STATEMENTS) (words ??= new Set()).add(word);
  }
  return words;
}

/** `message` without the named column word it opens with (and its repeats), or `message` itself. */
function withoutNamedWord(words: ReadonlySet<string>, message: string): string {
  const word = message.slice(0, whiteSpaceTokenEnd(message, 0));
  if (!words.has(word)) return message;
  const at = afterNamedWord(message, word);
  return at < 0 ? message : message.slice(at);
}

/**
 * Learns the lead columns of a file from its sample's messages (as the known header leaves them; lines of an entry
 * above, indented, are left out): a run's signature is learned when the words after one such run also follow a run
 * with other text, or no run. Undefined when the file shows none.
 */
export function learnLeadColumns(sampleMessages: readonly string[]): LeadColumns | undefined {
  // A named word is cut first: a bracket or level column may follow it (`ExtHandler [Extension-1.0] Target …`).
  const words = namedColumnWords(sampleMessages);
  const messages = words ? sampleMessages.map((message) => withoutNamedWord(words, message)) : sampleMessages;
  // For each statement key, the masked runs it follows ('' for none); for each masked run (each prefix of a run too:
  // `(pid)` alone is learned where `(pid) Label:` stands beside `(pid)`), its signature and the keys it precedes.
  const runs = new Map<string, Set<string>>();
  const texts = new Map<string, { signature: string; keys: Set<string> }>();
  // The statements an Erlang process id opens (PROCESS_STATEMENTS), and a source file's `name.ext:line` (SOURCE_STATEMENTS).
  const processKeys = new Set<string>();
  const sourceKeys = new Set<string>();
  for (const message of messages) {
    if (message.length === 0 || isWhiteSpace(message.charCodeAt(0))) continue;
    const run = readRun(message);
    if (run?.shapes[0] === 'process' || (run?.shapes[0] === 'location' && isSourceFileLine(message.slice(0, whiteSpaceTokenEnd(message, 0))))) {
      const key = statementKey(message, run.ends[0]);
      if (key !== undefined) (run.shapes[0] === 'process' ? processKeys : sourceKeys).add(key);
    }
    // Each key once per message, after the longest run it follows: one line is no evidence against itself.
    const keys = new Set<string>();
    for (let cut = run?.ends.length ?? 0; cut >= 0; cut--) {
      const key = statementKey(message, cut === 0 ? 0 : (run as Run).ends[cut - 1]);
      if (key === undefined || keys.has(key)) continue;
      keys.add(key);
      const text = cut === 0 ? '' : (run as Run).masked.slice(0, cut).join(' ');
      let seen = runs.get(key);
      if (!seen) runs.set(key, (seen = new Set()));
      seen.add(text);
      if (cut === 0) continue;
      let entry = texts.get(text);
      if (!entry) texts.set(text, (entry = { signature: (run as Run).shapes.slice(0, cut).join(' '), keys: new Set() }));
      entry.keys.add(key);
    }
  }
  // A run is a column where its statement also follows another run or none, and the run also opens another statement:
  // a column's value (a level, a component) is written before many statements, while a value the statement itself
  // opens with (`[orders] Queue depth 120 over limit`) opens that statement only.
  const learned = new Set<string>();
  // A process id is its process's, never a statement's first word, and its call site names one statement only: the
  // shape is the evidence, opening more than one statement (no value of it stands before two, nor a statement without it).
  if (processKeys.size >= PROCESS_STATEMENTS) learned.add('process');
  // So is a source file's line: a call site logs one statement, so no value of the column stands before two; the file
  // shows the column where the shape opens several statements.
  if (sourceKeys.size >= SOURCE_STATEMENTS) learned.add('location');
  for (const seen of runs.values()) {
    if (seen.size < 2) continue;
    for (const text of seen) {
      const entry = texts.get(text);
      if (entry && entry.keys.size >= 2) learned.add(entry.signature);
    }
  }
  if (words) return { signatures: learned, words };
  return learned.size > 0 ? { signatures: learned } : undefined;
}

/**
 * `parsed` with the longest learned run cut from its message (its level, when the header gave none, from a level
 * column in the run). A message that opens with white space (a line of the entry above) is left whole.
 */
export function cutLeadColumns(columns: LeadColumns, parsed: ParsedLine): ParsedLine {
  if (parsed.message.length === 0 || isWhiteSpace(parsed.message.charCodeAt(0))) return parsed;
  if (columns.words) parsed.message = withoutNamedWord(columns.words, parsed.message);
  const message = parsed.message;
  const run = readRun(message);
  if (!run) return parsed;
  for (let cut = run.ends.length; cut > 0; cut--) {
    if (!columns.signatures.has(run.shapes.slice(0, cut).join(' '))) continue;
    parsed.message = message.slice(run.ends[cut - 1]);
    if (parsed.level === undefined) {
      const level = run.levels.slice(0, cut).find((l) => l !== undefined);
      if (level) parsed.level = level;
    }
    return parsed;
  }
  return parsed;
}

/**
 * `parse` followed by the lead columns learned from `sample` (the file's sample lines, read by `parse`); `parse`
 * itself when the file shows none, so that most files pay nothing per line.
 */
export function withLeadColumns(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const columns = learnLeadColumns(sample.map((line) => parse(line).message));
  return columns ? (line) => cutLeadColumns(columns, parse(line)) : parse;
}
