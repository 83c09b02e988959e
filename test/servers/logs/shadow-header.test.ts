// The compiled header readers (format/compiled-header.ts) against the general reader (header.ts parseWithHeader), by
// the shadow-compare harness (scripts/shadow-header.ts): every parsed line must be the same, field for field, on the
// syslog layouts' lines and on their neighbours (each line altered as a line of such a file may differ from it).
// The whole development set and the studied real excerpts are compared by `node --import tsx scripts/shadow-header.ts`.
import assert from 'node:assert/strict';
import { emptyResult, shadowCompare } from '../../../scripts/shadow-header';
import { generateSynthetic, SYNTHETIC_LAYOUTS } from '../../../scripts/synthetic-logs';

/** Syslog lines of the forms a syslog file holds beside its own: each is parsed by both readers. */
const SYSLOG_FILE = [
  'Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4',
  'Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown',
  'Jun 15 02:04:59 combo sshd[20882]: error: Bind to port 22 on 0.0.0.0 failed: Address already in use.',
  'Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)',
  'Jun 15 04:06:19 combo su(pam_unix)[21416]: session closed for user cyrus',
  'Jun 15 04:06:20 combo logrotate: ALERT exited abnormally with [1]',
  'Jun 15 12:12:34 combo kernel: Linux version 2.6.5-1.358 (bhcompile@bugs.build.redhat.com)',
  'Jun 15 12:12:34 combo kernel: WARNING: dropping packet',
  'Jun 15 12:12:35 combo app[12]: [ERROR] worker crashed',
  'Jun 15 12:12:36 combo app[12]: {"level":"warn","msg":"slow disk","ts":"2024-01-01T10:00:00Z"}',
  'Jun 15 12:12:36 combo app[12]: level=error msg="cannot bind" addr=:8080',
  'Jun 15 12:12:37 combo app[12]: 2024-01-01T10:00:00.123Z [WARN] worker: queue full',
  'Jun 15 12:12:37 combo nginx[99]: 10.0.0.1 - - [15/Jun/2005:12:12:37 +0000] "GET /x HTTP/1.1" 502 12 "-" "curl"',
  'Jun 15 12:12:38 combo app.ERROR: database gone',
  'Jun 15 12:12:38 combo ERROR: relation does not exist',
  'Jun 15 12:12:39.123 combo app[12]: fraction of a second',
  'Jun 15 12:12:39 2005 combo app[12]: a year after the time',
  'Jun 15 12:12:40 combo java.io.IOException: broken pipe',
  'Jun 15 12:12:40 combo',
  'Jun 15 12:12:40',
  '    at com.example.Foo.bar(Foo.java:12)',
  'Traceback (most recent call last):',
  'web-1  | Jun 15 12:12:41 combo app[12]: behind a compose prefix',
  '2024-01-01 10:00:03 ERROR db down',
  'Jun 15 12:12:42 combo app[12]:',
  'Jun 15 12:12:42 combo app[12]:  two spaces',
  'Jun 15 12:12:43 combo CRON[1]: (root) CMD (run-parts /etc/cron.hourly)',
  'Jun 15 12:12:43 combo app[12]: - a list item',
  'Jun 15 12:12:44 combo app[12]: stdout F the runtime stream',
  'Jun 15 12:12:44 combo msg="half a quote app[12]: x',
  'Jun 15 12:12:45 combo app[12]: E: [pulseaudio] module.c: failed',
  'Jun 15 12:12:45 combo corosync[6415]: May 04 17:52:13 debug   [TOTEM ] token',
  'Jun 15 12:12:46 combo app[12]: | piped',
  '',
];

/** Lines of a timestamped file (a time, then the message) and of the forms such a file holds beside its own. */
const TIMESTAMPED_FILE = [
  '2026-11-30 10:00:00,123 worker started',
  '2026-11-30 10:00:01,456 ERROR worker crashed',
  '2026-11-30 10:00:02,001 - a lone dash before the message',
  '2026-11-30 10:00:02,002 -> an arrow',
  '2026-11-30 10:00:02,003 => a fat arrow',
  '2026-11-30 10:00:02,004 : a colon',
  '2026-11-30 10:00:02,005: closed by a colon',
  '2026-11-30 10:00:02,006, closed by a comma',
  '2026-11-30 10:00:03,000 app.ERROR: database gone',
  '2026-11-30 10:00:03,001 app.INFO: started [] []',
  '2026-11-30 10:00:04,000 10.0.0.1 - - "GET /x HTTP/1.1" 503 12',
  '2026-11-30 10:00:04,500 [WARN] disk low',
  '2026-11-30 10:00:05,000 {"level":"error","msg":"boom"}',
  '2026-11-30 10:00:05,100 level=warn msg="slow" took=3s',
  '2026-11-30 10:00:05,200 stdout F from the runtime',
  '2026-11-30 10:00:05,300 web-1 | piped column',
  '2026-11-30 10:00:05,400 a | b | ERROR the shipper table',
  '2026-11-30 10:00:05,500\tmain\tINFO\tzap console',
  '2026-11-30 10:00:06',
  '2026-11-30 10:00:06 ',
  '[2026-11-30 10:00:07,000] bracketed time',
  '    at com.example.Foo.bar(Foo.java:12)',
  '| a bar first',
  'web-1  | 2026-11-30 10:00:08,000 behind a compose prefix',
  'Nov 30 10:00:09 host app[1]: a syslog line amid them',
  '20261130-10:00:10:000|Step_LSC|3000|compact and piped',
  '',
];

/** Lines of a bracket-level file (`[time] [thread] [LEVEL] [logger] msg`) and of the forms such a file holds beside its own. */
const BRACKET_LEVEL_FILE = [
  '[2026-11-30 10:00:01.456] [main] [ERROR] [app.Db] connection lost',
  '[2026-11-30 10:00:02.001] [main] [INFO] [app.Db] - a lone dash before the message',
  '[2026-11-30 10:00:02.002] [main] [INFO] [app.Db] -> an arrow',
  '[2026-11-30 10:00:02.003] [main] [INFO] [app.Db]: closed by a colon',
  '[2026-11-30 10:00:02.004], [main] [INFO] [app.Db] closed by a comma',
  '[2026-11-30 10:00:02.005] [a -> b] [INFO] [app.Db] an arrow in a column',
  '[2026-11-30 10:00:02.006] [pool[1]] [INFO] [app.Db] a nested bracket',
  '[2026-11-30 10:00:02.007] [main] [info] [app.Db] the level in lower case',
  '[2026-11-30 10:00:02.008] [main] [ WARN ] [app.Db] the level padded',
  '[2026-11-30 10:00:02.009] [main] [LOG] [app.Db] a column-only level',
  '[2026-11-30 10:00:02.010] [main] [NOPE] [app.Db] no level word',
  '[2026-11-30 10:00:02.011] [main] INFO [app.Db] a bare level',
  '[2026-11-30 10:00:02.012] [main] [INFO] a column missing',
  '[2026-11-30 10:00:02.013] [main] [INFO]',
  '[2026-11-30 10:00:02.014] [main] [INFO] [app.Db]',
  '[2026-11-30 10:00:02.015] [main]',
  '[2026-11-30 10:00:02.016] [main] [INFO] [app.Db] app.ERROR: a Monolog column',
  '[2026-11-30 10:00:02.017]x [main] [INFO] [app.Db] glued',
  '2026-11-30 10:00:02.018 [main] [INFO] [app.Db] the time unbracketed',
  '[Nov 30 10:00:02] [main] [INFO] [app.Db] the time in another form',
  '    at com.example.Foo.bar(Foo.java:12)',
  'web-1  | [2026-11-30 10:00:03.000] [main] [INFO] [app.Db] behind a compose prefix',
  '',
];

/** Lines of a bare-level file (`<time> LEVEL [thread] logger: msg`) and of the forms such a file holds beside its own. */
const BARE_LEVEL_FILE = [
  '2026-11-30 10:00:01,456 ERROR [main] app.Db: connection lost',
  '2026-11-30 10:00:02,001 INFO [main] app.Db: - a dash after the name',
  '2026-11-30 10:00:02,002 INFO    : [main] app.Db: a padded colon',
  '2026-11-30 10:00:02,003 INFO: [main] app.Db: glued colon',
  '2026-11-30 10:00:02,004 INFO, [main] app.Db: a comma',
  '2026-11-30 10:00:02,005 Info [main] app.Db: the level capitalised',
  '2026-11-30 10:00:02,006 info [main] app.Db: the level in lower case',
  '2026-11-30 10:00:02,007 Error count reset [main] app.Db: a sentence',
  '2026-11-30 10:00:02,008 WARNING [main] app.Db: a longer word',
  '2026-11-30 10:00:02,009 INFORMATION [main] app.Db: a longer word',
  '2026-11-30 10:00:02,010 NOPE [main] app.Db: no level word',
  '2026-11-30 10:00:02,011 LOG [main] app.Db: a column-only level',
  '2026-11-30 10:00:02,012 INFO\t[main] app.Db: a tab',
  '2026-11-30 10:00:02,013 INFO| [main] app.Db: a bar',
  '2026-11-30 10:00:02,014 INFO [main] app.ERROR: a Monolog column',
  '2026-11-30 10:00:02,015 INFO [main] java.io.IOException: an exception',
  '2026-11-30 10:00:02,016 INFO [main] ERROR: a level where the name is',
  '2026-11-30 10:00:02,017 INFO [main] no name here',
  '2026-11-30 10:00:02,018 INFO [main]',
  '2026-11-30 10:00:02,019 INFO',
  '2026-11-30 10:00:02,020 INFO:app.Db: Python basic',
  '2026-11-30 10:00:02,021 Fatal error: [main] app.Db: a PHP phrase',
  '2026-11-30 10:00:02,022 TRACE1 [main] app.Db: a numbered level',
  '[2026-11-30 10:00:02,023] INFO [main] app.Db: the time bracketed',
  '    at com.example.Foo.bar(Foo.java:12)',
  'web-1  | 2026-11-30 10:00:03,000 INFO [main] app.Db: behind a compose prefix',
  '',
];

/** Lines of a log4j file (`<time> [thread] LEVEL com.app.Db - msg`) and of the forms such a file holds beside its own. */
const LOGGER_FILE = [
  '2026-11-30 10:00:01,456 [main] ERROR com.app.Db - connection lost',
  '2026-11-30 10:00:02,001 [main] INFO com.app.Db -- two dashes',
  '2026-11-30 10:00:02,002 [main] INFO com.app.Db - - an empty column',
  '2026-11-30 10:00:02,003 [main] INFO com.app.Db -> an arrow',
  '2026-11-30 10:00:02,004 [main] INFO com.app.Db => a fat arrow',
  '2026-11-30 10:00:02,005 [main] INFO com.app.Db : a colon',
  '2026-11-30 10:00:02,006 [main] INFO com.app.Db - : an empty name',
  '2026-11-30 10:00:02,007 [main] INFO com.app.Db -',
  '2026-11-30 10:00:02,008 [main] INFO com.app.Db no dash',
  '2026-11-30 10:00:02,009 [main] INFO com.app.Db: a name',
  '2026-11-30 10:00:02,010 [main] INFO Db - no package',
  '2026-11-30 10:00:02,011 [main] INFO com.app.db - no class',
  '2026-11-30 10:00:02,012 [main] INFO com.app.Db',
  '2026-11-30 10:00:02,013 [main] INFO com.app.Db\t- a tab',
  '2026-11-30 10:00:02,014 [main] INFO    : com.app.Db - a padded colon',
  '2026-11-30 10:00:02,015 [main] INFO    :',
  '2026-11-30 10:00:02,016 [main] Info com.app.Db - capitalised',
  '',
];

describe('compiled header readers: shadow compare with the general reader', function () {
  // Each line is parsed twice, and again for each of its neighbours: some seconds on a loaded machine.
  this.timeout(120_000);
  for (const id of ['syslog-many-hosts', 'mixed-programs', 'pipe-delimited', 'comma-delimited', 'proxy-sizes', 'semicolon-delimited', 'bracketed', 'fixed-width', 'log4j-keyvalue', 'mdc-fields', 'thread-with-spaces']) {
    it(`${id}: every line and its neighbours parse alike`, () => {
      const layout = SYNTHETIC_LAYOUTS.find((l) => l.id === id);
      assert.ok(layout);
      const result = emptyResult();
      shadowCompare(id, generateSynthetic(layout, 300, 1).lines, result, { show: 5 });
      assert.deepEqual(result.examples, []);
      assert.equal(result.differences, 0);
      // The compiled reader read most of the file's own lines (a harness that compared nothing would pass too).
      assert.ok(result.compiledLines > 150, `compiled reader read ${result.compiledLines} lines`);
    });
  }

  it('a syslog file with lines of other forms among its own parses alike, neighbours too', () => {
    const result = emptyResult();
    // Sampled from itself repeated, so that the syslog header is learned from enough lines.
    shadowCompare('syslog-file', [...SYSLOG_FILE, ...SYSLOG_FILE, ...SYSLOG_FILE], result, { show: 5 });
    assert.deepEqual(result.examples, []);
    assert.equal(result.differences, 0);
    assert.ok(result.compiledLines > 0);
  });

  it('a timestamped file with lines of other forms among its own parses alike, neighbours too', () => {
    const result = emptyResult();
    // The odd lines amid the file's own, so that a plain timestamped header is learned.
    const own = Array.from({ length: 40 }, (_, i) => `2026-11-30 09:${String(i).padStart(2, '0')}:00,${String(i * 7).padStart(3, '0')} worker ${i} took ${i * 3} ms`);
    shadowCompare('timestamped-file', [...own, ...TIMESTAMPED_FILE, ...own, ...TIMESTAMPED_FILE], result, { show: 5 });
    assert.deepEqual(result.examples, []);
    assert.equal(result.differences, 0);
    assert.ok(result.compiledLines > 0);
  });

  it('a bracket-level file with lines of other forms among its own parses alike, neighbours too', () => {
    const result = emptyResult();
    const own = Array.from({ length: 40 }, (_, i) => `[2026-11-30 09:${String(i).padStart(2, '0')}:00.${String(i * 7).padStart(3, '0')}] [worker-${i % 3}] [${i % 5 === 0 ? 'WARN' : 'INFO'}] [app.Jobs] job ${i} took ${i * 3} ms`);
    shadowCompare('bracket-level-file', [...own, ...BRACKET_LEVEL_FILE, ...own, ...BRACKET_LEVEL_FILE], result, { show: 5 });
    assert.deepEqual(result.examples, []);
    assert.equal(result.differences, 0);
    // The file's own lines were read by the bracket-level reader (the general reader read them all otherwise).
    assert.ok(result.compiledLines >= 80, `compiled reader read ${result.compiledLines} lines`);
  });

  it('a log4j file with lines of other forms among its own parses alike, neighbours too', () => {
    const result = emptyResult();
    const own = Array.from({ length: 40 }, (_, i) => `2026-11-30 09:${String(i).padStart(2, '0')}:00,${String(i * 7).padStart(3, '0')} [worker ${i % 3}] ${i % 5 === 0 ? 'WARN' : 'INFO'} com.app.Jobs - job ${i} took ${i * 3} ms`);
    shadowCompare('logger-file', [...own, ...LOGGER_FILE, ...own, ...LOGGER_FILE], result, { show: 5 });
    assert.deepEqual(result.examples, []);
    assert.equal(result.differences, 0);
    assert.ok(result.compiledLines >= 80, `compiled reader read ${result.compiledLines} lines`);
  });

  it('a bare-level file with lines of other forms among its own parses alike, neighbours too', () => {
    const result = emptyResult();
    const own = Array.from({ length: 40 }, (_, i) => `2026-11-30 09:${String(i).padStart(2, '0')}:00,${String(i * 7).padStart(3, '0')} ${i % 5 === 0 ? 'WARN' : 'INFO'} [worker-${i % 3}] app.Jobs: job ${i} took ${i * 3} ms`);
    shadowCompare('bare-level-file', [...own, ...BARE_LEVEL_FILE, ...own, ...BARE_LEVEL_FILE], result, { show: 5 });
    assert.deepEqual(result.examples, []);
    assert.equal(result.differences, 0);
    assert.ok(result.compiledLines >= 80, `compiled reader read ${result.compiledLines} lines`);
  });
});
