// java.util.logging's SimpleFormatter writes each entry's header on two lines: the time, the logger and the method on
// the first (`Nov 30, 2026 1:05:01 PM org.a.Server start`, `6월 17, 2019 3:04:05 오후 org.a.Server start`), the level
// and the message on the second (`SEVERE: message`, `심각: message`, `SCHWERWIEGEND: message`), the level named as the
// JVM's locale names it (Level.getLocalizedLevelName). The English names are level words any line may open with and
// are read by the header reader; the names in other languages are words of text anywhere else (`Fehler: …` is prose),
// so they are read as the second line's level only in a file whose sample shows the two-line layout.
import { localizedLevel, normalizeLevel } from './levels';
import type { Level, ParsedLine } from './types';

/** A level name of up to three words (`AM FEINSTEN`, `LE PLUS PRÉCIS`) then `: ` at the start of a line. */
const LEVEL_NAME_LINE = /^(\p{L}+(?: \p{L}+){0,2}):(?: |$)/u;

/** JUL's own level names: the English ones its SimpleFormatter writes in the root locale. */
const JUL_NAMES = new Set(['SEVERE', 'WARNING', 'INFO', 'CONFIG', 'FINE', 'FINER', 'FINEST']);

/**
 * The level and the message of a JUL level line (`심각: message`, `SEVERE: message`): its level name as JUL writes it
 * in any of the languages the JDK ships (levels.ts localizedLevel), or in English. Undefined for any other line.
 */
export function levelLine(text: string): { level: Level; message: string } | undefined {
  const first = text.charCodeAt(0);
  // A level name opens with a letter: lines that open with a space, a digit or punctuation skip the regex.
  if (!(first > 127 || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return undefined;
  const m = LEVEL_NAME_LINE.exec(text);
  if (!m) return undefined;
  const level = JUL_NAMES.has(m[1]) ? normalizeLevel(m[1]) : localizedLevel(m[1]);
  return level ? { level, message: text.slice(m[0].length) } : undefined;
}

/** Pairs (a timed line without a level, then a level line) the sample must show for the layout to be read. */
const MIN_PAIRS = 2;

/**
 * Whether `parsed` (the sample's lines as parsed, in order) shows JUL's two-line layout: MIN_PAIRS timed lines
 * without a level, each followed by a line without a time that opens with a level name (levelLine).
 */
export function showsNextLineLevels(sample: readonly string[], parsed: readonly ParsedLine[]): boolean {
  let pairs = 0;
  for (let i = 0; i + 1 < parsed.length && pairs < MIN_PAIRS; i++) {
    const [header, below] = [parsed[i], parsed[i + 1]];
    if (header.timestamp === undefined || header.level !== undefined || below.timestamp !== undefined) continue;
    if (levelLine(sample[i + 1]) !== undefined) pairs++;
  }
  return pairs >= MIN_PAIRS;
}

/**
 * `parse` reading JUL's level lines in a file whose sample shows the two-line layout (showsNextLineLevels): a line
 * without a time or a level of its own that opens with a level name gets that level, the name (and its colon) cut from
 * its message as a header's level is. `parse` itself otherwise, so that other files pay nothing per line. The line
 * stays without a time: it takes its entry's from the line above (continuation.ts needsHeader), and the timed line
 * above is the same entry's first half (continuation.ts levelOnNextLine).
 */
export function withNextLineLevels(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  const lines = sample.filter((line) => line.trim().length > 0);
  if (!showsNextLineLevels(lines, lines.map(parse))) return parse;
  return (line) => {
    const parsed = parse(line);
    if (parsed.level !== undefined || parsed.timestamp !== undefined || parsed.message !== line) return parsed;
    const read = levelLine(line);
    return read ? { ...parsed, level: read.level, message: read.message } : parsed;
  };
}
