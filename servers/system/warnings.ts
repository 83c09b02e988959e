import { z } from 'zod';
import type { Thresholds } from './config';

export type Metric = keyof Thresholds;

export const warningSchema = z.object({
  metric: z.enum(['cpu', 'memory', 'disk']),
  value: z.number().describe('the reading, in %'),
  threshold: z.number().describe('the limit it crossed, in %'),
  subject: z.string().optional().describe('what the reading is about, e.g. a mount point'),
  message: z.string().describe('the warning for a person'),
});
export type Warning = z.infer<typeof warningSchema>;

export const thresholdsSchema = z.object({ cpu: z.number(), memory: z.number(), disk: z.number() });

/** Per-call overrides of the server's thresholds; only the metrics a tool checks are offered on it. */
export const thresholdInputs = {
  cpu: z.number().min(0).max(100).optional().describe('warn when overall CPU use is above this % (default: the server setting)'),
  memory: z.number().min(0).max(100).optional().describe('warn when memory in use is above this % (default: the server setting)'),
  disk: z.number().min(0).max(100).optional().describe('warn when a filesystem is fuller than this % (default: the server setting)'),
};

export function effectiveThresholds(configured: Thresholds, overrides: Partial<Record<Metric, number | undefined>>): Thresholds {
  return {
    cpu: overrides.cpu ?? configured.cpu,
    memory: overrides.memory ?? configured.memory,
    disk: overrides.disk ?? configured.disk,
  };
}

export interface Readings {
  cpuPercent?: number | null;
  memoryPercent?: number | null;
  /** Use of the container's (cgroup's) memory limit, when there is one. */
  containerMemoryPercent?: number | null;
  disks?: Array<{ fs: string; mount: string; usePercent: number | null }>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One warning per reading above its threshold; a device mounted at several points warns once. */
export function evaluateWarnings(readings: Readings, thresholds: Thresholds): Warning[] {
  // Compare the figures as shown (one decimal), so a warning never reads "80% is above 80%".
  const warnings: Warning[] = [];
  const cpuPercent = readings.cpuPercent == null ? null : round1(readings.cpuPercent);
  const memoryPercent = readings.memoryPercent == null ? null : round1(readings.memoryPercent);
  const disks = readings.disks?.map((d) => ({ ...d, usePercent: d.usePercent == null ? null : round1(d.usePercent) }));
  if (cpuPercent != null && cpuPercent > thresholds.cpu) {
    warnings.push({
      metric: 'cpu',
      value: cpuPercent,
      threshold: thresholds.cpu,
      message: `CPU use is ${cpuPercent}%, above the ${thresholds.cpu}% threshold`,
    });
  }
  if (memoryPercent != null && memoryPercent > thresholds.memory) {
    warnings.push({
      metric: 'memory',
      value: memoryPercent,
      threshold: thresholds.memory,
      message: `memory use is ${memoryPercent}%, above the ${thresholds.memory}% threshold`,
    });
  }
  const containerPercent = readings.containerMemoryPercent == null ? null : round1(readings.containerMemoryPercent);
  if (containerPercent != null && containerPercent > thresholds.memory) {
    warnings.push({
      metric: 'memory',
      value: containerPercent,
      threshold: thresholds.memory,
      subject: 'container',
      message: `container memory use is ${containerPercent}% of its limit, above the ${thresholds.memory}% threshold`,
    });
  }
  const warnedDevices = new Set<string>();
  for (const disk of disks ?? []) {
    if (disk.usePercent == null || disk.usePercent <= thresholds.disk || warnedDevices.has(disk.fs)) continue;
    warnedDevices.add(disk.fs);
    warnings.push({
      metric: 'disk',
      value: disk.usePercent,
      threshold: thresholds.disk,
      subject: disk.mount,
      message: `filesystem ${disk.mount} (${disk.fs}) is ${disk.usePercent}% full, above the ${thresholds.disk}% threshold`,
    });
  }
  return warnings;
}
