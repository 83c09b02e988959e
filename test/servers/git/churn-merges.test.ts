// break36: git_file_churn leaves merge commits out (each change is counted on the commit that made it), which its
// description said but its answer did not: in a history of merged pull requests, "commitsScanned: 3" read as every
// commit of the period when there were as many merges again. The answer now counts the merges it left out.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

describe('git_file_churn says how many merge commits it left out (break36)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('churn-merges-');
    const root = kit.repo('repo', [{ subject: 'first', date: '2026-11-01T10:00:00Z', file: 'app.txt' }]);
    for (const [i, day] of ['02', '03'].entries()) {
      kit.git(root, ['checkout', '-q', '-b', `pr-${i}`, 'main']);
      kit.write(root, `feature-${i}.txt`, `feature ${i}\n`);
      kit.git(root, ['add', '-A']);
      kit.commit(root, BOB, `2026-11-${day}T10:00:00Z`, `feature ${i}`);
      kit.git(root, ['checkout', '-q', 'main']);
      kit.git(root, ['merge', '-q', '--no-ff', '--no-edit', `pr-${i}`], kit.as(ALICE, `2026-11-${day}T12:00:00Z`));
    }
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('counts the merges of the period beside the commits counted, with a note', async () => {
    const all = await ok(server, 'git_file_churn', { since: '2026-11-01', until: '2026-11-04' });
    assert.equal(all.commitsScanned, 3);
    assert.equal(all.mergesLeftOut, 2);
    assert.match(all.note, /2 merge commits in the period are not counted \(mergesLeftOut\): each change is counted once, on the commit that made it/);
    const before = await ok(server, 'git_file_churn', { since: '2026-11-01', until: '2026-11-02T11:00:00Z' });
    assert.equal(before.mergesLeftOut, undefined);
    assert.equal(before.note, undefined);
  });
});
