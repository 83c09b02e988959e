// One line of `journalctl --output=json` turned into a SourceRecord: the boundary where journalctl's output is checked.
import { z } from 'zod';
import { sanitizeLine } from '../../../shared/sanitize';
import { normalizeLevel } from '../../format/levels';
import type { SourceRecord } from '../types';

/**
 * journalctl writes a field as a string, as an array of bytes when it is not valid UTF-8, as null when it is too large
 * to show (not with --all), and as an array of those when an entry has the field more than once.
 */
const scalar = z.union([z.string(), z.array(z.number().int().min(0).max(255)), z.null()]);
const field = z.union([scalar, z.array(scalar)]).optional();

const entrySchema = z.object({
  __CURSOR: z.string().optional(),
  __REALTIME_TIMESTAMP: field,
  PRIORITY: field,
  MESSAGE: field,
  _HOSTNAME: field,
  _SYSTEMD_UNIT: field,
  SYSLOG_IDENTIFIER: field,
});

/** The journal fields a read asks journalctl for (`--output-fields`; __CURSOR and __REALTIME_TIMESTAMP always come). */
export const ENTRY_FIELDS = ['PRIORITY', 'MESSAGE', '_HOSTNAME', '_SYSTEMD_UNIT', 'SYSLOG_IDENTIFIER'];

/** A field's text: the first of repeated values, bytes decoded as UTF-8 (bad bytes replaced), null as undefined. */
function text(value: z.infer<typeof field>): string | undefined {
  const first = Array.isArray(value) && value.length > 0 && typeof value[0] !== 'number' ? value[0] : value;
  if (first === null || first === undefined) return undefined;
  if (typeof first === 'string') return first;
  return Buffer.from(first as number[]).toString('utf8');
}

/**
 * The MESSAGE's text: every value of a repeated field, one per line. journalctl itself disagrees on which one an entry
 * has (-o short prints the last, --grep tests the first), so keeping one left the other unsearchable: search_logs said
 * "no matches" for a line journalctl shows (break20).
 */
function messageText(value: z.infer<typeof field>): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || typeof value[0] === 'number') return text(value);
  const texts = (value as z.infer<typeof scalar>[]).map((v) => text(v)).filter((t): t is string => t !== undefined);
  return texts.length > 0 ? texts.join('\n') : undefined;
}

function name(value: string | undefined): string | undefined {
  return value === undefined ? undefined : sanitizeLine(value, 256);
}

/** The entry's unit: its systemd unit, else its syslog identifier (entries logged outside a unit). */
export function unitOf(unit: string | undefined, identifier: string | undefined): string | undefined {
  return unit ?? identifier;
}

/**
 * The record of one JSON line, or undefined for a line that is not a journal entry. time: epoch ms from
 * __REALTIME_TIMESTAMP (µs); level: PRIORITY (syslog 0..7) on the one level scale (format/levels.ts).
 */
export function recordOf(line: string): SourceRecord | undefined {
  return recordOfEntry(entryOf(line));
}

/**
 * The record of one JSON line and, when the entry has a unit, the syslog identifier it logged under inside it
 * (python3 in api.service): a listing tells by it which identifiers are only programs of units.
 */
export function scannedOf(line: string): { record: SourceRecord; identifierInUnit?: string } | undefined {
  const entry = entryOf(line);
  const record = recordOfEntry(entry);
  if (!entry || !record) return undefined;
  const unit = text(entry._SYSTEMD_UNIT);
  const identifier = name(text(entry.SYSLOG_IDENTIFIER));
  return unit !== undefined && identifier ? { record, identifierInUnit: identifier } : { record };
}

function entryOf(line: string): z.infer<typeof entrySchema> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = entrySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function recordOfEntry(entry: z.infer<typeof entrySchema> | undefined): SourceRecord | undefined {
  if (!entry) return undefined;
  const micros = Number(text(entry.__REALTIME_TIMESTAMP));
  const priority = text(entry.PRIORITY);
  const record: SourceRecord = { text: messageText(entry.MESSAGE) ?? (entry.MESSAGE === null ? '[message too large to show]' : '') };
  if (Number.isFinite(micros) && micros > 0) record.time = Math.floor(micros / 1000);
  const level = priority !== undefined && /^[0-7]$/.test(priority) ? normalizeLevel(Number(priority)) : undefined;
  if (level) record.level = level;
  // Names become source names and go to a model and a webview: no control characters.
  const host = name(text(entry._HOSTNAME));
  if (host) record.host = host;
  const unit = name(unitOf(text(entry._SYSTEMD_UNIT), text(entry.SYSLOG_IDENTIFIER)));
  if (unit) record.unit = unit;
  if (entry.__CURSOR) record.cursor = entry.__CURSOR;
  return record;
}
