// The plain-file block readers (one reused buffer; two buffers with the next read in flight) against a reference
// split of the file: whole lines, each ending with "\n", lines over MAX_LINE_BYTES cut there.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHUNK_BYTES, MAX_LINE_BYTES, forEachLine, readLineBlocks, readPlainBlocksAhead, type LineBlock } from '../../../servers/logs/io/chunks';

function expectedText(content: string): string {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => `${line.slice(0, MAX_LINE_BYTES)}\n`).join('');
}

describe('logs io: plain block readers', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'log-chunks-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function read(file: string, open: (fd: number) => AsyncGenerator<LineBlock>): Promise<{ text: string; last: LineBlock | undefined }> {
    const fd = openSync(file, 'r');
    try {
      const parts: string[] = [];
      let last: LineBlock | undefined;
      for await (const block of open(fd)) {
        assert.equal(block.data[block.data.length - 1], 10, 'a block ends with a newline');
        parts.push(block.data.toString('latin1'));
        last = { ...block, data: Buffer.alloc(0) };
      }
      return { text: parts.join(''), last };
    } finally {
      closeSync(fd);
    }
  }

  const cases: Record<string, string> = {
    empty: '',
    'one line without newline': 'only',
    'over-long line spanning several reads, then more': `a\n${'y'.repeat(MAX_LINE_BYTES + 2 * CHUNK_BYTES + 5)}\nb\nc`,
    'over-long last line without newline': `a\n${'z'.repeat(MAX_LINE_BYTES + 7)}`,
    'line exactly MAX_LINE_BYTES long': `${'w'.repeat(MAX_LINE_BYTES)}\nend\n`,
    'lines across chunk edges': Array.from({ length: 9000 }, (_, i) => `${i} ${'q'.repeat((i * 7919) % 3000)}`).join('\n'),
  };
  for (const [name, content] of Object.entries(cases)) {
    it(`reads ${name} as whole lines, both ways`, async () => {
      const file = join(dir, 'a.log');
      writeFileSync(file, content, 'latin1');
      const expected = expectedText(content);
      const plain = await read(file, (fd) => readLineBlocks(fd, { gzip: false }));
      const ahead = await read(file, (fd) => readPlainBlocksAhead(fd, (_half, size) => Buffer.allocUnsafe(size)));
      assert.equal(plain.text, expected);
      assert.equal(ahead.text, expected);
      assert.deepEqual(ahead.last, plain.last);
      if (content.length) assert.equal(plain.last?.offset, content.length);
    });
  }

  // forEachLine decodes an all-ASCII block as Latin-1 (the same string for bytes below 0x80) and any other block as
  // UTF-8: a block of plain lines, then a block with accented and wide characters, CRLF ends in both.
  it('gives the same lines from ASCII and UTF-8 blocks as a UTF-8 decoding of the file', async () => {
    const ascii = Array.from({ length: 120_000 }, (_, i) => `2026-12-01 10:00:${String(i % 60).padStart(2, '0')} INFO worker ${i} started\r`);
    const wide = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? `2026-12-01 ERROR Zürich 東京 ${i} café 😀` : `plain ascii ${i}`));
    const content = `${[...ascii, ...wide].join('\n')}\n`;
    const file = join(dir, 'mixed.log');
    writeFileSync(file, content, 'utf8');
    assert.ok(Buffer.byteLength(content) > CHUNK_BYTES, 'the file spans more than one block');
    const fd = openSync(file, 'r');
    const lines: string[] = [];
    try {
      await forEachLine(fd, { gzip: false }, (line) => lines.push(line) > 0);
    } finally {
      closeSync(fd);
    }
    assert.deepEqual(lines, [...ascii.map((line) => line.slice(0, -1)), ...wide]);
  });
});
