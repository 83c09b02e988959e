// Keeps a tool result under the byte budget by dropping items from its longest list.
import { MAX_RESULT_BYTES } from '../shared/tool-result';

/** Budget for the data itself, leaving room for the JSON text copy. */
export const RESULT_BUDGET_BYTES = Math.floor(MAX_RESULT_BYTES / 2);

/**
 * Returns `data` with `data[key]` cut so that the serialized result fits `budget` bytes;
 * the boolean says whether anything was cut.
 */
export function fitList<T extends Record<string, unknown>, K extends keyof T>(data: T, key: K, budget = RESULT_BUDGET_BYTES): [T, boolean] {
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
  const list = data[key] as unknown[];
  if (size(data) <= budget) return [data, false];
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (size({ ...data, [key]: list.slice(0, mid) }) <= budget) low = mid;
    else high = mid - 1;
  }
  return [{ ...data, [key]: list.slice(0, low) }, true];
}
