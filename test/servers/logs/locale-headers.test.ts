// Header forms any program may print that were left in messages (real lines from the real-excerpts batches, with the
// right answer, and made-up neighbours): a date in the host's locale with the year last, an unpadded ISO date, a
// year-less `day Mon time`, a level letter glued to the time in angle brackets, four-letter level columns. A date whose
// day and month order neither it nor its file tells is read as a header without a time, never a guessed one.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { matchTimestampAt, parseTimestamp, TIMESTAMP_PATTERNS, unorderedDateEnd, yearLastOrder } from '../../../servers/logs/format/timestamps';
import { templatesOf } from '../../support/mined-templates';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();
const REFERENCE = local(2026, 11, 30, 18);


describe('log intelligence: locale dates and other common header forms', () => {
  it('reads a four-digit year last in the order the date shows itself, with a 12-hour clock; no time when it cannot tell', () => {
    const cases: [string, number | undefined][] = [
      ['3/30/2017, 8:23:24 AM', local(2017, 3, 30, 8, 23, 24)],
      ['9/15/2020, 10:59:57 PM', local(2020, 9, 15, 22, 59, 57)],
      ['30/11/2026 10:00:00', local(2026, 11, 30, 10)],
      ['30-11-2026 10:00:00.250', local(2026, 11, 30, 10, 0, 0, 250)],
      ['11/30/2026 10:00:00', local(2026, 11, 30, 10)],
      // A dotted date is day first (German, Russian, Czech…): no locale writes month.day.year.
      ['15.9.2017, 11:48:37', local(2017, 9, 15, 11, 48, 37)],
      ['6.9.2019 13:09:42', local(2019, 9, 6, 13, 9, 42)],
      // Either order is a real day: no time rather than a guess.
      ['6/9/2019, 13:09:42', undefined],
      ['06-09-2019 13:09:42', undefined],
      // Out of range in the order it shows, or on a 12-hour clock.
      ['31/2/2026 10:00:00', undefined],
      ['3/30/2017, 13:23:24 PM', undefined],
      ['13/13/2026 10:00:00', undefined],
    ];
    for (const [text, epoch] of cases) assert.equal(parseTimestamp(text), epoch, text);
  });

  it("chooses the order of a file's slashed dates from its sample: day first, month first, or none when it contradicts itself", () => {
    assert.equal(yearLastOrder(['[6/9/2019, 13:09:42] a', '[30/9/2019, 13:09:42] b']), true);
    assert.equal(yearLastOrder(['[6/9/2019, 13:09:42] a', '[9/15/2020, 10:59:57 PM] b']), false);
    assert.equal(yearLastOrder(['6/9/2019 13:09:42 a', '30/9/2019 13:09:42 b', '9/15/2020 10:59:57 c']), null);
    assert.equal(yearLastOrder(['6/9/2019 13:09:42 a', '15.9.2017 11:48:37 b']), undefined);
    // The file's order dates the dates that cannot tell it themselves; a file that contradicts itself dates none.
    assert.equal(parseTimestamp('6/9/2019 13:09:42', { yearLastDayFirst: true }), local(2019, 9, 6, 13, 9, 42));
    assert.equal(parseTimestamp('6/9/2019 13:09:42', { yearLastDayFirst: false }), local(2019, 6, 9, 13, 9, 42));
    assert.equal(parseTimestamp('30/9/2019 13:09:42', { yearLastDayFirst: null }), undefined);
    assert.equal(parseTimestamp('30/9/2019 13:09:42', { yearLastDayFirst: false }), undefined);
  });

  it('reads an unpadded ISO date (Node, .NET) and a year-less `day Mon time` (Node-RED, Redis 2)', () => {
    assert.equal(parseTimestamp('2017-6-23 08:13:01'), local(2017, 6, 23, 8, 13, 1));
    assert.equal(parseTimestamp('2018/6/3 8:12:03'), local(2018, 6, 3, 8, 12, 3));
    assert.equal(parseTimestamp('2017-6-31 08:13:01'), undefined);
    assert.equal(parseTimestamp('25 Jan 20:25:10', { referenceTime: REFERENCE }), local(2026, 1, 25, 20, 25, 10));
    assert.equal(parseTimestamp('05 Feb 20:21:10.123', { referenceTime: REFERENCE }), local(2026, 2, 5, 20, 21, 10, 123));
    // December in a file written in November: the year before.
    assert.equal(parseTimestamp('24 Dec 10:00:00', { referenceTime: REFERENCE }), local(2025, 12, 24, 10));
    assert.equal(parseTimestamp('32 Jan 20:25:10', { referenceTime: REFERENCE }), undefined);
  });

  it("Homebridge: the bracketed locale date is the header on the bare console, in the journal and in docker's log; the message stays whole", async () => {
    const lines = [
      '[3/30/2017, 8:23:24 AM] [SmartThings] Initializing platform accessory \'Bedroom\'...',
      '[2017-6-23 08:13:01] Loaded plugin: homebridge-hive',
      '[2017-6-23 08:13:01] ---',
      'Jun 03 08:12:03 HomeBridgeServer homebridge[23785]: [2018-6-3 08:12:03] Loaded plugin: homebridge-automation-calendar',
      'Jun 03 08:12:03 HomeBridgeServer homebridge[23785]: [2018-6-3 08:12:03] ---',
      'Jun 09 13:09:42 raspberrypi homebridge[645]: [6/9/2019, 13:09:42] Loaded plugin: homebridge-config-ui-x',
      'Sep 15 11:48:37 raspberrypi homebridge[24139]: [15.9.2017, 11:48:37] ---',
      "Jun 03 08:12:03 HomeBridgeServer homebridge[23785]: [2018-6-3 08:12:03] Registering platform 'homebridge-switches.AutomationSwitches'",
      'Sep 15 11:48:47 raspberrypi systemd[1]: Stopped Node.js HomeKit Server.',
      '2020-09-16T02:59:58.917635554Z [9/15/2020, 10:59:57 PM] ---',
      '2020-09-16T02:59:58.917700887Z Setup Payload:',
      '2020-09-16T02:59:58.917700887Z this code with your HomeKit app on your iOS device to pair with Homebridge:',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const messages = lines.map((line) => parser.parse(line).message);
    // The plugin's bracketed name after the time is a column of the header (the logger's prefix).
    assert.equal(messages[0], "Initializing platform accessory 'Bedroom'...");
    assert.equal(parser.parse(lines[0]).timestamp, local(2017, 3, 30, 8, 23, 24));
    assert.equal(messages[1], 'Loaded plugin: homebridge-hive');
    assert.equal(parser.parse(lines[1]).timestamp, local(2017, 6, 23, 8, 13, 1));
    assert.equal(messages[2], '---');
    assert.equal(messages[9], '---');
    assert.equal(messages[10], 'Setup Payload:');
    assert.equal(messages[11], 'this code with your HomeKit app on your iOS device to pair with Homebridge:');
    const templates = await templatesOf(lines, REFERENCE);
    // The bare console's and docker's `---` are one template, never an empty one.
    assert.equal(templates[2], templates[9]);
    assert.equal(templates[2], '---');
  });

  it('a date whose order nothing tells is still read as the header (no time), not left in the message', () => {
    const lines = ['[6/9/2019, 13:09:42] Loaded plugin: a', '[6/9/2019, 13:09:43] Loading 2 platforms...', "[7/9/2019, 13:09:43] Registering platform 'b.B'", '[7/9/2019, 13:09:44] ---'];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    for (const line of lines) {
      const parsed = parser.parse(line);
      assert.equal(parsed.message, line.slice(line.indexOf('] ') + 2), line);
      assert.equal(parsed.timestamp, undefined, line);
    }
  });

  it("NestJS's console: a date whose order nothing tells, after other header fields, is still the header; the level column (`LOG` too) is read", () => {
    // NestJS's ConsoleLogger writes `toLocaleString()` of the process's locale: on the 1st-12th of a month (en-US
    // `12/01/2026`) day and month cannot be told apart. ICU's locales do not settle it by the form either: en and fil
    // write `12/01/2026, 5:00:01 AM` month first, km, kn and ml write the same form day first.
    const nest = (date: string) => [
      `[Nest] 1234  - ${date}, 5:00:01 AM     LOG [NestFactory] Starting Nest application...`,
      `[Nest] 1234  - ${date}, 5:00:01 AM     LOG [RouterExplorer] Mapped {/api/users, GET} route +1ms`,
      `[Nest] 1234  - ${date}, 5:00:02 AM   ERROR [ExceptionsHandler] connect ECONNREFUSED 127.0.0.1:5432`,
      `[Nest] 1234  - ${date}, 5:00:03 AM    WARN [Scheduler] Job cleanup skipped`,
      `[Nest] 1234  - ${date}, 5:00:04 AM   DEBUG [Scheduler] Job cleanup done`,
      `[Nest] 1234  - ${date}, 5:00:06 AM   FATAL [Main] Out of memory`,
    ];
    const levels = ['INFO', 'INFO', 'ERROR', 'WARN', 'DEBUG', 'FATAL'];
    // The context column is cut too (lead-columns.ts: `[Scheduler]` opens two statements).
    const messages = ['Starting Nest application...', 'Mapped {/api/users, GET} route +1ms', 'connect ECONNREFUSED 127.0.0.1:5432', 'Job cleanup skipped', 'Job cleanup done', 'Out of memory'];
    const ambiguous = createLineParser(nest('12/01/2026'), { referenceTime: REFERENCE + 2 * 86_400_000 });
    assert.deepEqual(nest('12/01/2026').map((line) => ambiguous.parse(line).level), levels);
    assert.deepEqual(nest('12/01/2026').map((line) => ambiguous.parse(line).message), messages);
    assert.equal(ambiguous.parse(nest('12/01/2026')[0]).timestamp, undefined);
    // The neighbour: a date that tells its order itself reads alike, with its time.
    const told = createLineParser(nest('11/25/2026'), { referenceTime: REFERENCE });
    assert.deepEqual(nest('11/25/2026').map((line) => told.parse(line).level), levels);
    assert.deepEqual(nest('11/25/2026').map((line) => told.parse(line).message), messages);
    assert.equal(told.parse(nest('11/25/2026')[0]).timestamp, local(2026, 11, 25, 5, 0, 1));
    // A file of mostly `LOG` lines: the column is still the level's (it holds ERROR too), read on every line.
    const many = [...Array.from({ length: 30 }, (_, i) => `[Nest] 19  - 12/01/2026, 5:00:01 AM     LOG [RouterExplorer] Mapped {/api/u${i}, GET} route +1ms`), nest('12/01/2026')[2]];
    const manyParser = createLineParser(many, { referenceTime: REFERENCE + 2 * 86_400_000 });
    assert.equal(manyParser.parse(many[0]).level, 'INFO');
    assert.equal(manyParser.parse(many[30]).level, 'ERROR');
  });

  it("a date that tells no order is ordered by the file's time: an order that puts a date after the file was written is ruled out", () => {
    // June 12th or December 6th: a file last written on June 20th cannot hold December's line.
    assert.equal(yearLastOrder(['06/12/2026 10:00:00 a', '06/12/2026 10:00:01 b'], { referenceTime: local(2026, 6, 20) }), false);
    // The neighbour: written in December, either is possible, and nothing is guessed.
    assert.equal(yearLastOrder(['06/12/2026 10:00:00 a', '06/12/2026 10:00:01 b'], { referenceTime: local(2026, 12, 20) }), undefined);
    // A date inside a message may lie ahead (a scheduled run): it does not order the header's dates (found by break10:
    // every line of the file was read as January 12th).
    const scheduled = ['12/01/2026 10:00:00 INFO a', '12/01/2026 10:00:01 INFO b', '12/01/2026 10:00:02 INFO next run scheduled for 12/05/2026 03:00:00', 'next run scheduled for 12/05/2026 03:00:00'];
    assert.equal(yearLastOrder(scheduled, { referenceTime: local(2026, 12, 1, 12) }), undefined);
    assert.equal(createLineParser(scheduled, { referenceTime: local(2026, 12, 1, 12) }).parse(scheduled[0]).timestamp, undefined);
    const lines = ['06/12/2026 10:00:00 ERROR disk full', '06/12/2026 10:00:01 INFO retrying'];
    assert.equal(createLineParser(lines, { referenceTime: local(2026, 6, 20) }).parse(lines[0]).timestamp, local(2026, 6, 12, 10));
    // Two-digit years too (yy/MM/dd, dd/MM/yy or the C locale's MM/dd/yy): a real day in some order is a header's date.
    assert.equal(unorderedDateEnd('11/30/26 10:00:00 ERROR x', 0), 17);
    assert.equal(unorderedDateEnd('[12/01/2026, 5:00:01 AM] x', 0), 24);
    assert.equal(unorderedDateEnd('13/13/13 10:00:00 x', 0), -1);
    const later = createLineParser(lines, { referenceTime: local(2026, 12, 20) });
    assert.equal(later.parse(lines[0]).timestamp, undefined);
    assert.equal(later.parse(lines[0]).level, 'ERROR');
    assert.equal(later.parse(lines[0]).message, 'disk full');
  });

  it("Node-RED's console: `25 Jan 20:25:10 - [debug] ` is the time and the level", () => {
    const lines = [
      '28 Apr 05:57:09 - [info] Node-RED version: v0.15.3',
      '25 Jan 20:25:10 - [debug] Module: node-red-contrib-amazon-echo 0.1.4',
      '25 Jan 20:25:10 - [warn] ------------------------------------------------------',
      '25 Jan 20:25:10 - [info] Starting flows',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const info = parser.parse(lines[0]);
    assert.equal(info.message, 'Node-RED version: v0.15.3');
    assert.equal(info.level, 'INFO');
    assert.equal(info.timestamp, local(2026, 4, 28, 5, 57, 9));
    assert.equal(parser.parse(lines[1]).level, 'DEBUG');
    assert.equal(parser.parse(lines[2]).level, 'WARN');
    assert.equal(parser.parse(lines[3]).message, 'Starting flows');
  });

  it("Mumble: a level letter in angle brackets glued to the time (`<W>2021-12-05 08:34:13.050`) is the level and the time, also behind docker compose's prefix", () => {
    const lines = [
      '<W>2021-12-05 08:34:13.050 Initializing settings from /etc/mumble-server.ini (basepath /etc)',
      '<W>2021-12-05 08:34:13.051 MurmurIce: Endpoint "tcp -h 127.0.0.1 -p 6502" running',
      '<C>2021-12-05 08:34:13.060 Failed to bind to port',
      'murmur    | <W>2022-08-08 03:35:59.967 Initializing settings from /config/murmur.ini (basepath /config)',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const first = parser.parse(lines[0]);
    assert.equal(first.message, 'Initializing settings from /etc/mumble-server.ini (basepath /etc)');
    assert.equal(first.level, 'WARN');
    assert.equal(first.timestamp, local(2021, 12, 5, 8, 34, 13, 50));
    assert.equal(parser.parse(lines[2]).level, 'FATAL');
    assert.equal(parser.parse(lines[3]).message, 'Initializing settings from /config/murmur.ini (basepath /config)');
    // Half a bracket is not the form: `<W2021-…` stays the message's.
    assert.notEqual(parser.parse('<W2021-12-05 08:34:13.050 x').level, 'WARN');
  });

  it("supervisor's and logrus' four-letter level columns (DEBG, ERRO) are levels", () => {
    const lines = [
      '2012-03-08 12:06:36,177 DEBG fd 7 closed, stopped monitoring <POutputDispatcher at 39415392 (stdout)>',
      '2012-03-08 12:06:36,177 INFO exited: webserver (exit status 0; not expected)',
      '2012-03-08 12:06:36,178 DEBG received SIGCLD indicating a child quit',
      '2012-03-08 12:06:37,001 ERRO pool webserver event buffer overflowed, discarding event 31',
      '2012-03-08 12:06:34,101 CRIT Set uid to user 0',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const debug = parser.parse(lines[0]);
    assert.equal(debug.level, 'DEBUG');
    assert.equal(debug.message, 'fd 7 closed, stopped monitoring <POutputDispatcher at 39415392 (stdout)>');
    assert.equal(parser.parse(lines[2]).message, 'received SIGCLD indicating a child quit');
    assert.equal(parser.parse(lines[3]).level, 'ERROR');
    assert.equal(parser.parse(lines[3]).message, 'pool webserver event buffer overflowed, discarding event 31');
  });

  it("Varnish's foreground console: after `Error: ` a word and its parenthesis are the message's, as the syslog lines of the file print them", async () => {
    const lines = [
      'Aug 21 13:23:37 VARNISH01 varnishd[27752]: Child (9432) died signal=11',
      'Aug 21 13:23:37 VARNISH01 varnishd[27752]: Child (20424) said Child starts',
      'Aug 21 13:23:45 VARNISH01 varnishd[27752]: Child (20424) died signal=11',
      'Aug 21 13:23:45 VARNISH01 varnishd[27752]: Child (21045) said Child starts',
      'Error: Child (31885) died signal=6',
      'Info: Child (9664) said Child starts',
      'Error: Child (31885) Last panic at: Fri, 13 May 2016 13:27:13 GMT',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const error = parser.parse(lines[4]);
    assert.equal(error.message, 'Child (31885) died signal=6');
    assert.equal(error.level, 'ERROR');
    assert.equal(parser.parse(lines[5]).message, 'Child (9664) said Child starts');
    assert.equal(parser.parse(lines[6]).message, 'Child (31885) Last panic at: Fri, 13 May 2016 13:27:13 GMT');
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[4], templates[0]);
    assert.equal(templates[5], templates[1]);
    // A thread's parenthesis right after the level is still the header's.
    const thread = createLineParser(['INFO (MainThread) started worker 3', 'WARN (pool-1) queue is full']);
    assert.equal(thread.parse('INFO (MainThread) started worker 3').message, 'started worker 3');
  });

  it('ten digits glued to letters are a hex id, not epoch seconds; after a word on a line read alone, ten digits are a value', () => {
    const epoch = TIMESTAMP_PATTERNS.find((p) => p.id === 'epoch')!;
    assert.equal(matchTimestampAt('session 1832770766a5e1d renewed', 8, epoch, {}), undefined);
    assert.ok(matchTimestampAt('1832770766 renewed', 0, epoch, {})?.epoch !== undefined);
    const parser = createLineParser(['Jan  5 08:01:38 fope-5 appd[980]: session 1832770766 renewed for 33 sec']);
    assert.equal(parser.parse('Jan  5 08:01:38 fope-5 appd[980]: session 1832770766 renewed for 33 sec').message, 'session 1832770766 renewed for 33 sec');
  });

  it("busybox syslogd's and OpenWrt's `host facility.level tag:` (RedMatic's Node-RED) is a syslog header with its level, amid the console's lines", async () => {
    const lines = [
      '25 Jan 20:25:10 - [info] Node-RED version: v0.19.5',
      '25 Jan 20:25:10 - [debug] Module: node-red-contrib-amazon-echo 0.1.4',
      '25 Jan 20:25:10 - [debug] Module: node-red-node-email 0.1.29',
      '25 Jan 20:25:10 - [info] Starting flows',
      'Sep 27 17:23:47 homematic-ccu2 daemon.debug node-red[28501]: Module: node-red-contrib-sunevents 0.0.5',
      'Aug 17 21:19:25 ccu3 daemon.info node-red[1795]: Node-RED version: v1.1.3',
      'Aug 17 21:19:25 ccu3 daemon.err node-red[1795]: Error loading flows',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const wrapped = parser.parse(lines[4]);
    assert.equal(wrapped.message, 'Module: node-red-contrib-sunevents 0.0.5');
    assert.equal(wrapped.level, 'DEBUG');
    assert.equal(wrapped.component, 'node-red[28501]');
    assert.equal(parser.parse(lines[6]).level, 'ERROR');
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[5], templates[0]);
    // Not a facility: a word with a dot before a program's tag stays a host's or the message's.
    const other = createLineParser(['Aug 17 21:19:25 ccu3 web.info node-red[1795]: Stopped flows', 'Aug 17 21:19:26 ccu3 web.info node-red[1795]: Started flows']);
    assert.equal(other.parse('Aug 17 21:19:25 ccu3 web.info node-red[1795]: Stopped flows').level, undefined);
  });

  it("OpenWrt's `ctime facility.level tag[pid]:` in front of the program's own header: the program's level and time, not procd's `daemon.err`", () => {
    // procd logs every line a service writes to stderr as daemon.err; the program's own header says what it was.
    const lines = [
      '2020/07/28 14:45:55 12432#17 [debug] Clients: added 8 client aliases from system hosts-file',
      '2020/07/28 14:45:55 12432#12 [info] Go to http://127.0.0.1:80',
      'Fri Jun  9 03:56:57 2023 daemon.err AdGuardHome[27265]: 2023/06/08 19:56:57.106062 [info] dnsproxy: max goroutines is set to 500',
      'Fri Jun  9 03:56:57 2023 daemon.err AdGuardHome[27265]: 2023/06/08 19:56:57.106544 [info] dnsproxy: creating udp server socket 0.0.0.0:5553',
      'Fri Jun  9 03:56:57 2023 daemon.err AdGuardHome[27265]: 2023/06/08 19:56:57.107261 [error] dnsproxy: listening to udp://[::]:5553 failed',
      'Fri Jun  9 03:56:58 2023 daemon.err dropbear[1795]: Exit before auth from <10.0.0.9:51000>',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const info = parser.parse(lines[2]);
    assert.equal(info.level, 'INFO');
    assert.equal(info.message, 'dnsproxy: max goroutines is set to 500');
    assert.equal(info.timestamp, local(2023, 6, 8, 19, 56, 57, 106));
    assert.equal(info.component, 'AdGuardHome[27265]');
    assert.equal(parser.parse(lines[4]).level, 'ERROR');
    // Without a header of its own, the line keeps the transport's level.
    const plain = parser.parse(lines[5]);
    assert.equal(plain.level, 'ERROR');
    assert.equal(plain.message, 'Exit before auth from <10.0.0.9:51000>');
  });

  it("an arrow or dash standing alone after the header is neither header nor message (freshclam's `<ctime> -> `, Pi-hole FTL's list)", async () => {
    const lines = [
      'Sun May  7 00:12:44 2023 -> daily database available for download (remote version: 26898)',
      'Fri Aug  2 17:42:41 2024 -> daily database available for download (remote version: 27355)',
      'daily database available for download (remote version: 27097)',
      'Sun May  7 00:12:44 2023 -> Downloading daily-26899.cdiff [100%]',
      'Sun May  7 00:12:45 2023 => Testing database',
      'Sun May  7 00:12:45 2023 ->Database test passed.',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.parse(lines[0]).message, 'daily database available for download (remote version: 26898)');
    assert.equal(parser.parse(lines[4]).message, 'Testing database');
    // Glued to the word, the arrow is the message's own.
    assert.equal(parser.parse(lines[5]).message, '->Database test passed.');
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(new Set(templates.slice(0, 3)).size, 1, templates.join(' / '));
    const pihole = createLineParser(['[2019-02-12 10:18:42.871] Imported 57706 queries from the long-term database', '[2019-02-12 10:18:42.873]  -> Total DNS queries: 57706']);
    assert.equal(pihole.parse('[2019-02-12 10:18:42.873]  -> Total DNS queries: 57706').message, 'Total DNS queries: 57706');
  });

  it("a level padded to its column before its colon (Frigate's `logger   INFO    : `, Python's `%(levelname)-8s: `) takes the colon", () => {
    const lines = [
      '2021-04-13T07:18:25.098772753Z frigate.stats                  INFO    : Exiting watchdog...',
      '2021-04-13T07:18:25.918740840Z frigate.events                 INFO    : Exiting event processor...',
      '2022-11-14T13:33:43.000000000Z frigate.app                    WARNING : CPU detectors are not recommended',
      '2022-11-14T13:33:44.000000000Z frigate.app                    INFO    : Camera processor started for garage: 222',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.parse(lines[0]).message, 'Exiting watchdog...');
    assert.equal(parser.parse(lines[2]).message, 'CPU detectors are not recommended');
    assert.equal(parser.parse(lines[2]).level, 'WARN');
    // The message's own `key: value` after the level stays whole.
    assert.equal(parser.parse(lines[3]).message, 'Camera processor started for garage: 222');
  });

  it('an RFC 5424 record whose sender pads a field with a second space is read as one (Kea behind OPNsense)', async () => {
    const lines = [
      '<134>1 2024-04-05T21:44:27+00:00 fw.something.com kea-dhcp4 91064 - [meta sequenceId="17350"] INFO  [kea-dhcp4.leases.0x834f58200] DHCP4_LEASE_ALLOC [hwtype=1 ab:cd:ef:12:34:56], tid=0x387fef6: lease 172.2.1.100 has been allocated for 4000 seconds',
      '<134>1 2024-04-05T21:44:28+00:00  fw.something.com kea-dhcp4 91064 - [meta sequenceId="17351"] INFO  [kea-dhcp4.leases.0x834f58200] DHCP4_LEASE_ALLOC [hwtype=1 ab:cd:ef:12:34:57], tid=0x387fef7: lease 172.2.1.101 has been allocated for 4000 seconds',
      '<131>1 2024-04-05T21:44:29+00:00  fw.something.com kea-dhcp4 91064 - [meta sequenceId="17352"] ERROR [kea-dhcp4.dhcp4.0x834f58200] DHCP4_PACKET_DROP_0001 failed to parse packet',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const padded = parser.parse(lines[1]);
    assert.equal(padded.timestamp, Date.UTC(2024, 3, 5, 21, 44, 28));
    assert.ok(padded.message.startsWith('DHCP4_LEASE_ALLOC'), padded.message);
    assert.equal(parser.parse(lines[2]).level, 'ERROR');
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[0], templates[1]);
  });
});
