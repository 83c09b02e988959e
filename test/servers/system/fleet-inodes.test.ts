// break31: a fleet host whose filesystem ran out of inodes (node_filesystem_files_free 0: every new file fails with "No
// space left on device") while its space was 30% used read "no warnings" in fleet_overview and host_usage, as in
// get_disk_usage here. Series backfilled into a real Prometheus with promtool, so the counts and the spike are exact.
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { hasCommand, startPrometheus, type Component } from '../../support/real-components';

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GIB = 1024 ** 3;

/** OpenMetrics lines of one series every 15 s from `from` to `to` (epoch seconds), value from the time. */
function series(name: string, labels: Record<string, string>, from: number, to: number, value: (t: number) => number): string {
  const text = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
  const lines: string[] = [];
  for (let t = from; t <= to; t += 15) lines.push(`${name}{${text}} ${value(t)} ${t}`);
  return lines.join('\n') + '\n';
}

async function call(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<Structured> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Structured;
}

describe('system server fleet tools: filesystems out of inodes (real Prometheus)', function () {
  this.timeout(120_000);
  let prometheus: Component;
  let server: StartedServer;
  let from = 0;
  let to = 0;
  let spike: number[] = [];

  /**
   * spool-1: `/` (ext4) 30% full by space with no inode left, `/run` (tmpfs) with 2 of 100 left. spike-1: `/` with half
   * its inodes free, but none for 30 s twenty minutes ago; `/data` (btrfs) reports no inode count (0), as btrfs does.
   */
  function hosts(): string {
    const host = (name: string, fs: Array<{ labels: Record<string, string>; files: number; free: (t: number) => number; space?: boolean }>) => {
      const l = { job: 'node', instance: `${name}:9100`, host: name };
      const each = (metric: string, labels: Record<string, string>, value: (t: number) => number) => series(metric, { ...l, ...labels }, from, to, value);
      return [
        each('up', {}, () => 1),
        each('node_uname_info', { nodename: name }, () => 1),
        each('node_cpu_seconds_total', { cpu: '0', mode: 'idle' }, (t) => (t - from) * 0.9),
        each('node_memory_MemTotal_bytes', {}, () => 8 * GIB),
        each('node_memory_MemAvailable_bytes', {}, () => 6 * GIB),
        ...fs.flatMap(({ labels, files, free }) => [
          each('node_filesystem_size_bytes', labels, () => 100 * GIB),
          each('node_filesystem_free_bytes', labels, () => 70 * GIB),
          each('node_filesystem_avail_bytes', labels, () => 65 * GIB),
          each('node_filesystem_files', labels, () => files),
          each('node_filesystem_files_free', labels, free),
        ]),
      ].join('');
    };
    const root = { device: '/dev/vda', fstype: 'ext4', mountpoint: '/' };
    return (
      host('spool-1', [
        { labels: root, files: 1000, free: () => 0 },
        { labels: { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run' }, files: 100, free: () => 2 },
      ]) +
      host('spike-1', [
        { labels: root, files: 1000, free: (t) => (t >= spike[0] && t <= spike[1] ? 0 : 500) },
        { labels: { device: '/dev/vdb', fstype: 'btrfs', mountpoint: '/data' }, files: 0, free: () => 0 },
      ])
    );
  }

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('promtool')) throw new Error('prometheus and promtool are needed: apt-get install prometheus (.ci/run installs it)');
    to = Math.floor(Date.now() / 1000) - 5;
    from = to - 1800;
    spike = [to - 1200, to - 1170];
    prometheus = await startPrometheus({ targets: [], backfill: hosts(), lookbackDeltaSeconds: 900 });
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });

  after(async () => {
    await server?.close();
    await prometheus?.stop();
  });

  it('fleet_overview and host_usage warn of a filesystem with no inode left, and of a tmpfs nearly out, whatever their space', async () => {
    const overview = await call(server, 'fleet_overview', {});
    const row = overview.hosts.find((h: Structured) => h.host === 'spool-1');
    assert.deepEqual(row.warnings.map((w: Structured) => [w.subject, w.of, w.value]), [['/', 'inodes', 100], ['/run', 'inodes', 98]], JSON.stringify(row.warnings));
    assert.match(row.warnings[0].message, /^filesystem \/ \(\/dev\/vda\) has used 100% of its inodes, above the 90% threshold: creating files there fails \("No space left on device"\)/);
    assert.match(row.warnings[1].message, /\(an in-memory filesystem, not listed above: writes to it fail when it is full\)$/);
    assert.ok(overview.warnings.some((w: Structured) => w.subject === 'spool-1 /'), JSON.stringify(overview.warnings));
    const usage = await call(server, 'host_usage', { host: 'spool-1' });
    assert.deepEqual(usage.disks.find((d: Structured) => d.mount === '/').inodes, { total: 1000, used: 1000, free: 0, usePercent: 100 });
    assert.deepEqual(usage.warnings.map((w: Structured) => w.subject), ['/', '/run']);
    assert.match(usage.summary, /\(inodes used: \/ 100%, \/run 98%\)$/);
  });

  it('a host with inodes to spare, and a filesystem that counts none (btrfs), do not warn; a window warns of its inode peak', async () => {
    const now = await call(server, 'host_usage', { host: 'spike-1' });
    assert.deepEqual(now.warnings, []);
    assert.equal(now.disks.find((d: Structured) => d.mount === '/').inodes.usePercent, 50);
    assert.equal(now.disks.find((d: Structured) => d.mount === '/data').inodes, undefined);
    const window = await call(server, 'host_usage', { host: 'spike-1', since: new Date((from + 60) * 1000).toISOString(), points: 6 });
    assert.deepEqual(window.peaks.inodes, { mount: '/', fs: '/dev/vda', usePercent: 100 });
    assert.deepEqual(window.warnings.map((w: Structured) => [w.subject, w.of]), [['/', 'inodes']]);
    assert.match(window.warnings[0].message, /^at its peak in the window, filesystem \/ \(\/dev\/vda\) has used 100% of its inodes/);
  });
});
