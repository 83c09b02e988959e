// Online, single-pass template miner in the spirit of Drain (He et al., ICWS 2017): messages are masked and tokenized,
// routed through a fixed-depth tree (token count, then the leading tokens) to a small list of clusters, and joined to
// the most similar one when enough tokens agree; differing positions become <*>. Memory is bounded by the number of
// templates (capped), not by the number of lines.
import { cutText } from '../../shared/sanitize';
import { isAsciiLetter, isDigitCode, nextArrow } from '../format/chars';
import { LEVELS, type Level, type Template } from '../format/types';
import { mergeHeaderForms, messageLead } from './form-merge';
import type { MergeItem } from './merge-features';
import { learnedMergeGroups, type MergeScorer } from './merge-pass';
import { recordValueSlots } from './records';
import { SequenceCache, ShapeCache } from './sequence-cache';
import { isEnumConstant, tokenizedScan, TokenScan, WILDCARD, type Tokenized } from './tokenize';
import { keyEqualsAfter, keyEqualsBefore, mergeByVariability, quoteMarkAt, type PositionUnit, type VariabilityRule } from './variability';

// Where it has always been imported from; it lives in tokenize.ts, which reads field values with it.
export { isEnumConstant };

export interface TemplateMinerOptions {
  /** Share of a template's tokens that must equal the message's for the message to join it (0..1). */
  similarityThreshold?: number;
  /** Leading tokens used to route a message in the tree (Drain's depth minus two). */
  leadingTokens?: number;
  /** Children per tree node before further distinct tokens share a wildcard branch. */
  maxChildren?: number;
  /** Most templates kept; later unmatched messages join their closest template, or an overflow group. */
  maxTemplates?: number;
  /** Example lines kept per template. */
  maxExamples?: number;
  /** Longest example line kept (characters). */
  maxExampleLength?: number;
  /** Record the line numbers each template covers (memory grows with lines). */
  trackLines?: boolean;
  /** Only this many leading characters of a message are mined (a megabyte line costs no more than a long one). */
  maxMessageLength?: number;
  /** Stop recording line numbers after this many lines (memory bound); templates then hold fewer numbers than lines. */
  maxTrackedLines?: number;
  /**
   * A <*> that only ever held at most this many distinct plain words is a choice between events (start/over,
   * root/guest), listed as one template per word; one more distinct word makes it a variable.
   */
  maxSplitValues?: number;
  /**
   * Share of a file's sample messages (0..1) a leading column must behave the same on to be cut as a header column
   * (see columns.ts); callers learn the columns per file with learnMessageColumns and this share.
   */
  headerColumnShare?: number;
  /**
   * Templates that differ in one position only, where up to this many distinct words occur, stay apart when each word
   * holds at least minLinesPerValue lines (typically): those words name events (see variability.ts).
   */
  maxEventValues?: number;
  /** Lines a word typically (median) holds for its position to name events rather than hold a variable. */
  minLinesPerValue?: number;
  /**
   * Look messages up by their shape before tokenizing them (ShapeCache, default true). The result is the same either
   * way; false is for tests that compare the two paths.
   */
  shapeCache?: boolean;
  /**
   * The last merge of final templates (merge-pass.ts): a scorer of template pairs (MERGE_MODEL of merge-model.ts, or
   * a study's own to see the candidates); none by default (learn35: the model's transfer gain is small and it joins
   * lines that unit tests of the hand rules keep apart; the lead decides whether it becomes the default).
   */
  learnedMerge?: MergeScorer | false;
}

/**
 * The miner's tuned thresholds with the candidate values an evaluation may fit them from (e.g. leave-one-system-out:
 * fixed on all systems but one, measured on that one). Every key is a field of TemplateMinerOptions; the first value
 * of each list is not necessarily the default (see DEFAULT_MINER_OPTIONS).
 */
export const TUNABLE_MINER_OPTIONS = {
  similarityThreshold: [0.4, 0.5, 0.6, 0.7],
  leadingTokens: [1, 2, 3],
  maxSplitValues: [2, 3, 4, 5],
  headerColumnShare: [0.8, 0.9, 0.95],
  maxEventValues: [4, 6, 10, 16],
  minLinesPerValue: [3, 5, 10, 20],
} satisfies { [K in keyof TemplateMinerOptions]?: NonNullable<TemplateMinerOptions[K]>[] };

/** The defaults of the tunable options (what log_patterns and error_summary use). */
export const DEFAULT_MINER_OPTIONS: { [K in keyof typeof TUNABLE_MINER_OPTIONS]: number } = {
  similarityThreshold: 0.5,
  leadingTokens: 2,
  maxSplitValues: 3,
  headerColumnShare: 0.9,
  maxEventValues: 10,
  minLinesPerValue: 10,
};

export interface MessageInfo {
  level?: Level;
  /** Epoch ms; undefined or NaN when the line has none (an invalid date counts as none too). */
  timestamp?: number;
  /** The raw line, kept as an example. Defaults to the message. */
  line?: string;
  /** 1-based line number, recorded when trackLines is on. */
  lineNumber?: number;
}

export interface MinedTemplate extends Template {
  /**
   * The cluster this template belongs to. Usually equal to `id`; a cluster whose <*> only held a few plain words is
   * listed as one template per word, all with the cluster's id here.
   */
  clusterId: number;
  /** Lines per level; lines without a level are not counted here. */
  levels: Partial<Record<Level, number>>;
  firstSeen?: number;
  lastSeen?: number;
  examples: string[];
  lineNumbers?: number[];
}

/** What is known about the lines of one template (or of one value group inside it). */
interface Stats {
  count: number;
  levelCounts: number[];
  /**
   * Earliest and latest timestamp (epoch ms), NaN while no line had one. Always numbers, so that V8 keeps them as
   * doubles written in place: an optional field took a new heap number for every line's write.
   */
  firstSeen: number;
  lastSeen: number;
  examples: string[];
  lineNumbers?: number[];
}

/** Lines of a cluster told apart by the plain words they carry where the template has <*> (at most maxSplitValues). */
interface ValueGroup {
  id: number;
  values: string[];
  stats: Stats;
}

interface Split {
  positions: number[];
  groups: Map<string, ValueGroup>;
}

interface Cluster {
  id: number;
  tokens: string[];
  lead: string;
  seps: string[];
  /** The quote marks around each token of the first line, as frameCode gives them (place() reads them, see scanFrames). */
  frames: Uint8Array;
  /** The message's standalone arrows (arrowsOf), which its lines all share. */
  arrows: string;
  stats: Stats;
  split?: Split;
}

interface TreeNode {
  children: Map<string, TreeNode>;
  /** The leaf's clusters, the one a message last joined or started first; at most LEAF_CANDIDATES (see there). */
  clusters: Cluster[];
}

/**
 * Clusters a message is compared with in its leaf: the ones most recently joined or started there. Drain compares a
 * message with every cluster of its leaf, which is quick while a leaf holds the few statements that share a length
 * and leading words (at most 9 in any log the project evaluates), but makes the work per line grow with the file
 * where lines share nothing (long lines of random words: every line its own cluster, thousands in one leaf). A bound
 * keeps a line's work proportional to its tokens; a statement that has not been seen while this many others of its
 * leaf were is compared no more and starts a new cluster if it comes back, listed as one template with the first when
 * their templates are the same (the listing merges them), so the bound costs at most a template shown twice.
 */
export const LEAF_CANDIDATES = 64;

/**
 * Characters of a message mined by default (maxMessageLength): enough that tokenize's token cap (256), not this cut,
 * ends a long message unless its tokens average 256 characters, so that its token count does not follow the width of
 * its early values; and a bound on the work and memory one line costs.
 */
const MAX_MESSAGE_LENGTH = 65_536;

const OVERFLOW_ID = 0;
/** Value groups kept per cluster (memory bound): beyond them, the position with most values becomes a variable. */
const MAX_SPLIT_GROUPS = 32;
/** Words that are values even when few: booleans and empties. */
const VALUE_WORDS = new Set(['true', 'false', 'null', 'none', 'nil', 'undefined', 'yes', 'no', 'TRUE', 'FALSE', 'NULL', 'None', 'True', 'False']);

function newStats(): Stats {
  return { count: 0, levelCounts: [0, 0, 0, 0, 0, 0], firstSeen: NaN, lastSeen: NaN, examples: [] };
}

function copyStats(stats: Stats): Stats {
  const copy: Stats = { count: stats.count, levelCounts: [...stats.levelCounts], firstSeen: stats.firstSeen, lastSeen: stats.lastSeen, examples: [...stats.examples] };
  if (stats.lineNumbers) copy.lineNumbers = [...stats.lineNumbers];
  return copy;
}

function mergeStats(into: Stats, from: Stats, maxExamples: number): void {
  into.count += from.count;
  for (let i = 0; i < into.levelCounts.length; i++) into.levelCounts[i] += from.levelCounts[i];
  // A comparison with NaN is false: a side without timestamps never wins, and one with them always beats NaN.
  if (!Number.isNaN(from.firstSeen) && !(from.firstSeen >= into.firstSeen)) into.firstSeen = from.firstSeen;
  if (!Number.isNaN(from.lastSeen) && !(from.lastSeen <= into.lastSeen)) into.lastSeen = from.lastSeen;
  for (const example of from.examples) if (into.examples.length < maxExamples && !into.examples.includes(example)) into.examples.push(example);
  if (from.lineNumbers) into.lineNumbers = into.lineNumbers ? [...into.lineNumbers, ...from.lineNumbers].sort((a, b) => a - b) : [...from.lineNumbers];
}

/**
 * Where a word ends without the full stop, ellipsis, `!` or `?` that ends its sentence (`SPP.`, `Frigate...`,
 * `processor...`, CUPS' `as the default!`): the marks a sentence ends with say nothing of the word, while a dot inside
 * one (`kickasstorrents.ws`) makes a name. A word that ends its sentence with another mark is still a plain word, so a
 * line that differs there (`as the default.` beside `as the default!`, two statements' texts) is told apart by its
 * words (recordSplit), not masked at once.
 */
function wordEnd(token: string): number {
  let end = token.length;
  while (end > 1 && isSentenceEnd(token.charCodeAt(end - 1))) end--;
  return end;
}

/** `.`, `!` or `?`: a mark a sentence ends with. */
function isSentenceEnd(code: number): boolean {
  return code === 46 /* . */ || code === 33 /* ! */ || code === 63; /* ? */
}

/**
 * A token that may name one of a few alternatives: a short plain word (letters, `_`, `-`), not a boolean or null. A
 * word that ends a sentence (`by client SPP.`, `Exiting event cleanup...`) is one too: the full stop or ellipsis does
 * not make a constant a value. Dotted names inside (`android.intent.action.TIME_TICK`, `com.example.app`) are values:
 * packages, keys, intents.
 */
function isPlainWord(token: string): boolean {
  const end = wordEnd(token);
  if (end > 24 || VALUE_WORDS.has(end === token.length ? token : token.slice(0, end))) return false;
  for (let i = 0; i < end; i++) {
    const c = token.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!(letter || c === 95 /* _ */ || (c === 45 /* - */ && i > 0))) return false;
  }
  return end > 0;
}
/**
 * A token a statement may choose from a few (startSplit, recordSplit): a plain word, or a lone mark of punctuation
 * (`-`, `->`, `|`). A mark is the format string's own text: where one line holds a mark and another a word at one place
 * (`layer 497 - Done` beside `layer 498, region 0`), the two were printed by different statements, which the split
 * keeps apart until the place shows as many values as a variable does.
 */
function isSplitWord(token: string): boolean {
  return isPlainWord(token) || isMark(token);
}

/** One to three characters, none a letter, digit or space: `-`, `->`, `::`, `|`. */
function isMark(token: string): boolean {
  if (token.length === 0 || token.length > 3) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c <= 32 || c >= 127) return false;
  }
  return token !== WILDCARD;
}

/**
 * A word that is a value by its form: it holds a digit (`Isohunt2`, `tty2`) or is a dotted name (`kickasstorrents.ws`);
 * a full stop or ellipsis that ends a sentence (`SPP.`, `Starting Frigate...`, beside `Starting migrations`: two
 * statements) does not count. Where such words vary, the position is a variable, as place() and recordSplit() decide
 * when the lines meet in one cluster; the listing decides it across the tree's branches.
 */
function isValueWord(token: string): boolean {
  const end = wordEnd(token);
  for (let i = 0; i < end; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c === 46 && i > 0 && i < end - 1)) return true;
  }
  return false;
}

/** Bounded: keys are whole token sequences, so this is most of the miner's memory on high-variety logs. */
const CACHE_LIMIT = 20_000;
/** Shapes kept (ShapeCache): each holds one message and its ranges, so fewer than sequences. */
const SHAPE_LIMIT = 4096;

function newNode(): TreeNode {
  return { children: new Map(), clusters: [] };
}

function hasDigit(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

export class TemplateMiner {
  private readonly threshold: number;
  private readonly leadingTokens: number;
  private readonly maxChildren: number;
  private readonly maxTemplates: number;
  private readonly maxExamples: number;
  private readonly maxExampleLength: number;
  private trackLines: boolean;
  private readonly maxTrackedLines: number;
  private readonly maxMessageLength: number;
  private readonly rule: VariabilityRule;
  private readonly learnedMerge: MergeScorer | undefined;
  /** The listing as templates() last built it, and where each id returned by add() ended up; undefined when stale. */
  private view: { templates: MinedTemplate[]; finalIds: Map<number, number> } | undefined;
  private readonly roots = new Map<number, TreeNode>();
  private readonly clusters: Cluster[] = [];
  private readonly byId = new Map<number, Cluster>();
  /**
   * Exact masked token sequence -> cluster: most lines repeat a shape already seen, and are matched by comparing their
   * tokens in place, without making a string for them.
   */
  private readonly cache = new SequenceCache<Cluster>(CACHE_LIMIT);
  /** Message shape -> cluster, in front of `cache` (undefined when options.shapeCache is false). */
  private readonly shapes: ShapeCache<Cluster> | undefined;
  /** Reused for every message: the tokens of the one being added. */
  private readonly scan = new TokenScan();
  /** frameCode of each token of the message place() is placing (scratch, grown as needed, never shrunk). */
  private lineFrames = new Uint8Array(64);
  private overflow: Cluster | undefined;
  /**
   * Value groups folded into another when their cluster stopped telling lines apart by a position (dropSplitPosition):
   * retired id -> the id that took its lines. add() handed the retired ids out, so finalId() follows them here.
   */
  private readonly retired = new Map<number, number>();
  /**
   * Clusters of messages without tokens (`{}`, `]]]`, `=====`), by their trimmed text: such a message joins only the
   * cluster of the same text, found here at once (a leaf would compare it with every other such text).
   */
  private readonly bare = new Map<string, Cluster>();
  private firstBare: Cluster | undefined;
  private compared = 0;
  private lines = 0;
  private nextId = 1;

  constructor(options: TemplateMinerOptions = {}) {
    this.threshold = options.similarityThreshold ?? DEFAULT_MINER_OPTIONS.similarityThreshold;
    this.leadingTokens = options.leadingTokens ?? DEFAULT_MINER_OPTIONS.leadingTokens;
    this.rule = {
      maxSplitValues: options.maxSplitValues ?? DEFAULT_MINER_OPTIONS.maxSplitValues,
      maxEventValues: Math.max(options.maxEventValues ?? DEFAULT_MINER_OPTIONS.maxEventValues, options.maxSplitValues ?? 0),
      minLinesPerValue: options.minLinesPerValue ?? DEFAULT_MINER_OPTIONS.minLinesPerValue,
    };
    this.maxChildren = options.maxChildren ?? 100;
    this.maxTemplates = Math.max(1, options.maxTemplates ?? 5000);
    this.maxExamples = options.maxExamples ?? 3;
    this.maxExampleLength = options.maxExampleLength ?? 500;
    this.trackLines = options.trackLines ?? false;
    this.maxTrackedLines = options.maxTrackedLines ?? Infinity;
    this.maxMessageLength = options.maxMessageLength ?? MAX_MESSAGE_LENGTH;
    this.learnedMerge = options.learnedMerge || undefined;
    this.shapes = options.shapeCache === false ? undefined : new ShapeCache<Cluster>(SHAPE_LIMIT);
  }

  /**
   * Adds one message (the line's message part, without its header) and returns the id of the template it joined
   * (as listed by templates(); if word groups of a cluster later merge back, lines of the merged group are listed
   * under the cluster's id, also given as `clusterId`).
   */
  add(message: string, info: MessageInfo = {}): number {
    this.lines++;
    this.view = undefined;
    if (message.length > this.maxMessageLength) message = message.slice(0, this.maxMessageLength);
    // Most lines repeat a shape seen before and skip the tokenizer (ShapeCache); this.scan is restored to the message's
    // ranges only for a cluster split by its words (recordSplit reads them), the only reader of a scan after add().
    let cluster = this.shapes?.get(message, this.cache.generation, this.scan);
    if (cluster !== undefined) {
      if (cluster.split) this.shapes?.restore(this.scan);
    } else {
      const scan = this.scan.scan(message);
      const arrows = arrowsOf(message);
      // A message without tokens (`{}`, `]]]`, `=====`) is told apart by its text alone, which the cache does not key.
      cluster = this.cache.get(scan);
      // The cache keys tokens only; a line whose arrows point the other way is another statement (arrowsOf).
      if (cluster === undefined || otherArrows(cluster.arrows, arrows)) {
        const tokens = scan.tokens();
        cluster = this.place(tokens, message, arrows);
        this.cache.set(scan, tokens, cluster);
      }
      this.shapes?.set(scan, cluster, this.cache.generation);
    }
    if (this.trackLines && this.lines > this.maxTrackedLines) this.trackLines = false;
    const example = this.example(cluster, info.line ?? message);
    recordStats(cluster.stats, info, example, this.trackLines, this.maxExamples);
    return cluster.split ? this.recordSplit(cluster, cluster.split, info, example) : cluster.id;
  }

  get lineCount(): number {
    return this.lines;
  }

  /**
   * Template tokens compared with messages' tokens so far (place), a measure of the mining work that does not depend
   * on the machine: it grows with the lines and their tokens, never with the number of templates (LEAF_CANDIDATES).
   */
  get comparisons(): number {
    return this.compared;
  }

  /** Messages that skipped the tokenizer, found by their shape (ShapeCache): a measure of the cache's use. */
  get shapeHits(): number {
    return this.shapes?.hits ?? 0;
  }

  get templateCount(): number {
    return this.templates().length;
  }

  /** True once the template cap was reached and some messages were put in an approximate or overflow group. */
  get capped(): boolean {
    return this.overflow !== undefined || this.clusters.length >= this.maxTemplates;
  }

  /**
   * All templates, largest first. Templates that differ in one position only are merged here when the file shows that
   * position to be a variable (variability.ts); finalId() tells where an id returned by add() ended up.
   */
  templates(): MinedTemplate[] {
    return this.buildView().templates;
  }

  /** The id of the listed template (templates()) that now holds the lines add() gave `id`. */
  finalId(id: number): number {
    let current = id;
    for (let next = this.retired.get(current); next !== undefined; next = this.retired.get(current)) current = next;
    return this.buildView().finalIds.get(current) ?? current;
  }

  private buildView(): { templates: MinedTemplate[]; finalIds: Map<number, number> } {
    if (this.view) return this.view;
    const units: (PositionUnit & { cluster: Cluster; stats: Stats })[] = [];
    const prefixes = labelPrefixes(this.clusters);
    for (const cluster of this.overflow ? [...this.clusters, this.overflow] : this.clusters) {
      if (cluster.stats.count === 0) continue;
      const { slots, weak } = valueSlots(cluster, prefixes);
      if (cluster.split && cluster.split.groups.size > 1) {
        for (const group of cluster.split.groups.values()) {
          const tokens = [...cluster.tokens];
          cluster.split.positions.forEach((position, i) => (tokens[position] = group.values[i]));
          units.push({ id: group.id, tokens, count: group.stats.count, valueSlots: slots, weakSlots: weak, seps: cluster.seps, levels: group.stats.levelCounts, cluster, stats: group.stats });
        }
      } else units.push({ id: cluster.id, tokens: cluster.tokens, count: cluster.stats.count, valueSlots: slots, weakSlots: weak, seps: cluster.seps, levels: cluster.stats.levelCounts, cluster, stats: cluster.stats });
    }
    const finalIds = new Map<number, number>();
    // Clusters whose arrows differ are statements apart (arrowsOf), whatever their words: merged only among their own
    // when the file shows arrows of two kinds; one kind beside none is no sign (a header form may write a `=>`).
    const byArrows = new Map<string, number[]>();
    units.forEach((unit, index) => {
      const list = byArrows.get(unit.cluster.arrows);
      if (list) list.push(index);
      else byArrows.set(unit.cluster.arrows, [index]);
    });
    const merged = byArrows.size - (byArrows.has('') ? 1 : 0) <= 1
      ? mergeByVariability(units, this.rule, (word) => !isEnumConstant(word), isValueWord)
      : [...byArrows.values()].flatMap((indexes) => mergeByVariability(indexes.map((i) => units[i]), this.rule, (word) => !isEnumConstant(word), isValueWord)
        .map(({ members, tokens }) => ({ members: members.map((m) => indexes[m]), tokens })));
    const forms = mergeHeaderForms(merged.map(({ members, tokens }) => ({ tokens, seps: units[members[0]].cluster.seps, lead: units[members[0]].cluster.lead, count: members.reduce((sum, m) => sum + units[m].count, 0), levels: sumLevels(members.map((m) => units[m].levels)) })), this.rule.minLinesPerValue);
    // The learned merge pass (merge-pass.ts) joins what every rule above left apart: most wrongly grouped lines of the
    // studied excerpts were one event split over templates, and hand rules drawn from a few files did not transfer.
    // Its model (merge-model.ts, logistic regression over merge-features.ts: where the words differ, their shapes, the
    // label or bracket before them, how many values the file shows there, how widely the file uses the words, the
    // templates' lines) was fitted on the candidate pairs of 598 systems of real excerpts (batches 1-6, 8-29). Left
    // out one batch at a time (model and threshold fitted on the other 27): GA +0.0020 a batch on average, 16 batches
    // up, 12 down (from -0.023 to +0.054); batch 30, never read while it was built: 0.834 -> 0.845, 4 systems up, none down.
    // Off unless TemplateMinerOptions.learnedMerge is given (see there).
    // Each form's shown tokens (the barest member's, masked where its members disagree), for the learned merge pass.
    const shownOf = forms.map((form) => maskDisagreements(merged[form.members[0]].tokens, form.members.slice(1).map((index) => merged[index].tokens)));
    const items: MergeItem[] = !this.learnedMerge ? [] : forms.map((form, f) => {
      const seps = units[merged[form.members[0]].members[0]].cluster.seps;
      // A form cut at a label's tail (valueFrom) is shown shorter than its tokens: left out of the pass.
      const count = form.members.reduce((sum, index) => sum + merged[index].members.reduce((s, m) => s + units[m].count, 0), 0);
      return { tokens: form.valueFrom === undefined && form.from === 0 ? shownOf[f] : [], seps, count, id: units[merged[form.members[0]].members[0]].id };
    });
    const groups = this.learnedMerge ? learnedMergeGroups(items, this.learnedMerge) : forms.map((_, f) => [f]);
    const templates = groups.map((group) => {
      const form = forms[group[0]];
      // The shown form (the barest) first: its cluster renders the template, from where its message starts.
      const members = group.flatMap((f) => forms[f].members.flatMap((index) => merged[index].members));
      const first = units[members[0]];
      let stats = first.stats;
      if (members.length > 1) {
        stats = copyStats(stats);
        for (const member of members.slice(1)) mergeStats(stats, units[member].stats, this.maxExamples);
      }
      for (const member of members) finalIds.set(units[member].id, first.id);
      let shown = group.length === 1 ? shownOf[group[0]] : maskPositions(shownOf[group[0]], group.slice(1).map((f) => shownOf[f]));
      // A text after a label that is one value (value-spans.ts joinLabelTails) is shown as one <*>.
      if (form.valueFrom !== undefined) shown = [...shown.slice(0, form.valueFrom), WILDCARD];
      let text = render(first.cluster, shown, form.from);
      // Whatever the shown line had after the value's first token is part of the value.
      if (form.valueFrom !== undefined) text = text.slice(0, text.lastIndexOf(WILDCARD) + WILDCARD.length);
      return this.describe(first.id, first.cluster.id, text, stats);
    });
    this.view = { templates: templates.sort((a, b) => b.count - a.count || a.id - b.id), finalIds };
    return this.view;
  }

  /** The template text of a cluster id (as returned by add). */
  template(id: number): string | undefined {
    const cluster = id === OVERFLOW_ID ? this.overflow : this.byId.get(id);
    return cluster ? render(cluster, cluster.tokens) : undefined;
  }

  private describe(id: number, clusterId: number, template: string, stats: Stats): MinedTemplate {
    const levels: Partial<Record<Level, number>> = {};
    stats.levelCounts.forEach((count, index) => {
      if (count > 0) levels[LEVELS[index]] = count;
    });
    const result: MinedTemplate = { id, clusterId, template, count: stats.count, levels, examples: [...stats.examples] };
    if (!Number.isNaN(stats.firstSeen)) result.firstSeen = stats.firstSeen;
    if (!Number.isNaN(stats.lastSeen)) result.lastSeen = stats.lastSeen;
    // Shared with the miner, not copied (a file's worth of numbers): callers must not modify it.
    if (stats.lineNumbers) result.lineNumbers = stats.lineNumbers;
    return result;
  }

  private example(cluster: Cluster, line: string): string | undefined {
    if (cluster.stats.examples.length >= this.maxExamples && !cluster.split) return undefined;
    return line.length > this.maxExampleLength ? `${cutText(line, this.maxExampleLength)}…` : line;
  }

  /**
   * The value group of the message just scanned (its words at the split's positions), found by comparing its tokens
   * in place with each group's words: most lines find their group among a few, and need no string for it. Undefined
   * when the message's words make a new group.
   */
  private foundGroup(split: Split): ValueGroup | undefined {
    const positions = split.positions;
    for (const group of split.groups.values()) {
      let same = true;
      for (let i = 0; same && i < positions.length; i++) same = this.scan.tokenIs(positions[i], group.values[i]);
      if (same) return group;
    }
    return undefined;
  }

  /**
   * Adds the line just scanned to its value group, or gives up splitting on a position whose values turn out to be
   * many or masked.
   */
  private recordSplit(cluster: Cluster, split: Split, info: MessageInfo, example: string | undefined): number {
    let group = this.foundGroup(split);
    if (!group) {
      const values = split.positions.map((position) => this.scan.token(position));
      const key = values.join('\u0001');
      const bad = values.findIndex((value) => !isSplitWord(value));
      if (bad >= 0) {
        this.dropSplitPosition(cluster, split, bad);
        return cluster.split ? this.recordSplit(cluster, cluster.split, info, example) : cluster.id;
      }
      group = { id: this.nextId++, values, stats: newStats() };
      split.groups.set(key, group);
      recordStats(group.stats, info, example, this.trackLines, this.maxExamples);
      // Only a new group can push a position past the few values that make it a choice between events.
      if (split.groups.size > MAX_SPLIT_GROUPS || split.positions.some((_, i) => distinct(split, i) > this.rule.maxEventValues)) {
        let widest = 0;
        for (let i = 1; i < split.positions.length; i++) if (distinct(split, i) > distinct(split, widest)) widest = i;
        this.dropSplitPosition(cluster, split, widest);
        return cluster.split ? this.groupOf(cluster.split) : cluster.id;
      }
      return group.id;
    }
    recordStats(group.stats, info, example, this.trackLines, this.maxExamples);
    return group.id;
  }

  private groupOf(split: Split): number {
    const group = this.foundGroup(split);
    return group ? group.id : -1;
  }

  /** Stops telling lines apart by one position: groups that differed only there are merged. */
  private dropSplitPosition(cluster: Cluster, split: Split, index: number): void {
    const positions = split.positions.filter((_, i) => i !== index);
    if (positions.length === 0) {
      // Every line is the cluster's again: the ids add() gave the other groups' lines now name the cluster.
      for (const group of split.groups.values()) if (group.id !== cluster.id) this.retired.set(group.id, cluster.id);
      cluster.split = undefined;
      return;
    }
    const groups = new Map<string, ValueGroup>();
    // The cluster's own id survives a merge, so ids handed out before a split stay valid.
    const ordered = [...split.groups.values()].sort((a, b) => (a.id === cluster.id ? -1 : b.id === cluster.id ? 1 : a.id - b.id));
    for (const group of ordered) {
      const values = group.values.filter((_, i) => i !== index);
      const key = values.join('\u0001');
      const existing = groups.get(key);
      if (existing) {
        mergeStats(existing.stats, group.stats, this.maxExamples);
        this.retired.set(group.id, existing.id);
      } else groups.set(key, { id: group.id, values, stats: group.stats });
    }
    cluster.split = { positions, groups };
  }

  /** A template position that two plain words disagree on starts being tracked: until now every line had `previous` there. */
  private startSplit(cluster: Cluster, position: number, previous: string): void {
    if (!isSplitWord(previous)) return;
    const split = cluster.split;
    if (!split) {
      const stats = copyStats(cluster.stats);
      // The lines so far keep the id add() gave them: the group of the word they all had.
      cluster.split = { positions: [position], groups: new Map([[previous, { id: cluster.id, values: [previous], stats }]]) };
      return;
    }
    if (split.positions.length >= 3) return;
    const groups = new Map<string, ValueGroup>();
    for (const group of split.groups.values()) {
      const values = [...group.values, previous];
      groups.set(values.join('\u0001'), { id: group.id, values, stats: group.stats });
    }
    cluster.split = { positions: [...split.positions, position], groups };
  }

  private leaf(tokens: string[]): TreeNode {
    let node: TreeNode | undefined = this.roots.get(tokens.length);
    if (!node) {
      node = newNode();
      this.roots.set(tokens.length, node);
    }
    const depth = Math.min(this.leadingTokens, tokens.length);
    for (let i = 0; i < depth; i++) {
      const token = tokens[i];
      const key = token === WILDCARD || hasDigit(token) ? WILDCARD : token;
      let child: TreeNode | undefined = node.children.get(key);
      if (!child) {
        if (key !== WILDCARD && node.children.size >= this.maxChildren) {
          child = node.children.get(WILDCARD);
          if (!child) {
            child = newNode();
            node.children.set(WILDCARD, child);
          }
        } else {
          child = newNode();
          node.children.set(key, child);
        }
      }
      node = child;
    }
    return node;
  }

  private place(tokens: string[], message: string, arrows: string): Cluster {
    if (tokens.length === 0) return this.placeBare(message);
    const leaf = this.leaf(tokens);
    const candidates = leaf.clusters;
    // A line with arrows whose tokens the sequence cache holds for a cluster of the other direction (add) joins the
    // cluster of its own direction with those tokens, if there is one: the cache keeps one cluster per token sequence,
    // so lines that alternate directions would otherwise start a cluster at each change, and a message of few words
    // (one <*>: `[id: gt06 < 10.0.4.115] 7878…`) is similar to no template by its words.
    if (arrows !== '') {
      const twin = candidates.find((cluster) => cluster.arrows === arrows && sameTokens(cluster.tokens, tokens));
      if (twin) return twin;
    }
    let best: Cluster | undefined;
    let bestAt = -1;
    let bestSimilarity = -1;
    let bestWildcards = -1;
    const full = this.clusters.length >= this.maxTemplates;
    // Positions a template may differ at (or hold <*> at) and still be joined; past them a candidate is left, as it
    // cannot be chosen: only one at the threshold or above is, until the template cap is reached.
    const slack = full ? tokens.length : tokens.length - this.sameNeeded(tokens.length);
    const lineFrames = this.scanFrames(tokens.length);
    const tag = this.leadingTagTokens(tokens.length);
    for (let at = 0; at < candidates.length; at++) {
      const cluster = candidates[at];
      if (otherArrows(cluster.arrows, arrows)) continue;
      let same = 0;
      let wildcards = 0;
      const template = cluster.tokens;
      const frames = cluster.frames;
      let skip = false;
      for (let i = 0; i < template.length; i++) {
        // A plain word quoted otherwise than the template's token there is another statement's text (scanFrames); the
        // codes are compared first, as isPlainWord reads the whole token.
        if (template[i] === WILDCARD) {
          wildcards++;
          if (frames[i] !== lineFrames[i] && isPlainWord(tokens[i])) skip = true;
        } else if (template[i] === tokens[i]) same++;
        else if ((isEnumConstant(template[i]) && isEnumConstant(tokens[i])) || (frames[i] !== lineFrames[i] && isPlainWord(tokens[i]))) skip = true;
        if (skip || i + 1 - same > slack) {
          this.compared += i + 1;
          skip = true;
          break;
        }
      }
      if (skip) continue;
      this.compared += template.length;
      if (tag > 0 && !full && !this.sentenceSimilar(template, tokens, tag)) continue;
      const similarity = same / tokens.length;
      // Ties go to the older cluster (the lower id), whatever the order the leaf keeps them in.
      if (similarity > bestSimilarity || (similarity === bestSimilarity && (wildcards > bestWildcards || (wildcards === bestWildcards && cluster.id < best!.id)))) {
        best = cluster;
        bestAt = at;
        bestSimilarity = similarity;
        bestWildcards = wildcards;
      }
    }
    if (best && (bestSimilarity >= this.threshold || full)) {
      best.arrows ||= arrows;
      const template = best.tokens;
      for (let i = 0; i < template.length; i++) {
        if (template[i] === tokens[i] || template[i] === WILDCARD) continue;
        const previous = template[i];
        template[i] = WILDCARD;
        if (isSplitWord(tokens[i])) this.startSplit(best, i, previous);
        else if (best.split) {
          // A masked value where a word was: this position is a real variable.
          const index = best.split.positions.indexOf(i);
          if (index >= 0) this.dropSplitPosition(best, best.split, index);
        }
      }
      // To the front: the leaf keeps the clusters it saw last (LEAF_CANDIDATES).
      for (let at = bestAt; at > 0; at--) candidates[at] = candidates[at - 1];
      candidates[0] = best;
      return best;
    }
    if (full) return this.overflowCluster();
    const cluster = this.addCluster(tokens);
    cluster.arrows = arrows;
    candidates.unshift(cluster);
    if (candidates.length > LEAF_CANDIDATES) candidates.pop();
    return cluster;
  }

  /**
   * The frameCode of each of the `count` tokens of the message just scanned (this.scan), in a scratch array that the
   * next call overwrites: the quote marks right before and after each token in the message, and a key's `=` before it.
   *
   * place() keeps a message from a cluster where it holds a plain word at a position quoted otherwise than the cluster's
   * token there (frames differ): quote marks right around it in one and not the other, or other marks (MPD's `process
   * command list` beside `process command "status"`). A statement quotes what it fills in the same way on every line,
   * from its format string (`"%s"`); a bare word where the other quotes a value is another statement's own text, so the
   * two are not joined. The same for a key's `=` before the word (keyEqualsBefore): `prio = const` is no line of `prio
   * args = ""`. Only quotes and `=`: a bracket or parenthesis beside a word is as often a statement's own optional part
   * (`(has extras)`). Computed once a line rather than at every compared place of every candidate (long lines of
   * <*>: four character reads per place and candidate were a third of their mining).
   */
  private scanFrames(count: number): Uint8Array {
    if (this.lineFrames.length < count) this.lineFrames = new Uint8Array(Math.max(count, 2 * this.lineFrames.length));
    const frames = this.lineFrames;
    const { message, starts, ends } = this.scan;
    for (let i = 0; i < count; i++) frames[i] = frameCode(quoteMarkAt(message, starts[i] - 1), quoteMarkAt(message, ends[i]), keyEqualsBefore(message, starts[i]));
    return frames;
  }

  /**
   * Tokens of the message just scanned (this.scan, `count` tokens) that stand in square-bracket tags opening it
   * (`[INFO: Main] 3 prefixes`, `[Shinobu] [debug] Adding …`): columns of a header the file's format did not cut. 0
   * when the message opens otherwise, or when the tags hold all its tokens (nothing else to compare).
   */
  private leadingTagTokens(count: number): number {
    const { message, starts, ends } = this.scan;
    let at = 0;
    let tokens = 0;
    for (;;) {
      while (at < message.length && message.charCodeAt(at) === 32) at++;
      if (message.charCodeAt(at) !== 91 /* [ */) break;
      const close = message.indexOf(']', at + 1);
      if (close < 0) break;
      while (tokens < count && ends[tokens] <= close + 1 && starts[tokens] > at - 1) tokens++;
      at = close + 1;
    }
    return tokens < count ? tokens : 0;
  }

  /**
   * The message's tokens after its leading tags (`tag` of them) agree with the template's as similarity says, by
   * themselves: a tag the format left in the message (a level and a module's name, `[INFO: IPv6 DS   ]`) is the same
   * on every line of that module, and its words would make any two short sentences after it similar (`2 default
   * routers` / `Init: 16 neighbors` behind three equal tag words are half equal), which Drain's similarity, meant for
   * messages without their header, does not expect.
   */
  private sentenceSimilar(template: readonly string[], tokens: readonly string[], tag: number): boolean {
    let same = 0;
    for (let i = tag; i < tokens.length; i++) if (template[i] === tokens[i]) same++;
    return same >= this.sameNeeded(tokens.length - tag);
  }

  /** The fewest equal tokens out of `length` that make a template similar enough to join (similarityThreshold). */
  private sameNeeded(length: number): number {
    // The same sum place() makes: same / length, never a product that rounds differently.
    let same = Math.min(length, Math.max(0, Math.ceil(this.threshold * length)));
    while (same > 0 && (same - 1) / length >= this.threshold) same--;
    while (same < length && same / length < this.threshold) same++;
    return same;
  }

  /**
   * place() for a message without tokens: it joins the cluster of the same text (trimmed), the only one it would be
   * similar to; once the template cap is reached, a new text joins the first such cluster, as the closest of equally
   * dissimilar ones.
   */
  private placeBare(message: string): Cluster {
    const same = this.bare.get(message.trim());
    if (same) return same;
    if (this.clusters.length >= this.maxTemplates) return this.firstBare ?? this.overflowCluster();
    const cluster = this.addCluster([]);
    this.bare.set(cluster.lead.trim(), cluster);
    this.firstBare ??= cluster;
    return cluster;
  }

  private overflowCluster(): Cluster {
    return (this.overflow ??= this.newCluster(OVERFLOW_ID, { tokens: ['<other>'], seps: [''], lead: '' }));
  }

  /** A new cluster of its own for the message just scanned (this.scan), whose tokens are `tokens`, listed. */
  private addCluster(tokens: string[]): Cluster {
    const cluster = this.newCluster(this.nextId++, tokenizedScan(this.scan, tokens));
    this.clusters.push(cluster);
    this.byId.set(cluster.id, cluster);
    return cluster;
  }

  private newCluster(id: number, tokenized: Tokenized): Cluster {
    const { tokens, lead, seps } = tokenized;
    const frames = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const opened = i === 0 ? lead : seps[i - 1];
      frames[i] = frameCode(quoteMarkAt(opened, opened.length - 1), quoteMarkAt(seps[i] ?? '', 0), keyEqualsAfter(tokens[i - 1], opened));
    }
    return { id, tokens: [...tokens], lead, seps, frames, arrows: '', stats: newStats() };
  }
}

/**
 * The quote marks right before and after a token (quoteMarkAt's codes, -1 for none) and whether a key's `=` comes
 * before it (keyEqualsBefore) as one number, 0..31: equal codes for equal frames.
 */
function frameCode(before: number, after: number, afterEquals: boolean): number {
  return quoteIndex(before) | (quoteIndex(after) << 2) | (afterEquals ? 16 : 0);
}

/** 0 for no mark, 1..3 for `"`, `'` and a backtick. */
function quoteIndex(mark: number): number {
  return mark === 34 ? 1 : mark === 39 ? 2 : mark === 96 ? 3 : 0;
}

/**
 * The scanned message's standalone arrows in order, joined; '' for most messages.
 * An arrow is a word (white space or the message's end on both sides) made only of `<`, `>`, `-`, `=` and holding `<`
 * or `>`: `-->`, `<--`, `->`, `<=`, a lone `>`. The tokenizer keeps at most its dashes (`--`), so lines that differ
 * only in its direction would share one template. Why it holds: such a word holds no letter or digit, so it is no value
 * the program was given (numbers, names, addresses all hold one); it is the statement's own text, and its direction
 * says which way something went (`--> close` / `<-- close`, a frame sent or received): two statements, as `sent` and
 * `received` are. A mark glued to other text (`<0.283.0>`, `a->b`, `<nil>`) is not a word of its own and not read here.
 */
export function arrowsOf(message: string): string {
  let arrows = '';
  // Not where it stands: a name of several words before it moves it, and templates of other lengths merge later.
  for (let arrow = nextArrow(message, 0, message.length); arrow; arrow = nextArrow(message, arrow.end, message.length)) {
    arrows += `${message.slice(arrow.start, arrow.end)} `;
  }
  return arrows;
}

/** The two token sequences are the same, token by token. */
function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Arrows (arrowsOf) of two lines that tell them apart: both lines have some and they differ. A line without one beside a
 * line with one is no sign: a header form may write a mark between its fields and the message (`1 => Server listening
 * on …` beside `1|Server listening on …|<date>`), so only two directions at one statement's place are two statements.
 */
function otherArrows(a: string, b: string): boolean {
  return a !== b && a !== '' && b !== '';
}

function distinct(split: Split, index: number): number {
  const values = new Set<string>();
  for (const group of split.groups.values()) values.add(group.values[index]);
  return values.size;
}

function recordStats(stats: Stats, info: MessageInfo, example: string | undefined, trackLines: boolean, maxExamples: number): void {
  stats.count++;
  if (info.level !== undefined) stats.levelCounts[LEVELS.indexOf(info.level)]++;
  const timestamp = info.timestamp;
  // NaN (an invalid date) is no timestamp; see mergeStats for the comparisons.
  if (timestamp !== undefined && !Number.isNaN(timestamp)) {
    if (!(timestamp >= stats.firstSeen)) stats.firstSeen = timestamp;
    if (!(timestamp <= stats.lastSeen)) stats.lastSeen = timestamp;
  }
  if (example !== undefined && stats.examples.length < maxExamples && !stats.examples.includes(example)) stats.examples.push(example);
  if (trackLines && info.lineNumber !== undefined) (stats.lineNumbers ??= []).push(info.lineNumber);
}

/**
 * Positions of a cluster's tokens that its text frames as values (see PositionUnit.valueSlots): a token right after
 * `key=` (or `key=<`, `key=(`, `key=[`, `user=<postmaster>`) or a lower-case `key:` glued to it (`name:dd`), a token in parentheses glued to a name
 * (`VRRP_Script(chk_haproxy)`, a call's argument) and a token between two quote marks of one kind (`name is "SNOOPY"`,
 * `for 'AES' (4 cipher suites)`) or alone in square brackets (`types [apfs]`), and the values of a record of `label:
 * value` fields (records.ts: `networkInterface: Ethernet wlan0, Speed: …`), and a token the statement pads with runs of
 * spaces (isPaddedSlot: Luigi's `task   %s   has status   %s`). `weak` lists those a weaker frame marks
 * (PositionUnit.weakSlots): a token alone in angle brackets (`realm <openvidu>`), the one token after a label's `: `
 * that ends the message (`Adding protocol support for: AMQP`) when the label also opens longer statements of the file
 * (`prefixes`, see isLabelValueSlot; otherwise a full slot) and a note in parentheses after a value or a name
 * (isNoteSlot). Both undefined when there are none.
 */
function valueSlots(cluster: Cluster, prefixes: ReadonlySet<string>): { slots?: number[]; weak?: number[] } {
  let slots: number[] | undefined;
  let weak: number[] | undefined;
  const record = recordValueSlots(cluster.tokens, cluster.seps, cluster.lead);
  // A quoted first token is a value as any quoted token is (`'DEFAULT_LOCALE' loaded from config.json`): see
  // isQuotedLead. Other first words name the statement and are left to mergeLeadingValues' rules.
  if (cluster.tokens.length >= 2 && isQuotedLead(cluster.tokens[0], cluster.lead, cluster.seps[0] ?? '')) (slots ??= []).push(0);
  // A <*> position counts too: a split cluster's value groups have their words there (buildView).
  for (let i = 1; i < cluster.tokens.length; i++) {
    const before = cluster.seps[i - 1];
    const after = cluster.seps[i] ?? '';
    const label = isLabelValueSlot(cluster, i);
    if (record?.includes(i) || isFieldValueSlot(cluster.tokens[i - 1], before) || isArgumentSlot(cluster.tokens[i - 1], before, after) || isQuotedSlot(before, after) || isPaddedSlot(before, after, i === cluster.tokens.length - 1) || (label && !prefixes.has(labelKey(cluster.tokens, i)))) (slots ??= []).push(i);
    else if (isAngleSlot(before, after) || label || isNoteSlot(cluster.tokens[i - 1], before, after) || isNumberedLabelValueSlot(cluster, i)) {
      (slots ??= []).push(i);
      (weak ??= []).push(i);
    }
  }
  return { slots, weak };
}

/**
 * The token is alone in angle brackets opened after a space (`realm <openvidu> user <G4VKCQ>`, `RCPT <a@b.example>`),
 * as programs write an address or a name they were given. A weak slot: `<Notice>` is as often a level or a tag.
 */
function isAngleSlot(before: string, after: string): boolean {
  return before.length >= 2 && before.charCodeAt(before.length - 1) === 60 /* < */ && after.charCodeAt(0) === 62 /* > */ && (before[before.length - 2] === ' ' || before[before.length - 2] === '\t');
}

/**
 * Token `i` is the last of the message and a label's `: ` comes before it, after a word of prose (`Adding protocol
 * support for: AMQP`, `Loaded plugin: homebridge-hue`, `FIPS Mode: OFF`): the one thing the sentence was given, so two
 * words there are two values of one statement (a full slot: valueSlots), judged by their counts as every value slot is
 * (two words that each hold many lines still sort lines into events). Why it holds: a program that names a value
 * prints the name once, in its format string (`"FIPS Mode: %s"`), and fills in what it has; the studied truth labels
 * 74 of 77 sets of messages that differ only in that token as one event. The exception is a label that also opens longer statements
 * of the file (labelPrefixes: AdGuard Home's `hosts container: starting` / `refreshing` beside `hosts container:
 * added ip-host pair …`): it names the part of the program that speaks, as a logger's prefix does, and the word after
 * it is that part's event; there the slot stays weak (three words, or a <*>, make it data). A label that is a code
 * name (`app_core::serve: new`, `linkerd2_app: exit`, `auth.session: enter`) is not a sentence either: it names where
 * the program is, as a logger or tracing target does, and the word after it is the event itself (a span's `new` /
 * `enter` / `exit`), so no slot is read there.
 */
function isLabelValueSlot(cluster: Cluster, i: number): boolean {
  if (i !== cluster.tokens.length - 1 || cluster.seps[i - 1] !== ': ' || cluster.tokens[i - 1] === WILDCARD) return false;
  if ((cluster.seps[i] ?? '').trim() !== '') return false;
  const before = i >= 2 ? cluster.seps[i - 2] : cluster.lead;
  return PROSE_WORD.test(cluster.tokens[i - 1]) && (i < 2 || /\s$/.test(before ?? ''));
}

/**
 * Token `i` is the last of the message and the label before its `: ` ends in a value that a word of prose names (`init
 * module 0: validator`, `Connection 12: ANNOUNCE`): the label counts what it labels, and the word after it is what the
 * statement was given for that number (Unbound's `"init module %d: %s"` over its module stack). A weak slot
 * (valueSlots): three words, or a <*>, make it data, since two words after a numbered label are as often two statements
 * (`Job 4: completed` / `Job 7: failed`). A label that is only a name glued to its number (BIRD's `bgp1: Starting`)
 * names the part of the program that speaks, and the word after it is that part's event: no slot is read there.
 */
function isNumberedLabelValueSlot(cluster: Cluster, i: number): boolean {
  if (i < 2 || i !== cluster.tokens.length - 1 || cluster.seps[i - 1] !== ': ' || cluster.tokens[i - 1] !== WILDCARD) return false;
  if ((cluster.seps[i] ?? '').trim() !== '' || cluster.seps[i - 2] !== ' ') return false;
  const before = i >= 3 ? cluster.seps[i - 3] : cluster.lead;
  return PROSE_WORD.test(cluster.tokens[i - 2]) && (i < 3 || /\s$/.test(before ?? ''));
}

/** The tokens before place `i` (the label's words up to its `: `), as labelPrefixes keys them. */
function labelKey(tokens: readonly string[], i: number): string {
  return tokens.slice(0, i).join('\u0001');
}

/**
 * The labels that open a statement with more than one token after their `: ` (each keyed by labelKey: the tokens up
 * to the label's word), among those that end some cluster's message before its last token (isLabelValueSlot): a label
 * the file writes before sentences names the part of the program that speaks. Read from every cluster once per
 * listing, not per line; only at the lengths such labels have, so a cluster's work is its tokens times a few lengths.
 */
function labelPrefixes(clusters: readonly Cluster[]): Set<string> {
  const prefixes = new Set<string>();
  const lengths = new Set<number>();
  for (const cluster of clusters) if (cluster.tokens.length >= 2 && isLabelValueSlot(cluster, cluster.tokens.length - 1)) lengths.add(cluster.tokens.length - 1);
  if (lengths.size === 0) return prefixes;
  for (const cluster of clusters) {
    for (const length of lengths) if (cluster.tokens.length > length + 1 && cluster.seps[length - 1] === ': ') prefixes.add(labelKey(cluster.tokens, length));
  }
  return prefixes;
}

/** A word of a sentence: letters, with an inner hyphen or apostrophe (`built-in`, `don't`); no digit, `_` or dot. */
const PROSE_WORD = /^\p{L}+(?:['-]\p{L}+)*$/u;

/**
 * `sep` (the text between `key` and the next token) makes that token the key's value: `=`, or `=` and `<`, `(`, `[`.
 * The key is a name (ending in a letter, digit or `_`) or a masked one (`dbms.memory.heap.max_size=<*>`).
 */
function isFieldValueSlot(key: string, sep: string): boolean {
  if (sep === ':') return isGluedLabel(key);
  if (!(sep === '=' || (sep.length === 2 && sep.charCodeAt(0) === 61 /* = */ && '<(['.includes(sep[1])))) return false;
  return key === WILDCARD || endsInNameChar(key);
}

/**
 * A key glued to its value by a colon alone (`app name:dd id:0`, pm2's `name:%s`): a lower-case word of letters, as a
 * program spells the name of a field it fills in. Upper-case and mixed words before a colon are more often a name's own
 * parts (`EventType:`, `C:`), and a value glued to a <*> is a port or a time, masked already.
 */
function isGluedLabel(key: string): boolean {
  if (key.length < 2) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c === 95 /* _ */ && i > 0))) return false;
  }
  return true;
}

/**
 * The token is the only one in parentheses or square brackets glued to the name before it: `name(value)`, a call's
 * argument, and `name[value]` (SonarQube's `Process[web] is stopped`, a name indexed by the one it is about), as a
 * program writes what it was given right after the name of what it describes.
 */
function isArgumentSlot(name: string, before: string, after: string): boolean {
  const close = before === '(' ? 41 /* ) */ : before === '[' ? 93 /* ] */ : -1;
  return close !== -1 && after.charCodeAt(0) === close && name !== WILDCARD && endsInNameChar(name);
}

/**
 * The token stands between runs of two or more spaces (`task   %s   has status   %s`), or after one at the message's
 * end: what the statement was given, set off by padding as a format pads a field (`%-10s`, a column's width). Why it
 * holds: a sentence's own words are joined by single spaces; a program widens the gap around what it fills in, so
 * the words there are values, judged by the counts as every value slot is (mergeValueSlots: two values that each
 * hold many lines still sort lines into events). A header's aligned columns are cut before the message is mined.
 */
function isPaddedSlot(before: string, after: string, last: boolean): boolean {
  if (!(before.length >= 2 && before.charCodeAt(before.length - 1) === 32 && before.charCodeAt(before.length - 2) === 32)) return false;
  if (last && after.trim() === '') return true;
  return after.length >= 2 && after.charCodeAt(0) === 32 && after.charCodeAt(1) === 32;
}

/** The word ends in a letter, a digit or `_`. */
function endsInNameChar(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return isDigitCode(last) || isAsciiLetter(last) || last === 95; /* _ */
}

/**
 * The text before a token ends in a quote mark that opens a quote as the tokenizer reads one (after a space, `=`, `:`,
 * `(` or `[`, not glued to a word: `u'esp'`) and the text after it starts with the same mark; or the token is alone in
 * square brackets after a space (`types [apfs]`, as Elasticsearch writes every value).
 */
function isQuotedSlot(before: string, after: string): boolean {
  const open = before.charCodeAt(before.length - 1);
  if (before.length < 2) return false;
  if (open === 91 /* [ */) return after.charCodeAt(0) === 93 /* ] */ && (before[before.length - 2] === ' ' || before[before.length - 2] === '\t');
  if (!(open === 34 /* " */ || open === 39 /* ' */) || after.charCodeAt(0) !== open) return false;
  return ' \t=:(['.includes(before[before.length - 2]);
}

/**
 * The message opens with a one-word token alone in quotes (`lead` is the text before it, `after` the text after it):
 * `'X'` or `"X"`, the quote opening the message or after a space. A quoted text of several words there is the
 * statement's own message, as klog's structured lines open (`"setup maxprocs..." logger="setup"`), not a value. Why it
 * holds: a program quotes what it was given, a setting's,
 * a file's or a thing's name, wherever the sentence puts it (Open WebUI's `log.info(f"'{name}' loaded from
 * config.json")` over its settings, Monit's `'nodejs' trying to restart`, Tvheadend's `'video' context type
 * registered`); its own first word is spelled bare. The quotes make the first word a value slot like any other
 * (mergeValueSlots: two or three values are enough unless each holds many lines), whatever its case: UPPER_CASE names
 * in quotes (`'OPENAI_API_KEYS'`) are data, not the program's enumeration constants.
 */
function isQuotedLead(token: string, lead: string, after: string): boolean {
  if (/\s/.test(token)) return false;
  const mark = lead.charCodeAt(lead.length - 1);
  if (!(mark === 34 /* " */ || mark === 39 /* ' */) || after.charCodeAt(0) !== mark) return false;
  return lead.length === 1 || lead[lead.length - 2] === ' ' || lead[lead.length - 2] === '\t';
}

/**
 * The token is alone in parentheses opened after a space, right after a value or a name (`source '…'
 * (cut_transition) created` / `(wasapi_input_capture)` / `(wasapi_output_capture)`): a note on what that value or
 * thing is, its kind, state or own name, which the statement fills in. A weak slot: two notes are as often two
 * statements (the kernel's memory map, `BIOS-e820: <*> - <*> (usable)` / `(reserved)`, which Loghub labels apart).
 * After a word of prose the parentheses qualify that word with the program's own text (`Completed initial scan (rw) of
 * folder`, `scan (ro)`: two statements), so no slot is read there. `previous` is the token before, `before` and
 * `after` the texts around the token.
 */
function isNoteSlot(previous: string, before: string, after: string): boolean {
  if (!(before.length >= 2 && before.charCodeAt(before.length - 1) === 40 /* ( */ && after.charCodeAt(0) === 41 /* ) */)) return false;
  const space = before[before.length - 2];
  return (space === ' ' || space === '\t') && !PROSE_PHRASE_WORD.test(previous);
}

/** A word as prose spells it: letters, lower case after the first (`scan`, `Level`, `built-in`); not a name or a value. */
const PROSE_PHRASE_WORD = /^\p{L}\p{Ll}*(?:['-]\p{Ll}+)*$/u;

/** `shown` with <*> wherever one of `others` (same token count: the learned pass's joins) has another word. */
function maskPositions(shown: readonly string[], others: readonly (readonly string[])[]): string[] {
  return shown.map((word, i) => (others.some((tokens) => tokens[i] !== word) ? WILDCARD : word));
}

/**
 * The shown member's tokens, with every place where another member of its group holds a different token masked: a
 * group joined across forms (header forms, request methods, loose cores) must not show a constant that only some of
 * its lines hold (`GET <*>` over POST lines). A member of the same length is compared place by place; one of another
 * length masks what lies between the start and end the two share. A member that differs in more than a third of the
 * places (and more than two) is aligned otherwise (another header in front) and is left out of the comparison.
 */
function maskDisagreements(shown: readonly string[], others: readonly (readonly string[])[]): string[] {
  const out = [...shown];
  const most = Math.max(2, Math.floor(shown.length / 3));
  for (const tokens of others) {
    if (tokens.length === shown.length) {
      let differ = 0;
      for (let i = 0; i < shown.length; i++) if (tokens[i] !== shown[i]) differ++;
      if (differ === 0 || differ > most) continue;
      for (let i = 0; i < shown.length; i++) if (tokens[i] !== shown[i]) out[i] = WILDCARD;
      continue;
    }
    // Another length (a value of one token in one line and none or two in another): what lies between the longest
    // start and end the two share is masked in the shown member, when that is a few tokens (`HTTP POST <*> failed`
    // beside `HTTP GET / failed`); an insertion in the other member leaves the shown one as it is.
    const shortest = Math.min(tokens.length, shown.length);
    let start = 0;
    while (start < shortest && tokens[start] === shown[start]) start++;
    let end = 0;
    while (end < shortest - start && tokens[tokens.length - 1 - end] === shown[shown.length - 1 - end]) end++;
    const between = shown.length - end - start;
    if (between <= 0 || between > most) continue;
    for (let i = start; i < shown.length - end; i++) out[i] = WILDCARD;
  }
  return out;
}

/** The template's text; from token `from` on when a header run before it is left out (form-merge.ts). */
function render(cluster: Cluster, tokens: string[], from = 0): string {
  let text = messageLead(cluster, from);
  for (let i = from; i < tokens.length; i++) text += tokens[i] + (cluster.seps[i] ?? ' ');
  return text.trimEnd();
}

/** Per-level line counts added up; undefined when none of them had levels. */
function sumLevels(all: ReadonlyArray<readonly number[] | undefined>): number[] | undefined {
  let sum: number[] | undefined;
  for (const levels of all) {
    if (!levels) continue;
    if (!sum) sum = [...levels];
    else for (let i = 0; i < levels.length; i++) sum[i] = (sum[i] ?? 0) + levels[i];
  }
  return sum;
}
