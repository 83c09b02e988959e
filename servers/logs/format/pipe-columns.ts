// Columns a header separates by `|` past the fields a header reader knows: Karaf's and OpenHAB's
// `time | LEVEL | thread | logger | bundle - name - version | message`, Python's `%(asctime)s|%(levelname)-8s|%(name)-32s|%(message)s|`,
// NLog's `${time}|${level}|${logger}|${message}`. The header reader stops at the level, or at the first column that is
// no field it knows (a thread's name, a logger's, `125 - com.typesafe.akka.slf4j - 2.3.14`), and leaves the rest in the
// message. The file shows where the columns end: every line whose header is written with `|` between its fields has
// as many `|` in its message as there are columns left, and more only where its own text holds one. So the fewest
// `|` any such line of the sample leaves in its message is the number of columns, cut from each line that has them.
import { columnLevelIn } from './header';
import type { ParsedLine } from './types';

/** Lines of the sample whose header is written with `|` that must show the columns before they are cut. */
const MIN_LINES = 2;
/** A column's value is short (a thread, a logger, a bundle's name and version); a longer span is text. */
const MAX_COLUMN = 96;
/** The columns looked at: a header has a few; past them, `|` is the message's own. */
const MAX_COLUMNS = 6;

/**
 * Where `message` starts in `line` when the header before it ends in a `|` separator (`… | INFO  | `, `…|INFO|`), or -1:
 * the message is `line`'s tail, and the last character before it that is no space or tab is a `|`.
 */
export function afterPipe(line: string, message: string): number {
  if (message.length === 0 || !line.endsWith(message)) return -1;
  const start = line.length - message.length;
  let at = start - 1;
  while (at >= 0 && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9)) at--;
  return at >= 0 && line.charCodeAt(at) === 124 /* | */ ? start : -1;
}

/**
 * Whether the message starting at `start` of `line` is a table's row logged as the message (`… | INFO | | web1 | down |
 * 120ms |`, Markdown's `|------|--------|`): the header reader took the row's opening `|` for one more separator, so
 * the message follows an empty column, and the row closes with a `|`. Its `|` are its cells', no header's columns: a
 * form of such rows alone had every `|` taken for a column and cut, `| web1 | down | 120ms |` read as `120ms` (break31).
 */
function tableRow(line: string, start: number, message: string): boolean {
  if (!closedByPipe(message)) return false;
  let at = start - 1;
  while (at >= 0 && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9)) at--;
  // afterPipe: line[at] is the `|` before the message; an empty column is one more `|` before it.
  const pipe = at;
  at--;
  const spaced = at >= 0 && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9);
  while (at >= 0 && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9)) at--;
  if (at >= 0 && line.charCodeAt(at) === 124) return true;
  // A header written with blanks between its fields (`<time> INFO | web1 | down | 120ms |`): the `|` before the message,
  // set off by a blank and the line's first, is the row's opening one, not a separator of the header's columns (break32).
  return spaced && line.lastIndexOf('|', pipe - 1) < 0;
}

/** Whether `text` ends with a `|` closing the record (`…|message|`), spaces after it allowed. */
function closedByPipe(text: string): boolean {
  let at = text.length - 1;
  while (at >= 0 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at--;
  return at >= 0 && text.charCodeAt(at) === 124;
}

/**
 * The ends (after the `|` and the spaces that follow it) of the short `|`-closed columns `message` opens with, at
 * most MAX_COLUMNS; a `|` closing the whole record (`closed`) ends no column.
 */
export function pipeColumnEnds(message: string, closed: boolean): number[] {
  const columns = new PipeColumns();
  return Array.from(columns.ends.subarray(0, columns.read(message, closed)));
}

/**
 * The columns of one message as pipeColumnEnds reads them, into arrays kept for the next message (a parser's every
 * line is read: no array per line): `ends[i]` where column i ends, `bars[i]` its closing `|`.
 */
class PipeColumns {
  readonly ends = new Int32Array(MAX_COLUMNS);
  readonly bars = new Int32Array(MAX_COLUMNS);

  /** Reads `message`'s columns (pipeColumnEnds's); returns how many there are. */
  read(message: string, closed: boolean): number {
    const limit = closed ? message.lastIndexOf('|') : message.length;
    let from = 0;
    let count = 0;
    while (count < MAX_COLUMNS) {
      const bar = message.indexOf('|', from);
      if (bar < 0 || bar >= limit || bar - from > MAX_COLUMN) break;
      let next = bar + 1;
      while (message.charCodeAt(next) === 32 || message.charCodeAt(next) === 9) next++;
      // A column holds something or nothing (TeamSpeak's empty `|   |`), never a line's end.
      if (next >= limit) break;
      this.bars[count] = bar;
      this.ends[count++] = next;
      from = next;
    }
    return count;
  }
}

/** The `|` in `line` before `start`: which of a file's header forms (`time|msg`, `time|LEVEL|thread|msg`) a line is written in. */
function headerPipes(line: string, start: number): number {
  let pipes = 0;
  for (let at = line.indexOf('|'); at >= 0 && at < start; at = line.indexOf('|', at + 1)) pipes++;
  return pipes;
}

/** What the sample shows of one header form: its lines, the fewest columns any leaves, whether each closes its record with `|`. */
interface PipeForm {
  lines: number;
  columns: number;
  closed: boolean;
}

/**
 * `parse` followed by the cut of the `|`-separated columns its header left at the message's start. Learned per header
 * form (the number of `|` before the message: a file may write `time|message` beside `time|LEVEL|thread|message`):
 * a form is cut when at least MIN_LINES of `sample` (the file's sample lines, read by `parse`) are written in it and
 * every one of them leaves a column or more. `parse` itself when no form is, so that other files pay nothing per
 * line. A level a cut column spells (`| DEBUG |` where the header reader stopped before it) becomes the line's level
 * when it has none.
 */
export function withPipeColumns(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const forms = new Map<number, PipeForm>();
  for (const line of sample) {
    const { message } = parse(line);
    const start = afterPipe(line, message);
    if (start < 0 || tableRow(line, start, message)) continue;
    const pipes = headerPipes(line, start);
    const form = forms.get(pipes) ?? { lines: 0, columns: MAX_COLUMNS, closed: true };
    form.lines++;
    form.closed &&= closedByPipe(message);
    form.columns = Math.min(form.columns, pipeColumnEnds(message, false).length);
    forms.set(pipes, form);
  }
  const cut = new Map<number, PipeForm>();
  for (const [pipes, form] of forms) {
    if (form.lines < MIN_LINES || form.columns === 0) continue;
    // A `|` closing every line's record (`|%(message)s|`) ends no column: counted again without it.
    if (form.closed) {
      form.columns = MAX_COLUMNS;
      for (const line of sample) {
        const { message } = parse(line);
        const start = afterPipe(line, message);
        if (start >= 0 && !tableRow(line, start, message) && headerPipes(line, start) === pipes) form.columns = Math.min(form.columns, pipeColumnEnds(message, true).length);
      }
      if (form.columns === 0) continue;
    }
    cut.set(pipes, form);
  }
  if (cut.size === 0) return parse;
  const read = new PipeColumns();
  return (line) => {
    const parsed = parse(line);
    const start = afterPipe(line, parsed.message);
    if (start < 0 || tableRow(line, start, parsed.message)) return parsed;
    const form = cut.get(headerPipes(line, start));
    if (form === undefined) return parsed;
    const { columns } = form;
    const recordClosed = form.closed && closedByPipe(parsed.message);
    if (read.read(parsed.message, recordClosed) < columns) return parsed;
    // A column's value runs to the `|` that closes it (the first after its start).
    for (let i = 0, from = 0; i < columns && parsed.level === undefined; from = read.ends[i++]) {
      const level = columnLevelIn(parsed.message, from, read.bars[i]);
      if (level !== undefined) parsed.level = level;
    }
    let message = parsed.message.slice(read.ends[columns - 1]);
    if (recordClosed) message = message.slice(0, message.lastIndexOf('|')).trimEnd();
    parsed.message = message;
    return parsed;
  };
}
