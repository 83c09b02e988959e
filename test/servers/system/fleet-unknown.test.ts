// What the fleet tools must not hide, against a real Prometheus: a host whose exporter has a full tmpfs (a real
// node_exporter that sees a tmpfs filled to 96%), which the local disk tool warned about and the fleet tools did not;
// and a host whose readings Prometheus holds as NaN (backfilled with promtool), which read as null, "no data", with
// "fewer than two scrapes" given as the reason.
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { canMountPrivateTmpfs, hasCommand, promVector, startNodeExporterWithTmpfs, startPrometheus, type Component } from '../../support/real-components';
import { waitUntil } from '../../support/wait';

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GIB = 1024 ** 3;

async function call(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<Structured> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Structured;
}

/** OpenMetrics lines of nan-1 every 15 s over the last half hour: its idle CPU counter, available memory and 15-minute load are NaN. */
function nanHost(now: number): string {
  const labels = 'job="node",instance="nan-1:9100",host="nan-1"';
  const lines: string[] = [];
  const each = (name: string, extra: string, value: string) => {
    for (let t = now - 1800; t <= now; t += 15) lines.push(`${name}{${labels}${extra}} ${value} ${t}`);
  };
  each('up', '', '1');
  each('node_uname_info', ',nodename="nan-1"', '1');
  each('node_cpu_seconds_total', ',cpu="0",mode="idle"', 'NaN');
  each('node_memory_MemTotal_bytes', '', String(8 * GIB));
  each('node_memory_MemAvailable_bytes', '', 'NaN');
  each('node_load1', '', '0.5');
  each('node_load5', '', '0.5');
  each('node_load15', '', 'NaN');
  each('node_filesystem_size_bytes', ',device="/dev/vda",fstype="ext4",mountpoint="/"', String(100 * GIB));
  each('node_filesystem_free_bytes', ',device="/dev/vda",fstype="ext4",mountpoint="/"', String(70 * GIB));
  each('node_filesystem_avail_bytes', ',device="/dev/vda",fstype="ext4",mountpoint="/"', String(65 * GIB));
  return lines.join('\n') + '\n';
}

describe('system server fleet tools: full tmpfs and NaN readings (real Prometheus)', function () {
  this.timeout(120_000);
  let exporter: (Component & { mount: string }) | undefined;
  let prometheus: Component;
  let server: StartedServer;

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('promtool') || !hasCommand('prometheus-node-exporter')) {
      throw new Error('prometheus, promtool and prometheus-node-exporter are needed: apt-get install prometheus prometheus-node-exporter (.ci/run installs them)');
    }
    // 1,000,000 bytes in a 1 MiB tmpfs: 96% full as df counts it.
    if (canMountPrivateTmpfs()) exporter = await startNodeExporterWithTmpfs(1024, 1_000_000);
    const now = Math.floor(Date.now() / 1000) - 5;
    prometheus = await startPrometheus({
      scrapeIntervalSeconds: 1,
      targets: exporter ? [{ address: `127.0.0.1:${exporter.port}`, labels: { host: 'shm-1' } }] : [],
      backfill: nanHost(now),
      lookbackDeltaSeconds: 900,
    });
    if (exporter) {
      await waitUntil('two scrapes of the exporter with the tmpfs', async () => (await promVector(prometheus.url, 'rate(node_cpu_seconds_total{mode="idle",host="shm-1"}[1m])')).length > 0, {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    }
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });

  after(async () => {
    await server?.close();
    await prometheus?.stop();
    await exporter?.stop();
  });

  it('a full tmpfs on a fleet host warns in fleet_overview and host_usage, as get_disk_usage warns about one here', async function () {
    if (!exporter) this.skip(); // no user and mount namespaces to mount a tmpfs in
    const mount = exporter.mount;
    const inMemory = new RegExp(`filesystem ${mount.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(tmpfs\\) is (\\d+(\\.\\d)?)% full, above the 90% threshold \\(an in-memory filesystem, not listed above: writes to it fail when it is full\\)`);
    const overview = await call(server, 'fleet_overview', { diskThreshold: 90 });
    const row = overview.hosts.find((h: Structured) => h.host === 'shm-1');
    const warning = row.warnings.find((w: Structured) => w.subject === mount);
    assert.ok(warning, JSON.stringify(row.warnings));
    assert.match(warning.message, inMemory);
    assert.ok(warning.value > 90 && warning.value <= 100, String(warning.value));
    assert.ok(overview.warnings.some((w: Structured) => w.subject === `shm-1 ${mount}`), 'named in the fleet-wide warnings too');
    const usage = await call(server, 'host_usage', { host: 'shm-1', diskThreshold: 90 });
    assert.match(usage.warnings.find((w: Structured) => w.subject === mount)?.message ?? '', inMemory);
    assert.ok(!usage.disks.some((d: Structured) => d.mount === mount), 'not listed with the disks, as get_disk_usage does not list it');
    // Under the threshold: no warning.
    const calm = await call(server, 'host_usage', { host: 'shm-1', diskThreshold: 99 });
    assert.ok(!calm.warnings.some((w: Structured) => w.subject === mount));
  });

  it('readings Prometheus holds as NaN are unknown with the metric named, not "no data" nor "fewer than two scrapes"', async () => {
    const overview = await call(server, 'fleet_overview', {});
    const row = overview.hosts.find((h: Structured) => h.host === 'nan-1');
    assert.equal(row.up, true);
    assert.equal(row.cpuPercent, null);
    assert.equal(row.memoryPercent, null);
    assert.equal(row.load1, null);
    const figures = Object.fromEntries((row.unknown ?? []).map((u: Structured) => [u.figure, u.why]));
    assert.deepEqual(Object.keys(figures).sort(), ['cpu', 'loadAverage', 'memory']);
    assert.match(figures.memory, /node_memory_MemAvailable_bytes is NaN in Prometheus/);
    assert.match(figures.loadAverage, /node_load15 is NaN/);
    assert.match(figures.cpu, /rate of node_cpu_seconds_total\{mode="idle"\} is NaN/);
    assert.match(overview.summary, /figures unknown for 1 host\(s\), as Prometheus gave NaN or ±Inf for them \(see unknown: nan-1\)/);
    assert.doesNotMatch(overview.summary, /CPU unknown for \d+ up host\(s\) \(fewer than two scrapes[^)]*nan-1/);
    // The rest of the host is read as usual.
    assert.equal(row.fullestDisk.mount, '/');

    const usage = await call(server, 'host_usage', { host: 'nan-1' });
    assert.equal(usage.cpu.percent, null);
    assert.equal(usage.memory, null);
    assert.equal(usage.loadAverage, null);
    assert.deepEqual(usage.unknown.map((u: Structured) => u.figure).sort(), ['cpu', 'loadAverage', 'memory']);
    assert.match(usage.summary, /^nan-1: CPU unknown \(Prometheus gave it as not a number: see unknown\)/);
    assert.match(usage.summary, /; unknown, as Prometheus gave NaN or ±Inf for them: (memory, loadAverage|loadAverage, memory) \(see unknown\)/);
    assert.doesNotMatch(usage.summary, /fewer than two scrapes/);
  });
});
