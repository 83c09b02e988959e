// A time of day with its day-half written before it, as Korean, Japanese and Chinese locales write a 12-hour time
// (`오후 3:04:05`, `午後 3:04:05`, `下午 3:04:05`: .NET's `tt h:mm:ss`, a locale's long time) and some English formats
// (`PM 3:04:05`). Unread, a log of such lines had no time on any line, and every time window left all of them out,
// while `3:04:05 PM` was dated by the file's last write (fmt29). Also the Korean and CJK date written with hour, minute
// and second words (`2026년 11월 28일 오후 3시 4분 5초`, `15時04分05秒`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineParser } from '../../../servers/logs/format/detect';
import { clockParts, parseTimestamp } from '../../../servers/logs/format/timestamps';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

describe('logs: a day-half written before a time of day', () => {
  it('reads the day-half before the clock as the one after it, and refuses an hour no 12-hour clock shows', () => {
    const cases: [string, number | undefined][] = [
      ['오후 3:04:05', 15], ['오전 3:04:05', 3], ['午後 3:04:05', 15], ['午前 11:04:05', 11], ['下午 3:04:05', 15], ['上午 12:04:05', 0],
      ['PM 12:04:05', 12], ['AM 12:04:05', 0], ['오후3:04:05', 15], ['3:04:05 PM', 15], ['15:04:05', 15],
      ['오후 13:04:05', undefined], ['오후 0:04:05', undefined], ['오후 3:04:05 PM', undefined],
    ];
    for (const [text, hour] of cases) assert.equal(clockParts(text)?.hour, hour, text);
  });

  it('dates a time-only log written so by its last write, as it dates one with the day-half after the clock', () => {
    const written = local(2026, 11, 28, 16);
    for (const mark of ['오후', '午後', '下午', 'PM']) {
      const sample = [`${mark} 3:04:05 INFO 서버 시작`, `${mark} 3:04:06 ERROR 연결 실패`];
      const parser = createLineParser(sample, { referenceTime: written });
      assert.deepEqual(sample.map((line) => parser.parse(line).timestamp), [local(2026, 11, 28, 15, 4, 5), local(2026, 11, 28, 15, 4, 6)], mark);
      assert.equal(parser.parse(sample[1]).level, 'ERROR');
    }
    // Not a clock: a word of text that starts as a day-half does.
    const prose = createLineParser(['PMS 3:04:05 started', 'PMS 3:04:06 stopped'], { referenceTime: written });
    assert.equal(prose.parse('PMS 3:04:05 started').timestamp, undefined);
  });

  it('reads a date with hour, minute and second words', () => {
    const cases: [string, number | undefined][] = [
      ['2026년 11월 28일 오후 3시 4분 5초', local(2026, 11, 28, 15, 4, 5)],
      ['2026년 11월 28일 15시 04분 05초', local(2026, 11, 28, 15, 4, 5)],
      ['2026年11月28日 15時04分05秒', local(2026, 11, 28, 15, 4, 5)],
      ['2026年11月28日 下午 3时04分05秒', local(2026, 11, 28, 15, 4, 5)],
      ['2026년 11월 28일 오후 3:04:05', local(2026, 11, 28, 15, 4, 5)],
      ['2026년 11월 28일 15시 60분 05초', undefined],
      ['2026년 11월 28일 오후 13시 4분 5초', undefined],
    ];
    for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
  });

  describe('through the built server', function () {
    this.timeout(60_000);
    let root: string;
    let server: StartedServer;
    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'day-period-'));
      const path = join(root, 'app.log');
      writeFileSync(path, ['오전 9:00:01 INFO 서버 시작', '오후 3:04:05 ERROR 연결 실패', '오후 3:30:00 WARN 디스크 부족', '오후 11:59:59 INFO 종료'].join('\n') + '\n');
      const at = new Date('2026-11-28T23:59:59.500Z');
      utimesSync(path, at, at);
      server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
    });
    after(async () => {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('search_logs finds the lines of a window by their times', async () => {
      const found = await callStructured(server.client, 'search_logs', { file: 'app.log', since: '2026-11-28T15:00:00Z', until: '2026-11-28T16:00:00Z', order: 'oldest' });
      assert.deepEqual((found.matches as Data[]).map((m) => [m.line, m.timestamp]), [[2, '2026-11-28T15:04:05.000Z'], [3, '2026-11-28T15:30:00.000Z']]);
      assert.ok(!found.notes.some((n) => /without a readable timestamp/.test(n)), JSON.stringify(found.notes));
    });
  });
});
