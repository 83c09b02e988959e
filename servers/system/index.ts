// Entry point of the system server program (bundled to dist/servers/system.js).
import { log } from '../shared/log';
import { serveStdio } from '../shared/run-stdio';
import { SYSTEM_CLI, toSystemConfig, unusedFleetSettings } from './config';
import { describeAuth } from './fleet/prometheus';
import { createServer } from './server';

void serveStdio({
  cli: SYSTEM_CLI,
  create: (parsed) => {
    // The credentials are read from the environment here, never from flags.
    const config = toSystemConfig(parsed, process.env);
    const { cpu, memory, disk } = config.thresholds;
    log(`system server starting (thresholds: cpu ${cpu}%, memory ${memory}%, disk ${disk}%)`);
    if (config.fleet) {
      log(`fleet tools on: Prometheus at ${config.fleet.prometheus.url.href} with ${describeAuth(config.fleet.prometheus.auth)}, hosts named by "${config.fleet.hostLabel}"`);
    } else {
      const unused = unusedFleetSettings(process.argv.slice(2), process.env);
      if (unused) log(unused);
    }
    return createServer(config);
  },
});
