// How a byte count is written for a person, everywhere: the servers' one-line summaries and the extension's views.

/**
 * A byte count in IEC units (1 KiB = 1024 B): "512 B", "1.5 KiB", "12 MiB". One decimal below 10 of a unit, whole
 * numbers above; '?' for negative or non-finite input (a reading that failed, never a size).
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
