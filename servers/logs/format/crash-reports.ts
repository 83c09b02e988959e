// The lines that open an exception's or a panic's report. They carry no header, so by the continuation rule they take
// the level of the entry above them: a program that logs INFO lines and then dies of an uncaught exception would leave
// a file with "no ERROR lines" in it. Which of them an INFO entry keeps as its own (an exception logged at INFO) is
// continuation.ts inheritedLevel's rule, from the forms marked here (LOGGED_FORMS, showsUncaught).
import type { Level } from './types';

/** A shell's word on a process a signal killed: the last line of a crash, after the program's own last words or alone. */
const SIGNAL_DEATH = /^(?:Segmentation fault|Aborted|Killed|Bus error|Illegal instruction|Floating point exception)(?: \(core dumped\))?$/;

/**
 * The shell's `Aborted (core dumped)` and the like: under a FATAL line (a failed assert, a heap check) it ends that
 * crash rather than starting another (continuation.ts entryOf).
 */
export function isSignalDeath(message: string): boolean {
  return SIGNAL_DEATH.test(message);
}

/**
 * Printed only by a runtime (or by the shell or libc of a process that dies) when a failure was not caught: the thread
 * or the process dies, and no logger writes these. Such a line is an entry of its own at the level given, whatever the
 * entry above says. Each pattern is tried only on lines that start with one of the characters given before it.
 */
const UNCAUGHT: ReadonlyArray<readonly [string, RegExp, Level]> = [
  // Java's default uncaught-exception handler: `Exception in thread "main" java.lang.IllegalStateException: …`.
  ['E', /^Exception in thread "[^"]*" \S/, 'ERROR'],
  // Go's runtime: `panic: …` (the process exits 2) and `fatal error: all goroutines are asleep - deadlock!`.
  ['p', /^panic: \S/, 'FATAL'],
  ['f', /^fatal error: \S/, 'FATAL'],
  // Rust's panic hook, before and after 1.73: `thread 'main' panicked at 'msg', src/x.rs:1:2` / `… at src/x.rs:1:2:`.
  ['t', /^thread '[^']*' panicked at /, 'ERROR'],
  // .NET: `Unhandled exception. System.InvalidOperationException: …` (Core) / `Unhandled Exception: …` (Framework).
  ['U', /^Unhandled [Ee]xception[.:] \S/, 'FATAL'],
  // C++'s std::terminate: `terminate called after throwing an instance of 'std::runtime_error'`.
  ['t', /^terminate called (?:after throwing an instance of|without an active exception)/, 'FATAL'],
  // A shell's word on a process a signal killed (bash's strsignal texts): SIGSEGV, SIGABRT (abort(), after a failed
  // assert or a heap check), SIGKILL (the kernel's OOM killer, a `kill -9`), SIGBUS, SIGILL, SIGFPE.
  ['SAKBIF', SIGNAL_DEATH, 'FATAL'],
  // Node.js 15 and later, a rejected promise nobody handled (the process exits 1): `[UnhandledPromiseRejection: This
  // error originated either by throwing inside of an async function without a catch block, …] {`.
  ['[', /^\[UnhandledPromiseRejection: /, 'FATAL'],
  // HotSpot's crash report (hs_err) on stdout: `# A fatal error has been detected by the Java Runtime Environment:`,
  // and its report of native memory exhausted: `# There is insufficient memory for the Java Runtime Environment to continue.`
  ['#', /^# (?:A fatal error has been detected by the Java Runtime Environment:|There is insufficient memory for the Java Runtime Environment to continue\.)/, 'FATAL'],
  // PHP's runtime on a fatal or parse error, written to stderr or its error log with `PHP ` before the word: `PHP Fatal
  // error:  Uncaught PDOException: … in /app/db.php:5`, `PHP Fatal error:  Allowed memory size of … exhausted`, `PHP Parse
  // error:  syntax error, …`. The script stops there; no logger writes these words (Monolog writes `app.CRITICAL:`).
  ['P', /^PHP (?:Fatal|Parse) error: +\S/, 'FATAL'],
  // Python's asyncio event loop, on an exception no code handled (its default exception handler logs these at ERROR to
  // the `asyncio` logger): one a task or future raised that was never awaited or retrieved (`Task exception was never
  // retrieved`, `Future …`, `_GatheringFuture …`; asyncio/futures.py, then `future: <Task …>` and the traceback) and one
  // a callback raised (`Exception in callback <Handle …>`; asyncio/events.py). With no logging configured, Python's
  // last-resort handler writes the bare message, with no time or level, so after a program's own INFO lines the report
  // below it read as an exception logged at INFO.
  ['TF_', /^_?(?:[A-Z]\w*)?(?:Task|Future) exception was never retrieved\s*$/, 'ERROR'],
  ['E', /^Exception in callback \S/, 'ERROR'],
  // CPython's fatal errors (Py_FatalError, faulthandler): `Fatal Python error: Segmentation fault`.
  ['F', /^Fatal Python error: /, 'FATAL'],
  // musl's failed assert(): `Assertion failed: x > 0 (main.c: main: 12)`.
  ['A', /^Assertion failed: .+ \([^()]+: [^()]+: \d+\)$/, 'FATAL'],
  // glibc's heap checks (malloc_printerr), then abort(): `free(): double free detected in tcache 2`, `double free or
  // corruption (out)`, `munmap_chunk(): invalid pointer`, `malloc(): corrupted top size`, `corrupted size vs. prev_size`;
  // before glibc 2.26, `*** Error in `./prog': double free or corruption (fasttop): 0x… ***`; and the stack protector's
  // `*** stack smashing detected ***: terminated`.
  ['dfmrc', /^(?:double free or corruption \(|(?:free|malloc|realloc|munmap_chunk)\(\): (?:double free|invalid|corrupted|unaligned|memory corruption)|corrupted (?:size vs\. prev_size|double-linked list))/, 'FATAL'],
  ['*', /^\*\*\* (?:Error in `[^`']*': |stack smashing detected \*\*\*)/, 'FATAL'],
];

/**
 * UNCAUGHT's lines that a program name or script position comes before, tried only on lines holding the text given:
 * glibc's failed assert() (`prog: main.c:12: main: Assertion `x > 0' failed.`, the program name omitted when it has
 * none) and bash's word on a script's job a signal killed (`./run.sh: line 3:  4711 Killed   java -jar app.jar`).
 */
const UNCAUGHT_INSIDE: ReadonlyArray<readonly [string, RegExp, Level]> = [
  ['Assertion ', /^\S.*:\d+: .*Assertion [`'].*' failed\.$/, 'FATAL'],
  [': line ', /^\S+: line \d+: +\d+ (?:Segmentation fault|Aborted|Killed|Bus error|Illegal instruction|Floating point exception)\b/, 'FATAL'],
];

/**
 * A report's first line that names no failure but announces one below (Python's `Traceback (most recent call last):`,
 * then frames, then the exception's `ZeroDivisionError: division by zero`): the report is counted at that exception's
 * line, which says what failed (continuation.ts entryOf).
 */
const ANNOUNCES = /^Traceback \(most recent call last\):\s*$/;

/**
 * Lines inside a report that show its exception was not caught, by whatever printed them: the outermost frame of a
 * Python traceback is the main module's top level (`  File "/app/worker.py", line 88, in <module>`: the exception rose
 * through every function, and a logger catching it there is rare), and the script position Node.js prints alone on the
 * first line of its report of an uncaught error (`/app/server.js:17`, `file:///app/main.mjs:3`,
 * `node:internal/process/promises:288`, then the source line and a caret under it): V8's resource name of a script and
 * a line number, which only the process's fatal-exception handler writes so (a logged `err.stack` starts with the
 * error's name). Not the caret line: Python 3.11 and later underline the failing expression in every frame of a
 * traceback (`    ^^^^^^^^`), logged ones too, and a line of carets alone cannot tell whose it is.
 * Each announces the exception's line below it (entryOf), as ANNOUNCES does under no entry.
 */
const MODULE_FRAME = /^\s+File "[^"]*", line \d+, in <module>$/;
const NODE_POSITION = /^(?:file:\/\/\S+|(?:\/|[A-Za-z]:\\)\S*\.(?:[cm]?js|jsx|[cm]?ts|tsx)|node:[\w/.-]+|\[eval\]):\d+$/;

/**
 * The outermost frame of a Python traceback that a thread's or a child process's start code caught: a traceback's first
 * frame is the one whose `except` caught the exception, and CPython's threading.py `_bootstrap_inner` (then
 * threading.excepthook: `Exception in thread Thread-2 (poll):`) and multiprocessing/process.py `_bootstrap` (`Process
 * Process-2:`, then the child exits 1) catch only what rose out of the thread's or process's target, uncaught: the
 * thread or the process is dead. A logger's traceback starts at the frame that caught it in the program's own code.
 */
const BOOTSTRAP_FRAME = /^\s+File "[^"]*[\\/](?:threading|multiprocessing[\\/]process)\.py", line \d+, in _bootstrap(?:_inner)?$/;

/**
 * True for a line inside a report that shows its exception went uncaught (MODULE_FRAME, NODE_POSITION,
 * BOOTSTRAP_FRAME). Asked of every line without a header (each stack frame): its last character ('>', a digit, or the
 * 'p'/'r' of `_bootstrap`/`_bootstrap_inner`) is looked at before any regex runs.
 */
export function showsUncaught(message: string): boolean {
  const last = message.charCodeAt(message.length - 1);
  if (last === 112 || last === 114) return BOOTSTRAP_FRAME.test(message);
  if (last === 62) return MODULE_FRAME.test(message);
  return last >= 48 && last <= 57 && NODE_POSITION.test(message);
}

/**
 * True for a message that ends by opening Python's traceback (`Traceback (most recent call last):`, after the logger's
 * name or the program's own words where the layout puts them: `root: Traceback …`, `job failed: Traceback …`): on a
 * line with a logger's header (`logger.info(traceback.format_exc())`) the report below is that entry's
 * (continuation.ts opensLoggedReport).
 */
export function opensTraceback(message: string): boolean {
  let end = message.length;
  while (end > 0 && (message.charCodeAt(end - 1) === 32 || message.charCodeAt(end - 1) === 9)) end--;
  return message.charCodeAt(end - 1) === 58 /* : */ && message.startsWith(TRACEBACK_HEAD, end - TRACEBACK_HEAD.length);
}

const TRACEBACK_HEAD = 'Traceback (most recent call last):';

/** True for a report's line that announces the exception named further down (ANNOUNCES, showsUncaught). */
export function announcesReport(message: string): boolean {
  return (message.charCodeAt(0) === 84 && ANNOUNCES.test(message)) || showsUncaught(message);
}

/**
 * The first line of an exception's report as both a logger (under an entry: `logger.exception`, `log.warn("…", e)`) and
 * a runtime (an uncaught one) write it: Python's `Traceback (most recent call last):`, an exception's name and message
 * (`ZeroDivisionError: division by zero`, `java.net.SocketTimeoutException: Read timed out`, Node's `TypeError: …`),
 * Elixir's `** (RuntimeError) …`, Ruby's `app.rb:3:in 'x': boom (RuntimeError)`. Under an entry at WARN or above it is
 * that entry's report; under a lower one (or none) it is an error of its own (continuation.ts inheritedLevel).
 */
/**
 * REPORT's first patterns, the forms a logger writes under its entry too (Python's `logger.info("…", exc_info=True)`
 * writes `Traceback …` and the exception's line; a Java logger's `log.info("…", e)` the exception's class and message):
 * under an INFO entry such a report is that entry's, logged at INFO, unless the report shows it went uncaught
 * (showsUncaught). Ruby's and Elixir's forms are written by the runtime when the exception is not caught.
 */
const LOGGED_FORMS = 2;

const REPORT: readonly RegExp[] = [
  ANNOUNCES,
  /^(?:[a-z_$][\w$]*\.)*(?:[A-Z][\w$]*)?(?:Error|Exception)(?::\s|\s*$)/,
  /^\*\* \([A-Z][\w.]*\) /,
  /^\S+:\d+:in [`'][^']*': .*\([A-Z][\w:]*\)\s*$/,
];

/**
 * A setting printed as `Name: value` whose name happens to end like an exception's (`RetryOnException: true`,
 * `LogOnError: off`, `BackoffOnError: 500ms` in an options dump): the name is bare (no package) and the value a switch word
 * in lower case or a quantity with its unit. An exception's report carries prose or the repr of a value after its
 * name (`ValueError: bad payload`, Python's `KeyError: 5`, `KeyError: 'x'`, its `True`/`None` capitalised), never
 * a lower-case switch or a unit, so such a line is no report and stays part of the entry above.
 */
const SETTING = /^[A-Za-z_$][\w$]*: (?:true|false|null|nil|none|yes|no|on|off|enabled|disabled|\d+(?:\.\d+)?(?:[a-zA-Z]+|%))\s*$/;

/**
 * Words (a regex alternation, case-insensitive) one of which every line crashReport reads holds: UNCAUGHT's and
 * REPORT's. error_summary's word prefilter (prefilter.ts) takes them, so that a crash reported by none of the level
 * words (a bare `java.lang.NullPointerException` under no entry) is read by it as search_logs and log_patterns read
 * it: one rule in every tool. A report under a logged entry is that entry's (continuation.ts entryOf), so reading its
 * lines does not count it twice. Not `traceback`: Python's report is counted at its exception's line (ANNOUNCES), which
 * holds `Error` or `Exception` as REPORT's pattern requires. Kept beside the patterns it must cover
 * (test/servers/logs/crash-reports.test.ts checks each example).
 */
export const CRASH_WORDS = 'exception|panic|fatal error|terminate called|segmentation fault|aborted|killed|illegal instruction|double free|corrupt|invalid pointer|(?:free|malloc|realloc|munmap_chunk)\\(\\)|unaligned|stack smashing|java runtime environment|\\*\\* \\(|:in [`\']';

/** UNCAUGHT's patterns by the character codes their lines start with: other lines skip those regexes. */
const UNCAUGHT_BY_FIRST = new Map<number, (readonly [RegExp, Level])[]>();
for (const [firsts, pattern, level] of UNCAUGHT) {
  for (const first of firsts) {
    const code = first.charCodeAt(0);
    UNCAUGHT_BY_FIRST.set(code, [...(UNCAUGHT_BY_FIRST.get(code) ?? []), [pattern, level]]);
  }
}

/**
 * What a line without a level or time of its own says of a failure: `uncaught` when only a runtime prints it (an entry
 * of its own at `level`), otherwise the level of an exception's report (`report`), or undefined for other lines.
 * `message` is the line without header fields (the whole line for a line without a header).
 */
export function crashReport(message: string): { level: Level; uncaught: boolean; logged?: true } | undefined {
  const first = message.charCodeAt(0);
  // Stack frames and wrapped text start with spaces or tabs; an empty line opens nothing.
  if (Number.isNaN(first) || first === 32 || first === 9) return undefined;
  for (const [pattern, level] of UNCAUGHT_BY_FIRST.get(first) ?? []) if (pattern.test(message)) return { level, uncaught: true };
  for (const [inside, pattern, level] of UNCAUGHT_INSIDE) if (message.includes(inside) && pattern.test(message)) return { level, uncaught: true };
  for (let i = 0; i < REPORT.length; i++) {
    if (!REPORT[i].test(message)) continue;
    if (SETTING.test(message)) return undefined;
    return i < LOGGED_FORMS ? { level: 'ERROR', uncaught: false, logged: true } : { level: 'ERROR', uncaught: false };
  }
  return undefined;
}
