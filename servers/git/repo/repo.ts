// Finds the repository for the configured folder and gives tools one way to call git in it.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import { GitCommandError, GitTimeoutError, runGit, type GitRunOptions, type GitRunResult } from './run';
import { findUnsafeFiles, folderCheckFor, guardedCall, unsafeFolderFileForListing, UnsafeFileError, type ConfiguredFiles, type UnsafeFile } from './unsafe-files';
import { findUnsafeConfig } from './config-files';
import { findGitDirs, type GitDirs } from './git-dirs';

export type RepoGitOptions = Omit<GitRunOptions, 'cwd' | 'config' | 'signal'>;

export interface Repo {
  /** Top of the working tree, as git reports it; in a bare repository, its git folder (absolute). */
  root: string;
  /**
   * A bare repository: no working tree, so paths name entries of commits' trees (never files on disk), and what reads
   * the working tree (git_status, the dirty state) cannot be answered. `worktrees` names its linked working trees.
   */
  bare: boolean;
  /** `root` with symlinks resolved, for containment checks. */
  realRoot: string;
  /**
   * A bare repository opened through a project folder whose `.git` file names it (the "bare clone and a working tree
   * per branch" layout: `proj/.bare`, `proj/.git` saying `gitdir: ./.bare`, `proj/main/`): that folder, absolute. It is
   * what people call the repository's root; `root` stays the git folder, where git runs.
   */
  projectFolder?: string;
  shallow: boolean;
  objectFormat: 'sha1' | 'sha256';
  /**
   * The folder the server was pointed at (REPO_PATH), relative to `root` with '/' and no trailing one, when it is below
   * the root: a VS Code workspace opened on one package of a monorepo. Its user sees paths relative to it, so a path
   * that names nothing from the root but names a file there is read there (resolveRepoPath, saying so in `pathNotes`).
   */
  subfolder?: string;
  /** Notes of this call about how its paths were read (a path taken relative to `subfolder`), added to the result's note. */
  pathNotes: string[];
  /** Files git would open that it must not (unsafe-files.ts): git calls are kept from them or refused. */
  unsafeFiles: readonly UnsafeFile[];
  signal?: AbortSignal;
  git(args: readonly string[], options?: RepoGitOptions): Promise<GitRunResult>;
  /** Full hash of HEAD, or null in a repository without commits. */
  head(): Promise<string | null>;
}

const EMPTY_TREE = {
  sha1: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  sha256: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
} as const;

export function emptyTree(repo: Repo): string {
  return EMPTY_TREE[repo.objectFormat];
}

/** Opens the repository containing `folder`; throws a UserFacingError saying what to fix when there is none. */
export async function openRepo(folder: string, signal?: AbortSignal): Promise<Repo> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(folder).isDirectory();
  } catch {
    throw new UserFacingError(`repository folder does not exist: ${folder}. Set REPO_PATH (or --repo) to a folder inside a git working tree.`);
  }
  if (!isDirectory) throw new UserFacingError(`repository path is not a folder: ${folder}. Set REPO_PATH (or --repo) to a folder.`);
  // A bare repository has no .git: its folder is the git folder (git looks for .git first, then at the folder itself).
  const dirs = (!existsSync(join(folder, '.git')) && bareGitDirs(folder)) || findGitDirs(folder);
  // Reading a config file's includes runs git, which reads the global config first: it can wait as rev-parse would.
  const unsafeConfig = dirs && (await findUnsafeConfig(dirs, signal).catch((error: unknown) => Promise.reject(error instanceof GitTimeoutError ? openingTimedOut(folder, error) : error)));
  if (unsafeConfig) throw new UnsafeFileError(unsafeConfig);

  let lines: string[];
  try {
    const result = await runGit(['rev-parse', '--is-bare-repository', '--show-toplevel', '--is-shallow-repository', '--show-object-format', '--git-common-dir'], {
      cwd: folder,
      signal,
      timeoutMs: 10_000,
    });
    lines = result.stdout.toString('utf8').split('\n');
  } catch (error) {
    // git 2.3x refuses --show-toplevel without a working tree instead of printing nothing: a bare
    // repository or a folder inside .git would otherwise get "git failed: … must be run in a work tree".
    if (error instanceof GitCommandError && /must be run in a work tree/i.test(error.stderr)) {
      if (await isBare(folder, signal)) return openBare(folder, signal);
      throw new UserFacingError(`${folder} is inside a .git folder, not a working tree; point REPO_PATH at the working tree.`);
    }
    if (error instanceof GitTimeoutError) throw openingTimedOut(folder, error);
    throw explainGitFailure(error, folder);
  }
  if (lines[0] === 'true') return openBare(folder, signal);
  const root = lines[1];
  if (!root) throw new UserFacingError(`${folder} is inside a .git folder, not a working tree; point REPO_PATH at the working tree.`);
  assertExpectedWorktree(folder, root);
  const shallow = lines[2] === 'true';
  const objectFormat = lines[3] === 'sha256' ? 'sha256' : 'sha1';
  const realRoot = realpathSync(root);
  const { overrides: config, files } = await readRepoConfig(root, signal);
  // --git-common-dir is relative to the folder git ran in unless it is absolute.
  const unsafeFiles = findUnsafeFiles(root, resolve(folder, lines[4] || join(root, '.git')), files);
  const subfolder = subfolderOf(folder, realRoot);
  return repoAt({ root, realRoot, ...(subfolder ? { subfolder } : {}), bare: false, shallow, objectFormat, unsafeFiles, pathNotes: [], signal }, config);
}

/**
 * Opens a bare repository (one without a working tree: `git clone --bare`, or the `.bare` of a project folder whose
 * `.git` file names it) for the tools that read history alone; git runs in its git folder. Before, every tool refused
 * one, though log, show, diff between commits, branches, blame at a revision and churn need no working tree.
 */
async function openBare(folder: string, signal?: AbortSignal): Promise<Repo> {
  let lines: string[];
  try {
    const result = await runGit(['rev-parse', '--absolute-git-dir', '--is-shallow-repository', '--show-object-format'], { cwd: folder, signal, timeoutMs: 10_000 });
    lines = result.stdout.toString('utf8').split('\n');
  } catch (error) {
    if (error instanceof GitTimeoutError) throw openingTimedOut(folder, error);
    throw explainGitFailure(error, folder);
  }
  const root = lines[0];
  const { overrides: config, files } = await readRepoConfig(root, signal);
  const projectFolder = projectFolderOf(folder, root);
  const base = { root, realRoot: realpathSync(root), ...(projectFolder ? { projectFolder } : {}), bare: true, shallow: lines[1] === 'true', objectFormat: lines[2] === 'sha256' ? ('sha256' as const) : ('sha1' as const), signal };
  return repoAt({ ...base, unsafeFiles: findUnsafeFiles(root, root, files), pathNotes: [] }, config);
}

/** `folder` relative to the working tree's top `realRoot` ('/'-separated), or undefined at the top (or when it cannot be told). */
function subfolderOf(folder: string, realRoot: string): string | undefined {
  try {
    const rel = relative(realRoot, realpathSync(folder));
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
  } catch {
    return undefined;
  }
}

/** `folder` (absolute) when it is not the git folder `gitDir` but holds a `.git` file (naming it); else undefined. */
function projectFolderOf(folder: string, gitDir: string): string | undefined {
  const absolute = resolve(folder);
  try {
    if (realpathSync(absolute) === realpathSync(gitDir)) return undefined;
    return statSync(join(absolute, '.git')).isFile() ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/** The Repo for an opened repository: git calls run at `fields.root` with `config` and the unsafe-file guards. */
function repoAt(fields: Omit<Repo, 'git' | 'head'>, config: Array<[string, string]>): Repo {
  const { root, unsafeFiles, signal } = fields;
  let headCache: Promise<string | null> | undefined;
  // One listing per kind of call: git_show's counts and its patch compare the same paths.
  const listingChecks = new Map<string, FolderCheck>();
  const repo: Repo = {
    ...fields,
    git: async (args, options = {}) => {
      const call = guardedCall(args, unsafeFiles, root);
      // A bare repository has no folders of the project on disk to hold a .gitattributes or .gitignore git would read.
      const check = fields.bare ? undefined : folderCheckFor(args);
      if (!check) return runGit(call.args, { ...options, cwd: root, config: [...config, ...call.config], signal });
      const key = `${check.role}\0${check.listing.join('\0')}`;
      let shared = listingChecks.get(key);
      if (!shared) {
        shared = startFolderCheck(root, check, [...config, ...call.config], options.timeoutMs, signal);
        listingChecks.set(key, shared);
      }
      shared.users++;
      try {
        if (check.role === 'attributes') {
          const unsafe = await shared.result;
          if (unsafe) throw new UnsafeFileError(unsafe);
          return await runGit(call.args, { ...options, cwd: root, config: [...config, ...call.config], signal });
        }
        return await runBesideIgnoreCheck(call.args, { ...options, cwd: root, config: [...config, ...call.config], signal }, shared.result);
      } finally {
        // git answered before the check ended (runBesideIgnoreCheck) and no other call waits on it: its answer is no
        // longer needed, and it went on to its end (a readdir of every untracked folder, git check-ignore on them all)
        // after the tool had answered. Stopped, and forgotten, so that a later call looks again.
        if (--shared.users === 0 && !shared.settled) {
          shared.stop.abort();
          if (listingChecks.get(key) === shared) listingChecks.delete(key);
        }
      }
    },
    head: () => {
      headCache ??= repo
        .git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okExitCodes: [0, 1] })
        .then((r) => (r.exitCode === 0 ? r.stdout.toString('utf8').trim() : null));
      return headCache;
    },
  };
  return repo;
}

/** A folder check (checkListedFolders) shared by the calls of one repository that name the same paths. */
interface FolderCheck {
  result: Promise<UnsafeFile | undefined>;
  /** Stops the check's git commands and its walk; its result is then undefined. */
  stop: AbortController;
  /** Calls waiting on it now. */
  users: number;
  settled: boolean;
}

function startFolderCheck(
  root: string,
  check: { listing: string[]; role: 'attributes' | 'ignore' },
  config: Array<[string, string]>,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): FolderCheck {
  const stop = new AbortController();
  const entry: FolderCheck = { stop, users: 0, settled: false, result: Promise.resolve(undefined) };
  entry.result = checkListedFolders(root, check, config, timeoutMs, signal ? AbortSignal.any([signal, stop.signal]) : stop.signal).finally(() => {
    entry.settled = true;
  });
  return entry;
}

/**
 * Runs git (`args`, `options`) while `checked` looks for a .gitignore it would wait on, instead of after: a status
 * beside 10,000 untracked folders took git's time and the check's (a readdir of each, as git's own walk) one after the
 * other, twice git's. git opens a folder's .gitignore only to read it, taking no lock, so nothing is lost by starting
 * it first: when the check finds a FIFO, git (waiting on it, or about to) is stopped and the call refused with
 * UnsafeFileError, as before; when git ends first its answer stands (it waited on nothing), the check's end unawaited.
 * A git that fails before the check ends waits for it: a refusal naming the file explains more than git's error.
 */
export async function runBesideIgnoreCheck(args: readonly string[], options: GitRunOptions, checked: Promise<UnsafeFile | undefined>): Promise<GitRunResult> {
  const stop = new AbortController();
  const outer = options.signal;
  const forward = () => stop.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  const running = runGit(args, { ...options, signal: stop.signal });
  // Settled whichever way, so that a git stopped for an unsafe file is no unhandled rejection.
  const outcome = running.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  try {
    const first = await Promise.race([outcome, checked.then((unsafe) => ({ unsafe }))]);
    if ('result' in first) return first.result;
    const unsafe = 'unsafe' in first ? first.unsafe : await checked;
    if (unsafe) {
      stop.abort();
      throw new UnsafeFileError(unsafe);
    }
    const ended = await outcome;
    if ('error' in ended) throw ended.error;
    return ended.result;
  } finally {
    outer?.removeEventListener('abort', forward);
  }
}

/**
 * An unsafe file git would open in a folder of the paths a listing names (unsafe-files.ts folderCheckFor), found by
 * running the listing, which reads neither attributes nor ignore rules: a FIFO .gitattributes in a subfolder kept a
 * comparison of whole commits (git_diff_stat, git_show, git_file_churn) waiting for the time limit, and a FIFO
 * .gitignore there kept git_status waiting. A listing that fails or is cut short checks what it has: the call itself
 * then answers for its own failure.
 */
async function checkListedFolders(
  root: string,
  check: { listing: string[]; role: 'attributes' | 'ignore' },
  config: Array<[string, string]>,
  timeoutMs: number | undefined,
  signal?: AbortSignal,
): Promise<UnsafeFile | undefined> {
  const result = await runGit(check.listing, { cwd: root, config, signal, timeoutMs, maxBytes: 32 * 1024 * 1024, okExitCodes: [0, 128] }).catch(() => undefined);
  return result && unsafeFolderFileForListing(root, result.stdout, check.role, (folders) => ignoredFolders(root, folders, config, timeoutMs, signal), signal);
}

/**
 * Which of `folders` git's ignore rules ignore (`git check-ignore`, which reads the .gitignore files above them, not
 * theirs). A check that fails counts none ignored: the caller then looks into them all, as if git walked them.
 */
export async function ignoredFolders(root: string, folders: readonly string[], config: Array<[string, string]>, timeoutMs: number | undefined, signal?: AbortSignal): Promise<ReadonlySet<string>> {
  const ignored = new Set<string>();
  if (folders.length === 0) return ignored;
  // Named without a trailing slash: `git check-ignore new/` opens new/.gitignore (a FIFO there kept it waiting), `new`
  // does not, and a folder-only rule (`build/`) still matches, git looking at what the name is. Given on stdin and
  // answered with -z (NUL after each path, written as given): git quoted a name holding a newline, tab, quote or
  // backslash in its answer (`"build\nout"`), which then matched no folder asked about, and that ignored folder was
  // looked into. On stdin too, no argument list limits how many are asked at once, and a name git reads as pathspec
  // magic (`:(top)x`) no longer fails the check of the others: it matches none, and is looked into as if git walked it.
  const input = Buffer.from(folders.map((folder) => `${folder}\0`).join(''), 'utf8');
  const result = await runGit(['check-ignore', '--stdin', '-z'], { cwd: root, config, signal, timeoutMs, okExitCodes: [0, 1, 128], plainPaths: true, input, maxBytes: input.length + 1024 }).catch(() => undefined);
  if (result?.exitCode !== 0) return ignored;
  for (const path of result.stdout.toString('utf8').split('\0')) if (path) ignored.add(path);
  return ignored;
}

/**
 * The error when git did not even find the repository in time. The call had asked git for nothing but where the
 * repository is, so "narrow the request" would mislead: something git reads on every call waits. The repository's own
 * config files were checked before (config-files.ts); what is left is the person's global config and what it includes,
 * or a folder on a network drive that does not answer.
 */
function openingTimedOut(folder: string, error: GitTimeoutError): UserFacingError {
  return new UserFacingError(
    `git did not answer within ${Math.round(error.timeoutMs / 1000)} s while only finding the repository at ${folder}, before reading anything asked for: something git reads on every call keeps it waiting, such as a file your global git config (~/.gitconfig, or ~/.config/git/config) includes that is a FIFO, or a folder on a network drive that does not answer. \`git status\` in a terminal in that folder waits the same way; fix that, then ask again.`,
  );
}

/**
 * `folder` as the git folder of a bare repository when it looks like one as git's own test has it (a `HEAD` file and
 * `objects` and `refs` folders), else undefined: its config is then checked before git reads it, as a working tree's is.
 */
function bareGitDirs(folder: string): GitDirs | undefined {
  try {
    const looks = statSync(join(folder, 'HEAD')).isFile() && statSync(join(folder, 'objects')).isDirectory() && statSync(join(folder, 'refs')).isDirectory();
    return looks ? { gitDir: folder, commonDir: folder } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether git reads `folder` as a bare repository (git 2.3x refuses --show-toplevel there, as inside .git). */
async function isBare(folder: string, signal?: AbortSignal): Promise<boolean> {
  const bare = await runGit(['rev-parse', '--is-bare-repository'], { cwd: folder, signal, timeoutMs: 10_000, okExitCodes: [0, 128] }).catch(() => undefined);
  return bare?.stdout.toString('utf8').trim() === 'true';
}

/** Most linked working trees a bare repository's error names. */
const MAX_NAMED_WORKTREES = 10;

/**
 * Why `what` (e.g. "git_status lists uncommitted work") cannot be answered in a bare repository, naming its linked
 * working trees (`git worktree add`) when it has some: a bare clone with a tree per branch beside it (`.bare` and a
 * `.git` file naming it, opened as the project folder) is a common layout, and "point REPO_PATH at a working tree" left
 * the person to find which folders those are.
 */
export async function noWorkingTreeReason(repo: Repo, what: string): Promise<string> {
  const listed = await repo.git(['worktree', 'list', '--porcelain', '-z'], { timeoutMs: 10_000, okExitCodes: [0, 128, 129], maxBytes: 1024 * 1024 }).catch(() => undefined);
  const trees = listed?.exitCode === 0 ? linkedTrees(listed.stdout.toString('utf8')) : [];
  const head = `${repo.root} is a bare repository, which has no working tree of its own, and ${what}`;
  if (trees.length === 0) return `${head}: point REPO_PATH at a working tree (a clone without --bare) for that. History, commits, branches, blame and churn are read here.`;
  const named = trees.slice(0, MAX_NAMED_WORKTREES).map((t) => (t.branch ? `${sanitizeLine(t.folder, 300)} (${sanitizeLine(t.branch, 200)})` : sanitizeLine(t.folder, 300)));
  const more = trees.length > MAX_NAMED_WORKTREES ? ` and ${trees.length - MAX_NAMED_WORKTREES} more (\`git worktree list\`)` : '';
  return `${head}; its working trees are ${named.join(', ')}${more}: point REPO_PATH at one of them (or give each as a repository with --repos) for that. History, commits, branches, blame and churn are read here.`;
}

/** The working trees in `git worktree list --porcelain -z` output that exist: not the bare repository itself, not prunable. */
function linkedTrees(output: string): Array<{ folder: string; branch?: string }> {
  const trees: Array<{ folder: string; branch?: string }> = [];
  // Records of NUL-ended lines (`worktree <path>`, `bare`, `branch <ref>`, `prunable <reason>`), each ended by an empty line.
  let record: { folder: string; branch?: string; skip: boolean } | undefined;
  for (const line of output.split('\0')) {
    if (line.startsWith('worktree ')) record = { folder: line.slice('worktree '.length), skip: false };
    else if (record && (line === 'bare' || line === 'prunable' || line.startsWith('prunable '))) record.skip = true;
    else if (record && line.startsWith('branch ')) record.branch = line.slice('branch '.length).replace(/^refs\/heads\//, '');
    else if (record && line === '') {
      if (!record.skip) trees.push({ folder: record.folder, ...(record.branch ? { branch: record.branch } : {}) });
      record = undefined;
    }
  }
  return trees;
}

/**
 * The working tree must be the folder holding `.git` above the configured folder. Repository config
 * (core.worktree) can point git elsewhere, e.g. at `/`, which would let status list the whole disk.
 */
function assertExpectedWorktree(folder: string, root: string): void {
  let dir = realpathSync(folder);
  while (!existsSync(join(dir, '.git')) && dirname(dir) !== dir) dir = dirname(dir);
  if (existsSync(join(dir, '.git')) && realpathSync(root) !== dir) {
    throw new UserFacingError(
      `the repository at ${dir} points its working tree somewhere else (${sanitizeLine(root, 300)}), probably through core.worktree; this server only reads a working tree that contains its .git.`,
    );
  }
}

/**
 * What the server needs from the repository's config, in one call. `overrides`: clean/smudge filters named in config
 * would run on `git status` and worktree diffs; their names are only known from the config, so each one found is set
 * to empty (= no program). `files`: the mailmap, attributes and ignore files config names (checked by unsafe-files.ts).
 */
async function readRepoConfig(root: string, signal?: AbortSignal): Promise<{ overrides: Array<[string, string]>; files: ConfiguredFiles }> {
  const result = await runGit(['config', '-z', '--path', '--get-regexp', '^(filter\\..*|mailmap\\.file|core\\.attributesfile|core\\.excludesfile)$'], {
    cwd: root,
    signal,
    okExitCodes: [0, 1],
    timeoutMs: 10_000,
  });
  const names = new Set<string>();
  const files: ConfiguredFiles = {};
  for (const entry of result.stdout.toString('utf8').split('\0')) {
    const newline = entry.indexOf('\n');
    const key = newline < 0 ? entry : entry.slice(0, newline);
    const value = newline < 0 ? '' : entry.slice(newline + 1);
    const match = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (match) names.add(match[1]);
    // Relative paths in config are read from the top of the working tree, where git runs.
    else if (value !== '') files[key === 'mailmap.file' ? 'mailmap' : key === 'core.attributesfile' ? 'attributes' : 'ignore'] = resolve(root, value);
  }
  const overrides: Array<[string, string]> = [];
  for (const name of names) {
    overrides.push([`filter.${name}.clean`, ''], [`filter.${name}.smudge`, ''], [`filter.${name}.process`, ''], [`filter.${name}.required`, 'false']);
  }
  return { overrides, files };
}

/**
 * What to say when git stopped reading config includes 10 levels deep: almost always files that include each other
 * (a.inc names b.inc, which names a.inc). git names the chain on the lines after its "fatal:" line (`\t<file>`, `from`,
 * `\t<file>`, ...), which the first-line message left out; the distinct files are named here, in git's order.
 * Undefined for any other failure.
 */
function includeCircle(stderr: string): string | undefined {
  if (!/exceeded maximum include depth/i.test(stderr)) return undefined;
  const files = [...new Set(stderr.split('\n').filter((line) => line.startsWith('\t')).map((line) => line.trim()).filter(Boolean))];
  const named = files.length > 0 ? ` (${sanitizeLine(files.slice(0, 6).join(', '), 600)})` : '';
  return `the repository's git config includes files more than 10 levels deep, most likely in a circle: files that include each other${named} through include.path or includeIf.*.path; remove the include that leads back, then ask again.`;
}

/** Turns a git failure into a message a person can act on. */
export function explainGitFailure(error: unknown, folder?: string): Error {
  if (error instanceof UserFacingError) return error;
  if (error instanceof GitTimeoutError) return new UserFacingError(error.message);
  if (error instanceof GitCommandError) {
    const message = sanitizeLine(error.message, 500);
    // "not a git repository: <dir>" (a path, not "(or any of the parent directories)"): a .git file names a git folder
    // that is not there, as in a linked worktree or submodule whose repository was moved or deleted.
    const pointer = /not a git repository: (\/.*|[A-Za-z]:[\\/].*)$/im.exec(error.stderr)?.[1]?.trim();
    if (pointer) {
      return new UserFacingError(
        `${folder ?? 'the configured folder'} is a linked worktree or submodule whose .git file points to ${sanitizeLine(pointer, 300)}, which is not a repository (moved or deleted?): run \`git worktree repair\` in the main repository after moving it, or \`git worktree prune\` there if it is gone.`,
      );
    }
    if (/not a git repository/i.test(error.stderr)) {
      return new UserFacingError(`not a git repository: ${folder ?? 'the configured folder'}. Set REPO_PATH (or --repo) to a folder inside a git working tree.`);
    }
    if (/promisor remote|lazy fetching disabled/i.test(error.stderr)) {
      return new UserFacingError(
        `this needs git objects that are not in this repository: it is a partial clone (made with --filter), which downloads old file contents only when they are read, and this server never fetches (it reads what is on disk and runs nothing the repository's config names for fetching). Running the same git command in a terminal downloads them; so does cloning without --filter. git said: ${message}`,
      );
    }
    const circle = includeCircle(error.stderr);
    if (circle) return new UserFacingError(circle);
    if (/dubious ownership/i.test(error.stderr)) {
      return new UserFacingError(`git refuses this repository because it belongs to another user (${message}). Add it to safe.directory in your global git config if you trust it.`);
    }
    return new UserFacingError(`git failed: ${message}`);
  }
  if (error instanceof Error && /ENOENT/.test(error.message)) return new UserFacingError('git is not installed or not on PATH.');
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs a repo call and converts git failures into user-facing messages. */
export async function gitOrExplain(repo: Repo, args: readonly string[], options?: RepoGitOptions): Promise<GitRunResult> {
  try {
    return await repo.git(args, options);
  } catch (error) {
    throw explainGitFailure(error, repo.root);
  }
}

/**
 * The note when git gave up looking for renames (more changed files than diff.renameLimit, which the repository's
 * config may set low): it warns on stderr only, and each renamed file is then listed as one deleted and one added, so
 * counts of files and lines double for them.
 */
export function renameLimitNote(stderr: string): string | undefined {
  if (!/rename detection was skipped/.test(stderr)) return undefined;
  const limit = /renameLimit variable to at least (\d+)/.exec(stderr)?.[1];
  return `git skipped rename detection here (more changed files than its rename limit${limit ? `; diff.renameLimit ${limit} would cover them` : ''}): renamed files are counted as deleted and added.`;
}

/** `text` (a message starting in lower case) as a sentence for a result's note. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when any branch, remote-tracking branch or tag exists, i.e. the repository has commits somewhere. */
export async function hasAnyCommit(repo: Repo): Promise<boolean> {
  const refs = await repo.git(['for-each-ref', '--count=1', '--format=%(objectname)', 'refs/heads', 'refs/remotes', 'refs/tags'], { okExitCodes: [0, 128] });
  return refs.stdout.toString('utf8').trim() !== '';
}

/**
 * Why HEAD names no commit (call when `repo.head()` is null). Either the repository has no commits
 * at all, or only the checked-out branch is unborn (after `git checkout --orphan`, or `git init`
 * plus a fetch) while other branches have history: saying "no commits yet" then would be false.
 */
export async function explainNoHead(repo: Repo): Promise<string> {
  if (!(await hasAnyCommit(repo))) return `the repository at ${repo.root} has no commits yet, so there is no history to read.`;
  const branch = await repo.git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [0, 1, 128] });
  const name = sanitizeLine(branch.stdout.toString('utf8').trim(), 200);
  return `the checked-out branch${name ? ` '${name}'` : ''} has no commits yet (HEAD is unborn), but other branches do: pass one as the ref (git_branches lists them).`;
}
