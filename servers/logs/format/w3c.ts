// The W3C extended log file format (https://www.w3.org/TR/WD-logfile.html): what IIS writes by default
// (`u_ex261202.log`), and ASP.NET Core's W3CLogger and other web servers too. A block of `#` directives names the
// columns (`#Fields: date time s-ip cs-method …`), and its `date` and `time` columns are in UTC: IIS writes UTC whatever
// the machine's zone ("time: the time, in coordinated universal time (UTC), at which the activity occurred",
// https://learn.microsoft.com/en-us/windows/win32/http/w3c-logging), and so does the `#Date:` directive. The lines carry
// no zone, so without this they were read as the server's local time: on a server east or west of UTC, "the last hour"
// missed every request of the last hour. A request's level is derived from its `sc-status` column (http-status.ts):
// read by the column's name, wherever `#Fields:` puts it (the line readers find it only before IIS's three default last
// fields), so that error_summary counts the 5xx answers of any field selection.
import { httpStatusLevel } from './http-status';
import type { FieldBlock, LogFormat, ParsedLine } from './types';

/** The columns of a file's `date`, `time` and `sc-status` fields (0-based, whitespace-separated), as its `#Fields:` names them. */
interface W3cColumns {
  date: number;
  time: number;
  /** The server's status code column, when the file has one. */
  status?: number;
}

/**
 * The columns a data line is read by: its block's (W3cColumns), or, where the line's block is not known, those all the
 * blocks it may be in agree on (W3cBlocks.of); a column left out is not read, and the line then has no time or level
 * from the columns (never one read from another column).
 */
interface LineColumns {
  date?: number;
  time?: number;
  status?: number;
  /** The count of columns its block names (a line of it holds as many). */
  count: number;
}

const FIELDS_DIRECTIVE = '#Fields:';
/** The directives whose value is a date and time (`#Date: 2026-12-02 08:33:37`), in UTC as the columns are. */
const DATE_DIRECTIVE = /^#(?:Start-|End-)?Date:\s*/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?$/;
const DATE_TIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?)$/;

/**
 * The `date` and `time` columns named by the sample's first `#Fields:` directive, when the sample also shows `#Version:`
 * or `#Software:` (the directives the format starts a file with): a file of this format. Undefined otherwise, and when
 * the directive names no `date` or no `time` column.
 */
export function w3cColumns(sample: readonly string[]): W3cColumns | undefined {
  let fields: string | undefined;
  let directives = false;
  for (const line of sample) {
    if (line.charCodeAt(0) !== 35 /* # */) continue;
    if (fields === undefined && line.startsWith(FIELDS_DIRECTIVE)) fields = line.slice(FIELDS_DIRECTIVE.length);
    else if (line.startsWith('#Version:') || line.startsWith('#Software:')) directives = true;
  }
  if (fields === undefined || !directives) return undefined;
  const columns = columnsNamed(fields);
  return columns.date === undefined || columns.time === undefined ? undefined : { date: columns.date, time: columns.time, ...(columns.status !== undefined ? { status: columns.status } : {}) };
}

/** The columns a `#Fields:` directive's text (after `#Fields:`) names. */
function columnsNamed(fields: string): LineColumns {
  const names = fields.trim().split(/\s+/);
  const at = (name: string) => (names.includes(name) ? { [name === 'sc-status' ? 'status' : name]: names.indexOf(name) } : {});
  return { ...at('date'), ...at('time'), ...at('sc-status'), count: names.length };
}

/** The text after `#Fields:` of a line that is a W3C `#Fields:` directive, else undefined. */
export function fieldsDirective(line: string): string | undefined {
  return line.startsWith(FIELDS_DIRECTIVE) ? line.slice(FIELDS_DIRECTIVE.length).trim() : undefined;
}

/**
 * Whether a file's `#Fields:` directives, in file order, name columns that differ: then a line must be read by its
 * own block's columns, not by the head's (a 200 with a time-taken of 500 read as a 500, break30).
 */
export function fieldsDiffer(blocks: readonly FieldBlock[]): boolean {
  return blocks.some((block) => block.fields.split(/\s+/).join(' ') !== blocks[0].fields.split(/\s+/).join(' '));
}

/**
 * The columns of each line of a W3C extended log whose `#Fields:` directives differ (FileIndex.fieldBlocks): a line
 * is in the block of the last directive above it. A reader that does not know a line's number (one that reads
 * matched lines alone, or from the file's end without its line count) gets the columns the blocks with as many
 * columns as the line holds agree on; where they disagree, none.
 */
export class W3cBlocks {
  private readonly lines: number[];
  private readonly columns: LineColumns[];

  constructor(blocks: readonly FieldBlock[]) {
    this.lines = blocks.map((block) => block.line);
    this.columns = blocks.map((block) => columnsNamed(block.fields));
  }

  /** The columns of line `at` (1-based), whose text is `line`; a line above the first directive is read by the first block's. */
  of(line: string, at: number | undefined): LineColumns {
    if (at !== undefined) {
      let low = 0;
      let high = this.lines.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.lines[mid] <= at) low = mid + 1;
        else high = mid;
      }
      return this.columns[Math.max(0, low - 1)];
    }
    const count = (line.includes('\t') ? line.split('\t') : columnsUpTo(line, Infinity)).length;
    const fitting = this.columns.filter((c) => c.count === count);
    if (fitting.length === 0) return { count };
    const agreed = (key: 'date' | 'time' | 'status') => (fitting.every((c) => c[key] === fitting[0][key]) && fitting[0][key] !== undefined ? { [key]: fitting[0][key] } : {});
    return { ...agreed('date'), ...agreed('time'), ...agreed('status'), count };
  }
}

/**
 * The format of a file in the W3C extended log format (w3cColumns of its sample), named for a listing and a tool's
 * answer: its fields are named by `#Fields:`, so no other layout's name fits it. Undefined for any other file.
 */
export function w3cFormat(sample: readonly string[]): LogFormat | undefined {
  const columns = w3cColumns(sample);
  if (columns === undefined) return undefined;
  const level = columns.status === undefined ? 'no level (no sc-status column)' : 'level derived from the sc-status column (5xx error, 4xx warning, else info)';
  return { id: 'w3c', description: `W3C extended log (IIS): columns named by #Fields:, date and time in UTC; ${level}` };
}

/**
 * The columns of a data line up to `last`: separated by white space, a quoted value (`"a b"`, the format's strings) one
 * column; in a line holding a tab, by tabs alone (ISA Server and TMG separate fields by tabs and write a user agent's
 * spaces as they are).
 */
function columnsUpTo(line: string, last: number): string[] {
  if (line.includes('\t')) return line.split('\t', last + 1).map((value) => value.trim());
  const out: string[] = [];
  let at = 0;
  while (out.length <= last) {
    while (line.charCodeAt(at) === 32) at++;
    if (at >= line.length) break;
    let end: number;
    if (line.charCodeAt(at) === 34 /* " */) {
      end = line.indexOf('"', at + 1);
      end = end < 0 ? line.length : end + 1;
    } else {
      end = at;
      while (end < line.length && line.charCodeAt(end) !== 32) end++;
    }
    out.push(line.slice(at, end));
    at = end;
  }
  return out;
}

/** Epoch ms of a `date` and a `time` value read as UTC, or undefined when either is not one. */
function utcEpoch(date: string, time: string): number | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (d === null || t === null) return undefined;
  const ms = t[4] === undefined ? 0 : Math.floor(Number(`0.${t[4]}`) * 1000);
  const epoch = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), ms);
  // Date.UTC rolls Feb 30 into March: no such day, no time.
  return new Date(epoch).getUTCDate() === Number(d[3]) ? epoch : undefined;
}

/** A directive that names a file's columns: W3C's `#Fields: date time …`, Zeek's tab-separated `#fields\tts\tuid …`. */
const FIELDS_LINE = /^#[Ff]ields[:\t]/;
/** The directives that open such a file along with it: W3C's version and software, Zeek's separator and open time. */
const OPENING_LINE = /^#(?:Version:|Software:|separator[ \t]|open[ \t])/;

/**
 * Whether `sample` is of a file whose `#` lines are directives (W3C extended, Zeek): it shows a line naming the columns
 * and one of the directives that open such a file. Then no `#` line of it is an entry.
 */
export function hasDirectives(sample: readonly string[]): boolean {
  let fields = false;
  let opening = false;
  for (const line of sample) {
    if (line.charCodeAt(0) !== 35 /* # */) continue;
    if (FIELDS_LINE.test(line)) fields = true;
    else if (OPENING_LINE.test(line)) opening = true;
    if (fields && opening) return true;
  }
  return false;
}

/**
 * `parse` for a file in the W3C extended log format (w3cColumns of its sample): each data line's time read from its
 * `date` and `time` columns as UTC, its level from its `sc-status` column, and a time read in a `#Date:` (`#Start-Date:`, `#End-Date:`) directive as UTC; every other field of the parse
 * (message) as `parse` gives it, and every `#` line marked a directive. A line whose columns hold no date and time
 * keeps `parse`'s reading. withDirectives for any other file.
 */
export function withW3cTimes(parse: (line: string) => ParsedLine, sample: readonly string[], blockColumns?: (line: string) => LineColumns | undefined): (line: string) => ParsedLine {
  const head = w3cColumns(sample);
  if (head === undefined) return withDirectives(parse, sample);
  const headLast = Math.max(head.date, head.time, head.status ?? 0);
  return (line) => {
    const parsed = parse(line);
    if (line.charCodeAt(0) === 35 /* # */) {
      // A directive is no entry: it keeps what parse read, but a time parse read in it is the `#Date:`'s, in UTC.
      if (parsed.timestamp === undefined) return { ...parsed, directive: true };
      const directive = DATE_DIRECTIVE.exec(line);
      const m = directive === null ? null : DATE_TIME.exec(line.slice(directive[0].length).trim());
      return { ...parsed, timestamp: m === null ? undefined : utcEpoch(m[1], m[2]), directive: true };
    }
    // A file whose `#Fields:` change down it: the line's own block's columns (W3cBlocks).
    const block = blockColumns?.(line);
    const columns = block ?? head;
    const last = block === undefined ? headLast : Math.max(block.date ?? 0, block.time ?? 0, block.status ?? 0);
    const values = columnsUpTo(line, last);
    const epoch = values.length > last && columns.date !== undefined && columns.time !== undefined ? utcEpoch(values[columns.date], values[columns.time]) : undefined;
    // Columns not known for the line: what parse read there (a date as local time, a URL's word as a level) would be
    // read from a column it may not be, so the line has no time or level rather than a wrong one.
    if (block !== undefined && (block.date === undefined || block.time === undefined || block.status === undefined)) {
      const known = { ...parsed, timestamp: epoch };
      if (block.status === undefined) delete known.level;
      if (epoch === undefined) delete known.timestamp;
      if (block.status === undefined || epoch === undefined) return known;
    }
    if (epoch === undefined) return parsed;
    // The status column is the request's outcome: it stands for the level, whatever word the URL holds.
    const level = columns.status === undefined ? undefined : httpStatusLevel(values[columns.status]);
    return { ...parsed, timestamp: epoch, ...(level === undefined ? {} : { level }) };
  };
}

/** `parse` with each `#` line of a file with directives (hasDirectives of its sample) marked as one; `parse` otherwise. */
function withDirectives(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  if (!hasDirectives(sample)) return parse;
  return (line) => {
    const parsed = parse(line);
    return line.charCodeAt(0) === 35 /* # */ ? { ...parsed, directive: true } : parsed;
  };
}
