// Memory and swap of the machine, and of its container when a cgroup limits it.
import os from 'node:os';
import * as si from 'systeminformation';
import { withDeadline } from '../../shared/progress';
import { percentOf, round1 } from '../format';
import { readCgroupMemory, type CgroupMemory } from './cgroup';
import { READ_DEADLINE_MS } from './interval';

/** Bytes, and percentages with one decimal. */
export interface MemoryReading {
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  percent: number;
  swap: { totalBytes: number; usedBytes: number; percent: number | null };
  /** The container's (cgroup's) own limit when it is below physical memory. */
  container: CgroupMemory | null;
}

/**
 * Memory "in use" is total minus available: page cache that the kernel can drop is not counted.
 * Reads systeminformation (falling back to Node's os figures) and the cgroup files; rejects with a
 * DeadlineError after READ_DEADLINE_MS, or an AbortError when `signal` aborts.
 */
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
    percent: round1(percentOf(used, total)),
    swap: {
      totalBytes: mem.swaptotal,
      usedBytes: mem.swapused,
      percent: mem.swaptotal > 0 ? round1(percentOf(mem.swapused, mem.swaptotal)) : null,
    },
    container,
  };
}
