// One streamed request: text deltas out as they come, the final message back, and an idle
// watchdog so a stream that goes silent (not even pings) ends with an error instead of hanging.
import type Anthropic from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import { parsesAsJson } from './content';
import { IdleWatchdog } from './idle';

/**
 * Streams one request. A tool_use block whose input JSON did not arrive whole (a proxy or another
 * backend ended the reply mid-arguments yet said `tool_use`) comes back with its `input` set to the
 * raw JSON text received, not an object: the SDK's lenient parse of the cut text keeps the fields
 * that closed and drops the cut one, and a tool run with fewer arguments than asked (a filter gone)
 * answers a different question without anyone knowing. The loop refuses a call whose input is no object.
 */
export async function streamMessage(
  client: Anthropic,
  body: Anthropic.MessageCreateParamsNonStreaming,
  signal: AbortSignal,
  idleMs: number,
  onText: (delta: string) => void,
  onRetry?: (retry: RetryWait) => void,
): Promise<Anthropic.Message> {
  const watchdog = new IdleWatchdog(idleMs, signal);
  watchdog.touch();
  /** The input JSON text of each tool_use block, by content index, as it streamed in. */
  const inputJson = new Map<number, string>();
  try {
    const stream = client.messages.stream(body, { signal: watchdog.signal, middleware: [attemptClock(watchdog, client.maxRetries, onRetry)] });
    stream.on('streamEvent', (event) => {
      watchdog.touch();
      if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
        inputJson.set(event.index, (inputJson.get(event.index) ?? '') + event.delta.partial_json);
      }
    });
    stream.on('text', onText);
    const message = await stream.finalMessage();
    return withCutInputsAsText(message, inputJson);
  } catch (error) {
    return watchdog.rethrow(error);
  } finally {
    watchdog.dispose();
  }
}

/**
 * Runs the idle clock per HTTP attempt (the SDK runs middleware inside its retry loop): an attempt restarts it, a
 * response that is no success (a 429 or 5xx the SDK tries again) or a failed connection stops it until the next attempt.
 * The SDK's wait before a retry honours retry-after up to a minute, twice by default: counted as silence, a rate limit
 * with retry-after: 60 ended the answer as "stopped sending data for 120 s" instead of being retried (break37a).
 */
function attemptClock(watchdog: IdleWatchdog, maxRetries: number, onRetry?: (retry: RetryWait) => void): Middleware {
  let attempts = 0;
  return async (request, next) => {
    watchdog.touch();
    attempts++;
    try {
      const response = await next(request);
      if (response.ok) watchdog.touch();
      else watchdog.pause();
      if (!response.ok && attempts <= maxRetries && sdkRetries(response)) onRetry?.({ status: response.status, retry: attempts, maxRetries, waitMs: retryAfterMs(response.headers) });
      return response;
    } catch (error) {
      watchdog.pause();
      throw error;
    }
  };
}

/** A failed attempt the SDK tries again after a wait: its HTTP status, which retry comes (1-based), and the wait the response asked for (ms). */
export interface RetryWait {
  status: number;
  retry: number;
  maxRetries: number;
  /** Undefined: the SDK's own backoff (0.5 s doubling, at most 8 s). */
  waitMs?: number;
}

/** Whether the SDK tries a failed response again (its shouldRetry, without the token-cache case the extension never uses). */
function sdkRetries(response: Response): boolean {
  const header = response.headers.get('x-should-retry');
  if (header === 'true' || header === 'false') return header === 'true';
  return response.status === 408 || response.status === 409 || response.status === 429 || response.status >= 500;
}

/** The wait a response asks for before a retry (retry-after-ms, or retry-after in seconds or as a date), as the SDK reads it. */
function retryAfterMs(headers: Headers): number | undefined {
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  const after = headers.get('retry-after');
  const seconds = after === null ? NaN : parseFloat(after);
  const wait = !Number.isNaN(ms) ? ms : !Number.isNaN(seconds) ? seconds * 1000 : after !== null ? Date.parse(after) - Date.now() : undefined;
  return wait !== undefined && wait > 0 && wait <= 2 ** 31 - 1 ? wait : undefined;
}

/** `message` with each tool_use whose streamed JSON does not parse whole holding that text as its input. */
function withCutInputsAsText(message: Anthropic.Message, inputJson: ReadonlyMap<number, string>): Anthropic.Message {
  const cut = [...inputJson].filter(([, text]) => text.trim() !== '' && !parsesAsJson(text));
  if (cut.length === 0) return message;
  const content = message.content.map((block, index) => {
    const text = inputJson.get(index);
    return block.type === 'tool_use' && text !== undefined && cut.some(([i]) => i === index) ? { ...block, input: text } : block;
  });
  return { ...message, content };
}
