// Lines without a time that another writer put between a file's records, learned per file. A line without a time of
// its own was read as the continuation of the entry above, whatever it said: HAProxy's `Server be/web1 is DOWN, reason:
// Layer4 timeout` written by a second process (or a wrapper's stderr) under a timed INFO line took that INFO level and
// was hidden from every error count ("no ERROR or FATAL lines").
//
// Whether such a line continues the entry above is the file's evidence, not the missing time: where the file's own
// continuation lines all have a continuation's shape (indented, a stack frame, an exception's line: header.ts
// continuationShaped, crash-reports.ts) and every unshaped line without a time stands alone between records (no line
// without a time right above or below it, the entry above not announcing text below with a closing `:` or an open
// bracket), such a line is a record of its own (`opensEntry`): an entry without a level, counted and named as one. A
// file that writes plain lines under its records (a multi-line message, a config dump, an SQL statement's lines) shows
// them in runs or under an announcing entry, and keeps reading them as continuations.
import { continuationShaped } from './header';
import { needsHeader } from './continuation';
import type { LineParser, ParsedLine } from './types';

/** Timed records the sample must hold for its lines to be evidence: a handful of lines is no layout. */
const MIN_RECORDS = 3;
/**
 * Timed records a sample without any stray must hold: every line of it a record, the file writes one line a record,
 * and a plain line without a time further down is another writer's as much as one in the sample is.
 */
const MIN_RECORDS_ALONE = 20;
/** Records per lone unshaped line at least: a file mostly of untimed text is not a file of records with a few strays. */
const RECORDS_PER_STRAY = 3;
/** An entry's message that announces text below it: a closing `:`, an opened bracket (`Config:`, `body: {`, `[`). */
const ANNOUNCES = /[:{[(]\s*$/;

/** Whether `parsed` (of `line`, as written) is an untimed, unleveled line with no continuation's shape: a candidate stray. */
function unshapedUntimed(line: string, parsed: ParsedLine): boolean {
  if (parsed.timestamp !== undefined || parsed.level !== undefined || parsed.standalone || parsed.directive || parsed.continues) return false;
  if (parsed.report !== undefined || parsed.ownClock || line.length === 0) return false;
  const first = line.charCodeAt(0);
  // White space opens a continuation (indented text, a frame); so does a closing bracket (the end of a dumped object).
  if (first === 32 || first === 9 || first === 125 || first === 93 || first === 41) return false;
  return !continuationShaped(line) && !continuationShaped(parsed.message);
}

/**
 * Whether the sample (the file's first lines in order, `parsed` their readings) shows that its unshaped lines without a
 * time are strays, not continuations: MIN_RECORDS timed records or more (MIN_RECORDS_ALONE without a stray), each stray alone between
 * lines with a time (or the sample's ends) under an entry that does not announce text below it, and RECORDS_PER_STRAY
 * records per stray.
 */
export function learnForeignLines(sample: readonly string[], parsed: readonly ParsedLine[]): boolean {
  let records = 0;
  let strays = 0;
  const lines: number[] = [];
  for (let i = 0; i < sample.length; i++) if (sample[i].trim().length > 0) lines.push(i);
  // Lines above the first record continue nothing (a start-up banner, a header the program prints once): no evidence.
  const first = lines.findIndex((i) => parsed[i].timestamp !== undefined);
  for (let k = Math.max(first, 0); k < lines.length; k++) {
    const i = lines[k];
    const p = parsed[i];
    if (p.timestamp !== undefined) {
      records++;
      continue;
    }
    if (!unshapedUntimed(sample[i], p)) continue;
    const above = k > 0 ? parsed[lines[k - 1]] : undefined;
    const below = k + 1 < lines.length ? parsed[lines[k + 1]] : undefined;
    // A line without a time right above or below: the file writes text of several lines under its records.
    if ((above !== undefined && above.timestamp === undefined) || (below !== undefined && below.timestamp === undefined)) return false;
    if (above !== undefined && ANNOUNCES.test(above.message)) return false;
    strays++;
  }
  return records >= (strays > 0 ? MIN_RECORDS : MIN_RECORDS_ALONE) && records >= RECORDS_PER_STRAY * strays;
}

/**
 * `parse` marking the file's unshaped lines without a time as records of their own (`opensEntry`) when `sample` (the
 * file's first lines, read by `parse`) shows them to be strays (learnForeignLines); `parse` itself otherwise, so that
 * most files pay nothing per line.
 */
export function withForeignLines(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  if (!learnForeignLines(sample, sample.map((line) => parse(line)))) return parse;
  return (line) => {
    const parsed = parse(line);
    if (unshapedUntimed(line, parsed) && parsed.message.trim().length > 0) parsed.opensEntry = true;
    return parsed;
  };
}

/**
 * The lines of `sample` (a file's first lines) that `parse` reads as the text of the entry above although nothing marks
 * them so: no time, no level, no continuation's shape, not taken for another writer's (learnForeignLines). A line
 * another program wrote there takes that entry's level, unseen by a count of errors: error_summary says so of a file it
 * found no error in. Each with its line number (1-based: the sample is the file's first lines).
 */
export function unmarkedContinuations(sample: readonly string[], parser: Pick<LineParser, 'format' | 'parse'>): Array<{ text: string; line: number }> {
  const lines: Array<{ text: string; line: number }> = [];
  let entrySeen = false;
  for (const [index, line] of sample.entries()) {
    if (line.trim().length === 0) continue;
    const parsed = parser.parse(line);
    if (parsed.timestamp !== undefined || parsed.level !== undefined) {
      entrySeen = true;
      continue;
    }
    // In a layout without headers ('unknown') such a line is an entry of its own already (needsHeader false).
    if (entrySeen && unshapedUntimed(line, parsed) && needsHeader(parser, parsed)) lines.push({ text: line, line: index + 1 });
  }
  return lines;
}
