// Dumps, for the studied real excerpts, each system's final templates with the true event of every line they hold,
// for the signal table of merge decisions (which templates that differ in one position are one event). A study
// tool, not the product: the analysis reads the dump (/tmp). Held-out batches are never mined; batches given in
// --blind are left out entirely (a released batch kept unread).
// With --pairs, every candidate pair of the learned merge pass (merge-pass.ts) is recorded too, with its features
// (merge-features.ts) as the pass computes them, the pass itself kept from merging: the training data of
// scripts/train-merge-model.py, which labels the pairs from the templates' true events.
// Usage: node --import tsx scripts/merge-signals.ts --out F.json [--blind 29] [--pairs]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minePatterns } from '../servers/logs/patterns/log-patterns';
import { FEATURE_NAMES } from '../servers/logs/patterns/merge-features';
import type { MergeScorer } from '../servers/logs/patterns/merge-pass';
import { WILDCARD, tokenize } from '../servers/logs/patterns/tokenize';
import { gateBatches } from './eval-brain';
import { runMain } from './eval-support';
import { findDatasets, loadDataset } from './loghub-data';

const EXCERPTS = resolve(__dirname, '../test/fixtures/real-excerpts');
const REFERENCE_TIME = Date.UTC(2026, 0, 1);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const out = option('--out');
  if (out === undefined) throw new Error('--out F.json is required');
  const blind = new Set((option('--blind') ?? '').split(',').filter(Boolean).map(Number));
  const withPairs = args.includes('--pairs');
  const batches = gateBatches().filter((b) => !b.heldOut && !blind.has(b.batch));
  const batchOf = new Map(batches.flatMap((b) => b.systems.map((s) => [s, b.batch] as const)));
  const dump: unknown[] = [];
  for (const dataset of findDatasets(EXCERPTS)) {
    const batch = batchOf.get(dataset.system);
    if (batch === undefined) continue;
    const { lines, events } = loadDataset(dataset);
    const pairs = new Map<string, { a: number; b: number; features: number[] }>();
    const recorder: MergeScorer = {
      threshold: 0,
      score: (features, a, b) => {
        pairs.set(`${a.id}:${b.id}`, { a: a.id as number, b: b.id as number, features: [...features] });
        return -Infinity;
      },
    };
    const { miner } = await minePatterns(
      async (onLine) => {
        for (const line of lines) if (onLine(line) === false) return;
      },
      { window: {}, trackLines: true, referenceTime: REFERENCE_TIME, minerOptions: withPairs ? { learnedMerge: recorder } : { learnedMerge: false } },
    );
    const templates = miner.templates().map((t) => ({ id: t.id, cluster: t.clusterId, template: t.template, ...minerTokens(t.template), lines: t.lineNumbers ?? [], events: (t.lineNumbers ?? []).map((n) => events[n - 1]) }));
    dump.push({ system: dataset.system, batch, lines, events, templates, ...(withPairs ? { featureNames: FEATURE_NAMES, pairs: [...pairs.values()] } : {}) });
  }
  writeFileSync(out, JSON.stringify(dump));
}

/** A template's text as the miner splits it (tokenize), its <*> kept as WILDCARD tokens. */
function minerTokens(template: string): { tokens: string[]; seps: string[] } {
  const { tokens, seps } = tokenize(template.split(WILDCARD).join(PLACEHOLDER));
  return { tokens: tokens.map((token) => token.split(PLACEHOLDER).join(WILDCARD)), seps };
}

/** A word of letters no log holds, standing for <*> while a template's text is split (tokenize reads `<*>` as marks). */
const PLACEHOLDER = 'Qzxwildcardqzx';

if (require.main === module) runMain(main);
