// A shallow clone's edge: the commits whose parents the clone lacks (git lists them in $GIT_DIR/shallow).
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import type { Repo } from './repo';

/** Most bytes of the shallow file read: one hash a line, so over 16,000 edge commits (a clone of many shallow branches). */
const MAX_SHALLOW_BYTES = 1024 * 1024;

/**
 * The full hashes of the commits at the edge of a shallow clone: git shows each without parents, so a diff of one is
 * against the empty tree and names every file it holds as added. Empty for a full clone, and when the list cannot be
 * read (not a regular file, larger than MAX_SHALLOW_BYTES): callers then treat no commit as an edge.
 */
export async function shallowEdges(repo: Repo): Promise<Set<string>> {
  if (!repo.shallow) return new Set();
  const where = await repo.git(['rev-parse', '--git-path', 'shallow'], { okExitCodes: [0, 128] });
  const path = where.exitCode === 0 ? where.stdout.toString('utf8').trim() : '';
  if (!path) return new Set();
  try {
    const file = resolve(repo.root, path);
    const stats = await fsp.stat(file);
    if (!stats.isFile() || stats.size > MAX_SHALLOW_BYTES) return new Set();
    const text = await fsp.readFile(file, 'utf8');
    return new Set(text.split('\n').map((line) => line.trim()).filter((line) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(line)));
  } catch {
    return new Set();
  }
}
