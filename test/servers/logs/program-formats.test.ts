// Layouts that carry their level or time in a program's own shape (logrus on a terminal, dmesg, Xorg, Celery, zap's
// console encoder with its fields as JSON, terminal colors): detected, levels and times read, header cut from the
// message; and lines stamped with seconds since start keep no wall-clock time and take no level from above.
import assert from 'node:assert/strict';
import { createLineParser, stripEscapeCodes } from '../../../servers/logs/format/detect';
import { parseWithHeader } from '../../../servers/logs/format/header';
import type { ParsedLine } from '../../../servers/logs/format/types';

const REFERENCE = { referenceTime: Date.UTC(2026, 10, 30) };

function parseAll(lines: string[]): { id: string; parsed: ParsedLine[] } {
  const parser = createLineParser(lines, REFERENCE);
  return { id: parser.format.id, parsed: lines.map((line) => parser.parse(line)) };
}

describe('logs: program-shaped layouts (logrus, dmesg, Xorg, Celery)', () => {
  it('logrus on a terminal: four-letter levels glued to seconds since start (no time) or to a full time', () => {
    const { id, parsed } = parseAll([
      'INFO[0000] starting containerd                           module=containerd',
      'ERRO[0003] failed to start container                     container=4f1c9b',
      'WARN[2018-02-02T09:23:05.575578120-02:00] slow disk                       device=sda',
      'FATA[0009] Error starting daemon: pid file found',
      'PANI[0010] unrecoverable',
      'TRAC[0010] tick',
    ]);
    assert.equal(id, 'logrus');
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'ERROR', 'WARN', 'FATAL', 'FATAL', 'TRACE']);
    assert.equal(parsed[0].timestamp, undefined, '[0000] is seconds since start, not a time');
    assert.equal(parsed[2].timestamp, Date.UTC(2018, 1, 2, 11, 23, 5, 575));
    // The fields padded after the message are cut, as logrus's logfmt form keeps them out of msg (format/padded-fields.ts).
    assert.equal(parsed[1].message, 'failed to start container');
  });

  it("a level glued to its thread's id and a call's (`VERBOSE[15558][C-000009fa]`, `NOTICE[2225]:`) is the level, the source file after it the component", async () => {
    // Asterisk's full log: `[time] LEVEL[thread][call] file.c: message`; the call's id is written on some lines only.
    const lines = [
      '[2023-04-13 18:46:50] VERBOSE[5495][C-00000003] pbx.c: Executing [dstring@macro-dial-one:15] Set("PJSIP/100-04", "ITER=2") in new stack',
      '[2023-04-13 18:46:50] VERBOSE[5495][C-00000003] pbx.c: Executing [s@macro-dial-one:28] GotoIf("PJSIP/100-04", "0?nodial") in new stack',
      '[2023-04-13 18:46:51] NOTICE[1362] chan_sip.c: Peer 668 is now UNREACHABLE!',
      '[2023-04-13 18:46:52] WARNING[1362]: chan_sip.c: Peer 668 is now Reachable.',
      '[2023-04-13 18:46:53] ERROR[1814] chan_sip.c: Registration from 104 failed',
    ];
    const { id, parsed } = parseAll(lines);
    assert.notEqual(id, 'logrus', 'a thread-glued level after a time is not logrus');
    assert.deepEqual(parsed.map((p) => p.level), ['TRACE', 'TRACE', 'INFO', 'WARN', 'ERROR']);
    assert.deepEqual(parsed.map((p) => p.component), ['pbx.c', 'pbx.c', 'chan_sip.c', 'chan_sip.c', 'chan_sip.c']);
    assert.equal(parsed[0].message, 'Executing [dstring@macro-dial-one:15] Set("PJSIP/100-04", "ITER=2") in new stack');
    assert.equal(parsed[0].timestamp, new Date(2023, 3, 13, 18, 46, 50).getTime());
  });

  it("a process id glued by a colon to a compact date and time (`   173:20251118:081245.011`, Zabbix's `%6d:%Y%m%d:%H%M%S.%03d`) is the header", () => {
    const lines = [
      '    64:20150527:015042.452 Starting Zabbix Agent [Zabbix server]. Zabbix 2.4.5 (revision 53282).',
      '    64:20150527:015042.452 using configuration file: /etc/zabbix/zabbix_agentd.conf',
      '   173:20251118:081245.011 cannot send list of active checks to "172.17.0.1": host [localhost] not found',
      '101405:20180615:093827.654 item "Fluffy1:rabbitmq[queues]" became not supported: Unsupported item key.',
    ];
    const { parsed } = parseAll(lines);
    assert.deepEqual(parsed.map((p) => p.message), [
      'Starting Zabbix Agent [Zabbix server]. Zabbix 2.4.5 (revision 53282).',
      'using configuration file: /etc/zabbix/zabbix_agentd.conf',
      'cannot send list of active checks to "172.17.0.1": host [localhost] not found',
      'item "Fluffy1:rabbitmq[queues]" became not supported: Unsupported item key.',
    ]);
    assert.equal(parsed[2].timestamp, new Date(2025, 10, 18, 8, 12, 45, 11).getTime());
    // A number glued by a colon to what is no time stays text (`8080:tcp open`).
    assert.equal(parseAll(['8080:tcp open', '8081:tcp closed']).parsed[0].message, '8080:tcp open');
  });

  it('reads lines written with terminal colors as if they had none, and pays nothing when a file has none', () => {
    const { id, parsed } = parseAll(['\u001b[36mINFO\u001b[0m[0000] started', '\u001b[31mERRO\u001b[0m[0003] failed to start']);
    assert.equal(id, 'logrus');
    assert.deepEqual(parsed.map((p) => [p.level, p.message]), [['INFO', 'started'], ['ERROR', 'failed to start']]);
    const plain = 'no colors here';
    assert.equal(stripEscapeCodes(plain), plain);
    assert.equal(stripEscapeCodes('a\u001b[1;31mb\u001b[0m c'), 'ab c');
  });

  it('dmesg: the uptime stamp is cut, no line gets a time, and a stamped line never takes the level of the line above', () => {
    const { id, parsed } = parseAll([
      '[    0.000000] Linux version 6.1.0-18-amd64',
      '[  301.556012] WARNING: CPU: 1 PID: 42 at kernel/workqueue.c:3066 __flush_work+0x2b/0x40',
      '[  301.556020]  <TASK>',
      '[  302.000114] e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex',
    ]);
    assert.equal(id, 'dmesg');
    assert.deepEqual(parsed.map((p) => p.message), ['Linux version 6.1.0-18-amd64', 'WARNING: CPU: 1 PID: 42 at kernel/workqueue.c:3066 __flush_work+0x2b/0x40', '<TASK>', 'e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex']);
    assert.ok(parsed.every((p) => p.timestamp === undefined));
    assert.equal(parsed[1].level, 'WARN');
    // The indented call trace belongs to the warning above; the next stamped line is an entry of its own.
    assert.deepEqual(parsed.map((p) => p.standalone === true), [true, false, false, true]);
  });

  it('dmesg -x: facility and level decoded; dmesg -r: the raw priority; dmesg -T: a wall-clock time', () => {
    const decoded = parseAll(['kern  :notice: [    0.000000] Linux version 6.1.0', 'kern  :err   : [    3.211480] ata2: COMRESET failed (errno=-16)', 'user  :warn  : [    4.000000] something odd']);
    assert.equal(decoded.id, 'dmesg');
    assert.deepEqual(decoded.parsed.map((p) => [p.level, p.component, p.message]), [
      ['INFO', 'kern', 'Linux version 6.1.0'],
      ['ERROR', 'kern', 'ata2: COMRESET failed (errno=-16)'],
      ['WARN', 'user', 'something odd'],
    ]);
    const raw = parseAll(['<5>[    0.000000] Linux version 6.1.0', '<3>[    3.211480] ata2: COMRESET failed (errno=-16)', '<4>[    4.000000] something odd']);
    assert.equal(raw.id, 'dmesg');
    assert.deepEqual(raw.parsed.map((p) => [p.level, p.message]), [
      ['INFO', 'Linux version 6.1.0'],
      ['ERROR', 'ata2: COMRESET failed (errno=-16)'],
      ['WARN', 'something odd'],
    ]);
    const ctime = parseAll(['[Sun Nov 29 10:15:00 2026] Linux version 6.1.0', '[Sun Nov 29 10:15:01 2026] audit: initializing netlink socket']);
    assert.equal(ctime.parsed[0].message, 'Linux version 6.1.0');
    assert.notEqual(ctime.parsed[0].timestamp, undefined);
  });

  it('Xorg: (EE)/(WW)/(II) marks as levels; indented lines after the stamp continue the entry above, whatever they say', () => {
    const { id, parsed } = parseAll([
      '[    19.421] Markers: (--) probed, (**) from config file, (==) default setting,',
      '[    19.421] \t(WW) warning, (EE) error, (NI) not implemented, (??) unknown.',
      '[    19.880] (II) Module glx: vendor="X.Org Foundation"',
      '[    19.880] \tcompiled for 1.21.1.7, module version = 1.0.0',
      '[    19.901] (WW) Falling back to old probe method for modesetting',
      '[    19.903] (EE) Failed to load module "nvidia" (module does not exist, 0)',
      '[    19.910] (==) Using config file: "/etc/X11/xorg.conf"',
    ]);
    assert.equal(id, 'xorg');
    assert.deepEqual(parsed.map((p) => p.level), [undefined, undefined, 'INFO', undefined, 'WARN', 'ERROR', 'INFO']);
    assert.deepEqual(parsed.map((p) => p.standalone === true), [true, false, false, false, false, false, false]);
    assert.equal(parsed[5].message, 'Failed to load module "nvidia" (module does not exist, 0)');
    assert.ok(parsed.every((p) => p.timestamp === undefined));
  });

  it('Celery: [time: LEVEL/process] opens each line', () => {
    const { id, parsed } = parseAll([
      '[2026-11-29 10:15:00,001: INFO/MainProcess] Connected to redis://localhost:6379/0',
      '[2026-11-29 10:15:01,449: WARNING/ForkPoolWorker-3] SMTP slow, retrying',
      '[2026-11-29 10:15:02,001: ERROR/ForkPoolWorker-3] Task shop.tasks.send_receipt[2abe14c4] raised unexpected: ConnectionRefusedError(111)',
      '[2026-11-29 10:15:05,000: CRITICAL/MainProcess] Unrecoverable error',
    ]);
    assert.equal(id, 'bracket-time-level');
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'WARN', 'ERROR', 'FATAL']);
    assert.equal(parsed[0].message, 'Connected to redis://localhost:6379/0');
    assert.equal(parsed[1].timestamp, new Date(2026, 10, 29, 10, 15, 1, 449).getTime());
  });

  it("Rust env_logger: [time LEVEL module] opens each line (the level between the time and the module, inside the bracket)", () => {
    const { id, parsed } = parseAll([
      '[2026-11-30T10:00:00Z INFO  my_app] starting up',
      '[2026-11-30T10:00:01Z ERROR my_app::db] connection failed: Connection refused (os error 111)',
      '[2026-11-30T10:00:02Z WARN  my_app::cache] cache miss',
      '[2026-11-30T10:00:03Z DEBUG hyper::proto::h1::io] flushed 123 bytes',
    ]);
    assert.equal(id, 'bracket-time-level');
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'ERROR', 'WARN', 'DEBUG']);
    assert.equal(parsed[1].message, 'connection failed: Connection refused (os error 111)');
    assert.equal(parsed[1].timestamp, Date.UTC(2026, 10, 30, 10, 0, 1));
  });

  it('zap console lines ending in their fields as JSON are text with a header, not JSON records', () => {
    const { id, parsed } = parseAll([
      '2026-11-29T10:15:00.001Z\tINFO\tapi\tcmd/main.go:31\tserver started\t{"addr": ":8080"}',
      '2026-11-29T10:15:02.123Z\tERROR\tapi\tserver/handler.go:42\trequest failed\t{"error": "context deadline exceeded"}',
      '2026-11-29T10:15:04.000Z\tDPANIC\tapi\tserver/handler.go:90\tunexpected nil session\t{"user": 42}',
    ]);
    assert.notEqual(id, 'json');
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'ERROR', 'ERROR']);
    // A time then a JSON record that says what a log record says is still read as JSON.
    const prefixed = parseAll(['2026-11-29T10:15:00Z {"level":"error","msg":"boom"}', '2026-11-29T10:15:01Z {"level":"info","msg":"ok"}']);
    assert.equal(prefixed.id, 'json');
    assert.deepEqual(prefixed.parsed.map((p) => p.level), ['ERROR', 'INFO']);
  });

  it('a bracketed number without a fraction ([1234], often a pid) is not taken for an uptime stamp', () => {
    const { id } = parseAll(['[1234] started worker', '[1235] stopped worker']);
    assert.notEqual(id, 'dmesg');
  });

  it('a time of day without a date opens the header (bare or bracketed) and gives no time; a [thread/LEVEL] bracket gives the level', () => {
    // Minecraft's server log (a real excerpt) and a made-up neighbour with fractions and no level.
    const { id, parsed } = parseAll([
      '[22:47:41] [Server thread/INFO]: st0rm_r1der left the game',
      '[22:48:08] [User Authenticator #3/INFO]: UUID of player st0rm_r1der is 987677e2-1a95-4c06-9daf-071989412f7c',
      '[22:48:09] [Server thread/WARN]: Can\'t keep up! Is the server overloaded?',
      '[23:01:00] [Worker-Main-7/ERROR]: Failed to save chunk',
    ]);
    assert.equal(id, 'bracket-level');
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'WARN', 'ERROR']);
    assert.deepEqual(parsed.map((p) => p.message), ['st0rm_r1der left the game', 'UUID of player st0rm_r1der is 987677e2-1a95-4c06-9daf-071989412f7c', 'Can\'t keep up! Is the server overloaded?', 'Failed to save chunk']);
    // No date is written: each is dated by the file's last write (formats27: timestamps.ts clockEpoch), within the day before it.
    const inDayBefore = (p: ParsedLine) => p.timestamp !== undefined && p.timestamp <= REFERENCE.referenceTime + 5 * 60_000 && p.timestamp > REFERENCE.referenceTime - 86_400_000;
    assert.ok(parsed.every(inDayBefore), 'dated the day of the last write, or the day before');
    const bare = parseAll(['12:00:01.120 worker 3 started', '12:00:02.001 worker 3 stopped', '12:00:02.500 queue empty']);
    assert.deepEqual(bare.parsed.map((p) => p.message), ['worker 3 started', 'worker 3 stopped', 'queue empty']);
    assert.ok(bare.parsed.every((p) => p.standalone && inDayBefore(p)), 'each stamped line is an entry of its own');
    const inside = parseAll(['backup started at 12:00:01', 'backup finished at 12:09:44', 'next run at 18:00:00']);
    assert.deepEqual(inside.parsed.map((p) => p.message), ['backup started at 12:00:01', 'backup finished at 12:09:44', 'next run at 18:00:00'], 'a time further in is the message\'s');
  });

  it('epoch seconds closed by a colon, a time closed by a colon, name:level and a (pid) before a colon are header fields', () => {
    // Mosquitto, Zigbee2MQTT (two versions in one file) and HAProxy 2.x, from real excerpts.
    const mosquitto = parseAll(['1530826284: mosquitto version 1.4.10 starting', '1530826287: New connection from 192.168.1.11 on port 1883.']);
    assert.deepEqual(mosquitto.parsed.map((p) => [p.timestamp, p.message]), [[1530826284000, 'mosquitto version 1.4.10 starting'], [1530826287000, 'New connection from 192.168.1.11 on port 1883.']]);
    const zigbee = parseAll([
      "Zigbee2MQTT:info  2021-12-06 19:14:40: MQTT publish: topic 'z2m/a', payload 'ON'",
      "Zigbee2MQTT:error 2021-12-06 19:14:41: Publish 'set' 'state' to 'z2m/a' failed",
      "info  2022-04-07 18:54:32: MQTT publish: topic 'z2m/b', payload 'OFF'",
      "debug 2022-04-07 18:54:33: Received Zigbee message from 'b'",
    ]);
    assert.deepEqual(zigbee.parsed.map((p) => p.level), ['INFO', 'ERROR', 'INFO', 'DEBUG']);
    assert.deepEqual(zigbee.parsed.map((p) => p.message.slice(0, 13)), ['MQTT publish:', "Publish 'set'", 'MQTT publish:', 'Received Zigb']);
    const haproxy = parseAll(['2023-04-04 15:54:26 [WARNING]  (8) : Server app/app-2 is UP.', '2023-04-04 15:54:37 [ALERT]    (8) : backend app has no server available!']);
    assert.deepEqual(haproxy.parsed.map((p) => [p.level, p.message]), [['WARN', 'Server app/app-2 is UP.'], ['FATAL', 'backend app has no server available!']]);
  });

  it('a line read with a header of its own keeps its prose: text after `LEVEL - `, a `key:` after several words, a short capitalised word', () => {
    // Airflow and Pi-hole FTL lines (real excerpts) in files that mix their programs' versions, so that no header is
    // shared by most lines and each line brings its own.
    const alone = (line: string) => parseWithHeader({ fields: [], tabbed: false }, line, REFERENCE);
    const parsed = [
      '[2016-04-07 23:24:51,659] {models.py:296} INFO - Loaded DAG <DAG: example_xcom>',
      '[2019-02-12 10:18:42.873]  -> Total DNS queries: 57706',
      '[2019-02-12 10:18:42.882] PID of FTL process: 12668',
      '[2020-10-20 12:38:37.223 29492M] FTL branch: fix/persistent_FTL_database',
      '[2019-02-12 11:02:57.382] ########## FTL started! ##########',
    ].map(alone);
    assert.deepEqual(parsed.map((p) => p.message), [
      'Loaded DAG <DAG: example_xcom>',
      // The arrow standing alone after the header is neither's; `Total DNS queries:` stays the message's.
      'Total DNS queries: 57706',
      'PID of FTL process: 12668',
      'FTL branch: fix/persistent_FTL_database',
      '########## FTL started! ##########',
    ]);
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', undefined, undefined, undefined, undefined], 'FTL (Faster Than Light) is no level here');
    const syslog = alone('Jun 14 15:16:01 combo kernel: usb 1-1: new high-speed USB device');
    assert.deepEqual([syslog.component, syslog.message], ['kernel', 'usb 1-1: new high-speed USB device']);
    assert.equal(parsed[3].timestamp, new Date(2020, 9, 20, 12, 38, 37, 223).getTime(), 'a bracket that opens with a time dates the line');
  });

  it('levels and components still follow numbers, one host word or several upper-case fields (Android, syslog, BlueGene)', () => {
    const android = parseAll(['03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs', '03-17 16:13:38.819  1702  8671 E PowerManagerService: acquire lock=233570404']);
    assert.deepEqual(android.parsed.map((p) => [p.level, p.component, p.message]), [['DEBUG', 'WindowManager', 'printFreezingDisplayLogs'], ['ERROR', 'PowerManagerService', 'acquire lock=233570404']]);
    const bluegene = parseAll(['- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected', '- 1117838573 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.53.276129 R02-M1-N0-C:J12-U11 RAS KERNEL FATAL data TLB error interrupt']);
    assert.deepEqual(bluegene.parsed.map((p) => p.level), ['INFO', 'FATAL']);
  });

  it('docker compose output: each service is read after its prefix, in its own layout, and a compose line amid others too', () => {
    const { parsed } = parseAll([
      'web-1    | 2024-05-01T10:00:00.000Z INFO  request served in 12 ms',
      'web-1    | 2024-05-01T10:00:01.000Z ERROR upstream timed out',
      'db-1     | 2024-05-01 10:00:02.123 UTC [1] LOG:  checkpoint starting: time',
      'db-1     | 2024-05-01 10:00:02.500 UTC [77] ERROR:  relation "users" does not exist',
      'web-1    | 2024-05-01T10:00:04.000Z WARN  slow query',
      'web-1    | 2024-05-01T10:00:05.000Z INFO  request served in 7 ms',
    ]);
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'ERROR', 'INFO', 'ERROR', 'WARN', 'INFO'], 'the database\'s ERROR is not lost behind the web layout');
    assert.deepEqual(parsed.slice(2, 4).map((p) => [p.component, p.message]), [['db-1', 'checkpoint starting: time'], ['db-1', 'relation "users" does not exist']]);
    // HAProxy's own lines and one behind a compose prefix, from a real excerpt.
    const haproxy = parseAll([
      '2023-04-04 15:54:26 [WARNING]  (8) : Server app/app-2 is UP.',
      '2023-04-04 15:54:37 [WARNING]  (8) : Server app/app-1 is DOWN.',
      "haproxy_1_3e1d962649bf | [ALERT] 035/080449 (1) : backend 'backend_api' has no server available!",
    ]);
    assert.deepEqual(haproxy.parsed.map((p) => p.level), ['WARN', 'WARN', 'FATAL']);
    assert.equal(haproxy.parsed[2].component, 'haproxy_1_3e1d962649bf');
    assert.doesNotMatch(haproxy.parsed[2].message, /haproxy_1|\[ALERT\]/);
    // Columns of a pipe-delimited file are not a compose prefix (no space before the bar).
    const pipes = parseAll(['20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579', '20171223-22:15:29:615|Step_LSC|30002312|onExtend:1514038530000 14 0 4']);
    assert.equal(pipes.parsed[0].component, undefined);
  });
});

