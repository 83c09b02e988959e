// Entry point: `node dist/servers/git.js [--repo <folder>]` (or REPO_PATH), MCP over stdio.
import { resolve } from 'node:path';
import { log } from '../shared/log';
import { serveStdio } from '../shared/run-stdio';
import { GIT_CLI } from './cli';
import { createServer } from './server';

void serveStdio({
  cli: GIT_CLI,
  create: (config) => {
    const repoPath = resolve(config.repo ?? process.cwd());
    log(`git server for ${repoPath}`);
    return createServer({ repoPath });
  },
});
