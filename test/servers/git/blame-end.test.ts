// leftovers23: git_blame with an endLine past the file's end ("to the end": `endLine: 100000`) was refused as more than
// 500 lines even for a 6-line file, and a range git cut at the file's end said nothing of it. The end is now clamped
// to the file's last line, and the result says so; a range longer than 500 lines within the file is still refused.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

describe('git_blame: an endLine past the end of the file is clamped, and said so (leftovers23)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('blame-end-');
    const root = kit.repo('repo', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    kit.write(root, 'six.txt', Array.from({ length: 6 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
    kit.write(root, 'long.txt', Array.from({ length: 700 }, (_, i) => `row ${i + 1}`).join('\n') + '\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-12-02T10:00:00Z', 'add files');
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('blames to the last line of a short file for any endLine past it, with a note', async () => {
    for (const endLine of [50, 100_000]) {
      const data = await ok(server, 'git_blame', { path: 'six.txt', startLine: 3, endLine });
      assert.deepEqual(data.lines.map((l: { line: number }) => l.line), [3, 4, 5, 6], `endLine ${endLine}`);
      assert.equal(data.endLine, 6);
      assert.match(data.note ?? '', new RegExp(`endLine ${endLine} is past the end of six\\.txt, which has 6 lines in HEAD: the blame stops at its last line, 6\\.`));
    }
  });

  it('says nothing when the range is within the file, and still refuses more than 500 lines of it', async () => {
    const inside = await ok(server, 'git_blame', { path: 'six.txt', startLine: 2, endLine: 6 });
    assert.equal(inside.note, undefined);
    assert.match(await fails(server, 'git_blame', { path: 'long.txt', startLine: 1, endLine: 100_000 }), /at most 500 lines/);
    const tail = await ok(server, 'git_blame', { path: 'long.txt', startLine: 300, endLine: 100_000 });
    assert.equal(tail.endLine, 700);
    assert.match(await fails(server, 'git_blame', { path: 'six.txt', startLine: 9, endLine: 100_000 }), /startLine 9 is past the end of six\.txt, which has 6 lines/);
  });
});
