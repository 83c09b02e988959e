// A private Docker daemon for tests (Debian's docker.io): its own data root, exec root, pidfile and socket in a
// temporary folder, no iptables, no bridge, plus a TLS listener on a loopback port that wants client certificates
// (tcp:// DOCKER_HOST with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH; the certificates are made with openssl). No registry is reachable, so the one image, local/busybox:1, is made with `docker import` from a root
// filesystem holding Debian's busybox-static. Containers run with `--network none`. Stopped by its pid.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { hasCommand, startComponent, type Component } from './real-components';

const execFileAsync = promisify(execFile);

/** The image every test container runs. */
export const BUSYBOX_IMAGE = 'local/busybox:1';
const BUSYBOX = '/bin/busybox';
const APPLETS = ['sh', 'echo', 'printf', 'sleep', 'seq', 'cat', 'head', 'yes', 'true'];

/** One entry of the json-file log driver's file (<data-root>/containers/<id>/<id>-json.log). */
export interface JsonLogEntry {
  /** The message with its "\n" (none on a piece of a split long line). */
  log: string;
  stream: 'stdout' | 'stderr';
  /** RFC 3339 with nanoseconds. */
  time: string;
}

export interface DockerDaemon {
  /** `unix://<folder>/docker.sock` (a DOCKER_HOST value). */
  host: string;
  socketPath: string;
  /** `tcp://127.0.0.1:PORT`: the same daemon over TLS on loopback, client certificates required. */
  tcpHost: string;
  /** A DOCKER_CERT_PATH for tcpHost: ca.pem, cert.pem, key.pem. */
  certPath: string;
  /** Runs the docker CLI against this daemon; resolves with its stdout, rejects with its stderr. */
  docker: (...args: string[]) => Promise<string>;
  /** `docker run -d --network none` of `sh -c script` in local/busybox:1 as `name`; resolves with the container id. */
  run: (name: string, script: string, options?: { tty?: boolean; logDriver?: string }) => Promise<string>;
  /** Resolves once container `name` has exited. */
  waitExited: (name: string) => Promise<void>;
  /** What the daemon wrote to the json-file log of container `id`, entry by entry: the tests' oracle. */
  jsonLog: (id: string) => JsonLogEntry[];
  /** The daemon's output so far (for failure messages). */
  output: () => string;
  /** Removes every container, stops the daemon by its pid and removes its folder. */
  stop: () => Promise<void>;
}

/** Why the Docker tests cannot run here (undefined when they can): dockerd needs root, docker.io and busybox-static. */
export function dockerSkipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'dockerd needs root (CI runs these tests with sudo: .ci/run)';
  if (!hasCommand('dockerd') || !hasCommand('docker')) return 'dockerd/docker missing (Debian package docker.io; .ci/run installs it)';
  if (spawnSync(BUSYBOX, ['true']).status !== 0) return `${BUSYBOX} missing (Debian package busybox-static; .ci/run installs it)`;
  // The image holds busybox alone, without a C library: a dynamically linked one (package busybox) cannot run there.
  if (spawnSync('ldd', [BUSYBOX]).status === 0) return `${BUSYBOX} is dynamically linked (install busybox-static; .ci/run does)`;
  if (!hasCommand('openssl')) return 'openssl missing (Debian package openssl)';
  return undefined;
}

/** Starts the daemon (ready when /_ping answers) and imports local/busybox:1. */
export async function startDockerDaemon(): Promise<DockerDaemon> {
  let socketPath = '';
  let dataRoot = '';
  const component: Component = await startComponent(
    'dockerd',
    'dockerd',
    (dir, port) => {
      socketPath = path.join(dir, 'docker.sock');
      dataRoot = path.join(dir, 'data');
      const tls = path.join(dir, 'tls');
      return [
        '--iptables=false', '--bridge=none', '--shutdown-timeout=1',
        `--data-root=${dataRoot}`, `--exec-root=${path.join(dir, 'exec')}`, `--pidfile=${path.join(dir, 'docker.pid')}`,
        '--tlsverify', `--tlscacert=${tls}/ca.pem`, `--tlscert=${tls}/server-cert.pem`, `--tlskey=${tls}/server-key.pem`,
        '-H', `unix://${socketPath}`, '-H', `tcp://127.0.0.1:${port}`,
      ];
    },
    () => pingSocket(socketPath),
    (dir) => {
      // Other users may reach the socket's folder, so that the socket's own mode (0660 root:docker) is what refuses them.
      chmodSync(dir, 0o711);
      makeRootfs(path.join(dir, 'rootfs'));
      makeCertificates(path.join(dir, 'tls'));
    },
  );
  const host = `unix://${socketPath}`;
  const docker = async (...args: string[]) => {
    try {
      return (await execFileAsync('docker', args, { env: { ...process.env, DOCKER_HOST: host }, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      throw new Error(`docker ${args.join(' ').slice(0, 200)} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
    }
  };
  const daemon: DockerDaemon = {
    host,
    socketPath,
    tcpHost: `tcp://127.0.0.1:${component.port}`,
    certPath: path.join(path.dirname(socketPath), 'tls'),
    docker,
    run: async (name, script, options = {}) => {
      const flags = ['--network', 'none', '--name', name, ...(options.tty ? ['--tty'] : []), ...(options.logDriver ? ['--log-driver', options.logDriver] : [])];
      return (await docker('run', '-d', ...flags, BUSYBOX_IMAGE, 'sh', '-c', script)).trim();
    },
    waitExited: async (name) => void (await docker('wait', name)),
    jsonLog: (id) =>
      readFileSync(path.join(dataRoot, 'containers', id, `${id}-json.log`), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as JsonLogEntry),
    output: component.output,
    stop: async () => {
      const ids = (await docker('ps', '-aq').catch(() => '')).split('\n').filter(Boolean);
      if (ids.length) await docker('rm', '-f', ...ids).catch(() => undefined);
      await component.stop();
    },
  };
  try {
    await importBusybox(path.join(path.dirname(socketPath), 'rootfs'), host);
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return daemon;
}

/** GET /_ping on the unix socket answers OK. */
function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: '/_ping', timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate (ca.pem, cert.pem, key.pem: a DOCKER_CERT_PATH). */
function makeCertificates(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  const steps = [
    'openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 2 -subj /CN=test-docker-ca',
    'openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj /CN=127.0.0.1',
    'openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -days 2 -extfile server.ext',
    'openssl req -newkey rsa:2048 -nodes -keyout key.pem -out client.csr -subj /CN=test-client',
    'openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out cert.pem -days 2 -extfile client.ext',
  ];
  for (const step of steps) {
    const result = spawnSync('sh', ['-c', step], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${step} failed: ${result.stderr}`);
  }
}

function makeRootfs(rootfs: string): void {
  mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
  copyFileSync(BUSYBOX, path.join(rootfs, 'bin', 'busybox'));
  chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
  for (const applet of APPLETS) symlinkSync('busybox', path.join(rootfs, 'bin', applet));
}

async function importBusybox(rootfs: string, host: string): Promise<void> {
  const result = spawnSync('sh', ['-c', `tar -C "$ROOTFS" -c . | docker import - ${BUSYBOX_IMAGE}`], {
    env: { ...process.env, DOCKER_HOST: host, ROOTFS: rootfs },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`docker import failed: ${result.stderr}`);
}
