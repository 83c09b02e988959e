// Summarize Errors on a busy service's log that logrotate turns over while the summary reads it: renamed away with a
// new file started (the default), or copied and truncated in place (copytruncate). The person right-clicked the log in
// Log Files; what they must get is a clear answer in the chat: never "no errors" (the new file has none, the errors
// are in the old one), never a crash or a notification that stays.
import * as assert from 'node:assert/strict';
import { appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMockedWorkbench } from './support/mocked-workbench';
import { rightClickAndChoose } from './ui-helpers';
import type { Workbench } from './support/workbench';

/** Lines of the big log: enough that reading it takes the logs server seconds, so the rotation falls inside. */
const LINES = 800_000;

function writeBigLog(file: string): void {
  const now = Date.now();
  const chunks: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const t = new Date(now - (LINES - i) * 100).toISOString();
    chunks.push(i % 1000 === 999 ? `${t} ERROR [db] connection refused to db.internal:5432 (attempt ${i % 7})\n` : `${t} INFO  [http] GET /api/orders/${i} 200 in ${i % 97} ms\n`);
  }
  writeFileSync(file, chunks.join(''));
}

const ROTATIONS = {
  renamed: (file: string) => {
    renameSync(file, `${file}.1`);
    writeFileSync(file, `${new Date().toISOString()} INFO  [main] service reopened its log\n`);
  },
  truncated: (file: string) => {
    truncateSync(file, 0);
    appendFileSync(file, `${new Date().toISOString()} INFO  [main] service writes on after copytruncate\n`);
  },
};

describe('UI: Summarize Errors on a log rotated while it is read', function () {
  this.timeout(300_000);
  const session = useMockedWorkbench({ apiKey: 'test-key', failurePrefix: 'summarize-rotated' });

  /** Right-clicks the big log in Log Files, Summarize Errors, and rotates it once the summary is under way. */
  async function summarizeWhileRotating(kind: keyof typeof ROTATIONS): Promise<{ workbench: Workbench; name: string }> {
    const { workbench, folder } = session();
    const name = `busy-${kind}.log`;
    const file = join(folder, 'logs', name);
    writeBigLog(file);
    await summarize(workbench, `logs/${name}`);
    await workbench.page.locator('.notification-toast', { hasText: `Summarizing errors in logs/${name}` }).waitFor({ timeout: 30_000 });
    ROTATIONS[kind](file);
    await workbench.page.locator('.notification-toast', { hasText: `Summarizing errors in logs/${name}` }).waitFor({ state: 'hidden', timeout: 120_000 });
    return { workbench, name };
  }

  async function assertNoNoErrors(workbench: Workbench): Promise<void> {
    const shown = await workbench.chatFrame().locator('#messages, body').first().innerText();
    const toasts = (await workbench.page.locator('.notification-toast').allInnerTexts()).join('\n');
    assert.doesNotMatch(`${shown}\n${toasts}`, /no errors found|\b0 errors\b/i, `${shown}\n${toasts}`);
  }

  // break37x: the summary read the new file logrotate had started and said "No errors found" of the log the person had
  // chosen (800 errors, now in .1).
  it('renamed away while the summary runs: the summary is of the renamed file, and the chat says so', async () => {
    const { workbench, name } = await summarizeWhileRotating('renamed');
    const chat = workbench.chatFrame();
    await chat.locator('.notice', { hasText: `logs/${name} was rotated while it was read: its lines are now in logs/${name}.1` }).waitFor({ timeout: 60_000 });
    const summary = chat.locator('.message.assistant', { hasText: `logs/${name}.1` }).last();
    await summary.waitFor({ timeout: 60_000 });
    assert.match(await summary.innerText(), /\b800\b/, 'the 800 errors of the log that was chosen');
    await assertNoNoErrors(workbench);
  });

  it('truncated in place (copytruncate) while the summary runs: the chat says why there is no summary', async () => {
    const { workbench, name } = await summarizeWhileRotating('truncated');
    const chat = workbench.chatFrame();
    await chat.locator('.error', { hasText: `logs/${name} was truncated while it was read` }).waitFor({ timeout: 60_000 });
    await workbench.page.locator('.notification-toast', { hasText: 'was truncated while it was read' }).waitFor({ timeout: 10_000 });
    await assertNoNoErrors(workbench);
  });
});

async function summarize(workbench: Workbench, listed: string): Promise<void> {
  const { page } = workbench;
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Log Files' });
  if (!(await header.isVisible())) await workbench.activityBarItem().click();
  const logs = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Log Files' }) });
  const row = logs.locator('.monaco-list-row', { hasText: listed }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await rightClickAndChoose(page, row, 'Summarize Errors');
}
