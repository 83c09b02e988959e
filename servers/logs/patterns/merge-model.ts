// Placeholder until scripts/train-merge-model.py writes the model: merges nothing.
import type { MergeScorer } from './merge-pass';

export const MERGE_MODEL: MergeScorer = { score: () => 0, threshold: Infinity };
