// Detects a file's line layout from a sample and returns a parser for its lines.
import { learnHeader, leadingLevel, parseWithHeader, type HeaderField } from './header';
import { normalizeLevel } from './levels';
import { epochFromNumber, parseTimestamp, type TimestampContext } from './timestamps';
import type { LineParser, LogFormat, ParsedLine } from './types';

export interface LineParserOptions {
  /** Epoch ms of the file's modification time (or now): year-less timestamps are placed at or before it. */
  referenceTime?: number;
}

const SAMPLE_LIMIT = 500;
/** Share of sample lines that must fit a structured format (JSON, logfmt) for it to be chosen. */
const STRUCTURED_SHARE = 0.6;

const JSON_TIME_KEYS = ['timestamp', 'time', 'ts', '@timestamp', 'date', 'datetime', 't', '@t', 'eventTime', 'asctime'];
const JSON_LEVEL_KEYS = ['level', 'severity', 'lvl', 'loglevel', 'log_level', 'levelname', 'log.level', '@l', 'priority', 'levelName'];
const JSON_MESSAGE_KEYS = ['message', 'msg', '@m', '@mt', 'text', 'log', 'event', 'body'];
const JSON_COMPONENT_KEYS = ['logger', 'name', 'component', 'module', 'logger_name', 'source'];

function field(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) {
    if (key in record) return record[key];
    if (key.includes('.')) {
      const [outer, inner] = key.split('.');
      const nested = record[outer];
      if (nested && typeof nested === 'object' && inner in (nested as Record<string, unknown>)) return (nested as Record<string, unknown>)[inner];
    }
  }
  return undefined;
}

function timeFrom(value: unknown, context: TimestampContext): number | undefined {
  if (typeof value === 'number') return epochFromNumber(value);
  if (typeof value === 'string') {
    const parsed = parseTimestamp(value, context);
    if (parsed !== undefined) return parsed;
    const fallback = Date.parse(value);
    return Number.isNaN(fallback) ? undefined : fallback;
  }
  return undefined;
}

function parseJsonRecord(line: string): Record<string, unknown> | undefined {
  const start = line.indexOf('{');
  if (start < 0 || start > 64) return undefined;
  try {
    const value: unknown = JSON.parse(start === 0 ? line : line.slice(start));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function jsonParser(context: TimestampContext): LineParser {
  return {
    format: { id: 'json', description: 'JSON lines' },
    parse(line) {
      const record = parseJsonRecord(line);
      if (!record) return { message: line, level: leadingLevel(line) };
      const rawLevel = field(record, JSON_LEVEL_KEYS);
      const rawMessage = field(record, JSON_MESSAGE_KEYS);
      const rawComponent = field(record, JSON_COMPONENT_KEYS);
      const parsed: ParsedLine = {
        message: typeof rawMessage === 'string' ? rawMessage : rawMessage !== undefined ? JSON.stringify(rawMessage) : line,
        level: typeof rawLevel === 'string' || typeof rawLevel === 'number' ? normalizeLevel(rawLevel) : undefined,
        timestamp: timeFrom(field(record, JSON_TIME_KEYS), context),
      };
      if (typeof rawComponent === 'string') parsed.component = rawComponent;
      return parsed;
    },
  };
}

const LOGFMT_PAIR = /([\w.@-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
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

function looksLikeLogfmt(line: string): boolean {
  if (!LOGFMT_KEYS.test(line)) return false;
  return parseLogfmt(line).size >= 2;
}

function logfmtParser(context: TimestampContext): LineParser {
  const pick = (pairs: Map<string, string>, keys: string[]) => {
    for (const key of keys) {
      const value = pairs.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  return {
    format: { id: 'logfmt', description: 'logfmt (key=value pairs)' },
    parse(line) {
      const pairs = parseLogfmt(line);
      if (pairs.size === 0) return { message: line, level: leadingLevel(line) };
      const time = pick(pairs, ['time', 'ts', 't', 'timestamp']);
      const level = pick(pairs, ['level', 'lvl', 'severity']);
      const message = pick(pairs, ['msg', 'message']);
      const component = pick(pairs, ['logger', 'component', 'module', 'caller']);
      const parsed: ParsedLine = {
        message: message ?? line,
        level: level === undefined ? undefined : normalizeLevel(level),
        timestamp: time === undefined ? undefined : timeFrom(/^\d+(\.\d+)?$/.test(time) ? Number(time) : time, context),
      };
      if (component !== undefined) parsed.component = component;
      return parsed;
    },
  };
}

function describeHeader(fields: HeaderField[]): LogFormat {
  const names = fields.map((f) => (f.kind === 'timestamp' ? `timestamp (${f.pattern?.id})` : f.kind === 'level' && f.bracketed ? '[level]' : f.kind));
  const ts = fields.find((f) => f.kind === 'timestamp')?.pattern?.id;
  const level = fields.find((f) => f.kind === 'level');
  const hasComponent = fields.some((f) => f.kind === 'component');
  let id = 'text';
  if (ts === 'month-day-compact' && level) id = 'glog';
  else if (ts === 'month-day' && level && fields.filter((f) => f.kind === 'number').length >= 1) id = 'android';
  else if (ts === 'ctime' && level?.bracketed) id = 'apache-error';
  else if (ts === 'syslog' && !level) id = 'syslog';
  else if (level?.bracketed) id = 'bracket-level';
  else if (level && hasComponent) id = 'java';
  else if (level) id = 'leveled';
  else if (ts) id = 'timestamped';
  return { id, description: `header: ${names.join(', ')}; then the message` };
}

function headerParser(fields: HeaderField[], context: TimestampContext): LineParser {
  return {
    format: describeHeader(fields),
    parse: (line) => parseWithHeader(fields, line, context),
  };
}

function unknownParser(): LineParser {
  return {
    format: { id: 'unknown', description: 'unrecognised layout: each line is the message' },
    parse: (line) => ({ message: line, level: leadingLevel(line) }),
  };
}

/** Detects the layout of a file from some of its lines (the first few hundred are enough) and returns a parser for all of them. */
export function createLineParser(sampleLines: string[], options: LineParserOptions = {}): LineParser {
  const context: TimestampContext = { referenceTime: options.referenceTime };
  const sample = sampleLines.filter((line) => line.trim().length > 0).slice(0, SAMPLE_LIMIT);
  if (sample.length === 0) return unknownParser();
  const share = (test: (line: string) => boolean) => sample.filter(test).length / sample.length;
  if (share((line) => parseJsonRecord(line) !== undefined) >= STRUCTURED_SHARE) return jsonParser(context);
  if (share(looksLikeLogfmt) >= STRUCTURED_SHARE) return logfmtParser(context);
  const header = learnHeader(sample, context);
  if (header.length > 0) return headerParser(header, context);
  return unknownParser();
}
