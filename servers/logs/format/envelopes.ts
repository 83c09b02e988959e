// Envelopes and prefixes a runtime or transport puts around a log line: the CRI prefix of Kubernetes/containerd
// (`<RFC 3339 time> stdout|stderr P|F <line>`), its CSV export's (`<time>,stdout,<line>`), syslog RFC 5424 (`<PRI>1 time host app procid msgid [sd] msg`) and
// RFC 3164 with a PRI (`<PRI>Mmm dd hh:mm:ss host tag: msg`), and JSON records whose text field carries a log line of
// its own (Docker json-file and Fluentd/Fluent Bit `log`, journald JSON export `MESSAGE`, Google Cloud `textPayload`,
// CloudWatch and Fluentd `message` without a level field). Unwrapping gives the inner line (parsed as a log line in
// its own right) and what the envelope itself says about time and severity. A stream name (stdout/stderr) is never
// a level.
import { isDigitCode } from './chars';
import { normalizeLevel, numericLevelOn, type LevelScale } from './levels';
import { epochFromNumber, isoTextEpoch, matchTimestampAt, parseTimestamp, timestampPatternsAt, type TimestampContext } from './timestamps';
import { httpStatusLevel, moreSevere } from './http-status';
import { LEVELS, type Level } from './types';

export type PrefixKind = 'cri' | 'stream-csv' | 'syslog-5424' | 'syslog-3164' | 'search' | 'source-link';

export interface Unwrapped {
  kind: PrefixKind;
  /** The log line inside the prefix. */
  inner: string;
  /** Epoch ms from the prefix, when it has a readable time. */
  timestamp?: number;
  /** Severity from the prefix (a syslog PRI); the inner line's own level, when it has one, wins over it. */
  level?: Level;
  /** CRI `P`: the line was split by the runtime and continues on the next line (which carries no header of its own). */
  partial?: boolean;
  /** CRI's stream, `stdout` or `stderr`. */
  stream?: string;
}

const CRI = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) ([PF]) ?/;
/**
 * A container's output exported as CSV, one record a line (`<RFC 3339 time>,stdout,<line>`: Portainer's log export,
 * `docker logs --timestamps` turned into a table): the time and the stream glued by commas before the program's line,
 * which is read as a line of its own as behind CRI's prefix. The stream name is no word of the program's message.
 */
const STREAM_CSV = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)),(stdout|stderr),/;
// RFC 5424: PRI VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]
// Some senders pad a field with a second space (`…+00:00  fw.example.com kea-dhcp4 …`, OPNsense): read all the same.
const SYSLOG_5424 = /^<(\d{1,3})>1 +(\S+) +\S+ +\S+ +\S+ +\S+ +(-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: (?:\uFEFF)?|$)/;
// RFC 3164: PRI TIMESTAMP SP HOSTNAME SP TAG[pid]: MSG (the tag is optional in practice)
const SYSLOG_3164 = /^<(\d{1,3})>((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d) \S+ (?:[^\s:[]{1,48}(?:\[\d+\])?: )?/;

/** A CRI line's prefix: its stream, whether it is a part (`P`) of a line the runtime split, and where its text starts. */
export interface CriPrefix {
  /** `stdout` or `stderr`. */
  stream: string;
  partial: boolean;
  /** Characters of `line` before the logged text. */
  length: number;
}

/** Whether the first ` std` after a CRI time's seconds is where a CRI prefix's stream would be (a necessary condition). */
function streamFollowsTime(line: string): boolean {
  const stream = line.indexOf(' std', 19);
  return stream >= 20 && stream <= 35;
}

/**
 * Whether a comma and `std` follow the time's seconds where STREAM_CSV's stream would be (a necessary condition): read
 * up to the first comma or space within the time's reach, not through the line (every ISO-timed line passes here).
 */
function csvStreamFollowsTime(line: string): boolean {
  for (let at = 19; at <= 35 && at < line.length; at++) {
    const c = line.charCodeAt(at);
    if (c === 44 /* , */) return line.startsWith('std', at + 1);
    if (c === 32 || c === 9) return false;
  }
  return false;
}

/** The CRI prefix of `line` (`<RFC 3339 time> stdout|stderr P|F `), or undefined; its time is not parsed. */
export function criPrefix(line: string): CriPrefix | undefined {
  const first = line.charCodeAt(0);
  if (first < 48 || first > 57 || line.charCodeAt(10) !== 84 /* T */ || !streamFollowsTime(line)) return undefined;
  const cri = CRI.exec(line);
  return cri ? { stream: cri[2], partial: cri[3] === 'P', length: cri[0].length } : undefined;
}

function priSeverity(pri: string): Level | undefined {
  const value = Number(pri);
  return value <= 191 ? normalizeLevel(value & 7) : undefined;
}

/** A source file's name at most, in a search tool's prefix (SEARCH_PREFIX). */
const MAX_SEARCHED_NAME = 255;
/** A file name's extension: a letter, then up to 9 letters or digits (`log`, `jsonl`, `txt`, `out`, `log4`). */
const EXTENSION = /^[A-Za-z][A-Za-z\d]{0,9}$/;

function isNameCode(c: number): boolean {
  // Letters, digits, `_`, `.`, `/`, `-`, `~`, `+`, `@`: a path as a shell prints it (`node_modules/@scope/lib/…`).
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 47 || c === 45 || c === 126 || c === 43 || c === 64;
}

/**
 * Whether the last part of a path names a file by its extension (`app.log`, `node.2.jsonl`, rotated `app.log.1`), or
 * names a rotated log without one: logrotate's number (`verbose.0`, `syslog.1`) or its `dateext` date (`messages-20170203`).
 */
function namesFile(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (ROTATED_DATE.test(base)) return true;
  const parts = base.split('.');
  if (parts.length < 2 || parts[0] === '') return false;
  const last = parts[parts.length - 1];
  if (/^\d{1,3}$/.test(last)) return parts.length === 2 ? /^[A-Za-z][A-Za-z_-]*$/.test(parts[0]) : EXTENSION.test(parts[parts.length - 2]);
  return EXTENSION.test(last);
}

/** A log's name with logrotate's `dateext` suffix: a name, a dash, the rotation's date `YYYYMMDD` (`messages-20170203`). */
const ROTATED_DATE = /^[A-Za-z][\w.]*-(?:19|20)\d\d[01]\d[0-3]\d$/;

/** The run of a path's characters a line opens with: where it ends, and whether it holds a dot. */
interface LeadingName {
  end: number;
  /** A time (`08:01:02`) or a word before a colon has no dot, and is ruled out as a file's name without a string. */
  dotted: boolean;
}

function leadingName(line: string): LeadingName {
  let end = 0;
  let dotted = false;
  for (let c = line.charCodeAt(0); end < line.length && end <= MAX_SEARCHED_NAME && isNameCode(c); c = line.charCodeAt(++end)) dotted ||= c === 46;
  return { end, dotted };
}

/**
 * Where the line after a search tool's source prefix starts, or -1: `grep -H`, `grep -r` and `rg --no-heading` print each
 * line they found behind the name of the file it is in and a colon glued to it (`app.log:2024-06-01 12:30:45 ERROR …`,
 * `node.2.jsonl:{"lvl":"INF",…}`), with `-n` its line number and a colon too (`app.log:42:…`). Logs pasted so keep the
 * prefix on some lines only (a search's output beside the file's own lines), and the program's header behind it is the
 * line's. The name is a path whose last part has a file's extension; the line after it must open with a time (bare or
 * bracketed) or a JSON record that parses: a program's `name:value` or a source location (`main.go:42: …`, with a space) does not.
 */
function searchPrefixEnd(line: string, name: LeadingName, context: TimestampContext): number {
  const { end: at, dotted } = name;
  // A rotated name without a dot ends in a dash and a date's eight digits (`messages-20170203`).
  if (line.charCodeAt(at) !== 58 /* : */ || !(dotted || (at > 9 && line.charCodeAt(at - 9) === 45)) || !namesFile(line.slice(0, at))) return -1;
  let start = at + 1;
  let digits = start;
  while (digits < line.length && digits - start < 10 && line.charCodeAt(digits) >= 48 && line.charCodeAt(digits) <= 57) digits++;
  if (digits > start && line.charCodeAt(digits) === 58) start = digits + 1;
  if (line.charCodeAt(start) === 123 /* { */) return parseJsonRecord(line.slice(start)) ? start : -1;
  for (const pattern of timestampPatternsAt(line, start)) if (matchTimestampAt(line, start, pattern, context)?.epoch !== undefined) return start;
  return -1;
}

/** Digits of a source link's line or column number at most. */
const MAX_LINK_DIGITS = 7;
/** A time of day, `hh:mm:ss`, no digit glued after it (sticky: read where a source link ends). */
const LINK_CLOCK = /\d{1,2}:[0-5]\d:[0-5]\d(?!\d)/y;

/**
 * Where the line after a browser console's source link starts, or -1: DevTools (Chrome's, Electron's) copies each
 * message it shows with the script and line that logged it first, a space after (`Logger.ts:219 18:40:29: …`,
 * `/app.asar/node_modules/lib/Logger.js:188 14:27:03: …`, `main.js:12:7 2024-06-01 …`). Logs pasted from a console keep
 * the link on some lines only, and the program's header behind it is the line's. The name is a path whose last part has
 * a file's extension, then `:line` (and `:column`) glued, one space; the text after it must open with a time that parses
 * or a JSON record: a message that names a source location (`main.go:42 failed to open …`) does not.
 */
function sourceLinkEnd(line: string, name: LeadingName, context: TimestampContext): number {
  let at = name.end;
  if (!name.dotted || line.charCodeAt(at) !== 58 /* : */ || !namesFile(line.slice(0, at))) return -1;
  for (let numbers = 0; numbers < 2 && line.charCodeAt(at) === 58; numbers++) {
    const start = at + 1;
    let digits = start;
    while (digits - start < MAX_LINK_DIGITS && isDigitCode(line.charCodeAt(digits))) digits++;
    if (digits === start) return -1;
    at = digits;
  }
  if (line.charCodeAt(at) !== 32 || line.charCodeAt(at + 1) === 32) return -1;
  const start = at + 1;
  if (line.charCodeAt(start) === 123 /* { */) return parseJsonRecord(line.slice(start)) ? start : -1;
  // A time of day alone (`14:27:03:`, a console's own stamp) is dated by the file's clock, which a pasted console may
  // not give: its shape is the evidence here, not its epoch.
  LINK_CLOCK.lastIndex = start;
  if (LINK_CLOCK.test(line)) return start;
  for (const pattern of timestampPatternsAt(line, start)) if (matchTimestampAt(line, start, pattern, context)?.epoch !== undefined) return start;
  return -1;
}

/**
 * The prefix at the start of `line` (CRI, syslog RFC 5424, RFC 3164 with PRI, a search tool's file name, a browser
 * console's source link), or undefined.
 */
export function unwrapPrefix(line: string, context: TimestampContext): Unwrapped | undefined {
  const first = line.charCodeAt(0);
  if (first === 60 /* < */) {
    const rfc5424 = SYSLOG_5424.exec(line);
    if (rfc5424) {
      const time = rfc5424[2] === '-' ? undefined : parseTimestamp(rfc5424[2], context);
      return { kind: 'syslog-5424', inner: line.slice(rfc5424[0].length), timestamp: time, level: priSeverity(rfc5424[1]) };
    }
    const rfc3164 = SYSLOG_3164.exec(line);
    if (rfc3164) return { kind: 'syslog-3164', inner: line.slice(rfc3164[0].length), timestamp: parseTimestamp(rfc3164[2].replace(/ +/g, ' '), context), level: priSeverity(rfc3164[1]) };
    return undefined;
  }
  // A CRI time has its `T` at index 10 and is followed by ` stdout`/` stderr` (the time, spaceless, ends at index 20 to
  // 35): other lines that start with a digit (most timestamps, ISO ones too) skip the regex.
  if (first >= 48 && first <= 57 && line.charCodeAt(10) === 84 /* T */ && streamFollowsTime(line)) {
    const cri = CRI.exec(line);
    if (cri) return { kind: 'cri', inner: line.slice(cri[0].length), timestamp: parseTimestamp(cri[1], context), partial: cri[3] === 'P', stream: cri[2] };
  }
  if (first >= 48 && first <= 57 && line.charCodeAt(10) === 84 /* T */ && csvStreamFollowsTime(line)) {
    const csv = STREAM_CSV.exec(line);
    if (csv) return { kind: 'stream-csv', inner: line.slice(csv[0].length), timestamp: parseTimestamp(csv[1], context), stream: csv[2] };
  }
  // A file name opens with a letter, a digit, `.`, `/`, `_` or `~`; most lines that do reach a space before any colon.
  if (isNameCode(first)) {
    const name = leadingName(line);
    const searched = searchPrefixEnd(line, name, context);
    if (searched > 0) return { kind: 'search', inner: line.slice(searched) };
    const linked = sourceLinkEnd(line, name, context);
    if (linked > 0) return { kind: 'source-link', inner: line.slice(linked) };
  }
  return undefined;
}

export type JsonKind = 'docker-json' | 'journald' | 'gcp' | 'json';

/** What a JSON record says on its own: its text and the time and level fields it carries. */
export interface JsonEntry {
  kind: JsonKind;
  /** The record's text (an inner log line for envelopes), or undefined when it has no text field. */
  text?: string;
  /** True when `text` is a log line of its own (envelope field, or a message without a level field beside it). */
  textIsLine: boolean;
  /** The record's own level field: for envelopes (Docker, journald, textPayload) the inner line's level wins over it. */
  level?: Level;
  /** True when the record's level is only a transport's guess (journald PRIORITY, GCP severity beside textPayload). */
  levelIsTransport: boolean;
  /**
   * The record's level field when it is a number with no level word beside it (Monolog's `level_name`): read on the
   * file's scale (`level`, undefined when that cannot tell), and what the file's scale is decided from (levelScale).
   */
  levelNumber?: number;
  /** Set with `levelNumber` when fields only .NET's loggers write stand beside it (DOTNET_FIELDS): .NET's scale. */
  dotnetFields?: true;
  timestamp?: number;
  component?: string;
}

// zap's development encoder in JSON names its keys `T`, `L`, `M`; OpenTelemetry's log records `Timestamp`,
// `SeverityText`, `Body` (`severity_text` / `severityText` in its other exporters). Log4j 2's JsonLayout writes its
// time as `instant` ({epochSecond, nanoOfSecond}, 2.11 on) or `timeMillis` (before). nginx's JSON log_format names
// its time by the variable written (`$time_iso8601`, `$time_local`: CLF's `02/Dec/2026:08:33:37 +0000`).
const TIME_KEYS = ['timestamp', 'time', 'ts', '@timestamp', 'date', 'datetime', 't', '@t', 'eventTime', 'asctime', '__REALTIME_TIMESTAMP', 'receiveTimestamp', 'Timestamp', 'T', 'instant', 'timeMillis', 'time_iso8601', 'time_local'];
// `s` last: MongoDB's structured log (`"s":"E"`). `LogLevel`, `Message`, `Category`: .NET's Microsoft.Extensions.Logging
// JSON console formatter (`{"EventId":0,"LogLevel":"Information","Category":"…","Message":"…","State":{…}}`); `Level`,
// `RenderedMessage`, `MessageTemplate`: Serilog's JsonFormatter (`{"Timestamp":"…","Level":"Warning",…}`).
// OpenTelemetry's `SeverityNumber` (`severityNumber` in OTLP JSON, `severity_number`) last: its `SeverityText` says
// the level in the source's own words when there is one, and the number stands alone only where the text was left out.
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'loglevel', 'log_level', 'levelname', 'log.level', '@l', 'priority', 'PRIORITY', 'levelName', 'jsonPayload.level', 'jsonPayload.severity', 'SeverityText', 'severity_text', 'severityText', 'level_name', 'LogLevel', 'Level', 'L', 's', 'SeverityNumber', 'severityNumber', 'severity_number'];
/**
 * Level keys whose number counts on a scale of their own, whatever the file's other records show: .NET's `LogLevel` enum
 * (Microsoft.Extensions.Logging: 0 Trace, 1 Debug, 2 Information, 3 Warning, 4 Error, 5 Critical, 6 None), which a JSON
 * serializer writes as its number unless told to write names. Read on the file's scale, `2` would be a warning
 * (Nextcloud's) or critical (syslog's) for an information line.
 */
const KEYED_LEVEL_SCALES: ReadonlyMap<string, readonly (Level | undefined)[]> = new Map([
  ['LogLevel', ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']],
  // OpenTelemetry's SeverityNumber (Logs Data Model): 0 unspecified, then four steps a level, 1-4 TRACE … 21-24 FATAL.
  ...['SeverityNumber', 'severityNumber', 'severity_number'].map((key): [string, (Level | undefined)[]] => [key, [undefined, ...LEVELS.flatMap((level) => [level, level, level, level])]]),
]);

/**
 * Top-level fields only .NET's loggers write beside a level: Microsoft.Extensions.Logging's `EventId` and `Category`
 * (its JSON console formatter's names, kept by serializers of its log entries), Serilog's `SourceContext` and
 * `MessageTemplate` (CLEF's `@mt`). A record's numeric level beside them counts on .NET's scale (levels.ts levelScale).
 */
const DOTNET_FIELDS = ['EventId', 'eventId', 'Category', 'CategoryName', 'categoryName', 'SourceContext', 'MessageTemplate', 'messageTemplate', '@mt'];

/**
 * True for an OpenTelemetry collector file exporter's line: one OTLP/JSON export request (`{"resourceLogs":[{"scopeLogs":
 * [{"logRecords":[…]}]}]}`) holding many records, each with its own time and severity. The readers split such lines
 * into one line per record before parsing (io/record-batches.ts); a batch line that reaches the parser whole
 * is a record of its own without a level (detect.ts jsonLine), never a continuation of the line
 * above, so it is said to have no readable level instead of answering "no errors".
 */
export function isOtlpLogsBatch(record: Record<string, unknown>): boolean {
  return Array.isArray(record.resourceLogs);
}

/** Whether `key` is one of a record's top-level keys read as its level (LEVEL_KEYS). */
export function isLevelKey(key: string): boolean {
  return LEVEL_KEYS.includes(key);
}
/** Text fields that carry a whole log line written by someone else. */
const ENVELOPE_TEXT_KEYS = ['log', 'MESSAGE', 'textPayload'];
const MESSAGE_KEYS = ['message', 'msg', '@m', '@mt', 'text', 'event', 'body', 'jsonPayload.message', 'jsonPayload.msg', 'Body', 'Message', 'RenderedMessage', 'MessageTemplate', 'M'];
const COMPONENT_KEYS = ['logger', 'name', 'component', 'module', 'logger_name', 'source', 'SYSLOG_IDENTIFIER', 'Category'];

/** A key looked up in a record: `a.b` is the key itself, else key `b` of the object at `a` (split once, not per line). */
interface KeyPath {
  key: string;
  parent?: string;
  child?: string;
}

function keyPaths(keys: string[]): KeyPath[] {
  return keys.map((key) => {
    const dot = key.indexOf('.');
    return dot < 0 ? { key } : { key, parent: key.slice(0, dot), child: key.slice(dot + 1) };
  });
}

const TIME_PATHS = keyPaths(TIME_KEYS);
const LEVEL_PATHS = keyPaths(LEVEL_KEYS);
const ENVELOPE_TEXT_PATHS = keyPaths(ENVELOPE_TEXT_KEYS);
const MESSAGE_PATHS = keyPaths(MESSAGE_KEYS);
const COMPONENT_PATHS = keyPaths(COMPONENT_KEYS);

/**
 * Whether a parsed record has `key`: its value read is not undefined. JSON.parse makes only own properties and never an
 * undefined value, and the key lists here name nothing on Object.prototype, so this is Object.hasOwn's answer; one
 * property read, where Object.hasOwn (a call V8 does not inline) and then the read cost every key a record is asked for.
 */
function has(record: Record<string, unknown>, key: string): boolean {
  return record[key] !== undefined;
}

function field(record: Record<string, unknown>, { key, parent, child }: KeyPath): unknown {
  const value = record[key];
  if (value !== undefined) return value;
  if (parent === undefined) return undefined;
  const nested = record[parent];
  return nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[child as string] : undefined;
}

function firstString(record: Record<string, unknown>, paths: KeyPath[]): { key: string; value: string } | undefined {
  for (const path of paths) {
    const value = field(record, path);
    if (typeof value === 'string') return { key: path.key, value };
  }
  return undefined;
}

/** The first of `paths` a record holds a value (not null) at, with its key. */
function firstPresentKey(record: Record<string, unknown>, paths: KeyPath[]): { key: string; value: unknown } | undefined {
  for (const path of paths) {
    const value = field(record, path);
    if (value !== undefined && value !== null) return { key: path.key, value };
  }
  return undefined;
}

function firstPresent(record: Record<string, unknown>, paths: KeyPath[]): unknown {
  for (const path of paths) {
    const value = field(record, path);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** 13 to 19 digits and nothing else: an epoch in ms, µs or ns written as a string. */
function isEpochDigits(value: string): boolean {
  if (value.length < 13 || value.length > 19) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Epoch ms from a JSON time field: a number or digit string (s, ms, µs, ns by magnitude) or any known text form. */
export function jsonTime(value: unknown, context: TimestampContext): number | undefined {
  if (typeof value === 'number') return epochFromNumber(value);
  // MongoDB extended JSON: {"$date": "2024-06-01T12:30:45.123+00:00"} or {"$date": {"$numberLong": "…"}}.
  if (value && typeof value === 'object' && '$date' in value) {
    const date = (value as { $date: unknown }).$date;
    return jsonTime(date && typeof date === 'object' && '$numberLong' in date ? (date as { $numberLong: unknown }).$numberLong : date, context);
  }
  // An epoch split into whole seconds and nanoseconds: Log4j 2's {epochSecond, nanoOfSecond}, protobuf's {seconds, nanos}.
  // A bare {seconds} is a duration as often as a time, and is not read.
  if (value && typeof value === 'object') {
    const split = value as Record<string, unknown>;
    const log4j = 'epochSecond' in split;
    if (!log4j && !('seconds' in split && 'nanos' in split)) return undefined;
    const seconds = Number(log4j ? split.epochSecond : split.seconds);
    const nanos = Number((log4j ? split.nanoOfSecond : split.nanos) ?? 0);
    return Number.isFinite(seconds) && Number.isFinite(nanos) && seconds > 0 ? seconds * 1000 + Math.floor(nanos / 1e6) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (isEpochDigits(value)) return epochFromNumber(Number(value));
  const iso = isoTextEpoch(value);
  if (iso !== undefined) return iso;
  const parsed = parseTimestamp(value, context);
  if (parsed !== undefined) return parsed;
  const fallback = Date.parse(value);
  return Number.isNaN(fallback) ? undefined : fallback;
}

/** journald exports MESSAGE as an array of bytes when it is not valid UTF-8 text. */
function journaldBytes(value: unknown): string | undefined {
  return Array.isArray(value) && value.every((b) => typeof b === 'number') ? Buffer.from(value as number[]).toString('utf8') : undefined;
}

// The keys whose mere presence says which envelope a record is (kindOf), as bits.
const JOURNALD_MARK = 1;
const GCP_MARK = 2;
const DOCKER_MARK = 4;
const MARK_KEYS: [string, number][] = [
  ['__REALTIME_TIMESTAMP', JOURNALD_MARK],
  ['jsonPayload', GCP_MARK],
  ['stream', DOCKER_MARK],
  ['time', DOCKER_MARK],
];

/** The marks of MARK_KEYS a record has (key by key). */
function marksOf(record: Record<string, unknown>): number {
  let marks = 0;
  for (const [key, mark] of MARK_KEYS) if (has(record, key)) marks |= mark;
  return marks;
}

function kindOf(marks: number, textKey: string | undefined): JsonKind {
  if (textKey === 'MESSAGE' || marks & JOURNALD_MARK) return 'journald';
  if (textKey === 'textPayload' || marks & GCP_MARK) return 'gcp';
  if (textKey === 'log' && marks & DOCKER_MARK) return 'docker-json';
  return 'json';
}

// The fields an access record names its request and its answer's status by: Caddy's and nginx's `request`, `status`;
// Traefik's `RequestMethod`, `DownstreamStatus`; Envoy's `method`, `response_code`; pino-http's `req`, `res.statusCode`.
const REQUEST_KEYS = ['request', 'req', 'method', 'RequestMethod', 'request_method', 'httpMethod', 'http_method', 'uri', 'request_uri', 'RequestPath', 'cs-method'];
const REQUEST_KEY_SET = new Set(REQUEST_KEYS);
const STATUS_KEYS = ['status', 'DownstreamStatus', 'status_code', 'statusCode', 'response_code', 'http_status', 'sc-status'];

// What each key of the lists above is, for readJsonRecord's one walk over a record's own keys: its place in each list
// (-1: not in it), and whether a nested key is read below it (`log.level`, `jsonPayload.message`: the parents).
interface KeyRole {
  envelope: number;
  message: number;
  level: number;
  time: number;
  component: number;
  parent: boolean;
  /** Its bit of MARK_KEYS, or 0. */
  mark: number;
  /** One of REQUEST_KEYS (accessStatusLevel's). */
  request: boolean;
}

function keyRoles(): Map<string, KeyRole> {
  const roles = new Map<string, KeyRole>();
  const role = (key: string): KeyRole => {
    let found = roles.get(key);
    if (!found) roles.set(key, (found = { envelope: -1, message: -1, level: -1, time: -1, component: -1, parent: false, mark: 0, request: false }));
    return found;
  };
  const lists: [KeyPath[], 'envelope' | 'message' | 'level' | 'time' | 'component'][] = [
    [ENVELOPE_TEXT_PATHS, 'envelope'],
    [MESSAGE_PATHS, 'message'],
    [LEVEL_PATHS, 'level'],
    [TIME_PATHS, 'time'],
    [COMPONENT_PATHS, 'component'],
  ];
  for (const [paths, list] of lists) {
    paths.forEach((path, rank) => {
      role(path.key)[list] = rank;
      if (path.parent !== undefined) role(path.parent).parent = true;
    });
  }
  for (const [key, mark] of MARK_KEYS) role(key).mark = mark;
  for (const key of REQUEST_KEYS) role(key).request = true;
  return roles;
}

const KEY_ROLES = keyRoles();

/** The first key of each list a record has (as its index in the list, -1: none), found by one walk over its keys. */
interface FirstKeys {
  /** The MARK_KEYS bits of the keys it has. */
  marks: number;
  /** Whether one of its REQUEST_KEYS names an HTTP request (namesRequest): accessStatusLevel's first question. */
  request: boolean;
  envelope: number;
  message: number;
  level: number;
  time: number;
  component: number;
}

const firstKeys: FirstKeys = { marks: 0, request: false, envelope: -1, message: -1, level: -1, time: -1, component: -1 };

const earlier = (found: number, rank: number): number => (rank >= 0 && (found < 0 || rank < found) ? rank : found);

/**
 * Fills `firstKeys` with what firstString (envelope, message, component), firstPresent (level, time) and marksOf
 * would find, by one walk over the record's keys instead of a look-up of every listed key (about 50 a record, most of
 * them absent).
 * Returns false, and reading must go key by key, when a key a nested key is read under (`log`, `jsonPayload`) holds an
 * object: then a listed `a.b` may be found below it, which the walk over the record's own keys does not see. A key
 * whose value is undefined counts as absent, as `has` and `field` read it.
 */
function findFirstKeys(record: Record<string, unknown>): boolean {
  firstKeys.envelope = firstKeys.message = firstKeys.level = firstKeys.time = firstKeys.component = -1;
  firstKeys.marks = 0;
  firstKeys.request = false;
  for (const key in record) {
    const role = KEY_ROLES.get(key);
    if (role === undefined) continue;
    const value = record[key];
    if (value === undefined) continue;
    if (role.parent && value !== null && typeof value === 'object') return false;
    firstKeys.marks |= role.mark;
    if (role.request && !firstKeys.request) firstKeys.request = namesRequest(value);
    if (typeof value === 'string') {
      firstKeys.envelope = earlier(firstKeys.envelope, role.envelope);
      firstKeys.message = earlier(firstKeys.message, role.message);
      firstKeys.component = earlier(firstKeys.component, role.component);
    }
    if (value !== null) {
      firstKeys.level = earlier(firstKeys.level, role.level);
      firstKeys.time = earlier(firstKeys.time, role.time);
    }
  }
  return true;
}

/**
 * Reads a JSON log record: its text, level, time and component, and whether its text is a log line of its own. A numeric
 * level is read on `scale`, the file's (levels.ts numericLevelOn); journald's PRIORITY always as a syslog severity.
 */
export function readJsonRecord(record: Record<string, unknown>, context: TimestampContext, scale?: LevelScale): JsonEntry {
  if (!findFirstKeys(record)) return readJsonRecordByKey(record, context, scale);
  const envelope = firstKeys.envelope >= 0;
  const messageKey = envelope ? ENVELOPE_TEXT_KEYS[firstKeys.envelope] : firstKeys.message >= 0 ? MESSAGE_KEYS[firstKeys.message] : undefined;
  return jsonEntry(
    record,
    context,
    firstKeys.marks,
    envelope,
    messageKey,
    messageKey === undefined ? undefined : (record[messageKey] as string),
    firstKeys.level < 0 ? undefined : record[LEVEL_KEYS[firstKeys.level]],
    firstKeys.level < 0 ? undefined : LEVEL_KEYS[firstKeys.level],
    firstKeys.time < 0 ? undefined : record[TIME_KEYS[firstKeys.time]],
    firstKeys.component < 0 ? undefined : (record[COMPONENT_KEYS[firstKeys.component]] as string),
    scale,
    firstKeys.request,
  );
}

/**
 * readJsonRecord key by key: each list's keys looked up in order (nested `a.b` ones too). This is the reading the walk
 * of findFirstKeys stands in for; it is used when that walk cannot tell, and exported for the test comparing the two.
 */
export function readJsonRecordByKey(record: Record<string, unknown>, context: TimestampContext, scale?: LevelScale): JsonEntry {
  const envelope = firstString(record, ENVELOPE_TEXT_PATHS);
  const message = envelope ?? firstString(record, MESSAGE_PATHS);
  const level = firstPresentKey(record, LEVEL_PATHS);
  const time = firstPresent(record, TIME_PATHS);
  return jsonEntry(record, context, marksOf(record), envelope !== undefined, message?.key, message?.value, level?.value, level?.key, time, firstString(record, COMPONENT_PATHS)?.value, scale);
}

/** The entry of a record, from the first key of each list it has (`messageKey`, `text`: the envelope's when it has one). */
function jsonEntry(
  record: Record<string, unknown>,
  context: TimestampContext,
  marks: number,
  envelope: boolean,
  messageKey: string | undefined,
  messageText: string | undefined,
  rawLevel: unknown,
  levelKey: string | undefined,
  rawTime: unknown,
  component: string | undefined,
  scale: LevelScale,
  request?: boolean,
): JsonEntry {
  const kind = kindOf(marks, messageKey);
  let level = typeof rawLevel === 'string' ? normalizeLevel(rawLevel) : undefined;
  let levelNumber: number | undefined;
  if (typeof rawLevel === 'number') {
    // A number's scale is the file's (Nextcloud's 0..4 count up, syslog's down), unless a level word stands beside it;
    // journald's PRIORITY is a syslog severity by definition.
    const word = kind === 'journald' ? undefined : levelWord(record);
    const keyed = levelKey === undefined ? undefined : KEYED_LEVEL_SCALES.get(levelKey);
    if (word !== undefined) level = word;
    else if (keyed) level = Number.isInteger(rawLevel) ? keyed[rawLevel] : undefined;
    else {
      level = kind === 'journald' ? normalizeLevel(rawLevel) : numericLevelOn(rawLevel, scale);
      levelNumber = rawLevel;
    }
  }
  // Serilog's compact JSON (CLEF: `@t` and `@mt` or `@m`) leaves `@l` out for Information, its default level.
  if (rawLevel === undefined && kind === 'json' && has(record, '@t') && (has(record, '@mt') || has(record, '@m'))) level = 'INFO';
  // An access record's level is its written one raised to its HTTP status's (http-status.ts): Traefik writes `info` for
  // every request, Caddy `info` for a 404; nginx's JSON log_format writes none. The written level, not the derived
  // one, decides whether the text is a line of its own, as before.
  const status = request === undefined ? accessStatusLevel(record) : request ? accessStatusOf(record) : undefined;
  let text = messageText;
  if (text === undefined && has(record, 'MESSAGE')) text = journaldBytes(record.MESSAGE);
  if (text !== undefined && kind === 'docker-json' && text.endsWith('\n')) text = text.slice(0, text.endsWith('\r\n') ? -2 : -1);
  const entry: JsonEntry = {
    kind,
    text,
    textIsLine: envelope || kind === 'journald' || (level === undefined && levelNumber === undefined),
    level: status === undefined ? level : (moreSevere(level, status) ?? status),
    levelIsTransport: kind === 'journald' || (kind === 'gcp' && envelope),
    timestamp: jsonTime(rawTime, context),
  };
  if (component !== undefined) entry.component = component;
  if (levelNumber !== undefined) entry.levelNumber = levelNumber;
  if (levelNumber !== undefined && DOTNET_FIELDS.some((key) => has(record, key))) entry.dotnetFields = true;
  return entry;
}

/**
 * The level a JSON access record's HTTP status stands for (http-status.ts: 5xx ERROR, 4xx WARN, else INFO): a record
 * naming a request (REQUEST_KEYS) and holding a status (STATUS_KEYS, or pino-http's `res.statusCode`). Undefined for
 * any other record: an app's `"status":"ok"`, a job's `"status":500` without a request.
 */
export function accessStatusLevel(record: Record<string, unknown>): Level | undefined {
  // One walk over the record's own keys: looking each of REQUEST_KEYS up cost 6 % of a JSON pass (bench:mining-ab).
  // readJsonRecord asks during its own walk (findFirstKeys), then accessStatusOf.
  let request = false;
  for (const key in record) {
    if (REQUEST_KEY_SET.has(key) && namesRequest(record[key])) {
      request = true;
      break;
    }
  }
  return request ? accessStatusOf(record) : undefined;
}

/** accessStatusLevel of a record known to name an HTTP request: the level of its status, undefined when it has none. */
function accessStatusOf(record: Record<string, unknown>): Level | undefined {
  for (const key of STATUS_KEYS) {
    const level = record[key] === undefined ? undefined : httpStatusLevel(record[key]);
    if (level !== undefined) return level;
  }
  const res = record.res;
  return res !== null && typeof res === 'object' ? httpStatusLevel((res as Record<string, unknown>).statusCode) : undefined;
}

/**
 * A request key's value that is an HTTP request's: a method (`GET`), a path or URL, a request line (`GET / HTTP/1.1`),
 * or an object holding a method (Caddy's `request`, pino-http's `req`). A job's `"request":{"id":"r2"}` or a request
 * id `"req":"7f3a"` names no HTTP request, and its `status` is no HTTP status: the written level stands.
 */
function namesRequest(value: unknown): boolean {
  if (typeof value === 'string') return HTTP_REQUEST_TEXT.test(value);
  return value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>).method === 'string';
}

/** A method word alone or before a target, a path, or a URL. */
const HTTP_REQUEST_TEXT = /^(?:[A-Z]{3,7}(?:$|\s+\S)|\/|https?:\/\/)/;

/** The first level key of a record whose value is a level word (`"level_name":"ERROR"` beside `"level":400`). */
function levelWord(record: Record<string, unknown>): Level | undefined {
  for (const path of LEVEL_PATHS) {
    const value = field(record, path);
    if (typeof value !== 'string') continue;
    const level = normalizeLevel(value);
    if (level !== undefined) return level;
  }
  return undefined;
}

/** A JSON object at the start of `line` (or, with `offset`, within its first 64 characters), or undefined. */
export function parseJsonRecord(line: string, offset = false): Record<string, unknown> | undefined {
  let start = 0;
  while (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9) start++;
  if (line.charCodeAt(start) !== 123 /* { */) {
    if (!offset) return undefined;
    start = line.indexOf('{');
    if (start < 0 || start > 64) return undefined;
  }
  if (!mayBeJsonObject(line, start)) return undefined;
  try {
    const value: unknown = JSON.parse(start === 0 ? line : line.slice(start));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** JSON's white space: space, tab, line feed, carriage return (no other character). */
function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Whether `text` from `start` (a `{`) may be one JSON object: the brace is followed by its first key's quote or its own
 * close, and a `}` ends the text (JSON white space aside). A text that is not so is no JSON object, and JSON.parse
 * throws for it: a SyntaxError with its stack, several times a whole line's reading. A header's message that opens
 * with a brace (`{cps.server:200} Starting Tornado server`, Calibre-Web) threw on every line (its file was read 5x slower).
 */
export function mayBeJsonObject(text: string, start: number): boolean {
  let first = start + 1;
  while (isJsonSpace(text.charCodeAt(first))) first++;
  const opening = text.charCodeAt(first);
  if (opening !== 34 /* " */ && opening !== 125 /* } */) return false;
  let last = text.length - 1;
  while (last > first && isJsonSpace(text.charCodeAt(last))) last--;
  return text.charCodeAt(last) === 125 /* } */;
}

/**
 * The message of a zap-style console line after its header (`2021-08-11T08:48:24.346292Z\tinfo\tOpened shard\t{"log_id": …}`,
 * `…\tINFO\ttls.obtain\treleasing lock`): without the trailing object of fields (after a tab or two spaces, as the JSON
 * form keeps them out of its `msg`), and, when the header ended at a tab (`tabbed`), without the logger and caller
 * columns (one token each, tab-separated) before the text. The logger is returned as the component. `message`
 * unchanged (and no component) when it has neither.
 */
export function consoleMessage(message: string, tabbed: boolean): { message: string; component?: string } {
  let text = message;
  let cut = false;
  if (text.charCodeAt(text.length - 1) === 125 /* } */) {
    const open = Math.max(text.lastIndexOf('\t{'), text.lastIndexOf('  {'));
    if (open > 0 && parseJsonRecord(text.slice(open + 1))) {
      text = text.slice(0, open).trimEnd();
      cut = true;
    }
  }
  if (!(tabbed || cut) || text.indexOf('\t') < 0) return cut ? { message: text } : { message };
  const columns = text.split('\t').filter((column) => column.trim().length > 0);
  let first = 0;
  while (first < columns.length - 1 && !/\s/.test(columns[first].trim())) first++;
  const out: { message: string; component?: string } = { message: columns.slice(first).join('\t').trim() };
  if (first > 0) out.component = columns[0].trim();
  return out;
}
