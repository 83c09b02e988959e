// Numeric dates whose day/month order no date's part above 12 shows (`12/4/2026 3:10:00 PM`, Event Viewer's "Save as
// CSV" and `Get-WinEvent | Export-Csv` under en-US) gave no time, so every windowed error_summary and search left their
// entries out; the entries' own time order tells the order where only one reading of it runs ascending or descending.
// And a day period before the time (`2026-12-04 오후 3:13:00`, ko-KR's long time; `午後`, `下午`) or `p.m.` after it was
// lost in a CSV export whose header leaves the description column unnamed, or read as a 24-hour time. (break33)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvColumns } from '../../../servers/logs/format/csv-columns';
import { createLineParser } from '../../../servers/logs/format/detect';
import { parseTimestamp, yearLastOrder } from '../../../servers/logs/format/timestamps';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

/** Event Viewer's "Save as CSV": five named columns, each event's description a sixth, unnamed. */
const EVENT_HEADER = 'Level,Date and Time,Source,Event ID,Task Category';
const DESCRIPTIONS = [
  'The Print Spooler service terminated unexpectedly.',
  'The Windows Update service entered the running state.',
  'The disk has a bad block on device Harddisk0.',
  'Name resolution for the name wpad timed out.',
  'The system has rebooted without cleanly shutting down first.',
];
const eventRows = (levels: string[], times: string[]) => times.map((time, i) => `${levels[i]},${time},Service Control Manager,${7000 + i},None,"${DESCRIPTIONS[i]}"`);
const LEVELS = ['Error', 'Information', 'Error', 'Error', 'Information'];
/** Newest first, as Event Viewer exports, month first (en-US): read day first, Feb 11th would follow Jan 12th. */
const US_TIMES = ['12/4/2025 3:10:00 PM', '12/4/2025 9:00:00 AM', '12/1/2025 11:00:00 PM', '11/2/2025 4:00:00 PM', '11/2/2025 8:00:00 AM'];
/** Oldest first, day first with lower-case marks (en-AU). */
const AU_TIMES = ['2/11/2025 8:00:00 am', '2/11/2025 4:00:00 pm', '1/12/2025 11:00:00 pm', '4/12/2025 9:00:00 am', '4/12/2025 3:10:00 pm'];
/** Only the second part changes: both readings run in order, so nothing tells. */
const UNTOLD_TIMES = ['12/4/2025 3:10:00 PM', '12/4/2025 9:00:00 AM', '12/2/2025 11:00:00 PM', '12/1/2025 4:00:00 PM', '12/1/2025 8:00:00 AM'];
const REFERENCE = new Date(2025, 11, 5).getTime();
const EXPECTED = [new Date(2025, 11, 4, 15, 10), new Date(2025, 11, 4, 9), new Date(2025, 11, 1, 23), new Date(2025, 10, 2, 16), new Date(2025, 10, 2, 8)].map((d) => d.getTime());

const timesOf = (lines: string[]) => {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return { parser, times: lines.slice(1).map((line) => parser.parse(line).timestamp) };
};

describe('logs: numeric dates of an undecided day/month order, and day periods around the time', function () {
  this.timeout(120_000);

  it('decides the order by the time order of the entries, newest first or oldest first', () => {
    const us = timesOf([EVENT_HEADER, ...eventRows(LEVELS, US_TIMES)]);
    assert.equal(us.parser.undecidedDate, undefined);
    assert.deepEqual(us.times, EXPECTED);
    const au = timesOf([EVENT_HEADER, ...eventRows(LEVELS, AU_TIMES)]);
    assert.equal(au.parser.undecidedDate, undefined);
    assert.deepEqual(au.times, [...EXPECTED].reverse());
    assert.equal(yearLastOrder(US_TIMES.map((t) => `${t} ERROR x`)), false);
    assert.equal(yearLastOrder(AU_TIMES.map((t) => `${t} ERROR x`)), true);
  });

  it('stays undecided, and says which date, when both readings or neither run in order; AM/PM alone decides nothing', () => {
    const untold = timesOf([EVENT_HEADER, ...eventRows(LEVELS, UNTOLD_TIMES)]);
    assert.equal(untold.parser.undecidedDate, '12/4/2025');
    assert.deepEqual(untold.times, UNTOLD_TIMES.map(() => undefined));
    const shuffled = [US_TIMES[3], US_TIMES[0], US_TIMES[2], AU_TIMES[0]];
    assert.equal(yearLastOrder(shuffled.map((t) => `${t} ERROR x`)), undefined);
    // A date within a line's message breaks the order rather than deciding it.
    assert.equal(yearLastOrder(['12/4/2025 3:10:00 PM ERROR x', '11/2/2025 4:00:00 PM ERROR y', 'retry at 12/1/2025 11:00:00 PM']), undefined);
  });

  it('reads a day period before the time in Korean, Japanese and Chinese, and AM/PM or a.m./p.m. after it', () => {
    const afternoon = new Date(2026, 11, 4, 15, 13).getTime();
    for (const text of ['2026-12-04 오후 3:13:00', '2026-12-04 午後 3:13:00', '2026/12/04 下午 3:13:00', '2026-12-04 3:13:00 PM', '2026-12-04 3:13:00 p.m.', '2026-12-04 03:13:00 p.m.', '2026/12/4 3:13:00 pm', '2026. 12. 4. 3:13:00 PM']) {
      assert.equal(parseTimestamp(text), afternoon, text);
      const lines = [0, 1, 2].map((i) => `${text} ERROR job ${i} failed`);
      assert.equal(createLineParser(lines).parse(lines[0]).timestamp, afternoon, `${text} in a line`);
    }
    // Forms that read no mark themselves: the mark after them names the clock.
    for (const text of ['04 Dec 2026 03:13:00 PM', '04-Dec-2026 03:13:00 p.m.', 'Dec 4, 2026 3:13:00 p.m.', 'Dec  4 03:13:00 PM']) {
      assert.equal(parseTimestamp(text, { referenceTime: new Date(2026, 11, 5).getTime() }), afternoon, text);
      const lines = [0, 1, 2].map((i) => `${text} ERROR job ${i} failed`);
      const parsed = createLineParser(lines, { referenceTime: new Date(2026, 11, 5).getTime() }).parse(lines[0]);
      assert.deepEqual([parsed.timestamp, parsed.level, parsed.message], [afternoon, 'ERROR', 'job 0 failed'], `${text} in a line`);
    }
    assert.equal(parseTimestamp('2026-12-04 12:13:00 a.m.'), new Date(2026, 11, 4, 0, 13).getTime());
    assert.equal(parseTimestamp('04 Dec 2026 12:13:00 AM'), new Date(2026, 11, 4, 0, 13).getTime());
    assert.equal(parseTimestamp('04 Dec 2026 15:13:00 PM'), undefined);
    assert.equal(parseTimestamp('2026-12-04 13:13:00 PM'), undefined);
    // zh-HK writes its short date day first, then 下午 before the time.
    const hk = ['4/12/2026 上午 9:00:00 ERROR a', '13/12/2026 下午 3:13:00 ERROR b'];
    assert.equal(createLineParser(hk).parse(hk[1]).timestamp, new Date(2026, 11, 13, 15, 13).getTime());
  });

  it("reads the time column of Event Viewer's CSV in the system's language, its description column unnamed", () => {
    const korean = ['수준,날짜 및 시간,원본,이벤트 ID,작업 범주', ...eventRows(['오류', '정보', '오류', '오류', '정보'], ['2025-12-04 오후 3:10:00', '2025-12-04 오전 9:00:00', '2025-12-01 오후 11:00:00', '2025-11-02 오후 4:00:00', '2025-11-02 오전 8:00:00'])];
    assert.equal(csvColumns(korean)?.time, 1);
    const { parser, times } = timesOf(korean);
    assert.deepEqual(times, EXPECTED);
    assert.equal(parser.parse(korean[1]).level, 'ERROR');
  });

  describe('through the built server', () => {
    let dir: string;
    let server: StartedServer;
    // The last hours from now back to 2025-11-15: the December rows, not the November ones.
    const hours = () => Math.ceil((Date.now() - new Date(2025, 10, 15).getTime()) / 3_600_000);
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-date-order-'));
      writeFileSync(join(dir, 'us.csv'), `${[EVENT_HEADER, ...eventRows(LEVELS, US_TIMES)].join('\r\n')}\r\n`);
      writeFileSync(join(dir, 'au.csv'), `${[EVENT_HEADER, ...eventRows(LEVELS, AU_TIMES)].join('\r\n')}\r\n`);
      writeFileSync(join(dir, 'untold.csv'), `${[EVENT_HEADER, ...eventRows(LEVELS, UNTOLD_TIMES)].join('\r\n')}\r\n`);
      const ko = ['2025-12-04 오후 3:10:00', '2025-12-04 오전 9:00:00', '2025-12-01 오후 11:00:00', '2025-11-02 오후 4:00:00', '2025-11-02 오전 8:00:00'];
      writeFileSync(join(dir, 'ko.csv'), `${['수준,날짜 및 시간,원본,이벤트 ID,작업 범주', ...eventRows(['오류', '정보', '오류', '오류', '정보'], ko)].join('\r\n')}\r\n`);
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('error_summary with a window counts the errors of the decided exports within it', async () => {
      for (const file of ['us.csv', 'au.csv', 'ko.csv']) {
        const summary = await callStructured(server.client, 'error_summary', { file, hours: hours() });
        assert.equal(summary.totalErrors, 2, `${file}: ${JSON.stringify(summary).slice(0, 800)}`);
      }
    });

    it('error_summary with a window says why an undecided export gives no time', async () => {
      const summary = await callStructured(server.client, 'error_summary', { file: 'untold.csv', hours: hours() });
      assert.equal(summary.totalErrors, 0);
      assert.match(summary.notes.join('\n'), /untold\.csv: dates such as 12\/4\/2025 read as day\/month and as month\/day alike/);
    });
  });
});
