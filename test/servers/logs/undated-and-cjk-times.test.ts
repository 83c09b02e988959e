// formats27: two kinds of stamps the detection did not read, so a time window left every line of such a file out
// (rev26a): a time of day without a date (`10:00:00.123 worker[12]: …`, dated now by the file's last write, said in the
// results) and a date written with CJK year, month and day words (`2026년 12월 3일 10:00:00`, `2026年12月3日`,
// PowerShell's `2026년 12월 3일 목요일 오후 3:04:05` under ko-KR).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createLineParser } from '../../../servers/logs/format/detect';
import { clockEpoch } from '../../../servers/logs/format/timestamps';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const two = (n: number) => String(n).padStart(2, '0');
/** `HH:MM:SS.mmm` of `ms` in UTC (the server runs with TZ=UTC). */
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 23);
/** `2026년 12월 3일 오후 3:04:05` of `ms` in UTC, with the weekday when `weekday`. */
function korean(ms: number, weekday = false): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const day = weekday ? ` ${'일월화수목금토'[d.getUTCDay()]}요일` : '';
  return `${d.getUTCFullYear()}년 ${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일${day} ${h < 12 ? '오전' : '오후'} ${h % 12 === 0 ? 12 : h % 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

describe('format: times of day dated by the file\'s last write, and CJK full-text dates', () => {
  it('clockEpoch dates a time of day the day of the reference, or the day before for a later time', () => {
    const reference = new Date(2026, 11, 3, 10, 30).getTime();
    assert.equal(clockEpoch('10:00:00.123', { clockReference: reference }), new Date(2026, 11, 3, 10, 0, 0, 123).getTime());
    assert.equal(clockEpoch('23:59:00', { clockReference: reference }), new Date(2026, 11, 2, 23, 59).getTime());
    assert.equal(clockEpoch('[1:05:01 PM]', { clockReference: reference }), new Date(2026, 11, 2, 13, 5, 1).getTime());
    assert.equal(clockEpoch('00:20:00', { clockReference: new Date(2026, 11, 1, 0, 5).getTime() }), new Date(2026, 10, 30, 0, 20).getTime());
    assert.equal(clockEpoch('10:00:00', {}), undefined);
    assert.equal(clockEpoch('25:00:00', { clockReference: reference }), undefined);
  });

  it('a file\'s parser reads a time-only header with a time and names the day; without a file\'s time it does not', () => {
    const lines = ['10:00:00.123 worker[12]: started job 1', '10:00:01.456 worker[12]: ERROR job 1 failed: timeout', '10:00:03.001 worker[12]: job 1 done'];
    const reference = new Date(2026, 11, 3, 10, 30).getTime();
    const parser = createLineParser(lines, { referenceTime: reference });
    assert.equal(parser.parse(lines[1]).timestamp, new Date(2026, 11, 3, 10, 0, 1, 456).getTime());
    assert.equal(parser.clockDay, '2026-12-03');
    assert.equal(createLineParser(lines).parse(lines[1]).timestamp, undefined);
  });

  it('a clock that starts from zero (time since start) is no time of day and stays undated; Arabic day marks are read', () => {
    const reference = new Date(2026, 11, 3, 23, 0).getTime();
    // GStreamer's debug log and VirtualBox's VBox.log (from the real excerpts' forms): elapsed time since the start.
    for (const lines of [
      ['0:00:00.005846000  1040   0x9a0a80 INFO   GST_INIT gstmessage.c:127: init messages', '0:00:00.019447000  1040   0x9a0a80 INFO   GST_INIT gstcontext.c:84: init contexts'],
      ['00:00:01.524521 VirtualBox VM 6.1.10 release log', '00:00:01.524523 Log opened 2020-11-19T09:36:59.728837000Z'],
    ]) {
      const parser = createLineParser(lines, { referenceTime: reference });
      assert.equal(parser.parse(lines[0]).timestamp, undefined, lines[0]);
      assert.equal(parser.clockDay, undefined);
    }
    // SMAPI's `[06:14:43.490 م]` (Arabic's PM mark): 18:14.
    const smapi = ['[06:14:43.490 م] LOADED MOD: Trainer Mod', '[06:14:43.763 م] LOADED MOD: Other Mod'];
    assert.equal(createLineParser(smapi, { referenceTime: reference }).parse(smapi[0]).timestamp, new Date(2026, 11, 3, 18, 14, 43, 490).getTime());
  });

  it('reads 년/월/일 and 年/月/日 dates, with a weekday and a day period', () => {
    const cases: [string, number][] = [
      ['2026년 12월 3일 10:00:00 [INFO] 서버 시작', new Date(2026, 11, 3, 10).getTime()],
      ['2026년 12월 3일 목요일 오후 3:04:05 ERROR 연결 실패', new Date(2026, 11, 3, 15, 4, 5).getTime()],
      ['2026年12月03日 10:00:01 ERROR 接続失敗', new Date(2026, 11, 3, 10, 0, 1).getTime()],
      ['2026. 12. 3. 15:04:05 INFO 서버 시작', new Date(2026, 11, 3, 15, 4, 5).getTime()],
    ];
    for (const [line, epoch] of cases) assert.equal(createLineParser([line, line]).parse(line).timestamp, epoch, line);
  });
});

describe('logs: time-only and Korean-dated files through the built server', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer | undefined;
  let failed: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-undated-cjk-'));
    const now = Date.now();
    failed = Math.floor((now - 10 * 60_000) / 1000) * 1000;
    writeFileSync(
      join(dir, 'worker.log'),
      [`${clock(now - 40 * 60_000)} worker[12]: started job 1`, `${clock(failed)} worker[12]: ERROR job 1 failed: timeout`, `${clock(now - 5 * 60_000)} worker[13]: WARN retrying job 1`, ''].join('\n'),
    );
    // Written two hours ago (its last write then): its ERROR is outside the last hour.
    writeFileSync(join(dir, 'old.log'), [`${clock(now - 3 * 3600_000)} worker[12]: started`, `${clock(now - 2 * 3600_000 - 60_000)} worker[12]: ERROR old failure`, ''].join('\n'));
    utimesSync(join(dir, 'old.log'), new Date(now - 2 * 3600_000), new Date(now - 2 * 3600_000));
    writeFileSync(join(dir, 'order.log'), [`${korean(now - 30 * 60_000)} [INFO] 주문 처리 시작`, `${korean(failed, true)} [ERROR] 결제 실패: 카드 승인 거절`, `${korean(now - 60_000)} [INFO] 주문 처리 완료`, ''].join('\n'));
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Data): Promise<Data> => {
    server ??= await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC', LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    return result.structuredContent as Data;
  };

  it('error_summary over the last hour counts the time-only ERROR at its time and says which day it was dated', async () => {
    const summary = await call('error_summary', { file: 'worker.log', hours: 1 });
    assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
    assert.equal(Date.parse(summary.groups[0].firstSeen), failed);
    assert.ok(summary.notes.some((n: string) => /worker\.log: its times of day carry no date; each line was dated by its own day, counted back from its last line's \(\d{4}-\d\d-\d\d, by its last write\)/.test(n)), JSON.stringify(summary.notes));
  });

  it('a time-only file last written two hours ago has no error in the last hour', async () => {
    const summary = await call('error_summary', { file: 'old.log', hours: 1 });
    assert.equal(summary.totalErrors, 0, JSON.stringify(summary));
    const whole = await call('error_summary', { file: 'old.log', wholeFile: true });
    assert.equal(whole.totalErrors, 1, JSON.stringify(whole));
  });

  it('search_logs since 1h finds the time-only ERROR, with the note', async () => {
    const found = await call('search_logs', { pattern: 'failed', file: 'worker.log', since: '1h' });
    assert.equal(found.totalMatches, 1, JSON.stringify(found));
    assert.equal(Date.parse(found.matches[0].timestamp), failed);
    assert.ok(found.notes.some((n: string) => /times of day carry no date/.test(n)), JSON.stringify(found.notes));
  });

  it('error_summary over the last hour counts the Korean-dated ERROR at its time', async () => {
    const summary = await call('error_summary', { file: 'order.log', hours: 1 });
    assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
    assert.equal(Date.parse(summary.groups[0].firstSeen), failed);
  });
});
