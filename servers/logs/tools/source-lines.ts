// A source's records as the logs tools' lines: each record is read by format/ as its line in a log of its kind
// (journald export, Docker json-file) would be (format/detect.ts createRecordParser: the inner line's own level, time
// and continuation rules), and a stack frame or wrapped line takes the time and level of its entry.
import { sanitizeLine } from '../../shared/sanitize';
import { coverageNote, type LevelCoverage } from '../format/coverage';
import { createRecordParser, stripEscapeCodes, type RecordParser, type RuntimeRecord } from '../format/detect';
import { LEVELS, type Level, type ParsedLine } from '../format/types';
import { SAMPLE_LINES } from '../io/head';
import { awaitsMessage, entryOf, isEntryPart, inheritedLevel, needsHeader, opensLoggedReport, ownLevel, passesAwaiting, underEntry } from '../format/continuation';
import { MessageBelow } from '../format/entry-message';
import { announcesReport } from '../format/crash-reports';
import { continuationShaped } from '../format/header';
import { PARSE_CHARS, type Header } from '../search/collector';
import type { AcceptedLine } from '../search/types';
import type { SourceKind, SourceRecord } from '../sources/types';

/** One record as a tool sees it: `text` sanitized and cut, `line` its 1-based position in this read. */
export interface SourceLine extends AcceptedLine {
  /** The record's own text (unsanitized), for patterns. */
  raw: string;
  stream?: 'stdout' | 'stderr';
  host?: string;
  unit?: string;
  /** The line continues the entry above (stack frame, wrapped text): its level and time are that entry's. */
  continuation?: true;
  /**
   * The entry's level is only the source's default (SourceRecord.levelIsDefault), its text having none: journald gives
   * a service's stdout and stderr lines the unit's SyslogLevel (info by default) whatever they say
   * (text-error-lines.ts SourceTextErrors).
   */
  defaultLevel?: true;
  /**
   * The line is an exception's report of a form a logger writes, carried by an INFO entry (continuation.ts
   * inheritedLevel): no error, but error_summary says how many there are (collector.ts reportsAtInfo for files).
   */
  reportAtInfo?: true;
}

/**
 * What a read saw: its detected format and, as for a file's sample (format/coverage), how many entry lines had no
 * level (they never pass a level filter).
 */
export interface SourceReadStats extends LevelCoverage {
  format?: string;
}

/** Empty stats for a read about to start. */
export function readStats(): SourceReadStats {
  return { lines: 0, withoutLevel: 0, layoutKnown: true };
}

/** Syslog severity written for a level (journald PRIORITY), when the source gave one. */
const PRIORITY: Record<Level, string> = { FATAL: '2', ERROR: '3', WARN: '4', INFO: '6', DEBUG: '7', TRACE: '7' };

/**
 * The record in the envelope of its kind: what journalctl -o json / Docker's json-file driver would have written
 * (log_patterns mines these lines as it mines such files).
 */
export function envelopeOf(record: SourceRecord, kind: SourceKind): string {
  if (kind === 'journal') {
    return JSON.stringify({
      MESSAGE: record.text,
      ...(record.level ? { PRIORITY: PRIORITY[record.level] } : {}),
      ...(record.time !== undefined ? { __REALTIME_TIMESTAMP: String(record.time * 1000) } : {}),
    });
  }
  return JSON.stringify({ log: record.text, stream: record.stream ?? 'stdout', ...(record.time !== undefined ? { time: new Date(record.time).toISOString() } : {}) });
}

/**
 * What format/ reads of a record (createRecordParser): not the source's level (so that the text's own is found), and
 * its text without terminal colour codes (Rust tracing, FORCE_COLOR: format/ strips them from files, but inside a JSON
 * envelope they are escaped and would stay).
 */
function runtimeRecord(record: SourceRecord): RuntimeRecord {
  const read: RuntimeRecord = { text: stripEscapeCodes(record.text) };
  if (record.time !== undefined) read.time = record.time;
  if (record.stream !== undefined) read.stream = record.stream;
  return read;
}

/**
 * The lines of `records` (oldest first), parsed by a parser detected from the first SAMPLE_LINES records. `stats`
 * is filled as lines are read. Stops the records' reader when the consumer stops. An entry's own line whose message is
 * empty (continuation.ts awaitsMessage) has as its `message` the text of the records below it (entry-message.ts), as a
 * file's has in error_summary: it is handed over, with those records, once that text is read (a few records later).
 */
export async function* sourceLines(records: AsyncIterable<SourceRecord>, kind: SourceKind, maxLineChars: number, stats: SourceReadStats): AsyncGenerator<SourceLine> {
  const sample: SourceRecord[] = [];
  let parser: RecordParser | undefined;
  let previous: (Header & { stream?: SourceRecord['stream']; recordLevel?: Level }) | undefined;
  let n = 0;
  // The entry's own line whose message is being read from the records below it, with those records (held in order).
  let held: { below: MessageBelow; lines: SourceLine[] } | undefined;
  function* release(): Generator<SourceLine> {
    if (!held) return;
    const { below, lines } = held;
    held = undefined;
    const message = below.text();
    if (message !== undefined) lines[0].message = message;
    yield* lines;
  }
  /** `line` (read as `parsed`, its record's text `body`) handed over in order, after any held line whose message it ends. */
  function* handOver(line: SourceLine, parsed: ParsedLine, body: string, awaits: boolean): Generator<SourceLine> {
    if (held) {
      if (held.below.takeParsed(parsed, body)) {
        held.lines.push(line);
        return;
      }
      yield* release();
    }
    if (awaits) held = { below: new MessageBelow(), lines: [line] };
    else yield line;
  }
  const toLine = (record: SourceRecord): Generator<SourceLine> => {
    const p = parser!;
    // Every record is read by format/ as a log of its kind would be. Its text's own level (`ERROR app.db: …`,
    // `level=error`) wins over the source's (journal PRIORITY), which is used only when the text has none: journald
    // gives every stdout/stderr line of a service the unit's SyslogLevel (info by default) whatever it says.
    const read: ParsedLine = p.parse(runtimeRecord(record));
    // An entry never continues across streams: a stderr line is not part of the stdout entry above it. Nor does a plain
    // record: each journal entry and each Docker line is a write of its own (with its own PRIORITY, its own stream
    // record), so only a line shaped as a continuation (a stack frame, `Caused by:`, a traceback's or exception's line,
    // an entry's part, a line inside an announced traceback) takes the level of the one above. In a file a line without
    // time belongs to the entry above because nothing else marks where entries end; a source marks every record
    // (break20: `progress 10%` right after an ERROR line was labelled ERROR). The envelope's reading (format/detect.ts
    // markContinuation: a runtime-wrapped line without a header of its own continues) is the file rule, not used here.
    // Nor is a record the source marks more severe than the record above (a journal entry at PRIORITY err after one at
    // info): a logger writes an entry and its report in one call, at one priority; a line journald stores at another
    // came another way (a `<3>` prefix, sd_journal, syslog()), and its priority is what the program said of it (a Java
    // stack at err after a service's INFO lines stayed INFO, break21). A unit whose every line is at err changes nothing.
    // A header whose message is empty writes its text as records below it (Spring Boot's `\n\nError starting
    // ApplicationContext…` at INFO): the first text record is its message (continuation.ts underEntry).
    const above =
      needsHeader(p, read) &&
      previous !== undefined &&
      previous.stream === record.stream &&
      !severer(record.level, previous.recordLevel) &&
      (previous.announced === true || previous.awaitsMessage === true || isEntryPart(read) || continuationShaped(stripEscapeCodes(record.text)))
        ? previous
        : undefined;
    const parsed = underEntry(read, above);
    let { timestamp, level } = parsed;
    // An exception's report that went uncaught (continuation.ts inheritedLevel), or a runtime's `panic:`, is an entry of
    // its own (the rule the file engines count entries by); the line that announces it (`Traceback` under no entry, a
    // traceback's `in <module>` frame) passes that down to the exception's line.
    const entry = above !== undefined ? entryOf(parsed, parsed.level ?? inheritedLevel(parsed, above.level, above.logsReport), above) : undefined;
    const header = entry !== undefined && !entry.opens ? above : undefined;
    const continuation = header !== undefined;
    let defaulted = false;
    if (header) {
      timestamp ??= header.timestamp;
      level ??= inheritedLevel(parsed, header.level, header.logsReport);
    } else {
      level = ownLevel(parsed);
      if (level === undefined && record.level !== undefined) {
        level = record.level;
        defaulted = record.levelIsDefault === true;
      }
      stats.lines++;
      if (level === undefined) stats.withoutLevel++;
    }
    timestamp ??= record.time ?? above?.timestamp;
    previous = { timestamp, level, stream: record.stream, recordLevel: record.level, announced: entry?.announced, logsReport: header !== undefined ? header.logsReport : opensLoggedReport(parsed) };
    if (passesAwaiting(parsed, header === undefined, above)) previous.awaitsMessage = true;
    const line: SourceLine = { line: ++n, text: sanitizeLine(record.text, maxLineChars), raw: record.text, message: parsed.message, level, timestamp };
    if (record.stream) line.stream = record.stream;
    if (record.host) line.host = record.host;
    if (record.unit) line.unit = record.unit;
    if (continuation) line.continuation = true;
    if (defaulted) line.defaultLevel = true;
    if (parsed.logged === true && level === 'INFO' && !announcesReport(parsed.message)) line.reportAtInfo = true;
    const body = parsed.continues === true || parsed.runtimeTime === true ? parsed.message : stripEscapeCodes(record.text);
    return handOver(line, parsed, body, header === undefined && awaitsMessage(parsed));
  };
  const start = () => {
    parser = createRecordParser(kind === 'journal' ? 'journald' : 'docker-json', sample.map(runtimeRecord), { referenceTime: Date.now(), maxChars: PARSE_CHARS });
    stats.format = parser.format.id;
    stats.layoutKnown = parser.format.id !== 'unknown';
  };
  for await (const record of records) {
    if (parser) {
      yield* toLine(record);
      continue;
    }
    sample.push(record);
    if (sample.length < SAMPLE_LINES) continue;
    start();
    for (const sampled of sample.splice(0)) yield* toLine(sampled);
  }
  if (!parser) {
    start();
    for (const sampled of sample.splice(0)) yield* toLine(sampled);
  }
  yield* release();
}

/** True when `level` is known and more severe than `than` (also known). */
function severer(level: Level | undefined, than: Level | undefined): boolean {
  return level !== undefined && than !== undefined && LEVELS.indexOf(level) > LEVELS.indexOf(than);
}

/** The note for a level filter over a source whose lines (some or all) have no recognisable level (format/coverage). */
export function sourceLevelNote(name: string, stats: SourceReadStats): string | undefined {
  return coverageNote(name, stats, 'read');
}
