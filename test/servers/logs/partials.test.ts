// Lines a container runtime split (issue 11): CRI `<time> <stream> P <part>` lines and the `F` line that ends them, and
// their neighbour, Docker json-file records whose `log` lacks its newline, are ONE message per stream: its level and
// time from the joined message, reported at the first part's line. Interleaved stdout and stderr parts are not glued
// to each other; a run the file ends inside is still shown. Every tool sees the joined message, on both engines,
// plain and gzip.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { levelCoverage } from '../../../servers/logs/format/coverage';
import { parserFor } from '../../../servers/logs/format/parser';
import { PartialJoiner, PART_SLOT, ReversePartialJoiner, MAX_HELD_LINES, type SplitKind } from '../../../servers/logs/format/partials';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import type { ScanRequest } from '../../../servers/logs/search/types';
import { SEARCH_ENGINES } from '../../support/log-engines';
import { startBuiltServer } from '../../support/mcp-client';

const POD = [
  '2026-11-29T10:15:00.000000001Z stdout F 2026-11-29 10:15:00.000 INFO [main] c.e.Shop - starting',
  '2026-11-29T10:15:01.000000001Z stdout P 2026-11-29 10:15:01.000 ERROR [http-1] c.e.Orders - payment fai',
  '2026-11-29T10:15:01.000000002Z stderr P 2026-11-29 10:15:01.000 WARN [gc] c.e.Mem - heap at 9',
  '2026-11-29T10:15:01.000000003Z stdout P led for order 4',
  '2026-11-29T10:15:01.000000004Z stderr F 1% after collection',
  '2026-11-29T10:15:01.000000005Z stdout F 2 (card declined)',
  '2026-11-29T10:15:02.000000001Z stdout F 2026-11-29 10:15:02.000 INFO [main] c.e.Shop - order 43 placed',
  '2026-11-29T10:15:03.000000001Z stderr P 2026-11-29 10:15:03.000 ERROR [http-2] c.e.Orders - cut off mid',
];
const ERROR_42 = '2026-11-29T10:15:01.000000001Z stdout F 2026-11-29 10:15:01.000 ERROR [http-1] c.e.Orders - payment failed for order 42 (card declined)';
const WARN_HEAP = '2026-11-29T10:15:01.000000002Z stderr F 2026-11-29 10:15:01.000 WARN [gc] c.e.Mem - heap at 91% after collection';
const CUT = POD[7];
/** The file's lines as every reader sees them: later parts empty, line numbers kept. */
const JOINED = [POD[0], ERROR_42, WARN_HEAP, PART_SLOT, PART_SLOT, PART_SLOT, POD[6], CUT];

// The same container output in Docker's json-file driver.
const docker = (log: string, stream: string, time: string) => JSON.stringify({ log, stream, time: `2026-11-29T10:15:${time}Z` });
const DOCKER = [
  docker('2026-11-29 10:15:00.000 INFO [main] c.e.Shop - starting\n', 'stdout', '00.000'),
  docker('2026-11-29 10:15:01.000 ERROR [http-1] c.e.Orders - payment fai', 'stdout', '01.000'),
  docker('2026-11-29 10:15:01.000 WARN [gc] c.e.Mem - heap at 9', 'stderr', '01.001'),
  docker('led for order 4', 'stdout', '01.002'),
  docker('1% after collection\n', 'stderr', '01.003'),
  docker('2 (card declined)\n', 'stdout', '01.004'),
  docker('2026-11-29 10:15:02.000 INFO [main] c.e.Shop - order 43 placed\n', 'stdout', '02.000'),
  docker('2026-11-29 10:15:03.000 ERROR [http-2] c.e.Orders - cut off mid', 'stderr', '03.000'),
];
const DOCKER_JOINED = [
  DOCKER[0],
  docker('2026-11-29 10:15:01.000 ERROR [http-1] c.e.Orders - payment failed for order 42 (card declined)\n', 'stdout', '01.000'),
  docker('2026-11-29 10:15:01.000 WARN [gc] c.e.Mem - heap at 91% after collection\n', 'stderr', '01.001'),
  PART_SLOT,
  PART_SLOT,
  PART_SLOT,
  DOCKER[6],
  DOCKER[7],
];

const LAYOUTS: { kind: SplitKind; lines: string[]; joined: string[] }[] = [
  { kind: 'cri', lines: POD, joined: JOINED },
  { kind: 'docker-json', lines: DOCKER, joined: DOCKER_JOINED },
];

const forward = (lines: string[], kind: SplitKind = 'cri') => {
  const joiner = new PartialJoiner(kind);
  return [...lines.flatMap((l) => joiner.push(l)), ...joiner.end()];
};
const backward = (lines: string[], kind: SplitKind = 'cri') => {
  const joiner = new ReversePartialJoiner(kind);
  return [...[...lines].reverse().flatMap((l) => joiner.push(l)), ...joiner.end()].reverse();
};

describe('logs: CRI partial lines are joined into one message', function () {
  this.timeout(120_000);

  it('joins the parts of each stream at the first part\'s line, in both reading directions', () => {
    for (const { kind, lines, joined } of LAYOUTS) {
      assert.deepEqual(forward(lines, kind), joined, kind);
      assert.deepEqual(backward(lines, kind), joined, kind);
    }
    // Neighbours: no partials, a run at the very start, a lone F, CRLF endings, a run past the holding bound.
    const plain = [POD[0], POD[6]];
    assert.deepEqual(forward(plain), plain);
    assert.deepEqual(backward(plain), plain);
    const crlf = POD.slice(1, 6).map((l) => `${l}\r`);
    assert.deepEqual(forward(crlf), [ERROR_42, WARN_HEAP, '', '', '']);
    assert.deepEqual(backward(crlf), [ERROR_42, WARN_HEAP, '', '', '']);
    const long = Array.from({ length: MAX_HELD_LINES + 5 }, (_, i) => `2026-11-29T10:15:00.${String(i).padStart(9, '0')}Z stdout P x`);
    const out = forward(long);
    assert.equal(out.length, long.length, 'a run past the bound is given out, line count kept');
    assert.ok(out[0].endsWith(` P ${'x'.repeat(MAX_HELD_LINES + 1)}`), 'joined as far as the bound');
  });

  for (const { kind, lines, joined } of LAYOUTS) it(`${kind}: the joined message gives level and time; the Node engine reports it once, at its first line`, () => {
    const content = `${lines.join('\n')}\n`;
    const parser = parserFor(Buffer.from(content), true, Date.parse('2026-11-30T00:00:00Z'));
    assert.equal(parser.format.id, kind);
    const [ERROR_42, WARN_HEAP, CUT] = [joined[1], joined[2], joined[7]];
    const scan = (request: Partial<ScanRequest>) => {
      const scanner = new FileScanner({ before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 1000, ...request }, parser);
      scanner.push(Buffer.from(content));
      return scanner.result().matches;
    };
    const errors = scan({ minLevel: 'ERROR' });
    assert.deepEqual(errors.map((m) => [m.line, m.text]), [[2, ERROR_42], [8, CUT]]);
    assert.equal(errors[0].timestamp, Date.parse('2026-11-29T10:15:01.000Z'));
    assert.deepEqual(scan({ minLevel: 'WARN' }).map((m) => m.line), [2, 3, 8]);
    // A pattern across the runtime's split, and one in the other stream's run.
    assert.deepEqual(scan({ pattern: { source: 'failed for order 42', literal: true, caseSensitive: true } }).map((m) => m.line), [2]);
    assert.deepEqual(scan({ pattern: { source: 'heap at 9\\d%', literal: false, caseSensitive: true } }).map((m) => m.line), [3]);
    // Without a filter every entry is a match: five, not eight lines (no empty part lines), context without them.
    assert.deepEqual(scan({}).map((m) => m.line), [1, 2, 3, 7, 8]);
    assert.deepEqual(scan({ pattern: { source: 'order 43', literal: true, caseSensitive: true }, before: 1 })[0].before, [WARN_HEAP]);
  });

  it('the honesty count looks at joined lines: a split line\'s later parts are not level-less lines', () => {
    for (const { kind, lines } of LAYOUTS) {
      const parser = parserFor(Buffer.from(`${lines.join('\n')}\n`), true, Date.parse('2026-11-30T00:00:00Z'));
      assert.deepEqual(levelCoverage(lines, parser), { lines: 5, withoutLevel: 0, layoutKnown: true }, kind);
    }
  });

  it('a Docker record whose log ends with its newline, one without a stream, and a shipper\'s record (other fields) are no parts', () => {
    const whole = [DOCKER[0], DOCKER[6]];
    assert.deepEqual(forward(whole, 'docker-json'), whole);
    const noStream = [JSON.stringify({ log: 'a', time: '2026-11-29T10:15:00Z' }), JSON.stringify({ log: 'b\n', time: '2026-11-29T10:15:01Z' })];
    assert.deepEqual(forward(noStream, 'docker-json'), noStream);
    // Fluent Bit takes the newline off every line it ships.
    const shipped = ['{"date":1795947300.001,"log":"INFO shop started","stream":"stdout","kubernetes":{"pod_name":"shop-1"}}', '{"date":1795947301.5,"log":"ERROR disk full","stream":"stderr","kubernetes":{"pod_name":"shop-1"}}'];
    assert.deepEqual(forward(shipped, 'docker-json'), shipped);
    assert.deepEqual(backward(shipped, 'docker-json'), shipped);
  });

  for (const engine of SEARCH_ENGINES) for (const { kind, lines, joined } of LAYOUTS) {
    describe(`${kind} through the built server (${engine.name} engine where it can run), plain and .gz`, function () {
      const [ERROR_42, WARN_HEAP, CUT] = [joined[1], joined[2], joined[7]];
      let dir: string;
      let server: Awaited<ReturnType<typeof startBuiltServer>>;
      before(async function () {
        if (!engine.available()) this.skip();
        dir = mkdtempSync(join(tmpdir(), 'logs-partials-'));
        writeFileSync(join(dir, 'pod.log'), `${lines.join('\n')}\n`);
        writeFileSync(join(dir, 'pod.log.1.gz'), gzipSync(`${lines.join('\n')}\n`));
        server = await startBuiltServer('logs', { LOG_DIRS: dir, ...engine.env });
      });
      after(async () => {
        await server?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        return result.structuredContent as Record<string, unknown>;
      };

      for (const file of ['pod.log', 'pod.log.1.gz']) {
        it(`${file}: search_logs, error_summary, recent_logs and log_patterns see the joined messages`, async () => {
          const search = await call('search_logs', { file, level: 'ERROR', order: 'oldest' });
          assert.deepEqual((search.matches as { line: number; text: string }[]).map((m) => [m.line, m.text]), [[2, ERROR_42], [8, CUT]]);
          const across = await call('search_logs', { file, pattern: 'failed for order 42' });
          assert.deepEqual((across.matches as { line: number }[]).map((m) => m.line), [2]);
          const summary = await call('error_summary', { file, wholeFile: true });
          assert.equal(summary.totalErrors, 2);
          const recent = await call('recent_logs', { file, lines: 10 });
          assert.deepEqual((recent.lines as { text: string }[]).map((l) => l.text), [lines[0], ERROR_42, WARN_HEAP, lines[6], CUT]);
          const recentErrors = await call('recent_logs', { file, lines: 10, level: 'ERROR' });
          assert.deepEqual((recentErrors.lines as { text: string }[]).map((l) => l.text), [ERROR_42, CUT]);
          const patterns = await call('log_patterns', { file, lineNumbers: true });
          assert.equal(patterns.linesRead, lines.length);
          assert.equal(patterns.linesMatched, 5);
          const lineNumbers = (patterns.templates as { lineNumbers: number[] }[]).flatMap((t) => t.lineNumbers).sort((a, b) => a - b);
          assert.deepEqual(lineNumbers, [1, 2, 3, 7, 8]);
          const errorPatterns = await call('log_patterns', { file, level: 'ERROR' });
          assert.equal(errorPatterns.linesMatched, 2);
        });
      }
    });
  }
});
