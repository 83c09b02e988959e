import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeError, log } from './log';
import { endProgress } from './progress-state';

/** Largest JSON text a tool returns; structured results are trimmed by their tools before this. */
export const MAX_RESULT_BYTES = 256 * 1024;

/** A successful result: structuredContent plus the same data as JSON text (for clients without structured output). */
export function toolResult<T extends Record<string, unknown>>(data: T): CallToolResult & { structuredContent: T } {
  return { structuredContent: data, content: [{ type: 'text', text: JSON.stringify(data) }] };
}

/** A failure the caller (a person or a model) can act on. Never a stack trace. */
export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** An error whose message is safe and meant for the user; anything else is reported generically. */
export class UserFacingError extends Error {}

/**
 * A UserFacingError saying that what the caller named (a file, a source, a host) does not exist here. Tools answer it as
 * any UserFacingError; resources/read answers it -32002 Resource not found (resource-errors.ts).
 */
export class NotFoundError extends UserFacingError {}

/**
 * A UserFacingError saying that the caller's value cannot name anything this server serves (malformed, an absolute
 * path, "..", outside what is served). Tools answer it as any UserFacingError; resources/read answers it -32602.
 */
export class InvalidArgumentError extends UserFacingError {}

/**
 * A UserFacingError saying that what the caller named exists but this server may not read it (permission denied: a log
 * written 0600 for its service's user). Tools answer it as any UserFacingError; resources/read answers it -32003 with
 * the message and `data: { uri }` (resource-errors.ts): as -32603 a client took it for a fault of the server.
 */
export class AccessDeniedError extends UserFacingError {}

/**
 * Wraps a tool handler so thrown errors become `isError` results instead of protocol errors or crashes, and ends the
 * request's progress notifications once the result is returned (a progress token is unknown to the client after it).
 */
export function guarded<A extends unknown[]>(
  handler: (...args: A) => Promise<CallToolResult>,
): (...args: A) => Promise<CallToolResult> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof UserFacingError) return toolError(error.message);
      if (error instanceof Error && error.name === 'AbortError') return toolError('cancelled');
      log(`tool failed: ${describeError(error)}`);
      return toolError(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      for (const arg of args) endProgress(arg);
    }
  };
}
