// gitleft26: git_branches had no cursor. In a repository with thousands of branches (a bot opening one per update, a
// release train) an answer held the newest few hundred (the output budget cut even limit 1000 to ~650), and the rest
// could only be reached by guessing a `contains`. It now pages the whole list by a cursor, in one total order (newest
// tip first, then ref name), says how many match in all, and a branch created between two pages does not shift them.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

interface Listed {
  name: string;
  lastCommitDate: string;
}

describe('git_branches pages the whole list by a cursor (gitleft26)', function () {
  this.timeout(300_000);
  let kit: RepoKit;
  let root: string;
  let server: StartedServer;
  const names: string[] = [];

  before(async () => {
    kit = createRepoKit('branch-pages-');
    root = kit.repo('repo', [{ subject: 'old', date: '2026-01-01T10:00:00Z' }]);
    const old = kit.git(root, ['rev-parse', 'HEAD']);
    kit.write(root, 'b.txt', 'b\n');
    kit.git(root, ['add', '-A']);
    const middle = kit.commit(root, ALICE, '2026-03-01T10:00:00Z', 'middle');
    kit.write(root, 'c.txt', 'c\n');
    kit.git(root, ['add', '-A']);
    const recent = kit.commit(root, ALICE, '2026-06-01T10:00:00Z', 'recent');
    kit.git(root, ['reset', '-q', '--hard', old]);
    // 2,400 branches over three tip dates, so that most of the order is decided by the name (ties on the date).
    const tips = [recent, middle, old];
    const refs: string[] = [];
    for (let i = 0; i < 2400; i++) {
      const name = `team-${(i * 7919) % 2400}/update`;
      names.push(name);
      refs.push(`${tips[i % 3]} refs/heads/${name}`);
    }
    refs.sort((a, b) => (a.split(' ')[1] < b.split(' ')[1] ? -1 : 1));
    appendFileSync(join(root, '.git', 'packed-refs'), `# pack-refs with: peeled fully-peeled sorted \n${refs.map((r) => `${r}\n`).join('')}`);
    names.push('main');
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  /** Every page of a listing from `args`, by nextCursor. */
  async function allPages(args: Record<string, unknown>, between?: (page: number) => void): Promise<{ listed: Listed[]; totals: number[]; pages: number }> {
    const listed: Listed[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ok(server, 'git_branches', { ...args, ...(cursor ? { cursor } : {}) });
      pages++;
      listed.push(...(page.branches as Listed[]));
      totals.push(page.total);
      if (page.nextCursor) {
        assert.equal(page.truncated, true);
        assert.equal(page.remaining, page.total - listed.length);
        assert.match(page.note, /pass nextCursor back as cursor for the next page/);
      } else {
        assert.equal(page.truncated, false);
        assert.equal(page.remaining, undefined);
      }
      cursor = page.nextCursor;
      between?.(pages);
    } while (cursor && pages < 50);
    return { listed, totals, pages };
  }

  it('lists every branch once, newest tip first and by name within a date, and says how many in all', async () => {
    const { listed, totals, pages } = await allPages({ limit: 1000 });
    assert.ok(pages >= 4, `pages ${pages}`);
    assert.deepEqual(new Set(totals), new Set([2401]));
    assert.equal(listed.length, 2401);
    assert.deepEqual(listed.map((b) => b.name).sort(), [...names].sort());
    const order = listed.map((b) => `${b.lastCommitDate}`);
    for (let i = 1; i < listed.length; i++) {
      const [a, b] = [listed[i - 1], listed[i]];
      assert.ok(order[i - 1] > order[i] || (order[i - 1] === order[i] && Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) < 0), `${a.name} before ${b.name}`);
    }
  });

  it('pages a contains filter the same way, with its own total', async () => {
    const { listed, totals } = await allPages({ contains: 'TEAM-1', limit: 200 });
    const expected = names.filter((n) => n.startsWith('team-1'));
    assert.deepEqual(new Set(totals), new Set([expected.length]));
    assert.deepEqual(listed.map((b) => b.name).sort(), expected.sort());
  });

  it('is not shifted by a branch created or deleted between pages', async () => {
    const first = await ok(server, 'git_branches', { limit: 300 });
    const firstNames = (first.branches as Listed[]).map((b) => b.name);
    const deletedTip = (first.branches as Array<Listed & { hash: string }>)[1].hash;
    // A new newest branch (before the whole page) and one deleted from the page already read.
    kit.git(root, ['branch', 'a-created-meanwhile', firstNames[0]]);
    kit.git(root, ['branch', '-D', firstNames[1]]);
    try {
      const second = await ok(server, 'git_branches', { limit: 300, cursor: first.nextCursor });
      const again = await ok(server, 'git_branches', { limit: 600 });
      const expected = (again.branches as Listed[]).map((b) => b.name).filter((n) => n !== 'a-created-meanwhile');
      assert.equal(expected.length, 599);
      assert.deepEqual([...firstNames.filter((n) => n !== firstNames[1]), ...(second.branches as Listed[]).map((b) => b.name)], expected);
    } finally {
      kit.git(root, ['branch', '-D', 'a-created-meanwhile']);
      kit.git(root, ['branch', firstNames[1], deletedTip]);
    }
  });

  it('refuses a cursor given for other arguments, or made up', async () => {
    const first = await ok(server, 'git_branches', { contains: 'team', limit: 10 });
    assert.match(await fails(server, 'git_branches', { contains: 'team-2', cursor: first.nextCursor }), /cursor: this cursor was given for other arguments \(repository, scope or contains differ\)/);
    assert.match(await fails(server, 'git_branches', { scope: 'local', cursor: 'not-a-cursor' }), /cursor: this is not a cursor this tool gave/);
  });
});

// rev26b: the list is newest tip first, so a branch not yet listed that is committed to between two pages moves before
// the cursor, and no later page lists it: paged to the end, it was missing without a word (total counted it).
describe('git_branches: a branch committed to between pages is said, not silently skipped (rev26b)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let root: string;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('branch-moved-');
    root = kit.repo('repo', [{ subject: 'first', date: '2026-01-01T10:00:00Z' }]);
    for (const [name, date] of [['old', '2026-02-01T10:00:00Z'], ['mid', '2026-03-01T10:00:00Z'], ['new', '2026-04-01T10:00:00Z']]) {
      kit.git(root, ['checkout', '-q', '-b', name, 'main']);
      kit.write(root, `${name}.txt`, `${name}\n`);
      kit.git(root, ['add', '-A']);
      kit.commit(root, ALICE, date, name);
    }
    kit.git(root, ['checkout', '-q', 'main']);
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('says on the next page that a branch now sorts before it, and nothing when none moved', async () => {
    const first = await ok(server, 'git_branches', { scope: 'local', limit: 2 });
    assert.deepEqual((first.branches as Listed[]).map((b) => b.name), ['new', 'mid']);
    const quiet = await ok(server, 'git_branches', { scope: 'local', limit: 1, cursor: first.nextCursor });
    assert.deepEqual((quiet.branches as Listed[]).map((b) => b.name), ['old']);
    assert.doesNotMatch(quiet.note ?? '', /sorts before/);
    // `old`, not listed yet, gets a commit: it is now the newest tip, before the cursor.
    kit.git(root, ['checkout', '-q', 'old']);
    kit.write(root, 'old-2.txt', 'more\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-05-01T10:00:00Z', 'old moves ahead');
    kit.git(root, ['checkout', '-q', 'main']);
    const second = await ok(server, 'git_branches', { scope: 'local', limit: 2, cursor: first.nextCursor });
    assert.deepEqual((second.branches as Listed[]).map((b) => b.name), ['main']);
    assert.match(second.note, /At least 1 matching branch now sorts before this page that the earlier pages did not list \(committed to or created since/);
  });
});
