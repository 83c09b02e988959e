// What the kernel knows about a process (Linux /proc): its name, its executable and its exact argv.
// systeminformation derives a name by cutting the command line at the first space, which turns
// "/tmp/batch worker 7" into "batch" and a process titled "db sync task" into "db".
import { readFile, readlink } from 'node:fs/promises';

export interface KernelView {
  /** /proc/<pid>/comm: the kernel's name (the executable's file name or the name the process set; at most 15 bytes). */
  name?: string;
  /** /proc/<pid>/exe: the executable's full path (absent for other users' processes and kernel threads). */
  executable?: string;
  /** /proc/<pid>/cmdline split on NUL: the exact arguments, argv[0] first (empty for kernel threads). */
  argv?: string[];
}

/** True where /proc describes processes (Linux). */
export function hasProcfs(): boolean {
  return process.platform === 'linux';
}

/**
 * The kernel's view of each pid (Linux; an empty map elsewhere). Fields the caller may not read
 * (other users' `exe`) or of processes that ended meanwhile are left out; never throws.
 */
export async function readKernelViews(pids: readonly number[]): Promise<Map<number, KernelView>> {
  const views = new Map<number, KernelView>();
  if (!hasProcfs()) return views;
  await Promise.all(
    pids.map(async (pid) => {
      const [comm, exe, cmdline] = await Promise.all([
        readFile(`/proc/${pid}/comm`, 'utf8').catch(() => undefined),
        readlink(`/proc/${pid}/exe`).catch(() => undefined),
        readFile(`/proc/${pid}/cmdline`).catch(() => undefined),
      ]);
      const view: KernelView = {};
      if (comm !== undefined) view.name = comm.replace(/\n$/, '');
      if (exe !== undefined) view.executable = exe.replace(/ \(deleted\)$/, '');
      if (cmdline !== undefined) view.argv = splitCmdline(cmdline);
      views.set(pid, view);
    }),
  );
  return views;
}

/**
 * argv from /proc/<pid>/cmdline (NUL-terminated strings). A process that rewrote its title (Node's
 * process.title) leaves its old argv area as NULs: trailing empty strings are dropped.
 */
export function splitCmdline(raw: Buffer): string[] {
  const parts = raw.toString('utf8').split('\0');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
