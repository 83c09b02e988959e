// The real-world format evaluation, through the BUILT logs server over MCP (dist/servers/logs.js): for each format of
// the corpus (test/formats/corpus.ts) the detected format, precision and recall of search_logs' ERROR and WARN level
// filters, and "false zero": a tool that said there were no errors in a file that has some.
// Usage: npm run eval:formats [--keep DIR]   (writes the corpus to a temporary log directory, or to DIR and keeps it).
// Exits non-zero on any false zero and on precision or recall under TARGETS.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { callJson, markdownTable, precisionRecall, reportFailures, runMain, startLogsServer } from './eval-support';
import { contentOf, CORPUS, linesOf, type CorpusFormat, type Truth } from '../test/formats/corpus';

export const TARGETS = { precision: 0.99, recall: 0.99 };
const FILTERS = [
  { level: 'ERROR', truth: ['E'] as Truth[] },
  { level: 'WARN', truth: ['E', 'W'] as Truth[] },
] as const;

export interface FilterScore {
  level: 'ERROR' | 'WARN';
  /** Lines whose true level is at or above the filter's. */
  truth: number;
  returned: number;
  precision: number;
  recall: number;
  /** Line numbers returned that should not be (false positives) and missed (false negatives). */
  wrong: number[];
  missed: number[];
}

export interface FormatResult {
  id: string;
  file: string;
  lines: number;
  old: boolean;
  /** Format id search_logs reports for the file. */
  detected: string;
  filters: FilterScore[];
  /** Tools that reported no errors in a file that has some ("search_logs", "error_summary"). */
  falseZero: string[];
  /** error_summary's total for the file. */
  summaryErrors: number;
}

export interface FormatsEvaluation {
  formats: FormatResult[];
  failures: string[];
}

/** Writes the corpus into `dir` (".gz" files compressed) and returns it. */
export function writeCorpus(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const format of CORPUS) {
    const content = Buffer.from(contentOf(format), 'utf8');
    writeFileSync(join(dir, format.file), format.file.endsWith('.gz') ? gzipSync(content) : content);
  }
  return dir;
}

interface SearchAnswer {
  matches: { line: number }[];
  totalMatches: number;
  files: { format?: string }[];
}

export function scoreFilter(level: 'ERROR' | 'WARN', truthLines: Set<number>, returned: Set<number>): FilterScore {
  const wrong = [...returned].filter((n) => !truthLines.has(n)).sort((a, b) => a - b);
  const missed = [...truthLines].filter((n) => !returned.has(n)).sort((a, b) => a - b);
  const hit = returned.size - wrong.length;
  return { level, truth: truthLines.size, returned: returned.size, ...precisionRecall(hit, returned.size, truthLines.size), wrong, missed };
}

/**
 * error_summary's arguments covering the whole file whatever its age: the tool's whole-file mode when it has one,
 * else its widest window.
 */
function wholeFileSummaryArgs(schema: { properties?: Record<string, { maximum?: number }> } | undefined, file: string): Record<string, unknown> {
  const properties = schema?.properties ?? {};
  if ('wholeFile' in properties) return { file, wholeFile: true };
  return { file, hours: properties.hours?.maximum ?? 24 * 366 };
}

async function evaluateFormat(client: Client, format: CorpusFormat, summarySchema: Parameters<typeof wholeFileSummaryArgs>[0]): Promise<FormatResult> {
  const lines = linesOf(format);
  const filters: FilterScore[] = [];
  let detected = '?';
  const falseZero: string[] = [];
  for (const { level, truth } of FILTERS) {
    const answer = await callJson<SearchAnswer>(client, 'search_logs', { file: format.file, level, limit: 500, order: 'oldest' });
    detected = answer.files[0]?.format ?? detected;
    const truthLines = new Set(lines.filter((l) => truth.includes(l.level) && !l.joined).map((l) => l.line));
    filters.push(scoreFilter(level, truthLines, new Set(answer.matches.map((m) => m.line))));
    if (level === 'ERROR' && truthLines.size > 0 && answer.totalMatches === 0) falseZero.push('search_logs');
  }
  const summary = await callJson<{ totalErrors: number }>(client, 'error_summary', wholeFileSummaryArgs(summarySchema, format.file));
  const errors = lines.filter((l) => l.level === 'E').length;
  if (errors > 0 && summary.totalErrors === 0) falseZero.push('error_summary');
  return { id: format.id, file: format.file, lines: lines.length, old: format.old ?? false, detected, filters, falseZero, summaryErrors: summary.totalErrors };
}

/** Failures against TARGETS and false zeros, one sentence each. */
export function failuresOf(formats: FormatResult[]): string[] {
  const failures: string[] = [];
  for (const f of formats) {
    if (f.falseZero.length) failures.push(`${f.id}: false zero from ${f.falseZero.join(' and ')}`);
    for (const s of f.filters) {
      if (s.precision < TARGETS.precision) failures.push(`${f.id}: ${s.level} precision ${s.precision.toFixed(3)} (${s.returned ? `wrong lines ${s.wrong.join(', ')}` : 'none returned'})`);
      if (s.recall < TARGETS.recall) failures.push(`${f.id}: ${s.level} recall ${s.recall.toFixed(3)} (missed lines ${s.missed.join(', ')})`);
    }
  }
  return failures;
}

/** Writes the corpus to `dir` (a temporary one, removed after, when not given) and evaluates every format. */
export async function evaluateFormats(dir?: string): Promise<FormatsEvaluation> {
  const root = dir ?? mkdtempSync(join(tmpdir(), 'formats-eval-'));
  writeCorpus(root);
  const client = await startLogsServer(root, 'formats-eval');
  try {
    const { tools } = await client.listTools();
    const summarySchema = tools.find((t) => t.name === 'error_summary')?.inputSchema as Parameters<typeof wholeFileSummaryArgs>[0];
    const formats: FormatResult[] = [];
    for (const format of CORPUS) formats.push(await evaluateFormat(client, format, summarySchema));
    return { formats, failures: failuresOf(formats) };
  } finally {
    await client.close();
    if (!dir) rmSync(root, { recursive: true, force: true });
  }
}

export function formatTable(evaluation: FormatsEvaluation): string {
  const cell = (s: FilterScore) => `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)} (${s.truth})`;
  const header = ['format', 'file', 'lines', 'detected', 'ERROR P / R (n)', 'WARN P / R (n)', 'false zero'];
  const rows = evaluation.formats.map((f) => [
    f.id,
    `${f.file}${f.old ? ' (old)' : ''}`,
    String(f.lines),
    f.detected,
    cell(f.filters[0]),
    cell(f.filters[1]),
    f.falseZero.length ? `YES (${f.falseZero.join(', ')})` : 'no',
  ]);
  return markdownTable(header, rows);
}

async function main(): Promise<void> {
  const keep = process.argv.indexOf('--keep');
  const dir = keep >= 0 ? resolve(process.argv[keep + 1] ?? 'formats-corpus') : undefined;
  const evaluation = await evaluateFormats(dir);
  process.stdout.write(`Format corpus evaluation: ${evaluation.formats.length} files (through dist/servers/logs.js over MCP)\n\n${formatTable(evaluation)}\n\n`);
  process.stdout.write(`Targets: no false zero; ERROR and WARN filter precision >= ${TARGETS.precision} and recall >= ${TARGETS.recall} on every format.\n`);
  reportFailures(evaluation.failures);
}

if (require.main === module) runMain(main);
