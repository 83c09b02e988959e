// gitleft26: git_status had no `path`. In a large monorepo the status of the whole tree was cut to the first 2,000
// entries (counts only for the rest) and there was no way to ask "what did I change under services/web". `path` now
// keeps the files, counts and clean to one file or folder; it is resolved (symlinks followed) and checked to be inside
// the working tree like every other tool's path, so a path outside, or leading out through a link, is a clear error.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

describe('git_status with path (gitleft26)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let root: string;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('status-path-');
    root = kit.repo('mono', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    for (const file of ['services/web/app.ts', 'services/web/old.ts', 'services/api/main.go', 'docs/readme.md', '.gitignore', 'debug.log']) kit.write(root, file, file === '.gitignore' ? 'dist/\n*.log\nlogs/*\n!logs/audit\n' : 'x\n');
    kit.git(root, ['add', '-A']);
    kit.git(root, ['add', '-f', 'debug.log']);
    kit.commit(root, ALICE, '2026-12-01T11:00:00Z', 'layout');
    kit.write(root, 'services/web/app.ts', 'changed\n');
    rmSync(join(root, 'services/web/old.ts'));
    kit.write(root, 'services/web/new.ts', 'new\n');
    kit.write(root, 'services/api/main.go', 'changed\n');
    kit.git(root, ['add', 'services/api/main.go']);
    kit.write(root, 'services/api/extra.go', 'new\n');
    // Build output git ignores, and a file of an ignored kind that was committed with --force (debug.log, unchanged).
    kit.write(root, 'dist/bundle.js', 'built\n');
    kit.write(root, 'dist/cache/chunk.js', 'built\n');
    kit.write(root, 'logs/app.txt', 'x\n');
    mkdirSync(join(root, 'logs/audit'));
    symlinkSync('services/web', join(root, 'web-link'));
    mkdirSync(join(kit.dir, 'outside'));
    symlinkSync(join(kit.dir, 'outside'), join(root, 'out-link'));
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  const paths = (status: Record<string, unknown>) => (status.files as Array<{ path: string }>).map((f) => f.path).sort();

  it('lists only the changes under the folder, with counts and clean for it alone', async () => {
    const web = await ok(server, 'git_status', { path: 'services/web' });
    assert.equal(web.path, 'services/web');
    assert.deepEqual(paths(web), ['services/web/app.ts', 'services/web/new.ts', 'services/web/old.ts']);
    assert.deepEqual(web.counts, { staged: 0, unstaged: 2, untracked: 1, conflicted: 0 });
    assert.equal(web.clean, false);
    assert.equal(web.branch, 'main');
    const api = await ok(server, 'git_status', { path: 'services/api/' });
    assert.deepEqual(paths(api), ['services/api/extra.go', 'services/api/main.go']);
    assert.deepEqual(api.counts, { staged: 1, unstaged: 0, untracked: 1, conflicted: 0 });
    const docs = await ok(server, 'git_status', { path: 'docs' });
    assert.equal(docs.clean, true);
    assert.deepEqual(docs.files, []);
    assert.equal(docs.note, undefined);
    const whole = await ok(server, 'git_status', {});
    assert.equal(whole.files.length, 5 + 2); // and the two links, untracked
    assert.equal(whole.path, undefined);
  });

  it('takes one file, a deleted one too, an absolute path, and a link inside the repository as the file it is', async () => {
    assert.deepEqual(paths(await ok(server, 'git_status', { path: 'services/web/old.ts' })), ['services/web/old.ts']);
    assert.deepEqual(paths(await ok(server, 'git_status', { path: join(root, 'services/api/main.go') })), ['services/api/main.go']);
    // A link inside the repository is checked through its target (inside), then read as git reads it: one file.
    const viaLink = await ok(server, 'git_status', { path: 'web-link' });
    assert.equal(viaLink.path, 'web-link');
    assert.deepEqual(paths(viaLink), ['web-link']);
  });

  it('refuses a path outside the repository, or leading out through a link, and says when the path names nothing', async () => {
    assert.match(await fails(server, 'git_status', { path: '../outside' }), /path: '\.\.\/outside' is outside the repository/);
    assert.match(await fails(server, 'git_status', { path: 'out-link' }), /path: 'out-link' leads outside the repository through a symbolic link; refused/);
    assert.match(await fails(server, 'git_status', { path: '.git/config' }), /paths inside \.git are not part of the history/);
    const typo = await ok(server, 'git_status', { path: 'services/wbe' });
    assert.equal(typo.clean, true);
    assert.match(typo.note, /"services\/wbe" is not in the working tree and has no changes/);
  });

  // rev26b: a folder git ignores (build output, a cache) said clean: true and nothing else, which read as "nothing
  // changed there" for files git never lists, changed or new. The note names the ignoring rule.
  it('says when the path is ignored by git, naming the rule, and not for a tracked file of an ignored kind', async () => {
    const dist = await ok(server, 'git_status', { path: 'dist' });
    assert.equal(dist.clean, true);
    assert.match(dist.note, /^"dist" is ignored by git \(\.gitignore:1 "dist\/"\): files there are never listed/);
    const cache = await ok(server, 'git_status', { path: 'dist/cache/chunk.js' });
    assert.match(cache.note, /"dist\/cache\/chunk\.js" is ignored by git/);
    // A tracked file of an ignored kind is not ignored (git lists it when it changes): no note for it.
    const kept = await ok(server, 'git_status', { path: 'debug.log' });
    assert.equal(kept.clean, true);
    assert.equal(kept.note, undefined);
    // A folder a negated pattern (`!logs/audit`) takes back is not ignored, though `git check-ignore -v` names that rule.
    assert.equal((await ok(server, 'git_status', { path: 'logs/audit' })).note, undefined);
    assert.match((await ok(server, 'git_status', { path: 'logs/app.txt' })).note, /"logs\/app\.txt" is ignored by git \(\.gitignore:3 "logs\/\*"\)/);
  });
});
