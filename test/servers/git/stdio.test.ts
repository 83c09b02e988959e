// The built git server (dist/servers/git.js) over stdio, against repositories the fixture builds.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { exitOf, outputContaining } from '../../support/wait';
import { ALICE, ANSI_SUBJECT_CLEAN, BOB, CAROL, call, createGitFixture, fails, ok, PIPE_SUBJECT, readInfo, type GitFixture } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SERVER_SCRIPT = resolve(__dirname, '../../../dist/servers/git.js');
const TOOL_NAMES = ['git_log', 'git_diff_stat', 'git_branches', 'git_show', 'git_status', 'git_file_churn', 'git_blame'];

describe('git server', function () {
  this.timeout(30_000);
  let fixture: GitFixture;
  let server: StartedServer;

  before(async () => {
    fixture = createGitFixture();
    server = await startBuiltServer('git', { REPO_PATH: fixture.repo, TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    fixture?.cleanup();
  });

  describe('command line', () => {
    it('prints help with the settings and exits 0', () => {
      const result = spawnSync(process.execPath, [SERVER_SCRIPT, '--help'], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(result.status, 0);
      assert.match(result.stdout, /REPO_PATH/);
      assert.match(result.stdout, /--repo/);
      assert.match(result.stdout, /since is inclusive, until exclusive/);
    });

    it('refuses an unknown flag with exit code 2 and a message on stderr', () => {
      const result = spawnSync(process.execPath, [SERVER_SCRIPT, '--repository', '.'], { encoding: 'utf8', timeout: 10_000, input: '' });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Unknown option '--repository'.*--help/);
      assert.equal(result.stdout, '');
    });

    it('reports the extension version from package.json', async () => {
      const { version } = require('../../../package.json') as { version: string };
      assert.equal(server.client.getServerVersion()?.version, version);
    });

    it('speaks protocol 2025-11-25 and writes only JSON-RPC to stdout', async () => {
      const child = spawn(process.execPath, [SERVER_SCRIPT], { env: { PATH: process.env.PATH ?? '', REPO_PATH: fixture.repo }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
      const answered = outputContaining(child.stdout, '"id":2');
      send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'git_status', arguments: {} } });
      await answered;
      child.stdin.end();
      assert.equal(await exitOf(child, 20_000), 0);
      const messages = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.equal(messages[0].result.protocolVersion, '2025-11-25');
      assert.equal(messages[0].result.serverInfo.name, 'devops-assistant-git');
      assert.equal(messages[1].result.structuredContent.branch, 'main');
      assert.match(stderr, /git server for/);
    });

    it('takes the repository from --repo and logs only to stderr', async () => {
      const other = await startBuiltServer('git', { TZ: 'UTC' }, ['--repo', fixture.single]);
      try {
        const status = await ok(other, 'git_status');
        assert.equal(status.root, fixture.single);
        assert.match(other.stderr(), /git server for/);
      } finally {
        await other.close();
      }
    });

    it('exits cleanly when stdin closes', async () => {
      const child = spawn(process.execPath, [SERVER_SCRIPT], { env: { PATH: process.env.PATH ?? '', REPO_PATH: fixture.repo }, stdio: ['pipe', 'pipe', 'pipe'] });
      await outputContaining(child.stderr, 'git server for');
      child.stdin.end();
      const code = await exitOf(child, 20_000);
      assert.equal(code, 0);
    });
  });

  describe('tool list', () => {
    it('offers the seven tools, each with title, description, output schema and read-only annotations', async () => {
      const { tools } = await server.client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), [...TOOL_NAMES].sort());
      for (const tool of tools) {
        assert.ok(tool.title, `${tool.name} title`);
        assert.ok((tool.description ?? '').length > 60, `${tool.name} description`);
        assert.equal(tool.outputSchema?.type, 'object', `${tool.name} outputSchema`);
        assert.equal(tool.inputSchema.type, 'object');
        assert.deepEqual(
          { readOnly: tool.annotations?.readOnlyHint, openWorld: tool.annotations?.openWorldHint, idempotent: tool.annotations?.idempotentHint },
          { readOnly: true, openWorld: false, idempotent: true },
          tool.name,
        );
      }
    });
  });

  describe('git_log', () => {
    it('lists commits newest first with full fields; a subject with | stays whole', async () => {
      const data = await ok(server, 'git_log');
      assert.deepEqual(
        data.commits.map((c: Data) => c.subject),
        ['Local change not pushed', 'Update main loop', "Merge branch 'feature'", 'Tune config defaults', ANSI_SUBJECT_CLEAN, 'Rename app.ts to main.ts', PIPE_SUBJECT, 'Initial commit: README and app'],
      );
      assert.equal(data.truncated, false);
      const pipe = data.commits.find((c: Data) => c.subject === PIPE_SUBJECT);
      assert.equal(pipe.hash, fixture.commits.config);
      assert.equal(pipe.shortHash, fixture.commits.config.slice(0, pipe.shortHash.length));
      assert.ok(pipe.shortHash.length >= 7);
      assert.equal(pipe.author, BOB.name);
      assert.equal(pipe.email, BOB.email);
      assert.equal(pipe.date, '2024-01-12T09:30:00+00:00');
      const merge = data.commits.find((c: Data) => c.hash === fixture.commits.merge);
      assert.equal(merge.parents.length, 2);
    });

    it('strips ANSI escapes from subjects', async () => {
      const result = await call(server, 'git_log', { ref: 'feature', count: 1 });
      const text = (result.content[0] as { text: string }).text;
      assert.doesNotMatch(text, /\u001b|\\u001b/);
      assert.equal((result.structuredContent as Data).commits[0].subject, ANSI_SUBJECT_CLEAN);
    });

    it('caps the count and says so', async () => {
      const data = await ok(server, 'git_log', { count: 2 });
      assert.equal(data.commits.length, 2);
      assert.equal(data.returned, 2);
      assert.equal(data.truncated, true);
    });

    it('filters by author, case-insensitively, by name or email', async () => {
      const byName = await ok(server, 'git_log', { author: 'bob' });
      assert.deepEqual(byName.commits.map((c: Data) => c.subject), ['Tune config defaults', PIPE_SUBJECT]);
      const byEmail = await ok(server, 'git_log', { author: 'CAROL@EXAMPLE' });
      assert.ok(byEmail.commits.length === 2 && byEmail.commits.every((c: Data) => c.author === CAROL.name));
    });

    it('greps messages as fixed text (| is not a regex alternation)', async () => {
      const config = await ok(server, 'git_log', { grep: 'config' });
      assert.deepEqual(config.commits.map((c: Data) => c.subject), ['Tune config defaults', PIPE_SUBJECT]);
      const pipe = await ok(server, 'git_log', { grep: '|' });
      assert.deepEqual(pipe.commits.map((c: Data) => c.subject), [PIPE_SUBJECT]);
    });

    it('limits to a date window; a bare until date includes that whole day', async () => {
      const data = await ok(server, 'git_log', { since: '2024-01-19', until: '2024-02-01' });
      assert.deepEqual(data.commits.map((c: Data) => c.subject), ['Update main loop', "Merge branch 'feature'", 'Tune config defaults']);
      assert.equal(data.since, '2024-01-19T00:00:00.000Z');
      // until is exclusive since the one time rule: a whole day as until ends at the next midnight.
      assert.equal(data.until, '2024-02-02T00:00:00.000Z');
    });

    it('includes a commit exactly at since and leaves out one exactly at until', async () => {
      const subjects = async (since: string, until: string) => (await ok(server, 'git_log', { since, until })).commits.map((c: Data) => c.subject);
      const window = await subjects('2024-01-12T09:30:00Z', '2024-01-20T16:45:00Z');
      assert.ok(window.includes(PIPE_SUBJECT), 'the commit at since is in');
      assert.ok(!window.includes('Tune config defaults'), 'the commit at until is out');
      assert.ok((await subjects('2024-01-12T09:30:00Z', '2024-01-20T16:45:00.001Z')).includes('Tune config defaults'), 'a millisecond later it is in');
      assert.ok(!(await subjects('2024-01-12T09:30:00.001Z', '2024-01-20T16:45:00Z')).includes(PIPE_SUBJECT), 'a millisecond after since it is out');
      // Epoch seconds and milliseconds name the same instants.
      assert.deepEqual(await subjects(String(Date.UTC(2024, 0, 12, 9, 30) / 1000), String(Date.UTC(2024, 0, 20, 16, 45))), window);
    });

    it('accepts relative dates', async () => {
      const recent = await ok(server, 'git_log', { since: '2 weeks ago' });
      assert.equal(recent.commits.length, 0, 'the fixture history is from 2024');
      const old = await ok(server, 'git_log', { since: '100 years ago', until: 'today' });
      assert.equal(old.commits.length, 8);
      const wide = await ok(server, 'git_log', { since: '1900-01-01', until: '2150-01-01' });
      assert.equal(wide.commits.length, 8, 'dates outside what git can read still work');
    });

    it('limits to a path', async () => {
      const data = await ok(server, 'git_log', { path: 'src/main.ts' });
      assert.deepEqual(data.commits.map((c: Data) => c.subject), ['Update main loop', 'Rename app.ts to main.ts']);
      const folder = await ok(server, 'git_log', { path: 'docs' });
      assert.deepEqual(folder.commits.map((c: Data) => c.subject), ['Initial commit: README and app']);
      const absolute = await ok(server, 'git_log', { path: `${fixture.repo}/docs` });
      assert.deepEqual(absolute.commits, folder.commits);
    });

    it('reads another branch, a range, and can leave out merges', async () => {
      const feature = await ok(server, 'git_log', { ref: 'feature' });
      assert.deepEqual(feature.commits.map((c: Data) => c.author), [CAROL.name, ALICE.name, BOB.name, ALICE.name]);
      const unpushed = await ok(server, 'git_log', { ref: 'origin/main..main' });
      assert.deepEqual(unpushed.commits.map((c: Data) => c.subject), ['Local change not pushed']);
      const incoming = await ok(server, 'git_log', { ref: 'main..origin/main' });
      assert.deepEqual(incoming.commits.map((c: Data) => c.subject), ['Remote change']);
      const noMerges = await ok(server, 'git_log', { includeMerges: false });
      assert.equal(noMerges.commits.length, 7);
    });

    it('explains an unknown ref', async () => {
      assert.match(await fails(server, 'git_log', { ref: 'no-such-branch' }), /not a commit, branch or tag/);
    });
  });

  describe('git_diff_stat', () => {
    it('defaults to HEAD against its parent', async () => {
      const data = await ok(server, 'git_diff_stat');
      assert.equal(data.to, fixture.commits.local);
      assert.equal(data.from, fixture.commits.loop);
      assert.deepEqual(data.files, [{ path: 'README.md', added: 1, deleted: 1, binary: false }]);
      assert.deepEqual(data.totals, { files: 1, added: 1, deleted: 1 });
    });

    it('detects renames between two refs and filters by path', async () => {
      const data = await ok(server, 'git_diff_stat', { from: fixture.commits.initial, to: fixture.commits.rename });
      const main = data.files.find((f: Data) => f.path === 'src/main.ts');
      assert.deepEqual(main, { path: 'src/main.ts', oldPath: 'src/app.ts', added: 1, deleted: 0, binary: false });
      assert.ok(data.files.some((f: Data) => f.path === 'src/config.ts' && f.added === 6));
      const docs = await ok(server, 'git_diff_stat', { from: 'stale', to: 'origin/main', path: 'docs' });
      assert.deepEqual(docs.files.map((f: Data) => f.path), ['docs/guide.txt']);
    });

    it('compares a first commit with the empty tree (single-commit repository too)', async () => {
      const first = await ok(server, 'git_diff_stat', { to: fixture.commits.initial });
      assert.equal(first.totals.files, 3);
      assert.equal(first.totals.added, 106);
      assert.match(first.note, /first commit/);
      const single = await startBuiltServer('git', { REPO_PATH: fixture.single });
      try {
        const data = await ok(single, 'git_diff_stat');
        assert.deepEqual(data.files, [
          { path: 'docs/한글 파일.md', added: 1, deleted: 0, binary: false },
          { path: 'only.txt', added: 5, deleted: 0, binary: false },
        ]);
        const korean = await ok(single, 'git_log', { path: 'docs/한글 파일.md' });
        assert.equal(korean.commits.length, 1);
      } finally {
        await single.close();
      }
    });

    it('compares a merge with its first parent', async () => {
      const data = await ok(server, 'git_diff_stat', { to: fixture.commits.merge });
      assert.deepEqual(data.files.map((f: Data) => f.path), ['src/feature.ts']);
      assert.match(data.note, /first parent/);
    });

    it('caps the file list but keeps totals', async () => {
      const data = await ok(server, 'git_diff_stat', { to: fixture.commits.initial, limit: 1 });
      assert.equal(data.files.length, 1);
      assert.equal(data.totals.files, 3);
      assert.equal(data.truncated, true);
    });
  });

  describe('git_branches', () => {
    it('lists local and remote branches with dates, subjects and ahead/behind', async () => {
      const data = await ok(server, 'git_branches');
      assert.equal(data.current, 'main');
      assert.equal(data.detached, false);
      const byName = new Map<string, Data>(data.branches.map((b: Data) => [b.name, b]));
      assert.deepEqual([...byName.keys()].sort(), ['feature', 'main', 'origin/feature', 'origin/main', 'stale']);
      const main = byName.get('main')!;
      assert.equal(main.current, true);
      assert.equal(main.upstream, 'origin/main');
      assert.equal(main.ahead, 1);
      assert.equal(main.behind, 1);
      const stale = byName.get('stale')!;
      assert.equal(stale.lastCommitDate, '2024-01-12T09:30:00+00:00');
      assert.equal(stale.subject, PIPE_SUBJECT);
      assert.equal(stale.kind, 'local');
      assert.equal(byName.get('origin/main')!.kind, 'remote');
      assert.equal(byName.get('feature')!.subject, ANSI_SUBJECT_CLEAN);
      // Most recently committed first.
      const dates = data.branches.map((b: Data) => b.lastCommitDate);
      assert.deepEqual(dates, [...dates].sort().reverse());
    });

    it('filters by scope and name, and caps the count', async () => {
      const local = await ok(server, 'git_branches', { scope: 'local' });
      assert.deepEqual(local.branches.map((b: Data) => b.name).sort(), ['feature', 'main', 'stale']);
      const feat = await ok(server, 'git_branches', { contains: 'FEAT' });
      assert.deepEqual(feat.branches.map((b: Data) => b.name).sort(), ['feature', 'origin/feature']);
      const one = await ok(server, 'git_branches', { limit: 1 });
      assert.equal(one.branches.length, 1);
      assert.equal(one.truncated, true);
    });

    it('reports a detached HEAD', async () => {
      const detached = await startBuiltServer('git', { REPO_PATH: fixture.detached });
      try {
        const data = await ok(detached, 'git_branches', { scope: 'local' });
        assert.equal(data.current, null);
        assert.equal(data.detached, true);
        assert.equal(data.headHash, fixture.commits.config);
      } finally {
        await detached.close();
      }
    });
  });

  describe('git_show', () => {
    it('shows metadata, message body, per-file stats and the patch', async () => {
      const data = await ok(server, 'git_show', { ref: fixture.commits.rename });
      assert.equal(data.hash, fixture.commits.rename);
      assert.equal(data.author, ALICE.name);
      assert.equal(data.committerDate, '2024-01-15T14:00:00+00:00');
      assert.deepEqual(data.files, [{ path: 'src/main.ts', oldPath: 'src/app.ts', added: 1, deleted: 0, binary: false }]);
      assert.match(data.patch, /rename from src\/app.ts/);
      assert.match(data.patch, /\+main extra/);
      assert.equal(data.patchTruncated, false);
      const initial = await ok(server, 'git_show', { ref: 'HEAD~6', includePatch: false });
      assert.equal(initial.hash, fixture.commits.initial);
      assert.equal(initial.body, 'Sets up the project layout.');
      assert.equal(initial.patch, undefined);
    });

    it('caps the patch and marks it', async () => {
      const data = await ok(server, 'git_show', { ref: fixture.commits.initial, maxPatchBytes: 1000 });
      assert.equal(data.patchTruncated, true);
      assert.equal(data.truncated, true);
      assert.ok(Buffer.byteLength(data.patch) < 1200, `patch is ${Buffer.byteLength(data.patch)} bytes`);
      assert.match(data.patch, new RegExp(`patch cut after byte ${data.nextPatchOffset}; patchOffset ${data.nextPatchOffset} continues it, or give path`));
      const onePath = await ok(server, 'git_show', { ref: fixture.commits.initial, path: 'docs/guide.txt' });
      assert.deepEqual(onePath.files.map((f: Data) => f.path), ['docs/guide.txt']);
      assert.doesNotMatch(onePath.patch, /README/);
    });

    it('shows a merge against its first parent', async () => {
      const data = await ok(server, 'git_show', { ref: fixture.commits.merge });
      assert.equal(data.isMerge, true);
      assert.equal(data.parents.length, 2);
      assert.deepEqual(data.files.map((f: Data) => f.path), ['src/feature.ts']);
    });
  });

  describe('git_status', () => {
    it('lists staged, unstaged and untracked files with the upstream state', async () => {
      const data = await ok(server, 'git_status');
      assert.equal(data.branch, 'main');
      assert.equal(data.upstream, 'origin/main');
      assert.equal(data.ahead, 1);
      assert.equal(data.behind, 1);
      assert.equal(data.clean, false);
      assert.deepEqual(data.counts, { staged: 1, unstaged: 1, untracked: 1, conflicted: 0 });
      const byPath = new Map<string, Data>(data.files.map((f: Data) => [f.path, f]));
      assert.deepEqual(byPath.get('src/staged.ts'), { path: 'src/staged.ts', kind: 'changed', staged: 'A', unstaged: '.' });
      assert.deepEqual(byPath.get('docs/guide.txt'), { path: 'docs/guide.txt', kind: 'changed', staged: '.', unstaged: 'M' });
      assert.equal(byPath.get('notes.txt')?.kind, 'untracked');
    });

    it('caps the list but keeps counts', async () => {
      const data = await ok(server, 'git_status', { limit: 1 });
      assert.equal(data.files.length, 1);
      assert.equal(data.truncated, true);
      assert.equal(data.counts.untracked, 1);
    });

    it('reports a clean tree', async () => {
      const single = await startBuiltServer('git', { REPO_PATH: fixture.single });
      try {
        const data = await ok(single, 'git_status');
        assert.equal(data.clean, true);
        assert.deepEqual(data.files, []);
      } finally {
        await single.close();
      }
    });
  });

  describe('git_file_churn', () => {
    it('ranks files by commits over a period, folding a rename into the new name', async () => {
      const data = await ok(server, 'git_file_churn', { since: '2024-01-01', until: '2024-12-31' });
      assert.equal(data.commitsScanned, 7, 'merges are left out');
      assert.equal(data.files[0].path, 'src/main.ts');
      assert.equal(data.files[0].commits, 3);
      assert.deepEqual(data.files[0].previousPaths, ['src/app.ts']);
      assert.equal(data.files[0].added, 100 + 1 + 1);
      assert.equal(data.files[0].deleted, 2);
      const config = data.files.find((f: Data) => f.path === 'src/config.ts');
      assert.deepEqual({ commits: config.commits, added: config.added, deleted: config.deleted }, { commits: 2, added: 7, deleted: 2 });
      assert.equal(data.files.some((f: Data) => f.path === 'src/app.ts'), false);
    });

    it('sorts by lines, limits to a path and to the top N', async () => {
      const data = await ok(server, 'git_file_churn', { since: '2024-01-01', sortBy: 'lines', top: 2 });
      assert.equal(data.files.length, 2);
      assert.ok(data.files[0].lines >= data.files[1].lines);
      const docs = await ok(server, 'git_file_churn', { since: '2024-01-01', path: 'docs' });
      assert.deepEqual(docs.files.map((f: Data) => f.path), ['docs/guide.txt']);
    });

    it('includes a commit exactly at since and leaves out one exactly at until', async () => {
      const scanned = async (since: string, until: string) => (await ok(server, 'git_file_churn', { since, until })).commitsScanned;
      // config (at since), rename and feature; tune sits exactly at until.
      assert.equal(await scanned('2024-01-12T09:30:00Z', '2024-01-20T16:45:00Z'), 3);
      assert.equal(await scanned('2024-01-12T09:30:00Z', '2024-01-20T16:45:01Z'), 4, 'tune counts once until is after it');
      assert.equal(await scanned('2024-01-12T09:30:01Z', '2024-01-20T16:45:00Z'), 2, 'config is out once since is after it');
    });

    it('answers an empty period with no files', async () => {
      const data = await ok(server, 'git_file_churn', { since: 'yesterday' });
      assert.equal(data.commitsScanned, 0);
      assert.deepEqual(data.files, []);
    });

    it('says when maxCommits cut the scan', async () => {
      const data = await ok(server, 'git_file_churn', { since: '2024-01-01', maxCommits: 3 });
      assert.equal(data.commitsScanned, 3);
      assert.equal(data.truncated, true);
      assert.match(data.note, /maxCommits/);
    });

    it('sends progress when asked', async () => {
      const updates: Array<{ progress: number; total?: number }> = [];
      await server.client.callTool({ name: 'git_file_churn', arguments: { since: '2024-01-01' } }, undefined, {
        onprogress: (p) => updates.push(p),
      });
      // The SDK client handles notifications a microtask late, so the final one can race the result; earlier ones arrive.
      assert.ok(updates.length >= 1);
      assert.ok(updates.every((u) => u.total === 7 && u.progress <= 7));
      assert.deepEqual(updates.map((u) => u.progress), [...updates.map((u) => u.progress)].sort((a, b) => a - b));
    });
  });

  describe('git_blame', () => {
    it('attributes each line of a range, across a rename', async () => {
      const data = await ok(server, 'git_blame', { path: 'src/main.ts', startLine: 97, endLine: 100 });
      assert.deepEqual(data.lines.map((l: Data) => l.line), [97, 98, 99, 100]);
      assert.deepEqual(data.lines.map((l: Data) => l.content), ['app line 97', 'app line 98', 'loop v2', 'main extra']);
      assert.deepEqual(data.lines.map((l: Data) => l.hash), [fixture.commits.initial, fixture.commits.initial, fixture.commits.loop, fixture.commits.rename]);
      assert.equal(data.lines[0].originalPath, 'src/app.ts');
      assert.equal(data.lines[0].author, ALICE.name);
      assert.equal(data.lines[0].email, ALICE.email);
      assert.equal(data.lines[0].date, '2024-01-10T10:00:00+00:00');
      assert.equal(data.lines[2].summary, 'Update main loop');
    });

    it('clamps the end to the file and blames older versions', async () => {
      const data = await ok(server, 'git_blame', { path: 'src/config.ts', startLine: 5, endLine: 50, ref: 'stale' });
      assert.equal(data.endLine, 6);
      assert.deepEqual(data.lines.map((l: Data) => l.summary), [PIPE_SUBJECT, PIPE_SUBJECT]);
    });

    it('explains bad ranges and paths', async () => {
      assert.match(await fails(server, 'git_blame', { path: 'src/config.ts', startLine: 500 }), /past the end.*has 5 lines/);
      assert.match(await fails(server, 'git_blame', { path: 'src/config.ts', startLine: 5, endLine: 2 }), /before startLine/);
      assert.match(await fails(server, 'git_blame', { path: 'src/nope.ts' }), /does not exist in HEAD/);
      assert.match(await fails(server, 'git_blame', { path: 'src' }), /is a folder/);
    });
  });

  describe('git://info', () => {
    it('is listed as a JSON resource', async () => {
      const { resources } = await server.client.listResources();
      const info = resources.find((r) => r.uri === 'git://info');
      assert.equal(info?.mimeType, 'application/json');
      assert.ok(info?.description);
    });

    it('describes branch, upstream, remotes without credentials, last commit and dirty state', async () => {
      const resource = await server.client.readResource({ uri: 'git://info' });
      const text = (resource.contents[0] as { text: string }).text;
      assert.doesNotMatch(text, /s3cr3t|ghp_abcdef|qwerty/);
      const info = JSON.parse(text) as Data;
      assert.equal(info.isRepository, true);
      assert.equal(info.root, fixture.repo);
      assert.equal(info.branch, 'main');
      assert.equal(info.detached, false);
      assert.deepEqual(info.upstream, { name: 'origin/main', ahead: 1, behind: 1 });
      assert.equal(info.dirty, true);
      assert.equal(info.lastCommit.hash, fixture.commits.local);
      assert.equal(info.lastCommit.subject, 'Local change not pushed');
      const remotes = new Map<string, Data>(info.remotes.map((r: Data) => [r.name, r]));
      assert.equal(remotes.get('origin')?.fetchUrl, fixture.origin);
      assert.equal(remotes.get('mirror')?.fetchUrl, 'https://example.invalid/team/repo.git');
      assert.equal(remotes.get('tokened')?.fetchUrl, 'https://github.example/team/repo.git?access_token=REDACTED');
    });

    it('says detached HEAD', async () => {
      const detached = await startBuiltServer('git', { REPO_PATH: fixture.detached });
      try {
        const info = await readInfo(detached);
        assert.equal(info.branch, null);
        assert.equal(info.detached, true);
        assert.equal(info.lastCommit.hash, fixture.commits.config);
      } finally {
        await detached.close();
      }
    });
  });
});
