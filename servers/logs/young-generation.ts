// Imported first by the logs server's entry point (index.ts), before the bundle's other modules load: keeps V8's young
// generation at its starting size for the life of the server process.
import { setFlagsFromString } from 'node:v8';

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
 * Source reads in progress (growWhileReading). The growth factor is a setting of the whole process, so this count of
 * who asked for it is the process's too: one per server process, like the flag.
 */
let reading = 0;

/**
 * `records`, read with the young generation free to grow (to V8's limit, 16 MB a semi-space) until the last read in
 * progress ends (its iteration finished, broken off or failed). A journal or container read runs in the server process,
 * a few KB of short-lived objects an entry: with the young generation kept at 1 MB, error_summary over 300,000 journal
 * entries made 3,163 scavenges, each copying the entries of the output chunk in hand, and GC was 44 % of the server's
 * profile (speed20: server CPU 3.7 s, 2.65 s with 8 MB semi-spaces). A file's lines are mined here too (log_patterns),
 * but its pass keeps nothing alive across a scavenge and ran as fast with 1 MB as with 16 MB. The young generation is
 * not shrunk after: V8 gives it back when the process idles.
 */
export async function* growWhileReading<T>(records: AsyncIterable<T>): AsyncGenerator<T> {
  if (reading++ === 0) setFlagsFromString(`--semi-space-growth-factor=${GROWING}`);
  try {
    yield* records;
  } finally {
    if (--reading === 0) setFlagsFromString('--semi-space-growth-factor=1');
  }
}
