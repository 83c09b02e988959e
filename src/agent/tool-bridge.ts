// Between the hub's tools and the model: tool schemas, name lookup, and the budget for how much
// tool output goes back to the model (in characters always, in tokens when the model can count).
import type { ToolInfo } from '../mcp/types';
import { parsesAsJson } from './content';
import type { ModelTool } from './model';
import { cutText } from '../../servers/shared/sanitize';
import { cutJsonResult } from './result-cut';
import { maskSecrets } from './secrets';

export interface ResultBudget {
  /** Characters per tool result. */
  perResult: number;
  /** Characters for all results of one round together. */
  perRound: number;
}

export const DEFAULT_RESULT_BUDGET: ResultBudget = { perResult: 16_000, perRound: 48_000 };

/** The hub's tools as offered to any model: qualified name, description (capped), JSON Schema input. */
export function toModelTools(tools: readonly ToolInfo[]): ModelTool[] {
  return tools.map((tool) => ({
    name: tool.qualifiedName,
    description: cutText(tool.description ?? tool.title ?? tool.name, 4096),
    inputSchema: { ...tool.inputSchema, type: 'object' },
  }));
}

export function findTool(tools: readonly ToolInfo[], qualifiedName: string): ToolInfo | undefined {
  return tools.find((tool) => tool.qualifiedName === qualifiedName);
}

/** Truncates each result to perResult, then shares perRound fairly (short results keep everything). */
export function applyResultBudget(texts: readonly string[], budget: ResultBudget = DEFAULT_RESULT_BUDGET): string[] {
  const limits = fairShares(
    texts.map((text) => Math.min(text.length, budget.perResult)),
    budget.perRound,
  );
  return texts.map((text, i) => cutResult(text, limits[i]));
}

/**
 * Fits one round's results into `maxTokens` as `countTokens` measures them (a model with a small
 * context window gets less than the character budget allows). Shares are fair as in
 * applyResultBudget; a result over its share is cut in proportion to its characters per token.
 */
export async function applyTokenBudget(texts: readonly string[], maxTokens: number, countTokens: (text: string) => Promise<number>): Promise<string[]> {
  const tokens = await Promise.all(texts.map((text) => countTokens(text)));
  const shares = fairShares(tokens, maxTokens);
  return texts.map((text, i) => {
    if (tokens[i] <= shares[i]) return text;
    const chars = Math.floor((text.length * shares[i]) / Math.max(1, tokens[i]));
    return cutResult(text, chars);
  });
}

/** Each size kept if all fit in `total`; else the smallest first, each getting at most an equal share of what is left. */
function fairShares(sizes: readonly number[], total: number): number[] {
  const limits = [...sizes];
  if (limits.reduce((a, b) => a + b, 0) <= total) return limits;
  const order = limits.map((_, i) => i).sort((a, b) => limits[a] - limits[b]);
  let remaining = total;
  order.forEach((index, position) => {
    const share = Math.floor(remaining / (order.length - position));
    limits[index] = Math.min(limits[index], share);
    remaining -= limits[index];
  });
  return limits;
}

/**
 * A tool result for the model, at most about `limit` characters: a JSON object is cut inside, keeping every field but its
 * largest list and saying so (result-cut.ts), anything else is cut as text.
 */
export function cutResult(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return cutJsonResult(text, limit) ?? truncate(text, limit);
}

export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Read by the model, so English whatever the UI language.
  const note = `[truncated by DevOps Assistant: showing ${limit} of ${text.length} characters; ask for a narrower query for more]`;
  // Whole characters only: half an emoji's surrogate pair makes the API refuse the request (400 "no low
  // surrogate in string"), and every later one too, since the result stays in the conversation.
  return `${cutText(text, limit)}\n${note}`;
}

/**
 * A tool call's arguments when they are a JSON object, the only shape a tool takes; undefined for
 * anything else a provider may hand on (arguments it could not parse, as text; an array; null).
 */
export function toolInput(input: unknown): Record<string, unknown> | undefined {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
}

/**
 * Why a call with such arguments is not run; read by the model, so English whatever the UI language.
 * Text that opens an object but does not parse whole is arguments cut off before their end (the
 * stream ended early): the model is told so, since running the call with the fields that survived
 * would answer another question (a filter silently gone).
 */
export function invalidInputMessage(toolName: string, input: unknown): string {
  if (typeof input === 'string' && input.trimStart().startsWith('{') && !parsesAsJson(input)) {
    return `Not run: the arguments of ${toolName} arrived cut off (their JSON ends before it is complete: ${JSON.stringify(cutText(input, 200))}); the call was not made with the fields that survived. Call it again with all its arguments as one complete JSON object.`;
  }
  const shown = typeof input === 'string' ? `text ${JSON.stringify(cutText(input, 200))}` : Array.isArray(input) ? 'an array' : String(input);
  return `Not run: the arguments of ${toolName} are not a JSON object (got ${shown}). Call it again with its arguments as one JSON object.`;
}

/** Stable key for "same tool, same arguments" (object keys sorted). */
export function callKey(name: string, input: unknown): string {
  return `${name}:${stableStringify(input)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The field a masked JSON result says so in, placed first as the cut note is (result-cut.ts). */
export const MASKED_FIELD = 'maskedByAssistant';

/**
 * A tool result with secrets of known shapes masked (secrets.ts), before the model and the chat get it: log lines and
 * other processes' command lines carry keys and passwords. Says that something was masked, and how many, so the model
 * does not report a value of "***" as the real one: as a first field of a JSON object (its JSON stays whole for the
 * budget's cut), else on a line of its own at the end. Read by the model, so English whatever the UI language.
 */
export function maskToolResult(text: string): string {
  const { text: masked, masked: count } = maskSecrets(text);
  if (count === 0) return text;
  const note = `${count} value${count === 1 ? '' : 's'} that looked like a secret (key, token, password) masked as *** by DevOps Assistant`;
  const open = /^\s*\{\s*"/.exec(masked);
  if (open && parsesAsJson(masked)) return `{${JSON.stringify(MASKED_FIELD)}:${JSON.stringify(note)},${masked.slice(open[0].length - 1)}`;
  return `${masked}\n[${note}]`;
}
