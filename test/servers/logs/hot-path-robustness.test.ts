// Hostile inputs on the mining hot path (TokenScan, the miner): work that grows with the line, never with its square,
// and the same answer for the same input whatever was scanned before.
import assert from 'node:assert/strict';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { tokenize, TokenScan } from '../../../servers/logs/patterns/tokenize';
import { sanitizeLine } from '../../../servers/shared/sanitize';
import { maskMessage } from '../../../servers/logs/patterns/masking';

/** A UTF-16 surrogate without its other half (what a cut through an emoji leaves). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** CPU milliseconds of the fastest of three runs of `work` (process.cpuUsage: user + system). */
function cpuMs(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('log intelligence: hot path robustness', () => {
  it('a line of thousands of apostrophes that open no closed quote is scanned in time linear in its length', () => {
    // Each `'` opens a quote and none ends a word, so a search for the closing one from every opening one is quadratic.
    const length = 120_000;
    const hostile = ["'ab ", "x='a", "='", "('a"].map((unit) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
    const ordinary = 'user 12 logged in from host 10.0.0.1 took 5 ms '.repeat(Math.ceil(length / 48)).slice(0, length);
    const scan = new TokenScan();
    // At least 25 ms (so the bound is at least half a second): a busy CI machine stretches short runs most, and the
    // quadratic scan took 20 s, far above any stretch.
    const base = Math.max(cpuMs(() => scan.scan(ordinary)), 25);
    for (const line of hostile) {
      const used = cpuMs(() => scan.scan(line));
      // Linear work is within a small factor of the ordinary line's; quadratic work is hundreds of times it.
      assert.ok(used < base * 20, `${JSON.stringify(line.slice(0, 8))}…: ${used.toFixed(1)} ms against ${base.toFixed(1)} ms`);
      assert.deepEqual(scan.scan(line).tokens(), tokenize(line).tokens);
    }
  });

  it('long messages of one event are one template whatever the width of their early values', () => {
    // A cut at a fixed number of characters lands on a different token when an early value is one digit wider, so
    // the token count, and with it the template, followed the width of `7` against `12`.
    const miner = new TemplateMiner();
    // Short tokens (the cut falls after a few thousand characters) and long ones (40-character names).
    for (const payload of ['k=v '.repeat(2500), `${'n'.repeat(40)}=v `.repeat(500)]) {
      const ids = new Set<number>();
      for (let width = 1; width <= 48; width++) ids.add(miner.add(`request ${'7'.repeat(width)} failed payload ${payload}`));
      assert.equal(ids.size, 1, miner.templates().map((t) => `${t.count}: …${t.template.slice(-40)}`).join('\n'));
    }
  });

  it('cuts long examples and lines between characters, never through an emoji (a lone surrogate)', () => {
    for (const before of [498, 499, 500]) {
      const miner = new TemplateMiner();
      miner.add(`${'a'.repeat(before)}😀 tail`);
      const [example] = miner.templates()[0].examples;
      assert.doesNotMatch(example, LONE_SURROGATE, `cut after ${before} characters`);
      assert.ok(example.startsWith('a'.repeat(before)));
      assert.doesNotMatch(sanitizeLine(`${'b'.repeat(before)}😀 tail`, before + 1), LONE_SURROGATE);
    }
  });

  it("error_summary's masked messages are cut between characters too", () => {
    for (const before of [298, 299, 300]) {
      const masked = maskMessage(`${'word '.repeat(before)}`.slice(0, before) + '😀 tail'.repeat(400), 300);
      assert.doesNotMatch(masked, LONE_SURROGATE, `cut after ${before} characters`);
      assert.ok(masked.endsWith('…'));
    }
  });
});
