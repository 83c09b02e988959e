import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { UserFacingError } from './tool-result';

/** The `extra` argument every tool and resource callback receives. */
export type HandlerExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Reports progress to the client; does nothing when the request carried no progress token. Values that do not
 * increase are skipped, unless `always` is set with a `message` the client must see (where a read ends, "searching
 * app.log: reading its 1,024 bytes"): that one is sent at the least whole value above the last sent (the last file's
 * bytes or a listing's tick came first, and MCP requires each value to increase), a unit more than the work done.
 */
export type ProgressReporter = (progress: number, message?: string, always?: boolean) => Promise<void>;

import { sentOf } from './progress-state';

export function progressReporter(extra: HandlerExtra, total?: number): ProgressReporter {
  const token = extra._meta?.progressToken;
  if (token === undefined) return async () => {};
  const sent = sentOf(extra);
  return async (progress, message, always = false) => {
    // The spec requires progress to increase with every notification: repeats are dropped.
    // After the request has ended (answered or cancelled) a token is unknown to the client, which logs each late
    // notification as an error: work left running in the background (a scan that warms a cache) stays silent.
    if (extra.signal?.aborted || sent.last === Infinity) return;
    if (!(progress > sent.last)) {
      if (!always || message === undefined) return;
      progress = Math.floor(sent.last) + 1;
    }
    sent.last = progress;
    try {
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress, ...(total === undefined ? {} : { total }), ...(message ? { message } : {}) },
      });
    } catch {
      // A client that went away cannot be told about progress; the result (or cancellation) tells the rest.
    }
  };
}

/** An Error named AbortError, which `guarded` reports as "cancelled". */
export function abortError(): Error {
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Waits `ms`, rejecting with an AbortError as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `work`, or rejects when `ms` pass (with `what` in a message a person can act on) or
 * `signal` aborts. The work itself keeps running in the background; callers use it for reads that
 * may hang (a stale network mount, a slow process table), never for writes.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      cleanup();
      reject(abortError());
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new DeadlineError(`${what} did not answer within ${Math.round(ms / 1000)} s`));
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

/** A time limit ran out; the message is meant for the user. */
export class DeadlineError extends UserFacingError {}

/** Least time between two progress notifications of one request (ms): enough for a live bar, few enough not to flood the client. */
export const PROGRESS_INTERVAL_MS = 200;

/**
 * Wraps `report` for hot loops (a callback per block read): passes a report on only when
 * `intervalMs` have passed since the last one passed, drops the rest, and never waits (the
 * notification is sent in the background). Call `report` itself for the final value.
 */
export function throttleProgress(
  report: ProgressReporter,
  intervalMs = PROGRESS_INTERVAL_MS,
  clock: () => number = Date.now,
): (progress: number, message?: string) => void {
  let last = -Infinity;
  return (progress, message) => {
    const now = clock();
    if (now - last < intervalMs) return;
    last = now;
    void report(progress, message);
  };
}

/** Says what a long step is doing ("listing journal sources: 40,000 entries scanned"); see progressTicks. */
export type ProgressTick = (message: string) => void;

/**
 * Progress of steps whose total is not known (listing journal sources, reading a journal unit): each tick that passes
 * the throttle (throttleProgress) sends the request's last progress + 1 with `message` and no total. A client that
 * resets its time-out on progress keeps waiting while a long read goes on; the message says what is read.
 */
export function progressTicks(extra: HandlerExtra, intervalMs = PROGRESS_INTERVAL_MS, clock: () => number = Date.now): ProgressTick {
  if (extra._meta?.progressToken === undefined) return () => {};
  const report = progressReporter(extra);
  const sent = sentOf(extra);
  const throttled = throttleProgress(report, intervalMs, clock);
  return (message) => throttled((Number.isFinite(sent.last) ? Math.floor(sent.last) : 0) + 1, message);
}
