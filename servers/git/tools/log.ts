import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, toolResult } from '../../shared/tool-result';
import { fitList } from '../budget';
import type { GitServerContext } from '../context';
import { DATE_HELP, dateWindowArgs } from '../git/dates';
import { COMMIT_FORMAT, parseCommitList } from '../git/parse';
import { gitOrExplain, openRepo } from '../git/repo';
import { plainText, resolveRange, resolveRepoPath } from '../git/validate';
import { commitSchema, pathInput, READ_ONLY } from '../schemas';

const inputSchema = z.object({
  count: z.number().int().min(1).max(500).default(20).describe('How many commits to return, newest first (1-500)'),
  ref: z
    .string()
    .min(1)
    .max(520)
    .optional()
    .describe('Where to start: a branch, tag or commit (default HEAD), or a range A..B for commits in B that are not in A'),
  author: z.string().min(1).max(200).optional().describe('Only commits whose author name or email contains this text (case-insensitive)'),
  grep: z.string().min(1).max(200).optional().describe('Only commits whose message contains this text (case-insensitive)'),
  since: z.string().min(1).max(64).optional().describe(`Only commits after this: ${DATE_HELP}`),
  until: z.string().min(1).max(64).optional().describe(`Only commits before this: ${DATE_HELP}`),
  path: pathInput.optional().describe('Only commits touching this file or folder (relative to the repository root)'),
  includeMerges: z.boolean().default(true).describe('Set false to leave out merge commits'),
});

const outputSchema = z.object({
  ref: z.string(),
  commits: z.array(commitSchema),
  returned: z.number().int(),
  truncated: z.boolean().describe('True when more commits matched than were returned'),
  since: z.string().optional().describe('The resolved start of the window (ISO)'),
  until: z.string().optional().describe('The resolved end of the window (ISO)'),
  shallow: z.boolean().describe('True when the clone is shallow and older history is missing'),
  note: z.string().optional(),
});

export function registerLogTool(server: McpServer, context: GitServerContext): void {
  server.registerTool(
    'git_log',
    {
      title: 'Git commit history',
      description:
        'List commits (hash, author, email, date, subject), newest first. Use it to answer "what changed recently", "who committed to X", "commits since last week", or "what is on branch B but not on main" (ref "main..B"). Filter by author, message text, date window, or a file/folder path.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (input, extra) => {
      const repo = await openRepo(context.repoPath, extra.signal);
      const window = dateWindowArgs(input.since, input.until);
      const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
      const head = await repo.head();
      if (!head && input.ref === undefined) {
        return toolResult({ ref: 'HEAD', commits: [], returned: 0, truncated: false, shallow: repo.shallow, note: 'The repository has no commits yet.', ...pick(window) });
      }
      const range = await resolveRange(repo, input.ref ?? 'HEAD', 'ref');
      const args = ['log', '-z', `--format=${COMMIT_FORMAT}`, `--max-count=${input.count + 1}`, '--no-color', ...window.args];
      if (input.author !== undefined) args.push(`--author=${plainText(input.author, 'author')}`);
      if (input.grep !== undefined) args.push(`--grep=${plainText(input.grep, 'grep')}`);
      if (input.author !== undefined || input.grep !== undefined) args.push('--fixed-strings', '--regexp-ignore-case');
      if (!input.includeMerges) args.push('--no-merges');
      args.push(...range.args, '--');
      if (path) args.push(path);

      const result = await gitOrExplain(repo, args, { maxBytes: 4 * 1024 * 1024 });
      const all = parseCommitList(result.stdout.toString('utf8'));
      const commits = all.slice(0, input.count);
      const [data, cut] = fitList(
        {
          ref: range.label,
          commits,
          returned: commits.length,
          truncated: all.length > input.count || result.truncated,
          shallow: repo.shallow,
          ...pick(window),
          ...(repo.shallow ? { note: 'This is a shallow clone: commits older than its depth are not available.' } : {}),
        },
        'commits',
      );
      return toolResult({ ...data, returned: data.commits.length, truncated: data.truncated || cut });
    }),
  );
}

function pick(window: { since?: string; until?: string }): { since?: string; until?: string } {
  return { ...(window.since ? { since: window.since } : {}), ...(window.until ? { until: window.until } : {}) };
}
