import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { fitToBudget } from '../../shared/output-budget';
import { resolveWindow, timeFields, WINDOW_RULE, type TimeWindow } from '../../shared/time-window';
import { UserFacingError } from '../../shared/tool-result';
import { diskSchema, type Disk } from '../disks/filesystems';
import type { Fleet } from '../fleet/fleet';
import { cpuWindowInput, readFigures, readTargetAt, type HostFigures } from '../fleet/readings';
import { targetKey, targetMatchers, targetsOf, type Target } from '../fleet/targets';
import { formatBytes } from '../../shared/bytes';
import { evaluateWarnings, warningSchema, warningsNote, type Warning } from '../warnings/evaluate';
import { effectiveThresholds, thresholdInputs, thresholdsSchema, type Thresholds } from '../warnings/thresholds';
import { registerSystemTool } from './define';

const inputSchema = z.object({
  host: z.string().min(1).max(200).describe('the host as fleet_overview names it (its host label or instance, e.g. "web-1" or "10.0.0.5:9100")'),
  ...timeFields('readings'),
  points: z.number().int().min(2).max(300).default(60).describe('with a window: how many points of history to return (2–300); the step follows from it'),
  cpuWindowSeconds: cpuWindowInput,
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
  diskThreshold: thresholdInputs.disk,
});
type Input = z.infer<typeof inputSchema>;

const historyPoint = z.object({
  time: z.string(),
  cpuPercent: z.number().nullable(),
  memoryPercent: z.number().nullable(),
  fullestDiskPercent: z.number().nullable(),
  load1: z.number().nullable(),
});
type HistoryPoint = z.infer<typeof historyPoint>;

const peaksSchema = z.object({ cpuPercent: z.number().nullable(), memoryPercent: z.number().nullable(), disk: diskSchema.pick({ mount: true, fs: true, usePercent: true }).nullable() });
type Peaks = z.infer<typeof peaksSchema>;

const outputSchema = z.object({
  summary: z.string(),
  host: z.string(),
  instance: z.string(),
  job: z.string(),
  up: z.boolean().describe("whether Prometheus's last scrape (before the window's end) succeeded"),
  measuredAt: z.string().describe('ISO time of the readings: now, or the last point of the window'),
  window: z.object({ since: z.string(), until: z.string(), stepSeconds: z.number() }).nullable().describe('null for a reading now'),
  cpu: z.object({
    percent: z.number().nullable().describe('busy share of all cores together over intervalMs before measuredAt, 0–100'),
    perCore: z.array(z.number()),
    logicalCores: z.number().nullable(),
    intervalMs: z.number().describe('the rate window CPU use is averaged over'),
  }),
  loadAverage: z.object({ oneMinute: z.number(), fiveMinutes: z.number(), fifteenMinutes: z.number() }).nullable(),
  memory: z
    .object({ totalBytes: z.number(), usedBytes: z.number().describe('total minus available'), availableBytes: z.number(), percent: z.number(), container: z.null() })
    .nullable(),
  swap: z.object({ totalBytes: z.number(), usedBytes: z.number(), percent: z.number().nullable() }).nullable(),
  disks: z.array(diskSchema).describe('fullest first; use % as df computes it'),
  truncated: z.boolean().describe('whether disks or history were cut to fit the output budget'),
  history: z.array(historyPoint).describe('with a window: the readings at each step, oldest first; empty otherwise'),
  peaks: peaksSchema.nullable().describe('with a window: the highest reading of each over the history; warnings are on these'),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema),
});
type Output = z.infer<typeof outputSchema>;

export function registerHostUsage(server: McpServer, configured: Thresholds, fleet: Fleet): void {
  registerSystemTool(server, {
    name: 'host_usage',
    title: "Fleet: one host's CPU, memory and disks",
    description:
      "One fleet host's readings from Prometheus (node_exporter), in the shape of get_resource_usage and get_disk_usage: CPU, load, memory, swap, " +
      'every filesystem. Without since/until: now. With a window: the readings at its end, a history of CPU, memory, fullest disk and load, ' +
      `and warnings on the peaks. ${WINDOW_RULE}. Host names come from fleet_overview (MCP completion offers them on the check_host prompt and fleet://host/{host}).`,
    inputSchema,
    outputSchema,
    run: async (args, signal, report) => {
      const thresholds = effectiveThresholds(configured, { cpu: args.cpuThreshold, memory: args.memoryThreshold, disk: args.diskThreshold });
      const window = readingWindow(args);
      // until is exclusive: the readings are those of the last instant before it.
      const end = window ? window.until - 1 : Date.now();
      await report(0, 'finding the host');
      const target = pickTarget(targetsOf(args.host, await fleet.targets(signal, end)));
      await report(20, 'reading metrics');
      const latest = target.up ? await readTargetAt(fleet.client, target, args.cpuWindowSeconds, end, signal) : undefined;
      if (window) await report(50, 'reading the history');
      const { history, stepSeconds } = window ? await readHistory(fleet, target, args, { since: window.since, end }, signal) : { history: [], stepSeconds: 0 };
      await report(100, 'done');
      const peaks = window ? peakReadings(history, latest) : null;
      const warnings = peaks
        ? peakWarnings(peaks, thresholds)
        : latest
          ? evaluateWarnings({ cpuPercent: latest.cpuPercent, memoryPercent: latest.memory?.percent, disks: latest.disks }, thresholds)
          : [];
      const shownWindow = window ? { since: new Date(window.since).toISOString(), until: new Date(window.until).toISOString(), stepSeconds } : null;
      return fitUsage({ target, latest, end, window: shownWindow, args, thresholds, warnings, peaks }, history);
    },
  });
}

/** CPU, memory, fullest disk and load at `points` steps from `since` to `end` (epoch ms, both included). */
async function readHistory(fleet: Fleet, target: Target, args: Input, range: { since: number; end: number }, signal: AbortSignal): Promise<{ history: HistoryPoint[]; stepSeconds: number }> {
  const stepSeconds = Math.max(1, Math.ceil((range.end - range.since) / 1000 / (args.points - 1)));
  // A rate window shorter than the step would skip the time between points.
  const plan = { matchers: targetMatchers([target]), rateWindowSeconds: Math.max(args.cpuWindowSeconds, stepSeconds), detail: false };
  const series = (await readFigures(fleet.client, plan, { start: range.since, end: range.end, stepSeconds }, signal)).get(targetKey(target));
  return { history: [...(series ?? new Map<number, HostFigures>()).entries()].map(([time, f]) => historyEntry(time, f)), stepSeconds };
}

/** The result cut to the output budget: the oldest history goes first (over long windows), then the emptiest disks (on container hosts). */
function fitUsage(base: UsageBase, history: HistoryPoint[]): Output {
  const disks = base.latest?.disks ?? [];
  const newestFirst = [...history].reverse();
  const withHistory = fitToBudget(newestFirst, (kept) => usageResult(base, disks, [...kept].reverse(), history.length), { keepAtLeast: 1 });
  return fitToBudget(disks, (kept) => usageResult(base, kept, withHistory.value.history, history.length), { keepAtLeast: 1 }).value;
}

/** The window asked for, with `until` defaulting to now; null for a reading now. */
function readingWindow(args: Input): Required<TimeWindow> | null {
  if (!args.since && !args.until) return null;
  const window = resolveWindow({ since: args.since, until: args.until });
  if (window.since === undefined) throw new UserFacingError('a window needs since (until alone has no start); leave both out for a reading now');
  const until = window.until ?? Date.now();
  if (until > Date.now() + 60_000) throw new UserFacingError('until is in the future: Prometheus has no readings there yet');
  return { since: window.since, until };
}

/** A target that is up over one that is down, when an instance is scraped by several jobs. */
function pickTarget(targets: Target[]): Target {
  return targets.find((t) => t.up) ?? targets[0];
}

function historyEntry(time: number, figures: HostFigures): HistoryPoint {
  return {
    time: new Date(time * 1000).toISOString(),
    cpuPercent: figures.cpuPercent,
    memoryPercent: figures.memory?.percent ?? null,
    fullestDiskPercent: figures.disks[0]?.usePercent ?? null,
    load1: figures.loadAverage?.oneMinute ?? null,
  };
}

/** The highest CPU and memory of the history, and the fullest disk (its mount from the readings at the end). */
function peakReadings(history: HistoryPoint[], latest: HostFigures | undefined): Peaks {
  const max = (values: Array<number | null>) => values.reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
  const diskPeak = max(history.map((p) => p.fullestDiskPercent));
  const fullestNow = latest?.disks[0];
  return {
    cpuPercent: max(history.map((p) => p.cpuPercent)),
    memoryPercent: max(history.map((p) => p.memoryPercent)),
    disk: diskPeak === null ? null : { mount: fullestNow?.mount ?? '', fs: fullestNow?.fs ?? '', usePercent: diskPeak },
  };
}

function peakWarnings(peaks: Peaks, thresholds: Thresholds): Warning[] {
  const disks = peaks.disk ? [peaks.disk] : [];
  return evaluateWarnings({ cpuPercent: peaks.cpuPercent, memoryPercent: peaks.memoryPercent, disks }, thresholds).map((w) => ({ ...w, message: `at its peak in the window, ${w.message}` }));
}

interface UsageBase {
  target: Target;
  latest: HostFigures | undefined;
  end: number;
  window: Output['window'];
  args: Input;
  thresholds: Thresholds;
  warnings: Warning[];
  peaks: Peaks | null;
}

function usageResult(base: UsageBase, disks: readonly Disk[], history: readonly HistoryPoint[], historyTotal: number): Output {
  const { target, latest } = base;
  return {
    summary: summarize(base),
    host: target.host,
    instance: target.instance,
    job: target.job,
    up: target.up,
    measuredAt: new Date(base.end).toISOString(),
    window: base.window,
    cpu: { percent: latest?.cpuPercent ?? null, perCore: latest?.perCore ?? [], logicalCores: latest?.logicalCores ?? null, intervalMs: base.args.cpuWindowSeconds * 1000 },
    loadAverage: latest?.loadAverage ?? null,
    memory: latest?.memory ? { ...latest.memory, container: null } : null,
    swap: latest?.swap ?? null,
    disks: [...disks],
    truncated: disks.length < (latest?.disks.length ?? 0) || history.length < historyTotal,
    history: [...history],
    peaks: base.peaks,
    thresholds: base.thresholds,
    warnings: base.warnings,
  };
}

function summarize({ target, latest, window, peaks, warnings }: UsageBase): string {
  if (!target.up) return `${target.host} is down: Prometheus's last scrape of ${target.instance} (job ${target.job}) failed`;
  if (!latest) return `${target.host}: no node_exporter readings at that time`;
  const fullest = latest.disks[0];
  const now =
    `${target.host}: CPU ${latest.cpuPercent ?? 'unknown'}%` +
    (latest.memory ? `, memory ${formatBytes(latest.memory.usedBytes)} of ${formatBytes(latest.memory.totalBytes)} (${latest.memory.percent}%)` : '') +
    (fullest ? `, fullest disk ${fullest.mount} at ${fullest.usePercent}% (${formatBytes(fullest.availableBytes)} free)` : '') +
    (latest.loadAverage ? `, load ${latest.loadAverage.oneMinute}` : '');
  const peak = window && peaks ? `; peaks over the window: CPU ${peaks.cpuPercent ?? 'unknown'}%, memory ${peaks.memoryPercent ?? 'unknown'}%, disk ${peaks.disk?.usePercent ?? 'unknown'}%` : '';
  return now + peak + warningsNote(warnings);
}
