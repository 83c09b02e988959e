// The contract between log format detection / template mining and the logs server's tools.

/** One scale for every level vocabulary (Android V/D/I/W/E, syslog priorities, [error], level=warn, JSON severity…). */
export const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type Level = (typeof LEVELS)[number];

export interface LogFormat {
  /** Short id shown in logs://files, e.g. "android", "apache-error", "java", "syslog", "json", "logfmt", "bracket-level", "unknown". */
  id: string;
  /** Human description, e.g. "Android logcat (threadtime)". */
  description: string;
}

export interface ParsedLine {
  /** Epoch milliseconds, when the line carries a timestamp that could be parsed. */
  timestamp?: number;
  level?: Level;
  /** The message part without header fields (timestamp, level, pid, component). Whole line when unknown. */
  message: string;
  component?: string;
  /**
   * True when a container runtime's envelope or prefix (CRI `time stream P|F`, Docker json-file) gave the line a time
   * but the line inside has neither time nor level: the tail of a split line or a stack frame of the entry above.
   */
  continues?: boolean;
  /**
   * Set with `continues` when the line inside is not shaped as an entry's continuation either (no frame, no report's
   * line, no entry part: header.ts continuationShaped, crash-reports.ts): `progress 10% 20% 100%`. A runtime writes each
   * line as a record of its own, so such a record is no part of the entry above unless a report announced above goes on
   * through it (continuation.ts entryAbove).
   */
  plain?: true;
  /**
   * True when a container runtime's envelope or prefix gave the line its time and the line inside has a level but no
   * time of its own: an entry of its own, at its level, unless it is the text of an empty header above it
   * (`Error starting ApplicationContext…` under Spring Boot's empty INFO line, each line a record: continuation.ts
   * underEntry). The entry above is looked up for it as for a line without a time (needsHeader).
   */
  runtimeTime?: true;
  /**
   * The stream a container runtime captured the line from (Docker json-file's `stream`, CRI's `stdout`/`stderr`): an
   * entry never continues across streams (continuation.ts entryAbove).
   */
  stream?: string;
  /**
   * True for a line without a time that neither starts an entry nor continues one: a record a runtime writes between
   * an app's tab-separated ones (AWS Lambda's `START`/`END`/`REPORT RequestId: …`). It takes no time or level from above.
   */
  standalone?: boolean;
  /**
   * True for a line without a time or a level that opens an entry of its own, without a level: the file's continuation
   * lines are shaped as such and this one, alone between records, is not (another writer's `Server be/web1 is DOWN`
   * under a timed INFO line: foreign-lines.ts). Unlike `standalone` it is an entry, counted among those without a level.
   */
  opensEntry?: true;
  /**
   * True when the line writes a time of day of its own that no date was found for (`[12:00:02 INFO]`, an editor's
   * `[Error - 3:49:35 PM]`): it opens an entry and takes no time from the entry above, whose time is another moment
   * (continuation.ts needsHeader). Its timestamp stays undefined: no time rather than a wrong one.
   */
  ownClock?: true;
  /**
   * Set on the first line of an exception's report that has no level of its own (`Traceback (most recent call last):`,
   * `TypeError: …`, a traceback's `in <module>` frame): the level it has when no entry is above, or an INFO entry unless
   * `logged` (continuation.ts inheritedLevel); under a WARN or ERROR entry it is that entry's report and takes its level.
   */
  report?: Level;
  /**
   * Set with `report` when the report's line is of a form a logger writes under its entry (crash-reports.ts
   * LOGGED_FORMS): under an INFO entry it is that entry's (continuation.ts inheritedLevel).
   */
  logged?: true;
  /**
   * True for a line that is no entry but a note on the file's layout: a W3C or Zeek directive (`#Fields: …`,
   * `#Software: …`), a CSV file's header row. A level or time filter passes none, and none is counted among the lines
   * without a time or a level: they are not entries that lack one.
   */
  directive?: true;
}

export interface LineParser {
  format: LogFormat;
  /**
   * Reads one line. `at`: its 1-based number in its file, which dates a time of day written without a date in a file
   * of several days (`fileIndex`); without it such a line of such a file has no time (never a wrong one).
   */
  parse(line: string, at?: number): ParsedLine;
  /**
   * One of the sampled dates ending in a four-digit year (`3/12/2026`) whose day and month order neither the date (a
   * part above 12) nor the file (its other dates, the language of its level names) tells: such dates give no time,
   * never a guessed one, and the tools say why (timestamps.ts yearLastOrder).
   */
  undecidedDate?: string;
  /**
   * Set when the file's header holds a time of day without a date (`10:00:00.123 worker[12]: …`): the day (`YYYY-MM-DD`,
   * the file's last write's) its times were dated by, the day before for a time after that write (timestamps.ts
   * clockEpoch). The tools say so, as a line written earlier is misdated.
   */
  clockDay?: string;
  /**
   * Set on a parser made by `indexedBy`: its file's index (the days of its lines, format/clock-days.ts, by which each
   * time of day is dated by its own line's day, `parse`'s `at`; a W3C log's `#Fields:` blocks, w3c.ts).
   */
  fileIndex?: FileIndex;
  /**
   * Set for a CSV log with a header row (csv-columns.ts): that row's text. It is no entry and no match wherever it
   * stands (`parse` marks it a directive); a search that does not parse every line it finds compares lines with it.
   */
  headerRow?: string;
  /**
   * Set when the file's header holds a time of day without a date and the parser was made for a file: its lines'
   * time of day as the parser dates it (undefined for a line without one), for ClockDayCounter.
   */
  clockOf?(line: string): string | undefined;
  /**
   * Set for a W3C extended log: a later `#Fields:` directive (a new block after a restart) may name other columns than
   * the head's, so its directives are read down its whole text (FileIndex.fieldBlocks) and `indexedBy` is set.
   */
  indexesFields?: true;
  /**
   * With clockOf or indexesFields: the same parser reading each line by what `days`, read from the whole file, says
   * of it (clock-days.ts; the columns of its `#Fields:` block, w3c.ts).
   */
  indexedBy?(days: FileIndex): LineParser;
}

export interface Template {
  id: number;
  /** Tokens with variables written <*>. */
  template: string;
  count: number;
}

/** A `#Fields:` directive of a W3C extended log, found down its whole text: its line (1-based) and the names it gives. */
export interface FieldBlock {
  line: number;
  /** The directive's text after `#Fields:`. */
  fields: string;
}

/**
 * A file's index: what its whole text says that its head cannot (one pass down it, format/parser.ts readFileIndex):
 * the days of its times of day, and for a W3C extended log the columns of each of its `#Fields:` blocks. Plain data
 * (JSON), the same for every reader of the same file version.
 * Line numbers are 1-based, as the readers number lines (io/chunks.ts forEachLine's lines).
 */
export interface FileIndex {
  /** Lines read (the file's line count when it was read). */
  lines: number;
  /** Numbers of the lines that open a day after the file's first (the clock went back past midnight), ascending. */
  dayStarts: number[];
  /** The local day (`YYYY-MM-DD`) of the file's last line; absent when it cannot be known (`doubt` says why). */
  lastDay?: string;
  /** What `lastDay` was taken from: the file's last write, or the date in its name. */
  by?: 'write' | 'name';
  /** Why the days are not known: the lines' times of day then give no time (never a wrongly dated one). */
  doubt?: string;
  /**
   * Set for a W3C extended log whose `#Fields:` directives do not all name the same columns (a block written after a
   * restart or a change of the logged fields): every directive, in file order. Each line is read by the columns of the
   * block it is in (w3c.ts W3cBlocks).
   */
  fieldBlocks?: FieldBlock[];
}
