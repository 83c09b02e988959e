// Entry of dist/servers/logs.js. The same bundle also runs as the scan worker thread (see search/node-engine.ts).
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { log, runStdioServer } from '../shared/run-stdio';
import { HELP, readConfig } from './config';
import { isScanWorker, runScanWorker, setWorkerEntry } from './search/node-engine';
import { createServer } from './server';

// Regexes that backtrack excessively fall back to V8's linear-time engine (no effect on backreferences or
// look-around; the worker watchdog covers those).
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

if (!isMainThread && isScanWorker(workerData)) {
  runScanWorker();
} else {
  setWorkerEntry(__filename);
  // A stray stream or worker error must not take the server (and every later request) down.
  process.on('uncaughtException', (error) => log(`unexpected error (server continues): ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => log(`unexpected rejection (server continues): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  void runStdioServer({
    help: HELP,
    create: () => {
      const config = readConfig();
      log(`logs server starting: ${config.dirs.length} director${config.dirs.length === 1 ? 'y' : 'ies'} (${config.dirs.join(', ') || 'none: set LOG_DIRS'}), ${config.ripgrep ? `ripgrep ${config.ripgrep}` : 'pure-Node search'}`);
      return createServer(config);
    },
  });
}
