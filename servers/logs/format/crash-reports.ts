// The lines that open an exception's or a panic's report. They carry no header, so by the continuation rule they take
// the level of the entry above them: a program that logs INFO lines and then dies of an uncaught exception would leave
// a file with "no ERROR lines" in it.
import type { Level } from './types';

/**
 * Printed only by a runtime when a failure was not caught (the thread or the process dies), never by a logger: such a
 * line is an entry of its own at the level given, whatever the entry above says.
 */
const UNCAUGHT: ReadonlyArray<readonly [RegExp, Level]> = [
  // Java's default uncaught-exception handler: `Exception in thread "main" java.lang.IllegalStateException: …`.
  [/^Exception in thread "[^"]*" \S/, 'ERROR'],
  // Go's runtime: `panic: …` (the process exits 2) and `fatal error: all goroutines are asleep - deadlock!`.
  [/^panic: \S/, 'FATAL'],
  [/^fatal error: \S/, 'FATAL'],
  // Rust's panic hook, before and after 1.73: `thread 'main' panicked at 'msg', src/x.rs:1:2` / `… at src/x.rs:1:2:`.
  [/^thread '[^']*' panicked at /, 'ERROR'],
  // .NET: `Unhandled exception. System.InvalidOperationException: …` (Core) / `Unhandled Exception: …` (Framework).
  [/^Unhandled [Ee]xception[.:] \S/, 'FATAL'],
  // C++'s std::terminate: `terminate called after throwing an instance of 'std::runtime_error'`.
  [/^terminate called (?:after throwing an instance of|without an active exception)/, 'FATAL'],
  // A shell's or init's word on a process killed by SIGSEGV.
  [/^Segmentation fault(?: \(core dumped\))?$/, 'FATAL'],
];

/**
 * A report's first line that names no failure but announces one below (Python's `Traceback (most recent call last):`,
 * then frames, then the exception's `ZeroDivisionError: division by zero`): the report is counted at that exception's
 * line, which says what failed (continuation.ts entryOf).
 */
const ANNOUNCES = /^Traceback \(most recent call last\):\s*$/;

/** True for a report's first line that announces the exception named further down (ANNOUNCES). */
export function announcesReport(message: string): boolean {
  return message.charCodeAt(0) === 84 && ANNOUNCES.test(message);
}

/**
 * The first line of an exception's report as both a logger (under an entry: `logger.exception`, `log.warn("…", e)`) and
 * a runtime (an uncaught one) write it: Python's `Traceback (most recent call last):`, an exception's name and message
 * (`ZeroDivisionError: division by zero`, `java.net.SocketTimeoutException: Read timed out`, Node's `TypeError: …`),
 * Elixir's `** (RuntimeError) …`, Ruby's `app.rb:3:in 'x': boom (RuntimeError)`. Under an entry at WARN or above it is
 * that entry's report; under a lower one (or none) it is an error of its own (continuation.ts inheritedLevel).
 */
const REPORT: readonly RegExp[] = [
  ANNOUNCES,
  /^(?:[a-z_$][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Error|Exception)(?::\s|\s*$)/,
  /^\*\* \([A-Z][\w.]*\) /,
  /^\S+:\d+:in [`'][^']*': .*\([A-Z][\w:]*\)\s*$/,
];

/**
 * Words (a regex alternation, case-insensitive) one of which every line crashReport reads holds: UNCAUGHT's and
 * REPORT's. error_summary's word prefilter (prefilter.ts) takes them, so that a crash reported by none of the level
 * words (a bare `java.lang.NullPointerException` after INFO lines) is read by it as search_logs and log_patterns read
 * it: one rule in every tool. A report under a logged entry is that entry's (continuation.ts entryOf), so reading its
 * lines does not count it twice. Not `traceback`: Python's report is counted at its exception's line (ANNOUNCES), which
 * holds `Error` or `Exception` as REPORT's pattern requires. Kept beside the patterns it must cover
 * (test/servers/logs/crash-reports.test.ts checks each example).
 */
export const CRASH_WORDS = 'exception|panic|fatal error|terminate called|segmentation fault|\\*\\* \\(|:in [`\']';

/** First characters of UNCAUGHT's lines (character codes): other lines skip those regexes. */
const UNCAUGHT_FIRST = new Set([...'EpftUS'].map((c) => c.charCodeAt(0)));

/**
 * What a line without a level or time of its own says of a failure: `uncaught` when only a runtime prints it (an entry
 * of its own at `level`), otherwise the level of an exception's report (`report`), or undefined for other lines.
 * `message` is the line without header fields (the whole line for a line without a header).
 */
export function crashReport(message: string): { level: Level; uncaught: boolean } | undefined {
  const first = message.charCodeAt(0);
  // Stack frames and wrapped text start with spaces or tabs; an empty line opens nothing.
  if (Number.isNaN(first) || first === 32 || first === 9) return undefined;
  if (UNCAUGHT_FIRST.has(first)) for (const [pattern, level] of UNCAUGHT) if (pattern.test(message)) return { level, uncaught: true };
  for (const pattern of REPORT) if (pattern.test(message)) return { level: 'ERROR', uncaught: false };
  return undefined;
}
