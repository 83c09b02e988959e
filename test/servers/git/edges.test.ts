// git's edge cases (issue 12, item 4): dates git cannot parse, paths with tabs and line breaks that
// must round-trip, paths nothing touches, and submodules with work inside.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { dirname, join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ALICE, BOB, createEdgeRepos, fails, ok, readInfo, type EdgeRepos } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const subjectsOf = (log: Data): string[] => log.commits.map((c: Data) => c.subject);
/** Runs `use` against a git server on `root` (TZ UTC), closing it afterwards. */
async function withServer(root: string, use: (server: StartedServer) => Promise<void>): Promise<void> {
  const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  try {
    await use(server);
  } finally {
    await server.close();
  }
}

describe('git server edge cases', function () {
  this.timeout(30_000);
  let edges: EdgeRepos;
  let odd: StartedServer;
  let superproject: StartedServer;

  before(async () => {
    edges = createEdgeRepos();
    odd = await startBuiltServer('git', { REPO_PATH: edges.odd, TZ: 'UTC' });
    superproject = await startBuiltServer('git', { REPO_PATH: edges.superproject, TZ: 'UTC' });
  });
  after(async () => {
    await odd?.close();
    await superproject?.close();
    edges?.kit.cleanup();
  });

  describe('date windows beyond what git parses', () => {
    const subjects = (log: Data) => log.commits.map((c: Data) => c.subject);

    it('a commit dated 2150 is not before until 2100-01-01, and is after since 2100-01-01', async () => {
      assert.deepEqual(subjects(await ok(odd, 'git_log', { until: '2100-01-01' })), ['Add awkward names', 'A commit of 2024']);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { since: '2100-01-01' })), ['A commit dated 2150']);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { since: '2099-12-31T23:59:59Z', until: '2100-01-01T00:00:00Z' })), []);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { since: '2150-01-01T00:00:00Z', until: '2150-01-01T00:00:01Z' })), ['A commit dated 2150']);
      assert.deepEqual(subjects(await ok(odd, 'git_log', { count: 1, until: '2100-01-01' })), ['Add awkward names'], 'the count is filled from inside the window');
    });

    // "since: today" keeps a commit a wrong clock dated years ahead; it was listed as today's without a word.
    it('says when listed commits are dated in the future', async () => {
      const ahead = await ok(odd, 'git_log', { since: '2024-05-02' });
      assert.deepEqual(subjects(ahead), ['A commit dated 2150', 'Add awkward names']);
      assert.match(ahead.note, /^1 of these commits is dated in the future \(committerDate after now\)/);
      assert.equal((await ok(odd, 'git_log', { until: '2100-01-01' })).note, undefined);
    });

    it('git_file_churn counts only commits inside the window', async () => {
      const churn = await ok(odd, 'git_file_churn', { since: '2000-01-01', until: '2100-01-01' });
      assert.ok(!churn.files.some((f: Data) => f.path === 'future.txt'), JSON.stringify(churn.files));
      const future = await ok(odd, 'git_file_churn', { since: '2100-01-01' });
      assert.deepEqual(future.files.map((f: Data) => f.path), ['future.txt']);
    });
  });

  // gitsys15: git's --since stops walking at the first commit older than the date, so one commit from a machine whose
  // clock was behind hid the commits of the window made before it: "this week" listed 1 of 2 commits.
  describe('a commit dated before its parent (a clock behind)', () => {
    it('does not hide the commits below it from git_log and git_file_churn', async () => {
      const skew = edges.kit.repo('skew', [
        { subject: 'before the window', date: '2024-04-01T10:00:00Z' },
        { subject: 'inside, first', date: '2024-05-10T10:00:00Z' },
        { subject: 'from a clock a year behind', date: '2023-05-10T10:00:00Z' },
        { subject: 'inside, second', date: '2024-05-11T10:00:00Z' },
      ]);
      await withServer(skew, async (server) => {
        const log = await ok(server, 'git_log', { since: '2024-05-09' });
        assert.deepEqual(subjectsOf(log), ['inside, second', 'inside, first']);
        const churn = await ok(server, 'git_file_churn', { since: '2024-05-09' });
        assert.equal(churn.commitsScanned, 2);
        assert.deepEqual(churn.files.map((f: Data) => f.path).sort(), ['2.txt', '4.txt']);
      });
    });
  });

  // gitsys15: git_log and git_show printed the raw author (%an) while git_blame and git's own log use the .mailmap: one
  // person under an old name read as two people, and blame named someone the log did not.
  describe('a .mailmap', () => {
    it('names people as git log and git blame do, in every tool', async () => {
      const { kit } = edges;
      const root = kit.repo('mailmap', [{ subject: 'under an old name', date: '2024-05-01T10:00:00Z', who: { name: 'jdoe', email: 'jdoe@old.example' } }]);
      kit.write(root, '.mailmap', 'Jane Doe <jane@example.org> jdoe <jdoe@old.example>\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, { name: 'Jane Doe', email: 'jane@example.org' }, '2024-05-02T10:00:00Z', 'add the mailmap');
      await withServer(root, async (server) => {
        const log = await ok(server, 'git_log', {});
        assert.deepEqual(log.commits.map((c: Data) => [c.author, c.email]), [['Jane Doe', 'jane@example.org'], ['Jane Doe', 'jane@example.org']]);
        const show = await ok(server, 'git_show', { ref: 'HEAD~1', includePatch: false });
        assert.deepEqual([show.author, show.email, show.committer, show.committerEmail], ['Jane Doe', 'jane@example.org', 'Jane Doe', 'jane@example.org']);
        const blame = await ok(server, 'git_blame', { path: '1.txt' });
        assert.deepEqual(blame.lines.map((l: Data) => l.author), ['Jane Doe']);
        assert.equal((await ok(server, 'git_log', { author: 'Jane Doe' })).returned, 2);
        // break23: the name recorded before the .mailmap matched nothing, without a word (git matches mapped names).
        const old = await ok(server, 'git_log', { author: 'jdoe' });
        assert.equal(old.returned, 0);
        assert.equal(
          old.note,
          'No commit\'s author matches "jdoe" as the repository\'s .mailmap names people, but commits recorded as "jdoe <jdoe@old.example>" do: .mailmap lists them as "Jane Doe <jane@example.org>"; search for that name.',
        );
        assert.equal((await ok(server, 'git_log', { author: 'jdoe', since: '2024-05-02' })).note, undefined, 'outside the window: no such commit at all');
        assert.equal((await ok(server, 'git_log', { author: 'nobody' })).note, undefined);
      });
    });
  });

  // gitsys15: git stores a date before 1970 as negative seconds and its formats cannot read them: git_log, git_show and
  // git://info gave the date as the literal text "%aI" (git log itself shows 1970-01-01).
  describe('an author date before 1970', () => {
    it('is read from the commit object, in the commit zone', async () => {
      const { kit } = edges;
      const root = kit.repo('before-1970', [{ subject: 'a parent', date: '2024-05-01T10:00:00Z' }]);
      const tree = kit.git(root, ['rev-parse', 'HEAD^{tree}']);
      const parent = kit.git(root, ['rev-parse', 'HEAD']);
      // 1965-03-08T17:46:40Z written in +09:00: git commit refuses such a date, so the object is written by hand.
      kit.write(kit.dir, 'old-commit.txt', `tree ${tree}\nparent ${parent}\nauthor Old Timer <old@example.org> -152000000 +0900\ncommitter Old Timer <old@example.org> 1715000000 +0000\n\nTyped in 1965\n`);
      const hash = kit.git(root, ['hash-object', '-t', 'commit', '-w', '--literally', join(kit.dir, 'old-commit.txt')]);
      kit.git(root, ['update-ref', 'refs/heads/main', hash]);
      await withServer(root, async (server) => {
        const [newest] = (await ok(server, 'git_log', { count: 1 })).commits;
        assert.deepEqual([newest.subject, newest.date, newest.committerDate], ['Typed in 1965', '1965-03-09T02:46:40+09:00', '2024-05-06T12:53:20+00:00']);
        assert.equal((await ok(server, 'git_show', { ref: 'HEAD', includePatch: false })).date, '1965-03-09T02:46:40+09:00');
        assert.equal((await readInfo(server)).lastCommit.date, '1965-03-09T02:46:40+09:00');
      });
    });
  });

  // errors16: git reads a date before 1970 (negative seconds) as one past its range, so `--until` dropped such commits
  // and their times were read as 0: a window over 1969 listed nothing, and `since` 1969-07-01 kept a June commit.
  describe('a window over commits dated before 1970', () => {
    it('lists them by the committer dates their objects hold', async () => {
      const { kit } = edges;
      const root = kit.repo('window-1969', [{ subject: 'a placeholder', date: '2024-05-01T10:00:00Z' }]);
      let parent = '';
      // 1969-06-06T16:00:00Z, 1969-12-31T23:00:00Z, then 1971-01-01T00:00:00Z: git commit refuses the first two.
      for (const seconds of [-18000000, -3600, 31536000]) {
        kit.write(root, '1.txt', `at ${seconds}\n`);
        kit.git(root, ['add', '-A']);
        const tree = kit.git(root, ['write-tree']);
        kit.write(kit.dir, 'commit-1969.txt', `tree ${tree}\n${parent ? `parent ${parent}\n` : ''}author A <a@example.org> ${seconds} +0000\ncommitter A <a@example.org> ${seconds} +0000\n\nat ${seconds}\n`);
        parent = kit.git(root, ['hash-object', '-t', 'commit', '-w', '--literally', join(kit.dir, 'commit-1969.txt')]);
      }
      kit.git(root, ['update-ref', 'refs/heads/main', parent]);
      await withServer(root, async (server) => {
        const window = async (args: Data) => subjectsOf(await ok(server, 'git_log', args));
        assert.deepEqual(await window({ until: '1970-01-01T00:00:00Z' }), ['at -3600', 'at -18000000']);
        assert.deepEqual(await window({ since: '1969-01-01T00:00:00Z', until: '1970-06-01T00:00:00Z' }), ['at -3600', 'at -18000000']);
        assert.deepEqual(await window({ since: '1969-07-01' }), ['at 31536000', 'at -3600']);
        assert.deepEqual(await window({ until: '2000-01-01' }), ['at 31536000', 'at -3600', 'at -18000000']);
        assert.deepEqual(await window({ until: '1969-07-01' }), ['at -18000000']);
        assert.deepEqual(await window({ since: '1970-06-01' }), ['at 31536000']);
        const two = await ok(server, 'git_log', { until: '2000-01-01', count: 2 });
        assert.deepEqual([subjectsOf(two), two.truncated], [['at 31536000', 'at -3600'], true]);
        // git_file_churn: each commit is one (a mark without a time had its files folded into the commit above).
        const churn = async (args: Data) => (await ok(server, 'git_file_churn', args)).files.map((f: Data) => [f.path, f.commits]);
        assert.deepEqual(await churn({ since: '1969-01-01', until: '1970-01-01' }), [['1.txt', 2]]);
        assert.deepEqual(await churn({ since: '1969-01-01' }), [['1.txt', 3]]);
        assert.deepEqual(await churn({ since: '1969-07-01', until: '2000-01-01' }), [['1.txt', 2]]);
        assert.deepEqual(await churn({ since: '2020-01-01' }), []);
      });
    });
  });

  // break23: git_branches failed whole ("git failed: Timestamp too large for this system: 18446744073709548016") when a
  // branch tip was committed before 1970, and git_blame dated such a commit's lines 1970-01-01T00:00:00+00:00.
  describe('a branch tip and blamed lines dated before 1970', () => {
    it('git_branches lists the branch with its date, and git_blame gives the date the commit holds', async () => {
      const { kit } = edges;
      const root = kit.repo('branch-1969', [{ subject: 'a placeholder', date: '2024-05-01T10:00:00Z' }]);
      kit.write(root, '1.txt', 'typed in 1969\n');
      kit.git(root, ['add', '-A']);
      const tree = kit.git(root, ['write-tree']);
      const parent = kit.git(root, ['rev-parse', 'HEAD']);
      // 1969-12-31T23:00:00Z written in +01:00: git commit refuses such a date, so the object is written by hand.
      kit.write(kit.dir, 'commit-branch-1969.txt', `tree ${tree}\nparent ${parent}\nauthor Old Timer <old@example.org> -3600 +0100\ncommitter Old Timer <old@example.org> -3600 +0100\n\nTyped in 1969\n`);
      const old = kit.git(root, ['hash-object', '-t', 'commit', '-w', '--literally', join(kit.dir, 'commit-branch-1969.txt')]);
      kit.git(root, ['update-ref', 'refs/heads/old', old]);
      kit.git(root, ['reset', '-q', '--hard']);
      await withServer(root, async (server) => {
        const listed = (await ok(server, 'git_branches')).branches.map((b: Data) => [b.name, b.lastCommitDate, b.subject]);
        assert.deepEqual(listed, [
          ['main', '2024-05-01T10:00:00+00:00', 'a placeholder'],
          ['old', '1970-01-01T00:00:00+01:00', 'Typed in 1969'],
        ]);
        const [line] = (await ok(server, 'git_blame', { path: '1.txt', ref: 'old' })).lines;
        assert.deepEqual([line.summary, line.date], ['Typed in 1969', '1970-01-01T00:00:00+01:00']);
      });
    });
  });

  // break23: git_blame cut every hash to 7 characters while git_log and git_show print git's own short hash (unique in
  // the repository, at least core.abbrev): in the 10,000-commit test repository git_log said fda07457, blame fda0745.
  describe("git_blame's short hashes", () => {
    it('are the short hashes git_log prints for the same commits', async () => {
      const { kit } = edges;
      const root = kit.repo('abbrev', [
        { subject: 'one', date: '2024-05-01T10:00:00Z', file: 'a.txt' },
        { subject: 'two', date: '2024-05-02T10:00:00Z', file: 'b.txt' },
      ]);
      kit.git(root, ['config', 'core.abbrev', '12']);
      await withServer(root, async (server) => {
        const logged = new Map((await ok(server, 'git_log')).commits.map((c: Data) => [c.hash, c.shortHash]));
        const [line] = (await ok(server, 'git_blame', { path: 'a.txt' })).lines;
        assert.equal(line.shortHash, logged.get(line.hash));
        assert.equal(line.shortHash.length, 12);
      });
    });
  });

  // gitsys15: a file name in Latin-1 (byte 0xFF) is listed with U+FFFD; passed back, that text names no file, and git_log
  // answered "no commit touches it" (git_blame "does not exist") for a file that is there.
  describe('a file name whose bytes are not UTF-8', () => {
    it('is refused as a path with the reason, while a name really holding U+FFFD still works', async () => {
      const { kit } = edges;
      const root = kit.repo('latin1', [{ subject: 'first', date: '2024-05-01T10:00:00Z' }]);
      writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'latin-1 name\n');
      writeFileSync(join(root, 'real\uFFFD.txt'), 'utf-8 name\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, BOB, '2024-05-02T10:00:00Z', 'two names');
      await withServer(root, async (server) => {
        const listed = (await ok(server, 'git_show', { ref: 'HEAD', includePatch: false })).files.map((f: Data) => f.path).sort();
        assert.deepEqual(listed, ['caf\uFFFD.txt', 'real\uFFFD.txt']);
        for (const tool of ['git_log', 'git_blame', 'git_file_churn']) {
          assert.match(await fails(server, tool, { path: 'caf\uFFFD.txt' }), /bytes of a file name that are not UTF-8.*Ask for its folder/);
        }
        assert.deepEqual((await ok(server, 'git_log', { path: 'real\uFFFD.txt' })).commits.map((c: Data) => c.subject), ['two names']);
      });
    });
  });

  describe('listed paths round-trip', () => {
    it('git_show lists exact paths (display forms beside them) and each works when passed back', async () => {
      const show = await ok(odd, 'git_show', { ref: 'HEAD~1', includePatch: false });
      const byPath = new Map<string, Data>(show.files.map((f: Data) => [f.path, f]));
      assert.deepEqual([...byPath.keys()].sort(), Object.values(edges.names).sort());
      assert.equal(byPath.get(edges.names.tab)!.displayPath, 'tab\\x09here.txt');
      assert.equal(byPath.get(edges.names.newline)!.displayPath, 'line\\x0abreak.txt');
      assert.equal(byPath.get(edges.names.space)!.displayPath, undefined, 'a plain path has no display form');
      for (const file of show.files) {
        const log = await ok(odd, 'git_log', { path: file.path });
        assert.deepEqual(log.commits.map((c: Data) => c.subject), ['Add awkward names'], JSON.stringify(file.path));
        const blame = await ok(odd, 'git_blame', { path: file.path });
        assert.equal(blame.lines[0].content, JSON.stringify(file.path));
        const one = await ok(odd, 'git_show', { ref: 'HEAD~1', path: file.path, includePatch: false });
        assert.deepEqual(one.files.map((f: Data) => f.path), [file.path]);
      }
    });

    it('git_status and git_file_churn list exact paths too', async () => {
      edges.kit.write(edges.odd, edges.names.tab, 'changed\n');
      try {
        const status = await ok(odd, 'git_status');
        assert.deepEqual(status.files.map((f: Data) => [f.path, f.displayPath]), [[edges.names.tab, 'tab\\x09here.txt']]);
        assert.equal((await ok(odd, 'git_log', { path: status.files[0].path })).commits.length, 1);
      } finally {
        edges.kit.git(edges.odd, ['checkout', '--', edges.names.tab]);
      }
      const churn = await ok(odd, 'git_file_churn', { since: '2000-01-01', until: '2100-01-01' });
      for (const file of churn.files) assert.ok((await ok(odd, 'git_log', { path: file.path })).commits.length > 0, JSON.stringify(file.path));
    });
  });

  describe('a path nothing touches', () => {
    it('says the path does not exist, rather than returning a bare empty list', async () => {
      const log = await ok(odd, 'git_log', { path: 'no/such/file.txt' });
      assert.deepEqual(log.commits, []);
      assert.match(log.note, /"no\/such\/file.txt" does not exist in the working tree and no commit at HEAD touches it/);
      const churn = await ok(odd, 'git_file_churn', { path: 'missing.txt', since: '2000-01-01' });
      assert.match(churn.note, /does not exist/);
    });

    it('says when the file exists but was never committed, or when other filters hide its commits', async () => {
      edges.kit.write(edges.odd, 'fresh.txt', 'new\n');
      try {
        assert.match((await ok(odd, 'git_log', { path: 'fresh.txt' })).note, /No commit at HEAD touches "fresh.txt": it exists in the working tree but has never been committed/);
      } finally {
        execFileSync('rm', ['-f', `${edges.odd}/fresh.txt`]);
      }
      assert.match((await ok(odd, 'git_log', { path: 'future.txt', until: '2100-01-01' })).note, /commits at HEAD do touch it: widen the filters/);
      assert.match((await ok(odd, 'git_show', { ref: 'HEAD~1', path: 'future.txt' })).note, /No commit at HEAD~1 touches "future.txt": it only appears in later commits/);
      assert.match((await ok(odd, 'git_show', { ref: 'HEAD', path: '1.txt' })).note, /HEAD does not change "1.txt", which exists at that commit/);
      assert.match((await ok(odd, 'git_diff_stat', { path: '1.txt' })).note, /Nothing under "1.txt" differs between HEAD\^ \(first parent\) and HEAD; it exists there unchanged/);
      assert.match((await ok(odd, 'git_diff_stat', { path: 'gone.txt' })).note, /"gone.txt" does not exist in the working tree and no commit at HEAD touches it/);
    });
  });

  describe('what a new user asks of odd repositories', () => {
    const ZOE = { name: 'Zoë Ärger', email: 'zoe@example.com' };
    const HOUR = 3_600_000;
    let people: StartedServer;
    let unborn: StartedServer;
    let seoul: StartedServer;
    let startOfSeoulToday: number;

    before(async () => {
      const { kit } = edges;
      const repo = kit.repo('people', [
        { subject: 'Ärger mit der Straße behoben', date: '2024-05-01T10:00:00Z', who: ZOE },
        { subject: 'Plain subject', date: '2024-05-02T10:00:00Z' },
        { subject: 'ΟΔΟΣΗΜΑΝΣΗ fix', date: '2024-05-03T10:00:00Z' },
      ]);
      people = await startBuiltServer('git', { REPO_PATH: repo, TZ: 'UTC' });

      // `git checkout --orphan`: the checked-out branch has no commit, main has history.
      const orphan = join(kit.dir, 'orphan');
      kit.git(kit.dir, ['clone', '-q', edges.odd, orphan]);
      kit.git(orphan, ['checkout', '-q', '--orphan', 'fresh']);
      unborn = await startBuiltServer('git', { REPO_PATH: orphan, TZ: 'UTC' });

      // "오늘 커밋된 내용을 요약해 주세요" asked in Seoul (UTC+9, no daylight saving): one commit 30 minutes
      // after local midnight (still yesterday in UTC), one 30 minutes before it; the first was written
      // the day before in California and committed today in Seoul (a rebase), so its author date is another day.
      startOfSeoulToday = Math.floor((Date.now() + 9 * HOUR) / (24 * HOUR)) * 24 * HOUR - 9 * HOUR;
      const at = (ms: number, zone: string) => `@${Math.floor(ms / 1000)} ${zone}`;
      const today = kit.repo('seoul', [{ subject: 'late last night', date: at(startOfSeoulToday - HOUR / 2, '+0900') }]);
      kit.write(today, 'today.txt', 'rebased today\n');
      kit.git(today, ['add', '-A']);
      kit.git(today, ['commit', '-q', '-m', 'rebased just after midnight'], {
        ...kit.as(ALICE, at(startOfSeoulToday + HOUR / 2, '+0900')),
        GIT_AUTHOR_DATE: at(startOfSeoulToday - 20 * HOUR, '-0800'),
      });
      seoul = await startBuiltServer('git', { REPO_PATH: today, TZ: 'Asia/Seoul' });
    });
    after(async () => {
      await Promise.all([people?.close(), unborn?.close(), seoul?.close()]);
    });

    // git's --regexp-ignore-case folds ASCII only: "ZOË" found nothing and the answer was "no commits".
    it('author and grep ignore case beyond ASCII too', async () => {
      const subjects = async (args: Data) => (await ok(people, 'git_log', args)).commits.map((c: Data) => c.subject);
      assert.deepEqual(await subjects({ author: 'ZOË ÄRGER' }), ['Ärger mit der Straße behoben']);
      assert.deepEqual(await subjects({ author: 'zoë' }), ['Ärger mit der Straße behoben']);
      assert.deepEqual(await subjects({ grep: 'ärger MIT' }), ['Ärger mit der Straße behoben']);
      assert.deepEqual(await subjects({ grep: 'STRASSE' }), [], 'no fold beyond case: ß is not ss');
      assert.deepEqual(await subjects({ author: 'ALICE', grep: 'Ä.' }), [], 'a dot is text, not a regex');
      assert.deepEqual(await subjects({ author: 'Ö' }), [], 'a wildcard for a cased letter never lets a commit through on its own');
      assert.deepEqual(await subjects({ author: 'alice ARCHER', grep: 'PLAIN' }), ['Plain subject']);
      // A capital sigma ending the needle lowers to ς, inside the subject's word to σ: one letter all the same.
      assert.deepEqual(await subjects({ grep: 'ΟΔΟΣ' }), ['ΟΔΟΣΗΜΑΝΣΗ fix']);
      assert.deepEqual(await subjects({ grep: 'οδος' }), ['ΟΔΟΣΗΜΑΝΣΗ fix']);
    });

    it('an unborn branch beside branches with history is not "no commits yet", and other refs still work', async () => {
      const info = await readInfo(unborn);
      assert.equal(info.empty, false);
      assert.match(info.note, /checked-out branch 'fresh' has no commits yet .*other branches do/);
      const log = await ok(unborn, 'git_log');
      assert.deepEqual(log.commits, []);
      assert.match(log.note, /branch 'fresh' has no commits yet/);
      assert.doesNotMatch(log.note, /repository .* has no commits/);
      assert.equal((await ok(unborn, 'git_log', { ref: 'main', count: 1 })).commits.length, 1);
      assert.equal((await ok(unborn, 'git_show', { ref: 'main', includePatch: false })).subject, 'A commit dated 2150');
      assert.equal((await ok(unborn, 'git_diff_stat', { to: 'main' })).files[0].path, 'future.txt');
      assert.equal((await ok(unborn, 'git_file_churn', { ref: 'main', since: '2000-01-01' })).commitsScanned, 3);
      assert.match(await fails(unborn, 'git_show', {}), /branch 'fresh' has no commits yet/);
    });

    it('"today" is the local day of the server, and each commit says when it was committed', async () => {
      const log = await ok(seoul, 'git_log', { since: 'today', until: 'today' });
      // The window is printed in the zone the question was asked in, as the commit dates are.
      assert.match(log.since, /^\d{4}-\d\d-\d\dT00:00:00\.000\+09:00$/);
      assert.equal(Date.parse(log.since), startOfSeoulToday);
      assert.equal(Date.parse(log.until), startOfSeoulToday + 24 * HOUR);
      assert.deepEqual(log.commits.map((c: Data) => c.subject), ['rebased just after midnight']);
      const [commit] = log.commits;
      assert.match(commit.committerDate, /^\d{4}-\d\d-\d\dT00:30:00\+09:00$/);
      assert.equal(Date.parse(commit.committerDate), startOfSeoulToday + HOUR / 2);
      assert.equal(Date.parse(commit.date), startOfSeoulToday - 20 * HOUR, 'the author date is the day before');
      const yesterday = await ok(seoul, 'git_log', { since: 'yesterday', until: 'yesterday' });
      assert.deepEqual(yesterday.commits.map((c: Data) => c.subject), ['late last night']);
    });
  });

  describe('submodules', () => {
    it('a submodule with uncommitted edits makes the superproject dirty, as git status says', async () => {
      const plain = execFileSync('git', ['status', '--porcelain'], { cwd: edges.superproject, encoding: 'utf8' });
      assert.match(plain, /^ M sub$/m, 'git itself reports the submodule modified');
      const status = await ok(superproject, 'git_status');
      assert.equal(status.clean, false);
      const sub = status.files.find((f: Data) => f.path === 'sub');
      assert.deepEqual([sub?.unstaged, sub?.submodule], ['M', 'modified content']);
      const untracked = status.files.find((f: Data) => f.path === 'subUntracked');
      assert.deepEqual([untracked?.unstaged, untracked?.submodule], ['M', 'untracked content']);
      assert.equal(status.counts.unstaged, 2);
      const info = await readInfo(superproject);
      assert.equal(info.dirty, true);
    });

    // break23: both were "does not exist in HEAD": the superproject's tree holds a submodule as a commit of another
    // repository, which git cat-file cannot find here, and none of the submodule's files.
    it('git_blame of a submodule, or of a file inside one, says so and where to open it', async () => {
      assert.match(await fails(superproject, 'git_blame', { path: 'sub' }), /'sub' is a submodule \(a repository of its own, at commit [0-9a-f]{12} in HEAD\), not a file;.*set to \S*\/super\/sub\)/);
      assert.match(await fails(superproject, 'git_blame', { path: 'sub/1.txt' }), /'sub\/1\.txt' is inside the submodule 'sub' .*\/super\/sub\) and pass '1\.txt'/);
      assert.match(await fails(superproject, 'git_blame', { path: 'nothing/here.txt' }), /'nothing\/here\.txt' does not exist in HEAD/);
    });
  });

  // `git status` says "You have unmerged paths … (use git merge --abort)"; the porcelain form the tool reads does not,
  // and a rebase stopped on a conflict showed as a detached HEAD with one conflicted file and nothing more.
  describe('an operation stopped midway', () => {
    const servers: StartedServer[] = [];
    const open = async (root: string) => {
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      servers.push(server);
      return server;
    };
    after(async () => {
      await Promise.all(servers.map((s) => s.close()));
    });
    /** main and topic both change `shared.txt`; returns the repository and topic's tip. */
    const diverged = (folder: string) => {
      const { kit } = edges;
      const root = kit.repo(folder, [{ subject: 'base', date: '2024-05-01T10:00:00Z', file: 'shared.txt' }]);
      kit.git(root, ['checkout', '-q', '-b', 'topic']);
      kit.write(root, 'shared.txt', 'topic line\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, BOB, '2024-05-02T10:00:00Z', 'topic edit');
      kit.write(root, 'second.txt', 'second\n');
      kit.git(root, ['add', '-A']);
      const tip = kit.commit(root, BOB, '2024-05-02T11:00:00Z', 'topic second');
      kit.git(root, ['checkout', '-q', 'main']);
      kit.write(root, 'shared.txt', 'main line\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-03T10:00:00Z', 'main edit');
      return { root, tip, main: kit.git(root, ['rev-parse', 'HEAD']) };
    };
    const attempt = (root: string, args: string[]) => {
      const stopped = (error: unknown) => /CONFLICT|conflict/.test(String((error as { stdout?: string }).stdout) + String((error as { stderr?: string }).stderr));
      assert.throws(() => edges.kit.git(root, args, edges.kit.as(ALICE, '2024-05-04T10:00:00Z')), stopped, `git ${args.join(' ')} should stop on the conflict`);
    };

    it('names a merge with conflicts, the merged commit and how to go on', async () => {
      const { root, tip } = diverged('merging');
      attempt(root, ['merge', '-q', 'topic']);
      const status = await ok(await open(root), 'git_status');
      assert.equal(status.operation.kind, 'merge');
      assert.deepEqual(status.operation.commits, [tip]);
      assert.match(status.operation.next, /git merge --abort/);
      assert.equal(status.counts.conflicted, 1);
      assert.equal((await readInfo(servers.at(-1)!)).operation.kind, 'merge', 'git://info names it too');
    });

    it('names a rebase: the branch, the step of how many, and the commit it goes onto', async () => {
      const { root, main } = diverged('rebasing');
      edges.kit.git(root, ['checkout', '-q', 'topic']);
      attempt(root, ['rebase', '-q', 'main']);
      const status = await ok(await open(root), 'git_status');
      assert.equal(status.detached, true);
      assert.deepEqual(
        [status.operation.kind, status.operation.branch, status.operation.step, status.operation.total, status.operation.commits],
        ['rebase', 'topic', 1, 2, [main]],
      );
      assert.match(status.operation.next, /git rebase --continue/);
    });

    it('names a cherry-pick and a bisect, and says nothing on a tree with none', async () => {
      const { root, tip } = diverged('picking');
      const pickedFrom = edges.kit.git(root, ['rev-parse', `${tip}~1`]);
      attempt(root, ['cherry-pick', pickedFrom]);
      const server = await open(root);
      const picking = await ok(server, 'git_status');
      assert.deepEqual([picking.operation.kind, picking.operation.commits], ['cherry-pick', [pickedFrom]]);
      edges.kit.git(root, ['cherry-pick', '--abort']);
      assert.equal((await ok(server, 'git_status')).operation, undefined, 'aborted: nothing in progress');
      edges.kit.git(root, ['bisect', 'start', 'HEAD', `HEAD~1`]);
      const bisecting = await ok(server, 'git_status');
      assert.equal(bisecting.operation.kind, 'bisect');
      assert.match(bisecting.operation.next, /git bisect reset/);
      edges.kit.git(root, ['bisect', 'reset']);
      assert.equal((await ok(server, 'git_status')).operation, undefined);
    });

    // break13: the conflict of a cherry-pick of several commits resolved and committed leaves only sequencer/; git
    // status still says "Cherry-pick currently in progress", and the commits left are applied by --continue alone.
    it('names a cherry-pick of several commits waiting between steps', async () => {
      const { root, tip } = diverged('sequence');
      const who = edges.kit.as(ALICE, '2024-05-04T10:00:00Z');
      attempt(root, ['cherry-pick', `${tip}~1`, tip]);
      edges.kit.write(root, 'shared.txt', 'resolved\n');
      edges.kit.git(root, ['add', '-A']);
      edges.kit.git(root, ['commit', '-q', '--no-edit'], who);
      assert.match(edges.kit.git(root, ['status']), /Cherry-pick currently in progress/, 'git itself says so');
      const status = await ok(await open(root), 'git_status');
      assert.equal(status.operation.kind, 'cherry-pick');
      assert.match(status.operation.next, /git cherry-pick --continue/);
    });

    it('reads the markers in git status\'s order, and names a bisect running alongside', async () => {
      const { root, tip } = diverged('stacked');
      const server = await open(root);
      edges.kit.git(root, ['bisect', 'start', 'HEAD', 'HEAD~1']);
      attempt(root, ['cherry-pick', `${tip}~1`]);
      const picking = await ok(server, 'git_status');
      assert.deepEqual([picking.operation.kind, picking.operation.alsoBisecting], ['cherry-pick', true]);
      assert.match(picking.operation.next, /git cherry-pick --continue.*git bisect reset/);
      // A merge in progress comes first whatever else left markers (git reads MERGE_HEAD before the others).
      writeFileSync(join(edges.kit.git(root, ['rev-parse', '--absolute-git-dir']), 'MERGE_HEAD'), `${tip}\n`);
      assert.equal((await ok(server, 'git_status')).operation.kind, 'merge');
    });
  });

  describe('a short name several refs carry', () => {
    // git takes refs/tags/<name> before refs/heads/<name> and only warns on stderr: a tag left at an old commit made
    // "what is on release" an answer about the tag, not the branch.
    it('refuses a name whose tag and branch point at different commits, and takes the full names', async () => {
      const { kit } = edges;
      const root = kit.repo('ambiguous', [
        { subject: 'tagged', date: '2024-05-01T10:00:00Z' },
        { subject: 'on the branch only', date: '2024-05-02T10:00:00Z' },
      ]);
      kit.git(root, ['tag', '-a', '-m', 'annotated', 'release', 'HEAD~1'], kit.as(ALICE, '2024-05-03T10:00:00Z'));
      kit.git(root, ['branch', 'release', 'HEAD']);
      kit.git(root, ['tag', 'same', 'HEAD']);
      kit.git(root, ['branch', 'same', 'HEAD']);
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      try {
        const refused = await fails(server, 'git_log', { ref: 'release' });
        assert.match(refused, /'release' names refs that point at different commits: refs\/tags\/release \([0-9a-f]{12}\), refs\/heads\/release/);
        assert.match(refused, /git would take refs\/tags\/release/);
        assert.match(await fails(server, 'git_show', { ref: 'release' }), /different commits/);
        const subjects = async (ref: string) => (await ok(server, 'git_log', { ref })).commits.map((c: Data) => c.subject);
        assert.deepEqual(await subjects('heads/release'), ['on the branch only', 'tagged']);
        assert.deepEqual(await subjects('tags/release'), ['tagged']);
        assert.deepEqual(await subjects('same'), ['on the branch only', 'tagged'], 'a tag and a branch at one commit are one answer');
        assert.deepEqual(await subjects('main'), ['on the branch only', 'tagged']);
        assert.deepEqual(await subjects('main~1'), ['tagged'], 'revision syntax is git\'s to read');
        assert.match(await fails(server, 'git_log', { ref: 'release~1' }), /'release' names refs that point at different commits/);
        assert.deepEqual(await subjects('heads/release~1'), ['tagged']);
      } finally {
        await server.close();
      }
    });
  });

  describe('a ref at a date before the reflog begins', () => {
    // A fresh clone's reflog starts at the clone: `main@{1 week ago}` was answered with today's tip (git only warns), so
    // "what changed on main this week" came out as nothing.
    it('refuses name@{date} older than the reflog and points to since/until; a date the reflog covers still resolves', async () => {
      const { kit } = edges;
      const day = 86_400_000;
      const dates = [3, 2, 1].map((n) => new Date(Date.now() - n * day).toISOString().replace(/\.\d+Z$/, 'Z'));
      const origin = kit.repo('reflog-origin', dates.map((date, i) => ({ subject: `change ${3 - i} days ago`, date })));
      const clone = join(dirname(origin), 'reflog-clone');
      kit.git(dirname(origin), ['clone', '-q', origin, clone]);
      const server = await startBuiltServer('git', { REPO_PATH: clone, TZ: 'UTC' });
      try {
        const refused = await fails(server, 'git_log', { ref: 'main@{1 week ago}..main' });
        assert.match(refused, /'main@\{1 week ago\}' asks where main pointed at that time by this repository's reflog, which only goes back to /);
        assert.match(refused, /git_log's since and until/);
        assert.match(await fails(server, 'git_diff_stat', { from: 'main@{1 week ago}', to: 'main' }), /only goes back to/);
        assert.match(await fails(server, 'git_show', { ref: 'main@{5}' }), /git says the log for 'main' only has 1 entries/);
        const week = await ok(server, 'git_log', { since: '1 week ago' });
        assert.equal(week.commits.length, 3, 'the period asked about, by commit dates');
      } finally {
        await server.close();
      }
      // The origin's reflog entries carry the commits' dates: a date inside it is git's to answer.
      const own = await startBuiltServer('git', { REPO_PATH: origin, TZ: 'UTC' });
      try {
        const middle = new Date(Date.now() - 1.5 * day).toISOString();
        const at = await ok(own, 'git_log', { ref: `main@{${middle}}` });
        assert.deepEqual(at.commits.map((c: Data) => c.subject), ['change 2 days ago', 'change 3 days ago']);
      } finally {
        await own.close();
      }
    });
  });

  describe('a file renamed in its history', () => {
    // git log with a path stops at the rename: "the history of b.txt" began there without a word.
    it('git_log names the old path when the oldest listed commit renamed the file', async () => {
      const { kit } = edges;
      const root = kit.repo('renamed', [{ subject: 'add a', date: '2024-05-01T10:00:00Z', file: 'src/a.txt' }]);
      kit.write(root, 'src/a.txt', 'line one\nline two\nline three\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-02T10:00:00Z', 'grow a');
      mkdirSync(join(root, 'lib'));
      kit.git(root, ['mv', 'src/a.txt', 'lib/b.txt']);
      kit.commit(root, ALICE, '2024-05-03T10:00:00Z', 'move a to b');
      kit.write(root, 'lib/b.txt', 'line one\nline two\nline three\nline four\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-04T10:00:00Z', 'grow b');
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      try {
        const log = await ok(server, 'git_log', { path: 'lib/b.txt' });
        assert.deepEqual(log.commits.map((c: Data) => c.subject), ['grow b', 'move a to b']);
        assert.match(log.note, /^"lib\/b\.txt" was renamed from "src\/a\.txt" in [0-9a-f]{12} \(2024-05-03T10:00:00\+00:00\): its earlier commits are listed under the old name \(git_log with path "src\/a\.txt"\)\.$/);
        const old = await ok(server, 'git_log', { path: 'src/a.txt' });
        assert.deepEqual(old.commits.map((c: Data) => c.subject), ['move a to b', 'grow a', 'add a']);
        assert.equal(old.note, undefined, 'the old path begins with its own first commit');
        const cut = await ok(server, 'git_log', { path: 'lib/b.txt', count: 1 });
        assert.equal(cut.truncated, true);
        assert.equal(cut.note, undefined, 'not the oldest commit of the path: no word about a rename');
        // gitsys15: churn with a path diffed only under it, so git could not pair the rename's sides: the move counted
        // as every line of the file added again (lib: "4 added" for 1).
        const churn = await ok(server, 'git_file_churn', { path: 'lib', since: '2024-01-01' });
        assert.deepEqual(churn.files.map((f: Data) => [f.path, f.commits, f.added, f.deleted, f.previousPaths]), [['lib/b.txt', 2, 1, 0, ['src/a.txt']]]);
        assert.match(churn.note, /came into "lib" by a rename \("src\/a.txt" to "lib\/b.txt"\): commits made under the old name are not counted/);
        const whole = await ok(server, 'git_file_churn', { since: '2024-01-01' });
        assert.deepEqual(whole.files.map((f: Data) => [f.path, f.commits, f.added, f.deleted]), [['lib/b.txt', 4, 5, 1]]);
      } finally {
        await server.close();
      }
      // break23: repository config changed what the tools say: log.follow made git_log with a path follow the rename (its
      // note then named an old path whose commits were already listed), diff.noprefix and diff.mnemonicPrefix dropped or
      // changed the a/ b/ of the patch headers, log.showRoot=false made the first commit change nothing (git_show: no
      // files, git_file_churn: its lines not counted).
      for (const [key, value] of [['log.follow', 'true'], ['diff.noprefix', 'true'], ['diff.mnemonicPrefix', 'true'], ['log.showRoot', 'false']]) kit.git(root, ['config', key, value]);
      assert.equal(kit.git(root, ['-c', 'log.showRoot=true', 'log', '--format=%s', '--', 'lib/b.txt']).split('\n').length, 4, 'git itself follows the rename');
      await withServer(root, async (configured) => {
        const log = await ok(configured, 'git_log', { path: 'lib/b.txt' });
        assert.deepEqual(log.commits.map((c: Data) => c.subject), ['grow b', 'move a to b']);
        assert.match(log.note, /was renamed from "src\/a\.txt"/);
        assert.match((await ok(configured, 'git_show')).patch, /^diff --git a\/lib\/b\.txt b\/lib\/b\.txt\n[\s\S]*\n--- a\/lib\/b\.txt\n\+\+\+ b\/lib\/b\.txt\n/);
        const first = await ok(configured, 'git_show', { ref: kit.git(root, ['rev-list', '--max-parents=0', 'HEAD']) });
        assert.deepEqual(first.files.map((f: Data) => [f.path, f.added]), [['src/a.txt', 1]]);
        const whole = await ok(configured, 'git_file_churn', { since: '2024-01-01' });
        assert.deepEqual(whole.files.map((f: Data) => [f.path, f.commits, f.added, f.deleted]), [['lib/b.txt', 4, 5, 1]]);
      });
    });
  });

  describe('more renames than diff.renameLimit', () => {
    // git gives up finding renames past its limit and only warns on stderr: each renamed file then counted as a deletion
    // and an addition, twice its files and lines, without a word.
    it('git_show, git_diff_stat and git_file_churn say that renames were not looked for', async () => {
      const { kit } = edges;
      const body = (n: number) => Array.from({ length: 40 }, (_, i) => `line ${i} of file ${n}`).join('\n');
      const root = kit.repo('rename-limit', [{ subject: 'base', date: '2024-05-01T10:00:00Z', file: 'keep.txt' }]);
      // Other base names: git pairs files of one base name before its limit applies.
      for (const n of [1, 2, 3]) kit.write(root, `old/a${n}.txt`, `${body(n)}\n`);
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-02T10:00:00Z', 'three files');
      mkdirSync(join(root, 'new'));
      for (const n of [1, 2, 3]) {
        kit.git(root, ['mv', `old/a${n}.txt`, `new/b${n}.txt`]);
        kit.write(root, `new/b${n}.txt`, `${body(n)}\nan added line\n`);
      }
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-03T10:00:00Z', 'move and touch three files');
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      try {
        const found = await ok(server, 'git_show', { ref: 'HEAD', includePatch: false });
        assert.equal(found.files.length, 3, 'renames found under git\'s default limit');
        assert.equal(found.note, undefined);
        kit.git(root, ['config', 'diff.renameLimit', '1']);
        const shown = await ok(server, 'git_show', { ref: 'HEAD', includePatch: false });
        assert.equal(shown.files.length, 6, 'each rename listed as a deletion and an addition');
        const said = /^git skipped rename detection here \(more changed files than its rename limit; diff\.renameLimit 3 would cover them\): renamed files are counted as deleted and added\.$/;
        assert.match(shown.note, said);
        assert.match((await ok(server, 'git_diff_stat', { to: 'HEAD' })).note, said);
        assert.match((await ok(server, 'git_file_churn', { since: '2024-01-01' })).note, /git skipped rename detection here/);
      } finally {
        await server.close();
      }
    });
  });

  describe('upstream and diverged sides', () => {
    // break13: the upstream branch deleted on the remote (a merged pull request) and pruned, with a commit never
    // pushed: porcelain v2 prints no ahead/behind, and the tools said ahead 0, behind 0: "everything is pushed".
    it('an upstream that is gone is said to be gone, without counts', async () => {
      const { kit } = edges;
      const remote = join(kit.dir, 'gone-remote.git');
      kit.git(kit.dir, ['init', '-q', '--bare', '-b', 'main', remote]);
      const root = kit.repo('gone', [{ subject: 'base', date: '2024-05-01T10:00:00Z' }]);
      kit.git(root, ['remote', 'add', 'origin', remote]);
      kit.git(root, ['push', '-q', '-u', 'origin', 'main']);
      kit.git(root, ['checkout', '-q', '-b', 'feat']);
      kit.write(root, 'b.txt', 'b\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-02T10:00:00Z', 'pushed');
      kit.git(root, ['push', '-q', '-u', 'origin', 'feat']);
      kit.git(remote, ['branch', '-D', 'feat']);
      kit.write(root, 'c.txt', 'c\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-03T10:00:00Z', 'never pushed');
      kit.git(root, ['fetch', '-q', '--prune']);
      assert.match(kit.git(root, ['status']), /upstream is gone/, 'git itself says so');
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      try {
        const status = await ok(server, 'git_status');
        assert.deepEqual([status.upstream, status.upstreamGone, status.ahead, status.behind], ['origin/feat', true, undefined, undefined]);
        assert.deepEqual((await readInfo(server)).upstream, { name: 'origin/feat', gone: true });
        kit.git(root, ['checkout', '-q', 'main']);
        const tracking = await ok(server, 'git_status');
        assert.deepEqual([tracking.upstream, tracking.ahead, tracking.behind, tracking.upstreamGone], ['origin/main', 0, 0, undefined]);
      } finally {
        await server.close();
      }
    });

    // break13: "what does my branch change?" after main moved on read main's new work as deleted by the branch.
    it('git_diff_stat says when "from" is not an ancestor of "to" and gives the merge base', async () => {
      const { kit } = edges;
      const root = kit.repo('diverge', [{ subject: 'base', date: '2024-05-01T10:00:00Z', file: 'shared.txt' }]);
      const base = kit.git(root, ['rev-parse', 'HEAD']);
      kit.git(root, ['checkout', '-q', '-b', 'feature']);
      kit.write(root, 'feature.txt', 'f\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, BOB, '2024-05-02T10:00:00Z', 'feature');
      kit.git(root, ['checkout', '-q', 'main']);
      kit.write(root, 'big.txt', `${Array.from({ length: 200 }, (_, i) => i).join('\n')}\n`);
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, '2024-05-03T10:00:00Z', 'main moved on');
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      try {
        const stat = await ok(server, 'git_diff_stat', { from: 'main', to: 'feature' });
        assert.match(stat.note, new RegExp(`main is not an ancestor of feature.*from "${base}"`));
        const pr = await ok(server, 'git_diff_stat', { from: base, to: 'feature' });
        assert.deepEqual(pr.files.map((f: Data) => [f.path, f.added, f.deleted]), [['feature.txt', 1, 0]]);
        assert.equal(pr.note, undefined, 'from the merge base: no note');
      } finally {
        await server.close();
      }
    });
    // break33: from HEAD to HEAD~1 was said to be "not an ancestor" and pointed at the merge base, which is HEAD~1
    // itself: a comparison of HEAD~1 with itself. The sides are swapped; the note says so and how to swap them.
    it('git_diff_stat says when "from" is newer than "to" (the sides swapped), not to start from the merge base', async () => {
      const { kit } = edges;
      const root = kit.repo('swapped', [
        { subject: 'base', date: '2024-05-01T10:00:00Z', file: 'a.txt' },
        { subject: 'add b', date: '2024-05-02T10:00:00Z', file: 'b.txt' },
      ]);
      await withServer(root, async (server) => {
        const stat = await ok(server, 'git_diff_stat', { from: 'HEAD', to: 'HEAD~1' });
        assert.deepEqual(stat.files.map((f: Data) => [f.path, f.added, f.deleted]), [['b.txt', 0, 1]]);
        assert.match(stat.note, /HEAD is newer than HEAD~1 .*wrong way round.*from "HEAD~1", to "HEAD"/);
        assert.doesNotMatch(stat.note, /merge base|not an ancestor/);
        assert.equal((await ok(server, 'git_diff_stat', { from: 'HEAD~1', to: 'HEAD' })).note, undefined);
      });
    });

    // break33: git_log ref "HEAD..HEAD~1" (the sides swapped) or "main..merged-branch" answered an empty list alone,
    // which reads as "no such commits"; it now says B is in A, and gives the range the other way round.
    it('git_log says when a range A..B is empty because B is in A', async () => {
      const { kit } = edges;
      const root = kit.repo('contained', [
        { subject: 'base', date: '2024-05-01T10:00:00Z', file: 'a.txt' },
        { subject: 'add b', date: '2024-05-02T10:00:00Z', file: 'b.txt' },
      ]);
      kit.git(root, ['branch', 'merged', 'HEAD~1']);
      await withServer(root, async (server) => {
        const swapped = await ok(server, 'git_log', { ref: 'HEAD..HEAD~1' });
        assert.deepEqual(swapped.commits, []);
        assert.match(swapped.note, /HEAD~1 is an ancestor of HEAD .*give ref "HEAD~1\.\.HEAD"/);
        const merged = await ok(server, 'git_log', { ref: 'main..merged', path: 'a.txt' });
        assert.match(merged.note, /^main\.\.merged lists the commits of merged that are not in main, and there are none/);
        assert.match((await ok(server, 'git_log', { ref: 'main..main' })).note, /main and main are the same commit/);
        const forward = await ok(server, 'git_log', { ref: 'HEAD~1..HEAD' });
        assert.deepEqual([subjectsOf(forward), forward.note], [['add b'], undefined]);
        const filtered = await ok(server, 'git_log', { ref: 'HEAD~1..HEAD', grep: 'nothing like this' });
        assert.deepEqual([filtered.commits, filtered.note], [[], undefined], 'empty by a filter, not by the range: no note');
      });
    });
  });

  // git blames a binary file "line by line" anyway, cutting it at newline bytes: the answer was garbage.
  describe('git_blame with blame.ignoreRevsFile set', () => {
    // Set globally by many (GitHub's `.git-blame-ignore-revs` convention), it made git blame fail in every repository
    // without that file: "could not open object name list".
    it('blames where the file is missing, and skips the listed commits (with a note) where it exists', async () => {
      const { kit } = edges;
      const root = kit.repo('ignore-revs', [{ subject: 'write code', date: '2024-05-01T10:00:00Z', file: 'app.js' }]);
      kit.write(root, 'app.js', 'write code;\n');
      kit.git(root, ['add', '-A']);
      const reformat = kit.commit(root, BOB, '2024-05-02T10:00:00Z', 'reformat');
      kit.git(root, ['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
      kit.git(root, ['config', '--add', 'blame.ignoreRevsFile', '../outside-revs']);
      writeFileSync(join(kit.dir, 'outside-revs'), 'not a revision\n');
      assert.throws(() => kit.git(root, ['blame', 'app.js']), /could not open object name list|invalid object name: not a revision/, 'git itself fails, quoting the outside file');
      const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
      try {
        const missing = await ok(server, 'git_blame', { path: 'app.js' });
        assert.deepEqual(missing.lines.map((l: Data) => l.author), [BOB.name]);
        // break16: a list outside the working tree is not read, and the answer says so.
        assert.equal(missing.note, 'blame.ignoreRevsFile also names "../outside-revs", outside the working tree, which is not read: the commits listed there are not skipped here, as git blame would skip them.');
        kit.write(root, '.git-blame-ignore-revs', `# formatting\n${reformat}\n`);
        const skipped = await ok(server, 'git_blame', { path: 'app.js' });
        assert.deepEqual(skipped.lines.map((l: Data) => [l.author, l.content]), [[ALICE.name, 'write code;']], 'the reformat is skipped');
        assert.match(skipped.note, /^Commits listed in "\.git-blame-ignore-revs" \(blame\.ignoreRevsFile\) are skipped: lines they changed are attributed to the commits before them\. blame\.ignoreRevsFile also names "\.\.\/outside-revs"/);
      } finally {
        await server.close();
      }
    });
  });

  describe('git_blame of a file git reads as binary', () => {
    let server: StartedServer;
    before(async () => {
      const { kit } = edges;
      const root = kit.repo('binary', [{ subject: 'text', date: '2024-05-01T10:00:00Z', file: 'notes.txt' }]);
      writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x0a, 0x49, 0x48]));
      writeFileSync(join(root, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('line one\nline two\n', 'utf16le')]));
      kit.write(root, 'yarn.lock', 'plain text bytes\nbut marked binary\n');
      kit.write(root, 'package-lock.json', '{\n  "lockfileVersion": 3\n}\n');
      kit.write(root, '.gitattributes', 'yarn.lock binary\npackage-lock.json -diff\n');
      kit.git(root, ['add', '-A']);
      kit.commit(root, BOB, '2024-05-02T10:00:00Z', 'add binaries');
      server = await open(root);
    });
    after(async () => {
      await server?.close();
    });
    const open = (root: string) => startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });

    it('says the file is binary (a NUL byte in its first 8,000) instead of listing garbled lines', async () => {
      for (const path of ['logo.png', 'wide.txt']) {
        assert.match(await fails(server, 'git_blame', { path }), /is binary in HEAD \(a NUL byte .*git_log with this path/, path);
      }
    });

    // break13: lockfiles marked `binary` or `-diff` are text, and git blame blames them.
    it('text files blame, whatever their diff attributes say', async () => {
      assert.deepEqual((await ok(server, 'git_blame', { path: 'notes.txt' })).lines.map((l: Data) => l.content), ['text']);
      assert.deepEqual((await ok(server, 'git_blame', { path: 'yarn.lock' })).lines.map((l: Data) => l.content), ['plain text bytes', 'but marked binary']);
      assert.equal((await ok(server, 'git_blame', { path: 'package-lock.json' })).lines.length, 3);
    });

    // break13: in a shallow clone (CI's --depth 1) every older line was given to the clone's oldest commit, with no word.
    it('in a shallow clone, lines given to the oldest commit are marked boundary with a note', async () => {
      const { kit } = edges;
      const full = kit.repo('deep', [
        { subject: 'first', date: '2024-05-01T10:00:00Z', file: 'x.txt' },
        { subject: 'second', date: '2024-05-02T10:00:00Z', file: 'y.txt' },
      ]);
      const shallow = join(kit.dir, 'shallow');
      kit.git(kit.dir, ['clone', '-q', '--depth', '1', `file://${full}`, shallow]);
      const clone = await startBuiltServer('git', { REPO_PATH: shallow, TZ: 'UTC' });
      const fullServer = await open(full);
      try {
        const blame = await ok(clone, 'git_blame', { path: 'x.txt' });
        assert.deepEqual(blame.lines.map((l: Data) => [l.summary, l.boundary]), [['second', true]]);
        assert.match(blame.note, /shallow clone: 1 of these lines .*git fetch --unshallow/);
        const deep = await ok(fullServer, 'git_blame', { path: 'x.txt' });
        assert.deepEqual(deep.lines.map((l: Data) => [l.summary, l.boundary]), [['first', undefined]]);
        assert.equal(deep.note, undefined);
      } finally {
        await Promise.all([clone.close(), fullServer.close()]);
      }
    });

    // break30: git_file_churn counted a shallow clone's edge commit, which git diffs against the empty tree: in a
    // --depth 1 clone (CI's default) every file of the repository was "changed" once, its whole length as lines added.
    it('git_file_churn in a shallow clone leaves out the edge commit and says so', async () => {
      const { kit } = edges;
      const full = kit.repo('deep-churn', [
        { subject: 'first', date: '2024-05-01T10:00:00Z', file: 'old.txt' },
        { subject: 'second', date: '2024-05-02T10:00:00Z', file: 'edge.txt' },
        { subject: 'third', date: '2024-05-03T10:00:00Z', file: 'new.txt' },
      ]);
      const shallow = join(kit.dir, 'shallow-churn');
      kit.git(kit.dir, ['clone', '-q', '--depth', '2', `file://${full}`, shallow]);
      await withServer(shallow, async (clone) => {
        const churn = await ok(clone, 'git_file_churn', { since: '2000-01-01' });
        assert.deepEqual(churn.files.map((f: Data) => f.path), ['new.txt'], JSON.stringify(churn.files));
        assert.equal(churn.commitsScanned, 1);
        assert.match(churn.note, /oldest commit here \([0-9a-f]{7}\) is left out: the clone lacks its parent.*git fetch --unshallow/);
        // git lists the edge commit for every file it holds: old.txt was last changed by 'first', which the clone lacks.
        const log = await ok(clone, 'git_log', { path: 'old.txt' });
        assert.deepEqual(subjectsOf(log), ['second']);
        assert.match(log.note, /[0-9a-f]{7} is at the shallow clone's edge: .*lists it for every file it holds, changed there or not/);
        assert.doesNotMatch((await ok(clone, 'git_log', {})).note, /edge/, 'without a path the listing is right');
      });
      await withServer(full, async (whole) => {
        const churn = await ok(whole, 'git_file_churn', { since: '2000-01-01' });
        assert.deepEqual(churn.files.map((f: Data) => f.path).sort(), ['edge.txt', 'new.txt', 'old.txt']);
        assert.equal(churn.note, undefined);
      });
    });

    // break30: git lists a folder none of whose files are tracked as one untracked entry: "1 untracked" stood for a new
    // folder of 10,000 files without a word.
    it('git_status says when untracked entries are folders, counted once each', async () => {
      const { kit } = edges;
      const repo = kit.repo('untracked-folder', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
      for (const name of ['one.log', 'two.log', 'three.log']) kit.write(repo, `build/out/${name}`, 'x\n');
      kit.write(repo, 'notes.txt', 'x\n');
      await withServer(repo, async (server) => {
        const status = await ok(server, 'git_status', {});
        assert.equal(status.counts.untracked, 2);
        assert.deepEqual(status.files.map((f: Data) => f.path).sort(), ['build/', 'notes.txt']);
        assert.match(status.note, /^1 untracked entry is a folder \(build\/\): git lists a folder none of whose files are tracked as one entry/);
      });
      await withServer(edges.odd, async (server) => assert.equal((await ok(server, 'git_status', {})).note, undefined));
    });

    // break30: a repository committed from macOS may hold decomposed names (NFD); a client types them composed (NFC),
    // and git matches bytes: git_blame said the file does not exist, git_log that no commit touches it.
    it('a path asked for in its composed form (NFC) finds the file committed under its decomposed name (NFD)', async () => {
      const { kit } = edges;
      const name = '배포 노트.md';
      const repo = kit.repo('decomposed', [{ subject: 'notes', date: '2024-05-01T10:00:00Z', file: name.normalize('NFD') }]);
      await withServer(repo, async (server) => {
        assert.deepEqual((await ok(server, 'git_blame', { path: name })).lines.map((l: Data) => l.content), ['notes']);
        assert.deepEqual(subjectsOf(await ok(server, 'git_log', { path: name })), ['notes']);
        assert.deepEqual((await ok(server, 'git_file_churn', { path: name, since: '2000-01-01' })).files.length, 1);
      });
    });

    // break30: git's `:/text` (the youngest commit whose message matches) was given a `^{commit}` suffix, which became
    // part of the text searched for: a commit git finds was "not a commit, branch or tag in this repository".
    it('a ref written :/text names the youngest commit whose message matches', async () => {
      assert.equal((await ok(odd, 'git_show', { ref: ':/awkward', includePatch: false })).subject, 'Add awkward names');
      assert.deepEqual(subjectsOf(await ok(odd, 'git_log', { ref: ':/A commit of', count: 5 })), ['A commit of 2024']);
      assert.match(await fails(odd, 'git_show', { ref: ':/no commit says this' }), /is not a commit, branch or tag/);
    });
  });
});
