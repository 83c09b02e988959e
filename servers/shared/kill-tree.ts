// Stopping a program together with what it started. On POSIX the servers and their git and journalctl run in process
// groups of their own, and a group is signalled whole (child-reaper.ts, src/mcp/server-transport.ts). Windows has no
// process groups to signal: `kill` there is TerminateProcess of that one process, and what it started ran on (a
// server's scan process and its ripgrep after the server was killed; the real git.exe behind Git for Windows'
// cmd\git.exe launcher). `taskkill /T /F /PID` ends the process and every process it started, found by parent id.
import { spawn, type ChildProcess } from 'node:child_process';
import { win32 } from 'node:path';

/** How a kill is carried out: the platform, and how a program is started (tests pass their own to see the call). */
export interface KillOptions {
  platform?: NodeJS.Platform;
  run?: (command: string, args: readonly string[]) => ChildProcess;
}

/**
 * The command that ends process `pid` and every process it started, on Windows: `taskkill /T` (its tree) `/F` (at
 * once, as SIGKILL), by the full path under `systemRoot` (the Windows folder: SystemRoot, C:\Windows by default), so
 * that no `taskkill` earlier on PATH is run instead.
 */
export function windowsTreeKill(pid: number, systemRoot = process.env.SystemRoot ?? process.env.SYSTEMROOT ?? 'C:\\Windows'): { command: string; args: string[] } {
  return { command: win32.join(systemRoot, 'System32', 'taskkill.exe'), args: ['/T', '/F', '/PID', String(pid)] };
}

const startHidden = (command: string, args: readonly string[]): ChildProcess => spawn(command, [...args], { stdio: 'ignore', windowsHide: true, shell: false });

/**
 * Ends process `pid` and, on Windows, every process it started (windowsTreeKill); on POSIX sends it SIGKILL (its group,
 * where it has one, is signalled by whoever made it). The process itself is never killed before taskkill has walked
 * its tree: its children are found by their parent's id, and a parent that is gone hides them. Where taskkill cannot
 * be started, the process alone is killed, as before. Never throws (a process already gone is no error).
 */
export function killPidTree(pid: number | undefined, options: KillOptions = {}): void {
  if (pid === undefined || pid <= 0) return;
  const killOne = () => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  if ((options.platform ?? process.platform) !== 'win32') return killOne();
  const { command, args } = windowsTreeKill(pid);
  let taskkill: ChildProcess;
  try {
    taskkill = (options.run ?? startHidden)(command, args);
  } catch {
    return killOne();
  }
  taskkill.once('error', killOne);
  taskkill.unref?.();
}

/** killPidTree for a child this process started, if it still runs (on POSIX its own `kill`, SIGKILL). Never throws. */
export function killChildTree(child: ChildProcess, options: KillOptions = {}): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if ((options.platform ?? process.platform) !== 'win32' || child.pid === undefined) {
    child.kill('SIGKILL');
    return;
  }
  killPidTree(child.pid, options);
}
