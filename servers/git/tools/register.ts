// The one shape of every git tool: open the repository the call names (or the only one), run the
// tool's step, keep the result within the byte budget by cutting its main list, answer errors as isError.
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { READ_ONLY } from '../../shared/annotations';
import { strictInput } from '../../shared/strict-input';
import { fitToBudget, OUTPUT_BUDGET_BYTES } from '../../shared/output-budget';
import type { HandlerExtra } from '../../shared/progress';
import { guarded, toolResult } from '../../shared/tool-result';
import { isMultiRepository, listNames, pickRepository, type GitServerContext } from '../context';
import { openRepo, type Repo } from '../repo/repo';
import { mailmapSkippedNote } from '../repo/unsafe-files';

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
  /**
   * Runs after the budget cut with the kept result and the whole one `run` gave: where a tool says what was left
   * out and how to get it (a nextCursor after the last kept item), which only the cut result can tell.
   */
  finish?: (kept: z.output<O>, whole: z.output<O>, repo: Repo) => Promise<z.output<O>>;
  /**
   * How to get what a truncated result left out (a sentence): added to its `note` whenever `truncated` is true, so
   * the cut is said with the way to the rest, whether the tool's limit or the output budget made it.
   */
  rest?: string;
  /**
   * How to ask for less (a clause, e.g. "narrow the list with contains or scope"), said instead of `rest` when the output
   * budget, not the tool's limit, cut the list: a higher limit then lists no more, and saying to raise it misled.
   */
  narrow?: string;
}

/**
 * Registers a read-only git tool built from `spec`; a `returned` field, when the result has one, counts the kept list.
 * Every tool gets `repository` (an enum of the server's repository names; optional with one). With several
 * repositories the description lists them and the result names the one read.
 */
export function registerGitTool<I extends z.ZodObject, O extends z.ZodObject>(server: McpServer, context: GitServerContext, spec: GitToolSpec<I, O>): void {
  const multi = isMultiRepository(context);
  const handler = guarded(async (input: z.output<I> & { repository?: string }, extra: HandlerExtra) => {
    const { repository, ...rest } = input;
    const target = pickRepository(context, repository);
    const toolInput = rest as z.output<I>;
    spec.check?.(toolInput);
    const repo = await openRepo(target.path, extra.signal);
    const whole = await spec.run(toolInput, repo, extra);
    const kept = withinBudget(whole, spec.list, spec.cutFlags ?? ['truncated']);
    const finished = spec.finish ? await spec.finish(kept, whole, repo) : kept;
    const budgetCut = listLength(kept, spec.list) < listLength(whole, spec.list);
    const restNote = budgetCut && spec.narrow !== undefined ? budgetNote(listLength(kept, spec.list), listLength(whole, spec.list), spec.narrow) : spec.rest;
    const rested = restNote === undefined ? finished : withRest(finished, restNote);
    const skipped = mailmapSkippedNote(repo.unsafeFiles);
    const noted = repo.pathNotes.reduce((d, text) => withNote(d, text), rested);
    const data = skipped === undefined ? noted : withNote(noted, skipped);
    return toolResult(multi ? { repository: target.name, ...data } : data);
  });
  const inputSchema: z.ZodObject = strictInput(spec.input.extend({ repository: repositoryInput(context) }));
  server.registerTool(
    spec.name,
    {
      title: spec.title,
      description: multi ? `${spec.description} ${repositoriesNote(context)}` : spec.description,
      inputSchema,
      outputSchema: multi ? spec.output.extend({ repository: z.string().describe('The repository this result is from') }) : spec.output,
      annotations: READ_ONLY,
    },
    handler as unknown as ToolCallback<z.ZodObject>,
  );
}

/** The `repository` argument: one of the server's names; required when there are several. */
function repositoryInput(context: GitServerContext) {
  const names = context.repositories.map((r) => r.name) as [string, ...string[]];
  // zod's own words for a missing one, "Invalid option: expected one of …", read as if the name given were wrong.
  const choice = z.enum(names, {
    error: (issue) => (issue.input === undefined ? `required: this server reads ${names.length} repositories, so name one of ${listNames(context)}` : undefined),
  });
  if (!isMultiRepository(context)) return choice.optional().describe('The repository to read; there is only one, so this can be left out');
  return choice.describe(`Which repository to read: ${listNames(context)} (see the tool description for their folders)`);
}

/** For the description: which repositories the tool reads and how to pick one. */
function repositoriesNote(context: GitServerContext): string {
  const list = context.repositories.map((r) => `${JSON.stringify(r.name)} (${r.path})`).join(', ');
  return `Reads one of ${context.repositories.length} repositories, named by \`repository\`: ${list}. Ask each repository in turn to compare them.`;
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

function listLength(data: Data, list: string): number {
  return (data[list] as unknown[]).length;
}

/** The note when the output budget cut a list to `kept` of `listed` items: raising the tool's limit would not help. */
export function budgetNote(kept: number, listed: number, narrow: string): string {
  return `Only ${kept} of the ${listed} listed fit in one answer (${Math.round(OUTPUT_BUDGET_BYTES / 1024)} KiB of JSON), so a higher limit lists no more: ${narrow}.`;
}

/** `data` with `rest` appended to its note when it is truncated. */
export function withRest<T extends Data>(data: T, rest: string): T {
  return data.truncated === true ? withNote(data, rest) : data;
}

/** `data` with `text` appended to its note. */
function withNote<T extends Data>(data: T, text: string): T {
  const note = typeof data.note === 'string' && data.note !== '' ? `${data.note} ${text}` : text;
  return { ...data, note };
}
