// error_summary from the logs server: its count for the Log Files tree, and its Markdown for the chat.
import type { McpHub } from '../mcp/types';
import { errorSummaryOutput, type ErrorSummary } from './error-summary-items';

export const LOGS_SERVER_NAME = 'logs';

/** `wholeFile`: every error line of the file, whatever its age (no window); else the last `hours` (default 24). */
export async function callErrorSummary(hub: McpHub, file: string, options: { hours?: number; wholeFile?: boolean; signal?: AbortSignal } = {}): Promise<ErrorSummary> {
  const args = { file, ...(options.wholeFile ? { wholeFile: true } : options.hours ? { hours: options.hours } : {}) };
  const outcome = await hub.callTool(LOGS_SERVER_NAME, 'error_summary', args, { signal: options.signal, timeoutMs: 60_000 });
  if (outcome.isError) throw new Error(outcome.text);
  const parsed = errorSummaryOutput.safeParse(outcome.structuredContent);
  if (!parsed.success) throw new Error(`error_summary returned an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** What the Log Files tree shows for one file or source: its error count, and whether that count can be trusted. */
export interface ErrorCount {
  /** Errors in the last 24 hours (error_summary's default window). */
  errors: number;
  /** True when the log levels of (part of) it could not be read: then 0 errors does not mean there were none. */
  levelsUnreadable: boolean;
  /**
   * True when its newest entry is dated after the window's end (now): the clock of whatever writes it runs ahead, or its
   * times are read in the wrong zone, so its latest entries fall outside "the last 24 hours" and the count misses them.
   */
  datedAhead: boolean;
  /**
   * True when its newest entry is dated before the window's start though the file was written since (a copy, a
   * checkout or an unpacked bundle of old logs): none of its entries is recent, so its 0 says nothing about it.
   */
  datedBehind: boolean;
}

/** How far past the window's end a newest entry may lie and still be "now" (clocks a little apart), in ms. */
const AHEAD_SLACK_MS = 2 * 60_000;

/** Errors in the last 24 hours (error_summary's default window), with whether its levels could be read. */
export async function errorCountFor(hub: McpHub, file: string): Promise<ErrorCount> {
  const summary = await callErrorSummary(hub, file, { hours: 24 });
  // A zero over nothing read, or beside lines whose text reads as an error without a level, is not "0 errors".
  const uncounted = summary.files.length === 0 || summary.files.some((f) => f.levelsUnreadable === true || f.textCut === true || f.textErrors !== undefined);
  // break30: a log whose clock ran a year ahead showed "0 errors" beside ten ERROR entries dated after now.
  const until = summary.window ? Date.parse(summary.window.until) : NaN;
  const datedAhead = summary.files.some((f) => f.newestEntry !== undefined && Date.parse(f.newestEntry) > until + AHEAD_SLACK_MS);
  // break38: a repository's sample logs, checked out today, were "0 errors" beside ERROR entries of two years ago.
  const since = summary.window ? Date.parse(summary.window.since) : NaN;
  const datedBehind = summary.files.length > 0 && summary.files.every((f) => f.newestEntry !== undefined && Date.parse(f.newestEntry) < since);
  return { errors: summary.totalErrors, levelsUnreadable: uncounted, datedAhead, datedBehind };
}
