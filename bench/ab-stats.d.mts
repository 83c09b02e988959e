// Types of ab-stats.mjs for the TypeScript that imports it (its test).
export declare function quantile(values: readonly number[], q: number): number;
export declare function roundOrder<T>(sides: readonly T[], round: number): T[];
export interface Summary {
  /** Median over rounds of old seconds / new seconds (above 1: the new side is faster). */
  ratio: number;
  /** First and third quartiles of those ratios. */
  low: number;
  high: number;
  /** Median lines per CPU second of each side. */
  speedOld: number;
  speedNew: number;
}
export declare function summarise(seconds: ReadonlyArray<readonly [number, number]>, lines: number): Summary;
