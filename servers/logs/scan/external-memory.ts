// Memory outside V8's heap (a large ASCII string decoded by Node 22 and later; the Buffers a child's output arrives
// in) is freed only when its owner is collected: if the owner was promoted, by a full collection that V8 starts tens
// of megabytes later (external memory is not counted against --max-old-space-size). The scan process asks for that
// collection itself once they pile up.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

function fullCollection(): (() => void) | undefined {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    // A context created after the flag is set has `gc`; this one's globals are unchanged.
    collect = runInNewContext('gc') as (() => void) | undefined;
  }
  return collect;
}

/** Returns a check to call after each block: runs a full collection when external memory grew by `slackBytes`. */
export function externalMemoryGuard(slackBytes: number): () => void {
  const gc = fullCollection();
  let baseline = getHeapStatistics().external_memory;
  return () => {
    if (!gc) return;
    const external = getHeapStatistics().external_memory;
    if (external - baseline < slackBytes) return;
    gc();
    baseline = getHeapStatistics().external_memory;
  };
}
