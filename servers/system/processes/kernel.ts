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

/**
 * Why this process may not see every process in /proc, or undefined when it sees them all. `mountinfo` is
 * /proc/self/mountinfo's text; the last mount on /proc is the one in effect. proc(5): with `hidepid=1`/`noaccess` other
 * users' /proc/<pid> cannot be read, with `2`/`invisible` they are not listed, with `4`/`ptraceable` only processes this
 * one may trace are; root (CAP_SYS_PTRACE) and members of the mount's `gid=` group see all. Without this, a listing
 * read as an ordinary user holds only that user's processes while it looks like the whole machine's.
 */
export function procHidesOthers(mountinfo: string, euid: number, groups: readonly number[]): string | undefined {
  let options: string | undefined;
  for (const line of mountinfo.split('\n')) {
    // "36 25 0:5 / /proc rw,nosuid - proc proc rw,hidepid=2": mount point is field 5, super options follow " - type source".
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    if (fields[4] === '/proc' && dash > 0 && fields[dash + 1] === 'proc') options = fields[dash + 3] ?? '';
  }
  if (options === undefined || euid === 0) return undefined;
  const opts = new Map(options.split(',').map((o) => [o.split('=')[0], o.split('=')[1] ?? ''] as const));
  const hidepid = opts.get('hidepid');
  if (hidepid === undefined || hidepid === '0' || hidepid === 'off') return undefined;
  const gid = opts.get('gid');
  if (gid !== undefined && groups.includes(Number(gid))) return undefined;
  return `/proc is mounted with hidepid=${hidepid} and this server runs as uid ${euid}: other users' processes are hidden from it, so the list and counts hold only the processes it may see`;
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
