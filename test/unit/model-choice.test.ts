// Which model answers (devopsAssistant.modelProvider), the token budget for tool results, and the
// idle watchdog every streaming model uses.
import assert from 'node:assert/strict';
import type { ChatModel, ModelChoice, ModelProblem } from '../../src/agent/model';
import { IdleWatchdog, StreamStalledError } from '../../src/agent/idle';
import { applyTokenBudget } from '../../src/agent/tool-bridge';
import { chooseModel, describeSelector, type ChoiceProblems, type ModelCandidates } from '../../src/models/choice';
import type { VsCodeModelSelector } from '../../src/settings';
import { waitUntil } from '../support/wait';

function model(provider: 'anthropic' | 'vscode', id: string): ChatModel {
  return {
    info: { provider, id, label: id },
    send: () => Promise.reject(new Error('not sent in this test')),
    isCancellation: () => false,
    describeError: () => ({ message: 'x' }),
  };
}

const problems: ChoiceProblems = {
  noModel: () => ({ message: 'no model', action: { title: 'Set API Key', command: 'devopsAssistant.setApiKey' }, moreActions: [{ title: 'Choose Model', command: 'devopsAssistant.chooseModel' }] }),
  noLanguageModelApi: () => ({ message: 'no lm api' }),
  notAvailable: (wanted) => ({ message: `not available: ${wanted ?? 'any'}` }),
};

const noKey: ModelChoice = { problem: { message: 'no key' } };
const claude = model('anthropic', 'claude-sonnet-4-6');
const gpt = model('vscode', 'gpt-4.1');
const other = model('vscode', 'other-model');

/** VS Code's models as selectChatModels filters them: every field given must match. */
function offered(...models: ChatModel[]) {
  const asked: VsCodeModelSelector[] = [];
  const list = async (selector: VsCodeModelSelector) => {
    asked.push(selector);
    return models.filter((m) => (!selector.id || m.info.id === selector.id) && (!selector.vendor || selector.vendor === 'test'));
  };
  return { list, asked };
}

async function pick(candidates: Partial<ModelCandidates>): Promise<string | ModelProblem> {
  const choice = await chooseModel({ provider: 'auto', selector: {}, anthropic: async () => noKey, vscode: undefined, ...candidates }, problems);
  return 'model' in choice ? choice.model.info.id : choice.problem;
}

describe('model choice (devopsAssistant.modelProvider)', () => {
  it('auto: the Anthropic API when a key is set, even with VS Code models offered', async () => {
    const vscode = offered(gpt);
    assert.equal(await pick({ anthropic: async () => ({ model: claude }), vscode: vscode.list }), 'claude-sonnet-4-6');
    assert.deepEqual(vscode.asked, [], 'VS Code is not asked when the key decides');
  });

  it('auto without a key: the chosen VS Code model, else the first one offered', async () => {
    assert.equal(await pick({ vscode: offered(gpt, other).list, selector: { vendor: 'test', id: 'other-model' } }), 'other-model');
    assert.equal(await pick({ vscode: offered(gpt, other).list }), 'gpt-4.1');
  });

  it('auto with neither a key nor a model: one problem offering both fixes', async () => {
    const problem = (await pick({ vscode: offered().list })) as ModelProblem;
    assert.equal(problem.message, 'no model');
    assert.deepEqual([problem.action?.command, ...(problem.moreActions ?? []).map((a) => a.command)], ['devopsAssistant.setApiKey', 'devopsAssistant.chooseModel']);
  });

  it('auto without a key where VS Code has no Language Model API: the missing key is the problem', async () => {
    assert.deepEqual(await pick({ vscode: undefined }), { message: 'no key' });
  });

  it('a chosen model that went away is named, not silently replaced by another', async () => {
    assert.deepEqual(await pick({ vscode: offered(gpt).list, selector: { vendor: 'test', id: 'gone' } }), { message: 'not available: test/gone' });
    assert.deepEqual(await pick({ provider: 'vscode', vscode: offered(gpt).list, selector: { vendor: 'test', id: 'gone' } }), { message: 'not available: test/gone' });
  });

  it('anthropic: never a VS Code model; vscode: never the Anthropic API', async () => {
    assert.deepEqual(await pick({ provider: 'anthropic', vscode: offered(gpt).list }), { message: 'no key' });
    assert.equal(await pick({ provider: 'vscode', anthropic: async () => ({ model: claude }), vscode: offered(gpt).list }), 'gpt-4.1');
    assert.deepEqual(await pick({ provider: 'vscode', anthropic: async () => ({ model: claude }), vscode: undefined }), { message: 'no lm api' });
    assert.deepEqual(await pick({ provider: 'vscode', vscode: offered().list }), { message: 'not available: any' });
  });

  it('describes selectors for messages', () => {
    assert.equal(describeSelector({}), undefined);
    assert.equal(describeSelector({ vendor: 'copilot', family: 'gpt-4.1' }), 'copilot/gpt-4.1');
    assert.equal(describeSelector({ vendor: 'copilot', id: 'x', family: 'y' }), 'copilot/x');
  });
});

describe('tool results in tokens (applyTokenBudget)', () => {
  // One token per 4 characters, like many tokenizers on English text.
  const count = async (text: string) => Math.ceil(text.length / 4);

  it('keeps results that fit', async () => {
    assert.deepEqual(await applyTokenBudget(['short', 'also short'], 1000, count), ['short', 'also short']);
  });

  it('shares the budget fairly: a small result stays whole, a big one is cut to what is left, with a note', async () => {
    const small = 'a'.repeat(400); // 100 tokens
    const big = 'b'.repeat(40_000); // 10 000 tokens
    const [keptSmall, cutBig] = await applyTokenBudget([small, big], 1100, count);
    assert.equal(keptSmall, small);
    assert.ok(cutBig.startsWith('b'.repeat(4000)), 'the big one keeps its share (1000 tokens ≈ 4000 characters)');
    assert.ok(!cutBig.startsWith('b'.repeat(4001)));
    assert.match(cutBig, /\[truncated by DevOps Assistant: showing 4000 of 40000 characters/);
  });
});

describe('IdleWatchdog (silent streams end instead of hanging)', () => {
  it('a stream silent for idleMs is cut and reported as stalled', async () => {
    const user = new AbortController();
    const watchdog = new IdleWatchdog(30, user.signal);
    watchdog.touch();
    await waitUntil('cut for silence', () => watchdog.signal.aborted, { timeoutMs: 5000, intervalMs: 5 });
    assert.equal(watchdog.wentSilent, true);
    assert.throws(() => watchdog.rethrow(new Error('aborted')), (error: unknown) => error instanceof StreamStalledError && error.idleMs === 30);
    watchdog.dispose();
  });

  it("the user's Stop is a cancellation, not a stall", () => {
    const user = new AbortController();
    const watchdog = new IdleWatchdog(60_000, user.signal);
    watchdog.touch();
    user.abort();
    assert.equal(watchdog.signal.aborted, true);
    assert.equal(watchdog.wentSilent, false);
    const original = new Error('aborted by user');
    assert.throws(() => watchdog.rethrow(original), (error: unknown) => error === original);
    watchdog.dispose();
  });
});
