// Builds the git repositories the git server tests read: a history with several authors and
// fixed dates, branches, a merge, a rename, awkward subjects, an upstream with ahead/behind,
// plus an empty repository, a shallow clone, a plain folder and a repository whose config
// tries to run programs.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { StartedServer } from './mcp-client';

export interface Person {
  name: string;
  email: string;
}

export const ALICE: Person = { name: 'Alice Archer', email: 'alice@example.com' };
export const BOB: Person = { name: 'Bob Builder', email: 'bob@example.com' };
export const CAROL: Person = { name: 'Carol Chen', email: 'carol@example.com' };
export const DAVE: Person = { name: 'Dave Doe', email: 'dave@example.com' };

export const PIPE_SUBJECT = 'Add config loader | parse env';
/** Raw subject with an ANSI colour escape, Korean text and a check mark. */
export const ANSI_SUBJECT = '\u001b[31mRed\u001b[0m 기능 추가 ✓';
export const ANSI_SUBJECT_CLEAN = 'Red 기능 추가 ✓';
export const MIRROR_URL = 'https://alice:s3cr3t-token@example.invalid/team/repo.git';
export const TOKEN_URL = 'https://ghp_abcdef123456@github.example/team/repo.git?access_token=qwerty';

/** Marker files the hostile repository's config would create if git ran its programs. */
export interface HostileMarkers {
  fsmonitor: string;
  external: string;
  diffCommand: string;
  textconv: string;
  filter: string;
  gpg: string;
}

export interface GitFixture {
  dir: string;
  /** The main repository (working tree, dirty, with upstream). */
  repo: string;
  origin: string;
  empty: string;
  notRepo: string;
  shallow: string;
  /** A repository with exactly one commit. */
  single: string;
  /** A linked worktree of `repo` with a detached HEAD at the config commit. */
  detached: string;
  hostile: string;
  /** A repository whose config moves its working tree to the fixture folder's parent. */
  worktreeEscape: string;
  /** A folder outside every repository holding secret.txt. */
  outside: string;
  markers: HostileMarkers;
  /** Commit hashes by name. */
  commits: Record<string, string>;
  git(cwd: string, args: string[], env?: Record<string, string>): string;
  cleanup(): void;
}

function baseEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', TZ: 'UTC', LC_ALL: 'C' };
}

/** Makes repositories with fixed people and dates, in a temporary folder with its own HOME and git config. */
export interface RepoKit {
  dir: string;
  git(cwd: string, args: string[], extra?: Record<string, string>): string;
  /** Author and committer environment for `who` at `date`. */
  as(who: Person, date: string): Record<string, string>;
  write(root: string, path: string, text: string): void;
  /** Commits what is staged; returns the new hash. */
  commit(cwd: string, who: Person, date: string, message: string, extraArgs?: string[]): string;
  /** A new repository `dir/<folder>` on branch main with one commit per entry (file `<n>.txt` unless named). */
  repo(folder: string, commits: ReadonlyArray<{ subject: string; date: string; who?: Person; file?: string }>): string;
  cleanup(): void;
}

export function createRepoKit(prefix = 'git-fixture-'): RepoKit {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n[protocol "file"]\n\tallow = always\n');
  const env = baseEnv(home);

  const git = (cwd: string, args: string[], extra: Record<string, string> = {}): string =>
    execFileSync('git', args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const as = (who: Person, date: string): Record<string, string> => ({
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: date,
  });
  const write = (root: string, path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const commit = (cwd: string, who: Person, date: string, message: string, extraArgs: string[] = []): string => {
    const messageFile = join(dir, 'message.txt');
    writeFileSync(messageFile, message);
    git(cwd, ['commit', '-q', '-F', messageFile, ...extraArgs], as(who, date));
    return git(cwd, ['rev-parse', 'HEAD']);
  };
  const repo: RepoKit['repo'] = (folder, commits) => {
    const root = join(dir, folder);
    mkdirSync(root, { recursive: true });
    git(root, ['init', '-q', '-b', 'main']);
    commits.forEach((c, i) => {
      write(root, c.file ?? `${i + 1}.txt`, `${c.subject}\n`);
      git(root, ['add', '-A']);
      commit(root, c.who ?? ALICE, c.date, c.subject);
    });
    return root;
  };
  return { dir, git, as, write, commit, repo, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function createGitFixture(): GitFixture {
  const kit = createRepoKit();
  const { dir, git, as, write, commit } = kit;
  const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} line ${i + 1}`).join('\n') + '\n';

  const commits: Record<string, string> = {};
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'README.md', '# Demo\n\nA demo project.\n');
  write(repo, 'src/app.ts', lines('app', 100));
  write(repo, 'docs/guide.txt', lines('guide', 3));
  git(repo, ['add', '.']);
  commits.initial = commit(repo, ALICE, '2024-01-10T10:00:00Z', 'Initial commit: README and app\n\nSets up the project layout.');

  write(repo, 'src/config.ts', lines('config', 6));
  git(repo, ['add', '.']);
  commits.config = commit(repo, BOB, '2024-01-12T09:30:00Z', PIPE_SUBJECT);
  git(repo, ['branch', 'stale']);

  git(repo, ['mv', 'src/app.ts', 'src/main.ts']);
  write(repo, 'src/main.ts', lines('app', 100) + 'main extra\n');
  git(repo, ['add', '.']);
  commits.rename = commit(repo, ALICE, '2024-01-15T14:00:00Z', 'Rename app.ts to main.ts');

  git(repo, ['checkout', '-q', '-b', 'feature']);
  write(repo, 'src/feature.ts', lines('feature', 4));
  git(repo, ['add', '.']);
  commits.feature = commit(repo, CAROL, '2024-01-18T08:00:00Z', ANSI_SUBJECT);

  git(repo, ['checkout', '-q', 'main']);
  write(repo, 'src/config.ts', lines('config', 4) + 'tuned\n');
  git(repo, ['add', '.']);
  commits.tune = commit(repo, BOB, '2024-01-20T16:45:00Z', 'Tune config defaults');

  git(repo, ['merge', '-q', '--no-ff', '-m', "Merge branch 'feature'", 'feature'], as(ALICE, '2024-01-22T12:00:00Z'));
  commits.merge = git(repo, ['rev-parse', 'HEAD']);

  write(repo, 'src/main.ts', lines('app', 98) + 'loop v2\nmain extra\n');
  git(repo, ['add', '.']);
  commits.loop = commit(repo, ALICE, '2024-02-01T11:00:00Z', 'Update main loop');

  // Upstream: a bare origin; another clone pushes a commit we fetch but don't merge.
  const origin = join(dir, 'origin.git');
  git(dir, ['init', '-q', '--bare', '-b', 'main', origin]);
  git(repo, ['remote', 'add', 'origin', origin]);
  git(repo, ['push', '-q', '-u', 'origin', 'main']);
  git(repo, ['push', '-q', 'origin', 'feature']);
  const other = join(dir, 'other');
  git(dir, ['clone', '-q', origin, other]);
  write(other, 'docs/guide.txt', lines('guide', 3) + 'remote addition\n');
  git(other, ['add', '.']);
  commits.remote = commit(other, DAVE, '2024-02-03T10:00:00Z', 'Remote change');
  git(other, ['push', '-q', 'origin', 'main']);
  git(repo, ['fetch', '-q', 'origin']);
  write(repo, 'README.md', '# Demo\n\nA demo project, now documented.\n');
  git(repo, ['add', '.']);
  commits.local = commit(repo, CAROL, '2024-02-05T09:00:00Z', 'Local change not pushed');
  git(repo, ['remote', 'add', 'mirror', MIRROR_URL]);
  git(repo, ['remote', 'add', 'tokened', TOKEN_URL]);

  // Uncommitted work: one unstaged change, one staged new file, one untracked file.
  write(repo, 'docs/guide.txt', lines('guide', 3) + 'local edit\n');
  write(repo, 'src/staged.ts', 'export const staged = true;\n');
  git(repo, ['add', 'src/staged.ts']);
  write(repo, 'notes.txt', 'scratch\n');

  const outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'top secret\n');
  symlinkSync(join(outside, 'secret.txt'), join(repo, 'link-out.txt'));
  symlinkSync(outside, join(repo, 'linkdir'));
  writeFileSync(join(repo, '.git', 'info', 'exclude'), 'link-out.txt\nlinkdir\n');

  const empty = join(dir, 'empty');
  mkdirSync(empty);
  git(empty, ['init', '-q', '-b', 'main']);

  const notRepo = join(dir, 'not-a-repo');
  mkdirSync(notRepo);

  const shallow = join(dir, 'shallow');
  git(dir, ['clone', '-q', '--depth', '2', `file://${origin}`, shallow]);

  const single = join(dir, 'single');
  mkdirSync(single);
  git(single, ['init', '-q', '-b', 'main']);
  write(single, 'only.txt', lines('only', 5));
  write(single, 'docs/한글 파일.md', '# 안녕\n');
  git(single, ['add', '.']);
  commits.single = commit(single, DAVE, '2024-04-01T10:00:00Z', 'The only commit');

  const detached = join(dir, 'detached');
  git(repo, ['worktree', 'add', '-q', '--detach', detached, commits.config]);

  const { hostile, markers } = createHostileRepo(dir, git, as, write);

  const worktreeEscape = join(dir, 'worktree-escape');
  mkdirSync(worktreeEscape);
  git(worktreeEscape, ['init', '-q', '-b', 'main']);
  write(worktreeEscape, 'x.txt', 'x\n');
  git(worktreeEscape, ['add', '.']);
  git(worktreeEscape, ['commit', '-q', '-m', 'x'], as(ALICE, '2024-03-01T10:00:00Z'));
  git(worktreeEscape, ['config', 'core.worktree', join(dir, '..')]);

  return {
    dir,
    repo,
    origin,
    empty,
    notRepo,
    shallow,
    single,
    detached,
    hostile,
    worktreeEscape,
    outside,
    markers,
    commits,
    git,
    cleanup: kit.cleanup,
  };
}

function createHostileRepo(
  dir: string,
  git: (cwd: string, args: string[], extra?: Record<string, string>) => string,
  as: (who: Person, date: string) => Record<string, string>,
  write: (root: string, path: string, text: string) => void,
): { hostile: string; markers: HostileMarkers } {
  const hostile = join(dir, 'hostile');
  const markerDir = join(dir, 'markers');
  mkdirSync(markerDir);
  const markers: HostileMarkers = {
    fsmonitor: join(markerDir, 'fsmonitor'),
    external: join(markerDir, 'external-diff'),
    diffCommand: join(markerDir, 'diff-command'),
    textconv: join(markerDir, 'textconv'),
    filter: join(markerDir, 'filter'),
    gpg: join(markerDir, 'gpg'),
  };
  const script = (name: keyof HostileMarkers, body = '') => {
    const path = join(dir, `evil-${name}.sh`);
    writeFileSync(path, `#!/bin/sh\necho ran >> '${markers[name]}'\n${body}`);
    chmodSync(path, 0o755);
    return path;
  };

  mkdirSync(hostile);
  git(hostile, ['init', '-q', '-b', 'main']);
  write(hostile, '.gitattributes', '*.txt diff=evil\n*.dat filter=evil\n*.md diff=evilcmd\n');
  write(hostile, 'a.txt', 'one\n');
  write(hostile, 'b.dat', 'data one\n');
  write(hostile, 'c.md', 'doc one\n');
  write(hostile, 'd.dat', 'unchanged\n');
  git(hostile, ['add', '.']);
  git(hostile, ['commit', '-q', '-m', 'hostile first'], as(ALICE, '2024-03-01T10:00:00Z'));
  write(hostile, 'a.txt', 'one\ntwo\n');
  write(hostile, 'b.dat', 'data one\ndata two\n');
  write(hostile, 'c.md', 'doc one\ndoc two\n');
  git(hostile, ['add', '.']);
  git(hostile, ['commit', '-q', '-m', 'hostile second'], as(BOB, '2024-03-02T10:00:00Z'));

  // A commit carrying a (fake) signature, so that log.showSignature would call gpg.program.
  const head = git(hostile, ['cat-file', 'commit', 'HEAD']);
  const signed = head.replace(/\n\n/, '\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n =abcd\n -----END PGP SIGNATURE-----\n\n') + '\n';
  const signedHash = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: hostile, input: signed, encoding: 'utf8' }).trim();
  git(hostile, ['update-ref', 'refs/heads/main', signedHash]);

  git(hostile, ['config', 'core.fsmonitor', script('fsmonitor')]);
  git(hostile, ['config', 'diff.external', script('external')]);
  git(hostile, ['config', 'diff.evilcmd.command', script('diffCommand')]);
  git(hostile, ['config', 'diff.evil.textconv', script('textconv', 'cat "$1"\n')]);
  git(hostile, ['config', 'filter.evil.clean', script('filter', 'cat\n')]);
  git(hostile, ['config', 'filter.evil.smudge', script('filter', 'cat\n')]);
  git(hostile, ['config', 'log.showSignature', 'true']);
  git(hostile, ['config', 'gpg.program', script('gpg')]);

  // Dirty working tree so that status has to look at (and filter) files.
  write(hostile, 'a.txt', 'one\ntwo\nthree\n');
  write(hostile, 'b.dat', 'data one\ndata two\ndata three\n');
  // Same content, new timestamp: status has to read it through the clean filter to know it is unchanged.
  write(hostile, 'd.dat', 'unchanged\n');
  utimesSync(join(hostile, 'd.dat'), new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_600_000));
  return { hostile, markers };
}

/**
 * A repository with `count` commits (each changing one of 50 files), made with fast-import so it
 * takes about a second: long enough for progress notifications and cancellation to be observable.
 */
export function createBigRepo(parent: string, count: number): string {
  const path = join(parent, `big-${count}`);
  mkdirSync(path);
  const env = baseEnv(join(parent, 'home'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: path, env });
  const chunks: string[] = [];
  const start = Date.UTC(2023, 0, 1) / 1000;
  for (let i = 0; i < count; i++) {
    const body = `change ${i}\n`.repeat(1 + (i % 7));
    const message = `commit ${i}`;
    chunks.push(
      'commit refs/heads/main',
      `committer Bot <bot@example.com> ${start + i * 60} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      `M 100644 inline src/file-${i % 50}.txt`,
      `data ${Buffer.byteLength(body)}`,
      body,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: path, env, input: chunks.join('\n') + '\n' });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: path, env });
  return path;
}

// Calling the server in tests.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

export async function call(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await server.client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A successful result's data, checked to equal its JSON text copy. */
export async function ok(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<Data> {
  const result = await call(server, name, args);
  const text = (result.content[0] as { text: string }).text;
  assert.notEqual(result.isError, true, `${name} failed: ${text}`);
  assert.deepEqual(JSON.parse(text), result.structuredContent);
  return result.structuredContent as Data;
}

/** An error result's message. */
export async function fails(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const result = await call(server, name, args);
  const text = (result.content[0] as { text: string }).text;
  assert.equal(result.isError, true, `${name} should fail but returned ${text.slice(0, 300)}`);
  assert.doesNotMatch(text, /\n\s+at /, 'no stack traces');
  return text;
}

export async function readInfo(server: StartedServer): Promise<Data> {
  const resource = await server.client.readResource({ uri: 'git://info' });
  return JSON.parse((resource.contents[0] as { text: string }).text) as Data;
}

/** Repositories for git's edge cases (issue 12, item 4). */
export interface EdgeRepos {
  kit: RepoKit;
  /** Commits dated 2024 and 2150; a file whose name has a tab, one with a newline, one with a leading space. */
  odd: string;
  /** The exact awkward file names in `odd`. */
  names: { tab: string; newline: string; space: string };
  /** A superproject whose submodule `sub` has an uncommitted edit; `subUntracked` only an untracked file. */
  superproject: string;
}

export function createEdgeRepos(): EdgeRepos {
  const kit = createRepoKit('git-edges-');
  const { git, write, commit } = kit;
  const names = { tab: 'tab\there.txt', newline: 'line\nbreak.txt', space: ' lead.txt' };
  const odd = kit.repo('odd', [{ subject: 'A commit of 2024', date: '2024-05-01T10:00:00Z' }]);
  for (const name of Object.values(names)) write(odd, name, `${JSON.stringify(name)}\n`);
  git(odd, ['add', '-A']);
  commit(odd, BOB, '2024-05-02T10:00:00Z', 'Add awkward names');
  write(odd, 'future.txt', 'from the future\n');
  git(odd, ['add', '-A']);
  // git parses ISO dates only up to 2099; a raw timestamp stores 2150-01-01T00:00:00Z as it is.
  commit(odd, CAROL, '@5680281600 +0000', 'A commit dated 2150');

  const library = kit.repo('library', [{ subject: 'library', date: '2024-05-01T10:00:00Z' }]);
  const superproject = kit.repo('super', [{ subject: 'super', date: '2024-05-01T10:00:00Z' }]);
  for (const sub of ['sub', 'subUntracked']) git(superproject, ['submodule', '--quiet', 'add', library, sub]);
  commit(superproject, ALICE, '2024-05-03T10:00:00Z', 'Add submodules');
  write(join(superproject, 'sub'), '1.txt', 'edited inside the submodule\n');
  write(join(superproject, 'subUntracked'), 'scratch.txt', 'untracked inside the submodule\n');
  return { kit, odd, names, superproject };
}
