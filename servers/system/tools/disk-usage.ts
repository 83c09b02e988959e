import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { fitToBudget } from '../../shared/output-budget';
import type { SystemConfig } from '../config';
import { diskSchema, listFilesystems, SKIP_RULE, skippedMountSchema, type Disk, type SkippedMount } from '../disks/filesystems';
import { filesystemHolding, inMemoryDisk } from '../disks/holder';
import { formatBytes } from '../../shared/bytes';
import { sanitizeLine } from '../../shared/sanitize';
import { evaluateWarnings, warningSchema, warningsNote, type Warning } from '../warnings/evaluate';
import { effectiveThresholds, thresholdInputs, thresholdsSchema, type Thresholds } from '../warnings/thresholds';
import { registerSystemTool } from './define';

const MAX_SKIPPED_LISTED = 40;
const MAX_WARNINGS = 50;

const inputSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe('only the filesystem holding this absolute path, e.g. "/var/log" (default: every filesystem); an in-memory filesystem with a size limit (tmpfs: /dev/shm, /run) is answered too'),
  limit: z.number().int().min(1).max(500).default(100).describe('most filesystems to list (1–500)'),
  diskThreshold: thresholdInputs.disk,
});

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string(),
  disks: z.array(diskSchema),
  total: z.number().describe('filesystems found before the limit'),
  truncated: z.boolean(),
  skipped: z.object({
    rule: z.string().describe('which filesystems are left out and why'),
    count: z.number(),
    mounts: z.array(skippedMountSchema).describe(`at most ${MAX_SKIPPED_LISTED} listed`),
  }),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema).describe(`at most ${MAX_WARNINGS}; the summary gives the full count`),
});

type Output = z.infer<typeof outputSchema>;

export function registerDiskUsage(server: McpServer, config: SystemConfig): void {
  registerSystemTool(server, {
    name: 'get_disk_usage',
    title: 'Disk usage per filesystem',
    description:
      'Size, used, available and use % of each mounted filesystem (or only the one holding a given path). ' +
      'Use it when asked about disk space, a full disk, or where space went at the filesystem level. ' +
      'Returns warnings for filesystems fuller than the disk threshold, and for any that went read-only while in use (after disk errors).',
    inputSchema,
    outputSchema,
    run: async (args, signal) => {
      const { disks: listed, skipped, overlays } = await listFilesystems(signal);
      const held = args.path === undefined ? undefined : await filesystemHolding(args.path, listed, skipped, overlays);
      const disks = held === undefined ? listed : [held.disk];
      const thresholds = effectiveThresholds(config.thresholds, { disk: args.diskThreshold });
      const warnings = evaluateWarnings({ disks, inMemoryDisks: held === undefined ? await inMemoryDisks(skipped) : [] }, thresholds);
      // Hosts with hundreds of mounts (container hosts) must still get an answer of bounded size.
      const report = fitToBudget(disks.slice(0, args.limit), (shown) => diskReport(disks, shown, skipped, thresholds, warnings), { keepAtLeast: 1 }).value;
      if (held === undefined || args.path === undefined) return report;
      const memory = held.inMemory ? `; it is an in-memory filesystem (${held.disk.type}): its space is RAM and swap, counted in memory use, and writes fail when it is full` : '';
      return { ...report, summary: `${holderNote(args.path, held.disk, held.via)}${memory}; ${report.summary}` };
    },
  });
}

/**
 * The in-memory filesystems with a size limit (tmpfs), for the warnings. They are not listed (no disk to run out of),
 * but a full one fails writes as a full disk does: /dev/shm holds the shared memory of databases and browsers, /run
 * the sockets and PID files of services. One statfs per tmpfs mount.
 */
async function inMemoryDisks(skipped: SkippedMount[]): Promise<Disk[]> {
  const mounts = skipped.filter((m) => m.type === 'tmpfs' && m.sameAs === undefined);
  return (await Promise.all(mounts.map(inMemoryDisk))).filter((d): d is Disk => d !== undefined);
}

/**
 * Which mount holds the asked path, said first: an empty folder left where a disk used to be mounted
 * (/mnt/backup) lies on `/`, and `/`'s figures must not read as the missing disk's.
 */
function holderNote(path: string, holder: Disk, via: string | undefined): string {
  const shown = JSON.stringify(sanitizeLine(path, 200));
  if (via !== undefined) {
    const at = via === path.replace(/(.)[\\/]+$/, '$1') ? 'is' : `is on ${via},`;
    return `${shown} ${at} a bind mount (or second mount) of ${holder.fs}, the filesystem listed at ${holder.mount}: these are its figures`;
  }
  return holder.mount === path.replace(/(.)[\\/]+$/, '$1') ? `${shown} is a mount point` : `${shown} is on the filesystem mounted at ${holder.mount} (no filesystem is mounted at that path itself)`;
}

/** The result for `all` filesystems of which `shown` are listed; the summary and counts cover all of them. */
function diskReport(all: Disk[], shown: readonly Disk[], skipped: SkippedMount[], thresholds: Thresholds, warnings: Warning[]): Output {
  const fullest = [...all].sort((a, b) => (b.usePercent ?? 0) - (a.usePercent ?? 0))[0];
  const summary =
    all.length === 0
      ? 'no filesystems with capacity were found'
      : `${all.length} filesystem(s); fullest ${fullest.mount} at ${fullest.usePercent}% (${formatBytes(fullest.availableBytes)} free)` + warningsNote(warnings);
  return {
    summary,
    measuredAt: new Date().toISOString(),
    disks: [...shown],
    total: all.length,
    truncated: all.length > shown.length,
    skipped: { rule: SKIP_RULE, count: skipped.length, mounts: skipped.slice(0, MAX_SKIPPED_LISTED) },
    thresholds,
    warnings: warnings.slice(0, MAX_WARNINGS),
  };
}
