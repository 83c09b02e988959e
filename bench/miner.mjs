// Template-mining benchmark, in lines per CPU second (one core: the pass is single-threaded and CPU time is what is
// counted, so other processes on the machine do not lower the figure):
//  1. parse + mine: the pass log_patterns makes over a file, from its bytes: large generated files of several header
//     layouts (scripts/synthetic-logs.ts) are written to disk and read by the tool's own reader (io/chunks.ts
//     forEachLine: blocks of whole lines, each line decoded on its own) into minePatterns (format detection, header,
//     columns, mining); the CPU time counts reading, decoding, parsing and mining. The miner alone on their true messages
//     (headers cut by the generator), next to Drain3 (the Python miner users would pick instead) on the same
//     messages when it can be imported;
//  2. long and odd lines (what a hostile or broken log gives: thousands of words a line, hundreds of `<word>` or `word:`
//     tokens, lines of only braces, wide Unicode): each shape's file is mined at half and at all of its lines, and the
//     ratio of the two CPU times shows whether the work follows the lines (about 2) or grows faster (a hang waiting
//     for a large file); Drain3 beside it on the same lines when it can be imported;
//  3. memory against the number of templates: a child process per (templates, lines) mines a stream that is never
//     held in memory, and reports its heap after GC and its peak RSS; bounded memory means the figure follows the
//     templates, not the lines.
// Usage: node bench/miner.mjs [lines=1000000]
//   BENCH_LAYOUTS=a,b   layouts to time (ids from scripts/synthetic-logs.ts; default five)
//   DRAIN3_PYTHON=path  the Python that can `import drain3` (default python3; PYTHONPATH is passed on)
//   DRAIN3_LINES=n      messages given to Drain3 (default 200000: it is much slower)
//   BENCH_ODD_LINES=n   lines of each long or odd shape (default 10000); BENCH_ODD=a,b the shapes (default all)
import { bundleForBench } from './esm-bundle.mjs';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
/** Issue 13: parse and mine at >= 500,000 lines per second on one core. */
const TARGET = 500_000;
const MEMORY_TEMPLATES = [10, 100, 1000, 4000];
const MEMORY_LINES = [100_000, 1_000_000];

const cpuSeconds = async (work) => {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
};

async function bundle(dir) {
  const outfile = join(dir, 'mining.mjs');
  const contents = [
    "export { minePatterns } from './servers/logs/patterns/log-patterns';",
    "export { TemplateMiner } from './servers/logs/patterns/miner';",
    "export { forEachLine } from './servers/logs/io/chunks';",
    "export { SYNTHETIC_LAYOUTS, generateSynthetic, madeUpWords, seededRandom } from './scripts/synthetic-logs';",
  ].join('\n');
  await bundleForBench(contents, root, outfile);
  return outfile;
}

/** The miner-alone messages: flat strings split from one decoded buffer (not the generator's concatenated ropes). */
function flatLines(strings) {
  return Buffer.from(strings.join('\n')).toString('utf8').split('\n');
}

/** Feeds `lines` (an array or a generator of strings) to the tool's pass (the memory runs: a stream never held). */
function reader(lines) {
  return async (onLine) => {
    for (const line of lines) if (onLine(line) === false) return;
  };
}

/**
 * `count` made-up event templates sharing no words (so none merges into another), each with a number and a hex id;
 * then `lines` messages drawn from them, generated one at a time.
 */
function* eventStream(m, count, lines) {
  const words = m.madeUpWords(count * 4, 99, [3]);
  const random = m.seededRandom(7);
  for (let i = 0; i < lines; i++) {
    const k = Math.floor(random() * count) * 4;
    yield `${words[k]} ${words[k + 1]} ${Math.floor(random() * 1e6)} ${words[k + 2]} ${words[k + 3]} ${Math.floor(random() * 2 ** 32).toString(16)}`;
  }
}

/** Child process: mines one stream and prints its memory figures as JSON. */
async function memoryChild(bundlePath, templates, lines) {
  const m = await import(pathToFileURL(bundlePath).href);
  const { miner } = await m.minePatterns(reader(eventStream(m, templates, lines)), { window: {}, trackLines: false });
  const mined = miner.templates().length;
  globalThis.gc();
  const heapMb = process.memoryUsage().heapUsed / 1048576;
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(JSON.stringify({ templates: mined, heapMb, peakRssMb: peak ? Number(peak[1]) / 1024 : undefined }));
}

function drain3(messagesFile) {
  const python = process.env.DRAIN3_PYTHON ?? 'python3';
  const run = spawnSync(python, [join(here, 'drain3-run.py'), messagesFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.error || run.status !== 0) return { missing: (run.error?.message ?? run.stderr.trim().split('\n').pop()) || 'failed' };
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

async function throughput(m, dir, total) {
  const ids = (process.env.BENCH_LAYOUTS ?? 'bracketed,syslog-many-hosts,json-lines,proxy-sizes,pipe-delimited').split(',');
  const drainLines = Number(process.env.DRAIN3_LINES ?? 200_000);
  const rows = [];
  let drainMissing;
  for (const id of ids) {
    const layout = m.SYNTHETIC_LAYOUTS.find((l) => l.id === id);
    if (!layout) throw new Error(`unknown layout ${id}: one of ${m.SYNTHETIC_LAYOUTS.map((l) => l.id).join(', ')}`);
    const generated = m.generateSynthetic(layout, total, 1);
    const file = join(dir, `${id}.log`);
    writeFileSync(file, `${generated.lines.join('\n')}\n`);
    const messages = flatLines(generated.messages);
    let pass;
    // The tool's path from the file on: its reader (log-patterns-files.ts reads through the same forEachLine).
    const fromFile = (limit) => async (onLine) => {
      const fd = openSync(file, 'r');
      let given = 0;
      try {
        await m.forEachLine(fd, false, (line) => onLine(line) !== false && ++given < limit);
      } finally {
        closeSync(fd);
      }
    };
    const parseAndMine = async () => (pass = await m.minePatterns(fromFile(Infinity), { window: {}, trackLines: false }));
    await m.minePatterns(fromFile(100_000), { window: {}, trackLines: false }); // warm-up (JIT)
    const both = Math.min(await cpuSeconds(parseAndMine), await cpuSeconds(parseAndMine));
    // The miner alone and Drain3 get each line's true message, as if both were given the layout by hand.
    const mineOnly = async () => {
      const miner = new m.TemplateMiner();
      for (const message of messages) miner.add(message);
    };
    const alone = Math.min(await cpuSeconds(mineOnly), await cpuSeconds(mineOnly));
    const row = { id, format: pass.parser.format.id, parseAndMine: total / both, miner: total / alone, templates: pass.miner.templates().length };
    if (drainMissing === undefined) {
      const messagesFile = join(dir, `${id}.messages`);
      writeFileSync(messagesFile, `${messages.slice(0, drainLines).join('\n')}\n`);
      const d = drain3(messagesFile);
      rmSync(messagesFile);
      if (d.missing) drainMissing = d.missing;
      else Object.assign(row, { drain3: d.lines / d.cpuSeconds, drain3Clusters: d.clusters, drain3Lines: d.lines, drain3RssMb: d.peakRssKb / 1024 });
    }
    rmSync(file);
    rows.push(row);
    process.stderr.write(`  ${id}: ${Math.round(row.parseAndMine).toLocaleString('en-US')} lines/s parse+mine\n`);
  }
  return { rows, drainMissing };
}

/**
 * Generators of long and odd lines (one line from a random source), as break9 found them to slow the miner: every line
 * unique, so that no cache hides the work of placing it.
 */
const ODD_SHAPES = {
  'long-words': (r, w) => `2026-12-01T05:00:00Z INFO ${Array.from({ length: 1500 }, w).join(' ')}`,
  'many-keys': (r, w) => `2026-12-01T05:00:00Z msg ${Array.from({ length: 800 }, (_, j) => `k${j}=${w()}`).join(' ')}`,
  'angle-tokens': (r, w) => Array.from({ length: 400 }, () => `<${w()}>`).join(' '),
  'colon-tokens': (r, w) => `${Array.from({ length: 300 }, () => `${w()}:`).join(' ')} ${w()}`,
  'tab-separated': (r, w) => `2026-12-01\t05:00:00\tERROR\t${Array.from({ length: 200 }, w).join('\t')}`,
  braces: (r) => (r() < 0.5 ? '{' : '}').repeat(1 + Math.floor(r() * 4000)),
  brackets: (r, w) => `${'['.repeat(Math.floor(r() * 500))}${w()}${']'.repeat(Math.floor(r() * 500))} ${'<'.repeat(Math.floor(r() * 300))}${w()}${'>'.repeat(Math.floor(r() * 300))}`,
  unicode: (r) => Array.from({ length: 300 }, () => String.fromCodePoint(0x1f600 + Math.floor(r() * 80)) + '\u0301' + String.fromCodePoint(0x4e00 + Math.floor(r() * 2000))).join(' '),
};

async function oddLines(m, dir) {
  const total = Number(process.env.BENCH_ODD_LINES ?? 10_000);
  const ids = process.env.BENCH_ODD ? process.env.BENCH_ODD.split(',') : Object.keys(ODD_SHAPES);
  const rows = [];
  for (const id of ids) {
    const random = m.seededRandom(13);
    const word = () => random().toString(36).slice(2, 3 + Math.floor(random() * 8));
    const lines = Array.from({ length: total }, () => ODD_SHAPES[id](random, word));
    const mine = (count) => async () => m.minePatterns(reader(lines.slice(0, count)), { window: {}, trackLines: false }).then(({ miner }) => miner.templates());
    await mine(Math.min(total, 1000))(); // warm-up (JIT)
    const half = await cpuSeconds(mine(total / 2));
    const all = await cpuSeconds(mine(total));
    const row = { id, chars: Math.round(lines.reduce((sum, line) => sum + line.length, 0) / total), seconds: all, growth: all / half };
    const linesFile = join(dir, `${id}.lines`);
    writeFileSync(linesFile, `${lines.join('\n')}\n`);
    const d = drain3(linesFile);
    rmSync(linesFile);
    if (!d.missing) Object.assign(row, { drain3Seconds: d.cpuSeconds, drain3Clusters: d.clusters });
    rows.push(row);
    process.stderr.write(`  ${id}: ${all.toFixed(1)} s for ${total.toLocaleString('en-US')} lines (x${row.growth.toFixed(2)} from half)\n`);
  }
  return { rows, total };
}

function memory(bundlePath) {
  const rows = [];
  for (const templates of MEMORY_TEMPLATES) {
    for (const lines of MEMORY_LINES) {
      const run = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--memory-child', bundlePath, String(templates), String(lines)], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`memory run (${templates} templates, ${lines} lines) failed: ${run.stderr}`);
      rows.push({ events: templates, lines, ...JSON.parse(run.stdout) });
    }
  }
  return rows;
}

const rate = (n) => (n === undefined ? '-' : Math.round(n).toLocaleString('en-US'));

async function main() {
  const total = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'miner-bench-'));
  try {
    const m = await import(pathToFileURL(await bundle(dir)).href);
    process.stderr.write(`mining benchmark: ${total.toLocaleString('en-US')} generated lines per layout\n`);
    const { rows, drainMissing } = await throughput(m, dir, total);
    console.log(`\ntemplate mining, ${total.toLocaleString('en-US')} lines per layout, lines per CPU second (one core); parse+mine = log_patterns' pass from the file (read, decode, parse, mine)`);
    const drainHeader = drainMissing ? '' : ` | Drain3 lines/s (${rows[0].drain3Lines.toLocaleString('en-US')} msgs) | Drain3 clusters`;
    console.log(`| layout | format | parse+mine lines/s | miner alone lines/s | templates${drainHeader} |`);
    console.log(`|---|---|---|---|---${drainMissing ? '' : '|---|---'}|`);
    for (const r of rows) console.log(`| ${r.id} | ${r.format} | ${rate(r.parseAndMine)} | ${rate(r.miner)} | ${r.templates}${drainMissing ? '' : ` | ${rate(r.drain3)} | ${r.drain3Clusters}`} |`);
    if (drainMissing) console.log(`Drain3: not measured (${drainMissing}); set DRAIN3_PYTHON to a Python that can import drain3.`);
    else console.log('miner alone and Drain3 mine the true messages (the layout given by hand; Drain3 with its example config: sim_th 0.4, depth 4, IP/hex/number masks), timing mining only.');

    const odd = await oddLines(m, dir);
    console.log(`\nlong and odd lines: ${odd.total.toLocaleString('en-US')} generated lines per shape, parse+mine (minePatterns) CPU seconds; growth = time for all lines / time for half (2 = linear)`);
    console.log(`| shape | chars a line | parse+mine s | lines/s | growth${odd.rows.some((r) => r.drain3Seconds !== undefined) ? ' | Drain3 s | Drain3 clusters' : ''} |`);
    console.log(`|---|---|---|---|---${odd.rows.some((r) => r.drain3Seconds !== undefined) ? '|---|---' : ''}|`);
    for (const r of odd.rows) console.log(`| ${r.id} | ${r.chars} | ${r.seconds.toFixed(2)} | ${rate(odd.total / r.seconds)} | ${r.growth.toFixed(2)}${r.drain3Seconds !== undefined ? ` | ${r.drain3Seconds.toFixed(2)} | ${r.drain3Clusters}` : ''} |`);

    const mem = memory(join(dir, 'mining.mjs'));
    console.log('\nmemory against templates: one process per row mines a generated stream (never held in memory); heap after GC, peak RSS of the process');
    console.log('| events | lines | templates found | heap MB | peak RSS MB |');
    console.log('|---|---|---|---|---|');
    for (const r of mem) console.log(`| ${r.events} | ${r.lines.toLocaleString('en-US')} | ${r.templates} | ${r.heapMb.toFixed(1)} | ${r.peakRssMb?.toFixed(0) ?? '-'} |`);

    const slowest = rows.reduce((a, b) => (b.parseAndMine < a.parseAndMine ? b : a));
    const verdict = (ok) => (ok ? 'OK  ' : 'MISS');
    console.log(`\n${verdict(slowest.parseAndMine >= TARGET)} parse+mine >= ${TARGET.toLocaleString('en-US')} lines/s on one core: slowest ${rate(slowest.parseAndMine)} (${slowest.id})`);
    // Ten times the lines may not cost more than a tenth more heap (2 MB of slack for GC noise on small heaps).
    const growth = MEMORY_TEMPLATES.map((events) => {
      const [few, many] = MEMORY_LINES.map((lines) => mem.find((r) => r.events === events && r.lines === lines).heapMb);
      return { events, few, many, ok: many <= few * 1.1 + 2 };
    });
    const worst = growth.reduce((a, b) => (b.many - b.few > a.many - a.few ? b : a));
    // Linear work doubles with the lines; 2.6 leaves room for a loaded machine and GC, and a quadratic pass gives 4.
    const steepest = odd.rows.reduce((a, b) => (b.growth > a.growth ? b : a));
    console.log(`${verdict(steepest.growth <= 2.6)} long and odd lines mined in time linear in the lines: twice the lines cost x${steepest.growth.toFixed(2)} at worst (${steepest.id})`);
    console.log(`${verdict(growth.every((g) => g.ok))} memory bounded by templates: ${MEMORY_LINES[1] / MEMORY_LINES[0]}x the lines, heap ${worst.few.toFixed(1)} -> ${worst.many.toFixed(1)} MB at worst (${worst.events} events)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--memory-child') await memoryChild(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
else await main();
