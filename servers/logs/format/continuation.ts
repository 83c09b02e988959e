// Lines that carry a time yet belong to the entry above: they share its level instead of starting an entry of their own.
import type { Level, LineParser, ParsedLine } from './types';

// PostgreSQL writes the parts of one entry (DETAIL, HINT, STATEMENT …) as lines with the entry's own prefix. Matched on
// the learned component (`… [pid] DETAIL:`) or, where no header was learned, on the start of the message.
const ENTRY_PART = /^(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION)$/;
const ENTRY_PART_MESSAGE = /^(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):\s/;

/**
 * The first letters of ENTRY_PART's words (character codes): a text that opens with any other is no part, told before
 * a regex runs (every timed line without a level is asked, twice).
 */
const PART_INITIALS = new Set([...ENTRY_PART.source.matchAll(/[A-Z]+/g)].map((word) => word[0].charCodeAt(0)));

/** A part of the entry above that repeats its header (PostgreSQL `… [pid] DETAIL:  …`): no level of its own. */
export function isEntryPart(parsed: ParsedLine): boolean {
  if (parsed.level !== undefined) return false;
  const component = parsed.component;
  if (component !== undefined && PART_INITIALS.has(component.charCodeAt(0)) && ENTRY_PART.test(component)) return true;
  return PART_INITIALS.has(parsed.message.charCodeAt(0)) && ENTRY_PART_MESSAGE.test(parsed.message);
}

/**
 * True when a parsed line without a level of its own continues the entry above although it has a time: an entry's part
 * (isEntryPart) or a runtime-wrapped line whose inner text has no header (`ParsedLine.continues`).
 */
export function continuesEntry(parsed: ParsedLine): boolean {
  return parsed.level === undefined && (parsed.continues === true || isEntryPart(parsed));
}

/**
 * True when a parsed line of a recognised layout takes its level from the entry above: it has neither time nor level
 * (a stack frame, a wrapped line) and is not a record of its own (`standalone`), or it is an entry's part.
 */
export function inheritsLevel(parsed: ParsedLine): boolean {
  return (parsed.level === undefined && parsed.timestamp === undefined && parsed.standalone !== true) || isEntryPart(parsed);
}

/**
 * A parsed line takes what it lacks from the entry header above: a continuation line (no time of its own: stack frame,
 * indented text) its time and level, an entry's part (continuesEntry) its level. A line with its own time starts a new
 * entry and never inherits a level: without one it stays level-less (and is counted as such) rather than taking the
 * level of an unrelated entry above. Formats without entry headers ('unknown') inherit nothing.
 */
export function needsHeader(parser: LineParser, parsed: ParsedLine): boolean {
  if (parser.format.id === 'unknown' || parsed.standalone) return false;
  if (parsed.timestamp === undefined) return true;
  return continuesEntry(parsed);
}

/**
 * True when `parsed`, a line with a time and no level, is the first half of an entry header written on two lines, its
 * level on the line below (`below`: a level and no time of its own): java.util.logging's SimpleFormatter writes
 * `Nov 30, 2026 1:05:01 PM org.a.Server start` then `SEVERE: message`. The entry is counted once, at its level line.
 */
export function levelOnNextLine(parsed: ParsedLine, below: ParsedLine | undefined): boolean {
  return parsed.level === undefined && parsed.timestamp !== undefined && below !== undefined && below.level !== undefined && below.timestamp === undefined;
}

/**
 * The level of a line that takes its level from the entry above (`above`: that entry's level, undefined when there is
 * none): `above`, except for the first line of an exception's report (`report`) under an INFO entry or under no entry,
 * which is an error of its own — an uncaught exception printed after INFO lines. Under a WARN or ERROR entry the report
 * is that entry's own (`log.warn("retrying", e)`), at its level; under DEBUG or TRACE too: libraries log exceptions they
 * ignore there with their stack (Jetty's `DEBUG … ignored` + `java.io.EOFException`), and a debug log is no crash log. Every reader of entries (search, summaries, the
 * miner, sources, recent_logs) decides by this one rule.
 */
export function inheritedLevel(parsed: ParsedLine, above: Level | undefined): Level | undefined {
  return parsed.report !== undefined && (above === undefined || above === 'INFO') ? parsed.report : above;
}

/** The level of a line that starts an entry of its own (needsHeader false): its own, or its report's (`report`). */
export function ownLevel(parsed: ParsedLine): Level | undefined {
  return parsed.level ?? parsed.report;
}
