// The machine's filesystems with real capacity, and the mounts left out with why.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import * as si from 'systeminformation';
import { withDeadline } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { round1 } from '../format';
import { READ_DEADLINE_MS } from '../sampling/interval';
import { inodesSchema, readInodes } from './inodes';

export const diskSchema = z.object({
  fs: z.string().describe('device or source, e.g. /dev/sda1 or C:'),
  type: z.string().describe('filesystem type, e.g. ext4, apfs, NTFS'),
  mount: z.string(),
  sizeBytes: z.number(),
  usedBytes: z.number(),
  availableBytes: z.number().describe('free space available to unprivileged users'),
  usePercent: z.number().nullable().describe('used / (used + available), as df shows it'),
  readOnly: z.boolean().nullable().describe('null when the platform does not say'),
  wentReadOnly: z
    .boolean()
    .optional()
    .describe('true when this filesystem of a read-write kind went read-only while in use (ext4 errors=remount-ro after disk errors): writes to it fail; warned of'),
  alsoMountedAt: z.array(z.string()).optional().describe('Other mounts of this same filesystem (bind mounts), not listed again'),
  inodes: inodesSchema.optional(),
});
export type Disk = z.infer<typeof diskSchema>;

export const skippedMountSchema = z.object({
  mount: z.string(),
  type: z.string(),
  reason: z.string(),
  sameAs: z
    .string()
    .optional()
    .describe('mount point of the listed filesystem this mount shows again (a bind mount, or the same device mounted twice): its figures are that one\'s'),
});
export type SkippedMount = z.infer<typeof skippedMountSchema>;

export const SKIP_RULE =
  'Pseudo, in-memory and image filesystems are not listed: proc, sysfs, cgroup, devpts, tmpfs, devtmpfs, ramfs, squashfs ' +
  '(snap/loop images) and others without real capacity; nor filesystems reporting a size of 0. A tmpfs fuller than the ' +
  'disk threshold is named in the warnings: writes to it fail as on a full disk. A container\'s overlay root is listed under ' +
  'the filesystem holding it (its figures are that one\'s), not again.';

/** Filesystem types that live in memory: no disk to run out of (the fleet tools skip them too). */
export const IN_MEMORY_TYPES: readonly string[] = ['tmpfs', 'devtmpfs', 'ramfs', 'rootfs', 'initramfs'];
const IN_MEMORY = new Set(IN_MEMORY_TYPES);

/**
 * Every mounted filesystem systeminformation (df) reports with a size, in its order, and the mounts
 * it skipped (size 0, and on Linux the pseudo filesystems of /proc/self/mounts). Text fields are
 * sanitized. Rejects with a DeadlineError after READ_DEADLINE_MS (a hanging network mount) or an
 * AbortError when `signal` aborts.
 */
export async function listFilesystems(signal: AbortSignal): Promise<{ disks: Disk[]; skipped: SkippedMount[]; overlays: Disk[] }> {
  const raw = await withDeadline(si.fsSize(), READ_DEADLINE_MS, 'listing filesystems (a network mount may be hanging)', signal);
  const mounts = await readMountInfo();
  const readOnly = readOnlyByMount(mounts ?? []);
  // The last line for a mount point wins, as in readOnlyByMount.
  const wentReadOnly = new Set([...new Map((mounts ?? []).map((m) => [m.mount, m.wentReadOnly])).entries()].filter(([, went]) => went).map(([mount]) => mount));
  const disks: Disk[] = [];
  const skipped: SkippedMount[] = [];
  const inodeReads: Array<Promise<void>> = [];
  for (const entry of raw) {
    const mount = sanitizeLine(entry.mount, 1024);
    const type = sanitizeLine(entry.type ?? '', 64);
    if (!(entry.size > 0)) {
      skipped.push({ mount, type, reason: 'reports a size of 0' });
      continue;
    }
    disks.push({
      fs: sanitizeLine(entry.fs, 1024),
      type,
      mount,
      sizeBytes: entry.size,
      usedBytes: entry.used,
      availableBytes: entry.available,
      usePercent: Number.isFinite(entry.use) ? round1(entry.use) : null,
      // systeminformation reads rw only from /proc/mounts lines whose source starts with '/', and calls every other
      // mount read-only: an overlay (the root of every Docker container), NFS (`host:/export`), CIFS. Linux says it
      // for each mount point in mountinfo.
      readOnly: readOnly.get(entry.mount) ?? (typeof entry.rw === 'boolean' ? !entry.rw : null),
      ...(wentReadOnly.has(entry.mount) ? { wentReadOnly: true } : {}),
    });
    const disk = disks[disks.length - 1];
    // df (through systeminformation) gives space only; a disk out of inodes fails writes as a full one does.
    inodeReads.push(
      readInodes(entry.mount, INODE_READ_MS).then((inodes) => {
        if (inodes) disk.inodes = inodes;
      }),
    );
  }
  await Promise.all(inodeReads);
  skipped.push(...unlistedMounts(mounts, new Set(raw.map((d) => d.mount)), disks));
  const folded = foldOverlays(disks, mounts ?? []);
  return { disks: folded.disks, skipped: [...folded.skipped, ...skipped], overlays: folded.overlays };
}

/** How long one filesystem's inode count is waited for: df has just read them all, so a slow one is a hanging mount. */
const INODE_READ_MS = 2_000;

const OVERLAY_TYPES = new Set(['overlay', 'fuse.fuse-overlayfs']);

/**
 * Overlay mounts (the root of every running container: Docker, Podman, containerd) moved from `disks` to skipped mounts
 * when the filesystem holding their upper directory is listed: df reports that filesystem's size and free space for each
 * overlay, so a host with 30 containers showed 30 copies of `/` (and warned 30 times when it filled). The holder is the
 * filesystem mounted deepest above the overlay's `upperdir=` (mountinfo's super options), when it is listed (at that
 * point, or at another mount of its device: a bind mount); without that option (another platform, fuse-overlayfs), a
 * listed non-overlay filesystem of exactly the same size in bytes. An overlay with no listed holder stays a disk: inside
 * a container, `/` is the only view of the space there is, and a tmpfs under one is space of its own.
 */
export function foldOverlays(disks: readonly Disk[], mounts: readonly MountInfo[]): { disks: Disk[]; skipped: SkippedMount[]; overlays: Disk[] } {
  const upperDirs = new Map(mounts.filter((m) => m.upperDir !== undefined).map((m) => [sanitizeLine(m.mount, 1024), m.upperDir!]));
  const holders = disks.filter((d) => !OVERLAY_TYPES.has(d.type));
  const kept: Disk[] = [];
  const skipped: SkippedMount[] = [];
  const overlays: Disk[] = [];
  for (const disk of disks) {
    const holder = OVERLAY_TYPES.has(disk.type) ? overlayHolder(disk, upperDirs.get(disk.mount), holders, mounts) : undefined;
    if (holder === undefined) {
      kept.push(disk);
      continue;
    }
    overlays.push(disk);
    skipped.push({
      mount: disk.mount,
      type: disk.type,
      reason: `an overlay (a container's root filesystem) on the filesystem listed at ${holder.mount}: its space is that one's`,
      sameAs: holder.mount,
    });
  }
  return { disks: kept, skipped, overlays };
}

function overlayHolder(overlay: Disk, upperDir: string | undefined, holders: readonly Disk[], mounts: readonly MountInfo[]): Disk | undefined {
  if (upperDir !== undefined) {
    // The mount that holds the upper directory is the deepest one of all (a later mount on the same point covers an
    // earlier one), listed or not: a tmpfs is not listed, and its space is not `/`'s.
    let within: MountInfo | undefined;
    for (const m of mounts) {
      const inside = m.mount === '/' || upperDir === m.mount || upperDir.startsWith(m.mount + '/');
      if (inside && (within === undefined || m.mount.length >= within.mount.length)) within = m;
    }
    if (within === undefined) return undefined;
    const listed = sanitizeLine(within.mount, 1024);
    // A bind mount (Docker's data dir bound from a second disk) is listed by df once, at another mount of its device.
    const devices = new Map(mounts.map((m) => [sanitizeLine(m.mount, 1024), m.device]));
    return holders.find((d) => d.mount === listed) ?? holders.find((d) => devices.get(d.mount) === within.device);
  }
  return holders.find((d) => d.sizeBytes === overlay.sizeBytes);
}

/** One line of /proc/self/mountinfo: the mount point, its device number (major:minor), type and whether it is read-only. */
export interface MountInfo {
  mount: string;
  device: string;
  type: string;
  readOnly: boolean;
  /** Read-only in its superblock though mounted read-write, and of a kind written to in use: see filesystemWentReadOnly. */
  wentReadOnly: boolean;
  /** An overlay's upper directory (its `upperdir=` super option), where its writes land. */
  upperDir?: string;
}

/** /proc/self/mountinfo parsed, on Linux; undefined elsewhere or when it cannot be read. */
async function readMountInfo(): Promise<MountInfo[] | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether each mount point is read-only, as mountinfo says (the mount's own options or its superblock's hold `ro`). The
 * last line for a mount point wins: a later mount on the same point hides the earlier one.
 */
export function readOnlyByMount(mounts: readonly MountInfo[]): Map<string, boolean> {
  return new Map(mounts.map((m) => [m.mount, m.readOnly]));
}

/**
 * Filesystem kinds that are written to in normal use, so read-only is news (the fleet tools use the list too). Left out:
 * kinds read-only by design (squashfs of snaps and loop images, iso9660, erofs: the kernel marks them read-only whatever
 * the mount asked), and overlay, whose read-only lower layers are not the writable upper one.
 */
export const WRITABLE_TYPES: readonly string[] = ['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'f2fs', 'jfs', 'reiserfs', 'nilfs2', 'bcachefs', 'vfat', 'exfat', 'ntfs3'];
const WRITABLE = new Set(WRITABLE_TYPES);

/**
 * Whether the superblock options say the filesystem is read-only: `ro`, or ext4's `emergency_ro` (recent kernels, 6.18
 * here, mark an ext4 that hit errors under errors=remount-ro this way and keep `rw`: writes fail all the same).
 */
function superReadOnly(superOptions: readonly string[]): boolean {
  return superOptions.includes('ro') || superOptions.includes('emergency_ro');
}

/**
 * Whether a filesystem went read-only under its users rather than was mounted so: a writable kind (WRITABLE_TYPES)
 * whose superblock is read-only while the mount point is read-write. The kernel does exactly that when a filesystem
 * mounted `errors=remount-ro` (ext4's default on most distributions) hits disk or metadata errors; `mount -o ro` and
 * `mount -o remount,ro` set both, and a `:ro` bind mount (Docker) only the mount's own options, so neither warns.
 * `mountOptions` and `superOptions` are the comma-split fields of a mountinfo line.
 */
export function filesystemWentReadOnly(type: string, mountOptions: readonly string[], superOptions: readonly string[]): boolean {
  return WRITABLE.has(type) && mountOptions.includes('rw') && superReadOnly(superOptions);
}

const unescapeMount = (raw: string) => raw.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** /proc/self/mountinfo parsed ("id parent major:minor root mount options [optional…] - type source super"). */
export function parseMountInfo(text: string): MountInfo[] {
  const out: MountInfo[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || !fields[2] || !fields[4] || !fields[dash + 1]) continue;
    const mountOptions = (fields[5] ?? '').split(',');
    const superOptions = (fields[dash + 3] ?? '').split(',');
    const type = fields[dash + 1];
    const readOnly = mountOptions.includes('ro') || superReadOnly(superOptions);
    const upper = superOptions.find((option) => option.startsWith('upperdir='));
    const wentReadOnly = filesystemWentReadOnly(type, mountOptions, superOptions);
    const info: MountInfo = { mount: unescapeMount(fields[4]), device: fields[2], type, readOnly, wentReadOnly };
    if (upper !== undefined) info.upperDir = unescapeMount(upper.slice('upperdir='.length));
    out.push(info);
  }
  return out;
}

/**
 * Linux only (`mounts` from mountinfo): mounts that systeminformation (via df) left out, with why.
 * df lists a device once, so a bind mount (a data folder, Docker's /etc/hosts, a kubelet volume) or a
 * second mount of a listed filesystem is left out too: it has the same device number as a listed
 * mount, and is named with `sameAs` so a path on it gets that filesystem's figures, not "pseudo".
 */
function unlistedMounts(mounts: MountInfo[] | undefined, listed: Set<string>, disks: Disk[]): SkippedMount[] {
  if (mounts === undefined) return [];
  const listedByDevice = new Map<string, string>();
  const diskMounts = new Set(disks.map((d) => d.mount));
  for (const m of mounts) if (diskMounts.has(sanitizeLine(m.mount, 1024)) && !listedByDevice.has(m.device)) listedByDevice.set(m.device, sanitizeLine(m.mount, 1024));
  const result: SkippedMount[] = [];
  const seen = new Set<string>();
  for (const { mount, device, type } of mounts) {
    if (listed.has(mount) || seen.has(mount)) continue;
    seen.add(mount);
    const shown = { mount: sanitizeLine(mount, 1024), type: sanitizeLine(type, 64) };
    const sameAs = IN_MEMORY.has(type) ? undefined : listedByDevice.get(device);
    if (sameAs !== undefined) {
      result.push({ ...shown, reason: `the filesystem listed at ${sameAs} again (a bind mount or a second mount of the same device): df lists a device once`, sameAs });
      continue;
    }
    const reason = IN_MEMORY.has(type)
      ? 'in-memory filesystem'
      : type === 'squashfs'
        ? 'read-only image (snap or loop)'
        : 'not reported by df: a pseudo filesystem or one without capacity';
    result.push({ ...shown, reason });
  }
  return result;
}
