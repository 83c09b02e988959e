// leftovers24: a mistyped `files.encoding` (euckrr) was passed to the logs server as it was; the server fell back to
// detection and said so on its stderr only. The extension now checks the name with the server's own check
// (servers/shared/charset-name.ts): it is not passed, a warning names the accepted encodings, and the logs server's
// output channel says why at each start. Seen here as a person sees it: the toast, then Output > DevOps Assistant: logs.
import { rmSync } from 'node:fs';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';

describe('UI: a files.encoding the logs server cannot read', function () {
  this.timeout(180_000);
  let folder: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' }, settings: { 'files.encoding': 'euckrr' } });
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('shows a warning naming the accepted encodings, and the line in the logs server\'s output channel', async () => {
    const { page } = workbench;
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'files.encoding "euckrr" is not a charset the logs server can read' });
    await toast.waitFor({ state: 'visible', timeout: 90_000 });
    await toast.filter({ hasText: 'Accepted: utf8, utf8bom, utf16le, utf16be' }).filter({ hasText: 'euckr, shiftjis' }).waitFor({ timeout: 5_000 });
    await workbench.screenshot('tmp/log-encoding-warning');

    // The channel is created when the logs server first writes (src/mcp/register.ts outputChannels), which may come
    // after the toast: the picker lists the channels of the moment it opens, so it is opened again until it has it.
    const input = page.locator('.quick-input-widget input.input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'DevOps Assistant: logs' }).first();
    const deadline = Date.now() + 60_000;
    for (;;) {
      await workbench.runCommand('Output: Show Output Channels...');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('DevOps Assistant: logs');
      const listed = await row.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      if (listed) break;
      if (Date.now() > deadline) throw new Error('the Output picker never listed "DevOps Assistant: logs"');
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
    }
    await row.click();
    // The channel wraps its lines and keeps writing (pings, restarts under load): the settings line can scroll out of
    // the panel before it is read, as it did once in CI. A person looking for it types into the Output filter, which
    // shows only the lines that hold the text; so does the test.
    // The channel switch redraws the panel's title, which may take a filter typed before it away: typed until the
    // other lines are gone.
    const filter = page.locator('.part.panel .viewpane-filter input');
    const output = page.locator('.part.panel .view-lines');
    const filtered = output.filter({ hasText: '[settings] files.encoding "euckrr" is not a charset the logs server can read' })
      .filter({ hasNotText: '[supervisor] starting' });
    const filterDeadline = Date.now() + 60_000;
    for (;;) {
      await filter.waitFor({ state: 'visible', timeout: 10_000 });
      await filter.fill('euckrr');
      if (await filtered.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
      if (Date.now() > filterDeadline) throw new Error('the Output filter never showed the settings line alone');
    }
    await workbench.screenshot('tmp/log-encoding-output');
  });
});
