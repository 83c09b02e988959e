// The miner's cache of token sequences seen before: most lines of a log repeat a shape already mined, and are matched
// here by their tokens in place (TokenScan ranges), without making a string for them.
import type { TokenScan } from './tokenize';

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
