// The features of a merge decision between two final templates of one file (same token count, differing in a few
// positions): generic measures of where they differ, what the differing words look like, how the file uses those
// words and how many lines each template holds. No word of any log is named here: the learned model (merge-model.ts)
// weighs these, and the merge pass (merge-pass.ts) asks it about each candidate pair.
import { WILDCARD } from './tokenize';

/** One final template as the merge pass sees it: its tokens (<*> for variables), the text after each, its lines. */
export interface MergeItem {
  tokens: readonly string[];
  /** seps[i] is the text between tokens[i] and tokens[i + 1] (tokenize's TokenizedMessage.seps). */
  seps: readonly string[];
  /** Lines the template holds. */
  count: number;
  /** The template's id, for a caller that looks at the pairs (not read here). */
  id?: number;
}

/** Names of the features, in the order pairFeatures returns them (the training script writes them with the model). */
export const FEATURE_NAMES = [
  'diffs', 'diffShare', 'logLength', 'firstAt', 'atStart', 'atEnd', 'contiguous',
  'wildcardSide', 'wildcardInside', 'digit', 'allDigits', 'hexLike', 'lower', 'capitalized', 'upper', 'mixedCase',
  'punct', 'pathLike', 'sameShape', 'logWordLength', 'lengthGap', 'commonPrefix', 'commonSuffix', 'labelBefore',
  'equalsBefore', 'bracketed', 'logFamilyValues', 'logFamily', 'logMinLines', 'logMaxLines', 'lineRatio',
  'logWordSpread', 'minWordSpread', 'keptWords', 'keptShare', 'wildcards', 'bothAlpha', 'logLines',
] as const;

/** Words of each template of a file and how many templates hold each word (counted once per template). */
export interface MergeContext {
  /** word -> templates holding it */
  spread: Map<string, number>;
  /** Per token count, per position, per the rest of the template (the other positions joined): the distinct words. */
  families: Map<number, Map<string, Set<string>>[]>;
  /** Lines of the file's templates in all. */
  lines: number;
}

const KEY_SEP = '\u0000';

/** The context pairFeatures reads, built once over all the items the pass will compare (work: their tokens). */
export function mergeContext(items: readonly MergeItem[], comparedLengths: ReadonlySet<number>): MergeContext {
  const spread = new Map<string, number>();
  const families = new Map<number, Map<string, Set<string>>[]>();
  let lines = 0;
  for (const item of items) {
    lines += item.count;
    for (const word of new Set(item.tokens)) spread.set(word, (spread.get(word) ?? 0) + 1);
    const length = item.tokens.length;
    if (!comparedLengths.has(length)) continue;
    let byPosition = families.get(length);
    if (!byPosition) families.set(length, (byPosition = Array.from({ length }, () => new Map<string, Set<string>>())));
    for (let p = 0; p < length; p++) {
      const key = familyKey(item.tokens, p);
      const values = byPosition[p].get(key);
      if (values) values.add(item.tokens[p]);
      else byPosition[p].set(key, new Set([item.tokens[p]]));
    }
  }
  return { spread, families, lines };
}

function familyKey(tokens: readonly string[], position: number): string {
  return tokens.slice(0, position).join(KEY_SEP) + KEY_SEP + KEY_SEP + tokens.slice(position + 1).join(KEY_SEP);
}

type Shape = 'digits' | 'digit' | 'lower' | 'capitalized' | 'upper' | 'mixed' | 'other';

function shapeOf(word: string): Shape {
  if (/^\d+$/.test(word)) return 'digits';
  if (/\d/.test(word)) return 'digit';
  if (/^[a-z]+$/.test(word)) return 'lower';
  if (/^[A-Z][a-z]+$/.test(word)) return 'capitalized';
  if (/^[A-Z]+$/.test(word)) return 'upper';
  if (/^[A-Za-z]+$/.test(word)) return 'mixed';
  return 'other';
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** Positions where two templates of the same token count differ (up to `limit + 1` of them: more is "too many"). */
export function differingPositions(a: readonly string[], b: readonly string[], limit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      out.push(i);
      if (out.length > limit) break;
    }
  }
  return out;
}

/**
 * The features of merging `a` and `b` (same token count), differing at `diffs` (ascending), in FEATURE_NAMES order.
 * Shares are 0..1, counts enter as log1p.
 */
export function pairFeatures(a: MergeItem, b: MergeItem, diffs: readonly number[], context: MergeContext): number[] {
  const length = a.tokens.length;
  const n = diffs.length;
  const first = diffs[0];
  const last = diffs[n - 1];
  let wildcardSide = 0, wildcardInside = 0, digit = 0, allDigits = 0, hexLike = 0, lower = 0, capitalized = 0, upper = 0, mixed = 0;
  let punct = 0, pathLike = 0, sameShape = 0, wordLength = 0, lengthGap = 0, prefix = 0, suffix = 0, labelBefore = 0, equalsBefore = 0;
  let bracketed = 0, bothAlpha = 0, spreadSum = 0, minSpread = Infinity;
  for (const p of diffs) {
    const x = a.tokens[p];
    const y = b.tokens[p];
    if (x === WILDCARD || y === WILDCARD) wildcardSide++;
    for (const w of [x, y]) {
      if (w !== WILDCARD && w.includes(WILDCARD)) wildcardInside += 0.5;
      const shape = shapeOf(w);
      if (shape === 'digits') allDigits += 0.5;
      if (shape === 'digits' || shape === 'digit') digit += 0.5;
      if (/^(0x)?[0-9a-fA-F]{6,}$/.test(w) && /\d/.test(w)) hexLike += 0.5;
      if (shape === 'lower') lower += 0.5;
      if (shape === 'capitalized') capitalized += 0.5;
      if (shape === 'upper') upper += 0.5;
      if (shape === 'mixed') mixed += 0.5;
      if (/[./:_@-]/.test(w)) punct += 0.5;
      if (w.includes('/')) pathLike += 0.5;
      wordLength += Math.log1p(w.length) / 2;
      const s = context.spread.get(w) ?? 1;
      spreadSum += Math.log1p(s) / 2;
      minSpread = Math.min(minSpread, s);
    }
    if (shapeOf(x) === shapeOf(y)) sameShape++;
    if (/^[A-Za-z]+$/.test(x) && /^[A-Za-z]+$/.test(y)) bothAlpha++;
    lengthGap += Math.abs(x.length - y.length) / Math.max(1, x.length, y.length);
    prefix += commonPrefix(x, y) / Math.max(1, Math.min(x.length, y.length));
    suffix += commonSuffix(x, y) / Math.max(1, Math.min(x.length, y.length));
    const before = p > 0 ? a.seps[p - 1] ?? '' : '';
    const beforeWord = p > 0 ? a.tokens[p - 1] : '';
    if (/[:=]\s*$/.test(before) || /[:=]$/.test(beforeWord)) labelBefore++;
    if (/=\s*$/.test(before)) equalsBefore++;
    if (/[[(<{'"]\s*$/.test(before) || /^\s*[\])>}'"]/.test(a.seps[p] ?? '')) bracketed++;
  }
  const family = context.families.get(length)?.[first]?.get(familyKey(a.tokens, first));
  const familyValues = family?.size ?? 2;
  let kept = 0, wildcards = 0;
  for (let i = 0; i < length; i++) {
    if (a.tokens[i] === b.tokens[i] && !a.tokens[i].includes(WILDCARD)) kept++;
    if (a.tokens[i] === WILDCARD) wildcards += 0.5;
    if (b.tokens[i] === WILDCARD) wildcards += 0.5;
  }
  const small = Math.min(a.count, b.count);
  const large = Math.max(a.count, b.count);
  return [
    n, n / length, Math.log1p(length), length > 1 ? first / (length - 1) : 0, first === 0 ? 1 : 0, last === length - 1 ? 1 : 0,
    last - first + 1 === n ? 1 : 0,
    wildcardSide / n, wildcardInside / n, digit / n, allDigits / n, hexLike / n, lower / n, capitalized / n, upper / n, mixed / n,
    punct / n, pathLike / n, sameShape / n, wordLength / n, lengthGap / n, prefix / n, suffix / n, labelBefore / n,
    equalsBefore / n, bracketed / n, Math.log1p(familyValues), Math.log1p(family?.size ?? 0), Math.log1p(small), Math.log1p(large), small / large,
    spreadSum / n, Math.log1p(minSpread), Math.log1p(kept), kept / length, wildcards / length, bothAlpha / n, Math.log1p(context.lines),
  ];
}
