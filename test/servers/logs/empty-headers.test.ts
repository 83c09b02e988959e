// A header whose message is empty writes its text on the line(s) below: Spring Boot logs `"\n\nError starting
// ApplicationContext. …"` at INFO, so the INFO line ends with the logger and `:` and the text comes two lines down. The
// `Error` that opens that text is a word of the message, not a level: it was counted as an ERROR of its own in
// error_summary, search_logs, recent_logs and log_patterns. The first text line under an empty header is that entry's
// message, at the header's level (continuation.ts underEntry), in every reader of entries.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { awaitsMessage, readInOrder, type EntryHeader } from '../../../servers/logs/format/continuation';
import { parserFor } from '../../../servers/logs/format/parser';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import { scanWithRipgrep } from '../../../servers/logs/search/ripgrep-engine';
import type { ScanRequest } from '../../../servers/logs/search/types';
import type { SourceRecord } from '../../../servers/logs/sources/types';
import { readStats, sourceLines, type SourceLine } from '../../../servers/logs/tools/source-lines';
import { hasRipgrep } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Spring Boot's `%d %5p %pid --- [%15.15t] %-40.40logger{39} : %m` header, `minutesAgo` before now (local time). */
const spring = (minutesAgo: number, level: string, logger: string, message: string): string => {
  const d = new Date(Date.now() - minutesAgo * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const time = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
  return `${time} ${level.padStart(5)} 6716 --- [           main] ${logger.padEnd(40)} : ${message}`;
};

/** A Spring Boot application that fails to start as Spring Boot 2 writes it (a port in use). */
const SPRING_BOOT = [
  spring(20, 'INFO', 'com.example.demo.DemoApplication', 'Starting DemoApplication v0.0.1 on host with PID 6716'),
  spring(20, 'INFO', 'com.example.demo.DemoApplication', 'No active profile set, falling back to default profiles: default'),
  spring(19, 'INFO', '.s.d.r.c.RepositoryConfigurationDelegate', 'Bootstrapping Spring Data JPA repositories in DEFAULT mode.'),
  spring(19, 'INFO', 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port(s): 8080 (http)'),
  spring(19, 'INFO', 'o.apache.catalina.core.StandardService', 'Starting service [Tomcat]'),
  spring(19, 'INFO', 'org.apache.catalina.core.StandardEngine', 'Starting Servlet engine: [Apache Tomcat/9.0.41]'),
  spring(18, 'INFO', 'w.s.c.ServletWebServerApplicationContext', 'Root WebApplicationContext: initialization completed in 1523 ms'),
  spring(18, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Starting...'),
  spring(18, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Start completed.'),
  spring(17, 'WARN', 'ConfigServletWebServerApplicationContext', 'Exception encountered during context initialization - cancelling refresh attempt'),
  spring(17, 'INFO', 'com.zaxxer.hikari.HikariDataSource', 'HikariPool-1 - Shutdown initiated...'),
  spring(17, 'INFO', 'ConditionEvaluationReportLoggingListener', ''),
  '',
  "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.",
  spring(17, 'ERROR', 'o.s.b.d.LoggingFailureAnalysisReporter', ''),
  '',
  '***************************',
  'APPLICATION FAILED TO START',
  '***************************',
  '',
  'Description:',
  '',
  'Web server failed to start. Port 8080 was already in use.',
  '',
];
/** Line numbers (from 1) of the INFO text and of the ERROR entry's header. */
const ERROR_STARTING = 14;
const FAILURE_HEADER = 15;

/** A made-up sample of the kind: logback's `%logger - %msg` with an empty message, its text below without a blank. */
const LOGBACK = [
  '2026-11-29 10:15:00.001 INFO  [main] c.e.Shop - starting',
  '2026-11-29 10:15:00.002 INFO  [main] c.e.Shop - loading catalogue',
  '2026-11-29 10:15:00.003 INFO  [main] c.e.Report - ',
  'Warning: the prices of 3 items are older than a day',
  '2026-11-29 10:15:00.004 INFO  [main] c.e.Shop - ready',
  '2026-11-29 10:15:00.005 INFO  [main] c.e.Shop - listening on 8080',
];

const parserOf = (lines: string[]) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now());

/** Each line's level as read in order (the node engine's and log_patterns' rule). */
function levelsInOrder(lines: string[]): (string | undefined)[] {
  const parser = parserOf(lines);
  let above: EntryHeader | undefined;
  return lines.map((line) => {
    const read = readInOrder(parser, parser.parse(line), above);
    above = read.next;
    return read.level;
  });
}

describe('logs: the text under a header whose message is empty is that entry\'s message', function () {
  this.timeout(120_000);

  it('an empty message is nothing, or a name closed by a padded separator; a name closed without padding is a message', () => {
    const parser = parserOf(SPRING_BOOT);
    assert.equal(awaitsMessage(parser.parse(SPRING_BOOT[11])), true, 'Spring Boot: `Listener : `');
    assert.equal(awaitsMessage(parser.parse(SPRING_BOOT[0])), false);
    const logback = parserOf(LOGBACK);
    assert.equal(awaitsMessage(logback.parse(LOGBACK[2])), true, 'logback: `c.e.Report - `');
    assert.equal(awaitsMessage(logback.parse('2026-11-29 10:15:00.003 INFO  [main] c.e.Report - Properties:')), false);
    assert.equal(awaitsMessage(logback.parse('Warning: no time, no header')), false);
  });

  /** A made-up sample whose text line under the empty header is followed by psql's untimed `ERROR:` line. */
  const PSQL_BELOW = [...LOGBACK.slice(0, 4), 'ERROR:  relation "users" does not exist', ...LOGBACK.slice(4)];

  it('reads the text line at the empty header\'s level, in order', () => {
    const inOrder = levelsInOrder(SPRING_BOOT);
    assert.equal(inOrder[ERROR_STARTING - 1], 'INFO', 'Error starting ApplicationContext… is logged at INFO');
    assert.equal(inOrder[FAILURE_HEADER - 1], 'ERROR');
    assert.deepEqual(levelsInOrder(LOGBACK), ['INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO']);
    // Only the first text line is the message: a level word further down is the line's own.
    assert.equal(levelsInOrder(PSQL_BELOW)[4], 'ERROR');
  });

  describe('level filters on both engines', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'logs-empty-header-rg-'));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));
    // Docker's json-file log of the same application: each line a record with the runtime's time (ParsedLine.runtimeTime).
    const time = new Date(Date.now() - 60_000).toISOString();
    const docker = SPRING_BOOT.map((text) => JSON.stringify({ log: `${text}\n`, stream: 'stdout', time }));
    const cases: [string, string[], 'WARN' | 'ERROR', number[]][] = [
      ['spring', SPRING_BOOT, 'ERROR', [FAILURE_HEADER]],
      ['docker', docker, 'ERROR', [FAILURE_HEADER]],
      ['logback', LOGBACK, 'WARN', []],
      ['psql-below', PSQL_BELOW, 'ERROR', [5]],
    ];
    for (const [name, lines, minLevel, expected] of cases) {
      it(`${name}: ${minLevel} and above are lines [${expected.join(', ')}]`, async () => {
        const parser = parserOf(lines);
        const content = lines.join('\n') + '\n';
        const base: ScanRequest = { before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 500, minLevel, entries: true };
        // The whole file, and the lines holding an error word (error_summary's prefilter: the line above is not read).
        for (const request of [base, { ...base, pattern: { source: 'error|warn', literal: false, caseSensitive: false } }]) {
          const scanner = new FileScanner(request, parser);
          scanner.push(Buffer.from(content));
          assert.deepEqual(scanner.result().matches.map((m) => m.line), expected, `node engine ${JSON.stringify(request.pattern)}`);
          // ripgrep sees lines, not a runtime's records: Docker json-file files are left to the Node engine.
          if (!hasRipgrep() || request.pattern === undefined || name === 'docker') continue;
          const realPath = join(dir, `${name}.log`);
          writeFileSync(realPath, content);
          const stats = statSync(realPath);
          const target = { name: `${name}.log`, realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
          const result = await scanWithRipgrep('rg', target, request, parser);
          assert.deepEqual(result.matches.map((m) => m.line), expected, 'ripgrep engine');
        }
      });
    }
  });

  it('a container\'s records: the text record under the empty header is its message at INFO (one record a line)', async () => {
    const time = Date.now() - 60_000;
    async function* records(): AsyncGenerator<SourceRecord> {
      for (const text of SPRING_BOOT) yield { text, time, stream: 'stdout' };
    }
    const read: SourceLine[] = [];
    for await (const line of sourceLines(records(), 'docker', 500, readStats())) read.push(line);
    assert.equal(read[ERROR_STARTING - 1].level, 'INFO', JSON.stringify(read[ERROR_STARTING - 1]));
    assert.equal(read[ERROR_STARTING - 1].continuation, true);
    assert.deepEqual(read.filter((l) => !l.continuation && l.level === 'ERROR').map((l) => l.line), [FAILURE_HEADER]);
  });

  describe('through the tools', () => {
    let dir = '';
    let server: StartedServer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-empty-header-'));
      writeFileSync(join(dir, 'app.log'), SPRING_BOOT.join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const call = async (name: string, args: Record<string, unknown>): Promise<Data> => {
      const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };

    it('error_summary counts the failure, not the INFO text', async () => {
      const data = await call('error_summary', { file: 'app.log', hours: 2 });
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups));
      assert.deepEqual((data.groups as Data[]).flatMap((g) => (g.examples as Data[]).map((e) => e.line)), [FAILURE_HEADER]);
    });

    it('search_logs reads the text at INFO, and leaves it out of level ERROR', async () => {
      const found = await call('search_logs', { file: 'app.log', pattern: 'Error starting' });
      assert.deepEqual((found.matches as Data[]).map((m) => [m.line, m.level]), [[ERROR_STARTING, 'INFO']]);
      const errors = await call('search_logs', { file: 'app.log', pattern: 'Error starting', level: 'ERROR' });
      assert.equal((errors.matches as Data[]).length, 0, JSON.stringify(errors.matches));
    });

    it('recent_logs with level ERROR keeps the failure\'s lines and not the INFO text', async () => {
      const data = await call('recent_logs', { file: 'app.log', level: 'ERROR', lines: 50 });
      const texts = (data.lines as Data[]).map((l) => l.text as string);
      assert.ok(!texts.some((t) => t.startsWith('Error starting')), JSON.stringify(texts));
      assert.ok(texts.includes('APPLICATION FAILED TO START'), JSON.stringify(texts));
      const info = await call('recent_logs', { file: 'app.log', level: 'INFO', lines: 50 });
      const line = (info.lines as Data[]).find((l) => (l.text as string).startsWith('Error starting'));
      assert.equal(line?.level, 'INFO', JSON.stringify(info.lines));
    });

    it('log_patterns with level ERROR leaves the INFO text out', async () => {
      const data = await call('log_patterns', { file: 'app.log', level: 'ERROR' });
      const templates = (data.templates as Data[]).map((t) => t.template as string);
      assert.ok(!templates.some((t) => /ApplicationContext/.test(t)), JSON.stringify(templates));
      assert.ok(templates.includes('APPLICATION FAILED TO START'), JSON.stringify(templates));
    });
  });
});
