// error_summary counts entries, not lines: a logged error with its stack (Spring Boot's `Servlet.service() … threw
// exception` with 40 frames and `Caused by:` lines, Python's logger.exception traceback) is one error, whatever error
// words its stack lines hold. An uncaught exception after INFO lines is one error too, and a layout without times
// (Python's default `ERROR:root:msg`) writes one entry per leveled line (continuation.ts entryOf).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithEachEngine, wholeFileSummary } from '../../support/log-engines';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const stamp = (offsetSeconds: number): string => new Date(Date.now() - 60_000 + offsetSeconds * 1000).toISOString().replace('T', ' ').replace('Z', '');

/** Spring Boot's (logback) line for an exception a servlet threw, with its stack as the JVM prints it. */
function springLog(): string[] {
  const frames = Array.from({ length: 40 }, (_, i) => `\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:${160 + i})`);
  return [
    ...Array.from({ length: 60 }, (_, i) => `${stamp(0)}  INFO 4711 --- [nio-8080-exec-${i % 9}] c.e.orders.OrderController               : order ${i} read`),
    `${stamp(1)} ERROR 4711 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed; nested exception is java.lang.IllegalStateException: Failed to read order 42] with root cause`,
    'org.springframework.web.util.NestedServletException: Request processing failed; nested exception is java.lang.IllegalStateException: Failed to read order 42',
    ...frames.slice(0, 20),
    'Caused by: java.lang.IllegalStateException: Failed to read order 42',
    ...frames.slice(20),
    'Caused by: java.sql.SQLException: Connection is not available, request timed out after 30000ms.',
    '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)',
    '\t... 52 common frames omitted',
    `${stamp(2)}  INFO 4711 --- [nio-8080-exec-2] c.e.orders.OrderController               : order 43 read`,
    `${stamp(3)} ERROR 4711 --- [nio-8080-exec-3] c.e.orders.OrderController               : order 44 failed: error reading row`,
  ];
}

/** Python's logger.exception under INFO lines, then an uncaught exception (the interpreter's own traceback). */
function pythonLog(): string[] {
  return [
    ...Array.from({ length: 30 }, (_, i) => `${stamp(0)},101 INFO worker: job ${i} done`),
    `${stamp(1)},202 ERROR worker: job 7 failed`,
    'Traceback (most recent call last):',
    '  File "/app/worker.py", line 41, in run',
    '    result = handler(job)',
    '  File "/app/handlers.py", line 12, in handler',
    "    raise ValueError('bad payload: error in field x')",
    "ValueError: bad payload: error in field x",
    `${stamp(2)},303 INFO worker: job 8 done`,
    'Traceback (most recent call last):',
    '  File "/app/worker.py", line 88, in <module>',
    '    main()',
    'ZeroDivisionError: division by zero',
  ];
}

/**
 * break19: lines with a level of their own right after a logged ERROR are errors of their own — psql's untimed
 * `ERROR:` lines pasted into an app's log, Python's `ERROR:root:` beside a timed logger, and what a runtime prints
 * when it dies (Java's `Exception in thread`, Rust's `panicked at`) — not parts of that ERROR.
 */
function afterLoggedError(): string[] {
  const ticks = Array.from({ length: 20 }, (_, i) => `${stamp(0)} INFO  app.Main - tick ${i}`);
  return [
    ...ticks,
    `${stamp(1)} ERROR app.Migrate - migration step 3 failed, running psql by hand`,
    'ERROR:  relation "orders" does not exist',
    'ERROR:  permission denied for table customers',
    `${stamp(2)} ERROR app.Db - connection pool exhausted`,
    'Exception in thread "main" java.lang.IllegalStateException: pool closed',
    '\tat app.Main.run(Main.java:3)',
    '\tat app.Main.main(Main.java:1)',
    `${stamp(3)} ERROR app.Db - connection pool exhausted`,
    "thread 'main' panicked at src/main.rs:10:5:",
    'called `Result::unwrap()` on an `Err` value: PoolClosed',
  ];
}

/**
 * errors16: a short file whose one logged ERROR carries a 120-frame stack: the frames outnumber the timed lines more
 * than four to one, the file read as an unknown layout, and its exception line counted as an untimed error of its own.
 */
function longStackShortFile(): string[] {
  return [
    `${stamp(0)} INFO  [main] com.example.App - starting`,
    `${stamp(1)} ERROR [main] com.example.App - request failed`,
    'java.lang.IllegalStateException: pool closed',
    ...Array.from({ length: 120 }, (_, i) => `\tat com.example.pool.Pool.get${i}(Pool.java:${i + 10})`),
    `${stamp(2)} INFO  [main] com.example.App - done`,
  ];
}

/**
 * errors16: two timed lines, then glibc's heap check and the shell's word on the abort it raised: the crash's own lines
 * outvoted the header, the file read as unknown, and the window counted 0 (the crash untimed) where it holds 1 crash.
 */
const HEAP_ABORT = [`${stamp(0)} INFO app: starting`, `${stamp(1)} INFO app: loading plugins`, 'free(): invalid pointer', 'Aborted (core dumped)'];
const STACK_SMASH = [`${stamp(0)} INFO app: starting`, `${stamp(1)} INFO app: reading input`, '*** stack smashing detected ***: terminated', 'Aborted (core dumped)'];

/**
 * errors16: a client's options dumped under an INFO line, one `Name: value` a line: `RetryOnException: true` read as an
 * exception's report, an ERROR of its own, and the settings below it as its lines.
 */
function optionsDump(): string[] {
  return [
    ...Array.from({ length: 10 }, (_, i) => `${stamp(0)} INFO  [main] com.example.App - tick ${i}`),
    `${stamp(1)} INFO  [main] com.example.Client - client options:`,
    'MaxRetries: 5',
    'RetryOnException: true',
    'ExceptionHandler: default',
    'Timeout: 30s',
    `${stamp(2)} INFO  [main] com.example.App - ready`,
  ];
}

/**
 * A logged ERROR with a 40-frame traceback (a web request's ordinary depth): the exception's line is 81 lines under
 * its entry's header, past a lookback of a few dozen lines, and read alone it was an error of its own.
 */
function deepTraceback(): string[] {
  const frames = Array.from({ length: 40 }, (_, i) => [`  File "/srv/app/layer${i}.py", line ${i + 10}, in call${i}`, `    return call${i + 1}(request)`]).flat();
  return [
    '2026-11-30 10:00:00,100 INFO app.api: request 1 done',
    '2026-11-30 10:00:01,200 ERROR app.api: request 2 failed',
    'Traceback (most recent call last):',
    ...frames,
    'KeyError: \'user_id\'',
    '2026-11-30 10:00:02,300 INFO app.api: request 3 done',
  ];
}

/** Python's logging.basicConfig default format: no time, one entry per leveled line. */
const UNTIMED = ['INFO:root:starting', 'ERROR:root:cannot open /data/a.db', 'ERROR:root:cannot open /data/b.db', 'WARNING:root:retrying', 'ERROR:root:giving up'];

/**
 * errors17: Python 3.11+'s traceback of an exception logged at INFO (`log.info("…", exc_info=True)`), as CPython 3.11.7
 * printed it: its caret lines under each frame's source line (`^^^^^^^^`) were read as Node's caret under the source
 * line of an uncaught error, and the INFO entry's traceback counted as an error.
 */
function python311AtInfo(): string[] {
  return [
    ...Array.from({ length: 3 }, (_, i) => `2026-12-02 07:02:08,${975 + i} INFO api: request ${i}`),
    '2026-12-02 07:02:08,978 INFO api: cache miss, falling back to the database',
    'Traceback (most recent call last):',
    '  File "/srv/api/cache.py", line 15, in serve',
    '    Cache().get("k")',
    '  File "/srv/api/cache.py", line 9, in get',
    '    return self.client.get(key)',
    '           ^^^^^^^^^^^^^^^^^^^^',
    '  File "/srv/api/redis_client.py", line 5, in get',
    '    def get(self, k): raise ConnectionError("redis down")',
    '                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    'ConnectionError: redis down',
    '2026-12-02 07:02:08,981 INFO api: no rows for the average',
    'Traceback (most recent call last):',
    '  File "/srv/api/stats.py", line 19, in serve',
    '    total([])',
    '  File "/srv/api/stats.py", line 10, in total',
    '    def total(rows): return sum(rows) / len(rows)',
    '                            ~~~~~~~~~~^~~~~~~~~~~',
    'ZeroDivisionError: division by zero',
    '2026-12-02 07:02:08,981 INFO api: request 4',
  ];
}

/**
 * errors17: asyncio's report of a task's exception nobody retrieved, as CPython 3.11.7 wrote it when the program
 * configured a handler for its own logger only: the `asyncio` logger's ERROR went to Python's last-resort handler, which
 * writes the bare message. It read as a traceback logged with the INFO entry above (0 errors and a note).
 */
const ASYNCIO_LAST_RESORT = [
  '2026-12-02 07:01:29,941 INFO app: worker 1 started',
  'Task exception was never retrieved',
  "future: <Task finished name='Task-2' coro=<poll() done, defined at /srv/app/main.py:3> exception=ConnectionError('upstream closed')>",
  'Traceback (most recent call last):',
  '  File "/srv/app/main.py", line 5, in poll',
  '    raise ConnectionError("upstream closed")',
  'ConnectionError: upstream closed',
  '2026-12-02 07:01:30,005 INFO app: worker 1 idle',
];

/**
 * errors17 (break21's pino case): two pino records, then Node.js's report of an uncaught TypeError: too few records for
 * a JSON layout, so each line was read alone, and the report counted twice (the caret line, then the TypeError).
 */
const PINO_THEN_CRASH = [
  '{"level":30,"time":1796188201120,"pid":7,"hostname":"api-1","msg":"server listening on 0.0.0.0:3000"}',
  '{"level":30,"time":1796188202120,"pid":7,"hostname":"api-1","reqId":"req-1","msg":"request completed","responseTime":3.2}',
  '/srv/api/src/routes/orders.js:42',
  '    const total = order.items.reduce((s, i) => s + i.price, 0);',
  '                              ^',
  '',
  "TypeError: Cannot read properties of undefined (reading 'reduce')",
  '    at handler (/srv/api/src/routes/orders.js:42:31)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '',
  'Node.js v20.11.1',
];

/**
 * errors17: Python's logging.basicConfig() default layout (`LEVEL:logger:message`, no time), which is read line by line,
 * with logging.exception()'s traceback (CPython 3.11.7): the traceback's exception line was a second error.
 */
const BASIC_CONFIG_EXCEPTION = ['INFO:root:job 0 started', 'INFO:root:job 1 started', 'INFO:root:job 2 started', 'ERROR:root:job 3 failed', 'Traceback (most recent call last):', '  File "/srv/jobs/run.py", line 8, in <module>', '  File "/srv/jobs/run.py", line 4, in job', "KeyError: 'b'", 'INFO:root:job 4 started'];

/** Docker's json-file records (`/var/lib/docker/containers/<id>/<id>-json.log`): one line a record, its stream marked. */
const dockerJson = (records: [stream: 'stdout' | 'stderr', text: string][]): string[] =>
  records.map(([stream, text], i) => JSON.stringify({ log: `${text}\n`, stream, time: `2026-12-02T06:00:${String(i).padStart(2, '0')}.123456789Z` }));

/**
 * errors17: a container's json-file read as a log file. Each record is a write of its own: a plain line after an ERROR
 * line is no part of it (it was read as ERROR in files, sources16 fixed the Docker API path), and a stack a program
 * prints on stderr (`e.printStackTrace()`) after its logger's INFO lines on stdout is no report of theirs: an error,
 * where a logger's `log.info("…", e)` on stdout stays the INFO entry's, noted.
 */
const DOCKER_PLAIN_AFTER_ERROR = dockerJson([
  ['stdout', '2026-12-02T06:00:00.100Z INFO  uploader: upload 7 started'],
  ['stderr', '2026-12-02T06:00:01.100Z ERROR uploader: upload 7 failed: disk full'],
  ['stderr', 'progress 10% 20% 100%'],
  ['stdout', '2026-12-02T06:00:03.100Z INFO  uploader: upload 8 started'],
]);
/** Go's panic on stderr after logrus's line on stdout: its empty record is no plain one, the goroutine's lines are the panic's. */
const DOCKER_GO_PANIC = dockerJson([
  ['stdout', 'time="2026-12-02T06:00:00Z" level=info msg="listening"'],
  ['stderr', 'panic: runtime error: index out of range [3] with length 3'],
  ['stderr', ''],
  ['stderr', 'goroutine 7 [running]:'],
  ['stderr', 'main.handle(...)'],
  ['stderr', '\t/src/main.go:40 +0x1d'],
]);
const JAVA_STACK: [string, string, string] = ['java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.', '\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)', '\tat com.acme.Sync.run(Sync.java:44)'];
const dockerStack = (stream: 'stdout' | 'stderr'): string[] =>
  dockerJson([
    ['stdout', '06:00:00.100 [main] INFO  com.acme.Sync - sync started'],
    ['stdout', '06:00:00.300 [main] INFO  com.acme.Sync - 12 rows read'],
    ...JAVA_STACK.map((text): ['stdout' | 'stderr', string] => [stream, text]),
    ['stdout', '06:00:31.400 [main] INFO  com.acme.Sync - sync finished'],
  ]);

describe('logs: error_summary counts entries, not lines', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-entries-'));
    writeFileSync(join(dir, 'spring.log'), springLog().join('\n') + '\n');
    writeFileSync(join(dir, 'worker.log'), pythonLog().join('\n') + '\n');
    writeFileSync(join(dir, 'untimed.log'), UNTIMED.join('\n') + '\n');
    writeFileSync(join(dir, 'after-error.log'), afterLoggedError().join('\n') + '\n');
    writeFileSync(join(dir, 'options.log'), optionsDump().join('\n') + '\n');
    writeFileSync(join(dir, 'long-stack.log'), longStackShortFile().join('\n') + '\n');
    writeFileSync(join(dir, 'heap-abort.log'), HEAP_ABORT.join('\n') + '\n');
    writeFileSync(join(dir, 'deep-traceback.log'), deepTraceback().join('\n') + '\n');
    writeFileSync(join(dir, 'stack-smash.log'), STACK_SMASH.join('\n') + '\n');
    writeFileSync(join(dir, 'py311-info.log'), python311AtInfo().join('\n') + '\n');
    writeFileSync(join(dir, 'asyncio.log'), ASYNCIO_LAST_RESORT.join('\n') + '\n');
    writeFileSync(join(dir, 'pino-crash.log'), PINO_THEN_CRASH.join('\n') + '\n');
    writeFileSync(join(dir, 'basic-config.log'), BASIC_CONFIG_EXCEPTION.join('\n') + '\n');
    writeFileSync(join(dir, 'docker-plain-json.log'), DOCKER_PLAIN_AFTER_ERROR.join('\n') + '\n');
    writeFileSync(join(dir, 'docker-stderr-json.log'), dockerStack('stderr').join('\n') + '\n');
    writeFileSync(join(dir, 'docker-panic-json.log'), DOCKER_GO_PANIC.join('\n') + '\n');
    writeFileSync(join(dir, 'docker-stdout-json.log'), dockerStack('stdout').join('\n') + '\n');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (_engine, server) => {
    const summary = (file: string): Promise<Data> => wholeFileSummary(server(), file);

    it('a logged error with a 44-line stack is one error; the next logged error is another', async () => {
      const data = await summary('spring.log');
      assert.equal(data.totalErrors, 2, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      const lines = data.groups.flatMap((g: Data) => g.examples.map((e: Data) => e.line)).sort((a: number, b: number) => a - b);
      assert.deepEqual(lines, [61, 108]);
    });

    it('a logged traceback is its entry; an uncaught one after INFO lines is one error of its own', async () => {
      const data = await summary('worker.log');
      assert.equal(data.totalErrors, 2, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      const texts = data.groups.flatMap((g: Data) => g.examples.map((e: Data) => e.text)).join('\n');
      assert.match(texts, /job 7 failed/);
      assert.match(texts, /ZeroDivisionError: division by zero/);
    });

    it('a line with a level of its own after a logged ERROR is an error of its own: psql\'s ERROR, a crash', async () => {
      const data = await summary('after-error.log');
      const texts = data.groups.flatMap((g: Data) => g.examples.map((e: Data) => e.text)).join('\n');
      assert.equal(data.totalErrors, 7, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.match(texts, /relation "orders" does not exist/);
      assert.match(texts, /Exception in thread "main"/);
      assert.match(texts, /panicked at/);
    });

    it('a logged ERROR with a 40-frame traceback is one error: its exception line is the entry\'s, 81 lines down', async () => {
      const data = await summary('deep-traceback.log');
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.equal(data.groups[0].examples[0].line, 2);
    });

    it('a short file with a 120-frame stack is read by its timed lines\' layout: one error, in the window too', async () => {
      const listing = (await server().client.readResource({ uri: 'logs://files' })).contents[0];
      const files = JSON.parse(String((listing as { text?: string }).text)).files as Data[];
      assert.notEqual(files.find((f) => f.name === 'long-stack.log')?.format, 'unknown');
      for (const wholeFile of [true, false]) {
        const result = (await server().client.callTool({ name: 'error_summary', arguments: { file: 'long-stack.log', wholeFile } })) as CallToolResult;
        const data = result.structuredContent as Data;
        assert.equal(data.totalErrors, 1, JSON.stringify([wholeFile, data.groups.map((g: Data) => [g.template, g.count]), data.notes]));
        assert.equal(data.groups[0].examples[0].line, 2);
        assert.ok(!data.notes.some((n: string) => /without a readable timestamp/.test(n)), data.notes.join('\n'));
      }
    });

    it('a heap abort after two timed lines is one FATAL entry, in the default window as with wholeFile', async () => {
      for (const file of ['heap-abort.log', 'stack-smash.log']) {
        for (const wholeFile of [true, false]) {
          const result = (await server().client.callTool({ name: 'error_summary', arguments: { file, wholeFile } })) as CallToolResult;
          const data = result.structuredContent as Data;
          assert.equal(data.totalErrors, 1, JSON.stringify([file, wholeFile, data.groups.map((g: Data) => [g.template, g.count]), data.notes]));
          assert.deepEqual(data.groups[0].levels, ['FATAL']);
          assert.equal(data.groups[0].examples[0].line, 3);
        }
      }
    });

    it('an INFO options dump with `RetryOnException: true` holds no error, for error_summary and search_logs', async () => {
      const data = await summary('options.log');
      assert.equal(data.totalErrors, 0, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      const search = (await server().client.callTool({ name: 'search_logs', arguments: { file: 'options.log', level: 'ERROR' } })) as CallToolResult;
      assert.deepEqual((search.structuredContent as Data).matches.map((m: Data) => m.text), []);
    });

    const errorLines = async (file: string): Promise<number[]> => {
      const result = (await server().client.callTool({ name: 'search_logs', arguments: { file, level: 'ERROR', order: 'oldest', limit: 100 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return (result.structuredContent as Data).matches.map((m: Data) => m.line);
    };

    it("Python 3.11+'s carets in a traceback logged at INFO are no sign of an uncaught error: no error, and the note", async () => {
      const data = await summary('py311-info.log');
      assert.equal(data.totalErrors, 0, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.ok(data.notes.some((n: string) => n.startsWith('py311-info.log: 2 exception report(s)')), data.notes.join('\n'));
      assert.deepEqual(await errorLines('py311-info.log'), []);
    });

    it("asyncio's `Task exception was never retrieved` written by the last-resort handler is one error, with its traceback", async () => {
      const data = await summary('asyncio.log');
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.equal(data.groups[0].examples[0].line, 2);
      assert.deepEqual(await errorLines('asyncio.log'), [2, 3, 4, 5, 6, 7]);
    });

    it("a Node.js crash after two pino records is one error, counted at its TypeError line", async () => {
      const data = await summary('pino-crash.log');
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.equal(data.groups[0].examples[0].line, 7);
    });

    it("Python's default basicConfig layout: logging.exception() with its traceback is one error", async () => {
      const data = await summary('basic-config.log');
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.equal(data.groups[0].examples[0].line, 4);
      assert.deepEqual(await errorLines('basic-config.log'), [4, 5, 6, 7, 8]);
    });

    it("a container's json-file: a plain record after an ERROR record is no part of it, for search_logs and log_patterns", async () => {
      const data = await summary('docker-plain-json.log');
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
      assert.deepEqual(await errorLines('docker-plain-json.log'), [2]);
      const patterns = (await server().client.callTool({ name: 'log_patterns', arguments: { file: 'docker-plain-json.log', level: 'ERROR' } })) as CallToolResult;
      assert.deepEqual((patterns.structuredContent as Data).templates.map((t: Data) => t.count), [1], JSON.stringify(patterns.structuredContent));
      // An empty record is no plain one: Go's panic goes on through it to its goroutine's lines.
      assert.equal((await summary('docker-panic-json.log')).totalErrors, 1);
      assert.deepEqual(await errorLines('docker-panic-json.log'), [2, 3, 4, 5, 6]);
    });

    it("a container's json-file: a stack on stderr after INFO records on stdout is an error; on stdout it is the INFO entry's, noted", async () => {
      const stderr = await summary('docker-stderr-json.log');
      assert.equal(stderr.totalErrors, 1, JSON.stringify(stderr.groups.map((g: Data) => [g.template, g.count])));
      assert.equal(stderr.groups[0].examples[0].line, 3);
      assert.deepEqual(await errorLines('docker-stderr-json.log'), [3, 4, 5]);
      const stdout = await summary('docker-stdout-json.log');
      assert.equal(stdout.totalErrors, 0, JSON.stringify(stdout.groups.map((g: Data) => [g.template, g.count])));
      assert.ok(stdout.notes.some((n: string) => n.startsWith('docker-stdout-json.log: 1 exception report(s)')), stdout.notes.join('\n'));
    });

    it('without times, each leveled line is an entry', async () => {
      const data = await summary('untimed.log');
      assert.equal(data.totalErrors, 3, JSON.stringify(data.groups.map((g: Data) => [g.template, g.count])));
    });
  });
});
