// The extension core inside the real VS Code extension host: servers supervised, status and
// restart commands, the agent through the real SDK against the mock API, persistence.
import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import type { AgentEvent } from '../../src/agent/events';
import type { ServerState, ToolMetrics } from '../../src/mcp/types';
import { startMockAnthropic, type MockAnthropic } from '../support/mock-anthropic';
import { allServersRunning, api, until } from './host';


describe('extension core (servers, agent) in the extension host', function () {
  this.timeout(120_000);

  it('starts git, logs and system in the background with their tools', async () => {
    const { hub, coreRegisterMs } = await api();
    console.log(`      registerServers + registerAgent took ${coreRegisterMs.toFixed(1)} ms`);
    assert.ok(coreRegisterMs < 50, `activation work of the core: ${coreRegisterMs} ms`);
    const states = await until('all servers running', allServersRunning(hub), 90_000);
    assert.deepEqual(
      states.map((s) => s.name),
      ['git', 'logs', 'system'],
    );
    assert.ok(states.every((s) => s.toolCount > 0 && typeof s.pid === 'number'));
    const names = hub.tools().map((t) => t.qualifiedName);
    for (const tool of ['git_log', 'search_logs', 'get_resource_usage']) assert.ok(names.includes(tool), tool);
  });

  it('offers the bundled servers to VS Code\'s own MCP support, without the API key', async function () {
    const { mcpProvider } = await api();
    if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== 'function') this.skip();
    assert.ok(mcpProvider, 'registered with vscode.lm');
    const definitions = (await mcpProvider.provideMcpServerDefinitions(new vscode.CancellationTokenSource().token)) ?? [];
    assert.deepEqual(
      definitions.map((d) => d.label),
      ['DevOps Assistant: git', 'DevOps Assistant: logs', 'DevOps Assistant: system'],
    );
    for (const d of definitions) {
      assert.equal(d.command, process.execPath);
      assert.match(d.args[0], /dist[\\/]servers[\\/](git|logs|system)\.js$/);
      assert.equal(d.env.ELECTRON_RUN_AS_NODE, '1');
      assert.ok(!Object.keys(d.env).some((k) => k.startsWith('ANTHROPIC')), Object.keys(d.env).join());
    }
  });

  it('showServerStatus reports states and metrics (and opens a Markdown report)', async () => {
    const { hub } = await api();
    await until('servers', allServersRunning(hub), 90_000);
    await hub.callTool('system', 'get_disk_usage', {});
    const result = await vscode.commands.executeCommand<{ states: ServerState[]; metrics: ToolMetrics[] }>('devopsAssistant.showServerStatus');
    assert.equal(result.states.length, 3);
    assert.ok(result.metrics.some((m) => m.server === 'system' && m.tool === 'get_disk_usage' && m.calls >= 1));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.languageId, 'markdown');
    assert.match(editor!.document.getText(), /\| system \| running \|/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('restartServers restarts every server', async () => {
    const { hub } = await api();
    const before = await until('servers', allServersRunning(hub), 90_000);
    await vscode.commands.executeCommand('devopsAssistant.restartServers');
    const after = await until('restarted servers', allServersRunning(hub), 60_000);
    for (const s of after) {
      const old = before.find((b) => b.name === s.name)!;
      assert.notEqual(s.pid, old.pid, `${s.name} has a new process`);
      assert.ok(s.restarts > old.restarts);
    }
  });

  it('a killed server is back and answering', async () => {
    const { hub } = await api();
    const states = await until('servers', allServersRunning(hub), 90_000);
    const logs = states.find((s) => s.name === 'logs')!;
    const killedAt = Date.now();
    process.kill(logs.pid!, 'SIGKILL');
    const outcome = await hub.readResource('logs', 'logs://files');
    console.log(`      logs server answered again ${Date.now() - killedAt} ms after SIGKILL`);
    assert.ok(outcome.text.length > 0);
    assert.notEqual(hub.states().find((s) => s.name === 'logs')!.pid, logs.pid);
  });

  it('starts a server from the devopsAssistant.servers setting; colliding tool names get qualified', async () => {
    const { hub } = await api();
    await until('servers', allServersRunning(hub), 90_000);
    const repo = resolve(__dirname, '..', '..', '..');
    const config = vscode.workspace.getConfiguration('devopsAssistant');
    await config.update(
      'servers',
      [
        {
          name: 'mine',
          command: process.execPath,
          args: ['--import', pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href, join(repo, 'test/support/tiny-mcp-server.ts')],
          env: { TOOL_NAMES: 'git_log,echo' },
        },
      ],
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const mine = await until(
        'the configured server running',
        () => {
          const state = hub.states().find((s) => s.name === 'mine');
          if (state?.status === 'failed') throw new Error(`mine failed: ${state.detail} ${state.lastStderr.join(' | ')}`);
          return state?.status === 'running' && state;
        },
        60_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; states ${JSON.stringify(hub.states().map((s) => [s.name, s.status, s.detail, s.lastStderr.slice(-3)]))}`);
      });
      assert.equal(mine.toolCount, 2);
      const names = hub.tools().map((t) => `${t.qualifiedName}=${t.server}/${t.name}`);
      assert.ok(names.includes('git__git_log=git/git_log'), names.join(' '));
      assert.ok(names.includes('mine__git_log=mine/git_log'), names.join(' '));
      assert.ok(names.includes('echo=mine/echo'));
      assert.match((await hub.callTool('mine', 'echo', { text: 'from settings' })).text, /from settings/);
    } finally {
      await config.update('servers', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('the configured server removed', () => !hub.states().some((s) => s.name === 'mine'), 10_000);
    assert.ok(hub.tools().some((t) => t.qualifiedName === 'git_log'), 'git_log is unqualified again');
  });

  describe('agent', () => {
    let mock: MockAnthropic;
    const config = () => vscode.workspace.getConfiguration('devopsAssistant');

    before(async () => {
      mock = await startMockAnthropic();
      await config().update('anthropicBaseUrl', mock.url, vscode.ConfigurationTarget.Workspace);
      await (await api()).storeApiKey('sk-ant-extension-host-test-000000000');
    });
    after(async () => {
      await config().update('anthropicBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await (await api()).storeApiKey(undefined);
      await (await api()).agent.clear();
      await mock.close();
    });

    it('answers a Korean question with real git results sent back to the API', async () => {
      const { agent, hub } = await api();
      await until('servers', allServersRunning(hub), 90_000);
      await agent.clear();
      mock.enqueue(
        { content: [{ type: 'tool_use', id: 'toolu_host_git', name: 'git_log', input: { count: 10 } }] },
        { text: '오늘 커밋을 요약했습니다.' },
      );
      const events: AgentEvent[] = [];
      await agent.ask('오늘 커밋된 내용을 요약해 주세요', (e) => events.push(e), new AbortController().signal);
      const done = events.find((e) => e.type === 'done');
      assert.deepEqual(done, { type: 'done', stopReason: 'end_turn' }, JSON.stringify(events.filter((e) => e.type === 'error')));
      const requests = mock.messageRequests();
      assert.equal(requests.length, 2);
      assert.ok(requests[0].headers['anthropic-version']);
      assert.equal(requests[0].headers.authorization ?? `Bearer ${requests[0].headers['x-api-key']}`, 'Bearer sk-ant-extension-host-test-000000000');
      const result = requests[1].body.messages[2].content[0];
      assert.equal(result.tool_use_id, 'toolu_host_git');
      assert.equal(result.is_error, undefined, result.content);
      assert.match(result.content, /"commits"/);
      assert.ok(events.some((e) => e.type === 'text'));
    });

    it('keeps the conversation in workspaceState: a new agent on the same storage sees it', async () => {
      const { agent, createAgent } = await api();
      const transcript = agent.transcript();
      assert.ok(transcript.length >= 3, 'the previous test left a conversation');
      const revived = createAgent();
      assert.deepEqual(revived.transcript(), transcript);
      assert.deepEqual(revived.messages(), agent.messages());
    });

    it('401 from the API asks to set the key, with the command', async () => {
      const { agent } = await api();
      mock.enqueue({ status: 401 });
      const events: AgentEvent[] = [];
      await agent.ask('again', (e) => events.push(e), new AbortController().signal);
      const error = events.find((e): e is Extract<AgentEvent, { type: 'error' }> => e.type === 'error');
      assert.equal(error?.action?.command, 'devopsAssistant.setApiKey');
    });
  });
});

// Runs only when the window is untrusted: the "restricted" pass of scripts/vscode/test-electron.mjs.
describe('extension core in Restricted Mode', function () {
  this.timeout(120_000);

  it('does not start the git server, says why, and still runs logs and system', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    const { hub } = await api();
    const states = await until(
      'logs and system running',
      () => {
        const s = hub.states();
        return s.filter((x) => x.name !== 'git').every((x) => x.status === 'running') && s.length >= 3 ? s : undefined;
      },
      90_000,
    );
    const git = states.find((s) => s.name === 'git')!;
    assert.equal(git.status, 'disabled');
    assert.match(git.detail ?? '', /Restricted Mode|제한 모드/);
    assert.equal(git.pid, undefined);
    assert.ok(!hub.tools().some((t) => t.server === 'git'));
    await assert.rejects(hub.callTool('git', 'git_log', {}), /Restricted Mode|제한 모드/);
  });
});
