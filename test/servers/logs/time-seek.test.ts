// The seek to a time window's start in a time-ordered log (io/time-seek.ts, follow37): over made-up files of entries
// in time order (times that go back a little, within the slack, as threads write them; multi-line entries; lines
// without a time), no line in the window lies before the offset found, so a read from there gives what the full read
// gives; where its order checks see the order broken beyond the slack, the seek gives up (offset 0).
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readStart, windowStart } from '../../../servers/logs/io/time-seek';

const SLACK = 60_000;
const BASE = Date.UTC(2026, 11, 3, 10, 0, 0);
const HEADER = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) /;
const timeOf = (line: string): number | undefined => {
  const m = HEADER.exec(line);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]) : undefined;
};
const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');

interface Line {
  text: string;
  /** The time of the entry the line belongs to (undefined: before any entry, or a line without a time). */
  time?: number;
}

/** An entry: a header line at `time`, then its continuation lines (a stack) and maybe a stray line without a time. */
const entry = (time: number, words: string, stack: number, stray: boolean): Line[] => [
  { text: `${stamp(time)} INFO worker ${words}`, time },
  ...Array.from({ length: stack }, (_, i) => ({ text: `    at com.example.Worker.step${i}(Worker.java:${10 + i})`, time })),
  ...(stray ? [{ text: 'progress: 50%' }] : []),
];

const entries = (ordered: boolean) =>
  fc.array(
    fc.record({
      step: ordered ? fc.integer({ min: -SLACK, max: SLACK }) : fc.integer({ min: -100 * SLACK, max: 100 * SLACK }),
      words: fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '=', '1'), maxLength: 60 }),
      stack: fc.nat({ max: 4 }),
      stray: fc.boolean(),
      crlf: fc.boolean(),
    }),
    { minLength: 1, maxLength: 300 },
  );

/** The file's lines (times kept non-decreasing up to the slack when `ordered`). */
function build(specs: Array<{ step: number; words: string; stack: number; stray: boolean }>, ordered: boolean): Line[] {
  let time = BASE;
  let newest = BASE;
  const lines: Line[] = [];
  for (const s of specs) {
    time = ordered ? Math.max(time + s.step, newest - SLACK) : time + s.step;
    newest = Math.max(newest, time);
    lines.push(...entry(time, s.words, s.stack, s.stray));
  }
  return lines;
}

describe('logs: seeking to a time window\'s start in a time-ordered file', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'time-seek-'))));
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** Writes `lines`, seeks for `since`, and checks that no line of an entry in the window starts before the offset. */
  const check = (lines: Line[], since: number, crlf: boolean, probeBytes: number): string | undefined => {
    const path = join(dir, 'app.log');
    const eol = crlf ? '\r\n' : '\n';
    const text = lines.map((l) => l.text + eol).join('');
    writeFileSync(path, text);
    const fd = openSync(path, 'r');
    try {
      const size = Buffer.byteLength(text);
      const result = windowStart({ fd, size, timeOf }, { since, slackMs: SLACK, minBytes: 0, probeBytes, orderChecks: 4 });
      let at = 0;
      const starts = lines.map((l) => {
        const start = at;
        at += Buffer.byteLength(l.text + eol);
        return start;
      });
      // The offset is a line's first byte.
      assert.ok(result.offset === 0 || starts.includes(result.offset), `offset ${result.offset} is no line's start`);
      const lost = lines.findIndex((l, i) => starts[i] < result.offset && l.time !== undefined && l.time >= since);
      assert.equal(lost, -1, `line ${lost + 1} (${lines[lost]?.text}) is in the window but before offset ${result.offset}`);
      return result.whole;
    } finally {
      closeSync(fd);
    }
  };

  it('never leaves out a line of the window when the times are in order within the slack', () => {
    let sought = 0;
    fc.assert(
      fc.property(entries(true), fc.nat(), fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constantFrom(128, 256, 1024), (specs, pick, near, crlf, probeBytes) => {
        // The window starts near the time of one of the entries: where a line out of order is most easily lost.
        const lines = build(specs, true);
        const timed = lines.filter((l) => l.time !== undefined);
        if (check(lines, timed[pick % timed.length].time! + near, crlf, probeBytes) === undefined) sought++;
      }),
      { numRuns: 400, endOnFailure: true },
    );
    // The property means something only if seeks were made.
    assert.ok(sought > 50, `only ${sought} of 400 files were sought in`);
  });

  // What a seek cannot see it cannot check: lines out of order between two probes (a run of older lines whose times
  // overlap the newer ones by less than the time between two order checks) can be lost; what it sees it gives up on.
  it('gives up when a run of older lines follows newer ones where its order checks see it', () => {
    const run = (from: number, count: number) => Array.from({ length: count }, (_, i) => entry(from + i * 1000, `job ${i} done`, 0, false)).flat();
    for (const [name, lines] of [
      // Another host's log appended at the end: the last probe reads it.
      ['appended at the end', [...run(BASE, 2000), ...run(BASE, 50)]],
      // A rotated file put back in the middle: an order check lands in it.
      ['put back in the middle', [...run(BASE + 3_600_000, 1000), ...run(BASE, 1000), ...run(BASE + 7_200_000, 1000)]],
    ] as const) {
      const path = join(dir, 'mixed.log');
      const text = lines.map((l) => `${l.text}\n`).join('');
      writeFileSync(path, text);
      const fd = openSync(path, 'r');
      try {
        const result = windowStart({ fd, size: Buffer.byteLength(text), timeOf }, { since: BASE + 1_000_000, slackMs: SLACK, minBytes: 0, probeBytes: 1024 });
        assert.deepEqual([result.offset, result.whole], [0, 'out of order'], name);
      } finally {
        closeSync(fd);
      }
    }
  });

  // seek27: where a reader starts (readStart): at least linesAbove lines above windowStart's offset (before-context and
  // the lines a continuation looks up for its entry), at the nearest line that opens an entry (not inside a stack), and
  // with its line number counted.
  it('starts a reader linesAbove lines or more above the offset, at the nearest entry\'s first line, with its line number', () => {
    const lines: Line[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(...entry(BASE + i * 1000, `request ${i} served`, i % 7 === 0 ? 5 : 0, false));
    const path = join(dir, 'stacks.log');
    writeFileSync(path, lines.map((l) => `${l.text}\n`).join(''));
    const starts: number[] = [];
    let at = 0;
    for (const l of lines) {
      starts.push(at);
      at += Buffer.byteLength(l.text) + 1;
    }
    const fd = openSync(path, 'r');
    try {
      for (const [k, linesAbove] of [[19_000, 150], [15_003, 7], [12_345, 1], [18_000, 0]] as const) {
        const since = BASE + k * 1000;
        const file = { fd, size: at, timeOf, startsEntry: (l: string) => timeOf(l) !== undefined };
        const { offset } = windowStart(file, { since, slackMs: SLACK, minBytes: 0, probeBytes: 4096 });
        const start = readStart(file, { since, slackMs: SLACK, minBytes: 0, probeBytes: 4096, linesAbove });
        const index = starts.indexOf(start.byte);
        const offsetIndex = starts.indexOf(offset);
        assert.ok(index > 0 && offsetIndex > 0, `${start.byte} / ${offset} is no line's start`);
        assert.equal(start.line, index + 1, 'its line number');
        assert.ok(timeOf(lines[index].text) !== undefined, `line ${index + 1} opens no entry`);
        assert.ok(offsetIndex - index >= Math.max(1, linesAbove), `${offsetIndex - index} lines above the offset, not ${linesAbove}`);
        // The nearest: no line between it and the linesAbove-th line above the offset opens an entry.
        const between = lines.slice(index + 1, offsetIndex - Math.max(1, linesAbove) + 1).filter((l) => timeOf(l.text) !== undefined);
        assert.deepEqual(between, [], `an entry starts nearer the offset than line ${index + 1}`);
      }
    } finally {
      closeSync(fd);
    }
  });

  it('seeks in a large ordered file with a few probes, and reads small or untimed files whole', () => {
    const lines: Line[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(...entry(BASE + i * 1000, `request ${i} served`, i % 50 === 0 ? 3 : 0, false));
    const path = join(dir, 'big.log');
    writeFileSync(path, lines.map((l) => `${l.text}\n`).join(''));
    const fd = openSync(path, 'r');
    try {
      const size = lines.reduce((n, l) => n + Buffer.byteLength(l.text) + 1, 0);
      const since = BASE + 19_000 * 1000;
      const result = windowStart({ fd, size, timeOf }, { since, slackMs: SLACK, minBytes: 0, probeBytes: 4096 });
      assert.equal(result.whole, undefined);
      // Within a slack's worth of lines (60 s = 60 entries) and a probe's bytes before the window.
      const firstInWindow = lines.findIndex((l) => l.time! >= since);
      const before = lines.slice(0, firstInWindow).reduce((n, l) => n + Buffer.byteLength(l.text) + 1, 0);
      assert.ok(result.offset <= before && before - result.offset < 80 * 60 + 4096, `${result.offset} vs ${before}`);
      assert.ok(result.probes < 40, `${result.probes} probes`);
      assert.deepEqual(windowStart({ fd, size, timeOf }, { since, minBytes: size + 1 }), { offset: 0, whole: 'small', probes: 0 });
      assert.equal(windowStart({ fd, size, timeOf: () => undefined }, { since, minBytes: 0, probeBytes: 4096 }).whole, 'a stretch without a time');
    } finally {
      closeSync(fd);
    }
  });

  // rev27b: a clock set back two hours (NTP; DST's fall-back in a local-time log) writes those hours twice over in
  // times. The search can land where the second pass reaches the window, with the first pass's window lines above it,
  // between two order checks: they were not read, and nothing said so. Where the jump lies decides where the search
  // lands; at each of these the window's first line must lie at or after the offset, or the file be read whole.
  it('a clock set back two hours: no window line of the first pass lies above the offset (rev27b)', () => {
    const N = 40_000;
    const span = 48 * 3_600_000;
    const path = join(dir, 'clock-back.log');
    for (const at of [0.3, 0.48, 0.55, 0.74, 0.8]) {
      const jump = Math.floor(N * at);
      const times = Array.from({ length: N }, (_, i) => (i < jump ? BASE + (span * at * i) / (jump - 1) : BASE + span * at - 2 * 3_600_000 + ((span * (1 - at) + 2 * 3_600_000) * (i - jump)) / (N - jump - 1)));
      const texts = times.map((t, i) => `${stamp(Math.round(t))} INFO worker request ${i} served`);
      writeFileSync(path, texts.map((t) => `${t}\n`).join(''));
      const since = BASE + span * at - 45 * 60_000;
      const fd = openSync(path, 'r');
      try {
        const size = texts.reduce((n, t) => n + Buffer.byteLength(t) + 1, 0);
        const result = windowStart({ fd, size, timeOf }, { since, minBytes: 0 });
        const first = times.findIndex((t) => t >= since);
        const before = texts.slice(0, first).reduce((n, t) => n + Buffer.byteLength(t) + 1, 0);
        assert.ok(result.offset <= before, `jump at ${at}: sought to byte ${result.offset}, the window's first line is at ${before} (${result.whole ?? 'sought'})`);
      } finally {
        closeSync(fd);
      }
    }
  });
});
