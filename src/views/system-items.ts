// System tree content from get_resource_usage, get_disk_usage and get_top_processes.
import { z } from 'zod';
import { formatBytes } from '../../servers/shared/bytes';
import { formatPercent } from './format';
import type { Thresholds } from '../settings';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';

export const resourceUsageOutput = z.object({
  cpu: z.object({ percent: z.number().nullable(), logicalCores: z.number().optional(), perCore: z.array(z.number()).optional() }),
  loadAverage: z.object({ oneMinute: z.number(), fiveMinutes: z.number(), fifteenMinutes: z.number() }).nullable().optional(),
  memory: z.object({ totalBytes: z.number(), usedBytes: z.number(), percent: z.number() }),
  swap: z.object({ totalBytes: z.number(), usedBytes: z.number(), percent: z.number().nullable() }).optional(),
});
export const diskUsageOutput = z.object({
  disks: z.array(
    z.object({
      fs: z.string(),
      type: z.string().optional(),
      mount: z.string(),
      sizeBytes: z.number(),
      usedBytes: z.number(),
      availableBytes: z.number(),
      usePercent: z.number().nullable(),
    }),
  ),
});
export const topProcessesOutput = z.object({
  processes: z.array(
    z.object({
      pid: z.number(),
      name: z.string(),
      cpuPercent: z.number(),
      memoryPercent: z.number().optional(),
      memoryBytes: z.number().optional(),
      user: z.string().optional(),
      command: z.string().optional(),
    }),
  ),
});
export type ResourceUsage = z.infer<typeof resourceUsageOutput>;
export type DiskUsage = z.infer<typeof diskUsageOutput>;
export type TopProcesses = z.infer<typeof topProcessesOutput>;

export interface SystemSnapshot {
  usage?: ResourceUsage;
  disks?: DiskUsage;
  processes?: TopProcesses;
  /** A part that could not be read, with the reason. */
  errors: string[];
}

export interface SystemBuildOptions {
  thresholds: Thresholds;
  t: Translate;
}

/** A percentage reading with its threshold: a warning icon and the threshold in the tooltip when it is over (the Fleet group uses it too). */
export function metricNode(
  id: string,
  label: string,
  percent: number | null | undefined,
  threshold: number | undefined,
  description: string,
  icon: string,
  t: Translate,
  extraTooltip: string[] = [],
): NodeSpec {
  const over = threshold !== undefined && percent !== null && percent !== undefined && percent > threshold;
  const tooltip = [
    `**${escapeMarkdown(label)}: ${formatPercent(percent)}**`,
    escapeMarkdown(description),
    ...extraTooltip,
    threshold !== undefined ? (over ? t('Above the threshold of {0}%', threshold) : t('Threshold: {0}%', threshold)) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id,
    label: `${label}: ${formatPercent(percent)}`,
    description,
    tooltip,
    icon: over ? 'warning' : icon,
    iconColor: over ? 'list.warningForeground' : undefined,
    contextValue: over ? 'devopsSystem.metric.over' : 'devopsSystem.metric',
  };
}

/** The System tree: usage metrics, disks, top processes, then one node per part that could not be read. */
export function systemNodes(snapshot: SystemSnapshot, options: SystemBuildOptions): NodeSpec[] {
  const { usage, disks, processes } = snapshot;
  return [
    ...(usage ? usageNodes(usage, options) : []),
    ...(disks ? [disksNode(disks, options)] : []),
    ...(processes ? [processesNode(processes, options.t)] : []),
    ...snapshot.errors.map((error, index): NodeSpec => ({ id: `system/error/${index}`, label: error, icon: 'error', iconColor: 'list.errorForeground' })),
  ];
}

/** CPU, memory, swap (when reported) and load average (when the platform has one). */
function usageNodes(usage: ResourceUsage, { t, thresholds }: SystemBuildOptions): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  const cores = usage.cpu.logicalCores;
  nodes.push(metricNode('system/cpu', t('CPU'), usage.cpu.percent, thresholds.cpu, cores ? t('{0} cores', cores) : '', 'pulse', t));
  nodes.push(
    metricNode(
      'system/memory',
      t('Memory'),
      usage.memory.percent,
      thresholds.memory,
      t('{0} of {1}', formatBytes(usage.memory.usedBytes), formatBytes(usage.memory.totalBytes)),
      'server',
      t,
    ),
  );
  if (usage.swap) {
    nodes.push(
      usage.swap.totalBytes > 0
        ? metricNode('system/swap', t('Swap'), usage.swap.percent, undefined, t('{0} of {1}', formatBytes(usage.swap.usedBytes), formatBytes(usage.swap.totalBytes)), 'archive', t)
        : { id: 'system/swap', label: t('Swap'), description: t('none'), icon: 'archive' },
    );
  }
  if (usage.loadAverage) {
    const { oneMinute, fiveMinutes, fifteenMinutes } = usage.loadAverage;
    nodes.push({
      id: 'system/load',
      label: t('Load'),
      description: `${oneMinute} ${fiveMinutes} ${fifteenMinutes}`,
      tooltip: t('Load average over 1, 5 and 15 minutes: {0}, {1}, {2}', oneMinute, fiveMinutes, fifteenMinutes),
      icon: 'dashboard',
    });
  }
  return nodes;
}

/** One node per mounted filesystem under "Disks", which warns when any of them is over the threshold. */
function disksNode(disks: DiskUsage, { t, thresholds }: SystemBuildOptions): NodeSpec {
  const children = disks.disks.map((disk) =>
    metricNode(
      `system/disk/${disk.mount}`,
      disk.mount,
      disk.usePercent,
      thresholds.disk,
      t('{0} free of {1}', formatBytes(disk.availableBytes), formatBytes(disk.sizeBytes)),
      'database',
      t,
      [escapeMarkdown(`${disk.fs}${disk.type ? ` (${disk.type})` : ''}`)],
    ),
  );
  const over = children.some((c) => c.icon === 'warning');
  return {
    id: 'system/disks',
    label: t('Disks'),
    description: String(children.length),
    icon: over ? 'warning' : 'database',
    iconColor: over ? 'list.warningForeground' : undefined,
    expanded: true,
    children,
  };
}

function processesNode(processes: TopProcesses, t: Translate): NodeSpec {
  return {
    id: 'system/processes',
    label: t('Top processes'),
    description: String(processes.processes.length),
    icon: 'list-ordered',
    expanded: false,
    children: processes.processes.map((p) => ({
      id: `system/process/${p.pid}`,
      label: `${p.name}`,
      description: [t('{0}% CPU', p.cpuPercent), p.memoryBytes !== undefined ? formatBytes(p.memoryBytes) : '', `pid ${p.pid}`].filter(Boolean).join(' · '),
      tooltip: [`**${escapeMarkdown(p.name)}** (pid ${p.pid})`, p.user ? escapeMarkdown(p.user) : '', p.command ? '`' + p.command.replace(/`/g, "'") + '`' : '']
        .filter(Boolean)
        .join('\n\n'),
      icon: 'gear',
    })),
  };
}
