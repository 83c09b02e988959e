// What went wrong talking to Docker, in words that say what to do. The two sources of failures: the connection
// (Node's socket error codes) and the daemon's HTTP answers (docker-modem's Error with statusCode and json.message).
import { sanitizeLine } from '../../../shared/sanitize';
import type { DockerAddress } from './address';

/** The oldest Engine API this reads with: `until` on GET /containers/{id}/logs came in 1.35 (Docker 17.12). */
export const MIN_API_VERSION = '1.35';

const SET_HOST = 'or point DOCKER_HOST (the setting devopsAssistant.logs.dockerHost) at a daemon that runs';

interface DockerFailure {
  code?: string;
  statusCode?: number;
  json?: unknown;
  message?: string;
}

/** The daemon's own message of an HTTP failure: docker-modem puts the parsed JSON body in `json`, or the raw body
 *  (a Buffer) when the daemon answered in plain text, as it does for a refused API version. */
export function daemonMessage(error: unknown): string {
  const failure = error as DockerFailure;
  const json: unknown = failure?.json;
  let text: string;
  if (Buffer.isBuffer(json)) text = json.toString('utf8');
  else if (typeof json === 'string') text = json;
  else if (typeof json === 'object' && json !== null && typeof (json as { message?: unknown }).message === 'string') text = (json as { message: string }).message;
  else text = String(failure?.message ?? error).replace(/^\(HTTP code \d+\) [^-]*- /, '');
  return sanitizeLine(text.trim(), 300);
}

/** True when nothing is at the address: no socket file, or nothing listening (Docker not installed or not started). */
export function isDaemonAbsent(error: unknown): boolean {
  const code = (error as DockerFailure)?.code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

/** True for a 404 from the daemon (no such container). */
export function isNotFound(error: unknown): boolean {
  return (error as DockerFailure)?.statusCode === 404;
}

/**
 * One sentence (or two) for a failed request to the daemon at `address`: no permission on the socket, daemon not
 * running or not reachable, TLS refused, API version refused, or the daemon's own message.
 */
export function describeDockerFailure(error: unknown, address: DockerAddress): string {
  const failure = error as DockerFailure;
  const where = `Docker at ${address.url}`;
  switch (failure?.code) {
    case 'EACCES':
    case 'EPERM':
      return (
        `no permission to use the Docker socket ${address.socketPath ?? address.url}: add your user to the docker group ` +
        '(`sudo usermod -aG docker $USER`, then log out and in again) or set DOCKER_HOST (the setting devopsAssistant.logs.dockerHost) to a daemon you may use.'
      );
    case 'ENOENT':
      return `the Docker daemon is not running: there is no socket at ${address.socketPath ?? address.url}. Start Docker (\`sudo systemctl start docker\`) ${SET_HOST}.`;
    case 'ECONNREFUSED':
      return `the Docker daemon is not running: nothing answers at ${address.url}. Start Docker (\`sudo systemctl start docker\`) ${SET_HOST}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot find the Docker host of ${address.url} (name lookup failed): check DOCKER_HOST / devopsAssistant.logs.dockerHost.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return `no answer from ${where} (${failure.code}): check that the daemon runs and the address (DOCKER_HOST / devopsAssistant.logs.dockerHost) is right.`;
  }
  if (typeof failure?.code === 'string' && /CERT|SSL|TLS/.test(failure.code)) {
    return `the TLS connection to ${where} failed (${failure.code}): check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY.`;
  }
  const message = daemonMessage(error);
  if (failure?.statusCode === 400 && /HTTP request to an HTTPS server/i.test(message)) {
    return `${where} wants TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem (or use port 2376).`;
  }
  if (failure?.statusCode === 400 && /client version .* too (old|new)/i.test(message)) {
    return `${where} refuses this client's API version: ${message}. Upgrade Docker to Engine API ${MIN_API_VERSION} or newer.`;
  }
  return `${where} failed: ${message}`;
}

/** "1.41" >= "1.35", numerically per part. */
export function apiVersionAtLeast(version: string, minimum: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  const [wantMajor, wantMinor] = minimum.split('.').map(Number);
  if (!Number.isFinite(major) || !Number.isFinite(minor)) return false;
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/** The message for a daemon older than MIN_API_VERSION (`version` is its ApiVersion, `engine` its Version). */
export function apiTooOld(version: string, engine: string | undefined, address: DockerAddress): string {
  return (
    `Docker at ${address.url} speaks Engine API ${version}${engine ? ` (Docker ${engine})` : ''}, older than the ${MIN_API_VERSION} ` +
    '(Docker 17.12) that reading container logs by time needs: upgrade Docker.'
  );
}
