// The one interface between the agent loop and a language model. The loop builds a request (system
// prompt, the conversation, the tools), a ChatModel streams the answer back and says why it stopped;
// the loop runs the tools. Implementations: the Anthropic Messages API (anthropic-model.ts) and VS
// Code's Language Model API (src/models/vscode-model.ts, where `vscode` may be imported).
// No `vscode` import here.
//
// The conversation keeps the Anthropic Messages shape (text, tool_use, tool_result blocks): it is the
// format persisted in workspaceState since the first release, and every provider maps it onto its own.
import type Anthropic from '@anthropic-ai/sdk';
import type { EventAction } from './events';
import type { MessageParam } from './history';

/** A tool as offered to a model: its name, what it does, and its input as a JSON Schema object. */
export interface ModelTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** One request of the loop. */
export interface ModelRequest {
  system: string;
  /** The conversation so far, valid for the API (history.ts repairMessages/trimMessages applied). */
  messages: readonly MessageParam[];
  tools: readonly ModelTool[];
  /** Most output tokens wanted (devopsAssistant.maxTokens); a provider without the knob ignores it. */
  maxTokens: number;
  /**
   * 'none': the model is to answer in text and call no tool (the last request at the round limit), where the provider
   * has the knob (the Messages API's tool_choice). The tools stay described: a backend that reads the tool calls in the
   * history refuses a request without them (Claude behind VS Code's Copilot too); VS Code's tool modes have no 'none',
   * so there the request's own words ask for it and a call made all the same is dropped (agent.ts lastAnswer).
   */
  toolChoice?: 'none';
}

/** Tokens used by one request; providers that report no usage give an estimate or undefined. */
export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/**
 * Why the model stopped: `end_turn`, `tool_use` (run the tool_use blocks and send their results),
 * `max_tokens`, `pause_turn` (send the content back to continue), `refusal`,
 * `model_context_window_exceeded`, `stop_sequence`; other strings end the turn as they are.
 */
export type ModelStopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'pause_turn' | 'refusal' | 'model_context_window_exceeded' | 'stop_sequence' | (string & {});

/** What one request produced. */
export interface ModelReply {
  /** The assistant's blocks as they go into the history: text, tool_use (with ids), provider-only blocks such as thinking. */
  content: Anthropic.ContentBlockParam[];
  stopReason: ModelStopReason;
  usage?: ModelUsage;
}

/** Who answers: shown in the chat ("claude-sonnet-4-6 · Anthropic API", "GPT-4.1 · GitHub Copilot"). */
export interface ModelInfo {
  provider: 'anthropic' | 'vscode';
  /** The provider's model id (Anthropic model name; VS Code `LanguageModelChat.id`). */
  id: string;
  /** For people: name and who provides it. */
  label: string;
  /** Tokens of input the model accepts, when the provider says; history and tool results are fitted to it. */
  maxInputTokens?: number;
}

/** A message for the user and, when there is one, the button that fixes it. */
export interface ModelProblem {
  message: string;
  action?: EventAction;
  /** More buttons (e.g. both "Set API Key" and "Choose Model" when there is no model at all). */
  moreActions?: EventAction[];
  /**
   * The request was refused as longer than the model's window ("prompt is too long"): the loop sends
   * it again with a smaller history. `fitRatio`: the share of the request the model takes, when the
   * refusal says (maximum tokens / tokens sent).
   */
  tooLong?: { fitRatio?: number };
}

export interface SendOptions {
  /** The user's Stop (and clear()): the request ends promptly; send() then rejects (isCancellation is true). */
  signal: AbortSignal;
  /** Each piece of answer text as it streams in. */
  onText(delta: string): void;
  /** The request failed and is tried again after a wait: `message` says why and how long, for the user. */
  onRetry?(wait: { message: string; waitMs?: number }): void;
}

/** A language model the agent loop can talk to. */
export interface ChatModel {
  readonly info: ModelInfo;
  /** Streams one answer; rejects on failure (describeError turns that into words) or on cancellation. */
  send(request: ModelRequest, options: SendOptions): Promise<ModelReply>;
  /** Tokens `text` takes for this model (for the tool-result budget); absent when the provider cannot count. */
  countTokens?(text: string, signal: AbortSignal): Promise<number>;
  /** Estimated USD for `usage`; undefined when no price is known (the chat then shows tokens only). */
  estimateCostUsd?(usage: ModelUsage): number | undefined;
  /** Whether a failure of send() was the user's cancellation rather than an error. */
  isCancellation(error: unknown, signal: AbortSignal): boolean;
  /** A failure of send() as a message the user can act on (never holding the credentials the model was sent with). */
  describeError(error: unknown): ModelProblem;
  /** `text` (a failure's own wording, for the log) with the credentials the model was sent with masked. */
  redact?(text: string): string;
}

/** The model for a turn, or why there is none (no key, no VS Code model, the user said no…). */
export type ModelChoice = { model: ChatModel } | { problem: ModelProblem };

/** Picks the model at the start of every turn (settings may have changed since the last one). */
export type ModelSource = (signal: AbortSignal) => Promise<ModelChoice>;
