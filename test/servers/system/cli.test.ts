// The built system server as a program: --help, settings from environment and flags, stdio hygiene, exit on stdin close.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SYSTEM_CLI, unusedFleetSettings } from '../../../servers/system/config';
import { startBuiltServer } from '../../support/mcp-client';
import { exitOf, outputContaining } from '../../support/wait';

const script = resolve(__dirname, '../../../dist/servers/system.js');

describe('system server command line', function () {
  this.timeout(30_000);

  it('--help prints usage with every flag and variable and exits 0 without starting', () => {
    const run = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 0, run.stderr);
    for (const text of ['Usage:', '--cpu-threshold', '--memory-threshold', '--disk-threshold', 'CPU_THRESHOLD', 'MEMORY_THRESHOLD', 'DISK_THRESHOLD', 'system://info', 'get_top_processes']) {
      assert.ok(run.stdout.includes(text), `help mentions ${text}`);
    }
    assert.equal(run.stderr, '');
  });

  it('--help lists every flag of the command-line table', () => {
    const run = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8', timeout: 10_000 });
    for (const option of Object.values(SYSTEM_CLI.options)) {
      assert.ok(run.stdout.includes(`--${option.flag}`) && run.stdout.includes(`env ${option.env}`), `help lists --${option.flag} / ${option.env}`);
    }
  });

  it('refuses an unknown flag with a clear message on stderr and exit code 2, without starting', () => {
    const run = spawnSync(process.execPath, [script, '--cpu-treshold', '50'], { encoding: 'utf8', timeout: 10_000, env: { PATH: process.env.PATH }, input: '' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Unknown option '--cpu-treshold'.*--help/);
    assert.equal(run.stdout, '', 'nothing on stdout but protocol');
  });

  for (const [label, env, args] of [
    ['a non-numeric CPU_THRESHOLD', { CPU_THRESHOLD: 'lots' }, []],
    ['a --disk-threshold above 100', {}, ['--disk-threshold', '150']],
  ] as const) {
    it(`refuses to start with ${label}, saying which setting is wrong`, () => {
      const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 10_000, env: { PATH: process.env.PATH, ...env }, input: '' });
      assert.notEqual(run.status, 0);
      assert.match(run.stderr, /threshold.*must be a percentage from 0 to 100/i);
      assert.equal(run.stdout, '', 'nothing on stdout but protocol');
    });
  }

  // The Prometheus URL is checked after the table is read (it needs the credentials' variables too); a bad one is
  // still a wrong setting, so it ends like every other one: `error:` on stderr and exit code 2 (docs/servers.md).
  for (const [label, env] of [
    ['a PROMETHEUS_URL carrying credentials', { PROMETHEUS_URL: 'http://admin:hunter22@127.0.0.1:9/' }],
    ['a PROMETHEUS_URL that is not http(s)', { PROMETHEUS_URL: 'ftp://127.0.0.1:9/' }],
  ] as const) {
    it(`refuses ${label} as a usage error: message on stderr, exit code 2, no secret repeated`, () => {
      const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 10_000, env: { PATH: process.env.PATH, ...env }, input: '' });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /^error: --prometheus-url \/ PROMETHEUS_URL: /m);
      assert.ok(!run.stderr.includes('hunter22'), 'the password is not repeated');
      assert.equal(run.stdout, '', 'nothing on stdout but protocol');
    });
  }

  it('takes thresholds from the environment, and flags override the environment', async () => {
    const server = await startBuiltServer('system', { CPU_THRESHOLD: '100', MEMORY_THRESHOLD: '0', DISK_THRESHOLD: '0' }, ['--cpu-threshold', '95']);
    try {
      const result = (await server.client.callTool({ name: 'get_resource_usage', arguments: { intervalMs: 200 } })) as CallToolResult;
      const data = result.structuredContent as { thresholds: Record<string, number>; warnings: Array<{ metric: string }> };
      assert.deepEqual(data.thresholds, { cpu: 95, memory: 0, disk: 0 });
      assert.ok(data.warnings.some((w) => w.metric === 'memory'), 'server-wide memory threshold 0 warns without a per-call value');
      const disk = (await server.client.callTool({ name: 'get_disk_usage', arguments: {} })) as CallToolResult;
      assert.ok((disk.structuredContent as { warnings: unknown[] }).warnings.length > 0, 'server-wide disk threshold 0 warns');
      const { contents } = await server.client.readResource({ uri: 'system://info' });
      const first = contents[0];
      assert.ok('text' in first);
      assert.deepEqual(JSON.parse(first.text).thresholds, { cpu: 95, memory: 0, disk: 0 });
      assert.match(server.stderr(), /thresholds: cpu 95%, memory 0%, disk 0%/, 'logs go to stderr');
    } finally {
      await server.close();
    }
  });

  it('writes only JSON-RPC to stdout and exits 0 when stdin closes', async () => {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } };
    const replied = outputContaining(child.stdout, '\n');
    child.stdin.write(`${JSON.stringify(initialize)}\n`);
    await replied;
    child.stdin.end();
    const code = await exitOf(child, 20_000);
    assert.equal(code, 0, 'clean exit after stdin closed');
    const lines = stdout.split('\n').filter(Boolean);
    assert.ok(lines.length >= 1);
    for (const line of lines) assert.equal(JSON.parse(line).jsonrpc, '2.0');
    const reply = JSON.parse(lines[0]);
    assert.equal(reply.result.protocolVersion, '2025-11-25');
    assert.equal(reply.result.serverInfo.name, 'devops-assistant-system');
  });

  it('when stdin closes in the middle of a long measurement, answers it and then exits at once', async () => {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    const initialized = outputContaining(child.stdout, '\n');
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '0' } } });
    await initialized;
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    // A progress notification shows the measurement is under way when stdin closes.
    const measuring = outputContaining(child.stdout, 'notifications/progress');
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_top_processes', arguments: { intervalMs: 3000 }, _meta: { progressToken: 'p' } } });
    await measuring;
    let answeredAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!answeredAt && chunk.toString().includes('"id":2')) answeredAt = Date.now();
    });
    child.stdin.end();
    const code = await exitOf(child, 60_000);
    assert.equal(code, 0);
    // The call read before the input ended is answered (a script's `requests | server` gets its answers), and the
    // server does not linger after it: nothing else is owed.
    assert.ok(answeredAt > 0, 'the measurement in flight was not answered');
    assert.ok(Date.now() - answeredAt < 3000, `exited ${Date.now() - answeredAt} ms after its last answer`);
  });

  it('answers concurrent measurements of the same kind, one after the other', async () => {
    const server = await startBuiltServer('system');
    try {
      const calls = [1, 2, 3].map(() => server.client.callTool({ name: 'get_top_processes', arguments: { count: 2, intervalMs: 500 } }) as Promise<CallToolResult>);
      const results = await Promise.all(calls);
      for (const r of results) {
        assert.ok(!r.isError, JSON.stringify(r.content));
        assert.equal((r.structuredContent as { processes: unknown[] }).processes.length, 2);
      }
    } finally {
      await server.close();
    }
  });
});

// break38: PROMETHEUS_HOST_LABEL (or credentials, or a time-out) set without PROMETHEUS_URL were dropped without a word:
// the server started with no fleet tools, and the person who set them was not told which setting was missing.
describe('system server fleet settings without a Prometheus URL', function () {
  it('names the fleet settings given while PROMETHEUS_URL is not, and says nothing otherwise', function () {
    const note = unusedFleetSettings([], { PROMETHEUS_HOST_LABEL: 'host', PROMETHEUS_BEARER_TOKEN: 'secret' });
    assert.equal(note, 'fleet tools off: PROMETHEUS_URL (--prometheus-url) is not set, so PROMETHEUS_HOST_LABEL, PROMETHEUS_BEARER_TOKEN are not used');
    assert.ok(!note?.includes('secret'), 'never a credential');
    assert.match(unusedFleetSettings(['--prometheus-host-label', 'host', '--prometheus-timeout=30'], {}) ?? '', /so --prometheus-host-label, --prometheus-timeout are not used$/);
    assert.match(unusedFleetSettings([], { PROMETHEUS_HOST_LABEL: 'host' }) ?? '', /so PROMETHEUS_HOST_LABEL is not used$/);
    assert.equal(unusedFleetSettings([], { PROMETHEUS_HOST_LABEL: 'host', PROMETHEUS_URL: 'http://prometheus:9090' }), undefined);
    assert.equal(unusedFleetSettings(['--prometheus-url', 'http://p:9090'], { PROMETHEUS_HOST_LABEL: 'host' }), undefined);
    assert.equal(unusedFleetSettings([], { PROMETHEUS_HOST_LABEL: '', PATH: '/usr/bin' }), undefined, 'an empty variable is no setting');
    assert.equal(unusedFleetSettings(['--cpu-threshold', '70'], {}), undefined);
  });
});
