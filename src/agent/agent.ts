// The agent loop: streams the model's answer, runs the tools it asks for (concurrently, bounded,
// budgeted), handles every stop reason, and keeps the persisted history valid. The model is a
// ChatModel (model.ts): the Anthropic API by default, or whatever `model` in the deps picks.
// No `vscode` import.
import type Anthropic from '@anthropic-ai/sdk';
import { t } from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import type { Thresholds } from '../settings';
import type { McpHub, ServerState, ToolInfo } from '../mcp/types';
import { ANTHROPIC_DEFAULTS, anthropicChoice } from './anthropic-model';
import type { ClientSettings } from './client';
import { textOf } from './content';
import type { AgentEvent, ChatAgent, EventAction, ToolCallStatus, TranscriptItem, Usage } from './events';
import { mapWithLimit } from './concurrency';
import { clearChatAction } from './errors';
import { appendUserText, fitMessages, HistoryStore, MAX_HISTORY_CHARS, repairMessages, type Conversation, type KeyValueStore, type MessageParam } from './history';
import type { ChatModel, ModelChoice, ModelProblem, ModelReply, ModelSource, ModelUsage } from './model';
import { buildSystemPrompt, offersFleet } from './prompt';
import { applyResultBudget, applyTokenBudget, callKey, DEFAULT_RESULT_BUDGET, findTool, invalidInputMessage, maskToolResult, toModelTools, toolInput, truncate, type ResultBudget } from './tool-bridge';

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
  /** Characters of history (messages as JSON) one request may carry; less when the model's window is known smaller. */
  historyChars: number;
  /**
   * Tool calls of one round running at once; the rest wait their turn. A model may ask for dozens in one response, and
   * each may start a git, ripgrep or scan process on the user's machine.
   */
  toolConcurrency: number;
}

export interface AgentDeps {
  hub: McpHub;
  settings(): AgentSettings;
  /**
   * Picks the model at the start of each turn. Without it: the Anthropic API with `apiKey()`,
   * `settings().model` and `settings().baseURL` (the behaviour before issue 14).
   */
  model?: ModelSource;
  /** The Anthropic key, for the default model source. */
  apiKey?(): Promise<string | undefined>;
  store: KeyValueStore;
  /** For the default model source (tests). */
  createClient?(settings: ClientSettings): Anthropic;
  now?(): Date;
  timeZone?(): string;
  workspaceFolders?(): string[];
  limits?: Partial<AgentLimits>;
  /** Diagnostics (never the key, never tool arguments' values). */
  log?(line: string): void;
}

const DEFAULT_LIMITS: AgentLimits = { budget: DEFAULT_RESULT_BUDGET, repeatLimit: 3, pauseTurnLimit: 5, displayResultChars: 4000, historyChars: MAX_HISTORY_CHARS, toolConcurrency: 4, ...ANTHROPIC_DEFAULTS };

/** Times one request refused as too long is sent again with a smaller history. */
const TOO_LONG_RETRIES = 2;
/** Share of the refused size a resend may use when the refusal does not say by how much it was over. */
const TOO_LONG_SHRINK = 0.5;

type Emit = (event: AgentEvent) => void;

// Text that goes back to the model stays in English whatever the UI language.
const CANCELLED_RESULT = 'Cancelled by the user.';
const ROUND_LIMIT_REQUEST =
  'The limit of tool rounds for this answer was reached, so no more tools can be called now. Answer the question from what the tools returned above; say what remains unchecked, which the user can have looked at by continuing.';

/** Of the model's input window, the share the history may fill and the share one round of tool results may. */
const HISTORY_SHARE = 0.6;
const TOOL_RESULTS_SHARE = 0.25;
/** Characters per token assumed when only a token limit is known (low, so the estimate errs on the safe side). */
const CHARS_PER_TOKEN = 3;

interface RunState {
  rounds: number;
  pauses: number;
  calls: Map<string, number>;
  usage: ModelUsage;
}

/** What the steps of one turn share. */
interface Turn {
  model: ChatModel;
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
  /** The API messages as they were before this turn's question (or Continue): what a refusal goes back to. */
  private beforeTurn: MessageParam[] = [];
  private readonly limits: AgentLimits;
  /**
   * A history size (characters) the model refused as too long taught: later requests stay below it.
   * The conversation only grows until it is cleared, so the lesson holds until clear().
   */
  private refusedHistoryChars: number | undefined;
  /** The server of every tool offered to the model in this window (qualified name → server), to say which server a tool of a server now down is. */
  private readonly toolServers = new Map<string, string>();

  constructor(private readonly deps: AgentDeps) {
    this.history = new HistoryStore(deps.store);
    this.conversation = this.history.load();
    // A finished turn leaves its answer, a notice, an error or its usage after the question and its tool steps; a
    // saved transcript that ends with the question or a tool step is a turn cut by a window reload or a closed
    // window. Said so, instead of leaving the question there without a word.
    const last = this.conversation.transcript.at(-1)?.kind;
    if (last === 'user' || last === 'tool') {
      this.conversation.transcript.push({ kind: 'notice', text: t('Not answered: VS Code was reloaded or closed while the answer was being written. Ask again to get one.') });
      this.conversation.messages = closeUnanswered(repairMessages(this.conversation.messages), 'reloaded');
    }
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
    this.refusedHistoryChars = undefined;
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
      this.beforeTurn = [...this.conversation.messages];
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
      this.beforeTurn = [...this.conversation.messages];
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
    };
    const choice = await this.chooseModel(settings, signal);
    if ('problem' in choice) {
      this.reportProblem(emit, choice.problem);
      await this.finish(emit, state, undefined, signal.aborted ? 'cancelled' : 'error');
      return;
    }
    const { model } = choice;
    emit({ type: 'model', provider: model.info.provider, label: model.info.label });
    const turn: Turn = { model, settings, state, emit, signal, partialText: '' };
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
    await this.finish(emit, state, model, stopReason, turn.partialText);
  }

  private async chooseModel(settings: AgentSettings, signal: AbortSignal): Promise<ModelChoice> {
    try {
      if (this.deps.model) return await this.deps.model(signal);
      const apiKey = await this.deps.apiKey?.();
      return anthropicChoice(apiKey, { model: settings.model, baseURL: settings.baseURL, streamIdleMs: this.limits.streamIdleMs, maxRetries: this.limits.maxRetries }, this.deps.createClient);
    } catch (error) {
      return { problem: { message: t('Could not pick a language model: {0}', error instanceof Error ? error.message : String(error)) } };
    }
  }

  private reportProblem(emit: Emit, problem: ModelProblem): void {
    emit({ type: 'error', message: problem.message, ...(problem.action ? { action: problem.action } : {}), ...(problem.moreActions?.length ? { moreActions: problem.moreActions } : {}) });
    this.conversation.transcript.push({ kind: 'error', text: problem.message });
  }

  /** Sends requests (with the tools' results) until the model stops; returns the stop reason. */
  private async requestLoop(turn: Turn): Promise<string> {
    for (;;) {
      if (turn.signal.aborted) return 'cancelled';
      const tools = this.deps.hub.tools();
      for (const tool of tools) this.toolServers.set(tool.qualifiedName, tool.server);
      turn.partialText = '';
      const reply = await this.streamFitted(turn, tools);
      turn.partialText = '';
      this.addUsage(turn.state, reply.usage);
      const text = textOf(reply.content);
      if (text) this.conversation.transcript.push({ kind: 'assistant', text });
      const next = await this.afterResponse(turn, reply, tools);
      if (next !== 'continue') return next;
    }
  }

  /** Acts on one response's stop reason: 'continue' to send another request, else why the turn ends. */
  private async afterResponse(turn: Turn, reply: ModelReply, tools: readonly ToolInfo[]): Promise<string> {
    // `tool_use` with no tool_use block (an Anthropic-compatible proxy or another backend says so) has
    // nothing to run: it ends the answer like end_turn. Sending an empty user message instead makes the
    // API refuse this and every later request of the conversation (400, empty content).
    const reason = reply.stopReason === 'tool_use' && !reply.content.some((b) => b.type === 'tool_use') ? 'end_turn' : reply.stopReason;
    if (reason === 'tool_use') {
      // Both APIs take only object arguments in the history; a call with other ones is answered as an error.
      const content = reply.content.map((b) => (b.type === 'tool_use' && !toolInput(b.input) ? { ...b, input: {} } : b));
      this.conversation.messages.push({ role: 'assistant', content });
      const outcome = await this.toolRound(turn, reply, tools);
      await this.persist();
      if (outcome === 'max_tool_rounds') await this.lastAnswer(turn, tools);
      return outcome;
    }
    if (reason === 'pause_turn') {
      this.conversation.messages.push({ role: 'assistant', content: reply.content });
      turn.state.pauses++;
      if (turn.state.pauses <= this.limits.pauseTurnLimit) return 'continue';
      this.notice(turn.emit, t('Claude paused its turn several times; stopped here. You can continue.'), true);
      return reason;
    }
    if (reason === 'refusal') {
      // The API's streaming classifiers refuse every later request that still carries the refused turn ("you must reset
      // the conversation context by removing or updating the turn that was refused"): the chat kept declining whatever
      // was asked next until it was cleared. The turn leaves the API history; the transcript keeps it for the user.
      this.conversation.messages = this.beforeTurn;
      this.notice(turn.emit, t('Claude declined to answer this request. It is left out of the conversation, so that later questions are not declined because of it.'), false);
      return reason;
    }
    // Any other stop: keep what was said, without tool calls that will never be answered.
    const kept = reply.content.filter((b) => b.type !== 'tool_use' && b.type !== 'server_tool_use');
    this.conversation.messages.push({ role: 'assistant', content: kept.length > 0 ? kept : [{ type: 'text', text: '…' }] });
    if (reason === 'max_tokens') {
      this.notice(turn.emit, t('The answer reached the maximum length (devopsAssistant.maxTokens). You can continue.'), true);
    } else if (reason === 'model_context_window_exceeded') {
      this.notice(turn.emit, t('The conversation no longer fits in the model\'s context window. Clear the chat to start anew.'), false, clearChatAction());
    }
    return reason;
  }

  /**
   * The one request at the round limit: no tool may be called, the model answers from what the tools returned (the
   * user got only the tool steps and "Stopped after N rounds" before, with nothing of what was found), then the notice
   * with Continue. A failure still gives the notice, since Continue is how to go on, and is then handled as any other.
   */
  private async lastAnswer(turn: Turn, tools: readonly ToolInfo[]): Promise<void> {
    const limitNotice = () => this.notice(turn.emit, t('Stopped after {0} rounds of tool calls (devopsAssistant.maxToolRounds); the answer above is from what they returned. You can continue to let it call more tools.', turn.state.rounds), true);
    let reply: ModelReply;
    try {
      turn.partialText = '';
      reply = await this.streamFitted(turn, tools, 'none');
      turn.partialText = '';
    } catch (error) {
      if (!turn.signal.aborted) limitNotice();
      throw error;
    }
    this.addUsage(turn.state, reply.usage);
    const text = textOf(reply.content);
    if (text) this.conversation.transcript.push({ kind: 'assistant', text });
    // A model that calls a tool all the same keeps its text; the call is left out, as no result will answer it.
    const kept = reply.content.filter((b) => b.type !== 'tool_use' && b.type !== 'server_tool_use');
    this.conversation.messages.push({ role: 'assistant', content: kept.length > 0 ? kept : [{ type: 'text', text: '…' }] });
    limitNotice();
  }

  /** A request that threw: keeps the text streamed so far, tells the user why; returns the stop reason. */
  private requestFailed(turn: Turn, error: unknown): string {
    if (turn.partialText) this.conversation.transcript.push({ kind: 'assistant', text: turn.partialText });
    if (turn.signal.aborted || turn.model.isCancellation(error, turn.signal)) return 'cancelled';
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.deps.log?.(`[agent] request to ${turn.model.info.label} failed: ${turn.model.redact?.(why) ?? why}`);
    const problem = turn.model.describeError(error);
    if (problem.tooLong) {
      // Not the end of the conversation: the history kept every round's work, and Continue sends it
      // again within the smaller size this refusal taught (or Clear Chat starts anew).
      this.notice(turn.emit, problem.message, true, problem.action);
      return 'prompt_too_long';
    }
    this.reportProblem(turn.emit, problem);
    return 'error';
  }

  /**
   * One request; refused as longer than the model's window, it is sent again with a smaller history
   * (older tool results shortened further), and the user is told. Other failures are thrown as they are.
   */
  private async streamFitted(turn: Turn, tools: readonly ToolInfo[], toolChoice?: 'none'): Promise<ModelReply> {
    for (let attempt = 0; ; attempt++) {
      const sent: { chars: number } = { chars: 0 };
      try {
        return await this.streamOnce(turn, tools, sent, toolChoice);
      } catch (error) {
        const tooLong = turn.signal.aborted || turn.partialText ? undefined : turn.model.describeError(error).tooLong;
        if (!tooLong) throw error;
        // The refusal's own figures say by how much it was over (tokens, not characters, and the system
        // prompt and tools count too: a tenth less than their ratio, and another resend if that is not enough).
        this.refusedHistoryChars = Math.floor(sent.chars * (tooLong.fitRatio ? tooLong.fitRatio * 0.9 : TOO_LONG_SHRINK));
        this.deps.log?.(`[agent] ${turn.model.info.label} refused ${sent.chars} characters of history as too long; next requests stay within ${this.refusedHistoryChars}`);
        if (attempt >= TOO_LONG_RETRIES) throw error;
        this.notice(turn.emit, t('The request was too long for the model; older tool results of this answer were shortened and it was sent again.'), false);
      }
    }
  }

  /** One request with the system prompt, the history (fitted to the model) and the tools; `sent.chars`: the history's size. */
  private async streamOnce(turn: Turn, tools: readonly ToolInfo[], sent: { chars: number }, toolChoice?: 'none'): Promise<ModelReply> {
    const system = buildSystemPrompt({
      now: this.deps.now?.() ?? new Date(),
      timeZone: this.deps.timeZone?.() ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
      thresholds: turn.settings.thresholds,
      workspaceFolders: this.deps.workspaceFolders?.() ?? [],
      unavailableServers: this.deps.hub
        .states()
        .filter((state) => state.status === 'failed' || state.status === 'disabled')
        .map((state) => ({ name: state.name, reason: state.detail ?? state.status })),
      fleet: offersFleet(tools),
    });
    const maxInput = turn.model.info.maxInputTokens;
    const historyChars = Math.min(
      this.limits.historyChars,
      maxInput ? Math.floor(maxInput * HISTORY_SHARE) * CHARS_PER_TOKEN : Infinity,
      this.refusedHistoryChars ?? Infinity,
    );
    const messages = fitMessages(repairMessages(this.conversation.messages), historyChars);
    sent.chars = JSON.stringify(messages).length;
    const request = {
      system,
      messages,
      tools: toModelTools(tools),
      maxTokens: turn.settings.maxTokens,
      ...(toolChoice ? { toolChoice } : {}),
    };
    return turn.model.send(request, {
      signal: turn.signal,
      onText: (delta) => {
        turn.partialText += delta;
        turn.emit({ type: 'text', delta });
      },
      onRetry: (wait) => {
        this.deps.log?.(`[agent] ${turn.model.info.label}: ${wait.message}`);
        turn.emit({ type: 'waiting', ...wait });
      },
    });
  }

  /** Runs one round of tool calls; returns 'continue' or the reason the loop stops. */
  private async toolRound(turn: Turn, reply: ModelReply, tools: readonly ToolInfo[]): Promise<'continue' | 'cancelled' | 'max_tool_rounds' | 'repeated_tool_call'> {
    const { settings, state, emit, signal } = turn;
    const uses = reply.content.filter((b): b is Anthropic.ToolUseBlockParam => b.type === 'tool_use');
    const notRun = (why: string) => uses.map((u) => ({ type: 'tool_result' as const, tool_use_id: u.id, is_error: true, content: why }));
    const skip = (why: string) => this.conversation.messages.push({ role: 'user', content: notRun(why) });
    if (state.rounds >= Math.max(1, settings.maxToolRounds)) {
      // Asked in the same user message as the results: the next request (lastAnswer) may call no tool.
      this.conversation.messages.push({ role: 'user', content: [...notRun('Not run: the limit of tool rounds for one answer was reached.'), { type: 'text', text: ROUND_LIMIT_REQUEST }] });
      return 'max_tool_rounds';
    }
    const repeated = uses.find((u) => (state.calls.get(callKey(u.name, u.input)) ?? 0) + 1 >= this.limits.repeatLimit);
    if (repeated) {
      skip('Not run: this exact call was already made several times in this answer; use the earlier results.');
      this.notice(emit, t('Stopped: {0} was called {1} times with the same arguments. You can continue.', repeated.name, this.limits.repeatLimit), true);
      return 'repeated_tool_call';
    }
    // The same call several times in one response (five identical search_logs) runs once: each ran a scan of its own
    // and took its share of the round's budget. Every tool_use still gets a tool_result, the one of the call that ran.
    const keys = uses.map((u) => callKey(u.name, u.input));
    const firstIndex = keys.map((key) => keys.indexOf(key));
    const distinct = uses.filter((_, i) => firstIndex[i] === i);
    for (const u of distinct) state.calls.set(callKey(u.name, u.input), (state.calls.get(callKey(u.name, u.input)) ?? 0) + 1);
    state.rounds++;

    const ran = await mapWithLimit(distinct, this.limits.toolConcurrency, (use) => this.runTool(use, tools, emit, signal));
    const budgeted = await this.budgetResults(turn.model, ran.map((o) => o.text), signal);
    const ranAt = (i: number) => distinct.indexOf(uses[firstIndex[i]]);
    uses.forEach((use, i) => {
      if (firstIndex[i] !== i) this.sameAsEarlier(use, uses[firstIndex[i]], ran[ranAt(i)], emit);
    });
    this.conversation.messages.push({
      role: 'user',
      content: uses.map((use, i) => ({
        type: 'tool_result' as const,
        tool_use_id: use.id,
        content: budgeted[ranAt(i)] || '(no output)',
        ...(ran[ranAt(i)].status !== 'ok' ? { is_error: true } : {}),
      })),
    });
    return signal.aborted ? 'cancelled' : 'continue';
  }

  /** The character budget always; a model that counts tokens and says its window size also gets its token budget. */
  private async budgetResults(model: ChatModel, raw: string[], signal: AbortSignal): Promise<string[]> {
    const texts = applyResultBudget(raw, this.limits.budget);
    const maxInput = model.info.maxInputTokens;
    if (!model.countTokens || !maxInput || signal.aborted) return texts;
    const count = model.countTokens.bind(model);
    try {
      return await applyTokenBudget(texts, Math.floor(maxInput * TOOL_RESULTS_SHARE), (text) => count(text, signal));
    } catch (error) {
      // Counting is an estimate's refinement: without it the character budget still holds.
      this.deps.log?.(`[agent] could not count tokens: ${error instanceof Error ? error.message : String(error)}`);
      return texts;
    }
  }

  private async runTool(use: Anthropic.ToolUseBlockParam, tools: readonly ToolInfo[], emit: Emit, signal: AbortSignal): Promise<{ status: ToolCallStatus; text: string; server: string; tool: string }> {
    const tool = findTool(tools, use.name);
    const missing = tool ? undefined : this.missingTool(use.name, tools);
    // The step is shown as "<server> · <tool>": a tool no server offers (e.g. git_log with no folder open) says so in words.
    const server = tool?.server ?? missing?.server ?? t('not available');
    const name = tool?.name ?? use.name;
    const input = toolInput(use.input);
    emit({ type: 'toolStart', callId: use.id, server, tool: name, input: input ?? {} });
    const started = Date.now();
    let status: ToolCallStatus;
    let text: string;
    if (!tool) {
      status = 'error';
      text = missing?.text ?? '';
    } else if (!input) {
      status = 'error';
      text = invalidInputMessage(use.name, use.input);
    } else if (signal.aborted) {
      status = 'cancelled';
      text = CANCELLED_RESULT;
    } else {
      // Each call gets its own signal that follows the turn's, unlinked when the call ends: the MCP
      // client adds an abort listener to the signal it is given and never removes it, so on the turn's
      // own signal they piled up round after round (MaxListenersExceededWarning after 11 calls).
      const call = followAbort(signal);
      try {
        const outcome = await this.deps.hub.callTool(tool.server, tool.name, input, { signal: call.signal, timeoutMs: this.limits.toolTimeoutMs });
        status = outcome.isError ? 'error' : 'ok';
        text = outcome.text;
      } catch (error) {
        status = signal.aborted ? 'cancelled' : 'error';
        text = signal.aborted ? CANCELLED_RESULT : error instanceof Error ? error.message : String(error);
      } finally {
        call.dispose();
      }
    }
    text = maskToolResult(text);
    const durationMs = Date.now() - started;
    const display = truncate(text, this.limits.displayResultChars);
    emit({ type: 'toolEnd', callId: use.id, status, durationMs, result: display });
    this.conversation.transcript.push({ kind: 'tool', callId: use.id, server, tool: name, input: input ?? {}, status, durationMs, result: display });
    return { status, text, server, tool: name };
  }

  /**
   * Why a tool the model asked for is not offered, read by the model (English). A tool of a server that is down
   * (failed, disabled in Restricted Mode or by the user, restarting) was called "unknown", and the model told the user
   * the tool did not exist instead of what to fix. `server`: its server, when a request of this window offered it.
   */
  private missingTool(name: string, tools: readonly ToolInfo[]): { server?: string; text: string } {
    const down = this.deps.hub.states().filter((state) => state.status !== 'running');
    const owner = this.toolServers.get(name);
    const ownerState = down.find((state) => state.name === owner);
    if (ownerState) {
      return {
        server: ownerState.name,
        text: `Not run: ${name} is a tool of the "${ownerState.name}" server, which is not running (${whyDown(ownerState)}). Tell the user the server is not running and why; it is not an unknown tool.`,
      };
    }
    const available = `Available tools: ${tools.map((x) => x.qualifiedName).join(', ') || 'none'}`;
    if (down.length > 0) {
      return { text: `Not run: no running server offers "${name}". Servers not running: ${down.map((state) => `${state.name} (${whyDown(state)})`).join('; ')}; it may be one of theirs. ${available}` };
    }
    return { text: `Unknown tool "${name}". ${available}` };
  }

  /** Shows a call not run because `earlier`, the same call in the same response, ran: it shares that result. */
  private sameAsEarlier(use: Anthropic.ToolUseBlockParam, earlier: Anthropic.ToolUseBlockParam, outcome: { status: ToolCallStatus; text: string; server: string; tool: string }, emit: Emit): void {
    const input = toolInput(use.input) ?? {};
    const result = truncate(t('Same call as an earlier one in this step; its result is used: {0}', outcome.text), this.limits.displayResultChars);
    emit({ type: 'toolStart', callId: use.id, server: outcome.server, tool: outcome.tool, input });
    emit({ type: 'toolEnd', callId: use.id, status: outcome.status, durationMs: 0, result });
    this.conversation.transcript.push({ kind: 'tool', callId: use.id, server: outcome.server, tool: outcome.tool, input, status: outcome.status, durationMs: 0, result });
    this.deps.log?.(`[agent] ${use.name} asked again with the same arguments in one response; ${use.id} shares the result of ${earlier.id}`);
  }

  private notice(emit: Emit, message: string, canContinue: boolean, action?: EventAction): void {
    emit({ type: 'notice', message, canContinue, ...(action ? { action } : {}) });
    this.conversation.transcript.push({ kind: 'notice', text: message });
    if (canContinue) this.continuable = true;
  }

  private addUsage(state: RunState, usage: ModelUsage | undefined): void {
    if (!usage) return;
    state.usage.inputTokens += usage.inputTokens;
    state.usage.outputTokens += usage.outputTokens;
    state.usage.cacheReadTokens += usage.cacheReadTokens;
    state.usage.cacheWriteTokens += usage.cacheWriteTokens;
  }

  /** `shown`: the text of the failed or stopped request that the user saw (closeUnanswered). */
  private async finish(emit: Emit, state: RunState, model: ChatModel | undefined, stopReason: string, shown = ''): Promise<void> {
    const u = state.usage;
    if (model && u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens > 0) {
      const costUsd = model.estimateCostUsd?.(u);
      const usage: Usage = { ...u, ...(costUsd !== undefined ? { costUsd } : {}), model: model.info.label };
      emit({ type: 'usage', usage });
      this.conversation.transcript.push({ kind: 'usage', usage });
    }
    this.conversation.messages = closeUnanswered(repairMessages(this.conversation.messages), stopReason, shown);
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

/** A server's state as the model reads it: "failed: <why>", "disabled: Restricted Mode…", "restarting". */
function whyDown(state: ServerState): string {
  const why = state.detail?.split('\n')[0]?.trim();
  return why ? `${state.status}: ${why}` : state.status;
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

/** A signal aborted when `parent` is; dispose() removes the one listener this puts on `parent`. */
function followAbort(parent: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', onAbort) };
}

/**
 * The history after a turn that ended without an answer (an error, or stopped): its last user message (the question, or
 * the results of its tool calls) is closed by an assistant message saying so. Left open, the next question was joined
 * to it in one user message, and the model answered both as one, or the failed one first. `shown`: the text the
 * failed or stopped request had streamed to the user, kept before the note that it was cut (break34: the model was
 * told "Not answered" of a half answer the user had read, and "go on" after Stop started over or denied saying it).
 */
export function closeUnanswered(messages: MessageParam[], stopReason: string, shown = ''): MessageParam[] {
  const note = shown.trim() ? CUT_SHORT[stopReason] : UNANSWERED[stopReason];
  if (note === undefined || messages.at(-1)?.role !== 'user') return messages;
  const text = shown.trim() ? `${shown.trimEnd()}\n\n${note}` : note;
  return [...messages, { role: 'assistant', content: [{ type: 'text', text }] }];
}

/** What closeUnanswered adds after the text the user saw of an answer cut short, by the turn's stop reason. */
const CUT_SHORT: Record<string, string> = {
  error: '[Cut off here: the request to the model failed while this answer was being written; the user saw the text above.]',
  cancelled: '[Cut off here: the user stopped this answer before it was finished; the user saw the text above.]',
};

/** What closeUnanswered tells the model, by the turn's stop reason ('reloaded': the window went away during the turn). */
const UNANSWERED: Record<string, string> = {
  error: '[Not answered: the request to the model failed.]',
  cancelled: '[Not answered: the user stopped this answer before it was finished.]',
  reloaded: '[Not answered: the editor was reloaded or closed while this answer was being written.]',
};
