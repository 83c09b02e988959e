// The process table measured over an interval, as cleaned rows.
import os from 'node:os';
import { z } from 'zod';
import * as si from 'systeminformation';
import { throwIfAborted, type ProgressReporter } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { round1 } from '../format';
import { cpuDuring, type CpuUsage } from '../sampling/cpu';
import { exclusive, freshSample, measuredWait } from '../sampling/interval';
import { cleanCommand, COMMAND_MAX_CHARS } from './command-line';

const NAME_MAX_CHARS = 100;

export const processSchema = z.object({
  pid: z.number(),
  parentPid: z.number(),
  name: z.string(),
  cpuPercent: z.number().describe('share of the whole machine over the interval (all cores = 100)'),
  memoryPercent: z.number().describe('resident memory as % of total memory'),
  memoryBytes: z.number().describe('resident set size'),
  user: z.string(),
  state: z.string(),
  started: z.string().describe('start time, ISO 8601 when the platform gives one'),
  command: z.string().describe(`command line, control characters removed, secrets masked, at most ${COMMAND_MAX_CHARS} characters`),
});
export type ProcessRow = z.infer<typeof processSchema>;

export type ProcessSample = si.Systeminformation.ProcessesData;

/**
 * Two process-table reads `intervalMs` apart (systeminformation computes per-process CPU between
 * them) and the machine's CPU use over the same time. Reports progress 0–80; rejects with an
 * AbortError when `signal` aborts or a DeadlineError when a read hangs.
 */
export function sampleProcesses(intervalMs: number, signal: AbortSignal, report: ProgressReporter): Promise<{ result: ProcessSample; cpu: CpuUsage }> {
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
 * Rows for the processes whose name or command line contains `needle` (lower case; all without
 * one), leaving out this server's own helpers (the shells and `ps` systeminformation starts).
 */
export function processRows(list: ProcessSample['list'], needle: string | undefined): ProcessRow[] {
  // macOS ps reports % of one core; Linux and Windows samples are already shares of the machine.
  const cpuScale = process.platform === 'darwin' ? 1 / Math.max(1, os.cpus().length) : 1;
  const ownHelpers = descendantsOf(process.pid, list);
  const rows: ProcessRow[] = [];
  for (const p of list) {
    if (ownHelpers.has(p.pid)) continue;
    const commandLine = [p.command, p.params].filter(Boolean).join(' ');
    if (needle && !(p.name ?? '').toLowerCase().includes(needle) && !commandLine.toLowerCase().includes(needle)) continue;
    rows.push({
      pid: p.pid,
      parentPid: p.parentPid,
      name: sanitizeLine(p.name ?? '', NAME_MAX_CHARS),
      cpuPercent: round1(positive(p.cpu) * cpuScale),
      memoryPercent: round1(positive(p.mem)),
      memoryBytes: Math.round(positive(p.memRss) * 1024),
      user: sanitizeLine(p.user ?? '', 64),
      state: sanitizeLine(p.state ?? '', 32),
      started: startedAt(p.started),
      command: cleanCommand(commandLine),
    });
  }
  return rows;
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

const positive = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

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
