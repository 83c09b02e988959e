// The chat where a person can see it (issue 12, item 1). In a fresh profile at 1280×800 and
// 1920×1080, nothing resized or collapsed by hand: after "DevOps: Ask", after "Summarize Errors"
// (from the Log Files tree and from the Explorer) and with the no-key banner showing, the newest
// answer and the input must be on screen, checked with `document.elementFromPoint` in the webview
// and in the workbench (see support/visibility.ts). The pictures are the README's.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { useMockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';
import type { Workbench } from './support/workbench';
import { chooseMenuItem, rightClickAndChoose, rightClickInExplorer } from './ui-helpers';
import { askFromPalette } from './support/ask';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/** A long answer (taller than most side bars), so that "scrolled into view" is tested too. */
const LONG_ANSWER =
  '## Errors this week\n\n' +
  '| Count | Error | Where |\n|---|---|---|\n' +
  '| 3 | `Connection refused: db.internal:5432` | db, 09:02:40–09:02:50 |\n' +
  '| 2 | `TimeoutError: operation timed out after 30000 ms` | worker jobs 8812, 8820 |\n\n' +
  Array.from({ length: 14 }, (_, i) => `- Finding ${i + 1}: the database was unreachable for about 30 seconds before job ${8800 + i}.`).join('\n') +
  '\n\nThe last line of the answer: **reconnected at 09:03:10**.';
const EXPLANATION = 'The most likely cause is the **database connection failure** at 09:02; the worker timeouts follow from it.';

/** Each target must be on screen, with the chat input; then the picture (no hover tooltip in it), if named. */
async function assertOnScreen(workbench: Workbench, targets: Array<[Locator, string]>, picture?: string): Promise<void> {
  for (const [target, what] of [...targets, [workbench.chatFrame().locator('#chat-input'), 'the chat input'] as [Locator, string]]) {
    await assertSeenInChat(workbench.page, target, what);
  }
  if (!picture) return;
  const viewport = workbench.page.viewportSize();
  await workbench.page.mouse.move((viewport?.width ?? 800) / 2, (viewport?.height ?? 600) / 2);
  // The README shows the 1280×800 pictures; the others stay in test-output.
  await workbench.screenshot(viewport?.width === 1280 ? picture : `tmp/${picture}`);
}

const newestAssistant = (chat: FrameLocator, text: string) => chat.locator('.message.assistant', { hasText: text }).last();

/** Opens the DevOps container from the activity bar (unless it is open) and right-clicks app.log in Log Files. */
async function summarizeFromLogFilesTree(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Log Files' });
  if (!(await header.isVisible())) await workbench.activityBarItem().click();
  const logs = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Log Files' }) });
  const row = logs.locator('.monaco-list-row', { hasText: 'logs/app.log' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await rightClickAndChoose(page, row, 'Summarize Errors');
}

async function summarizeFromExplorer(workbench: Workbench): Promise<void> {
  await rightClickInExplorer(workbench.page, 'logs', 'app.log');
  await chooseMenuItem(workbench.page, 'Summarize Errors');
}

for (const size of SIZES) {
  const label = `${size.width}x${size.height}`;

  describe(`UI: the chat on screen at ${size.width}×${size.height}, fresh profile, with an API key`, function () {
    this.timeout(240_000);
    const started = useMockedWorkbench({ apiKey: 'test-key', viewport: size, failurePrefix: `failed-${label}` });

    it('"DevOps: Ask": the newest answer and the input are visible', async () => {
      const { workbench, mock } = started();
      mock.enqueue(
        {
          content: [
            { type: 'text', text: 'Let me summarise the errors in your logs.' },
            { type: 'tool_use', name: 'error_summary', input: { hours: 24 * 30 } },
          ],
        },
        { text: LONG_ANSWER, eventDelayMs: 5, chunkSize: 24 },
      );
      await askFromPalette(workbench, 'What went wrong in the app logs this week?');
      const chat = workbench.chatFrame();
      const answer = newestAssistant(chat, 'reconnected at 09:03:10');
      await answer.waitFor({ timeout: 60_000 });
      await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 30_000 });
      await assertOnScreen(workbench, [[answer, 'the answer']], `chat-ask-${label}`);
    });

    it('"Summarize Errors" on a Log Files item: the summary, the explanation and the input are visible', async () => {
      const { workbench, mock } = started();
      mock.enqueue({ text: EXPLANATION, eventDelayMs: 5 });
      await summarizeFromLogFilesTree(workbench);
      const chat = workbench.chatFrame();
      const summary = newestAssistant(chat, 'Error summary: logs/app.log');
      await summary.waitFor({ timeout: 60_000 });
      const explanation = newestAssistant(chat, 'database connection failure');
      await explanation.waitFor({ timeout: 60_000 });
      await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 30_000 });
      await assertOnScreen(workbench, [[explanation, 'the explanation (newest answer)']], `chat-summarize-errors-${label}`);
    });
  });

  describe(`UI: the chat on screen at ${size.width}×${size.height}, fresh profile, no API key`, function () {
    this.timeout(240_000);
    const started = useMockedWorkbench({ apiKey: '', viewport: size, failurePrefix: `failed-${label}-nokey` });

    it('"Summarize Errors" from the Explorer: the summary, the key banner and the input are visible', async () => {
      const { workbench } = started();
      await summarizeFromExplorer(workbench);
      const chat = workbench.chatFrame();
      const summary = newestAssistant(chat, 'Error summary: logs/app.log');
      await summary.waitFor({ timeout: 60_000 });
      const banner = chat.locator('.banner');
      await banner.waitFor({ state: 'visible', timeout: 30_000 });
      await assertOnScreen(workbench, [[summary, 'the error summary (newest answer)'], [banner, 'the no-key banner']], `chat-no-api-key-${label}`);
    });

    it('"DevOps: Ask" without a key: the error with its action, the banner and the input are visible', async () => {
      const { workbench, mock } = started();
      await askFromPalette(workbench, 'How is the system doing?');
      const chat = workbench.chatFrame();
      const error = chat.locator('.error[role="alert"]', { hasText: 'No Anthropic API key' }).last();
      await error.waitFor({ timeout: 30_000 });
      await assertOnScreen(workbench, [[error, 'the error (newest answer)'], [chat.locator('.banner'), 'the no-key banner']]);
      assert.equal(mock.messageRequests().length, 0, 'no request without a key');
    });
  });
}
