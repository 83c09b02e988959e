// Label-value records: a message made of `label: value` fields joined by `, ` (`networkInterface: Ethernet wlan0,
// Speed: 1000000, Description: wlan0`, `id: 42, time: …, lat: …`). Its labels are the statement: a program writes the
// same labels in the same order on every line of one call, and what follows each `label: ` is the value it was given,
// however that value is spelled (a word on one line, a number on the next). The miner reads those places as value
// slots (miner.ts valueSlots), where the file's lines decide as for `key=value` fields.
import { WILDCARD } from './tokenize';

/** Least labels that make a message a record: one `word: text` is as often a sentence and its object or status. */
const MIN_RECORD_LABELS = 2;

/** Most tokens of a value whose tokens are slots: a name and its kind (`Ethernet wlan0`), a version and its build. */
const MAX_VALUE_TOKENS = 3;

/** A record's label: a name of letters and digits, starting with a letter (`Speed`, `networkInterface`, `lat`). */
const LABEL = /^\p{L}[\p{L}\p{N}_]*$/u;

/**
 * The token positions that hold a record's values, or undefined when the message is no record: it opens with a label
 * (a token LABEL spells, followed by `: `, with nothing but white space before it) and holds MIN_RECORD_LABELS labels
 * or more, each after the `, ` that ends the value before; a value is every token after its label's `: ` up to the
 * one that the next `, ` follows, or to the message's end, and only values of MAX_VALUE_TOKENS tokens or fewer give
 * slots. A colon inside a value (`a: b: c`) makes it no record.
 * `tokens` and `seps` are a template's (Tokenized: seps[i] follows tokens[i]); `lead` is the text before tokens[0].
 */
export function recordValueSlots(tokens: readonly string[], seps: readonly string[], lead: string): number[] | undefined {
  if (lead.trim() !== '' || tokens.length < 2 * MIN_RECORD_LABELS) return undefined;
  const slots: number[] = [];
  let labels = 0;
  let i = 0;
  while (i < tokens.length) {
    if (!isLabel(tokens, seps, i)) return undefined;
    labels++;
    let j = i + 1;
    if (j >= tokens.length) return undefined;
    for (; j < tokens.length; j++) {
      const sep = seps[j] ?? '';
      if (sep.includes(':')) return undefined;
      if (sep === ', ') break;
    }
    // A value of a few tokens is data; a longer one is a sentence (`check: tagrun - tag X is now ready, value: 2`),
    // whose words may be the statement's own, and is left to the other rules.
    const last = Math.min(j, tokens.length - 1);
    if (last - i <= MAX_VALUE_TOKENS) for (let k = i + 1; k <= last; k++) slots.push(k);
    i = j + 1;
  }
  return labels >= MIN_RECORD_LABELS ? slots : undefined;
}

/** Token i is a label: LABEL-spelled, not masked, followed by `: `. */
function isLabel(tokens: readonly string[], seps: readonly string[], i: number): boolean {
  return tokens[i] !== WILDCARD && seps[i] === ': ' && LABEL.test(tokens[i]);
}
