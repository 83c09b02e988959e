// resources/read errors as the specification (2025-06-18, server/resources, Error Handling) gives them: -32002 for a
// resource that is not found, -32602 for a caller's bad parameters, -32603 only for the server's own failures. The
// SDK answers a URI that matches no resource with -32602 "Resource … not found", a string that is not a URI with -32603
// "Invalid URL", and a read callback's thrown error with -32603: a client told "internal error" for its own typo
// retries or reports a broken server instead of fixing the name. Read callbacks here throw NotFoundError or
// InvalidArgumentError (tool-result.ts) for the caller's cases, and AccessDeniedError for a resource this server may
// not read; this wrapper gives each its code and the URI as data.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { ProtocolError, wrapRequestHandlers } from './request-handlers';
import { AccessDeniedError, InvalidArgumentError, NotFoundError } from './tool-result';

/** MCP's code for a resource that does not exist (server/resources, Error Handling). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * The code for a resource that exists but this server may not read (a file's permissions). MCP names none; JSON-RPC
 * leaves -32000 to -32099 to the implementation: -32003, next to MCP's -32002, says "not yours to read" where
 * -32603 said "the server broke".
 */
export const RESOURCE_ACCESS_DENIED = -32003;

/**
 * Makes the resources/read handler of `server` (call after registering the resources, before connecting) answer the
 * caller's mistakes with -32002 / -32602, a resource it may not read with -32003, each with `data: { uri }`; every
 * other error passes through unchanged.
 */
export function answerResourceErrors(server: McpServer): void {
  wrapRequestHandlers(server, 'resources/read answers a missing resource as the SDK does', (method, handler) => {
    if (method !== 'resources/read') return handler;
    return async (request, extra) => {
      try {
        return await handler(request, extra);
      } catch (error) {
        const uri = (request as { params?: { uri?: unknown } } | undefined)?.params?.uri;
        throw typeof uri === 'string' ? resourceError(error, uri) : error;
      }
    };
  });
}

function resourceError(error: unknown, uri: string): unknown {
  if (error instanceof NotFoundError) return new ProtocolError(RESOURCE_NOT_FOUND, error.message, { uri });
  if (error instanceof InvalidArgumentError) return new ProtocolError(ErrorCode.InvalidParams, error.message, { uri });
  if (error instanceof AccessDeniedError) return new ProtocolError(RESOURCE_ACCESS_DENIED, error.message, { uri });
  // The SDK's answer for a URI no registered resource or template matches (McpServer's resources/read handler).
  if (error instanceof McpError && error.code === ErrorCode.InvalidParams && /Resource .* not found$/.test(error.message)) {
    // A template's {name} is RFC 6570 simple expansion, one segment with "/" written %2F: a name with a slash built by hand
    // (logs://file/sub/app.log) matches no template although the file is there, so the answer says how to write it.
    const segments = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\/(.*)$/i.exec(uri)?.[1] ?? '';
    const slash = segments.includes('/') ? ' (a name in a template is one segment: write a "/" inside it as %2F)' : '';
    return new ProtocolError(RESOURCE_NOT_FOUND, `no resource ${uri}: resources/list and resources/templates/list give the ones this server has${slash}`, { uri });
  }
  // new URL(uri) in the SDK's handler: the string is not a URI at all.
  if (error instanceof TypeError && (error as { code?: unknown }).code === 'ERR_INVALID_URL') {
    return new ProtocolError(ErrorCode.InvalidParams, `uri: not a URI: ${JSON.stringify(uri.slice(0, 200))}`, { uri });
  }
  return error;
}

/** `decodeURIComponent(value)`, or InvalidArgumentError naming `what` when the percent-encoding is broken. */
export function decodeUriPart(value: string, what: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new InvalidArgumentError(`badly encoded ${what}: ${value.slice(0, 200)}`);
  }
}
