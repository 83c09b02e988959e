// recent_logs of a source: its newest records (journalctl -n, docker logs --tail), optionally at or above a level,
// container lines with their stream (stdout/stderr) apart.
import type { ProgressTick } from '../../shared/progress';
import { UserFacingError } from '../../shared/tool-result';
import { levelAtLeast } from '../format/levels';
import type { Level } from '../format/types';
import type { LogsContext } from './context';
import { sourceLevelNote } from './source-lines';
import { forEachSource, type SourceRef } from './sources';

/** With a level filter, how many of the newest records are searched for matching ones. */
const MAX_LEVEL_SCAN_RECORDS = 20_000;
const MAX_LINE_CHARS = 1000;

export interface Line {
  text: string;
  level?: Level;
  timestamp?: number;
  stream?: 'stdout' | 'stderr';
}

export interface Recent {
  /** Kept lines, the newest first. */
  newestFirst: Line[];
  /** No earlier lines (matching lines) exist than those read. */
  exhausted: boolean;
  notes: string[];
}

export interface SourceRecent extends Recent {
  source: SourceRef;
  format: string;
  /** Epoch ms of the newest line read. */
  newest?: number;
}

export interface RecentArgs {
  file?: string;
  lines: number;
  level?: Level;
}

/**
 * The newest `args.lines` lines of the source (the named one, or of several the one whose newest line is newest).
 * Throws UserFacingError when the source cannot be read.
 */
export async function recentOfSource(ctx: LogsContext, sources: SourceRef[], args: RecentArgs, signal?: AbortSignal, onProgress?: ProgressTick): Promise<SourceRecent> {
  const notes: string[] = [];
  const source = sources.length === 1 ? sources[0] : await newestSource(ctx, sources, notes, signal);
  // One record more than asked tells whether the source has earlier ones.
  const tail = args.level ? MAX_LEVEL_SCAN_RECORDS : args.lines + 1;
  let result: SourceRecent | undefined;
  await forEachSource(ctx, [source], { tail, minLevel: args.level }, { single: true, signal, notes, maxLineChars: MAX_LINE_CHARS, onProgress }, async (_, lines, stats) => {
    const kept: Line[] = [];
    let read = 0;
    let newest: number | undefined;
    for await (const line of lines) {
      read++;
      if (line.timestamp !== undefined) newest = line.timestamp;
      if (args.level && !levelAtLeast(line.level, args.level)) continue;
      kept.push({ text: line.text, level: line.level, timestamp: line.timestamp, stream: line.stream });
      if (kept.length > args.lines) kept.shift();
    }
    // A read that returned all it asked for may have left earlier records; without a level, the extra one says so.
    const exhausted = args.level ? read < tail : read <= args.lines;
    if (args.level) {
      const note = sourceLevelNote(source.name, stats);
      if (note) notes.push(note);
      if (!exhausted && kept.length < args.lines) notes.push(`only the newest ${tail} records were searched for the level`);
    }
    result = { source, format: stats.format ?? source.kind, newestFirst: kept.reverse(), exhausted, notes, ...(newest !== undefined ? { newest } : {}) };
  });
  if (!result) throw new UserFacingError(`${source.name}: ${notes.join('; ') || 'could not be read'}`);
  return result;
}

/** Of several sources, the one whose newest record is newest (each read for its last record only). */
async function newestSource(ctx: LogsContext, sources: SourceRef[], notes: string[], signal?: AbortSignal): Promise<SourceRef> {
  let best: { source: SourceRef; time: number } | undefined;
  await forEachSource(ctx, sources, { tail: 1 }, { single: false, signal, notes, maxLineChars: 100 }, async (source, lines) => {
    for await (const line of lines) if (line.timestamp !== undefined && (!best || line.timestamp > best.time)) best = { source, time: line.timestamp };
  });
  if (!best) throw new UserFacingError(`none of ${sources.map((s) => s.name).join(', ')} has a line to show${notes.length ? ` (${notes.join('; ')})` : ''}`);
  if (sources.length > 1) notes.push(`showing ${best.source.name}, written to last of ${sources.length} sources; name another in file`);
  return best.source;
}
