// What Linux's /proc says about processes a test did not start itself (a server's children, their children): the
// tests that check no process is left behind read it. Elsewhere every function answers "nothing" ([] or false).
import { readFileSync } from 'node:fs';

/** The pids of `pid`'s children ([] when it has none, is gone, or /proc cannot tell). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** `pid`'s program name as /proc/<pid>/comm gives it (at most 15 bytes), undefined once it is gone. */
export function commandName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** `pid`'s arguments (/proc/<pid>/cmdline), [] once it is gone. */
export function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Whether `pid` is a live process: it exists and is not a zombie (a killed orphan stays a zombie where PID 1 does not
 * reap, as in a container whose first process is not an init, and `kill(pid, 0)` still succeeds on it).
 */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
