// Header kinds found in the real-excerpts batch 24 (newly studied in session 28) by branch `hdr28`: header columns
// left in messages, and message words that must not be read as such columns. Made-up lines of those shapes; each case
// says what a person reading the file would answer, and a neighbour that must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-03. */
const REFERENCE = Date.UTC(2026, 11, 3);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return { format: parser.format.id, lines: lines.map((line) => parser.parse(line)) };
}

describe('header kinds of batch 24', () => {
  it("a browser console's source link before the program's own time is no part of the message (DevTools' copy)", () => {
    // An Electron app's log copied from DevTools: each line the console shows opens with the script and line that
    // logged it; lines the app wrote to its own file have none. Left in the message, the link and the time behind it
    // made every statement of the console one template (`Logger.ts:<*>: <*>`).
    const lines = [
      '09:12:01: Preparing scheduled job',
      '/opt/App/resources/app.asar/node_modules/@app/lib/Logger.js:188 09:12:01: Starting scheduled job',
      '/opt/App/resources/app.asar/node_modules/@app/lib/Logger.js:188 09:12:02: Indexing notes...',
      'Logger.ts:219 18:40:29: Total folders: 24',
      'Logger.ts:219 18:40:29: Total notes: 499',
      'Logger.ts:237 18:40:30: Current version: 2.10.19',
      'bundle.min.js:2:3456 18:40:31: Latest version: 2.10.19',
      'Logger.ts:237 18:40:31: Indexing notes...',
    ];
    const out = parsed(lines);
    assert.deepEqual(
      out.lines.map((p) => p.message),
      [
        'Preparing scheduled job',
        'Starting scheduled job',
        'Indexing notes...',
        'Total folders: 24',
        'Total notes: 499',
        'Current version: 2.10.19',
        'Latest version: 2.10.19',
        'Indexing notes...',
      ],
    );
  });

  it('a source link before a dated header gives the line its time and level (neighbour: read so before, it stays so)', () => {
    const lines = [
      'main.js:12 2024-06-01T12:30:45.123Z INFO server listening on port 8080',
      'main.js:57 2024-06-01T12:30:46.000Z WARN cache miss for key users',
      'worker.js:9:14 2024-06-01T12:30:47.000Z ERROR job 17 failed',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.lines.map((p) => [p.message, p.level, p.timestamp]), [
      ['server listening on port 8080', 'INFO', Date.UTC(2024, 5, 1, 12, 30, 45, 123)],
      ['cache miss for key users', 'WARN', Date.UTC(2024, 5, 1, 12, 30, 46)],
      ['job 17 failed', 'ERROR', Date.UTC(2024, 5, 1, 12, 30, 47)],
    ]);
  });

  it('a source location that opens a message without a time behind it stays in the message (neighbour)', () => {
    // Go's log with Lshortfile and no date, a compiler's diagnostics: the location is the statement's subject here.
    const lines = ['main.go:42 failed to open config', 'main.go:42 failed to open config', 'server.go:118 listening on :8080', 'parse.c:7 12 errors'];
    const out = parsed(lines);
    assert.deepEqual(out.lines.map((p) => p.message), lines);
  });

  it("a search tool's file-name prefix is still read as one (neighbour)", () => {
    const lines = ['app.log:2024-06-01 12:30:45 ERROR disk full', 'app.log:42:2024-06-01 12:30:46 INFO retrying'];
    const out = parsed(lines);
    assert.equal(out.format, 'search');
    assert.deepEqual(out.lines.map((p) => [p.message, p.level]), [['disk full', 'ERROR'], ['retrying', 'INFO']]);
  });

  it("a bracket padded inside to a width is a header column on the lines that add it (Spring Boot 3's application name before the thread)", () => {
    // One program's log across versions: the older writes `--- [thread]`, the newer `--- [app] [thread]`, its thread
    // padded to 15 characters. Read against the older form, the newer lines kept `[           main]` in the message.
    const lines = [
      '2022-08-17 15:23:46.649  INFO 7 --- [           main] com.example.Launcher                     : Starting Launcher using Java 17.0.4',
      '2022-08-17 15:23:46.654  INFO 7 --- [           main] com.example.Launcher                     : No active profile set',
      '2022-08-17 15:23:47.914  INFO 7 --- [           main] com.example.Launcher                     : Started Launcher in 1.963 seconds',
      '2022-08-22 20:34:28.832  INFO 22 --- [           main] com.example.Launcher                     : Starting Launcher using Java 16.0.1',
      '2022-08-22 20:34:28.840  INFO 22 --- [           main] com.example.Launcher                     : No active profile set',
      '2022-08-22 20:34:30.775  INFO 22 --- [           main] com.example.Launcher                     : Started Launcher in 2.802 seconds',
      '2024-08-04T17:26:21.942+03:00  INFO 4840 --- [shop] [           main] com.example.Launcher                     : No active profile set',
      '2024-08-04T17:26:23.868+03:00  WARN 4840 --- [shop] [           main] io.undertow.servlet                      : Initializing Spring embedded WebApplicationContext',
      '2024-11-10T15:25:43.412+03:00  INFO 932 --- [shop] [  XNIO-1 task-2] o.s.web.servlet.DispatcherServlet        : Completed initialization in 1 ms',
      '2024-11-10T15:25:39.045+03:00  INFO 932 --- [shop] [           main] com.example.Launcher                     : Started Launcher in 3.998 seconds',
    ];
    const out = parsed(lines).lines;
    // The thread's bracket is cut on every line; what follows (the padded logger column) is alike on all of them.
    for (const p of out) assert.doesNotMatch(p.message, /\[/, p.message);
    assert.deepEqual(out.map((p) => p.message.replace(/^\S+\s+: /, '')), lines.map((l) => l.slice(l.indexOf(' : ') + 3)));
    assert.equal(out[7].level, 'WARN');
  });

  it('a bracket spaced by one space inside, on a few lines of a form only, stays the message\'s (neighbour)', () => {
    // `[ retry ]` opens some messages of the form and not most: a message's own words, not a padded column.
    const lines = [
      '2024-06-01 12:00:00 INFO [worker] job started',
      '2024-06-01 12:00:01 INFO [worker] job finished',
      '2024-06-01 12:00:02 INFO [worker] [ retry ] job requeued',
      '2024-06-01 12:00:03 INFO [worker] job started',
      '2024-06-01 12:00:04 INFO [worker] job finished',
      '2024-06-01 12:00:05 INFO [worker] job started',
      '2024-06-01 12:00:06 INFO [worker] job finished',
      '2024-06-01 12:00:07 INFO [worker] [ retry ] job requeued',
      '2024-06-01 12:00:08 INFO [worker] job started',
      '2024-06-01 12:00:09 INFO [worker] job finished',
    ];
    const out = parsed(lines).lines;
    assert.deepEqual(out.map((p) => p.message), lines.map((l) => l.slice(l.indexOf('] ') + 2)));
  });

  it("a syslog host and tag without a pid, a form the file's other lines show, is read so amid the program's own lines", () => {
    // The program's own log file (a ctime date, then its category) beside the lines it sent to syslog on another
    // machine (`<month day time> <host> <tag>:`, no pid): the host and tag were left in those lines' messages.
    const lines = [
      'Thu Feb  2 16:35:08 2012 Normal: Skipping startup synchronization...',
      'Mon May 12 16:37:54 2014 Normal: recursive startup rsync: /opt/a/ -> host:/opt/a/',
      'Oct 22 18:42:44 T500 syncd: Startup of /opt/b/ finished.',
      'Oct 22 18:42:44 T500 syncd: collected an event',
      'Oct 22 18:42:45 T500 syncd: going into select (no timeout).',
      'Mon May 23 22:48:41 2016 Normal: Startup of /opt/c/ finished.',
      'Mon May 23 22:48:42 2016 Normal: collected an event',
      'Wed Jan  4 11:25:03 2017 Normal: Calling rsync with filter-list of new/modified files/dirs',
      'Fri Mar 31 00:00:06 2017 Normal: Finished a list after exitcode: 0',
    ];
    const out = parsed(lines).lines;
    assert.deepEqual(out.slice(2, 5).map((p) => [p.component, p.message]), [
      ['syncd', 'Startup of /opt/b/ finished.'],
      ['syncd', 'collected an event'],
      ['syncd', 'going into select (no timeout).'],
    ]);
    assert.equal(out[5].message, 'Startup of /opt/c/ finished.');
    assert.equal(out[6].message, 'collected an event');
  });

  it("Ruby's Logger without a program name (`-- : `) leaves no colon in the message, as with one (`-- app: `)", () => {
    // `Logger::Formatter` writes `%s, [%s #%d] %5s -- %s: %s`; the program name is empty unless set, and the colon that
    // closes it stayed at the head of every message, so the same statement from a logger with a name was another one.
    const lines = [
      'I, [2017-02-16T17:53:12.530717 #16813]  INFO -- : Scheduler running...',
      'W, [2017-02-16T17:53:14.978430 #16813]  WARN -- : Started job thread for \'Check streams\' (Channel.stream)...',
      'E, [2017-02-16T17:53:14.990347 #16813] ERROR -- : execute Channel.stream (try_count 0)...',
      'I, [2017-02-16T17:53:15.001000 #16813]  INFO -- :  - verify email #80824621106 found',
      'I, [2018-05-10T15:53:13.887752 #2754]  INFO -- : fetching imap (port=993,ssl=true)',
    ];
    const out = parsed(lines).lines;
    assert.deepEqual(out.map((p) => [p.level, p.message]), [
      ['INFO', 'Scheduler running...'],
      ['WARN', "Started job thread for 'Check streams' (Channel.stream)..."],
      ['ERROR', 'execute Channel.stream (try_count 0)...'],
      ['INFO', '- verify email #80824621106 found'],
      ['INFO', 'fetching imap (port=993,ssl=true)'],
    ]);
  });

  it("a message after a level's dash that opens with its own `word:` keeps it (neighbour)", () => {
    const lines = [
      '2024-06-01 12:00:00,001 INFO - Build warnings: 3',
      '2024-06-01 12:00:01,002 WARN - Config: missing key timeout',
      '2024-06-01 12:00:02,003 INFO - Build warnings: 0',
    ];
    assert.deepEqual(parsed(lines).lines.map((p) => p.message), ['Build warnings: 3', 'Config: missing key timeout', 'Build warnings: 0']);
  });
});
