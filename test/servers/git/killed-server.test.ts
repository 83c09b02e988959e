// A git server killed outright (SIGKILL: from another MCP client, a person, the OOM killer) runs no code, so the git it
// had started was re-parented to init and ran on: one waiting on a FIFO its global config includes ran for ever
// (leftovers22, measured). Children now sit in process groups of their own, which a small reaper kills when the
// server's process ends (servers/shared/child-reaper.ts). Linux (/proc) only.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepoKit, type RepoKit } from '../../support/git-fixture';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { childPids, commandLine, commandName, isAlive } from '../../support/processes';
import { waitUntil } from '../../support/wait';

describe('git server killed outright', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let server: StartedServer | undefined;
  const started: number[] = [];

  before(function () {
    if (process.platform !== 'linux') this.skip();
    kit = createRepoKit('git-killed-');
  });
  after(async () => {
    await server?.close().catch(() => undefined);
    // Whatever the test left (without the reaper: the git it measured), ended here by the pids it saw.
    for (const pid of started) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    kit?.cleanup();
  });

  it('SIGKILL of the server ends the git it had started (one waiting on a FIFO for ever), and the reaper with it', async () => {
    const root = kit.repo('repo', [{ subject: 'first', date: '2024-05-01T10:00:00Z' }]);
    // A global config that includes a FIFO: every git call waits in open() until the server's time limit.
    const home = join(kit.dir, 'fifo-home');
    mkdirSync(home);
    execFileSync('mkfifo', [join(home, 'fifo')]);
    writeFileSync(join(home, '.gitconfig'), `[include]\n\tpath = ${join(home, 'fifo')}\n`);
    server = await startBuiltServer('git', { REPO_PATH: root, HOME: home });
    const serverPid = server.transport.pid!;
    void server.client.callTool({ name: 'git_status', arguments: {} }).catch(() => undefined);
    const git = await waitUntil('a git child of the server', () => childPids(serverPid).find((pid) => commandName(pid) === 'git'), { timeoutMs: 20_000, intervalMs: 50 });
    started.push(git);
    // The reaper: a child of the server in a session of its own, found by its script.
    const reaper = childPids(serverPid).find((pid) => commandName(pid) === 'sh' && commandLine(pid).join(' ').includes('kill -s KILL'));
    if (reaper !== undefined) started.push(reaper);
    process.kill(serverPid, 'SIGKILL');
    await waitUntil('the git child gone after its server was killed', () => !isAlive(git), { timeoutMs: 20_000, intervalMs: 50 });
    assert.ok(reaper, 'a reaper ran beside the git child');
    await waitUntil('the reaper gone too', () => !isAlive(reaper), { timeoutMs: 10_000, intervalMs: 50 });
  });
});
