// Bundles tiny-mcp-server.ts once per test run into a temp file that plain `node` starts quickly.
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServerSpec } from '../../src/mcp/server-specs';

let built: string | undefined;

export function tinyServerScript(): string {
  if (built) return built;
  const out = join(mkdtempSync(join(tmpdir(), 'tiny-mcp-')), 'tiny.mjs');
  buildSync({ entryPoints: [resolve(__dirname, 'tiny-mcp-server.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'silent' });
  built = out;
  return out;
}

export function tinySpec(name: string, env: Record<string, string> = {}): ServerSpec {
  return {
    name,
    command: process.execPath,
    args: [tinyServerScript()],
    env: { PATH: process.env.PATH ?? '', ...env },
    bundled: false,
  };
}
