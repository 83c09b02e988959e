// A window with no folder open, as a new user first sees VS Code: the trees and the chat say what is missing (no
// repository), never an error toast or an empty view without a word.
import * as assert from 'node:assert/strict';
import { useMockedWorkbench } from './support/mocked-workbench';

describe('UI: a window with no folder open', function () {
  this.timeout(240_000);
  const session = useMockedWorkbench({ apiKey: 'test-key', failurePrefix: 'no-folder', folder: '' });

  it('the trees ask for a folder; no error toast', async () => {
    const { workbench } = session();
    const { page } = workbench;
    await workbench.activityBarItem().click();
    const welcome = page.locator('.part.sidebar .welcome-view-content', { hasText: 'Open a folder to see its branches and log files.' });
    await welcome.first().waitFor({ timeout: 60_000 });
    assert.ok((await welcome.first().getByRole('button', { name: 'Open Folder' }).count()) >= 1);
    await page.locator('.part.sidebar .pane-header', { hasText: 'System' }).first().waitFor({ timeout: 30_000 });
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    assert.deepEqual(toasts, [], 'no notification');
  });

  // break34: the empty chat said it "uses the git, logs and system tools of this workspace" and offered "Summarize what
  // was committed today" in a window with no folder, where the git server is off.
  it('the empty chat says there is no repository and offers no question about commits', async () => {
    const { workbench } = session();
    await workbench.openView('Chat');
    const chat = workbench.chatFrame();
    await chat.locator('.empty', { hasText: 'No folder is open' }).waitFor({ timeout: 30_000 });
    const examples = await chat.locator('.empty button.example').allInnerTexts();
    assert.ok(examples.length >= 2, examples.join(' | '));
    assert.ok(!examples.some((e) => /commit|changed the most/i.test(e)), examples.join(' | '));
    await workbench.screenshot('tmp/no-folder-chat');
  });
});
