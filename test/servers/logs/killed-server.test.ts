// A logs server killed outright (SIGKILL) runs no code: the journalctl it had started ran on, re-parented to init
// (leftovers22, measured: three of them, from listing the journal's sources). They now sit in process groups of their
// own, which the server's reaper kills when its process ends (servers/shared/child-reaper.ts). Linux (/proc) only;
// journalctl is a script that never ends, so no systemd journal is needed.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { childPids, commandName, isAlive } from '../../support/processes';
import { waitUntil } from '../../support/wait';

describe('logs server killed outright', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer | undefined;
  let seen: number[] = [];

  before(function () {
    if (process.platform !== 'linux') this.skip();
    dir = mkdtempSync(join(tmpdir(), 'logs-killed-'));
  });
  after(async () => {
    await server?.close().catch(() => undefined);
    for (const pid of seen) if (isAlive(pid) && commandName(pid) === 'sleep') process.kill(pid, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGKILL of the server ends the journalctl it had started', async () => {
    const journalctl = join(dir, 'journalctl');
    writeFileSync(journalctl, '#!/bin/sh\nexec sleep 600\n');
    chmodSync(journalctl, 0o755);
    server = await startBuiltServer('logs', { LOG_DIRS: dir, HOME: dir, LOG_JOURNAL: 'on', JOURNALCTL_PATH: journalctl });
    const serverPid = server.transport.pid!;
    void server.client.readResource({ uri: 'logs://files' }).catch(() => undefined);
    // The listing starts a few journalctl at once: wait until none is still being started (a child killed between its
    // start and the reaper hearing of it is the one case the reaper cannot cover).
    let last = '';
    let steadySince = Date.now();
    await waitUntil(
      'journalctl children, none still starting',
      () => {
        const sleeping = childPids(serverPid).filter((pid) => commandName(pid) === 'sleep');
        const key = `${sleeping.join(',')}|${childPids(serverPid).filter((pid) => commandName(pid) === 'node').length}`;
        if (key !== last) {
          last = key;
          steadySince = Date.now();
        }
        seen = sleeping;
        return sleeping.length > 0 && Date.now() - steadySince > 500;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    process.kill(serverPid, 'SIGKILL');
    await waitUntil('every journalctl gone after its server was killed', () => seen.every((pid) => !isAlive(pid)), { timeoutMs: 20_000, intervalMs: 50 });
    assert.ok(seen.length > 0);
  });
});
