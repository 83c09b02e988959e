// The studied real excerpts (test/fixtures/real-excerpts, every batch of the gate but its HELD_OUT ones) mined in this
// process as log_patterns mines them (minePatterns), for the loop of changing the miner: GA per system, the batches'
// means, a saved run to compare against, and what a system groups wrong with the lines themselves. Held-out systems are
// never mined here: their figures come from the gate only (test/servers/logs/real-excerpts.test.ts).
// Usage: node --import tsx scripts/eval-studied.ts [--only A,B] [--save F.json] [--compare F.json] [--explain N]
//   --only A,B   those systems only (a held-out name is refused)
//   --save F     writes {system: GA} to F
//   --compare F  prints each system whose GA moved against F (a --save of another tree), the count and the net change
//   --explain N  per system, its N events that cost the most lines, each with up to 3 of its lines and the miner's
//                template for each of them
//   --learned-merge  with the miner's learned merge pass on (patterns/merge-pass.ts, MERGE_MODEL; off in the product)
//   --blind B,C  batches whose systems are mined and counted but never explained (a released batch kept as a check
//                of whether rules drawn from the others transfer, before its failures are read)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minePatterns } from '../servers/logs/patterns/log-patterns';
import { MERGE_MODEL } from '../servers/logs/patterns/merge-model';
import type { MinedTemplate, TemplateMinerOptions } from '../servers/logs/patterns/miner';
import { gateBatches } from './eval-brain';
import { runMain } from './eval-support';
import { findDatasets, groupingAccuracy, groupingErrors, groupsOfLines, loadDataset, type Row } from './loghub-data';

const EXCERPTS = resolve(__dirname, '../test/fixtures/real-excerpts');
/** "Now" for year-less timestamps, as eval-brain and eval-loso fix it: the grouping does not depend on it. */
const REFERENCE_TIME = Date.UTC(2026, 0, 1);

/** One system mined as log_patterns mines it: its GA, lines, truth rows and events, each line's group, the templates. */
export interface Mined {
  system: string;
  ga: number;
  lines: string[];
  rows: Row[];
  events: string[];
  predicted: (number | undefined)[];
  templates: MinedTemplate[];
}

/** Mines `lines` of `system` in this process as log_patterns does (minePatterns, lines tracked). */
export async function mine(system: string, lines: string[], rows: Row[], events: string[], minerOptions: TemplateMinerOptions): Promise<Mined> {
  const { miner } = await minePatterns(
    async (onLine) => {
      for (const line of lines) if (onLine(line) === false) return;
    },
    { window: {}, trackLines: true, referenceTime: REFERENCE_TIME, minerOptions },
  );
  const templates = miner.templates();
  const predicted = groupsOfLines(templates, lines.length);
  return { system, ga: groupingAccuracy(predicted, events), lines, rows, events, predicted, templates };
}

function explain(m: Mined, top: number): string {
  const out = [`${m.system}: GA ${m.ga.toFixed(3)}`];
  const templateOf = new Map(m.rows.map((r) => [r.EventId, r.EventTemplate]));
  const textOf = new Map(m.templates.map((t) => [t.id, t.template]));
  for (const e of groupingErrors(m.predicted, m.events).slice(0, top)) {
    const what = [e.groups > 1 ? `split into ${e.groups}` : '', e.mergedWith.length ? `merged with ${e.mergedWith.join(', ')}` : ''].filter(Boolean).join('; ');
    out.push(`  ${e.event} (${e.lines} lines, ${what}) truth: ${templateOf.get(e.event) ?? ''}`);
    const shown = new Set<number | undefined>();
    m.events.forEach((event, i) => {
      const group = m.predicted[i];
      if (event !== e.event || shown.has(group) || shown.size >= 3) return;
      shown.add(group);
      out.push(`    L${i + 1} ${m.lines[i].slice(0, 200)}`);
      out.push(`      -> ${group === undefined ? '(no message)' : `#${group} ${textOf.get(group) ?? ''}`}`);
    });
  }
  return out.join('\n');
}

/**
 * What a study script may mine, from its arguments: `option(name)` reads `--name value`; `wanted` is every system of the
 * gate's studied batches, or those `--only A,B` names; `blind` the systems of the `--blind B,C` batches (counted, never
 * explained). Held-out systems are in neither: naming one in `--only` throws.
 */
export function studiedSelection(args: string[]) {
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const batches = gateBatches();
  const heldOut = new Set(batches.filter((b) => b.heldOut).flatMap((b) => b.systems));
  const only = option('--only')?.split(',').filter(Boolean);
  const refused = only?.filter((s) => heldOut.has(s)) ?? [];
  if (refused.length > 0) throw new Error(`held out, not mined here: ${refused.join(', ')}`);
  const studied = batches.filter((b) => !b.heldOut);
  const wanted = new Set((only ?? studied.flatMap((b) => b.systems)).filter((s) => !heldOut.has(s)));
  const blindBatches = new Set((option('--blind') ?? '').split(',').filter(Boolean).map(Number));
  const blind = new Set(batches.filter((b) => blindBatches.has(b.batch)).flatMap((b) => b.systems));
  return { option, studied, wanted, blind };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { option, studied, wanted, blind } = studiedSelection(args);
  const minerOptions: TemplateMinerOptions = args.includes('--learned-merge') ? { learnedMerge: MERGE_MODEL } : {};
  const results = new Map<string, Mined>();
  for (const dataset of findDatasets(EXCERPTS)) {
    if (!wanted.has(dataset.system)) continue;
    const { lines, rows, events } = loadDataset(dataset);
    results.set(dataset.system, await mine(dataset.system, lines, rows, events, minerOptions));
  }
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const explainTop = option('--explain');
  if (explainTop !== undefined) for (const m of results.values()) if (m.ga < 1 && !blind.has(m.system)) process.stdout.write(`${explain(m, Number(explainTop))}\n`);
  for (const b of studied) {
    const ga = b.systems.map((s) => results.get(s)?.ga).filter((g): g is number => g !== undefined);
    if (ga.length > 0) process.stdout.write(`batch ${b.batch}: ${mean(ga).toFixed(4)} over ${ga.length}\n`);
  }
  const all = [...results.values()].map((m) => m.ga);
  process.stdout.write(`studied: ${mean(all).toFixed(4)} over ${all.length} systems\n`);
  const compareFile = option('--compare');
  if (compareFile !== undefined) {
    const before = JSON.parse(readFileSync(compareFile, 'utf8')) as Record<string, number>;
    let net = 0;
    const moved: string[] = [];
    for (const [system, m] of results) {
      const was = before[system];
      if (was === undefined || Math.abs(was - m.ga) < 1e-9) continue;
      net += m.ga - was;
      moved.push(`${m.ga > was ? 'UP  ' : 'DOWN'} ${system} ${was.toFixed(3)} -> ${m.ga.toFixed(3)}`);
    }
    process.stdout.write(`${moved.sort().join('\n')}\nmoved ${moved.length}, net ${net >= 0 ? '+' : ''}${net.toFixed(4)} (mean ${(net / Math.max(1, results.size)).toFixed(4)})\n`);
  }
  const saveFile = option('--save');
  if (saveFile !== undefined) writeFileSync(saveFile, JSON.stringify(Object.fromEntries([...results].map(([s, m]) => [s, m.ga])), null, 1));
}

if (require.main === module) runMain(main);
