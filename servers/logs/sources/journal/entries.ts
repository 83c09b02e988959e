// One entry of `journalctl --output=export` (export.ts) turned into a SourceRecord: the boundary where journalctl's
// output is checked.
import { sanitizeLine } from '../../../shared/sanitize';
import { normalizeLevel } from '../../format/levels';
import type { SourceRecord } from '../types';
import type { ExportEntry } from './export';

/**
 * The journal fields a read asks journalctl for (`--output-fields`; journalctl adds __CURSOR, __REALTIME_TIMESTAMP,
 * __MONOTONIC_TIMESTAMP and _BOOT_ID) and keeps (ENTRY_KEPT).
 */
export const ENTRY_FIELDS = ['PRIORITY', 'MESSAGE', '_HOSTNAME', '_SYSTEMD_UNIT', 'SYSLOG_IDENTIFIER', '_TRANSPORT'];
export const ENTRY_KEPT = ['__CURSOR', '__REALTIME_TIMESTAMP', ...ENTRY_FIELDS];

/** A field's text: the first of repeated values. */
function text(entry: ExportEntry, field: string): string | undefined {
  return entry.fields.get(field)?.[0];
}

/**
 * The MESSAGE's text: every value of a repeated field, one per line. journalctl itself disagrees on which one an entry
 * has (-o short prints the last, --grep tests the first), so keeping one left the other unsearchable: search_logs said
 * "no matches" for a line journalctl shows (break20).
 */
function messageText(entry: ExportEntry): string | undefined {
  const values = entry.fields.get('MESSAGE');
  return values === undefined ? undefined : values.length === 1 ? values[0] : values.join('\n');
}

/** Sanitized names by raw value: a journal repeats a few hosts and units in every entry. */
const names = new Map<string, string>();

function name(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let clean = names.get(value);
  if (clean === undefined) {
    clean = sanitizeLine(value, 256);
    // Bounded: a journal of many distinct names (transient units) does not grow it for ever.
    if (names.size >= 10_000) names.clear();
    names.set(value, clean);
  }
  return clean;
}

/** The entry's unit: its systemd unit, else its syslog identifier (entries logged outside a unit). */
export function unitOf(unit: string | undefined, identifier: string | undefined): string | undefined {
  return unit ?? identifier;
}

/**
 * The record of one entry. time: epoch ms from __REALTIME_TIMESTAMP (µs); level: PRIORITY (syslog 0..7) on the one
 * level scale (format/levels.ts), none for any other PRIORITY text.
 */
export function recordOf(entry: ExportEntry): SourceRecord {
  const micros = Number(text(entry, '__REALTIME_TIMESTAMP'));
  const priority = text(entry, 'PRIORITY');
  const record: SourceRecord = { text: messageText(entry) ?? '' };
  if (Number.isFinite(micros) && micros > 0) record.time = Math.floor(micros / 1000);
  const level = priority !== undefined && /^[0-7]$/.test(priority) ? normalizeLevel(Number(priority)) : undefined;
  if (level) record.level = level;
  // A service's stdout and stderr lines (`_TRANSPORT=stdout`) get the unit's SyslogLevel (info by default) unless a
  // line says its own (`<3>…`): the level is a default, not the program's word (SourceRecord.levelIsDefault).
  if (level && text(entry, '_TRANSPORT') === 'stdout') record.levelIsDefault = true;
  // Names become source names and go to a model and a webview: no control characters.
  const host = name(text(entry, '_HOSTNAME'));
  if (host) record.host = host;
  const unit = name(unitOf(text(entry, '_SYSTEMD_UNIT'), text(entry, 'SYSLOG_IDENTIFIER')));
  if (unit) record.unit = unit;
  const cursor = text(entry, '__CURSOR');
  if (cursor) record.cursor = cursor;
  if (entry.notUtf8) record.notUtf8 = entry.notUtf8;
  return record;
}

/**
 * The record of one entry and, when the entry has a unit, the syslog identifier it logged under inside it (python3 in
 * api.service): a listing tells by it which identifiers are only programs of units.
 */
export function scannedOf(entry: ExportEntry): { record: SourceRecord; identifierInUnit?: string } {
  const record = recordOf(entry);
  const identifier = name(text(entry, 'SYSLOG_IDENTIFIER'));
  return text(entry, '_SYSTEMD_UNIT') !== undefined && identifier ? { record, identifierInUnit: identifier } : { record };
}
