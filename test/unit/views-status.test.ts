import assert from 'node:assert/strict';
import type { ServerState } from '../../src/mcp/types';
import { followServerStarts, startingServers } from '../../src/status/startup-progress';
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

describe('progress while the servers start', () => {
  /** A hub whose states the test sets, and the progresses shown: their messages and whether each is done. */
  function setUp(initial: ServerState[] = []) {
    let states = initial;
    const listeners = new Set<(s: ServerState[]) => void>();
    const hub = { states: () => states, onDidChangeState: (l: (s: ServerState[]) => void) => (listeners.add(l), { dispose: () => listeners.delete(l) }) };
    const shown: Array<{ messages: string[]; done: boolean }> = [];
    const begin = () => {
      const entry = { messages: [] as string[], done: false };
      shown.push(entry);
      return { report: (m: string) => entry.messages.push(m), done: () => (entry.done = true) };
    };
    const set = (next: ServerState[]) => {
      states = next;
      for (const l of listeners) l(next);
    };
    return { hub, begin, shown, set };
  }

  it('shows from activation until every server runs or failed, naming those still starting', () => {
    const { hub, begin, shown, set } = setUp();
    const following = followServerStarts(hub, begin, t);
    assert.deepEqual(shown, [{ messages: ['Starting the servers…'], done: false }]);
    set([state('git', 'starting'), state('logs', 'starting'), state('system', 'starting')]);
    set([state('git', 'running'), state('logs', 'starting'), state('system', 'running')]);
    assert.equal(shown[0].messages.at(-1), 'Starting the servers: logs…');
    assert.equal(shown[0].done, false);
    set([state('git', 'running'), state('logs', 'failed'), state('system', 'running')]);
    assert.equal(shown[0].done, true);
    // A restart later shows it again.
    set([state('git', 'restarting'), state('logs', 'failed'), state('system', 'running')]);
    assert.equal(shown.length, 2);
    assert.deepEqual(shown[1], { messages: ['Starting the servers: git…'], done: false });
    following.dispose();
    assert.equal(shown[1].done, true);
    assert.deepEqual(startingServers([state('a', 'restarting'), state('b', 'disabled')]), ['a']);
  });

  it('ends at once when the servers were already up, or when there are none', () => {
    const up = setUp([state('logs', 'running')]);
    followServerStarts(up.hub, up.begin, t);
    assert.equal(up.shown[0].done, true);
    const none = setUp();
    followServerStarts(none.hub, none.begin, t);
    none.set([]);
    assert.equal(none.shown[0].done, true);
  });
});
