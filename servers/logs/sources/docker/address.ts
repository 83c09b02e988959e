// Where the Docker daemon is: DOCKER_HOST (or the setting that stands for it) in the same grammar as the docker
// CLI, turned into dockerode's connection options and into the address messages name. Parsed here rather than left
// to docker-modem's own reading of process.env, because a daemon-down or permission message must say WHICH address
// was tried, and because the server may be pointed at a host other than its environment's (tests, the setting).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DockerOptions } from 'dockerode';
import { UserFacingError } from '../../../shared/tool-result';

/** A resolved daemon address. */
export interface DockerAddress {
  /** dockerode / docker-modem connection options. */
  options: DockerOptions;
  /** The address as a URL for messages: `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2375`. */
  url: string;
  /** The socket path when the daemon is reached over a unix socket (permission messages name it). */
  socketPath?: string;
}

/** The environment this reads: DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, XDG_RUNTIME_DIR, SSH_AUTH_SOCK. */
export type DockerEnv = Record<string, string | undefined>;

/**
 * The sockets tried when DOCKER_HOST is unset, first existing wins: Docker Desktop's per-user socket, the system
 * daemon's, rootless Docker's. None existing gives the system path, so a "not running" message names the usual one.
 */
export function defaultSocketCandidates(env: DockerEnv): string[] {
  const candidates = [path.join(os.homedir(), '.docker', 'run', 'docker.sock'), '/var/run/docker.sock'];
  if (env.XDG_RUNTIME_DIR) candidates.push(path.join(env.XDG_RUNTIME_DIR, 'docker.sock'));
  return candidates;
}

/**
 * Resolves `host` (a DOCKER_HOST value: `unix:///path`, `tcp://host:port`, `host:port`, `ssh://user@host`; empty or
 * undefined = env.DOCKER_HOST, then the default sockets). TLS for tcp:// follows the docker CLI: DOCKER_TLS_VERIFY=1
 * or port 2376, with ca.pem/cert.pem/key.pem from DOCKER_CERT_PATH. Throws UserFacingError for an address it cannot read.
 */
export function resolveDockerAddress(host: string | undefined, env: DockerEnv = process.env): DockerAddress {
  const given = (host ?? '').trim() || (env.DOCKER_HOST ?? '').trim();
  if (given === '') {
    const socketPath = defaultSocketCandidates(env).find((candidate) => existsSync(candidate)) ?? '/var/run/docker.sock';
    return unixAddress(socketPath);
  }
  if (given.startsWith('unix://')) return unixAddress(given.slice('unix://'.length) || '/var/run/docker.sock');
  if (given.startsWith('npipe://')) {
    const pipe = given.slice('npipe://'.length) || '//./pipe/docker_engine';
    return { options: { socketPath: pipe }, url: `npipe://${pipe}`, socketPath: pipe };
  }
  return networkAddress(given.includes('://') ? given : `tcp://${given}`, env);
}

function unixAddress(socketPath: string): DockerAddress {
  return { options: { socketPath }, url: `unix://${socketPath}`, socketPath };
}

function networkAddress(text: string, env: DockerEnv): DockerAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserFacingError(`cannot read the Docker address "${text}": use unix:///path/to/docker.sock, tcp://host:port or ssh://user@host (DOCKER_HOST).`);
  }
  if (url.protocol === 'ssh:') {
    const port = url.port || '22';
    return {
      options: { protocol: 'ssh', host: url.hostname, port, username: url.username || undefined, sshOptions: { agent: env.SSH_AUTH_SOCK } },
      url: `ssh://${url.username ? `${url.username}@` : ''}${url.hostname}:${port}`,
    };
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserFacingError(`Docker address "${text}" has the scheme ${url.protocol} that this does not speak: use unix://, tcp:// or ssh:// (DOCKER_HOST).`);
  }
  const tls = url.protocol === 'https:' || env.DOCKER_TLS_VERIFY === '1' || url.port === '2376';
  const port = url.port || (tls ? '2376' : '2375');
  const options: DockerOptions = { protocol: tls ? 'https' : 'http', host: url.hostname, port };
  if (tls && env.DOCKER_CERT_PATH) Object.assign(options, readCertificates(env.DOCKER_CERT_PATH));
  return { options, url: `tcp://${url.hostname}:${port}` };
}

function readCertificates(dir: string): Pick<DockerOptions, 'ca' | 'cert' | 'key'> {
  try {
    return {
      ca: readFileSync(path.join(dir, 'ca.pem')),
      cert: readFileSync(path.join(dir, 'cert.pem')),
      key: readFileSync(path.join(dir, 'key.pem')),
    };
  } catch (error) {
    throw new UserFacingError(
      `cannot read the Docker TLS certificates in DOCKER_CERT_PATH=${dir} (ca.pem, cert.pem, key.pem): ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
}
