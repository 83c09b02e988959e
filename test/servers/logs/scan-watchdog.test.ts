// The scan process's stall rule: a process stuck in one regex burns CPU while silent; one waiting for a core on a
// loaded machine does not, and was killed as "catastrophic backtracking?" before the rule counted CPU time.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { processCpuMs, StallRule } from '../../../servers/logs/scan/watchdog';

describe('scan process watchdog (scan/watchdog.ts)', () => {
  const STALL = 1000;
  const TICK = 250;

  /** Ticks every TICK ms from `from` to `to` (wall ms), CPU time given per tick; returns the first stalled tick's time. */
  function run(rule: StallRule, from: number, to: number, cpuAt: (now: number) => number | undefined): number | undefined {
    for (let now = from + TICK; now <= to; now += TICK) if (rule.tick(now, cpuAt(now))) return now;
    return undefined;
  }

  it('a process waiting for a CPU (no CPU time used) is not stalled however long the wall-clock silence', () => {
    const rule = new StallRule(STALL, TICK, 0);
    assert.equal(run(rule, 0, 20_000, () => 500), undefined);
  });

  it('a process burning CPU without a beat is stalled once it has used the allowance in CPU time', () => {
    const rule = new StallRule(STALL, TICK, 0);
    const stalledAt = run(rule, 0, 10_000, (now) => 500 + now);
    // The CPU reading starts at the first tick after the beat: at most one tick more than the allowance.
    assert.ok(stalledAt !== undefined && stalledAt > STALL && stalledAt <= STALL + 2 * TICK, String(stalledAt));
  });

  it('a process on a third of a core is stalled after the allowance of its own CPU time, not of wall time', () => {
    const rule = new StallRule(STALL, TICK, 0);
    const stalledAt = run(rule, 0, 10_000, (now) => now / 3);
    assert.ok(stalledAt !== undefined && stalledAt > 3 * STALL && stalledAt <= 3 * STALL + 4 * TICK, String(stalledAt));
  });

  it('beats reset the count', () => {
    const rule = new StallRule(STALL, TICK, 0);
    let cpu = 0;
    for (let now = TICK; now <= 10_000; now += TICK) {
      cpu += TICK; // busy all the time, but beating every 500 ms
      if (now % 500 === 0) rule.beat(now);
      assert.equal(rule.tick(now, cpu), false, `at ${now}`);
    }
  });

  it('without CPU readings (no /proc) wall-clock silence counts, as it did', () => {
    const rule = new StallRule(STALL, TICK, 0);
    assert.equal(run(rule, 0, 10_000, () => undefined), STALL + TICK);
  });

  it('a backstop in wall time stops a process that never uses CPU and never beats (30x the allowance)', () => {
    const rule = new StallRule(STALL, TICK, 0);
    assert.equal(run(rule, 0, 60_000, () => 0), 30 * STALL + TICK);
  });

  it('late timers (this thread too busy to check) do not count as the process\'s silence', () => {
    const rule = new StallRule(STALL, TICK, 0);
    assert.equal(rule.tick(5000, undefined), false, 'first tick 5 s late');
    assert.equal(rule.tick(5000 + TICK, undefined), false);
  });

  it('reads a real process\'s CPU time from /proc: it grows while the process computes and stays while it is stopped', async function () {
    if (process.platform !== 'linux') this.skip();
    this.timeout(20_000);
    // A child that computes until told to stop (its name has a space and a parenthesis, as /proc may show).
    const child = spawn(process.execPath, ['-e', 'process.title = "busy (x) y"; const end = Date.now() + 15000; while (Date.now() < end) {}'], { stdio: 'ignore' });
    try {
      const first = processCpuMs(child.pid!);
      assert.ok(first !== undefined);
      let now = first;
      while (now - first < 200) now = processCpuMs(child.pid!)!; // waits on the child's CPU time, not a clock
      child.kill('SIGSTOP');
      const stopped = processCpuMs(child.pid!)!;
      // This process computes meanwhile (200 ms of its own CPU time); the stopped one must not gain any.
      const mine = processCpuMs(process.pid)!;
      let spins = 0;
      while (processCpuMs(process.pid)! - mine < 200) spins++;
      assert.ok(spins > 0);
      assert.ok(processCpuMs(child.pid!)! - stopped <= 10, 'a stopped process uses no CPU');
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    assert.equal(processCpuMs(child.pid!), undefined, 'a process that is gone has no reading');
  });
});
