// Coalescing bursts of file events into one refresh. No `vscode` import.

/**
 * `fn` runs `quietMs` after the last call, or `maxWaitMs` after the first call of a burst that never goes quiet,
 * whichever comes first (both in milliseconds). A plain trailing debounce never ran while one file kept changing: a log
 * appended every 100 ms (any busy service's) froze the Log Files tree, so new and deleted logs beside it never showed.
 */
export function debounce(fn: () => void, quietMs: number, maxWaitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStart: number | undefined;
  return () => {
    const now = Date.now();
    burstStart ??= now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        burstStart = undefined;
        fn();
      },
      Math.max(0, Math.min(quietMs, burstStart + maxWaitMs - now)),
    );
  };
}
