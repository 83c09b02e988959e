// A partial clone (`git clone --filter=…`) lacks old file contents, and the server never downloads them: each tool
// answers what needs no missing content exactly as on a full clone, marks what it cannot count, names the missing
// objects, and the command it gives downloads them (after which the answer is the full clone's).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

type Row = Record<string, unknown>;
const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1} ${'x'.repeat(40)}`).join('\n') + '\n';

describe('git server on a partial clone', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let source: string;
  let full: StartedServer;
  const started: StartedServer[] = [];

  /** A clone of `source` with `filter`, and a server on it. */
  async function partialClone(name: string, filter: string): Promise<{ clone: string; server: StartedServer }> {
    const clone = join(kit.dir, name);
    kit.git(kit.dir, ['clone', '-q', `--filter=${filter}`, `file://${source}`, clone]);
    const server = await startBuiltServer('git', { REPO_PATH: clone, TZ: 'UTC' });
    started.push(server);
    return { clone, server };
  }

  /** The ids a note or message names as missing. */
  const namedIds = (text: string) => [...text.matchAll(/\b([0-9a-f]{40})\b \(/g)].map((m) => m[1]);
  /** Runs the `git fetch …` the text gives, in `clone`. */
  function runAdvice(clone: string, text: string): void {
    const command = /`git fetch (\S+) ([0-9a-f ]+)`/.exec(text);
    assert.ok(command, `no fetch command in: ${text}`);
    kit.git(clone, ['fetch', '-q', command[1], ...command[2].trim().split(' ')]);
  }

  before(async () => {
    kit = createRepoKit('git-partial-');
    source = join(kit.dir, 'source');
    kit.git(kit.dir, ['init', '-q', '-b', 'main', source]);
    // small.txt stays under the 200-byte limit of the blob:limit clone; big.txt is over it in every version.
    kit.write(source, 'small.txt', 'one\n');
    kit.write(source, 'big.txt', lines('big', 10));
    kit.git(source, ['add', '.']);
    kit.commit(source, ALICE, '2026-11-02T10:00:00Z', 'first');
    kit.write(source, 'small.txt', 'one\ntwo\n');
    kit.write(source, 'big.txt', lines('big', 14));
    kit.git(source, ['add', '.']);
    kit.commit(source, BOB, '2026-11-03T10:00:00Z', 'second');
    kit.write(source, 'small.txt', 'one\ntwo\nthree\n');
    kit.write(source, 'big.txt', lines('big', 15));
    kit.git(source, ['add', '.']);
    kit.commit(source, ALICE, '2026-11-04T10:00:00Z', 'third');
    kit.write(source, 'small.txt', 'one\ntwo\nthree\nfour\n');
    kit.git(source, ['add', '.']);
    kit.commit(source, BOB, '2026-11-05T10:00:00Z', 'fourth');
    kit.git(source, ['config', 'uploadpack.allowFilter', 'true']);
    full = await startBuiltServer('git', { REPO_PATH: source, TZ: 'UTC' });
    started.push(full);
  });
  after(async () => {
    for (const server of started) await server.close();
    kit?.cleanup();
  });

  it('git_show: files whose contents are here are counted as on a full clone, the others marked, and the fetch it gives completes the answer', async () => {
    const { clone, server } = await partialClone('limit-show', 'blob:limit=200');
    const expected = await ok(full, 'git_show', { ref: 'HEAD~1' });
    const partial = await ok(server, 'git_show', { ref: 'HEAD~1' });
    assert.equal(partial.hash, expected.hash);
    assert.equal(partial.subject, 'third');
    const byPath = new Map((partial.files as Row[]).map((f) => [f.path, f]));
    assert.deepEqual(byPath.get('small.txt'), (expected.files as Row[]).find((f) => f.path === 'small.txt'));
    assert.deepEqual(byPath.get('big.txt'), { path: 'big.txt', added: 0, deleted: 0, binary: false, notInClone: true });
    assert.match(String(partial.patch), /\+three/);
    assert.doesNotMatch(String(partial.patch), /big/);
    const note = String(partial.note);
    assert.match(note, /1 changed file \(notInClone: true\).*partial clone/);
    // Of the two versions of big.txt the comparison needs, HEAD~1's is HEAD's (checked out, so here): HEAD~2's is not.
    assert.deepEqual(namedIds(note), [kit.git(source, ['rev-parse', 'HEAD~2:big.txt'])]);
    runAdvice(clone, note);
    const after = await ok(server, 'git_show', { ref: 'HEAD~1' });
    assert.deepEqual(after.files, expected.files);
    assert.deepEqual(after.totals, expected.totals);
    assert.equal(after.note, undefined);
  });

  it('git_diff_stat: the same over a range, and a full clone answer is unchanged', async () => {
    const { server } = await partialClone('limit-diff', 'blob:limit=200');
    const expected = await ok(full, 'git_diff_stat', { from: 'HEAD~3', to: 'HEAD' });
    assert.equal(expected.note, undefined);
    const partial = await ok(server, 'git_diff_stat', { from: 'HEAD~3', to: 'HEAD' });
    assert.deepEqual(
      (partial.files as Row[]).map((f) => [f.path, f.added, f.deleted, f.notInClone ?? false]),
      [
        ['big.txt', 0, 0, true],
        ['small.txt', 3, 0, false],
      ],
    );
    assert.deepEqual(partial.totals, { files: 2, added: 3, deleted: 0 });
    assert.match(String(partial.note), /without line counts.*left out of the totals' lines/);
    assert.deepEqual(namedIds(String(partial.note)), [kit.git(source, ['rev-parse', 'HEAD~3:big.txt'])]);
  });

  it('git_file_churn: commits counted for every file, lines for those whose versions are here', async () => {
    const { clone, server } = await partialClone('limit-churn', 'blob:limit=200');
    const window = { since: '2026-11-01', until: '2026-11-06' };
    const expected = await ok(full, 'git_file_churn', window);
    const partial = await ok(server, 'git_file_churn', window);
    assert.equal(partial.commitsScanned, expected.commitsScanned);
    const pick = (data: Row) => new Map((data.files as Row[]).map((f) => [f.path, f]));
    assert.deepEqual(pick(partial).get('small.txt'), pick(expected).get('small.txt'));
    assert.deepEqual(pick(partial).get('big.txt'), { path: 'big.txt', commits: 3, added: 0, deleted: 0, lines: 0, binary: false, notInClone: true });
    assert.equal(pick(expected).get('big.txt')?.commits, 3);
    const note = String(partial.note);
    assert.match(note, /1 changed file \(notInClone: true\) has its commits counted but not its lines/);
    // The versions of big.txt the period's changes compare, but HEAD's (first's added it: no earlier one).
    assert.deepEqual(namedIds(note).sort(), ['HEAD~3:big.txt', 'HEAD~2:big.txt'].map((rev) => kit.git(source, ['rev-parse', rev])).sort());
    runAdvice(clone, note);
    assert.deepEqual((await ok(server, 'git_file_churn', window)).files, expected.files);
  });

  it('git_blame: says which versions of the file are missing and how to get them; then blames as a full clone does', async () => {
    const { clone, server } = await partialClone('none-blame', 'blob:none');
    const message = await fails(server, 'git_blame', { path: 'small.txt' });
    assert.match(message, /cannot blame 'small.txt' in HEAD: git blame reads every earlier version/);
    const versions = ['HEAD~1', 'HEAD~2', 'HEAD~3'].map((rev) => kit.git(source, ['rev-parse', `${rev}:small.txt`]));
    assert.deepEqual(namedIds(message).sort(), versions.sort());
    assert.match(message, /git_log with this path/);
    runAdvice(clone, message);
    assert.deepEqual((await ok(server, 'git_blame', { path: 'small.txt' })).lines, (await ok(full, 'git_blame', { path: 'small.txt' })).lines);
  });

  it('git_log and git_status need no contents: the same as on a full clone', async () => {
    const { server } = await partialClone('none-log', 'blob:none');
    assert.deepEqual((await ok(server, 'git_log', { path: 'big.txt' })).commits, (await ok(full, 'git_log', { path: 'big.txt' })).commits);
    assert.equal((await ok(server, 'git_status')).clean, true);
  });
});
