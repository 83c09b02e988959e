// The one place that reaches into the MCP SDK's request-handler table, so that the wrappers which change how a request
// is answered (invalid-params.ts, lifecycle.ts, resource-errors.ts) do it the same way and fail the same way.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { log } from './log';

/** A request handler as the SDK calls it: the parsed request and the SDK's `extra` (signal, sendNotification, …). */
export type RequestHandler = (request: unknown, extra: unknown) => Promise<unknown>;

/**
 * Replaces every request handler registered on `server` so far with `wrap(method, handler)`. Call it after the tools,
 * resources and prompts are registered and before connecting (handlers registered later are not covered). Reads the
 * SDK's handler table (Protocol._requestHandlers, a Map from method to handler). If an SDK update removed it, nothing is
 * wrapped, `what` is said on stderr and false is returned: the server still serves, answering as the SDK does
 * (test/servers/shared/raw-json-rpc.test.ts fails on such an update, which is where it is seen).
 */
export function wrapRequestHandlers(server: McpServer, what: string, wrap: (method: string, handler: RequestHandler) => RequestHandler): boolean {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  if (!(handlers instanceof Map)) {
    log(`the MCP SDK no longer keeps request handlers in _requestHandlers: ${what} (update servers/shared/request-handlers.ts)`);
    return false;
  }
  const table = handlers as Map<string, RequestHandler>;
  for (const [method, handler] of table) table.set(method, wrap(method, handler));
  return true;
}

/**
 * The error a wrapped handler throws to answer with JSON-RPC `code`, `message` and `data` as given. The SDK sends a
 * thrown error's own `code`, `message` and `data`; McpError would prefix "MCP error <code>: " to the message, which
 * a client's SDK then prefixes once more.
 */
export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}
