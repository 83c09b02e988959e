// error_summary over sources (journal units, containers): their error records go into the same ErrorGrouper as file
// lines, through the same masked-message tallies, and a window that holds none of a source's errors says where they are.
import type { ProgressTick } from '../../shared/progress';
import { inWindow } from '../../shared/time-rule';
import { levelsUnreadable } from '../format/coverage';
import { levelAtLeast } from '../format/levels';
import type { ErrorGrouper } from '../patterns/error-grouper';
import { MessageTallies } from '../patterns/tallies';
import { iso } from './common';
import type { LogsContext } from './context';
import { sourceLevelNote, type SourceLine } from './source-lines';
import { forEachSource, newestRecord, WINDOW_MISS_LOOKUPS, type SourceRef } from './sources';
import { SourceTextErrors, textErrorWords, type TextErrorLines } from './text-error-lines';
import { see } from './notes-for-people';

/** Newest records read from one source to find the errors a window missed. */
const OUTSIDE_RECORDS = 100_000;
/** Lines folded into tallies before they are handed to the grouper (as the scan process does per block). */
const TALLY_BATCH = 1000;

export interface SourceSummaryJob {
  level: 'ERROR' | 'FATAL';
  hours: number;
  /** Epoch ms, since inclusive, until exclusive; undefined with wholeFile. */
  window?: { since: number; until: number };
  grouper: ErrorGrouper;
  /** The caller named the source: its errors fail the call instead of becoming notes. */
  single: boolean;
  signal?: AbortSignal;
  /** Hears how far the reads are (progressTicks). */
  onProgress?: ProgressTick;
}

/** One source's entry in error_summary's `files`. */
export interface SourceEntry {
  file: string;
  source: 'journal' | 'docker';
  errors: number;
  /** Its newest record's time, when the window held none of its records. */
  newestEntry?: string;
  outsideWindow?: { errors: number; firstSeen?: string; lastSeen?: string };
  levelsUnreadable?: boolean;
  /** Its entries with no level of their own (none, or only the journal's default for a service's output) whose text reads as an error (SourceTextErrors). */
  textErrors?: TextErrorLines;
  note?: string;
}

export interface SourcesSummary {
  files: SourceEntry[];
  notes: string[];
}

/** Folds the error records of every source (in the job's window, if any) into the grouper; one entry per source read. */
export async function summariseSources(ctx: LogsContext, sources: SourceRef[], job: SourceSummaryJob): Promise<SourcesSummary> {
  const summary: SourcesSummary = { files: [], notes: [] };
  const query = { since: job.window?.since, until: job.window?.until, minLevel: job.level };
  const options = { single: job.single, signal: job.signal, notes: summary.notes, maxLineChars: 2000, onProgress: job.onProgress };
  let lookups = 0;
  await forEachSource(ctx, sources, query, options, async (source, lines, stats) => {
    const entry: SourceEntry = { file: source.name, source: source.kind, errors: 0 };
    summary.files.push(entry);
    const tallies = new MessageTallies();
    let read = 0;
    let pending = 0;
    let untimed = 0;
    let reportsAtInfo = 0;
    const textErrors = new SourceTextErrors(job.level, job.window);
    for await (const line of lines) {
      read++;
      if (line.reportAtInfo && (!job.window || (line.timestamp !== undefined && inWindow(line.timestamp, job.window)))) reportsAtInfo++;
      // As in a file, an error is its entry: the stack frames under it are not errors of their own.
      if (line.continuation) continue;
      if (!levelAtLeast(line.level, job.level)) {
        textErrors.consider(line);
        continue;
      }
      if (job.window && (line.timestamp === undefined || !inWindow(line.timestamp, job.window))) {
        if (line.timestamp === undefined) untimed++;
        continue;
      }
      tallies.add(line);
      entry.errors++;
      if (++pending >= TALLY_BATCH) {
        job.grouper.addTallies(source.name, tallies.drain());
        pending = 0;
      }
    }
    job.grouper.addTallies(source.name, tallies.drain());
    // The window is pushed down to the source: none of its records there reads as "0 errors" as well, so say so.
    if (job.window && read === 0) await noteEmptyWindow(ctx, source, entry, job, ++lookups <= WINDOW_MISS_LOOKUPS);
    if (levelsUnreadable(stats)) entry.levelsUnreadable = true;
    const note = sourceLevelNote(source.name, stats);
    if (note) summary.notes.push(note);
    if (untimed > 0) summary.notes.push(`${source.name}: ${untimed} error entr(ies) without a time were not counted (wholeFile counts them)`);
    if (reportsAtInfo > 0) summary.notes.push(reportsAtInfoNote(source.name, reportsAtInfo, job.window !== undefined));
    const found = textErrors.result();
    if (found) {
      entry.textErrors = found;
      const { count, shown } = textErrorWords(found);
      summary.notes.push(
        `${source.name}: ${count} record(s) with no level of their own (none, or only the journal's default for a service's output) read as errors by their text (records ${shown} of those read${job.window ? `, in the last ${job.hours} h` : ''}); not counted in totalErrors, as their level is unknown${see('files[].textErrors')}`,
      );
    }
  });
  return summary;
}

/**
 * The note for exceptions' reports that INFO entries carry in a file or source (`count` of them; `windowed`: counted
 * in the window): no errors (continuation.ts inheritedLevel), but a person asking what goes wrong should know the log
 * holds exceptions' stacks, so they are said, never dropped silently. Nor is the rule's reading said as a fact: a report
 * a logger wrote with its INFO entry (`log.info("…", e)`, `exc_info=True`) and one a program printed on its own right
 * below it (`e.printStackTrace()`, `traceback.print_exc()`, an error by intent) look alike where nothing marks the
 * stream (a container's json-file does: continuation.ts entryAbove), so the note names both.
 */
export function reportsAtInfoNote(name: string, count: number, windowed: boolean): string {
  return (
    `${name}: ${count} exception report(s) (a stack trace or traceback) right under INFO entries${windowed ? ' in the window' : ''} are not counted as errors: ` +
    `read as logged with those entries (log.info("…", e), exc_info=True, a traceback opened on the logger's own line), which this log cannot tell from one printed on its own (e.printStackTrace(), traceback.print_exc()); ` +
    `search_logs for the exception's name shows them`
  );
}

/**
 * When the window held no error anywhere: reads each source's error records whatever their time (its newest
 * OUTSIDE_RECORDS) and says how many there are and between which dates, so a window never reads as "no errors".
 */
export async function findSourceErrorsOutside(ctx: LogsContext, sources: SourceRef[], summary: SourcesSummary, job: SourceSummaryJob): Promise<void> {
  const entries = new Map(summary.files.map((e) => [e.file, e]));
  const read = sources.filter((s) => entries.has(s.name));
  const options = { single: false, signal: job.signal, notes: summary.notes, maxLineChars: 200, onProgress: job.onProgress };
  await forEachSource(ctx, read, { minLevel: job.level, tail: OUTSIDE_RECORDS }, options, async (source, lines) => {
    const outside = { errors: 0, firstSeen: undefined as number | undefined, lastSeen: undefined as number | undefined };
    let read = 0;
    for await (const line of lines) {
      read++;
      countOutside(outside, line, job.level);
    }
    const entry = entries.get(source.name);
    if (!entry || outside.errors === 0) return;
    entry.outsideWindow = { errors: outside.errors, firstSeen: iso(outside.firstSeen), lastSeen: iso(outside.lastSeen) };
    const span = outside.firstSeen !== undefined && outside.lastSeen !== undefined ? ` between ${iso(outside.firstSeen)} and ${iso(outside.lastSeen)}` : '';
    // After "no entries at all in the last N h", "no errors" there goes without saying.
    const note = `${entry.note ? '' : `no errors in the last ${job.hours} h; `}${outside.errors.toLocaleString('en-US')} error entr(ies)${span}${read >= OUTSIDE_RECORDS ? ` in its newest ${OUTSIDE_RECORDS.toLocaleString('en-US')} entries (older ones were not read)` : ''}: use wholeFile: true (or a larger hours) to summarise them`;
    entry.note = entry.note ? `${entry.note}; ${note}` : note;
  });
}

/**
 * Marks a source whose window held none of its records: no entries there (not only no errors), and, when `lookUp`,
 * its newest entry's time (one more read of the source).
 */
async function noteEmptyWindow(ctx: LogsContext, source: SourceRef, entry: SourceEntry, job: SourceSummaryJob, lookUp: boolean): Promise<void> {
  const newest = lookUp ? await newestRecord(ctx, source, job.signal) : undefined;
  if (newest?.time !== undefined) entry.newestEntry = iso(newest.time);
  const where = entry.newestEntry ? `: its newest entry is at ${entry.newestEntry}` : lookUp && !newest ? ': it has no entries at all' : '';
  entry.note = `no entries at all in the last ${job.hours} h${where}`;
}

function countOutside(outside: { errors: number; firstSeen?: number; lastSeen?: number }, line: SourceLine, level: 'ERROR' | 'FATAL'): void {
  if (line.continuation || !levelAtLeast(line.level, level)) return;
  outside.errors++;
  if (line.timestamp === undefined) return;
  if (outside.firstSeen === undefined || line.timestamp < outside.firstSeen) outside.firstSeen = line.timestamp;
  if (outside.lastSeen === undefined || line.timestamp > outside.lastSeen) outside.lastSeen = line.timestamp;
}
