// The chat, the trees and the log-file command in the real workbench, against the mock Anthropic API,
// as a person uses them. Payloads in a commit message and a log line must stay text: a local
// "leak" listener and the browser's own request log must see nothing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { startMockAnthropic, type MockAnthropic } from '../support/mock-anthropic';
import { waitUntil } from '../support/wait';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { chooseMenuItem, collapsePane, rightClickAndChoose, rightClickInExplorer, widenSideBar } from './ui-helpers';
import { ask, askFromPalette } from './support/ask';

interface Leak {
  server: Server;
  port: number;
  hits: string[];
}

async function startLeakListener(): Promise<Leak> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Adds hostile text where users' data comes from: a commit message and a log line. */
function addPayloads(folder: string, leakBase: string): { commitPayload: string; logPayload: string } {
  const commitPayload = `Fix <img src=${leakBase}/leak-commit onerror="fetch('${leakBase}/script-commit')"> <script>fetch('${leakBase}/script-commit-2')</script>`;
  const logPayload = `Bad request body <img src=${leakBase}/leak-log onerror="fetch('${leakBase}/script-log')"><script>fetch('${leakBase}/script-log-2')</script>`;
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', commitPayload], {
    cwd: folder,
    env: { ...process.env, GIT_AUTHOR_NAME: 'Eve', GIT_AUTHOR_EMAIL: 'eve@example.com', GIT_COMMITTER_NAME: 'Eve', GIT_COMMITTER_EMAIL: 'eve@example.com' },
  });
  const now = new Date();
  const recent = (minutesAgo: number) => timestamp(new Date(now.getTime() - minutesAgo * 60_000));
  appendFileSync(
    join(folder, 'logs', 'app.log'),
    [
      `${recent(30)} ERROR [http] ${logPayload}`,
      `${recent(20)} ERROR [db] Connection refused: db.internal:5432 (attempt 1 of 3)`,
      `${recent(10)} ERROR [worker] Job 9001 failed: TimeoutError: operation timed out after 30000 ms`,
      `${recent(5)} INFO  [main] Health check ok`,
    ].join('\n') + '\n',
  );
  return { commitPayload, logPayload };
}

async function textOf(frame: FrameLocator, selector: string): Promise<string> {
  return (await frame.locator(selector).allTextContents()).join('\n');
}

describe('UI: chat, trees and log files in the real workbench', function () {
  this.timeout(240_000);
  let folder: string;
  let workbench: Workbench;
  let mock: MockAnthropic;
  let leak: Leak;
  let leakBase: string;
  const pageRequestsToLeak: string[] = [];
  const dialogs: string[] = [];
  let payloads: { commitPayload: string; logPayload: string };

  before(async () => {
    leak = await startLeakListener();
    leakBase = `http://127.0.0.1:${leak.port}`;
    mock = await startMockAnthropic();
    folder = createFixtureWorkspace();
    payloads = addPayloads(folder, leakBase);
    workbench = await launchWorkbench({
      folder,
      env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: mock.url },
      settings: { 'devopsAssistant.anthropicBaseUrl': mock.url, 'devopsAssistant.system.refreshSeconds': 3 },
      viewport: { width: 1500, height: 950 },
    });
    workbench.page.on('request', (request) => {
      if (request.url().startsWith(leakBase)) pageRequestsToLeak.push(request.url());
    });
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await workbench.openView('Chat');
    await widenSideBar(workbench.page, 620);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const name = (this.currentTest.title.match(/[\w-]+/g) ?? ['failure']).join('-').slice(0, 60);
      await workbench.screenshot(`tmp/failed-${name}`).catch(() => undefined);
    }
  });

  after(async () => {
    await workbench?.close();
    await mock?.close();
    await new Promise((resolve) => leak?.server.close(resolve));
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('"DevOps: Ask" from the palette streams the answer and its tool steps into the chat', async () => {
    const question = '오늘 커밋된 내용을 요약해 주세요';
    mock.enqueue(
      {
        content: [
          { type: 'text', text: '오늘 커밋을 확인해 보겠습니다.' },
          { type: 'tool_use', name: 'git_log', input: { count: 10 } },
        ],
        usage: { input_tokens: 1200, output_tokens: 40 },
      },
      {
        text:
          '## 오늘의 커밋 요약\n\n' +
          '| 커밋 | 내용 |\n|---|---|\n| `Read port from PORT` | 서버 포트를 환경 변수에서 읽음 |\n| `Fix …` | 입력 검증 수정 |\n\n' +
          '- 데이터베이스 재시도 로직이 추가되었습니다.\n- **주의:** 커밋 메시지에 HTML이 들어 있습니다.\n\n' +
          `자세한 내용: [문서](https://example.com/docs) · ![추적 이미지](${leakBase}/leak-markdown-image)`,
        eventDelayMs: 25,
        chunkSize: 6,
        usage: { input_tokens: 2400, output_tokens: 180, cache_read_input_tokens: 1100 },
      },
    );

    await askFromPalette(workbench, question);

    const chat = workbench.chatFrame();
    await chat.locator('.message.user .text', { hasText: question }).waitFor({ timeout: 30_000 });
    const step = chat.locator('.tool-step').first();
    await step.waitFor({ timeout: 30_000 });
    assert.match((await step.locator('.tool-name').textContent()) ?? '', /git · git_log/);
    await chat.locator('.tool-step[data-status="ok"]').first().waitFor({ timeout: 30_000 });
    await chat.locator('.message.assistant .markdown h2', { hasText: '오늘의 커밋 요약' }).waitFor({ timeout: 30_000 });
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 30_000 });
    await chat.locator('.usage').first().waitFor({ timeout: 10_000 });

    // Focus is back in the input after the answer.
    assert.equal(await chat.locator('#chat-input').evaluate((el) => el === document.activeElement), true);

    // Markdown rendered: a table and a list; the image is not an image; the link is not a navigation.
    assert.equal(await chat.locator('.message.assistant table').count(), 1);
    assert.equal(await chat.locator('.message.assistant li').count() >= 2, true);
    assert.equal(await chat.locator('img').count(), 0);
    assert.equal(await chat.locator('a[href]').count(), 0);
    assert.match(await textOf(chat, '.usage'), /3,600 tokens in · 220 out · 1,100 from cache · ≈ \$0\.\d+/);

    // The tool step opens to show its arguments; the result is there on demand, as text.
    await step.locator('summary').first().click();
    assert.match(await textOf(chat, '.tool-step pre.args'), /"count": 10/);
    await workbench.screenshot('chat');

    // The tool ran for real: its result went to the model and is shown when asked for.
    const second = mock.messageRequests()[1];
    assert.ok(second, 'the agent sent the tool result back');
    assert.match(JSON.stringify(second.body.messages), /leak-commit/);
    await step.locator('.tool-result summary').click();
    await step.locator('pre.result', { hasText: 'leak-commit' }).waitFor({ timeout: 10_000 });
    await step.locator('.tool-result summary').click();
  });

  it('chat input: ↑ brings back the last question, Shift+Enter is a new line; labelled for screen readers', async () => {
    const chat = workbench.chatFrame();
    const input = chat.locator('#chat-input');
    await input.click();
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), '오늘 커밋된 내용을 요약해 주세요');
    await input.fill('');
    // Shift+Enter is a new line, not a send.
    const before = mock.messageRequests().length;
    await input.type('first line');
    await input.press('Shift+Enter');
    await input.type('second line');
    assert.equal(await input.inputValue(), 'first line\nsecond line');
    assert.equal(mock.messageRequests().length, before);
    await input.fill('');
    // Screen readers: the conversation is a polite live region; every control has a name.
    assert.equal(await chat.locator('#transcript').getAttribute('aria-live'), 'polite');
    assert.equal(await chat.locator('#transcript').getAttribute('role'), 'log');
    assert.equal(await input.getAttribute('aria-label'), 'Ask about the repository, logs or system');
    for (const name of ['Send', 'Clear']) assert.equal(await chat.getByRole('button', { name, exact: true }).count(), 1);
  });

  it('the three trees show the fixture: branches, log files with error counts, system figures', async () => {
    const { page } = workbench;
    // The trees have the DevOps container to themselves; the chat is in its own.
    await workbench.openView('Branches');
    await collapsePane(page, 'Branches', false);
    await collapsePane(page, 'Log Files', false);
    await collapsePane(page, 'System', false);
    const sideBar = page.locator('.part.sidebar');
    const branches = sideBar.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Branches' }) });
    await branches.locator('.monaco-list-row', { hasText: 'main' }).first().waitFor({ timeout: 60_000 });
    await branches.locator('.monaco-list-row', { hasText: 'feature/payment-retries' }).waitFor({ timeout: 10_000 });
    assert.match((await branches.locator('.monaco-list-row', { hasText: /^main/ }).first().textContent()) ?? '', /current/);

    const logs = sideBar.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Log Files' }) });
    await logs.locator('.monaco-list-row', { hasText: 'logs/app.log' }).waitFor({ timeout: 60_000 });
    await logs.locator('.monaco-list-row', { hasText: 'logs/nginx/access.log' }).waitFor({ timeout: 10_000 });
    // Three ERROR lines were written in the last hour.
    await logs.locator('.monaco-list-row', { hasText: /logs\/app\.log.*3 errors/ }).waitFor({ timeout: 60_000 });

    const system = sideBar.locator('.pane', { has: page.locator('.pane-header', { hasText: 'System' }) });
    await system.locator('.monaco-list-row', { hasText: /CPU: \d/ }).waitFor({ timeout: 60_000 });
    await system.locator('.monaco-list-row', { hasText: /Memory: \d/ }).waitFor({ timeout: 10_000 });
    await system.locator('.monaco-list-row', { hasText: 'Disks' }).waitFor({ timeout: 10_000 });
    await system.locator('.monaco-list-row', { hasText: 'Top processes' }).waitFor({ timeout: 10_000 });
    await workbench.screenshot('trees');

    // Clicking a log file opens it in the editor.
    await logs.locator('.monaco-list-row', { hasText: 'logs/app.log' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'app.log' }).waitFor({ timeout: 15_000 });
  });

  it('Branches: "Show Recent Commits" on a branch puts its commits in the chat, subjects as text', async () => {
    const { page } = workbench;
    await workbench.openView('Branches');
    await collapsePane(page, 'Branches', false);
    const branches = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Branches' }) });
    const main = branches.locator('.monaco-list-row', { hasText: /^main/ }).first();
    await rightClickAndChoose(page, main, 'Show Recent Commits');
    const chat = workbench.chatFrame();
    const table = chat.locator('.message.assistant', { has: chat.locator('h3', { hasText: 'Recent commits on main' }) });
    await table.waitFor({ timeout: 30_000 });
    assert.ok(((await table.textContent()) ?? '').includes(payloads.commitPayload));
    assert.equal(await table.locator('img, script, a[href]').count(), 0);
  });

  it('right-click a .log file in the Explorer -> "Summarize Errors" puts the summary in the chat', async () => {
    const { page } = workbench;
    mock.enqueue({ text: '가장 가능성이 높은 원인은 **데이터베이스 연결 실패**입니다.', eventDelayMs: 10 });
    await rightClickInExplorer(page, 'logs', 'app.log');
    await page.getByRole('menuitem', { name: 'Summarize Errors' }).waitFor({ state: 'visible', timeout: 10_000 });
    await workbench.screenshot('explorer-summarize-errors');
    await chooseMenuItem(page, 'Summarize Errors');

    await workbench.openView('Chat');
    const chat = workbench.chatFrame();
    await chat.locator('.message.assistant h3', { hasText: 'Error summary: logs/app.log' }).waitFor({ timeout: 60_000 });
    const summary = await textOf(chat, '.message.assistant');
    assert.match(summary, /Connection refused/);
    assert.match(summary, /leak-log/, 'the payload line is shown, as text');
    // With an API key the agent is asked to explain the causes.
    await chat
      .locator('.message.assistant', { hasText: '데이터베이스 연결 실패' })
      .waitFor({ timeout: 30_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\nmock: ${mock.messageRequests().length} requests, ${mock.pending()} turns pending; transcript tail: ${JSON.stringify(mock.messageRequests().at(-1)?.body?.messages?.slice(-1))}`);
      });
    const lastQuestion = mock.messageRequests().at(-1)?.body.messages.at(-1);
    assert.match(JSON.stringify(lastQuestion), /logs\/app\.log/);
    await chat.locator('.message.assistant h3', { hasText: 'Error summary' }).last().scrollIntoViewIfNeeded();
    await workbench.screenshot('summarize-errors');
  });

  it('Stop during a long, slow answer stops it', async () => {
    const longAnswer = Array.from({ length: 80 }, (_, i) => `Line ${i + 1} of a very long and slow analysis.`).join('\n\n');
    mock.enqueue({ text: longAnswer, eventDelayMs: 150, chunkSize: 4 });
    const chat = workbench.chatFrame();
    const answer = await ask(chat, 'Analyze everything, slowly', 'Line 1 of');
    await chat.locator('#stop').click();
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 10_000 });
    const stoppedAt = (await answer.textContent()) ?? '';
    // Wait for the abort to reach the mock, then watch a window in which no more text may arrive.
    await waitUntil('the HTTP stream to close', () => mock.messageRequests().at(-1)?.closedByClient).catch(() => undefined);
    await workbench.page.waitForTimeout(2_000);
    assert.equal((await answer.textContent()) ?? '', stoppedAt, 'no more text after Stop');
    assert.doesNotMatch(stoppedAt, /Line 80/);
    assert.equal(await chat.locator('#send').isDisabled(), false);
    const request = mock.messageRequests().at(-1)!;
    assert.equal(request.closedByClient, true, 'the HTTP stream was aborted');
  });

  it('an answer cut at max_tokens offers Continue, which carries on', async () => {
    mock.enqueue({ text: 'First half of the analysis', stopReason: 'max_tokens' }, { text: 'Second half of the analysis', eventDelayMs: 5 });
    const chat = workbench.chatFrame();
    await ask(chat, 'Give me a long analysis');
    const notice = chat.locator('.notice', { hasText: 'maximum length' }).last();
    await notice.waitFor({ timeout: 30_000 });
    await notice.locator('button.continue').click();
    await chat.locator('.message.assistant', { hasText: 'Second half of the analysis' }).waitFor({ timeout: 30_000 });
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await notice.locator('button.continue').isDisabled(), true);
    assert.equal(mock.pending(), 0);
  });

  it('the chat survives a window reload (transcript restored)', async () => {
    const { page } = workbench;
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
    await workbench.activityBarItem().waitFor({ state: 'visible', timeout: 120_000 });
    await workbench.openView('Chat');
    const chat = workbench.chatFrame();
    await chat.locator('.message.user .text', { hasText: '오늘 커밋된 내용을 요약해 주세요' }).waitFor({ timeout: 30_000 });
    await chat.locator('.tool-step .tool-name', { hasText: 'git_log' }).first().waitFor({ timeout: 10_000 });
    await chat.locator('.message.assistant h3', { hasText: 'Error summary' }).waitFor({ timeout: 10_000 });
  });

  it('payloads from commits and logs stayed text: no script ran, no request left the page', async () => {
    const chat = workbench.chatFrame();
    // The raw payload text is visible in the chat...
    const transcript = await textOf(chat, '.transcript');
    assert.ok(transcript.includes(payloads.logPayload), 'the log line payload is shown as text');
    assert.ok(transcript.includes(payloads.commitPayload), 'the commit message payload is shown as text');
    // ...and nothing was loaded or executed.
    assert.equal(await chat.locator('img, iframe, object, embed').count(), 0);
    const scripts = await chat.locator('script').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('src') ?? ''} ${n.textContent ?? ''}`));
    assert.equal(scripts.filter((s) => s.includes('127.0.0.1')).length, 0, scripts.join('\n'));
    await workbench.page.waitForTimeout(500);
    assert.deepEqual(pageRequestsToLeak, []);
    assert.deepEqual(leak.hits, []);
    assert.deepEqual(dialogs, []);
  });
});
