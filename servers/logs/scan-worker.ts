// Entry of dist/servers/logs-scan-worker.js: the child process that runs every scan, with ripgrep or the pure-Node
// engine (see scan/worker.ts; the server's side is scan/client.ts).
import { setFlagsFromString } from 'node:v8';
import { runScanWorker } from './scan/worker';

// Regexes that backtrack excessively fall back to V8's linear-time engine where it can; the watchdog covers the rest.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
runScanWorker();
