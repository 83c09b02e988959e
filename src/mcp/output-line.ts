/** An ISO time at the start of a line, as the servers' own log() writes it (servers/shared/log.ts). */
const STAMPED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z /;

/**
 * The line an Output channel shows for `line`: prefixed with the time `now` unless the line already starts with its
 * own (a server's stderr line carries the time it was written; a second stamp made every such line read as two).
 */
export function stampLine(line: string, now: Date): string {
  return STAMPED.test(line) ? line : `${now.toISOString()} ${line}`;
}
