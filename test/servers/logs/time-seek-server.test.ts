// Through the built logs server and a real MCP client: a large time-ordered log asked about its last 2 hours is sought
// in (LOG_SEEK_MIN_BYTES lowered so that a file of about 25 MB is "large"), and search_logs, error_summary and
// log_patterns answer exactly as a server that reads it whole, with ripgrep or with the Node engine: the same matches,
// line numbers, context, counts and templates. A file whose order breaks (an older run appended at its end) is read
// whole by the seeking server too.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { comparable } from '../../support/sought-answer';

const HOUR = 3_600_000;
const LINES = 240_000;
/** The log spans 10 hours up to a minute ago; no line lies within GAP of the 2 h window's edge (the servers are asked a few ms apart). */
const SPAN = 10 * HOUR;
const GAP = 5 * 60_000;
const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');

/** Lines of a logback-style log ending at `end` (epoch ms), an error with its stack every 97 lines. */
function writeLog(path: string, end: number, lines: number): void {
  const step = SPAN / lines;
  const edge = end - 2 * HOUR;
  writeFileSync(path, '');
  let chunk: string[] = [];
  for (let i = 0; i < lines; i++) {
    let t = Math.round(end - SPAN + i * step);
    if (Math.abs(t - edge) < GAP) t = t < edge ? edge - GAP : edge + GAP;
    if (i % 97 === 0) {
      chunk.push(`${stamp(t)} ERROR [pool-${i % 4}] com.example.Orders - order ${i} failed: boom (code ${i % 7})`, 'java.lang.IllegalStateException: boom', '\tat com.example.Orders.place(Orders.java:42)');
    } else chunk.push(`${stamp(t)} INFO [pool-${i % 4}] com.example.Orders - order ${i} placed in ${i % 500} ms`);
    if (chunk.length >= 10_000) {
      appendFileSync(path, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) appendFileSync(path, `${chunk.join('\n')}\n`);
}

describe('logs: a since window on a large time-ordered file, sought in through the built server', function () {
  this.timeout(600_000);
  let root: string;
  const servers: Record<'seek' | 'ripgrep' | 'node', StartedServer | undefined> = { seek: undefined, ripgrep: undefined, node: undefined };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'seek-server-'));
    const end = Date.now() - 60_000;
    writeLog(join(root, 'orders.log'), end, LINES);
    // The same log with an older run appended at its end: its order cannot be trusted.
    writeLog(join(root, 'mixed.log'), end, LINES / 4);
    appendFileSync(join(root, 'mixed.log'), `${stamp(end - 3 * HOUR)} ERROR [main] com.example.Orders - replayed order failed: boom\n`);
    const env = { LOG_DIRS: root, TZ: 'UTC', LOG_JOURNAL: 'off', LOG_DOCKER: 'off' };
    servers.seek = await startBuiltServer('logs', { ...env, LOG_SEEK_MIN_BYTES: String(1024 * 1024) });
    servers.ripgrep = await startBuiltServer('logs', env);
    servers.node = await startBuiltServer('logs', { ...env, RIPGREP_PATH: 'none' });
  });
  after(async () => {
    for (const server of Object.values(servers)) await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const ask = async (tool: string, args: Record<string, unknown>) => {
    const seek = await callStructured(servers.seek!.client, tool, args);
    const ripgrep = await callStructured(servers.ripgrep!.client, tool, args);
    const node = await callStructured(servers.node!.client, tool, args);
    return { seek, ripgrep, node };
  };

  it('search_logs: the same matches, line numbers, context and totals as both engines reading it whole', async () => {
    for (const args of [
      { file: 'orders.log', pattern: 'boom', since: '2h', before: 2, after: 1, limit: 30 },
      { file: 'orders.log', level: 'ERROR', since: '2h', order: 'oldest', limit: 10 },
      { file: 'orders.log', pattern: 'order \\d+ placed in 49\\d ms', regex: true, since: '2h', limit: 500 },
      { file: 'orders.log', since: '2h', limit: 5 },
    ]) {
      const { seek, ripgrep, node } = await ask('search_logs', args);
      const files = seek.files as Array<{ readFrom?: { line: number; byte: number }; engine: string }>;
      assert.ok(files[0].readFrom && files[0].readFrom.line > LINES / 2, `${JSON.stringify(args)}: not sought: ${JSON.stringify(files[0])}`);
      assert.equal(files[0].engine, 'node');
      assert.ok((seek.totalMatches as number) > 0, JSON.stringify(args));
      assert.deepEqual(comparable(seek), comparable(node), JSON.stringify(args));
      assert.deepEqual(comparable(seek), comparable(ripgrep), JSON.stringify(args));
    }
    // The full reads were what they say: ripgrep where it can take the pattern.
    const { ripgrep } = await ask('search_logs', { file: 'orders.log', pattern: 'boom', since: '2h' });
    assert.equal((ripgrep.files as Array<{ engine: string }>)[0].engine, 'ripgrep');
  });

  it('error_summary: the same groups, counts and examples', async () => {
    const { seek, ripgrep, node } = await ask('error_summary', { file: 'orders.log', hours: 2 });
    assert.ok((seek.files as Array<{ readFrom?: unknown }>)[0].readFrom, JSON.stringify(seek.files));
    assert.ok((seek.totalErrors as number) > 100);
    assert.deepEqual(comparable(seek), comparable(node));
    assert.deepEqual(comparable(seek), comparable(ripgrep));
  });

  it('log_patterns: the same templates, counts and line numbers, saying where it read from', async () => {
    const { seek, node } = await ask('log_patterns', { file: 'orders.log', since: '2h', lineNumbers: true });
    assert.ok(seek.notes.some((note) => / read from line /.test(note)), JSON.stringify(seek.notes));
    assert.equal(seek.linesRead, node.linesRead);
    assert.ok((seek.linesMatched as number) > LINES / 10);
    assert.deepEqual(comparable(seek), comparable(node));
  });

  it('reads a file whose order breaks whole, and finds the line out of order', async () => {
    const { seek, node } = await ask('search_logs', { file: 'mixed.log', pattern: 'boom', since: '4h', limit: 500 });
    assert.equal((seek.files as Array<{ readFrom?: unknown }>)[0].readFrom, undefined);
    assert.ok(seek.notes.some((note) => note.startsWith('mixed.log: read whole for the window, not sought in (out of order)')), JSON.stringify(seek.notes));
    assert.ok((seek.matches as Array<{ text: string }>).some((m) => m.text.includes('replayed order failed')));
    assert.deepEqual(comparable(seek), comparable(node));
  });
});
