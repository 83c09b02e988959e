// Use % the way df computes it, for figures that come as raw byte counts (node_exporter's).
import { percentOf, round1 } from '../format';

/**
 * df's Use%: used / (used + available), with used = size - free. Blocks reserved for root are in
 * neither, so this is higher than used / size and matches what `df` and get_disk_usage show.
 * Bytes in; returns used bytes and the percentage with one decimal (null when nothing is usable).
 */
export function dfUsage(sizeBytes: number, freeBytes: number, availableBytes: number): { usedBytes: number; usePercent: number | null } {
  const usedBytes = Math.max(0, sizeBytes - freeBytes);
  const usable = usedBytes + Math.max(0, availableBytes);
  return { usedBytes, usePercent: usable > 0 ? round1(percentOf(usedBytes, usable)) : null };
}
