import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SERVER_VERSION } from '../shared/version';
import { isMultiRepository, listNames, type GitServerContext } from './context';
import { PageCursors } from './repo/cursor';
import { PatchCache } from './repo/patch-cache';
import { registerInfoResource } from './resources/info';
import { registerBlameTool } from './tools/blame';
import { registerBranchesTool } from './tools/branches';
import { registerDiffStatTool } from './tools/diff-stat';
import { registerFileChurnTool } from './tools/file-churn';
import { registerLogTool } from './tools/log';
import { registerShowTool } from './tools/show';
import { registerStatusTool } from './tools/status';

export const SERVER_NAME = 'devops-assistant-git';

const INSTRUCTIONS =
  'Read-only access to one git repository (the workspace folder). Read git://info first for the branch, upstream and dirty state. ' +
  'Paths are relative to the repository root. Refs are branch names, tags, hashes or expressions like HEAD~2.';

/** The instructions for several repositories: which exist and that every call names one. */
function multiInstructions(context: GitServerContext): string {
  return (
    `Read-only access to ${context.repositories.length} git repositories (the workspace folders): ${listNames(context)}. ` +
    'Every tool takes `repository`, the name of the one to read; ask each in turn to compare them. git://info gives all overviews. ' +
    'Paths are relative to that repository\'s root. Refs are branch names, tags, hashes or expressions like HEAD~2.'
  );
}

/** The git server for `context`, with its own cursor key (a cursor it gives is refused by every other server). */
export function createServer(context: GitServerContext): McpServer {
  const instructions = isMultiRepository(context) ? multiInstructions(context) : INSTRUCTIONS;
  const server = new McpServer({ name: SERVER_NAME, title: 'DevOps Assistant: git', version: SERVER_VERSION }, { instructions });
  registerTools(server, context, new PageCursors(), new PatchCache());
  registerInfoResource(server, context);
  return server;
}

/**
 * Registers every git tool on `server`; the paging tools sign and check their cursors with `cursors`, and git_show
 * keeps the patches it pages through in `patches`.
 */
export function registerTools(server: McpServer, context: GitServerContext, cursors: PageCursors, patches: PatchCache): void {
  registerLogTool(server, context, cursors);
  registerDiffStatTool(server, context);
  registerBranchesTool(server, context, cursors);
  registerShowTool(server, context, patches);
  registerStatusTool(server, context);
  registerFileChurnTool(server, context);
  registerBlameTool(server, context);
}
