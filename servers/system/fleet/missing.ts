// The figures of an up host that node_exporter did not send at all: a collector turned off (--no-collector.meminfo,
// --no-collector.filesystem) or failing (node_scrape_collector_success 0) leaves them out while `up` stays 1, and a
// figure that is simply absent must not read as a calm one ("disk is fine" on a host whose disks nobody measured).
import type { HostFigures, UnknownFigure } from './readings';

/**
 * The figures of `figures` (an instant reading of an up target) that are null although no value of theirs was NaN or
 * ±Inf: node_exporter sent none of their metrics (`read` undefined: it sent none at all), each naming the metrics and
 * the collector; and each filesystem it could not read, as `disk <mount>`. Empty when all are there.
 */
export function missingFigures(read: HostFigures | undefined): UnknownFigure[] {
  const figures = read ?? NOTHING;
  const notNumber = (prefix: string) => figures.unknown.some((u) => u.figure === prefix || u.figure.startsWith(`${prefix} `));
  const missing: UnknownFigure[] = [];
  if (figures.cpuPercent === null && figures.logicalCores === null && !notNumber('cpu') && !notNumber('logicalCores')) {
    missing.push({ figure: 'cpu', why: absent('node_cpu_seconds_total', 'cpu', 'CPU use') });
  }
  if (figures.memory === null && !notNumber('memory')) {
    missing.push({ figure: 'memory', why: absent('node_memory_MemTotal_bytes or node_memory_MemAvailable_bytes', 'meminfo', 'memory use') });
  }
  // A filesystem it could not read: the collector works, but this one's use is unknown.
  for (const disk of figures.unreadableDisks) {
    missing.push({
      figure: `disk ${disk.mount}`,
      why: `node_exporter could not read the ${disk.type} filesystem ${disk.fs} mounted at ${disk.mount} (node_filesystem_device_error 1, sent without a size: a network mount that stopped answering, or one it may not stat), so its use is unknown, not fine`,
    });
  }
  if (figures.disks.length === 0 && figures.unreadableDisks.length === 0 && !notNumber('disk')) {
    missing.push({
      figure: 'disk',
      why: `${absent('node_filesystem_size_bytes, _free_bytes and _avail_bytes of any disk filesystem', 'filesystem', 'disk use')} (or the host has only in-memory filesystems)`,
    });
  }
  return missing;
}

/** A target that answered without any node_exporter metric of the reading. */
const NOTHING: HostFigures = { cpuPercent: null, cpuWindowSeconds: null, perCore: [], logicalCores: null, loadAverage: null, memory: null, swap: null, disks: [], inMemoryDisks: [], unreadableDisks: [], unknown: [] };

function absent(metrics: string, collector: string, figure: string): string {
  return `node_exporter sent no ${metrics} (its ${collector} collector is off or failing), so ${figure} is unknown, not fine`;
}
