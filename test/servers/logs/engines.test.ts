// The two search engines (ripgrep, run here as a child process, and the pure-Node scanner) return the same matches
// through the one match collector: the time window's edges, continuation lines, levels, context and ordering.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parserFor } from '../../../servers/logs/format/parser';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import { scanWithRipgrep } from '../../../servers/logs/search/ripgrep-engine';
import type { FileScanResult, ScanRequest, ScanTarget } from '../../../servers/logs/search/types';
import { hasRipgrep } from '../../support/log-engines';
import { LINES_IN_WINDOW, WINDOW, WINDOW_LOG } from '../../support/window-log';

describe('logs search engines: ripgrep and Node agree', function () {
  const rg = hasRipgrep() ? 'rg' : undefined;
  let dir: string;
  let target: ScanTarget;
  const parser = parserFor(Buffer.from(WINDOW_LOG), true, 0);
  before(function () {
    if (!rg) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'logs-engines-'));
    const realPath = join(dir, 'window.log');
    writeFileSync(realPath, WINDOW_LOG);
    const stats = statSync(realPath);
    target = { name: 'window.log', realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const node = (request: ScanRequest): FileScanResult => {
    const scanner = new FileScanner(request, parser);
    scanner.push(Buffer.from(WINDOW_LOG));
    return { ...scanner.result(), engine: 'node' };
  };
  const pattern = { source: 'tick', literal: true, caseSensitive: true };
  const base: ScanRequest = { pattern, before: 0, after: 0, limit: 10, order: 'oldest', maxLineChars: 500 };

  it('include an entry exactly at since and exclude one exactly at until', async () => {
    for (const order of ['oldest', 'newest'] as const) {
      const result = await scanWithRipgrep(rg!, target, { ...base, order, ...WINDOW }, parser);
      const expected = order === 'oldest' ? LINES_IN_WINDOW : [...LINES_IN_WINDOW].reverse();
      assert.deepEqual(result.matches.map((m) => m.line), expected, order);
      assert.equal(result.totalMatches, LINES_IN_WINDOW.length);
    }
  });

  it('return the same result for windows, levels, context, limits and regexes', async () => {
    const requests: ScanRequest[] = [
      base,
      { ...base, ...WINDOW },
      { ...base, until: WINDOW.until, order: 'newest' },
      { ...base, since: WINDOW.since, minLevel: 'WARN' },
      { ...base, minLevel: 'ERROR', before: 1, after: 2 },
      { ...base, before: 2, after: 1, limit: 2, order: 'newest' },
      { ...base, limit: 2 },
      { ...base, pattern: { source: 'TICK (before|at)', literal: false, caseSensitive: false }, after: 1 },
    ];
    for (const request of requests) {
      const fromRipgrep = await scanWithRipgrep(rg!, target, request, parser);
      assert.deepEqual({ ...fromRipgrep, engine: 'node' }, node(request), JSON.stringify(request));
    }
  });

  it('count every matching line but decode only the newest when nothing filters (newest first, a literal)', async () => {
    const times = (i: number) => `2026-11-20T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
    const many = Array.from({ length: 3000 }, (_, i) => `${times(i)} ${i % 3 ? 'INFO ' : 'ERROR'} [api] ${i % 7 ? 'ok' : 'needle twice needle'} ${i}`);
    const files: Record<string, string> = {
      // Many matches, two in some lines: each line once; the newest `limit` returned.
      'many.log': `${many.join('\n')}\n`,
      // Matches only at the start, then none: the newest are the first lines.
      'start.log': `${many.slice(0, 40).join('\n').replaceAll('ok', 'needle')}\n${Array.from({ length: 500 }, (_, i) => `${times(i)} INFO  [api] quiet ${i}`).join('\n')}\n`,
      // Fewer than asked, CRLF, a continuation line (its level from the entry above), no final newline.
      'few.log': `${times(1)} ERROR [api] needle one\r\n  at needle.frame(x.js:1)\r\n${times(2)} INFO  [api] plain\r\n${times(3)} WARN  [api] needle last`,
      // A byte-order mark, invalid UTF-8 around the literal and a non-ASCII literal.
      'bytes.log': `\ufeff${times(1)} ERROR [api] needle first\n${times(2)} INFO  [api] \u00e9t\u00e9 needle\n`,
      'none.log': `${times(1)} INFO  [api] nothing here\n`,
    };
    const raw: Record<string, Buffer> = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, Buffer.from(text)]));
    raw['bytes.log'] = Buffer.concat([raw['bytes.log'], Buffer.from([0xe2, 0x82]), Buffer.from(' needle after a cut sequence \xff\n', 'latin1')]);
    for (const [name, data] of Object.entries(raw)) {
      const realPath = join(dir, name);
      writeFileSync(realPath, data);
      const stats = statSync(realPath);
      const file: ScanTarget = { name, realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
      const fileParser = parserFor(data, true, 0);
      for (const [source, limit] of [['needle', 1], ['needle', 10], ['needle', 500], ['été needle', 5], ['ERROR', 50]] as const) {
        const request: ScanRequest = { pattern: { source, literal: true, caseSensitive: true }, before: 0, after: 0, limit, order: 'newest', maxLineChars: 500 };
        const scanner = new FileScanner(request, fileParser);
        scanner.push(data.length && data[data.length - 1] === 10 ? data : Buffer.concat([data, Buffer.from('\n')]));
        const fromRipgrep = await scanWithRipgrep(rg!, file, request, fileParser);
        assert.deepEqual({ ...fromRipgrep, engine: 'node' }, { ...scanner.result(), engine: 'node' }, `${name}: ${source} limit ${limit}`);
      }
    }
    const all = await scanWithRipgrep(rg!, { ...target, realPath: join(dir, 'many.log') }, { ...base, pattern: { source: 'needle', literal: true, caseSensitive: true }, order: 'newest', limit: 3 }, parserFor(raw['many.log'], true, 0));
    assert.equal(all.totalMatches, many.filter((line) => line.includes('needle')).length);
    assert.deepEqual(all.matches.map((m) => m.line), [2997, 2990, 2983]);
  });
  it('count no line the newest-first literal path cannot confirm: a line cut past 8 MiB, a pattern UTF-8 cannot carry', async () => {
    const realPath = join(dir, 'long.log');
    // The literal of the long line lies past the cut the line blocker makes: neither engine sees it, so it is no match
    // and must not push the older match out of the newest `limit`.
    const data = Buffer.concat([
      Buffer.from('2026-12-01 10:00:00 INFO short NEEDLE\u00e9X\n'),
      Buffer.from(`2026-12-01 10:00:01 ERROR ${'y'.repeat(9 * 1024 * 1024)} NEEDLE\u00e9X\n`),
      Buffer.from('2026-12-01 10:00:02 INFO after NEEDLE\u00e9X\n'),
      Buffer.from('2026-12-01 10:00:03 INFO lone \ud800 surrogate, written as U+FFFD \ufffd\n'),
    ]);
    writeFileSync(realPath, data);
    const stats = statSync(realPath);
    const file: ScanTarget = { name: 'long.log', realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
    const fileParser = parserFor(data.subarray(0, 4096), false, 0);
    const request: ScanRequest = { pattern: { source: 'NEEDLE\u00e9X', literal: true, caseSensitive: true }, before: 0, after: 0, limit: 2, order: 'newest', maxLineChars: 500 };
    const found = await scanWithRipgrep(rg!, file, request, fileParser);
    assert.deepEqual([found.totalMatches, found.matches.map((m) => m.line)], [2, [3, 1]]);
    // A lone surrogate reaches ripgrep as U+FFFD's bytes; whatever is counted is also returned (limit above the count).
    const lone = await scanWithRipgrep(rg!, file, { ...request, pattern: { source: '\ud800', literal: true, caseSensitive: true }, limit: 50 }, fileParser);
    assert.equal(lone.totalMatches, lone.matches.length);
  });

  it('take only "\\n" as a line end for ^ and $: not the "\\r" of CRLF, a lone "\\r", U+2028 or U+2029 (break20)', async () => {
    // JavaScript's multiline ^ and $ also match next to "\r", U+2028 and U+2029; ripgrep (and a log file) end a line at
    // "\n" only, with a CRLF line's "\r" part of its ending. The Node engine (gzip, UTF-16, no ripgrep) matched `\s$` and
    // `^$` on every CRLF line. Two files: a U+2028 anywhere in a piece of text has every candidate of it rechecked.
    const crlf = [
      '2026-12-01T10:00:00Z INFO plain',
      '2026-12-01T10:00:01Z INFO trailing space ',
      '2026-12-01T10:00:03Z INFO progress 10%\r 20%\r100% done',
      '',
      '2026-12-01T10:00:04Z INFO last',
    ];
    const separated = ['2026-12-01T10:00:00Z INFO a\u2028 separator inside\u2029 ok', '2026-12-01T10:00:01Z INFO b'];
    const cases: [string, string, Record<string, number[]>][] = [
      ['crlf.log', `${crlf.join('\r\n')}\r\n`, { '\\s$': [2], '^\\s*$': [4], '^$': [4], '^\\d+%': [], '\\W$': [2], 'done$': [3], '^2026.*last$': [5] }],
      ['separated.log', `${separated.join('\n')}\n`, { '^ separator': [], 'inside$': [], '^ ok': [], '\\sok$': [1], '^2026': [1, 2] }],
    ];
    for (const [name, text, expected] of cases) {
      const realPath = join(dir, name);
      writeFileSync(realPath, text);
      const stats = statSync(realPath);
      const file: ScanTarget = { name, realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
      const fileParser = parserFor(Buffer.from(text), false, 0);
      for (const [source, lineNumbers] of Object.entries(expected)) {
        const request: ScanRequest = { pattern: { source, literal: false, caseSensitive: false }, before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 500 };
        const scanner = new FileScanner(request, fileParser);
        scanner.push(Buffer.from(text));
        assert.deepEqual(scanner.result().matches.map((m) => m.line), lineNumbers, `node: ${name} ${source}`);
        const fromRipgrep = await scanWithRipgrep(rg!, file, request, fileParser);
        assert.deepEqual(fromRipgrep.matches.map((m) => m.line), lineNumbers, `ripgrep: ${name} ${source}`);
      }
    }
  });
});
