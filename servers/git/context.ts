// The repositories one git server reads, chosen by name (the `repository` argument of every tool).
import { basename } from 'node:path';
import { UserFacingError } from '../shared/tool-result';

/** One repository the server was started for: the name the model chooses it by, the folder it reads. */
export interface GitRepository {
  /** Any script, unique within the server (the extension disambiguates duplicates: "api (2)"). */
  name: string;
  /** Absolute folder inside a git working tree. */
  path: string;
}

/** What every git tool needs: the repositories the server was started for (--repo / REPO_PATH, or --repos / REPO_PATHS), in order. */
export interface GitServerContext {
  repositories: readonly GitRepository[];
}

/** The context of a server started for one folder (named after it). */
export function singleRepository(path: string): GitServerContext {
  return { repositories: [{ name: basename(path) || path, path }] };
}

/** True when the model has to say which repository a call reads. */
export function isMultiRepository(context: GitServerContext): boolean {
  return context.repositories.length > 1;
}

/**
 * The repository a call reads: the named one, or the only one when the name is omitted.
 * Throws a UserFacingError listing the names when the name is missing (with several) or unknown.
 */
export function pickRepository(context: GitServerContext, name: string | undefined): GitRepository {
  const { repositories } = context;
  if (name === undefined) {
    if (repositories.length === 1) return repositories[0];
    throw new UserFacingError(`repository: this server reads ${repositories.length} repositories; pass one of ${listNames(context)}.`);
  }
  const found = repositories.find((r) => r.name === name);
  if (!found) throw new UserFacingError(`repository: '${name}' is not one of ${listNames(context)}.`);
  return found;
}

/** The names quoted as JSON strings, for messages and descriptions: "api", "web". */
export function listNames(context: GitServerContext): string {
  return context.repositories.map((r) => JSON.stringify(r.name)).join(', ');
}
