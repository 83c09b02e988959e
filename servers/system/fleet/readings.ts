// A host's readings from node_exporter's metrics in Prometheus, in the units and with the formulas of
// the local tools: CPU busy %, memory in use = total - available, df's filesystem use %.
import { z } from 'zod';
import { sanitizeLine } from '../../shared/sanitize';
import { dfUsage } from '../disks/df';
import { IN_MEMORY_TYPES, type Disk } from '../disks/filesystems';
import { percentOf, round1 } from '../format';
import type { Labels, MatrixSeries, PrometheusClient, Sample } from './prometheus';
import { promString, targetKey, targetMatchers, type Target } from './targets';

/** The figures of one target at one instant; null where node_exporter gave nothing (a target that is down). */
export interface HostFigures {
  /** Busy share of all cores together over the rate window, 0–100. */
  cpuPercent: number | null;
  /** Busy % of each core, in the exporter's cpu order; empty unless asked for. */
  perCore: number[];
  logicalCores: number | null;
  loadAverage: { oneMinute: number; fiveMinutes: number; fifteenMinutes: number } | null;
  memory: { totalBytes: number; usedBytes: number; availableBytes: number; percent: number } | null;
  swap: { totalBytes: number; usedBytes: number; percent: number | null } | null;
  /** Filesystems with real capacity, fullest first. */
  disks: Disk[];
}

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
}

/** An instant (`at`, epoch ms) or a range of evaluation times (epoch ms, both ends included). */
export type When = { at: number } | { start: number; end: number; stepSeconds: number };

// Pseudo filesystems are already left out by node_exporter; these are the in-memory ones and images,
// as the local disk list leaves them out (SKIP_RULE).
const SKIPPED_FS_TYPES = [...IN_MEMORY_TYPES, 'squashfs'].join('|');

/** The PromQL of each part of a reading; each returns at most a handful of series per target. */
function queries(plan: ReadingPlan): Record<string, string> {
  const m = plan.matchers === '' ? '' : `,${plan.matchers}`;
  const idle = `rate(node_cpu_seconds_total{mode="idle"${m}}[${plan.rateWindowSeconds}s])`;
  return {
    cpu: `avg by (job, instance) (${idle})`,
    cores: `count by (job, instance) (node_cpu_seconds_total{mode="idle"${m}})`,
    memory: `{__name__=~"node_memory_(MemTotal|MemAvailable|SwapTotal|SwapFree)_bytes"${m}}`,
    load: `{__name__=~"node_load(1|5|15)"${m}}`,
    filesystems: `{__name__=~"node_filesystem_(size|free|avail)_bytes${plan.detail ? '|node_filesystem_readonly' : ''}",fstype!~${promString(SKIPPED_FS_TYPES)}${m}}`,
    ...(plan.detail ? { perCore: idle } : {}),
  };
}

/** Raw numbers of one target at one time, before the formulas. */
interface RawReading {
  cpuIdle?: number | null;
  cores?: number | null;
  perCoreIdle: Array<{ cpu: string; idle: number | null }>;
  metrics: Map<string, number | null>;
  filesystems: Map<string, { labels: Labels; values: Map<string, number | null> }>;
}

/**
 * Reads every part for the plan's targets at `when`, in parallel. Returns, per targetKey, the figures
 * at each evaluation time (epoch seconds), oldest first. Rejects with a PrometheusError.
 */
export async function readFigures(client: PrometheusClient, plan: ReadingPlan, when: When, signal: AbortSignal): Promise<Map<string, Map<number, HostFigures>>> {
  const parts = Object.entries(queries(plan));
  const answers = await Promise.all(
    parts.map(async ([part, promql]) => {
      const series: MatrixSeries[] =
        'at' in when ? (await client.vector(promql, signal, when.at)).map((s) => ({ metric: s.metric, values: [s.value] })) : await client.matrix(promql, when, signal);
      return [part, series] as const;
    }),
  );
  const raw = new Map<string, Map<number, RawReading>>();
  const slot = (labels: Labels, time: number): RawReading => {
    const key = targetKey(labels);
    const times = raw.get(key) ?? raw.set(key, new Map()).get(key)!;
    return times.get(time) ?? times.set(time, { perCoreIdle: [], metrics: new Map(), filesystems: new Map() }).get(time)!;
  };
  for (const [part, series] of answers) {
    for (const { metric, values } of series) for (const sample of values) addSample(slot(metric, sample.time), part, metric, sample);
  }
  const figures = new Map<string, Map<number, HostFigures>>();
  for (const [key, times] of raw) {
    const sorted = [...times.entries()].sort(([a], [b]) => a - b);
    figures.set(key, new Map(sorted.map(([time, reading]) => [time, toFigures(reading)])));
  }
  return figures;
}

/** One target's detailed figures (per-core CPU, every filesystem) at `at` (epoch ms); undefined when Prometheus has none. */
export async function readTargetAt(client: PrometheusClient, target: Target, rateWindowSeconds: number, at: number, signal: AbortSignal): Promise<HostFigures | undefined> {
  const figures = await readFigures(client, { matchers: targetMatchers([target]), rateWindowSeconds, detail: true }, { at }, signal);
  return figures.get(targetKey(target))?.values().next().value;
}

function addSample(reading: RawReading, part: string, labels: Labels, sample: Sample): void {
  if (part === 'cpu') reading.cpuIdle = sample.value;
  else if (part === 'cores') reading.cores = sample.value;
  else if (part === 'perCore') reading.perCoreIdle.push({ cpu: labels.cpu ?? '', idle: sample.value });
  else if (part === 'filesystems') {
    const fsKey = `${labels.device}\u0000${labels.mountpoint}`;
    const fs = reading.filesystems.get(fsKey) ?? reading.filesystems.set(fsKey, { labels, values: new Map() }).get(fsKey)!;
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
  return {
    cpuPercent: busy(raw.cpuIdle),
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
    disks: toDisks(raw.filesystems),
  };
}

/** Filesystems with a size, fullest first; a device mounted twice is listed at each mount, as df does. */
function toDisks(filesystems: RawReading['filesystems']): Disk[] {
  const disks: Disk[] = [];
  for (const { labels, values } of filesystems.values()) {
    const size = values.get('node_filesystem_size_bytes');
    const free = values.get('node_filesystem_free_bytes');
    const avail = values.get('node_filesystem_avail_bytes');
    if (size == null || free == null || avail == null || !(size > 0)) continue;
    const readOnly = values.get('node_filesystem_readonly');
    disks.push({
      fs: sanitizeLine(labels.device ?? '', 1024),
      type: sanitizeLine(labels.fstype ?? '', 64),
      mount: sanitizeLine(labels.mountpoint ?? '', 1024),
      sizeBytes: size,
      availableBytes: Math.max(0, avail),
      ...dfUsage(size, free, avail),
      readOnly: readOnly == null ? null : readOnly === 1,
    });
  }
  return disks.sort((a, b) => (b.usePercent ?? -1) - (a.usePercent ?? -1));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
