// "오늘 커밋된 내용을 요약해 주세요" when today's work is not on the checked-out branch (break39): the user committed on
// `feature` this morning, then checked out `main` to review, and a colleague's commits of today were fetched to
// `origin/main` but not merged. git_log without a ref reads HEAD only, so it answered "no commits" for today, and the
// chat said "오늘 커밋이 없습니다": false for the repository. An empty window of HEAD now names the branches that have
// commits in it; an empty answer with no such branch stays as it was.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DAY = 86_400;

describe('git_log: an empty window of HEAD while other branches have commits in it', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let server: StartedServer;
  let quiet: StartedServer;

  before(async () => {
    kit = createRepoKit('git-today-elsewhere-');
    const now = Math.floor(Date.now() / 1000);
    const origin = kit.repo('origin', [{ subject: 'start', date: `@${now - 3 * DAY} +0900` }]);
    const root = `${kit.dir}/clone`;
    kit.git(kit.dir, ['clone', '-q', origin, root]);
    // A colleague pushes two commits today; the clone fetches them without merging.
    for (const subject of ['colleague one', 'colleague two']) {
      kit.write(origin, `${subject}.txt`, `${subject}\n`);
      kit.git(origin, ['add', '-A']);
      kit.commit(origin, BOB, `@${now - 120} +0900`, subject);
    }
    kit.git(root, ['fetch', '-q']);
    kit.git(root, ['checkout', '-q', '-b', 'feature']);
    kit.write(root, 'feature.txt', 'feature\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, `@${now - 60} +0900`, "today's feature work");
    kit.git(root, ['checkout', '-q', 'main']);
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'Asia/Seoul' });
    quiet = await startBuiltServer('git', { REPO_PATH: kit.repo('quiet', [{ subject: 'old', date: `@${now - 3 * DAY} +0900` }]), TZ: 'Asia/Seoul' });
  });
  after(async () => {
    await Promise.all([server?.close(), quiet?.close()]);
    kit?.cleanup();
  });

  it('names the branches with commits in the window, with how many', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString();
    const log = await ok(server, 'git_log', { since });
    assert.deepEqual(log.commits, []);
    assert.match(log.note, /No commit of HEAD \(main\) is in this window, but other branches have some: "origin\/main" \(2\), "feature" \(1\)/);
    const feature = await ok(server, 'git_log', { since, ref: 'feature' });
    assert.deepEqual(feature.commits.map((c: Data) => c.subject), ["today's feature work"]);
    assert.equal(feature.note, undefined, 'a named ref is read as named');
  });

  it('says nothing more when no branch has a commit in the window', async () => {
    const log = await ok(quiet, 'git_log', { since: 'today' });
    assert.deepEqual(log.commits, []);
    assert.equal(log.note, undefined);
  });
});
