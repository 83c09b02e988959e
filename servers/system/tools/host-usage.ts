import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { fitToBudget } from '../../shared/output-budget';
import { isoInLocalZone } from '../../shared/local-time';
import { resolveWindow, timeFields, WINDOW_RULE, type TimeWindow } from '../../shared/time-window';
import { UserFacingError } from '../../shared/tool-result';
import { diskSchema, type Disk } from '../disks/filesystems';
import type { Fleet } from '../fleet/fleet';
import { partialNote } from '../fleet/prometheus';
import { missingFigures } from '../fleet/missing';
import { cpuWindowInput, readFigures, readTargetAt, unknownFigureSchema, type HostFigures, type UnknownFigure } from '../fleet/readings';
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

const historyPoint = z
  .object({
    time: z.string().describe('the end of the step this point covers'),
    cpuPercent: z.number().nullable().describe('the busiest CPU use (averaged over cpu.intervalMs) within the step'),
    memoryPercent: z.number().nullable().describe('the highest memory use within the step'),
    fullestDiskPercent: z.number().nullable().describe("the highest use % (df's) of any filesystem within the step"),
    fullestDiskMount: z.string().nullable().describe('the mount point of that filesystem'),
    load1: z.number().nullable().describe('one-minute load average at `time`'),
  })
  .describe('the highest readings within the step before `time`, so a spike shorter than a step still shows');
type HistoryPoint = z.infer<typeof historyPoint>;

const peaksSchema = z.object({
  cpuPercent: z.number().nullable(),
  memoryPercent: z.number().nullable(),
  disk: diskSchema.pick({ mount: true, fs: true, usePercent: true }).nullable(),
  inodes: z
    .object({ mount: z.string(), fs: z.string(), usePercent: z.number() })
    .nullable()
    .describe('the filesystem whose inodes were most used, at that use %: out of inodes, it refuses new files however much space it has; null when none reports an inode count'),
});
type Peaks = z.infer<typeof peaksSchema>;

const outputSchema = z.object({
  summary: z.string(),
  host: z.string(),
  instance: z.string(),
  job: z.string(),
  up: z.boolean().describe("whether Prometheus's last scrape (before the window's end) succeeded"),
  measuredAt: z.string().describe('ISO time of the readings: now, or the last point of the window'),
  prometheus: z.string().describe('the Prometheus the readings come from (URL without credentials)'),
  window: z.object({ since: z.string(), until: z.string(), stepSeconds: z.number() }).nullable().describe('null for a reading now'),
  cpu: z.object({
    percent: z.number().nullable().describe('busy share of all cores together over intervalMs before measuredAt, 0–100'),
    perCore: z.array(z.number()),
    logicalCores: z.number().nullable(),
    intervalMs: z.number().describe('the rate window CPU use is averaged over: cpuWindowSeconds, or wider when the host is scraped too rarely for two scrapes to fall in it'),
  }),
  loadAverage: z.object({ oneMinute: z.number(), fiveMinutes: z.number(), fifteenMinutes: z.number() }).nullable(),
  memory: z
    .object({ totalBytes: z.number(), usedBytes: z.number().describe('total minus available'), availableBytes: z.number(), percent: z.number(), container: z.null() })
    .nullable(),
  swap: z.object({ totalBytes: z.number(), usedBytes: z.number(), percent: z.number().nullable() }).nullable(),
  disks: z.array(diskSchema).describe('fullest first; use % as df computes it'),
  unknown: z
    .array(unknownFigureSchema)
    .describe('figures of the readings at measuredAt that are null because Prometheus gave NaN or ±Inf for them (a value, not missing data), and which metric'),
  missing: z
    .array(unknownFigureSchema)
    .describe('figures (cpu, memory, disk) of an up host that are null because node_exporter sent none of their metrics (a collector off or failing), and "disk <mount>" for each filesystem it could not read (node_filesystem_device_error): unknown, not fine'),
  truncated: z.boolean().describe('whether disks or history were cut to fit the output budget'),
  history: z.array(historyPoint).describe('with a window: the highest readings within each step, oldest first; empty otherwise'),
  peaks: peaksSchema
    .nullable()
    .describe('with a window: the highest reading of each within the whole window (the disk: the filesystem that was fullest, at its fullest); warnings are on these'),
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
      const all = await fleet.targets(signal, end);
      const known = all.some((t) => t.host === args.host.trim() || t.instance === args.host.trim());
      const [gone, otherDown] = known ? [[], []] : await Promise.all([fleet.gone(all, signal, end), fleet.otherDown(signal, end)]);
      // A down target of a job that never exported node_exporter metrics is not in the fleet, but it is a target that is
      // down: "no host" would tell the user it does not exist (break33).
      const down = otherDown.filter((o) => o.host === args.host.trim() || o.instance === args.host.trim()).map((o) => ({ ...o, jobs: [o.job], up: false }));
      // A window that ends in the past finds the targets of then.
      const past = window ? end : undefined;
      const target = pickTarget(withPartialNote(() => (down.length > 0 ? down : targetsOf(args.host, all, gone, past)), fleet.client.warnings(signal)));
      await report(20, 'reading metrics');
      const latest = target.up ? await readTargetAt(fleet.client, target, args.cpuWindowSeconds, end, signal) : undefined;
      if (window) await report(50, 'reading the history');
      const cpuWindowSeconds = latest?.cpuWindowSeconds ?? args.cpuWindowSeconds;
      const read = window ? await readHistory(fleet, target, args, { since: window.since, end }, cpuWindowSeconds, signal) : { history: [], stepSeconds: 0 };
      const { stepSeconds } = read;
      const history = read.history.map((h) => h.point);
      await report(100, 'done');
      const peaks = window ? peakReadings(read.history) : null;
      const warnings = peaks
        ? peakWarnings(peaks, thresholds)
        : latest
          ? evaluateWarnings({ cpuPercent: latest.cpuPercent, memoryPercent: latest.memory?.percent, disks: latest.disks, inMemoryDisks: latest.inMemoryDisks }, thresholds)
          : [];
      const shownWindow = window ? { since: new Date(window.since).toISOString(), until: new Date(window.until).toISOString(), stepSeconds } : null;
      const partial = partialNote(fleet.client.warnings(signal));
      const late = window ? lateStart(window.since, history, stepSeconds) : undefined;
      // Within its first step, the history cannot say when the readings start: over 30 days a step is 2.4 h (break33).
      const coverage = late === undefined ? '' : coverageText(await firstReading(fleet, target, late, signal));
      return fitUsage({ target, prometheus: fleet.client.url, latest, end, window: shownWindow, args, cpuWindowSeconds, thresholds, warnings, peaks, partial, coverage }, history);
    },
  });
}

/** A history point, and the filesystem behind its fullest-disk figure (for the peak's mount and device). */
interface HistoryEntry {
  point: HistoryPoint;
  fullest: Disk | undefined;
  /** The filesystem with the most of its inodes used in the step (not always the fullest by space). */
  mostInodes: Disk | undefined;
}

/**
 * The highest CPU, memory and disk use within each of `points` steps covering (since, end], and the
 * load at each step's end. `cpuWindowSeconds` is the rate window the reading at the end needed.
 */
async function readHistory(fleet: Fleet, target: Target, args: Input, range: { since: number; end: number }, cpuWindowSeconds: number, signal: AbortSignal): Promise<{ history: HistoryEntry[]; stepSeconds: number }> {
  const spanSeconds = Math.max(1, Math.ceil((range.end - range.since) / 1000));
  const stepSeconds = Math.max(1, Math.ceil(spanSeconds / args.points));
  // Each point covers the step before it and the last is at the end, so the first is about one step
  // after since: the steps cover the window (reaching before since only by the rounding of the step).
  const count = Math.min(args.points, Math.ceil(spanSeconds / stepSeconds));
  const start = range.end - (count - 1) * stepSeconds * 1000;
  const plan = { matchers: targetMatchers([target]), rateWindowSeconds: cpuWindowSeconds, detail: false, peakStepSeconds: stepSeconds };
  const series = (await readFigures(fleet.client, plan, { start, end: range.end, stepSeconds }, signal)).get(targetKey(target));
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
  if (window.since >= until) throw new UserFacingError(`since (${isoInLocalZone(window.since)}) is not before until (${isoInLocalZone(until)}${window.until === undefined ? ', now' : ''}): the window would be empty.`);
  return { since: window.since, until };
}

/** A target that is up over one that is down, when an instance is scraped by several jobs. */
function pickTarget(targets: Target[]): Target {
  return targets.find((t) => t.up) ?? targets[0];
}

function historyEntry(time: number, figures: HostFigures): HistoryEntry {
  const fullest = figures.disks[0];
  return {
    point: {
      time: new Date(time * 1000).toISOString(),
      cpuPercent: figures.cpuPercent,
      memoryPercent: figures.memory?.percent ?? null,
      fullestDiskPercent: fullest?.usePercent ?? null,
      fullestDiskMount: fullest?.mount ?? null,
      load1: figures.loadAverage?.oneMinute ?? null,
    },
    fullest,
    mostInodes: mostInodesUsed(figures.disks),
  };
}

/** The highest CPU and memory of the history, and the disk at its fullest (that filesystem's mount and device, from the same step). */
function peakReadings(history: HistoryEntry[]): Peaks {
  const max = (values: Array<number | null>) => values.reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
  const fullest = history.reduce<Disk | undefined>((a, { fullest: b }) => (b?.usePercent == null ? a : a?.usePercent == null || b.usePercent > a.usePercent ? b : a), undefined);
  const inodes = mostInodesUsed(history.map((h) => h.mostInodes).filter((d): d is Disk => d !== undefined));
  return {
    cpuPercent: max(history.map((h) => h.point.cpuPercent)),
    memoryPercent: max(history.map((h) => h.point.memoryPercent)),
    disk: fullest ? { mount: fullest.mount, fs: fullest.fs, usePercent: fullest.usePercent } : null,
    inodes: inodes?.inodes ? { mount: inodes.mount, fs: inodes.fs, usePercent: inodes.inodes.usePercent } : null,
  };
}

/** The disk of `disks` with the highest inode use %, or undefined when none reports inodes. */
function mostInodesUsed(disks: readonly Disk[]): Disk | undefined {
  return disks.reduce<Disk | undefined>((a, b) => (b.inodes === undefined ? a : a?.inodes === undefined || b.inodes.usePercent > a.inodes.usePercent ? b : a), undefined);
}

function peakWarnings(peaks: Peaks, thresholds: Thresholds): Warning[] {
  // The inode peak is checked for its inodes only: its space is not a peak (the disk peak covers that).
  const disks = [...(peaks.disk ? [peaks.disk] : []), ...(peaks.inodes ? [{ mount: peaks.inodes.mount, fs: peaks.inodes.fs, usePercent: null, inodes: { usePercent: peaks.inodes.usePercent } }] : [])];
  return evaluateWarnings({ cpuPercent: peaks.cpuPercent, memoryPercent: peaks.memoryPercent, disks }, thresholds).map((w) => ({ ...w, message: `at its peak in the window, ${w.message}` }));
}

interface UsageBase {
  target: Target;
  /** The Prometheus read, as it may be shown. */
  prometheus: string;
  latest: HostFigures | undefined;
  end: number;
  window: Output['window'];
  args: Input;
  /** The rate window CPU use was read over, in seconds. */
  cpuWindowSeconds: number;
  /** Prometheus's warnings that the answers may be partial, for the summary ('' without). */
  partial: string;
  /** Where the history starts later than the window, for the summary ('' without). */
  coverage: string;
  thresholds: Thresholds;
  warnings: Warning[];
  peaks: Peaks | null;
}

function usageResult(base: UsageBase, disks: readonly Disk[], history: readonly HistoryPoint[], historyTotal: number): Output {
  const { target, latest } = base;
  return {
    summary: summarize(base) + base.partial,
    host: target.host,
    instance: target.instance,
    job: target.job,
    up: target.up,
    measuredAt: new Date(base.end).toISOString(),
    prometheus: base.prometheus,
    window: base.window,
    cpu: { percent: latest?.cpuPercent ?? null, perCore: latest?.perCore ?? [], logicalCores: latest?.logicalCores ?? null, intervalMs: base.cpuWindowSeconds * 1000 },
    loadAverage: latest?.loadAverage ?? null,
    memory: latest?.memory ? { ...latest.memory, container: null } : null,
    swap: latest?.swap ?? null,
    disks: [...disks],
    unknown: latest?.unknown ?? [],
    missing: target.up ? missingFigures(latest) : [],
    truncated: disks.length < (latest?.disks.length ?? 0) || history.length < historyTotal,
    history: [...history],
    peaks: base.peaks,
    thresholds: base.thresholds,
    warnings: base.warnings,
  };
}

/**
 * When Prometheus holds no readings of the host for the start of the window (it was added, or Prometheus started,
 * later), the peaks are those of a shorter time than asked. Each history point covers the step before it, so more than
 * a step missing before the first one is said: the step (epoch ms, from and to) in which the readings start, or
 * undefined when the history covers the window (or is empty: the peaks then say unknown).
 */
export function lateStart(since: number, history: readonly HistoryPoint[], stepSeconds: number): { from: number; to: number } | undefined {
  const first = history.length > 0 ? Date.parse(history[0].time) : Number.NaN;
  if (!Number.isFinite(first) || first - 2 * stepSeconds * 1000 <= since) return undefined;
  return { from: first - stepSeconds * 1000, to: first };
}

/** Points read inside the first step to find when the readings start: the answer is within (step / this). */
const FIRST_READING_POINTS = 250;

/**
 * The time (epoch ms) of the host's first `up` sample within `step`, to about 1/250 of it (at least 1 s); the step's
 * end when none is found there (the history had one, so that is where it lies at the latest).
 */
async function firstReading(fleet: Fleet, target: Target, step: { from: number; to: number }, signal: AbortSignal): Promise<number> {
  const stepSeconds = Math.max(1, Math.ceil((step.to - step.from) / 1000 / FIRST_READING_POINTS));
  const series = await fleet.client.matrix(`up{${targetMatchers([target])}}`, { start: step.from, end: step.to, stepSeconds }, signal);
  const times = series.filter((s) => targetKey(s.metric) === targetKey(target)).flatMap((s) => s.values.slice(0, 1).map((v) => v.time * 1000));
  return times.length > 0 ? Math.min(...times) : step.to;
}

/** The summary's words for readings that start at `first` (epoch ms), after the window does. */
function coverageText(first: number): string {
  return ` (Prometheus holds readings of this host only from about ${new Date(first).toISOString()}, not from the window's start: the peaks cover that part)`;
}

function summarize({ target, latest, window, peaks, warnings, args, cpuWindowSeconds, coverage }: UsageBase): string {
  const down = `${target.host} is down: Prometheus's last scrape of ${target.instance} (job ${target.job}) failed`;
  // Down at the window's end, it may have been up before: the peaks and their warnings are still the window's.
  if (!target.up) return window && peaks && hasReading(peaks) ? `${down}; before that, ${peakText(peaks, coverage)}${warningsNote(warnings)}` : down;
  if (!latest) return `${target.host}: no node_exporter readings at that time`;
  const fullest = latest.disks[0];
  const missing = missingFigures(latest).map((m) => m.figure);
  const unmeasured = missing.filter((m) => m !== 'cpu' && !m.startsWith('disk '));
  const unreadable = latest.unreadableDisks.map((d) => d.mount);
  const cpu = missing.includes('cpu') ? 'unknown (node_exporter sent no node_cpu_seconds_total: see missing)' : cpuText(latest.cpuPercent, cpuWindowSeconds, args.cpuWindowSeconds, latest.unknown);
  const now =
    `${target.host}: CPU ${cpu}` +
    (latest.memory ? `, memory ${formatBytes(latest.memory.usedBytes)} of ${formatBytes(latest.memory.totalBytes)} (${latest.memory.percent}%)` : '') +
    (fullest ? `, fullest disk ${fullest.mount} at ${fullest.usePercent}% (${formatBytes(fullest.availableBytes)} free)` : '') +
    (latest.loadAverage ? `, load ${latest.loadAverage.oneMinute}` : '') +
    unknownText(latest.unknown) +
    // Without them no warning can be raised: say it, so "no warnings" is not read as "memory and disks are fine".
    (unmeasured.length > 0 ? `; ${unmeasured.join(' and ')} unknown, as node_exporter sent none of ${unmeasured.length > 1 ? 'their' : 'its'} metrics (a collector off or failing: see missing)` : '') +
    (unreadable.length > 0 ? `; ${unreadable.join(', ')} unknown, as node_exporter could not read ${unreadable.length > 1 ? 'them' : 'it'} (node_filesystem_device_error: see missing)` : '');
  const peak = window && peaks ? `; ${peakText(peaks, coverage)}` : '';
  return now + peak + warningsNote(warnings);
}

function peakText(peaks: Peaks, coverage: string): string {
  const percent = (value: number | null | undefined) => (value == null ? 'unknown' : `${value}%`);
  return `peaks over the window: CPU ${percent(peaks.cpuPercent)}, memory ${percent(peaks.memoryPercent)}, disk ${percent(peaks.disk?.usePercent)}${coverage}`;
}

const hasReading = (peaks: Peaks) => peaks.cpuPercent !== null || peaks.memoryPercent !== null || peaks.disk !== null;

/** CPU use for a summary, saying when it is over a wider window than asked, or why it is unknown. */
export function cpuText(percent: number | null, windowSeconds: number | null, askedSeconds: number, unknown: readonly UnknownFigure[] = []): string {
  if (percent === null) return unknown.some((u) => u.figure === 'cpu') ? 'unknown (Prometheus gave it as not a number: see unknown)' : `unknown (fewer than two scrapes within the last hour)`;
  return windowSeconds !== null && windowSeconds > askedSeconds ? `${percent}% (over ${windowSeconds} s: scraped too rarely for two scrapes in ${askedSeconds} s)` : `${percent}%`;
}

/** The summary's words for the figures other than CPU that are unknown because Prometheus gave NaN or ±Inf. */
function unknownText(unknown: readonly UnknownFigure[]): string {
  const others = unknown.filter((u) => u.figure !== 'cpu').map((u) => u.figure);
  return others.length > 0 ? `; unknown, as Prometheus gave NaN or ±Inf for them: ${others.join(', ')} (see unknown)` : '';
}

/** A "no such host" error says when Prometheus warned that its target list may be partial (a store that did not answer). */
function withPartialNote<T>(find: () => T, warnings: string[]): T {
  try {
    return find();
  } catch (error) {
    if (error instanceof UserFacingError && warnings.length > 0) throw new UserFacingError(`${error.message}${partialNote(warnings)}`);
    throw error;
  }
}
