// One statement printed in several renderings inside one file (a daemon's own line and its syslog copy, a logger's
// structured record and its console line, a bare print and the logger-prefixed copy): the message the miner is given
// is the same text whatever rendering carried it, while each line keeps its own level, time and component. Real lines
// from public bug reports (test/fixtures/real-excerpts, batch 11) with neighbours that must stay as they are.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { learnLeadColumns } from '../../../servers/logs/format/lead-columns';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('one statement in several renderings of one file', () => {
  it('a program tag repeated behind the syslog tag, and rsyslog\'s #011 tab, are header: the statement meets its bare line', () => {
    // Guacamole's guacd: its own `guacd[pid]: LEVEL:\t` line to stderr, captured by the journal under `guacd:`.
    const lines = [
      'Jan 29 19:08:05 bc guacd: guacd[1244]: INFO:#011Creating new client for protocol "rdp"',
      'Jan 29 19:08:05 bc guacd[1244]: Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Jan 29 19:08:05 bc guacd: guacd[1244]: INFO:#011Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Jan 29 19:08:05 bc guacd[9642]: Support for protocol "rdp" is not installed',
      'Jan 29 19:08:05 bc guacd: guacd[9642]: WARNING:#011Support for protocol "rdp" is not installed',
      'Jan 29 19:08:05 bc guacd[1244]: Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Jan 29 19:08:05 bc guacd: guacd[1244]: INFO:#011Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Jan 29 19:08:35 bc guacd[1244]: Creating new client for protocol "rdp"',
      'Aug 23 09:40:20 dc-terminal guacd[37488]: guacd[37488]: WARNING:        FreeRDP initialization may fail',
      // Neighbours: a tag repeated with no level after it is the message's (no header of the program's own), and a
      // `#012` (an escaped newline inside a record) stays as written.
      'Jan 29 19:08:36 bc kernel: kernel[0]: stray text after a tag',
      'Jan 29 19:08:37 bc app[7]: ticket #012 closed',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), [
      'Creating new client for protocol "rdp"',
      'Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Support for protocol "rdp" is not installed',
      'Support for protocol "rdp" is not installed',
      'Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Creating new client for protocol "rdp"',
      'FreeRDP initialization may fail',
      'kernel[0]: stray text after a tag',
      'ticket #012 closed',
    ]);
    assert.deepEqual(out.map((p) => p.level), ['INFO', undefined, 'INFO', undefined, 'WARN', undefined, 'INFO', undefined, 'WARN', undefined, undefined]);
    assert.equal(out[2].timestamp, new Date(2026, 0, 29, 19, 8, 5).getTime());
    assert.equal(out[2].component, 'guacd[1244]');
  });

  // break18: any `#011` in the sample turned on the decoding, and an order number got a tab.
  it("a `#011` after a space (an order number) or before hex digits (a CSS colour) is text, not rsyslog's tab", () => {
    const lines = ['2026-12-01 10:00:00 INFO order #011 shipped to Berlin', '2026-12-01 10:00:01 INFO order #012 shipped to Paris', '2026-12-01 10:00:02 INFO theme color:#011f4b saved', '2026-12-01 10:00:03 INFO order #013 shipped to Rome'];
    const parser = createLineParser(lines);
    assert.equal(parser.parse(lines[0]).message, 'order #011 shipped to Berlin');
    assert.equal(parser.parse(lines[2]).message, 'theme color:#011f4b saved');
  });

  it('a logfmt-like console record writes its message unquoted: the words up to the record\'s pairs are the message, as in its JSON copy', () => {
    // Temporal: its text encoder beside its zap JSON; structlog's console key=value form beside its JSON (message key
    // `event`), as authentik writes both.
    const lines = [
      'INF ts=2024-01-19T03:53:00.499Z msg=Current reachable members component=service-resolver service=frontend addresses=["127.0.0.1:7233"] logging-call-at=service_resolver.go:279',
      '{"level":"info","ts":"2022-03-28T17:21:10.253Z","msg":"Current reachable members","service":"history","component":"service-resolver","addresses":["0.0.0.0:7239"],"logging-call-at":"rpServiceResolver.go:266"}',
      'DBG | event=Loaded config logger=authentik.lib.config timestamp=1742547473.5752518 file=/authentik/lib/default.yml ',
      '{"event": "Loaded config", "level": "debug", "logger": "authentik.lib.config", "timestamp": 1742547473.57, "file": "/authentik/lib/default.yml"}',
      // Neighbours: a quoted message is read as before; a message key beside `msg` is a field; bare words followed by
      // text that is not pairs to the end are not cut at a `=` inside the prose.
      'level=info ts=2024-01-19T03:53:01Z msg="Started Worker" service=worker',
      'level=info ts=2024-01-19T03:53:02Z msg="user created" event=signup',
      'level=warn ts=2024-01-19T03:53:03Z msg=set x=5 for all workers',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), [
      'Current reachable members',
      'Current reachable members',
      'Loaded config',
      'Loaded config',
      'Started Worker',
      'user created',
      'set',
    ]);
    // Each line keeps its own time, level and logger (the console lines' three-letter levels are read, or not, as before).
    assert.deepEqual([out[1].level, out[3].level, out[4].level, out[6].level], ['INFO', 'DEBUG', 'INFO', 'WARN']);
    assert.equal(out[0].timestamp, Date.UTC(2024, 0, 19, 3, 53, 0, 499));
    assert.equal(out[0].component, 'service-resolver');
    assert.equal(out[2].timestamp, 1742547473575);
    assert.equal(out[2].component, 'authentik.lib.config');
  });

  it('a level and a logger glued by colons (Python\'s BASIC_FORMAT) are header where the file shows the text after them standing alone', () => {
    // Superset: `logging.basicConfig()`'s lines beside the statements printed bare by its own handler.
    const lines = [
      'logging was configured successfully',
      'INFO:superset.utils.logging_configurator:logging was configured successfully',
      'No PIL installation found',
      'INFO:superset.utils.screenshots:No PIL installation found',
      'INFO:werkzeug: * Running on http://127.0.0.1:8888/ (Press CTRL+C to quit)',
      'WARNING:werkzeug: * Debugger is active!',
      'Loaded your LOCAL configuration at [/home/ec2-user/superset_config.py]',
      '2023-09-30 20:55:12,234:INFO:superset.utils.logging_configurator:logging was configured successfully',
      // Neighbours: a level and prose (a space after the colon: the header reads that level, as before), a URL, a
      // `key:value` of prose are no glued run.
      'ERROR: relation "users" does not exist',
      'see http://example.org:8080/docs for details',
      'note:remember to rotate the keys',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), [
      'logging was configured successfully',
      'logging was configured successfully',
      'No PIL installation found',
      'No PIL installation found',
      '* Running on http://127.0.0.1:8888/ (Press CTRL+C to quit)',
      '* Debugger is active!',
      'Loaded your LOCAL configuration at [/home/ec2-user/superset_config.py]',
      'logging was configured successfully',
      'relation "users" does not exist',
      'see http://example.org:8080/docs for details',
      'note:remember to rotate the keys',
    ]);
    assert.deepEqual(out.map((p) => p.level).slice(0, 8), [undefined, 'INFO', undefined, 'INFO', 'INFO', 'WARN', undefined, 'INFO']);
    assert.deepEqual(out.map((p) => p.component).slice(0, 6), [undefined, 'superset.utils.logging_configurator', undefined, 'superset.utils.screenshots', 'werkzeug', 'werkzeug']);
  });

  it('a glued run is no header where the file never shows its text standing alone (one line is chance)', () => {
    // A made-up file of `key:value` words opening its statements: no statement stands alone, nothing is cut. (Python's
    // own BASIC_FORMAT, its level names in capitals, is its header without that evidence: the next test.)
    const lines = [
      'Info:cache:warm',
      'Info:cache.hits:1200 hits in the last minute',
      'Info:cache.misses:14 misses in the last minute',
      'Debug:pool:size=8 idle=3',
      '1200 hits in the last minute',
    ];
    assert.deepEqual(parsed(lines).map((p) => p.message).slice(0, 4), ['Info:cache:warm', 'Info:cache.hits:1200 hits in the last minute', 'Info:cache.misses:14 misses in the last minute', 'Debug:pool:size=8 idle=3']);
  });

  it("Python's BASIC_FORMAT (`INFO:cache:warm`, the level names as Python writes them) is header with no statement standing alone", () => {
    // The layout of every script that calls logging.basicConfig() without a format: the whole file is written so, and no
    // statement ever stands alone; read as text, each line's level word and logger stayed in its message (pylevel17).
    const lines = ['INFO:cache:warm', 'INFO:cache.hits:1200 hits in the last minute', 'INFO:cache.misses:14 misses in the last minute', 'DEBUG:pool:size=8 idle=3'];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), ['warm', '1200 hits in the last minute', '14 misses in the last minute', 'size=8 idle=3']);
    assert.deepEqual(out.map((p) => [p.level, p.component]), [['INFO', 'cache'], ['INFO', 'cache.hits'], ['INFO', 'cache.misses'], ['DEBUG', 'pool']]);
  });

  it('a Java class name with its colon left after another header form is a logger column where the file shows its statements without it', () => {
    // JMeter 2.x's logkit form (`INFO  - jmeter.JMeter: …`) beside 5.x's log4j2 form (`INFO o.a.j.JMeter: …`).
    const lines = [
      '2014/04/08 22:16:22 INFO  - jmeter.util.JMeterUtils: Setting Locale to en_US ',
      '2014/04/08 22:16:22 INFO  - jmeter.JMeter: Loading user properties from: /usr/local/Cellar/jmeter/2.11/libexec/bin/user.properties ',
      '2014/04/08 22:16:22 INFO  - jmeter.JMeter: Loading system properties from: /usr/local/Cellar/jmeter/2.11/libexec/bin/system.properties ',
      '2014/04/08 22:16:22 INFO  - jmeter.JMeter: Version 2.11 r1554548 ',
      '2014/04/08 22:16:22 INFO  - jmeter.JMeter: java.version=1.7.0_51 ',
      '2019-10-16 21:01:25,706 INFO o.a.j.u.JMeterUtils: Setting Locale to en_EN',
      '2019-10-16 21:01:25,707 INFO o.a.j.JMeter: Loading user properties from: /opt/ggs/config/ggs.properties',
      '2019-10-16 21:01:25,708 INFO o.a.j.JMeter: Loading system properties from: /opt/jmeter/bin/system.properties',
      '2019-10-16 21:01:25,725 INFO o.a.j.JMeter: Version 5.1 r1853635',
      '2019-10-16 21:01:25,726 INFO o.a.j.JMeter: java.version=1.8.0_222',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message.trim()), [
      'Setting Locale to en_US',
      'Loading user properties from: /usr/local/Cellar/jmeter/2.11/libexec/bin/user.properties',
      'Loading system properties from: /usr/local/Cellar/jmeter/2.11/libexec/bin/system.properties',
      'Version 2.11 r1554548',
      'java.version=1.7.0_51',
      'Setting Locale to en_EN',
      'Loading user properties from: /opt/ggs/config/ggs.properties',
      'Loading system properties from: /opt/jmeter/bin/system.properties',
      'Version 5.1 r1853635',
      'java.version=1.8.0_222',
    ]);
    assert.ok(out.every((p) => p.level === 'INFO'));
  });

  it('a Java class name opening statements is kept where the file never shows them without it', () => {
    // Made-up: a program that names the class each statement is about, never a statement without it or behind another.
    const lines = [
      'org.example.Main: class loaded from jar',
      'org.example.Main: class loaded from jar',
      'org.example.Worker: pool started with 4 threads',
    ];
    assert.equal(learnLeadColumns(lines), undefined);
  });

  it("a bracketed level glued by a colon to the subsystem's `name:` is the level column, as `] ` is (Tvheadend's file form)", () => {
    // Tvheadend's tvhlog: `[ LEVEL] subsys: ` on its console and 4.2's log file `[ LEVEL]:subsys: `, 3.9's without a
    // date, and a 2019 docker log without the level: one statement, one message, each line its own level and subsystem.
    const lines = [
      '2015-03-19 13:15:50.292 [   INFO] main: Log started',
      '2015-03-19 13:15:50.323 [   INFO] config: loaded',
      '2015-03-19 13:15:53.136 [WARNING] access: Access control checking disabled',
      '2018-05-19 10:25:59.100 [   INFO]:main: Log started',
      '2018-05-19 10:25:59.102 [  DEBUG]:config: no configuration, loading defaults',
      '2018-05-19 10:25:59.206 [   INFO]:config: loaded',
      '2023-12-19 12:48:03.772 [WARNING] linuxdvb: Unable to provide BER value.',
      '2023-12-19 12:48:03.772 [WARNING] linuxdvb: Unable to provide UNC value.',
      '2019-02-20 10:29:23.306 linuxdvb: Unable to provide UNC value.',
      '[  ERROR]:HTTP: 89.27.5.135: /api/idnode/load -- 400',
      // Neighbours: a glued colon not followed by a name is no level column; a name the file never shows as a
      // component stays in a level-less line's message (a nameless statement with a colon of its own).
      '2019-02-20 10:29:24.000 [INFO]:: odd',
      '2019-02-20 10:29:25.000 retune: nodata on adapter 0',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), [
      'Log started',
      'loaded',
      'Access control checking disabled',
      'Log started',
      'no configuration, loading defaults',
      'loaded',
      'Unable to provide BER value.',
      'Unable to provide UNC value.',
      'Unable to provide UNC value.',
      '89.27.5.135: /api/idnode/load -- 400',
      '[INFO]:: odd',
      'retune: nodata on adapter 0',
    ]);
    assert.deepEqual(out.map((p) => p.level), ['INFO', 'INFO', 'WARN', 'INFO', 'DEBUG', 'INFO', 'WARN', 'WARN', undefined, 'ERROR', undefined, undefined]);
    assert.deepEqual(out.map((p) => p.component), ['main', 'config', 'access', 'main', 'config', 'config', 'linuxdvb', 'linuxdvb', 'linuxdvb', 'HTTP', undefined, undefined]);
    assert.equal(out[8].timestamp, new Date(2019, 1, 20, 10, 29, 23, 306).getTime());
  });
});
