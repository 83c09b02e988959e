// A container's CPU limit: the CFS quota (docker --cpus, Kubernetes limits.cpu) and the cpuset
// (docker --cpuset-cpus, static CPU manager). The kernel's CPU times are the host's, so without
// these a container using all of its 0.25 CPU reads as "12% on 2 cores" on a quiet host.
import path from 'node:path';
import { z } from 'zod';
import { ancestors, candidates, DEFAULT_PATHS, readNumber, readText, type CgroupPaths } from './cgroup';

/** One reading of the cgroup's CPU files; counters are cumulative. */
export interface CgroupCpuSnapshot {
  cgroupVersion: 1 | 2;
  /** quota / period of the tightest CFS quota on the cgroup and its ancestors, in CPUs; null without one. */
  quotaCores: number | null;
  /** CPUs in the cgroup's cpuset; null when unknown. */
  cpusetCores: number | null;
  /** CPU time the cgroup used, µs; null when unreadable. */
  usageMicros: number | null;
  /** CFS periods elapsed, periods throttled and time throttled (µs): null without a quota's statistics. */
  periods: number | null;
  throttledPeriods: number | null;
  throttledMicros: number | null;
  /** When it was read (performance.now(), ms). */
  at: number;
}

export const containerCpuSchema = z
  .object({
    limitCores: z.number().describe('CPUs the container may use: the tighter of its CFS quota (quota / period) and its cpuset size'),
    limitBy: z.enum(['quota', 'cpuset']).describe('"quota": a CPU time quota (docker --cpus, Kubernetes limits.cpu); "cpuset": the CPUs it may run on (docker --cpuset-cpus)'),
    usedCores: z.number().nullable().describe('CPUs the container used on average over the interval (its cgroup\'s CPU time / elapsed time); null when unreadable'),
    percentOfLimit: z.number().nullable().describe('usedCores as % of limitCores: 100 means the container used all it may'),
    throttling: z
      .object({
        periods: z.number().describe('CFS periods (usually 100 ms) that elapsed during the interval'),
        throttledPeriods: z.number().describe('of them, periods in which the container was stopped because its quota ran out'),
        throttledMs: z.number().nullable().describe('time the container was held back by the quota during the interval, ms; null when the kernel does not say'),
      })
      .nullable()
      .describe('null without a quota (a cpuset alone does not throttle) or when the kernel gives no statistics'),
    cgroupVersion: z.number(),
  })
  .nullable()
  .describe("this container's (cgroup's) CPU limit when it is below the machine's logical cores (Linux), and its use of it; null otherwise");
export type ContainerCpu = NonNullable<z.infer<typeof containerCpuSchema>>;

/** "0-3,6,8-9" -> 7. */
export function countCpuList(list: string): number | null {
  let count = 0;
  for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return null;
    count += match[2] === undefined ? 1 : Number(match[2]) - Number(match[1]) + 1;
  }
  return count > 0 ? count : null;
}

function statField(stat: string | undefined, key: string): number | null {
  const match = stat?.match(new RegExp(`^${key} (\\d+)$`, 'm'));
  return match ? Number(match[1]) : null;
}

/** The tightest quota / period among `dirs` (a Kubernetes pod's quota sits on the pod's cgroup, the container's below it). */
async function tightestQuota(dirs: string[], read: (dir: string) => Promise<number | null>): Promise<number | null> {
  let tightest: number | null = null;
  for (const dir of dirs) {
    const cores = await read(dir);
    if (cores !== null && cores > 0 && (tightest === null || cores < tightest)) tightest = cores;
  }
  return tightest;
}

/** The first candidate directory holding `file`. */
async function firstWith(base: string, cgroupPath: string, file: string): Promise<string | undefined> {
  for (const dir of candidates(base, cgroupPath)) if ((await readText(path.join(dir, file))) !== undefined) return dir;
  return undefined;
}

async function readV2(root: string, cgroupPath: string, at: number): Promise<CgroupCpuSnapshot | null> {
  const dir = await firstWith(root, cgroupPath, 'cpu.stat');
  if (dir === undefined) return null;
  const stat = await readText(path.join(dir, 'cpu.stat'));
  // Unified hierarchy mounted elsewhere (hybrid layout): its root has no cpu.stat with usage_usec.
  if (statField(stat, 'usage_usec') === null) return null;
  const quotaCores = await tightestQuota(ancestors(dir, root), async (level) => {
    const [quota, period] = ((await readText(path.join(level, 'cpu.max'))) ?? '').split(/\s+/);
    return /^\d+$/.test(quota ?? '') && /^\d+$/.test(period ?? '') && Number(period) > 0 ? Number(quota) / Number(period) : null;
  });
  const cpuset = (await readText(path.join(dir, 'cpuset.cpus.effective'))) ?? '';
  return {
    cgroupVersion: 2,
    quotaCores,
    cpusetCores: countCpuList(cpuset),
    usageMicros: statField(stat, 'usage_usec'),
    periods: statField(stat, 'nr_periods'),
    throttledPeriods: statField(stat, 'nr_throttled'),
    throttledMicros: statField(stat, 'throttled_usec'),
    at,
  };
}

async function readV1(root: string, lines: Array<{ controllers: string[]; cgroupPath: string }>, at: number): Promise<CgroupCpuSnapshot | null> {
  /** The directory of `controller`'s hierarchy for this process (mounted as "cpu,cpuacct" or "cpu"), holding `file`. */
  const locate = async (controller: string, file: string): Promise<{ dir: string; base: string } | undefined> => {
    const line = lines.find((l) => l.controllers.includes(controller));
    if (!line) return undefined;
    for (const mount of [...new Set([line.controllers.join(','), controller])]) {
      const base = path.posix.join(root, mount);
      const dir = await firstWith(base, line.cgroupPath, file);
      if (dir !== undefined) return { dir, base };
    }
    return undefined;
  };
  const cpu = await locate('cpu', 'cpu.cfs_quota_us');
  const acct = await locate('cpuacct', 'cpuacct.usage');
  const cpuset = await locate('cpuset', 'cpuset.cpus');
  if (!cpu && !acct && !cpuset) return null;
  const quotaCores = cpu
    ? await tightestQuota(ancestors(cpu.dir, cpu.base), async (level) => {
        // -1 means no quota; readNumber refuses it.
        const quota = await readNumber(path.join(level, 'cpu.cfs_quota_us'));
        const period = await readNumber(path.join(level, 'cpu.cfs_period_us'));
        return quota !== undefined && period !== undefined && period > 0 ? quota / period : null;
      })
    : null;
  const stat = cpu ? await readText(path.join(cpu.dir, 'cpu.stat')) : undefined;
  const usageNanos = acct ? await readNumber(path.join(acct.dir, 'cpuacct.usage')) : undefined;
  const throttledNanos = statField(stat, 'throttled_time');
  const cpus = cpuset ? ((await readText(path.join(cpuset.dir, 'cpuset.effective_cpus'))) ?? (await readText(path.join(cpuset.dir, 'cpuset.cpus'))) ?? '') : '';
  return {
    cgroupVersion: 1,
    quotaCores,
    cpusetCores: countCpuList(cpus),
    usageMicros: usageNanos === undefined ? null : usageNanos / 1000,
    periods: statField(stat, 'nr_periods'),
    throttledPeriods: statField(stat, 'nr_throttled'),
    throttledMicros: throttledNanos === null ? null : throttledNanos / 1000,
    at,
  };
}

/**
 * The CPU files of this process's cgroup (or of the process whose /proc/<pid>/cgroup is
 * `paths.selfCgroup`), v2 first, then v1's cpu, cpuacct and cpuset hierarchies. Null off Linux or
 * without cgroup files; unreadable files count as absent, it does not throw for them.
 */
export async function readCgroupCpu(paths: Partial<CgroupPaths> = {}): Promise<CgroupCpuSnapshot | null> {
  if (process.platform !== 'linux' && paths.root === undefined) return null;
  const { root, selfCgroup } = { ...DEFAULT_PATHS, ...paths };
  const at = performance.now();
  const self = await readText(selfCgroup);
  if (!self) return null;
  const lines = self.split('\n').map((line) => {
    const [, controllers = '', cgroupPath = '/'] = line.split(':');
    return { controllers: controllers.split(','), cgroupPath };
  });
  const v2 = lines.find((l) => l.controllers.length === 1 && l.controllers[0] === '');
  return (v2 ? await readV2(root, v2.cgroupPath, at) : null) ?? (await readV1(root, lines, at));
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(0, b - a));

/**
 * The container's CPU limit and its use of it between two snapshots; null when there is no limit
 * below `logicalCores` (the whole machine) or no snapshot.
 */
export function containerCpuBetween(before: CgroupCpuSnapshot | null, after: CgroupCpuSnapshot | null, logicalCores: number): ContainerCpu | null {
  if (!before || !after) return null;
  const quota = after.quotaCores ?? Infinity;
  const cpuset = after.cpusetCores ?? Infinity;
  const limitCores = Math.min(quota, cpuset);
  if (!Number.isFinite(limitCores) || limitCores >= logicalCores) return null;
  const usage = delta(before.usageMicros, after.usageMicros);
  const elapsedMicros = (after.at - before.at) * 1000;
  const usedCores = usage === null || elapsedMicros <= 0 ? null : Math.round((100 * usage) / elapsedMicros) / 100;
  const periods = delta(before.periods, after.periods);
  const throttledPeriods = delta(before.throttledPeriods, after.throttledPeriods);
  const throttledMicros = delta(before.throttledMicros, after.throttledMicros);
  return {
    limitCores: Math.round(limitCores * 1000) / 1000,
    limitBy: quota <= cpuset ? 'quota' : 'cpuset',
    usedCores,
    // From the unrounded figures: 0.249 of 0.25 CPU is 99.6%, not the 100% the rounded figures would give.
    percentOfLimit: usage === null || elapsedMicros <= 0 ? null : Math.round((1000 * usage) / elapsedMicros / limitCores) / 10,
    throttling:
      after.quotaCores !== null && periods !== null && throttledPeriods !== null
        ? { periods, throttledPeriods, throttledMs: throttledMicros === null ? null : Math.round(throttledMicros / 1000) }
        : null,
    cgroupVersion: after.cgroupVersion,
  };
}
