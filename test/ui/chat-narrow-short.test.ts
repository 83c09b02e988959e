// The chat where a person squeezes it (break35x): the side bar dragged to its narrowest, then the chat moved to the
// panel and the panel made a few lines high. The answer's end, Stop, Clear and the input must stay whole on screen.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { useMockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';
import { ask } from './support/ask';

/** A long Markdown answer (a wide table, a long code line) streamed slowly enough for Stop to be looked at. */
function longAnswer(marker: string): string {
  const rows = Array.from({ length: 25 }, (_, i) => `| host-${i} | /var/lib/postgresql/data/pg_wal/0000000100000${i} | ${90 + (i % 10)}% |`);
  return ['## Disks', '', '| Host | Path | Use |', '|---|---|---|', ...rows, '', '```bash', 'journalctl -u postgresql --since -1h --no-pager | grep -E "ERROR|FATAL" | tail -n 50', '```', '', `The end: ${marker}.`].join('\n');
}

/**
 * A button must be whole, not only partly, inside the webview's window: a Clear cut to "Clea" at the right edge still
 * passes an elementFromPoint probe of its visible part.
 */
async function assertWhollyInside(target: Locator, what: string): Promise<void> {
  const box = await target.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom, width: window.innerWidth, height: window.innerHeight };
  });
  assert.ok(box.left >= 0 && box.top >= 0 && box.right <= box.width + 0.5 && box.bottom <= box.height + 0.5,
    `${what} is cut by the view's edge: ${JSON.stringify(box)}`);
}

/** Drags the sash at `from` (page coordinates) to `to`, as a person resizes a part. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

async function streamAndCheck(page: Page, chat: FrameLocator, enqueue: (text: string) => void, marker: string): Promise<void> {
  enqueue(longAnswer(marker));
  await ask(chat, `Which disks are full? (${marker})`, 'host-1');
  const stop = chat.locator('#stop');
  await assertSeenInChat(page, stop, 'Stop while the answer streams', 10);
  await assertWhollyInside(stop, 'Stop');
  await assertWhollyInside(chat.locator('#clear'), 'Clear beside Stop');
  await assertSeenInChat(page, chat.locator('#chat-input'), 'the input while the answer streams', 16);
  await chat.locator('.message.assistant', { hasText: marker }).last().waitFor({ timeout: 120_000 });
  await stop.waitFor({ state: 'hidden', timeout: 15_000 });
  await assertSeenInChat(page, chat.locator('.usage').last(), 'the line under the finished answer', 10);
  await assertWhollyInside(chat.locator('#send'), 'Send');
  await assertWhollyInside(chat.locator('#clear'), 'Clear');
}

describe('UI: the chat in a side bar at its narrowest and in a short panel', function () {
  this.timeout(300_000);
  const env = useMockedWorkbench({ apiKey: 'test-key', viewport: { width: 1280, height: 800 }, failurePrefix: 'narrow-short' });
  const slowly = (text: string) => env().mock.enqueue({ text, eventDelayMs: 40, chunkSize: 20 });

  it('the side bar dragged to its narrowest: Stop, Clear and the answer\'s end stay whole in view', async () => {
    const { workbench } = env();
    await workbench.openView('Chat');
    const sidebar = await workbench.page.locator('.part.sidebar').boundingBox();
    assert.ok(sidebar);
    const y = sidebar.y + sidebar.height / 2;
    // VS Code stops the side bar at its minimum width (170 px); past half of it the bar would snap closed.
    await drag(workbench.page, { x: sidebar.x + sidebar.width + 1, y }, { x: sidebar.x + 150, y });
    const narrowed = await workbench.page.locator('.part.sidebar').boundingBox();
    assert.ok(narrowed && narrowed.width < 200, `the side bar is ${narrowed?.width} px wide`);
    await streamAndCheck(workbench.page, workbench.chatFrame(), slowly, 'NARROW-END');
  });

  it('moved to the panel, the panel a few lines high: Stop, the input and the answer\'s end stay in view', async () => {
    const { workbench } = env();
    const { page } = workbench;
    await workbench.runCommand('View: Move View');
    const pick = page.locator('.quick-input-widget input.input');
    await pick.fill('Chat');
    await page.locator('.quick-input-list .monaco-list-row[aria-label="Chat"]').first().click();
    await page.locator('.quick-input-list .monaco-list-row[aria-label="New Panel Entry"]').click();
    const chat = workbench.chatFrame();
    await chat.locator('#chat-input').waitFor({ state: 'visible', timeout: 30_000 });
    const panel = await page.locator('.part.panel').boundingBox();
    assert.ok(panel);
    // The sash on the panel's top edge, dragged down to leave it 150 px high.
    await drag(page, { x: panel.x + panel.width / 2, y: panel.y - 1 }, { x: panel.x + panel.width / 2, y: panel.y + panel.height - 150 });
    const shortened = await page.locator('.part.panel').boundingBox();
    assert.ok(shortened && shortened.height < 170, `the panel is ${shortened?.height} px high`);
    await streamAndCheck(page, chat, slowly, 'SHORT-END');
  });
});
