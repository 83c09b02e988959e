// The cache of message shapes in front of the miner's sequence cache: a message that differs from one seen before only
// in the values of loose digits (counts, ports, times, addresses) is given what that one was given, without tokenizing.
import assert from 'node:assert/strict';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { holdsShape, sameShape, shapeCodes, shapeHash, TokenScan } from '../../../servers/logs/patterns/tokenize';
import { generateSynthetic, seededRandom, SYNTHETIC_LAYOUTS } from '../../../scripts/synthetic-logs';

/** The message with each digit that has no ASCII letter beside it (a loose digit) replaced by another digit. */
function rerollLooseDigits(message: string, random: () => number): string {
  const letter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
  let out = '';
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    out += /[0-9]/.test(c) && !letter(message[i - 1]) && !letter(message[i + 1]) ? String(Math.floor(random() * 10)) : c;
  }
  return out;
}

/** The two messages are of one shape (sameShape of the first's copy and the second). */
function same(a: string, b: string): boolean {
  return sameShape(shapeCodes(a), b);
}

/** What a scan holds: its ranges, flags and skipped annotations. */
function ranges(scan: TokenScan): string {
  const parts: string[] = [];
  for (let i = 0; i < scan.count; i++) parts.push(`${scan.starts[i]}-${scan.ends[i]}${scan.flags[i] ? '*' : ''}`);
  return `${parts.join(' ')} | ${scan.skipped.slice(0, scan.skippedCount).join(',')}`;
}

/** Every line's id from add() and the listing, from a miner with the shape cache and one without. */
function bothWays(messages: string[]): { ids: [number[], number[]]; listings: [string, string]; hits: number } {
  const cached = new TemplateMiner();
  const plain = new TemplateMiner({ shapeCache: false });
  const ids: [number[], number[]] = [[], []];
  for (const message of messages) {
    ids[0].push(cached.add(message, { line: message }));
    ids[1].push(plain.add(message, { line: message }));
  }
  return { ids, listings: [JSON.stringify(cached.templates()), JSON.stringify(plain.templates())], hits: cached.shapeHits };
}

describe('log intelligence: the shape cache', () => {
  it('messages that differ only in loose digits scan to the same ranges, and to the same tokens when those digits are masked', () => {
    const random = seededRandom(5);
    const scan = new TokenScan();
    const other = new TokenScan();
    let checked = 0;
    for (const layout of SYNTHETIC_LAYOUTS) {
      for (const message of generateSynthetic(layout, 300, 3).messages.map(String)) {
        const twin = rerollLooseDigits(message, random);
        assert.ok(same(message, twin) && same(twin, message), twin);
        assert.equal(shapeHash(message), shapeHash(twin), twin);
        scan.scan(message);
        other.scan(twin);
        assert.equal(ranges(other), ranges(scan), `${message} / ${twin}`);
        if (holdsShape(scan)) assert.deepEqual(other.tokens(), scan.tokens(), `${message} / ${twin}`);
        // restore() gives the twin what scanning it gives, from the first message's snapshot.
        assert.equal(ranges(new TokenScan().restore(twin, scan.snapshot())), ranges(other));
        checked++;
      }
    }
    assert.ok(checked > 5000);
  });

  it('a digit glued to a letter belongs to the shape: `script.ps1` is a file name, `script.ps2` is not', () => {
    // The tokenizer looks a file extension up whole, so the digit's value decides whether the word is a variable.
    assert.equal(same('running script.ps1 now', 'running script.ps2 now'), false);
    assert.equal(same('opened tty2', 'opened tty3'), false);
    // A digit between non-letters is loose: `port 22` and `port 80` are one shape; `port 8080` is another (length).
    assert.ok(same('listening on port 22', 'listening on port 80'));
    assert.equal(same('listening on port 22', 'listening on port 8080'), false);
    const lines = ['running script.ps1 now', 'running script.ps1 now', 'running script.ps2 now', 'running script.ps2 now', 'running script.ps1 now', 'running script.ps2 now'];
    const { ids, listings } = bothWays(lines);
    assert.deepEqual(ids[0], ids[1]);
    assert.equal(listings[0], listings[1]);
  });

  it('the hash keeps a glued digit\'s value, so that numbers with a unit glued to them hash apart (`4567ms`, `1365ms`)', () => {
    // Messages of one shape hash equal (the test above rerolls loose digits); a glued digit makes another shape, and a
    // hash that counted it as `0` sent every line of such a statement to compare itself with each stored one in turn.
    assert.notEqual(shapeHash('running script.ps1 now'), shapeHash('running script.ps2 now'));
    assert.notEqual(shapeHash('lost, retrying in 4567ms'), shapeHash('lost, retrying in 1365ms'));
    assert.notEqual(shapeHash('heap usage 292.4GB'), shapeHash('heap usage 292.5GB'));
    assert.equal(shapeHash('lost, retrying in 4567ms'), shapeHash('lost, retrying in 1237ms'));
    assert.equal(shapeHash('7 of 9 at 5'), shapeHash('1 of 2 at 3'));
  });

  it('two shapes of one hash are told apart by their characters, each keeping its own cluster', () => {
    // A pair found by searching: 30 bits of hash, so other shapes share one now and then.
    const [a, b] = ['opened tty4 for pwuozj', 'opened tty3 for ecxtls'];
    assert.equal(shapeHash(a), shapeHash(b));
    assert.equal(same(a, b), false);
    const { ids, listings } = bothWays([a, a, b, b, a, b, a, b]);
    assert.deepEqual(ids[0], ids[1]);
    assert.equal(listings[0], listings[1]);
  });

  it('a shape whose loose digit stays in a kept token is not cached (`x_1_y` and `x_2_y` are different words)', () => {
    const scan = new TokenScan().scan('step x_1_y done');
    assert.equal(scan.tokens().join(' '), 'step x_1_y done');
    assert.equal(holdsShape(scan), false);
    assert.ok(holdsShape(new TokenScan().scan('step 12 done')));
    const lines = ['step x_1_y done', 'step x_1_y done', 'step x_1_y done', 'step x_2_y done', 'step x_2_y done', 'step x_1_y done'];
    const { ids, listings, hits } = bothWays(lines);
    assert.deepEqual(ids[0], ids[1]);
    assert.equal(listings[0], listings[1]);
    assert.equal(hits, 0);
  });

  it('a shape is cached on its second sighting and found from the third', () => {
    const { hits } = bothWays(['worker 1 restarted', 'worker 2 restarted', 'worker 3 restarted', 'worker 4 restarted']);
    assert.equal(hits, 2);
  });

  it('a shape of an odd length is found whatever longer message was looked up between its lines', () => {
    // Shapes are compared two codes at a time, an odd last code beside a 0: what a longer message left after it must not count.
    const lines = ['worker 1 restarted', 'job alpha finished in 5 minutes', 'worker 2 restarted', 'job gamma was done within 6 minutes', 'worker 3 restarted', 'job omega then quit after 7 minutes', 'worker 4 restarted'];
    assert.equal(lines[0].length % 2, 0);
    const odd = lines.map((line, i) => (i % 2 === 0 ? `${line}!` : line));
    const { ids, listings, hits } = bothWays(odd);
    assert.deepEqual(ids[0], ids[1]);
    assert.equal(listings[0], listings[1]);
    assert.equal(hits, 2);
  });

  it('the miner gives every line the same id and the same listing with the shape cache as without it', () => {
    for (const layout of SYNTHETIC_LAYOUTS) {
      const { ids, listings, hits } = bothWays(generateSynthetic(layout, 3000, 4).messages.map(String));
      assert.deepEqual(ids[0], ids[1], layout.id);
      assert.equal(listings[0], listings[1], layout.id);
      assert.ok(hits > 0, layout.id);
    }
  });

  it('a message found by its shape in a cluster split by its words is counted in the group of its own words', () => {
    // The found message's words are read from the scan (recordSplit), restored for it alone: lines of two words in
    // turn, each shape found from its third sighting, must each join its own word's group.
    const messages: string[] = [];
    for (let i = 0; i < 40; i++) messages.push(`cache flushed for ${i % 2 ? 'alpha' : 'beta'} after ${10 + (i % 9)} ms`);
    const { ids, listings, hits } = bothWays(messages);
    assert.deepEqual(ids[0], ids[1]);
    assert.equal(listings[0], listings[1]);
    assert.ok(hits > 20);
    assert.notEqual(ids[0][0], ids[0][1], 'alpha and beta lines are told apart');
    assert.equal(ids[0][2], ids[0][0]);
  });

  it('shapes follow the sequence cache when it empties itself: a sequence placed again may join another cluster', () => {
    // More distinct sequences than the sequence cache holds (20,000), between lines of a few repeated shapes.
    const random = seededRandom(9);
    const word = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const messages: string[] = [];
    for (let i = 0; i < 26_000; i++) {
      messages.push(`${word()} ${word()} ${word()}`);
      if (i % 5 === 0) messages.push(`queue depth ${i % 97} exceeds limit ${i % 13}`, `user ${word()} logged in from 10.0.${i % 250}.${i % 7}`);
    }
    const { ids, listings, hits } = bothWays(messages);
    assert.deepEqual(ids[0], ids[1]);
    assert.equal(listings[0], listings[1]);
    assert.ok(hits > 5000);
  });
});
