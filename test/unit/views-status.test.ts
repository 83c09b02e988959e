import assert from 'node:assert/strict';
import type { ServerState } from '../../src/mcp/types';
import { statusBarContent } from '../../src/status/status-items';
import { plainTranslate as t } from '../../src/views/node';

const state = (name: string, status: ServerState['status'], extra: Partial<ServerState> = {}): ServerState => ({
  name,
  status,
  lastStderr: [],
  restarts: 0,
  toolCount: 3,
  ...extra,
});

describe('status bar content', () => {
  it('counts running servers', () => {
    const content = statusBarContent([state('git', 'running'), state('logs', 'running'), state('system', 'running')], t);
    assert.equal(content.text, '$(server-process) DevOps 3/3');
    assert.equal(content.level, 'ok');
    assert.match(content.tooltip, /`git`: running/);
  });

  it('shows starting, failed and disabled servers with details', () => {
    assert.equal(statusBarContent([state('git', 'starting'), state('logs', 'running')], t).level, 'busy');
    const failed = statusBarContent([state('git', 'failed', { detail: 'exited with code 1', restarts: 4 }), state('logs', 'running')], t);
    assert.equal(failed.level, 'error');
    assert.equal(failed.text, '$(error) DevOps 1/2');
    assert.match(failed.tooltip, /`git`: failed \(4 restarts\) — exited with code 1/);
    const disabled = statusBarContent([state('git', 'disabled', { detail: 'Restricted Mode' }), state('logs', 'running')], t);
    assert.equal(disabled.level, 'ok');
    assert.equal(statusBarContent([state('git', 'stopped'), state('logs', 'running')], t).level, 'warning');
  });
});
