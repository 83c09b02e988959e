// The forms a time may take at a position are narrowed by its first character (timestampPatternsAt): the narrowed list
// must find, at every position of every line, the same first match as all TIMESTAMP_PATTERNS in order.
import assert from 'node:assert/strict';
import { jsonTime } from '../../../servers/logs/format/envelopes';
import { forgetLocalTimes, isoTextEpoch, matchTimestampAt, parseTimestamp, TIMESTAMP_PATTERNS, timestampPatternsAt, utcEpoch, type TimestampPattern } from '../../../servers/logs/format/timestamps';

const LINES = [
  '2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.Foo: started',
  '[2026-01-05 08:00:00.000] [pool-0-thread-0] [INFO] [com.lika.Zelovo] opened file',
  'Jan  5 08:00:00 pokuv-2 selapa[16433]: received 241 bytes',
  '[Mon Dec 01 05:00:00 2026] [error] [client 10.0.0.1] File does not exist',
  '20260105-08:00:00:000|Sele_Mgr|4611|listening on port 853',
  '[01.05 08:00:00] zenin.exe - rosib-3.example.net:29150 open',
  '12-17 19:31:36.263  1795  1825 I PowerManager_screenOn: x',
  '1530826284: New connection from 10.0.0.2 on port 1883.',
  'I0518 12:30:45.123456    1234 main.go:42] started',
  '[[2024-06-01T12:30:45.123Z]] nested brackets and ünïcode Tue 3 Mar',
  '',
];

function first(patterns: readonly TimestampPattern[], line: string, at: number): { id: string; epoch: number | undefined; end: number } | undefined {
  for (const pattern of patterns) {
    const m = matchTimestampAt(line, at, pattern, { referenceTime: Date.UTC(2026, 11, 1) });
    if (m) return { id: pattern.id, epoch: m.epoch, end: m.end };
  }
  return undefined;
}

describe('timestampPatternsAt', () => {
  it('finds the first match all forms find, at every position', () => {
    let matched = 0;
    for (const line of LINES) {
      for (let at = 0; at <= line.length; at++) {
        const all = first(TIMESTAMP_PATTERNS, line, at);
        assert.deepEqual(first(timestampPatternsAt(line, at), line, at), all, `${line} @${at}`);
        if (all) matched++;
      }
    }
    // The lines hold times of many forms: the comparison is not only of misses.
    assert.ok(matched >= 10);
  });

  it('leaves out the forms that cannot start with a letter that opens no time (a thread name)', () => {
    assert.ok(timestampPatternsAt('[pool-0-thread-0]', 0).length < TIMESTAMP_PATTERNS.length);
    assert.equal(timestampPatternsAt('[pool-0-thread-0]', 0).length, 0);
  });
});

/** The iso form read by its regex alone (the reading scanIso's hand-written one must give). */
function isoByRegex(line: string, at: number): { epoch: number | undefined; end: number } | undefined {
  const iso = TIMESTAMP_PATTERNS.find((p) => p.id === 'iso') as TimestampPattern;
  const regex = new RegExp(iso.regex.source, 'y');
  regex.lastIndex = at;
  const m = regex.exec(line);
  return m ? { epoch: iso.toEpoch(m, {}), end: at + m[0].length } : undefined;
}

describe('ISO times read by characters', () => {
  const TIMES = [
    '2026-01-05 08:00:00.000', '2026-01-05 08:00:01.137 rest', '2026-01-05T08:00:02Z', '2026-01-05T08:00:02.5Z x',
    '2026/01/05 08:00:03', '2026.01.05_08:00:04,123', '2026-01-05 08:00:05 +01:00', '2026-01-05 08:00:05+0100 x',
    '2026-01-05 08:00:06 UTC', '2026-01-05 08:00:07 PM', '2026-01-05 08:00:08 AMx', '2023-01-24 08:47:12.195241+00:0001-24 00:47:12 Info',
    '2026-01/05 08:00:09', '2026-13-05 08:00:10', '2024-02-30 08:00:11', '2026-01-05 08:00:12:7', '2026-01-05 08:00:121',
    '2026-01-05 08:00:13:45', '2026-01-05x08:00:14', '2026-01-05 08-00-15', '12026-01-05 08:00:16', '2026-01-05 08:00:17.1234567890',
  ];
  it('gives the regex reading for each line, whatever line came before', () => {
    const iso = TIMESTAMP_PATTERNS.find((p) => p.id === 'iso') as TimestampPattern;
    // Forward, backward and each line twice: the same second read again, and a new second after any other.
    for (const order of [TIMES, [...TIMES].reverse(), TIMES.flatMap((t) => [t, t])]) {
      for (const line of order) assert.deepEqual(matchTimestampAt(line, 0, iso, {}) ?? undefined, isoByRegex(line, 0), line);
    }
  });

  // A JSON record's time field is read by isoTextEpoch first (speed31): the second read last is kept, and a text of it
  // with a fraction and `Z` or nothing is read from it. Texts of one second with and without a zone, after each other,
  // in a zone away from UTC (a local time read as UTC, or the reverse, is 5:45 off). A day no other test reads: the
  // local minutes localEpoch keeps are this zone's.
  const TEXTS = [
    '2031-03-07T08:00:00.137Z', '2031-03-07T08:00:00.274Z', '2031-03-07T08:00:00.5', '2031-03-07T08:00:00', '2031-03-07T08:00:00Z',
    '2031-03-07T08:00:00.123456789Z', '2031-03-07T08:00:00.1234567890Z', '2031-03-07T08:00:00.137z', '2031-03-07T08:00:00.137Z ',
    '2031-03-07T08:00:00.137+02:00', '2031-03-07T08:00:00,250', '2031-03-07T08:00:00:250Z', '2031-03-07T08:00:00.137ZZ',
    '2031-03-07T08:00:00.137Z1', '2031-03-07 08:00:00 PM', '2031-03-07T08:00:01.001Z', '2032-02-29T23:59:60.999Z', '2031-02-29T00:00:00Z',
    '0001-01-01T00:00:00Z', '0000-02-29T12:00:00Z', '2031-13-05T08:00:00Z', ' 2031-03-07T08:00:00Z', '[2031-03-07T08:00:00Z]',
  ];
  it('reads a text that is one ISO time as the regex does, and a JSON time field as parseTimestamp, whatever text came before', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kathmandu';
    // Local times kept by an earlier test were read in the zone before: stale here, as this test's are after it.
    forgetLocalTimes();
    try {
      assert.equal(new Date(2031, 2, 7, 8).getTime(), Date.UTC(2031, 2, 7, 2, 15), 'Node reads TZ again when it changes');
      for (const order of [TEXTS, [...TEXTS].reverse(), TEXTS.flatMap((t) => [t, t])]) {
        for (const text of order) {
          const byRegex = isoByRegex(text, 0);
          const whole = byRegex !== undefined && byRegex.end === text.length ? byRegex.epoch : undefined;
          assert.equal(isoTextEpoch(text), whole, text);
          assert.equal(jsonTime(text, {}), whole ?? parseTimestamp(text) ?? (Number.isNaN(Date.parse(text)) ? undefined : Date.parse(text)), text);
        }
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
      forgetLocalTimes();
    }
  });

  it('counts a UTC time in days as a Date reads it, the year as written', () => {
    const byDate = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) => {
      const date = new Date(Date.UTC(y, mo, d, h, mi, s, ms));
      if (y < 100) date.setUTCFullYear(y);
      return date.getTime();
    };
    for (const year of [0, 1, 4, 99, 100, 1600, 1700, 1899, 1900, 1970, 1999, 2000, 2024, 2026, 2100, 2400, 9999]) {
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 28, 29, 30, 31]) {
          for (const [h, mi, s, ms] of [[0, 0, 0, 0], [23, 59, 59, 999], [23, 59, 60, 7]]) {
            assert.equal(utcEpoch(year, month, day, h, mi, s, ms), byDate(year, month, day, h, mi, s, ms), `${year}-${month + 1}-${day} ${h}:${mi}:${s}.${ms}`);
          }
        }
      }
    }
  });
});
