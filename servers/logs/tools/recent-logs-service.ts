// recent_logs with `service`: the last records of one service in files of record batches (an OpenTelemetry collector's
// file export, a CloudTrail file), which hold many services' records interleaved; a file's tail is no service's.
import type { Level } from '../format/types';
import type { ScanRequest } from '../search/types';
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import { forEachLogFile, iso } from './common';
import { targetOf, type LogsContext } from './context';
import type { Recent } from './recent-logs-sources';
import { recordFilesOnly } from './sources';

export interface ServiceRecent extends Recent {
  file: string;
  format: string;
  sizeBytes: number;
  modified: string;
}

/**
 * The last `lines` records of `service` (at or above `level`), newest first, from the first of `files` (most recently
 * written first; a named one alone) that holds any; the scan process reads them (ScanRequest.service). With none
 * anywhere, the first file of record batches is answered with no lines and a note saying so. Throws UserFacingError
 * when no file of record batches is there (or a named file is not one).
 */
export async function recentOfService(
  ctx: LogsContext,
  files: string[],
  args: { service: string; file?: string; lines: number; level?: Level },
  maxLineChars: number,
  signal?: AbortSignal,
): Promise<ServiceRecent> {
  const notes: string[] = [];
  const service = recordFilesOnly(args, notes);
  const request: ScanRequest = { service: args.service, minLevel: args.level, before: 0, after: 0, limit: args.lines, order: 'newest', maxLineChars };
  let found: ServiceRecent | undefined;
  let first: ServiceRecent | undefined;
  await forEachLogFile(ctx, files, { single: args.file !== undefined, signal, notes }, async (file) => {
    if (!service.reads(file)) return true;
    const result = await ctx.scans.scanFile(targetOf(file), request, { ripgrep: ctx.ripgrep, signal, fileIndex: (await ctx.parserOf(file)).fileIndex });
    const recent: ServiceRecent = {
      file: file.info.name,
      format: result.formatId ?? 'unknown',
      sizeBytes: file.stats.size,
      modified: iso(file.stats.mtimeMs)!,
      newestFirst: result.matches.map((m) => ({ text: m.text, ...(m.level ? { level: m.level } : {}), ...(m.timestamp !== undefined ? { timestamp: m.timestamp } : {}) })),
      exhausted: result.complete && result.totalMatches <= args.lines,
      notes,
    };
    first ??= recent;
    if (result.totalMatches === 0) return true;
    found = recent;
    return false;
  });
  service.done();
  const shown = sanitizeLine(args.service, 256);
  if (found) return found;
  if (first) {
    notes.push(`no record of service ${shown}${args.level ? ` at ${args.level} or above` : ''} in the files of record batches read (logs://files lists each one's services)`);
    return first;
  }
  throw new UserFacingError(`no file of record batches (an OpenTelemetry collector's file export, a CloudTrail file) is here to hold service ${shown}: the other log files' lines name no service`);
}
