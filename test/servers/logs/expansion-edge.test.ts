// leftovers24: the decompression bound (io/expansion.ts) let a compressed log through only up to one byte less than its
// limit: a file whose text ended exactly at the bound was read whole but said to be cut ("decompression stopped …, a
// decompression bomb"), a wrong note on a complete read. The bound is now exact: `limit` bytes pass with no note, the
// first byte past them cuts. Tested at both forms of the limit (MAX_RATIO × the file's size, and the floor) through
// real compressors: zlib's gzip and the xz tool.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decompressFile } from '../../../servers/logs/io/decompress';
import { cutNote, MAX_RATIO, OutputBound, outputLimit } from '../../../servers/logs/io/expansion';
import { gunzipMembers } from '../../../servers/logs/io/gzip';

/** All of a decompressed stream's bytes, and its note once read. */
async function drain(output: AsyncIterable<Buffer>, note: () => string | undefined): Promise<{ bytes: number; note?: string }> {
  let bytes = 0;
  for await (const piece of output) bytes += piece.length;
  return { bytes, note: note() };
}

/**
 * A text of `length + extra` bytes whose gzip (zlib, level 9) is exactly `length / MAX_RATIO` bytes: its ratio limit is
 * `length`, the text `extra` bytes past it. A run of one letter compresses close to deflate's 1:1032, so such lengths
 * exist; they are searched for, not written down, as zlib's output may differ between versions (from 1000 bytes up:
 * below, the gzip header and deflate's block overhead keep every such file larger than 1/1000).
 */
function gzipAtRatio(extra: number): { text: Buffer; gz: Buffer; limit: number } {
  for (let size = 1000; size < 5000; size++) {
    const text = Buffer.alloc(MAX_RATIO * size + extra, 'a');
    const gz = gzipSync(text, { level: 9 });
    if (gz.length === size) return { text, gz, limit: MAX_RATIO * size };
  }
  throw new Error(`no run of 'a' gzips to 1/${MAX_RATIO} of its length (+${extra})`);
}

describe('logs io: the decompression bound is exact (leftovers24)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'expansion-edge-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('OutputBound passes exactly its limit whole, in any pieces, and cuts at the first byte past it', () => {
    for (const sizes of [[10], [4, 6], [10, 0], [3, 3, 3, 1]]) {
      const bound = new OutputBound(10);
      const kept = sizes.map((n) => bound.take(Buffer.alloc(n, 'x')).length);
      assert.deepEqual([kept.reduce((a, b) => a + b, 0), bound.over, bound.produced], [10, false, 10], `${sizes}`);
      assert.equal(bound.take(Buffer.alloc(0)).length, 0, 'an empty piece is no byte past the limit');
      assert.equal(bound.over, false);
      assert.equal(bound.take(Buffer.from('y')).length, 0);
      assert.equal(bound.over, true);
    }
    const bound = new OutputBound(10);
    assert.equal(bound.take(Buffer.alloc(11)).length, 10);
    assert.equal(bound.over, true);
  });

  it('gzip: a text of exactly MAX_RATIO times the file\'s size is read whole with no note; one byte more is cut there, with the note', async () => {
    for (const extra of [0, 1]) {
      const { text, gz, limit } = gzipAtRatio(extra);
      assert.equal(outputLimit(gz.length, 1), limit);
      const path = join(dir, `at-ratio-${extra}.log.1.gz`);
      writeFileSync(path, gz);
      const fd = openSync(path, 'r');
      try {
        const stream = gunzipMembers(fd, 1);
        const out = await drain(stream.output as AsyncIterable<Buffer>, stream.note);
        assert.deepEqual(out, extra === 0 ? { bytes: text.length, note: undefined } : { bytes: limit, note: cutNote('gzip', limit, gz.length) }, `+${extra}`);
      } finally {
        closeSync(fd);
      }
    }
  });

  it('xz: a text of exactly the floor is read whole with no note; one byte more is cut at the floor, with the note', async () => {
    const floor = 1024 * 1024;
    for (const extra of [0, 1]) {
      const path = join(dir, `at-floor-${extra}.log.1.xz`);
      writeFileSync(path, execFileSync('xz', ['-c'], { input: Buffer.alloc(floor + extra, 'a') }));
      const size = statSync(path).size;
      assert.ok(MAX_RATIO * size < floor, `xz keeps a run of 1 MiB under 1 KiB (${size} bytes)`);
      const fd = openSync(path, 'r');
      try {
        const stream = decompressFile(fd, size, 'xz', { minOutputLimit: floor });
        const out = await drain(stream.output, stream.note);
        assert.deepEqual(out, extra === 0 ? { bytes: floor, note: undefined } : { bytes: floor, note: cutNote('xz', floor, size) }, `+${extra}`);
      } finally {
        closeSync(fd);
      }
    }
  });

  it('the note says the limit in MiB as read, not rounded up past it, and in bytes', () => {
    assert.match(cutNote('gzip', 1_500_000, 1500), /stopped after 1\.43 MiB \(1500000 bytes\), more than 1000 times the file's 1500 bytes/);
    assert.match(cutNote('xz', 256 * 1024 * 1024, 10), /stopped after 256 MiB \(268435456 bytes\), more than 1000 times the file's 10 bytes/);
  });
});
