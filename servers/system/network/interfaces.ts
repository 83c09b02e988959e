// Network interfaces measured over an interval: rates, totals since they came up, errors and drops.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import * as si from 'systeminformation';
import { throwIfAborted, type ProgressReporter } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import { UserFacingError } from '../../shared/tool-result';
import { cpuDuring, type CpuUsage } from '../sampling/cpu';
import { exclusive, freshSample, measuredWait } from '../sampling/interval';

export const interfaceSchema = z.object({
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
export type Interface = z.infer<typeof interfaceSchema>;

export const interfaceTotalsSchema = z.object({
  rxBytesPerSec: z.number(),
  txBytesPerSec: z.number(),
  rxBytesTotal: z.number(),
  txBytesTotal: z.number(),
});
export type InterfaceTotals = z.infer<typeof interfaceTotalsSchema>;

type Counters = si.Systeminformation.NetworkStatsData;

/** Two reads of every interface's counters, the ms between them, and the machine's CPU use meanwhile. */
export interface NetworkSample {
  first: Counters[];
  second: Counters[];
  elapsedMs: number;
  cpu: CpuUsage;
}

/**
 * Reads every interface's counters twice, `intervalMs` apart, reporting progress 0–90. When
 * `only` names no interface it throws a UserFacingError listing the real ones before waiting.
 * Rejects with an AbortError when `signal` aborts, or a DeadlineError when a read hangs.
 */
export function sampleNetwork(intervalMs: number, only: string | undefined, signal: AbortSignal, report: ProgressReporter): Promise<NetworkSample> {
  const read = () => freshSample('network', 'reading network counters', () => si.networkStats(allInterfaces()), signal);
  // systeminformation keeps the previous counters per interface; one request's two reads must be adjacent.
  return exclusive('network', async () => {
    throwIfAborted(signal);
    await report(0, 'reading interface counters');
    const { result, cpu } = await cpuDuring(async () => {
      const first = await read();
      if (only !== undefined && !first.some((s) => s.iface === only)) throw unknownInterface(only, first.map((s) => s.iface));
      const t0 = Date.now();
      await measuredWait(intervalMs, signal, report, 10, 90);
      const second = await read();
      return { first, second, elapsedMs: Math.max(1, Date.now() - t0) };
    });
    return { ...result, cpu };
  });
}

/**
 * Every interface, for systeminformation: on Linux the names in /sys/class/net. Its own '*' lists only what
 * os.networkInterfaces() names, the interfaces holding an address, so one that is down or lost its address (an unplugged
 * cable, a failed DHCP lease, a bond's member) was "no network interface named …" when asked for by name. A name holding
 * systeminformation's list separators (',' '|') cannot be passed and is left out; '*' elsewhere or when the folder
 * cannot be read.
 */
function allInterfaces(): string {
  if (process.platform !== 'linux') return '*';
  try {
    const names = readdirSync('/sys/class/net').filter((name) => !/[,|\s]/.test(name));
    return names.length > 0 ? names.join(',') : '*';
  } catch {
    return '*';
  }
}

/** One row per interface of the second read, with rates over the sample's interval; `only` narrows to one interface. */
export function interfaceRows(sample: NetworkSample, only: string | undefined): Interface[] {
  const loopbacks = loopbackNames();
  const earlier = new Map(sample.first.map((s) => [s.iface, s]));
  const rows = sample.second.map((now) => interfaceRow(now, earlier.get(now.iface), sample.elapsedMs, loopbacks));
  if (only === undefined) return rows;
  const wanted = rows.filter((r) => r.name === only);
  if (wanted.length === 0) throw unknownInterface(only, rows.map((r) => r.name));
  return wanted;
}

function interfaceRow(now: Counters, then: Counters | undefined, elapsedMs: number, loopbacks: Set<string>): Interface {
  // Prefer systeminformation's own rate: it times each interface's read exactly. Ours spans the calls.
  const rate = (own: number | null, after: number, beforeValue: number | undefined) =>
    typeof own === 'number' && Number.isFinite(own) && own >= 0
      ? Math.round(own)
      : beforeValue === undefined || after < beforeValue
        ? 0
        : Math.round(((after - beforeValue) * 1000) / elapsedMs);
  return {
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
  };
}

/** Busiest (received + sent per second) first, then by name. */
export function sortInterfaces(rows: Interface[]): void {
  rows.sort((a, b) => b.rxBytesPerSec + b.txBytesPerSec - (a.rxBytesPerSec + a.txBytesPerSec) || a.name.localeCompare(b.name));
}

/**
 * The interface the summary calls the busiest: of `rows` (busiest first), the first that is not loopback and carried
 * traffic in the interval (loopback only when it is the one interface); undefined when none carried any, since the
 * "busiest" of idle interfaces would name one by its name's order and read as traffic (break33).
 */
export function busiestInterface(rows: readonly Interface[]): Interface | undefined {
  const carried = (r: Interface) => r.rxBytesPerSec + r.txBytesPerSec > 0;
  const external = rows.filter((r) => !r.loopback);
  return (external.length > 0 ? external : rows).find(carried);
}

/**
 * Sums over the rows that are not loopback: traffic a machine only sends to itself is not network use. `asked`: one
 * interface named by the caller, summed whatever it is (asked for loopback, its own traffic is the answer, not 0).
 */
export function externalTotals(rows: Interface[], asked = false): InterfaceTotals {
  const external = asked ? rows : rows.filter((r) => !r.loopback);
  const sum = (key: keyof InterfaceTotals) => external.reduce((acc, r) => acc + r[key], 0);
  return {
    rxBytesPerSec: sum('rxBytesPerSec'),
    txBytesPerSec: sum('txBytesPerSec'),
    rxBytesTotal: sum('rxBytesTotal'),
    txBytesTotal: sum('txBytesTotal'),
  };
}

function loopbackNames(): Set<string> {
  const names = new Set<string>();
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    if (addresses?.some((a) => a.internal)) names.add(name);
  }
  return names;
}

const count = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

function unknownInterface(name: string, available: string[]): UserFacingError {
  const names = available.map((n) => sanitizeLine(n, 100));
  return new UserFacingError(`no network interface named "${sanitizeLine(name, 100)}"; available: ${names.join(', ') || 'none'}`);
}
