// The one output budget of every tool: results are cut to a number of BYTES of their JSON text
// (UTF-8, so Korean or emoji text counts what it really weighs), by keeping a prefix of one list.
import { MAX_RESULT_BYTES } from './tool-result';

/**
 * Bytes a tool's data may take as JSON text. A result carries the data twice (structuredContent and
 * the same JSON as text, see `toolResult`), so half of MAX_RESULT_BYTES keeps the whole answer under it.
 */
export const OUTPUT_BUDGET_BYTES = Math.floor(MAX_RESULT_BYTES / 2);

/** UTF-8 bytes of `value` as JSON text. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export interface FitOptions {
  /** Byte budget of the built value's JSON text; default OUTPUT_BUDGET_BYTES. */
  budget?: number;
  /** Items kept even when they alone exceed the budget (a single huge item is better than an empty answer); default 0. */
  keepAtLeast?: number;
}

export interface Fitted<R> {
  /** `build` of the kept prefix. */
  value: R;
  /** How many leading items were kept. */
  kept: number;
  /** Whether any item was dropped. */
  cut: boolean;
}

/**
 * Keeps the longest prefix of `items` whose `build(prefix)` fits the budget (bytes of JSON text), so
 * the order the tool chose (newest first, largest first) decides what survives. `build` must be
 * pure and grow with the prefix; counts that depend on the prefix (`returned`) belong inside it.
 * Costs about log2(items) builds when cutting, one when everything fits.
 */
export function fitToBudget<T, R>(items: readonly T[], build: (kept: readonly T[]) => R, options: FitOptions = {}): Fitted<R> {
  const budget = options.budget ?? OUTPUT_BUDGET_BYTES;
  const floor = Math.min(items.length, Math.max(0, options.keepAtLeast ?? 0));
  const whole = build(items);
  if (jsonBytes(whole) <= budget) return { value: whole, kept: items.length, cut: false };
  let low = floor;
  let high = items.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (jsonBytes(build(items.slice(0, mid))) <= budget) low = mid;
    else high = mid - 1;
  }
  return { value: build(items.slice(0, low)), kept: low, cut: true };
}

/**
 * Returns `data` with the list `data[key]` cut to fit `budget` bytes, and whether anything was cut.
 * The common case of `fitToBudget`: one list inside an otherwise fixed result.
 */
export function fitList<T extends Record<string, unknown>, K extends keyof T>(data: T, key: K, budget = OUTPUT_BUDGET_BYTES): [T, boolean] {
  const list = data[key] as unknown[];
  const { value, cut } = fitToBudget(list, (kept) => ({ ...data, [key]: kept }) as T, { budget });
  return [value, cut];
}
