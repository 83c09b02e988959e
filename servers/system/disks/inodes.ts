// Inodes: the entries every file, folder and link takes. A filesystem made with a fixed number of them (ext2/3/4, tmpfs
// with nr_inodes, …) refuses new files with ENOSPC ("No space left on device") when they are used up, however much space
// is free: many small files (a mail spool, a cache, session files) do that. Space alone would call such a disk fine.
import { statfs } from 'node:fs/promises';
import { z } from 'zod';
import { percentOf, round1 } from '../format';

export const inodesSchema = z
  .object({
    total: z.number().describe('inodes the filesystem has'),
    used: z.number(),
    free: z.number(),
    usePercent: z.number().describe('used / total, as `df -i` shows it (one decimal)'),
  })
  .describe(
    'inodes (the entry every file, folder and link takes): when they are used up, creating a file fails with "No space left on device" however much space is free; absent when the filesystem has no fixed number of them (btrfs, ZFS, vfat report none) or they could not be read',
  );
export type Inodes = z.infer<typeof inodesSchema>;

/**
 * Inode counts from node_exporter's or statfs(2)'s figures (`files`: the total, `filesFree`: those left); undefined when
 * the total is 0 or not a number: a filesystem that allots inodes as it goes (btrfs, ZFS) or has none (vfat) reports 0,
 * and has no inode count to run out of.
 */
export function inodesFrom(files: number, filesFree: number): Inodes | undefined {
  if (!(Number.isFinite(files) && files > 0 && Number.isFinite(filesFree))) return undefined;
  const free = Math.min(Math.max(0, filesFree), files);
  const used = files - free;
  return { total: files, used, free, usePercent: round1(percentOf(used, files)) };
}

/**
 * The inodes of the filesystem mounted at `mount`, by statfs(2); undefined when it has no fixed count (see inodesFrom),
 * cannot be read (a mount gone since it was listed, no permission), or does not answer within `ms` milliseconds (a
 * hanging network mount must not hold the answer about every other disk).
 */
export async function readInodes(mount: string, ms: number): Promise<Inodes | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  const read = statfs(mount).then(
    (st) => inodesFrom(st.files, st.ffree),
    () => undefined,
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}
