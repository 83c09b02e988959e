// git's edge cases (issue 12, item 4): dates git cannot parse, paths with tabs and line breaks that
// must round-trip, paths nothing touches, and submodules with work inside.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { createEdgeRepos, ok, readInfo, type EdgeRepos } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('git server edge cases', function () {
  this.timeout(30_000);
  let edges: EdgeRepos;
  let odd: StartedServer;
  let superproject: StartedServer;

  before(async () => {
    edges = createEdgeRepos();
    odd = await startBuiltServer('git', { REPO_PATH: edges.odd, TZ: 'UTC' });
    superproject = await startBuiltServer('git', { REPO_PATH: edges.superproject, TZ: 'UTC' });
  });
  after(async () => {
    await odd?.close();
    await superproject?.close();
    edges?.kit.cleanup();
  });

  describe('date windows beyond what git parses', () => {
    const subjects = (log: Data) => log.commits.map((c: Data) => c.subject);

    it('a commit dated 2150 is not before until 2100-01-01, and is after since 2100-01-01', async () => {
      assert.deepEqual(subjects(await ok(odd, 'git_log', { until: '2100-01-01' })), ['Add awkward names', 'A commit of 2024']);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { since: '2100-01-01' })), ['A commit dated 2150']);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { since: '2099-12-31T23:59:59Z', until: '2100-01-01T00:00:00Z' })), []);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { since: '2150-01-01T00:00:00Z', until: '2150-01-01T00:00:01Z' })), ['A commit dated 2150']);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { count: 1, until: '2100-01-01' })), ['Add awkward names'], 'the count is filled from inside the window');
    });

    it('git_file_churn counts only commits inside the window', async () => {
      const churn = await ok(odd, 'git_file_churn', { since: '2000-01-01', until: '2100-01-01' });
      assert.ok(!churn.files.some((f: Data) => f.path === 'future.txt'), JSON.stringify(churn.files));
      const future = await ok(odd, 'git_file_churn', { since: '2100-01-01' });
      assert.deepEqual(future.files.map((f: Data) => f.path), ['future.txt']);
    });
  });

  describe('listed paths round-trip', () => {
    it('git_show lists exact paths (display forms beside them) and each works when passed back', async () => {
      const show = await ok(odd, 'git_show', { ref: 'HEAD~1', includePatch: false });
      const byPath = new Map<string, Data>(show.files.map((f: Data) => [f.path, f]));
      assert.deepEqual([...byPath.keys()].sort(), Object.values(edges.names).sort());
      assert.equal(byPath.get(edges.names.tab)!.displayPath, 'tab\\x09here.txt');
      assert.equal(byPath.get(edges.names.newline)!.displayPath, 'line\\x0abreak.txt');
      assert.equal(byPath.get(edges.names.space)!.displayPath, undefined, 'a plain path has no display form');
      for (const file of show.files) {
        const log = await ok(odd, 'git_log', { path: file.path });
        assert.deepEqual(log.commits.map((c: Data) => c.subject), ['Add awkward names'], JSON.stringify(file.path));
        const blame = await ok(odd, 'git_blame', { path: file.path });
        assert.equal(blame.lines[0].content, JSON.stringify(file.path));
        const one = await ok(odd, 'git_show', { ref: 'HEAD~1', path: file.path, includePatch: false });
        assert.deepEqual(one.files.map((f: Data) => f.path), [file.path]);
      }
    });

    it('git_status and git_file_churn list exact paths too', async () => {
      edges.kit.write(edges.odd, edges.names.tab, 'changed\n');
      try {
        const status = await ok(odd, 'git_status');
        assert.deepEqual(status.files.map((f: Data) => [f.path, f.displayPath]), [[edges.names.tab, 'tab\\x09here.txt']]);
        assert.equal((await ok(odd, 'git_log', { path: status.files[0].path })).commits.length, 1);
      } finally {
        edges.kit.git(edges.odd, ['checkout', '--', edges.names.tab]);
      }
      const churn = await ok(odd, 'git_file_churn', { since: '2000-01-01', until: '2100-01-01' });
      for (const file of churn.files) assert.ok((await ok(odd, 'git_log', { path: file.path })).commits.length > 0, JSON.stringify(file.path));
    });
  });

  describe('a path nothing touches', () => {
    it('says the path does not exist, rather than returning a bare empty list', async () => {
      const log = await ok(odd, 'git_log', { path: 'no/such/file.txt' });
      assert.deepEqual(log.commits, []);
      assert.match(log.note, /"no\/such\/file.txt" does not exist in the working tree and no commit at HEAD touches it/);
      const churn = await ok(odd, 'git_file_churn', { path: 'missing.txt', since: '2000-01-01' });
      assert.match(churn.note, /does not exist/);
    });

    it('says when the file exists but was never committed, or when other filters hide its commits', async () => {
      edges.kit.write(edges.odd, 'fresh.txt', 'new\n');
      try {
        assert.match((await ok(odd, 'git_log', { path: 'fresh.txt' })).note, /No commit at HEAD touches "fresh.txt": it exists in the working tree but has never been committed/);
      } finally {
        execFileSync('rm', ['-f', `${edges.odd}/fresh.txt`]);
      }
      assert.match((await ok(odd, 'git_log', { path: 'future.txt', until: '2100-01-01' })).note, /commits at HEAD do touch it: widen the filters/);
      assert.match((await ok(odd, 'git_show', { ref: 'HEAD~1', path: 'future.txt' })).note, /No commit at HEAD~1 touches "future.txt": it only appears in later commits/);
      assert.match((await ok(odd, 'git_show', { ref: 'HEAD', path: '1.txt' })).note, /HEAD does not change "1.txt", which exists at that commit/);
      assert.match((await ok(odd, 'git_diff_stat', { path: '1.txt' })).note, /Nothing under "1.txt" differs between HEAD\^ \(first parent\) and HEAD; it exists there unchanged/);
      assert.match((await ok(odd, 'git_diff_stat', { path: 'gone.txt' })).note, /"gone.txt" does not exist in the working tree and no commit at HEAD touches it/);
    });
  });

  describe('submodules', () => {
    it('a submodule with uncommitted edits makes the superproject dirty, as git status says', async () => {
      const plain = execFileSync('git', ['status', '--porcelain'], { cwd: edges.superproject, encoding: 'utf8' });
      assert.match(plain, /^ M sub$/m, 'git itself reports the submodule modified');
      const status = await ok(superproject, 'git_status');
      assert.equal(status.clean, false);
      const sub = status.files.find((f: Data) => f.path === 'sub');
      assert.deepEqual([sub?.unstaged, sub?.submodule], ['M', 'modified content']);
      const untracked = status.files.find((f: Data) => f.path === 'subUntracked');
      assert.deepEqual([untracked?.unstaged, untracked?.submodule], ['M', 'untracked content']);
      assert.equal(status.counts.unstaged, 2);
      const info = await readInfo(superproject);
      assert.equal(info.dirty, true);
    });
  });
});
