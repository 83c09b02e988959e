// Two windows on one workspace share its storage folder: each keeps its own conversation file, so neither overwrites the
// other's turns (workspaceState was last-save-wins), and a reloaded window takes its own conversation back.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HISTORY_KEY, type KeyValueStore } from '../../src/agent/history';
import { WindowHistoryStore } from '../../src/agent/window-history';

class Memory implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.data.set(key, value);
  }
}

const conversation = (question: string) => ({ messages: [{ role: 'user', content: question }], transcript: [{ kind: 'user', text: question }] });

describe('the conversation of each window (window-history.ts)', () => {
  let dir: string;
  const live = new Set<number>();
  const alive = (pid: number) => live.has(pid);
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'window-history-')), 'conversations');
    live.clear();
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('two live windows keep both their turns; a window opened after one closed takes that one\'s conversation', async () => {
    const workspaceState = new Memory();
    live.add(101).add(202);
    const first = new WindowHistoryStore(dir, workspaceState, 101, alive);
    const second = new WindowHistoryStore(dir, workspaceState, 202, alive);
    assert.match(JSON.stringify(second.get(HISTORY_KEY)), /Another window of this workspace has its own conversation/, 'the second window says why its chat is empty');
    await first.update(HISTORY_KEY, conversation('from the first window'));
    await second.update(HISTORY_KEY, conversation('from the second window'));
    await first.update(HISTORY_KEY, conversation('the first window again'));
    assert.deepEqual(second.get(HISTORY_KEY), conversation('from the second window'), 'the first window\'s save did not overwrite it');
    // The second window reloads: its old host is gone, the new one (another pid) gets its conversation back.
    live.delete(202);
    live.add(303);
    assert.deepEqual(new WindowHistoryStore(dir, workspaceState, 303, alive).get(HISTORY_KEY), conversation('from the second window'));
    // The first window closes (its host disposes the store): the next window takes its conversation, nothing is lost.
    first.dispose();
    live.add(404);
    assert.deepEqual(new WindowHistoryStore(dir, workspaceState, 404, alive).get(HISTORY_KEY), conversation('the first window again'));
    assert.equal(readdirSync(dir).filter((n) => n.endsWith('.conversation.json')).length, 2);
  });

  it('the first window starts from what workspaceState kept, and other keys stay there', async () => {
    const workspaceState = new Memory();
    workspaceState.data.set(HISTORY_KEY, conversation('kept before this version'));
    live.add(1);
    const store = new WindowHistoryStore(dir, workspaceState, 1, alive);
    assert.deepEqual(store.get(HISTORY_KEY), conversation('kept before this version'));
    await store.update('other', 5);
    assert.equal(workspaceState.get('other'), 5);
    await store.update(HISTORY_KEY, undefined);
    assert.equal(new WindowHistoryStore(dir, workspaceState, 1, alive).get(HISTORY_KEY), undefined, 'a cleared chat stays cleared');
  });
});
