// The machine-wide part that several tools return next to their own rows: overall CPU and memory,
// the thresholds applied, and the warnings they raise.
import { z } from 'zod';
import { containerCpuSchema, type ContainerCpu } from '../sampling/cgroup-cpu';
import type { CpuUsage } from '../sampling/cpu';
import type { MemoryReading } from '../sampling/memory';
import { evaluateWarnings, warningSchema, type Warning } from './evaluate';
import { effectiveThresholds, thresholdsSchema, type Thresholds } from './thresholds';

/** Output fields of the machine-wide part, for a tool's output schema. */
export const machineLoadFields = {
  cpuPercent: z.number().nullable().describe("overall CPU use of the host's cores over the same interval (inside a container, see containerCpu)"),
  containerCpu: containerCpuSchema,
  memoryPercent: z.number(),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema),
};

export interface MachineLoad {
  cpuPercent: number | null;
  containerCpu: ContainerCpu | null;
  memoryPercent: number;
  thresholds: Thresholds;
  warnings: Warning[];
}

/** The thresholds in force for one call (its own CPU/memory values over the server's) and the CPU and memory warnings. */
export function machineLoad(configured: Thresholds, overrides: { cpu?: number; memory?: number }, cpu: CpuUsage, memory: MemoryReading): MachineLoad {
  const thresholds = effectiveThresholds(configured, overrides);
  const warnings = evaluateWarnings({ cpuPercent: cpu.percent, memoryPercent: memory.percent, containerMemoryPercent: memory.container?.percent, containerCpu: cpu.container }, thresholds);
  return { cpuPercent: cpu.percent, containerCpu: cpu.container, memoryPercent: memory.percent, thresholds, warnings };
}
