// The fleet tools of the built system server against a real Prometheus scraping real node_exporters,
// each labelled as a different host, all started by this test on loopback ports. Answers are checked
// against what each exporter reports itself on its own /metrics.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { exporterMetrics, freePort, hasCommand, promVector, startNodeExporter, startPrometheus, type Component } from '../../support/real-components';
import { waitUntil } from '../../support/wait';

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOSTS = ['web-1', 'web-2', 'db-1'];
const DOWN_HOST = 'gone-1';
const script = resolve(__dirname, '../../../dist/servers/system.js');

async function call(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<Structured> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Structured;
}

async function callError(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.equal(result.isError, true, `${name} should fail, got ${JSON.stringify(result.structuredContent)}`);
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** df's figures from an exporter's own node_filesystem_* lines for one mount point. */
function dfFromExporter(metrics: Map<string, number>, mount: string): { usePercent: number; sizeBytes: number } {
  const find = (name: string) => [...metrics].find(([series]) => series.startsWith(`${name}{`) && series.includes(`mountpoint="${mount}"`))?.[1];
  const size = find('node_filesystem_size_bytes')!;
  const free = find('node_filesystem_free_bytes')!;
  const avail = find('node_filesystem_avail_bytes')!;
  const used = size - free;
  return { usePercent: (100 * used) / (used + avail), sizeBytes: size };
}

function cores(metrics: Map<string, number>): number {
  return [...metrics.keys()].filter((s) => s.startsWith('node_cpu_seconds_total{') && s.includes('mode="idle"')).length;
}

describe('system server fleet tools (real Prometheus and node_exporters)', function () {
  this.timeout(120_000);
  const exporters = new Map<string, Component>();
  let prometheus: Component;
  let server: StartedServer;

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('prometheus-node-exporter')) {
      throw new Error('prometheus and prometheus-node-exporter are needed: apt-get install prometheus prometheus-node-exporter (.ci/run installs them)');
    }
    for (const host of HOSTS) exporters.set(host, await startNodeExporter());
    // A target nobody listens on: Prometheus marks it down.
    const downPort = await freePort();
    prometheus = await startPrometheus({
      scrapeIntervalSeconds: 1,
      targets: [...[...exporters].map(([host, e]) => ({ address: `127.0.0.1:${e.port}`, labels: { host } })), { address: `127.0.0.1:${downPort}`, labels: { host: DOWN_HOST } }],
    });
    // Scrapes are the event waited for: CPU rates need two of them on every live target.
    await waitUntil('two scrapes of every exporter', async () => {
      const rates = await promVector(prometheus.url, 'count by (host) (rate(node_cpu_seconds_total{mode="idle"}[1m]))');
      const down = await promVector(prometheus.url, `up{host="${DOWN_HOST}"} == 0`);
      return rates.length === HOSTS.length && down.length === 1;
    }, { timeoutMs: 60_000, intervalMs: 200 });
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });

  after(async () => {
    await server?.close();
    await prometheus?.stop();
    for (const exporter of exporters.values()) await exporter.stop();
  });

  it('lists the fleet tools next to the local ones, read-only, with the host-completing prompt and resource template', async () => {
    const { tools } = await server.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['fleet_overview', 'get_disk_usage', 'get_network_usage', 'get_resource_usage', 'get_top_processes', 'host_usage', 'query_metrics']);
    for (const tool of tools) assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
    const { prompts } = await server.client.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name), ['check_host']);
    const { resourceTemplates } = await server.client.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate), ['fleet://host/{host}']);
    assert.ok(server.client.getServerCapabilities()?.completions, 'completions capability');
  });

  it('fleet_overview: every host, the down one first, figures as each exporter reports them', async () => {
    const data = await call(server, 'fleet_overview', { diskThreshold: 0 });
    assert.equal(data.total, HOSTS.length + 1);
    assert.equal(data.down, 1);
    assert.equal(data.hostLabel, 'host');
    assert.equal(data.hosts[0].host, DOWN_HOST, 'down first');
    assert.equal(data.hosts[0].up, false);
    assert.equal(data.hosts[0].cpuPercent, null);
    assert.deepEqual(data.hosts.map((h: Structured) => h.host).sort(), [...HOSTS, DOWN_HOST].sort());
    for (const [host, exporter] of exporters) {
      const row = data.hosts.find((h: Structured) => h.host === host);
      const own = await exporterMetrics(exporter.url);
      assert.equal(row.up, true, host);
      assert.equal(row.instance, `127.0.0.1:${exporter.port}`);
      assert.ok(row.cpuPercent >= 0 && row.cpuPercent <= 100, `${host} cpu ${row.cpuPercent}`);
      assert.equal(row.logicalCores, cores(own));
      const memory = 100 * (1 - own.get('node_memory_MemAvailable_bytes')! / own.get('node_memory_MemTotal_bytes')!);
      // Other programs on this machine move memory between the scrape and this read.
      assert.ok(Math.abs(row.memoryPercent - memory) < 5, `${host} memory ${row.memoryPercent}% vs exporter ${memory}%`);
      const df = dfFromExporter(own, row.fullestDisk.mount);
      // df's formula, not 100 * (1 - avail / size), which reads tens of points higher here; 2 points leave room for writes between the scrape and this read.
      assert.ok(Math.abs(row.fullestDisk.usePercent - df.usePercent) < 2, `${host} ${row.fullestDisk.mount} ${row.fullestDisk.usePercent}% vs df ${df.usePercent}%`);
      assert.ok(Math.abs(row.load1 - own.get('node_load1')!) < Math.max(3, own.get('node_load1')! * 0.5), `${host} load`);
      assert.ok(row.warnings.some((w: Structured) => w.metric === 'disk'), 'disk threshold 0 warns on every live host');
    }
    assert.ok(data.warnings.every((w: Structured) => HOSTS.some((h) => w.message.startsWith(`${h}: `))), 'fleet warnings name their host');
    const calm = await call(server, 'fleet_overview', { cpuThreshold: 100, memoryThreshold: 100, diskThreshold: 100 });
    assert.equal(calm.warnings.length, 0);
    assert.match(calm.summary, /4 host\(s\); 1 down/);
  });

  it('host_usage now: the shape of get_resource_usage and get_disk_usage, from that host\'s exporter', async () => {
    const exporter = exporters.get('web-2')!;
    const data = await call(server, 'host_usage', { host: 'web-2' });
    const own = await exporterMetrics(exporter.url);
    assert.equal(data.instance, `127.0.0.1:${exporter.port}`);
    assert.equal(data.up, true);
    assert.equal(data.window, null);
    assert.equal(data.memory.totalBytes, own.get('node_memory_MemTotal_bytes'));
    assert.equal(data.memory.usedBytes + data.memory.availableBytes, data.memory.totalBytes);
    assert.equal(data.cpu.logicalCores, cores(own));
    assert.equal(data.cpu.perCore.length, cores(own));
    assert.ok(data.disks.length >= 1);
    for (const disk of data.disks) {
      const df = dfFromExporter(own, disk.mount);
      assert.equal(disk.sizeBytes, df.sizeBytes, disk.mount);
      assert.ok(Math.abs(disk.usePercent - df.usePercent) < 2, `${disk.mount} ${disk.usePercent}% vs df ${df.usePercent}%`);
      assert.equal(disk.usePercent, Math.round((1000 * disk.usedBytes) / (disk.usedBytes + disk.availableBytes)) / 10, 'used / (used + available)');
      assert.ok(!/^(tmpfs|devtmpfs|squashfs)$/.test(disk.type), `${disk.mount} is ${disk.type}`);
    }
    assert.deepEqual(data.history, []);
    // Named by instance as well as by the host label.
    assert.equal((await call(server, 'host_usage', { host: data.instance })).host, 'web-2');
  });

  it('host_usage over a window: history inside [since, until), peaks, warnings on the peaks', async () => {
    // The event: Prometheus holds at least 12 s of scrapes of that host.
    await waitUntil('12 s of scrapes', async () => (await promVector(prometheus.url, 'count_over_time(node_load1{host="db-1"}[12s]) >= 10')).length === 1, { intervalMs: 200 });
    const before = Date.now();
    const data = await call(server, 'host_usage', { host: 'db-1', since: '12s', points: 10, diskThreshold: 0 });
    const since = Date.parse(data.window.since);
    const until = Date.parse(data.window.until);
    assert.ok(until >= before - 1000 && until - since >= 11_000);
    assert.ok(data.history.length >= 3 && data.history.length <= 10, `${data.history.length} points`);
    for (const p of data.history) {
      const t = Date.parse(p.time);
      assert.ok(t >= since && t < until, `${p.time} inside the window`);
    }
    assert.ok(data.peaks.disk.usePercent >= Math.min(...data.history.map((p: Structured) => p.fullestDiskPercent)));
    assert.ok(data.warnings.some((w: Structured) => w.metric === 'disk' && /peak/.test(w.message)));
    assert.ok(data.memory.totalBytes > 0, 'readings at the end of the window');
  });

  it('host_usage: a down host says so; an unknown one names the hosts that are close', async () => {
    const down = await call(server, 'host_usage', { host: DOWN_HOST });
    assert.equal(down.up, false);
    assert.match(down.summary, /down/);
    const error = await callError(server, 'host_usage', { host: 'web' });
    assert.match(error, /no host "web".*did you mean.*web-1, web-2/);
  });

  it('query_metrics: instant and range PromQL, bounded series, clear refusals', async () => {
    const instant = await call(server, 'query_metrics', { query: 'node_load1' });
    assert.equal(instant.resultType, 'vector');
    assert.equal(instant.seriesCount, HOSTS.length);
    assert.deepEqual(instant.series.map((s: Structured) => s.labels.host).sort(), [...HOSTS].sort());
    const range = await call(server, 'query_metrics', { query: 'up', since: '10s', maxPoints: 5 });
    assert.equal(range.resultType, 'matrix');
    assert.ok(range.series.every((s: Structured) => s.points.length <= 5 && s.points.length >= 1));
    // A step that does not divide the window (3601 s steps over 3600.5 s): the last point is still at its end, where
    // the readings are (Prometheus started seconds ago, so points laid from the window's start read nothing; break20).
    const sparse = await call(server, 'query_metrics', { query: 'up', since: '3600.5s', maxPoints: 2 });
    assert.equal(sparse.seriesCount, HOSTS.length + 1);
    const last = Math.min(...sparse.series.map((s: Structured) => Date.parse(s.points.at(-1).time)));
    assert.ok(Date.now() - last < 60_000, `last point ${new Date(last).toISOString()}`);
    const scalar = await call(server, 'query_metrics', { query: '1 + 1' });
    assert.equal(scalar.scalar, 2);
    assert.match(await callError(server, 'query_metrics', { query: 'node_load1', maxSeries: 2 }), /returns 3 series, more than maxSeries \(2\).*aggregate/);
    assert.match(await callError(server, 'query_metrics', { query: 'sum(' }), /Prometheus refused the query: .*parse error/);
    // break23: a since after now (until's default) reached Prometheus: "end timestamp must not be before start time".
    for (const tool of ['query_metrics', 'host_usage']) {
      const args = tool === 'query_metrics' ? { query: 'up', since: '2099-01-01' } : { host: 'db-1', since: '2099-01-01' };
      assert.match(await callError(server, tool, args), /^since \(2099-01-01T00:00:00\.000.*\) is not before until \(.*, now\): the window would be empty\.$/, tool);
    }
  });

  it('query_metrics: NaN and ±Inf are given as Prometheus writes them, never null (which reads as no data); a bad at is named at', async () => {
    const values = async (query: string) => (await call(server, 'query_metrics', { query })) as Structured;
    const nan = await values('vector(0) / 0');
    assert.deepEqual(nan.series.map((s: Structured) => s.value.value), ['NaN']);
    assert.match(nan.summary, /1 value is NaN or ±Inf \(PromQL's result for 0\/0 or x\/0: a value, not missing data\)/);
    assert.deepEqual((await values('vector(1) / 0')).series.map((s: Structured) => s.value.value), ['+Inf']);
    assert.deepEqual((await values('vector(-1) / 0')).series.map((s: Structured) => s.value.value), ['-Inf']);
    assert.equal((await values('scalar(vector(0)) / 0')).scalar, 'NaN');
    const range = (await call(server, 'query_metrics', { query: 'vector(1) / 0', since: '10s', maxPoints: 3 })) as Structured;
    assert.ok(range.series[0].points.every((p: Structured) => p.value === '+Inf'), JSON.stringify(range.series[0].points));
    assert.deepEqual((await values('vector(2)')).series.map((s: Structured) => s.value.value), [2]);
    assert.match(await callError(server, 'query_metrics', { query: 'up', at: 'banana' }), /^at: cannot read "banana" as a time/);
  });

  it('fleet://host/{host} for a host Prometheus does not scrape is -32002 resource not found, naming the close ones', async () => {
    const error = await server.client.readResource({ uri: 'fleet://host/web' }).then(
      () => undefined,
      (e: { code?: number; message: string; data?: unknown }) => e,
    );
    assert.equal(error?.code, -32002, error?.message);
    assert.match(error.message, /no host "web".*did you mean.*web-1, web-2/);
    assert.deepEqual(error.data, { uri: 'fleet://host/web' });
  });

  it('completes host names on the check_host prompt and the fleet://host/{host} template, and reads a host as a resource', async () => {
    const prompt = await server.client.complete({ ref: { type: 'ref/prompt', name: 'check_host' }, argument: { name: 'host', value: 'web' } });
    assert.deepEqual(prompt.completion.values, ['web-1', 'web-2']);
    const template = await server.client.complete({ ref: { type: 'ref/resource', uri: 'fleet://host/{host}' }, argument: { name: 'host', value: 'd' } });
    assert.deepEqual(template.completion.values, ['db-1']);
    const { contents } = await server.client.readResource({ uri: 'fleet://host/db-1' });
    assert.ok('text' in contents[0]);
    const host = JSON.parse(contents[0].text);
    assert.equal(host.host, 'db-1');
    assert.ok(host.readings.disks.length >= 1);
    const { messages } = await server.client.getPrompt({ name: 'check_host', arguments: { host: 'db-1' } });
    assert.match(JSON.stringify(messages), /host_usage/);
    // break23: a label value holding quotes was cut in the prompt's text ("db "primary"" reads as the host "db ").
    const quoted = await server.client.getPrompt({ name: 'check_host', arguments: { host: 'db "primary"' } });
    const text = quoted.messages[0].content.type === 'text' ? quoted.messages[0].content.text : '';
    assert.ok(text.startsWith('Check the fleet host "db \\"primary\\"": call host_usage'), text);
  });

  describe('errors, and credentials that never show', () => {
    const PASSWORD = 'fleet-pass-123';
    // bcrypt of PASSWORD (cost 4): Prometheus's web config wants a hash, not the password.
    const HASH = '$2b$04$0MlxX2O7zDuDvs5GvisNpOrY7y4Z23QxMiSrg2znHhzh7MtXtfmKS';
    const TOKEN = 'tok-9f8e7d6c5b4a-secret';
    let guarded: Component | undefined;
    let fake: http.Server | undefined;
    const seenAuthorization: string[] = [];

    after(async () => {
      await guarded?.stop();
      await new Promise((r) => (fake ? fake.close(r) : r(undefined)));
    });

    /** A stand-in for a proxy in front of Prometheus: records the header, hangs on /hang, echoes the header in an error otherwise. */
    async function startFake(): Promise<string> {
      fake = http.createServer((request, response) => {
        seenAuthorization.push(request.headers.authorization ?? '');
        if (request.url?.startsWith('/hang')) return; // never answers
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: `rejected header ${request.headers.authorization}` }));
      });
      await new Promise<void>((r) => fake!.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    }

    async function withServer(env: Record<string, string>, check: (s: StartedServer) => Promise<void>): Promise<void> {
      const started = await startBuiltServer('system', env);
      try {
        await check(started);
        assert.ok(!started.stderr().includes(PASSWORD) && !started.stderr().includes(TOKEN), 'no credential in the log');
      } finally {
        await started.close();
      }
    }

    it('Prometheus unreachable: a clear error naming the URL and the cause', async () => {
      const port = await freePort();
      await withServer({ PROMETHEUS_URL: `http://127.0.0.1:${port}`, PROMETHEUS_BEARER_TOKEN: TOKEN }, async (s) => {
        const error = await callError(s, 'fleet_overview');
        assert.match(error, new RegExp(`Prometheus at http://127.0.0.1:${port} cannot be reached \\(ECONNREFUSED\\)`));
        assert.ok(!error.includes(TOKEN));
      });
    });

    it('authentication failed against a real Prometheus with basic auth; the right password gets in; neither is shown', async () => {
      const exporter = exporters.get('web-1')!;
      guarded = await startPrometheus({ targets: [{ address: `127.0.0.1:${exporter.port}`, labels: { host: 'web-1' } }], basicAuthUsers: { fleet: HASH } });
      await withServer({ PROMETHEUS_URL: guarded.url, PROMETHEUS_USERNAME: 'fleet', PROMETHEUS_PASSWORD: `${PASSWORD}-wrong` }, async (s) => {
        const error = await callError(s, 'query_metrics', { query: 'up' });
        assert.match(error, /refused the request \(HTTP 401\): authentication failed\. Check basic auth \(PROMETHEUS_USERNAME\)/);
        assert.ok(!error.includes(PASSWORD));
      });
      await withServer({ PROMETHEUS_URL: guarded.url, PROMETHEUS_USERNAME: 'fleet', PROMETHEUS_PASSWORD: PASSWORD }, async (s) => {
        const answer = await call(s, 'query_metrics', { query: 'vector(1)' });
        assert.equal(answer.series[0].value.value, 1);
        assert.ok(!JSON.stringify(answer).includes(PASSWORD));
      });
    });

    it('sends the bearer token, and removes it from anything echoed back; a hanging Prometheus times out', async () => {
      const url = await startFake();
      await withServer({ PROMETHEUS_URL: url, PROMETHEUS_BEARER_TOKEN: TOKEN, PROMETHEUS_TIMEOUT: '1' }, async (s) => {
        const error = await callError(s, 'query_metrics', { query: 'up' });
        assert.ok(seenAuthorization.includes(`Bearer ${TOKEN}`), 'token sent as a bearer header');
        assert.match(error, /Prometheus refused the query: rejected header Bearer \[redacted\]/);
        assert.ok(!error.includes(TOKEN));
      });
      await withServer({ PROMETHEUS_URL: `${url}/hang`, PROMETHEUS_TIMEOUT: '1' }, async (s) => {
        const started = Date.now();
        assert.match(await callError(s, 'fleet_overview'), /did not answer within 1 s; narrow the query .*raise the limit \(devopsAssistant\.prometheus\.timeoutSeconds; --prometheus-timeout \/ PROMETHEUS_TIMEOUT\)/);
        assert.ok(Date.now() - started < 5000);
      });
    });

    it('a partial answer (Thanos, Mimir warnings) is not taken as complete; a 503 says Prometheus is starting, not that the URL is wrong', async () => {
      // What a real Prometheus cannot be made to do: answer 200 with warnings (a querier missing a store), or 503 on demand.
      let mode: 'partial' | 'starting' = 'partial';
      const partial = http.createServer((request, response) => {
        if (mode === 'starting') {
          response.writeHead(503, { 'content-type': 'text/plain' });
          response.end('Service Unavailable');
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'success', warnings: ['store 10.0.0.7:10901 unavailable'], data: { resultType: 'vector', result: [] } }));
      });
      await new Promise<void>((r) => partial.listen(0, '127.0.0.1', r));
      try {
        await withServer({ PROMETHEUS_URL: `http://127.0.0.1:${(partial.address() as AddressInfo).port}` }, async (s) => {
          const overview = await call(s, 'fleet_overview');
          assert.match(overview.summary, /scrapes no node_exporter targets.*; Prometheus warned that the answer may be incomplete: store 10\.0\.0\.7:10901 unavailable/);
          assert.match(await callError(s, 'host_usage', { host: 'web-1' }), /Prometheus warned that the answer may be incomplete/);
          assert.match((await call(s, 'query_metrics', { query: 'up' })).summary, /may be incomplete/);
          mode = 'starting';
          const error = await callError(s, 'fleet_overview');
          assert.match(error, /HTTP 503 \(Service Unavailable: Prometheus is starting up/);
          assert.ok(!/is this the URL/.test(error), error);
        });
      } finally {
        await new Promise((r) => partial.close(r));
      }
    });

    it('a redirect (a proxy\'s sign-in page, a server that wants https) is said as such, not "cannot be reached", and not followed (break33)', async () => {
      // An oauth2-proxy in front of Prometheus, or an http:// URL of a server that redirects to https.
      const asked: string[] = [];
      const front = http.createServer((request, response) => {
        asked.push(request.url ?? '');
        const location = request.url?.startsWith('/tls') ? `https://127.0.0.1:1${request.url}` : `/oauth2/sign_in?rd=${encodeURIComponent(request.url ?? '')}&state=s3cr3t`;
        response.writeHead(request.url?.startsWith('/tls') ? 301 : 302, { location });
        response.end();
      });
      await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
      try {
        await withServer({ PROMETHEUS_URL: url, PROMETHEUS_BEARER_TOKEN: TOKEN }, async (s) => {
          const error = await callError(s, 'fleet_overview');
          assert.match(error, new RegExp(`Prometheus at ${url} answered HTTP 302, a redirect to ${url}/oauth2/sign_in, instead of a result .*A sign-in page of a proxy in front of Prometheus`));
          assert.ok(!/cannot be reached|s3cr3t/.test(error), error);
          assert.ok(!asked.some((a) => a.startsWith('/oauth2')), 'the redirect is not followed with the token');
        });
        await withServer({ PROMETHEUS_URL: `${url}/tls` }, async (s) => {
          assert.match(await callError(s, 'query_metrics', { query: 'up' }), /answered HTTP 301, a redirect to https:\/\/127\.0\.0\.1:1\/tls\/api\/v1\/query.*The server wants https: set the URL to https:\/\/127\.0\.0\.1:1\/tls\./);
        });
      } finally {
        await new Promise((r) => front.close(r));
      }
    });

    it('a Prometheus behind https with its own certificate: said to be untrusted (not "cannot be reached"), trusted with NODE_EXTRA_CA_CERTS; an http URL to it says https (break33)', async function () {
      if (!hasCommand('openssl')) throw new Error('openssl is needed: apt-get install openssl (.ci/run installs it)');
      const dir = mkdtempSync(join(tmpdir(), 'prom-tls-'));
      const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(made.status, 0, made.stderr);
      const exporter = exporters.get('web-1')!;
      const tls = await startPrometheus({ targets: [{ address: `127.0.0.1:${exporter.port}`, labels: { host: 'web-1' } }], tls: { certFile, keyFile } });
      try {
        assert.match(tls.url, /^https:/);
        await withServer({ PROMETHEUS_URL: tls.url }, async (s) => {
          const error = await callError(s, 'fleet_overview');
          assert.match(error, new RegExp(`Prometheus at ${tls.url} answered, but its TLS certificate is not signed by an authority this machine trusts .*NODE_EXTRA_CA_CERTS.*\\(DEPTH_ZERO_SELF_SIGNED_CERT\\)`));
          assert.ok(!/cannot be reached|is running/.test(error), error);
        });
        await withServer({ PROMETHEUS_URL: tls.url, NODE_EXTRA_CA_CERTS: certFile }, async (s) => {
          assert.equal((await call(s, 'query_metrics', { query: 'vector(1)' })).series[0].value.value, 1);
        });
        const plain = tls.url.replace(/^https:/, 'http:');
        await withServer({ PROMETHEUS_URL: plain }, async (s) => {
          assert.match(await callError(s, 'query_metrics', { query: 'up' }), new RegExp(`the server at ${plain} answered HTTP 400: it speaks https, not http; set the URL to ${tls.url}\\.`));
        });
      } finally {
        await tls.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--help and a refused URL never show a credential', () => {
      const env = { PATH: process.env.PATH, PROMETHEUS_BEARER_TOKEN: TOKEN, PROMETHEUS_PASSWORD: PASSWORD, PROMETHEUS_USERNAME: 'fleet' };
      const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8', env, timeout: 10_000 });
      assert.equal(help.status, 0);
      assert.match(help.stdout, /--prometheus-url URL[\s\S]*PROMETHEUS_BEARER_TOKEN/);
      assert.ok(!help.stdout.includes(TOKEN) && !help.stdout.includes(PASSWORD));
      const refused = spawnSync(process.execPath, [script, '--prometheus-url', `http://fleet:${PASSWORD}@127.0.0.1:9090`], { encoding: 'utf8', env, timeout: 10_000, input: '' });
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /must not carry credentials/);
      assert.ok(!refused.stderr.includes(PASSWORD) && refused.stdout === '');
    });
  });
});
