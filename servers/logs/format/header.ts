// Generic header detection: learns, from a sample of lines, which fields precede the message
// (timestamps, level, numbers such as pid/tid, [bracketed] fields, a `component:`), without any
// per-product rules. Each line is then parsed against that learned schema.
import { isAsciiLetter, isDigitCode, isWhiteSpace, nextArrow, skipWhiteSpace, whiteSpaceTokenEnd } from './chars';
import { NEVER_CLOSED, recordBodyEnd } from './open-records';
import { crashReport } from './crash-reports';
import { isExceptionName } from './exception-names';
import { monologFieldsStart } from './monolog-fields';
import { matchLevelForm, objectColumn, type LevelForm } from './level-forms';
import { LOCALIZED_LEVEL_NAMES, localizedLevel, normalizeLevel } from './levels';
import { levelLine } from './next-line-levels';
import { localizedMonthEpoch, matchTimestampAt, TIMESTAMP_PATTERNS, timestampPatternsAt, unorderedDateEnd, type TimestampContext, type TimestampPattern } from './timestamps';
import { LEVELS, type Level, type ParsedLine } from './types';

export type FieldKind = 'timestamp' | 'level' | 'number' | 'pid' | 'bracket' | 'paren' | 'uptime' | 'clock' | 'component' | 'logger' | 'word';

export interface HeaderField {
  kind: FieldKind;
  /** For timestamps: which form. */
  pattern?: TimestampPattern;
  /** For levels: written in brackets, like `[ERROR]`. */
  bracketed?: boolean;
  /** For levels: Redis's one-character marks (`.` debug, `-` verbose, `*` notice, `#` warning). */
  marks?: boolean;
  /**
   * For levels: the file writes the word in capitals or in brackets (`INFO`, `[ERROR]`) on its lines (markLevelCase): a
   * bare word in another case there opens the message (`Error count reset to 0`), it is no level.
   */
  capitals?: boolean;
  /** For levels: a program's own shape (`ERRO[0001]`, `(EE)`, `kern  :err   :`), see level-forms. */
  form?: LevelForm;
  /** For brackets: it starts with a time (`[2024-06-01T12:30:45.123456 #1234]`); learned, so other lines skip the look. */
  timed?: boolean;
  /**
   * For clocks: a date with a month name (`dez 07 19:32:41`), not a bare time of day; true when its month is not read
   * (no time), false when it is a name in another language that is (timestamps.ts localizedMonth).
   */
  monthWord?: boolean;
  /** For timed brackets: the level follows the time inside (`[2014-07-15 15:02:53,406: INFO/MainProcess]`, Celery). */
  leveled?: boolean;
  /**
   * For words: a column whose values are level words (NestJS's `LOG`/`WARN`/`ERROR`, which the level reader does not
   * take whole since `LOG` is none of LEVEL_WORDS), learned from the sample (markLevelWords): its value is the line's level.
   */
  levelWords?: boolean;
  /**
   * For components: only a program's tag with its id in brackets (`app[web.3]:`, taggedComponentEnd), where the form
   * was learned from such tags alone after a time (learnForms' extensions): a bare `name:` there is the message's.
   */
  tagged?: boolean;
}

const MAX_HEADER_FIELDS = 14;
/** More weak fields (words, numbers) in a row than this means we are inside the message. */
const MAX_WEAK_RUN = 3;

// Numbered verbosities (Apache trace1..trace8, PostgreSQL DEBUG1..DEBUG5) are listed first so they win over the bare word.
// Four-letter columns (`DEBG`, `ERRO`: Python's supervisor, Go's logrus and slog-style text) beside INFO, WARN, CRIT.
// zap's dpanic (a development panic, an error in production). Serilog's three letters (INF, WRN, FTL, VRB), .NET console's four (dbug, trce, fail), MySQL's [Note] and [System].
const LEVEL_WORDS =
  'trace[1-8]|debug[1-5]|trace|trce|finest|finer|verbose|vrb|debug|debg|dbug|dbg|fine|info|information|informational|inf|notice|note|system|warn|warning|wrn|error|erro|err|fail|severe|fatal|ftl|crit|critical|alert|emerg|emergency|dpanic|panic';
// A bracketed level may be padded (`[WARN ]`) and followed by the next bracket (`[ts][ERROR][logger]`, Elasticsearch);
// a level in angle brackets (`<Notice>`, `<Error>`: C daemons' loggers) is read like the syslog priority `<3>`, and
// so is ModemManager's `<msg>` (its MESSAGE level, between `<wrn>` and `<inf>`, which it logs to syslog as NOTICE).
export const LEVEL_AT = new RegExp(String.raw`(?:\[ *(${LEVEL_WORDS}) *\](?=\[)|(?:\[ *(${LEVEL_WORDS}) *\]|<(\d{1,3})>|(${LEVEL_WORDS})|<(${LEVEL_WORDS}|msg)>)(?::|,)?(?=[\s|]|$))`, 'iy');
/**
 * The level of a word written in angle brackets (LEVEL_AT's, LEADING_LEVEL's): ModemManager's `<msg>` is its
 * MM_LOG_LEVEL_MSG, which it logs to syslog as NOTICE, INFO on the one scale; `msg` is no level word anywhere else.
 */
function angleLevel(word: string): Level | undefined {
  return word.length === 3 && word.toLowerCase() === 'msg' ? 'INFO' : normalizeLevel(word);
}
/** A level qualified by the module that logged it: `[core:error]`, `[ssl:warn]` (Apache 2.4). */
const QUALIFIED_LEVEL_AT = new RegExp(String.raw`\[([A-Za-z_][\w.-]*):(${LEVEL_WORDS})\]:?(?=[\s|]|$)`, 'iy');
/** The same without brackets, the program's name first: `Zigbee2MQTT:info  2021-12-06 19:14:40: …` (npm's debug-style loggers). */
const NAMED_LEVEL_AT = new RegExp(String.raw`([A-Za-z_][\w.-]*):(${LEVEL_WORDS})(?=\s)`, 'iy');
/**
 * Python logging's default layout (`logging.basicConfig()` without a format: BASIC_FORMAT `%(levelname)s:%(name)s:%(message)s`,
 * `ERROR:asyncio:Task exception was never retrieved`, `WARNING:root:disk low`): the level name as Python writes it,
 * a colon, the logger's dotted name, a colon, the message with no space before it. Prose and key:value text put a space
 * after a colon; an upper-case level glued by colons to a name on both sides is this header and nothing else. The same
 * run glued to a time before it (`%(asctime)s:%(levelname)s:%(name)s:…`) is read from that colon on.
 */
const PYTHON_BASIC_AT = /:?(DEBUG|INFO|WARNING|ERROR|CRITICAL):([A-Za-z_][\w.-]{0,127}):(?!\/\/)/y;
/**
 * A level letter (Android's, apt's `E:`): bare or bracketed, then white space, `|`, the end, or a colon closing it (`W: `).
 * A debug letter may carry its verbosity (`D1`..`D5`: MongoDB's text log beside its `I`, `W`, `E`, `F`).
 * A letter glued to a colon and more text is a Windows drive (`Restored D:\a\s\app.csproj`), not a level.
 */
const LEVEL_LETTER_AT = /\[?([VDIWEFA]|D[1-5])\]?(?=[\s|]|:(?=\s|$)|$)/y;
/**
 * Three-letter level columns that are words or nothing in lower case, read in upper case only (levels.ts
 * UPPER_CASE_LEVELS): Nim's chronicles writes `TRC DBG INF NOT WRN ERR FAT` (`NTC` for NOT in its newer versions), the others
 * being LEVEL_WORDS already.
 */
const UPPER_CASE_LEVEL_AT = /(TRC|NOT|NTC|FAT)(?=\s|$)/y;
/** A level letter written against the timestamp that follows it: `E1120 09:00:01.123456` (glog, klog), `<W>2021-12-05 …` (Qt's, Mumble's). */
const GLUED_LEVEL_LETTER_AT = /<([VDIWEFAC])>(?=\d)|([VDIWEFA])(?=\d)/y;
const LEVEL_MARK_AT = /([.\-*#])(?= )/y;
/** Whether a level mark may follow a time of pattern `id` at `position` of `line` (see where it is read). */
function markedTime(id: string | undefined, line: string, position: number): boolean {
  return id === 'day-month-year' || (id === 'day-month-time' && line.charCodeAt(position) !== 45);
}
const LEVEL_MARKS: Record<string, Level> = { '.': 'DEBUG', '-': 'TRACE', '*': 'INFO', '#': 'WARN' };
/** What numberEnd reads: `\d+(?=[\s|]|$)`. */
export const NUMBER_AT = /\d+(?=[\s|]|$)/y;
/** A source file's name and line closed by a colon: `scanner.c:703:`, `src/mod.rs:345:` (a language's extension). */
const SOURCE_LINE_NAME = /^[\w./-]*\.(?:c|cc|cpp|cxx|h|hh|hpp|go|rs|py|java|kt|scala|js|mjs|ts|rb|erl|ex|cs|php|swift|lua|zig|nim|dart):\d{1,6}:$/;
/**
 * The same without the colon, standing as a column of its own (`misc/ibvwrap.cc:63`): the place a logger writes on some
 * lines only, before their level (NCCL's `host:pid:tid [dev] file.cc:63 NCCL WARN …` beside `… [dev] NCCL INFO …`).
 */
const SOURCE_LINE_COLUMN_AT = /[\w./-]{1,96}\.(?:c|cc|cpp|cxx|h|hh|hpp|go|rs|py|java|kt|scala|js|mjs|ts|rb|erl|ex|cs|php|swift|lua|zig|nim|dart):\d{1,6}(?=[ \t])/y;

/** Whether the token at `position` is written as a level column writes it: `[INFO]`, `warn:`, `INFO` (not `error`). */
function columnShapedLevel(line: string, position: number): boolean {
  const token = line.slice(position, wordEnd(line, position));
  return token.startsWith('[') || token.endsWith(':') || (token.length > 1 && token === token.toUpperCase());
}

/** Whether line[start, end) is a source file's name and line closed by a colon (SOURCE_LINE_NAME). */
function sourceLineEnd(line: string, start: number, end: number): boolean {
  return end - start < 128 && SOURCE_LINE_NAME.test(line.slice(start, end));
}

/** What componentEnd reads. */
export const COMPONENT_AT = /[^\s:[\]][^\s]*?(?: \([^)\s]*\))?:(?=\s|$)/y;
/** A source location closing the header: `reflector.go:138]` (glog, klog). */
const SOURCE_LOCATION_AT = /[^\s:[\]]+:\d+\](?=\s|$)/y;
/** What wordEnd reads. */
export const WORD_AT = /[^\s|]+/y;
/**
 * A thread name in parentheses, spaces allowed: `(MSC service thread 1-9)`, `(ServerService Thread Pool -- 47)`
 * (JBoss, WildFly), `(MainThread)`. Read whole, so that its words do not count as a run of weak fields.
 */
const PAREN_AT = /\([^\s()][^()]{0,62}\)(?=[\s|]|$)/y;
/**
 * Seconds since boot or start, bracketed and padded: `[    1.055212]` (the kernel's dmesg), `[    19.878]` (Xorg). Not
 * a wall-clock time: such lines have no timestamp. The fraction is required: `[1234]` is more often a pid. The next
 * column may be glued to it (the kernel's caller id `[    0.000000][    T0]`, mpv's log file `[   0.002][v][cplayer]`).
 */
const UPTIME_AT = /\[ *\d+\.\d+\](?=[\s[]|$)/y;
/**
 * A time of day without a date, bare or bracketed, at the start of a line: `[22:47:41]` (Minecraft, many game and chat
 * servers), `12:00:01.123` (a Python or log4j pattern with only %H:%M:%S). Not a timestamp: the day is not written, and
 * guessing it from the file's date would date a file that spans midnight wrongly, so such lines get no time. A 12-hour
 * clock's day-half after it is the clock's (.NET's `tt` and C's `%p` in the machine's locale: `[12:09:03.871 PM]`,
 * Arabic `[06:14:43.490 م]`; `AM`/`PM` only, in capitals, after a bare clock of hour 1-12, where a word of text may
 * follow: after `22:47:41` it is a chat's private message, rev25). Korean, Japanese and Chinese write the day-half
 * before the clock (`오후 3:04:05`, `午後 3:04:05`, `下午 3:04:05`: a locale's `tt h:mm:ss`), and so do some English
 * formats (`PM 3:04:05`): read so before a clock of hour 1-12 (fmt29).
 */
const CLOCK_AT = /(?:\[\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9})?(?: ?(?:[AaPp]\.? ?[Mm]\.?|\u0635|\u0645))?\]|(?:0?[1-9]|1[0-2]):\d\d:\d\d(?:[.,]\d{1,9})? [AP]M|(?:오전|오후|午前|午後|上午|下午|AM|PM) ?(?:0?[1-9]|1[0-2]):\d\d:\d\d(?:[.,]\d{1,9})?|\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9})?)(?::(?=\s))?(?=\s|$)/y;
/**
 * A bracketed time of day with the level after it (`[00:31:18 INFO]: Loading plugins...`, log4j2's `[%d{HH:mm:ss}
 * %level]: %msg`, the console layout of Minecraft servers and proxies: Paper, Velocity, BungeeCord): the clock's
 * bracket holds the level column too, as a dated bracket's may (timeInside), and the name of the part that logs
 * after it (SMAPI's `[13:06:43 TRACE SMAPI]`, `[13:06:45 INFO  Content Patcher]`: a mod's name may hold spaces).
 */
const CLOCK_LEVEL_AT = new RegExp(String.raw`\[\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9})? +(${LEVEL_WORDS})(?: +[A-Za-z][\w. -]{0,63})?\]:?(?=\s|$)`, 'iy');
/** A time of day (hh:mm:ss, a fraction allowed) standing alone among a bracketed date's parts. */
const TIME_OF_DAY = /^\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9})?$/;
/** A date's part beside its time: a number, a word (a day's or month's name, a zone) or both (`2022年`, `3.`), a zone in parentheses (`(UTC+0100)`). */
const DATE_PART = /^(?:\(?[\p{L}\d][\p{L}\d.:+-]{0,15}\)?)$/u;
/** Most parts a bracketed date is written in (`[2022年 12月 25日 星期日 09:28:16 EST]`: six). */
const MAX_DATE_PARTS = 8;
/**
 * Numbered parts a bracketed date has besides its time: `date` writes the day and the year in every locale (`3` and
 * `2017`, `25日` and `2022年`). A bracket of prose around a time holds one number at most (`[Retry 3 at 12:00:01]`).
 */
const MIN_NUMBERED_DATE_PARTS = 2;
/**
 * A date and time written bracketed in a locale's words at `position`, whose date this reader does not read: the `date`
 * command's output under another LC_TIME (`[mardi 3 janvier 2017, 11:53:28 (UTC+0100)]`, `[2022年 12月 25日 星期日
 * 09:28:16 EST]`) that shell scripts write before each message. Where the bracket ends, or -1. Read as a clock field
 * (no date is guessed): the time of day and numbers beside it (the day and the year), in a few parts of words and numbers,
 * closed before the line's message. A bracket of prose holds more words, or no time, or ends its line.
 */
export function bracketedDateEnd(line: string, position: number): number {
  if (line.charCodeAt(position) !== 91 /* [ */) return -1;
  const close = line.indexOf(']', position + 1);
  if (close < 0 || close - position > 64 || !endsField(line, close + 1) || skipSeparators(line, close + 1) >= line.length) return -1;
  // Most brackets hold no time: one without a `:` is ruled out before its parts are read.
  const colon = line.indexOf(':', position + 1);
  if (colon < 0 || colon > close) return -1;
  const inner = line.slice(position + 1, close);
  if (inner.includes('[')) return -1;
  const parts = inner.split(/[\s,]+/).filter((part) => part.length > 0);
  if (parts.length < 2 || parts.length > MAX_DATE_PARTS) return -1;
  let times = 0;
  let numbered = 0;
  for (const part of parts) {
    if (TIME_OF_DAY.test(part)) times++;
    else if (!DATE_PART.test(part)) return -1;
    else if (/\d/.test(part)) numbered++;
  }
  return times === 1 && numbered >= MIN_NUMBERED_DATE_PARTS ? close + 1 : -1;
}
/**
 * A syslog-like date whose month is a word this reader does not know (`mars 25 14:30:16`, `Mai  3 08:00:01`,
 * `okt. 12 10:20:30`: a journal in another language), at `position`: the end of its time, or -1. Read as a clock
 * field: the header is recognised, but no date is guessed from a month name that cannot be read (English names in
 * either case are read as a timestamp first, see timestamps.ts).
 */
export function monthWordDateEnd(line: string, position: number): number {
  // The month's three to five letters end at a `.` or a space: a text with neither in those places (most words a
  // message opens with) is ruled out before its letters are read (every line behind a program's tag is asked).
  if (!isSpaceOrDot(line.charCodeAt(position + 3)) && !isSpaceOrDot(line.charCodeAt(position + 4)) && !isSpaceOrDot(line.charCodeAt(position + 5))) return -1;
  let at = position;
  while (at - position < 6 && isMonthLetter(line.charCodeAt(at))) at++;
  if (at - position < 3 || at - position > 5) return -1;
  if (line.charCodeAt(at) === 46 /* . */) at++;
  if (line.charCodeAt(at) !== 32) return -1;
  while (line.charCodeAt(at) === 32) at++;
  const dayStart = at;
  while (isDigitCode(line.charCodeAt(at)) && at - dayStart < 3) at++;
  if (at === dayStart || at - dayStart > 2 || line.charCodeAt(at) !== 32) return -1;
  at++;
  if (!isDigitCode(line.charCodeAt(at)) || !isDigitCode(line.charCodeAt(at + 1)) || line.charCodeAt(at + 2) !== 58) return -1;
  if (!isDigitCode(line.charCodeAt(at + 3)) || !isDigitCode(line.charCodeAt(at + 4)) || line.charCodeAt(at + 5) !== 58) return -1;
  if (!isDigitCode(line.charCodeAt(at + 6)) || !isDigitCode(line.charCodeAt(at + 7))) return -1;
  at += 8;
  if (line.charCodeAt(at) === 46 || line.charCodeAt(at) === 44) for (at++; isDigitCode(line.charCodeAt(at)); at++);
  return endsField(line, at) ? at : -1;
}

/**
 * A numeric date whose day and month order neither it nor the file tells (`6/9/2019, 13:09:42`, `12/01/26 05:00:01`,
 * timestamps.ts unorderedDateEnd): a header field like a time of day, read into `out` without a time (a guessed order
 * would be a wrong date).
 */
function undefinedOrderDate(line: string, position: number, out: { end: number }): boolean {
  const end = unorderedDateEnd(line, position);
  if (end < 0 || !endsField(line, end)) return false;
  out.end = end;
  return true;
}

function isSpaceOrDot(c: number): boolean {
  return c === 32 || c === 46;
}

/**
 * A letter of a month name: ASCII, a Latin letter with a diacritic (`févr.`, `Mär`), or a Greek or Cyrillic letter
 * (`фев`, `Φεβ`): a journal written under a Greek or Cyrillic LC_TIME names its months in that script.
 */
function isMonthLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x386 && c <= 0x3ce) || (c >= 0x400 && c <= 0x45f);
}

/** The level that ends a bracket after a slash: `[Server thread/INFO]` (Minecraft, log4j2 `[%t/%level]`). */
const SLASH_LEVEL_AT = new RegExp(String.raw`/(${LEVEL_WORDS})\]`, 'iy');
/** A pid in parentheses before a colon: `[WARNING]  (8) : Server … is DOWN` (HAProxy 2.x). */
const PAREN_PID_AT = /\(\d+\) ?:(?=\s)/y;
/**
 * A level word right after a bracket's time: `: INFO/MainProcess]` (Celery), ` WARNING]`, and one word (the module)
 * before the `]`: `[2026-11-30T10:00:01Z ERROR my_app::db]` (Rust's env_logger).
 */
const LEVEL_AFTER_TIME_AT = new RegExp(String.raw`:? *(${LEVEL_WORDS})(?=[/\]]| +[^\s\]]{1,200}\])`, 'iy');

const SYSLOG_PATTERN = TIMESTAMP_PATTERNS.find((pattern) => pattern.id === 'syslog') as TimestampPattern;

function matchAt(regex: RegExp, line: string, position: number): RegExpExecArray | null {
  regex.lastIndex = position;
  return regex.exec(line);
}

/** The position after the spaces, tabs and `|` at `position` (a loop: this runs between every two header fields). */
function skipSeparators(line: string, position: number): number {
  let end = position;
  for (let c = line.charCodeAt(end); c === 32 || c === 9 || c === 124; c = line.charCodeAt(end)) end++;
  return end;
}

/**
 * Whether the field that ends at `end` (after the one that ends at `before`) stands between aligned separators: a tab,
 * or two spaces or more, before it and before `next` (where the next field starts).
 */
function alignedColumn(line: string, before: number, end: number, next: number): boolean {
  const aligned = (from: number, to: number) => to - from >= 2 || line.charCodeAt(from) === 9;
  const start = skipSeparators(line, before);
  return aligned(before, start) && aligned(end, next);
}

/** End of a balanced [...] starting at `position`, or -1. */
export function bracketEnd(line: string, position: number): number {
  if (line.charCodeAt(position) !== 91) return -1;
  const limit = Math.min(line.length, position + 512);
  // Most brackets hold no other: then the first `]` closes this one (found by indexOf, which scans faster than a loop
  // reads characters).
  const close = line.indexOf(']', position + 1);
  if (close < 0 || close >= limit) return -1;
  const inner = line.indexOf('[', position + 1);
  if (inner < 0 || inner > close) return closesField(line, close);
  let depth = 0;
  for (let i = position; i < limit; i++) {
    const c = line.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return closesField(line, i);
  }
  return -1;
}

/**
 * The text [start, end) holds a standalone arrow: a word made only of `<`, `>`, `-`, `=` that holds `<` or `>` (`<`,
 * `->`, `<--`), between blanks or the text's ends (`[T6a5e4999: gt06 < 10.0.4.115]`, `[5005 -> 201.138.177.5]`).
 * Why such a bracket is no header column: a column names where the line comes from (a thread, a context, a
 * connection), the same on every line of it, while an arrow's direction says which way the data went (received or
 * sent), which is the statement's own text; cut as a header, both directions' lines would read as one statement.
 */
export function holdsArrow(line: string, start: number, end: number): boolean {
  // A column is short and most hold neither `<` nor `>`: read in place, not by nextArrow's indexOf, which runs on to the
  // line's end when the column holds none (twice a bracket column of every line).
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 60 /* < */ || c === 62 /* > */) return nextArrow(line, start, end) !== undefined;
  }
  return false;
}

/** Where a bracketed field whose `]` is at `close` ends: after it when the line ends or a separator follows there, else -1. */
function closesField(line: string, close: number): number {
  const next = line.charCodeAt(close + 1);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 124 || next === 58 || next === 91 ? close + 1 : -1;
}

interface FieldMatch {
  end: number;
  epoch?: number;
  level?: Level;
  component?: string;
  form?: LevelForm;
}

/** LEVEL_WORDS one by one, lower case, the numbered ones written out (`trace1`…`trace8`). */
const LEVEL_WORD_SET = new Set(
  LEVEL_WORDS.split('|').flatMap((word) => {
    const numbered = /^(\w+)\[(\d)-(\d)\]$/.exec(word);
    if (!numbered) return [word];
    return Array.from({ length: Number(numbered[3]) - Number(numbered[2]) + 1 }, (_, i) => `${numbered[1]}${Number(numbered[2]) + i}`);
  }),
);

/** LEVEL_WORD_SET in upper case (its words are lower-case ASCII: `has(word)` here iff `LEVEL_WORD_SET.has(word.toLowerCase())` for an upper-case word). */
const UPPER_LEVEL_WORD_SET = new Set([...LEVEL_WORD_SET].map((word) => word.toUpperCase()));

/**
 * LEVEL_AT's match at a `[` (its first two forms, `[WARN]`, `[ error ]`), read by hand: where it ends and the level
 * word as written; undefined when LEVEL_AT does not match there. The word is what stands between the spaces after `[`
 * and the first space or `]`, one of LEVEL_WORDS in any ASCII case; then spaces, `]`, and either a `[` or an optional
 * `:`/`,` before white space, `|` or the end.
 */
export function readBracketedLevel(line: string, position: number): { end: number; word: string } | undefined {
  let start = position + 1;
  while (line.charCodeAt(start) === 32) start++;
  let wordEnd = start;
  for (let c = line.charCodeAt(wordEnd); wordEnd < line.length && c !== 32 && c !== 93; c = line.charCodeAt(++wordEnd)) if (c >= 128) return undefined;
  let close = wordEnd;
  while (line.charCodeAt(close) === 32) close++;
  if (line.charCodeAt(close) !== 93 || wordEnd - start > LONGEST_LEVEL_WORD) return undefined;
  const word = knownLevelWord(line, start, wordEnd) ?? bracketedLogWord(line, start, wordEnd);
  if (word === undefined) return undefined;
  const next = line.charCodeAt(close + 1);
  if (next === 91 /* [ */) return { end: close + 1, word };
  const end = next === 58 || next === 44 ? close + 2 : close + 1; /* : , */
  // A colon glued to the level and to a `name:` after it (`[   INFO]:main: Log started`, a C logger's file form of its
  // `[   INFO] main: …` console line) closes the level column as `] ` does: the name is the line's component.
  if (next === 58 && componentEnd(line, end) > end) return { end, word };
  return endsField(line, end, true) ? { end, word } : undefined;
}

const LONGEST_LEVEL_WORD = Math.max(...[...LEVEL_WORD_SET].map((word) => word.length));

/**
 * `LOG` in capitals written in a level's brackets (`[LOG]`, padded `[  LOG]`), else undefined: the ordinary level of
 * loggers that print their level bracketed beside `[WARN]`, `[ERR]`, `[FATAL]` (Hyprland's `[LOG]`, forked-daapd's and
 * OwnTone's `[  LOG]`, MagicMirror's console wrapper), as PostgreSQL writes `LOG:` for its. A bracket is a column, not
 * prose, so the word there is the level column's; bare, `LOG` opening a message stays a word (COLUMN_ONLY_LEVELS).
 */
function bracketedLogWord(line: string, start: number, end: number): string | undefined {
  return end - start === 3 && line.startsWith('LOG', start) ? 'LOG' : undefined;
}

/**
 * Level words as written that were found in LEVEL_WORD_SET (in any case), at most RECENT_LEVEL_WORDS of them: a file
 * writes its few level words on every line, and comparing the line's characters with them costs less than cutting the
 * word out and hashing it. Whether a word is one is a property of its characters alone, so a word found here is one.
 */
const recentLevelWords: string[] = [];
const RECENT_LEVEL_WORDS = 16;
let nextRecentLevelWord = 0;

/** line[start, end) when it is one of LEVEL_WORDS in any ASCII case (the string as written), else undefined. */
function knownLevelWord(line: string, start: number, end: number): string | undefined {
  const length = end - start;
  for (const known of recentLevelWords) if (known.length === length && line.startsWith(known, start)) return known;
  const word = line.slice(start, end);
  // As written in lower or upper case (nearly every file) without a lower-cased copy of the word per line.
  if (!LEVEL_WORD_SET.has(word) && !UPPER_LEVEL_WORD_SET.has(word) && !LEVEL_WORD_SET.has(word.toLowerCase())) return undefined;
  recentLevelWords[nextRecentLevelWord] = word;
  nextRecentLevelWord = (nextRecentLevelWord + 1) % RECENT_LEVEL_WORDS;
  return word;
}

/**
 * The level of the bracketed level word at the `[` at `position` (`[WARN]`, `[ error ]`, `[LOG]`) and where its field
 * ends, as the level reader takes it there first; undefined when none is written there (the reader tries other forms).
 */
export function bracketedLevelAt(line: string, position: number): { end: number; level: Level } | undefined {
  // LEVEL_AT at a `[` without running it (its match array and captures cost every line of a `[LEVEL]` file).
  const bracketed = readBracketedLevel(line, position);
  const level = bracketed && (normalizeLevel(bracketed.word) ?? COLUMN_ONLY_LEVELS.get(bracketed.word));
  return bracketed && level ? { end: bracketed.end, level } : undefined;
}

/**
 * The level of the bare level word in ASCII capitals at `position` (`INFO`, `WARNING`: one of LEVEL_WORDS) that a space
 * follows, and where the word ends; undefined for any other text there. It is what a level field reads there (LEVEL_AT's
 * bare form: no phrase, no Python `LEVEL:name:` form, and a word in capitals never opens a message), but for the colon
 * of a padded column (`INFO    : message`, paddedColonEnd), which a caller must rule out itself. A compiled reader's
 * reading of a plain level column (compiled-header.ts), without running LEVEL_AT on every line.
 */
export function upperLevelWordAt(line: string, position: number): { end: number; level: Level } | undefined {
  let end = position;
  for (let c = line.charCodeAt(end); c >= 65 && c <= 90; c = line.charCodeAt(++end));
  if (end - position < 2 || line.charCodeAt(end) !== 32) return undefined;
  const word = knownLevelWord(line, position, end);
  const level = word === undefined ? undefined : normalizeLevel(word);
  return level === undefined ? undefined : { end, level };
}

function matchLevel(line: string, position: number, context: TimestampContext): FieldMatch | undefined {
  if (line.charCodeAt(position) === 91 /* [ */) {
    const bracketed = bracketedLevelAt(line, position);
    if (bracketed) return bracketed;
  } else {
    const python = matchAt(PYTHON_BASIC_AT, line, position);
    if (python) return { end: position + python[0].length, level: normalizeLevel(python[1]), component: python[2] };
    const m = matchAt(LEVEL_AT, line, position);
    if (m) {
      const level = m[5] !== undefined ? angleLevel(m[5]) : normalizeLevel(m[1] ?? m[2] ?? (m[3] !== undefined ? `<${m[3]}>` : m[4]));
      if (level) return { end: paddedColonEnd(line, position + m[0].length), level };
    }
  }
  const qualified = matchAt(QUALIFIED_LEVEL_AT, line, position) ?? matchAt(NAMED_LEVEL_AT, line, position);
  if (qualified) {
    const level = normalizeLevel(qualified[2]);
    if (level) return { end: position + qualified[0].length, level, component: qualified[1] };
  }
  const letter = matchAt(LEVEL_LETTER_AT, line, position);
  if (letter) return { end: position + letter[0].length, level: normalizeLevel(letter[1]) };
  const upper = matchAt(UPPER_CASE_LEVEL_AT, line, position);
  if (upper) return { end: position + upper[0].length, level: normalizeLevel(upper[1]) };
  const glued = matchAt(GLUED_LEVEL_LETTER_AT, line, position);
  if (glued && timestampStartsAt(line, position + glued[0].length, context)) return { end: position + glued[0].length, level: normalizeLevel(glued[1] ?? glued[2]) };
  return matchLevelForm(line, position, context);
}

/**
 * After a level word at `end`, the end of the colon that closes its padded column (`INFO    : message`, Python's
 * `%(levelname)-8s: `), or `end` when spaces and a colon before a space do not follow.
 */
function paddedColonEnd(line: string, end: number): number {
  if (line.charCodeAt(end) !== 32) return end;
  let at = end;
  while (line.charCodeAt(at) === 32 && at - end < 16) at++;
  return line.charCodeAt(at) === 58 && endsField(line, at + 1) ? at + 1 : end;
}

/**
 * The time that opens a bracket's text at `position`, followed by a space, `]` or `: `; with `leveled` (not false), the
 * level word right after it, when one is written there.
 */
function timeInside(line: string, position: number, context: TimestampContext, leveled: boolean | undefined): { epoch?: number; level?: Level } {
  // A bracket padded inside (`[ 2019-04-04 11:33:08.4726 17814/7f39af24f700 …:657 ]:`, Phusion Passenger) holds its time
  // after the space: read there, its lines had no time and a time filter dropped them all.
  if (line.charCodeAt(position) === 32 && line.charCodeAt(position + 1) !== 32) position++;
  for (const pattern of timestampPatternsAt(line, position)) {
    const m = matchTimestampAt(line, position, pattern, context);
    if (m?.epoch === undefined) continue;
    const next = line.charCodeAt(m.end);
    if (next !== 32 && next !== 93 && !(next === 58 && line.charCodeAt(m.end + 1) === 32)) continue;
    if (leveled === false || next === 93) return { epoch: m.epoch };
    const word = matchAt(LEVEL_AFTER_TIME_AT, line, m.end);
    return { epoch: m.epoch, level: word ? normalizeLevel(word[1]) : undefined };
  }
  return {};
}

/** The level written after the last `/` of the bracket [position, end) (`[Server thread/INFO]`), or undefined. */
export function slashLevel(line: string, position: number, end: number): Level | undefined {
  const close = line.charCodeAt(end - 1) === 93 ? end - 1 : end - 2;
  // The last `/` up to `close`, looked for only where it may stand (after `position`, at most 16 before `close`): asked
  // of every bracket column of every line, where lastIndexOf (a C++ builtin in V8) would read back to the line's start.
  const low = Math.max(position + 1, close - 16);
  let slash = close;
  while (slash >= low && line.charCodeAt(slash) !== 47 /* / */) slash--;
  if (slash < low) return undefined;
  const m = matchAt(SLASH_LEVEL_AT, line, slash);
  return m && slash + m[0].length === close + 1 ? normalizeLevel(m[1]) : undefined;
}

function timestampStartsAt(line: string, position: number, context: TimestampContext): boolean {
  for (const pattern of timestampPatternsAt(line, position)) if (matchTimestampAt(line, position, pattern, context)?.epoch !== undefined) return true;
  return false;
}

/** Matches one field of a known kind at `position` (for reading a header: a new match each time). */
function matchField(field: HeaderField, line: string, position: number, context: TimestampContext): FieldMatch | undefined {
  // Made with every field readField writes: one that gains them one by one changes its shape and grows a property store
  // on each of the thousands of calls learning a header makes.
  const out: FieldMatch = { end: -1, epoch: undefined, level: undefined, component: undefined, form: undefined };
  return readField(field, line, position, context, out, true) ? out : undefined;
}

/**
 * Reads one field of a known kind at `position` into `out` (its end and what it says; the other members undefined):
 * true when it matches there. The hot path reuses one `out` for every field of a line.
 */
function readField(field: HeaderField, line: string, position: number, context: TimestampContext, out: FieldMatch, learning = false): boolean {
  out.epoch = undefined;
  out.level = undefined;
  out.component = undefined;
  out.form = undefined;
  switch (field.kind) {
    case 'timestamp': {
      const m = matchTimestampAt(line, position, field.pattern as TimestampPattern, context);
      if (!m) return false;
      // The `,` or `:` that closes a time field is the header's (`…:40: MQTT publish`, `1530826284: New connection`).
      const next = line.charCodeAt(m.end);
      out.end = next === 44 /* , */ || (next === 58 /* : */ && endsField(line, m.end + 1)) ? m.end + 1 : m.end;
      out.epoch = m.epoch;
      return true;
    }
    case 'level': {
      if (!field.marks) {
        // A word only a level column holds (`LOG`) is read where the file's learned level field stands.
        // An object log's module and type without their level word stand where the file's others write theirs.
        const m: FieldMatch | undefined = levelPhraseAt(line, position) ?? matchLevel(line, position, context) ?? columnOnlyLevelAt(line, position, field.bracketed) ?? (field.form === 'object-level' ? objectColumn(line, position) : undefined);
        if (!m) return false;
        if (field.capitals && !learning && opensMessage(line, position)) return false;
        out.end = m.end;
        out.epoch = m.epoch;
        out.level = m.level;
        out.component = m.component;
        out.form = m.form;
        return true;
      }
      const mark = matchAt(LEVEL_MARK_AT, line, position);
      if (!mark) return false;
      out.end = position + 1;
      out.level = LEVEL_MARKS[mark[1]];
      return true;
    }
    case 'number':
      out.end = numberEnd(line, position);
      return out.end >= 0;
    case 'pid': {
      if (isDigitCode(line.charCodeAt(position))) return gluedPidEnd(line, position, context, out);
      const pid = line.charCodeAt(position) === 40 ? matchAt(PAREN_PID_AT, line, position) : null;
      if (pid) out.end = position + pid[0].length;
      return pid !== null;
    }
    case 'bracket': {
      const end = bracketEnd(line, position);
      if (end < 0) return false;
      // A bracket that holds an arrow is the message's on a line of a learned header (holdsArrow); the header is still
      // learned from it, so that the file's other lines keep their bracket column cut.
      if (!learning && holdsArrow(line, position + 1, end - 1)) return false;
      out.end = line.charCodeAt(end) === 58 ? end + 1 : end;
      // `[2024-06-01T12:30:45.123456 #1234]` (Ruby Logger): a time followed by more inside the brackets still dates the line.
      if (field.timed !== false) {
        const { epoch, level } = timeInside(line, position + 1, context, field.leveled);
        out.epoch = epoch;
        out.level = level;
      }
      if (out.epoch === undefined && field.leveled !== false) out.level ??= slashLevel(line, position, end);
      if (field.levelWords && out.epoch === undefined) out.level ??= columnLevel(columnValue('bracket', line, position, out.end));
      return true;
    }
    case 'clock': {
      const dated = monthWordDateEnd(line, position);
      if (dated >= 0) {
        out.end = dated;
        // A line of the same file with a month name that can be read (the journal in English) keeps its date.
        out.epoch = matchTimestampAt(line, position, SYSLOG_PATTERN, context)?.epoch ?? localizedMonthEpoch(line.slice(position, dated), context);
        return true;
      }
      const m = matchAt(CLOCK_AT, line, position);
      if (!m) {
        const leveled = line.charCodeAt(position) === 91 ? matchAt(CLOCK_LEVEL_AT, line, position) : null;
        if (leveled) {
          out.end = position + leveled[0].length;
          out.level = normalizeLevel(leveled[1]);
          return true;
        }
        // A bracket that opens with a time this reader does read (`[2020-10-20 12:38:37.223 29492M]`) is a timed bracket.
        const bracketed = bracketedDateEnd(line, position);
        if (bracketed < 0 || timeInside(line, position + 1, context, false).epoch !== undefined) return undefinedOrderDate(line, position, out);
        out.end = bracketed;
        return true;
      }
      out.end = position + m[0].length;
      return true;
    }
    case 'paren': {
      if (line.charCodeAt(position) !== 40 /* ( */) return false;
      const m = matchAt(PAREN_AT, line, position);
      if (!m) return false;
      out.end = position + m[0].length;
      return true;
    }
    case 'uptime': {
      if (line.charCodeAt(position) !== 91 /* [ */) return false;
      const m = matchAt(UPTIME_AT, line, position);
      if (!m) return false;
      out.end = position + m[0].length;
      return true;
    }
    case 'component':
      // A form learned from programs' tags with their ids (learnForms) reads only such a tag: a statement's own `key:`
      // after the time is no column of it.
      if (!readComponent(line, position, out) || (field.tagged && !taggedComponentEnd(line, out.end))) return false;
      if (field.levelWords) {
        // The column's value is the line's level, not a program's name.
        out.level = columnLevel(columnValue('component', line, position, out.end));
        if (out.level !== undefined) out.component = undefined;
      }
      return true;
    case 'logger': {
      const name = loggerAt(line, position);
      if (name === undefined) return false;
      out.end = position + name.length;
      out.component = name;
      return true;
    }
    case 'word':
      out.end = wordEnd(line, position);
      // A word that opens a quote it does not close (`msg="Listening` of `msg="Listening for queries" subsystem=…`) is
      // the start of a quoted value running on into the message: no column (a host, a thread) holds half a quotation.
      if (out.end >= 0 && opensQuote(line, position, out.end)) return false;
      // Nor is a month's name opening a date (`juil. 25 02:16:24` where the file's lines open with a service's name):
      // a journal's line from a machine with another LC_TIME, whose own header is its date.
      if (out.end >= 0 && out.end - position <= 6 && monthWordDateEnd(line, position) >= 0) return false;
      if (field.levelWords && out.end >= 0) out.level = columnLevel(line.slice(position, out.end));
      return out.end >= 0;
  }
}

/**
 * A Java logger's name after the thread and context fields, without a colon: lower-case package segments (whole or
 * cut to their initials, log4j's `%c{1.}`) then the class (`o.a.s.c.CoreContainer`, `org.eclipse.jetty.server.Server`).
 * Not one padded to a column and closed by a lone `:` (Spring Boot's): not every logger there has this shape (nested
 * classes, `o.a.c.c.C.[.[.[/]`), and the file's lines must keep that column alike.
 */
const LOGGER_AT = /(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?=\s)(?!\s*:(?:\s|$))/y;

/** The Java logger's name a `logger` field reads at `position` (LOGGER_AT: `com.app.Jobs` before a blank), else undefined. */
export function loggerAt(line: string, position: number): string | undefined {
  return matchAt(LOGGER_AT, line, position)?.[0];
}

/** A `name:` field (a program, a logger, Monolog's `app.ERROR:`, PostgreSQL's `ERROR:`) at `position`, into `out`. */
function readComponent(line: string, position: number, out: FieldMatch): boolean {
  let end = componentEnd(line, position);
  if (end < 0) {
    const location = matchAt(SOURCE_LOCATION_AT, line, position);
    if (location) end = position + location[0].length;
  }
  if (end < 0 || !balanced(line, position, end)) return false;
  // An exception's class (`java.net.ConnectException: …`) is the statement's subject, not a logger's column.
  if (isExceptionName(line, position, end - 1)) return false;
  out.end = end;
  // The name is only cut out as a string when it may be a level (most are not: checked on its characters first).
  if (mayBeChannelLevel(line, position)) {
    const name = line.slice(position, end);
    const level = channelLevel(name);
    // `app.ERROR:` (Monolog) names the channel and the level.
    if (level) {
      out.component = name.slice(0, name.lastIndexOf('.'));
      out.level = level;
      return true;
    }
  }
  // PostgreSQL writes `LOG:`, `STATEMENT:` and `ERROR:`, `WARNING:` at one place: the latter are levels.
  const first = line.charCodeAt(position);
  if (end - position >= 4 && end - position <= UPPER_LEVEL_WORD_MAX && first >= 65 && first <= 90) {
    const word = UPPER_LEVEL_WORD.exec(line.slice(position, end));
    if (word) {
      out.level = normalizeLevel(word[1]);
      return true;
    }
  }
  out.component = line.slice(position, end - 1);
  return true;
}

/** Whether [start, end) of `line` holds a `="` and then an odd number of `"` (a `key="value` cut at a space). */
export function opensQuote(line: string, start: number, end: number): boolean {
  let quotes = -1;
  for (let i = start + 1; i < end; i++) {
    if (line.charCodeAt(i) !== 34 /* " */) continue;
    if (quotes >= 0) quotes++;
    else if (line.charCodeAt(i - 1) === 61 /* = */) quotes = 1;
  }
  return quotes % 2 === 1;
}

/** End of WORD_AT's match at `position` (`[^\s|]+`), or -1. */
export function wordEnd(line: string, position: number): number {
  let end = position;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (c === 124 || isWhiteSpace(c)) break;
    end++;
  }
  return end > position ? end : -1;
}

/** End of NUMBER_AT's match at `position` (digits, then white space, `|` or the end), or -1. */
export function numberEnd(line: string, position: number): number {
  let end = position;
  while (isDigitCode(line.charCodeAt(end))) end++;
  return end > position && endsField(line, end, true) ? end : -1;
}

/** Whether `at` is the end of `line` or white space (or, with `pipe`, a `|`): the lookahead `(?=\s|$)`. */
function endsField(line: string, at: number, pipe = false): boolean {
  if (at >= line.length) return true;
  const c = line.charCodeAt(at);
  return isWhiteSpace(c) || (pipe && c === 124);
}

/**
 * End of COMPONENT_AT's match at `position`, or -1: the shortest run of non-space characters (not starting with a
 * space, `:`, `[` or `]`) that ends in a `:` followed by white space or the end of the line, where that `:` may come
 * after a ` (…)` without spaces inside (`su (pam_unix):`). Read by hand: it runs on every line of a syslog file.
 */
export function componentEnd(line: string, position: number): number {
  const first = line.charCodeAt(position);
  if (position >= line.length || first === 58 || first === 91 || first === 93 || isWhiteSpace(first)) return -1;
  for (let at = position + 1; at <= line.length; at++) {
    const c = line.charCodeAt(at);
    if (c === 32 && line.charCodeAt(at + 1) === 40) {
      let close = at + 2;
      for (let d = line.charCodeAt(close); close < line.length && d !== 41 && !isWhiteSpace(d); d = line.charCodeAt(++close));
      if (line.charCodeAt(close) === 41 && line.charCodeAt(close + 1) === 58 && endsField(line, close + 2)) return close + 2;
    }
    if (c === 58 && endsField(line, at + 1)) return at + 1;
    if (c === 32) return qualifiedName(line, position, at) ? callerLineEnd(line, at + 1) : -1;
    if (at >= line.length || isWhiteSpace(c)) return -1;
  }
  return -1;
}

/**
 * After a qualified name or a path and one space at `at`, the end of the line number in brackets that closes a caller's
 * column (`[231]:` of `UM.PluginRegistry.loadPlugin [231]:`, `(loadPlugin [63]):` after a source path), or -1. A
 * logger that writes where it was called (Python's `%(name)s.%(funcName)s [%(lineno)s]:` or `%(pathname)s
 * (%(funcName)s [%(lineno)s]):`, as Uranium's does) closes its header so; a message's first word is not followed by a
 * bracketed number and a colon.
 */
function callerLineEnd(line: string, at: number): number {
  let paren = false;
  if (line.charCodeAt(at) === 40 /* ( */) {
    paren = true;
    const name = ++at;
    while (at < line.length && isNameCode(line.charCodeAt(at))) at++;
    if (at === name || line.charCodeAt(at++) !== 32) return -1;
  }
  if (line.charCodeAt(at++) !== 91 /* [ */) return -1;
  const digits = at;
  while (isDigitCode(line.charCodeAt(at))) at++;
  if (at === digits || at - digits > 6 || line.charCodeAt(at++) !== 93 /* ] */) return -1;
  if (paren && line.charCodeAt(at++) !== 41 /* ) */) return -1;
  return line.charCodeAt(at) === 58 && endsField(line, at + 1) ? at + 1 : -1;
}

/**
 * Whether line[start, end) is a qualified name or a path (`UM.Logger.info`, `D:\UM\Preferences.py`), as a caller's is.
 * A dotted name without a path's separator must be a module's: every segment opens with a letter or `_` (a version,
 * `v1.2`, or an address, `10.0.0.5`, opening a message is none).
 */
function qualifiedName(line: string, start: number, end: number): boolean {
  let dotted = false;
  let segmentStart = true;
  let module = true;
  for (let at = start; at < end; at++) {
    const c = line.charCodeAt(at);
    if (c === 47 /* / */ || c === 92 /* \ */) return true;
    if (c === 46 /* . */) {
      dotted = true;
      segmentStart = true;
      continue;
    }
    if (segmentStart && !(isAsciiLetter(c) || c === 95)) module = false;
    segmentStart = false;
  }
  return dotted && module && !segmentStart;
}

/** Whether `c` may stand in a function's name: an ASCII letter, digit or `_`. */
function isNameCode(c: number): boolean {
  return isAsciiLetter(c) || isDigitCode(c) || c === 95;
}

/**
 * Whether the text line[start, end) has as many `(` as `)`: `sshd(pam_unix)[20898]:` names a component, while `(110:`
 * in `upstream timed out (110: Connection timed out)` is the message's own text cut in the middle of a parenthesis.
 */
export function balanced(text: string, start: number, end: number): boolean {
  // Most names hold no parenthesis: indexOf rules both out faster than a loop reads the name.
  const open = text.indexOf('(', start);
  const close = text.indexOf(')', start);
  if ((open < 0 || open >= end) && (close < 0 || close >= end)) return true;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth < 0) return false;
  }
  return depth === 0;
}

function isStrong(kind: FieldKind): boolean {
  // An uptime stamp is strong: it opens every line of a dmesg or Xorg log the way a time does.
  return kind !== 'word' && kind !== 'number';
}

/** Greedy reading of one line's header: what fields it seems to start with. */
export function guessHeader(line: string, context: TimestampContext = {}, lone = false): HeaderField[] {
  return readHeader(line, context, lone).fields;
}

/** A line's header as readHeader reads it: its fields, and how many of them from the first are followed by a tab. */
interface HeaderReading {
  fields: HeaderField[];
  tabbed: number;
}

/**
 * Set by readHeader, reading a line alone, when a rule of lines read alone refused a field the line holds there (an
 * epoch after a word, a bare short level, a `name:` after one word, a parenthesis after a word): only then may the line
 * read otherwise as a line of its file. Up to such a refusal both readings take the same steps, so a line without one
 * reads the same. A rule that refuses a field the line does not hold there changes nothing, and is not marked.
 */
interface LoneRefusal {
  refused: boolean;
}

/**
 * guessHeader's fields, and `tabbed`: how many of them, from the first, are followed by a tab (a tab-separated record
 * such as `<time>\t<request id>\tERROR\t<message>`; prose is not written with tabs between its first words).
 * `refusal` (with `lone`): marked when a rule of lines read alone refused a field (LoneRefusal).
 */
function readHeader(line: string, context: TimestampContext, lone = false, refusal?: LoneRefusal): HeaderReading {
  const fields: HeaderField[] = [];
  const ends: number[] = [];
  let position = skipSeparators(line, 0);
  let hasLevel = false;
  // A line names its component once: after `[core:error]`, a `word:` (Apache's `AH00037:`) is the message's own.
  let hasComponent = false;
  // Words (not numbers: pids, thread ids) read since the last strong field: past one, the line may already be prose.
  let wordsSinceStrong = 0;
  // The same, lone dashes between columns left out (a level may follow `<time> - name - 12 -`).
  let namesSinceStrong = 0;
  // Whether a field read so far ended in a colon (`[module]:`, `INFO:`, `tag[12]:`): see below.
  let colonClosed = false;
  // Which fields are lone dashes between columns (see below).
  const separators: boolean[] = [];
  while (fields.length < MAX_HEADER_FIELDS && position < line.length) {
    // A lone dash after the level separates the header from the message (`{models.py:126} INFO - Loaded DAG …`): what
    // follows is text, even when it looks like fields (`Loaded DAG <DAG:`).
    // A caller's column after that dash (`- INFO - UM.Controller.setActiveView [81]: …`, with the thread before it:
    // `- INFO - [MainThread] UM.Logger.info [122]: …`) still closes the header: a line number is no message's word.
    if (hasLevel && isLoneDash(line, position) && !(hasComponent === false && callerAfterDash(line, position))) break;
    let field: HeaderField | undefined;
    let end = -1;
    // Only the forms that may start at this character (timestampPatternsAt, in TIMESTAMP_PATTERNS' order): the others
    // read no time here.
    for (const pattern of timestampPatternsAt(line, position)) {
      // On a line read alone, ten digits after a word are the message's value (`session 1832770766 renewed`), not a time.
      if (lone && wordsSinceStrong > 0 && pattern.id === 'epoch') {
        if (refusal && matchField({ kind: 'timestamp', pattern }, line, position, context)?.epoch !== undefined) refusal.refused = true;
        continue;
      }
      const m = matchField({ kind: 'timestamp', pattern }, line, position, context);
      if (m && m.epoch !== undefined) {
        field = { kind: 'timestamp', pattern };
        end = m.end;
        break;
      }
    }
    // A level mark (`.-*#`) right after a day-first time with a month name: Redis's `01 Jun 2024 12:30:45.123 * …`, and
    // its 2.x `04 Dec 10:00:00.123 # …` without a year; nowhere else is a mark a level. Without a year the same time opens
    // lines whose `-` only separates (Node-RED's `25 Jan 20:25:10 - [info] …`): there a dash alone is no evidence, and
    // the column is learned from the lines whose mark no separator writes (`*`, `#`, `.`).
    if (!field && !hasLevel && markedTime(fields.at(-1)?.pattern?.id, line, position) && matchAt(LEVEL_MARK_AT, line, position)) {
      field = { kind: 'level', marks: true };
      end = position + 1;
      hasLevel = true;
    }
    if (!field && !hasLevel) {
      const m = matchLevel(line, position, context);
      const placed = m !== undefined && (namesSinceStrong < 2 || isSpelledOutLevel(line, position, m.end));
      const refused = placed && lone && (isShortBareLevel(line, position, m.end) || isNounOfPhrase(fields, line, ends, position) || isStatusLetter(fields, line, position, m.end, context));
      if (refused && refusal) refusal.refused = true;
      if (placed && !refused) {
        field = { kind: 'level', bracketed: line.charCodeAt(position) === 91 };
        const form = m.form;
        if (form) field.form = form;
        end = m.end;
        hasLevel = true;
        // An editor's output channel writes the message right after its `[Info  - 3:49:35 PM]`: a `Directory:` there
        // is the message's first word, no program's name.
        hasComponent = m.component !== undefined || form === 'level-clock';
      }
    }
    if (!field) {
      // The logger follows the thread or the context (`(main) [   ] o.a.s.c.CoreContainer …`, log4j's `%t %X %c`).
      // So does log4j2's and logback's default `%d [%t] %-5level %logger - %msg`: the level between thread and logger.
      const threadKind = (f: HeaderField | undefined) => f?.kind === 'paren' || f?.kind === 'bracket';
      // A bare thread name after the level is a column too when the line aligns its columns (a tab or two spaces
      // or more on either side of it: `INFO    main    io.trino.server.PluginManager   Registering …`, airlift's
      // `%d\t%p\t%t\t%c\t%m`): prose puts one space between its words.
      const afterThread =
        hasLevel &&
        (threadKind(fields.at(-1)) || (fields.at(-1)?.kind === 'level' && threadKind(fields.at(-2))) || (fields.at(-1)?.kind === 'word' && fields.at(-2)?.kind === 'level' && alignedColumn(line, ends[ends.length - 2], ends[ends.length - 1], position)));
      for (const kind of ['uptime', 'clock', 'bracket', 'pid', 'paren', 'number', 'logger', 'component', 'word'] as const) {
        if (kind === 'logger' && !afterThread) continue;
        // Only a line's first field may be a time of day: further in, `12:30:00` is the message's. A whole date whose
        // order is unknown (`[Nest] 19 - 12/01/2026, 5:00:01 AM`) is a header's wherever it stands, as a date with a
        // part above 12 is (a timestamp): the line's level and message follow it on the 1st-12th of a month too.
        if (kind === 'clock' && fields.length > 0 && unorderedDateEnd(line, position) < 0) continue;
        // A program's `name:` follows a strong field or one word (a host); after more words it is the message's own
        // `key:` (`-> Total DNS queries: 57706`).
        if (kind === 'component' && (hasComponent || wordsSinceStrong > 1)) continue;
        if (kind === 'component' && lone && wordsSinceStrong === 1 && !afterSyslogTime(fields, line, position)) {
          if (refusal && matchField({ kind }, line, position, context)) refusal.refused = true;
          continue;
        }
        // A thread's parenthesis follows a time, a level or a bracket; on a line read alone, one after a word is the
        // message's (`Error: Child (31885) died signal=6`: the syslog lines of the same file print `Child (N) died`).
        if (kind === 'paren' && lone && wordsSinceStrong > 0) {
          if (refusal && matchField({ kind }, line, position, context)) refusal.refused = true;
          continue;
        }
        const m = matchField({ kind }, line, position, context);
        if (m) {
          field = kind === 'bracket' ? { kind, timed: m.epoch !== undefined, leveled: m.level !== undefined } : { kind };
          if (kind === 'clock' && monthWordDateEnd(line, position) >= 0) field.monthWord = m.epoch === undefined;
          if (m.level !== undefined) hasLevel = true;
          end = m.end;
          break;
        }
      }
    }
    if (!field) break;
    // A colon closes a header: writers put it where their prefix stops and the message starts (syslog's `tag[12]:`,
    // `[module]:`, `INFO:`), so what follows it is the message, even when its first words look like fields (`[Source]:
    // Backend event: Put`, `INFO: TCP: listening on`, `client: [8] process command`). Only a time or a level may still
    // follow: a program writes its own at its message's start (`unbound[1:0] error:`, `kernel: [ 12.3] usb 1-1: …`).
    if (colonClosed && !isTimeOrLevel(field.kind) && !field.timed && !field.leveled) break;
    colonClosed ||= (field.kind === 'bracket' || field.kind === 'paren' || field.kind === 'pid') && line.charCodeAt(end - 1) === 58;
    // A lone dash between a header's columns separates them (Python logging's `%(asctime)s - %(name)s - %(lineno)d -
    // %(levelname)s - …`): no word of the line, so it counts toward no run of words.
    const separator = field.kind === 'word' && isLoneDash(line, position);
    if (isStrong(field.kind)) wordsSinceStrong = namesSinceStrong = 0;
    else if (field.kind === 'word') {
      wordsSinceStrong++;
      if (!separator) namesSinceStrong++;
    }
    // After the thread, a `word:` is the message's own: JBoss's message ids (`JBAS015400: Bound mail session`).
    if (field.kind === 'paren') hasComponent = true;
    const start = position;
    fields.push(field);
    ends.push(end);
    separators.push(separator);
    position = skipSeparators(line, end);
    // A source file's line closed by a colon (Go's `Lshortfile`, C's `__FILE__:__LINE__:`) is the program's location
    // column, and a level column may follow it (`scanner.c:703: warn: Scanning …`, `mod.rs:345: [INFO] Release Version:
    // …`, `routes.go:1006: INFO server config`): that level is the line's, read as the header's last field. Written as
    // a column writes it (bracketed, closed by a colon, or in capitals): `main.go:12: error opening file` is Go's
    // `log.Printf("error opening file")`, the statement's own word.
    if (field.kind === 'component' && !hasLevel && sourceLineEnd(line, start, end) && columnShapedLevel(line, position) && matchLevel(line, position, context)) continue;
    if (field.kind === 'component' || field.kind === 'logger' || (field.kind === 'uptime' && indentedAfter(line, end))) break;
    if (field.kind === 'level' && fields.at(-2)?.kind === 'component') break;
  }
  // The header ends at its last strong field; a long run of weak fields is already the message.
  let last = -1;
  let weakRun = 0;
  for (let i = 0; i < fields.length; i++) {
    if (isStrong(fields[i].kind)) {
      last = i;
      weakRun = 0;
    } else if (!separators[i] && ++weakRun > MAX_WEAK_RUN) break;
  }
  const header = leaveMessage(fields.slice(0, last + 1), ends, line);
  let tabbed = 0;
  while (tabbed < header.length && /^[ |]*\t/.test(line.slice(ends[tabbed], ends[tabbed] + 8))) tabbed++;
  return { fields: header, tabbed };
}

/**
 * A header read must leave a message: fields that would read a line to its end (`<time> Selected source <ip> (<name>)`,
 * whose paren looked like a thread's) are the message's words. Trailing fields other than a time or level are dropped
 * until text is left, then back to the last strong field. `ends[i]`: where field i ends in `line`.
 */
function leaveMessage(header: HeaderField[], ends: number[], line: string): HeaderField[] {
  if (header.length === 0) return header;
  if (isKeyOfValue(header, ends, line)) return header.slice(0, -1);
  if (skipSeparators(line, ends[header.length - 1]) < line.length) return header;
  let keep = header.length;
  // A time ending the line after a word of it (`<time> - started at 2018-03-21 21:24:37 UTC`) is the message's: a
  // header read so would leave no message at all. A line of a time and level alone (an entry whose text is on the lines
  // below) has no word before its last field, and keeps its header.
  if (keep >= 2 && isTime(header[keep - 1].kind) && header[keep - 2].kind === 'word' && !isLoneDash(line, skipSeparators(line, ends[keep - 3] ?? 0))) keep--;
  while (keep > 0 && skipSeparators(line, ends[keep - 1]) >= line.length && !isTimeOrLevel(header[keep - 1].kind)) keep--;
  while (keep > 0 && !isStrong(header[keep - 1].kind)) keep--;
  return keep === header.length ? header : header.slice(0, keep);
}

/**
 * The header ends in a bare `name:` right after the time, followed by one word and the line's end (`<time> nodename:
 * box.lan`, `<time> machine: x86_64`): a `key: value` message, not a program's tag with its message.
 */
function isKeyOfValue(header: HeaderField[], ends: number[], line: string): boolean {
  const last = header.length - 1;
  // Right after the time: a program's tag follows a host, a pid or a level, which vouch for it.
  if (header[last].kind !== 'component' || last === 0 || header[last - 1].kind !== 'timestamp') return false;
  const start = skipSeparators(line, ends[last - 1]);
  if (!/^[A-Za-z][\w.-]*:$/.test(line.slice(start, ends[last]))) return false;
  const rest = skipSeparators(line, ends[last]);
  return rest < line.length && !/\s/.test(line.slice(rest).trimEnd());
}

function isTime(kind: FieldKind): boolean {
  return kind === 'timestamp' || kind === 'clock';
}

function isTimeOrLevel(kind: FieldKind): boolean {
  return kind === 'timestamp' || kind === 'level' || kind === 'uptime' || kind === 'clock';
}

/** One field's part of a signature. */
function fieldSignature(f: HeaderField): string {
  return f.kind === 'timestamp' ? `ts:${f.pattern?.id}` : f.marks ? 'level:marks' : f.leveled ? (f.timed ? 'bracket:ts:level' : 'bracket:level') : f.timed ? 'bracket:ts' : f.kind;
}

export function signature(fields: HeaderField[]): string {
  return fields.map(fieldSignature).join(' ');
}

/**
 * The signature of each run of `fields` from the first: element i is `signature(fields.slice(0, i + 1))`, each built
 * on the one before (learning counts every run of every sample line, and a run's signature from scratch was a cost).
 */
function prefixSignatures(fields: HeaderField[]): string[] {
  const keys: string[] = [];
  let key = '';
  for (let i = 0; i < fields.length; i++) {
    key = i === 0 ? fieldSignature(fields[0]) : `${key} ${fieldSignature(fields[i])}`;
    keys.push(key);
  }
  return keys;
}

/**
 * The header readings of a sample's lines (readHeader), each made once for learnHeader and for the forms it learns
 * (learnForms): as a line of its file (`inFile`) and read alone (`alone`). The two differ only where a rule of lines
 * read alone refused a field (LoneRefusal), so a line without such a refusal is read once for both.
 */
class SampleReadings {
  private readonly filed: (HeaderReading | undefined)[] = [];
  private readonly lone: (HeaderReading | undefined)[] = [];
  private readonly refusal: LoneRefusal = { refused: false };

  constructor(
    private readonly sample: string[],
    private readonly context: TimestampContext,
  ) {}

  /** Line `at` of the sample read alone (readHeader's `lone`). */
  alone(at: number): HeaderReading {
    let reading = this.lone[at];
    if (reading === undefined) {
      this.refusal.refused = false;
      reading = readHeader(this.sample[at], this.context, true, this.refusal);
      this.lone[at] = reading;
      if (!this.refusal.refused) this.filed[at] = reading;
    }
    return reading;
  }

  /**
   * Line `at` of the sample read as a line of its file. `aloneToo`: the line will be read alone as well (learnForms
   * reads every line but a stack's), so it is read alone first and again only when a rule of lone lines refused a field.
   */
  inFile(at: number, aloneToo: boolean): HeaderReading {
    if (aloneToo) this.alone(at);
    return (this.filed[at] ??= readHeader(this.sample[at], this.context));
  }
}

/**
 * The header most sample lines share: the longest run of fields (ending at a timestamp, level, bracket or component)
 * that more than half of the lines start with. A content word that happens to look like a header field in a few
 * lines (`… - Vote timed out: 400`) does not make it in.
 */
/**
 * Lines that continue an entry: indented (stack frames), a traceback's first line, an exception's class, `Caused by:`,
 * `... 3 more`, and a Go stack's unindented lines (`goroutine 1 [running]:`, `main.(*Server).handle(…)`).
 */
const CONTINUATION =
  /^(?:\s|Traceback \(most recent call last\)|Caused by:|\.\.\. \d+ (?:more|common frames omitted)|[\w.$]+(?:Error|Exception|Throwable|Warning|Exit|Interrupt)(?::|$)|goroutine \d+ \[|[\w/.-]*\w\.(?:\(\*?\w+\)\.)?\w+(?:\([^)]*\))?$)/;

/**
 * Lines that open a stack trace: a frame (Java's and Node's `at …`, Python's `File "…", line 3`) or an unindented line of
 * CONTINUATION's (a traceback's first line, an exception's class, `Caused by:`, a Go stack's lines). The indented lines
 * after such a line (a frame's source line, the next frames) are the same trace's.
 */
const STACK_OPENER = /^(?:\s+(?:at\s|File ")|\S)/;

/** True when `line` has the shape of an entry's continuation (CONTINUATION): a frame, a traceback's or exception's line. */
export function continuationShaped(line: string): boolean {
  return CONTINUATION.test(line);
}

/** A learned header's candidate: a run of fields, the lines it starts, and how many of them separate it with tabs. */
interface Prefix {
  fields: HeaderField[];
  count: number;
  tabbed: number;
}

/**
 * Whether a candidate header starts enough of the sample. Most entries must share it, and a quarter of the lines that
 * are not a stack trace's (`lines` less `stackLines`: a logged error's 120 frames say nothing against the header
 * of the three lines around it, where a few timed lines amid plain indented text do not make that text a log); a
 * tab-separated one with a time and a level (every line of it a record of columns) only a quarter of the lines and two
 * at least: such a layout is deliberate, and a runtime may write its own untabbed lines between (AWS Lambda's
 * START/END/REPORT).
 */
function sharedEnough(prefix: Prefix, entries: number, lines: number, stackLines: number): boolean {
  if (prefix.count * 2 > Math.max(entries, (lines - stackLines) / 4)) return true;
  const timedAndLeveled = prefix.fields.some((f) => f.kind === 'timestamp') && prefix.fields.some((f) => f.kind === 'level');
  return timedAndLeveled && prefix.tabbed === prefix.count && prefix.count >= 2 && prefix.count * 4 >= lines;
}

/** A file's learned header: its fields, and whether its lines are tab-separated records (see parseWithHeader). */
export interface LearnedHeader {
  fields: HeaderField[];
  tabbed: boolean;
  /**
   * Other forms of the header in the same file (a wrapper's, another version's: `[17-01-2019 09:04:47] slapd debug`
   * beside syslog), each read whole on the lines the main header does not read whole; most common first.
   */
  forms?: HeaderField[][];
  /** The main header with a level after it (`unbound[1:0] error:` after the syslog time), for lines it reads whole without a level. */
  extended?: HeaderField[][];
  /**
   * The main header with one word column more before one of its fields (learnInsertedColumns: `<time>: main pid 12:`
   * beside `<time>: pid 12:`, a newer version's process name), for lines the main header reads only in part.
   */
  inserted?: HeaderField[][];
  /**
   * Whether the messages the main header leaves open with a level column holding words only such a column holds
   * (columnLevelsShown: NestJS's `LOG` beside its `ERROR`): such a word opening a message is then its line's level.
   */
  columnLevels?: boolean;
  /**
   * When nearly every message the main header leaves opens with a level word (columnLevelsShown: `app[12]: info
   * Started job 0`, `app[12]: error Failed to open`): that place is the file's level column, read there in the cases
   * the file writes its level words in (caseShape letters: `U` upper, `L` lower, `T` title).
   */
  messageLevels?: string;
  /**
   * Whether the file writes the main header behind a prefix of another writer's on some lines (learnPrefixedLines:
   * PulseAudio's `(   0.128|   0.000) E: [pulseaudio] module.c: …` elapsed stamps beside its bare `E: [pulseaudio] …`):
   * a line the main header does not read at its start is read where the whole main header starts (prefixedReading).
   */
  prefixed?: boolean;
  /**
   * Whether the file relays another writer's lines in the main header's own layout behind a part of it (learnRelayedLines:
   * TorchServe's `<time> [INFO ] W-9000-model-stdout MODEL_LOG - ` before the worker's `[<time>] [WARNING] [comm.py:152:f] …`):
   * a line the main header reads only in part is read where the whole main header starts in its message (relayedReading).
   */
  relayed?: boolean;
  /** Whether `fields` has a level field: worked out by the first parseWithHeader call and kept (fields do not change). */
  levelField?: boolean;
  /** The signatures of `forms`: worked out by the first line read on its own and kept (forms do not change). */
  formSignatures?: ReadonlySet<string>;
}

const NO_HEADER: LearnedHeader = { fields: [], tabbed: false };

/** A form must start this share of the sample's lines (and MIN_FORM_LINES) to be learned: a few lines of one shape. */
const FORM_SHARE = 0.05;
const MIN_FORM_LINES = 3;
const MAX_FORMS = 4;

/** Whether the header's last field, a component, is a syslog tag: after a host word after a time or clock. */
function isSyslogTag(fields: HeaderField[]): boolean {
  const time = fields.at(-3);
  return fields.at(-2)?.kind === 'word' && time !== undefined && (time.kind === 'timestamp' || time.kind === 'clock');
}

/**
 * Whether the `name:` field ending at `end` is a program's tag with its id in brackets (`app[web.3]:`, `heroku[router]:`,
 * `sshd[212]:`): a name of letters, digits, `_`, `.`, `-` or `/` opening with a letter, then a bracket of such
 * characters, then the colon. A statement's own `key:` is a word (`Parameters:`), not a name with a bracket glued to it.
 */
function taggedComponentEnd(line: string, end: number): boolean {
  if (end < 4 || line.charCodeAt(end - 1) !== 58 /* : */ || line.charCodeAt(end - 2) !== 93 /* ] */) return false;
  const open = line.lastIndexOf('[', end - 3);
  if (open <= 0) return false;
  const start = line.lastIndexOf(' ', open) + 1;
  return /^[A-Za-z][\w./-]{0,63}\[[\w./:-]{1,64}\]:$/.test(line.slice(start, end));
}

/**
 * Whether the `name:` field ending at `end` is a logger's name: lower-case parts joined by `-`, `_` or `.`
 * (`luigi-interface:`, `urllib3.connectionpool:`, Python's `%(levelname)s %(name)s: %(message)s`). A statement's own
 * `key:` after the level is a word (`Failed:`, `status:`), not a module's joined name.
 */
function loggerNameEnd(line: string, end: number): boolean {
  const start = line.lastIndexOf(' ', end - 1) + 1;
  return /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+:$/.test(line.slice(start, end));
}

/** Whether a header dates or levels its lines: a form without such a field is too weak to be told from text. */
function datesOrLevels(fields: HeaderField[]): boolean {
  return fields.some((f) => f.kind === 'timestamp' || f.kind === 'level' || f.kind === 'clock' || f.kind === 'uptime' || f.timed || f.leveled);
}

/**
 * The other header forms of a file (see LearnedHeader.forms and .extended), from each sample line read alone: a form
 * shared by enough lines that dates or levels them and is not the main header or a part of it; or the main header
 * followed by more fields ending in a level, when the main header has none.
 */
function learnForms(sample: string[], main: HeaderField[], context: TimestampContext, lines: number, sampleReadings: SampleReadings): Pick<LearnedHeader, 'forms' | 'extended'> {
  const mainSignature = signature(main);
  const mainLevels = main.some((f) => f.kind === 'level' || f.leveled);
  // Each line's reading, cut as a form may be; then every run of its first fields that ends at a strong one, counted.
  const readings: HeaderField[][] = [];
  // The signatures of each reading's runs (prefixSignatures).
  const runKeys: string[][] = [];
  // The line of each reading.
  const read: string[] = [];
  const prefixes = new Map<string, number>();
  for (let at = 0; at < sample.length; at++) {
    const line = sample[at];
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    let fields = sampleReadings.alone(at).fields;
    let keys = prefixSignatures(fields);
    // An extension of the main header ends at its level: what follows differs from line to line.
    if (main.length > 0 && !mainLevels && fields.length >= main.length && keys[main.length - 1] === mainSignature) {
      const level = fields.findIndex((f, i) => i >= main.length && f.kind === 'level');
      if (level >= 0) {
        fields = fields.slice(0, level + 1);
        keys = keys.slice(0, level + 1);
      }
    }
    readings.push(fields);
    runKeys.push(keys);
    read.push(line);
    for (let end = 1; end <= fields.length; end++) {
      if (!isStrong(fields[end - 1].kind)) continue;
      const key = keys[end - 1];
      prefixes.set(key, (prefixes.get(key) ?? 0) + 1);
    }
  }
  const least = Math.max(MIN_FORM_LINES, Math.ceil(lines * FORM_SHARE));
  // A line's form is the longest of its runs that enough lines share (a value that reads as a field, such as an epoch
  // ending one message, does not make a form of its own).
  const chosen = new Map<string, { fields: HeaderField[]; count: number; closed: number; tagged: number; padded: number }>();
  readings.forEach((fields, index) => {
    const line = read[index];
    const keys = runKeys[index];
    let end = fields.length;
    while (end > 0 && (!isStrong(fields[end - 1].kind) || (prefixes.get(keys[end - 1]) ?? 0) < least)) end--;
    // A bracket closed by a colon (`[talker]:`) ends the header there: a colon is where a writer's prefix stops.
    const closed = end > 1 && fields[end - 1].kind === 'bracket' && line.charCodeAt(fieldEndAt(fields.slice(0, end), line, context) - 1) === 58;
    // A column that enough lines of the form go without is the message's (extendsByOptionalColumn); not a process id
    // in brackets right after the time (`<time> [7513] SMTP protocol error …`), which a logger writes on some lines (an
    // option turned on: Exim's `log_selector = +pid`) while a message never opens with a bare bracketed number after it.
    // Nor a bracket padded inside to a width (`[           main]`, Spring Boot's `[%15.15t]`): a formatter's column, which
    // prose never pads so.
    const padded = end > 1 && fields[end - 1].kind === 'bracket' && paddedBracketEnds(fields.slice(0, end), line, context);
    if (end > 1 && !closed && !padded && isOptionalColumn(fields[end - 1]) && !pidAfterTime(fields.slice(0, end), line, context)) {
      const without = prefixes.get(keys[end - 2]) ?? 0;
      if (without >= least && without - (prefixes.get(keys[end - 1]) ?? 0) >= least) end--;
    }
    let form = fields.slice(0, end);
    // A `word:` closing a form is the message's own (`InnoDB: …`) unless a host and a time stand before it (syslog's
    // tag), or it is a tag with its id in brackets (`app[web.3]:`, `heroku[router]:`, `sshd[212]:`: taggedComponentEnd),
    // or a logger's name after the level (loggerNameEnd).
    // Or a caller's column closed by its line number (`UM.Controller.setActiveView [81]:`).
    const tagged = form.length >= 2 && form.at(-1)?.kind === 'component' && (taggedComponentEnd(line, fieldEndAt(form, line, context)) || (form.at(-2)?.kind === 'level' && loggerNameEnd(line, fieldEndAt(form, line, context))) || closedByCallerLine(line, fieldEndAt(form, line, context)));
    if (form.length >= 2 && form.at(-1)?.kind === 'component' && !isSyslogTag(form) && !tagged) form = form.slice(0, -1);
    if (form.length === 0) return;
    // The form is a run of the reading's first fields: its signature is the run's.
    const key = keys[form.length - 1];
    if (key === mainSignature || mainSignature.startsWith(`${key} `)) return;
    const entry = chosen.get(key) ?? { fields: form, count: 0, closed: 0, tagged: 0, padded: 0 };
    entry.count++;
    if (closed && end === form.length) entry.closed++;
    if (padded && end === form.length) entry.padded++;
    if (tagged) entry.tagged++;
    chosen.set(key, entry);
  });
  const common = [...chosen].filter(([, e]) => e.count >= least).sort((a, b) => b[1].count - a[1].count);
  const forms: HeaderField[][] = [];
  const extended: HeaderField[][] = [];
  for (const [key, { fields, count, closed, tagged, padded }] of common) {
    if (main.length > 0 && key.startsWith(`${mainSignature} `)) {
      // The main header's time, then a level (`unbound[1:0] error:`) or a host and a program's tag (a syslog wrapper);
      // or the main header's columns, then the thread and logger columns another form of the file adds (readHeader);
      // or the main header's columns, then a bracketed name closed by a colon on most of the form's lines (a launcher's
      // `[talker-1] [INFO]` before the node's `[talker]:`, where the file's other lines carry `[INFO] [talker]:`), with
      // no word between: `When writing to [url]:` is a statement's own words.
      const last = fields.at(-1)?.kind;
      // Or the main header's time, then a program's tag with its id in brackets on every line of the form (Heroku's
      // `<time> app[web.3]: …` beside the app's own lines without a header): a message's own `key:` holds no bracket.
      // Or the main header's columns, then a bracket padded inside to a width on most of the form's lines (Spring Boot
      // 3's `[app] [           main]` where its older lines carry `[main]` alone).
      const ends =
        last === 'level'
          ? !mainLevels
          : (last === 'component' && (isSyslogTag(fields) || tagged === count)) || last === 'logger' || (last === 'bracket' && (closed * 2 > count || padded * 2 > count) && fields.slice(main.length).every((f) => isStrong(f.kind)));
      const tagOnly = last === 'component' && !isSyslogTag(fields);
      if (ends && extended.length < MAX_FORMS) extended.push(tagOnly ? [...fields.slice(0, -1), { kind: 'component', tagged: true }] : fields);
    } else if (datesOrLevels(fields) && forms.length < MAX_FORMS) forms.push(fields);
  }
  return { ...(forms.length ? { forms } : {}), ...(extended.length ? { extended } : {}) };
}

/**
 * Whether `fields` is a learned form (`isForm`: whether a signature is one) followed by one more weak column (a
 * parenthesis, bracket, word or number, not a level, time or `name:` that closes a header):
 * `[time][target][LEVEL] (route) GET /` beside `[time][target][LEVEL] GET /`. learnForms does not learn such a column
 * when enough lines of the form go without it: written on some lines of the layout only, it is the message's first
 * word (a column of the layout opens every line of it), so a line read alone drops it too. The main header's
 * extensions are judged alike (learnForms' `extended` ends at a level or a syslog tag).
 */
const OPTIONAL_COLUMN_KINDS: ReadonlySet<FieldKind> = new Set(['paren', 'bracket', 'word', 'number']);

function extendsByOptionalColumn(fields: HeaderField[], isForm: (signature: string) => boolean): boolean {
  const last = fields.at(-1);
  if (fields.length < 2 || last === undefined || !isOptionalColumn(last)) return false;
  return isForm(signature(fields.slice(0, -1))) && !isForm(signature(fields));
}

/**
 * A process id glued by a colon to the time after it (`173:20251118:081245.011`, Zabbix's `%6d:%Y%m%d:%H%M%S.%03d`,
 * the pid padded to its width before it): where the colon ends it in `out`. A number glued to anything else is text.
 */
function gluedPidEnd(line: string, position: number, context: TimestampContext, out: FieldMatch): boolean {
  let at = position;
  while (at - position < 10 && isDigitCode(line.charCodeAt(at))) at++;
  if (line.charCodeAt(at) !== 58 /* : */ || !timestampStartsAt(line, at + 1, context)) return false;
  out.end = at + 1;
  return true;
}

/** Spaces at least that pad a bracket's text to its width (`[%15.15t]`): one space is how a writer spaces a bracket. */
const BRACKET_PADDING = 2;

/**
 * Whether `fields` end in a bracket whose text is padded inside to a width, as `line` reads them: spaces before it
 * (`[           main]`, `[  XNIO-1 task-2]`, right-aligned) or after it (`[main      ]`), BRACKET_PADDING at least.
 */
function paddedBracketEnds(fields: HeaderField[], line: string, context: TimestampContext): boolean {
  const end = fieldEndAt(fields, line, context);
  const close = line.charCodeAt(end - 1) === 93 ? end - 1 : line.charCodeAt(end - 2) === 93 ? end - 2 : -1;
  if (close < 0) return false;
  const open = line.lastIndexOf('[', close);
  if (open < 0) return false;
  const text = line.slice(open + 1, close);
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  const padding = ' '.repeat(BRACKET_PADDING);
  return text.startsWith(padding) || text.endsWith(padding);
}

/** Whether `fields` end in a bracket holding a number only (`[7513]`) right after a timestamp, as `line` reads them. */
function pidAfterTime(fields: HeaderField[], line: string, context: TimestampContext): boolean {
  if (fields.length < 2 || fields.at(-1)?.kind !== 'bracket' || fields.at(-2)?.kind !== 'timestamp') return false;
  const start = skipSeparators(line, fieldEndAt(fields.slice(0, -1), line, context));
  return /^\[\d{1,10}\]/.test(line.slice(start, start + 12));
}

function isOptionalColumn(field: HeaderField): boolean {
  return OPTIONAL_COLUMN_KINDS.has(field.kind) && !field.leveled && !field.timed;
}

/** How many never-closed structures learnHeader passes over before it looks for no more records' bodies. */
const NEVER_CLOSED_LIMIT = 4;

export function learnHeader(sample: string[], context: TimestampContext = {}): LearnedHeader {
  const prefixes = new Map<string, Prefix>();
  const readings = new SampleReadings(sample, context);
  let lines = 0;
  // Lines that may start an entry: stack frames and tracebacks do not, and in a short file they can outnumber the
  // entries; nor do the lines a runtime, libc or the shell write when a process dies uncaught (crashReport: `free():
  // invalid pointer`, `Aborted (core dumped)`), which no logger writes and so never carry its header. The header must
  // be shared by most of the others and by a quarter of the lines that are not a stack trace's (sharedEnough).
  let entries = 0;
  let stackLines = 0;
  let inStack = false;
  let timedWithoutLevel = false;
  // The last line of a record's body (open-records.ts): a header line that opens a structure its later lines close.
  // A structure never closed (a record cut off when its process died, a truncated JSON line, `[0, 5)` in a message) is
  // passed over and later records are still looked at: one cut record early in a Laravel log left its traces
  // outnumbering the headers (rev27c). After NEVER_CLOSED_LIMIT such, none is looked for further on (each scans to the
  // sample's end).
  let bodyEnd = -1;
  let neverClosed = 0;
  for (let at = 0; at < sample.length; at++) {
    const line = sample[at];
    if (line.trim().length === 0) continue;
    lines++;
    if (at <= bodyEnd) {
      stackLines++;
      continue;
    }
    const continuation = CONTINUATION.test(line);
    // learnForms reads the lines that continue no entry alone: such a line is read alone first (SampleReadings).
    const { fields, tabbed } = readings.inFile(at, !continuation);
    if (neverClosed < NEVER_CLOSED_LIMIT && fields.some((f) => f.kind === 'timestamp' || f.kind === 'level' || f.leveled)) {
      bodyEnd = recordBodyEnd(sample, at);
      if (bodyEnd === NEVER_CLOSED) neverClosed++;
    }
    inStack = continuation && (inStack || STACK_OPENER.test(line));
    if (inStack) stackLines++;
    if (!continuation && !(timedWithoutLevel && (LEADING_LEVEL.test(line) || levelLine(line) !== undefined)) && crashReport(line) === undefined) entries++;
    // java.util.logging's SimpleFormatter splits an entry's header over two lines: `Nov 30, 2026 1:05:01 PM class method`,
    // then `SEVERE: message` (`심각: message` in Korean: next-line-levels.ts). The level line belongs to the timed line
    // above, as a stack frame does.
    timedWithoutLevel = fields.some((f) => f.kind === 'timestamp') && !fields.some((f) => f.kind === 'level' || f.leveled);
    const keys = prefixSignatures(fields);
    for (let end = 1; end <= fields.length; end++) {
      if (!isStrong(fields[end - 1].kind)) continue;
      const key = keys[end - 1];
      const entry = prefixes.get(key) ?? { fields: fields.slice(0, end), count: 0, tabbed: 0 };
      entry.count++;
      // Tab-separated: a tab after each of the prefix's fields but the last.
      if (tabbed >= end - 1 && end > 1) entry.tabbed++;
      prefixes.set(key, entry);
    }
  }
  let best: Prefix | undefined;
  for (const entry of prefixes.values()) {
    if (!sharedEnough(entry, entries, lines, stackLines)) continue;
    if (!best || entry.fields.length > best.fields.length || (entry.fields.length === best.fields.length && entry.count > best.count)) best = entry;
  }
  if (best && statementWordsAfterTime(best.fields, sample, context)) best = prefixes.get(signature(best.fields.slice(0, -2))) ?? best;
  // The status column's header, which no form of the file may read either (it would read the letters back as levels).
  let statusHeader: string | undefined;
  if (best && statusLetterColumn(best.fields, sample, context)) {
    statusHeader = signature(best.fields);
    const before = best.fields.slice(0, -1);
    best = before.length > 0 ? (prefixes.get(signature(before)) ?? { ...best, fields: before }) : undefined;
  }
  const dated = best !== undefined && best.fields.some((f) => f.kind === 'timestamp' || f.kind === 'level' || f.kind === 'uptime' || f.kind === 'clock' || f.leveled);
  if (!best || (!dated && !(best.fields.some((f) => f.kind === 'component') && taggedHeader(best.fields, sample, context)))) {
    const forms = learnMarkedForms(sample, [], context, lines, readings);
    return forms.forms ? { ...NO_HEADER, ...forms } : NO_HEADER;
  }
  // The main header's own fields: its readings' are shared with learnForms' (SampleReadings), and the marks set here
  // (markLevelWords, markLevelCase) and on the forms are each one header's.
  const main = best.fields.map((f) => ({ ...f }));
  markLevelWords(main, sample, context);
  markLevelCase(main, sample, context);
  const forms = learnMarkedForms(sample, main, context, lines, readings);
  if (statusHeader !== undefined) {
    const kept = forms.forms?.filter((form) => signature(form) !== statusHeader);
    const extended = forms.extended?.filter((form) => signature(form) !== statusHeader);
    if (kept?.length) forms.forms = kept;
    else delete forms.forms;
    if (extended?.length) forms.extended = extended;
    else delete forms.extended;
  }
  const inserted = learnInsertedColumns(sample, main, context, lines);
  if (inserted) forms.inserted = inserted;
  const { columnLevels, messageLevels } = columnLevelsShown(main, sample, context);
  const prefixed = learnPrefixedLines(sample, main, context, lines);
  const relayed = learnRelayedLines(sample, main, context, lines);
  return { fields: main, tabbed: best.tabbed * 2 > best.count, ...forms, ...(columnLevels ? { columnLevels } : {}), ...(messageLevels ? { messageLevels } : {}), ...(prefixed ? { prefixed } : {}), ...(relayed ? { relayed } : {}) };
}

/** Least lines with a letter no level is (`M`, `U`, `R`, `?`) where a level letter column would stand: statusLetterColumn. */
const MIN_STATUS_LETTER_LINES = 2;

/**
 * Whether the last of `fields`, a level, is a column of status letters before paths instead: where it stands, the sample's
 * lines hold one letter each (and white space, then text), level letters (`A`, `D`, `E`) and at least
 * MIN_STATUS_LETTER_LINES that no level is (`M`, `U`, `R`, `C`, `?`), and no level word. Such a column is what a listing
 * of changed files writes (`svn update`'s `A    trunk/x.c` / `U    trunk/y.c`, `git status --short`, Borg's `--list`,
 * rsync's itemized changes, behind a time when a script logs them): read as levels, `A` (Android's ASSERT) made every
 * added file FATAL and `D` a DEBUG line, while `M` and `U` stayed in the message. A logcat column writes only the
 * letters of its levels (isStatusLetter reads one line so; this reads the file).
 */
function statusLetterColumn(fields: HeaderField[], sample: string[], context: TimestampContext): boolean {
  if (fields.at(-1)?.kind !== 'level') return false;
  const before = fields.slice(0, -1);
  const read: HeaderRead = { fields: 0 };
  let levelLetters = 0;
  let otherLetters = 0;
  let others = 0;
  for (const line of sample) {
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    const consumed = before.length === 0 ? 0 : applyHeader(before, line, context, { message: line }, read);
    if (before.length > 0 && (consumed === 0 || read.fields !== before.length)) continue;
    const letter = /^[ \t]*([A-Z?])[ \t]+\S/.exec(line.slice(consumed))?.[1];
    if (letter === undefined) others++;
    else if ('VDIWEFA'.includes(letter)) levelLetters++;
    else otherLetters++;
  }
  return otherLetters >= MIN_STATUS_LETTER_LINES && levelLetters > 0 && others * 4 < levelLetters + otherLetters;
}

/** Characters of another writer's prefix at most before the main header (an elapsed stamp, a date, a host). */
const MAX_PREFIX_CHARS = 48;

/**
 * Where the whole main header `fields` starts in `line` after a prefix (at a word's start past the first, within
 * MAX_PREFIX_CHARS), or -1: the line opens with neither white space (the entry above's) nor the header itself.
 */
function prefixedHeaderStart(fields: HeaderField[], line: string, context: TimestampContext, read: HeaderRead): number {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9) return -1;
  for (let space = line.indexOf(' '); space > 0 && space < MAX_PREFIX_CHARS; space = line.indexOf(' ', space + 1)) {
    if (line.charCodeAt(space + 1) === 32) continue;
    const inner = line.slice(space + 1);
    // In the header's own time form: a main header whose syslog time reads the prefix's ISO one (otherTimeForm) is no
    // header behind a prefix (`19:05:09.50 2017-12-03 19:03:38 Ignoring "zed.log": …`).
    if (applyHeader(fields, inner, context, { message: inner }, read) > 0 && read.fields === fields.length && read.otherTime !== true) return space + 1;
  }
  return -1;
}

/**
 * Whether the file writes its main header behind another writer's prefix (LearnedHeader.prefixed): enough sample lines
 * (as learnForms' forms: MIN_FORM_LINES and FORM_SHARE) that the main header does not read at their start read it whole
 * further in. Only for a main header of two fields or more that dates or levels its lines: a lone level or time word
 * inside a line is as often the message's.
 */
function learnPrefixedLines(sample: string[], fields: HeaderField[], context: TimestampContext, lines: number): boolean {
  if (fields.length < 2 || !datesOrLevels(fields)) return false;
  const least = Math.max(MIN_FORM_LINES, Math.ceil(lines * FORM_SHARE));
  const read: HeaderRead = { fields: 0 };
  let prefixed = 0;
  for (const line of sample) {
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    if (applyHeader(fields, line, context, { message: line }, read) > 0) continue;
    if (prefixedHeaderStart(fields, line, context, read) > 0 && ++prefixed >= least) return true;
  }
  return false;
}

/**
 * `line` read by the main header where it starts behind another writer's prefix (prefixedHeaderStart), the prefix's own
 * time kept when the header gives none (`18.09.22 12:48:34 (+0200)  audio  E: [pulseaudio] …`); undefined when the main
 * header starts nowhere in the line.
 */
function prefixedReading(header: LearnedHeader, line: string, context: TimestampContext): ParsedLine | undefined {
  const start = prefixedHeaderStart(header.fields, line, context, { fields: 0 });
  if (start < 0) return undefined;
  const inner = line.slice(start);
  const parsed: ParsedLine = { message: inner };
  applyHeader(header.fields, inner, context, parsed);
  if (parsed.timestamp === undefined && opensWithTimeOrLevel(line, context)) {
    const prefix = line.slice(0, start);
    const outer: ParsedLine = { message: prefix };
    applyHeader(guessHeader(prefix, context, true), prefix, context, outer);
    if (outer.timestamp !== undefined) parsed.timestamp = outer.timestamp;
  }
  return parsed;
}

/**
 * Where the whole main header `fields` starts again in `line` after the part of it a read ended at `from` (at a word's
 * start within MAX_PREFIX_CHARS of it: the relaying writer's own columns between), in its own time form; or -1.
 */
function relayedHeaderStart(fields: HeaderField[], line: string, from: number, context: TimestampContext, read: HeaderRead): number {
  const last = Math.min(line.length - 1, from + MAX_PREFIX_CHARS);
  for (let space = line.indexOf(' ', from); space > 0 && space < last; space = line.indexOf(' ', space + 1)) {
    const c = line.charCodeAt(space + 1);
    if (c === 32 || c === 9) continue;
    const inner = line.slice(space + 1);
    if (applyHeader(fields, inner, context, { message: inner }, read) > 0 && read.fields === fields.length && read.otherTime !== true) return space + 1;
  }
  return -1;
}

/**
 * Whether the file relays another writer's lines in its main header's layout (LearnedHeader.relayed): enough sample
 * lines (as learnForms' forms: MIN_FORM_LINES and FORM_SHARE) that the main header reads only in part hold it whole
 * further in (relayedHeaderStart). Only for a main header of two fields or more that dates or levels its lines.
 */
function learnRelayedLines(sample: string[], fields: HeaderField[], context: TimestampContext, lines: number): boolean {
  if (fields.length < 2 || !datesOrLevels(fields)) return false;
  const least = Math.max(MIN_FORM_LINES, Math.ceil(lines * FORM_SHARE));
  const read: HeaderRead = { fields: 0 };
  let relayed = 0;
  for (const line of sample) {
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    const end = applyHeader(fields, line, context, { message: line }, read);
    if (end === 0 || read.fields === fields.length) continue;
    if (relayedHeaderStart(fields, line, end, context, read) > 0 && ++relayed >= least) return true;
  }
  return false;
}

/**
 * `line`, which the main header read to `consumed` only, read by the main header where it starts whole in the message
 * (relayedHeaderStart): the relayed line's own time, level and component, else the relaying writer's (a journal's
 * program tag); undefined when it starts
 * nowhere there.
 */
function relayedReading(header: LearnedHeader, line: string, consumed: number, outer: ParsedLine, context: TimestampContext): ParsedLine | undefined {
  const start = relayedHeaderStart(header.fields, line, consumed, context, { fields: 0 });
  if (start < 0) return undefined;
  const inner = line.slice(start);
  const parsed: ParsedLine = { message: inner };
  applyHeader(header.fields, inner, context, parsed);
  parsed.timestamp ??= outer.timestamp;
  parsed.level ??= outer.level;
  parsed.component ??= outer.component;
  return parsed;
}

/**
 * Whether `fields` end in a word and a `name:` after a time that a level column precedes (`[site ] DEBUG <time> grid
 * currents: [8 8 7]A`, `… DEBUG <time> vehicle soc: 100%`, evcc's `[area] LEVEL date time msg`): read so, they are
 * syslog's host and program tag, but syslog writes no level before its time, and a logger that wrote the level and the
 * time writes its message after them. There they are the statement's own subject and `key:`, and the header ends at
 * the time; unless most lines it reads whole close the name with a program's id (`sshd[212]:`, taggedComponentEnd),
 * or go on after the name with a statement of its own (RELAYED_WORDS words or more): a relay that writes the level
 * first and each program's tag without a pid (`INFO <time> web01 kernel: usb 1-1: new high-speed USB device …`). A
 * statement's `key:` is followed by its value (`100%`, `[8 8 7]A`, `not available`), a word or two.
 */
function statementWordsAfterTime(fields: HeaderField[], sample: string[], context: TimestampContext): boolean {
  const time = fields.at(-3);
  if (fields.length < 4 || fields.at(-1)?.kind !== 'component' || fields.at(-2)?.kind !== 'word' || (time?.kind !== 'timestamp' && time?.kind !== 'clock')) return false;
  if (!fields.slice(0, -3).some((f) => f.kind === 'level')) return false;
  const read: HeaderRead = { fields: 0 };
  let whole = 0;
  let tagged = 0;
  for (const line of sample) {
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    const end = applyHeader(fields, line, context, { message: line }, read);
    if (end === 0 || read.fields < fields.length) continue;
    whole++;
    if (taggedComponentEnd(line, end) || wordsFrom(line, end, RELAYED_WORDS) >= RELAYED_WORDS) tagged++;
  }
  return tagged * 2 <= whole;
}

/** Words after a program's tag that make a statement, not a `key:`'s value (statementWordsAfterTime). */
const RELAYED_WORDS = 4;

/** The words (runs of characters between blanks) of `line` from `position`, counted up to `most`. */
function wordsFrom(line: string, position: number, most: number): number {
  let words = 0;
  for (let at = skipWhiteSpace(line, position); at < line.length && words < most; at = skipWhiteSpace(line, whiteSpaceTokenEnd(line, at))) words++;
  return words;
}

/**
 * Whether a header that neither dates nor levels its lines, whose strong field is a `name:`, is a program's tag: on
 * most of the sample lines it reads whole, the name ends in a bracket or parenthesis (`sshd[20898]:`,
 * `sshd(pam_unix)[1]:`, `kernel(lo):`), the process id or unit a tag carries. A bare `name:` or `two words:` is also
 * what a message's own label looks like (`Configuration file: /site/_config.yml`, `Source: /site`, a report's
 * aligned `key: value` lines), and with no time or level on the line to vouch for a header, it is the message's.
 */
function taggedHeader(fields: HeaderField[], sample: string[], context: TimestampContext): boolean {
  let read = 0;
  let tagged = 0;
  const m: FieldMatch = { end: -1 };
  for (const line of sample) {
    let position = skipSeparators(line, 0);
    let tag = false;
    let i = 0;
    for (; i < fields.length && readField(fields[i], line, position, context, m); i++) {
      if (fields[i].kind === 'component' && m.end >= 2 && line.charCodeAt(m.end - 1) === 58 && (line.charCodeAt(m.end - 2) === 93 || line.charCodeAt(m.end - 2) === 41)) tag = true;
      position = skipSeparators(line, m.end);
    }
    if (i < fields.length) continue;
    read++;
    if (tag) tagged++;
  }
  return tagged * 2 > read;
}

/**
 * A word column some lines of a file write inside the main header (a process name before `pid 12:` in a newer version,
 * `<time>: main pid 2543: LOG:  …` beside `<time>: pid 1: LOG:  …`): the main header stopped at the field after it,
 * so such lines kept their whole header in the message, and the same statement was mined twice. The evidence is the
 * format's own literal word: a word column of the main header that holds one value on every line it reads whole
 * (`pid`) stands one place further on those lines, after the new column. Learned when enough sample lines read whole
 * so (least: as learnForms' forms) and the new column takes few values (at most half as many as those lines: a process
 * or role name). A message's first words (`gave up:` after a level) shift no literal, and are never read so.
 */
function learnInsertedColumns(sample: string[], main: HeaderField[], context: TimestampContext, lines: number): HeaderField[][] | undefined {
  if (main.length < 2 || !main.some((f) => f.kind === 'word')) return undefined;
  const literals = literalWords(sample, main, context);
  if (literals.size === 0) return undefined;
  const counts = new Map<number, { lines: number; values: Set<string> }>();
  const read: HeaderRead = { fields: 0 };
  for (const line of sample) {
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    // The place: the field after the literal, where the main header stopped (the literal read as the column's value).
    if (applyHeader(main, line, context, { message: line }, read) === 0 || read.fields === 0 || read.fields >= main.length) continue;
    const at = read.fields;
    const literal = literals.get(at - 1);
    if (literal === undefined) continue;
    const fields = [...main.slice(0, at), { kind: 'word' } as HeaderField, ...main.slice(at)];
    if (applyHeader(fields, line, context, { message: line }, read) === 0 || read.fields < fields.length) continue;
    const column = at === 1 ? skipSeparators(line, 0) : skipSeparators(line, fieldEndAt(main.slice(0, at - 1), line, context));
    const next = skipSeparators(line, wordEnd(line, column));
    if (line.slice(next, wordEnd(line, next)) !== literal) continue;
    const entry = counts.get(at) ?? { lines: 0, values: new Set<string>() };
    entry.lines++;
    entry.values.add(line.slice(column, wordEnd(line, column)));
    counts.set(at, entry);
  }
  const least = Math.max(MIN_FORM_LINES, Math.ceil(lines * FORM_SHARE));
  const forms: HeaderField[][] = [];
  for (const [at, entry] of counts) {
    if (entry.lines >= least && entry.values.size * 2 <= entry.lines) forms.push([...main.slice(0, at), { kind: 'word' }, ...main.slice(at)]);
  }
  return forms.length > 0 ? forms : undefined;
}

/**
 * The main header's word columns that hold one value on every sample line it reads whole (MIN_FORM_LINES of them at
 * least): a literal of the format (`pid` of `<time>: pid 12:`), by field index.
 */
function literalWords(sample: string[], main: HeaderField[], context: TimestampContext): Map<number, string> {
  const values = new Map<number, Set<string>>();
  const read: HeaderRead = { fields: 0 };
  let whole = 0;
  for (const line of sample) {
    if (line.trim().length === 0 || CONTINUATION.test(line)) continue;
    if (applyHeader(main, line, context, { message: line }, read) === 0 || read.fields < main.length) continue;
    whole++;
    main.forEach((field, i) => {
      if (field.kind !== 'word') return;
      const start = i === 0 ? skipSeparators(line, 0) : skipSeparators(line, fieldEndAt(main.slice(0, i), line, context));
      const set = values.get(i) ?? new Set<string>();
      set.add(line.slice(start, wordEnd(line, start)));
      values.set(i, set);
    });
  }
  const literals = new Map<number, string>();
  if (whole < MIN_FORM_LINES) return literals;
  for (const [i, set] of values) if (set.size === 1) literals.set(i, [...set][0]);
  return literals;
}

/** Where `fields` read at the start of `line` end (applyHeader's end), 0 when they do not read. */
function fieldEndAt(fields: HeaderField[], line: string, context: TimestampContext): number {
  return applyHeader(fields, line, context, { message: '' });
}

/** learnForms' forms, their word columns of level words marked (markLevelWords) as the main header's are. */
function learnMarkedForms(sample: string[], main: HeaderField[], context: TimestampContext, lines: number, readings: SampleReadings): Pick<LearnedHeader, 'forms' | 'extended' | 'inserted'> {
  const forms = learnForms(sample, main, context, lines, readings);
  for (const form of forms.forms ?? []) markLevelWords(form, sample, context);
  return forms;
}

/** Messages that must open with a column-only level word (`LOG`), and with another level word, to show such a column. */
const MIN_COLUMN_ONLY = 2;
const MIN_OTHER_LEVELS = 1;
/** Messages that must open with a level word, and their least share, for the place to be a level column in any case. */
const MIN_MESSAGE_LEVELS = 3;
const MESSAGE_LEVEL_SHARE = 0.9;

/**
 * Whether the messages `fields` (a file's main header) leave on the sample's lines open with a level column that holds
 * words only a level column holds (COLUMN_ONLY_LEVELS: NestJS's `LOG` beside its `ERROR`, `WARN`; PgBouncer's `LOG`
 * beside `DEBUG`, `WARNING`): several open with such a word, and others with an upper-case level word of the usual
 * kind, bare, as the column-only words are written (`columnLevels`). Messages that open with `LOG` alone show no level
 * column: there it may be the statement's own word. And whether nearly every message (MESSAGE_LEVEL_SHARE, and
 * MIN_MESSAGE_LEVELS at least) opens with a level word, in whatever case (`messageLevels`): a program's own level
 * column after a header that does not know it (`app[12]: info Started job 0`, `app[12]: error Failed to open`). A word
 * of prose opens a few messages, not nearly all (`Error budget recalculated` amid other statements).
 */
function columnLevelsShown(fields: HeaderField[], sample: string[], context: TimestampContext): { columnLevels: boolean; messageLevels: string | undefined } {
  let columnOnly = 0;
  let others = 0;
  let messages = 0;
  let leveled = 0;
  const shapes = new Map<string, number>();
  for (const line of sample) {
    const parsed: ParsedLine = { message: line };
    if (applyHeader(fields, line, context, parsed) === 0 || parsed.message.length === 0 || isWhiteSpace(parsed.message.charCodeAt(0))) continue;
    messages++;
    const first = firstWord(parsed.message);
    if (columnOnlyLevel(first) !== undefined) columnOnly++;
    else if (/^[A-Z]{2,}$/.test(first) && columnLevel(first) !== undefined) others++;
    if (messageLevel(first) !== undefined) {
      leveled++;
      const shape = caseShape(first);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
  }
  // A program writes its level words in one case: a case seen on one sampled line only is a word of prose that spells a
  // level (`Critical path computed in 3 ms` among `INFO …`/`ERROR …` lines), not the column (found by break10).
  const cases = [...shapes].filter(([, count]) => count >= MIN_CASE_LINES).map(([shape]) => shape).join('');
  return {
    columnLevels: columnOnly >= MIN_COLUMN_ONLY && others >= MIN_OTHER_LEVELS,
    messageLevels: leveled >= MIN_MESSAGE_LEVELS && leveled >= MESSAGE_LEVEL_SHARE * messages && cases.length > 0 ? cases : undefined,
  };
}

/** Sampled lines a case of level words must open for the file's level column to be read in that case. */
const MIN_CASE_LINES = 2;

/** A word's case: `U` all upper case, `L` all lower case, `T` anything else (`Error`, `Warn:`). */
function caseShape(word: string): string {
  if (word === word.toUpperCase()) return 'U';
  return word === word.toLowerCase() ? 'L' : 'T';
}

/** The level a message's first word spells as a level column writes it: a level word in any case, or `LOG`; its `:` allowed. */
function messageLevel(word: string): Level | undefined {
  const bare = word.endsWith(':') ? word.slice(0, -1) : word;
  return columnOnlyLevel(bare) ?? pipedLevel(bare);
}

/** The text of `message` up to its first white space (or `|`). */
function firstWord(message: string): string {
  const end = wordEnd(message, 0);
  return end < 0 ? '' : message.slice(0, end);
}

/** Lines of a word column that must spell a level, and the share of its values that may be other words (a tenth). */
const MIN_LEVEL_WORD_LINES = 2;
const OTHER_WORD_SHARE = 0.1;

/**
 * Marks the word, bracket and `name:` columns of a header without a level field whose values, on the sample lines it
 * reads, are level words (HeaderField.levelWords): an ERROR line read without its level would be a confident wrong
 * answer for level filters. The level reader takes a bracket or a `name:` whole only when it holds an English level
 * word, so a level name in another language written so (`[오류]`, `[WARNUNG]`, `エラー:`) was read as a thread or a
 * program, and the file's levels as unreadable (break40). A column where other words stand too (a host, a thread, a
 * program) is not one.
 */
function markLevelWords(fields: HeaderField[], sample: string[], context: TimestampContext): void {
  if (!fields.some((f) => LEVEL_WORD_KINDS.has(f.kind)) || fields.some((f) => f.kind === 'level' || f.leveled)) return;
  const levels = fields.map(() => 0);
  const others = fields.map(() => 0);
  const m: FieldMatch = { end: -1 };
  for (const line of sample) {
    let position = skipSeparators(line, 0);
    for (let i = 0; i < fields.length && readField(fields[i], line, position, context, m); i++) {
      if (LEVEL_WORD_KINDS.has(fields[i].kind)) {
        if (m.epoch === undefined && m.level === undefined && columnLevel(columnValue(fields[i].kind, line, position, m.end))) levels[i]++;
        else others[i]++;
      }
      position = skipSeparators(line, m.end);
    }
  }
  fields.forEach((field, i) => {
    if (LEVEL_WORD_KINDS.has(field.kind) && levels[i] >= MIN_LEVEL_WORD_LINES && others[i] <= OTHER_WORD_SHARE * levels[i]) field.levelWords = true;
  });
}

/** The kinds of column markLevelWords may find to hold level words. */
const LEVEL_WORD_KINDS: ReadonlySet<FieldKind> = new Set(['word', 'bracket', 'component']);

/**
 * The value a word, bracket or `name:` column read from `position` to `end` holds: a bracket's inside (its padding
 * trimmed, `[경고 ]`) without the `:` that may close it, a component without its colon, a word as it is.
 */
function columnValue(kind: FieldKind, line: string, position: number, end: number): string {
  if (kind === 'word') return line.slice(position, end);
  const close = line.charCodeAt(end - 1) === 58 ? end - 1 : end;
  return kind === 'bracket' ? line.slice(position + 1, close - 1).trim() : line.slice(position, close);
}

/** Least lines with a level word in capitals or brackets that make a level field's words such (markLevelCase). */
const MIN_CAPITAL_LEVEL_LINES = 3;

/**
 * Marks a level field `capitals` when the sample's lines write its words in capitals or in brackets
 * (MIN_CAPITAL_LEVEL_LINES or more, at least twice the lines with a bare word in another case there: the file's own
 * spelling is its lines' by two to one): a message that opens with a level word in another case on such a file's line
 * without a level (`<time> Error count reset to 0 by user` among `<time> INFO …` lines) was read as an ERROR, its
 * first word cut. A file that writes `Error` or `error:` itself keeps reading them.
 */
function markLevelCase(fields: HeaderField[], sample: string[], context: TimestampContext): void {
  const at = fields.findIndex((f) => f.kind === 'level' && !f.marks && !f.form);
  if (at < 0) return;
  let capitals = 0;
  let others = 0;
  const m: FieldMatch = { end: -1 };
  for (const line of sample) {
    let position = skipSeparators(line, 0);
    let i = 0;
    for (; i < at && readField(fields[i], line, position, context, m); i++) position = skipSeparators(line, m.end);
    if (i < at || !readField(fields[at], line, position, context, m)) continue;
    if (lowerCaseWordEnd(line, position) < 0) capitals++;
    else others++;
  }
  if (capitals >= MIN_CAPITAL_LEVEL_LINES && others * 2 <= capitals) fields[at].capitals = true;
}

/**
 * Whether the bare level word at `position`, not in capitals, on a line of a file whose level column is (markLevelCase),
 * opens the message: words follow it as a sentence goes on (`Error count reset to 0`). One a separator or a colon
 * follows (`Debug — Request: …`, `Error: …`) is a level in another spelling, as a program's later version writes it
 * (Plex's `DEBUG - ` and `Debug — ` lines in one file).
 */
function opensMessage(line: string, position: number): boolean {
  let after = lowerCaseWordEnd(line, position);
  if (after < 0 || line.charCodeAt(after) !== 32) return false;
  while (line.charCodeAt(after) === 32) after++;
  const next = line.charCodeAt(after);
  return isAsciiLetter(next) || isDigitCode(next);
}

/**
 * Where the bare word at `position` (ASCII letters) ends when it holds a lower-case letter (`Error`, `error`); -1 for
 * one in capitals or no bare word (`ERROR`, `[ERROR]`). Read by character codes: every leveled line of a file whose
 * level column is in capitals is asked (opensMessage).
 */
function lowerCaseWordEnd(line: string, position: number): number {
  let end = position;
  let lower = false;
  for (let c = line.charCodeAt(end); isAsciiLetter(c); c = line.charCodeAt(++end)) if (c >= 97) lower = true;
  return lower ? end : -1;
}

export const LEADING_LEVEL = new RegExp(String.raw`^\s*(?:\[(${LEVEL_WORDS})\]|<(${LEVEL_WORDS}|msg)>|(${LEVEL_WORDS}):)(?=\s|$)`, 'i');
/**
 * An upper-case level word opening the message, spelled out: the three-letter abbreviations (Serilog's INF, WRN, FTL,
 * VRB, DBG) count only where a header puts them, since as the first word of a message they are as often a name
 * (Pi-hole's `FTL branch: master`). ERR stays: it is written there by C daemons.
 */
export const LEADING_UPPER_LEVEL = new RegExp(String.raw`^\s*(${LEVEL_WORDS.split('|').filter((word) => !/^(?:inf|wrn|ftl|vrb|dbg)$/.test(word)).join('|').toUpperCase()})(?=\s)`);

/**
 * Parses a line against a learned header; fields that do not match end the header there (continuation lines keep
 * everything). A line that matches none of the header's fields and does not start with white space (a stack frame
 * does) is read with a header of its own (files that mix layouts), and failing that its level is taken from the usual
 * spellings (`spelledLevel`). In a file of tab-separated records, such a line that does not look like a continuation
 * (CONTINUATION) is a record of the runtime's own (`END RequestId: …`): `standalone`, it takes nothing from above.
 */
export function parseWithHeader(header: LearnedHeader, line: string, context: TimestampContext): ParsedLine {
  let parsed: ParsedLine = { message: line };
  const others = header.forms !== undefined || header.extended !== undefined || header.inserted !== undefined;
  const levelField = (header.levelField ??= header.fields.some((f) => f.kind === 'level'));
  // How far the main header read (how many fields, whether the time was in another form) goes to one shared record, no
  // object per line: it is read below before any nested parse could write it (readOtherForm reads into a record of its
  // own, and the compose branch, which parses again, reads it no more).
  const read: HeaderRead = SHARED_READ;
  let consumed = applyHeader(header.fields, line, context, parsed, read);
  // A column-only level word opening the message, where the file's messages show that column (columnLevelsShown): the
  // line's level, the word left in the message as a level word there is (applyHeader's leadingLevel).
  if (consumed > 0) readColumnLevel(header, parsed);
  // A line the main header does not read at all behind a docker compose prefix is read after the prefix (below), by the
  // main header first: a form of the file's that reads the prefix as a word column and stops at its level
  // (`db-1  | <time> WARN`) would leave the service's `target:` in the message, where the same program's bare lines
  // have it cut.
  // Whether the main header read all its fields, and its time in its own form (before another form may read the line).
  const mainWhole = read.fields === header.fields.length;
  const mainOwnTime = read.otherTime !== true;
  if (others && !(consumed === 0 && composePrefixEnd(line) > 0)) {
    // A level applyHeader read from the message's first word, where the file shows no level column in its messages
    // (columnLevelsShown: there the word is left, as on every line of that column).
    const wordLevel = parsed.level !== undefined && read.leveled !== true && !header.columnLevels && !header.messageLevels;
    const other = readOtherForm(header, line, context, read.fields === header.fields.length && consumed > 0, parsed, consumed, wordLevel, read.otherTime === true ? -1 : read.fields);
    if (other) [parsed, consumed] = other;
  }
  // `docker compose logs` writes each service's lines behind its name (`db-1  | …`), each service in its own layout:
  // the learned header is the most common service's, so a line it reads no further than the prefix is read after the
  // prefix (by the learned header without its service field, else by its own), the service its component if it names none.
  // A line the learned header reads past the prefix but without a level (another service's timestamp, then its own
  // fields) is read again after the prefix by a header of its own, which wins when it finds the level.
  const composed = consumed < 80 && (consumed === 0 || parsed.level === undefined) ? composePrefixEnd(line) : -1;
  if (composed > 0) {
    // A header of no fields of its own (the line was read by one of its other forms) has no service field to drop.
    const rest = consumed > 0 && header.fields.length > 0 && header.fields[0].kind === 'word' ? { fields: header.fields.slice(1), tabbed: header.tabbed } : header;
    const inner = line.slice(composed);
    let read = consumed <= composed ? parseWithHeader(rest, inner, context) : parsed;
    if (read.level === undefined) {
      const own = parseWithHeader(NO_HEADER, inner, context);
      if (own.level !== undefined) read = own;
    }
    const name = line.slice(0, line.indexOf(' '));
    // A level word in that place, before the time, is a level column (`info | 2025-11-15 13:57:41 | app | msg`, Python
    // and Node loggers' pipe-separated layouts), not a service: no service prints its own time behind a level's name.
    const level = read.level === undefined && read.timestamp !== undefined ? pipedLevel(name) : undefined;
    if (level) read.level = level;
    else read.component ??= name;
    return read;
  }
  if (line.length === 0) return parsed;
  // An indented line is the entry above's (a stack frame, wrapped text) unless the header does not read it and it opens,
  // past its indentation, with a date and time of its own: a program does not date the lines of one entry again, while
  // log text pasted indented (a quoted block, a journal's lines around the program's own) is indented whole, entries
  // and all (`    2015-09-13 20:56:39,821 INFO [3444:MainThread] mopidy.__main__: Starting …` beside `INFO     Starting …`).
  if ((line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9) && (consumed > 0 || !timestampStartsAt(line, skipSeparators(line, 0), context))) return parsed;
  // A line the main header reads only in part, its time in its own form, that holds it whole further in, in a file that
  // relays another writer's lines so (LearnedHeader.relayed): the relayed line's header, its level winning over the
  // relay's. A time in another form is another layout's (a journal's, whose program tag the line's own header reads).
  if (header.relayed && consumed > 0 && !mainWhole && mainOwnTime) {
    const relayed = relayedReading(header, line, consumed, parsed, context);
    if (relayed) return relayed;
  }
  // A line the learned header reads only in part and without the level it has a field for (its time in another form,
  // then another layout: a syslog line amid Java ones) is read by a header of its own, which wins when it finds the level.
  // It also wins when it reads further and ends at a program's tag: a syslog wrapper around the file's own form (hclog
  // in the journal), whose inner header the caller reads next. A header without a level field reads a line whose time
  // is in another form the same way: its next fields may be another layout's (`2024-01-01 10:00:03 ERROR db down` in a
  // syslog file, where the host field would take `ERROR`).
  const otherLayout = tookWordAfterOtherTime(header, read);
  if (consumed > 0 && ((parsed.level === undefined && (levelField || read.otherTime === true)) || otherLayout) && opensWithTimeOrLevel(line, context)) {
    const own: ParsedLine = { message: line };
    // The file's level column written in capitals or brackets (markLevelCase) holds for this line's own header too: its
    // `Error count reset …` opens a message, it is no level.
    const guessed = guessHeader(line, context, true);
    const fields = header.fields.some((f) => f.capitals) ? guessed.map((f) => (f.kind === 'level' && !f.marks && !f.form ? { ...f, capitals: true } : f)) : guessed;
    const ownConsumed = applyHeader(fields, line, context, own);
    // Or it reads further as a form the file's other lines show (learnForms), to a component: a syslog host and tag
    // without a pid (`Oct 22 18:42:44 host prog: …`) amid the program's own file lines, as every line of that form reads.
    const fileForm = ownConsumed > consumed && fields.at(-1)?.kind === 'component' && header.forms !== undefined && (header.formSignatures ??= new Set(header.forms.map(signature))).has(signature(fields));
    return own.level !== undefined || (ownConsumed > consumed && fields.at(-1)?.kind === 'component' && isProgramTag(own.component)) || fileForm || (ownConsumed > 0 && otherLayout) ? own : parsed;
  }
  if (consumed > 0) return parsed;
  if (header.prefixed) {
    const prefixed = prefixedReading(header, line, context);
    if (prefixed) return prefixed;
  }
  // Only a line that starts with its time or level (or a clock, or a program's tag) brings a header of its own: a level
  // word further in is content. Most lines of a file without a learned header start with none, and skip reading a whole header.
  if (opensWithOwnHeader(line, context)) {
    // No other line vouches for this one's header: a bare level abbreviated to two or three letters (Pi-hole's
    // `FTL branch: master`) is more often a word of the text than a level, and is not read as one.
    // The file's forms dropped an optional column after theirs (extendsByOptionalColumn): so is it from this reading.
    let own = guessHeader(line, context, true);
    if (header.forms) {
      const forms = (header.formSignatures ??= new Set(header.forms.map(signature)));
      if (extendsByOptionalColumn(own, (key) => forms.has(key))) own = own.slice(0, -1);
    }
    const reparsed: ParsedLine = { message: line };
    applyHeader(own, line, context, reparsed);
    reparsed.level ??= spelledLevel(reparsed.message);
    return reparsed;
  }
  parsed.level ??= spelledLevel(line);
  if (header.tabbed && parsed.timestamp === undefined && !CONTINUATION.test(line)) parsed.standalone = true;
  return parsed;
}

/**
 * The level of a line the header read, when it has none yet, from the word opening its message where the file's
 * messages show a level column (LearnedHeader.columnLevels, .messageLevels); the word is left in the message.
 */
function readColumnLevel(header: LearnedHeader, parsed: ParsedLine): void {
  if ((!header.columnLevels && !header.messageLevels) || parsed.level !== undefined) return;
  const first = firstWord(parsed.message);
  parsed.level = header.messageLevels ? (header.messageLevels.includes(caseShape(first)) ? messageLevel(first) : undefined) : columnOnlyLevel(first);
}

/**
 * Whether the learned header read a line's time in another form and then took a word as one of its own columns (a
 * syslog host): that line is not in the learned layout (`[2017-6-23 08:13:01] Loaded plugin: x` amid syslog lines), and
 * the word is the message's first, which the line's own header leaves in it.
 */
function tookWordAfterOtherTime(header: LearnedHeader, read: HeaderRead): boolean {
  if (read.otherTime !== true) return false;
  for (let i = 0; i < read.fields && i < header.fields.length; i++) if (header.fields[i].kind === 'word') return true;
  return false;
}

/** `name` as a level when it is one of LEVEL_WORDS (any ASCII case), else undefined. */
export function pipedLevel(name: string): Level | undefined {
  return LEVEL_WORD_SET.has(name.toLowerCase()) ? normalizeLevel(name) : undefined;
}

/**
 * A column's value as a level: one of LEVEL_WORDS (any ASCII case), or `LOG` in capitals, the level PostgreSQL and
 * NestJS's console logger write for ordinary messages (`LOG:  checkpoint starting`, `LOG [RoutesResolver]`). Only for
 * a value the file shows to be a column: as a word of prose `log` is no level. Undefined otherwise.
 */
export function columnLevel(value: string): Level | undefined {
  return mayBeColumnLevel(value) ? columnOnlyLevel(value) ?? pipedLevel(value) : undefined;
}

/**
 * Level words a logger writes only in its level column, as written (case and all), to their level: `LOG` (NestJS's
 * ordinary messages, PostgreSQL's). Not LEVEL_WORDS: as the first word of a message they are no level.
 */
const COLUMN_ONLY_LEVELS: ReadonlyMap<string, Level> = new Map([['LOG', 'INFO']]);

/**
 * The ASCII characters of the words columnLevel reads, lower case, by code: 1 when a word holds it, 2 when one opens
 * with it too. Built from the word lists, so that it follows them.
 */
const COLUMN_LEVEL_CHARS = new Uint8Array(128);
for (const word of [...LEVEL_WORD_SET, ...LOCALIZED_LEVEL_NAMES, ...COLUMN_ONLY_LEVELS.keys()]) {
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) < 128) COLUMN_LEVEL_CHARS[lower.charCodeAt(i)] |= i === 0 ? 3 : 1;
}

/**
 * False when `value` cannot be a word columnLevel reads: an ASCII character of it (in lower case) that no such word
 * holds (`4611`, `main_loop`), or an ASCII first one no such word opens with. Every column of every line of a file with
 * `|` columns is asked (pipe-columns.ts): most values are threads and loggers, refused here without the two lower-case
 * copies and look-ups of the words' tables. Exact: toLowerCase maps an ASCII character to one ASCII character, so a
 * word that `value` in lower case is holds each of its ASCII characters lowered, and opens with its first when ASCII.
 */
function mayBeColumnLevel(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c >= 128) continue;
    if (c >= 65 && c <= 90) c |= 0x20;
    if ((COLUMN_LEVEL_CHARS[c] & (i === 0 ? 2 : 1)) === 0) return false;
  }
  return true;
}

/**
 * columnLevel of `text.slice(start, end).trim()` (a column's value between its separators), without the copies when
 * mayBeColumnLevel would refuse the value: white space is passed over (trim may take it), and the first character that
 * is none must open a level word when it is ASCII (the value opens with it). Undefined when it is no level.
 */
export function columnLevelIn(text: string, start: number, end: number): Level | undefined {
  let first = true;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) {
      if (c >= 65 && c <= 90) c |= 0x20;
      if ((COLUMN_LEVEL_CHARS[c] & (first ? 2 : 1)) === 0) return undefined;
    }
    first = false;
  }
  return columnLevel(text.slice(start, end).trim());
}


/**
 * The level of `value` when it is a word only a level column holds, else undefined: COLUMN_ONLY_LEVELS as written, or a
 * level name in another language (levels.ts localizedLevel: `WARNUNG`, `심각`, `エラー`), which is a word of text
 * anywhere but in a column its file shows to hold levels.
 */
export function columnOnlyLevel(value: string): Level | undefined {
  return COLUMN_ONLY_LEVELS.get(value) ?? localizedLevel(value);
}

/**
 * A COLUMN_ONLY_LEVELS word at `position`, bare or in brackets as the learned level field writes its levels
 * (`bracketed`), ending its field: its level and end, or undefined. Only read at a learned level field: the file's own
 * lines showed that column to hold levels.
 */
/** A capitalised word, up to one more lower-case word, then a lower-case word and a colon: `Parse error:`. */
const LEVEL_PHRASE_AT = /([A-Z][a-z]+) (?:([a-z]+) )?([a-z]+):(?=[ \t]|$)/y;

/**
 * A level named by a phrase that ends in a level word and a colon, read where the file's level column stands: PHP
 * writes its error types so (`Parse error:`, `Fatal error:`, `Catchable fatal error:`, `Core warning:`, `User
 * notice:`), and reading only `Fatal` left `error:` in the message and `Parse error` lines with no level at all, so an
 * error filter missed them. The most severe level word of the phrase is the level; a phrase whose last word is not
 * a level word (`Strict Standards:`) is not one.
 */
function levelPhraseAt(line: string, position: number): FieldMatch | undefined {
  // The phrase opens with a capital letter: any other first character rules it out without running the regex (every
  // line of a file with a level field asks this first).
  const first = line.charCodeAt(position);
  if (!(first >= 65 && first <= 90)) return undefined;
  const m = matchAt(LEVEL_PHRASE_AT, line, position);
  if (!m || !LEVEL_WORD_SET.has(m[3])) return undefined;
  let level = normalizeLevel(m[3]);
  for (const word of [m[1].toLowerCase(), m[2]]) {
    const other = word !== undefined && LEVEL_WORD_SET.has(word) ? normalizeLevel(word) : undefined;
    if (other && level && LEVELS.indexOf(other) > LEVELS.indexOf(level)) level = other;
  }
  return level ? { end: position + m[0].length, level } : undefined;
}

function columnOnlyLevelAt(line: string, position: number, bracketed: boolean | undefined): FieldMatch | undefined {
  const end = wordEnd(line, position);
  if (end < 0) return undefined;
  const inBrackets = line.charCodeAt(position) === 91 && line.charCodeAt(end - 1) === 93;
  if (Boolean(bracketed) !== inBrackets) return undefined;
  const level = columnOnlyLevel(bracketed ? line.slice(position + 1, end - 1) : line.slice(position, end));
  return level ? { end, level } : undefined;
}

/** The HeaderRead of parseWithHeader's lines that need no record of their own (read before any nested parse). */
const SHARED_READ: HeaderRead = { fields: 0, otherTime: false, leveled: false };

/** How far applyHeader read: the number of fields it matched, and whether its time was in another form than the header's. */
interface HeaderRead {
  fields: number;
  otherTime?: boolean;
  /** Whether one of its fields read the line's level (not the message's first word: applyHeader's leadingLevel). */
  leveled?: boolean;
}

/**
 * A line read by one of the file's other header forms, when one reads it whole and further than the main header did
 * (`consumed`; `whole`: the main header read all its fields): first the main header with the level after it (when the
 * main header read it whole without a level), then the other forms. A line the main header does not read whole but
 * that opens with a header of its own is left to that reading, which knows the line best. Undefined when none does.
 */
/**
 * `mainFields`: how many of the main header's fields read the line (-1 when it read the line's time in another form).
 */
function readOtherForm(header: LearnedHeader, line: string, context: TimestampContext, whole: boolean, main: ParsedLine, consumed: number, wordLevel: boolean, mainFields: number): [ParsedLine, number] | undefined {
  const read: HeaderRead = { fields: 0 };
  // A line the main header read a level on takes only an extension by thread and logger columns, or by a bracketed
  // name closed by a colon (learnForms). A level read from the message's first word (`wordLevel`) is the level column
  // of the extension that adds only a level to the main header (`<time> [FATAL]   remote: …` beside `<time> [  LOG]
  // main: …`): that extension reads it too, and cuts it as on the form's other lines.
  if (whole && main.component === undefined && header.extended) {
    const only = main.level === undefined ? undefined : wordLevel ? header.fields.length + 1 : 0;
    const extended = firstWholeReading(header.extended, line, context, consumed, read, only);
    if (extended) return extended;
  }
  // A line the main header read in part, with a word column the file writes inside it on some lines (learnInsertedColumns).
  if (!whole && consumed > 0 && header.inserted) {
    const inserted = firstWholeReading(header.inserted, line, context, consumed, read);
    // The main header's columns, and so its messages' level column.
    if (inserted) readColumnLevel(header, inserted[0]);
    if (inserted) return inserted;
  }
  if (!header.forms) return undefined;
  // A line that opens with a header of its own is read by it (parseWithHeader), unless the main header read its start
  // and a form of the file that opens with the same columns reads on past it, to a column other than a level: the form
  // the file's other lines show (ROS's `[ INFO] [<wall>, <sim>]:` beside its `[ INFO] [<wall>]:`, where the main header
  // stops at the time it does not read; a syslog host the main header goes without). A form ending at a level would cut
  // a level word the main header leaves in its lines' messages (PgBouncer's `LOG`). A line whose time the main header
  // read in another form is another layout's, read by its own header (a syslog relay's line amid the program's own).
  if (!whole && opensWithOwnHeader(line, context)) {
    if (consumed === 0 || mainFields <= 0) return undefined;
    const opening = signature(header.fields.slice(0, mainFields));
    const forms = header.forms.filter((form) => form.length > mainFields && form.at(-1)?.kind !== 'level' && signature(form.slice(0, mainFields)) === opening);
    return forms.length > 0 ? firstWholeReading(forms, line, context, consumed, read) : undefined;
  }
  return firstWholeReading(header.forms, line, context, whole ? consumed : 0, read);
}

/**
 * The reading of `line` by the first of `forms` that reads all its fields and ends after `after`, with where it ends;
 * `only`: 0 for only forms that end at a logger or a bracket (learnForms learns such an extension where a colon closes
 * it); a count of fields n > 0 for those and a form of n fields ending at a level. A later form that reads the line's time where the first read none wins: a form of fewer columns may read the
 * start of another's line whole, its time as a plain column (`[cont-2] [DEBUG] [1699510965.6]` read as bracket, level,
 * bracket, where the line's own form reads the time and the `[rcl]:` after it).
 */
function firstWholeReading(forms: HeaderField[][], line: string, context: TimestampContext, after: number, read: HeaderRead, only?: number): [ParsedLine, number] | undefined {
  let first: [ParsedLine, number] | undefined;
  for (const fields of forms) {
    const last = fields[fields.length - 1].kind;
    if (only === 0 && last !== 'logger' && last !== 'bracket') continue;
    if (only !== undefined && only > 0 && !(fields.length === only && last === 'level') && last !== 'logger' && last !== 'bracket') continue;
    const own: ParsedLine = { message: line };
    const end = applyHeader(fields, line, context, own, read);
    if (read.fields !== fields.length || end <= after) continue;
    if (first === undefined) first = [own, end];
    else if (first[0].timestamp === undefined && own.timestamp !== undefined) return [own, end];
    if (first[0].timestamp !== undefined) return first;
  }
  return first;
}

/**
 * End of a docker compose prefix at the start of `line` (a service name, spaces, `|`, a space: `web-1  | `,
 * `haproxy_1_3e1d962649bf | `), or -1. The name is a container's (letters, digits, `_`, `.`, `-`, at most 64) and is
 * followed by at least one space before the bar, which prose and pipe-delimited columns (`Step_LSC|30002312|…`) are not.
 */
export function composePrefixEnd(line: string): number {
  // The bar is the line's first (neither the name nor the spaces hold one), a space on each side: most lines fail
  // that at their first `|` or have none, found by an indexOf, which costs less than reading the name.
  const bar = line.indexOf('|');
  if (bar < 2 || line.charCodeAt(bar - 1) !== 32 || line.charCodeAt(bar + 1) !== 32) return -1;
  let i = 0;
  while (i < line.length && i <= 64) {
    const c = line.charCodeAt(i);
    if (!(isAsciiLetter(c) || isDigitCode(c) || c === 95 || c === 46 || c === 45)) break;
    i++;
  }
  if (i === 0 || line.charCodeAt(i) !== 32) return -1;
  while (line.charCodeAt(i) === 32) i++;
  return line.charCodeAt(i) === 124 && line.charCodeAt(i + 1) === 32 ? i + 2 : -1;
}

/**
 * Whether guessHeader's first field would be a timestamp, a level or a bracket that opens with a time
 * (`[2020-10-20 12:38:37.223 29492M] …`): the first step of readHeader alone.
 */
function opensWithTimeOrLevel(line: string, context: TimestampContext): boolean {
  const position = skipSeparators(line, 0);
  if (position >= line.length) return false;
  if (line.charCodeAt(position) === 91 && timeInside(line, position + 1, context, false).epoch !== undefined) return true;
  return timestampStartsAt(line, position, context) || matchLevel(line, position, context) !== undefined;
}

/**
 * `line` read by the header it seems to start with (no other line vouching for it), when that header gives a level:
 * the inner line behind a program's tag (`[61574:0] notice: init module 0: python`). Undefined otherwise.
 */
export function ownLeveledHeader(line: string, context: TimestampContext): ParsedLine | undefined {
  const own: ParsedLine = { message: line };
  const fields = guessHeader(line, context, true);
  const level = fields.findIndex((f) => f.kind === 'level' || f.leveled);
  if (level < 0) return undefined;
  // Read up to the level: what a lone line shows after it is as often the message's own (`[pfBlockerNG]: …`).
  applyHeader(fields.slice(0, level + 1), line, context, own);
  return own.level === undefined ? undefined : own;
}

/**
 * Whether a line the learned header does not read brings a header of its own: it opens with a time or a level, with
 * a time of day or a date whose month is not read (a harness's clock before the program's header, a journal in
 * another language), or with a program's syslog tag and pid (`bluetoothd[2285962]: …`, a daemon's stderr outside the
 * journal).
 */
function opensWithOwnHeader(line: string, context: TimestampContext): boolean {
  if (opensWithTimeOrLevel(line, context)) return true;
  const position = skipSeparators(line, 0);
  const first = line.charCodeAt(position);
  if (isDigitCode(first) || first === 91 || DAY_PERIOD_INITIALS.has(first)) return matchAt(CLOCK_AT, line, position) !== null || (first === 91 && matchAt(CLOCK_LEVEL_AT, line, position) !== null) || unorderedDateEnd(line, position) >= 0;
  return monthWordDateEnd(line, position) >= 0 || syslogTagEnd(line, position) >= 0;
}

/** First characters of the day-halves CLOCK_AT reads before a clock (`오후 3:04:05`, `PM 3:04:05`). */
const DAY_PERIOD_INITIALS = new Set(['오', '午', '上', '下', 'A', 'P'].map((c) => c.charCodeAt(0)));

/** Whether a component is a program's tag with its pid (`nomad[12020]`). */
export function isProgramTag(component: string | undefined): boolean {
  if (component === undefined || component.charCodeAt(component.length - 1) !== 93 /* ] */) return false;
  let at = component.length - 2;
  while (at > 0 && isDigitCode(component.charCodeAt(at))) at--;
  return at < component.length - 2 && component.charCodeAt(at) === 91 /* [ */;
}

/**
 * End of a program's syslog tag with its pid at `position` (`name[1234]: `, the name of letters, digits, `_`, `.`, `-`
 * or `/`, at most 64), or -1.
 */
function syslogTagEnd(line: string, position: number): number {
  let at = position;
  for (let c = line.charCodeAt(at); isAsciiLetter(c) || isDigitCode(c) || c === 95 || c === 46 || c === 45 || c === 47; c = line.charCodeAt(++at));
  if (at === position || at - position > 64 || !isAsciiLetter(line.charCodeAt(position)) || line.charCodeAt(at) !== 91) return -1;
  const digits = ++at;
  while (isDigitCode(line.charCodeAt(at))) at++;
  if (at === digits || line.charCodeAt(at) !== 93 || line.charCodeAt(at + 1) !== 58) return -1;
  return endsField(line, at + 2) ? at + 2 : -1;
}

/**
 * The level text [start, end) is an abbreviation of two or three letters without brackets (`ERR`, `FTL`, `inf`), not
 * glued to the time that follows it.
 */
/**
 * On a line read alone: a lower-case level word right after a capitalised word that follows the time (`1764662405:
 * Socket error on client c1`, `<time> Parse error in line 3`) is the head of a noun phrase opening the message, not a
 * level column: a message starts as a sentence does, with a capital, and a level written in lower case after a column
 * (a host, a thread) does not follow one capitalised as a sentence's first word. No other line vouches for a column here.
 */
function isNounOfPhrase(fields: HeaderField[], line: string, ends: number[], position: number): boolean {
  if (fields.length < 2 || fields.at(-1)?.kind !== 'word' || !isStrong(fields[fields.length - 2].kind)) return false;
  const c = line.charCodeAt(position);
  if (c < 97 || c > 122) return false;
  const start = skipSeparators(line, ends[ends.length - 2]);
  return /^[A-Z][a-z]+$/.test(line.slice(start, ends[ends.length - 1]));
}

/**
 * On a line read alone: a bare letter opening the line or following a bracket or `name:`, then text that is no column
 * (`A op/src/file.bin`, `M src/main.c`, `D old.txt`, `[TOTEM ] A processor failed`) is a status letter before a path
 * (Borg's `--list`, `git status --short`, svn's update) or a sentence's first word, not a level. A level letter is a
 * column of a layout: after a time or a number (`<time> E …`, logcat's `<pid> <tid> D Tag: …`), or before a time, a
 * bracket, a number (a pid, a clock) or the tag's `name:` (`D WindowManager: …`), or closed by a colon (apt's `E: …`).
 */
function isStatusLetter(fields: HeaderField[], line: string, start: number, end: number, context: TimestampContext): boolean {
  if (end - start !== 1 || !isAsciiLetter(line.charCodeAt(start))) return false;
  const before = fields.at(-1)?.kind;
  if (before !== undefined && before !== 'bracket' && before !== 'paren' && before !== 'component') return false;
  const next = skipSeparators(line, end);
  if (next >= line.length || line.charCodeAt(end) === 58 /* : */) return false;
  const c = line.charCodeAt(next);
  if (c === 91 /* [ */ || c === 40 /* ( */ || c === 60 /* < */ || isDigitCode(c)) return false;
  return componentEnd(line, next) < 0 && !timestampStartsAt(line, next, context);
}

function isShortBareLevel(line: string, start: number, end: number): boolean {
  const first = line.charCodeAt(start);
  if (first === 91 || first === 60 || first === 40 || isDigitCode(line.charCodeAt(end))) return false;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (isAsciiLetter(c)) letters++;
  }
  // One letter is Android's and glog's (`D WindowManager: …`), a form of its own; two or three are abbreviations.
  return letters >= 2 && letters <= 3;
}

/**
 * Whether the fields read so far are a syslog time and one word (the host), or the `name:` at `position` carries a pid
 * (`sshd[812]:`): on a line read alone, only these make a word and a `name:` after it the host and the program
 * (`Jun 14 15:16:01 combo kernel: …`), not the message's own words (`FTL branch: master`).
 */
function afterSyslogTime(fields: HeaderField[], line: string, position: number): boolean {
  if (fields.length >= 2 && fields[fields.length - 2].pattern?.id === 'syslog') return true;
  const colon = line.indexOf(': ', position);
  return colon > position && line.charCodeAt(colon - 1) === 93;
}

/**
 * Whether the lone dash at `position` is followed by a caller's column (callerLineEnd), a bracketed thread name before
 * it allowed: `- UM.Backend.Backend._logSocketState [171]: `, `- [MainThread] cura.CuraApplication.run [791]: `.
 */
function callerAfterDash(line: string, position: number): boolean {
  let at = skipWhiteSpace(line, position + 1);
  if (line.charCodeAt(at) === 91) {
    const end = bracketEnd(line, at);
    if (end < 0 || line.charCodeAt(end) !== 32) return false;
    at = end + 1;
  }
  const end = componentEnd(line, at);
  return end >= 0 && closedByCallerLine(line, end);
}

/**
 * Whether the `name:` column ending at `end` (componentEnd's) closes with a caller's line number (callerLineEnd:
 * ` [231]:`, ` [63]):`), never a statement's `key:` (`values[0]:` holds no space before its bracket).
 */
function closedByCallerLine(line: string, end: number): boolean {
  let at = end - 2;
  if (line.charCodeAt(at) === 41 /* ) */) at--;
  if (line.charCodeAt(at--) !== 93 /* ] */) return false;
  const last = at;
  while (at >= 0 && isDigitCode(line.charCodeAt(at))) at--;
  return at < last && line.charCodeAt(at) === 91 /* [ */ && line.charCodeAt(at - 1) === 32;
}

/** A `-` standing alone at `position`, between spaces or tabs. */
function isLoneDash(line: string, position: number): boolean {
  const next = line.charCodeAt(position + 1);
  return line.charCodeAt(position) === 45 && (next === 32 || next === 9);
}

/**
 * A level written out in capitals (`INFO`, `WARNING`, not `FTL` or `Info`), or bracketed: after two or more words it
 * may still close a header (`R02-M1-N0 RAS KERNEL INFO …`, BlueGene), while a short or lower-case one there is prose
 * (`PID of FTL process: 12668`).
 */
function isSpelledOutLevel(line: string, start: number, end: number): boolean {
  if (line.charCodeAt(start) === 91 || line.charCodeAt(start) === 60) return true;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 4;
}

/**
 * A time at `position` in another form than the learned field's, read into `out`: one program may change its date
 * form between versions (NLog `17-3-10 23:39:31.5|Info|…` then `2021-09-12 09:38:14.3|Info|…`), and the rest of the
 * learned header still holds for such lines; reading them with a header of their own would cut their messages
 * differently. Only tried when the learned form fails.
 */
function otherTimeForm(field: HeaderField, line: string, position: number, context: TimestampContext, out: FieldMatch): boolean {
  for (const pattern of timestampPatternsAt(line, position)) {
    if (pattern === field.pattern) continue;
    if (readField({ kind: 'timestamp', pattern }, line, position, context, out) && out.epoch !== undefined) return true;
  }
  return false;
}

/**
 * The match applyHeader reads every field into: one record for all lines (no object per line), every member set from
 * the start so that readField's writes keep one shape. applyHeader is not re-entered while it reads (no field reader
 * applies a header), so no line's reading overwrites another's.
 */
const FIELD_MATCH: FieldMatch = { end: -1, epoch: undefined, level: undefined, component: undefined, form: undefined };

/**
 * Applies header fields in order from the start of `line` to `parsed` (a new `{ message: line }`); returns where the
 * header ended (0: none matched).
 */
function applyHeader(fields: HeaderField[], line: string, context: TimestampContext, parsed: ParsedLine, read?: HeaderRead): number {
  let position = skipSeparators(line, 0);
  let consumed = 0;
  let uptimeEnd = -1;
  let clockEnd = -1;
  // Whether the last field read is a `name:`: its colon closed the header, so a dash after it opens the message.
  let named = false;
  const m = FIELD_MATCH;
  m.end = -1;
  if (read) {
    read.fields = 0;
    read.otherTime = false;
    read.leveled = false;
  }
  // Whether a field read so far is a strong one (a time, a level, a bracket, a `name:`…), or a word column that gave a level.
  let strong = false;
  // Where the last field read starts, when it is a word column (else -1).
  let previous = -1;
  for (const field of fields) {
    if (!readField(field, line, position, context, m)) {
      if (field.kind === 'timestamp' && otherTimeForm(field, line, position, context, m)) {
        if (read) read.otherTime = true;
      } else if (field.kind === 'level' && sourceLineBeforeLevel(field, line, position, previous, context, m)) {
        // Read: the level after the source location, which is the header's too.
      } else {
        // A line the header stops on before any strong field, at a column other than its level (which some lines go
        // without: sshd's `<pid> <clock> <ms> Server listening …` beside its `debug1:` lines), where the words read are
        // letters only, is not in its layout: they are the message's (`NCCL version 2.4.8` where the header is
        // `host:pid:tid [dev] NCCL INFO`). A column's value with digits or marks is the column's (Redis's
        // `1490:signal-handler (1636386259) …` beside its `1490:M <date> * …`).
        if (!strong && consumed > 0 && isStrong(field.kind) && field.kind !== 'level' && lettersOnly(line, 0, consumed)) {
          consumed = 0;
          if (read) read.fields = 0;
        }
        break;
      }
    }
    strong ||= isStrong(field.kind) || m.epoch !== undefined || m.level !== undefined;
    previous = field.kind === 'word' ? position : -1;
    if (read) read.fields++;
    if (m.epoch !== undefined && parsed.timestamp === undefined) parsed.timestamp = m.epoch;
    if (m.level !== undefined && parsed.level === undefined) parsed.level = m.level;
    if (m.component !== undefined) parsed.component = m.component;
    if (m.form === 'level-clock') clockEnd = m.end;
    consumed = m.end;
    named = field.kind === 'component';
    position = skipSeparators(line, m.end);
    if (field.kind === 'uptime') {
      uptimeEnd = m.end;
      // An indented line of the entry above has no header fields after its stamp: `(WW) warning, (EE) error, …` there is text.
      if (indentedAfter(line, m.end)) break;
    }
    if (field.kind === 'clock') {
      clockEnd = m.end;
      // A colon after the clock closes the header (`[03:20:50 INFO]: [server connection] …`): a bracket after it is the
      // message's, though the file's main header reads a thread's bracket there (`[18:38:02] [main/INFO] …`).
      if (line.charCodeAt(m.end - 1) === 58) break;
    }
  }
  // A lone dash, arrow or colon between header and message (`… [thread] - message`, freshclam's `<ctime> -> message`,
  // FreeRADIUS's `<ctime> : Auth: …`) belongs to neither; after a `name:`, whose colon closed the header, a dash is the
  // message's own: a list's bullet (`main: - ffmpeg`, Vagrant's `global:   - bundler = 1.6.2` under `Dependencies:`).
  if (consumed > 0 && !named) position = pastLoneSeparators(line, position);
  if (consumed > 0) parsed.message = line.slice(position);
  if (read) read.leveled = parsed.level !== undefined;
  // Monolog's `channel.LEVEL:` column after a header that read the line's time (`[<time>] app.ERROR: …` in a file whose
  // other lines print the level their own way): the line's channel and level, cut from the message as the lines of a
  // Monolog file are, with the context and extra fields its formatter appends (monolog-fields.ts).
  if (parsed.level === undefined && !(consumed > 0 && cutChannelLevel(parsed))) parsed.level = leadingLevel(parsed.message) ?? channelLevel(parsed.message) ?? statusLevel(line);
  if (uptimeEnd >= 0 && parsed.level === undefined && parsed.timestamp === undefined && !indentedAfter(line, uptimeEnd)) parsed.standalone = true;
  // A line stamped with a time of day starts an entry of its own, even without a level (it has no date to give).
  if (clockEnd >= 0 && parsed.level === undefined && parsed.timestamp === undefined) parsed.standalone = true;
  // With a level it opens an entry too, at its own time: the entry above is another moment, its time no guess for this one.
  if (clockEnd >= 0 && parsed.timestamp === undefined) parsed.ownClock = true;
  return consumed;
}

/**
 * Where the message starts when the header's last field ended before `position` (past its separators) and was no
 * `name:`: past a lone dash, arrow or colon there (loneSeparatorEnd), the empty columns after it, and their blanks.
 */
export function pastLoneSeparators(line: string, position: number): number {
  const dashed = line.charCodeAt(position) === 45; /* - */
  position = skipSeparators(line, loneSeparatorEnd(line, position));
  // An empty column between two dashes (`INFO - - Server version`, Python's `%(request)s` outside a request) too.
  while (isLoneDash(line, position)) position = skipSeparators(line, position + 1);
  // And an empty name's colon after the dash (Ruby's Logger writes `-- progname: ` and, without a program name,
  // `-- : `): no statement opens with a lone colon.
  if (dashed && line.charCodeAt(position) === 58 && (line.charCodeAt(position + 1) === 32 || line.charCodeAt(position + 1) === 9)) position = skipSeparators(line, position + 1);
  return position;
}

/** Whether line[start, end) holds only ASCII letters and blanks. */
function lettersOnly(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (!isAsciiLetter(c) && c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Whether a source location column (SOURCE_LINE_COLUMN_AT) stands where the header's level `field` was expected, or
 * where the word column before it was read (`previous`: its start, else -1; that column's literal then follows it),
 * with the level right after: read into `m` (its end past the level), true. A logger that writes the place of its
 * warnings only keeps its own layout around it (NCCL's `[dev] file.cc:63 NCCL WARN` beside `[dev] NCCL INFO`); a level
 * word after any other word is the message's.
 */
function sourceLineBeforeLevel(field: HeaderField, line: string, position: number, previous: number, context: TimestampContext, m: FieldMatch): boolean {
  let at = sourceLineColumnEnd(line, position);
  if (at < 0 && previous >= 0 && sourceLineColumnEnd(line, previous) === wordEnd(line, previous)) at = wordEnd(line, position);
  return at > 0 && readField(field, line, skipSeparators(line, at), context, m);
}

/** End of SOURCE_LINE_COLUMN_AT's match at `position`, or -1. */
function sourceLineColumnEnd(line: string, position: number): number {
  const c = line.charCodeAt(position);
  if (!(isAsciiLetter(c) || isDigitCode(c) || c === 46 || c === 47 || c === 95)) return -1;
  SOURCE_LINE_COLUMN_AT.lastIndex = position;
  return SOURCE_LINE_COLUMN_AT.test(line) ? SOURCE_LINE_COLUMN_AT.lastIndex : -1;
}

/**
 * The end of a dash, arrow or colon standing alone at `position` (`-`, `--`, `->`, `=>`, `>>`, `:` followed by a space
 * or a tab), or `position` when there is none. No statement opens with a lone colon: it closes the header's last field.
 */
function loneSeparatorEnd(line: string, position: number): number {
  const c = line.charCodeAt(position);
  if (c !== 45 && c !== 61 && c !== 62 && c !== 58) return position; /* - = > : */
  const second = line.charCodeAt(position + 1);
  if ((c === 45 || c === 58) && (second === 32 || second === 9)) return position + 1;
  const pair = (c === 45 && (second === 45 || second === 62)) || (c === 61 && second === 62) || (c === 62 && second === 62);
  const after = line.charCodeAt(position + 2);
  return pair && (after === 32 || after === 9) ? position + 2 : position;
}

/**
 * Whether the text after an uptime stamp is indented (more than one space): a line of the entry above (Xorg's module
 * details, a kernel call trace). Otherwise a stamped line without a level is an entry of its own: it has no wall-clock
 * time, and must not take the level of the line above it.
 */
function indentedAfter(line: string, end: number): boolean {
  const next = line.charCodeAt(end + 1);
  return line.charCodeAt(end) === 9 || (line.charCodeAt(end) === 32 && (next === 32 || next === 9));
}

/** The first letters of the level words, lower case, as a table by character code (1: an initial). */
const LEVEL_INITIALS = new Uint8Array(128);
for (const word of LEVEL_WORDS.split('|')) LEVEL_INITIALS[word.charCodeAt(0)] = 1;

/**
 * Whether LEADING_LEVEL or LEADING_UPPER_LEVEL can match: the message starts with `[`, `<`, something that may be
 * white space (their `\s*`), or a level word's first letter (either case) in a first word that ends at a `:`
 * (`error: …`) or is upper case before white space (`ERROR …`); anything else rules both out.
 */
function mayStartWithLevel(message: string): boolean {
  const c = message.charCodeAt(0);
  if (!isAsciiLetter(c)) return c === 91 || c === 60 || !(c > 32 && c < 127);
  // A table read, not a Set's lookup: every message of a file without a level field is asked.
  if (LEVEL_INITIALS[c | 0x20] !== 1) return false;
  // Level words are letters and digits: the first word is the run of them.
  let end = 1;
  let upper = c <= 90;
  for (let d = message.charCodeAt(end); isAsciiLetter(d) || isDigitCode(d); d = message.charCodeAt(++end)) if (d >= 97) upper = false;
  const next = message.charCodeAt(end);
  return next === 58 || (upper && isWhiteSpace(next));
}

/** A level written at the start of the message: `error: …`, `[WARN] …`, `ERROR …`. */
export function leadingLevel(message: string): Level | undefined {
  if (!mayStartWithLevel(message)) return undefined;
  const m = LEADING_LEVEL.exec(message) ?? LEADING_UPPER_LEVEL.exec(message);
  if (!m) return undefined;
  return m[2] !== undefined ? angleLevel(m[2]) : normalizeLevel(m[1] ?? m[3]);
}

const UPPER_LEVELS = 'TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRIT|CRITICAL|ALERT|EMERG|EMERGENCY|PANIC';
/** `level=error`, `"severity":"warn"`, `lvl: err` anywhere near the start. */
const KEYED_LEVEL = new RegExp(String.raw`(?:^|[\s{,"])(?:level|lvl|severity|loglevel|log_level)"?\s*[=:]\s*"?(${LEVEL_WORDS})(?![\w-])`, 'i');
/** The key names KEYED_LEVEL needs (a simpler search that rules most lines out). */
const KEYED_NAME = /l(?:evel|vl)|severity/i;
/** Monolog `app.ERROR:`, Android brief `E/Tag(…):`, and an upper-case level word among the first few fields. */
const DOTTED_LEVEL = new RegExp(String.raw`(?:^|[\s\]])[\w-]+\.(${UPPER_LEVELS}):`);
const ANDROID_BRIEF = /^([VDIWEFA])\/[^\s(]+ ?\(/;
const EARLY_UPPER_LEVEL = new RegExp(String.raw`^(?:\S+\s+){0,5}?[[<(]?(${UPPER_LEVELS})[\]>)]?(?=[\s:,|\]-]|$)`);
export const UPPER_LEVEL_WORD = new RegExp(String.raw`^(${UPPER_LEVELS}|LOG):$`);
/** Characters of UPPER_LEVEL_WORD's longest match (`EMERGENCY:`). */
export const UPPER_LEVEL_WORD_MAX = Math.max(...UPPER_LEVELS.split('|').map((word) => word.length)) + 1;
// Access logs have no level; by the common convention a 5xx answer is an error and a 4xx one a warning. The status is
// found after the quoted request line (common/combined, Envoy), after HAProxy's timers, or before IIS W3C's last three
// default fields (sc-substatus sc-win32-status time-taken).
// Every repeat is bounded and the timers start after a non-digit, so a long run of digits is read in linear time.
export const ACCESS_STATUS = /"[A-Z]{3,7} [^\s"]{1,8192} HTTP\/[\d.]{1,4}" (\d{3}) |(?<![\d/])\d{1,9}\/-?\d{1,9}\/-?\d{1,9}\/-?\d{1,9}\/\+?\d{1,9} (\d{3}) | (\d{3}) \d{1,9} \d{1,9} \d{1,9}$/;

/**
 * Whether ACCESS_STATUS's first two forms can match: each needs what a line seldom has (the request line's ` HTTP/`,
 * HAProxy's four timer slashes, each between a digit and a digit or sign); a URL or a path alone does not do.
 */
function mayHaveRequestOrTimers(line: string): boolean {
  const slash = line.indexOf('/');
  if (slash < 0) return false;
  if (line.indexOf(' HTTP/', slash - 5) >= 0) return true;
  let slashes = 0;
  for (let at = slash; at >= 0 && slashes < 4; at = line.indexOf('/', at + 1)) if (isTimerSlash(line, at)) slashes++;
  return slashes >= 4;
}

/** A slash as the timers write it: after a digit, before a digit, `-` or `+`. */
function isTimerSlash(line: string, at: number): boolean {
  const next = line.charCodeAt(at + 1);
  return isDigitCode(line.charCodeAt(at - 1)) && (isDigitCode(next) || next === 45 || next === 43);
}

/** Start of the run of 1..`max` digits that ends just before `end` and follows a space, or -1. */
function digitsBefore(line: string, end: number, max: number): number {
  let start = end;
  while (start > 0 && start > end - max - 1 && isDigitCode(line.charCodeAt(start - 1))) start--;
  return start < end && end - start <= max && line.charCodeAt(start - 1) === 32 ? start : -1;
}

/**
 * ACCESS_STATUS's last form, ` (\d{3}) \d{1,9} \d{1,9} \d{1,9}$`, read from the end of the line (lines that end in a
 * number are common, and the regex would try it at every position): the status, or undefined.
 */
function tailStatus(line: string): number | undefined {
  let end = line.length;
  for (let field = 0; field < 3; field++) {
    const start = digitsBefore(line, end, 9);
    if (start < 0) return undefined;
    end = start - 1;
  }
  const start = digitsBefore(line, end, 3);
  return start >= 0 && end - start === 3 ? Number(line.slice(start, end)) : undefined;
}

/** The level an access log line's HTTP status stands for: 5xx ERROR, 4xx WARN, others INFO; undefined when no status. */
export function statusLevel(line: string): Level | undefined {
  let status: number | undefined;
  if (mayHaveRequestOrTimers(line)) {
    const m = ACCESS_STATUS.exec(line);
    if (m) status = Number(m[1] ?? m[2] ?? m[3]);
  } else if (isDigitCode(line.charCodeAt(line.length - 1))) status = tailStatus(line);
  if (status === undefined || status < 100 || status > 599) return undefined;
  return status >= 500 ? 'ERROR' : status >= 400 ? 'WARN' : 'INFO';
}

/** The first letters of the upper-case level words DOTTED_LEVEL looks for (character codes). */
const UPPER_INITIALS = new Set(UPPER_LEVELS.split('|').map((word) => word.charCodeAt(0)));

/** Whether DOTTED_LEVEL can match: it needs a `.` followed by an upper-case level word's first letter. */
function mayHaveDottedLevel(head: string): boolean {
  for (let dot = head.indexOf('.'); dot >= 0; dot = head.indexOf('.', dot + 1)) if (UPPER_INITIALS.has(head.charCodeAt(dot + 1))) return true;
  return false;
}

/** An upper-case level word among the first fields of `line` (the form an envelope's inner line must use to win). */
export function upperCaseLevel(line: string): Level | undefined {
  const m = EARLY_UPPER_LEVEL.exec(line.length > SPELLED_CHARS ? line.slice(0, SPELLED_CHARS) : line);
  return m ? normalizeLevel(m[1]) : undefined;
}

const CHANNEL_LEVEL = new RegExp(String.raw`^[\w-]+\.(${UPPER_LEVELS}):`);

/** Whether CHANNEL_LEVEL can match at `start`: it needs a `.` and an upper-case letter right after a first run of word characters and dashes. */
export function mayBeChannelLevel(text: string, start: number): boolean {
  // The first `.` (found by indexOf, faster than reading the run) must be that run's end, before an upper-case letter.
  const dot = text.indexOf('.', start);
  if (dot <= start) return false;
  const next = text.charCodeAt(dot + 1);
  if (!(next >= 65 && next <= 90)) return false;
  for (let at = start; at < dot; at++) {
    const c = text.charCodeAt(at);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45)) return false;
  }
  return true;
}

/**
 * `parsed` with the Monolog `channel.LEVEL:` column its message opens with cut (CHANNEL_LEVEL, text after it), the
 * level and channel read from it, and the context and extra fields at the message's end cut too (monologFieldsStart);
 * false, `parsed` untouched, when the message does not open with one.
 */
function cutChannelLevel(parsed: ParsedLine): boolean {
  const message = parsed.message;
  const column = matchChannelLevel(message);
  if (!column) return false;
  const start = skipSeparators(message, column.end);
  if (start >= message.length || start === column.end) return false;
  parsed.level = column.level;
  parsed.component ??= message.slice(0, message.indexOf('.'));
  const end = monologFieldsStart(message);
  parsed.message = message.slice(start, end > start ? end : message.length);
  return true;
}

/** A level after the channel that logged it, at the start of the message: `app.ERROR: …` (PHP Monolog). */
export function channelLevel(message: string): Level | undefined {
  return matchChannelLevel(message)?.level;
}

/** The `channel.LEVEL:` column a message opens with (CHANNEL_LEVEL): its level and where the column's colon ends; undefined when none. */
function matchChannelLevel(message: string): { level: Level; end: number } | undefined {
  if (!mayBeChannelLevel(message, 0)) return undefined;
  const m = CHANNEL_LEVEL.exec(message);
  const level = m ? normalizeLevel(m[1]) : undefined;
  return m && level ? { level, end: m[0].length } : undefined;
}

/** Characters of a line looked at for a spelled level. */
const SPELLED_CHARS = 300;

/**
 * The level of a line whose header was not learned, from the usual spellings: `ERROR`, `[error]`, `error:`, `E/Tag(…)`,
 * `level=error`, `app.ERROR:`, or an upper-case level word among the line's first six fields. Undefined when none.
 */
export function spelledLevel(line: string): Level | undefined {
  const head = line.length > SPELLED_CHARS ? line.slice(0, SPELLED_CHARS) : line;
  const leading = leadingLevel(head);
  if (leading) return leading;
  const m = ANDROID_BRIEF.exec(head) ?? (KEYED_NAME.test(head) ? KEYED_LEVEL.exec(head) : null) ?? (mayHaveDottedLevel(head) ? DOTTED_LEVEL.exec(head) : null) ?? EARLY_UPPER_LEVEL.exec(head);
  return m ? normalizeLevel(m[1]) : undefined;
}
