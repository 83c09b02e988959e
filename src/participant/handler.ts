// The @devops request handler: a fresh agent loop per request (the same loop, tools and MCP servers
// as the extension's own chat) answering with the model VS Code hands the request, seeded with the
// conversation rebuilt from the Chat view's history; or, for /errors, the deterministic summary.
import * as vscode from 'vscode';
import { Agent } from '../agent/agent';
import type { AgentEvent } from '../agent/events';
import { HistoryStore, type KeyValueStore, type MessageParam } from '../agent/history';
import type { ChatModel } from '../agent/model';
import { agentSettings } from '../agent/register';
import type { McpHub } from '../mcp/types';
import type { Settings } from '../settings';
import { answerErrors, explainFollowup } from './errors-command';
import { compactTurn, messagesFromHistory, promptText, turnMessages, turnMetadata, type TurnMetadata } from './history';
import { referencedFiles } from './references';
import { TurnRenderer, type ResponseSink } from './render';

/** The id under contributes.chatParticipants. */
export const PARTICIPANT_ID = 'devopsAssistant.devops';
export const ERRORS_COMMAND = 'errors';

export interface ParticipantDeps {
  hub: McpHub;
  settings(): Settings;
  /** The request's VS Code model as the agent loop's ChatModel (src/models). */
  wrapModel(chat: vscode.LanguageModelChat): ChatModel;
  /** The agent's Output channel. */
  log(line: string): void;
  /** The IANA zone "today" is counted in (UserTimeZone.get); the extension host's without it. */
  timeZone?(): string;
}

/** Handles one request; never rejects (failures become ChatResult.errorDetails). */
export function createRequestHandler(deps: ParticipantDeps): vscode.ChatRequestHandler {
  return async (request, context, stream, token) => {
    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    try {
      if (request.command === ERRORS_COMMAND) {
        const answer = await answerErrors(deps.hub, request, sinkOf(stream), controller.signal);
        return resultOf(answer.metadata, answer.errorMessage);
      }
      return await answerWithAgent(deps, request, context, stream, controller.signal);
    } catch (error) {
      // The agent and /errors report their own failures; this is the last guard for anything else.
      const message = error instanceof Error ? error.message : String(error);
      deps.log(`[participant] request failed: ${message}`);
      return { errorDetails: { message }, metadata: { messages: [], stopReason: 'error', canContinue: false } satisfies TurnMetadata };
    } finally {
      cancellation.dispose();
    }
  };
}

/** Follow-ups from a result's metadata: explain the errors /errors listed; continue an answer that stopped early. */
export function followupsFor(result: vscode.ChatResult): vscode.ChatFollowup[] {
  const metadata = turnMetadata.safeParse(result.metadata);
  if (!metadata.success) return [];
  const followups: vscode.ChatFollowup[] = [];
  if (metadata.data.explainLog) followups.push(explainFollowup(metadata.data.explainLog));
  // English on purpose: it goes to the model as the user's message (the label is what people read).
  if (metadata.data.canContinue) followups.push({ prompt: 'Continue.', label: vscode.l10n.t('Continue') });
  return followups;
}

async function answerWithAgent(
  deps: ParticipantDeps,
  request: vscode.ChatRequest,
  context: vscode.ChatContext,
  stream: vscode.ChatResponseStream,
  signal: AbortSignal,
): Promise<vscode.ChatResult> {
  // request.model is API since VS Code 1.95; a host without it gets words, not a TypeError.
  if (!(request as Partial<vscode.ChatRequest>).model) {
    return resultOf({ messages: [], stopReason: 'error', canContinue: false }, vscode.l10n.t('This VS Code does not give chat participants a language model; update VS Code to use @devops.'));
  }
  const model = deps.wrapModel(request.model);
  const agent = await agentFor(deps, model, messagesFromHistory(context.history, PARTICIPANT_ID));
  const seed = [...agent.messages()];
  const renderer = new TurnRenderer(sinkOf(stream), vscode.l10n.t);
  deps.log(`[participant] request with ${model.info.label}`);
  await agent.ask(questionOf(request), (event: AgentEvent) => renderer.onEvent(event), signal);
  const outcome = renderer.outcome();
  const metadata: TurnMetadata = { messages: compactTurn(turnMessages(seed, agent.messages())), stopReason: outcome.stopReason, canContinue: outcome.canContinue };
  return resultOf(metadata, outcome.errorMessage);
}

/** An agent over the shared hub for one request: `model` answers, `seed` is the conversation so far (kept in memory only). */
async function agentFor(deps: ParticipantDeps, model: ChatModel, seed: MessageParam[]): Promise<Agent> {
  const store = memoryStore();
  await new HistoryStore(store).save({ messages: seed, transcript: [] });
  return new Agent({
    hub: deps.hub,
    settings: () => agentSettings(deps.settings()),
    model: async () => ({ model }),
    store,
    ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
    workspaceFolders: () => (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    log: deps.log,
  });
}

/** The prompt, plus the files the user attached (#file), which the tools can then read by path. */
function questionOf(request: vscode.ChatRequest): string {
  const files = referencedFiles(request.references).map((uri) => uri.fsPath);
  const prompt = promptText({ prompt: request.prompt });
  return files.length ? `${prompt}\n\n(Attached files: ${files.join(', ')})` : prompt;
}

/** The stream as the renderer writes to it; step lines become MarkdownStrings that show codicons. */
function sinkOf(stream: vscode.ChatResponseStream): ResponseSink {
  return {
    markdown: (value, options) => stream.markdown(options?.themeIcons ? new vscode.MarkdownString(value, true) : value),
    progress: (value) => stream.progress(value),
    button: (command) => stream.button(command),
  };
}

function resultOf(metadata: TurnMetadata, errorMessage: string | undefined): vscode.ChatResult {
  return { metadata, ...(errorMessage ? { errorDetails: { message: errorMessage } } : {}) };
}

/** workspaceState's shape, in memory: the Chat view keeps the history, not the extension. */
function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key, value) => {
      values.set(key, value);
    },
  };
}
