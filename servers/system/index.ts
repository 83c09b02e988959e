// Entry point of the system server program (bundled to dist/servers/system.js).
import { log } from '../shared/log';
import { serveStdio } from '../shared/run-stdio';
import { SYSTEM_CLI } from './config';
import { createServer } from './server';

void serveStdio({
  cli: SYSTEM_CLI,
  create: (thresholds) => {
    log(`system server starting (thresholds: cpu ${thresholds.cpu}%, memory ${thresholds.memory}%, disk ${thresholds.disk}%)`);
    return createServer({ thresholds });
  },
});
