// Issue 11: envelopes and prefixes around log lines (Docker json-file, Fluentd/Fluent Bit, journald JSON export,
// Google Cloud, CloudWatch, CRI, syslog RFC 5424/3164), detection on small and odd files, and the spelled-level
// fallback. Each numbered input of the issue that concerns parsing is a test here with its right answer.
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { levelCoverage, levelsUnreadable, coverageNote } from '../../../servers/logs/format/coverage';
import { createLineParser } from '../../../servers/logs/format/detect';
import { spelledLevel } from '../../../servers/logs/format/header';
import { headLines } from '../../../servers/logs/io/head';

const T = Date.UTC(2024, 5, 1, 12, 30, 45, 123);
const ISO = new Date(T).toISOString();
const NANO = ISO.replace('Z', '456789Z');

describe('log envelopes and prefixes', () => {
  it('input 2: a Docker json-file record is read by its wrapped line (ERROR), its time, never its stream', () => {
    const line = JSON.stringify({ log: 'ERROR boom\n', stream: 'stderr', time: NANO });
    const parser = createLineParser([line]);
    assert.equal(parser.format.id, 'docker-json');
    // The stream is kept as the record's (an entry never continues across streams: continuation.ts entryAbove).
    // Its time is the runtime's (runtimeTime): the wrapped line has a level and no time of its own.
    assert.deepEqual(parser.parse(line), { message: 'boom', level: 'ERROR', timestamp: T, stream: 'stderr', runtimeTime: true });
    const plain = JSON.stringify({ log: 'listening on :8080\n', stream: 'stderr', time: NANO });
    assert.equal(parser.parse(plain).level, undefined, 'stderr is a stream, not a level');
    assert.equal(parser.parse(plain).message, 'listening on :8080');
  });

  it('Docker around a structured app line (pino JSON, and a timestamped text header)', () => {
    const pino = JSON.stringify({ log: `${JSON.stringify({ level: 50, time: T, msg: 'db down' })}\n`, stream: 'stdout', time: NANO });
    assert.deepEqual(createLineParser([pino]).parse(pino), { message: 'db down', level: 'ERROR', timestamp: T, stream: 'stdout' });
    const lines = ['INFO', 'WARN', 'ERROR'].map((level, i) => JSON.stringify({ log: `2024-06-01 12:30:4${i},000 ${level} [main] com.x.Y - step ${i}\n`, stream: 'stdout', time: NANO }));
    const parser = createLineParser(lines);
    assert.deepEqual(lines.map((l) => parser.parse(l).level), ['INFO', 'WARN', 'ERROR']);
    // The logger after the thread is a header field (the line's component), as on every form of a log4j file.
    assert.equal(parser.parse(lines[2]).message, 'step 2');
    assert.equal(parser.parse(lines[2]).component, 'com.x.Y');
  });

  // break17: error_summary called these files free of errors; their levels sit under keys it did not know.
  it("zap's development encoder in JSON (`L`/`T`/`M`) and OpenTelemetry records (`SeverityText`/`Timestamp`/`Body`)", () => {
    const zap = ['INFO', 'ERROR'].map((level, i) => JSON.stringify({ L: level, T: `2026-12-01T21:55:2${i}.000Z`, M: `step ${i}` }));
    const zapParser = createLineParser(zap);
    assert.deepEqual(zapParser.parse(zap[1]), { message: 'step 1', level: 'ERROR', timestamp: Date.parse('2026-12-01T21:55:21.000Z') });
    const otel = ['INFO', 'ERROR'].map((level, i) => JSON.stringify({ Timestamp: `2026-12-01T21:55:4${i}.000Z`, SeverityText: level, SeverityNumber: 9 + 8 * i, Body: `request ${i}` }));
    const otelParser = createLineParser(otel);
    assert.deepEqual(otelParser.parse(otel[1]), { message: 'request 1', level: 'ERROR', timestamp: Date.parse('2026-12-01T21:55:41.000Z') });
    const snake = JSON.stringify({ time_unix: 1, severity_text: 'WARN', body: 'slow' });
    assert.equal(createLineParser([snake]).parse(snake).level, 'WARN');
  });

  // levels21: an OpenTelemetry record whose source left SeverityText out (SDK bridges that set only the number) had no
  // level, or one read on another scale (17 as pino's trace-to-fatal 10..60 would not even be a level).
  it('OpenTelemetry\'s SeverityNumber without SeverityText: 1-4 TRACE … 21-24 FATAL, under each spelling of its key', () => {
    const numbers = [9, 13, 17, 21, 5, 1, 24, 20, 12];
    const expected = ['INFO', 'WARN', 'ERROR', 'FATAL', 'DEBUG', 'TRACE', 'FATAL', 'ERROR', 'INFO'];
    for (const key of ['SeverityNumber', 'severityNumber', 'severity_number']) {
      const lines = numbers.map((n, i) => JSON.stringify({ Timestamp: `2026-12-01T21:55:4${i}.000Z`, [key]: n, Body: `event ${i}` }));
      const parser = createLineParser(lines);
      assert.deepEqual(lines.map((line) => parser.parse(line).level), expected, key);
    }
    // Its text, where there is one, says the level in the source's words, and wins (`Information` is INFO either way).
    const both = JSON.stringify({ Timestamp: '2026-12-01T21:55:40.000Z', SeverityNumber: 17, SeverityText: 'Warning', Body: 'slow' });
    assert.equal(createLineParser([both]).parse(both).level, 'WARN');
  });

  it('Fluent Bit (`log` with Kubernetes metadata) and Fluentd (`message` without a level field)', () => {
    const bit = JSON.stringify({ date: T / 1000, log: 'W0601 12:30:45.123456 1 main.go:10] slow sync', stream: 'stderr', kubernetes: { pod_name: 'p' } });
    assert.equal(createLineParser([bit]).parse(bit).level, 'WARN');
    const fluentd = JSON.stringify({ message: '[error] upstream timed out', host: 'web-1', time: ISO });
    assert.deepEqual(createLineParser([fluentd]).parse(fluentd), { message: 'upstream timed out', level: 'ERROR', timestamp: T });
  });

  it('journald JSON export: MESSAGE, PRIORITY (syslog severity) and __REALTIME_TIMESTAMP in microseconds', () => {
    const record = { __REALTIME_TIMESTAMP: String(T * 1000 + 456), PRIORITY: '3', SYSLOG_IDENTIFIER: 'nginx', MESSAGE: 'bind() failed' };
    const line = JSON.stringify(record);
    const parser = createLineParser([line]);
    assert.equal(parser.format.id, 'journald');
    assert.deepEqual(parser.parse(line), { message: 'bind() failed', level: 'ERROR', timestamp: T, component: 'nginx' });
    // The service's own level wins over the priority journald gave its stdout; MESSAGE may be an array of bytes.
    assert.equal(parser.parse(JSON.stringify({ ...record, PRIORITY: '6', MESSAGE: 'WARN disk 91% full' })).level, 'WARN');
    assert.equal(parser.parse(JSON.stringify({ ...record, MESSAGE: [...Buffer.from('caf\xc3\xa9 down', 'latin1')] })).message, 'café down');
  });

  it('Google Cloud: textPayload with severity, jsonPayload.message with severity; DEFAULT is no level', () => {
    const text = JSON.stringify({ textPayload: 'payment declined', severity: 'ERROR', timestamp: NANO, resource: { type: 'k8s_container' } });
    const parser = createLineParser([text]);
    assert.equal(parser.format.id, 'gcp');
    assert.deepEqual(parser.parse(text), { message: 'payment declined', level: 'ERROR', timestamp: T });
    const json = JSON.stringify({ jsonPayload: { message: 'quota near' }, severity: 'WARNING', timestamp: ISO });
    assert.deepEqual(parser.parse(json), { message: 'quota near', level: 'WARN', timestamp: T });
    const wrapped = JSON.stringify({ textPayload: 'E0601 12:30:45.123456 1 x.go:1] boom', severity: 'DEFAULT', timestamp: ISO });
    assert.equal(parser.parse(wrapped).level, 'ERROR');
  });

  it('CloudWatch export events: epoch-ms timestamp and a message that is a log line', () => {
    const line = JSON.stringify({ timestamp: T, message: '[ERROR]\t2024-06-01T12:30:45.123Z\tabc-123\tTask timed out', ingestionTime: T + 5 });
    assert.deepEqual(createLineParser([line]).parse(line).level, 'ERROR');
    assert.equal(createLineParser([line]).parse(line).timestamp, T);
  });

  it('input 7: CRI `time stream F|P`: the inner line gives the level; F is never FATAL, stdout/stderr never a level', () => {
    const lines = [
      `${NANO} stdout F 2024-06-01 12:30:45.123 INFO starting`,
      `${NANO} stderr F 2024-06-01 12:30:45.123 ERROR failed to bind`,
      `${NANO} stdout F 2024-06-01 12:30:45.123 WARN slow`,
      `${NANO} stdout F plain text without a level`,
    ];
    const parser = createLineParser(lines);
    assert.equal(parser.format.id, 'cri');
    assert.deepEqual(lines.map((l) => parser.parse(l).level), ['INFO', 'ERROR', 'WARN', undefined]);
    assert.deepEqual(parser.parse(lines[1]), { message: 'failed to bind', level: 'ERROR', timestamp: T, stream: 'stderr' });
    assert.equal(parser.parse(lines[3]).timestamp, T, 'the runtime time');
  });

  it('CRI partial lines: the P line starts the entry, the F rest carries no level of its own (it joins the entry)', () => {
    const lines = [`${NANO} stdout P 2024-06-01 12:30:45.123 ERROR a very long mess`, `${NANO} stdout F age that the runtime split`];
    const parser = createLineParser(lines);
    assert.equal(parser.parse(lines[0]).level, 'ERROR');
    assert.equal(parser.parse(lines[1]).level, undefined);
    assert.equal(parser.parse(lines[1]).message, 'age that the runtime split');
  });

  it('syslog RFC 5424 and RFC 3164: PRI gives the severity unless the message names its own level', () => {
    const rfc5424 = [
      `<11>1 ${ISO} web01 app 4321 ID47 [exampleSDID@32473 iut="3" eventSource="App"] \uFEFFdisk failure`,
      `<14>1 ${ISO} web01 app 4321 - - started`,
      `<14>1 ${ISO} web01 app 4321 - - WARN cache cold`,
    ];
    const parser = createLineParser(rfc5424);
    assert.equal(parser.format.id, 'syslog-5424');
    assert.deepEqual(parser.parse(rfc5424[0]), { message: 'disk failure', level: 'ERROR', timestamp: T });
    assert.deepEqual(rfc5424.map((l) => parser.parse(l).level), ['ERROR', 'INFO', 'WARN']);
    const rfc3164 = ["<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8", '<13>Oct 11 22:14:16 mymachine cron[811]: job done'];
    const p3164 = createLineParser(rfc3164, { referenceTime: new Date(2024, 11, 1).getTime() });
    assert.equal(p3164.format.id, 'syslog-3164');
    assert.deepEqual(rfc3164.map((l) => p3164.parse(l).level), ['FATAL', 'INFO']);
    assert.equal(p3164.parse(rfc3164[1]).message, 'job done');
    assert.equal(p3164.parse(rfc3164[1]).timestamp, new Date(2024, 9, 11, 22, 14, 16).getTime());
  });
});

describe('log detection on small and odd files', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'logs-detect-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('input 3: a first line longer than the sample does not hide the layout of the lines after it', async () => {
    const file = join(dir, 'a.log');
    writeFileSync(file, `${'0'.repeat(70_000)}\n2026-11-30T03:00:00 [ERROR] boom\n`);
    const fd = openSync(file, 'r');
    try {
      const sample = await headLines(fd, { gzip: false });
      assert.deepEqual(sample, ['2026-11-30T03:00:00 [ERROR] boom', '']);
      const parser = createLineParser(sample);
      assert.notEqual(parser.format.id, 'unknown');
      assert.deepEqual(parser.parse('2026-11-30T03:00:00 [ERROR] boom'), { message: 'boom', level: 'ERROR', timestamp: new Date(2026, 10, 30, 3).getTime() });
    } finally {
      closeSync(fd);
    }
  });

  it('input 4: a four-line Java log (one entry and its stack frames) is read as Java', () => {
    const lines = [
      '2024-06-01 12:30:45,123 [main] ERROR com.x.Y - request failed',
      '\tat com.x.Y.handle(Y.java:42)',
      '\tat com.x.Server.run(Server.java:7)',
      '\tat java.base/java.lang.Thread.run(Thread.java:833)',
    ];
    const parser = createLineParser(lines);
    assert.equal(parser.format.id, 'java');
    // log4j2's default layout `%d [%t] %-5level %logger - %msg`: the logger after the level is the component.
    assert.deepEqual(parser.parse(lines[0]), { message: 'request failed', level: 'ERROR', component: 'com.x.Y', timestamp: new Date(2024, 5, 1, 12, 30, 45, 123).getTime() });
    assert.equal(parser.parse(lines[1]).level, undefined, 'a stack frame takes its entry\'s level');
  });

  it('input 4: a seven-line Python logging file with a traceback', () => {
    const lines = [
      '2024-06-01 12:30:45,123 - app - INFO - starting',
      '2024-06-01 12:30:46,500 - app - ERROR - job failed',
      'Traceback (most recent call last):',
      '  File "app.py", line 3, in <module>',
      '    main()',
      '  File "app.py", line 2, in main',
      'ValueError: boom',
    ];
    const parser = createLineParser(lines);
    assert.notEqual(parser.format.id, 'unknown');
    const error = parser.parse(lines[1]);
    assert.equal(error.level, 'ERROR');
    assert.equal(error.timestamp, new Date(2024, 5, 1, 12, 30, 46, 500).getTime());
    assert.equal(parser.parse(lines[0]).level, 'INFO');
    assert.equal(parser.parse('ValueError: boom').level, undefined);
  });

  it('a line whose header was not learned gets its level from the usual spellings', () => {
    const cases: [string, string | undefined][] = [
      ['ERROR boom', 'ERROR'],
      ['[error] boom', 'ERROR'],
      ['error: boom', 'ERROR'],
      ['E/ActivityManager( 123): boom', 'ERROR'],
      ['W/Tag(1): careful', 'WARN'],
      ['ts=1 level=error msg=boom', 'ERROR'],
      ['{"severity": "warning"} partial json', 'WARN'],
      ['[2024-06-01 12:30:45] app.ERROR: boom {"a":1} []', 'ERROR'],
      ['2024/06/01 12:30:45 pid 7 WARN slow', 'WARN'],
      ['ERROR: boom', 'ERROR'],
      ['nothing to see here', undefined],
      ['the word error in a sentence', undefined],
      ['E1234 is an error code', undefined],
    ];
    for (const [line, level] of cases) assert.equal(spelledLevel(line), level, line);
    const unknown = createLineParser(['hello world', 'the quick brown fox', 'ERROR here is not a header anyway']);
    assert.equal(unknown.parse('app.ERROR: boom').level, 'ERROR');
  });

  it('a file that mixes layouts is read line by line', () => {
    const lines = [
      '2024-06-01 12:30:45,123 INFO [main] a.B - one',
      '2024-06-01 12:30:45,124 INFO [main] a.B - two',
      '2024-06-01 12:30:45,125 ERROR [main] a.B - three',
      JSON.stringify({ level: 'error', time: ISO, msg: 'json in the middle' }),
      `${NANO} stderr F E0601 12:30:45.123456 1 x.go:1] cri in the middle`,
      'Jun  1 12:30:45 host app[1]: WARNING: syslog in the middle',
    ];
    const parser = createLineParser(lines, { referenceTime: T + 86_400_000 });
    assert.deepEqual(lines.map((l) => parser.parse(l).level), ['INFO', 'INFO', 'ERROR', 'ERROR', 'ERROR', 'WARN']);
    assert.equal(parser.parse(lines[3]).timestamp, T);
    assert.equal(parser.parse(lines[5]).timestamp, new Date(2024, 5, 1, 12, 30, 45).getTime());
  });

  it('says how many sampled lines have no recognisable level, and when none has one', () => {
    const java = ['2024-06-01 12:30:45,123 ERROR [main] a.B - x', '\tat a.B.c(B.java:1)', '2024-06-01 12:30:46,000 [main] a.B - no level here'];
    const coverage = levelCoverage(java, createLineParser(java));
    assert.deepEqual(coverage, { lines: 2, withoutLevel: 1, layoutKnown: true });
    assert.match(coverageNote('app.log', coverage)!, /app\.log: 1 of 2 lines/);
    const prose = ['hello world', 'the quick brown fox', 'jumps over'];
    const unknown = levelCoverage(prose, createLineParser(prose));
    assert.equal(levelsUnreadable(unknown), true);
    assert.match(coverageNote('notes.txt', unknown)!, /format was not recognised.*does not mean there are none/);
    assert.equal(coverageNote('x', { lines: 3, withoutLevel: 0, layoutKnown: true }), undefined);
    // A source read counts every line it gave, not a sample from the start.
    assert.equal(coverageNote('docker:web', coverage, 'read'), 'docker:web: 1 of 2 lines read have no recognisable level; such lines are never counted as errors');
    assert.match(coverageNote('journal:x', unknown, 'read')!, /\(3 of 3 lines read have no recognisable level\)/);
  });
});
