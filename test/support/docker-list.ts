// `node --import tsx test/support/docker-list.ts <DOCKER_HOST> [auto|on]`: prints the Docker source provider's list() as JSON.
// The Docker tests run it as another user, to meet the daemon socket's permission check for real (root passes it).
import { DockerSourceProvider } from '../../servers/logs/sources/docker/provider';

const [host, mode] = process.argv.slice(2);
void new DockerSourceProvider({ host, mode: mode === 'auto' ? 'auto' : 'on' }).list().then((result) => process.stdout.write(JSON.stringify(result)));
