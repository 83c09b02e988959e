// Small workbench gestures shared by the UI tests of the chat and trees.
import type { Locator, Page } from 'playwright-core';
import type { Workbench } from './support/workbench';

/** Drags the side bar's edge, as a user would, so that screenshots show the views at a readable width. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

export async function collapsePane(page: Page, name: string, collapsed: boolean): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header', { hasText: name }).first();
  await header.waitFor({ state: 'visible', timeout: 15_000 });
  const expanded = (await header.getAttribute('aria-expanded')) === 'true';
  if (expanded === collapsed) await header.click();
}


/**
 * Chooses an item of the open context menu; retries with the keyboard if the click did not take. Rejects, saying so,
 * when the menu closed without the click reaching the item (a monaco menu runs its item on mouseup): a view re-rendered
 * under the menu can close it between the pointer's aim and the press, and the test then waited 90 s for a command that
 * never ran (flaky30). `rightClickAndChoose` opens the menu again in that case.
 */
export async function chooseMenuItem(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label, exact: true }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  const element = await item.elementHandle({ timeout: 10_000 });
  if (!element) throw new MenuClosedError(label);
  // Marked on the element itself: the handle still reads it once the closed menu has detached it.
  await element.evaluate((el) => el.addEventListener('mouseup', () => el.setAttribute('data-test-reached', ''), { once: true, capture: true }));
  await item.hover();
  await item.click();
  const closed = await page
    .locator('.monaco-menu')
    .first()
    .waitFor({ state: 'hidden', timeout: 2_000 })
    .then(() => true, () => false);
  if (!closed) {
    await item.hover();
    await page.keyboard.press('Enter');
    return;
  }
  const reached = await element.evaluate((el) => el.hasAttribute('data-test-reached')).catch(() => false);
  await element.dispose();
  if (!reached) throw new MenuClosedError(label);
}

/** The context menu closed before the click reached its item: the item's command did not run. */
export class MenuClosedError extends Error {
  constructor(label: string) {
    super(`the context menu closed before the click reached "${label}": its command did not run`);
  }
}

/** Right-clicks `target` and chooses `label` in its context menu, opening the menu again if it closed under the click. */
export async function rightClickAndChoose(page: Page, target: Locator, label: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click({ button: 'right' });
    try {
      await chooseMenuItem(page, label);
      return;
    } catch (error) {
      if (!(error instanceof MenuClosedError) || attempt >= attempts) throw error;
    }
  }
}

/** Shows the Explorer, opens `folder` in it and right-clicks `file` there (its context menu is then open). */
export async function rightClickInExplorer(page: Page, folder: string, file: string): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const explorer = page.locator('.explorer-folders-view');
  await explorer.waitFor({ state: 'visible', timeout: 15_000 });
  const folderRow = explorer.locator(`.monaco-list-row[aria-label="${folder}"]`);
  await folderRow.waitFor({ timeout: 15_000 });
  if ((await folderRow.getAttribute('aria-expanded')) !== 'true') await folderRow.click();
  const fileRow = explorer.locator(`.monaco-list-row[aria-label="${file}"]`);
  await fileRow.waitFor({ timeout: 15_000 });
  await fileRow.click({ button: 'right' });
}

/** The notifications, the chat's messages and the page's console errors, for the message of a failed wait. */
export async function whatIsShown(workbench: Pick<Workbench, 'page' | 'chatFrame' | 'consoleErrors'>): Promise<string> {
  const texts = (locator: Locator) => locator.allInnerTexts().then((all) => all.map((t) => t.replace(/\s+/g, ' ').slice(0, 300)), (error: unknown) => [`(not read: ${String(error)})`]);
  const toasts = await texts(workbench.page.locator('.notifications-toasts .notification-toast'));
  const messages = await texts(workbench.chatFrame().locator('.message'));
  return [`notifications: ${JSON.stringify(toasts)}`, `chat: ${JSON.stringify(messages)}`, `console errors: ${JSON.stringify(workbench.consoleErrors.slice(-5))}`].join('\n');
}

/**
 * How the first text node of `element` lays out: `lines`, the lines it takes, and `cut`, its words (runs without
 * white space) that take more than one line — a word broken in two at a line end (Korean has no hyphenation to excuse it).
 */
export async function wordLines(element: Locator): Promise<{ lines: number; cut: string[] }> {
  // No function is declared inside evaluate: tsx would wrap it in a helper the page does not have.
  return element.evaluate((node) => {
    const text = node.firstChild as Text;
    const range = document.createRange();
    const spans: Array<[number, number, string]> = [[0, text.data.length, '']];
    for (const m of text.data.matchAll(/\S+/g)) spans.push([m.index, m.index + m[0].length, m[0]]);
    const lines: number[] = [];
    for (const [start, end] of spans) {
      range.setStart(text, start);
      range.setEnd(text, end);
      lines.push(new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size);
    }
    return { lines: lines[0], cut: spans.slice(1).filter((_, i) => lines[i + 1] > 1).map((span) => span[2]) };
  });
}
