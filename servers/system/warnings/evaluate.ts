// Readings compared with thresholds: one warning per reading above its threshold.
import { z } from 'zod';
import { percentOf, round1 } from '../format';
import type { ContainerCpu } from '../sampling/cgroup-cpu';
import { METRICS, type Metric, type Thresholds } from './thresholds';

/** What a warning is about: a reading over its threshold, or a filesystem that went read-only (no threshold: it warns whenever it is so). */
export const WARNING_METRICS = [...METRICS, 'read-only'] as const;

export const warningSchema = z.object({
  metric: z.enum(WARNING_METRICS).describe('"read-only": the filesystem at `subject` went read-only while in use (writes to it fail)'),
  value: z.number().nullable().describe('the reading, in % (for "container throttling": % of the CPU periods in which the container was throttled); null for "read-only"'),
  threshold: z.number().nullable().describe('the limit it crossed, in % (0 for "container throttling": any throttling warns); null for "read-only"'),
  subject: z.string().optional().describe('what the reading is about, e.g. a mount point; "container": the container\'s use of its own memory or CPU limit; "container throttling": its CPU quota held it back'),
  of: z
    .literal('inodes')
    .optional()
    .describe('set on a "disk" warning about the filesystem\'s inodes (the entry each file takes) rather than its space: creating files fails when they run out, however much space is free'),
  message: z.string().describe('the warning for a person'),
});
export type Warning = z.infer<typeof warningSchema>;

/** Percentages; a reading that is absent or null is not checked. */
export interface Readings {
  cpuPercent?: number | null;
  memoryPercent?: number | null;
  /** Use of the container's (cgroup's) memory limit, when there is one. */
  containerMemoryPercent?: number | null;
  /** `wentReadOnly`: the filesystem went read-only while in use (filesystemWentReadOnly, or the fleet's rule in readings.ts). */
  disks?: Array<{ fs: string; type?: string; mount: string; usePercent: number | null; wentReadOnly?: boolean; inodes?: { usePercent: number } }>;
  /**
   * Filesystems that live in memory with a size limit (tmpfs: /run, /dev/shm), which the disk lists leave out: a full
   * one still fails writes as a full disk does, so each warns on its own (they all share the source name "tmpfs").
   */
  inMemoryDisks?: Array<{ fs: string; mount: string; usePercent: number | null; inodes?: { usePercent: number } }>;
  /** The container's CPU limit and its use of it over the interval, when a cgroup limits CPU. */
  containerCpu?: ContainerCpu | null;
}

/** Said after the warning of a full in-memory filesystem: the disk list it is compared with does not hold it. */
const IN_MEMORY_NOTE = ' (an in-memory filesystem, not listed above: writes to it fail when it is full)';

/** Said after an inode warning: its space figures may look fine. */
const INODES_NOTE = ': creating files there fails ("No space left on device") when none are left, however much space is free';

/**
 * One warning per reading above its threshold; a device mounted at several points warns once. The one rule for every
 * tool, local or fleet: the same readings give the same warnings whichever reads them.
 */
export function evaluateWarnings(readings: Readings, thresholds: Thresholds): Warning[] {
  const warnings: Warning[] = [];
  /** Adds a warning when `reading` is above the metric's threshold; `says` words the reading. */
  const check = (metric: Metric, reading: number | null | undefined, says: (shown: number) => string, subject?: string, note = '', of?: 'inodes'): boolean => {
    // Compare the figure as shown (one decimal), so a warning never reads "80% is above 80%".
    const value = reading == null ? null : round1(reading);
    const threshold = thresholds[metric];
    if (value == null || value <= threshold) return false;
    warnings.push({ metric, value, threshold, ...(subject === undefined ? {} : { subject }), ...(of ? { of } : {}), message: `${says(value)}, above the ${threshold}% threshold${note}` });
    return true;
  };
  check('cpu', readings.cpuPercent, (v) => `CPU use is ${v}%`);
  check('memory', readings.memoryPercent, (v) => `memory use is ${v}%`);
  check('memory', readings.containerMemoryPercent, (v) => `container memory use is ${v}% of its limit`, 'container');
  const cpu = readings.containerCpu;
  if (cpu) {
    const limit = `${cpu.limitCores} CPU${cpu.limitCores === 1 ? '' : 's'} (${cpu.limitBy === 'quota' ? 'its CPU quota' : 'its cpuset'})`;
    check('cpu', cpu.percentOfLimit, (v) => `container CPU use is ${v}% of its limit of ${limit}`, 'container');
    // Throttled: the container wanted more CPU than its quota gave it, whatever the host's CPU reads.
    const throttled = cpu.throttling;
    if (throttled && throttled.throttledPeriods > 0 && throttled.periods > 0) {
      const value = round1(percentOf(throttled.throttledPeriods, throttled.periods));
      warnings.push({
        metric: 'cpu',
        value,
        threshold: 0,
        subject: 'container throttling',
        message:
          `the container was throttled in ${throttled.throttledPeriods} of ${throttled.periods} CPU periods (${value}%)` +
          (throttled.throttledMs === null ? '' : `, held back ${throttled.throttledMs} ms`) +
          `: it wanted more CPU than its limit of ${limit} allows`,
      });
    }
  }
  // Before the full disks: a filesystem that went read-only fails every write, however much space it has.
  const readOnlyDevices = new Set<string>();
  for (const disk of readings.disks ?? []) {
    if (!disk.wentReadOnly || readOnlyDevices.has(disk.fs)) continue;
    readOnlyDevices.add(disk.fs);
    const kind = disk.type ? `${disk.type} ` : '';
    warnings.push({
      metric: 'read-only',
      value: null,
      threshold: null,
      subject: disk.mount,
      message: `${kind}filesystem ${disk.mount} (${disk.fs}) went read-only while in use: writes to it fail (the kernel does this after disk or filesystem errors under errors=remount-ro; see the kernel log)`,
    });
  }
  const warnedDevices = new Set<string>();
  for (const disk of readings.disks ?? []) {
    if (warnedDevices.has(disk.fs)) continue;
    if (check('disk', disk.usePercent, (v) => `filesystem ${disk.mount} (${disk.fs}) is ${v}% full`, disk.mount)) warnedDevices.add(disk.fs);
  }
  for (const disk of readings.inMemoryDisks ?? []) check('disk', disk.usePercent, (v) => `filesystem ${disk.mount} (${disk.fs}) is ${v}% full`, disk.mount, IN_MEMORY_NOTE);
  // Inodes against the same threshold as space: either one used up makes creating a file fail with ENOSPC.
  const inodesWarned = new Set<string>();
  const inodes = (disk: { fs: string; mount: string; inodes?: { usePercent: number } }, note: string) =>
    check('disk', disk.inodes?.usePercent, (v) => `filesystem ${disk.mount} (${disk.fs}) has used ${v}% of its inodes`, disk.mount, INODES_NOTE + note, 'inodes');
  for (const disk of readings.disks ?? []) if (!inodesWarned.has(disk.fs) && inodes(disk, '')) inodesWarned.add(disk.fs);
  for (const disk of readings.inMemoryDisks ?? []) inodes(disk, IN_MEMORY_NOTE);
  return warnings;
}

/**
 * The end of a one-line summary: "; N warning(s)", or nothing without warnings; the filesystems that went read-only or
 * are running out of inodes are named, as a summary that reads "fullest / at 40%" must not let them pass as fine.
 */
export function warningsNote(warnings: Warning[]): string {
  if (warnings.length === 0) return '';
  const readOnly = warnings.filter((w) => w.metric === 'read-only').map((w) => w.subject);
  const inodes = warnings.filter((w) => w.of === 'inodes').map((w) => `${w.subject} ${w.value}%`);
  return (
    `; ${warnings.length} warning(s)` +
    (readOnly.length > 0 ? ` (went read-only: ${readOnly.join(', ')})` : '') +
    (inodes.length > 0 ? ` (inodes used: ${inodes.join(', ')})` : '')
  );
}
