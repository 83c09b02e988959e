import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { resolveWindow, timeFields, windowToIso } from '../../shared/time-window';
import type { GitServerContext } from '../context';
import { COMMIT_FORMAT, parseCommitList } from '../repo/parse';
import { gitOrExplain, type Repo } from '../repo/repo';
import { plainText, resolveRange, resolveRepoPath } from '../repo/validate';
import { gitWindowArgs } from '../repo/window';
import { registerGitTool } from './register';
import { commitSchema, pathInput } from './schemas';

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
  ...timeFields('commits (by committer date)'),
  path: pathInput.optional().describe('Only commits touching this file or folder (relative to the repository root)'),
  includeMerges: z.boolean().default(true).describe('Set false to leave out merge commits'),
});

const outputSchema = z.object({
  ref: z.string(),
  commits: z.array(commitSchema),
  returned: z.number().int(),
  truncated: z.boolean().describe('True when more commits matched than were returned'),
  since: z.string().optional().describe('The resolved start of the window (ISO, inclusive)'),
  until: z.string().optional().describe('The resolved end of the window (ISO, exclusive)'),
  shallow: z.boolean().describe('True when the clone is shallow and older history is missing'),
  note: z.string().optional(),
});

type LogInput = z.output<typeof inputSchema>;
type LogOutput = z.output<typeof outputSchema>;

export function registerLogTool(server: McpServer, context: GitServerContext): void {
  registerGitTool(server, context, {
    name: 'git_log',
    title: 'Git commit history',
    description:
      'List commits (hash, author, email, date, subject), newest first. Use it to answer "what changed recently", "who committed to X", "commits since last week", or "what is on branch B but not on main" (ref "main..B"). Filter by author, message text, date window (since inclusive, until exclusive), or a file/folder path.',
    input: inputSchema,
    output: outputSchema,
    list: 'commits',
    run: readLog,
  });
}

async function readLog(input: LogInput, repo: Repo): Promise<LogOutput> {
  const window = resolveWindow(input);
  const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
  const head = await repo.head();
  if (!head && input.ref === undefined) {
    return { ref: 'HEAD', commits: [], returned: 0, truncated: false, shallow: repo.shallow, note: 'The repository has no commits yet.', ...windowToIso(window) };
  }
  const range = await resolveRange(repo, input.ref ?? 'HEAD', 'ref');
  const args = ['log', '-z', `--format=${COMMIT_FORMAT}`, `--max-count=${input.count + 1}`, '--no-color', ...gitWindowArgs(window)];
  if (input.author !== undefined) args.push(`--author=${plainText(input.author, 'author')}`);
  if (input.grep !== undefined) args.push(`--grep=${plainText(input.grep, 'grep')}`);
  if (input.author !== undefined || input.grep !== undefined) args.push('--fixed-strings', '--regexp-ignore-case');
  if (!input.includeMerges) args.push('--no-merges');
  args.push(...range.args, '--');
  if (path) args.push(path);

  const result = await gitOrExplain(repo, args, { maxBytes: 4 * 1024 * 1024 });
  const all = parseCommitList(result.stdout.toString('utf8'));
  const commits = all.slice(0, input.count);
  return {
    ref: range.label,
    commits,
    returned: commits.length,
    truncated: all.length > input.count || result.truncated,
    shallow: repo.shallow,
    ...windowToIso(window),
    ...(repo.shallow ? { note: 'This is a shallow clone: commits older than its depth are not available.' } : {}),
  };
}
