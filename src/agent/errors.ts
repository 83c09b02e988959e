// Turns SDK and network failures into messages a user can act on.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { t } from '@vscode/l10n';
import type { EventAction } from './events';
import { StreamStalledError } from './idle';
import { MASK, maskSecrets } from './secrets';

export const SET_API_KEY_COMMAND = 'devopsAssistant.setApiKey';


/**
 * The API said it was overloaded in an SSE `error` event, after its HTTP 200 (the SDK retries a 529 response, never an
 * error inside a stream): `retries` tries again were made (AnthropicModel.send), and `answerCut` when text of the answer
 * had been shown already, so it was not tried again (the answer would have been written twice).
 */
export class OverloadedInStreamError extends Error {
  constructor(
    readonly retries: number,
    readonly answerCut: boolean,
    options: { cause: unknown },
  ) {
    super('overloaded_error in the response stream', options);
    this.name = 'OverloadedInStreamError';
  }
}

/** Whether `error` is the API's overloaded_error, as a 529 response or an SSE `error` event. */
export function isOverloaded(error: unknown): error is InstanceType<typeof APIError> {
  return error instanceof APIError && (error.status === 529 || error.type === 'overloaded_error' || /overloaded/i.test(error.message));
}

/**
 * The API's api_error (its HTTP 500) in an SSE `error` event after its HTTP 200: the SDK retries a 500 response, never
 * an error inside a stream, and a new request usually gets an answer.
 */
export function isInternalErrorInStream(error: unknown): error is InstanceType<typeof APIError> {
  return error instanceof APIError && error.status === undefined && error.type === 'api_error';
}

export interface MappedError {
  message: string;
  action?: EventAction;
  tooLong?: { fitRatio?: number };
}

export function setApiKeyAction(): EventAction {
  return { title: t('Set API Key'), command: SET_API_KEY_COMMAND };
}

/** The button that opens the Settings editor at setting `id`. */
export function openSettingAction(id: string): EventAction {
  return { title: t('Open Settings'), command: 'workbench.action.openSettings', args: [id] };
}

/**
 * `error` in words the user can act on. `apiKey`: the key the request was sent with; a gateway or proxy that echoes it
 * in its error text (LiteLLM's "Received API Key = …") would otherwise put it in the chat, the saved transcript and the
 * Output channel, so it is masked there, as is anything shaped like an Anthropic key and the base URL's user name and
 * password.
 */
export function mapApiError(error: unknown, context: { baseURL: string; model: string; apiKey?: string | null }): MappedError {
  const mapped = describeApiError(error, { baseURL: shownBaseUrl(context.baseURL), model: context.model, credentials: hasCredentials(context.baseURL) });
  return { ...mapped, message: withoutSecrets(mapped.message, context.apiKey) };
}

/** `text` with `apiKey` and anything shaped like a key, token or password (secrets.ts) replaced by a mask. */
export function withoutSecrets(text: string, apiKey?: string | null): string {
  const key = apiKey?.trim();
  // A short "key" (a test value, a typo) is masked only where it appears whole, not as part of other words.
  const whole = key && key.length >= 8 ? text.split(key).join(MASK) : text;
  return maskSecrets(whole).text;
}

/**
 * A base URL as the user may read it in the chat and the log: a user name and password in it (a gateway's credentials)
 * masked. Text that is no URL is returned as it is.
 */
export function shownBaseUrl(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return baseURL;
  }
  if (url.username === '' && url.password === '') return baseURL;
  url.username = MASK;
  url.password = '';
  return url.toString().replace(/\/$/, baseURL.endsWith('/') ? '/' : '');
}

/** Whether `baseURL` carries a user name or password, which fetch refuses to send (every request fails before it leaves). */
export function hasCredentials(baseURL: string): boolean {
  try {
    const url = new URL(baseURL);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

function describeApiError(error: unknown, context: { baseURL: string; model: string; credentials: boolean }): MappedError {
  if (error instanceof StreamStalledError) {
    return { message: t('The Anthropic API at {0} stopped sending data for {1} s. Ask again to retry.', context.baseURL, Math.round(error.idleMs / 1000)) };
  }
  if (error instanceof AuthenticationError) {
    return { message: t('The Anthropic API rejected the API key (401). Set your API key.'), action: setApiKeyAction() };
  }
  if (error instanceof PermissionDeniedError) {
    return { message: t('The API key is not allowed to use this model or feature (403): {0}', detail(error)), action: setApiKeyAction() };
  }
  if (error instanceof NotFoundError && !/model/i.test(detail(error))) {
    // The API names the model it does not know ("model: claude-…"); a plain "Not Found" is a URL without the Messages
    // endpoint, most often a base URL ending in /v1 (the SDK adds /v1/messages), which was reported as a wrong model.
    return {
      message: t('The Anthropic API at {0} has no Messages endpoint (404 {1}). Check devopsAssistant.anthropicBaseUrl: it is the address before /v1, for example https://api.anthropic.com.', context.baseURL, detail(error)),
      action: openSettingAction('devopsAssistant.anthropicBaseUrl'),
    };
  }
  if (error instanceof NotFoundError) {
    return { message: t('The model "{0}" was not found (404). Check the devopsAssistant.model setting.', context.model), action: openSettingAction('devopsAssistant.model') };
  }
  if (error instanceof RateLimitError) {
    return { message: t('The Anthropic API is rate-limiting requests (429) and retries did not help. Wait a minute and ask again.') };
  }
  if (error instanceof APIConnectionTimeoutError) {
    return { message: t('The Anthropic API at {0} did not answer in time. Check your network and try again.', context.baseURL) };
  }
  if (error instanceof APIConnectionError && context.credentials) {
    return {
      message: t('The Anthropic API base URL {0} holds a user name or password, which requests cannot carry, so none was sent. Remove them from devopsAssistant.anthropicBaseUrl or ANTHROPIC_BASE_URL; the API key is what authenticates.', context.baseURL),
      action: openSettingAction('devopsAssistant.anthropicBaseUrl'),
    };
  }
  if (error instanceof APIConnectionError) {
    return {
      message: t('Cannot reach the Anthropic API at {0}. Check your network connection, proxy or the devopsAssistant.anthropicBaseUrl setting.', context.baseURL),
      action: openSettingAction('devopsAssistant.anthropicBaseUrl'),
    };
  }
  // Said only when it is so: an overloaded_error inside a stream was said to have had retries when none was made.
  if (error instanceof OverloadedInStreamError) {
    if (error.answerCut) return { message: t('The Anthropic API became overloaded while writing this answer, which stops here. Ask again in a few minutes.') };
    if (error.retries === 0) return { message: t('The Anthropic API is overloaded right now. Try again in a few minutes.') };
    return { message: t('The Anthropic API is overloaded right now and {0} retries did not help. Try again in a few minutes.', error.retries) };
  }
  if (isOverloaded(error)) {
    return { message: t('The Anthropic API is overloaded right now and retries did not help. Try again in a few minutes.') };
  }
  const overflow = error instanceof APIError && (error instanceof BadRequestError || error.status === 413) ? windowOverflow(detail(error)) : undefined;
  if (error instanceof APIError && overflow) {
    return {
      message: t('The conversation is too long for the model, even with older tool results shortened ({0}). Continue to try again with less of it, or clear the chat to start anew.', detail(error)),
      action: clearChatAction(),
      tooLong: overflow,
    };
  }
  if (error instanceof BadRequestError) {
    return { message: t('The Anthropic API refused the request (400): {0}', detail(error)) };
  }
  if (error instanceof APIError && typeof error.status === 'number' && error.status >= 500) {
    return { message: t('The Anthropic API had an internal error ({0}) and retries did not help. Try again later.', error.status) };
  }
  if (error instanceof APIError) {
    return { message: t('The Anthropic API returned an error: {0}', detail(error)) };
  }
  const text = error instanceof Error ? error.message : String(error);
  if (/terminated|socket|ECONNRESET|network|fetch failed/i.test(text)) {
    return { message: t('The connection to the Anthropic API at {0} was lost ({1}). Ask again to retry.', context.baseURL, text) };
  }
  return { message: t('Something went wrong while asking Claude: {0}', text) };
}

export function clearChatAction(): EventAction {
  return { title: t('Clear Chat'), command: 'devopsAssistant.clearChat' };
}

/**
 * How providers word a request over the model's window: Anthropic's "prompt is too long: 207113 tokens >
 * 200000 maximum", GitHub Copilot's "prompt token count of 139639 exceeds the limit of 128000" (code
 * model_max_prompt_tokens_exceeded) and "Message exceeds token limit.", OpenAI's "This model's maximum
 * context length is 128000 tokens. However, your messages resulted in 130000 tokens" (context_length_exceeded),
 * Gemini's "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)".
 */
const TOO_LONG =
  /prompt is too long|too many (input )?tokens|exceeds? the (model's )?(context|maximum context)|token count of \d+ exceeds|exceeds? (the )?token limit|maximum context length|context_length_exceeded|max_prompt_tokens_exceeded|exceeds the maximum number of tokens/i;

/**
 * A limit on requests or tokens over time, not on one request's size ("Too many tokens per minute", "Rate limit
 * reached … (TPM)", "429 Too Many Requests", "quota exceeded"): waiting helps, shortening the history does not. The one
 * reader for every provider's wording, so the Anthropic path and a VS Code model's refusal are told apart the same way.
 */
const RATE_LIMIT =
  /\bper (?:second|minute|min|hour|day)\b|\bfor this (?:minute|hour|day)\b|rate.?limit|quota|too many requests|\b(?:TPM|RPM)\b|\b429\b/i;

/** Whether a provider's error text says a limit over time (quota, rate limit, tokens per minute) was reached. */
export function isRateLimit(text: string): boolean {
  return RATE_LIMIT.test(text);
}

/** Each wording's figures as [sent, limit] (tokens). */
const OVERFLOW_FIGURES: readonly RegExp[] = [
  /(\d+)\s*tokens?\s*>\s*(\d+)/i,
  /token count of (\d+) exceeds the limit of (\d+)/i,
  /token count \((\d+)\) exceeds the maximum number of tokens allowed \((\d+)\)/i,
];
const CONTEXT_LENGTH = /maximum context length is (\d+)[^]*?resulted in (\d+)/i;

/**
 * A provider's error text that says the request was longer than the model's window, with the share of it
 * that would have fitted (limit / sent, when the text gives both figures); undefined for any other error.
 */
export function windowOverflow(text: string): { fitRatio?: number } | undefined {
  if (!TOO_LONG.test(text) || isRateLimit(text)) return undefined;
  let sent: number | undefined;
  let limit: number | undefined;
  for (const figures of OVERFLOW_FIGURES) {
    const m = figures.exec(text);
    if (m) {
      [sent, limit] = [Number(m[1]), Number(m[2])];
      break;
    }
  }
  const context = sent === undefined ? CONTEXT_LENGTH.exec(text) : null;
  if (context) [limit, sent] = [Number(context[1]), Number(context[2])];
  const fitRatio = sent && limit ? limit / sent : undefined;
  return fitRatio && fitRatio > 0 && fitRatio < 1 ? { fitRatio } : {};
}

function detail(error: APIError): string {
  const body = error.error as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? error.message;
}
