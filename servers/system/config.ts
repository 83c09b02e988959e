import { setting } from '../shared/run-stdio';
import { DEFAULT_THRESHOLDS, type Thresholds } from './warnings/thresholds';

export interface SystemConfig {
  thresholds: Thresholds;
}

const SOURCES: Array<{ key: keyof Thresholds; flag: string; env: string }> = [
  { key: 'cpu', flag: 'cpu-threshold', env: 'CPU_THRESHOLD' },
  { key: 'memory', flag: 'memory-threshold', env: 'MEMORY_THRESHOLD' },
  { key: 'disk', flag: 'disk-threshold', env: 'DISK_THRESHOLD' },
];

/** Thresholds from flags, then environment, then defaults. A value that is not a percentage stops the server with a clear message. */
export function loadConfig(read: (flag: string, env: string) => string | undefined = setting): SystemConfig {
  const thresholds = { ...DEFAULT_THRESHOLDS };
  for (const { key, flag, env } of SOURCES) {
    const raw = read(flag, env);
    if (raw === undefined) continue;
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new Error(`--${flag} / ${env} must be a percentage from 0 to 100, got "${raw}"`);
    }
    thresholds[key] = value;
  }
  return { thresholds };
}

export const HELP = `devops-assistant system MCP server (stdio)

Reports host facts and live readings: CPU (measured over a short interval), memory and swap,
disks, top processes and network throughput, with warnings when a threshold is crossed.
Read-only; speaks MCP over stdin/stdout, logs to stderr, exits when stdin closes.

Usage:
  node dist/servers/system.js [--cpu-threshold N] [--memory-threshold N] [--disk-threshold N]
  node dist/servers/system.js --help

Flags (each overrides its environment variable):
  --cpu-threshold N      warn when overall CPU use is above N %        (env CPU_THRESHOLD, default 80)
  --memory-threshold N   warn when memory in use is above N %          (env MEMORY_THRESHOLD, default 90)
  --disk-threshold N     warn when any filesystem is fuller than N %   (env DISK_THRESHOLD, default 90)
  -h, --help             print this text and exit

Tools:     get_resource_usage, get_disk_usage, get_top_processes, get_network_usage
Resource:  system://info
`;
