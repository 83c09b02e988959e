// gitleft26: a bare repository (`git clone --bare`, a server's mirror, the `.bare` of a worktree-per-branch layout) was
// refused by every tool, though reading history needs no working tree. History, one commit, a diff between commits,
// branches, blame at a revision, churn and git://info now read it; git_status (uncommitted work) says why it cannot, and
// a path is a name in the commits (a path on disk, or one leaving the top, is a clear error; the git folder's own
// `config` and `HEAD` are not taken for the project's files).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, fails, ok, readInfo, type RepoKit } from '../../support/git-fixture';

describe('a bare repository: the history tools read it (gitleft26)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let bare: string;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('bare-history-');
    const origin = kit.repo('origin', [{ subject: 'first', date: '2026-11-01T10:00:00Z' }]);
    kit.write(origin, 'src/app.ts', 'one\ntwo\n');
    kit.git(origin, ['add', '-A']);
    kit.commit(origin, ALICE, '2026-11-02T10:00:00Z', 'add app');
    kit.write(origin, 'src/app.ts', 'one\nTWO\nthree\n');
    kit.git(origin, ['add', '-A']);
    kit.commit(origin, BOB, '2026-11-03T10:00:00Z', 'change app');
    kit.git(origin, ['branch', 'release']);
    bare = join(kit.dir, 'mirror.git');
    kit.git(kit.dir, ['clone', '-q', '--bare', origin, bare]);
    server = await startBuiltServer('git', { REPO_PATH: bare, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('lists history, shows a commit, compares commits, lists branches, blames at a revision and ranks churn', async () => {
    const log = await ok(server, 'git_log', { path: 'src/app.ts' });
    assert.deepEqual(log.commits.map((c: { subject: string }) => c.subject), ['change app', 'add app']);
    const show = await ok(server, 'git_show', { ref: 'HEAD' });
    assert.equal(show.subject, 'change app');
    assert.match(show.patch, /\+TWO\n\+three\n/);
    const diff = await ok(server, 'git_diff_stat', { from: 'HEAD~2', to: 'HEAD', path: 'src' });
    assert.deepEqual(diff.files.map((f: { path: string; added: number }) => [f.path, f.added]), [['src/app.ts', 3]]);
    const branches = await ok(server, 'git_branches', {});
    assert.deepEqual(branches.branches.map((b: { name: string }) => b.name).sort(), ['main', 'release']);
    assert.equal(branches.current, 'main');
    const blame = await ok(server, 'git_blame', { path: 'src/app.ts', ref: 'release' });
    assert.deepEqual(blame.lines.map((l: { author: string; content: string }) => [l.author, l.content]), [
      [ALICE.name, 'one'],
      [BOB.name, 'TWO'],
      [BOB.name, 'three'],
    ]);
    const churn = await ok(server, 'git_file_churn', { since: '2026-10-01' });
    assert.equal(churn.files[0].path, 'src/app.ts');
  });

  // leftovers27: git reads a relative blame.ignoreRevsFile from its folder, the git folder of a bare repository, where the
  // project's `.git-blame-ignore-revs` never is: the list was dropped. It is read from the blamed commit.
  it('reads a relative blame.ignoreRevsFile from the blamed commit, and says a missing one is not skipped', async () => {
    const origin = kit.repo('origin-revs', [{ subject: 'first', date: '2026-11-01T10:00:00Z' }]);
    kit.write(origin, 'app.js', 'let a = 1\nlet b = 2\n');
    kit.git(origin, ['add', '-A']);
    kit.commit(origin, ALICE, '2026-11-02T10:00:00Z', 'write code');
    kit.write(origin, 'app.js', 'let a = 1;\nlet b = 2;\n');
    kit.git(origin, ['add', '-A']);
    kit.commit(origin, BOB, '2026-11-03T10:00:00Z', 'reformat');
    const reformat = kit.git(origin, ['rev-parse', 'HEAD']).trim();
    kit.write(origin, '.git-blame-ignore-revs', `# formatting\n${reformat}\n`);
    kit.git(origin, ['add', '-A']);
    kit.commit(origin, BOB, '2026-11-04T10:00:00Z', 'ignore the reformat in blame');
    const mirror = join(kit.dir, 'revs.git');
    kit.git(kit.dir, ['clone', '-q', '--bare', origin, mirror]);
    kit.git(mirror, ['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const revs = await startBuiltServer('git', { REPO_PATH: mirror, TZ: 'UTC' });
    try {
      const blame = await ok(revs, 'git_blame', { path: 'app.js' });
      assert.deepEqual(blame.lines.map((l: { author: string }) => l.author), [ALICE.name, ALICE.name], JSON.stringify(blame));
      assert.match(blame.note, /Commits listed in "\.git-blame-ignore-revs" \(blame\.ignoreRevsFile, read from HEAD, as this bare repository has no working tree\) are skipped/);
      // Before the file was committed, the commit holds none: blamed as it is, and said.
      const before = await ok(revs, 'git_blame', { path: 'app.js', ref: 'HEAD~1' });
      assert.deepEqual(before.lines.map((l: { author: string }) => l.author), [BOB.name, BOB.name]);
      assert.match(before.note, /blame\.ignoreRevsFile names "\.git-blame-ignore-revs", which HEAD~1 does not hold as a file/);
    } finally {
      await revs.close();
    }
  });

  it('git://info gives the overview without a dirty state, and says why', async () => {
    const info = await readInfo(server);
    assert.equal(info.isRepository, true);
    assert.equal(info.bare, true);
    assert.equal(info.branch, 'main');
    assert.equal(info.lastCommit.subject, 'change app');
    assert.equal(info.dirty, undefined);
    assert.match(info.note, /is a bare repository, which has no working tree of its own, and so it has no dirty state or changes to show/);
  });

  it('git_status says a bare repository has no uncommitted work to list', async () => {
    assert.match(await fails(server, 'git_status', {}), /mirror\.git is a bare repository, which has no working tree of its own, and git_status lists uncommitted work in a working tree: point REPO_PATH at a working tree \(a clone without --bare\)/);
  });

  it('checks a bare repository\'s config before git reads it: an include naming a FIFO is refused at once', async () => {
    const hostile = join(kit.dir, 'hostile.git');
    kit.git(kit.dir, ['clone', '-q', '--bare', bare, hostile]);
    execFileSync('mkfifo', [join(kit.dir, 'fifo-included')]);
    kit.git(hostile, ['config', 'include.path', join(kit.dir, 'fifo-included')]);
    const opened = await startBuiltServer('git', { REPO_PATH: hostile, TZ: 'UTC' });
    try {
      const started = Date.now();
      assert.match(await fails(opened, 'git_log'), /fifo-included \(the repository's config, which git reads on every call, named by include\.path in .*hostile\.git\/config\), which is a FIFO/);
      assert.ok(Date.now() - started < 8000, `answered after ${Date.now() - started} ms`);
    } finally {
      await opened.close();
    }
  });

  it('reads paths as names in the commits: not the git folder\'s files, nothing on disk, nothing above the top', async () => {
    const config = await ok(server, 'git_log', { path: 'config' });
    assert.deepEqual(config.commits, []);
    assert.match(config.note, /"config" does not exist in this bare repository and no commit at HEAD touches it/);
    assert.match(await fails(server, 'git_blame', { path: 'HEAD' }), /path: 'HEAD' does not exist in HEAD/);
    assert.match(await fails(server, 'git_log', { path: join(bare, 'config') }), /is a path on disk, but this is a bare repository/);
    assert.match(await fails(server, 'git_log', { path: 'src/../../x' }), /is outside the repository/);
    assert.deepEqual((await ok(server, 'git_log', { path: './src//app.ts' })).commits.length, 2);
  });
});
