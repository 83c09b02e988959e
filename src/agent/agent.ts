// The agent loop: streams Claude's answer, runs the tools it asks for (concurrently, bounded,
// budgeted), handles every stop reason, and keeps the persisted history valid. No `vscode` import.
import Anthropic, { APIUserAbortError } from '@anthropic-ai/sdk';
import { t } from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import type { Thresholds } from '../settings';
import type { McpHub, ToolInfo } from '../mcp/types';
import { createAnthropicClient, effectiveBaseUrl, type ClientSettings } from './client';
import { textOf, toParam } from './content';
import { mapApiError, setApiKeyAction } from './errors';
import type { AgentEvent, ChatAgent, EventAction, ToolCallStatus, TranscriptItem, Usage } from './events';
import { appendUserText, HistoryStore, MAX_HISTORY_CHARS, repairMessages, trimMessages, type Conversation, type KeyValueStore, type MessageParam } from './history';
import { estimateCostUsd } from './pricing';
import { buildSystemPrompt } from './prompt';
import { streamMessage } from './stream';
import { applyResultBudget, callKey, DEFAULT_RESULT_BUDGET, findTool, toAnthropicTools, truncate, type ResultBudget } from './tool-bridge';

export interface AgentSettings {
  model: string;
  maxTokens: number;
  maxToolRounds: number;
  /** Empty: ANTHROPIC_BASE_URL or the SDK default. */
  baseURL: string;
  thresholds: Thresholds;
}

export interface AgentLimits {
  budget: ResultBudget;
  /** The same tool with the same arguments this many times in one answer stops the loop. */
  repeatLimit: number;
  /** pause_turn continuations per answer. */
  pauseTurnLimit: number;
  maxRetries: number;
  toolTimeoutMs?: number;
  /** Characters of a tool result kept for display in the transcript. */
  displayResultChars: number;
  /** Give up on a response stream that sends nothing (not even a ping) for this long. */
  streamIdleMs: number;
}

export interface AgentDeps {
  hub: McpHub;
  settings(): AgentSettings;
  apiKey(): Promise<string | undefined>;
  store: KeyValueStore;
  createClient?(settings: ClientSettings): Anthropic;
  now?(): Date;
  timeZone?(): string;
  workspaceFolders?(): string[];
  limits?: Partial<AgentLimits>;
  /** Diagnostics (never the key, never tool arguments' values). */
  log?(line: string): void;
}

const DEFAULT_LIMITS: AgentLimits = { budget: DEFAULT_RESULT_BUDGET, repeatLimit: 3, pauseTurnLimit: 5, maxRetries: 2, displayResultChars: 4000, streamIdleMs: 120_000 };

type Emit = (event: AgentEvent) => void;

// Text that goes back to the model stays in English whatever the UI language.
const CANCELLED_RESULT = 'Cancelled by the user.';

interface RunState {
  rounds: number;
  pauses: number;
  calls: Map<string, number>;
  usage: Omit<Usage, 'costUsd'>;
  model: string;
}

/** What the steps of one turn share. */
interface Turn {
  client: Anthropic;
  settings: AgentSettings;
  state: RunState;
  emit: Emit;
  signal: AbortSignal;
  /** Text streamed by the current request, kept in the transcript if the request fails midway. */
  partialText: string;
}

export class Agent implements ChatAgent {
  private readonly history: HistoryStore;
  private conversation: Conversation;
  private running = false;
  /** Lets clear() stop a turn in progress before wiping the history. */
  private turnAbort: AbortController | undefined;
  private turnDone: Promise<void> | undefined;
  private continuable = false;
  private readonly limits: AgentLimits;

  constructor(private readonly deps: AgentDeps) {
    this.history = new HistoryStore(deps.store);
    this.conversation = this.history.load();
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
  }

  get busy(): boolean {
    return this.running;
  }

  /** The API messages as they would be sent next (for tests and diagnostics). */
  messages(): MessageParam[] {
    return this.conversation.messages;
  }

  transcript(): TranscriptItem[] {
    return [...this.conversation.transcript];
  }

  appendToTranscript(item: TranscriptItem): void {
    this.conversation.transcript.push(item);
    void this.persist();
  }

  async clear(): Promise<void> {
    if (this.running) {
      this.turnAbort?.abort();
      await this.turnDone;
    }
    this.conversation = { messages: [], transcript: [] };
    this.continuable = false;
    await this.history.clear();
  }

  async ask(question: string, onEvent: (event: AgentEvent) => void, signal: AbortSignal): Promise<void> {
    const emit = safeEmitter(onEvent);
    const text = question.trim();
    if (!this.claim(emit)) return;
    try {
      emit({ type: 'start', turnId: randomUUID(), question: text });
      if (text === '') {
        emit({ type: 'error', message: t('The question is empty.') });
        emit({ type: 'done', stopReason: 'error' });
        return;
      }
      this.conversation.messages = appendUserText(this.conversation.messages, text);
      this.conversation.transcript.push({ kind: 'user', text });
      this.continuable = false;
      await this.persist();
      await this.runTurn(emit, signal);
    } finally {
      this.running = false;
    }
  }

  async continue(onEvent: (event: AgentEvent) => void, signal: AbortSignal): Promise<void> {
    const emit = safeEmitter(onEvent);
    if (!this.claim(emit)) return;
    try {
      emit({ type: 'start', turnId: randomUUID(), question: '' });
      if (!this.continuable || this.conversation.messages.length === 0) {
        emit({ type: 'notice', message: t('There is nothing to continue.'), canContinue: false });
        emit({ type: 'done', stopReason: 'nothing_to_continue' });
        return;
      }
      this.continuable = false;
      const last = this.conversation.messages[this.conversation.messages.length - 1];
      if (last.role === 'assistant') this.conversation.messages = appendUserText(this.conversation.messages, 'Continue.');
      await this.runTurn(emit, signal);
    } finally {
      this.running = false;
    }
  }

  private async runTurn(emit: Emit, signal: AbortSignal): Promise<void> {
    this.turnAbort = new AbortController();
    const combined = AbortSignal.any([signal, this.turnAbort.signal]);
    this.turnDone = this.run(emit, combined);
    try {
      await this.turnDone;
    } finally {
      this.turnAbort = undefined;
      this.turnDone = undefined;
    }
  }

  private claim(emit: Emit): boolean {
    if (this.running) {
      emit({ type: 'error', message: t('The assistant is still answering the previous question.') });
      emit({ type: 'done', stopReason: 'busy' });
      return false;
    }
    this.running = true;
    return true;
  }

  /** One turn: requests and tool rounds until a stop, then the usage, the history and `done`. */
  private async run(emit: Emit, signal: AbortSignal): Promise<void> {
    const settings = this.deps.settings();
    const state: RunState = {
      rounds: 0,
      pauses: 0,
      calls: new Map(),
      usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
      model: settings.model,
    };
    const apiKey = await this.deps.apiKey();
    if (!apiKey) {
      const message = t('No Anthropic API key is set. Set your API key (it is kept in VS Code\'s secret storage) or the ANTHROPIC_API_KEY environment variable.');
      emit({ type: 'error', message, action: setApiKeyAction() });
      this.conversation.transcript.push({ kind: 'error', text: message });
      await this.finish(emit, state, 'error');
      return;
    }
    const client = (this.deps.createClient ?? createAnthropicClient)({ apiKey, baseURL: settings.baseURL, maxRetries: this.limits.maxRetries });
    const turn: Turn = { client, settings, state, emit, signal, partialText: '' };
    let stopReason: string;
    try {
      stopReason = await this.requestLoop(turn);
    } catch (error) {
      stopReason = this.requestFailed(turn, error);
    }
    if (stopReason === 'cancelled') {
      const message = t('Stopped.');
      emit({ type: 'notice', message, canContinue: false });
      this.conversation.transcript.push({ kind: 'notice', text: message });
    }
    await this.finish(emit, state, stopReason);
  }

  /** Sends requests (with the tools' results) until the model stops; returns the stop reason. */
  private async requestLoop(turn: Turn): Promise<string> {
    for (;;) {
      if (turn.signal.aborted) return 'cancelled';
      const tools = this.deps.hub.tools();
      turn.partialText = '';
      const message = await this.streamOnce(turn.client, turn.settings, tools, turn.emit, turn.signal, (delta) => {
        turn.partialText += delta;
      });
      turn.partialText = '';
      this.addUsage(turn.state, message.usage);
      const text = textOf(message.content);
      if (text) this.conversation.transcript.push({ kind: 'assistant', text });
      const next = await this.afterResponse(turn, message, tools);
      if (next !== 'continue') return next;
    }
  }

  /** Acts on one response's stop reason: 'continue' to send another request, else why the turn ends. */
  private async afterResponse(turn: Turn, message: Anthropic.Message, tools: readonly ToolInfo[]): Promise<string> {
    const reason = message.stop_reason ?? 'end_turn';
    if (reason === 'tool_use') {
      this.conversation.messages.push({ role: 'assistant', content: message.content.map(toParam) });
      const outcome = await this.toolRound(message, tools, turn.settings, turn.state, turn.emit, turn.signal);
      await this.persist();
      return outcome;
    }
    if (reason === 'pause_turn') {
      this.conversation.messages.push({ role: 'assistant', content: message.content.map(toParam) });
      turn.state.pauses++;
      if (turn.state.pauses <= this.limits.pauseTurnLimit) return 'continue';
      this.notice(turn.emit, t('Claude paused its turn several times; stopped here. You can continue.'), true);
      return reason;
    }
    // Any other stop: keep what was said, without tool calls that will never be answered.
    const kept = message.content.filter((b) => b.type !== 'tool_use' && b.type !== 'server_tool_use').map(toParam);
    this.conversation.messages.push({ role: 'assistant', content: kept.length > 0 ? kept : [{ type: 'text', text: '…' }] });
    if (reason === 'max_tokens') {
      this.notice(turn.emit, t('The answer reached the maximum length (devopsAssistant.maxTokens). You can continue.'), true);
    } else if (reason === 'refusal') {
      this.notice(turn.emit, t('Claude declined to answer this request.'), false);
    } else if (reason === 'model_context_window_exceeded') {
      this.notice(turn.emit, t('The conversation no longer fits in the model\'s context window. Clear the chat to start anew.'), false, { title: t('Clear Chat'), command: 'devopsAssistant.clearChat' });
    }
    return reason;
  }

  /** A request that threw: keeps the text streamed so far, tells the user why; returns the stop reason. */
  private requestFailed(turn: Turn, error: unknown): string {
    if (turn.partialText) this.conversation.transcript.push({ kind: 'assistant', text: turn.partialText });
    if (turn.signal.aborted || error instanceof APIUserAbortError) return 'cancelled';
    const mapped = mapApiError(error, { baseURL: effectiveBaseUrl(turn.settings.baseURL), model: turn.settings.model });
    this.deps.log?.(`[agent] request failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    turn.emit({ type: 'error', message: mapped.message, action: mapped.action });
    this.conversation.transcript.push({ kind: 'error', text: mapped.message });
    return 'error';
  }

  private async streamOnce(
    client: Anthropic,
    settings: AgentSettings,
    tools: readonly ToolInfo[],
    emit: Emit,
    signal: AbortSignal,
    onText: (delta: string) => void,
  ): Promise<Anthropic.Message> {
    const system = buildSystemPrompt({
      now: this.deps.now?.() ?? new Date(),
      timeZone: this.deps.timeZone?.() ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
      thresholds: settings.thresholds,
      workspaceFolders: this.deps.workspaceFolders?.() ?? [],
      unavailableServers: this.deps.hub
        .states()
        .filter((state) => state.status === 'failed' || state.status === 'disabled')
        .map((state) => ({ name: state.name, reason: state.detail ?? state.status })),
    });
    const anthropicTools = toAnthropicTools(tools);
    const body: Anthropic.MessageCreateParamsNonStreaming = {
      model: settings.model,
      max_tokens: settings.maxTokens,
      system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }],
      messages: trimMessages(repairMessages(this.conversation.messages), MAX_HISTORY_CHARS),
      ...(anthropicTools.length > 0 ? { tools: anthropicTools } : {}),
    };
    return streamMessage(client, body, signal, this.limits.streamIdleMs, (delta) => {
      onText(delta);
      emit({ type: 'text', delta });
    });
  }

  /** Runs one round of tool calls; returns 'continue' or the reason the loop stops. */
  private async toolRound(
    message: Anthropic.Message,
    tools: readonly ToolInfo[],
    settings: AgentSettings,
    state: RunState,
    emit: Emit,
    signal: AbortSignal,
  ): Promise<'continue' | 'cancelled' | 'max_tool_rounds' | 'repeated_tool_call'> {
    const uses = message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    const skip = (why: string) => {
      this.conversation.messages.push({
        role: 'user',
        content: uses.map((u) => ({ type: 'tool_result' as const, tool_use_id: u.id, is_error: true, content: why })),
      });
    };
    if (state.rounds >= Math.max(1, settings.maxToolRounds)) {
      skip('Not run: the limit of tool rounds for one answer was reached.');
      this.notice(emit, t('Stopped after {0} rounds of tool calls (devopsAssistant.maxToolRounds). You can continue.', state.rounds), true);
      return 'max_tool_rounds';
    }
    const repeated = uses.find((u) => (state.calls.get(callKey(u.name, u.input)) ?? 0) + 1 >= this.limits.repeatLimit);
    if (repeated) {
      skip('Not run: this exact call was already made several times in this answer; use the earlier results.');
      this.notice(emit, t('Stopped: {0} was called {1} times with the same arguments. You can continue.', repeated.name, this.limits.repeatLimit), true);
      return 'repeated_tool_call';
    }
    for (const u of uses) state.calls.set(callKey(u.name, u.input), (state.calls.get(callKey(u.name, u.input)) ?? 0) + 1);
    state.rounds++;

    const outcomes = await Promise.all(uses.map((use) => this.runTool(use, tools, emit, signal)));
    const texts = applyResultBudget(
      outcomes.map((o) => o.text),
      this.limits.budget,
    );
    this.conversation.messages.push({
      role: 'user',
      content: uses.map((use, i) => ({
        type: 'tool_result' as const,
        tool_use_id: use.id,
        content: texts[i] || '(no output)',
        ...(outcomes[i].status !== 'ok' ? { is_error: true } : {}),
      })),
    });
    return signal.aborted ? 'cancelled' : 'continue';
  }

  private async runTool(use: Anthropic.ToolUseBlock, tools: readonly ToolInfo[], emit: Emit, signal: AbortSignal): Promise<{ status: ToolCallStatus; text: string }> {
    const tool = findTool(tools, use.name);
    const server = tool?.server ?? '?';
    const name = tool?.name ?? use.name;
    const input = use.input && typeof use.input === 'object' ? (use.input as Record<string, unknown>) : {};
    emit({ type: 'toolStart', callId: use.id, server, tool: name, input });
    const started = Date.now();
    let status: ToolCallStatus;
    let text: string;
    if (!tool) {
      status = 'error';
      text = `Unknown tool "${use.name}". Available tools: ${tools.map((x) => x.qualifiedName).join(', ') || 'none'}`;
    } else if (signal.aborted) {
      status = 'cancelled';
      text = CANCELLED_RESULT;
    } else {
      try {
        const outcome = await this.deps.hub.callTool(tool.server, tool.name, input, { signal, timeoutMs: this.limits.toolTimeoutMs });
        status = outcome.isError ? 'error' : 'ok';
        text = outcome.text;
      } catch (error) {
        status = signal.aborted ? 'cancelled' : 'error';
        text = signal.aborted ? CANCELLED_RESULT : error instanceof Error ? error.message : String(error);
      }
    }
    const durationMs = Date.now() - started;
    const display = truncate(text, this.limits.displayResultChars);
    emit({ type: 'toolEnd', callId: use.id, status, durationMs, result: display });
    this.conversation.transcript.push({ kind: 'tool', callId: use.id, server, tool: name, input, status, durationMs, result: display });
    return { status, text };
  }

  private notice(emit: Emit, message: string, canContinue: boolean, action?: EventAction): void {
    emit({ type: 'notice', message, canContinue, ...(action ? { action } : {}) });
    this.conversation.transcript.push({ kind: 'notice', text: message });
    if (canContinue) this.continuable = true;
  }

  private addUsage(state: RunState, usage: Anthropic.Usage | undefined): void {
    if (!usage) return;
    state.usage.inputTokens += usage.input_tokens ?? 0;
    state.usage.outputTokens += usage.output_tokens ?? 0;
    state.usage.cacheReadTokens += usage.cache_read_input_tokens ?? 0;
    state.usage.cacheWriteTokens += usage.cache_creation_input_tokens ?? 0;
  }

  private async finish(emit: Emit, state: RunState, stopReason: string): Promise<void> {
    const u = state.usage;
    if (u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens > 0) {
      const usage: Usage = { ...u, costUsd: estimateCostUsd(state.model, u) };
      emit({ type: 'usage', usage });
      this.conversation.transcript.push({ kind: 'usage', usage });
    }
    this.conversation.messages = repairMessages(this.conversation.messages);
    await this.persist();
    emit({ type: 'done', stopReason });
  }

  private async persist(): Promise<void> {
    try {
      await this.history.save(this.conversation);
    } catch (error) {
      this.deps.log?.(`[agent] could not save the conversation: ${(error as Error).message}`);
    }
  }
}

function safeEmitter(onEvent: (event: AgentEvent) => void): Emit {
  return (event) => {
    try {
      onEvent(event);
    } catch {
      // a failing listener must not break the loop or the history
    }
  };
}
