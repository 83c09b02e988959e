// check_host: a prompt that looks into one fleet host; its host argument completes from Prometheus.
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { sanitizeLine } from '../../shared/sanitize';
import type { Fleet } from '../fleet/fleet';

export function registerCheckHostPrompt(server: McpServer, fleet: Fleet): void {
  server.registerPrompt(
    'check_host',
    {
      title: 'Check a fleet host',
      description: "Looks into one host Prometheus scrapes: its readings now and over the last hour, and what stands out.",
      argsSchema: { host: completable(z.string().min(1).max(200).describe('the host, as fleet_overview names it'), (value) => fleet.complete(value)) },
    },
    ({ host }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              // Quoted as a JSON string: a label value may hold quotes itself (db "primary"), and the name must come back whole.
              `Check the fleet host ${JSON.stringify(sanitizeLine(host, 200))}: call host_usage for it now and with since "1h", ` +
              'then say whether CPU, memory or any filesystem is above its threshold or rising, and what to look at next.',
          },
        },
      ],
    }),
  );
}
