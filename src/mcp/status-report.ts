// The "Show Server Status and Metrics" report as Markdown. No `vscode` import.
import { t } from '@vscode/l10n';
import type { ServerState, ToolMetrics } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function formatStatusReport(states: readonly ServerState[], metrics: readonly ToolMetrics[], now = new Date()): string {
  const lines: string[] = [`# ${t('DevOps Assistant: MCP servers')}`, '', `_${now.toISOString()}_`, ''];
  lines.push(`| ${t('Server')} | ${t('State')} | ${t('Tools')} | ${t('Restarts')} | ${t('Detail')} |`, '|---|---|---|---|---|');
  for (const s of states) {
    // The state is a word the reader reads ("실행 중"), its bundle key the status itself, as in the status bar's tooltip.
    lines.push(`| ${cell(s.name)} | ${t(s.status)} | ${s.toolCount} | ${s.restarts} | ${cell(s.detail ?? '')} |`);
  }
  const withStderr = states.filter((s) => (s.status === 'failed' || s.status === 'restarting') && s.lastStderr.length > 0);
  for (const s of withStderr) {
    lines.push('', `## ${t('Last stderr lines of {0}', s.name)}`, '', '```', ...s.lastStderr.slice(-10), '```');
  }
  lines.push('', `## ${t('Tool calls')}`, '');
  if (metrics.length === 0) {
    lines.push(t('No tool has been called yet.'));
  } else {
    lines.push(`| ${t('Server')} | ${t('Tool')} | ${t('Calls')} | ${t('Errors')} | p50 (ms) | p95 (ms) | ${t('Last call')} |`, '|---|---|---|---|---|---|---|');
    for (const m of metrics) {
      lines.push(`| ${cell(m.server)} | ${cell(m.tool)} | ${m.calls} | ${m.errors} | ${m.p50Ms} | ${m.p95Ms} | ${m.lastCallAt ?? ''} |`);
    }
  }
  return lines.join('\n') + '\n';
}
