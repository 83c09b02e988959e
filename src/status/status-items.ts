// What the status bar item says about the servers (pure, tested without VS Code).
import type { ServerState } from '../mcp/types';
import { escapeMarkdown, type Translate } from '../views/node';

export interface StatusBarContent {
  text: string;
  tooltip: string;
  level: 'ok' | 'busy' | 'warning' | 'error';
}

const ICONS: Record<ServerState['status'], string> = {
  running: '$(pass)',
  starting: '$(loading~spin)',
  restarting: '$(sync~spin)',
  failed: '$(error)',
  stopped: '$(circle-slash)',
  disabled: '$(circle-slash)',
};

export function statusBarContent(states: ServerState[], t: Translate): StatusBarContent {
  const running = states.filter((s) => s.status === 'running').length;
  const failed = states.filter((s) => s.status === 'failed').length;
  const busy = states.some((s) => s.status === 'starting' || s.status === 'restarting');
  const total = states.length;
  const level: StatusBarContent['level'] = failed > 0 ? 'error' : busy ? 'busy' : running < states.filter((s) => s.status !== 'disabled').length ? 'warning' : 'ok';
  const icon = level === 'error' ? '$(error)' : level === 'busy' ? '$(sync~spin)' : level === 'warning' ? '$(warning)' : '$(server-process)';
  const text = `${icon} DevOps ${running}/${total}`;
  const lines = [`**${t('DevOps Assistant servers')}**`, ''];
  for (const state of states) {
    const detail = state.detail ? ` — ${escapeMarkdown(state.detail)}` : '';
    const restarts = state.restarts > 0 ? ` (${t('{0} restarts', state.restarts)})` : '';
    lines.push(`${ICONS[state.status]} \`${state.name.replace(/`/g, '')}\`: ${t(state.status)}${restarts}${detail}`, '');
  }
  if (states.length === 0) lines.push(t('No servers yet.'), '');
  lines.push(t('Click for status and metrics.'));
  return { text, tooltip: lines.join('\n'), level };
}
