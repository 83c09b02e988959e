// The logs MCP server, built, over stdio: every tool and resource on a fixture directory in every format.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { clockTicksPerSecond, ticksToMs } from '../../../servers/system/processes/procfs';
import { hasRipgrep, SEARCH_ENGINES } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { createLogFixture, type LogFixture } from '../../support/log-fixtures';
import { childPids, commandName, isAlive } from '../../support/processes';
import { waitUntil } from '../../support/wait';

interface Match {
  file: string;
  line: number;
  text: string;
  level?: string;
  timestamp?: string;
  before?: string[];
  after?: string[];
}
interface SearchOut {
  matches: Match[];
  returned: number;
  totalMatches: number;
  truncated: boolean;
  files: { file: string; engine: string; matches: number; complete: boolean; format?: string }[];
  notes: string[];
}

function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ticksToMs(Number(fields[11]) + Number(fields[12]), clockTicksPerSecond());
  } catch {
    return 0;
  }
}

/** CPU milliseconds the server's child processes use during `ms` (Linux; 0 elsewhere). */
async function cpuOfChildren(pid: number, ms: number): Promise<number> {
  const before = new Map(childPids(pid).map((c) => [c, cpuMs(c)]));
  await new Promise((r) => setTimeout(r, ms));
  let used = 0;
  for (const [child, start] of before) used += Math.max(0, cpuMs(child) - start);
  return used;
}

async function call<T>(server: StartedServer, name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  const text = (result.content[0] as { text: string }).text;
  assert.deepEqual(JSON.parse(text), result.structuredContent, 'JSON text equals structuredContent');
  return result.structuredContent as T;
}

describe('logs server (built, over MCP)', function () {
  let fixture: LogFixture;
  let server: StartedServer;

  before(async function () {
    fixture = createLogFixture();
    server = await startBuiltServer('logs', { LOG_DIRS: fixture.logs });
  });
  after(async function () {
    await server?.close();
    if (fixture) rmSync(fixture.root, { recursive: true, force: true });
  });

  it('lists four read-only tools with output schemas and annotations', async function () {
    const { tools } = await server.client.listTools();
    const names = tools.map((t) => t.name).sort();
    assert.deepEqual(names, ['error_summary', 'log_patterns', 'recent_logs', 'search_logs']);
    for (const tool of tools) {
      assert.ok(tool.title, `${tool.name} has a title`);
      assert.ok(tool.outputSchema, `${tool.name} has an output schema`);
      assert.equal(tool.annotations?.readOnlyHint, true);
      assert.equal(tool.annotations?.openWorldHint, false);
      assert.equal(tool.annotations?.idempotentHint, true);
    }
  });

  it('logs://files lists regular log files with size, time and format, and nothing unsafe', async function () {
    const res = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse((res.contents[0] as { text: string }).text) as { files: { name: string; size: number; modified: string; format: string; relativePath: string; dir: string }[] };
    const names = body.files.map((f) => f.name);
    for (const expected of ['app.log', 'app.log.1', 'app.log.2.gz', 'service.jsonl', 'syslog', 'access.log', 'sub/nested.log']) assert.ok(names.includes(expected), `${expected} listed`);
    for (const refused of ['pipe.log', 'link-out.log', 'sibling-link.log', 'zero.log', 'inside-link.log']) assert.ok(!names.includes(refused), `${refused} not listed`);
    const app = body.files.find((f) => f.name === 'app.log')!;
    assert.ok(app.size > 100);
    assert.ok(!Number.isNaN(Date.parse(app.modified)));
    assert.equal(app.dir, fixture.logs);
    assert.equal(body.files.find((f) => f.name === 'service.jsonl')!.format, 'json');
    assert.equal(body.files.find((f) => f.name === 'logfmt.log')!.format, 'logfmt');
  });

  it('logs://file/{path} returns the tail and completes file names', async function () {
    const res = await server.client.readResource({ uri: 'logs://file/app.log' });
    const text = (res.contents[0] as { text: string }).text;
    assert.match(text, /heartbeat ok$/);
    assert.match(text.split('\n')[0], /service started/);
    const nested = await server.client.readResource({ uri: `logs://file/${encodeURIComponent('sub/nested.log')}` });
    assert.match((nested.contents[0] as { text: string }).text, /nested entry/);
    const linked = await server.client.readResource({ uri: 'logs://file/inside-link.log' });
    assert.match((linked.contents[0] as { text: string }).text, /heartbeat ok$/, 'a link inside the directory can be read by name');
    const gz = await server.client.readResource({ uri: 'logs://file/app.log.2.gz' });
    assert.match((gz.contents[0] as { text: string }).text, /gz first line[\s\S]*gz last line/);
    const completion = await server.client.complete({ ref: { type: 'ref/resource', uri: 'logs://file/{path}' }, argument: { name: 'path', value: 'app' } });
    assert.deepEqual(completion.completion.values.filter((v) => v.startsWith('app')).sort(), ['app.log', 'app.log.1', 'app.log.2.gz']);
    const none = await server.client.complete({ ref: { type: 'ref/resource', uri: 'logs://file/{path}' }, argument: { name: 'path', value: 'zzz' } });
    assert.deepEqual(none.completion.values, []);
  });

  for (const engine of SEARCH_ENGINES) {
    describe(`search_logs with the ${engine.name} engine`, function () {
      let s: StartedServer;
      before(async function () {
        if (!engine.available()) this.skip();
        s = await startBuiltServer('logs', { LOG_DIRS: fixture.logs, ...engine.env });
      });
      after(async function () {
        await s?.close();
      });
      const search = (args: Record<string, unknown>) => call<SearchOut>(s, 'search_logs', args);

      it('finds a literal in one file, newest first, with line numbers and parsed level/time', async function () {
        const out = await search({ pattern: 'timeout after', file: 'app.log' });
        assert.equal(out.files[0].engine, engine.name);
        assert.deepEqual(out.matches.map((m) => m.line), [8, 6, 3]);
        assert.equal(out.totalMatches, 3);
        assert.equal(out.truncated, false);
        assert.ok(out.matches.every((m) => m.level === 'ERROR' && m.timestamp));
        assert.ok(Date.parse(out.matches[0].timestamp!) > Date.parse(out.matches[2].timestamp!));
      });

      it('orders oldest first, limits and flags truncation', async function () {
        const out = await search({ pattern: 'timeout after', file: 'app.log', order: 'oldest', limit: 2 });
        assert.deepEqual(out.matches.map((m) => m.line), [3, 6]);
        assert.equal(out.truncated, true);
      });

      it('searches every file, including rotated and gzipped ones', async function () {
        const out = await search({ pattern: 'gzipped failure' });
        assert.equal(out.matches.length, 1);
        assert.equal(out.matches[0].file, 'app.log.2.gz');
        assert.equal(out.matches[0].line, 2);
        const rotated = await search({ pattern: 'disk full' });
        assert.equal(rotated.matches[0].file, 'app.log.1');
      });

      it('takes regexes, case sensitivity and context lines', async function () {
        const re = await search({ pattern: 'timeout after \\d+s on db-[12]', regex: true, file: 'app.log', order: 'oldest' });
        assert.deepEqual(re.matches.map((m) => m.line), [3, 6]);
        const insensitive = await search({ pattern: 'REQUEST-id', file: 'app.log' });
        assert.equal(insensitive.matches.length, 1);
        const sensitive = await search({ pattern: 'REQUEST-id', file: 'app.log', caseSensitive: true });
        assert.equal(sensitive.matches.length, 0);
        const ctx = await search({ pattern: 'pool exhausted', file: 'app.log', before: 1, after: 2 });
        assert.deepEqual(ctx.matches[0].before, [ctx.matches[0].before![0]]);
        assert.match(ctx.matches[0].before![0], /timeout after 31s/);
        assert.equal(ctx.matches[0].after!.length, 2);
        assert.match(ctx.matches[0].after![0], /Pool\.java:42/);
        // A continuation line takes the level and time of its entry.
        assert.equal(ctx.matches[0].level, 'ERROR');
        // JavaScript syntax ripgrep refuses (\cJ, {,3}) is searched by the Node scanner instead, with the same answer.
        const refused = await search({ pattern: 'timeout after \\d{1,3}s on db-[12]\\cJ?', regex: true, file: 'app.log', order: 'oldest' });
        assert.deepEqual(refused.matches.map((m) => m.line), [3, 6]);
        assert.equal(refused.files[0].engine, 'node');
      });

      it('filters by minimum level in every format', async function () {
        const expectations: [string, RegExp][] = [
          ['app.log', /timeout|out of memory|IllegalState|Pool\.java/],
          ['java.log', /connection refused/],
          ['android.log', /FATAL EXCEPTION/],
          ['logfmt.log', /upstream failed/],
          ['service.jsonl', /payment declined/],
          ['apache-error.log', /Symbolic link not allowed/],
          ['windows.log', /crlf job done/],
        ];
        for (const [file, expected] of expectations) {
          const out = await search({ file, level: 'ERROR', limit: 100 });
          assert.ok(out.matches.length > 0, `${file}: some ERROR lines`);
          for (const m of out.matches) {
            assert.ok(m.level === 'ERROR' || m.level === 'FATAL', `${file}: ${m.text} is ${m.level}`);
            assert.match(m.text, expected, `${file}: ${m.text}`);
          }
        }
        const warn = await search({ file: 'service.jsonl', level: 'WARN', order: 'oldest' });
        assert.deepEqual(warn.matches.map((m) => m.level), ['WARN', 'ERROR']);
        const fatal = await search({ file: 'app.log', level: 'FATAL' });
        assert.deepEqual(fatal.matches.map((m) => m.text.includes('out of memory')), [true]);
      });

      it('filters by time window (ISO and relative)', async function () {
        const since = new Date(fixture.now - 25 * 60_000).toISOString();
        const until = new Date(fixture.now - 12 * 60_000).toISOString();
        const out = await search({ pattern: 'timeout', file: 'app.log', since, until });
        assert.deepEqual(out.matches.map((m) => m.line), [6]);
        const recent = await search({ pattern: 'error', file: 'syslog', since: '25m' });
        assert.equal(recent.matches.length, 1);
        assert.match(recent.matches[0].text, /Failed password/);
        const access = await search({ pattern: 'POST', file: 'access.log', since: '25m' });
        assert.equal(access.matches.length, 1);
        const none = await search({ pattern: 'POST', file: 'access.log', since: '5m' });
        assert.equal(none.matches.length, 0);
      });

      it('reads CRLF, invalid UTF-8 and a 2 MB line', async function () {
        const crlf = await search({ pattern: 'job done$', regex: true, file: 'windows.log' });
        assert.equal(crlf.matches.length, 1);
        assert.ok(!crlf.matches[0].text.includes('\r'));
        const bad = await search({ pattern: 'marker-utf8', file: 'binary.log' });
        assert.equal(bad.matches.length, 1);
        assert.ok(bad.matches[0].text.includes('\ufffd'));
        const afterBig = await search({ pattern: 'after-big', file: 'big.log' });
        assert.deepEqual(afterBig.matches.map((m) => m.line), [2]);
        const inBig = await search({ pattern: 'needle-in-big', file: 'big.log' });
        assert.equal(inBig.matches.length, 1);
        assert.ok(inBig.matches[0].text.length < 1200, 'long line capped');
        assert.match(inBig.matches[0].text, /chars cut/);
      });

      it('strips ANSI escapes and control characters from returned lines', async function () {
        const out = await search({ pattern: 'red alert', file: 'ansi.log' });
        assert.equal(out.matches.length, 1);
        assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(out.matches[0].text));
        assert.match(out.matches[0].text, /red alert/);
      });
    });
  }

  it('recent_logs returns the last lines in order, with a level filter and on gzip', async function () {
    const out = await call<{ lines: { text: string; level?: string }[]; truncated: boolean; file: string }>(server, 'recent_logs', { file: 'app.log', lines: 3 });
    assert.deepEqual(
      out.lines.map((l) => l.text.replace(/^\S+ /, '')),
      ['[ERROR] timeout after 45s on db-3 (request 99aa00ff)', '[FATAL] out of memory in worker 7', '[INFO] heartbeat ok'],
    );
    assert.equal(out.truncated, true);
    const errors = await call<{ lines: { text: string; level?: string }[]; notes: string[] }>(server, 'recent_logs', { file: 'app.log', lines: 4, level: 'ERROR' });
    // The fourth line asked is a stack's last: its entry is kept whole, from its header (not cut to `at …Pool.java`).
    assert.equal(errors.lines.length, 6);
    assert.match(errors.lines[0].text, /\[ERROR\] timeout after 31s/);
    assert.match(errors.lines[2].text, /Pool\.java/);
    assert.ok(errors.notes.some((n) => /^6 lines for the 4 asked: the oldest entry shown is kept whole/.test(n)), JSON.stringify(errors.notes));
    assert.ok(errors.lines.every((l) => l.level === 'ERROR' || l.level === 'FATAL'));
    const gz = await call<{ lines: { text: string }[] }>(server, 'recent_logs', { file: 'app.log.2.gz', lines: 2 });
    assert.deepEqual(gz.lines.map((l) => l.text.replace(/^\S+ /, '')), ['[ERROR] gzipped failure code 17', '[INFO] gz last line']);
    const all = await call<{ lines: unknown[]; truncated: boolean }>(server, 'recent_logs', { file: 'java.log', lines: 100 });
    assert.equal(all.lines.length, 3);
    assert.equal(all.truncated, false);
    const crlf = await call<{ lines: { text: string }[] }>(server, 'recent_logs', { file: 'windows.log', lines: 1 });
    assert.match(crlf.lines[0].text, /crlf end$/);
  });

  interface SummaryOut {
    totalErrors: number;
    groups: { template: string; count: number; levels: string[]; firstSeen?: string; lastSeen?: string; files: string[]; messages: { message: string; count: number }[]; examples: { file: string; line: number; text: string }[] }[];
    files: { file: string; errors: number; newestEntry?: string; note?: string }[];
    notes: string[];
  }

  it('error_summary groups errors with variable parts masked, with counts, times and examples', async function () {
    const out = await call<SummaryOut>(server, 'error_summary', { file: 'app.log', hours: 2 });
    assert.equal(out.totalErrors, 4);
    const timeout = out.groups.find((g) => g.template.includes('timeout after'))!;
    assert.ok(timeout, JSON.stringify(out.groups));
    assert.equal(timeout.count, 3);
    assert.equal(out.groups[0], timeout, 'largest group first');
    assert.ok(Date.parse(timeout.firstSeen!) < Date.parse(timeout.lastSeen!));
    assert.equal(timeout.examples.length, 3);
    assert.equal(timeout.examples[0].line, 3);
    assert.equal(timeout.messages.length, 1, 'numbers, db names and hex request ids masked into one message');
    assert.ok(out.groups.some((g) => g.levels.includes('FATAL')));
  });

  it('error_summary over all files counts only the window and notes old files', async function () {
    const out = await call<SummaryOut>(server, 'error_summary', { hours: 1 });
    const files = new Map(out.files.map((f) => [f.file, f]));
    assert.equal(files.get('app.log')!.errors, 4);
    assert.equal(files.get('app.log.1')!.errors, 0, 'rotated file entries are older than an hour');
    assert.match(files.get('old.log')!.note!, /older than the 1 h window/);
    assert.ok(files.get('service.jsonl')!.errors >= 1);
    assert.ok(files.get('logfmt.log')!.errors >= 1);
    assert.ok(files.get('android.log')!.errors >= 1, 'logcat E lines counted (letter levels)');
    assert.ok(!out.groups.some((g) => g.examples.some((e) => /SECRET/.test(e.text))));
    const wide = await call<SummaryOut>(server, 'error_summary', { hours: 24 * 5 });
    assert.ok(wide.groups.some((g) => g.files.includes('old.log')));
    assert.ok(wide.groups.some((g) => g.files.includes('app.log.2.gz')));
  });

  it('error_summary gives the same groups with ripgrep and with the pure-Node scan process', async function () {
    if (!hasRipgrep()) this.skip();
    const rg = await startBuiltServer('logs', { LOG_DIRS: fixture.logs });
    const node = await startBuiltServer('logs', { LOG_DIRS: fixture.logs, RIPGREP_PATH: 'none' });
    try {
      for (const args of [{ hours: 24 * 5 }, { file: 'app.log', hours: 2 }, { hours: 24 * 5, level: 'FATAL' }]) {
        const [a, b] = await Promise.all([call<SummaryOut>(rg, 'error_summary', args), call<SummaryOut>(node, 'error_summary', args)]);
        assert.ok(a.totalErrors > 0, JSON.stringify(args));
        assert.equal(b.totalErrors, a.totalErrors, JSON.stringify(args));
        assert.deepEqual(b.groups, a.groups, JSON.stringify(args));
        assert.deepEqual(b.files, a.files, JSON.stringify(args));
      }
    } finally {
      await Promise.all([rg.close(), node.close()]);
    }
  });

  it('log_patterns is wired to the same safe file access', async function () {
    const out = await call<{ templates: { template: string; count: number }[] }>(server, 'log_patterns', { file: 'app.log' });
    assert.ok(out.templates.some((t) => t.template.includes('timeout after') && t.count === 3));
    const refused = (await server.client.callTool({ name: 'log_patterns', arguments: { file: 'link-out.log' } })) as CallToolResult;
    assert.equal(refused.isError, true);
  });

  describe('long operations', function () {
    // Scans of a 400,000-line log: CPU-bound, 10-18 s each under load (the suite's default is 30 s).
    this.timeout(120_000);
    let dir: string;
    let size: number;
    before(function () {
      dir = mkdtempSync(join(tmpdir(), 'logs-long-'));
      const start = Date.now() - 3_600_000;
      const lines: string[] = [];
      for (let i = 0; i < 400_000; i++) {
        const level = i % 97 === 0 ? 'ERROR' : 'INFO';
        lines.push(`${new Date(start + i * 5).toISOString()} ${level} worker ${i % 13} handled request ${i} in ${i % 500}ms ${level === 'ERROR' ? 'timeout after 30s' : ''}`);
      }
      const text = lines.join('\n') + '\n';
      writeFileSync(join(dir, 'big.log'), text);
      size = Buffer.byteLength(text);
    });
    after(function () {
      rmSync(dir, { recursive: true, force: true });
    });

    for (const engine of SEARCH_ENGINES) {
      it(`reports progress when asked (${engine.name})`, async function () {
        if (!engine.available()) this.skip();
        const s = await startBuiltServer('logs', { LOG_DIRS: dir, ...engine.env });
        try {
          const events: { progress: number; total?: number }[] = [];
          const result = (await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'handled request', file: 'big.log' } }, undefined, { onprogress: (p) => events.push(p) })) as CallToolResult;
          assert.ok(!result.isError);
          assert.equal((result.structuredContent as unknown as SearchOut).totalMatches, 400_000);
          assert.ok(events.length >= 1, 'at least one progress notification');
          for (let i = 1; i < events.length; i++) assert.ok(events[i].progress >= events[i - 1].progress, 'progress never goes back');
          assert.ok(events.every((e) => e.progress <= size));
        } finally {
          await s.close();
        }
      });
    }

    it('runs ripgrep in the scan process, and a cancelled search leaves no ripgrep running', async function () {
      if (!hasRipgrep()) this.skip();
      const s = await startBuiltServer('logs', { LOG_DIRS: dir });
      // ripgrep is given the file the scan process opened, /proc/<scan pid>/fd/<fd> (break30), or its path elsewhere.
      // Every scan process seen is remembered: a ripgrep its scan process left behind still names it.
      const scans = new Set<number>();
      const ripgrepsOnDir = () => {
        for (const pid of childPids(s.transport.pid!)) scans.add(pid);
        return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
          .split('\n')
          .filter((line) => /\brg\b/.test(line) && (line.includes(dir) || [...scans].some((pid) => line.includes(`/proc/${pid}/fd/`))));
      };
      try {
        const controller = new AbortController();
        // Every line matches and is parsed for its level: ripgrep's output takes a while to go through.
        const pending = s.client.callTool({ name: 'search_logs', arguments: { pattern: 'handled request', level: 'ERROR', file: 'big.log' } }, undefined, { signal: controller.signal });
        let settled = false;
        pending.then(() => (settled = true), () => (settled = true));
        // Seen once it runs, or nothing if the search ended first (the assertion below then says so).
        const running = await waitUntil('ripgrep to start', () => {
          const seen = ripgrepsOnDir();
          return seen.length > 0 || settled ? seen : undefined;
        }, { intervalMs: 10 });
        assert.equal(running.length, 1, 'ripgrep started');
        const [, parent] = running[0].trim().split(/\s+/).map(Number);
        assert.ok(childPids(s.transport.pid!).includes(parent), 'ripgrep is a child of the scan process, not of the server');
        controller.abort();
        await assert.rejects(pending);
        await waitUntil('ripgrep to exit', () => ripgrepsOnDir().length === 0, { timeoutMs: 5000 }).catch(() => undefined);
        assert.deepEqual(ripgrepsOnDir(), [], 'no ripgrep left after cancellation');
        const after = (await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'timeout after', file: 'big.log', limit: 3 } })) as CallToolResult;
        assert.equal((after.structuredContent as unknown as SearchOut).files[0].engine, 'ripgrep');
        assert.equal((after.structuredContent as unknown as SearchOut).returned, 3);
      } finally {
        await s.close();
      }
    });

    // A server killed outright (SIGKILL from a client that only knows its pid) cannot stop its scans: the scan process
    // sees its channel close and exits, and its ripgrep went on alone until it ended or next wrote (the search below
    // holds it with SIGSTOP, so it can end neither way: only being killed ends it).
    it("a server killed outright takes its scan process's ripgrep with it", async function () {
      if (!hasRipgrep() || process.platform !== 'linux') this.skip();
      const s = await startBuiltServer('logs', { LOG_DIRS: dir });
      const server = s.transport.pid!;
      let ripgrep: number | undefined;
      try {
        const pending = s.client.callTool({ name: 'search_logs', arguments: { pattern: 'handled request', level: 'ERROR', file: 'big.log' } });
        let settled = false;
        pending.then(() => (settled = true), () => (settled = true));
        const found = await waitUntil('ripgrep to start', () => {
          const rg = childPids(server).flatMap(childPids).find((pid) => commandName(pid) === 'rg');
          return rg ?? (settled ? -1 : undefined);
        }, { intervalMs: 10 });
        assert.ok(found > 0, 'ripgrep started (the search ended before it was seen)');
        ripgrep = found;
        process.kill(ripgrep, 'SIGSTOP');
        process.kill(server, 'SIGKILL');
        await waitUntil(`ripgrep (pid ${ripgrep}) to end with its server`, () => !isAlive(found), { timeoutMs: 10_000 });
      } finally {
        if (ripgrep !== undefined && isAlive(ripgrep)) process.kill(ripgrep, 'SIGKILL');
        await s.close();
      }
    });

    it('honours cancellation and keeps serving', async function () {
      const s = await startBuiltServer('logs', { LOG_DIRS: dir, RIPGREP_PATH: 'none' });
      try {
        const controller = new AbortController();
        const started = Date.now();
        const pending = s.client.callTool({ name: 'error_summary', arguments: { file: 'big.log', hours: 48 } }, undefined, { signal: controller.signal });
        // Every line is parsed (a level filter without a pattern): long enough to be cancelled part way.
        const scan = s.client.callTool({ name: 'search_logs', arguments: { file: 'big.log', level: 'ERROR', limit: 5 } }, undefined, { signal: controller.signal });
        setTimeout(() => controller.abort(), 150);
        await assert.rejects(scan);
        await pending.catch(() => undefined);
        assert.ok(Date.now() - started < 5000, 'cancelled promptly');
        // The cancelled scan's process is gone or idle: no CPU burnt after cancellation.
        await new Promise((r) => setTimeout(r, 300));
        const busy = await cpuOfChildren(s.transport.pid!, 500);
        assert.ok(busy < 100, `scan processes used ${busy} ms of CPU after cancellation`);
        const after = (await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'timeout after', file: 'big.log', limit: 3 } })) as CallToolResult;
        assert.ok(!after.isError);
        assert.equal((after.structuredContent as unknown as SearchOut).returned, 3);
      } finally {
        await s.close();
      }
    });
  });
});
