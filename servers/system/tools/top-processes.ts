import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { sanitizeLine } from '../../shared/sanitize';
import type { SystemConfig } from '../config';
import { formatBytes } from '../../shared/bytes';
import type { ContainerCpu } from '../sampling/cgroup-cpu';
import { hasProcfs, procHidesOthers, readKernelViews } from '../processes/kernel';
import { ownHelperCount, processRows, processSchema, sampleProcesses, sortRows, type ProcessRow } from '../processes/table';
import { readMemory } from '../sampling/memory';
import { warningsNote } from '../warnings/evaluate';
import { machineLoad, machineLoadFields, type MachineLoad } from '../warnings/machine-load';
import { thresholdInputs } from '../warnings/thresholds';
import { registerSystemTool } from './define';
import { containerCpuNote } from './resource-usage';

const inputSchema = z.object({
  sortBy: z.enum(['cpu', 'memory']).default('cpu').describe('"cpu" (busiest first) or "memory" (largest resident memory first)'),
  count: z.number().int().min(1).max(100).default(10).describe('how many processes to return (1–100)'),
  name: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('only processes whose name, executable path or command line contains this text (case-insensitive), e.g. "postgres"'),
  intervalMs: z
    .number()
    .int()
    .min(500)
    .max(5000)
    .default(1000)
    .describe('how long to measure per-process CPU use, in milliseconds (500–5000)'),
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
});

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string(),
  sortBy: z.enum(['cpu', 'memory']),
  intervalMs: z.number(),
  processes: z.array(processSchema),
  matched: z.number().describe("processes that passed the name filter (all of them without one), this server's own helper processes left out"),
  truncated: z.boolean().describe('true when more processes matched than were returned'),
  totals: z.object({
    processes: z.number(),
    running: z.number(),
    sleeping: z.number(),
    blocked: z.number(),
    zombie: z.number().describe('processes that have exited and wait for their parent to reap them (state Z); they hold a pid but no CPU or memory'),
  }),
  note: z.string().optional().describe('why the table may not hold every process (Linux /proc mounted with hidepid)'),
  ...machineLoadFields,
});

type Input = z.infer<typeof inputSchema>;

export function registerTopProcesses(server: McpServer, config: SystemConfig): void {
  registerSystemTool(server, {
    name: 'get_top_processes',
    title: 'Top processes by CPU or memory',
    description:
      'The processes using the most CPU (measured over a short interval) or memory, optionally only those whose name, executable or command line ' +
      'contains some text. Use it to find what is making the machine busy or eating memory, or whether a program is running. ' +
      'CPU % is the share of the whole machine (all cores = 100). Each process has the name the kernel knows, its executable path and its arguments. ' +
      'Also returns overall CPU and memory with warnings above their thresholds.',
    inputSchema,
    outputSchema,
    run: async (args, signal, report) => {
      const { result: sample, cpu } = await sampleProcesses(args.intervalMs, signal, report);
      const memory = await readMemory(signal);
      await report(100, 'done');

      const kernel = sample.kernel ?? (await readKernelViews(sample.list.map((p) => p.pid)));
      const rows = processRows(sample.list, args.name?.toLowerCase(), kernel);
      sortRows(rows, args.sortBy);
      const load = machineLoad(config.thresholds, { cpu: args.cpuThreshold, memory: args.memoryThreshold }, cpu, memory);
      const processes = rows.slice(0, args.count).map((row) => withContainerShare(row, load.containerCpu));
      // Counted from the whole table: a zombie uses no CPU or memory, so a top-by-CPU list never shows one.
      const zombies = sample.list.filter((p) => p.state === 'zombie').length;
      const hidden = hasProcfs() ? procHidesOthers(await readFile('/proc/self/mountinfo', 'utf8').catch(() => ''), process.geteuid?.() ?? 0, process.getgroups?.() ?? []) : undefined;
      return {
        summary: summarize(args, processes[0], rows.length, sample.all, ownHelperCount(sample.list), load) + zombieNote(zombies) + (hidden ? `; only the processes this server may see (${hidden.split(':')[0]})` : ''),
        measuredAt: new Date().toISOString(),
        sortBy: args.sortBy,
        intervalMs: args.intervalMs,
        processes,
        matched: rows.length,
        truncated: rows.length > processes.length,
        ...(hidden ? { note: `${hidden}.` } : {}),
        totals: { processes: sample.all, running: sample.running, sleeping: sample.sleeping, blocked: sample.blocked, zombie: zombies },
        ...load,
      };
    },
  });
}

/** The summary's words on zombies ('' without any): they are left out of every top list, so the count is said. */
function zombieNote(zombies: number): string {
  if (zombies === 0) return '';
  return `; ${zombies} zombie process${zombies === 1 ? '' : 'es'} (exited, not yet reaped by their parent: see totals.zombie, or ask with their name)`;
}

/** One line: the top process, how many matched (of the processes other than this server's own helpers), and the machine's CPU and memory. */
function summarize(args: Input, top: ProcessRow | undefined, matched: number, all: number, helpers: number, load: MachineLoad): string {
  const lead = top
    ? `top by ${args.sortBy}: ${top.name} (pid ${top.pid}) ${args.sortBy === 'cpu' ? `${top.cpuPercent}% CPU${top.cpuPercentOfLimit === undefined ? '' : ` of the host, ${top.cpuPercentOfLimit}% of the container's limit`}` : formatBytes(top.memoryBytes)}; `
    : `no process matched${args.name ? ` "${sanitizeLine(args.name, 60)}"` : ''}; `;
  return (
    lead +
    `${matched} of ${all - helpers} processes matched${helpers > 0 ? ` (${helpers} more were this server's own, reading the table, and are left out)` : ''}; machine CPU ${load.cpuPercent ?? 'unknown'}%` +
    (load.containerCpu ? ` (the host's; ${containerCpuNote(load.containerCpu)})` : '') +
    `, memory ${load.memoryPercent}%` +
    warningsNote(load.warnings)
  );
}

/** A row's CPU as a share of what the container may use too: 12% of a 2-core host is all of a 0.25-CPU quota. */
function withContainerShare(row: ProcessRow, container: ContainerCpu | null): ProcessRow {
  if (!container) return row;
  const cores = os.cpus().length;
  return { ...row, cpuPercentOfLimit: Math.round((10 * row.cpuPercent * cores) / container.limitCores) / 10 };
}
