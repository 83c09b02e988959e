// Which filesystem holds a path: the mount point that is its longest prefix, after links.
import { realpath, statfs } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';
import type { Disk, SkippedMount } from './filesystems';
import { round1 } from '../format';
import { inodesFrom } from './inodes';

/**
 * The listed filesystem holding `given` (an absolute path; links are followed when it exists).
 * Throws a UserFacingError when no listed filesystem holds it (naming the mount points), or when a
 * skipped mount (proc, squashfs, …) holds it more closely than any listed one (naming it and why). An in-memory
 * filesystem with a size limit (tmpfs at /dev/shm or /run) is left out of the full list but answered when asked by
 * path: a full /dev/shm or /run fails writes as a full disk does (`inMemory` is then set).
 * `via` is the bind mount (or second mount) the path is on when that is not the listed mount point. A path inside a
 * folded overlay (`overlays`: a container root listed under its holder, see foldOverlays) is answered by that overlay.
 */
export async function filesystemHolding(
  given: string,
  disks: Disk[],
  skipped: SkippedMount[],
  overlays: readonly Disk[] = [],
): Promise<{ disk: Disk; via?: string; inMemory?: boolean }> {
  // Follow links: /var/log may be a link onto another filesystem. A path that does not exist is
  // refused: the mount point of a disk that is gone (unmounted, unplugged) is often gone with it, and
  // the longest prefix would then be `/`, whose figures would be read as that disk's.
  // A file used as a folder (ENOTDIR) names nothing either, and a loop of links (ELOOP) leads nowhere; other errors
  // (a folder on the way that cannot be read) leave a path that may well exist, judged by its own text.
  // A NUL byte ends a path at the system call, and Node refuses one (not an errno): no file name holds it.
  let unresolved: string | undefined = given.includes('\0') ? 'holds a NUL character, which no path can hold' : undefined;
  const target = unresolved
    ? undefined
    : isAbsolutePath(given)
    ? await realpath(given).catch((error: NodeJS.ErrnoException) => {
        unresolved = error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'does not exist' : error.code === 'ELOOP' ? 'is a loop of symbolic links' : undefined;
        return unresolved ? undefined : given;
      })
    : given;
  if (target === undefined) {
    throw new UserFacingError(
      `"${sanitizeLine(given, 200)}" ${unresolved}, so no filesystem holds it (a disk that is not mounted has no figures here). Mount points: ${disks.map((d) => d.mount).slice(0, 30).join(', ')}`,
    );
  }
  const holder = isAbsolutePath(target) ? longestPrefix(target, disks) : undefined;
  if (!holder) {
    throw new UserFacingError(
      `no listed filesystem holds "${sanitizeLine(given, 200)}"; give an absolute path. Mount points: ${disks.map((d) => d.mount).slice(0, 30).join(', ')}`,
    );
  }
  // A path inside a container's root: the overlay itself answers (its figures are its holder's, but whether it can be
  // written is its own: one with no upper layer is read-only on a writable disk).
  const overlay = longestPrefix(target, overlays);
  if (overlay && overlay.mount.length > holder.mount.length) return { disk: overlay };
  const skippedHolder = longestPrefix(target, skipped);
  if (skippedHolder && skippedHolder.mount.length > holder.mount.length) {
    // A bind mount of a listed filesystem: that filesystem holds the path, whatever the prefix says.
    const same = skippedHolder.sameAs === undefined ? undefined : disks.find((d) => d.mount === skippedHolder.sameAs);
    if (same) return { disk: same, via: skippedHolder.mount };
    // tmpfs only: devtmpfs holds device nodes (/dev/zero is no file with space), ramfs has no size limit.
    const inMemory = skippedHolder.type === 'tmpfs' ? await inMemoryDisk(skippedHolder) : undefined;
    if (inMemory) return { disk: inMemory, inMemory: true };
    throw new UserFacingError(`"${sanitizeLine(given, 200)}" is on ${skippedHolder.mount} (${skippedHolder.type}), which is not listed: ${skippedHolder.reason}`);
  }
  return { disk: holder };
}

/**
 * A tmpfs's figures from statfs(2) on its mount point, as df computes them (bytes; use % of used + available), and its
 * inodes; none when it reports no size (0 blocks) or statfs cannot read it.
 */
export async function inMemoryDisk(mount: SkippedMount): Promise<Disk | undefined> {
  const st = await statfs(mount.mount).catch(() => undefined);
  if (!st || !(st.blocks > 0)) return undefined;
  const sizeBytes = st.blocks * st.bsize;
  const usedBytes = (st.blocks - st.bfree) * st.bsize;
  const availableBytes = st.bavail * st.bsize;
  const usePercent = usedBytes + availableBytes > 0 ? round1((usedBytes / (usedBytes + availableBytes)) * 100) : null;
  // A tmpfs has a fixed number of inodes too (nr_inodes, by default half the RAM's pages): many small files use them up.
  const inodes = inodesFrom(st.files, st.ffree);
  return { fs: mount.type, type: mount.type, mount: mount.mount, sizeBytes, usedBytes, availableBytes, usePercent, readOnly: null, ...(inodes ? { inodes } : {}) };
}

function isAbsolutePath(p: string): boolean {
  return process.platform === 'win32' ? path.win32.isAbsolute(p) : path.posix.isAbsolute(p);
}

/** The entry whose mount point is the longest prefix of `target` (case-insensitive on Windows). */
function longestPrefix<T extends { mount: string }>(target: string, mounts: readonly T[]): T | undefined {
  const windows = process.platform === 'win32';
  const norm = (p: string) => (windows ? p.replace(/\//g, '\\').toLowerCase() : p);
  const wanted = norm(windows ? path.win32.resolve(target) : path.posix.resolve(target));
  const sep = windows ? '\\' : '/';
  let best: T | undefined;
  for (const entry of mounts) {
    const mount = norm(entry.mount);
    const inside = wanted === mount || wanted.startsWith(mount.endsWith(sep) ? mount : mount + sep) || (windows && wanted.startsWith(mount));
    if (inside && (!best || mount.length > norm(best.mount).length)) best = entry;
  }
  return best;
}
