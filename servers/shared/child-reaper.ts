// Programs a server starts (git, journalctl) must not outlive it. A server that exits or whose stdin closes stops
// them itself; one killed outright (SIGKILL, from a client, a person or the OOM killer) runs no code at all, and they
// were re-parented to init and ran on: measured, a git waiting on a FIFO ran on for ever after its server was killed.
// So on POSIX each such child is started in a process group of its own, and one small `sh` per server process (the
// reaper, started with the server or its first child, in a session of its own so that a signal to the server's group spares it) is
// told the groups over a pipe. The pipe closes when the server's process ends, however it ends: the reaper then kills
// the groups still listed and exits. Node opens its pipes close-on-exec, so no child holds the pipe open. One case is
// left: a child whose start was under way at the moment of the kill (between fork and the line to the reaper, a few
// ms) is not listed yet. Windows has no process groups (a Job Object would be its way): there nothing is reaped; a
// child the server stops is ended with its tree (kill-tree.ts), as is a server the extension kills.
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Reads "+ <pid>" (a group to kill) and "- <pid>" (it ended) lines until its stdin closes, then kills the groups
 * listed. Anything else on a line is ignored; a pid is digits only, so nothing read can become a command.
 */
const REAPER_SCRIPT = [
  "trap '' HUP INT",
  "groups=' '",
  'while read -r op pid; do',
  "  case $pid in ''|*[!0-9]*) continue ;; esac",
  '  case $op in',
  '    +) groups="$groups$pid " ;;',
  `    -) kept=' '; for g in $groups; do [ "$g" = "$pid" ] || kept="$kept$g "; done; groups=$kept ;;`,
  '  esac',
  'done',
  'for g in $groups; do kill -s KILL -- "-$g" 2>/dev/null; done',
].join('\n');

/**
 * Kills, when this process ends in any way, the children given to `track` that are still running (with what they
 * started in their process group). One per server process (it watches that process's end): `childReaper`.
 */
export class ChildReaper {
  private reaper: ChildProcess | undefined;
  private unavailable = process.platform === 'win32';

  /** Options for `spawn` that put the child in a process group of its own (POSIX), as `track` needs. */
  spawnOptions(): { detached?: boolean } {
    return this.unavailable ? {} : { detached: true };
  }

  /** Lists `child` (spawned with `spawnOptions()`) with the reaper until it exits. Without a reaper (no `sh`), nothing. */
  track(child: ChildProcess): void {
    const pid = child.pid;
    if (this.unavailable || pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    this.send(`+ ${pid}\n`);
    child.once('exit', () => this.send(`- ${pid}\n`));
  }

  private send(line: string): void {
    const stdin = this.start()?.stdin;
    if (stdin && !stdin.destroyed) stdin.write(line);
  }

  /**
   * Starts the reaper now rather than with the first child. A server that starts children at once (git: on its first
   * call) calls it first: otherwise, killed while the reaper itself was being started (a few ms, longer under load),
   * it left that first child unlisted (measured: 3 times in 8 kills of a server on its first call).
   */
  start(): ChildProcess | undefined {
    if (this.reaper || this.unavailable) return this.reaper;
    const reaper = spawn('sh', ['-c', REAPER_SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    reaper.on('error', () => {
      // No sh here: children are then stopped as before, by the server while it runs.
      this.unavailable = true;
      this.reaper = undefined;
    });
    reaper.on('exit', () => {
      if (this.reaper === reaper) this.reaper = undefined;
    });
    reaper.stdin?.on('error', () => undefined);
    // Neither the reaper nor its pipe keeps the server running: the server's end is what it waits for.
    reaper.unref();
    (reaper.stdin as { unref?: () => void } | null)?.unref?.();
    this.reaper = reaper;
    return reaper;
  }
}

/** The reaper of this server process (see ChildReaper): one per process, because what it watches is the process's end. */
export const childReaper = new ChildReaper();
