// Tells a scan process stuck in one regex execution from one that is merely waiting for a CPU. Silence alone cannot:
// on a loaded machine (2 cores, load 12) a healthy process learning a file's format went a second without a beat and
// was killed with "catastrophic backtracking?". A stuck regex burns CPU the whole time; a process waiting for a core
// does not. So the allowance is counted in the process's own CPU time where the system tells it (Linux /proc), and in
// wall time only as a backstop and where CPU time cannot be read.
import { readFileSync } from 'node:fs';

/** Wall-clock silence (ms) after which a process is stopped whatever its CPU time says, as a multiple of the allowance. */
const BACKSTOP_FACTOR = 30;

/**
 * The stall rule over beats and readings of the watched process's CPU time. `tick` is called every `tickMs`; a reading
 * of CPU time is ms (user + system) or undefined when it cannot be read (then wall time counts, as before).
 */
export class StallRule {
  private lastBeat: number;
  private lastTick: number;
  /** CPU time at the first tick after the last beat: CPU used since then is what a stuck regex would have used. */
  private cpuAtBeat: number | undefined;
  private beatSeen = true;

  constructor(
    private readonly stallMs: number,
    private readonly tickMs: number,
    now: number,
  ) {
    this.lastBeat = now;
    this.lastTick = now;
  }

  beat(now: number): void {
    this.lastBeat = now;
    this.beatSeen = true;
  }

  /** True when the process has been silent too long: `stallMs` of its CPU time, or `stallMs` of wall time without CPU readings. */
  tick(now: number, cpuMs: number | undefined): boolean {
    // This thread itself was too busy to check on time (timers late): the silence is not the process's fault.
    if (now - this.lastTick > 2 * this.tickMs) this.lastBeat = Math.max(this.lastBeat, now - this.tickMs);
    this.lastTick = now;
    if (this.beatSeen || cpuMs === undefined) {
      this.cpuAtBeat = cpuMs;
      this.beatSeen = false;
    }
    const silentMs = now - this.lastBeat;
    if (silentMs <= this.stallMs) return false;
    if (silentMs > BACKSTOP_FACTOR * this.stallMs) return true;
    if (cpuMs === undefined || this.cpuAtBeat === undefined) return true;
    // Readings are taken at ticks, so CPU used between the beat and the next tick is not counted: up to one tick more.
    return cpuMs - this.cpuAtBeat > this.stallMs;
  }
}

/**
 * Calls `onStall` once the process `pid` has been silent (no `beat()`) for `stallMs` of its CPU time, see StallRule.
 * Returns the beat and a stop for the timer.
 */
export function startWatchdog(stallMs: number, onStall: () => void, pid?: number): { beat: () => void; stop: () => void } {
  const tickMs = Math.min(250, stallMs / 4);
  const rule = new StallRule(stallMs, tickMs, Date.now());
  const timer = setInterval(() => {
    if (rule.tick(Date.now(), pid === undefined ? undefined : processCpuMs(pid))) onStall();
  }, tickMs);
  return { beat: () => rule.beat(Date.now()), stop: () => clearInterval(timer) };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/**
 * CPU time (ms, user + system) process `pid` has used, from /proc/<pid>/stat; undefined where there is no /proc
 * (macOS, Windows) or the process is gone. Fields 14 and 15 follow the command name, which may hold spaces and
 * parentheses, so they are counted from its last `)`.
 */
export function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / USER_HZ;
}
