// The fleet tools on history a real Prometheus holds: series backfilled with promtool before it starts,
// so the spikes, their times and the scrape intervals are known exactly (live scrapes cannot make a
// 45 s spike an hour ago, or a 60 s scrape interval without waiting minutes).
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { hasCommand, startPrometheus, type Component } from '../../support/real-components';

type Structured = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** OpenMetrics lines of one series, every `stepSeconds` from `from` to `to` (epoch seconds), value from the time. */
function series(name: string, labels: Record<string, string>, from: number, to: number, stepSeconds: number, value: (t: number) => number): string {
  const text = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
  const lines: string[] = [];
  for (let t = from; t <= to; t += stepSeconds) lines.push(`${name}{${text}} ${value(t)} ${t}`);
  return lines.join('\n') + '\n';
}

async function call(server: StartedServer, name: string, args: Record<string, unknown> = {}): Promise<Structured> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as Structured;
}

describe('system server fleet tools on backfilled history (real Prometheus)', function () {
  this.timeout(120_000);
  let prometheus: Component;
  let server: StartedServer;
  // Whole minutes, so the subquery steps and the spikes line up the same on every run.
  // Set in `before`, when the tests are about to run: at the file's loading a long suite's first tests are still ahead,
  // and a host whose samples ended before the instant query's 5 minute look-back is no longer listed.
  let now = 0;
  let t0 = 0;
  // spike-1: scraped every 15 s for two hours; / stays 31.6% full, /srv/full is full for 45 s at
  // t0 + 60 min, memory at 95% for 30 s at t0 + 40 min, both cores busy for 120 s at t0 + 80 min.
  let diskSpike: number[] = [];
  let memorySpike: number[] = [];
  let cpuSpike: number[] = [];
  const inside = (t: number, [a, b]: number[]) => t >= a && t <= b;

  function spikeHost(): string {
    const l = { job: 'node', instance: 'spike-1:9100', host: 'spike-1' };
    const end = now - 60;
    const each = (name: string, labels: Record<string, string>, value: (t: number) => number) => series(name, { ...l, ...labels }, t0, end, 15, value);
    const root = { device: '/dev/vda', fstype: 'ext4', mountpoint: '/' };
    const full = { device: '/dev/loop0', fstype: 'ext4', mountpoint: '/srv/full' };
    // Idle seconds of one core: 13.5 s per 15 s scrape (10% busy), none while the CPU spike lasts.
    const idle = (t: number) => {
      let total = 0;
      for (let s = t0 + 15; s <= t; s += 15) total += inside(s, cpuSpike) ? 0 : 13.5;
      return total;
    };
    return [
      each('up', {}, () => 1),
      each('node_uname_info', { nodename: 'spike-1' }, () => 1),
      each('node_cpu_seconds_total', { cpu: '0', mode: 'idle' }, idle),
      each('node_cpu_seconds_total', { cpu: '1', mode: 'idle' }, idle),
      each('node_memory_MemTotal_bytes', {}, () => 8 * GIB),
      each('node_memory_MemAvailable_bytes', {}, (t) => (inside(t, memorySpike) ? 0.4 * GIB : 6 * GIB)),
      each('node_load1', {}, () => 0.5),
      each('node_load5', {}, () => 0.5),
      each('node_load15', {}, () => 0.5),
      each('node_filesystem_size_bytes', root, () => 100 * GIB),
      each('node_filesystem_free_bytes', root, () => 70 * GIB),
      each('node_filesystem_avail_bytes', root, () => 65 * GIB),
      each('node_filesystem_size_bytes', full, () => 40 * MIB),
      // 2 MiB reserved: at the spike only the reserved blocks are free, and df says 100%.
      each('node_filesystem_free_bytes', full, (t) => (inside(t, diskSpike) ? 2 * MIB : 39 * MIB)),
      each('node_filesystem_avail_bytes', full, (t) => (inside(t, diskSpike) ? 0 : 37 * MIB)),
    ].join('');
  }

  // slow-1: scraped every 60 s (Prometheus's default) until a few seconds ago, both cores half busy.
  function slowHost(): string {
    const l = { job: 'node-slow', instance: 'slow-1:9100', host: 'slow-1' };
    const from = now - 1800;
    const to = Math.floor(Date.now() / 1000) - 5;
    // The same exporter scraped by a second job too (a dashboard's job next to the node job): one host.
    return ['node-slow', 'node-dup']
      .map((job) => {
        const each = (name: string, labels: Record<string, string>, value: (t: number) => number) => series(name, { ...l, job, ...labels }, from, to, 60, value);
        return [
          each('up', {}, () => 1),
          each('node_uname_info', { nodename: 'slow-1' }, () => 1),
          each('node_cpu_seconds_total', { cpu: '0', mode: 'idle' }, (t) => (t - from) * 0.5),
          each('node_cpu_seconds_total', { cpu: '1', mode: 'idle' }, (t) => (t - from) * 0.5),
          each('node_memory_MemTotal_bytes', {}, () => 8 * GIB),
          each('node_memory_MemAvailable_bytes', {}, () => 4 * GIB),
        ].join('');
      })
      .join('');
  }

  // down-1: up and busy from t0 for 30 min, then its scrapes fail until t0 + 60 min; nothing after (so it is no host of now).
  function downHost(): string {
    const l = { job: 'node-down', instance: 'down-1:9100', host: 'down-1' };
    const each = (name: string, labels: Record<string, string>, to: number, value: (t: number) => number) => series(name, { ...l, ...labels }, t0, to, 15, value);
    return [
      each('up', {}, t0 + 3600, (t) => (t <= t0 + 1800 ? 1 : 0)),
      each('node_uname_info', { nodename: 'down-1' }, t0 + 1800, () => 1),
      each('node_cpu_seconds_total', { cpu: '0', mode: 'idle' }, t0 + 1800, (t) => (t - t0) * 0.1),
      each('node_memory_MemTotal_bytes', {}, t0 + 1800, () => 8 * GIB),
      each('node_memory_MemAvailable_bytes', {}, t0 + 1800, () => 2 * GIB),
    ].join('');
  }

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('promtool')) throw new Error('prometheus and promtool are needed: apt-get install prometheus (.ci/run installs it)');
    now = Math.floor(Date.now() / 60_000) * 60;
    t0 = now - 2 * 3600;
    diskSpike = [t0 + 3600, t0 + 3600 + 30];
    memorySpike = [t0 + 2400, t0 + 2400 + 15];
    cpuSpike = [t0 + 4800, t0 + 4800 + 120];
    prometheus = await startPrometheus({ targets: [], backfill: spikeHost() + slowHost() + downHost() });
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });

  after(async () => {
    await server?.close();
    await prometheus?.stop();
  });

  it('host_usage peaks are the highest readings within each step, the disk named where it was full', async () => {
    const window = { since: new Date((t0 + 600) * 1000).toISOString(), until: new Date((t0 + 6600) * 1000).toISOString() };
    // 4 points: 25 min steps, each far longer than any spike.
    const data = await call(server, 'host_usage', { host: 'spike-1', ...window, points: 4 });
    assert.deepEqual(data.peaks.disk, { mount: '/srv/full', fs: '/dev/loop0', usePercent: 100 });
    assert.equal(data.peaks.memoryPercent, 95);
    assert.equal(data.peaks.cpuPercent, 100);
    const diskWarning = data.warnings.find((w: Structured) => w.metric === 'disk');
    assert.match(diskWarning.message, /at its peak in the window, .*\/srv\/full.*100%/);
    assert.ok(!/filesystem \/ /.test(diskWarning.message), diskWarning.message);
    // Every point covers the step before it, inside the window; the one holding the disk spike names /srv/full.
    assert.equal(data.history.length, 4);
    for (const p of data.history) assert.ok(Date.parse(p.time) > Date.parse(window.since) && Date.parse(p.time) < Date.parse(window.until), p.time);
    const spikeStep = data.history.find((p: Structured) => p.fullestDiskPercent === 100);
    assert.equal(spikeStep?.fullestDiskMount, '/srv/full');
    assert.ok(data.history.filter((p: Structured) => p.fullestDiskPercent === 31.6).every((p: Structured) => p.fullestDiskMount === '/'));
    assert.equal(data.window.stepSeconds, 1500);
    // Steps shorter than the spike: the peak is still named by the filesystem that was full, not the fullest at the end.
    const fine = await call(server, 'host_usage', { host: 'spike-1', ...window, points: 300 });
    assert.deepEqual(fine.peaks.disk, { mount: '/srv/full', fs: '/dev/loop0', usePercent: 100 });
    // The readings at the end are those of the end: / is the fullest there.
    assert.equal(data.disks[0].mount, '/');
    assert.doesNotMatch(data.summary, /holds readings of this host only from/);
  });

  // break23: a window reaching back before Prometheus held any reading of the host gave "peaks over the window" without
  // a word that they covered only its end.
  it('host_usage says when its readings start after the window does', async () => {
    const data = await call(server, 'host_usage', { host: 'spike-1', since: new Date((t0 - 3 * 3600) * 1000).toISOString(), until: new Date((t0 + 3000) * 1000).toISOString(), points: 50 });
    const from = /Prometheus holds readings of this host only from about (\S+), not from the window's start: the peaks cover that part/.exec(data.summary);
    assert.ok(from, data.summary);
    assert.ok(Math.abs(Date.parse(from[1]) - t0 * 1000) <= data.window.stepSeconds * 1000, `${from[1]} vs the first reading at ${new Date(t0 * 1000).toISOString()}`);
    assert.equal(data.peaks.memoryPercent, 95);
  });

  // break23: a host down at the window's end was only "is down" in the summary, its peaks and warnings over the window unsaid.
  it('host_usage of a host down at the window\'s end still sums up the window before', async () => {
    const data = await call(server, 'host_usage', { host: 'down-1', since: new Date(t0 * 1000).toISOString(), until: new Date((t0 + 3000) * 1000).toISOString(), points: 20 });
    assert.equal(data.up, false);
    assert.equal(data.peaks.memoryPercent, 75);
    assert.match(data.summary, /^down-1 is down: Prometheus's last scrape of down-1:9100 \(job node-down\) failed; before that, peaks over the window: CPU 90%, memory 75%, disk unknown(?!%)/);
  });

  it('a host scraped every 60 s has CPU, over a wider window that the answer names, not null; scraped by two jobs, it is one host', async () => {
    const overview = await call(server, 'fleet_overview', {});
    const slows = overview.hosts.filter((h: Structured) => h.host.startsWith('slow-1'));
    assert.equal(slows.length, 1, 'one exporter scraped by two jobs is one host');
    assert.deepEqual(slows[0].jobs, ['node-dup', 'node-slow']);
    assert.equal(overview.total, 2);
    const slow = slows[0];
    assert.equal(slow.up, true);
    assert.equal(slow.cpuPercent, 50);
    assert.equal(slow.cpuWindowSeconds, 300);
    assert.match(overview.summary, /CPU of \d host\(s\) over a wider window than 60 s, as they are scraped too rarely for it \([^)]*slow-1/);
    const usage = await call(server, 'host_usage', { host: 'slow-1' });
    assert.equal(usage.cpu.percent, 50);
    assert.deepEqual(usage.cpu.perCore, [50, 50]);
    assert.equal(usage.cpu.intervalMs, 300_000);
    assert.match(usage.summary, /CPU 50% \(over 300 s: scraped too rarely for two scrapes in 60 s\)/);
  });
});

describe('system server fleet tools on a large backfilled fleet (real Prometheus)', function () {
  this.timeout(300_000);
  const HOSTS = 2500;
  const DOWN = new Set([7, 300, 999, 1500, 2001, 2100, 2200, 2300, 2400, 2495]);
  const FILESYSTEMS = 6;
  let prometheus: Component;
  let server: StartedServer;

  /** 2500 hosts with six filesystems each: more targets than the old cap (2000), and filesystem series past one 8 MiB answer. */
  function fleet(): string {
    const now = Math.floor(Date.now() / 1000);
    const times = [now - 60, now - 45, now - 30, now - 15];
    const byName = new Map<string, string[]>();
    const add = (name: string, labels: Record<string, string>, value: number) => {
      const text = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
      const lines = byName.get(name) ?? byName.set(name, []).get(name)!;
      for (const t of times) lines.push(`${name}{${text}} ${value} ${t}`);
    };
    for (let i = 1; i <= HOSTS; i++) {
      const host = `host-${String(i).padStart(4, '0')}`;
      const l = { job: 'node', instance: `10.${Math.floor(i / 250)}.${i % 250}.1:9100`, host };
      add('up', l, DOWN.has(i) ? 0 : 1);
      add('node_uname_info', { ...l, nodename: host }, 1);
      add('node_memory_MemTotal_bytes', l, 8 * GIB);
      add('node_memory_MemAvailable_bytes', l, 6 * GIB);
      for (let f = 0; f < FILESYSTEMS; f++) {
        const fs = { ...l, device: `/dev/vd${String.fromCharCode(97 + f)}`, fstype: 'ext4', mountpoint: f === 0 ? '/' : `/srv/data-volume-number-${f}` };
        add('node_filesystem_size_bytes', fs, 100 * GIB);
        add('node_filesystem_free_bytes', fs, (50 + f) * GIB);
        add('node_filesystem_avail_bytes', fs, (45 + f) * GIB);
      }
    }
    return [...byName.values()].map((lines) => lines.join('\n') + '\n').join('');
  }

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('promtool')) throw new Error('prometheus and promtool are needed: apt-get install prometheus (.ci/run installs it)');
    // 2500 hosts' backfill takes promtool a while on a loaded machine: an hour's look-back keeps its samples (written
    // 15-60 s before now at the start) visible however long the start takes.
    prometheus = await startPrometheus({ targets: [], backfill: fleet(), lookbackDeltaSeconds: 3600 });
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });

  after(async () => {
    await server?.close();
    await prometheus?.stop();
  });

  it('fleet_overview counts every host and every down one, pages its reads past 8 MiB, and says how many it left out', async () => {
    const data = await call(server, 'fleet_overview', { limit: 20 });
    assert.equal(data.total, HOSTS);
    assert.equal(data.down, DOWN.size);
    assert.equal(data.truncated, true);
    assert.equal(data.hosts.length, 20);
    assert.deepEqual(data.hosts.slice(0, DOWN.size).map((h: Structured) => h.host), [...DOWN].map((i) => `host-${String(i).padStart(4, '0')}`));
    assert.match(data.summary, /^2500 host\(s\); 10 down;.*listing the worst 20, 2480 left out/);
    // A live host's figures were read (its page's answer), with its fullest filesystem by df's formula.
    const live = data.hosts[DOWN.size];
    assert.equal(live.memoryPercent, 25);
    assert.equal(live.fullestDisk.mount, '/');
    assert.equal(live.fullestDisk.usePercent, 52.6);
    const last = await call(server, 'host_usage', { host: 'host-2499' });
    assert.equal(last.up, true);
    assert.equal(last.disks.length, FILESYSTEMS);
  });
});
