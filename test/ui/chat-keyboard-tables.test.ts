// The chat as a new user meets it (break22): Escape stops a running answer like the Stop button, and
// a table in the default-width side bar keeps short tokens (commit hashes, times) whole, on screen; a Korean answer
// breaks between words (leftovers22).
import * as assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../support/wait';
import { useMockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';
import { ask, askFromPalette } from './support/ask';
import { wordLines } from './ui-helpers';

describe('UI: the chat by keyboard, and tables in a side bar of the default width', function () {
  this.timeout(240_000);
  const env = useMockedWorkbench({ apiKey: 'test-key', failurePrefix: 'keyboard-tables' });

  before(async () => {
    await env().workbench.openView('Chat');
  });

  // Each test starts with no answer running, whatever the one before left.
  beforeEach(async () => {
    const stop = env().workbench.chatFrame().locator('#stop');
    // The answer may end between the look and the click (the button hides itself then): a click that finds it gone is
    // no failure; the wait below is what must hold.
    if (await stop.isVisible()) await stop.click({ timeout: 5_000 }).catch(async (error: unknown) => {
      if (await stop.isVisible()) throw error;
    });
    await stop.waitFor({ state: 'hidden', timeout: 15_000 });
  });

  it('Escape in the chat stops a long, slow answer (as Stop does) and says so on screen', async () => {
    const { workbench, mock } = env();
    const chat = workbench.chatFrame();
    mock.enqueue({ text: Array.from({ length: 80 }, (_, i) => `문단 ${i + 1}: 천천히 오는 답변입니다.`).join('\n\n'), eventDelayMs: 150, chunkSize: 4 });
    const input = chat.locator('#chat-input');
    const answer = await ask(chat, '로그를 천천히 분석해 주세요', '문단 1');
    assert.equal(await chat.locator('#stop').getAttribute('aria-keyshortcuts'), 'Escape');
    // The keyboard is still in the input, where the question was typed.
    await input.press('Escape');
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 15_000 });
    await waitUntil('the HTTP stream to close', () => mock.messageRequests().at(-1)?.closedByClient === true, { timeoutMs: 15_000 });
    await assertSeenInChat(workbench.page, chat.locator('.notice', { hasText: 'Stopped.' }).last(), 'the "Stopped." notice');
    assert.doesNotMatch((await answer.textContent()) ?? '', /문단 80/);
    assert.equal(await chat.locator('#send').isDisabled(), false);
  });

  it('Escape with no answer running does nothing (no request, no notice)', async () => {
    const { workbench, mock } = env();
    const chat = workbench.chatFrame();
    const requests = mock.messageRequests().length;
    const notices = await chat.locator('.notice').count();
    await chat.locator('#chat-input').press('Escape');
    // A stop message would have been handled before this round trip of a question is answered.
    mock.enqueue({ text: 'Still here.' });
    await ask(chat, 'ping', 'Still here.');
    assert.equal(mock.messageRequests().length, requests + 1);
    assert.equal(await chat.locator('.notice').count(), notices);
  });

  it('Enter while an answer streams keeps the question in the box and says why, on screen', async () => {
    const { workbench, mock } = env();
    const chat = workbench.chatFrame();
    mock.enqueue({ text: Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a slow answer.`).join('\n\n'), eventDelayMs: 150, chunkSize: 4 });
    const input = chat.locator('#chat-input');
    await ask(chat, 'first question', 'Paragraph 1');
    await input.fill('second question while the first streams');
    await input.press('Enter');
    const hint = chat.locator('.composer .hint');
    await assertSeenInChat(workbench.page, hint, 'the "still answering" hint', 10_000);
    assert.match((await hint.textContent()) ?? '', /still answering/);
    assert.equal(await input.inputValue(), 'second question while the first streams');
    assert.ok(!mock.messageRequests().some((r) => JSON.stringify(r.body.messages).includes('second question while')), 'the second question was not sent');
    await input.press('Escape');
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 15_000 });
    await hint.waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('"DevOps: Ask" from the palette while an answer streams keeps the question in the chat\'s box, after what was typed', async () => {
    const { workbench, mock } = env();
    const { page } = workbench;
    const chat = workbench.chatFrame();
    mock.enqueue({ text: Array.from({ length: 60 }, (_, i) => `Part ${i + 1} of a slow answer.`).join('\n\n'), eventDelayMs: 150, chunkSize: 4 });
    const input = chat.locator('#chat-input');
    await ask(chat, 'first question', 'Part 1 of');
    await input.fill('a note I was typing');
    // runCommand presses Escape first, which in the chat stops the answer: the keyboard goes to the editor area first.
    await askFromPalette(workbench, '오늘 커밋된 내용을 요약해 주세요');
    await waitUntil('the question to reach the chat\'s input box', async () => (await input.inputValue()).includes('오늘 커밋된 내용을'), { timeoutMs: 15_000 });
    assert.equal(await input.inputValue(), 'a note I was typing\n\n오늘 커밋된 내용을 요약해 주세요');
    const hint = chat.locator('.composer .hint');
    await assertSeenInChat(page, hint, 'the "still answering" hint', 10_000);
    assert.ok(!mock.messageRequests().some((r) => JSON.stringify(r.body.messages).includes('오늘 커밋된')), 'the question was not sent');
    await input.press('Escape');
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 15_000 });
    await input.fill('');
  });

  it('"DevOps: Ask" while an answer streams and the chat is hidden (Explorer shown) keeps the question too', async () => {
    // break28: hidden, the chat's webview loses its document; the question was posted to it there and lost with it,
    // and the chat came back with an empty box.
    const { workbench, mock } = env();
    const { page } = workbench;
    const chat = workbench.chatFrame();
    mock.enqueue({ text: Array.from({ length: 60 }, (_, i) => `Piece ${i + 1} of a slow answer.`).join('\n\n'), eventDelayMs: 150, chunkSize: 4 });
    const input = chat.locator('#chat-input');
    await ask(chat, 'first question', 'Piece 1 of');
    await page.locator('.part.editor').click();
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 15_000 });
    await askFromPalette(workbench, '숨겨진 채팅에서 물어본 질문', false);
    await waitUntil('the question to reach the chat\'s input box', async () => (await input.inputValue().catch(() => '')).includes('숨겨진 채팅에서'), { timeoutMs: 20_000 });
    assert.equal(await input.inputValue(), '숨겨진 채팅에서 물어본 질문');
    await assertSeenInChat(page, chat.locator('.composer .hint'), 'the "still answering" hint', 10_000);
    assert.ok(!mock.messageRequests().some((r) => JSON.stringify(r.body.messages).includes('숨겨진 채팅에서')), 'the question was not sent');
    await input.press('Escape');
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 15_000 });
    await input.fill('');
  });

  it('a table of commits keeps each hash and time on one line and in view', async () => {
    const { workbench, mock } = env();
    const chat = workbench.chatFrame();
    mock.enqueue({
      text:
        '## 오늘의 커밋\n\n| 커밋 | 시각 | 내용 |\n|---|---|---|\n' +
        '| 2709d5d | 16:01:26 | MQTT 브로커 타임아웃 60초로 변경 |\n' +
        '| 3eced8c | 16:01:26 | Fix ledger sync retry on ConnectionError |\n' +
        '| 3fed0a2 | 16:01:26 | 결제 서버 로그 로테이션 설정 추가 |\n\nEnd of the table answer.',
    });
    const table = chat.locator('.message.assistant table').last();
    await ask(chat, '오늘 커밋된 내용을 요약해 주세요', 'End of the table answer.');
    for (const token of ['2709d5d', '3eced8c', '3fed0a2', '16:01:26']) {
      const cell = table.locator('td', { hasText: token }).first();
      await assertSeenInChat(workbench.page, cell, `the cell ${token}`, 10_000);
      // The lines the cell's text is laid out on: one, or the token was cut.
      const lines = await cell.evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      });
      assert.equal(lines, 1, `${token} is laid out on ${lines} lines`);
    }
    await workbench.screenshot('tmp/break22-table-default-width');
  });

  // leftovers22: Korean answers were broken inside words at a line's end ("발생했/습니다"): the browser breaks Hangul
  // between any two syllables. Korean now breaks at spaces; long tokens still wrap, and Chinese still breaks between characters.
  it('a Korean answer breaks between words, never inside one; a URL and a path wrap in view; Chinese still wraps', async () => {
    const { workbench, mock } = env();
    const chat = workbench.chatFrame();
    mock.enqueue({
      text:
        '데이터베이스 연결이 09:02:40부터 09:02:50까지 세 번 거부되었고 작업자 작업 8812와 8820이 시간 초과로 실패했습니다. ' +
        '재연결은 09:03:10에 이루어졌으며 그 이후로는 오류가 발생하지 않았습니다. 결제 서버의 로그 로테이션 설정을 확인하고 ' +
        '브로커 타임아웃을 늘리는 것을 권장합니다. 같은 시각에 캐시 메모리 사용량도 91퍼센트까지 올라갔습니다.\n\n' +
        '대시보드: https://grafana.internal.example.com/d/abcdef1234567890/database-connections-overview?orgId=1&from=now-24h&to=now&var-instance=db.internal\n\n' +
        '파일: /var/log/payments/very/deep/folder/structure/worker-8812-timeout-2026-11-20-connection-refused.log\n\n끝: 한국어 답변.',
    });
    const korean = await ask(chat, '어제 오류를 설명해 주세요', '끝: 한국어 답변.');
    await assertSeenInChat(workbench.page, korean.locator('p').first(), 'the Korean paragraph', 10_000);
    const layout = await wordLines(korean.locator('p').first());
    assert.ok(layout.lines >= 3, `the paragraph wraps (${layout.lines} lines), so line ends are tested`);
    assert.deepEqual(layout.cut, [], 'no Korean word is cut in two at a line end');
    const transcript = chat.locator('.transcript');
    for (const p of await korean.locator('p').all()) {
      const { scroll, client } = await p.evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
      assert.ok(scroll <= client + 1, `a paragraph wider than the chat (${scroll} > ${client}): ${(await p.textContent())?.slice(0, 40)}`);
    }
    mock.enqueue({
      // Short clauses: were Chinese kept to whole clauses (keep-all), lines would end well short of the edge.
      text: '数据库连接被拒绝三次，任务超时失败，随后重新连接，此后没有错误，建议检查日志轮转，增加代理超时，重新部署服务，再观察一小时，确认结果。' +
        'データベース接続は拒否され、ジョブは失敗し、再接続の後、エラーはなく、設定を確認し、様子を見ます。\n\n结束：中文回答。',
    });
    const chinese = await ask(chat, '用中文解释', '结束：中文回答。');
    const han = await chinese.locator('p').first().evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const rects = Array.from(range.getClientRects());
      const right = p.getBoundingClientRect().right;
      const ends = new Map<number, number>();
      for (const r of rects) ends.set(Math.round(r.top), Math.max(ends.get(Math.round(r.top)) ?? 0, r.right));
      // How far each line but the last ends from the paragraph's right edge: breaking between characters fills it.
      const gaps = [...ends.values()].slice(0, -1).map((end) => Math.round(right - end));
      return { lines: ends.size, scroll: p.scrollWidth, client: p.clientWidth, gaps, fontSize: parseFloat(getComputedStyle(p).fontSize) };
    });
    assert.ok(han.lines >= 3 && han.scroll <= han.client + 1, JSON.stringify(han));
    assert.ok(han.gaps.every((gap) => gap < 2 * han.fontSize), `Chinese and Japanese break between characters, filling each line: ${JSON.stringify(han)}`);
    const wide = await transcript.evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
    assert.ok(wide.scroll <= wide.client + 1, `the chat scrolls sideways: ${JSON.stringify(wide)}`);
    await workbench.screenshot('tmp/leftovers22-korean-line-breaks');
  });

  // break22: writes to syslog (no extension) or worker.out did not refresh Log Files; only *.log and a few others did.
  it('Log Files follows a syslog file being created and written to', async () => {
    const { workbench, folder } = env();
    const { page } = workbench;
    const stamp = () => new Date().toISOString();
    const syslog = join(folder, 'logs', 'syslog');
    writeFileSync(syslog, `${stamp()} ERROR [cron] job backup failed: disk quota exceeded\n`);
    await workbench.openView('Log Files');
    const row = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Log Files' }) }).locator('.monaco-list-row', { hasText: 'logs/syslog' });
    await row.filter({ hasText: '1 error' }).waitFor({ state: 'visible', timeout: 60_000 });
    appendFileSync(syslog, `${stamp()} ERROR [cron] job rotate failed: permission denied\n`);
    await row.filter({ hasText: '2 errors' }).waitFor({ state: 'visible', timeout: 60_000 });
    // The container's icon now carries the error badge: the tests' handle on it must still find it and click it.
    await page.locator('.activitybar .badge[aria-label^="DevOps - "]').waitFor({ state: 'visible', timeout: 30_000 });
    await workbench.activityBarItem().click({ timeout: 10_000 });
    await page.locator('.part.sidebar .pane-header', { hasText: 'Log Files' }).waitFor({ state: 'hidden', timeout: 10_000 });
    await workbench.openView('Log Files');
  });
});
