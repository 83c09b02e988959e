// Brain (Yu et al., "Brain: Log Parsing with Bidirectional Parallel Tree", IEEE TSC 2023), our own reading of it, as
// the baseline the miner is measured beside (issue #13): what is constant is decided from the file's own frequencies,
// with no rule per kind of word. A print statement writes the same words at the same places every time it runs, so
// within the messages of one token count its constant words share one frequency (the number of times it ran), while
// its variables are rarer and the words it shares with other statements are more frequent. Per message:
//   1. each word's frequency is the number of messages of its token count holding that word at that position;
//   2. its root ("longest common pattern") is the words that share the frequency most of its words have;
//   3. messages with the same root (positions and words) form a group;
//   4. per group, each other column is read in two directions: a parent column (more frequent than the root: words
//      the statement shares with others) stays constant unless it takes many values; a child column (rarer than the
//      root) is a variable when it takes many distinct values for the group's size (isVariablePosition), else its
//      words split the group;
//   5. a group is the messages with the same template after that (constant words, WILDCARD elsewhere).
// Messages are tokenized and masked by the miner's tokenizer (tokenize.ts), so both see the same words.
import { TokenScan, WILDCARD } from './tokenize';
import { isVariablePosition, type VariabilityRule } from './variability';
import { DEFAULT_MINER_OPTIONS } from './miner';

export interface BrainOptions {
  /** When a column takes many values for its group (isVariablePosition's thresholds); the miner's defaults. */
  rule?: VariabilityRule;
  /**
   * Messages per token count whose words are counted (memory bound: the counts grow with distinct words per position);
   * later messages of that count read the frequencies the first ones gave (a word never counted has frequency 0).
   */
  maxCountedPerLength?: number;
  /** Brain's own child rule when set: a child column is a variable when it takes at least this many distinct words. */
  childThreshold?: number;
}

export interface BrainResult {
  /** Group of each message (index into `templates`); undefined for a message without tokens. */
  groups: (number | undefined)[];
  /** Template per group: its constant words, WILDCARD elsewhere, joined by single spaces. */
  templates: string[];
}

export const DEFAULT_BRAIN_RULE: VariabilityRule = {
  maxSplitValues: DEFAULT_MINER_OPTIONS.maxSplitValues,
  maxEventValues: DEFAULT_MINER_OPTIONS.maxEventValues,
  minLinesPerValue: DEFAULT_MINER_OPTIONS.minLinesPerValue,
};
const DEFAULT_MAX_COUNTED = 100_000;

/**
 * The root of a message: the positions whose words share the frequency most of its words have (ties: the higher
 * frequency, the likelier constant). A WILDCARD is a variable already and takes no part. A frequency of 1 is no
 * common pattern (no other message holds the word there) and is the root only when no word is more frequent.
 */
export function rootPositions(tokens: readonly string[], frequencies: readonly number[]): number[] {
  const wordsOf = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) if (tokens[i] !== WILDCARD) wordsOf.set(frequencies[i], (wordsOf.get(frequencies[i]) ?? 0) + 1);
  let best = -1;
  let most = 0;
  for (const [frequency, words] of wordsOf) {
    const better = (best <= 1 && frequency > 1) || (!(best > 1 && frequency <= 1) && (words > most || (words === most && frequency > best)));
    if (better) {
      best = frequency;
      most = words;
    }
  }
  const positions: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i] !== WILDCARD && frequencies[i] === best) positions.push(i);
  return positions;
}

/** A word that holds a digit: a value by its form wherever the tokenizer left it (Brain masks these in templates). */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Groups `messages` by Brain's method (see the module's comment); one pass to count, one to group. */
export function brainGroups(messages: readonly string[], options: BrainOptions = {}): BrainResult {
  const rule = options.rule ?? DEFAULT_BRAIN_RULE;
  const maxCounted = options.maxCountedPerLength ?? DEFAULT_MAX_COUNTED;
  const scan = new TokenScan();
  const tokenized = messages.map((message) => scan.scan(message).tokens());
  // Counts per token count, per position: word -> messages holding it there.
  const counts = new Map<number, Map<string, number>[]>();
  const counted = new Map<number, number>();
  for (const tokens of tokenized) {
    if (tokens.length === 0) continue;
    const seen = counted.get(tokens.length) ?? 0;
    if (seen >= maxCounted) continue;
    counted.set(tokens.length, seen + 1);
    let columns = counts.get(tokens.length);
    if (!columns) counts.set(tokens.length, (columns = tokens.map(() => new Map<string, number>())));
    tokens.forEach((word, i) => columns[i].set(word, (columns[i].get(word) ?? 0) + 1));
  }
  // Initial groups: token count, root positions and their words.
  const initial = new Map<string, { members: number[]; root: Set<number>; frequency: number }>();
  tokenized.forEach((tokens, index) => {
    if (tokens.length === 0) return;
    const columns = counts.get(tokens.length) as Map<string, number>[];
    const frequencies = tokens.map((word, i) => columns[i].get(word) ?? 0);
    const root = rootPositions(tokens, frequencies);
    const key = `${tokens.length}\u0002${root.join(',')}\u0002${root.map((i) => tokens[i]).join('\u0001')}`;
    let group = initial.get(key);
    if (!group) initial.set(key, (group = { members: [], root: new Set(root), frequency: root.length > 0 ? frequencies[root[0]] : 0 }));
    group.members.push(index);
  });
  // Per group, the columns outside the root: variable (masked) or constant (its words split the group).
  const groups: (number | undefined)[] = new Array(messages.length).fill(undefined);
  const templates: string[] = [];
  const templateIds = new Map<string, number>();
  for (const group of initial.values()) {
    const length = tokenized[group.members[0]].length;
    const columns = counts.get(length) as Map<string, number>[];
    const variable: boolean[] = new Array(length).fill(false);
    for (let position = 0; position < length; position++) {
      if (group.root.has(position)) continue;
      const linesPerWord = new Map<string, number>();
      let parent = true;
      for (const member of group.members) {
        const word = tokenized[member][position];
        linesPerWord.set(word, (linesPerWord.get(word) ?? 0) + 1);
        if ((columns[position].get(word) ?? 0) <= group.frequency) parent = false;
      }
      if (linesPerWord.size <= 1) continue;
      const perWord = [...linesPerWord.values()];
      // Parent: words the statement shares with others; a variable only past the most values that name events.
      variable[position] = parent ? perWord.length > rule.maxEventValues : options.childThreshold !== undefined ? perWord.length >= options.childThreshold : isVariablePosition(perWord, rule);
    }
    for (const member of group.members) {
      const words = tokenized[member].map((word, i) => (variable[i] || hasDigit(word) ? WILDCARD : word));
      // Keyed by the words apart (a quoted token may hold spaces), shown joined by spaces.
      const key = words.join('\u0001');
      let id = templateIds.get(key);
      if (id === undefined) {
        id = templates.length;
        templates.push(words.join(' '));
        templateIds.set(key, id);
      }
      groups[member] = id;
    }
  }
  return { groups, templates };
}
