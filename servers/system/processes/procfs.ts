// The process table read straight from Linux /proc. systeminformation's processes() starts a `cat`
// per process for each of its two reads: 3,000 extra processes took 19–24 s (`ps` 0.43 s), and
// ~10,000 passed the client's 60 s timeout. Reading the files ourselves costs no process at all.
import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { KernelView } from './kernel';
import { splitCmdline } from './kernel';

/** The auxiliary-vector entry that holds sysconf(_SC_CLK_TCK) (elf.h); 0 ends the vector. */
const AT_CLKTCK = 17;
const AT_NULL = 0;

/**
 * AT_CLKTCK from an auxiliary vector (/proc/<pid>/auxv: pairs of native words, type then value), or undefined when
 * the vector has none. `wordBytes` 8 or 4, `endianness` os.endianness()'s letters.
 */
export function clockTicksFromAuxv(auxv: Buffer, wordBytes: 4 | 8, endianness: 'LE' | 'BE'): number | undefined {
  const word = (at: number): number => {
    if (wordBytes === 4) return endianness === 'LE' ? auxv.readUInt32LE(at) : auxv.readUInt32BE(at);
    return Number(endianness === 'LE' ? auxv.readBigUInt64LE(at) : auxv.readBigUInt64BE(at));
  };
  for (let at = 0; at + 2 * wordBytes <= auxv.length; at += 2 * wordBytes) {
    const type = word(at);
    if (type === AT_NULL) return undefined;
    if (type === AT_CLKTCK) {
      const value = word(at + wordBytes);
      return value > 0 ? value : undefined;
    }
  }
  return undefined;
}

let ticksPerSecond: number | undefined;

/**
 * Clock ticks per second of the times in /proc/<pid>/stat (USER_HZ, what sysconf(_SC_CLK_TCK) returns): the value
 * the kernel gave this process in its auxiliary vector (AT_CLKTCK, /proc/self/auxv, where the C library reads it too),
 * else `getconf CLK_TCK`. It is a constant of the running kernel, so it is read once per process. Throws when neither
 * can be read: a figure from an assumed value would be wrong by that factor where USER_HZ is not 100.
 */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond !== undefined) return ticksPerSecond;
  let found: number | undefined;
  try {
    const wordBytes = /64|s390x/.test(process.arch) ? 8 : 4;
    found = clockTicksFromAuxv(readFileSync('/proc/self/auxv'), wordBytes, os.endianness());
  } catch {
    // unreadable: ask getconf below
  }
  if (found === undefined) {
    try {
      const text = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (/^[1-9]\d*$/.test(text)) found = Number(text);
    } catch {
      // no getconf either: said below
    }
  }
  if (found === undefined) throw new Error('cannot tell the clock ticks per second of /proc times (no AT_CLKTCK in /proc/self/auxv, no `getconf CLK_TCK`)');
  ticksPerSecond = found;
  return found;
}

/** Milliseconds in `ticks` clock ticks at `perSecond` ticks a second (USER_HZ). */
export function ticksToMs(ticks: number, perSecond: number): number {
  return (ticks * 1000) / perSecond;
}

/** % of the whole machine (all `cores` = 100, capped there) that `ticks` of CPU time over `spanMs` of wall time is; 0 for no span. */
export function cpuPercentOf(ticks: number, spanMs: number, cores: number, perSecond: number): number {
  return spanMs > 0 ? Math.max(0, Math.min(100, (ticksToMs(ticks, perSecond) * 100) / (spanMs * cores))) : 0;
}

/**
 * Processes read per turn of the event loop. /proc files are made by the kernel on read and never
 * wait for a disk, so a plain read is cheaper than a trip through libuv's thread pool (3,000
 * processes: 0.5 s against 1.3 s); turns this small keep the server answering (cancellation) between them.
 */
const BATCH = 256;
/** The fields of /proc/<pid>/stat we use (proc(5)); times in clock ticks. */
export interface ProcStat {
  pid: number;
  /** Same text as /proc/<pid>/comm (at most 15 bytes); may hold spaces and parentheses. */
  comm: string;
  /** One letter: R running, S sleeping, D uninterruptible (disk) sleep, Z zombie, T stopped, t traced, I idle kernel thread, X dead. */
  state: string;
  parentPid: number;
  /** User plus system CPU time of all the process's threads, in clock ticks. */
  cpuTicks: number;
  /** Start time in clock ticks after boot. */
  startTicks: number;
}

/**
 * Parses /proc/<pid>/stat. The name sits in parentheses and may itself hold `)` and spaces
 * ("a) b (c"), so it ends at the LAST `)`: every field after it is a number or a state letter.
 * Returns null for text that is not a stat line.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  // After ") ": field 3 (state) is rest[0], so field n is rest[n - 3].
  const rest = text.slice(close + 2).trim().split(' ');
  const field = (n: number) => Number(rest[n - 3]);
  const stat = { pid, comm: text.slice(open + 1, close), state: rest[0] ?? '', parentPid: field(4), cpuTicks: field(14) + field(15), startTicks: field(22) };
  return Number.isInteger(pid) && Number.isFinite(stat.cpuTicks) && Number.isFinite(stat.parentPid) ? stat : null;
}

/** Status words of the table (systeminformation's, so both platforms read the same). */
const STATE_NAMES: Record<string, string> = { R: 'running', S: 'sleeping', I: 'idle', D: 'blocked', Z: 'zombie', T: 'stopped', t: 'stopped', X: 'dead', W: 'paging', P: 'parked' };

/** One row of the table, in systeminformation's field names and units (what processRows reads). */
export interface ProcessEntry {
  pid: number;
  parentPid: number;
  name: string;
  /** % of the whole machine over the measured interval (all cores = 100). */
  cpu: number;
  /** Resident memory as % of MemTotal. */
  mem: number;
  /** Resident set size in KiB. */
  memRss: number;
  user: string;
  state: string;
  /** ISO 8601 start time. */
  started: string;
  /** Command line (kernel threads: their name in brackets, as ps shows them). */
  command: string;
  params: string;
}

export interface ProcessTable {
  all: number;
  running: number;
  /** Sleeping processes, idle kernel threads included (they wait as a sleeping process does). */
  sleeping: number;
  /** In uninterruptible sleep (D), mostly waiting for a disk. */
  blocked: number;
  list: ProcessEntry[];
  /** The kernel's name, executable and argv per pid (read in the same pass). */
  kernel?: Map<number, KernelView>;
}

/** Maps `items` through `work`, BATCH at a time, yielding to the event loop between batches. */
async function mapBatched<T, R>(items: readonly T[], work: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + BATCH)) out.push(work(item));
  }
  return out;
}

/** A /proc file's text, or undefined when the process is gone (ENOENT, ESRCH) or the file is not ours to read. */
function readProc(path: string): string | undefined;
function readProc(path: string, raw: true): Buffer | undefined;
function readProc(path: string, raw?: true): string | Buffer | undefined {
  try {
    return raw ? readFileSync(path) : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The pids /proc lists now (thread groups; threads are not listed at the top level). */
async function listPids(): Promise<number[]> {
  return (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
}

interface Tick {
  stat: ProcStat;
  /** performance.now() just after the stat was read, in ms. */
  at: number;
}

/**
 * /proc/<pid>/stat of every process, each with the moment it was read. A process that ends
 * between the listing and the read (ENOENT, ESRCH) is left out: it no longer exists.
 */
export async function readStats(pids?: readonly number[]): Promise<Map<number, Tick>> {
  const list = pids ?? (await listPids());
  const ticks = new Map<number, Tick>();
  await mapBatched(list, (pid) => {
    const text = readProc(`/proc/${pid}/stat`);
    const stat = text === undefined ? null : parseProcStat(text);
    if (stat) ticks.set(pid, { stat, at: performance.now() });
  });
  return ticks;
}

/** uid → user name from /etc/passwd (the uid itself when it has no entry there, as ps prints it). */
async function userNames(): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const text = await readFile('/etc/passwd', 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid && !names.has(uid)) names.set(uid, name);
  }
  return names;
}

async function memTotalKib(): Promise<number> {
  const text = await readFile('/proc/meminfo', 'utf8');
  return Number(/^MemTotal:\s+(\d+) kB/m.exec(text)?.[1] ?? os.totalmem() / 1024);
}

async function bootTimeMs(): Promise<number> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => '');
  const btime = /^btime (\d+)/m.exec(text)?.[1];
  return btime ? Number(btime) * 1000 : Date.now() - os.uptime() * 1000;
}

/**
 * The table from a first stat pass (`before`, from readStats) and a second one now: each process's
 * CPU is its user+system ticks over the time between its own two reads (a process started meanwhile:
 * since its start), as a share of all cores; memory is VmRSS from /proc/<pid>/status. Processes that
 * end while being read are left out. Linux only; rejects only when /proc itself cannot be listed or its clock ticks
 * per second cannot be read (clockTicksPerSecond).
 */
export async function readProcessTable(before: ReadonlyMap<number, Tick>): Promise<ProcessTable> {
  const perSecond = clockTicksPerSecond();
  const [after, users, totalKib, bootMs] = await Promise.all([readStats(), userNames(), memTotalKib(), bootTimeMs()]);
  const cores = Math.max(1, os.cpus().length);
  const uptimeNow = (await readFile('/proc/uptime', 'utf8').catch(() => '')).split(' ')[0];
  const nowSinceBootMs = uptimeNow ? Number(uptimeNow) * 1000 : performance.now();
  const uptimeReadAt = performance.now();
  const table: ProcessTable = { all: 0, running: 0, sleeping: 0, blocked: 0, list: [], kernel: new Map() };
  const rows = await mapBatched([...after.values()], ({ stat, at }) => {
    const status = readProc(`/proc/${stat.pid}/status`);
    const cmdline = readProc(`/proc/${stat.pid}/cmdline`, true);
    let exe: string | undefined;
    try {
      exe = readlinkSync(`/proc/${stat.pid}/exe`);
    } catch {
      // other users' processes and kernel threads: no executable path to show
    }
    if (status === undefined) return undefined; // ended meanwhile
    const first = before.get(stat.pid);
    // The same pid with another start time is a new process that reused it.
    const sameProcess = first && first.stat.startTicks === stat.startTicks;
    const startedSinceBootMs = ticksToMs(stat.startTicks, perSecond);
    const spanMs = sameProcess ? at - first.at : nowSinceBootMs + (at - uptimeReadAt) - startedSinceBootMs;
    const ticks = sameProcess ? stat.cpuTicks - first.stat.cpuTicks : stat.cpuTicks;
    const cpu = cpuPercentOf(ticks, spanMs, cores, perSecond);
    const rssKib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0); // kernel threads have no VmRSS
    const uid = /^Uid:\s+\d+\s+(\d+)/m.exec(status)?.[1] ?? ''; // the effective uid, the one ps names
    const argv = cmdline === undefined ? [] : splitCmdline(cmdline);
    table.kernel!.set(stat.pid, { name: stat.comm, ...(exe ? { executable: exe.replace(/ \(deleted\)$/, '') } : {}), argv });
    const entry: ProcessEntry = {
      pid: stat.pid,
      parentPid: stat.parentPid,
      name: stat.comm,
      cpu,
      mem: totalKib > 0 ? (100 * rssKib) / totalKib : 0,
      memRss: rssKib,
      user: users.get(uid) ?? uid,
      state: STATE_NAMES[stat.state] ?? 'unknown',
      started: new Date(bootMs + startedSinceBootMs).toISOString(),
      // A kernel thread (and a zombie) has no argv: ps shows its name in brackets.
      command: argv.length > 0 ? argv.join(' ') : `[${stat.comm}]`,
      params: '',
    };
    return entry;
  });
  for (const row of rows) {
    if (!row) continue;
    table.list.push(row);
    table.all++;
    if (row.state === 'running') table.running++;
    else if (row.state === 'sleeping' || row.state === 'idle') table.sleeping++;
    else if (row.state === 'blocked') table.blocked++;
  }
  return table;
}
