// Container names as source names: `docker:<name>` with the name Docker shows (no leading "/"); when two
// containers share a name (two daemons' worth of names cannot meet here, but a legacy link alias can), the short id.
import type { SourceInfo } from '../types';

/** The fields of GET /containers/json used here (dockerode's ContainerInfo). */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Status: string;
  /** Epoch seconds. */
  Created?: number;
}

const PREFIX = 'docker:';

/** The container's own name: the one of its Names without a further "/" (others are legacy link aliases "/web/db"). */
export function containerName(summary: ContainerSummary): string {
  const names = summary.Names.map((name) => name.replace(/^\//, ''));
  return names.find((name) => !name.includes('/')) ?? names[0] ?? summary.Id.slice(0, 12);
}

/** One source per container, in the daemon's order (newest first); `location` as the provider reports it. */
export function containerSources(containers: ContainerSummary[], location: string): SourceInfo[] {
  const counts = new Map<string, number>();
  for (const container of containers) counts.set(containerName(container), (counts.get(containerName(container)) ?? 0) + 1);
  return containers.map((container) => {
    const name = containerName(container);
    const label = (counts.get(name) ?? 0) > 1 ? container.Id.slice(0, 12) : name;
    return {
      name: `${PREFIX}${label}`,
      kind: 'docker',
      container: { id: container.Id, image: container.Image, state: container.State, status: container.Status },
      location,
      ...(container.State === 'running' || container.State === 'restarting' ? { running: true } : {}),
    };
  });
}

/** The container a source name points at (name or id, as the Engine API takes it): `docker:web` → `web`. */
export function sourceContainerRef(sourceName: string): string {
  return sourceName.startsWith(PREFIX) ? sourceName.slice(PREFIX.length) : sourceName;
}

/** Whether `ref` can be a container name or id (Docker's own rule for names: [a-zA-Z0-9][a-zA-Z0-9_.-]*). */
export function isContainerRef(ref: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(ref);
}
