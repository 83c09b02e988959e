// Pure parts of the fleet tools: settings and credentials, host naming and completion, ranking, df's formula, the client's errors.
import assert from 'node:assert/strict';
import { CliUsageError } from '../../../servers/shared/cli';
import { loadConfig } from '../../../servers/system/config';
import { dfUsage } from '../../../servers/system/disks/df';
import { authFromEnv, createPrometheusClient, partialNote, PrometheusError } from '../../../servers/system/fleet/prometheus';
import { worstFirst } from '../../../servers/system/fleet/rank';
import { toDisks } from '../../../servers/system/fleet/readings';
import { completeHost, targetMatchers, targetsOf, type Target } from '../../../servers/system/fleet/targets';

const thresholds = { cpu: 80, memory: 90, disk: 90 };
const target = (host: string, instance = `${host}:9100`, up = true): Target => ({ host, instance, job: 'node', jobs: ['node'], up });

describe('system server fleet parts', () => {
  // break15: node_exporter reports a device at each of its mounts; a bind mount of /dev/vda counted as another full disk.
  it('a block device at several mounts is one filesystem, listed at its shortest mount', () => {
    const fs = (device: string, fstype: string, mountpoint: string, size: number, free: number) => [
      `${device}${mountpoint}`,
      { labels: { device, fstype, mountpoint }, values: new Map([['node_filesystem_size_bytes', size], ['node_filesystem_free_bytes', free], ['node_filesystem_avail_bytes', free], ['node_filesystem_readonly', 0]]) },
    ] as const;
    const disks = toDisks(new Map([
      fs('/dev/vda', 'ext4', '/srv/data', 100e9, 30e9),
      fs('/dev/vda', 'ext4', '/', 100e9, 30e9),
      fs('/dev/vda', 'ext4', '/var/lib/docker', 100e9, 30e9),
      fs('/dev/vdb', 'ext4', '/backup', 100e9, 30e9),
      fs('tmpfs', 'tmpfs', '/run', 1e9, 0.5e9),
      fs('tmpfs', 'tmpfs', '/dev/shm', 1e9, 0.5e9),
    ]));
    assert.deepEqual(disks.map((d) => [d.fs, d.mount, d.alsoMountedAt]), [
      ['/dev/vda', '/', ['/srv/data', '/var/lib/docker']],
      ['/dev/vdb', '/backup', undefined],
      ['tmpfs', '/run', undefined],
      ['tmpfs', '/dev/shm', undefined],
    ]);
  });

  // leftovers27: a host whose root went read-only read "no warnings" in fleet_overview. node_filesystem_readonly cannot
  // tell a filesystem that went read-only from one mounted so: a writable kind at `/`, or one writable within the hour.
  it('marks a writable filesystem read-only now as gone read-only when it is the root or was writable within the lookback', () => {
    const fs = (device: string, fstype: string, mountpoint: string, readOnly: number, lowestEarlier?: number) => [
      `${device}${mountpoint}`,
      {
        labels: { device, fstype, mountpoint },
        values: new Map([
          ['node_filesystem_size_bytes', 100e9], ['node_filesystem_free_bytes', 30e9], ['node_filesystem_avail_bytes', 30e9], ['node_filesystem_readonly', readOnly],
          ...(lowestEarlier === undefined ? [] : [['node_filesystem_readonly:min_lookback', lowestEarlier] as const]),
        ]),
      },
    ] as const;
    const disks = toDisks(new Map([
      fs('/dev/vda', 'ext4', '/', 1, 1),
      fs('/dev/vdb', 'xfs', '/srv', 1, 0),
      fs('/dev/vdc', 'ext4', '/backup', 1, 1),
      fs('/dev/vdd', 'ext4', '/data', 0, 0),
      fs('/dev/loop1', 'iso9660', '/media/cd', 1),
      fs('/dev/loop2', 'squashfs', '/', 1),
    ]));
    assert.deepEqual(disks.filter((d) => d.wentReadOnly).map((d) => d.mount), ['/', '/srv']);
  });

  describe('configuration', () => {
    it('has no fleet without a URL, and reads URL, host label, timeout and credentials when given', () => {
      assert.equal(loadConfig([], {}).fleet, undefined);
      const config = loadConfig(['--prometheus-url', 'https://prom.example:9090/prometheus/?x=1'], { PROMETHEUS_HOST_LABEL: 'host', PROMETHEUS_TIMEOUT: '3', PROMETHEUS_BEARER_TOKEN: 't0ken' });
      assert.equal(config.fleet?.prometheus.url.href, 'https://prom.example:9090/prometheus/');
      assert.equal(config.fleet?.hostLabel, 'host');
      assert.equal(config.fleet?.prometheus.timeoutMs, 3000);
      assert.deepEqual(config.fleet?.prometheus.auth, { kind: 'bearer', token: 't0ken' });
      assert.equal(loadConfig([], { PROMETHEUS_URL: 'http://p:9090' }).fleet?.hostLabel, 'instance');
    });

    it('refuses a URL with credentials, a non-http one, a bad label and half of basic auth, without repeating secrets', () => {
      assert.throws(
        () => loadConfig(['--prometheus-url', 'http://u:hunter22@p:9090'], {}),
        (e: Error) => e instanceof CliUsageError && /must not carry credentials/.test(e.message) && !e.message.includes('hunter22'),
      );
      assert.throws(() => loadConfig([], { PROMETHEUS_URL: 'ftp://p' }), /must start with http/);
      assert.throws(() => loadConfig([], { PROMETHEUS_URL: 'not a url' }), /not a URL/);
      assert.throws(() => loadConfig([], { PROMETHEUS_URL: 'http://p', PROMETHEUS_HOST_LABEL: 'a-b' }), /label name/);
      assert.throws(() => loadConfig([], { PROMETHEUS_URL: 'http://p', PROMETHEUS_TIMEOUT: '0' }), /--prometheus-timeout/);
      assert.throws(
        () => loadConfig([], { PROMETHEUS_URL: 'http://p', PROMETHEUS_PASSWORD: 'hunter22' }),
        (e: Error) => e instanceof CliUsageError && /PROMETHEUS_USERNAME and PROMETHEUS_PASSWORD/.test(e.message) && !e.message.includes('hunter22'),
      );
    });

    it('prefers a bearer token over basic auth', () => {
      assert.deepEqual(authFromEnv({ PROMETHEUS_USERNAME: 'u', PROMETHEUS_PASSWORD: 'p' }), { kind: 'basic', username: 'u', password: 'p' });
      assert.equal(authFromEnv({ PROMETHEUS_BEARER_TOKEN: 't', PROMETHEUS_USERNAME: 'u', PROMETHEUS_PASSWORD: 'p' }).kind, 'bearer');
      assert.equal(authFromEnv({}).kind, 'none');
    });
  });

  describe('hosts', () => {
    const targets = [target('web-1'), target('web-2'), target('db-1'), target('reweb')];

    it('completes prefixes first, then substrings', () => {
      assert.deepEqual(completeHost('web', targets), ['web-1', 'web-2', 'reweb']);
      assert.deepEqual(completeHost('', targets).length, 4);
    });

    it('finds a host by name or instance, and otherwise names the close ones', () => {
      assert.equal(targetsOf('db-1', targets)[0].host, 'db-1');
      assert.equal(targetsOf('web-2:9100', targets)[0].host, 'web-2');
      assert.throws(() => targetsOf('we', targets), /no host "we" among the 4 .*did you mean: web-1, web-2, reweb/);
      assert.throws(() => targetsOf('x', []), /scrapes no node_exporter targets/);
      // break33: two targets named alike are listed apart by instance; asked for by the name, they are not "no host".
      const twins = [{ host: 'web-1 (10.0.0.1:9100)', instance: '10.0.0.1:9100', job: 'node', jobs: ['node'], up: true }, { host: 'web-1 (10.0.0.2:9100)', instance: '10.0.0.2:9100', job: 'node', jobs: ['node'], up: true }];
      assert.throws(() => targetsOf('web-1', twins), /^Error: 2 targets carry the name "web-1" .*give one of web-1 \(10\.0\.0\.1:9100\), web-1 \(10\.0\.0\.2:9100\)$/);
      assert.equal(targetsOf('web-1 (10.0.0.2:9100)', twins)[0].instance, '10.0.0.2:9100');
      // break33: at a past time, the targets are those of then.
      assert.throws(() => targetsOf('x', [], [], Date.UTC(2026, 0, 2)), /^Error: Prometheus had no node_exporter targets at 2026-01-02T00:00:00\.000Z .*holds no readings of that time/);
      assert.throws(() => targetsOf('we', targets, [], Date.UTC(2026, 0, 2)), /no host "we" among the 4 node_exporter target\(s\) at 2026-01-02T00:00:00\.000Z; did you mean/);
    });

    it('matches label values literally in PromQL (regex characters escaped, quotes escaped)', () => {
      assert.equal(targetMatchers([{ host: 'a', instance: '10.0.0.1:9100', job: 'no"de', up: true }]), 'job=~"no\\"de",instance=~"10\\\\.0\\\\.0\\\\.1:9100"');
    });
  });

  it('ranks down hosts first, then more warnings, then the reading closest to its threshold', () => {
    const row = (host: string, up: boolean, cpu: number | null, disk: number | null, warningCount = 0) => ({ host, up, cpuPercent: cpu, memoryPercent: 10, fullestDiskPercent: disk, warningCount });
    const ranked = worstFirst([row('calm', true, 5, 10), row('disk', true, 5, 85), row('cpu', true, 70, 10), row('down', false, null, null), row('warned', true, 90, 10, 1)], thresholds);
    assert.deepEqual(ranked.map((r) => r.host), ['down', 'warned', 'disk', 'cpu', 'calm']);
  });

  it('computes use % as df does: used / (used + available), used = size - free', () => {
    // The machine of the docs: reserved blocks make 100 * (1 - avail / size) read much higher than df.
    assert.deepEqual(dfUsage(1000, 700, 650), { usedBytes: 300, usePercent: 31.6 });
    assert.deepEqual(dfUsage(0, 0, 0), { usedBytes: 0, usePercent: null });
  });

  describe('client', () => {
    const settings = { url: new URL('http://prom:9090'), auth: { kind: 'bearer' as const, token: 'secret-token-1' }, timeoutMs: 1000 };
    const answering = (status: number, body: string, headers: Record<string, string> = {}): typeof fetch => (async () => new Response(body, { status, headers })) as typeof fetch;
    const failsWith = async (fetchImpl: typeof fetch, kind: string, pattern: RegExp) => {
      const client = createPrometheusClient({ ...settings, maxResponseBytes: 100 }, fetchImpl);
      await assert.rejects(client.query('up', new AbortController().signal), (e: Error) => {
        assert.ok(e instanceof PrometheusError && e.kind === kind, `${e.name} ${(e as PrometheusError).kind}: ${e.message}`);
        assert.match(e.message, pattern);
        assert.ok(!e.message.includes('secret-token-1'));
        return true;
      });
    };

    it('tells each failure apart, bounded and without the token', async () => {
      await failsWith(answering(401, ''), 'auth', /HTTP 401.*authentication failed.*PROMETHEUS_BEARER_TOKEN/);
      await failsWith(answering(200, '<html>'), 'not-prometheus', /not JSON/);
      await failsWith(answering(200, 'x'.repeat(500)), 'too-large', /larger than/);
      await failsWith(answering(503, JSON.stringify({ status: 'error', errorType: 'timeout', error: 'query timed out' })), 'timeout', /time limit/);
      await failsWith(answering(422, JSON.stringify({ status: 'error', errorType: 'execution', error: 'query processing would load too many samples' })), 'too-large', /too many samples/);
      await failsWith((async () => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }); }) as typeof fetch, 'unreachable', /cannot be reached \(ENOTFOUND\)\. Check the URL \(devopsAssistant\.prometheus\.url; --prometheus-url \/ PROMETHEUS_URL\)/);
    });

    it('says what a 5xx page means (Prometheus starting, a proxy that cannot reach it) instead of doubting the URL', async () => {
      await failsWith(answering(503, 'Service Unavailable'), 'server', /HTTP 503 \(Service Unavailable: Prometheus is starting up.*try again shortly\. The URL itself is likely right/);
      await failsWith(answering(502, '<html><body>502 Bad Gateway</body></html>'), 'server', /HTTP 502 \(Bad Gateway: a proxy or load balancer in front of Prometheus could not reach it\)/);
      await failsWith(answering(504, '{"message":"upstream timed out"}'), 'server', /HTTP 504 \(Gateway Timeout/);
      // A 200 page that is not Prometheus's is still a wrong URL.
      await failsWith(answering(200, '<html>'), 'not-prometheus', /is this the URL of Prometheus/);
      // break30: a static file server (python -m http.server) answers Prometheus's POST with 501: not a server in
      // trouble, so not "try again shortly. The URL itself is likely right".
      await failsWith(answering(501, '<html><title>Error response</title>Unsupported method (\'POST\')</html>'), 'not-prometheus', /HTTP 501\) is not JSON: is this the URL of Prometheus/);
      await failsWith(answering(505, '{"error":"version"}'), 'not-prometheus', /is this the URL of Prometheus/);
    });

    it('says a redirect is one, where it points (without its query) and what it likely means, instead of "cannot be reached" (break33)', async () => {
      await failsWith(answering(302, '', { location: '/oauth2/start?rd=%2Fapi&token=secret-token-1' }), 'redirect', /HTTP 302, a redirect to http:\/\/prom:9090\/oauth2\/start, instead of a result.*sign-in page of a proxy/);
      await failsWith(answering(308, '', { location: 'https://prom:9443/api/v1/query' }), 'redirect', /The server wants https: set the URL to https:\/\/prom:9443\./);
      await failsWith(answering(301, ''), 'redirect', /a redirect to an address it did not give/);
    });

    it("keeps a partial answer's warnings (Thanos, Mimir) for the tool call that got them", async () => {
      const body = JSON.stringify({ status: 'success', warnings: ['store 10.0.0.7:10901 unavailable'], data: { resultType: 'vector', result: [] } });
      const client = createPrometheusClient(settings, answering(200, body));
      const call = new AbortController().signal;
      const other = new AbortController().signal;
      assert.deepEqual(await client.vector('up', call), []);
      assert.deepEqual(client.warnings(call), ['store 10.0.0.7:10901 unavailable']);
      assert.deepEqual(client.warnings(other), []);
      assert.equal(partialNote(client.warnings(call)), '; Prometheus warned that the answer may be incomplete: store 10.0.0.7:10901 unavailable');
    });

    it('reads numbers Prometheus sends as strings, NaN and Inf as null', async () => {
      const body = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1, '2.5'] }, { metric: {}, value: [1, 'NaN'] }, { metric: {}, value: [1, '+Inf'] }] } });
      const client = createPrometheusClient(settings, answering(200, body));
      const series = await client.vector('x', new AbortController().signal);
      assert.deepEqual(series.map((s) => s.value.value), [2.5, null, null]);
    });
  });
});
