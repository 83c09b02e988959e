// npm run bench: the logs server against rg and grep on a 1 GiB log, side by side in one run.
// Builds the log once under <tmpdir>/devops-bench (reused), then measures wall time and peak RSS of:
// node start-up, grep -c, rg -c, and our search_logs (with and without ripgrep), recent_logs and error_summary
// through the built server over MCP (one long-lived, warmed-up server per engine as in the extension; its peak RSS
// during each call from /proc/<pid>/status VmHWM, reset through clear_refs, and that of its scan process).
// Each figure is the better of RUNS runs (warm page cache).
// Then the systemd journal (when journalctl and systemd-journal-remote are installed; BENCH_JOURNAL=0 skips it): a
// machine's journal of BENCH_JOURNAL_ENTRIES entries (300,000) over the last 24 h, built once under
// <tmpdir>/devops-bench/journal-<N> (bench/make-journal.mjs), read through our tools beside journalctl --grep / -p err
// on the same journal, with the CPU time of the server and of its journalctl processes. BENCH_ONLY=journal runs only it.
// Between the two (BENCH_WINDOW=0 skips it, BENCH_ONLY=window runs only it): the last 2 h of the 1 GiB log through
// search_logs, error_summary and log_patterns with since, seeking (io/time-seek.ts) and reading whole, beside awk.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { JOURNAL_REMOTE, makeJournal } from './make-journal.mjs';
import { makeLog } from './make-log.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist/servers/logs.js');
const SIZE = Number(process.env.BENCH_BYTES ?? 1024 ** 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const dir = join(tmpdir(), 'devops-bench', `size-${SIZE}`);
const file = join(dir, 'app.log');
const PATTERN = 'timeout after';
/** The Node the servers run under (the extension uses the extension host's); BENCH_NODE picks another. */
const NODE = process.env.BENCH_NODE ?? process.execPath;
const JOURNAL_ENTRIES = Number(process.env.BENCH_JOURNAL_ENTRIES ?? 300_000);
const journalDir = join(tmpdir(), 'devops-bench', `journal-${JOURNAL_ENTRIES}`);

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function peakKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Wall time and peak RSS of an external command (GNU time when present, else polling /proc). */
async function measureCommand(cmd, args) {
  const gnuTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const child = gnuTime ? spawn('/usr/bin/time', ['-f', '%M', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => {
    if (out.length < 1000) out += b;
  });
  child.stderr.on('data', (b) => (err += b));
  let polled;
  const poll = gnuTime ? undefined : setInterval(() => (polled = peakKb(child.pid) ?? polled), 5);
  await new Promise((r) => child.on('close', r));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (poll) clearInterval(poll);
  const rssKb = gnuTime ? Number(err.trim().split('\n').pop()) : polled;
  return { ms, rssKb, out: out.trim() };
}

async function startServer(env) {
  const transport = new StdioClientTransport({ command: NODE, args: [server], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_DIRS: dir, ...env }, stderr: 'pipe' });
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(transport);
  return { client, pid: transport.pid, close: () => client.close() };
}

const servers = new Map();

/** A long-lived server per configuration (as in the extension), warmed up by one call of each tool. */
async function serverFor(env) {
  const key = JSON.stringify(env);
  if (!servers.has(key)) {
    const s = await startServer(env);
    await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'warm-up-needle', limit: 1 } }, undefined, { timeout: 600_000 });
    await s.client.callTool({ name: 'recent_logs', arguments: { lines: 5 } });
    servers.set(key, s);
  }
  return servers.get(key);
}

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Without clear_refs the figure is the peak since start-up, an upper bound.
  }
}

/**
 * One tool call: wall time and the server's peak RSS during it (VmHWM reset just before), plus the peak of its
 * warm scan process (ripgrep, its short-lived child, is not included).
 */
async function measureTool(env, name, args) {
  const s = await serverFor(env);
  resetPeak(s.pid);
  const scanBefore = childrenOf(s.pid);
  for (const child of scanBefore) resetPeak(child);
  const started = process.hrtime.bigint();
  const result = await s.client.callTool({ name, arguments: args }, undefined, { timeout: 600_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.isError) throw new Error(`${name}: ${result.content[0].text}`);
  const scanKb = Math.max(0, ...childrenOf(s.pid).map((c) => peakKb(c) ?? 0)) || undefined;
  return { ms, rssKb: peakKb(s.pid), scanKb, result: result.structuredContent };
}

/** CPU seconds (user + system) of a process and of its children it has waited for (the journalctl it ran). */
function cpuOf(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { own: (Number(f[11]) + Number(f[12])) / 100, children: (Number(f[13]) + Number(f[14])) / 100 };
  } catch {
    return undefined;
  }
}

/** One tool call on server `s` (a journal server): wall time, the server's CPU and its journalctl's, progress notifications. */
async function measureJournalTool(s, name, args) {
  resetPeak(s.pid);
  const before = cpuOf(s.pid);
  let progress = 0;
  const started = process.hrtime.bigint();
  const result = await s.client.callTool({ name, arguments: args }, undefined, { timeout: 600_000, onprogress: () => progress++ });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.isError) throw new Error(`${name}: ${result.content[0].text}`);
  const after = cpuOf(s.pid);
  const cpu = before && after ? { own: after.own - before.own, children: after.children - before.children } : undefined;
  return { ms, rssKb: peakKb(s.pid), cpu, progress, result: result.structuredContent };
}

async function best(fn) {
  let bestRun;
  for (let i = 0; i < RUNS; i++) {
    const run = await fn();
    if (!bestRun || run.ms < bestRun.ms) bestRun = { ...run, rssKb: Math.max(run.rssKb ?? 0, bestRun?.rssKb ?? 0) || run.rssKb, scanKb: Math.max(run.scanKb ?? 0, bestRun?.scanKb ?? 0) || run.scanKb };
  }
  return bestRun;
}

/**
 * The journal part: our tools on a BENCH_JOURNAL_ENTRIES journal beside journalctl itself. Each figure is the better
 * of RUNS runs; a fresh server for the first listing, one warmed-up server for the rest (as in the extension).
 */
async function journalBench() {
  if (!existsSync(JOURNAL_REMOTE) || !which('journalctl')) {
    console.log('\njournal benchmark skipped: journalctl or systemd-journal-remote (package systemd-journal-remote) is not installed');
    return;
  }
  const stamp = join(journalDir, 'built-at');
  const builtAt = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0;
  // The entries span the 24 h before the build; rebuilt when that is more than 6 days ago (the window below is a week).
  if (Date.now() - builtAt > 6 * 24 * 3600_000) {
    process.stderr.write(`building a journal of ${JOURNAL_ENTRIES} entries in ${journalDir} (once)…\n`);
    await makeJournal(journalDir, JOURNAL_ENTRIES);
    writeFileSync(stamp, String(Date.now()));
  }
  const empty = join(journalDir, 'no-files');
  mkdirSync(empty, { recursive: true });
  const env = { LOG_JOURNAL: 'off', LOG_JOURNAL_DIRS: journalDir, LOG_DIRS: empty };
  const since = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
  const sinceArg = `--since=@${Math.floor((Date.now() - 7 * 24 * 3600_000) / 1000)}`;
  const journalctl = (args) => ['sh', ['-c', `journalctl --no-pager --directory='${journalDir}' ${sinceArg} ${args} | wc -l`]];
  const rows = [];
  const add = (name, run, note = '') => {
    rows.push({ name, ms: run.ms, rssKb: run.rssKb, cpu: run.cpu, progress: run.progress, note });
    process.stderr.write(`  ${name}: ${run.ms.toFixed(0)} ms\n`);
  };
  const grep = await best(() => measureCommand(...journalctl('--grep=timeout')));
  add("journalctl --grep=timeout | wc -l", grep, `${grep.out} lines`);
  const err = await best(() => measureCommand(...journalctl('-p err')));
  add('journalctl -p err | wc -l', err, `${err.out} lines`);
  const listing = await best(async () => {
    const fresh = await startServer(env);
    try {
      return await measureJournalTool(fresh, 'search_logs', { pattern: 'no-such-text', unit: 'nginx.service', since: new Date(Date.now() - 60_000).toISOString() });
    } finally {
      await fresh.close();
    }
  });
  add('first listing (fresh server, one unit)', listing, 'journal sources listed: -F of units, newest 200,000 entries scanned');
  const s = await startServer(env);
  try {
    await s.client.callTool({ name: 'recent_logs', arguments: { file: 'journal:nginx.service', lines: 5 } }, undefined, { timeout: 600_000 });
    const search = await best(() => measureJournalTool(s, 'search_logs', { pattern: 'timeout', since }));
    add("search_logs 'timeout' (every unit)", search, `${search.result.totalMatches} matches, ${search.result.returned} newest returned`);
    const level = await best(() => measureJournalTool(s, 'search_logs', { level: 'ERROR', since }));
    add('search_logs level>=ERROR (every unit)', level, `${level.result.totalMatches} matches`);
    const summary = await best(() => measureJournalTool(s, 'error_summary', { hours: 7 * 24 }));
    add('error_summary (every unit)', summary, `${summary.result.totalErrors} errors, ${summary.result.groupCount} groups`);
    const patterns = await best(() => measureJournalTool(s, 'log_patterns', { unit: 'api.service', since }));
    add('log_patterns (unit api.service)', patterns, `${patterns.result.linesRead} lines, ${patterns.result.templates.length} templates`);
    const recent = await best(() => measureJournalTool(s, 'recent_logs', { file: 'journal:worker.service', lines: 50, level: 'ERROR' }));
    add('recent_logs 50 ERROR lines (one unit)', recent, `${recent.result.returned} lines`);
  } finally {
    await s.close();
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  const sec = (v) => (v === undefined ? '-' : `${v.toFixed(1)} s`).padStart(9);
  console.log(`\njournal benchmark: ${JOURNAL_ENTRIES.toLocaleString('en-US')} entries over 24 h, one host, 12 units and 3 identifiers outside units (${journalDir}); ${RUNS} run(s) each, best wall time`);
  console.log(`${'what'.padEnd(width)}  ${'wall'.padStart(9)}  ${'peak RSS'.padStart(9)}  ${'cpu ours'.padStart(9)}  ${'cpu jctl'.padStart(9)}  ${'progress'.padStart(8)}  notes`);
  const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '-').padStart(9);
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${`${(r.ms / 1000).toFixed(3)} s`.padStart(9)}  ${mb(r.rssKb)}  ${sec(r.cpu?.own)}  ${sec(r.cpu?.children)}  ${String(r.progress ?? '-').padStart(8)}  ${r.note}`);
  }
  console.log('(journalctl rows: the command piped to wc -l, peak RSS the largest of its processes. cpu ours: the server process; cpu jctl: the journalctl processes it ran; progress: notifications the call sent. MCP clients time out at 60 s unless progress resets the time-out.)');
  const worst = rows.filter((r) => r.cpu).reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`${worst.ms <= 60_000 ? 'OK  ' : 'MISS'} every journal tool call within an MCP client's 60 s: slowest ${(worst.ms / 1000).toFixed(1)} s (${worst.name})`);
}

/** The bench log, built once under <tmpdir>/devops-bench (reused); its size in bytes. */
async function benchLog() {
  if (!existsSync(server)) throw new Error('dist/servers/logs.js missing: run node esbuild.mjs');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file) || statSync(file).size < SIZE) {
    process.stderr.write(`building a ${(SIZE / 1024 ** 3).toFixed(2)} GiB log at ${file} (once)…\n`);
    await makeLog(file, SIZE);
  }
  return statSync(file).size;
}

/** The time (epoch ms) of the log's last line: the bench log's times are ISO at the line's start. */
function lastTime() {
  const r = spawnSync('tail', ['-n', '1', file], { encoding: 'utf8' });
  return Date.parse(r.stdout.split(' ')[0]);
}

/**
 * The time window part (BENCH_ONLY=window runs only it): the last 2 hours of the 1 GiB log, read by our tools seeking
 * to the window's start (io/time-seek.ts) beside the same server reading the file whole (LOG_SEEK_MIN_BYTES above its
 * size; ripgrep and the Node engine) and beside awk, the shell's way to a time window (ISO times compare as text),
 * and grep -c of the whole file. Each figure is the better of RUNS runs (warm page cache).
 */
async function windowBench() {
  const size = await benchLog();
  await measureCommand('cat', [file]);
  const since = lastTime() - 2 * 3600_000;
  const sinceIso = new Date(since).toISOString();
  // error_summary takes hours before now: the hours from the window's start to the call.
  const hours = () => (Date.now() - since) / 3600_000;
  const rows = [];
  const add = (name, run, note = '') => {
    rows.push({ name, ms: run.ms, rssKb: run.rssKb, scanKb: run.scanKb, note });
    process.stderr.write(`  ${name}: ${run.ms.toFixed(0)} ms\n`);
  };
  const awk = await best(() => measureCommand('awk', ['-v', `s=${sinceIso}`, `$1 >= s && /${PATTERN}/ { n++ } END { print n + 0 }`, file]));
  add(`awk '$1 >= since && /${PATTERN}/' (the window)`, awk, `${awk.out} lines`);
  const awkErrors = await best(() => measureCommand('awk', ['-v', `s=${sinceIso}`, '$1 >= s && ($2 == "ERROR" || $2 == "FATAL") { n++ } END { print n + 0 }', file]));
  add("awk '$1 >= since && ERROR|FATAL' (the window)", awkErrors, `${awkErrors.out} lines`);
  const grep = await best(() => measureCommand('grep', ['-c', PATTERN, file]));
  add(`grep -c '${PATTERN}' (whole file)`, grep, `${grep.out} lines`);
  const configurations = [
    ['seek', {}],
    ['whole, ripgrep', { LOG_SEEK_MIN_BYTES: String(10 * size) }],
    ['whole, node', { LOG_SEEK_MIN_BYTES: String(10 * size), RIPGREP_PATH: 'none' }],
  ];
  const seekRows = {};
  for (const [label, env] of configurations) {
    const search = await best(() => measureTool(env, 'search_logs', { pattern: PATTERN, caseSensitive: true, since: sinceIso, limit: 50 }));
    const from = search.result.files[0].readFrom;
    add(`search_logs '${PATTERN}' since [${label}]`, search, `${search.result.totalMatches} matches${from ? `, read from line ${from.line.toLocaleString('en-US')}` : ''}`);
    const level = await best(() => measureTool(env, 'search_logs', { level: 'ERROR', since: sinceIso, limit: 50 }));
    add(`search_logs level>=ERROR since [${label}]`, level, `${level.result.totalMatches} matches`);
    const summary = await best(() => measureTool(env, 'error_summary', { hours: hours() }));
    add(`error_summary since [${label}]`, summary, `${summary.result.totalErrors} errors, ${summary.result.groupCount} groups`);
    if (label !== 'whole, ripgrep') {
      const patterns = await best(() => measureTool(env, 'log_patterns', { file: 'app.log', since: sinceIso }));
      add(`log_patterns since [${label === 'seek' ? 'seek' : 'whole'}]`, patterns, `${patterns.result.linesMatched} lines, ${patterns.result.templateCount} templates`);
      seekRows[label] = { search, summary, patterns };
    }
  }
  for (const s of servers.values()) await s.close();
  servers.clear();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\ntime window benchmark: the last 2 h (since ${sinceIso}) of a ${(size / 1024 ** 3).toFixed(2)} GiB log, ${RUNS} run(s) each, best wall time`);
  const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '-').padStart(9);
  console.log(`${'what'.padEnd(width)}  ${'wall'.padStart(9)}  ${'peak RSS'.padStart(9)}  ${'scan proc'.padStart(9)}  notes`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${`${(r.ms / 1000).toFixed(3)} s`.padStart(9)}  ${mb(r.rssKb)}  ${mb(r.scanKb)}  ${r.note}`);
  console.log('(seek: the server as shipped, which seeks in a plain file of 64 MiB or more for since; whole: the same server with LOG_SEEK_MIN_BYTES above the file\'s size. The seek counts the lines above the window without parsing them, so line numbers stay exact.)');
  const same = (a, b) => JSON.stringify(a.result.matches) === JSON.stringify(b.result.matches) && a.result.totalMatches === b.result.totalMatches;
  const { seek, 'whole, node': whole } = seekRows;
  console.log(`${same(seek.search, whole.search) ? 'OK  ' : 'MISS'} the seek's search_logs answer is the whole read's`);
  console.log(`${seek.summary.result.totalErrors === whole.summary.result.totalErrors ? 'OK  ' : 'MISS'} the seek's error_summary total is the whole read's`);
  console.log(`${seek.patterns.result.linesMatched === whole.patterns.result.linesMatched && seek.patterns.result.templateCount === whole.patterns.result.templateCount ? 'OK  ' : 'MISS'} the seek's log_patterns lines and templates are the whole read's`);
  const slowest = Math.max(seek.search.ms, seek.summary.ms, seek.patterns.ms);
  console.log(`${slowest <= awk.ms ? 'OK  ' : 'MISS'} every tool with since no slower than awk on the window: slowest ${(slowest / 1000).toFixed(2)} s against ${(awk.ms / 1000).toFixed(2)} s`);
}

async function main() {
  if (process.env.BENCH_ONLY === 'journal') return journalBench();
  if (process.env.BENCH_ONLY === 'window') return windowBench();
  const size = await benchLog();
  const rg = which('rg');
  process.stderr.write(`log: ${file} (${(size / 1024 ** 2).toFixed(0)} MiB); ripgrep: ${rg ?? 'not installed'}; runs: ${RUNS}\n`);
  await measureCommand('cat', [file]); // warm the page cache

  const rows = [];
  const add = (name, run, note = '') => {
    rows.push({ name, ms: run.ms, rssKb: run.rssKb, scanKb: run.scanKb, note });
    process.stderr.write(`  ${name}: ${run.ms.toFixed(0)} ms\n`);
  };
  const nodeStart = await best(() => measureCommand(NODE, ['-e', '0']));
  add('node -e 0 (start-up)', nodeStart);
  const grep = await best(() => measureCommand('grep', ['-c', PATTERN, file]));
  add(`grep -c '${PATTERN}'`, grep, `${grep.out} lines`);
  let rgRun;
  if (rg) {
    rgRun = await best(() => measureCommand(rg, ['-c', PATTERN, file]));
    add(`rg -c '${PATTERN}'`, rgRun, `${rgRun.out} lines`);
  }
  const searches = [];
  for (const engine of rg ? ['ripgrep', 'node'] : ['node']) {
    const env = engine === 'node' ? { RIPGREP_PATH: 'none' } : {};
    // Case-sensitive like grep -c and rg -c; the tool's default (case-insensitive) is shown next to it.
    const literal = await best(() => measureTool(env, 'search_logs', { pattern: PATTERN, caseSensitive: true, limit: 50 }));
    add(`search_logs '${PATTERN}' [${engine}]`, literal, `${literal.result.totalMatches} matches, 50 newest returned`);
    searches.push({ engine, run: literal });
    const insensitive = await best(() => measureTool(env, 'search_logs', { pattern: PATTERN, limit: 50 }));
    add(`search_logs '${PATTERN}' -i [${engine}]`, insensitive, `${insensitive.result.totalMatches} matches`);
    const regex = await best(() => measureTool(env, 'search_logs', { pattern: 'timeout after \\d+s on db-3', regex: true, caseSensitive: true, limit: 50 }));
    add(`search_logs /timeout after \\d+s on db-3/ [${engine}]`, regex, `${regex.result.totalMatches} matches`);
    const level = await best(() => measureTool(env, 'search_logs', { pattern: 'db-3', level: 'ERROR', limit: 50 }));
    add(`search_logs 'db-3' level>=ERROR [${engine}]`, level, `${level.result.totalMatches} matches`);
    const summary = await best(() => measureTool(env, 'error_summary', { hours: 24 * 30 }));
    add(`error_summary all (30 days) [${engine}]`, summary, `${summary.result.totalErrors} errors, ${summary.result.groupCount} groups`);
  }
  const tail = await best(() => measureTool({}, 'recent_logs', { lines: 50 }));
  add('recent_logs 50 lines', tail, `${tail.result.returned} lines`);
  const tailLevel = await best(() => measureTool({}, 'recent_logs', { lines: 50, level: 'ERROR' }));
  add('recent_logs 50 ERROR lines', tailLevel, `${tailLevel.result.returned} lines`);

  for (const s of servers.values()) await s.close();
  servers.clear();
  const width = Math.max(...rows.map((r) => r.name.length));
  const version = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\nlogs server benchmark: ${(size / 1024 ** 3).toFixed(2)} GiB log, ${RUNS} run(s) each, best wall time; peak RSS during the call (long-lived, warmed-up server; its scan process separately)`);
  console.log(`server: node ${version} dist/servers/logs.js (BENCH_NODE=<path to node> runs it under another Node)`);
  const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '-').padStart(9);
  console.log(`${'what'.padEnd(width)}  ${'wall'.padStart(9)}  ${'peak RSS'.padStart(9)}  ${'scan proc'.padStart(9)}  notes`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${`${(r.ms / 1000).toFixed(3)} s`.padStart(9)}  ${mb(r.rssKb)}  ${mb(r.scanKb)}  ${r.note}`);
  console.log('(peak RSS: the command, or our server process; scan proc: the server\'s scan process, which runs ripgrep or the Node scanner (ripgrep itself not included). rg maps the file, so its RSS counts page cache.)');

  console.log('\ntargets (issue 3):');
  const verdict = (ok) => (ok ? 'OK  ' : 'MISS');
  for (const { engine, run } of searches) {
    if (engine === 'ripgrep' && rgRun) console.log(`${verdict(run.ms <= 2 * rgRun.ms)} search_logs [ripgrep] within 2x of rg -c: ${(run.ms / rgRun.ms).toFixed(2)}x`);
    if (engine === 'node') console.log(`${verdict(run.ms <= grep.ms)} search_logs [node] no slower than grep -c: ${(run.ms / grep.ms).toFixed(2)}x`);
  }
  console.log(`${verdict(tail.ms <= 2 * nodeStart.ms)} recent_logs within 2x of node start-up: ${(tail.ms / nodeStart.ms).toFixed(2)}x`);
  const ours = rows.filter((r) => /^(search_logs|recent_logs|error_summary)/.test(r.name));
  const worst = ours.reduce((a, b) => ((b.rssKb ?? 0) > (a.rssKb ?? 0) ? b : a));
  console.log(`${verdict((worst.rssKb ?? Infinity) < 100 * 1024)} peak memory < 100 MB for every tool (server): worst ${((worst.rssKb ?? 0) / 1024).toFixed(0)} MB (${worst.name})`);
  const worstScan = ours.reduce((a, b) => ((b.scanKb ?? 0) > (a.scanKb ?? 0) ? b : a));
  if (worstScan.scanKb) console.log(`${verdict(worstScan.scanKb < 100 * 1024)} peak memory < 100 MB (scan process): worst ${(worstScan.scanKb / 1024).toFixed(0)} MB (${worstScan.name})`);
  if (process.env.BENCH_WINDOW !== '0') await windowBench();
  if (process.env.BENCH_JOURNAL !== '0') await journalBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
