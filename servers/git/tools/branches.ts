import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, toolResult } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import { fitList } from '../budget';
import type { GitServerContext } from '../context';
import { currentBranch, parseTrack } from '../git/head';
import { gitOrExplain, openRepo } from '../git/repo';
import { plainText } from '../git/validate';
import { READ_ONLY } from '../schemas';

const MAX_REFS_SCANNED = 5000;

const inputSchema = z.object({
  scope: z.enum(['local', 'remote', 'all']).default('all').describe('Local branches, remote-tracking branches, or both'),
  contains: z.string().min(1).max(200).optional().describe('Only branches whose name contains this text (case-insensitive)'),
  limit: z.number().int().min(1).max(1000).default(100).describe('Most branches to list, most recently committed first'),
});

const branchSchema = z.object({
  name: z.string().describe('Short name, e.g. main or origin/main'),
  kind: z.enum(['local', 'remote']),
  current: z.boolean(),
  hash: z.string(),
  shortHash: z.string(),
  lastCommitDate: z.string().describe('Committer date of the tip, ISO 8601'),
  subject: z.string().describe('Subject of the tip commit'),
  upstream: z.string().optional().describe('Upstream branch of a local branch'),
  ahead: z.number().int().optional().describe('Commits on this branch not on its upstream'),
  behind: z.number().int().optional().describe('Commits on the upstream not on this branch'),
  upstreamGone: z.boolean().optional().describe('True when the configured upstream no longer exists'),
});

const outputSchema = z.object({
  current: z.string().nullable().describe('Checked-out branch, or null when HEAD is detached'),
  detached: z.boolean(),
  headHash: z.string().nullable().describe('Commit HEAD points at; null in a repository without commits'),
  branches: z.array(branchSchema),
  returned: z.number().int(),
  truncated: z.boolean(),
});

// Field order for for-each-ref; each field ends with NUL, which cannot occur in ref names or subjects.
const FIELDS = ['%(refname)', '%(objectname)', '%(objectname:short)', '%(committerdate:iso-strict)', '%(contents:subject)', '%(upstream:short)', '%(upstream:track,nobracket)', '%(HEAD)', '%(symref)'];

export function registerBranchesTool(server: McpServer, context: GitServerContext): void {
  server.registerTool(
    'git_branches',
    {
      title: 'Git branches',
      description:
        'List branches with the current one marked, each with its last commit date and subject, and for local branches the upstream and how many commits they are ahead/behind it. Use it for "which branches exist", "what is stale", "is my branch pushed / up to date", or to find a branch name for other tools.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY,
    },
    guarded(async (input, extra) => {
      const repo = await openRepo(context.repoPath, extra.signal);
      const head = await currentBranch(repo);
      const patterns = input.scope === 'local' ? ['refs/heads'] : input.scope === 'remote' ? ['refs/remotes'] : ['refs/heads', 'refs/remotes'];
      const result = await gitOrExplain(repo, ['for-each-ref', `--format=${FIELDS.join('%00')}%00`, '--sort=-committerdate', `--count=${MAX_REFS_SCANNED}`, ...patterns], {
        maxBytes: 8 * 1024 * 1024,
      });
      const needle = input.contains === undefined ? undefined : plainText(input.contains, 'contains').toLowerCase();
      const tokens = result.stdout.toString('utf8').split('\0');
      const branches: z.infer<typeof branchSchema>[] = [];
      let matched = 0;
      for (let i = 0; i + FIELDS.length <= tokens.length; i += FIELDS.length) {
        const [refname, hash, shortHash, date, subject, upstream, track, headMark, symref] = tokens.slice(i, i + FIELDS.length);
        const ref = refname.replace(/^\n/, '');
        if (symref) continue; // refs/remotes/origin/HEAD and similar aliases
        const kind = ref.startsWith('refs/heads/') ? 'local' : 'remote';
        const name = sanitizeLine(ref.replace(/^refs\/(heads|remotes)\//, ''), 300);
        if (needle !== undefined && !name.toLowerCase().includes(needle)) continue;
        matched++;
        if (branches.length >= input.limit) continue;
        branches.push({
          name,
          kind,
          current: headMark === '*',
          hash,
          shortHash,
          lastCommitDate: date,
          subject: sanitizeLine(subject, 500),
          ...(upstream ? { upstream: sanitizeLine(upstream, 300), ...parseTrack(track) } : {}),
        });
      }
      const [data, cut] = fitList(
        { current: head.branch, detached: head.detached, headHash: head.hash, branches, returned: branches.length, truncated: matched > branches.length || result.truncated },
        'branches',
      );
      return toolResult({ ...data, returned: data.branches.length, truncated: data.truncated || cut });
    }),
  );
}
