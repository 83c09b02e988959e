import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import * as si from 'systeminformation';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, MAX_RESULT_BYTES, toolResult, UserFacingError } from '../shared/tool-result';
import { withDeadline } from '../shared/progress';
import { sanitizeLine } from '../shared/sanitize';
import type { SystemConfig } from './config';
import { formatBytes, READ_DEADLINE_MS, round1 } from './sampling';
import { effectiveThresholds, evaluateWarnings, thresholdInputs, thresholdsSchema, warningSchema } from './warnings';
import { READ_ONLY_LIVE } from './annotations';

const MAX_SKIPPED_LISTED = 40;
const MAX_WARNINGS = 50;

const inputSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe('only the filesystem holding this absolute path, e.g. "/var/log" (default: every filesystem)'),
  limit: z.number().int().min(1).max(500).default(100).describe('most filesystems to list (1–500)'),
  diskThreshold: thresholdInputs.disk,
});

const diskSchema = z.object({
  fs: z.string().describe('device or source, e.g. /dev/sda1 or C:'),
  type: z.string().describe('filesystem type, e.g. ext4, apfs, NTFS'),
  mount: z.string(),
  sizeBytes: z.number(),
  usedBytes: z.number(),
  availableBytes: z.number().describe('free space available to unprivileged users'),
  usePercent: z.number().nullable().describe('used / (used + available), as df shows it'),
  readOnly: z.boolean().nullable().describe('null when the platform does not say'),
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
    mounts: z.array(z.object({ mount: z.string(), type: z.string(), reason: z.string() })).describe(`at most ${MAX_SKIPPED_LISTED} listed`),
  }),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema).describe(`at most ${MAX_WARNINGS}; the summary gives the full count`),
});

type Disk = z.infer<typeof diskSchema>;
type Skipped = z.infer<typeof outputSchema>['skipped']['mounts'][number];

const SKIP_RULE =
  'Pseudo, in-memory and image filesystems are not listed: proc, sysfs, cgroup, devpts, tmpfs, devtmpfs, ramfs, squashfs ' +
  '(snap/loop images) and others without real capacity; nor filesystems reporting a size of 0.';

const IN_MEMORY = new Set(['tmpfs', 'devtmpfs', 'ramfs', 'rootfs', 'initramfs']);

export function registerDiskUsage(server: McpServer, config: SystemConfig): void {
  server.registerTool(
    'get_disk_usage',
    {
      title: 'Disk usage per filesystem',
      description:
        'Size, used, available and use % of each mounted filesystem (or only the one holding a given path). ' +
        'Use it when asked about disk space, a full disk, or where space went at the filesystem level. ' +
        'Returns warnings for filesystems fuller than the disk threshold.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY_LIVE,
    },
    guarded(async (args, extra) => {
      const raw = await withDeadline(si.fsSize(), READ_DEADLINE_MS, 'listing filesystems (a network mount may be hanging)', extra.signal);
      const skipped: Skipped[] = [];
      let all: Disk[] = [];
      for (const entry of raw) {
        const mount = sanitizeLine(entry.mount, 1024);
        const type = sanitizeLine(entry.type ?? '', 64);
        if (!(entry.size > 0)) {
          skipped.push({ mount, type, reason: 'reports a size of 0' });
          continue;
        }
        all.push({
          fs: sanitizeLine(entry.fs, 1024),
          type,
          mount,
          sizeBytes: entry.size,
          usedBytes: entry.used,
          availableBytes: entry.available,
          usePercent: Number.isFinite(entry.use) ? round1(entry.use) : null,
          readOnly: typeof entry.rw === 'boolean' ? !entry.rw : null,
        });
      }
      skipped.push(...(await pseudoMounts(new Set(raw.map((d) => d.mount)))));

      if (args.path !== undefined) {
        // Follow links when the path exists: /var/log may be a link onto another filesystem.
        const given = args.path;
        const target = isAbsolutePath(given) ? await realpath(given).catch(() => given) : given;
        const holder = filesystemHolding(target, all);
        if (!holder) {
          throw new UserFacingError(
            `no listed filesystem holds "${sanitizeLine(args.path, 200)}"; give an absolute path. Mount points: ${all.map((d) => d.mount).slice(0, 30).join(', ')}`,
          );
        }
        const skippedHolder = longestPrefix(target, skipped);
        if (skippedHolder && skippedHolder.mount.length > holder.mount.length) {
          throw new UserFacingError(
            `"${sanitizeLine(given, 200)}" is on ${skippedHolder.mount} (${skippedHolder.type}), which is not listed: ${skippedHolder.reason}`,
          );
        }
        all = [holder];
      }

      const thresholds = effectiveThresholds(config.thresholds, { disk: args.diskThreshold });
      const warnings = evaluateWarnings({ disks: all }, thresholds);
      const fullest = [...all].sort((a, b) => (b.usePercent ?? 0) - (a.usePercent ?? 0))[0];
      const summary =
        all.length === 0
          ? 'no filesystems with capacity were found'
          : `${all.length} filesystem(s); fullest ${fullest.mount} at ${fullest.usePercent}% (${formatBytes(fullest.availableBytes)} free)` +
            (warnings.length ? `; ${warnings.length} warning(s)` : '');
      const build = (disks: Disk[]) => ({
        summary,
        measuredAt: new Date().toISOString(),
        disks,
        total: all.length,
        truncated: all.length > disks.length,
        skipped: { rule: SKIP_RULE, count: skipped.length, mounts: skipped.slice(0, MAX_SKIPPED_LISTED) },
        thresholds,
        warnings: warnings.slice(0, MAX_WARNINGS),
      });
      // Hosts with hundreds of mounts (container hosts) must still get an answer of bounded size.
      let shown = all.slice(0, args.limit);
      let result = build(shown);
      while (shown.length > 1 && JSON.stringify(result).length > MAX_RESULT_BYTES) {
        shown = shown.slice(0, Math.floor(shown.length * 0.8));
        result = build(shown);
      }
      return toolResult(result);
    }),
  );
}

function isAbsolutePath(p: string): boolean {
  return process.platform === 'win32' ? path.win32.isAbsolute(p) : path.posix.isAbsolute(p);
}

/** The filesystem whose mount point is the longest prefix of `target`. */
function filesystemHolding(target: string, disks: Disk[]): Disk | undefined {
  return isAbsolutePath(target) ? longestPrefix(target, disks) : undefined;
}

function longestPrefix<T extends { mount: string }>(target: string, mounts: T[]): T | undefined {
  const windows = process.platform === 'win32';
  const norm = (p: string) => (windows ? p.replace(/\//g, '\\').toLowerCase() : p);
  const wanted = norm(windows ? path.win32.resolve(target) : path.posix.resolve(target));
  const sep = windows ? '\\' : '/';
  let best: T | undefined;
  for (const entry of mounts) {
    const mount = norm(entry.mount);
    const inside = wanted === mount || wanted.startsWith(mount.endsWith(sep) ? mount : mount + sep) || (windows && wanted.startsWith(mount));
    if (inside && (!best || mount.length > norm(best.mount).length)) best = entry;
  }
  return best;
}

/** Linux only: mounts in /proc/self/mounts that systeminformation (via df) left out, with why. */
async function pseudoMounts(listed: Set<string>): Promise<Skipped[]> {
  if (process.platform !== 'linux') return [];
  let text: string;
  try {
    text = await readFile('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  const result: Skipped[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const [, rawMount, type] = line.split(' ');
    if (!rawMount || !type) continue;
    const mount = rawMount.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    if (listed.has(mount) || seen.has(mount)) continue;
    seen.add(mount);
    const reason = IN_MEMORY.has(type)
      ? 'in-memory filesystem'
      : type === 'squashfs'
        ? 'read-only image (snap or loop)'
        : 'not reported by df: a pseudo filesystem or one without capacity';
    result.push({ mount: sanitizeLine(mount, 1024), type: sanitizeLine(type, 64), reason });
  }
  return result;
}
