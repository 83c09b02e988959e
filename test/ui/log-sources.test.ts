// The Log Files view as a person sees it with journal sources (#15): a journal of two machines written by
// the real systemd-journal-remote, read through the devopsAssistant.logs.* settings, and a Docker engine
// that cannot be reached. The view shows the problem, Files, Journal > host > unit with the error count;
// clicking a unit opens its lines in an editor.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeJournal } from '../support/journal-fixture';
import { twoMachineJournal, UPSTREAM_TIMEOUT } from '../support/journal-sample';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { collapsePane, widenSideBar } from './ui-helpers';

describe('UI: Log Files with journal and Docker sources', function () {
  this.timeout(180_000);
  let folder: string;
  let journals: string;
  let workbench: Workbench;

  before(async () => {
    folder = createFixtureWorkspace();
    journals = mkdtempSync(join(tmpdir(), 'devops-journal-'));
    writeJournal(journals, 'remote', twoMachineJournal(Date.now()));
    workbench = await launchWorkbench({
      folder,
      env: { ANTHROPIC_API_KEY: '' },
      settings: {
        'devopsAssistant.logs.journal': 'off',
        'devopsAssistant.logs.journalPaths': [journals],
        'devopsAssistant.logs.docker': 'on',
        'devopsAssistant.logs.dockerHost': `unix://${join(journals, 'no-docker.sock')}`,
      },
    });
    await workbench.openView('Log Files');
  });

  after(async () => {
    await workbench?.close();
    for (const dir of [folder, journals]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the Docker problem, Files and Journal by host with error counts; a unit opens in an editor', async () => {
    const { page } = workbench;
    await widenSideBar(page, 520);
    await collapsePane(page, 'Branches', true);
    const logs = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Log Files' }) });
    const row = (text: string | RegExp) => logs.locator('.monaco-list-row', { hasText: text }).first();
    // The problem names the socket it could not use (its wording is the Docker source's).
    await row(/no-docker\.sock/).waitFor({ timeout: 90_000 });
    await row('Journal').waitFor({ timeout: 30_000 });
    await row('Files').waitFor();
    await row('web-1').click();
    await row('nginx.service').locator('.label-description', { hasText: '2 errors' }).waitFor({ timeout: 60_000 });
    await workbench.screenshot('log-files-sources');

    await row('nginx.service').click();
    const editor = page.locator('.editor-instance .view-lines');
    await editor.filter({ hasText: 'client: 10.0.0.9' }).waitFor({ timeout: 30_000 });
    // Monaco renders spaces as no-break spaces.
    const text = (await editor.innerText()).replace(/\u00a0/g, ' ');
    assert.ok(text.includes(UPSTREAM_TIMEOUT.slice(0, 40)), text);
    assert.ok(!text.includes('card declined'), 'only the clicked unit');
    await page.locator('.tab', { hasText: 'journal:web-1∕nginx.service' }).waitFor({ timeout: 10_000 });
    await workbench.screenshot('log-source-document');
  });
});
