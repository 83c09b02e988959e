// git_log past one answer (gitpage17): at most 500 commits per call, fewer when the output budget cuts the list, and
// before this no way to ask for the rest. A cursor names commits (the listing's tips and the last commit handed out),
// so the pages hold every commit once even when commits are made between calls; a cursor not given is refused.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { singleRepository } from '../../../servers/git/context';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { PageCursors } from '../../../servers/git/repo/cursor';
import { createServer } from '../../../servers/git/server';
import { registerLogTool } from '../../../servers/git/tools/log';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A repository of `count` commits, one a minute from 2024-05-01T00:00Z, made by git fast-import (fast for thousands). */
function manyCommits(kit: RepoKit, folder: string, count: number, subjectOf: (i: number) => string): string {
  const root = kit.repo(folder, [{ subject: 'root', date: '2024-04-30T00:00:00Z' }]);
  const start = Date.UTC(2024, 4, 1) / 1000;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const message = Buffer.from(subjectOf(i));
    const when = `${start + i * 60} +0000`;
    parts.push(
      `commit refs/heads/main\ncommitter ${ALICE.name} <${ALICE.email}> ${when}\ndata ${message.length}\n${message}\n` +
        (i === 0 ? 'from refs/heads/main^0\n' : '') +
        `M 644 inline file.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
    );
  }
  const branch = kit.git(root, ['symbolic-ref', '--short', 'HEAD']).trim();
  const stream = parts.join('').replaceAll('refs/heads/main', `refs/heads/${branch}`);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: stream });
  kit.git(root, ['reset', '-q', '--hard']);
  return root;
}

/** Every page of git_log for `args`, following nextCursor. */
async function allPages(server: StartedServer, args: Data): Promise<Data[]> {
  const pages: Data[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(server, 'git_log', { ...args, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor;
    assert.equal(cursor === undefined, !page.truncated, 'a cursor exactly when the page is cut');
  } while (cursor && pages.length < 50);
  return pages;
}

describe('git_log pages', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let plain: string;
  let wordy: string;
  let server: StartedServer;
  let wordyServer: StartedServer;

  before(async () => {
    kit = createRepoKit('git-paging-');
    plain = manyCommits(kit, 'plain', 1200, (i) => `change ${i}`);
    // Subjects long enough that 500 commits overflow the output budget: the list is cut below the count asked.
    wordy = manyCommits(kit, 'wordy', 700, (i) => `change ${i} ${'x'.repeat(400)}`);
    server = await startBuiltServer('git', { REPO_PATH: plain, TZ: 'UTC' });
    wordyServer = await startBuiltServer('git', { REPO_PATH: wordy, TZ: 'UTC' });
  });
  after(async () => {
    await Promise.all([server?.close(), wordyServer?.close()]);
    kit?.cleanup();
  });

  it('lists every commit once across pages, and says how many are left', async () => {
    const expected = kit.git(plain, ['rev-list', 'HEAD']).trim().split('\n');
    const pages = await allPages(server, { count: 500 });
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    // The output budget may keep fewer than 500 a page; each page says exactly how many are still to come.
    let listed = 0;
    for (const page of pages) {
      listed += page.returned;
      assert.equal(page.remaining, listed === 1201 ? undefined : 1201 - listed);
    }
    assert.deepEqual(pages.flatMap((p) => p.commits.map((c: Data) => c.hash)), expected);
  });

  it('a later page has git skip to its cursor instead of listing every earlier commit again', async () => {
    // On 100,000 commits page 150 (of 500) took 4.6 s, growing with its depth: it listed every earlier commit (hash and
    // time, printed) to find its cursor, then again to count what was left. git's --skip walks without printing.
    const shim = join(kit.dir, 'git-shim');
    mkdirSync(shim, { recursive: true });
    const calls = join(kit.dir, 'git-calls.txt');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(shim, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "$PAGING_GIT_CALLS"\nexec ${realGit} "$@"\n`);
    chmodSync(join(shim, 'git'), 0o755);
    const watched = await startBuiltServer('git', { REPO_PATH: plain, TZ: 'UTC', PATH: `${shim}:${process.env.PATH}`, PAGING_GIT_CALLS: calls });
    try {
      const first = await ok(watched, 'git_log', { count: 100 });
      const second = await ok(watched, 'git_log', { count: 100, cursor: first.nextCursor });
      writeFileSync(calls, '');
      const third = await ok(watched, 'git_log', { count: 100, cursor: second.nextCursor });
      assert.deepEqual([third.commits[0].subject, third.commits.at(-1).subject, third.remaining], ['change 999', 'change 900', 1201 - 300]);
      const listings = readFileSync(calls, 'utf8').split('\n').filter((line) => /(^| )log /.test(line));
      assert.ok(listings.length > 0, 'git log ran');
      assert.deepEqual(listings.filter((line) => !/ --skip=\d+ /.test(line)), [], 'every listing starts at the cursor');
    } finally {
      await watched.close();
    }
  });

  it('keeps the window of the first page and pages inside it', async () => {
    const args = { count: 40, since: '2024-05-01T10:00:00Z', until: '2024-05-01T12:00:00Z' };
    const pages = await allPages(server, args);
    assert.deepEqual(pages.map((p) => p.returned), [40, 40, 40]);
    assert.deepEqual(pages.map((p) => p.remaining), [80, 40, undefined]);
    const subjects = pages.flatMap((p) => p.commits.map((c: Data) => c.subject));
    assert.equal(subjects[0], 'change 719');
    assert.equal(subjects.at(-1), 'change 600');
    assert.equal(new Set(subjects).size, 120);
  });

  it('continues after the last commit kept when the output budget cut the list', async () => {
    const first = await ok(wordyServer, 'git_log', { count: 500 });
    assert.ok(first.returned < 500, `the budget cut the list (${first.returned})`);
    assert.equal(first.truncated, true);
    assert.equal(first.remaining, 701 - first.returned);
    const second = await ok(wordyServer, 'git_log', { count: 500, cursor: first.nextCursor });
    assert.equal(second.commits[0].hash, kit.git(wordy, ['rev-parse', `HEAD~${first.returned}`]).trim());
  });

  it('is not shifted by commits made after the first page', async () => {
    const first = await ok(server, 'git_log', { count: 10 });
    kit.write(plain, 'new.txt', 'made between two pages\n');
    kit.git(plain, ['add', '-A']);
    kit.commit(plain, ALICE, '2024-06-01T00:00:00Z', 'made between two pages');
    try {
      const second = await ok(server, 'git_log', { count: 10, cursor: first.nextCursor });
      assert.equal(second.commits[0].hash, kit.git(plain, ['rev-parse', 'HEAD~11']).trim(), 'the commit after page one, not one repeated');
      assert.equal(second.remaining, 1200 + 1 - 20);
      assert.equal((await ok(server, 'git_log', { count: 1 })).commits[0].subject, 'made between two pages');
    } finally {
      kit.git(plain, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  // A blame of 500 long lines overflows the budget: endLine said 500 over a list that stopped long before it.
  it('git_blame: endLine is the last line listed when the budget cuts, and nextStartLine gives the rest', async () => {
    const wide = kit.repo('wide', [{ subject: 'root', date: '2024-07-01T00:00:00Z' }]);
    kit.write(wide, 'wide.txt', Array.from({ length: 500 }, (_, i) => `${i + 1} ${'y'.repeat(1000)}`).join('\n') + '\n');
    kit.git(wide, ['add', '-A']);
    kit.commit(wide, ALICE, '2024-07-01T00:00:00Z', 'wide lines');
    const wideServer = await startBuiltServer('git', { REPO_PATH: wide, TZ: 'UTC' });
    const seen: number[] = [];
    let startLine = 1;
    try {
      for (let call = 0; call < 20; call++) {
        const page = await ok(wideServer, 'git_blame', { path: 'wide.txt', startLine, endLine: 500 });
        seen.push(...page.lines.map((l: Data) => l.line));
        assert.equal(page.endLine, page.lines.at(-1).line, 'endLine is the last line listed');
        if (!page.truncated) break;
        assert.ok(page.lines.length < 500 - startLine + 1);
        assert.equal(page.nextStartLine, page.endLine + 1);
        startLine = page.nextStartLine;
      }
    } finally {
      await wideServer.close();
    }
    assert.deepEqual(seen, Array.from({ length: 500 }, (_, i) => i + 1));
  });

  // break24: without endLine a blame covers 100 lines; of a longer file it said truncated: false and nothing of the rest.
  it('git_blame without endLine says when the file goes on past its 100 lines, and is silent when it does not', async () => {
    const long = kit.repo('blame-long', [{ subject: 'root', date: '2024-07-01T00:00:00Z' }]);
    kit.write(long, 'long.txt', Array.from({ length: 150 }, (_, i) => `line ${i + 1}`).join('\n')); // no final newline
    kit.write(long, 'hundred.txt', Array.from({ length: 100 }, (_, i) => `line ${i + 1}\n`).join(''));
    kit.git(long, ['add', '-A']);
    kit.commit(long, ALICE, '2024-07-01T00:00:00Z', 'two files');
    const longServer = await startBuiltServer('git', { REPO_PATH: long, TZ: 'UTC' });
    try {
      const first = await ok(longServer, 'git_blame', { path: 'long.txt' });
      assert.equal(first.endLine, 100);
      assert.match(first.note ?? '', /Lines 101 on are not listed \(the file has 150 lines; .*startLine 101/);
      assert.equal((await ok(longServer, 'git_blame', { path: 'long.txt', startLine: 101 })).note, undefined, 'lines 101-150 are the rest');
      assert.equal((await ok(longServer, 'git_blame', { path: 'hundred.txt' })).note, undefined, 'exactly 100 lines');
      assert.equal((await ok(longServer, 'git_blame', { path: 'long.txt', endLine: 100 })).note, undefined, 'the caller chose the end');
    } finally {
      await longServer.close();
    }
  });

  // They said truncated: true and nothing more; the answer now says how to get what was left out.
  it('git_branches, git_status and git_diff_stat say how to get what they left out', async () => {
    const repo = kit.repo('several', [
      { subject: 'one', date: '2024-07-01T00:00:00Z', file: 'a.txt' },
      { subject: 'two', date: '2024-07-02T00:00:00Z', file: 'b.txt' },
      { subject: 'three', date: '2024-07-03T00:00:00Z', file: 'c.txt' },
    ]);
    kit.git(repo, ['branch', 'side', 'HEAD~1']);
    kit.write(repo, 'e.txt', 'untracked\n');
    kit.write(repo, 'd.txt', 'untracked\n');
    const several = await startBuiltServer('git', { REPO_PATH: repo, TZ: 'UTC' });
    try {
      const branches = await ok(several, 'git_branches', { limit: 1 });
      assert.equal(branches.truncated, true);
      assert.match(branches.note, /More branches match than are listed .*pass nextCursor back as cursor for the next page, or narrow the list with contains or scope\./);
      assert.equal((await ok(several, 'git_branches')).note, undefined);
      const status = await ok(several, 'git_status', { limit: 1 });
      assert.match(status.note, /Not every changed file is listed \(counts cover all of them\): raise limit/);
      assert.equal((await ok(several, 'git_status')).note, undefined);
      const diff = await ok(several, 'git_diff_stat', { from: 'HEAD~2', to: 'HEAD', limit: 1 });
      assert.equal(diff.truncated, true);
      assert.match(diff.note, /Not every changed file is listed \(totals cover all of them\): raise limit .* or give path/);
    } finally {
      await several.close();
    }
  });

  // Counting walks what follows the page: past 10 000 commits it is left out, not paid on every call of a long history.
  it('leaves remaining out when more than 10 000 commits follow, and still gives a cursor', async () => {
    const long = manyCommits(kit, 'long', 10_050, (i) => `c${i}`);
    const longServer = await startBuiltServer('git', { REPO_PATH: long, TZ: 'UTC' });
    try {
      const first = await ok(longServer, 'git_log', { count: 20 });
      assert.equal(first.truncated, true);
      assert.equal(first.remaining, undefined);
      assert.equal(first.remainingAtLeast, 10_000, 'the stopped count says how many it found, at least');
      assert.equal(typeof first.nextCursor, 'string');
      const near = await ok(longServer, 'git_log', { count: 100, since: '2024-05-07T00:00:00Z' });
      assert.equal(near.remaining, 10_050 - 8640 - 100, 'counted when few enough follow');
    } finally {
      await longServer.close();
    }
  });

  it('refuses a cursor it did not give, or given for other arguments', async () => {
    const { nextCursor } = await ok(server, 'git_log', { count: 5 });
    assert.match(await fails(server, 'git_log', { cursor: 'abc' }), /cursor: this is not a cursor this tool gave/);
    const altered = `${nextCursor.slice(0, 10)}${nextCursor[10] === 'A' ? 'B' : 'A'}${nextCursor.slice(11)}`;
    assert.match(await fails(server, 'git_log', { cursor: altered }), /cursor: this cursor was not given by this server/);
    assert.match(await fails(server, 'git_log', { cursor: nextCursor, grep: 'change 1' }), /cursor: this cursor was given for other arguments/);
    assert.match(await fails(wordyServer, 'git_log', { cursor: nextCursor }), /not given by this server/);
    assert.equal((await ok(server, 'git_log', { count: 5, cursor: nextCursor })).commits[0].subject, 'change 1194');
  });

  // break24: after the branch a cursor read was deleted and collected, git answered only "git failed: bad object <hash>".
  it('says a cursor is stale when its commits were deleted and collected since the first page', async () => {
    const gone = manyCommits(kit, 'gone', 5, (i) => `kept ${i}`);
    const base = kit.git(gone, ['symbolic-ref', '--short', 'HEAD']).trim();
    kit.git(gone, ['checkout', '-q', '-b', 'side']);
    for (const n of [1, 2, 3]) {
      kit.write(gone, 'side.txt', `${n}\n`);
      kit.git(gone, ['add', '-A']);
      kit.commit(gone, ALICE, `2024-06-0${n}T00:00:00Z`, `side ${n}`);
    }
    kit.git(gone, ['checkout', '-q', base]);
    const goneServer = await startBuiltServer('git', { REPO_PATH: gone, TZ: 'UTC' });
    try {
      const first = await ok(goneServer, 'git_log', { ref: 'side', count: 2 });
      assert.ok(first.nextCursor);
      kit.git(gone, ['branch', '-q', '-D', 'side']);
      kit.git(gone, ['reflog', 'expire', '--expire=now', '--all']);
      kit.git(gone, ['gc', '-q', '--prune=now']);
      assert.match(await fails(goneServer, 'git_log', { ref: 'side', count: 2, cursor: first.nextCursor }), /cursor: commit [0-9a-f]{40} it continues from is no longer in this repository.*ask again without cursor/);
    } finally {
      await goneServer.close();
    }
  });

  // break29: a branch reset or force-pushed between two pages kept answering from its old history (the cursor's tips
  // are fixed) without a word, so "what is on side" listed commits side no longer holds.
  it('says when the branch was rewritten since the first page, and not when it only moved on', async () => {
    const moved = manyCommits(kit, 'moved', 8, (i) => `old ${i}`);
    kit.git(moved, ['branch', 'side']);
    const movedServer = await startBuiltServer('git', { REPO_PATH: moved, TZ: 'UTC' });
    try {
      const first = await ok(movedServer, 'git_log', { ref: 'side', count: 3 });
      kit.git(moved, ['checkout', '-q', 'side']);
      kit.write(moved, 'more.txt', 'on top\n');
      kit.git(moved, ['add', '-A']);
      kit.commit(moved, ALICE, '2024-06-01T00:00:00Z', 'moved on');
      const onwards = await ok(movedServer, 'git_log', { ref: 'side', count: 3, cursor: first.nextCursor });
      assert.equal(onwards.note, undefined, 'a branch that only moved on is not rewritten');
      kit.git(moved, ['reset', '-q', '--hard', 'HEAD~5']);
      kit.write(moved, 'new.txt', 'rewritten\n');
      kit.git(moved, ['add', '-A']);
      kit.commit(moved, ALICE, '2024-06-02T00:00:00Z', 'force-pushed');
      const second = await ok(movedServer, 'git_log', { ref: 'side', count: 3, cursor: first.nextCursor });
      assert.equal(second.commits[0].subject, 'old 4', 'the cursor still continues the listing as it was');
      assert.match(second.note ?? '', /"side" was rewritten since the first page.*no longer holds [0-9a-f]{12}.*ask again without cursor/);
    } finally {
      await movedServer.close();
    }
  });
});

// The key that signs cursors belongs to the server createServer builds, not to the module: two servers in one process
// (a host that builds one per workspace, a test) each refuse the other's cursors, as two processes always did.
describe('git_log cursors: each server its own key', () => {
  let kit: RepoKit;
  const clients: Client[] = [];

  /** A git server built in this process on `repo`, and a client connected to it. */
  async function inProcessServer(repo: string): Promise<Client> {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createServer(singleRepository(repo)).connect(serverSide);
    const client = new Client({ name: 'test-client', version: '0.0.0' });
    await client.connect(clientSide);
    clients.push(client);
    return client;
  }
  const gitLog = async (client: Client, args: Data) => (await client.callTool({ name: 'git_log', arguments: args })) as CallToolResult;
  const textOf = (result: CallToolResult) => (result.content[0] as { text: string }).text;

  before(() => {
    kit = createRepoKit('git-cursor-key-');
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    kit?.cleanup();
  });

  it('a cursor given by one server is refused by another built in the same process, and taken by its own', async () => {
    const repo = kit.repo('three', [
      { subject: 'one', date: '2024-05-01T00:00:00Z' },
      { subject: 'two', date: '2024-05-02T00:00:00Z' },
      { subject: 'three', date: '2024-05-03T00:00:00Z' },
    ]);
    const [first, second] = [await inProcessServer(repo), await inProcessServer(repo)];
    const page = await gitLog(first, { count: 1 });
    const cursor = (page.structuredContent as Data).nextCursor;
    assert.equal(typeof cursor, 'string', textOf(page));
    const elsewhere = await gitLog(second, { count: 1, cursor });
    assert.equal(elsewhere.isError, true, textOf(elsewhere));
    assert.match(textOf(elsewhere), /not given by this server/);
    const next = await gitLog(first, { count: 1, cursor });
    assert.notEqual(next.isError, true, textOf(next));
    assert.equal((next.structuredContent as Data).commits[0].subject, 'two');
  });
});

// Counting after a page is bounded in time too: with a path few commits match, and git walked the whole history to
// count them (200,000 commits: 20 s on top of the page's own 6 s). A count out of time leaves remaining out; the
// page and its cursor stand.
describe('git_log: the count after a page has a time budget', () => {
  let kit: RepoKit;
  let client: Client;

  before(async () => {
    kit = createRepoKit('git-count-budget-');
    const repo = manyCommits(kit, 'budget', 300, (i) => `c${i}`);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = new McpServer({ name: 'test-git', version: '0.0.0' });
    // No time at all to count: git is stopped as it starts.
    registerLogTool(server, singleRepository(repo), new PageCursors(), 0);
    await server.connect(serverSide);
    client = new Client({ name: 'test-client', version: '0.0.0' });
    await client.connect(clientSide);
  });
  after(async () => {
    await client?.close();
    kit?.cleanup();
  });

  it('gives the page and a cursor without a count when counting is out of time', async () => {
    const page = (await client.callTool({ name: 'git_log', arguments: { count: 10, path: 'file.txt' } })) as CallToolResult;
    const data = page.structuredContent as Data;
    assert.equal(data.returned, 10);
    assert.equal(data.truncated, true);
    assert.equal(typeof data.nextCursor, 'string');
    assert.equal(data.remaining, undefined, 'an exact count needs the walk the budget forbids');
  });
});
