// One level scale for every vocabulary a log might use.
import { LEVELS, type Level } from './types';

const WORDS: Record<string, Level> = {
  // Java / log4j / logback / JUL / .NET / Python
  trace: 'TRACE', finest: 'TRACE', finer: 'TRACE', verbose: 'TRACE', verb: 'TRACE',
  vrb: 'TRACE', trce: 'TRACE',
  debug: 'DEBUG', dbg: 'DEBUG', dbug: 'DEBUG', debg: 'DEBUG', fine: 'DEBUG', config: 'DEBUG',
  info: 'INFO', inf: 'INFO', information: 'INFO', informational: 'INFO', notice: 'INFO', note: 'INFO', system: 'INFO', log: 'INFO',
  warn: 'WARN', warning: 'WARN', wrn: 'WARN',
  // .NET console `fail:`; zap `dpanic` (development panic: logged as an error in production).
  error: 'ERROR', err: 'ERROR', eror: 'ERROR', erro: 'ERROR', severe: 'ERROR', fail: 'ERROR', dpanic: 'ERROR',
  fatal: 'FATAL', crit: 'FATAL', critical: 'FATAL', alert: 'FATAL', emerg: 'FATAL', emergency: 'FATAL', panic: 'FATAL',
  ftl: 'FATAL', assert: 'FATAL',
};

/** Android logcat and glog letters; also used for bare `E`/`W` columns. Upper case only: lower-case letters are too often words. */
const LETTERS: Record<string, Level> = { V: 'TRACE', T: 'TRACE', D: 'DEBUG', I: 'INFO', N: 'INFO', W: 'WARN', E: 'ERROR', F: 'FATAL', A: 'FATAL', C: 'FATAL' };

/** Syslog severities 0..7 (RFC 5424). */
const SYSLOG: Level[] = ['FATAL', 'FATAL', 'FATAL', 'ERROR', 'WARN', 'INFO', 'INFO', 'DEBUG'];

/**
 * Maps a level word from any common vocabulary onto the one scale, or undefined when it is not a level.
 * Numbers: 0..7 are syslog severities; 10..60 are bunyan/pino levels (10 trace … 60 fatal).
 * `<3>` (a syslog PRI) is read as its severity.
 */
export function normalizeLevel(word: string | number | undefined | null): Level | undefined {
  if (word === undefined || word === null) return undefined;
  if (typeof word === 'number') return numericLevel(word);
  // A file spells its levels a handful of ways, once per line: each spelling is read once.
  const known = spellings.get(word);
  if (known !== undefined || spellings.has(word)) return known;
  const level = wordLevel(word);
  if (spellings.size >= MAX_SPELLINGS) spellings.clear();
  spellings.set(word, level);
  return level;
}

/** Level spellings already read (bounded: cleared when full). */
const spellings = new Map<string, Level | undefined>();
const MAX_SPELLINGS = 1024;

function wordLevel(word: string): Level | undefined {
  let text = word.trim();
  if (text.length === 0 || text.length > 16) return undefined;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1).trim();
  else if (text.startsWith('<') && text.endsWith('>')) {
    const pri = Number(text.slice(1, -1));
    return Number.isInteger(pri) && pri >= 0 && pri < 192 ? SYSLOG[pri & 7] : undefined;
  }
  if (text.endsWith(':')) text = text.slice(0, -1);
  if (text.length === 1 && !(text >= '0' && text <= '9')) return LETTERS[text];
  if (/^\d+$/.test(text)) return numericLevel(Number(text));
  const lower = text.toLowerCase();
  const direct = WORDS[lower];
  if (direct) return direct;
  // slog's offsets from a level (`WARN+1`, `ERROR-2`) stay on that level.
  const offset = /^([a-z]+)[+-]\d{1,2}$/.exec(lower);
  if (offset && WORDS[offset[1]]) return WORDS[offset[1]];
  // Numbered verbosities: Apache trace1..trace8, PostgreSQL DEBUG1..DEBUG5, MongoDB D1..D5.
  const numbered = /^(trace|debug|d)[1-9]$/.exec(lower);
  if (numbered) return numbered[1] === 'd' ? 'DEBUG' : WORDS[numbered[1]];
  // "log.level"-style prefixes and "LEVEL_ERROR" / "SEVERITY_WARNING" enums.
  const tail = /[._-]([a-z]+)$/.exec(lower);
  if (tail && /^(level|severity|lvl|log|sev)/.test(lower)) return WORDS[tail[1]];
  return undefined;
}

function numericLevel(value: number): Level | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (value <= 7 && Number.isInteger(value)) return SYSLOG[value];
  if (value >= 10 && value <= 69) return LEVELS[Math.min(5, Math.floor(value / 10) - 1)];
  return undefined;
}

/** True when `level` is at or above `minimum` on the scale (minimum-level filter semantics). */
export function levelAtLeast(level: Level | undefined, minimum: Level): boolean {
  return level !== undefined && LEVELS.indexOf(level) >= LEVELS.indexOf(minimum);
}
