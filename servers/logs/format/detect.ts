// Detects a file's line layout from a sample and returns a parser for its lines.
import { isAsciiLetter, isDigitCode } from './chars';
import { consoleMessage, isOtlpLogsBatch, jsonTime, parseJsonRecord, readJsonRecord, unwrapPrefix, type JsonEntry, type JsonKind, type PrefixKind } from './envelopes';
import { compileHeaderReader } from './compiled-header';
import { continuationShaped, isProgramTag, learnHeader, monthWordDateEnd, ownLeveledHeader, parseWithHeader, upperCaseLevel, type HeaderField, type LearnedHeader } from './header';
import { withLeadColumns } from './lead-columns';
import { withColonLevels } from './colon-levels';
import { withForeignLines } from './foreign-lines';
import { withAlignedPrefixes } from './aligned-prefixes';
import { withLevelMarks } from './level-marks';
import { withSourceColumns } from './source-columns';
import { withKnownComponents } from './known-components';
import { withElapsedTrailer } from './trailers';
import { W3cBlocks, w3cFormat, withW3cTimes } from './w3c';
import { csvColumns, withCsvColumns } from './csv-columns';
import { isEntryPart } from './continuation';
import { crashReport, showsUncaught } from './crash-reports';
import { withNextLineLevels } from './next-line-levels';
import { withGluedColumns } from './glued-columns';
import { withLevelTags } from './level-tags';
import { withBracketRecords } from './bracket-records';
import { withLogrRecords } from './logr-records';
import type { LevelForm } from './level-forms';
import { withPaddedFields } from './padded-fields';
import { withPipeColumns } from './pipe-columns';
import { logfmtMessage } from './logfmt-message';
import { levelScale, normalizeLevel, numericLevelOn, type LevelScale } from './levels';
import { MAX_SAMPLE_LINE_CHARS } from '../io/head';
import { clockDayEpoch, type FileIndex } from './clock-days';
import { clockEpoch, shortDateOrder, undecidedShortDate, undecidedYearLastDate, yearLastOrder, type TimestampContext } from './timestamps';
import type { Level, LineParser, LogFormat, ParsedLine } from './types';

export interface LineParserOptions {
  /** Epoch ms of the file's modification time (or now): year-less timestamps are placed at or before it. */
  referenceTime?: number;
  /**
   * How a line is read by the learned header: `compiled` (the default) reads a line of a layout that has a compiled
   * reader (format/compiled-header.ts) by it, every other line by the general reader (header.ts parseWithHeader);
   * `general` reads every line by the general reader. The shadow-compare harness (scripts/shadow-header.ts) runs both.
   */
  headerReader?: 'compiled' | 'general';
  /** Counts the lines the compiled reader read itself (not handed to the general one): for the shadow-compare harness. */
  compiledReads?: { lines: number };
}

const SAMPLE_LIMIT = 500;
/** Share of sample lines that must fit a structured format (JSON, logfmt) for it to be chosen. */
const STRUCTURED_SHARE = 0.6;

function timeFrom(value: unknown, context: TimestampContext): number | undefined {
  return jsonTime(value, context);
}

// A key starts where a run of key characters starts: tried from inside a run, it would scan to the run's end again at
// every character (a long word with no `=` took seconds per line); the first match is the same either way.
// A quoted value ends at a quote that ends its token (white space or the line's end after it): a program that writes
// its message unescaped (`msg="loading plugin "io.containerd.content.v1.content"..." type=…`) leaves quotes inside it
// with text glued after them, and logfmt never glues a pair to a closing quote. A value no such quote closes is read
// to its first quote, as before.
const LOGFMT_PAIR = /(?<![\w.@-])([\w.@-]+)=("(?:[^"\\]|\\.|"(?=\S))*"(?=\s|$)|"(?:[^"\\]|\\.)*"|\S*)/g;
const LOGFMT_KEYS = /(?:^|\s)(?:level|lvl|severity|msg|message|time|ts|t)=/;

export function parseLogfmt(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  LOGFMT_PAIR.lastIndex = 0;
  for (let m = LOGFMT_PAIR.exec(line); m; m = LOGFMT_PAIR.exec(line)) {
    let value = m[2];
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!pairs.has(m[1])) pairs.set(m[1], value);
  }
  return pairs;
}

/**
 * Whether the text at `start` opens as a date or time does: four digits (a year, an epoch) or two and a `:`, `-`, `/` or
 * `.` (a time of day, a year-less date). A queue id or a count behind a program's tag (`4F3A21234: from=…`, `2 more`)
 * does not, and is not read again as a line (read by characters: every wrapped line is asked).
 */
function opensLikeTime(text: string, start: number): boolean {
  if (!isDigitCode(text.charCodeAt(start)) || !isDigitCode(text.charCodeAt(start + 1))) return false;
  const third = text.charCodeAt(start + 2);
  if (third === 58 || third === 45 || third === 47 || third === 46) return true;
  return isDigitCode(third) && isDigitCode(text.charCodeAt(start + 3));
}

/**
 * Whether `text` opens with a date whose year is written in full after its day and month (`09/17/2015 03:41:36 AM`,
 * `02/06/2026 06:03:51`, `18.09.2022 12:48`): the program's own dated line behind a wrapper's tag, as an ISO date
 * (`2024-…`) is. A year-less date or a time of day behind a tag is as often a value the message opens with.
 */
function opensWithDayMonthYear(text: string): boolean {
  const separator = text.charCodeAt(2);
  if (separator !== 47 /* / */ && separator !== 46 /* . */ && separator !== 45 /* - */) return false;
  if (text.charCodeAt(5) !== separator) return false;
  for (const at of [0, 1, 3, 4, 6, 7, 8, 9]) if (!isDigitCode(text.charCodeAt(at))) return false;
  return !isDigitCode(text.charCodeAt(10));
}

/** Most two clocks that print one moment differ by: the span of the world's time zones (UTC-12 to UTC+14). */
const MAX_CLOCK_SKEW_MS = 26 * 3600_000;
const YEAR_MS = 365 * 86400_000;

/**
 * Whether a date the message opens with (`inner`, epoch ms) is the moment the wrapper's tag dates the line (`outer`)
 * to within MAX_CLOCK_SKEW_MS, the year left aside (a journal's date has none and is placed in a year by guess:
 * i3's `Sep 17 03:41:36 … 09/17/2015 03:41:36 AM`). A program's own header behind the tag dates the moment the tag
 * does; a date days away is a value the message opens with (`12/31/2026 23:59:59 is when the certificate expires`),
 * and taking it would date the line wrongly. True when either is missing.
 */
function sameMoment(inner: number | undefined, outer: number | undefined): boolean {
  if (inner === undefined || outer === undefined || !Number.isFinite(inner) || !Number.isFinite(outer)) return true;
  const date = new Date(inner);
  const moved = Date.UTC(new Date(outer).getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  const apart = Math.abs(moved - outer) % YEAR_MS;
  return Math.min(apart, YEAR_MS - apart) <= MAX_CLOCK_SKEW_MS;
}

/**
 * Whether `text` at `start` opens with a level written as one capital letter and a colon (`E: [pulseaudio] module.c:
 * …`, PulseAudio's and other C daemons' `%c: ` level column): the program's own line behind a wrapper's tag, read
 * again only to find that level (a message that opens so without being the file's level column finds none).
 */
function opensLikeLevelLetter(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c >= 65 && c <= 90 && text.charCodeAt(start + 1) === 58 && text.charCodeAt(start + 2) === 32;
}

/** Python logging's default layout opening a text (`WARNING:root:…`, LOGGER_HEADER) at `start`. */
const PYTHON_HEADER_AT = /[A-Z]{4,8}:[A-Za-z_][\w.-]{0,127}:/y;

function opensLikePythonHeader(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return false;
  PYTHON_HEADER_AT.lastIndex = start;
  return PYTHON_HEADER_AT.test(text);
}

/**
 * Whether `text` at `start` opens with glog's level letter glued to its month and day (`I1126 06:45:05.123 57067
 * master.go:125] …`): a Go program's klog/glog line, which a journal or supervisor wraps with its own header
 * (kubelet, SeaweedFS behind systemd).
 */
function opensLikeGlog(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c !== 73 /* I */ && c !== 87 /* W */ && c !== 69 /* E */ && c !== 70 /* F */) return false;
  for (let i = 1; i <= 4; i++) if (!isDigitCode(text.charCodeAt(start + i))) return false;
  return text.charCodeAt(start + 5) === 32;
}

/** Keys a logfmt record opens with (logrus `time=`, zap `ts=`, log15 `t=`, slog `level=`/`msg=`, structlog `event=`). */
const LOGFMT_OPENING_KEYS = new Set(['time', 'ts', 't', 'level', 'lvl', 'msg', 'timestamp', 'event']);

/**
 * The first characters of LOGFMT_OPENING_KEYS, as a table by character code (1: an initial): any other rules a record
 * out before its first word is read. A table read, where a Set's lookup cost more than the rest of the test on every
 * wrapped line's message.
 */
const LOGFMT_KEY_INITIALS = new Uint8Array(128);
for (const key of LOGFMT_OPENING_KEYS) LOGFMT_KEY_INITIALS[key.charCodeAt(0)] = 1;

/** Whether the text at `start` opens with one of LOGFMT_OPENING_KEYS and `=` (read by characters: every line is asked). */
function mayBeLogfmtRecord(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  // `!(first < 128)` also holds for NaN (the text's end): the table is only read inside its bounds.
  if (!(first < 128) || LOGFMT_KEY_INITIALS[first] !== 1) return false;
  let end = start;
  while (end - start <= 9 && isAsciiLetter(text.charCodeAt(end))) end++;
  return end > start && text.charCodeAt(end) === 61 /* = */ && LOGFMT_OPENING_KEYS.has(text.slice(start, end));
}

/**
 * A logfmt record's pairs read as a line (its msg, level, time and logger; `text` the message when it has no msg), or
 * undefined when it has none of a message, a level or a time key.
 */
function logfmtLine(pairs: Map<string, string>, text: string, context: TimestampContext, scale: LevelScale): ParsedLine | undefined {
  const message = logfmtMessage(pairs, text);
  const level = pick(pairs, LOGFMT_LEVEL_KEYS);
  const time = pick(pairs, ['time', 'ts', 't', 'timestamp']);
  if (message === undefined && level === undefined && time === undefined) return undefined;
  const component = pick(pairs, ['logger', 'component', 'module', 'caller']);
  const parsed: ParsedLine = {
    message: message ?? text,
    level: level === undefined ? undefined : isDigits(level) ? numericLevelOn(Number(level), scale) : normalizeLevel(level),
    timestamp: time === undefined ? undefined : timeFrom(/^\d+(\.\d+)?$/.test(time) ? Number(time) : time, context),
  };
  if (component !== undefined) parsed.component = component;
  return parsed;
}

/** The keys a logfmt record's level is read from, the first present. */
const LOGFMT_LEVEL_KEYS = ['level', 'lvl', 'severity'];

function isDigits(value: string): boolean {
  return /^\d{1,3}$/.test(value);
}

/**
 * The scale the numeric levels of a logfmt file's records (`level=3`) count on (levels.ts levelScale), from its sample's
 * records: a number is read on it as a JSON record's is, so `level=2` is not syslog's critical in a file counting up.
 */
function logfmtLevelScale(lines: string[]): LevelScale {
  const numbers: number[] = [];
  for (const line of lines) {
    const level = pick(parseLogfmt(line), LOGFMT_LEVEL_KEYS);
    if (level !== undefined && isDigits(level)) numbers.push(Number(level));
  }
  return levelScale(numbers);
}

function pick(pairs: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = pairs.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

function looksLikeLogfmt(line: string): boolean {
  if (!LOGFMT_KEYS.test(line)) return false;
  return parseLogfmt(line).size >= 2;
}

/**
 * The parser of a logfmt file. A line without a message or level key (another form of the program's output between
 * the records: zap's console lines, a wrapper's own) is read by `other`, the header learned from such lines of the sample.
 */
function logfmtParser(context: TimestampContext, other: TextParse, scale: LevelScale): LineParser {
  return {
    format: { id: 'logfmt', description: 'logfmt (key=value pairs)' },
    parse(line) {
      if (line.indexOf('=') < 0) return other(line);
      return logfmtLine(parseLogfmt(line), line, context, scale) ?? other(line);
    },
  };
}

/** How a header field is named in a format's description. */
function fieldName(f: HeaderField, clockReference: number | undefined): string {
  if (f.kind === 'timestamp') return `timestamp (${f.pattern?.id})`;
  if (f.kind === 'uptime') return 'uptime [seconds since start: no wall-clock time, so time filters leave these lines out]';
  if (f.kind === 'clock' && f.monthWord === false) return 'date with a month name in another language';
  if (f.kind === 'clock' && f.monthWord) return 'date with a month name not read [no timestamp: time filters leave these lines out]';
  if (f.kind === 'clock' && clockReference !== undefined) return `time of day [no date written: dated ${localDay(clockReference)}, the day of the file's last write (the day before for a later time): a line written earlier than that is misdated]`;
  if (f.kind === 'clock') return 'time of day [no date written: time filters leave these lines out]';
  if (f.kind === 'pid') return '(pid)';
  if (f.kind === 'level' && f.form) return `level (${LEVEL_FORM_NAMES[f.form]})`;
  if (f.kind === 'level' && f.bracketed) return '[level]';
  if (f.kind === 'bracket' && f.leveled) return f.timed ? '[timestamp: level]' : '[thread/level]';
  return f.kind;
}

const LEVEL_FORM_NAMES: Record<LevelForm, string> = {
  'glued-bracket': 'LEVL[seconds or time]',
  'thread-level': 'LEVEL[thread]',
  'paren-mark': '(EE)/(WW)/(II) marks',
  facility: 'facility:level',
  'raw-priority': '<syslog priority>',
  'erlang-report': '=LEVEL REPORT==== date ===',
  'object-level': 'module type level:',
  'level-clock': '[level - time of day]',
};

/** `YYYY-MM-DD` of epoch ms `ms` in this process's zone. */
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function describeHeader({ fields, tabbed }: LearnedHeader, clockReference?: number): LogFormat {
  const names = fields.map((f) => fieldName(f, clockReference));
  const ts = fields.find((f) => f.kind === 'timestamp')?.pattern?.id;
  const level = fields.find((f) => f.kind === 'level');
  // A Java logger read after the thread (FieldKind 'logger') is the component of that layout as much as a bare one.
  const hasComponent = fields.some((f) => f.kind === 'component' || f.kind === 'logger');
  let id = 'text';
  if (level?.form === 'glued-bracket') id = 'logrus';
  else if (level?.form === 'paren-mark') id = 'xorg';
  else if (level?.form === 'erlang-report') id = 'erlang';
  else if (fields.some((f) => f.kind === 'uptime') || level?.form === 'facility' || level?.form === 'raw-priority') id = 'dmesg';
  else if (fields.some((f) => f.leveled && f.timed)) id = 'bracket-time-level';
  else if (fields.some((f) => f.leveled)) id = 'bracket-level';
  else if ((ts === 'month-day-compact' || ts === 'yymmdd-time') && level) id = 'glog';
  else if (ts === 'month-day' && level && fields.filter((f) => f.kind === 'number').length >= 1) id = 'android';
  else if (ts === 'ctime' && level?.bracketed) id = 'apache-error';
  else if (ts === 'syslog' && !level) id = 'syslog';
  else if (level?.bracketed) id = 'bracket-level';
  else if (level && hasComponent) id = 'java';
  else if (level) id = 'leveled';
  else if (ts) id = 'timestamped';
  return { id, description: `header${tabbed ? ' (tab-separated)' : ''}: ${names.join(', ')}; then the message` };
}

/** Headers learned from single lines kept at most (ownHeaderParse); past this the map starts again. */
const MAX_OWN_HEADERS = 64;

/**
 * Reads each line by a header learned from that line alone, kept per shape (its first two tokens, digits masked): a
 * header is learned once for the lines of one layout (learning one costs about 100 us, a line's read a few), and the
 * same shape reads the same way whichever line came first.
 */
function ownHeaderParse(context: TimestampContext): TextParse {
  const headers = new Map<string, ReturnType<typeof learnHeader>>();
  return (line) => {
    const shape = /^\S*\s+\S*/.exec(line)?.[0].replace(/\d/g, '0') ?? '';
    let header = headers.get(shape);
    if (header === undefined) {
      if (headers.size >= MAX_OWN_HEADERS) headers.clear();
      header = learnHeader([line], context);
      headers.set(shape, header);
    }
    return parseWithHeader(header, line, context);
  };
}

/** How a line's text (the inner line, for an envelope or prefix) is parsed: by the learned header, logfmt, or spellings. */
type TextParse = (line: string) => ParsedLine;

/**
 * The text parser of a sample: how a line is read, the format's description, and whether the learned header reads a
 * time of day without a date (`clockDated`: such times are dated by context.clockReference when set).
 */
/**
 * `reader`: LineParserOptions.headerReader (the record parser, which the shadow-compare harness does not run, reads
 * by the general reader); `reads`: LineParserOptions.compiledReads.
 */
function textParserFor(sample: string[], context: TimestampContext, reader: 'compiled' | 'general' = 'general', reads?: { lines: number }): { parse: TextParse; format: LogFormat; clockDated?: boolean } {
  const logfmtLines = sample.filter(looksLikeLogfmt);
  if (sample.length > 0 && logfmtLines.length / sample.length >= STRUCTURED_SHARE) {
    const others = sample.filter((line) => !looksLikeLogfmt(line));
    const otherHeader = learnHeader(others, context);
    // With no other line in the sample to learn from (a program that changed its layout past the sample: Traefik's v2
    // `level=info` records, then its v3 `<time> INF …` lines), each such line is read by a header of its own.
    const other: TextParse = otherHeader.fields.length > 0 ? (line) => parseWithHeader(otherHeader, line, context) : ownHeaderParse(context);
    const logfmt = logfmtParser(context, other, logfmtLevelScale(logfmtLines));
    return { parse: (line) => logfmt.parse(line), format: logfmt.format };
  }
  const header = learnHeader(sample, context);
  if (header.fields.length > 0) {
    const clockDated = header.fields.some((f) => f.kind === 'clock' && f.monthWord === undefined);
    const compiled = reader === 'compiled' ? compileHeaderReader(header, context, reads) : undefined;
    const parse: TextParse = compiled ? (line) => compiled(line) ?? parseWithHeader(header, line, context) : (line) => parseWithHeader(header, line, context);
    return { parse, format: describeHeader(header, context.clockReference), clockDated };
  }
  return {
    // Even without a learned header, a line that brings its own (files that mix layouts) or spells its level is read.
    parse: (line) => parseWithHeader(header, line, context),
    format: { id: 'unknown', description: 'unrecognised layout: each line is the message' },
  };
}


/** The sample as detection reads it: BOM and CR gone, blank and overlong lines left out. */
/**
 * A line without the NUL bytes it starts with. A log truncated in place (logrotate's copytruncate) under a writer
 * that does not append keeps writing at its old offset: the file starts with a run of NULs and the next entry is
 * glued to its end, on one "line" whose header was then unread (an ERROR there was not counted, with no word).
 */
export const withoutLeadingNuls = (line: string): string => (line.charCodeAt(0) === 0 ? line.replace(/^\0+/, '') : line);

function cleanSample(lines: string[]): string[] {
  const out: string[] = [];
  for (let line of lines) {
    line = withoutLeadingNuls(line);
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim().length === 0 || line.length > MAX_SAMPLE_LINE_CHARS) continue;
    out.push(line);
    if (out.length >= SAMPLE_LIMIT) break;
  }
  return out;
}

type Layer = PrefixKind | JsonKind | 'text';

/**
 * What wraps each sample line, the inner lines (what the learned header is learned from), and the numbers the records'
 * level fields hold without a level word beside them (what the file's numeric scale is decided from).
 */
function peel(sample: string[], context: TimestampContext, jsonOffset: boolean): { layers: Layer[]; inner: string[]; levelNumbers: number[]; dotnet: boolean } {
  const layers: Layer[] = [];
  const inner: string[] = [];
  const levelNumbers: number[] = [];
  let dotnetRecords = 0;
  for (const line of sample) {
    const record = parseJsonRecord(line, jsonOffset);
    if (record) {
      const entry = readJsonRecord(record, context);
      layers.push(entry.kind);
      if (entry.levelNumber !== undefined) levelNumbers.push(entry.levelNumber);
      if (entry.dotnetFields) dotnetRecords++;
      if (entry.textIsLine && entry.text !== undefined) inner.push(...entry.text.split('\n').filter((l) => l.trim().length > 0 && l.length <= MAX_SAMPLE_LINE_CHARS));
      continue;
    }
    const prefix = unwrapPrefix(line, context);
    layers.push(prefix ? prefix.kind : 'text');
    inner.push(prefix ? prefix.inner : line);
  }
  // Most records with a number for a level carry .NET's fields beside it (levels.ts levelScale).
  return { layers, inner, levelNumbers, dotnet: dotnetRecords * 2 > levelNumbers.length };
}

const LAYER_NAMES: Record<Exclude<Layer, 'text'>, string> = {
  cri: 'CRI (Kubernetes/containerd) prefix',
  'stream-csv': "a container's output exported as CSV (time,stream,line)",
  'syslog-5424': 'syslog RFC 5424',
  'syslog-3164': 'syslog RFC 3164 with PRI',
  search: "a search tool's file-name prefix (grep -H, rg)",
  'source-link': "a browser console's source link (DevTools' `Logger.ts:219`)",
  'docker-json': 'Docker json-file records',
  journald: 'journald JSON export',
  gcp: 'Google Cloud Logging JSON',
  json: 'JSON lines',
};

/** The most common layer of the sample, when it covers STRUCTURED_SHARE of it. */
function dominantLayer(layers: Layer[]): Layer {
  const counts = new Map<Layer, number>();
  let json = 0;
  for (const layer of layers) {
    counts.set(layer, (counts.get(layer) ?? 0) + 1);
    if (layer === 'json' || layer === 'docker-json' || layer === 'journald' || layer === 'gcp') json++;
  }
  let best: Layer = 'text';
  let bestCount = 0;
  for (const [layer, count] of counts) if (layer !== 'text' && count > bestCount) [best, bestCount] = [layer, count];
  if (bestCount / layers.length >= STRUCTURED_SHARE) return best;
  // JSON records of different kinds in one file are still a JSON file.
  return json / layers.length >= STRUCTURED_SHARE ? 'json' : 'text';
}

function formatFor(layer: Layer, text: LogFormat): LogFormat {
  if (layer === 'text') return text;
  const inner = text.id === 'unknown' ? 'each inner line read on its own' : `inner lines: ${text.description}`;
  return { id: layer, description: `${LAYER_NAMES[layer]}; ${inner}` };
}

/**
 * Combines what an envelope says with what its inner line says: the inner level first unless the envelope is the app's
 * own; the envelope's time first (written by the runtime, with its zone) unless it is coarse (RFC 3164: no year, no
 * fraction).
 */
function mergeInner(inner: ParsedLine, outer: { timestamp?: number; level?: Level; component?: string }, innerLevelFirst: boolean, innerTimeFirst = false): ParsedLine {
  const parsed: ParsedLine = { message: inner.message };
  const level = innerLevelFirst ? (inner.level ?? outer.level) : (outer.level ?? inner.level);
  if (level !== undefined) parsed.level = level;
  const timestamp = innerTimeFirst ? (inner.timestamp ?? outer.timestamp) : (outer.timestamp ?? inner.timestamp);
  if (timestamp !== undefined) parsed.timestamp = timestamp;
  const component = inner.component ?? outer.component;
  if (component !== undefined) parsed.component = component;
  return parsed;
}

/**
 * Marks a runtime-wrapped line whose inner text (`text`, its first line) has no header of its own: the runtime's time
 * does not make it an entry (`continues`). Unless that text is shaped as a continuation (a stack frame, a report's or a
 * crash's line, an entry's part) it is `plain`: a runtime writes each line as a record of its own, and only the lines
 * of an entry a program writes on several lines continue it (`progress 10% 20% 100%` after an ERROR line is no part of
 * it). `stream`: the runtime's name for where it read the line (stdout, stderr). A text with a level and no time of its
 * own is an entry (its level's) whose time is the runtime's (`runtimeTime`): it may still be the message of an empty
 * header above it (continuation.ts underEntry).
 */
function markContinuation(parsed: ParsedLine, inner: ParsedLine, runtime: boolean, text: string, stream?: string): ParsedLine {
  if (stream !== undefined) parsed.stream = stream;
  if (runtime && !inner.continues && inner.timestamp === undefined && inner.level !== undefined && parsed.timestamp !== undefined) parsed.runtimeTime = true;
  if (!runtime || !(inner.continues || (inner.timestamp === undefined && inner.level === undefined))) return parsed;
  parsed.continues = true;
  if (!inner.continues && !continuationLike(text, inner)) parsed.plain = true;
  return parsed;
}

/**
 * True for a record's text that may go on the entry above: the forms the sources' records join it by
 * (tools/source-lines.ts), and an empty line, which a program writes inside its multi-line output (Go's panic before
 * `goroutine 1 [running]:`, Node's report before the error's name) and which starts nothing.
 */
function continuationLike(text: string, inner: ParsedLine): boolean {
  return text.trim().length === 0 || continuationShaped(text) || crashReport(text) !== undefined || showsUncaught(text) || isEntryPart(inner);
}

/** Columns of a shipper's table read before its last bar at most (host, container, stream). */
const MAX_PIPED_COLUMNS = 3;

/** Whether ` | ` occurs in `message` from `start` on. */
function hasSpacedBar(message: string, start: number): boolean {
  for (let bar = message.indexOf('|', start + 1); bar >= 0; bar = message.indexOf('|', bar + 1)) {
    if (message.charCodeAt(bar - 1) === 32 && message.charCodeAt(bar + 1) === 32) return true;
  }
  return false;
}

/**
 * Where the text after a run of one-token columns each closed by ` | ` starts (`pool-pk55 | cert-manager-controller |
 * I0518 …`), from `start`; -1 when the text does not open so. Read by characters up to the first space: a message of
 * prose fails at its first word.
 */
function pipedColumnsEnd(message: string, start: number): number {
  // Every column is closed by ` | `: a message without one (nearly all) has none, ruled out by looking at its `|`s
  // (found by a one-character indexOf, which scans faster than a search for the three characters) rather than by
  // reading its first word.
  if (!hasSpacedBar(message, start)) return -1;
  let at = start;
  let columns = 0;
  while (columns < MAX_PIPED_COLUMNS) {
    let end = at;
    while (end < message.length && end - at <= 64 && message.charCodeAt(end) !== 32 && message.charCodeAt(end) !== 124) end++;
    if (end === at || message.charCodeAt(end) !== 32 || message.charCodeAt(end + 1) !== 124 || message.charCodeAt(end + 2) !== 32) break;
    at = end + 3;
    columns++;
  }
  return columns > 0 && at < message.length ? at : -1;
}

/**
 * Whether the message at `start` opens with the program's tag again, its pid after it (`guacd: guacd[1244]: INFO:…`,
 * `guacd[37488]: guacd[37488]: WARNING: …`): a daemon that writes its own `name[pid]: ` line to stderr, its output
 * captured by a supervisor or the journal under the program's name. The repeated tag is the inner line's header, not
 * the message's first word: the same statement printed to the daemon's own log (`guacd[1244]: INFO: Connection …`)
 * opens with it as its header. `component` is the outer tag as the header read it (`guacd` or `guacd[1244]`).
 */
function repeatsProgramTag(message: string, start: number, component: string): boolean {
  // A message that does not open with the tag's first character does not repeat it: most lines stop here, before the
  // name is cut out of the tag.
  if (message.charCodeAt(start) !== component.charCodeAt(0)) return false;
  const bracket = component.indexOf('[');
  const name = bracket > 0 ? component.slice(0, bracket) : component;
  return name.length > 0 && message.startsWith(name, start) && message.charCodeAt(start + name.length) === 91 /* [ */;
}

/**
 * Where the text after a runtime's stream column (`stdout` or `stderr`, then a comma, a tab or a space; or in capitals
 * closed by a colon, `STDERR: `, as process supervisors write the stream they captured a line from) starts in
 * `message` at `start`; -1 when the message does not open so.
 */
function streamColumnEnd(message: string, start: number): number {
  const first = message.charCodeAt(start);
  if (first === 83 /* S */) {
    if (!(message.startsWith('STDOUT:', start) || message.startsWith('STDERR:', start)) || message.charCodeAt(start + 7) !== 32) return -1;
    return start + 8 < message.length ? start + 8 : -1;
  }
  if (first !== 115 /* s */ || !(message.startsWith('stdout', start) || message.startsWith('stderr', start))) return -1;
  const c = message.charCodeAt(start + 6);
  return (c === 44 || c === 9 || c === 32) && start + 7 < message.length ? start + 7 : -1;
}

/** A source label's length at most (a pod's, a container's or a file's name). */
const MAX_SOURCE_LABEL = 128;

/**
 * Where the bracket that opens `message` at `start` closes, when it holds one name (no white space, no other bracket)
 * and a space follows it: a tailer's source label (`[pod/dex-5b7f/dex] `); -1 otherwise.
 */
function sourceLabelEnd(message: string, start: number): number {
  for (let at = start + 1; at < message.length && at - start <= MAX_SOURCE_LABEL; at++) {
    const c = message.charCodeAt(at);
    if (c === 93 /* ] */) return at > start + 1 && message.charCodeAt(at + 1) === 32 ? at : -1;
    if (c === 32 || c === 9 || c === 91) return -1;
  }
  return -1;
}

/**
 * The shape of a level and a logger name glued by colons opening a text (Python logging's default `WARNING:root:…`):
 * a cheap test before the header reader reads it (ownLeveledHeader), which knows the level words.
 */
const LOGGER_HEADER = /^[A-Z]{4,8}:[A-Za-z_][\w.-]{0,127}:/;

/** Envelopes inside envelopes (Docker around pino JSON) are unwrapped this deep. */
const MAX_DEPTH = 3;

/**
 * A parser that reads every line on its own terms: a JSON record (its envelope text parsed as a line), a CRI or
 * syslog prefix (its inner line parsed), or plain text (the learned header, else the line's own header or spelled
 * level). `jsonOffset`: JSON may start after a short prefix (only for files detected as JSON).
 */
function layeredParse(text: TextParse, context: TimestampContext, jsonOffset: boolean, scale: LevelScale): { line: TextParse; record: (entry: JsonEntry, stream?: string) => ParsedLine } {
  const parse = (raw: string, depth: number): ParsedLine => {
    let line = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.charCodeAt(line.length - 1) === 13 /* \r */) line = line.slice(0, -1);
    if (depth < MAX_DEPTH) {
      const record = parseJsonRecord(line, jsonOffset && depth === 0);
      if (record) return jsonOffset && depth === 0 ? withRecordPrefix(jsonLine(record, line, depth), line) : jsonLine(record, line, depth);
      const prefix = unwrapPrefix(line, context);
      if (prefix) {
        const inner = parse(prefix.inner, depth + 1);
        return markContinuation(mergeInner(inner, prefix, true, prefix.kind === 'syslog-3164'), inner, prefix.kind === 'cri' || prefix.kind === 'stream-csv', prefix.inner, prefix.stream);
      }
    }
    const parsed = text(line);
    return depth < MAX_DEPTH ? innerRecord(parsed, line, depth) : parsed;
  };
  /**
   * What a header wraps: a JSON or logfmt record (zap, logrus, slog behind a journal or compose prefix), another
   * program's header behind a syslog tag (hclog's `2023-03-27T12:45:46.623Z [ERROR] worker: …` in the journal), or a
   * zap console line's columns: read as a line of its own, its level, time and component first (the program's own,
   * with a year and a zone, where the wrapper's syslog time has neither).
   */
  const innerRecord = (parsed: ParsedLine, line: string, depth: number): ParsedLine => {
    const message = parsed.message;
    let start = 0;
    for (let c = message.charCodeAt(0); c === 32 || c === 9; c = message.charCodeAt(++start));
    const first = message.charCodeAt(start);
    const wrapped = message.length < line.length;
    if (first === 123 /* { */ && wrapped) {
      const record = parseJsonRecord(message);
      if (record) {
        const entry = readJsonRecord(record, context, scale);
        if (entry.text !== undefined) return mergeInner(jsonLine(record, message, depth + 1, entry), parsed, true, true);
      }
      return parsed;
    }
    if (mayBeLogfmtRecord(message, start)) {
      const inner = logfmtLine(parseLogfmt(message), message, context, scale);
      if (inner) return mergeInner(inner, parsed, true, true);
      return parsed;
    }
    // A tool that tails several sources names each line's source in a bracket before it (`[dex-5b7f-42rwx] time=…
    // level=info msg=…`: kubectl logs --prefix, stern, multitail): a bracket alone is no header the file learns, yet a
    // structured record after it is the line's, the bracket its source. The record must open with a record's key
    // (mayBeLogfmtRecord), as a message of prose with a `key=value` in it does not.
    if (first === 91 /* [ */ && !wrapped) {
      const close = sourceLabelEnd(message, start);
      if (close > 0 && mayBeLogfmtRecord(message, close + 2)) {
        const record = message.slice(close + 2);
        const inner = logfmtLine(parseLogfmt(record), record, context, scale);
        if (inner) return mergeInner(inner, { ...parsed, component: message.slice(start + 1, close) }, true, true);
      }
    }
    // The inner line's time may be written with a month's name as the wrapper's own is (`corosync[6415]: May 04 17:52:13
    // debug   [TOTEM ] …`: the program's log-file line, time and level and all, sent to the journal as its message).
    // So may its level, as a letter or as Python logging's default layout (`E: [pulseaudio] module.c: …`, `INFO:root:…`).
    if (wrapped && parsed.component !== undefined && (first === 91 /* [ */ || opensLikeTime(message, start) || opensLikeGlog(message, start) || opensLikeLevelLetter(message, start) || opensLikePythonHeader(message, start) || monthWordDateEnd(message, start) >= 0 || repeatsProgramTag(message, start, parsed.component))) {
      const rest = start === 0 ? message : message.slice(start);
      const inner = parse(rest, depth + 1);
      // A bracketed time opening the text (`homebridge[42]: [15.9.2017, 11:48:36] …`) is the program's own header as an
      // ISO date is, when it dates the moment the tag does.
      if (inner.message !== rest && (inner.level !== undefined || (inner.timestamp !== undefined && (rest.charCodeAt(4) === 45 /* yyyy- */ || first === 91) && sameMoment(inner.timestamp, parsed.timestamp)) || (opensWithDayMonthYear(rest) && sameMoment(inner.timestamp, parsed.timestamp)))) return mergeInner(inner, parsed, true, true);
      // Not in the file's own form, behind a program's tag with its pid: the inner line's own header, when it gives a
      // level (`unbound[61574]: [61574:0] notice: …`). Behind any other component it may be the message's own words.
      const own = isProgramTag(parsed.component) ? ownLeveledHeader(rest, context) : undefined;
      if (own) return mergeInner(own, parsed, true, true);
    }
    // A container runtime's stream column after its time (`2021-08-13 09:33:38,stdout,<the program's line>`, the CSV a
    // container UI exports; `<time> stderr <line>`): the words `stdout`/`stderr` name the stream the runtime captured,
    // and the program's own line follows. Read as a line of its own when that reading finds a level or a time (a message
    // of prose that opens with the word, `stdout buffer full`, finds neither); the runtime's time first, as for CRI.
    const stream = wrapped ? streamColumnEnd(message, start) : -1;
    if (stream > 0) {
      const rest = message.slice(stream);
      const inner = parse(rest, depth + 1);
      if (inner.message !== rest && (inner.level !== undefined || inner.timestamp !== undefined)) return mergeInner(inner, parsed, true, parsed.timestamp === undefined);
    }
    // A log shipper's table (`<time> | <host> | <container> | <the program's line>`, as exports from a log store print
    // it): the columns before the last bar are the shipper's, and the line after it is read as a line of its own when
    // that reading finds its level (the program's own header), as a line behind a program's tag is.
    // Only where the outer header gives no level: a program's own leveled line may hold bars (`INFO request | WARN cache
    // miss | …` is one INFO line, not a table around a WARN one).
    const piped = wrapped && parsed.level === undefined ? pipedColumnsEnd(message, start) : -1;
    if (piped > 0) {
      const rest = message.slice(piped);
      const inner = parse(rest, depth + 1);
      // The shipper's time (a date with a year and a zone) before the program's (klog's has no year).
      if (inner.message !== rest && inner.level !== undefined) return mergeInner(inner, parsed, true, parsed.timestamp === undefined);
    }
    if (wrapped && (message.indexOf('\t') >= 0 || message.charCodeAt(message.length - 1) === 125)) {
      const console = consoleMessage(message, line.charCodeAt(line.length - message.length - 1) === 9);
      if (console.message !== message) {
        parsed.message = console.message;
        if (console.component !== undefined) parsed.component = console.component;
      }
    }
    return parsed;
  };
  /**
   * A JSON record after a short prefix (`[INFO] {"msg":"WARNING:root:disk low"}`, `2026-12-02T10:00:00Z ERROR {…}`: a
   * wrapper that tags each line a program writes): the prefix's own header, when it gives a level (ownLeveledHeader),
   * is the wrapper's word on the line, used where the record gives none (mergeInner's order: the program's own level,
   * the record's or its message's `LEVEL:logger:`, wins, as a supervisor tags every stdout line INFO and every stderr
   * line ERROR whatever the program said). Read without it, a record whose message had no level took the level of the
   * entry above (`[INFO] {"msg":"plain message"}` under a WARNING one read as WARN).
   */
  const withRecordPrefix = (parsed: ParsedLine, line: string): ParsedLine => {
    let start = 0;
    while (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9) start++;
    if (line.charCodeAt(start) === 123 /* { */) return parsed;
    const prefix = line.slice(0, line.indexOf('{')).trimEnd();
    const outer = prefix.length > 0 && (parsed.level === undefined || parsed.timestamp === undefined) ? ownLeveledHeader(prefix, context) : undefined;
    if (!outer) return parsed;
    const read: ParsedLine = { ...parsed };
    read.timestamp ??= outer.timestamp;
    if (read.timestamp === undefined) delete read.timestamp;
    if (read.level === undefined) {
      // A level of the wrapper's makes the record an entry of its own: no part of the entry above.
      read.level = outer.level;
      delete read.continues;
      delete read.plain;
    }
    return read;
  };
  // `read`: the record's reading, when the caller already has it (readJsonRecord of the same record gives the same).
  const jsonLine = (record: Record<string, unknown>, line: string, depth: number, read?: JsonEntry): ParsedLine => {
    const entry = read ?? readJsonRecord(record, context, scale);
    if (entry.text === undefined) {
      const parsed = mergeInner({ message: line }, entry, false);
      // An OTLP export batch has neither time nor level of its own, and was taken for the continuation of the line
      // above: a file of them answered "no ERROR or FATAL lines" without a word about its levels.
      if (isOtlpLogsBatch(record)) parsed.standalone = true;
      return parsed;
    }
    if (!entry.textIsLine) {
      // A message that opens with another logger's header, level and logger name (`{"level":"info","msg":"WARNING:root:
      // disk low"}`: a supervisor or shipper wrapping a Python program's stderr line in its own record at its own level)
      // is that program's line: its level is the program's own and wins, its header leaves the message, as for an
      // envelope's text (a prefix around the record reads alike: withRecordPrefix).
      const program = LOGGER_HEADER.test(entry.text) ? ownLeveledHeader(entry.text, context) : undefined;
      if (program?.component !== undefined && entry.text.startsWith(`:${program.component}:`, entry.text.indexOf(':'))) return mergeInner(program, entry, true);
      return mergeInner({ message: entry.text }, entry, false);
    }
    // A multi-line text (a stack trace in one record) is read by its first line.
    const newline = entry.text.indexOf('\n');
    const inner = parse(newline < 0 ? entry.text : entry.text.slice(0, newline), depth + 1);
    if (newline >= 0) inner.message += entry.text.slice(newline);
    // A transport's level (journald PRIORITY) gives way to the inner line's own only when that is written as a level
    // is (`WARN`, `[ERROR]`), not to a word of its prose (`error budget report: …`).
    const innerFirst = entry.level === undefined || (entry.levelIsTransport && upperCaseLevel(entry.text) !== undefined);
    // A runtime that captures a program's output line by line (Docker's json-file, journald's stream from a unit's
    // stdout/stderr) writes each line as a record with its own time: without a level of the record's own, a line
    // without a header is part of the entry above (a traceback's lines, each a journal entry of its own, break21).
    const stream = entry.kind === 'docker-json' && typeof record.stream === 'string' ? record.stream : undefined;
    return markContinuation(mergeInner(inner, entry, innerFirst), inner, (entry.kind === 'docker-json' || entry.kind === 'journald') && entry.level === undefined, newline < 0 ? entry.text : entry.text.slice(0, newline), stream);
  };
  return {
    line: (line) => parse(line, 0),
    // A runtime's record given as its reading (createRecordParser): what jsonLine makes of the record's JSON line.
    record: (entry, stream) => jsonLine(stream !== undefined ? { stream } : {}, entry.text ?? '', 0, entry),
  };
}

/** A terminal control sequence (CSI: ESC `[`, parameters, a final letter), such as the color codes `\x1b[31m` and `\x1b[0m`. */
const ESCAPE_CODE = /\x1b\[[0-?]*[ -/]*[@-~]/g;

function hasEscapeCodes(line: string): boolean {
  return line.includes('\x1b[');
}

/** `line` without its terminal control sequences (the line itself when it has none). */
export function stripEscapeCodes(line: string): string {
  return hasEscapeCodes(line) ? line.replace(ESCAPE_CODE, '') : line;
}

/**
 * rsyslog's escapes of control characters (`$EscapeControlCharactersOnReceive`, on by default): `#` and the
 * character's three octal digits. A tab after a program's level (`guacd[1244]: INFO:#011Connection ID is …`) and the
 * ESC of a terminal color (`#033[32m`) are the ones that reach logs in practice; a line is read as the program wrote
 * it, so that the statement meets its copy written to a file or a terminal unescaped. Other codes (`#012`, a newline
 * inside a record) are left as written: decoding them would split one record into lines.
 */
const SYSLOG_ESCAPE = /#0(?:11|33)/g;
const SYSLOG_ESCAPED: Record<string, string> = { '#011': '\t', '#033': '\x1b' };

/**
 * A tab's escape glued to the text before it and not followed by more lower-case hex digits (`INFO:#011Connection`), or
 * an ESC's before a color's `[`. `order #011 shipped` (a number after a space) and `color:#011f4b` (a CSS color) are
 * text: decoding them put a tab where the program wrote none (break18).
 */
const ESCAPED_TAB = /[^\s]#011(?![0-9a-f])/;

function hasSyslogEscapes(line: string): boolean {
  return line.includes('#033[') || (line.includes('#011') && ESCAPED_TAB.test(line));
}

/** `line` with rsyslog's escapes of a tab and of ESC decoded (the line itself when it has none). */
export function decodeSyslogEscapes(line: string): string {
  return line.indexOf('#0') < 0 ? line : line.replace(SYSLOG_ESCAPE, (code) => SYSLOG_ESCAPED[code]);
}

/**
 * Whether a line is a JSON record, at its start or after a short prefix. After a prefix, the object must say what a log
 * record says (a message, a level or a time): zap's console encoder ends a text line with its fields as an object
 * (`2024-06-01T12:30:45.123Z\tERROR\tmain.go:42\tfailed\t{"error": "boom"}`), and that line is text.
 */
function isJsonRecordLine(line: string, context: TimestampContext): boolean {
  const record = parseJsonRecord(line, true);
  if (!record) return false;
  if (/^[ \t]*\{/.test(line)) return true;
  const entry = readJsonRecord(record, context);
  return entry.text !== undefined || entry.level !== undefined || entry.levelNumber !== undefined || entry.timestamp !== undefined;
}

/** Detects the layout of a file from some of its lines (the first few hundred are enough) and returns a parser for all of them. */
/**
 * A header's optional word column can take the start of a line that has no header at all: Ruby's uncaught report
 * (`/app/lib/a.rb:42:in 'run': boom (NoMethodError)`) under `I, [time #pid]  INFO -- :` lines lost its path as the word,
 * and what was left no longer read as a report (withCrashReports). A line that the header gave neither a time nor a
 * level, and whose whole text opens a report, is that report: its whole text is its message. Applied to the text a
 * file holds and to the text inside an envelope (a journal entry's MESSAGE, a Docker line's log) alike.
 */
function keepingReports(parse: (line: string) => ParsedLine): (line: string) => ParsedLine {
  return (line) => {
    const parsed = parse(line);
    if (parsed.timestamp !== undefined || parsed.level !== undefined || parsed.message.length >= line.length) return parsed;
    if (crashReport(parsed.message) !== undefined || crashReport(line) === undefined) return parsed;
    const { component: _headerWord, ...rest } = parsed;
    return { ...rest, message: line };
  };
}

/**
 * Reads the failures a line without a level of its own reports (format/crash-reports.ts): a runtime's word on an
 * uncaught one becomes the line's level; an exception's report is marked (`report`) for the entry rule to weigh. Lines
 * with a level, and timed lines that start an entry, are as parsed.
 */
function withCrashReports(parse: (line: string) => ParsedLine): (line: string) => ParsedLine {
  return (line) => {
    const parsed = parse(line);
    if (parsed.level !== undefined || parsed.standalone || (parsed.timestamp !== undefined && !parsed.continues)) return parsed;
    const crash = crashReport(parsed.message);
    if (crash === undefined) return showsUncaught(parsed.message) ? { ...parsed, report: 'ERROR' } : parsed;
    if (crash.uncaught) return { ...parsed, level: crash.level, continues: undefined };
    return crash.logged ? { ...parsed, report: crash.level, logged: true } : { ...parsed, report: crash.level };
  };
}

/**
 * A time of day opening a line, bare or bracketed (`10:00:00.123 worker`, `[22:47:41] [main/INFO]`, `1:05:01 PM`, and
 * Arabic's `ص`/`م` marks: SMAPI's `[06:14:43.490 م]`), with its day period, after it or before it (`오후 3:04:05`).
 */
const OPENING_CLOCK = /^\[?((?:(?:오전|오후|午前|午後|上午|下午|AM|PM) ?)?\d{1,2}:\d\d:\d\d(?:[.,]\d{1,9})?(?: ?(?:[AaPp]\.? ?[Mm]\.?|\u0635|\u0645))?)(?=[\]\s:]|$)/;

/**
 * Whether the first line of `sample` that opens with a time of day opens with one in the first minute after midnight
 * (`0:00:00.005846000`, `00:00:01.524521`): the time since the program started, as GStreamer's debug log and VirtualBox's
 * VBox.log write it, not a time of day, and no date makes it one. A log of times of day that starts in the first minute
 * of a day (rotated at midnight) is left undated with it, as before: no time rather than a wrong one.
 */
function clockFromZero(sample: readonly string[]): boolean {
  for (const line of sample) {
    const clock = OPENING_CLOCK.exec(line);
    if (clock !== null) return /^0?0:00:/.test(clock[1]);
  }
  return false;
}

/** How far a time of day, dated by the file's last write, may run back from the line before (threads' writes out of order, a clock set back an hour). */
const CLOCK_RUN_BACK_MS = 2 * 3600_000;

/**
 * Whether the times of day opening `sample`'s lines, dated by `clockReference` (timestamps.ts clockEpoch), run back by
 * more than CLOCK_RUN_BACK_MS from one line to a later one: the file spans more than the day before its last write (a
 * service's log of several days, never rotated; a file copied or touched later), so that dating puts an earlier day's
 * lines on a later day: a two-day-old ERROR in the last hour. A file within that day runs forward (20:00 on the day
 * before, past midnight, to 10:00 on the day).
 */
function clockRunsBack(sample: readonly string[], clockReference: number): boolean {
  let before: number | undefined;
  for (const line of sample) {
    const clock = OPENING_CLOCK.exec(line);
    const epoch = clock === null ? undefined : clockEpoch(clock[1], { clockReference });
    if (epoch === undefined) continue;
    if (before !== undefined && epoch < before - CLOCK_RUN_BACK_MS) return true;
    before = epoch;
  }
  return false;
}

export function createLineParser(sampleLines: string[], options: LineParserOptions = {}): LineParser {
  // Without a reference time, the time the parser is made: read once, not per year-less line.
  const context: TimestampContext = { referenceTime: options.referenceTime ?? Date.now() };
  // Terminal colors written to a file (logrus ForceColors, colored level encoders): read without their escape codes.
  // Decided on the sample, so that files without them pay nothing per line.
  // rsyslog's escapes of a tab and of ESC: decoded before anything else reads the line (colors escaped so are colors).
  // Decided on the sample: a file that shows none pays nothing per line.
  const escaped = sampleLines.some(hasSyslogEscapes);
  const decoded = escaped ? sampleLines.map(decodeSyslogEscapes) : sampleLines;
  const colored = decoded.some(hasEscapeCodes);
  const sample = cleanSample(colored ? decoded.map(stripEscapeCodes) : decoded);
  context.shortOrder = shortDateOrder(sample, context);
  context.yearLastDayFirst = yearLastOrder(sample, context);
  // A file's parser dates its times of day by the file's last write; a parser of loose lines (no file) does not, nor
  // one of a file whose clock starts from zero, nor one of a file whose clocks show it spans more days (no time rather
  // than a wrong one).
  if (options.referenceTime !== undefined && !clockFromZero(sample) && !clockRunsBack(sample, options.referenceTime)) context.clockReference = options.referenceTime;
  const offsetJson = sample.length > 0 && sample.filter((line) => isJsonRecordLine(line, context)).length / sample.length >= STRUCTURED_SHARE;
  const { layers, inner, levelNumbers, dotnet } = peel(sample, context, offsetJson);
  // The scale the records' numeric levels count on (syslog's down, Nextcloud's and .NET's up; Monolog's up, Log4j 2's
  // down), as the sample shows it.
  const scale = levelScale(levelNumbers, dotnet);
  const layer = sample.length === 0 ? 'text' : offsetJson ? dominantLayer(layers.map((l) => (l === 'text' ? 'json' : l))) : dominantLayer(layers);
  const text = textParserFor(inner, context, options.headerReader ?? 'compiled', options.compiledReads);
  // Columns no header reader knows: the fields a console formatter pads after the message, a logr record's pairs around
  // its message, a bracketed record's fields around its quoted message, a level and logger glued to it by colons, and
  // the header columns left at its start (a level word, a `[Context]`, a padded logger), learned from the file's messages,
  // and a component the file's header reads on other lines where a line's header stopped before it (known-components.ts);
  // and a logger's elapsed-time trailer after the message (`… route +2ms`, trailers.ts); java.util.logging's level line
  // under its timed line, its level named in the JVM's language (next-line-levels.ts).
  // A W3C extended log's (IIS) times are read from its date and time columns in UTC, which it writes them in (w3c.ts);
  // a CSV log's level, time and message from its columns (csv-columns.ts).
  // The line being read's number and its file's W3C blocks, set by the parser made below around each read (a W3C
  // file whose `#Fields:` change down it reads each line by its own block's columns: w3c.ts W3cBlocks).
  let blocks: W3cBlocks | undefined;
  let lineAt: number | undefined;
  const blockColumns = (line: string) => blocks?.of(line, lineAt);
  const readInBlock = (line: string, fileBlocks: W3cBlocks, at: number | undefined): ParsedLine => {
    blocks = fileBlocks;
    lineAt = at;
    try {
      return readDecoded(line);
    } finally {
      blocks = undefined;
    }
  };
  const csv = csvColumns(sample, context);
  const parse = withCsvColumns(withW3cTimes(withForeignLines(withCrashReports(withNextLineLevels(withElapsedTrailer(withAlignedPrefixes(withColonLevels(withLeadColumns(withSourceColumns(withLevelMarks(withKnownComponents(withLevelTags(withGluedColumns(withLogrRecords(withBracketRecords(withPaddedFields(withPipeColumns(layeredParse(keepingReports(text.parse), context, offsetJson, scale).line, sample), sample), sample), sample), sample), sample), sample), sample), sample), sample), sample), sample), sample), sample)), sample), sample, blockColumns), csv, context);
  const read = colored ? (line: string) => parse(stripEscapeCodes(line)) : parse;
  const readDecoded = escaped ? (line: string) => read(decodeSyslogEscapes(line)) : read;
  // A time of day opening a line of a file whose header starts so, dated by the file's last write where nothing in the
  // line dated it (timestamps.ts clockEpoch): a date any reader found wins (a harness's clock before a program's own
  // dated header). With the file's days read (format/clock-days.ts), each line is dated by its own day instead.
  const timeOfDay = text.clockDated === true && options.referenceTime !== undefined && !clockFromZero(sample);
  const format = w3cFormat(sample) ?? formatFor(layer, text.format);
  const make = (days: FileIndex | undefined): LineParser => {
    const dates = days === undefined ? text.clockDated === true && context.clockReference !== undefined : days.lastDay !== undefined;
    const fileBlocks = days?.fieldBlocks === undefined ? undefined : new W3cBlocks(days.fieldBlocks);
    const parser: LineParser = {
      format: days === undefined ? format : { id: format.id, description: format.description.replace(CLOCK_FIELD, clockFieldName(days)) },
      parse: (line, at) => {
        const plain = withoutLeadingNuls(line);
        const parsed = fileBlocks === undefined ? readDecoded(plain) : readInBlock(plain, fileBlocks, at);
        if (!dates || parsed.timestamp !== undefined) return parsed;
        const clock = OPENING_CLOCK.exec(plain);
        const epoch = clock === null ? undefined : days === undefined ? clockEpoch(clock[1], context) : clockDayEpoch(clock[1], days, at);
        return epoch === undefined ? parsed : { ...parsed, timestamp: epoch };
      },
    };
    const undecided = (context.yearLastDayFirst === undefined ? undecidedYearLastDate(sample) : undefined) ?? (context.shortOrder === null ? undecidedShortDate(sample) : undefined);
    if (undecided !== undefined) parser.undecidedDate = undecided;
    if (days !== undefined) parser.fileIndex = days;
    else if (text.clockDated === true && context.clockReference !== undefined) parser.clockDay = localDay(context.clockReference);
    if (timeOfDay && days === undefined) {
      parser.clockOf = (line) => OPENING_CLOCK.exec(withoutLeadingNuls(line))?.[1];
      parser.indexedBy = (read) => make(read);
    }
    if (csv?.header !== undefined) parser.headerRow = csv.header;
    if (format.id === 'w3c' && days === undefined) {
      parser.indexesFields = true;
      parser.indexedBy = (read) => make(read);
    }
    return parser;
  };
  return make(undefined);
}

/** The time-of-day field in a format's description (fieldName): replaced once the file's days are read. */
const CLOCK_FIELD = /time of day \[no date written[^\]]*\]/;

/** How the time-of-day field of a file whose days were read (format/clock-days.ts) is named in its format's description. */
function clockFieldName(days: FileIndex): string {
  if (days.lastDay === undefined) return `time of day [no date written, and the file's days are not known (${days.doubt ?? 'no time of day read'}): time filters leave these lines out]`;
  const by = days.by === 'name' ? 'the date in the file\'s name' : "the file's last write";
  const span = days.dayStarts.length === 0 ? `all on ${days.lastDay}` : `${days.dayStarts.length + 1} days, the last ${days.lastDay}`;
  return `time of day [no date written: each line dated by its own day, counted back from its last line's (${by}) by the midnights the clock passes down the file (${span}); a day without a line is not seen]`;
}

/** A line a runtime captured and stored as a record of its own, with what the runtime says beside it. */
export interface RuntimeRecord {
  /** The line (a journal entry's MESSAGE, a Docker line's log). */
  text: string;
  /** Epoch ms the runtime stored the record at (journal __REALTIME_TIMESTAMP, Docker's time). */
  time?: number;
  /** The stream a container runtime read the line from (stdout, stderr). */
  stream?: string;
}

export interface RecordParser {
  format: LogFormat;
  parse(record: RuntimeRecord): ParsedLine;
}

/**
 * A parser for the records of a journal (`journald`) or a container (`docker-json`), detected from the first ones: a
 * record is read as its line in a log of that kind is (journalctl -o json's `{"MESSAGE":…,"__REALTIME_TIMESTAMP":…}`,
 * Docker json-file's `{"log":…,"stream":…,"time":…}`, through createLineParser): the text's own header, level and time,
 * the runtime's time first, a line without a header of its own continuing the entry above. Made for sources, whose
 * records come as fields: writing each as a JSON line and parsing it back cost a fifth of a journal read. So, unlike
 * a file's line, no raw-line reading applies: the record was never a line of that form (a W3C directive, java.util.logging's
 * level line under a line of its own, a bracketed record, an elapsed-time trailer after the JSON). A text over
 * `maxChars` is read by its first `maxChars` characters (search/collector.ts PARSE_CHARS for lines).
 */
export function createRecordParser(kind: 'journald' | 'docker-json', sampleRecords: RuntimeRecord[], options: LineParserOptions & { maxChars?: number } = {}): RecordParser {
  const context: TimestampContext = { referenceTime: options.referenceTime ?? Date.now() };
  const maxChars = options.maxChars ?? Infinity;
  // Docker's json-file keeps the line's newline; the text is the line without it (envelopes.ts jsonEntry).
  const textOf = (record: RuntimeRecord): string => {
    let text = record.text.length > maxChars ? record.text.slice(0, maxChars) : record.text;
    if (kind === 'docker-json' && text.endsWith('\n')) text = text.slice(0, text.endsWith('\r\n') ? -2 : -1);
    return text;
  };
  const texts = sampleRecords.map(textOf);
  const escaped = texts.some(hasSyslogEscapes);
  const decoded = escaped ? texts.map(decodeSyslogEscapes) : texts;
  const colored = decoded.some(hasEscapeCodes);
  const cleaned = colored ? decoded.map(stripEscapeCodes) : decoded;
  // The sample as a file's would be (cleanSample): overlong records left out, a blank one kept (its JSON line is not blank).
  const sample: string[] = [];
  const sampleRecord = new Map<string, RuntimeRecord>();
  for (let i = 0; i < cleaned.length && sample.length < SAMPLE_LIMIT; i++) {
    if (cleaned[i].length > MAX_SAMPLE_LINE_CHARS) continue;
    sample.push(cleaned[i]);
    if (!sampleRecord.has(cleaned[i])) sampleRecord.set(cleaned[i], sampleRecords[i]);
  }
  context.shortOrder = shortDateOrder(sample, context);
  context.yearLastDayFirst = yearLastOrder(sample, context);
  const inner = sample.flatMap((text) => text.split('\n').filter((l) => l.trim().length > 0 && l.length <= MAX_SAMPLE_LINE_CHARS));
  const text = textParserFor(inner, context);
  // The records' levels are the texts' own: a record carries none (journald's PRIORITY is the caller's to weigh), so no numeric scale either.
  const layered = layeredParse(keepingReports(text.parse), context, false, levelScale([]));
  // The record being read; while the parser learns from its sample, the sample's record of each text.
  let current: RuntimeRecord | undefined;
  const base = (line: string): ParsedLine => {
    const record = current ?? sampleRecord.get(line);
    const entry: JsonEntry = { kind, text: line, textIsLine: true, levelIsTransport: kind === 'journald' };
    if (record?.time !== undefined) entry.timestamp = record.time;
    return layered.record(entry, kind === 'docker-json' ? (record?.stream ?? 'stdout') : undefined);
  };
  const parse = withCrashReports(withAlignedPrefixes(withColonLevels(withLeadColumns(withSourceColumns(withLevelMarks(withKnownComponents(withLevelTags(withGluedColumns(withLogrRecords(withPaddedFields(withPipeColumns(base, sample), sample), sample), sample), sample), sample), sample), sample), sample), sample), sample));
  const prepare = (line: string): string => {
    const plain = escaped ? decodeSyslogEscapes(line) : line;
    return colored ? stripEscapeCodes(plain) : plain;
  };
  return {
    format: sample.length === 0 ? text.format : formatFor(kind, text.format),
    parse: (record) => {
      current = record;
      try {
        return parse(prepare(textOf(record)));
      } finally {
        current = undefined;
      }
    },
  };
}
