// fleet://host/{host}: one fleet host's readings now, as a resource whose host name completes.
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Fleet } from '../fleet/fleet';
import { missingFigures } from '../fleet/missing';
import { readTargetAt } from '../fleet/readings';
import { targetsOf } from '../fleet/targets';
import { decodeUriPart } from '../../shared/resource-errors';

export const FLEET_HOST_TEMPLATE = 'fleet://host/{host}';

/** CPU use of the resource is averaged over this many seconds, as host_usage's default. */
const RATE_WINDOW_SECONDS = 60;

export function registerFleetHostResource(server: McpServer, fleet: Fleet): void {
  server.registerResource(
    'fleet-host',
    new ResourceTemplate(FLEET_HOST_TEMPLATE, {
      // resources/list must still answer (system://info) when Prometheus does not: then no hosts are listed.
      list: async () => {
        const targets = await fleet.targets(new AbortController().signal).catch(() => []);
        return { resources: targets.map((t) => ({ uri: `fleet://host/${encodeURIComponent(t.host)}`, name: t.host, mimeType: 'application/json' })) };
      },
      complete: { host: (value) => fleet.complete(value) },
    }),
    {
      title: 'Fleet host',
      description:
        "One fleet host's target (instance, job, up) and its readings now from Prometheus: CPU, memory, swap, load, filesystems (df's use %); " +
        '`missing` names the figures node_exporter sent none of (unknown, not fine).',
      mimeType: 'application/json',
    },
    async (uri, variables, extra) => {
      const host = decodeUriPart(String(variables.host), 'host name');
      const at = Date.now();
      const [target] = targetsOf(host, await fleet.targets(extra.signal, at));
      const readings = target.up ? ((await readTargetAt(fleet.client, target, RATE_WINDOW_SECONDS, at, extra.signal)) ?? null) : null;
      // As host_usage: figures node_exporter never sent are named, so a null reads as unknown, not as fine.
      const missing = target.up ? missingFigures(readings ?? undefined) : [];
      const text = JSON.stringify({ ...target, measuredAt: new Date(at).toISOString(), readings, missing }, null, 2);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text }] };
    },
  );
}
