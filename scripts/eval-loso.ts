// Leave-one-system-out evaluation of the template miner's tuned options: for each system, every option in
// TUNABLE_MINER_OPTIONS is fitted on the other systems (the candidate values that give the best mean grouping
// accuracy there) and the fitted miner is measured on the held-out system, next to the miner's defaults. A miner
// whose defaults only fit the development set shows it here as a held-out GA below the default GA's promise.
// The miner runs through minePatterns, the very pass log_patterns makes (format detection, header, mining).
import { minePatterns } from '../servers/logs/patterns/log-patterns';
import { DEFAULT_MINER_OPTIONS, TUNABLE_MINER_OPTIONS, type TemplateMinerOptions } from '../servers/logs/patterns/miner';
import { groupingAccuracy, groupsOfLines, loadDataset, type Dataset } from './loghub-data';

/** Values of the tuned options, by option name. */
export type Tuning = Record<string, number>;
/** Candidate values per option (the shape of TUNABLE_MINER_OPTIONS). */
export type Candidates = Record<string, readonly number[]>;

/** Beyond this many combinations the search goes one option at a time instead of over the whole grid. */
export const MAX_GRID = 400;
/** "Now" for year-less timestamps: they do not change the grouping, and a fixed value keeps runs identical. */
const REFERENCE_TIME = Date.UTC(2026, 0, 1);

export interface HeldOut {
  system: string;
  fitted: Tuning;
  /** Mean GA of the fitted options on the other systems (what the fit saw). */
  trainGA: number;
  heldOutGA: number;
  defaultGA: number;
}

export interface LosoResult {
  rows: HeldOut[];
  meanHeldOut: number;
  meanDefault: number;
  /** 'grid': every combination; 'coordinate': one option at a time from the defaults, until no option improves. */
  search: 'grid' | 'coordinate';
  /** Distinct (options, system) runs of the miner. */
  runs: number;
}

/** A data set in memory: its lines and true event per line. */
export interface LoadedSystem {
  system: string;
  lines: string[];
  events: string[];
}

export function loadSystems(datasets: Dataset[]): LoadedSystem[] {
  return datasets.map((d) => ({ system: d.system, ...loadDataset(d) }));
}

/** GA of one system's lines mined with `options` through minePatterns, as log_patterns mines a file. */
export async function gaWith(system: LoadedSystem, options: TemplateMinerOptions): Promise<number> {
  const { miner } = await minePatterns(
    async (onLine) => {
      for (const line of system.lines) if (onLine(line) === false) return;
    },
    { window: {}, trackLines: true, referenceTime: REFERENCE_TIME, minerOptions: options },
  );
  return groupingAccuracy(groupsOfLines(miner.templates(), system.lines.length), system.events);
}

const keyOf = (tuning: Tuning) => JSON.stringify(Object.keys(tuning).sort().map((k) => [k, tuning[k]]));

/** Every combination of the candidates (the cartesian product), in order. */
export function grid(candidates: Candidates): Tuning[] {
  let combos: Tuning[] = [{}];
  for (const [name, values] of Object.entries(candidates)) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  return combos;
}

/** How many options differ from the defaults: ties in the fit go to the tuning closest to the defaults. */
function distanceFromDefaults(tuning: Tuning, defaults: Tuning): number {
  return Object.keys(tuning).filter((k) => tuning[k] !== defaults[k]).length;
}

/** GA of one system grouped with one tuning (gaWith by default: the miner through minePatterns). */
export type Scorer = (system: LoadedSystem, tuning: Tuning) => Promise<number>;

/** Memoised GA per (tuning, system): each combination is mined once per system however many folds use it. */
class Scores {
  runs = 0;
  private readonly cache = new Map<string, number>();
  constructor(private readonly systems: LoadedSystem[], private readonly score: Scorer) {}

  async of(tuning: Tuning, system: LoadedSystem): Promise<number> {
    const key = `${keyOf(tuning)}|${system.system}`;
    let ga = this.cache.get(key);
    if (ga === undefined) {
      ga = await this.score(system, tuning);
      this.runs++;
      this.cache.set(key, ga);
    }
    return ga;
  }

  async mean(tuning: Tuning, systems = this.systems): Promise<number> {
    let sum = 0;
    for (const s of systems) sum += await this.of(tuning, s);
    return systems.length === 0 ? 0 : sum / systems.length;
  }
}

/** Is `a` (mean GA `gaA`) a better fit than `b`: higher mean GA, then closer to the defaults. */
function better(gaA: number, a: Tuning, gaB: number, b: Tuning, defaults: Tuning): boolean {
  if (Math.abs(gaA - gaB) > 1e-12) return gaA > gaB;
  return distanceFromDefaults(a, defaults) < distanceFromDefaults(b, defaults);
}

async function fitOnGrid(scores: Scores, train: LoadedSystem[], combos: Tuning[], defaults: Tuning): Promise<{ tuning: Tuning; ga: number }> {
  let best = { tuning: defaults, ga: await scores.mean(defaults, train) };
  for (const tuning of combos) {
    const ga = await scores.mean(tuning, train);
    if (better(ga, tuning, best.ga, best.tuning, defaults)) best = { tuning, ga };
  }
  return best;
}

/** Coordinate ascent from the defaults: each option in turn takes its best candidate, until a full round changes nothing. */
async function fitByCoordinates(scores: Scores, train: LoadedSystem[], candidates: Candidates, defaults: Tuning): Promise<{ tuning: Tuning; ga: number }> {
  let best = { tuning: defaults, ga: await scores.mean(defaults, train) };
  for (let round = 0, changed = true; changed && round < 5; round++) {
    changed = false;
    for (const [name, values] of Object.entries(candidates)) {
      for (const value of values) {
        const tuning = { ...best.tuning, [name]: value };
        const ga = await scores.mean(tuning, train);
        if (better(ga, tuning, best.ga, best.tuning, defaults)) {
          best = { tuning, ga };
          changed = true;
        }
      }
    }
  }
  return best;
}

/**
 * Leave-one-system-out over `systems` (at least two): per held-out system, the options are fitted on the others and
 * measured on it. `candidates` and `defaults` default to the miner's TUNABLE_MINER_OPTIONS and DEFAULT_MINER_OPTIONS;
 * a grid of more than `maxGrid` combinations is searched one option at a time. `score` groups a system with a
 * tuning (the miner by default; eval-brain.ts passes Brain's with its own candidates).
 */
export async function leaveOneSystemOut(
  systems: LoadedSystem[],
  candidates: Candidates = TUNABLE_MINER_OPTIONS,
  defaults: Tuning = DEFAULT_MINER_OPTIONS,
  maxGrid = MAX_GRID,
  score: Scorer = gaWith,
): Promise<LosoResult> {
  if (systems.length < 2) throw new Error(`leave-one-system-out needs two systems or more, got ${systems.length}`);
  const scores = new Scores(systems, score);
  const combos = grid(candidates);
  const search = combos.length <= maxGrid ? 'grid' : 'coordinate';
  const rows: HeldOut[] = [];
  for (const held of systems) {
    const train = systems.filter((s) => s !== held);
    const fit = search === 'grid' ? await fitOnGrid(scores, train, combos, defaults) : await fitByCoordinates(scores, train, candidates, defaults);
    rows.push({ system: held.system, fitted: fit.tuning, trainGA: fit.ga, heldOutGA: await scores.of(fit.tuning, held), defaultGA: await scores.of(defaults, held) });
  }
  const mean = (f: (r: HeldOut) => number) => rows.reduce((sum, r) => sum + f(r), 0) / rows.length;
  return { rows, meanHeldOut: mean((r) => r.heldOutGA), meanDefault: mean((r) => r.defaultGA), search, runs: scores.runs };
}

/** `name=value` pairs of a tuning; a value that differs from the default is starred. */
export function describeTuning(tuning: Tuning, defaults: Tuning = DEFAULT_MINER_OPTIONS): string {
  return Object.entries(tuning).map(([k, v]) => `${k}=${v}${v === defaults[k] ? '' : '*'}`).join(' ');
}
