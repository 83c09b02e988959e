// Several forms of one program's header in one file, and structured records inside envelopes: the same event must
// give the same message whatever form or envelope it came in (real lines from public bug reports, with made-up
// neighbours of the same kind). Levels and times stay right, and a date that cannot be read gives no timestamp.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function messages(lines: string[]): string[] {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line).message);
}

/** The templates mined from `lines`, one per line. */
async function templatesOf(lines: string[]): Promise<string[]> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true, referenceTime: REFERENCE });
  const byLine = new Map<number, string>();
  for (const template of miner.templates()) for (const n of template.lineNumbers ?? []) byLine.set(n, template.template);
  return lines.map((_, i) => byLine.get(i + 1) as string);
}

describe('several header forms in one file', () => {
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

  it('a month name that cannot be read (mars, Mai, okt., févr.) keeps the header recognised but gives no timestamp', () => {
    // OpenLDAP in a French journal; made-up German and Norwegian neighbours.
    const lines = [
      'Apr 09 22:02:04 ldap-server slapd[20210]: conn=1240 op=2 UNBIND',
      'mars 25 14:30:16 ldaptest slapd[7591]: conn=1011 op=2 UNBIND',
      'Mai  3 08:00:01 ldaptest slapd[7591]: conn=1012 op=3 UNBIND',
      'okt. 12 10:20:30 ldaptest slapd[7591]: conn=1013 op=4 UNBIND',
      'févr. 12 10:20:30 ldaptest slapd[7591]: conn=1014 op=5 UNBIND',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    for (const line of lines) assert.match(parser.parse(line).message, /^conn=\d+ op=\d UNBIND$/, line);
    assert.notEqual(parser.parse(lines[0]).timestamp, undefined);
    for (const line of lines.slice(1)) assert.equal(parser.parse(line).timestamp, undefined, `never a made-up date: ${line}`);
    // A file of such lines says its dates are not read.
    const foreign = createLineParser(lines.slice(1), { referenceTime: REFERENCE });
    assert.match(foreign.format.description, /month name not read.*time filters leave these lines out/);
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
    const templates = await templatesOf(lines);
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
    const templates = await templatesOf(lines);
    assert.equal(templates[0], templates[2]);
    assert.equal(templates[1], templates[3]);
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
    const templates = await templatesOf(lines);
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
    const templates = await templatesOf(lines);
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
});
