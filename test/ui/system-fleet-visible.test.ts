// break36x: the Fleet group (Prometheus) sits below the open Top processes, so in a System view of ordinary height a
// Prometheus URL a person had just set, or why it failed, was out of sight until they scrolled. Here the URL is set
// while the view is open (the workspace's settings file, as the Settings editor writes it) to a port nothing listens on: its
// error must come into view without scrolling.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { widenSideBar } from './ui-helpers';

describe('UI: the System view when a Prometheus URL is set', function () {
  this.timeout(300_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    // The settings file exists before the window opens, as in most projects: a `.vscode` folder created while the
    // window runs was sometimes not watched yet under load, and the URL written into it was never read.
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, '.vscode', 'settings.json'), '{}\n');
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' }, viewport: { width: 1400, height: 700 } });
    await workbench.openView('System');
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('brings the Fleet group and its error into view', async () => {
    const { page } = workbench;
    await widenSideBar(page, 520);
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'System' }) });
    const rows = pane.locator('.monaco-list-row');
    await rows.filter({ hasText: /pid \d+/ }).first().waitFor({ timeout: 90_000 });

    const settingsFile = join(folder, '.vscode', 'settings.json');
    writeFileSync(settingsFile, JSON.stringify({ 'devopsAssistant.prometheus.url': 'http://127.0.0.1:9' }, null, 2));

    const body = () => pane.locator('.pane-body').boundingBox();
    const inView = async (): Promise<string[]> => {
      const box = (await body())!;
      const seen = await rows.evaluateAll((all) => all.map((row) => ({ text: (row as HTMLElement).innerText.replace(/\s+/g, ' '), top: row.getBoundingClientRect().top, bottom: row.getBoundingClientRect().bottom })));
      return seen.filter((r) => r.top >= box.y - 1 && r.bottom <= box.y + box.height + 1).sort((a, b) => a.top - b.top).map((r) => r.text);
    };
    const deadline = Date.now() + 90_000;
    let shown: string[];
    for (;;) {
      shown = await inView();
      if (shown.some((text) => text.startsWith('Fleet')) && shown.some((text) => /Prometheus at .* cannot be reached/.test(text))) break;
      assert.ok(Date.now() < deadline, `the Fleet group and its error are on screen: ${shown.join(' | ')}`);
      await page.waitForTimeout(500);
    }
    await workbench.screenshot('tmp/system-fleet-visible');
    // Else the test would pass without any scrolling to do.
    assert.ok(!shown.some((text) => text.startsWith('CPU')), `the pane is shorter than its rows: ${shown.join(' | ')}`);
  });
});
