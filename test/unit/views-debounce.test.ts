import * as assert from 'node:assert/strict';
import { debounce } from '../../src/views/debounce';

describe('views debounce', () => {
  // break36x: a log appended every 100 ms kept resetting the Log Files tree's refresh, which then never ran.
  it('runs during a burst that never goes quiet, once the longest wait has passed', async () => {
    let calls = 0;
    let ran!: () => void;
    const first = new Promise<void>((resolve) => (ran = resolve));
    const poke = debounce(() => { calls++; ran(); }, 50, 150);
    const started = Date.now();
    const writes = setInterval(poke, 10);
    poke();
    try {
      const late = new Promise<void>((_, reject) => setTimeout(() => reject(new Error('did not run during a 2 s burst')), 2000).unref());
      await Promise.race([first, late]);
      assert.ok(Date.now() - started < 1000, `ran ${Date.now() - started} ms into the burst`);
    } finally {
      clearInterval(writes);
    }
    assert.equal(calls, 1);
  });

  it('runs once, after the quiet delay, for a short burst', async () => {
    let calls = 0;
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const poke = debounce(() => { calls++; ran(); }, 30, 10_000);
    const started = Date.now();
    poke();
    poke();
    poke();
    await done;
    assert.ok(Date.now() - started >= 29, 'waited for quiet');
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(calls, 1);
  });
});
