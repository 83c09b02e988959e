// Estimated cost of an answer from list prices (USD per million tokens, as published in late 2025).
// Unknown models give undefined rather than a wrong number.
import type { Usage } from './events';

interface Price {
  input: number;
  output: number;
}

/** First match wins; ids look like "claude-sonnet-4-5", "claude-3-5-haiku-latest", "claude-opus-4-1-20250805". */
const PRICES: Array<[RegExp, Price]> = [
  [/opus-4-(5|6)/, { input: 5, output: 25 }],
  [/opus-4|opus-3|3-opus/, { input: 15, output: 75 }],
  [/sonnet-(4|3-7|3\.7)|3-7-sonnet|3-5-sonnet|sonnet-3-5/, { input: 3, output: 15 }],
  [/haiku-4/, { input: 1, output: 5 }],
  [/3-5-haiku|haiku-3-5/, { input: 0.8, output: 4 }],
  [/3-haiku|haiku-3/, { input: 0.25, output: 1.25 }],
];

/** Cache writes (5-minute TTL) cost 1.25x input, cache reads 0.1x input. */
const CACHE_WRITE_FACTOR = 1.25;
const CACHE_READ_FACTOR = 0.1;

export function priceFor(model: string): Price | undefined {
  const id = model.toLowerCase();
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
