// The contract between the agent loop and whoever shows it (the chat view, "DevOps: Ask").
// Each shape is a zod schema and its type comes from it, so the webview protocol checks exactly
// these shapes at runtime (src/chat/protocol.ts). zod/mini keeps the webview bundle small.
// Extend by adding variants; do not change existing ones without updating every consumer.
import * as z from 'zod/mini';

export const toolCallStatus = z.enum(['ok', 'error', 'cancelled']);
export type ToolCallStatus = z.infer<typeof toolCallStatus>;

export const usage = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  /** Estimated from the model's list price; undefined when the model's price is unknown. */
  costUsd: z.optional(z.number()),
  /** Which model answered (its label, e.g. "claude-sonnet-4-6 · Anthropic API"). */
  model: z.optional(z.string()),
});
export type Usage = z.infer<typeof usage>;

/** A button offered with an error or notice, running a VS Code command. */
export const eventAction = z.object({
  title: z.string(),
  command: z.string(),
  args: z.optional(z.array(z.unknown())),
});
export type EventAction = z.infer<typeof eventAction>;

export const agentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), turnId: z.string(), question: z.string() }),
  /** The model that answers this turn, once it is chosen (after `start`; absent when there is none). */
  z.object({ type: z.literal('model'), provider: z.enum(['anthropic', 'vscode']), label: z.string() }),
  z.object({ type: z.literal('text'), delta: z.string() }),
  z.object({ type: z.literal('toolStart'), callId: z.string(), server: z.string(), tool: z.string(), input: z.unknown() }),
  z.object({ type: z.literal('toolEnd'), callId: z.string(), status: toolCallStatus, durationMs: z.number(), result: z.string() }),
  z.object({ type: z.literal('usage'), usage }),
  /**
   * The provider answered with an error it is tried again for (429, 529, 5xx) and the request waits before it (up to a
   * minute as the API asks, twice): said so, or the chat showed nothing for that long. `waitMs`: the wait, when known.
   * Over with the next event of the turn.
   */
  z.object({ type: z.literal('waiting'), message: z.string(), waitMs: z.optional(z.number()) }),
  /** The loop stopped early for a reason the user should know (round limit, repeated call, max_tokens, refusal…). */
  z.object({ type: z.literal('notice'), message: z.string(), canContinue: z.boolean(), action: z.optional(eventAction) }),
  /** `moreActions`: further buttons, e.g. "Choose Model" beside "Set API Key" when there is no model at all. */
  z.object({ type: z.literal('error'), message: z.string(), action: z.optional(eventAction), moreActions: z.optional(z.array(eventAction)) }),
  z.object({ type: z.literal('done'), stopReason: z.string() }),
]);
export type AgentEvent = z.infer<typeof agentEvent>;

/** What the chat view shows when it is reopened: the persisted conversation, as display items. */
export const transcriptItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['user', 'assistant', 'notice', 'error']), text: z.string() }),
  z.object({
    kind: z.literal('tool'),
    callId: z.string(),
    server: z.string(),
    tool: z.string(),
    input: z.unknown(),
    status: toolCallStatus,
    durationMs: z.number(),
    result: z.string(),
  }),
  z.object({ kind: z.literal('usage'), usage }),
]);
export type TranscriptItem = z.infer<typeof transcriptItem>;

export interface ChatAgent {
  /** Runs one user turn; events arrive through `onEvent`; resolves when the turn is over (never rejects). */
  ask(question: string, onEvent: (event: AgentEvent) => void, signal: AbortSignal): Promise<void>;
  /** Continues after a notice with `canContinue` (e.g. the round limit was reached). */
  continue(onEvent: (event: AgentEvent) => void, signal: AbortSignal): Promise<void>;
  /** Adds a display-only item (e.g. the deterministic error summary) to the transcript. */
  appendToTranscript(item: TranscriptItem): void;
  transcript(): TranscriptItem[];
  clear(): Promise<void>;
  readonly busy: boolean;
}
