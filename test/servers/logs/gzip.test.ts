// gzip logs are read the way zcat reads them (issue 11, input 6): every member, the readable part of a damaged one
// with a note naming the damage, and bytes after the last member ignored.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readLineBlocks, UnreadableError } from '../../../servers/logs/io/chunks';
import { memberHeaderLength } from '../../../servers/logs/io/gzip';
import { lastLines } from '../../../servers/logs/io/tail';
import { promises as fsp } from 'node:fs';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `2026-11-29T10:15:02Z ERROR line ${from + i} ${'x'.repeat(40)}\n`).join('');

describe('logs io: gzip like zcat', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'log-gzip-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function read(name: string, bytes: Buffer): Promise<{ text: string; damage?: string }> {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const fd = openSync(file, 'r');
    try {
      let text = '';
      let damage: string | undefined;
      for await (const block of readLineBlocks(fd, { gzip: true })) {
        text += block.data.toString('utf8');
        damage ??= block.damage;
      }
      return { text, damage };
    } finally {
      closeSync(fd);
    }
  }

  const first = lines(0, 2000);
  const second = lines(2000, 2100);
  const one = gzipSync(first);

  it('reads every member of a concatenated file', async () => {
    assert.deepEqual(await read('multi.gz', Buffer.concat([one, gzipSync(second), gzipSync('')])), { text: first + second, damage: undefined });
  });

  it('reads a complete file followed by a newline, zeros or other bytes, ignoring them with a note that the text is whole', async () => {
    for (const trailing of ['\n', '\n\n', '\0\0\0\0', 'garbage after the end', '\x1f', '\x1f\x8b\x08']) {
      const { text, damage } = await read('trailing.gz', Buffer.concat([one, Buffer.from(trailing, 'latin1')]));
      assert.equal(text, first, JSON.stringify(trailing));
      const bytes = `${trailing.length} byte${trailing.length === 1 ? '' : 's'}`;
      assert.equal(damage, `gzip: ${bytes} after the last compressed member (not gzip data) ignored, as zcat does; the text before them was read whole`);
    }
  });

  it('reads the readable part of a file cut in half and names the damage', async () => {
    const { text, damage } = await read('half.gz', one.subarray(0, Math.floor(one.length / 2)));
    // Like zcat, up to the last byte that could be decompressed (a cut last line ends there).
    assert.ok(text.length > 100 && first.startsWith(text.slice(0, -1)), 'a prefix of the text');
    assert.match(text, /\n$/);
    assert.match(damage ?? '', /damaged gzip: the compressed data ends in the middle of member 1/);
  });

  it('keeps the first member whole when the second is cut, or when its trailer is missing', async () => {
    const cut = await read('cut2.gz', Buffer.concat([one, gzipSync(second).subarray(0, 40)]));
    assert.ok(cut.text.startsWith(first));
    assert.match(cut.damage ?? '', /member 2/);
    const noTrailer = await read('notrailer.gz', one.subarray(0, one.length - 4));
    assert.equal(noTrailer.text, first);
    assert.match(noTrailer.damage ?? '', /member 1's trailer/);
  });

  it('names a corrupt member and a wrong checksum', async () => {
    const flipped = Buffer.from(one);
    flipped[one.length - 8] ^= 0xff; // CRC-32 of the trailer
    const crc = await read('crc.gz', flipped);
    assert.equal(crc.text, first);
    assert.match(crc.damage ?? '', /member 1 fails its (CRC|size) check/);
  });

  it('refuses a file with nothing readable', async () => {
    await assert.rejects(read('nothing.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9])), UnreadableError);
    await assert.rejects(read('plain.gz', Buffer.from('not gzip at all\n')), /not gzip data/);
  });

  it('parses member headers with a file name, comment, extra field and header CRC', () => {
    const header = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 2, 0, 0xaa, 0xbb]), Buffer.from('app.log\0note\0'), Buffer.from([1, 2])]);
    assert.equal(memberHeaderLength(header), header.length);
    assert.equal(memberHeaderLength(header.subarray(0, header.length - 1)), undefined);
    assert.equal(memberHeaderLength(Buffer.from('plain text here')), undefined);
  });

  it('gives the last lines of a damaged file from its readable part', async () => {
    const file = join(dir, 'tail.gz');
    writeFileSync(file, Buffer.concat([one, Buffer.from('\n')]));
    const handle = await fsp.open(file, 'r');
    try {
      const last = await lastLines({ handle, gzip: true, size: one.length + 1 }, 2);
      assert.deepEqual(last, first.trimEnd().split('\n').slice(-2));
    } finally {
      await handle.close();
    }
  });
});
