// Counts the lines the miner loses on the studied real excerpts by kind of failure, over many systems, so that a rule
// is chosen for a kind spread across systems rather than for one system's loss (the measure-then-read protocol of the
// mining sessions). Each event grouped wrong (groupingErrors) is put in one kind, read from the miner's templates of
// its lines and the truth's: split (its lines in several templates: a value read as constant) or joined (its lines in
// a template with another event's: a constant read as value), then where the templates differ, cut at blanks into
// chunks. Held-out systems are never mined (as in eval-studied.ts).
// Usage: node --import tsx scripts/failure-kinds.ts [--blind B,C] [--only A,B] [--examples N]
//   --blind B,C   batches left out entirely: mined by nothing here, counted in nothing (a released batch kept blind)
//   --only A,B    those systems only (a held-out name is refused)
//   --examples N  under each kind, its N events that cost the most lines, with the templates compared
import { resolve } from 'node:path';
import { WILDCARD } from '../servers/logs/patterns/tokenize';
import { mine, studiedSelection, type Mined } from './eval-studied';
import { runMain } from './eval-support';
import { findDatasets, groupingErrors, loadDataset } from './loghub-data';

const EXCERPTS = resolve(__dirname, '../test/fixtures/real-excerpts');

/** One event grouped wrong, in its kind. */
export interface KindedError {
  system: string;
  event: string;
  lines: number;
  kind: string;
  /** The templates compared: the truth's, then the miner's (split) or the other events' truth (joined). */
  shown: string[];
}

/**
 * Two templates (WILDCARD for values) can be the same line: some text matches both, each WILDCARD standing for any
 * text, blanks collapsed. False when one holds text the other cannot (a header column kept in the message, a cut
 * elsewhere): the miner read another message than the truth did.
 */
export function compatibleTemplates(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, ' ').trim().split(WILDCARD).join('\u0000');
  const y = b.replace(/\s+/g, ' ').trim().split(WILDCARD).join('\u0000');
  const seen = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (y.length + 1) + j;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === x.length && j === y.length) result = true;
    else if (i < x.length && x[i] === '\u0000') result = go(i + 1, j) || (j < y.length && go(i, j + 1));
    else if (j < y.length && y[j] === '\u0000') result = go(i, j + 1) || (i < x.length && go(i + 1, j));
    else result = i < x.length && j < y.length && x[i] === y[j] && go(i + 1, j + 1);
    seen.set(key, result);
    return result;
  };
  return go(0, 0);
}

/**
 * Where two templates of one statement differ, cut at blanks: `chunks N: words` (N chunks differ, all constant),
 * `chunks N: value vs word` (one holds a WILDCARD there), or, when they take different numbers of chunks, `length:
 * at end after a label` (the run that differs ends the text after a `:`), `length: at end`, `length: at start`,
 * `length: inside after a label`, `length: inside`.
 */
export function differenceKind(a: string, b: string): string {
  const x = a.trim().split(/\s+/);
  const y = b.trim().split(/\s+/);
  if (x.length === y.length) {
    const differ = x.map((chunk, i) => [chunk, y[i]]).filter(([p, q]) => p !== q);
    const valued = differ.some(([p, q]) => p.includes(WILDCARD) || q.includes(WILDCARD));
    return `chunks ${Math.min(differ.length, 3)}${differ.length > 3 ? '+' : ''}: ${valued ? 'value vs word' : 'words'}`;
  }
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const afterLabel = start > 0 && x[start - 1].endsWith(':');
  if (end === 0) return afterLabel ? 'length: at end after a label' : start === 0 ? 'length: whole' : 'length: at end';
  if (start === 0) return 'length: at start';
  return afterLabel ? 'length: inside after a label' : 'length: inside';
}

/** The kind of each event `m` groups wrong (see the file's head), most lines first. */
export function kindsOfErrors(m: Mined): KindedError[] {
  const truthOf = new Map(m.rows.map((r) => [r.EventId, r.EventTemplate]));
  const textOf = new Map(m.templates.map((t) => [t.id, t.template]));
  return groupingErrors(m.predicted, m.events).map((e) => {
    const truth = truthOf.get(e.event) ?? '';
    const sizes = new Map<number | undefined, number>();
    m.events.forEach((event, i) => {
      if (event === e.event) sizes.set(m.predicted[i], (sizes.get(m.predicted[i]) ?? 0) + 1);
    });
    const groups = [...sizes].sort((p, q) => q[1] - p[1]).map(([group]) => group);
    const base = { system: m.system, event: e.event, lines: e.lines };
    if (groups.includes(undefined)) return { ...base, kind: 'no message', shown: [truth] };
    const templates = groups.map((group) => textOf.get(group as number) ?? '');
    if (templates.some((t) => !compatibleTemplates(truth, t))) return { ...base, kind: `${e.groups > 1 ? 'split' : 'joined'}: cut (message read elsewhere)`, shown: [truth, ...templates.slice(0, 3)] };
    if (e.groups > 1) return { ...base, kind: `split: ${differenceKind(templates[0], templates[1])}`, shown: [truth, ...templates.slice(0, 3)] };
    const other = truthOf.get(e.mergedWith[0]) ?? '';
    return { ...base, kind: `joined: ${differenceKind(truth, other)}`, shown: [truth, other, templates[0]] };
  });
}

async function main(): Promise<void> {
  const { option, wanted, blind } = studiedSelection(process.argv.slice(2));
  const errors: KindedError[] = [];
  let systems = 0;
  for (const dataset of findDatasets(EXCERPTS)) {
    if (!wanted.has(dataset.system) || blind.has(dataset.system)) continue;
    const { lines, rows, events } = loadDataset(dataset);
    errors.push(...kindsOfErrors(await mine(dataset.system, lines, rows, events, {})));
    systems++;
  }
  const byKind = new Map<string, KindedError[]>();
  for (const e of errors) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const lines = (list: KindedError[]) => list.reduce((n, e) => n + e.lines, 0);
  const examples = Number(option('--examples') ?? 0);
  process.stdout.write(`${systems} systems; lines lost, events, systems, kind\n`);
  for (const [kind, list] of [...byKind].sort((p, q) => lines(q[1]) - lines(p[1]))) {
    process.stdout.write(`${lines(list)}\t${list.length}\t${new Set(list.map((e) => e.system)).size}\t${kind}\n`);
    for (const e of list.sort((p, q) => q.lines - p.lines).slice(0, examples)) {
      process.stdout.write(`    ${e.system} ${e.event} (${e.lines}): ${e.shown.map((t) => t.slice(0, 120)).join('  |  ')}\n`);
    }
  }
}

if (require.main === module) runMain(main);
