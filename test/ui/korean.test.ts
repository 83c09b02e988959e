// The workbench with the display language Korean, as a Korean user sees it: our commands, views, reports and the chat
// in Korean, and a Korean conversation through the mock Anthropic API (a tool step, a long answer, Stop, the step
// bound). VS Code's own strings stay English here (a stub language pack: the real one is out of reach), so the test
// looks only at what we write.
import * as assert from 'node:assert/strict';
import { ask } from './support/ask';
import { useMockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';
import { runCommand, type Workbench } from './support/workbench';
import { wordLines } from './ui-helpers';

/** The chat's container title in Korean (package.nls.ko.json): the product's name stays a name, as VS Code's does. */
const CHAT_CONTAINER_KO = 'DevOps Assistant';

/** Shows the chat through its Korean focus command (a click on an open container's icon would close it). */
async function openChat(workbench: Workbench): Promise<void> {
  await runCommand(workbench.page, `${CHAT_CONTAINER_KO}: Focus on 채팅 View`);
  await workbench.chatFrame().locator('#chat-input').waitFor({ state: 'visible', timeout: 30_000 });
}

describe('UI: a Korean workbench (display language ko)', function () {
  this.timeout(300_000);
  const session = useMockedWorkbench({
    apiKey: 'test-key',
    locale: 'ko',
    failurePrefix: 'korean',
    viewport: { width: 1400, height: 900 },
    settings: { 'devopsAssistant.maxToolRounds': 2 },
  });

  it('the trees and the chat speak Korean', async () => {
    const { workbench } = session();
    const { page } = workbench;
    await workbench.activityBarItem().click();
    const sidebar = page.locator('.part.sidebar');
    for (const header of ['브랜치', '로그 파일', '시스템']) {
      await sidebar.locator('.pane-header', { hasText: header }).first().waitFor({ timeout: 60_000 });
    }
    // The fixture's logs are dated weeks back, so Log Files shows no count for them (break38: a "0 errors" beside
    // older errors was untrue); their age is shown in Korean, and the System view's rows in our Korean bundle.
    await sidebar.locator('.monaco-list-row', { hasText: 'app.log' }).getByText(/\d+(초|분|시간|일) 전/).first().waitFor({ timeout: 60_000 });
    await sidebar.getByText('메모리').first().waitFor({ timeout: 60_000 });
    await openChat(workbench);
    const chat = workbench.chatFrame();
    await chat.locator('#send', { hasText: '보내기' }).waitFor({ timeout: 30_000 });
    await chat.getByText('오늘 커밋된 내용을 요약해 주세요').first().waitFor({ timeout: 10_000 });
    // break34: in the side bar's width "변경" (Change) of the model line broke between its two syllables, one above
    // the other (Korean may break between any two syllables); a button's word must stay on one line.
    const change = chat.locator('.model-line button.link');
    await change.waitFor({ timeout: 10_000 });
    const heights = await chat.locator('.model-line').evaluate((line) => ({
      button: line.querySelector('button.link')!.getBoundingClientRect().height,
      label: line.querySelector('.model-label')!.getBoundingClientRect().height,
      text: line.querySelector('button.link')!.textContent,
    }));
    assert.ok(heights.button <= heights.label + 2, `the "${heights.text}" button is ${heights.button} px high, its one-line label ${heights.label} px`);
    await workbench.screenshot('tmp/korean-workbench');
  });

  // break34: the report's State column printed the raw status ("running") in a Korean report.
  it('the server status report names each state in Korean', async () => {
    const { workbench } = session();
    const { page } = workbench;
    const item = page.locator('.statusbar-item', { hasText: /DevOps 3\/3/ });
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    await item.locator('a').first().click();
    const report = page.locator('.editor-instance .view-lines', { hasText: 'MCP 서버' });
    await report.waitFor({ timeout: 15_000 });
    const text = (await report.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /\| git \| 실행 중 \|/, text);
    assert.doesNotMatch(text, /\| (running|starting|restarting|failed|stopped|disabled) \|/, text);
  });

  it('a Korean question, a tool step and a long answer: the newest line stays in view', async () => {
    const { workbench, mock } = session();
    await openChat(workbench);
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}번째 줄: 커밋 내용을 자세히 살펴본 결과입니다.`);
    mock.enqueue(
      { content: [{ type: 'text', text: '커밋을 확인하겠습니다.' }, { type: 'tool_use', name: 'git_log', input: { count: 5 } }] },
      { text: lines.join('\n\n'), eventDelayMs: 15, chunkSize: 40 },
    );
    const chat = workbench.chatFrame();
    const reply = await ask(chat, '오늘 커밋된 내용을 요약해 주세요', '30번째 줄', 90_000);
    // While it streams, the newest paragraph is on screen (the chat follows the answer down).
    await assertSeenInChat(workbench.page, reply.locator('p').last(), 'the newest line while streaming');
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 90_000 });
    await assertSeenInChat(workbench.page, reply.locator('p', { hasText: '60번째 줄' }), 'the last line of the answer');
    await assertSeenInChat(workbench.page, chat.locator('#chat-input'), 'the input', 5_000);
  });

  it('Stop mid-stream: the answer stops and the chat says so in Korean', async () => {
    const { workbench, mock } = session();
    const text = Array.from({ length: 80 }, (_, i) => `${i + 1}번째 분석 줄입니다.`).join('\n\n');
    mock.enqueue({ text, eventDelayMs: 150, chunkSize: 4 });
    const chat = workbench.chatFrame();
    // The words of this answer only ("1번째 줄" is in the answer before): Stop must come while it streams.
    const reply = await ask(chat, '모든 것을 천천히 분석해 주세요', '1번째 분석 줄입니다');
    await chat.locator('#stop').click();
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 15_000 });
    const stoppedAt = await reply.innerText();
    assert.match(stoppedAt, /1번째 분석 줄입니다/);
    assert.doesNotMatch(stoppedAt, /80번째/);
    await assertSeenInChat(workbench.page, chat.locator('.notice', { hasText: '중지되었습니다' }).last(), 'the Korean "stopped" line', 10_000);
    const after = await chat.locator('#messages, body').first().innerText();
    assert.doesNotMatch(after.slice(after.lastIndexOf('모든 것을 천천히')), /\b(stopped|cancel+ed)\b/i, after);
    await workbench.screenshot('tmp/korean-stopped');
  });

  // break35x: the chat's own lines (an error, a notice) broke Korean inside words as the answers did before leftovers22:
  // "과부하 상/태가" in the error box of an overloaded answer.
  it('the model overloaded mid-answer: the Korean error is on screen and breaks between words only', async () => {
    const { workbench, mock } = session();
    await openChat(workbench);
    mock.enqueue({ text: Array.from({ length: 12 }, (_, i) => `${i + 1}번째 과부하 전 줄`).join('\n\n'), streamErrorAfterEvents: 8, streamErrorType: 'overloaded_error' });
    const chat = workbench.chatFrame();
    await ask(chat, '과부하 상황을 보여 주세요');
    const error = chat.locator('.error', { hasText: '과부하' }).last();
    await error.waitFor({ timeout: 60_000 });
    await assertSeenInChat(workbench.page, error, 'the Korean error line', 10);
    const layout = await wordLines(error.locator('.text'));
    assert.ok(layout.lines >= 2, `the error wraps (${layout.lines} lines), so line ends are tested`);
    assert.deepEqual(layout.cut, [], 'no Korean word of the error is cut in two at a line end');
  });

  it('the step bound (maxToolRounds 2) reached: a Korean notice says what happened', async () => {
    const { workbench, mock } = session();
    const toolTurn = (n: number) => ({ content: [{ type: 'text' as const, text: `${n}단계 확인` }, { type: 'tool_use' as const, name: 'git_log', input: { count: n } }] });
    // At the bound one last request without tools answers from what they returned, before the notice.
    mock.enqueue(toolTurn(1), toolTurn(2), toolTurn(3), { text: '두 단계의 결과로 답합니다.' });
    const chat = workbench.chatFrame();
    await ask(chat, '계속 조사해 주세요');
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 90_000 });
    const last = chat.locator('.message').last();
    await assertSeenInChat(workbench.page, last, 'the end of the turn', 10_000);
    const notice = chat.locator('.notice', { hasText: 'devopsAssistant.maxToolRounds' }).last();
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.innerText(), /2회 반복한 뒤 멈췄습니다/);
    await chat.locator('.message', { hasText: '두 단계의 결과로 답합니다.' }).waitFor({ timeout: 10_000 });
    await assertSeenInChat(workbench.page, notice.getByRole('button', { name: '계속' }), 'the notice\'s Continue button', 10_000);
    await workbench.screenshot('tmp/korean-step-bound');
  });
});
