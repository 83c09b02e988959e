// CRI partial lines (`<time> <stream> P <part>`): a container runtime splits a long line into parts, each with its own
// prefix, the last one marked `F`. The parts of one stream are ONE message; lines of the other stream may come between
// them. Joining happens on the stream of a file's lines, in file order, before anything parses or searches them, so
// every reader sees the same entries.
import { criPrefix } from './envelopes';
import type { LineParser } from './types';

/** Lines held while a partial run is open; a longer run is given out as joined so far (bounded memory). */
export const MAX_HELD_LINES = 10_000;
/** Characters held in open runs, likewise. */
export const MAX_HELD_CHARS = 8 * 1024 * 1024;

/** The file's lines may hold CRI partial lines to join: its layout is the CRI prefix. */
export function joinsPartials(parser: LineParser): boolean {
  return parser.format.id === 'cri';
}

interface Run {
  /** Absolute index (counted from the first line pushed) of the slot that gets the joined message. */
  slot: number;
  /** The first part's prefix, up to its flag (`<time> <stream> `). */
  head: string;
  parts: string[];
  /** The run's last part is a `P`: the file ends (or, read backwards, starts being read) inside the run. */
  cut: boolean;
  /** Read backwards: the line as written, for an `F` line that turns out to be no run's end. */
  line?: string;
}

/** Lines held in file (or reverse) order until the runs among them are joined; bounded by MAX_HELD_*. */
abstract class HeldLines {
  protected readonly held: (string | undefined)[] = [];
  /** Absolute index of held[0]. */
  protected base = 0;
  protected readonly open = new Map<string, Run>();
  protected heldChars = 0;

  /** Takes the next line; returns the lines now final, in the order they were pushed. */
  abstract push(line: string): string[];

  /** No more lines: open runs are given out as far as they go; returns the remaining lines. */
  end(): string[] {
    for (const stream of [...this.open.keys()]) this.close(stream);
    return this.drain();
  }

  protected hold(text: string | undefined, chars = 0): number {
    this.heldChars += chars;
    return this.base + this.held.push(text) - 1;
  }

  protected close(stream: string): void {
    const run = this.open.get(stream)!;
    this.open.delete(stream);
    const joined = run.parts.join('');
    this.heldChars -= joined.length;
    this.held[run.slot - this.base] = run.line ?? `${run.head}${run.cut ? 'P' : 'F'} ${joined}`;
  }

  /** Gives out the held lines up to the first open run's slot (after closing the oldest run past the bounds). */
  protected drain(): string[] {
    if (this.held.length > MAX_HELD_LINES || this.heldChars > MAX_HELD_CHARS) {
      let oldest: [string, Run] | undefined;
      for (const entry of this.open) if (!oldest || entry[1].slot < oldest[1].slot) oldest = entry;
      if (oldest) this.close(oldest[0]);
    }
    let ready = 0;
    while (ready < this.held.length && this.held[ready] !== undefined) ready++;
    if (ready === 0) return [];
    this.base += ready;
    return this.held.splice(0, ready) as string[];
  }
}

function split(line: string): { text: string; stream: string; partial: boolean; head: string; part: string } | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const prefix = criPrefix(text);
  if (!prefix) return undefined;
  const head = text.slice(0, prefix.length).replace(/[PF] ?$/, '');
  return { text, stream: prefix.stream, partial: prefix.partial, head, part: text.slice(prefix.length) };
}

/**
 * Joins CRI partial lines read in file order. Lines come out in the same order and number: the first part's line
 * becomes the whole message (`<its time> <stream> F <part><part>…`), the other parts become PART_SLOT, so line numbers
 * stay the file's. A run the file ends inside (or one past the holding bounds) is given out joined as far as it goes,
 * its `P` kept. Lines without a CRI prefix pass unchanged.
 */
export class PartialJoiner extends HeldLines {
  push(line: string): string[] {
    const cri = split(line);
    const run = cri && this.open.get(cri.stream);
    if (!cri || (!cri.partial && !run)) this.hold(line);
    else if (run) {
      run.parts.push(cri.part);
      this.hold(PART_SLOT, cri.part.length);
      if (!cri.partial) {
        run.cut = false;
        this.close(cri.stream);
      }
    } else {
      const slot = this.hold(undefined, cri.part.length);
      this.open.set(cri.stream, { slot, head: cri.head, parts: [cri.part], cut: true });
    }
    return this.drain();
  }
}

/**
 * The same joining for lines read backwards (newest first, as recent_logs reads): they come out newest first, the
 * later parts as PART_SLOT and the first part (read last) as the whole message. An `F` line is held until the line
 * of its stream above it says whether it ends a run.
 */
export class ReversePartialJoiner extends HeldLines {
  push(line: string): string[] {
    const cri = split(line);
    if (!cri) {
      this.hold(line);
      return this.drain();
    }
    const run = this.open.get(cri.stream);
    if (run && cri.partial) {
      // An earlier part: the slot read before it becomes a part's, this one may be the first.
      this.held[run.slot - this.base] = PART_SLOT;
      run.slot = this.hold(undefined, cri.part.length);
      run.head = cri.head;
      run.parts.unshift(cri.part);
      run.line = undefined;
      return this.drain();
    }
    if (run) this.close(cri.stream);
    const slot = this.hold(undefined, cri.part.length);
    this.open.set(cri.stream, { slot, head: cri.head, parts: [cri.part], cut: cri.partial, line: cri.partial ? undefined : line });
    return this.drain();
  }
}

/** What a part after the first becomes: an empty line (line numbers stay the file's; readers skip it). */
export const PART_SLOT = '';

/**
 * Wraps a newest-first line callback (io/tail readLinesBackwards' onLine: false stops) so that it receives CRI
 * partial lines joined, when `parser`'s layout has them (joinsPartials), and no PART_SLOT. Call `end()` after the
 * read: the lines still held (the oldest read) are handed over unless the callback stopped the read.
 */
export function joinedBackwards(parser: LineParser, onLine: (line: string) => boolean): { onLine: (line: string) => boolean; end: () => void } {
  if (!joinsPartials(parser)) return { onLine, end: () => {} };
  const joiner = new ReversePartialJoiner();
  let stopped = false;
  const give = (lines: string[]): boolean => {
    for (const line of lines) if (line !== PART_SLOT && !onLine(line)) return !(stopped = true);
    return true;
  };
  return { onLine: (line) => give(joiner.push(line)), end: () => void (stopped || give(joiner.end())) };
}
