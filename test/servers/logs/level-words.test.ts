// Level fields the reader used to miss (pylevel17), for error_summary's counts and search_logs' level filter, with both
// engines: Python logging's default layout (`ERROR:asyncio:Task exception was never retrieved`), level names in other
// languages where a level column stands (Tomcat's localized java.util.logging levels, `심각 [main]`, `WARNUNG`), and
// Erlang/OTP's `=ERROR REPORT==== date ===` headings. A localized word in free text is no level.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnLevel } from '../../../servers/logs/format/header';
import { localizedLevel } from '../../../servers/logs/format/levels';
import { parserFor } from '../../../servers/logs/format/parser';
import { describeWithEachEngine, wholeFileSummary } from '../../support/log-engines';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `logging.basicConfig()` without a format: werkzeug's request lines, asyncio's last-resort handler with its traceback. */
const PYTHON_BASIC = [
  'INFO:werkzeug:127.0.0.1 - - [02/Dec/2026 08:00:01] "GET / HTTP/1.1" 200 -',
  'WARNING:root:disk low on /var (5% free)',
  'ERROR:asyncio:Task exception was never retrieved',
  "future: <Task finished name='Task-1' coro=<main() done, defined at /app/run.py:5> exception=ValueError('bad')>",
  'Traceback (most recent call last):',
  '  File "/app/run.py", line 7, in main',
  '    raise ValueError("bad")',
  'ValueError: bad',
  'INFO:werkzeug:127.0.0.1 - - [02/Dec/2026 08:00:02] "GET /missing HTTP/1.1" 404 -',
];

const now = new Date();
const day = `${String(now.getUTCDate()).padStart(2, '0')}-${now.toLocaleString('en', { month: 'short', timeZone: 'UTC' })}-${now.getUTCFullYear()}`;

/** Tomcat's OneLineFormatter under a Korean locale: java.util.logging's localized level names (정보 INFO, 경고 WARNING, 심각 SEVERE). */
const TOMCAT_KO = [
  `${day} 00:00:01.123 정보 [main] org.apache.catalina.startup.VersionLoggerListener.log 서버 버전 이름: Apache Tomcat/9.0.85`,
  `${day} 00:00:02.001 경고 [main] org.apache.tomcat.util.digester.SetPropertiesRule.begin 속성 [debug]을(를) [0](으)로 설정하지 못했습니다.`,
  `${day} 00:00:03.500 심각 [main] org.apache.catalina.core.StandardContext.startInternal 하나 이상의 리스너들이 시작하지 못했습니다.`,
  `${day} 00:00:03.600 정보 [main] org.apache.catalina.core.StandardService.startInternal 서비스 [Catalina]을(를) 시작합니다.`,
  `${day} 00:00:04.000 정보 [main] org.apache.catalina.startup.Catalina.start 서버가 [1234] 밀리초 내에 시작되었습니다.`,
];

/** The same in German, where `INFORMATION` is an English level word too and `WARNUNG`/`SCHWERWIEGEND` are not. */
const TOMCAT_DE = [
  `${day} 00:00:01.123 INFORMATION [main] org.apache.catalina.startup.VersionLoggerListener.log Server-Version: Apache Tomcat/9.0.85`,
  `${day} 00:00:02.001 WARNUNG [main] org.apache.tomcat.util.digester.SetPropertiesRule.begin Eigenschaft [debug] konnte nicht gesetzt werden`,
  `${day} 00:00:03.500 SCHWERWIEGEND [main] org.apache.catalina.core.StandardContext.startInternal Ein oder mehrere Listener konnten nicht starten`,
  `${day} 00:00:04.000 INFORMATION [main] org.apache.catalina.startup.Catalina.start Server-Start in [1234] Millisekunden`,
];

/** German and Korean words that name levels, in messages: no level column, no level. */
const FREE_TEXT = [
  `${day} 00:00:01.000 Anwendung gestartet`,
  `${day} 00:00:02.000 Fehler beim Lesen ist kein Level, nur ein Wort`,
  `${day} 00:00:03.000 정보 없음`,
  `${day} 00:00:04.000 Anwendung beendet`,
];

/** Erlang/OTP's tty reports: a heading with the report's kind and time, its lines below. */
const stamp = `${now.getUTCDate()}-${now.toLocaleString('en', { month: 'short', timeZone: 'UTC' })}-${now.getUTCFullYear()}`;
const ERLANG = [
  `=INFO REPORT==== ${stamp}::00:00:01 ===`,
  '    application: ssl',
  '    started_at: nonode@nohost',
  '',
  `=ERROR REPORT==== ${stamp}::00:00:02.123456 ===`,
  '** Generic server cache_srv terminating ',
  '** Last message in was {get,key}',
  '** Reason for termination ==',
  '** {badarg,[{erlang,binary_to_term,[<<>>],[]}]}',
  '',
  `=CRASH REPORT==== ${stamp}::00:00:02.200000 ===`,
  '  crasher:',
  '    initial call: cache_srv:init/1',
  '    pid: <0.88.0>',
  '',
  `=WARNING REPORT==== ${stamp}::00:00:03 ===`,
  'disk almost full on /var',
  '',
  `=PROGRESS REPORT==== ${stamp}::00:00:04 ===`,
  '          supervisor: {local,sasl_safe_sup}',
  '             started: [{pid,<0.90.0>},{id,alarm_handler}]',
];

/**
 * Mosquitto behind syslog: its messages carry no level (`Socket error on client c1, disconnecting.` is a NOTICE in its
 * source). Read alone, `<epoch>: Socket error` once looked like time, host and level; it is the message's first words.
 */
const mosquittoStamp = Math.floor(now.getTime() / 1000) - 60;
const syslogDay = `${now.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${String(now.getUTCDate()).padStart(2, ' ')}`;
const MOSQUITTO = [
  'mosquitto version 2.0.18 starting',
  'Opening ipv4 listen socket on port 1883.',
  'New connection from 10.0.0.5:51234 on port 1883.',
  'New client connected from 10.0.0.5:51234 as c1 (p2, c1, k60).',
  'Socket error on client c1, disconnecting.',
  'Client c2 disconnected.',
].map((m, i) => `${syslogDay} 00:00:0${i} broker mosquitto[812]: ${mosquittoStamp + i}: ${m}`);

const parserOf = (lines: string[]) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now());

/**
 * A wrapper's level around a JSON record whose message is a Python program's line in logging's default layout: a
 * supervisor that tags stdout INFO and stderr ERROR (`[ERROR] {…}`), and a shipper's own record at its own level
 * (`{"level":"info","msg":"WARNING:root:…"}`). The program's level is what it meant; the wrapper's is its guess.
 */
const WRAPPED_PREFIX = [
  '[ERROR] {"msg":"INFO:root:worker started"}',
  '[ERROR] {"msg":"WARNING:root:disk low on /var (5% free)"}',
  '[INFO] {"msg":"plain line the program printed"}',
  '[ERROR] {"msg":"ERROR:app.db:connection refused to db:5432"}',
  '[INFO] {"msg":"another plain line"}',
];
const WRAPPED_RECORD = [
  '{"level":"error","msg":"INFO:root:worker started"}',
  '{"level":"info","msg":"WARNING:root:disk low on /var (5% free)"}',
  '{"level":"info","msg":"plain line the program printed"}',
  '{"level":"info","msg":"ERROR:app.db:connection refused to db:5432"}',
  '{"level":"info","msg":"ERROR: a message of the shipper\'s own"}',
];

describe('logs: level fields of Python\'s default layout, localized level columns and Erlang reports', () => {
  it("Python's basicConfig layout: the level and logger are the header, the message follows the second colon", () => {
    const parser = parserOf(PYTHON_BASIC);
    const parsed = PYTHON_BASIC.map((l) => parser.parse(l));
    assert.deepEqual([parsed[0].level, parsed[0].component], ['INFO', 'werkzeug']);
    assert.deepEqual([parsed[2].level, parsed[2].component, parsed[2].message], ['ERROR', 'asyncio', 'Task exception was never retrieved']);
    assert.equal(parsed[1].message, 'disk low on /var (5% free)');
    // The INFO word stands; a 404 in the request line is no warning.
    assert.equal(parsed[8].level, 'INFO');
  });

  it('a level column of localized level names is read; the same words in a message are not levels', () => {
    const ko = parserOf(TOMCAT_KO);
    assert.deepEqual(TOMCAT_KO.map((l) => ko.parse(l).level), ['INFO', 'WARN', 'ERROR', 'INFO', 'INFO']);
    const de = parserOf(TOMCAT_DE);
    assert.deepEqual(TOMCAT_DE.map((l) => de.parse(l).level), ['INFO', 'WARN', 'ERROR', 'INFO']);
    // break33: one value the table lacked (`[치명]`, FATAL) in a bracketed Korean column: its lines had no level, so a
    // file's fatal errors went uncounted (and in a short file no column was learned at all).
    const korean = Array.from({ length: 12 }, (_, i) => `2026-12-04 16:00:${String(i).padStart(2, '0')} [${['정보', '경고', '오류', '치명', '주의', '추적'][i % 6]}] worker ${i} did step ${i * 7}`);
    const koParser = parserOf(korean);
    assert.deepEqual(korean.slice(0, 6).map((l) => koParser.parse(l).level), ['INFO', 'WARN', 'ERROR', 'FATAL', 'WARN', 'TRACE']);
    const free = parserOf(FREE_TEXT);
    assert.deepEqual(FREE_TEXT.map((l) => free.parse(l).level), [undefined, undefined, undefined, undefined]);
  });

  it('a column word that names a property every object has (`CONSTRUCTOR`, `__PROTO__`, `TOSTRING`) is no level', () => {
    // The localized names were looked up in a plain object: its prototype's members answered for level names.
    for (const word of ['CONSTRUCTOR', 'Constructor', '__PROTO__', 'TOSTRING', 'VALUEOF', 'HASOWNPROPERTY']) {
      assert.equal(localizedLevel(word), undefined, word);
      assert.equal(columnLevel(word), undefined, word);
    }
    assert.deepEqual([localizedLevel('WARNUNG'), columnLevel('Fehler'), columnLevel('LOG')], ['WARN', 'ERROR', 'INFO']);
  });

  it('Mosquitto\'s `Socket error on client …` behind syslog is its message, with no level', () => {
    const parser = parserOf(MOSQUITTO);
    const parsed = parser.parse(MOSQUITTO[4]);
    assert.equal(parsed.level, undefined);
    assert.match(parsed.message, /Socket error on client c1, disconnecting\./);
  });

  it("a wrapper's level around a JSON record gives way to the Python line's own in its message; without one it is the line's", () => {
    const prefixed = parserOf(WRAPPED_PREFIX);
    assert.deepEqual(WRAPPED_PREFIX.map((line) => prefixed.parse(line).level), ['INFO', 'WARN', 'INFO', 'ERROR', 'INFO']);
    // Only the level and the logger leave the message: the logger is the component.
    assert.deepEqual([prefixed.parse(WRAPPED_PREFIX[1]).message, prefixed.parse(WRAPPED_PREFIX[1]).component], ['disk low on /var (5% free)', 'root']);
    assert.equal(prefixed.parse(WRAPPED_PREFIX[2]).message, 'plain line the program printed');
    const recorded = parserOf(WRAPPED_RECORD);
    assert.deepEqual(WRAPPED_RECORD.map((line) => recorded.parse(line).level), ['INFO', 'WARN', 'INFO', 'ERROR', 'INFO']);
    assert.deepEqual([recorded.parse(WRAPPED_RECORD[3]).message, recorded.parse(WRAPPED_RECORD[3]).component], ['connection refused to db:5432', 'app.db']);
    // A level word and a colon with no logger name is the shipper's own text, at the record's level.
    assert.equal(recorded.parse(WRAPPED_RECORD[4]).message, "ERROR: a message of the shipper's own");
  });

  it("Erlang's report headings carry the report's level and time", () => {
    const parser = parserOf(ERLANG);
    const headings = ERLANG.map((l) => parser.parse(l)).filter((p) => p.timestamp !== undefined);
    assert.deepEqual(headings.map((p) => p.level), ['INFO', 'ERROR', 'ERROR', 'WARN', 'INFO']);
  });
});

describe('logs: error_summary and search_logs levels for these layouts', function () {
  this.timeout(120_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-level-words-'));
    writeFileSync(join(dir, 'python-basic.log'), PYTHON_BASIC.join('\n') + '\n');
    writeFileSync(join(dir, 'catalina-ko.log'), TOMCAT_KO.join('\n') + '\n');
    writeFileSync(join(dir, 'catalina-de.log'), TOMCAT_DE.join('\n') + '\n');
    writeFileSync(join(dir, 'free-text.log'), FREE_TEXT.join('\n') + '\n');
    writeFileSync(join(dir, 'erlang.log'), ERLANG.join('\n') + '\n');
    writeFileSync(join(dir, 'mosquitto.log'), MOSQUITTO.join('\n') + '\n');
    writeFileSync(join(dir, 'wrapped-prefix.log'), WRAPPED_PREFIX.join('\n') + '\n');
    writeFileSync(join(dir, 'wrapped-record.log'), WRAPPED_RECORD.join('\n') + '\n');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (_engine, server) => {
    const summary = (file: string): Promise<Data> => wholeFileSummary(server(), file);
    const atLeast = async (file: string, level: string): Promise<number[]> => {
      const result = (await server().client.callTool({ name: 'search_logs', arguments: { file, level, order: 'oldest', limit: 100 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return (result.structuredContent as Data).matches.map((m: Data) => m.line);
    };
    const groups = (data: Data) => JSON.stringify(data.groups.map((g: Data) => [g.template, g.count]));

    it("asyncio's ERROR with its traceback under basicConfig is one error; WARN lines are the WARNING and the error's", async () => {
      const data = await summary('python-basic.log');
      assert.equal(data.totalErrors, 1, groups(data));
      const warn = await atLeast('python-basic.log', 'WARN');
      assert.ok(warn.includes(2) && warn.includes(3), JSON.stringify(warn));
      assert.ok(!warn.includes(1) && !warn.includes(9), `INFO lines are no warnings: ${JSON.stringify(warn)}`);
    });

    it("Tomcat's Korean 심각 is an error and 경고 a warning; German SCHWERWIEGEND/WARNUNG likewise", async () => {
      assert.equal((await summary('catalina-ko.log')).totalErrors, 1);
      assert.deepEqual(await atLeast('catalina-ko.log', 'WARN'), [2, 3]);
      assert.equal((await summary('catalina-de.log')).totalErrors, 1);
      assert.deepEqual(await atLeast('catalina-de.log', 'WARN'), [2, 3]);
    });

    it('Mosquitto: no error is claimed from `Socket error`, and the answer says the lines carry no level', async () => {
      const data = await summary('mosquitto.log');
      assert.equal(data.totalErrors, 0, groups(data));
      assert.match(data.notes.join(' '), /no recognisable level/);
      assert.deepEqual(await atLeast('mosquitto.log', 'ERROR'), []);
    });

    it("a wrapper's level gives way to the wrapped Python line's own in error_summary, search_logs and log_patterns alike", async () => {
      for (const file of ['wrapped-prefix.log', 'wrapped-record.log']) {
        const data = await summary(file);
        assert.equal(data.totalErrors, 1, `${file}: ${groups(data)}`);
        assert.deepEqual(await atLeast(file, 'WARN'), [2, 4], file);
        const result = (await server().client.callTool({ name: 'log_patterns', arguments: { file, level: 'WARN' } })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        const templates = (result.structuredContent as Data).templates.map((t: Data) => [t.template, t.level]);
        // Each template starts where the program's message does: `WARNING:root:` is the header, not the text.
        assert.deepEqual(templates.map(([template, level]: string[]) => [template.split(' ').slice(0, 2).join(' '), level]).sort(), [['connection refused', 'ERROR'], ['disk low', 'WARN']], `${file}: ${JSON.stringify(templates)}`);
      }
    });

    it('Erlang: the ERROR and CRASH reports are two errors; a WARN filter keeps them and the WARNING report', async () => {
      const data = await summary('erlang.log');
      assert.equal(data.totalErrors, 2, groups(data));
      const warn = await atLeast('erlang.log', 'WARN');
      for (const line of [5, 11, 16]) assert.ok(warn.includes(line), `line ${line} in ${JSON.stringify(warn)}`);
      assert.ok(!warn.includes(1) && !warn.includes(19), `INFO and PROGRESS reports are no warnings: ${JSON.stringify(warn)}`);
    });
  });
});
