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
