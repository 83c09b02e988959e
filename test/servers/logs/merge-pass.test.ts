// The learned merge pass (patterns/merge-pass.ts): its mechanics with an injected scorer, the features it hands the
// scorer, the miner's use of it, and a few made-up pairs through the trained model (merge-model.ts).
import assert from 'node:assert/strict';
import { differingPositions, FEATURE_NAMES, mergeContext, pairFeatures, type MergeItem } from '../../../servers/logs/patterns/merge-features';
import { MERGE_MODEL, mergeProbability } from '../../../servers/logs/patterns/merge-model';
import { learnedMergeGroups, MAX_DIFFS, type MergeScorer } from '../../../servers/logs/patterns/merge-pass';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';

function item(text: string, count = 1): MergeItem {
  const tokens = text.split(' ');
  return { tokens, seps: tokens.map(() => ' '), count };
}

/** A scorer that answers from a table of "i-j" keys (by the items' first words) and records what it was asked. */
function tableScorer(scores: Record<string, number>, threshold = 0.5): MergeScorer & { asked: string[] } {
  const asked: string[] = [];
  return {
    threshold,
    asked,
    score: (_features, a, b) => {
      const key = `${a.tokens[0]}-${b.tokens[0]}`;
      asked.push(key);
      return scores[key] ?? 0;
    },
  };
}

function features(x: string, y: string): number[] {
  const items = [item(x), item(y)];
  const context = mergeContext(items, new Set([items[0].tokens.length]));
  return pairFeatures(items[0], items[1], differingPositions(items[0].tokens, items[1].tokens, MAX_DIFFS), context);
}

describe('learned merge pass', () => {
  it('joins the pairs scored at the threshold or above, transitively, and keeps the others apart', () => {
    const items = [item('a job one done'), item('b job two done'), item('c job three done'), item('d job four done')];
    const scorer = tableScorer({ 'a-b': 0.9, 'b-c': 0.5, 'a-c': 0.1, 'c-d': 0.49 });
    assert.deepEqual(learnedMergeGroups(items, scorer), [[0, 1, 2], [3]]);
  });

  it('compares only templates of one token count, differing in 1..MAX_DIFFS positions, with a word in common', () => {
    const items = [
      item('a x y z w'),
      item('b x y z w v'), // another token count
      item('c q r s w'), // differs in 4 positions from the first (first word counted)
      item('d e f g h'), // no word in common with any
      item('e x y z w'),
    ];
    const scorer = tableScorer({}, 0.5);
    learnedMergeGroups(items, scorer);
    assert.deepEqual(scorer.asked, ['a-e']);
  });

  it('never lets a word that is a variable count as the word the pair has in common', () => {
    const scorer = tableScorer({ 'a-b': 1 });
    assert.deepEqual(learnedMergeGroups([item('a <*> one'), item('b <*> two')], scorer), [[0], [1]]);
    assert.deepEqual(scorer.asked, []);
  });

  it('compares at most maxBucket templates of one token count (the first given)', () => {
    const items = [item('a job done'), item('b job done'), item('c job done')];
    const scorer = tableScorer({ 'a-b': 1, 'a-c': 1, 'b-c': 1 });
    assert.deepEqual(learnedMergeGroups(items, scorer, 2), [[0, 1], [2]]);
    assert.deepEqual(scorer.asked, ['a-b']);
  });

  it('hands the scorer one feature per name, reading where the words differ and what comes before them', () => {
    const f = features('session opened for user: alice', 'session opened for user: bob');
    assert.equal(f.length, FEATURE_NAMES.length);
    const at = (name: (typeof FEATURE_NAMES)[number]) => f[FEATURE_NAMES.indexOf(name)];
    assert.equal(at('diffs'), 1);
    assert.equal(at('atEnd'), 1);
    assert.equal(at('atStart'), 0);
    assert.equal(at('labelBefore'), 1);
    assert.equal(at('lower'), 1);
    assert.equal(features('Starting worker pool', 'stopping worker pool')[FEATURE_NAMES.indexOf('sameShape')], 0);
  });
});

describe('learned merge pass in the miner', () => {
  function mine(lines: string[], learnedMerge: MergeScorer | false): string[] {
    const miner = new TemplateMiner({ learnedMerge });
    for (const line of lines) miner.add(line);
    return miner.templates().map((t) => `${t.template} (${t.count})`).sort();
  }
  const lines = ['Backup of volume alpha finished cleanly', 'Backup of volume alpha finished cleanly', 'Backup of volume gamma finished cleanly'];

  it('merges what the scorer accepts into one template with <*> where the words differ', () => {
    assert.deepEqual(mine(lines, { threshold: 0.5, score: () => 1 }), ['Backup of volume <*> finished cleanly (3)']);
  });

  it('keeps templates apart when the scorer refuses or the pass is off', () => {
    const apart = ['Backup of volume alpha finished cleanly (2)', 'Backup of volume gamma finished cleanly (1)'];
    assert.deepEqual(mine(lines, { threshold: 0.5, score: () => 0 }), apart);
    assert.deepEqual(mine(lines, false), apart);
  });
});

describe('learned merge model', () => {
  it('merges names of one kind in the same sentence', () => {
    assert.ok(mergeProbability(features('Capture process started for garage <*>', 'Capture process started for front_door <*>')) >= MERGE_MODEL.threshold);
    assert.ok(mergeProbability(features('job backup-home finished in <*> s', 'job sync-media finished in <*> s')) >= MERGE_MODEL.threshold);
  });

  it('keeps opposite states and verbs apart', () => {
    assert.ok(mergeProbability(features('Starting worker pool', 'Stopping worker pool')) < MERGE_MODEL.threshold);
    assert.ok(mergeProbability(features('Connection opened', 'Connection closed')) < MERGE_MODEL.threshold);
    assert.ok(mergeProbability(features('cache enabled', 'cache disabled')) < MERGE_MODEL.threshold);
  });
});
