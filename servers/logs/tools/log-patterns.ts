// The `log_patterns` tool: the MCP face of patterns/log-patterns.ts (input schema, description, progress).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { progressReporter } from '../../shared/progress';
import { timeFields, WINDOW_RULE } from '../../shared/time-window';
import { guarded, toolResult } from '../../shared/tool-result';
import { LEVELS } from '../format/types';
import { logPatterns, logPatternsResultShape, type LogPatternsContext } from '../patterns/log-patterns';

export const logPatternsInput = {
  file: z.string().min(1).max(1024).describe('Log file name as listed by logs://files (relative to its log directory).'),
  level: z.enum(LEVELS).optional().describe('Only lines at this level or above (e.g. WARN = WARN, ERROR and FATAL).'),
  ...timeFields('lines'),
  limit: z.number().int().min(1).max(500).default(50).describe('Most templates returned, largest first.'),
  lineNumbers: z.boolean().default(false).describe('Include, per template, the 1-based line numbers it covers (capped).'),
};

export function registerLogPatternsTool(server: McpServer, context: LogPatternsContext): void {
  server.registerTool(
    'log_patterns',
    {
      title: 'Log patterns (message templates)',
      description:
        'Groups the lines of one log file into message templates, with variable parts (numbers, ids, IPs, paths, names) written <*>, ' +
        'largest first, with count, share, levels, first/last seen and example lines. Use it to see what a log is made of, ' +
        'which kinds of errors dominate (level: "ERROR"), or what changed in a time window (since/until), before searching for specific lines. ' +
        'Works on any format (logcat, Apache, log4j/Java, syslog, JSON lines, logfmt, …). lineNumbers: true adds the line numbers of each template. ' +
        `Time window: ${WINDOW_RULE}.`,
      inputSchema: logPatternsInput,
      outputSchema: logPatternsResultShape,
      annotations: READ_ONLY,
    },
    guarded(async (args, extra) => {
      // Progress counts lines read (the total is unknown until the end), every PROGRESS_EVERY lines.
      const report = progressReporter(extra);
      const onProgress = (lines: number) => void report(lines, `${lines} lines read`);
      const result = await logPatterns(context, args, extra.signal, onProgress);
      return toolResult(result);
    }),
  );
}
