import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { fitToBudget } from '../../shared/output-budget';
import { sanitizeLine } from '../../shared/sanitize';
import { isoInLocalZone } from '../../shared/local-time';
import { parseTimePoint, resolveWindow, timeFields, TIME_FORMS, WINDOW_RULE } from '../../shared/time-window';
import { UserFacingError } from '../../shared/tool-result';
import type { Fleet } from '../fleet/fleet';
import { partialNote, PrometheusError, sampleNumber, type Labels, type QueryData, type Sample } from '../fleet/prometheus';
import { registerSystemTool } from './define';

const MAX_SERIES = 500;

const inputSchema = z.object({
  query: z.string().min(1).max(4000).describe('a PromQL expression, e.g. \'node_filesystem_avail_bytes{mountpoint="/"}\' or \'sum by (instance) (rate(node_network_receive_bytes_total[5m]))\''),
  ...timeFields('points'),
  at: z.string().max(64).optional().describe(`without since: evaluate the instant query at this time (default now). Accepts ${TIME_FORMS}.`),
  stepSeconds: z.number().int().min(1).max(86_400).optional().describe('with since: seconds between points (default: the window divided by maxPoints)'),
  maxSeries: z.number().int().min(1).max(MAX_SERIES).default(50).describe(`refuse an answer with more series than this (1–${MAX_SERIES}); aggregate or add label matchers instead`),
  maxPoints: z.number().int().min(2).max(1000).default(200).describe('with since: most points per series (2–1000); the step is raised to keep within it'),
});
type Input = z.infer<typeof inputSchema>;

// PromQL gives NaN for 0/0 (a ratio over an idle interval) and ±Inf for x/0: values, which null would let a reader take
// for a missing sample. They are written as Prometheus's API writes them; null is left for text that is no number at all.
const valueSchema = z
  .union([z.number(), z.enum(['NaN', '+Inf', '-Inf'])])
  .nullable()
  .describe('a number; "NaN", "+Inf" or "-Inf" for PromQL\'s non-finite results (0/0, x/0), which are values and not missing data; null only if Prometheus sent something that is not a number');
const pointSchema = z.object({ time: z.string(), value: valueSchema });
const seriesSchema = z.object({
  labels: z.record(z.string(), z.string()),
  value: pointSchema.optional().describe('instant queries'),
  points: z.array(pointSchema).optional().describe('range queries, oldest first'),
});
type Series = z.infer<typeof seriesSchema>;

const outputSchema = z.object({
  summary: z.string(),
  prometheus: z.string().describe('the Prometheus that answered (URL without credentials)'),
  query: z.string(),
  resultType: z.enum(['vector', 'matrix', 'scalar', 'string']),
  time: z.string().optional().describe('instant queries: when it was evaluated'),
  window: z.object({ since: z.string(), until: z.string(), stepSeconds: z.number() }).optional().describe('range queries'),
  // A string with a bound, so the union is written as anyOf: a type array (`["number", "string"]`) is refused by a
  // client validating with Ajv in strict mode (strictTypes: union types need allowUnionTypes).
  scalar: z.union([z.number(), z.string().max(4096)]).nullable().optional().describe('scalar and string results (a scalar that is not finite: "NaN", "+Inf", "-Inf")'),
  series: z.array(seriesSchema),
  seriesCount: z.number(),
  truncated: z.boolean().describe('whether series were left out to fit the output budget'),
});
// The answer before run() adds where it came from.
type Output = Omit<z.infer<typeof outputSchema>, 'prometheus'>;

export function registerQueryMetrics(server: McpServer, fleet: Fleet): void {
  registerSystemTool(server, {
    name: 'query_metrics',
    title: 'Fleet: run a PromQL query',
    description:
      'Runs a read-only PromQL query on the Prometheus behind the fleet tools: an instant query (now or `at`), or a range query with since/until. ' +
      'For anything fleet_overview and host_usage do not cover (network, specific services, custom exporters). ' +
      `Answers with more than maxSeries series are refused: aggregate (sum by (instance) (...)) or add label matchers. ${WINDOW_RULE}.`,
    inputSchema,
    outputSchema,
    run: async (args, signal, report) => {
      await report(0, 'querying Prometheus');
      const answer = args.since || args.until ? await rangeQuery(fleet, args, signal) : await instantQuery(fleet, args, signal);
      await report(100, 'done');
      // A partial answer (Thanos, Mimir: a store did not answer) must not read as complete.
      return { ...answer, prometheus: fleet.client.url, summary: answer.summary + partialNote(fleet.client.warnings(signal)) };
    },
  });
}

async function instantQuery(fleet: Fleet, args: Input, signal: AbortSignal): Promise<Output> {
  // An instant reads a day as its start, as since does; errors name the argument the caller gave.
  const time = args.at ? parseTimePoint(args.at, 'since', undefined, 'at') : Date.now();
  const data = await fleet.client.query(args.query, signal, time);
  return shape(args, data, { time: new Date(time).toISOString() });
}

async function rangeQuery(fleet: Fleet, args: Input, signal: AbortSignal): Promise<Output> {
  if (args.at) throw new UserFacingError('give either at (an instant query) or since/until (a range query), not both');
  const window = resolveWindow({ since: args.since, until: args.until });
  if (window.since === undefined) throw new UserFacingError('a range query needs since (until alone has no start)');
  const until = window.until ?? Date.now();
  // until defaults to now, which resolveWindow does not see: a since in the future reached Prometheus and came back as
  // "end timestamp must not be before start time".
  if (window.since >= until) throw new UserFacingError(`since (${isoInLocalZone(window.since)}) is not before until (${isoInLocalZone(until)}${window.until === undefined ? ', now' : ''}): the window would be empty.`);
  // until is exclusive: the last point lies before it.
  const end = until - 1;
  const spanSeconds = (end - window.since) / 1000;
  const stepSeconds = Math.max(args.stepSeconds ?? 1, Math.ceil(spanSeconds / (args.maxPoints - 1)), 1);
  // The points are laid back from the window's end, as host_usage's are: a step that does not divide the window left
  // up to a step before its end unread, the newest readings a question about a window most needs (break20: since 1h
  // with maxPoints 2 read only the instant an hour ago, and "0 series" for a Prometheus started since).
  const stepMs = stepSeconds * 1000;
  const start = end - Math.floor((end - window.since) / stepMs) * stepMs;
  const data = await fleet.client.queryRange(args.query, { start, end, stepSeconds }, signal);
  return shape(args, data, { window: { since: new Date(window.since).toISOString(), until: new Date(until).toISOString(), stepSeconds } });
}

/** The answer as the tool returns it: refused above maxSeries, labels sanitized, series cut to the byte budget. */
function shape(args: Input, data: QueryData, when: Pick<Output, 'time' | 'window'>): Output {
  if (data.resultType === 'scalar' || data.resultType === 'string') {
    const [time, text] = data.result;
    const value = data.resultType === 'scalar' ? valueOf(sampleNumber(text)) : sanitizeLine(text, 1000);
    return { summary: `${data.resultType} ${value} at ${iso(time)}`, query: args.query, resultType: data.resultType, ...when, scalar: value, series: [], seriesCount: 0, truncated: false };
  }
  const count = data.result.length;
  if (count > args.maxSeries) {
    throw new PrometheusError(
      'too-large',
      `the query returns ${count} series, more than maxSeries (${args.maxSeries}); narrow it with label matchers, aggregate it (sum by (instance) (...), topk(10, ...)), or raise maxSeries (up to ${MAX_SERIES}).`,
    );
  }
  const series: Series[] =
    data.resultType === 'matrix'
      ? data.result.map((s) => ({ labels: cleanLabels(s.metric), points: s.values.slice(-args.maxPoints).map(point) }))
      : data.resultType === 'vector'
        ? data.result.map((s) => ({ labels: cleanLabels(s.metric), value: point(s.value) }))
        : [];
  const nonFinite = series.reduce((n, s) => n + [...(s.points ?? []), ...(s.value ? [s.value] : [])].filter((p) => typeof p.value === 'string').length, 0);
  const nonFiniteNote = nonFinite > 0 ? `; ${nonFinite} value${nonFinite === 1 ? ' is' : 's are'} NaN or ±Inf (PromQL's result for 0/0 or x/0: a value, not missing data)` : '';
  const build = (kept: readonly Series[]): Output => ({
    summary: `${count} series${data.resultType === 'matrix' ? ` × up to ${Math.max(0, ...series.map((s) => s.points?.length ?? 0))} points` : ''}${nonFiniteNote}${kept.length < count ? `; ${kept.length} shown (output budget)` : ''}`,
    query: args.query,
    resultType: data.resultType,
    ...when,
    series: [...kept],
    seriesCount: count,
    truncated: kept.length < count,
  });
  return fitToBudget(series, build, { keepAtLeast: 1 }).value;
}

function cleanLabels(labels: Labels): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [sanitizeLine(k, 100), sanitizeLine(v, 300)]));
}

function point(sample: Sample): z.infer<typeof pointSchema> {
  return { time: iso(sample.time), value: valueOf(sample) };
}

/** A sample's value as the tool gives it: the number, or the non-finite value's name. */
function valueOf(sample: Pick<Sample, 'value' | 'nonFinite'>): z.infer<typeof valueSchema> {
  return sample.value ?? sample.nonFinite ?? null;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
