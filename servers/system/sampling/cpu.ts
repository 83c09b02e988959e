// CPU use over an interval from two snapshots of per-core times (what a process monitor shows),
// not the average since boot that the raw counters give; and the container's use of its own CPU
// limit over the same interval.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { percentOf, round1 } from '../format';
import { containerCpuBetween, readCgroupCpu, type CgroupCpuSnapshot, type ContainerCpu } from './cgroup-cpu';

/** Cumulative busy and total time of each logical core (ms from os.cpus(), or ticks from /proc/stat: only ratios are used). */
export interface CpuSnapshot {
  busy: number[];
  total: number[];
}

/**
 * Per-core times from /proc/stat's "cpuN" lines: user nice system idle iowait irq softirq steal
 * (guest time is already inside user and nice). Busy is everything but idle, iowait, softirq and
 * steal included, as node_exporter's modes give the fleet tools (1 − idle rate): os.cpus() (libuv)
 * leaves iowait, softirq and steal out of both busy and total, so an I/O-bound or steal-heavy VM
 * read lower locally than in host_usage. Null when the text has no per-core lines.
 */
export function parseProcStat(text: string): CpuSnapshot | null {
  const busy: number[] = [];
  const total: number[] = [];
  for (const line of text.split('\n')) {
    if (!/^cpu\d+ /.test(line)) continue;
    const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
    const all = user + nice + system + idle + iowait + irq + softirq + steal;
    if (!Number.isFinite(all)) return null;
    busy.push(all - idle);
    total.push(all);
  }
  return total.length > 0 ? { busy, total } : null;
}

/** From /proc/stat on Linux (the fleet's formula); elsewhere from os.cpus(), which has no iowait or steal to leave out. */
export function cpuSnapshot(): CpuSnapshot {
  if (process.platform === 'linux') {
    try {
      const parsed = parseProcStat(readFileSync('/proc/stat', 'utf8'));
      if (parsed) return parsed;
    } catch {
      // Without /proc (a restricted sandbox), os.cpus() still gives most of the picture.
    }
  }
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
  /** Busy share of all the host's cores together, 0–100; null when the platform gives no CPU times. */
  percent: number | null;
  /** Busy % of each logical core. */
  perCore: number[];
  /** The container's CPU limit and its use of it, when a cgroup limits CPU below the machine's cores. */
  container: ContainerCpu | null;
}

/** CPU use between two snapshots, one decimal; a counter that went backwards counts as idle. */
export function cpuUsageBetween(before: CpuSnapshot, after: CpuSnapshot): Omit<CpuUsage, 'container'> {
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

/** Runs `work` and measures the machine's CPU use, and the container's use of its limit, while it ran. */
export async function cpuDuring<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuUsage }> {
  const cgroupBefore: CgroupCpuSnapshot | null = await readCgroupCpu().catch(() => null);
  const before = cpuSnapshot();
  const result = await work();
  const after = cpuSnapshot();
  const cgroupAfter = await readCgroupCpu().catch(() => null);
  return { result, cpu: { ...cpuUsageBetween(before, after), container: containerCpuBetween(cgroupBefore, cgroupAfter, os.cpus().length) } };
}
