// break36: a commit with a big diff (a generated file, a vendored library, a data dump). git_show cut its patch at
// maxPatchBytes (at most 100 KB) with no way to read on, and told a call that already named one file to name one file.
// The patch now comes in parts: a cut part ends at a line end (or, inside one long line, at a character boundary) and
// gives nextPatchOffset, which patchOffset takes to read the next part.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

const MARKER = /… \[patch cut after byte (\d+); patchOffset \1 continues it(, or give path to see one file)?\]$/;

describe('git_show: a patch longer than one answer is read in parts (break36)', function () {
  this.timeout(180_000);
  let kit: RepoKit;
  let server: StartedServer;
  let root: string;

  before(async () => {
    kit = createRepoKit('show-pages-');
    root = kit.repo('repo', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    kit.write(root, 'data/rows.txt', Array.from({ length: 600 }, (_, i) => `row ${i} 데이터 값 ${'x'.repeat(i % 40)}`).join('\n') + '\n');
    // One line of 4,000 three-byte characters: no line end to cut at inside a 1,000-byte part.
    kit.write(root, 'min/bundle.js', `${'가나다라'.repeat(1000)}\n`);
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-12-02T10:00:00Z', 'add generated files');
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  /** Every part of the patch of HEAD (for `path`), read by following nextPatchOffset; each checked on the way. */
  async function readAllParts(path: string | undefined, maxPatchBytes: number): Promise<{ text: string; parts: number }> {
    let text = '';
    let offset = 0;
    for (let parts = 1; parts < 200; parts++) {
      const data = await ok(server, 'git_show', { ...(path ? { path } : {}), maxPatchBytes, patchOffset: offset });
      if (!data.patchTruncated) {
        assert.equal(data.nextPatchOffset, undefined);
        return { text: text + data.patch, parts };
      }
      const marker = MARKER.exec(data.patch);
      assert.ok(marker, `part ${parts} ends with the marker: ${data.patch.slice(-120)}`);
      assert.equal(Number(marker[1]), data.nextPatchOffset);
      assert.equal(marker[2] !== undefined, path === undefined, 'names path only when none was given');
      const part = data.patch.slice(0, marker.index);
      assert.ok(!part.includes('\uFFFD'), `part ${parts} splits no character`);
      assert.equal(Buffer.byteLength(part), data.nextPatchOffset - offset, 'the offset counts the bytes handed out');
      assert.ok(Buffer.byteLength(part) <= maxPatchBytes);
      text += part;
      offset = data.nextPatchOffset;
    }
    throw new Error('no last part');
  }

  it('reads a whole patch in parts that join to what git shows', async () => {
    const whole = kit.git(root, ['show', '--format=', '--patch', '-M', '--no-color', 'HEAD', '--']) + '\n';
    const first = await ok(server, 'git_show', { maxPatchBytes: 5000 });
    assert.equal(first.patchTruncated, true);
    assert.ok(first.patch.slice(0, first.patch.lastIndexOf('…')).endsWith('\n'), 'a part ends at a line end');
    const all = await readAllParts(undefined, 5000);
    assert.ok(all.parts > 5, `${all.parts} parts`);
    assert.equal(all.text, whole);
  });

  it('cuts one long line at a character boundary, and says nothing of path when path was given', async () => {
    const whole = kit.git(root, ['show', '--format=', '--patch', 'HEAD', '--', 'min/bundle.js']) + '\n';
    const all = await readAllParts('min/bundle.js', 1000);
    assert.ok(all.parts > 10, `${all.parts} parts`);
    assert.equal(all.text, whole);
  });

  it('refuses an offset past the end of the patch', async () => {
    assert.match(await fails(server, 'git_show', { path: 'min/bundle.js', patchOffset: 50_000 }), /patchOffset 50000 is at or past the end of this patch, which has \d+ bytes/);
  });

  // rev25: an offset not taken from nextPatchOffset (a model's own count, one byte off) fell inside a UTF-8 character:
  // the part began with U+FFFD, and the two or three bytes were lost to both parts. It starts at that character instead.
  it('starts an offset that falls inside a character at that character', async () => {
    const whole = Buffer.from(kit.git(root, ['show', '--format=', '--patch', 'HEAD', '--', 'min/bundle.js']) + '\n');
    const first = whole.indexOf(Buffer.from('가'));
    for (const inside of [first + 1, first + 2]) {
      const data = await ok(server, 'git_show', { path: 'min/bundle.js', maxPatchBytes: 1000, patchOffset: inside });
      assert.ok(data.patch.startsWith('가나다라'), `from byte ${inside}: ${JSON.stringify(data.patch.slice(0, 8))}`);
      assert.equal(data.nextPatchOffset, first + Buffer.byteLength(data.patch.slice(0, data.patch.lastIndexOf('…'))));
    }
  });
});
