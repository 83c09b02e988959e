// What the fleet tools share: one Prometheus client, the host label, and the host list for completion.
import type { FleetConfig } from '../config';
import { createPrometheusClient, type PrometheusClient } from './prometheus';
import { completeHost, listGoneTargets, listOtherDownTargets, listTargets, type GoneTarget, type OtherDownTarget, type Target } from './targets';

export interface Fleet {
  client: PrometheusClient;
  hostLabel: string;
  /** The node_exporter targets now, or at `time` (epoch ms). Rejects with a PrometheusError. */
  targets(signal: AbortSignal, time?: number): Promise<Target[]>;
  /** The node_exporter targets scraped within the hour before `time` that Prometheus no longer has, `present` being the targets then. */
  gone(present: readonly Target[], signal: AbortSignal, time?: number): Promise<GoneTarget[]>;
  /** The down scrape targets of jobs with no node_exporter metrics within the hour before `time` (epoch ms; default now). */
  otherDown(signal: AbortSignal, time?: number): Promise<OtherDownTarget[]>;
  /** Host names for MCP completion; never rejects (an unreachable Prometheus completes nothing). */
  complete(prefix: string): Promise<string[]>;
}

/** How long completion reuses the host list: typing a name asks once, not once per key. */
const COMPLETION_CACHE_MS = 10_000;

export function createFleet(config: FleetConfig, fetchImpl?: typeof fetch): Fleet {
  const client = createPrometheusClient(config.prometheus, fetchImpl);
  let cached: { at: number; targets: Promise<Target[]> } | undefined;
  const fleet: Fleet = {
    client,
    hostLabel: config.hostLabel,
    targets: (signal, time) => listTargets(client, config.hostLabel, signal, time),
    gone: (present, signal, time) => listGoneTargets(client, config.hostLabel, present, signal, time),
    otherDown: (signal, time) => listOtherDownTargets(client, config.hostLabel, signal, time),
    complete: async (prefix) => {
      if (!cached || Date.now() - cached.at > COMPLETION_CACHE_MS) cached = { at: Date.now(), targets: fleet.targets(new AbortController().signal) };
      try {
        return completeHost(prefix, await cached.targets);
      } catch {
        cached = undefined;
        return [];
      }
    },
  };
  return fleet;
}
