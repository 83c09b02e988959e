// The miner's cache of token sequences seen before: most lines of a log repeat a shape already mined, and are matched
// here by their tokens in place (TokenScan ranges), without making a string for them; and the cache of message shapes
// in front of it, which spares most lines the tokenizing too.
import { holdsShape, shapeKey, type ScanSnapshot, type TokenScan } from './tokenize';

/**
 * Sequences sharing one quick hash (TokenScan.hash) beyond which that hash's sequences are keyed by their full hash
 * (TokenScan.fullHash) instead: the quick hash reads four figures of a token, so tokens that differ only inside
 * (`/srv/a/x.conf`, `/srv/b/x.conf` when kept) share it, and without the fall-back every line of such a log would be
 * compared with each of them in turn.
 */
const CROWDED = 8;

/** A cached sequence, its full hash and its value; `next` chains sequences whose hashes are equal. */
interface Entry<V> {
  tokens: string[];
  full: number;
  value: V;
  next: Entry<V> | undefined;
}

/** The sequences of one quick hash: chained here, or once crowded in the full-hash map. */
interface Bucket<V> {
  head: Entry<V> | undefined;
  size: number;
  crowded: boolean;
}

/**
 * Token sequence -> value, bounded: at `limit` sequences it empties itself (its keys are whole token sequences, most
 * of the miner's memory on logs of high variety). A sequence is looked up by its quick hash, or, when more than
 * CROWDED sequences share that, by its full hash, then confirmed token by token (TokenScan.equals).
 */
export class SequenceCache<V> {
  private readonly quick = new Map<number, Bucket<V>>();
  private readonly full = new Map<number, Entry<V>>();
  /** Sequences held. */
  private size = 0;
  /** Times the cache emptied itself: what was looked up before may now be placed elsewhere (ShapeCache follows it). */
  generation = 0;

  constructor(private readonly limit: number) {}

  /** The value cached for the tokens `scan` holds, or undefined; a scan without tokens is never cached. */
  get(scan: TokenScan): V | undefined {
    if (scan.count === 0) return undefined;
    const bucket = this.quick.get(scan.hash());
    if (bucket === undefined) return undefined;
    let entry = bucket.crowded ? this.full.get(scan.fullHash()) : bucket.head;
    while (entry !== undefined && !scan.equals(entry.tokens)) entry = entry.next;
    return entry?.value;
  }

  /**
   * Caches `value` for the tokens `scan` holds, given as `tokens` (scan.tokens(), not cached yet); an empty
   * sequence is not cached.
   */
  set(scan: TokenScan, tokens: string[], value: V): void {
    if (tokens.length === 0) return;
    if (this.size >= this.limit) {
      this.quick.clear();
      this.full.clear();
      this.size = 0;
      this.generation++;
    }
    this.size++;
    const quick = scan.hash();
    let bucket = this.quick.get(quick);
    if (bucket === undefined) this.quick.set(quick, (bucket = { head: undefined, size: 0, crowded: false }));
    bucket.size++;
    const entry: Entry<V> = { tokens, full: scan.fullHash(), value, next: undefined };
    if (bucket.crowded) this.addFull(entry);
    else {
      entry.next = bucket.head;
      bucket.head = entry;
      if (bucket.size > CROWDED) {
        // Too many sequences share this quick hash: from now on they are told apart by every character.
        for (let moved: Entry<V> | undefined = bucket.head; moved !== undefined; ) {
          const next: Entry<V> | undefined = moved.next;
          this.addFull(moved);
          moved = next;
        }
        bucket.head = undefined;
        bucket.crowded = true;
      }
    }
  }

  private addFull(entry: Entry<V>): void {
    entry.next = this.full.get(entry.full);
    this.full.set(entry.full, entry);
  }
}

/**
 * Messages longer than this are not shape-cached: long lines seldom repeat a shape, and each entry holds a copy of one.
 */
export const MAX_SHAPE_LENGTH = 1024;
/** Slots of the filter that admits a shape on its second sighting (a power of two). */
export const DOORKEEPER_SLOTS = 4096;

/**
 * Heads of the chains of cached shapes, by the low bits of their hash: twice the shapes kept at most, so that chains
 * are short (a power of two).
 */
export const SHAPE_HEADS = 8192;

/** Pairs the code store of a ShapeCache holds at first; it doubles as shapes come (at most limit * MAX_SHAPE_LENGTH / 2). */
const FIRST_STORE_PAIRS = 16384;

/**
 * Message shape -> the value a SequenceCache gave for its tokens, bounded: at `limit` shapes it empties itself. Most
 * lines of a log repeat a few hundred shapes that differ only in the values of loose digits (counts, ids, times,
 * addresses: tokenize.ts isLooseDigit); such messages scan to the same tokens, so a hit restores the scan of the
 * first message of the shape (its ranges read in the new message) and gives what the sequence cache gave it, without
 * tokenizing. Exact by construction: a shape is kept only when its loose digits all fall in masked tokens
 * (holdsShape), and only while the sequence cache that gave its value has not emptied itself (`generation`), after
 * which the same tokens may be placed elsewhere. A shape is admitted on its second sighting only, so that a log of
 * unique shapes (hex ids: their letters differ) pays a hash per line, not an entry.
 *
 * Shapes are numbered 0..size-1 and held in columns (typed arrays by number; their codes side by side in one store),
 * not as an object and a code array each: a look-up is made for every line, and following an object to its own array
 * cost two reads from far memory a shape compared, and each kept array was a separate allocation for the GC.
 */
export class ShapeCache<V> {
  /**
   * By the low bits of a hash (SHAPE_HEADS): 1 + the number of the newest shape of those bits, 0 for none. An array
   * indexed by the hash reads one slot where a Map of hashes had hashed the hash again, a cost of every line.
   */
  private readonly heads = new Int32Array(SHAPE_HEADS);
  /** By shape number: its hash (shapeKey's), its message's length, its first pair in `store`, 1 + the next shape of its head (0: none). */
  private readonly hashes: Int32Array;
  private readonly lengths: Int32Array;
  private readonly firsts: Int32Array;
  private readonly nexts: Int32Array;
  /** By shape number: the scan of its first message and the value. */
  private scans: ScanSnapshot[] = [];
  private values: V[] = [];
  /** Every shape's codes, as pairs (shapePairs), side by side from 0; `used` pairs are taken. */
  private store = new Uint32Array(FIRST_STORE_PAIRS);
  private used = 0;
  /** Hashes seen once (shapeKey's + 1 per slot; 0 is empty): the doorkeeper of set(). */
  private readonly seen = new Int32Array(DOORKEEPER_SLOTS);
  private size = 0;
  private generation = 0;
  /** Look-ups that found their shape. */
  hits = 0;
  /**
   * The message get() last hashed, its hash, and its codes (shapeKey's, the first lastMessage.length of them): set() is
   * called with the same message after a miss.
   */
  private lastMessage = '';
  private lastHash = 0;
  private readonly key = new Uint16Array(MAX_SHAPE_LENGTH);
  /** `key`'s memory read two codes at a time: shapes are compared a pair per step (shapePairs). */
  private readonly keyPairs = new Uint32Array(this.key.buffer);
  /** The number of the shape get() last found (for restore()), -1 after a miss. */
  private lastShape = -1;

  /** `limit`: the shapes kept at most (a positive integer; at `limit` the cache empties itself). */
  constructor(private readonly limit: number) {
    this.hashes = new Int32Array(limit);
    this.lengths = new Int32Array(limit);
    this.firsts = new Int32Array(limit);
    this.nexts = new Int32Array(limit);
  }

  /**
   * The value cached for the shape of `message` (under the SequenceCache generation `generation`); undefined when the
   * shape is not cached. restore() then makes a scan hold what scanning `message` gives: most callers need only the
   * value, and copying the shape's ranges was a cost of every line found. With `reader`, the message is read through it
   * (TokenScan.readShape), which keeps its codes for the scan of a message the cache misses: read once, not twice.
   */
  get(message: string, generation: number, reader?: TokenScan): V | undefined {
    if (generation !== this.generation) this.clear(generation);
    this.lastShape = -1;
    if (message.length > MAX_SHAPE_LENGTH) return undefined;
    const hash = this.keyOf(message, reader);
    this.lastMessage = message;
    this.lastHash = hash;
    const length = message.length;
    const pairs = shapePairs(length);
    let shape = this.heads[hash & (SHAPE_HEADS - 1)] - 1;
    while (shape >= 0 && !(this.hashes[shape] === hash && this.lengths[shape] === length && samePairs(this.store, this.firsts[shape], this.keyPairs, pairs))) {
      shape = this.nexts[shape] - 1;
    }
    if (shape < 0) return undefined;
    this.lastShape = shape;
    this.hits++;
    return this.values[shape];
  }

  /** Makes `scan` hold what scanning the message get() last found gives (its shape's ranges read in it). */
  restore(scan: TokenScan): void {
    if (this.lastShape < 0) throw new Error('ShapeCache.restore: the last get() found no shape');
    scan.restore(this.lastMessage, this.scans[this.lastShape]);
  }

  /**
   * Caches `value` for the shape of the message `scan` last scanned (which get() just missed), as given by the
   * SequenceCache of generation `generation`, when its loose digits are all masked and it was seen before.
   */
  set(scan: TokenScan, value: V, generation: number): void {
    const message = scan.message;
    if (generation !== this.generation) this.clear(generation);
    if (message.length > MAX_SHAPE_LENGTH || scan.count === 0) return;
    const hash = message === this.lastMessage ? this.lastHash : this.keyOf(message);
    const slot = hash & (DOORKEEPER_SLOTS - 1);
    if (this.seen[slot] !== hash + 1) {
      this.seen[slot] = hash + 1;
      return;
    }
    if (!holdsShape(scan)) return;
    if (this.size >= this.limit) this.clear(generation);
    const pairs = shapePairs(message.length);
    if (this.used + pairs > this.store.length) {
      const grown = new Uint32Array(Math.max(this.store.length * 2, this.used + pairs));
      grown.set(this.store.subarray(0, this.used));
      this.store = grown;
    }
    this.store.set(this.keyPairs.subarray(0, pairs), this.used);
    const shape = this.size++;
    const head = hash & (SHAPE_HEADS - 1);
    this.hashes[shape] = hash;
    this.lengths[shape] = message.length;
    this.firsts[shape] = this.used;
    this.nexts[shape] = this.heads[head];
    this.heads[head] = shape + 1;
    this.scans[shape] = scan.snapshot();
    this.values[shape] = value;
    this.used += pairs;
  }

  /**
   * shapeKey of `message` into `key` (its hash returned), with a 0 after an odd number of codes: the last pair of
   * `keyPairs` then holds only the message's codes and that 0, as every stored shape's last pair does (MAX_SHAPE_LENGTH
   * is even, so `key` has room for it). Read through `reader` when given (see get()).
   */
  private keyOf(message: string, reader?: TokenScan): number {
    const hash = reader === undefined ? shapeKey(message, this.key) : reader.readShape(message, this.key);
    if (message.length % 2 === 1) this.key[message.length] = 0;
    return hash;
  }

  /** Forgets every shape (their values belong to an older generation of the sequence cache, or the cache is full). */
  private clear(generation: number): void {
    if (this.size > 0) {
      this.heads.fill(0);
      // New arrays, not emptied ones: the old values (clusters) and scans are let go at once.
      this.scans = [];
      this.values = [];
    }
    this.size = 0;
    this.used = 0;
    this.generation = generation;
  }
}

/**
 * The pairs of codes (32 bits each: two UTF-16 code units) that hold a message of `length` codes, its odd last code
 * beside a 0. Two messages of one length are of one shape iff their pairs are equal: the pairs hold the codes in order,
 * and each pad is 0. Compared a pair at a time, half the steps of a code at a time (every line found is compared).
 */
function shapePairs(length: number): number {
  return (length + 1) >> 1;
}

/** The `count` pairs of `store` from `first` (a kept shape's) equal the first `count` pairs of the key being looked up. */
function samePairs(store: Uint32Array, first: number, key: Uint32Array, count: number): boolean {
  for (let i = 0; i < count; i++) if (store[first + i] !== key[i]) return false;
  return true;
}
