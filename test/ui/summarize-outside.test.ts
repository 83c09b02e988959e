// "Summarize Errors" on a log opened from outside the workspace (break35x): it was a warning and a dead end ("not in a
// log directory … or is not a log file"); the warning now offers to add the file's folder to the log folders, and the
// summary follows once the logs server has restarted on it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useMockedWorkbench, type MockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';

describe('UI: Summarize Errors on a log outside the workspace', function () {
  this.timeout(300_000);
  const outsideDir = mkdtempSync(join(tmpdir(), 'devops-outside-'));
  const outsideLog = writePaymentsLog(outsideDir);
  // No key: the summary alone, no explanation asked of a model.
  const env = useMockedWorkbench({ apiKey: '', failurePrefix: 'summarize-outside' });
  after(() => rmSync(outsideDir, { recursive: true, force: true }));

  it('offers to add the file\'s folder to the log folders, then summarizes it', async () => {
    const { workbench, folder } = env();
    await addFolderAndSummarize(workbench, outsideLog);
    const settings = JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(settings['devopsAssistant.logDirectories'], [outsideDir]);
  });
});

/** Opens `log`, runs Summarize Errors, takes the warning's Add Its Folder, and checks the summary is on screen. */
async function addFolderAndSummarize(workbench: MockedWorkbench['workbench'], log: string): Promise<void> {
  const { page } = workbench;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(log);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'payments.log' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: 'payments.log' }).waitFor({ timeout: 15_000 });
  await workbench.runCommand('DevOps: Summarize Errors');
  const toast = page.locator('.notification-toast', { hasText: 'outside the folders the logs server reads' });
  await toast.waitFor({ timeout: 60_000 });
  await toast.locator('.monaco-button', { hasText: 'Add Its Folder to Log Folders' }).click();
  const summary = workbench.chatFrame().locator('.message.assistant', { hasText: 'declined: gateway timeout' }).last();
  await summary.waitFor({ timeout: 120_000 });
  await assertSeenInChat(page, summary, 'the summary of the outside log');
  assert.match((await summary.textContent()) ?? '', /3 errors/);
}

// A workspace value replaces the user's list: the folder added for this workspace must keep the user's own folders.
describe('UI: Summarize Errors on a log outside the workspace, with log folders in the user settings', function () {
  this.timeout(300_000);
  const userDir = mkdtempSync(join(tmpdir(), 'devops-user-logs-'));
  const outsideDir = mkdtempSync(join(tmpdir(), 'devops-outside-'));
  const outsideLog = writePaymentsLog(outsideDir);
  const env = useMockedWorkbench({ apiKey: '', failurePrefix: 'summarize-outside-user', settings: { 'devopsAssistant.logDirectories': [userDir] } });
  after(() => {
    for (const dir of [userDir, outsideDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('adds the folder after the user\'s own in the workspace setting', async () => {
    const { workbench, folder } = env();
    await addFolderAndSummarize(workbench, outsideLog);
    const settings = JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(settings['devopsAssistant.logDirectories'], [userDir, outsideDir]);
  });
});

/** A payments log of 30 lines, 3 of them errors (`declined: gateway timeout`), written in `dir`; its path. */
function writePaymentsLog(dir: string): string {
  const log = join(dir, 'payments.log');
  writeFileSync(log, Array.from({ length: 30 }, (_, i) =>
    `2026-12-04T10:${String(i).padStart(2, '0')}:00Z ${i % 10 === 3 ? 'ERROR' : 'INFO'} [payments] charge ${i} ${i % 10 === 3 ? 'declined: gateway timeout' : 'ok'}`).join('\n') + '\n');
  return log;
}
