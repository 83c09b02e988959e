// recent_logs: the last N lines of a log file (read backwards from the end), optionally only at or above a level.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { levelAtLeast } from '../format/levels';
import type { Level } from '../format/types';
import { guarded, toolResult, UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import { closeQuietly, type LogsContext } from './context';
import { lastLinesOfGzip, readBackwards } from '../io/tail';
import { fitToBudget, iso, levelSchema, READ_ONLY } from './common';

const MAX_LINE_CHARS = 1000;
/** With a level filter, how far back to look before giving up. */
const MAX_SCAN_BYTES = 256 * 1024 * 1024;
/** Continuation lines (stack traces) held while looking for the entry they belong to. */
const MAX_CONTINUATION = 200;

const inputSchema = z.object({
  file: z.string().max(1024).optional().describe('log file name as listed in logs://files; omit for the most recently written file'),
  lines: z.number().int().min(1).max(1000).default(50).describe('how many lines'),
  level: levelSchema.optional().describe('only lines at or above this level (stack-trace lines follow their entry)'),
});

const lineSchema = z.object({ text: z.string(), level: levelSchema.optional(), timestamp: z.string().optional() });

const outputSchema = z.object({
  file: z.string(),
  format: z.string(),
  lines: z.array(lineSchema).describe('oldest first; the last item is the end of the file'),
  returned: z.number(),
  truncated: z.boolean().describe('the file has earlier lines (or more matching lines) than returned'),
  sizeBytes: z.number(),
  modified: z.string(),
  notes: z.array(z.string()),
});

type Output = z.infer<typeof outputSchema>;
interface Line {
  text: string;
  level?: Level;
  timestamp?: number;
}

export function registerRecentLogs(server: McpServer, ctx: LogsContext): void {
  server.registerTool(
    'recent_logs',
    {
      title: 'Recent log lines',
      description:
        'The last N lines of a log file (default 50, oldest first), optionally only lines at or above a level such as WARN. ' +
        'Use it to see what a service logged most recently or to check whether a problem is still happening. ' +
        'Without `file`, uses the most recently written log file (see logs://files).',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      let name = args.file;
      if (name === undefined) {
        const { files } = await ctx.listFiles();
        if (files.length === 0) throw new UserFacingError(`no log files found in ${ctx.dirs.map((d) => d.path).join(', ') || '(no log directories configured: set LOG_DIRS)'}`);
        name = files[0].name;
      }
      const file = await ctx.open(name);
      try {
        const parser = await ctx.parserOf(file);
        const usesHeaders = parser.format.id !== 'unknown';
        const notes: string[] = [];
        const newestFirst: Line[] = [];
        let pending: string[] = [];
        let exhausted = true;
        const accept = (line: Line) => {
          newestFirst.push(line);
          return newestFirst.length < args.lines;
        };
        const onLine = (raw: string): boolean => {
          const text = sanitizeLine(raw, MAX_LINE_CHARS);
          const parsed = parser.parse(raw);
          if (!args.level) return accept({ text, level: parsed.level, timestamp: parsed.timestamp });
          if (usesHeaders && parsed.level === undefined && parsed.timestamp === undefined) {
            // A continuation line: its level is that of the entry above it, read next.
            if (pending.length < MAX_CONTINUATION) pending.push(text);
            return true;
          }
          const keep = levelAtLeast(parsed.level, args.level);
          const held = pending;
          pending = [];
          if (!keep) return true;
          for (const cont of held) if (!accept({ text: cont, level: parsed.level })) return false;
          return accept({ text, level: parsed.level, timestamp: parsed.timestamp });
        };
        if (file.info.gzip) {
          const lines = await lastLinesOfGzip(file.handle.fd, args.level ? 20_000 : args.lines + 1, extra.signal);
          let i = lines.length - 1;
          for (; i >= 0; i--) if (!onLine(lines[i])) break;
          exhausted = i <= 0;
          if (args.level) notes.push('compressed file: only its last 20000 lines were searched for the level');
        } else {
          const outcome = await readBackwards(file.handle, file.stats.size, { onLine, signal: extra.signal, maxBytes: args.level ? MAX_SCAN_BYTES : undefined });
          exhausted = outcome.reachedStart;
          if (!outcome.reachedStart && newestFirst.length < args.lines) notes.push(`stopped after reading the last ${Math.round(outcome.bytesRead / 1048576)} MiB`);
        }
        const lines = newestFirst.reverse().map((l) => ({ text: l.text, ...(l.level ? { level: l.level } : {}), ...(l.timestamp !== undefined ? { timestamp: iso(l.timestamp) } : {}) }));
        let truncated = !exhausted;
        const build = (): Output => ({
          file: file.info.name,
          format: parser.format.id,
          lines,
          returned: lines.length,
          truncated,
          sizeBytes: file.stats.size,
          modified: iso(file.stats.mtimeMs)!,
          notes,
        });
        // Keep the newest lines when cutting to the budget.
        lines.reverse();
        if (fitToBudget(lines, build)) truncated = true;
        lines.reverse();
        return toolResult(build());
      } finally {
        await closeQuietly(file.handle);
      }
    }),
  );
}
