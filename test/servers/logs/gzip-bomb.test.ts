// leftovers23: bzip2, xz, zstd and lz4 output was cut at 1000 times the file's size (a decompression bomb costs bounded
// time), gzip's was not: the same bound (io/expansion.ts) now cuts it too, with the same note.
import assert from 'node:assert/strict';
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { gunzipMembers } from '../../../servers/logs/io/gzip';
import { MAX_RATIO } from '../../../servers/logs/io/expansion';

/** Decompressed bytes and the note of the gzip file at `path`, read with an output floor of `floor` bytes. */
async function gunzip(path: string, floor: number): Promise<{ bytes: number; note?: string }> {
  const fd = openSync(path, 'r');
  try {
    const stream = gunzipMembers(fd, floor);
    let bytes = 0;
    for await (const piece of stream.output as AsyncIterable<Buffer>) bytes += piece.length;
    return { bytes, note: stream.note() };
  } finally {
    closeSync(fd);
  }
}

describe('logs io: a gzip decompression bomb is cut as the other compressions are (leftovers23)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'gzip-bomb-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('50 MB of zeros, gzipped as it is made, stops at MAX_RATIO times the file\'s size with a note', async () => {
    const bomb = join(dir, 'bomb.log.1.gz');
    const zeros = Buffer.alloc(1024 * 1024);
    await pipeline(Readable.from((function* () { for (let i = 0; i < 50; i++) yield zeros; })()), createGzip({ level: 9 }), createWriteStream(bomb));
    const size = statSync(bomb).size;
    assert.ok(MAX_RATIO * size < 50 * 1024 * 1024, `zeros gzip above 1:${MAX_RATIO} (${size} bytes)`);
    const out = await gunzip(bomb, 1024 * 1024);
    assert.equal(out.bytes, MAX_RATIO * size);
    assert.match(out.note ?? '', /^gzip: decompression stopped after \d+(\.\d+)? MiB \(\d+ bytes\), more than 1000 times the file's \d+ bytes \(a decompression bomb/);
  });

  it('a real log (well below 1:1000) is read whole, member after member, under the same small floor', async () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `2026-12-03T05:00:${String(i % 60).padStart(2, '0')}Z INFO request ${i} took ${(i * 7919) % 1000} ms\n`).join('');
    const log = join(dir, 'app.log.2.gz');
    writeFileSync(log, Buffer.concat([gzipSync(text), gzipSync(text)]));
    const out = await gunzip(log, 1024 * 1024);
    assert.equal(out.bytes, 2 * Buffer.byteLength(text));
    assert.equal(out.note, undefined);
  });
});
