// The miner's hot path: tokens scanned as ranges into a reused TokenScan and looked up by their hash.
import assert from 'node:assert/strict';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { SequenceCache } from '../../../servers/logs/patterns/sequence-cache';
import { tokenize, TokenScan } from '../../../servers/logs/patterns/tokenize';
import { generateSynthetic, SYNTHETIC_LAYOUTS } from '../../../scripts/synthetic-logs';

/** Made-up lower-case words, the same on every run: `count` of them from a fixed seed. */
function words(count: number): string[] {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let j = 0; j < 8; j++) word += String.fromCharCode(97 + (next() >>> 16) % 26);
    out.push(word);
  }
  return out;
}

describe('log intelligence: token scan and the miner cache', () => {
  it('a TokenScan reused from line to line gives every line the tokens a fresh tokenize gives it', () => {
    const scan = new TokenScan();
    // Long lines before short ones: nothing of a longer line may stay behind in the reused arrays.
    const long = `${Array.from({ length: 150 }, (_, i) => `k${String.fromCharCode(97 + (i % 26))}=v`).join(' ')} ${'a,'.repeat(60)}b`;
    const messages = [long, 'ok', long, 'user "bob smith" logged in (took 12 ms)', ''];
    for (const layout of SYNTHETIC_LAYOUTS) messages.push(...generateSynthetic(layout, 200, 2).messages);
    for (const message of messages) {
      const fresh = tokenize(message).tokens;
      assert.deepEqual(scan.scan(message).tokens(), fresh, message);
      assert.equal(scan.equals(fresh), true, message);
    }
    assert.ok(scan.scan(long).count > 150, 'the arrays grew past their first size');
  });

  it('two token sequences with the same hash stay apart: a cached sequence is confirmed token by token', () => {
    const scan = new TokenScan();
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (const word of words(400_000)) {
      const hash = scan.scan(word).hash();
      const other = seen.get(hash);
      if (other !== undefined && other !== word) {
        pair = [other, word];
        break;
      }
      seen.set(hash, word);
    }
    assert.ok(pair, 'a colliding pair exists among 400,000 words (30-bit hash)');
    const [first, second] = pair;
    assert.equal(scan.scan(first).hash(), scan.scan(second).hash());
    assert.equal(scan.scan(second).equals([first]), false);
    const miner = new TemplateMiner();
    const a = miner.add(first);
    const b = miner.add(second);
    assert.notEqual(a, b);
    assert.equal(miner.template(a), first);
    assert.equal(miner.template(b), second);
    // And each is found again in the cache under its own cluster.
    assert.equal(miner.add(second), b);
    assert.equal(miner.add(first), a);
  });

  it('equal token sequences hash equal (quick and full) whatever the text their wildcards mask', () => {
    const scan = new TokenScan();
    const [quick, full] = [scan.scan('request took 12 ms on worker-3').hash(), scan.fullHash()];
    assert.equal(scan.scan('request took 31337 ms on worker-3').hash(), quick);
    assert.equal(scan.fullHash(), full);
    // A neighbour: one token differs inside (same length, first, middle and last characters) -> same quick hash only.
    assert.equal(scan.scan('request took 12 ms on wirker-3').hash(), quick);
    assert.notEqual(scan.fullHash(), full);
    assert.notEqual(scan.scan('request took 12 ms on worker-4').hash(), quick);
  });

  it('many sequences sharing one quick hash are each found again under their own cluster (full-hash fall-back)', () => {
    // 7-letter words alike in length and in their first, middle and last letters: one quick hash for all 40.
    const letters = 'abcdefghijklmnopqrst';
    const crowd = Array.from({ length: 40 }, (_, i) => `q${letters[i % 20]}${letters[(i * 7) % 20]}m${letters[(i * 3) % 20]}${letters[Math.floor(i / 20)]}z`);
    const scan = new TokenScan();
    assert.equal(new Set(crowd).size, crowd.length);
    assert.equal(new Set(crowd.map((word) => scan.scan(word).hash())).size, 1);
    assert.equal(new Set(crowd.map((word) => scan.scan(word).fullHash())).size, crowd.length);
    const cache = new SequenceCache<number>(1000);
    crowd.forEach((word, i) => {
      assert.equal(cache.get(scan.scan(word)), undefined, word);
      cache.set(scan, scan.tokens(), i);
      // Every one cached so far is found again, before and after the quick hash became crowded.
      for (let j = 0; j <= i; j++) assert.equal(cache.get(scan.scan(crowd[j])), j, crowd[j]);
    });
    assert.equal(cache.get(scan.scan('qzzmzzz')), undefined, 'a neighbour of the crowd is not in it');
    const miner = new TemplateMiner();
    const ids = crowd.map((word) => miner.add(word));
    assert.equal(new Set(ids).size, crowd.length, 'each word its own cluster');
    // Found again in the cache, before and after the quick hash became crowded.
    for (let round = 0; round < 2; round++) crowd.forEach((word, i) => assert.equal(miner.add(word), ids[i], word));
  });

  it('the sequence cache empties itself at its limit (memory bound) and caches no empty sequence', () => {
    const scan = new TokenScan();
    const cache = new SequenceCache<string>(3);
    for (const word of ['alpha', 'beta', 'gamma']) cache.set(scan.scan(word), scan.tokens(), word);
    assert.equal(cache.get(scan.scan('beta')), 'beta');
    cache.set(scan.scan('delta'), scan.tokens(), 'delta');
    assert.equal(cache.get(scan.scan('delta')), 'delta');
    assert.equal(cache.get(scan.scan('alpha')), undefined);
    cache.set(scan.scan('====='), scan.tokens(), 'rule');
    assert.equal(scan.count, 0);
    assert.equal(cache.get(scan), undefined);
  });

  it('a token is compared in place with a word (tokenIs): the value group of a split cluster is found without a string', () => {
    const scan = new TokenScan().scan('cache flushed for alpha after 12 ms');
    const tokens = scan.tokens();
    assert.equal(tokens.join(' '), 'cache flushed for alpha after <*>');
    tokens.forEach((token, i) => assert.ok(scan.tokenIs(i, token), token));
    assert.equal(scan.tokenIs(3, 'alphas'), false);
    assert.equal(scan.tokenIs(3, 'alpho'), false);
    assert.equal(scan.tokenIs(3, '<*>'), false);
    assert.equal(scan.tokenIs(5, '12 ms'), false, 'a masked token is only <*>');
    // The miner's value groups: alpha and beta lines each keep their own group's id, found again line after line.
    const miner = new TemplateMiner({ shapeCache: false });
    const ids = ['alpha', 'beta', 'alpha', 'beta', 'alpha'].map((word) => miner.add(`cache flushed for ${word} after 12 ms`));
    assert.notEqual(ids[0], ids[1]);
    assert.deepEqual(ids, [ids[0], ids[1], ids[0], ids[1], ids[0]]);
  });
});
