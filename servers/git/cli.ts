// The git server's command line: one table gives the parser and --help (servers/shared/cli).
import { z } from 'zod';
import type { CliSpec } from '../shared/cli';

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
};

export const GIT_CLI: CliSpec<typeof GIT_OPTIONS> = {
  title: 'DevOps Assistant git MCP server (read-only), speaking MCP over stdio.',
  command: 'node git.js',
  options: GIT_OPTIONS,
  notes: `Tools: git_log, git_diff_stat, git_branches, git_show, git_status, git_file_churn, git_blame.
Resource: git://info (branch, upstream, remotes, last commit, dirty/clean, root).
Times (since, until): since is inclusive, until exclusive; a whole day as until includes that day.
Logs go to stderr; stdout carries only the protocol.`,
};
