// @devops in VS Code's own Chat view, as a user has it: the built-in chat turned on, a language model
// from an installed provider extension (the scripted test model, test/fixtures/scripted-model-extension,
// no Copilot), the question typed into the Chat view's input. The answer comes through the real agent
// loop and the real logs server; /errors and its follow-up run on the same fixture.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { linkedExtension } from '../../scripts/vscode/code-server.mjs';
import { scriptedModelExtensionPath } from '../../scripts/vscode/paths.mjs';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';

const MODEL_NAME = 'Scripted Model';
const ANSWER = 'The database at db.internal:5432 refused connections three times.';
const EXPLANATION = 'Most likely the database was down or unreachable; check it first.';

/** The scripted model's replies, in order: a tool call then the answer; later the /errors follow-up's explanation. */
const TURNS = [
  { text: 'Let me read the log. ', toolCalls: [{ callId: 'ui-1', name: 'error_summary', input: { file: 'logs/app.log', wholeFile: true } }] },
  { text: ANSWER },
  { text: EXPLANATION },
];

describe('UI: @devops in VS Code\'s Chat view', function () {
  this.timeout(240_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    workbench = await launchWorkbench({
      folder,
      settings: { 'chat.disableAIFeatures': false },
      extraExtensions: [linkedExtension(scriptedModelExtensionPath)],
      env: { DEVOPS_SCRIPTED_MODEL_TURNS: JSON.stringify(TURNS) },
    });
    await openChatWithModel(workbench);
  });

  afterEach(async function () {
    // What was on screen when a test failed, for its report.
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed/participant-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('answers a question typed into the Chat view, with the tool step and the model\'s answer on screen', async () => {
    const { page } = workbench;
    await send(page, '@devops What went wrong in the app today?');
    const response = lastResponse(page);
    await response.getByText(ANSWER).waitFor({ timeout: 90_000 });
    assert.match(await response.innerText(), /logs · error_summary .*done in/);
    // VS Code folds what came before the progress messages into "Completed N steps"; opened, it shows the model's first words.
    await response.getByText(/Completed \d+ steps?/).first().click();
    await response.getByText('Let me read the log.').waitFor({ timeout: 10_000 });
    await page.mouse.move(700, 450);
    await workbench.screenshot('participant-answer');
  });

  it('/errors shows the error summary, and its follow-up asks the model to explain it', async () => {
    const { page } = workbench;
    await send(page, '@devops /errors app.log');
    const response = lastResponse(page);
    await response.getByText('Error summary: logs/app.log').waitFor({ timeout: 60_000 });
    assert.match(await response.innerText(), /Connection refused/);
    const followup = page.locator('.interactive-session .chat-followup, .interactive-session .interactive-response-followups a, .interactive-session .monaco-button', { hasText: 'Explain the likely causes and fixes' }).first();
    await followup.waitFor({ state: 'visible', timeout: 30_000 });
    await workbench.screenshot('participant-errors');
    await followup.click();
    await lastResponse(page).getByText(EXPLANATION).waitFor({ timeout: 90_000 });
  });
});

/** Opens VS Code's Chat view and waits until its model picker shows the scripted model (requests go to the picked model). */
async function openChatWithModel(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  // Choosing a model in our picker makes VS Code ask every provider for its models, so the
  // Chat view's own picker has them too (a provider's models are resolved on demand).
  await workbench.runCommand('DevOps: Choose Model');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: MODEL_NAME }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await workbench.runCommand('Chat: Open Chat');
  await chatInput(page).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.interactive-input-part', { hasText: MODEL_NAME }).first().waitFor({ timeout: 60_000 });
}

function chatInput(page: Page): Locator {
  return page.locator('.interactive-input-part .monaco-editor').first();
}

/** Replaces the input's text (@devops stays in it after a request: it is sticky) and sends it. */
async function send(page: Page, text: string): Promise<void> {
  await chatInput(page).click({ force: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 20 });
  await page.keyboard.press('Enter');
}

function lastResponse(page: Page): Locator {
  return page.locator('.interactive-session .interactive-item-container.interactive-response').last();
}
