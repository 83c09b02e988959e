// rev27b: logs that a time seek can misread, through the built server (LOG_SEEK_MIN_BYTES lowered so that a file of a
// few MB is "large"): each answer of the seeking server must be the answer of a server that reads the file whole, or
// say plainly that it was read whole. A wrong seek is a confident wrong answer ("no errors in the last 2 h").
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

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

function comparable(answer: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify(answer, (key, value: unknown) => {
      if (['engine', 'readFrom', 'elapsedMs', 'window'].includes(key)) return undefined;
      if (key === 'notes' && Array.isArray(value)) {
        const kept = value.filter((note: string) => !/ read from line | read whole for the window/.test(note));
        return kept.length > 0 ? kept : undefined;
      }
      return value;
    }),
  );
}

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
    await same('search_logs', { file: 'crlf.log', pattern: 'boom', since: '2h', before: 2, limit: 500 });
    await same('error_summary', { file: 'crlf.log', hours: 3 });
  });

  it('a window after the last line and one before the first line', async () => {
    const after = await same('search_logs', { file: 'plain.log', since: iso(end + 30 * MINUTE), limit: 5 });
    assert.equal(after.totalMatches, 0);
    const all = await same('search_logs', { file: 'plain.log', pattern: 'boom', since: iso(start - HOUR), limit: 5 });
    assert.equal(all.totalMatches, N / 50);
  });
});
