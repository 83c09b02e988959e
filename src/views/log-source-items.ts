// Log Files tree content for what the logs server reads besides files (journal units, containers)
// and the grouping Files / Journal / Containers. Pure: shapes from logs://files (log-items.ts).
import { errorsText, errorsTooltip, logFileNodes, sourceQuietInWindow, sumErrors, writtenBeforeWindow, type LogBuildOptions, type LogFilesResource, type LogSource } from './log-items';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';

/** Opens a source's recent lines in an editor (argument: the source name). */
export const OPEN_LOG_SOURCE_COMMAND = 'devopsAssistant.openLogSource';
/** Says what a source problem means and offers the fixes (argument: the problem text). */
export const SHOW_SOURCE_PROBLEM_COMMAND = 'devopsAssistant.showLogSourceProblem';
/** contextValue of a source item: "Summarize Errors" applies to it as to a file. */
export const LOG_SOURCE_CONTEXT = 'devopsLogSource';

/** The resource holding a source's recent lines (the name URL-encoded, as the server's template reads it). */
export function sourceResourceUri(name: string): string {
  return `logs://source/${encodeURIComponent(name)}`;
}

/**
 * The tree's roots: the files alone (as before sources existed) when the server lists no source and
 * no source problem; else the problems first (never silence), then the groups Files, Journal
 * (by host when the journals hold several machines) and Containers, each with its count.
 */
export function logTreeNodes(resource: LogFilesResource, options: LogBuildOptions): NodeSpec[] {
  const { sources, sourceProblems } = resource;
  if (sources.length === 0 && sourceProblems.length === 0) return logFileNodes(resource, options);
  const count = (entries: Array<{ name: string; errorCount?: number }>) => sumErrors(entries, options.errorCounts);
  const roots: NodeSpec[] = sourceProblems.map((problem) => sourceProblemNode(problem, options.t));
  if (resource.files.length) roots.push(groupNode('files', options.t('Files'), 'files', logFileNodes(resource, options), resource.files.length, count(resource.files.filter((file) => !writtenBeforeWindow(file, options.now))), options.t));
  const journal = sources.filter((s) => s.kind === 'journal');
  if (journal.length) roots.push(groupNode('journal', options.t('Journal'), 'book', journalChildren(journal, options), journal.length, count(journal), options.t));
  const containers = sources.filter((s) => s.kind === 'docker').sort(byStateThenName);
  if (containers.length) roots.push(groupNode('docker', options.t('Containers'), 'package', containers.map((s) => logSourceNode(s, options)), containers.length, count(containers), options.t));
  const other = sources.filter((s) => s.kind !== 'journal' && s.kind !== 'docker');
  if (other.length) roots.push(groupNode('other', options.t('Other sources'), 'database', other.map((s) => logSourceNode(s, options)), other.length, count(other), options.t));
  return roots;
}

/** Units directly, or one node per host holding its units when the journal sources span several hosts. */
function journalChildren(journal: LogSource[], options: LogBuildOptions): NodeSpec[] {
  const hosts = [...new Set(journal.flatMap((s) => (s.host ? [s.host] : [])))].sort();
  const byName = (a: LogSource, b: LogSource) => a.name.localeCompare(b.name);
  if (hosts.length < 2) return [...journal].sort(byName).map((s) => logSourceNode(s, options));
  const hostNodes = hosts.map((host) => {
    const units = journal.filter((s) => s.host === host).sort(byName);
    const node = groupNode(`journal/${host}`, host, 'server', units.map((s) => logSourceNode(s, options, true)), units.length, sumErrors(units, options.errorCounts), options.t);
    return { ...node, expanded: false };
  });
  // Entries without a host name stay visible beside the hosts.
  const hostless = journal.filter((s) => !s.host).sort(byName).map((s) => logSourceNode(s, options));
  return [...hostNodes, ...hostless];
}

/** One journal unit or container; clicking opens its recent lines. `underHost`: the host is the parent, not repeated. */
export function logSourceNode(source: LogSource, options: LogBuildOptions, underHost = false): NodeSpec {
  const { t } = options;
  // As for a file not written in 24 h: a unit or stopped container that logged nothing then shows no count, not "0 errors".
  const quiet = sourceQuietInWindow(source, options.now);
  const errors = quiet ? undefined : (source.errorCount ?? options.errorCounts.get(source.name));
  const unknown = errors === 0 && options.levelsUnreadable?.has(source.name) === true;
  const container = source.container;
  const running = container?.state === 'running';
  // The count first, as for files: the end of a description is what a narrow sidebar cuts.
  const parts = [errorsText(errors, t, unknown), ...(source.kind === 'docker' ? [container?.image, container?.status ?? container?.state] : [underHost ? undefined : source.host])];
  const tooltip = [
    `**${escapeMarkdown(source.name)}**`,
    source.location ? escapeMarkdown(source.location) : '',
    source.host ? t('Host: {0}', escapeMarkdown(source.host)) : '',
    source.unit ? t('Unit: {0}', escapeMarkdown(source.unit)) : '',
    container?.image ? t('Image: {0}', escapeMarkdown(container.image)) : '',
    container?.id ? t('Container: {0}', escapeMarkdown(container.id.slice(0, 12))) : '',
    container?.status || container?.state ? t('State: {0}', escapeMarkdown(container.status ?? container.state ?? '')) : '',
    quiet ? t('Nothing logged in the last 24 hours: no recent errors to count. Summarize Errors says when its newest entry is.') : errorsTooltip(errors, t, unknown),
  ]
    .filter(Boolean)
    .join('\n\n');
  const icon = errors ? 'warning' : source.kind === 'docker' ? (running ? 'vm-running' : 'vm-outline') : 'output';
  return {
    id: `log-source/${source.name}`,
    label: source.unit ?? source.name.replace(/^[a-z]+:/, ''),
    description: parts.filter(Boolean).join(' · '),
    tooltip,
    icon,
    iconColor: errors ? 'list.warningForeground' : undefined,
    contextValue: LOG_SOURCE_CONTEXT,
    command: { command: OPEN_LOG_SOURCE_COMMAND, arguments: [source.name] },
    data: { source: source.name },
  };
}

/** A source the server cannot read, with what to do; clicking offers the fixes. */
export function sourceProblemNode(problem: string, t: Translate): NodeSpec {
  return {
    id: `log-problem/${problem}`,
    // The server's sentences start in lower case (they also follow "cannot read x: "); a tree label starts a line.
    label: problem.charAt(0).toUpperCase() + problem.slice(1),
    tooltip: `${escapeMarkdown(problem)}\n\n${t('Click for what to do.')}`,
    icon: 'warning',
    iconColor: 'list.warningForeground',
    contextValue: 'devopsLogSourceProblem',
    command: { command: SHOW_SOURCE_PROBLEM_COMMAND, arguments: [problem] },
  };
}

function groupNode(id: string, label: string, icon: string, children: NodeSpec[], size: number, errors: number, t: Translate): NodeSpec {
  const description = [String(size), errors > 0 ? errorsText(errors, t) : undefined].filter(Boolean).join(' · ');
  return { id: `log-group/${id}`, label, description, icon, children, expanded: true, contextValue: 'devopsLogGroup' };
}

/** Running containers first, then the rest, each by name. */
function byStateThenName(a: LogSource, b: LogSource): number {
  const rank = (s: LogSource) => (s.container?.state === 'running' ? 0 : 1);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/**
 * The sources whose recent errors the tree counts, at most `max`: running containers and journal
 * units first (most likely asked about), then the rest, in listing order.
 */
export function sourcesToCount(sources: readonly LogSource[], max: number): LogSource[] {
  const first = sources.filter((s) => s.kind !== 'docker' || s.container?.state === 'running');
  const rest = sources.filter((s) => !first.includes(s));
  return [...first, ...rest].slice(0, max);
}
