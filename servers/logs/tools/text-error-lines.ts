// The entries of one file that have no level yet read as errors by their text (format/text-errors.ts): `Out of memory:
// Killed process …` in kern.log, where the kernel writes no level column, or a program's unleveled `Failed to …` lines
// among its leveled ones. A level filter can never pass them, so error_summary (0 errors) and search_logs (no match at
// level ERROR) name them apart, as a pointer with line numbers: never counted as errors, for their level is unknown.
import { compilePattern } from '../search/dialect';
import type { PatternSpec, ScanRequest } from '../search/types';
import { isTextError, TEXT_ERROR_CANDIDATES } from '../format/text-errors';
import type { OpenedLog } from '../files/log-files';
import { targetOf, type LogsContext } from './context';

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
  };
  const also = query.pattern ? compilePattern(query.pattern).line : undefined;
  const result = await ctx.scans.scanFile(targetOf(file), request, { ripgrep: ctx.ripgrep, signal: query.signal });
  const lines = result.matches.filter((m) => m.level === undefined && isTextError(m.text) && (also === undefined || also.test(m.text))).map((m) => m.line);
  if (lines.length === 0) return undefined;
  const atLeast = result.totalMatches > result.matches.length;
  return { lines: lines.length, ...(atLeast ? { atLeast } : {}), first: lines.slice(0, TEXT_ERROR_LINES_SHOWN) };
}

/** `found` as a note's words: `at least 1,200 line(s) … (lines 2, 3, …` without the closing. */
export function textErrorWords(found: TextErrorLines): { count: string; shown: string } {
  const count = `${found.atLeast ? 'at least ' : ''}${found.lines.toLocaleString('en-US')}`;
  const shown = found.first.join(', ') + (found.lines > found.first.length ? ', …' : '');
  return { count, shown };
}
