// The one shape of every git tool: open the repository the server was started for, run the tool's
// step, keep the result within the byte budget by cutting its main list, answer errors as isError.
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { fitToBudget } from '../../shared/output-budget';
import type { HandlerExtra } from '../../shared/progress';
import { guarded, toolResult } from '../../shared/tool-result';
import type { GitServerContext } from '../context';
import { openRepo, type Repo } from '../repo/repo';

type Data = Record<string, unknown>;

export interface GitToolSpec<I extends z.ZodObject, O extends z.ZodObject> {
  name: string;
  title: string;
  /** For the model: what the tool answers and when to use it. */
  description: string;
  input: I;
  output: O;
  /** The list cut (from its end) when the result would exceed the output budget. */
  list: keyof z.output<O> & string;
  /** Boolean fields set to true when the list was cut; `truncated` by default. */
  cutFlags?: ReadonlyArray<keyof z.output<O> & string>;
  /** Checks the input before the repository is opened (throw a UserFacingError). */
  check?: (input: z.output<I>) => void;
  /** The tool's work: reads the repository and returns the whole result (the list uncut). */
  run: (input: z.output<I>, repo: Repo, extra: HandlerExtra) => Promise<z.output<O>>;
}

/** Registers a read-only git tool built from `spec`; a `returned` field, when the result has one, counts the kept list. */
export function registerGitTool<I extends z.ZodObject, O extends z.ZodObject>(server: McpServer, context: GitServerContext, spec: GitToolSpec<I, O>): void {
  const handler = guarded(async (input: z.output<I>, extra: HandlerExtra) => {
    spec.check?.(input);
    const repo = await openRepo(context.repoPath, extra.signal);
    return toolResult(withinBudget(await spec.run(input, repo, extra), spec.list, spec.cutFlags ?? ['truncated']));
  });
  server.registerTool(
    spec.name,
    { title: spec.title, description: spec.description, inputSchema: spec.input, outputSchema: spec.output, annotations: READ_ONLY },
    handler as unknown as ToolCallback<I>,
  );
}

/** `data` with `data[list]` cut to the output budget, `returned` recounted and the cut flags raised when it was cut. */
export function withinBudget<T extends Data>(data: T, list: string, cutFlags: readonly string[] = ['truncated']): T {
  const items = data[list] as unknown[];
  const { value } = fitToBudget(items, (kept) => {
    const cut = kept.length < items.length;
    const result: Data = { ...data, [list]: kept };
    if ('returned' in data) result.returned = kept.length;
    for (const flag of cutFlags) result[flag] = data[flag] === true || cut;
    return result as T;
  });
  return value;
}
