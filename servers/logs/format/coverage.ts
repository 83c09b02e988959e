// How much of a file's sample has a recognisable level: so that a tool that filters by level can say how many lines it
// could not judge, and never calls a file whose levels it could not read free of errors.
import { inheritsLevel, levelOnNextLine } from './continuation';
import { isLevelKey } from './envelopes';
import { normalizeLevel } from './levels';
import { joinedLines } from './partials';
import type { LineParser, ParsedLine } from './types';

export interface LevelCoverage {
  /** Entry lines looked at: non-blank lines of the sample that are not continuations (stack frames, wrapped text). */
  lines: number;
  /** Of those, lines with no recognisable level (they can never pass a level filter). */
  withoutLevel: number;
  /** The parser recognised the file's layout (format id other than `unknown`). */
  layoutKnown: boolean;
}

/**
 * Counts the sample's entry lines and those without a level. A line is a continuation (not counted) when it starts
 * with white space, or, in a recognised layout, when it has neither time nor level or otherwise continues the entry above
 * (inheritsLevel: also PostgreSQL `DETAIL:`), or is the timed first half of a header whose level is on the next line
 * (levelOnNextLine). A container's header-less lines (ParsedLine.continues) are counted: a
 * container that writes no levels at all must still be reported as such.
 */
export function levelCoverage(sample: string[], parser: LineParser): LevelCoverage {
  const layoutKnown = parser.format.id !== 'unknown';
  let lines = 0;
  let withoutLevel = 0;
  // A split line's later parts are not lines of their own (format/partials.ts).
  const entries: ParsedLine[] = [];
  for (const line of joinedLines(parser, sample)) {
    if (line.trim().length === 0 || line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9) continue;
    entries.push(parser.parse(line));
  }
  entries.forEach((parsed, i) => {
    if (parsed.directive) return;
    if (layoutKnown && (inheritsLevel(parsed) || levelOnNextLine(parsed, entries[i + 1]))) return;
    lines++;
    if (parsed.level === undefined) withoutLevel++;
  });
  return { lines, withoutLevel, layoutKnown };
}

/** No line of the sample has a level: a level filter finds nothing here, whatever the file holds. */
export function levelsUnreadable(coverage: LevelCoverage): boolean {
  return coverage.lines > 0 && coverage.withoutLevel === coverage.lines;
}

/** A JSON key whose values read as levels in records where no level was read (unreadLevelKey). */
export interface LevelKeyHint {
  key: string;
  /** Its distinct values in the sample, at most MAX_HINT_VALUES. */
  values: string[];
  /**
   * The key is read as the level, but its numbers (0..7) are on a scale the file does not show: syslog's counting down
   * or Nextcloud's counting up (levels.ts smallLevelScale); the values the two disagree on are read as no level.
   */
  uncertainScale?: true;
}

/** A key whose numbers may be levels: named so. */
const NUMERIC_LEVEL_KEY = /lev|lvl|sev|prio/i;

/** Distinct values a key may take and still be a level's (a scale has six to eight steps). */
const MAX_HINT_VALUES = 8;

/**
 * Where a JSON-lines file may keep the levels no reader found: the top-level key that, in (nearly) every sampled record
 * without a level, holds a short value the level scale reads (`"sev":"E"`, `"lvl_num":50`), with few distinct values.
 * Only named, never read as the level: the key is not one a logger is known to write, so its values could be another
 * field's (a count of 3 reads as a syslog severity). Undefined when fewer than 3 such records or no key fits.
 */
export function unreadLevelKey(sample: string[], parser: LineParser): LevelKeyHint | undefined {
  const keys = new Map<string, Set<string>>();
  const hits = new Map<string, number>();
  let records = 0;
  for (const line of sample) {
    if (line.charCodeAt(0) !== 123 || parser.parse(line).level !== undefined) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) continue;
    records++;
    for (const [key, value] of Object.entries(record)) {
      // A small number reads as a syslog severity, and so do shard, job and retry numbers: a number counts only under a
      // key named like a level (`lvl_num`, `severity`, `priority`); break19 saw `"shard":0..3` named before `"sev":"E"`.
      const numeric = typeof value === 'number' && NUMERIC_LEVEL_KEY.test(key);
      // A level in hundreds (Monolog's, Log4j 2's) is read on no scale without the file's: it is a level's all the same.
      const hundreds = numeric && (value as number) % 100 === 0 && (value as number) >= 100 && (value as number) <= 600;
      if (!((typeof value === 'string' && value.length <= 12) || numeric) || (!hundreds && normalizeLevel(value) === undefined)) continue;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      const values = keys.get(key) ?? new Set<string>();
      values.add(String(value));
      keys.set(key, values);
    }
  }
  if (records === 0) return undefined;
  let best: LevelKeyHint | undefined;
  let bestHits = 0;
  for (const [key, count] of hits) {
    const values = keys.get(key)!;
    if (count < 0.9 * records || values.size > MAX_HINT_VALUES || count <= bestHits) continue;
    best = { key, values: [...values].sort() };
    bestHits = count;
  }
  // A key read as the level whose small numbers were not read: their scale is what is unknown, however few such records.
  if (best && isLevelKey(best.key) && (best.values.every((v) => /^[0-7]$/.test(v)) || best.values.every((v) => /^[1-6]00$/.test(v)))) return { ...best, uncertainScale: true };
  return records < 3 ? undefined : best;
}

/**
 * The note a level-filtering tool gives for a file or source: how many lines have no recognisable level, or that none
 * has one (so 0 matches is not "no errors"). `seen` says where the counts come from: a file's sample from its start,
 * or every line a source read gave. Undefined when every line has a level.
 */
export function coverageNote(file: string, coverage: LevelCoverage, seen: 'sampled' | 'read' = 'sampled', hint?: LevelKeyHint): string | undefined {
  if (coverage.withoutLevel === 0) return undefined;
  const count = `${coverage.withoutLevel.toLocaleString('en-US')} of ${coverage.lines.toLocaleString('en-US')}`;
  const values = hint?.values.join(', ');
  const where = !hint
    ? ''
    : hint.uncertainScale
      ? `; their level is the number in the key "${hint.key}" (values ${values}), which may count ${hint.values.every((v) => v.length === 3) ? 'up (Monolog: 100 debug … 600 emergency) or down (Log4j 2: 100 fatal … 600 trace)' : 'down (syslog: 0 emergency … 7 debug) or up (0 debug … 4 fatal, as Nextcloud writes it)'}, and the file does not show which`
      : `; their level may be in the key "${hint.key}" (values ${values}), which is not read as one`;
  if (levelsUnreadable(coverage)) {
    const layout = coverage.layoutKnown ? 'its lines carry no level this server can read' : 'its format was not recognised';
    return `${file}: ${layout} (${count} lines ${seen} have no recognisable level${where}): finding no errors here does not mean there are none`;
  }
  const from = seen === 'sampled' ? 'sampled from its start' : 'read';
  return `${file}: ${count} lines ${from} have no recognisable level${where}; such lines are never counted as errors`;
}
