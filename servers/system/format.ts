// Number formatting shared by the system tools' figures and one-line summaries.

/** One decimal, as every percentage in a result is shown. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** `part` as a percentage of `whole`, clamped to 0–100; 0 when `whole` is not positive. */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.min(100, Math.max(0, (100 * part) / whole)) : 0);

/** A byte count for a person, in 1024-based units labelled as such (KiB, MiB, …). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
