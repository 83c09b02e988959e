import { log, runStdioServer } from '../shared/run-stdio';
import { HELP, loadConfig } from './config';
import { createServer } from './server';

void runStdioServer({
  help: HELP,
  create: () => {
    const config = loadConfig();
    const { cpu, memory, disk } = config.thresholds;
    log(`system server starting (thresholds: cpu ${cpu}%, memory ${memory}%, disk ${disk}%)`);
    return createServer(config);
  },
});
