// Shared pieces for readings taken over an interval: CPU time snapshots, a cancellable wait that
// reports progress, and a lock so two requests never interleave systeminformation's own samples.
import os from 'node:os';
import * as si from 'systeminformation';
import { delay, withDeadline, type ProgressReporter } from '../shared/progress';
import { readCgroupMemory, type CgroupMemory } from './cgroup';

/** Longest time any single systeminformation read may take before the tool gives up. */
export const READ_DEADLINE_MS = 20_000;

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
  perCore: number[];
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.max(0, (100 * part) / whole)) : 0);
export const round1 = (n: number) => Math.round(n * 10) / 10;

/** CPU use between two snapshots: what a process monitor shows, not the average since boot. */
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
    perCore.push(round1(pct(busy, total)));
  }
  return { percent: round1(pct(busySum, totalSum)), perCore };
}

export interface MemoryReading {
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  percent: number;
  swap: { totalBytes: number; usedBytes: number; percent: number | null };
  /** The container's (cgroup's) own limit when it is below physical memory. */
  container: CgroupMemory | null;
}

/** Memory "in use" is total minus available: page cache that the kernel can drop is not counted. */
export async function readMemory(signal?: AbortSignal): Promise<MemoryReading> {
  const [mem, container] = await Promise.all([
    withDeadline(si.mem(), READ_DEADLINE_MS, 'reading memory', signal),
    readCgroupMemory().catch(() => null),
  ]);
  const total = mem.total || os.totalmem();
  const available = Number.isFinite(mem.available) && mem.available > 0 ? mem.available : os.freemem();
  const used = Math.max(0, total - available);
  return {
    totalBytes: total,
    usedBytes: used,
    availableBytes: available,
    percent: round1(pct(used, total)),
    swap: {
      totalBytes: mem.swaptotal,
      usedBytes: mem.swapused,
      percent: mem.swaptotal > 0 ? round1(pct(mem.swapused, mem.swaptotal)) : null,
    },
    container,
  };
}

/**
 * Waits `ms` while telling the client how far along the measurement is (progress 0–100 between
 * `from` and `to`), and stops at once when the request is cancelled.
 */
export async function measuredWait(ms: number, signal: AbortSignal, report: ProgressReporter, from = 10, to = 90): Promise<void> {
  const tick = 250;
  const started = Date.now();
  for (;;) {
    const elapsed = Date.now() - started;
    if (elapsed >= ms) break;
    await delay(Math.min(tick, ms - elapsed), signal);
    const done = Math.min(1, (Date.now() - started) / ms);
    await report(Math.round(from + (to - from) * done), `measuring (${Math.min(ms, Date.now() - started)} of ${ms} ms)`);
  }
}

/** systeminformation answers from a cache for 500 ms after a read of processes or network counters. */
const SI_CACHE_MS = 500;
const lastSampleEnd = new Map<string, number>();

/**
 * Reads a systeminformation sample that is really new: waits out its cache window since the last
 * sample of the same kind (cancellably), and gives up after READ_DEADLINE_MS.
 */
export async function freshSample<T>(kind: string, what: string, read: () => Promise<T>, signal: AbortSignal): Promise<T> {
  const wait = SI_CACHE_MS + 20 - (Date.now() - (lastSampleEnd.get(kind) ?? 0));
  if (wait > 0) await delay(wait, signal);
  try {
    return await withDeadline(read(), READ_DEADLINE_MS, what, signal);
  } finally {
    lastSampleEnd.set(kind, Date.now());
  }
}

const locks = new Map<string, Promise<unknown>>();

/** Runs `work` after any earlier work under the same key has finished. */
export function exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(key, next);
  void next.finally(() => {
    if (locks.get(key) === next) locks.delete(key);
  }).catch(() => undefined);
  return next;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
