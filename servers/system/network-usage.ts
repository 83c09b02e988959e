import os from 'node:os';
import { z } from 'zod';
import * as si from 'systeminformation';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, toolResult, UserFacingError } from '../shared/tool-result';
import { progressReporter, throwIfAborted } from '../shared/progress';
import { sanitizeLine } from '../shared/sanitize';
import type { SystemConfig } from './config';
import { cpuSnapshot, cpuUsageBetween, exclusive, formatBytes, freshSample, measuredWait, readMemory } from './sampling';
import { effectiveThresholds, evaluateWarnings, thresholdInputs, thresholdsSchema, warningSchema } from './warnings';
import { READ_ONLY_LIVE } from './annotations';

const MAX_INTERFACES = 64;

const inputSchema = z.object({
  interface: z.string().min(1).max(100).optional().describe('only this network interface, e.g. "eth0" (default: all)'),
  intervalMs: z.number().int().min(500).max(5000).default(1000).describe('how long to measure throughput, in milliseconds (500–5000)'),
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
});

const interfaceSchema = z.object({
  name: z.string(),
  state: z.string().describe('operational state, e.g. up, down, unknown'),
  loopback: z.boolean(),
  rxBytesPerSec: z.number().describe('received over the interval'),
  txBytesPerSec: z.number().describe('sent over the interval'),
  rxBytesTotal: z.number().describe('received since the interface came up'),
  txBytesTotal: z.number().describe('sent since the interface came up'),
  rxErrors: z.number(),
  txErrors: z.number(),
  rxDropped: z.number(),
  txDropped: z.number(),
});

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string(),
  intervalMs: z.number().describe('the interval actually measured'),
  interfaces: z.array(interfaceSchema).describe('busiest first'),
  truncated: z.boolean(),
  totals: z
    .object({ rxBytesPerSec: z.number(), txBytesPerSec: z.number(), rxBytesTotal: z.number(), txBytesTotal: z.number() })
    .describe('sum over the listed interfaces, loopback excluded'),
  cpuPercent: z.number().nullable(),
  memoryPercent: z.number(),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema),
});

type Interface = z.infer<typeof interfaceSchema>;

function loopbackNames(): Set<string> {
  const names = new Set<string>();
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    if (addresses?.some((a) => a.internal)) names.add(name);
  }
  return names;
}

export function registerNetworkUsage(server: McpServer, config: SystemConfig): void {
  server.registerTool(
    'get_network_usage',
    {
      title: 'Network throughput per interface',
      description:
        'Bytes per second received and sent on each network interface, measured over a short interval, with totals since each interface came up ' +
        'and error/drop counters. Use it when asked whether the network is busy or which interface carries the traffic. ' +
        'Also returns overall CPU and memory with warnings above their thresholds.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY_LIVE,
    },
    guarded(async (args, extra) => {
      const report = progressReporter(extra, 100);
      // systeminformation keeps the previous counters per interface; one request's two reads must be adjacent.
      const { first, second, elapsedMs, cpu } = await exclusive('network', async () => {
        throwIfAborted(extra.signal);
        await report(0, 'reading interface counters');
        const before = cpuSnapshot();
        const a = await freshSample('network', 'reading network counters', () => si.networkStats('*'), extra.signal);
        if (args.interface !== undefined && !a.some((s) => s.iface === args.interface)) throw unknownInterface(args.interface, a.map((s) => s.iface));
        const t0 = Date.now();
        await measuredWait(args.intervalMs, extra.signal, report, 10, 90);
        const b = await freshSample('network', 'reading network counters', () => si.networkStats('*'), extra.signal);
        return { first: a, second: b, elapsedMs: Math.max(1, Date.now() - t0), cpu: cpuUsageBetween(before, cpuSnapshot()) };
      });
      const memory = await readMemory(extra.signal);
      await report(100, 'done');

      const loopbacks = loopbackNames();
      const earlier = new Map(first.map((s) => [s.iface, s]));
      let rows: Interface[] = [];
      for (const now of second) {
        const then = earlier.get(now.iface);
        // Prefer systeminformation's own rate: it times each interface's read exactly. Ours spans the calls.
        const rate = (own: number | null, after: number, beforeValue: number | undefined) =>
          typeof own === 'number' && Number.isFinite(own) && own >= 0
            ? Math.round(own)
            : beforeValue === undefined || after < beforeValue
              ? 0
              : Math.round(((after - beforeValue) * 1000) / elapsedMs);
        rows.push({
          name: sanitizeLine(now.iface, 100),
          state: sanitizeLine(now.operstate ?? 'unknown', 32),
          loopback: loopbacks.has(now.iface) || /^lo\d*$/.test(now.iface) || /loopback/i.test(now.iface),
          rxBytesPerSec: rate(now.rx_sec, now.rx_bytes, then?.rx_bytes),
          txBytesPerSec: rate(now.tx_sec, now.tx_bytes, then?.tx_bytes),
          rxBytesTotal: count(now.rx_bytes),
          txBytesTotal: count(now.tx_bytes),
          rxErrors: count(now.rx_errors),
          txErrors: count(now.tx_errors),
          rxDropped: count(now.rx_dropped),
          txDropped: count(now.tx_dropped),
        });
      }
      if (args.interface !== undefined) {
        const wanted = rows.filter((r) => r.name === args.interface);
        if (wanted.length === 0) throw unknownInterface(args.interface, rows.map((r) => r.name));
        rows = wanted;
      }
      rows.sort((a, b) => b.rxBytesPerSec + b.txBytesPerSec - (a.rxBytesPerSec + a.txBytesPerSec) || a.name.localeCompare(b.name));
      const interfaces = rows.slice(0, MAX_INTERFACES);
      const external = rows.filter((r) => !r.loopback);
      const sum = (key: keyof Interface) => external.reduce((acc, r) => acc + (r[key] as number), 0);
      const totals = {
        rxBytesPerSec: sum('rxBytesPerSec'),
        txBytesPerSec: sum('txBytesPerSec'),
        rxBytesTotal: sum('rxBytesTotal'),
        txBytesTotal: sum('txBytesTotal'),
      };
      const thresholds = effectiveThresholds(config.thresholds, { cpu: args.cpuThreshold, memory: args.memoryThreshold });
      const warnings = evaluateWarnings({ cpuPercent: cpu.percent, memoryPercent: memory.percent, containerMemoryPercent: memory.container?.percent }, thresholds);
      const busiest = interfaces[0];
      const summary =
        `${rows.length} interface(s); receiving ${formatBytes(totals.rxBytesPerSec)}/s, sending ${formatBytes(totals.txBytesPerSec)}/s (loopback excluded)` +
        (busiest ? `; busiest ${busiest.name}` : '') +
        (warnings.length ? `; ${warnings.length} warning(s)` : '');
      return toolResult({
        summary,
        measuredAt: new Date().toISOString(),
        intervalMs: elapsedMs,
        interfaces,
        truncated: rows.length > interfaces.length,
        totals,
        cpuPercent: cpu.percent,
        memoryPercent: memory.percent,
        thresholds,
        warnings,
      });
    }),
  );
}

const count = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

function unknownInterface(name: string, available: string[]): UserFacingError {
  const names = available.map((n) => sanitizeLine(n, 100));
  return new UserFacingError(`no network interface named "${sanitizeLine(name, 100)}"; available: ${names.join(', ') || 'none'}`);
}
