// A VS Code language model (vscode.lm: GitHub Copilot, or any extension that provides models) as a
// ChatModel for the agent loop. The conversation (Anthropic Messages shape) becomes
// LanguageModelChatMessages with tool call and tool result parts; tools go with their JSON schemas;
// the loop's AbortSignal becomes a CancellationToken; LanguageModelError codes become messages.
// VS Code reports no usage, so tokens are counted with the model's own countTokens.
import type Anthropic from '@anthropic-ai/sdk';
import * as vscode from 'vscode';
import { toolResultBody } from '../agent/content';
import type { MessageParam } from '../agent/history';
import { DEFAULT_STREAM_IDLE_MS, IdleWatchdog } from '../agent/idle';
import type { ChatModel, ModelInfo, ModelProblem, ModelReply, ModelRequest, ModelUsage, SendOptions } from '../agent/model';
import { toolInput } from '../agent/tool-bridge';
import { modelProblems } from './problems';

/** "GPT-4.1 · GitHub Copilot": the model's name and who provides it. */
export function vscodeModelLabel(chat: Pick<vscode.LanguageModelChat, 'name' | 'id' | 'vendor'>): string {
  const vendor = chat.vendor === 'copilot' ? 'GitHub Copilot' : chat.vendor;
  return `${chat.name || chat.id} · ${vendor}`;
}

export class VsCodeChatModel implements ChatModel {
  readonly info: ModelInfo;

  /**
   * `justification`: shown by VS Code when it asks the user to allow this extension to use the model.
   * `streamIdleMs`: a response that sends nothing for this long (once it has started) ends with an error.
   */
  constructor(
    private readonly chat: vscode.LanguageModelChat,
    private readonly justification?: string,
    private readonly streamIdleMs = DEFAULT_STREAM_IDLE_MS,
  ) {
    const maxInputTokens = chat.maxInputTokens > 0 ? chat.maxInputTokens : undefined;
    this.info = { provider: 'vscode', id: chat.id, label: vscodeModelLabel(chat), ...(maxInputTokens ? { maxInputTokens } : {}) };
  }

  async send(request: ModelRequest, options: SendOptions): Promise<ModelReply> {
    const messages = toChatMessages(request.system, request.messages);
    const tools: vscode.LanguageModelChatTool[] = request.tools.map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema }));
    const watchdog = new IdleWatchdog(this.streamIdleMs, options.signal);
    const cancel = cancellationFor(watchdog.signal);
    try {
      const response = await this.chat.sendRequest(
        messages,
        { ...(this.justification ? { justification: this.justification } : {}), ...(tools.length > 0 ? { tools, toolMode: vscode.LanguageModelChatToolMode.Auto } : {}) },
        cancel.token,
      );
      watchdog.touch();
      const content = await readStream(response.stream, { signal: watchdog.signal, onText: options.onText }, () => watchdog.touch());
      const usage = await this.estimateUsage(messages, tools, content, options.signal);
      return { content, stopReason: content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn', ...(usage ? { usage } : {}) };
    } catch (error) {
      return watchdog.rethrow(error);
    } finally {
      cancel.dispose();
      watchdog.dispose();
    }
  }

  async countTokens(text: string, signal: AbortSignal): Promise<number> {
    const cancel = cancellationFor(signal);
    try {
      return await this.chat.countTokens(text, cancel.token);
    } finally {
      cancel.dispose();
    }
  }

  isCancellation(error: unknown, signal: AbortSignal): boolean {
    return signal.aborted || error instanceof vscode.CancellationError || (error instanceof Error && error.name === 'Canceled');
  }

  describeError(error: unknown): ModelProblem {
    return modelProblems().vscodeError(error, this.info.label);
  }

  /**
   * VS Code reports no usage: the model's tokenizer counts what was sent (the messages and the tools'
   * schemas, which the provider sends as input too and which often outweigh a short conversation) and
   * what came back.
   */
  private async estimateUsage(
    messages: vscode.LanguageModelChatMessage[],
    tools: readonly vscode.LanguageModelChatTool[],
    content: Anthropic.ContentBlockParam[],
    signal: AbortSignal,
  ): Promise<ModelUsage | undefined> {
    if (signal.aborted) return undefined;
    const cancel = cancellationFor(signal);
    try {
      const output = content.map((b) => (b.type === 'text' ? b.text : b.type === 'tool_use' ? `${b.name} ${JSON.stringify(b.input)}` : '')).join('\n');
      const count = (text: string) => (text ? this.chat.countTokens(text, cancel.token) : Promise.resolve(0));
      const [inputs, toolTokens, outputTokens] = await Promise.all([
        Promise.all(messages.map((m) => this.chat.countTokens(m, cancel.token))),
        count(tools.length > 0 ? JSON.stringify(tools) : ''),
        count(output),
      ]);
      return { inputTokens: inputs.reduce((a, b) => a + b, toolTokens), outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0 };
    } catch {
      return undefined; // counting is best effort; the answer itself is what matters
    } finally {
      cancel.dispose();
    }
  }
}

/** Text parts stream out as they come and become text blocks; tool call parts become tool_use blocks, in order. */
async function readStream(stream: AsyncIterable<unknown>, options: SendOptions, alive: () => void): Promise<Anthropic.ContentBlockParam[]> {
  const content: Anthropic.ContentBlockParam[] = [];
  let text = '';
  const flush = () => {
    if (text) content.push({ type: 'text', text });
    text = '';
  };
  for await (const part of stream) {
    alive();
    if (options.signal.aborted) throw new vscode.CancellationError();
    if (part instanceof vscode.LanguageModelTextPart) {
      text += part.value;
      options.onText(part.value);
    } else if (part instanceof vscode.LanguageModelToolCallPart) {
      flush();
      content.push({ type: 'tool_use', id: part.callId, name: part.name, input: part.input ?? {} });
    }
  }
  if (options.signal.aborted) throw new vscode.CancellationError();
  flush();
  return content;
}

/**
 * The conversation as VS Code chat messages. The stable API has no system role: the system prompt
 * opens the first user message. Consecutive messages of one role are merged (VS Code providers,
 * like the Messages API, expect user and assistant to alternate).
 */
export function toChatMessages(system: string, messages: readonly MessageParam[]): vscode.LanguageModelChatMessage[] {
  type Part = vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart | vscode.LanguageModelToolResultPart;
  const out: Array<{ role: 'user' | 'assistant'; parts: Part[] }> = [{ role: 'user', parts: [new vscode.LanguageModelTextPart(system)] }];
  for (const message of messages) {
    const parts = partsOf(message);
    if (parts.length === 0) continue;
    // VS Code has no system role in its stable API: a mid-conversation system message is said by the user.
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const last = out[out.length - 1];
    if (last.role === role) last.parts.push(...parts);
    else out.push({ role, parts });
  }
  return out.map(({ role, parts }) =>
    role === 'user'
      ? vscode.LanguageModelChatMessage.User(parts.filter((p): p is vscode.LanguageModelTextPart | vscode.LanguageModelToolResultPart => !(p instanceof vscode.LanguageModelToolCallPart)))
      : vscode.LanguageModelChatMessage.Assistant(parts.filter((p): p is vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart => !(p instanceof vscode.LanguageModelToolResultPart))),
  );
}

function partsOf(message: MessageParam): Array<vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart | vscode.LanguageModelToolResultPart> {
  if (typeof message.content === 'string') return message.content ? [new vscode.LanguageModelTextPart(message.content)] : [];
  const parts: Array<vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart | vscode.LanguageModelToolResultPart> = [];
  for (const block of message.content) {
    if (block.type === 'text' && block.text) parts.push(new vscode.LanguageModelTextPart(block.text));
    else if (block.type === 'tool_use') parts.push(new vscode.LanguageModelToolCallPart(block.id, block.name, toolInput(block.input) ?? {}));
    else if (block.type === 'tool_result') parts.push(new vscode.LanguageModelToolResultPart(block.tool_use_id, [new vscode.LanguageModelTextPart(toolResultText(block))]));
    // thinking and other provider-only blocks mean nothing to another model
  }
  return parts;
}

/** A tool result's text; a failed call says so in words, since VS Code's result part has no error flag. */
function toolResultText(block: Anthropic.ToolResultBlockParam): string {
  const body = toolResultBody(block);
  return block.is_error ? `Error: ${body || '(no details)'}` : body || '(no output)';
}

/** A CancellationToken that follows `signal`; dispose it when the call is over. */
function cancellationFor(signal: AbortSignal): { token: vscode.CancellationToken; dispose(): void } {
  const source = new vscode.CancellationTokenSource();
  const onAbort = () => source.cancel();
  if (signal.aborted) source.cancel();
  else signal.addEventListener('abort', onAbort, { once: true });
  return {
    token: source.token,
    dispose: () => {
      signal.removeEventListener('abort', onAbort);
      source.dispose();
    },
  };
}
