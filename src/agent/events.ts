// The contract between the agent loop and whoever shows it (the chat view, "DevOps: Ask").
// Extend by adding variants; do not change existing ones without updating every consumer.

export type ToolCallStatus = 'ok' | 'error' | 'cancelled';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Estimated from the model's list price; undefined when the model's price is unknown. */
  costUsd?: number;
}

/** A button offered with an error or notice, running a VS Code command. */
export interface EventAction {
  title: string;
  command: string;
  args?: unknown[];
}

export type AgentEvent =
  | { type: 'start'; turnId: string; question: string }
  | { type: 'text'; delta: string }
  | { type: 'toolStart'; callId: string; server: string; tool: string; input: unknown }
  | { type: 'toolEnd'; callId: string; status: ToolCallStatus; durationMs: number; result: string }
  | { type: 'usage'; usage: Usage }
  /** The loop stopped early for a reason the user should know (round limit, repeated call, max_tokens, refusal…). */
  | { type: 'notice'; message: string; canContinue: boolean; action?: EventAction }
  | { type: 'error'; message: string; action?: EventAction }
  | { type: 'done'; stopReason: string };

/** What the chat view shows when it is reopened: the persisted conversation, as display items. */
export type TranscriptItem =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string }
  | { kind: 'tool'; callId: string; server: string; tool: string; input: unknown; status: ToolCallStatus; durationMs: number; result: string }
  | { kind: 'notice'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'usage'; usage: Usage };

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
