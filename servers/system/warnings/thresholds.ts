// The system server's warning thresholds, declared once: the zod schema gives the TypeScript type,
// the output field of every tool, the per-call inputs and the server-wide defaults.
import { z } from 'zod';

/** The readings a threshold can apply to. */
export const METRICS = ['cpu', 'memory', 'disk'] as const;
export type Metric = (typeof METRICS)[number];

/** Percentages (0–100) above which a reading warns. */
export const thresholdsSchema = z.object({
  cpu: z.number().describe('overall CPU busy %, all cores together'),
  memory: z.number().describe('memory in use % (total minus available), and container memory % of its limit'),
  disk: z.number().describe('use % of any one filesystem'),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = { cpu: 80, memory: 90, disk: 90 };

/** When each threshold warns, worded once for the per-call inputs and the command-line help. */
export const WARNS_WHEN: Record<Metric, string> = {
  cpu: 'overall CPU use is above',
  memory: 'memory in use is above',
  disk: 'a filesystem is fuller than',
};

const thresholdInput = (metric: Metric) =>
  z.number().min(0).max(100).optional().describe(`warn when ${WARNS_WHEN[metric]} this % (default: the server setting)`);

/** Per-call overrides of the server's thresholds; only the metrics a tool checks are offered on it. */
export const thresholdInputs = { cpu: thresholdInput('cpu'), memory: thresholdInput('memory'), disk: thresholdInput('disk') };

/** The server's thresholds with a call's own values (undefined: not given) put in their place. */
export function effectiveThresholds(configured: Thresholds, overrides: Partial<Record<Metric, number | undefined>>): Thresholds {
  return {
    cpu: overrides.cpu ?? configured.cpu,
    memory: overrides.memory ?? configured.memory,
    disk: overrides.disk ?? configured.disk,
  };
}
