// ShapeCache keeps its shapes in columns (typed arrays by shape number, every shape's codes in one store): it must
// find exactly what the plain reading finds, a shape an object with its own code array, chained by the low bits of
// its hash (the cache as it was before speed24b, kept here as the reference).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOORKEEPER_SLOTS, MAX_SHAPE_LENGTH, SHAPE_HEADS, ShapeCache } from '../../../servers/logs/patterns/sequence-cache';
import { holdsShape, shapeCodes, shapeHash, TokenScan } from '../../../servers/logs/patterns/tokenize';

interface Shape {
  hash: number;
  codes: Uint16Array;
  scan: ReturnType<TokenScan['snapshot']>;
  value: number;
  next: Shape | undefined;
}

/** The reference: ShapeCache's rules (doorkeeper, holdsShape, limit, generation) read plainly, a shape an object. */
class PlainShapeCache {
  private heads = new Map<number, Shape>();
  private readonly seen = new Int32Array(DOORKEEPER_SLOTS);
  private size = 0;
  private generation = 0;
  private last: Shape | undefined;
  private lastMessage = '';
  constructor(private readonly limit: number) {}

  get(message: string, generation: number): number | undefined {
    if (generation !== this.generation) this.clear(generation);
    this.last = undefined;
    if (message.length > MAX_SHAPE_LENGTH) return undefined;
    this.lastMessage = message;
    const hash = shapeHash(message);
    const codes = shapeCodes(message);
    let shape = this.heads.get(hash & (SHAPE_HEADS - 1));
    while (shape !== undefined && !(shape.hash === hash && shape.codes.length === codes.length && shape.codes.every((c, i) => c === codes[i]))) shape = shape.next;
    this.last = shape;
    return shape?.value;
  }

  restore(scan: TokenScan): void {
    if (this.last === undefined) throw new Error('no shape');
    scan.restore(this.lastMessage, this.last.scan);
  }

  set(scan: TokenScan, value: number, generation: number): void {
    const message = scan.message;
    if (generation !== this.generation) this.clear(generation);
    if (message.length > MAX_SHAPE_LENGTH || scan.count === 0) return;
    const hash = shapeHash(message);
    const slot = hash & (DOORKEEPER_SLOTS - 1);
    if (this.seen[slot] !== hash + 1) {
      this.seen[slot] = hash + 1;
      return;
    }
    if (!holdsShape(scan)) return;
    if (this.size >= this.limit) this.clear(generation);
    this.size++;
    const head = hash & (SHAPE_HEADS - 1);
    this.heads.set(head, { hash, codes: shapeCodes(message), scan: scan.snapshot(), value, next: this.heads.get(head) });
  }

  private clear(generation: number): void {
    this.heads = new Map();
    this.size = 0;
    this.generation = generation;
  }
}

/** What a scan holds: its ranges, flags and skipped annotations. */
function ranges(scan: TokenScan): string {
  const parts: string[] = [];
  for (let i = 0; i < scan.count; i++) parts.push(`${scan.starts[i]}-${scan.ends[i]}${scan.flags[i] ? '*' : ''}`);
  return `${parts.join(' ')} | ${scan.skipped.slice(0, scan.skippedCount).join(',')}`;
}

/**
 * Drives both caches as the miner does (get; on a miss, scan and set) over `steps` (a message, or a number: the
 * sequence cache's generation moves on) and asserts each answer and each restored scan is the reference's.
 */
function agree(limit: number, steps: (string | number)[]): number {
  const columns = new ShapeCache<number>(limit);
  const plain = new PlainShapeCache(limit);
  const scan = new TokenScan();
  const restored = new TokenScan();
  const other = new TokenScan();
  let generation = 0;
  let hits = 0;
  steps.forEach((step, i) => {
    if (typeof step === 'number') {
      generation += step;
      return;
    }
    const found = columns.get(step, generation);
    assert.equal(found, plain.get(step, generation), `step ${i}: ${JSON.stringify(step)}`);
    if (found !== undefined) {
      hits++;
      columns.restore(restored);
      plain.restore(other);
      assert.equal(ranges(restored), ranges(other), step);
      return;
    }
    scan.scan(step);
    columns.set(scan, i, generation);
    plain.set(scan, i, generation);
  });
  return hits;
}

const WORDS = ['job', 'worker', 'retry', 'x_1_y', 'script.ps1', 'in', 'ms', 'for', ':', '=', '-', '"a b"', 'é', '中', '#'];
/** A piece of a message: a word, or a number (written when the message is: its figures vary from line to line). */
const piece = fc.oneof(fc.constantFrom(...WORDS), fc.constant(0), fc.stringMatching(/^[a-f0-9]{1,6}$/));
const template = fc.array(piece, { minLength: 0, maxLength: 8 });
/** A line: a template's number and a number its numbers are written from; or a number alone, the generation moving on. */
const line = fc.oneof({ weight: 12, arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 999 })) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) });

/** The steps agree() takes: each line a message of its template, its numbers written from the line's number. */
function messages(templates: (string | number)[][], lines: ([number, number] | number)[]): (string | number)[] {
  return lines.map((l) => {
    if (typeof l === 'number') return l;
    const [which, seed] = l;
    return templates[which % templates.length].map((p, k) => (typeof p === 'number' ? String((seed * (k + 3)) % (k % 2 ? 1000 : 10)) : p)).join(' ');
  });
}

describe('log intelligence: the shape cache held in columns', () => {
  it('finds what the plain reading finds, step by step, across limits and generations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(template, { minLength: 1, maxLength: 12 }), fc.array(line, { minLength: 1, maxLength: 300 }), (limit, templates, lines) => {
        agree(limit, messages(templates, lines));
      }),
      { numRuns: 400 },
    );
  });

  it('finds what the plain reading finds among thousands of shapes, where heads are shared and the code store grows', () => {
    // 6,000 shapes (each seen three times) over 8,192 heads: hundreds of heads chain two shapes or more, and the
    // shapes' codes outgrow the store's first size; a limit of 5,000 makes it empty itself on the way.
    const steps: string[] = [];
    const word = (i: number) => i.toString(36).replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 6000; i++) steps.push(`event ${word(i)} took ${round * 7 + i} ms ${'pad '.repeat(i % 11)}`);
    const hits = agree(5000, steps);
    assert.ok(hits > 500, String(hits));
  });
});
