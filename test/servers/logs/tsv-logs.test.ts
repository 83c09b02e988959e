// Tab-separated logs named `.tsv` or `.tab` were no log names: a folder of them answered "no log files found", though
// their rows read as csv31's tables do (a level column, a time column). And a CSV log's header row was no match only
// where it stood on line 1 on ripgrep's path without filters: a file of appended exports, which repeats the header
// row, had its later header rows returned (and counted) as matches of a search for a column's name. A header row is
// no match wherever it stands, on both engines; a `.tsv` of no level nor time column stays a data table.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parserFor } from '../../../servers/logs/format/parser';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import { scanWithRipgrep } from '../../../servers/logs/search/ripgrep-engine';
import type { ScanRequest, ScanTarget } from '../../../servers/logs/search/types';
import { hasRipgrep } from '../../support/log-engines';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const HEADER = 'time\tlevel\thost\tmessage';
const row = (second: number, level: string, message: string) => `2026-12-01 10:00:${String(second).padStart(2, '0')}\t${level}\tweb-1\t${message}`;
// Two exports appended: the header row again on line 5.
const APPENDED = [HEADER, row(0, 'INFO', 'service started'), row(1, 'ERROR', 'disk full on /var'), row(2, 'INFO', 'host level check ok'), HEADER, row(3, 'ERROR', 'disk full again'), row(4, 'WARN', 'retrying')];

describe('logs: tab-separated logs (.tsv, .tab) and CSV header rows anywhere', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'tsv-tables-'));
    writeFileSync(join(root, 'app.tsv'), APPENDED.join('\n') + '\n');
    writeFileSync(join(root, 'worker.tab'), [HEADER, row(0, 'INFO', 'worker up'), row(1, 'FATAL', 'worker crashed')].join('\n') + '\n');
    writeFileSync(join(root, 'people.tsv'), 'name\tcity\tage\nAda\tLondon\t36\nLinus\tHelsinki\t54\n');
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  describe('the engines', () => {
    const search = (source: string, order: 'newest' | 'oldest'): ScanRequest => ({ pattern: { source, literal: true, caseSensitive: true }, before: 0, after: 0, limit: 20, order, maxLineChars: 500 });
    it('return no header row as a match, on line 1 or further down, ripgrep and Node alike', async function () {
      const data = Buffer.from(APPENDED.join('\n') + '\n');
      const parser = parserFor(data, true, 0);
      const realPath = join(root, 'app.tsv');
      const stats = statSync(realPath);
      const target: ScanTarget = { name: 'app.tsv', realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
      for (const order of ['newest', 'oldest'] as const) {
        const request = search('level', order);
        const scanner = new FileScanner(request, parser);
        scanner.push(data);
        const node = scanner.result();
        assert.deepEqual(node.matches.map((m) => m.line), [4], `node ${order}`);
        assert.equal(node.totalMatches, 1);
        if (!hasRipgrep()) continue;
        const rg = await scanWithRipgrep('rg', target, request, parser);
        assert.deepEqual(rg.matches.map((m) => m.line), [4], `ripgrep ${order}`);
        assert.equal(rg.totalMatches, 1);
      }
    });
  });

  describe('through the built server', () => {
    let server: StartedServer;
    before(async () => {
      server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => server?.close());

    it('lists `.tsv` and `.tab` logs, and names a `.tsv` data table as left out', async () => {
      const summary = await callStructured(server.client, 'error_summary', { wholeFile: true });
      const files = (summary.files as { file: string; errors: number }[]).map((f) => [f.file, f.errors]).sort();
      assert.deepEqual(files, [['app.tsv', 2], ['worker.tab', 1]], JSON.stringify(summary).slice(0, 800));
      assert.match(JSON.stringify(summary), /1 \.csv\/\.tsv file\(s\) whose first lines read as a data table.*people\.tsv/);
    });

    it('search_logs finds no header row, and its level filter reads the rows\' levels', async () => {
      const found = await callStructured(server.client, 'search_logs', { pattern: 'level', file: 'app.tsv', order: 'oldest' });
      assert.deepEqual((found.matches as { line: number }[]).map((m) => m.line), [4]);
      const errors = await callStructured(server.client, 'search_logs', { level: 'ERROR', file: 'app.tsv', order: 'oldest' });
      assert.deepEqual((errors.matches as { line: number; level: string }[]).map((m) => [m.line, m.level]), [[3, 'ERROR'], [6, 'ERROR']]);
    });
  });
});
