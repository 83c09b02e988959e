// IIS writes its W3C extended logs in UTC whatever the machine's zone ("time: the time, in coordinated universal time
// (UTC), at which the activity occurred", https://learn.microsoft.com/en-us/windows/win32/http/w3c-logging); the lines
// carry no zone, so a server in Seoul read them 9 h early: "errors in the last hour" missed the 500s of the last hour
// and called the file's newest entry 9 h old (break25; the layout as users paste it in
// https://github.com/crowdsecurity/hub/issues/1203 and https://github.com/vam876/FastWLAT/issues/19).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineParser } from '../../../servers/logs/format/detect';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY-MM-DD HH:MM:SS` of `ms` in UTC. */
const utcWall = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const DIRECTIVES = (start: number) => [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  `#Date: ${utcWall(start)}`,
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
];
const request = (ms: number, status: number) =>
  `${utcWall(ms)} 192.168.8.30 GET /api/orders - 443 - 172.16.8.225 Mozilla/5.0+(Windows+NT+10.0) - ${status} 0 0 2036`;

describe('logs: W3C extended logs (IIS) are in UTC', function () {
  this.timeout(60_000);
  let dir: string;
  let now: number;
  const servers: StartedServer[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-w3c-'));
    now = Date.now();
    const lines = [...DIRECTIVES(now - 3 * 3_600_000), request(now - 110 * 60_000, 404), request(now - 45 * 60_000, 500), request(now - 5 * 60_000, 500)];
    writeFileSync(join(dir, 'u_ex261202.log'), lines.join('\r\n') + '\r\n');
    // The neighbour: the same kind of line without the directives is an ordinary zoneless log, in local time.
    writeFileSync(join(dir, 'plain.log'), `${utcWall(now - 5 * 60_000)} ERROR payment gateway timeout\n`);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  for (const zone of ['Asia/Seoul', 'America/New_York']) {
    it(`error_summary and search_logs over the last hour find the last hour's 500s on a server in ${zone}`, async () => {
      const server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: zone });
      servers.push(server);
      const summary = await call(server, 'error_summary', { file: 'u_ex261202.log', hours: 1 });
      assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
      const newest = summary.files.find((f: Data) => f.file === 'u_ex261202.log').newestEntry;
      assert.equal(Date.parse(newest), Math.floor((now - 5 * 60_000) / 1000) * 1000, `newest entry read as ${newest}`);
      const found = await call(server, 'search_logs', { file: 'u_ex261202.log', level: 'ERROR', since: '1 hour ago' });
      assert.deepEqual(
        found.matches.map((m: Data) => Date.parse(m.timestamp)),
        [now - 5 * 60_000, now - 45 * 60_000].map((ms) => Math.floor(ms / 1000) * 1000),
      );
      // The 404 of 110 minutes ago stays out of a window that starts an hour ago.
      const all = await call(server, 'search_logs', { file: 'u_ex261202.log', since: '1 hour ago' });
      assert.equal(all.matches.length, 2);
    });
  }

  // The directives are no entries: a window or a level filter used to count them among the lines without a time
  // ("4 matching line(s) without a readable timestamp were left out") and the level notes among the lines without a
  // level, though no entry was left out.
  it('counts no directive among the lines without a time or a level', async () => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
    servers.push(server);
    const found = await call(server, 'search_logs', { file: 'u_ex261202.log', since: '1 day ago' });
    assert.equal(found.matches.length, 3);
    assert.deepEqual(found.notes, []);
    const summary = await call(server, 'error_summary', { file: 'u_ex261202.log', hours: 24 });
    assert.equal(summary.totalErrors, 2);
    assert.deepEqual(summary.notes, []);
    // Without a filter a directive is a line like any other: a search for its text finds it.
    const fields = await call(server, 'search_logs', { file: 'u_ex261202.log', pattern: '#Fields:' });
    assert.equal(fields.matches.length, 1);
  });

  it('a zoneless file without the directives is still read in the server\'s zone', async () => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'Asia/Seoul' });
    servers.push(server);
    const found = await call(server, 'search_logs', { file: 'plain.log', pattern: 'timeout' });
    assert.equal(found.matches[0].timestamp.slice(0, 19), utcWall(now - 5 * 60_000).replace(' ', 'T'));
    assert.match(found.matches[0].timestamp, /\+09:00$/);
  });

  it('reads the date and time columns wherever #Fields puts them, and the #Date directive, as UTC', () => {
    const sample = ['#Version: 1.0', '#Date: 2026-11-29 10:15:00', '#Fields: time c-ip cs-method cs-uri-stem sc-status date', '10:15:02.250 10.0.0.6 POST /api/orders 500 2026-11-29'];
    const parser = createLineParser(sample, { referenceTime: Date.UTC(2026, 10, 30) });
    assert.equal(parser.parse(sample[3]).timestamp, Date.UTC(2026, 10, 29, 10, 15, 2, 250));
    const directive = parser.parse(sample[1]).timestamp;
    assert.ok(directive === undefined || directive === Date.UTC(2026, 10, 29, 10, 15, 0), `#Date read as ${directive}`);
    // ISA Server / TMG: tab-separated, a user agent's spaces as they are, the date and time after it
    // (https://docs.tibco.com/pub/logeva/6.3.0/doc/html/GUID-C0EF3D92-09C9-4204-BABD-E62EB6BACF94.html).
    const isa = ['#Software: Microsoft(R) Internet Security and Acceleration Server 2000', '#Version: 1.0', '#Start-Date: 2009-03-25 00:00:00', '#Fields: c-ip\tcs-username\tc-agent\tdate\ttime\ts-computername\tsc-status', '172.20.56.78\tanonymous\tMozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.0)\t2009-03-25\t00:00:07\tCO-NET-002\t502'];
    const isaParser = createLineParser(isa, { referenceTime: Date.UTC(2009, 2, 26) });
    assert.equal(isaParser.parse(isa[4]).timestamp, Date.UTC(2009, 2, 25, 0, 0, 7));
    const start = isaParser.parse(isa[2]).timestamp;
    assert.ok(start === undefined || start === Date.UTC(2009, 2, 25), `#Start-Date read as ${start}`);
    // A `#Fields:` line with no directive of the format beside it (a comment in some other log) changes nothing.
    const other = createLineParser(['#Fields: date time', '2026-11-29 10:15:02 ERROR disk full'], { referenceTime: Date.UTC(2026, 10, 30) });
    assert.equal(other.parse('2026-11-29 10:15:02 ERROR disk full').timestamp, new Date(2026, 10, 29, 10, 15, 2).getTime());
    assert.equal(other.parse('#Fields: date time').directive, undefined);
  });

  it('marks the directives of W3C and Zeek files, and no other file\'s # lines', () => {
    const iis = [...DIRECTIVES(Date.UTC(2026, 10, 29)), request(Date.UTC(2026, 10, 29, 0, 1), 500)];
    const iisParser = createLineParser(iis, { referenceTime: Date.UTC(2026, 10, 30) });
    assert.deepEqual(iis.map((line) => iisParser.parse(line).directive), [true, true, true, true, undefined]);
    // Zeek (Bro): tab-separated, `#fields` in lower case, no date column (its `ts` is an epoch).
    const zeek = ['#separator \\x09', '#set_separator\t,', '#path\tconn', '#open\t2026-11-29-10-00-00', '#fields\tts\tuid\tid.orig_h', '#types\ttime\tstring\taddr', '1795860001.123456\tCk3\t10.0.0.1', '#close\t2026-11-29-11-00-00'];
    const zeekParser = createLineParser(zeek, { referenceTime: Date.UTC(2026, 10, 30) });
    assert.deepEqual(zeek.map((line) => zeekParser.parse(line).directive), [true, true, true, true, true, true, undefined, true]);
    // A shell-style comment in a log without a directive block is a line of the log.
    const commented = ['# started by cron', '2026-11-29 10:15:02 ERROR disk full'];
    const commentedParser = createLineParser(commented, { referenceTime: Date.UTC(2026, 10, 30) });
    assert.equal(commentedParser.parse(commented[0]).directive, undefined);
  });
});
