// gitleft26: git_file_churn ranked a submodule as a file. Each bump of its commit pointer is one "Subproject commit"
// line deleted and one added in git's numstat, so a dependency bumped four times read as a file changed in four commits
// (8 lines), with nothing saying it was a submodule (break36 marked them in git_diff_stat and git_show only). The entry
// is now marked `submodule: true`, a submodule removed in the period too, and the note says what its counts are.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

describe('git_file_churn marks submodules (gitleft26)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('churn-submodules-');
    const lib = kit.repo('lib', [1, 2, 3, 4, 5].map((n) => ({ subject: `lib ${n}`, date: `2026-11-0${n}T09:00:00Z` })));
    const libCommits = kit.git(lib, ['rev-list', '--reverse', 'HEAD']).split('\n');
    const app = kit.repo('app', [{ subject: 'app one', date: '2026-11-01T08:00:00Z' }]);
    // Gitlinks written into the index as `git submodule update` leaves them (no clone needed to commit a pointer).
    for (const [n, commit] of libCommits.slice(0, 4).entries()) {
      kit.git(app, ['update-index', '--add', '--cacheinfo', `160000,${commit},vendor/lib`]);
      if (n === 0) kit.git(app, ['update-index', '--add', '--cacheinfo', `160000,${commit},tools/old`]);
      if (n === 2) kit.git(app, ['update-index', '--force-remove', 'tools/old']);
      kit.write(app, 'notes.txt', `note ${n}\n`);
      kit.git(app, ['add', 'notes.txt']);
      kit.commit(app, ALICE, `2026-11-1${n}T10:00:00Z`, `bump lib ${n}`);
    }
    kit.write(app, 'src/main.ts', Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n');
    kit.git(app, ['add', 'src/main.ts']);
    kit.commit(app, ALICE, '2026-11-20T10:00:00Z', 'add main');
    server = await startBuiltServer('git', { REPO_PATH: app, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('marks a submodule bumped four times and one removed in the period; files with one-line edits are not marked', async () => {
    const churn = await ok(server, 'git_file_churn', { since: '2026-11-01', until: '2026-12-01' });
    const byPath = new Map(churn.files.map((f: { path: string }) => [f.path, f]));
    const lib = byPath.get('vendor/lib') as { commits: number; submodule?: boolean };
    assert.equal(lib.commits, 4);
    assert.equal(lib.submodule, true);
    assert.equal((byPath.get('tools/old') as { submodule?: boolean }).submodule, true);
    assert.equal((byPath.get('notes.txt') as { commits: number; submodule?: boolean }).commits, 4);
    assert.equal((byPath.get('notes.txt') as { submodule?: boolean }).submodule, undefined);
    assert.equal((byPath.get('src/main.ts') as { submodule?: boolean }).submodule, undefined);
    assert.match(churn.note, /"vendor\/lib", "tools\/old" are submodules \(submodule: true\): its commits here are the times its commit pointer was moved/);
  });

  it('says nothing of submodules where the period has none', async () => {
    const churn = await ok(server, 'git_file_churn', { since: '2026-11-20', until: '2026-12-01' });
    assert.deepEqual(churn.files.map((f: { path: string }) => f.path), ['src/main.ts']);
    assert.doesNotMatch(churn.note ?? '', /submodule/);
  });
});
