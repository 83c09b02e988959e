// One streamed request: text deltas out as they come, the final message back, and an idle
// watchdog so a stream that goes silent (not even pings) ends with an error instead of hanging.
import type Anthropic from '@anthropic-ai/sdk';
import { StreamStalledError } from './errors';

export async function streamMessage(
  client: Anthropic,
  body: Anthropic.MessageCreateParamsNonStreaming,
  signal: AbortSignal,
  idleMs: number,
  onText: (delta: string) => void,
): Promise<Anthropic.Message> {
  const stalled = new AbortController();
  const onAbort = () => stalled.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let idleTimer: NodeJS.Timeout | undefined;
  let wentSilent = false;
  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      wentSilent = true;
      stalled.abort();
    }, idleMs);
  };
  armIdleTimer();
  try {
    const stream = client.messages.stream(body, { signal: stalled.signal });
    stream.on('streamEvent', armIdleTimer);
    stream.on('text', onText);
    return await stream.finalMessage();
  } catch (error) {
    if (wentSilent && !signal.aborted) throw new StreamStalledError(idleMs);
    throw error;
  } finally {
    clearTimeout(idleTimer);
    signal.removeEventListener('abort', onAbort);
  }
}
