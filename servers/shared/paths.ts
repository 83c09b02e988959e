// Paths from a server's settings (flags and environment variables), read the way a shell would have given them.
import { homedir } from 'node:os';
import { resolve, sep } from 'node:path';

/**
 * `path` with a leading `~` (alone, or before `/`, or `\\` on Windows) replaced by the home directory (`env.HOME`, else
 * the user's); any other path unchanged. MCP clients start servers without a shell, so `"REPO_PATH": "~/project"` or
 * `"LOG_DIRS": "~/logs"` in Claude Desktop's config reached the server as written and was read as a folder named `~`
 * under the client's working directory. `~user` forms are left as they are.
 */
export function expandHome(path: string, env: NodeJS.ProcessEnv = process.env): string {
  if (path === '~' || path.startsWith('~/') || (sep === '\\' && path.startsWith('~\\'))) return resolve(env.HOME || homedir(), `.${path.slice(1)}`);
  return path;
}

/** `path` made absolute: a leading `~` is the home directory (expandHome), the rest is resolved against the working directory. */
export function absolutePath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(expandHome(path, env));
}
