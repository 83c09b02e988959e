// The picture in the README, taken from a real run: a question in the chat, a real logs-server tool
// call on the fixture's logs, the (scripted) answer streamed back through the real Anthropic SDK.
// A fresh profile as a new user has it (nothing resized or collapsed by hand), and the picture is
// taken only once the answer and the input are checked to be on screen.
import * as assert from 'node:assert/strict';
import { useMockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';
import { ask } from './support/ask';

const QUESTION = 'What went wrong in the app logs this week?';
const ANSWER =
  '## Errors this week\n\n' +
  '| Count | Error | Where |\n|---|---|---|\n' +
  '| 3 | `Connection refused: db.internal:5432` | db, 09:02:40–09:02:50 |\n' +
  '| 2 | `TimeoutError: operation timed out after 30000 ms` | worker jobs 8812, 8820 |\n\n' +
  'The database was unreachable for about 30 seconds; the service **reconnected at 09:03:10**. ' +
  'The worker timeouts began in the same minute, so they are most likely a consequence.\n\n' +
  '- Check `db.internal` for a restart or failover around 09:02.\n' +
  '- The retries in `src/db.js` worked as intended.';

describe('UI: the README screenshot (chat answering from the logs server)', function () {
  this.timeout(180_000);
  const started = useMockedWorkbench({ apiKey: 'test-key', viewport: { width: 1280, height: 800 }, failurePrefix: 'failed-readme' });

  it('asks in the chat, runs error_summary on the fixture logs and shows the answer', async () => {
    const { workbench, mock } = started();
    const { page } = workbench;
    mock.enqueue(
      {
        content: [
          { type: 'text', text: 'Let me summarise the errors in your logs.' },
          { type: 'tool_use', name: 'error_summary', input: { hours: 24 * 30 } },
        ],
        usage: { input_tokens: 1800, output_tokens: 45 },
      },
      { text: ANSWER, eventDelayMs: 10, chunkSize: 12, usage: { input_tokens: 2900, output_tokens: 210 } },
    );
    await workbench.openView('Chat');

    const chat = workbench.chatFrame();
    const input = chat.locator('#chat-input');
    await input.waitFor({ state: 'visible', timeout: 30_000 });
    await ask(chat, QUESTION);

    await chat.locator('.tool-step[data-status="ok"]').first().waitFor({ timeout: 60_000 });
    await chat.locator('.message.assistant .markdown h2', { hasText: 'Errors this week' }).waitFor({ timeout: 60_000 });
    await chat.locator('.usage').first().waitFor({ timeout: 30_000 });

    // The tool really ran on the fixture: its result, sent back to the model, counts the db errors.
    const toolResultTurn = JSON.stringify(mock.messageRequests()[1]?.body.messages ?? []);
    assert.match(toolResultTurn, /Connection refused/);

    // The log beside the chat, opened the usual way (Quick Open).
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget input.input');
    await quickOpen.waitFor({ state: 'visible', timeout: 10_000 });
    await quickOpen.fill('logs/app.log');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'app.log' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab', { hasText: 'app.log' }).waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor .view-line', { hasText: 'Connection refused' }).first().waitFor({ timeout: 15_000 });
    await page.mouse.move(1000, 700); // no hover tooltips in the picture
    const answer = chat.locator('.message.assistant', { hasText: 'Errors this week' }).last();
    await assertSeenInChat(page, answer, 'the answer');
    await assertSeenInChat(page, input, 'the input');
    await workbench.screenshot('readme-chat');
  });
});
