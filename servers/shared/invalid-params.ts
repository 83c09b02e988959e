// Requests whose params do not fit the method (tools/call without a name, arguments that are an array, initialize
// without clientInfo, a cursor that is a number) are the caller's mistake, which JSON-RPC 2.0 answers with -32602
// Invalid params. The SDK validates params inside each handler and lets the validation error fall through as -32603
// Internal error whose message is the validator's issue list dumped as multi-line JSON: the client is told the server
// broke, and gets nothing it can show. This wraps every request handler so such an error becomes -32602 with one line
// naming each bad field. A pagination cursor is refused the same way, since these servers never hand one out.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { ProtocolError, wrapRequestHandlers } from './request-handlers';

/** One validation problem as zod reports it. */
interface Issue {
  path: PropertyKey[];
  message: string;
}

/**
 * Makes every request handler registered on `server` so far answer invalid params with -32602 and a readable message.
 * Call it once, after the tools, resources and prompts are registered and before connecting (handlers registered later
 * are not covered; see request-handlers.ts for what happens when an SDK update hides the handler table: worse error
 * codes are no reason to serve nothing).
 */
export function answerInvalidParams(server: McpServer): void {
  wrapRequestHandlers(server, 'invalid params are answered as the SDK answers them', (method, handler) => async (request, extra) => {
    if (LISTS.has(method) && cursorOf(request) !== undefined) {
      throw new ProtocolError(ErrorCode.InvalidParams, `invalid params for ${method}: cursor: this server gives whole lists and never a nextCursor, so no cursor is valid; ask without one`);
    }
    try {
      return await handler(request, extra);
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) throw new ProtocolError(ErrorCode.InvalidParams, `invalid params for ${method}: ${describeIssues(issues)}`);
      throw error;
    }
  });
}

/**
 * The paginated methods. The SDK's McpServer answers them with the whole list and no nextCursor, and ignored a cursor it
 * never gave: a client holding a forged or another server's cursor got page one again as if it were the next page. The
 * specification (server/utilities/pagination) says an invalid cursor SHOULD be answered -32602.
 */
const LISTS = new Set(['tools/list', 'resources/list', 'resources/templates/list', 'prompts/list']);

function cursorOf(request: unknown): unknown {
  const params = (request as { params?: { cursor?: unknown } } | undefined)?.params;
  return params?.cursor;
}

/** The issues of a zod validation error (zod 3 or 4, whose core names it $ZodError: an object with an `issues` array), else undefined. */
function validationIssues(error: unknown): Issue[] | undefined {
  if (typeof error !== 'object' || error === null || !/^\$?ZodError$/.test(String((error as { name?: unknown }).name))) return undefined;
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as Issue[]) : undefined;
}

/** "params.name: Invalid input: expected string, received undefined; …" with the leading "params." dropped (every path has it). */
function describeIssues(issues: Issue[]): string {
  const lines = issues.map((issue) => {
    const path = issue.path.map(String);
    const field = (path[0] === 'params' ? path.slice(1) : path).join('.');
    return field ? `${field}: ${issue.message}` : `params: ${issue.message}`;
  });
  return [...new Set(lines)].join('; ');
}
