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
});
