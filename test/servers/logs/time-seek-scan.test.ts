// A scan sought in for its `since` window (scan/seek.ts, io/time-seek.ts) gives the full read's answer: over made-up
// time-ordered logs (multi-line entries, times stepping back within the slack, CRLF, a preamble without times) and
// made-up requests (pattern, level, window, context, limit, order, entries; error_summary's accepted lines), the Node
// engine reading from the start found returns the same matches with the same line numbers and context, the same
// totals and the same accepted lines as reading the file from its first byte. Lines without a time above the start
// are not counted, which the result says (readFrom): the test checks the count is never more than the full read's.
import assert from 'node:assert/strict';
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parserFor } from '../../../servers/logs/format/parser';
import { CHUNK_BYTES, MAX_LINE_BYTES, readLineBlocks, readPlainBlocksAhead } from '../../../servers/logs/io/chunks';
import { readHead } from '../../../servers/logs/io/head';
import type { ReadStart } from '../../../servers/logs/io/time-seek';
import { scanStart } from '../../../servers/logs/scan/seek';
import { ByteKernel } from '../../../servers/logs/search/byte-kernel';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import type { AcceptedLine, ScanRequest, ScanTarget } from '../../../servers/logs/search/types';

const BASE = Date.UTC(2026, 11, 3, 10, 0, 0);
/** Within the seek's default slack (5 min): threads writing a little out of order. */
const BACK = 4 * 60_000;
const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');

interface Spec {
  step: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  job: number;
  stack: number;
}

const specs = fc.array(
  fc.record({
    step: fc.integer({ min: -BACK, max: 10 * 60_000 }),
    level: fc.constantFrom('INFO' as const, 'INFO' as const, 'WARN' as const, 'ERROR' as const),
    job: fc.nat({ max: 30 }),
    stack: fc.nat({ max: 3 }),
  }),
  { minLength: 200, maxLength: 1500 },
);

/** The file's lines and the time of each entry (in file order). */
function build(entries: Spec[], preamble: boolean): { lines: string[]; times: number[] } {
  const lines = preamble ? ['Starting worker (pid 4242)', 'boom: config reloaded'] : [];
  const times: number[] = [];
  let time = BASE;
  let newest = BASE;
  for (const e of entries) {
    time = Math.max(time + e.step, newest - BACK);
    newest = Math.max(newest, time);
    times.push(time);
    lines.push(`${stamp(time)} ${e.level} [pool-${e.job % 3}] com.example.Worker - job ${e.job} ${e.level === 'ERROR' ? 'failed: boom' : 'done'}`);
    if (e.stack > 0) {
      lines.push('java.lang.IllegalStateException: boom');
      for (let i = 1; i < e.stack; i++) lines.push(`\tat com.example.Worker.step${i}(Worker.java:${10 + i})`);
    }
  }
  return { lines, times };
}

const requests = fc.record({
  pattern: fc.constantFrom(undefined, { source: 'boom', literal: true, caseSensitive: false }, { source: 'ERROR', literal: true, caseSensitive: true }, { source: 'job \\d+ done', literal: false, caseSensitive: false }),
  minLevel: fc.constantFrom(undefined, 'WARN' as const, 'ERROR' as const),
  before: fc.nat({ max: 3 }),
  after: fc.nat({ max: 3 }),
  limit: fc.integer({ min: 1, max: 30 }),
  order: fc.constantFrom('newest' as const, 'oldest' as const),
  entries: fc.boolean(),
});

describe('logs: a scan sought in for its since window gives the full read\'s answer', function () {
  this.timeout(600_000);
  let dir: string;
  let kernel: ByteKernel | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seek-scan-'));
    kernel = ByteKernel.create(2 * (MAX_LINE_BYTES + 2 * CHUNK_BYTES));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** The scan process's Node engine (scan/worker.ts scanWithNode), from the file's start or from `start`. */
  const scan = async (fd: number, target: ScanTarget, request: ScanRequest, summarize: boolean, useKernel: boolean, start?: ReadStart) => {
    const head = await readHead(fd, target);
    const parser = parserFor(head.data, head.complete, target.mtimeMs);
    const accepted: AcceptedLine[] = [];
    const k = useKernel ? kernel : undefined;
    const scanner = new FileScanner(request, parser, () => {}, summarize ? (line) => accepted.push({ ...line }) : undefined, k);
    if (start) scanner.startAtLine(start.line);
    const from = start?.byte ?? 0;
    const blocks = k ? readPlainBlocksAhead(fd, (half, size) => k.allocate(size, half), from) : readLineBlocks(fd, target, from);
    for await (const block of blocks) {
      scanner.push(block.data);
      if (scanner.done) break;
    }
    scanner.finish();
    return { ...scanner.result(), accepted };
  };

  it('the same matches, line numbers, context, totals and accepted lines as the full read', async () => {
    let sought = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(specs, requests, fc.nat(), fc.integer({ min: -120_000, max: 120_000 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom(512, 1024, 4096), async (entries, shape, pick, near, crlf, preamble, summarize, useKernel, probeBytes) => {
        runs++;
        const { lines, times } = build(entries, preamble);
        const path = join(dir, 'app.log');
        writeFileSync(path, lines.map((l) => l + (crlf ? '\r\n' : '\n')).join(''));
        const stats = statSync(path);
        const target: ScanTarget = { name: 'app.log', realPath: path, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
        const since = times[pick % times.length] + near;
        const request: ScanRequest = { ...shape, since, maxLineChars: 1000 };
        const fd = openSync(path, 'r');
        try {
          const head = await readHead(fd, target);
          const start = scanStart(fd, target, request, parserFor(head.data, head.complete, target.mtimeMs), 0, probeBytes, useKernel ? kernel : undefined);
          if (!start || start.byte === 0) return;
          sought++;
          const full = await scan(fd, target, request, summarize, useKernel);
          const part = await scan(fd, target, request, summarize, useKernel, start);
          const { untimed: fullUntimed, ...fullRest } = full;
          const { untimed: partUntimed, ...partRest } = part;
          assert.deepEqual(partRest, fullRest, `read from line ${start.line} (byte ${start.byte})`);
          // Lines without a time above the start are not seen: the count is of the lines read, never more.
          assert.ok(partUntimed <= fullUntimed, `untimed ${partUntimed} > ${fullUntimed}`);
          if (!preamble) assert.equal(partUntimed, fullUntimed);
        } finally {
          closeSync(fd);
        }
      }),
      { numRuns: 200, endOnFailure: true },
    );
    // The property means something only if seeks were made.
    assert.ok(sought > runs / 4, `only ${sought} of ${runs} scans were sought`);
  });

  // flaky30: the scan process fixes the read's end when it opens the file, then learns the format before it seeks; lines
  // appended in between moved the seek's probes, so one call's start depended on when a writer wrote.
  it('a file written to after the read began is sought in as it was: the same start', async () => {
    const line = (i: number) => `${stamp(BASE + i * 1000)} INFO [pool-${i % 3}] com.example.Worker - job ${i} done\n`;
    const path = join(dir, 'growing.log');
    writeFileSync(path, Array.from({ length: 20_000 }, (_, i) => line(i)).join(''));
    const stats = statSync(path);
    const target: ScanTarget = { name: 'growing.log', realPath: path, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
    const request: ScanRequest = { pattern: undefined, before: 0, after: 0, limit: 10, order: 'oldest', entries: false, since: BASE + 7_777_500, maxLineChars: 1000 };
    const fd = openSync(path, 'r');
    try {
      const head = await readHead(fd, target);
      const parser = parserFor(head.data, head.complete, target.mtimeMs);
      const before = scanStart(fd, target, request, parser, 0, 512);
      assert.ok(before && before.byte > 0, 'the file is sought in');
      // A writer doubles the file after the read's end was fixed (stats.size).
      appendFileSync(path, Array.from({ length: 20_000 }, (_, i) => line(20_000 + i)).join(''));
      assert.deepEqual(scanStart(fd, target, request, parser, 0, 512, undefined, stats.size), before);
    } finally {
      closeSync(fd);
    }
  });
});
