// A host that service discovery drops (a terminated or crashed EC2 instance, a deleted pod, a Consul deregistration)
// has no `up` series from then on, so the fleet said "all up" the moment it vanished (break15). Its `up` samples of the
// last hour are backfilled into a real Prometheus with promtool, as if it had been scraped until it went.
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { hasCommand, startPrometheus, type Component } from '../../support/real-components';

/** OpenMetrics lines of one series every 15 s from `from` to `to` (epoch seconds). */
function series(name: string, labels: Record<string, string>, from: number, to: number, value: number): string {
  const text = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
  const lines: string[] = [];
  for (let t = from; t <= to; t += 15) lines.push(`${name}{${text}} ${value} ${t}`);
  return `${lines.join('\n')}\n`;
}

describe('system server fleet: hosts gone from the targets (real Prometheus)', function () {
  this.timeout(120_000);
  let prometheus: Component;
  let server: StartedServer;
  const host = (name: string) => ({ job: 'node', instance: `${name}:9100`, host: name });

  before(async function () {
    if (!hasCommand('prometheus') || !hasCommand('promtool')) throw new Error('prometheus and promtool are needed: apt-get install prometheus (.ci/run installs it)');
    // Now, not when the file was loaded: a long suite runs this minutes later, past the instant query's look-back.
    const now = Math.floor(Date.now() / 60_000) * 60;
    const t0 = now - 3600;
    const backfill = [
      // web-1 is scraped up to now; crashed-1 was down for its last 10 minutes and went 20 minutes ago; scaled-1 was up
      // and went 30 minutes ago; old-1 went 2 hours ago, before the hour looked at.
      series('up', host('web-1'), t0, now - 15, 1),
      series('node_uname_info', { ...host('web-1'), nodename: 'web-1' }, t0, now - 15, 1),
      series('up', host('crashed-1'), t0, now - 1800, 1),
      series('up', host('crashed-1'), now - 1785, now - 1200, 0),
      series('up', host('scaled-1'), t0, now - 1800, 1),
      series('up', host('old-1'), now - 3 * 3600, now - 2 * 3600, 1),
      // db-1 moved to a new address 40 minutes ago, and its job was renamed: the same machine, still scraped.
      series('up', { job: 'node-old', instance: '10.0.0.5:9100', host: 'db-1' }, t0, now - 2400, 1),
      series('node_uname_info', { job: 'node-old', instance: '10.0.0.5:9100', host: 'db-1', nodename: 'db-1' }, t0, now - 2400, 1),
      series('up', { job: 'node', instance: '10.0.0.9:9100', host: 'db-1' }, now - 2385, now - 15, 1),
    ].join('');
    prometheus = await startPrometheus({ targets: [], backfill });
    server = await startBuiltServer('system', { PROMETHEUS_URL: prometheus.url, PROMETHEUS_HOST_LABEL: 'host' });
  });
  after(async () => {
    await server?.close();
    await prometheus?.stop();
  });

  const call = async (name: string, args: Record<string, unknown>) => (await server.client.callTool({ name, arguments: args })) as CallToolResult;

  it('fleet_overview lists the hosts gone within the hour beside the ones there, and says so', async () => {
    const result = await call('fleet_overview', {});
    assert.ok(!result.isError, JSON.stringify(result.content));
    const data = result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(data.hosts.map((h: { host: string }) => h.host).sort(), ['db-1', 'web-1'], 'a re-addressed host is there, not gone');
    assert.deepEqual(data.gone, [
      { host: 'crashed-1', instance: 'crashed-1:9100', job: 'node', lastUp: false },
      { host: 'scaled-1', instance: 'scaled-1:9100', job: 'node', lastUp: true },
    ]);
    assert.match(data.summary, /^2 host\(s\); all of them up; .*; 2 host\(s\) scraped within the last hour are gone from Prometheus's targets \(removed by service discovery: terminated, crashed or scaled down\): crashed-1 \(down before it went\), scaled-1/);
  });

  it('host_usage of a gone host says it went, instead of "no host"', async () => {
    const result = await call('host_usage', { host: 'crashed-1' });
    assert.equal(result.isError, true);
    assert.match((result.content[0] as { text: string }).text, /crashed-1 \(crashed-1:9100\) is no longer among Prometheus's targets: it was scraped within the last hour, its last scrape failing, and service discovery has since dropped it/);
    const unknown = await call('host_usage', { host: 'old-1' });
    assert.match((unknown.content[0] as { text: string }).text, /no host "old-1" among the 2 node_exporter target\(s\)/, 'gone before the hour: not known');
  });
});
