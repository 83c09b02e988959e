// The process table measured over an interval, as cleaned rows.
import os from 'node:os';
import { z } from 'zod';
import * as si from 'systeminformation';
import { throwIfAborted, type ProgressReporter } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { hasInvisible, showInvisible } from '../../shared/invisible';
import { round1 } from '../format';
import { cpuDuring, type CpuUsage } from '../sampling/cpu';
import { exclusive, freshSample, measuredWait, READ_DEADLINE_MS } from '../sampling/interval';
import { withDeadline } from '../../shared/progress';
import { cleanArguments, cleanCommand, COMMAND_MAX_CHARS, joinArgv } from './command-line';
import { hasProcfs, type KernelView } from './kernel';
import { readProcessTable, readStats, type ProcessTable } from './procfs';

const NAME_MAX_CHARS = 100;

export const processSchema = z.object({
  pid: z.number(),
  parentPid: z.number(),
  name: z.string().describe('the name the kernel knows (Linux /proc/<pid>/comm: the executable\'s file name, or the title the process gave itself; at most 15 bytes there)'),
  executable: z.string().optional().describe('full path of the executable, when readable'),
  arguments: z.array(z.string()).optional().describe('the arguments after the executable, exactly as given (control characters removed, secrets masked)'),
  cpuPercent: z.number().describe('share of the whole machine over the interval (all the host\'s cores = 100)'),
  cpuPercentOfLimit: z
    .number()
    .optional()
    .describe("inside a container with a CPU limit (quota or cpuset): the same use as % of what the container may use (its limit = 100); absent without one"),
  memoryPercent: z.number().describe('resident memory as % of total memory'),
  memoryBytes: z.number().describe('resident set size'),
  user: z.string(),
  state: z.string(),
  started: z.string().describe('start time, ISO 8601 when the platform gives one'),
  command: z.string().describe(`command line (arguments with spaces in double quotes), control characters removed, secrets masked, at most ${COMMAND_MAX_CHARS} characters`),
});
export type ProcessRow = z.infer<typeof processSchema>;

/** The process table: /proc's on Linux (with the kernel's views), systeminformation's elsewhere. */
export type ProcessSample = ProcessTable;

/**
 * The process table measured over `intervalMs` and the machine's CPU use over the same time. On
 * Linux two passes over /proc (no child process; per-process CPU between each process's two reads);
 * elsewhere two systeminformation reads (it computes per-process CPU between them). Reports
 * progress 0–80; rejects with an AbortError when `signal` aborts or a DeadlineError when a read hangs.
 */
export function sampleProcesses(intervalMs: number, signal: AbortSignal, report: ProgressReporter): Promise<{ result: ProcessSample; cpu: CpuUsage }> {
  if (hasProcfs()) {
    return (async () => {
      throwIfAborted(signal);
      await report(0, 'reading the process table');
      return cpuDuring(async () => {
        const before = await withDeadline(readStats(), READ_DEADLINE_MS, 'reading the process table', signal);
        await measuredWait(intervalMs, signal, report, 10, 80);
        return withDeadline(readProcessTable(before), READ_DEADLINE_MS, 'reading the process table', signal);
      });
    })();
  }
  const read = () => freshSample('processes', 'reading the process table', () => si.processes(), signal);
  // systeminformation computes per-process CPU against its previous sample (module state), so
  // the two samples of one request must not interleave with another request's.
  return exclusive('processes', async () => {
    throwIfAborted(signal);
    await report(0, 'reading the process table');
    return cpuDuring(async () => {
      await read();
      await measuredWait(intervalMs, signal, report, 10, 80);
      return read();
    });
  });
}

/**
 * Rows for the processes whose name, executable, command line or arguments (as shown: cleaned,
 * masked, capped) contain `needle` (lower case; all without one; an invisible character in it is matched as shown), leaving out this server's own helpers (the shells and `ps` systeminformation starts).
 * `kernel` (Linux /proc, see readKernelViews) gives the exact name, executable and argv; without
 * it systeminformation's values are used.
 */
export function processRows(list: ProcessSample['list'], needle: string | undefined, kernel: ReadonlyMap<number, KernelView> = new Map()): ProcessRow[] {
  // Rows show an invisible character written out (`dep\u202Eloy`): a needle holding the character itself (a name
  // typed or copied from elsewhere) is looked for as it is shown (leftovers26: it matched nothing).
  if (needle !== undefined && hasInvisible(needle)) needle = showInvisible(needle).toLowerCase();
  // macOS ps reports % of one core; Linux and Windows samples are already shares of the machine.
  const cpuScale = process.platform === 'darwin' ? 1 / Math.max(1, os.cpus().length) : 1;
  const ownHelpers = descendantsOf(process.pid, list);
  const rows: ProcessRow[] = [];
  for (const p of list) {
    if (ownHelpers.has(p.pid)) continue;
    const identity = identify(p, kernel.get(p.pid));
    const shown = {
      name: sanitizeLine(identity.name, NAME_MAX_CHARS),
      executable: identity.executable ? sanitizeLine(identity.executable, 1000) : undefined,
      arguments: identity.args ? cleanArguments(identity.args) : undefined,
      command: cleanCommand(identity.commandLine),
    };
    // Matched against what the row shows, so every row returned visibly contains the text.
    if (needle && ![shown.name, shown.executable ?? '', shown.command, ...(shown.arguments ?? [])].some((text) => text.toLowerCase().includes(needle))) continue;
    rows.push({
      pid: p.pid,
      parentPid: p.parentPid,
      name: shown.name,
      ...(shown.executable ? { executable: shown.executable } : {}),
      ...(shown.arguments ? { arguments: shown.arguments } : {}),
      cpuPercent: round1(positive(p.cpu) * cpuScale),
      memoryPercent: round1(positive(p.mem)),
      memoryBytes: Math.round(positive(p.memRss) * 1024),
      user: sanitizeLine(p.user ?? '', 64),
      state: sanitizeLine(p.state ?? '', 32),
      started: startedAt(p.started),
      command: shown.command,
    });
  }
  return rows;
}

/** Name, executable, arguments and command line: the kernel's where it has them, else systeminformation's. */
function identify(p: ProcessSample['list'][number], view: KernelView | undefined): { name: string; executable?: string; args?: string[]; commandLine: string } {
  const argv = view?.argv && view.argv.length > 0 ? view.argv : undefined;
  return {
    name: view?.name === undefined ? (p.name ?? '') : untruncated(view.name, [view.executable, argv?.[0]]),
    executable: view?.executable,
    args: argv?.slice(1),
    commandLine: argv ? joinArgv(argv) : [p.command, p.params].filter(Boolean).join(' '),
  };
}

/** Busiest first (ties: larger memory first), or largest resident memory first. */
export function sortRows(rows: ProcessRow[], by: 'cpu' | 'memory'): void {
  rows.sort(by === 'cpu' ? (a, b) => b.cpuPercent - a.cpuPercent || b.memoryBytes - a.memoryBytes : (a, b) => b.memoryBytes - a.memoryBytes);
}

/** systeminformation gives local "YYYY-MM-DD HH:MM:SS"; an ISO time with its zone cannot be misread. */
function startedAt(raw: string | undefined): string {
  const text = sanitizeLine(raw ?? '', 32);
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return text;
  const date = new Date(text.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** The kernel keeps 15 bytes of a name: a full file name it is the start of (executable, argv[0]) is the name uncut. */
function untruncated(comm: string, paths: ReadonlyArray<string | undefined>): string {
  if (Buffer.byteLength(comm) < 15) return comm;
  for (const path of paths) {
    const base = path?.split('/').pop();
    if (base && base.length > comm.length && base.startsWith(comm)) return base;
  }
  return comm;
}

const positive = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** How many processes of `list` this server started (systeminformation's shells and `ps`; none with /proc): left out of the rows. */
export function ownHelperCount(list: Array<{ pid: number; parentPid: number }>): number {
  return descendantsOf(process.pid, list).size;
}

/** The shells and `ps` runs systeminformation starts for us: not part of the machine's workload. */
function descendantsOf(root: number, list: Array<{ pid: number; parentPid: number }>): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of list) children.set(p.parentPid, [...(children.get(p.parentPid) ?? []), p.pid]);
  const found = new Set<number>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.pop()!;
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}
