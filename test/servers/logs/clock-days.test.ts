// rev27c: a log whose lines carry a time of day and no date is dated by the file's last write (formats27), which
// assumes the file spans at most the day before that write. A log of several days (a service that never rotates, a
// file copied later) broke it: the same time of day two days ago was dated today, so `since: 1h` reported a two-day-old
// ERROR as minutes old. Its own clocks show it: dated so, they run back by hours from one line to the next.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `HH:MM:SS.mmm` of `ms` in UTC (the server runs with TZ=UTC). */
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 23);

/** Time-only lines every `step` ms from `from` to `to`, an ERROR at each of `errors`, in order. */
function timeOnlyLog(from: number, to: number, step: number, errors: number[]): string[] {
  const stamps = new Set(errors);
  const times: number[] = [];
  for (let t = from; t <= to; t += step) times.push(t);
  return [...times, ...errors]
    .sort((a, b) => a - b)
    .map((t) => (stamps.has(t) ? `${clock(t)} [worker] ERROR job failed: upstream timeout` : `${clock(t)} [worker] INFO tick ok`));
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
  let server: StartedServer | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-clock-days-'));
    const now = Date.now();
    const start = Math.floor((now - 2 * 86_400_000) / 86_400_000) * 86_400_000 + 17 * 60_000;
    const ago = (ms: number) => Math.floor((now - ms) / 1000) * 1000;
    // ERRORs 20 minutes' time of day ago, but two days and one day ago; none today.
    const lines = timeOnlyLog(start, ago(5 * 60_000), 30 * 60_000, [ago(2 * 86_400_000 + 20 * 60_000), ago(86_400_000 + 20 * 60_000)]);
    writeFileSync(join(dir, 'service.log'), [...lines, ''].join('\n'));
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const call = async (name: string, args: Data): Promise<Data> => {
    server ??= await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC', LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    return callStructured(server.client, name, args);
  };

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
