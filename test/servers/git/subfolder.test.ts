// break31: VS Code opened on one package of a monorepo (`code packages/api`) starts the git server with REPO_PATH set to
// that folder, below the repository's root, and its user (and the model, from the editor) sees paths relative to it.
// Such a path named nothing from the root, so git_status answered `clean: true` ("has no changes") for a folder with
// changes, git_log "no commit touches it" and git_blame "does not exist" for a file with history. A path that names
// nothing from the root but names something in that folder is now read there, with a note; the root keeps precedence.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

describe('git tools started in a folder below the repository root (break31)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let root: string;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('subfolder-');
    root = kit.repo('mono', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    for (const file of ['packages/api/src/main.ts', 'packages/api/gone.ts', 'packages/api/README.md', 'README.md']) kit.write(root, file, 'x\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-12-01T11:00:00Z', 'layout');
    rmSync(join(root, 'packages/api/gone.ts'));
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-12-01T12:00:00Z', 'remove gone.ts');
    kit.write(root, 'packages/api/src/main.ts', 'changed\n');
    server = await startBuiltServer('git', { REPO_PATH: join(root, 'packages/api'), TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  const paths = (data: Record<string, unknown>, list: string) => (data[list] as Array<{ path: string }>).map((f) => f.path);
  const takenNote = (given: string, read: string) => `path "${given}" names nothing from the repository root (${root}), so it was read in the folder this server was pointed at: "${read}".`;

  it('git_status of a folder named from the package lists its changes, not "clean"', async () => {
    const status = await ok(server, 'git_status', { path: 'src' });
    assert.equal(status.path, 'packages/api/src');
    assert.equal(status.clean, false);
    assert.deepEqual(paths(status, 'files'), ['packages/api/src/main.ts']);
    assert.ok(String(status.note).includes(takenNote('src', 'packages/api/src')), String(status.note));
  });

  it('git_log, git_blame, git_diff_stat, git_show and git_file_churn read a file named from the package', async () => {
    const log = await ok(server, 'git_log', { path: 'src/main.ts' });
    assert.deepEqual((log.commits as Array<{ subject: string }>).map((c) => c.subject), ['layout']);
    assert.ok(String(log.note).includes(takenNote('src/main.ts', 'packages/api/src/main.ts')), String(log.note));
    const blame = await ok(server, 'git_blame', { path: 'src/main.ts' });
    assert.equal(blame.path, 'packages/api/src/main.ts');
    const diff = await ok(server, 'git_diff_stat', { from: 'HEAD~2', path: 'src' });
    assert.deepEqual(paths(diff, 'files'), ['packages/api/src/main.ts']);
    const show = await ok(server, 'git_show', { ref: 'HEAD~1', path: 'src/main.ts' });
    assert.deepEqual(paths(show, 'files'), ['packages/api/src/main.ts']);
    const churn = await ok(server, 'git_file_churn', { since: '2026-11-30', path: 'src' });
    assert.deepEqual(paths(churn, 'files'), ['packages/api/src/main.ts']);
  });

  it('a path that names something from the root is read there, without a note', async () => {
    const log = await ok(server, 'git_log', { path: 'README.md' });
    assert.equal(log.returned, 1);
    assert.equal(log.note, undefined);
    const status = await ok(server, 'git_status', { path: 'packages/api/src' });
    assert.deepEqual(paths(status, 'files'), ['packages/api/src/main.ts']);
    assert.equal(status.note, undefined);
  });

  it('a path found nowhere on disk (a deleted file) says how to name it from the root, in every tool that answers "not found"', async () => {
    const hint = `paths are relative to the repository root, ${root}, not the folder this server was pointed at: a path in that folder starts with "packages/api/", as "packages/api/gone.ts"`;
    const log = await ok(server, 'git_log', { path: 'gone.ts' });
    assert.equal(log.returned, 0);
    assert.ok(String(log.note).includes(hint), String(log.note));
    const status = await ok(server, 'git_status', { path: 'gone.ts' });
    assert.ok(String(status.note).includes(hint), String(status.note));
    assert.ok((await fails(server, 'git_blame', { path: 'gone.ts' })).includes(hint));
    // Named from the root, it has its history.
    const named = await ok(server, 'git_log', { path: 'packages/api/gone.ts' });
    assert.deepEqual((named.commits as Array<{ subject: string }>).map((c) => c.subject), ['remove gone.ts', 'layout']);
  });

  it('git://info names the folder the server was pointed at, below the root, and that its counts are the whole repository\'s', async () => {
    const info = JSON.parse(((await server.client.readResource({ uri: 'git://info' })).contents[0] as { text: string }).text) as Record<string, unknown>;
    assert.equal(info.root, root);
    assert.equal(info.subfolder, 'packages/api');
    assert.ok(String(info.note).includes('packages/api'), String(info.note));
    // The neighbour: started at the root, there is no subfolder and no such note.
    const atRoot = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    try {
      const whole = JSON.parse(((await atRoot.client.readResource({ uri: 'git://info' })).contents[0] as { text: string }).text) as Record<string, unknown>;
      assert.equal(whole.subfolder, undefined);
      assert.ok(!String(whole.note ?? '').includes('pointed at'), String(whole.note));
    } finally {
      await atRoot.close();
    }
  });
});
