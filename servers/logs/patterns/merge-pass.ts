// The learned merge pass over a file's final templates: most wrongly grouped lines are one event the miner split into
// several templates (a value it took for a word). Pairs of templates of the same token count that differ in a few
// positions are scored by a model (merge-model.ts, over merge-features.ts) and joined, transitively, when the score
// reaches its threshold. Bounded: only templates of one token count are compared, at most MAX_BUCKET of each count.
import { differingPositions, mergeContext, pairFeatures, type MergeItem } from './merge-features';

/** A scorer of merge candidates: score(features) >= threshold joins the pair. */
export interface MergeScorer {
  score(features: readonly number[], a: MergeItem, b: MergeItem): number;
  threshold: number;
}

/** Most positions a candidate pair may differ in. */
export const MAX_DIFFS = 3;
/** Templates of one token count compared pairwise (the first ones given): the pass's work is at most this squared per count. */
export const MAX_BUCKET = 256;

/**
 * Groups of `items` (indexes, ascending; every item in exactly one group, groups ordered by their first member) after
 * joining every candidate pair the scorer accepts. A candidate has the same token count, differs in 1..MAX_DIFFS
 * positions and keeps at least one word that is no variable in common.
 */
export function learnedMergeGroups(items: readonly MergeItem[], scorer: MergeScorer, maxBucket = MAX_BUCKET): number[][] {
  const buckets = new Map<number, number[]>();
  items.forEach((item, index) => {
    const length = item.tokens.length;
    if (length < 2) return;
    const bucket = buckets.get(length);
    if (!bucket) buckets.set(length, [index]);
    else if (bucket.length < maxBucket) bucket.push(index);
  });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const compared = new Set([...buckets].filter(([, b]) => b.length > 1).map(([length]) => length));
  if (compared.size > 0) {
    const context = mergeContext(items, compared);
    for (const length of compared) {
      const bucket = buckets.get(length) as number[];
      const limit = Math.min(MAX_DIFFS, length - 1);
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const a = items[bucket[x]];
          const b = items[bucket[y]];
          const diffs = differingPositions(a.tokens, b.tokens, limit);
          if (diffs.length === 0 || diffs.length > limit) continue;
          if (!a.tokens.some((word, i) => word === b.tokens[i] && !word.includes('<*>'))) continue;
          if (scorer.score(pairFeatures(a, b, diffs, context), a, b) < scorer.threshold) continue;
          const ra = find(bucket[x]);
          const rb = find(bucket[y]);
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].sort((g, h) => g[0] - h[0]);
}
