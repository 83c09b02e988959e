// The merge rule learned from the file: whether templates that differ in one position only are one event (the
// position holds a variable) or several (it holds a constant word that names the event) is decided by how that
// position behaves across the whole file: how many distinct words it takes and how many lines each word has.
// `removing chargen` / `removing daytime` / … (many words, few lines each) is one event with a variable;
// `initialized by client UpdateAgent` / `… SPP` (a few words, each repeated many times) are different events.
import { normalizeLevel } from '../format/levels';
import { HTTP_METHODS, WILDCARD } from './tokenize';

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
  /**
   * Positions whose token the message's text frames as a value: the value of a `key=value` field glued to its key, a
   * quoted or bracketed word, a name's argument (miner.ts valueSlots). Where templates differ only there, the file
   * decides by mergeValueSlots' rule.
   */
  valueSlots?: readonly number[];
  /**
   * The value slots a weaker frame marks (angle brackets, the last word after a label's `: `): where a family differs
   * at one of them, it needs MIN_WEAK_VALUES distinct words there, or a <*>, before mergeValueSlots reads it as data.
   */
  weakSlots?: readonly number[];
  /** The text between each token and the next (Tokenized.seps): where a message's own `: ` ends its sentence. */
  seps?: readonly string[];
  /**
   * Lines of the unit per level (the miner's Stats.levelCounts, one count per level in its LEVELS order), when the
   * file's lines carry levels: one print statement has one level, so words whose lines keep to different levels are
   * different statements (levelsTellApart).
   */
  levels?: readonly number[];
}

/** Templates after the rule: the units (indexes into the input) merged into each, and its tokens. */
export interface MergedUnit {
  members: number[];
  tokens: string[];
}

/** Positions looked at per template: a long message's tail rarely decides its event. */
const MAX_POSITIONS = 32;

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
 * `mayMerge(word)` is false for words that always name an event (UPPER_CASE enum values); `isValue(word)` is true for
 * words that are values by their form (a digit, a dotted name), which make a varying position a variable. Returns
 * every unit once.
 * Time is linear in the tokens looked at (positions are compared by hashes, not by rebuilt keys).
 */
export function mergeByVariability(units: PositionUnit[], rule: VariabilityRule, mayMerge: (word: string) => boolean, isValue: (word: string) => boolean = () => false): MergedUnit[] {
  const ids = new TokenIds();
  const groups: Group[] = units.map((unit, index) => newGroup(unit, index, ids));
  const byLength = new Map<number, Group[]>();
  for (const group of groups) {
    const list = byLength.get(group.tokens.length);
    if (list) list.push(group);
    else byLength.set(group.tokens.length, [group]);
  }
  for (const list of byLength.values()) if (list.length >= 2) mergeValueSlots(list, rule, ids);
  // Words that vary in several statements, their first words included (sharedNames), as the file showed them before
  // any first word was merged.
  const names = sharedWords(byLength, 0);
  // A message needs a constant word left besides its first (and one without tokens has no first word).
  for (const [length, list] of byLength) if (length >= 2 && list.length >= 2) mergeLeadingValues(list, rule, isValue, ids, mayMerge, names);
  const shared = sharedWords(byLength, 1);
  for (const [length, list] of byLength) {
    if (list.length < 2) continue;
    for (let position = 1; position < Math.min(length, MAX_POSITIONS); position++) {
      for (const all of familiesAt(list, position)) {
        // UPPER_CASE keys of values (`IV_LZ4=1`, `IV_LZO=1`, each followed by its <*>) name fields, not events.
        const keys = all.every((group) => group.tokens[position + 1] === WILDCARD);
        const kind = isKindFamily(all, position, mayMerge) || isMethodFamily(all, position, rule);
        const family = keys || kind || namedElsewhere(all, position, names) || constantsFillSentence(all, position, rule, mayMerge) ? all : mergeableMembers(all, (group) => group.tokens[position], mayMerge);
        if (family.length < 2 || (!kind && namesField(family, position)) || inflectsOneVerb(family, position) || !(kind || familyIsVariable(family, position, rule, shared, names, isValue))) continue;
        family.sort((a, b) => a.id - b.id);
        const [into, ...rest] = family;
        setToken(into, position, WILDCARD, ids);
        for (const other of rest) {
          into.members.push(...other.members);
          into.count += other.count;
          other.alive = false;
        }
      }
    }
  }
  for (const list of byLength.values()) if (list.length >= 2) mergeEchoedValues(list, ids);
  const typical = typicalCount(groups);
  for (const list of byLength.values()) if (list.length >= 2) mergeMovedValues(list, ids, typical, mayMerge);
  for (const list of byLength.values()) absorbCovered(list, rule, mayMerge);
  const pairs = byLength.get(2);
  if (pairs && pairs.length >= MIN_PADDED_KEYS) mergePaddedKeys(pairs, ids);
  const single = byLength.get(1);
  if (single && single.length >= MIN_RULER_LENGTHS) mergeRulers(single, ids);
  mergeTailRuns(groups.filter((g) => g.alive), rule, mayMerge);
  mergeInnerRuns(groups.filter((g) => g.alive), rule, mayMerge);
  mergeFieldTails(groups.filter((g) => g.alive), rule);
  mergeColonTails(groups.filter((g) => g.alive), rule, isValue);
  mergeFramedTexts(groups.filter((g) => g.alive), rule);
  for (const [length, list] of byLength) if (list.length >= 2) mergeFramedWords(list, length, rule, ids, mayMerge);
  return groups.filter((g) => g.alive).map((g) => ({ members: g.members, tokens: g.tokens }));
}

/**
 * Two of the family's words at `position` are forms of one verb (`starting...` / `started.`, `closing` / `closed`,
 * `Remove` / `Removed`): a statement before an action and one after it (SDDM's `Display server starting...` /
 * `Display server started.`, Tor's `Opening Socks listener` / `Opened Socks listener`), each written in its own
 * call, so the family is the program's own words, not a variable's values. Why it holds: data a program is given
 * (names, states from an enumeration, paths) does not come as the progressive and past of one verb, while a program
 * reports an action's start and end with them; the studied batches label all 21 such pairs (11 systems) apart.
 */
function inflectsOneVerb(family: readonly Group[], position: number): boolean {
  // After a preposition the word is its object, a value the statement was given (`changed state to starting` /
  // `… to started`, states of one enumeration printed with one `%s`), not the statement's own verb; none of the
  // studied pairs stands there.
  const before = family[0].tokens[position - 1];
  if (before !== undefined && OBJECT_PREPOSITIONS.has(before.toLowerCase())) return false;
  const stems = new Map<string, string>();
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD) continue;
    const form = verbForm(word);
    if (form === undefined) continue;
    const other = stems.get(form.stem);
    if (other !== undefined && other !== form.suffix) return true;
    stems.set(form.stem, form.suffix);
  }
  return false;
}

/** Prepositions whose object is a value the statement was given (inflectsOneVerb): a state, a mode, a role. */
const OBJECT_PREPOSITIONS = new Set(['to', 'from', 'into', 'as']);

/**
 * The stem and ending of a word of letters read as a verb's form (its case and the marks a sentence ends with left
 * out): `starting` -> `start` + `ing`, `started.` -> `start` + `ed`, `remove` -> `remov` + `e`; a word without such an
 * ending is its own stem with an empty ending. Undefined for a word with other characters or under four letters.
 */
function verbForm(word: string): { stem: string; suffix: string } | undefined {
  const plain = word.replace(/[.!?]+$/, '').toLowerCase();
  if (plain.length < 4 || !/^[a-z]+$/.test(plain)) return undefined;
  for (const suffix of ['ing', 'ed', 'e']) if (plain.endsWith(suffix) && plain.length - suffix.length >= 3) return { stem: plain.slice(0, -suffix.length), suffix };
  return { stem: plain, suffix: '' };
}

/** The median line count of the file's templates (how many lines a statement of this file typically holds). */
function typicalCount(groups: readonly Group[]): number {
  if (groups.length === 0) return 0;
  const counts = groups.map((group) => group.count).sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 2)];
}

/**
 * Merges templates of one length that agree everywhere but at two places, where one word of the family stands at the
 * first place in one member and at the second in another: the transitions of a state machine (`state: init -> auth`,
 * `auth -> assoc`, `assoc -> run`; `(detached -> unknown)` / `(unknown -> detached)`; `MTA_INIT -> MTA_BANNER` /
 * `MTA_BANNER -> MTA_EHLO`), a copy's source and target. Why it holds: a program's own word is spelled at one place of
 * its statement, while a value passes wherever the statement puts what it was given, so a word seen at both places is
 * one variable's value there, and the other words at those places are more of its values, UPPER_CASE enum values too.
 * The file must show the pairs as data: typically (median) no more lines per pair than its templates typically hold
 * (`typical`). A few directions a program writes itself (`ZNC -> IRC` on 7 lines, `IRC -> ZNC` on 5, where the
 * file's statements hold one or two) recur as its statements do, more often than its data does, and stay apart.
 * The first word is left out, as elsewhere (familiesAt). Levels that tell members apart keep them apart.
 */
function mergeMovedValues(list: Group[], ids: TokenIds, typical: number, mayMerge: (word: string) => boolean): void {
  const length = list[0].tokens.length;
  const limit = Math.min(length, MAX_POSITIONS);
  // Places each word takes among the living templates of this length; a word at two places gives that pair.
  const placesOf = new Map<string, Set<number>>();
  for (const group of list) {
    if (!group.alive) continue;
    for (let i = 1; i < limit; i++) {
      const word = group.tokens[i];
      if (word === WILDCARD) continue;
      const places = placesOf.get(word);
      if (places) places.add(i);
      else placesOf.set(word, new Set([i]));
    }
  }
  const pairs = new Set<number>();
  for (const places of placesOf.values()) {
    if (places.size < 2) continue;
    const sorted = [...places].sort((a, b) => a - b);
    for (let a = 0; a < sorted.length; a++) for (let b = a + 1; b < sorted.length; b++) pairs.add(sorted[a] * MAX_POSITIONS + sorted[b]);
  }
  for (const pair of [...pairs].sort((a, b) => a - b)) {
    const p = Math.floor(pair / MAX_POSITIONS);
    const q = pair % MAX_POSITIONS;
    const families = new Families();
    for (const group of list) if (group.alive) families.add(hashWithoutTwo(group, 0, p, q), hashWithoutTwo(group, 1, p, q), group);
    for (const { groups: family } of families.inOrder) {
      if (family.length < 2 || !valuesMoved(family, p, q) || !enumsNamespaced(family, p, q, mayMerge) || levelsTellApart(family)) continue;
      const perPair = new Map<string, number>();
      for (const group of family) {
        const key = `${group.tokens[p]}\u0001${group.tokens[q]}`;
        perPair.set(key, (perPair.get(key) ?? 0) + group.count);
      }
      const counts = [...perPair.values()].sort((a, b) => a - b);
      if (counts[Math.floor(counts.length / 2)] > typical) continue;
      family.sort((a, b) => a.id - b.id);
      const [into, ...rest] = family;
      setToken(into, p, WILDCARD, ids);
      setToken(into, q, WILDCARD, ids);
      absorb(into, rest);
    }
  }
}

/** Shortest word read as an echoed value (mergeEchoedValues): shorter ones (`to`, `on`, `v4`) recur in names by chance. */
const MIN_ECHO_LENGTH = 3;

/**
 * Merges templates of one length that agree everywhere but at two places, where in every member the word at one place
 * repeats the word at the other, whole or as a part of it between non-word marks (echoedAt): a statement that prints
 * one value twice (Home Assistant's `Loaded template from homeassistant.components.template`, Strimzi's
 * `reconcileAll(Kafka, timer): … Labels{strimzi.io/kind=Kafka}`, ioBroker's `admin.0 (3892) admin.0 already running`).
 * Why it holds: a program's own words are spelled once in its statement, while a value it was given is written
 * wherever the statement puts it, and a word that comes back inside another token (a name and its module, a kind and
 * its label) is that value; two places that vary together so are one variable's, however few values the file shows,
 * and no single place varies alone for the one-position rules to read. The first word counts too: the echo is the
 * evidence, not the place. Members masked at both places already join (the value seen as data); words shorter than
 * MIN_ECHO_LENGTH or without a letter are left alone, and so are members whose levels tell them apart, families whose
 * echoes are mostly plain words repeated whole (echoesNames: a sentence's own word) and templates that would keep no
 * constant word (keepsConstantWord).
 */
function mergeEchoedValues(list: Group[], ids: TokenIds): void {
  const limit = Math.min(list[0].tokens.length, MAX_POSITIONS);
  const pairs = new Set<number>();
  for (const group of list) {
    if (!group.alive) continue;
    for (let p = 0; p < limit; p++) {
      if (!isEchoWord(group.tokens[p])) continue;
      for (let q = p + 1; q < limit; q++) if (echoedAt(group, p, q)) pairs.add(p * MAX_POSITIONS + q);
    }
  }
  for (const pair of [...pairs].sort((a, b) => a - b)) {
    const p = Math.floor(pair / MAX_POSITIONS);
    const q = pair % MAX_POSITIONS;
    const families = new Families();
    for (const group of list) {
      if (!group.alive) continue;
      const masked = group.tokens[p] === WILDCARD && group.tokens[q] === WILDCARD;
      if (masked || echoedAt(group, p, q)) families.add(hashWithoutTwo(group, 0, p, q), hashWithoutTwo(group, 1, p, q), group);
    }
    for (const { groups: family } of families.inOrder) {
      // One word at `p` beside itself is no variation: the members differ at `q` alone, which the one-place rules read.
      if (family.length < 2 || new Set(family.map((group) => group.tokens[p])).size < 2 || levelsTellApart(family)) continue;
      if (!echoesNames(family, p, q) || !keepsConstantWord(family[0], p, q)) continue;
      family.sort((a, b) => a.id - b.id);
      const [into, ...rest] = family;
      setToken(into, p, WILDCARD, ids);
      setToken(into, q, WILDCARD, ids);
      absorb(into, rest);
    }
  }
}

/**
 * Most of the family's echoes look like names, not prose: the word comes back inside a longer token (`template` in
 * `homeassistant.components.template`), or it is shaped like an identifier (nameShaped: `admin.0`, `KafkaConnect`).
 * Why: a sentence may spell its own plain word twice (`Civil twilight start: … Civil twilight end: …`, `Saved default
 * sink … not restoring default sink setting`, `Type specifier is deprecated. Type "…"`), and statements that differ
 * in that word alone are different events; a value written by code is a name, and one plain value among names
 * (`Kafka` beside `KafkaConnect`) is carried by its siblings. Members masked at both places give no evidence.
 */
function echoesNames(family: Group[], p: number, q: number): boolean {
  let names = 0;
  let echoed = 0;
  for (const group of family) {
    const [a, b] = [group.tokens[p], group.tokens[q]];
    if (a === WILDCARD && b === WILDCARD) continue;
    echoed++;
    if (a !== b || nameShaped(a)) names++;
  }
  return echoed > 0 && names * 2 >= echoed;
}

/** An identifier's shape: a `_`, `.` or digit inside, or a capital after a small letter (`ioBroker`, `KafkaConnect`). */
function nameShaped(word: string): boolean {
  return /[_.\d]|\p{Ll}\p{Lu}/u.test(word);
}

/**
 * The template keeps a constant word besides the two echoed places: a template left with wildcards alone names no
 * event (ZoneMinder-like `zmdc[…].ERR-zmdc.pl <*>` beside `zmwatch[…].INF-zmwatch.pl <*>`, where the echo is the
 * program's name in its header and the message is already a wildcard).
 */
function keepsConstantWord(group: Group, p: number, q: number): boolean {
  return group.tokens.some((token, at) => at !== p && at !== q && !token.includes(WILDCARD) && hasLetter(token));
}

/**
 * The group's words at places `p` and `q` are one value printed twice: equal, or one of them holds the other as a part
 * (the name and its module, `template` in `homeassistant.components.template`; ioBroker's `host.alpha hostname: alpha`,
 * the qualified name first).
 */
function echoedAt(group: Group, p: number, q: number): boolean {
  const [a, b] = [group.tokens[p], group.tokens[q]];
  return (isEchoWord(a) && echoes(a, b)) || (isEchoWord(b) && echoes(b, a));
}

/** A word that may be an echoed value (mergeEchoedValues): MIN_ECHO_LENGTH characters or more, a letter among them, not masked. */
function isEchoWord(token: string): boolean {
  return token.length >= MIN_ECHO_LENGTH && !token.includes(WILDCARD) && hasLetter(token);
}

/** `later` is `word`, or holds it between non-word marks (`homeassistant.components.template` holds `template`). */
function echoes(word: string, later: string): boolean {
  if (later === word) return true;
  if (later.includes(WILDCARD)) return false;
  for (let at = later.indexOf(word); at >= 0; at = later.indexOf(word, at + 1)) {
    if (!isWordCode(later.charCodeAt(at - 1)) && !isWordCode(later.charCodeAt(at + word.length))) return true;
  }
  return false;
}

/** A letter, digit or `_` (NaN, outside a text, is none): what continues a word. */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

/**
 * The family varies at both places and a word (not <*>) stands at place `p` in one member and at place `q` in another.
 * Two neighbouring words of one phrase (a plain space between them: `rx ba win` / `tcp rx win`, labels of a dump) are
 * no two places of values: a label's words are spelled in different orders by different statements; nor are keys
 * glued to their values (`year:<*> month:<*>` / `count:<*> offset:<*>`: a record's fields in another order).
 */
function valuesMoved(family: readonly Group[], p: number, q: number): boolean {
  if (q === p + 1 && family.some((group) => (group.seps?.[p] ?? ' ') === ' ')) return false;
  // Keys glued to their values (`year:<*>`, `count=<*>`) name fields, whichever order a record prints them in.
  if (family.some((group) => isGluedKeyAt(group, p) || isGluedKeyAt(group, q))) return false;
  // The member holding each word at `p`, or null when two or more do.
  const atP = new Map<string, Group | null>();
  const atQ = new Set<string>();
  for (const group of family) {
    const word = group.tokens[p];
    if (word !== WILDCARD) atP.set(word, atP.has(word) ? null : group);
    atQ.add(group.tokens[q]);
  }
  if (atP.size < 2 || atQ.size < 2) return false;
  return family.some((group) => {
    const holder = atP.get(group.tokens[q]);
    return holder !== undefined && holder !== group && group.tokens[q] !== WILDCARD;
  });
}

/** The token at `position` is glued to what follows by `:` or `=`: a key of a field, not a value. */
function isGluedKeyAt(group: Group, position: number): boolean {
  const sep = group.seps?.[position] ?? '';
  return sep.length > 0 && (sep.charCodeAt(0) === 58 /* : */ || sep.charCodeAt(0) === 61 /* = */) && (sep.length === 1 || sep.charCodeAt(1) !== 32);
}

/**
 * Where the family's words at places `p` and `q` include UPPER_CASE enumeration values (words `mayMerge` refuses),
 * every word there is one and all share a namespace: a start of MIN_KIND_PREFIX characters or one ending in `_`
 * (`MTA_INIT` / `MTA_BANNER`, `S_IDLE` / `S_POLICY_ENGINE`, `CS_NEW` / `CS_INIT`), as a C program prefixes the
 * constants of one enumeration it prints by name. Plain ones (`NEW` / `UNASSIGNED` / `ASSIGNED`, Hadoop's task
 * states, each transition a statement of its own in Loghub's labels) are as often the statements' own names and are
 * left apart, as isKindFamily leaves them to the counts. Words of other forms need nothing more.
 */
function enumsNamespaced(family: readonly Group[], p: number, q: number, mayMerge: (word: string) => boolean): boolean {
  const words = new Set<string>();
  for (const group of family) for (const place of [p, q]) if (group.tokens[place] !== WILDCARD) words.add(group.tokens[place]);
  let refused = 0;
  for (const word of words) if (!mayMerge(word)) refused++;
  if (refused === 0) return true;
  if (refused < words.size) return false;
  const [first] = words;
  const shared = sharedStartLength(words);
  return shared >= MIN_KIND_PREFIX || first.lastIndexOf('_', shared - 1) >= 1;
}

/**
 * How many leading characters (UTF-16 code units) all the words share: the namespace a program's kinds or enumeration
 * values are spelled with (`MTA_INIT` / `MTA_BANNER` share 4). 0 for no words.
 */
function sharedStartLength(words: Iterable<string>): number {
  let first: string | undefined;
  let shared = 0;
  for (const word of words) {
    if (first === undefined) {
      first = word;
      shared = word.length;
      continue;
    }
    let i = 0;
    while (i < shared && i < word.length && word.charCodeAt(i) === first.charCodeAt(i)) i++;
    shared = i;
  }
  return shared;
}

/** Least distinct words shaped as values that make a message's first position a variable (mergeLeadingValues). */
const MIN_LEADING_VALUES = 3;

/**
 * Merges templates of one length that differ only in their first token when every word there is a value by its form
 * (`isValue`: a digit, a dotted name) and the family shows MIN_LEADING_VALUES of them, or a <*> beside them: a
 * statement that opens with what it reports on (ClamAV's `main.cvd database is up-to-date` / `daily.cld …` /
 * `bytecode.cvd …`, a device's `sda1: …`, a file's name). The first word is otherwise left alone (familiesAt): it
 * names the event. Why it holds: a program's own first word is one spelling, written in its source; file names,
 * devices and versions at that place come from data, and three of them are a list, not three statements. Two
 * (`SSH2 support: …` / `IPv6 support: …`) are as often two statements and stay apart, and so do a key before `=`
 * (`zookeeper.flushDelay=<*>`, each its own setting) and a symbol with `_` (`w32_fcntl`, `w32_bind`: functions).
 * First words that are members of one enumeration (isKindFamily: three or more UPPER_CASE names that share their first
 * MIN_KIND_PREFIX characters, Kong's `KONG_PG_HOST ENV found with "…"` / `KONG_PG_PORT …` / `KONG_DATABASE …`) merge
 * too, for the reason they do elsewhere in a message: a program names its own kinds and settings with a shared prefix,
 * and three of them before one same sentence are the values a loop or one call fills in. Two, or names without the
 * prefix (`NEW` / `RUNNING`), stay the statements' own.
 */
function mergeLeadingValues(list: Group[], rule: VariabilityRule, isValue: (word: string) => boolean, ids: TokenIds, mayMerge: (word: string) => boolean, names: Map<string, Set<string>>): void {
  const frames = leadingWordsByFrame(list);
  for (const family of familiesAt(list, 0)) {
    const kind = isKindFamily(family, 0, mayMerge) || isMethodFamily(family, 0, rule);
    const valued = family.every((group) => group.tokens[0] === WILDCARD || leadsWithValue(group, isValue)) && leadingIsVariable(family);
    if (!(kind || valued || leadingBesideMasked(family, mayMerge) || leadingTypeNames(family, rule) || sharedLeadingNames(family, names, mayMerge) || gridLeadingNames(family, frames, mayMerge)) || levelsTellApart(family)) continue;
    family.sort((a, b) => a.id - b.id);
    const [into, ...rest] = family;
    setToken(into, 0, WILDCARD, ids);
    absorb(into, rest);
  }
}

/**
 * One member of the family holds <*> as its first word, where the miner saw values of a value's form (numbers, names
 * with digits: Supervisord's `exited: 0 (exit status 255; not expected)`, `exited: seat3 …`), and every other member's
 * first word is a name beside it (`exited: webserver (…)`, `exited: website (…)`): no UPPER_CASE enumeration value
 * (`mayMerge`), no key glued to `=` or `:` and no symbol with `_` (leadsWithValue's rule with any form). Why it holds:
 * a statement opens with the thing it reports on in the same words whatever that thing is called, and a place that
 * has taken numbers is filled in from data, so a plain name there is one more value, as familyIsVariable counts a
 * masked member at a later place; a statement's own first word is never masked. The studied batches label four such
 * families one event (Supervisord, Mopidy's `spotify/username must be set.` beside a masked one, Composer's
 * `symfony/console suggests installing …`, Icecast); those labelled apart glue a logger's name to a colon
 * (`config/udev: Adding drm device` beside `<*>: …`), which leadsWithValue refuses, or open a label (opensLabel:
 * Node-RED's `Node-RED version: …` beside a masked `Node.js version: …`), whose first word names a field.
 */
function leadingBesideMasked(family: Group[], mayMerge: (word: string) => boolean): boolean {
  let masked = false;
  let words = 0;
  for (const group of family) {
    const word = group.tokens[0];
    if (word === WILDCARD) masked = true;
    else if (!mayMerge(word) || !leadsWithValue(group, () => true) || opensLabel(group)) return false;
    else words++;
  }
  return masked && words > 0;
}

/**
 * The message opens with a label: up to MAX_LABEL_WORDS tokens, words after the first, then `: ` (Node-RED's
 * `Node-RED version: 1.2.9` beside `Node.js version: …`, Triton's `Triton TRITONBACKEND API version: 1.4`): the first
 * word names which field is printed, as a key does, however the file masked another label's first word.
 */
function opensLabel(group: Group): boolean {
  const seps = group.seps;
  if (!seps) return false;
  for (let i = 0; i < Math.min(group.tokens.length - 1, MAX_LABEL_WORDS); i++) {
    if (i > 0 && (group.tokens[i] === WILDCARD || !hasLetter(group.tokens[i]))) return false;
    if (seps[i] === ': ') return true;
  }
  return false;
}

/**
 * The family's first words are CamelCase identifiers (isCamelCaseName), more of them than maxSplitValues and typically
 * on few lines each (isVariablePosition), none a key (`MaxRetry: 3`, `LogLevel=debug`: leadsWithValue's rule): the
 * names of types or services one shared statement reports on (BTCPayServer's `DelayedTransactionBroadcasterHostedService
 * successfully exited...` / `TorServices …` / `PullPaymentHostedService …`, a base class logging its subclass's name).
 * Why it holds: a sentence the program writes opens with a word, not with a type's name spelled in CamelCase; a type's
 * name there is one the call was given, and four or more of them before one same sentence are a list. A few names
 * that each hold many lines still sort lines into events, as words do elsewhere (isVariablePosition).
 */
function leadingTypeNames(family: Group[], rule: VariabilityRule): boolean {
  const counts = new Map<string, number>();
  for (const group of family) {
    const word = group.tokens[0];
    if (word === WILDCARD) continue;
    if (!isCamelCaseName(word) || !leadsWithValue(group, () => true)) return false;
    counts.set(word, (counts.get(word) ?? 0) + group.count);
  }
  return isVariablePosition([...counts.values()], rule);
}

/**
 * The family's first words are names that several statements were given (namedElsewhere, and twice as many as the
 * frames of this length they open: sharedNames), none an UPPER_CASE enumeration value (`mayMerge`: a sentence that
 * opens with one, `JOB_STARTED` / `JOB_FAILED`, is as often the event's own name): ArangoDB's starter, `agent not ready
 * after 5min!` / `dbserver …` / `coordinator …` beside `Starting agent on port 8531` / `Starting dbserver …` / ….
 * Why it holds: a program's own first word names one event and is spelled in one statement, while a thing's name
 * passes through every statement that handles it, wherever each puts it; the first word is otherwise the event's own
 * (familiesAt). Two names (`syslogd startup succeeded` / `klogd …`) stay apart, and so do first words shared only by
 * frames of one shape (a grid: `Starting nginx service` / `Stopping …`, the same for `mysql`; BitcoinCore's `<thread>
 * thread start` / `… exit` has that shape and stays apart too).
 */
function sharedLeadingNames(family: Group[], names: Map<string, Set<string>>, mayMerge: (word: string) => boolean): boolean {
  const counts = new Map<string, number>();
  for (const group of family) {
    const word = group.tokens[0];
    if (word === WILDCARD) continue;
    if (!mayMerge(word)) return false;
    counts.set(word, (counts.get(word) ?? 0) + group.count);
  }
  return namedElsewhere(family, 0, names) && sharedNames(family, 0, counts, names);
}

/** A frame of one length (the tokens after the first): the first words its templates open with, and its second token. */
interface LeadingFrame {
  words: Set<string>;
  second: string;
}

/**
 * For each frame of one length (the tokens after the first, keyWithout at 0), the first words its living templates
 * open with (<*> left out) and the token after them: the rows of a grid gridLeadingNames reads.
 */
function leadingWordsByFrame(list: readonly Group[]): Map<string, LeadingFrame> {
  const frames = new Map<string, LeadingFrame>();
  for (const group of list) {
    if (!group.alive || group.tokens[0] === WILDCARD) continue;
    const key = keyWithout(group, 0);
    const frame = frames.get(key);
    if (frame) frame.words.add(group.tokens[0]);
    else frames.set(key, { words: new Set([group.tokens[0]]), second: group.tokens[1] });
  }
  return frames;
}

/**
 * The family's first words are names of things that statements of one length report on in turn, a grid of names by
 * actions: frames that differ in a later word (`thread start` / `thread exit`, `worker started` / `worker ended`,
 * `server closing` / `server closed`) open with the same names (BitcoinCore's `addcon`, `net`, `opencon`; Tezos'
 * `answerer`, `db_network_reader`; Node-RED's `binrpc`, `xmlrpc`). Read so when two or more names recur in two or more
 * such frames (`frames`: leadingWordsByFrame), the grid holds at least MIN_SHARED_NAMES names and more than twice as
 * many as its frames, every name opens with a lower-case letter and may merge (no UPPER_CASE enumeration value), and none that
 * recurs is a verb's `-ing` or `-ed` form (verbForm). Why it holds: a program writes a statement per action, its verb
 * at one place, and fills in the thing it acts on; a thing's name comes back in every action's statement, and names
 * outnumber the few actions a program has. The transposed grid opens with the verbs (`Starting nginx service` /
 * `Stopping …`, the same for `mysql`; SDDM's `Display server starting...` / `Socket server starting...`, capitalized
 * first words of sentences), which the case, the verb forms and the counts keep apart (four lower-case verbs over two
 * services, `start nginx service` / `stop …` / `restart …` / `reload …`, are no more than twice the frames); so do two
 * names in two frames. Frames must differ after the word that follows the first (`addcon thread start` / `addcon thread
 * exit`: a name qualifies the noun after it, `thread`, `worker`, `server`, and the action comes after that noun); frames
 * that differ right after the first word (`start nginx service` / `start mysql service`) read as a verb and its object
 * as well, so five verbs over two services, which outnumber the frames as names do, stay apart.
 */
function gridLeadingNames(family: Group[], frames: Map<string, LeadingFrame>, mayMerge: (word: string) => boolean): boolean {
  const ownFrame = frames.get(keyWithout(family[0], 0));
  if (!ownFrame) return false;
  const own = ownFrame.words;
  for (const word of own) if (!mayMerge(word) || !startsLowerCase(word)) return false;
  const names = new Set(own);
  const recurring = new Set<string>();
  let rows = 1;
  for (const { words, second } of frames.values()) {
    if (words === own) continue;
    let common = 0;
    for (const word of words) if (own.has(word)) common++;
    if (common < 2) continue;
    // The frames must agree on the word after the first (the noun a name qualifies, `addcon thread`): where they differ
    // right there, that word is as likely the object of a verb the first word is (`start nginx service` / `start mysql
    // service`), and the first words are the actions, however many.
    if (second !== ownFrame.second) return false;
    rows++;
    for (const word of words) {
      if (own.has(word)) recurring.add(word);
      else if (!mayMerge(word) || !startsLowerCase(word)) return false;
      names.add(word);
    }
  }
  if (rows < 2 || names.size < MIN_SHARED_NAMES || names.size <= 2 * rows) return false;
  for (const word of recurring) {
    const suffix = verbForm(word)?.suffix;
    if (suffix === 'ing' || suffix === 'ed') return false;
  }
  return true;
}

/**
 * The group's first token is a value by its form (`isValue`), not a key or a symbol: no `=` or glued `:` follows it
 * (`zookeeper.flushDelay=<*>`: a key names the setting, as a label does, namesField) and it has no `_` (`w32_fcntl`,
 * `w32_bind`: functions of a program, spelled in its source).
 */
function leadsWithValue(group: Group, isValue: (word: string) => boolean): boolean {
  const word = group.tokens[0];
  if (word === undefined || word === WILDCARD || word.includes('_') || !isValue(word)) return false;
  const sep = (group.seps?.[0] ?? '').trim();
  return !(sep.startsWith('=') || sep === ':');
}

/**
 * The family's first words (each <*> or leadsWithValue) show a variable: MIN_LEADING_VALUES distinct words, or one or
 * more beside a <*>. One word alone is no variation at all.
 */
function leadingIsVariable(family: Group[]): boolean {
  const words = new Set<string>();
  let masked = false;
  for (const group of family) {
    if (group.tokens[0] === WILDCARD) masked = true;
    else words.add(group.tokens[0]);
  }
  if (masked) return words.size >= 1;
  return words.size >= MIN_LEADING_VALUES && !oneNamespace(words);
}

/**
 * Every word is a dotted name under one word namespace (`payment.charge.succeeded`, `payment.refund.issued`,
 * `payment.charge.failed`; `auth.login.failed`, `auth.logout`): names from one hierarchy the program spells, each an
 * event of its own. Data at that place differs from its first part on (`main.cvd` / `daily.cld`, `web1.example.com` /
 * `web2.example.com`, `10.0.0.1`: a number is no namespace).
 */
function oneNamespace(words: ReadonlySet<string>): boolean {
  let space: string | undefined;
  for (const word of words) {
    const dot = word.indexOf('.');
    if (dot <= 0 || !/^\p{L}+$/u.test(word.slice(0, dot))) return false;
    const first = word.slice(0, dot);
    if (space === undefined) space = first;
    else if (space !== first) return false;
  }
  return space !== undefined;
}

/**
 * A family keyed without its first word where that word is a value (mergeColonTails): whole when its first words are
 * one, or a variable by leadingIsVariable (Plausible's `Clickhousex.Protocol (#PID<…>) failed to connect: …` /
 * `Postgrex.Protocol …` / `Ch.Connection …`, one DBConnection statement for every driver); otherwise split by first
 * word, each its own family.
 */
function leadingFamilies(family: Group[]): Group[][] {
  const first = new Set(family.map((group) => group.tokens[0]));
  if (first.size === 1 || (leadingIsVariable(family) && !levelsTellApart(family))) return [family];
  return familiesBy(family, (group) => group.tokens[0]);
}

/** Most words of a field's label (namesField): `Total DNS queries`. */
const MAX_LABEL_WORDS = 4;

/**
 * The family differs at `position` inside the label of a field: the words from there up to a `: ` are words in every
 * member, and a <*> follows the colon (Pi-hole's `-> Total DNS queries: 5` / `-> Cached DNS queries: 3`, each label its
 * own statement, a counter dumped one per line). A label names what the value is, as a key does before `=`; a word
 * that changes in it changes which value is printed, however many labels a dump has and however few lines each holds,
 * so counts do not make it a variable. A member masked there already shows it one (the file saw many values).
 */
function namesField(family: Group[], position: number): boolean {
  for (const group of family) {
    if (group.tokens[position] === WILDCARD || !labelsValueAt(group, position)) return false;
  }
  return true;
}

/**
 * The message is a bullet of a dump: marks without letters (`->`, `-`, `*`), then a label that runs over `position`,
 * one to MAX_LABEL_WORDS words joined by single spaces, ending in `: ` before a <*>. A word before a colon in a
 * sentence is a value the sentence names (`Camera processor started for woodshop: 225`), not a label's. A message
 * that opens with words is a label so when they are a heading (isHeadingLabel: `Build version: <*>` / `Build time:
 * <*>`, a program's version block, each line its own statement).
 */
function labelsValueAt(group: Group, position: number): boolean {
  const seps = group.seps;
  if (!seps) return false;
  if (position >= 1 && hasLetter(group.tokens[0])) return isHeadingLabel(group, position);
  for (let i = 0; i < position; i++) {
    if (hasLetter(group.tokens[i])) {
      if (position - i >= MAX_LABEL_WORDS) return false;
      // The label's own words before `position` (joined by single spaces).
      for (let k = i; k < position; k++) if (group.tokens[k] === WILDCARD || seps[k] !== ' ' || !hasLetter(group.tokens[k])) return false;
      break;
    }
  }
  const limit = Math.min(group.tokens.length - 1, position + MAX_LABEL_WORDS);
  for (let i = position; i < limit; i++) {
    if (group.tokens[i] === WILDCARD || !hasLetter(group.tokens[i])) return false;
    const sep = seps[i] ?? '';
    if (sep === ': ') return group.tokens[i + 1] === WILDCARD;
    if (sep !== ' ') return false;
  }
  return false;
}

/** Most words of a heading that opens a message (isHeadingLabel): `Sync target remote info`. */
const MAX_HEADING_WORDS = 3;

/**
 * The message opens with a heading whose last word stands at `position`: two to MAX_HEADING_WORDS words of letters
 * joined by single spaces from the first token, then `: ` and a <*> (`Build version: <*>`, `Total folders: <*>`,
 * `Sync target info: <*>`). Why it holds: such a line prints one value under a name, and the words of the name say
 * which value it is, as a key before `=` does, however few lines each name holds (a version block printed once per
 * start). Only the name's last word is read so: a first word is as often the thing the value belongs to (`Alpine
 * version: <*>` / `Unbound version: <*>`, one statement over the programs it found), and a word after a preposition is
 * a value the sentence names (`Connected to alpha: <*>`).
 */
function isHeadingLabel(group: Group, position: number): boolean {
  const seps = group.seps as readonly string[];
  if (position + 1 > MAX_HEADING_WORDS || seps[position] !== ': ' || group.tokens[position + 1] !== WILDCARD) return false;
  for (let i = 0; i <= position; i++) {
    if (!HEADING_WORD.test(group.tokens[i]) || PREPOSITIONS.has(group.tokens[i].toLowerCase())) return false;
    if (i < position && seps[i] !== ' ') return false;
  }
  return true;
}

/** A word of a heading: letters, with inner hyphens (`Pre-release`). */
const HEADING_WORD = /^\p{L}+(?:-\p{L}+)*$/u;
/** Words after which a word is the object a sentence names, not a heading's (isHeadingLabel). */
const PREPOSITIONS = new Set(['to', 'from', 'for', 'on', 'in', 'at', 'with', 'of', 'by', 'into', 'as', 'via']);

/**
 * Merges templates of one length that agree everywhere but at their value slots (PositionUnit.valueSlots: the values
 * of `key=value` fields, quoted or bracketed words, arguments), when the words there behave as data: one family
 * member holds <*> there already, or the distinct value lists are more than maxSplitValues, or they typically hold
 * fewer than minLinesPerValue lines each (`initial driver fingerprint: driver=java health=undetected` / `driver=qemu
 * …` / `driver=raw_exec health=healthy`, `CTRL-EVENT-REGDOM-CHANGE init=CORE type=WORLD` / `init=BEACON_HINT
 * type=UNKNOWN`, `name is "SNOOPY"` beside `name is "<*>"`). A key or a quote says its word is a value, so two or
 * three values are enough, UPPER_CASE ones too, unless each holds many lines: then they sort lines into events (PAM's
 * `user=root` on hundreds of lines beside `user=guest` and `user=test` on a few dozen, which Loghub labels apart).
 * The slots are judged together, since a statement's fields vary together, which the one-position merge cannot show.
 * Words the family agrees on stay.
 */
function mergeValueSlots(list: Group[], rule: VariabilityRule, ids: TokenIds): void {
  const families = new Map<string, Group[]>();
  for (const group of list) {
    if (!group.slots) continue;
    const tokens = [...group.tokens];
    for (const position of group.slots) tokens[position] = WILDCARD;
    const key = `${group.slots.join(',')}|${tokens.join('\u0001')}`;
    const family = families.get(key);
    if (family) family.push(group);
    else families.set(key, [group]);
  }
  for (const family of families.values()) {
    if (family.length < 2) continue;
    // The slots where the family differs; a <*> in one of them shows that slot a variable already.
    const slots = (family[0].slots as readonly number[]).filter((position) => family.some((group) => group.tokens[position] !== family[0].tokens[position]));
    const counts = new Map<string, number>();
    let masked = false;
    for (const group of family) {
      const values = slots.map((position) => group.tokens[position]);
      if (values.includes(WILDCARD)) masked = true;
      const key = values.join('\u0001');
      counts.set(key, (counts.get(key) ?? 0) + group.count);
    }
    if (!masked && !isSlotValuesVariable([...counts.values()], rule)) continue;
    // Whatever frames the value (a key, quotes, a record's label), a word whose lines keep to another level than the
    // others' is the statement's own: `status: ok, reason: none` (INFO) and `status: failed, reason: oom` (ERROR).
    if (levelsTellApart(family)) continue;
    if (slots.some((position) => isWeakSlot(family, position)) && !slots.every((position) => !isWeakSlot(family, position) || weakSlotIsVariable(family, position))) continue;
    family.sort((a, b) => a.id - b.id);
    const [into, ...rest] = family;
    for (const position of slots) setToken(into, position, WILDCARD, ids);
    absorb(into, rest);
  }
}

/** Least distinct words a weak slot (PositionUnit.weakSlots) must take, without a <*>, to be read as data. */
const MIN_WEAK_VALUES = 3;

/** Some member of the family holds `position` as a weak slot. */
function isWeakSlot(family: Group[], position: number): boolean {
  return family.some((group) => group.weak?.includes(position));
}

/**
 * A weak slot is data where the family shows it so: a member holds <*> there, or MIN_WEAK_VALUES distinct words fill
 * it. Angle brackets and a label's `: ` frame a value less surely than `key=` or quotes (`<Notice>` is a tag, `for: done`
 * a status), and two words at one place are as often two statements as one with a value; three are a list the
 * statement fills in.
 */
function weakSlotIsVariable(family: Group[], position: number): boolean {
  const words = new Set<string>();
  for (const group of family) {
    if (group.tokens[position] === WILDCARD) return true;
    words.add(group.tokens[position]);
  }
  return words.size >= MIN_WEAK_VALUES && ![...words].every(isOutcomeWord);
}

/**
 * A verb's past form closing a statement as its outcome: `started`, `crashed`, `cancelled`, `FAILED` (not `-eed`:
 * `speed`, `seed`). Words that are all such, after a weak frame (`Job 4: completed` / `Job 7: failed` / `Job 9:
 * cancelled`, `Worker 2: crashed` / `Worker 1: started` / `Worker 1: stopped`), are what happened, each its own statement
 * however many there are, not a list the statement fills in (module names, methods, hosts are nouns): merged, a crash
 * hid among the starts.
 */
function isOutcomeWord(word: string): boolean {
  return /^(?:[a-z]{2,}|[A-Z][a-z]+|[A-Z]{2,})$/.test(word) && /[^eE](?:ed|ED)$/.test(word);
}

/**
 * True when value lists at a statement's value slots that hold these line counts are data: two or more, and more than
 * maxSplitValues or typically (median) fewer than minLinesPerValue lines each. Unlike a bare word (isVariablePosition),
 * two or three values with few lines are enough: the key or the quotes say the word is a value.
 */
export function isSlotValuesVariable(countsPerValues: number[], rule: VariabilityRule): boolean {
  if (countsPerValues.length < 2) return false;
  if (countsPerValues.length > rule.maxSplitValues) return true;
  const sorted = [...countsPerValues].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] < rule.minLinesPerValue;
}

/** Longest run of words at a message's end that mergeTailRuns reads as one name (`Basic System`, `attach detach`). */
const MAX_TAIL_RUN = 3;
/** Longest run at a message's end that mergeTailRuns reads as one title (isTitleRun): a show's, a book's, a device's name. */
const MAX_TITLE_RUN = 8;
/** Constant words a message must keep before such a run: the sentence that names the event (`Reached target`). */
const MIN_TAIL_PREFIX = 2;

/**
 * Merges templates that agree on their first words and differ in a run of one to MAX_TAIL_RUN words that ends the
 * message, when the runs differ in length (`Caches are synced for job` / `… for resource quota`, `Reached target
 * Sockets.` / `… Basic System.`): a name of a varying number of words, which templates of one length cannot show. The
 * runs count as the values of one position (isVariablePosition, or a <*> run already); a message keeps at least
 * MIN_TAIL_PREFIX constant words, so a verb and its object (`Starting job controller` / `Starting daemon sets
 * controller`, each printed by its own statement) stay apart, and so do runs whose lines keep to different levels
 * (levelsTellApart: dhcpcd's `probing for an IPv4LL address` at info beside `probing for <*>` at debug, two calls).
 * A longer run, up to MAX_TITLE_RUN tokens, is read so when its case makes it a title (isTitleRun: `Seeing if we need
 * anything from The Great British Bake Off` / `… Dogs of Berlin`).
 * The longest shared beginning is tried first; the merged template is the one with the shortest run, its run written
 * as one <*>.
 */
function mergeTailRuns(alive: Group[], rule: VariabilityRule, mayMerge: (word: string) => boolean): void {
  const maxLength = alive.reduce((max, g) => Math.max(max, g.tokens.length), 0);
  for (let prefix = maxLength - 1; prefix >= 1; prefix--) {
    // After the message's first word alone, only titles, and only many (manyTitles): see there.
    const opening = prefix < MIN_TAIL_PREFIX;
    const families = new Map<string, Group[]>();
    for (const group of alive) {
      const run = group.tokens.length - prefix;
      if (!group.alive || run < 1 || run > MAX_TITLE_RUN) continue;
      if (opening ? !isTitleRun(group.tokens, prefix, true) || group.tokens[0] === WILDCARD : (run > MAX_TAIL_RUN && !isTitleRun(group.tokens, prefix)) || phraseWords(group.tokens, prefix, group.seps) < MIN_TAIL_PREFIX) continue;
      const key = group.tokens.slice(0, prefix).join('\u0001');
      const family = families.get(key);
      if (family) family.push(group);
      else families.set(key, [group]);
    }
    for (const whole of families.values()) {
     for (const { members: family, clause } of clauseFamilies(mergeableMembers(whole, (group) => runOf(group, prefix), (run) => run.includes(' ') || mayMerge(run)), prefix)) {
      const variable = clause > 0 ? valuesBeforeClauseVary(family, prefix, clause, rule) : tailRunIsVariable(family, prefix, rule);
      if (family.length < 2 || !variable || levelsTellApart(family) || (opening && !manyTitles(family, rule))) continue;
      family.sort((a, b) => a.tokens.length - b.tokens.length || a.id - b.id);
      const [into, ...rest] = family;
      if (clause > 0) {
        // The value is the run before the clause; the clause stays written. The shortest member must hold one token
        // there, so that its separators stay in place; longer values only are left apart.
        if (into.tokens.length - clause !== prefix + 1) continue;
        into.tokens = [...into.tokens.slice(0, prefix), WILDCARD, ...into.tokens.slice(prefix + 1)];
      } else into.tokens = [...into.tokens.slice(0, prefix), WILDCARD + sharedEnding(family.map((group) => group.tokens[group.tokens.length - 1]))];
      for (const other of rest) {
        into.members.push(...other.members);
        into.count += other.count;
        other.alive = false;
      }
     }
    }
  }
}

/**
 * The tokens from `start` to the end are a title (mergeTailRuns): the first a word opening with a capital letter after
 * a lower-case word of the sentence, and more than half of the words opening with a capital (`The Great British Bake
 * Off`, `Dogs of Berlin`, `Dave Gorman: Modern Life is Goodish`), as names of works, shows and devices are written in
 * title case: MIN_TITLE_WORDS words of letters or more (a code's name, `CampaignsController#home`, `SHA512`, is no
 * title's word), fewer of them masked by the miner (`James <*>: The Reassembler`, a month's name) than not. A sentence's own words are lower-case (`checking availability of zfs resume feature on
 * source...`, `cleanup common data on abort`, each its own statement), so a longer run than MAX_TAIL_RUN is read as
 * one name only when its case says it is one.
 */
function isTitleRun(tokens: readonly string[], start: number, merged = false): boolean {
  if (start < 1 || !(start === 1 || startsLowerCase(tokens[start - 1])) || !startsUpperCase(tokens[start])) return false;
  let words = 0;
  let capitals = 0;
  let masked = 0;
  for (let i = start; i < tokens.length; i++) {
    if (MASKED_WORD.test(tokens[i])) masked++;
    else if (!TITLE_WORD.test(tokens[i])) return false;
    else {
      words++;
      if (startsUpperCase(tokens[i])) capitals++;
    }
  }
  // A run merged from titles already (mergeTailRuns' opening pass) counts its <*> as the title words they stand for.
  if (merged) return words >= 1 && words + masked >= MIN_TITLE_WORDS && masked <= words && capitals * 2 > words;
  return words >= MIN_TITLE_WORDS && masked < words && capitals * 2 > words;
}

/** A <*>, with the marks of a sentence's end the miner kept after it (`<*>...`): a masked word of a title. */
const MASKED_WORD = /^<\*>[.!?]*$/;

/**
 * A family of title runs after the message's first word alone (mergeTailRuns) is one statement's when the file shows
 * more distinct titles than a few events would name (more than maxEventValues templates): Directus' `Applying Remove
 * System Relations...` / `Applying Add Insights...`, one migration's name each, systemd's `Starting Network
 * Manager...`. A verb opening a message and a name after it is a statement in a loop over named things; a program
 * that writes its own messages in title case (`Server Started Successfully`, `Server Shutting Down`) writes a few,
 * which stay apart.
 */
function manyTitles(family: readonly Group[], rule: VariabilityRule): boolean {
  let templates = 0;
  for (const group of family) templates += group.members.length;
  return templates > rule.maxEventValues;
}

/** Words a title holds (isTitleRun): one capitalised word is as often a code's constant (`SHA512`, `HTML`). */
const MIN_TITLE_WORDS = 2;
/** A word of a title: letters, with inner apostrophes, dots or hyphens (`Grey's`, `S.H.I.E.L.D.`, `Wi-Fi`). */
const TITLE_WORD = /^\p{L}+(?:['’.-]\p{L}+)*[.!?]*$/u;

/** The token opens with a capital letter (ASCII or another script's). */
function startsUpperCase(token: string): boolean {
  const c = token.charAt(0);
  return c !== c.toLowerCase();
}

/** The token opens with a lower-case letter (ASCII or another script's). */
function startsLowerCase(token: string): boolean {
  const c = token.charAt(0);
  return c !== c.toUpperCase();
}

/**
 * Words of the phrase that names the event a run at `end` closes (mergeTailRuns): the most tokens holding a letter
 * that come in a row before `end`, no <*> between them (a mark such as `-` neither counts nor breaks the row). A
 * sentence names its event with words in a row (`Reached target`, `established a TCP streaming connection with peer
 * <*> (stream`); single words between filled-in values are header columns as often (a logger's name after a shard or
 * thread number, `[shard <*>] init - creating tracing`, `global <*> Initializing p2p server...`), and one verb left
 * before the run makes the run its object (`creating tracing` / `creating snitch` / `starting tokens manager`, each
 * its own statement), as `Starting job controller` / `Starting daemon sets controller` are.
 */
function phraseWords(tokens: readonly string[], end: number, seps: readonly string[] | undefined): number {
  const tagged = bracketedTokens(tokens.length, seps);
  let most = 0;
  let row = 0;
  for (let i = 0; i < end; i++) {
    if (tokens[i] === WILDCARD || tagged[i]) row = 0;
    else if (hasLetter(tokens[i])) most = Math.max(most, ++row);
  }
  return most;
}

/**
 * Which of a message's tokens stand inside square brackets, read from the text between them (`seps`, Tokenized.seps):
 * a `]` closes the tokens since the last `[`, or since the message's start when no `[` came between them (it opened
 * before the first token: `[INFO: Main] 3 prefixes`). Such a tag (`[INFO: Main]`, `[worker 3]`) is a column a header
 * left in the message, not words of its sentence (phraseWords).
 */
function bracketedTokens(length: number, seps: readonly string[] | undefined): boolean[] {
  const tagged = new Array<boolean>(length).fill(false);
  if (!seps) return tagged;
  let opened = 0;
  for (let i = 0; i < length && i < seps.length; i++) {
    const sep = seps[i];
    const close = sep.indexOf(']');
    if (close >= 0) {
      for (let j = opened; j <= i; j++) tagged[j] = true;
      opened = i + 1;
    }
    // An opening after the closing (`] [`) starts the next tag at the next token.
    if (sep.lastIndexOf('[') > close) opened = i + 1;
    else if (close < 0 && sep.includes('[')) opened = i + 1;
  }
  return tagged;
}

/** Least constant words around a run mergeInnerRuns reads as one name: a subject and what is said of it. */
const MIN_INNER_WORDS = 3;

/**
 * Merges templates that agree on their first and last words and differ in a run of one to MAX_TAIL_RUN tokens
 * between them, when the runs differ in length and behave as a variable's values (tailRunIsVariable's rule): a name of
 * a varying number of words (isNameRun) that a statement fills in mid-sentence (OctoPrint's `Plugin %s is disabled.` with
 * `Discovery`, `Software Update`, `Anonymous Usage Tracking`), which neither templates of one length nor a run at the
 * message's end can show. Why it holds: a statement keeps its words on both sides of what it fills in, and names of
 * several lengths at one place are not a program's own words, which have one spelling each; a few names with many
 * lines each still sort lines into events (isVariablePosition), nor do names whose lines keep to different levels
 * (levelsTellApart). At least MIN_INNER_WORDS constant words must stay,
 * one before the run and one after it, so that a verb and its object (`Starting job controller` / `Starting daemon
 * sets controller`, two statements) stay apart. The merged template is the member whose run is one token (the
 * others' runs become its <*>); without such a member nothing merges, since the template is rendered from one member's
 * separators. Longer shared ends are tried first.
 */
function mergeInnerRuns(alive: Group[], rule: VariabilityRule, mayMerge: (word: string) => boolean): void {
  const families = new Map<string, { prefix: number; suffix: number; groups: Group[] }>();
  for (const group of alive) {
    const length = group.tokens.length;
    // A long message's middle rarely decides its event, and its keys cost its length squared (MAX_POSITIONS).
    // The first word is the statement's own; after the name, a word of its own must come too (below), and values may
    // follow it to the end: a statement appends what it was given after its sentence (Overseerr's `… for library:
    // Hindi Movies {"lastScan":<*>}`), which says nothing of whether the name is one.
    if (length > MAX_POSITIONS || group.tokens[0] === WILDCARD) continue;
    for (let run = 1; run <= MAX_TAIL_RUN; run++) {
      for (let prefix = 1; prefix + run < length; prefix++) {
        const suffix = length - prefix - run;
        const after = constantWordsFrom(group.tokens, prefix + run);
        if (after === 0 || constantWords(group.tokens, prefix) + after < MIN_INNER_WORDS) continue;
        const key = `${prefix}:${suffix}|${group.tokens.slice(0, prefix).join('\u0001')}|${group.tokens.slice(prefix + run).join('\u0001')}`;
        const family = families.get(key);
        if (family) family.groups.push(group);
        else families.set(key, { prefix, suffix, groups: [group] });
      }
    }
  }
  const ordered = [...families.values()].filter((f) => f.groups.length >= 2).sort((a, b) => b.prefix + b.suffix - (a.prefix + a.suffix));
  for (const { prefix, suffix, groups } of ordered) {
    const runOfGroup = (group: Group) => group.tokens.slice(prefix, group.tokens.length - suffix).join(' ');
    const named = groups.filter((group) => group.alive && group.tokens.length - prefix - suffix >= 1 && isNameRun(group.tokens.slice(prefix, group.tokens.length - suffix)));
    const family = mergeableMembers(named, runOfGroup, (run) => run.includes(' ') || mayMerge(run));
    if (family.length < 2) continue;
    const counts = new Map<string, number>();
    const lengths = new Set<number>();
    for (const group of family) {
      lengths.add(group.tokens.length);
      const run = runOfGroup(group);
      counts.set(run, (counts.get(run) ?? 0) + group.count);
    }
    const into = family.filter((group) => group.tokens.length === prefix + suffix + 1).sort((a, b) => a.id - b.id)[0];
    if (!into || lengths.size < 2 || !isVariablePosition([...counts.values()], rule) || levelsTellApart(family)) continue;
    into.tokens = [...into.tokens];
    into.tokens[prefix] = WILDCARD;
    absorb(into, family.filter((group) => group !== into));
  }
}

/**
 * The run may be a name a statement filled in: one word, or several whose words all start with a capital letter or a
 * digit (`Software Update`, `CuraEngine (<= <*>)`), as a multi-word name of a thing is spelled. Lower-case words are
 * the statement's own wording (`Failed password for <*> from …` / `… for invalid user <*> from …`, two statements),
 * and a run of <*> alone is a value already, not a name.
 */
function isNameRun(run: readonly string[]): boolean {
  if (run.length === 1) return run[0] !== WILDCARD;
  let words = 0;
  for (const token of run) {
    if (token === WILDCARD) continue;
    const c = token.charCodeAt(0);
    if (hasLetter(token) && !((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
    words++;
  }
  return words > 0;
}

/** Tokens from `start` on that are words, not <*>. */
function constantWordsFrom(tokens: readonly string[], start: number): number {
  let words = 0;
  for (let i = start; i < tokens.length; i++) if (tokens[i] !== WILDCARD) words++;
  return words;
}

/** Most tokens of a field list mergeFieldTails reads (fields of a key and its <*>: eight). */
const MAX_FIELD_TAIL = 16;

/**
 * Merges templates that agree on their first words and end in lists of fields (a key and its <*>) that differ in
 * which keys they hold, when the lists behave as a variable's values (isVariablePosition over the distinct lists):
 * a statement that writes only the fields that apply (smtpd's `disconnect from <*> ehlo=1 auth=0/1 quit=1
 * commands=3/4`, one counter per command the client sent), which templates of one length cannot show. A few lists
 * with many lines each stay apart, as a few words at one position do (PAM's `rhost=<*>` / `rhost=<*> user=<*>` are two
 * events). The longest shared beginning is tried first; an empty list counts as one of the lists.
 */
function mergeFieldTails(alive: Group[], rule: VariabilityRule): void {
  const byPrefix = new Map<number, Group[]>();
  for (const group of alive) {
    for (const prefix of fieldTailStarts(group.tokens)) {
      const list = byPrefix.get(prefix);
      if (list) list.push(group);
      else byPrefix.set(prefix, [group]);
    }
  }
  for (const prefix of [...byPrefix.keys()].sort((a, b) => b - a)) {
    // A group merged at a longer prefix has other tokens now: it was read there.
    const families = familiesBy(byPrefix.get(prefix) as Group[], (group) => (group.alive && fieldTailStarts(group.tokens).includes(prefix) ? group.tokens.slice(0, prefix).join('\u0001') : undefined));
    for (const groups of families) {
      const counts = tailCounts(groups, prefix);
      if (counts.size < 2 || !isVariablePosition([...counts.values()], rule)) continue;
      groups.sort((a, b) => a.id - b.id);
      const [into, ...rest] = groups;
      const head = into.tokens.slice(0, prefix);
      into.tokens = head[head.length - 1] === WILDCARD ? head : [...head, WILDCARD];
      absorb(into, rest);
    }
  }
}

/** Distinct unmasked texts after one sentence's label that make its text a value (see mergeColonTails). */
const MIN_TAIL_TEXTS = 3;

/**
 * Merges templates that agree on everything up to a `: ` and differ in the text after it, when that text behaves as
 * a value (isSlotValuesVariable over the distinct texts): a statement that appends a message it was given, an error's
 * text (`item "<*>" became not supported: Unsupported item key.` / `…: Cannot send ICMP ping packets to this host.`,
 * Puppet's `Error 500 on SERVER: <the server's error>`) or a list (dnsmasq's `requested options: 1:netmask, …`).
 * The text before the colon must hold a <*>: a sentence that has filled in a value and then names what it was given,
 * which a constant label (`pam_unix(sshd:auth): authentication failure` / `…: check pass`, two statements) does not
 * show. A `: ` frames the text as a value as a key or quotes frame a word, so MIN_TAIL_TEXTS texts are enough unless
 * each holds many lines (then they sort lines into events, as a 2,000-line file shows where it has them); the longest shared
 * beginning is tried first and the merged template ends in one <*>. A first word shaped as a value (leadsWithValue) is
 * a second place that varies at once: it joins the family when the family shows it a variable (leadingFamilies), as
 * one statement printed for several drivers or files does.
 */
function mergeColonTails(alive: Group[], rule: VariabilityRule, isValue: (word: string) => boolean): void {
  const byPrefix = new Map<number, Group[]>();
  /** Groups whose label at that prefix is a bare one (colonTailStarts' `bare`). */
  const bare = new Set<string>();
  for (const group of alive) {
    for (const start of colonTailStarts(group)) {
      const list = byPrefix.get(start.at);
      if (list) list.push(group);
      else byPrefix.set(start.at, [group]);
      if (start.bare) bare.add(`${group.id}:${start.at}`);
    }
  }
  for (const prefix of [...byPrefix.keys()].sort((a, b) => b - a)) {
    const families = familiesBy(byPrefix.get(prefix) as Group[], (group) => {
      if (!group.alive || group.tokens.length < prefix) return undefined;
      // The label's separator without its trailing space: an empty text (`closed: 13,`) ends the message at the label.
      const seps = group.seps as readonly string[];
      // A first word shaped as a value is left out of the key: the family decides it (leadingFamilies).
      const first = leadsWithValue(group, isValue) ? WILDCARD : group.tokens[0];
      return `${first}\u0001${group.tokens.slice(1, prefix).join('\u0001')}\u0002${seps.slice(0, prefix - 1).join('\u0001')}\u0001${(seps[prefix - 1] ?? '').trimEnd()}`;
    }).flatMap(leadingFamilies);
    for (const family of families) {
      const groups = family.filter((group) => !addsField(group, prefix));
      if (groups.length < 2) continue;
      const counts = tailCounts(groups, prefix);
      const masked = counts.has(WILDCARD);
      // A bare label (`webroot: <*>` / `webroot: EnvVars.masterEnvVars.get("JENKINS_HOME")`) needs the file to show it
      // a value's label: a member whose text there is one masked value.
      const labelOnly = groups.some((group) => bare.has(`${group.id}:${prefix}`));
      // Unmasked, the texts must be MIN_TAIL_TEXTS or more: two texts after one sentence are as often two statements as
      // one with a value, and a small file cannot tell them apart. Held-out real logs lost more by merging on two than
      // the studied ones gained.
      if (counts.size < 2 || !(masked || (!labelOnly && counts.size >= MIN_TAIL_TEXTS && isSlotValuesVariable([...counts.values()], rule)))) continue;
      groups.sort((a, b) => a.id - b.id);
      const [into, ...rest] = groups;
      into.tokens = [...into.tokens.slice(0, prefix), WILDCARD];
      if (rest.some((group) => group.tokens[0] !== into.tokens[0])) into.tokens[0] = WILDCARD;
      absorb(into, rest);
    }
  }
}

/**
 * The clause a run of words from token `prefix` closes with: its tokens after the last `, ` (key: the tokens and the
 * text between them; length: tokens), when they hold a word; or undefined (no `, ` in the run, or only values after it).
 */
function closingClause(group: Group, prefix: number): { key: string; length: number; status?: boolean } | undefined {
  const { tokens } = group;
  const seps = group.seps ?? [];
  // A result in parentheses closing the run (`Check disk sda (PASSED)`): a clause of one word.
  const last = tokens.length - 1;
  if (last > prefix && STATUS_WORD.test(tokens[last]) && (seps[last - 1] ?? '').endsWith('(') && (seps[last] ?? '').startsWith(')')) {
    return { key: `(${tokens[last]})`, length: 1, status: true };
  }
  for (let i = tokens.length - 2; i >= prefix; i--) {
    if (!(seps[i] ?? '').endsWith(', ')) continue;
    const clause = tokens.slice(i + 1);
    if (!clause.some((token) => token !== WILDCARD && /\p{L}/u.test(token))) return undefined;
    return { key: `${clause.join('\u0001')}\u0002${seps.slice(i + 1, tokens.length - 1).join('\u0001')}`, length: clause.length };
  }
  return undefined;
}

/**
 * A mergeTailRuns family split by the fixed wording its runs close with after a `, `, where the file shows that
 * wording recurring (two members or more, each with another text before it): `Sync error: <*>, retrying` and `…:
 * remote closed, retrying` beside `Sync error: timeout, giving up`. Why it holds: a closing clause the file shows after
 * several texts is the program's own wording printed after the value (`%s, retrying`), so its members are one
 * statement whose value ends before the clause (`clause`: its tokens, which the merged template keeps), and a member
 * that closes otherwise is another statement. An error's text that holds a comma (`disk full, retrying in 5 s` beside
 * `no space left on device, errno 28`) closes with words no other member repeats: those members stay one family
 * (`clause` 0), as before.
 */
function clauseFamilies(family: Group[], prefix: number): { members: Group[]; clause: number }[] {
  const byClause = new Map<string, { members: Group[]; clause: number }>();
  const rest: Group[] = [];
  for (const group of family) {
    const clause = closingClause(group, prefix);
    if (clause === undefined) rest.push(group);
    else {
      const same = byClause.get(clause.key);
      if (same) same.members.push(group);
      else byClause.set(clause.key, { members: [group], clause: clause.length });
    }
  }
  const recurring = [...byClause.values()].filter(({ members }) => members.length >= 2);
  if (recurring.length === 0) return [{ members: family, clause: 0 }];
  // A status that recurs makes every status in parentheses a result of the statement: one seen once stays apart too.
  const statuses = recurring.some(({ members }) => closingClause(members[0], prefix)?.status);
  const alone: { members: Group[]; clause: number }[] = [];
  for (const entry of byClause.values()) {
    if (entry.members.length >= 2) continue;
    if (statuses && closingClause(entry.members[0], prefix)?.status) alone.push(entry);
    else rest.push(...entry.members);
  }
  return [{ members: rest, clause: 0 }, ...recurring, ...alone];
}

/** A result word in capitals (`PASSED`, `FAILED`, `NOT_FOUND`), as a status column or a test runner prints it. */
const STATUS_WORD = /^[A-Z][A-Z_]+$/;

/**
 * The text after the label at `prefix` is one token and then another field of a record, `, label: ` (`libvirt version:
 * <*>, package: <*> (…)` beside `libvirt version: <*>`): a record with one more field, which another call prints (the
 * one that knows the package). The text after a label is a value the statement was given, and a value does not go on
 * with a label of its own; so that text is no value of the shorter statement's label, and mergeColonTails leaves it out.
 */
function addsField(group: Group, prefix: number): boolean {
  const seps = group.seps;
  if (seps === undefined) return false;
  // The label may be a few words joined by blanks (Nearcore's `Version: %s, Build: %s, Latest Protocol: %s` beside
  // `Version: %s, Build: %s`): a field's name is as often a few words (`max threads`, `time elapsed`), MAX_LABEL_WORDS
  // at most, as namesField reads a label.
  let end = prefix + 1;
  while (end - prefix < MAX_LABEL_WORDS && seps[end] === ' ' && PROSE_LABEL.test(group.tokens[end] ?? '')) end++;
  const label = group.tokens[end];
  if (seps[end] !== ': ' || label === undefined || label === WILDCARD || !PROSE_LABEL.test(label)) return false;
  // After a value masked whole, a blank is as good as a comma (Sunshine's `Sunshine version: <*> commit: <*>` beside
  // `Sunshine version: <*>`): the value ended where its mask did, and a word with its own `: ` after it is a label when
  // a value masked whole follows it too; a word after it is an error text's (`failed: 403 Forbidden: access denied`,
  // a status and its reason, then the detail, all one value; rev23).
  return seps[prefix] === ', ' || (seps[prefix] === ' ' && group.tokens[prefix] === WILDCARD && group.tokens[end + 1] === WILDCARD);
}

/** A word of a field's label after `, `: letters only (`package`, `Speed`, `Latest Protocol`). */
const PROSE_LABEL = /^\p{L}+$/u;

/** Least constant words around a free text mergeFramedTexts reads: a sentence on both sides, not a verb and a noun. */
const MIN_FRAME_WORDS = 6;
/** Tokens a frame's key takes from each end (mergeFramedTexts): the words that open and close the sentence. */
const FRAME_KEY_HEAD = 2;
const FRAME_KEY_TAIL = 3;

/**
 * Merges templates that open with the same words and close with the same words and differ in a run of several words
 * between, when the frame is long and the middle does not repeat: MIN_FRAME_WORDS or more constant words on the two
 * sides together (at least one on each), MIN_TAIL_TEXTS or more distinct middles of two or more lengths, no two of them
 * opening or closing with the same word (nor a <*>), each holding a value's shape (holdsValueShape), that behave as a
 * value (isSlotValuesVariable), and no levels telling them apart (Kavita's `[ScannerService] Skipped File Scan for <a
 * library path with spaces> as it hasn't changed since last scan`, one line per series). Why it holds: a
 * program writes its sentence around what it was given, so the same long sentence on both sides of texts that differ
 * in length and wording is one statement with free text filled in (a title, a path with spaces, a server's reply);
 * two statements of a program that share six words around different wording are rare, and three such texts are a
 * list. A short frame (`Starting job controller` / `Starting daemon sets controller`) stays with mergeInnerRuns'
 * stricter rule, and one-word middles with the one-position rule. The merged template is the member with the
 * shortest middle, its middle's tokens written as <*> (the template is rendered from one member's separators).
 */
function mergeFramedTexts(alive: Group[], rule: VariabilityRule): void {
  const families = familiesBy(alive, (group) => {
    const n = group.tokens.length;
    if (n < FRAME_KEY_HEAD + FRAME_KEY_TAIL + 1) return undefined;
    return `${group.tokens.slice(0, FRAME_KEY_HEAD).join('\u0001')}\u0002${group.tokens.slice(n - FRAME_KEY_TAIL).join('\u0001')}`;
  });
  for (const family of families) {
    const shortest = Math.min(...family.map((group) => group.tokens.length));
    // The longest beginning and end every member shares, leaving at least one token between them in each.
    let prefix = FRAME_KEY_HEAD;
    while (prefix < shortest - FRAME_KEY_TAIL - 1 && family.every((group) => group.tokens[prefix] === family[0].tokens[prefix])) prefix++;
    let suffix = FRAME_KEY_TAIL;
    const tokenFromEnd = (group: Group, k: number) => group.tokens[group.tokens.length - 1 - k];
    while (prefix + suffix < shortest - 1 && family.every((group) => tokenFromEnd(group, suffix) === tokenFromEnd(family[0], suffix))) suffix++;
    const frame = family[0].tokens;
    if (constantWords(frame, prefix) + constantWordsFrom(frame, frame.length - suffix) < MIN_FRAME_WORDS || levelsTellApart(family)) continue;
    const counts = new Map<string, number>();
    const lengths = new Set<number>();
    const firsts = new Set<string>();
    const lasts = new Set<string>();
    for (const group of family) {
      const middle = group.tokens.slice(prefix, group.tokens.length - suffix);
      lengths.add(middle.length);
      const key = middle.join(' ');
      if (!counts.has(key)) {
        firsts.add(middle[0]);
        lasts.add(middle[middle.length - 1]);
      }
      counts.set(key, (counts.get(key) ?? 0) + group.count);
    }
    // Free texts differ from their first word to their last; wordings of a program's statements share words at an end
    // (PHP-FPM's `child <*> exited with code <*> after …` / `… exited on signal <*> after …` / `… on signal <*> (SIGSEGV
    // - core dumped) after …`: two statements, one with a signal's name).
    const free = firsts.size === counts.size && lasts.size === counts.size && !firsts.has(WILDCARD) && !lasts.has(WILDCARD);
    if (!free || ![...counts.keys()].every(holdsValueShape) || lengths.size < 2 || counts.size < MIN_TAIL_TEXTS || !isSlotValuesVariable([...counts.values()], rule)) continue;
    family.sort((a, b) => a.tokens.length - b.tokens.length || a.id - b.id);
    const [into, ...rest] = family;
    into.tokens = into.tokens.map((token, i) => (i >= prefix && i < into.tokens.length - suffix ? WILDCARD : token));
    absorb(into, rest);
  }
}

/**
 * Whether a free text (its tokens joined by spaces) holds something a value has and a wording of the program's does
 * not: a character other than a letter (a path's `/`, a number, a bracket, a quote) or a capital after its first word
 * (a title). Outcomes written in plain words between one frame (`completed successfully` / `failed with disk errors` /
 * `was cancelled by the operator`) are the program's own statements and stay apart (found by break10).
 */
function holdsValueShape(text: string): boolean {
  return /[^\p{L} ]/u.test(text) || /. .*\p{Lu}/u.test(text);
}

/** Families of two or more groups with one key (`keyOf`; undefined leaves a group out), in first-seen order. */
function familiesBy(groups: Group[], keyOf: (group: Group) => string | undefined): Group[][] {
  const families = new Map<string, Group[]>();
  for (const group of groups) {
    const key = keyOf(group);
    if (key === undefined) continue;
    const family = families.get(key);
    if (family) family.push(group);
    else families.set(key, [group]);
  }
  return [...families.values()].filter((family) => family.length >= 2);
}

/** Lines per distinct text of the groups after `prefix` (their tokens joined by spaces; a lone <*> is WILDCARD). */
function tailCounts(groups: Group[], prefix: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) {
    const text = group.tokens.slice(prefix).join(' ');
    counts.set(text, (counts.get(text) ?? 0) + group.count);
  }
  return counts;
}

/** `into` takes the lines of `rest`, which leave the listing. */
function absorb(into: Group, rest: Group[]): void {
  for (const other of rest) {
    into.members.push(...other.members);
    into.count += other.count;
    if (other.levels) {
      if (!into.levels) into.levels = [...other.levels];
      else for (let i = 0; i < other.levels.length; i++) into.levels[i] += other.levels[i];
    }
    other.alive = false;
  }
}

/**
 * The family's members keep to different levels: each member whose lines have a level has all of them at one level,
 * and two members' levels differ (`payment.charge.succeeded` always INFO, `payment.charge.failed` always ERROR;
 * `Health check of database: passed` INFO, `…: failed` ERROR). One print statement is written with one level, so a
 * word that decides the level is the statement's own, not a value it was given: merging them would file failures under
 * a template whose examples show successes. Members without levelled lines say nothing.
 */
export function levelsTellApart(family: readonly { readonly levels?: readonly number[] }[]): boolean {
  let seen = -1;
  for (const group of family) {
    if (!group.levels) continue;
    let only = -1;
    for (let i = 0; i < group.levels.length; i++) {
      if (group.levels[i] === 0) continue;
      if (only !== -1) return false;
      only = i;
    }
    if (only === -1) continue;
    if (seen === -1) seen = only;
    else if (seen !== only) return true;
  }
  return false;
}

/**
 * The token positions where a text after `: ` starts in a group's message (mergeColonTails): the separator before
 * them ends in a colon and a space outside brackets, after a word. `bare` when the tokens before (after a level's label,
 * where a header ends) do not hold a <*> and MIN_TAIL_PREFIX words: a label alone, not a sentence that filled in a value.
 */
function colonTailStarts(group: Group): { at: number; bare: boolean }[] {
  const starts: { at: number; bare: boolean }[] = [];
  const seps = group.seps;
  if (!seps) return starts;
  let wildcard = false;
  let words = 0;
  let open = 0;
  const closesAtEnd = (seps[group.tokens.length - 1] ?? '').trimEnd().endsWith(']');
  for (let i = 0; i < group.tokens.length; i++) {
    const token = group.tokens[i];
    // At the message's end the text after the label is empty (`stream closed: 13,`): its separator is the label alone.
    const last = i + 1 === group.tokens.length;
    const sep = last ? `${(seps[i] ?? '').trimEnd()} ` : (seps[i] ?? '');
    if (token === WILDCARD) wildcard = true;
    else if (hasLetter(token)) words++;
    // Inside brackets (`[instance: <*>] Attempting claim …`) the colon labels a field of a context tag.
    if (open === 0 && words >= 1 && (endsSentenceLabel(token, sep) || endsLabeledValue(token, i > 0 ? (seps[i - 1] ?? '') : '', sep))) {
      starts.push({ at: i + 1, bare: !(wildcard && words >= MIN_TAIL_PREFIX) });
    }
    // A level's label ends a header: the statement starts after it (`…: Error: sieve: <its message>`).
    if (sep === ': ' && isLevelName(token)) {
      wildcard = false;
      words = 0;
    }
    for (let k = 0; k < sep.length; k++) {
      const c = sep.charCodeAt(k);
      // A bracket opened after a sentence (` [`, outside other brackets) that closes where the message ends frames
      // one value (GlusterFS's `failed. [{errno=107}, {error=…}]`, Zabbix's `query [txnlev:1] [<SQL>]`), as quotes do.
      if (c === 91 && opensOnly(sep, k + 1) && k > 0 && sep.charCodeAt(k - 1) === 32 && open === 0 && closesAtEnd && !last && words >= MIN_TAIL_PREFIX && closesOnlyAtEnd(seps, i + 1, group.tokens.length)) {
        starts.push({ at: i + 1, bare: false });
      }
      if (c === 91 /* [ */ || c === 40 /* ( */) open++;
      else if ((c === 93 /* ] */ || c === 41) /* ) */ && open > 0) open--;
    }
  }
  // The first MAX_COLON_TAILS only: each start costs a key as long as the message (mergeColonTails), and a line of
  // hundreds of `word: ` labels (a list, not a sentence that appends a text) made that work the square of its length.
  return starts.length > MAX_COLON_TAILS ? starts.slice(0, MAX_COLON_TAILS) : starts;
}

/**
 * Labels of one template whose text after them mergeColonTails compares: a sentence appends its text after one label,
 * or a few (`…: Error: sieve: <its message>`); more are a list of fields.
 */
const MAX_COLON_TAILS = 16;

/**
 * `token` is a <*> that a label's `: ` introduced, and a `, ` follows it: the statement goes on with a text it was
 * given after the value (`gRPC config stream closed: 14, no healthy upstream`, or `…: 13,` with the text empty).
 */
function endsLabeledValue(token: string, before: string, sep: string): boolean {
  return token === WILDCARD && sep === ', ' && before.endsWith(': ');
}

/** The separator from `start` on only opens what follows (`{`, `"`, `'`): `[{errno=…`, `["a", …`. */
function opensOnly(sep: string, start: number): boolean {
  for (let k = start; k < sep.length; k++) if (!'{"\''.includes(sep[k])) return false;
  return true;
}

/**
 * A bracket opened just before token `from` stays open through the separators after it and closes in the last one
 * (`[{errno=107}, {error=…}]`), not before (`[be[MYDOMAIN.COM]] [sbus_dispatch] (0x2000): …`, columns of a header).
 */
function closesOnlyAtEnd(seps: readonly string[], from: number, length: number): boolean {
  let depth = 1;
  for (let i = from; i < length; i++) {
    const sep = i === length - 1 ? (seps[i] ?? '').trimEnd() : (seps[i] ?? '');
    for (let k = 0; k < sep.length; k++) {
      const c = sep.charCodeAt(k);
      if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */ && --depth === 0) return i === length - 1 && k === sep.length - 1;
    }
  }
  return false;
}

/** The token holds a letter (ASCII, or any character above U+007F, as a word in another script): a word, not `-`. */
function hasLetter(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i) | 32;
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

/** The word names a level (`Error`, `WARNING`, pm2's `log`): the label a header ends with. */
function isLevelName(token: string): boolean {
  return token.length > 1 && token !== WILDCARD && normalizeLevel(token) !== undefined;
}

/**
 * The separator after `token` is a colon and a space right after a word or a closing quote (`options: `, `"<*>": `):
 * a sentence that goes on with what it was given. After a bracket (`[database config 'master']: `,
 * `pam_unix(sshd:auth): `) or a value masked whole (`['main', 'state']: `) it closes a context tag that a wrapper
 * put before the statement, and the text after it is the statement itself.
 */
function endsSentenceLabel(token: string, sep: string): boolean {
  if (sep.length < 2 || sep.charCodeAt(sep.length - 1) !== 32 || sep.charCodeAt(sep.length - 2) !== 58 /* : */) return false;
  // A level's name (`…<session>: Error: setegid(…) failed`, `PM2 log: App [x] online`) opens the statement it labels.
  if (sep.length === 2) return token !== WILDCARD && !isLevelName(token);
  const before = sep.charCodeAt(sep.length - 3);
  return sep.length === 3 && (before === 34 /* " */ || before === 39 /* ' */);
}

/**
 * The places a list of fields (a word and the <*> after it, to the end) may start in `tokens`, longest list first:
 * from the end back over such pairs, at most MAX_FIELD_TAIL tokens, after at least MIN_TAIL_PREFIX constant words.
 */
function fieldTailStarts(tokens: readonly string[]): number[] {
  const starts: number[] = [];
  let start = tokens.length;
  while (tokens.length - start <= MAX_FIELD_TAIL && constantWords(tokens, start) >= MIN_TAIL_PREFIX) {
    starts.push(start);
    if (start < 2 || tokens[start - 1] !== WILDCARD || tokens[start - 2] === WILDCARD) break;
    start -= 2;
  }
  return starts;
}

/** The words of a group after `prefix`, joined by spaces (WILDCARD when that is all there is). */
function runOf(group: Group, prefix: number): string {
  return group.tokens.length === prefix + 1 ? group.tokens[prefix] : group.tokens.slice(prefix).join(' ');
}

/** Least characters the values of a kind family (isKindFamily) share at their start: `DHCP`, `ULOG`. */
const MIN_KIND_PREFIX = 4;
/**
 * True when the family differs at `position` only in HTTP request methods (tokenize.ts HTTP_METHODS), MIN_KIND_VALUES
 * or more of them typically (median) on fewer than minLinesPerValue lines each, or one beside a <*>, and no levels tell
 * them apart: the method of the request the statement reports on (Radicale's `PROPFIND request at /user/ received` /
 * `GET …` / `REPORT …`). Why it holds: a method comes with each request, as its path does, from a closed set the
 * protocol fixes, so a program that prints three of them at one place spells none of them in its statement. Two are
 * as often two statements, a handler's `GET /list` and its `POST /list` each spelling its own method, as two names
 * with a shared start are (isKindFamily): they stay apart, even in an echoed request line (Tinyproxy's `Request (file
 * descriptor 7): GET http://… HTTP/1.1`), whose version the target's <*> has taken in by then. UPPER_CASE words
 * otherwise name events (mayMerge), so these are read here; methods that each hold many lines sort them into events,
 * as two keyed values do (mergeValueSlots).
 */
function isMethodFamily(family: Group[], position: number, rule: VariabilityRule): boolean {
  const counts = new Map<string, number>();
  let masked = false;
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD) masked = true;
    else if (HTTP_METHODS.has(word)) counts.set(word, (counts.get(word) ?? 0) + group.count);
    else return false;
  }
  if (counts.size === 0 || levelsTellApart(family)) return false;
  if (masked) return true;
  const sorted = [...counts.values()].sort((a, b) => a - b);
  return counts.size >= MIN_KIND_VALUES && sorted[Math.floor(sorted.length / 2)] < rule.minLinesPerValue;
}

/**
 * Every word of the family at `position` is an UPPER_CASE constant's name (words `mayMerge` refuses), more of them than
 * maxSplitValues, and the sentence goes on after them with a word of its own: constants a statement was given to print
 * inside its sentence, which familyIsVariable then judges by their counts as it judges other words (picom's `Atom %s is
 * %d` for each X11 atom it interns, `Atom _NET_WM_NAME is 39` / `Atom WM_CLASS is 67` / …; SpamAssassin's `tagrun - tag
 * %s is now ready` for each tag, `uc $tag`). Why it holds: a program spells a constant that names its own event in that
 * event's statement, one statement per constant, and a few of them (`NEW` / `RUNNING`, Hadoop's states) are as often
 * the statements' names as values, so mergeableMembers keeps them apart; four or more names of no shared namespace
 * (isKindFamily reads those) filling one place mid-sentence, each on few lines, are a list passed through one format.
 * A constant that ends the message (RetroArch's `[Environ]: GET_LOG_INTERFACE.` / `SET_CONTROLLER_INFO.`, one
 * statement per case of a switch, which the studied labels keep apart) is the statement itself and stays apart.
 */
function constantsFillSentence(family: Group[], position: number, rule: VariabilityRule, mayMerge: (word: string) => boolean): boolean {
  const next = family[0].tokens[position + 1];
  if (next === undefined || next === WILDCARD || !hasLetter(next)) return false;
  const words = new Set<string>();
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD) continue;
    if (mayMerge(word)) return false;
    words.add(word);
  }
  return words.size > rule.maxSplitValues;
}

/** Least distinct values that show a kind family: two names with a shared start are as often two events. */
const MIN_KIND_VALUES = 3;

/**
 * True when the family differs at `position` only in UPPER_CASE names (words mayMerge refuses) that all start with the
 * same MIN_KIND_PREFIX characters, MIN_KIND_VALUES or more of them: the members of one enumeration the statement
 * fills in (`Event: ULOG_SUBMIT for Condor Node …` / `ULOG_EXECUTE` / `ULOG_IMAGE_SIZE`, dnsmasq's
 * `DHCPDISCOVER` / `DHCPOFFER` / `DHCPREQUEST`, one call each). A program names its own kinds with a shared prefix
 * (a C enum's, a protocol's message types), so three or more of them at one place are a variable whatever their
 * line counts; that holds on a 2,000-line file as on a 25-line one. CamelCase names are a program's kinds as often
 * (Kubernetes' node conditions `NodeHasSufficientDisk` / `NodeHasSufficientMemory` / `NodeHasNoDiskPressure` in
 * `Recording %s event message for node %s`). Enumeration values without a shared start
 * (`NEW` / `RUNNING`), two names (`SSH2` / `IPv6`), and lower-case words (`usbhid` / `hub`) are left to the counts.
 */
function isKindFamily(family: Group[], position: number, mayMerge: (word: string) => boolean): boolean {
  const values = new Set<string>();
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD) continue;
    if (mayMerge(word) && !isCamelCaseName(word)) return false;
    values.add(word);
  }
  if (values.size < MIN_KIND_VALUES) return false;
  return sharedStartLength(values) >= MIN_KIND_PREFIX;
}

/**
 * An identifier spelled in CamelCase: ASCII letters and digits, an upper-case first letter and another upper-case
 * letter after a lower-case one (`NodeHasSufficientDisk`, `HostMetadataUpdate`), as a type or kind is named.
 */
function isCamelCaseName(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return false;
  let lower = false;
  let hump = false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) hump ||= lower;
    else if (!(c >= 48 && c <= 57)) return false;
  }
  return hump;
}

/**
 * The members of a family that may merge at the place where they differ (`valueOf` gives a member's value there):
 * all of them when most distinct values are ordinary words, where an UPPER_CASE one (`GC` beside `job`, `taint`,
 * `cidrallocator`) is one more name; otherwise those whose value `mayMerge`, so that UPPER_CASE enumeration values
 * (`NEW` / `RUNNING`) each keep naming their own event.
 */
function mergeableMembers(family: Group[], valueOf: (group: Group) => string, mayMerge: (value: string) => boolean): Group[] {
  const distinct = new Set<string>();
  let kept = 0;
  for (const group of family) {
    const value = valueOf(group);
    if (value === WILDCARD || distinct.has(value)) continue;
    distinct.add(value);
    if (!mayMerge(value)) kept++;
  }
  if (kept === 0 || kept * 2 < distinct.size) return family;
  return family.filter((group) => valueOf(group) === WILDCARD || mayMerge(valueOf(group)));
}

/** The punctuation every word ends with (the full stop of `Sockets.` and `System.`), which the template keeps. */
function sharedEnding(words: string[]): string {
  let ending = /[^\p{L}\p{N}]*$/u.exec(words[0])?.[0] ?? '';
  for (const word of words) while (ending && !word.endsWith(ending)) ending = ending.slice(1);
  return ending;
}

/** Tokens before `end` that are words, not <*>. */
export function constantWords(tokens: readonly string[], end: number): number {
  let words = 0;
  for (let i = 0; i < end; i++) if (tokens[i] !== WILDCARD) words++;
  return words;
}

/** The runs after `prefix` take two or more lengths and behave as a variable's values (a run of only <*> is one). */
function tailRunIsVariable(family: Group[], prefix: number, rule: VariabilityRule): boolean {
  const lengths = new Set<number>();
  const counts = new Map<string, number>();
  let masked = false;
  for (const group of family) {
    lengths.add(group.tokens.length);
    const run = group.tokens.slice(prefix);
    if (run.every((word) => word === WILDCARD)) {
      masked = true;
      continue;
    }
    // A name is words: a run that mixes <*> and words is more fields (`rhost=<*> user=<*>`), not a longer name, unless
    // its case says it is a title whose word the miner masked.
    if (!run.every((word) => word !== WILDCARD) && !isTitleRun(group.tokens, prefix)) return false;
    const key = run.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + group.count);
  }
  if (lengths.size < 2) return false;
  if (masked) return true;
  const perRun = [...counts.values()];
  // Runs that each recur the same number of times after words that hold no value are a sequence's own statements
  // printed once per run of it (recursEvenly: `Generating Server identity...` / `… private/public ECDSA key...` /
  // `… token...`, twice each). A value before the run (`connection with peer <*> (stream Message reader)`, each kind
  // of stream for each peer) makes the runs a grid of that value's lines, which recurs evenly as well: a variable.
  if (perRun.length <= rule.maxEventValues && constantWords(family[0].tokens, prefix) === prefix && recursEvenly(perRun)) return false;
  return isVariablePosition(perRun, rule);
}

/**
 * The runs of a clause family (clauseFamilies) before their shared closing clause of `clause` tokens are one value:
 * of two lengths or more, and one <*> already or words that vary as a position's values do (isVariablePosition), as
 * tailRunIsVariable asks of a whole run.
 */
function valuesBeforeClauseVary(family: Group[], prefix: number, clause: number, rule: VariabilityRule): boolean {
  const lengths = new Set<number>();
  const counts = new Map<string, number>();
  let masked = false;
  for (const group of family) {
    const value = group.tokens.slice(prefix, group.tokens.length - clause);
    lengths.add(value.length);
    if (value.length === 1 && value[0] === WILDCARD) masked = true;
    else if (value.includes(WILDCARD)) return false;
    else counts.set(value.join(' '), (counts.get(value.join(' ')) ?? 0) + group.count);
  }
  return lengths.size >= 2 && (masked || isVariablePosition([...counts.values()], rule));
}

/** Least distinct keys a padded `key   value` dump must show to be one statement (mergePaddedKeys). */
const MIN_PADDED_KEYS = 3;

/**
 * Merges messages of two tokens, `key<spaces>value`, whose keys are padded to one column (each key and its spaces
 * equally wide) when MIN_PADDED_KEYS keys or more show it: a settings dump printed by one call with a padded field,
 * `%-25s %s` (Motion's `daemon                    on` / `setup_mode                off` / `logfile …`). Why it holds:
 * a program that writes each setting in a statement of its own spells its label, with a colon (`SSH2 support:` /
 * `IPv6 support:`, each its own statement even when aligned by hand); a bare name padded to the width of the longest
 * is a value a format was given. A key holding `:` or `=` is such a label, and keys padded to different widths are no
 * one column. Levels that tell the lines apart keep them apart.
 */
function mergePaddedKeys(pairs: Group[], ids: TokenIds): void {
  const byWidth = new Map<number, Group[]>();
  for (const group of pairs) {
    const [key] = group.tokens;
    const pad = group.seps?.[0] ?? '';
    if (!group.alive || key === WILDCARD || !/^ {2,}$/.test(pad) || /[:=]/.test(key) || !hasLetter(key)) continue;
    const width = key.length + pad.length;
    const family = byWidth.get(width);
    if (family) family.push(group);
    else byWidth.set(width, [group]);
  }
  for (const family of byWidth.values()) {
    if (new Set(family.map((group) => group.tokens[0])).size < MIN_PADDED_KEYS || levelsTellApart(family)) continue;
    family.sort((a, b) => a.id - b.id);
    const [into, ...rest] = family;
    setToken(into, 0, WILDCARD, ids);
    setToken(into, 1, WILDCARD, ids);
    absorb(into, rest);
  }
}

/** Least characters of a ruler (isRuler): one mark repeated, `-----`. */
const MIN_RULER = 5;
/** Least distinct lengths of one mark's rulers that make them one statement (mergeRulers). */
const MIN_RULER_LENGTHS = 3;

/**
 * Merges messages that are only a ruler (isRuler) of one mark when the file shows MIN_RULER_LENGTHS or more lengths of
 * it: a program that sizes its ruler to the text it frames (fastlane's box around each `--- Step: <name> ---`, as long
 * as the step's title) prints one statement whose length is data. The merged template reads `<mark><*>`. Why it
 * holds: a ruler the program spells as a constant has one length, and a program that prints two (Dask's worker and
 * scheduler banners, 49 and 47 dashes, from two loggers) has two statements; two lengths stay apart.
 * Levels that tell the rulers apart keep them apart.
 */
function mergeRulers(single: Group[], ids: TokenIds): void {
  const byMark = new Map<string, Group[]>();
  for (const group of single) {
    const token = group.tokens[0];
    if (!group.alive || !isRuler(token)) continue;
    const family = byMark.get(token[0]);
    if (family) family.push(group);
    else byMark.set(token[0], [group]);
  }
  for (const [mark, family] of byMark) {
    if (new Set(family.map((group) => group.tokens[0].length)).size < MIN_RULER_LENGTHS || levelsTellApart(family)) continue;
    family.sort((a, b) => a.id - b.id);
    const [into, ...rest] = family;
    setToken(into, 0, `${mark}${WILDCARD}`, ids);
    absorb(into, rest);
  }
}

/** The token is one mark that is neither a letter nor a digit, repeated MIN_RULER times or more (`-----`, `=====`). */
function isRuler(token: string): boolean {
  if (token.length < MIN_RULER) return false;
  const mark = token.charCodeAt(0);
  if (isAlphanumeric(mark) || mark === 60 /* < of <*> */) return false;
  for (let i = 1; i < token.length; i++) if (token.charCodeAt(i) !== mark) return false;
  return true;
}

/** An ASCII letter or digit, or any character above ASCII (a letter of another script). */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

/**
 * A rare template (fewer than minLinesPerValue lines) that a larger one of the same length (minLinesPerValue lines or
 * more: enough to show its <*> are variables) covers joins it: the larger one holds <*> at every position where they
 * differ, and they share more words than they differ in. Its words there are
 * more values of those variables that happen to look like words (a hex id without a digit, `ffbffcaa`); the miner's
 * tree routed them by such a word to a branch of their own, so they never met the template they fit. Templates are
 * compared only with those that start with the same word (the first word names the event).
 */
function absorbCovered(list: Group[], rule: VariabilityRule, mayMerge: (word: string) => boolean): void {
  const byFirst = new Map<string, Group[]>();
  for (const group of list) {
    if (!group.alive) continue;
    const same = byFirst.get(group.tokens[0]);
    if (same) same.push(group);
    else byFirst.set(group.tokens[0], [group]);
  }
  for (const same of byFirst.values()) {
    if (same.length < 2) continue;
    // Largest first: a rare template joins the largest that covers it.
    same.sort((a, b) => b.count - a.count || a.id - b.id);
    for (const rare of same) {
      if (!rare.alive || rare.count >= rule.minLinesPerValue) continue;
      const into = same.find((wide) => wide !== rare && wide.alive && wide.count >= rule.minLinesPerValue && wide.count > rare.count && covers(wide, rare, mayMerge));
      if (!into) continue;
      into.members.push(...rare.members);
      into.count += rare.count;
      rare.alive = false;
    }
  }
}

/**
 * `wide` has <*> wherever its tokens differ from `narrow`'s (never at an enum value), quoted as `narrow`'s word there
 * (sameQuotes), and more shared words than those.
 */
function covers(wide: Group, narrow: Group, mayMerge: (word: string) => boolean): boolean {
  let shared = 0;
  let covered = 0;
  for (let i = 0; i < wide.tokens.length; i++) {
    const word = narrow.tokens[i];
    if (wide.tokens[i] === word) {
      if (word !== WILDCARD) shared++;
    } else if (wide.tokens[i] !== WILDCARD || !mayMerge(word) || !sameQuotes(wide, narrow, i)) return false;
    else covered++;
  }
  return covered > 0 && shared > covered;
}

/**
 * Token `position` is quoted alike in the two groups: the quote marks right before and after it (if any) are the same.
 * A statement quotes what it fills in the same way on every line (`process command "%s"`), so a bare word where the
 * other quotes its <*> (MPD's `process command list` beside `process command "status"`) is another statement's own
 * text, not one more value (the miner's place() keeps such lines apart by the same reading).
 */
function sameQuotes(a: Group, b: Group, position: number): boolean {
  const before = (group: Group) => {
    const sep = position === 0 ? '' : (group.seps?.[position - 1] ?? '');
    return quoteMarkAt(sep, sep.length - 1);
  };
  const after = (group: Group) => quoteMarkAt(group.seps?.[position] ?? '', 0);
  return before(a) === before(b) && after(a) === after(b);
}

/**
 * The quote mark at `index` of `text` (`"`, `'` or a backtick, as its character code), or -1 where there is none or
 * `index` is outside the text: the mark that frames a quoted value on one side.
 */
export function quoteMarkAt(text: string, index: number): number {
  const c = index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
  return c === 34 /* " */ || c === 39 /* ' */ || c === 96 /* ` */ ? c : -1;
}

/**
 * The text before `end` (a UTF-16 offset into `text`, 0..text.length) ends in a key's `=`: an `=`, then blanks (spaces
 * or tabs) and one opening quote mark, each optional (`key=`, `key = `, `key="`, `key = '`). A word a key's `=` gives
 * is that key's value: the miner frames it apart from a bare word at that place (`prio = const` is no line of `prio
 * args = ""`), and a family reads the words there as the key's values (familyIsVariable). An `=` that ends a comparison
 * (`==`, `!=`, `<=`, `>=`) gives no key its value: `if x == ready` compares with a statement's own word. One rule for
 * both readers, so a word the miner frames as a key's value is one the family reads as such.
 */
export function keyEqualsBefore(text: string, end: number): boolean {
  let i = Math.min(end, text.length) - 1;
  if (i >= 0 && quoteMarkAt(text, i) >= 0) i--;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || text.charCodeAt(i) !== 61 /* = */) return false;
  const before = i > 0 ? text.charCodeAt(i - 1) : -1;
  return before !== 61 /* = */ && before !== 33 /* ! */ && before !== 60 /* < */ && before !== 62 /* > */;
}

/**
 * keyEqualsBefore read on a tokenized message: `sep` is the separator before a token, `previous` the token before it
 * (undefined for the first). The separator can start at the `=` of a comparison whose first mark is a token of its own
 * (`state != ready` tokenizes `!`), so that token's last character is read with it; a mask (`<*>`) stands for a value,
 * whose last character is no mark.
 */
export function keyEqualsAfter(previous: string | undefined, sep: string): boolean {
  if (sep.charCodeAt(0) !== 61 /* = */ || previous === undefined || previous === WILDCARD || previous.length === 0) return keyEqualsBefore(sep, sep.length);
  const text = previous[previous.length - 1] + sep;
  return keyEqualsBefore(text, text.length);
}

interface Group {
  members: number[];
  tokens: string[];
  /** Token ids (TokenIds) of `tokens`, and two polynomial hashes of them (uint32), one per base. */
  codes: number[];
  hashes: [number, number];
  /**
   * The tokens beyond MAX_POSITIONS (never merged), joined, as its TokenIds id (0: none): part of every key, and a
   * number, so that a key costs the same however long the message (the joined text was copied into every key).
   */
  tail: number;
  slots: readonly number[] | undefined;
  weak: readonly number[] | undefined;
  seps: readonly string[] | undefined;
  /** Lines per level of every member (PositionUnit.levels summed); undefined when no unit had levels. */
  levels: number[] | undefined;
  count: number;
  id: number;
  alive: boolean;
}

/** Small integers for token strings, so that hashes of token sequences are cheap. */
class TokenIds {
  private readonly ids = new Map<string, number>();
  of(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(token, id);
    }
    return id;
  }
}

const BASES = [0x01000193, 0x5bd1e995] as const;
const MAX_POSITIONS_POWERS = BASES.map((base) => {
  const powers = [1];
  for (let i = 1; i < MAX_POSITIONS; i++) powers.push(Math.imul(powers[i - 1], base) >>> 0);
  return powers;
});

function newGroup(unit: PositionUnit, index: number, ids: TokenIds): Group {
  const tokens = [...unit.tokens];
  const codes = tokens.map((token) => ids.of(token));
  const hashes: [number, number] = [0, 0];
  for (let lane = 0; lane < 2; lane++) {
    let hash = 0;
    // Only the positions looked at take part: a key is the same for every tail beyond them, as MAX_POSITIONS says.
    for (let i = 0; i < Math.min(codes.length, MAX_POSITIONS); i++) hash = (hash + Math.imul(codes[i], MAX_POSITIONS_POWERS[lane][i])) >>> 0;
    hashes[lane] = hash;
  }
  const tail = tokens.length > MAX_POSITIONS ? ids.of(tokens.slice(MAX_POSITIONS).join('\u0001')) : 0;
  return { members: [index], tokens, codes, hashes, tail, slots: unit.valueSlots, weak: unit.weakSlots, seps: unit.seps, levels: unit.levels ? [...unit.levels] : undefined, count: unit.count, id: unit.id, alive: true };
}

function setToken(group: Group, position: number, token: string, ids: TokenIds): void {
  const code = ids.of(token);
  for (let lane = 0; lane < 2; lane++) {
    const power = MAX_POSITIONS_POWERS[lane][position];
    group.hashes[lane] = (group.hashes[lane] - Math.imul(group.codes[position], power) + Math.imul(code, power)) >>> 0;
  }
  group.codes[position] = code;
  group.tokens[position] = token;
}

/** A key for the group's tokens with `position` left out (and its tail beyond MAX_POSITIONS when they agree). */
function keyWithout(group: Group, position: number): string {
  const a = (group.hashes[0] - Math.imul(group.codes[position], MAX_POSITIONS_POWERS[0][position])) >>> 0;
  const b = (group.hashes[1] - Math.imul(group.codes[position], MAX_POSITIONS_POWERS[1][position])) >>> 0;
  return `${a}:${b}:${group.tail}`;
}

/** The group's hash in `lane` (0 or 1) with `position` left out: keyWithout's first or second number. */
function hashWithout(group: Group, lane: 0 | 1, position: number): number {
  return (group.hashes[lane] - Math.imul(group.codes[position], MAX_POSITIONS_POWERS[lane][position])) >>> 0;
}

/** The group's hash in `lane` (0 or 1) with places `p` and `q` left out (hashWithout for two places). */
function hashWithoutTwo(group: Group, lane: 0 | 1, p: number, q: number): number {
  const powers = MAX_POSITIONS_POWERS[lane];
  return (group.hashes[lane] - Math.imul(group.codes[p], powers[p]) - Math.imul(group.codes[q], powers[q])) >>> 0;
}

/**
 * Living templates of one length that agree everywhere but at `position`, in families of two or more. The first word
 * is never looked at: it names the event (`syslogd startup succeeded`, `klogd startup succeeded`), as the miner's tree
 * already assumes, and a message needs a constant word left besides the merged one.
 */
function familiesAt(list: Group[], position: number): Group[][] {
  const families = new Families();
  for (const group of list) if (group.alive) families.add(hashWithout(group, 0, position), hashWithout(group, 1, position), group);
  const result: Group[][] = [];
  for (const { groups } of families.inOrder) if (groups.length >= 2) result.push(groups);
  return result;
}

/** Groups of one family (Families): the hashes and tail they share, and the next family whose first hash has the same low bits. */
interface Family {
  a: number;
  b: number;
  tail: number;
  groups: Group[];
  next: Family | undefined;
}

/**
 * Groups gathered into families by their two hashes with some places left out and their tail (the numbers keyWithout
 * writes into its key), listed in the order each family's first group came: what a Map keyed by keyWithout's string
 * gives, without that string. Building the key cost a string of three numbers and its hash per group per place (the
 * most time of templates() on a file of thousands of long templates, mergeMovedValues trying every pair of places).
 */
class Families {
  /** By the low 30 bits of the first hash (a small integer, kept unboxed): the newest family of those bits. */
  private readonly heads = new Map<number, Family>();
  readonly inOrder: Family[] = [];

  add(a: number, b: number, group: Group): void {
    const low = a & 0x3fffffff;
    const head = this.heads.get(low);
    let family = head;
    while (family !== undefined && (family.a !== a || family.b !== b || family.tail !== group.tail)) family = family.next;
    if (family !== undefined) {
      family.groups.push(group);
      return;
    }
    family = { a, b, tail: group.tail, groups: [group], next: head };
    this.heads.set(low, family);
    this.inOrder.push(family);
  }
}

/**
 * For each word that varies in two or more different families, the families it varies in (their keys, `length:position:`
 * and the rest; `cyrus`, `news` after both `session opened for user` and `session closed for user`): values of a
 * variable that several events share, not names of one event. Positions from `from` on: 1 leaves out the first word
 * (familiesAt), which the one-position rules read apart; 0 takes it in too, for the names sharedNames and
 * sharedLeadingNames read (`agent` in `agent not ready after 5min!` and in `Starting agent on port 8531`). A first word
 * whose message says the same after it as another message after that word is one statement, not two
 * (sameStatementBehindLead).
 */
function sharedWords(byLength: Map<number, Group[]>, from: 0 | 1): Map<string, Set<string>> {
  const firstFamily = new Map<string, { key: string; group: Group; position: number }>();
  const seenIn = new Map<string, Set<string>>();
  for (const [length, list] of byLength) {
    if (list.length < 2) continue;
    for (let position = from; position < Math.min(length, MAX_POSITIONS); position++) {
      for (const family of familiesAt(list, position)) {
        const familyKey = `${length}:${position}:${keyWithout(family[0], position)}`;
        for (const group of family) {
          const word = group.tokens[position];
          if (word === WILDCARD) continue;
          const seen = firstFamily.get(word);
          if (seen === undefined) firstFamily.set(word, { key: familyKey, group, position });
          else if (seen.key !== familyKey && !sameStatementBehindLead(seen.group, seen.position, group, position)) {
            const keys = seenIn.get(word) ?? new Set([seen.key]);
            keys.add(familyKey);
            seenIn.set(word, keys);
          }
        }
      }
    }
  }
  return seenIn;
}

/**
 * One of the two places opens its message and the two messages say the same after it (`DHT support [ON]` beside
 * `<time> AM - DHT support [ON]`): one statement, once behind a lead its header left in the message, not two
 * statements the word passed through.
 */
function sameStatementBehindLead(a: Group, at: number, b: Group, bt: number): boolean {
  if ((at === 0) === (bt === 0) || a.tokens.length - at !== b.tokens.length - bt) return false;
  for (let i = 1; at + i < a.tokens.length; i++) if (a.tokens[at + i] !== b.tokens[bt + i]) return false;
  return true;
}

/**
 * MIN_SHARED_NAMES or more of the family's words at `position`, and more than half of them, also vary in a statement of
 * another length or at another place (`names`: sharedWords from the first word on): names that statements of different
 * shapes were given, wherever each puts them (FreeSWITCH's `State HANGUP` and `State HANGUP going to sleep`, the same
 * for `REPORTING` and `DESTROY`). Why it holds: a program's own word names one event, spelled in one statement; a name
 * it was given (a thing's, or a state's from an enumeration) passes through every statement that handles it, and
 * statements of different shapes cannot make the grid that frames of one shape make (`Port uplink link UP` / `DOWN`,
 * the same for `trunk`), where the states look as shared as names do. A word of the family seen nowhere else (`State
 * INIT`, once) is one more value, so a majority suffices.
 */
function namedElsewhere(family: Group[], position: number, names: Map<string, Set<string>>): boolean {
  const place = `${family[0].tokens.length}:${position}:`;
  const words = new Set<string>();
  let elsewhere = 0;
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD || words.has(word)) continue;
    words.add(word);
    const keys = names.get(word);
    if (keys && [...keys].some((key) => !key.startsWith(place))) elsewhere++;
  }
  return elsewhere >= MIN_SHARED_NAMES && elsewhere * 2 > words.size;
}

/** Least distinct words that sharedNames reads as names a place is filled with. */
const MIN_SHARED_NAMES = 3;

/**
 * The family's words (`counts`) are names that several statements were given: every one also varies elsewhere
 * (`shared`, sharedWords from the first word on), or most do in statements of other shapes (namedElsewhere);
 * MIN_SHARED_NAMES or more of them, twice as many as the frames of this length they fill at this place, and no levels
 * telling them apart (Trino's plugins: `-- Loading plugin tpch --`, `Registering connector tpch`, `-- Finished loading
 * plugin tpch --`, the same for `tpcds` and `vertica`). Why it holds: a program's own word names one event, while data
 * passes through every statement that handles it. Frames of one length that differ in one more word (a grid: `Port
 * eth0 link up` / `down` / `flapping`, the same for `eth1`) make each verb look shared as the names do; the words must
 * outnumber those frames twice over.
 */
function sharedNames(family: Group[], position: number, counts: Map<string, number>, shared: Map<string, Set<string>>): boolean {
  if (counts.size < MIN_SHARED_NAMES || levelsTellApart(family)) return false;
  const place = `${family[0].tokens.length}:${position}:`;
  if (![...counts.keys()].every((word) => shared.has(word)) && !namedElsewhere(family, position, shared)) return false;
  const frames = new Set<string>([place + keyWithout(family[0], position)]);
  for (const word of counts.keys()) for (const key of shared.get(word) ?? []) if (key.startsWith(place)) frames.add(key);
  return counts.size >= 2 * frames.size;
}

/** The separator before `position` ends in a key's `=` (keyEqualsAfter). */
function afterEquals(group: Group, position: number): boolean {
  return keyEqualsAfter(group.tokens[position - 1], group.seps?.[position - 1] ?? '');
}

/** The separator before `position` ends a label: a colon and a space. */
function afterLabel(group: Group, position: number): boolean {
  const sep = group.seps?.[position - 1] ?? '';
  return sep.length >= 2 && sep.charCodeAt(sep.length - 1) === 32 && sep.charCodeAt(sep.length - 2) === 58 /* : */;
}

/**
 * Every word of the family (`counts`, its words and their lines) fills a place in statements of MIN_SHARED_FAMILIES or
 * more shapes (`shared`, sharedWords: each family key starts with the frame's `length:position:`), its lines keep to no
 * level of their own, and not every word is an outcome (isOutcomeWord): a name the program was handed, passed through
 * each statement that handles it (IoT Edge's `Received request GetModuleLogs with payload`, `Received direct method
 * call - GetModuleLogs`, `Successfully handled request GetModuleLogs`, each also with `ping`), not one statement's own
 * words. Why shapes, not frames: frames of one shape that differ in one more word are a grid (`Plugin alpha loaded` /
 * `initialized`, the same for `beta` and `gamma`), where the program's words (`loaded`) look as shared as the names do,
 * each in one frame per name; statements of different lengths or places cannot make such a grid. Two shapes are not
 * enough (syncoid's `checking availability of lzop on source...` / `target...`, the same for `zfs resume feature`: the
 * program's own two sides); lifecycle outcomes (`started` / `stopped` after several services) name events in every
 * statement they end.
 */
function namesOfStatements(family: Group[], counts: Map<string, number>, shared: Map<string, Set<string>>): boolean {
  if (levelsTellApart(family) || [...counts.keys()].every(isOutcomeWord)) return false;
  for (const word of counts.keys()) {
    const shapes = new Set<string>();
    for (const key of shared.get(word) ?? []) shapes.add(key.slice(0, key.indexOf(':', key.indexOf(':') + 1)));
    if (shapes.size < MIN_SHARED_FAMILIES) return false;
  }
  return true;
}

/** Least families a few words must all vary in, after a label, to be one variable's values (familyIsVariable). */
const MIN_SHARED_FAMILIES = 3;

function familyIsVariable(family: Group[], position: number, rule: VariabilityRule, shared: Map<string, Set<string>>, names: Map<string, Set<string>>, isValue: (word: string) => boolean): boolean {
  const counts = new Map<string, number>();
  let sharedCount = 0;
  let widelyShared = 0;
  let values = 0;
  let masked = 0;
  let words = 0;
  for (const group of family) {
    const word = group.tokens[position];
    if (word === WILDCARD) {
      masked += group.count;
      continue;
    }
    words += group.count;
    if (!counts.has(word) && isValue(word)) values++;
    if (!counts.has(word) && shared.has(word)) sharedCount++;
    if (!counts.has(word) && (shared.get(word)?.size ?? 0) >= MIN_SHARED_FAMILIES) widelyShared++;
    counts.set(word, (counts.get(word) ?? 0) + group.count);
  }
  // A word that is a value by its form (`isValue`) where the position varies: the miner makes such a position a
  // variable when the lines meet in one cluster; lines routed to other branches of its tree meet only here.
  if (counts.size > 1 && values > 0) return true;
  // Beside a member whose lines were masked there (`nodename: <*>`), words that are values by their form (`nodename:
  // box.lan`) are more of its values, when the masked lines are at least as many: the file shows the place a variable
  // as often as it shows the words (`Saving job.cache...` twice beside one masked `Saving subscriptions.conf...` is as
  // likely a statement of its own).
  if (masked > 0 && masked >= words && values === counts.size) return true;
  // Most of the words also vary elsewhere: a shared variable, however often each occurs.
  if (counts.size > rule.maxSplitValues && sharedCount * 2 > counts.size) return true;
  // After a label's `: `, a few words that each fill the same place in MIN_SHARED_FAMILIES or more statements (Telegraf's
  // `Loaded outputs: influxdb`, `Attempting connection to output: influxdb`, `Successfully connected to output:
  // influxdb`, each also with `socket_writer`) are what those statements were given: a program's own constants name
  // one event each, while data passes through several. One statement with two words (`registered new driver usbhid` /
  // `hub`) shows nothing of the kind and stays apart. In a sentence, the statements must be of several shapes
  // (namesOfStatements), which a grid of one shape's frames cannot fake.
  if (counts.size > 1 && widelyShared === counts.size && (afterLabel(family[0], position) || namesOfStatements(family, counts, shared))) return true;
  if (sharedNames(family, position, counts, names)) return true;
  // The word a key's `=` gives (`Using locktype = flock` / `posix`, `cause=timeout` / `cause=shutdown`) is that key's
  // value: a format string writes `key=%s`, while a statement's own words stand in its sentence, not after an `=`.
  // Every member must print the `=` there (`prio = const` is no value of `prio args = ""`); as at a value slot, a few
  // words that each hold many lines sort lines into events (isSlotValuesVariable: PAM's `user=root` / `user=guest`), and
  // lines that keep to different levels stay apart (levelsTellApart: `status=failed` at error beside `status=ok`).
  if (family.every((group) => afterEquals(group, position)) && !levelsTellApart(family) && isSlotValuesVariable([...counts.values()], rule)) return true;
  const perWord = [...counts.values()];
  if (perWord.length <= rule.maxEventValues && recursEvenly(perWord)) return false;
  // A member masked there (the miner saw values of a value's form at that place: a path, a number) holds one value or
  // more the words do not show: counted as one more (Seafile's `spawned ccnet-server, pid <*>` / `seaf-server` /
  // `fileserver` beside `spawned <*>, pid <*>` for `/usr/bin/python2.7`: four values, a variable). Why it holds: a
  // program's own word at a place is spelled in its source, and a place that also took a value of another form is
  // filled in from data; three words beside it are then four values of a list, however the words are spelled. Two
  // words and a mask (`Saving job.cache...` twice beside a masked one) stay within maxSplitValues, a choice still.
  if (masked > 0) perWord.push(masked);
  return isVariablePosition(perWord, rule);
}

/** Share of a place's words (0..1) that must hold one same line count for recursEvenly. */
const EVEN_SHARE = 0.75;

/**
 * EVEN_SHARE of the words of a place hold one same number of lines, two or more (Grafana's `Path Home`,
 * `Path Data`, `Path Logs`, `Path Plugins` three times each, once per start, beside `Path Provisioning` once): a
 * program's own words printed once per run of one sequence, as a start-up dumps its settings. Why it holds: a
 * variable's values come from data and recur as often as the data does, unevenly (`removing chargen` beside `removing
 * daytime` as services come and go, one line for most); words that recur in step, every one of them again and again
 * the same number of times, are the statements of a sequence the program repeats. Only a place of few words
 * (maxEventValues) is read so: more words than that are a variable however evenly they recur (hosts of a fleet).
 */
function recursEvenly(countsPerWord: number[]): boolean {
  const byCount = new Map<number, number>();
  for (const count of countsPerWord) if (count >= 2) byCount.set(count, (byCount.get(count) ?? 0) + 1);
  for (const words of byCount.values()) if (words >= EVEN_SHARE * countsPerWord.length) return true;
  return false;
}


/**
 * Merges templates of one length still apart after every other step that differ in one word, when each member's word
 * opens a bracket or a quote (framedWord): `Finished in 2.1 seconds with exit status 0 (successful).` / `… 1 (failed).`,
 * `Starting CRI-O version 1.28.1, git 6a2e… (clean)` / `(dirty)`, `GardenaSmartDevice (Sensor_alt) - …` / `(Water_Control)`.
 * Run last, on what the other steps left: those read the file's counts of texts (three tails after a label, three
 * words at a weak slot), and a merge made before them would take away the variation they count.
 * Why it holds: a program brackets or quotes what it was given, in its format string (`(%s)`, `'%s'`), so the word
 * there is filled in, while a statement's own words stand bare in its sentence; where the lines agree on every other
 * word, two words in that frame are one statement's two values. Measured on the studied batches (1-6, 8-27): of the
 * families the other rules left apart, 29 of 35 whose word opens a bracket or quote are labelled one event (18 batches),
 * against 319 of 983 for all families left apart. The exceptions are guarded: a bracket after a word of prose
 * qualifies that word with the program's own text (`Completed initial scan (rw)` / `(ro)`: two statements), a word
 * followed by `:` or `=` is a key (`(release: 1909; …)` / `(revision: 0)`), and the signs of two statements that
 * familyIsVariable also reads (forms of verbs, levels, capitalised words, an article before, a message of three tokens
 * or fewer, words that recur evenly or each hold many lines: isSlotValuesVariable) keep the family apart.
 */
function mergeFramedWords(list: Group[], length: number, rule: VariabilityRule, ids: TokenIds, mayMerge: (word: string) => boolean): void {
  if (length <= MAX_FRAMED_SHORT) return;
  for (let position = 1; position < Math.min(length, MAX_POSITIONS); position++) {
    for (const all of familiesAt(list, position)) {
      const family = mergeableMembers(all, (group) => group.tokens[position], mayMerge);
      if (family.length < 2 || namesField(family, position) || inflectsOneVerb(family, position) || !framedWord(family, position, rule)) continue;
      family.sort((a, b) => a.id - b.id);
      const [into, ...rest] = family;
      setToken(into, position, WILDCARD, ids);
      absorb(into, rest);
    }
  }
}

/** Messages of this many tokens or fewer are left to the other rules (mergeFramedWords): too little sentence to compare. */
const MAX_FRAMED_SHORT = 3;

/**
 * Marks that open a frame around a value (framedWord). Not `<`: a word alone in angle brackets is as often a tag
 * (`<Notice>`), and two of them stay apart (valueSlots' weak slot).
 */
const FRAME_MARKS = '[("\'`';

/**
 * Every member's word at `position` follows the same opening mark (FRAME_MARKS) and no sign says the words are the
 * statements' own (see mergeFramedWords): a quote mark opens a quote (after a space, `=`, `:`, `(` or `[`, not glued to
 * a word as `u'esp'` is), a `(` after a space does not follow a word of prose, no `:` or `=` follows the word, the
 * words are not all forms of verbs (`-ed`, `-ing`) nor all capitalised words, no article comes before, and the lines
 * keep to no level of their own.
 */
function framedWord(family: Group[], position: number, rule: VariabilityRule): boolean {
  const first = family[0];
  const sep = first.seps?.[position - 1] ?? '';
  const mark = sep.charAt(sep.length - 1);
  if (mark === '' || !FRAME_MARKS.includes(mark)) return false;
  if (!family.every((group) => (group.seps?.[position - 1] ?? '').endsWith(mark))) return false;
  const after = first.seps?.[position] ?? '';
  if (after.startsWith(':') || after.startsWith('=')) return false;
  const previous = first.tokens[position - 1] ?? '';
  if ('"\'`'.includes(mark) && sep.length >= 2 && !' \t=:(['.includes(sep.charAt(sep.length - 2))) return false;
  if ('"\'`'.includes(mark) && sep.length === 1) return false;
  if (mark === '(' && sep === ' (' && PROSE_NOTE_WORD.test(previous)) return false;
  const words = family.map((group) => group.tokens[position]).filter((word) => word !== WILDCARD);
  if (words.length === 0 || ARTICLES.has(previous.toLowerCase()) || levelsTellApart(family)) return false;
  const counts = new Map<string, number>();
  for (const group of family) if (group.tokens[position] !== WILDCARD) counts.set(group.tokens[position], (counts.get(group.tokens[position]) ?? 0) + group.count);
  // Every word on two lines or more (`(usable)` twice beside `(reserved)` three times, the kernel's memory map): each a
  // statement the program repeats, as recursEvenly reads words that recur in step; a value from data shows one-off words.
  if ([...counts.values()].every((count) => count >= 2) || !isSlotValuesVariable([...counts.values()], rule)) return false;
  if (words.every((word) => VERB_FORM.test(word)) || words.every((word) => CAPITALISED.test(wordCore(word)))) return false;
  return true;
}

/** A word as prose spells it (a bracket after it qualifies it: framedWord). */
const PROSE_NOTE_WORD = /^\p{L}\p{Ll}*(?:['-]\p{Ll}+)*$/u;
/** Articles: the word after one is a noun of the sentence, not a value (framedWord). */
const ARTICLES = new Set(['a', 'an', 'the']);
/** A verb's past or progressive form, with a closing period (framedWord). */
const VERB_FORM = /(?:ed|ing)\.?$/;
/** A capitalised word of letters (framedWord). */
const CAPITALISED = /^[A-Z][a-z]+$/;

/** The word without the punctuation around it. */
function wordCore(word: string): string {
  return word.replace(/^['"()[\]{}<>,.;:!?`]+|['"()[\]{}<>,.;:!?`]+$/g, '');
}

