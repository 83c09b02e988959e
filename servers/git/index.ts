// Entry point: `node dist/servers/git.js [--repo <folder> | --repos <json>]` (or REPO_PATH / REPO_PATHS), MCP over stdio.
import { childReaper } from '../shared/child-reaper';
import { CliUsageError } from '../shared/cli';
import { log } from '../shared/log';
import { absolutePath } from '../shared/paths';
import { serveStdio } from '../shared/run-stdio';
import { GIT_CLI } from './cli';
import { singleRepository, type GitServerContext } from './context';
import { createServer } from './server';

void serveStdio({
  cli: GIT_CLI,
  create: (config) => {
    if (config.repo !== undefined && config.repos !== undefined) throw new CliUsageError('give either --repo (REPO_PATH) or --repos (REPO_PATHS), not both');
    const context: GitServerContext = config.repos
      ? { repositories: config.repos.map((r) => ({ name: r.name, path: absolutePath(r.path) })) }
      : singleRepository(absolutePath(config.repo ?? process.cwd()));
    // Every call runs git: the reaper is there before the first one (child-reaper.ts).
    childReaper.start();
    for (const r of context.repositories) log(`git server for ${r.path}${context.repositories.length > 1 ? ` as ${JSON.stringify(r.name)}` : ''}`);
    return createServer(context);
  },
});
