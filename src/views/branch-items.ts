// Branches tree content from git_branches' structured output.
import { z } from 'zod';
import { formatRelativeTime } from './format';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';

const branchSchema = z.object({
  name: z.string(),
  kind: z.enum(['local', 'remote']),
  current: z.boolean(),
  shortHash: z.string().default(''),
  lastCommitDate: z.string().default(''),
  subject: z.string().default(''),
  upstream: z.string().optional(),
  ahead: z.number().optional(),
  behind: z.number().optional(),
  upstreamGone: z.boolean().optional(),
  worktree: z.string().optional(),
  worktreePrunable: z.string().optional(),
});

export const gitBranchesOutput = z.object({
  current: z.string().nullable(),
  detached: z.boolean().default(false),
  headHash: z.string().nullable().optional(),
  branches: z.array(branchSchema),
  truncated: z.boolean().default(false),
  /** How many branches match over every page (absent from older servers). */
  total: z.number().int().optional(),
  /** The cursor of the next page, when branches after this one match. */
  nextCursor: z.string().optional(),
  remaining: z.number().int().optional(),
});
export type GitBranchesOutput = z.infer<typeof gitBranchesOutput>;

/** The command the "load more" node runs; its argument is the repository's name ('' for the server's one). */
export const LOAD_MORE_BRANCHES_COMMAND = 'devopsAssistant.loadMoreBranches';

/** `first` with the next page's branches after its own, and the next page's cursor and counts (the later ones). */
export function appendBranchPage(first: GitBranchesOutput, next: GitBranchesOutput): GitBranchesOutput {
  const { nextCursor: _, remaining: __, ...head } = first;
  return {
    ...head,
    branches: [...first.branches, ...next.branches],
    truncated: next.truncated,
    ...(next.total !== undefined ? { total: next.total } : {}),
    ...(next.nextCursor !== undefined ? { nextCursor: next.nextCursor } : {}),
    ...(next.remaining !== undefined ? { remaining: next.remaining } : {}),
  };
}
export type Branch = z.infer<typeof branchSchema>;

export interface BranchBuildOptions {
  /** McpHub server name ("git"). */
  server: string;
  /** The repository's name when the server reads several (its tools' `repository` argument). */
  repository?: string;
  now: number;
  locale: string;
  t: Translate;
}

/** The id prefix of a repository's nodes: the server, plus the repository when there are several. */
function scopeOf(options: BranchBuildOptions): string {
  return options.repository === undefined ? options.server : `${options.server}/${options.repository}`;
}

function aheadBehind(branch: Branch): string {
  const parts: string[] = [];
  if (branch.ahead) parts.push(`↑${branch.ahead}`);
  if (branch.behind) parts.push(`↓${branch.behind}`);
  return parts.join(' ');
}

export function branchNode(branch: Branch, options: BranchBuildOptions): NodeSpec {
  const { t, now, locale } = options;
  const server = scopeOf(options);
  const when = Date.parse(branch.lastCommitDate);
  const age = Number.isFinite(when) ? formatRelativeTime(when, now, locale) : '';
  const sync = aheadBehind(branch);
  // A branch checked out in another working tree (git worktree) cannot be checked out here: say where it is.
  // One whose folder is gone (prunable) still holds the branch until `git worktree prune`: say that instead.
  const elsewhere =
    branch.worktree === undefined ? '' : branch.worktreePrunable !== undefined ? t('in worktree {0} (gone)', folderName(branch.worktree)) : t('in worktree {0}', folderName(branch.worktree));
  const description = [branch.current ? t('current') : elsewhere, sync, age, branch.subject].filter(Boolean).join(' · ');
  const tooltip = [
    `**${escapeMarkdown(branch.name)}**${branch.current ? ` (${escapeMarkdown(t('current'))})` : ''}`,
    '',
    branch.worktree === undefined
      ? ''
      : branch.worktreePrunable !== undefined
        ? t('Checked out in the worktree at {0}, which is gone ({1}): git keeps the branch there until `git worktree prune`', escapeMarkdown(branch.worktree), escapeMarkdown(branch.worktreePrunable))
        : t('Checked out in the worktree at {0}', escapeMarkdown(branch.worktree)),
    `${escapeMarkdown(branch.shortHash)} ${escapeMarkdown(branch.subject)}`,
    '',
    Number.isFinite(when) ? t('Last commit: {0}', new Date(when).toLocaleString(locale)) : '',
    branch.upstream
      ? branch.upstreamGone
        ? t('Upstream {0} is gone', escapeMarkdown(branch.upstream))
        : t('Upstream {0}: {1} ahead, {2} behind', escapeMarkdown(branch.upstream), branch.ahead ?? 0, branch.behind ?? 0)
      : branch.kind === 'local'
        ? t('No upstream')
        : '',
  ]
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n\n');
  return {
    id: `${server}/${branch.kind}/${branch.name}`,
    label: branch.name,
    description,
    tooltip,
    icon: branch.current ? 'check' : branch.kind === 'remote' ? 'cloud' : branch.worktree !== undefined ? 'folder-opened' : 'git-branch',
    iconColor: branch.current ? 'gitDecoration.addedResourceForeground' : undefined,
    contextValue: branch.current ? 'devopsBranch.local.current' : branch.worktree !== undefined ? 'devopsBranch.local.worktree' : `devopsBranch.${branch.kind}`,
    data: { server: options.server, branch: branch.name, kind: branch.kind, ...(options.repository === undefined ? {} : { repository: options.repository }) },
  };
}

/** The last segment of a folder path, POSIX or Windows. */
function folderName(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || path;
}

/**
 * The listing with the checked-out branch in it: git_branches lists the most recently committed branches first, so
 * in a repository with hundreds of them the current one can fall past the limit (a tie on commit dates is enough).
 * `found`: a second, narrower listing that holds it (git_branches with `contains`); only its exact name is taken.
 */
export function withCurrentBranch(output: GitBranchesOutput, found: GitBranchesOutput | undefined): GitBranchesOutput {
  if (output.current === null || output.branches.some((b) => b.kind === 'local' && b.name === output.current)) return output;
  const current = found?.branches.find((b) => b.kind === 'local' && b.name === output.current);
  return current ? { ...output, branches: [{ ...current, current: true }, ...output.branches] } : output;
}

/**
 * Whether HEAD names a branch that has no commit yet (a new repository, or an orphan branch): git_branches says so with
 * `headHash: null` beside a `current` name (an older server leaves headHash out: then this is not claimed).
 */
export const isUnbornHead = (output: GitBranchesOutput) =>
  output.current !== null && !output.detached && output.headHash === null && !output.branches.some((b) => b.kind === 'local' && b.name === output.current);

/** Whether the listing misses the checked-out branch (see withCurrentBranch). */
export const missesCurrentBranch = (output: GitBranchesOutput) =>
  output.current !== null && !isUnbornHead(output) && !output.branches.some((b) => b.kind === 'local' && b.name === output.current);

/**
 * Local and remote groups; the current branch first among the local ones. A listing cut at the tool's limit says so
 * ("300+" and a first item that loads the next page), so that a branch missing from it is not taken for one that does
 * not exist. The item comes first, above the groups: at the end of 300 branches it was off screen, and nothing in
 * view said more exist (leftovers28).
 */
export function branchNodes(output: GitBranchesOutput, options: BranchBuildOptions): NodeSpec[] {
  const { t } = options;
  const server = scopeOf(options);
  const count = (n: number) => (output.truncated ? `${n}+` : String(n));
  const local = output.branches.filter((b) => b.kind === 'local').sort((a, b) => Number(b.current) - Number(a.current));
  const remote = output.branches.filter((b) => b.kind === 'remote');
  const groups: NodeSpec[] = [];
  const detached: NodeSpec[] = output.detached
    ? [
        {
          id: `${server}/detached`,
          label: t('HEAD detached at {0}', (output.headHash ?? '').slice(0, 10)),
          icon: 'debug-disconnect',
          iconColor: 'list.warningForeground',
          contextValue: 'devopsBranch.detached',
        },
      ]
    : [];
  // A repository without commits (`git init`, or `git checkout --orphan`): HEAD names a branch that has no commit yet, so
  // git lists no such branch, and the tree showed "Local 0" with nothing under it and no word why (break32).
  const unborn: NodeSpec[] = isUnbornHead(output)
    ? [
        {
          id: `${server}/unborn`,
          label: output.current!,
          description: [t('current'), t('no commits yet')].join(' · '),
          tooltip: t('{0} is checked out but has no commits yet: its first commit creates it.', escapeMarkdown(output.current!)),
          icon: 'check',
          iconColor: 'gitDecoration.addedResourceForeground',
          contextValue: 'devopsBranch.unborn',
        },
      ]
    : [];
  groups.push({
    id: `${server}/local`,
    label: t('Local'),
    description: count(local.length + unborn.length),
    icon: 'repo',
    expanded: true,
    children: [...detached, ...unborn, ...local.map((b) => branchNode(b, options))],
  });
  if (remote.length > 0) {
    groups.push({
      id: `${server}/remote`,
      label: t('Remote'),
      description: count(remote.length),
      icon: 'cloud',
      expanded: false,
      children: remote.map((b) => branchNode(b, options)),
    });
  }
  if (output.truncated) {
    // A repository with thousands of branches: the first page, how many there are, and a node that loads the next page.
    const listed = output.branches.length;
    const left = output.remaining ?? (output.total !== undefined ? Math.max(0, output.total - listed) : undefined);
    groups.unshift(
      output.nextCursor !== undefined && left !== undefined
        ? {
            id: `${server}/more`,
            label: t('{0} more branches: load more', left),
            tooltip: t('{0} of {1} branches listed, newest first.', listed, output.total ?? listed + left),
            icon: 'fold-down',
            command: { command: LOAD_MORE_BRANCHES_COMMAND, arguments: [options.repository ?? ''] },
          }
        : { id: `${server}/more`, label: t('More branches exist than the {0} listed here.', listed), icon: 'info' },
    );
  }
  return groups;
}

/**
 * The Branches view's description (beside its title, always in view) for listings cut at the tool's limit: "300 of
 * 512 branches" (with the repository's name before each when there are several), or undefined when every listing is
 * whole. `listings`: each repository's name (undefined for the server's only one) and its listing.
 */
export function branchesViewDescription(listings: ReadonlyArray<{ repository?: string; output: GitBranchesOutput }>, t: Translate): string | undefined {
  const cut = listings.filter(({ output }) => output.truncated);
  if (cut.length === 0) return undefined;
  return cut
    .map(({ repository, output }) => {
      const listed = output.branches.length;
      const total = output.total ?? (output.remaining !== undefined ? listed + output.remaining : undefined);
      const text = total !== undefined ? t('{0} of {1} branches', listed, total) : t('{0}+ branches', listed);
      return repository === undefined ? text : `${repository}: ${text}`;
    })
    .join(', ');
}

export const gitLogOutput = z.object({
  commits: z.array(
    z.object({ shortHash: z.string(), author: z.string(), date: z.string(), subject: z.string(), parents: z.array(z.string()).optional() }),
  ),
  truncated: z.boolean().optional(),
});
export type GitLogOutput = z.infer<typeof gitLogOutput>;

/** A Markdown table of commits; subjects and authors are escaped so they stay text. */
export function commitsMarkdown(branch: string, log: GitLogOutput, options: { t: Translate; locale: string }): string {
  const { t, locale } = options;
  const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, ' ');
  const lines = [`### ${t('Recent commits on {0}', cell(branch))}`, ''];
  if (log.commits.length === 0) {
    lines.push(t('No commits.'));
    return lines.join('\n');
  }
  lines.push(`| ${t('Commit')} | ${t('Date')} | ${t('Author')} | ${t('Subject')} |`, '|---|---|---|---|');
  for (const commit of log.commits) {
    const when = Date.parse(commit.date);
    const date = Number.isFinite(when) ? new Date(when).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : cell(commit.date);
    lines.push(`| \`${commit.shortHash.replace(/`/g, '')}\` | ${date} | ${cell(commit.author)} | ${cell(commit.subject)} |`);
  }
  if (log.truncated) lines.push('', t('Older commits are not shown.'));
  return lines.join('\n');
}
