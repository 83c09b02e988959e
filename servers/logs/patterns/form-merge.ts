// One event printed behind different header forms is one template. The header readers (format/) know many forms, but a
// file may still hold a statement twice: once with its header read, once with a form they did not know left in front
// (`Booting worker with pid: <*>` and `<*> [<*>] [INFO] Booting worker with pid: <*>`). Here templates that end in the
// same message and differ only by a leading run that looks like a header are merged, whatever that header's form: the
// run is judged by the shape of its tokens and by what the file shows (the same run in front of several messages that
// also occur without it, or behind another header).
import { normalizeLevel } from '../format/levels';
import { joinMaskedChunks } from './masked-chunks';
import { HTTP_METHODS, WILDCARD } from './tokenize';
import { joinBracketedValues, joinEmptyQuotes, joinEmptyValues, joinFieldLines, joinInsertedClauses, joinLabelledValues, joinLabelTails, joinSettingDumps, joinTrailingNotes, joinValueAnnotations } from './value-spans';

/** A template as the miner lists it: tokens (WILDCARD for variables) and the text around them. */
export interface FormUnit {
  tokens: readonly string[];
  /** seps[i] is the text after tokens[i] (Tokenized.seps); may be longer than tokens (a name run cut to one <*>). */
  seps: readonly string[];
  /** The text before tokens[0]. */
  lead: string;
  /** Lines the template holds. */
  count: number;
  /** Its lines per level (levels.ts order); undefined when none had a level. */
  levels?: readonly number[];
}

/** Templates after the merge: indexes into the input, the one whose text is shown first, and where its message starts. */
export interface FormGroup {
  members: number[];
  /** Token index of the shown member where the message starts: the header run before it is not shown. */
  from: number;
  /** Token index of the shown member from which its text is one value (joinLabelTails), when it is. */
  valueFrom?: number;
}

/** Longest header run looked at (tokens): a header is a handful of fields. */
const MAX_RUN = 12;
/** Constant words the shared message must hold, so that short messages (`closed`, `UNBIND`) never merge by accident. */
const MIN_TAIL_WORDS = 3;
/** Messages a run with plain words must be seen in front of (each also seen bare or behind another header). */
const MIN_EVIDENCE = 2;
/** Plain words (not header-shaped) a run learned from the file may hold: a program's or host's name. */
const MAX_RUN_WORDS = 2;
/**
 * Messages a run of one plain word and nothing else must be seen in front of (each also seen bare or behind another
 * header): a component's name column that some lines carry (Azure's agent, `Daemon Wire protocol version:<*>` beside
 * `Wire protocol version:<*>`, the same for four more statements). One or two such messages are as often a word of
 * the sentence (`Upstream connection closed` beside `connection closed`).
 */
const MIN_WORD_EVIDENCE = 3;

const enum RunKind { Bare, Header, Candidate }

interface Registration {
  unit: number;
  /** Where the message starts in the unit's tokens (0: the unit is the bare message). */
  from: number;
  kind: RunKind;
  /** The run's shape (Candidate only), by which the file's evidence for it is counted. */
  run?: string;
  /** The run's text between its tokens (not Bare): runs of one layout are one header form. */
  layout?: string;
  /** The run's tokens outside brackets, level words left out: in one layout, names that tell events apart. */
  names?: string;
  /** The run's text (not Bare), and whether the message after it is shorter than MIN_TAIL_WORDS constant words. */
  exact?: string;
  short: boolean;
  /** The run holds a variable (Candidate only): a column's value, a pid or a time, beside its plain words. */
  valued?: boolean;
  /** The run's constant tokens (Header only): two runs with the same ones are one header form, a field added or not. */
  constants?: string;
}

/**
 * Merges templates that end in the same message (tokens and the text between them, at least MIN_TAIL_WORDS constant
 * words) when each one's extra leading run is a header: empty, made only of header-shaped tokens (variables, bracketed
 * or parenthesised groups, level words, `name:` / `name|` / `name[pid]` tags, `key=<*>` fields, separators, names
 * holding a digit or a dot), or made mostly of them with at most MAX_RUN_WORDS plain words when the file shows that
 * same run in front of MIN_EVIDENCE messages or more that also occur bare or behind a header-shaped run. A run of
 * plain words only (`Upstream connection closed` beside `connection closed`) is a header only when it is one word the
 * file shows so in front of MIN_WORD_EVIDENCE messages (a component's name column: `Daemon Wire protocol version:<*>`
 * beside `Wire protocol version:<*>`, and `Daemon` before four more statements printed bare too). A shorter message
 * (one or two constant words) merges only behind a run the file proved word for word in front of MIN_EVIDENCE longer
 * messages. Runs of one layout that differ in a name outside brackets keep their messages apart (namesDiffer).
 * Across two header forms a message also joins a more general form of itself (generalises: the same text, some
 * constants of one masked in the other), since a value the file shows varying behind one header is the same value
 * when another header carries it once. Messages are compared without their indentation (opening).
 * Returns every input index once; a group's shown member is its barest form.
 * Time is linear in the tokens of the first MAX_RUN positions of each template (suffixes compared by hashes, checked
 * before a merge), plus pairs within a shared skeleton of at most MAX_GROUP cuts.
 */
export function mergeHeaderForms(units: readonly FormUnit[], minLinesPerValue: number): FormGroup[] {
  const buckets = new Map<number, Registration[]>();
  const skeletons = new Map<number, Registration[]>();
  for (let unit = 0; unit < units.length; unit++) registerCuts(units[unit], unit, buckets, skeletons);
  const { shapes, proven } = learnedRuns(buckets);
  const parent = units.map((_, index) => index);
  const joinedAt = units.map(() => Infinity);
  const join = (x: Registration, y: Registration) => {
    union(parent, x.unit, y.unit);
    joinedAt[x.unit] = Math.min(joinedAt[x.unit], x.from);
    joinedAt[y.unit] = Math.min(joinedAt[y.unit], y.from);
  };
  const isAccepted = (list: Registration[], r: Registration) => (r.kind !== RunKind.Candidate || shapes.has(r.run as string) || valuedBeforeBare(list, r)) && (!r.short || r.kind === RunKind.Bare || proven.has(r.exact as string) || sameFormElsewhere(list, r));
  for (const list of buckets.values()) {
    const accepted = list.filter((r) => isAccepted(list, r));
    if (!accepted.some((r) => r.unit !== accepted[0].unit) || (namesDiffer(accepted) && !printedBare(accepted))) continue;
    const [first, ...rest] = accepted;
    for (const other of rest) if (other.unit !== first.unit && sameMessage(units[first.unit], first.from, units[other.unit], other.from)) join(first, other);
  }
  for (const list of skeletons.values()) {
    if (list.length < 2 || list.length > MAX_GROUP) continue;
    const accepted = list.filter((r) => isAccepted(list, r));
    for (let i = 0; i < accepted.length; i++) {
      for (let j = i + 1; j < accepted.length; j++) {
        const [x, y] = [accepted[i], accepted[j]];
        if (x.unit === y.unit || x.exact === y.exact || (x.layout !== undefined && x.layout === y.layout && x.names !== y.names)) continue;
        if (generalises(units[x.unit], x.from, units[y.unit], y.from) || generalises(units[y.unit], y.from, units[x.unit], x.from)) join(x, y);
      }
    }
  }
  joinFieldRuns(units, parent);
  joinLooseCores(units, parent, minLinesPerValue);
  joinOptionalFields(units, parent);
  // A value-span join may name the template to show: whole (from its first token) unless a header join cut it already.
  const joinUnits = (first: number, other: number, showFirst?: boolean) => {
    union(parent, first, other);
    if (showFirst && !Number.isFinite(joinedAt[first])) joinedAt[first] = 0;
  };
  joinEmptyQuotes(units, joinUnits);
  joinEmptyValues(units, joinUnits);
  joinFieldLines(units, joinUnits);
  joinSettingDumps(units, joinUnits);
  joinTrailingNotes(units, joinUnits);
  joinValueAnnotations(units, joinUnits);
  joinInsertedClauses(units, joinUnits);
  joinBracketedValues(units, joinUnits);
  joinLabelledValues(units, joinUnits);
  joinMaskedChunks(units, joinUnits);
  const valueFrom = new Map<number, number>();
  joinLabelTails(units, (unit) => find(parent, unit), (first, other, at) => {
    joinUnits(first, other, true);
    valueFrom.set(first, at).set(other, at);
  });
  const groups = new Map<number, number[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const root = find(parent, unit);
    const members = groups.get(root);
    if (members) members.push(unit);
    else groups.set(root, [unit]);
  }
  return [...groups.values()].map((members) => {
    if (members.length === 1) return { members, from: 0 };
    members.sort((a, b) => joinedAt[a] - joinedAt[b] || units[b].count - units[a].count || a - b);
    // A group joined only by its fields or its masked pieces (joinFieldRuns, joinLooseCores) shows a whole template.
    const from = Number.isFinite(joinedAt[members[0]]) ? joinedAt[members[0]] : 0;
    const at = valueFrom.get(members[0]);
    return at !== undefined && at > from ? { members, from, valueFrom: at } : { members, from };
  });
}

/** Files each cut of `unit` where a message of enough words starts after a run that may be a header. */
function registerCuts(unit: FormUnit, index: number, buckets: Map<number, Registration[]>, skeletons: Map<number, Registration[]>): void {
  const { tokens } = unit;
  if (tokens.length === 0) return;
  const suffixKeys = suffixHashes(unit);
  const skeletonKeys = suffixHashes(unit, true);
  const shape = runShape(unit);
  let tailWords = 0;
  for (const token of tokens) if (token !== WILDCARD) tailWords++;
  let shaped = 0;
  let plain = 0;
  let values = 0;
  let run = unit.lead;
  let layout = unit.lead;
  let names = '';
  let exact = unit.lead;
  let constants = '';
  for (let from = 0; from < Math.min(tokens.length, MAX_RUN + 1); from++) {
    if (from > 0) {
      const token = tokens[from - 1];
      if (token !== WILDCARD) tailWords--;
      else values++;
      if (shape.shaped[from - 1]) shaped++;
      else if (++plain > MAX_RUN_WORDS) return;
      // The run's shape: its plain words as they are, its header-shaped tokens as one mark (`conn=<*> op=<*>` and
      // `conn=<*> fd=<*>` in front of a wrapper's `slapd debug` are one run).
      run += `${shape.shaped[from - 1] ? '\u0003' : token}\u0001${unit.seps[from - 1] ?? ''}\u0002`;
      layout += `\u0001${unit.seps[from - 1] ?? ''}`;
      if (!shape.inside[from - 1] && !isLevelWord(token)) names += `${token}\u0001`;
      exact += `${token}\u0001${unit.seps[from - 1] ?? ''}\u0002`;
      if (token !== WILDCARD) constants += `${token}\u0001`;
    }
    if (tailWords === 0) return;
    if (from > 0 && !shape.cuts[from]) continue;
    const kind = from === 0 ? RunKind.Bare : plain === 0 ? RunKind.Header : (plain <= MAX_RUN_WORDS && plain < shaped) || (plain === 1 && shaped === 0) ? RunKind.Candidate : undefined;
    if (kind === undefined) continue;
    const key = suffixKeys[from];
    const short = tailWords < MIN_TAIL_WORDS;
    const registration: Registration = { unit: index, from, kind, short, ...(kind === RunKind.Candidate ? { run, valued: values > 0 } : {}), ...(from > 0 ? { layout, names, exact } : {}), ...(kind === RunKind.Header && constants !== '' ? { constants } : {}) };
    const list = buckets.get(key);
    if (list) list.push(registration);
    else buckets.set(key, [registration]);
    const skeleton = skeletons.get(skeletonKeys[from]);
    if (skeleton) skeleton.push(registration);
    else skeletons.set(skeletonKeys[from], [registration]);
  }
}

/**
 * What the file shows about runs, from messages of MIN_TAIL_WORDS constant words or more that also occur bare or behind
 * a header-shaped run (in another template): `shapes`, runs with plain words seen in front of MIN_EVIDENCE such
 * messages or more (headers); `proven`, runs seen so, word for word, in front of MIN_EVIDENCE such messages: behind
 * them a shorter message (`UNBIND`) is the same message too.
 */
function learnedRuns(buckets: Map<number, Registration[]>): { shapes: Set<string>; proven: Set<string> } {
  const shapeEvidence = new Map<string, number>();
  const exactEvidence = new Map<string, number>();
  const count = (evidence: Map<string, number>, key: string) => evidence.set(key, (evidence.get(key) ?? 0) + 1);
  for (const list of buckets.values()) {
    const known = list.filter((r) => r.kind !== RunKind.Candidate);
    if (known.length === 0 || list[0].short) continue;
    // Two sets: a run of plain words only has a shape equal to its exact text, which one shared set took as counted.
    const countedExact = new Set<string>();
    const countedRuns = new Set<string>();
    for (const r of list) {
      if (r.kind === RunKind.Bare || !known.some((k) => k.unit !== r.unit)) continue;
      if (!countedExact.has(r.exact as string)) count(exactEvidence, r.exact as string);
      countedExact.add(r.exact as string);
      if (r.kind !== RunKind.Candidate || countedRuns.has(r.run as string)) continue;
      countedRuns.add(r.run as string);
      count(shapeEvidence, r.run as string);
    }
  }
  const shapes = new Set<string>();
  for (const [run, n] of shapeEvidence) if (n >= (run.includes('\u0003') ? MIN_EVIDENCE : MIN_WORD_EVIDENCE)) shapes.add(run);
  const proven = new Set<string>();
  for (const [run, n] of exactEvidence) if (n >= MIN_EVIDENCE) proven.add(run);
  return { shapes, proven };
}

/**
 * What the first MAX_RUN tokens of a unit look like: `shaped[i]` when token i is header-shaped, `cuts[k]` when a message
 * may start at token k (k >= 1): the text before it holds white space outside any bracket.
 */
function runShape(unit: FormUnit): { shaped: boolean[]; inside: boolean[]; cuts: boolean[] } {
  const { tokens, seps } = unit;
  const end = Math.min(tokens.length, MAX_RUN + 1);
  const shaped: boolean[] = [];
  const inside: boolean[] = [];
  const cuts: boolean[] = [false];
  let depth = bracketDepth(unit.lead, 0).depth;
  // Every token so far inside brackets: a bracketed prefix may be glued to the first word (`[UWSGI]detected …`).
  let allInside = depth > 0;
  for (let i = 0; i < end; i++) {
    const sep = seps[i] ?? '';
    const after = bracketDepth(sep, depth);
    // A group whose opening bracket the header reader took (`GSFW <*>] notice:`) closes after the token.
    inside.push(depth > 0 || after.closedBelowZero);
    shaped.push(inside[i] || isHeaderToken(tokens[i], sep, tokens[i + 1]));
    allInside &&= inside[i];
    cuts.push(after.spaceAtZero || (allInside && after.depth === 0 && isGluedClose(sep)));
    depth = after.depth;
  }
  return { shaped, inside, cuts };
}

/** Text after a bracketed group that ends it with no white space (`]`, `][`-free): a word glued to the group follows. */
function isGluedClose(sep: string): boolean {
  return sep.length > 0 && CLOSERS.includes(sep[sep.length - 1]) && !/\s/.test(sep);
}

const OPENERS = '[({<';
const CLOSERS = '])}>';

/**
 * Bracket depth after `text`, starting at `depth`; whether a closing bracket went below zero, and whether the last
 * white space of the text is outside any bracket (a place a message may start after).
 */
function bracketDepth(text: string, depth: number): { depth: number; closedBelowZero: boolean; spaceAtZero: boolean } {
  let closedBelowZero = false;
  let spaceAtZero = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      if (depth === 0) closedBelowZero = true;
      else depth--;
    } else if (c === ' ' || c === '\t') spaceAtZero = depth === 0;
  }
  return { depth, closedBelowZero, spaceAtZero };
}

/**
 * A token a header is made of, by its form and the text after it: a variable, a separator (`-`, `|`), a level word,
 * a `name:` / `name|` tag or a name glued to a bracket (`name[pid]`, `pam_unix(…)`), a `key=<*>` field, or a name
 * holding a digit or an inner dot (a host `nomad3`, a logger `o.a.s.c.CoreContainer`).
 */
function isHeaderToken(token: string, sep: string, next: string | undefined): boolean {
  if (token === WILDCARD || !/[\p{L}\p{N}]/u.test(token)) return true;
  const mark = sep.trimStart()[0];
  // A bracket glued to a name opens a group that holds the next token (`unbound[<*>]`); `name()` is a call.
  if (mark === ':' || mark === '|' || sep === '[' || sep === '(') return true;
  if (sep === '=' && next === WILDCARD) return true;
  return isNameLike(token);
}

/** A word holding a digit or an inner dot (a file `ntp_core.c`, a host `nomad3`, a logger `o.a.s.Core`), or a level word. */
function isNameLike(token: string): boolean {
  return /\d|\w\.\w/.test(token) || isLevelWord(token);
}

/** A level column's word: `INFO`, `debug`; not a capitalised word that starts a sentence (`Error reading …`). */
function isLevelWord(token: string): boolean {
  return token.length >= 3 && (token === token.toUpperCase() || token === token.toLowerCase()) && normalizeLevel(token) !== undefined;
}

/**
 * A short message behind a header-shaped run whose constant tokens another template shows in front of the same message
 * (`[salt.utils.lazy  ][DEBUG   ][<*>] LazyLoaded <*>` and `[salt.utils.lazy  :<*> ][DEBUG   ][<*>] LazyLoaded <*>`):
 * one header form that adds a field (or pads a column), the same statement behind it.
 */
function sameFormElsewhere(list: Registration[], r: Registration): boolean {
  return r.constants !== undefined && list.some((o) => o.unit !== r.unit && o.constants === r.constants);
}

/**
 * The same message printed bare too (`Booting worker with pid: <*>` beside `<*> webui: [<*>] [INFO] Booting worker with
 * pid: <*>` and `<*> admin_ui: …`), with enough constant words not to be a short word shared by chance: the names in
 * front of it are who printed it (a container, a process), not part of the statement, since the file shows it without
 * any.
 */
function printedBare(list: Registration[]): boolean {
  return list.some((r) => r.kind === RunKind.Bare && !r.short);
}

/**
 * A candidate run that holds a variable, in front of a message of MIN_TAIL_WORDS constant words or more that the file
 * also prints bare (`mcu <*>: worker <*> Starting serial connect` beside `Starting serial connect` alone): accepted
 * without the evidence of other messages (learnedRuns). Why it holds: a value the miner masked in a run of one or two
 * plain words (a pid, a session id, a clock) is what a header column holds, not what a sentence opens with before a
 * whole statement of its own; and the bare form proves the message complete without the run. A run of plain words
 * alone before a bare message is as often the sentence's own words (`Upstream connection closed`) and still needs
 * the evidence; so does a run in front of a message both forms cut (two statements that share their ending:
 * `InnoDB: <*> out of <*> rollback segments are active.` / `InnoDB: <*> rollback segments are active.`).
 */
function valuedBeforeBare(list: Registration[], r: Registration): boolean {
  return r.valued === true && !r.short && printedBare(list);
}

/**
 * Runs of one layout that differ in a name outside brackets (`xfree86: Adding drm device` / `config/udev: Adding drm
 * device`): one header form whose name column tells the statements apart, as the file prints them. Bracketed values
 * (`(VRRP1)` / `(MY_IP)`, `[VPNCLIENT]` / `[iphone]`) and runs of other layouts do not.
 */
function namesDiffer(list: Registration[]): boolean {
  const byLayout = new Map<string, string>();
  for (const r of list) {
    if (r.layout === undefined) continue;
    const names = byLayout.get(r.layout);
    if (names === undefined) byLayout.set(r.layout, r.names as string);
    else if (names !== r.names) return true;
  }
  return false;
}

/**
 * Suffix keys per cut: hashes of the message from token k (its tokens, the text between, and what opens it); with
 * `skeleton`, of the text between and what opens it only (the tokens left out, their number kept by the text between),
 * under which a message and a more general form of it (generalises) meet.
 */
function suffixHashes(unit: FormUnit, skeleton = false): number[] {
  const { tokens } = unit;
  const end = Math.min(tokens.length, MAX_RUN + 1);
  const keys: number[] = new Array<number>(end);
  const lanes = new Uint32Array([0x811c9dc5, 0x2545f491]);
  const cut = new Uint32Array(2);
  for (let i = tokens.length - 1; i >= 0; i--) {
    mix(lanes, skeleton ? '' : tokens[i]);
    mix(lanes, sepOf(unit, i));
    if (i < end) {
      cut.set(lanes);
      mix(cut, opening(unit, i));
      // 53 bits of the two lanes: a collision is checked by sameMessage before any merge.
      keys[i] = cut[0] * 0x200000 + (cut[1] & 0x1fffff);
    }
  }
  return keys;
}

/** Folds `text` (and a mark that ends it) into two FNV-style hash lanes. */
function mix(lanes: Uint32Array, text: string): void {
  let a = Math.imul(lanes[0] ^ 0x1f, 0x01000193);
  let b = Math.imul(lanes[1] ^ 0x1f, 0x5bd1e995);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  lanes[0] = a;
  lanes[1] = b;
}

/** The text that opens the message at token k: the unit's lead, or what follows the last white space before it. */
export function messageLead(unit: Pick<FormUnit, 'lead' | 'seps'>, from: number): string {
  if (from === 0) return unit.lead;
  const sep = unit.seps[from - 1] ?? '';
  const space = Math.max(sep.lastIndexOf(' '), sep.lastIndexOf('\t'));
  // A bracketed prefix glued to the word (`[UWSGI]detected`): the message opens right after the group.
  if (space < 0 && isGluedClose(sep)) return '';
  return sep.slice(space + 1);
}

/**
 * The text that opens the message at token k as messages are compared: its indentation left out (Rails' log subscribers
 * indent a nested event, `  Rendered …`, which another form of the same line prints after its header's blanks).
 */
function opening(unit: Pick<FormUnit, 'lead' | 'seps'>, from: number): string {
  return messageLead(unit, from).trimStart();
}

/** The text after token i as a message ends: white space after the last token is how the line ended, not the message. */
function sepOf(unit: Pick<FormUnit, 'tokens' | 'seps'>, i: number): string {
  const sep = unit.seps[i] ?? '';
  return i >= unit.tokens.length - 1 ? sep.trimEnd() : sep;
}

/** The messages of two units from the given tokens on are the same text (a hash match checked). */
function sameMessage(x: FormUnit, xFrom: number, y: FormUnit, yFrom: number): boolean {
  if (x.tokens.length - xFrom !== y.tokens.length - yFrom || opening(x, xFrom) !== opening(y, yFrom)) return false;
  for (let i = 0; i < x.tokens.length - xFrom; i++) {
    if (x.tokens[xFrom + i] !== y.tokens[yFrom + i] || sepOf(x, xFrom + i) !== sepOf(y, yFrom + i)) return false;
  }
  return true;
}

/**
 * The message of `general` from `gFrom` is a more general form of `specific`'s from `sFrom`: the same text between the
 * tokens, each token the same or masked in `general` (a value the file showed varying in one form, printed once as a
 * constant in another), at least one so, and MIN_TAIL_WORDS constant words in common. Used only across header forms:
 * within one form, which words are values is variability.ts's call from the lines (`user root` stays beside `user <*>`).
 */
function generalises(general: FormUnit, gFrom: number, specific: FormUnit, sFrom: number): boolean {
  const length = general.tokens.length - gFrom;
  if (length !== specific.tokens.length - sFrom || opening(general, gFrom) !== opening(specific, sFrom)) return false;
  let shared = 0;
  let masked = 0;
  for (let i = 0; i < length; i++) {
    const g = general.tokens[gFrom + i];
    const s = specific.tokens[sFrom + i];
    if (sepOf(general, gFrom + i) !== sepOf(specific, sFrom + i)) return false;
    if (g === s) {
      if (g !== WILDCARD) shared++;
    } else if (g === WILDCARD) masked++;
    else return false;
  }
  return masked > 0 && shared >= MIN_TAIL_WORDS;
}

function find(parent: number[], x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

function union(parent: number[], x: number, y: number): void {
  const a = find(parent, x);
  const b = find(parent, y);
  if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
}

/** Most templates a field-run or loose-core key may join: a key shared by more is a shape, not one statement. */
const MAX_GROUP = 32;
/** Longest template (tokens) keyed by its core: a statement's text is shorter; longer ones are dumps, left apart. */
const MAX_CORE_TOKENS = 64;
/**
 * Constant words a loose core must hold (joinLooseCores). One is enough: the key keeps that word, the text around every
 * token and where the masked runs stand, so two templates that share it differ only in how many tokens a value took
 * (`Using <*> <*>` for `Using rake 10.5.0` beside `Using <*>` for `Using Ascii85 1.0.2`, where the tokenizer read the
 * name and version as one value). A core of masked runs alone (`<*> <*>` beside `<*>`) says nothing of the statement.
 */
const MIN_CORE_WORDS = 1;
/** Constant words a message must keep before a field run, so that a bare word never takes others' fields. */
const MIN_FIELD_CORE_WORDS = 2;
/** A padding a console logger puts between the message and its fields: three blanks or more, or a tab. */
const PADDING = /(?: {3,}|\t)$/;

/**
 * One statement printed with and without its trailing `key=value` fields. A console logger (logrus, zap's console)
 * pads the message to a column and prints the fields after it (`Loaded cache                    dir=<*> numItems=<*>`),
 * where the same program's logfmt or JSON lines give the message alone (the fields are read as fields, and lines of
 * one `msg` are one template whatever fields they carry). So a template whose tail is a field run joins:
 * - the template of its message alone, when a padding (PADDING) opens the run, or when the message holds
 *   MIN_TAIL_WORDS plain words: what the file shows with and without the fields is one statement;
 * - the other templates of its message whose tail is padded too: the console logger's columns, whatever fields a
 *   call adds; a padded run of `key: value` fields joined by `, ` (slog's terminal format) is one too (paddedLabelRun). Unpadded field runs of different keys are not joined to each other: two statements may differ only by
 *   a field (`check pass; … rhost=<*>` and `… rhost=<*> user=<*>`, PAM's two statements), which variability.ts decides
 *   from the lines each holds.
 * The message must keep MIN_FIELD_CORE_WORDS plain words: not keys (`conn=<*> op=<*> SRCH attr=<*>` keeps one, so
 * `SRCH attr=<*>` and `SRCH base=<*>` stay apart), not names (isNameLike), not inside brackets. Groups are bounded by MAX_GROUP; templates longer than
 * MAX_CORE_TOKENS are left out. Joins into `parent`.
 */
function joinFieldRuns(units: readonly FormUnit[], parent: number[]): void {
  const bare = new Map<string, number>();
  const cores = new Map<string, { unit: number; cut: FieldRun }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const { tokens } = units[unit];
    if (tokens.length === 0 || tokens.length > MAX_CORE_TOKENS) continue;
    const whole = textKey(units[unit], tokens.length);
    if (!bare.has(whole)) bare.set(whole, unit);
    const cut = fieldRunCut(units[unit]);
    if (cut === undefined) continue;
    const key = textKey(units[unit], cut.at);
    const list = cores.get(key);
    if (list) list.push({ unit, cut });
    else cores.set(key, [{ unit, cut }]);
  }
  for (const [key, list] of cores) {
    if (list.length > MAX_GROUP) continue;
    const alone = bare.get(key);
    let padded: number | undefined;
    for (const { unit, cut } of list) {
      if (alone !== undefined && (cut.padded || cut.words >= MIN_TAIL_WORDS)) union(parent, alone, unit);
      if (!cut.padded) continue;
      if (padded !== undefined) union(parent, padded, unit);
      padded = unit;
    }
  }
}

/** A template's trailing field run (fieldRunCut). */
interface FieldRun {
  /** Token index where the run starts: the message is the tokens before. */
  at: number;
  /** A padding (PADDING) opens the run. */
  padded: boolean;
  /** Plain words of the message before the run: constant, not keys, not names (isNameLike), outside brackets. */
  words: number;
}

/**
 * A template's trailing field run, if it has one: the tokens after the last white space outside brackets that ends a
 * message are all fields (a key glued to `=`, the value after it up to the next white space outside brackets, or a
 * masked value), holding one key or more unless a padding opens them, and the message before keeps
 * MIN_FIELD_CORE_WORDS plain words (constant, not keys, not names, outside brackets).
 */
function fieldRunCut(unit: FormUnit): FieldRun | undefined {
  const { tokens, seps } = unit;
  // Scanned from the end while every token from i to the end is a field's; keys counts the keys among them.
  let keys = 0;
  let best: FieldRun | undefined;
  let depths: number[] | undefined;
  for (let i = tokens.length - 1; i >= 1; i--) {
    const before = seps[i - 1] ?? '';
    const isKey = isKeyAt(unit, i);
    const isValue = /=["'[({]?$/.test(before);
    if (!(isKey || isValue || tokens[i] === WILDCARD)) break;
    if (isKey) keys++;
    // A run opens after white space, not inside a value (`key=[a b]`: the blank is inside the bracket).
    if (isValue || !/[ \t]$/.test(before)) continue;
    depths ??= prefixDepths(unit);
    if (depths[i] !== 0) continue;
    const padded = PADDING.test(before);
    if (keys === 0 && !padded) continue;
    best = { at: i, padded, words: 0 };
  }
  best ??= paddedLabelRun(unit, depths ??= prefixDepths(unit));
  if (best === undefined) return undefined;
  // The message's own words: not keys, not names of a file, host or logger, not inside brackets
  // (`ntp_core.c:<*>:(process_response) reference=<*> …` is a header and fields, no message).
  const before = depths ?? prefixDepths(unit);
  for (let i = 0; i < best.at; i++) if (before[i] === 0 && tokens[i] !== WILDCARD && !isKeyAt(unit, i) && !isNameLike(tokens[i])) best.words++;
  return best.words >= MIN_FIELD_CORE_WORDS ? best : undefined;
}

/**
 * A run of `key: value` fields that a padding opens, to the message's end (a console logger's columns, Rust slog's
 * `Could not publish message<padding>kind: <*>, error: InsufficientPeers, service: libp2p`, where the same call's lines
 * carry the fields that were set): the first token after the padding (outside brackets) is a key, a word followed by
 * `: `. Undefined when there is none.
 */
function paddedLabelRun(unit: FormUnit, depths: readonly number[]): FieldRun | undefined {
  const { tokens, seps } = unit;
  for (let i = 1; i < tokens.length; i++) {
    if (depths[i] === 0 && PADDING.test(seps[i - 1] ?? '') && tokens[i] !== WILDCARD && /^\p{L}/u.test(tokens[i]) && seps[i] === ': ' && endsField(unit, i + 1)) return { at: i, padded: true, words: 0 };
  }
  return undefined;
}

/**
 * What follows the key before token i reads as fields: one value that ends the message, or a `, key: ` further on
 * opening the next field. A padded `word: ` whose text goes on in words alone (`main     Error: Failed to become guest
 * control master: …`, a relayed log's thread column and then its message) is a message's own label, not a run's field.
 */
function endsField(unit: FormUnit, i: number): boolean {
  const { tokens, seps } = unit;
  if (i >= tokens.length) return false;
  if (i === tokens.length - 1) return (seps[i] ?? '').trim() === '';
  for (let j = i; j + 2 < tokens.length; j++) if (seps[j] === ', ' && seps[j + 1] === ': ' && tokens[j + 1] !== WILDCARD) return true;
  return false;
}

/** Token i is a field's key: a word glued to `=`. */
function isKeyAt(unit: FormUnit, i: number): boolean {
  return unit.tokens[i] !== WILDCARD && (unit.seps[i] ?? '').startsWith('=');
}

/** Bracket depth of a template's text before each token (its lead and the tokens and text before). */
function prefixDepths(unit: FormUnit): number[] {
  const depths: number[] = [];
  let depth = bracketDepth(unit.lead, 0).depth;
  for (let i = 0; i < unit.tokens.length; i++) {
    depths.push(depth);
    depth = bracketDepth(unit.seps[i] ?? '', depth).depth;
  }
  return depths;
}

/** The text of a template's first `end` tokens as a key: its lead, tokens and the text between (the last trimmed). */
function textKey(unit: FormUnit, end: number): string {
  let key = unit.lead;
  for (let i = 0; i < end; i++) key += `${unit.tokens[i]}\u0001${i === end - 1 ? (unit.seps[i] ?? '').trimEnd() : unit.seps[i] ?? ''}\u0002`;
  return key;
}

/**
 * Templates with the same constant words in the same order, the same text around them, and whose differences are
 * only masked pieces: a variable that took one word in some lines and several in others (`user <*>` / `user <*> <*>`
 * when a name has a blank, `from <*>` / `from <*>, <*>`). Every run of masked tokens whose text between holds no
 * letter, digit or bracket is one mark in the key, and white space runs are one blank (a padded column). Needs
 * MIN_CORE_WORDS constant words, so that `<*> <*>` beside `<*>` never joins. Groups are bounded by MAX_GROUP;
 * templates longer than MAX_CORE_TOKENS are left out. Joins into `parent`.
 */
function joinLooseCores(units: readonly FormUnit[], parent: number[], minLinesPerValue: number): void {
  const cores = new Map<string, { unit: number; methods: string }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const core = looseCore(units[unit]);
    if (core === undefined) continue;
    const list = cores.get(core.key);
    if (list) list.push({ unit, ...core });
    else cores.set(core.key, [{ unit, ...core }]);
  }
  for (const list of cores.values()) {
    if (list.length < 2 || list.length > MAX_GROUP) continue;
    const byMethods = new Map<string, number[]>();
    for (const { unit, methods } of list) byMethods.set(methods, [...(byMethods.get(methods) ?? []), unit]);
    const apart = byMethods.size > 1 && methodsNameEvents([...byMethods.values()].map((members) => members.reduce((sum, m) => sum + units[m].count, 0)), minLinesPerValue);
    for (const members of apart ? byMethods.values() : [list.map((m) => m.unit)]) for (const unit of members.slice(1)) union(parent, members[0], unit);
  }
}

/**
 * Whether request methods (line counts per method of one request statement) are told apart as events: each holds
 * typically `minLinesPerValue` lines or more, the miner's own measure of a word that names an event (variability.ts).
 * A long access log then keeps `GET` and `POST` apart, as its readers (and Loghub's labels) do; a file with a few
 * requests of each shows the method as the value it is.
 */
function methodsNameEvents(countsPerMethods: number[], minLinesPerValue: number): boolean {
  const sorted = [...countsPerMethods].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] >= minLinesPerValue;
}

/**
 * A template's loose core key (joinLooseCores) and the request methods it holds, or undefined when it is too long or
 * has too few constant words. A request's method and path (isRequestPair) are one mark, and a message that holds
 * that pair is a key however few words it keeps besides (`http: PUT <path>]`, `<*> "GET <path>`, `POST <url> -> <*>`):
 * the pair says what the statement prints, a request line, and every request line of a file is the one statement that
 * prints them; the words and the text around them must still agree.
 */
function looseCore(unit: FormUnit): { key: string; methods: string } | undefined {
  const { tokens } = unit;
  if (tokens.length === 0 || tokens.length > MAX_CORE_TOKENS) return undefined;
  let words = 0;
  let pairs = 0;
  let methods = '';
  let key = oneBlank(unit.lead);
  const sepAt = (i: number) => oneBlank(i === tokens.length - 1 ? (unit.seps[i] ?? '').trimEnd() : unit.seps[i] ?? '');
  for (let i = 0; i < tokens.length; i++) {
    if (isRequestPair(unit, i)) {
      pairs++;
      methods += `${tokens[i]} `;
      // The path and the masked pieces glued to it (a query string): one value.
      for (i++; i + 1 < tokens.length && tokens[i + 1] === WILDCARD && !/[\s\p{L}\p{N}[\](){}<>]/u.test(unit.seps[i] ?? ''); i++);
      key += `\u0004\u0001${sepAt(i)}\u0002`;
      continue;
    }
    const sep = sepAt(i);
    if (tokens[i] !== WILDCARD) {
      words++;
      key += `${tokens[i]}\u0001${sep}\u0002`;
      continue;
    }
    // A masked token whose following text joins it to the next masked one is part of one masked piece.
    if (i + 1 < tokens.length && tokens[i + 1] === WILDCARD && !/[\p{L}\p{N}[\](){}<>]/u.test(sep)) continue;
    key += `\u0003\u0001${sep}\u0002`;
  }
  return words >= MIN_CORE_WORDS || pairs > 0 ? { key, methods } : undefined;
}

/**
 * Token i is a request's method and the next its path: a method word, blanks only (a route table pads the method to a
 * column) or the method in brackets and a blank (`(POST) /server/info`, `[GET] /api`), then a masked value or a path
 * (`/api/sync`). The method is a value of the request line as the path is (the program prints whatever method came
 * in), so `GET <path>` and `POST <path>` are one statement.
 */
function isRequestPair(unit: FormUnit, i: number): boolean {
  const { tokens, seps } = unit;
  if (i + 1 >= tokens.length || !HTTP_METHODS.has(tokens[i]) || !(/^[ \t]+$/.test(seps[i] ?? '') || inBrackets(i === 0 ? unit.lead : seps[i - 1] ?? '', seps[i] ?? ''))) return false;
  return tokens[i + 1] === WILDCARD || tokens[i + 1].startsWith('/');
}

/** The texts before and after a token enclose it in one pair of brackets, a blank after the closing one (`(`, `) `). */
function inBrackets(before: string, after: string): boolean {
  const open = before.at(-1);
  return (open === '(' && after === ') ') || (open === '[' && after === '] ');
}

/** Text with each run of white space written as one blank (a padded column's width is not the statement's). */
function oneBlank(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The keys of a structured record's message field: the value that names the record's statement. */
const MESSAGE_KEYS = new Set(['msg', 'message']);

/**
 * One structured record whose metadata gained a field on some lines: a `key: value` / `key=value` record with a
 * constant message field (`msg: raw_bin_received, mfa: …, peername: …, bin: …`) and the same record with one more
 * field (`…, peername: …, clientid: test, bin: …`). A logger adds the metadata it knows at the call (a process's
 * client id once set), so the message key and every other key and value agreeing make it one statement. Only records
 * with a message field: without one, a field may be what tells two statements apart (PAM's `… rhost=<*>` and
 * `… rhost=<*> user=<*>`). Templates longer than MAX_CORE_TOKENS are left out. Joins into `parent`.
 */
function joinOptionalFields(units: readonly FormUnit[], parent: number[]): void {
  const whole = new Map<string, number>();
  const shorter: { unit: number; key: string }[] = [];
  for (let unit = 0; unit < units.length; unit++) {
    const { tokens, seps } = units[unit];
    if (tokens.length === 0 || tokens.length > MAX_CORE_TOKENS) continue;
    const message = tokens.findIndex((token, i) => MESSAGE_KEYS.has(token) && isFieldAt(units[unit], i) && tokens[i + 1] !== WILDCARD);
    if (message < 0) continue;
    const full = textKey(units[unit], tokens.length);
    if (!whole.has(full)) whole.set(full, unit);
    for (let i = 0; i + 2 < tokens.length; i++) {
      // A whole field, its value one token, followed by another field's separator: the record goes on after it.
      if (i === message || !isFieldAt(units[unit], i) || !/^(?:, ?| )$/.test(seps[i + 1] ?? '')) continue;
      shorter.push({ unit, key: textKey({ ...units[unit], tokens: [...tokens.slice(0, i), ...tokens.slice(i + 2)], seps: [...seps.slice(0, i), ...seps.slice(i + 2)] }, tokens.length - 2) });
    }
  }
  for (const { unit, key } of shorter) {
    const other = whole.get(key);
    if (other !== undefined && other !== unit) union(parent, other, unit);
  }
}

/** Token i is a field's key: a word followed by `: ` or `=`, with a value token after it. */
function isFieldAt(unit: FormUnit, i: number): boolean {
  return i + 1 < unit.tokens.length && unit.tokens[i] !== WILDCARD && /^(?:: |=)$/.test(unit.seps[i] ?? '');
}
