// Readings taken over an interval: a cancellable wait that reports progress, fresh
// systeminformation samples, and a lock so two requests never interleave those samples.
import { delay, withDeadline, type ProgressReporter } from '../../shared/progress';

/** Longest time any single systeminformation read may take before the tool gives up, in ms. */
export const READ_DEADLINE_MS = 20_000;

/**
 * Waits `ms` while telling the client how far along the measurement is (progress 0–100 between
 * `from` and `to`), and stops at once (AbortError) when the request is cancelled.
 */
export async function measuredWait(ms: number, signal: AbortSignal, report: ProgressReporter, from = 10, to = 90): Promise<void> {
  const tick = 250;
  const started = Date.now();
  for (;;) {
    const elapsed = Date.now() - started;
    if (elapsed >= ms) break;
    await delay(Math.min(tick, ms - elapsed), signal);
    const done = Math.min(1, (Date.now() - started) / ms);
    await report(Math.round(from + (to - from) * done), `measuring (${Math.min(ms, Date.now() - started)} of ${ms} ms)`);
  }
}

/** systeminformation answers from a cache for 500 ms after a read of processes or network counters. */
const SI_CACHE_MS = 500;

// Process-wide on purpose: systeminformation keeps its previous samples in module state, so every
// server in this process shares them, and so must the bookkeeping that keeps them apart.
const lastSampleEnd = new Map<string, number>();
const locks = new Map<string, Promise<unknown>>();

/**
 * Reads a systeminformation sample that is really new: waits out its cache window since the last
 * sample of the same `kind` (cancellably), and gives up after READ_DEADLINE_MS with a DeadlineError
 * naming `what`.
 */
export async function freshSample<T>(kind: string, what: string, read: () => Promise<T>, signal: AbortSignal): Promise<T> {
  const wait = SI_CACHE_MS + 20 - (Date.now() - (lastSampleEnd.get(kind) ?? 0));
  if (wait > 0) await delay(wait, signal);
  try {
    return await withDeadline(read(), READ_DEADLINE_MS, what, signal);
  } finally {
    lastSampleEnd.set(kind, Date.now());
  }
}

/** Runs `work` after any earlier work under the same key has finished. */
export function exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(key, next);
  void next.finally(() => {
    if (locks.get(key) === next) locks.delete(key);
  }).catch(() => undefined);
  return next;
}
