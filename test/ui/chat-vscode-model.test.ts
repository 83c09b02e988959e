// With no Anthropic key, the chat answers with a VS Code language model: here the scripted model of
// test/fixtures/scripted-model-extension, installed beside ours, calling the real logs server. The
// chat says which model answers and shows tokens without a price.
import * as assert from 'node:assert/strict';
import { scriptedModelExtensionPath } from '../../scripts/vscode/paths.mjs';
import { useMockedWorkbench } from './support/mocked-workbench';
import { widenSideBar } from './ui-helpers';
import { ask } from './support/ask';

const TURNS = [
  { text: 'Let me summarise the errors in your logs.', toolCalls: [{ callId: 'call_errors', name: 'error_summary', input: { hours: 24 * 30 } }] },
  { text: '## Errors\n\nThe database at `db.internal:5432` refused connections for about 30 seconds; the worker timeouts followed.', chunkSize: 6 },
];

describe('UI: the chat with a VS Code language model (no API key)', function () {
  this.timeout(180_000);
  const started = useMockedWorkbench({
    apiKey: '',
    failurePrefix: 'failed-vscode-model',
    extensions: [scriptedModelExtensionPath],
    env: { DEVOPS_SCRIPTED_MODEL_TURNS: JSON.stringify(TURNS) },
  });

  it('says which model answers, answers through it with a real tool call, and shows tokens only', async () => {
    const { workbench, mock } = started();
    await workbench.openView('Chat');
    await widenSideBar(workbench.page, 560);
    const chat = workbench.chatFrame();
    const modelLine = chat.locator('.model-line');
    await modelLine.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await modelLine.textContent()) ?? '', /Answering with Scripted Model · devops-scripted/);
    assert.equal(await chat.locator('.banner').isVisible(), false, 'no "no model" banner');

    await ask(chat, 'What went wrong in the app logs?');
    await chat.locator('.tool-step[data-status="ok"]').first().waitFor({ timeout: 60_000 });
    await chat.locator('.message.assistant .markdown h2', { hasText: 'Errors' }).waitFor({ timeout: 60_000 });
    const usage = chat.locator('.usage').first();
    await usage.waitFor({ timeout: 30_000 });
    const usageText = (await usage.textContent()) ?? '';
    assert.match(usageText, /tokens in · \d[\d,]* out/);
    assert.match(usageText, /Scripted Model/);
    assert.doesNotMatch(usageText, /\$/, 'no price is known for a VS Code model');
    assert.doesNotMatch(usageText, /from cache/, 'a model without prompt caching shows no cache count');
    assert.equal(mock.messageRequests().length, 0, 'nothing went to the Anthropic API');
    await workbench.screenshot('chat-vscode-model');
  });
});
