// Which repositories the bundled git server reads, as it announces them: the `repository` enum of its tools.
import type { ToolInfo } from './types';

/** The bundled git server's name in the hub (one server for every workspace folder). */
export const GIT_SERVER = 'git';

/**
 * The repository names the git server offers (its `repository` enum, folder order), from the hub's
 * tool list. Empty when the server is not running; one name for a single folder (then `repository`
 * may be left out of calls).
 */
export function gitRepositoryNames(tools: readonly ToolInfo[]): string[] {
  const tool = tools.find((t) => t.server === GIT_SERVER && t.name === 'git_branches');
  const properties = tool?.inputSchema.properties as Record<string, { enum?: unknown } | undefined> | undefined;
  const names = properties?.repository?.enum;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}
