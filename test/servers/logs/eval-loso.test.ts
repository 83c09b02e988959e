// Leave-one-system-out (scripts/eval-loso) on small synthetic systems through the real miner: the options chosen for
// each held-out system must be the best on the other systems among the candidates, and its held-out GA the fitted
// miner's GA on it; the one-option-at-a-time search must never fit worse on the other systems than the defaults.
import assert from 'node:assert/strict';
import { gaWith, grid, leaveOneSystemOut, type LoadedSystem, type Tuning } from '../../../scripts/eval-loso';
import { generateSynthetic, SYNTHETIC_LAYOUTS } from '../../../scripts/synthetic-logs';

const systems: LoadedSystem[] = ['bracketed', 'few-vs-many-words', 'no-header'].map((id) => {
  const file = generateSynthetic(SYNTHETIC_LAYOUTS.find((l) => l.id === id)!, 400, 3);
  return { system: id, lines: file.lines, events: file.events };
});
const candidates = { similarityThreshold: [0.3, 0.5, 0.8], leadingTokens: [1, 2] };
const defaults: Tuning = { similarityThreshold: 0.5, leadingTokens: 2 };

async function meanGA(tuning: Tuning, of: LoadedSystem[]): Promise<number> {
  let sum = 0;
  for (const s of of) sum += await gaWith(s, tuning);
  return sum / of.length;
}

describe('leave-one-system-out fitting of the miner options (scripts/eval-loso)', function () {
  this.timeout(300_000);

  it('enumerates the whole grid of candidate values', () => {
    const combos = grid(candidates);
    assert.equal(combos.length, 6);
    assert.deepEqual(new Set(combos.map((c) => JSON.stringify(c))).size, 6);
    assert.deepEqual(grid({}), [{}]);
  });

  it('fits each held-out system on the others only and measures it with the fitted options', async () => {
    const result = await leaveOneSystemOut(systems, candidates, defaults);
    assert.equal(result.search, 'grid');
    assert.deepEqual(result.rows.map((r) => r.system), systems.map((s) => s.system));
    for (const row of result.rows) {
      const held = systems.find((s) => s.system === row.system)!;
      const train = systems.filter((s) => s !== held);
      let best = -1;
      for (const combo of grid(candidates)) best = Math.max(best, await meanGA(combo, train));
      assert.equal(row.trainGA, best, `${row.system}: the fit is the best on the other systems`);
      assert.equal(row.trainGA, await meanGA(row.fitted, train));
      assert.equal(row.heldOutGA, await gaWith(held, row.fitted));
      assert.equal(row.defaultGA, await gaWith(held, defaults));
    }
    const mean = result.rows.reduce((s, r) => s + r.heldOutGA, 0) / result.rows.length;
    assert.ok(Math.abs(result.meanHeldOut - mean) < 1e-12);
  });

  it('searches one option at a time past the grid limit, never fitting worse than the defaults', async () => {
    const result = await leaveOneSystemOut(systems, candidates, defaults, 2);
    assert.equal(result.search, 'coordinate');
    for (const row of result.rows) {
      const train = systems.filter((s) => s.system !== row.system);
      assert.ok(row.trainGA >= (await meanGA(defaults, train)) - 1e-12, row.system);
      for (const [name, value] of Object.entries(row.fitted)) assert.ok((candidates as Record<string, number[]>)[name].includes(value));
    }
  });

  it('refuses a single system: nothing would be left to fit on', async () => {
    await assert.rejects(leaveOneSystemOut(systems.slice(0, 1), candidates, defaults), /two systems or more/);
  });
});
