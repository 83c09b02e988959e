// error_summary: ERROR and FATAL lines of the last N hours, grouped by message template, with counts and examples.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import { progressReporter, throwIfAborted } from '../../shared/progress';
import { closeQuietly, targetOf, type LogsContext } from './context';
import type { OpenedLog } from '../files/log-files';
import { UnreadableError } from '../io/chunks';
import { ERROR_WORDS_PATTERN, levelsAreWords } from '../format/prefilter';
import { headLines } from '../io/head';
import { ErrorGrouper } from '../patterns/error-grouper';
import { lastLinesOfGzip, readBackwards } from '../io/tail';
import { fitToBudget, iso, READ_ONLY } from './common';
import { LEVELS } from '../format/types';

const inputSchema = z.object({
  file: z.string().max(1024).optional().describe('log file name as listed in logs://files; omit to summarise all log files'),
  hours: z.number().min(0.01).max(24 * 366).default(24).describe('window: the last N hours before now'),
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

/** Timestamp of the newest line that has one (looking at most at the last 256 KiB / 200 lines). */
async function newestEntry(ctx: LogsContext, file: OpenedLog): Promise<number | undefined> {
  const parser = await ctx.parserOf(file);
  let found: number | undefined;
  const look = (text: string) => {
    const t = parser.parse(text).timestamp;
    if (t !== undefined) found = t;
    return t === undefined;
  };
  if (file.info.gzip) {
    const lines = await lastLinesOfGzip(file.handle.fd, 200);
    for (let i = lines.length - 1; i >= 0 && look(lines[i]); i--);
  } else {
    let seen = 0;
    await readBackwards(file.handle, file.stats.size, { onLine: (text) => look(text) && ++seen < 200, maxBytes: 256 * 1024 });
  }
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
      const since = until - args.hours * 3_600_000;
      const listed = args.file !== undefined ? undefined : (await ctx.listFiles()).files;
      if (listed && listed.length === 0) throw new UserFacingError(`no log files found in ${ctx.dirs.map((d) => d.path).join(', ') || '(no log directories configured: set LOG_DIRS)'}`);
      const names = args.file !== undefined ? [args.file] : listed!.map((f) => f.name);
      const totalBytes = listed ? listed.reduce((s, f) => s + f.size, 0) : undefined;
      const report = progressReporter(extra, totalBytes);
      const grouper = new ErrorGrouper();
      const files: Output['files'] = [];
      const notes: string[] = [];
      let done = 0;
      let lastReport = 0;
      for (const name of names) {
        throwIfAborted(extra.signal);
        let file: OpenedLog;
        try {
          file = await ctx.open(name);
        } catch (error) {
          if (args.file !== undefined || !(error instanceof UserFacingError)) throw error;
          notes.push(`skipped ${name}: ${error.message}`);
          continue;
        }
        try {
          const entry: Output['files'][number] = { file: file.info.name, errors: 0 };
          files.push(entry);
          // Files not written since the window opened hold no line inside it (mtime is the last write).
          const newest = file.stats.mtimeMs < since ? undefined : await newestEntry(ctx, file);
          if (newest !== undefined) entry.newestEntry = iso(newest);
          if (file.stats.mtimeMs < since || (newest !== undefined && newest < since)) {
            const last = newest ?? file.stats.mtimeMs;
            entry.note = `newest entry (${iso(last)}) is older than the ${args.hours} h window: no errors counted; raise hours to include it`;
            done += file.stats.size;
            continue;
          }
          const parser = await ctx.parserOf(file);
          const words = levelsAreWords(await headLines(file.handle.fd, file.info.gzip), parser);
          const before = grouper.total;
          const result = await ctx.scans.scanFile(
            targetOf(file),
            {
              pattern: words ? { source: ERROR_WORDS_PATTERN, literal: false, caseSensitive: false } : undefined,
              minLevel: args.level,
              since,
              until,
              before: 0,
              after: 0,
              limit: 1,
              order: 'oldest',
              maxLineChars: 2000,
            },
            {
              ripgrep: ctx.ripgrep,
              signal: extra.signal,
              onTallies: (tallies) => grouper.addTallies(file.info.name, tallies),
              onProgress: (bytes) => {
                const now = Date.now();
                if (now - lastReport > 200) {
                  lastReport = now;
                  void report(done + bytes, `summarising ${file.info.name}`);
                }
              },
            },
          );
          entry.errors = grouper.total - before;
          if (newest === undefined) entry.note = 'no timestamps found at the end of this file: lines without a time are not counted';
          if (result.untimed > 0) notes.push(`${file.info.name}: ${result.untimed} error line(s) without a readable timestamp were not counted`);
          done += file.stats.size;
        } catch (error) {
          if (args.file !== undefined || !(error instanceof UnreadableError)) throw error;
          notes.push(`skipped ${file.info.name}: ${error.message}`);
        } finally {
          await closeQuietly(file.handle);
        }
      }
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
      let truncated = all.length > groups.length;
      if (grouper.capped) notes.push('too many distinct messages: some were put into their closest group');
      const build = (): Output => ({
        window: { since: iso(since)!, until: iso(until)!, hours: args.hours },
        totalErrors: grouper.total,
        groupCount: all.length,
        groups,
        truncated,
        files,
        notes,
      });
      if (fitToBudget(groups, build)) truncated = true;
      if (grouper.total === 0) notes.push(`no ${args.level === 'FATAL' ? 'FATAL' : 'ERROR or FATAL'} lines in the last ${args.hours} h`);
      void report(done);
      return toolResult(build());
    }),
  );
}
