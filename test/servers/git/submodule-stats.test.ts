// break36: a superproject commit that moves a submodule to a newer commit (a dependency bump) was listed by
// git_diff_stat as a file with 1 line added and 1 deleted (git's numstat of its "Subproject commit <hash>" line), with
// nothing saying it was a submodule: "how much changed" read one line for a bump of any size. The entry is now marked
// and the note names the submodule's two commits and where to read what changed between them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

describe('git_diff_stat: a submodule whose commit moved (break36)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let server: StartedServer;
  let first: string;
  let second: string;

  before(async () => {
    kit = createRepoKit('submodule-stats-');
    const lib = kit.repo('lib', [{ subject: 'lib one', date: '2026-11-01T10:00:00Z' }]);
    first = kit.git(lib, ['rev-parse', 'HEAD']);
    const app = kit.repo('app', [{ subject: 'app one', date: '2026-11-01T11:00:00Z' }]);
    kit.git(app, ['submodule', 'add', '-q', lib, 'vendor/lib']);
    kit.commit(app, ALICE, '2026-11-02T10:00:00Z', 'add lib');
    const inside = join(app, 'vendor', 'lib');
    kit.write(inside, 'big.txt', Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n') + '\n');
    kit.git(inside, ['add', '-A']);
    second = kit.commit(inside, ALICE, '2026-11-03T10:00:00Z', 'lib two');
    kit.write(app, 'app.txt', 'one\ntwo\n');
    kit.git(app, ['add', '-A']);
    kit.commit(app, ALICE, '2026-11-03T11:00:00Z', 'bump lib');
    server = await startBuiltServer('git', { REPO_PATH: app, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('marks the submodule and names its two commits; other files are unmarked', async () => {
    const data = await ok(server, 'git_diff_stat', {});
    const lib = data.files.find((f: { path: string }) => f.path === 'vendor/lib');
    assert.equal(lib.submodule, true);
    assert.equal(data.files.find((f: { path: string }) => f.path === 'app.txt').submodule, undefined);
    assert.ok(data.note.includes(`"vendor/lib" (${first.slice(0, 7)} to ${second.slice(0, 7)}) is a submodule (submodule: true)`), data.note);
    assert.match(data.note, /its counted lines are the commit it points at .* not lines of its files; git_log in the submodule's folder/);
    const added = await ok(server, 'git_diff_stat', { from: 'HEAD~2', to: 'HEAD~1' });
    assert.ok(added.note.includes(`"vendor/lib" (none to ${first.slice(0, 7)}) is a submodule`), added.note);
  });

  it('git_show marks it the same way', async () => {
    const data = await ok(server, 'git_show', {});
    assert.equal(data.files.find((f: { path: string }) => f.path === 'vendor/lib').submodule, true);
    assert.ok(data.note.includes(`"vendor/lib" (${first.slice(0, 7)} to ${second.slice(0, 7)}) is a submodule (submodule: true)`), data.note);
  });
});
