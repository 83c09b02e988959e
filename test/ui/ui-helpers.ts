// Small workbench gestures shared by the UI tests of the chat and trees.
import type { Page } from 'playwright-core';

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


/** Chooses an item of the open context menu; retries with the keyboard if the click did not take. */
export async function chooseMenuItem(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label, exact: true }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
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
