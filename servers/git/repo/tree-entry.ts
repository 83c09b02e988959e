// What a path names in a commit, read from the commit's trees alone. Asking git for the object itself (`cat-file -t
// <commit>:<path>`) fails for two kinds of entry that do exist: a submodule, whose commit lives in another repository,
// and, in a partial clone, a file whose contents were never downloaded. Both would read as "does not exist".
import type { Repo } from './repo';

export interface TreeEntry {
  /** git's file mode: 100644 / 100755 file, 120000 symbolic link, 040000 folder, 160000 submodule. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  /** The object name the tree holds for it (for a submodule, its commit in the submodule's repository). */
  object: string;
}

/**
 * The entry `path` (exact, relative to the root, as validate.ts's resolveRepoPath returns it) names in `commit`, or
 * undefined when the commit's trees hold no such name. One `git ls-tree`; no object the entry names is read.
 */
export async function treeEntry(repo: Repo, commit: string, path: string): Promise<TreeEntry | undefined> {
  const listed = await repo.git(['ls-tree', '-z', commit, '--', path], { okExitCodes: [0, 128], maxBytes: 64 * 1024 });
  if (listed.exitCode !== 0) return undefined;
  for (const record of listed.stdout.toString('utf8').split('\0')) {
    // "<mode> SP <type> SP <object> TAB <name>": ls-tree matches by prefix too, so only the exact name counts.
    const match = /^(\d{6}) (blob|tree|commit) ([0-9a-f]{40,64})\t([\s\S]*)$/.exec(record);
    if (match && match[4] === path) return { mode: match[1], type: match[2] as TreeEntry['type'], object: match[3] };
  }
  return undefined;
}

/**
 * The submodule `path` lies inside in `commit` (the nearest leading folder that is a submodule entry), with the commit
 * the superproject records for it; undefined when no leading folder is one. Files of a submodule are in its own
 * repository, so the superproject's trees do not hold them.
 */
export async function enclosingSubmodule(repo: Repo, commit: string, path: string): Promise<{ path: string; commit: string } | undefined> {
  const parts = path.split('/');
  for (let end = parts.length - 1; end >= 1; end--) {
    const folder = parts.slice(0, end).join('/');
    const entry = await treeEntry(repo, commit, folder);
    if (entry?.type === 'commit') return { path: folder, commit: entry.object };
    if (entry) return undefined; // a real folder: nothing above it can be a submodule holding the path
  }
  return undefined;
}
