// npm run bench (process table): get_top_processes on a busy host, side by side with `ps` and with the
// systeminformation read it replaced on Linux. Starts BENCH_PROCS extra processes (default 3000, each a `sleep`),
// then measures the wall time of:
//   ps -eo pid,pcpu,rss,comm                    one listing, the floor;
//   get_top_processes (intervalMs 500)          through the built system server over MCP, its measuring interval
//                                               subtracted (the tool waits that long on purpose);
//   systeminformation processes() x2            what the tool did before (one `cat` per process per read), in this
//                                               process; BENCH_SI=0 leaves it out (it takes tens of seconds).
// Usage: node esbuild.mjs && node bench/processes.mjs
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTRA = Number(process.env.BENCH_PROCS ?? 3000);
const INTERVAL_MS = 500;

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const countProcs = () => readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;

async function main() {
  if (process.platform !== 'linux') throw new Error('the process-table bench reads /proc: Linux only');
  const extra = [];
  for (let i = 0; i < EXTRA; i++) {
    const child = spawn('sleep', ['600'], { stdio: 'ignore' });
    extra.push(child);
    await new Promise((ok, fail) => (child.once('spawn', ok), child.once('error', fail)));
  }
  const rows = [];
  try {
    const total = countProcs();
    process.stderr.write(`${EXTRA} extra processes started; ${total} in /proc\n`);
    let started = performance.now();
    const ps = spawnSync('ps', ['-eo', 'pid,pcpu,rss,comm'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    rows.push(['ps -eo pid,pcpu,rss,comm', performance.now() - started, `${ps.stdout.trim().split('\n').length - 1} rows`]);

    const transport = new StdioClientTransport({ command: process.execPath, args: [join(root, 'dist/servers/system.js')], stderr: 'ignore' });
    const client = new Client({ name: 'bench', version: '0' });
    await client.connect(transport);
    await client.callTool({ name: 'get_top_processes', arguments: { count: 1, intervalMs: INTERVAL_MS } }, undefined, { timeout: 600_000 }); // warm-up
    started = performance.now();
    const result = await client.callTool({ name: 'get_top_processes', arguments: { count: 10, intervalMs: INTERVAL_MS } }, undefined, { timeout: 600_000 });
    rows.push([`get_top_processes (minus its ${INTERVAL_MS} ms interval)`, performance.now() - started - INTERVAL_MS, result.structuredContent?.summary?.split(';')[1]?.trim() ?? '']);
    await client.close();

    if (process.env.BENCH_SI !== '0') {
      const si = await import('systeminformation');
      started = performance.now();
      await si.processes();
      await new Promise((ok) => setTimeout(ok, 520)); // past its 500 ms cache, as the tool waited
      const sample = await si.processes();
      rows.push(['systeminformation processes() x2 (before)', performance.now() - started - 520, `${sample.all} processes`]);
    }
  } finally {
    for (const child of extra) child.kill('SIGKILL');
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nprocess table with ${EXTRA} extra processes (wall time, one run)`);
  for (const [name, ms, note] of rows) console.log(`${name.padEnd(width)}  ${seconds(ms).padStart(9)}  ${note}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
