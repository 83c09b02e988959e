// The entries of one file that have no level yet read as errors by their text (format/text-errors.ts): `Out of memory:
// Killed process …` in kern.log, where the kernel writes no level column, or a program's unleveled `Failed to …` lines
// among its leveled ones. A level filter can never pass them, so error_summary (0 errors) and search_logs (no match at
// level ERROR) name them apart, as a pointer with line numbers: never counted as errors, for their level is unknown.
import { inWindow } from '../../shared/time-rule';
import { compilePattern } from '../search/dialect';
import type { PatternSpec, ScanRequest } from '../search/types';
import { levelAtLeast } from '../format/levels';
import { isTextError, TEXT_ERROR_CANDIDATES } from '../format/text-errors';
import type { Level } from '../format/types';
import type { OpenedLog } from '../files/log-files';
import { coverageNote } from '../format/coverage';
import { sampledCoverage } from './common';
import { targetOf, type LogsContext } from './context';
import type { SourceLine } from './source-lines';

/** Candidate lines read at most (each checked by isTextError). */
const CANDIDATE_LIMIT = 1000;
/** Line numbers named in an answer. */
export const TEXT_ERROR_LINES_SHOWN = 10;

/** Where a file's text errors are: how many, whether more were not read (`atLeast`), the first line numbers (from 1). */
export interface TextErrorLines {
  lines: number;
  atLeast?: boolean;
  first: number[];
}

export interface TextErrorQuery {
  /** The window, epoch ms (`since` inclusive, `until` exclusive); none: the whole file. */
  since?: number;
  until?: number;
  /** Only lines this pattern (search_logs' own) also matches. */
  pattern?: PatternSpec;
  /** Only records of this service (ScanRequest.service). */
  service?: string;
  signal?: AbortSignal;
}

/**
 * The entries of `file` without a level whose text reads as an error (an entry's continuation lines take its level and
 * are not among them), in the query's window and matching its pattern; undefined when there is none. Reads at most
 * CANDIDATE_LIMIT lines holding an error word (`atLeast` when there were more). Throws what the scan throws (an abort).
 */
export async function findTextErrorLines(ctx: LogsContext, file: OpenedLog, query: TextErrorQuery): Promise<TextErrorLines | undefined> {
  const request: ScanRequest = {
    pattern: { source: TEXT_ERROR_CANDIDATES, literal: false, caseSensitive: false },
    since: query.since,
    until: query.until,
    before: 0,
    after: 0,
    limit: CANDIDATE_LIMIT,
    order: 'oldest',
    maxLineChars: 2000,
    entries: true,
    ...(query.service !== undefined ? { service: query.service } : {}),
  };
  const also = query.pattern ? compilePattern(query.pattern).line : undefined;
  const result = await ctx.scans.scanFile(targetOf(file), request, { ripgrep: ctx.ripgrep, signal: query.signal, fileIndex: (await ctx.parserOf(file)).fileIndex });
  const lines = result.matches.filter((m) => m.level === undefined && isTextError(m.text) && (also === undefined || also.test(m.text))).map((m) => m.line);
  if (lines.length === 0) return undefined;
  const atLeast = result.totalMatches > result.matches.length;
  return { lines: lines.length, ...(atLeast ? { atLeast } : {}), first: lines.slice(0, TEXT_ERROR_LINES_SHOWN) };
}

/**
 * For a level filter at `level` on `file` (search_logs, recent_logs): the note of how many of its sampled lines have no
 * level (a level filter never passes them) and, when some have none, its entries without a level that read as errors
 * by their text (findTextErrorLines, with the query's window and pattern) with a note pointing at them, so that no line
 * at level ERROR never stands for "no errors". Notes go to `notes`; `readThem` says how to see those lines. Undefined
 * when there are none, or for FATAL (no level a text is read at). Throws what the scan throws (an abort).
 */
export async function levellessTextErrors(ctx: LogsContext, file: OpenedLog, level: Level, query: TextErrorQuery, notes: string[], readThem: string): Promise<TextErrorLines | undefined> {
  const coverage = await sampledCoverage(ctx, file);
  const note = coverageNote(file.info.name, coverage);
  if (note) notes.push(note);
  if (coverage.withoutLevel === 0 || level === 'FATAL') return undefined;
  const found = await findTextErrorLines(ctx, file, query);
  if (!found) return undefined;
  const { count, shown } = textErrorWords(found);
  const matching = query.pattern ? ' matching the pattern' : '';
  notes.push(`${file.info.name}: ${count} line(s)${matching} have no level yet read as errors by their text (lines ${shown}): the level filter cannot pass them, as their level is unknown; ${readThem}`);
  return found;
}

/** `found` as a note's words: `at least 1,200 line(s) … (lines 2, 3, …` without the closing. */
export function textErrorWords(found: TextErrorLines): { count: string; shown: string } {
  const count = `${found.atLeast ? 'at least ' : ''}${found.lines.toLocaleString('en-US')}`;
  const shown = found.first.join(', ') + (found.lines > found.first.length ? ', …' : '');
  return { count, shown };
}

/**
 * The text errors of a source (a journal unit, a container) as its lines are read, for a level filter at `minLevel`
 * (ERROR or below: FATAL is no level a text is read at): its entries that the filter does not pass, whose level is not
 * the text's own (none, or only the source's default: journald gives a service's stdout lines the unit's SyslogLevel,
 * info by default, whatever they say: SourceLine.defaultLevel; a PRIORITY a program sent through syslog() is its word), inside `window` when given, whose text reads as an error.
 * As findTextErrorLines does for a file: a container that writes no levels answered "no match at level ERROR" over its
 * `failed to connect` lines, and a unit's stdout `Failed to …` lines at the journal's info did too.
 */
export class SourceTextErrors {
  private count = 0;
  private readonly first: number[] = [];

  constructor(
    private readonly minLevel: Level,
    private readonly window?: { since?: number; until?: number },
  ) {}

  /** Reads one line of the source (in order); `line.line` is its position in the read. */
  consider(line: SourceLine): void {
    if (this.minLevel === 'FATAL' || line.continuation) return;
    if (line.level !== undefined && (line.defaultLevel !== true || levelAtLeast(line.level, this.minLevel))) return;
    const { since, until } = this.window ?? {};
    if ((since !== undefined || until !== undefined) && (line.timestamp === undefined || !inWindow(line.timestamp, { since, until }))) return;
    if (!isTextError(line.message)) return;
    this.count++;
    if (this.first.length < TEXT_ERROR_LINES_SHOWN) this.first.push(line.line);
  }

  /** What was found (`atLeast` when the read did not cover the source: `partial`), or undefined when nothing. */
  result(partial = false): TextErrorLines | undefined {
    if (this.count === 0) return undefined;
    return { lines: this.count, ...(partial ? { atLeast: true } : {}), first: [...this.first] };
  }
}
