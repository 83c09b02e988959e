import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, toolResult } from '../../shared/tool-result';
import { fitList } from '../budget';
import type { GitServerContext } from '../context';
import { parseNumstat } from '../git/parse';
import { emptyTree, gitOrExplain, openRepo, requireHead } from '../git/repo';
import { resolveCommit, resolveRepoPath } from '../git/validate';
import { fileStatSchema, pathInput, READ_ONLY, refInput } from '../schemas';

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

export function registerDiffStatTool(server: McpServer, context: GitServerContext): void {
  server.registerTool(
    'git_diff_stat',
    {
      title: 'Git diff statistics',
      description:
        'Lines added and deleted per file between two commits (renames detected). Use it for "how big is this change", "what did the last commit touch", or "what differs between main and my branch" (from "main", to the branch). Without "from" it compares "to" with its parent, and works on a repository with a single commit. For uncommitted changes use git_status.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (input, extra) => {
      const repo = await openRepo(context.repoPath, extra.signal);
      await requireHead(repo);
      const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
      const to = await resolveCommit(repo, input.to, 'to');
      let from: string;
      let fromLabel: string;
      let note: string | undefined;
      if (input.from !== undefined) {
        from = await resolveCommit(repo, input.from, 'from');
        fromLabel = input.from;
      } else {
        const parents = (await gitOrExplain(repo, ['rev-list', '--parents', '-n', '1', to])).stdout.toString('utf8').trim().split(' ').slice(1);
        if (parents.length === 0) {
          from = emptyTree(repo);
          fromLabel = 'empty tree';
          note = repo.shallow
            ? 'This commit has no parent in this shallow clone, so it is compared with the empty tree (its real parent is not available).'
            : 'This is the first commit, so it is compared with the empty tree.';
        } else {
          from = parents[0];
          fromLabel = `${input.to}^ (first parent)`;
          if (parents.length > 1) note = 'A merge commit: compared with its first parent.';
        }
      }
      const args = ['diff', '--numstat', '-z', '-M', '--no-ext-diff', '--no-textconv', '--no-color', '--ignore-submodules=none', from, to, '--'];
      if (path) args.push(path);
      const result = await gitOrExplain(repo, args, { maxBytes: 8 * 1024 * 1024 });
      const all = parseNumstat(result.stdout.toString('utf8'), false)[0].files;
      const totals = all.reduce((t, f) => ({ files: t.files + 1, added: t.added + f.added, deleted: t.deleted + f.deleted }), { files: 0, added: 0, deleted: 0 });
      const files = all.slice(0, input.limit);
      const [data, cut] = fitList(
        { from, to, fromLabel, toLabel: input.to, files, totals, truncated: all.length > input.limit || result.truncated, ...(note ? { note } : {}) },
        'files',
      );
      return toolResult({ ...data, truncated: data.truncated || cut });
    }),
  );
}
