// search_logs: lines matching a literal or regex in one log file or all of them, with level, time and context filters.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import { progressReporter, throwIfAborted } from '../../shared/progress';
import { closeQuietly, targetOf, type LogsContext } from './context';
import type { OpenedLog } from '../files/log-files';
import { UnreadableError } from '../io/chunks';
import type { ScanMatch, ScanRequest } from '../search/types';
import { fitToBudget, iso, levelSchema, parseTimeInput, READ_ONLY, timeDescription } from './common';

const MAX_LINE_CHARS = 1000;

const inputSchema = z.object({
  pattern: z.string().max(1000).optional().describe('text to find (literal unless regex is true); omit to match every line (then filter by level/time)'),
  regex: z.boolean().default(false).describe('treat pattern as a JavaScript regular expression'),
  caseSensitive: z.boolean().default(false),
  file: z.string().max(1024).optional().describe('log file name as listed in logs://files; omit to search all log files'),
  level: levelSchema.optional().describe('minimum level: WARN returns WARN, ERROR and FATAL lines'),
  since: z.string().max(64).optional().describe(`only lines at or after this time: ${'ISO 8601 or an age like "2h"'}`),
  until: z.string().max(64).optional().describe(`only lines at or before this time: ${timeDescription}`),
  before: z.number().int().min(0).max(20).default(0).describe('context lines before each match'),
  after: z.number().int().min(0).max(20).default(0).describe('context lines after each match'),
  limit: z.number().int().min(1).max(500).default(50).describe('most matches to return'),
  order: z.enum(['newest', 'oldest']).default('newest').describe('newest-first (default) or oldest-first'),
});

const matchSchema = z.object({
  file: z.string(),
  line: z.number().describe('1-based line number in the file (decompressed for .gz)'),
  text: z.string(),
  level: levelSchema.optional(),
  timestamp: z.string().optional(),
  before: z.array(z.string()).optional(),
  after: z.array(z.string()).optional(),
});

const outputSchema = z.object({
  matches: z.array(matchSchema),
  returned: z.number(),
  totalMatches: z.number().describe('matching lines seen; a lower bound when truncated'),
  truncated: z.boolean().describe('more matches exist than returned (limit, output size, or files not searched)'),
  files: z.array(z.object({ file: z.string(), engine: z.enum(['ripgrep', 'node']), matches: z.number(), complete: z.boolean(), format: z.string().optional() })),
  notes: z.array(z.string()),
});

export type SearchOutput = z.infer<typeof outputSchema>;

export function validatePattern(pattern: string, regex: boolean, caseSensitive: boolean): void {
  if (!regex) return;
  try {
    new RegExp(pattern, caseSensitive ? 'm' : 'mi');
  } catch (error) {
    throw new UserFacingError(`invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerSearchLogs(server: McpServer, ctx: LogsContext): void {
  server.registerTool(
    'search_logs',
    {
      title: 'Search logs',
      description:
        'Find lines in the log files matching a literal text or a regular expression, optionally only at or above a level ' +
        '(e.g. ERROR), inside a time window, with context lines. Use it to look up a specific error, request id, host or ' +
        'message; newest matches first by default. Searches all log files unless `file` is given (see logs://files). ' +
        'For an overview of what went wrong use error_summary instead.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      const pattern = args.pattern && args.pattern.length > 0 ? args.pattern : undefined;
      if (pattern) validatePattern(pattern, args.regex, args.caseSensitive);
      const since = parseTimeInput(args.since, 'since');
      const until = parseTimeInput(args.until, 'until');
      if (since !== undefined && until !== undefined && since > until) throw new UserFacingError('since is after until');
      const request: ScanRequest = {
        pattern: pattern ? { source: pattern, literal: !args.regex, caseSensitive: args.caseSensitive } : undefined,
        minLevel: args.level,
        since,
        until,
        before: args.before,
        after: args.after,
        limit: args.limit,
        order: args.order,
        maxLineChars: MAX_LINE_CHARS,
      };
      const listed = args.file !== undefined ? undefined : (await ctx.listFiles()).files;
      if (listed && listed.length === 0) throw new UserFacingError(`no log files found in ${ctx.dirs.map((d) => d.path).join(', ') || '(no log directories configured: set LOG_DIRS)'}`);
      // Newest files first for newest-first order; rotated files (x.log.1, x.log.2.gz) are older.
      const names = args.file !== undefined ? [args.file] : [...listed!].sort((a, b) => (args.order === 'newest' ? b.mtimeMs - a.mtimeMs : a.mtimeMs - b.mtimeMs)).map((f) => f.name);
      const totalBytes = listed ? listed.reduce((sum, f) => sum + f.size, 0) : undefined;
      const report = progressReporter(extra, totalBytes);
      let doneBytes = 0;
      let lastReport = 0;
      const all: (ScanMatch & { file: string })[] = [];
      const files: SearchOutput['files'] = [];
      const notes: string[] = [];
      let totalMatches = 0;
      let truncated = false;
      for (let i = 0; i < names.length; i++) {
        throwIfAborted(extra.signal);
        if (all.length >= args.limit) {
          truncated = true;
          notes.push(`stopped before ${names.length - i} more file(s): limit reached`);
          break;
        }
        let file: OpenedLog;
        try {
          file = await ctx.open(names[i]);
        } catch (error) {
          if (args.file !== undefined || !(error instanceof UserFacingError)) throw error;
          notes.push(`skipped ${names[i]}: ${error.message}`);
          continue;
        }
        try {
          const result = await ctx.scans.scanFile(targetOf(file), { ...request, limit: args.limit - all.length }, {
            ripgrep: ctx.ripgrep,
            signal: extra.signal,
            onProgress: (bytes) => {
              const now = Date.now();
              if (now - lastReport > 200) {
                lastReport = now;
                void report(doneBytes + bytes, `searching ${file.info.name}`);
              }
            },
          });
          doneBytes += file.stats.size;
          totalMatches += result.totalMatches;
          if (!result.complete) truncated = true;
          if (result.untimed > 0) notes.push(`${file.info.name}: ${result.untimed} matching line(s) without a readable timestamp were left out by the time filter`);
          files.push({ file: file.info.name, engine: result.engine, matches: result.totalMatches, complete: result.complete, format: result.formatId });
          for (const m of result.matches) all.push({ ...m, file: file.info.name });
        } catch (error) {
          if (args.file !== undefined || !(error instanceof UnreadableError)) throw error;
          notes.push(`skipped ${file.info.name}: ${error.message}`);
        } finally {
          await closeQuietly(file.handle);
        }
      }
        if (totalMatches > all.length) truncated = true;
        void report(doneBytes);
        const matches = all.slice(0, args.limit).map((m) => ({
          file: m.file,
          line: m.line,
          text: m.text,
          ...(m.level ? { level: m.level } : {}),
          ...(m.timestamp !== undefined ? { timestamp: iso(m.timestamp) } : {}),
          ...(m.before ? { before: m.before } : {}),
          ...(m.after ? { after: m.after } : {}),
        }));
        const build = (): SearchOutput => ({ matches, returned: matches.length, totalMatches, truncated, files, notes });
        if (fitToBudget(matches, build)) {
          truncated = true;
          notes.push('output cut to stay within the size budget: narrow the search or lower limit/context');
        }
        if (totalMatches === 0 && pattern && !args.regex && /[\\^$|()[\]*+?]/.test(pattern)) notes.push('the pattern was searched as literal text; set regex: true to use it as a regular expression');
        return toolResult(build());
    }),
  );
}
