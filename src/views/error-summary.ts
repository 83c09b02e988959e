// error_summary from the logs server: its count for the Log Files tree, and its Markdown for the chat.
import type { McpHub } from '../mcp/types';
import { errorSummaryOutput, type ErrorSummary } from './error-summary-items';

export const LOGS_SERVER_NAME = 'logs';

export async function callErrorSummary(hub: McpHub, file: string, signal?: AbortSignal): Promise<ErrorSummary> {
  const outcome = await hub.callTool(LOGS_SERVER_NAME, 'error_summary', { file }, { signal, timeoutMs: 60_000 });
  if (outcome.isError) throw new Error(outcome.text);
  const parsed = errorSummaryOutput.safeParse(outcome.structuredContent);
  if (!parsed.success) throw new Error(`error_summary returned an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export async function errorCountFor(hub: McpHub, file: string): Promise<number> {
  return (await callErrorSummary(hub, file)).totalErrors;
}
