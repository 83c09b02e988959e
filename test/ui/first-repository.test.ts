// A new user's own project, not our fixture (break32): a repository just made with `git init` (no commit yet), a CSV
// log and a cron job's log without levels in logs/, a notes.txt beside them. What a person sees in the trees, in the
// Explorer's menus and in the chat, in a fresh profile with the mock Anthropic API.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useMockedWorkbench } from './support/mocked-workbench';
import type { Workbench } from './support/workbench';
import { chooseMenuItem, widenSideBar } from './ui-helpers';

/** Today's entries, so that every count of the last 24 hours holds them. */
const today = new Date().toISOString().slice(0, 10);

function newUsersProject(): string {
  const folder = mkdtempSync(join(tmpdir(), 'first-repo-'));
  execFileSync('git', ['init', '-q', '-b', 'main', folder]);
  mkdirSync(join(folder, 'logs'));
  writeFileSync(
    join(folder, 'logs', '결제_감사.csv'),
    ['timestamp,level,service,message', `${today}T00:10:00Z,INFO,payments,결제 승인 order=1001`, `${today}T00:11:00Z,ERROR,payments,카드사 응답 시간 초과 order=1002`, `${today}T00:13:00Z,ERROR,payments,카드사 응답 시간 초과 order=1003`, ''].join('\n'),
  );
  // A cron wrapper's log: `date` and the command's own output, no level on any line; line 2 reads as an error.
  writeFileSync(
    join(folder, 'logs', 'backup-cron.log'),
    [
      'Fri Dec  4 08:00:01 UTC 2026 start nightly-backup',
      'Fri Dec  4 08:00:09 UTC 2026 pg_dump: connection to server failed: FATAL: password authentication failed for user "backup"',
      'Fri Dec  4 08:00:09 UTC 2026 exit status 1',
      'Fri Dec  4 09:00:01 UTC 2026 start nightly-backup',
      'Fri Dec  4 09:00:05 UTC 2026 done in 4s',
      '',
    ].join('\n'),
  );
  writeFileSync(join(folder, 'notes.txt'), 'ask about the backup password\n');
  return folder;
}

describe('UI: a new repository of a new user (no commit yet, a CSV log, a log without levels)', function () {
  this.timeout(240_000);
  const folder = newUsersProject();
  const started = useMockedWorkbench({ apiKey: 'test-key', folder, failurePrefix: 'failed-first-repository' });
  let workbench: Workbench;
  after(() => rmSync(folder, { recursive: true, force: true }));

  before(async () => {
    ({ workbench } = started());
    await workbench.activityBarItem().click();
    await widenSideBar(workbench.page, 480);
  });

  const pane = (name: string) => workbench.page.locator('.part.sidebar .pane', { has: workbench.page.locator('.pane-header', { hasText: name }) });

  it('Branches shows the checked-out branch and says it has no commits yet', async () => {
    const row = pane('Branches').locator('.monaco-list-row', { hasText: 'main' }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /^main, current · no commits yet$/);
  });

  /** Right-clicks `name` in the Explorer (in `folder` when given) and returns the labels of its context menu, closed again. */
  async function explorerMenu(name: string, inFolder?: string): Promise<string[]> {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+E');
    const explorer = page.locator('.explorer-folders-view');
    await explorer.waitFor({ state: 'visible', timeout: 15_000 });
    if (inFolder) {
      const folderRow = explorer.locator(`.monaco-list-row[aria-label="${inFolder}"]`);
      await folderRow.waitFor({ timeout: 15_000 });
      if ((await folderRow.getAttribute('aria-expanded')) !== 'true') await folderRow.click();
    }
    const row = explorer.locator(`.monaco-list-row[aria-label="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click({ button: 'right' });
    await page.locator('.monaco-menu').first().waitFor({ state: 'visible', timeout: 10_000 });
    const labels = (await page.getByRole('menuitem').allInnerTexts()).map((label) => label.trim());
    await page.keyboard.press('Escape');
    return labels;
  }

  it('the Explorer offers Summarize Errors on the CSV log Log Files lists, and not on notes.txt', async () => {
    const listed = pane('Log Files').locator('.monaco-list-row', { hasText: 'logs/결제_감사.csv' });
    await listed.waitFor({ state: 'visible', timeout: 60_000 });
    assert.ok((await explorerMenu('결제_감사.csv', 'logs')).includes('Summarize Errors'), 'the CSV log the tree lists');
    assert.equal((await explorerMenu('notes.txt')).includes('Summarize Errors'), false, 'a text file that is no log');

    const { mock } = started();
    mock.enqueue({ text: 'The card issuer timed out twice.' });
    await workbench.page.locator('.explorer-folders-view .monaco-list-row[aria-label="결제_감사.csv"]').click({ button: 'right' });
    await chooseMenuItem(workbench.page, 'Summarize Errors');
    const chat = workbench.chatFrame();
    await chat.locator('.message.assistant', { hasText: 'Error summary: logs/결제_감사.csv' }).waitFor({ timeout: 60_000 });
    await chat.locator('.message.assistant', { hasText: '2 errors in 1 group.' }).waitFor({ timeout: 10_000 });
    await chat.locator('.message.assistant', { hasText: 'The card issuer timed out twice.' }).waitFor({ timeout: 60_000 });
  });

  it('Summarize Errors on a log without levels heads with the line that reads as an error, and the model explains it', async () => {
    const { mock } = started();
    const chat = workbench.chatFrame();
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 30_000 });
    mock.enqueue({ text: 'The backup user password is wrong.' });
    const asked = mock.messageRequests().length;
    await workbench.page.keyboard.press('Control+Shift+E');
    const row = workbench.page.locator('.explorer-folders-view .monaco-list-row[aria-label="backup-cron.log"]');
    await row.waitFor({ timeout: 15_000 });
    await row.click({ button: 'right' });
    await chooseMenuItem(workbench.page, 'Summarize Errors');
    const summary = chat.locator('.message.assistant', { hasText: 'Error summary: logs/backup-cron.log' });
    await summary.waitFor({ timeout: 60_000 });
    const text = (await summary.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /No entry of logs\/backup-cron\.log has a level that reads as an error, but 1 without a level read as errors by their text \(lines 2\)/);
    assert.doesNotMatch(text, /files\[\]|\(see /, 'no pointer at a field of the tool\'s JSON');
    await chat.locator('.message.assistant', { hasText: 'The backup user password is wrong.' }).waitFor({ timeout: 60_000 });
    const question = JSON.stringify(mock.messageRequests()[asked]?.body?.messages?.at(-1));
    assert.match(question, /Explain the likely causes of the errors in the log file logs\/backup-cron\.log/);
  });
});
