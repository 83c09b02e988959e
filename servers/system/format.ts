// Number formatting shared by the system tools' figures and one-line summaries.

/** One decimal, as every percentage in a result is shown. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** `part` as a percentage of `whole`, clamped to 0–100; 0 when `whole` is not positive. */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.min(100, Math.max(0, (100 * part) / whole)) : 0);
