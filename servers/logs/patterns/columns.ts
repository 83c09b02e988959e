// Header columns left in front of the message after the format's own header (record ids, hosts, pids, components,
// event codes written by the program, not by the event): learned per file from the sample's column statistics, then
// cut from EVERY message of the file the same way, so templates group by event rather than by host or component.
// A message that does not fit the learned columns is mined whole: a half-learned header never cuts it.
//
// Four layouts are recognised, each from how consistently a column behaves across the sample:
// - delimited: the first fields are joined by `|`, `;`, a tab or `,` (no spaces inside them), the message follows;
// - separated: one-token fields each followed by a separator standing alone (`Sync | msg`, `com.example.App - msg`);
// - fixed width: a padded first column, so the message starts at the same character offset on most lines;
// - space-separated columns: leading columns whose shape (number, id with digits, punctuation) is the same on most
//   lines, ending in a number or id column (record id, host, epoch time, flag).

/** What was learned: applied to each message by `strip`. */
export interface MessageColumns {
  /** Human description of the cut columns, or undefined when nothing was learned. */
  readonly description: string | undefined;
  /** The message without its learned header columns; the message unchanged when it does not fit them. */
  strip(message: string): string;
}

export interface ColumnLearningOptions {
  /** Share of sample messages (0..1) a column must behave the same on to be a header column. */
  share?: number;
}

/** Fewer sample messages than this teach nothing: a handful of lines has no statistics. */
const MIN_SAMPLE = 20;
/** Header columns looked at; a message's words beyond them are never cut. */
const MAX_COLUMNS = 8;
/** A padded column (fixed width) ends within this many characters. */
const MAX_FIXED_WIDTH = 40;
const DEFAULT_SHARE = 0.9;
/**
 * Share of a fixed-width column's lines that must show its padding (the rest overflow it). Structural, not tuned: a
 * quarter of the lines padded to one offset does not happen by chance in prose.
 */
const MIN_PADDED_SHARE = 0.25;
const DELIMITERS = ['|', ';', '\t', ','];

/** What a column's values look like: digits alone (or with one letter after a leading digit), digits and letters, neither, letters alone. */
export type Shape = 'number' | 'id' | 'punct' | 'word';

const IDENTITY: MessageColumns = { description: undefined, strip: (message) => message };

/**
 * One learned layout of header columns, read at an offset: skip(message, from) is where the message that starts at
 * `from` starts without these columns, or `from` when it does not fit them. Offsets, not strings, so that the steps
 * of a file (and of a source) cut each line with one slice: strip runs on every line.
 */
interface ColumnStep {
  readonly description: string;
  skip(message: string, from: number): number;
}

/** The message without the columns of `step`: one slice, none when nothing is cut. */
function stripStep(step: ColumnStep, message: string): string {
  const from = step.skip(message, 0);
  return from === 0 ? message : message.slice(from);
}

/** Learns the header columns of a file's messages from a sample of them (its first few hundred). */
export function learnMessageColumns(sample: string[], options: ColumnLearningOptions = {}): MessageColumns {
  const share = options.share ?? DEFAULT_SHARE;
  const messages = sample.filter((m) => m.trim().length > 0);
  if (messages.length < MIN_SAMPLE) return IDENTITY;
  const steps: ColumnStep[] = [];
  let current = messages;
  for (const learn of [learnDelimited, learnSeparated, learnFixedWidth, learnSpaceColumns]) {
    const step = learn(current, share);
    if (!step) continue;
    steps.push(step);
    current = current.map((m) => stripStep(step, m));
  }
  if (steps.length === 0) return IDENTITY;
  const all: ColumnStep = {
    description: steps.map((s) => s.description).join('; '),
    skip: (message, from) => {
      for (const step of steps) from = step.skip(message, from);
      return from;
    },
  };
  return { description: all.description, strip: (message) => stripStep(all, message) };
}

/** Columns learned per source of a file's lines: the program that wrote each (a syslog tag, a logger). */
export interface SourceColumns {
  /** Human description of the cut columns, or undefined when nothing was learned. */
  readonly description: string | undefined;
  /** The message without the header columns learned for its source (`component` as the format parsed it), else the file's. */
  strip(message: string, component?: string): string;
}

/**
 * Learns the header columns of a file whose lines several programs wrote (syslog's tags): a program that writes a
 * header of its own inside its messages has it learned from its own lines, which may be too small a share of the
 * file for the file-wide rule. A source with fewer than MIN_SAMPLE sample lines, or nothing of its own, uses the
 * file's columns. `sample` pairs each sample message with its line's component (undefined when the format has none).
 */
export function learnSourceColumns(sample: { message: string; component?: string }[], options: ColumnLearningOptions = {}): SourceColumns {
  const file = learnMessageColumns(sample.map((entry) => entry.message), options);
  const bySource = new Map<string, string[]>();
  for (const { message, component } of sample) {
    if (component === undefined) continue;
    const source = sourceOf(component);
    const messages = bySource.get(source);
    if (messages) messages.push(message);
    else bySource.set(source, [message]);
  }
  const own = new Map<string, MessageColumns>();
  if (bySource.size > 1) {
    for (const [source, messages] of bySource) {
      const learned = learnMessageColumns(messages, options);
      if (learned.description !== undefined && learned.description !== file.description) own.set(source, learned);
    }
  }
  if (own.size === 0) return { description: file.description, strip: (message) => file.strip(message) };
  return {
    description: [file.description, ...[...own].map(([source, columns]) => `${source}: ${columns.description}`)].filter((d) => d !== undefined).join('; '),
    strip: (message, component) => (component === undefined ? file : own.get(sourceOf(component)) ?? file).strip(message),
  };
}

/** The program of a component, without the pid or facility a syslog tag adds (`sshd[123]`, `su(pam_unix)`). */
function sourceOf(component: string): string {
  for (let i = 1; i < component.length; i++) {
    const c = component[i];
    if (c === '[' || c === '(') return component.slice(0, i);
  }
  return component;
}

function shapeOf(token: string): Shape {
  return shapeOfRange(token, 0, token.length);
}

/** A letter as a column's shape counts it: ASCII, or any code unit past ASCII (accented and non-Latin words, names). */
function isShapeLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** shapeOf(text.slice(start, end)), without the slice (strip reads every line's columns). */
export function shapeOfRange(text: string, start: number, end: number): Shape {
  let digits = 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (isShapeLetter(c)) letters++;
  }
  if (digits === 0) return letters === 0 ? 'punct' : 'word';
  const first = text.charCodeAt(start);
  return letters === 0 || (first >= 48 && first <= 57 && letters <= 1) ? 'number' : 'id';
}

/** The most common value of `values` and the share of them it covers. */
function dominant<T>(values: T[]): { value: T | undefined; share: number } {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return { value: best, share: values.length === 0 ? 0 : bestCount / values.length };
}

/** Longest delimited header field (characters): fields may hold spaces (`1/5/2026 8:00:00 AM`), prose runs longer. */
const MAX_FIELD = 40;

/**
 * Offsets just after each `delimiter` of the message's leading delimited fields (at most MAX_COLUMNS). A field may
 * hold spaces but not a tab (unless tabs delimit), nor be longer than MAX_FIELD; and a delimiter followed by a space
 * ends the run: that is prose (`close, 0 bytes`), not a field boundary.
 */
function delimiterEnds(message: string, delimiter: string): number[] {
  const ends: number[] = [];
  for (let end = nextDelimiterEnd(message, delimiter.charCodeAt(0), 0); end >= 0 && ends.length < MAX_COLUMNS; end = nextDelimiterEnd(message, delimiter.charCodeAt(0), end)) ends.push(end);
  return ends;
}

/** The offset just after the delimiter (code `code`) that ends the field starting at `fieldStart`, or -1 (delimiterEnds' rules). */
function nextDelimiterEnd(message: string, code: number, fieldStart: number): number {
  for (let i = fieldStart; i < message.length; i++) {
    const c = message.charCodeAt(i);
    if (i - fieldStart > MAX_FIELD || (c === 9 && code !== 9)) return -1;
    if (c !== code) continue;
    return message.charCodeAt(i + 1) === 32 ? -1 : i + 1;
  }
  return -1;
}

/**
 * delimiterEnds(message.slice(from), delimiter)[fields - 1] + from (fields <= MAX_COLUMNS), or -1 when there are
 * fewer: without the array or the slice, for every line.
 */
function delimiterEndAt(message: string, from: number, delimiter: string, fields: number): number {
  let end = from;
  for (let field = 0; field < fields && end >= 0; field++) end = nextDelimiterEnd(message, delimiter.charCodeAt(0), end);
  return end;
}

/**
 * The most delimiters that `share` of the messages have at least: the header's fields. Not the commonest count: a
 * message whose first word is glued to a delimiter of its own (`INFO,open, db-1 …`) has more, and a file where such
 * messages are frequent would otherwise learn no header at all.
 */
function fieldsOnMost(counts: number[], share: number): number {
  const sorted = [...counts].sort((a, b) => b - a);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

/** `a|b|message`: the same number of delimited fields before the message on most lines. */
function learnDelimited(messages: string[], share: number): ColumnStep | undefined {
  for (const delimiter of DELIMITERS) {
    const ends = messages.map((m) => delimiterEnds(m, delimiter));
    const fields = fieldsOnMost(ends.map((e) => e.length), share);
    if (!fields) continue;
    // The message must follow the header: a line that ends at its last delimiter has none.
    const usable = ends.filter((e, i) => e.length >= fields && e[fields - 1] < messages[i].length).length;
    if (usable / messages.length < share) continue;
    const name = delimiter === '\t' ? 'tab' : `'${delimiter}'`;
    return {
      description: `${fields} ${name}-delimited field${fields > 1 ? 's' : ''}`,
      skip: (message, from) => {
        const end = delimiterEndAt(message, from, delimiter, fields);
        return end >= 0 && end < message.length ? end : from;
      },
    };
  }
  return undefined;
}

/** Tokens that separate fields when they stand alone between spaces (`Sync | msg`, `com.example.App - msg`). */
const SEPARATORS = new Set(['|', '||', '-', '--', '>', '>>', '::', '~']);

/**
 * `Debav | x1 | message`, `com.example.Saga - message`: one-token fields, each followed by the same separator standing
 * alone between spaces, in front of the message. The separator must follow the first field on nearly every line
 * (`share`), and the header is the number of fields nearly every line has (a message may hold the separator too).
 */
function learnSeparated(messages: string[], share: number): ColumnStep | undefined {
  const rows = messages.map((m) => tokenStarts(m, 2 * MAX_COLUMNS));
  const { value: separator, share: covered } = dominant(messages.map((m, i) => (rows[i].length > 2 ? tokenAt(m, rows[i], 1) : undefined)));
  if (separator === undefined || !SEPARATORS.has(separator) || covered < share) return undefined;
  const fields = fieldsOnMost(messages.map((m, i) => separatedFields(m, rows[i], separator)), share);
  if (fields === 0) return undefined;
  return {
    description: `${fields} field${fields > 1 ? 's' : ''} ended by ' ${separator} '`,
    skip: (message, from) => skipSeparated(message, from, separator, fields),
  };
}

/**
 * The end of the space-delimited token at `start` (the next space, or the message's end). indexOf, not a char loop:
 * a message is a slice of its line, whose characters a loop reads about three times slower than indexOf scans them.
 */
function tokenEnd(message: string, start: number): number {
  const space = message.indexOf(' ', start);
  return space < 0 ? message.length : space;
}

/**
 * Where the message at `from` starts after `fields` pairs of a one-token field and `separator`, when it has them and
 * more text follows; `from` otherwise. What tokenStarts and separatedFields decide, read in place: no array, no token
 * string, for every line.
 */
function skipSeparated(message: string, from: number, separator: string, fields: number): number {
  let i = from;
  for (let token = 0; ; token++) {
    while (i < message.length && message.charCodeAt(i) === 32) i++;
    if (i >= message.length) return from;
    if (token === 2 * fields) return i;
    const start = i;
    i = tokenEnd(message, i);
    if (token % 2 === 1 && (i - start !== separator.length || !message.startsWith(separator, start))) return from;
  }
}

/** How many `field separator` pairs the message starts with, each followed by more text. */
function separatedFields(message: string, starts: number[], separator: string): number {
  let fields = 0;
  while (2 * fields + 2 < starts.length && tokenAt(message, starts, 2 * fields + 1) === separator) fields++;
  return fields;
}

/** The first token's end and the offset of the text after the spaces that follow it; undefined past MAX_FIXED_WIDTH. */
function firstColumn(message: string): { end: number; next: number } | undefined {
  const end = firstColumnEnd(message, 0);
  return end < 0 ? undefined : { end, next: afterSpaces(message, end) };
}

/** The end of the first token of the message at `from` (relative to `from`), or -1 when firstColumn finds none. */
function firstColumnEnd(message: string, from: number): number {
  const space = message.indexOf(' ', from);
  const end = space < 0 ? -1 : space - from;
  if (end <= 0 || end > MAX_FIXED_WIDTH) return -1;
  return afterSpaces(message, from + end) < message.length ? end : -1;
}

/** The offset of the first character at or after `at` that is not a space. */
function afterSpaces(message: string, at: number): number {
  while (message.charCodeAt(at) === 32) at++;
  return at;
}

/**
 * Whether a message's first column fits a padded column whose next one starts at `offset`: the value is followed by
 * padding (two spaces or more: shorter than the column, and how much shorter does not matter, since a right-aligned
 * next column moves with the width of its own value: `Sele     5635` against `Vusa    73237`), or it fills or
 * overflows the column. A short first word followed by one space is the start of a message, not a column.
 */
function fitsColumn(end: number, next: number, offset: number): boolean {
  return next - end >= 2 || end >= offset - 1;
}

/**
 * `CBS    message`: a first column padded with spaces to a fixed width, so lines show padding after it and the text
 * after the padding starts at one offset (or after it, before a right-aligned value). Every fitting line is cut the same way, after its
 * first value and the spaces that follow: a header is never left in some lines of the file and cut from others.
 */
function learnFixedWidth(messages: string[], share: number): ColumnStep | undefined {
  const columns = messages.map(firstColumn);
  const padded = columns.filter((c) => c !== undefined && c.next - c.end >= 2);
  if (padded.length === 0) return undefined;
  // The next column starts where the padding ends on the lines whose next value is widest (all of them when it is
  // left-aligned): the low end of where padding ends, past the few lines (1 - share) that are not header lines.
  const ends = padded.map((c) => c!.next).sort((a, b) => a - b);
  const offset = ends[Math.floor((1 - share) * ends.length)];
  const fitting = columns.filter((c) => c !== undefined && fitsColumn(c.end, c.next, offset)).length;
  // Enough fitting lines show the padding; the others are values that fill or overflow the column.
  if (fitting / messages.length < share || padded.length < MIN_PADDED_SHARE * fitting) return undefined;
  return {
    description: `a column padded to ${offset} characters`,
    // firstColumn and fitsColumn on message.slice(from), read in place.
    skip: (message, from) => {
      const end = firstColumnEnd(message, from);
      if (end < 0) return from;
      const next = afterSpaces(message, from + end) - from;
      return fitsColumn(end, next, offset) ? from + next : from;
    },
  };
}

/** Start offsets of the first `limit` space-separated tokens and the offset after them. */
function tokenStarts(message: string, limit: number): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < message.length && starts.length <= limit) {
    while (i < message.length && message[i] === ' ') i++;
    if (i >= message.length) break;
    starts.push(i);
    while (i < message.length && message[i] !== ' ') i++;
  }
  return starts;
}

/**
 * `482113 rack3-n41 fan speed.check 1700000007 1 message`: leading columns whose shape is the same on most lines,
 * the first and the last of them a number, an id with digits or punctuation (words alone are the message's).
 */
function learnSpaceColumns(messages: string[], share: number): ColumnStep | undefined {
  const rows = messages.map((m) => tokenStarts(m, MAX_COLUMNS));
  const shapes: Shape[] = [];
  let columns = 0;
  for (let column = 0; column < MAX_COLUMNS; column++) {
    // Only messages that still have words after this column count as fitting it.
    const values = rows.map((starts, i) => (starts.length > column + 1 ? shapeOf(tokenAt(messages[i], starts, column)) : undefined));
    const { value: shape, share: covered } = dominant(values);
    if (shape === undefined || covered < share) break;
    if (column === 0 && shape === 'word') return undefined;
    shapes.push(shape);
    if (shape !== 'word') columns = column + 1;
  }
  if (columns === 0) return undefined;
  // What follows a header is free text of varying length; a fixed number of fields after the typed columns is a
  // table whose every column may tell events apart (`1234 GET /a 200 12ms`), so nothing is cut.
  const rest = rows.map((starts, i) => tokenStarts(messages[i].slice(starts[columns] ?? messages[i].length), MAX_COLUMNS).length);
  if (dominant(rest).share >= share) return undefined;
  const typed = shapes.slice(0, columns);
  return {
    description: `${columns} leading column${columns > 1 ? 's' : ''} (${typed.join(', ')})`,
    skip: (message, from) => skipSpaceColumns(message, from, typed),
  };
}

/**
 * Where the message at `from` starts after its leading space-separated columns when each has its column's shape
 * (words and punctuation fit any, a placeholder's `-` being filled on some lines: CLF's `- frank`) and a word follows
 * them; `from` otherwise. A first column of punctuation is a separator the layout opens its messages with (the ` : `
 * after Spring Boot's padded logger): a line that opens with a word there is not of that layout, and that word is its
 * statement's own (`No active profile set` beside `: No active profile set`). One pass over the columns, nothing allocated.
 */
function skipSpaceColumns(message: string, from: number, typed: Shape[]): number {
  let i = from;
  for (let column = 0; ; column++) {
    while (message.charCodeAt(i) === 32) i++;
    if (i >= message.length) return from;
    if (column === typed.length) return i;
    const start = i;
    i = tokenEnd(message, i);
    const shape = typed[column];
    if (shape === 'punct' ? column === 0 && shapeOfRange(message, start, i) !== 'punct' : shape !== 'word' && !hasShape(message, start, i, shape)) return from;
  }
}

/**
 * shapeOfRange(text, start, end) === shape for 'number' or 'id', read only as far as the answer needs: a column of
 * endpoints or ids (`host-3.example.net:41734`) is settled at its first digit, not at its end (strip reads every line's
 * columns). By shapeOfRange's rule, an id has a digit and a letter (two when it starts with a digit); a number has a
 * digit and no letter (at most one after a leading digit).
 */
export function hasShape(text: string, start: number, end: number, shape: 'number' | 'id'): boolean {
  const first = text.charCodeAt(start);
  // Letters a number may hold: none, or one after a leading digit (`5s`, `3x`).
  const numberLetters = first >= 48 && first <= 57 ? 1 : 0;
  let digits = 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (isShapeLetter(c)) letters++;
    else continue;
    // More letters than a number may hold: an id once it has a digit, never a number.
    if (letters > numberLetters) {
      if (shape === 'number') return false;
      if (digits > 0) return true;
    }
  }
  if (digits === 0) return false;
  return (letters > numberLetters ? 'id' : 'number') === shape;
}

function tokenAt(message: string, starts: number[], column: number): string {
  const start = starts[column];
  const space = message.indexOf(' ', start);
  return message.slice(start, space < 0 ? message.length : space);
}
