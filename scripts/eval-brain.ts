// Brain (servers/logs/patterns/brain.ts) beside the miner: both group the same messages, those minePatterns gives the
// miner (format detected, the file's header cut), and are scored by grouping accuracy against the same truth.
// Usage: npm run eval:brain [dir] [--held-out]
//   dir: default test/fixtures/real-excerpts. Prints, per system of the studied batches (every BATCH_n record of the
//   real-excerpts gate but the held-out ones), the GA of the miner and of Brain, then each studied batch's means. A
//   system of no studied batch is not printed (a held-out batch, or one being built).
//   --held-out prints only the held-out batches' means (for the lead, who measures them when merging; never choose
//   anything by them).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brainGroups, DEFAULT_BRAIN_RULE, type BrainOptions } from '../servers/logs/patterns/brain';
import { minePatterns } from '../servers/logs/patterns/log-patterns';
import { TUNABLE_MINER_OPTIONS } from '../servers/logs/patterns/miner';
import { markdownTable, runMain } from './eval-support';
import { findDatasets, groupingAccuracy, groupsOfLines, loadDataset } from './loghub-data';
import { leaveOneSystemOut, type LoadedSystem, type LosoResult, type Tuning } from './eval-loso';

/** "Now" for year-less timestamps, as eval-loso fixes it: the grouping does not depend on it. */
const REFERENCE_TIME = Date.UTC(2026, 0, 1);
const EXCERPTS = resolve(__dirname, '../test/fixtures/real-excerpts');
const GATE = resolve(__dirname, '../test/servers/logs/real-excerpts.test.ts');

/** GA of the miner (as log_patterns mines) and of Brain on the same messages of one system. */
export interface SideBySide {
  system: string;
  miner: number;
  brain: number;
  /** Per line: the miner's group and Brain's (undefined where a line gave no message). */
  minerGroups: (number | undefined)[];
  brainGroups: (number | undefined)[];
}

/** The messages minePatterns gave the miner for a system's lines, with the 1-based line of each, and the miner's groups per line. */
export interface MinedMessages {
  messages: string[];
  lineOf: number[];
  minerGroups: (number | undefined)[];
}

/** Mines `system` through minePatterns (as log_patterns does), keeping the messages the miner was given. */
export async function mineMessages(system: LoadedSystem): Promise<MinedMessages> {
  const messages: string[] = [];
  const lineOf: number[] = [];
  const { miner } = await minePatterns(
    async (onLine) => {
      for (const line of system.lines) if (onLine(line) === false) return;
    },
    { window: {}, trackLines: true, referenceTime: REFERENCE_TIME, onMessage: (message, lineNumber) => (messages.push(message), lineOf.push(lineNumber)) },
  );
  return { messages, lineOf, minerGroups: groupsOfLines(miner.templates(), system.lines.length) };
}

/** Brain's group per line of a system (undefined where a line gave no message) from the messages the miner was given. */
export function brainGroupsOfLines(mined: MinedMessages, lineCount: number, options: BrainOptions = {}): (number | undefined)[] {
  const perLine: (number | undefined)[] = new Array(lineCount).fill(undefined);
  brainGroups(mined.messages, options).groups.forEach((group, i) => (perLine[mined.lineOf[i] - 1] = group));
  return perLine;
}

/** Mines `system` and groups the very messages the miner was given with Brain. */
export async function compareWithBrain(system: LoadedSystem, options: BrainOptions = {}): Promise<SideBySide> {
  const mined = await mineMessages(system);
  const perLine = brainGroupsOfLines(mined, system.lines.length, options);
  return { system: system.system, miner: groupingAccuracy(mined.minerGroups, system.events), brain: groupingAccuracy(perLine, system.events), minerGroups: mined.minerGroups, brainGroups: perLine };
}

/** Brain's thresholds an evaluation fits (its child rule, variability.ts), with the values tried: the miner's own candidates. */
export const TUNABLE_BRAIN_OPTIONS = {
  maxSplitValues: TUNABLE_MINER_OPTIONS.maxSplitValues,
  maxEventValues: TUNABLE_MINER_OPTIONS.maxEventValues,
  minLinesPerValue: TUNABLE_MINER_OPTIONS.minLinesPerValue,
};

/**
 * Leave-one-system-out for Brain, as eval-loso does it for the miner: its thresholds fitted on the other systems,
 * measured on the held-out one. Each system is mined once (the messages); Brain then runs per tuning.
 */
export async function brainLoso(systems: LoadedSystem[]): Promise<LosoResult> {
  const mined = new Map<string, MinedMessages>();
  for (const system of systems) mined.set(system.system, await mineMessages(system));
  const score = async (system: LoadedSystem, tuning: Tuning) => {
    const rule = { ...DEFAULT_BRAIN_RULE, ...tuning };
    return groupingAccuracy(brainGroupsOfLines(mined.get(system.system) as MinedMessages, system.lines.length, { rule }), system.events);
  };
  return leaveOneSystemOut(systems, TUNABLE_BRAIN_OPTIONS, { ...DEFAULT_BRAIN_RULE }, undefined, score);
}

/**
 * The batches of the real-excerpts gate, read from its BATCH_n records (system names only) and its HELD_OUT list:
 * the gate is where they are kept, and this script must not print a held-out system by mistake.
 */
export function gateBatches(source = readFileSync(GATE, 'utf8')): { batch: number; systems: string[]; heldOut: boolean }[] {
  const heldOutList = /const HELD_OUT[^=]*=\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
  const heldOut = new Set([...heldOutList.matchAll(/BATCH_(\d+)/g)].map((m) => Number(m[1])));
  if (heldOut.size === 0) throw new Error(`no HELD_OUT list in ${GATE}: refusing to tell studied batches from held-out ones`);
  const batches: { batch: number; systems: string[]; heldOut: boolean }[] = [];
  for (const m of source.matchAll(/const BATCH_(\d+): Record<string, number> = \{([^}]*)\}/g)) {
    const body = m[2].replace(/\/\/[^\n]*/g, ''); // comments inside a record name systems too
    const systems = [...new Set([...body.matchAll(/(?:^|[,{\s])([A-Za-z][A-Za-z0-9_]*)\s*:/g)].map((s) => s[1]))];
    batches.push({ batch: Number(m[1]), systems, heldOut: heldOut.has(Number(m[1])) });
  }
  return batches;
}

/**
 * The systems of `root` whose Brain figures may be printed: in the real excerpts, those of a studied batch only; in
 * any other folder, all but the names of a held-out batch (the evaluation must not show them by another path).
 */
export function printableSystems<T extends { system: string }>(systems: T[], root: string): T[] {
  const batches = gateBatches();
  const studied = new Set(batches.filter((b) => !b.heldOut).flatMap((b) => b.systems));
  const heldOut = new Set(batches.filter((b) => b.heldOut).flatMap((b) => b.systems));
  return systems.filter((s) => (resolve(root) === EXCERPTS ? studied.has(s.system) : !heldOut.has(s.system)));
}

const pct = (n: number) => n.toFixed(3);
const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const heldOutAt = args.indexOf('--held-out');
  const heldOutOnly = heldOutAt >= 0 && args.splice(heldOutAt, 1).length > 0;
  const root = resolve(args[0] ?? EXCERPTS);
  const batches = gateBatches().filter((b) => b.heldOut === heldOutOnly);
  const wanted = new Set(batches.flatMap((b) => b.systems));
  const results = new Map<string, SideBySide>();
  for (const dataset of findDatasets(root)) {
    if (!wanted.has(dataset.system)) continue;
    results.set(dataset.system, await compareWithBrain({ system: dataset.system, ...loadDataset(dataset) }));
  }
  if (!heldOutOnly) {
    const rows = [...results.values()].map((r) => [r.system, pct(r.miner), pct(r.brain), r.brain > r.miner + 1e-9 ? 'Brain' : r.miner > r.brain + 1e-9 ? 'miner' : '']);
    process.stdout.write(`Miner and Brain on the studied real excerpts of ${root}\n\n${markdownTable(['system', 'miner GA', 'Brain GA', 'better'], rows)}\n\n`);
  }
  for (const b of batches) {
    const held = b.systems.map((s) => results.get(s)).filter((r): r is SideBySide => r !== undefined);
    process.stdout.write(`batch ${b.batch}${b.heldOut ? ' (held out)' : ''}: miner ${pct(mean(held.map((r) => r.miner)))}, Brain ${pct(mean(held.map((r) => r.brain)))} over ${held.length} systems\n`);
  }
}

if (require.main === module) runMain(main);
