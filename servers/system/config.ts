// The system server's one command-line table: the parser, the defaults and --help all come from it.
import { z } from 'zod';
import { readConfig, type CliOption, type CliSpec } from '../shared/cli';
import { DEFAULT_THRESHOLDS, WARNS_WHEN, type Metric, type Thresholds } from './warnings/thresholds';

/** What the tools and the resource are built with. */
export interface SystemConfig {
  thresholds: Thresholds;
}

const PERCENTAGE = 'must be a percentage from 0 to 100';

/** A percentage 0–100 written as text; surrounding blanks are allowed, an empty value is not. */
const percentage = z.string().transform((text, ctx) => {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    ctx.addIssue({ code: 'custom', message: PERCENTAGE });
    return z.NEVER;
  }
  return value;
});

function thresholdOption(metric: Metric): CliOption<number> {
  return {
    flag: `${metric}-threshold`,
    env: `${metric.toUpperCase()}_THRESHOLD`,
    placeholder: 'N',
    description: `warn when ${WARNS_WHEN[metric]} N %`,
    value: percentage,
    default: DEFAULT_THRESHOLDS[metric],
  };
}

/** Flags and environment variables of the system server (property names are the threshold metrics). */
export const SYSTEM_CLI = {
  title: 'devops-assistant system MCP server (stdio)',
  command: 'node dist/servers/system.js',
  options: {
    cpu: thresholdOption('cpu'),
    memory: thresholdOption('memory'),
    disk: thresholdOption('disk'),
  },
  notes: `Reports host facts and live readings: CPU (measured over a short interval), memory and swap,
disks, top processes and network throughput, with warnings when a threshold is crossed.
Read-only; speaks MCP over stdin/stdout, logs to stderr, exits when stdin closes.

Tools:     get_resource_usage, get_disk_usage, get_top_processes, get_network_usage
Resource:  system://info`,
} satisfies CliSpec<Record<Metric, CliOption<number>>>;

/**
 * The configuration from `argv` (arguments only, without node and the script) and `env`: each
 * threshold from its flag, else its variable, else its default. Reads nothing else. Throws a
 * CliUsageError naming the flag and variable for a value that is not a percentage, or an unknown flag.
 */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): SystemConfig {
  return { thresholds: readConfig(SYSTEM_CLI, argv, env) };
}
