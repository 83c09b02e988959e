// One statement whose value the masker caught whole on some lines and in part, or not at all, on others: `STA <*>
// IEEE 802.11: authenticated` beside `STA <*>:xx:xx:xx IEEE 802.11: authenticated` (a MAC address its user hid in
// part), `Listening … on [<*>]:XXXX` beside `… on [::]:XXXX`, `current: <*> peers:<*>` beside `… peers:` (the value
// printed empty). The tokenizer cuts such a value at its punctuation, so the two templates differ in length and the
// per-position rule (variability.ts) never meets them; read as the text between blanks (a chunk), they differ in one
// chunk only, and one's chunk is the other's with a value masked.
import { WILDCARD } from './tokenize';
import type { JoinUnits, SpanUnit } from './value-spans';
import { levelsTellApart } from './variability';

/** Longest template (tokens) looked at, as value-spans.ts reads: a statement's text is shorter. */
const MAX_TOKENS = 64;
/** Words (chunks with a letter, none masked) the two templates must share besides the chunk they differ in. */
const MIN_SHARED_WORDS = 2;
/** Templates compared per shared text: a handful of ways one value was printed. */
const MAX_GROUP = 32;

/**
 * Joins templates whose texts, cut at blanks into chunks, are the same but for one chunk, where one template's chunk
 * holds <*> and matches the other's with each <*> standing for a text that is no word (maskedValueMatch). Why it
 * holds: the masker wrote <*> where a value stood, so a chunk that the masked chunk matches, with its frame (`[`,
 * `]:XXXX`, `peers:`) and a value of another shape inside, is that statement's value printed another way, however few
 * lines either template holds. A whole word where the other has <*> (`state <*>` / `state DOWN`) says nothing of the
 * kind, and stays with the counts of variability.ts. Both must share MIN_SHARED_WORDS words or more; levels that tell
 * them apart keep them apart. The template shown is the one with the masked chunk, which says a value is there.
 * Time is linear in the chunks of the templates of at most MAX_TOKENS tokens (a key of a text without one chunk is two
 * rolling hashes, checked chunk by chunk before a join), plus at most MAX_GROUP comparisons per key.
 */
export function joinMaskedChunks(units: readonly SpanUnit[], join: JoinUnits): void {
  const ids = new Map<string, number>();
  const texts = units.map((unit) => (unit.tokens.length > 0 && unit.tokens.length <= MAX_TOKENS ? chunkedText(unit, ids) : undefined));
  // Templates by their text without one chunk that holds <*>: the masked side of a pair.
  const masked = new Map<string, { unit: number; at: number }[]>();
  texts.forEach((text, unit) => {
    if (!text) return;
    text.chunks.forEach((chunk, i) => {
      if (!chunk.includes(WILDCARD)) return;
      const key = keyWithout(text, i);
      const same = masked.get(key);
      if (!same) masked.set(key, [{ unit, at: i }]);
      else if (same.length < MAX_GROUP) same.push({ unit, at: i });
    });
  });
  if (masked.size === 0) return;
  texts.forEach((text, unit) => {
    if (!text) return;
    const words = sharedWords(text.chunks);
    text.chunks.forEach((chunk, i) => {
      const wide = masked.get(keyWithout(text, i));
      // Words besides the chunk the pair differs in.
      if (!wide || words - (isWord(chunk) ? 1 : 0) < MIN_SHARED_WORDS) return;
      const into = wide.find(({ unit: w, at }) => {
        const other = texts[w] as ChunkedText;
        return w !== unit && at === i && maskedValueMatch(other.chunks[i], chunk) && sameBut(other.chunks, text.chunks, i) && !levelsTellApart([units[w], units[unit]]);
      });
      if (into) join(into.unit, unit, true);
    });
  });
}

/** A template's chunks, and two rolling hashes of their ids from the start (prefix) and from the end (suffix). */
interface ChunkedText {
  chunks: string[];
  prefix: [Uint32Array, Uint32Array];
  suffix: [Uint32Array, Uint32Array];
}

const BASES = [0x01000193, 0x5bd1e995] as const;

/**
 * The template's text, its lead included, cut at blanks: each chunk is the tokens and the separators between them up
 * to the next blank (`[<*>]:XXXX`, `<*>:xx:xx:xx`, `peers:`); a trailing separator ends the last chunk. The lead is
 * text the statement wrote too (memcached's `<` before a request read and `>` before a reply, a diff's `+` and `-`):
 * left out, two statements that differ only there were joined. With the hashes keyWithout reads, so that a key costs
 * the same however long the message.
 */
function chunkedText(unit: SpanUnit, ids: Map<string, number>): ChunkedText {
  let text = unit.lead;
  for (let i = 0; i < unit.tokens.length; i++) text += unit.tokens[i] + (unit.seps[i] ?? '');
  const chunks = text.split(/\s+/).filter((chunk) => chunk !== '');
  const codes = chunks.map((chunk) => {
    const id = ids.get(chunk);
    if (id !== undefined) return id;
    ids.set(chunk, ids.size + 1);
    return ids.size;
  });
  const n = chunks.length;
  const hashes = BASES.map((base) => {
    const prefix = new Uint32Array(n + 1);
    const suffix = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i], base) + codes[i]) >>> 0;
    for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(suffix[i + 1], base) + codes[i]) >>> 0;
    return { prefix, suffix };
  });
  return { chunks, prefix: [hashes[0].prefix, hashes[1].prefix], suffix: [hashes[0].suffix, hashes[1].suffix] };
}

/** A key for the chunks with chunk `i` left out (its place kept); sameBut checks a pair it matches. */
function keyWithout(text: ChunkedText, i: number): string {
  return `${text.chunks.length}:${i}:${text.prefix[0][i]}:${text.prefix[1][i]}:${text.suffix[0][i + 1]}:${text.suffix[1][i + 1]}`;
}

/** The two lists of chunks are the same but at place `i`. */
function sameBut(a: readonly string[], b: readonly string[], i: number): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (k !== i && a[k] !== b[k]) return false;
  return true;
}

/** Chunks that are words of the statement: a letter, nothing masked. */
function sharedWords(list: readonly string[]): number {
  let words = 0;
  for (const chunk of list) if (isWord(chunk)) words++;
  return words;
}

/** The chunk is a word of the statement's own: a letter and no <*> (`authenticated`, `peers:`, `802.11:` is not). */
function isWord(chunk: string): boolean {
  return !chunk.includes(WILDCARD) && /\p{L}/u.test(chunk);
}

/**
 * `masked` (a chunk holding <*>) matches `chunk` with each <*> standing for some text, and each such text is no word:
 * empty, without letters (`::` in `[::]:XXXX`), or `chunk` holds a <*> of its own (a value masked in part). A bare
 * <*> matches only a chunk masked in part: beside a whole word it says nothing of which is the statement's.
 */
export function maskedValueMatch(masked: string, chunk: string): boolean {
  if (chunk === WILDCARD || chunk === masked) return false;
  const parts = masked.split(WILDCARD);
  if (parts.length < 2) return false;
  const maskedInPart = chunk.includes(WILDCARD);
  if (masked === WILDCARD) return maskedInPart;
  const head = parts[0];
  const last = parts[parts.length - 1];
  if (!chunk.startsWith(head) || chunk.length < head.length + last.length || !chunk.endsWith(last)) return false;
  const end = chunk.length - last.length;
  // Each literal part between two <*> at its first place after the one before (a glob's leftmost match).
  let at = head.length;
  const spans: string[] = [];
  for (let i = 1; i < parts.length - 1; i++) {
    const found = chunk.indexOf(parts[i], at);
    if (found < 0 || found + parts[i].length > end) return false;
    spans.push(chunk.slice(at, found));
    at = found + parts[i].length;
  }
  spans.push(chunk.slice(at, end));
  return maskedInPart || spans.every((span) => !/\p{L}/u.test(span));
}
