// Loghub evaluation of log intelligence, through the BUILT logs server over MCP (dist/servers/logs.js):
// grouping accuracy of log_patterns, precision/recall of search_logs' level filter, and miner throughput on the
// development systems; the same grouping accuracy on synthetic files of every header layout (scripts/synthetic-logs);
// leave-one-system-out figures for the miner's tuned options (scripts/eval-loso); and, as the baseline the issue compares
// with, Brain on the same messages with its own leave-one-system-out (scripts/eval-brain).
// Usage: npm run eval:loghub [dir] [--explain] [--full-grid] [--seed N | --seeds 1-5] [--keep-synthetic DIR]
//   dir: default ../shared/datasets/loghub-dev (LOGHUB_DEV_DIR), one folder per system holding <System>_2k.log and
//   <System>_2k.log_structured[_corrected].csv; --explain lists the events each system groups wrong; --seed draws
//   other synthetic files, --seeds several (a range or a list) with the lowest GA per layout, which the floors hold for;
//   --full-grid fits leave-one-system-out on every combination even past MAX_GRID (minutes: one run per combination
//   and system), instead of one option at a time.
// Exits non-zero under the targets.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createLineParser } from '../servers/logs/format/detect';
import { normalizeLevel } from '../servers/logs/format/levels';
import { LEVELS, type Level } from '../servers/logs/format/types';
import { TemplateMiner } from '../servers/logs/patterns/miner';
import { DEFAULT_BRAIN_RULE } from '../servers/logs/patterns/brain';
import { brainLoso, compareWithBrain, printableSystems } from './eval-brain';
import { describeTuning, leaveOneSystemOut, loadSystems, type LosoResult, type Tuning } from './eval-loso';
import { callJson, markdownTable, precisionRecall, reportFailures, runMain, LOGS_SERVER as SERVER, startLogsServer } from './eval-support';
import { findDatasets, groupingAccuracy, groupingErrors, groupsOfLines, loadDataset, type Dataset, type GroupingError } from './loghub-data';
import { SYNTHETIC_LAYOUTS, writeSyntheticDatasets } from './synthetic-logs';

export { groupingAccuracy } from './loghub-data';

export const TARGETS = {
  meanGroupingAccuracy: 0.95,
  minGroupingAccuracy: 0.9,
  /** Mean held-out GA when every tuned option is fitted on the other systems. */
  losoMeanGroupingAccuracy: 0.9,
  levelPrecision: 0.99,
  levelRecall: 0.99,
  minerLinesPerSecond: 200_000,
};

/**
 * Lowest GA accepted per synthetic layout: regression floors, not targets: the lowest the miner reached over the draws
 * of SYNTHETIC_FLOOR_SEEDS when they were set, less a margin (one rare event split or merged by an unlucky draw costs
 * up to a tenth of a file). A layout missing here must reach TARGETS.minGroupingAccuracy.
 */
export const SYNTHETIC_FLOORS: Record<string, number> = {
  // Set on 2026-11-30 (branch `accuracy`): every layout reached 1.000 on seeds 1-5 once a quoted value of any word
  // count became one token, the delimited header was learned from the fields every line has, and apostrophes quote.
  'pipe-delimited': 0.95,
  'record-columns': 0.95,
  bracketed: 0.95,
  'fixed-width': 0.95,
  'comma-delimited': 0.95,
  logfmt: 0.95,
  'json-lines': 0.95,
  'proxy-sizes': 1,
  'few-vs-many-words': 0.95,
  'syslog-many-hosts': 0.95,
  'log4j-keyvalue': 0.95,
  'tab-separated': 0.95,
  'uptime-bracket': 0.95,
  // Added on 2026-11-30 (branch `accuracy`) at 1.000 on seeds 1-15, once a Windows path with spaces and a time zone
  // after a time became parts of one value.
  'klog-values': 0.95,
  'python-reprs': 0.95,
  'values-in-prose': 0.95,
  // Added on 2026-11-30 (branch `accuracy`) at 1.000 on seeds 1-15, once fields ended by a lone `|` or `-` were cut.
  'compose-prefix': 0.95,
  'spaced-pipes': 0.95,
  'semicolon-delimited': 0.95,
  'module-brackets': 0.95,
  'thread-with-spaces': 0.95,
  // Added on 2026-11-30 (branch `accuracy`) at 1.000 on seeds 1-15, once delimited fields could hold spaces.
  'mdc-fields': 0.95,
  'event-csv': 0.95,
  'go-log-file': 0.95,
  // Added on 2026-11-30 (branch `accuracy`) at 1.000 on seeds 1-15, once headers were learned per program.
  'mixed-programs': 0.95,
  'no-header': 0.95,
};
/** Lines per synthetic file and the generator's seed. */
export const SYNTHETIC_LINES = 3000;
export const SYNTHETIC_SEED = 1;
/** The draws the floors hold for (several, so a floor is not a fit to one lucky draw). */
export const SYNTHETIC_FLOOR_SEEDS = [1, 2, 3, 4, 5];
/** The development set: LOGHUB_DEV_DIR, else shared/ beside the checkout (a worktree elsewhere sets the variable). */
export const DEFAULT_DIR = resolve(process.env.LOGHUB_DEV_DIR ?? resolve(__dirname, '../../shared/datasets/loghub-dev'));
const FILTER_LEVELS: Level[] = ['ERROR', 'WARN'];

export interface LevelScore {
  level: Level;
  truth: number;
  predicted: number;
  precision: number;
  recall: number;
  /** search_logs could not return every match (more than MAX_PAGES pages), so recall is a lower bound. */
  incomplete: boolean;
}

export interface SystemResult {
  system: string;
  lines: number;
  groupingAccuracy: number;
  templates: number;
  truthTemplates: number;
  format: string;
  levels: LevelScore[];
  /** Events grouped wrong, most lines first, with their template from the truth where it has one. */
  errors: (GroupingError & { template?: string })[];
  /** Lines per second of the whole log_patterns call as the client sees it (process IPC included). */
  toolLinesPerSecond: number;
  /** Lines per CPU second of the miner (tokenize, mask, cluster) in this process, on the file repeated to >= 200k lines; undefined when not measured. */
  minerLinesPerSecond?: number;
  /** The same for format parsing + mining together. */
  parseAndMineLinesPerSecond?: number;
}

export interface EvaluationResult {
  systems: SystemResult[];
  meanGroupingAccuracy: number;
  failures: string[];
}

/** What evaluateDataset measures beyond grouping accuracy (both by default). */
export interface DatasetMeasures {
  /** Precision and recall of search_logs' ERROR and WARN filters where the truth has levels. */
  levels?: boolean;
  /** In-process miner throughput (seconds of CPU per data set). */
  speed?: boolean;
}

function levelScore(level: Level, truthLevels: (Level | undefined)[], predictedLines: Set<number>, incomplete: boolean): LevelScore {
  const rank = LEVELS.indexOf(level);
  const truth = new Set<number>();
  truthLevels.forEach((l, i) => {
    if (l !== undefined && LEVELS.indexOf(l) >= rank) truth.add(i + 1);
  });
  let hit = 0;
  for (const line of predictedLines) if (truth.has(line)) hit++;
  return { level, truth: truth.size, predicted: predictedLines.size, ...precisionRecall(hit, predictedLines.size, truth.size), incomplete };
}

/** CPU seconds (user + system) spent in `work`: "on one core" even when other processes share the machine. */
function cpuSeconds(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/**
 * In-process throughput on the file's lines repeated to at least 200k lines, in lines per CPU second (one core):
 * the miner alone (tokenize, mask, cluster) on already parsed messages, and parse + mine together; best of three runs.
 */
export function measureMiner(lines: string[], minimumLines = 200_000): { miner: number; parseAndMine: number } {
  const parser = createLineParser(lines.slice(0, 300));
  const messages = lines.map((line) => parser.parse(line).message);
  const rounds = Math.max(1, Math.ceil(minimumLines / Math.max(1, lines.length)));
  const total = rounds * lines.length;
  const mineOnly = () => {
    const miner = new TemplateMiner();
    for (let r = 0; r < rounds; r++) for (const message of messages) miner.add(message);
  };
  const parseAndMine = () => {
    const miner = new TemplateMiner();
    for (let r = 0; r < rounds; r++) for (const line of lines) miner.add(parser.parse(line).message);
  };
  mineOnly(); // warm-up (JIT)
  parseAndMine();
  // Best of three, as benchmarks usually report: other processes on the machine only ever slow a run down.
  const best = (work: () => void) => Math.min(cpuSeconds(work), cpuSeconds(work), cpuSeconds(work));
  return { miner: Math.round(total / best(mineOnly)), parseAndMine: Math.round(total / best(parseAndMine)) };
}

interface PatternsAnswer {
  templates: { id: number; lineNumbers?: number[] }[];
  templateCount: number;
  format: { id: string };
}

/** Most pages read per level; a file whose matches need more is scored as incomplete. */
const MAX_PAGES = 20;

/**
 * Lines search_logs returns for a minimum level, oldest first, page after page: each page starts at the newest
 * timestamp of the one before (`since` is inclusive, so lines sharing that instant are read again and counted once).
 * Pages are cut by the output byte budget, so a page may hold fewer than its limit of 500.
 */
async function searchLevel(client: Client, file: string, level: Level): Promise<{ lines: Set<number>; incomplete: boolean }> {
  const lines = new Set<number>();
  let total = 0;
  let since: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await callJson<{ matches: { line: number; timestamp?: string }[]; totalMatches: number; truncated: boolean }>(client, 'search_logs', { file, level, limit: 500, order: 'oldest', ...(since ? { since } : {}) });
    for (const m of answer.matches) lines.add(m.line);
    total = Math.max(total, answer.totalMatches);
    const last = answer.matches.at(-1)?.timestamp;
    if (!answer.truncated || last === undefined || last === since) break;
    since = last;
  }
  return { lines, incomplete: lines.size < total };
}

export async function evaluateDataset(dataset: Dataset, measures: DatasetMeasures = {}): Promise<SystemResult> {
  const { lines, rows, events } = loadDataset(dataset);
  const client = await startLogsServer(dataset.dir, 'loghub-eval');
  try {
    const started = performance.now();
    const answer = await callJson<PatternsAnswer>(client, 'log_patterns', { file: dataset.logFile, lineNumbers: true, limit: 500 });
    const seconds = (performance.now() - started) / 1000;
    const truthLevels = rows.map((r) => (r.Level === undefined ? undefined : normalizeLevel(r.Level)));
    const hasLevels = truthLevels.filter((l) => l !== undefined).length >= rows.length * 0.9;
    const levels: LevelScore[] = [];
    if (hasLevels && measures.levels !== false) {
      for (const level of FILTER_LEVELS) {
        const { lines: found, incomplete } = await searchLevel(client, dataset.logFile, level);
        levels.push(levelScore(level, truthLevels, found, incomplete));
      }
    }
    const speed = measures.speed === false ? undefined : measureMiner(lines);
    const predicted = groupsOfLines(answer.templates, lines.length);
    const templateOf = new Map(rows.map((r) => [r.EventId, r.EventTemplate]));
    return {
      system: dataset.system,
      lines: lines.length,
      groupingAccuracy: groupingAccuracy(predicted, events),
      errors: groupingErrors(predicted, events).map((e) => ({ ...e, template: templateOf.get(e.event) })),
      templates: answer.templateCount,
      truthTemplates: new Set(events).size,
      format: answer.format.id,
      levels,
      toolLinesPerSecond: Math.round(lines.length / seconds),
      minerLinesPerSecond: speed?.miner,
      parseAndMineLinesPerSecond: speed?.parseAndMine,
    };
  } finally {
    await client.close();
  }
}

/** Every data set under `root` through the server; failures against TARGETS (GA per system and mean, levels, speed). */
export async function evaluateDirectory(root = DEFAULT_DIR, measures: DatasetMeasures = {}): Promise<EvaluationResult> {
  const datasets = findDatasets(root);
  if (datasets.length === 0) throw new Error(`no data sets in ${root} (expected <System>/<name>.log with <name>.log_structured*.csv)`);
  const systems: SystemResult[] = [];
  for (const dataset of datasets) systems.push(await evaluateDataset(dataset, measures));
  const meanGroupingAccuracy = systems.reduce((sum, s) => sum + s.groupingAccuracy, 0) / systems.length;
  const failures: string[] = [];
  if (meanGroupingAccuracy < TARGETS.meanGroupingAccuracy) failures.push(`mean grouping accuracy ${meanGroupingAccuracy.toFixed(3)} < ${TARGETS.meanGroupingAccuracy}`);
  for (const s of systems) {
    if (s.groupingAccuracy < TARGETS.minGroupingAccuracy) failures.push(`${s.system}: grouping accuracy ${s.groupingAccuracy.toFixed(3)} < ${TARGETS.minGroupingAccuracy}`);
    for (const l of s.levels) {
      if (l.precision < TARGETS.levelPrecision) failures.push(`${s.system}: ${l.level} precision ${l.precision.toFixed(3)} < ${TARGETS.levelPrecision}`);
      if (l.recall < TARGETS.levelRecall) failures.push(`${s.system}: ${l.level} recall ${l.recall.toFixed(3)} < ${TARGETS.levelRecall}`);
    }
    if (s.minerLinesPerSecond !== undefined && s.minerLinesPerSecond < TARGETS.minerLinesPerSecond) failures.push(`${s.system}: miner ${s.minerLinesPerSecond} lines/s < ${TARGETS.minerLinesPerSecond}`);
  }
  return { systems, meanGroupingAccuracy, failures };
}

/**
 * The synthetic files (every layout of scripts/synthetic-logs, drawn with `seed`) through the server, GA only; failures
 * are layouts under their floor. Written to `keep` when given (and left there), else to a temporary folder removed after.
 */
export async function evaluateSynthetic(keep?: string, seed = SYNTHETIC_SEED): Promise<EvaluationResult> {
  const root = keep ?? mkdtempSync(join(tmpdir(), 'synthetic-logs-'));
  try {
    writeSyntheticDatasets(root, SYNTHETIC_LAYOUTS, SYNTHETIC_LINES, seed);
    const systems: SystemResult[] = [];
    for (const dataset of findDatasets(root)) systems.push(await evaluateDataset(dataset, { levels: false, speed: false }));
    const failures = systems
      .filter((s) => s.groupingAccuracy < (SYNTHETIC_FLOORS[s.system] ?? TARGETS.minGroupingAccuracy))
      .map((s) => `synthetic ${s.system}: grouping accuracy ${s.groupingAccuracy.toFixed(3)} < ${SYNTHETIC_FLOORS[s.system] ?? TARGETS.minGroupingAccuracy}`);
    return { systems, meanGroupingAccuracy: systems.reduce((sum, s) => sum + s.groupingAccuracy, 0) / systems.length, failures };
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

/** Seeds from `1-5`, `1,3,7` or `4` (integers; a range includes both ends). */
export function parseSeeds(text: string): number[] {
  const seeds = text.split(',').flatMap((part) => {
    const range = /^(\d+)-(\d+)$/.exec(part.trim());
    if (!range) return [Number(part)];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  });
  if (seeds.length === 0 || seeds.some((seed) => !Number.isInteger(seed))) throw new Error(`--seeds takes integers and ranges such as 1-5 or 1,3,7, not "${text}"`);
  return seeds;
}

/** GA of every synthetic layout on several draws: per seed, and the lowest, which is what a floor must hold for. */
export interface SyntheticSeedsResult {
  seeds: number[];
  /** One evaluation per seed, in the order of `seeds`. */
  runs: EvaluationResult[];
  /** Layout id -> lowest GA over the seeds. */
  min: Map<string, number>;
  /** Layouts whose lowest GA is under their floor. */
  failures: string[];
}

/** evaluateSynthetic for each seed; a layout fails when its lowest GA over the seeds is under its floor. */
export async function evaluateSyntheticSeeds(seeds: number[]): Promise<SyntheticSeedsResult> {
  const runs: EvaluationResult[] = [];
  for (const seed of seeds) runs.push(await evaluateSynthetic(undefined, seed));
  const min = new Map<string, number>();
  for (const run of runs) for (const s of run.systems) min.set(s.system, Math.min(min.get(s.system) ?? 1, s.groupingAccuracy));
  const failures = [...min]
    .filter(([layout, ga]) => ga < (SYNTHETIC_FLOORS[layout] ?? TARGETS.minGroupingAccuracy))
    .map(([layout, ga]) => `synthetic ${layout}: lowest grouping accuracy over seeds ${seeds.join(',')} ${ga.toFixed(3)} < ${SYNTHETIC_FLOORS[layout] ?? TARGETS.minGroupingAccuracy}`);
  return { seeds, runs, min, failures };
}

export interface LosoEvaluation extends LosoResult {
  failures: string[];
}

/**
 * Leave-one-system-out over the data sets of `root`. `toolGA` (system -> GA through the server) cross-checks that
 * the in-process pass with default options groups exactly as the tool does. Grids larger than `maxGrid` (default
 * MAX_GRID) are searched one option at a time.
 */
export async function evaluateLoso(root = DEFAULT_DIR, toolGA?: Map<string, number>, maxGrid?: number): Promise<LosoEvaluation> {
  const result = await leaveOneSystemOut(loadSystems(findDatasets(root)), undefined, undefined, maxGrid);
  const failures: string[] = [];
  if (result.meanHeldOut < TARGETS.losoMeanGroupingAccuracy) failures.push(`leave-one-system-out mean GA ${result.meanHeldOut.toFixed(3)} < ${TARGETS.losoMeanGroupingAccuracy}`);
  for (const row of result.rows) {
    const tool = toolGA?.get(row.system);
    if (tool !== undefined && Math.abs(tool - row.defaultGA) > 1e-9) failures.push(`${row.system}: the in-process pass gives GA ${row.defaultGA.toFixed(3)} but log_patterns ${tool.toFixed(3)}: the evaluation no longer runs the tool's path`);
  }
  return { ...result, failures };
}

const pct = (n: number) => n.toFixed(3);
const rate = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString('en-US'));
const meanOf = (values: (number | undefined)[]) => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : Math.round(known.reduce((a, b) => a + b, 0) / known.length);
};

export function formatTable(result: EvaluationResult): string {
  const levelCell = (s: SystemResult, level: Level) => {
    const l = s.levels.find((x) => x.level === level);
    return l ? `${pct(l.precision)} / ${pct(l.recall)}${l.incomplete ? '*' : ''} (${l.truth})` : 'n/a';
  };
  const header = ['system', 'lines', 'format', 'GA', 'templates (truth)', 'ERROR P / R (n)', 'WARN P / R (n)', 'miner lines/s', 'parse+mine lines/s', 'tool lines/s'];
  const rows = result.systems.map((s) => [
    s.system, String(s.lines), s.format, pct(s.groupingAccuracy), `${s.templates} (${s.truthTemplates})`,
    levelCell(s, 'ERROR'), levelCell(s, 'WARN'), rate(s.minerLinesPerSecond), rate(s.parseAndMineLinesPerSecond), rate(s.toolLinesPerSecond),
  ]);
  rows.push(['mean', '', '', pct(result.meanGroupingAccuracy), '', '', '', rate(meanOf(result.systems.map((s) => s.minerLinesPerSecond))), rate(meanOf(result.systems.map((s) => s.parseAndMineLinesPerSecond))), '']);
  return markdownTable(header, rows);
}

export function formatSyntheticTable(result: EvaluationResult): string {
  const rows = result.systems.map((s) => {
    const layout = SYNTHETIC_LAYOUTS.find((l) => l.id === s.system);
    return [s.system, String(s.lines), s.format, pct(s.groupingAccuracy), `${s.templates} (${s.truthTemplates})`, pct(SYNTHETIC_FLOORS[s.system] ?? TARGETS.minGroupingAccuracy), layout?.description ?? ''];
  });
  rows.push(['mean', '', '', pct(result.meanGroupingAccuracy), '', '', '']);
  return markdownTable(['layout', 'lines', 'format', 'GA', 'templates (truth)', 'floor', 'what it holds'], rows);
}

export function formatSyntheticSeedsTable(result: SyntheticSeedsResult): string {
  const rows = SYNTHETIC_LAYOUTS.map((layout) => [
    layout.id,
    ...result.runs.map((run) => {
      const ga = run.systems.find((s) => s.system === layout.id)?.groupingAccuracy;
      return ga === undefined ? 'n/a' : pct(ga);
    }),
    pct(result.min.get(layout.id) ?? 0),
    pct(SYNTHETIC_FLOORS[layout.id] ?? TARGETS.minGroupingAccuracy),
  ]);
  return markdownTable(['layout', ...result.seeds.map((seed) => `seed ${seed}`), 'lowest', 'floor'], rows);
}

/** The `top` events of each system that cost the most lines: split into how many groups, merged with which events. */
export function formatErrors(result: EvaluationResult, top = 5): string {
  const out: string[] = [];
  for (const s of result.systems) {
    if (s.errors.length === 0) continue;
    out.push(`${s.system}: ${s.errors.length} events grouped wrong`);
    for (const e of s.errors.slice(0, top)) {
      const what = [e.groups > 1 ? `split into ${e.groups} groups` : '', e.mergedWith.length ? `merged with ${e.mergedWith.slice(0, 5).join(', ')}${e.mergedWith.length > 5 ? ', …' : ''}` : ''].filter(Boolean).join('; ');
      out.push(`  ${e.event} (${e.lines} lines) ${e.template ?? ''}: ${what}`);
    }
  }
  return out.join('\n');
}

export function formatLosoTable(result: LosoResult, defaults?: Tuning): string {
  const rows = result.rows.map((r) => [r.system, describeTuning(r.fitted, defaults), pct(r.trainGA), pct(r.heldOutGA), pct(r.defaultGA)]);
  rows.push(['mean', '', '', pct(result.meanHeldOut), pct(result.meanDefault)]);
  return markdownTable(['held-out system', 'options fitted on the other systems (* = not the default)', 'GA on the others', 'held-out GA', 'GA with defaults'], rows);
}

/**
 * The baseline the issue compares with: Brain (servers/logs/patterns/brain.ts) on the same messages the miner is given,
 * GA per system beside the miner's, and Brain's own leave-one-system-out (its thresholds fitted on the other systems).
 * Information only: no target applies to it. Systems of a held-out batch are left out.
 */
export async function formatBrainBaseline(root: string): Promise<string> {
  // Held-out systems are never shown by this path (eval:brain --held-out gives their means).
  const systems = loadSystems(printableSystems(findDatasets(root), root));
  if (systems.length < 2) return 'Baseline: Brain: fewer than two systems to show (held-out systems are left out; see npm run eval:brain).';
  const rows: string[][] = [];
  for (const system of systems) {
    const side = await compareWithBrain(system);
    rows.push([system.system, pct(side.miner), pct(side.brain)]);
  }
  const loso = await brainLoso(systems);
  const average = (column: number) => pct(rows.reduce((sum, r) => sum + Number(r[column]), 0) / Math.max(1, rows.length));
  rows.push(['mean', average(1), average(2)]);
  return `Baseline: Brain (Yu et al. 2023; servers/logs/patterns/brain.ts) on the messages the miner is given, GA beside the miner's (in-process)\n\n${markdownTable(['system', 'miner GA', 'Brain GA'], rows)}\n\n` +
    `Brain leave-one-system-out (its child rule's thresholds fitted on the other systems, ${loso.runs} runs)\n\n${formatLosoTable(loso, { ...DEFAULT_BRAIN_RULE })}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fullGrid = args.includes('--full-grid');
  if (fullGrid) args.splice(args.indexOf('--full-grid'), 1);
  const explainAt = args.indexOf('--explain');
  const explain = explainAt >= 0 && args.splice(explainAt, 1).length > 0;
  const keepAt = args.indexOf('--keep-synthetic');
  const keep = keepAt >= 0 ? resolve(args.splice(keepAt, 2)[1] ?? 'synthetic-logs') : undefined;
  const seedsAt = args.indexOf('--seeds');
  const seeds = seedsAt >= 0 ? parseSeeds(args.splice(seedsAt, 2)[1] ?? '') : undefined;
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : SYNTHETIC_SEED;
  if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
  const root = resolve(args[0] ?? DEFAULT_DIR);
  const dev = await evaluateDirectory(root);
  process.stdout.write(`Loghub evaluation of ${root} (through ${basename(SERVER)} over MCP; levels via search_logs)\n\n${formatTable(dev)}\n\n`);
  if (explain) process.stdout.write(`${formatErrors(dev)}\n\n`);
  process.stdout.write(`Targets: mean GA >= ${TARGETS.meanGroupingAccuracy}, every GA >= ${TARGETS.minGroupingAccuracy}, level P/R >= ${TARGETS.levelPrecision}, miner >= ${TARGETS.minerLinesPerSecond.toLocaleString('en-US')} lines per CPU second (one core).\n` +
    'Tool lines/s is the wall-clock rate of one log_patterns call on a 2k-line file as the client sees it (start-up and IPC dominate).\n\n');
  const loso = await evaluateLoso(root, new Map(dev.systems.map((s) => [s.system, s.groupingAccuracy])), fullGrid ? Infinity : undefined);
  process.stdout.write(`Leave-one-system-out (${loso.search === 'grid' ? 'every combination' : 'one option at a time from the defaults'} of TUNABLE_MINER_OPTIONS, ${loso.runs} miner runs through minePatterns; target mean >= ${TARGETS.losoMeanGroupingAccuracy})\n\n${formatLosoTable(loso)}\n\n`);
  process.stdout.write(`${await formatBrainBaseline(root)}\n\n`);
  if (seeds) {
    const synthetic = await evaluateSyntheticSeeds(seeds);
    process.stdout.write(`Synthetic files with known ground truth (scripts/synthetic-logs.ts, ${SYNTHETIC_LINES} lines each, seeds ${seeds.join(',')}; through ${basename(SERVER)}; a floor holds for the lowest)\n\n${formatSyntheticSeedsTable(synthetic)}\n\n`);
    if (explain) for (const [i, run] of synthetic.runs.entries()) process.stdout.write(`seed ${seeds[i]}:\n${formatErrors(run)}\n\n`);
    reportFailures([...dev.failures, ...loso.failures, ...synthetic.failures]);
    return;
  }
  const synthetic = await evaluateSynthetic(keep, seed);
  process.stdout.write(`Synthetic files with known ground truth (scripts/synthetic-logs.ts, ${SYNTHETIC_LINES} lines each, seed ${seed}${keep ? `, kept in ${keep}` : ''}; through ${basename(SERVER)})\n\n${formatSyntheticTable(synthetic)}\n\n`);
  if (explain) process.stdout.write(`${formatErrors(synthetic)}\n\n`);
  reportFailures([...dev.failures, ...loso.failures, ...synthetic.failures]);
}

if (require.main === module) runMain(main);
