// Fingerprints of what parsing and mining produce on every input the project evaluates with: the Loghub development
// systems, the synthetic layouts (seeds 1-3), the outsider kinds and the format corpus. For each input it hashes the
// detected format, every line's parse (timestamp, level, message, standalone) and the mined templates with the lines
// each holds. A speed change must leave every fingerprint unchanged; an accuracy change shows which inputs it moved.
// Usage: node --import tsx scripts/mining-fingerprint.ts [--save FILE] [--compare FILE]
//   --save writes {input: hash} as JSON; --compare prints the inputs whose hash differs from FILE and exits 1 if any.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minePatterns } from '../servers/logs/patterns/log-patterns';
import { CORPUS, linesOf } from '../test/formats/corpus';
import { DEFAULT_DIR } from './eval-loghub';
import { findDatasets, readLines } from './loghub-data';
import { generateAll } from './outsider-logs';
import { generateSynthetic, SYNTHETIC_LAYOUTS } from './synthetic-logs';

/** A fixed reference time, so year-less timestamps resolve the same on every run. */
const REFERENCE_TIME = Date.UTC(2026, 10, 30);

function inputs(): Map<string, string[]> {
  const all = new Map<string, string[]>();
  if (existsSync(DEFAULT_DIR)) for (const dataset of findDatasets(DEFAULT_DIR)) all.set(`loghub/${dataset.system}`, readLines(join(dataset.dir, dataset.logFile)));
  for (const seed of [1, 2, 3]) for (const layout of SYNTHETIC_LAYOUTS) all.set(`synthetic/${layout.id}/seed${seed}`, generateSynthetic(layout, 3000, seed).lines);
  for (const log of generateAll()) all.set(`outsider/${log.kind}`, log.lines);
  for (const format of CORPUS) all.set(`corpus/${format.id}`, linesOf(format).map((line) => line.text));
  return all;
}

async function fingerprint(lines: string[]): Promise<string> {
  const hash = createHash('sha256');
  const { miner, parser } = await minePatterns(
    async (onLine) => {
      for (const line of lines) if (onLine(line) === false) return;
    },
    { window: {}, trackLines: true, referenceTime: REFERENCE_TIME },
  );
  hash.update(`format ${parser.format.id}\n`);
  for (const line of lines) {
    const parsed = parser.parse(line);
    hash.update(`${parsed.timestamp ?? ''}\u0001${parsed.level ?? ''}\u0001${parsed.standalone ? 1 : 0}\u0001${parsed.message}\n`);
  }
  for (const template of miner.templates()) hash.update(`${template.template}\u0001${template.count}\u0001${(template.lineNumbers ?? []).join(',')}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const result: Record<string, string> = {};
  for (const [name, lines] of inputs()) result[name] = await fingerprint(lines);
  const save = at('--save');
  if (save) writeFileSync(save, `${JSON.stringify(result, null, 1)}\n`);
  const compare = at('--compare');
  if (!compare) {
    for (const [name, hash] of Object.entries(result)) process.stdout.write(`${hash} ${name}\n`);
    return;
  }
  const before = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, string>;
  // An input only one side has was not measured on the other (the Loghub folder not found, a layout added): it is said
  // apart, never as "changed", which reads as a result that moved.
  const changed = Object.keys(result).filter((name) => name in before && before[name] !== result[name]);
  const missing = Object.keys(before).filter((name) => !(name in result));
  const added = Object.keys(result).filter((name) => !(name in before));
  const compared = Object.keys(result).length - added.length;
  process.stdout.write(changed.length ? `changed (${changed.length} of ${compared}):\n${changed.map((n) => `  ${n}`).join('\n')}\n` : `all ${compared} fingerprints unchanged\n`);
  if (missing.length) process.stdout.write(`not measured here (${missing.length}, in ${compare} only${missing.some((n) => n.startsWith('loghub/')) ? `; Loghub inputs are read from LOGHUB_DEV_DIR or ${DEFAULT_DIR}` : ''}):\n${missing.map((n) => `  ${n}`).join('\n')}\n`);
  if (added.length) process.stdout.write(`new here (${added.length}, not in ${compare}):\n${added.map((n) => `  ${n}`).join('\n')}\n`);
  if (changed.length || missing.length) process.exitCode = 1;
}

void main();
