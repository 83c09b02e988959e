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
import { MessageBelow } from '../../../servers/logs/format/entry-message';
import { parserFor } from '../../../servers/logs/format/parser';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import { scanWithRipgrep } from '../../../servers/logs/search/ripgrep-engine';
import type { AcceptedLine, ScanRequest } from '../../../servers/logs/search/types';
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
  'Action:',
  '',
  "Identify and stop the process that's listening on port 8080 or configure this application to listen on another port.",
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

/** What Spring Boot's failure analysis says, as the message of its empty ERROR header. */
const FAILURE_MESSAGE =
  "APPLICATION FAILED TO START Description: Web server failed to start. Port 8080 was already in use. Action: Identify and stop the process that's listening on port 8080 or configure this application to listen on another port.";

/** A made-up logback sample: empty ERROR headers over an exception (with frames) and over a paragraph, then psql. */
const LOGBACK_ERRORS = [
  '2026-11-29 10:15:00.001 INFO  [main] c.e.Shop - starting',
  '2026-11-29 10:15:00.002 ERROR [main] c.e.Shop - ',
  'java.lang.IllegalStateException: catalogue missing',
  '\tat c.e.Shop.load(Shop.java:42)',
  '\tat c.e.Shop.main(Shop.java:12)',
  '2026-11-29 10:15:00.003 ERROR [main] c.e.Report - ',
  '',
  '=====',
  'Error: 3 prices are older than a day',
  'the report was not sent',
  'ERROR:  relation "users" does not exist',
  '2026-11-29 10:15:00.004 ERROR [main] c.e.Shop - ',
  '2026-11-29 10:15:00.005 INFO  [main] c.e.Shop - bye',
];
/** A made-up sample: an empty INFO header, a banner rule, then its text opening with a level word. */
const BANNER_INFO = [
  '2026-11-29 10:15:00.001 INFO  [main] c.e.Shop - starting',
  '2026-11-29 10:15:00.002 INFO  [main] c.e.Report - ',
  '==========',
  'Error: 3 prices are older than a day (report only)',
  '2026-11-29 10:15:00.003 INFO  [main] c.e.Shop - ready',
];

/** Each error entry's line and the message error_summary groups it by. */
const LOGBACK_MESSAGES: [number, string][] = [
  [2, 'java.lang.IllegalStateException: catalogue missing'],
  [6, 'Error: 3 prices are older than a day the report was not sent'],
  // psql's own `ERROR:` line is an entry of its own (a level of its own after the first text line ends the message).
  [11, 'relation "users" does not exist'],
  // Nothing below but the next entry: the header's own (empty) message.
  [12, ''],
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
      // A banner's rule (`=====`) is passed over on the way to the message: `Error: 3 prices…` below it is its text.
      ['banner', LOGBACK_ERRORS, 'ERROR', [2, 6, 11, 12]],
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

  it('the message of an empty header is the text below it, to the next entry, a level of its own or a stack frame', () => {
    const read = (lines: string[], from: number): string | undefined => {
      const below = new MessageBelow(parserOf(lines));
      for (const line of lines.slice(from)) if (!below.take(line)) break;
      return below.text();
    };
    assert.equal(read(SPRING_BOOT, FAILURE_HEADER), FAILURE_MESSAGE);
    assert.equal(read(SPRING_BOOT, 12), "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.");
    for (const [line, message] of LOGBACK_MESSAGES.slice(0, 2)) assert.equal(read(LOGBACK_ERRORS, line), message);
    assert.equal(read(LOGBACK_ERRORS, 12), undefined);
  });

  describe('error_summary\'s lines on both engines carry the message below an empty header', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'logs-empty-header-message-'));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));
    const cases: [string, string[], [number, string][]][] = [
      ['spring', SPRING_BOOT, [[FAILURE_HEADER, FAILURE_MESSAGE]]],
      ['logback', LOGBACK_ERRORS, LOGBACK_MESSAGES],
    ];
    for (const [name, lines, expected] of cases) {
      it(name, async () => {
        const parser = parserOf(lines);
        const content = lines.join('\n') + '\n';
        const request: ScanRequest = { before: 0, after: 0, limit: 1, order: 'oldest', maxLineChars: 2000, minLevel: 'ERROR', entries: true, pattern: { source: 'error', literal: false, caseSensitive: false } };
        const messages = (sunk: AcceptedLine[]) => sunk.map((l): [number, string] => [l.line, l.message.trim()]);
        // The node engine, the text in one block and line by line (a message read across blocks).
        for (const blocks of [[content], lines.map((line) => `${line}\n`)]) {
          const sunk: AcceptedLine[] = [];
          const scanner = new FileScanner(request, parser, () => undefined, (line) => sunk.push(line));
          for (const block of blocks) scanner.push(Buffer.from(block));
          scanner.finish();
          assert.deepEqual(messages(sunk), expected, `node engine, ${blocks.length} block(s)`);
        }
        if (!hasRipgrep()) return;
        const realPath = join(dir, `${name}.log`);
        writeFileSync(realPath, content);
        const stats = statSync(realPath);
        const target = { name: `${name}.log`, realPath, gzip: false, size: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
        const sunk: AcceptedLine[] = [];
        await scanWithRipgrep('rg', target, request, parser, { sink: (line) => sunk.push(line) });
        assert.deepEqual(messages(sunk), expected, 'ripgrep engine');
      });
    }
  });

  it('a container\'s records: the empty ERROR header\'s message is the text of the records below it', async () => {
    const time = Date.now() - 60_000;
    async function* records(): AsyncGenerator<SourceRecord> {
      for (const text of SPRING_BOOT) yield { text, time, stream: 'stdout' };
    }
    const read: SourceLine[] = [];
    for await (const line of sourceLines(records(), 'docker', 500, readStats())) read.push(line);
    assert.deepEqual(read.map((l) => l.line), SPRING_BOOT.map((_, i) => i + 1), 'every record, in order');
    assert.equal(read[FAILURE_HEADER - 1].message, FAILURE_MESSAGE);
  });

  describe('through the tools', () => {
    let dir = '';
    let server: StartedServer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-empty-header-'));
      writeFileSync(join(dir, 'app.log'), SPRING_BOOT.join('\n') + '\n');
      writeFileSync(join(dir, 'banner.log'), BANNER_INFO.join('\n') + '\n');
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

    it('error_summary names the failure by the text below its empty header, not by its logger', async () => {
      const data = await call('error_summary', { file: 'app.log', hours: 2 });
      const group = (data.groups as Data[])[0];
      assert.match(group.template as string, /^APPLICATION FAILED TO START Description: Web server failed to start\. Port <\*> was already in use\./, JSON.stringify(group));
      assert.ok(!JSON.stringify(data.groups).includes('LoggingFailureAnalysisReporter :'), JSON.stringify(data.groups));
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

    it('a banner rule under an empty INFO header: the `Error:` text below it is INFO in search_logs, recent_logs and error_summary', async () => {
      const errors = await call('search_logs', { file: 'banner.log', level: 'ERROR' });
      assert.equal((errors.matches as Data[]).length, 0, JSON.stringify(errors.matches));
      const recent = await call('recent_logs', { file: 'banner.log', level: 'ERROR', lines: 10 });
      assert.equal((recent.lines as Data[]).length, 0, JSON.stringify(recent.lines));
      const summary = await call('error_summary', { file: 'banner.log', wholeFile: true });
      assert.equal(summary.totalErrors, 0, JSON.stringify(summary.groups));
    });

    it('log_patterns with level ERROR leaves the INFO text out', async () => {
      const data = await call('log_patterns', { file: 'app.log', level: 'ERROR' });
      const templates = (data.templates as Data[]).map((t) => t.template as string);
      assert.ok(!templates.some((t) => /ApplicationContext/.test(t)), JSON.stringify(templates));
      assert.ok(templates.includes('APPLICATION FAILED TO START'), JSON.stringify(templates));
    });
  });
});
