// dockerode, loaded on first use. In the built server it comes from its own bundle next to this one
// (dist/servers/logs-dockerode.js, see esbuild.mjs): with ssh2 and grpc-js it is about 1 MB, which would add 0.4 s
// and 7 MB to every start of the logs server, most of which never talk to Docker. Run from source (tests), it is
// the package itself.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';

let loaded: typeof Docker | undefined;

/** The dockerode constructor (loaded once; throws when neither the bundle nor the package can be loaded). */
export function dockerode(): typeof Docker {
  if (!loaded) {
    const bundled = path.join(__dirname, 'logs-dockerode.js');
    loaded = (existsSync(bundled) ? require(bundled) : require('dockerode')) as typeof Docker;
  }
  return loaded;
}
