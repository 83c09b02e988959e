// The stdio transport to one server process, started in a process group of its own on POSIX so that stopping the
// server stops what it started: a server killed with SIGKILL (hung, so it could not stop its calls) left its git,
// ripgrep, journalctl and scan processes running, each holding a core until its own work ended (git waiting on a FIFO
// never ends). The servers put their git and journalctl in groups of their own, which their reaper kills when the
// server's process ends (servers/shared/child-reaper.ts, also for a client that kills them outright); ripgrep and the
// scan process stay in the server's group. The SDK's StdioClientTransport cannot start a process in its own group, so on POSIX the process is
// spawned here; on Windows, where a process group cannot be signalled, the SDK's transport (cross-spawn, which finds
// `npx.cmd` and the like) is kept and the server is killed with what it started by `taskkill /T /F` (kill-tree.ts). No
// `vscode` import.
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, type Stream } from 'node:stream';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { killPidTree } from '../../servers/shared/kill-tree';

/** How the server is started: its program, arguments, extra environment (over the SDK's small default one) and folder. */
export interface ServerProcessParams {
  command: string;
  args: readonly string[];
  env?: Record<string, string>;
  cwd?: string;
}

/** A transport to a server process that can also kill the process and everything it started. */
export interface ServerTransport extends Transport {
  /** The server's pid once started, until it has exited. */
  readonly pid: number | null;
  /** The server's stderr, readable before start() (nothing written early is lost). */
  readonly stderr: Stream | null;
  /** SIGKILL to the server and every process of its group (POSIX), or its process tree (Windows, taskkill). Never throws. */
  killAll(): void;
  /**
   * How the server's process ended, once it has: its exit code, or the signal that ended it. Undefined while it runs,
   * and where the transport cannot tell (the SDK's transport on Windows).
   */
  readonly exitStatus?: ProcessExit;
}

/** How a process ended: `code` when it exited by itself, `signal` (e.g. 'SIGKILL') when a signal ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Milliseconds close() waits for the server to exit after its stdin ends, and again after SIGTERM (the SDK's waits). */
const CLOSE_STEP_MS = 2000;

/** The transport for this platform: its own process group on POSIX, the SDK's transport on Windows. */
export function serverTransport(params: ServerProcessParams): ServerTransport {
  return process.platform === 'win32' ? new SdkServerTransport(params) : new ProcessGroupTransport(params);
}

/**
 * Newline-delimited JSON-RPC over the stdin/stdout of a server spawned `detached` (its own session and process group,
 * whose id is its pid). When the server exits, for whatever reason, the rest of its group is killed at once: a child
 * that outlives its server is an orphan nobody waits for. close() ends stdin, then sends SIGTERM to the server after
 * CLOSE_STEP_MS and SIGKILL to the group after another CLOSE_STEP_MS (the stdio shutdown the specification gives).
 */
export class ProcessGroupTransport implements ServerTransport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly stderr = new PassThrough();
  private child: ChildProcess | undefined;
  private readonly readBuffer = new ReadBuffer();

  constructor(private readonly params: ServerProcessParams) {}

  get pid(): number | null {
    return this.child?.exitCode === null && this.child.signalCode === null ? (this.child.pid ?? null) : null;
  }

  get exitStatus(): ProcessExit | undefined {
    const child = this.child;
    return child && !running(child) ? { code: child.exitCode, signal: child.signalCode } : undefined;
  }

  start(): Promise<void> {
    if (this.child) throw new Error('The server transport is already started.');
    return new Promise((resolve, reject) => {
      const child = spawn(this.params.command, [...this.params.args], {
        env: { ...getDefaultEnvironment(), ...this.params.env },
        cwd: this.params.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
        shell: false,
      });
      this.child = child;
      child.on('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.on('spawn', () => resolve());
      // The group's id is the server's pid; at 'exit' the pid has just been reaped, and while a member of its group
      // lives, no new process can be given that id, so the signal reaches only what the server left behind.
      child.on('exit', () => killGroup(child.pid));
      child.on('close', () => {
        this.readBuffer.clear();
        this.onclose?.();
      });
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('data', (chunk: Buffer) => {
        this.readBuffer.append(chunk);
        for (;;) {
          let message: JSONRPCMessage | null;
          try {
            message = this.readBuffer.readMessage();
          } catch (error) {
            this.onerror?.(error as Error);
            continue;
          }
          if (message === null) break;
          this.onmessage?.(message);
        }
      });
      child.stderr?.pipe(this.stderr);
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || !stdin.writable) return Promise.reject(new Error('Not connected'));
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || !running(child)) return;
    child.stdin?.end();
    if (await exitWithin(child, CLOSE_STEP_MS)) return;
    signal(child.pid, 'SIGTERM');
    if (await exitWithin(child, CLOSE_STEP_MS)) return;
    this.killAll();
    await exitWithin(child, CLOSE_STEP_MS);
  }

  killAll(): void {
    const child = this.child;
    if (!child || !running(child)) return;
    killGroup(child.pid);
  }
}

/** The SDK's transport (Windows): the server is killed with every process it started (taskkill /T, kill-tree.ts). */
class SdkServerTransport extends StdioClientTransport implements ServerTransport {
  constructor(params: ServerProcessParams) {
    super({ command: params.command, args: [...params.args], env: params.env, cwd: params.cwd, stderr: 'pipe' });
  }

  killAll(): void {
    killPidTree(this.pid ?? undefined);
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Resolves true once `child` has exited, false after `ms` (the timer does not keep the host alive). */
function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (!running(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    timer.unref();
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** SIGKILL to every process of the group `pgid` (ESRCH, an empty group, is the usual answer and ignored). */
function killGroup(pgid: number | undefined): void {
  if (pgid !== undefined && pgid > 0) signal(-pgid, 'SIGKILL');
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined || pid === 0) return;
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
