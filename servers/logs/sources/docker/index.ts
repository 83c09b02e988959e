// The Docker source as the server's configuration turns it on: `--docker auto|on|off` (LOG_DOCKER) and DOCKER_HOST.
import { DockerSourceProvider } from './provider';

export { DockerSourceProvider } from './provider';

/**
 * The provider for `docker` (off: none) at `dockerHost` (a DOCKER_HOST value; undefined = env.DOCKER_HOST, then the
 * default socket). With auto, a machine without Docker lists no containers and reports no problem.
 */
export function dockerProvider(config: { docker: 'auto' | 'on' | 'off'; dockerHost: string | undefined }, env: NodeJS.ProcessEnv = process.env): DockerSourceProvider | undefined {
  if (config.docker === 'off') return undefined;
  return new DockerSourceProvider({ host: config.dockerHost, env, mode: config.docker });
}
