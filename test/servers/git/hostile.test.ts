// Hostile input for the built git server: option injection through refs, no-index tricks, paths
// out of the repository, repository config that runs programs, odd repositories, cancellation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { createBigRepo, createGitFixture, fails, ok, readInfo, type GitFixture } from '../../support/git-fixture';
import { waitUntil } from '../../support/wait';

const TOOLS_WITH_REFS: Array<[string, string, Record<string, unknown>]> = [
  ['git_log', 'ref', {}],
  ['git_diff_stat', 'from', {}],
  ['git_diff_stat', 'to', {}],
  ['git_show', 'ref', {}],
  ['git_blame', 'ref', { path: 'README.md' }],
  ['git_file_churn', 'ref', { since: '2024-01-01' }],
];

const TOOLS_WITH_PATHS: Array<[string, Record<string, unknown>]> = [
  ['git_log', {}],
  ['git_diff_stat', { from: 'HEAD~3' }],
  ['git_show', {}],
  ['git_blame', {}],
  ['git_file_churn', { since: '2024-01-01' }],
];

describe('git server under hostile input', function () {
  this.timeout(60_000);
  let fixture: GitFixture;
  let server: StartedServer;

  before(async () => {
    fixture = createGitFixture();
    server = await startBuiltServer('git', { REPO_PATH: fixture.repo, TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    fixture?.cleanup();
  });

  describe('option injection through refs', () => {
    for (const [tool, field, base] of TOOLS_WITH_REFS) {
      it(`${tool}: ${field} "--output=<file>" is refused and writes nothing`, async () => {
        const target = join(fixture.dir, `pwned-${tool}-${field}`);
        const message = await fails(server, tool, { ...base, [field]: `--output=${target}` });
        assert.match(message, /starts with '-'/);
        assert.equal(existsSync(target), false);
      });
    }

    it('refuses other options and line breaks in refs', async () => {
      for (const ref of ['-p', '--no-index', '--all', '-ofile', '--exec=touch x']) {
        assert.match(await fails(server, 'git_log', { ref }), /starts with '-'/, ref);
      }
      assert.match(await fails(server, 'git_log', { ref: 'main\n--output=x' }), /line breaks/);
      assert.match(await fails(server, 'git_log', { ref: ' --output=/tmp/x' }), /starts with '-'/);
      assert.match(await fails(server, 'git_log', { ref: 'x'.repeat(600) }), /.+/);
    });

    it('refuses a range whose side is an option', async () => {
      const target = join(fixture.dir, 'pwned-range');
      assert.match(await fails(server, 'git_log', { ref: `main..--output=${target}` }), /starts with '-'/);
      assert.equal(existsSync(target), false);
    });

    it('never falls into no-index mode: /dev/null and file paths are not commits', async () => {
      const message = await fails(server, 'git_diff_stat', { from: '/dev/null', to: join(fixture.outside, 'secret.txt') });
      assert.match(message, /is not a commit/);
      assert.doesNotMatch(message, /top secret/);
      assert.match(await fails(server, 'git_diff_stat', { from: '/dev/null', to: 'README.md' }), /is not a commit/);
      assert.match(await fails(server, 'git_show', { ref: 'HEAD:README.md' }), /is not a commit/);
    });
  });

  describe('paths out of the repository', () => {
    const escapes = (fixtureDir: string) => ['../outside/secret.txt', 'src/../../outside/secret.txt', join(fixtureDir, 'outside', 'secret.txt'), '/etc/passwd'];
    for (const [tool, base] of TOOLS_WITH_PATHS) {
      it(`${tool}: ../, absolute and symlinked paths are refused`, async () => {
        for (const path of escapes(fixture.dir)) {
          assert.match(await fails(server, tool, { ...base, path }), /outside the repository/, path);
        }
        assert.match(await fails(server, tool, { ...base, path: 'link-out.txt' }), /symbolic link/);
        assert.match(await fails(server, tool, { ...base, path: 'linkdir/secret.txt' }), /symbolic link/);
      });
    }

    it('refuses .git internals and option-like paths, accepts ./-style and absolute inside', async () => {
      assert.match(await fails(server, 'git_log', { path: '.git/config' }), /inside .git/);
      assert.match(await fails(server, 'git_log', { path: '--output=x' }), /starts with '-'/);
      // Pathspec magic and globs are taken literally: no file has these names.
      for (const path of ['*', ':(top)src', ':/']) assert.deepEqual((await ok(server, 'git_log', { path })).commits, [], path);
      const inside = await ok(server, 'git_log', { path: join(fixture.repo, 'src', 'config.ts') });
      assert.equal(inside.commits.length, 2);
    });
  });

  describe('bad values', () => {
    it('explains dates it cannot read', async () => {
      for (const since of ['next tuesday-ish', '2024-13-40', '--all', 'yesterday; rm -rf /', '2024-02-30']) {
        assert.match(await fails(server, 'git_log', { since }), /could not understand/, since);
      }
      assert.match(await fails(server, 'git_file_churn', { since: 'banana' }), /could not understand/);
      assert.match(await fails(server, 'git_log', { since: '2024-02-01', until: '2024-01-01' }), /is not after since/);
    });

    it('rejects out-of-bounds numbers and unknown enum values', async () => {
      assert.match(await fails(server, 'git_log', { count: 0 }), /count/);
      await fails(server, 'git_log', { count: 100_000 });
      await fails(server, 'git_branches', { scope: 'everything' });
      await fails(server, 'git_show', { maxPatchBytes: 10 });
      await fails(server, 'git_blame', { path: 'README.md', startLine: 0 });
    });

    // A guessed name (file for path, branch for ref) used to be dropped silently: git_log then
    // answered with the whole history of HEAD as if it were that file's or that branch's.
    it('refuses an argument the tool does not take, naming the ones it takes', async () => {
      assert.match(await fails(server, 'git_log', { file: 'README.md' }), /unknown argument "file"; this tool takes count, ref, author, grep, since, until, dateBy, path, includeMerges, cursor, repository/);
      assert.match(await fails(server, 'git_log', { branch: 'feature', count: 1 }), /unknown argument "branch"/);
      assert.match(await fails(server, 'git_status', { file: 'src' }), /unknown argument "file"; this tool takes limit, path, repository/);
    });

    it('says a range given where one commit is taken is a range, and which tools take ranges', async () => {
      for (const [tool, args] of [['git_diff_stat', { to: 'main..feature' }], ['git_show', { ref: 'HEAD~2..HEAD' }], ['git_file_churn', { ref: 'main..feature' }]] as const) {
        assert.match(await fails(server, tool, args), /is a range, and this takes one commit; git_log takes ranges/, tool);
      }
      assert.match(await fails(server, 'git_log', { ref: 'main..no-such-branch' }), /right of \.\.\): 'no-such-branch' is not a commit/);
    });

    it('keeps NUL and line breaks out of filters', async () => {
      assert.match(await fails(server, 'git_log', { author: 'a\u0000b' }), /NUL/);
      assert.match(await fails(server, 'git_log', { grep: 'a\nb' }), /line breaks/);
    });
  });

  describe('repository config that would run programs', () => {
    let hostile: StartedServer;
    const markerFiles = () => Object.values(fixture.markers).filter((m) => existsSync(m));
    const clearMarkers = () => Object.values(fixture.markers).forEach((m) => rmSync(m, { force: true }));

    before(async () => {
      hostile = await startBuiltServer('git', { REPO_PATH: fixture.hostile, TZ: 'UTC' });
    });
    after(async () => {
      await hostile?.close();
    });

    it('the fixture is really hostile: plain git runs every planted program', () => {
      clearMarkers();
      fixture.git(fixture.hostile, ['status']);
      assert.ok(existsSync(fixture.markers.filter), 'plain git status runs the clean filter');
      fixture.git(fixture.hostile, ['diff', 'HEAD~1', 'HEAD']);
      fixture.git(fixture.hostile, ['diff', 'HEAD']);
      fixture.git(fixture.hostile, ['log', '-p', '--no-ext-diff', '-2']);
      for (const [name, path] of Object.entries(fixture.markers)) assert.ok(existsSync(path), `${name} hook did not run in plain git`);
      clearMarkers();
    });

    it('no tool or resource runs any of them', async () => {
      clearMarkers();
      const status = await ok(hostile, 'git_status');
      assert.deepEqual(status.files.map((f: Record<string, unknown>) => f.path).sort(), ['a.txt', 'b.dat']);
      const log = await ok(hostile, 'git_log');
      assert.equal(log.commits.length, 2);
      const diff = await ok(hostile, 'git_diff_stat', { from: 'HEAD~1', to: 'HEAD' });
      assert.deepEqual(diff.files.map((f: Record<string, unknown>) => f.path).sort(), ['a.txt', 'b.dat', 'c.md']);
      const show = await ok(hostile, 'git_show');
      assert.match(show.patch, /\+two/);
      assert.match(show.patch, /\+doc two/);
      await ok(hostile, 'git_blame', { path: 'a.txt' });
      await ok(hostile, 'git_blame', { path: 'c.md' });
      await ok(hostile, 'git_file_churn', { since: '2000-01-01' });
      await ok(hostile, 'git_branches');
      const info = await readInfo(hostile);
      assert.equal(info.dirty, true);
      assert.deepEqual(markerFiles(), []);
    });
  });

  // break23: a partial clone fetches an object it lacks from its promisor remote whenever a read needs it, so git_show or
  // git_blame of an old commit reached the network and ran what the repository's config named for that: a remote URL
  // `ext::sh -c …` (or core.sshCommand) ran a program.
  describe('a partial clone whose promisor remote would run a program', () => {
    let partial: StartedServer;
    let marker: string;
    let older: string;

    before(async () => {
      const source = join(fixture.dir, 'partial-source');
      fixture.git(fixture.dir, ['init', '-q', '-b', 'main', source]);
      for (const text of ['first\n', 'first\nsecond\n']) {
        writeFileSync(join(source, 'a.txt'), text);
        fixture.git(source, ['add', 'a.txt']);
        fixture.git(source, ['commit', '-q', '-m', text.trim().split('\n').at(-1) ?? ''], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' });
      }
      fixture.git(source, ['config', 'uploadpack.allowFilter', 'true']);
      const clone = join(fixture.dir, 'partial-clone');
      fixture.git(fixture.dir, ['clone', '-q', '--filter=blob:none', `file://${source}`, clone]);
      older = fixture.git(clone, ['rev-parse', 'HEAD~1']);
      marker = join(fixture.dir, 'pwned-lazy-fetch');
      fixture.git(clone, ['config', 'remote.origin.url', `ext::sh -c touch% ${marker}% 1>&2`]);
      fixture.git(clone, ['config', 'protocol.ext.allow', 'always']);
      partial = await startBuiltServer('git', { REPO_PATH: clone, TZ: 'UTC' });
    });
    after(async () => {
      await partial?.close();
    });

    it('no tool fetches: an object the clone lacks is said to be missing, and nothing runs', async () => {
      // leftovers28: git_show and git_diff_stat answer what needs no missing content (partial-clone.test.ts); git_blame cannot.
      for (const [tool, args] of [['git_show', { ref: older }], ['git_diff_stat', { from: older, to: 'HEAD' }], ['git_file_churn', { since: '2000-01-01' }]] as const) {
        assert.match(String((await ok(partial, tool, args)).note), /partial clone .*never downloads/, tool);
      }
      assert.match(await fails(partial, 'git_blame', { path: 'a.txt', ref: older }), /partial clone .*never downloads/);
      assert.deepEqual((await ok(partial, 'git_log')).commits.map((c: Record<string, unknown>) => c.subject), ['second', 'first']);
      assert.equal(existsSync(marker), false, 'a lazy fetch ran the remote URL');
    });

    it('the clone is really hostile: plain git runs the remote URL on the same read', () => {
      assert.throws(() => fixture.git(join(fixture.dir, 'partial-clone'), ['show', older]));
      assert.equal(existsSync(marker), true);
      rmSync(marker, { force: true });
    });
  });

  describe('unusual repositories', () => {
    it('not a repository: every tool says so, the resource too', async () => {
      const plain = await startBuiltServer('git', { REPO_PATH: fixture.notRepo });
      try {
        for (const [tool, args] of [['git_log', {}], ['git_status', {}], ['git_branches', {}], ['git_diff_stat', {}], ['git_show', {}], ['git_file_churn', {}], ['git_blame', { path: 'x' }]] as const) {
          assert.match(await fails(plain, tool, args), /not a git repository: .*not-a-repo/, tool);
        }
        const info = await readInfo(plain);
        assert.equal(info.isRepository, false);
        assert.match(info.message, /not a git repository/);
      } finally {
        await plain.close();
      }
    });

    it('config moving the working tree elsewhere (core.worktree) is refused', async () => {
      const escape = await startBuiltServer('git', { REPO_PATH: fixture.worktreeEscape });
      try {
        for (const tool of ['git_status', 'git_log']) assert.match(await fails(escape, tool), /core\.worktree/, tool);
        assert.equal((await readInfo(escape)).isRepository, false);
      } finally {
        await escape.close();
      }
    });

    // git 2.3x fails --show-toplevel there, and the answer was "git failed: this operation must be run in a work tree".
    // gitleft26: a bare repository's history is read; what needs a working tree says why it cannot be answered.
    it('a bare repository and a folder inside .git: plain answers naming what to point at', async () => {
      const bare = join(fixture.dir, 'bare-clone.git');
      fixture.git(fixture.dir, ['clone', '-q', '--bare', fixture.repo, bare]);
      const clone = await startBuiltServer('git', { REPO_PATH: bare });
      try {
        assert.ok((await ok(clone, 'git_log')).commits.length > 0);
        assert.match(await fails(clone, 'git_status'), /is a bare repository, which has no working tree of its own, and git_status lists uncommitted work in a working tree: point REPO_PATH at a working tree/);
        assert.equal((await readInfo(clone)).bare, true);
      } finally {
        await clone.close();
      }
      const inside = join(fixture.repo, '.git', 'refs');
      const odd = await startBuiltServer('git', { REPO_PATH: inside });
      try {
        assert.match(await fails(odd, 'git_log'), /inside a \.git folder/);
        assert.match((await readInfo(odd)).message, /inside a \.git folder/);
      } finally {
        await odd.close();
      }
    });

    // git reports the resolved root, so an absolute path written through the configured link was "outside the repository".
    it('a repository reached through a symlinked folder takes absolute paths written through the link', async () => {
      const link = join(fixture.dir, 'linked-parent');
      symlinkSync(join(fixture.repo, '..'), link);
      const linked = join(link, basename(fixture.repo));
      const through = await startBuiltServer('git', { REPO_PATH: linked });
      try {
        assert.equal((await ok(through, 'git_log', { path: join(linked, 'src', 'config.ts') })).commits.length, 2);
        assert.match(await fails(through, 'git_log', { path: join(link, 'outside', 'secret.txt') }), /outside the repository/);
        assert.match(await fails(through, 'git_log', { path: join(linked, '..', 'outside', 'secret.txt') }), /outside the repository/);
      } finally {
        await through.close();
      }
    });

    // break23: "not a git repository: <folder>. Set REPO_PATH to a folder inside a git working tree" for a folder that is
    // one: a linked worktree whose main repository had been moved, which `git worktree repair` mends.
    it('a linked worktree whose main repository moved: says where its .git file points and how to mend it', async () => {
      const main = join(fixture.dir, 'wt-main');
      const linked = join(fixture.dir, 'wt-linked');
      fixture.git(fixture.dir, ['clone', '-q', fixture.repo, main]);
      fixture.git(main, ['worktree', 'add', '-q', linked, '-b', 'wt-branch']);
      renameSync(main, join(fixture.dir, 'wt-main-moved'));
      const orphan = await startBuiltServer('git', { REPO_PATH: linked });
      try {
        const expected = /wt-linked is a linked worktree or submodule whose \.git file points to \S*wt-main\/\.git\/worktrees\/wt-linked, which is not a repository \(moved or deleted\?\): run `git worktree repair`/;
        assert.match(await fails(orphan, 'git_log'), expected);
        assert.match((await readInfo(orphan)).message, expected);
      } finally {
        await orphan.close();
      }
    });

    it('a folder that does not exist', async () => {
      const missing = await startBuiltServer('git', { REPO_PATH: join(fixture.dir, 'nope') });
      try {
        assert.match(await fails(missing, 'git_status'), /does not exist/);
      } finally {
        await missing.close();
      }
    });

    it('an empty repository: clear answers', async () => {
      const empty = await startBuiltServer('git', { REPO_PATH: fixture.empty });
      try {
        const log = await ok(empty, 'git_log');
        assert.deepEqual(log.commits, []);
        assert.match(log.note, /no commits yet/);
        const status = await ok(empty, 'git_status');
        assert.equal(status.branch, 'main');
        assert.equal(status.headHash, null);
        assert.equal(status.clean, true);
        const branches = await ok(empty, 'git_branches');
        assert.equal(branches.current, 'main');
        assert.deepEqual(branches.branches, []);
        const churn = await ok(empty, 'git_file_churn');
        assert.deepEqual(churn.files, []);
        for (const [tool, args] of [['git_diff_stat', {}], ['git_show', {}], ['git_blame', { path: 'x' }]] as const) {
          assert.match(await fails(empty, tool, args), /no commits yet/, tool);
        }
        assert.match(await fails(empty, 'git_log', { ref: 'main' }), /no commits yet/);
        const info = await readInfo(empty);
        assert.equal(info.empty, true);
        assert.equal(info.lastCommit, null);
      } finally {
        await empty.close();
      }
    });

    it('a shallow clone: history is marked incomplete', async () => {
      const shallow = await startBuiltServer('git', { REPO_PATH: fixture.shallow });
      try {
        const log = await ok(shallow, 'git_log');
        assert.deepEqual(log.commits.map((c: Record<string, unknown>) => c.subject), ['Remote change', 'Update main loop']);
        assert.equal(log.shallow, true);
        assert.match(log.note, /shallow/);
        const edge = await ok(shallow, 'git_diff_stat', { to: 'HEAD~1' });
        assert.match(edge.note, /shallow/);
        assert.match(await fails(shallow, 'git_show', { ref: 'HEAD~5' }), /is not a commit/);
        assert.equal((await readInfo(shallow)).shallow, true);
      } finally {
        await shallow.close();
      }
    });
  });

  describe('long operations', () => {
    let big: string;
    let bigServer: StartedServer;
    before(async function () {
      this.timeout(120_000);
      if (!existsSync('/proc/self/cwd')) this.skip(); // the cancellation check reads /proc (Linux)
      big = createBigRepo(fixture.dir, 12_000);
      bigServer = await startBuiltServer('git', { REPO_PATH: big, TZ: 'UTC' });
    });
    after(async () => {
      await bigServer?.close();
    });

    /** git processes (children of the server) whose working folder is the big repository. */
    const gitProcessesIn = (folder: string): number[] =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((pid) => {
          try {
            return readlinkSync(`/proc/${pid}/cwd`) === folder;
          } catch {
            return false;
          }
        })
        .map(Number);

    it('reports growing progress over a long history', async () => {
      const updates: Array<{ progress: number; total?: number }> = [];
      const data = await bigServer.client.callTool(
        { name: 'git_file_churn', arguments: { since: '2000-01-01', maxCommits: 20_000 } },
        undefined,
        { onprogress: (p) => updates.push(p) },
      );
      const result = data.structuredContent as Record<string, number>;
      assert.equal(result.commitsScanned, 12_000);
      assert.equal(result.filesChanged, 50);
      assert.ok(updates.length >= 2, `only ${updates.length} progress notifications`);
      assert.ok(updates.every((u) => u.total === 12_000));
      assert.ok(updates.some((u) => u.progress > 0 && u.progress < 12_000), 'an intermediate step');
    });

    it('cancellation stops git and the server keeps answering', async () => {
      const controller = new AbortController();
      let sawGit = false;
      let cancelling = false;
      // The first progress notification comes right before the long `git log` starts: cancel as soon
      // as git is seen running (however long a loaded machine takes to start it).
      const pending = bigServer.client.callTool({ name: 'git_file_churn', arguments: { since: '2000-01-01', maxCommits: 20_000 } }, undefined, {
        signal: controller.signal,
        onprogress: () => {
          if (cancelling) return;
          cancelling = true;
          void waitUntil('git to start', () => gitProcessesIn(big).length > 0, { timeoutMs: 10_000, intervalMs: 5 })
            .then(() => (sawGit = true), () => undefined)
            .finally(() => controller.abort());
        },
      });
      await assert.rejects(pending, /abort/i, 'the call finished before it could be cancelled');
      const deadline = Date.now() + 700;
      while (gitProcessesIn(big).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(gitProcessesIn(big), [], 'git was left running after cancellation');
      assert.ok(sawGit, 'git was running when the request was cancelled');
      const log = await ok(bigServer, 'git_log', { count: 1 });
      assert.equal(log.commits[0].subject, 'commit 11999');
    });
  });

  describe('afterwards', () => {
  it('the main server is still up after all of the above', async () => {
    const status = await ok(server, 'git_status');
    assert.equal(status.branch, 'main');
    assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: fixture.repo, encoding: 'utf8' }).includes('pwned'), false);
  });
  });
});
