// gitleft26: Git LFS commits a small pointer file in place of each large file (git-lfs docs/spec.md: `version …`,
// `oid sha256:…`, `size …`). git_blame listed the pointer's three lines as the file's content, and git_show and
// git_diff_stat counted a new 40 MB model as "2 added, 2 deleted" with a patch of pointer lines and no word of LFS. They
// now name the pointer as such (the object's oid and size on each side); blame refuses, as for a binary file. git-lfs
// need not be installed: the pointers here are committed by hand, as the spec writes them.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';
import { parseLfsPointer } from '../../../servers/git/repo/lfs-pointers';

const OID_1 = '4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393';
const OID_2 = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';
const pointer = (oid: string, size: number) => `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;

describe('Git LFS pointer files (gitleft26)', function () {
  this.timeout(120_000);

  describe('parseLfsPointer', () => {
    it('reads a pointer as the spec writes it, with extension keys too', () => {
      assert.deepEqual(parseLfsPointer(Buffer.from(pointer(OID_1, 12345))), { oid: OID_1, size: 12345 });
      const extended = `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${OID_2}\noid sha256:${OID_1}\nsize 7\n`;
      assert.deepEqual(parseLfsPointer(Buffer.from(extended)), { oid: OID_1, size: 7 });
    });

    // leftovers27: git-lfs reads a pointer whose lines end in CRLF (a checkout with core.autocrlf wrote it so, and it
    // was committed so) and the older version names; they were taken for text.
    it('reads a pointer with CRLF line ends, and the pre-release and alpha version names git-lfs still reads', () => {
      assert.deepEqual(parseLfsPointer(Buffer.from(pointer(OID_1, 12345).replace(/\n/g, '\r\n'))), { oid: OID_1, size: 12345 });
      assert.deepEqual(parseLfsPointer(Buffer.from(pointer(OID_1, 9).replace('https://git-lfs.github.com/spec/v1', 'https://hawser.github.com/spec/v1'))), { oid: OID_1, size: 9 });
      assert.deepEqual(parseLfsPointer(Buffer.from(pointer(OID_1, 9).replace('https://git-lfs.github.com/spec/v1', 'http://git-media.io/v/2'))), { oid: OID_1, size: 9 });
    });

    it('takes no other text for one: a README quoting a pointer, unsorted keys, a lone CR, a short oid, no final line end, 1 KiB', () => {
      for (const text of [
        `# How LFS stores it\n${pointer(OID_1, 1)}`,
        `${pointer(OID_1, 1)}and more\n`,
        `version https://git-lfs.github.com/spec/v1\nsize 1\noid sha256:${OID_1}\n`,
        pointer(OID_1, 1).replace(/\n/g, '\r'),
        `${pointer(OID_1, 1)}\r\n`,
        pointer(OID_1.slice(0, 40), 1),
        pointer(OID_1, 1).slice(0, -1),
        `version https://example.com/spec/v9\noid sha256:${OID_1}\nsize 1\n`,
        `${pointer(OID_1, 1).slice(0, -1)}${' '.repeat(1024)}\n`,
        '',
      ]) {
        assert.equal(parseLfsPointer(Buffer.from(text)), undefined, JSON.stringify(text));
      }
    });
  });

  describe('through the server', () => {
    let kit: RepoKit;
    let server: StartedServer;

    before(async () => {
      kit = createRepoKit('lfs-');
      const root = kit.repo('repo', [{ subject: 'first', date: '2026-11-01T10:00:00Z' }]);
      kit.write(root, '.gitattributes', '*.onnx filter=lfs diff=lfs merge=lfs -text\n');
      kit.write(root, 'models/ranker.onnx', pointer(OID_1, 41_943_040));
      kit.write(root, 'docs/lfs.md', `# How LFS stores it\n${pointer(OID_1, 1)}`);
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2026-11-02T10:00:00Z', 'add model');
      kit.write(root, 'models/ranker.onnx', pointer(OID_2, 52_428_800));
      kit.write(root, 'notes.txt', 'a\nb\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2026-11-03T10:00:00Z', 'retrain model');
      // A pointer committed with CRLF line ends (core.autocrlf wrote it so; -text keeps git from changing it).
      kit.write(root, '.gitattributes', '*.onnx filter=lfs diff=lfs merge=lfs -text\n*.bin -text\n');
      kit.write(root, 'models/embed.bin', pointer(OID_1, 1_048_576).replace(/\n/g, '\r\n'));
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2026-11-04T10:00:00Z', 'add embeddings');
      server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    });

    after(async () => {
      await server?.close();
      kit?.cleanup();
    });

    it('git_show marks the LFS file and names the object on each side; other files are not marked', async () => {
      const show = await ok(server, 'git_show', { ref: 'HEAD~1' });
      const model = show.files.find((f: { path: string }) => f.path === 'models/ranker.onnx');
      assert.equal(model.lfs, true);
      assert.equal(show.files.find((f: { path: string }) => f.path === 'notes.txt').lfs, undefined);
      assert.match(show.note, /"models\/ranker\.onnx" \(sha256:4d7a214614ab… \(41,943,040 bytes\) to sha256:b5bb9d8014a0… \(52,428,800 bytes\)\) is a Git LFS file \(lfs: true\): git holds only a pointer/);
      assert.match(show.note, /not the file's content/);
    });

    it('git_show marks a pointer with CRLF line ends (leftovers27)', async () => {
      const show = await ok(server, 'git_show', {});
      assert.equal(show.files.find((f: { path: string }) => f.path === 'models/embed.bin').lfs, true, JSON.stringify(show.files));
      assert.match(show.note, /"models\/embed\.bin" \(none to sha256:4d7a214614ab… \(1,048,576 bytes\)\) is a Git LFS file/);
    });

    // leftovers27: git_file_churn ranked a model retrained every week as a file of 2 lines changed, with no word of LFS.
    it('git_file_churn marks the LFS files and says what their lines are', async () => {
      const churn = await ok(server, 'git_file_churn', { since: '2026-10-01', until: '2026-12-01' });
      const marked = churn.files.filter((f: { lfs?: boolean }) => f.lfs).map((f: { path: string }) => f.path).sort();
      assert.deepEqual(marked, ['models/embed.bin', 'models/ranker.onnx'], JSON.stringify(churn.files));
      assert.match(churn.note, /is a Git LFS file|are Git LFS files/);
      assert.match(churn.note, /\(lfs: true\): git holds only a pointer naming the stored object, so the lines counted are the pointer's/);
      assert.equal(churn.files.find((f: { path: string }) => f.path === 'docs/lfs.md').lfs, undefined, 'a text quoting a pointer is no LFS file');
    });

    it('git_diff_stat says the same, and a file added as a pointer has "none" before', async () => {
      const diff = await ok(server, 'git_diff_stat', { from: 'HEAD~3', to: 'HEAD~1' });
      const marked = diff.files.filter((f: { lfs?: boolean }) => f.lfs).map((f: { path: string }) => f.path);
      assert.deepEqual(marked, ['models/ranker.onnx']);
      assert.match(diff.note, /"models\/ranker\.onnx" \(none to sha256:b5bb9d8014a0… \(52,428,800 bytes\)\) is a Git LFS file/);
    });

    it('git_blame refuses a pointer, naming the object, and blames a text quoting one', async () => {
      assert.match(
        await fails(server, 'git_blame', { path: 'models/ranker.onnx' }),
        /path: 'models\/ranker\.onnx' is a Git LFS file in HEAD: git holds only a pointer to the stored object \(sha256:b5bb9d8014a0… \(52,428,800 bytes\)\).*no lines of it to blame/,
      );
      assert.match(await fails(server, 'git_blame', { path: 'models/ranker.onnx', ref: 'HEAD~2' }), /sha256:4d7a214614ab… \(41,943,040 bytes\)/);
      assert.equal((await ok(server, 'git_blame', { path: 'docs/lfs.md' })).lines.length, 4);
    });
  });
});
