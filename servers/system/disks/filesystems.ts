// The machine's filesystems with real capacity, and the mounts left out with why.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import * as si from 'systeminformation';
import { withDeadline } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { round1 } from '../format';
import { READ_DEADLINE_MS } from '../sampling/interval';

export const diskSchema = z.object({
  fs: z.string().describe('device or source, e.g. /dev/sda1 or C:'),
  type: z.string().describe('filesystem type, e.g. ext4, apfs, NTFS'),
  mount: z.string(),
  sizeBytes: z.number(),
  usedBytes: z.number(),
  availableBytes: z.number().describe('free space available to unprivileged users'),
  usePercent: z.number().nullable().describe('used / (used + available), as df shows it'),
  readOnly: z.boolean().nullable().describe('null when the platform does not say'),
});
export type Disk = z.infer<typeof diskSchema>;

export const skippedMountSchema = z.object({ mount: z.string(), type: z.string(), reason: z.string() });
export type SkippedMount = z.infer<typeof skippedMountSchema>;

export const SKIP_RULE =
  'Pseudo, in-memory and image filesystems are not listed: proc, sysfs, cgroup, devpts, tmpfs, devtmpfs, ramfs, squashfs ' +
  '(snap/loop images) and others without real capacity; nor filesystems reporting a size of 0.';

/** Filesystem types that live in memory: no disk to run out of (the fleet tools skip them too). */
export const IN_MEMORY_TYPES: readonly string[] = ['tmpfs', 'devtmpfs', 'ramfs', 'rootfs', 'initramfs'];
const IN_MEMORY = new Set(IN_MEMORY_TYPES);

/**
 * Every mounted filesystem systeminformation (df) reports with a size, in its order, and the mounts
 * it skipped (size 0, and on Linux the pseudo filesystems of /proc/self/mounts). Text fields are
 * sanitized. Rejects with a DeadlineError after READ_DEADLINE_MS (a hanging network mount) or an
 * AbortError when `signal` aborts.
 */
export async function listFilesystems(signal: AbortSignal): Promise<{ disks: Disk[]; skipped: SkippedMount[] }> {
  const raw = await withDeadline(si.fsSize(), READ_DEADLINE_MS, 'listing filesystems (a network mount may be hanging)', signal);
  const disks: Disk[] = [];
  const skipped: SkippedMount[] = [];
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
      readOnly: typeof entry.rw === 'boolean' ? !entry.rw : null,
    });
  }
  skipped.push(...(await pseudoMounts(new Set(raw.map((d) => d.mount)))));
  return { disks, skipped };
}

/** Linux only: mounts in /proc/self/mounts that systeminformation (via df) left out, with why. */
async function pseudoMounts(listed: Set<string>): Promise<SkippedMount[]> {
  if (process.platform !== 'linux') return [];
  let text: string;
  try {
    text = await readFile('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  const result: SkippedMount[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const [, rawMount, type] = line.split(' ');
    if (!rawMount || !type) continue;
    const mount = rawMount.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    if (listed.has(mount) || seen.has(mount)) continue;
    seen.add(mount);
    const reason = IN_MEMORY.has(type)
      ? 'in-memory filesystem'
      : type === 'squashfs'
        ? 'read-only image (snap or loop)'
        : 'not reported by df: a pseudo filesystem or one without capacity';
    result.push({ mount: sanitizeLine(mount, 1024), type: sanitizeLine(type, 64), reason });
  }
  return result;
}
