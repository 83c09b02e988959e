// leftovers26: "Summarize Errors" on a journal unit reads its last 24 hours. When its errors are all older, the summary
// said so ("it holds 1 older error entries") and the tool's note told a model to pass wholeFile, but a person had no
// way to: the command took no such choice. The summary now ends with a link that summarises every error of the source,
// whatever its age. What is read here is what the chat shows, in English and in Korean; a real journal file
// (systemd-journal-remote), read through the devopsAssistant.logs.* settings.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasJournalTools, writeJournal } from '../support/journal-fixture';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { rightClickAndChoose, whatIsShown, widenSideBar } from './ui-helpers';

const HOUR = 3_600_000;
const FAILURE = 'backup failed: tape drive /dev/nst0 not ready';

const LANGUAGES = [
  { locale: undefined, menu: 'Summarize Errors', older: /in the last 24 h, but it holds 1 older error entries/, link: 'Summarize all its errors, whatever their age', counted: '1 error in 1 group.' },
  { locale: 'ko' as const, menu: '에러 요약', older: /최근 24시간 동안 에러가 없지만, 그보다 오래된 에러 항목이 1개 있습니다/, link: '오래된 것까지 모든 에러 요약하기', counted: '에러 1건, 1개 그룹.' },
];

for (const language of LANGUAGES) {
  describe(`UI: Summarize Errors on a unit whose errors are all older than a day (${language.locale ?? 'en'})`, function () {
    this.timeout(300_000);
    let folder: string;
    let journals: string;
    let workbench: Workbench;

    before(async function () {
      if (!hasJournalTools()) this.skip();
      folder = createFixtureWorkspace();
      journals = mkdtempSync(join(tmpdir(), 'devops-whole-source-'));
      const now = Date.now();
      writeJournal(journals, 'remote', [
        { time: now - 72 * HOUR, host: 'store-1', unit: 'backup.service', identifier: 'backup', priority: 3, message: FAILURE },
        { time: now - 1 * HOUR, host: 'store-1', unit: 'backup.service', identifier: 'backup', priority: 6, message: 'backup skipped: nothing changed' },
      ]);
      workbench = await launchWorkbench({
        folder,
        env: { ANTHROPIC_API_KEY: '' },
        ...(language.locale ? { locale: language.locale } : {}),
        settings: { 'devopsAssistant.logs.journal': 'off', 'devopsAssistant.logs.journalPaths': [journals], 'devopsAssistant.logs.docker': 'off' },
      });
      await workbench.activityBarItem().click();
    });

    after(async () => {
      await workbench?.close();
      for (const dir of [folder, journals]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the summary of the last 24 hours offers every error, and the link shows the old one', async () => {
      const { page } = workbench;
      await widenSideBar(page, 520);
      const unit = page.locator('.part.sidebar .monaco-list-row', { hasText: 'backup.service' }).first();
      await unit.waitFor({ timeout: 90_000 });
      await rightClickAndChoose(page, unit, language.menu);

      const chat = workbench.chatFrame();
      const first = chat.locator('.message.assistant', { hasText: 'journal:backup.service' }).last();
      await first.waitFor({ timeout: 90_000 }).catch(async (error: unknown) => {
        await workbench.screenshot(`tmp/whole-source-failed-${language.locale ?? 'en'}`);
        // What a person would see instead (a warning, an error in the chat), so that a failure says where it stopped.
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${await whatIsShown(workbench)}`);
      });
      assert.match(await first.innerText(), language.older);
      assert.ok(!(await first.innerText()).includes(FAILURE), 'the 24 hours hold no error');
      const link = first.getByText(language.link, { exact: true });
      await link.waitFor({ timeout: 10_000 });
      await workbench.screenshot(`tmp/whole-source-offer-${language.locale ?? 'en'}`);

      await link.click();
      const whole = chat.locator('.message.assistant', { hasText: FAILURE }).last();
      await whole.waitFor({ timeout: 90_000 });
      const text = await whole.innerText();
      assert.ok(text.includes(language.counted), text);
      // Read whole, there is nothing older left to offer.
      assert.equal(await whole.getByText(language.link, { exact: true }).count(), 0);
      await workbench.screenshot(`tmp/whole-source-read-${language.locale ?? 'en'}`);
    });
  });
}
