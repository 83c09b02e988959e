// Trojan Source in what a person reads: a real branch and a real log file whose names hold a right-to-left override
// (U+202E), and an answer quoting one. The trees and the chat show the character written out (`\u202E`), never raw:
// raw, `fix-<RLO>txt.exe` reads as "fix-exe.txt".
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from './support/ask';
import { useMockedWorkbench } from './support/mocked-workbench';
import { createFixtureWorkspace } from './support/workbench';

const RLO = '\u202e';
const RAW = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
const BRANCH_SHOWN = 'fix-\\u202Etxt.exe';
const LOG_SHOWN = 'invoice\\u202Egol.log';

describe('UI: bidi controls in names are shown written out', function () {
  this.timeout(240_000);
  const folder = createFixtureWorkspace();
  execFileSync('git', ['branch', `fix-${RLO}txt.exe`], { cwd: folder });
  writeFileSync(join(folder, 'logs', `invoice${RLO}gol.log`), '2026-11-20T09:00:00Z ERROR payment failed\n');
  const session = useMockedWorkbench({ apiKey: 'test-key', folder, failurePrefix: 'invisible-names' });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const rowsOf = async (pane: string): Promise<string[]> => {
    const { page } = session().workbench;
    return page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: pane }) }).locator('.monaco-list-row').allInnerTexts();
  };

  it('the Branches and Log Files trees show \\u202E in the names', async () => {
    const { workbench } = session();
    const { page } = workbench;
    await workbench.openView('Branches');
    await page.locator('.part.sidebar .monaco-list-row', { hasText: BRANCH_SHOWN }).first().waitFor({ timeout: 60_000 });
    await workbench.openView('Log Files');
    await page.locator('.part.sidebar .monaco-list-row', { hasText: LOG_SHOWN }).first().waitFor({ timeout: 60_000 });
    const rows = [...(await rowsOf('Branches')), ...(await rowsOf('Log Files'))];
    assert.deepEqual(rows.filter((row) => RAW.test(row)), [], 'no row shows a raw bidi control');
    await workbench.screenshot('tmp/invisible-names-trees');
  });

  it('the chat shows them written out in a tool result and in an answer that quotes the raw name', async () => {
    const { workbench, mock } = session();
    mock.enqueue(
      { content: [{ type: 'tool_use', name: 'git_branches', input: { scope: 'local' } }] },
      { text: `The branch \`fix-${RLO}txt.exe\` was made today; fix-${RLO}txt.exe has no commits of its own.` },
    );
    await workbench.openView('Chat');
    const chat = workbench.chatFrame();
    const answer = await ask(chat, 'Which branches are there?', 'was made today');
    const shown = await answer.innerText();
    assert.ok(shown.includes(`The branch ${BRANCH_SHOWN} was made today`), shown);
    assert.doesNotMatch(shown, RAW);
    const step = chat.locator('.tool-step').first();
    await chat.locator('.tool-step[data-status="ok"]').first().waitFor({ timeout: 30_000 });
    await step.locator('summary').first().click();
    await step.locator('.tool-result summary').click();
    // The result is written into the page on the details' toggle event, after the click: read once it is there (the
    // fresh-clone CI of a8d04e8 read it empty under load).
    const pre = step.locator('pre.result');
    await pre.filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const result = await pre.innerText();
    assert.ok(result.includes(BRANCH_SHOWN.replace('\\', '\\\\')), result.slice(0, 400));
    assert.doesNotMatch(result, RAW);
  });
});
