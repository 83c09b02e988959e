// The logs MCP server: resources logs://files and logs://file/{path}; tools search_logs, error_summary, recent_logs, log_patterns.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerLogPatternsTool } from './tools/log-patterns';
import type { LogsConfig } from './config';
import { createLogsContext, type LogsContext } from './tools/context';
import { logPatternsContext } from './tools/log-patterns-files';
import { registerResources } from './resources/log-files';
import { registerErrorSummary } from './tools/error-summary';
import { registerRecentLogs } from './tools/recent-logs';
import { registerSearchLogs } from './tools/search-logs';

export const SERVER_INFO = { name: 'devops-logs', version: '0.1.0' };

export function registerTools(server: McpServer, ctx: LogsContext): void {
  registerSearchLogs(server, ctx);
  registerErrorSummary(server, ctx);
  registerRecentLogs(server, ctx);
  // log_patterns reads files only through this safe context (tools/log-patterns-files.ts).
  registerLogPatternsTool(server, logPatternsContext(ctx));
}

export async function createServer(config: LogsConfig): Promise<McpServer> {
  const ctx = await createLogsContext(config);
  const server = new McpServer(SERVER_INFO, {
    capabilities: { logging: {} },
    instructions:
      'Read-only access to log files. Start with error_summary for "what is wrong", search_logs for specific text, ' +
      'recent_logs for the latest lines, log_patterns for what a log is made of. File names are listed in logs://files.',
  });
  registerResources(server, ctx);
  registerTools(server, ctx);
  return server;
}
