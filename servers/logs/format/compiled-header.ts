// Compiled header readers: for a learned header of a common layout, a reader of that layout's lines written out for it
// (no per-field dispatch, no shared match records), which hands every line it cannot read exactly as header.ts
// parseWithHeader does back to it. Only a layout whose readings the shadow-compare harness (scripts/shadow-header.ts)
// finds equal to the general reader's, on every input and every neighbour of their lines, has one.
import { isWhiteSpace } from './chars';
import { isExceptionName } from './exception-names';
import {
  balanced,
  bracketedLevelAt,
  bracketEnd,
  channelLevel,
  componentEnd,
  holdsArrow,
  composePrefixEnd,
  leadingLevel,
  mayBeChannelLevel,
  monthWordDateEnd,
  opensQuote,
  statusLevel,
  UPPER_LEVEL_WORD,
  UPPER_LEVEL_WORD_MAX,
  loggerAt,
  pastLoneSeparators,
  upperLevelWordAt,
  type HeaderField,
  type LearnedHeader,
} from './header';
import { matchTimestampAt, type TimestampContext, type TimestampPattern } from './timestamps';
import type { ParsedLine } from './types';

/** A compiled reader: a line's reading, or undefined when the general reader (parseWithHeader) must read it. */
export type CompiledReader = (line: string) => ParsedLine | undefined;

/**
 * The compiled reader of `header`'s layout, or undefined when it has none (the general reader reads every line).
 * `reads`: counts the lines the reader read itself (the shadow-compare harness, scripts/shadow-header.ts).
 */
export function compileHeaderReader(header: LearnedHeader, context: TimestampContext, reads?: { lines: number }): CompiledReader | undefined {
  if (!nothingElseLearned(header)) return undefined;
  if (isPlainSyslog(header)) return syslogReader(header.fields[0].pattern as TimestampPattern, context, reads);
  if (isPlainTimestamped(header)) return timestampedReader(header.fields[0].pattern as TimestampPattern, context, reads);
  if (isColumnLevel(header)) return columnLevelReader(header.fields, context, reads);
  return undefined;
}

/**
 * Whether the file's header is learned with none of the readings a compiled reader leaves to the general one: no other
 * form, no inserted or relayed column, no level column in the messages, no tab-separated records, no prefix.
 */
function nothingElseLearned(header: LearnedHeader): boolean {
  return (
    !header.tabbed &&
    header.forms === undefined &&
    header.extended === undefined &&
    header.inserted === undefined &&
    !header.columnLevels &&
    !header.messageLevels &&
    !header.prefixed &&
    !header.relayed
  );
}

/** Whether a field has no flag besides its kind (and a timestamp's pattern): the general reader's plainest reading of it. */
function plain(field: HeaderField, kind: HeaderField['kind']): boolean {
  if (field.kind !== kind) return false;
  for (const key of Object.keys(field) as (keyof HeaderField)[]) if (key !== 'kind' && !(key === 'pattern' && kind === 'timestamp') && field[key] !== undefined) return false;
  return true;
}

/** The syslog layout (`Jun 14 15:16:01 combo sshd[1234]: …`): a syslog time, a host word, a program's `name:`. */
function isPlainSyslog(header: LearnedHeader): boolean {
  const [time, host, tag] = header.fields;
  return header.fields.length === 3 && plain(time, 'timestamp') && time.pattern?.id === 'syslog' && plain(host, 'word') && plain(tag, 'component');
}

/**
 * The timestamped layout: a time in one form, then the message (`20171223-22:15:29:606|Step_LSC|30002312|…`, a
 * program's `<time> <text>`): one plain timestamp field. The columns after the time are read by the readers around
 * the header's (pipe-columns.ts, lead-columns.ts), as on the general reader's lines.
 */
function isPlainTimestamped(header: LearnedHeader): boolean {
  return header.fields.length === 1 && plain(header.fields[0], 'timestamp') && header.fields[0].pattern !== undefined;
}

/**
 * The column-level layout (`[2026-01-05 08:00:00.137] [pool-2-thread-15] [INFO] [com.app.Jobs] …`, `<time> [WARN] …`,
 * `<time> INFO  [main] …`, `<time> WARN [main] app.Db: …`, `<time> [main] INFO com.app.Db - …`): a plain time, then
 * bracketed columns and one level column (`[LEVEL]` or a bare word, maybe learned as written in capitals), the
 * bracketed ones holding neither a time nor a level (learned so: `timed` and `leveled` false, no level words), and
 * maybe last a `name:` or a Java logger's name.
 */
function isColumnLevel(header: LearnedHeader): boolean {
  const [time, ...columns] = header.fields;
  if (columns.length === 0 || !plain(time, 'timestamp') || time.pattern === undefined) return false;
  let levels = 0;
  for (const [i, field] of columns.entries()) {
    if (field.kind === 'level' && onlyKeys(field, ['kind', 'bracketed', 'capitals'])) levels++;
    else if (i === columns.length - 1 && (plain(field, 'component') || plain(field, 'logger'))) continue;
    else if (!(field.kind === 'bracket' && field.timed === false && field.leveled === false && onlyKeys(field, ['kind', 'timed', 'leveled']))) return false;
  }
  return levels === 1;
}

/** Whether `field` has no flag but `keys` set. */
function onlyKeys(field: HeaderField, keys: readonly (keyof HeaderField)[]): boolean {
  for (const key of Object.keys(field) as (keyof HeaderField)[]) if (!keys.includes(key) && field[key] !== undefined) return false;
  return true;
}

/** Past the separators header.ts skips between fields (spaces, tabs, `|`) from `at`. */
function skipSeparators(line: string, at: number): number {
  for (let c = line.charCodeAt(at); c === 32 || c === 9 || c === 124; c = line.charCodeAt(++at));
  return at;
}

/**
 * The syslog layout's reader: parseWithHeader's reading of a line all three fields read in their plainest way (the
 * time ending at a blank, a host word that opens no quote and is no month's name, a `name:` that is neither an
 * exception's class nor a level), written out; any other line is the general reader's. What the general reader does
 * past the header on such a line, and why this reader need not:
 * - a docker compose prefix (composePrefixEnd) is looked for on lines without a level: asked the same;
 * - other forms, an inserted or relayed column, a level column in the messages, tab-separated records: none learned
 *   (isPlainSyslog); the header has no level field and the time is in its own form, so the line is not read again
 *   by a header of its own;
 * - the level: the message's leading level word, its `channel.LEVEL:`, else an access log's status (applyHeader).
 */
function syslogReader(pattern: TimestampPattern, context: TimestampContext, reads?: { lines: number }): CompiledReader {
  return (line) => {
    // A month's name opens the time: anything else (an indented line, a bracket, a BOM) is the general reader's.
    const first = line.charCodeAt(0);
    if (!(first >= 65 && first <= 90)) return undefined;
    const time = matchTimestampAt(line, 0, pattern, context);
    if (time === undefined || time.epoch === undefined) return undefined;
    // A `,` or `:` closing the time is the header's (readField): such lines are the general reader's.
    const afterTime = line.charCodeAt(time.end);
    if (afterTime === 44 || afterTime === 58) return undefined;
    // The host: a word up to white space or `|` (wordEnd), that opens no quote and is not a month's name opening a date.
    const hostStart = skipSeparators(line, time.end);
    let hostEnd = hostStart;
    for (let c = line.charCodeAt(hostEnd); hostEnd < line.length && c !== 124 && !isWhiteSpace(c); c = line.charCodeAt(++hostEnd));
    if (hostEnd === hostStart || opensQuote(line, hostStart, hostEnd)) return undefined;
    if (hostEnd - hostStart <= 6 && monthWordDateEnd(line, hostStart) >= 0) return undefined;
    // The program's `name:` (readComponent), neither an exception's class, nor Monolog's `app.ERROR:`, nor a level word.
    const tagStart = skipSeparators(line, hostEnd);
    const tagEnd = componentEnd(line, tagStart);
    if (tagEnd < 0 || !balanced(line, tagStart, tagEnd) || isExceptionName(line, tagStart, tagEnd - 1) || mayBeChannelLevel(line, tagStart)) return undefined;
    const tagFirst = line.charCodeAt(tagStart);
    if (tagEnd - tagStart >= 4 && tagEnd - tagStart <= UPPER_LEVEL_WORD_MAX && tagFirst >= 65 && tagFirst <= 90 && UPPER_LEVEL_WORD.test(line.slice(tagStart, tagEnd))) return undefined;
    const message = line.slice(skipSeparators(line, tagEnd));
    // A message opening with Monolog's `channel.LEVEL:` has that column cut by the general reader (cutChannelLevel).
    if (mayBeChannelLevel(message, 0)) return undefined;
    const level = leadingLevel(message) ?? statusLevel(line);
    // A line without a level is looked at for a docker compose prefix (parseWithHeader): such a line is the general reader's.
    if (level === undefined && tagEnd < 80 && composePrefixEnd(line) > 0) return undefined;
    if (reads) reads.lines++;
    return { message, timestamp: time.epoch, component: line.slice(tagStart, tagEnd - 1), level };
  };
}

/**
 * The time a compiled reader reads from a line's first character, with its end; undefined for a line the general reader
 * reads: one a separator opens (an indented line, a bar: the general reader skips it and reads the line as the entry
 * above's), an empty one, and one whose time is not there or gives no instant.
 */
function openingTime(line: string, pattern: TimestampPattern, context: TimestampContext): { end: number; epoch: number } | undefined {
  const first = line.charCodeAt(0);
  if (first === 32 || first === 9 || first === 124 || line.length === 0) return undefined;
  const time = matchTimestampAt(line, 0, pattern, context);
  // The match itself, not a copy: this runs on every line.
  return time === undefined || time.epoch === undefined ? undefined : (time as { end: number; epoch: number });
}

/**
 * The timestamped layout's reader: parseWithHeader's reading of a line whose one field, the time, reads plainly (from
 * the line's first character, closed by anything but a `:`), written out; any other line is the general reader's. Past the time, as the general reader reads such a line:
 * - a lone separator between time and message (`<time> - msg`, `-> `, `=> `, `: `) is cut by applyHeader: such lines
 *   (an opening `-`, `=`, `>` or `:`) are the general reader's;
 * - the level: the message's leading level word, else an access log's status; a message opening with Monolog's
 *   `channel.LEVEL:` (cut by cutChannelLevel, or read by channelLevel) is the general reader's;
 * - a docker compose prefix is looked for on lines without a level: asked the same;
 * - the header has no level field, and the time is in its own form: the line is not read again by a header of its own.
 */
function timestampedReader(pattern: TimestampPattern, context: TimestampContext, reads?: { lines: number }): CompiledReader {
  return (line) => {
    const time = openingTime(line, pattern, context);
    if (time === undefined) return undefined;
    // A `,` closing the time is the header's (readField); a `:` is when a field's end follows it: the general reader's.
    const afterTime = line.charCodeAt(time.end);
    if (afterTime === 58) return undefined;
    const consumed = afterTime === 44 ? time.end + 1 : time.end;
    const start = skipSeparators(line, consumed);
    const opening = line.charCodeAt(start);
    if (opening === 45 || opening === 61 || opening === 62 || opening === 58) return undefined;
    const message = line.slice(start);
    if (mayBeChannelLevel(message, 0)) return undefined;
    const level = leadingLevel(message) ?? statusLevel(line);
    if (level === undefined && consumed < 80 && composePrefixEnd(line) > 0) return undefined;
    if (reads) reads.lines++;
    return { message, timestamp: time.epoch, level };
  };
}

/**
 * The column-level layout's reader: parseWithHeader's reading of a line whose every field reads in its plainest way
 * (the time from the line's first character, closed by neither `,` nor `:`; each bracket balanced, closed by a
 * separator, holding no arrow; the level a known word in its brackets, or, in a bare level column, a known word in
 * capitals that a space follows and no padded column's colon), written out; any other line is the general reader's
 * (a bare level in lower case: the general reader weighs whether it opens the message). Past the header, as the
 * general reader reads such a line:
 * - a lone dash, arrow or colon opening the message is cut (pastLoneSeparators, applyHeader's), but after a `name:`;
 * - the level is the level column's, so the message's first word, a Monolog column, an access log's status and a
 *   docker compose prefix are not looked at; no other form, inserted or relayed column, message level column or
 *   prefix is learned (nothingElseLearned), and the time is in its own form: the line is not read again.
 */
function columnLevelReader(fields: readonly HeaderField[], context: TimestampContext, reads?: { lines: number }): CompiledReader {
  const pattern = fields[0].pattern as TimestampPattern;
  // Per column after the time: 0 a bracket, 1 the level in brackets, 2 the level as a bare word, 3 a `name:`, 4 a
  // Java logger's name.
  const kinds = fields.slice(1).map((field) => (field.kind === 'component' ? 3 : field.kind === 'logger' ? 4 : field.kind !== 'level' ? 0 : field.bracketed === true ? 1 : 2));
  const named = kinds[kinds.length - 1] === 3;
  return (line) => {
    const time = openingTime(line, pattern, context);
    if (time === undefined) return undefined;
    const afterTime = line.charCodeAt(time.end);
    if (afterTime === 44 || afterTime === 58) return undefined;
    let end = time.end;
    let level: ParsedLine['level'];
    let component: string | undefined;
    for (let i = 0; i < kinds.length; i++) {
      const start = skipSeparators(line, end);
      if (kinds[i] === 3) {
        // The logger's `name:` (readComponent), neither an exception's class, nor Monolog's `app.ERROR:`, nor a level word.
        // A Java logger's `pkg.Class:` may be such a column by its first characters (mayBeChannelLevel): asked whole.
        const nameEnd = componentEnd(line, start);
        if (nameEnd < 0 || !balanced(line, start, nameEnd) || isExceptionName(line, start, nameEnd - 1)) return undefined;
        const name = line.slice(start, nameEnd);
        if (mayBeChannelLevel(line, start) && channelLevel(name) !== undefined) return undefined;
        const first = line.charCodeAt(start);
        if (name.length >= 4 && name.length <= UPPER_LEVEL_WORD_MAX && first >= 65 && first <= 90 && UPPER_LEVEL_WORD.test(name)) return undefined;
        component = name.slice(0, -1);
        end = nameEnd;
        continue;
      }
      if (kinds[i] === 4) {
        const name = loggerAt(line, start);
        if (name === undefined) return undefined;
        component = name;
        end = start + name.length;
        continue;
      }
      if (kinds[i] === 2) {
        const read = upperLevelWordAt(line, start);
        if (read === undefined) return undefined;
        // Spaces then a colon after the word may close a padded level column (paddedColonEnd), which upperLevelWordAt
        // does not read: the general reader's.
        let after = read.end;
        while (line.charCodeAt(after) === 32) after++;
        if (line.charCodeAt(after) === 58 /* : */) return undefined;
        level = read.level;
        end = read.end;
        continue;
      }
      if (line.charCodeAt(start) !== 91 /* [ */) return undefined;
      if (kinds[i] === 1) {
        // A `[` opens no bare word, so the capitals rule (a lower-case word opening the message) never applies here.
        const read = bracketedLevelAt(line, start);
        if (read === undefined) return undefined;
        level = read.level;
        end = read.end;
      } else {
        const close = bracketEnd(line, start);
        if (close < 0 || holdsArrow(line, start + 1, close - 1)) return undefined;
        end = line.charCodeAt(close) === 58 ? close + 1 : close;
      }
    }
    // After a `name:`, whose colon closed the header, a dash is the message's; after any other column, a lone dash, arrow
    // or colon is no part of it (applyHeader).
    const start = named ? skipSeparators(line, end) : pastLoneSeparators(line, skipSeparators(line, end));
    if (reads) reads.lines++;
    return component === undefined ? { message: line.slice(start), timestamp: time.epoch, level } : { message: line.slice(start), timestamp: time.epoch, level, component };
  };
}
