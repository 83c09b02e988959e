// The one window rule, apart from the time-input grammar (time-window.ts) so that code which only applies a window,
// such as the logs scan process, does not load zod with it (about 12 MB of memory per process).

/** A resolved window in epoch ms. `since` is inclusive, `until` exclusive; a missing side is open. */
export interface TimeWindow {
  since?: number;
  until?: number;
}

/** Whether `ms` (epoch ms) lies in the window: since <= ms < until. */
export function inWindow(ms: number, window: TimeWindow): boolean {
  return (window.since === undefined || ms >= window.since) && (window.until === undefined || ms < window.until);
}
