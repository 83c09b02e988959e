// Linux containers (Docker, Kubernetes, dev containers) limit memory through cgroups while the
// kernel still reports the host's total: without this, a container at its limit looks nearly empty.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface CgroupMemory {
  /** The tightest limit on this process's cgroup and its ancestors. */
  limitBytes: number;
  /** Working set: usage minus inactive file cache, as docker stats and kubectl top count it. */
  usedBytes: number;
  percent: number;
  cgroupVersion: 1 | 2;
}

export interface CgroupPaths {
  root: string;
  selfCgroup: string;
  physicalBytes: number;
}

export const DEFAULT_PATHS: CgroupPaths = { root: '/sys/fs/cgroup', selfCgroup: '/proc/self/cgroup', physicalBytes: 0 };

export async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export async function readNumber(file: string): Promise<number | undefined> {
  const text = await readText(file);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

async function inactiveFile(dir: string, keys: string[]): Promise<number> {
  const stat = await readText(path.join(dir, 'memory.stat'));
  for (const key of keys) {
    const match = stat?.match(new RegExp(`^${key} (\\d+)$`, 'm'));
    if (match) return Number(match[1]);
  }
  return 0;
}

/** The cgroup directory for `cgroupPath`, either as mounted on the host or namespaced at the root (inside a container). */
export function candidates(base: string, cgroupPath: string): string[] {
  return [...new Set([path.posix.join(base, cgroupPath), base])];
}

/** Directories from `dir` up to `base`, for limits set on a parent (a systemd slice, a pod). */
export function ancestors(dir: string, base: string): string[] {
  const out: string[] = [];
  for (let current = dir; current.startsWith(base); current = path.posix.dirname(current)) {
    out.push(current);
    if (current === base) break;
  }
  return out;
}

/** Where one cgroup version keeps this process's memory figures. */
interface MemoryFiles {
  version: 1 | 2;
  /** The hierarchy's mount point. */
  base: string;
  /** This process's cgroup inside the hierarchy, from /proc/self/cgroup. */
  cgroupPath: string;
  usageFile: string;
  limitFile: string;
  /** memory.stat keys of the inactive file cache, first found wins. */
  inactiveKeys: string[];
}

/** The memory hierarchies /proc/self/cgroup names: v2 (unified) first, then v1's memory controller. */
function memoryHierarchies(root: string, selfCgroup: string): MemoryFiles[] {
  const lines = selfCgroup.split('\n').map((line) => {
    const [, controllers = '', cgroupPath = '/'] = line.split(':');
    return { controllers: controllers.split(','), cgroupPath };
  });
  const found: MemoryFiles[] = [];
  const v2 = lines.find((l) => l.controllers.length === 1 && l.controllers[0] === '');
  if (v2) {
    found.push({ version: 2, base: root, cgroupPath: v2.cgroupPath, usageFile: 'memory.current', limitFile: 'memory.max', inactiveKeys: ['inactive_file'] });
  }
  const v1 = lines.find((l) => l.controllers.includes('memory'));
  if (v1) {
    found.push({
      version: 1,
      base: path.posix.join(root, 'memory'),
      cgroupPath: v1.cgroupPath,
      usageFile: 'memory.usage_in_bytes',
      limitFile: 'memory.limit_in_bytes',
      inactiveKeys: ['total_inactive_file', 'inactive_file'],
    });
  }
  return found;
}

/** The first candidate directory with a usage figure, read; undefined when the hierarchy has none. */
async function readHierarchy(files: MemoryFiles): Promise<{ limit: number; used: number } | undefined> {
  for (const dir of candidates(files.base, files.cgroupPath)) {
    const usage = await readNumber(path.join(dir, files.usageFile));
    if (usage === undefined) continue;
    let limit = Infinity;
    for (const level of ancestors(dir, files.base)) {
      const max = await readNumber(path.join(level, files.limitFile));
      if (max !== undefined) limit = Math.min(limit, max);
    }
    return { limit, used: usage - (await inactiveFile(dir, files.inactiveKeys)) };
  }
  return undefined;
}

/**
 * Memory limit and working set of this process's cgroup, from the files under `paths.root`
 * (default /sys/fs/cgroup). Null off Linux, without cgroups, or when no limit is below physical
 * memory. Unreadable files count as absent; it does not throw for them.
 */
export async function readCgroupMemory(paths: Partial<CgroupPaths> = {}): Promise<CgroupMemory | null> {
  if (process.platform !== 'linux' && paths.root === undefined) return null;
  const { root, selfCgroup, physicalBytes } = { ...DEFAULT_PATHS, physicalBytes: os.totalmem(), ...paths };
  const self = await readText(selfCgroup);
  if (!self) return null;
  for (const files of memoryHierarchies(root, self)) {
    const reading = await readHierarchy(files);
    if (reading) return result(reading.limit, reading.used, physicalBytes, files.version);
  }
  return null;
}

function result(limit: number, used: number, physical: number, version: 1 | 2): CgroupMemory | null {
  if (!Number.isFinite(limit) || limit <= 0 || limit >= physical) return null;
  const usedBytes = Math.max(0, used);
  return { limitBytes: limit, usedBytes, percent: Math.round((1000 * usedBytes) / limit) / 10, cgroupVersion: version };
}
