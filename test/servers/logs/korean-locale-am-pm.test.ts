// JavaScript's toLocaleString('ko-KR') where the runtime's ICU has the Korean date pattern but not its day periods
// writes `2026. 11. 28. AM 1:00:01` (Node 20 with ICU 78, found by break40): the year-first date, then AM or PM before
// a 12-hour time. Unread, no line of such a log had a time, so every time window left all of them out. Neighbours:
// the Korean day periods (read before), 12 AM and 12 PM, an hour a 12-hour clock has not, the mark after the time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTimestamp } from '../../../servers/logs/format/timestamps';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

describe('log intelligence: a year-first date with AM or PM before a 12-hour time', () => {
  it('reads AM and PM as the Korean day periods are read', () => {
    const cases: [string, number | undefined][] = [
      ['2026. 11. 28. AM 1:00:01', local(2026, 11, 28, 1, 0, 1)],
      ['2026. 11. 28. PM 3:00:03', local(2026, 11, 28, 15, 0, 3)],
      ['2026. 11. 28. PM 11:59:04', local(2026, 11, 28, 23, 59, 4)],
      ['2026. 11. 28. AM 12:30:00', local(2026, 11, 28, 0, 30)],
      ['2026. 11. 28. PM 12:30:00', local(2026, 11, 28, 12, 30)],
      ['2026-11-28 PM 3:04:05', local(2026, 11, 28, 15, 4, 5)],
      ['2026/11/28 AM 9:04:05', local(2026, 11, 28, 9, 4, 5)],
      ['2026. 11. 28. 오후 3:00:03', local(2026, 11, 28, 15, 0, 3)],
      // No 12-hour clock has hour 13 or 0.
      ['2026. 11. 28. PM 13:00:00', undefined],
      ['2026. 11. 28. AM 0:30:00', undefined],
    ];
    for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
  });

  describe('through the built server', function () {
    this.timeout(60_000);
    let root: string;
    let server: StartedServer;
    before(async function () {
      root = mkdtempSync(join(tmpdir(), 'ko-am-pm-'));
      const lines = ['[2026. 11. 28. AM 1:00:01] INFO started', '[2026. 11. 28. AM 6:00:02] ERROR connection refused', '[2026. 11. 28. PM 3:00:03] WARN disk 91% full', '[2026. 11. 28. PM 11:59:04] INFO stopped'];
      writeFileSync(join(root, 'app.log'), lines.join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
    });
    after(async function () {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('search_logs finds the lines of a window by their own dates, and says nothing of times without a date', async function () {
      const out = await callStructured(server.client, 'search_logs', { since: '2026-11-28T06:00:00Z', until: '2026-11-28T16:00:00Z', order: 'oldest' });
      const matches = out.matches as { line: number; timestamp?: string }[];
      assert.deepEqual(matches.map((m) => [m.line, m.timestamp]), [[2, '2026-11-28T06:00:02.000Z'], [3, '2026-11-28T15:00:03.000Z']]);
      assert.deepEqual(out.notes, []);
    });
  });
});
