import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { appendBranchPage, branchesViewDescription, branchNodes, commitsMarkdown, gitBranchesOutput, gitLogOutput, missesCurrentBranch, withCurrentBranch } from '../../src/views/branch-items';
import { errorSummaryMarkdown, errorSummaryOutput, noErrorsMessage, textErrorLines } from '../../src/views/error-summary-items';
import { errorCountFor } from '../../src/views/error-summary';
import type { McpHub } from '../../src/mcp/types';
import { formatBytes } from '../../servers/shared/bytes';
import { formatRelativeTime } from '../../src/views/format';
import { cutListingMessage, LOG_FILE_GLOB, logFileNodes, MORE_LOG_FILES_COMMAND, moreLogFilePicks, SHOWN_LOG_FILES, logNameForPath, MAYBE_LOG_FILE_GLOB, maybeLogFileEvent, parseLogFilesResource, totalErrors, unlistedLogName, unreadPlacesMessage } from '../../src/views/log-items';
import { logTreeNodes, sourceResourceUri, sourcesToCount } from '../../src/views/log-source-items';
import { plainTranslate as t, type NodeSpec } from '../../src/views/node';
import { fleetNode, fleetOverviewOutput } from '../../src/views/fleet-items';
import { diskUsageOutput, resourceUsageOutput, systemNodes, topProcessesOutput } from '../../src/views/system-items';
import { createMarkdownRenderer } from '../../media/chat/markdown';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const render = createMarkdownRenderer();

// Shapes as git_branches returns them (servers/git/tools/branches.ts).
const branchesSample = gitBranchesOutput.parse({
  current: 'main',
  detached: false,
  headHash: 'a'.repeat(40),
  branches: [
    { name: 'feature/login', kind: 'local', current: false, hash: 'b'.repeat(40), shortHash: 'bbbbbbb', lastCommitDate: '2026-11-24T12:00:00Z', subject: 'Add login form', upstream: 'origin/feature/login', ahead: 2, behind: 1 },
    { name: 'main', kind: 'local', current: true, hash: 'a'.repeat(40), shortHash: 'aaaaaaa', lastCommitDate: '2026-11-25T11:00:00Z', subject: 'Fix <img src=x onerror=alert(1)>' },
    { name: 'origin/main', kind: 'remote', current: false, hash: 'a'.repeat(40), shortHash: 'aaaaaaa', lastCommitDate: '2026-11-20T11:00:00Z', subject: 'Old' },
  ],
  returned: 3,
  truncated: false,
});

describe('Branches tree items', () => {
  const nodes = branchNodes(branchesSample, { server: 'git', now: NOW, locale: 'en', t });

  it('groups local and remote branches, the current one first and marked', () => {
    assert.deepEqual(nodes.map((n) => n.label), ['Local', 'Remote']);
    const local = nodes[0].children!;
    assert.deepEqual(local.map((n) => n.label), ['main', 'feature/login']);
    assert.equal(local[0].icon, 'check');
    assert.equal(local[0].contextValue, 'devopsBranch.local.current');
    assert.match(local[0].description!, /^current · /);
    assert.equal(nodes[1].children![0].contextValue, 'devopsBranch.remote');
    assert.equal(nodes[1].expanded, false);
  });

  it('shows ahead/behind, last commit age and subject; item data names the server and branch', () => {
    const feature = nodes[0].children![1];
    assert.equal(feature.description, '↑2 ↓1 · yesterday · Add login form');
    assert.match(feature.tooltip!, /Upstream origin\/feature\/login: 2 ahead, 1 behind/);
    assert.deepEqual(feature.data, { server: 'git', branch: 'feature/login', kind: 'local' });
    assert.equal(feature.id, 'git/local/feature/login');
  });

  it('multi-root: nodes of one repository carry its name for the git tools and keep ids apart per repository', () => {
    const front = branchNodes(branchesSample, { server: 'git', repository: '前端', now: NOW, locale: 'en', t });
    const back = branchNodes(branchesSample, { server: 'git', repository: '백엔드', now: NOW, locale: 'en', t });
    const feature = front[0].children![1];
    assert.deepEqual(feature.data, { server: 'git', branch: 'feature/login', kind: 'local', repository: '前端' });
    assert.equal(feature.id, 'git/前端/local/feature/login');
    assert.notEqual(front[0].id, back[0].id);
  });

  it('escapes commit subjects in the Markdown tooltip', () => {
    const main = nodes[0].children![0];
    assert.doesNotMatch(main.tooltip!, /(?<!\\)<img/);
    assert.match(main.tooltip!, /\\<img/);
  });

  // break22: with 500 branches committed at the same time, the 300 listed were feature/* ones: the tree had no current
  // branch and said "Local 300" as if that were all of them.
  it('a listing cut at the limit says so, and keeps the checked-out branch in it', () => {
    const features = Array.from({ length: 3 }, (_, i) => ({ ...branchesSample.branches[0], name: `feature/JIRA-${i}`, current: false }));
    const cut = gitBranchesOutput.parse({ ...branchesSample, branches: features, truncated: true });
    assert.equal(missesCurrentBranch(cut), true);
    const found = gitBranchesOutput.parse({ ...branchesSample, branches: [{ ...branchesSample.branches[1], name: 'main-old', current: false }, branchesSample.branches[1]] });
    const listing = withCurrentBranch(cut, found);
    assert.equal(missesCurrentBranch(listing), false);
    const tree = branchNodes(listing, { server: 'git', now: NOW, locale: 'en', t });
    // The "more" item comes first (leftovers28), then the groups.
    assert.equal(tree[0].label, 'More branches exist than the 4 listed here.');
    assert.deepEqual(tree[1].children!.map((n) => n.label), ['main', 'feature/JIRA-0', 'feature/JIRA-1', 'feature/JIRA-2']);
    assert.equal(tree[1].children![0].icon, 'check');
    assert.equal(tree[1].description, '4+');
    assert.equal(withCurrentBranch(cut, undefined), cut, 'no second listing: unchanged');
    assert.equal(nodes.length, 2, 'a complete listing has no "more" item');
    assert.equal(nodes[0].description, '2');
  });

  // leftovers27: a repository with 3,000 branches showed the first 300 and "More branches exist than the 300 listed
  // here." with no count and no way to see the rest. git_branches gives total and a cursor: the tree says how many more
  // and its node loads the next page, appended to the first.
  it('says how many branches are left and offers to load the next page, which is appended', () => {
    const branch = (i: number) => ({ ...branchesSample.branches[0], name: `feature/b${i}`, current: false });
    const first = gitBranchesOutput.parse({ ...branchesSample, branches: [branchesSample.branches[1], branch(1)], truncated: true, total: 3000, nextCursor: 'c1', remaining: 2998 });
    const tree = branchNodes(first, { server: 'git', repository: 'api', now: NOW, locale: 'en', t });
    // leftovers28: first, above the groups (at the end of 300 branches it was off screen), and the view says so too.
    const more = tree[0];
    assert.deepEqual(tree.map((n) => n.id), ['git/api/more', 'git/api/local', 'git/api/remote'].filter((id) => tree.some((n) => n.id === id)));
    assert.equal(branchesViewDescription([{ repository: undefined, output: first }], t), '2 of 3000 branches');
    assert.equal(branchesViewDescription([{ repository: 'api', output: first }, { repository: 'web', output: branchesSample }], t), 'api: 2 of 3000 branches');
    assert.equal(branchesViewDescription([{ output: branchesSample }], t), undefined, 'a whole listing: no description');
    assert.equal(branchesViewDescription([{ output: { ...first, total: undefined, remaining: undefined } }], t), '2+ branches');
    assert.deepEqual([more.label, more.tooltip, more.command], ['2998 more branches: load more', '2 of 3000 branches listed, newest first.', { command: 'devopsAssistant.loadMoreBranches', arguments: ['api'] }]);
    const next = gitBranchesOutput.parse({ ...branchesSample, branches: [branch(2)], truncated: true, total: 3000, nextCursor: 'c2', remaining: 2997 });
    const both = appendBranchPage(first, next);
    assert.deepEqual(both.branches.map((b) => b.name), ['main', 'feature/b1', 'feature/b2']);
    assert.deepEqual([both.nextCursor, both.remaining, both.total, both.truncated], ['c2', 2997, 3000, true]);
    const last = appendBranchPage(both, gitBranchesOutput.parse({ ...branchesSample, branches: [branch(3)], truncated: false, total: 3000 }));
    assert.deepEqual([last.nextCursor, last.remaining, last.truncated], [undefined, undefined, false]);
    assert.equal(branchNodes(last, { server: 'git', now: NOW, locale: 'en', t }).some((n) => n.id === 'git/more'), false, 'the last page: nothing more to load');
  });

  // leftovers22: a branch checked out in another working tree of the repository (git worktree) looked like any other
  // branch, though git refuses to check it out here.
  it('says in which other worktree a branch is checked out', () => {
    const listing = gitBranchesOutput.parse({
      ...branchesSample,
      branches: [...branchesSample.branches, { name: 'topic', kind: 'local', current: false, hash: 'd'.repeat(40), shortHash: 'ddddddd', lastCommitDate: '2026-11-25T10:00:00Z', subject: 'Topic work', worktree: '/home/dana/src/app-topic' }],
    });
    const topic = branchNodes(listing, { server: 'git', now: NOW, locale: 'en', t })[0].children!.find((n) => n.label === 'topic')!;
    assert.match(topic.description!, /^in worktree app-topic · /);
    assert.match(topic.tooltip!, /Checked out in the worktree at \/home\/dana\/src\/app\\?-topic/);
    assert.equal(topic.contextValue, 'devopsBranch.local.worktree');
    assert.notEqual(topic.icon, 'check');
    const windows = gitBranchesOutput.parse({ ...listing, branches: [{ ...listing.branches[3], worktree: 'C:\\src\\app-topic\\' }] });
    assert.match(branchNodes(windows, { server: 'git', now: NOW, locale: 'en', t })[0].children![0].description!, /^in worktree app-topic · /);
  });

  // leftovers24: a worktree whose folder was deleted (git calls it prunable) was named as where the branch is.
  it('says when that worktree\'s folder is gone (prunable)', () => {
    const listing = gitBranchesOutput.parse({
      ...branchesSample,
      branches: [{ name: 'topic', kind: 'local', current: false, hash: 'd'.repeat(40), shortHash: 'ddddddd', lastCommitDate: '2026-11-25T10:00:00Z', subject: 'Topic work', worktree: '/home/dana/src/app-topic', worktreePrunable: 'gitdir file points to non-existent location' }],
    });
    const topic = branchNodes(listing, { server: 'git', now: NOW, locale: 'en', t })[0].children![0];
    assert.match(topic.description!, /^in worktree app-topic \(gone\) · /);
    assert.match(topic.tooltip!, /which is gone \(gitdir file points to non\\?-existent location\): git keeps the branch there until `git worktree prune`/);
  });

  it('marks a detached HEAD', () => {
    const detached = branchNodes({ ...branchesSample, current: null, detached: true, headHash: 'c'.repeat(40) }, { server: 'git', now: NOW, locale: 'en', t });
    assert.equal(detached[0].children![0].label, 'HEAD detached at cccccccccc');
  });

  // break32: a new repository (`git init`, no commit) showed "Local 0" and nothing else, with no word why.
  it('shows the checked-out branch of a repository without commits, saying it has none yet', () => {
    const empty = gitBranchesOutput.parse({ current: 'main', detached: false, headHash: null, branches: [], returned: 0, total: 0, truncated: false });
    assert.equal(missesCurrentBranch(empty), false, 'no second listing to look for a branch git cannot list');
    const [local] = branchNodes(empty, { server: 'git', now: NOW, locale: 'en', t });
    assert.equal(local.description, '1');
    assert.deepEqual(local.children!.map((n) => [n.label, n.description, n.contextValue]), [['main', 'current · no commits yet', 'devopsBranch.unborn']]);
  });

  it('an orphan branch (no commit yet) beside branches that have commits comes first, current; an older server is not second-guessed', () => {
    const orphan = { ...branchesSample, current: 'gh-pages', headHash: null, branches: branchesSample.branches.map((b) => ({ ...b, current: false })) };
    const [local] = branchNodes(orphan, { server: 'git', now: NOW, locale: 'en', t });
    assert.deepEqual(local.children!.map((n) => n.label), ['gh-pages', 'feature/login', 'main']);
    assert.equal(local.children![0].description, 'current · no commits yet');
    assert.equal(local.description, '3');
    // headHash left out (an older git server): a branch missing from the listing is not called "no commits yet".
    const { headHash: _, ...older } = orphan;
    assert.equal(branchNodes(older, { server: 'git', now: NOW, locale: 'en', t })[0].children!.some((n) => n.description?.includes('no commits yet')), false);
    // A detached HEAD in a repository with commits is no unborn branch.
    const detached = branchNodes({ ...branchesSample, current: null, detached: true, headHash: 'c'.repeat(40) }, { server: 'git', now: NOW, locale: 'en', t });
    assert.equal(detached[0].children!.some((n) => n.contextValue === 'devopsBranch.unborn'), false);
  });

  it('renders recent commits as a table whose payloads stay text', () => {
    const log = gitLogOutput.parse({
      commits: [
        { shortHash: 'abc1234', author: 'Eve <eve@x>', date: '2026-11-25T10:00:00Z', subject: '<script>alert(1)</script> | [x](javascript:alert(1))' },
      ],
      truncated: true,
    });
    const markdown = commitsMarkdown('main', log, { t, locale: 'en' });
    const html = render(markdown);
    assert.match(html, /<table>/);
    assert.doesNotMatch(html, /<script|data-href/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; \| \[x\]\(javascript:alert\(1\)\)/);
    assert.match(html, /Older commits are not shown/);
  });
});

// Shapes as logs://files returns them (servers/logs/resources/log-files.ts).
const filesText = JSON.stringify({
  directories: ['/work/app'],
  files: [
    { name: 'logs/app.log', relativePath: 'logs/app.log', dir: '/work/app', size: 2048, modified: '2026-11-25T11:55:00Z', compressed: false, format: 'bracket-level', uri: 'logs://file/logs%2Fapp.log' },
    { name: 'logs/old.log.1.gz', relativePath: 'logs/old.log.1.gz', dir: '/work/app', size: 5 * 1024 * 1024, modified: '2026-11-01T00:00:00Z', compressed: true, format: 'syslog', uri: 'x' },
  ],
  truncated: false,
});

describe('Log Files tree items', () => {
  const resource = parseLogFilesResource(filesText);
  it('shows size, age and the recent error count; clicking opens the file', () => {
    const nodes = logFileNodes(resource, { now: NOW, locale: 'en', t, errorCounts: new Map([['logs/app.log', 3]]) });
    assert.equal(nodes[0].label, 'logs/app.log');
    assert.equal(nodes[0].description, '3 errors · 2.0 KiB · 5 minutes ago');
    assert.equal(nodes[0].icon, 'warning');
    assert.equal(nodes[0].filePath, '/work/app/logs/app.log');
    assert.equal(nodes[0].contextValue, 'devopsLogFile');
    assert.equal(nodes[1].description, '5.0 MiB · 24 days ago');
    assert.equal(nodes[1].icon, 'output');
    assert.equal(totalErrors(resource, new Map([['logs/app.log', 3]]), NOW), 3);
  });

  // break31: a compressed rotation opened as a file was "binary or unsupported text encoding" to the editor: a click
  // opens its text as the logs server reads it (decompressed, decoded); a plain log still opens as the file.
  it('opens a compressed rotation through the logs server, a plain log as its file', () => {
    const listed = parseLogFilesResource(JSON.stringify({ files: [
      { name: 'logs/app.log', dir: '/work/app', relativePath: 'logs/app.log', size: 1, compressed: false },
      { name: 'logs/app.log.2.xz', dir: '/work/app', relativePath: 'logs/app.log.2.xz', size: 1, compressed: true },
    ] }));
    const [plain, xz] = logFileNodes(listed, { now: NOW, locale: 'en', t, errorCounts: new Map() });
    assert.equal(plain.command, undefined);
    assert.equal(plain.filePath, '/work/app/logs/app.log');
    assert.deepEqual(xz.command, { command: 'devopsAssistant.openCompressedLog', arguments: ['logs/app.log.2.xz', '/work/app/logs/app.log.2.xz'] });
    // Still the file for Summarize Errors and the Explorer's menus.
    assert.equal(xz.filePath, '/work/app/logs/app.log.2.xz');
  });

  // break28: a rotated archive last written 24 days ago was "0 errors" beside its FATAL (the count is of the last 24
  // hours, which no line of it can be in), and a count cached while a file was young stayed after the window moved on.
  it('shows no recent count for a file not written in the last 24 hours, and leaves it out of the badge', () => {
    const counts = new Map([['logs/app.log', 3], ['logs/old.log.1.gz', 0]]);
    const nodes = logFileNodes(resource, { now: NOW, locale: 'en', t, errorCounts: counts });
    assert.equal(nodes[1].description, '5.0 MiB · 24 days ago');
    assert.doesNotMatch(String(nodes[1].tooltip), /last 24 hours: 0/);
    assert.match(String(nodes[1].tooltip), /Not written in the last 24 hours: no recent errors to count\. Summarize Errors reads the whole file\./);
    // A count taken when the file was young is stale once the window has passed its last write.
    const stale = logFileNodes(resource, { now: NOW, locale: 'en', t, errorCounts: new Map([['logs/old.log.1.gz', 4]]) });
    assert.equal(stale[1].description, '5.0 MiB · 24 days ago');
    assert.equal(stale[1].icon, 'output');
    assert.equal(totalErrors(resource, new Map([['logs/app.log', 3], ['logs/old.log.1.gz', 4]]), NOW), 3);
    // Written 23 hours before: counted.
    const young = parseLogFilesResource(JSON.stringify({ files: [{ name: 'a.log', size: 1, modified: new Date(NOW - 23 * 3600_000).toISOString() }] }));
    assert.equal(logFileNodes(young, { now: NOW, locale: 'en', t, errorCounts: new Map([['a.log', 0]]) })[0].description, '0 errors · 1 B · 23 hours ago');
  });

  // break22: a binary file (or one without levels) was "0 errors" in the tree while Summarize Errors said its levels
  // could not be read, so errors may have been missed.
  it('says the count is unknown, not "0 errors", when the levels could not be read', () => {
    const options = { now: NOW, locale: 'en', t, errorCounts: new Map([['logs/app.log', 0]]), levelsUnreadable: new Set(['logs/app.log']) };
    const nodes = logFileNodes(resource, options);
    assert.equal(nodes[0].description, 'errors unknown · 2.0 KiB · 5 minutes ago');
    assert.doesNotMatch(String(nodes[0].tooltip), /last 24 hours: 0/);
    assert.match(String(nodes[0].tooltip), /unknown, because the log levels could not be read/);
    const found = logFileNodes(resource, { ...options, errorCounts: new Map([['logs/app.log', 2]]) });
    assert.equal(found[0].description, '2 errors · 2.0 KiB · 5 minutes ago', 'errors found are counted even if some levels were unreadable');
    const readable = logFileNodes(resource, { ...options, levelsUnreadable: new Set<string>() });
    assert.equal(readable[0].description, '0 errors · 2.0 KiB · 5 minutes ago');
  });

  // break30: a log whose clock ran a year ahead (times with their zone, a device without a clock source) had its ten
  // ERROR entries dated after now, outside "the last 24 hours": the tree said "0 errors" beside them.
  it('says the count is unknown, or a floor, when the file\'s newest entry is dated after now', async () => {
    const options = { now: NOW, locale: 'en', t, errorCounts: new Map([['logs/app.log', 0]]), datedAhead: new Set(['logs/app.log']) };
    const nodes = logFileNodes(resource, options);
    assert.equal(nodes[0].description, 'errors unknown · 2.0 KiB · 5 minutes ago');
    assert.match(String(nodes[0].tooltip), /unknown, because its newest entry is dated after now \(the clock of whatever writes it runs ahead/);
    const some = logFileNodes(resource, { ...options, errorCounts: new Map([['logs/app.log', 3]]) });
    assert.equal(some[0].description, '3 errors · 2.0 KiB · 5 minutes ago');
    assert.match(String(some[0].tooltip), /at least 3, because its newest entry is dated after now/);
    // The count itself: error_summary's newestEntry after its window's end.
    const summary = (newestEntry: string) => ({
      window: { since: '2026-11-24T12:00:00.000Z', until: '2026-11-25T12:00:00.000Z', hours: 24 },
      totalErrors: 0,
      groups: [],
      files: [{ file: 'logs/app.log', errors: 0, newestEntry }],
      notes: [],
    });
    const hubWith = (structuredContent: unknown) => ({ callTool: async () => ({ isError: false, text: '', structuredContent }) }) as unknown as McpHub;
    assert.equal((await errorCountFor(hubWith(summary('2027-11-26T12:00:00.000Z')), 'logs/app.log')).datedAhead, true);
    assert.equal((await errorCountFor(hubWith(summary('2026-11-25T12:01:00.000Z')), 'logs/app.log')).datedAhead, false, 'a minute ahead is a clock a little apart');
    assert.equal((await errorCountFor(hubWith(summary('2026-11-25T11:00:00.000Z')), 'logs/app.log')).datedAhead, false);
  });

  // break38: a log copied or checked out today (a repository's sample logs, a downloaded support bundle) has a fresh
  // mtime but entries from long ago: the tree said "0 errors" beside its three ERROR entries, while Summarize Errors
  // listed them. Its newest entry is older than the window, so there is no recent count to show, as for an old file.
  it('shows no recent count for a file whose newest entry is older than the window, though it was written since', async () => {
    const options = { now: NOW, locale: 'en', t, errorCounts: new Map([['logs/app.log', 0]]), datedBehind: new Set(['logs/app.log']) };
    const nodes = logFileNodes(resource, options);
    assert.equal(nodes[0].description, '2.0 KiB · 5 minutes ago');
    assert.equal(nodes[0].icon, 'output');
    assert.doesNotMatch(String(nodes[0].tooltip), /last 24 hours: 0/);
    assert.match(String(nodes[0].tooltip), /newest entry is older than the last 24 hours, though the file was written since .*no recent errors to count\. Summarize Errors reads the whole file\./);
    // Errors counted in the window are shown whatever the newest entry says.
    assert.equal(logFileNodes(resource, { ...options, errorCounts: new Map([['logs/app.log', 2]]) })[0].description, '2 errors · 2.0 KiB · 5 minutes ago');
    // The count itself: error_summary's newestEntry before its window's start.
    const summary = (newestEntry: string) => ({
      window: { since: '2026-11-24T12:00:00.000Z', until: '2026-11-25T12:00:00.000Z', hours: 24 },
      totalErrors: 0,
      groups: [],
      files: [{ file: 'logs/app.log', errors: 0, newestEntry, outsideWindow: { errors: 3 } }],
      notes: [],
    });
    const hubWith = (structuredContent: unknown) => ({ callTool: async () => ({ isError: false, text: '', structuredContent }) }) as unknown as McpHub;
    assert.equal((await errorCountFor(hubWith(summary('2024-12-03T08:10:00.000Z')), 'logs/app.log')).datedBehind, true);
    assert.equal((await errorCountFor(hubWith(summary('2026-11-24T12:30:00.000Z')), 'logs/app.log')).datedBehind, false, 'an entry in the window');
  });

  it('maps an absolute path back to the name the logs tools take', () => {
    const same = (a: string, b: string) => a === b;
    assert.equal(logNameForPath(resource.files, '/work/app/logs/old.log.1.gz', same), 'logs/old.log.1.gz');
    assert.equal(logNameForPath(resource.files, '/elsewhere/app.log', same), undefined);
  });

  // break15: with more log files than the server lists, a file left out was "not in a log directory".
  it('names a file a full listing left out by its path in its one log directory', () => {
    const below = (dir: string, file: string) => file.startsWith(`${dir}/`);
    const full = parseLogFilesResource(JSON.stringify({ ...JSON.parse(filesText), truncated: true, omitted: 101, directories: ['/work/app', '/srv/logs'] }));
    // Two directories: the absolute path, which the server takes inside its directory (a bare name is tried in each).
    assert.equal(unlistedLogName(full, '/work/app/logs/2023/app-2023-01-02.log', below), '/work/app/logs/2023/app-2023-01-02.log');
    const one = parseLogFilesResource(JSON.stringify({ ...JSON.parse(filesText), truncated: true, omitted: 101, directories: ['/work/app'] }));
    assert.equal(unlistedLogName(one, '/work/app/logs/2023/app-2023-01-02.log', below), 'logs/2023/app-2023-01-02.log');
    assert.equal(unlistedLogName(full, '/elsewhere/app.log', below), undefined, 'in no log directory');
    const nested = parseLogFilesResource(JSON.stringify({ ...JSON.parse(filesText), truncated: true, directories: ['/work/app', '/work/app/logs'] }));
    assert.equal(unlistedLogName(nested, '/work/app/logs/old.log', below), undefined, 'in two nested directories: no bare name');
    assert.equal(unlistedLogName(resource, '/work/app/logs/notes.csv', below), undefined, 'a complete listing: not a log the server reads');
  });

  // rev26a: a .txt/.json the listing leaves out as a document (lists26) is read when named: a Jenkins console or a
  // traceback saved as .txt, opened in the editor, was "not in a log directory, or is not a log file" to Summarize Errors.
  it('names a .json/.txt file the listing left out as a document', () => {
    const below = (dir: string, file: string) => file.startsWith(`${dir}/`);
    const named = parseLogFilesResource(JSON.stringify({ ...JSON.parse(filesText), directories: ['/work/app'], documents: { count: 2, names: ['build-42.txt', 'package.json'] } }));
    assert.equal(unlistedLogName(named, '/work/app/build-42.txt', below), 'build-42.txt');
    assert.equal(unlistedLogName(named, '/work/app/notes.txt', below), undefined, 'not among the documents it names, and it named them all');
    const many = parseLogFilesResource(JSON.stringify({ ...JSON.parse(filesText), directories: ['/work/app'], documents: { count: 40, names: ['a.txt', 'b.txt', 'c.txt'], more: true } }));
    assert.equal(unlistedLogName(many, '/work/app/ci/build-42.txt', below), 'ci/build-42.txt');
    assert.equal(unlistedLogName(many, '/work/app/notes.csv', below), undefined, 'no .json/.txt: no document it left out');
    const two = parseLogFilesResource(JSON.stringify({ ...JSON.parse(filesText), directories: ['/work/app', '/srv/logs'], documents: { count: 1, names: ['app/build-42.txt'] } }));
    assert.equal(unlistedLogName(two, '/work/app/build-42.txt', below), '/work/app/build-42.txt', 'several directories: named with its label');
  });

  it('names a file in a folder the server does not walk (hidden, or too far down) by its path in its log directory', () => {
    // break28: "Summarize Errors" on .pm2/logs/api-error.log said it was in no log directory; the server reads it by name.
    const below = (dir: string, file: string) => file.startsWith(`${dir}/`);
    const listing = { ...JSON.parse(filesText), directories: ['/work/app'], tooDeep: { count: 1, folders: ['/work/app/a/b/c/d/e'] } };
    const complete = parseLogFilesResource(JSON.stringify(listing));
    assert.equal(unlistedLogName(complete, '/work/app/.pm2/logs/api-error.log', below), '.pm2/logs/api-error.log');
    assert.equal(unlistedLogName(complete, '/work/app/a/b/c/d/e/deep.log', below), 'a/b/c/d/e/deep.log');
    assert.equal(unlistedLogName(complete, '/work/app/.env', below), undefined, 'a hidden file in a walked folder is no log the server lists');
    assert.equal(unlistedLogName(complete, '/work/app/logs/notes.csv', below), undefined);
    // Two workspace folders with the same hidden log: each is named so that the server reads that one.
    const two = parseLogFilesResource(JSON.stringify({ ...listing, directories: ['/work/app', '/work/api'] }));
    assert.equal(unlistedLogName(two, '/work/api/.pm2/logs/api-error.log', below), '/work/api/.pm2/logs/api-error.log');
  });

  // break28: logs://files said which places it had not read, but the view showed a complete-looking list.
  it('says above the list which places the server did not read: no access, hidden, too deep, links out, bzip2/xz', () => {
    assert.equal(unreadPlacesMessage(resource, t), undefined);
    const listing = parseLogFilesResource(
      JSON.stringify({
        ...JSON.parse(filesText),
        noAccess: { count: 1, folders: ['/var/log/private'] },
        hidden: { count: 2, folders: ['/work/app/.pm2/logs'], note: 'server words' },
        tooDeep: { count: 4, folders: ['/work/app/a/b/c/d/e', '/work/app/x/y/z/w/v', '/work/app/q/r/s/t/u'], more: true },
        linkedOutside: { count: 1, folders: ['/etc'] },
        otherCompressed: { count: 3, folders: ['/work/app/logs'] },
      }),
    );
    assert.equal(
      unreadPlacesMessage(listing, t),
      'Not listed: 1 folder(s) that cannot be opened (permission denied: /var/log/private). ' +
        'Not listed: log files in 2 hidden folder(s) (/work/app/.pm2/logs). ' +
        'Not listed: 4 folder(s) too far down (/work/app/a/b/c/d/e, /work/app/x/y/z/w/v, /work/app/q/r/s/t/u, …). ' +
        'Not read: 1 link(s) to files outside the log folders (into /etc). ' +
        'Not read: 3 rotated log(s) compressed with bzip2, xz, zstd or lz4 (/work/app/logs).',
    );
    // leftovers23: which files, and which tool to install, rather than "bzip2, xz, zstd or lz4".
    const named = parseLogFilesResource(
      JSON.stringify({
        ...JSON.parse(filesText),
        otherCompressed: {
          count: 7,
          folders: ['/var/log'],
          files: ['syslog.2.xz', 'syslog.3.xz', 'app.log.1.zst', 'app.log.2.zst', 'app.log.3.zst'],
          missing: [
            { compression: 'xz', tool: 'xz', install: 'Debian/Ubuntu: apt-get install xz-utils', unpack: 'unxz -k' },
            { compression: 'zstd', tool: 'zstd', install: 'Debian/Ubuntu: apt-get install zstd', unpack: 'unzstd' },
          ],
        },
      }),
    );
    assert.equal(
      unreadPlacesMessage(named, t),
      'Not read: 7 rotated log(s) whose decompression tool is not installed: syslog.2.xz, syslog.3.xz, app.log.1.zst, app.log.2.zst, app.log.3.zst, … (in /var/log). ' +
        'Install xz (Debian/Ubuntu: apt-get install xz-utils), zstd (Debian/Ubuntu: apt-get install zstd).',
    );
  });

  it('watches every name the server lists: a new .csv/.txt log refreshes the tree, a saved document does not', () => {
    // node's glob matcher reads VS Code's brace groups and `**` the same way.
    const watched = (path: string) => [LOG_FILE_GLOB, MAYBE_LOG_FILE_GLOB].some((glob) => matchesGlob(path, glob));
    for (const path of ['logs/app.log', 'logs/pg/postgresql-2026-12-01_000000.csv', 'ci/build-42.txt', 'events.jsonl', 'exports/metrics.tsv', 'var/syslog.1'])
      assert.ok(watched(path), path);
    assert.ok(!watched('src/index.ts'));
    const listed = new Set(['/w/logs/export.csv', '/w/ci/build-42.txt']);
    assert.equal(maybeLogFileEvent('create', '/w/logs/new.csv', listed), true);
    assert.equal(maybeLogFileEvent('change', '/w/logs/export.csv', listed), true);
    assert.equal(maybeLogFileEvent('delete', '/w/ci/build-42.txt', listed), true);
    assert.equal(maybeLogFileEvent('change', '/w/package.json', listed), false);
    assert.equal(maybeLogFileEvent('delete', '/w/notes.txt', listed), false);
  });

  it('a big log behind a thousand newer small ones is named by the "N more log files…" item, first in its pick', () => {
    const small = Array.from({ length: 1000 }, (_, i) => ({ name: `jobs/job-${i}.log`, path: `/w/jobs/job-${i}.log`, size: 2_000, mtimeMs: NOW - i * 1000 }));
    const big = { name: 'app/server.log', path: '/w/app/server.log', size: 3_000_000_000, mtimeMs: NOW - 3 * 86_400_000 };
    const listed = parseLogFilesResource(JSON.stringify({ directories: ['/w'], files: [...small.slice(0, 999), big], truncated: true, omitted: 1 }));
    const nodes = logFileNodes(listed, { now: NOW, locale: 'en', t, errorCounts: new Map() });
    assert.equal(nodes.length, SHOWN_LOG_FILES + 1);
    const more = nodes.at(-1)!;
    assert.equal(more.label, `${1000 - SHOWN_LOG_FILES + 1} more log files…`);
    assert.equal(more.description, 'largest listed: app/server.log (2.8 GiB)');
    assert.match(more.tooltip ?? '', /1 older ones are not listed: the logs server lists the newest 1000; they are read when named, or from the Explorer/);
    assert.deepEqual(more.command, { command: MORE_LOG_FILES_COMMAND });
    // The message above the tree names that item as it is labelled, not a "More log files…" the tree does not show (break34).
    assert.equal(cutListingMessage(listed, t), `The logs server lists the newest 1000 log files and leaves out 1 older ones. "${more.label}" at the end of the list picks among all that are not shown, largest first.`);
    const onDisk = [{ path: '/w/old/huge.log', size: 9_000_000_000, mtimeMs: NOW - 400 * 86_400_000 }];
    const picks = moreLogFilePicks(listed, onDisk, (p) => p.slice(3), { now: NOW, locale: 'en', t });
    assert.deepEqual(picks.slice(0, 2).map((p) => [p.label, p.path, p.listed?.name]), [['old/huge.log', '/w/old/huge.log', undefined], ['app/server.log', '/w/app/server.log', 'app/server.log']]);
    assert.match(picks[0].description, /not listed$/);
    assert.equal(picks[0].compressed, undefined);
    // An old rotation the cut listing left out is opened through the logs server, which decompresses it (break34).
    const rotated = moreLogFilePicks(listed, [{ path: '/w/old/app.log.3.gz', size: 1, mtimeMs: NOW }, { path: '/w/old/app.log.2', size: 1, mtimeMs: NOW }], (p) => p.slice(3), { now: NOW, locale: 'en', t });
    assert.deepEqual(rotated.filter((p) => p.listed === undefined).map((p) => [p.label, p.compressed]), [['old/app.log.2', undefined], ['old/app.log.3.gz', true]]);
    assert.equal(picks.length, 1000 - SHOWN_LOG_FILES + 1);
    // A listing the tree shows whole has no such item.
    const few = parseLogFilesResource(JSON.stringify({ files: small.slice(0, 3) }));
    assert.equal(logFileNodes(few, { now: NOW, locale: 'en', t, errorCounts: new Map() }).length, 3);
    assert.equal(cutListingMessage(few, t), undefined);
  });

  it('refuses a listing of the wrong shape with a clear error', () => {
    assert.throws(() => parseLogFilesResource('{"files":[{"size":1}]}'), /unexpected shape/);
    assert.throws(() => parseLogFilesResource('not json'));
  });
});

// Sources as logs://files lists them beside the files (design of #15: SourceInfo + uri; sourceProblems).
const sourcesText = (sources: unknown[], sourceProblems: string[] = [], files: unknown[] = JSON.parse(filesText).files) => JSON.stringify({ files, sources, sourceProblems });
const journal = (unit: string, host?: string) => ({
  name: host ? `journal:${host}/${unit}` : `journal:${unit}`,
  kind: 'journal',
  unit,
  ...(host ? { host } : {}),
  location: 'journal directory /var/log/journal/remote',
  uri: `logs://source/${encodeURIComponent(host ? `journal:${host}/${unit}` : `journal:${unit}`)}`,
});
const container = (name: string, state: string, status: string) => ({
  name: `docker:${name}`,
  kind: 'docker',
  container: { id: `${name.length}`.repeat(64), image: `local/${name}:1`, state, status },
  location: 'docker at unix:///var/run/docker.sock',
});

describe('Log Files tree with journal and Docker sources', () => {
  const options = (counts: Array<[string, number]> = []) => ({ now: NOW, locale: 'en', t, errorCounts: new Map(counts) });
  const labels = (nodes: readonly NodeSpec[]) => nodes.map((n) => n.label);

  it('without sources or problems the files stay a flat list (as before sources existed)', () => {
    const resource = parseLogFilesResource(filesText);
    assert.deepEqual(resource.sources, []);
    assert.deepEqual(logTreeNodes(resource, options()), logFileNodes(resource, options()));
  });

  it('a unit or stopped container that logged nothing in the last 24 h shows no count, not "0 errors", as a file (break35)', () => {
    // journal:backup.service last logged two days ago: "0 errors" read as "checked, all well".
    const quiet = { ...journal('backup.service'), lastWritten: NOW - 48 * 3_600_000 };
    const recent = { ...journal('nginx.service'), lastWritten: NOW - 3_600_000 };
    const resource = parseLogFilesResource(sourcesText([quiet, recent]));
    const units = logTreeNodes(resource, options([['journal:backup.service', 0], ['journal:nginx.service', 0]]))[1].children!;
    assert.deepEqual(units.map((n) => [n.label, n.description]), [['backup.service', ''], ['nginx.service', '0 errors']]);
    assert.match(units[0].tooltip!, /Nothing logged in the last 24 hours/);
  });

  it('groups Files, Journal and Containers, each with its size and recent errors; running containers first', () => {
    const resource = parseLogFilesResource(sourcesText([journal('nginx.service'), container('worker', 'exited', 'Exited (1) 2 hours ago'), container('api', 'running', 'Up 5 minutes'), journal('cron.service')]));
    const nodes = logTreeNodes(resource, options([['logs/app.log', 3], ['journal:nginx.service', 2], ['docker:worker', 1]]));
    assert.deepEqual(labels(nodes), ['Files', 'Journal', 'Containers']);
    assert.deepEqual(nodes.map((n) => n.description), ['2 · 3 errors', '2 · 2 errors', '2 · 1 error']);
    const [files, units, containers] = nodes;
    assert.deepEqual(labels(files.children!), ['logs/app.log', 'logs/old.log.1.gz']);
    assert.deepEqual(labels(units.children!), ['cron.service', 'nginx.service']);
    const nginx = units.children![1];
    assert.equal(nginx.description, '2 errors');
    assert.equal(nginx.icon, 'warning');
    assert.equal(nginx.contextValue, 'devopsLogSource');
    assert.deepEqual(nginx.command, { command: 'devopsAssistant.openLogSource', arguments: ['journal:nginx.service'] });
    assert.equal(nginx.data?.source, 'journal:nginx.service');
    assert.equal(nginx.filePath, undefined);
    assert.match(nginx.tooltip!, /journal directory \/var\/log\/journal\/remote/);
    assert.equal(units.children![0].description, '', 'no count looked up yet: no number shown, not 0');
    assert.deepEqual(labels(containers.children!), ['api', 'worker']);
    assert.equal(containers.children![0].description, 'local/api:1 · Up 5 minutes');
    assert.equal(containers.children![0].icon, 'vm-running');
    assert.equal(containers.children![1].description, '1 error · local/worker:1 · Exited (1) 2 hours ago');
    assert.match(containers.children![1].tooltip!, /Container: 666666666666/);
    assert.equal(totalErrors(resource, new Map([['logs/app.log', 3], ['journal:nginx.service', 2], ['docker:worker', 1]]), NOW), 6);
  });

  it('a journal of several machines is grouped by host; an entry without a host stays beside them', () => {
    const resource = parseLogFilesResource(sourcesText([journal('api.service', 'web-2'), journal('api.service', 'web-1'), journal('nginx.service', 'web-1'), { name: 'journal:kernel', kind: 'journal' }], [], []));
    const [group] = logTreeNodes(resource, options([['journal:web-1/nginx.service', 4]]));
    assert.equal(group.label, 'Journal');
    assert.deepEqual(labels(group.children!), ['web-1', 'web-2', 'kernel']);
    const web1 = group.children![0];
    assert.equal(web1.description, '2 · 4 errors');
    assert.deepEqual(labels(web1.children!), ['api.service', 'nginx.service']);
    assert.equal(web1.children![1].description, '4 errors', 'the host is the parent, not repeated');
    assert.equal(web1.children![0].data?.source, 'journal:web-1/api.service');
    const ids = [group, ...group.children!, ...group.children!.flatMap((n) => n.children ?? [])].map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique (same unit on two hosts)');
  });

  it('a source the server cannot read is an item saying what to do, never silence', () => {
    const problem = 'no permission to use the Docker socket /var/run/docker.sock: add your user to the docker group';
    const nodes = logTreeNodes(parseLogFilesResource(sourcesText([], [problem], [])), options());
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0].label, 'No permission to use the Docker socket /var/run/docker.sock: add your user to the docker group');
    assert.equal(nodes[0].icon, 'warning');
    assert.deepEqual(nodes[0].command, { command: 'devopsAssistant.showLogSourceProblem', arguments: [problem] });
    assert.match(nodes[0].tooltip!, /Click for what to do/);
  });

  it('counts errors of a bounded number of sources, running containers and journal units first', () => {
    const sources = parseLogFilesResource(sourcesText([container('old', 'exited', 'Exited (0)'), journal('a.service'), container('web', 'running', 'Up')], [], [])).sources;
    assert.deepEqual(sourcesToCount(sources, 2).map((s) => s.name), ['journal:a.service', 'docker:web']);
    assert.deepEqual(sourcesToCount(sources, 10).map((s) => s.name), ['journal:a.service', 'docker:web', 'docker:old']);
    assert.equal(sourceResourceUri('journal:web-2/api.service'), 'logs://source/journal%3Aweb-2%2Fapi.service');
  });
});

describe('System tree items', () => {
  const usage = resourceUsageOutput.parse({
    cpu: { percent: 93.5, perCore: [90, 97], logicalCores: 2, intervalMs: 500 },
    loadAverage: { oneMinute: 1.5, fiveMinutes: 1.2, fifteenMinutes: 0.9 },
    memory: { totalBytes: 8 * 1024 ** 3, usedBytes: 2 * 1024 ** 3, availableBytes: 6 * 1024 ** 3, percent: 25 },
    swap: { totalBytes: 0, usedBytes: 0, percent: null },
  });
  const disks = diskUsageOutput.parse({
    disks: [
      { fs: '/dev/sda1', type: 'ext4', mount: '/', sizeBytes: 100 * 1024 ** 3, usedBytes: 95 * 1024 ** 3, availableBytes: 5 * 1024 ** 3, usePercent: 95, readOnly: false },
      { fs: '/dev/sdb1', type: 'ext4', mount: '/data', sizeBytes: 100 * 1024 ** 3, usedBytes: 10 * 1024 ** 3, availableBytes: 90 * 1024 ** 3, usePercent: 10, readOnly: false },
    ],
  });
  const processes = topProcessesOutput.parse({ processes: [{ pid: 42, parentPid: 1, name: 'node', cpuPercent: 50, memoryPercent: 2, memoryBytes: 150 * 1024 ** 2, user: 'root', state: 'running', started: '', command: 'node `x` server.js' }] });
  const nodes = systemNodes({ usage, disks, processes, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t });
  const byId = (id: string) => {
    const all: NodeSpec[] = [];
    const walk = (n: NodeSpec) => (all.push(n), n.children?.forEach(walk));
    nodes.forEach(walk);
    return all.find((n) => n.id === id)!;
  };

  it('lists CPU, memory, swap, load, each disk and top processes', () => {
    assert.deepEqual(nodes.map((n) => n.id), ['system/cpu', 'system/memory', 'system/swap', 'system/load', 'system/disks', 'system/processes']);
    assert.equal(byId('system/memory').label, 'Memory: 25%');
    assert.equal(byId('system/memory').description, '2.0 GiB of 8.0 GiB');
    assert.equal(byId('system/swap').description, 'none');
    assert.equal(byId('system/load').description, '1.5 1.2 0.9');
    assert.equal(byId('system/disk//data').description, '90 GiB free of 100 GiB');
    assert.equal(byId('system/process/42').description, '50% CPU · 150 MiB · pid 42');
  });

  it('gives items over their threshold a warning icon and the threshold in the tooltip', () => {
    assert.equal(byId('system/cpu').icon, 'warning');
    assert.match(byId('system/cpu').tooltip!, /Above the threshold of 80%/);
    assert.equal(byId('system/memory').icon, 'server');
    assert.match(byId('system/memory').tooltip!, /Threshold: 90%/);
    assert.equal(byId('system/disk//').icon, 'warning');
    assert.equal(byId('system/disk//data').icon, 'database');
    assert.equal(byId('system/disks').icon, 'warning');
  });

  // Inside a dev container the extension host runs in the container: the host's 6.3% hid a container at 97% of its limit.
  it('inside a container: its memory and CPU against its own limits, and every warning the server gives', () => {
    const inside = resourceUsageOutput.parse({
      cpu: {
        percent: 12, perCore: [12, 12], logicalCores: 2, intervalMs: 500,
        container: { limitCores: 0.25, limitBy: 'quota', usedCores: 0.25, percentOfLimit: 99.6, throttling: { periods: 5, throttledPeriods: 4, throttledMs: 310 }, cgroupVersion: 1 },
      },
      loadAverage: { oneMinute: 0.3, fiveMinutes: 0.2, fifteenMinutes: 0.1 },
      memory: { totalBytes: 25276510208, usedBytes: 1600000000, availableBytes: 23676510208, percent: 6.3, container: { limitBytes: 314572800, usedBytes: 305135616, percent: 97, cgroupVersion: 1 } },
      swap: { totalBytes: 0, usedBytes: 0, percent: null },
      warnings: [
        { metric: 'cpu', value: 99.6, threshold: 80, subject: 'container', message: 'container CPU use is 99.6% of its limit of 0.25 CPUs (its CPU quota), above the 80% threshold' },
        { metric: 'cpu', value: 80, threshold: 0, subject: 'container throttling', message: 'the container was throttled in 4 of 5 CPU periods (80%), held back 310 ms: it wanted more CPU than its limit of 0.25 CPUs (its CPU quota) allows' },
        { metric: 'memory', value: 97, threshold: 90, subject: 'container', message: 'container memory use is 97% of its limit, above the 90% threshold' },
        { metric: 'load', value: 1, threshold: 0, subject: 'future', message: 'a warning of a kind this view does not know' },
      ],
    });
    const shown = systemNodes({ usage: inside, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t });
    const node = (id: string) => shown.find((n) => n.id === id)!;
    assert.deepEqual(shown.map((n) => n.id), ['system/cpu', 'system/container-cpu', 'system/memory', 'system/container-memory', 'system/swap', 'system/load', 'system/warning/0']);
    assert.deepEqual([node('system/cpu').label, node('system/cpu').description, node('system/cpu').icon], ['CPU: 12%', "2 cores (the host's)", 'pulse']);
    assert.deepEqual([node('system/container-cpu').label, node('system/container-cpu').description, node('system/container-cpu').icon], ['Container CPU: 99.6%', '0.25 CPU of its 0.25 CPU quota', 'warning']);
    assert.match(node('system/container-cpu').tooltip!, /Throttled in 4 of 5 CPU periods[\s\S]*the container was throttled in 4 of 5 CPU periods/);
    assert.deepEqual([node('system/memory').label, node('system/memory').icon], ['Memory: 6.3%', 'server']);
    assert.deepEqual(
      [node('system/container-memory').label, node('system/container-memory').description, node('system/container-memory').icon],
      ['Container memory: 97%', '291 MiB of its 300 MiB limit', 'warning'],
    );
    assert.match(node('system/container-memory').tooltip!, /container memory use is 97% of its limit, above the 90% threshold/);
    assert.deepEqual([node('system/warning/0').label, node('system/warning/0').icon], ['a warning of a kind this view does not know', 'warning']);
    // Throttling alone (the container under its CPU threshold) warns too: the server's word, not the view's threshold.
    const throttledOnly = resourceUsageOutput.parse({ ...inside, cpu: { ...inside.cpu, container: { ...inside.cpu.container!, percentOfLimit: 50, usedCores: 0.13 } }, warnings: [inside.warnings![1]] });
    const quiet = systemNodes({ usage: throttledOnly, errors: [] }, { thresholds: { cpu: 80, memory: 99, disk: 90 }, t });
    assert.equal(quiet.find((n) => n.id === 'system/container-cpu')!.icon, 'warning');
  });

  // get_disk_usage warns of a full tmpfs (/dev/shm) it leaves out of the list: the view built its disk warnings from the list alone.
  it("shows the server's disk warnings, on the listed disk or as their own node when the filesystem is not listed", () => {
    const withWarnings = diskUsageOutput.parse({
      ...disks,
      warnings: [
        { metric: 'disk', value: 95, threshold: 90, subject: '/', message: 'filesystem / (/dev/sda1) is 95% full, above the 90% threshold' },
        { metric: 'disk', value: 100, threshold: 90, subject: '/dev/shm', message: 'filesystem /dev/shm (tmpfs) is 100% full, above the 90% threshold (an in-memory filesystem, not listed above: writes to it fail when it is full)' },
      ],
    });
    const quietDisks = diskUsageOutput.parse({ ...withWarnings, disks: [disks.disks[1]], warnings: [withWarnings.warnings![1]] });
    const shown = systemNodes({ disks: quietDisks, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t });
    const group = shown.find((n) => n.id === 'system/disks')!;
    assert.equal(group.icon, 'warning');
    assert.equal(group.description, '1', 'counts the listed filesystems');
    assert.deepEqual(group.children!.map((c) => [c.id, c.icon]), [['system/disk//data', 'database'], ['system/disk-warning/0', 'warning']]);
    assert.match(group.children![1].label as string, /\/dev\/shm \(tmpfs\) is 100% full/);
    // A warning about a listed disk goes on its node (not twice).
    const both = systemNodes({ disks: withWarnings, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 99 }, t }).find((n) => n.id === 'system/disks')!;
    assert.deepEqual(both.children!.map((c) => [c.id, c.icon]), [['system/disk//', 'warning'], ['system/disk//data', 'database'], ['system/disk-warning/0', 'warning']]);
    assert.match(both.children![0].tooltip!, /is 95% full/);
  });

  // leftovers27: a root that went read-only after disk errors, at 40% use, read as a calm disk.
  it('shows a filesystem that went read-only as a warning on its disk, whatever its use', () => {
    const readOnly = diskUsageOutput.parse({
      disks: [{ ...disks.disks[1], mount: '/', usePercent: 40 }, { ...disks.disks[1], fs: '/dev/sdc1', mount: '/srv' }],
      warnings: [{ metric: 'read-only', value: null, threshold: null, subject: '/', message: 'ext4 filesystem / (/dev/sdb1) went read-only while in use: writes to it fail' }],
    });
    const group = systemNodes({ disks: readOnly, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t }).find((n) => n.id === 'system/disks')!;
    assert.equal(group.icon, 'warning');
    assert.deepEqual(group.children!.map((c) => [c.id, c.icon]), [['system/disk//', 'warning'], ['system/disk//srv', 'database']]);
    assert.equal(group.children![0].description, 'read-only · 90 GiB free of 100 GiB');
    assert.match(group.children![0].tooltip!.replace(/\\/g, ''), /went read-only while in use/);
  });

  // leftovers26: a host with a dozen filesystems (loop mounts, shares) listed every one expanded, in the server's order,
  // and the top processes below them were off screen. The fullest come first; past a few the rest fold.
  it('lists the fullest disks first and folds the rest past a few, so what follows stays in view', () => {
    const disk = (mount: string, usePercent: number | null) => ({ fs: `/dev/loop${mount.length}`, type: 'ext4', mount, sizeBytes: 100, usedBytes: usePercent ?? 0, availableBytes: 100 - (usePercent ?? 0), usePercent });
    const many = diskUsageOutput.parse({ disks: [disk('/', 40), ...Array.from({ length: 10 }, (_, i) => disk(`/mnt/m${i}`, i * 5)), disk('/srv/full', 97), disk('/mnt/unknown', null)] });
    const group = systemNodes({ disks: many, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t }).find((n) => n.id === 'system/disks')!;
    assert.equal(group.description, '13', 'counts every listed filesystem');
    assert.equal(group.icon, 'warning');
    assert.deepEqual(group.children!.map((c) => c.id), ['system/disk//srv/full', 'system/disk//mnt/m9', 'system/disk//', 'system/disk//mnt/m8', 'system/disk//mnt/m7', 'system/disks/more']);
    const more = group.children![5];
    assert.equal(more.label, '8 more');
    assert.equal(more.expanded, false);
    assert.deepEqual(more.children!.map((c) => c.label.split(':')[0]).slice(-2), ['/mnt/m0', '/mnt/unknown']);
    // Six disks are all shown: a "1 more" line would take the line the disk takes.
    const six = diskUsageOutput.parse({ disks: many.disks.slice(0, 6) });
    const sixGroup = systemNodes({ disks: six, errors: [] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t }).find((n) => n.id === 'system/disks')!;
    assert.equal(sixGroup.children!.length, 6);
    assert.ok(!sixGroup.children!.some((c) => c.id === 'system/disks/more'));
  });

  it('shows what could not be read', () => {
    const partial = systemNodes({ errors: ['get_disk_usage: timed out'] }, { thresholds: { cpu: 80, memory: 90, disk: 90 }, t });
    assert.deepEqual(partial.map((n) => [n.label, n.icon]), [['get_disk_usage: timed out', 'error']]);
  });
});

describe('Fleet tree items', () => {
  const thresholds = { cpu: 80, memory: 90, disk: 90 };
  const host = (name: string, up: boolean, cpu: number | null, disk: number | null) => ({
    host: name, instance: `${name}:9100`, job: 'node', up, cpuPercent: cpu, memoryPercent: up ? 40 : null, load1: up ? 0.5 : null, logicalCores: up ? 4 : null,
    fullestDisk: disk === null ? null : { mount: '/', fs: '/dev/vda', usePercent: disk, availableBytes: 5 * 1024 ** 3 },
  });
  const overview = fleetOverviewOutput.parse({ prometheus: 'http://prom:9090', total: 3, down: 1, hosts: [host('gone', false, null, null), host('db-1', true, 20, 95), host('web-1', true, 10, 30)] });

  it('lists hosts in the server order (worst first) with the same warning icons and thresholds as the local readings', () => {
    const group = fleetNode({ overview }, thresholds, t);
    assert.equal(group.label, 'Fleet');
    assert.equal(group.description, '3 hosts, 1 down');
    assert.equal(group.icon, 'warning');
    assert.deepEqual(group.children!.map((c) => [c.label, c.icon]), [['gone', 'debug-disconnect'], ['db-1', 'warning'], ['web-1', 'vm']]);
    const db = group.children![1];
    assert.equal(db.description, 'CPU 20% · Memory 40% · / 95%');
    const disk = db.children!.find((c) => c.id === 'fleet/db-1/disk')!;
    assert.equal(disk.icon, 'warning');
    assert.match(disk.tooltip!, /Above the threshold of 90%/);
    assert.equal(fleetNode({ overview }, { ...thresholds, disk: 99 }, t).children![1].icon, 'vm', 'the view\'s thresholds decide');
  });

  it('shows an up host whose exporter sent no disk figures as disk unknown, with why, and a down target of a job with no node_exporter metrics (break33)', () => {
    const bare = { ...host('web-2', true, 10, null), memoryPercent: null, missing: [{ figure: 'memory', why: 'node_exporter sent no node_memory_MemTotal_bytes' }, { figure: 'disk', why: 'node_exporter sent no node_filesystem_size_bytes' }] };
    const data = fleetOverviewOutput.parse({ prometheus: 'http://prom:9090', total: 1, down: 0, hosts: [bare], otherDown: [{ host: 'db-1', instance: '10.0.0.9:9100', job: 'db' }] });
    const group = fleetNode({ overview: data }, thresholds, t);
    assert.equal(group.description, '1 hosts, 1 other targets down');
    assert.equal(group.icon, 'warning', 'a down target is trouble');
    const [web, db] = group.children!;
    assert.equal(web.description, 'CPU 10% · Memory ? · Disks ?');
    const disk = web.children!.find((c) => c.id === 'fleet/web-2/disk')!;
    assert.equal(disk.label, 'Disks: ?');
    assert.match(disk.tooltip!.replace(/\\/g, ''), /node_exporter sent no node_filesystem_size_bytes/, 'Markdown-escaped');
    assert.match(web.children!.find((c) => c.id === 'fleet/web-2/memory')!.tooltip!.replace(/\\/g, ''), /node_memory_MemTotal_bytes/);
    assert.deepEqual([db.label, db.description, db.icon], ['db-1', 'target down (job db)', 'debug-disconnect']);
    assert.match(db.tooltip!, /not counted as a host/);
  });

  it('shows a filesystem node_exporter could not read as unknown beside the fullest disk it read, with why (break37)', () => {
    const nfs = { ...host('app-1', true, 10, 52.3), missing: [{ figure: 'disk /srv/data', why: 'node_exporter could not read the nfs4 filesystem 10.0.0.5:/export/data mounted at /srv/data' }] };
    const data = fleetOverviewOutput.parse({ prometheus: 'http://prom:9090', total: 1, down: 0, hosts: [nfs] });
    const app = fleetNode({ overview: data }, thresholds, t).children![0];
    const unread = app.children!.find((c) => c.id === 'fleet/app-1/disk /srv/data')!;
    assert.equal(unread.label, '/srv/data: ?');
    assert.match(unread.tooltip!.replace(/\\/g, ''), /could not read the nfs4 filesystem 10.0.0.5:\/export\/data/);
    assert.ok(app.children!.some((c) => c.id === 'fleet/app-1/disk'), 'the disk it read is still there');
  });

  // leftovers27: fleet_overview warns of a root gone read-only; the Fleet group showed the host as calm (all under thresholds).
  it('shows a filesystem that went read-only on a host as a warning of its own', () => {
    const web = { ...host('web-1', true, 10, 30), warnings: [{ metric: 'read-only', value: null, threshold: null, subject: '/', message: 'ext4 filesystem / (/dev/vda) went read-only while in use: writes to it fail' }] };
    const group = fleetNode({ overview: fleetOverviewOutput.parse({ prometheus: 'http://prom:9090', total: 1, down: 0, hosts: [web] }) }, thresholds, t);
    assert.equal(group.icon, 'warning');
    const node = group.children![0];
    assert.equal(node.icon, 'warning');
    const readOnly = node.children!.find((c) => c.id === 'fleet/web-1/read-only//')!;
    assert.deepEqual([readOnly.label, readOnly.description, readOnly.icon], ['/', 'read-only', 'warning']);
    assert.match(readOnly.tooltip!.replace(/\\/g, ''), /went read-only/);
  });

  it('shows why the fleet could not be read', () => {
    const group = fleetNode({ error: 'fleet_overview: Prometheus at http://prom:9090 cannot be reached (ECONNREFUSED).' }, thresholds, t);
    assert.equal(group.icon, 'error');
    assert.match(group.children![0].label, /cannot be reached/);
  });
});

describe('error summary for the chat', () => {
  // Shape as error_summary returns it (servers/logs/tools/error-summary.ts).
  const summary = errorSummaryOutput.parse({
    window: { since: '2025-11-24T12:00:00Z', until: '2026-11-25T12:00:00Z', hours: 8784 },
    totalErrors: 7,
    groupCount: 2,
    groups: [
      {
        template: 'Connection timeout to <*>',
        count: 5,
        levels: ['ERROR'],
        firstSeen: '2026-11-25T10:00:00Z',
        lastSeen: '2026-11-25T11:00:00Z',
        files: ['logs/app.log'],
        messages: [],
        examples: [{ file: 'logs/app.log', line: 12, text: 'ERROR Connection timeout to <img src=http://127.0.0.1:1/leak onerror=alert(1)>' }],
      },
      { template: '**bold** [link](https://evil.example) <script>x</script>', count: 2, levels: ['FATAL'], files: [], messages: [], examples: [] },
    ],
    truncated: false,
    files: [{ file: 'logs/app.log', errors: 7 }],
    notes: [],
  });

  it('lists groups with counts and times, and keeps log text as text', () => {
    const markdown = errorSummaryMarkdown(summary, { file: 'logs/app.log', t, locale: 'en' });
    const html = render(markdown);
    assert.match(html, /7 errors in 2 groups/);
    // break22: a one-group file read "5 errors in 1 groups."
    const one = (totalErrors: number) => render(errorSummaryMarkdown({ ...summary, totalErrors, groupCount: 1, groups: summary.groups.slice(0, 1) }, { file: 'logs/app.log', t, locale: 'en' }));
    assert.match(one(5), /5 errors in 1 group\./);
    assert.match(one(1), /1 error in 1 group\./);
    assert.match(html, /<strong>5×<\/strong> <code>ERROR<\/code> Connection timeout to &lt;\*&gt;/);
    assert.match(html, /line 12:/);
    assert.doesNotMatch(html, /<img|<script|data-href|<strong>bold/);
  });

  // leftovers27: in Korean "Searched from {0} to {1}." opens with the date, and a short Korean date (`26. 11. 25.`) at
  // the start of a line is a Markdown ordered list: the line showed as nested list numbers with wide gaps.
  it('keeps a Korean short date at the start of a line as text, not a numbered list', () => {
    const korean = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string | { message: string }>;
    const ko = (message: string, ...args: Array<string | number>) => {
      const entry = korean[message];
      const text = typeof entry === 'string' ? entry : entry?.message ?? message;
      return text.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
    };
    for (const shown of [{ ...summary, totalErrors: 0, groups: [] }, summary]) {
      const html = render(errorSummaryMarkdown(shown, { file: 'logs/app.log', t: ko, locale: 'ko' }));
      assert.doesNotMatch(html, /<ol/, html);
      assert.match(html, /25\. (?:AM|PM|오전|오후)/, html);
    }
  });

  it('says clearly when there are no errors', () => {
    const html = render(errorSummaryMarkdown({ ...summary, totalErrors: 0, groups: [] }, { file: 'logs/ok.log', t, locale: 'en' }));
    assert.match(html, /<strong>No errors found in logs\/ok\.log\.<\/strong>/);
  });

  // fix30: "No errors found" was decided from the count alone, so a log the server said it had read only in part (lines
  // without a level), or whose text is not UTF-8, or nothing of which was read, was "checked, all well" all the same.
  it('never says "No errors found" when the server said the zero may be wrong', () => {
    const zero = (files: unknown[], notes: string[] = []) =>
      noErrorsMessage(errorSummaryOutput.parse({ totalErrors: 0, groups: [], files, notes }), 'logs/x.log', t);
    assert.deepEqual(zero([{ file: 'logs/x.log', errors: 0 }]), { severity: 'info', message: 'No errors found in logs/x.log.' });
    const cases: Array<[unknown[], RegExp]> = [
      [[], /nothing of it could be read/],
      [[{ file: 'logs/x.log', errors: 0, levelsUnreadable: true }], /log levels could not be read/],
      [[{ file: 'logs/x.log', errors: 0, linesWithoutLevel: 12 }], /some of its lines have no readable level/],
      [[{ file: 'logs/x.log', errors: 0, textErrors: { lines: 2, first: [4, 9] } }], /2 without a level read as errors by their text \(lines 4, 9\)/],
      [[{ file: 'logs/x.log', errors: 0, legacyText: true }], /not UTF-8/],
      // break33: a rotation cut mid-file (a damaged .gz) was "No errors found" for the part that could be read.
      [[{ file: 'logs/x.log', errors: 0, textCut: true }], /damaged or cut and its text ends early/],
    ];
    for (const [files, message] of cases) {
      const note = zero(files);
      assert.equal(note.severity, 'warning', JSON.stringify(files));
      assert.match(note.message, message);
      assert.doesNotMatch(note.message, /No errors found/);
      const html = render(errorSummaryMarkdown(errorSummaryOutput.parse({ totalErrors: 0, groups: [], files, notes: ['the server note'] }), { file: 'logs/x.log', t, locale: 'en' }));
      assert.doesNotMatch(html, /No errors found/, JSON.stringify(files));
      assert.match(html, /the server note/);
    }
  });
});

// break32: a cron log without levels (`… pg_dump: connection to server failed: FATAL: password authentication failed …`)
// was headed "No error lines recognised", and the line the server had found by its text was named only in notes that
// pointed the reader at "files[].textErrors", a field of the tool's JSON a person never sees.
describe('error summary of a log whose levels cannot be read, with lines that read as errors (break32)', () => {
  const cron = errorSummaryOutput.parse({
    totalErrors: 0,
    groups: [],
    files: [{ file: 'logs/cron-runner.log', errors: 0, levelsUnreadable: true, textErrors: { lines: 1, first: [2] } }],
    notes: [
      'logs/cron-runner.log: 1 line(s) without a level read as errors by their text (lines 2); not counted in totalErrors, as their level is unknown (see files[].textErrors)',
      'logs/cron-runner.log: the listing (see logs://files) and its leading bytes (see leadingNuls); the rest (see notes) stays',
    ],
  });

  it('heads the summary with the lines that read as errors, where they are, not "no error lines recognised"', () => {
    const note = noErrorsMessage(cron, 'logs/cron-runner.log', t);
    assert.equal(note.severity, 'warning');
    assert.equal(note.message, 'No entry of logs/cron-runner.log has a level that reads as an error, but 1 without a level read as errors by their text (lines 2): they are not counted, as their level is unknown.');
    const many = errorSummaryOutput.parse({ totalErrors: 0, groups: [], files: [{ file: 'a.log', errors: 0, textErrors: { lines: 40, atLeast: true, first: [3, 5, 8, 13, 21, 34] } }], notes: [] });
    assert.match(noErrorsMessage(many, 'a.log', t).message, /but ≥ 40 without a level .* \(lines 3, 5, 8, 13, 21…\)/);
    const journal = errorSummaryOutput.parse({ totalErrors: 0, groups: [], files: [{ file: 'journal:backup.service', source: 'journal', errors: 0, textErrors: { lines: 2, first: [7, 9] } }], notes: [] });
    assert.match(noErrorsMessage(journal, 'journal:backup.service', t).message, /\(records 7, 9\)/);
  });

  it('shows the notes the server words for people, not those for a model; an older server\'s as written', () => {
    const forPeople = errorSummaryOutput.parse({ ...cron, notesForPeople: ['logs/cron-runner.log: 1 line(s) without a level read as errors by their text (lines 2); not counted'] });
    const html = render(errorSummaryMarkdown(forPeople, { file: 'logs/cron-runner.log', t, locale: 'en' }));
    assert.doesNotMatch(html, /files\[\]|logs:\/\/files|leadingNuls/);
    assert.match(html, /read as errors by their text \(lines 2\); not counted/);
    assert.match(render(errorSummaryMarkdown(cron, { file: 'logs/cron-runner.log', t, locale: 'en' })), /the rest \(see notes\) stays/);
  });

  it('names the file of each line number when lines of several files read as errors', () => {
    const two = errorSummaryOutput.parse({
      totalErrors: 0,
      groups: [],
      files: [
        { file: 'logs/app.log', errors: 0, textErrors: { lines: 2, first: [2, 9] } },
        { file: 'logs/worker.log', errors: 0, textErrors: { lines: 30, first: [14, 15, 40, 41] } },
      ],
      notes: [],
    });
    assert.deepEqual(textErrorLines(two), { count: '32', first: 'logs/app.log 2, 9; logs/worker.log 14, 15, 40…', inSource: false });
  });
});

describe('error summary of a journal unit or container over its last 24 h (break35)', () => {
  const t = (message: string, ...args: Array<string | number | boolean>) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
  const window = { since: '2026-12-02T12:00:00.000Z', until: '2026-12-03T12:00:00.000Z', hours: 24 };
  const zero = (files: unknown[]) => noErrorsMessage(errorSummaryOutput.parse({ window, totalErrors: 0, groups: [], files, notes: [] }), 'journal:backup.service', t);

  // Summarize Errors on journal:backup.service, which last logged two days ago (an ERROR): "No errors found" read as
  // "checked, all well" for a unit that had said nothing in the window, and whose last run failed.
  it('does not say "No errors found" when the window held none of its entries, or errors lie before it', () => {
    assert.deepEqual(zero([{ file: 'journal:backup.service', errors: 0, newestEntry: '2026-12-01T11:04:13.827Z', outsideWindow: { errors: 1, firstSeen: '2026-12-01T11:04:12.827Z' } }]), {
      severity: 'warning',
      message: 'No errors in journal:backup.service in the last 24 h, but it holds 1 older error entries: the notes say when.',
    });
    assert.deepEqual(zero([{ file: 'journal:backup.service', errors: 0, newestEntry: '2026-12-01T11:04:13.827Z' }]), {
      severity: 'warning',
      message: 'No errors counted in journal:backup.service: it has no entries at all in the last 24 h, so this says nothing about it.',
    });
    // Entries in the window and none of them errors: that is "no errors".
    assert.deepEqual(zero([{ file: 'journal:backup.service', errors: 0 }]), { severity: 'info', message: 'No errors found in journal:backup.service.' });
  });
});

describe('formatting', () => {
  it('formats sizes and relative times in the given locale', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1024), '1.0 KiB');
    assert.equal(formatBytes(15 * 1024 * 1024), '15 MiB');
    assert.equal(formatBytes(3 * 1024 ** 3), '3.0 GiB');
    assert.equal(formatBytes(2 * 1024 ** 5), '2.0 PiB');
    assert.equal(formatBytes(3 * 1024 ** 6), '3072 PiB');
    assert.equal(formatBytes(-1), '?');
    assert.equal(formatRelativeTime(NOW - 3 * 86_400_000, NOW, 'en'), '3 days ago');
    assert.equal(formatRelativeTime(NOW - 3 * 86_400_000, NOW, 'ko'), '3일 전');
    assert.equal(formatRelativeTime(NOW - 30_000, NOW, 'not a locale!!'), '30 seconds ago');
  });
});
