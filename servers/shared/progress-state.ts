import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

/**
 * The last progress sent for each request (by its `extra`): every reporter of one request (a listing's ticks, then a
 * file scan's bytes) sends on one token, whose progress must increase across all of them. Its own module so that the
 * tool wrapper (tool-result.ts `guarded`) can end a request's progress without importing the reporters.
 */
const lastSent = new WeakMap<object, { last: number }>();

export function sentOf(extra: RequestHandlerExtra<ServerRequest, ServerNotification>): { last: number } {
  let sent = lastSent.get(extra);
  if (!sent) lastSent.set(extra, (sent = { last: -Infinity }));
  return sent;
}

/**
 * Stops every progress notification of the request `extra` belongs to: called once its result is written. Arguments
 * that are not a request's `extra` (a tool's input) are ignored.
 */
export function endProgress(extra: unknown): void {
  if (typeof extra !== 'object' || extra === null || !('sendNotification' in extra)) return;
  sentOf(extra as RequestHandlerExtra<ServerRequest, ServerNotification>).last = Infinity;
}
