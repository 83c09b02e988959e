// Where a working tree's repository is kept, found as git finds it without running git: read by the server before
// its first git call (config-files.ts) and by the extension's Branches tree, which watches HEAD and the refs there (in
// a linked worktree or a submodule they are outside the workspace folder).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unsafeFileReason } from './unsafe-files';

/** Where git keeps a working tree's repository: `gitDir` (its own: HEAD, config.worktree) and `commonDir` (config). */
export interface GitDirs {
  gitDir: string;
  commonDir: string;
}

/**
 * The git folders of the working tree holding `folder`, found as git finds them without running it: the nearest `.git`
 * above (a folder, or a file `gitdir: <path>` for a linked worktree or submodule, whose `commondir` names the main
 * repository). Undefined when there is none or it cannot be read (git then answers for itself).
 */
export function findGitDirs(folder: string): GitDirs | undefined {
  let dir = resolve(folder);
  for (;;) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) return gitDirsAt(dotGit);
    if (dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

function gitDirsAt(dotGit: string): GitDirs | undefined {
  let gitDir = dotGit;
  try {
    if (!statSync(dotGit).isDirectory()) {
      if (unsafeFileReason(dotGit, 64 * 1024) !== undefined) return undefined;
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
      if (!pointer) return undefined;
      gitDir = resolve(dirname(dotGit), pointer);
    }
    const commondir = join(gitDir, 'commondir');
    const common = existsSync(commondir) && unsafeFileReason(commondir, 64 * 1024) === undefined ? readFileSync(commondir, 'utf8').trim() : '';
    return { gitDir, commonDir: common ? resolve(gitDir, common) : gitDir };
  } catch {
    return undefined;
  }
}
