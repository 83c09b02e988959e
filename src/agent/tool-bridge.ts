// Between the hub's tools and the Anthropic API: tool schemas (with prompt caching on the last
// one), name lookup, and the budget for how much tool output goes back to the model.
import type Anthropic from '@anthropic-ai/sdk';
import type { ToolInfo } from '../mcp/types';

export interface ResultBudget {
  /** Characters per tool result. */
  perResult: number;
  /** Characters for all results of one round together. */
  perRound: number;
}

export const DEFAULT_RESULT_BUDGET: ResultBudget = { perResult: 16_000, perRound: 48_000 };

export function toAnthropicTools(tools: readonly ToolInfo[]): Anthropic.Tool[] {
  const out: Anthropic.Tool[] = tools.map((tool) => ({
    name: tool.qualifiedName,
    description: (tool.description ?? tool.title ?? tool.name).slice(0, 4096),
    input_schema: { ...tool.inputSchema, type: 'object' } as Anthropic.Tool.InputSchema,
  }));
  // One breakpoint on the last tool caches the whole tool list (tools come before the system prompt).
  if (out.length > 0) out[out.length - 1] = { ...out[out.length - 1], cache_control: { type: 'ephemeral' } };
  return out;
}

export function findTool(tools: readonly ToolInfo[], qualifiedName: string): ToolInfo | undefined {
  return tools.find((tool) => tool.qualifiedName === qualifiedName);
}

/** Truncates each result to perResult, then shares perRound fairly (short results keep everything). */
export function applyResultBudget(texts: readonly string[], budget: ResultBudget = DEFAULT_RESULT_BUDGET): string[] {
  const limits = texts.map((text) => Math.min(text.length, budget.perResult));
  const total = limits.reduce((a, b) => a + b, 0);
  if (total > budget.perRound) {
    const order = limits.map((_, i) => i).sort((a, b) => limits[a] - limits[b]);
    let remaining = budget.perRound;
    order.forEach((index, position) => {
      const share = Math.floor(remaining / (order.length - position));
      limits[index] = Math.min(limits[index], share);
      remaining -= limits[index];
    });
  }
  return texts.map((text, i) => truncate(text, limits[i]));
}

export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Read by the model, so English whatever the UI language.
  const note = `[truncated by DevOps Assistant: showing ${limit} of ${text.length} characters; ask for a narrower query for more]`;
  return `${text.slice(0, limit)}\n${note}`;
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
