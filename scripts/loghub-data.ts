// Loghub-style data sets (one folder per system: <name>.log next to <name>.log_structured[_corrected].csv with an
// EventId per line) and the score every evaluation of template mining uses: grouping accuracy.
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Dataset {
  system: string;
  dir: string;
  logFile: string;
  csvFile: string;
}

/** One ground-truth row: LineId, EventId, and where the data set has them Level, EventTemplate, … */
export type Row = Record<string, string>;

/** Folders under `root` holding `<name>.log` next to `<name>.log_structured*.csv` (the corrected truth when both exist), sorted. */
export function findDatasets(root: string): Dataset[] {
  const datasets: Dataset[] = [];
  for (const entry of readdirSync(root).sort()) {
    const dir = join(root, entry);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir);
    for (const logFile of files.filter((f) => f.endsWith('.log'))) {
      const csv = files.find((f) => f === `${logFile}_structured_corrected.csv`) ?? files.find((f) => f === `${logFile}_structured.csv`);
      if (csv) datasets.push({ system: entry, dir, logFile, csvFile: join(dir, csv) });
    }
  }
  return datasets;
}

export function readTruth(csvFile: string): Row[] {
  return parse(readFileSync(csvFile), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Row[];
}

/** The file's lines as the logs server reads them: split on LF, a trailing CR dropped, no empty last line. */
export function readLines(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** A data set's lines with the event id of each; throws when the truth does not have one row per line. */
export function loadDataset(dataset: Dataset): { lines: string[]; rows: Row[]; events: string[] } {
  const rows = readTruth(dataset.csvFile);
  const lines = readLines(join(dataset.dir, dataset.logFile));
  if (rows.length !== lines.length) throw new Error(`${dataset.system}: ${lines.length} lines but ${rows.length} ground-truth rows`);
  return { lines, rows, events: rows.map((r) => r.EventId) };
}

/**
 * GA (Zhu et al. 2019): a line is correct when its predicted group is exactly the set of lines of its true event.
 * `predicted[i]` is the group of line i (undefined: no group claimed it, counted wrong); result in 0..1.
 */
export function groupingAccuracy(predicted: (number | undefined)[], truth: string[]): number {
  const truthSize = new Map<string, number>();
  for (const id of truth) truthSize.set(id, (truthSize.get(id) ?? 0) + 1);
  const groups = new Map<number, number[]>();
  predicted.forEach((group, index) => {
    if (group === undefined) return; // a line no template claimed counts as wrong
    const members = groups.get(group);
    if (members) members.push(index);
    else groups.set(group, [index]);
  });
  let correct = 0;
  for (const members of groups.values()) {
    const event = truth[members[0]];
    if (members.every((i) => truth[i] === event) && truthSize.get(event) === members.length) correct += members.length;
  }
  return truth.length === 0 ? 1 : correct / truth.length;
}

/** Per-line group ids from templates carrying 1-based line numbers (as log_patterns returns them with lineNumbers). */
export function groupsOfLines(templates: { id: number; lineNumbers?: readonly number[] }[], lineCount: number): (number | undefined)[] {
  const predicted: (number | undefined)[] = new Array(lineCount).fill(undefined);
  for (const template of templates) for (const n of template.lineNumbers ?? []) predicted[n - 1] = template.id;
  return predicted;
}

/** A true event whose lines were not grouped exactly: what went wrong with it. */
export interface GroupingError {
  event: string;
  /** Lines of the event. */
  lines: number;
  /** Predicted groups its lines fell into (more than one: split; unclaimed lines count as one group each). */
  groups: number;
  /** Other events that share one of those groups (merged), sorted. */
  mergedWith: string[];
}

/** The events GA counts wrong (see groupingAccuracy), those with the most lines first. */
export function groupingErrors(predicted: (number | undefined)[], truth: string[]): GroupingError[] {
  const eventsOfGroup = new Map<number, Set<string>>();
  const groupsOfEvent = new Map<string, Set<number | string>>();
  const linesOfEvent = new Map<string, number>();
  truth.forEach((event, i) => {
    const group = predicted[i];
    linesOfEvent.set(event, (linesOfEvent.get(event) ?? 0) + 1);
    const groups = groupsOfEvent.get(event) ?? new Set();
    groups.add(group ?? `unclaimed ${i}`);
    groupsOfEvent.set(event, groups);
    if (group !== undefined) eventsOfGroup.set(group, (eventsOfGroup.get(group) ?? new Set()).add(event));
  });
  const errors: GroupingError[] = [];
  for (const [event, groups] of groupsOfEvent) {
    const merged = new Set<string>();
    for (const group of groups) if (typeof group === 'number') for (const other of eventsOfGroup.get(group) ?? []) if (other !== event) merged.add(other);
    if (groups.size > 1 || merged.size > 0) errors.push({ event, lines: linesOfEvent.get(event) ?? 0, groups: groups.size, mergedWith: [...merged].sort() });
  }
  return errors.sort((a, b) => b.lines - a.lines || a.event.localeCompare(b.event));
}
