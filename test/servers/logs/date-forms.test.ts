// Date forms common in real logs beyond ISO and syslog (issue 13's unread dates): each read whole (parseTimestamp, as a
// JSON field's value is) and as a file's header. An out-of-range part gives no time, never a wrong one.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { needsHeader } from '../../../servers/logs/format/continuation';
import { levelCoverage } from '../../../servers/logs/format/coverage';
import { createLineParser } from '../../../servers/logs/format/detect';
import { julDayPeriod, parseTimestamp } from '../../../servers/logs/format/timestamps';
import { startBuiltServer } from '../../support/mcp-client';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();

describe('log intelligence: date forms', () => {
  it("reads day-month-year with dashes (Tomcat, Oracle), month-day-comma-year with AM/PM (java.util.logging), RFC 1123, ISO with a comma, Java Date.toString(), Django runserver's CLF date with a space", () => {
    const cases: [string, number][] = [
      ['30-Nov-2026 10:00:00.123', local(2026, 11, 30, 10, 0, 0, 123)],
      ['01-JAN-2025 00:00:05', local(2025, 1, 1, 0, 0, 5)],
      ['01 Jun 2024 12:30:45.123', local(2024, 6, 1, 12, 30, 45, 123)],
      ['Nov 30, 2026 10:00:00 AM', local(2026, 11, 30, 10)],
      ['Nov 30, 2026 12:00:00 AM', local(2026, 11, 30, 0)],
      ['Nov 30, 2026 12:30:00 PM', local(2026, 11, 30, 12, 30)],
      ['Nov 3, 2026 1:05:01 PM', local(2026, 11, 3, 13, 5, 1)],
      ['Nov 30, 2026 13:05:01', local(2026, 11, 30, 13, 5, 1)],
      ['Mon, 30 Nov 2026 10:00:00 GMT', Date.UTC(2026, 10, 30, 10)],
      ['Mon, 30 Nov 2026 10:00:00 +0200', Date.UTC(2026, 10, 30, 8)],
      ['2023-11-21, 00:00:19 UTC', Date.UTC(2023, 10, 21, 0, 0, 19)],
      ['2023-11-21, 00:00:19', local(2023, 11, 21, 0, 0, 19)],
      ['Mon Nov 30 10:00:00 UTC 2026', Date.UTC(2026, 10, 30, 10)],
      ['Mon Nov 30 10:00:00 CET 2026', local(2026, 11, 30, 10)],
      ['Sun Dec 04 04:47:44 2005', local(2005, 12, 4, 4, 47, 44)],
      ['30/Nov/2026 10:00:02', local(2026, 11, 30, 10, 0, 2)],
    ];
    for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
  });

  it('a two-digit-year date read in yy/MM/dd order is dropped when it would fall after the file was written (dd/MM/yy written in Europe)', () => {
    const written = { referenceTime: local(2026, 11, 30, 18) };
    assert.equal(parseTimestamp('30/11/26 13:05:01', written), undefined, 'not 2030-11-26');
    assert.equal(parseTimestamp('29-11-26 13:05:01', written), undefined, 'not 2029-11-26');
    assert.equal(parseTimestamp('17/06/09 20:10:40', written), local(2017, 6, 9, 20, 10, 40), "Spark's yy/MM/dd stays");
    assert.equal(parseTimestamp('26/11/30 10:00:00', written), local(2026, 11, 30, 10), 'today, in yy/MM/dd');
  });

  it('a file of day-first two-digit-year dates (30/11/26) is read day first; a year-first file (17/06/09) stays year first', () => {
    const written = { referenceTime: local(2026, 11, 30, 18) };
    const european = ['15/11/26 13:05:01 INFO started', '16/11/26 13:05:01 ERROR db down', '30/11/26 13:06:01 INFO ok'];
    const parser = createLineParser(european, written);
    assert.equal(parser.parse(european[0]).timestamp, local(2026, 11, 15, 13, 5, 1), 'not 2015-11-26');
    assert.equal(parser.parse(european[1]).level, 'ERROR');
    assert.equal(parser.parse(european[2]).timestamp, local(2026, 11, 30, 13, 6, 1));
    // Every line of this sample is a possible day in both orders: the newest reading nearer the file's time wins.
    const ambiguous = ['01/11/26 09:00:00 INFO a', '12/11/26 09:00:00 WARN b'];
    assert.equal(createLineParser(ambiguous, written).parse(ambiguous[1]).timestamp, local(2026, 11, 12, 9));
    const spark = ['17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers', '17/06/09 20:10:41 WARN spark.SecurityManager: Changing view acls to: yarn'];
    assert.equal(createLineParser(spark, written).parse(spark[1]).timestamp, local(2017, 6, 9, 20, 10, 41));
    const dashed = ['30-11-26 13:05:01 INFO started', '29-11-26 13:05:01 ERROR db down'];
    assert.equal(createLineParser(dashed, written).parse(dashed[1]).timestamp, local(2026, 11, 29, 13, 5, 1));
  });

  it('gives no time for parts out of range: 13 PM, hour 0 on a 12-hour clock, 31-Nov, a month that is not one', () => {
    for (const text of ['Nov 30, 2026 13:05:01 PM', 'Nov 30, 2026 0:05:01 AM', '31-Nov-2026 10:00:00', '30-Noe-2026 10:00:00', '2023-11-31, 00:00:19 UTC']) {
      assert.equal(parseTimestamp(text), undefined, text);
    }
  });

  // fix30: Phusion Passenger pads its header bracket inside (`[ 2019-04-04 … ]:`); its lines had no time, so a time
  // filter (since/until, the error summary's window) dropped every one of them.
  it('reads the time of a bracket padded with a space inside, as of one without', () => {
    const passenger = [
      '[ 2019-04-04 11:33:08.4726 17814/7f39af24f700 age/Ust/Controller.h:657 ]: Running UstRouter garbage collector',
      '[ 2019-04-04 11:33:08.6455 17806/7f3eabfff700 Ser/AcceptLoadBalancer.h:195 ]: File descriptor opened: 64',
      '[ 2019-04-04 11:33:08.6457 17806/7f3ee377d700 Ser/Server.h:370 ]: [ServerThr.2] Checking out client object from freelist (128 -> 127)',
    ];
    const parsed = passenger.map((line) => createLineParser(passenger).parse(line));
    assert.deepEqual(
      parsed.map((p) => [p.timestamp, p.message]),
      [
        [local(2019, 4, 4, 11, 33, 8, 472), 'Running UstRouter garbage collector'],
        [local(2019, 4, 4, 11, 33, 8, 645), 'File descriptor opened: 64'],
        [local(2019, 4, 4, 11, 33, 8, 645), '[ServerThr.2] Checking out client object from freelist (128 -> 127)'],
      ],
    );
    // A made-up file of the kind: a padded bracket holding only the time, then the level.
    const padded = ['[ 2026-11-30 10:00:01 ] INFO started', '[ 2026-11-30 10:00:02 ] ERROR failed to bind :8080'];
    const parser = createLineParser(padded);
    assert.deepEqual(padded.map((line) => [parser.parse(line).timestamp, parser.parse(line).level]), [
      [local(2026, 11, 30, 10, 0, 1), 'INFO'],
      [local(2026, 11, 30, 10, 0, 2), 'ERROR'],
    ]);
  });

  it("Tomcat's catalina.out: the dashed date is the time, then level and thread", () => {
    const sample = [
      '30-Nov-2026 10:00:00.123 INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/9.0.83',
      '30-Nov-2026 10:00:01.001 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal One or more listeners failed to start.',
      '30-Nov-2026 10:00:01.500 WARNING [main] org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom Creation of SecureRandom instance took [252] milliseconds.',
    ];
    const parser = createLineParser(sample);
    const parsed = parser.parse(sample[1]);
    assert.equal(parsed.timestamp, local(2026, 11, 30, 10, 0, 1, 1), parser.format.description);
    assert.equal(parsed.level, 'ERROR');
    assert.equal(parser.parse(sample[2]).level, 'WARN');
  });

  it("Airflow's task log: [date, time zone] {file:line} LEVEL - message", () => {
    const sample = [
      '[2023-11-21, 00:00:19 UTC] {taskinstance.py:1159} INFO - Dependencies all met for dep_context=non-requeueable deps',
      '[2023-11-21, 00:00:19 UTC] {taskinstance.py:1361} INFO - Starting attempt 1 of 1',
      '[2023-11-21, 00:00:21 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
    ];
    const parser = createLineParser(sample);
    const parsed = parser.parse(sample[2]);
    assert.equal(parsed.timestamp, Date.UTC(2023, 10, 21, 0, 0, 21), parser.format.description);
    assert.equal(parsed.level, 'ERROR');
    assert.equal(parsed.message, 'Task failed with exception');
  });

  it("PHP's error_log: the zone written after the dashed date by name is applied (UTC, an IANA name); an unknown name reads as local time", () => {
    const cases: [string, number][] = [
      ['30-Nov-2026 10:00:02 UTC', Date.UTC(2026, 10, 30, 10, 0, 2)],
      ['30-Nov-2026 10:00:02 Europe/Berlin', Date.UTC(2026, 10, 30, 9, 0, 2)],
      // Summer time: the offset in force on that day (New York -4 h in July, Berlin +2 h).
      ['15-Jul-2026 10:00:02 America/New_York', Date.UTC(2026, 6, 15, 14, 0, 2)],
      ['15-Jul-2026 10:00:02 Europe/Berlin', Date.UTC(2026, 6, 15, 8, 0, 2)],
      ['30-Nov-2026 10:00:02 America/Argentina/Buenos_Aires', Date.UTC(2026, 10, 30, 13, 0, 2)],
      ['30-Nov-2026 10:00:02 Nowhere/Atall', local(2026, 11, 30, 10, 0, 2)],
    ];
    for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
    const sample = [
      '[30-Nov-2026 10:00:00 Europe/Berlin] PHP Warning:  Undefined variable $x in /var/www/index.php on line 3',
      '[30-Nov-2026 10:00:01 Europe/Berlin] PHP Fatal error:  Uncaught Exception: boom in /var/www/index.php:5',
      '[30-Nov-2026 10:00:02 Europe/Berlin] PHP Notice:  Undefined index: id in /var/www/a.php on line 9',
    ];
    const parser = createLineParser(sample);
    const fatal = parser.parse(sample[1]);
    assert.equal(fatal.timestamp, Date.UTC(2026, 10, 30, 9, 0, 1), parser.format.description);
    assert.equal(fatal.level, 'FATAL');
  });

  it('an ISO date with a 12-hour clock (.NET `yyyy-MM-dd hh:mm:ss tt`, log4net): PM adds twelve hours, 12 AM is midnight, an hour out of range gives no time', () => {
    const cases: [string, number | undefined][] = [
      ['2026-11-30 01:05:01 PM', local(2026, 11, 30, 13, 5, 1)],
      ['2026-11-30 01:05:01.250 pm', local(2026, 11, 30, 13, 5, 1, 250)],
      ['2026-11-30 12:05:01 AM', local(2026, 11, 30, 0, 5, 1)],
      ['2026-11-30 12:05:01 PM', local(2026, 11, 30, 12, 5, 1)],
      ['2026-11-30 13:05:01 PM', undefined],
      ['2026-11-30 00:05:01 AM', undefined],
    ];
    for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
    const sample = ['2026-11-30 01:05:01 PM ERROR db down', '2026-11-30 01:06:01 PM INFO ok', '2026-11-30 11:06:01 AM WARN slow', '2026-11-30 01:07:01 AMQP connected'];
    const parser = createLineParser(sample);
    const error = parser.parse(sample[0]);
    assert.equal(error.timestamp, local(2026, 11, 30, 13, 5, 1), parser.format.description);
    assert.equal(error.level, 'ERROR');
    assert.equal(error.message, 'db down');
    // A word that starts with AM is no mark: the clock stays as written.
    assert.equal(parser.parse(sample[3]).timestamp, local(2026, 11, 30, 1, 7, 1));
  });

  it('a log whose lines start with an HTTP date (RFC 1123) or Java Date.toString() is timed', () => {
    const http = ['Mon, 30 Nov 2026 10:00:00 GMT express:router dispatching GET /api', 'Mon, 30 Nov 2026 10:00:01 GMT express:router query  : /api', 'Mon, 30 Nov 2026 10:00:02 GMT express:router expressInit  : /api'];
    assert.equal(createLineParser(http).parse(http[1]).timestamp, Date.UTC(2026, 10, 30, 10, 0, 1));
    const java = ['Mon Nov 30 10:00:00 UTC 2026 INFO starting worker 1', 'Mon Nov 30 10:00:01 UTC 2026 WARN worker 1 slow', 'Mon Nov 30 10:00:02 UTC 2026 ERROR worker 1 failed'];
    const parsed = createLineParser(java).parse(java[2]);
    assert.equal(parsed.timestamp, Date.UTC(2026, 10, 30, 10, 0, 2));
    assert.equal(parsed.level, 'ERROR');
    assert.equal(parsed.message, 'worker 1 failed');
  });

  describe("java.util.logging's two-line entries: the time on one line, the level on the next", () => {
    const JUL = [
      'Nov 30, 2026 10:00:00 AM org.apache.catalina.startup.Catalina start',
      'INFO: Server startup in 1234 ms',
      'Nov 30, 2026 10:00:01 AM org.apache.coyote.AbstractProtocol start',
      'SEVERE: Failed to start end point associated with ProtocolHandler ["http-nio-8080"]',
      'java.net.BindException: Address already in use',
      '\tat sun.nio.ch.Net.bind0(Native Method)',
      'Nov 30, 2026 1:05:01 PM org.apache.catalina.core.StandardServer await',
      "WARNING: StandardServer.await: Invalid command 'GET' received",
    ];

    it('the level line takes the time of the line above, and every entry counts as leveled', () => {
      const parser = createLineParser(JUL);
      assert.notEqual(parser.format.id, 'unknown', parser.format.description);
      const severe = parser.parse(JUL[3]);
      assert.equal(severe.level, 'ERROR');
      assert.equal(needsHeader(parser, severe), true);
      assert.equal(parser.parse(JUL[2]).timestamp, local(2026, 11, 30, 10, 0, 1));
      assert.deepEqual(levelCoverage(JUL, parser), { lines: 3, withoutLevel: 0, layoutKnown: true });
    });

    it('search_logs with a time window and a level finds the SEVERE entry at its time', async function () {
      this.timeout(60_000);
      const dir = mkdtempSync(join(tmpdir(), 'logs-jul-'));
      writeFileSync(join(dir, 'catalina.log'), JUL.join('\n') + '\n');
      const server = await startBuiltServer('logs', { LOG_DIRS: dir });
      try {
        const since = new Date(local(2026, 11, 30, 9)).toISOString();
        const result = (await server.client.callTool({ name: 'search_logs', arguments: { since, level: 'ERROR' } })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        const data = result.structuredContent as { matches: { line: number; timestamp?: string }[]; notes?: string[] };
        // The entry's stack trace is part of it: its lines carry the entry's level and time.
        assert.deepEqual(data.matches.map((m) => m.line).sort(), [4, 5, 6], JSON.stringify(data));
        assert.ok(data.matches.every((m) => m.timestamp === new Date(local(2026, 11, 30, 10, 0, 1)).toISOString()), JSON.stringify(data));
        assert.equal(data.notes?.some((n) => /without a readable timestamp|no recognisable level/.test(n)) ?? false, false, JSON.stringify(data.notes));
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("java.util.logging's two-line entries in the JVM's language: a localized date above, a localized level name below", () => {
    const KO = [
      '6월 17, 2019 3:04:05 오후 org.apache.catalina.startup.Catalina start',
      '정보: 서버가 [1234] 밀리초 내에 시작되었습니다.',
      '6월 17, 2019 3:04:06 오후 org.apache.catalina.core.StandardContext startInternal',
      '심각: 하나 이상의 리스너들이 시작하지 못했습니다.',
      'java.lang.IllegalStateException: listener failed',
      '\tat org.apache.catalina.core.StandardContext.listenerStart(StandardContext.java:4698)',
      '6월 17, 2019 11:04:07 오전 org.apache.catalina.core.StandardServer await',
      '경고: 잘못된 명령',
    ];
    const DE = [
      '02.12.2026 15:04:05 org.acme.Server start',
      'INFORMATION: Server gestartet',
      '02.12.2026 15:04:06 org.acme.Db connect',
      'SCHWERWIEGEND: Fehler beim Verbinden mit db:5432',
      '02.12.2026 15:04:07 org.acme.Cache trim',
      'AM FEINSTEN: 12 Einträge entfernt',
      '02.12.2026 15:04:08 org.acme.Pool grow',
      'WARNUNG: Pool erschöpft',
    ];

    it('reads the localized date (month in digits or letters, the 12-hour mark required) and the level line', () => {
      assert.equal(parseTimestamp('6월 17, 2019 3:04:05 오후'), local(2019, 6, 17, 15, 4, 5));
      assert.equal(parseTimestamp('6월 17, 2019 12:04:05 오전'), local(2019, 6, 17, 0, 4, 5));
      assert.equal(parseTimestamp('6月 17, 2019 3:04:05 午後'), local(2019, 6, 17, 15, 4, 5));
      assert.equal(parseTimestamp('Dez. 02, 2026 3:04:05 NACHM.'), local(2026, 12, 2, 15, 4, 5));
      // Without its mark a 12-hour clock is 12 hours off half the day: no time rather than a wrong one.
      assert.equal(parseTimestamp('6월 17, 2019 3:04:05'), undefined);
      assert.equal(parseTimestamp('6월 17, 2019 13:04:05 오후'), undefined);
      const ko = createLineParser(KO);
      assert.notEqual(ko.format.id, 'unknown', ko.format.description);
      assert.equal(ko.parse(KO[0]).timestamp, local(2019, 6, 17, 15, 4, 5));
      const severe = ko.parse(KO[3]);
      assert.deepEqual([severe.level, severe.message], ['ERROR', '하나 이상의 리스너들이 시작하지 못했습니다.']);
      assert.equal(needsHeader(ko, severe), true);
      assert.deepEqual([ko.parse(KO[7]).level, ko.parse(KO[1]).level], ['WARN', 'INFO']);
      assert.deepEqual(levelCoverage(KO, ko), { lines: 3, withoutLevel: 0, layoutKnown: true });
      const de = createLineParser(DE);
      // The German level word leaves the message, as the English one does; a name of two words is read whole.
      assert.deepEqual([de.parse(DE[3]).level, de.parse(DE[3]).message], ['ERROR', 'Fehler beim Verbinden mit db:5432']);
      assert.deepEqual([de.parse(DE[5]).level, de.parse(DE[5]).message], ['TRACE', '12 Einträge entfernt']);
      assert.equal(de.parse(DE[7]).level, 'WARN');
    });

    // French, Spanish, Italian, Portuguese… JVMs: a month in lower case, often with a dot (`déc.`, `out.`), as the JDK's
    // CLDR data (JDK 9+) and its older JRE data (`dic`, `jul`) abbreviate it; Spanish's mark `P. M.` (CLDR spaces it with
    // a no-break or a narrow no-break space). Each was "format not recognised" with no time (session 18).
    const FR = [
      'déc. 02, 2026 1:02:03 PM org.apache.catalina.startup.Catalina start',
      'INFOS: Server startup in 1234 ms',
      'déc. 02, 2026 1:02:04 PM org.apache.catalina.core.StandardContext startInternal',
      'GRAVE: Error listenerStart',
      'déc. 02, 2026 1:02:05 PM org.apache.catalina.core.StandardContext startInternal',
      'AVERTISSEMENT: Context [/app] startup failed due to previous errors',
    ];

    it('reads the date with a lower-case or dotted month name in any locale Intl (CLDR) names, and every CLDR 12-hour mark', () => {
      const cases: [string, number][] = [
        ['déc. 02, 2026 1:02:03 PM', local(2026, 12, 2, 13, 2, 3)],
        ['avr. 09, 2014 9:35:41 PM', local(2014, 4, 9, 21, 35, 41)],
        ['dic 02, 2026 1:02:03 PM', local(2026, 12, 2, 13, 2, 3)],
        ['dic. 02, 2026 1:02:03 P. M.', local(2026, 12, 2, 13, 2, 3)],
        ['dic 02, 2026 9:02:03 A.\u00a0M.', local(2026, 12, 2, 9, 2, 3)],
        ['ene. 02, 2026 1:02:03 P.\u202fM.', local(2026, 1, 2, 13, 2, 3)],
        ['gen 15, 2026 1:02:03 PM', local(2026, 1, 15, 13, 2, 3)],
        ['out. 06, 2023 4:03:37 PM', local(2023, 10, 6, 16, 3, 37)],
        ['kwi 21, 2017 4:45:51 PM', local(2017, 4, 21, 16, 45, 51)],
        ['mrt 21, 2017 4:45:51 P.M.', local(2017, 3, 21, 16, 45, 51)],
        ['дек. 02, 2026 1:02:03 PM', local(2026, 12, 2, 13, 2, 3)],
        ['мая 02, 2026 1:02:03 PM', local(2026, 5, 2, 13, 2, 3)],
      ];
      for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
      // A word that is no month, and a lower-case month anywhere but the line's start (text, a thread's name), give no time.
      assert.equal(parseTimestamp('foo 02, 2026 1:02:03 PM'), undefined);
      const late = createLineParser(['worker déc. 02, 2026 1:02:03 PM started', 'worker déc. 02, 2026 1:02:04 PM stopped']);
      assert.equal(late.parse('worker déc. 02, 2026 1:02:03 PM started').timestamp, undefined);
      // Every 12-hour mark CLDR has for the month locales, upper-cased as %Tp writes it, is read (and means what it says).
      for (const locale of ['pt', 'fr', 'de', 'es', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ro', 'hu', 'tr', 'ca', 'hr', 'sk', 'sl', 'et', 'lv', 'id', 'ru', 'uk', 'el', 'sr', 'ko', 'ja', 'zh']) {
        const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
        for (const [hour, period] of [[9, 'am'], [15, 'pm']] as const) {
          const mark = format.formatToParts(Date.UTC(2021, 0, 1, hour)).find((part) => part.type === 'dayPeriod')?.value;
          if (mark !== undefined) assert.equal(julDayPeriod(mark.toLocaleUpperCase(locale)), period, `${locale} ${mark}`);
        }
      }
      const fr = createLineParser(FR);
      assert.notEqual(fr.format.id, 'unknown', fr.format.description);
      assert.equal(fr.parse(FR[2]).timestamp, local(2026, 12, 2, 13, 2, 4));
      assert.deepEqual([fr.parse(FR[3]).level, fr.parse(FR[3]).message], ['ERROR', 'Error listenerStart']);
      assert.deepEqual([fr.parse(FR[1]).level, fr.parse(FR[5]).level], ['INFO', 'WARN']);
      assert.deepEqual(levelCoverage(FR, fr), { lines: 3, withoutLevel: 0, layoutKnown: true });
    });

    it('a localized level name opening a line of a file without the two-line layout is a word of text', () => {
      const lines = ['2026-12-02 10:00:00 start', 'Fehler: das ist Text', '2026-12-02 10:00:01 weiter', 'Warnung: auch Text', '2026-12-02 10:00:02 ende'];
      const parser = createLineParser(lines.filter((_, i) => i !== 3));
      assert.equal(parser.parse(lines[1]).level, undefined);
      assert.equal(parser.parse(lines[1]).message, lines[1]);
    });

    it('error_summary, search_logs and log_patterns read the pairs as entries with their levels', async function () {
      this.timeout(60_000);
      const dir = mkdtempSync(join(tmpdir(), 'logs-jul-local-'));
      writeFileSync(join(dir, 'catalina-ko.log'), KO.join('\n') + '\n');
      writeFileSync(join(dir, 'app-de.log'), DE.join('\n') + '\n');
      writeFileSync(join(dir, 'catalina-fr.log'), FR.join('\n') + '\n');
      const server = await startBuiltServer('logs', { LOG_DIRS: dir });
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        return result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
      try {
        for (const [file, error, warn] of [['catalina-ko.log', 4, 8], ['app-de.log', 4, 8], ['catalina-fr.log', 4, 6]] as const) {
          const summary = await call('error_summary', { file, wholeFile: true });
          assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
          const search = await call('search_logs', { file, level: 'WARN', order: 'oldest' });
          const lines = search.matches.map((m: { line: number }) => m.line);
          assert.ok(lines.includes(error) && lines.includes(warn) && !lines.includes(2), JSON.stringify(lines));
          const patterns = await call('log_patterns', { file, level: 'ERROR' });
          assert.equal(patterns.templates.length, file === 'catalina-ko.log' ? 3 : 1, JSON.stringify(patterns.templates));
          assert.ok(!patterns.templates.some((t: { template: string }) => /^(?:심각|SCHWERWIEGEND):/.test(t.template)), JSON.stringify(patterns.templates));
        }
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
