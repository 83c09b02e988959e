// leftovers27: a repository with more branches than a page (300) showed the first page and "More branches exist than
// the 300 listed here." with no count and no way to the rest. The Branches view now says how many are left, and its
// item loads the next page (git_branches' cursor), appended below the first. A real repository of 332 branches.
// leftovers28: that item was the last row, off screen under 300 branches; it is the first now, and the view's title
// says "300 of 332 branches".
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { widenSideBar } from './ui-helpers';

const EXTRA = 330;

describe('UI: the Branches view of a repository with more branches than a page', function () {
  this.timeout(300_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folder, encoding: 'utf8' }).trim();
    const refs = Array.from({ length: EXTRA }, (_, i) => `create refs/heads/topic/t${String(i).padStart(3, '0')} ${head}\n`).join('');
    execFileSync('git', ['update-ref', '--stdin'], { cwd: folder, input: refs });
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' }, viewport: { width: 1400, height: 900 } });
    await workbench.openView('Branches');
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('says how many branches are left, and loads them', async () => {
    const { page } = workbench;
    await widenSideBar(page, 520);
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Branches' }) });
    const rows = pane.locator('.monaco-list-row');
    await rows.filter({ hasText: /Local\s*300\+/ }).first().waitFor({ timeout: 120_000 });
    // leftovers28: without scrolling, the view says more exist: its title's description, and the item that loads them
    // is the first row (at the end of the 300 branches it was off screen, found only by scrolling to the end).
    await pane.locator('.pane-header', { hasText: '300 of 332 branches' }).waitFor({ timeout: 60_000 });
    const more = rows.filter({ hasText: '32 more branches: load more' }).first();
    await more.waitFor({ timeout: 60_000 });
    const [list, item] = await Promise.all([pane.locator('.monaco-list').first().boundingBox(), more.boundingBox()]);
    assert.ok(list && item && item.y >= list.y && item.y + item.height <= list.y + list.height, `in view without scrolling: ${JSON.stringify({ list, item })}`);
    assert.equal(await rows.first().textContent().then((text) => text?.includes('32 more branches: load more')), true, 'the first row');
    await workbench.screenshot('tmp/branches-many-first-page');
    await more.click();
    // The second page is appended: every branch is listed and nothing is left to load.
    await rows.filter({ hasText: /Local\s*332/ }).first().waitFor({ timeout: 120_000 });
    assert.equal(await rows.filter({ hasText: 'more branches: load more' }).count(), 0);
    assert.equal(await pane.locator('.pane-header', { hasText: 'of 332 branches' }).count(), 0, 'a whole listing: no description');
    await workbench.screenshot('tmp/branches-many-all');
  });
});
