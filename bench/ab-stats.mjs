// Arithmetic of bench/miner-ab.mjs: the order its passes run in and the figures it prints from their CPU times.

/**
 * The value at quantile `q` (0..1) of `values`, interpolated between the two nearest ranks (numpy's and R's default:
 * the median of an even count is the mean of the two middle values). Until session 27 the harness took the nearest
 * rank below the position `q * n`, which for an even count is the UPPER middle value: with 4 or 6 pairs and ratios
 * spread by 5-10 %, that read every comparison 1-3 % in favour of its B side (speed27b). Errors: an empty list or q
 * outside 0..1.
 */
export function quantile(values, q) {
  if (values.length === 0) throw new Error('quantile of no values');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile ${q} outside 0..1`);
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

// Every order of three sides once: over 6 rounds each side runs first, second and third twice, and each side runs
// before each other side 3 times, so a cost or a gain of a position in the round (the machine's load rising through a
// round, a warm file cache) falls on every side alike.
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
  [1, 0, 2],
  [0, 2, 1],
];

/**
 * The sides of round `round` (0, 1, ...) in the order they run, taken from `sides` (2 or 3 names): rounds cycle
 * through every order of the sides, so each runs first as often as the others over a whole cycle (2 rounds for 2
 * sides, 6 for 3). Errors: another count of sides.
 */
export function roundOrder(sides, round) {
  if (sides.length === 2) return round % 2 === 0 ? [sides[0], sides[1]] : [sides[1], sides[0]];
  if (sides.length === 3) return ORDERS[round % ORDERS.length].map((i) => sides[i]);
  throw new Error(`2 or 3 sides, not ${sides.length}`);
}

/**
 * Figures of a comparison from the CPU seconds each round gave the two sides (`seconds[i]` = [old side, new side] of
 * round i, both > 0): the speed ratio new/old of each round (old's seconds over new's: above 1 the new side is
 * faster), their median and quartiles, and the median lines a CPU second of each side for `lines` lines a pass.
 * Errors: no rounds, or a time not above 0.
 */
export function summarise(seconds, lines) {
  if (seconds.length === 0) throw new Error('no rounds to summarise');
  for (const [a, b] of seconds) if (!(a > 0 && b > 0)) throw new Error(`CPU seconds must be above 0: ${a}, ${b}`);
  const ratios = seconds.map(([a, b]) => a / b);
  return {
    ratio: quantile(ratios, 0.5),
    low: quantile(ratios, 0.25),
    high: quantile(ratios, 0.75),
    speedOld: quantile(seconds.map(([a]) => lines / a), 0.5),
    speedNew: quantile(seconds.map(([, b]) => lines / b), 0.5),
  };
}
