// Real components the tests start themselves on loopback ports (Prometheus and node_exporter now;
// Docker and journal writers fit the same frame): each one is a child process stopped by its pid, in
// a temporary folder removed on stop. Readiness is polled from the component's own API, never slept.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitUntil } from './wait';

/** A started component: where it answers, and how to stop it. */
export interface Component {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Its stderr and stdout so far (for failure messages). */
  output: () => string;
  /** Stops it by its pid (SIGTERM, then SIGKILL after 5 s) and removes its folder. */
  stop: () => Promise<void>;
}

/** Whether `command` is on PATH: tests skip (and CI installs the package) when it is not. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** A loopback TCP port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts `command` (args from its folder and port) in a new temporary folder, after `setup(dir)`, and
 * resolves once `ready(url)` holds; stops it and rethrows when it exits or never gets ready.
 */
export async function startComponent(
  name: string,
  command: string,
  args: (dir: string, port: number) => string[],
  ready: (url: string) => Promise<boolean>,
  setup?: (dir: string) => void,
  /** The signal that stops it (SIGTERM; SIGKILL for a wrapper that ignores SIGTERM, as `unshare --fork` does). */
  stopSignal: NodeJS.Signals = 'SIGTERM',
): Promise<Component> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  setup?.(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(command, args(dir, port), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const stop = async () => {
    if (running && child.pid !== undefined) {
      process.kill(child.pid, stopSignal);
      const timer = setTimeout(() => child.pid !== undefined && running && process.kill(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(`${name} on ${url}`, async () => {
      if (!running) throw new Error(`${name} exited: ${output.slice(-2000)}`);
      return ready(url);
    }, { intervalMs: 200 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, output: () => output, stop };
}

async function answers(url: string, init?: RequestInit): Promise<boolean> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.ok;
}

/** node_exporter (Debian's prometheus-node-exporter) on a free loopback port, serving /metrics; `flags` such as `--no-collector.meminfo`. */
export function startNodeExporter(flags: readonly string[] = []): Promise<Component> {
  return startComponent(
    'node-exporter',
    'prometheus-node-exporter',
    (_dir, port) => [`--web.listen-address=127.0.0.1:${port}`, ...flags],
    (url) => answers(`${url}/metrics`),
  );
}

/**
 * node_exporter that lists `mountLines` (lines of /proc/mounts: `device mountpoint fstype options 0 0`) beside the
 * machine's own mounts, through its `--path.procfs` (as a node_exporter in a container is given the host's /proc): a
 * folder of links to this /proc with a `1/mounts` and `mounts` of its own. A listed mount point that does not exist
 * cannot be stat'ed, and node_exporter says so as it does of a network mount that stopped answering:
 * `node_filesystem_device_error 1` and no size. Linux only.
 */
export function startNodeExporterWithMounts(mountLines: readonly string[]): Promise<Component> {
  return startComponent(
    'node-exporter-mounts',
    'prometheus-node-exporter',
    (dir, port) => [`--web.listen-address=127.0.0.1:${port}`, `--path.procfs=${path.join(dir, 'proc')}`],
    (url) => answers(`${url}/metrics`),
    (dir) => {
      const proc = path.join(dir, 'proc');
      mkdirSync(path.join(proc, '1'), { recursive: true });
      // self and thread-self link to a pid relative to /proc, which would not resolve from here.
      for (const entry of readdirSync('/proc')) if (!['1', 'mounts', 'self', 'thread-self'].includes(entry)) symlinkSync(path.join('/proc', entry), path.join(proc, entry));
      const mounts = readFileSync('/proc/1/mounts', 'utf8').trimEnd() + '\n' + mountLines.map((l) => `${l}\n`).join('');
      writeFileSync(path.join(proc, '1', 'mounts'), mounts);
      writeFileSync(path.join(proc, 'mounts'), mounts);
    },
  );
}

/** Whether this machine lets a test mount a tmpfs in a namespace of its own (user and mount namespaces, util-linux unshare). */
export function canMountPrivateTmpfs(): boolean {
  if (process.platform !== 'linux' || !hasCommand('unshare')) return false;
  return spawnSync('unshare', ['--map-root-user', '--mount', '--pid', '--fork', '--kill-child', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { timeout: 10_000 }).status === 0;
}

/**
 * node_exporter that sees one more filesystem: a tmpfs of `sizeKiB` mounted at `<its folder>/full` and filled with
 * `fillBytes`, in mount and PID namespaces of its own (node_exporter reads the mounts of PID 1, which it is there), so
 * the machine's mounts are untouched and the tmpfs goes with the process. Check canMountPrivateTmpfs() first.
 */
export async function startNodeExporterWithTmpfs(sizeKiB: number, fillBytes: number): Promise<Component & { mount: string }> {
  let mount = '';
  const component = await startComponent(
    'node-exporter-tmpfs',
    'unshare',
    (dir, port) => {
      mount = path.join(dir, 'full');
      const script = `mount -t tmpfs -o size=${sizeKiB}k tmpfs "$1" && head -c ${fillBytes} /dev/zero > "$1/fill"; exec prometheus-node-exporter --web.listen-address=127.0.0.1:${port}`;
      return ['--map-root-user', '--mount', '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', script, 'sh', mount];
    },
    (url) => answers(`${url}/metrics`),
    (dir) => mkdirSync(path.join(dir, 'full')),
    // unshare --fork ignores SIGTERM while it waits; SIGKILL ends it, and --kill-child then ends node_exporter.
    'SIGKILL',
  );
  return { ...component, mount };
}

export interface ScrapeTarget {
  /** host:port */
  address: string;
  /** Target labels, e.g. { host: 'web-1' }. */
  labels?: Record<string, string>;
}

export interface PrometheusOptions {
  /** Static targets of one job, `job`. */
  targets: ScrapeTarget[];
  job?: string;
  /** More jobs, each with its static targets. */
  moreJobs?: Array<{ job: string; targets: ScrapeTarget[] }>;
  scrapeIntervalSeconds?: number;
  /** Users allowed in with basic auth: name to bcrypt hash (Prometheus's web config file). */
  basicAuthUsers?: Record<string, string>;
  /**
   * History written into the storage before Prometheus starts (OpenMetrics text without "# EOF",
   * samples with timestamps in seconds), by promtool's backfill: exact, known series in the past,
   * for what live scrapes cannot make on demand (a spike an hour ago, a 60 s scrape interval).
   */
  backfill?: string;
  /**
   * Prometheus's `--query.lookback-delta` in seconds (its default is 300): how old the newest sample of a series may be
   * for an instant query to see it. A test whose backfilled samples are written before a slow start can widen it so
   * that a slow machine does not age them out.
   */
  lookbackDeltaSeconds?: number;
  /** Serve https with this certificate and key (PEM files): the component's url is then https://. */
  tls?: { certFile: string; keyFile: string };
}

/** Prometheus on a free loopback port with its own storage folder, scraping `targets`. */
export async function startPrometheus(options: PrometheusOptions): Promise<Component> {
  const interval = `${options.scrapeIntervalSeconds ?? 1}s`;
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    scrape_configs: [{ job: options.job ?? 'node', targets: options.targets }, ...(options.moreJobs ?? [])].map(({ job, targets }) => ({
      job_name: job,
      static_configs: targets.map((t) => ({ targets: [t.address], labels: t.labels ?? {} })),
    })),
  };
  const auth = options.basicAuthUsers;
  const tls = options.tls;
  const webConfig = { ...(auth ? { basic_auth_users: auth } : {}), ...(tls ? { tls_server_config: { cert_file: tls.certFile, key_file: tls.keyFile } } : {}) };
  const started = await startComponent(
    'prometheus',
    'prometheus',
    (dir, port) => [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      ...(auth || tls ? [`--web.config.file=${path.join(dir, 'web.yml')}`] : []),
      ...(options.lookbackDeltaSeconds !== undefined ? [`--query.lookback-delta=${options.lookbackDeltaSeconds}s`] : []),
    ],
    // /-/ready needs the credentials too when basic auth is on, and https with TLS (a plain request gets a 400); any answer means it listens.
    async (url) =>
      tls ? (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) })).status === 400 : auth ? (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) })).status === 401 : answers(`${url}/-/ready`),
    (dir) => {
      // JSON is YAML: no YAML writer needed.
      writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config));
      if (auth || tls) writeFileSync(path.join(dir, 'web.yml'), JSON.stringify(webConfig));
      if (options.backfill !== undefined) {
        writeFileSync(path.join(dir, 'backfill.om'), `${options.backfill}# EOF\n`);
        const made = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'backfill.om'), path.join(dir, 'data')], { encoding: 'utf8', timeout: 60_000 });
        if (made.status !== 0) throw new Error(`promtool backfill failed: ${made.stderr}${made.stdout}`);
      }
    },
  );
  return tls ? { ...started, url: started.url.replace(/^http:/, 'https:') } : started;
}

/** The Prometheus query API's vector answer for `promql` (no auth), for waiting on scrapes. */
export async function promVector(prometheusUrl: string, promql: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query: promql })}`, { signal: AbortSignal.timeout(5000) });
  const body = (await response.json()) as { status: string; data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
  if (body.status !== 'success' || !body.data) throw new Error(`query ${promql} failed: ${JSON.stringify(body)}`);
  return body.data.result;
}

/** One exporter's own /metrics as a map from series (name{labels} as printed) to value. */
export async function exporterMetrics(exporterUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${exporterUrl}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
  const metrics = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    metrics.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return metrics;
}
