// Several forms of one program's header in one file, and structured records inside envelopes: the same event must
// give the same message whatever form or envelope it came in (real lines from public bug reports, with made-up
// neighbours of the same kind). Levels and times stay right, and a date that cannot be read gives no timestamp.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';
import { templatesOf } from '../../support/mined-templates';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function messages(lines: string[]): string[] {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line).message);
}


describe('several header forms in one file', () => {
  it('leaves a bracket that holds an arrow in the message: received (`<`) and sent (`>`) stay two statements', async () => {
    // Traccar (batch 5): the connection's bracket is a header column on its decoded lines (`[T6a5e4999] id: …`) and
    // holds the frame's direction on its raw ones; cut as a header, received and sent frames were one template.
    const lines = [
      '2024-10-04 07:59:40  INFO: [T6a5e4999: gt06 < 10.0.4.115] 78781f12180a040f3b28cf0349c5a403',
      '2024-10-04 07:59:40  INFO: [T6a5e4999] id: 356153592191396, time: 2024-10-04 15:59:40, course: 128.0',
      '2024-10-04 07:59:40  INFO: [T6a5e4999: gt06 > 10.0.4.115] 7878051208350a4a0d0a',
      '2024-10-04 07:59:41  INFO: [Tb0967a85: gt06 < 10.0.4.115] 79790020940a0356153594214063',
      '2024-10-04 07:59:41  INFO: [Tb0967a85] id: 356153594214063, time: 2024-10-04 06:51:38, course: 72.0',
      '2024-10-04 07:59:42  INFO: [Tb0967a85: gt06 > 10.0.4.115] 78780512065d7f140d0a',
      '2015-07-24 00:02:54 DEBUG: [5005 <- 187.146.226.85] - HEX: 2454524343522c3230313530',
      '2015-07-24 00:03:30 DEBUG: [5005 -> 201.138.177.5] - HEX: 4f4b310d0a',
      '2015-07-24 00:03:54 DEBUG: [5005 <- 187.146.226.85] - HEX: 2454524343522c3230313531',
      '2015-07-24 00:04:30 DEBUG: [5005 -> 201.138.177.5] - HEX: 4f4b310d0b',
    ];
    const templates = await templatesOf(lines, REFERENCE);
    // The decoded lines keep their bracket cut: one statement.
    assert.equal(templates[1], templates[4]);
    assert.ok(!templates[1].startsWith('['), templates[1]);
    // Which template each line joined (the raw frames' templates are one <*> each, whatever their direction).
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true, referenceTime: REFERENCE });
    const ids: number[] = [];
    for (const template of miner.templates()) for (const n of template.lineNumbers ?? []) ids[n - 1] = template.id;
    for (const [received, sent] of [[0, 2], [3, 5], [6, 7], [8, 9]]) assert.notEqual(ids[received], ids[sent], `line ${received + 1} / ${sent + 1}`);
    assert.equal(ids[0], ids[3]);
    assert.equal(ids[2], ids[5]);
    assert.equal(ids[6], ids[8]);
    assert.equal(ids[7], ids[9]);
  });

  it('a journal with a lower-case month (a non-English locale) is read as syslog, dated by the English month it names', () => {
    // Bluetoothd: `sep` is September in the locales that write it so.
    const lines = [
      'Jul 08 11:01:22 tomarchryzen bluetoothd[60340]: Stopping SDP server',
      'Jul 08 11:01:22 tomarchryzen bluetoothd[60340]: Exit',
      'sep 24 16:56:04 Ryzen-PC bluetoothd[1188]: Stopping SDP server',
      'sep 24 16:56:04 Ryzen-PC bluetoothd[1188]: Exit',
      'oct 2 08:00:01 Ryzen-PC systemd[1]: Starting bluetooth.service - Bluetooth service...',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(messages(lines), ['Stopping SDP server', 'Exit', 'Stopping SDP server', 'Exit', 'Starting bluetooth.service - Bluetooth service...']);
    assert.equal(parser.parse(lines[2]).timestamp, new Date(2026, 8, 24, 16, 56, 4).getTime());
    assert.equal(parser.parse(lines[4]).timestamp, new Date(2026, 9, 2, 8, 0, 1).getTime());
  });

  it('a month name in another language (mars, Mai, okt., févr., dez) is read from Intl; one that cannot be read gives no time', () => {
    // OpenLDAP in a French journal, smartd in a Portuguese one (batch 4, Smartd); made-up German and Norwegian neighbours.
    const lines = [
      'Apr 09 22:02:04 ldap-server slapd[20210]: conn=1240 op=2 UNBIND',
      'mars 25 14:30:16 ldaptest slapd[7591]: conn=1011 op=2 UNBIND',
      'Mai  3 08:00:01 ldaptest slapd[7591]: conn=1012 op=3 UNBIND',
      'okt. 12 10:20:30 ldaptest slapd[7591]: conn=1013 op=4 UNBIND',
      'févr. 12 10:20:30 ldaptest slapd[7591]: conn=1014 op=5 UNBIND',
      'dez 07 19:32:41 edson-p6540br smartd[2977]: conn=1015 op=6 UNBIND',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    for (const line of lines) assert.match(parser.parse(line).message, /^conn=\d+ op=\d UNBIND$/, line);
    assert.deepEqual(
      lines.map((line) => parser.parse(line).timestamp),
      [new Date(2026, 3, 9, 22, 2, 4), new Date(2026, 2, 25, 14, 30, 16), new Date(2026, 4, 3, 8, 0, 1), new Date(2026, 9, 12, 10, 20, 30), new Date(2026, 1, 12, 10, 20, 30), new Date(2025, 11, 7, 19, 32, 41)].map((d) => d.getTime()),
    );
    // `lis` is October in Croatian and November in Polish; `Brum` no month at all: never a made-up date.
    const unread = ['lis 25 14:30:16 ldaptest slapd[7591]: conn=1011 op=2 UNBIND', 'Brum 3 08:00:01 ldaptest slapd[7591]: conn=1012 op=3 UNBIND'];
    const foreign = createLineParser(unread, { referenceTime: REFERENCE });
    for (const line of unread) {
      assert.match(foreign.parse(line).message, /^conn=\d+ op=\d UNBIND$/, line);
      assert.equal(foreign.parse(line).timestamp, undefined, `never a made-up date: ${line}`);
    }
    // A file of such lines says its dates are not read.
    assert.match(foreign.format.description, /month name not read.*time filters leave these lines out/);
  });

  it("a Java logger after the thread and context is the line's component on every form, and never eats the message", () => {
    // Solr: the 6.x console (milliseconds since start), the dated form, behind docker compose, SolrCloud's long thread
    // and MDC. The core name in brackets opening a SolrCore message is the statement's own text.
    const solr = [
      '2286 INFO  (main) [   ] o.a.s.c.CoreContainer New CoreContainer 1613095350',
      '2294 INFO  (main) [   ] o.a.s.c.CoreContainer Loading cores into CoreContainer [instanceDir=/opt/solr/server/solr/]',
      '2295 WARN  (main) [   ] o.a.s.c.SolrResourceLoader No files added to classloader from lib: lib',
      '2019-08-05 06:38:49.972 INFO  (main) [   ] o.e.j.s.Server Started @7045ms',
      '2019-08-05 06:38:50.597 INFO  (coreLoadExecutor-9-thread-1) [   x:dovecot-fts] o.a.s.s.IndexSchema [dovecot-fts] Schema name=dovecot-fts',
      '2019-08-05 06:38:50.841 INFO  (coreLoadExecutor-9-thread-1) [   x:dovecot-fts] o.a.s.c.SolrCore [[dovecot-fts] ] Opening new SolrCore at [/opt/solr/dovecot-fts]',
      'qwc-solr_1                     | 2022-09-21 03:05:58.123 INFO  (coreLoadExecutor-13-thread-1) [   x:gdi] o.a.s.c.SolrCore [[gdi] ] Opening new SolrCore at [/var/solr/data/gdi]',
      'qwc-solr_1                     | 2022-09-21 03:05:58.152 INFO  (coreLoadExecutor-13-thread-1) [   x:gdi] o.a.s.r.XSLTResponseWriter xsltCacheLifetimeSeconds=5',
      'qwc-solr_1                     | 2022-09-21 03:05:58.562 WARN  (coreLoadExecutor-13-thread-1) [   x:gdi] o.a.s.h.d.DataImportHandler Data Import Handler is deprecated',
      '2022-05-23 19:39:38.133 INFO  (coreLoadExecutor-23-thread-1-processing-n:solr412-0.solr412-headless.default.svc.cluster.local:8983_solr) [c:my-collection s:shard1 r:core_node3 x:my-collection_shard1_replica_n1] o.a.s.c.SolrCore [[my-collection_shard1_replica_n1] ] Opening new SolrCore at [/opt/bitnami/solr]',
      '2022-05-23 19:39:41.042 INFO  (coreLoadExecutor-23-thread-1-processing-n:solr412-0.solr412-headless.default.svc.cluster.local:8983_solr) [c:my-collection s:shard1 r:core_node3 x:my-collection_shard1_replica_n1] o.a.s.u.CommitTracker Hard AutoCommit: if uncommitted for 15000ms;',
      'search-1  | 2025-03-29 15:40:25.724 INFO  (coreLoadExecutor-9-thread-1) [   ] o.a.s.u.CommitTracker Soft AutoCommit: if uncommitted for 10000ms;',
    ];
    const parser = createLineParser(solr, { referenceTime: REFERENCE });
    const read = solr.map((line) => parser.parse(line));
    assert.deepEqual(
      read.map((p) => p.message),
      [
        'New CoreContainer 1613095350',
        'Loading cores into CoreContainer [instanceDir=/opt/solr/server/solr/]',
        'No files added to classloader from lib: lib',
        'Started @7045ms',
        '[dovecot-fts] Schema name=dovecot-fts',
        '[[dovecot-fts] ] Opening new SolrCore at [/opt/solr/dovecot-fts]',
        '[[gdi] ] Opening new SolrCore at [/var/solr/data/gdi]',
        'xsltCacheLifetimeSeconds=5',
        'Data Import Handler is deprecated',
        '[[my-collection_shard1_replica_n1] ] Opening new SolrCore at [/opt/bitnami/solr]',
        'Hard AutoCommit: if uncommitted for 15000ms;',
        'Soft AutoCommit: if uncommitted for 10000ms;',
      ],
    );
    assert.deepEqual(
      [read[0], read[5], read[6], read[9], read[11]].map((p) => p.component),
      ['o.a.s.c.CoreContainer', 'o.a.s.c.SolrCore', 'o.a.s.c.SolrCore', 'o.a.s.c.SolrCore', 'o.a.s.u.CommitTracker'],
    );
    assert.deepEqual(
      read.map((p) => p.level),
      ['INFO', 'INFO', 'WARN', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'WARN', 'INFO', 'INFO', 'INFO'],
    );
    // Made-up neighbours: another log4j program with the full logger name, its thread in brackets, in two forms; a
    // message opening with a bracket of its own keeps it.
    const broker = [
      '2024-01-02 10:00:00,123 WARN  [worker-3] com.acme.broker.QueueManager [orders] Queue depth 120 over limit',
      '2024-01-02 10:00:01,124 INFO  [worker-1] com.acme.broker.QueueManager Queue orders drained',
      '2024-01-02 10:00:02,125 INFO  [main] com.acme.broker.Server Listening on port 9092',
      '812 WARN  [worker-2] com.acme.broker.QueueManager [billing] Queue depth 300 over limit',
      '815 INFO  [worker-2] com.acme.broker.QueueManager Queue billing drained',
      '990 ERROR [main] com.acme.broker.Server Cannot bind port 9092',
    ];
    const brokerParser = createLineParser(broker, { referenceTime: REFERENCE });
    assert.deepEqual(
      broker.map((line) => [brokerParser.parse(line).component, brokerParser.parse(line).message]),
      [
        ['com.acme.broker.QueueManager', '[orders] Queue depth 120 over limit'],
        ['com.acme.broker.QueueManager', 'Queue orders drained'],
        ['com.acme.broker.Server', 'Listening on port 9092'],
        ['com.acme.broker.QueueManager', '[billing] Queue depth 300 over limit'],
        ['com.acme.broker.QueueManager', 'Queue billing drained'],
        ['com.acme.broker.Server', 'Cannot bind port 9092'],
      ],
    );
    assert.equal(brokerParser.parse(broker[5]).level, 'ERROR');
  });

  it("a daemon's bare stderr lines (`name[pid]: msg`) and its journal lines give one message", async () => {
    const lines = [
      'bluetoothd[2285962]: Bluetooth daemon 5.63',
      'bluetoothd[2285962]: Endpoint registered: sender=:1.812 path=/MediaEndpoint/A2DPSource/ldac',
      'bluetoothd[2285962]: Endpoint registered: sender=:1.812 path=/MediaEndpoint/A2DPSink/sbc',
      'Jun 29 13:53:09 bluefin bluetoothd[1815]: Bluetooth daemon 5.83',
      'Jun 29 13:53:17 bluefin bluetoothd[1815]: Endpoint registered: sender=:1.89 path=/MediaEndpoint/A2DPSource/aac',
      'Jun 29 13:53:17 bluefin bluetoothd[1815]: Endpoint registered: sender=:1.89 path=/MediaEndpoint/A2DPSink/sbc',
    ];
    const found = messages(lines);
    assert.equal(found[0], 'Bluetooth daemon 5.63');
    assert.equal(found[3], 'Bluetooth daemon 5.83');
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[1], templates[4]);
    assert.equal(templates[0], templates[3]);
    // A name with a bracket that holds no pid is the message's own.
    assert.equal(messages(['state[idle]: waiting', 'Jun 29 13:53:17 bluefin app[1]: x'])[0], 'state[idle]: waiting');
  });

  it("a harness's time of day in front of the program's own header is header too (ZED under a test runner)", async () => {
    const lines = [
      'Jul 10 21:33:21 laputa zed[10455]: ZFS Event Daemon 2.4.3-1 (PID 10455)',
      'Jul 10 21:33:21 laputa zed[10455]: Processing events since eid=0',
      '19:05:09.50 2017-12-03 19:03:38 ZFS Event Daemon 0.7.0-195_g6b172b3 (PID 6074)',
      '19:05:09.50 2017-12-03 19:03:38 Processing events since eid=0',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.parse(lines[3]).message, 'Processing events since eid=0');
    assert.equal(parser.parse(lines[3]).timestamp, new Date(2017, 11, 3, 19, 3, 38).getTime());
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[0], templates[2]);
    assert.equal(templates[1], templates[3]);
  });
});

describe('header forms learned per file', () => {
  it("a second form of a program's header (a wrapper's bracketed date, then the program's name and level) is read on its lines", async () => {
    // OpenLDAP: syslog and a wrapper's `[dd-mm-yyyy time] slapd debug` form; neither is most of the file.
    const syslog = [
      'Jun 14 20:56:07 vinhedo5 slapd[31387]: conn=923847 fd=723 ACCEPT from IP=10.112.80.224:54370 (IP=0.0.0.0:389)',
      'Jun 14 20:56:07 vinhedo5 slapd[31387]: conn=923847 op=0 BIND dn="uid=tiago.cruz,ou=users,dc=datac,dc=com" method=128',
      'Jun 14 20:56:07 vinhedo5 slapd[31387]: conn=923847 op=0 RESULT tag=97 err=49 text=',
      'Jun 14 20:56:08 vinhedo5 slapd[31387]: conn=923847 op=1 UNBIND',
    ];
    const wrapped = [
      '[17-01-2019 09:04:47] slapd debug  conn=1006 fd=14 ACCEPT from IP=192.168.227.254:60040 (IP=0.0.0.0:636)',
      '[17-01-2019 09:04:47] slapd debug  conn=1006 op=0 BIND dn="cn=admin,dc=testunical,dc=it" method=128',
      '[17-01-2019 09:04:47] slapd debug  conn=1006 op=0 RESULT tag=97 err=0 text=',
      '[17-01-2019 09:04:48] slapd debug  conn=1006 op=1 UNBIND',
    ];
    const lines = [...syslog, ...wrapped, 'starting slapd', 'slapd stopped'];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    for (const [i, line] of wrapped.entries()) {
      const parsed = parser.parse(line);
      assert.equal(parsed.message, line.slice(line.indexOf('conn=')), line);
      assert.equal(parser.parse(syslog[i]).message, syslog[i].slice(syslog[i].indexOf('conn=')));
      assert.equal(parsed.level, 'DEBUG');
      // `17-01-2019`: a four-digit year last, day first (17 is no month), the order the file's sample shows.
      assert.equal(parsed.timestamp, new Date(2019, 0, 17, 9, 4, i === 3 ? 48 : 47).getTime());
    }
    const templates = await templatesOf(lines, REFERENCE);
    for (let i = 0; i < 4; i++) assert.equal(templates[i], templates[i + 4]);
    assert.equal(parser.parse('starting slapd').message, 'starting slapd');
  });

  it('the main header followed by a program tag and a level on some lines: the level is read, not left in the message', () => {
    // Unbound's own log form after a syslog time, its epoch form, and a syslog wrapper.
    const lines = [
      'Jul 13 11:40:57 unbound[17406:0] error: validator: could not apply configuration settings.',
      'Jul 13 11:40:57 unbound[17406:0] error: module init for module validator failed',
      'Jul 13 11:41:02 unbound[19348:0] notice: init module 0: validator',
      'May 09 13:36:27 unbound[1:0] info: generate keytag query _ta-4f66. NULL IN',
      'May 09 13:36:27 unbound[1:0] info: start of service (unbound 1.17.1).',
      'May 09 13:36:27 unbound[1:0] notice: init module 1: iterator',
      '[1645651150] unbound[1:0] info: file /etc/unbound/root.key',
      '[1645651150] unbound[1:0] notice: init module 0: validator',
      '[1645651150] unbound[1:0] info: start of service (unbound 1.13.1).',
      'Apr 18 15:10:41 GSFW unbound[61574]: [61574:0] notice: init module 0: python',
      'Apr 18 15:10:44 GSFW unbound[61574]: [61574:0] info: generate keytag query _ta-4f66. NULL IN',
      'Apr 18 15:10:45 GSFW unbound[61574]: [61574:0] info: start of service (unbound 1.17.1).',
      'Apr 18 15:10:45 GSFW unbound[61574]: [61574:0] error: module init for module validator failed',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const read = lines.map((line) => parser.parse(line));
    assert.deepEqual(read.map((p) => p.level), ['ERROR', 'ERROR', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'ERROR']);
    assert.equal(read[0].message, 'validator: could not apply configuration settings.');
    assert.equal(read[7].message, 'init module 0: validator');
    assert.equal(read[9].message, 'init module 0: python');
    assert.equal(read[12].message, read[1].message);
    assert.equal(read[6].timestamp, 1645651150000);
  });
});

describe('header forms without over-reading the message', () => {
  it("HAProxy's `[LEVEL] (pid) :` after a date, bare, and behind docker compose with 1.8's day/time give one message", () => {
    const lines = [
      '2023-04-04 15:54:43 [WARNING]  (8) : Server csg-gateway/csggateway-app-1 is DOWN. 1 active and 0 backup servers left.',
      '2023-04-04 15:54:37 [WARNING]  (8) : Health check for server csg-gateway/csggateway-app-1 failed, reason: Layer4 timeout',
      '[WARNING]  (301) : Server pub_8443/SRV_2 is DOWN. 0 active and 0 backup servers left.',
      "[ALERT]    (301) : backend 'pub_8443' has no server available!",
      "haproxy_1_3e1d962649bf | [ALERT] 035/080447 (1) : backend 'backend_api' has no server available!",
      'haproxy_1_3e1d962649bf | [WARNING] 035/080449 (1) : Server vpn-tunnel/balena_vpn is DOWN. 0 active and 0 backup servers left.',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const read = lines.map((line) => parser.parse(line));
    assert.deepEqual(read.map((p) => p.level), ['WARN', 'WARN', 'WARN', 'FATAL', 'FATAL', 'WARN']);
    for (const p of read) assert.match(p.message, /^(Server|Health|backend)/, p.message);
    // The day/time of 1.8 (`035/080447`, no year or month) is no timestamp.
    assert.equal(read[4].timestamp, undefined);
  });

  it("Solr's console form (milliseconds since start, then level, thread, MDC) is read like its dated form, its logger the component", () => {
    const lines = [
      '2286 INFO  (main) [   ] o.a.s.c.CoreContainer New CoreContainer 1613095350',
      '2294 INFO  (main) [   ] o.a.s.c.CoreContainer loading shared library: /opt/solr/server/solr/lib',
      '2295 WARN  (main) [   ] o.a.s.c.SolrResourceLoader No files added to classloader from lib: lib',
      '2019-08-05 06:38:49.972 INFO  (main) [   ] o.e.j.s.Server Started @7045ms',
      '2019-08-05 06:38:50.404 INFO  (coreLoadExecutor-9-thread-1) [   x:dovecot-fts] o.a.s.c.SolrConfig Using Lucene MatchVersion: 7.7.0',
      "2019-08-05 06:38:50.777 INFO  (coreLoadExecutor-9-thread-1) [   x:dovecot-fts] o.a.s.c.CoreContainer Creating SolrCore 'dovecot-fts'",
      'search-1  | 2025-03-29 15:40:25.724 INFO  (coreLoadExecutor-9-thread-1) [   ] o.a.s.u.CommitTracker Hard AutoCommit: if uncommitted for 15000ms;',
      'search-1  | 2025-03-29 15:40:25.723 INFO  (coreLoadExecutor-9-thread-1) [   ] o.a.s.u.UpdateHandler Using UpdateLog implementation: org.apache.solr.update.UpdateLog',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const read = lines.map((line) => parser.parse(line));
    // The logger is a header field on every form (not left in some messages and cut from others).
    for (const p of read) {
      assert.match(p.component ?? '', /^o\.[a-z]\.[a-z]\.[\w.]+$/, p.message);
      assert.doesNotMatch(p.message, /^o\./, p.message);
    }
    assert.deepEqual(read.map((p) => p.level), ['INFO', 'INFO', 'WARN', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO']);
    // Milliseconds since start are no wall-clock time.
    assert.equal(read[0].timestamp, undefined);
    assert.match(read[7].message, /Using UpdateLog implementation: org\.apache\.solr\.update\.UpdateLog$/);
  });

  it("a message's own `word: value` is never taken for a header field (Pi-hole FTL, Airflow's DAG names)", () => {
    const pihole = [
      '[2019-02-12 11:02:57.382] ########## FTL started! ##########',
      '[2019-02-12 11:02:57.382] FTL branch: master',
      '[2019-02-12 11:02:57.382] FTL version: v4.2',
      '[2019-02-12 11:02:57.383] PID of FTL process: 12668',
      '[2020-10-20 12:38:37.223 29492M] FTL branch: development',
      '[2020-10-20 12:38:37.223 29492M] FTL version: v5.2',
      '[2020-10-20 12:38:37.224 29492M] PID of FTL process: 29492',
    ];
    assert.deepEqual(messages(pihole), [
      '########## FTL started! ##########',
      'FTL branch: master',
      'FTL version: v4.2',
      'PID of FTL process: 12668',
      'FTL branch: development',
      'FTL version: v5.2',
      'PID of FTL process: 29492',
    ]);
    const airflow = [
      '[2016-04-07 23:24:51,659] {models.py:296} INFO - Loaded DAG <DAG: example_xcom>',
      '[2016-04-07 23:24:51,660] {models.py:296} INFO - Loaded DAG <DAG: example_http_operator>',
      '[2016-04-07 23:24:51,661] {models.py:296} INFO - Loaded DAG <DAG: tutorial>',
      '[2016-04-07 23:24:52,001] {jobs.py:120} WARNING - Heartbeat: took too long',
    ];
    assert.deepEqual(messages(airflow), ['Loaded DAG <DAG: example_xcom>', 'Loaded DAG <DAG: example_http_operator>', 'Loaded DAG <DAG: tutorial>', 'Heartbeat: took too long']);
  });
});

describe('structured records inside envelopes', () => {
  it('zap JSON behind a journal prefix is read as the bare JSON lines are: its msg, level and time', async () => {
    // Caddy 2, bare and under systemd.
    const lines = [
      '{"level":"info","ts":1735515098.6964662,"logger":"tls","msg":"finished cleaning storage units"}',
      '{"level":"info","ts":1735515098.6910675,"msg":"serving initial configuration"}',
      '{"level":"warn","ts":1735515098.690506,"logger":"http","msg":"HTTP/2 skipped because it requires TLS","network":"tcp"}',
      'Aug 16 14:48:09 SITE1_SERVER caddy[3166305]: {"level":"info","ts":1786906089.4652667,"msg":"serving initial configuration"}',
      'Aug 16 15:20:34 SITE1_SERVER caddy[3177999]: {"level":"info","ts":1786908034.1828172,"logger":"tls","msg":"finished cleaning storage units"}',
      'Aug 16 15:20:34 SITE1_SERVER caddy[3177999]: {"level":"warn","ts":1786908034.1829476,"logger":"tls","msg":"stapling OCSP","error":"no OCSP stapling"}',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(
      lines.slice(3).map((line) => parser.parse(line)),
      [
        { message: 'serving initial configuration', level: 'INFO', timestamp: 1786906089465 },
        { message: 'finished cleaning storage units', level: 'INFO', timestamp: 1786908034183, component: 'tls' },
        { message: 'stapling OCSP', level: 'WARN', timestamp: 1786908034183, component: 'tls' },
      ],
    );
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[0], templates[4]);
    assert.equal(templates[1], templates[3]);
    assert.notEqual(templates[4], templates[5], 'two events in the journal are not one JSON template');
  });

  it("zap's console lines (time, level, msg, then the fields as JSON) among logfmt records give the same message", () => {
    // InfluxDB: logfmt on Linux, the console encoder on Windows (tabs pasted as spaces).
    const lines = [
      'ts=2021-02-15T05:18:12.554883Z lvl=info msg="Opened shard" log_id=0SL1l570000 service=store trace_id=0SL1l5XW000 op_name=tsdb_open index_version=inmem path=/var/lib/influxdb/data/_internal/monitor/1 duration=188.047ms',
      'ts=2021-02-15T05:18:12.557895Z lvl=info msg="Opened file" log_id=0SL1l570000 engine=tsm1 service=filestore path=/var/lib/influxdb/data/x/000000001-000000001.tsm id=0 duration=0.312ms',
      'ts=2021-02-15T05:18:12.559895Z lvl=warn msg="Opened shard" log_id=0SL1l570000 service=store',
      'ts=2021-02-15T05:18:12.560895Z lvl=info msg="Opened file" log_id=0SL1l570000 engine=tsm1 service=filestore',
      'ts=2021-02-15T05:18:12.561895Z lvl=info msg="Opened shard" log_id=0SL1l570000 service=store',
      '2021-08-11T08:48:24.346292Z     info    Opened shard    {"log_id": "0Vu6CnV0000", "service": "store", "trace_id": "0Vu6CnV0000"}',
      '2021-08-11T08:48:24.348292Z     warn    Opened file     {"log_id": "0Vu6CnV0000", "engine": "tsm1"}',
      '2021-08-11T08:48:24.348292Z\tinfo\tstore.engine\tOpened file\t{"log_id": "0Vu6CnV0000", "engine": "tsm1"}',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.format.id, 'logfmt');
    assert.deepEqual(
      lines.map((line) => [parser.parse(line).message, parser.parse(line).level]),
      [['Opened shard', 'INFO'], ['Opened file', 'INFO'], ['Opened shard', 'WARN'], ['Opened file', 'INFO'], ['Opened shard', 'INFO'], ['Opened shard', 'INFO'], ['Opened file', 'WARN'], ['Opened file', 'INFO']],
    );
    assert.equal(parser.parse(lines[5]).timestamp, Date.UTC(2021, 7, 11, 8, 48, 24, 346));
    assert.equal(parser.parse(lines[7]).component, 'store.engine');
  });

  it("hclog lines inside the journal lose the journal's prefix and keep their own level and time", async () => {
    // Nomad: the bare (indented) form and the journal form of one statement.
    const lines = [
      '    2023-11-25T20:34:41.073Z [INFO]  client.plugin: starting plugin manager: plugin-type=device',
      '    2023-11-25T20:34:41.073Z [DEBUG] client.device_mgr: exiting since there are no device plugins',
      '    2023-11-25T20:34:41.077Z [DEBUG] client.driver_mgr: initial driver fingerprint: driver=java',
      '    2020-04-15T20:45:45.928Z [WARN]  nomad.raft: heartbeat timeout reached, starting election: last-leader=',
      'Mar 27 12:45:46 nomad3 nomad[12020]:     2023-03-27T12:45:46.623Z [ERROR] worker: failed to dequeue evaluation: worker_id=1',
      'Sep 20 13:35:08 s503.acme.com nomad-client[2331106]:     2023-09-20T13:35:08.435Z [INFO]  client.plugin: starting plugin manager: plugin-type=device',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(parser.parse(lines[4]), { message: 'failed to dequeue evaluation: worker_id=1', level: 'ERROR', timestamp: Date.UTC(2023, 2, 27, 12, 45, 46, 623), component: 'worker' });
    assert.equal(parser.parse(lines[5]).message, parser.parse(lines[0]).message);
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[0], templates[5]);
  });

  it('a logfmt record behind a journal prefix in a syslog file is read by its msg and level', () => {
    const lines = [
      'Jan 12 10:00:01 node1 systemd[1]: Starting containerd container runtime...',
      'Jan 12 10:00:01 node1 systemd[1]: Started containerd container runtime.',
      'Jan 12 10:00:02 node1 kubelet[812]: I0112 10:00:02.000000 812 server.go:416] Version: v1.28.2',
      'Jan 12 10:00:02 node1 containerd[640]: time="2024-01-12T10:00:02.118612349Z" level=warning msg="failed to load plugin" id=io.containerd.snapshotter.v1.zfs',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(parser.parse(lines[3]), { message: 'failed to load plugin', level: 'WARN', timestamp: Date.UTC(2024, 0, 12, 10, 0, 2, 118), component: 'containerd[640]' });
    assert.equal(parser.parse(lines[0]).message, 'Starting containerd container runtime...');
  });

  it("a line in another program's layout amid syslog lines keeps its level: the host field does not take `ERROR`", () => {
    // An app's own `date time LEVEL message` lines: bare (a file both write to), behind the journal's tag, and as the
    // text of a Docker record behind the tag. The syslog header has no level field, and the host field would read the
    // level word once the time is read in the other form.
    const lines = [
      'Jan 12 10:00:01 node1 systemd[1]: Starting app.service...',
      'Jan 12 10:00:01 node1 systemd[1]: Started app.service.',
      'Jan 12 10:00:02 node1 app[77]: 2024-01-12 10:00:02,118 ERROR Connection to db failed',
      '2024-01-12 10:00:03,500 ERROR Connection to db failed',
      'Jan 12 10:00:04 node1 app[77]: {"log":"2024-01-12 10:00:04 WARN pool exhausted\\n","stream":"stderr"}',
      'Jan 12 10:00:05 node1 app[77]: 2024-01-12 10:00:05 INFO ready',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.format.id, 'syslog');
    assert.deepEqual(
      lines.slice(2).map((line) => [parser.parse(line).level, parser.parse(line).message.trim()]),
      [['ERROR', 'Connection to db failed'], ['ERROR', 'Connection to db failed'], ['WARN', 'pool exhausted'], ['INFO', 'ready']],
    );
    assert.equal(parser.parse(lines[3]).timestamp, new Date(2024, 0, 12, 10, 0, 3, 500).getTime());
  });
});

describe('header forms the readers do not know, judged by the file', () => {
  it("a bracketed prefix glued to the first word (uWSGI under Wazuh's `[UWSGI]`) is a header, the message the same as bare", async () => {
    // Real lines (batch 4, UWSGI), with made-up neighbours of the same shape.
    const lines = [
      'Wed Nov  4 11:22:34 2015 - compiled with version: 4.8.4 on 30 August 2015 19:57:26',
      'Wed Nov  4 11:22:34 2015 - detected number of CPU cores: 4',
      'Wed Nov  4 11:22:34 2015 - detected binary path: /usr/local/bin/uwsgi',
      '[UWSGI]compiled with version: 7.3.0 on 02 May 2019 15:07:58',
      '[UWSGI]detected number of CPU cores: 12',
      '[UWSGI]detected binary path: /var/ossec/framework/python/bin/uwsgi',
      'worker pool ready with 4 slots',
      '[pool-2]worker pool ready with 8 slots',
    ];
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[3], templates[0]);
    assert.equal(templates[4], templates[1]);
    assert.equal(templates[5], templates[2]);
    assert.equal(templates[7], templates[6]);
    assert.doesNotMatch(templates[4], /UWSGI|\]/);
    // A word glued to a constant bracket that no bare line shares stays apart: `[OK]` beside `[FAIL]` is no header.
    assert.notEqual(templates[1], templates[2]);
  });

  it("a header column added or padded in another version (Salt's `[name      :line ]`) keeps a short message one template", async () => {
    // Real lines (batch 4, Salt: 2017's log file, 2018's with the line number), with made-up neighbours.
    const lines = [
      '2017-10-05 08:52:25,925 [salt.utils.lazy  ][DEBUG   ][3121] LazyLoaded saltutil.find_job',
      '2017-10-05 08:52:25,927 [salt.utils.lazy  ][DEBUG   ][3121] LazyLoaded direct_call.get',
      '2018-07-10 14:55:53,769 [salt.utils.lazy  :100 ][DEBUG   ][31293] LazyLoaded config.merge',
      '2018-07-10 14:56:17,515 [salt.utils.lazy  :100 ][DEBUG   ][31622] LazyLoaded test.ping',
      '2017-10-05 08:52:26,001 [salt.minion      ][INFO    ][3121] Reconnected',
      '2018-07-10 14:56:18,001 [salt.minion      :1428][INFO    ][31293] Reconnected',
      '2018-07-10 14:56:18,002 [salt.crypt       :1428][INFO    ][31293] Reconnected',
    ];
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[2], templates[0]);
    assert.equal(templates[5], templates[4]);
    // The brackets written without a space between them are read as the header (the logger's, the level's, the pid's):
    // the level is read, and the logger is a header column as in any `[logger][LEVEL]` layout, whatever logger wrote
    // `Reconnected` (the labelled Salt excerpt strips it too).
    assert.equal(templates[6], templates[4]);
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(lines.map((line) => parser.parse(line).level), ['DEBUG', 'DEBUG', 'DEBUG', 'DEBUG', 'INFO', 'INFO', 'INFO']);
  });

  it('white space after the last word (a line written with a trailing blank) does not make another message', async () => {
    // Real lines (batch 4, Gunicorn): the journal lines of one service end in a blank.
    const lines = [
      '[2022-08-04 01:08:42 +0900] [86314] [INFO] Booting worker with pid: 86315',
      '[2022-08-04 01:08:42 +0900] [86314] [INFO] Starting gunicorn 20.1.0',
      '[2022-08-04 01:08:42 +0900] [86314] [INFO] Using worker: sync',
      'Jun 26 00:14:09 82503dbea2e8 webui: [2023-06-26 00:14:09 +0000] [84] [INFO] Booting worker with pid: 161 ',
      'Jun 26 00:14:09 82503dbea2e8 webui: [2023-06-26 00:14:09 +0000] [84] [INFO] Starting gunicorn 20.0.4 ',
      'Jun 26 00:14:09 82503dbea2e8 webui: [2023-06-26 00:14:09 +0000] [84] [INFO] Using worker: sync ',
    ];
    const templates = await templatesOf(lines, REFERENCE);
    assert.deepEqual(templates.slice(3), templates.slice(0, 3));
  });

  it('a header read leaves a message: a whole line (or a `key: value` line) is never taken as header', async () => {
    // Real lines (batch 4): chrony's bare ISO line was mined to an empty template; uWSGI's `nodename: host` lost its key.
    const lines = [
      'Jul 17 04:19:28 intranet chronyd[17789]: Selected source 81.19.96.148',
      '2023-09-19T03:25:35Z Selected source 104.131.155.175 (0.pool.ntp.org)',
      '2023-09-19T03:25:36Z Loaded configuration (defaults)',
      '2023-08-16 09:57:06 nodename: green-liveweb23',
      '2023-08-16 09:57:06 machine: x86_64',
      'Sun Jan 19 04:30:51 2020 - nodename: box.lan',
    ];
    assert.deepEqual(messages(lines).slice(1), [
      'Selected source 104.131.155.175 (0.pool.ntp.org)',
      'Loaded configuration (defaults)',
      'nodename: green-liveweb23',
      'machine: x86_64',
      'nodename: box.lan',
    ]);
    const templates = await templatesOf(lines, REFERENCE);
    for (const template of templates) assert.notEqual(template.trim(), '');
    assert.notEqual(templates[3], templates[4], 'two keys are two statements');
    assert.match(templates[3], /^nodename: /);
  });
});

describe('bracketed header fields written without a space between them', () => {
  it("`[time][target][LEVEL] msg` is read: the level (an ERROR line is an error), the time, the message after the last `]`", () => {
    // Real lines (Vaultwarden, a Rust web server with the fern logger's default), bare and behind docker compose's
    // `name  | `; made-up neighbours of the same kind: the level before the target, and a space after the time only.
    const lines = [
      'bitwarden    | [2020-11-20 10:54:52.147][error][ERROR] Username or password is incorrect. Try again. IP: XX.XX.XX.XX. Username: example@email.com.',
      '[2023-04-01 18:59:00.634][start][INFO] Rocket has launched from http://0.0.0.0:80',
      '[2023-04-01 18:59:24.131][request][INFO] GET /api/devices/knowndevice',
      '[2023-04-01 18:59:24.131][vaultwarden::api::core::accounts::_][WARN] Request guard `KnownDevice` failed: "X-Request-Email value failed to decode as base64url".',
      '[2024-11-28 09:31:24.452][response][INFO] (list_policies_token) GET /api/organizations/<org_id>/policies/token?<token> => 200 OK',
      'vaultwarden  | [2026-04-27 08:58:12.709][request][INFO] GET /',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(
      parsed.map((p) => p.level),
      ['ERROR', 'INFO', 'INFO', 'WARN', 'INFO', 'INFO'],
    );
    assert.deepEqual(parsed.map((p) => p.message), [
      'Username or password is incorrect. Try again. IP: XX.XX.XX.XX. Username: example@email.com.',
      'Rocket has launched from http://0.0.0.0:80',
      'GET /api/devices/knowndevice',
      'Request guard `KnownDevice` failed: "X-Request-Email value failed to decode as base64url".',
      '(list_policies_token) GET /api/organizations/<org_id>/policies/token?<token> => 200 OK',
      'GET /',
    ]);
    assert.equal(parsed[1].timestamp, Date.UTC(2023, 3, 1, 18, 59, 0, 634) + new Date(2023, 3, 1).getTimezoneOffset() * 60_000);
    for (const made of [
      ['[2023-04-01T18:59:00Z][INFO][my_app::server] listening on 0.0.0.0:8080', '[2023-04-01T18:59:01Z][ERROR][my_app::db] connection refused'],
      ['[2023-04-01 18:59:00.634] [INFO][main] server started', '[2023-04-01 18:59:01.000] [ERROR][worker-1] job 12 failed'],
    ]) {
      const own = createLineParser(made, { referenceTime: REFERENCE });
      assert.deepEqual(made.map((line) => own.parse(line).level), ['INFO', 'ERROR']);
      assert.deepEqual(made.map((line) => own.parse(line).message), [made[0].slice(made[0].lastIndexOf('] ') + 2), made[1].slice(made[1].lastIndexOf('] ') + 2)]);
      assert.equal(own.parse(made[0]).timestamp !== undefined, true);
    }
  });

  it("a column written on some lines of a form only (the response's `(route)`) is the message's, on every line of it", async () => {
    // Real lines (Vaultwarden): the request logger's response lines, bare and behind docker compose. The file shows the
    // column optional: three of its bare lines of that form go without it (the requests).
    const lines = [
      '{"log":"ERROR: Username or password is incorrect. Try again.\\n","stream":"stdout","time":"2018-08-08T19:33:20.892869034Z"}',
      '[2024-11-28 09:31:21.414][response][INFO] (login) POST /identity/connect/token => 400 Bad Request',
      '[2024-11-28 09:31:43.915][request][INFO] POST /identity/accounts/register',
      '[2024-11-28 09:31:44.186][response][INFO] (identity_register) POST /identity/accounts/register => 200 OK',
      '[2024-11-28 09:31:45.502][request][INFO] GET /api/devices/knowndevice',
      '[2024-11-28 09:31:45.503][response][INFO] (get_known_device) GET /api/devices/knowndevice => 200 OK',
      '[2024-11-28 09:31:49.647][request][INFO] POST /identity/connect/token',
      'vaultwarden-1   | [2026-08-22 13:13:09.832][request][INFO] GET /api/devices/knowndevice',
      'vaultwarden-1   | [2026-08-22 13:13:09.835][response][INFO] (get_known_device) GET /api/devices/knowndevice => 200 OK',
      'vaultwarden-1   | [2026-08-22 13:13:14.007][response][INFO] (login) POST /identity/connect/token => 200 OK',
      'vaultwarden-1   | [2026-08-22 13:13:14.133][request][INFO] POST /identity/accounts/prelogin/password',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    for (const i of [1, 3, 5, 8, 9]) assert.match(parser.parse(lines[i]).message, /^\(\w+\) (?:GET|POST) /, lines[i]);
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[8], templates[5], 'one response, bare and behind docker compose');
    assert.equal(templates[7], templates[4], 'one request, bare and behind docker compose');
    assert.notEqual(templates[5], templates[4], 'a response is not its request');
  });
});

describe('a level written before the time, then `|`', () => {
  it("`info | date | logger | msg` reads the level (not a docker compose service named `info`); a service keeps its name", () => {
    // Real lines (batch 5, Frigate: the older layout behind s6's time, then 0.16's), with made-up neighbours: an error
    // and a warning of 0.16's layout, and a docker compose service's line, whose name stays the component.
    const lines = [
      '2023-12-31 11:02:27.840950807  [2023-12-31 12:02:27] peewee_migrate                 INFO    : Starting migrations',
      '2023-12-31 11:02:27.844945673  [2023-12-31 12:02:27] peewee_migrate                 INFO    : There is nothing to migrate',
      '2023-12-31 11:02:27.861335472  [2023-12-31 12:02:27] frigate.app                    INFO    : Output process started: 301',
      '2023-12-31 11:02:27.864691133  [2023-12-31 12:02:27] frigate.detectors              WARNING : CPU detectors are not recommended and should only be used for testing or for trial purposes.',
      '2023-12-31 11:02:27.871683186  [2023-12-31 12:02:27] frigate.app                    INFO    : Camera processor started for front_garden: 303',
      'info | 2025-11-15 13:57:41 | startup                               | Preparing Frigate...',
      'info | 2025-11-15 13:57:43 | frigate.app                           | Starting Frigate (0.16.2-4d58206)',
      'error | 2025-11-15 13:57:44 | frigate.app                           | Camera front_garden failed to start',
      'WARNING | 2025-11-15 13:57:45 | frigate.detectors                 | CPU detectors are not recommended',
      'web-1  | 2025-11-15 13:57:46 ERROR connection refused',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.slice(5).map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'ERROR', 'WARN', 'ERROR']);
    // The logger's padded `name   |` column is left to the miner's header columns (columns.ts) in so short a file.
    assert.deepEqual(
      parsed.slice(0, 4).map((p) => p.message.replace(/^\S+ +\| /, '')),
      ['Preparing Frigate...', 'Starting Frigate (0.16.2-4d58206)', 'Camera front_garden failed to start', 'CPU detectors are not recommended'],
    );
    assert.equal(parsed[2].timestamp !== undefined, true);
    assert.equal(parsed[4].component, 'web-1');
  });
});

describe("a C daemon's header with `-- ` between date and time and the level in angle brackets", () => {
  it("`[pid] d/m/yyyy -- time - (file.c:line) <Level> (Function) -- msg` reads its time and level; an unknown order gives no time", () => {
    // Real lines (batch 5, Suricata 5's suricata.log), with made-up neighbours: an error, and a file whose dates do not
    // tell day from month (no time is guessed; its levels are not read either yet: a clock-like date is read as a
    // header field only first on the line, not after the pid).
    const lines = [
      '[12837] 29/9/2019 -- 08:49:13 - (suricata.c:1058) <Notice> (LogVersion) -- This is Suricata version 5.0.0-dev (rev 69d0d484e)',
      '[12837] 29/9/2019 -- 08:49:13 - (util-cpu.c:171) <Info> (UtilCpuPrintSummary) -- CPUs/cores online: 4',
      '[12839] 29/9/2019 -- 08:49:14 - (util-privs.c:93) <Info> (SCDropMainThreadCaps) -- dropped the caps for main thread',
      '[12839] 29/9/2019 -- 08:49:15 - (source-af-packet.c:1712) <Error> (AFPCreateSocket) -- [ERRCODE: SC_ERR_AFP_CREATE(190)] - Couldn\'t find iface eth9',
      '6/10/2020 -- 12:34:42 - <Warning> - [ERRCODE: SC_WARN_DEFAULT_WILL_CHANGE(317)] - default will change',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'INFO', 'ERROR', 'WARN']);
    assert.equal(parsed[0].timestamp, new Date(2019, 8, 29, 8, 49, 13).getTime());
    assert.equal(parsed[4].timestamp, new Date(2020, 9, 6, 12, 34, 42).getTime());
    // The source location and the level are header; the function (one per message) may stay.
    for (const p of parsed) assert.doesNotMatch(p.message, /<\w+>|\.c:\d+|^- /);
    assert.match(parsed[0].message, /This is Suricata version 5\.0\.0-dev/);
    const unknown = ['[1] 6/9/2019 -- 08:49:13 - (a.c:1) <Info> (F) -- started', '[1] 7/9/2019 -- 08:49:14 - (a.c:2) <Error> (G) -- failed'];
    const own = createLineParser(unknown, { referenceTime: REFERENCE });
    assert.deepEqual(unknown.map((line) => own.parse(line).timestamp), [undefined, undefined]);
  });
});

describe('indented entries pasted beside unindented ones', () => {
  it('an indented line that the header does not read and that opens with its own date and time is an entry of its own', () => {
    // Mopidy (batch 9): the console form `LEVEL    message`, then log-file lines pasted indented in the same report.
    const lines = [
      'INFO     Starting Mopidy 0.18.3',
      'INFO     Loading config from: builtin defaults, /etc/xdg/mopidy/mopidy.conf, command line options',
      'INFO     Enabled extensions: none',
      'ERROR    No extension enabled, exiting...',
      '    2015-09-13 20:56:39,821 INFO [3444:MainThread] mopidy.__main__: Starting Mopidy 1.1.0',
      '    2015-09-13 20:56:39,955 DEBUG [3444:MainThread] mopidy.ext: Loaded extension: Mopidy-MPD 1.1.0',
      'INFO     Starting Mopidy 2.1.0',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.equal(parsed[4].message, 'Starting Mopidy 1.1.0');
    assert.equal(parsed[4].level, 'INFO');
    assert.equal(parsed[4].timestamp, new Date(2015, 8, 13, 20, 56, 39, 821).getTime());
    assert.equal(parsed[5].message, 'Loaded extension: Mopidy-MPD 1.1.0');
    assert.equal(parsed[5].level, 'DEBUG');
  });

  it('an indented line without a date of its own stays the entry above\'s, as a stack frame does', () => {
    const lines = [
      '2015-09-13 20:56:39,821 ERROR [3444:MainThread] app.main: Request failed',
      '    Traceback (most recent call last):',
      '      File "app.py", line 12, in handle',
      '    12:00:01 retry scheduled',
      '2015-09-13 20:56:40,001 INFO [3444:MainThread] app.main: Request done',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    for (const i of [1, 2, 3]) {
      const parsed = parser.parse(lines[i]);
      assert.equal(parsed.message, lines[i], lines[i]);
      assert.equal(parsed.timestamp, undefined, lines[i]);
    }
  });
});

describe('a program\'s log-file line inside a journal line', () => {
  it('behind a syslog tag, the inner line\'s own month-name time and level are header, as the tag\'s other lines have none', () => {
    // Corosync (batch 9): its log-file line, time and level and all, as the journal's message, beside lines without.
    const lines = [
      'May 04 17:52:13 SmallDebian9_1 corosync[6415]: May 04 17:52:13 debug   [TOTEM ] got commit token',
      'May 04 17:52:13 SmallDebian9_1 corosync[6415]:   [TOTEM ] got commit token',
      'May 04 17:52:13 SmallDebian9_1 corosync[6415]: May 04 17:52:13 debug   [MAIN  ] Storing new sequence id for ring 14',
      'May 04 17:52:14 SmallDebian9_1 corosync[6415]:   [TOTEM ] entering COMMIT state.',
      // A message that opens with a month's name and no time is the message's own.
      'May 04 17:52:15 SmallDebian9_1 corosync[6415]: May be unreachable: node 3',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.equal(parsed[0].message, '[TOTEM ] got commit token');
    assert.equal(parsed[0].level, 'DEBUG');
    assert.equal(parsed[1].message.trim(), '[TOTEM ] got commit token');
    assert.equal(parsed[2].message, '[MAIN  ] Storing new sequence id for ring 14');
    assert.equal(parsed[4].message, 'May be unreachable: node 3');
  });
});

describe('klog-like headers', () => {
  it("CockroachDB's `Lyymmdd hh:mm:ss.micros goid file:line` is read: its level, its time, the message after the location", () => {
    // Real lines (batch 4, CockroachDB) and a made-up warning of the same form.
    const lines = [
      'I180221 12:25:37.326791 431 gossip/server.go:219  [n1] received initial cluster-verification connection from {tcp 127.0.0.1:63869}',
      'I200205 22:44:55.745373 1006 gossip/server.go:227  [n1] received initial cluster-verification connection from 127.0.0.1:35133',
      'W200205 22:44:56.000001 1006 storage/store.go:1412  [n1,s1] disk stall detected',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.format.id, 'glog');
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'WARN']);
    assert.equal(parsed[0].timestamp, new Date(2018, 1, 21, 12, 25, 37, 326).getTime());
    assert.equal(parsed[2].message, 'disk stall detected');
    assert.match(parsed[0].message, /^received initial cluster-verification connection/);
  });
});

describe('one event behind two header forms in one file (session 13)', () => {
  it("a viewer's ISO time glued to the program's own `MM-dd time Level` gives the message the program's bare lines give", () => {
    // Real lines (batch 10, Jackett): NLog's console lines copied bare, and the same lines from a log viewer that glued
    // its `…+00:00` time to them (no space between the offset and the program's `01-24`).
    const lines = [
      '2022-07-30 10:26:43\tInfo\tStarting Jackett v0.20.1489',
      '2022-07-30 10:26:44\tInfo\tJackett variant: CoreLinuxAmdx64',
      '2022-07-30 10:26:44\tInfo\tOS version: Unix 5.4.0.122 (64bit OS) (64bit process)',
      '2023-01-24 08:47:12.195241+00:0001-24 00:47:12 Info Starting Jackett v0.20.2297 ',
      '2023-01-24 08:47:13.508745+00:0001-24 00:47:13 Info Environment version: 6.0.11 (/app/) ',
      '2023-01-24 08:47:13.508802+00:0001-24 00:47:13 Info OS version: Unix 5.15.79.0 (64bit OS) (64bit process) ',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.message.trim()), [
      'Starting Jackett v0.20.1489', 'Jackett variant: CoreLinuxAmdx64', 'OS version: Unix 5.4.0.122 (64bit OS) (64bit process)',
      'Starting Jackett v0.20.2297', 'Environment version: 6.0.11 (/app/)', 'OS version: Unix 5.15.79.0 (64bit OS) (64bit process)',
    ]);
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO']);
    // The viewer's time is the line's (the first one read), with its offset.
    assert.equal(parsed[3].timestamp, Date.UTC(2023, 0, 24, 8, 47, 12, 195));
  });

  it('an offset followed by digits that are no month-day date is not read as an offset, as before', () => {
    // A made-up neighbour: `+00:0012` is no offset followed by a date; the time is read up to its seconds as today.
    const lines = [
      '2023-01-24 08:47:12+00:0012 value written',
      '2023-01-24 08:47:13+00:0013 value written',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.equal(parsed[0].timestamp, new Date(2023, 0, 24, 8, 47, 12).getTime());
    assert.equal(parsed[1].message, '+00:0013 value written');
  });

  it('a syslog host column never takes the start of a quoted value (`msg="Listening`): the record\'s msg is the message', () => {
    // Real lines (batch 10, PdnsRecursor 4.8's structured logging): a journal line with host and tag, and the same
    // program's records pasted behind only the syslog time; a neighbour whose host word holds a closed quote stays a host.
    const lines = [
      'Jun 17 14:21:24 ultimate pdns-recursor[2734553]: Using 64-bits mode. Built using gcc 9.4.0 on Jun 17 2022 11:58:38 by root@01cab996a69e.',
      'Jun 17 14:21:24 ultimate pdns_recursor[2734553]: If using IPv6, please raise sysctl net.ipv6.route.max_size to a size >= 16384',
      'Dec  7 17:25:04 <VM-HOSTNAME> pdns_recursor[1506403]: msg="Question" subsystem="syncres" level="0" prio="Info" tid="2" ts="1733579704.098" ecs="" mtid="2" proto="udp" qname="google.com" qtype="A" remote="192.168.0.1:51800"',
      'Dec 09 09:30:01 msg="Listening for queries" subsystem="config" level="0" prio="Info" tid="0" ts="1733733001.553" addresses="0.0.0.0:5301 [::]:5301" proto="UDP" reuseport="1" socketInstances="4"',
      'Dec 09 09:30:01 msg="Listening for queries" subsystem="config" level="0" prio="Info" tid="0" ts="1733733001.553" addresses="0.0.0.0:5301 [::]:5301" protocol="TCP" reuseport="1" socketInstances="1"',
      'Dec 09 09:30:02 host="a" pdns_recursor[1506403]: Done',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.equal(parsed[0].message, 'Using 64-bits mode. Built using gcc 9.4.0 on Jun 17 2022 11:58:38 by root@01cab996a69e.');
    assert.equal(parsed[2].message, 'Question');
    assert.equal(parsed[3].message, 'Listening for queries');
    assert.equal(parsed[4].message, 'Listening for queries');
    assert.equal(parsed[5].message, 'Done');
    assert.equal(parsed[5].component, 'pdns_recursor[1506403]');
  });

  // rev23 found it: a file that writes its level column in capitals (`INFO`, `ERROR`) read a line without a level whose
  // message opens with a level word in another case as that level, the word cut: error_summary counted
  // `Error count reset to 0 by user` as an error. A file that writes `Error` itself still reads it (Title-case levels).
  it('reads a message opening with `Error`/`Warning` as a message where the file writes its levels in capitals', () => {
    const lines = [
      '2026-12-03 10:00:01 INFO starting up',
      '2026-12-03 10:00:02 Error count reset to 0 by user',
      '2026-12-03 10:00:03 ERROR disk failed',
      '2026-12-03 10:00:04 Warning light switched off',
      '2026-12-03 10:00:05 WARN disk almost full',
      '2026-12-03 10:00:06 INFO done',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => [p.level, p.message]), [
      ['INFO', 'starting up'],
      [undefined, 'Error count reset to 0 by user'],
      ['ERROR', 'disk failed'],
      [undefined, 'Warning light switched off'],
      ['WARN', 'disk almost full'],
      ['INFO', 'done'],
    ]);
    // Two versions of one program in one file (Plex's `DEBUG - ` and its later `Debug — `): a separator after the word
    // makes it a level in the other spelling.
    const versions = ['Oct 28, 2018 14:44:00.343 [0x7fa0e8fff700] DEBUG - Jobs: Starting child process with pid 345', 'Oct 28, 2018 14:44:00.344 [0x7fa0ff450d40] DEBUG - Waiting for server condition', 'Oct 28, 2018 14:44:00.345 [0x7fa0e77fe700] ERROR - HttpServer: bind failed', 'Oct 28, 2018 14:44:00.346 [0x7fa0e77fe700] INFO - Plex Media Server started', 'Jan 03, 2023 10:49:55.421 [0x7f76f0859b38] Debug — Completed: [127.0.0.1:41930] 200 GET /', 'Jan 03, 2023 10:49:55.422 [0x7f76f0859b38] Error — Transcoder: exited'];
    const versionsParser = createLineParser(versions, { referenceTime: REFERENCE });
    assert.deepEqual(versions.map((line) => versionsParser.parse(line).level), ['DEBUG', 'DEBUG', 'ERROR', 'INFO', 'DEBUG', 'ERROR']);
    const titled = ['2026-12-03 10:00:01 Info starting up', '2026-12-03 10:00:02 Error disk failed', '2026-12-03 10:00:03 Warning disk almost full', '2026-12-03 10:00:04 Info done'];
    const titledParser = createLineParser(titled, { referenceTime: REFERENCE });
    assert.deepEqual(titled.map((line) => titledParser.parse(line).level), ['INFO', 'ERROR', 'WARN', 'INFO']);
  });
});
