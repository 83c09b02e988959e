// The repository's linked working trees that git calls prunable: their folder (or the `.git` file in it) is gone,
// deleted or on a drive not mounted, but git still records them, and still counts a branch checked out there as
// checked out (it refuses `git checkout` of it anywhere else) until `git worktree prune`. git_branches named such a
// folder as where the branch is, with no word that it no longer exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Repo } from './repo';

/**
 * The prunable working trees by folder (absolute, as git writes it, as in for-each-ref's %(worktreepath)), each with
 * git's reason (`gitdir file points to non-existent location`). From `git worktree list --porcelain -z` (git 2.36;
 * `prunable` lines since 2.31). Where git cannot say (an older git), each of `folders` whose `.git` is missing counts
 * as prunable with the reason "its folder does not exist", as git itself decides; a locked one (`git worktree lock`,
 * a removable drive) is never prunable by git, and is not known locked then.
 */
export async function prunableWorktrees(repo: Repo, folders: readonly string[]): Promise<Map<string, string>> {
  const prunable = new Map<string, string>();
  const listed = await repo.git(['worktree', 'list', '--porcelain', '-z'], { okExitCodes: [0, 128, 129], maxBytes: 4 * 1024 * 1024 }).catch(() => undefined);
  if (listed?.exitCode !== 0) {
    for (const folder of folders) if (!existsSync(join(folder, '.git'))) prunable.set(folder, 'its folder does not exist');
    return prunable;
  }
  // Records of NUL-ended lines (`worktree <path>`, `HEAD <hash>`, `branch <ref>`, `locked [reason]`, `prunable
  // <reason>`), a record ended by an empty line.
  let folder: string | undefined;
  for (const line of listed.stdout.toString('utf8').split('\0')) {
    if (line.startsWith('worktree ')) folder = line.slice('worktree '.length);
    else if (line === '') folder = undefined;
    else if (folder !== undefined && (line === 'prunable' || line.startsWith('prunable '))) prunable.set(folder, line.slice('prunable '.length) || 'prunable');
  }
  return prunable;
}
