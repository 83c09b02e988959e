// Hostile inputs on the mining hot path (TokenScan, the miner): work that grows with the line, never with its square,
// and the same answer for the same input whatever was scanned before.
import assert from 'node:assert/strict';
import { LEAF_CANDIDATES, TemplateMiner } from '../../../servers/logs/patterns/miner';
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

/** Made-up lower-case words of 3 to 8 letters, the same for the same seed: plain words, which the miner keeps as constants. */
function madeUpWords(seed: number): () => string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return () => Array.from({ length: 3 + Math.floor(next() * 6) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
}

describe('log intelligence: hot path robustness', () => {
  it('the work per message stays bounded as a file of lines that share nothing grows', () => {
    // Lines that share their first words and length but nothing else meet in one leaf of the tree, each its own
    // cluster; Drain compared every new line with all of them, so a line's work grew with the file (10k lines of
    // 1,500 random words took minutes). The comparisons made are counted, so the bound holds whatever the machine.
    const perLine = (lines: number) => {
      const word = madeUpWords(7);
      const miner = new TemplateMiner();
      for (let i = 0; i < lines; i++) miner.add(`request failed ${Array.from({ length: 60 }, word).join(' ')}`);
      assert.equal(miner.templates().length, lines, 'every line is its own statement');
      return miner.comparisons / lines;
    };
    const few = perLine(100);
    const many = perLine(400);
    assert.ok(many <= LEAF_CANDIDATES * 62, `${many} comparisons a line`);
    // Bounded: four times the lines cost about as much a line (with every cluster compared: four times as much).
    assert.ok(many < few * 1.5, `${few.toFixed(0)} comparisons a line for 100 lines, ${many.toFixed(0)} for 400`);
  });

  it('long lines of two statements among lines that share nothing with them are two templates', () => {
    // The statements come back among hundreds of one-off lines of the same leaf (same first words, same token count
    // after the 256-token cut): the leaf keeps the clusters it saw last, so theirs are still compared.
    const word = madeUpWords(11);
    const finished = Array.from({ length: 300 }, word).join(' ');
    const failed = Array.from({ length: 300 }, word).join(' ');
    const miner = new TemplateMiner();
    const ids = { finished: new Set<number>(), failed: new Set<number>() };
    for (let i = 0; i < 100; i++) {
      ids.finished.add(miner.add(`job ${i} finished ${finished}`));
      ids.failed.add(miner.add(`job ${i} failed ${failed}`));
      for (let k = 0; k < 3; k++) miner.add(`job ${i} ${Array.from({ length: 300 }, word).join(' ')}`);
    }
    assert.equal(ids.finished.size, 1);
    assert.equal(ids.failed.size, 1);
    const counts = new Map(miner.templates().map((t) => [t.template.split(' ').slice(0, 3).join(' '), t.count]));
    assert.equal(counts.get('job <*> finished'), 100);
    assert.equal(counts.get('job <*> failed'), 100);
    assert.equal(miner.templates().length, 2 + 300);
  });

  it('a statement of a crowded leaf that comes back after more than LEAF_CANDIDATES others is still one template', () => {
    // Each statement here differs from the others in its words, and its user varies, so no line repeats one seen
    // before: it is compared in the leaf, where its cluster has left the ones compared. It starts a new cluster
    // with the same template, and the listing shows the two as one.
    const statements = LEAF_CANDIDATES + 36;
    const word = (k: number, stem: string) => stem + String.fromCharCode(97 + (k % 26), 97 + (Math.floor(k / 26) % 26));
    const miner = new TemplateMiner();
    let n = 0;
    for (let pass = 0; pass < 5; pass++) {
      for (let k = 0; k < statements; k++) miner.add(`task ${n++} ${word(k, 'open')} ${word(k, 'file')} for ${word(pass * 31 + k * 7, 'user')} done`);
    }
    const templates = miner.templates();
    assert.equal(templates.length, statements);
    assert.ok(templates.every((t) => t.count === 5 && /^task <\*> open(\w+) file\1 for <\*> done$/.test(t.template)), templates.map((t) => `${t.count} ${t.template}`).join('\n'));
  });

  it('lines of hundreds of `word: ` labels are each one template, and a repeated one joins its own', () => {
    // Every label was a place where the text after it might be a value, each compared by a key as long as the line:
    // the work grew with the square of the labels. The first labels of a template are read (MAX_COLON_TAILS).
    const word = madeUpWords(5);
    const lines = Array.from({ length: 200 }, () => Array.from({ length: 300 }, () => `${word()}:`).join(' '));
    const miner = new TemplateMiner();
    for (const line of [...lines, ...lines.slice(0, 10)]) miner.add(line);
    const templates = miner.templates();
    assert.equal(templates.length, 200);
    assert.deepEqual(templates.slice(0, 10).map((t) => t.count), Array(10).fill(2));
  });

  it('messages without tokens join the one of the same text, found without comparing them all', () => {
    // `{`, `}` and `=====` lines have no token to compare; each text is its own template, repeats of it join it.
    const miner = new TemplateMiner();
    for (let pass = 0; pass < 3; pass++) for (let width = 1; width <= 300; width++) miner.add((width % 2 ? '{' : '}').repeat(width));
    const templates = miner.templates();
    assert.equal(templates.length, 300);
    assert.ok(templates.every((t) => t.count === 3));
    assert.equal(miner.comparisons, 0);
  });

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
