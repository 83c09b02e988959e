// rev27b: logs that a time seek can misread, through the built server (LOG_SEEK_MIN_BYTES lowered so that a file of a
// few MB is "large"): each answer of the seeking server must be the answer of a server that reads the file whole, or
// say plainly that it was read whole. A wrong seek is a confident wrong answer ("no errors in the last 2 h").
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { comparable } from '../../support/sought-answer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');
const iso = (t: number) => new Date(t).toISOString();

/** Logback-style lines, one per time in `times`, an error every 50th line. */
function lines(times: readonly number[], eol = '\n'): string {
  return times.map((t, i) => (i % 50 === 0 ? `${stamp(t)} ERROR [pool-${i % 4}] com.example.Orders - order ${i} failed: boom` : `${stamp(t)} INFO [pool-${i % 4}] com.example.Orders - order ${i} placed in ${i % 500} ms`)).join(eol) + eol;
}

/** `count` times evenly from `from` to `to` (epoch ms). */
const spanOf = (from: number, to: number, count: number) => Array.from({ length: count }, (_, i) => Math.round(from + ((to - from) * i) / (count - 1)));

describe('logs: time seek on hostile logs (rev27b), through the built server', function () {
  this.timeout(600_000);
  let root: string;
  let seek: StartedServer | undefined;
  let whole: StartedServer | undefined;
  // The logs end a minute ago; every one spans 48 h in about 40k lines (4 MB).
  const end = Date.now() - MINUTE;
  const start = end - 48 * HOUR;
  const N = 40_000;
  const JUMP = 0.48;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'seek-hostile-'));
    // A clock set back two hours (NTP, or DST fall-back in a local-time log) at 48% of the file: the two hours before
    // the jump are written twice over in times. (Where the search lands depends on where the jump lies: at 48% it
    // landed in the second pass over those hours, 1500 lines below the window's first.)
    const jumpAt = Math.floor(N * JUMP);
    const before = spanOf(start, start + JUMP * 48 * HOUR, jumpAt);
    const after = spanOf(before[before.length - 1] - 2 * HOUR, end, N - jumpAt);
    writeFileSync(join(root, 'clock-back.log'), lines([...before, ...after]));
    writeFileSync(join(root, 'crlf.log'), lines(spanOf(start, end, N), '\r\n'));
    writeFileSync(join(root, 'plain.log'), lines(spanOf(start, end, N)));
    // Two writers, one's clock 3 minutes behind (within the slack), one 8 minutes behind (beyond it), line by line.
    for (const [name, lag] of [['lag3.log', 3], ['lag8.log', 8]] as const) {
      writeFileSync(join(root, name), lines(spanOf(start, end, N).map((t, i) => (i % 2 === 0 ? t : t - lag * MINUTE))));
    }
    // A stack dump of 1.5 MB without a time, just after the window's first entry.
    const dumpAt = spanOf(start, end, N).findIndex((t) => t >= end - 2 * HOUR);
    const timed = lines(spanOf(start, end, N)).split('\n');
    const dump = Array.from({ length: 30_000 }, (_, i) => `\tat com.example.Deep.frame${i}(Deep.java:${i % 900})`);
    writeFileSync(join(root, 'dump.log'), [...timed.slice(0, dumpAt + 1), 'java.lang.StackOverflowError: boom', ...dump, ...timed.slice(dumpAt + 1)].join('\n'));
    // A service upgrade: the time form changes half-way (ISO with a zone from then on).
    const half = spanOf(start, end, N);
    writeFileSync(join(root, 'upgrade.log'), lines(half.slice(0, N / 2)) + half.slice(N / 2).map((t, i) => `${new Date(t).toISOString()} level=${i % 50 === 0 ? 'error' : 'info'} msg="order ${i} ${i % 50 === 0 ? 'failed: boom' : 'placed'}"`).join('\n') + '\n');
    // The same instants written in +09:00 for the second half.
    writeFileSync(join(root, 'zones.log'), half.map((t, i) => `${i < N / 2 ? new Date(t).toISOString() : new Date(t + 9 * HOUR).toISOString().replace('Z', '+09:00')} ${i % 50 === 0 ? 'ERROR' : 'INFO'} order ${i} ${i % 50 === 0 ? 'failed: boom' : 'placed'}`).join('\n') + '\n');
    // copytruncate raced: a hole of NUL bytes where the old content was, then the writer's lines at its old offset.
    writeFileSync(join(root, 'hole.log'), Buffer.concat([Buffer.alloc(2 * 1024 * 1024), Buffer.from(lines(spanOf(start, end, N)))]));
    const env = { LOG_DIRS: root, TZ: 'UTC', LOG_JOURNAL: 'off', LOG_DOCKER: 'off', RIPGREP_PATH: 'none' };
    seek = await startBuiltServer('logs', { ...env, LOG_SEEK_MIN_BYTES: String(1024 * 1024) });
    whole = await startBuiltServer('logs', env);
  });
  after(async () => {
    await seek?.close();
    await whole?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const same = async (tool: string, args: Record<string, unknown>) => {
    const a = await callStructured(seek!.client, tool, args);
    const b = await callStructured(whole!.client, tool, args);
    assert.deepEqual(comparable(a), comparable(b), `${tool} ${JSON.stringify(args)}: seek ${JSON.stringify((a.files as unknown[] | undefined)?.[0] ?? a.notes)}`);
    return a;
  };

  it('a clock set back two hours: the window\'s lines before the jump are found', async () => {
    const jumpTime = start + JUMP * 48 * HOUR;
    const since = jumpTime - 45 * MINUTE;
    const answer = await same('search_logs', { file: 'clock-back.log', pattern: 'boom', since: iso(since), limit: 500 });
    assert.ok((answer.totalMatches as number) > 0);
  });

  it('CRLF line ends', async () => {
    const sought = await same('search_logs', { file: 'crlf.log', pattern: 'boom', since: '2h', before: 2, limit: 500 });
    assert.ok((sought.files as Array<{ readFrom?: unknown }>)[0].readFrom, 'sought');
    await same('error_summary', { file: 'crlf.log', hours: 3 });
  });

  it('a window after the last line and one before the first line', async () => {
    const after = await same('search_logs', { file: 'plain.log', since: iso(end + 30 * MINUTE), limit: 5 });
    assert.equal(after.totalMatches, 0);
    const all = await same('search_logs', { file: 'plain.log', pattern: 'boom', since: iso(start - HOUR), limit: 5 });
    assert.equal(all.totalMatches, N / 50);
  });

  const SOUGHT = new Set(['lag3.log', 'upgrade.log', 'zones.log']);
  for (const file of ['lag3.log', 'lag8.log', 'dump.log', 'upgrade.log', 'zones.log', 'hole.log']) {
    it(`${file}: search_logs, error_summary and log_patterns as the whole read`, async () => {
      const since = iso(end - 2 * HOUR + 1234);
      const sought = await same('search_logs', { file, pattern: 'boom', since, before: 1, limit: 500 });
      // Sought where the order holds within the slack and every line has a time; else read whole, and said so.
      const readFrom = (sought.files as Array<{ readFrom?: unknown }>)[0].readFrom;
      assert.equal(readFrom !== undefined, SOUGHT.has(file), `${file}: ${JSON.stringify(readFrom)}`);
      if (!readFrom) assert.ok(sought.notes.some((note) => note.startsWith(`${file}: read whole for the window`)), JSON.stringify(sought.notes));
      await same('search_logs', { file, since, limit: 20, order: 'oldest' });
      await same('error_summary', { file, hours: 2 });
      await same('log_patterns', { file, since, lineNumbers: true });
    });
  }
});
