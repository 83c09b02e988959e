// Imported first by the logs server's entry point (index.ts), before the bundle's other modules load: keeps V8's young
// generation at its starting size for the life of the server process, except while it reads a journal or container
// source (growWhileReading).
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * V8 doubles the young generation (new space) each time a scavenge finds it busy, up to 16 MB per semi-space on 64-bit,
 * and gives it back only when the process is idle for long. The server itself reads little (a file's head for its
 * format, a tail, the scan process's small results), yet loading its bundle and learning one file's format were enough
 * to grow it to 2 × 8 MB, which then stayed resident: 84–85 MB at rest against 66–77 MB with the young generation kept
 * at its start (measured under Node 20 with npm run bench). The size limit itself is fixed when the process starts
 * (the scan process gets `--max-semi-space-size` on its command line, scan/client.ts); the growth factor is read at
 * each growth, so setting it here, before anything else runs, still works for a server started as `node logs.js`.
 * Objects that outlive the small young generation are promoted sooner; the heavy per-line work runs in the scan process.
 */
setFlagsFromString('--semi-space-growth-factor=1');

/** V8's own growth factor (its default): the young generation doubles each time a scavenge finds it busy. */
const GROWING = 2;
/**
 * The young generation a read lets it grow to (bytes, both semi-spaces): 8 MB semi-spaces did the journal read below in
 * the CPU time 16 MB ones did, and the young generation stays at the size it reached (V8 had not given it back 30 s
 * after a read), so it grows no further than needed.
 */
const GROWN_NEW_SPACE = 16 * 1024 * 1024;
/** Records read between two looks at the young generation's size. */
const SIZE_CHECK_RECORDS = 1024;
/**
 * Source reads in progress (growWhileReading), and whether growth is on. The growth factor is a setting of the whole
 * process, so this state of who asked for it is the process's too: one per server process, like the flag.
 */
let reading = 0;
let growing = false;

function growth(on: boolean): void {
  growing = on;
  setFlagsFromString(`--semi-space-growth-factor=${on ? GROWING : 1}`);
}

function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * `records`, read with the young generation free to grow to GROWN_NEW_SPACE until the last read in progress ends (its
 * iteration finished, broken off or failed). A journal or container read runs in the server process, a few KB of
 * short-lived objects an entry: with the young generation at its start (1 MB semi-spaces), error_summary over 300,000
 * journal entries made 3,000 scavenges, each copying the entries of the output chunk in hand, and GC was 44 % of the
 * server's profile (speed20: 470 scavenges with growth, server CPU 3.2-3.9 s -> 2.8-3.0 s, the same answer). A file's lines are mined in
 * this process too (log_patterns), but that pass keeps nothing alive across a scavenge and ran as fast at 1 MB.
 */
export async function* growWhileReading<T>(records: AsyncIterable<T>): AsyncGenerator<T> {
  if (reading++ === 0 && newSpaceBytes() < GROWN_NEW_SPACE) growth(true);
  try {
    let read = 0;
    for await (const record of records) {
      yield record;
      if (++read % SIZE_CHECK_RECORDS === 0 && growing && newSpaceBytes() >= GROWN_NEW_SPACE) growth(false);
    }
  } finally {
    if (--reading === 0 && growing) growth(false);
  }
}
