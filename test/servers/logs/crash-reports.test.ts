// A program that logs INFO lines and then dies of an uncaught exception or panic: the runtime's report has no header,
// so by the continuation rule it took the INFO entry's level, and error_summary said "no ERROR or FATAL lines" (break17).
// A runtime-only line (Java's `Exception in thread`, Go's `panic:`, Rust's `panicked at`) is an entry of its own; the
// first line of an exception's report is an error of its own under an entry below WARN, and that entry's report under a
// WARN or ERROR one (`log.warn("retrying", e)` stays a warning).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashReport } from '../../../servers/logs/format/crash-reports';
import { ERROR_WORDS_PATTERN } from '../../../servers/logs/format/prefilter';
import { parserFor } from '../../../servers/logs/format/parser';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import { scanWithRipgrep } from '../../../servers/logs/search/ripgrep-engine';
import type { ScanRequest } from '../../../servers/logs/search/types';
import type { SourceRecord } from '../../../servers/logs/sources/types';
import { readStats, sourceLines, type SourceLine } from '../../../servers/logs/tools/source-lines';
import { hasRipgrep } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Six INFO lines at `time` (ISO), then `tail` (the runtime's report, or a logged entry with its report). */
const logOf = (time: string, tail: string[]): string[] => [...[1, 2, 3, 4, 5, 6].map((n) => `${time} INFO handled request ${n}`), ...tail];

const PYTHON = ['Traceback (most recent call last):', '  File "/app/worker.py", line 88, in <module>', '    main()', 'ZeroDivisionError: division by zero'];
const JAVA = ['Exception in thread "main" java.lang.IllegalStateException: config key db.url missing', '\tat com.acme.Config.load(Config.java:31)'];
const NODE = ['/app/server.js:17', '    const n = user.name.length;', '                        ^', '', "TypeError: Cannot read properties of undefined (reading 'name')", '    at handler (/app/server.js:17:25)', '', 'Node.js v20.11.0'];
const GO = ['panic: runtime error: invalid memory address or nil pointer dereference', '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4b2f1a]', '', 'goroutine 1 [running]:', 'main.handler(0x0)', '\t/app/main.go:42 +0x1a'];
// glibc's failed assert() and the shell's word on the SIGABRT that follows (glibc assert/assert.c's format).
const C_ASSERT = ["worker: src/queue.c:212: queue_pop: Assertion `q->len > 0' failed.", 'Aborted (core dumped)'];
// Node.js 18's unhandled rejection of a non-Error value (as reported in nodejs/node#43326).
const REJECTION = ['node:internal/process/promises:288', '            triggerUncaughtException(err, true /* fromPromise */);', '            ^', '', '[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "#<Object>".] {', "  code: 'ERR_UNHANDLED_REJECTION'", '}'];
// HotSpot's crash report on stdout (adoptium/temurin-build#2086).
const HS_ERR = ['#', '# A fatal error has been detected by the Java Runtime Environment:', '#', '#  SIGSEGV (0xb) at pc=0x00007f7bfaa351c9, pid=13060, tid=13080', '#'];
// A container's entrypoint script whose java the OOM killer ended (bash's job report).
const KILLED = ['/docker-entrypoint.sh: line 8:     7 Killed                  java -jar /app/app.jar'];
// CPython's report of an exception that rose out of a thread's target (threading.excepthook, 3.10's thread name form)
// and out of a child process's (multiprocessing's `Process Process-2:`): no `in <module>` frame, no carets (3.10).
const PY_THREAD = ['Exception in thread Thread-2 (poll):', 'Traceback (most recent call last):', '  File "/usr/lib/python3.10/threading.py", line 1016, in _bootstrap_inner', '    self.run()', '  File "/srv/worker/app.py", line 31, in poll', '    job = decode(raw)', "KeyError: 'id'"];
const PY_PROCESS = ['Process Process-2:', 'Traceback (most recent call last):', '  File "/usr/lib/python3.10/multiprocessing/process.py", line 315, in _bootstrap', '    self.run()', '  File "/srv/pool/work.py", line 9, in crunch', '    1 / 0', 'ZeroDivisionError: division by zero'];
// PHP's runtime under a Monolog file (PHP's log to stderr beside it): memory exhausted, the script stops (break21).
const PHP = ['PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /srv/app/src/Importer.php on line 88'];
const RUST = ["thread 'main' panicked at src/main.rs:12:5:", 'called `Option::unwrap()` on a `None` value', 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace'];

describe('logs: uncaught exceptions and panics after INFO lines are errors', function () {
  this.timeout(60_000);

  it("Ruby's uncaught report under a Logger header is an error, though the header's word column takes its path (break21)", () => {
    // Ruby's Logger (`I, [time #pid]  INFO -- : msg`), then the interpreter's report of an uncaught exception: the
    // header's optional word column took `/srv/…/importer.rb:42:in` off the report's line, and error_summary said
    // "no ERROR or FATAL lines in the whole file(s)".
    const lines = ['I, [2026-12-02T05:10:01.120415 #4711]  INFO -- : importing 3 files', 'I, [2026-12-02T05:10:01.340022 #4711]  INFO -- : file 1 imported',
      "/srv/import/lib/importer.rb:42:in 'Importer#parse_row': undefined method 'strip' for nil (NoMethodError)", "\tfrom /srv/import/lib/importer.rb:30:in 'block in Importer#run'", "\tfrom /srv/import/bin/import:8:in '<main>'"];
    const content = lines.join('\n') + '\n';
    const parser = parserFor(Buffer.from(content), true, Date.now());
    const request: ScanRequest = { pattern: { source: '\\S', literal: false, caseSensitive: true }, before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 500, minLevel: 'ERROR' };
    const scanner = new FileScanner(request, parser);
    scanner.push(Buffer.from(content));
    assert.deepEqual(scanner.result().matches.map((m) => m.line), [3, 4, 5]);
  });

  it('tells the runtime-only lines and the first lines of exception reports from other lines', () => {
    const uncaught = ['Exception in thread "main" java.lang.Error: x', 'panic: boom', 'fatal error: all goroutines are asleep - deadlock!', "thread 'tokio-1' panicked at 'oops', src/a.rs:1:2", 'Unhandled exception. System.InvalidOperationException: bad', "terminate called after throwing an instance of 'std::runtime_error'", 'Segmentation fault (core dumped)',
      C_ASSERT[0], 'Aborted (core dumped)', 'Aborted', 'Killed', KILLED[0], REJECTION[4], HS_ERR[1], '# There is insufficient memory for the Java Runtime Environment to continue.', 'Fatal Python error: Segmentation fault',
      'Assertion failed: x > 0 (main.c: main: 12)', 'PHP Fatal error:  Uncaught Exception: boom in /var/www/html/index.php:3', 'PHP Parse error:  syntax error, unexpected token "}" in /app/a.php on line 9', 'free(): double free detected in tcache 2', 'double free or corruption (out)', 'munmap_chunk(): invalid pointer', 'malloc(): corrupted top size', 'corrupted size vs. prev_size',
      "*** Error in `./worker': double free or corruption (fasttop): 0x0000000001c3e010 ***", '*** stack smashing detected ***: terminated'];
    for (const line of uncaught) assert.equal(crashReport(line)?.uncaught, true, line);
    const reports = ['Traceback (most recent call last):', 'ZeroDivisionError: division by zero', 'java.net.SocketTimeoutException: Read timed out', 'Error: ENOENT: no such file or directory', 'TypeError: x is not a function', '** (RuntimeError) boom', "app.rb:3:in 'run': boom (RuntimeError)", 'java.lang.OutOfMemoryError'];
    // A logger writes the first forms under its entry too (`logged`: under an INFO entry they are that entry's).
    const runtimeOnly = new Set(['** (RuntimeError) boom', "app.rb:3:in 'run': boom (RuntimeError)"]);
    for (const line of reports) assert.deepEqual(crashReport(line), runtimeOnly.has(line) ? { level: 'ERROR', uncaught: false } : { level: 'ERROR', uncaught: false, logged: true }, line);
    // error_summary's word prefilter reads every one of them (one rule in every tool), inside an envelope too; Python's
    // `Traceback` line only announces the exception's line below it, where the report is counted.
    const prefilter = new RegExp(ERROR_WORDS_PATTERN, 'i');
    for (const line of [...uncaught, ...reports.filter((line) => !line.startsWith('Traceback'))]) assert.match(`{"log":${JSON.stringify(line)}}`, prefilter, line);
    // Neighbours: the same words in other lines (a kernel's OOM line has a header of its own; a job's own words).
    const neighbours = ['Killed process 4711 (java) total-vm:2048kB', 'Aborted by user', 'Assertion checks enabled', '# comment: fatal errors are mailed', '[Unhandled] request /api', 'free(): called', 'double free is detected by ASan', 'PHP Warning:  Undefined variable $x in /app/a.php on line 3', 'PHP fatal errors are logged to stderr'];
    for (const line of neighbours) assert.equal(crashReport(line), undefined, line);
    const others = ['\tat com.acme.Main.main(Main.java:12)', '  File "/app/worker.py", line 88', 'ErrorHandler registered for /api', 'Errors: 0', 'Exceptions are logged to stderr', 'panicking is not allowed here', 'Caused by: java.io.IOException: x', ''];
    for (const line of others) assert.equal(crashReport(line), undefined, line);
    // errors16: a setting whose name ends like an exception's, in an options dump, is no report; a value's repr is.
    const settings = ['RetryOnException: true', 'LogOnError: off', 'StopOnError: false', 'BackoffOnError: 500ms', 'IgnoreException: null'];
    for (const line of settings) assert.equal(crashReport(line), undefined, line);
    for (const line of ['KeyError: 5', "KeyError: 'timeout'", 'KeyError: True', 'StopIterationError: none left']) assert.deepEqual(crashReport(line), { level: 'ERROR', uncaught: false, logged: true }, line);
  });

  // errors16: a journal unit's or container's records are read by the same rule, and error_summary's note on exceptions
  // logged at INFO counts them there too (SourceLine.reportAtInfo).
  it('a source marks an exception logged with an INFO entry, once per report, and not an uncaught one', async () => {
    const time = Date.now() - 1000;
    const texts = ['2026-12-01 10:00:00,001 INFO worker: retrying the upstream', 'Traceback (most recent call last):', '  File "/app/net.py", line 31, in read', '    sock.recv(4096)', 'TimeoutError: timed out',
      '2026-12-01 10:00:01,001 INFO worker: job 8 done', ...PYTHON];
    async function* records(): AsyncGenerator<SourceRecord> {
      for (const text of texts) yield { text, time, stream: 'stdout' };
    }
    const read: SourceLine[] = [];
    for await (const line of sourceLines(records(), 'docker', 500, readStats())) read.push(line);
    assert.deepEqual(read.filter((l) => l.reportAtInfo).map((l) => l.raw), ['TimeoutError: timed out']);
    assert.deepEqual(read.map((l) => l.level), ['INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'ERROR', 'ERROR', 'ERROR']);
  });

  it('a journal unit whose traceback came line by line (one record a line, PRIORITY info) counts the uncaught one (break21)', async () => {
    // journald stores each line of a unit's stderr as an entry of its own at the unit's SyslogLevel (info): the frames
    // and the exception's line were records of their own at INFO, and error_summary said "no ERROR or FATAL lines".
    const time = Date.now() - 1000;
    const texts = ['INFO worker: starting 4 workers', 'Exception in thread Thread-2 (poll):', ...PY_THREAD.slice(1), 'INFO worker: job 8 done', 'progress 10%', ...PYTHON,
      'INFO worker: retrying the upstream', 'Traceback (most recent call last):', '  File "/app/net.py", line 31, in read', 'TimeoutError: timed out',
      // The logger's own line opens this traceback (`logger.info(traceback.format_exc())` at the top level): its report.
      'INFO worker: Traceback (most recent call last):', '  File "/app/run.py", line 5, in <module>', '    main()', 'ValueError: logged at top level'];
    async function* records(): AsyncGenerator<SourceRecord> {
      for (const text of texts) yield { text, time, level: 'INFO', unit: 'worker.service' };
    }
    const read: SourceLine[] = [];
    for await (const line of sourceLines(records(), 'journal', 500, readStats())) read.push(line);
    const entries = read.filter((l) => !l.continuation && (l.level === 'ERROR' || l.level === 'FATAL')).map((l) => l.raw);
    assert.deepEqual(entries, ["KeyError: 'id'", 'ZeroDivisionError: division by zero']);
    // Ruby's Logger lines, then its uncaught report, in a unit: the header's word column must not hide the report here either.
    const ruby = ['I, [2026-12-02T05:10:01.120415 #4711]  INFO -- : importing 3 files', "/srv/import/lib/importer.rb:42:in 'Importer#parse_row': undefined method 'strip' for nil (NoMethodError)", "\tfrom /srv/import/bin/import:8:in '<main>'"];
    async function* rubyRecords(): AsyncGenerator<SourceRecord> {
      for (const text of ruby) yield { text, time, level: 'INFO', unit: 'import.service' };
    }
    const rubyRead: SourceLine[] = [];
    for await (const line of sourceLines(rubyRecords(), 'journal', 500, readStats())) rubyRead.push(line);
    assert.deepEqual(rubyRead.map((l) => l.level), ['INFO', 'ERROR', 'ERROR']);
    assert.deepEqual(read.filter((l) => l.reportAtInfo).map((l) => l.raw), ['TimeoutError: timed out', 'ValueError: logged at top level']);
    assert.equal(read.find((l) => l.raw === 'progress 10%')?.level, 'INFO');
  });

  describe('each reader gives the same levels', () => {
    let time: string;
    let dir: string;
    before(() => {
      time = new Date(Date.now() - 30_000).toISOString().replace(/\.\d+Z$/, 'Z');
      dir = mkdtempSync(join(tmpdir(), 'logs-crash-'));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    // name, lines after the INFO ones, the levels of those lines (the INFO lines are lines 1-6).
    const cases: () => [string, string[], (string | undefined)[]][] = () => [
      // errors16: `Traceback` alone may be a logger's (exc_info=True at INFO); the `in <module>` frame shows it uncaught.
      ['python', PYTHON, ['INFO', 'ERROR', 'ERROR', 'ERROR']],
      ['java', JAVA, ['ERROR', 'ERROR']],
      ['php', PHP, ['FATAL']],
      // break21: the outermost frame is the thread's or the process's start code, which caught it: uncaught, not logged.
      ['pythread', PY_THREAD, ['INFO', 'INFO', 'ERROR', 'ERROR', 'ERROR', 'ERROR', 'ERROR']],
      ['pyprocess', PY_PROCESS, ['INFO', 'INFO', 'ERROR', 'ERROR', 'ERROR', 'ERROR', 'ERROR']],
      // The script position Node.js prints above the source line shows the error went uncaught (errors17; errors16 read
      // the caret under it, which Python 3.11+ prints in logged tracebacks too): the report is the error from there on.
      ['node', NODE, ['ERROR', 'ERROR', 'ERROR', undefined, 'ERROR', 'ERROR', undefined, 'ERROR']],
      ['go', GO, ['FATAL', 'FATAL', undefined, 'FATAL', 'FATAL', 'FATAL']],
      // Rust's closing `note: run with RUST_BACKTRACE=1` spells a level of its own (note: INFO).
      ['rust', RUST, ['ERROR', 'ERROR', 'INFO']],
      ['cassert', C_ASSERT, ['FATAL', 'FATAL']],
      ['rejection', REJECTION, ['ERROR', 'ERROR', 'ERROR', undefined, 'FATAL', 'FATAL', 'FATAL']],
      ['hserr', HS_ERR, ['INFO', 'FATAL', 'FATAL', 'FATAL', 'FATAL']],
      ['killed', KILLED, ['FATAL']],
      // A logged warning's exception is the warning's; a logged error's traceback is that error's.
      ['warned', [`${time} WARN retrying the upstream`, 'java.net.SocketTimeoutException: Read timed out', '\tat com.acme.Net.read(Net.java:31)'], ['WARN', 'WARN', 'WARN']],
      ['logged', [`${time} ERROR batch failed`, ...PYTHON], ['ERROR', 'ERROR', 'ERROR', 'ERROR', 'ERROR']],
      // An exception name without "err" in it, printed after INFO lines (`e.printStackTrace()`, `log.info("…", e)`):
      // no uncaught one (Java's handler writes `Exception in thread`), so the INFO entry's (errors16).
      ['npe', ['java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null', '\tat com.acme.Main.run(Main.java:9)'], ['INFO', 'INFO']],
      // errors16: an exception logged with an INFO entry (`log.info("…", e)`, Python's exc_info=True) is that entry's.
      ['info-java', [`${time} INFO retrying the upstream`, 'java.net.SocketTimeoutException: Read timed out', '\tat com.acme.Net.read(Net.java:31)'], ['INFO', 'INFO', 'INFO']],
      ['info-python', [`${time} INFO retrying the upstream`, 'Traceback (most recent call last):', '  File "/app/net.py", line 31, in read', '    sock.recv(4096)', 'TimeoutError: timed out'], ['INFO', 'INFO', 'INFO', 'INFO', 'INFO']],
      // A traceback whose first line is the logger's own (`logger.info(traceback.format_exc())` in a script's top-level
      // `try`): the logger wrote it, so its `in <module>` frame is no sign of an uncaught exception (levels18).
      ['info-format-exc', [`${time} INFO root: Traceback (most recent call last):`, '  File "/app/job.py", line 20, in <module>', '    main()', 'ValueError: bad'], ['INFO', 'INFO', 'INFO', 'INFO']],
      // A library's exception ignored at DEBUG (Jetty) stays DEBUG: a debug log is no crash log.
      ['ignored', [`${time} DEBUG org.eclipse.jetty.io.ManagedSelector ignored`, 'java.io.EOFException', '\tat org.eclipse.jetty.io.ChannelEndPoint.fill(ChannelEndPoint.java:1)'], ['DEBUG', 'DEBUG', 'DEBUG']],
    ];

    it('log_patterns (minePatterns), the Node engine and ripgrep, with a time window', async () => {
      const rg = hasRipgrep() ? 'rg' : undefined;
      for (const [name, tail, expected] of cases()) {
        const lines = logOf(time, tail);
        const content = lines.join('\n') + '\n';
        const parser = parserFor(Buffer.from(content), true, Date.now());
        const want = [...Array(6).fill('INFO'), ...expected];
        // Lines at ERROR and above within the last hour: the report's lines have times from the entry above.
        const errorLines = want.flatMap((level, i) => (level === 'ERROR' || level === 'FATAL' ? [i + 1] : []));
        const since = Date.now() - 3_600_000;
        const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: { since }, minimum: 'ERROR', trackLines: true });
        const mined = miner.templates().flatMap((t) => t.lineNumbers ?? []).sort((a, b) => a - b);
        assert.deepEqual(mined, errorLines, `${name}: log_patterns`);
        const request: ScanRequest = { pattern: { source: '\\S', literal: false, caseSensitive: true }, before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 500, minLevel: 'ERROR', since };
        const scanner = new FileScanner(request, parser);
        scanner.push(Buffer.from(content));
        assert.deepEqual(scanner.result().matches.map((m) => m.line), errorLines, `${name}: node engine`);
        if (!rg) continue;
        const realPath = join(dir, `${name}.log`);
        writeFileSync(realPath, content);
        const st = statSync(realPath);
        const result = await scanWithRipgrep(rg, { name: `${name}.log`, realPath, gzip: false, size: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino }, request, parser);
        assert.deepEqual(result.matches.map((m) => m.line), errorLines, `${name}: ripgrep engine`);
      }
    });

    it("a container's plain record inside a report announced above takes the report's level in every reader", async () => {
      // Docker json-file, one record a line: Node's script position announces the report, and the source line it prints
      // below it (unindented: a plain record) is the report's until the error's line. log_patterns read it with no level.
      const records: [string, string][] = [
        [`${time} INFO server started`, 'stdout'],
        ['/app/server.js:17', 'stderr'],
        ['throw new Error("boom");', 'stderr'],
        ['^', 'stderr'],
        ['', 'stderr'],
        ['Error: boom', 'stderr'],
        ['    at Object.<anonymous> (/app/server.js:17:7)', 'stderr'],
        ['', 'stderr'],
        ['Node.js v20.11.0', 'stderr'],
      ];
      const lines = records.map(([log, stream], i) => JSON.stringify({ log: `${log}\n`, stream, time: new Date(Date.now() - 60_000 + i).toISOString() }));
      const content = lines.join('\n') + '\n';
      const parser = parserFor(Buffer.from(content), true, Date.now());
      const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, minimum: 'ERROR', trackLines: true });
      const mined = miner.templates().flatMap((t) => t.lineNumbers ?? []).sort((a, b) => a - b);
      const request: ScanRequest = { pattern: { source: '\\S|^$', literal: false, caseSensitive: true }, before: 0, after: 0, limit: 50, order: 'oldest', maxLineChars: 500, minLevel: 'ERROR' };
      const scanner = new FileScanner(request, parser);
      scanner.push(Buffer.from(content));
      const searched = scanner.result().matches.map((m) => m.line);
      assert.deepEqual(searched, [2, 3, 4, 5, 6, 7, 8], 'node engine');
      assert.deepEqual(mined, searched, 'log_patterns');
    });

    describe('through the built server', () => {
      let server: StartedServer;
      before(async () => {
        for (const [name, tail] of cases()) writeFileSync(join(dir, `${name}.log`), logOf(time, tail).join('\n') + '\n');
        server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
      });
      after(async () => server?.close());

      const call = async (name: string, args: Record<string, unknown>): Promise<Data> => {
        const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        return result.structuredContent as Data;
      };

      it('error_summary over the last hour names each crash, once, and no warning', async () => {
        const data = await call('error_summary', { hours: 1 });
        const errors = Object.fromEntries(data.files.map((f: Data) => [f.file, f.errors]));
        // Each crash is one entry, `npe` (a bare exception name, no error word) too: the prefilter reads crashReport's words.
        for (const name of ['python', 'php', 'pythread', 'pyprocess', 'java', 'node', 'go', 'rust', 'logged', 'cassert', 'rejection', 'hserr', 'killed']) assert.equal(errors[`${name}.log`], 1, `${name}: ${JSON.stringify(data.files)}`);
        assert.equal(errors['ignored.log'] ?? 0, 0, 'an exception ignored at DEBUG is no error');
        assert.equal(errors['warned.log'] ?? 0, 0, 'a logged warning with its exception is no error');
        assert.equal(errors['info-java.log'] ?? 0, 0, 'an exception logged at INFO is no error');
        assert.equal(errors['info-python.log'] ?? 0, 0, 'a traceback logged at INFO is no error');
        assert.equal(errors['npe.log'] ?? 0, 0, 'a bare exception after INFO lines is the INFO entry\'s');
        assert.equal(errors['info-format-exc.log'] ?? 0, 0, 'a traceback on the logger\'s own INFO line is no error');
        // Not counted, and not left out silently either: the answer says they are there.
        for (const name of ['info-java', 'info-python', 'npe', 'info-format-exc']) {
          // errors17: the note says what it cannot tell (a logged report from one printed on its own), not only its reading.
          const note = data.notes.find((n: string) => n.startsWith(`${name}.log: 1 exception report(s) (a stack trace or traceback) right under INFO entries in the window are not counted`));
          assert.ok(note, `${name}: ${data.notes.join('\n')}`);
          assert.match(note, /cannot tell from one printed on its own \(e\.printStackTrace\(\)/);
        }
        assert.ok(!data.notes.some((n: string) => /^(?:python|pythread|pyprocess|node|warned|logged)\.log: .*under INFO entries/.test(n)), data.notes.join('\n'));
        const templates = data.groups.map((g: Data) => g.template).join('\n');
        assert.match(templates, /ZeroDivisionError: division by zero|Traceback/);
        assert.match(templates, /Exception in thread/);
        assert.match(templates, /TypeError: Cannot read properties of undefined/);
        assert.match(templates, /panicked at/);
      });

      it('recent_logs at ERROR returns the traceback and not the INFO lines above it', async () => {
        const data = await call('recent_logs', { file: 'python.log', level: 'ERROR', lines: 20 });
        // The `Traceback` line alone may be an INFO entry's (exc_info=True); the `in <module>` frame shows it uncaught.
        assert.deepEqual(data.lines.map((l: Data) => [l.text, l.level]), PYTHON.slice(1).map((text) => [text, 'ERROR']));
        const warned = await call('recent_logs', { file: 'warned.log', level: 'ERROR', lines: 20 });
        assert.equal(warned.lines.length, 0, JSON.stringify(warned.lines));
        const formatted = await call('recent_logs', { file: 'info-format-exc.log', level: 'ERROR', lines: 20 });
        assert.equal(formatted.lines.length, 0, JSON.stringify(formatted.lines));
      });
    });
  });
});
