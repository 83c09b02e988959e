// Journal source names: `journal:<unit>` when the journals hold one host, `journal:<host>/<unit>` when they hold
// several (a central collector's directory). <unit> is the systemd unit, or the syslog identifier of entries logged
// outside a unit.

export const JOURNAL_PREFIX = 'journal:';

export interface JournalName {
  host?: string;
  unit: string;
}

/** The source name of `unit` (on `host` when the names carry hosts). */
export function journalName(unit: string, host?: string): string {
  return `${JOURNAL_PREFIX}${host !== undefined ? `${host}/` : ''}${unit}`;
}

/** Host and unit of a journal source name (host names and unit names hold no "/"), or undefined when it is not one. */
export function parseJournalName(name: string): JournalName | undefined {
  if (!name.startsWith(JOURNAL_PREFIX)) return undefined;
  const rest = name.slice(JOURNAL_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash === -1) return rest ? { unit: rest } : undefined;
  const host = rest.slice(0, slash);
  const unit = rest.slice(slash + 1);
  return host && unit ? { host, unit } : undefined;
}

/** The unit a syslog identifier belongs to by systemd's naming habit (`nginx` logs as nginx.service): its stem. */
export function unitStem(unit: string): string {
  const dot = unit.lastIndexOf('.');
  return dot > 0 ? unit.slice(0, dot) : unit;
}
