import os from 'node:os';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SystemConfig } from '../config';
import { formatBytes } from '../../shared/bytes';
import { containerCpuSchema, type ContainerCpu } from '../sampling/cgroup-cpu';
import { cpuDuring, type CpuUsage } from '../sampling/cpu';
import { measuredWait } from '../sampling/interval';
import { readMemory, type MemoryReading } from '../sampling/memory';
import { warningsNote, type Warning } from '../warnings/evaluate';
import { machineLoad, machineLoadFields } from '../warnings/machine-load';
import { thresholdInputs } from '../warnings/thresholds';
import { registerSystemTool } from './define';

const inputSchema = z.object({
  intervalMs: z
    .number()
    .int()
    .min(100)
    .max(5000)
    .default(500)
    .describe('how long to measure CPU use, in milliseconds (100–5000)'),
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
});

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string().describe('ISO time the measurement ended'),
  cpu: z.object({
    percent: z
      .number()
      .nullable()
      .describe(
        "busy share of all the host's cores together over the interval, 0–100 (Linux: from /proc/stat, iowait, softirq and steal counted as busy, as host_usage counts them); " +
          'null if the platform reports no CPU times. Inside a container this is the host\'s figure: see container',
      ),
    perCore: z.array(z.number()).describe('busy % of each logical core over the interval'),
    logicalCores: z.number().describe("the host's logical cores (a container may be allowed fewer: see container)"),
    intervalMs: z.number(),
    container: containerCpuSchema,
  }),
  loadAverage: z
    .object({ oneMinute: z.number(), fiveMinutes: z.number(), fifteenMinutes: z.number() })
    .nullable()
    .describe('run-queue load averages; null on Windows, which has none'),
  memory: z.object({
    totalBytes: z.number(),
    usedBytes: z.number().describe('total minus available (reclaimable cache is not counted as used)'),
    availableBytes: z.number(),
    percent: z.number(),
    container: z
      .object({
        limitBytes: z.number(),
        usedBytes: z.number().describe('working set: usage minus inactive file cache'),
        percent: z.number(),
        cgroupVersion: z.number(),
      })
      .nullable()
      .describe("this container's (cgroup's) memory limit when it is below physical memory (Linux); null otherwise"),
  }),
  swap: z.object({ totalBytes: z.number(), usedBytes: z.number(), percent: z.number().nullable().describe('null when there is no swap') }),
  thresholds: machineLoadFields.thresholds,
  warnings: machineLoadFields.warnings,
});

export function registerResourceUsage(server: McpServer, config: SystemConfig): void {
  registerSystemTool(server, {
    name: 'get_resource_usage',
    title: 'CPU, memory and load',
    description:
      'Current CPU use (overall and per core, measured over a short interval, not since boot), load averages, memory and swap, ' +
      "and the container's own CPU limit (quota or cpuset, its use of it and throttling) and memory limit when a cgroup sets them. " +
      'Use it when asked whether the machine is busy, slow, or short of memory. Returns warnings when CPU or memory is above its threshold.',
    inputSchema,
    outputSchema,
    run: async (args, signal, report) => {
      await report(0, 'sampling CPU times');
      const { cpu } = await cpuDuring(() => measuredWait(args.intervalMs, signal, report));
      const memory = await readMemory(signal);
      await report(100, 'done');

      const { thresholds, warnings } = machineLoad(config.thresholds, { cpu: args.cpuThreshold, memory: args.memoryThreshold }, cpu, memory);
      const cores = os.cpus().length;
      return {
        summary: summarize(cpu, args.intervalMs, cores, memory, warnings),
        measuredAt: new Date().toISOString(),
        cpu: { percent: cpu.percent, perCore: cpu.perCore, logicalCores: cores, intervalMs: args.intervalMs, container: cpu.container },
        loadAverage: loadAverage(),
        memory: {
          totalBytes: memory.totalBytes,
          usedBytes: memory.usedBytes,
          availableBytes: memory.availableBytes,
          percent: memory.percent,
          container: memory.container,
        },
        swap: memory.swap,
        thresholds,
        warnings,
      };
    },
  });
}

/** Run-queue load averages with two decimals; null on Windows, which has none. */
function loadAverage(): { oneMinute: number; fiveMinutes: number; fifteenMinutes: number } | null {
  if (process.platform === 'win32') return null;
  const [one, five, fifteen] = os.loadavg();
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return { oneMinute: round2(one), fiveMinutes: round2(five), fifteenMinutes: round2(fifteen) };
}

/** One line: CPU over the interval, memory, the container's limit when there is one, swap. */
function summarize(cpu: CpuUsage, intervalMs: number, cores: number, memory: MemoryReading, warnings: Warning[]): string {
  const container = memory.container;
  return (
    `CPU ${cpu.percent ?? 'unknown'}% over ${intervalMs} ms on ${cores} cores` +
    (cpu.container ? ` (the host's); ${containerCpuNote(cpu.container)}; ` : '; ') +
    `memory ${formatBytes(memory.usedBytes)} of ${formatBytes(memory.totalBytes)} used (${memory.percent}%); ` +
    (container ? `container ${formatBytes(container.usedBytes)} of its ${formatBytes(container.limitBytes)} limit (${container.percent}%); ` : '') +
    (memory.swap.totalBytes > 0 ? `swap ${formatBytes(memory.swap.usedBytes)} of ${formatBytes(memory.swap.totalBytes)}` : 'no swap') +
    warningsNote(warnings)
  );
}

/** The container's CPU limit, its use of it and throttling, for a summary: the host's figure alone reads "fine" while the container is held back. */
export function containerCpuNote(container: ContainerCpu): string {
  const limit = `${container.limitCores} CPU${container.limitCores === 1 ? '' : 's'} (${container.limitBy === 'quota' ? 'CPU quota' : 'cpuset'})`;
  const use = container.usedCores === null ? 'its use of it unknown' : `using ${container.usedCores} CPU = ${container.percentOfLimit}% of it`;
  const throttled = container.throttling && container.throttling.throttledPeriods > 0 ? `, throttled in ${container.throttling.throttledPeriods} of ${container.throttling.periods} periods` : '';
  return `the container may use ${limit}, ${use}${throttled}`;
}
