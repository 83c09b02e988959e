import assert from 'node:assert/strict';
import { isTimeZone, UserTimeZone } from '../../src/chat/user-time-zone';

/** globalState as a Map, with what update() was called with. */
function memento(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  const updates: unknown[] = [];
  return {
    updates,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      updates.push(value);
      values.set(key, value);
    },
  };
}

describe('the user\'s time zone (the chat window\'s, not the extension host\'s)', () => {
  it('is the host\'s until the window reports one', () => {
    assert.equal(new UserTimeZone(memento(), () => 'America/Los_Angeles').get(), 'America/Los_Angeles');
  });

  it('is the zone the window reported, kept for the next window', () => {
    const state = memento();
    const zone = new UserTimeZone(state, () => 'UTC');
    zone.report('Asia/Seoul');
    assert.equal(zone.get(), 'Asia/Seoul');
    assert.equal(new UserTimeZone(state, () => 'UTC').get(), 'Asia/Seoul', 'a later window (before its chat loads) starts from it');
    zone.report('Asia/Seoul');
    assert.deepEqual(state.updates, ['Asia/Seoul'], 'the same zone again is not written again');
  });

  it('ignores what is not a zone this runtime knows, reported or kept', () => {
    const zone = new UserTimeZone(memento({ 'devopsAssistant.userTimeZone': 'Mars/Olympus' }), () => 'UTC');
    assert.equal(zone.get(), 'UTC');
    for (const bad of ['', 'Not/AZone', 'x'.repeat(65), 42, undefined]) zone.report(bad);
    assert.equal(zone.get(), 'UTC');
  });

  it('isTimeZone accepts IANA names and UTC', () => {
    for (const good of ['UTC', 'Asia/Seoul', 'America/Argentina/Buenos_Aires']) assert.ok(isTimeZone(good), good);
    assert.ok(!isTimeZone('Seoul'));
  });
});
