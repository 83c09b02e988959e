// Entry point: `node dist/servers/git.js [--repo <folder>]` (or REPO_PATH), MCP over stdio.
import { resolve } from 'node:path';
import { log, runStdioServer, setting } from '../shared/run-stdio';
import { createServer } from './server';

const HELP = `DevOps Assistant git MCP server (read-only), speaking MCP over stdio.

Usage: node git.js [--repo <folder>]

  --repo <folder>   Repository to read (a folder inside a git working tree).
                    Default: the REPO_PATH environment variable, else the current folder.
  --help            Show this text.

Environment:
  REPO_PATH         Same as --repo.

Tools: git_log, git_diff_stat, git_branches, git_show, git_status, git_file_churn, git_blame.
Resource: git://info (branch, upstream, remotes, last commit, dirty/clean, root).
Logs go to stderr; stdout carries only the protocol.`;

void runStdioServer({
  help: HELP,
  create: () => {
    const repoPath = resolve(setting('repo', 'REPO_PATH') ?? process.cwd());
    log(`git server for ${repoPath}`);
    return createServer({ repoPath });
  },
});
