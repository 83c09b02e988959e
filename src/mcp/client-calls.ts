// Small helpers around the SDK client: every tools/list page, call results as ToolCallOutcome,
// and telling a lost connection from other failures.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallOutcome } from './types';

const MAX_TOOL_PAGES = 100;

export async function listAllTools(client: Client, timeout: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor || seenCursors.has(cursor)) break;
    seenCursors.add(cursor);
  }
  return tools;
}

export function isConnectionClosed(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.ConnectionClosed;
}

export function toOutcome(result: Awaited<ReturnType<Client['callTool']>>): ToolCallOutcome {
  const content = Array.isArray(result.content) ? result.content : [];
  const text = content
    .map((c: { type: string; text?: unknown }) => (c.type === 'text' && typeof c.text === 'string' ? c.text : `[${c.type} content]`))
    .join('\n');
  const structured = result.structuredContent;
  return {
    isError: result.isError === true,
    text,
    structuredContent: structured && typeof structured === 'object' ? (structured as Record<string, unknown>) : undefined,
  };
}
