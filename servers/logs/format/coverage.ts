// How much of a file's sample has a recognisable level: so that a tool that filters by level can say how many lines it
// could not judge, and never calls a file whose levels it could not read free of errors.
import { inheritsLevel, levelOnNextLine } from './continuation';
import { joinedLines } from './partials';
import type { LineParser, ParsedLine } from './types';

export interface LevelCoverage {
  /** Entry lines looked at: non-blank lines of the sample that are not continuations (stack frames, wrapped text). */
  lines: number;
  /** Of those, lines with no recognisable level (they can never pass a level filter). */
  withoutLevel: number;
  /** The parser recognised the file's layout (format id other than `unknown`). */
  layoutKnown: boolean;
}

/**
 * Counts the sample's entry lines and those without a level. A line is a continuation (not counted) when it starts
 * with white space, or, in a recognised layout, when it has neither time nor level or otherwise continues the entry above
 * (inheritsLevel: also PostgreSQL `DETAIL:`), or is the timed first half of a header whose level is on the next line
 * (levelOnNextLine). A container's header-less lines (ParsedLine.continues) are counted: a
 * container that writes no levels at all must still be reported as such.
 */
export function levelCoverage(sample: string[], parser: LineParser): LevelCoverage {
  const layoutKnown = parser.format.id !== 'unknown';
  let lines = 0;
  let withoutLevel = 0;
  // A split line's later parts are not lines of their own (format/partials.ts).
  const entries: ParsedLine[] = [];
  for (const line of joinedLines(parser, sample)) {
    if (line.trim().length === 0 || line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9) continue;
    entries.push(parser.parse(line));
  }
  entries.forEach((parsed, i) => {
    if (layoutKnown && (inheritsLevel(parsed) || levelOnNextLine(parsed, entries[i + 1]))) return;
    lines++;
    if (parsed.level === undefined) withoutLevel++;
  });
  return { lines, withoutLevel, layoutKnown };
}

/** No line of the sample has a level: a level filter finds nothing here, whatever the file holds. */
export function levelsUnreadable(coverage: LevelCoverage): boolean {
  return coverage.lines > 0 && coverage.withoutLevel === coverage.lines;
}

/**
 * The note a level-filtering tool gives for a file or source: how many lines have no recognisable level, or that none
 * has one (so 0 matches is not "no errors"). `seen` says where the counts come from: a file's sample from its start,
 * or every line a source read gave. Undefined when every line has a level.
 */
export function coverageNote(file: string, coverage: LevelCoverage, seen: 'sampled' | 'read' = 'sampled'): string | undefined {
  if (coverage.withoutLevel === 0) return undefined;
  const count = `${coverage.withoutLevel.toLocaleString('en-US')} of ${coverage.lines.toLocaleString('en-US')}`;
  if (levelsUnreadable(coverage)) {
    const layout = coverage.layoutKnown ? 'its lines carry no level this server can read' : 'its format was not recognised';
    return `${file}: ${layout} (${count} lines ${seen} have no recognisable level): finding no errors here does not mean there are none`;
  }
  const where = seen === 'sampled' ? 'sampled from its start' : 'read';
  return `${file}: ${count} lines ${where} have no recognisable level; such lines are never counted as errors`;
}
