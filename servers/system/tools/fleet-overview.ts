import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { fitToBudget } from '../../shared/output-budget';
import type { Thresholds } from '../warnings/thresholds';
import type { Fleet } from '../fleet/fleet';
import { partialNote } from '../fleet/prometheus';
import { worstFirst } from '../fleet/rank';
import { missingFigures } from '../fleet/missing';
import { cpuWindowInput, readFigures, unknownFigureSchema, type HostFigures } from '../fleet/readings';
import { goneNote, otherDownNote, targetKey, targetMatchers, type Target } from '../fleet/targets';
import { evaluateWarnings, warningSchema } from '../warnings/evaluate';
import { effectiveThresholds, thresholdInputs, thresholdsSchema } from '../warnings/thresholds';
import { registerSystemTool } from './define';

/** Targets read per query: a page's answer stays well under the 8 MiB cap even with many filesystems per host. */
const PAGE_SIZE = 250;

const inputSchema = z.object({
  cpuWindowSeconds: cpuWindowInput,
  limit: z.number().int().min(1).max(1000).default(200).describe('most hosts to list, worst first (1–1000)'),
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
  diskThreshold: thresholdInputs.disk,
});

const hostRowSchema = z.object({
  host: z.string().describe('the name host_usage takes'),
  instance: z.string(),
  job: z.string().describe('the job its figures are read through (one that is up, when any is)'),
  jobs: z.array(z.string()).describe('every job scraping this exporter: one exporter scraped by several jobs is one host'),
  up: z.boolean().describe("whether Prometheus's last scrape of the target succeeded (through any of its jobs)"),
  cpuPercent: z
    .number()
    .nullable()
    .describe('busy % of all cores together over this row\'s cpuWindowSeconds; null when the target is down, or up with fewer than two scrapes of its CPU counters within the last hour'),
  cpuWindowSeconds: z
    .number()
    .nullable()
    .describe('the rate window of cpuPercent: the one asked for, or wider (300, 900, 3600 s) for a host scraped too rarely for two scrapes to fall in it'),
  memoryPercent: z.number().nullable().describe('(total - available) / total, %'),
  fullestDisk: z
    .object({ mount: z.string(), fs: z.string(), usePercent: z.number().nullable(), availableBytes: z.number() })
    .nullable()
    .describe('the fullest filesystem, use % as df computes it'),
  load1: z.number().nullable().describe('one-minute load average'),
  logicalCores: z.number().nullable(),
  unknown: z
    .array(unknownFigureSchema)
    .optional()
    .describe('figures that are null because Prometheus gave NaN or ±Inf for them (a value, not missing data), and which metric; absent when none'),
  missing: z
    .array(unknownFigureSchema)
    .optional()
    .describe('figures (cpu, memory, disk) of an up host that are null because node_exporter sent none of their metrics (a collector off or failing), and "disk <mount>" for each filesystem it could not read (node_filesystem_device_error): unknown, not fine; absent when none'),
  warnings: z.array(warningSchema),
});
type HostRow = z.infer<typeof hostRowSchema>;

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string(),
  prometheus: z.string().describe('the Prometheus read (URL without credentials)'),
  hostLabel: z.string().describe('the label hosts are named by'),
  hosts: z.array(hostRowSchema).describe('worst first: down, then most warnings, then closest to a threshold'),
  total: z.number().describe('hosts found, all of them counted (listed or not)'),
  down: z.number().describe('hosts down among all found, listed or not'),
  truncated: z.boolean().describe('whether hosts were left out of the list (limit or output budget); total and down still count them'),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema).describe('every listed host\'s warnings, each subject prefixed with the host name'),
  gone: z
    .array(z.object({ host: z.string(), instance: z.string(), job: z.string(), lastUp: z.boolean().describe('whether its last scrape succeeded') }))
    .describe('hosts scraped within the last hour that Prometheus no longer has as targets (dropped by service discovery: terminated, crashed, scaled down); not in `hosts`, `total` or `down`'),
  otherDown: z
    .array(z.object({ host: z.string(), instance: z.string(), job: z.string() }))
    .describe(
      'scrape targets down now whose job has exported no node_exporter metrics within the last hour (never answered, or down for over an hour), so they may or may not be hosts; not in `hosts`, `total` or `down`',
    ),
});

export function registerFleetOverview(server: McpServer, configured: Thresholds, fleet: Fleet): void {
  registerSystemTool(server, {
    name: 'fleet_overview',
    title: 'Fleet: every host at a glance',
    description:
      'For every host Prometheus scrapes with node_exporter: whether it is up, CPU %, memory %, the fullest filesystem (use % as df shows it) and load, ' +
      'sorted worst first, with warnings on the same thresholds as the local tools. Use it for questions about many machines ' +
      '("which host is running out of disk?", "is anything down?"); then host_usage for one host.',
    inputSchema,
    outputSchema,
    run: async (args, signal, report) => {
      const at = Date.now();
      await report(0, 'listing targets');
      const targets = await fleet.targets(signal, at);
      const [gone, otherDown] = await Promise.all([fleet.gone(targets, signal, at), fleet.otherDown(signal, at)]);
      const figures = new Map<string, Map<number, HostFigures>>();
      // A page of targets at a time: one answer for the whole fleet passes the answer's byte cap at
      // about a thousand hosts with ten filesystems each.
      for (let i = 0; i < targets.length; i += PAGE_SIZE) {
        await report(10 + Math.round((90 * i) / targets.length), `reading metrics of ${Math.min(targets.length, i + PAGE_SIZE)} of ${targets.length} hosts`);
        const page = targets.slice(i, i + PAGE_SIZE);
        const read = await readFigures(fleet.client, { matchers: targetMatchers(page), rateWindowSeconds: args.cpuWindowSeconds, detail: false }, { at }, signal);
        // The matchers cross jobs and instances: keep only this page's targets.
        for (const target of page) {
          const found = read.get(targetKey(target));
          if (found) figures.set(targetKey(target), found);
        }
      }
      await report(100, 'done');
      const thresholds = effectiveThresholds(configured, { cpu: args.cpuThreshold, memory: args.memoryThreshold, disk: args.diskThreshold });
      const rows = worstFirst(
        targets.map((target) => hostRow(target, figures.get(targetKey(target))?.values().next().value, thresholds)),
        thresholds,
      ).map(({ fullestDiskPercent: _, warningCount: __, ...row }) => row);
      const down = rows.filter((r) => !r.up).length;
      const build = (shown: readonly HostRow[]) => ({
        summary:
          summarize(rows, down, args.cpuWindowSeconds) +
          unusedLabelNote(fleet.hostLabel, targets) +
          (gone.length > 0 ? `; ${goneNote(gone)}` : '') +
          (otherDown.length > 0 ? `; ${otherDownNote(otherDown)}` : '') +
          (shown.length < rows.length ? `; listing the worst ${shown.length}, ${rows.length - shown.length} left out (limit or output budget)` : '') +
          partialNote(fleet.client.warnings(signal)),
        measuredAt: new Date(at).toISOString(),
        prometheus: fleet.client.url,
        hostLabel: fleet.hostLabel,
        hosts: [...shown],
        total: rows.length,
        down,
        gone,
        otherDown,
        truncated: shown.length < rows.length,
        thresholds,
        warnings: shown.flatMap((r) => r.warnings.map((w) => ({ ...w, subject: w.subject ? `${r.host} ${w.subject}` : r.host, message: `${r.host}: ${w.message}` }))),
      });
      return fitToBudget(rows.slice(0, args.limit), build, { keepAtLeast: 1 }).value;
    },
  });
}

/** One host's row, and the two figures the ranking needs. */
function hostRow(target: Target, figures: HostFigures | undefined, thresholds: Thresholds): HostRow & { fullestDiskPercent: number | null; warningCount: number } {
  // A target that is down has only stale series: its figures say nothing about now.
  const live = target.up ? figures : undefined;
  const fullest = live?.disks[0];
  const missing = target.up ? missingFigures(live) : [];
  const warnings = live ? evaluateWarnings({ cpuPercent: live.cpuPercent, memoryPercent: live.memory?.percent, disks: live.disks, inMemoryDisks: live.inMemoryDisks }, thresholds) : [];
  const { labelMissing: _, ...named } = target;
  return {
    ...named,
    cpuPercent: live?.cpuPercent ?? null,
    cpuWindowSeconds: live?.cpuWindowSeconds ?? null,
    memoryPercent: live?.memory?.percent ?? null,
    fullestDisk: fullest ? { mount: fullest.mount, fs: fullest.fs, usePercent: fullest.usePercent, availableBytes: fullest.availableBytes } : null,
    load1: live?.loadAverage?.oneMinute ?? null,
    logicalCores: live?.logicalCores ?? null,
    ...(live && live.unknown.length > 0 ? { unknown: live.unknown } : {}),
    ...(missing.length > 0 ? { missing } : {}),
    warnings,
    fullestDiskPercent: fullest?.usePercent ?? null,
    warningCount: warnings.length,
  };
}

function summarize(rows: HostRow[], down: number, cpuWindowSeconds: number): string {
  if (rows.length === 0) return 'Prometheus scrapes no node_exporter targets (no job exported node_uname_info within the last hour)';
  const warned = rows.filter((r) => r.warnings.length > 0);
  const worst = rows[0];
  const parts = [`${rows.length} host(s)`, down > 0 ? `${down} down` : 'all of them up', `${warned.length} with warnings`];
  const fullest = [...rows].sort((a, b) => (b.fullestDisk?.usePercent ?? -1) - (a.fullestDisk?.usePercent ?? -1))[0];
  if (fullest.fullestDisk) parts.push(`fullest disk ${fullest.host} ${fullest.fullestDisk.mount} at ${fullest.fullestDisk.usePercent}%`);
  // An up host without CPU is not a calm one: say so, and say when a figure is over a wider window than asked.
  const notNumbers = rows.filter((r) => r.unknown !== undefined);
  const unknownCpu = rows.filter((r) => r.up && r.cpuPercent === null && !r.unknown?.some((u) => u.figure === 'cpu') && !r.missing?.some((u) => u.figure === 'cpu'));
  if (unknownCpu.length > 0) parts.push(`CPU unknown for ${unknownCpu.length} up host(s) (fewer than two scrapes within the last hour: ${names(unknownCpu)})`);
  // A host without memory or disk figures has no warning about them: the summary must not let that read as calm.
  // Two reasons, said apart: a collector that sent nothing, and a filesystem it could not read ("disk <mount>").
  const unread = (m: { figure: string }) => m.figure.startsWith('disk ');
  const listed = (hosts: HostRow[], figures: (r: HostRow) => string[]) =>
    hosts.slice(0, 5).map((r) => `${r.host} (${figures(r).join(', ')})`).join(', ') + (hosts.length > 5 ? ', …' : '');
  const missing = rows.filter((r) => r.missing?.some((m) => !unread(m)));
  if (missing.length > 0) {
    const figures = (r: HostRow) => r.missing!.filter((m) => !unread(m)).map((m) => m.figure);
    parts.push(`figures unknown for ${missing.length} up host(s), as node_exporter sent none of their metrics (a collector off or failing; see missing): ${listed(missing, figures)}`);
  }
  const unreadable = rows.filter((r) => r.missing?.some(unread));
  if (unreadable.length > 0) {
    const mounts = (r: HostRow) => r.missing!.filter(unread).map((m) => m.figure.slice('disk '.length));
    parts.push(`filesystems node_exporter could not read on ${unreadable.length} up host(s), their use unknown (see missing): ${listed(unreadable, mounts)}`);
  }
  if (notNumbers.length > 0) parts.push(`figures unknown for ${notNumbers.length} host(s), as Prometheus gave NaN or ±Inf for them (see unknown: ${names(notNumbers)})`);
  const widened = rows.filter((r) => r.cpuWindowSeconds !== null && r.cpuWindowSeconds > cpuWindowSeconds);
  if (widened.length > 0) parts.push(`CPU of ${widened.length} host(s) over a wider window than ${cpuWindowSeconds} s, as they are scraped too rarely for it (${names(widened)})`);
  return `${parts.join('; ')}; worst: ${worst.host}${worst.up ? '' : ' (down)'}`;
}

/**
 * A host label that no target carries (a misspelt setting) names every host by its instance without a word: said, so
 * the user looks at the label rather than at hosts that seem to have lost their names (break33).
 */
function unusedLabelNote(hostLabel: string, targets: readonly Target[]): string {
  if (hostLabel === 'instance' || targets.length === 0 || targets.some((t) => !t.labelMissing)) return '';
  return `; no target carries the label "${hostLabel}" (the host label setting), so hosts are named by their instance`;
}

function names(rows: readonly HostRow[]): string {
  return rows.length > 5 ? `${rows.slice(0, 5).map((r) => r.host).join(', ')}, …` : rows.map((r) => r.host).join(', ');
}
