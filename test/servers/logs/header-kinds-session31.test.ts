// Header kinds of session 31 (branch `hdr31`): a source-location column a logger writes before its statement, read
// from the file's statistics (source-columns.ts), and an editor's output-channel bracket in every locale's clock.
// Made-up lines of those shapes; each case says what a person reading the file would answer, and neighbours that must
// stay as they are.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { needsHeader } from '../../../servers/logs/format/continuation';
import { learnSourceColumns, sourceLocation } from '../../../servers/logs/format/source-columns';

/** Reference time for year-less dates: 2026-12-04. */
const REFERENCE = Date.UTC(2026, 11, 4);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return { parser, lines: lines.map((line) => parser.parse(line)) };
}

describe('header kinds of session 31', () => {
  describe('a source-location column', () => {
    it('after a logger name the header does not know (`name file.py:func():L12`): cut with the name, the statement clean', () => {
      const lines = [
        '2026-05-23 22:38:08,756 ERROR tilewm manager.py:<lambda>():L273 Got an exception in poll loop',
        '2026-05-23 22:38:09,101 WARNING tilewm manager.py:finalize():L355 Restarting with os.execv(...)',
        '2026-05-23 22:38:09,207 WARNING tilewm log_utils.py:init_log():L120 Starting logging for tilewm',
        '2026-05-23 22:38:09,310 ERROR tilewm confreader.py:from_file():L87 Could not import config file /home/dk/a.py',
        '2026-05-23 22:38:10,001 INFO tilewm manager.py:finalize():L355 Restarting with os.execv(...)',
        '2026-05-23 22:38:11,002 ERROR tilewm confreader.py:from_file():L87 Could not import config file /home/jo/b.py',
        '2026-05-23 22:38:12,003 INFO tilewm core.py:setup():L41 Loaded 3 screens',
        '2026-05-23 22:38:13,004 INFO tilewm core.py:setup():L44 Keyboard grabbed',
      ];
      assert.deepEqual(parsed(lines).lines.map((p) => p.message), [
        'Got an exception in poll loop',
        'Restarting with os.execv(...)',
        'Starting logging for tilewm',
        'Could not import config file /home/dk/a.py',
        'Restarting with os.execv(...)',
        'Could not import config file /home/jo/b.py',
        'Loaded 3 screens',
        'Keyboard grabbed',
      ]);
    });

    it('bare `module:line` columns, Rust targets, wrapped ones with the function, a separator after them', () => {
      const bare = [
        'Mar 01 10:00:00 named:445 listening on 0.0.0.0:53',
        'Mar 01 10:00:01 trust_dns::logger:26 log level set to info',
        'Mar 01 10:00:02 named:450 loading zone example.org',
        'Mar 01 10:00:03 catalog:88 zone example.org loaded with 12 records',
        'Mar 01 10:00:04 named:501 server ready',
        'Mar 01 10:00:05 catalog:88 zone example.net loaded with 3 records',
        'Mar 01 10:00:06 server:17 accepting connections',
        'Mar 01 10:00:07 named:445 listening on [::]:53',
      ];
      assert.deepEqual(parsed(bare).lines.map((p) => p.message), [
        'listening on 0.0.0.0:53',
        'log level set to info',
        'loading zone example.org',
        'zone example.org loaded with 12 records',
        'server ready',
        'zone example.net loaded with 3 records',
        'accepting connections',
        'listening on [::]:53',
      ]);
      const wrapped = [
        '[grid EFFECTS] <INFO> <Settings.cpp:72:Settings()> Settings database initialized',
        '[grid EFFECTS] <INFO> <Border.cpp:65:update()> Set mode to: default',
        '[grid LED] <WARNING> <Device.cpp:210:open()> Device /dev/spidev0 not found',
        '[grid LED] <INFO> <Device.cpp:118:start()> Started device with 60 leds',
        '[grid EFFECTS] <INFO> <Settings.cpp:72:Settings()> Settings database initialized',
        '[grid LED] <ERROR> <Device.cpp:231:write()> Write failed (errno 5)',
        '[grid EFFECTS] <INFO> 36 effects loaded from directory /effects',
        '[grid WEB] <INFO> <Server.cpp:40:listen()> Listening on port 8090',
      ];
      const w = parsed(wrapped).lines;
      assert.deepEqual(w.map((p) => p.message), [
        'Settings database initialized',
        'Set mode to: default',
        'Device /dev/spidev0 not found',
        'Started device with 60 leds',
        'Settings database initialized',
        'Write failed (errno 5)',
        '36 effects loaded from directory /effects',
        'Listening on port 8090',
      ]);
      assert.equal(w[2].level, 'WARN');
      const dashed = [
        '2026-12-01 10:00:00 thread_main scheduler.cpp:2631 (ConfigureLogging) - Setup Interrupt handler',
        '2026-12-01 10:00:01 thread_main scheduler.cpp:2640 (ConfigureLogging) - Setup Terminated handler',
        '2026-12-01 10:00:02 thread_io recorder.cpp:118 (Start) - Recording started on card 2',
        '2026-12-01 10:00:03 thread_io recorder.cpp:140 (Stop) - Recording stopped on card 2',
        '2026-12-01 10:00:04 thread_main db.cpp:55 (Open) - Database opened',
        '2026-12-01 10:00:05 thread_io recorder.cpp:118 (Start) - Recording started on card 1',
        '2026-12-01 10:00:06 thread_main db.cpp:90 (Close) - Database closed',
        '2026-12-01 10:00:07 thread_io cache.cpp:186 (Purge) - Cache purged',
      ];
      assert.deepEqual(parsed(dashed).lines.map((p) => p.message), [
        'Setup Interrupt handler',
        'Setup Terminated handler',
        'Recording started on card 2',
        'Recording stopped on card 2',
        'Database opened',
        'Recording started on card 1',
        'Database closed',
        'Cache purged',
      ]);
    });

    it('a `name:number` of the statement stays the message\'s: one value, no column (neighbours)', () => {
      // `db:5432` at the same place on every line, one value: a statement's own words.
      const one = Array.from({ length: 10 }, (_, i) => `2026-12-01 10:00:0${i} INFO connected to db:5432 after ${i + 1} tries`);
      assert.ok(parsed(one).lines.every((p, i) => p.message === `connected to db:5432 after ${i + 1} tries`));
      // A counter and a port are no locations at all.
      for (const token of ['2:3', ':8080', '10.0.0.5:59080', 'cdn.acme.org:5222', 'http://sonarr:8989', '12:03:07']) assert.equal(sourceLocation(token), undefined, token);
      for (const token of ['named:445', 'src/foo.rs:88:', '[main.go:112]', '(connectionpool:394)', 'manager.py:finalize():L355', 'vxlan.go:155]']) assert.notEqual(sourceLocation(token), undefined, token);
      // One name before every statement with many numbers (`user:42`) is a value, not a call site.
      const users = Array.from({ length: 10 }, (_, i) => `user:${40 + i} ${['logged in', 'logged out', 'updated profile'][i % 3]}`);
      assert.equal(learnSourceColumns(users), undefined);
      // A location on a few lines of a file only is the message's.
      const few = [
        ...Array.from({ length: 9 }, (_, i) => `2026-12-01 10:00:0${i} INFO request ${i} served in ${i * 3} ms`),
        '2026-12-01 10:00:10 ERROR panic at main.go:42 in handler',
      ];
      assert.equal(parsed(few).lines[9].message, 'panic at main.go:42 in handler');
    });
  });

  describe("an editor's output channel in every locale's clock", () => {
    it('reads the level where the locale writes its day period before the time (ko, ja, zh) or after it', () => {
      const lines = [
        '[Info  - 오전 9:01:02] Started QuillLS v0.14.5',
        '[Error - 오후 3:49:35] Build failed in 351 milliseconds',
        '[Error - 午後3:49:36] Build failed in 18 milliseconds',
        '[Info  - 上午 9:01:02] Started QuillLS v0.14.6',
        '[Warn  - 下午3:49:37] Sources not found',
        '[Error - 3:49:38 p.m.] Build failed in 7 milliseconds',
        '[Error - 3:49:39 μ.μ.] Build failed in 9 milliseconds',
        '[Info  - ৩:৪৯:৩৫ PM] Started QuillLS v0.14.7',
      ];
      const out = parsed(lines).lines;
      assert.deepEqual(out.map((p) => [p.level, p.message]), [
        ['INFO', 'Started QuillLS v0.14.5'],
        ['ERROR', 'Build failed in 351 milliseconds'],
        ['ERROR', 'Build failed in 18 milliseconds'],
        ['INFO', 'Started QuillLS v0.14.6'],
        ['WARN', 'Sources not found'],
        ['ERROR', 'Build failed in 7 milliseconds'],
        ['ERROR', 'Build failed in 9 milliseconds'],
        ['INFO', 'Started QuillLS v0.14.7'],
      ]);
      assert.ok(out.every((p) => p.timestamp === undefined));
    });

    it('a line with its own time of day takes no time from a dated line above', () => {
      const lines = [
        '2026-12-01 10:00:00 INFO server started',
        '[Error - 오후 3:49:35] Build failed',
        '2026-12-01 10:00:01 INFO request served',
        '[12:00:02 WARN] disk almost full',
        '2026-12-01 10:00:02 ERROR request failed',
        '    at handler (server.js:10)',
      ];
      const { parser, lines: out } = parsed(lines);
      assert.equal(out[1].level, 'ERROR');
      assert.equal(needsHeader(parser, out[1]), false);
      assert.equal(needsHeader(parser, out[3]), false);
      // A stack frame still takes its entry's time and level.
      assert.equal(needsHeader(parser, out[5]), true);
    });
  });
});
