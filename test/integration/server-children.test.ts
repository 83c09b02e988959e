// A server the supervisor kills takes the processes it started with it (Linux: read through /proc). The built git
// server runs a git that cannot end on its own (the person's global config includes a FIFO nobody writes, so git waits
// in open() for ever: a hang the server does not guard, as it refuses a FIFO .mailmap, .gitattributes or one the
// repository's config includes; it only names the cause at its time limit); the server is then hung with SIGSTOP, so it cannot stop its call itself, and the supervisor kills
// it: once because it stops answering pings, once because the hub is disposed. Before the servers ran in a process
// group of their own, that git outlived its server, an orphan holding its FIFO (or, with real work, a core).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForStates, type ServerHub } from '../../src/mcp/hub';
import { minimalEnv } from '../../src/mcp/server-specs';
import { oneCommitRepo, serversBuilt, startBundledHub } from '../support/bundled-hub';
import { childPids, commandName, isAlive } from '../support/processes';
import { waitUntil } from '../support/wait';

describe('a killed server takes its children with it', function () {
  this.timeout(90_000);
  let work: string;
  let repo: string;
  let home: string;
  let hub: ServerHub | undefined;
  const leftovers: number[] = [];

  before(function () {
    if (process.platform !== 'linux' || !existsSync('/proc/self/stat')) this.skip(); // reads /proc
    if (!serversBuilt('git')) this.skip(); // run `npm run build` first
    work = mkdtempSync(join(tmpdir(), 'children-'));
    repo = join(work, 'repo');
    home = join(work, 'home');
    mkdirSync(home);
    oneCommitRepo(repo, { 'README.md': '# demo\n' }, 'first');
  });
  afterEach(async () => {
    await hub?.dispose();
    hub = undefined;
    // Without the fix the git is still there: do not leave it behind the test either.
    for (const pid of leftovers.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Starts the git server, makes it run a git log that never ends and hangs the server (SIGSTOP); the pids and the call. */
  async function hangWithChild(pings: boolean): Promise<{ server: number; git: number; call: Promise<string> }> {
    hub = await startBundledHub({
      folder: repo,
      only: ['git'],
      baseEnv: { ...minimalEnv(), HOME: home },
      supervisor: pings ? { pingIntervalMs: 200, pingTimeoutMs: 200, missedPingsBeforeRestart: 2 } : {},
    });
    const server = hub.states()[0].pid!;
    const fifo = join(work, 'included-config');
    if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const config = join(home, '.gitconfig');
    writeFileSync(config, `[include]\n\tpath = ${fifo}\n`);
    const call = hub.callTool('git', 'git_log', { count: 1 }).then(
      (outcome) => `answered: ${outcome.text}`,
      (error: Error) => error.message,
    );
    // The server's first child git of the call reads the config and waits on the FIFO.
    const git = await waitUntil('the server to start git', () => childPids(server).find((pid) => commandName(pid) === 'git'));
    leftovers.push(git);
    process.kill(server, 'SIGSTOP');
    // The git already waits in open() on the FIFO and stays there; a git started now reads the config as it was.
    writeFileSync(config, '');
    return { server, git, call };
  }

  it('a server killed for not answering pings: its git ends too', async () => {
    const { server, git, call } = await hangWithChild(true);
    await waitForStates(hub!, (states) => states[0].status === 'running' && states[0].pid !== server, 30_000);
    // git_log is read-only: the supervisor ran it again on the restarted server, which answered.
    assert.match(await call, /^answered: .*first/);
    assert.equal(isAlive(server), false, 'the hung server was killed');
    await waitUntil(`git (pid ${git}) to end with its server`, () => !isAlive(git), { timeoutMs: 10_000 });
  });

  it('a hung server stopped with the hub: its git ends too', async () => {
    const { server, git, call } = await hangWithChild(false);
    await hub!.dispose();
    hub = undefined;
    await call;
    assert.equal(isAlive(server), false, 'the hung server was killed');
    await waitUntil(`git (pid ${git}) to end with its server`, () => !isAlive(git), { timeoutMs: 10_000 });
  });
});
