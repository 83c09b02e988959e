// Estimated cost of an answer from list prices (USD per million tokens, as published; Sonnet 4.6 kept the Sonnet 4.x price).
// Unknown models give undefined rather than a wrong number.
import type { Usage } from './events';

interface Price {
  input: number;
  output: number;
}

/**
 * Model ids (optionally with a -YYYYMMDD snapshot suffix or -latest) whose list price is known.
 * Newer families are left out on purpose: an unknown price is shown as unknown, not guessed.
 */
const PRICES: Array<[RegExp, Price]> = [
  [/^claude-opus-4-5(-\d{8}|-latest)?$/, { input: 5, output: 25 }],
  [/^claude-opus-4(-0|-1)?(-\d{8}|-latest)?$|^claude-3-opus(-\d{8}|-latest)?$/, { input: 15, output: 75 }],
  [/^claude-sonnet-4(-0|-5|-6)?(-\d{8}|-latest)?$|^claude-3-[57]-sonnet(-\d{8}|-latest)?$/, { input: 3, output: 15 }],
  [/^claude-haiku-4-5(-\d{8}|-latest)?$/, { input: 1, output: 5 }],
  [/^claude-3-5-haiku(-\d{8}|-latest)?$/, { input: 0.8, output: 4 }],
  [/^claude-3-haiku(-\d{8}|-latest)?$/, { input: 0.25, output: 1.25 }],
];

/** Cache writes (5-minute TTL) cost 1.25x input, cache reads 0.1x input. */
const CACHE_WRITE_FACTOR = 1.25;
const CACHE_READ_FACTOR = 0.1;

export function priceFor(model: string): Price | undefined {
  const id = model.trim().toLowerCase();
  return PRICES.find(([pattern]) => pattern.test(id))?.[1];
}

export function estimateCostUsd(model: string, usage: Omit<Usage, 'costUsd'>): number | undefined {
  const price = priceFor(model);
  if (!price) return undefined;
  const perToken = (usd: number) => usd / 1_000_000;
  const cost =
    usage.inputTokens * perToken(price.input) +
    usage.cacheWriteTokens * perToken(price.input * CACHE_WRITE_FACTOR) +
    usage.cacheReadTokens * perToken(price.input * CACHE_READ_FACTOR) +
    usage.outputTokens * perToken(price.output);
  return Math.round(cost * 1e6) / 1e6;
}
