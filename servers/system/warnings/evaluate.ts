// Readings compared with thresholds: one warning per reading above its threshold.
import { z } from 'zod';
import { percentOf, round1 } from '../format';
import type { ContainerCpu } from '../sampling/cgroup-cpu';
import { METRICS, type Metric, type Thresholds } from './thresholds';

export const warningSchema = z.object({
  metric: z.enum(METRICS),
  value: z.number().describe('the reading, in % (for "container throttling": % of the CPU periods in which the container was throttled)'),
  threshold: z.number().describe('the limit it crossed, in % (0 for "container throttling": any throttling warns)'),
  subject: z.string().optional().describe('what the reading is about, e.g. a mount point; "container": the container\'s use of its own memory or CPU limit; "container throttling": its CPU quota held it back'),
  message: z.string().describe('the warning for a person'),
});
export type Warning = z.infer<typeof warningSchema>;

/** Percentages; a reading that is absent or null is not checked. */
export interface Readings {
  cpuPercent?: number | null;
  memoryPercent?: number | null;
  /** Use of the container's (cgroup's) memory limit, when there is one. */
  containerMemoryPercent?: number | null;
  disks?: Array<{ fs: string; mount: string; usePercent: number | null }>;
  /**
   * Filesystems that live in memory with a size limit (tmpfs: /run, /dev/shm), which the disk lists leave out: a full
   * one still fails writes as a full disk does, so each warns on its own (they all share the source name "tmpfs").
   */
  inMemoryDisks?: Array<{ fs: string; mount: string; usePercent: number | null }>;
  /** The container's CPU limit and its use of it over the interval, when a cgroup limits CPU. */
  containerCpu?: ContainerCpu | null;
}

/** Said after the warning of a full in-memory filesystem: the disk list it is compared with does not hold it. */
const IN_MEMORY_NOTE = ' (an in-memory filesystem, not listed above: writes to it fail when it is full)';

/**
 * One warning per reading above its threshold; a device mounted at several points warns once. The one rule for every
 * tool, local or fleet: the same readings give the same warnings whichever reads them.
 */
export function evaluateWarnings(readings: Readings, thresholds: Thresholds): Warning[] {
  const warnings: Warning[] = [];
  /** Adds a warning when `reading` is above the metric's threshold; `says` words the reading. */
  const check = (metric: Metric, reading: number | null | undefined, says: (shown: number) => string, subject?: string, note = ''): boolean => {
    // Compare the figure as shown (one decimal), so a warning never reads "80% is above 80%".
    const value = reading == null ? null : round1(reading);
    const threshold = thresholds[metric];
    if (value == null || value <= threshold) return false;
    warnings.push({ metric, value, threshold, ...(subject === undefined ? {} : { subject }), message: `${says(value)}, above the ${threshold}% threshold${note}` });
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
  const warnedDevices = new Set<string>();
  for (const disk of readings.disks ?? []) {
    if (warnedDevices.has(disk.fs)) continue;
    if (check('disk', disk.usePercent, (v) => `filesystem ${disk.mount} (${disk.fs}) is ${v}% full`, disk.mount)) warnedDevices.add(disk.fs);
  }
  for (const disk of readings.inMemoryDisks ?? []) check('disk', disk.usePercent, (v) => `filesystem ${disk.mount} (${disk.fs}) is ${v}% full`, disk.mount, IN_MEMORY_NOTE);
  return warnings;
}

/** The end of a one-line summary: "; N warning(s)", or nothing without warnings. */
export function warningsNote(warnings: Warning[]): string {
  return warnings.length ? `; ${warnings.length} warning(s)` : '';
}
