// The System tree's Fleet group from fleet_overview: one node per host, worst first as the server
// sorts them, with the same metric nodes, warning icons and thresholds as this machine's readings.
import { z } from 'zod';
import type { Thresholds } from '../settings';
import { formatBytes } from '../../servers/shared/bytes';
import { formatPercent } from './format';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';
import { metricNode } from './system-items';

export const fleetOverviewOutput = z.object({
  prometheus: z.string(),
  hosts: z.array(
    z.object({
      host: z.string(),
      instance: z.string(),
      job: z.string(),
      up: z.boolean(),
      cpuPercent: z.number().nullable(),
      memoryPercent: z.number().nullable(),
      fullestDisk: z.object({ mount: z.string(), fs: z.string(), usePercent: z.number().nullable(), availableBytes: z.number() }).nullable(),
      load1: z.number().nullable(),
      logicalCores: z.number().nullable(),
      /** Figures node_exporter sent none of (a collector off or failing): unknown, not fine. Absent from older servers. */
      missing: z.array(z.object({ figure: z.string(), why: z.string() })).optional(),
      /** The host's warnings; only those no metric node recomputes (a filesystem gone read-only) are shown as their own. */
      warnings: z.array(z.object({ metric: z.string(), subject: z.string().optional(), message: z.string() })).optional(),
    }),
  ),
  total: z.number(),
  down: z.number(),
  /** Down targets of jobs with no node_exporter metrics within the hour: not hosts for certain, but down. */
  otherDown: z.array(z.object({ host: z.string(), instance: z.string(), job: z.string() })).optional(),
});
export type FleetOverview = z.infer<typeof fleetOverviewOutput>;
type FleetHost = FleetOverview['hosts'][number];

/** What the Fleet group shows: the overview, or why it could not be read. */
export type FleetSnapshot = { overview: FleetOverview } | { error: string };

/** The Fleet group: hosts in the server's order (worst first); it warns when any host is down or over a threshold. */
export function fleetNode(fleet: FleetSnapshot, thresholds: Thresholds, t: Translate): NodeSpec {
  if ('error' in fleet) {
    return {
      id: 'fleet',
      label: t('Fleet'),
      icon: 'error',
      iconColor: 'list.errorForeground',
      expanded: true,
      children: [{ id: 'fleet/error', label: fleet.error, icon: 'error', iconColor: 'list.errorForeground' }],
    };
  }
  const { overview } = fleet;
  const otherDown = overview.otherDown ?? [];
  const children = [...overview.hosts.map((host) => hostNode(host, thresholds, t)), ...otherDown.map((target) => otherDownNode(target, t))];
  const troubled = children.some((c) => c.icon === 'warning' || c.icon === 'debug-disconnect');
  const hosts = overview.down > 0 ? t('{0} hosts, {1} down', overview.total, overview.down) : t('{0} hosts', overview.total);
  return {
    id: 'fleet',
    label: t('Fleet'),
    description: otherDown.length > 0 ? `${hosts}, ${t('{0} other targets down', otherDown.length)}` : hosts,
    tooltip: escapeMarkdown(overview.prometheus),
    icon: troubled ? 'warning' : 'server-environment',
    iconColor: troubled ? 'list.warningForeground' : undefined,
    expanded: true,
    children,
  };
}

function hostNode(host: FleetHost, thresholds: Thresholds, t: Translate): NodeSpec {
  const id = `fleet/${host.host}`;
  const tooltip = `**${escapeMarkdown(host.host)}**\n\n${escapeMarkdown(`${host.instance} (job ${host.job})`)}`;
  if (!host.up) {
    return { id, label: host.host, description: t('down'), tooltip: `${tooltip}\n\n${t('The last scrape of this host by Prometheus failed.')}`, icon: 'debug-disconnect', iconColor: 'list.errorForeground' };
  }
  const disk = host.fullestDisk;
  // Why a figure is unknown, when the server says node_exporter never sent it: a blank would read as nothing to see.
  const why = (figure: string) => (host.missing ?? []).filter((m) => m.figure === figure).map((m) => escapeMarkdown(m.why));
  const children = [
    metricNode(`${id}/cpu`, t('CPU'), host.cpuPercent, thresholds.cpu, host.logicalCores ? t('{0} cores', host.logicalCores) : '', 'pulse', t, why('cpu')),
    metricNode(`${id}/memory`, t('Memory'), host.memoryPercent, thresholds.memory, '', 'server', t, why('memory')),
    disk
      ? metricNode(`${id}/disk`, disk.mount, disk.usePercent, thresholds.disk, t('{0} free', formatBytes(disk.availableBytes)), 'database', t, [escapeMarkdown(disk.fs)])
      : metricNode(`${id}/disk`, t('Disks'), null, thresholds.disk, '', 'database', t, why('disk')),
    // A filesystem node_exporter could not read (a network mount that stopped answering): unknown, beside those it read.
    ...(host.missing ?? [])
      .filter((m) => m.figure.startsWith('disk '))
      .map((m) => metricNode(`${id}/${m.figure}`, m.figure.slice('disk '.length), null, thresholds.disk, '', 'database', t, [escapeMarkdown(m.why)])),
    // A filesystem gone read-only fails writes at any use %: the metric nodes, all under their thresholds, would hide it.
    ...(host.warnings ?? [])
      .filter((w) => w.metric === 'read-only')
      .map((w): NodeSpec => ({ id: `${id}/read-only/${w.subject ?? ''}`, label: w.subject ?? t('Disks'), description: t('read-only'), tooltip: escapeMarkdown(w.message), icon: 'warning', iconColor: 'list.warningForeground' })),
    ...(host.load1 !== null ? [{ id: `${id}/load`, label: t('Load'), description: String(host.load1), icon: 'dashboard' }] : []),
  ];
  const over = children.some((c) => c.icon === 'warning');
  return {
    id,
    label: host.host,
    description: [`CPU ${formatPercent(host.cpuPercent)}`, `${t('Memory')} ${formatPercent(host.memoryPercent)}`, disk ? `${disk.mount} ${formatPercent(disk.usePercent)}` : `${t('Disks')} ${formatPercent(null)}`].join(' · '),
    tooltip,
    icon: over ? 'warning' : 'vm',
    iconColor: over ? 'list.warningForeground' : undefined,
    expanded: false,
    children,
  };
}

/** A down target of a job that never exported node_exporter metrics: named as a target, since it may not be a host. */
function otherDownNode(target: NonNullable<FleetOverview['otherDown']>[number], t: Translate): NodeSpec {
  return {
    id: `fleet/other/${target.job}/${target.instance}`,
    label: target.host,
    description: t('target down (job {0})', target.job),
    tooltip: `**${escapeMarkdown(target.host)}**\n\n${escapeMarkdown(`${target.instance} (job ${target.job})`)}\n\n${t('Prometheus cannot scrape this target, and its job has sent no node_exporter metrics within the last hour, so it is not counted as a host.')}`,
    icon: 'debug-disconnect',
    iconColor: 'list.errorForeground',
  };
}
