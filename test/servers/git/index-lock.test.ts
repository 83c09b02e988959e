// break36: a git killed mid-commit (an editor closed, a crash, a full disk) leaves .git/index.lock behind, and from then
// on `git add`, `git commit`, `git checkout`, `git pull` fail with "Unable to create '.git/index.lock': File exists".
// git_status still listed the changes (it takes no lock) with no word of it: asked why committing fails, the assistant
// saw nothing wrong. It now names the lock, its age and what to do; a lock written a moment ago (a git at work) is not
// named.
import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer } from '../../support/mcp-client';
import { createRepoKit, ok, readInfo, type RepoKit } from '../../support/git-fixture';

describe('git_status: a leftover index.lock (break36)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let root: string;

  before(() => {
    kit = createRepoKit('index-lock-');
    root = kit.repo('repo', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    kit.git(root, ['worktree', 'add', '-q', '-b', 'side', join(kit.dir, 'side')]);
  });

  after(() => kit?.cleanup());

  /** Writes `lock` and dates it `minutesAgo` minutes back. */
  function writeLock(lock: string, minutesAgo: number): void {
    writeFileSync(lock, '');
    const when = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(lock, when, when);
  }

  it('names a lock left for 20 minutes, its age and what to do, in the main tree and a linked one', async () => {
    const mainLock = join(root, '.git', 'index.lock');
    const sideLock = join(root, '.git', 'worktrees', 'side', 'index.lock');
    writeLock(mainLock, 20);
    writeLock(sideLock, 3 * 24 * 60);
    for (const [folder, lock, age] of [
      [root, mainLock, /last written 20 min ago/],
      [join(kit.dir, 'side'), sideLock, /last written 3 days ago/],
    ] as const) {
      const server = await startBuiltServer('git', { REPO_PATH: folder, TZ: 'UTC' });
      try {
        const status = await ok(server, 'git_status', {});
        assert.equal(status.indexLock?.path, lock);
        assert.ok(status.indexLock.ageSeconds >= 20 * 60, `age ${status.indexLock.ageSeconds}`);
        assert.ok(status.note.startsWith(`${lock} exists`), status.note);
        assert.match(status.note, age);
        assert.match(status.note, /git stages, commits, checks out, merges and pulls only after it is gone.*when no git is running, delete the file\./);
      } finally {
        await server.close();
      }
    }
  });

  // gitleft26: git://info, the overview read first, was silent on the lock git_status names.
  it('git://info names the lock the same way, in the main tree and a linked one', async () => {
    const mainLock = join(root, '.git', 'index.lock');
    const sideLock = join(root, '.git', 'worktrees', 'side', 'index.lock');
    writeLock(mainLock, 20);
    writeLock(sideLock, 3 * 24 * 60);
    for (const [folder, lock, age] of [
      [root, mainLock, /last written 20 min ago/],
      [join(kit.dir, 'side'), sideLock, /last written 3 days ago/],
    ] as const) {
      const server = await startBuiltServer('git', { REPO_PATH: folder, TZ: 'UTC' });
      try {
        const info = await readInfo(server);
        const status = await ok(server, 'git_status', {});
        assert.equal(info.indexLock?.path, lock);
        assert.ok(info.indexLock.ageSeconds >= 20 * 60, `age ${info.indexLock.ageSeconds}`);
        assert.match(info.note, age);
        assert.ok(info.note.includes(status.note), `${info.note} / ${status.note}`);
      } finally {
        await server.close();
      }
    }
  });

  it('says nothing of a lock written a moment ago (a git at work)', async () => {
    const lock = join(root, '.git', 'index.lock');
    writeLock(lock, 0);
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    try {
      const fresh = await ok(server, 'git_status', {});
      assert.equal(fresh.indexLock, undefined);
      assert.equal(fresh.note, undefined);
      const info = await readInfo(server);
      assert.equal(info.indexLock, undefined);
      assert.equal(info.note, undefined);
    } finally {
      await server.close();
    }
  });
});
