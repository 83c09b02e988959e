// Running many independent calls with a bound on how many run at once.

/**
 * `fn` over `items`, at most `limit` calls running at once, results in the order of `items`. A call starts as soon as
 * an earlier one ends; a rejection rejects the whole (as Promise.all does), the calls already running still run out.
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
