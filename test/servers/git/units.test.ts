// The git server's pure parts: date forms, URL redaction, NUL-separated parsers, the git runner.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitWindowArgs, sinceFlagForVersion } from '../../../servers/git/repo/window';
import { isoFromRawDate, isUnformattedDate } from '../../../servers/git/repo/raw-dates';
import { resolveWindow } from '../../../servers/shared/time-window';
import { redactRemoteUrl } from '../../../servers/git/repo/urls';
import { parseCommitList, parseNumstat, unquoteGitPath } from '../../../servers/git/repo/parse';
import { parseStatus } from '../../../servers/git/repo/status';
import { GitCommandError, GitTimeoutError, gitEnvironment, runGit, SAFE_GLOBAL_ARGS } from '../../../servers/git/repo/run';
import { withinBudget } from '../../../servers/git/tools/register';
import { GIT_CLI } from '../../../servers/git/cli';
import { helpText, readConfig } from '../../../servers/shared/cli';
import { jsonBytes, OUTPUT_BUDGET_BYTES } from '../../../servers/shared/output-budget';

describe('git server units', () => {
  // The date grammar itself is tested with the kit (test/servers/shared/time-window.test.ts);
  // here only its translation into git's inclusive, whole-second --since/--until.
  describe('gitWindowArgs', () => {
    const window = (since?: string, until?: string) => resolveWindow({ since, until }, new Date(2024, 4, 15, 13, 45, 30));

    it('builds git arguments for since inclusive, until exclusive, and refuses an inverted window', () => {
      assert.deepEqual(gitWindowArgs(window('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z')), ['--since-as-filter=2024-01-01T00:00:00Z', '--until=2024-01-31T23:59:59Z']);
      assert.deepEqual(gitWindowArgs(window('1900-01-01T00:00:00Z', '2200-01-01T00:00:00Z')), []);
      assert.throws(() => window('2024-02-01', '2024-01-01'), /is not after since/);
    });

    it('rounds sub-second bounds to the whole seconds git compares', () => {
      // A commit at 10:00:00 is before since 10:00:00.250; one at 10:00:01 is not.
      assert.deepEqual(gitWindowArgs({ since: Date.UTC(2024, 0, 1, 10, 0, 0, 250) }), ['--since-as-filter=2024-01-01T10:00:01Z']);
      // until 10:00:00.250 (exclusive) keeps a commit at 10:00:00.
      assert.deepEqual(gitWindowArgs({ until: Date.UTC(2024, 0, 1, 10, 0, 0, 250) }), ['--until=2024-01-01T10:00:00Z']);
      assert.deepEqual(gitWindowArgs({ until: Date.UTC(2024, 0, 1, 10, 0, 0) }), ['--until=2024-01-01T09:59:59Z']);
    });
  });

  describe('sinceFlagForVersion', () => {
    it('uses --since-as-filter from git 2.38 on, --since before and for text it cannot read', () => {
      const expected: Array<[string, string]> = [
        ['git version 2.39.5\n', '--since-as-filter'],
        ['git version 2.38.0', '--since-as-filter'],
        ['git version 2.45.1.windows.1', '--since-as-filter'],
        ['git version 3.0.0', '--since-as-filter'],
        ['git version 2.37.7 (Apple Git-140)', '--since'],
        ['', '--since'],
      ];
      for (const [text, flag] of expected) assert.equal(sinceFlagForVersion(text), flag, text);
    });
  });

  describe('isoFromRawDate', () => {
    it('writes raw seconds and zone as ISO 8601 in that zone, negative seconds (before 1970) included', () => {
      assert.equal(isoFromRawDate('-152000000 +0900'), '1965-03-09T02:46:40+09:00');
      assert.equal(isoFromRawDate(' 1715000000 -0430'), '2024-05-06T08:23:20-04:30');
      assert.equal(isoFromRawDate('0 +0000'), '1970-01-01T00:00:00+00:00');
      assert.equal(isoFromRawDate('soon +0000'), undefined);
      assert.equal(isUnformattedDate('%aI'), true);
      assert.equal(isUnformattedDate('2024-05-06T08:23:20-04:30'), false);
    });
  });

  describe('redactRemoteUrl', () => {
    it('removes user names and passwords from http(s) URLs and secret query values', () => {
      assert.equal(redactRemoteUrl('https://alice:s3cr3t@example.com/a/b.git'), 'https://example.com/a/b.git');
      assert.equal(redactRemoteUrl('https://ghp_token@github.com/a/b.git'), 'https://github.com/a/b.git');
      assert.equal(redactRemoteUrl('https://host/x.git?private_token=abc&ref=main'), 'https://host/x.git?private_token=REDACTED&ref=main');
      assert.equal(redactRemoteUrl('http://user:pa%40ss@host:8080/x'), 'http://host:8080/x');
    });

    it('keeps ssh user names but drops ssh passwords', () => {
      assert.equal(redactRemoteUrl('ssh://git@github.com/a/b.git'), 'ssh://git@github.com/a/b.git');
      assert.equal(redactRemoteUrl('ssh://git:hunter2@github.com/a/b.git'), 'ssh://github.com/a/b.git');
      assert.equal(redactRemoteUrl('git@github.com:a/b.git'), 'git@github.com:a/b.git');
      assert.equal(redactRemoteUrl('/srv/git/origin.git'), '/srv/git/origin.git');
    });

    it('falls back to cutting the user part when the URL does not parse', () => {
      assert.equal(redactRemoteUrl('https://us er:pw@exa mple.com/x'), 'https://exa mple.com/x');
    });
  });

  describe('parsers', () => {
    const hash = (c: string) => c.repeat(40);

    it('reads commits separated by NUL, whatever the subject holds', () => {
      const record = (h: string, subject: string) => [h, h.slice(0, 7), 'Ann | B', 'a@x', '2024-01-01T00:00:00+00:00', subject, '', '2024-01-02T09:00:00+09:00'].join('\0');
      const output = `${record(hash('a'), 'fix | pipe\u001e and RS')}\0${record(hash('b'), '\u001b[1mbold\u001b[0m')}\0`;
      const commits = parseCommitList(output);
      assert.equal(commits.length, 2);
      assert.equal(commits[0].subject, 'fix | pipe and RS');
      assert.equal(commits[0].author, 'Ann | B');
      assert.equal(commits[1].subject, 'bold');
      assert.equal(commits[1].committerDate, '2024-01-02T09:00:00+09:00');
      // A record cut by the byte cap is dropped, not half-read.
      assert.equal(parseCommitList(output.slice(0, -5)).length, 1);
    });

    it('reads numstat with renames, binaries and paths with tabs or newlines', () => {
      const output = `\u001e${hash('c')}\0\n3\t1\tsrc/a b.ts\0-\t-\timg.png\0\u001e${hash('d')}\0\n2\t0\t\0old\tname.ts\0new\nname.ts\0`;
      const commits = parseNumstat(output, true);
      assert.deepEqual(commits.map((c) => c.hash), [hash('c'), hash('d')]);
      assert.deepEqual(commits[0].files, [
        { path: 'src/a b.ts', added: 3, deleted: 1, binary: false },
        { path: 'img.png', added: 0, deleted: 0, binary: true },
      ]);
      // Exact paths (they must work when passed back), display forms beside them (issue 12).
      assert.deepEqual(commits[1].files, [
        { path: 'new\nname.ts', displayPath: 'new\\x0aname.ts', oldPath: 'old\tname.ts', displayOldPath: 'old\\x09name.ts', added: 2, deleted: 0, binary: false },
      ]);
    });

    it('reads numstat commit marks with committer times, and C-quoted paths back to exact text', () => {
      const [commit] = parseNumstat(`\u001e${hash('e')} 5680281600\0\n1\t0\tf.txt\0`, true);
      assert.equal(commit.committedAtMs, Date.UTC(2150, 0, 1));
      assert.equal(unquoteGitPath('"tab\\there \\"q\\" \\355\\225\\234.txt"'), 'tab\there "q" 한.txt');
      assert.equal(unquoteGitPath('plain.txt'), 'plain.txt');
    });

    it('reads porcelain v2 status', () => {
      const output = [
        '# branch.oid ' + hash('e'),
        '# branch.head feature/x',
        '# branch.upstream origin/feature/x',
        '# branch.ab +2 -3',
        '1 .M N... 100644 100644 100644 abc abc path with spaces.txt',
        '2 R. N... 100644 100644 100644 abc abc R100 new.txt',
        'old.txt',
        'u UU N... 100644 100644 100644 100644 a b c conflict.txt',
        '? untracked.txt',
        '',
      ].join('\0');
      const status = parseStatus(output, false);
      assert.equal(status.branch, 'feature/x');
      assert.deepEqual([status.upstream, status.ahead, status.behind], ['origin/feature/x', 2, 3]);
      assert.deepEqual(status.entries, [
        { path: 'path with spaces.txt', kind: 'changed', staged: '.', unstaged: 'M' },
        { path: 'new.txt', origPath: 'old.txt', kind: 'renamed', staged: 'R', unstaged: '.' },
        { path: 'conflict.txt', kind: 'unmerged', staged: 'U', unstaged: 'U' },
        { path: 'untracked.txt', kind: 'untracked', staged: '.', unstaged: '?' },
      ]);
      assert.equal(parseStatus('# branch.oid (initial)\0# branch.head (detached)\0', false).detached, true);
    });
  });

  describe('command line table', () => {
    it('reads --repo over REPO_PATH, from the argv and env it is given only', () => {
      assert.equal(readConfig(GIT_CLI, ['--repo', '/a'], { REPO_PATH: '/b' }).repo, '/a');
      assert.equal(readConfig(GIT_CLI, [], { REPO_PATH: '/b' }).repo, '/b');
      assert.equal(readConfig(GIT_CLI, [], {}).repo, undefined, 'the entry falls back to the current folder');
      assert.throws(() => readConfig(GIT_CLI, ['--repo', ' '], {}), /--repo \/ REPO_PATH: must name a folder/);
      assert.match(helpText(GIT_CLI), /--repo FOLDER[\s\S]*REPO_PATH[\s\S]*git_blame[\s\S]*git:\/\/info/);
    });
  });

  describe('withinBudget', () => {
    it('cuts the main list to the output budget, recounts returned and raises the cut flags', () => {
      const files = Array.from({ length: 5000 }, (_, i) => ({ path: `src/파일-${i}.ts`, added: i, deleted: 0 }));
      const data = withinBudget({ files, returned: files.length, truncated: false, filesTruncated: false }, 'files', ['filesTruncated', 'truncated']);
      assert.ok(jsonBytes(data) <= OUTPUT_BUDGET_BYTES);
      assert.ok(data.files.length > 100 && data.files.length < 5000, `kept ${data.files.length}`);
      assert.deepEqual([data.returned, data.truncated, data.filesTruncated], [data.files.length, true, true]);
      const small = withinBudget({ files: files.slice(0, 3), truncated: false }, 'files');
      assert.deepEqual([small.files.length, small.truncated, 'returned' in small], [3, false, false]);
      assert.equal(withinBudget({ files: [], truncated: true }, 'files').truncated, true, 'a flag already raised stays raised');
    });
  });

  describe('runGit', () => {
    let folder: string;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'git-run-'));
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('turns off config-driven programs on every call and cleans the environment', () => {
      assert.deepEqual(SAFE_GLOBAL_ARGS.slice(0, 6), ['--no-pager', '--literal-pathspecs', '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null']);
      const saved = process.env.GIT_DIR;
      process.env.GIT_DIR = '/elsewhere';
      try {
        const env = gitEnvironment([['filter.x.clean', '']]);
        assert.equal(env.GIT_DIR, undefined);
        assert.equal(env.GIT_TERMINAL_PROMPT, '0');
        assert.equal(env.GIT_OPTIONAL_LOCKS, '0');
        assert.equal(env.GIT_CONFIG_NOSYSTEM, '1');
        assert.deepEqual([env.GIT_CONFIG_COUNT, env.GIT_CONFIG_KEY_0, env.GIT_CONFIG_VALUE_0], ['1', 'filter.x.clean', '']);
      } finally {
        if (saved === undefined) delete process.env.GIT_DIR;
        else process.env.GIT_DIR = saved;
      }
    });

    it('caps output and says so', async () => {
      const result = await runGit(['help', '-a'], { cwd: folder, maxBytes: 100 });
      assert.equal(result.stdout.length, 100);
      assert.equal(result.truncated, true);
    });

    it('reports git failures with git’s message', async () => {
      await assert.rejects(runGit(['rev-parse', 'HEAD'], { cwd: folder }), (error: unknown) => error instanceof GitCommandError && /not a git repository/.test(error.message));
    });

    it('stops at the time limit and on cancellation', async () => {
      await assert.rejects(runGit(['help', '-a'], { cwd: folder, timeoutMs: 1 }), GitTimeoutError);
      const controller = new AbortController();
      const pending = runGit(['help', '-a'], { cwd: folder, signal: controller.signal });
      controller.abort();
      await assert.rejects(pending, { name: 'AbortError' });
    });
  });
});
