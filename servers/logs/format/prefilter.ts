// A cheap first pass for error_summary: when a file writes its levels as words (ERROR, error, [crit], level=fatal),
// only lines containing one of the ERROR/FATAL words can be errors, so the scan (ripgrep or Buffer search) skips the rest.
import { CRASH_WORDS } from './crash-reports';
import { accessStatusLevel, parseJsonRecord } from './envelopes';
import { statusLevel } from './header';
import type { Level, LineParser } from './types';

// With the words of the lines that report a crash (format/crash-reports.ts CRASH_WORDS): `Exception in thread`,
// `terminate called …`, `Segmentation fault`, a bare `java.lang.NullPointerException` or `Traceback` hold none of the
// level words. Their lines under a logged ERROR entry are that entry's, and error_summary counts entries, so they do not
// count twice.
export const ERROR_WORDS_PATTERN = `err|eror|sever|fail|fatal|crit|alert|emerg|panic|ftl|assert|${CRASH_WORDS}`;

const WORDS: Record<Level, RegExp> = {
  TRACE: /trace|finest|finer|verb|all/i,
  DEBUG: /debug|dbg|fine|config/i,
  INFO: /info|inf|notice|note|ok/i,
  WARN: /warn|wrn/i,
  ERROR: new RegExp(ERROR_WORDS_PATTERN, 'i'),
  FATAL: new RegExp(ERROR_WORDS_PATTERN, 'i'),
};

/**
 * True when the sample's leveled lines spell their level as a word (so the ERROR_WORDS prefilter cannot miss an error);
 * false for letters (logcat E/W), numbers (JSON 50, syslog <3>), HTTP statuses (access logs, JSON access records) or when unsure.
 */
export function levelsAreWords(sample: string[], parser: LineParser): boolean {
  let leveled = 0;
  let worded = 0;
  for (const line of sample) {
    const { level } = parser.parse(line);
    if (!level) continue;
    leveled++;
    // A level read from an access line's HTTP status is no word, whatever words its URL holds (`/books` has `ok`):
    // a 502 line without an error word would be skipped by the prefilter.
    if (statusLevel(line) === level) continue;
    // A JSON access record's level may be its status's (envelopes.ts accessStatusLevel): a 500 answered at `"level":"info"`
    // holds no error word, though the sample's records all spell theirs.
    const record = line.includes('{') ? parseJsonRecord(line, true) : undefined;
    if (record !== undefined && accessStatusLevel(record) !== undefined) return false;
    const word = WORDS[level].test(line);
    // One sampled error line without an error word is one the prefilter would skip: proof enough that it is unsafe here
    // (numbers such as pino's 50 or journald's PRIORITY 3 beside a message without the word).
    if (!word && (level === 'ERROR' || level === 'FATAL')) return false;
    if (word) worded++;
  }
  return leveled === 0 ? parser.format.id === 'unknown' : worded / leveled >= 0.95;
}
