// Entry of dist/servers/logs.js: the logs MCP server on stdio. Scans (ripgrep or pure Node) run in a child process
// started from dist/servers/logs-scan-worker.js, next to this bundle (see scan-worker.ts).
// First: it sets how V8 sizes this process's young generation before the other modules load (young-generation.ts).
import { growWhileReading } from './young-generation';
import { join } from 'node:path';
import { describeError, log } from '../shared/log';
import { serveStdio } from '../shared/run-stdio';
import { LOGS_CLI, logsConfig } from './config';
import { ScanClient } from './scan/client';
import { createServer } from './server';

// A stray stream or worker error must not take the server (and every later request) down.
process.on('uncaughtException', (error) => log(`unexpected error (server continues): ${describeError(error)}`));
process.on('unhandledRejection', (reason) => log(`unexpected rejection (server continues): ${describeError(reason)}`));
void serveStdio({
  cli: LOGS_CLI,
  create: (cli) => {
    const config = logsConfig(cli, process.env);
    log(`logs server starting: ${config.dirs.length} director${config.dirs.length === 1 ? 'y' : 'ies'} (${config.dirs.join(', ') || 'none: set LOG_DIRS'}), ${config.ripgrep ? `ripgrep ${config.ripgrep}` : 'pure-Node search'}`);
    if (config.ripgrepNote) log(config.ripgrepNote);
    for (const note of config.settingNotes) log(note);
    const scans = new ScanClient(join(__dirname, 'logs-scan-worker.js'), { seekMinBytes: config.seekMinBytes });
    return createServer(config, scans, growWhileReading);
  },
});
