// A Go program logging with the standard `log` package writes `2026/12/02 10:21:37 message` (a time, no level: the
// 'unknown' layout), and when it crashes, the runtime's `panic: …` with no time (the report as users paste it in
// https://github.com/g0ldencybersec/gungnir/issues/1). The panic had a level and no time, so "errors in the last
// hour" left it out ("1 error entries without a readable timestamp were not counted"): the crash of ten minutes ago,
// the one error the user asked about. It takes its time from the line above, as in every layout with headers (break25).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithEachEngine } from '../../support/log-engines';
import { callStructured, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY/MM/DD HH:MM:SS` of `ms` in this process's zone (the server's: both run on this machine), as Go's log writes it. */
function goTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

const PANIC = [
  'panic: runtime error: invalid memory address or nil pointer dereference',
  '[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x7c6bfc]',
  '',
  'goroutine 758 [running]:',
  'main.scanLog({0x944710, 0xc53ce0}, {0xc0000ac1a0, 0x1c}, 0xd952e6c0e0891067?, 0xe1acea4db374cd93?)',
  '        /root/go/pkg/mod/github.com/g0ldencybersec/gungnir@v1.0.2/gungnir/main.go:233 +0x8dc',
  'created by main.main in goroutine 1',
  '        /root/go/pkg/mod/github.com/g0ldencybersec/gungnir@v1.0.2/gungnir/main.go:277 +0x1d0',
];

describe('logs: a runtime crash without a time after timed lines without levels (Go\'s log package)', function () {
  this.timeout(60_000);
  let dir: string;
  let fetched: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-untimed-crash-'));
    const now = Date.now();
    fetched = Math.floor((now - 10 * 60_000) / 1000) * 1000;
    writeFileSync(join(dir, 'scanner.log'), [`${goTime(now - 40 * 60_000)} starting scanner with 4 workers`, `${goTime(fetched)} fetched 1200 entries`, ...PANIC, ''].join('\n'));
    // The neighbour: Python's default layout writes levels and no times at all; a window still cannot place its errors.
    writeFileSync(join(dir, 'job.log'), ['INFO:root:job 3 started', 'ERROR:root:job 3 failed: disk full', ''].join('\n'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('error_summary over the last hour counts the panic, at the time of the line above it', async () => {
      const summary = await call(server(), 'error_summary', { file: 'scanner.log', hours: 1 });
      assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
      assert.equal(summary.groups[0].levels[0], 'FATAL');
      assert.equal(Date.parse(summary.groups[0].firstSeen), fetched);
    });

    it('search_logs finds it in the window, with a pattern and with a level alone', async () => {
      for (const args of [{ pattern: 'nil pointer' }, { level: 'ERROR' }]) {
        const found = await call(server(), 'search_logs', { file: 'scanner.log', since: '1 hour ago', ...args });
        assert.deepEqual(
          found.matches.map((m: Data) => [m.line, m.level, Date.parse(m.timestamp)]),
          [[3, 'FATAL', fetched]],
          JSON.stringify(found),
        );
      }
      // A window that ends before the line above it leaves it out.
      const before = await call(server(), 'search_logs', { file: 'scanner.log', pattern: 'nil pointer', until: '20 minutes ago' });
      assert.equal(before.totalMatches, 0);
    });

    it('a file with levels and no times at all: its error is still said to be untimed, not placed in the window', async () => {
      const summary = await call(server(), 'error_summary', { file: 'job.log', hours: 1 });
      assert.equal(summary.totalErrors, 0);
      assert.ok(summary.notes.some((n: string) => n.includes('without a readable timestamp')), JSON.stringify(summary.notes));
      const whole = await call(server(), 'error_summary', { file: 'job.log', wholeFile: true });
      assert.equal(whole.totalErrors, 1);
    });
  });
});
