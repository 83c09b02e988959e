// The git server reading a LINKED working tree (`git worktree add`): its .git is a file naming
// <common>/worktrees/<name>, where HEAD, the index and a stopped operation are kept per working tree, while refs and
// config are the main repository's. Every tool must answer about the working tree it was pointed at, and a branch
// checked out in another working tree of the same repository is named as such (git refuses to check it out twice).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, ok, readInfo, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('git server on a linked worktree', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let main: string;
  let linked: string;
  let detached: string;
  let linkedHead: string;
  const servers: StartedServer[] = [];
  const start = async (folder: string) => {
    const server = await startBuiltServer('git', { REPO_PATH: folder, TZ: 'UTC' });
    servers.push(server);
    return server;
  };

  before(() => {
    kit = createRepoKit('git-worktrees-');
    main = kit.repo('main', [
      { subject: 'first', date: '2024-05-01T10:00:00Z' },
      { subject: 'second on main', date: '2024-05-02T10:00:00Z' },
    ]);
    kit.git(main, ['branch', 'spare']);
    linked = join(kit.dir, 'linked');
    detached = join(kit.dir, 'detached');
    kit.git(main, ['worktree', 'add', '-q', linked, '-b', 'topic']);
    kit.git(main, ['worktree', 'add', '-q', '--detach', detached, 'HEAD~1']);
    kit.write(linked, 'topic.txt', 'topic work\n');
    kit.git(linked, ['add', 'topic.txt']);
    linkedHead = kit.commit(linked, BOB, '2024-05-03T10:00:00Z', 'topic: own commit');
    kit.write(linked, 'untracked-here.txt', 'only in the linked tree\n');
  });
  after(async () => {
    for (const server of servers) await server.close();
    kit?.cleanup();
  });

  it('marks the branch checked out in the linked tree as current and names the one checked out in the main tree', async () => {
    const server = await start(linked);
    const out = await ok(server, 'git_branches', { scope: 'local' });
    assert.equal(out.current, 'topic');
    assert.equal(out.headHash, linkedHead);
    const byName = Object.fromEntries((out.branches as Data[]).map((b) => [b.name, b]));
    assert.equal(byName.topic.current, true);
    assert.equal(byName.topic.worktree, undefined, 'the branch checked out here is current, not "elsewhere"');
    assert.equal(byName.main.current, false);
    assert.equal(byName.main.worktree, main);
    assert.equal(byName.spare.worktree, undefined, 'a branch checked out nowhere');
  });

  it('leftovers24: a linked tree whose folder was deleted (prunable) is named as gone, not as where the branch is', async () => {
    const gone = join(kit.dir, 'gone');
    kit.git(main, ['worktree', 'add', '-q', gone, '-b', 'abandoned']);
    rmSync(gone, { recursive: true, force: true });
    try {
      const server = await start(main);
      const out = await ok(server, 'git_branches', { scope: 'local' });
      const byName = Object.fromEntries((out.branches as Data[]).map((b) => [b.name, b]));
      assert.equal(byName.abandoned.worktree, gone);
      assert.match(byName.abandoned.worktreePrunable, /non-existent location/);
      assert.equal(byName.topic.worktree, linked);
      assert.equal(byName.topic.worktreePrunable, undefined, 'a linked tree that is there is not prunable');
      // The repository overview still answers.
      assert.equal((await readInfo(server)).isRepository, true);
    } finally {
      kit.git(main, ['worktree', 'prune']);
      kit.git(main, ['branch', '-D', 'abandoned']);
    }
  });

  it('from the main tree, names the linked tree holding a branch', async () => {
    const server = await start(main);
    const out = await ok(server, 'git_branches', { scope: 'local' });
    assert.equal(out.current, 'main');
    const topic = (out.branches as Data[]).find((b) => b.name === 'topic')!;
    assert.equal(topic.current, false);
    assert.equal(topic.worktree, linked);
  });

  it('a linked tree with a detached HEAD: no current branch, every checked-out branch named with its tree', async () => {
    const server = await start(detached);
    const out = await ok(server, 'git_branches', { scope: 'local' });
    assert.equal(out.current, null);
    assert.equal(out.detached, true);
    const byName = Object.fromEntries((out.branches as Data[]).map((b) => [b.name, b]));
    assert.equal(byName.main.worktree, main);
    assert.equal(byName.topic.worktree, linked);
    assert.ok((out.branches as Data[]).every((b) => !b.current));
  });

  it('every other tool and git://info read the linked tree: its HEAD, its changes, its history', async () => {
    const server = await start(linked);
    const status = await ok(server, 'git_status');
    assert.equal(status.branch, 'topic');
    assert.equal(status.root, linked);
    assert.deepEqual((status.files as Data[]).map((f) => [f.path, f.kind]), [['untracked-here.txt', 'untracked']]);
    const log = await ok(server, 'git_log', { count: 5 });
    assert.deepEqual((log.commits as Data[]).map((c) => c.subject), ['topic: own commit', 'second on main', 'first']);
    const show = await ok(server, 'git_show');
    assert.equal(show.hash, linkedHead);
    assert.deepEqual((show.files as Data[]).map((f) => f.path), ['topic.txt']);
    const diff = await ok(server, 'git_diff_stat', { from: 'main' });
    assert.deepEqual((diff.files as Data[]).map((f) => f.path), ['topic.txt']);
    const churn = await ok(server, 'git_file_churn', { since: '2024-05-01' });
    assert.ok((churn.files as Data[]).some((f) => f.path === 'topic.txt'), JSON.stringify(churn.files));
    const blame = await ok(server, 'git_blame', { path: 'topic.txt' });
    assert.equal(blame.lines[0].author, BOB.name);
    const info = await readInfo(server);
    assert.equal(info.branch, 'topic');
    assert.equal(info.root, linked);
    assert.equal(info.lastCommit.hash, linkedHead);
    assert.equal(info.dirty, true);
    // The main tree is unchanged by the linked tree's commit.
    const fromMain = await start(main);
    assert.equal((await ok(fromMain, 'git_log', { count: 1 })).commits[0].author, ALICE.name);
  });
});
