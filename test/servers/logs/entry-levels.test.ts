// Which lines take their level from the entry above (issue 11): a line with its own time starts a new entry and never
// inherits a level; continuation lines (no time: stack frames, indented text), PostgreSQL's DETAIL:/STATEMENT:/HINT:
// lines and the header-less tail of a runtime-wrapped line (CRI `F` after `P`, a Docker json-file stack frame) do.
// Both engines (ripgrep and the Node scanner) must give the same lines for a level filter.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parserFor } from '../../../servers/logs/format/parser';
import { continuesEntry, needsHeader } from '../../../servers/logs/format/continuation';
import { levelCoverage, levelsUnreadable } from '../../../servers/logs/format/coverage';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import { RipgrepUnsupported, scanWithRipgrep } from '../../../servers/logs/search/ripgrep-engine';
import type { ScanRequest } from '../../../servers/logs/search/types';
import { hasRipgrep } from '../../support/log-engines';
import { startBuiltServer } from '../../support/mcp-client';

const MYSQL = [
  '2019-06-12T08:21:15.620012Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.',
  '2019-06-12T08:21:16.001100Z 0 [Unknown] [MY-010931] [Server] ready for connections.',
  '2019-06-12T08:30:02.123456Z 12 [ERROR] [MY-012592] [InnoDB] Operating system error number 2.',
  '\tcontinued text of the error',
];
const POSTGRES = [
  '2026-11-29 10:15:00.101 UTC [1] LOG:  starting PostgreSQL 16.1',
  '2026-11-29 10:15:02.123 UTC [4242] ERROR:  relation "users" does not exist at character 15',
  '2026-11-29 10:15:02.123 UTC [4242] STATEMENT:  SELECT * FROM users WHERE id = 42;',
  '2026-11-29 10:15:02.124 UTC [4242] HINT:  Perhaps you meant to reference the table "user".',
  '2026-11-29 10:15:03.200 UTC [4243] WARNING:  there is no transaction in progress',
  '2026-11-29 10:15:04.000 UTC [4244] LOG:  checkpoint starting: time',
];
const CRI = [
  '2026-11-29T10:15:00.001234567Z stdout F 2026-11-29 10:15:00.001 INFO  [main] c.e.Shop - starting',
  '2026-11-29T10:15:03.000234567Z stdout P 2026-11-29 10:15:03.000 ERROR [http-2] c.e.Orders - a long message split into ',
  '2026-11-29T10:15:03.000234999Z stdout F two partial lines',
  '2026-11-29T10:15:04.000234567Z stdout F 2026-11-29 10:15:04.000 INFO  [http-3] c.e.Orders - cache hit',
];
const DOCKER = [
  '{"log":"2026-11-29 10:15:00.001 INFO  [main] c.e.Shop - starting\\n","stream":"stdout","time":"2026-11-29T10:15:00.001Z"}',
  '{"log":"2026-11-29 10:15:02.000 ERROR [main] c.e.Shop - failed\\n","stream":"stderr","time":"2026-11-29T10:15:02.000Z"}',
  '{"log":"java.lang.IllegalStateException: boom\\n","stream":"stderr","time":"2026-11-29T10:15:02.001Z"}',
  '{"log":"2026-11-29 10:15:03.000 INFO  [main] c.e.Shop - recovered\\n","stream":"stdout","time":"2026-11-29T10:15:03.000Z"}',
];

const parserOf = (lines: string[]) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.parse('2026-11-30T00:00:00Z'));
const base: ScanRequest = { pattern: { source: ' ', literal: true, caseSensitive: true }, before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 500 };

describe('logs: which lines inherit the level of the entry above', () => {
  it('a line with its own time and no level does not inherit; a continuation without a time does', () => {
    const parser = parserOf(MYSQL);
    const parsed = MYSQL.map((l) => parser.parse(l));
    assert.equal(parsed[1].level, undefined, 'no recognisable level on line 2');
    assert.equal(needsHeader(parser, parsed[1]), false, 'a timestamped line is a new entry');
    assert.equal(needsHeader(parser, parsed[3]), true, 'an indented line continues the entry');
  });

  it("PostgreSQL's STATEMENT:/HINT: lines continue the entry although they repeat its prefix", () => {
    const parser = parserOf(POSTGRES);
    const parsed = POSTGRES.map((l) => parser.parse(l));
    assert.deepEqual(parsed.map((p) => continuesEntry(p)), [false, false, true, true, false, false]);
    assert.deepEqual(parsed.map((p) => needsHeader(parser, p)), [false, false, true, true, false, false]);
  });

  it('the header-less tail of a CRI partial line and a Docker json-file stack frame continue the entry', () => {
    const cri = parserOf(CRI);
    assert.deepEqual(CRI.map((l) => cri.parse(l).continues === true), [false, false, true, false]);
    const docker = parserOf(DOCKER);
    assert.deepEqual(DOCKER.map((l) => docker.parse(l).continues === true), [false, false, true, false]);
  });

  it("the honesty count skips an entry's parts but still counts a container's header-less lines", () => {
    const postgres = levelCoverage(POSTGRES, parserOf(POSTGRES));
    assert.deepEqual([postgres.lines, postgres.withoutLevel], [4, 0], 'STATEMENT:/HINT: are not level-less entries');
    const plain = ['2026-11-29T10:15:00.001Z stdout F listening on 8080', '2026-11-29T10:15:01.001Z stderr F request failed', '2026-11-29T10:15:02.001Z stdout F done'];
    const coverage = levelCoverage(plain, parserOf(plain));
    assert.equal(levelsUnreadable(coverage), true, 'a container that writes no levels is never "free of errors"');
  });

  describe('level filters on both engines', function () {
    const rg = hasRipgrep() ? 'rg' : undefined;
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'logs-entry-levels-'));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    const cases: [string, string[], 'WARN' | 'ERROR', number[]][] = [
      ['mysql', MYSQL, 'WARN', [1, 3, 4]],
      ['postgres', POSTGRES, 'ERROR', [2, 3, 4]],
      ['postgres', POSTGRES, 'WARN', [2, 3, 4, 5]],
      // The P line and its F line are one message (format/partials.ts), reported at the first part's line.
      ['cri', CRI, 'ERROR', [2]],
      ['docker', DOCKER, 'ERROR', [2, 3]],
    ];
    for (const [name, lines, minLevel, expected] of cases) {
      it(`${name}: ${minLevel} and above are lines ${expected.join(', ')}`, async function () {
        const content = lines.join('\n') + '\n';
        const parser = parserOf(lines);
        const request: ScanRequest = { ...base, minLevel };
        const scanner = new FileScanner(request, parser);
        scanner.push(Buffer.from(content));
        assert.deepEqual(scanner.result().matches.map((m) => m.line), expected, 'node engine');
        if (!rg) return;
        const realPath = join(dir, `${name}.log`);
        writeFileSync(realPath, content);
        const stats = statSync(realPath);
        const target = { name: `${name}.log`, realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
        // ripgrep sees lines, not joined messages: CRI and Docker json-file files are left to the Node engine.
        if (name === 'cri' || name === 'docker') return assert.rejects(scanWithRipgrep(rg, target, request, parser), RipgrepUnsupported);
        const result = await scanWithRipgrep(rg, target, request, parser);
        assert.deepEqual(result.matches.map((m) => m.line), expected, 'ripgrep engine');
      });
    }
  });

  it('log_patterns with a level keeps the lines the level filters of search_logs keep (one rule: needsHeader)', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'logs-entry-patterns-'));
    const files: [string, string[], 'WARN' | 'ERROR', number][] = [
      ['postgresql.log', POSTGRES, 'ERROR', 3],
      ['postgres-warn.log', POSTGRES, 'WARN', 4],
      ['mysql.log', MYSQL, 'WARN', 3],
    ];
    for (const [file, lines] of files) writeFileSync(join(dir, file), lines.join('\n') + '\n');
    const server = await startBuiltServer('logs', { LOG_DIRS: dir });
    try {
      for (const [file, , level, expected] of files) {
        const result = (await server.client.callTool({ name: 'log_patterns', arguments: { file, level } })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        const data = result.structuredContent as { linesMatched: number; templates: { count: number }[] };
        assert.equal(data.linesMatched, expected, `${file} at ${level}: ${JSON.stringify(data.templates)}`);
        assert.equal(data.templates.reduce((n, t) => n + t.count, 0), expected, file);
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recent_logs with a level keeps PostgreSQL\'s STATEMENT:/HINT: lines with their ERROR entry', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'logs-entry-recent-'));
    writeFileSync(join(dir, 'postgresql.log'), POSTGRES.join('\n') + '\n');
    const server = await startBuiltServer('logs', { LOG_DIRS: dir });
    try {
      const result = (await server.client.callTool({ name: 'recent_logs', arguments: { file: 'postgresql.log', lines: 10, level: 'ERROR' } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const { lines } = result.structuredContent as { lines: { text: string }[] };
      assert.deepEqual(lines.map((l) => l.text.replace(/^.*\] /, '')).sort(), ['ERROR:  relation "users" does not exist at character 15', 'HINT:  Perhaps you meant to reference the table "user".', 'STATEMENT:  SELECT * FROM users WHERE id = 42;'].sort());
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('error_summary counts an access log\'s 5xx line even when the URLs of its 2xx lines hold level-like words', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'logs-entry-access-'));
    const stamp = (s: number) => new Date(Date.now() - 3_600_000 + s * 1000).toISOString();
    const lines = Array.from({ length: 30 }, (_, i) => `10.0.0.${i} - - ${stamp(i)} "GET /books/${i} HTTP/1.1" 200 612 "-" "curl/8.5"`);
    lines.push(`10.0.0.9 - - ${stamp(40)} "POST /api/orders HTTP/1.1" 502 157 "-" "curl/8.5"`);
    writeFileSync(join(dir, 'access.log'), lines.join('\n') + '\n');
    const server = await startBuiltServer('logs', { LOG_DIRS: dir });
    try {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'access.log' } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.equal((result.structuredContent as { totalErrors: number }).totalErrors, 1);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
