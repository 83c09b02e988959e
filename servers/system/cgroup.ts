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

const DEFAULT_PATHS: CgroupPaths = { root: '/sys/fs/cgroup', selfCgroup: '/proc/self/cgroup', physicalBytes: 0 };

async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

async function readNumber(file: string): Promise<number | undefined> {
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
function candidates(base: string, cgroupPath: string): string[] {
  return [...new Set([path.posix.join(base, cgroupPath), base])];
}

/** Directories from `dir` up to `base`, for limits set on a parent (a systemd slice, a pod). */
function ancestors(dir: string, base: string): string[] {
  const out: string[] = [];
  for (let current = dir; current.startsWith(base); current = path.posix.dirname(current)) {
    out.push(current);
    if (current === base) break;
  }
  return out;
}

/** Memory limit and working set of this process's cgroup; null off Linux, without cgroups, or when no limit is below physical memory. */
export async function readCgroupMemory(paths: Partial<CgroupPaths> = {}): Promise<CgroupMemory | null> {
  if (process.platform !== 'linux' && paths.root === undefined) return null;
  const { root, selfCgroup, physicalBytes } = { ...DEFAULT_PATHS, physicalBytes: os.totalmem(), ...paths };
  const self = await readText(selfCgroup);
  if (!self) return null;
  const lines = self.split('\n').map((line) => {
    const [, controllers = '', cgroupPath = '/'] = line.split(':');
    return { controllers: controllers.split(','), cgroupPath };
  });

  const v2 = lines.find((l) => l.controllers.length === 1 && l.controllers[0] === '');
  if (v2) {
    for (const dir of candidates(root, v2.cgroupPath)) {
      const current = await readNumber(path.join(dir, 'memory.current'));
      if (current === undefined) continue;
      let limit = Infinity;
      for (const level of ancestors(dir, root)) {
        const max = await readNumber(path.join(level, 'memory.max'));
        if (max !== undefined) limit = Math.min(limit, max);
      }
      return result(limit, current - (await inactiveFile(dir, ['inactive_file'])), physicalBytes, 2);
    }
  }

  const v1 = lines.find((l) => l.controllers.includes('memory'));
  if (v1) {
    const base = path.posix.join(root, 'memory');
    for (const dir of candidates(base, v1.cgroupPath)) {
      const usage = await readNumber(path.join(dir, 'memory.usage_in_bytes'));
      if (usage === undefined) continue;
      let limit = Infinity;
      for (const level of ancestors(dir, base)) {
        const max = await readNumber(path.join(level, 'memory.limit_in_bytes'));
        if (max !== undefined) limit = Math.min(limit, max);
      }
      return result(limit, usage - (await inactiveFile(dir, ['total_inactive_file', 'inactive_file'])), physicalBytes, 1);
    }
  }
  return null;
}

function result(limit: number, used: number, physical: number, version: 1 | 2): CgroupMemory | null {
  if (!Number.isFinite(limit) || limit <= 0 || limit >= physical) return null;
  const usedBytes = Math.max(0, used);
  return { limitBytes: limit, usedBytes, percent: Math.round((1000 * usedBytes) / limit) / 10, cgroupVersion: version };
}
