// Submodules in a comparison of two commits: git's numstat counts a submodule whose commit moved as one line deleted and
// one added (its "Subproject commit <hash>" line), so a bump that brought in hundreds of changed lines read as a
// one-line edit of a file, with nothing saying it was a submodule.
import type { Repo } from './repo';

/** A submodule's commit on each side of a comparison (absent on a side where the submodule is not). */
export interface SubmoduleMove {
  from?: string;
  to?: string;
}

const SUBMODULE_MODE = '160000';
const ZERO_HASH = /^0+$/;

/**
 * The submodules that differ between commits `from` and `to` (under `pathArgs`, `--` and an optional path), by path,
 * read from `git diff --raw -z` (`:<mode> <mode> <hash> <hash> <status>` NUL `<path>` NUL, renames off so one path
 * follows each). Empty when git fails: the counts then stand unexplained, as before.
 */
export async function submoduleMoves(repo: Repo, from: string, to: string, pathArgs: readonly string[]): Promise<Map<string, SubmoduleMove>> {
  const moves = new Map<string, SubmoduleMove>();
  const raw = await repo
    .git(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--ignore-submodules=none', from, to, ...pathArgs], { maxBytes: 16 * 1024 * 1024, okExitCodes: [0, 128] })
    .catch(() => undefined);
  if (raw?.exitCode !== 0) return moves;
  const fields = raw.stdout.toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode, newMode, oldHash, newHash] = fields[i].replace(/^:/, '').split(' ');
    if (oldMode !== SUBMODULE_MODE && newMode !== SUBMODULE_MODE) continue;
    const side = (mode: string, hash: string) => (mode === SUBMODULE_MODE && !ZERO_HASH.test(hash) ? hash : undefined);
    const fromHash = side(oldMode, oldHash);
    const toHash = side(newMode, newHash);
    moves.set(fields[i + 1], { ...(fromHash ? { from: fromHash } : {}), ...(toHash ? { to: toHash } : {}) });
  }
  return moves;
}

/** The note for the submodules among the listed files: their line counts are the commit pointer, not their files. */
export function submoduleNote(moves: ReadonlyMap<string, SubmoduleMove>): string | undefined {
  if (moves.size === 0) return undefined;
  const short = (hash: string | undefined) => (hash ? hash.slice(0, 7) : 'none');
  const named = [...moves].slice(0, 3).map(([path, move]) => `${JSON.stringify(path)} (${short(move.from)} to ${short(move.to)})`);
  const more = moves.size > 3 ? ` and ${moves.size - 3} more` : '';
  const which = moves.size === 1 ? 'is a submodule' : 'are submodules';
  return `${named.join(', ')}${more} ${which} (submodule: true): its counted lines are the commit it points at (added, moved or removed), not lines of its files; git_log in the submodule's folder, a repository of its own, lists what changed between those commits.`;
}

/**
 * Which of `paths` were a submodule (a gitlink, mode 160000) on either side of a change in the commits `selection`
 * selects (revision and window arguments, without `--`), from `git log --raw` limited to those paths: a tree comparison
 * of a few paths, no line diff. Churn counts a submodule's pointer moves as one-line edits of a file, so a submodule
 * bumped 20 times ranked as a file changed 20 times. Empty when git fails.
 */
export async function submodulePaths(repo: Repo, selection: readonly string[], paths: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (paths.length === 0) return found;
  const raw = await repo
    .git(['log', '--raw', '-z', '--no-renames', '--no-abbrev', '--ignore-submodules=none', '--format=', ...selection, '--', ...paths], { maxBytes: 16 * 1024 * 1024, timeoutMs: 60_000, okExitCodes: [0, 128] })
    .catch(() => undefined);
  if (raw?.exitCode !== 0) return found;
  const fields = raw.stdout.toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; i++) {
    const entry = fields[i].replace(/^\n+/, '');
    if (!entry.startsWith(':')) continue;
    const [oldMode, newMode] = entry.slice(1).split(' ');
    if (oldMode === SUBMODULE_MODE || newMode === SUBMODULE_MODE) found.add(fields[i + 1]);
    i++;
  }
  return found;
}
