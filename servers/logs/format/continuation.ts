// Lines that carry a time yet belong to the entry above: they share its level instead of starting an entry of their own.
import { announcesReport, isSignalDeath, opensTraceback } from './crash-reports';
import { continuationShaped } from './header';
import { LEVELS, type Level, type LineParser, type ParsedLine } from './types';

// PostgreSQL writes the parts of one entry (DETAIL, HINT, STATEMENT …) as lines with the entry's own prefix. Matched on
// the learned component (`… [pid] DETAIL:`) or, where no header was learned, on the start of the message.
const ENTRY_PART = /^(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION)$/;
const ENTRY_PART_MESSAGE = /^(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):\s/;

/**
 * The first letters of ENTRY_PART's words (character codes): a text that opens with any other is no part, told before
 * a regex runs (every timed line without a level is asked, twice).
 */
const PART_INITIALS = new Set([...ENTRY_PART.source.matchAll(/[A-Z]+/g)].map((word) => word[0].charCodeAt(0)));

/** A part of the entry above that repeats its header (PostgreSQL `… [pid] DETAIL:  …`): no level of its own. */
export function isEntryPart(parsed: ParsedLine): boolean {
  if (parsed.level !== undefined) return false;
  const component = parsed.component;
  if (component !== undefined && PART_INITIALS.has(component.charCodeAt(0)) && ENTRY_PART.test(component)) return true;
  return PART_INITIALS.has(parsed.message.charCodeAt(0)) && ENTRY_PART_MESSAGE.test(parsed.message);
}

/**
 * True when a parsed line without a level of its own continues the entry above although it has a time: an entry's part
 * (isEntryPart) or a runtime-wrapped line whose inner text has no header (`ParsedLine.continues`).
 */
export function continuesEntry(parsed: ParsedLine): boolean {
  return parsed.level === undefined && (parsed.continues === true || isEntryPart(parsed));
}

/**
 * True when a parsed line of a recognised layout takes its level from the entry above: it has neither time nor level
 * (a stack frame, a wrapped line) and is not a record of its own (`standalone`), or it is an entry's part.
 */
export function inheritsLevel(parsed: ParsedLine): boolean {
  return (parsed.level === undefined && parsed.timestamp === undefined && parsed.standalone !== true && parsed.opensEntry !== true) || isEntryPart(parsed);
}

/**
 * A parsed line takes what it lacks from the entry header above: a continuation line (no time of its own: stack frame,
 * indented text) its time and level, an entry's part (continuesEntry) its level. A line with its own time starts a new
 * entry and never inherits a level: without one it stays level-less (and is counted as such) rather than taking the
 * level of an unrelated entry above. In a format without entry headers ('unknown': each line is the message) only a
 * line shaped as a continuation does (unknownContinues), and a line with a level and no time (a runtime's `panic:`)
 * takes the time above.
 */
export function needsHeader(parser: Pick<LineParser, 'format'>, parsed: ParsedLine): boolean {
  // A line that writes its own time of day, undated, takes neither time nor level from above: it opens its entry.
  // So does a line the file shows to be another writer's (opensEntry): an entry of its own, without a level.
  if (parsed.standalone || parsed.ownClock || parsed.opensEntry) return false;
  // A level without a time takes its time from above in every layout: Go's `panic: …` after the timed lines of its
  // standard `log` package (`2026/12/02 10:21:37 fetched 1200 entries`, no level: 'unknown') was an error without a
  // time, which every time window left out ("errors in the last hour" missed the crash of ten minutes ago). Its own
  // level stays its own and opens an entry (entryOf), as in a layout with headers. So does a line whose only time is a
  // container runtime's (runtimeTime): the entry above is looked up for it too, as it may be an empty header's text.
  if (parser.format.id === 'unknown') return unknownContinues(parsed) || (parsed.level !== undefined && parsed.timestamp === undefined);
  if (parsed.timestamp === undefined || parsed.runtimeTime === true) return true;
  return continuesEntry(parsed);
}

/**
 * In a format without entry headers, where a line's level is read from its own spelling (Python's default
 * `ERROR:root:job 3 failed`, `error: …`), the lines of a stack trace or an exception's report below a leveled line are
 * still that line's: a frame is indented, a report opens with `Traceback …` or the exception's name, and no program
 * writes its own entries so (header.ts continuationShaped, crash-reports.ts crashReport). Read as entries of their own,
 * `logging.exception()`'s traceback was a second error beside its ERROR line. A plain line stays an entry of its own
 * (`Finished with 0 failures` under an `error: …` line is no error); an empty line belongs to no entry and ends none
 * (unknownEntry).
 */
function unknownContinues(parsed: ParsedLine): boolean {
  if (parsed.level !== undefined || parsed.timestamp !== undefined) return false;
  return parsed.report !== undefined || continuationShaped(parsed.message);
}

/**
 * True when a line of a format without entry headers ends the search for the entry above (collector.ts headerAbove): a
 * line that is no continuation (unknownContinues) is an entry of its own even without a level, as the lines are read in
 * order (needsHeader false: its own level, none). Empty lines do not end it.
 */
export function unknownEntry(parser: LineParser, parsed: ParsedLine): boolean {
  return parser.format.id === 'unknown' && !parsed.standalone && parsed.message.trim().length > 0 && !unknownContinues(parsed);
}

/**
 * True when `parsed`, a line with a time and no level, is the first half of an entry header written on two lines, its
 * level on the line below (`below`: a level and no time of its own): java.util.logging's SimpleFormatter writes
 * `Nov 30, 2026 1:05:01 PM org.a.Server start` then `SEVERE: message`. The entry is counted once, at its level line.
 */
export function levelOnNextLine(parsed: ParsedLine, below: ParsedLine | undefined): boolean {
  return parsed.level === undefined && parsed.timestamp !== undefined && below !== undefined && below.level !== undefined && below.timestamp === undefined;
}

/**
 * The level of a line that takes its level from the entry above (`above`: that entry's level, undefined when there is
 * none): `above`, except for a line of an exception's report (`report`) under no entry, which is an error of its own —
 * an uncaught exception printed where no entry is above — and under an INFO entry when the line is of a form only a
 * runtime writes (Ruby's, Elixir's) or shows the exception went uncaught (a Python traceback's `in <module>` frame,
 * the script position Node.js prints above the source line: crash-reports.ts showsUncaught). A report of a form a
 * logger writes (`logged`: `Traceback …`, `java.io.IOException: …`) under an INFO entry is that entry's, logged at INFO
 * (`logger.info("…", exc_info=True)`, `log.info("…", e)`): counting it as an error counted an INFO entry as one.
 * Under a WARN or ERROR entry the report is that entry's own (`log.warn("retrying", e)`), at its level; under DEBUG or
 * TRACE too: libraries log exceptions they ignore there with their stack (Jetty's `DEBUG … ignored` +
 * `java.io.EOFException`), and a debug log is no crash log. Every reader of entries (search, summaries, the miner,
 * sources, recent_logs) decides by this one rule. `logsReport`: the entry's own line opened the report
 * (EntryHeader.logsReport): every line of it is that entry's, at its level, whatever it shows.
 */
export function inheritedLevel(parsed: ParsedLine, above: Level | undefined, logsReport = false): Level | undefined {
  if (parsed.report === undefined || logsReport) return above;
  if (above === undefined) return parsed.report;
  return above === 'INFO' && parsed.logged !== true ? parsed.report : above;
}

/**
 * True for a line that announces an exception's report below it (Python's `Traceback …`, Node's script position:
 * crash-reports.ts announcesReport) and has no level of its own: never an entry of its own (entryOf), for the report is
 * counted at its exception's line (`ZeroDivisionError: …`, `TypeError: …`), which names what failed.
 */
export function announcesOnly(parsed: ParsedLine): boolean {
  return parsed.level === undefined && parsed.report !== undefined && announcesReport(parsed.message);
}

/** The level of a line that starts an entry of its own (needsHeader false): its own, or its report's (`report`). */
export function ownLevel(parsed: ParsedLine): Level | undefined {
  return parsed.level ?? parsed.report;
}

/**
 * A message that is empty, or only a name closed by a padded separator (Spring Boot's `%-40.40logger{39} : %m` gives
 * `ConditionEvaluationReportLoggingListener : `, logback's `%logger - %msg` gives `c.e.Shop - `): the entry's text is on
 * the line(s) below. A name closed without the padding (`Properties:`) is a message of its own.
 */
const EMPTY_MESSAGE = /^\s*(?:\S+\s+[:|-])?\s*$/;

/**
 * True for an entry's own line (a time and a level) whose message is empty (EMPTY_MESSAGE): Spring Boot logs
 * `"\n\nError starting ApplicationContext. …"` at INFO, so the header line ends empty and the text comes below it.
 */
export function awaitsMessage(parsed: ParsedLine): boolean {
  return parsed.timestamp !== undefined && parsed.level !== undefined && mayBeEmptyMessage(parsed.message) && EMPTY_MESSAGE.test(parsed.message);
}

/**
 * False when EMPTY_MESSAGE cannot match `message`: its last character past the ASCII white space is ASCII and none of
 * `:`, `|`, `-` (what EMPTY_MESSAGE ends with before its white space). Every entry's own line is asked, and most end in
 * a word: no regex run for them. A last character past 127 may be white space to the regex: it decides then.
 */
function mayBeEmptyMessage(message: string): boolean {
  let end = message.length - 1;
  for (let c = message.charCodeAt(end); c === 32 || (c >= 9 && c <= 13); c = message.charCodeAt(--end));
  if (end < 0) return true;
  const last = message.charCodeAt(end);
  return last >= 128 || last === 58 || last === 124 || last === 45; /* : | - */
}

/** Text of no letter or digit in any script: white space, a banner's rule (`*****`, `-----`, `=====`). */
const NO_WORD = /^[^\p{L}\p{N}]*$/u;

/**
 * A line with no word (NO_WORD, after the parser took away what it read; a runtime's time, `continues`, too): white
 * space or a banner's rule. Under an empty header it is passed over on the way to the message (Spring Boot opens its
 * failure analysis with a blank line and a rule of `*`), in every reader of entries.
 */
export function isWordless(parsed: ParsedLine): boolean {
  return parsed.level === undefined && (parsed.timestamp === undefined || parsed.continues === true) && parsed.report === undefined && NO_WORD.test(parsed.message);
}

/**
 * `parsed` as read under the entry above (`above`, as entryAbove gives it): the first text line under a header whose
 * message is empty (EntryHeader.awaitsMessage) is that entry's message, at its level, so a level word it opens with is
 * a word of the text (`Error starting ApplicationContext …` under Spring Boot's empty INFO line was an ERROR of its
 * own). `parsed` itself otherwise. Every reader of entries applies it where it finds the entry above a line.
 */
export function underEntry(parsed: ParsedLine, above: EntryHeader | undefined): ParsedLine {
  if (above?.awaitsMessage !== true || parsed.level === undefined || parsed.standalone === true) return parsed;
  if (parsed.timestamp !== undefined && parsed.runtimeTime !== true) return parsed;
  return { ...parsed, level: undefined };
}

/**
 * Whether the line below `parsed` still finds its entry's message to come: `parsed` is an entry's own line that awaits
 * it, or a line with no word under such a header (isWordless) (`header`, the entry above `parsed`; `own`: `parsed` opens its entry).
 */
export function passesAwaiting(parsed: ParsedLine, own: boolean, header: EntryHeader | undefined): boolean {
  return own ? awaitsMessage(parsed) : header?.awaitsMessage === true && isWordless(parsed);
}

/** The time and level of the entry a line belongs to, as the lines below it take them. */
export interface EntryHeader {
  timestamp?: number;
  level?: Level;
  /**
   * The entry's message is still to come (awaitsMessage): its own line's message is empty and only lines with no word
   * (isWordless: blank lines, a banner's rule) followed it. The next text line is its message (underEntry).
   */
  awaitsMessage?: boolean;
  /** The stream a container runtime read the entry's last line from (ParsedLine.stream). */
  stream?: string;
  /**
   * The entry was opened by a line that announces an exception's report (Python's `Traceback …`, crash-reports.ts
   * announcesReport) and is counted at the exception's line still to come.
   */
  announced?: boolean;
  /**
   * The entry's own line, a logger's, opened an exception's report (opensLoggedReport): the report's lines below are
   * that entry's (inheritedLevel), an `in <module>` frame among them too.
   */
  logsReport?: boolean;
}

/**
 * True for a line with a level of its own whose message ends by opening Python's traceback (`2026-12-02 10:00:01 INFO
 * root: Traceback (most recent call last):`, `WARNING:root:Traceback …`): a logger wrote the report (`logger.info(
 * traceback.format_exc())`), so its lines below are that entry's at its level. A traceback that went uncaught is
 * printed by the interpreter with no header on its first line, and keeps the rule of inheritedLevel (its `in <module>`
 * frame shows it uncaught).
 */
export function opensLoggedReport(parsed: ParsedLine): boolean {
  return parsed.level !== undefined && opensTraceback(parsed.message);
}

/**
 * The entry above (`above`, as found) that a line needing one (needsHeader) may belong to, or undefined when it is none:
 * a container runtime's record read from another stream than the entry's last line (a program's `e.printStackTrace()`
 * on stderr after its logger's INFO lines on stdout is no report of theirs: an entry is written whole to one stream),
 * or a plain record (ParsedLine.plain) unless a report announced above goes on through it (Node's source line, asyncio's
 * `future: <Task …>`). The sources' records join by the same forms (tools/source-lines.ts).
 */
export function entryAbove(parsed: ParsedLine, above: EntryHeader | undefined): EntryHeader | undefined {
  if (above === undefined) return undefined;
  if (parsed.stream !== undefined && above.stream !== undefined && parsed.stream !== above.stream) return undefined;
  return parsed.plain === true && above.announced !== true ? undefined : above;
}

/**
 * How a line that takes what it lacks from the entry above (needsHeader) stands to it, for counting entries rather
 * than lines (error_summary: one logged error with a 40-line stack is one error). `level` is the line's level as read
 * (its own, else inheritedLevel's); `above` the entry above, undefined when none was found (the text's first lines, or
 * a frame deeper into a stack than the header lookback). `opens`: the line is an entry of its own, when its level is
 * more severe than the entry's (an uncaught exception's report after INFO lines: inheritedLevel, JUL's `SEVERE:` line under its
 * level-less first half), when it has a level of its own (a layout without times, Python's default `ERROR:root:msg`,
 * writes an entry per leveled line; a runtime's `panic:` or `Exception in thread` is the line's level), or when it is the
 * exception's line of a report announced above. Under a timed entry, a line that borrows its level at the entry's
 * level is that entry's (a stack frame, `Caused by: …`, a report's lines under a logged ERROR), so the entry counts once. With no entry found above,
 * a line with a level opens one: a long stack's report line may then count beside its logged entry (an error more),
 * where taking it for part of an unseen entry could drop an uncaught crash (an error missed). `announced` is what the
 * line hands down (EntryHeader.announced).
 */
export function entryOf(parsed: ParsedLine, level: Level | undefined, above: EntryHeader | undefined): { opens: boolean; announced: boolean } {
  const severer = level !== undefined && (above?.level === undefined || LEVELS.indexOf(level) > LEVELS.indexOf(above.level));
  if (announcesOnly(parsed)) return { opens: false, announced: severer || above?.announced === true };
  // A level of the line's own (a header's `ERROR:`, or a runtime's word on an uncaught failure, which the parser makes
  // the line's level) opens an entry even at the level of the entry above: psql's untimed `ERROR:  relation … does not
  // exist` under a timed ERROR is another error, and a crash after a logged ERROR is the crash (break19: both vanished
  // into the entry above). Only lines that borrow their level (frames, `Caused by:`, a report's lines) stay its part.
  const ownLevelOpens = parsed.level !== undefined && !(above?.level === 'FATAL' && isSignalDeath(parsed.message));
  const opens = level !== undefined && (severer || ownLevelOpens || (parsed.report !== undefined && above?.announced === true));
  return { opens, announced: !opens && above?.announced === true };
}

/** A line read in order (readInOrder): its entry's time and level, and what it hands the line below. */
export interface InOrder {
  timestamp?: number;
  level?: Level;
  /** The line takes what it lacks from the entry above and stays part of it (entryOf: not `opens`). */
  continues: boolean;
  /** The entry header the line below takes (its `above`). */
  next: EntryHeader;
}

/**
 * A line of `parser`'s text read right after the line whose entry header is `above` (undefined when there is none:
 * the text's first line): its time and level (its own, else its entry's by needsHeader, entryAbove and
 * inheritedLevel; a level word opening the text under an empty header is no level: underEntry), whether it continues
 * that entry (entryOf), and the header it hands down (`announced` by a report's announcing line, `awaitsMessage` by an
 * empty header and the wordless lines under it). The one decision every reader of lines in order takes (the node engine's scan, log_patterns), so a
 * line gets the same level in search_logs, error_summary and log_patterns: a container's plain record inside a report
 * announced above (Node's source line under its script position) is the report's in all of them.
 */
export function readInOrder(parser: LineParser, line: ParsedLine, above: EntryHeader | undefined): InOrder {
  let parsed = line;
  let timestamp = parsed.timestamp;
  let level: Level | undefined;
  let continues = false;
  let announced = false;
  let logsReport: boolean;
  let awaiting: boolean;
  if (needsHeader(parser, parsed)) {
    const header = entryAbove(parsed, above);
    parsed = underEntry(parsed, header);
    timestamp ??= header?.timestamp;
    level = parsed.level ?? inheritedLevel(parsed, header?.level, header?.logsReport);
    const entry = entryOf(parsed, level, header);
    continues = !entry.opens;
    announced = entry.announced;
    logsReport = continues ? header?.logsReport === true : opensLoggedReport(parsed);
    awaiting = passesAwaiting(parsed, false, header);
  } else {
    level = ownLevel(parsed);
    logsReport = opensLoggedReport(parsed);
    awaiting = passesAwaiting(parsed, true, undefined);
  }
  const next: EntryHeader = announced ? { timestamp, level, announced } : { timestamp, level };
  if (logsReport) next.logsReport = true;
  if (awaiting) next.awaitsMessage = true;
  if (parsed.stream !== undefined) next.stream = parsed.stream;
  return { timestamp, level, continues, next };
}
