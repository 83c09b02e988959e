// What the fleet tools said of figures nobody measured (break33). A node_exporter with its meminfo and filesystem
// collectors off is up, so fleet_overview listed it with memory and disk null and no word about it, and host_usage
// summed it up as "CPU 3%, load 0.2" (no warning could be raised on figures it did not have). And a job whose only target
// never answered exported no node_uname_info, so the whole job was left out: "2 host(s); all of them up" while a
// configured target was down, and host_usage said there was no such host. All real: Prometheus and node_exporters on
// loopback.
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { freePort, hasCommand, promVector, startNodeExporter, startPrometheus, type Component } from '../../support/real-components';
import { waitUntil } from '../../support/wait';

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('system server fleet tools: figures node_exporter never sent, targets that never answered (real Prometheus)', function () {
  this.timeout(120_000);
  const exporters: Component[] = [];
  let prometheus: Component;
  let server: StartedServer;
  let started = 0;

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('prometheus-node-exporter')) {
      throw new Error('prometheus and prometheus-node-exporter are needed: apt-get install prometheus prometheus-node-exporter (.ci/run installs them)');
    }
    started = Date.now();
    const whole = await startNodeExporter();
    const bare = await startNodeExporter(['--no-collector.meminfo', '--no-collector.filesystem']);
    exporters.push(whole, bare);
    const nobody = await freePort();
    prometheus = await startPrometheus({
      targets: [
        { address: `127.0.0.1:${whole.port}`, labels: { host: 'web-1' } },
        { address: `127.0.0.1:${bare.port}`, labels: { host: 'web-2' } },
      ],
      // A job of its own whose one target never answers (a wrong port, a firewall, a machine off since Prometheus started).
      moreJobs: [
        { job: 'db', targets: [{ address: `127.0.0.1:${nobody}`, labels: { host: 'db-1' } }] },
        // The same exporter under another address and the same name: two targets named alike (a copied label).
        { job: 'node-again', targets: [{ address: `localhost:${whole.port}`, labels: { host: 'web-1' } }] },
      ],
    });
    await waitUntil('two scrapes of both exporters, and the db target down', async () => {
      const rates = await promVector(prometheus.url, 'count by (host) (rate(node_cpu_seconds_total{mode="idle"}[1m]))');
      const down = await promVector(prometheus.url, 'up{job="db"} == 0');
      const again = await promVector(prometheus.url, 'up{job="node-again"} == 1');
      return rates.length === 2 && down.length === 1 && again.length === 1;
    }, { timeoutMs: 60_000, intervalMs: 200 });
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });

  after(async () => {
    await server?.close();
    await prometheus?.stop();
    for (const exporter of exporters) await exporter.stop();
  });

  async function call(name: string, args: Record<string, unknown>): Promise<Structured> {
    const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
    assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
    return result.structuredContent as Structured;
  }

  it('fleet_overview says which figures of an up host node_exporter never sent, instead of a silent null', async () => {
    const data = await call('fleet_overview', {});
    const bare = data.hosts.find((h: Structured) => h.host === 'web-2');
    assert.equal(bare.up, true);
    assert.equal(bare.memoryPercent, null);
    assert.equal(bare.fullestDisk, null);
    assert.deepEqual(bare.missing.map((m: Structured) => m.figure), ['memory', 'disk']);
    assert.match(bare.missing[1].why, /node_filesystem_size_bytes.*filesystem collector is off or failing.*unknown, not fine/);
    assert.equal(data.hosts.find((h: Structured) => h.host.startsWith('web-1 (')).missing, undefined, 'a whole exporter misses nothing');
    assert.match(data.summary, /figures unknown for 1 up host\(s\), as node_exporter sent none of their metrics \(a collector off or failing; see missing\): web-2 \(memory, disk\)/);
  });

  it('host_usage of that host says memory and disk are unknown, and a window\'s peaks read "unknown", not "unknown%"', async () => {
    const now = await call('host_usage', { host: 'web-2' });
    assert.match(now.summary, /^web-2: CPU [\d.]+%.*; memory and disk unknown, as node_exporter sent none of their metrics/);
    assert.deepEqual(now.missing.map((m: Structured) => m.figure), ['memory', 'disk']);
    assert.equal(now.prometheus, prometheus.url, 'where the readings come from');
    assert.equal((await call('query_metrics', { query: 'vector(1)' })).prometheus, prometheus.url);
    const window = await call('host_usage', { host: 'web-2', since: '10m' });
    assert.match(window.summary, /peaks over the window: CPU [\d.]+%, memory unknown, disk unknown/);
    assert.equal((await call('host_usage', { host: `127.0.0.1:${exporters[0].port}` })).missing.length, 0);
    const { contents } = await server.client.readResource({ uri: 'fleet://host/web-2' });
    const resource = JSON.parse((contents[0] as { text: string }).text);
    assert.deepEqual(resource.missing.map((m: Structured) => m.figure), ['memory', 'disk'], 'the resource names them too');
  });

  it('fleet_overview names a down target of a job that never exported node_exporter metrics; host_usage says it is down', async () => {
    const data = await call('fleet_overview', {});
    assert.equal(data.total, 3, 'not counted as a host: whether it is a node_exporter is unknown');
    assert.deepEqual(data.otherDown, [{ host: 'db-1', instance: data.otherDown[0]?.instance, job: 'db' }]);
    assert.match(data.summary, /1 other scrape target\(s\) down, not counted as hosts: .*: db-1 \(job db\)/);
    const host = await call('host_usage', { host: 'db-1' });
    assert.equal(host.up, false);
    assert.match(host.summary, /^db-1 is down: Prometheus's last scrape of 127\.0\.0\.1:\d+ \(job db\) failed/);
  });

  it('host_usage of a name two targets carry says so and names both, instead of "no host" (break33)', async () => {
    const result = (await server.client.callTool({ name: 'host_usage', arguments: { host: 'web-1' } })) as CallToolResult;
    assert.equal(result.isError, true);
    assert.match((result.content[0] as { text: string }).text, /^2 targets carry the name "web-1" .*give one of web-1 \(127\.0\.0\.1:\d+\), web-1 \(localhost:\d+\)$/);
  });

  it('host_usage over a long window says when the readings start to the minute, not to its 2.4 h step (break33)', async () => {
    const data = await call('host_usage', { host: 'web-2', since: '30d', points: 300 });
    assert.equal(data.window.stepSeconds, 8640);
    const from = /Prometheus holds readings of this host only from about (\S+), not from the window's start/.exec(data.summary);
    assert.ok(from, data.summary);
    // Prometheus started after `started`: its first scrape of the host is after that, and before now.
    assert.ok(Date.parse(from[1]) >= started - 60_000 && Date.parse(from[1]) <= Date.now(), `${from[1]} vs Prometheus started at ${new Date(started).toISOString()}`);
  });

  it('fleet_overview says when no target carries the host label, instead of naming hosts by instance without a word (break33)', async () => {
    const misspelt = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'hostname' });
    try {
      const result = (await misspelt.client.callTool({ name: 'fleet_overview', arguments: {} })) as CallToolResult;
      const data = result.structuredContent as Structured;
      assert.ok(data.hosts.every((h: Structured) => h.host === h.instance && !('labelMissing' in h)));
      assert.match(data.summary, /; no target carries the label "hostname" \(the host label setting\), so hosts are named by their instance/);
    } finally {
      await misspelt.close();
    }
    assert.doesNotMatch((await call('fleet_overview', {})).summary, /no target carries the label/);
  });

  it('host_usage of a window before Prometheus held any readings says so, not that it scrapes no targets', async () => {
    const result = (await server.client.callTool({ name: 'host_usage', arguments: { host: 'web-1', since: '2d', until: '1d' } })) as CallToolResult;
    assert.equal(result.isError, true);
    const text = (result.content[0] as { text: string }).text;
    assert.match(text, /^Prometheus had no node_exporter targets at \d{4}-\d\d-\d\dT[\d:.]+Z \(no job had exported node_uname_info within the hour before\): it holds no readings of that time/);
    assert.ok(!/scrapes no node_exporter targets/.test(text), text);
  });
});
