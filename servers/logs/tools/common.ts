// Pieces shared by the logs tools: annotations, time parsing, level schema, output budget.
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { LEVELS } from '../format/types';
import { UserFacingError } from '../../shared/tool-result';

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

export const levelSchema = z.enum(LEVELS);

/** Largest JSON text a logs tool returns; matches are dropped from the end to fit. */
export const OUTPUT_BUDGET_BYTES = 200 * 1024;

const RELATIVE = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)(\s+ago)?$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** ISO 8601 (or anything Date.parse takes), "now", or a relative age such as "30m", "2h", "1d", "2 hours ago". */
export function parseTimeInput(value: string | undefined, field: string, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (text.toLowerCase() === 'now') return now;
  const relative = RELATIVE.exec(text);
  if (relative) {
    const unit = relative[2].toLowerCase();
    const key = unit.startsWith('mi') || unit === 'm' ? 'm' : unit[0];
    return now - Number(relative[1]) * UNIT_MS[key];
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw new UserFacingError(`${field}: cannot read "${value}" as a time; use ISO 8601 (2026-11-25T10:00:00Z) or an age like 30m, 2h, 1d`);
  return parsed;
}

export const timeDescription = 'ISO 8601 time (e.g. 2026-11-25T10:00:00Z) or an age such as "30m", "2h", "1d" before now';

export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** Drops items from the end of `items` until `build()` serializes within the budget; returns whether any were dropped. */
export function fitToBudget<T>(items: T[], build: () => unknown, budget = OUTPUT_BUDGET_BYTES): boolean {
  let size = JSON.stringify(build()).length;
  if (size <= budget) return false;
  while (items.length > 0 && size > budget) {
    const drop = Math.max(1, Math.ceil(items.length * (1 - budget / size)));
    items.splice(items.length - drop, drop);
    size = JSON.stringify(build()).length;
  }
  return true;
}
