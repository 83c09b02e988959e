// error_summary: ERROR and FATAL lines of the last N hours, grouped by message template, with counts and examples.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { fitToBudget } from '../../shared/output-budget';
import { progressReporter, throttleProgress, type HandlerExtra } from '../../shared/progress';
import { guarded, toolResult } from '../../shared/tool-result';
import type { OpenedLog } from '../files/log-files';
import { ERROR_WORDS_PATTERN, levelsAreWords } from '../format/prefilter';
import { LEVELS } from '../format/types';
import { headLines } from '../io/head';
import { readLinesBackwards } from '../io/tail';
import { ErrorGrouper } from '../patterns/error-grouper';
import type { ScanRequest } from '../search/types';
import { chooseFiles, forEachLogFile, iso } from './common';
import { targetOf, type LogsContext } from './context';

const inputSchema = z.object({
  file: z.string().max(1024).optional().describe('log file name as listed in logs://files; omit to summarise all log files'),
  hours: z.number().min(0.01).max(24 * 366).default(24).describe('window: the last N hours before now (a line exactly N hours old is counted, as every since is inclusive)'),
  level: z.enum(['ERROR', 'FATAL']).default('ERROR').describe('minimum level counted as an error'),
  limit: z.number().int().min(1).max(100).default(20).describe('most groups to return, largest first'),
});

const groupSchema = z.object({
  template: z.string().describe('message template, variable parts written <*>'),
  count: z.number(),
  levels: z.array(z.enum(LEVELS)),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  files: z.array(z.string()),
  messages: z.array(z.object({ message: z.string(), count: z.number() })).describe('most frequent masked messages (numbers, ids, IPs, paths masked)'),
  examples: z.array(z.object({ file: z.string(), line: z.number(), text: z.string() })),
});

const outputSchema = z.object({
  window: z.object({ since: z.string(), until: z.string(), hours: z.number() }),
  totalErrors: z.number(),
  groupCount: z.number(),
  groups: z.array(groupSchema),
  truncated: z.boolean().describe('more groups exist than returned'),
  files: z.array(
    z.object({
      file: z.string(),
      errors: z.number(),
      newestEntry: z.string().optional().describe('timestamp of the newest line in the file'),
      note: z.string().optional(),
    }),
  ),
  notes: z.array(z.string()),
});

type Output = z.infer<typeof outputSchema>;
type SummaryArgs = z.infer<typeof inputSchema>;
type FileEntry = Output['files'][number];
/** The window in epoch ms: `since` inclusive, `until` (the time of the call) exclusive. */
interface Window {
  since: number;
  until: number;
}

/** Timestamp of the newest line that has one (looking at most at the last 256 KiB / 200 lines). */
async function newestEntry(ctx: LogsContext, file: OpenedLog): Promise<number | undefined> {
  const parser = await ctx.parserOf(file);
  let found: number | undefined;
  const look = (text: string) => {
    const t = parser.parse(text).timestamp;
    if (t !== undefined) found = t;
    return t === undefined;
  };
  let seen = 0;
  const tail = { handle: file.handle, gzip: file.info.gzip, size: file.stats.size };
  await readLinesBackwards(tail, { onLine: (text) => look(text) && ++seen < 200, gzipLines: 200, maxBytes: 256 * 1024 });
  return found;
}

export function registerErrorSummary(server: McpServer, ctx: LogsContext): void {
  server.registerTool(
    'error_summary',
    {
      title: 'Error summary',
      description:
        'Summarises ERROR and FATAL lines of the last N hours (default 24), grouped by message template with numbers, ids, ' +
        'UUIDs, IPs and paths masked: count, first/last seen, levels, files and example lines, largest groups first. ' +
        'Use it first when asked what is going wrong, why something fails, or for an error overview; then search_logs for details. ' +
        'Covers all log files unless `file` is given. Says so when a file has no entries inside the window.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      const until = Date.now();
      const window: Window = { since: until - args.hours * 3_600_000, until };
      const { names, totalBytes } = await chooseFiles(ctx, args.file);
      const grouper = new ErrorGrouper();
      const { files, notes } = await summariseFiles(ctx, names, args, window, grouper, extra, totalBytes);
      return toolResult(summaryOutput(grouper, files, notes, args, window));
    }),
  );
}

/** Folds the error lines of every file into `grouper`; progress in bytes of `totalBytes`. One entry per opened file. */
async function summariseFiles(ctx: LogsContext, names: string[], args: SummaryArgs, window: Window, grouper: ErrorGrouper, extra: HandlerExtra, totalBytes: number | undefined): Promise<{ files: FileEntry[]; notes: string[] }> {
  const files: FileEntry[] = [];
  const notes: string[] = [];
  const report = progressReporter(extra, totalBytes);
  const progress = throttleProgress(report);
  let done = 0;
  await forEachLogFile(ctx, names, { single: args.file !== undefined, signal: extra.signal, notes }, async (file) => {
    const entry: FileEntry = { file: file.info.name, errors: 0 };
    files.push(entry);
    const onProgress = (bytes: number) => progress(done + bytes, `summarising ${file.info.name}`);
    await summariseFile(ctx, file, entry, { args, window, grouper, notes, onProgress, signal: extra.signal });
    done += file.stats.size;
  });
  void report(done);
  return { files, notes };
}

interface FileJob {
  args: SummaryArgs;
  window: Window;
  grouper: ErrorGrouper;
  notes: string[];
  onProgress: (bytes: number) => void;
  signal?: AbortSignal;
}

/** One file: skipped with a note when its newest entry is older than the window, else scanned for error lines. */
async function summariseFile(ctx: LogsContext, file: OpenedLog, entry: FileEntry, job: FileJob): Promise<void> {
  const { since } = job.window;
  // Files not written since the window opened hold no line inside it (mtime is the last write).
  const newest = file.stats.mtimeMs < since ? undefined : await newestEntry(ctx, file);
  if (newest !== undefined) entry.newestEntry = iso(newest);
  if (file.stats.mtimeMs < since || (newest !== undefined && newest < since)) {
    const last = newest ?? file.stats.mtimeMs;
    entry.note = `newest entry (${iso(last)}) is older than the ${job.args.hours} h window: no errors counted; raise hours to include it`;
    return;
  }
  const before = job.grouper.total;
  const result = await ctx.scans.scanFile(targetOf(file), await errorScanRequest(ctx, file, job), {
    ripgrep: ctx.ripgrep,
    signal: job.signal,
    onTallies: (tallies) => job.grouper.addTallies(file.info.name, tallies),
    onProgress: job.onProgress,
  });
  entry.errors = job.grouper.total - before;
  if (newest === undefined) entry.note = 'no timestamps found at the end of this file: lines without a time are not counted';
  if (result.untimed > 0) job.notes.push(`${file.info.name}: ${result.untimed} error line(s) without a readable timestamp were not counted`);
}

/** Error lines of the window; when the file spells its levels as words, only lines holding an error word are read. */
async function errorScanRequest(ctx: LogsContext, file: OpenedLog, job: FileJob): Promise<ScanRequest> {
  const words = levelsAreWords(await headLines(file.handle.fd, file.info.gzip), await ctx.parserOf(file));
  return {
    pattern: words ? { source: ERROR_WORDS_PATTERN, literal: false, caseSensitive: false } : undefined,
    minLevel: job.args.level,
    since: job.window.since,
    until: job.window.until,
    before: 0,
    after: 0,
    limit: 1,
    order: 'oldest',
    maxLineChars: 2000,
  };
}

/** The tool's answer: the largest groups first, cut to `limit` and to the shared byte budget. */
function summaryOutput(grouper: ErrorGrouper, files: FileEntry[], notes: string[], args: SummaryArgs, window: Window): Output {
  const all = grouper.sorted();
  const groups = all.slice(0, args.limit).map((g) => ({
    template: g.template,
    count: g.count,
    levels: g.levels,
    ...(g.firstSeen !== undefined ? { firstSeen: iso(g.firstSeen) } : {}),
    ...(g.lastSeen !== undefined ? { lastSeen: iso(g.lastSeen) } : {}),
    files: g.files,
    messages: g.messages,
    examples: g.examples,
  }));
  if (grouper.capped) notes.push('too many distinct messages: some were put into their closest group');
  const truncated = all.length > groups.length;
  const fitted = fitToBudget(groups, (kept): Output => ({
    window: { since: iso(window.since)!, until: iso(window.until)!, hours: args.hours },
    totalErrors: grouper.total,
    groupCount: all.length,
    groups: [...kept],
    truncated,
    files,
    notes,
  }));
  if (grouper.total === 0) notes.push(`no ${args.level === 'FATAL' ? 'FATAL' : 'ERROR or FATAL'} lines in the last ${args.hours} h`);
  return { ...fitted.value, truncated: truncated || fitted.cut };
}
