// A filesystem node_exporter could not read (break37). A network mount that stops answering (an NFS server gone) or one
// it may not stat is sent as `node_filesystem_device_error 1` with no size: fleet_overview and host_usage left it out
// without a word, so the host read "fullest disk / at 52%" and no warning, while /srv/data was not measured at all.
// Real Prometheus and node_exporters on loopback; the unreadable mount is one node_exporter lists through its own
// --path.procfs and cannot stat.
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { hasCommand, promVector, startNodeExporter, startNodeExporterWithMounts, startPrometheus, type Component } from '../../support/real-components';
import { waitUntil } from '../../support/wait';

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('system server fleet tools: a filesystem node_exporter could not read (real Prometheus)', function () {
  this.timeout(120_000);
  const exporters: Component[] = [];
  const mount = `/nonexistent-${process.pid}/srv/data`;
  let prometheus: Component;
  let server: StartedServer;

  before(async function () {
    if (process.platform !== 'linux') this.skip();
    if (!hasCommand('prometheus') || !hasCommand('prometheus-node-exporter')) {
      throw new Error('prometheus and prometheus-node-exporter are needed: apt-get install prometheus prometheus-node-exporter (.ci/run installs them)');
    }
    const nfsClient = await startNodeExporterWithMounts([`10.0.0.5:/export/data ${mount} nfs4 rw,relatime,vers=4.2,hard 0 0`]);
    const whole = await startNodeExporter();
    exporters.push(nfsClient, whole);
    prometheus = await startPrometheus({
      targets: [
        { address: `127.0.0.1:${nfsClient.port}`, labels: { host: 'app-1' } },
        { address: `127.0.0.1:${whole.port}`, labels: { host: 'web-1' } },
      ],
    });
    await waitUntil('two scrapes of both exporters, and the device error of the mount', async () => {
      const rates = await promVector(prometheus.url, 'count by (host) (rate(node_cpu_seconds_total{mode="idle"}[1m]))');
      const errors = await promVector(prometheus.url, 'node_filesystem_device_error{host="app-1"} == 1');
      return rates.length === 2 && errors.length === 1;
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

  it('fleet_overview names the filesystem it could not read as unknown, beside the disks it measured', async () => {
    const data = await call('fleet_overview', {});
    const host = data.hosts.find((h: Structured) => h.host === 'app-1');
    assert.equal(host.up, true);
    assert.ok(host.fullestDisk, 'the disks it could read are still there');
    assert.deepEqual(host.missing?.map((m: Structured) => m.figure), [`disk ${mount}`], JSON.stringify(host));
    assert.match(host.missing[0].why, /could not read the nfs4 filesystem 10\.0\.0\.5:\/export\/data.*node_filesystem_device_error.*unknown, not fine/);
    assert.equal(data.hosts.find((h: Structured) => h.host === 'web-1').missing, undefined, 'a host whose filesystems were all read misses nothing');
    assert.ok(data.summary.includes(`filesystems node_exporter could not read on 1 up host(s), their use unknown (see missing): app-1 (${mount})`), data.summary);
  });

  it('host_usage says the filesystem is unknown, in missing and in its summary', async () => {
    const data = await call('host_usage', { host: 'app-1' });
    assert.deepEqual(data.missing.map((m: Structured) => m.figure), [`disk ${mount}`]);
    assert.ok(data.disks.length > 0);
    assert.ok(!data.disks.some((d: Structured) => d.mount === mount));
    assert.ok(data.summary.includes(`; ${mount} unknown, as node_exporter could not read it (node_filesystem_device_error: see missing)`), data.summary);
  });

  it('fleet://host/{host} names it in missing too', async () => {
    const read = await server.client.readResource({ uri: 'fleet://host/app-1' });
    const body = JSON.parse(String((read.contents[0] as { text: string }).text));
    assert.deepEqual(body.missing.map((m: Structured) => m.figure), [`disk ${mount}`]);
  });
});
