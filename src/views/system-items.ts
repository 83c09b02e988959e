// System tree content from get_resource_usage, get_disk_usage and get_top_processes.
import { z } from 'zod';
import { formatBytes } from '../../servers/shared/bytes';
import { formatPercent } from './format';
import type { Thresholds } from '../settings';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';

// Inside a container (dev containers, Codespaces: the extension host runs there) the host's figures
// read "fine" while the container is at its own limit: the view shows the container's figures and
// every warning the server gives, not only those it can recompute.
const containerCpuOutput = z.object({
  limitCores: z.number(),
  limitBy: z.enum(['quota', 'cpuset']),
  usedCores: z.number().nullable(),
  percentOfLimit: z.number().nullable(),
  throttling: z.object({ periods: z.number(), throttledPeriods: z.number(), throttledMs: z.number().nullable() }).nullable(),
});
export const resourceUsageOutput = z.object({
  cpu: z.object({
    percent: z.number().nullable(),
    logicalCores: z.number().optional(),
    perCore: z.array(z.number()).optional(),
    container: containerCpuOutput.nullable().optional(),
  }),
  loadAverage: z.object({ oneMinute: z.number(), fiveMinutes: z.number(), fifteenMinutes: z.number() }).nullable().optional(),
  memory: z.object({
    totalBytes: z.number(),
    usedBytes: z.number(),
    percent: z.number(),
    container: z.object({ limitBytes: z.number(), usedBytes: z.number(), percent: z.number() }).nullable().optional(),
  }),
  swap: z.object({ totalBytes: z.number(), usedBytes: z.number(), percent: z.number().nullable() }).optional(),
  warnings: z.array(z.object({ metric: z.string(), subject: z.string().optional(), message: z.string() })).optional(),
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
  warnings: z.array(z.object({ metric: z.string(), subject: z.string().optional(), message: z.string() })).optional(),
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

/** The node a server warning is about: the machine's CPU or memory, or the container's (its use of its limit, its throttling). */
function warningNodeId(warning: { metric: string; subject?: string }): string | undefined {
  const container = warning.subject === 'container' || warning.subject === 'container throttling';
  if (warning.metric === 'cpu') return container ? 'system/container-cpu' : warning.subject === undefined ? 'system/cpu' : undefined;
  if (warning.metric === 'memory') return container ? 'system/container-memory' : warning.subject === undefined ? 'system/memory' : undefined;
  return undefined;
}

/** Marks `node` as warned with the server's messages (its own threshold check may not see them: throttling has none). */
function withWarnings(node: NodeSpec, messages: string[]): NodeSpec {
  if (messages.length === 0) return node;
  return {
    ...node,
    tooltip: [node.tooltip, ...messages.map((m) => escapeMarkdown(m))].filter(Boolean).join('\n\n'),
    icon: 'warning',
    iconColor: 'list.warningForeground',
    contextValue: 'devopsSystem.metric.over',
  };
}

/** CPU, memory (the container's too when a cgroup limits it), swap (when reported), load average (when the platform has one), and any server warning no node shows. */
function usageNodes(usage: ResourceUsage, { t, thresholds }: SystemBuildOptions): NodeSpec[] {
  const nodes: NodeSpec[] = [];
  const cores = usage.cpu.logicalCores;
  const containerCpu = usage.cpu.container;
  const containerMemory = usage.memory.container;
  const hostCores = cores ? (containerCpu || containerMemory ? t("{0} cores (the host's)", cores) : t('{0} cores', cores)) : '';
  nodes.push(metricNode('system/cpu', t('CPU'), usage.cpu.percent, thresholds.cpu, hostCores, 'pulse', t));
  if (containerCpu) {
    const limit = containerCpu.limitBy === 'quota' ? t('{0} CPU quota', containerCpu.limitCores) : t('{0} CPU cpuset', containerCpu.limitCores);
    const throttled = containerCpu.throttling && containerCpu.throttling.throttledPeriods > 0
      ? [t('Throttled in {0} of {1} CPU periods', containerCpu.throttling.throttledPeriods, containerCpu.throttling.periods)]
      : [];
    nodes.push(
      metricNode(
        'system/container-cpu',
        t('Container CPU'),
        containerCpu.percentOfLimit,
        thresholds.cpu,
        containerCpu.usedCores === null ? t('limit: {0}', limit) : t('{0} CPU of its {1}', containerCpu.usedCores, limit),
        'pulse',
        t,
        throttled,
      ),
    );
  }
  nodes.push(
    metricNode(
      'system/memory',
      t('Memory'),
      usage.memory.percent,
      thresholds.memory,
      containerMemory
        ? t("{0} of {1} (the host's)", formatBytes(usage.memory.usedBytes), formatBytes(usage.memory.totalBytes))
        : t('{0} of {1}', formatBytes(usage.memory.usedBytes), formatBytes(usage.memory.totalBytes)),
      'server',
      t,
    ),
  );
  if (containerMemory) {
    nodes.push(
      metricNode(
        'system/container-memory',
        t('Container memory'),
        containerMemory.percent,
        thresholds.memory,
        t('{0} of its {1} limit', formatBytes(containerMemory.usedBytes), formatBytes(containerMemory.limitBytes)),
        'server',
        t,
      ),
    );
  }
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
  const warnings = usage.warnings ?? [];
  const shown = nodes.map((node) => withWarnings(node, warnings.filter((w) => warningNodeId(w) === node.id).map((w) => w.message)));
  const elsewhere = warnings.filter((w) => !shown.some((node) => node.id === warningNodeId(w)));
  return [
    ...shown,
    ...elsewhere.map((w, index): NodeSpec => ({ id: `system/warning/${index}`, label: w.message, icon: 'warning', iconColor: 'list.warningForeground' })),
  ];
}

/**
 * Disks listed under "Disks" before the rest are folded into a collapsed "N more" node: a host with many filesystems (a
 * build box's loop mounts, a NAS's shares) listed every one expanded, and the top processes below them were off screen.
 */
export const DISKS_SHOWN = 5;

/**
 * One node per mounted filesystem under "Disks", the fullest first (those over the threshold or warned of lead), the
 * first DISKS_SHOWN (and every warned one) shown and the rest in a collapsed "N more" node; "Disks" warns when any of
 * them is over the threshold. The server's disk warnings go on the disk they name, or are their own node when that
 * filesystem is not listed (the server warns of a full tmpfs it leaves out of the list, and its check may see what the
 * list alone does not).
 */
function disksNode(disks: DiskUsage, { t, thresholds }: SystemBuildOptions): NodeSpec {
  // A filesystem that went read-only warns on its disk node as a full one does.
  const warnings = (disks.warnings ?? []).filter((w) => w.metric === 'disk' || w.metric === 'read-only');
  const listed = disks.disks
    .map((disk) =>
      withWarnings(
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
        warnings.filter((w) => w.subject === disk.mount).map((w) => w.message),
      ),
    )
    .map((node, index) => (warnings.some((w) => w.metric === 'read-only' && w.subject === disks.disks[index].mount) ? { ...node, description: `${t('read-only')} · ${node.description ?? ''}` } : node))
    .map((node, index) => ({ node, percent: disks.disks[index].usePercent ?? -1, mount: disks.disks[index].mount }))
    .sort((a, b) => Number(b.node.icon === 'warning') - Number(a.node.icon === 'warning') || b.percent - a.percent || a.mount.localeCompare(b.mount))
    .map(({ node }) => node);
  const mounts = new Set(disks.disks.map((disk) => disk.mount));
  const unlisted = warnings
    .filter((w) => w.subject === undefined || !mounts.has(w.subject))
    .map((w, index): NodeSpec => ({ id: `system/disk-warning/${index}`, label: w.message, tooltip: escapeMarkdown(w.message), icon: 'warning', iconColor: 'list.warningForeground' }));
  const shown = Math.max(DISKS_SHOWN, listed.filter((node) => node.icon === 'warning').length);
  // One more than the limit is shown itself: a "1 more" node would take the same line.
  const folded = listed.length > shown + 1 ? listed.slice(shown) : [];
  const more: NodeSpec[] =
    folded.length > 0
      ? [{ id: 'system/disks/more', label: t('{0} more', folded.length), tooltip: escapeMarkdown(t('Less full than the disks above')), icon: 'ellipsis', expanded: false, children: folded }]
      : [];
  const children = [...listed.slice(0, listed.length - folded.length), ...more, ...unlisted];
  const over = [...listed, ...unlisted].some((c) => c.icon === 'warning');
  return {
    id: 'system/disks',
    label: t('Disks'),
    description: String(listed.length),
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
    // Open: the busiest processes are what the view is looked at for; the disks above fold past a few (disksNode).
    expanded: true,
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
