import os from 'node:os';
import * as si from 'systeminformation';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { withDeadline } from '../../shared/progress';
import { sanitizeLine } from '../../shared/sanitize';
import type { SystemConfig } from '../config';
import { READ_DEADLINE_MS } from '../sampling/interval';
import type { Thresholds } from '../warnings/thresholds';

export const INFO_URI = 'system://info';

export interface SystemInfo {
  hostname: string;
  platform: string;
  os: string;
  distro: string;
  release: string;
  codename: string;
  kernel: string;
  arch: string;
  uptimeSeconds: number;
  bootedAt: string;
  cpu: { model: string; manufacturer: string; logicalCores: number; physicalCores: number | null; speedGHz: number | null };
  memory: { totalBytes: number };
  thresholds: Thresholds;
}

const clean = (s: string | undefined) => sanitizeLine(s ?? '', 200);

/** Static facts about the host; each part falls back to Node's own os module if systeminformation fails. */
export async function readSystemInfo(config: SystemConfig, signal?: AbortSignal): Promise<SystemInfo> {
  const [osInfo, cpu] = await Promise.all([
    withDeadline(si.osInfo(), READ_DEADLINE_MS, 'reading OS information', signal).catch(() => undefined),
    withDeadline(si.cpu(), READ_DEADLINE_MS, 'reading CPU information', signal).catch(() => undefined),
  ]);
  const cpus = os.cpus();
  const uptime = Math.round(os.uptime());
  const model = cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : (cpus[0]?.model ?? '');
  return {
    hostname: clean(os.hostname()),
    platform: process.platform,
    os: clean(os.type()),
    distro: clean(osInfo?.distro),
    release: clean(osInfo?.release || os.release()),
    codename: clean(osInfo?.codename),
    kernel: clean(osInfo?.kernel || os.release()),
    arch: clean(os.arch()),
    uptimeSeconds: uptime,
    bootedAt: new Date(Date.now() - uptime * 1000).toISOString(),
    cpu: {
      model: clean(model),
      manufacturer: clean(cpu?.manufacturer),
      logicalCores: cpus.length,
      physicalCores: cpu?.physicalCores || null,
      speedGHz: cpu?.speed || null,
    },
    memory: { totalBytes: os.totalmem() },
    thresholds: config.thresholds,
  };
}

export function registerInfoResource(server: McpServer, config: SystemConfig): void {
  server.registerResource(
    'system-info',
    INFO_URI,
    {
      title: 'System information',
      description: 'Host name, operating system and distribution, kernel, architecture, uptime, CPU model and cores, total memory, warning thresholds.',
      mimeType: 'application/json',
    },
    async (uri, extra) => {
      const info = await readSystemInfo(config, extra.signal);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(info, null, 2) }] };
    },
  );
}
