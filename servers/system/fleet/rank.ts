// "Worst first" for a list of hosts: one order for the fleet overview and the System tree.
import type { Thresholds } from '../warnings/thresholds';

export interface RankedReading {
  host: string;
  up: boolean;
  cpuPercent: number | null;
  memoryPercent: number | null;
  fullestDiskPercent: number | null;
  warningCount: number;
}

/**
 * Down hosts first, then those with more warnings, then the one whose reading comes closest to its
 * threshold (the largest reading / threshold ratio of CPU, memory and fullest disk), then by name.
 */
export function worstFirst<T extends RankedReading>(rows: readonly T[], thresholds: Thresholds): T[] {
  const pressure = (r: RankedReading) =>
    Math.max(ratio(r.cpuPercent, thresholds.cpu), ratio(r.memoryPercent, thresholds.memory), ratio(r.fullestDiskPercent, thresholds.disk));
  return [...rows].sort(
    (a, b) => Number(a.up) - Number(b.up) || b.warningCount - a.warningCount || pressure(b) - pressure(a) || a.host.localeCompare(b.host),
  );
}

function ratio(reading: number | null, threshold: number): number {
  if (reading === null) return 0;
  return threshold > 0 ? reading / threshold : reading > 0 ? Infinity : 0;
}
