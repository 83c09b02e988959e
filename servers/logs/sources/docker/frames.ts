// The Engine API's log stream, as pieces tagged with their stream. Without a TTY the stream is multiplexed: each
// frame is an 8-byte header (byte 0: 0 stdin, 1 stdout, 2 stderr; bytes 4-7: payload length, big-endian) and its
// payload, and the daemon writes one log message per frame. With a TTY it is the raw bytes, all of them stdout.
// Decoded here by hand rather than with docker-modem's demuxStream because that one pushes into two writables
// without back-pressure (a slow reader would buffer the whole log), loses the frame boundaries that mark where a
// split long line continues, and guesses "TTY" from a bad header instead of knowing it.

/** A piece of the log stream. */
export interface LogPiece {
  stream: 'stdout' | 'stderr';
  bytes: Buffer;
  /** The piece begins one daemon message (a frame); always false for a TTY's raw bytes, whose boundaries are unknown. */
  messageStart: boolean;
}

const HEADER_BYTES = 8;
/** A frame's payload is passed on in pieces of at most this many bytes, so one huge frame is never held whole. */
export const MAX_PIECE_BYTES = 1024 * 1024;

const STREAMS: Record<number, 'stdout' | 'stderr' | undefined> = { 1: 'stdout', 2: 'stderr' };

/**
 * Decodes `raw` (the HTTP body of GET /containers/{id}/logs) into pieces, oldest first, pulling from `raw` only as
 * the consumer pulls (back-pressure). `tty`: the container was created with a TTY (Config.Tty), so the body is not
 * multiplexed. Throws an Error when a multiplexed body holds a header with an unknown stream byte.
 */
export async function* logPieces(raw: AsyncIterable<Buffer>, tty: boolean): AsyncGenerator<LogPiece> {
  if (tty) {
    for await (const chunk of raw) yield { stream: 'stdout', bytes: chunk, messageStart: false };
    return;
  }
  let pending: Buffer = Buffer.alloc(0);
  /** Payload bytes of the current frame still to come; 0 = a header is next. */
  let remaining = 0;
  let stream: 'stdout' | 'stderr' | undefined;
  let atFrameStart = false;
  for await (const chunk of raw) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (remaining === 0) {
        if (pending.length < HEADER_BYTES) break;
        const type = pending[0];
        if (type !== 0 && STREAMS[type] === undefined) {
          throw new Error(`the Docker log stream is not multiplexed as expected (frame header byte ${type})`);
        }
        stream = STREAMS[type];
        remaining = pending.readUInt32BE(4);
        atFrameStart = true;
        pending = pending.subarray(HEADER_BYTES);
        if (remaining === 0) continue;
      }
      // Wait for the whole frame when it is small (the usual case), so a message reaches the line assembler in one piece.
      const want = Math.min(remaining, MAX_PIECE_BYTES);
      if (pending.length < want) break;
      const bytes = pending.subarray(0, want);
      pending = pending.subarray(want);
      remaining -= want;
      // stdin frames (type 0) never carry logs; they are skipped.
      if (stream !== undefined) yield { stream, bytes, messageStart: atFrameStart };
      atFrameStart = false;
    }
  }
  // A body cut short inside a frame: what did arrive is still log text, so it is passed on rather than dropped.
  if (remaining > 0 && pending.length > 0 && stream !== undefined) yield { stream, bytes: pending, messageStart: atFrameStart };
}
