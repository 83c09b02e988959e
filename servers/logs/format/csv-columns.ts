// Logs written as comma-separated values: PostgreSQL's csvlog (`log_destination = 'csvlog'`: a fixed column list, no
// header row, the level in `error_severity`: https://www.postgresql.org/docs/current/runtime-config-logging.html#RUNTIME-CONFIG-LOGGING-CSVLOG)
// and the CSV exports of log consoles and SIEMs (a header row naming the columns: `timestamp,severity,host,message`).
// The line readers look for a level near a line's start or in brackets; a level in a comma-separated column was not
// read, so such a file's ERROR and FATAL rows were not errors to error_summary nor to a level filter. The columns are
// learned from the file's sample: named by its header row, or, without one, the column whose every value is a level word.
import { normalizeLevel } from './levels';
import { parseTimestamp, type TimestampContext } from './timestamps';
import type { Level, ParsedLine } from './types';

/** The columns of a CSV log (0-based), as its header row names them or its sample shows them. */
export interface CsvColumns {
  /** How many cells a row has. */
  cells: number;
  level: number;
  time?: number;
  message?: number;
  /** The header row, as written: a line equal to it is a directive (no entry). */
  header?: string;
}

/** Fewest cells a row must have for a file to be read as a table (a short line with two commas is prose). */
const MIN_CELLS = 4;
/** Share of the sample's rows that must have the table's cell count (the rest: a quoted value's later lines). */
const TABLE_SHARE = 0.8;
/** Fewest rows the sample must show: a table is told by its rows agreeing. */
const MIN_ROWS = 2;
/** Most distinct values a level column shows (a level scale has six to eight steps). */
const MAX_LEVEL_VALUES = 8;

/** Header names of a level column, compared without case, `_`, `-`, `.` or spaces (`error_severity`, `Log Level`). */
const LEVEL_NAMES = new Set(['level', 'loglevel', 'severity', 'errorseverity', 'severitytext', 'lvl', 'sev', 'levelname']);
/** Header names of a time column, compared so. */
const TIME_NAMES = new Set(['time', 'timestamp', 'datetime', 'date', 'logtime', 'ts', 'eventtime', 'timegenerated', 'timecreated', '@timestamp', 'created', 'createdat']);
/** Header names of a message column, compared so. */
const MESSAGE_NAMES = new Set(['message', 'msg', 'text', 'description', 'logmessage', 'body']);

/** A header cell as compared with the names above. */
function nameKey(cell: string): string {
  return cell.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * The cells of a CSV row (RFC 4180: comma-separated, a quoted cell's `""` a quote), values unquoted; undefined for a
 * line whose quote is not closed (a quoted value going on to the next line) or that holds no comma. With `most`, the
 * rest of the line from the `most`-th cell on is that cell, commas and all: exports write their last column, the
 * message, unquoted (`Error,…,Disk,7,None,retrying in 5 s, then giving up`).
 */
export function csvCells(line: string, most = Infinity): string[] | undefined {
  if (!line.includes(',')) return undefined;
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (cells.length === most - 1 && line.charCodeAt(at) !== 34) {
      cells.push(line.slice(at));
      return cells;
    }
    if (line.charCodeAt(at) === 34 /* " */) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return undefined;
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
      if (at >= line.length) return cells;
      if (line.charCodeAt(at) !== 44 /* , */) return undefined;
      at++;
    } else {
      const comma = line.indexOf(',', at);
      if (comma < 0) {
        cells.push(line.slice(at));
        return cells;
      }
      cells.push(line.slice(at, comma));
      at = comma + 1;
    }
  }
}

/** A level word a level column holds: a word of letters (digits after them: `DEBUG1`), read by normalizeLevel. */
function columnLevel(cell: string): Level | undefined {
  const value = cell.trim();
  return /^[A-Za-z]{3,}\d?$/.test(value) ? normalizeLevel(value) : undefined;
}

/** Whether a cell reads as a header's name: a word, not a value (no number, no time, no level written as a row's). */
function headerCell(cell: string): boolean {
  return /^@?[A-Za-z][\w .()-]{0,40}$/.test(cell.trim());
}

/**
 * The CSV columns of a log from its sample: the rows that split into the same number (at least MIN_CELLS) of cells, or
 * more (a last column's commas), TABLE_SHARE of the sample's non-blank lines at least; the level column named by a header row (the sample's first
 * line, every cell a name, one of LEVEL_NAMES) or, without one, the first column whose every row holds a level word of
 * at most MAX_LEVEL_VALUES values. Undefined for a sample of any other file, and for a table with no level column.
 */
export function csvColumns(sample: readonly string[]): CsvColumns | undefined {
  const table = csvTable(sample);
  if (table === undefined) return undefined;
  const { width, header, rows } = table;
  if (header !== undefined) {
    const keys = header.map(nameKey);
    const level = keys.findIndex((key) => LEVEL_NAMES.has(key));
    if (level < 0) return undefined;
    const time = keys.findIndex((key) => TIME_NAMES.has(key));
    const message = keys.findIndex((key) => MESSAGE_NAMES.has(key));
    return { cells: width, level, header: table.headerLine!, ...(time >= 0 ? { time } : {}), ...(message >= 0 ? { message } : {}) };
  }
  for (let column = 0; column < width; column++) {
    const values = new Set<string>();
    if (!rows.every((cells) => columnLevel(cells[column]) !== undefined && values.add(cells[column].trim()).size <= MAX_LEVEL_VALUES)) continue;
    return { cells: width, level: column, ...proseColumn(rows, column) };
  }
  return undefined;
}

/**
 * An entry's time in a cell: a date with a clock time (`2026-12-01 10:00:00.123 UTC`, `12/01/2026 10:00`) or epoch
 * seconds or milliseconds. A date alone (`2026-12-01`) is a table's value, a day's row of a spreadsheet, not an entry's time.
 */
function entryTime(cell: string, context: TimestampContext): boolean {
  const value = cell.trim();
  return (/\d:\d\d/.test(value) || /^\d{10}(?:\d{3})?(?:\.\d+)?$/.test(value)) && parseTimestamp(value, context) !== undefined;
}

/**
 * The time column of a CSV log's sample (0-based), for a table with no level column: the column its header row names as
 * the time (TIME_NAMES), or without a header the first column, whose every row holds an entry's time (entryTime).
 * Undefined for a sample that is no table (csvColumns' rules) and for a table of no time: a spreadsheet's export, a data
 * set, whose dates without a clock are values.
 */
export function csvTimeColumn(sample: readonly string[], context: TimestampContext = {}): number | undefined {
  const table = csvTable(sample);
  if (table === undefined || table.rows.length === 0) return undefined;
  const times = (column: number) => table.rows.every((cells) => entryTime(cells[column], context));
  if (table.header !== undefined) {
    const time = table.header.map(nameKey).findIndex((key) => TIME_NAMES.has(key));
    return time >= 0 && times(time) ? time : undefined;
  }
  for (let column = 0; column < table.width; column++) if (times(column)) return column;
  return undefined;
}

/** A sample read as a table: its row width, the rows of that width or more, and its header row (cells and line) when it has one. */
interface CsvTable {
  width: number;
  rows: string[][];
  header?: string[];
  headerLine?: string;
}

/** The sample as a table (csvColumns' rules: MIN_CELLS, TABLE_SHARE, MIN_ROWS), the header row apart; undefined when it is none. */
function csvTable(sample: readonly string[]): CsvTable | undefined {
  const lines = sample.filter((line) => line.trim().length > 0);
  if (lines.length === 0) return undefined;
  const counts = new Map<number, number>();
  const rows: string[][] = [];
  for (const line of lines) {
    const cells = csvCells(line);
    if (cells === undefined || cells.length < MIN_CELLS) continue;
    rows.push(cells);
    counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
  }
  let width = 0;
  for (const [cells, count] of counts) if (count > (counts.get(width) ?? 0)) width = cells;
  // Rows with more cells: a last column's own commas (csvCells' `most`).
  const rowsOfWidth = rows.filter((cells) => cells.length >= width).length;
  if (width === 0 || rowsOfWidth < Math.max(MIN_ROWS, TABLE_SHARE * lines.length)) return undefined;
  const first = csvCells(lines[0]);
  const table = rows.filter((cells) => cells.length >= width);
  if (first !== undefined && first.length === width && first.every(headerCell)) return { width, rows: table.slice(1), header: first, headerLine: lines[0] };
  return { width, rows: table };
}

/** Two words of letters in a row: prose, not a date and time (`3/12/2026 1:00:00 PM`) nor a code. */
const PROSE = /\p{L}{2} \p{L}{2}/u;

/**
 * A headerless table's message column: of the columns after the level's, the one whose values are most often prose (two
 * words of letters in a row) and, among those, differ most. None when no column holds prose.
 */
function proseColumn(table: readonly string[][], level: number): { message?: number } {
  let best: { column: number; prose: number; distinct: number } | undefined;
  for (let column = level + 1; column < table[0].length; column++) {
    const values = table.map((cells) => cells[column]);
    const prose = values.filter((value) => PROSE.test(value)).length;
    const distinct = new Set(values).size;
    if (prose > 0 && (best === undefined || prose > best.prose || (prose === best.prose && distinct > best.distinct))) best = { column, prose, distinct };
  }
  return best === undefined ? {} : { message: best.column };
}

/**
 * `parse` for a CSV log (csvColumns of its sample): a row's level read from its level column, its time from its time
 * column (`parse`'s where that column holds none), its message from its message column; the header row a directive. A line
 * that is no row of the table (a quoted value's later line), and a row whose level `parse` read, keep `parse`'s reading. `parse` itself for any other file.
 */
export function withCsvColumns(parse: (line: string) => ParsedLine, sample: readonly string[], context: TimestampContext): (line: string) => ParsedLine {
  const columns = csvColumns(sample);
  if (columns === undefined) return parse;
  return (line) => {
    const parsed = parse(line);
    if (columns.header !== undefined && line === columns.header) return { ...parsed, directive: true };
    // A row whose level a header reader read (a level column first: `Error,3/12/2026 …,Source,…`) is read as it was.
    if (parsed.level !== undefined) return parsed;
    const cells = csvCells(line, columns.message === columns.cells - 1 ? columns.cells : Infinity);
    if (cells === undefined || cells.length !== columns.cells) return parsed;
    const level = normalizeLevel(cells[columns.level].trim());
    // The column the header names as the time is the row's time, wherever it stands.
    const timestamp = (columns.time === undefined ? undefined : parseTimestamp(cells[columns.time], context)) ?? parsed.timestamp;
    const read: ParsedLine = { ...parsed, message: columns.message === undefined ? parsed.message : cells[columns.message] };
    if (level !== undefined) read.level = level;
    if (timestamp !== undefined) read.timestamp = timestamp;
    return read;
  };
}
