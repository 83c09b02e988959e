// Access logs have no level of their own: by the common convention a request answered 5xx is an error, 4xx a warning,
// the rest information. The text access logs' status is found in the line (header.ts statusLevel); here it is read from
// a named field: a W3C extended log's `sc-status` column (w3c.ts), a JSON access record's status (envelopes.ts).
import { LEVELS, type Level } from './types';

/** The level an HTTP status stands for: 5xx ERROR, 4xx WARN, 1xx-3xx INFO; undefined for a value that is no status (`-`, `ok`, 0, 999). */
export function httpStatusLevel(value: unknown): Level | undefined {
  const status = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(status) || status < 100 || status > 599) return undefined;
  return status >= 500 ? 'ERROR' : status >= 400 ? 'WARN' : 'INFO';
}

/** The more severe of two levels (either may be missing). */
export function moreSevere(a: Level | undefined, b: Level | undefined): Level | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}
