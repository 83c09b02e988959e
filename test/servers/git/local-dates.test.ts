// A user in Seoul asks "오늘 커밋된 내용을 요약해 주세요" about commits made on machines in other zones (break39). git keeps
// each date in the offset of the machine that wrote it: a commit made at 00:10 today in Seoul on a laptop set to Los
// Angeles time reads 07:10 the day before (-08:00). git_log selected it rightly for "today", but gave the model only
// that date, so a summary said it was made "yesterday at 07:10"; it now gives the same instant in the user's zone too.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const HOUR = 3_600_000;
/** Midnight that began today in Seoul (UTC+9, no daylight saving), epoch ms. */
const seoulToday = Math.floor((Date.now() + 9 * HOUR) / (24 * HOUR)) * 24 * HOUR - 9 * HOUR;
/** Los Angeles' offset at `ms` as git writes it ("-0800", "-0700" in summer) and as ISO writes it ("-08:00"). */
function losAngelesOffset(ms: number): { git: string; iso: string } {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'longOffset' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  const iso = name.replace('GMT', '');
  return { git: iso.replace(':', ''), iso };
}

describe('git_log: dates in the user\'s time zone', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let seoul: StartedServer;
  let losAngeles: StartedServer;

  before(async () => {
    kit = createRepoKit('git-local-dates-');
    const root = kit.repo('repo', [{ subject: 'from Seoul, 23:50 yesterday', date: `@${(seoulToday - HOUR / 6) / 1000} +0900` }]);
    kit.write(root, 'b.txt', 'b\n');
    kit.git(root, ['add', '-A']);
    // 00:10 today in Seoul, written on a machine set to Los Angeles time.
    kit.commit(root, BOB, `@${(seoulToday + HOUR / 6) / 1000} ${losAngelesOffset(seoulToday).git}`, 'from a laptop on LA time, 00:10 today in Seoul');
    kit.write(root, 'c.txt', 'c\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, `@${(seoulToday + HOUR / 3) / 1000} +0900`, 'from Seoul, 00:20 today');
    seoul = await startBuiltServer('git', { REPO_PATH: root, TZ: 'Asia/Seoul' });
    losAngeles = await startBuiltServer('git', { REPO_PATH: root, TZ: 'America/Los_Angeles' });
  });
  after(async () => {
    await Promise.all([seoul?.close(), losAngeles?.close()]);
    kit?.cleanup();
  });

  it('a commit recorded in another offset also gets its dates in the local zone; one recorded in it does not', async () => {
    const log = await ok(seoul, 'git_log', { since: '오늘' });
    const [here, away] = log.commits as Data[];
    assert.deepEqual([here.subject, away.subject], ['from Seoul, 00:20 today', 'from a laptop on LA time, 00:10 today in Seoul']);
    assert.ok(away.committerDate.endsWith(`:10:00${losAngelesOffset(seoulToday).iso}`), `${away.committerDate}: as git recorded it`);
    assert.equal(away.committerDateLocal, new Date(seoulToday + HOUR / 6 + 9 * HOUR).toISOString().replace('.000Z', '+09:00'));
    assert.equal(away.dateLocal, away.committerDateLocal);
    assert.equal(here.committerDateLocal, undefined);
    assert.equal(here.dateLocal, undefined);
    // The same history read in Los Angeles: now the Seoul commits are the ones in another offset.
    const there = await ok(losAngeles, 'git_log', { count: 3 });
    const bySubject = new Map((there.commits as Data[]).map((c) => [c.subject, c]));
    assert.equal(bySubject.get('from a laptop on LA time, 00:10 today in Seoul')!.committerDateLocal, undefined);
    const seoulCommit = bySubject.get('from Seoul, 23:50 yesterday')!;
    assert.ok(seoulCommit.committerDateLocal.endsWith(`:50:00${losAngelesOffset(seoulToday - HOUR / 6).iso}`), seoulCommit.committerDateLocal);
    assert.equal(Date.parse(seoulCommit.committerDateLocal), Date.parse(seoulCommit.committerDate));
  });
});
