// Shadow compare of the compiled header readers (servers/logs/format/compiled-header.ts) against the general reader
// (header.ts parseWithHeader): each input's parser is made twice from the same sample, once reading lines by the
// compiled reader where its layout has one and once by the general reader alone, and every line is parsed by both.
// Any difference in the parsed line (every field of ParsedLine: time, level, message, component, continuation marks…)
// is counted and printed: a compiled reader is only enabled while this prints none.
// Inputs: the fingerprint's (Loghub development set, synthetic layouts seeds 1-3, outsider kinds, format corpus), the
// studied real excerpts (test/fixtures/real-excerpts; the gate's HELD_OUT batches are never read), and, for each input
// the compiled reader reads lines of, each of its lines altered in the ways a line of that file may differ from the
// layout (NEIGHBOURS: a level word, a bracket, a record or a compose bar opening the message, a separator after the
// time, a cut, an indent…).
// Usage: node --import tsx scripts/shadow-header.ts [--show N]   (exit 1 when a difference is found)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createLineParser } from '../servers/logs/format/detect';
import type { ParsedLine } from '../servers/logs/format/types';
import { SAMPLE_LINES } from '../servers/logs/io/head';
import { CORPUS, linesOf } from '../test/formats/corpus';
import { DEFAULT_DIR } from './eval-loghub';
import { runMain } from './eval-support';
import { findDatasets, readLines } from './loghub-data';
import { generateAll } from './outsider-logs';
import { generateSynthetic, SYNTHETIC_LAYOUTS } from './synthetic-logs';

/** A fixed reference time (the fingerprint's), so year-less times resolve alike on every run. */
const REFERENCE_TIME = Date.UTC(2026, 10, 30);

/** One line the two readers parse differently. */
export interface ShadowDifference {
  input: string;
  /** 1-based line number in the input (0 for a neighbour: an altered line). */
  lineNumber: number;
  line: string;
  general: ParsedLine;
  compiled: ParsedLine;
}

export interface ShadowResult {
  inputs: number;
  lines: number;
  /** Lines (neighbours included) the compiled reader read itself. */
  compiledLines: number;
  /** Inputs with a line the compiled reader read. */
  compiledInputs: number;
  differences: number;
  /** The first differences (up to `show`). */
  examples: ShadowDifference[];
}

export const emptyResult = (): ShadowResult => ({ inputs: 0, lines: 0, compiledLines: 0, compiledInputs: 0, differences: 0, examples: [] });

/**
 * Ways a line of a file may differ from the file's layout, each made from the line itself (the text around its first
 * `: `, where a syslog tag ends, or its start): the readers must agree on these as on the file's own lines.
 */
export const NEIGHBOURS: readonly ((line: string) => string)[] = [
  (line) => line.replace(': ', ': ERROR '),
  (line) => line.replace(': ', ': error: '),
  (line) => line.replace(': ', ': [warn] '),
  (line) => line.replace(': ', ': <error> '),
  (line) => line.replace(': ', ': WARNING: disk '),
  (line) => line.replace(': ', ': Fatal error: x '),
  (line) => line.replace(': ', ': {"level":"error","msg":"boom"}'),
  (line) => line.replace(': ', ': level=error msg="boom" '),
  (line) => line.replace(': ', ': time=2024-01-01T10:00:00Z level=warn msg=x'),
  (line) => line.replace(': ', ': 2024-03-01 10:00:00,123 ERROR [main] x.Y: boom '),
  (line) => line.replace(': ', ': [12:00:01] [main/INFO]: started '),
  (line) => line.replace(': ', ': Traceback (most recent call last):'),
  (line) => line.replace(': ', ': java.lang.IllegalStateException: boom '),
  (line) => line.replace(': ', ': "GET /x HTTP/1.1" 503 12 '),
  (line) => line.replace(': ', ': app.ERROR: boom '),
  (line) => line.replace(': ', ': stdout F '),
  (line) => line.replace(': ', ':\t'),
  (line) => line.replace(': ', ':'),
  (line) => line.replace(': ', ':  '),
  (line) => line.replace(': ', ': - item '),
  (line) => line.replace(': ', ': -> next '),
  (line) => `web-1  | ${line}`,
  (line) => `  ${line}`,
  (line) => `\t${line}`,
  (line) => `${line}\r`,
  (line) => `\ufeff${line}`,
  (line) => `${line} |`,
  (line) => line.replace(' ', '  '),
  // After a timestamped layout's time (its first blank): a lone separator, a closing mark, a Monolog column.
  (line) => line.replace(' ', ' - '),
  (line) => line.replace(' ', ' -> '),
  (line) => line.replace(' ', ' => '),
  (line) => line.replace(' ', ', '),
  (line) => line.replace(' ', ' app.ERROR: '),
  (line) => line.replace(/ (\S+) /, ' ERROR '),
  (line) => line.replace(/ (\S+) /, ' msg="x '),
  (line) => line.replace(/ (\S+) /, ' Jan '),
  (line) => line.replace(/ (\S+) /, ' juil. '),
  (line) => line.replace(/\d\d:\d\d:\d\d/, (clock) => `${clock}.123`),
  (line) => line.replace(/\d\d:\d\d:\d\d/, (clock) => `${clock} 2024`),
  (line) => line.replace(/\d\d:\d\d:\d\d/, (clock) => `${clock}:`),
  (line) => line.replace(/\d\d:\d\d:\d\d/, '25:61:61'),
  (line) => line.replace(/\[\d+\]:/, ':'),
  (line) => line.replace(/\[\d+\]:/, '[x]:'),
  (line) => line.replace(/\[\d+\]:/, '[12] (pam_unix):'),
  (line) => line.replace(/(\S+)\[\d+\]:/, 'java.net.ConnectException:'),
  (line) => line.replace(/(\S+)\[\d+\]:/, 'app.WARNING:'),
  (line) => line.replace(/(\S+)\[\d+\]:/, 'ERROR:'),
  (line) => line.replace(/(\S+)\[\d+\]:/, 'a(b:'),
  (line) => line.replace(/(\S+)\[\d+\]:/, 'kernel'),
  (line) => line.slice(0, 6),
  (line) => line.slice(0, 15),
  (line) => line.slice(0, 16),
  (line) => line.slice(0, 24),
  (line) => line.slice(0, line.indexOf(': ') + 1),
  (line) => line.slice(0, line.indexOf(': ') + 2),
  (line) => line.toLowerCase(),
  (line) => line.toUpperCase(),
  // Around a bracket-level layout's columns (`[<time>] [thread] [LEVEL] [logger] msg`): a column's closing, an arrow or
  // a nested or unclosed bracket in a column, the level spelled otherwise, a mark or another column opening the message.
  (line) => line.replace('] ', '] - '),
  (line) => line.replace('] ', '], '),
  (line) => line.replace('] ', ']: '),
  (line) => line.replace('] [', '] [a -> b] ['),
  (line) => line.replace('] [', '] [a[b]c] ['),
  (line) => line.replace('] [', '] [unclosed '),
  (line) => line.replace('] [', ']x ['),
  (line) => line.replace('] [', ']['),
  (line) => line.replace(/\] \[[^\]]*\]/, ']'),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, '[$1]:'),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, (level) => level.toLowerCase()),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, '[ $1 ]'),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, '[LOG]'),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, '[NOPE]'),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, '$1'),
  (line) => line.replace(/\[(INFO|WARN|ERROR|DEBUG)\]/, '[main/$1]'),
  (line) => line.replace(/\] (?!\[)/, '] => '),
  (line) => line.replace(/\] (?!\[)/, '] [WARN] '),
  (line) => line.replace(/\] (?!\[)/, '] | '),
  (line) => line.replace(/\] (?!\[)/, ']\t'),
  (line) => line.replace(/\] (?!\[)/, ']'),
  // Around a bare level column (`<time> INFO  [main] msg`): the word closed by a colon (padded or not), a comma, a tab or
  // a bar, written in another case or glued to more, a longer or unknown word, a mark or a sentence after it.
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1: '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1    : '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1, '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1\t'),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1| '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, (word) => word[0] + word.slice(1).toLowerCase()),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, (word) => word.toLowerCase()),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1X '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$11 '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, 'INFORMATION '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, 'WARNING '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, 'FTL '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, 'LOG '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, 'NOPE '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1:app.Db: '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, 'Fatal error: '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1 - '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1 -> '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1 : '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) /, '$1 [x] '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) .*/, '$1'),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) .*/, '$1 '),
  (line) => line.replace(/\b(INFO|WARN|ERROR|DEBUG) .*/, '$1   '),
];

/**
 * Parses every line of `lines` (input `name`) by both readers and adds what it finds to `result`; with `neighbours`,
 * also every NEIGHBOURS alteration of each line when the compiled reader read any of the input's lines.
 */
export function shadowCompare(name: string, lines: readonly string[], result: ShadowResult, options: { neighbours?: boolean; show?: number } = {}): void {
  const sample = lines.slice(0, SAMPLE_LINES);
  const counter = { lines: 0 };
  const general = createLineParser(sample, { referenceTime: REFERENCE_TIME, headerReader: 'general' });
  const compiled = createLineParser(sample, { referenceTime: REFERENCE_TIME, headerReader: 'compiled', compiledReads: counter });
  const compare = (line: string, lineNumber: number) => {
    result.lines++;
    const a = general.parse(line, lineNumber || undefined);
    const b = compiled.parse(line, lineNumber || undefined);
    if (isDeepStrictEqual(a, b)) return;
    result.differences++;
    if (result.examples.length < (options.show ?? 20)) result.examples.push({ input: name, lineNumber, line, general: a, compiled: b });
  };
  result.inputs++;
  lines.forEach((line, index) => compare(line, index + 1));
  if (counter.lines === 0) return;
  result.compiledInputs++;
  if (options.neighbours !== false) for (const line of lines) for (const alter of NEIGHBOURS) compare(alter(line), 0);
  result.compiledLines += counter.lines;
}

/** The systems the real-excerpts gate holds out (its HELD_OUT batches), read from the gate as studied.mts reads them. */
export function heldOutSystems(gateFile: string): Set<string> {
  const gate = readFileSync(gateFile, 'utf8');
  const batches = new Map<string, string[]>();
  for (const m of gate.matchAll(/const (BATCH_\d+): Record<string, number> = \{([^}]*)\}/g)) batches.set(m[1], [...m[2].matchAll(/([A-Za-z0-9_]+):\s*[0-9.]+/g)].map((x) => x[1]));
  const held = /const HELD_OUT[^=]*=\s*\[([^\]]*)\]/.exec(gate);
  if (!held) throw new Error(`HELD_OUT not found in ${gateFile}: refusing to read the real excerpts`);
  return new Set(held[1].split(',').map((s) => s.trim()).filter(Boolean).flatMap((batch) => {
    const members = batches.get(batch);
    if (!members) throw new Error(`held-out batch ${batch} not found in ${gateFile}`);
    return members;
  }));
}

/** Every input, by name: the fingerprint's, then the studied real excerpts (never a held-out system's). */
export function* shadowInputs(root: string): Generator<[string, string[]]> {
  if (existsSync(DEFAULT_DIR)) for (const dataset of findDatasets(DEFAULT_DIR)) yield [`loghub/${dataset.system}`, readLines(join(dataset.dir, dataset.logFile))];
  for (const seed of [1, 2, 3]) for (const layout of SYNTHETIC_LAYOUTS) yield [`synthetic/${layout.id}/seed${seed}`, generateSynthetic(layout, 3000, seed).lines];
  for (const log of generateAll()) yield [`outsider/${log.kind}`, log.lines];
  for (const format of CORPUS) yield [`corpus/${format.id}`, linesOf(format).map((line) => line.text)];
  const dir = join(root, 'test/fixtures/real-excerpts');
  const heldOut = heldOutSystems(join(root, 'test/servers/logs/real-excerpts.test.ts'));
  for (const system of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    if (heldOut.has(system)) continue;
    for (const file of readdirSync(join(dir, system)).filter((f) => f.endsWith('.log'))) yield [`real/${system}/${file}`, readLines(join(dir, system, file))];
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showAt = args.indexOf('--show');
  const show = showAt >= 0 ? Number(args[showAt + 1]) : 20;
  const result = emptyResult();
  const started = Date.now();
  for (const [name, lines] of shadowInputs(join(__dirname, '..'))) shadowCompare(name, lines, result, { show });
  for (const d of result.examples) {
    process.stdout.write(`DIFF ${d.input}:${d.lineNumber} ${JSON.stringify(d.line)}\n  general  ${JSON.stringify(d.general)}\n  compiled ${JSON.stringify(d.compiled)}\n`);
  }
  process.stdout.write(
    `inputs ${result.inputs}, lines compared ${result.lines} (neighbours included), compiled reader used on ${result.compiledInputs} inputs for ${result.compiledLines} lines; differences ${result.differences} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  if (result.differences > 0) process.exitCode = 1;
}

if (require.main === module) runMain(main);
