// "오늘 커밋된 내용을 요약해 주세요" (summarise what was committed today) end to end on the git server (gitpage17): the
// day and week words in English and Korean, in Seoul and in UTC; a commit rebased today that was written days ago
// (author and committer dates differ: the window reads the committer date, and the result says so; dateBy "author"
// reads the author date); a merge made today.
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, BOB, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const subjects = (log: Data): string[] => log.commits.map((c: Data) => c.subject);
/** git's raw date form for an instant, written in a zone. */
const at = (ms: number, zone: string) => `@${Math.floor(ms / 1000)} ${zone}`;

/** Start of today and of this ISO week (Monday) in a zone `offsetHours` east of UTC without daylight saving. */
function startsIn(offsetHours: number, now = Date.now()): { today: number; week: number } {
  const today = Math.floor((now + offsetHours * HOUR) / DAY) * DAY - offsetHours * HOUR;
  const weekday = (new Date(today + offsetHours * HOUR).getUTCDay() + 6) % 7; // 0 = Monday
  return { today, week: today - weekday * DAY };
}

describe('git_log: what was committed today', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let root: string;
  let seoul: StartedServer;
  let utc: StartedServer;
  const { today, week } = startsIn(9);

  before(async () => {
    kit = createRepoKit('git-today-');
    // Times relative to the start of today in Seoul; the last week's commits and one of the day before this week.
    root = kit.repo('today', [
      { subject: 'before this week', date: at(week - HOUR, '+0900') },
      { subject: 'yesterday in Seoul', date: at(today - 2 * HOUR, '+0900') },
    ]);
    // Written three days ago, rebased (committed anew) just after midnight today.
    kit.write(root, 'rebased.txt', 'rebased\n');
    kit.git(root, ['add', '-A']);
    kit.git(root, ['commit', '-q', '-m', 'rebased today, written three days ago'], { ...kit.as(ALICE, at(today + HOUR, '+0900')), GIT_AUTHOR_DATE: at(today - 3 * DAY, '+0900') });
    // A branch of two commits from yesterday, merged today.
    kit.git(root, ['checkout', '-q', '-b', 'topic', 'HEAD~1']);
    kit.write(root, 'topic.txt', 'topic\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, BOB, at(today - HOUR, '+0900'), 'topic work from yesterday');
    kit.git(root, ['checkout', '-q', '-']);
    kit.git(root, ['merge', '-q', '--no-ff', '-m', 'merge topic today', 'topic'], kit.as(ALICE, at(today + 2 * HOUR, '+0900')));
    seoul = await startBuiltServer('git', { REPO_PATH: root, TZ: 'Asia/Seoul' });
    utc = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });
  after(async () => {
    await Promise.all([seoul?.close(), utc?.close()]);
    kit?.cleanup();
  });

  it('오늘 and today are the local day of the server, in Seoul', async () => {
    for (const since of ['today', '오늘', 'Today']) {
      const log = await ok(seoul, 'git_log', { since });
      assert.equal(Date.parse(log.since), today, since);
      assert.deepEqual(subjects(log), ['merge topic today', 'rebased today, written three days ago'], since);
    }
    const yesterday = await ok(seoul, 'git_log', { since: '어제', until: '어제' });
    assert.equal(Date.parse(yesterday.since), today - DAY);
    assert.equal(Date.parse(yesterday.until), today);
    assert.deepEqual(subjects(yesterday), ['topic work from yesterday', 'yesterday in Seoul']);
  });

  it('this week and 이번 주 start on Monday, local time', async () => {
    for (const since of ['this week', '이번 주', '이번주']) {
      const log = await ok(seoul, 'git_log', { since, until: since });
      assert.equal(Date.parse(log.since), week, since);
      assert.equal(Date.parse(log.until), week + 7 * DAY, since);
      assert.ok(!subjects(log).includes('before this week'), since);
      // On a Monday yesterday's commits are last week's.
      const expected = [today + 2 * HOUR, today + HOUR, today - HOUR, today - 2 * HOUR].filter((t) => t >= week).length;
      assert.equal(log.commits.length, expected, since);
    }
  });

  // leftovers28: "last week" was 7 days back (git's reading) and 지난주 was refused; both are the calendar week before
  // this one, Monday to Monday local time, in git_log and git_file_churn alike (one shared reading).
  it('last week and 지난주 are the calendar week before this one, in git_log and git_file_churn', async () => {
    const expected = [today + 2 * HOUR, today + HOUR, today - HOUR, today - 2 * HOUR, week - HOUR].filter((t) => t >= week - 7 * DAY && t < week).length;
    for (const word of ['last week', '지난주', '지난 주']) {
      const log = await ok(seoul, 'git_log', { since: word, until: word });
      assert.equal(Date.parse(log.since), week - 7 * DAY, word);
      assert.equal(Date.parse(log.until), week, word);
      assert.ok(subjects(log).includes('before this week'), word);
      assert.equal(log.commits.length, expected, word);
      const churn = await ok(seoul, 'git_file_churn', { since: word, until: word });
      assert.equal(Date.parse(churn.since), week - 7 * DAY, word);
      assert.equal(Date.parse(churn.until), week, word);
      assert.equal(churn.commitsScanned, expected, word);
    }
    // The last 7 days are another span, in both languages.
    for (const since of ['지난 일주일', '1 week ago']) {
      const log = await ok(seoul, 'git_log', { since });
      assert.ok(Math.abs(Date.parse(log.since) - (Date.now() - 7 * DAY)) < 60_000, since);
    }
  });

  it('in UTC "today" is the UTC day, and ISO dates with a zone mean the same instant anywhere', async () => {
    const { today: utcToday } = startsIn(0);
    const log = await ok(utc, 'git_log', { since: '오늘' });
    assert.equal(Date.parse(log.since), utcToday);
    const iso = new Date(today).toISOString();
    assert.deepEqual(subjects(await ok(utc, 'git_log', { since: iso })), subjects(await ok(seoul, 'git_log', { since: iso })));
  });

  it('says the window reads the committer date when a listed commit was written outside it', async () => {
    const log = await ok(seoul, 'git_log', { since: '오늘', includeMerges: false });
    assert.deepEqual(subjects(log), ['rebased today, written three days ago']);
    assert.match(log.note, /since\/until select by committer date .*1 of these was written \(author date, `date`\) outside the window and rebased, amended or cherry-picked into it/);
    const plain = await ok(seoul, 'git_log', { since: '어제', until: '어제' });
    assert.equal(plain.note, undefined, 'nothing to say when author and committer dates agree with the window');
  });

  // leftovers19: the window could only read committer dates, so "what did I write today" listed a commit written three
  // days ago and rebased today, and no window found that commit on the day it was written.
  it('dateBy "author" selects on when each change was written, and says when a listed one was committed outside', async () => {
    const todayByAuthor = await ok(seoul, 'git_log', { since: '오늘', includeMerges: false, dateBy: 'author' });
    assert.deepEqual(subjects(todayByAuthor), [], 'the rebased commit was written three days ago');
    const written = { since: new Date(today - 3 * DAY).toISOString(), until: new Date(today - 2 * DAY).toISOString() };
    const byAuthor = await ok(seoul, 'git_log', { ...written, dateBy: 'author' });
    assert.deepEqual(subjects(byAuthor), ['rebased today, written three days ago']);
    assert.match(byAuthor.note, /select by author date .*1 of these was committed \(`committerDate`\) outside the window/);
    assert.deepEqual(subjects(await ok(seoul, 'git_log', written)), [], 'by committer date it was made today');
    const yesterday = await ok(seoul, 'git_log', { since: '어제', until: '어제', dateBy: 'author' });
    assert.deepEqual(subjects(yesterday), ['topic work from yesterday', 'yesterday in Seoul']);
  });

  it('dateBy "author" pages with cursors, and a cursor is only good for the same dateBy', async () => {
    const window = { since: 'this week', until: 'this week', dateBy: 'author' };
    const all = subjects(await ok(seoul, 'git_log', window));
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(seoul, 'git_log', { ...window, count: 1, ...(cursor ? { cursor } : {}) });
      paged.push(...subjects(page));
      if (page.nextCursor) assert.equal(page.remaining, all.length - paged.length);
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, all);
    const first = await ok(seoul, 'git_log', { ...window, count: 1 });
    if (first.nextCursor) assert.match(await fails(seoul, 'git_log', { since: 'this week', until: 'this week', count: 1, cursor: first.nextCursor }), /given for other arguments/);
  });

  it('says a merge in the window brings in commits made before it, and how to list them', async () => {
    const log = await ok(seoul, 'git_log', { since: 'today' });
    const merge = log.commits[0];
    assert.match(log.note, /1 of these is a merge: the commits a merge brings in were made before it .* git_log with ref "([0-9a-f]{12})\.\.([0-9a-f]{12})"/);
    const ref = /ref "([^"]+)"/.exec(log.note)![1];
    assert.ok(merge.hash.startsWith(ref.split('..')[1]));
    assert.deepEqual(subjects(await ok(seoul, 'git_log', { ref })), ['merge topic today', 'topic work from yesterday']);
  });

  it('refuses words it does not know rather than reading them as now', async () => {
    assert.match(await fails(seoul, 'git_log', { since: '그끄저께' }), /since: cannot read "그끄저께" as a time/);
  });
});
