// The four logs tools on one server, sharing one LogsContext.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { LogsContext } from './context';
import { registerErrorSummary } from './error-summary';
import { logPatternsContext } from './log-patterns-files';
import { registerLogPatternsTool } from './log-patterns';
import { registerRecentLogs } from './recent-logs';
import { registerSearchLogs } from './search-logs';

/** Registers search_logs, error_summary, recent_logs and log_patterns on `server`. */
export function registerTools(server: McpServer, ctx: LogsContext): void {
  registerSearchLogs(server, ctx);
  registerErrorSummary(server, ctx);
  registerRecentLogs(server, ctx);
  // log_patterns reads files only through this safe context (the same name checks as every other tool).
  registerLogPatternsTool(server, logPatternsContext(ctx), ctx);
}
