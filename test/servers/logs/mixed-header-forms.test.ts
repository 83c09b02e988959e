// One file, several header forms: the header a line carries is read on every line that carries it, whatever other
// forms the file mixes in (a journal written under another LC_TIME, …). Made-up lines of the shapes found in the
// real-excerpts batches; each case states the answer a person reading the file would give.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { assertOneEvent, templatesOf } from '../../support/mined-templates';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('mixed header forms in one file', () => {
  it('a journal line whose month is Cyrillic or Greek (`фев`, `Φεβ`) is read as a syslog line: its tag and message apart', () => {
    const lines = [
      'Feb 09 10:49:50 home feedd[3910]: fetching channel 17',
      'Feb 09 10:49:51 home feedd[3910]: channel 17 done',
      'фев 09 10:49:52 home feedd[3910]: fetching channel 18',
      'фев 09 10:49:53 home feedd[3910]: channel 18 done',
      'Φεβ 09 10:49:54 home feedd[3910]: fetching channel 19',
      'Φεβ 09 10:49:55 home feedd[3910]: channel 19 done',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.message), ['fetching channel 17', 'channel 17 done', 'fetching channel 18', 'channel 18 done', 'fetching channel 19', 'channel 19 done']);
    assert.deepEqual(read.map((p) => p.component), Array(6).fill('feedd[3910]'));
  });

  it("a word column (a service's name) never takes a date's month word: the journal line in another language keeps its own header", () => {
    // A compose-style service column opens most lines; two lines come from a French journal (`juil.`).
    const lines = [
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:20.100 info: Database ready.',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:21.100 info: Server listening on port 9000',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:22.100 info: Creating the administrator.',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:23.100 warn: Emailer is disabled.',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:23.200 info: Database ready.',
      'juil. 25 02:16:24 web api[3184]: Database ready.',
      'juil. 25 02:16:25 web api[3184]: Server listening on port 9000',
    ];
    const read = parsed(lines);
    assert.equal(read[5].message, 'Database ready.');
    assert.equal(read[6].message, 'Server listening on port 9000');
    assert.equal(read[5].component, 'api[3184]');
  });

  it("a supervisor's `STDERR:` column after its own time and the program's name is peeled: the program's line is read as its own", () => {
    const lines = [
      '[queued] 2021/01/15 09:28:43.634274 INFO: queued v1.2.0 (built w/go1.12.9)',
      '[queued] 2021/01/15 09:28:43.634350 INFO: listening on [::]:4161',
      '[queued] 2021/01/15 09:28:43.634400 INFO: persisting metadata to /data/queued.dat',
      '[queued] 2021/01/15 09:28:44.636149 WARN: slow disk',
      '14:57:00 queued: STDERR: [queued] 2020/07/06 12:57:00.352188 INFO: queued v1.1.0 (built w/go1.10.3)',
      '14:57:00 queued: STDERR: [queued] 2020/07/06 12:57:00.353913 WARN: slow disk',
    ];
    const read = parsed(lines);
    assert.equal(read[4].message, 'queued v1.1.0 (built w/go1.10.3)');
    assert.equal(read[5].message, 'slow disk');
    assert.equal(read[5].level, 'WARN');
    assert.equal(read[5].timestamp, new Date(2020, 6, 6, 12, 57, 0, 353).getTime());
  });

  it("a form that adds aligned thread and logger columns after the file's time and level has them read as header on its lines", () => {
    // Trino/airlift: `<time>\t<level>\t<thread>\t<logger>\t<message>`, pasted with its tabs as spaces, beside an older
    // version's `<time> <level> <message>`.
    const lines = [
      '2019-01-29T01:59:10.772-0600 INFO Registering connector tpch',
      '2019-01-29T01:59:10.793-0600 INFO Created catalog tpch in 13.60ms',
      '2019-01-29T01:59:10.809-0600 INFO Announced catalog tpch in 15.22ms',
      '2019-01-29T01:59:10.900-0600 INFO Registering connector jmx',
      '2019-01-29T01:59:11.000-0600 WARN Catalog jmx has no tables',
      '2026-02-18T21:56:29.966Z        INFO    main    io.trino.server.PluginManager   Registering connector tpcds',
      '2026-02-18T21:56:29.967Z        INFO    main    io.trino.server.PluginManager   -- Loading plugin tpch --',
      '2026-02-18T21:56:29.971Z        WARN    main    io.trino.connector.CatalogManager   Catalog jmx has no tables',
    ];
    const read = parsed(lines);
    assert.equal(read[5].message, 'Registering connector tpcds');
    assert.equal(read[5].component, 'io.trino.server.PluginManager');
    assert.equal(read[7].message, 'Catalog jmx has no tables');
    assert.equal(read[0].message, 'Registering connector tpch');
    // One space between the level and a word is prose: `INFO Loading com.example.Foo` keeps its words.
    const prose = parsed(['2019-01-29T01:59:10.772-0600 INFO Loading com.example.Foo now', '2019-01-29T01:59:10.773-0600 INFO Loading com.example.Bar now', '2019-01-29T01:59:10.774-0600 INFO Loading com.example.Baz now']);
    assert.equal(prose[0].message, 'Loading com.example.Foo now');
  });

  it('a bracket holding a lone arrow (`[c1: gt06 < 10.0.4.115]`) is the statement\'s direction, not a header column: it stays in the message', async () => {
    const lines = [
      '2024-10-04 07:59:40  INFO: [T6a5e4999: gt06 < 10.0.4.115] 78781f12180a040f3b28cf',
      '2024-10-04 07:59:40  INFO: [T6a5e4999] id: 356153592191396, lat: 30.64798',
      '2024-10-04 07:59:40  INFO: [T6a5e4999: gt06 > 10.0.4.115] 7878051208350a4a0d0a',
      '2024-10-04 07:59:41  INFO: [Tb0967a85: gt06 < 10.0.4.115] 79790020940a0356153594',
      '2024-10-04 07:59:41  INFO: [Tb0967a85] id: 356153594214063, lat: 30.30413',
      '2024-10-04 07:59:42  INFO: [Tb0967a85: gt06 > 10.0.4.115] 78780512065d7f140d0a',
      '2015-07-24 00:02:54 DEBUG: [5005 <- 187.146.226.85] - HEX: 2454524343522c3230',
      '2015-07-24 00:03:30 DEBUG: [5005 -> 201.138.177.5] - HEX: 4f4b310d0a',
    ];
    const read = parsed(lines);
    assert.equal(read[0].message, '[T6a5e4999: gt06 < 10.0.4.115] 78781f12180a040f3b28cf');
    assert.equal(read[2].message, '[T6a5e4999: gt06 > 10.0.4.115] 7878051208350a4a0d0a');
    assert.equal(read[6].message, '[5005 <- 187.146.226.85] - HEX: 2454524343522c3230');
    const templates = await templatesOf(lines, REFERENCE);
    assert.notEqual(templates[6], templates[7], 'received and sent under one template');
  });

  it("a logger's elapsed-time trailer (`+2ms`, NestJS, Node's debug) is cut where the file's lines show it; a statement's own signed duration elsewhere stays", () => {
    const lines = [
      '[Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/asset/file, GET} route +2ms',
      '[Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/asset/search, POST} route +1ms',
      '[Nest] 29  - 06/26/2022, 1:18:36 AM     LOG [RouterExplorer] Mapped {/jobs, GET} route +0ms',
      '[Nest] 18  - 09/04/2025, 12:20:20 AM     LOG [Api:RouterExplorer] Mapped {/api/faces, POST} route',
      '[Nest] 18  - 09/04/2025, 12:20:20 AM     LOG [Api:RouterExplorer] Mapped {/api/faces, GET} route',
    ];
    for (const p of parsed(lines)) assert.match(p.message, /^Mapped \{[^}]+\} route$/);
    // One line in a file of others: a statement's own offset, kept.
    const own = ['2024-01-01 10:00:00 INFO clock offset +5ms', '2024-01-01 10:00:01 INFO sync done', '2024-01-01 10:00:02 INFO sync done', '2024-01-01 10:00:03 INFO sync done'];
    assert.equal(parsed(own)[0].message, 'clock offset +5ms');
  });

  it("log4j's `%c - %m` (a Java class, then a lone dash) is the logger's column on every line that has it, beside `[Logger]` lines", () => {
    const lines = [
      '2016-05-26 12:29:29,949 INFO : org.graylog2.bootstrap.CmdLineTool - Loaded plugin: Collector 1.0.1 [org.graylog.plugins.collector.CollectorPlugin]',
      '2016-05-26 12:29:29,950 INFO : org.graylog2.bootstrap.CmdLineTool - Loaded plugin: AWS plugins 2.4.3 [org.graylog.aws.plugin.AWSPlugin]',
      '2016-05-26 12:29:30,614 INFO : org.graylog2.bootstrap.CmdLineTool - Running with JVM arguments: -Xmx1g',
      '2016-05-26 12:29:31,000 INFO : org.graylog2.shared.buffers.InputBufferImpl - Message journal is enabled.',
      '2016-05-20T12:23:49.022Z INFO  [CmdLineTool] Loaded plugin: Elastic Beats Input 1.1.1 [org.graylog.plugins.beats.BeatsInputPlugin]',
      '2016-05-20T12:23:49.069Z INFO  [CmdLineTool] Running with JVM arguments: -Xms1g -Xmx1g',
      '2016-05-20T12:23:50.000Z INFO  [InputBufferImpl] Message journal is enabled.',
    ];
    const read = parsed(lines);
    assert.equal(read[0].message, 'Loaded plugin: Collector 1.0.1 [org.graylog.plugins.collector.CollectorPlugin]');
    assert.equal(read[3].message, 'Message journal is enabled.');
    assert.equal(read[6].message, 'Message journal is enabled.');
  });

  it("a glog line behind a journal's tag (`master.sh[57067]: I1126 06:45:05 57067 master.go:125] …`) is read by its own header", () => {
    const lines = [
      'I0717 23:35:51 14717 master_server.go:196] adminScripts:',
      'I0717 23:35:51 14717 master.go:114] Start Seaweed Master 1.85 at 0.0.0.0:9333',
      'I0717 23:35:52 14717 raft_server.go:47] Starting RaftServer with 192.168.0.107:9333',
      'W0717 23:35:53 14717 raft_server.go:60] no peers',
      'Nov 26 06:45:05 storage02 master.sh[57067]: I1126 06:45:05 57067 master_server.go:213] adminScripts:',
      'Nov 26 06:45:05 storage02 master.sh[57067]: W1126 06:45:06 57067 raft_server.go:60] no peers',
    ];
    const read = parsed(lines);
    assert.equal(read[4].message, 'adminScripts:');
    assert.equal(read[4].component, 'master_server.go:213');
    assert.equal(read[5].message, 'no peers');
    assert.equal(read[5].level, 'WARN');
  });

  it("a shell script's bracketed `date` under another LC_TIME (`[mardi 3 janvier 2017, 11:53:28 (UTC+0100)]`) is its header, read without a date", async () => {
    // acme.sh-style: each message behind `[$(date)]`; the C locale's date is read, the French and Chinese ones are not.
    const lines = [
      '[Thu Jun  1 07:14:37 UTC 2017] Verifying: example.org',
      "[Thu Jun  1 07:14:37 UTC 2017] uri='https://ca.example/challenge/1'",
      '[Thu Jun  1 07:14:38 UTC 2017] Pending',
      '[Thu Jun  1 07:14:39 UTC 2017] Success',
      '[mardi 3 janvier 2017, 11:53:28 (UTC+0100)] Verifying: example.net',
      "[mardi 3 janvier 2017, 11:53:28 (UTC+0100)] uri='https://ca.example/challenge/2'",
      '[mardi 3 janvier 2017, 11:53:29 (UTC+0100)] Pending',
      '[2022年 12月 25日 星期日 09:28:16 EST] Verifying: example.com',
      "[2022年 12月 25日 星期日 09:28:16 EST] uri='https://ca.example/challenge/3'",
      '[2022年 12月 25日 星期日 09:28:17 EST] Success',
    ];
    const read = parsed(lines);
    assert.deepEqual(
      read.map((p) => p.message),
      ['Verifying: example.org', "uri='https://ca.example/challenge/1'", 'Pending', 'Success', 'Verifying: example.net', "uri='https://ca.example/challenge/2'", 'Pending', 'Verifying: example.com', "uri='https://ca.example/challenge/3'", 'Success'],
    );
    // A date that cannot be read gives no time (a guessed one would be a confident wrong answer).
    assert.equal(read[4].timestamp, undefined);
    assert.equal(read[7].timestamp, undefined);
    const templates = await templatesOf(lines, REFERENCE);
    assertOneEvent(templates, [2, 6], 'Pending');
    assertOneEvent(templates, [3, 9], 'Success');
    // A bracket of text that holds a time, or one that ends its line, stays the message's.
    const prose = parsed(['2024-01-01 10:00:00 INFO start', '[job run at 12:00:01 by cron on host a] done', '[job run at 12:00:02 by cron on host a] done', '[job run at 12:00:03 by cron on host a] done', '[ Sep 19 03:25:21 Disabled. ]', '[ Sep 19 03:25:22 Disabled. ]', '[ Sep 19 03:25:23 Disabled. ]']);
    assert.equal(prose[1].message, '[job run at 12:00:01 by cron on host a] done');
    assert.equal(prose[4].message, '[ Sep 19 03:25:21 Disabled. ]');
    // Nor is a bracket of words around a time with one number (a retry's count): a date has its day and its year.
    const retries = parsed(['[Retry 3 at 12:00:01] Connecting to db', '[Retry 4 at 12:00:05] Connecting to db', '[Retry 5 at 12:00:09] Connecting to db', 'Connected']);
    assert.equal(retries[0].message, '[Retry 3 at 12:00:01] Connecting to db');
  });

  it("a launcher's `[name-1]` column before the node's own `[LEVEL] [node]:` has the node's bracket, closed by its colon, read as header", async () => {
    // ROS 2's `ros2 launch`: each process's lines behind `[<process>-<n>] `, the launcher's own lines without it.
    const lines = [
      '[INFO] [launch]: Default logging verbosity is set to INFO',
      '[INFO] [pub-1]: process started with pid [3928]',
      '[pub-1] [INFO] [pub]: Publishing: 10',
      '[pub-1] [INFO] [pub]: Publishing: 11',
      '[pub-1] [INFO] [pub]: Publishing: 12',
      '[pub-1] [INFO] [pub]: Publishing: 13',
      '[INFO] [pub-1]: process has finished cleanly [pid 3928]',
      '[INFO] [launch]: Default logging verbosity is set to INFO',
      '[INFO] [cont-2]: process started with pid [20416]',
      '[cont-2] [DEBUG] [1699510965.612146880] [rcl]: Initializing node',
      '[cont-2] [DEBUG] [1699510965.612341210] [rcl]: Using domain ID of 0',
      '[cont-2] [DEBUG] [1699510965.620387694] [rcl]: Node initialized',
      '[INFO] [1715664551.785235062] [pub]: Publishing: 1',
      '[INFO] [1715664552.785184214] [pub]: Publishing: 2',
      '[INFO] [1715664553.785225364] [pub]: Publishing: 3',
    ];
    const read = parsed(lines);
    assert.equal(read[2].message, 'Publishing: 10');
    assert.equal(read[9].message, 'Initializing node');
    assert.equal(read[9].level, 'DEBUG');
    assert.equal(read[12].message, 'Publishing: 1');
    const templates = await templatesOf(lines, REFERENCE);
    assertOneEvent(templates, [2, 3, 4, 5, 12, 13, 14], 'Publishing');
    // Words before a bracket closed by a colon are the statement's (`When writing to [url]:`), never a header's column.
    const words = parsed([
      '2019-03-12T09:14:05Z I! [agent] Starting service inputs',
      '2019-03-12T09:14:05Z I! [agent] Connecting outputs',
      '2019-03-12T09:14:06Z E! [outputs.influxdb] When writing to [http://db.local:8086]: database creation failed',
      '2019-03-12T09:14:07Z E! [outputs.influxdb] When writing to [http://db.local:8086]: 403 Forbidden',
      '2019-03-12T09:14:08Z E! [outputs.influxdb] When writing to [http://db.local:8086]: 403 Forbidden',
      '2019-03-12T09:14:09Z D! [agent] Stopping service inputs',
    ]);
    assert.equal(words[2].message, 'When writing to [http://db.local:8086]: database creation failed');
  });

  it('a process id in brackets right after the time, written on some lines only (`<time> [7513] …`), is a header column on those lines', async () => {
    // Exim with `log_selector = +pid` on one host, without it on another, and `exim -bV` output, pasted into one file.
    const lines = [
      'Exim version 4.92 uid=101 gid=101 pid=274 D=80001',
      'Support for: crypteq iconv() IPv6 GnuTLS',
      'Authenticators: cram_md5 plaintext',
      'Lookups (built-in): lsearch wildlsearch',
      'Routers: accept dnslookup manualroute',
      'Transports: appendfile autoreply pipe smtp',
      '2017-12-03 08:51:35 no host name found for IP address 114.99.5.147',
      '2017-12-03 08:51:37 no host name found for IP address 114.99.5.148',
      '2017-12-03 08:51:38 Start queue run: pid=449',
      '2016-03-21 06:38:05 [5718] no MAIL in SMTP connection from [49.212.207.15]:28890 D=21s',
      '2016-03-21 06:57:36 [5908] no MAIL in SMTP connection from [122.165.71.116]:2056 D=10s',
      '2016-03-21 06:58:36 [5909] SMTP protocol error in "AUTH LOGIN" H=(ylmf-pc) [45.32.34.167]:60723',
    ];
    const read = parsed(lines);
    assert.equal(read[9].message, 'no MAIL in SMTP connection from [49.212.207.15]:28890 D=21s');
    assert.equal(read[11].message, 'SMTP protocol error in "AUTH LOGIN" H=(ylmf-pc) [45.32.34.167]:60723');
    // A bracketed number after a level, not a time, stays the message's (Janus's session id).
    const session = parsed(['2024-01-01 10:00:00 WARN [5444367] No stream yet', '2024-01-01 10:00:01 WARN No stream yet', '2024-01-01 10:00:02 WARN [5444368] No stream yet', '2024-01-01 10:00:03 INFO started', '2024-01-01 10:00:04 INFO started']);
    assert.equal(session[0].message, '[5444367] No stream yet');
  });

  it("Heroku's `<time> app[web.3]: …` beside the app's own lines without a header: the tag with its dyno in brackets is the header's", () => {
    // Rails (batch 8): a Heroku drain's lines (`source[dyno]:` after the time) beside lines of a development log.
    const lines = [
      '2013-11-19T21:30:37.121105+00:00 app[web.3]: Started GET "/" for 127.0.0.1 at 2013-11-19 21:30:37 +0000',
      '2013-11-19T21:30:37.126286+00:00 app[web.3]: Processing by HomeController#index as HTML',
      '2013-11-19T21:30:37.152057+00:00 app[web.3]:   Rendered shared/_share_buttons.html.erb (0.4ms)',
      '2013-11-19T21:30:38.294645+00:00 heroku[router]: at=info method=GET path="/" status=200',
      'Started GET "/" for 152.2.176.37 at 2019-03-01 15:57:11 -0500',
      'Processing by WelcomeController#index as HTML',
      '  Rendered shared/_footer.html.erb (3.6ms)',
      'Completed 200 OK in 38ms (Views: 13.5ms | ActiveRecord: 13.7ms)',
      '2019-03-04 14:14:52 +0000 Completed 200 OK in 40ms (Views: 13.5ms | ActiveRecord: 13.7ms)',
      '2019-03-04 14:14:53 +0000 Parameters: {"id"=>"1"}',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.slice(0, 4).map((p) => p.message), ['Started GET "/" for 127.0.0.1 at 2013-11-19 21:30:37 +0000', 'Processing by HomeController#index as HTML', 'Rendered shared/_share_buttons.html.erb (0.4ms)', 'at=info method=GET path="/" status=200']);
    assert.deepEqual(read.slice(0, 4).map((p) => p.component), ['app[web.3]', 'app[web.3]', 'app[web.3]', 'heroku[router]']);
    // A statement's own `key:` after the time holds no bracket: it stays the message's.
    assert.equal(read[9].message, 'Parameters: {"id"=>"1"}');
    // The same on a serial console's lines (Kea, batch 5: a shell prompt and the kernel's uptime before a tag), a form
    // of their own beside the journal's lines.
    const serial = [
      'Dec 17 18:14:05 vyos kea-dhcp4[2734]: 2023-12-17 18:14:05.076 INFO  [kea-dhcp4.dhcp4/2734.1405] DHCP4_STARTING server starting',
      'Dec 17 18:14:06 vyos kea-dhcp4[2734]: 2023-12-17 18:14:06.076 INFO  [kea-dhcp4.dhcpsrv/2734.1405] DHCPSRV_MEMFILE_DB opening lease database',
      'router # [    9.628615] kea-dhcp4[814]: 2024-12-02 16:22:54.626 INFO  [kea-dhcp4.dhcpsrv/814.2814] DHCPSRV_CFGMGR_ADD_IFACE listening on eth1',
      'router # [    9.630444] kea-dhcp4[814]: 2024-12-02 16:22:54.626 INFO  [kea-dhcp4.dhcpsrv/814.2814] DHCPSRV_CFGMGR_ADD_IFACE listening on eth2',
      'router # [    9.647177] kea-dhcp4[814]: 2024-12-02 16:22:54.663 INFO  [kea-dhcp4.dhcpsrv/814.2814] DHCPSRV_MEMFILE_DB opening lease database',
    ];
    const serialRead = parsed(serial);
    assert.deepEqual(serialRead.slice(2, 5).map((p) => p.component), ['kea-dhcp4[814]', 'kea-dhcp4[814]', 'kea-dhcp4[814]']);
    assert.ok(serialRead[4].message.endsWith('DHCPSRV_MEMFILE_DB opening lease database') && !serialRead[4].message.includes('kea-dhcp4[814]'), serialRead[4].message);
  });

  it("a bracketed `[LOG]` is a level column's ordinary level (Hyprland, OwnTone, MagicMirror): cut from the message, read as INFO", () => {
    // Hyprland (batch 19): `[LOG]` on most lines, `[WARN]` and `[ERR]` on a few, no time.
    const lines = [
      '[LOG] Instance Signature: _1677887676',
      '[LOG] Creating the HookSystem!',
      '[LOG] Creating the KeybindManager!',
      '[LOG]  [hookSystem] New hook event registered: focusedMon',
      '[WARN] Config option is deprecated: decoration:blur',
      '[LOG] Reloading the config!',
      '[ERR] source= file doesnt exist',
      '[LOG] Using config: /home/user/.config/hypr/hyprland.conf',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.message), [
      'Instance Signature: _1677887676', 'Creating the HookSystem!', 'Creating the KeybindManager!', '[hookSystem] New hook event registered: focusedMon',
      'Config option is deprecated: decoration:blur', 'Reloading the config!', 'source= file doesnt exist', 'Using config: /home/user/.config/hypr/hyprland.conf',
    ]);
    assert.deepEqual(read.map((p) => p.level), ['INFO', 'INFO', 'INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'INFO']);
    // Bare, `LOG` opening a message is a word of it (a statement about the log), not a level.
    const bare = parsed(['2024-01-01 10:00:00 LOG rotation finished', '2024-01-01 10:00:01 LOG rotation started', '2024-01-01 10:00:02 disk ok']);
    assert.equal(bare[0].level, undefined);
  });

  it("a level the file writes between its time and its `name:` on some lines only is cut on every such line, a known level word as well as `[  LOG]`", () => {
    // OwnTone (batch 19): forked-daapd's `[time] name:` lines, then its newer `[time] [LEVEL] name:` lines, padded.
    const lines = [
      '[2011-02-23 16:46:37]     main: Forked Media Server Version 0.12 taking off',
      '[2011-02-23 16:46:37]     mdns: Avahi state change: Client connecting',
      '[2011-02-23 16:46:37]     main: Player thread failed to start',
      '[2011-02-23 16:46:37]     main: Exiting.',
      '[2011-11-09 23:29:45]     main: Initializing database',
      '[2011-11-09 23:29:50]     raop: Timing IPv4 port: 43827',
      '[2017-04-16 21:06:00]     dacp: Speakers de/activation failed!',
      '[2017-02-14 23:23:44] [  LOG]     mdns: Avahi state change: Client connecting',
      '[2017-02-14 23:23:44] [ WARN]   ffmpeg: First timestamp is missing, assuming 0.',
      '[2017-02-14 23:23:44] [FATAL]   remote: Could not browse for Remote services',
      '[2017-02-14 23:23:44] [  LOG]     main: MPD deinit',
      "[2017-12-11 12:17:05] [DEBUG]       db: Running query 'ANALYZE;'",
    ];
    const read = parsed(lines);
    // Before, a level word the message opened with was read as the line's level and left in its text (`[FATAL]   remote: …`).
    for (const i of [7, 8, 9, 10, 11]) assert.ok(!read[i].message.startsWith('['), read[i].message);
    assert.deepEqual(read.slice(7).map((p) => p.level), ['INFO', 'WARN', 'FATAL', 'INFO', 'DEBUG']);
  });

  it("a dash after a `name:` that closes the header is the message's own (a list's bullet); after a bracket it separates the columns", () => {
    // Vagrant (batch 11): ` INFO global:   - bundler = 1.6.2` lists the dependencies under `Dependencies:`.
    const lines = [
      ' INFO global: Vagrant version: 1.6.3',
      ' INFO global: Ruby version: 2.0.0',
      ' INFO global: Dependencies:',
      ' INFO global:   - bundler = 1.6.2',
      ' INFO global:   - mime-types = 2.3',
      ' INFO manager: Registered plugin: box command',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.slice(3, 5).map((p) => p.message), ['- bundler = 1.6.2', '- mime-types = 2.3']);
    const thread = parsed(['2024-01-01 10:00:00 INFO [main] - Started server', '2024-01-01 10:00:01 INFO [main] - Stopped server', '2024-01-01 10:00:02 WARN [pool-1] - Slow query']);
    assert.deepEqual(thread.map((p) => p.message), ['Started server', 'Stopped server', 'Slow query']);
  });

  it("a level column after a source file's `name.ext:line:` is the header's (MiniDLNA's `scanner.c:703: warn:`, TiKV's `mod.rs:345: [INFO]`)", () => {
    // MiniDLNA (batch 19): `[date] file.c:line: level: message`, the same statement at two levels.
    const minidlna = parsed([
      '[2016/10/09 03:09:58] getifaddr.c:327: info: Enabled interface 192.168.1.1/255.255.255.0',
      '[2016/10/09 03:09:58] minidlna.c:984: warn: Starting MiniDLNA version 1.1.0.',
      '[2016/10/09 03:09:58] scanner.c:703: warn: Scanning /mnt/ssd/MEDIA/Video',
      '[2020/02/11 20:09:55] scanner.c:731: info: Scanning /mnt/raid/Media/Movies',
      '[2015/01/30 12:57:51] minidlna.c:939: error: MiniDLNA is already running. EXITING.',
    ]);
    assert.deepEqual(minidlna.map((p) => p.message), ['Enabled interface 192.168.1.1/255.255.255.0', 'Starting MiniDLNA version 1.1.0.', 'Scanning /mnt/ssd/MEDIA/Video', 'Scanning /mnt/raid/Media/Movies', 'MiniDLNA is already running. EXITING.']);
    assert.deepEqual(minidlna.map((p) => p.level), ['INFO', 'WARN', 'WARN', 'INFO', 'ERROR']);
    // TiKV (batch 10): the level bracketed after the location; before, these lines had no level at all.
    const tikv = parsed([
      '2018/03/02 14:45:58.133 mod.rs:345: [INFO] Release Version:   1.1.0-dev',
      '2018/03/02 14:45:58.133 mod.rs:346: [INFO] Git Commit Hash:   7e9218fd5d2d74d4e718e10fe11d47871c48933a',
      '2018/03/02 14:45:58.133 config.rs:723: [WARN] deprecated configuration, raftstore.region-max-size has been moved to coprocessor',
    ]);
    assert.deepEqual(tikv.map((p) => p.level), ['INFO', 'INFO', 'WARN']);
    assert.ok(tikv[2].message.startsWith('deprecated configuration'), tikv[2].message);
    // Go's `Lshortfile` before a statement that opens with a lower-case level word: the word is the statement's.
    const go = parsed([
      '2024/01/01 10:00:00 main.go:12: error opening file /tmp/a',
      '2024/01/01 10:00:01 main.go:12: error opening file /tmp/b',
      '2024/01/01 10:00:02 main.go:12: error opening file /tmp/c',
      '2024/01/01 10:00:03 main.go:20: starting server on :8080',
    ]);
    assert.equal(go[0].message, 'error opening file /tmp/a');
  });
});
