// Per-tool call statistics. Only names, counts and durations are kept: never argument values.
import type { ToolMetrics } from './types';

const SAMPLE_LIMIT = 500;

interface Entry {
  calls: number;
  errors: number;
  /** The most recent durations (ms), oldest first, at most SAMPLE_LIMIT. */
  durations: number[];
  lastCallAt?: string;
}

export class MetricsRecorder {
  private readonly entries = new Map<string, Entry & { server: string; tool: string }>();

  record(server: string, tool: string, durationMs: number, failed: boolean, at = new Date()): void {
    const key = `${server}\u0000${tool}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { server, tool, calls: 0, errors: 0, durations: [] };
      this.entries.set(key, entry);
    }
    entry.calls += 1;
    if (failed) entry.errors += 1;
    entry.durations.push(durationMs);
    if (entry.durations.length > SAMPLE_LIMIT) entry.durations.shift();
    entry.lastCallAt = at.toISOString();
  }

  snapshot(): ToolMetrics[] {
    return [...this.entries.values()]
      .map((e) => ({
        server: e.server,
        tool: e.tool,
        calls: e.calls,
        errors: e.errors,
        p50Ms: percentile(e.durations, 50),
        p95Ms: percentile(e.durations, 95),
        lastCallAt: e.lastCallAt,
      }))
      .sort((a, b) => a.server.localeCompare(b.server) || a.tool.localeCompare(b.tool));
  }
}

/** Nearest-rank percentile, rounded to whole milliseconds; 0 for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return Math.round(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
}
