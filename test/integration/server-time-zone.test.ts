// The bundled servers read "today", "yesterday" and log times without an offset in the user's time zone, the one the
// agent's system prompt names: VS Code's TZ reaches them (break22: it was dropped, so with TZ=Asia/Seoul the prompt
// said "today is in Asia/Seoul" while git_log's 'today' began at midnight UTC, nine hours late).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerHub } from '../../src/mcp/hub';
import { minimalEnv } from '../../src/mcp/server-specs';
import { oneCommitRepo, serversBuilt, startBundledHub } from '../support/bundled-hub';

/** Midnight starting today in `timeZone`, as an instant (ISO, UTC). */
function midnightIn(timeZone: string, now = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')!.value.replace('GMT', '') || '+00:00';
  return new Date(`${day}T00:00:00${offset}`).toISOString();
}

describe('the bundled servers and the user\'s time zone', function () {
  this.timeout(60_000);
  let hub: ServerHub | undefined;
  let work: string | undefined;

  before(function () {
    if (!serversBuilt('git')) this.skip(); // run `node esbuild.mjs` first
  });
  after(async () => {
    await hub?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('minimalEnv passes TZ on (and still no credential)', () => {
    const env = minimalEnv({ PATH: '/usr/bin', TZ: 'Asia/Seoul', ANTHROPIC_API_KEY: 'sk-ant-secret' });
    assert.equal(env.TZ, 'Asia/Seoul');
    assert.equal(env.ANTHROPIC_API_KEY, undefined);
  });

  it("git_log since 'today' starts at midnight of VS Code's TZ, not of the machine's zone", async () => {
    // A zone nine hours from UTC (no daylight saving): the two midnights cannot be the same instant.
    const zone = 'Asia/Seoul';
    work = mkdtempSync(join(tmpdir(), 'tz-'));
    const repo = join(work, 'repo');
    oneCommitRepo(repo, { 'a.txt': 'a\n' }, 'first');
    hub = await startBundledHub({ folder: repo, only: ['git'], baseEnv: minimalEnv({ ...process.env, TZ: zone }) });
    const before = midnightIn(zone);
    const outcome = await hub.callTool('git', 'git_log', { since: 'today', count: 5 });
    const after = midnightIn(zone);
    assert.equal(outcome.isError, false, outcome.text);
    const since = (outcome.structuredContent as { since?: string }).since;
    assert.ok(since !== undefined, outcome.text);
    assert.ok([before, after].includes(new Date(since).toISOString()), `since ${since}, expected ${before} (midnight in ${zone})`);
  });
});
