// The logs MCP server: resources logs://files and logs://file/{path}; tools search_logs, error_summary, recent_logs,
// log_patterns. The MCP adapters live in tools/ and resources/; this file only wires them to one LogsContext.
import type { LogsConfig } from './config';
import type { ScanClient } from './scan/client';
import { registerResources } from './resources/log-files';
import { createMcpServer } from '../shared/mcp-server';
import { createSourceRegistry, type SourceReadWrapper } from './sources/registry/registry';
import { createLogsContext } from './tools/context';
import { registerTools } from './tools/register';

const INSTRUCTIONS =
  'Read-only access to log files, the systemd journal and Docker containers. Start with error_summary for "what is wrong", ' +
  'search_logs for specific text, recent_logs for the latest lines, log_patterns for what a log is made of. File and source ' +
  'names (journal:<unit>, journal:<host>/<unit>, docker:<container>) are listed in logs://files; unit, container and host narrow the sources read.';

/**
 * The server for `config`, its scans run by `scans`: log directories prepared (missing ones skipped with a note on
 * stderr), nothing connected yet. `wrapSourceRead`: what every read of a journal or container source goes through
 * (the server process's: young-generation.ts growWhileReading).
 */
export async function createServer(config: LogsConfig, scans: ScanClient, wrapSourceRead?: SourceReadWrapper) {
  const ctx = await createLogsContext({ dirs: config.dirs, ripgrep: config.ripgrep, legacyCharset: config.legacyCharset, settingNotes: config.settingNotes, seekMinBytes: config.seekMinBytes, scans, sources: createSourceRegistry({ ...config.sources, legacyDecoder: config.legacyCharset }, process.env, wrapSourceRead) });
  const server = createMcpServer('devops-assistant-logs', INSTRUCTIONS, 'DevOps Assistant: logs');
  registerResources(server, ctx);
  registerTools(server, ctx);
  return server;
}
