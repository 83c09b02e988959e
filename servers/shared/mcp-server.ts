// The MCP server object of a bundled server: its name, the extension's version (read once, version.ts) and its
// instructions. Lets a server's root wiring (server.ts) stay free of SDK imports, which belong to tools/ and resources/.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SERVER_VERSION } from './version';

/**
 * A new McpServer named `name` (e.g. 'devops-assistant-logs'), with `title` when given (the name a client shows a
 * person, e.g. 'DevOps Assistant: logs'), reporting SERVER_VERSION. Declares no capability beyond what registering
 * tools and resources adds: a server that never sends log messages does not announce `logging`.
 */
export function createMcpServer(name: string, instructions: string, title?: string): McpServer {
  return new McpServer({ name, ...(title ? { title } : {}), version: SERVER_VERSION }, { instructions });
}
