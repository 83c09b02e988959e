// The Anthropic Messages API as a ChatModel: the key from SecretStorage or ANTHROPIC_API_KEY, the
// base URL from devopsAssistant.anthropicBaseUrl, prompt caching on the system prompt and the tools,
// list prices for the cost estimate. This is the behaviour the extension had before issue 14.
import Anthropic, { APIUserAbortError } from '@anthropic-ai/sdk';
import { t } from '@vscode/l10n';
import { strayKeyCharacter } from './api-key';
import { createAnthropicClient, effectiveBaseUrl, type ClientSettings } from './client';
import { toParam } from './content';
import { isInternalErrorInStream, isOverloaded, mapApiError, openSettingAction, OverloadedInStreamError, setApiKeyAction, shownBaseUrl, withoutSecrets } from './errors';
import type { MessageParam } from './history';
import { DEFAULT_STREAM_IDLE_MS } from './idle';
import type { ChatModel, ModelChoice, ModelInfo, ModelProblem, ModelReply, ModelRequest, ModelTool, ModelUsage, SendOptions } from './model';
import { estimateCostUsd } from './pricing';
import { streamMessage, type RetryWait } from './stream';

export interface AnthropicModelSettings {
  /** Anthropic model name, e.g. claude-sonnet-4-6. */
  model: string;
  /** Empty: ANTHROPIC_BASE_URL or the SDK default. */
  baseURL: string;
  /** Give up on a response stream that sends nothing (not even a ping) for this long (ms). */
  streamIdleMs: number;
  /** Tries again after an overloaded_error inside a response stream, as the SDK's for a 529 response (default 2). */
  maxRetries?: number;
}

/** Retries of the SDK (429/5xx/overloaded, with backoff) and the stream idle limit (ms) used by the extension. */
export const ANTHROPIC_DEFAULTS = { maxRetries: 2, streamIdleMs: DEFAULT_STREAM_IDLE_MS } as const;

export class AnthropicModel implements ChatModel {
  readonly info: ModelInfo;

  constructor(
    private readonly client: Anthropic,
    private readonly settings: AnthropicModelSettings,
  ) {
    this.info = { provider: 'anthropic', id: settings.model, label: `${settings.model} · Anthropic API` };
  }

  async send(request: ModelRequest, options: SendOptions): Promise<ModelReply> {
    const tools = toAnthropicTools(request.tools);
    const body: Anthropic.MessageCreateParamsNonStreaming = {
      model: this.settings.model,
      max_tokens: request.maxTokens,
      system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
      messages: withAnthropicToolIds(request.messages),
      ...(tools.length > 0 ? { tools } : {}),
      ...(tools.length > 0 && request.toolChoice === 'none' ? { tool_choice: { type: 'none' } } : {}),
    };
    const maxRetries = this.settings.maxRetries ?? ANTHROPIC_DEFAULTS.maxRetries;
    let answerStarted = false;
    const onText = (delta: string) => {
      answerStarted = true;
      options.onText(delta);
    };
    for (let retries = 0; ; retries++) {
      try {
        const message = await streamMessage(this.client, body, options.signal, this.settings.streamIdleMs, onText, (wait) => options.onRetry?.(retryNotice(wait)));
        return { content: message.content.map(toParam), stopReason: message.stop_reason ?? 'end_turn', usage: usageOf(message.usage) };
      } catch (error) {
        const again = !answerStarted && retries < maxRetries && !options.signal.aborted;
        // A 529 response was retried by the SDK already; an overloaded_error after the stream began (HTTP 200) was not.
        if (isOverloaded(error) && error.status !== 529) {
          if (!again) throw new OverloadedInStreamError(retries, answerStarted, { cause: error });
        } else if (!(isInternalErrorInStream(error) && again)) {
          throw error;
        }
        const waitMs = retryDelayMs(retries);
        options.onRetry?.(retryNotice({ status: isOverloaded(error) ? 529 : 500, retry: retries + 1, maxRetries, waitMs }));
        await sleep(waitMs, options.signal);
      }
    }
  }

  estimateCostUsd(usage: ModelUsage): number | undefined {
    return estimateCostUsd(this.settings.model, usage);
  }

  isCancellation(error: unknown, signal: AbortSignal): boolean {
    return signal.aborted || error instanceof APIUserAbortError;
  }

  describeError(error: unknown): ModelProblem {
    return mapApiError(error, { baseURL: effectiveBaseUrl(this.settings.baseURL), model: this.settings.model, apiKey: this.client.apiKey });
  }

  redact(text: string): string {
    return withoutSecrets(text, this.client.apiKey);
  }
}

/** What the user reads while a request waits to be tried again. */
export function retryNotice(wait: RetryWait): { message: string; waitMs?: number } {
  const seconds = wait.waitMs === undefined ? undefined : Math.max(1, Math.round(wait.waitMs / 1000));
  const when = seconds === undefined ? t('in a few seconds') : t('in {0} s', seconds);
  const why =
    wait.status === 429
      ? t('The Anthropic API is rate-limiting requests (429)')
      : wait.status === 529
        ? t('The Anthropic API is overloaded (529)')
        : t('The Anthropic API answered with an error ({0})', wait.status);
  return { message: t('{0}: trying again {1} (retry {2} of {3})…', why, when, wait.retry, wait.maxRetries), ...(wait.waitMs === undefined ? {} : { waitMs: wait.waitMs }) };
}

/** The Anthropic model when a key is set, else why not (with the Set API Key button). */
export function anthropicChoice(
  apiKey: string | undefined,
  settings: AnthropicModelSettings & { maxRetries: number },
  createClient: (settings: ClientSettings) => Anthropic = createAnthropicClient,
): ModelChoice {
  if (!apiKey) {
    return {
      problem: {
        message: t("No Anthropic API key is set. Set your API key (it is kept in VS Code's secret storage) or the ANTHROPIC_API_KEY environment variable."),
        action: setApiKeyAction(),
      },
    };
  }
  const stray = strayKeyCharacter(apiKey);
  if (stray) {
    // fetch refuses such a header value before sending: the SDK's TypeError ("Cannot convert argument to a ByteString")
    // reached the chat as "Something went wrong while asking Claude".
    return { problem: { message: t('The Anthropic API key holds a character no key has (U+{0} at position {1}), often copied along with it. Set your API key again, or fix ANTHROPIC_API_KEY.', stray.code, stray.position), action: setApiKeyAction() } };
  }
  const baseURL = effectiveBaseUrl(settings.baseURL);
  if (!isHttpUrl(baseURL)) {
    // The SDK took "api.anthropic.com" (no scheme) as a request error ("Something went wrong…: Invalid URL") and
    // "localhost:8080" as a URL of scheme "localhost:" it could not reach: neither named the setting to fix.
    return { problem: { message: t('The Anthropic API base URL "{0}" is not an http:// or https:// address. Fix devopsAssistant.anthropicBaseUrl or ANTHROPIC_BASE_URL (for example https://api.anthropic.com).', shownBaseUrl(baseURL)), action: openSettingAction('devopsAssistant.anthropicBaseUrl') } };
  }
  return { model: new AnthropicModel(createClient({ apiKey, baseURL: settings.baseURL, maxRetries: settings.maxRetries }), settings) };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Tool schemas for the API, with one prompt-caching breakpoint on the last (tools come before the system prompt). */
export function toAnthropicTools(tools: readonly ModelTool[]): Anthropic.Tool[] {
  const out: Anthropic.Tool[] = tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: { ...tool.inputSchema, type: 'object' } as Anthropic.Tool.InputSchema,
  }));
  if (out.length > 0) out[out.length - 1] = { ...out[out.length - 1], cache_control: { type: 'ephemeral' } };
  return out;
}

const TOOL_ID = /^[a-zA-Z0-9_-]+$/;

/**
 * The conversation with tool ids the Messages API accepts (letters, digits, `_`, `-`): ids made by
 * another provider earlier in the conversation (the user switched models) may hold other characters.
 * tool_use and tool_result ids change alike, so they still pair up.
 */
export function withAnthropicToolIds(messages: readonly MessageParam[]): MessageParam[] {
  const fix = (id: string) => (TOOL_ID.test(id) ? id : id.replace(/[^a-zA-Z0-9_-]/g, '_') || 'tool');
  return messages.map((message) => {
    if (typeof message.content === 'string' || !message.content.some((b) => (b.type === 'tool_use' && !TOOL_ID.test(b.id)) || (b.type === 'tool_result' && !TOOL_ID.test(b.tool_use_id)))) return message;
    const content = message.content.map((b) => (b.type === 'tool_use' ? { ...b, id: fix(b.id) } : b.type === 'tool_result' ? { ...b, tool_use_id: fix(b.tool_use_id) } : b));
    return { ...message, content } as MessageParam;
  });
}

function usageOf(usage: Anthropic.Usage | undefined): ModelUsage | undefined {
  if (!usage) return undefined;
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
  };
}

/** The SDK's wait before retry `retries` + 1 of an overloaded request without retry-after: 0.5 s doubling to 8 s, less up to a quarter. */
export function retryDelayMs(retries: number): number {
  return Math.min(500 * 2 ** retries, 8000) * (1 - Math.random() * 0.25);
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller then sees it aborted). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
