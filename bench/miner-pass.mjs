// One side of bench/miner-ab.mjs in a process of its own: imports one bundle of a version's miner pass, makes
// `warm` untimed passes (the JIT compiles the pass) then `runs` timed ones over `file`, and prints the CPU seconds of
// each timed pass as a JSON array on stdout.
// Usage: node bench/miner-pass.mjs <bundle URL> <file> <warm> <runs>
import { closeSync, openSync } from 'node:fs';

/** CPU seconds of one parse + mine pass of `m` over `file` (log_patterns' pass from the file, as in miner.mjs). */
async function pass(m, file) {
  const before = process.cpuUsage();
  await m.minePatterns(
    async (onLine) => {
      const fd = openSync(file, 'r');
      try {
        await m.forEachLine(fd, false, (line) => onLine(line) !== false);
      } finally {
        closeSync(fd);
      }
    },
    { window: {}, trackLines: false },
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const [url, file, warm, runs] = process.argv.slice(2);
if (!url || !file || !(Number(warm) >= 0) || !(Number(runs) >= 1)) {
  throw new Error('usage: node bench/miner-pass.mjs <bundle URL> <file> <warm passes >= 0> <timed passes >= 1>');
}
const m = await import(url);
for (let i = 0; i < Number(warm); i++) await pass(m, file);
const seconds = [];
for (let i = 0; i < Number(runs); i++) seconds.push(await pass(m, file));
process.stdout.write(`${JSON.stringify(seconds)}\n`);
