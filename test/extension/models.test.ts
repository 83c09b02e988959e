// VS Code language models in the real extension host: with no Anthropic key, "DevOps: Ask" answers
// through the scripted model (test/fixtures/scripted-model-extension) registered with
// vscode.lm.registerLanguageModelChatProvider, calling the real MCP servers; errors, cancellation,
// the token budget of a small model, and the Choose Model picker.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AgentEvent } from '../../src/agent/events';
import type { DevopsAssistantApi } from '../../src/api';
import type { ModelPick } from '../../src/commands/choose-model';
import type { McpHub } from '../../src/mcp/types';
import { modelProblems } from '../../src/models/problems';
import { startMockAnthropic } from '../support/mock-anthropic';
import { api, until } from './host';
import { enqueue, partsOf, pendingTurns, resetScriptedModel, SCRIPTED_LARGE, SCRIPTED_SMALL, SCRIPTED_VENDOR, scriptedRequests, type ScriptedTurn } from './scripted-model';

const allRunning = (hub: McpHub) => () => {
  const states = hub.states();
  return states.length >= 3 && states.every((s) => s.status === 'running') ? states : undefined;
};

type ErrorEvent = Extract<AgentEvent, { type: 'error' }>;

/** Every event of the next turns of the shared session. */
function recordEvents(session: DevopsAssistantApi['session']): { events: AgentEvent[]; dispose(): void } {
  const events: AgentEvent[] = [];
  const subscription = session.onUpdate((update) => {
    if (update.type === 'event') events.push(update.event);
  });
  return { events, dispose: () => subscription.dispose() };
}

describe('VS Code language models (scripted model provider)', function () {
  this.timeout(120_000);
  const config = () => vscode.workspace.getConfiguration('devopsAssistant');
  let extension: DevopsAssistantApi;

  before(async function () {
    if (typeof (vscode.lm as { registerLanguageModelChatProvider?: unknown }).registerLanguageModelChatProvider !== 'function') this.skip();
    extension = await api();
    await until('servers', allRunning(extension.hub), 90_000);
    await extension.storeApiKey(undefined);
    await resetScriptedModel();
    await config().update('vscodeModel', SCRIPTED_LARGE, vscode.ConfigurationTarget.Workspace);
  });
  beforeEach(async () => {
    await resetScriptedModel();
    await extension.session.clear();
  });
  after(async () => {
    await config().update('vscodeModel', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('modelProvider', undefined, vscode.ConfigurationTarget.Workspace);
    await extension?.session.clear();
  });

  it('the scripted provider is offered by vscode.lm', async () => {
    const offered = await vscode.lm.selectChatModels({ vendor: SCRIPTED_VENDOR });
    assert.deepEqual(offered.map((m) => m.id).sort(), ['scripted-large', 'scripted-small']);
  });

  it('with no Anthropic key, DevOps: Ask answers through the VS Code model, over two rounds of real tool calls', async () => {
    await enqueue(
      { text: 'Let me look at the repository and the disks.', toolCalls: [{ callId: 'call_git', name: 'git_log', input: { count: 5 } }, { callId: 'call_disk', name: 'get_disk_usage', input: {} }] },
      { toolCalls: [{ callId: 'call_logs', name: 'search_logs', input: { pattern: 'ERROR' } }] },
      { text: '최근 커밋과 디스크 사용량, 오류 로그를 확인했습니다. 문제는 없습니다.', chunkSize: 5 },
    );
    const recorder = recordEvents(extension.session);
    try {
      const answered = await vscode.commands.executeCommand<boolean>('devopsAssistant.ask', 'What changed recently, and are the disks and logs fine?');
      assert.equal(answered, true);
    } finally {
      recorder.dispose();
    }
    const { events } = recorder;
    const errors = events.filter((e): e is ErrorEvent => e.type === 'error');
    assert.deepEqual(errors, []);
    assert.deepEqual(events.find((e) => e.type === 'done'), { type: 'done', stopReason: 'end_turn' });
    assert.deepEqual(events.find((e) => e.type === 'model'), { type: 'model', provider: 'vscode', label: 'Scripted Model · devops-scripted' });
    assert.ok(events.filter((e) => e.type === 'text').length > 3, 'the answer streams in parts');
    const tools = events.filter((e): e is Extract<AgentEvent, { type: 'toolEnd' }> => e.type === 'toolEnd');
    // The tools of one round run concurrently, so they may finish in any order.
    assert.deepEqual(
      tools.map((e) => `${e.callId}:${e.status}`).sort(),
      ['call_disk:ok', 'call_git:ok', 'call_logs:ok'],
    );
    const usage = events.find((e): e is Extract<AgentEvent, { type: 'usage' }> => e.type === 'usage')?.usage;
    assert.ok(usage && usage.inputTokens > 0 && usage.outputTokens > 0, JSON.stringify(usage));
    assert.equal(usage.costUsd, undefined, 'no price is known for a VS Code model: tokens only');
    assert.equal(usage.model, 'Scripted Model · devops-scripted');

    const requests = await scriptedRequests();
    assert.equal(requests.length, 3);
    assert.ok(requests.every((r) => r.model === 'scripted-large'));
    // The system prompt opens the first user message (the stable API has no system role).
    assert.equal(requests[0].messages[0].role, 'user');
    assert.match((requests[0].messages[0].parts[0] as { value: string }).value, /You are DevOps Assistant/);
    const offered = requests[0].tools.map((t) => t.name);
    for (const name of ['git_log', 'search_logs', 'get_disk_usage']) assert.ok(offered.includes(name), offered.join());
    assert.equal(requests[0].tools.find((t) => t.name === 'git_log')?.inputSchema?.type, 'object');
    // The real servers' results went back as tool result parts, answering the calls by id.
    const results = partsOf(requests[1], 'toolResult');
    assert.deepEqual(results.map((r) => r.callId), ['call_git', 'call_disk']);
    assert.match(results[0].content, /"commits"/);
    assert.ok(!results[0].content.startsWith('Error:'), results[0].content);
    assert.deepEqual(partsOf(requests[1], 'toolCall').map((c) => c.name), ['git_log', 'get_disk_usage']);
    assert.deepEqual(partsOf(requests[2], 'toolResult').map((r) => r.callId), ['call_git', 'call_disk', 'call_logs']);
    // Roles alternate as providers expect.
    for (const request of requests) request.messages.forEach((m, i) => i > 0 && assert.notEqual(m.role, request.messages[i - 1].role));
    assert.equal(await pendingTurns(), 0);
  });

  it('the tokens in of a VS Code model count what was sent: the messages and the tools\' schemas', async () => {
    await enqueue({ text: 'Fine.' });
    const recorder = recordEvents(extension.session);
    await extension.session.ask('How is it going?');
    recorder.dispose();
    const usage = recorder.events.find((e): e is Extract<AgentEvent, { type: 'usage' }> => e.type === 'usage')?.usage;
    const [request] = await scriptedRequests();
    // The scripted model counts a token per 4 characters (of a part's JSON for messages).
    const toolTokens = Math.ceil(JSON.stringify(request.tools).length / 4);
    assert.ok(toolTokens > 500, `${toolTokens} tokens of tool schemas`);
    assert.ok(usage && usage.inputTokens >= toolTokens, `${usage?.inputTokens} tokens in, the tools alone ${toolTokens}`);
    assert.equal(usage?.costUsd, undefined, 'no price is known');
  });

  it('a failed tool call reaches the VS Code model as a result that says it failed', async () => {
    await enqueue({ toolCalls: [{ callId: 'call_bad', name: 'no_such_tool', input: {} }] }, { text: 'That tool does not exist.' });
    await extension.session.ask('Use a tool that does not exist');
    const requests = await scriptedRequests();
    assert.equal(requests.length, 2);
    const [result] = partsOf(requests[1], 'toolResult');
    assert.equal(result.callId, 'call_bad');
    // VS Code's tool result part has no error flag: the words carry it.
    assert.match(result.content, /^Error: Unknown tool "no_such_tool"/);
  });

  it('a tool call whose input is not a JSON object is answered as an error, not run without its arguments', async () => {
    // A provider may pass on arguments it could not parse (here the model's cut-off JSON, as a string).
    await enqueue({ toolCalls: [{ callId: 'call_raw', name: 'git_log', input: '{"count": 5' }] }, { text: 'I will retry with valid input.' });
    await extension.session.ask('Show the last commits');
    const requests = await scriptedRequests();
    assert.equal(requests.length, 2);
    const [result] = partsOf(requests[1], 'toolResult');
    assert.equal(result.callId, 'call_raw');
    assert.match(result.content, /^Error: Not run: the arguments of git_log arrived cut off/);
    const stored = extension.agent.messages().flatMap((m) => (typeof m.content === 'string' ? [] : m.content)).find((b) => b.type === 'tool_use');
    // Both APIs want an object: the history stays valid for any model the user switches to.
    assert.deepEqual(stored?.type === 'tool_use' ? stored.input : undefined, {});
  });

  /** One question whose request fails as `error` says: the error event and the last event of the turn. */
  async function failingTurn(error: NonNullable<ScriptedTurn['error']>): Promise<{ error?: ErrorEvent; last?: AgentEvent }> {
    await enqueue({ error });
    const recorder = recordEvents(extension.session);
    await extension.session.ask('How is the system?');
    recorder.dispose();
    return { error: recorder.events.find((e): e is ErrorEvent => e.type === 'error'), last: recorder.events.at(-1) };
  }

  it('a quota error (LanguageModelError Blocked) becomes a clear message with Choose Model', async () => {
    const { error, last } = await failingTurn({ code: 'Blocked', message: 'Quota exceeded for this month' });
    assert.match(error?.message ?? '', /quota or rate limit|사용량 한도/);
    assert.match(error?.message ?? '', /Scripted Model/);
    assert.equal(error?.action?.command, 'devopsAssistant.chooseModel');
    assert.deepEqual(last, { type: 'done', stopReason: 'error' });
  });

  it('no permission (LanguageModelError NoPermissions) says the user did not allow it', async () => {
    const { error } = await failingTurn({ code: 'NoPermissions', message: 'the user declined' });
    assert.match(error?.message ?? '', /not been allowed|허용되지 않았습니다/);
  });

  it('a model gone mid-session (LanguageModelError NotFound) or another failure is named, with Choose Model', async () => {
    const gone = await failingTurn({ code: 'NotFound', message: 'model removed' });
    assert.match(gone.error?.message ?? '', /no longer available|더 이상/);
    assert.equal(gone.error?.action?.command, 'devopsAssistant.chooseModel');
    const other = await failingTurn({ message: 'upstream exploded' });
    assert.match(other.error?.message ?? '', /Scripted Model .*upstream exploded/);
    assert.deepEqual(other.last, { type: 'done', stopReason: 'error' });
  });

  // A VS Code model's "over the window" refusal read as a generic failure ended the answer, every round's
  // work lost; it is the Anthropic API's "prompt is too long" in another wording (GitHub Copilot's here).
  it('"prompt token count … exceeds the limit" from a VS Code model is sent again smaller, and the user is told', async () => {
    const overWindow = { message: 'Request Failed: 400 {"error":{"message":"prompt token count of 160000 exceeds the limit of 128000","code":"model_max_prompt_tokens_exceeded"}}' };
    await enqueue({ error: overWindow }, { text: 'The disks are 40 % full.' });
    const recorder = recordEvents(extension.session);
    await extension.session.ask('How full are the disks?');
    recorder.dispose();
    const notices = recorder.events.filter((e) => e.type === 'notice');
    assert.match(notices[0]?.type === 'notice' ? notices[0].message : '', /too long for the model; older tool results of this answer were shortened and it was sent again|너무 길/);
    assert.equal(recorder.events.find((e) => e.type === 'error'), undefined);
    assert.deepEqual(recorder.events.at(-1), { type: 'done', stopReason: 'end_turn' });
    assert.equal((await scriptedRequests()).length, 2);
    // Refused every time: a notice that offers Continue and Clear Chat (not Choose Model: the model is fine).
    await enqueue({ error: overWindow }, { error: overWindow }, { error: overWindow });
    const again = recordEvents(extension.session);
    await extension.session.ask('And the memory?');
    again.dispose();
    const last = again.events.filter((e) => e.type === 'notice').at(-1);
    assert.ok(last?.type === 'notice' && last.canContinue, JSON.stringify(again.events));
    assert.match(last?.type === 'notice' ? last.message : '', /too long for Scripted Model|Scripted Model에 비해 너무 깁니다/);
    assert.equal(last?.type === 'notice' ? last.action?.command : undefined, 'devopsAssistant.clearChat');
    assert.deepEqual(again.events.at(-1), { type: 'done', stopReason: 'prompt_too_long' });
  });

  it('an error midway through the stream keeps the text so far and names the error', async () => {
    await enqueue({ text: 'The disk usage is', chunkSize: 4, chunkDelayMs: 200, error: { code: 'Blocked', message: 'Rate limit exceeded' } });
    const recorder = recordEvents(extension.session);
    await extension.session.ask('How full are the disks?');
    recorder.dispose();
    const error = recorder.events.find((e): e is ErrorEvent => e.type === 'error');
    assert.match(error?.message ?? '', /quota or rate limit|사용량 한도/);
    assert.deepEqual(recorder.events.at(-1), { type: 'done', stopReason: 'error' });
    // What was shown stays on screen. (VS Code drops parts it has not handed out yet when the provider's
    // error arrives in the same batch, so the chunks are spaced out; the invariant holds either way.)
    const shown = recorder.events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
    const kept = extension.agent.transcript().filter((i) => i.kind === 'assistant').map((i) => (i.kind === 'assistant' ? i.text : ''));
    assert.deepEqual(kept, shown ? [shown] : []);
    // The next question is answered from a valid history (the unanswered question is kept).
    await enqueue({ text: 'About 40 %.' });
    await extension.session.ask('And now?');
    const texts = partsOf((await scriptedRequests())[1], 'text').map((p) => p.value);
    assert.ok(texts.includes('How full are the disks?') && texts.includes('And now?'), texts.join(' | '));
  });

  it('Stop cancels the VS Code request mid-answer; the text so far is kept', async () => {
    await enqueue({ text: 'Checking the logs now', waitForCancel: true });
    const recorder = recordEvents(extension.session);
    const asked = extension.session.ask('Search the logs for timeouts');
    await until('the first text', () => recorder.events.some((e) => e.type === 'text'), 30_000);
    extension.session.stop();
    await asked;
    recorder.dispose();
    assert.deepEqual(recorder.events.at(-1), { type: 'done', stopReason: 'cancelled' });
    const [request] = await scriptedRequests();
    assert.equal(request.cancelled, true, 'the provider saw the CancellationToken fire');
    const transcript = extension.agent.transcript();
    assert.ok(transcript.some((i) => i.kind === 'assistant' && i.text.startsWith('Checking the logs')), JSON.stringify(transcript));
  });

  it('switching provider mid-conversation: the Anthropic API gets the VS Code model\'s tool calls as a valid history, and back', async () => {
    // Some providers make call ids the Messages API refuses (it wants letters, digits, _ and -).
    await enqueue({ toolCalls: [{ callId: 'functions.git_log:0', name: 'git_log', input: { count: 2 } }] }, { text: 'Two commits.' });
    await extension.session.ask('Last two commits?');
    const mock = await startMockAnthropic();
    try {
      await config().update('anthropicBaseUrl', mock.url, vscode.ConfigurationTarget.Workspace);
      await config().update('modelProvider', 'anthropic', vscode.ConfigurationTarget.Workspace);
      await extension.storeApiKey('sk-ant-switch-test-0000000000000000');
      mock.enqueue({ text: 'Port changes.' });
      const recorder = recordEvents(extension.session);
      await extension.session.ask('What did they change?');
      recorder.dispose();
      assert.deepEqual(recorder.events.at(-1), { type: 'done', stopReason: 'end_turn' }, JSON.stringify(recorder.events.filter((e) => e.type === 'error')));
      const [request] = mock.messageRequests();
      const blocks = (request.body.messages as Array<{ role: string; content: unknown }>).flatMap((m) => (Array.isArray(m.content) ? (m.content as Array<Record<string, unknown>>) : []));
      const use = blocks.find((b) => b.type === 'tool_use');
      const result = blocks.find((b) => b.type === 'tool_result');
      assert.match(String(use?.id), /^[a-zA-Z0-9_-]+$/);
      assert.equal(result?.tool_use_id, use?.id, 'the pair still matches');
      assert.deepEqual(use?.input, { count: 2 });
      assert.match(String(result?.content), /Read port from PORT/);
      // And back to the VS Code model: it gets Claude's answer in the history.
      await config().update('modelProvider', undefined, vscode.ConfigurationTarget.Workspace);
      await extension.storeApiKey(undefined);
      await enqueue({ text: 'Anything else?' });
      await extension.session.ask('Thanks');
      const texts = partsOf((await scriptedRequests())[2], 'text').map((p) => p.value);
      assert.ok(texts.includes('Port changes.') && texts.includes('Two commits.'), texts.join(' | '));
    } finally {
      await config().update('modelProvider', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('anthropicBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await extension.storeApiKey(undefined);
      await mock.close();
    }
  });

  it('a model with a small window gets tool results cut to its token budget (countTokens)', async () => {
    await config().update('vscodeModel', SCRIPTED_SMALL, vscode.ConfigurationTarget.Workspace);
    try {
      const calls = [
        { callId: 'call_git', name: 'git_log', input: { count: 50 } },
        { callId: 'call_disk', name: 'get_disk_usage', input: {} },
        { callId: 'call_usage', name: 'get_resource_usage', input: {} },
        { callId: 'call_top', name: 'get_top_processes', input: {} },
      ];
      await enqueue({ toolCalls: calls }, { text: 'Done.' });
      await extension.session.ask('How are the repository and the machine?');
      const requests = await scriptedRequests();
      assert.equal(requests.length, 2);
      assert.equal(requests[0].model, 'scripted-small');
      const results = partsOf(requests[1], 'toolResult');
      assert.deepEqual(results.map((r) => r.callId), calls.map((c) => c.callId));
      // 2 000 input tokens → 500 tokens for a round of results ≈ 2 000 characters at the provider's 4 characters a token,
      // far below the 48 000-character budget that applies to every model.
      const total = results.reduce((sum, r) => sum + r.content.length, 0);
      assert.ok(results.some((r) => /\[truncated by DevOps Assistant: showing \d+ of \d+ characters/.test(r.content)), JSON.stringify(results.map((r) => r.content.length)));
      assert.ok(total < 2000 + results.length * 150, `${total} characters of results`);
    } finally {
      await config().update('vscodeModel', SCRIPTED_LARGE, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a chosen model that is gone is named, with Choose Model; `anthropic` without a key asks for one', async () => {
    await config().update('vscodeModel', { vendor: SCRIPTED_VENDOR, id: 'gone' }, vscode.ConfigurationTarget.Workspace);
    try {
      const gone = await extension.models.current();
      assert.ok('problem' in gone);
      assert.match(gone.problem.message, /devops-scripted\/gone/);
      assert.equal(gone.problem.action?.command, 'devopsAssistant.chooseModel');
      await config().update('modelProvider', 'anthropic', vscode.ConfigurationTarget.Workspace);
      const noKey = await extension.models.current();
      assert.ok('problem' in noKey);
      assert.equal(noKey.problem.action?.command, 'devopsAssistant.setApiKey');
    } finally {
      await config().update('modelProvider', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('vscodeModel', SCRIPTED_LARGE, vscode.ConfigurationTarget.Workspace);
    }
    const back = await extension.models.current();
    assert.ok('model' in back && back.model.info.id === 'scripted-large');
  });

  it('with modelProvider `vscode` and no model, the only button is Choose Model (a key alone is not used), in the UI language', () => {
    const problems = modelProblems();
    for (const problem of [problems.notAvailable(undefined), problems.noLanguageModelApi()]) {
      const commands = [problem.action, ...(problem.moreActions ?? [])].map((a) => a?.command);
      assert.deepEqual(commands, ['devopsAssistant.chooseModel'], problem.message);
      assert.match(problem.message, /Choose Model|모델 선택/);
      assert.doesNotMatch(problem.message, /set an (Anthropic )?API key/i);
    }
    // `auto` with neither: one line, both buttons.
    assert.deepEqual([problems.noModel().action, ...(problems.noModel().moreActions ?? [])].map((a) => a?.command), ['devopsAssistant.setApiKey', 'devopsAssistant.chooseModel']);
  });

  it('DevOps: Choose Model offers the VS Code models and keeps the choice where the setting lives', async () => {
    let result: ModelPick | undefined | 'pending' = 'pending';
    const command = Promise.resolve(vscode.commands.executeCommand<ModelPick | undefined>('devopsAssistant.chooseModel')).then((value) => (result = value));
    try {
      // The picker opens with the current model active; Enter keeps it. (Accept until the picker is there.)
      await until(
        'the picker accepted',
        async () => {
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
          return result !== 'pending';
        },
        20_000,
      );
      await command;
      assert.deepEqual(result, { provider: 'vscode', model: { vendor: SCRIPTED_VENDOR, id: 'scripted-large', family: 'scripted' } });
      const inspect = config().inspect('vscodeModel');
      assert.deepEqual(inspect?.workspaceValue, { vendor: SCRIPTED_VENDOR, id: 'scripted-large', family: 'scripted' }, 'a workspace value stays in the workspace');
      assert.equal(config().inspect('modelProvider')?.globalValue, 'vscode');
    } finally {
      await config().update('modelProvider', undefined, vscode.ConfigurationTarget.Global);
      await config().update('vscodeModel', SCRIPTED_LARGE, vscode.ConfigurationTarget.Workspace);
    }
  });
});
