import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import { isMultiRepository, listNames, type GitServerContext } from '../context';
import { currentBranch } from '../repo/head';
import { COMMIT_FORMAT, parseCommitList, type CommitSummary } from '../repo/parse';
import { withRawDates } from '../repo/raw-dates';
import { explainNoHead, hasAnyCommit, noWorkingTreeReason, openRepo, sentence, type Repo } from '../repo/repo';
import { countChanges, readStatus, upstreamState } from '../repo/status';
import { readOperation, type Operation } from '../repo/operation';
import { indexLockNote, readIndexLock, type IndexLock } from '../repo/index-lock';
import { redactRemoteUrl } from '../repo/urls';
import { mailmapSkippedNote, UnsafeFileError } from '../repo/unsafe-files';

export const INFO_URI = 'git://info';

export interface RepoInfo {
  isRepository: boolean;
  path: string;
  message?: string;
  root?: string;
  /**
   * The folder the server was pointed at (REPO_PATH), relative to `root` with '/', when it is below the root (a VS Code
   * workspace opened on one package of a monorepo); absent at the root. The note says what it changes.
   */
  subfolder?: string;
  /** A bare repository opened through its project folder (`root`, the `.bare` layout): its git folder. */
  gitDir?: string;
  branch?: string | null;
  detached?: boolean;
  /** True only when the repository has no commits at all (an unborn branch beside others with history is not empty). */
  empty?: boolean;
  /**
   * Set when HEAD names no commit although the repository has some (what that means and what to do), when the working
   * tree's state could not be read (an unsafe attributes or ignore file: upstream, dirty and changes are then absent),
   * in a bare repository (why there is no dirty state), for a leftover index.lock, or when names were read without the
   * .mailmap.
   */
  note?: string;
  shallow?: boolean;
  /** A bare repository (no working tree): `dirty`, `changes` and `upstream` are absent, the note says why. */
  bare?: boolean;
  lastCommit?: Omit<CommitSummary, 'parents'> | null;
  /** The upstream with its counts, or `gone: true` when it was deleted on the remote (no counts: nothing tells whether the branch is pushed). */
  upstream?: { name: string; ahead: number; behind: number } | { name: string; gone: true } | null;
  /** True when `changes` stopped counting (git status printed more than the cap). */
  changesTruncated?: boolean;
  remotes?: Array<{ name: string; fetchUrl?: string; pushUrl?: string }>;
  dirty?: boolean;
  changes?: { staged: number; unstaged: number; untracked: number; conflicted: number };
  /** A merge, rebase, cherry-pick, revert, am or bisect git stopped in the middle of; absent when none. */
  operation?: Operation;
  /** The working tree's index.lock when one older than a few seconds exists (the note says what it blocks), as git_status gives it. */
  indexLock?: IndexLock;
}

/**
 * git://info: the overview of the one repository; with several, every repository's overview (each
 * with its `name`), and git://info/<name> (URI-encoded) for one of them.
 */
export function registerInfoResource(server: McpServer, context: GitServerContext): void {
  const json = (uri: URL, data: unknown) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data, null, 2) }] });
  const description =
    'Current branch (or detached HEAD), upstream and ahead/behind, remotes (credentials removed), last commit, dirty or clean, a merge/rebase/cherry-pick/revert/am/bisect in progress, a leftover index.lock, repository root (and the subfolder the server was pointed at, when below it).';
  if (!isMultiRepository(context)) {
    const [only] = context.repositories;
    server.registerResource('git-info', INFO_URI, { title: 'Repository overview', description, mimeType: 'application/json' }, async (uri, extra) =>
      json(uri, await readInfo(only.path, extra.signal)),
    );
    return;
  }
  server.registerResource(
    'git-info',
    INFO_URI,
    { title: 'Overview of every repository', description: `For each repository (${listNames(context)}): ${description}`, mimeType: 'application/json' },
    async (uri, extra) => json(uri, { repositories: await Promise.all(context.repositories.map(async (r) => ({ name: r.name, ...(await readInfo(r.path, extra.signal)) }))) }),
  );
  for (const repository of context.repositories) {
    server.registerResource(
      `git-info-${repository.name}`,
      repositoryInfoUri(repository.name),
      { title: `Repository overview: ${repository.name}`, description: `${repository.path}: ${description}`, mimeType: 'application/json' },
      async (uri, extra) => json(uri, { name: repository.name, ...(await readInfo(repository.path, extra.signal)) }),
    );
  }
}

/** The URI of one repository's overview when the server reads several. */
export function repositoryInfoUri(name: string): string {
  return `${INFO_URI}/${encodeURIComponent(name)}`;
}

export async function readInfo(repoPath: string, signal?: AbortSignal): Promise<RepoInfo> {
  let repo: Repo;
  try {
    repo = await openRepo(repoPath, signal);
  } catch (error) {
    if (error instanceof UserFacingError) return { isRepository: false, path: repoPath, message: error.message };
    throw error;
  }
  const [head, status, remotes, lastCommit, operation, indexLock] = await Promise.all([
    currentBranch(repo),
    // git status reads attributes and ignore rules: with one unsafe (unsafe-files.ts) the overview is given without it.
    // A bare repository has no working tree to read, nor an operation stopped in one.
    repo.bare
      ? undefined
      : readStatus(repo).catch((error: unknown) => {
          if (error instanceof UnsafeFileError) return error;
          throw error;
        }),
    readRemotes(repo),
    readLastCommit(repo),
    repo.bare ? undefined : readOperation(repo),
    // Said here too: the overview read first said nothing of why every commit, pull and checkout fails.
    repo.bare ? undefined : readIndexLock(repo),
  ]);
  const unborn = head.hash === null && (await hasAnyCommit(repo));
  const unsafe = status instanceof UnsafeFileError ? `The working tree's state (dirty, changes, upstream) is not known: ${status.message}` : undefined;
  const bare = repo.bare ? sentence(await noWorkingTreeReason(repo, 'so it has no dirty state or changes to show')) : undefined;
  // Pointed at a package of a monorepo, its user reads `root` as their folder: what is whole-repository is said.
  const below = repo.subfolder === undefined ? undefined : `This server was pointed at ${JSON.stringify(repo.subfolder)}, a folder below the repository root: branch, dirty and changes are the whole repository's, and tool paths are relative to the root (a path naming nothing there is read in ${JSON.stringify(repo.subfolder)}).`;
  const notes = [below, bare, unborn ? sentence(await explainNoHead(repo)) : undefined, unsafe, indexLock ? indexLockNote(indexLock) : undefined, mailmapSkippedNote(repo.unsafeFiles)].filter(Boolean);
  const state =
    status === undefined || status instanceof UnsafeFileError
      ? {}
      : {
          upstream: upstreamState(status) ?? null,
          dirty: status.entries.length > 0,
          changes: countChanges(status.entries),
          ...(status.truncated ? { changesTruncated: true } : {}),
        };
  return {
    isRepository: true,
    path: repoPath,
    // The `.bare` layout: the project folder is the root a person knows; `.bare` is where git keeps it.
    root: repo.projectFolder ?? repo.root,
    ...(repo.projectFolder ? { gitDir: repo.root } : {}),
    ...(repo.subfolder !== undefined ? { subfolder: repo.subfolder } : {}),
    branch: head.branch,
    detached: head.detached,
    empty: head.hash === null && !unborn,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
    shallow: repo.shallow,
    ...(repo.bare ? { bare: true } : {}),
    lastCommit,
    remotes,
    ...state,
    ...(operation ? { operation } : {}),
    ...(indexLock ? { indexLock } : {}),
  };
}

async function readLastCommit(repo: Repo): Promise<RepoInfo['lastCommit']> {
  const head = await repo.head();
  if (!head) return null;
  const result = await repo.git(['log', '-z', '-1', `--format=${COMMIT_FORMAT}`, head, '--']);
  const [commit] = await withRawDates(repo, parseCommitList(result.stdout.toString('utf8')));
  if (!commit) return null;
  const { parents: _parents, ...rest } = commit;
  return rest;
}

async function readRemotes(repo: Repo): Promise<NonNullable<RepoInfo['remotes']>> {
  const result = await repo.git(['config', '-z', '--get-regexp', '^remote\\..*\\.(url|pushurl)$'], { okExitCodes: [0, 1] });
  const remotes = new Map<string, { name: string; fetchUrl?: string; pushUrl?: string }>();
  for (const entry of result.stdout.toString('utf8').split('\0')) {
    const newline = entry.indexOf('\n');
    if (newline < 0) continue;
    const match = /^remote\.(.+)\.(url|pushurl)$/s.exec(entry.slice(0, newline));
    if (!match) continue;
    const name = sanitizeLine(match[1], 200);
    const remote = remotes.get(name) ?? { name };
    const url = redactRemoteUrl(entry.slice(newline + 1));
    if (match[2] === 'url') remote.fetchUrl ??= url;
    else remote.pushUrl ??= url;
    remotes.set(name, remote);
  }
  return [...remotes.values()].slice(0, 50);
}
