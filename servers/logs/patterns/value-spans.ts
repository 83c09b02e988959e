// One statement whose value takes no token in some lines and one or more in others, so that its lines differ in length
// and the per-position rule (variability.ts), which compares templates of one length, never meets them. Shapes whose
// delimiters say where the value is, whatever it holds:
// - an empty quoted value (`towards ''` beside `towards 'header'`): the quotes frame a value, and an empty one is a
//   value as much as a word is (joinEmptyQuotes);
// - a line that is one `key=value` field and nothing else (`  --k8s-namespace='kube-system'`), when the file shows the
//   keys are data: a program that dumps its options prints every key through one statement, in a loop
//   (joinFieldLines);
// - a note of words in parentheses that ends some lines of a statement (`closed` / `closed (connection lost)`), which
//   the program appends with one `%s`, empty on the others (joinTrailingNotes);
// - a text after a label that ends a phrase (`login to server failed: EOF` / `…: dial tcp 127.0.0.1:7000: connect:
//   connection refused`), when the file shows the texts differing in length and words and not printed again
//   (joinLabelTails): an error's text, a command line or a list appended with one `%s`;
// - the `key=value` fields after a message when some lines carry more of them at the start or the end of the run
//   (joinEdgeFields): the fields a structured logger's call or context adds;
// - a name of several words between a label's `: ` and the `, ` of the record's next field (`Loaded plugin: Game Pass
//   Catalog Browser, version 2.5` beside `Loaded plugin: <*>, version <*>`), when the file shows the place varying
//   (joinLabelledValues).
// All work on the templates form-merge.ts lists (its FormUnit, of which SpanUnit is the part read here) and report the
// pairs they join through `join`.
import { WILDCARD } from './tokenize';
import { constantWords, levelsTellApart } from './variability';

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

/** A name's empty argument list, `Completed()`: the parentheses glued to a letter, a digit or `_`. */
const EMPTY_ARGUMENTS = /([\p{L}\p{N}_])\(\)/gu;
/** A name's argument list that holds one <*>, quoted or not (`Completed('<*>')`), read as `Completed(<*>)`. */
const QUOTED_ARGUMENT = /([\p{L}\p{N}_])\((['"]?)<\*>\2\)/gu;

/**
 * Joins templates whose texts are the same once every empty quoted value is read as a quoted <*> (Magento's `the
 * '<*>' tries to reorder itself towards '', but their parents are different: '<*>' and '' respectively.` beside the
 * same sentence with `'<*>'` in both places). Why it holds: a program quotes what it was given so that an empty value
 * still shows, which is what the empty pair is; the tokenizer gives it no token, so those lines are one token shorter
 * than the others of their statement. The template shown is one with the quoted <*>, which says a value is there. Only a quoted <*> (a value the file shows varying) meets an empty pair: a quoted
 * constant word beside it may be the statement's own wording. A name's empty argument list, `()`, is read the same
 * way beside the name with one masked argument (Prefect's `Finished in state Completed()` / `… Completed('All states
 * completed.')`): a program prints an object or a call as its name and what it holds in parentheses, and nothing
 * there is a value as an empty quote is. Templates longer than MAX_TOKENS are left out.
 */
export function joinEmptyQuotes(units: readonly SpanUnit[], join: JoinUnits): void {
  const byText = new Map<string, { plain?: number; emptied: number[] }>();
  for (let unit = 0; unit < units.length; unit++) {
    if (units[unit].tokens.length > MAX_TOKENS) continue;
    const text = templateText(units[unit]).replace(QUOTED_ARGUMENT, `$1(${WILDCARD})`);
    const read = text.replace(EMPTY_QUOTES, `$1$2${WILDCARD}$2`).replace(EMPTY_ARGUMENTS, `$1(${WILDCARD})`);
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

/** Marks that close what a value opened or end a field, glued to the value before them (`name: `, `a, b`, `(x)`). */
const CLOSING_MARKS = ':,;)]}>';
/** Brackets that enclose a value, by their opening mark: with nothing between them they show where the value was. */
const BRACKET_PAIRS = new Map([['(', ')'], ['[', ']'], ['{', '}'], ['<', '>']]);

/**
 * Joins a template to the same text with one masked value left out, where the text around the missing value shows the
 * hole it left (ddclient's `FAILED: updating host.domain.com: unexpected status (15)` beside `FAILED: updating :
 * unexpected status (0)`, the host printed empty): a blank before a mark that closes a value (` :`, ` ,`, ` )`),
 * brackets with nothing between (`[]`, `()` after a blank) or an `=` with no value after it (`user= from`). Why it
 * holds: a program writes its wording around a `%s`, so a value printed empty leaves the text on both sides of it as
 * it was, blank and mark alike, which no writer puts together by hand (a label is glued to its word, a list's comma
 * to its item); the tokenizer gives the empty value no token, so those lines are one token shorter than the others of
 * their statement and the per-position rule never meets them. Only a <*> (a value the file shows varying) may be
 * missing: a constant word left out is another wording. A value that ended the message after a label's `: ` leaves
 * the line ending in the label (endsLabel); such a line, printed once, shows as words what the other lines show
 * varying, and joins them as their lone form (isLoneForm). Templates whose levels tell them apart stay apart; templates
 * longer than MAX_TOKENS are left out. The template shown is the one with the value.
 */
export function joinEmptyValues(units: readonly TailUnit[], join: JoinUnits): void {
  const byText = new Map<string, number>();
  for (let unit = 0; unit < units.length; unit++) if (units[unit].tokens.length <= MAX_TOKENS) byText.set(templateText(units[unit]), unit);
  let byFrame: Map<string, number[]> | undefined;
  for (let unit = 0; unit < units.length; unit++) {
    const { tokens, seps, lead } = units[unit];
    if (tokens.length < 2 || tokens.length > MAX_TOKENS) continue;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] !== WILDCARD) continue;
      const before = i === 0 ? lead : seps[i - 1] ?? ' ';
      const after = seps[i] ?? '';
      const labelEnd = i === tokens.length - 1 && endsLabel(tokens[i - 1], before, after);
      if (!labelEnd && !leavesHole(before, after)) continue;
      const emptied: SpanUnit = {
        tokens: [...tokens.slice(0, i), ...tokens.slice(i + 1)],
        seps: i === 0 ? seps.slice(1) : [...seps.slice(0, i - 1), before + after, ...seps.slice(i + 1)],
        lead: i === 0 ? lead + after : lead,
      };
      let other = byText.get(templateText(emptied));
      if (other === undefined && labelEnd) {
        byFrame ??= framesOf(units);
        other = byFrame.get(frameOf(emptied))?.find((candidate) => candidate !== unit && isLoneForm(units[candidate], emptied));
      }
      if (other === undefined || other === unit || levelsTellApart([units[unit], units[other]])) continue;
      join(unit, other, true);
    }
  }
}

/**
 * The value ended the message right after a label's `: ` (`Configuration LogValueChange: PreferredGpu set to:` beside
 * `… EnableFileLog set to: False`): the line ends in the label, the value printed empty (joinEmptyValues). Why it
 * holds: a program that writes `label: %s` at the end of its text writes the label whatever the value, so a line
 * that ends in a label after a word is the statement's line with nothing to show; across the studied excerpts every
 * line that ended so was one event with lines of the same label and a value, none an event of its own beside them.
 */
function endsLabel(label: string | undefined, before: string, after: string): boolean {
  return label !== undefined && label !== WILDCARD && /\p{L}$/u.test(label) && /^: +$/.test(before) && after.trim() === '';
}

/** Templates longer than MAX_TOKENS left out, by frame (frameOf), for joinEmptyValues' look-up of a lone form. */
function framesOf(units: readonly SpanUnit[]): Map<string, number[]> {
  const frames = new Map<string, number[]>();
  for (let unit = 0; unit < units.length; unit++) if (units[unit].tokens.length <= MAX_TOKENS) addTo(frames, frameOf(units[unit]), unit);
  return frames;
}

/** A template's text with its tokens left out (its lead and the text between them, the last trimmed). */
function frameOf(unit: SpanUnit): string {
  let frame = unit.lead;
  for (let i = 0; i < unit.tokens.length; i++) frame += `\u0001${i === unit.tokens.length - 1 ? (unit.seps[i] ?? '').trimEnd() : (unit.seps[i] ?? ' ')}`;
  return frame;
}

/** Most lines a template may hold to be read as a form of another that masks some of its words (isLoneForm). */
const MAX_LONE_FORM_LINES = 1;

/**
 * `specific` is `general` written out on one line (MAX_LONE_FORM_LINES): the same frame and tokens, but where `general`
 * has a <*> and `specific` a word. One line cannot show its values varying, so the words it holds at the places the
 * file shows varying elsewhere are those values (`PreferredGpu` where the others have `<*> set to:`).
 */
function isLoneForm(specific: TailUnit, general: SpanUnit): boolean {
  if (specific.count > MAX_LONE_FORM_LINES || specific.tokens.length !== general.tokens.length) return false;
  let masked = 0;
  for (let i = 0; i < general.tokens.length; i++) {
    if (general.tokens[i] === specific.tokens[i]) continue;
    if (general.tokens[i] !== WILDCARD) return false;
    masked++;
  }
  return masked > 0;
}

/**
 * The text `before` a value and the text `after` it, written together with the value left out, show where it was
 * (joinEmptyValues): a blank then a closing mark (` :`, ` ,`, ` )`), an opening bracket then its closing one (`()`,
 * `[ ]` the blanks inside allowed) after a blank or at the start, or `=` then a blank, a `,`, a `;` or the end.
 */
function leavesHole(before: string, after: string): boolean {
  if (before === '' && after === '') return false;
  const last = before.at(-1);
  const next = after.trimStart()[0];
  if (last === undefined) return false;
  if (/\s/.test(last) && after !== '' && CLOSING_MARKS.includes(after[0])) return true;
  const closer = BRACKET_PAIRS.get(last);
  if (closer !== undefined && next === closer && (before.length === 1 || /\s/.test(before.at(-2) as string))) return true;
  return last === '=' && (after === '' || /^[\s,;]/.test(after));
}

/** Constant words the text before an optional note must hold (joinTrailingNotes): a word, not values alone. */
const MIN_NOTED_WORDS = 1;

/**
 * Joins a template to the same text followed by a note in parentheses that ends the message (OpenLDAP's `conn=<*>
 * fd=<*> closed` / `… closed (connection lost)`, BIND's `zone <*>: loaded serial <*>` / `… (DNSSEC signed)`, nginx's
 * `… exited on signal <*>` / `… (core dumped)`). Why it holds: a program appends such a note with one `%s` that is empty
 * when there is nothing to add (`closed%s%s%s`, `serial %u%s`), so the lines with and without it are one statement,
 * which the per-position rule, comparing templates of one length, never meets. Only parentheses after a blank: a part
 * in square brackets added at the end (`[no tls]` / `[no tls] [forwarded …]`) is as often another statement's record.
 * The note is words (isNoteWord): a condition's own text, which the program chooses between it and nothing; a note that
 * holds a value (`server started` / `server started (lighttpd/1.4.70)`) is a field, which a statement that writes it
 * writes on every line, so the lines without it are another statement's (or another version's). The text before the
 * note holds MIN_NOTED_WORDS constant words or more, and templates whose levels tell them apart stay apart. Templates
 * longer than MAX_TOKENS are left out.
 */
export function joinTrailingNotes(units: readonly SpanUnit[], join: JoinUnits): void {
  const byText = new Map<string, number>();
  for (let unit = 0; unit < units.length; unit++) if (units[unit].tokens.length <= MAX_TOKENS) byText.set(templateText(units[unit]), unit);
  for (let unit = 0; unit < units.length; unit++) {
    const at = trailingNote(units[unit]);
    if (at === undefined) continue;
    const { tokens, seps, lead } = units[unit];
    const bare: SpanUnit = { tokens: tokens.slice(0, at), seps: [...seps.slice(0, at - 1), (seps[at - 1] ?? '').slice(0, -2)], lead };
    const other = byText.get(templateText(bare));
    if (other === undefined || other === unit || constantWords(bare.tokens, at) < MIN_NOTED_WORDS || levelsTellApart([units[unit], units[other]])) continue;
    join(other, unit);
  }
}

/**
 * Where a note in parentheses that ends the template starts (the index of its first token), or undefined: the text
 * before that token is ` (` after a token or a closing quote, the parentheses hold one token or more with none opened
 * or closed between, and nothing but blanks follows the closing one.
 */
function trailingNote(unit: SpanUnit): number | undefined {
  const { tokens, seps } = unit;
  const last = tokens.length - 1;
  if (last < 1 || tokens.length > MAX_TOKENS || (seps[last] ?? '').trimEnd() !== ')') return undefined;
  for (let at = last; at >= 1; at--) {
    const before = seps[at - 1] ?? '';
    // After a token, or after the quote that closes a quoted value (Flask's `Serving Flask app "superset" (lazy loading)`).
    if (/^["']? \($/.test(before)) return tokens.slice(at).every(isNoteWord) ? at : undefined;
    if (/[()]/.test(before)) return undefined;
  }
  return undefined;
}

/** A word of a note (trailingNote): letters, with an inner hyphen or apostrophe; not a value (`lighttpd/1.4.70`, <*>). */
function isNoteWord(token: string): boolean {
  return PROSE_TOKEN.test(token);
}

/** Most tokens of a value's annotation in parentheses (joinValueAnnotations), as the tokenizer's annotationAt reads. */
const MAX_ANNOTATION_TOKENS = 3;

/**
 * Joins a template to the same text with an annotation of values in parentheses after a value left out (Composer's
 * `- Locking <*> (<*>)` beside `- Locking <*>`: `doctrine/inflector (1.3.1)` and `graham-campbell/manager (v4.5.2)`).
 * Why it holds: the tokenizer leaves out a parenthesised value that follows a value it read (annotationAt: a package's
 * version, a size, an address, which some lines of a statement carry and others not), so the lines whose value before
 * the parentheses it read as a word kept their annotation, and the per-position rule, masking that word later for
 * its variety, made a template one annotation longer than the others of its statement. The same reading applies once
 * the word is masked: the part holds one to MAX_ANNOTATION_TOKENS <*> and nothing else, opens with ` (` right after a
 * <*>, and closes with `)`. Templates whose levels tell them apart stay apart; templates longer than MAX_TOKENS are left
 * out. The template shown is the one without the annotation, as the tokenizer shows it.
 */
export function joinValueAnnotations(units: readonly SpanUnit[], join: JoinUnits): void {
  let byText: Map<string, number> | undefined;
  for (let unit = 0; unit < units.length; unit++) {
    const { tokens, seps, lead } = units[unit];
    if (tokens.length > MAX_TOKENS) continue;
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i] !== WILDCARD || seps[i] !== ' (') continue;
      let j = i + 1;
      while (j < tokens.length && j - i <= MAX_ANNOTATION_TOKENS && tokens[j] === WILDCARD && (seps[j] ?? '') === ' ') j++;
      if (j >= tokens.length || j - i > MAX_ANNOTATION_TOKENS || tokens[j] !== WILDCARD || !(seps[j] ?? '').startsWith(')')) continue;
      const bare: SpanUnit = { tokens: [...tokens.slice(0, i + 1), ...tokens.slice(j + 1)], seps: [...seps.slice(0, i), (seps[j] ?? '').slice(1) || (j + 1 < tokens.length ? ' ' : ''), ...seps.slice(j + 1)], lead };
      if (byText === undefined) {
        byText = new Map();
        for (let k = 0; k < units.length; k++) if (units[k].tokens.length <= MAX_TOKENS) byText.set(templateText(units[k]), k);
      }
      const other = byText.get(templateText(bare));
      if (other === undefined || other === unit || levelsTellApart([units[unit], units[other]])) continue;
      join(other, unit, true);
    }
  }
}

/** Constant words a statement's text must go on with after an inserted clause: the clause is inside the sentence. */
const MIN_RESUMED_WORDS = 3;
/** Constant words the text before an inserted clause must hold. */
const MIN_CLAUSE_LEAD_WORDS = 2;
/** Most tokens an inserted clause spans: a few fields, not a record. */
const MAX_CLAUSE_TOKENS = 16;
/**
 * An inserted clause's text: one field or more, each `, ` then a label of one to three words of letters, `: ` and a
 * value that holds no `, ` (HAProxy's `, reason: Layer4 check passed, check duration: <*>`).
 */
const CLAUSE = /^(?:, \p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2}: (?:(?!, ).)+)+$/u;

/**
 * Joins a template to the same text with a clause of labelled fields inserted inside it, after a word and before the
 * rest of the sentence (HAProxy's `Server <*> is UP. <*> active and <*> backup servers online. …` beside `Server <*> is
 * UP, reason: Layer4 check passed, check duration: <*>. <*> active and …`; `… is DOWN, reason: Layer4 connection
 * problem, info: "<*>", check duration: <*>. …`). Why it holds: a program builds such a message in pieces, appending
 * each detail it has as `, label: value` (HAProxy's srv_append_status: `", reason: %s"`, `", info: \"%s\""`, `",
 * check duration: %ldms"`, each under its own `if`), then the rest of the sentence, so lines with and without the
 * details are one statement; the per-position rule compares templates of one length and never meets them. The clause
 * (CLAUSE) opens with `, ` right after a token, and the text goes on after it with MIN_RESUMED_WORDS constant words or
 * more that both templates share: a clause added at the end is another rule's to judge (joinEdgeFields,
 * joinLabelTails), and a text that ends there may be another statement's longer wording. The text before holds
 * MIN_CLAUSE_LEAD_WORDS constant words; templates whose levels tell them apart stay apart; templates longer than
 * MAX_TOKENS are left out.
 */
export function joinInsertedClauses(units: readonly SpanUnit[], join: JoinUnits): void {
  const byText = new Map<string, number>();
  for (let unit = 0; unit < units.length; unit++) if (units[unit].tokens.length <= MAX_TOKENS) byText.set(templateText(units[unit]), unit);
  for (let unit = 0; unit < units.length; unit++) {
    const { tokens, seps, lead } = units[unit];
    if (tokens.length > MAX_TOKENS) continue;
    for (let at = 0; at + 1 < tokens.length; at++) {
      if (seps[at] !== ', ' || tokens[at] === WILDCARD || constantWords(tokens, at + 1) < MIN_CLAUSE_LEAD_WORDS) continue;
      let clause = ', ';
      for (let last = at + 1; last < Math.min(tokens.length - 1, at + 1 + MAX_CLAUSE_TOKENS); last++) {
        clause += tokens[last];
        if (constantWords(tokens, tokens.length) - constantWords(tokens, last + 1) >= MIN_RESUMED_WORDS && CLAUSE.test(clause)) {
          const bare: SpanUnit = { tokens: [...tokens.slice(0, at + 1), ...tokens.slice(last + 1)], seps: [...seps.slice(0, at), seps[last] ?? '', ...seps.slice(last + 1)], lead };
          const other = byText.get(templateText(bare));
          if (other !== undefined && other !== unit && !levelsTellApart([units[unit], units[other]])) join(other, unit);
        }
        clause += seps[last] ?? '';
      }
    }
  }
}

/** Most tokens of a labelled value between its label and the next field (joinLabelledValues): a name, not a record. */
const MAX_LABELLED_VALUE_TOKENS = 6;

/**
 * Joins templates that agree but for the text between a label's `: ` (after a phrase of two words or more) and the
 * `, ` that opens the next field, when one of them holds a single <*> there and the others hold texts of other lengths
 * (Playnite's `Loaded plugin: <*>, version <*>` beside `Loaded plugin: <*> library integration, version <*>` and
 * `Loaded plugin: Game Pass Catalog Browser, version <*>`). Why it holds: a program that writes a record of labelled
 * fields (`Loaded plugin: {name}, version {version}`) fills each label's place with one `%s`, whatever the value's
 * words and their number (a plugin's or a device's name); the one <*> says the file shows the place varying, and the
 * shared text after the `, ` (the next field's label and value) says the program's wording goes on past it unchanged,
 * which a statement of its own, worded differently at that place, would not keep word for word. The text between
 * holds at most MAX_LABELLED_VALUE_TOKENS tokens and no other `,`, `:` or `=` (one value, not a list or fields); the
 * text after the `, ` holds a constant word; the texts take two lengths or more, and no levels tell the templates
 * apart. The one-<*> member stands for two values or more (the per-position rule masked the place for them), so with
 * one other text the file shows three values or more at the place. The template shown is the one-<*> member.
 * Templates longer than MAX_TOKENS are left out.
 */
export function joinLabelledValues(units: readonly SpanUnit[], join: JoinUnits): void {
  const families = new Map<string, { unit: number; length: number; masked: boolean }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const { tokens, seps, lead } = units[unit];
    if (tokens.length > MAX_TOKENS) continue;
    for (const from of labelEnds(tokens, seps)) {
      const to = labelledValueEnd(tokens, seps, from);
      if (to < 0) continue;
      let frame = lead;
      for (let i = 0; i < from; i++) frame += `${tokens[i]}\u0001${seps[i] ?? ''}\u0002`;
      frame += '\u0003';
      for (let i = to; i < tokens.length; i++) frame += `${tokens[i]}\u0001${seps[i] ?? ''}\u0002`;
      addTo(families, frame, { unit, length: to - from, masked: to - from === 1 && tokens[from] === WILDCARD });
    }
  }
  for (const family of families.values()) {
    if (new Set(family.map((member) => member.length)).size < 2) continue;
    const shown = family.find((member) => member.masked);
    if (shown === undefined || levelsTellApart(family.map((member) => units[member.unit]))) continue;
    for (const member of family) if (member.unit !== shown.unit) join(shown.unit, member.unit, true);
  }
}

/**
 * The token that opens the next field (after its `, `) when the value opened at token `from` runs to the template's
 * first `, ` after it within MAX_LABELLED_VALUE_TOKENS tokens, holds no `,`, `:` or `=` before it, and a constant word
 * follows; -1 otherwise.
 */
function labelledValueEnd(tokens: readonly string[], seps: readonly string[], from: number): number {
  for (let i = from; i < Math.min(tokens.length - 1, from + MAX_LABELLED_VALUE_TOKENS); i++) {
    const sep = seps[i] ?? '';
    if (sep === ', ') {
      for (let k = i + 1; k < tokens.length; k++) if (tokens[k] !== WILDCARD && startsWithLetter(tokens[k])) return i + 1;
      return -1;
    }
    if (/[,:=]/.test(sep)) return -1;
  }
  return -1;
}

/** Words of a sentence (PROSE_TOKEN, not masked) the text before a bracketed value must hold (joinBracketedValues). */
const MIN_BRACKET_LEAD_WORDS = 2;

/**
 * Joins templates that agree but inside one pair of parentheses or square brackets, opened after a blank, where every
 * one holds a value the file shows varying (a <*>) and the texts inside take different numbers of tokens: xrdp's
 * `Closed socket 7 (AF_INET 127.0.0.1:3350)` beside `Closed socket 12 (AF_INET6 ::1 port 3350)`, nginx's `built by gcc
 * 8.3.0 (Debian 8.3.0-6)` beside `… (Red Hat 8.5.0-4)` and `… (Alpine 10.3.1_git20211027)`, Libreswan's `Starting
 * Pluto (Libreswan Version 5.4 IKEv2 IKEv1 XFRM …) pid:1234` with another build's feature list. Why it holds: a
 * program writes such a part with one `(%s)` filled by another function (an address printed by its family, a
 * compiler's version string, a build's feature list), whose words and their number are that function's, so the lines
 * are one statement however many tokens the part takes; the per-position rule compares templates of one length and
 * never meets them. A part of words alone (`(read only; no external updates accepted)` / `(read-write)`, `[disabled]` /
 * `[not required]`) is a condition the statement names, as often two statements as one, and stays apart (trailing
 * notes are joinTrailingNotes'); so does a part opened at the message's start, or after fewer than
 * MIN_BRACKET_LEAD_WORDS words of a sentence (a header's bracketed column, a record's first field), and templates
 * whose levels tell them apart. Templates longer than MAX_TOKENS are left out.
 */
export function joinBracketedValues(units: readonly SpanUnit[], join: JoinUnits): void {
  const families = new Map<string, { unit: number; length: number }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    if (units[unit].tokens.length > MAX_TOKENS) continue;
    for (const part of bracketedValues(units[unit])) addTo(families, part.frame, { unit, length: part.length });
  }
  for (const family of families.values()) {
    if (family.length < 2 || new Set(family.map((member) => member.length)).size < 2) continue;
    if (levelsTellApart(family.map((member) => units[member.unit]))) continue;
    for (const member of family.slice(1)) if (member.unit !== family[0].unit) join(family[0].unit, member.unit);
  }
}

/**
 * The parts of a template in parentheses or square brackets that hold a <*> (joinBracketedValues): for each pair
 * opened after a blank, outside any other pair, and closed in the template, its frame (the template's text with the
 * part's inside left out, the brackets kept) and its length (the tokens inside); only pairs after
 * MIN_BRACKET_LEAD_WORDS words of a sentence.
 */
function bracketedValues(unit: SpanUnit): { frame: string; length: number }[] {
  const { tokens, seps, lead } = unit;
  const parts: { frame: string; length: number }[] = [];
  let depth = 0;
  let open: { sep: number; at: number } | undefined;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (open === undefined && tokens[i] !== WILDCARD && PROSE_TOKEN.test(tokens[i])) words++;
    const sep = seps[i] ?? '';
    for (let c = 0; c < sep.length; c++) {
      const mark = sep[c];
      if (mark === '(' || mark === '[') {
        if (depth === 0 && c > 0 && /\s/.test(sep[c - 1]) && words >= MIN_BRACKET_LEAD_WORDS) open = { sep: i, at: c };
        depth++;
      } else if ((mark === ')' || mark === ']') && depth > 0) {
        depth--;
        if (depth === 0 && open !== undefined) {
          const inside = tokens.slice(open.sep + 1, i + 1);
          if (i > open.sep && inside.includes(WILDCARD) && !holdsLabelList(tokens, seps, open.sep + 1, i)) {
            // The text up to the opening mark and from the closing one on: tokens and separators, each marked off.
            let frame = lead;
            for (let k = 0; k < open.sep; k++) frame += `${tokens[k]}\u0001${seps[k] ?? ''}\u0002`;
            frame += `${tokens[open.sep]}\u0001${(seps[open.sep] ?? '').slice(0, open.at + 1)}\u0003${sep.slice(c)}\u0002`;
            for (let k = i + 1; k < tokens.length; k++) frame += `${tokens[k]}\u0001${seps[k] ?? ''}\u0002`;
            parts.push({ frame, length: inside.length });
          }
          open = undefined;
        }
      }
    }
  }
  return parts;
}

/**
 * Tokens `from` to `to` (inclusive) hold a list of labelled values: a `, ` then a constant word then `: ` (`(code: <*>,
 * signal: <*>)`, `(pid: <*>, cores: <*>)`). Its labels are the statement's own text, so a part with a label more or
 * less (`(code: <*>)`) is another statement (NodeBB's exit with and without a signal), not a value of other words.
 */
function holdsLabelList(tokens: readonly string[], seps: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/^,\s+$/.test(seps[k] ?? '') && tokens[k + 1] !== WILDCARD && /^:\s/.test(seps[k + 1] ?? '')) return true;
  return false;
}

/** Constant words (keys not counted) a message must hold before its optional fields (joinEdgeFields). */
const MIN_EDGE_MESSAGE_WORDS = 2;
/** Lines each of two field sets must hold to be two statements whatever else agrees (joinEdgeFields). */
const MIN_FORM_LINES = 10;

/**
 * Joins templates of one message whose trailing `key=value` fields differ by fields added at one end of the run
 * (cloudflared's `Unregistered tunnel connection connIndex=<*>` beside `… connIndex=<*> event=<*> ip=<*>`,
 * AdGuard Home's `reset rules count=<*>` beside `reset rules client=<*> count=<*>`, Supabase's `QUERY OK db=<*>`
 * beside `QUERY OK source="<*>" db=<*>` and `QUERY OK db=<*> queue=<*> idle=<*>`). Why it holds: a structured
 * logger writes the call's message, then the fields the call was given, then those its context adds (a connection's
 * index, a client's name once known), each as `key=value` after one blank; which of them a line carries is the
 * call's data, so the fields the lines share keep their order and the others come at the start or the end of the run.
 * The run must be such a logger's: fields of one token each (a quoted value too), one blank between every two, after
 * a message of MIN_EDGE_MESSAGE_WORDS constant words or more. A field set off otherwise is a format string's own
 * wording: PAM's `… rhost=<*>  user=<*>` (two blanks before `user=`, which Loghub labels another event) keeps its
 * `rhost=<*>` in the message and stays apart, as does a field added inside the run (OpenLDAP's `RESULT tag=<*>
 * err=<*> qtime=<*> etime=<*> text=`, a newer version's statement), and one whose value is a constant word
 * (addsValuesOnly). Fields that both show must agree, key and value; templates whose levels tell them apart stay apart,
 * and so do two that each hold MIN_FORM_LINES lines or more: a field set the file prints again and again is a
 * statement of its own as far as the file can tell, as a few words at one position that each hold many lines are
 * events (variability.ts; Loghub labels PAM's two forms so on thousands of lines). The run is shown as one value, the
 * template shown the member with fewer fields. Templates longer than MAX_TOKENS are left out.
 */
function joinEdgeFields(units: readonly TailUnit[], join: JoinTails): void {
  const families = new Map<string, { unit: number; fields: string[]; from: number }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const run = edgeFieldRun(units[unit]);
    if (run !== undefined) addTo(families, run.message, { unit, ...run });
  }
  for (const family of families.values()) {
    if (family.length < 2) continue;
    for (const short of family) {
      for (const long of family) {
        if (short.fields.length >= long.fields.length || !atAnEnd(short.fields, long.fields) || !addsValuesOnly(short.fields, long.fields)) continue;
        if (levelsTellApart([units[short.unit], units[long.unit]]) || Math.min(units[short.unit].count, units[long.unit].count) >= MIN_FORM_LINES) continue;
        join(short.unit, long.unit, short.from);
      }
    }
  }
}

/**
 * Every field `whole` holds beyond `part` (its first or last ones, atAnEnd) has a masked value, one the file shows
 * varying: data the logger's context adds (an index, an address, a client's name). A field whose value is a constant
 * word (`status=ok`, `user=root`) may be the outcome or a wording that tells two statements apart, and stays apart.
 */
function addsValuesOnly(part: readonly string[], whole: readonly string[]): boolean {
  const head = part.every((field, i) => field === whole[i]);
  const added = head ? whole.slice(part.length) : whole.slice(0, whole.length - part.length);
  return added.every((field) => field.endsWith(WILDCARD));
}

/** `part` is `whole`'s first or last fields, in order (joinEdgeFields). */
function atAnEnd(part: readonly string[], whole: readonly string[]): boolean {
  const tail = whole.length - part.length;
  return part.every((field, i) => field === whole[i]) || part.every((field, i) => field === whole[tail + i]);
}

/**
 * A template's trailing run of logfmt fields (joinEdgeFields): each a key (a word that starts with a letter) glued to
 * `=` and a value of one token (quoted or not), one blank between two fields, the run opened after a blank and ending
 * the message; its fields (key, quote and value each) and its message (the text before the run), or undefined when
 * there is no such run or the message keeps fewer than MIN_EDGE_MESSAGE_WORDS constant words outside it.
 */
function edgeFieldRun(unit: SpanUnit): { message: string; fields: string[]; from: number } | undefined {
  const { tokens, seps } = unit;
  if (tokens.length < 3 || tokens.length > MAX_TOKENS) return undefined;
  const fields: string[] = [];
  let at = tokens.length - 2;
  for (; at >= 0; at -= 2) {
    const key = tokens[at];
    const glue = /^=(["']?)$/.exec(seps[at] ?? '');
    if (key === WILDCARD || !startsWithLetter(key) || glue === null) break;
    const quote = glue[1];
    // The value's closing quote, then one blank before the next field (or nothing but blanks at the end).
    const close = seps[at + 1] ?? '';
    if (!close.startsWith(quote) || (fields.length > 0 ? close.slice(quote.length) !== ' ' : close.slice(quote.length).trim() !== '')) break;
    fields.unshift(`${key}=${quote}${tokens[at + 1]}`);
  }
  const first = at + 2;
  if (fields.length === 0 || first === 0 || !/ $/.test(seps[first - 1] ?? '')) return undefined;
  let words = 0;
  for (let i = 0; i < first; i++) if (tokens[i] !== WILDCARD && !(seps[i] ?? '').startsWith('=')) words++;
  if (words < MIN_EDGE_MESSAGE_WORDS) return undefined;
  let message = unit.lead;
  for (let i = 0; i < first; i++) message += `${tokens[i]}\u0001${seps[i] ?? ''}\u0002`;
  return { message, fields, from: first };
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
    addTo(families, field.family, { unit, key: field.key });
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

/** A key of a `key: value` line (joinSettingDumps): a letter or `_`, then letters, digits, `_`, `.`, `-`, `/`. */
const SETTING_KEY = /^[\p{L}_][\p{L}\p{N}_./-]*$/u;
/**
 * Distinct keys in the names of code a listing of `key: value` lines must show (joinSettingDumps). The number of keys
 * is the signal, not where or when the lines are printed: separate statements that report one object's fields print
 * them as one contiguous run in the same second, each key once, as a loop does (Unbound's trust-anchor report,
 * `info: last_queried: 0 …` … `info: query_failed: 0`, six lines of one second, six events in the excerpts; FlexGet's
 * three encodings, printed together at every start), so a run's contiguity, its shared time or equal counts per key
 * do not tell a loop from them; a program writes a handful of such calls by hand, not a dozen (slot24b's review).
 */
const MIN_DUMP_KEYS = 8;
/** Most tokens the value of a `key: value` line of a listing may take (joinSettingDumps): a value or a list, not a sentence. */
const MAX_DUMP_VALUE_TOKENS = 12;

/**
 * Joins templates that are one `key: value` line each behind the same text when the file shows MIN_DUMP_KEYS keys or
 * more spelt as names in code (`data_path`, `node.name`, `envoy.grpc_credentials`): Moonraker's `platform: Linux-…` /
 * `data_path: /opt/printer_data` / `is_default_data_path: False` …, Logstash's `node.name: "…"` / `pipeline.workers:
 * 4` …, Envoy's `  envoy.clusters: envoy.cluster.eds, …` (batches 3, 14 and 10). Why it holds: a program prints its
 * settings or its registered extensions in a loop over a map (`for key, val in args.items(): log(f"{key}: {val}")`,
 * Envoy's `"  {}: {}"` per factory category), one statement for every entry; a handful of such lines are as often
 * separate statements that each write their key in the format (FlexGet's three encodings, Unbound's six probe
 * times: each its own event in the excerpts), which a loop over a settings map outnumbers. The line is nothing but the
 * key, `: ` and a value of at most MAX_DUMP_VALUE_TOKENS tokens with no other `: ` and no sentence (`load_ppd: started
 * the worker`, a component's name before what it did), after a blank or at the start; the
 * text before the key is the same across the family; keys spelt as prose words (`platform`, `verbose`) join a family
 * the code names qualify. Templates whose levels tell them apart stay apart; templates longer than MAX_TOKENS are left
 * out.
 */
export function joinSettingDumps(units: readonly SpanUnit[], join: JoinUnits): void {
  const families = new Map<string, { unit: number; key: string }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const line = settingLine(units[unit]);
    if (line !== undefined) addTo(families, line.family, { unit, key: line.key });
  }
  for (const family of families.values()) {
    const codeKeys = new Set(family.map((member) => member.key).filter((key) => key !== WILDCARD && isCodeName(key)));
    if (codeKeys.size < MIN_DUMP_KEYS || levelsTellApart(family.map((member) => units[member.unit]))) continue;
    for (const member of family.slice(1)) join(family[0].unit, member.unit);
  }
}

/**
 * A template that is one `key: value` line (joinSettingDumps): its key (the token before the last `: `, opened after a
 * blank or a bracket or at the start) and its family (the text before the key), or undefined when the value after the
 * key (quoted or not) takes more than MAX_DUMP_VALUE_TOKENS tokens or none, holds two words of a sentence in lower
 * case, or ends in anything but a closing quote.
 */
function settingLine(unit: SpanUnit): { key: string; family: string } | undefined {
  const { tokens, seps } = unit;
  if (tokens.length < 2 || tokens.length > MAX_TOKENS) return undefined;
  // The value ends the line: a text ending in a colon (`runtime: layers:`) is a heading over lines that follow.
  if (!/^["']?\s*$/.test(seps[tokens.length - 1] ?? '')) return undefined;
  let at = -1;
  for (let i = tokens.length - 2; i >= 0; i--) {
    if (/^: +["']?$/.test(seps[i] ?? '')) {
      at = i;
      break;
    }
    if ((seps[i] ?? '').includes(': ')) return undefined;
  }
  if (at < 0 || tokens.length - at - 1 > MAX_DUMP_VALUE_TOKENS) return undefined;
  // Two words of a sentence in lower case after the key: a component's name before what it did, no setting.
  for (let i = at + 1; i + 1 < tokens.length; i++) if (seps[i] === ' ' && isLowerWord(tokens[i]) && isLowerWord(tokens[i + 1])) return undefined;
  // A value that opens as a sentence does (`Connection lost`, `Shutting down`, a lone `Exiting`) is what a logger
  // named by the key said, not a setting: settings print data (`False`, `4`, `/opt/printer_data`, `envoy.cluster.eds`).
  if (valueOpensSentence(tokens, seps, at + 1)) return undefined;
  const opening = at === 0 ? unit.lead : seps[at - 1] ?? '';
  // A key is a name (or one the miner masked); a marked one (Logstash's `*config.string`, a setting the user set) is
  // printed by another statement.
  if (!/(^|[\s\]])$/.test(opening) || !(tokens[at] === WILDCARD || SETTING_KEY.test(tokens[at]))) return undefined;
  let family = unit.lead;
  for (let i = 0; i < at; i++) family += `${tokens[i]}\u0001${seps[i] ?? ''}\u0002`;
  return { key: tokens[at], family };
}

/**
 * The value from token `from` on opens as a sentence: a word in sentence case then a lower-case word after a blank
 * (`Connection lost`, `Shutting down`), or is one sentence-case word in `-ing` (`Exiting`, `Reindexing`: a program
 * says what it is doing; a setting's value is a state, `Enabled`, `False`).
 */
function valueOpensSentence(tokens: readonly string[], seps: readonly string[], from: number): boolean {
  if (!SENTENCE_CASE_WORD.test(tokens[from] ?? '')) return false;
  if (from === tokens.length - 1) return /ing$/u.test(tokens[from]);
  return seps[from] === ' ' && isLowerWord(tokens[from + 1]);
}

/** A word in sentence case: one capital, then lower-case letters (`Connection`, `Exiting`; not `USB`, `GET`). */
const SENTENCE_CASE_WORD = /^\p{Lu}\p{Ll}+$/u;

/** Least templates of one record whose fields come and go (joinFieldRecords): two are as often two statements. */
const MIN_RECORD_FORMS = 3;
/** Least fields every form of the record holds (joinFieldRecords): the record's own, around the ones left out. */
const MIN_SHARED_FIELDS = 2;

/**
 * Joins templates that agree but for a run of `key:value` (or `key=value`) fields in which some fields are left out,
 * when the file shows MIN_RECORD_FORMS forms or more, the keys in one order in all of them, MIN_SHARED_FIELDS keys or
 * more in every form, and one key at two different places of its run (PhotoPrism's `found 60 results for photo:true
 * dist:20 year:2019 month:7 count:60 order:newest merged:true [29.5ms]` / `… dist:20 count:60 order:newest …`, the
 * filter's unset fields left out). Why it holds: a program that writes a record (a query's filter, a struct, a
 * request's parameters) writes the fields that are set, in one fixed order, so which fields show is the record's value;
 * a statement's own words keep their places in its text, so a key that moves is one whose fields before it came and
 * went. A field added at the end of a record (PAM's `… rhost=<*>` / `… rhost=<*> user=<*>`, printed by two calls) moves
 * no key, and those stay apart, as do keys in two orders (two statements' records) and templates whose levels tell them
 * apart. Templates longer than MAX_TOKENS are left out. The record and what follows it are shown as one value, the
 * template shown the member with the fewest tokens.
 */
function joinFieldRecords(units: readonly SpanUnit[], join: JoinTails): void {
  const families = new Map<string, { unit: number; keys: string[]; from: number }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const run = fieldRun(units[unit]);
    if (run === undefined) continue;
    addTo(families, run.frame, { unit, ...run });
  }
  for (const family of families.values()) {
    if (family.length < MIN_RECORD_FORMS || !oneRecord(family.map((member) => member.keys)) || levelsTellApart(family.map((member) => units[member.unit]))) continue;
    family.sort((a, b) => units[a.unit].tokens.length - units[b.unit].tokens.length || a.unit - b.unit);
    for (const member of family.slice(1)) join(family[0].unit, member.unit, family[0].from);
  }
}

/**
 * The longest run of two fields or more in a template (joinFieldRecords): each a key (a token that starts with a
 * letter) glued to its value (one token) by `:` or `=`, the fields joined by one separator (`, ` or a blank); its keys
 * in order, and its frame: the template's text with the run left out, the glue and separator kept. Undefined when the
 * template has no such run or is longer than MAX_TOKENS.
 */
function fieldRun(unit: SpanUnit): { keys: string[]; frame: string; from: number } | undefined {
  const { tokens, seps } = unit;
  if (tokens.length > MAX_TOKENS) return undefined;
  let best: { from: number; to: number } | undefined;
  for (let i = 0; i + 1 < tokens.length; ) {
    if (!isGluedKey(tokens, seps, i)) {
      i++;
      continue;
    }
    let to = i + 2;
    while (FIELD_SEPS.has(seps[i + 1] ?? '') && to + 1 < tokens.length && seps[to - 1] === seps[i + 1] && isGluedKey(tokens, seps, to) && seps[to] === seps[i]) to += 2;
    if (to - i >= 4 && (best === undefined || to - i > best.to - best.from)) best = { from: i, to };
    i = to;
  }
  if (best === undefined) return undefined;
  const { from, to } = best;
  const keys: string[] = [];
  for (let i = from; i < to; i += 2) keys.push(tokens[i]);
  const text = (a: number, b: number) => tokens.slice(a, b).map((token, k) => `${token}\u0001${seps[a + k] ?? ''}`).join('\u0002');
  return { keys, from, frame: `${unit.lead}\u0003${text(0, from)}\u0003${seps[from]}${seps[from + 1]}\u0003${text(to, tokens.length)}` };
}

/** Separators between a compact record's fields: a blank, or a comma and a blank. */
const FIELD_SEPS = new Set([' ', ', ']);

/** Token i is a key glued to its value by `:` or `=` (no blank): a field of a compact record. */
function isGluedKey(tokens: readonly string[], seps: readonly string[], i: number): boolean {
  return i + 1 < tokens.length && (seps[i] === ':' || seps[i] === '=') && tokens[i] !== WILDCARD && startsWithLetter(tokens[i]);
}

/**
 * The key lists are forms of one record whose fields come and go (joinFieldRecords): MIN_RECORD_FORMS distinct lists
 * or more, each key once per list, every two keys in one order wherever both show, MIN_SHARED_FIELDS keys in every
 * list, and one key at two different places.
 */
function oneRecord(lists: readonly (readonly string[])[]): boolean {
  if (new Set(lists.map((keys) => keys.join('\u0001'))).size < MIN_RECORD_FORMS) return false;
  const placeOf = new Map<string, number>();
  let moves = false;
  for (const keys of lists) {
    if (new Set(keys).size !== keys.length) return false;
    keys.forEach((key, i) => {
      const place = placeOf.get(key);
      if (place !== undefined && place !== i) moves = true;
      placeOf.set(key, i);
    });
  }
  const shared = lists[0].filter((key) => lists.every((keys) => keys.includes(key)));
  if (!moves || shared.length < MIN_SHARED_FIELDS) return false;
  // One order: no two keys written one before the other in one list and the other way round in another.
  const before = new Set<string>();
  for (const keys of lists) for (let a = 0; a < keys.length; a++) for (let b = a + 1; b < keys.length; b++) before.add(`${keys[a]}\u0001${keys[b]}`);
  for (const pair of before) {
    const [a, b] = pair.split('\u0001');
    if (before.has(`${b}\u0001${a}`)) return false;
  }
  return true;
}

/**
 * A template that is one field: its key (a token), and its family key (the text before the key and the form of the
 * `=`), or undefined. The `=` is in the text after the key (blanks around it, then an optional opening quote); the
 * text after the `=` holds no other `=`, and at most MAX_VALUE_TOKENS tokens.
 */
function fieldLine(unit: SpanUnit, maxValueTokens = MAX_VALUE_TOKENS): { key: string; family: string; at: number } | undefined {
  const { tokens, seps } = unit;
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return undefined;
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!(seps[i] ?? '').includes('=')) continue;
    if (at !== -1) return undefined;
    at = i;
  }
  if (at === -1 || tokens.length - at - 1 > maxValueTokens) return undefined;
  const eq = /^( *)=( *)(["']?)/.exec(seps[at] ?? '');
  if (eq === null || eq[1] !== eq[2]) return undefined;
  let before = unit.lead;
  for (let i = 0; i < at; i++) before += `${tokens[i]}\u0001${seps[i] ?? ''}\u0002`;
  // The key must open after a blank, a bracket or the line's start: `a.b=1` glued to a word is not a field line.
  if (!/(^|[\s[(\]-])$/.test(at === 0 ? unit.lead : (seps[at - 1] ?? ''))) return undefined;
  return { key: tokens[at], family: `${before}\u0003${eq[1]}`, at };
}

/** Most tokens the value of a line that is one setting may take (joinSettingValues): a value, not a record. */
const MAX_SETTING_TOKENS = 12;

/**
 * Joins templates that are one field each and nothing else, `key=value` (or `key = value`) opening the message, of
 * the same key, whose values take different numbers of tokens (JMeter's `java.vm.name=Java HotSpot(TM) 64-Bit Server
 * VM` beside `java.vm.name=OpenJDK 64-Bit Server VM`, `os.name=Linux` beside `os.name=Windows Server 2019`). Why it
 * holds: a line that is nothing but a key and its value reports a setting through one `%s=%s`, so whatever follows the
 * `=` is the value, one word or several; the per-position rule compares templates of one length and never meets
 * them. Lines of different keys are joinFieldLines' to judge. The value is at most MAX_SETTING_TOKENS tokens with no
 * other `=`; templates whose levels tell them apart stay apart, and so do two that each hold MIN_FORM_LINES lines or
 * more (a value the file prints again and again may be a state the statement names). The template shown is the member
 * with the shortest value, its value shown as one <*>.
 */
function joinSettingValues(units: readonly TailUnit[], join: JoinTails): void {
  const families = new Map<string, number[]>();
  const valueAt = new Map<number, number>();
  const sentences = new Set<number>();
  for (let unit = 0; unit < units.length; unit++) {
    const field = fieldLine(units[unit], MAX_SETTING_TOKENS);
    // The key opens the message: a field after other words or inside a bracket is part of a sentence or a record.
    if (field === undefined || field.at !== 0 || units[unit].lead.trim() !== '' || field.at + 1 >= units[unit].tokens.length) continue;
    // A value that opens with a masked one and goes on in words is a context field before a message (`trace=2
    // switched protocols, …`, a request's id in front of each statement of a proxy), not a setting's words.
    if (units[unit].tokens[field.at + 1] === WILDCARD && units[unit].tokens.length > field.at + 2) continue;
    // So may be one word followed by a sentence, two words in lower case (`user=admin logged in` beside `user=admin
    // logged out from <*>`, `session=main closed by peer`): the field names who or what, the words say what happened;
    // judged below against the family. A setting's words are names (`Windows Server 2019`).
    if (opensSentenceAfter(units[unit], field.at + 1)) sentences.add(unit);
    valueAt.set(unit, field.at + 1);
    addTo(families, `${field.family}\u0004${field.key}`, unit);
  }
  for (const all of families.values()) {
    // A context field before a sentence shows as the same field before other sentences or the same sentence after
    // other fields (`user=admin logged in` / `user=admin logged out …`); a free text that is the value repeats neither
    // (`description=nightly backup job` / `description=weekly report export`, one `%s`: rev23).
    const family = sentences.size === 0 ? all : all.filter((unit) => !sentences.has(unit) || !sharesContext(units, all, unit, valueAt));
    if (family.length < 2 || new Set(family.map((unit) => units[unit].tokens.length)).size < 2) continue;
    if (levelsTellApart(family.map((unit) => units[unit])) || family.filter((unit) => units[unit].count >= MIN_FORM_LINES).length >= 2) continue;
    family.sort((a, b) => units[a].tokens.length - units[b].tokens.length || a - b);
    for (const other of family.slice(1)) join(family[0], other, valueAt.get(family[0]) as number);
  }
}

/**
 * Another template of `family` has the same word as `unit` at its value's start or just after it (joinSettingValues):
 * the field or the sentence after it recurs, so the field is a context field before a message. `valueAt` maps each
 * template of the family to its value's first token.
 */
function sharesContext(units: readonly SpanUnit[], family: readonly number[], unit: number, valueAt: ReadonlyMap<number, number>): boolean {
  const at = valueAt.get(unit) as number;
  const { tokens } = units[unit];
  return family.some((other) => {
    if (other === unit) return false;
    const from = valueAt.get(other) as number;
    return units[other].tokens[from] === tokens[at] || units[other].tokens[from + 1] === tokens[at + 1];
  });
}

/** Token `at` is followed by two words of a sentence in lower case, one blank apart (joinSettingValues). */
function opensSentenceAfter(unit: SpanUnit, at: number): boolean {
  const { tokens, seps } = unit;
  return at + 2 < tokens.length && seps[at] === ' ' && seps[at + 1] === ' ' && isLowerWord(tokens[at + 1]) && isLowerWord(tokens[at + 2]);
}

/** A word of a sentence in lower case (`logged`, `closed`): letters, an inner hyphen or apostrophe, no capital. */
function isLowerWord(token: string): boolean {
  return PROSE_TOKEN.test(token) && token === token.toLowerCase();
}

/** Adds `item` to the list `map` holds under `key`, a new list when there is none. */
function addTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** A template's text: its lead, tokens and the text between (the last trimmed), as the miner renders it. */
function templateText(unit: SpanUnit): string {
  let text = unit.lead;
  for (let i = 0; i < unit.tokens.length; i++) text += unit.tokens[i] + (i === unit.tokens.length - 1 ? (unit.seps[i] ?? '').trimEnd() : (unit.seps[i] ?? ' '));
  return text;
}

/** A template as form-merge.ts lists it, with its lines (FormUnit's count). */
export interface TailUnit extends SpanUnit {
  readonly count: number;
}

/**
 * Joins two templates (indexes into the units) as one statement whose text from token `valueFrom` on is one value, in
 * both of them; `first` is the one to show.
 */
export type JoinTails = (first: number, other: number, valueFrom: number) => void;

/** Words in a row that must end right before a label: a phrase (`Command line`, `login to server failed`), not a tag. */
const MIN_LABEL_WORDS = 2;
/** Labels of one template looked at, first ones first: a sentence appends its text after one or two. */
const MAX_LABELS = 4;
/**
 * Statements a family needs after one label. Two texts after one phrase are a value's (`Enabled extensions: none` /
 * `…: iris, mpd, http`, `Operating system: Linux` / `…: Ubuntu 24.04 LTS`) unless one of them shows the program's own
 * wording going on (wordingGoesOn), which is what made two texts as often two statements as one value when
 * variability.ts' mergeColonTails joined on two without looking (held-out real logs lost more than studied ones gained).
 */
const MIN_TAIL_STATEMENTS = 2;
/** Lines a statement's texts after a label must typically (median) hold fewer of to be values: more is one printed again. */
const MIN_RECURRING_LINES = 3;

/**
 * Joins templates that agree up to a label's `: ` after a phrase and differ in the text after it, when those texts
 * differ in length and the statements behind them typically hold fewer than MIN_RECURRING_LINES lines each: frp's
 * `login to server failed: EOF` / `…: dial tcp 127.0.0.1:7000: connect: connection refused` / `…: DialTcpByHttpProxy
 * error, StatusCode [500]`, ntpd's `Command line: ntpd -g -q` / `… ntpd -gq`, Mopidy's `Enabled extensions: none` /
 * `…: iris, mpd, http, …`. Why it holds: a sentence that ends in a label and goes on with texts of different lengths
 * and words appends a value it was given (an error's text, a command line, a list), which a program formats with one
 * `%s` however many words it has; the per-position rule compares templates of one length only and never meets them.
 * Its own wordings after one label are texts the file shows again (`Broken reference: the '<*>' element cannot be
 * added …` on 18 lines, `Broken reference: No element found with ID '<*>'.` on others), and those stay apart
 * (MIN_RECURRING_LINES), as do texts of one length (the per-position rule's to judge) and statements whose lines keep
 * to different levels (levelsTellApart). A label after one word or a tag (`Error: `, `os: `, `S: `) is a topic as often
 * as a sentence, and is left out (MIN_LABEL_WORDS). A text that is one <*> already is a value the file shows varying,
 * and counts as one more length. The statements are the groups `rootOf` gives (templates joined already, header forms
 * of one message among them), so that a statement's lines are counted together. A label that ends a line (`Client
 * hooks:` beside `Client hooks: Audit::Client, …`) has an empty text after it: the value printed empty. Longer shared
 * beginnings are tried first; the template shown is the member with the shortest text that is not empty.
 */
export function joinLabelTails(units: readonly TailUnit[], rootOf: (unit: number) => number, join: JoinTails): void {
  const byPrefix = new Map<number, number[]>();
  // The statements as joined before, and the lines of each in the whole file: a text the file shows again is counted
  // with all its lines, header forms and places the per-position rule masked included.
  const statementOf = units.map((_, unit) => rootOf(unit));
  const linesOf = new Map<number, number>();
  for (let unit = 0; unit < units.length; unit++) {
    linesOf.set(statementOf[unit], (linesOf.get(statementOf[unit]) ?? 0) + units[unit].count);
    for (const at of labelEnds(units[unit].tokens, units[unit].seps)) {
      addTo(byPrefix, at, unit);
    }
  }
  for (const prefix of [...byPrefix.keys()].sort((a, b) => b - a)) {
    const families = new Map<string, number[]>();
    for (const unit of byPrefix.get(prefix) as number[]) {
      const { tokens, seps } = units[unit];
      if (addsField(units[unit], prefix)) continue;
      // The label's own mark, without the blanks after it: a label that ends the text has none.
      const key = `${tokens.slice(0, prefix).join('\u0001')}\u0002${seps.slice(0, prefix - 1).join('\u0001')}\u0001${(seps[prefix - 1] ?? '').trimEnd()}`;
      addTo(families, key, unit);
    }
    for (const family of families.values()) {
      if (family.length < 2 || !(tailsAreValues(family, prefix, units, statementOf, linesOf) || tailsNameObjects(family, prefix, units))) continue;
      // The shortest text shows, an empty one last: the template shown says a value follows the label.
      const empty = (unit: number) => (units[unit].tokens.length === prefix ? 1 : 0);
      family.sort((a, b) => empty(a) - empty(b) || units[a].tokens.length - units[b].tokens.length || a - b);
      for (const other of family.slice(1)) join(family[0], other, prefix);
    }
  }
  joinListTails(units, join);
  joinCommandTails(units, join);
  joinFieldRecords(units, join);
  joinEdgeFields(units, join);
  joinSettingValues(units, join);
}

/** Options (`-F`, `--log-file`, `-Djava.awt.headless`) a text after a label must hold to be a command line. */
const MIN_COMMAND_OPTIONS = 2;
/** Words after an option's value, before the next option, a command line holds at most (commandTail): its positionals. */
const MAX_COMMAND_POSITIONALS = 2;
/** An option of a command line: one or two hyphens after a blank, then a letter (`-d`, `--port`, `-Xmx1G`). */
const OPTION_TOKEN = /^--?\p{L}[\p{L}\p{N}_.-]*$/u;

/**
 * Joins templates that agree up to a label's `: ` (its first outside brackets, after a word of any kind) and go on
 * with a command line there, each text holding MIN_COMMAND_OPTIONS options or more: Seafile's `spawn_process:
 * ccnet-server -F <*> -c <*> -f <*> -d -P <*>` beside `spawn_process: seaf-server -F <*> -c <*> -d <*> -l <*> -P <*>`,
 * SDDM's `Running: <*> -auth <*> -nolisten tcp -background none -noreset vt7` beside the same with `-displayfd <*>`,
 * SonarQube's `Launch process[es]: <*> -Djava.awt.headless=true -Xmx1G …`. Why it holds: a program that reports the
 * command it starts prints its argument vector after the label with one `%s` (or a join), so the program, its options
 * and their number are the value; a statement's own words hold no options, and a sentence that names options holds
 * more words of its own than options (commandTail). The texts take two lengths or more (one
 * length is the per-position rule's to judge), and templates whose levels tell them apart stay apart. The template
 * shown is the member with the shortest text.
 */
function joinCommandTails(units: readonly TailUnit[], join: JoinTails): void {
  const families = new Map<string, number[]>();
  const labelAt = new Map<number, number>();
  for (let unit = 0; unit < units.length; unit++) {
    const at = commandTail(units[unit]);
    if (at === undefined) continue;
    const { tokens, seps } = units[unit];
    labelAt.set(unit, at);
    addTo(families, `${units[unit].lead}\u0003${tokens.slice(0, at).join('\u0001')}\u0002${seps.slice(0, at).join('\u0001')}`, unit);
  }
  for (const family of families.values()) {
    if (family.length < 2 || new Set(family.map((unit) => units[unit].tokens.length)).size < 2 || levelsTellApart(family.map((unit) => units[unit]))) continue;
    family.sort((a, b) => units[a].tokens.length - units[b].tokens.length || a - b);
    for (const other of family.slice(1)) join(family[0], other, labelAt.get(family[0]) as number);
  }
}

/**
 * Where a command line after a label starts in a template (joinCommandTails): the token after the first `: ` outside
 * brackets, when the tokens from there on hold MIN_COMMAND_OPTIONS options written after a blank; or undefined.
 * Templates longer than MAX_TOKENS are left out.
 */
function commandTail(unit: SpanUnit): number | undefined {
  const { tokens, seps } = unit;
  if (tokens.length < 3 || tokens.length > MAX_TOKENS) return undefined;
  let depth = 0;
  let at = -1;
  for (let i = 0; i + 1 < tokens.length && at < 0; i++) {
    const sep = seps[i] ?? '';
    for (const c of sep) depth += c === '[' || c === '(' || c === '{' ? 1 : c === ']' || c === ')' || c === '}' ? -1 : 0;
    if (sep.endsWith(': ') && depth <= 0 && tokens[i] !== WILDCARD) at = i + 1;
  }
  if (at < 0) return undefined;
  let options = 0;
  // Words (tokens after a blank) since the last option and its value: an argument vector holds one or two
  // positionals there (`--template CPU 1572942241:3`, `-m <module> runfcgi`), a sentence about options holds its
  // own words (`--cached and --untracked cannot be used with --no-index`), and parts them with `, ` as argv never does.
  let loose = 0;
  // Words of a sentence in lower case (`conflicts`, `with`, `tcp`): an argument vector is mostly options and their
  // values, a sentence about options mostly such words (`option -x conflicts with -y`, `-a requires -b`: slot24).
  let words = 0;
  for (let i = at; i < tokens.length; i++) {
    const sep = seps[i - 1] ?? '';
    if (sep.includes(',')) return undefined;
    if (!/\s$/.test(sep)) continue;
    if (isLowerWord(tokens[i])) words++;
    if (OPTION_TOKEN.test(tokens[i])) {
      options++;
      loose = 0;
    } else if (options > 0 && !OPTION_TOKEN.test(tokens[i - 1]) && ++loose > MAX_COMMAND_POSITIONALS) return undefined;
  }
  return options >= MIN_COMMAND_OPTIONS && options > words ? at : undefined;
}

/** Distinct names (texts before the parenthesised identifier) a family needs in tailsNameObjects. */
const MIN_NAMED_OBJECTS = 3;
/** The brackets an object's identifier is written in after its name (tailsNameObjects): the opening, after a blank, and the closing. */
const ID_BRACKETS = new Map([[' (', ')'], [' [', ']']]);

/**
 * The texts after `prefix` tokens of the family's templates are objects' names, each followed by its identifier in
 * parentheses or square brackets at the message's end (Moodle's `Execute scheduled task: Award badges
 * (core\task\badges_cron_task)` / `…: Systeem: oude sessies opschonen (core\task\session_cleanup_task)`; a plugin's
 * `Loaded plugin: Map Widget 1.0.1 [org.example.map.MapWidgetPlugin]`, the name and its version before the class, a
 * Java object's `%s %s [%s]`): MIN_NAMED_OBJECTS distinct names or more, of
 * two lengths or more, every identifier a code name (isCodeName) or a value the miner masked, and no identifier shown
 * with two different names; no levels telling the templates apart. Why it holds: a program that reports an object
 * prints its display name and beside it the identifier it is known by in code (`%s (%s)`, name, class), so an
 * identifier that changes with every text says the text is the object's name, given to the statement, whatever words
 * (or language) it is written in; a statement's own wordings would be printed beside one identifier as beside any
 * other, which is what an identifier shared by two texts shows (those stay apart), and a word in parentheses
 * (`(reset)`, `(deadline)`) is a reason or a state, not an object's identifier.
 */
function tailsNameObjects(family: readonly number[], prefix: number, units: readonly TailUnit[]): boolean {
  const idOfName = new Map<string, string>();
  const nameOfId = new Map<string, string>();
  const lengths = new Set<number>();
  for (const unit of family) {
    const { tokens, seps } = units[unit];
    const last = tokens.length - 1;
    // The name, one token or more, then ` (identifier)` or ` [identifier]` ending the message.
    const open = (seps[last - 1] ?? '').slice(-2);
    if (last - prefix < 1 || !ID_BRACKETS.has(open) || (seps[last] ?? '').trimEnd() !== ID_BRACKETS.get(open)) return false;
    const id = tokens[last];
    if (id !== WILDCARD && !isCodeName(id)) return false;
    const name = `${tokens.slice(prefix, last).join('\u0001')}\u0002${seps.slice(prefix, last - 1).join('\u0001')}`;
    const seen = idOfName.get(name);
    if (seen !== undefined && seen !== id) return false;
    idOfName.set(name, id);
    if (id !== WILDCARD) {
      const other = nameOfId.get(id);
      if (other !== undefined && other !== name) return false;
      nameOfId.set(id, name);
    }
    lengths.add(last - prefix);
  }
  return idOfName.size >= MIN_NAMED_OBJECTS && lengths.size >= 2 && nameOfId.size >= 2 && !levelsTellApart(family.map((unit) => units[unit]));
}

/**
 * A name as code spells it: letters and digits joined by `_`, `.`, `\`, `/` or `::` (a class, a module path, a file),
 * or a word in camel case; a plain word (`reset`) is prose.
 */
function isCodeName(token: string): boolean {
  return (CODE_NAME.test(token) && /[_.\\/]|::/.test(token)) || CAMEL_CASE.test(token);
}

/** Letters, digits and `_` in parts joined by `.`, `\`, `/` or `::` (a class, a module path, a file's name). */
const CODE_NAME = /^[\p{L}_][\p{L}\p{N}_]*(?:(?:[.\\/]|::)[\p{L}\p{N}_]+)*$/u;

/** Separators between the items of a list: a comma or a bar, with the blank after it that a list's join puts in. */
const LIST_SEPS = new Set([', ', ' | ']);

/**
 * Joins templates that agree up to a label's `: ` (after a word, outside brackets) and end in a list there, items of
 * one token joined by `, ` or ` | ` (vLLM's `Route: /docs, Methods: HEAD, GET` / `…, Methods: GET` / `…, Methods:
 * POST`), when the file shows the lists of two lengths or more and one item at two different places of its list
 * (`GET` second after `HEAD, `, first alone). Why it holds: a program prints a collection with one join (`', '.join(…)`)
 * after its label, so the items and their number are the value; a statement's own words keep their places in its
 * text, so a word that moves within the tail is an item whose neighbours came and went. Tails that differ only by
 * words added at the end (`failed: timeout` / `failed: timeout, retrying`) show no item moving and stay apart, as do
 * lists of one length (the per-position rule's to judge) and templates whose levels tell them apart. The template shown
 * is the member with the shortest list.
 */
function joinListTails(units: readonly TailUnit[], join: JoinTails): void {
  const families = new Map<string, { unit: number; at: number; sep?: string }[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const tail = listTail(units[unit]);
    if (tail === undefined) continue;
    const { tokens, seps } = units[unit];
    const key = `${tokens.slice(0, tail.at).join('\u0001')}\u0002${seps.slice(0, tail.at).join('\u0001')}`;
    addTo(families, key, { unit, ...tail });
  }
  for (const family of families.values()) {
    if (family.length < 2) continue;
    const listSeps = new Set(family.map((member) => member.sep).filter((sep) => sep !== undefined));
    const lengths = new Set(family.map((member) => units[member.unit].tokens.length - member.at));
    if (listSeps.size > 1 || lengths.size < 2 || !anItemMoves(family, units) || levelsTellApart(family.map((member) => units[member.unit]))) continue;
    family.sort((a, b) => units[a.unit].tokens.length - units[b.unit].tokens.length || a.unit - b.unit);
    for (const other of family.slice(1)) join(family[0].unit, other.unit, family[0].at);
  }
}

/**
 * Where a list ends the template (joinListTails): the token index after the last label `: ` outside brackets, when
 * every token from there on is one item, joined by one LIST_SEPS separator (undefined for a list of one item), and
 * nothing but blanks follows the last; or undefined. Templates longer than MAX_TOKENS are left out.
 */
function listTail(unit: SpanUnit): { at: number; sep?: string } | undefined {
  const { tokens, seps } = unit;
  if (tokens.length < 2 || tokens.length > MAX_TOKENS || (seps[tokens.length - 1] ?? '').trim() !== '') return undefined;
  let at = tokens.length - 1;
  let sep: string | undefined;
  for (; at > 0; at--) {
    const before = seps[at - 1] ?? '';
    if (before === ': ') break;
    if (!LIST_SEPS.has(before) || (sep !== undefined && before !== sep)) return undefined;
    sep = before;
  }
  if (at === 0 || !startsWithLetter(tokens[at - 1]) || tokens[at - 1] === WILDCARD) return undefined;
  // The label is outside brackets: a `: ` inside `[…]` or `(…)` is a field of a bracketed group.
  let depth = 0;
  for (let i = 0; i < at - 1; i++) for (const c of seps[i] ?? '') depth += c === '[' || c === '(' || c === '{' ? 1 : c === ']' || c === ')' || c === '}' ? -1 : 0;
  return depth === 0 ? { at, sep } : undefined;
}

/** One item of the family's lists (not a masked one) stands at two different places of its list. */
function anItemMoves(family: readonly { unit: number; at: number }[], units: readonly TailUnit[]): boolean {
  const placeOf = new Map<string, number>();
  for (const { unit, at } of family) {
    const { tokens } = units[unit];
    for (let i = at; i < tokens.length; i++) {
      if (tokens[i] === WILDCARD) continue;
      const place = placeOf.get(tokens[i]);
      if (place !== undefined && place !== i - at) return true;
      placeOf.set(tokens[i], i - at);
    }
  }
  return false;
}

/**
 * The texts after `prefix` tokens of the family's templates are a value's (joinLabelTails): MIN_TAIL_STATEMENTS or more,
 * texts of two lengths or more, the statements whose texts are not one <*> typically holding fewer than
 * MIN_RECURRING_LINES lines, no text that opens as a sentence of the program's own (opensSentence), and no levels
 * telling the statements apart.
 */
function tailsAreValues(family: readonly number[], prefix: number, units: readonly TailUnit[], statementOf: readonly number[], linesOf: ReadonlyMap<number, number>): boolean {
  const statements = new Map<number, { value: boolean; levels?: number[] }>();
  const lengths = new Set<number>();
  let relayed = 0;
  for (const unit of family) {
    const { tokens, levels } = units[unit];
    if (opensSentence(units[unit], prefix)) return false;
    if (opensRelayedLine(units[unit], prefix)) relayed++;
    lengths.add(tokens.length - prefix);
    const statement = statements.get(statementOf[unit]) ?? { value: false };
    statements.set(statementOf[unit], statement);
    if (tokens.length === prefix + 1 && tokens[prefix] === WILDCARD) statement.value = true;
    if (levels) statement.levels = statement.levels ? statement.levels.map((n, i) => n + (levels[i] ?? 0)) : [...levels];
  }
  // Every text a relayed log's line: each is a statement of the program that wrote it (see opensRelayedLine).
  if (relayed === family.length) return false;
  if (statements.size < MIN_TAIL_STATEMENTS || lengths.size < 2 || levelsTellApart([...statements.values()]) || extendsAnother(family, prefix, units, statementOf)) return false;
  // Two statements only: neither text may show wording of the program's going on after the label (wordingGoesOn).
  if (statements.size === 2 && wordingGoesOn(family, prefix, units)) return false;
  const lines = [...statements].filter(([, statement]) => !statement.value).map(([root]) => linesOf.get(root) ?? 0).sort((a, b) => a - b);
  return lines.length === 0 || lines[Math.floor(lines.length / 2)] < MIN_RECURRING_LINES;
}

/** Tokens at the start of a text after a label in which a relayed line's header columns are looked for. */
const RELAYED_HEADER_TOKENS = 3;

/**
 * The text after the label at `prefix` opens as a log line of its own, relayed by the program that wrote the label
 * (VirtualBox's `VMMDev: Guest Log: BIOS: Booting from Hard Disk...`, `…: Guest Log: 06:10:33.139999 main     Session
 * 0 is about to close ...`: the guest's log, behind its source's tag or its own clock and padded thread column): a
 * word of letters glued to a label of its own (`BIOS: `), or a gap of two blanks or more between its first tokens (a
 * header's padded columns, which no sentence and no error's text holds). Each such text is a statement of the relayed
 * program's, with its own values, not one value handed to the label's statement (tailsAreValues).
 */
function opensRelayedLine(unit: TailUnit, prefix: number): boolean {
  const { tokens, seps } = unit;
  if (prefix >= tokens.length) return false;
  if (seps[prefix] === ': ' && prefix + 1 < tokens.length && PROSE_TOKEN.test(tokens[prefix])) return true;
  for (let i = prefix; i < Math.min(tokens.length - 1, prefix + RELAYED_HEADER_TOKENS); i++) if (/^(?: {2,}|\t)/.test(seps[i] ?? '')) return true;
  return false;
}

/**
 * One statement's text is another's with a part added at its end after a blank (ghostunnel's `tcp:<*> [CN=client] <->
 * tcp:<*> [no tls]` and the same with ` [forwarded 398.3 KiB, returned 0 bytes, …]`; one word between may differ when
 * more than MIN_AGREEING others agree, a value the lines fill in): one wording extended, printed by another statement
 * or version, as a record with one more field is (addsField). An item added to a list after `, ` (`ssl, http11` /
 * `ssl, http11, django`) is the list growing, a value. Families of more than MAX_PAIRED templates are not compared.
 */
function extendsAnother(family: readonly number[], prefix: number, units: readonly TailUnit[], statementOf: readonly number[]): boolean {
  if (family.length > MAX_PAIRED) return false;
  for (const short of family) {
    for (const long of family) {
      const a = units[short].tokens;
      const b = units[long].tokens;
      // An empty text is extended by any other: the value printed empty, not a wording extended.
      if (statementOf[short] === statementOf[long] || a.length >= b.length || a.length === prefix) continue;
      let differ = 0;
      for (let i = prefix; i < a.length && differ <= 1; i++) if (a[i] !== b[i] && a[i] !== WILDCARD && b[i] !== WILDCARD) differ++;
      // One differing word needs MIN_AGREEING others beside it: in a short text it is the whole difference.
      if ((differ === 0 || (differ === 1 && a.length - prefix > MIN_AGREEING)) && !(units[long].seps[a.length - 1] ?? '').includes(',')) return true;
    }
  }
  return false;
}

/** Tokens of the shorter text that must agree with the longer one's around one that differs (extendsAnother). */
const MIN_AGREEING = 4;
/** Templates of one family extendsAnother compares pairwise (a family is a handful of wordings after one label). */
const MAX_PAIRED = 16;

/**
 * The texts after the label at `prefix` show the statements' own wording going on past a value: each opens with a
 * value (one <*>) followed by words of a sentence, and those words differ (`process with pid: <*> exit with SUCCESS.`
 * beside `… pid: <*> exits with status <*>`: the label names the one value, and the words after it are each
 * statement's own); or one text holds a second sentence that opens with a capital after one ended (`Incremental build:
 * disabled. Enable with --incremental` beside `…: enabled`: a hint the program adds in one branch). A value handed to a
 * statement is a word, a list, a name or an error's text; the program's wording around it is what tells two
 * statements apart when only two show.
 */
function wordingGoesOn(family: readonly number[], prefix: number, units: readonly TailUnit[]): boolean {
  const after = new Set<string>();
  for (const unit of family) {
    const { tokens, seps } = units[unit];
    for (let i = prefix; i + 2 < tokens.length; i++) {
      const sep = seps[i] ?? '';
      const ended = /[.!?]$/.test(tokens[i]) || /^[.!?] +$/.test(sep);
      if (ended && sep.endsWith(' ') && seps[i + 1] === ' ' && /^\p{Lu}/u.test(tokens[i + 1]) && isProseWord(tokens[i + 1]) && isProseWord(tokens[i + 2])) return true;
    }
    const valueThenWords = tokens[prefix] === WILDCARD && prefix + 2 < tokens.length && seps[prefix] === ' ' && seps[prefix + 1] === ' ' && isProseWord(tokens[prefix + 1]) && isProseWord(tokens[prefix + 2]);
    after.add(valueThenWords ? `${tokens[prefix + 1]} ${tokens[prefix + 2]}` : '\u0000');
  }
  return after.size > 1 && !after.has('\u0000');
}

/**
 * The text after the label at `prefix` opens with two words of letters joined by one blank (`register module`,
 * `added ip-host pair …`, `start authentication`) and holds no label of its own: a sentence, which after a component's
 * name (`Diagnosis Engine: `, `hosts container: `) is a statement of the program's, one per wording. A text handed on
 * from elsewhere is a list, a command line, a word (`EOF`, `none`), or a chain of labels (`dial tcp 127.0.0.1:7000:
 * connect: connection refused`, an error wrapped by each caller), which such a label ends.
 */
function opensSentence(unit: TailUnit, prefix: number): boolean {
  const { tokens, seps } = unit;
  if (prefix + 1 >= tokens.length || seps[prefix] !== ' ' || !isProseWord(tokens[prefix]) || !isProseWord(tokens[prefix + 1])) return false;
  // A chain names what the caller acted on before its first label (`dial tcp 127.0.0.1:7000: connect: …`): a value.
  // A first label after a word ends a sentence that fills in a value (`qemu unexpectedly closed the monitor: …`).
  for (let i = prefix; i + 1 < tokens.length; i++) {
    const sep = seps[i] ?? '';
    if (sep.length > 1 && sep.trimEnd() === ':') return tokens[i] !== WILDCARD;
  }
  return true;
}

/**
 * A word as a sentence spells it: letters, with an inner hyphen or apostrophe (`ip-host`, `don't`, `USB`); one with a
 * capital after a lower-case letter (`DialTcpByHttpProxy`) is a name from code.
 */
function isProseWord(token: string): boolean {
  return PROSE_TOKEN.test(token) && !CAMEL_CASE.test(token);
}

/** A lower-case letter followed by a capital: a name written in camel case. */
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;

/** A word of letters, with an inner hyphen or apostrophe (`ip-host`, `don't`, `USB`). */
const PROSE_TOKEN = /^\p{L}+(?:['-]\p{L}+)*$/u;

/**
 * The text after the label at `prefix` is one token and then another field of a record, `, label: ` (`libvirt
 * version: 6.0.0, package: 0ubuntu8.15 (…)` beside `libvirt version: 1.2.2`): a record with one more field, printed by
 * another call (the one that knows the package), not a longer value of the same label.
 */
function addsField(unit: TailUnit, prefix: number): boolean {
  const { tokens, seps } = unit;
  return seps[prefix] === ', ' && prefix + 1 < tokens.length && PROSE_TOKEN.test(tokens[prefix + 1]) && seps[prefix + 1] === ': ';
}

/**
 * Where texts after a label may start in a template (token indexes, at most MAX_LABELS, first ones first): after a
 * separator that ends in `: ` and follows MIN_LABEL_WORDS or more words in a row (tokens that start with a letter,
 * blanks between them), outside brackets.
 */
function labelEnds(tokens: readonly string[], seps: readonly string[] | undefined): number[] {
  const ends: number[] = [];
  if (!seps) return ends;
  let row = 0;
  let depth = 0;
  for (let i = 0; i < tokens.length && ends.length < MAX_LABELS; i++) {
    const sep = seps[i] ?? '';
    row = startsWithLetter(tokens[i]) ? row + 1 : 0;
    // A label that ends the text has an empty text after it (`Enabled item pipelines:`): the value printed empty.
    const labels = i + 1 < tokens.length ? sep.length >= 2 && sep.endsWith(': ') && sep.trimEnd() === ':' : sep.trim() === ':';
    if (depth === 0 && row >= MIN_LABEL_WORDS && labels) ends.push(i + 1);
    for (let k = 0; k < sep.length; k++) {
      const c = sep.charCodeAt(k);
      if (c === 91 /* [ */ || c === 40 /* ( */ || c === 123 /* { */) depth++;
      else if ((c === 93 /* ] */ || c === 41 /* ) */ || c === 125) /* } */ && depth > 0) depth--;
    }
    // Words of a phrase are joined by blanks; any other mark between them starts a new row.
    if (sep.trim() !== '') row = 0;
  }
  return ends;
}

/** The token starts with a letter (ASCII, or above U+007F: a word in another script), as a word of a sentence does. */
function startsWithLetter(token: string): boolean {
  const c = token.charCodeAt(0) | 32;
  return (c >= 97 && c <= 122) || c > 127;
}
