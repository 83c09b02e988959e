// The server supervisor against real stdio MCP processes (the tiny test server).
import assert from 'node:assert/strict';
import { ServerHub, waitForStates } from '../../src/mcp/hub';
import { MetricsRecorder, percentile } from '../../src/mcp/metrics';
import { resolveRipgrep } from '../../src/mcp/ripgrep';
import { bundledServerSpecs, logDirs, minimalEnv, userServerSpecs } from '../../src/mcp/server-specs';
import { formatStatusReport } from '../../src/mcp/status-report';
import { ToolCallCancelledError, type SupervisorOptions } from '../../src/mcp/supervised-server';
import { MODEL_TOOL_NAME, qualifyToolNames } from '../../src/mcp/tool-names';
import type { ServerState } from '../../src/mcp/types';
import { tinySpec } from '../support/tiny-mcp-build';

const running = (name: string) => (states: ServerState[]) => states.find((s) => s.name === name)?.status === 'running';

function makeHub(options: Partial<SupervisorOptions> = {}) {
  const logs = new Map<string, string[]>();
  const hub = new ServerHub({
    output: (name) => ({ append: (line) => void (logs.get(name) ?? logs.set(name, []).get(name))!.push(line) }),
    options: { backoffBaseMs: 50, pingIntervalMs: 0, ...options },
  });
  return { hub, logs };
}

describe('MCP supervisor', function () {
  this.timeout(30_000);
  const hubs: ServerHub[] = [];
  const track = (options: Partial<SupervisorOptions> = {}) => {
    const made = makeHub(options);
    hubs.push(made.hub);
    return made;
  };
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.dispose()));
  });

  it('lists tools across pages', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('paged', { TOOL_NAMES: 'echo', EXTRA_TOOLS: '30', PAGE_SIZE: '4' })]);
    await waitForStates(hub, running('paged'), 15_000);
    const names = hub.tools().map((t) => t.name);
    assert.equal(names.length, 31);
    assert.equal(new Set(names).size, 31);
    assert.ok(names.includes('tool_29'));
    assert.equal(hub.states()[0].toolCount, 31);
  });

  it('qualifies colliding tool names with the server name and leaves unique names alone', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('alpha', { TOOL_NAMES: 'echo,only_alpha' }), tinySpec('beta', { TOOL_NAMES: 'echo,only_beta' })]);
    await waitForStates(hub, (s) => s.every((x) => x.status === 'running'), 15_000);
    const byName = Object.fromEntries(hub.tools().map((t) => [t.qualifiedName, `${t.server}/${t.name}`]));
    assert.deepEqual(byName, { alpha__echo: 'alpha/echo', only_alpha: 'alpha/only_alpha', beta__echo: 'beta/echo', only_beta: 'beta/only_beta' });
    const outcome = await hub.callTool('beta', 'echo', { text: 'b' });
    assert.match(outcome.text, /"tool":"echo"/);
  });

  it('model-visible names stay valid and unique whatever the server and tool names', () => {
    const names = qualifyToolNames([
      { server: 'git:web app', name: 'git_log' },
      { server: 'git:api', name: 'git_log' },
      { server: 'x', name: 'a.b' },
      { server: 'y', name: 'a_b' },
      { server: 'z', name: 'n'.repeat(80) },
      { server: 'w', name: '도구' },
    ]);
    assert.deepEqual(names.slice(0, 4), ['git_web_app__git_log', 'git_api__git_log', 'a_b', 'a_b_2']);
    assert.ok(names.every((n) => MODEL_TOOL_NAME.test(n)), names.join(' '));
    assert.equal(new Set(names).size, names.length);
  });

  it('refreshes the tool list on notifications/tools/list_changed', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('dyn', { TOOL_NAMES: 'add_tool' })]);
    await waitForStates(hub, running('dyn'), 15_000);
    const changed = waitForStates(hub, (s) => s[0].toolCount === 2, 5000);
    await hub.callTool('dyn', 'add_tool', { name: 'fresh_tool' });
    await changed;
    assert.ok(hub.tools().some((t) => t.name === 'fresh_tool'));
  });

  it('a crash fails the call in flight at once and the server is back quickly', async () => {
    const { hub, logs } = track();
    hub.setSpecs([tinySpec('c')]);
    await waitForStates(hub, running('c'), 15_000);
    const pid = hub.states()[0].pid;
    const started = Date.now();
    await assert.rejects(hub.callTool('c', 'crash', {}), /"c" server stopped while running crash/);
    assert.ok(Date.now() - started < 1000);
    const restarting = hub.states()[0];
    assert.equal(restarting.status, 'restarting');
    assert.ok(restarting.lastStderr.some((l) => l.includes('crashing on purpose')));
    await waitForStates(hub, running('c'), 5000);
    assert.notEqual(hub.states()[0].pid, pid);
    assert.equal(hub.states()[0].restarts, 1);
    assert.ok(logs.get('c')?.some((l) => l.includes('tiny: crashing on purpose')), 'stderr goes to the server output');
  });

  it('a call made while the server restarts waits for it and succeeds', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('w')]);
    await waitForStates(hub, running('w'), 15_000);
    process.kill(hub.states()[0].pid!, 'SIGKILL');
    await waitForStates(hub, (s) => s[0].status === 'restarting', 3000);
    const outcome = await hub.callTool('w', 'echo', { text: 'after kill' });
    assert.match(outcome.text, /after kill/);
  });

  it('restarts a server that stops answering pings', async () => {
    const { hub, logs } = track({ pingIntervalMs: 150, pingTimeoutMs: 150, missedPingsBeforeRestart: 2 });
    hub.setSpecs([tinySpec('hang')]);
    await waitForStates(hub, running('hang'), 15_000);
    const pid = hub.states()[0].pid;
    const call = hub.callTool('hang', 'block', { ms: 20_000 }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    await waitForStates(hub, (s) => s[0].status === 'restarting', 5000);
    assert.match(hub.states()[0].detail ?? '', /stopped answering/);
    assert.match(await call, /stopped while running block/);
    await waitForStates(hub, (s) => s[0].status === 'running' && s[0].pid !== pid, 5000);
    assert.ok(logs.get('hang')?.some((l) => l.includes('ping not answered')));
  });

  it('gives up after repeated quick failures and shows the last stderr lines', async () => {
    const { hub } = track({ maxQuickFailures: 2, backoffBaseMs: 20 });
    hub.setSpecs([tinySpec('broken', { FAIL_AT_START: '1' })]);
    const [state] = await waitForStates(hub, (s) => s[0].status === 'failed', 15_000);
    assert.match(state.detail ?? '', /refusing to start/);
    assert.ok(state.lastStderr.some((l) => l.includes('FAIL_AT_START')));
    await assert.rejects(hub.callTool('broken', 'echo', {}), /"broken" server is failed/);
    assert.deepEqual(hub.tools(), []);
  });

  it('a command that does not exist ends as failed with the spawn error', async () => {
    const { hub } = track({ maxQuickFailures: 1, backoffBaseMs: 20 });
    hub.setSpecs([{ ...tinySpec('missing'), command: '/nonexistent/bin/mcp-server' }]);
    const [state] = await waitForStates(hub, (s) => s[0].status === 'failed', 10_000);
    assert.match(state.detail ?? '', /ENOENT/);
  });

  it('restartAll restarts running servers', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('ok1')]);
    await waitForStates(hub, running('ok1'), 15_000);
    const pid = hub.states()[0].pid;
    await hub.restartAll();
    await waitForStates(hub, running('ok1'), 5000);
    assert.notEqual(hub.states()[0].pid, pid);
  });

  it('a disabled server is not started and says why', async () => {
    const { hub } = track();
    hub.setSpecs([{ ...tinySpec('git'), disabledReason: 'Not started in Restricted Mode: trust this workspace to enable it.' }]);
    const [state] = hub.states();
    assert.equal(state.status, 'disabled');
    assert.match(state.detail ?? '', /Restricted Mode/);
    assert.equal(state.pid, undefined);
    await assert.rejects(hub.callTool('git', 'echo', {}), /Restricted Mode/);
    // Granting trust = new specs without the reason: it starts.
    hub.setSpecs([tinySpec('git')]);
    await waitForStates(hub, running('git'), 15_000);
  });

  it('setSpecs stops removed servers', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('keep'), tinySpec('drop')]);
    await waitForStates(hub, (s) => s.every((x) => x.status === 'running'), 15_000);
    const pid = hub.states().find((s) => s.name === 'drop')!.pid!;
    hub.setSpecs([tinySpec('keep')]);
    assert.deepEqual(hub.states().map((s) => s.name), ['keep']);
    for (let i = 0; i < 40 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(isAlive(pid), false, 'the removed server process is gone');
  });

  it('dispose() resolves only after every server process has exited (what deactivate() returns)', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('one'), tinySpec('two')]);
    await waitForStates(hub, (s) => s.every((x) => x.status === 'running'), 15_000);
    const pids = hub.states().map((s) => s.pid!);
    await hub.dispose();
    assert.deepEqual(pids.filter(isAlive), [], 'no server process outlives dispose()');
    assert.deepEqual(hub.states(), []);
  });

  it('a per-call timeout is reset by progress notifications', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('p')]);
    await waitForStates(hub, running('p'), 15_000);
    const slow = await hub.callTool('p', 'slow', { ms: 1200 }, { timeoutMs: 400 });
    assert.equal(slow.text, 'slept 1200');
    await assert.rejects(hub.callTool('p', 'sleep', { ms: 1200 }, { timeoutMs: 400 }), /sleep on the "p" server did not answer within 0 s|did not answer/);
  });

  it('an AbortSignal cancels the call at once and the server stays up', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('a')]);
    await waitForStates(hub, running('a'), 15_000);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(hub.callTool('a', 'sleep', { ms: 10_000 }, { signal: controller.signal }), ToolCallCancelledError);
    assert.ok(Date.now() - started < 1500);
    assert.equal(hub.states()[0].status, 'running');
    assert.match((await hub.callTool('a', 'echo', { text: 'ok' })).text, /ok/);
  });

  it('records metrics per tool without argument values', async () => {
    const { hub } = track();
    hub.setSpecs([tinySpec('m')]);
    await waitForStates(hub, running('m'), 15_000);
    await hub.callTool('m', 'echo', { text: 'secret-value-123' });
    await hub.callTool('m', 'echo', { text: 'secret-value-456' });
    await hub.callTool('m', 'fail', {});
    const metrics = hub.metrics();
    const echo = metrics.find((m) => m.tool === 'echo')!;
    assert.equal(echo.calls, 2);
    assert.equal(echo.errors, 0);
    assert.ok(echo.p95Ms >= echo.p50Ms);
    assert.ok(echo.lastCallAt && !Number.isNaN(Date.parse(echo.lastCallAt)));
    assert.equal(metrics.find((m) => m.tool === 'fail')!.errors, 1);
    assert.doesNotMatch(JSON.stringify(metrics), /secret-value/);
    const report = formatStatusReport(hub.states(), metrics);
    assert.match(report, /\| m \| running \|/);
    assert.match(report, /\| m \| echo \| 2 \| 0 \|/);
  });

  it('children get only the environment they need (never the API key)', async () => {
    process.env.ANTHROPIC_API_KEY = 'sk-ant-should-not-leak';
    try {
      const env = minimalEnv();
      assert.equal(env.ANTHROPIC_API_KEY, undefined);
      const { hub } = track();
      hub.setSpecs([{ ...tinySpec('e'), env: { ...env, EXTRA: '1' } }]);
      await waitForStates(hub, running('e'), 15_000);
      const keys = JSON.parse((await hub.callTool('e', 'env', {})).text) as string[];
      assert.ok(!keys.includes('ANTHROPIC_API_KEY'));
      assert.ok(keys.includes('EXTRA'));
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
    }
  });
});

describe('server specs', () => {
  const base = {
    extensionPath: '/ext',
    execPath: '/bin/node',
    logDirectories: [] as string[],
    thresholds: { cpu: 70, memory: 85, disk: 95 },
    trusted: true,
    baseEnv: { PATH: '/usr/bin' },
  };

  it('one folder: git, logs and system with their environment', () => {
    const specs = bundledServerSpecs({ ...base, folders: [{ name: 'app', path: '/w/app' }], ripgrepPath: '/vs/rg' });
    assert.deepEqual(specs.map((s) => s.name), ['git', 'logs', 'system']);
    const [git, logs, system] = specs;
    assert.equal(git.command, '/bin/node');
    assert.deepEqual(git.args, ['/ext/dist/servers/git.js']);
    assert.deepEqual(git.env, { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1', REPO_PATH: '/w/app' });
    assert.equal(logs.env.LOG_DIRS, '/w/app');
    assert.equal(logs.env.RIPGREP_PATH, '/vs/rg');
    assert.deepEqual([system.env.CPU_THRESHOLD, system.env.MEMORY_THRESHOLD, system.env.DISK_THRESHOLD], ['70', '85', '95']);
  });

  it('multi-root: ONE git server reading every folder by name; log dirs from every folder plus the setting', () => {
    const specs = bundledServerSpecs({
      ...base,
      folders: [{ name: 'web', path: '/w/web' }, { name: 'api', path: '/w/api' }, { name: 'web', path: '/x/web' }],
      logDirectories: ['logs', '/var/log/app'],
    });
    assert.deepEqual(specs.map((s) => s.name), ['git', 'logs', 'system']);
    assert.deepEqual(specs[0].args, ['/ext/dist/servers/git.js']);
    assert.equal(specs[0].env.REPO_PATH, undefined);
    assert.deepEqual(JSON.parse(specs[0].env.REPO_PATHS), [
      { name: 'web', path: '/w/web' },
      { name: 'api', path: '/w/api' },
      { name: 'web (2)', path: '/x/web' },
    ]);
    assert.deepEqual(specs.find((s) => s.name === 'logs')!.env.LOG_DIRS.split(':'), ['/w/web', '/w/api', '/x/web', '/w/web/logs', '/w/api/logs', '/x/web/logs', '/var/log/app']);
    assert.deepEqual(logDirs([{ path: '/a' }], ['', '/a']), ['/a']);
  });

  it('Restricted Mode disables git and user servers, not logs and system', () => {
    const specs = bundledServerSpecs({ ...base, trusted: false, folders: [{ name: 'app', path: '/w/app' }] });
    assert.match(specs[0].disabledReason ?? '', /Restricted Mode/);
    assert.equal(specs[1].disabledReason, undefined);
    assert.equal(specs[2].disabledReason, undefined);
    const user = userServerSpecs([{ name: 'mine', command: 'node', args: ['s.js'] }], { trusted: false, baseEnv: {}, takenNames: [] });
    assert.match(user.specs[0].disabledReason ?? '', /Restricted Mode/);
  });

  it('user servers: validated, env merged, duplicates and bad entries reported', () => {
    const { specs, problems } = userServerSpecs(
      [{ name: 'db', command: 'npx', args: ['db-mcp'], env: { DB_URL: 'x' } }, { name: 'git', command: 'x' }, { command: 'no-name' }, 'junk'],
      { trusted: true, baseEnv: { PATH: '/p' }, takenNames: ['git', 'logs', 'system'] },
    );
    assert.deepEqual(specs.map((s) => [s.name, s.command, s.args, s.env]), [['db', 'npx', ['db-mcp'], { PATH: '/p', DB_URL: 'x' }]]);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /already used/);
    assert.deepEqual(userServerSpecs({}, { trusted: true, baseEnv: {}, takenNames: [] }).problems.length, 1);
  });

  it('finds ripgrep in the known VS Code layouts, then PATH', () => {
    const has = (set: string[]) => (p: string) => set.includes(p);
    assert.equal(
      resolveRipgrep('/app', '/usr/bin', has(['/app/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg']), 'linux', 'x64'),
      '/app/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg',
    );
    assert.equal(resolveRipgrep('/app', '/usr/bin', has(['/app/node_modules/@vscode/ripgrep/bin/rg']), 'linux', 'x64'), '/app/node_modules/@vscode/ripgrep/bin/rg');
    assert.equal(resolveRipgrep('/app', '/opt/bin:/usr/bin', has(['/usr/bin/rg']), 'linux', 'x64'), '/usr/bin/rg');
    assert.equal(resolveRipgrep(undefined, '/usr/bin', has([]), 'linux', 'x64'), undefined);
  });
});

describe('metrics', () => {
  it('nearest-rank percentiles over recorded durations', () => {
    assert.equal(percentile([], 50), 0);
    assert.equal(percentile([5], 95), 5);
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    const recorder = new MetricsRecorder();
    for (const d of [10, 20, 30, 1000]) recorder.record('s', 't', d, d === 1000);
    const [m] = recorder.snapshot();
    assert.deepEqual([m.calls, m.errors, m.p50Ms, m.p95Ms], [4, 1, 20, 1000]);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
