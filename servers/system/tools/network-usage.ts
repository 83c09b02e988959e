import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SystemConfig } from '../config';
import { formatBytes } from '../../shared/bytes';
import { busiestInterface, externalTotals, interfaceRows, interfaceSchema, interfaceTotalsSchema, sampleNetwork, sortInterfaces } from '../network/interfaces';
import { readMemory } from '../sampling/memory';
import { warningsNote } from '../warnings/evaluate';
import { machineLoad, machineLoadFields } from '../warnings/machine-load';
import { thresholdInputs } from '../warnings/thresholds';
import { registerSystemTool } from './define';

const MAX_INTERFACES = 64;

const inputSchema = z.object({
  interface: z.string().min(1).max(100).optional().describe('only this network interface, e.g. "eth0" (default: all)'),
  intervalMs: z.number().int().min(500).max(5000).default(1000).describe('how long to measure throughput, in milliseconds (500–5000)'),
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
});

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string(),
  intervalMs: z.number().describe('the interval actually measured'),
  interfaces: z.array(interfaceSchema).describe('busiest first'),
  truncated: z.boolean(),
  totals: interfaceTotalsSchema.describe('sum over the listed interfaces, loopback excluded (unless it is the one interface asked for)'),
  ...machineLoadFields,
});

export function registerNetworkUsage(server: McpServer, config: SystemConfig): void {
  registerSystemTool(server, {
    name: 'get_network_usage',
    title: 'Network throughput per interface',
    description:
      'Bytes per second received and sent on each network interface, measured over a short interval, with totals since each interface came up ' +
      'and error/drop counters. Use it when asked whether the network is busy or which interface carries the traffic. ' +
      'Also returns overall CPU and memory with warnings above their thresholds.',
    inputSchema,
    outputSchema,
    run: async (args, signal, report) => {
      const sample = await sampleNetwork(args.intervalMs, args.interface, signal, report);
      const memory = await readMemory(signal);
      await report(100, 'done');

      const rows = interfaceRows(sample, args.interface);
      sortInterfaces(rows);
      const interfaces = rows.slice(0, MAX_INTERFACES);
      const asked = args.interface !== undefined;
      const totals = externalTotals(rows, asked);
      const load = machineLoad(config.thresholds, { cpu: args.cpuThreshold, memory: args.memoryThreshold }, sample.cpu, memory);
      const busiest = busiestInterface(interfaces);
      const rates = `receiving ${formatBytes(totals.rxBytesPerSec)}/s, sending ${formatBytes(totals.txBytesPerSec)}/s`;
      const summary =
        (asked && rows[0]
          ? `${rows[0].name}${rows[0].loopback ? ' (loopback)' : ''}: ${rates}`
          : `${rows.length} interface(s); ${rates} (loopback excluded)` + (busiest ? `; busiest ${busiest.name}` : rows.length > 0 ? '; none carried traffic in the interval' : '')) +
        warningsNote(load.warnings);
      return {
        summary,
        measuredAt: new Date().toISOString(),
        intervalMs: sample.elapsedMs,
        interfaces,
        truncated: rows.length > interfaces.length,
        totals,
        ...load,
      };
    },
  });
}
