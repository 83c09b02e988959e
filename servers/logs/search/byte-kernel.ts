// Native-speed byte loops for the pure-Node scanner: counting newlines and finding a literal in a block, as a tiny
// WebAssembly module with 128-bit SIMD (what ripgrep does with memchr). Measured on a 64 MiB log: one Buffer.indexOf
// call per line adds 0.2 s/GiB, Buffer.indexOf for a needle alone runs at about grep's speed, and reads into the
// module's memory are several times faster than into a large Buffer.
// The module is assembled here from its opcodes (a few hundred bytes), so there is no build step or binary to ship.

/** The needle is at the start of the memory, its fold masks FOLD_OFFSET bytes later, then findLines' ring, then the block. */
const FOLD_OFFSET = 4096;
/** Most match positions findLines keeps (search_logs' largest limit). */
export const MAX_RING = 512;
const RING_OFFSET = 2 * FOLD_OFFSET;
const I32 = 0x7f;
const V128 = 0x7b;
const VOID = 0x40;

function uleb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (text: string): number[] => [...uleb(text.length), ...Buffer.from(text, 'latin1')];

// Instructions used below.
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const i32 = (n: number) => [0x41, ...sleb(n)];
const load8 = [0x2d, 0, 0];
/** The fold mask of needle byte j, stored FOLD_OFFSET after it. */
const loadFold8 = [0x2d, 0, ...uleb(FOLD_OFFSET)];
const v128load = [0xfd, 0x00, 0, 0];
const splat8 = [0xfd, 0x0f];
const eq8 = [0xfd, 0x23];
const sub8 = [0xfd, 0x71];
const and128 = [0xfd, 0x4e];
const or128 = [0xfd, 0x50];
const or = [0x72];
const bitmask8 = [0xfd, 0x64];
const lane32 = (i: number) => [0xfd, 0x1b, i];
const widen8 = [0xfd, 0x7d]; // i16x8.extadd_pairwise_i8x16_u
const widen16 = [0xfd, 0x7f]; // i32x4.extadd_pairwise_i16x8_u
const zero128 = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
const [add, sub, and, eq, ne, ltU, geU, gtS, ltS, ctz, mul, remU] = [[0x6a], [0x6b], [0x71], [0x46], [0x47], [0x49], [0x4f], [0x4a], [0x48], [0x68], [0x6c], [0x70]];
const store32 = [0x36, 2, 0];
const call = (index: number) => [0x10, index];
const block = [0x02, VOID];
const loop = [0x03, VOID];
const end = [0x0b];
const brIf = (depth: number) => [0x0d, depth];
const br = (depth: number) => [0x0c, depth];
const ret = [0x0f];

/** count(p, n): the 0x0a bytes in memory[p, p + n). Lanes add up to 255 blocks of 16 bytes, then are summed. */
function countBody(): number[] {
  const [p, n, stop, total, acc, batchEnd, nl] = [0, 1, 2, 3, 4, 5, 6];
  return [
    ...vec([[2, I32], [1, V128], [1, I32], [1, V128]]),
    ...i32(10), ...splat8, ...set(nl),
    ...get(p), ...get(n), ...i32(-16), ...and, ...add, ...set(stop),
    ...block, ...loop,
    ...get(p), ...get(stop), ...geU, ...brIf(1),
    ...zero128, ...set(acc),
    // batchEnd = min(stop, p + 255 * 16)
    ...get(stop), ...get(p), ...sub, ...i32(255 * 16), ...ltU,
    0x04, I32, ...get(stop), 0x05, ...get(p), ...i32(255 * 16), ...add, ...end, ...set(batchEnd),
    ...loop,
    ...get(acc), ...get(p), ...v128load, ...get(nl), ...eq8, ...sub8, ...set(acc),
    ...get(p), ...i32(16), ...add, ...tee(p), ...get(batchEnd), ...ltU, ...brIf(0),
    ...end,
    ...get(acc), ...widen8, ...widen16, ...tee(acc), ...lane32(0),
    ...get(acc), ...lane32(1), ...add, ...get(acc), ...lane32(2), ...add, ...get(acc), ...lane32(3), ...add,
    ...get(total), ...add, ...set(total),
    ...br(0),
    ...end, ...end,
    // The last n % 16 bytes one at a time.
    ...get(p), ...get(n), ...i32(15), ...and, ...add, ...set(stop),
    ...block, ...loop,
    ...get(p), ...get(stop), ...geU, ...brIf(1),
    ...get(total), ...get(p), ...load8, ...i32(10), ...eq, ...add, ...set(total),
    ...get(p), ...i32(1), ...add, ...set(p),
    ...br(0),
    ...end, ...end,
    ...get(total),
    ...end,
  ];
}

/**
 * find(p, stop, k, a, b): the first position i in [p, stop - k) where memory[i, i + k] equals the needle at memory[0, k]
 * (k = needle length - 1), or -1; each byte is first OR-ed with its fold mask (0x20 for ASCII letters when the case
 * is ignored, else 0). Blocks of 16 candidate positions are filtered on two of the needle's bytes together (a and b,
 * its rarest), and only the survivors are compared in full.
 */
function findBody(): number[] {
  const [p, stop, k, a, b, first, last, firstFold, lastFold, mask, cand, j, limit] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return [
    ...vec([[4, V128], [4, I32]]),
    ...get(a), ...load8, ...splat8, ...set(first),
    ...get(b), ...load8, ...splat8, ...set(last),
    ...get(a), ...loadFold8, ...splat8, ...set(firstFold),
    ...get(b), ...loadFold8, ...splat8, ...set(lastFold),
    ...get(stop), ...get(k), ...sub, ...i32(16), ...sub, ...set(limit),
    ...block, ...loop,
    ...get(p), ...get(limit), ...gtS, ...brIf(1),
    ...get(p), ...get(a), ...add, ...v128load, ...get(firstFold), ...or128, ...get(first), ...eq8,
    ...get(p), ...get(b), ...add, ...v128load, ...get(lastFold), ...or128, ...get(last), ...eq8,
    ...and128, ...bitmask8, ...set(mask),
    ...block, ...loop,
    ...get(mask), 0x45, ...brIf(1),
    ...get(p), ...get(mask), ...ctz, ...add, ...set(cand),
    ...i32(0), ...set(j),
    ...block, ...loop,
    ...get(j), ...get(k), ...gtS, 0x04, VOID, ...get(cand), ...ret, ...end,
    ...get(cand), ...get(j), ...add, ...load8, ...get(j), ...loadFold8, ...or, ...get(j), ...load8, ...ne, ...brIf(1),
    ...get(j), ...i32(1), ...add, ...set(j),
    ...br(0),
    ...end, ...end,
    ...get(mask), ...get(mask), ...i32(1), ...sub, ...and, ...set(mask),
    ...br(0),
    ...end, ...end,
    ...get(p), ...i32(16), ...add, ...set(p),
    ...br(0),
    ...end, ...end,
    // The last positions one at a time.
    ...block, ...loop,
    ...get(p), ...get(k), ...add, ...get(stop), ...geU, ...brIf(1),
    ...i32(0), ...set(j),
    ...block, ...loop,
    ...get(j), ...get(k), ...gtS, 0x04, VOID, ...get(p), ...ret, ...end,
    ...get(p), ...get(j), ...add, ...load8, ...get(j), ...loadFold8, ...or, ...get(j), ...load8, ...ne, ...brIf(1),
    ...get(j), ...i32(1), ...add, ...set(j),
    ...br(0),
    ...end, ...end,
    ...get(p), ...i32(1), ...add, ...set(p),
    ...br(0),
    ...end, ...end,
    ...i32(-1),
    ...end,
  ];
}

/**
 * findLines(p, stop, k, a, b, ring, size): how many lines of memory[p, stop) hold the needle (find's arguments), each
 * counted once: after a match the search goes on after the end of its line. The match position of the i-th such line
 * is stored at ring[i % size] (32-bit), so the ring ends with the last `size` of them. One call per block instead of
 * one find per match, with the line ends found here rather than by Buffer.indexOf: a match costs a few bytes' loop.
 */
function findLinesBody(): number[] {
  const [p, stop, k, a, b, ring, size, count, m] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  return [
    ...vec([[2, I32]]),
    ...block, ...loop,
    ...get(p), ...get(stop), ...get(k), ...get(a), ...get(b), ...call(1), ...tee(m),
    ...i32(0), ...ltS, ...brIf(1),
    ...get(ring), ...get(count), ...get(size), ...remU, ...i32(4), ...mul, ...add, ...get(m), ...store32,
    ...get(count), ...i32(1), ...add, ...set(count),
    // To the end of the match's line (or of the block).
    ...block, ...loop,
    ...get(m), ...get(stop), ...geU, ...brIf(1),
    ...get(m), ...load8, ...i32(10), ...eq, ...brIf(1),
    ...get(m), ...i32(1), ...add, ...set(m),
    ...br(0),
    ...end, ...end,
    ...get(m), ...i32(1), ...add, ...set(p),
    ...br(0),
    ...end, ...end,
    ...get(count),
    ...end,
  ];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const bodies = [countBody(), findBody(), findLinesBody()];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec([[0x60, ...vec([[I32], [I32]]), ...vec([[I32]])], [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([[I32]])], [0x60, ...vec(new Array<number[]>(7).fill([I32])), ...vec([[I32]])]])),
    ...section(3, vec([[0], [1], [2]])),
    ...section(5, vec([[0x00, ...uleb(1)]])),
    ...section(7, vec([[...name('memory'), 0x02, 0], [...name('count'), 0x00, 0], [...name('find'), 0x00, 1], [...name('findLines'), 0x00, 2]])),
    ...section(10, vec(bodies.map((body) => [...uleb(body.length), ...body]))),
  ]);
}

/** Bytes from most to least common in logs (others are rarer still): a guess, as memchr's table is. */
const COMMON = Buffer.from(' e0t1a2o3i4n5s6r7h8l9dc.u:m-f/p=g_wyb,vkETAOINSRHLDCUMFPGWYBVKxjqzXJQZ', 'latin1');
const RANK = new Uint8Array(256);
COMMON.forEach((byte, index) => {
  RANK[byte] = COMMON.length - index;
});

/** The positions of the needle's two rarest bytes (different positions when it has two; the first of equals). */
function rarestPositions(needle: Uint8Array): [number, number] {
  let a = 0;
  for (let i = 1; i < needle.length; i++) if (RANK[needle[i]] < RANK[needle[a]]) a = i;
  let b = a === 0 ? needle.length - 1 : 0;
  for (let i = 0; i < needle.length; i++) if (i !== a && RANK[needle[i]] < RANK[needle[b]]) b = i;
  return [a, b];
}

interface KernelExports {
  memory: WebAssembly.Memory;
  count(p: number, n: number): number;
  find(p: number, stop: number, k: number, a: number, b: number): number;
  findLines(p: number, stop: number, k: number, a: number, b: number, ring: number, size: number): number;
}

const PAGE = 64 * 1024;
const NEEDLE_BYTES = RING_OFFSET + 4 * MAX_RING;

/**
 * The module's memory holds the needle, then one block. Its size is fixed (growing it would detach the views
 * handed out by `allocate`): room for the largest block the line reader makes. Only pages actually read into count
 * towards the process's memory.
 */
export class ByteKernel {
  private readonly view: Buffer;
  private readonly memory: ArrayBuffer;
  private needleLength = 0;
  /** Positions in the needle of its two rarest bytes, which filter candidates. */
  private rare: [number, number] = [0, 0];
  private base = NEEDLE_BYTES;
  private loaded = 0;

  private constructor(
    private readonly exports: KernelExports,
    readonly capacity: number,
  ) {
    this.memory = exports.memory.buffer;
    this.view = Buffer.from(this.memory);
  }

  /** A kernel for blocks up to `capacity` bytes, or undefined where WebAssembly SIMD is not available. */
  static create(capacity: number): ByteKernel | undefined {
    try {
      if (typeof WebAssembly === 'undefined') return undefined;
      const bytes = moduleBytes();
      if (!WebAssembly.validate(bytes)) return undefined;
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      const exports = instance.exports as unknown as KernelExports;
      exports.memory.grow(Math.ceil((NEEDLE_BYTES + capacity) / PAGE) - exports.memory.buffer.byteLength / PAGE);
      return new ByteKernel(exports, capacity);
    } catch {
      return undefined;
    }
  }

  /**
   * A buffer for the line reader to read into, inside the memory so that blocks need no copy: the first or the
   * second half of the capacity (a reader that reads ahead uses both).
   */
  allocate(size: number, half: 0 | 1 = 0): Buffer {
    const room = Math.floor(this.capacity / 2);
    const at = NEEDLE_BYTES + half * room;
    return size <= room ? this.view.subarray(at, at + size) : Buffer.allocUnsafe(size);
  }

  /**
   * The needle for find; with `ignoreCase`, ASCII letters match either case (exactly what a non-Unicode /i regex
   * does for an ASCII needle: it never folds a non-ASCII character onto an ASCII one). False when it does not fit.
   */
  setNeedle(needle: Buffer, ignoreCase = false): boolean {
    this.needleLength = 0;
    if (needle.length === 0 || needle.length > FOLD_OFFSET) return false;
    for (let j = 0; j < needle.length; j++) {
      const byte = needle[j];
      const letter = ignoreCase && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
      this.view[j] = letter ? byte | 0x20 : byte;
      this.view[FOLD_OFFSET + j] = letter ? 0x20 : 0;
    }
    this.needleLength = needle.length;
    this.rare = rarestPositions(this.view.subarray(0, needle.length));
    return true;
  }

  /** Makes `block` the one that find and countNewlines work on (copied in unless it is already there); false when too large. */
  load(block: Buffer): boolean {
    if (block.buffer === this.memory && block.byteOffset >= NEEDLE_BYTES) {
      this.base = block.byteOffset;
    } else {
      if (block.length > this.capacity) return false;
      block.copy(this.view, NEEDLE_BYTES);
      this.base = NEEDLE_BYTES;
    }
    this.loaded = block.length;
    return true;
  }

  /** Offset of the needle's first occurrence in the loaded block at or after `from`, or -1. */
  find(from: number): number {
    if (from >= this.loaded || this.needleLength === 0) return -1;
    const at = this.exports.find(this.base + from, this.base + this.loaded, this.needleLength - 1, this.rare[0], this.rare[1]);
    return at < 0 ? -1 : at - this.base;
  }

  /**
   * The lines of the loaded block at or after `from` that hold the needle, each counted once, as find would give them
   * one by one (after a match, on from the end of its line). Returns how many, and in `newest` (at most MAX_RING long)
   * the offset of a match in each of the last `newest.length` such lines, oldest first.
   */
  findLines(from: number, newest: Int32Array): number {
    const size = newest.length;
    if (size === 0 || size > MAX_RING) throw new RangeError(`findLines keeps 1 to ${MAX_RING} positions, not ${size}`);
    if (from >= this.loaded || this.needleLength === 0) return 0;
    const count = this.exports.findLines(this.base + from, this.base + this.loaded, this.needleLength - 1, this.rare[0], this.rare[1], RING_OFFSET, size);
    const ring = new Int32Array(this.memory, RING_OFFSET, size);
    const kept = Math.min(count, size);
    for (let i = 0; i < kept; i++) newest[i] = ring[(count - kept + i) % size] - this.base;
    return count;
  }

  /** Newlines in the loaded block's bytes [start, end). */
  countNewlines(start: number, end: number): number {
    return end > start ? this.exports.count(this.base + start, end - start) : 0;
  }
}
