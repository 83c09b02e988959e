// Several record streams, each oldest first, as one stream oldest first (a source held by more than one journal).
import type { SourceRecord } from './types';

/**
 * Interleaves `streams` by record time, holding one record per stream at a time. Records without a time are passed
 * on as they come (before the next timed one of their stream). Every stream is closed when the consumer stops.
 */
export async function* mergeByTime(streams: AsyncIterable<SourceRecord>[]): AsyncGenerator<SourceRecord> {
  if (streams.length === 1) {
    yield* streams[0];
    return;
  }
  const iterators = streams.map((s) => s[Symbol.asyncIterator]());
  const heads: (SourceRecord | undefined)[] = await Promise.all(iterators.map(async (it) => (await it.next()).value as SourceRecord | undefined));
  try {
    for (;;) {
      let next = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        if (head === undefined) continue;
        if (next === -1 || (head.time ?? -Infinity) < (heads[next]!.time ?? -Infinity)) next = i;
      }
      if (next === -1) return;
      yield heads[next]!;
      const step = await iterators[next].next();
      heads[next] = step.done ? undefined : step.value;
    }
  } finally {
    await Promise.all(iterators.map((it) => it.return?.()));
  }
}
