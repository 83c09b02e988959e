import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, toolResult } from '../../shared/tool-result';
import { progressReporter } from '../../shared/progress';
import { fitList } from '../budget';
import type { GitServerContext } from '../context';
import { DATE_HELP, dateWindowArgs } from '../git/dates';
import { NUMSTAT_COMMIT_MARK, parseNumstat, type NumstatCommit } from '../git/parse';
import { gitOrExplain, openRepo } from '../git/repo';
import { resolveCommit, resolveRepoPath } from '../git/validate';
import { pathInput, READ_ONLY } from '../schemas';

const PROGRESS_INTERVAL_MS = 200;

const inputSchema = z.object({
  since: z.string().min(1).max(64).default('4 weeks ago').describe(`Start of the period: ${DATE_HELP}. Default: 4 weeks ago`),
  until: z.string().min(1).max(64).optional().describe(`End of the period (default now): ${DATE_HELP}`),
  ref: z.string().min(1).max(256).default('HEAD').describe('Branch, tag or commit whose history is examined'),
  path: pathInput.optional().describe('Only files under this folder or file'),
  sortBy: z.enum(['commits', 'lines']).default('commits').describe('Rank by number of commits touching the file, or by lines added + deleted'),
  top: z.number().int().min(1).max(200).default(20).describe('How many files to return'),
  maxCommits: z.number().int().min(1).max(20_000).default(5000).describe('Most commits to examine, newest first'),
});

const fileSchema = z.object({
  path: z.string().describe('Current name (renamed files are counted under their newest name)'),
  commits: z.number().int(),
  added: z.number().int(),
  deleted: z.number().int(),
  lines: z.number().int().describe('added + deleted'),
  binary: z.boolean().describe('True when git reported the file as binary (no line counts)'),
  previousPaths: z.array(z.string()).optional().describe('Older names folded into this entry'),
});

const outputSchema = z.object({
  ref: z.string(),
  since: z.string().describe('Resolved start of the period (ISO)'),
  until: z.string().optional(),
  sortBy: z.enum(['commits', 'lines']),
  commitsScanned: z.number().int(),
  filesChanged: z.number().int().describe('Distinct files changed in the period'),
  files: z.array(fileSchema),
  truncated: z.boolean().describe('True when maxCommits was reached or output was cut, so counts cover only the newest commits'),
  note: z.string().optional(),
});

interface Churn {
  commits: number;
  added: number;
  deleted: number;
  binary: boolean;
  previousPaths: Set<string>;
}

export function registerFileChurnTool(server: McpServer, context: GitServerContext): void {
  server.registerTool(
    'git_file_churn',
    {
      title: 'Most-changed files (churn)',
      description:
        'Ranks files by how often they changed over a period (commits, lines added and deleted), following renames and leaving out merge commits. Use it for "which files changed most last week", hot spots, risky areas, or where to focus a review. Reports progress on long histories.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (input, extra) => {
      const repo = await openRepo(context.repoPath, extra.signal);
      const window = dateWindowArgs(input.since, input.until);
      const path = input.path === undefined ? undefined : resolveRepoPath(repo, input.path, 'path');
      const base = { ref: input.ref, since: window.since ?? '', ...(window.until ? { until: window.until } : {}), sortBy: input.sortBy };
      if (!(await repo.head())) {
        return toolResult({ ...base, commitsScanned: 0, filesChanged: 0, files: [], truncated: false, note: 'The repository has no commits yet.' });
      }
      const hash = await resolveCommit(repo, input.ref, 'ref');
      const selection = ['--no-merges', ...window.args, hash, '--', ...(path ? [path] : [])];

      const countResult = await gitOrExplain(repo, ['rev-list', '--count', `--max-count=${input.maxCommits + 1}`, ...selection]);
      const matching = Number(countResult.stdout.toString('utf8').trim()) || 0;
      const limitHit = matching > input.maxCommits;
      const total = Math.min(matching, input.maxCommits);
      const report = progressReporter(extra, total);
      await report(0, `examining ${total} commits`);

      let seen = 0;
      let lastReport = Date.now();
      const onStdout = (chunk: Buffer) => {
        for (let at = chunk.indexOf(0x1e); at >= 0; at = chunk.indexOf(0x1e, at + 1)) seen++;
        if (Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = Date.now();
          void report(Math.min(seen, total), `${Math.min(seen, total)} of ${total} commits`);
        }
      };
      const result = await gitOrExplain(
        repo,
        ['log', '--numstat', '-z', '-M', '--no-ext-diff', '--no-textconv', '--no-color', `--format=${NUMSTAT_COMMIT_MARK}%H`, `--max-count=${input.maxCommits}`, ...selection],
        { maxBytes: 32 * 1024 * 1024, timeoutMs: 60_000, onStdout },
      );
      const commits = parseNumstat(result.stdout.toString('utf8'), true);
      await report(total, `${commits.length} of ${total} commits examined`);

      const churn = tally(commits);
      const ranked = [...churn.entries()]
        .map(([name, c]) => ({
          path: name,
          commits: c.commits,
          added: c.added,
          deleted: c.deleted,
          lines: c.added + c.deleted,
          binary: c.binary,
          ...(c.previousPaths.size > 0 ? { previousPaths: [...c.previousPaths] } : {}),
        }))
        .sort((a, b) => (input.sortBy === 'lines' ? b.lines - a.lines || b.commits - a.commits : b.commits - a.commits || b.lines - a.lines) || a.path.localeCompare(b.path));
      const [data, cut] = fitList(
        {
          ...base,
          commitsScanned: commits.length,
          filesChanged: ranked.length,
          files: ranked.slice(0, input.top),
          truncated: limitHit || result.truncated,
          ...(limitHit ? { note: `Only the newest ${input.maxCommits} commits were examined; raise maxCommits or shorten the period for complete counts.` } : {}),
          ...(repo.shallow && !limitHit ? { note: 'This is a shallow clone: commits older than its depth are not counted.' } : {}),
        },
        'files',
      );
      return toolResult({ ...data, truncated: data.truncated || cut });
    }),
  );
}

/** Sums stats per file; commits come newest first, so a rename folds the older name into the newer one. */
function tally(commits: NumstatCommit[]): Map<string, Churn> {
  const churn = new Map<string, Churn>();
  const renamedTo = new Map<string, string>();
  const currentName = (path: string) => renamedTo.get(path) ?? path;
  for (const commit of commits) {
    const touched = new Set<string>();
    for (const file of commit.files) {
      const name = currentName(file.path);
      let entry = churn.get(name);
      if (!entry) {
        entry = { commits: 0, added: 0, deleted: 0, binary: false, previousPaths: new Set() };
        churn.set(name, entry);
      }
      if (!touched.has(name)) {
        entry.commits++;
        touched.add(name);
      }
      entry.added += file.added;
      entry.deleted += file.deleted;
      entry.binary ||= file.binary;
      if (file.oldPath !== undefined && file.oldPath !== file.path) {
        entry.previousPaths.add(file.oldPath);
        renamedTo.set(file.oldPath, name);
      }
    }
  }
  return churn;
}
