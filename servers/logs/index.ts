// Entry of dist/servers/logs.js. Scans (ripgrep or pure Node) run in a child process from
// dist/servers/logs-scan-worker.js, next to this file; if that file is missing, this bundle serves as the scan entry.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { log, runStdioServer } from '../shared/run-stdio';
import { HELP, readConfig } from './config';
import { isScanProcess, runScanWorker, setWorkerEntry } from './scan/scan-process';
import { createServer } from './server';

if (isScanProcess()) {
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  runScanWorker();
} else {
  const workerBundle = join(__dirname, 'logs-scan-worker.js');
  setWorkerEntry(existsSync(workerBundle) ? workerBundle : __filename);
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
