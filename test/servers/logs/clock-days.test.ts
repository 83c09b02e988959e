// rev27c: a log whose lines carry a time of day and no date is dated by the file's last write (formats27), which
// assumes the file spans at most the day before that write. A log of several days (a service that never rotates, a
// file copied later) broke it: the same time of day two days ago was dated today, so `since: 1h` reported a two-day-old
// ERROR as minutes old. Its own clocks show it: dated so, they run back by hours from one line to the next.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClockDayCounter, dateInName } from '../../../servers/logs/format/clock-days';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `HH:MM:SS.mmm` of `ms` in UTC (the server runs with TZ=UTC). */
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 23);

/** Time-only lines every `step` ms from `from` to `to`, an ERROR at each of `errors`, in order. */
function timeOnlyLog(from: number, to: number, step: number, errors: number[]): string[] {
  const stamps = new Set(errors);
  const times: number[] = [];
  // An error at a tick's very time replaces the tick: two ERROR lines there would be counted twice.
  for (let t = from; t <= to; t += step) if (!stamps.has(t)) times.push(t);
  return [...times, ...errors]
    .sort((a, b) => a - b)
    .map((t) => (stamps.has(t) ? `${clock(t)} [worker] ERROR job failed: upstream timeout` : `${clock(t)} [worker] INFO tick ok`));
}

/**
 * A tool caller on the built logs server over `dir()` (started at the first call, in UTC, without journal or Docker),
 * which the enclosing describe closes and whose folder it removes after its tests.
 */
function utcLogsServer(dir: () => string): (name: string, args: Data) => Promise<Data> {
  let server: StartedServer | undefined;
  after(async () => {
    await server?.close();
    const folder = dir();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return async (name, args) => {
    server ??= await startBuiltServer('logs', { LOG_DIRS: dir(), TZ: 'UTC', LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    return callStructured(server.client, name, args);
  };
}

describe('format: times of day of a file that spans more than the day before its last write', () => {
  it('are not dated when, dated so, they run back from one line to the next (a made-up three-day log)', () => {
    const reference = Date.UTC(2026, 11, 3, 12, 0);
    const lines = timeOnlyLog(Date.UTC(2026, 11, 1, 0, 30), reference, 3 * 3600_000, []);
    const parser = createLineParser(lines, { referenceTime: reference });
    // 2026-12-01 09:30 is not 2026-12-03 09:30. (The log does not open in the first minute after midnight, which
    // reads as a clock from zero: detect.ts clockFromZero.)
    const nine = lines.findIndex((l) => l.startsWith('09:30'));
    assert.equal(parser.parse(lines[nine]).timestamp, undefined, JSON.stringify(parser.parse(lines[nine])));
    assert.equal(parser.parse(lines[nine]).level, 'INFO');
    assert.equal(parser.clockDay, undefined);
  });

  it('are dated when the file spans the day before its last write only, midnight within it', () => {
    const reference = Date.UTC(2026, 11, 3, 12, 0);
    const lines = timeOnlyLog(Date.UTC(2026, 11, 2, 14, 0), reference, 3600_000, []);
    const parser = createLineParser(lines, { referenceTime: reference });
    assert.equal(parser.parse(lines[0]).timestamp, Date.UTC(2026, 11, 2, 14, 0));
    assert.equal(parser.parse(lines.at(-1) ?? '').timestamp, reference);
  });
});

describe('logs: a time-only log of three days through the built server', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-clock-days-'));
    const now = Date.now();
    const start = Math.floor((now - 2 * 86_400_000) / 86_400_000) * 86_400_000 + 17 * 60_000;
    const ago = (ms: number) => Math.floor((now - ms) / 1000) * 1000;
    // ERRORs 20 minutes' time of day ago, but two days and one day ago; none today.
    const lines = timeOnlyLog(start, ago(5 * 60_000), 30 * 60_000, [ago(2 * 86_400_000 + 20 * 60_000), ago(86_400_000 + 20 * 60_000)]);
    writeFileSync(join(dir, 'service.log'), [...lines, ''].join('\n'));
  });
  const call = utcLogsServer(() => dir);

  it('error_summary over the last hour does not count the ERRORs of one and two days ago', async () => {
    const summary = await call('error_summary', { file: 'service.log', hours: 1 });
    assert.equal(summary.totalErrors, 0, JSON.stringify(summary));
  });

  it('search_logs since 1h does not find them', async () => {
    const found = await call('search_logs', { pattern: 'job failed', file: 'service.log', since: '1h' });
    assert.equal(found.totalMatches, 0, JSON.stringify(found));
  });

  it('error_summary over the whole file counts both', async () => {
    const whole = await call('error_summary', { file: 'service.log', wholeFile: true });
    assert.equal(whole.totalErrors, 2, JSON.stringify(whole));
  });
});

// dates28: the head-only check above cannot see a log of several days whose head shows one (more than ~500 lines a
// day), nor a file copied later: every line was dated on the last write's day. Each line is now dated by its own day,
// the midnights its clock passes counted down the whole file (format/clock-days.ts).
describe('format: clock-days, the day of each time-of-day line', function () {
  // Parsers learned from 500-line heads, under a loaded machine.
  this.timeout(60_000);
  /** `HH:MM:SS.mmm` of `ms` in this process's zone. */
  const localClock = (ms: number) => {
    const d = new Date(ms);
    return `${[d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}.${String(d.getMilliseconds()).padStart(3, '0')}`;
  };
  /** Lines every `step` ms from `from` to `to` (local clocks), each `N INFO tick` or an ERROR at the times in `errors`. */
  const localLog = (from: number, to: number, step: number, errors: number[] = []) => {
    const times: number[] = [];
    const marked = new Set(errors);
    // An error at a tick's very time replaces the tick: two ERROR lines there would be counted twice.
    for (let t = from; t <= to; t += step) if (!marked.has(t)) times.push(t);
    const all = [...times, ...errors].sort((a, b) => a - b);
    return { times: all, lines: all.map((t) => (marked.has(t) ? `${localClock(t)} [worker] ERROR job failed` : `${localClock(t)} [worker] INFO tick`)) };
  };
  const daysOf = (lines: string[], mtimeMs: number, name = 'service.log') => {
    const head = createLineParser(lines.slice(0, 500), { referenceTime: mtimeMs });
    assert.ok(head.clockOf && head.indexedBy, 'a time-of-day parser of a file');
    const counter = new ClockDayCounter(head.clockOf);
    for (const line of lines) counter.push(line);
    const days = counter.finish(mtimeMs, name);
    return { days, parser: head.indexedBy(days) };
  };

  it('dates every line of a three-day log of 2,000 lines a day by its own day (the head shows one day)', () => {
    const from = new Date(2026, 10, 26, 0, 5, 30).getTime();
    const to = new Date(2026, 10, 28, 23, 59, 0).getTime();
    const { times, lines } = localLog(from, to, 43_200);
    const { days, parser } = daysOf(lines, to + 1000);
    assert.equal(days.lastDay, '2026-11-28');
    assert.equal(days.dayStarts.length, 2);
    for (let i = 0; i < lines.length; i += 97) assert.equal(parser.parse(lines[i], i + 1).timestamp, times[i], `line ${i + 1}: ${lines[i]}`);
    // Without its number a line of a file of several days has no time: never a wrong one.
    assert.equal(parser.parse(lines[0]).timestamp, undefined);
    assert.match(parser.format.description, /each line dated by its own day.*3 days, the last 2026-11-28/);
  });

  it('a copied file: its last line later in the day than the last write is not dated at all, nor any line', () => {
    const from = new Date(2026, 10, 27, 8, 0).getTime();
    const to = new Date(2026, 10, 27, 22, 0).getTime();
    const { lines } = localLog(from, to, 60_000);
    const { days, parser } = daysOf(lines, new Date(2026, 11, 3, 14, 0).getTime());
    assert.equal(days.lastDay, undefined);
    assert.match(days.doubt ?? '', /copied or touched/);
    assert.equal(parser.parse(lines.at(-1)!, lines.length).timestamp, undefined);
    assert.equal(parser.parse(lines.at(-1)!, lines.length).level, 'INFO');
  });

  it('a copied file whose name carries its date is dated by the name', () => {
    const from = new Date(2026, 10, 27, 8, 0).getTime();
    const to = new Date(2026, 10, 27, 22, 0).getTime();
    const { times, lines } = localLog(from, to, 60_000);
    for (const name of ['app-2026-11-27.log', 'logs/app.log.20261127', '2026_11_27.txt']) {
      // Copied days later at 09:00 (earlier in the day than the last line) and at 23:30 (later).
      for (const copied of [new Date(2026, 11, 3, 9, 0).getTime(), new Date(2026, 11, 3, 23, 30).getTime()]) {
        const { days, parser } = daysOf(lines, copied, name);
        assert.equal(days.lastDay, '2026-11-27', name);
        assert.equal(days.by, 'name');
        assert.equal(parser.parse(lines[5], 6).timestamp, times[5]);
      }
    }
  });

  it('a rotated file named by its rotation day (logrotate dateext) is dated by its last write, the day before', () => {
    const from = new Date(2026, 10, 27, 8, 0).getTime();
    const to = new Date(2026, 10, 27, 23, 58).getTime();
    const { times, lines } = localLog(from, to, 60_000);
    const { days, parser } = daysOf(lines, to + 500, 'app.log-20261128');
    assert.equal(days.lastDay, '2026-11-27');
    assert.equal(days.by, 'write');
    assert.equal(parser.parse(lines[1], 2).timestamp, times[1]);
  });

  it('a one-day file is dated as before, with or without line numbers', () => {
    const from = new Date(2026, 11, 3, 8, 0).getTime();
    const to = new Date(2026, 11, 3, 12, 0).getTime();
    const { times, lines } = localLog(from, to, 60_000);
    const { days, parser } = daysOf(lines, to + 60_000);
    assert.deepEqual(days.dayStarts, []);
    assert.equal(parser.parse(lines[3]).timestamp, times[3]);
    assert.equal(parser.parse(lines[3], 4).timestamp, times[3]);
    const old = createLineParser(lines, { referenceTime: to + 60_000 });
    assert.equal(old.parse(lines[3]).timestamp, times[3]);
  });

  it('a log that passes midnight once, written within a few minutes of its last line across midnight, is dated', () => {
    const from = new Date(2026, 11, 2, 20, 0).getTime();
    const to = new Date(2026, 11, 2, 23, 59, 58).getTime();
    const { times, lines } = localLog(from, to, 60_000);
    // Buffered: written at 00:00:01 the day after the last line's.
    const { days, parser } = daysOf(lines, new Date(2026, 11, 3, 0, 0, 1).getTime());
    assert.equal(days.lastDay, '2026-12-02');
    assert.equal(parser.parse(lines.at(-1)!, lines.length).timestamp, times.at(-1));
  });

  it('a header line with a date above the time-of-day lines: the lines are dated by their own day, the header by its date', () => {
    const from = new Date(2026, 10, 27, 10, 0).getTime();
    const to = new Date(2026, 10, 28, 9, 0).getTime();
    const { times, lines } = localLog(from, to, 60_000);
    const file = ['=== Log started 2026-11-27 10:00:00 ===', ...lines];
    const { days, parser } = daysOf(file, to + 1000);
    assert.equal(days.dayStarts.length, 1);
    assert.equal(parser.parse(file[1], 2).timestamp, times[0]);
    assert.equal(parser.parse(file.at(-1)!, file.length).timestamp, times.at(-1));
    const header = parser.parse(file[0], 1).timestamp;
    assert.ok(header === undefined || header === new Date(2026, 10, 27, 10, 0).getTime(), String(header));
  });

  it('reads dates in file names', () => {
    assert.equal(dateInName('app-2026-11-28.log'), '2026-11-28');
    assert.equal(dateInName('/var/log/app.log.20261128'), '2026-11-28');
    assert.equal(dateInName('2026_11_28.txt'), '2026-11-28');
    assert.equal(dateInName('app-2026-02-30.log'), undefined);
    assert.equal(dateInName('build-12026112899.log'), undefined);
    assert.equal(dateInName('service.log'), undefined);
  });

  it('syslog dates without a year pass New Year: December before January', () => {
    const lines = ['Dec 31 23:59:58 host app[1]: ERROR old year', 'Jan  1 00:00:02 host app[1]: INFO new year'];
    const parser = createLineParser(lines, { referenceTime: new Date(2027, 0, 1, 0, 0, 1).getTime() });
    assert.equal(parser.parse(lines[0]).timestamp, new Date(2026, 11, 31, 23, 59, 58).getTime());
    assert.equal(parser.parse(lines[1]).timestamp, new Date(2027, 0, 1, 0, 0, 2).getTime());
  });
});

/** What a zone's end of summer time does to a log's clock (the server runs in Europe/Berlin: 2026-10-25 03:00 → 02:00). */
describe('logs: a time-only log across the end of summer time, through the built server', function () {
  this.timeout(120_000);
  let dir: string;
  let server: StartedServer | undefined;
  // UTC instants; the log writes Berlin's clock. 2026-10-24 12:00 CEST (10:00Z) to 2026-10-25 12:00 CET (11:00Z).
  const from = Date.UTC(2026, 9, 24, 10, 0);
  const to = Date.UTC(2026, 9, 25, 11, 0);
  const step = 10 * 60_000;
  const berlin = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
  const times: number[] = [];
  for (let t = from; t <= to; t += step) times.push(t);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-clock-dst-'));
    const lines = times.map((t, i) => `${berlin(t)}.000 [worker] ${i === 3 ? 'ERROR first day failed' : i === times.length - 2 ? 'ERROR last day failed' : 'INFO tick'}`);
    writeFileSync(join(dir, 'dst.log'), [...lines, ''].join('\n'));
    utimesSync(join(dir, 'dst.log'), new Date(to + 1000), new Date(to + 1000));
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the hour lived twice is no midnight: the first day stays the first day', async () => {
    server ??= await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'Europe/Berlin', LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    const found = await callStructured(server.client, 'search_logs', { pattern: 'failed', file: 'dst.log', order: 'oldest' });
    const matches = found.matches as Data[];
    assert.equal(matches.length, 2, JSON.stringify(found));
    assert.equal(Date.parse(matches[0].timestamp), times[3]);
    assert.equal(Date.parse(matches[1].timestamp), times[times.length - 2]);
  });
});

describe('logs: time-only logs of several days, copied and named, through the built server', function () {
  this.timeout(180_000);
  let dir: string;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const DAY = 86_400_000;
  /** The copied file's last line, and when it was copied (its mtime): the next day, earlier in the day. */
  const COPIED_LAST = Date.UTC(2026, 10, 20, 20, 0);
  const COPIED_AT = Date.UTC(2026, 10, 21, 19, 0);
  // Three days of 2,000 lines a day ending a minute ago, an ERROR 20 minutes' time of day ago on each day and one
  // 10 minutes ago (the server runs with TZ=UTC; clock() writes UTC).
  const errors = [now - 2 * DAY - 20 * 60_000, now - DAY - 20 * 60_000, now - 20 * 60_000 + 7, now - 10 * 60_000 + 7];
  const lines = timeOnlyLog(now - 3 * DAY + 3 * 60_000, now - 60_000, 43_200, errors);
  /** 1-based numbers of the lines of the last hour's two ERRORs. */
  const recent = lines.flatMap((line, i) => (/ERROR/.test(line) ? [i + 1] : [])).slice(-2);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-clock-days3-'));
    writeFileSync(join(dir, 'service.log'), [...lines, ''].join('\n'));
    utimesSync(join(dir, 'service.log'), new Date(now - 59_000), new Date(now - 59_000));
    // Three days of lines ending 2026-11-20 20:00 (an ERROR at 19:50), copied the next day at 19:00: the last line's
    // clock is later in the day than the copy's, so dated by the copy they would sit at 2026-11-21 19:50-20:00, after
    // the copy. Fixed dates, not ones counted from now: a copy made "now" is told from a file written today only by
    // the clocks' order within a day, which depends on the hour the test runs at (it passed before 22:00 UTC only).
    const copied = timeOnlyLog(COPIED_LAST - 3 * DAY, COPIED_LAST, 43_200, [COPIED_LAST - 10 * 60_000 + 7]);
    writeFileSync(join(dir, 'copied.log'), [...copied, ''].join('\n'));
    utimesSync(join(dir, 'copied.log'), new Date(COPIED_AT), new Date(COPIED_AT));
    // A day's lines 5 days ago, in a file named by that day, copied now.
    const day = new Date(now - 5 * DAY).toISOString().slice(0, 10);
    const named = timeOnlyLog(Date.parse(`${day}T08:00:00Z`), Date.parse(`${day}T23:00:00Z`), 60_000, [Date.parse(`${day}T${new Date(now - 30 * 60_000).toISOString().slice(11, 19)}Z`) + 7]);
    writeFileSync(join(dir, `app-${day}.log`), [...named, ''].join('\n'));
  });
  const call = utcLogsServer(() => dir);

  it('error_summary over the last hour counts the last hour\'s two ERRORs, none of the days before', async () => {
    const summary = await call('error_summary', { file: 'service.log', hours: 1 });
    assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
    assert.ok(summary.notes.some((n: string) => /service\.log: .*each line was dated by its own day.*\(4 day\(s\)\)/.test(n)), JSON.stringify(summary.notes));
  });

  it('search_logs since 1h gives their line numbers and times', async () => {
    const found = await call('search_logs', { pattern: 'job failed', file: 'service.log', since: '1h', order: 'oldest' });
    assert.deepEqual(found.matches.map((m: Data) => m.line), recent, JSON.stringify(found));
    assert.deepEqual(found.matches.map((m: Data) => Date.parse(m.timestamp)), errors.slice(-2));
  });

  it('search_logs without a window dates each day\'s ERROR on its own day', async () => {
    const found = await call('search_logs', { pattern: 'job failed', file: 'service.log', order: 'oldest' });
    assert.deepEqual(found.matches.map((m: Data) => Date.parse(m.timestamp)), errors, JSON.stringify(found));
  });

  it('log_patterns since 1h at ERROR mines the last hour\'s two lines only', async () => {
    const patterns = await call('log_patterns', { file: 'service.log', since: '1h', level: 'ERROR' });
    assert.equal(patterns.linesMatched, 2, JSON.stringify(patterns));
  });

  it('recent_logs dates the last lines on their day', async () => {
    const tail = await call('recent_logs', { file: 'service.log', lines: 3 });
    const last = (tail.lines as Data[]).at(-1)!;
    assert.equal(Date.parse(last.timestamp), now - 60_000 - ((now - 60_000 - (now - 3 * DAY + 3 * 60_000)) % 43_200), JSON.stringify(tail));
  });

  it('a copied file reports no old ERROR in a window after its copy: its lines are untimed, and it says why', async () => {
    // A window from half an hour before the copy to now: dated by the copy, the ERROR would be in it.
    const since = COPIED_AT - 30 * 60_000;
    const summary = await call('error_summary', { file: 'copied.log', hours: Math.ceil((Date.now() - since) / 3600_000) });
    assert.equal(summary.totalErrors, 0, JSON.stringify(summary));
    const found = await call('search_logs', { pattern: 'job failed', file: 'copied.log', since: new Date(since).toISOString() });
    assert.equal(found.totalMatches, 0, JSON.stringify(found));
    assert.ok(found.notes.some((n: string) => /copied\.log: .*copied or touched after its lines were written/.test(n)), JSON.stringify(found.notes));
    assert.ok(found.notes.some((n: string) => /1 matching line\(s\) without a readable timestamp/.test(n)), JSON.stringify(found.notes));
  });

  it('a copied file named by its day is dated on that day', async () => {
    const day = new Date(now - 5 * DAY).toISOString().slice(0, 10);
    const summary = await call('error_summary', { file: `app-${day}.log`, hours: 1 });
    assert.equal(summary.totalErrors, 0, JSON.stringify(summary));
    const found = await call('search_logs', { pattern: 'job failed', file: `app-${day}.log` });
    assert.equal((found.matches as Data[])[0]?.timestamp?.slice(0, 10), day, JSON.stringify(found));
  });
});
