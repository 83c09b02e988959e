// Hostile input to the built logs server: paths that leave the log directory, FIFOs, devices, catastrophic
// regexes, bad parameters. Each must be refused quickly with a usable message, and the server must stay up.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { createLogFixture, type LogFixture } from '../../support/log-fixtures';

function snapshot(dir: string): string {
  const entries: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const s = statSync(full, { throwIfNoEntry: false });
      entries.push(`${full}:${s ? `${s.size}:${s.mtimeMs}` : 'dangling'}`);
      if (s?.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return entries.join('\n');
}

async function expectRefusal(server: StartedServer, name: string, args: Record<string, unknown>, message: RegExp, withinMs = 5000): Promise<string> {
  const started = Date.now();
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  const elapsed = Date.now() - started;
  assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} should be refused, got ${JSON.stringify(result.structuredContent ?? result.content).slice(0, 300)}`);
  const text = (result.content[0] as { text: string }).text;
  assert.match(text, message);
  assert.doesNotMatch(text, /\n\s+at /, 'no stack trace');
  assert.ok(elapsed < withinMs, `${name} answered in ${elapsed} ms`);
  return text;
}

const engines: { name: string; env: Record<string, string> }[] = [
  { name: 'ripgrep on PATH (if any)', env: {} },
  { name: 'pure Node', env: { RIPGREP_PATH: 'none' } },
];
for (const engine of engines) {
  describe(`logs server hostile input (${engine.name})`, function () {
    let fixture: LogFixture;
    let server: StartedServer;
    let initial: string;

    before(async function () {
      fixture = createLogFixture();
      initial = snapshot(fixture.root);
      server = await startBuiltServer('logs', { LOG_DIRS: fixture.logs, ...engine.env });
    });
    after(async function () {
      await server?.close();
      if (fixture) rmSync(fixture.root, { recursive: true, force: true });
    });

    it('refuses .., absolute paths, symlinks out and sibling-prefix directories in every tool', async function () {
      for (const tool of ['search_logs', 'recent_logs', 'error_summary', 'log_patterns']) {
        const base = tool === 'search_logs' ? { pattern: 'SECRET' } : {};
        await expectRefusal(server, tool, { ...base, file: '../logs-evil/secret.log' }, /\.\.|no such log file/);
        await expectRefusal(server, tool, { ...base, file: join(fixture.sibling, 'secret.log') }, /absolute|no such log file/);
        await expectRefusal(server, tool, { ...base, file: '/etc/passwd' }, /absolute|no such log file/);
        await expectRefusal(server, tool, { ...base, file: 'link-out.log' }, /outside the log directories/);
        await expectRefusal(server, tool, { ...base, file: 'sibling-link.log' }, /outside the log directories/);
        await expectRefusal(server, tool, { ...base, file: 'sub/../../logs-evil/secret.log' }, /\.\.|no such log file/);
      }
    });

    it('refuses a FIFO and a device quickly, without hanging', async function () {
      if (!fixture.fifo) this.skip();
      for (const tool of ['search_logs', 'recent_logs', 'error_summary', 'log_patterns']) {
        await expectRefusal(server, tool, { file: 'pipe.log', ...(tool === 'search_logs' ? { pattern: 'x' } : {}) }, /not a regular file \(a FIFO\)/, 2000);
        await expectRefusal(server, tool, { file: 'zero.log', ...(tool === 'search_logs' ? { pattern: 'x' } : {}) }, /outside the log directories|not a regular file/, 2000);
      }
      await expectRefusal(server, 'recent_logs', { file: 'sub' }, /not a regular file \(a directory\)/, 2000);
    });

    it('names the available files when a file does not exist', async function () {
      const text = await expectRefusal(server, 'recent_logs', { file: 'missing.log' }, /^no such log file: missing\.log; available: /);
      assert.match(text, /app\.log/);
      assert.doesNotMatch(text, /pipe\.log|link-out|secret/);
    });

    it('stops a catastrophic regex within seconds, answers pings meanwhile, and keeps working', async function () {
      this.timeout(120_000);
      const started = Date.now();
      const pending = server.client.callTool({ name: 'search_logs', arguments: { pattern: '(a+)+\\1$', regex: true, file: 'evil.log' } });
      const pingStarted = Date.now();
      await server.client.ping();
      // Generous for a loaded CI machine; a blocked event loop would not answer before the scan is stopped.
      assert.ok(Date.now() - pingStarted < 2500, 'ping answered during the bad search');
      const result = (await pending) as CallToolResult;
      // The watchdog stops a scan after 1 CPU-second of its own (wall time only as a 30 s backstop): under 20 s of wall
      // time it was the CPU rule that stopped it, however loaded the machine (a 5 s bound failed on a loaded CI).
      assert.ok(Date.now() - started < 20_000, `bad search answered in ${Date.now() - started} ms`);
      assert.equal(result.isError, true);
      assert.match((result.content[0] as { text: string }).text, /catastrophic backtracking|too long|simplify/);
      for (const pattern of ['(a+)+$', '(a|aa)+$', '(?=a)(a+)+b']) {
        const t0 = Date.now();
        const r = (await server.client.callTool({ name: 'search_logs', arguments: { pattern, regex: true, file: 'evil.log' } })) as CallToolResult;
        assert.ok(Date.now() - t0 < 20_000, `${pattern} answered in ${Date.now() - t0} ms`);
        if (!r.isError) assert.equal((r.structuredContent as { returned: number }).returned, 0);
      }
      const ok = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'timeout', file: 'app.log' } })) as CallToolResult;
      assert.ok(!ok.isError);
      assert.equal((ok.structuredContent as { returned: number }).returned, 3);
    });

    it('rejects invalid regexes, out-of-range parameters and unreadable times with clear messages', async function () {
      await expectRefusal(server, 'search_logs', { pattern: '(unclosed', regex: true }, /invalid regular expression/);
      await expectRefusal(server, 'search_logs', { pattern: 'x', limit: 100000 }, /limit|too big|less than/i);
      await expectRefusal(server, 'search_logs', { pattern: 'x', before: 1000 }, /before|too big|less than/i);
      await expectRefusal(server, 'search_logs', { pattern: 'x', since: 'yesterday-ish' }, /cannot read "yesterday-ish" as a time/);
      await expectRefusal(server, 'recent_logs', { lines: 0 }, /lines|too small|greater than/i);
      await expectRefusal(server, 'error_summary', { hours: -1 }, /hours|too small|greater than/i);
      await expectRefusal(server, 'search_logs', { pattern: 'x', file: '' }, /empty|no such log file/);
      await expectRefusal(server, 'search_logs', { pattern: 'x', file: 'app\u0000.log' }, /invalid|no such log file/);
    });

    it('refuses arguments a tool does not take, naming them, instead of answering a wider question', async function () {
      // A guessed name dropped silently would search every file (`path` for `file`) or the default window (`since_hours`)
      // and read as the answer to the narrower question.
      await expectRefusal(server, 'search_logs', { pattern: 'x', path: 'app.log' }, /unknown argument "path"; this tool takes pattern, /);
      await expectRefusal(server, 'error_summary', { since_hours: 3 }, /unknown argument "since_hours"; this tool takes .*hours/);
      await expectRefusal(server, 'recent_logs', { count: 5, grep: 'x' }, /unknown arguments "count", "grep"; this tool takes .*lines/);
      await expectRefusal(server, 'log_patterns', { file: 'app.log', maxTemplates: 3 }, /unknown argument "maxTemplates"; this tool takes file, .*limit/);
      const ok = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'x' } })) as CallToolResult;
      assert.ok(!ok.isError, 'the server still answers a well-formed call');
    });

    it('reports a corrupt gzip file as unreadable and skips it when searching everything', async function () {
      await expectRefusal(server, 'search_logs', { pattern: 'x', file: 'corrupt.log.gz' }, /cannot decompress/);
      const all = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'heartbeat' } })) as CallToolResult;
      assert.ok(!all.isError);
      const out = all.structuredContent as { returned: number; notes: string[] };
      assert.equal(out.returned, 1);
      assert.ok(out.notes.some((n) => /corrupt\.log\.gz.*cannot decompress/.test(n)));
    });

    it('refuses resource reads outside the directory', async function () {
      for (const uri of ['logs://file/..%2Flogs-evil%2Fsecret.log', 'logs://file/link-out.log', `logs://file/${encodeURIComponent('/etc/passwd')}`]) {
        await assert.rejects(server.client.readResource({ uri }), /\.\.|outside|absolute|no such log file/);
      }
    });

    it('answers resource reads the caller got wrong with -32002 (not there) or -32602 (cannot name a log), not -32603', async function () {
      // The resources page of the specification: -32002 resource not found, -32603 internal errors only.
      const codes: Record<string, [number, RegExp]> = {
        'logs://file/nothing-here.log': [-32002, /no such log file: nothing-here\.log/],
        'logs://source/journal%3Anothing.service': [-32002, /journal sources are turned off|unknown journal source journal:nothing\.service/],
        'logs://nothing': [-32002, /no resource logs:\/\/nothing: resources\/list and resources\/templates\/list give the ones this server has$/],
        // The file is there as sub/nested.log; the name's "/" must be written %2F in the template's one segment.
        'logs://file/sub/nested.log': [-32002, /no resource logs:\/\/file\/sub\/nested\.log: .*write a "\/" inside it as %2F/],
        'logs://file/..%2Flogs-evil%2Fsecret.log': [-32602, /"\.\." is not allowed/],
        'logs://file/link-out.log': [-32602, /points outside the log directories/],
        [`logs://file/${encodeURIComponent('/etc/passwd')}`]: [-32602, /absolute paths are not allowed/],
        'logs://file/%E0%A4%A': [-32602, /badly encoded file name/],
        'logs://source/plain.log': [-32602, /not a source name/],
      };
      for (const [uri, [code, message]] of Object.entries(codes)) {
        const error = await server.client.readResource({ uri }).then(
          () => undefined,
          (e: { code?: number; message: string; data?: unknown }) => e,
        );
        assert.equal(error?.code, code, `${uri}: ${error?.message}`);
        assert.match(error.message, message);
        assert.deepEqual(error.data, { uri });
      }
    });

    it('wrote nothing and leaked nothing from outside', async function () {
      const all = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'SECRET', limit: 500 } })) as CallToolResult;
      assert.equal((all.structuredContent as { returned: number }).returned, 0);
      assert.equal(snapshot(fixture.root), initial);
    });
  });
}
