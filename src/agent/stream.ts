// One streamed request: text deltas out as they come, the final message back, and an idle
// watchdog so a stream that goes silent (not even pings) ends with an error instead of hanging.
import type Anthropic from '@anthropic-ai/sdk';
import { IdleWatchdog } from './idle';

export async function streamMessage(
  client: Anthropic,
  body: Anthropic.MessageCreateParamsNonStreaming,
  signal: AbortSignal,
  idleMs: number,
  onText: (delta: string) => void,
): Promise<Anthropic.Message> {
  const watchdog = new IdleWatchdog(idleMs, signal);
  watchdog.touch();
  try {
    const stream = client.messages.stream(body, { signal: watchdog.signal });
    stream.on('streamEvent', () => watchdog.touch());
    stream.on('text', onText);
    return await stream.finalMessage();
  } catch (error) {
    return watchdog.rethrow(error);
  } finally {
    watchdog.dispose();
  }
}
