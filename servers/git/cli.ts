// The git server's command line: one table gives the parser and --help (servers/shared/cli).
import { z } from 'zod';
import type { CliSpec } from '../shared/cli';

/** `[{"name":"api","path":"/w/api"}, …]`: names unique (they become the `repository` enum), order kept. */
const repositoryList = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array like [{"name":"api","path":"/w/api"}]' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ name: z.string().trim().min(1, 'every repository needs a name').max(200), path: z.string().trim().min(1, 'every repository needs a path') }))
      .min(1, 'must list at least one repository')
      .refine((list) => new Set(list.map((r) => r.name)).size === list.length, 'repository names must be unique'),
  );

const GIT_OPTIONS = {
  repo: {
    flag: 'repo',
    env: 'REPO_PATH',
    placeholder: 'FOLDER',
    description: 'Repository to read (a folder inside a git working tree).',
    value: z.string().trim().min(1, 'must name a folder'),
    default: undefined as string | undefined,
    defaultText: 'the current folder',
  },
  repos: {
    flag: 'repos',
    env: 'REPO_PATHS',
    placeholder: 'JSON',
    description: 'Several repositories, chosen by name through each tool\'s `repository` argument: [{"name":"api","path":"/w/api"}, …]. Not together with --repo.',
    value: repositoryList,
    default: undefined as Array<{ name: string; path: string }> | undefined,
    defaultText: 'none (one repository, --repo)',
  },
};

export const GIT_CLI: CliSpec<typeof GIT_OPTIONS> = {
  title: 'DevOps Assistant git MCP server (read-only), speaking MCP over stdio.',
  command: 'node git.js',
  options: GIT_OPTIONS,
  notes: `Tools: git_log, git_diff_stat, git_branches, git_show, git_status, git_file_churn, git_blame.
Each tool takes \`repository\` (one of the names given with --repos; optional with one repository).
Resource: git://info (branch, upstream, remotes, last commit, dirty/clean, root); with several
repositories it lists them all, and git://info/<name> (name URI-encoded) reads one.
Times (since, until): since is inclusive, until exclusive; a whole day as until includes that day.
Logs go to stderr; stdout carries only the protocol.`,
};
