// The arithmetic of the A/B speed harness (bench/miner-ab.mjs): pass order and figures. No timing here.
import assert from 'node:assert/strict';
import { quantile, roundOrder, summarise } from '../../bench/ab-stats.mjs';

describe('bench A/B arithmetic', () => {
  it('quantiles interpolate between ranks, whatever the input order; the median of an even count is the mean of the middle two', () => {
    assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
    assert.equal(quantile([4, 1, 3, 2], 0.25), 1.75);
    assert.equal(quantile([4, 1, 3, 2], 0.75), 3.25);
    // Ratios of 4 self-against-self pairs, 2 each side of 1: the median is 1, not the upper middle 1.05.
    assert.equal(quantile([0.9, 1.05, 0.95, 1.1], 0.5), 1);
    assert.equal(quantile([5, 1, 3], 0.5), 3);
    assert.equal(quantile([7], 0.25), 7);
    assert.equal(quantile([7, 8], 1), 8);
    assert.equal(quantile([7, 8], 0), 7);
    assert.throws(() => quantile([], 0.5), /no values/);
    assert.throws(() => quantile([1], 1.5), /outside/);
  });

  it('every side runs in every position equally often over a cycle of rounds', () => {
    for (const sides of [['A', 'B'], ['A', 'B', "B'"]]) {
      const cycle = sides.length === 2 ? 2 : 6;
      const seen = new Set<string>();
      const positions = new Map<string, number[]>(sides.map((s) => [s, sides.map(() => 0)]));
      const before = new Map<string, number>();
      for (let round = 0; round < cycle; round++) {
        const order = roundOrder(sides, round);
        assert.deepEqual([...order].sort(), [...sides].sort(), `round ${round} runs each side once`);
        seen.add(order.join(','));
        order.forEach((side, at) => positions.get(side)![at]++);
        for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) before.set(`${order[i]}<${order[j]}`, (before.get(`${order[i]}<${order[j]}`) ?? 0) + 1);
      }
      assert.equal(seen.size, cycle, 'each order once a cycle');
      for (const [side, counts] of positions) assert.deepEqual(counts, sides.map(() => cycle / sides.length), `${side} in each position`);
      for (const x of sides) for (const y of sides) if (x !== y) assert.equal(before.get(`${x}<${y}`), cycle / 2, `${x} before ${y}`);
      assert.deepEqual(roundOrder(sides, cycle), roundOrder(sides, 0), 'the cycle repeats');
    }
    assert.throws(() => roundOrder(['A'], 0), /2 or 3 sides/);
  });

  it('the ratio is old time over new time, summarised by median and quartiles', () => {
    // 4 rounds: ratios 2, 1, 0.5, 1 -> sorted 0.5, 1, 1, 2.
    const s = summarise([[2, 1], [1, 1], [1, 2], [3, 3]], 600);
    assert.equal(s.ratio, 1);
    assert.equal(s.low, 0.875);
    assert.equal(s.high, 1.25);
    // Lines a CPU second: old 600/[2,1,1,3] = 300, 600, 600, 200; new 600/[1,1,2,3] = 600, 600, 300, 200.
    assert.equal(s.speedOld, 450);
    assert.equal(s.speedNew, 450);
    assert.equal(summarise([[3, 1]], 10).ratio, 3, 'a new side three times as fast reads 3');
    assert.throws(() => summarise([], 10), /no rounds/);
    assert.throws(() => summarise([[0, 1]], 10), /above 0/);
  });
});
