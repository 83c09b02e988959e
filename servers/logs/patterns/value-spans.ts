// One statement whose value takes no token in some lines and one or more in others, so that its lines differ in length
// and the per-position rule (variability.ts), which compares templates of one length, never meets them. Two shapes
// whose delimiters say where the value is, whatever it holds:
// - an empty quoted value (`towards ''` beside `towards 'header'`): the quotes frame a value, and an empty one is a
//   value as much as a word is (joinEmptyQuotes);
// - a line that is one `key=value` field and nothing else (`  --k8s-namespace='kube-system'`), when the file shows the
//   keys are data: a program that dumps its options prints every key through one statement, in a loop
//   (joinFieldLines).
// Both work on the templates form-merge.ts lists (its FormUnit, of which SpanUnit is the part read here) and report the
// pairs they join through `join`.
import { WILDCARD } from './tokenize';
import { levelsTellApart } from './variability';

/** A template as form-merge.ts lists it (FormUnit): tokens (WILDCARD for variables), the text after each, the text before. */
export interface SpanUnit {
  readonly tokens: readonly string[];
  readonly seps: readonly string[];
  readonly lead: string;
  /** Lines per level; undefined when none had a level. */
  readonly levels?: readonly number[];
}

/**
 * Joins two templates (indexes into the units) as one statement. With `showFirst`, the group shows the first one's
 * text, whole (the one that shows a value where the other's lines have none); otherwise form-merge.ts chooses.
 */
export type JoinUnits = (first: number, other: number, showFirst?: boolean) => void;

/** Longest template (tokens) looked at: a statement's text is shorter; longer ones are dumps, left apart. */
const MAX_TOKENS = 64;

/**
 * An empty quoted value: a pair of the same quote mark with nothing between, opened where a quote opens (the start, or
 * after a blank, `=`, `:`, `(`, `[` or `,`) and closed where a value ends (the end, or before a blank or punctuation).
 */
const EMPTY_QUOTES = /(^|[\s=:([,])(['"])\2(?=$|[\s,.;:)\]])/g;

/**
 * Joins templates whose texts are the same once every empty quoted value is read as a quoted <*> (Magento's `the
 * '<*>' tries to reorder itself towards '', but their parents are different: '<*>' and '' respectively.` beside the
 * same sentence with `'<*>'` in both places). Why it holds: a program quotes what it was given so that an empty value
 * still shows, which is what the empty pair is; the tokenizer gives it no token, so those lines are one token shorter
 * than the others of their statement. The template shown is one with the quoted <*>, which says a value is there. Only a quoted <*> (a value the file shows varying) meets an empty pair: a quoted
 * constant word beside it may be the statement's own wording. Templates longer than MAX_TOKENS are left out.
 */
export function joinEmptyQuotes(units: readonly SpanUnit[], join: JoinUnits): void {
  const byText = new Map<string, { plain?: number; emptied: number[] }>();
  for (let unit = 0; unit < units.length; unit++) {
    if (units[unit].tokens.length > MAX_TOKENS) continue;
    const text = templateText(units[unit]);
    const read = text.replace(EMPTY_QUOTES, `$1$2${WILDCARD}$2`);
    const entry = byText.get(read) ?? { emptied: [] };
    byText.set(read, entry);
    if (read !== text) entry.emptied.push(unit);
    else entry.plain ??= unit;
  }
  for (const { plain, emptied } of byText.values()) {
    const into = plain ?? emptied[0];
    for (const unit of emptied) if (unit !== into) join(into, unit, plain !== undefined);
  }
}

/** Least distinct keys an indented listing of field lines shows (joinFieldLines). */
const MIN_FIELD_KEYS = 3;
/** Most tokens a field line's value may take: a value, not a sentence (`100M size`, `'kube-system'`). */
const MAX_VALUE_TOKENS = 3;

/**
 * Joins templates that are one `key=value` (or `key = value`) field each, behind the same text, when the file shows
 * their keys to be data: a key the miner masked already (Neo4j's diagnostics `[o.n.k.i.DiagnosticsManager] <*>=<*>`
 * beside `… dbms.tx_log.rotation.retention_policy=<*> size`), or MIN_FIELD_KEYS distinct keys or more on lines that
 * open with blanks (Cilium's option dump `  --k8s-namespace='kube-system'` / `  --k8s-api-server=''`). Why it holds:
 * a line that is nothing but a key and its value, indented, is an item of a listing under a heading, which a program
 * prints in a loop over a map (options, settings, attributes), one statement for every entry. Flush lines of one field
 * each are as often separate statements that each report one setting with the key written in their format (ZooKeeper's
 * `zookeeper.flushDelay=0`, `zookeeper.digest.enabled = true`, one call each): those stay apart unless the keys vary
 * within one template already. The value is the rest of the line, at most MAX_VALUE_TOKENS tokens (a quoted value is
 * one, an empty one none), with no other `=`; the text before the key and the form of the `=` (blanks around it or
 * not) are the same across the family. Templates longer than MAX_TOKENS are left out.
 */
export function joinFieldLines(units: readonly SpanUnit[], join: JoinUnits): void {
  const families = new Map<string, { unit: number; key: string }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const field = fieldLine(units[unit]);
    if (field === undefined) continue;
    const family = families.get(field.family);
    if (family) family.push({ unit, key: field.key });
    else families.set(field.family, [{ unit, key: field.key }]);
  }
  for (const family of families.values()) {
    if (family.length < 2) continue;
    const keys = new Set(family.map((member) => member.key));
    const indented = /^[ \t]/.test(units[family[0].unit].lead);
    if (!(keys.has(WILDCARD) || (indented && keys.size >= MIN_FIELD_KEYS))) continue;
    // Field lines whose templates keep to different levels belong to different statements (dumps under an INFO entry
    // and an ERROR one: `    error=upstream timeout` stays its own).
    if (levelsTellApart(family.map((member) => units[member.unit]))) continue;
    for (const member of family.slice(1)) join(family[0].unit, member.unit);
  }
}

/**
 * A template that is one field: its key (a token), and its family key (the text before the key and the form of the
 * `=`), or undefined. The `=` is in the text after the key (blanks around it, then an optional opening quote); the
 * text after the `=` holds no other `=`, and at most MAX_VALUE_TOKENS tokens.
 */
function fieldLine(unit: SpanUnit): { key: string; family: string } | undefined {
  const { tokens, seps } = unit;
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return undefined;
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!(seps[i] ?? '').includes('=')) continue;
    if (at !== -1) return undefined;
    at = i;
  }
  if (at === -1 || tokens.length - at - 1 > MAX_VALUE_TOKENS) return undefined;
  const eq = /^( *)=( *)(["']?)/.exec(seps[at] ?? '');
  if (eq === null || eq[1] !== eq[2]) return undefined;
  let before = unit.lead;
  for (let i = 0; i < at; i++) before += `${tokens[i]}\u0001${seps[i] ?? ''}\u0002`;
  // The key must open after a blank, a bracket or the line's start: `a.b=1` glued to a word is not a field line.
  if (!/(^|[\s[(\]-])$/.test(at === 0 ? unit.lead : (seps[at - 1] ?? ''))) return undefined;
  return { key: tokens[at], family: `${before}\u0003${eq[1]}` };
}

/** A template's text: its lead, tokens and the text between (the last trimmed), as the miner renders it. */
function templateText(unit: SpanUnit): string {
  let text = unit.lead;
  for (let i = 0; i < unit.tokens.length; i++) text += unit.tokens[i] + (i === unit.tokens.length - 1 ? (unit.seps[i] ?? '').trimEnd() : (unit.seps[i] ?? ' '));
  return text;
}
