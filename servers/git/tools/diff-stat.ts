import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GitServerContext } from '../context';
import { sumStats } from '../repo/parse';
import { emptyTree, explainGitFailure, gitOrExplain, renameLimitNote, type Repo } from '../repo/repo';
import { missingObjectsAdvice, notCountedNote, numstatOrPartial } from '../repo/partial-clone';
import { explainUntouchedPath, resolveCommit, resolveRepoPath } from '../repo/validate';
import { submoduleMoves, submoduleNote } from '../repo/submodule-stats';
import { lfsChanges, lfsNote } from '../repo/lfs-pointers';
import { registerGitTool } from './register';
import { fileStatSchema, pathInput, refInput } from './schemas';

const inputSchema = z.object({
  from: refInput('Older side of the comparison').optional().describe('Older side (a branch, tag, commit or HEAD~N). Default: the first parent of "to"; for the first commit, the empty tree'),
  to: refInput('Newer side of the comparison').default('HEAD'),
  path: pathInput.optional().describe('Only files under this file or folder (relative to the repository root)'),
  limit: z.number().int().min(1).max(2000).default(200).describe('Most files to list (totals always cover every file)'),
});

const outputSchema = z.object({
  from: z.string().describe('Full hash of the older side, or the empty tree for a first commit'),
  to: z.string().describe('Full hash of the newer side'),
  fromLabel: z.string(),
  toLabel: z.string(),
  files: z.array(fileStatSchema),
  totals: z.object({ files: z.number().int(), added: z.number().int(), deleted: z.number().int() }),
  truncated: z.boolean().describe('True when not every changed file is listed'),
  note: z.string().optional(),
});

type DiffStatInput = z.output<typeof inputSchema>;
type DiffStatOutput = z.output<typeof outputSchema>;

export function registerDiffStatTool(server: McpServer, context: GitServerContext): void {
  registerGitTool(server, context, {
    name: 'git_diff_stat',
    title: 'Git diff statistics',
    description:
      'Lines added and deleted per file between two commits (renames detected). Use it for "how big is this change", "what did the last commit touch", or "what differs between main and my branch" (from "main", to the branch; when main has moved on since the branch forked, the note gives the merge base to use as "from" for what the branch itself changes). Without "from" it compares "to" with its parent, and works on a repository with a single commit. For uncommitted changes use git_status.',
    input: inputSchema,
    output: outputSchema,
    list: 'files',
    rest: 'Not every changed file is listed (totals cover all of them): raise limit (up to 2000), or give path to list one folder at a time.',
    narrow: 'give path to list one folder at a time (totals cover every file)',
    run: readDiffStat,
  });
}

async function readDiffStat(input: DiffStatInput, repo: Repo): Promise<DiffStatOutput> {
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const to = await resolveCommit(repo, input.to, 'to');
  const { from, fromLabel, note } = input.from !== undefined ? { from: await resolveCommit(repo, input.from, 'from'), fromLabel: input.from, note: undefined } : await parentSide(repo, to, input.to);
  const diffArgs = ['-M', '--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=none'];
  const pathArgs = path ? ['--', path] : ['--'];
  const result = await numstatOrPartial(repo, () => repo.git(['diff', '--numstat', '-z', ...diffArgs, from, to, ...pathArgs], { maxBytes: 8 * 1024 * 1024 }), { from, to, pathArgs, diffArgs }).catch(
    (error: unknown) => Promise.reject(explainGitFailure(error, repo.root)),
  );
  const [moves, lfs] = await Promise.all([submoduleMoves(repo, from, to, pathArgs), lfsChanges(repo, from, to, pathArgs)]);
  const all = result.files.map((f) => (moves.has(f.path) ? { ...f, submodule: true as const } : lfs.has(f.path) ? { ...f, lfs: true as const } : f));
  const partial = result.missing.size > 0 ? await missingObjectsAdvice(repo, result.missing, `git diff --stat ${from} ${to}`) : undefined;
  const files = all.slice(0, input.limit);
  const untouched = path !== undefined && all.length === 0 ? await explainUnchangedBetween(repo, path, { from, to }, { from: fromLabel, to: input.to }) : undefined;
  const diverged = input.from !== undefined ? await explainDiverged(repo, { from, to }, { from: fromLabel, to: input.to }) : undefined;
  const notes = [note, diverged, untouched, partial && notCountedNote(all, partial), renameLimitNote(result.stderr), submoduleNote(moves), lfsNote(lfs)].filter(Boolean).join(' ');
  return { from, to, fromLabel, toLabel: input.to, files, totals: sumStats(all), truncated: all.length > input.limit || result.truncated, ...(notes ? { note: notes } : {}) };
}

/**
 * The note when `from` is not an ancestor of `to`: the comparison is of two trees, so what only `from` has (work merged to
 * main after the branch forked) reads as deleted by `to`. A pull request shows the change from the merge base; when `to`
 * is an ancestor of `from`, the sides were swapped and the note says so.
 */
async function explainDiverged(repo: Repo, sides: { from: string; to: string }, labels: { from: string; to: string }): Promise<string | undefined> {
  const ancestor = await repo.git(['merge-base', '--is-ancestor', sides.from, sides.to], { okExitCodes: [0, 1] });
  if (ancestor.exitCode === 0) return undefined;
  // The two sides given the wrong way round (from HEAD to HEAD~1): the merge base is `to` itself, so offering it as
  // `from` would compare `to` with itself.
  const reversed = await repo.git(['merge-base', '--is-ancestor', sides.to, sides.from], { okExitCodes: [0, 1] });
  if (reversed.exitCode === 0) {
    return `${labels.from} is newer than ${labels.to} (${labels.to} is an ancestor of it), so the two sides are the wrong way round: what ${labels.from} added since ${labels.to} is counted as deleted, what it deleted as added. For what ${labels.from} changes, swap them: from "${labels.to}", to "${labels.from}".`;
  }
  const base = await repo.git(['merge-base', sides.from, sides.to], { okExitCodes: [0, 1] });
  const hash = base.stdout.toString('utf8').trim();
  const head = `${labels.from} is not an ancestor of ${labels.to}: this compares the two trees, so changes made on ${labels.from} since they forked count as deleted by ${labels.to}.`;
  if (base.exitCode !== 0 || hash === '') return `${head} They share no history.`;
  return `${head} For what ${labels.to} itself changes (a pull request's view), compare from their merge base: from "${hash}".`;
}

/** The note when nothing under `path` differs between the two sides: whether it exists on either. */
async function explainUnchangedBetween(repo: Repo, path: string, sides: { from: string; to: string }, labels: { from: string; to: string }): Promise<string> {
  const spec = path === '.' ? '' : path;
  // The name is looked up in the tree, not read: a submodule's commit or a partial clone's undownloaded file exists too.
  const [inFrom, inTo] = await Promise.all(
    [sides.from, sides.to].map(async (side) => (await repo.git(['rev-parse', '--verify', '--quiet', `${side}:${spec}`], { okExitCodes: [0, 1, 128] })).exitCode === 0),
  );
  if (inFrom || inTo) return `Nothing under ${JSON.stringify(path)} differs between ${labels.from} and ${labels.to}; it exists there unchanged.`;
  return explainUntouchedPath(repo, path, [sides.to], labels.to);
}

/** The older side when none was given: the first parent of `to`, or the empty tree for a first commit. */
async function parentSide(repo: Repo, to: string, toLabel: string): Promise<{ from: string; fromLabel: string; note?: string }> {
  const parents = (await gitOrExplain(repo, ['rev-list', '--parents', '-n', '1', to])).stdout.toString('utf8').trim().split(' ').slice(1);
  if (parents.length === 0) {
    const note = repo.shallow
      ? 'This commit has no parent in this shallow clone, so it is compared with the empty tree (its real parent is not available).'
      : 'This is the first commit, so it is compared with the empty tree.';
    return { from: emptyTree(repo), fromLabel: 'empty tree', note };
  }
  return { from: parents[0], fromLabel: `${toLabel}^ (first parent)`, ...(parents.length > 1 ? { note: 'A merge commit: compared with its first parent.' } : {}) };
}
