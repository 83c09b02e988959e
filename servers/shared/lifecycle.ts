// MCP's lifecycle (specification 2025-06-18, basic/lifecycle): "The initialization phase MUST be the first interaction
// between client and server", and the client "SHOULD NOT send requests other than pings before the server has responded
// to the initialize request". The SDK's server answers any request at any time, so a client that skipped initialize got
// tools and results from a server that never agreed a protocol version or capabilities with it, and worked until it met
// a server that holds to the rule. This refuses every request but initialize and ping until an initialize has
// succeeded, with -32600 and a message saying what to send first. Requests between the initialize response and the
// initialized notification are served: the rule above ends at the response (the Go SDK's server reads it the same way,
// modelcontextprotocol/go-sdk#419).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, InitializeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { ProtocolError, wrapRequestHandlers } from './request-handlers';

/** Methods a client may send before initialization: initialize itself, and ping (the lifecycle page allows it). */
const BEFORE_INITIALIZE = new Set(['initialize', 'ping']);

/**
 * Makes every request handler registered on `server` so far refuse (-32600 "Invalid Request") a request other
 * than initialize and ping until the server has answered an initialize successfully (the SDK then knows the client's
 * name: Server.getClientVersion()). A failed initialize (invalid params) leaves the server uninitialized; an initialize
 * after a successful one is refused (-32600), the session's agreed version and capabilities kept.
 */
export function refuseBeforeInitialize(server: McpServer): void {
  wrapRequestHandlers(server, 'requests before initialize are served', (method, handler) => async (request, extra) => {
    if (!BEFORE_INITIALIZE.has(method) && server.server.getClientVersion() === undefined) {
      throw new ProtocolError(ErrorCode.InvalidRequest, `${method} before initialize: send initialize first (MCP lifecycle: initialization is the first interaction; only ping may come before it)`);
    }
    // A second initialize on one connection: the SDK answered it and switched the session's protocol version (and
    // the client's capabilities) under calls already agreed on the first; initialization happens once per connection.
    // Malformed params are still answered -32602 by the handler, naming the field, as for any request.
    if (method === 'initialize' && server.server.getClientVersion() !== undefined && InitializeRequestSchema.safeParse(request).success) {
      throw new ProtocolError(ErrorCode.InvalidRequest, 'initialize was already answered on this connection: a session is initialized once; to start again, open a new connection (over stdio, a new server process)');
    }
    return handler(request, extra);
  });
}
