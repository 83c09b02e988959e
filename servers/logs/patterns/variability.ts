// The merge rule learned from the file: whether templates that differ in one position only are one event (the
// position holds a variable) or several (it holds a constant word that names the event) is decided by how that
// position behaves across the whole file: how many distinct words it takes and how many lines each word has.
// `removing chargen` / `removing daytime` / … (many words, few lines each) is one event with a variable;
// `initialized by client UpdateAgent` / `… SPP` (a few words, each repeated many times) are different events.
import { WILDCARD } from './tokenize';

/** The thresholds of the rule (fields of TemplateMinerOptions, where they are documented). */
export interface VariabilityRule {
  maxSplitValues: number;
  maxEventValues: number;
  minLinesPerValue: number;
}

/** A template before the rule: its tokens (WILDCARD for variables) and how many lines it holds. */
export interface PositionUnit {
  id: number;
  tokens: readonly string[];
  count: number;
}

/** Templates after the rule: the units (indexes into the input) merged into each, and its tokens. */
export interface MergedUnit {
  members: number[];
  tokens: string[];
}

/** Positions looked at per template: a long message's tail rarely decides its event. */
const MAX_POSITIONS = 64;

/**
 * True when a position that takes these words (line counts per distinct word) is a variable: more words than
 * `maxSplitValues`, and either more than `maxEventValues` or typically fewer than `minLinesPerValue` lines each.
 */
export function isVariablePosition(countsPerWord: number[], rule: VariabilityRule): boolean {
  const distinct = countsPerWord.length;
  if (distinct <= rule.maxSplitValues) return false;
  if (distinct > rule.maxEventValues) return true;
  const sorted = [...countsPerWord].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] < rule.minLinesPerValue;
}

/**
 * Merges units of one length that differ in a single position when that position is a variable by the rule.
 * `mayMerge(word)` is false for words that always name an event (UPPER_CASE enum values). Returns every unit once.
 */
export function mergeByVariability(units: PositionUnit[], rule: VariabilityRule, mayMerge: (word: string) => boolean): MergedUnit[] {
  const groups = units.map((unit, index) => ({ members: [index], tokens: [...unit.tokens], count: unit.count, id: unit.id, alive: true }));
  const byLength = new Map<number, typeof groups>();
  for (const group of groups) {
    const list = byLength.get(group.tokens.length);
    if (list) list.push(group);
    else byLength.set(group.tokens.length, [group]);
  }
  const shared = sharedWords(byLength);
  for (const [length, list] of byLength) {
    for (let position = 1; position < Math.min(length, MAX_POSITIONS); position++) {
      for (const family of familiesAt(list, position)) {
        if (!familyIsVariable(family, position, rule, mayMerge, shared)) continue;
        family.sort((a, b) => a.id - b.id);
        const [into, ...rest] = family;
        into.tokens[position] = WILDCARD;
        for (const other of rest) {
          into.members.push(...other.members);
          into.count += other.count;
          other.alive = false;
        }
      }
    }
  }
  return groups.filter((g) => g.alive).map((g) => ({ members: g.members, tokens: g.tokens }));
}

interface Group {
  tokens: string[];
  count: number;
  id: number;
  alive: boolean;
}

/**
 * Living templates of one length that agree everywhere but at `position`, in families of two or more. The first word
 * is never looked at: it names the event (`syslogd startup succeeded`, `klogd startup succeeded`), as the miner's tree
 * already assumes, and a message needs a constant word left besides the merged one.
 */
function familiesAt<G extends Group>(list: G[], position: number): G[][] {
  const families = new Map<string, G[]>();
  for (const group of list) {
    if (!group.alive) continue;
    const key = keyWithout(group.tokens, position);
    const family = families.get(key);
    if (family) family.push(group);
    else families.set(key, [group]);
  }
  return [...families.values()].filter((family) => family.length >= 2);
}

/**
 * Words that vary in two or more different families (`cyrus`, `news` after both `session opened for user` and
 * `session closed for user`): values of a variable that several events share, not names of one event.
 */
function sharedWords(byLength: Map<number, Group[]>): Set<string> {
  const firstFamily = new Map<string, string>();
  const shared = new Set<string>();
  for (const [length, list] of byLength) {
    for (let position = 1; position < Math.min(length, MAX_POSITIONS); position++) {
      for (const family of familiesAt(list, position)) {
        const familyKey = `${length}:${position}:${keyWithout(family[0].tokens, position)}`;
        for (const group of family) {
          const word = group.tokens[position];
          if (word === WILDCARD) continue;
          const seen = firstFamily.get(word);
          if (seen === undefined) firstFamily.set(word, familyKey);
          else if (seen !== familyKey) shared.add(word);
        }
      }
    }
  }
  return shared;
}

function keyWithout(tokens: string[], position: number): string {
  let key = '';
  for (let i = 0; i < tokens.length; i++) key += (i === position ? '' : tokens[i]) + '\u0001';
  return key;
}

function familyIsVariable(family: Group[], position: number, rule: VariabilityRule, mayMerge: (word: string) => boolean, shared: Set<string>): boolean {
  const counts = new Map<string, number>();
  let sharedCount = 0;
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD) continue;
    if (!mayMerge(word)) return false;
    if (!counts.has(word) && shared.has(word)) sharedCount++;
    counts.set(word, (counts.get(word) ?? 0) + group.count);
  }
  // Most of the words also vary elsewhere: a shared variable, however often each occurs.
  if (counts.size > rule.maxSplitValues && sharedCount * 2 > counts.size) return true;
  return isVariablePosition([...counts.values()], rule);
}
