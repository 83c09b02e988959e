// Root reads every file, so a test of what the logs server does with a file it may not read starts the server as user
// nobody when it runs as root. One place for the wrapper and for the check that nobody can run it here.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const NOBODY = 65534;

/**
 * The command prefix that starts the built logs server as a user without root's reach (`setpriv … nobody` when the
 * tests run as root, nothing otherwise), for startBuiltServer's `wrapper`. Skips `test` (with the reason printed) on
 * Windows, or when nobody cannot run node or read dist/ here (a clone under /root, setpriv missing).
 */
export function unprivilegedServerPrefix(test: Mocha.Context): string[] {
  if (process.platform === 'win32') test.skip();
  if (process.getuid?.() !== 0) return [];
  const wrapper = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];
  const script = resolve(__dirname, '../../dist/servers/logs.js');
  const probe = spawnSync(wrapper[0], [...wrapper.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(script)}, 4)`]);
  if (probe.status !== 0) {
    console.log('      (skipped: running as root, and user nobody cannot run node or read dist/ here (or setpriv is missing))');
    test.skip();
  }
  return wrapper;
}
