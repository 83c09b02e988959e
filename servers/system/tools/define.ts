// Every system tool has the same frame: read-only annotations, progress out of 100, errors turned
// into isError results, and its structured result sent also as JSON text. It is written here once.
import type { z } from 'zod';
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import { progressReporter, type HandlerExtra, type ProgressReporter } from '../../shared/progress';
import { guarded, toolResult } from '../../shared/tool-result';
import { READ_ONLY } from '../../shared/annotations';
import { strictInput } from '../../shared/strict-input';

export interface SystemTool<I extends z.ZodObject, O extends z.ZodObject> {
  name: string;
  title: string;
  /** Model-facing: what it answers and when to use it. */
  description: string;
  inputSchema: I;
  outputSchema: O;
  /**
   * Takes the reading. `args` are validated with defaults filled in; `report` sends progress
   * (0–100) when the client asked for it. Throw a UserFacingError for a message the caller can act
   * on; an AbortError when `signal` aborts.
   */
  run: (args: z.output<I>, signal: AbortSignal, report: ProgressReporter) => Promise<z.output<O>>;
}

export function registerSystemTool<I extends z.ZodObject, O extends z.ZodObject>(server: McpServer, tool: SystemTool<I, O>): void {
  const handler = guarded(async (args: z.output<I>, extra: HandlerExtra) => toolResult(await tool.run(args, extra.signal, progressReporter(extra, 100))));
  const inputSchema: z.ZodObject = strictInput(tool.inputSchema);
  server.registerTool(
    tool.name,
    { title: tool.title, description: tool.description, inputSchema, outputSchema: tool.outputSchema, annotations: READ_ONLY },
    // The SDK's callback type is conditional on the schema, which TypeScript cannot resolve for a generic one.
    handler as unknown as ToolCallback<z.ZodObject>,
  );
}
