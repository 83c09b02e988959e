// Logs written as comma-separated values: PostgreSQL's csvlog (`log_destination = 'csvlog'`: a fixed column list, no
// header row, the level in `error_severity`: https://www.postgresql.org/docs/current/runtime-config-logging.html#RUNTIME-CONFIG-LOGGING-CSVLOG)
// and the CSV exports of log consoles and SIEMs (a header row naming the columns: `timestamp,severity,host,message`).
// The line readers look for a level near a line's start or in brackets; a level in a comma-separated column was not
// read, so such a file's ERROR and FATAL rows were not errors to error_summary nor to a level filter. The columns are
// learned from the file's sample: named by its header row, or, without one, the column whose every value is a level word.
import { parse } from 'csv-parse/sync';
import { localizedLevel, normalizeLevel } from './levels';
import { parseTimestamp, unorderedDateEnd, type TimestampContext } from './timestamps';
import type { Level, ParsedLine } from './types';

/**
 * Whether `line`, read as `parsed`, is a table's header row: the names of its columns (`…,error_severity,…`), which a
 * search for a word (`error`) would find in every such file, and no entry. A `#` directive (W3C `#Fields:`) is a
 * comment the file writes, found by its own text.
 */
export function isHeaderRow(parsed: ParsedLine, line: string): boolean {
  return parsed.directive === true && line.charCodeAt(0) !== 35 /* # */;
}

/** The cell separators a CSV log is written with: commas, semicolons (a locale whose decimal mark is a comma), tabs. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The columns of a CSV log (0-based), as its header row names them or its sample shows them. */
export interface CsvColumns {
  /** How many cells a row has. */
  cells: number;
  /** What separates the cells. */
  delimiter: CsvDelimiter;
  level: number;
  time?: number;
  message?: number;
  /** The header row, as written: a line equal to it is a directive (no entry). */
  header?: string;
  /** A line before the header that is no row (PowerShell's `#TYPE <type name>`), as written: a directive too. */
  preamble?: string;
}

/**
 * Fewest cells a row must have for a file to be read as a table: a time, a level and a message. A file of so few
 * columns is a table only by its content (a level column, a time column), never by its commas alone.
 */
const MIN_CELLS = 3;
/** Share of the sample's records that must have the table's cell count (a record: a row, its quoted line breaks and all). */
const TABLE_SHARE = 0.8;
/** Fewest rows the sample must show: a table is told by its rows agreeing. */
const MIN_ROWS = 2;
/** Most distinct values a level column shows (a level scale has six to eight steps). */
const MAX_LEVEL_VALUES = 8;

/** Header names of a level column, compared without case, `_`, `-`, `.` or spaces (`error_severity`, `Log Level`). */
const LEVEL_NAMES = new Set(['level', 'loglevel', 'severity', 'errorseverity', 'severitytext', 'lvl', 'sev', 'levelname', 'leveldisplayname', 'severityname']);

/**
 * The type-information line PowerShell's Export-Csv and ConvertTo-CsV write before the header (`#TYPE
 * System.Diagnostics.Eventing.Reader.EventLogRecord`; Windows PowerShell 5.1 writes it unless -NoTypeInformation).
 */
const TYPE_LINE = /^#TYPE \S/;
/** Header names of a time column, compared so. */
const TIME_NAMES = new Set(['time', 'timestamp', 'datetime', 'date', 'logtime', 'ts', 'eventtime', 'timegenerated', 'timecreated', '@timestamp', 'created', 'createdat']);
/** Header names of a message column, compared so. */
const MESSAGE_NAMES = new Set(['message', 'msg', 'text', 'description', 'logmessage', 'body']);

/** A header cell as compared with the names above. */
function nameKey(cell: string): string {
  return cell.toLowerCase().replace(/[\s_.-]+/g, '');
}

/** A row's start as split by splitRow: its cells, and whether the last one is a quoted value going on to the next line. */
interface RowStart {
  cells: string[];
  /** The last cell's quote is not closed on this line: its value so far, the rest on the lines after. */
  open: boolean;
}

/**
 * A line split into cells (RFC 4180, `delimiter` between them, a quoted cell's `""` a quote), values unquoted; a quoted
 * cell left open at the line's end is the last cell, as far as the line goes (`open`). Undefined for a line without the
 * delimiter, or with a quoted cell closed before something other than a delimiter. With `most`, the rest of the line from
 * the `most`-th cell on is that cell, delimiters and all.
 *
 * Hand-written rather than csv-parse's (which reads the sample, csvRecords): this runs on every line of a CSV log, where
 * csv-parse costs ~100 µs a call and cannot say where an open quote leaves a row.
 */
function splitRow(line: string, delimiter: CsvDelimiter, most = Infinity): RowStart | undefined {
  if (!line.includes(delimiter)) return undefined;
  const code = delimiter.charCodeAt(0);
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (cells.length === most - 1 && line.charCodeAt(at) !== 34) {
      cells.push(line.slice(at));
      return { cells, open: false };
    }
    if (line.charCodeAt(at) === 34 /* " */) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) {
          cells.push(value + line.slice(from));
          return { cells, open: true };
        }
        value += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      cells.push(value);
      if (at >= line.length) return { cells, open: false };
      if (line.charCodeAt(at) !== code) return undefined;
      at++;
    } else {
      const next = line.indexOf(delimiter, at);
      if (next < 0) {
        cells.push(line.slice(at));
        return { cells, open: false };
      }
      cells.push(line.slice(at, next));
      at = next + 1;
    }
  }
}

/**
 * The cells of a CSV row (RFC 4180: `delimiter`-separated, a quoted cell's `""` a quote), values unquoted; undefined for
 * a line whose quote is not closed (a quoted value going on to the next line) or that holds no delimiter. With `most`,
 * the rest of the line from the `most`-th cell on is that cell, delimiters and all: exports write their last column,
 * the message, unquoted (`Error,…,Disk,7,None,retrying in 5 s, then giving up`).
 */
export function csvCells(line: string, most = Infinity, delimiter: CsvDelimiter = ','): string[] | undefined {
  const row = splitRow(line, delimiter, most);
  return row === undefined || row.open ? undefined : row.cells;
}

/**
 * A level word a level column holds: a word of letters (digits after them: `DEBUG1`), read by normalizeLevel, or a level
 * name in another language (localizedLevel: `오류`, `エラー`, `错误`, `FEHLER`), which a column of level words alone makes
 * a level (in a message these are words of text). One letter is no column's level: a one-letter column is a flag or a
 * code (`Y`, `N`, `E`).
 */
function columnLevel(cell: string): Level | undefined {
  const value = cell.trim();
  return /^\p{L}{2,}\d?$/u.test(value) ? levelWord(value) : undefined;
}

/** A level column's value as a level: a word of any common vocabulary, a number on its scales, or a localized name. */
function levelWord(value: string): Level | undefined {
  return normalizeLevel(value) ?? localizedLevel(value);
}

/**
 * Whether a cell reads as a header's name: a word in any script (`time`, `시간`, `Zeitstempel`), not a value (no number,
 * no time, no level written as a row's).
 */
function headerCell(cell: string): boolean {
  return /^@?\p{L}[\p{L}\p{N}_ .()/-]{0,40}$/u.test(cell.trim());
}

/**
 * The CSV columns of a log from its sample (csvTable: the records of MIN_CELLS cells or more that agree on their count,
 * a header row apart). The level column: the one a header row names (LEVEL_NAMES), else, whatever the header's language,
 * the first column whose every row holds a level word, of at most MAX_LEVEL_VALUES values. The time column: the one the
 * header names (TIME_NAMES) or, unnamed, the first whose every row holds an entry's time. The message column: the one
 * the header names (MESSAGE_NAMES) or, unnamed, the free text after the level (messageColumn). Undefined for a sample of
 * any other file, and for a table with no level column. `context`: the file's date orders (timestamps.ts yearLastOrder),
 * by which a column's dates are read.
 */
export function csvColumns(sample: readonly string[], context: TimestampContext = {}): CsvColumns | undefined {
  const table = csvTable(sample);
  if (table === undefined || table.rows.length === 0) return undefined;
  const { width, delimiter } = table;
  let { header, rows } = table;
  const keys = header?.map(nameKey) ?? [];
  const named = (names: Set<string>) => keys.findIndex((key) => names.has(key));
  // Several columns may name a level: a number and its name (Windows' event exports: `Level` 2 beside `LevelDisplayName`
  // Error, where 2 is Windows' scale, not syslog's that numbers are read on). The one whose values are level words
  // says what the program meant; a number's scale is a guess.
  const levelNamed = keys.flatMap((key, i) => (LEVEL_NAMES.has(key) ? [i] : []));
  let level = levelNamed.find((i) => rows.every((cells) => columnLevel(cells[i]) !== undefined)) ?? levelNamed[0] ?? -1;
  if (level < 0) {
    level = levelColumn(rows, width);
    // A first row of words only, whose cell in the level column is a level word, is no header but the first row (`INFO,web-1,started`).
    if (level >= 0 && header !== undefined && columnLevel(header[level]) !== undefined) {
      rows = [header, ...rows];
      header = undefined;
    }
  }
  if (level < 0) return undefined;
  // Without a header, the time at a row's start is the line readers' (as the rest of the line's header); a header in
  // any language is followed by the column of times, named or not.
  const time = header === undefined ? undefined : named(TIME_NAMES) >= 0 ? named(TIME_NAMES) : timeColumn(rows, width, context);
  const message = header !== undefined && named(MESSAGE_NAMES) >= 0 ? named(MESSAGE_NAMES) : messageColumn(rows, level, time);
  return {
    cells: width,
    delimiter,
    level,
    ...(header !== undefined ? { header: table.headerLine! } : {}),
    ...(table.preamble !== undefined ? { preamble: table.preamble } : {}),
    ...(time !== undefined ? { time } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}

/** The first column whose every row holds a level word, of at most MAX_LEVEL_VALUES values; -1 for none. */
function levelColumn(rows: readonly string[][], width: number): number {
  for (let column = 0; column < width; column++) {
    const values = new Set<string>();
    if (rows.every((cells) => columnLevel(cells[column]) !== undefined && values.add(cells[column].trim()).size <= MAX_LEVEL_VALUES)) return column;
  }
  return -1;
}

/** The first column whose every row holds an entry's time (entryTime); undefined for none. */
function timeColumn(rows: readonly string[][], width: number, context: TimestampContext): number | undefined {
  for (let column = 0; column < width; column++) if (rows.every((cells) => entryTime(cells[column], context))) return column;
  return undefined;
}

/**
 * An entry's time in a cell: a date with a clock time (`2026-12-01 10:00:00.123 UTC`, `12/01/2026 10:00`) or epoch
 * seconds or milliseconds. A date alone (`2026-12-01`) is a table's value, a day's row of a spreadsheet, not an entry's time.
 */
function entryTime(cell: string, context: TimestampContext): boolean {
  const value = cell.trim();
  if (!/\d:\d\d/.test(value) && !/^\d{10}(?:\d{3})?(?:\.\d+)?$/.test(value)) return false;
  // A date whose day/month order the file leaves undecided (`12/4/2026 3:10:00 PM`) is still the entry's time: its
  // column is the time column, read without a time (and the tools say why) rather than taken for a message.
  return parseTimestamp(value, context) !== undefined || unorderedDateEnd(value, 0) === value.length;
}

/**
 * The time column of a CSV log's sample (0-based), for a table with no level column: the column its header row names as
 * the time (TIME_NAMES), or else (no header, or a header in another language) the first column whose every row holds an
 * entry's time (entryTime). Undefined for a sample that is no table (csvColumns' rules) and for a table of no time: a
 * spreadsheet's export, a data set, whose dates without a clock are values.
 */
export function csvTimeColumn(sample: readonly string[], context: TimestampContext = {}): number | undefined {
  const table = csvTable(sample);
  if (table === undefined || table.rows.length === 0) return undefined;
  const times = (column: number) => table.rows.every((cells) => entryTime(cells[column], context));
  const named = table.header?.map(nameKey).findIndex((key) => TIME_NAMES.has(key)) ?? -1;
  if (named >= 0) return times(named) ? named : undefined;
  return timeColumn(table.rows, table.width, context);
}

/** A sample read as a table: its delimiter, its row width, the rows of that width or more, and its header row (cells and line) when it has one. */
interface CsvTable {
  delimiter: CsvDelimiter;
  width: number;
  rows: string[][];
  header?: string[];
  headerLine?: string;
  preamble?: string;
}

/**
 * The sample as a table (MIN_CELLS, TABLE_SHARE, MIN_ROWS), the header row apart, with the delimiter (CSV_DELIMITERS)
 * that makes the most rows agree; undefined when it is none. Its records are read whole (csvRecords): a row whose
 * quoted message spans lines is one row, however many of the sample's lines it takes.
 */
function csvTable(sample: readonly string[]): CsvTable | undefined {
  let lines = sample.filter((line) => line.trim().length > 0);
  const preamble = lines.length > 0 && TYPE_LINE.test(lines[0]) ? lines[0] : undefined;
  if (preamble !== undefined) lines = lines.slice(1);
  if (lines.length === 0) return undefined;
  let best: CsvTable | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    if (!mayBeTable(lines, delimiter)) continue;
    const table = tableOf(lines, delimiter);
    if (table !== undefined && (best === undefined || table.rows.length > best.rows.length)) best = table;
  }
  return best && preamble !== undefined ? { ...best, preamble } : best;
}

/**
 * A cheap look before reading records: the first line splits into MIN_CELLS cells or more (a header, or a row whose
 * quoted cell may go on), and MIN_ROWS lines hold the delimiter MIN_CELLS - 1 times. Most files are no table: they pay
 * this, not csv-parse's reading.
 */
function mayBeTable(lines: readonly string[], delimiter: CsvDelimiter): boolean {
  const first = splitRow(lines[0], delimiter);
  if (first === undefined || first.cells.length < MIN_CELLS) return false;
  let rows = 0;
  for (const line of lines) if (line.split(delimiter, MIN_CELLS).length >= MIN_CELLS && ++rows >= MIN_ROWS) return true;
  return false;
}

function tableOf(lines: readonly string[], delimiter: CsvDelimiter): CsvTable | undefined {
  // Lines that each hold a whole row are split here (a line that is no row: one cell); csv-parse reads the records
  // only of a sample where a quoted cell goes on past its line: ~40 ms a sample it would cost every log with commas.
  const split = lines.map((line) => splitRow(line, delimiter));
  const records = split.some((row) => row?.open) ? csvRecords(lines, delimiter) : split.map((row) => row?.cells ?? ['']);
  if (records === undefined || records.length === 0) return undefined;
  const counts = new Map<number, number>();
  for (const cells of records) if (cells.length >= MIN_CELLS) counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
  let width = 0;
  for (const [cells, count] of counts) if (count > (counts.get(width) ?? 0)) width = cells;
  // Rows with more cells: a last column's own delimiters (csvCells' `most`).
  const table = records.filter((cells) => width > 0 && cells.length >= width);
  if (width === 0 || table.length < Math.max(MIN_ROWS, TABLE_SHARE * records.length)) return undefined;
  const first = records[0];
  // A header may leave the last column unnamed: Event Viewer's "Save as CSV" names five columns (`Level,Date and
  // Time,Source,Event ID,Task Category`, in the system's language) and writes each event's description as a sixth.
  const named = first.length === width || (first.length === width - 1 && width - 1 >= MIN_CELLS);
  if (named && first.every(headerCell) && !lines[0].includes('\n')) return { delimiter, width, rows: table.slice(table[0] === first ? 1 : 0), header: first, headerLine: lines[0] };
  return { delimiter, width, rows: table };
}

/**
 * The sample's records (csv-parse: a quoted cell's line breaks kept in it), the record a sample cut off at its end
 * included as far as it goes (its open quote closed). Undefined when the lines are no CSV of this delimiter (a quote
 * closed before something other than a delimiter).
 */
function csvRecords(lines: readonly string[], delimiter: CsvDelimiter): string[][] | undefined {
  const text = Buffer.from(lines.join('\n'));
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;
  try {
    return parse(text, options) as string[][];
  } catch (error) {
    const cut = error as { code?: string; bytes_records?: number };
    if (cut.code !== 'CSV_QUOTE_NOT_CLOSED' || cut.bytes_records === undefined) return undefined;
    try {
      const whole = parse(text.subarray(0, cut.bytes_records), options) as string[][];
      const last = parse(Buffer.concat([text.subarray(cut.bytes_records), Buffer.from('"')]), options) as string[][];
      return [...whole, ...last];
    } catch {
      return undefined;
    }
  }
}

/** Two words of letters in a row: prose, not a date and time (`3/12/2026 1:00:00 PM`) nor a code. */
const PROSE = /\p{L}{2} \p{L}{2}/u;

/**
 * A table's message column, when no header names it: of the columns after the level's (not the time's), the free text.
 * A message varies from row to row: the column of the most distinct values, a column of one length on every row
 * (a code: `42P01`) or of one value left out while another column varies; among equals, the one of the most prose (two
 * words of letters in a row), then the longest. A column of a few repeated words (PostgreSQL's `backend_type`,
 * `client backend`) loses to the messages however short they are (`e42`). None when no column after the level holds text.
 */
function messageColumn(table: readonly string[][], level: number, time: number | undefined): number | undefined {
  let best: { column: number; score: number[] } | undefined;
  for (let column = level + 1; column < table[0].length; column++) {
    if (column === time) continue;
    const filled = table.map((cells) => cells[column] ?? '').filter((value) => value.trim().length > 0);
    if (!filled.some((value) => /\p{L}/u.test(value))) continue;
    const distinct = new Set(filled).size;
    const oneLength = filled.length === table.length && distinct > 1 && filled.every((value) => value.length === filled[0].length);
    const score = [oneLength ? 0 : 1, distinct, filled.filter((value) => PROSE.test(value)).length, filled.reduce((sum, value) => sum + value.length, 0)];
    if (best === undefined || greater(score, best.score)) best = { column, score };
  }
  return best?.column;
}

/** Whether `a` is greater than `b`, compared element by element. */
function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/**
 * `parse` for a CSV log (`columns`: csvColumns of its sample): a row's level read from its level column, its time from
 * its time column (`parse`'s where that column holds none), its message from its message column; the header row a
 * directive, wherever it stands (appended exports repeat it). A row's first line whose quoted cell goes on to the next
 * lines is read as far as it goes (its level, its time, the message's start); its later lines, and a row whose level
 * `parse` read, keep `parse`'s reading. `parse` itself for any other file (`columns` undefined).
 */
export function withCsvColumns(parse: (line: string) => ParsedLine, columns: CsvColumns | undefined, context: TimestampContext): (line: string) => ParsedLine {
  if (columns === undefined) return parse;
  return (line) => {
    const parsed = parse(line);
    if ((columns.header !== undefined && line === columns.header) || (columns.preamble !== undefined && line === columns.preamble)) return { ...parsed, directive: true };
    // A row whose level a header reader read (a level column first: `Error,3/12/2026 …,Source,…`) is read as it was.
    if (parsed.level !== undefined) return parsed;
    const row = splitRow(line, columns.delimiter, columns.message === columns.cells - 1 ? columns.cells : Infinity);
    if (row === undefined) return parsed;
    // The first line of a row whose quoted cell goes on (a message over lines): a row as far as its closed cells go, when
    // they reach the level's column and the time's; the open cell is the message's start when it is the message's.
    const { cells } = row;
    const closed = row.open ? cells.length - 1 : cells.length;
    if (row.open ? closed <= Math.max(columns.level, columns.time ?? -1) || columnLevel(cells[columns.level]) === undefined : cells.length !== columns.cells) return parsed;
    const level = levelWord(cells[columns.level].trim());
    // The column the header names as the time is the row's time, wherever it stands.
    const timestamp = (columns.time === undefined ? undefined : parseTimestamp(cells[columns.time], context)) ?? parsed.timestamp;
    const message = columns.message === undefined || columns.message >= cells.length ? parsed.message : cells[columns.message];
    const read: ParsedLine = { ...parsed, message };
    if (level !== undefined) read.level = level;
    if (timestamp !== undefined) read.timestamp = timestamp;
    return read;
  };
}
