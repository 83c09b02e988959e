// The pure-Node scanner's fast paths: the WebAssembly byte kernel (newline counts, literal and case-folded search),
// reading straight into its memory, and skipping older matches when newest-first needs only the last `limit`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHUNK_BYTES, MAX_LINE_BYTES, readLineBlocks, readPlainBlocksAhead, type LineBlock } from '../../../servers/logs/io/chunks';
import { parserFor } from '../../../servers/logs/format/parser';
import { ByteKernel, MAX_RING } from '../../../servers/logs/search/byte-kernel';
import { FileScanner, literalPrefix } from '../../../servers/logs/search/node-engine';
import type { PatternSpec, ScanRequest } from '../../../servers/logs/search/types';

function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

const kernel = ByteKernel.create(2 * (MAX_LINE_BYTES + 2 * CHUNK_BYTES));

describe('logs scan: byte kernel', () => {
  it('is available (WebAssembly SIMD) in this Node', () => {
    assert.ok(kernel);
  });

  it('counts newlines and finds a needle exactly like Buffer methods', () => {
    const rnd = random(7);
    for (let trial = 0; trial < 500; trial++) {
      const text = Array.from({ length: rnd(3000) }, () => 'ab\n'[rnd(3)]).join('');
      const block = Buffer.from(text, 'latin1');
      const needle = Buffer.from(Array.from({ length: 1 + rnd(trial % 2 ? 3 : 24) }, () => 'ab'[rnd(2)]).join(''), 'latin1');
      assert.ok(kernel!.setNeedle(needle));
      assert.ok(kernel!.load(block));
      const start = rnd(block.length + 1);
      const end = start + rnd(block.length + 1 - start);
      assert.equal(kernel!.countNewlines(start, end), text.slice(start, end).split('\n').length - 1);
      for (let from = rnd(block.length + 1), i = 0; i < 40; i++) {
        const expected = block.indexOf(needle, from);
        assert.equal(kernel!.find(from), expected, `${needle} from ${from}`);
        if (expected < 0) break;
        from = expected + 1;
      }
    }
  });

  it('finds the lines holding a needle in one call as find and the line ends would, keeping the newest', () => {
    const rnd = random(13);
    for (let trial = 0; trial < 500; trial++) {
      const text = Array.from({ length: rnd(3000) }, () => 'ab\n\n'[rnd(trial % 3 ? 3 : 4)]).join('');
      const block = Buffer.from(text, 'latin1');
      const needle = Buffer.from(Array.from({ length: 1 + rnd(trial % 2 ? 3 : 8) }, () => 'ab'[rnd(2)]).join(''), 'latin1');
      const ignoreCase = trial % 5 === 0;
      assert.ok(kernel!.setNeedle(needle, ignoreCase));
      assert.ok(kernel!.load(block));
      // The reference: one find per line, going on after the end of the match's line.
      const expected: number[] = [];
      for (let pos = rnd(block.length + 1); pos < block.length; ) {
        const at = kernel!.find(pos);
        if (at < 0) break;
        expected.push(at);
        const nl = block.indexOf(10, at);
        pos = nl < 0 ? block.length + 1 : nl + 1;
      }
      const from = expected.length ? expected[0] : block.length;
      const size = [1, 2, 5, 50, MAX_RING][trial % 5];
      const newest = new Int32Array(size);
      const count = kernel!.findLines(from, newest);
      assert.equal(count, expected.length, `${needle} in ${JSON.stringify(text.slice(0, 80))}`);
      assert.deepEqual([...newest.subarray(0, Math.min(count, size))], expected.slice(-size));
    }
    assert.throws(() => kernel!.findLines(0, new Int32Array(MAX_RING + 1)), RangeError);
  });

  it('ignoring case, folds ASCII letters only, like a non-Unicode /i regex', () => {
    const rnd = random(11);
    for (let trial = 0; trial < 500; trial++) {
      const text = Array.from({ length: rnd(2000) }, () => 'aAbB@`\n'[rnd(7)]).join('');
      const needle = Array.from({ length: 1 + rnd(trial % 2 ? 3 : 20) }, () => 'aAbB@'[rnd(5)]).join('');
      assert.ok(kernel!.setNeedle(Buffer.from(needle, 'latin1'), true));
      assert.ok(kernel!.load(Buffer.from(text, 'latin1')));
      const regex = new RegExp(needle, 'gi');
      for (let from = rnd(text.length + 1), i = 0; i < 40; i++) {
        regex.lastIndex = from;
        const expected = regex.exec(text)?.index ?? -1;
        assert.equal(kernel!.find(from), expected, `${needle} from ${from}`);
        if (expected < 0) break;
        from = expected + 1;
      }
    }
  });

  it('reads plain files into its memory with the same blocks, long lines included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-kernel-'));
    try {
      const file = join(dir, 'a.log');
      const rnd = random(5);
      const lines = Array.from({ length: 30_000 }, (_, i) => `${i} ${'z'.repeat(rnd(600))}`).join('\n');
      writeFileSync(file, `first\n${'x'.repeat(CHUNK_BYTES + 1000)}\nmiddle\n${'y'.repeat(MAX_LINE_BYTES + 10)}\n${lines}\nlast without newline`);
      const read = async (open: (fd: number) => AsyncGenerator<LineBlock>) => {
        const fd = openSync(file, 'r');
        try {
          const blocks: string[] = [];
          for await (const block of open(fd)) blocks.push(`${block.offset}:${block.rawOffset}:${block.data.length}:${createHash('sha1').update(block.data).digest('hex')}`);
          return blocks;
        } finally {
          closeSync(fd);
        }
      };
      const expected = await read((fd) => readLineBlocks(fd, { gzip: false }));
      assert.ok(expected.length > 3);
      assert.deepEqual(await read((fd) => readLineBlocks(fd, { gzip: false }, 0, Infinity, (size) => kernel!.allocate(size))), expected);
      assert.deepEqual(await read((fd) => readPlainBlocksAhead(fd, (half, size) => kernel!.allocate(size, half))), expected);
      assert.deepEqual(await read((fd) => readPlainBlocksAhead(fd, (_half, size) => Buffer.allocUnsafe(size))), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('logs scan: literalPrefix', () => {
  it('keeps the literal start of a regex, and nothing when a match need not start with it', () => {
    assert.equal(literalPrefix('timeout after \\d+s on db-3'), 'timeout after ');
    assert.equal(literalPrefix('timeout after?'), 'timeout afte');
    assert.equal(literalPrefix('ab{2}'), 'a');
    assert.equal(literalPrefix('java.lang'), 'java');
    assert.equal(literalPrefix('^abc'), '');
    assert.equal(literalPrefix('abc|def'), '');
    assert.equal(literalPrefix('(abc)'), '');
  });
});

describe('logs scan: FileScanner fast paths', () => {
  const rnd = random(3);
  const pick = <T>(list: T[]): T => list[rnd(list.length)];
  function makeLog(lines: number): string {
    const out: string[] = [];
    let time = Date.UTC(2026, 0, 1);
    for (let i = 0; i < lines; i++) {
      time += rnd(5000);
      // A level without a time, then a continuation: the second takes its time from the line before the first.
      if (rnd(8) === 0) out.push('ERROR timeout after 9s', 'java.lang.Error: timeout after 3s');
      else if (rnd(5) === 0) out.push(pick(['\tat com.x.Y.run(Y.java:1)', 'java.lang.Error: timeout after 3s', '', 'plain Timeout After text']));
      else out.push(`${new Date(time).toISOString()} ${pick(['INFO ', 'WARN ', 'ERROR', 'DEBUG'])} [c] ${pick(['timeout after 5s on db-3', 'ok done', 'TIMEOUT after 2s', 'tim\u00e9out after', 'crlf\r', 'héllo'])}`);
    }
    return `${out.join('\n')}\n`;
  }
  const patterns: (PatternSpec | undefined)[] = [
    { source: 'timeout after', literal: true, caseSensitive: true },
    { source: 'timeout after', literal: true, caseSensitive: false },
    { source: 'db-3', literal: true, caseSensitive: true },
    { source: 'é', literal: true, caseSensitive: false },
    { source: 'timeout after \\d+s', literal: false, caseSensitive: true },
    { source: 'timeout AFTER \\d', literal: false, caseSensitive: false },
    { source: 'after\\s+\\S', literal: false, caseSensitive: true },
    { source: 'db-3|ok', literal: false, caseSensitive: true },
    undefined,
  ];
  function scan(blocks: Buffer[], request: ScanRequest, parser: ReturnType<typeof parserFor>, withKernel: boolean) {
    const scanner = new FileScanner(request, parser, () => {}, undefined, withKernel ? kernel : undefined);
    for (const block of blocks) scanner.push(block);
    return scanner.result();
  }

  it('returns the same matches, line numbers and totals with or without the kernel, and for any limit', function () {
    // Pure CPU work: ~12 s on an idle 2-core machine, 20 s and more under load (31 s once, over the suite's 30 s).
    this.timeout(180_000);
    for (let iteration = 0; iteration < 60; iteration++) {
      const data = Buffer.from(makeLog(1 + rnd(600)), 'utf8');
      const parser = parserFor(data.subarray(0, 64 * 1024), data.length <= 64 * 1024, 0);
      const blocks: Buffer[] = [];
      for (let pos = 0; pos < data.length; ) {
        const end = data.indexOf(10, Math.min(data.length - 1, pos + rnd(4000))) + 1;
        blocks.push(data.subarray(pos, end));
        pos = end;
      }
      for (const pattern of patterns) {
        const base: ScanRequest = { pattern, before: pick([0, 2]), after: pick([0, 3]), limit: 500, order: 'newest', maxLineChars: 500 };
        const all = scan(blocks, base, parser, false);
        assert.deepEqual(scan(blocks, base, parser, true), all, JSON.stringify(pattern));
        const limit = 1 + rnd(8);
        const newest = scan(blocks, { ...base, limit }, parser, true);
        assert.deepEqual(newest, { ...all, matches: all.matches.slice(0, limit) }, `${JSON.stringify(pattern)} limit ${limit}`);
        assert.deepEqual(scan(blocks, { ...base, limit }, parser, false), newest);
        const oldest = { ...base, limit, order: 'oldest' as const };
        assert.deepEqual(scan(blocks, oldest, parser, true), scan(blocks, oldest, parser, false));
      }
    }
  });

  it('scans a large block\'s text in pieces with the same results as small blocks', function () {
    this.timeout(180_000); // pure CPU work: 16 s idle, 28 s at a load average of 12
    const data = Buffer.from(makeLog(12_000), 'utf8');
    assert.ok(data.length > 16 * 32 * 1024, 'many 32 KiB pieces');
    const parser = parserFor(data.subarray(0, 64 * 1024), false, 0);
    const small: Buffer[] = [];
    for (let pos = 0; pos < data.length; ) {
      const end = data.indexOf(10, Math.min(data.length - 1, pos + 3000)) + 1;
      small.push(data.subarray(pos, end));
      pos = end;
    }
    for (const pattern of patterns.filter((p) => !p || !p.literal || !p.caseSensitive)) {
      for (const extra of [{}, { minLevel: 'ERROR' as const }, { since: Date.UTC(2026, 0, 1, 3) }]) {
        const request: ScanRequest = { pattern, before: 2, after: 2, limit: 40, order: 'newest', maxLineChars: 500, ...extra };
        for (const withKernel of [true, false]) {
          const whole = scan([data], request, parser, withKernel);
          assert.ok(whole.totalMatches > 0, JSON.stringify({ pattern, extra }));
          assert.deepEqual(whole, scan(small, request, parser, withKernel), JSON.stringify({ pattern, extra, withKernel }));
        }
      }
    }
  });

  it('numbers lines like a line-by-line reading of the file', () => {
    const text = makeLog(3000);
    const data = Buffer.from(text, 'utf8');
    const parser = parserFor(data.subarray(0, 64 * 1024), false, 0);
    const lines = text.split('\n').slice(0, -1);
    const expected = lines.flatMap((line, i) => (line.toLowerCase().includes('timeout after') ? [i + 1] : []));
    const found = scan([data.subarray(0, data.indexOf(10, 50_000) + 1), data.subarray(data.indexOf(10, 50_000) + 1)], { pattern: { source: 'Timeout After', literal: true, caseSensitive: false }, before: 0, after: 0, limit: 20, order: 'newest', maxLineChars: 500 }, parser, true);
    assert.equal(found.totalMatches, expected.length);
    assert.deepEqual(found.matches.map((m) => m.line), expected.slice(-20).reverse());
  });
});
