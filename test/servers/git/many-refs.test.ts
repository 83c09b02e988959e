// break36: repositories with thousands of branches (release trains, bots opening a branch per update). git_branches
// read only the 5,000 most recently committed refs and filtered those, so in a repository with more a `contains` that
// named an older branch, the checked-out one included, answered "no branch", with truncated false. And when the output
// budget cut a list asked for with the highest limit, the note still said to raise the limit.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

describe('git_branches in a repository with thousands of branches (break36)', function () {
  this.timeout(180_000);
  let kit: RepoKit;
  let server: StartedServer;
  let statusServer: StartedServer;

  before(async () => {
    kit = createRepoKit('many-refs-');
    const root = kit.repo('repo', [{ subject: 'old', date: '2026-01-01T10:00:00Z' }]);
    const old = kit.git(root, ['rev-parse', 'HEAD']);
    kit.write(root, 'new.txt', 'new\n');
    kit.git(root, ['add', '-A']);
    const recent = kit.commit(root, ALICE, '2026-06-01T10:00:00Z', 'recent');
    // `main` (checked out) stays at the old commit; 5,000 branches at a newer one sort before it.
    kit.git(root, ['branch', 'keep-recent', recent]);
    kit.git(root, ['reset', '-q', '--hard', old]);
    const lines = Array.from({ length: 5000 }, (_, i) => `${recent} refs/heads/bot/dependency-update-${String(i).padStart(4, '0')}\n`);
    appendFileSync(join(root, '.git', 'packed-refs'), `# pack-refs with: peeled fully-peeled sorted \n${lines.join('')}`);
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });

    const changed = kit.repo('changed', [{ subject: 'first', date: '2026-01-01T10:00:00Z' }]);
    for (let i = 0; i < 2000; i++) kit.write(changed, `generated/a-rather-long-folder-name-for-generated-output/file-number-${i}.txt`, 'x\n');
    kit.git(changed, ['add', '-A']);
    statusServer = await startBuiltServer('git', { REPO_PATH: changed, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    await statusServer?.close();
    kit?.cleanup();
  });

  it('finds a branch older than the 5,000 most recent by contains, the checked-out one too', async () => {
    const main = await ok(server, 'git_branches', { contains: 'main' });
    assert.deepEqual(main.branches.map((b: { name: string }) => b.name), ['main']);
    assert.equal(main.branches[0].current, true);
    assert.equal(main.truncated, false);
    const bots = await ok(server, 'git_branches', { contains: 'dependency-update-4999' });
    assert.deepEqual(bots.branches.map((b: { name: string }) => b.name), ['bot/dependency-update-4999']);
  });

  it('says a higher limit lists no more when the output budget cut the list, and to raise it when the limit did', async () => {
    const most = await ok(server, 'git_branches', { limit: 1000 });
    assert.equal(most.truncated, true);
    assert.ok(most.returned < 1000, `returned ${most.returned}`);
    assert.match(most.note, new RegExp(`Only ${most.returned} of the 1000 listed fit in one answer .*a higher limit lists no more: pass nextCursor back as cursor for the next page, or narrow the list with contains or scope\\.`));
    assert.doesNotMatch(most.note, /raise limit/);
    const few = await ok(server, 'git_branches', { limit: 10 });
    assert.equal(few.returned, 10);
    assert.match(few.note, /pass nextCursor back as cursor for the next page/);
    assert.equal(few.total, 5002);
  });

  it('git_status says the same when 2,000 changed files do not fit', async () => {
    const status = await ok(statusServer, 'git_status', { limit: 2000 });
    assert.equal(status.truncated, true);
    assert.ok(status.files.length < 2000, `listed ${status.files.length}`);
    assert.match(status.note, /a higher limit lists no more: the counts cover every changed file/);
    assert.doesNotMatch(status.note, /raise limit/);
  });
});
