import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { contributedCommandTitles, createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';

describe('UI smoke: the extension in a real VS Code workbench', function () {
  this.timeout(120_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    workbench = await launchWorkbench({ folder });
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('shows the DevOps container (three trees) and the DevOps Assistant (chat) container in the activity bar', async () => {
    const { page } = workbench;
    await workbench.chatActivityBarItem().waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.activityBarItem().click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar.locator('.composite.title', { hasText: 'DevOps' }).waitFor({ state: 'visible', timeout: 15_000 });
    for (const view of ['Branches', 'Log Files', 'System']) {
      await sideBar.locator('.pane-header', { hasText: view }).first().waitFor({ state: 'visible', timeout: 15_000 });
    }
    // The views fill from the bundled servers: a branch of the fixture repo and one of its log files.
    await sideBar.locator('.pane', { hasText: 'Branches' }).locator('.monaco-list-row', { hasText: 'main' }).first().waitFor({ timeout: 60_000 });
    await sideBar.locator('.pane', { hasText: 'Log Files' }).locator('.monaco-list-row', { hasText: 'app.log' }).first().waitFor({ timeout: 60_000 });
    await page.mouse.move(900, 500); // no hover tooltip in the picture
    await workbench.screenshot('devops-container');
  });

  it('lists the DevOps commands in the command palette', async () => {
    const { page } = workbench;
    const expected = ['DevOps Assistant: Focus on Chat View', 'DevOps: Focus on Branches View', ...contributedCommandTitles({ paletteOnly: true })];
    const input = page.locator('.quick-input-widget input.input');
    const missing: string[] = [];
    for (const title of expected) {
      // Re-open the palette when something (a view taking focus, a notification) has closed it.
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
      }
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      const found = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (!found) missing.push(title);
    }
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await input.fill('>DevOps:');
    await workbench.screenshot('command-palette');
    await page.keyboard.press('Escape');
    assert.deepEqual(missing, [], `missing from the palette: ${missing.join(', ')}`);
  });

  it('runs a command from the palette: focusing the Log Files view', async () => {
    await workbench.openView('Log Files');
    const header = workbench.page.locator('.part.sidebar .pane-header', { hasText: 'Log Files' }).first();
    assert.equal(await header.getAttribute('aria-expanded'), 'true');
  });
});

describe('UI smoke: Restricted Mode (untrusted folder)', function () {
  this.timeout(120_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    workbench = await launchWorkbench({ folder, workspaceTrust: true });
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the DevOps container available with limited support', async () => {
    const { page } = workbench;
    // The status bar says so once the workbench has decided the folder is not trusted.
    await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ state: 'visible', timeout: 30_000 });
    await workbench.activityBarItem().click();
    await page.locator('.part.sidebar .composite.title', { hasText: 'DevOps' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.part.sidebar .pane-header', { hasText: 'Branches' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.chatActivityBarItem().waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.screenshot('tmp/restricted-mode');
  });
});
