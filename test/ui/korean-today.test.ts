// The tutorial's question end to end, as a person in Seoul asks it of a workspace served from a host in another time
// zone (code-server on a UTC machine, Remote-SSH, a container): "today" is theirs, not the host's. The browser is in
// Asia/Seoul, the extension host in America/Los_Angeles; the repository has commits made today and yesterday (Seoul).
// The mock plays a model that follows the system prompt's date: the test checks the prompt names the user's zone and
// date, that git_log with that window returns today's commits only, and that the Korean answer and table render.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask, askFromPalette } from './support/ask';
import { useMockedWorkbench } from './support/mocked-workbench';
import { assertSeenInChat } from './support/visibility';
import { runCommand, type Workbench } from './support/workbench';
import { createFixtureWorkspace } from './support/workbench';

const USER_ZONE = 'Asia/Seoul';
const HOST_ZONE = 'America/Los_Angeles';
const QUESTION = '오늘 커밋된 내용을 요약해 주세요';

/** The user's calendar date (YYYY-MM-DD) `daysBack` days before now, in Seoul (no daylight saving: +09:00 all year). */
function seoulDate(daysBack = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: USER_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() - daysBack * 86_400_000);
}

/** The fixture with two commits of today and one of yesterday, Seoul time (today's between Seoul midnight and now). */
function workspaceWithTodaysCommits(): string {
  const root = createFixtureWorkspace();
  const midnight = Date.parse(`${seoulDate()}T00:00:00+09:00`);
  const todayAt = (share: number) => new Date(midnight + Math.floor((Date.now() - midnight) * share)).toISOString();
  const commits = [
    { file: 'yesterday.txt', subject: '어제: 캐시 설정 정리', date: `${seoulDate(1)}T15:00:00+09:00` },
    { file: 'today-1.txt', subject: '오늘: 주문 API 타임아웃 수정', date: todayAt(0.3) },
    { file: 'today-2.txt', subject: '오늘: 결제 재시도 로그 추가', date: todayAt(0.6) },
  ];
  for (const commit of commits) {
    writeFileSync(join(root, commit.file), `${commit.subject}\n`);
    const env = { ...process.env, GIT_AUTHOR_DATE: commit.date, GIT_COMMITTER_DATE: commit.date, GIT_CONFIG_NOSYSTEM: '1' };
    execFileSync('git', ['-c', 'user.name=Dana Dev', '-c', 'user.email=dana@example.com', 'add', commit.file], { cwd: root, env });
    execFileSync('git', ['-c', 'user.name=Dana Dev', '-c', 'user.email=dana@example.com', 'commit', '-q', '-m', commit.subject], { cwd: root, env });
  }
  return root;
}

async function openChat(workbench: Workbench): Promise<void> {
  await runCommand(workbench.page, 'DevOps Assistant: Focus on 채팅 View');
  await workbench.chatFrame().locator('#chat-input').waitFor({ state: 'visible', timeout: 30_000 });
}

/** A Korean answer with a table, as a model summarising the commits it was given would write it. */
const ANSWER = [
  '오늘 커밋은 2개입니다. 주문 API의 타임아웃을 고치고, 결제 재시도 로그를 추가했습니다.',
  '',
  '| 시각 | 작성자 | 내용 |',
  '| --- | --- | --- |',
  '| 오전 | Dana Dev | 주문 API 타임아웃 수정 |',
  '| 오전 | Dana Dev | 결제 재시도 로그 추가 |',
].join('\n');

describe('UI: "오늘 커밋된 내용을 요약해 주세요" from Seoul, on a host in another time zone', function () {
  this.timeout(300_000);
  const folder = workspaceWithTodaysCommits();
  const session = useMockedWorkbench({
    apiKey: 'test-key',
    locale: 'ko',
    timezoneId: USER_ZONE,
    env: { TZ: HOST_ZONE },
    folder,
    failurePrefix: 'korean-today',
    viewport: { width: 1400, height: 900 },
  });

  /** Plays a model that obeys the prompt: git_log since the user's midnight, then the answer. */
  function enqueueTodaysSummary(workbench: ReturnType<typeof session>['mock']): void {
    const since = `${seoulDate()}T00:00:00+09:00`;
    workbench.enqueue(
      { content: [{ type: 'text', text: '오늘 커밋을 확인하겠습니다.' }, { type: 'tool_use', name: 'git_log', input: { since } }] },
      { text: ANSWER, eventDelayMs: 5, chunkSize: 30 },
    );
  }

  /** What the last two requests show: the system prompt of the first, the git_log result sent back in the second. */
  function lastExchange(mock: ReturnType<typeof session>['mock']): { system: string; toolResult: string } {
    const requests = mock.messageRequests();
    assert.ok(requests.length >= 2, `two requests (question, tool result), got ${requests.length}`);
    const [first, second] = requests.slice(-2);
    const system = JSON.stringify(first!.body.system);
    const messages = second!.body.messages as Array<{ content: unknown }>;
    return { system, toolResult: JSON.stringify(messages[messages.length - 1]!.content) };
  }

  async function checkAnswer(workbench: Workbench, mock: ReturnType<typeof session>['mock']): Promise<void> {
    const chat = workbench.chatFrame();
    const reply = chat.locator('.message.assistant', { hasText: '결제 재시도 로그 추가' }).last();
    await reply.locator('table').waitFor({ timeout: 90_000 });
    await chat.locator('#stop').waitFor({ state: 'hidden', timeout: 60_000 });
    const { system, toolResult } = lastExchange(mock);
    assert.match(system, new RegExp(`Today is ${seoulDate()}`), `the prompt's date is Seoul's: ${system.slice(0, 600)}`);
    assert.match(system, /Asia\/Seoul \(UTC\+09:00\)/, 'the prompt names the user\'s zone, not the host\'s');
    assert.doesNotMatch(system, /America\/Los_Angeles/);
    assert.match(toolResult, /주문 API 타임아웃 수정/);
    assert.match(toolResult, /결제 재시도 로그 추가/);
    assert.doesNotMatch(toolResult, /캐시 설정 정리/, 'yesterday\'s commit is not in today\'s window');
    assert.equal(await reply.locator('table tbody tr').count(), 2);
    await assertSeenInChat(workbench.page, reply.locator('table'), 'the table of today\'s commits', 10_000);
    // Every line of ours in the turn is Korean: the tool step's status, notices; the English words would be ours.
    const turn = await chat.locator('.message').last().innerText();
    assert.doesNotMatch(turn, /\b(Running|Done|Stopped|Failed|Tool|Result|Arguments)\b/, turn);
  }

  it('asked in the chat: the prompt counts "today" in Seoul, git_log returns today\'s commits, the table renders', async () => {
    const { workbench, mock } = session();
    await openChat(workbench);
    enqueueTodaysSummary(mock);
    await ask(workbench.chatFrame(), QUESTION);
    await checkAnswer(workbench, mock);
    await workbench.screenshot('tmp/korean-today-chat');
  });

  it('asked through DevOps: Ask (the palette): the same', async () => {
    const { workbench, mock } = session();
    enqueueTodaysSummary(mock);
    await askFromPalette(workbench, QUESTION);
    await checkAnswer(workbench, mock);
  });
});

// The first thing done in a new window: "DevOps: Ask" from the palette, the chat never opened. The question reached the
// agent before the chat's webview had loaded and told the user's zone, so "today" was the host's.
describe('UI: the same question from the palette first thing in a new window', function () {
  this.timeout(300_000);
  const folder = workspaceWithTodaysCommits();
  const session = useMockedWorkbench({ apiKey: 'test-key', locale: 'ko', timezoneId: USER_ZONE, env: { TZ: HOST_ZONE }, folder, failurePrefix: 'korean-today-first' });

  it('the prompt counts "today" in Seoul', async () => {
    const { workbench, mock } = session();
    mock.enqueue({ text: ANSWER });
    await askFromPalette(workbench, QUESTION);
    await workbench.chatFrame().locator('.message.assistant table').waitFor({ timeout: 90_000 });
    const system = JSON.stringify(mock.messageRequests()[0]!.body.system);
    assert.match(system, new RegExp(`Today is ${seoulDate()}.*Asia/Seoul`), system.slice(0, 600));
  });
});
