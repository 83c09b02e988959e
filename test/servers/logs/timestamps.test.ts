// Timestamp forms found in real logs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLineParser } from '../../../servers/logs/format/detect';
import { epochFromNumber, inferYear, matchTimestampAt, parseTimestamp, TIMESTAMP_PATTERNS } from '../../../servers/logs/format/timestamps';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();

describe('log intelligence: parseTimestamp', () => {
  it('reads ISO 8601 with and without zone, T or space, comma or dot fractions', () => {
    assert.equal(parseTimestamp('2024-05-01T10:00:00Z'), Date.UTC(2024, 4, 1, 10));
    assert.equal(parseTimestamp('2024-05-01T10:00:00.250+02:00'), Date.UTC(2024, 4, 1, 8, 0, 0, 250));
    assert.equal(parseTimestamp('2024-05-01T10:00:00-0130'), Date.UTC(2024, 4, 1, 11, 30));
    assert.equal(parseTimestamp('2015-10-18 18:01:47,978'), local(2015, 10, 18, 18, 1, 47, 978));
    assert.equal(parseTimestamp('2020/01/02 03:04:05'), local(2020, 1, 2, 3, 4, 5));
  });

  // break30: .NET's DateTime.ToString() under ko-KR and Java's default date-time format under ko-KR put the day period
  // before a 12-hour time; read as a date alone, every entry of the day was midnight.
  it('reads a date, a day period (오전/오후, 午前/午後, 上午/下午) and a 12-hour time', () => {
    assert.equal(parseTimestamp('2026-12-03 오전 1:52:34'), local(2026, 12, 3, 1, 52, 34));
    assert.equal(parseTimestamp('2026-12-03 오후 1:52:34.120'), local(2026, 12, 3, 13, 52, 34, 120));
    assert.equal(parseTimestamp('2026-12-03 오전 12:05:00'), local(2026, 12, 3, 0, 5));
    assert.equal(parseTimestamp('2026-12-03 오후 12:05:00'), local(2026, 12, 3, 12, 5));
    assert.equal(parseTimestamp('2026. 12. 3. 오후 3:04:05'), local(2026, 12, 3, 15, 4, 5));
    assert.equal(parseTimestamp('2026/12/03 午後 3:04:05'), local(2026, 12, 3, 15, 4, 5));
    assert.equal(parseTimestamp('2026-12-03 下午 3:04:05'), local(2026, 12, 3, 15, 4, 5));
    assert.equal(parseTimestamp('2026-12-03 오후 13:04:05'), undefined, 'no 13 o\'clock on a 12-hour clock');
  });

  // break31: Gin's access log (`[GIN] 2026/12/03 - 04:40:00 | 500 | …`, Go's `2006/01/02 - 15:04:05`) put a dash between
  // the date and the time; read as a date alone, every request of the day was midnight and search_logs with `since: 2h`
  // said the file's last entry was older than the window.
  it('reads a date and a time parted by a dash (Gin)', () => {
    assert.equal(parseTimestamp('2026/12/03 - 04:40:00'), local(2026, 12, 3, 4, 40));
    assert.equal(parseTimestamp('2026-12-03 - 23:59:58.250'), local(2026, 12, 3, 23, 59, 58, 250));
    const lines = ['[GIN] 2026/12/03 - 04:40:00 | 200 |     1.234ms |       127.0.0.1 | GET      "/ping"', '[GIN] 2026/12/03 - 04:40:01 | 500 |    12.234ms |        10.0.0.7 | POST     "/api/orders"'];
    const parser = createLineParser(lines);
    assert.deepEqual(lines.map((line) => parser.parse(line).timestamp), [local(2026, 12, 3, 4, 40), local(2026, 12, 3, 4, 40, 1)]);
  });

  it('reads syslog times, choosing the latest year not after the reference time', () => {
    const reference = local(2024, 3, 1, 12);
    assert.equal(parseTimestamp('Feb 28 23:59:01', { referenceTime: reference }), local(2024, 2, 28, 23, 59, 1));
    // December lines in a file written in March belong to the year before.
    assert.equal(parseTimestamp('Dec 31 10:00:00', { referenceTime: reference }), local(2023, 12, 31, 10));
    assert.equal(parseTimestamp('Jun  4 15:16:01', { referenceTime: local(2024, 7, 1) }), local(2024, 6, 4, 15, 16, 1));
  });

  it('reads Android logcat times with the year inferred', () => {
    assert.equal(parseTimestamp('03-17 16:13:38.811', { referenceTime: local(2024, 5, 1) }), local(2024, 3, 17, 16, 13, 38, 811));
    assert.equal(parseTimestamp('12-17 16:13:38.811', { referenceTime: local(2024, 5, 1) }), local(2023, 12, 17, 16, 13, 38, 811));
  });

  it('reads glog/klog MMdd times with the year inferred', () => {
    assert.equal(parseTimestamp('0417 08:30:00.250001', { referenceTime: local(2024, 5, 1) }), local(2024, 4, 17, 8, 30, 0, 250));
    assert.equal(parseTimestamp('1231 23:59:59', { referenceTime: local(2024, 5, 1) }), local(2023, 12, 31, 23, 59, 59));
  });

  it('reads yyMMdd HHmmss (HDFS) and ctime (Apache error log)', () => {
    assert.equal(parseTimestamp('081109 203615'), local(2008, 11, 9, 20, 36, 15));
    assert.equal(parseTimestamp('[Sun Dec 04 04:47:44 2005]'), local(2005, 12, 4, 4, 47, 44));
    assert.equal(parseTimestamp('Sun Dec  4 04:47:44.123 2005'), local(2005, 12, 4, 4, 47, 44, 123));
  });

  it('reads access-log, yy/MM/dd, compact and dotted forms', () => {
    assert.equal(parseTimestamp('10/Oct/2000:13:55:36 -0700'), Date.UTC(2000, 9, 10, 20, 55, 36));
    assert.equal(parseTimestamp('17/06/09 20:10:40'), local(2017, 6, 9, 20, 10, 40));
    assert.equal(parseTimestamp('20171223-22:15:29:606'), local(2017, 12, 23, 22, 15, 29, 606));
    assert.equal(parseTimestamp('2005-06-03-15.42.50.675872'), local(2005, 6, 3, 15, 42, 50, 675));
  });

  it('reads a two-digit year first with unpadded month and day when a time follows (NLog `yy-M-d HH:mm:ss.f`)', () => {
    assert.equal(parseTimestamp('17-3-10 23:39:31.5'), local(2017, 3, 10, 23, 39, 31, 500));
    assert.equal(parseTimestamp('17-6-22 15:52:52.0'), local(2017, 6, 22, 15, 52, 52));
    assert.equal(parseTimestamp('21-09-12 09:38:14'), local(2021, 9, 12, 9, 38, 14));
  });

  it('does not read versions, ranges or out-of-range parts as a dashed two-digit-year date', () => {
    // Without a time after it, a dashed triple is a version (`1-2-3`, `10-2-1`) or a range, never a date.
    for (const text of ['17-3-10', '1-2-3 12:00:00', '10-2-1', '17-13-10 23:39:31', '17-3-32 23:39:31', '17-0-10 23:39:31', '17-3-0 23:39:31', '117-3-10 23:39:31', '17-3-10 23:39']) {
      assert.equal(parseTimestamp(text), undefined, text);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), (a, b, c) => parseTimestamp(`${a}-${b}-${c}`) === undefined),
    );
  });

  it('reads epoch seconds and millis, and numbers from JSON by magnitude', () => {
    assert.equal(parseTimestamp('1117838570'), 1117838570000);
    assert.equal(parseTimestamp('1445144423722'), 1445144423722);
    assert.equal(parseTimestamp('1117838570.5'), 1117838570500);
    assert.equal(epochFromNumber(1700000000), 1700000000000);
    assert.equal(epochFromNumber(1700000000123), 1700000000123);
    assert.equal(epochFromNumber(1700000000123456), 1700000000123);
  });

  it("reads years below 100 as they are written (Go's zero time is year 1, not 1901)", () => {
    assert.equal(new Date(parseTimestamp('0001-01-01T00:00:00Z') ?? Number.NaN).toISOString(), '0001-01-01T00:00:00.000Z');
    const zeroLocal = new Date(2000, 0, 1);
    zeroLocal.setFullYear(1);
    assert.equal(parseTimestamp('0001-01-01 00:00:00'), zeroLocal.getTime());
  });

  it('refuses what is not a timestamp or out of range', () => {
    for (const text of ['hello', '', '2024-13-01 00:00:00', '1234', '99:99:99', '123456 999999', 'Foo 12 10:00:00', '9999999999999999', '2024 10:00:00', '1234 10:00:00']) {
      assert.equal(parseTimestamp(text), undefined, text);
    }
  });

  it('gives no time for a day the month does not have, rather than the next month\'s (2024-02-30 is not March 1st)', () => {
    for (const text of ['2024-02-30 10:00:00', '2023-02-29T10:00:00Z', '2024-04-31 00:00:01', 'Sep 31 10:00:00', '2100-02-29 10:00:00']) {
      assert.equal(parseTimestamp(text, { referenceTime: Date.UTC(2024, 11, 1) }), undefined, text);
    }
    assert.equal(parseTimestamp('2024-02-29 10:00:00'), new Date(2024, 1, 29, 10).getTime());
    assert.equal(parseTimestamp('2000-02-29T10:00:00Z'), Date.UTC(2000, 1, 29, 10));
    assert.equal(parseTimestamp('2024-12-31 23:59:59'), new Date(2024, 11, 31, 23, 59, 59).getTime());
  });

  it('reads a timestamp at a position by the hand-written scan exactly as by its regex, whatever surrounds it', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const time = fc
      .record({
        year: digits(4, 4),
        sep: fc.constantFrom('-', '/', '.', ':'),
        month: two,
        day: two,
        t: fc.constantFrom('T', ' ', '_', 'x'),
        clock: fc.tuple(two, two, two).map((p) => p.join(':')),
        fraction: fc.option(fc.tuple(fc.constantFrom('.', ',', ':'), digits(0, 12)).map(([mark, d]) => mark + d)),
        after: fc.constantFrom('', 'Z', 'Z1', 'Z:', 'Z ', ' +01:00', '+0100', '-01:30', ' UTC', ' GMT', ' x', ' ', ':', '.', ',', '5', ' -', ']', '] x', 'z', ' Z'),
        bracket: fc.boolean(),
      })
      .map((p) => `${p.bracket ? '[' : ''}${p.year}${p.sep}${p.month}${p.sep}${p.day}${p.t}${p.clock}${p.fraction ?? ''}${p.after}`);
    const syslogTime = fc
      .record({
        month: fc.constantFrom('Jan', 'Feb', 'Jun', 'Dec', 'Foo', 'jan', 'JAN', 'J\u4a61n'),
        spaces: fc.constantFrom(' ', '  ', '   ', ''),
        day: fc.oneof(digits(0, 3), two),
        clock: fc.tuple(two, two, two).map((p) => p.join(':')),
        fraction: fc.option(fc.tuple(fc.constantFrom('.', ',', ':'), digits(0, 12)).map(([mark, d]) => mark + d)),
        year: fc.option(fc.tuple(fc.constantFrom(' ', '  '), digits(0, 5)).map(([space, d]) => space + d)),
        after: fc.constantFrom('', ' host', ':', '5', '.', ']', ' 12:00', 'x'),
        bracket: fc.boolean(),
      })
      .map((p) => `${p.bracket ? '[' : ''}${p.month}${p.spaces}${p.day} ${p.clock}${p.fraction ?? ''}${p.year ?? ''}${p.after}`);
    const twoish = fc.oneof({ arbitrary: digits(2, 2), weight: 6 }, { arbitrary: digits(1, 3), weight: 1 });
    // Mostly valid dates and times (an epoch to compare), sometimes any digits.
    const within = (max: number) => fc.oneof({ arbitrary: fc.integer({ min: 1, max }).map((n) => String(n).padStart(2, '0')), weight: 5 }, { arbitrary: twoish, weight: 1 });
    const compactTime = fc
      .record({
        // Mostly the form's own widths, sometimes a digit more or less.
        date: fc.oneof({ arbitrary: fc.tuple(digits(4, 4), within(12), within(28)).map((p) => p.join('')), weight: 4 }, { arbitrary: digits(6, 9), weight: 1 }),
        sep: fc.constantFrom('', '-', 'T', ' ', '_', '--'),
        clock: fc.tuple(within(23), fc.constantFrom(':', ''), within(59), fc.constantFrom(':', '', '::'), within(59)).map((p) => p.join('')),
        fraction: fc.option(fc.tuple(fc.constantFrom('.', ',', ':'), digits(0, 12)).map(([mark, d]) => mark + d)),
        after: fc.constantFrom('', '|x', ':', '5', '.', ']', ' x', ':1', ','),
        bracket: fc.boolean(),
      })
      .map((p) => `${p.bracket ? '[' : ''}${p.date}${p.sep}${p.clock}${p.fraction ?? ''}${p.after}`);
    const monthDayTime = fc
      .record({
        date: fc.tuple(within(12), fc.constantFrom('-', '.', '', '/'), within(28)).map((p) => p.join('')),
        gap: fc.constantFrom(' ', ' ', '  ', 'T'),
        clock: fc.tuple(within(23), fc.constantFrom(':', ':', ''), within(59), fc.constantFrom(':', ':', '.'), within(59)).map((p) => p.join('')),
        fraction: fc.option(fc.tuple(fc.constantFrom('.', ',', ':'), digits(0, 12)).map(([mark, d]) => mark + d)),
        after: fc.constantFrom('', ' x', ':', '5', '.', ']', ':1', ',', ' 2024'),
        bracket: fc.boolean(),
      })
      .map((p) => `${p.bracket ? '[' : ''}${p.date}${p.gap}${p.clock}${p.fraction ?? ''}${p.after}`);
    const withScan = TIMESTAMP_PATTERNS.filter((pattern) => pattern.scan);
    assert.ok(withScan.length > 0);
    // parseTimestamp by the regexes alone: the first form whose anchored regex reads the whole text to an epoch.
    const byRegex = (text: string, context: { referenceTime?: number }) => {
      for (const pattern of TIMESTAMP_PATTERNS) {
        const m = new RegExp(`^(?:${pattern.regex.source})$`).exec(text);
        const epoch = m ? pattern.toEpoch(m, context) : undefined;
        if (epoch !== undefined) return epoch;
      }
      return undefined;
    };
    fc.assert(
      fc.property(fc.constantFrom('', 'x ', '  '), fc.oneof(time, syslogTime, compactTime, monthDayTime), fc.constantFrom(undefined, Date.UTC(2024, 2, 1)), (lead, text, referenceTime) => {
        const line = lead + text;
        const context = { referenceTime };
        for (const pattern of withScan) {
          const regexOnly = { ...pattern, scan: undefined };
          assert.deepEqual(matchTimestampAt(line, lead.length, pattern, context), matchTimestampAt(line, lead.length, regexOnly, context), line);
        }
        if (!text.startsWith('[') && text.trim() === text) assert.equal(parseTimestamp(text, context), byRegex(text, context), text);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads an ISO time like its regex when the line before held the same second (only the rest is read then)', () => {
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const second = fc
      .tuple(digits(4), fc.constantFrom('-', '/', '.'), digits(2), digits(2), fc.constantFrom('T', ' ', '_'), digits(2), digits(2), digits(2))
      .map(([y, sep, mo, d, t, h, mi, s]) => `${y}${sep}${mo}${sep}${d}${t}${h}:${mi}:${s}`);
    const fraction = fc.option(fc.tuple(fc.constantFrom('.', ',', ':'), fc.array(fc.constantFrom(...'0123456789'), { maxLength: 11 })).map(([mark, d]) => mark + d.join('')));
    const after = fc.constantFrom('', 'Z', 'Z1', 'Z:1', 'Z:', ' +01:00', '+0100', '-01:3', '+01:', ' -0130x', ' UTC', ' GMT', ' GM', ' x', ':', ':5', '5', '.', 'z', ' Z', '+01:00:1', ' +01005', ' PM', ' am', ' AMQP', ' PM5', ' pm:1', ' Pm.');
    const tail = fc.tuple(fraction, after).map(([f, a]) => (f ?? '') + a);
    const iso = TIMESTAMP_PATTERNS.find((pattern) => pattern.id === 'iso')!;
    const regexOnly = { ...iso, scan: undefined };
    fc.assert(
      fc.property(second, fc.array(tail, { minLength: 2, maxLength: 4 }), fc.constantFrom('', 'x '), (time, tails, lead) => {
        for (const rest of tails) {
          const line = lead + time + rest;
          assert.deepEqual(matchTimestampAt(line, lead.length, iso, {}), matchTimestampAt(line, lead.length, regexOnly, {}), line);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds each form at a position of a line, after the first-character check (one example of each form)', () => {
    const examples: Record<string, string> = {
      iso: '2024-05-01T10:00:00.250+02:00',
      'iso-dotted': '2005-06-03-15.42.50.675872',
      'iso-unpadded': '2017-6-23 8:13:01',
      ctime: 'Sun Dec 04 04:47:44 2005',
      clf: '10/Oct/2000:13:55:36 -0700',
      'day-month-year': '01 Jun 2024 12:30:45.123',
      'month-day-comma-year': 'Nov 30, 2026 1:05:01 PM',
      'month-day-comma-year-at': 'May 26, 2023 @ 21:36:34.108',
      'month-day-comma-year-localized': '6월 17, 2019 3:04:05 오후',
      'day-month-year-localized': '2 déc. 2026 13:02:03',
      rfc1123: 'Mon, 30 Nov 2026 10:00:00 GMT',
      'iso-comma': '2023-11-21, 00:00:19 UTC',
      'year-last': '3/30/2017, 8:23:24 AM',
      'day-month-time': '25 Jan 20:25:10',
      syslog: 'Jun 14 15:16:01',
      'month-day': '03-17 16:13:38.811',
      'yy-slash': '17/06/09 20:10:40',
      'yy-dash': '17-3-10 23:39:31.5',
      compact: '20171223-22:15:29:606',
      yymmdd: '081109 203615',
      'yymmdd-time': '180221 12:25:37.326791',
      'month-day-dotted': '10.30 16:49:06',
      'month-day-compact': '1120 09:00:01.123456',
      'date-day-period-time': '2026-12-03 오후 1:52:34',
      'cjk-date-time': '2026년 12월 3일 목요일 오후 3:04:05',
      'date-dash-time': '2026/12/03 - 04:40:00',
      date: '2005.06.03',
      epoch: '1117838570.123',
    };
    assert.deepEqual(TIMESTAMP_PATTERNS.map((p) => p.id).sort(), Object.keys(examples).sort(), 'an example for every form');
    for (const pattern of TIMESTAMP_PATTERNS) {
      const line = `x [${examples[pattern.id]}] message`;
      const m = matchTimestampAt(line, 2, pattern, { referenceTime: Date.UTC(2026, 0, 1) });
      assert.ok(m?.epoch !== undefined, pattern.id);
      assert.equal(line.charCodeAt(m.end - 1), 93, `${pattern.id}: ends at its closing bracket`);
    }
  });

  it("a year-less syslog time reads as inferYear reads it, line after line of one second, whatever the reference", () => {
    // scanSyslog keeps the epochs of the second it read last for the reference it read them for: lines of that second
    // under another reference, and milliseconds that cross the reference's next day, read as inferYear reads them.
    const syslog = TIMESTAMP_PATTERNS.find((p) => p.id === 'syslog');
    assert.ok(syslog);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = fc.record({ month: fc.integer({ min: 0, max: 11 }), day: fc.integer({ min: 1, max: 31 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.integer({ min: 0, max: 60 }) });
    // A reference near the time a day later (its next day's boundary falls inside the second), or anywhere in 2023-2029.
    const reference = fc.oneof(fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2029, 11, 31) }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(fc.tuple(time, fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }), reference, fc.integer({ min: -1500, max: 1500 })), { minLength: 1, maxLength: 6 }), (seconds) => {
        for (const [t, millis, ref, skew] of seconds) {
          // The time's own moment in 2026 less a day, give or take a second and a half; the lines of the second are read
          // under it and under the other reference in turn.
          const near = new Date(2026, t.month, t.day, t.hour, t.minute, t.second).getTime() - 86_400_000 + skew;
          for (const referenceTime of [ref ?? near + 366 * 86_400_000, near]) {
            for (const ms of millis) {
              const line = `${months[t.month]} ${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${String(ms).padStart(3, '0')} host app: x`;
              const read = matchTimestampAt(line, 0, syslog, { referenceTime });
              assert.equal(read?.epoch, inferYear(t.month, t.day, t.hour, t.minute, t.second, ms, { referenceTime }), `${line} at ${referenceTime}`);
            }
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
