import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GitServerContext } from '../context';
import { explainGitFailure, noWorkingTreeReason, type Repo } from '../repo/repo';
import { UserFacingError } from '../../shared/tool-result';
import { resolveRepoPath, subfolderHint } from '../repo/validate';
import { countChanges, readStatus, upstreamState } from '../repo/status';
import { readOperation } from '../repo/operation';
import { indexLockNote, readIndexLock } from '../repo/index-lock';
import { sanitizeLine } from '../../shared/sanitize';
import { registerGitTool } from './register';
import { DISPLAY_PATH, EXACT_PATH, pathInput } from './schemas';

const inputSchema = z.object({
  limit: z.number().int().min(1).max(2000).default(200).describe('Most changed files to list (counts always cover all)'),
  path: pathInput
    .optional()
    .describe('Only the changes to this file or under this folder (listed paths stay relative to the repository root); files, counts and clean then cover it alone, the branch fields still the whole repository'),
});

const entrySchema = z.object({
  path: z.string().describe(EXACT_PATH),
  displayPath: z.string().optional().describe(DISPLAY_PATH),
  origPath: z.string().optional().describe('Previous exact path of a renamed or copied file'),
  displayOrigPath: z.string().optional().describe(DISPLAY_PATH),
  kind: z.enum(['changed', 'renamed', 'copied', 'unmerged', 'untracked']),
  staged: z.string().describe("Staged change: M modified, A added, D deleted, R renamed, C copied, T type changed, U unmerged, '.' none"),
  unstaged: z.string().describe("Unstaged change in the working tree, same letters; '?' for untracked"),
  submodule: z.string().optional().describe('For a submodule: "new commits", "modified content" and/or "untracked content" (work inside it)'),
});

const outputSchema = z.object({
  root: z.string(),
  path: z.string().optional().describe('The file or folder the files, counts and clean cover (relative to root), when path was given'),
  branch: z.string().nullable().describe('Checked-out branch; null when HEAD is detached'),
  detached: z.boolean(),
  headHash: z.string().nullable().describe('null in a repository without commits'),
  upstream: z.string().optional(),
  ahead: z.number().int().optional().describe('Commits on the branch not on its upstream; absent when the upstream is gone'),
  behind: z.number().int().optional().describe('Commits on the upstream not on the branch; absent when the upstream is gone'),
  upstreamGone: z.boolean().optional().describe('True when the upstream branch no longer exists (deleted on the remote and pruned): nothing tells whether the branch is pushed'),
  clean: z.boolean().describe('True when nothing is staged, modified, conflicted or untracked (under path, when given)'),
  counts: z
    .object({ staged: z.number().int(), unstaged: z.number().int(), untracked: z.number().int(), conflicted: z.number().int() })
    .describe('Entries, as git status lists them: a folder none of whose files are tracked is one untracked entry (its path ends in /), whatever it holds'),
  files: z.array(entrySchema),
  truncated: z.boolean().describe('True when not every changed file is listed (counts cover all; the note says how to get them)'),
  note: z.string().optional(),
  operation: z
    .object({
      kind: z.enum(['merge', 'rebase', 'cherry-pick', 'revert', 'am', 'bisect']),
      commits: z.array(z.string()).optional().describe('Full hashes: the merged commit(s), the commit being picked or reverted, or the commit a rebase goes onto'),
      branch: z.string().optional().describe('For a rebase: the branch being rebased (HEAD is detached meanwhile)'),
      step: z.number().int().optional().describe('For a rebase or am: the step git stopped at (1-based)'),
      total: z.number().int().optional().describe('For a rebase or am: how many steps there are'),
      alsoBisecting: z.boolean().optional().describe('True when a bisect is running alongside this operation'),
      next: z.string().describe("How to go on or back out, in git's commands"),
    })
    .optional()
    .describe('An operation git stopped in the middle of (absent when none): the files listed are its state'),
  indexLock: z
    .object({ path: z.string(), ageSeconds: z.number().int() })
    .optional()
    .describe("The working tree's index.lock, when one older than a few seconds exists: git refuses to stage, commit, check out or pull until it is gone (the note says why it may be there)"),
});

type StatusInput = z.output<typeof inputSchema>;
type StatusOutput = z.output<typeof outputSchema>;

export function registerStatusTool(server: McpServer, context: GitServerContext): void {
  registerGitTool(server, context, {
    name: 'git_status',
    title: 'Git working tree status',
    description:
      'Uncommitted work: staged, unstaged, untracked and conflicted files (in the whole tree, or under one path), the branch and how far it is ahead/behind its upstream, and a merge, rebase, cherry-pick, revert, am or bisect stopped midway. Use it for "what have I changed", "is my tree clean", "are there merge conflicts", before suggesting a commit or a pull.',
    input: inputSchema,
    output: outputSchema,
    list: 'files',
    rest: 'Not every changed file is listed (counts cover all of them): raise limit (up to 2000) to list more, or give path to list one folder.',
    narrow: 'the counts cover every changed file; give path to list one folder at a time',
    run: readWorkingTree,
  });
}

function upstreamFields(upstream: ReturnType<typeof upstreamState>): Pick<StatusOutput, 'upstream' | 'ahead' | 'behind' | 'upstreamGone'> {
  if (!upstream) return {};
  if ('gone' in upstream) return { upstream: upstream.name, upstreamGone: true };
  return { upstream: upstream.name, ahead: upstream.ahead, behind: upstream.behind };
}

async function readWorkingTree(input: StatusInput, repo: Repo): Promise<StatusOutput> {
  if (repo.bare) throw new UserFacingError(await noWorkingTreeReason(repo, 'git_status lists uncommitted work in a working tree'));
  // Resolved (symlinks followed, then checked to be inside the working tree) as every tool's path is.
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const [status, operation, indexLock] = await Promise.all([readStatus(repo, undefined, undefined, path), readOperation(repo), readIndexLock(repo)]).catch((error: unknown) => {
    throw explainGitFailure(error, repo.root);
  });
  const quiet = path !== undefined && path !== '.' && status.entries.length === 0;
  const absent = quiet && !existsSync(join(repo.root, path)) ? missingPathNote(path, subfolderHint(repo, path)) : undefined;
  const ignored = quiet && absent === undefined ? await ignoredPathNote(repo, path) : undefined;
  return {
    root: repo.root,
    ...(path === undefined ? {} : { path }),
    branch: status.branch,
    detached: status.detached,
    headHash: status.oid,
    ...upstreamFields(upstreamState(status)),
    clean: status.entries.length === 0 && !status.truncated,
    counts: countChanges(status.entries),
    files: status.entries.slice(0, input.limit),
    truncated: status.entries.length > input.limit || status.truncated,
    ...(operation ? { operation } : {}),
    ...(indexLock ? { indexLock } : {}),
    ...joinNotes([absent, ignored, untrackedFoldersNote(status.entries).note, indexLock ? indexLockNote(indexLock) : undefined]),
  };
}

/**
 * The note when `path` names nothing in the working tree and nothing changed there: "clean" alone would read as "this
 * file has no changes" for a name that may be misspelled. (A deleted tracked file is listed with its deletion, so it
 * is not this.)
 */
function missingPathNote(path: string, hint: string): string {
  return `${JSON.stringify(path)} is not in the working tree and has no changes: nothing there to list (check the spelling; paths are relative to the repository root${hint}; git_log with this path shows whether it was ever committed).`;
}

/**
 * The note when `path` (relative to the root, in the working tree, nothing listed under it) is ignored by git: "clean"
 * alone read as "nothing changed there" for a build output or cache folder whose files git never lists, changed or new
 * (a tracked file is still listed when changed: `git check-ignore` counts neither it nor a folder holding one as
 * ignored, so neither gets the note). Names the rule that ignores it (`git check-ignore -v`: the file, line and
 * pattern). Undefined when it is not ignored (a negated pattern matched it too), or git cannot say.
 */
async function ignoredPathNote(repo: Repo, path: string): Promise<string | undefined> {
  // -z is taken only with --stdin: the path is given there, ended by NUL, and without a trailing slash, as
  // ignoredFolders (repo.ts) names folders. check-ignore takes paths and refuses pathspec magic (plainPaths).
  const name = path.replace(/\/+$/, '');
  const checked = await repo
    .git(['check-ignore', '-v', '-z', '--stdin'], { input: Buffer.from(`${name}\0`), plainPaths: true, maxBytes: 64 * 1024, okExitCodes: [0, 1] })
    .catch(() => undefined);
  if (checked?.exitCode !== 0) return undefined;
  // -v -z: source NUL line NUL pattern NUL path NUL.
  const [source = '', line = '', pattern = ''] = checked.stdout.toString('utf8').split('\0');
  // With -v git also names a negated pattern (`!logs/keep`) that matched, and exits 0: that path is not ignored.
  if (pattern.startsWith('!')) return undefined;
  const rule = source ? ` (${sanitizeLine(source, 300)}:${sanitizeLine(line, 20)} ${JSON.stringify(sanitizeLine(pattern, 300))})` : '';
  return `${JSON.stringify(path)} is ignored by git${rule}: files there are never listed, changed or new, so clean says nothing about them (only a tracked file there is listed when it changes).`;
}

function joinNotes(notes: ReadonlyArray<string | undefined>): { note?: string } {
  const said = notes.filter((n): n is string => n !== undefined);
  return said.length > 0 ? { note: said.join(' ') } : {};
}

/**
 * The note when untracked entries are folders: git lists a folder none of whose files are tracked as one entry, so
 * "1 untracked" stood for a new folder of 10,000 files without a word (break30).
 */
function untrackedFoldersNote(entries: readonly { kind: string; path: string }[]): { note?: string } {
  const folders = entries.filter((e) => e.kind === 'untracked' && e.path.endsWith('/'));
  if (folders.length === 0) return {};
  const named = folders.slice(0, 3).map((f) => f.path).join(', ');
  return {
    note: `${folders.length} untracked entr${folders.length === 1 ? 'y is a folder' : 'ies are folders'} (${named}${folders.length > 3 ? ', …' : ''}): git lists a folder none of whose files are tracked as one entry, so counts.untracked counts ${folders.length === 1 ? 'it' : 'them'} once, not the files inside.`,
  };
}
