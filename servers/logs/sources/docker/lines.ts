// Docker log messages into log lines. With timestamps=1 every message starts with its RFC 3339 time
// ("2024-05-01T13:00:00.123456789Z ") and a complete line ends with "\n". Docker splits a line longer than 16 KiB
// into several messages, each with its own time prefix and only the last with the "\n"; the pieces are joined back
// here into one line with the first piece's time. Multiplexed streams mark where each message starts (frames);
// a TTY's raw stream does not, so there a continuation is found as the line's own time prefix repeated (Docker
// stamps every piece of a split line with the time of its first piece; a line's text containing its own
// nanosecond time is not a real risk).
// Lines longer than this (bytes) are cut there, as for files, with a note of how much was left out.
import { parseTimestamp } from '../../format/timestamps';
import { MAX_LINE_BYTES } from '../../io/chunks';

/** One assembled line of one stream. */
export interface DockerLine {
  stream: 'stdout' | 'stderr';
  /** Epoch ms from the line's time prefix; undefined when the line had none. */
  time?: number;
  /** The line without its time prefix, continuation prefixes, "\n" and a trailing "\r" (TTYs write "\r\n"). */
  text: string;
}

const TIME_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;
/** Longest time prefix: "2024-05-01T13:00:00.123456789+09:00 ". */
const MAX_PREFIX_BYTES = 36;
const NEWLINE = 0x0a;

/** The lines of one stream (stdout or stderr) as its pieces arrive. */
class StreamLines {
  private parts: Buffer[] = [];
  private kept = 0;
  private dropped = 0;
  /** Offsets in the kept bytes where a continuation message starts (its time prefix is removed there). */
  private continuations: number[] = [];

  constructor(
    private readonly stream: 'stdout' | 'stderr',
    private readonly tty: boolean,
  ) {}

  /** Daemon messages seen so far (frames; for a TTY, line starts and repeated prefixes): the unit of the API's tail. */
  messages = 0;

  /** Adds one piece; returns the lines it completed. */
  push(bytes: Buffer, messageStart: boolean): DockerLine[] {
    const lines: DockerLine[] = [];
    if (messageStart) this.messages++;
    if (messageStart && this.kept + this.dropped > 0 && this.kept < MAX_LINE_BYTES) this.continuations.push(this.kept);
    let start = 0;
    for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, start)) {
      this.keep(bytes.subarray(start, nl));
      lines.push(this.finish());
      start = nl + 1;
    }
    if (start < bytes.length) this.keep(bytes.subarray(start));
    return lines;
  }

  /** The partial last line, if any (the log ended without "\n"). */
  flush(): DockerLine | undefined {
    return this.kept + this.dropped > 0 ? this.finish() : undefined;
  }

  private keep(bytes: Buffer): void {
    const room = MAX_LINE_BYTES - this.kept;
    if (bytes.length > room) {
      this.dropped += bytes.length - Math.max(room, 0);
      bytes = bytes.subarray(0, Math.max(room, 0));
    }
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.kept += bytes.length;
  }

  private finish(): DockerLine {
    const bytes = Buffer.concat(this.parts, this.kept);
    const { dropped, continuations } = this;
    this.parts = [];
    this.kept = 0;
    this.dropped = 0;
    this.continuations = [];
    const { time, text, ttyMessages } = splitLine(bytes, continuations, dropped, this.tty);
    this.messages += ttyMessages;
    return { stream: this.stream, time, text };
  }
}

/** Time and text of one raw line: its own prefix read, continuation prefixes removed, the cut (if any) noted. */
function splitLine(bytes: Buffer, continuations: number[], dropped: number, tty: boolean): { time?: number; text: string; ttyMessages: number } {
  const head = TIME_PREFIX.exec(bytes.subarray(0, MAX_PREFIX_BYTES).toString('latin1'));
  const prefix = head ? head[0] : '';
  const pieces: Buffer[] = [];
  let from = prefix.length;
  for (const at of continuations) {
    const next = TIME_PREFIX.exec(bytes.subarray(at, at + MAX_PREFIX_BYTES).toString('latin1'));
    if (!next || at < from) continue;
    pieces.push(bytes.subarray(from, at));
    from = at + next[0].length;
  }
  pieces.push(bytes.subarray(from));
  let text = Buffer.concat(pieces).toString('utf8');
  // A TTY gives no message boundaries: a repeat of this line's own prefix marks a continuation (see the top).
  let ttyMessages = tty ? 1 : 0;
  if (tty && prefix !== '' && text.includes(prefix)) {
    const parts = text.split(prefix);
    ttyMessages = parts.length;
    text = parts.join('');
  }
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (dropped > 0) text += ` … [${dropped} more bytes of this line not kept]`;
  return { time: head ? parseTimestamp(head[1]) : undefined, text, ttyMessages };
}

/**
 * Turns pieces of a Docker log stream (frames.ts) into lines, per stream, in the order they complete. Memory: one
 * partial line per stream, at most MAX_LINE_BYTES each.
 */
export class DockerLineAssembler {
  private readonly streams: Record<'stdout' | 'stderr', StreamLines>;

  /** `tty`: the stream is a TTY's raw bytes (no message boundaries; see the top). */
  constructor(tty: boolean) {
    this.streams = { stdout: new StreamLines('stdout', tty), stderr: new StreamLines('stderr', tty) };
  }

  push(piece: { stream: 'stdout' | 'stderr'; bytes: Buffer; messageStart: boolean }): DockerLine[] {
    return this.streams[piece.stream].push(piece.bytes, piece.messageStart);
  }

  /** Daemon messages seen so far, both streams (the API's `tail` counts these, not lines). */
  get messages(): number {
    return this.streams.stdout.messages + this.streams.stderr.messages;
  }

  /** The partial last lines (stdout first), at the end of the log. */
  flush(): DockerLine[] {
    return [this.streams.stdout.flush(), this.streams.stderr.flush()].filter((line): line is DockerLine => line !== undefined);
  }
}
