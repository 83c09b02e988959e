// Node 22 and later decode a large ASCII buffer into an external string, which V8 only frees at a full collection
// that it starts tens of megabytes later (external memory is not counted against --max-old-space-size). A scan
// decodes one block after another, so the scan process asks for that collection itself once they pile up.
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
