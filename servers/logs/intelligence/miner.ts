// Online, single-pass template miner in the spirit of Drain (He et al., ICWS 2017): messages are masked and tokenized,
// routed through a fixed-depth tree (token count, then the leading tokens) to a small list of clusters, and joined to
// the most similar one when enough tokens agree; differing positions become <*>. Memory is bounded by the number of
// templates (capped), not by the number of lines.
import { LEVELS, type Level, type Template } from './types';
import { tokenize, tokenizeFast, WILDCARD, type Tokenized } from './tokenize';

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
}

export interface MessageInfo {
  level?: Level;
  timestamp?: number;
  /** The raw line, kept as an example. Defaults to the message. */
  line?: string;
  /** 1-based line number, recorded when trackLines is on. */
  lineNumber?: number;
}

export interface MinedTemplate extends Template {
  /** Lines per level; lines without a level are not counted here. */
  levels: Partial<Record<Level, number>>;
  firstSeen?: number;
  lastSeen?: number;
  examples: string[];
  lineNumbers?: number[];
}

interface Cluster {
  id: number;
  tokens: string[];
  lead: string;
  seps: string[];
  count: number;
  levelCounts: number[];
  firstSeen?: number;
  lastSeen?: number;
  examples: string[];
  lineNumbers?: number[];
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: Cluster[];
}

const OVERFLOW_ID = 0;
const CACHE_LIMIT = 100_000;

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

/**
 * UPPER_CASE identifiers (NEW, RUNNING, JOB_SETUP) are enumeration values written by the program: two different ones
 * mark two different events (state transitions, event types), so they never merge into <*>.
 */
export function isEnumConstant(token: string): boolean {
  if (token.length < 2 || token === WILDCARD) return false;
  let letters = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (!(c === 95 || (c >= 48 && c <= 57))) return false;
  }
  return letters >= 2;
}

export class TemplateMiner {
  private readonly threshold: number;
  private readonly leadingTokens: number;
  private readonly maxChildren: number;
  private readonly maxTemplates: number;
  private readonly maxExamples: number;
  private readonly maxExampleLength: number;
  private readonly trackLines: boolean;
  private readonly roots = new Map<number, TreeNode>();
  private readonly clusters: Cluster[] = [];
  /** Exact masked token sequence -> cluster: most lines repeat a shape already seen. */
  private readonly cache = new Map<string, Cluster>();
  private overflow: Cluster | undefined;
  private lines = 0;

  constructor(options: TemplateMinerOptions = {}) {
    this.threshold = options.similarityThreshold ?? 0.5;
    this.leadingTokens = options.leadingTokens ?? 2;
    this.maxChildren = options.maxChildren ?? 100;
    this.maxTemplates = Math.max(1, options.maxTemplates ?? 5000);
    this.maxExamples = options.maxExamples ?? 3;
    this.maxExampleLength = options.maxExampleLength ?? 500;
    this.trackLines = options.trackLines ?? false;
  }

  /** Adds one message (the line's message part, without its header) and returns the id of the template it joined. */
  add(message: string, info: MessageInfo = {}): number {
    this.lines++;
    const tokens = tokenizeFast(message);
    const key = tokens.join('\u0001');
    let cluster = this.cache.get(key);
    if (!cluster) {
      cluster = this.place(tokens, message);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, cluster);
    }
    this.record(cluster, message, info);
    return cluster.id;
  }

  get lineCount(): number {
    return this.lines;
  }

  get templateCount(): number {
    return this.clusters.length + (this.overflow ? 1 : 0);
  }

  /** True once the template cap was reached and some messages were put in an approximate or overflow group. */
  get capped(): boolean {
    return this.overflow !== undefined || this.clusters.length >= this.maxTemplates;
  }

  /** All templates, largest first. */
  templates(): MinedTemplate[] {
    const all = this.overflow ? [...this.clusters, this.overflow] : this.clusters;
    return all
      .filter((c) => c.count > 0)
      .map((c) => this.describe(c))
      .sort((a, b) => b.count - a.count || a.id - b.id);
  }

  /** The template text of one id. */
  template(id: number): string | undefined {
    const cluster = id === OVERFLOW_ID ? this.overflow : this.clusters[id - 1];
    return cluster ? render(cluster) : undefined;
  }

  private describe(cluster: Cluster): MinedTemplate {
    const levels: Partial<Record<Level, number>> = {};
    cluster.levelCounts.forEach((count, index) => {
      if (count > 0) levels[LEVELS[index]] = count;
    });
    const result: MinedTemplate = { id: cluster.id, template: render(cluster), count: cluster.count, levels, examples: [...cluster.examples] };
    if (cluster.firstSeen !== undefined) result.firstSeen = cluster.firstSeen;
    if (cluster.lastSeen !== undefined) result.lastSeen = cluster.lastSeen;
    if (cluster.lineNumbers) result.lineNumbers = [...cluster.lineNumbers];
    return result;
  }

  private record(cluster: Cluster, message: string, info: MessageInfo): void {
    cluster.count++;
    if (info.level !== undefined) cluster.levelCounts[LEVELS.indexOf(info.level)]++;
    if (info.timestamp !== undefined) {
      if (cluster.firstSeen === undefined || info.timestamp < cluster.firstSeen) cluster.firstSeen = info.timestamp;
      if (cluster.lastSeen === undefined || info.timestamp > cluster.lastSeen) cluster.lastSeen = info.timestamp;
    }
    if (cluster.examples.length < this.maxExamples) {
      const line = info.line ?? message;
      const example = line.length > this.maxExampleLength ? `${line.slice(0, this.maxExampleLength)}…` : line;
      if (!cluster.examples.includes(example)) cluster.examples.push(example);
    }
    if (this.trackLines && info.lineNumber !== undefined) (cluster.lineNumbers ??= []).push(info.lineNumber);
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

  private place(tokens: string[], message: string): Cluster {
    const leaf = this.leaf(tokens);
    let best: Cluster | undefined;
    let bestSimilarity = -1;
    let bestWildcards = -1;
    for (const cluster of leaf.clusters) {
      let same = 0;
      let wildcards = 0;
      const template = cluster.tokens;
      let conflict = false;
      for (let i = 0; i < template.length; i++) {
        if (template[i] === WILDCARD) wildcards++;
        else if (template[i] === tokens[i]) same++;
        else if (isEnumConstant(template[i]) && isEnumConstant(tokens[i])) {
          conflict = true;
          break;
        }
      }
      if (conflict) continue;
      const similarity = tokens.length === 0 ? 1 : same / tokens.length;
      if (similarity > bestSimilarity || (similarity === bestSimilarity && wildcards > bestWildcards)) {
        best = cluster;
        bestSimilarity = similarity;
        bestWildcards = wildcards;
      }
    }
    const full = this.clusters.length >= this.maxTemplates;
    if (best && (bestSimilarity >= this.threshold || full)) {
      const template = best.tokens;
      for (let i = 0; i < template.length; i++) if (template[i] !== tokens[i]) template[i] = WILDCARD;
      return best;
    }
    if (full) return (this.overflow ??= this.newCluster(OVERFLOW_ID, { tokens: ['<other>'], seps: [''], lead: '' }));
    const cluster = this.newCluster(this.clusters.length + 1, tokenize(message));
    this.clusters.push(cluster);
    leaf.clusters.push(cluster);
    return cluster;
  }

  private newCluster(id: number, tokenized: Tokenized): Cluster {
    return {
      id,
      tokens: [...tokenized.tokens],
      lead: tokenized.lead,
      seps: tokenized.seps,
      count: 0,
      levelCounts: [0, 0, 0, 0, 0, 0],
      examples: [],
    };
  }
}

function render(cluster: Cluster): string {
  let text = cluster.lead;
  for (let i = 0; i < cluster.tokens.length; i++) text += cluster.tokens[i] + (cluster.seps[i] ?? ' ');
  return text.trimEnd();
}
