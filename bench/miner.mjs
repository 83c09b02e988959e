// Micro-benchmark of log intelligence: format parsing and template mining, in lines per CPU second (one core).
// Usage: node bench/miner.mjs [lines=1000000]
// Bundles servers/logs/format (parsing) and servers/logs/patterns (mining) with esbuild to a temp file, generates synthetic lines in several formats
// (log4j, syslog, logcat, JSON), and reports the miner alone and parse + mine.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const TARGET = 200_000;

const dir = mkdtempSync(join(tmpdir(), 'miner-bench-'));
try {
  const outfile = join(dir, 'intelligence.mjs');
  const contents = "export { createLineParser } from './servers/logs/format/detect';\nexport { TemplateMiner } from './servers/logs/patterns/miner';\n";
  await esbuild.build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
  const { createLineParser, TemplateMiner } = await import(pathToFileURL(outfile).href);

  // A deterministic pseudo-random source so runs compare.
  let seed = 42;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rnd = (n) => Math.floor(random() * n);
  const pick = (list) => list[rnd(list.length)];
  const users = ['root', 'admin', 'oracle', 'test', 'guest', 'pi', 'ubuntu', 'git', 'postgres', 'deploy'];
  const ip = () => `${rnd(223) + 1}.${rnd(256)}.${rnd(256)}.${rnd(256)}`;
  const generators = {
    java: (i) => {
      const t = `2024-05-01 10:${String(Math.floor(i / 6000) % 60).padStart(2, '0')}:${String(Math.floor(i / 100) % 60).padStart(2, '0')},${String(i % 1000).padStart(3, '0')}`;
      return pick([
        () => `${t} INFO [main] org.example.rpc.Server: Accepted connection from ${ip()}:${rnd(60000)} in ${rnd(900)} ms`,
        () => `${t} WARN [pool-${rnd(8)}-thread-${rnd(32)}] org.example.db.Pool: Connection to db-${rnd(4)} slow: ${rnd(5000)} ms`,
        () => `${t} ERROR [IPC Server handler ${rnd(10)} on 9000] org.example.fs.Block: Failed to replicate blk_${rnd(1e9)}_${rnd(1e4)} to ${rnd(3)} nodes`,
        () => `${t} INFO [AsyncDispatcher event handler] org.example.Job: task_${rnd(1e6)} Transitioned from ${pick(['NEW', 'SCHEDULED', 'RUNNING'])} to ${pick(['SCHEDULED', 'RUNNING', 'SUCCEEDED'])}`,
      ])();
    },
    syslog: (i) => {
      const t = `Jun ${String((i % 28) + 1).padStart(2, ' ')} 0${i % 10}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
      return pick([
        () => `${t} host1 sshd[${rnd(30000)}]: Failed password for invalid user ${pick(users)} from ${ip()} port ${rnd(65535)} ssh2`,
        () => `${t} host1 sshd[${rnd(30000)}]: pam_unix(sshd:session): session opened for user ${pick(users)} by (uid=0)`,
        () => `${t} host1 CRON[${rnd(30000)}]: (root) CMD (run-parts /etc/cron.hourly)`,
        () => `${t} host1 kernel: [${rnd(99999)}.${rnd(999999)}] eth0: link up, ${pick(['100', '1000'])} Mbps, full duplex`,
      ])();
    },
    logcat: (i) => {
      const t = `03-17 16:${String(Math.floor(i / 1000) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}`;
      return pick([
        () => `${t}  ${rnd(3000)}  ${rnd(9000)} D PowerManagerService: acquire lock=${rnd(1e9)}, flags=0x${rnd(255).toString(16)}, tag="View Lock", name=com.android.systemui, ws=null, uid=${rnd(20000)}, pid=${rnd(9000)}`,
        () => `${t}  ${rnd(3000)}  ${rnd(9000)} I ActivityManager: Start proc ${rnd(30000)}:com.example.app/u0a${rnd(200)} for service com.example.app/.Sync`,
        () => `${t}  ${rnd(3000)}  ${rnd(9000)} W WindowManager: Attempted to remove non-existing token: android.os.Binder@${rnd(1e8).toString(16)}`,
      ])();
    },
    json: (i) =>
      JSON.stringify({ time: new Date(1714557600000 + i * 10).toISOString(), level: pick(['info', 'warn', 'error']), msg: pick([`request ${pick(['GET', 'POST'])} /api/v1/items/${rnd(1e5)} took ${rnd(900)}ms`, `cache miss for key user:${rnd(1e6)}`, `retrying job ${rnd(1e6)} attempt ${rnd(5)}`]), reqId: rnd(1e9).toString(16) }),
  };

  const cpuSeconds = (work) => {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  };
  const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(11);

  console.log(`log intelligence micro-benchmark: ${TOTAL.toLocaleString('en-US')} lines per format, lines per CPU second (one core)\n`);
  console.log(`${'format'.padEnd(8)} ${'detected'.padEnd(14)} ${'miner'.padStart(11)} ${'parse+mine'.padStart(11)} ${'templates'.padStart(9)}  rss MB`);
  let slowest = Infinity;
  for (const [name, generate] of Object.entries(generators)) {
    const lines = Array.from({ length: TOTAL }, (_, i) => generate(i));
    const parser = createLineParser(lines.slice(0, 300));
    const messages = lines.map((line) => parser.parse(line).message);
    let templates = 0;
    const mineOnly = () => {
      const miner = new TemplateMiner();
      for (const message of messages) miner.add(message);
      templates = miner.templates().length;
    };
    const parseAndMine = () => {
      const miner = new TemplateMiner();
      for (const line of lines) {
        const parsed = parser.parse(line);
        miner.add(parsed.message, { level: parsed.level, timestamp: parsed.timestamp, line });
      }
    };
    mineOnly(); // warm-up
    const miner = TOTAL / cpuSeconds(mineOnly);
    const both = TOTAL / cpuSeconds(parseAndMine);
    slowest = Math.min(slowest, miner);
    console.log(`${name.padEnd(8)} ${parser.format.id.padEnd(14)} ${fmt(miner)} ${fmt(both)} ${String(templates).padStart(9)}  ${Math.round(process.memoryUsage().rss / 1048576)}`);
  }
  console.log(`\nslowest miner: ${fmt(slowest).trim()} lines/s (target ${TARGET.toLocaleString('en-US')}): ${slowest >= TARGET ? 'met' : 'UNDER TARGET'}`);
  if (slowest < TARGET) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
