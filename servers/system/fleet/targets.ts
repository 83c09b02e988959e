// The hosts of the fleet: every target of a job that node_exporter answers for, named by a label.
import { sanitizeLine } from '../../shared/sanitize';
import { NotFoundError } from '../../shared/tool-result';
import type { Labels, PrometheusClient } from './prometheus';

/** One scrape target of node_exporter, as the fleet tools name it. */
export interface Target {
  /** The host's name: the configured label's value, else `instance`; made unique with the instance when two targets share it. */
  host: string;
  instance: string;
  /** The job its figures are read through: one that is up, when any is. */
  job: string;
  /** Every job scraping this exporter (one exporter scraped by two jobs is one host, not two). */
  jobs: string[];
  /** Whether the last scrape succeeded (`up` is 1). */
  up: boolean;
  /** True when the target lacks the host label, so `host` is its instance; absent otherwise. */
  labelMissing?: true;
}

/**
 * Every `up` series of the jobs that have exported node_uname_info within the last hour: targets
 * that are down now still show (as down) while those that never ran node_exporter stay out.
 */
const TARGETS_QUERY = 'up and on (job) group by (job) (last_over_time(node_uname_info[1h]))';

/**
 * Every node_exporter target at `time` (epoch ms; default now), sorted by host name. None is left
 * out: a fleet of any size is counted whole (the answer's byte cap, ~40 000 targets, is the limit,
 * and past it the query fails rather than cutting silently); the tools page their readings.
 */
export async function listTargets(client: PrometheusClient, hostLabel: string, signal: AbortSignal, time?: number): Promise<Target[]> {
  const series = await client.vector(TARGETS_QUERY, signal, time);
  // One target per host name and instance: the same exporter scraped by two jobs is one machine.
  const byExporter = new Map<string, Target>();
  for (const { metric, value } of series) {
    const target = {
      host: hostName(metric, hostLabel),
      instance: sanitizeLine(metric.instance ?? '', 200),
      job: sanitizeLine(metric.job ?? '', 200),
      up: value.value === 1,
      ...(metric[hostLabel] ? {} : { labelMissing: true as const }),
    };
    const key = `${target.host}\u0000${target.instance}`;
    const seen = byExporter.get(key);
    if (!seen) byExporter.set(key, { ...target, jobs: [target.job] });
    else byExporter.set(key, { ...seen, jobs: [...seen.jobs, target.job].sort(), ...(!seen.up && target.up ? { job: target.job, up: true } : {}) });
  }
  return uniqueNames([...byExporter.values()]).sort((a, b) => a.host.localeCompare(b.host));
}

/** A node_exporter target scraped within the last hour that Prometheus no longer has. */
export interface GoneTarget {
  host: string;
  instance: string;
  job: string;
  /** Whether its last scrape in that hour succeeded (false: it was down before it went). */
  lastUp: boolean;
}

/**
 * Targets of node_exporter jobs with an `up` sample within the last hour but none now: service discovery (EC2,
 * Kubernetes, Consul, file_sd) dropped them, as it does with a terminated or crashed machine, so `up` has no series for
 * them and a fleet read from `up` alone says "all up" the moment a host vanishes.
 */
const GONE_QUERY = `(last_over_time(up[1h]) unless on (job, instance) up) and on (job) group by (job) (last_over_time(node_uname_info[1h]))`;

/**
 * The targets gone within the hour before `time` (epoch ms; default now), sorted by host name, leaving out those whose
 * host is still among `present` (the targets at that time) under another address or job: a machine re-addressed, or a
 * job renamed, changes the `up` series without any machine going.
 */
export async function listGoneTargets(client: PrometheusClient, hostLabel: string, present: readonly Target[], signal: AbortSignal, time?: number): Promise<GoneTarget[]> {
  const series = await client.vector(GONE_QUERY, signal, time);
  const hosts = new Set(present.flatMap((t) => [t.host, t.host.replace(/ \(.*\)$/, ''), t.instance]));
  return series
    .map(({ metric, value }) => ({ host: hostName(metric, hostLabel), instance: sanitizeLine(metric.instance ?? '', 200), job: sanitizeLine(metric.job ?? '', 200), lastUp: value.value === 1 }))
    .filter((gone) => !hosts.has(gone.host) && !hosts.has(gone.instance))
    .sort((a, b) => a.host.localeCompare(b.host));
}

/** A scrape target that is down now, of a job that exported no node_exporter metrics within the last hour. */
export interface OtherDownTarget {
  host: string;
  instance: string;
  job: string;
}

/**
 * Down targets of the jobs TARGETS_QUERY leaves out. A job is known to run node_exporter by its node_uname_info, which a
 * target that never answered (a wrong port, a firewall, a host that has been off since Prometheus started) or that has
 * been down for over an hour never exported: a job whose every target is like that vanished from the fleet, which then
 * read "all of them up" while a whole group of machines was unreachable. Whether these are node_exporters cannot be
 * told, so they are listed as scrape targets, not counted as hosts.
 */
const OTHER_DOWN_QUERY = 'up == 0 unless on (job) group by (job) (last_over_time(node_uname_info[1h]))';

/** The down targets of jobs with no node_exporter metrics within the hour before `time` (epoch ms; default now), sorted by host name. */
export async function listOtherDownTargets(client: PrometheusClient, hostLabel: string, signal: AbortSignal, time?: number): Promise<OtherDownTarget[]> {
  const series = await client.vector(OTHER_DOWN_QUERY, signal, time);
  return series
    .map(({ metric }) => ({ host: hostName(metric, hostLabel), instance: sanitizeLine(metric.instance ?? '', 200), job: sanitizeLine(metric.job ?? '', 200) }))
    .sort((a, b) => a.host.localeCompare(b.host) || a.job.localeCompare(b.job));
}

/** What a summary says of the other down targets: their number and names (at most 10) with their jobs. */
export function otherDownNote(other: readonly OtherDownTarget[]): string | undefined {
  if (other.length === 0) return undefined;
  const shown = other.slice(0, 10).map((o) => `${o.host} (job ${o.job})`);
  const more = other.length > shown.length ? `, and ${other.length - shown.length} more` : '';
  return (
    `${other.length} other scrape target(s) down, not counted as hosts: their job has exported no node_exporter metrics within the last hour ` +
    `(its targets never answered, or have been down for over an hour), so whether they are node_exporters is unknown: ${shown.join(', ')}${more}`
  );
}

/** What a summary says of gone targets: their number and names (at most 10), whether they were down before. */
export function goneNote(gone: readonly GoneTarget[]): string | undefined {
  if (gone.length === 0) return undefined;
  const shown = gone.slice(0, 10).map((g) => `${g.host}${g.lastUp ? '' : ' (down before it went)'}`);
  const more = gone.length > shown.length ? `, and ${gone.length - shown.length} more` : '';
  return `${gone.length} host(s) scraped within the last hour are gone from Prometheus's targets (removed by service discovery: terminated, crashed or scaled down): ${shown.join(', ')}${more}`;
}

/**
 * The targets of `host` (its name as listed, or an instance). Throws a NotFoundError naming the
 * closest known hosts when there is no such host, and saying so when it is among `gone`. `past` (epoch ms): the
 * targets are those of that time, not now, and the message says so.
 */
export function targetsOf(host: string, targets: readonly Target[], gone: readonly GoneTarget[] = [], past?: number): Target[] {
  const wanted = host.trim();
  const named = targets.filter((t) => t.host === wanted);
  if (named.length > 0) return named;
  const byInstance = targets.filter((t) => t.instance === wanted);
  if (byInstance.length > 0) return byInstance;
  const went = gone.find((g) => g.host === wanted || g.instance === wanted);
  if (went) {
    throw new NotFoundError(
      `${went.host} (${went.instance}) is no longer among Prometheus's targets: it was scraped within the last hour${went.lastUp ? '' : ', its last scrape failing,'} and service discovery has since dropped it (a terminated, crashed or scaled-down machine); its last readings are in Prometheus's history (query_metrics with a time before it went).`,
    );
  }
  // Targets that share the name were told apart by their instance (uniqueNames): "no host" would be false of them.
  const namesakes = targets.filter((t) => t.host.startsWith(`${wanted} (`) && t.host === `${wanted} (${t.instance})`);
  if (namesakes.length > 1) {
    throw new NotFoundError(
      `${namesakes.length} targets carry the name "${sanitizeLine(wanted, 100)}" (two exporters on one machine, or machines labelled alike), told apart by their instance: give one of ${namesakes.slice(0, 10).map((t) => t.host).join(', ')}`,
    );
  }
  const near = completeHost(wanted, targets).slice(0, 10);
  const known = near.length > 0 ? near : targets.slice(0, 10).map((t) => t.host);
  // At a past time the targets are those of then: "scrapes no targets" would be false of a Prometheus scraping many now.
  const when = past === undefined ? '' : ` at ${new Date(past).toISOString()}`;
  throw new NotFoundError(
    targets.length === 0
      ? past === undefined
        ? 'Prometheus scrapes no node_exporter targets (no job has exported node_uname_info within the last hour).'
        : `Prometheus had no node_exporter targets${when} (no job had exported node_uname_info within the hour before): it holds no readings of that time (its data starts later, or that time is past its retention).`
      : `no host "${sanitizeLine(wanted, 100)}" among the ${targets.length} node_exporter target(s)${when}; ${near.length > 0 ? 'did you mean' : 'known hosts include'}: ${known.join(', ')}`,
  );
}

/** Host names for completion: those starting with `prefix` first, then those containing it (case-insensitive), at most 100. */
export function completeHost(prefix: string, targets: readonly Target[]): string[] {
  const text = prefix.trim().toLowerCase();
  const names = [...new Set(targets.map((t) => t.host))];
  const starts = names.filter((n) => n.toLowerCase().startsWith(text));
  const contains = names.filter((n) => !n.toLowerCase().startsWith(text) && n.toLowerCase().includes(text));
  return [...starts, ...contains].slice(0, 100);
}

/**
 * PromQL label matchers (without braces) covering `targets`: `job=~"…",instance=~"…"`. The pairs are
 * crossed, so callers keep only the series whose targetKey is one of theirs.
 */
export function targetMatchers<T extends Pick<Target, 'job' | 'instance'>>(targets: readonly T[]): string {
  const alternatives = (values: string[]) => promString([...new Set(values)].map(escapeRegex).join('|'));
  return `job=~${alternatives(targets.map((t) => t.job))},instance=~${alternatives(targets.map((t) => t.instance))}`;
}

/** A PromQL string literal: double-quoted, with backslash, quote and line breaks escaped. */
export function promString(text: string): string {
  return JSON.stringify(text);
}

/** The key joining one target's series across queries: its job and instance, as the Target holds them. */
export function targetKey(labels: { job?: string; instance?: string }): string {
  return `${sanitizeLine(labels.job ?? '', 200)}\u0000${sanitizeLine(labels.instance ?? '', 200)}`;
}

/** RE2 (Prometheus's regex dialect) metacharacters escaped, so a label value matches only itself. */
function escapeRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function hostName(labels: Labels, hostLabel: string): string {
  const name = labels[hostLabel] || labels.instance || '(no instance label)';
  return sanitizeLine(name, 200);
}

/** Two targets with one name (two exporters on one machine) are told apart by their instance. */
function uniqueNames(targets: Target[]): Target[] {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.host, (counts.get(t.host) ?? 0) + 1);
  return targets.map((t) => ((counts.get(t.host) ?? 0) > 1 && t.host !== t.instance ? { ...t, host: `${t.host} (${t.instance})` } : t));
}
