// "오늘 커밋된 내용을 요약해 주세요" on a busy day (break39): 120 commits made today, git_log asked for all of them. The
// result (about 45,000 characters of JSON) is more than the agent's 16,000 characters per result, and was cut as text:
// the model got the first third of the commits and then a bracket, but not the fields after the list (returned,
// truncated, nextCursor, since, note), so it could not tell how many commits today had, which window was read, nor
// that the cursor it did not see would skip what was cut. A cut now keeps the JSON whole and says how many items fit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerHub } from '../../src/mcp/hub';
import { minimalEnv } from '../../src/mcp/server-specs';
import { gitIn, oneCommitRepo, serversBuilt, startBundledHub } from '../support/bundled-hub';
import { startMockAnthropic, type MockAnthropic } from '../support/mock-anthropic';
import { EventLog, makeAgent, requestMessages } from '../support/mock-anthropic-harness';

describe('agent: today\'s commits on a busy day', function () {
  this.timeout(120_000);
  let hub: ServerHub | undefined;
  let mock: MockAnthropic | undefined;
  let work: string | undefined;

  before(async function () {
    if (!serversBuilt('git')) this.skip(); // run `node esbuild.mjs` first
    work = mkdtempSync(join(tmpdir(), 'busy-day-'));
    const repo = join(work, 'repo');
    oneCommitRepo(repo, { 'a.txt': '0\n' }, 'start');
    // 120 more commits, made now (the window below is the last ten minutes, so the test does not depend on the hour).
    for (let i = 1; i <= 120; i++) {
      writeFileSync(join(repo, 'a.txt'), `${i}\n`);
      gitIn(repo, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', 'commit', '-qam', `배포 스크립트 정리 ${i}`);
    }
    hub = await startBundledHub({ folder: repo, only: ['git'], baseEnv: minimalEnv({ ...process.env, TZ: 'Asia/Seoul' }) });
    mock = await startMockAnthropic();
  });
  after(async () => {
    await mock?.close();
    await hub?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('a git_log result over the budget reaches the model as whole JSON that says how many commits fit', async () => {
    const since = new Date(Date.now() - 10 * 60_000).toISOString();
    mock!.enqueue({ content: [{ type: 'tool_use', id: 'toolu_log', name: 'git_log', input: { since, count: 150 } }] }, { text: '오늘 커밋 요약' });
    const { agent } = makeAgent(mock!, hub!);
    const log = new EventLog();
    await agent.ask('오늘 커밋된 내용을 요약해 주세요', log.onEvent, new AbortController().signal);
    assert.equal(log.done(), 'end_turn', JSON.stringify(log.of('error')));
    const [result] = requestMessages(mock!, 1)[2].content as Array<{ content: string }>;
    assert.ok(result.content.length <= 16_000, `${result.content.length} characters`);
    let data: { returned: number; since?: string; truncated: boolean; commits: Array<{ subject: string }>; [key: string]: unknown };
    assert.doesNotThrow(() => (data = JSON.parse(result.content)), `not whole JSON: …${result.content.slice(-300)}`);
    data = JSON.parse(result.content);
    assert.equal(data.returned, 121, "the tool's own count reaches the model");
    assert.ok(data.since, 'the window reaches the model');
    assert.ok(data.commits.length > 10 && data.commits.length < data.returned, `${data.commits.length} commits kept`);
    const cut = Object.values(data).find((v) => typeof v === 'string' && /truncated by DevOps Assistant/.test(v)) as string | undefined;
    assert.ok(cut, 'the cut is said inside the JSON');
    assert.match(cut, new RegExp(`first ${data.commits.length} of the ${data.returned} items of "commits"`));
    assert.match(cut, /nextCursor/);
  });
});
