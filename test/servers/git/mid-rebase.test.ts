// "오늘 커밋된 내용을 요약해 주세요" asked while a rebase is stopped at a conflict (break39). HEAD is then detached at the
// commit the branch is being rebased onto (plus the commits replayed so far), so git_log of HEAD lists the other
// branch's history: the work committed today on the branch being rebased is not in it, and git_log said nothing.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const subjects = (log: Data): string[] => log.commits.map((c: Data) => c.subject);

describe('git_log during a rebase stopped at a conflict', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('git-mid-rebase-');
    const now = Math.floor(Date.now() / 1000);
    const root = kit.repo('repo', [{ subject: 'start', date: `@${now - 3 * 86400} +0900`, file: 'app.txt' }]);
    kit.git(root, ['checkout', '-q', '-b', 'feature']);
    kit.write(root, 'app.txt', 'feature work\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, BOB, `@${now - 60} +0900`, "today's feature work");
    kit.git(root, ['checkout', '-q', 'main']);
    kit.write(root, 'app.txt', 'main work\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, `@${now - 120} +0900`, 'main moved on');
    kit.git(root, ['checkout', '-q', 'feature']);
    assert.throws(() => kit.git(root, ['rebase', 'main'], kit.as(BOB, `@${now} +0900`)), 'the rebase stops at the conflict');
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'Asia/Seoul' });
  });
  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('says HEAD is mid-rebase and names the branch whose commits are not in it', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString();
    const log = await ok(server, 'git_log', { since });
    assert.deepEqual(subjects(log), ['main moved on']);
    assert.match(log.note, /in the middle of a rebase of "feature" onto [0-9a-f]{7}/);
    assert.match(log.note, /git_log with ref "feature"/);
    const feature = await ok(server, 'git_log', { since, ref: 'feature' });
    assert.deepEqual(subjects(feature), ["today's feature work"]);
    assert.doesNotMatch(feature.note ?? '', /rebase/, 'a named ref is read as named');
  });
});
