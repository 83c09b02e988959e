// Lines a container runtime split: CRI partial lines (`<time> <stream> P <part>`, the last part marked `F`) and Docker
// json-file records whose `log` does not end with a newline (the next record of the stream goes on). The parts of one
// stream are ONE message; lines of the other stream may come between them. Joining happens on the stream of a file's
// lines, in file order, before anything parses or searches them, so every reader sees the same entries.
import { criPrefix, parseJsonRecord } from './envelopes';
import type { LineParser } from './types';

/** Lines held while a partial run is open; a longer run is given out as joined so far (bounded memory). */
export const MAX_HELD_LINES = 10_000;
/** Characters held in open runs, likewise. */
export const MAX_HELD_CHARS = 8 * 1024 * 1024;

/** The layouts whose lines a runtime splits into parts. */
export type SplitKind = 'cri' | 'docker-json';

/** Which kind of split lines the file's layout may hold (its detected layout is CRI or Docker json-file), if any. */
export function partialKind(parser: LineParser): SplitKind | undefined {
  const id = parser.format.id;
  return id === 'cri' || id === 'docker-json' ? id : undefined;
}

/** The file's lines may hold split lines to join (partialKind). */
export function joinsPartials(parser: LineParser): boolean {
  return partialKind(parser) !== undefined;
}

interface Run {
  /** Absolute index (counted from the first line pushed) of the slot that gets the joined message. */
  slot: number;
  /** Writes the whole line back from the first part's (its time): the joined text, and whether the run was cut. */
  rebuild: (joined: string, cut: boolean) => string;
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

  constructor(protected readonly kind: SplitKind = 'cri') {}

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
    this.held[run.slot - this.base] = run.line ?? run.rebuild(joined, run.cut);
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

/** One line as a part of a split line: its stream, whether more parts follow, its text, and how to write the whole. */
interface Piece {
  stream: string;
  partial: boolean;
  part: string;
  rebuild: Run['rebuild'];
}

function criPiece(text: string): Piece | undefined {
  const prefix = criPrefix(text);
  if (!prefix) return undefined;
  const head = text.slice(0, prefix.length).replace(/[PF] ?$/, '');
  return { stream: prefix.stream, partial: prefix.partial, part: text.slice(prefix.length), rebuild: (joined, cut) => `${head}${cut ? 'P' : 'F'} ${joined}` };
}

/** The fields of a Docker json-file record (`attrs` with the labels asked for): no other writer's records are parts. */
const DOCKER_FIELDS = new Set(['log', 'stream', 'time', 'attrs']);

/**
 * Docker json-file: a `log` without its closing newline is continued by the stream's next record. Only the driver's
 * own records (DOCKER_FIELDS, with a time) count: shippers such as Fluent Bit write `log` and `stream` with the
 * newline already taken off, and each of their records is a whole line.
 */
function dockerPiece(text: string): Piece | undefined {
  const record = text.charCodeAt(0) === 123 /* { */ ? parseJsonRecord(text) : undefined;
  if (!record || typeof record.log !== 'string' || typeof record.stream !== 'string' || typeof record.time !== 'string') return undefined;
  if (!Object.keys(record).every((key) => DOCKER_FIELDS.has(key))) return undefined;
  const partial = !record.log.endsWith('\n');
  const part = partial ? record.log : record.log.slice(0, -1);
  return { stream: record.stream, partial, part, rebuild: (joined, cut) => JSON.stringify({ ...record, log: cut ? joined : `${joined}\n` }) };
}

function pieceOf(kind: SplitKind, line: string): Piece | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  return kind === 'cri' ? criPiece(text) : dockerPiece(text);
}

/**
 * Joins split lines read in file order. Lines come out in the same order and number: the first part's line becomes
 * the whole message (CRI `<its time> <stream> F <part><part>…`; Docker its record with the joined `log`), the other
 * parts become PART_SLOT, so line numbers stay the file's. A run the file ends inside (or one past the holding
 * bounds) is given out joined as far as it goes (CRI: its `P` kept). Other lines pass unchanged.
 */
export class PartialJoiner extends HeldLines {
  push(line: string): string[] {
    const piece = pieceOf(this.kind, line);
    const run = piece && this.open.get(piece.stream);
    if (!piece || (!piece.partial && !run)) this.hold(line);
    else if (run) {
      run.parts.push(piece.part);
      this.hold(PART_SLOT, piece.part.length);
      if (!piece.partial) {
        run.cut = false;
        this.close(piece.stream);
      }
    } else {
      const slot = this.hold(undefined, piece.part.length);
      this.open.set(piece.stream, { slot, rebuild: piece.rebuild, parts: [piece.part], cut: true });
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
    const piece = pieceOf(this.kind, line);
    if (!piece) {
      this.hold(line);
      return this.drain();
    }
    const run = this.open.get(piece.stream);
    if (run && piece.partial) {
      // An earlier part: the slot read before it becomes a part's, this one may be the first.
      this.held[run.slot - this.base] = PART_SLOT;
      run.slot = this.hold(undefined, piece.part.length);
      run.rebuild = piece.rebuild;
      run.parts.unshift(piece.part);
      run.line = undefined;
      return this.drain();
    }
    if (run) this.close(piece.stream);
    const slot = this.hold(undefined, piece.part.length);
    this.open.set(piece.stream, { slot, rebuild: piece.rebuild, parts: [piece.part], cut: piece.partial, line: piece.partial ? undefined : line });
    return this.drain();
  }
}

/** What a part after the first becomes: an empty line (line numbers stay the file's; readers skip it). */
export const PART_SLOT = '';

/** A whole list of lines (a sample) as readers see it: split lines joined when `parser`'s layout has them, no PART_SLOT. */
export function joinedLines(parser: LineParser, lines: string[]): string[] {
  const kind = partialKind(parser);
  if (!kind) return lines;
  const joiner = new PartialJoiner(kind);
  return [...lines.flatMap((line) => joiner.push(line)), ...joiner.end()].filter((line) => line !== PART_SLOT);
}

/**
 * Wraps a newest-first line callback (io/tail readLinesBackwards' onLine: false stops) so that it receives CRI
 * partial lines joined, when `parser`'s layout has them (joinsPartials), and no PART_SLOT. Call `end()` after the
 * read: the lines still held (the oldest read) are handed over unless the callback stopped the read.
 */
export function joinedBackwards(parser: LineParser, onLine: (line: string) => boolean): { onLine: (line: string) => boolean; end: () => void } {
  const kind = partialKind(parser);
  if (!kind) return { onLine, end: () => {} };
  const joiner = new ReversePartialJoiner(kind);
  let stopped = false;
  const give = (lines: string[]): boolean => {
    for (const line of lines) if (line !== PART_SLOT && !onLine(line)) return !(stopped = true);
    return true;
  };
  return { onLine: (line) => give(joiner.push(line)), end: () => void (stopped || give(joiner.end())) };
}
