// A host's readings from node_exporter's metrics in Prometheus, in the units and with the formulas of
// the local tools: CPU busy %, memory in use = total - available, df's filesystem use %.
import { z } from 'zod';
import { sanitizeLine } from '../../shared/sanitize';
import { dfUsage } from '../disks/df';
import { IN_MEMORY_TYPES, WRITABLE_TYPES, type Disk } from '../disks/filesystems';
import { inodesFrom } from '../disks/inodes';
import { percentOf, round1 } from '../format';
import type { Labels, MatrixSeries, NonFinite, PrometheusClient, Sample } from './prometheus';
import { promString, targetKey, targetMatchers, type Target } from './targets';

/** The figures of one target at one instant; null where node_exporter gave nothing (a target that is down). */
export interface HostFigures {
  /** Busy share of all cores together over the rate window, 0–100 (with a step: the busiest window within it). */
  cpuPercent: number | null;
  /** The rate window CPU use was averaged over, in seconds: wider than asked when the target is scraped too rarely for it; null without CPU. */
  cpuWindowSeconds: number | null;
  /** Busy % of each core, in the exporter's cpu order; empty unless asked for. */
  perCore: number[];
  logicalCores: number | null;
  loadAverage: { oneMinute: number; fiveMinutes: number; fifteenMinutes: number } | null;
  memory: { totalBytes: number; usedBytes: number; availableBytes: number; percent: number } | null;
  swap: { totalBytes: number; usedBytes: number; percent: number | null } | null;
  /** Filesystems with real capacity, fullest first. */
  disks: Disk[];
  /** Filesystems in memory with a size limit (tmpfs), not in `disks`, for the warnings; read at an instant only (empty in a history). */
  inMemoryDisks: Disk[];
  /**
   * Filesystems node_exporter lists but could not read (`node_filesystem_device_error` 1, sent without a size: a
   * network mount that stopped answering, one it may not stat), not in `disks`; read at an instant only.
   */
  unreadableDisks: UnreadableDisk[];
  /**
   * Figures that are null because Prometheus gave a value that is not a number (NaN, ±Inf) for what they are computed
   * from: a value (PromQL's 0/0, or one the exporter sent), not missing data, so each says which and from what.
   */
  unknown: UnknownFigure[];
}

/** A filesystem node_exporter could not read: its device, type and mount point as the exporter's labels give them. */
export interface UnreadableDisk {
  fs: string;
  type: string;
  mount: string;
}

/** A figure that is unknown because one of its inputs is not a number, and why. */
export interface UnknownFigure {
  /** The figure: "cpu", "memory", "swap", "loadAverage", "logicalCores", or "disk <mount>". */
  figure: string;
  why: string;
}

/** The output schema of UnknownFigure, for the tools. */
export const unknownFigureSchema = z.object({
  figure: z.string().describe('the figure that is null: cpu, memory, swap, loadAverage, logicalCores, or "disk <mount>"'),
  why: z.string().describe('the metric Prometheus gave as NaN or ±Inf for it: a value that is not a number, not missing data'),
});

/** The tools' input for the rate window of CPU use. */
export const cpuWindowInput = z
  .number()
  .int()
  .min(5)
  .max(3600)
  .default(60)
  .describe('CPU use is averaged over this many seconds before the reading (at least two scrapes must fall in it; 5–3600)');

/** Which targets, when, and how much detail. */
export interface ReadingPlan {
  /** PromQL label matchers narrowing every query (targetMatchers), or '' for the whole fleet. */
  matchers: string;
  /** CPU use is a rate over this many seconds (at least two scrapes must fall in it). */
  rateWindowSeconds: number;
  /** Also read per-core CPU and every filesystem's flags (one host's detail, not the fleet's). */
  detail: boolean;
  /**
   * History: each reading is the highest within the `stepSeconds` before its time (the least memory
   * and free space, the busiest rate window), not the sample at that instant, so a spike shorter than
   * the step still counts. Only with a range of evaluation times.
   */
  peakStepSeconds?: number;
}

/** An instant (`at`, epoch ms) or a range of evaluation times (epoch ms, both ends included). */
export type When = { at: number } | { start: number; end: number; stepSeconds: number };

// Pseudo filesystems are already left out by node_exporter; these are the in-memory ones and images,
// as the local disk list leaves them out (SKIP_RULE).
const SKIPPED_FS_TYPES = [...IN_MEMORY_TYPES, 'squashfs'].join('|');

/** How far back a filesystem read-only now is looked at for a time it was writable, in seconds. */
export const READ_ONLY_LOOKBACK_SECONDS = 3600;
/** The name the lowest node_filesystem_readonly within READ_ONLY_LOOKBACK_SECONDS is kept under. */
const READ_ONLY_EARLIER = 'node_filesystem_readonly:min_lookback';

/** One query of a reading: its part, and the metric name its series stand for when a function drops __name__. */
interface Part {
  part: string;
  promql: string;
  name?: string;
}

/** The PromQL of each part of a reading; each returns at most a handful of series per target. */
function queries(plan: ReadingPlan): Part[] {
  const m = plan.matchers === '' ? '' : `,${plan.matchers}`;
  const w = plan.rateWindowSeconds;
  const idle = `rate(node_cpu_seconds_total{mode="idle"${m}}[${w}s])`;
  const cpu = `avg by (job, instance) (${idle})`;
  const fsSelector = (names: string) => `{__name__=~"${names}",fstype!~${promString(SKIPPED_FS_TYPES)}${m}}`;
  const common: Part[] = [
    { part: 'cores', promql: `count by (job, instance) (node_cpu_seconds_total{mode="idle"${m}})` },
    { part: 'load', promql: `{__name__=~"node_load(1|5|15)"${m}}` },
  ];
  const step = plan.peakStepSeconds;
  if (step === undefined) {
    return [
      ...common,
      { part: 'cpu', promql: cpu },
      { part: 'memory', promql: `{__name__=~"node_memory_(MemTotal|MemAvailable|SwapTotal|SwapFree)_bytes"${m}}` },
      // Inodes too (files, files_free): a filesystem out of them refuses new files however much space it has.
      { part: 'filesystems', promql: fsSelector('node_filesystem_(size|free|avail)_bytes|node_filesystem_files(_free)?|node_filesystem_readonly') },
      // Whether each filesystem was writable at some time in the last READ_ONLY_LOOKBACK: one that is read-only now
      // went read-only within it (toDisks).
      {
        part: 'filesystems',
        promql: `min_over_time(node_filesystem_readonly{fstype=~${promString(WRITABLE_TYPES.join('|'))}${m}}[${READ_ONLY_LOOKBACK_SECONDS}s])`,
        name: READ_ONLY_EARLIER,
      },
      // tmpfs only, as the local disk tool: devtmpfs holds device nodes, ramfs has no size limit to run out of.
      { part: 'inMemory', promql: `{__name__=~"node_filesystem_(size|free|avail)_bytes|node_filesystem_files(_free)?",fstype="tmpfs"${m}}` },
      // A filesystem node_exporter failed to stat is sent with this alone, no size: without it, it would not be named.
      { part: 'unreadable', promql: `${fsSelector('node_filesystem_device_error')} == 1` },
      ...(plan.detail ? [{ part: 'perCore', promql: idle }] : []),
    ];
  }
  // The highest use within each step: memory use is highest where available memory is lowest (the
  // total does not move), and df's use % where free space is lowest (free and available differ by
  // the reserved blocks, a constant, so both are lowest at the same time). CPU: the least idle of the
  // rate windows inside the step (a subquery at the window's resolution); a step no longer than the
  // window already covers it.
  const fsMatchers = `{fstype!~${promString(SKIPPED_FS_TYPES)}${m}}`;
  const memMatchers = `{${m.slice(1)}}`;
  const over = (part: string, fn: string, name: string, matchers: string): Part => ({ part, promql: `${fn}(${name}${matchers}[${step}s])`, name });
  return [
    ...common,
    { part: 'cpu', promql: step > w ? `min_over_time(${cpu}[${step}s:${w}s])` : cpu },
    over('memory', 'max_over_time', 'node_memory_MemTotal_bytes', memMatchers),
    over('memory', 'min_over_time', 'node_memory_MemAvailable_bytes', memMatchers),
    over('filesystems', 'max_over_time', 'node_filesystem_size_bytes', fsMatchers),
    over('filesystems', 'min_over_time', 'node_filesystem_free_bytes', fsMatchers),
    over('filesystems', 'min_over_time', 'node_filesystem_avail_bytes', fsMatchers),
    over('filesystems', 'max_over_time', 'node_filesystem_files', fsMatchers),
    over('filesystems', 'min_over_time', 'node_filesystem_files_free', fsMatchers),
  ];
}

/** Raw numbers of one target at one time, before the formulas. */
interface RawReading {
  cpuIdle?: number | null;
  cpuWindowSeconds?: number;
  cores?: number | null;
  perCoreIdle: Array<{ cpu: string; idle: number | null }>;
  metrics: Map<string, number | null>;
  filesystems: Map<string, { labels: Labels; values: Map<string, number | null> }>;
  inMemory: Map<string, { labels: Labels; values: Map<string, number | null> }>;
  /** The labels of each filesystem node_exporter could not read. */
  unreadable: Labels[];
  /** Inputs Prometheus gave as NaN or ±Inf: the figure they feed, the metric and the value. */
  nonFinite: Array<{ figure: string; metric: string; value: NonFinite }>;
}

/**
 * Reads every part for the plan's targets at `when`, in parallel. Returns, per targetKey, the figures
 * at each evaluation time (epoch seconds), oldest first. Rejects with a PrometheusError.
 */
export async function readFigures(client: PrometheusClient, plan: ReadingPlan, when: When, signal: AbortSignal): Promise<Map<string, Map<number, HostFigures>>> {
  const read = async (promql: string): Promise<MatrixSeries[]> =>
    'at' in when ? (await client.vector(promql, signal, when.at)).map((s) => ({ metric: s.metric, values: [s.value] })) : await client.matrix(promql, when, signal);
  const answers = await Promise.all(queries(plan).map(async (part) => [part, await read(part.promql)] as const));
  const raw = new Map<string, Map<number, RawReading>>();
  const targetLabels = new Map<string, Labels>();
  const slot = (labels: Labels, time: number): RawReading => {
    const key = targetKey(labels);
    if (!targetLabels.has(key)) targetLabels.set(key, labels);
    const times = raw.get(key) ?? raw.set(key, new Map()).get(key)!;
    return times.get(time) ?? times.set(time, { perCoreIdle: [], metrics: new Map(), filesystems: new Map(), inMemory: new Map(), unreadable: [], nonFinite: [] }).get(time)!;
  };
  for (const [part, series] of answers) {
    for (const { metric, values } of series) {
      const labels = part.name ? { ...metric, __name__: part.name } : metric;
      for (const sample of values) addSample(slot(labels, sample.time), part.part, labels, sample, plan.rateWindowSeconds);
    }
  }
  if ('at' in when) await widenCpuWindow(read, plan, raw, targetLabels);
  const figures = new Map<string, Map<number, HostFigures>>();
  for (const [key, times] of raw) {
    const sorted = [...times.entries()].sort(([a], [b]) => a - b);
    figures.set(key, new Map(sorted.map(([time, reading]) => [time, toFigures(reading)])));
  }
  return figures;
}

/** Wider rate windows tried, in seconds, for a target with too few scrapes in the one asked for. */
const WIDER_CPU_WINDOWS = [300, 900, 3600];

/**
 * A rate needs two samples in its window: a target scraped every 60 s (Prometheus's default) has
 * one in a 60 s window, and its CPU would read as unknown while it is up. Such targets are read again
 * over the narrowest wider window holding two scrapes (4x a 60 s interval, then 15 min, 1 h), and the
 * figure says which window it is over.
 */
async function widenCpuWindow(read: (promql: string) => Promise<MatrixSeries[]>, plan: ReadingPlan, raw: Map<string, Map<number, RawReading>>, targetLabels: Map<string, Labels>): Promise<void> {
  // Missing, not NaN: a rate Prometheus gave as NaN is a value, and a wider window would hide it.
  const missing = [...raw].filter(([, times]) => [...times.values()].every((r) => r.cpuIdle == null && !r.nonFinite.some((n) => n.figure === 'cpu'))).map(([key]) => key);
  const windows = WIDER_CPU_WINDOWS.filter((w) => w > plan.rateWindowSeconds);
  // Instants only: one reading per target.
  if (missing.length === 0 || windows.length === 0) return;
  const m = targetMatchers(missing.map((key) => targetLabels.get(key)!).map((l) => ({ job: l.job ?? '', instance: l.instance ?? '' })));
  // Per core (averaged here), so one host's detail gets its cores too; only the few targets missing are read.
  const tagged = (w: number) => `label_replace(rate(node_cpu_seconds_total{mode="idle",${m}}[${w}s]), "cpu_window", "${w}", "", "")`;
  const series = await read(windows.map(tagged).join(' or on (job, instance, cpu) '));
  const perTarget = new Map<string, MatrixSeries[]>();
  for (const s of series) if (missing.includes(targetKey(s.metric))) perTarget.set(targetKey(s.metric), [...(perTarget.get(targetKey(s.metric)) ?? []), s]);
  for (const [key, cores] of perTarget) {
    const reading = [...raw.get(key)!.values()][0];
    const idle = cores.map((c) => c.values[0]?.value ?? null);
    const notNumber = cores.find((c) => c.values[0]?.nonFinite !== undefined)?.values[0];
    if (notNumber) addSample(reading, 'cpu', cores[0].metric, notNumber, Number(cores[0].metric.cpu_window));
    if (idle.some((v) => v === null)) continue;
    // Every core of a target has the same scrapes, hence the same (narrowest) window.
    addSample(reading, 'cpu', cores[0].metric, { time: 0, value: (idle as number[]).reduce((a, b) => a + b, 0) / idle.length }, Number(cores[0].metric.cpu_window));
    if (plan.detail) for (const c of cores) addSample(reading, 'perCore', c.metric, c.values[0], 0);
  }
}

/** One target's detailed figures (per-core CPU, every filesystem) at `at` (epoch ms); undefined when Prometheus has none. */
export async function readTargetAt(client: PrometheusClient, target: Target, rateWindowSeconds: number, at: number, signal: AbortSignal): Promise<HostFigures | undefined> {
  const figures = await readFigures(client, { matchers: targetMatchers([target]), rateWindowSeconds, detail: true }, { at }, signal);
  return figures.get(targetKey(target))?.values().next().value;
}

/** What each part's series make, for naming a figure made unknown by a value that is not a number. */
function figureOf(part: string, labels: Labels): string {
  if (part === 'filesystems' || part === 'inMemory') return `disk ${labels.mountpoint ?? ''}`;
  if (part === 'perCore') return 'cpu';
  if (part === 'load') return 'loadAverage';
  if (part === 'cores') return 'logicalCores';
  if (part === 'memory') return /Swap/.test(labels.__name__ ?? '') ? 'swap' : 'memory';
  return part;
}

/** The metric a part's series stand for, as the reason names it. */
function metricOf(part: string, labels: Labels): string {
  if (part === 'cpu' || part === 'perCore') return 'the rate of node_cpu_seconds_total{mode="idle"}';
  if (part === 'cores') return 'the count of node_cpu_seconds_total{mode="idle"}';
  return labels.__name__ ?? part;
}

function addSample(reading: RawReading, part: string, labels: Labels, sample: Sample, rateWindowSeconds: number): void {
  if (sample.nonFinite !== undefined) reading.nonFinite.push({ figure: figureOf(part, labels), metric: metricOf(part, labels), value: sample.nonFinite });
  if (part === 'cpu') {
    reading.cpuIdle = sample.value;
    reading.cpuWindowSeconds = rateWindowSeconds;
  }
  else if (part === 'cores') reading.cores = sample.value;
  else if (part === 'perCore') reading.perCoreIdle.push({ cpu: labels.cpu ?? '', idle: sample.value });
  else if (part === 'unreadable') reading.unreadable.push(labels);
  else if (part === 'filesystems' || part === 'inMemory') {
    const into = part === 'filesystems' ? reading.filesystems : reading.inMemory;
    const fsKey = `${labels.device}\u0000${labels.mountpoint}`;
    const fs = into.get(fsKey) ?? into.set(fsKey, { labels, values: new Map() }).get(fsKey)!;
    fs.values.set(labels.__name__ ?? '', sample.value);
  } else reading.metrics.set(labels.__name__ ?? '', sample.value);
}

/** The formulas, once: the same as the local tools apply to their own readings. */
function toFigures(raw: RawReading): HostFigures {
  const metric = (name: string) => raw.metrics.get(name) ?? null;
  const busy = (idle: number | null | undefined) => (idle == null ? null : round1(percentOf(1 - idle, 1)));
  const total = metric('node_memory_MemTotal_bytes');
  const available = metric('node_memory_MemAvailable_bytes');
  const swapTotal = metric('node_memory_SwapTotal_bytes');
  const swapFree = metric('node_memory_SwapFree_bytes');
  const [one, five, fifteen] = ['node_load1', 'node_load5', 'node_load15'].map(metric);
  const used = total !== null && available !== null ? Math.max(0, total - available) : null;
  const disks = toDisks(raw.filesystems);
  return {
    cpuPercent: busy(raw.cpuIdle),
    cpuWindowSeconds: raw.cpuIdle == null ? null : (raw.cpuWindowSeconds ?? null),
    perCore: raw.perCoreIdle
      .sort((a, b) => Number(a.cpu) - Number(b.cpu))
      .map((c) => busy(c.idle))
      .filter((p): p is number => p !== null),
    logicalCores: raw.cores ?? null,
    loadAverage: one !== null && five !== null && fifteen !== null ? { oneMinute: round2(one), fiveMinutes: round2(five), fifteenMinutes: round2(fifteen) } : null,
    memory: total !== null && available !== null && used !== null ? { totalBytes: total, usedBytes: used, availableBytes: available, percent: round1(percentOf(used, total)) } : null,
    swap:
      swapTotal !== null && swapFree !== null
        ? { totalBytes: swapTotal, usedBytes: Math.max(0, swapTotal - swapFree), percent: swapTotal > 0 ? round1(percentOf(swapTotal - swapFree, swapTotal)) : null }
        : null,
    disks,
    inMemoryDisks: toDisks(raw.inMemory),
    unreadableDisks: unreadableDisks(raw.unreadable, disks),
    unknown: unknownFigures(raw.nonFinite),
  };
}

/** The filesystems of `unreadable` that have no reading in `disks` (an exporter that sends both keeps the reading), by mount. */
function unreadableDisks(unreadable: readonly Labels[], disks: readonly Disk[]): UnreadableDisk[] {
  const measured = new Set(disks.flatMap((d) => [d.mount, ...(d.alsoMountedAt ?? [])]));
  const result = new Map<string, UnreadableDisk>();
  for (const labels of unreadable) {
    const mount = sanitizeLine(labels.mountpoint ?? '', 1024);
    if (!measured.has(mount)) result.set(mount, { fs: sanitizeLine(labels.device ?? '', 1024), type: sanitizeLine(labels.fstype ?? '', 64), mount });
  }
  return [...result.values()].sort((a, b) => a.mount.localeCompare(b.mount));
}

/** One entry per figure made unknown, naming every metric of it that was not a number. */
function unknownFigures(nonFinite: RawReading['nonFinite']): UnknownFigure[] {
  const byFigure = new Map<string, string[]>();
  for (const { figure, metric, value } of nonFinite) {
    const said = `${metric} is ${value}`;
    const list = byFigure.get(figure) ?? byFigure.set(figure, []).get(figure)!;
    if (!list.includes(said)) list.push(said);
  }
  return [...byFigure].map(([figure, said]) => ({ figure, why: `${said.join(', ')} in Prometheus (not a number: PromQL's result for 0/0 or x/0, or a value the exporter sent), so ${figure} is unknown; the host did report it` }));
}

/**
 * Filesystems with a size, fullest first. node_exporter reports a block device at every mount of it (bind mounts of
 * data folders, a container runtime's mounts): one filesystem, listed once at its shortest mount, the others in
 * `alsoMountedAt`, so it is not counted (and warned about) once per mount. Devices without a path (tmpfs, overlay) are
 * separate filesystems whatever their name, and stay apart.
 */
export function toDisks(filesystems: RawReading['filesystems']): Disk[] {
  const disks: Disk[] = [];
  const byDevice = new Map<string, Disk>();
  for (const { labels, values } of filesystems.values()) {
    const size = values.get('node_filesystem_size_bytes');
    const free = values.get('node_filesystem_free_bytes');
    const avail = values.get('node_filesystem_avail_bytes');
    if (size == null || free == null || avail == null || !(size > 0)) continue;
    const readOnly = values.get('node_filesystem_readonly');
    const files = values.get('node_filesystem_files');
    const filesFree = values.get('node_filesystem_files_free');
    const inodes = files == null || filesFree == null ? undefined : inodesFrom(files, filesFree);
    const type = sanitizeLine(labels.fstype ?? '', 64);
    const mount = sanitizeLine(labels.mountpoint ?? '', 1024);
    const disk: Disk = {
      fs: sanitizeLine(labels.device ?? '', 1024),
      type,
      mount,
      sizeBytes: size,
      availableBytes: Math.max(0, avail),
      ...dfUsage(size, free, avail),
      readOnly: readOnly == null ? null : readOnly === 1,
      ...(readOnly === 1 && wentReadOnly(type, mount, values.get(READ_ONLY_EARLIER)) ? { wentReadOnly: true } : {}),
      ...(inodes ? { inodes } : {}),
    };
    // The same device with the same figures is the same filesystem (a device of another size is another one).
    const key = disk.fs.startsWith('/') ? `${disk.fs}\0${disk.type}\0${size}\0${free}\0${avail}` : undefined;
    const seen = key === undefined ? undefined : byDevice.get(key);
    if (seen === undefined) {
      disks.push(disk);
      if (key !== undefined) byDevice.set(key, disk);
      continue;
    }
    const [first, other] = disk.mount.length < seen.mount.length ? [disk.mount, seen.mount] : [seen.mount, disk.mount];
    seen.mount = first;
    seen.alsoMountedAt = [...(seen.alsoMountedAt ?? []), other].sort();
  }
  return disks.sort((a, b) => (b.usePercent ?? -1) - (a.usePercent ?? -1));
}

/**
 * The fleet's rule for a filesystem read-only now that went so in use (the local one, filesystemWentReadOnly, reads the
 * superblock apart from the mount, which node_filesystem_readonly does not): a writable kind (WRITABLE_TYPES) that is
 * the root filesystem (a host's `/` is mounted read-write in service) or was writable within the lookback
 * (`lowestEarlier` 0). A data disk mounted read-only on purpose, an ISO or a snap's squashfs stays quiet.
 */
export function wentReadOnly(type: string, mount: string, lowestEarlier: number | null | undefined): boolean {
  return WRITABLE_TYPES.includes(type) && (mount === '/' || lowestEarlier === 0);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
