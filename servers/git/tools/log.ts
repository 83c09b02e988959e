import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { inWindow, resolveWindow, timeFields, windowToIso, type TimeWindow } from '../../shared/time-window';
import type { GitServerContext } from '../context';
import { parseTimedCommitList, TIMED_COMMIT_FORMAT, type CommitSummary } from '../repo/parse';
import { gitOrExplain, type Repo } from '../repo/repo';
import { explainUntouchedPath, plainText, resolveRange, resolveRepoPath } from '../repo/validate';
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
  const filters = ['--no-color', ...gitWindowArgs(window)];
  if (input.author !== undefined) filters.push(`--author=${plainText(input.author, 'author')}`);
  if (input.grep !== undefined) filters.push(`--grep=${plainText(input.grep, 'grep')}`);
  if (input.author !== undefined || input.grep !== undefined) filters.push('--fixed-strings', '--regexp-ignore-case');
  if (!input.includeMerges) filters.push('--no-merges');
  const selection = [...filters, ...range.args, '--', ...(path ? [path] : [])];
  const { all, truncated } = await commitsInWindow(repo, selection, window, input.count + 1);
  const commits = all.slice(0, input.count);
  const empty = commits.length === 0 && path !== undefined ? await explainUntouchedPath(repo, path, range.args, range.label) : undefined;
  return {
    ref: range.label,
    commits,
    returned: commits.length,
    truncated: all.length > input.count || truncated,
    shallow: repo.shallow,
    ...windowToIso(window),
    ...(repo.shallow ? { note: 'This is a shallow clone: commits older than its depth are not available.' } : {}),
    ...(empty ? { note: empty } : {}),
  };
}

/**
 * Up to `wanted` commits of `selection`, newest first, whose committer time is inside `window`
 * exactly. git's own --since/--until only read 1970-2099 and whole seconds, so every commit is
 * checked against the window here too; when some fall outside, git is asked again for more.
 */
async function commitsInWindow(repo: Repo, selection: string[], window: TimeWindow, wanted: number): Promise<{ all: CommitSummary[]; truncated: boolean }> {
  const windowed = window.since !== undefined || window.until !== undefined;
  let ask = wanted;
  for (let attempt = 0; ; attempt++) {
    const result = await gitOrExplain(repo, ['log', '-z', `--format=${TIMED_COMMIT_FORMAT}`, `--max-count=${ask}`, ...selection], { maxBytes: 4 * 1024 * 1024 });
    const timed = parseTimedCommitList(result.stdout.toString('utf8'));
    const kept = windowed ? timed.filter((c) => inWindow(c.committedAtMs, window)) : timed;
    const exhausted = timed.length < ask || result.truncated;
    if (kept.length >= wanted || exhausted || attempt === 4) {
      return { all: kept.map((c) => c.commit), truncated: result.truncated || (!exhausted && kept.length < wanted) };
    }
    ask = Math.min(ask + (timed.length - kept.length) * 2 + wanted, 100_000);
  }
}

