// Header columns no reader knows, learned per file (format/lead-columns.ts): a run of column-shaped tokens left at the
// start of the message is cut only where the file shows it to be a column (the words after it also follow another
// run, or none). Real lines from the excerpts of public bug reports (test/fixtures/real-excerpts), with neighbours
// whose first words are the statement's own and must stay.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { learnLeadColumns } from '../../../servers/logs/format/lead-columns';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function read(lines: string[]): { message: string; level?: string }[] {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => {
    const parsed = parser.parse(line);
    return parsed.level === undefined ? { message: parsed.message } : { message: parsed.message, level: parsed.level };
  });
}

describe('lead columns learned per file', () => {
  it("FreeRADIUS: the lone `:` after the time is header, and `Auth: (request)` a column its statements also open without", () => {
    // radius.log (`date : Level: (request) msg`) beside PacketFence's syslog form of the same server (batch 6).
    const lines = [
      'Mon Aug 16 08:44:20 2021 : Auth: (1129) Login OK: [Username] (from client LS_NEW port 1 cli FC:C2:DE:1C:EF:A6)',
      'Mon Aug 16 08:44:20 2021 : Auth: (1130) Login OK: [Username] (from client LS_NEW port 1 cli FC:C2:DE:1C:EF:D8)',
      'Mon Aug 16 08:44:20 2021 : Info:  ... adding new socket proxy (XX.XX.XX.XX, 44583) -> home_server (XX.XX.XX.XX, 2017)',
      'Thu Jun 26 16:24:23 2025 : Auth: (0) Login incorrect (pap: Cleartext password does not match "known good" password): [user]',
      'Dec 21 15:26:15 pf3 auth[193922]: (456)   Login incorrect (pap: SSHA digest does not match "known good" digest): [CLIENT_UID]',
      'Dec 21 15:26:16 pf3 auth[193922]: (457)   Login incorrect (pap: SSHA digest does not match "known good" digest): [CLIENT_UID]',
      // `radiusd -X`: the request number before each statement of the request.
      '(0) Received Access-Request Id 234 from 173.39.202.158:55987 to 172.17.0.3:1812 length 86',
      '(1) Received Access-Request Id 175 from 192.168.1.244:63378 to 192.168.2.118:1812 length 170',
    ];
    const messages = read(lines);
    assert.equal(messages[0].message, 'Login OK: [Username] (from client LS_NEW port 1 cli FC:C2:DE:1C:EF:A6)');
    assert.equal(messages[2].level, 'INFO');
    assert.ok(messages[3].message.startsWith('Login incorrect (pap: Cleartext'), messages[3].message);
    assert.ok(messages[4].message.startsWith('Login incorrect (pap: SSHA'), messages[4].message);
    assert.equal(messages[6].message, 'Received Access-Request Id 234 from 173.39.202.158:55987 to 172.17.0.3:1812 length 86');
  });

  it('vsftpd: the user column, written once the user is logged in, before statements it also writes without it', () => {
    // vsftpd 3.0's vsftpd.log with log_ftp_protocol (batch 4): `date [pid N] [user] msg`.
    const lines = [
      'Wed Jul  8 16:22:53 2015 [pid 18730] [filemanager] FTP response: Client "127.0.0.1", "215 UNIX Type: L8"',
      'Wed Jul  8 16:22:53 2015 [pid 18730] [filemanager] FTP command: Client "127.0.0.1", "QUIT"',
      'Wed Jul  8 16:23:36 2015 [pid 18998] CONNECT: Client "127.0.0.1"',
      'Wed Jul  8 16:23:36 2015 [pid 18998] FTP response: Client "127.0.0.1", "220 (vsFTPd 3.0.2)"',
      'Wed Jul  8 16:23:36 2015 [pid 18998] FTP command: Client "127.0.0.1", "USER filemanager"',
    ];
    assert.deepEqual(read(lines).map((m) => m.message), [
      'FTP response: Client "127.0.0.1", "215 UNIX Type: L8"',
      'FTP command: Client "127.0.0.1", "QUIT"',
      'CONNECT: Client "127.0.0.1"',
      'FTP response: Client "127.0.0.1", "220 (vsFTPd 3.0.2)"',
      'FTP command: Client "127.0.0.1", "USER filemanager"',
    ]);
  });

  it("a message's own first words stay: a bracket or label no other line of the file shows as a column is text", () => {
    // Transmission (batch 6): the torrent's name, bracketed tags and all, opens each statement; nothing shows it a column.
    const lines = [
      '2022-05-01 10:00:00 [eztv] Queued for verification (verify.c:269)',
      '2022-05-01 10:00:01 [eztv] Verifying torrent (verify.c:224)',
      '2022-05-01 10:00:02 Warning: disk almost full',
      '2022-05-01 10:00:03 Warning: disk almost full',
    ];
    assert.deepEqual(read(lines).map((m) => m.message), ['[eztv] Queued for verification (verify.c:269)', '[eztv] Verifying torrent (verify.c:224)', 'Warning: disk almost full', 'Warning: disk almost full']);
  });

  it('one line is no evidence against itself, nor is a value only one statement opens with', () => {
    assert.equal(learnLeadColumns(['(1129) Login OK: [a]', '(1130) Login OK: [b]', 'Auth: user logged in', 'Auth: user logged in']), undefined);
    // A made-up broker's queue name opening its own statement (test header-forms keeps it too).
    assert.equal(learnLeadColumns(['[orders] Queue depth 120 over limit', '[billing] Queue depth 300 over limit', 'Queue orders drained']), undefined);
    // NestJS's context column (Immich): RouterExplorer opens several statements.
    const nest = ['[RouterExplorer] Mapped {/a, GET} route', '[Api:RouterExplorer] Mapped {/b, GET} route', '[RouterExplorer] Starting Nest application...'];
    assert.deepEqual([...(learnLeadColumns(nest)?.signatures ?? [])], ['bracket']);
  });

  it("NestJS: a word column of level words (`LOG`, `WARN`, `ERROR`) is the line's level", () => {
    // Immich (batch 6): NestJS's ConsoleLogger behind docker compose's prefix; the ERROR and WARN lines are made up
    // in the same layout (the logger pads the level to seven characters).
    const lines = [
      'immich-server_1            | [Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/asset/file, GET} route +2ms',
      'immich-server_1            | [Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/asset/thumbnail/:assetId, GET} route +1ms',
      'immich-server_1            | [Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/asset/allObjects, GET} route +1ms',
      'immich-server_1            | [Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/asset/allLocation, GET} route +1ms',
      'immich-server_1            | [Nest] 29  - 06/26/2022, 1:18:37 AM   ERROR [ExceptionsHandler] connect ECONNREFUSED 127.0.0.1:5432',
      'immich-server_1            | [Nest] 29  - 06/26/2022, 1:18:38 AM    WARN [MetadataService] Unable to read metadata',
    ];
    assert.deepEqual(read(lines).map((m) => m.level), ['INFO', 'INFO', 'INFO', 'INFO', 'ERROR', 'WARN']);
    // The logger's elapsed-time trailer is cut too (format/trailers.ts).
    assert.equal(read(lines)[1].message, 'Mapped {/asset/thumbnail/:assetId, GET} route');
  });

  it('a word column where other words stand too (a host) gives no level', () => {
    const lines = [
      'Jun 14 15:16:01 error kernel: usb 1-1: new device',
      'Jun 14 15:16:02 combo kernel: usb 1-1: new device',
      'Jun 14 15:16:03 combo kernel: usb 1-2: new device',
    ];
    assert.deepEqual(read(lines).map((m) => m.level), [undefined, undefined, undefined]);
  });

  it("libvirt: a level column closed by a lone `:` (`<pid>: info : libvirt version: …`) is cut as the journal's line has none", () => {
    // libvirtd's own log file beside virtqemud's journal lines (batch 9, Libvirt), and a made-up word with a lone `:`
    // that no column shape takes: it stays.
    const lines = [
      '2015-06-01 10:39:11.946+0000: 30612: info : libvirt version: 1.2.2',
      '2015-06-01 10:39:11.946+0000: 30612: warning : virSecurityManagerNew:179 : Configured security driver "none" disables default policy to create confined guests',
      '2015-06-02 02:07:52.095+0000: 12842: info : libvirt version: 1.2.2',
      '2022-02-24 09:02:29.814+0000: 12056: info : hostname: LAPTOP-LJCBFINI',
      '2022-02-24 09:02:29.814+0000: 12056: error : virNetlinkEventServiceStart:1040 : cannot add netlink membership: Invalid argument',
      '2022-02-24 09:02:30.001+0000: 12056: Total : 5 domains',
      'Mär 27 11:06:59 localhost virtqemud[16974]: libvirt version: 10.0.0',
      'Mär 27 11:06:59 localhost virtqemud[16974]: hostname: localhost',
    ];
    const messages = read(lines);
    assert.deepEqual(messages[0], { message: 'libvirt version: 1.2.2', level: 'INFO' });
    assert.equal(messages[3].message, 'hostname: LAPTOP-LJCBFINI');
    assert.equal(messages[4].level, 'ERROR');
    assert.doesNotMatch(messages[4].message, /^error/);
    assert.equal(messages[5].message, 'Total : 5 domains');
    assert.equal(messages[6].message, 'libvirt version: 10.0.0');
  });

  it("Mopidy: a thread and a dotted logger name (`[MainThread] mopidy.ext`) are columns where the statement also stands without them", () => {
    // The console form `LEVEL    [thread] logger message` beside the log file's `… logger: message` (batch 9, Mopidy),
    // and a dotted file name that opens one statement only: it stays.
    const lines = [
      '2015-09-13 20:56:39,955 DEBUG [3444:MainThread] mopidy.ext: Loaded extension: Mopidy-MPD 1.1.0',
      '2015-09-13 20:56:39,967 DEBUG [3444:MainThread] mopidy.ext: Loaded extension: Mopidy-HTTP 1.1.0',
      '2015-09-13 20:56:39,968 DEBUG [3444:MainThread] mopidy.ext: Loading entry point: stream = mopidy.stream:Extension',
      'DEBUG    [MainThread] mopidy.ext Loaded extension: Mopidy-PiDi 1.0.4',
      'DEBUG    [MainThread] mopidy.ext Loading entry point: local = mopidy_local:Extension',
      'DEBUG    [MainThread] mopidy.ext Discovered extensions: raspberry-gpio, pidi, local',
      'INFO     mopidy.conf written to disk',
      'INFO     mopidy.conf written to disk',
    ];
    const messages = read(lines).map((m) => m.message);
    assert.equal(messages[3], 'Loaded extension: Mopidy-PiDi 1.0.4');
    assert.equal(messages[4], 'Loading entry point: local = mopidy_local:Extension');
    assert.equal(messages[0], 'Loaded extension: Mopidy-MPD 1.1.0');
    assert.equal(messages[6], 'mopidy.conf written to disk');
    // Opening the message, a dotted name is no logger column: Proxifier's program, whose other values (`Dropbox.exe`,
    // `svchost.exe *64`) no shape reads, stays with them.
    const proxy = [
      '[06.01 12:00:00] chrome.exe - www.example.com:443 open through proxy proxy.corp.local:3128 HTTPS',
      '[06.01 12:00:01] Dropbox.exe - api.example.com:443 open through proxy proxy.corp.local:3128 HTTPS',
      '[06.01 12:00:02] chrome.exe - cdn.example.com:443 close, 1.2 KB sent, 3.4 KB received, lifetime 00:02',
      '[06.01 12:00:03] svchost.exe *64 - update.example.com:80 close, 0 bytes sent, 1 KB received, lifetime <1 sec',
    ];
    for (const [i, m] of read(proxy).entries()) assert.ok(m.message.endsWith(proxy[i].slice(17)), m.message);
  });

  it("Monero: a name right before a source location (`global  src/daemon/p2p.h:63`) is a logger column where the statement also stands without it", () => {
    // easylogging's tab-separated lines beside the same program's lines with tabs turned to spaces (batch 9, Monero).
    const lines = [
      '2022-08-14 15:05:59.347\t     0x107a83600\tINFO\tglobal\tsrc/daemon/protocol.h:53\tInitializing cryptonote protocol...',
      '2022-08-14 15:05:59.518\t     0x107a83600\tINFO\tglobal\tsrc/daemon/p2p.h:64\tInitializing p2p server...',
      '2019-03-01 08:02:30.777     7fd276aee780        INFO    global  src/daemon/protocol.h:53        Initializing cryptonote protocol...',
      '2019-03-01 08:02:30.777     7fd276aee780        INFO    global  src/daemon/protocol.h:58        Cryptonote protocol initialized OK',
      '2019-03-01 08:02:30.777     7fd276aee780        INFO    global  src/daemon/p2p.h:63     Initializing p2p server...',
      '2019-03-01 08:02:54.789     7fd276aee780        INFO    global  src/daemon/p2p.h:68     p2p server initialized OK',
    ];
    const messages = read(lines).map((m) => m.message);
    assert.equal(messages[2], 'Initializing cryptonote protocol...');
    assert.equal(messages[4], 'Initializing p2p server...');
    assert.equal(messages[5], 'p2p server initialized OK');
    // Where no statement stands both with and without such a pair, a word before a location is the message's.
    const own = ['2019-03-01 08:02:55.000 INFO see main.cpp:12 for the reason', '2019-03-01 08:02:56.000 INFO see main.cpp:14 for the reason', '2019-03-01 08:02:57.000 INFO done'];
    assert.deepEqual(read(own).map((m) => m.message), ['see main.cpp:12 for the reason', 'see main.cpp:14 for the reason', 'done']);
  });

  it("a Rust target after the level without its colon (`INFO  surrealdb::kvs Starting …`, env_logger) is a logger column where the statement also stands without it", () => {
    // SurrealDB 1.x (env_logger's `[time] LEVEL target message`) beside 2.x (tracing's `time LEVEL target: message`).
    const lines = [
      '[2022-09-18 09:56:48] INFO  surrealdb::dbs Database strict mode is disabled',
      '[2022-09-18 09:56:48] INFO  surrealdb::kvs Starting kvs store in memory',
      '[2022-09-18 09:56:48] INFO  surrealdb::kvs Started kvs store in memory',
      '2023-08-30T15:06:34.788821Z  INFO surrealdb::kvs::ds: Starting kvs store in file:mydatabase.db',
      '2023-08-30T15:06:34.788859Z  INFO surrealdb::kvs::ds: Started kvs store in file:mydatabase.db',
      '2023-12-15T11:43:55.469665Z DEBUG surreal::dbs: Database strict mode is false',
      '2023-12-15T11:43:56.469665Z  INFO surrealdb::net: Started web server on 0.0.0.0:8080',
    ];
    const messages = read(lines).map((p) => p.message);
    assert.deepEqual(messages.slice(0, 3), ['Database strict mode is disabled', 'Starting kvs store in memory', 'Started kvs store in memory']);
    assert.equal(messages[3], 'Starting kvs store in file:mydatabase.db');
    // A path of one statement only is no evidence: `std::bad_alloc thrown` keeps its words.
    const own = read(['2024-01-01 10:00:00 ERROR std::bad_alloc thrown in worker', '2024-01-01 10:00:01 INFO worker started', '2024-01-01 10:00:02 INFO worker stopped']);
    assert.equal(own[0].message, 'std::bad_alloc thrown in worker');
  });

  it("Python's request column closed by a dash (`%(request)s - %(message)s`, `None-` glued) is cut where the statement also follows another value", () => {
    // Synapse (batch 3): `%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s`, older
    // versions gluing the dash (`None-`), the request empty outside one (`- -`).
    const lines = [
      '2016-09-27 12:36:52,941 - synapse.app.homeserver - 308 - INFO - - Preparing database: sqlite3...',
      '2018-03-05 12:30:50,032 - synapse.app.homeserver - 323 - INFO - None- Preparing database: psycopg2...',
      '2018-08-23 18:07:29,970 - root - 215 - WARNING - None- Server /usr/lib/python2.7/dist-packages/synapse/app/homeserver.py version 0.33.3',
      '2021-05-13 19:51:19,464 - root - 326 - WARNING - main - Server /usr/local/lib/python3.8/site-packages/synapse/app/homeserver.py version 1.34.0rc1',
      '2021-08-17 19:01:45,381 - synapse.storage.util.id_generators - 55 - INFO - main - initialising stream generator for events(stream_ordering)',
    ];
    assert.deepEqual(read(lines).map((m) => m.message), [
      'Preparing database: sqlite3...',
      'Preparing database: psycopg2...',
      'Server /usr/lib/python2.7/dist-packages/synapse/app/homeserver.py version 0.33.3',
      'Server /usr/local/lib/python3.8/site-packages/synapse/app/homeserver.py version 1.34.0rc1',
      'initialising stream generator for events(stream_ordering)',
    ]);
    // A statement's own words before a dash, where no statement stands with another value there, stay.
    const own = ['2024-01-01 10:00:00,000 - INFO - Backup - finished in 3s', '2024-01-01 10:00:01,000 - INFO - Restore - finished in 5s', '2024-01-01 10:00:02,000 - INFO - Done'];
    assert.deepEqual(read(own).map((m) => m.message), ['Backup - finished in 3s', 'Restore - finished in 5s', 'Done']);
  });

  it('a thread name written as a plain word (`INFO Daemon …`, twice from a later version on) is cut where its statements also stand without it', () => {
    // WALinuxAgent (batch 18): waagent.log `date LEVEL [thread [prefix ]]message`, the thread from 2.2.3x on, the
    // logger's prefix (the thread's name again) from 2.2.47 on, beside 2.2.1x lines without either.
    const lines = [
      '2017/07/20 21:02:55.622125 INFO Azure Linux Agent Version:2.2.12',
      '2017/07/20 21:02:55.664556 INFO Wire server endpoint:168.63.129.16',
      '2017/07/20 21:03:00.185585 INFO Finished provisioning',
      '2017/07/20 21:03:01.000000 INFO Agent WALinuxAgent-2.2.12 is running as the goal state agent',
      '2021-02-09T00:57:58.168686Z INFO Daemon Azure Linux Agent Version:2.2.46',
      '2021-02-09T00:58:45.903673Z INFO Daemon Daemon Azure Linux Agent Version:2.2.47',
      '2023-04-07T04:09:13.984172Z INFO Daemon Finished provisioning',
      '2023-04-07T04:09:15.240089Z INFO ExtHandler Wire server endpoint:168.63.129.16',
      '2021-02-09T00:58:47.171673Z INFO ExtHandler ExtHandler Agent WALinuxAgent-2.2.47 is running as the goal state agent',
    ];
    assert.deepEqual(read(lines).map((m) => m.message), [
      'Azure Linux Agent Version:2.2.12',
      'Wire server endpoint:168.63.129.16',
      'Finished provisioning',
      'Agent WALinuxAgent-2.2.12 is running as the goal state agent',
      'Azure Linux Agent Version:2.2.46',
      'Azure Linux Agent Version:2.2.47',
      'Finished provisioning',
      'Wire server endpoint:168.63.129.16',
      'Agent WALinuxAgent-2.2.47 is running as the goal state agent',
    ]);
    // Two statements that differ by their first word (FreeSWITCH's `Running State Change` beside `State Change`): the
    // word stands before one statement only, and stays.
    const own = [
      '2024-01-01 10:00:00.000 DEBUG (sofia/a) Running State Change CS_HANGUP',
      '2024-01-01 10:00:01.000 DEBUG (sofia/b) Running State Change CS_REPORTING',
      '2024-01-01 10:00:02.000 DEBUG (sofia/a) State Change CS_HANGUP -> CS_REPORTING',
      '2024-01-01 10:00:03.000 DEBUG Running tasks now',
    ];
    assert.ok(read(own).some((m) => m.message.includes('Running State Change CS_HANGUP')));
    assert.equal(learnLeadColumns(['Running State Change CS_HANGUP', 'Running State Change CS_REPORTING', 'State Change CS_HANGUP -> CS_REPORTING'])?.words, undefined);
  });

  it("an Erlang process id after the level (lager's and OTP logger's `<0.971.0>`, `<pid>@module:function:line`) is a column where it opens more than one statement", () => {
    // VerneMQ, RabbitMQ, Riak, ejabberd (batches 9, 2, 10, 6): lager's `time [level] <pid>@mod:fun:line message`.
    const lines = [
      "2019-01-18 18:31:24.473 [info] <0.971.0>@vmq_cluster_node:connect:257 successfully connected to cluster node 'VerneMQ@10.25.30.128'",
      '2019-01-18 18:31:24.474 [warning] <0.14882.0>@vmq_cluster_com:loop:77 terminate due to remote_node_not_available',
      "2021-10-11 10:13:02.519 [info] <0.28299.435> closing AMQP connection <0.28299.435> (10.200.25.7:22241 -> 10.200.25.7:5672, vhost: 'qd_vhost')",
      '2021-10-11 10:13:09.220 [info] <0.13712.6846> accepting AMQP connection <0.13712.6846> (10.200.25.18:20936 -> 10.200.25.7:5672)',
      '2022-02-19 16:31:43.178073+03:30 [info] <0.618.0>@ejabberd_listener:accept/7:273 (<0.19201.3>) Accepted connection [::ffff:95.64.121.18]:35020',
      '2019-01-18 18:31:30.100 [info] Application lager started on node nonode@nohost',
    ];
    assert.deepEqual(read(lines).map((m) => m.message), [
      "successfully connected to cluster node 'VerneMQ@10.25.30.128'",
      'terminate due to remote_node_not_available',
      "closing AMQP connection <0.28299.435> (10.200.25.7:22241 -> 10.200.25.7:5672, vhost: 'qd_vhost')",
      'accepting AMQP connection <0.13712.6846> (10.200.25.18:20936 -> 10.200.25.7:5672)',
      '(<0.19201.3>) Accepted connection [::ffff:95.64.121.18]:35020',
      'Application lager started on node nonode@nohost',
    ]);
    // One statement behind a process id is no evidence: the id stays.
    assert.equal(learnLeadColumns(['<0.1.0> exited', '<0.2.0> exited', 'Application started'])?.signatures.has('process') ?? false, false);
  });

  it("a host and port opening the statement (Proxifier's `app.exe - host:port open through proxy …`) is its destination, not a source location column", () => {
    // The outsider ProxyConnections input: a program closed by a dash, then the connection's destination.
    const programs = ['chrome.exe', 'firefox.exe', 'Dropbox.exe', 'git-remote-https.exe', 'svchost.exe *64'];
    const hosts = ['cdn.acme.org:5222', 'api.example.com:443', '10.1.2.3:8080', 'mail.contoso.net:993'];
    const statements = ['open through proxy proxy.corp.local:3128 HTTPS', 'close, 1.2 KB sent, 5 KB received, lifetime 00:12', 'open directly'];
    const lines = Array.from({ length: 30 }, (_, i) => `[05.12 08:00:${String(i).padStart(2, '0')}] ${programs[i % 5]} - ${hosts[(i * 7) % 4]} ${statements[i % 3]}`);
    const messages = read(lines).map((m) => m.message);
    assert.equal(messages[0], 'chrome.exe - cdn.acme.org:5222 open through proxy proxy.corp.local:3128 HTTPS');
    assert.ok(messages.every((m) => /:\d+ (open|close)/.test(m)), messages.join('\n'));
    // A source file's `name.ext:line` keeps its shape: a logger's column where the file shows it one.
    assert.ok(learnLeadColumns(['scanner.c:703: Scanning media folder', 'Scanning media folder', 'scanner.c:731: Starting media scan', 'Starting media scan'])?.signatures.has('location'));
  });

  it("a source file's `name.ext:line` after the level is a column where it opens three statements or more: a call site logs one statement only", () => {
    // FreeSWITCH (batch 9): `<time> 99.07% [DEBUG] switch_core_session.c:1341 Send signal …`, each call site its own line.
    const messages = [
      'switch_channel.c:1123 New Channel sofia/internal/79739980@172.16.154.33:56580 [42a396e6-4d2a-4b62-bde3-a75df666d926]',
      'switch_channel.c:1121 Rename Channel sofia/internal/79739980@172.16.154.33:56580',
      'mod_sofia.c:463 Channel sofia/internal/1005@172.16.18.107 hanging up, cause: NORMAL_CLEARING',
      'switch_core_session.c:1341 Send signal sofia/internal/sip:1004@172.16.99.170:35508 [BREAK]',
    ];
    assert.ok(learnLeadColumns(messages)?.signatures.has('location'));
    // Two statements behind a file's line are no evidence: `config.py:12 has a syntax error` may be the statement's subject.
    assert.equal(learnLeadColumns(messages.slice(0, 2))?.signatures.has('location') ?? false, false);
    // A host's port is no source line, however many statements it opens.
    assert.equal(learnLeadColumns(['cdn.acme.org:5222 open through proxy', 'api.example.com:443 close connection now', 'mail.contoso.net:993 open directly now'])?.signatures.has('location') ?? false, false);
  });
});
