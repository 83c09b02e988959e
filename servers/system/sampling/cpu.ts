// CPU use over an interval from two snapshots of Node's per-core times (what a process monitor
// shows), not the average since boot that the raw counters give.
import os from 'node:os';
import { percentOf, round1 } from '../format';

/** Cumulative busy and total milliseconds of each logical core, from `os.cpus()`. */
export interface CpuSnapshot {
  busy: number[];
  total: number[];
}

export function cpuSnapshot(): CpuSnapshot {
  const busy: number[] = [];
  const total: number[] = [];
  for (const { times } of os.cpus()) {
    const b = times.user + times.nice + times.sys + times.irq;
    busy.push(b);
    total.push(b + times.idle);
  }
  return { busy, total };
}

export interface CpuUsage {
  /** Busy share of all cores together, 0–100; null when the platform gives no CPU times. */
  percent: number | null;
  /** Busy % of each logical core. */
  perCore: number[];
}

/** CPU use between two snapshots, one decimal; a counter that went backwards counts as idle. */
export function cpuUsageBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
  const cores = Math.min(before.total.length, after.total.length);
  if (cores === 0) return { percent: null, perCore: [] };
  let busySum = 0;
  let totalSum = 0;
  const perCore: number[] = [];
  for (let i = 0; i < cores; i++) {
    const busy = Math.max(0, after.busy[i] - before.busy[i]);
    const total = Math.max(0, after.total[i] - before.total[i]);
    busySum += busy;
    totalSum += total;
    perCore.push(round1(percentOf(busy, total)));
  }
  return { percent: round1(percentOf(busySum, totalSum)), perCore };
}

/** Runs `work` and measures the machine's CPU use while it ran. */
export async function cpuDuring<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuUsage }> {
  const before = cpuSnapshot();
  const result = await work();
  return { result, cpu: cpuUsageBetween(before, cpuSnapshot()) };
}
