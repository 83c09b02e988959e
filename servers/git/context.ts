import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** What every git tool needs: the folder the server was started for (REPO_PATH / --repo). */
export interface GitServerContext {
  repoPath: string;
}

export type ToolRegistrar = (server: McpServer, context: GitServerContext) => void;
