// Entry of dist/servers/logs-scan-worker.js: the child process that runs every scan, with ripgrep or the pure-Node
// scanner (see scan/scan-process.ts).
import { setFlagsFromString } from 'node:v8';
import { runScanWorker } from './scan/scan-process';

// Regexes that backtrack excessively fall back to V8's linear-time engine where it can; the watchdog covers the rest.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
runScanWorker();
