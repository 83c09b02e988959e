// MCP's stdio transport: one JSON-RPC message per line on stdin and stdout. Written here rather than taken from the SDK
// because the SDK's StdioServerTransport drops a line it cannot read without a word (no response, nothing on stderr), so
// a client that sent a malformed request waits for an answer that never comes, and it closes the whole connection on a
// line over 10 MiB (the server then exits 0 with no message). JSON-RPC 2.0 (section 5.1) has answers for both: -32700
// for text that is not JSON, -32600 for JSON that is not a valid request, with the request's id when it can be read
// and null otherwise. Every line the server cannot take gets one of those and a line on stderr; nothing else changes.
// It also knows when the conversation is over: the client closed stdin (end of input) and every request it sent has
// been answered or cancelled. A client may write its requests and close stdin at once (a script, `cmd | server`, the
// stdio shutdown the specification gives: close the input, then wait for the server to exit), and those calls are
// answered before the server exits (`drained`); a client that cannot wait sends SIGTERM, which stops at once. The wait
// has a ceiling (DRAIN_LIMIT_MS): a server whose client died without a signal (its stdin closed by the OS) must not
// live on behind a call that never ends; what is still running then is named on stderr.
import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { log } from './log';

/** Longest line read as a message (bytes, without the newline); the SDK's limit. Longer lines are answered -32600 and skipped. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** Longest wait (ms) after the end of input for the calls still running; `drained` then resolves without them. */
export const DRAIN_LIMIT_MS = 30_000;

/** Where the transport reads and writes; the process's stdin and stdout unless a test gives its own. */
export interface LineTransportOptions {
  input?: Readable;
  output?: Writable;
  /** Longest message in bytes (default MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
  /** Longest wait in ms after the end of input for calls still running (default DRAIN_LIMIT_MS). */
  drainLimitMs?: number;
}

/**
 * Newline-delimited JSON-RPC over two streams. Reads UTF-8 lines (a trailing \r and a leading byte-order mark are
 * dropped, blank lines ignored); each valid message goes to `onmessage`, each line that is not one is answered with a
 * JSON-RPC error (see the file comment) and logged on stderr. Closing stops reading; it does not end the streams.
 */
export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /**
   * Resolves once the input has ended and every request read has had its response written (or was cancelled by the
   * client, which gets no response), or once the output cannot be written any more: then nothing is left to do.
   */
  readonly drained: Promise<void>;

  private readonly input: Readable;
  private readonly output: Writable;
  private readonly maxBytes: number;
  private parts: Buffer[] = [];
  private bytes = 0;
  /** The current line passed maxBytes: the rest of it is skipped, then answered. */
  private oversize = false;
  private closed = false;
  /** Requests read and not yet answered nor cancelled, by id (a second request under an id in flight is refused). */
  private readonly unanswered = new Set<string | number>();
  private inputEnded = false;
  /** Messages handed to the output and not yet written. */
  private writing = 0;
  private outputBroken = false;
  private resolveDrained!: () => void;
  private readonly drainLimitMs: number;
  private drainTimer: NodeJS.Timeout | undefined;

  constructor(options: LineTransportOptions = {}) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.maxBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.drainLimitMs = options.drainLimitMs ?? DRAIN_LIMIT_MS;
    this.drained = new Promise((resolve) => (this.resolveDrained = resolve));
  }

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
    this.input.on('end', this.onInputEnd);
    this.input.on('close', this.onInputEnd);
    this.output.on('error', this.onOutputError);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    // A response ends its request (even if it cannot be written: nothing more will be tried for it), and its id may be
    // used again as soon as the client can read the answer; the exit waits for the write itself (`writing`).
    if (!('method' in message) && 'id' in message && message.id !== undefined) this.unanswered.delete(message.id);
    this.writing++;
    try {
      await this.write(message);
    } finally {
      this.writing--;
      this.checkDrained();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.input.off('end', this.onInputEnd);
    this.input.off('close', this.onInputEnd);
    this.output.off('error', this.onOutputError);
    this.parts = [];
    this.onclose?.();
  }

  private readonly onInputError = (error: Error): void => {
    this.onerror?.(error);
  };

  /** End of input: a last line without its newline is still a message; then wait for the answers still owed. */
  private readonly onInputEnd = (): void => {
    if (this.inputEnded) return;
    if (this.bytes > 0 || this.oversize) this.endLine();
    this.inputEnded = true;
    this.checkDrained();
    if (this.unanswered.size > 0 && !this.drainTimer) {
      this.drainTimer = setTimeout(() => {
        log(`input ended ${this.drainLimitMs} ms ago; ${this.unanswered.size} call(s) still running are not answered (ids ${[...this.unanswered].join(', ')})`);
        this.resolveDrained();
      }, this.drainLimitMs);
    }
  };

  /** The client stopped reading (EPIPE, a closed pipe): no answer can reach it any more. */
  private readonly onOutputError = (error: Error): void => {
    this.outputBroken = true;
    this.onerror?.(error);
    this.checkDrained();
  };

  private settle(id: string | number): void {
    if (this.unanswered.delete(id)) this.checkDrained();
  }

  private checkDrained(): void {
    if (this.inputEnded && ((this.unanswered.size === 0 && this.writing === 0) || this.outputBroken)) {
      clearTimeout(this.drainTimer);
      this.resolveDrained();
    }
  }

  /** Notes what `message` (just read) asks of the server: a request awaits its answer; a cancellation ends that wait. */
  private track(message: JSONRPCMessage): void {
    if (!('method' in message)) return;
    if ('id' in message) {
      this.unanswered.add(message.id);
    } else if (message.method === 'notifications/cancelled') {
      // The specification says a cancelled request gets no response: it is no longer owed one.
      const id = (message.params as { requestId?: unknown } | undefined)?.requestId;
      if (typeof id === 'string' || typeof id === 'number') this.settle(id);
    }
  }

  private readonly onData = (chunk: Buffer | string): void => {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (;;) {
      const newline = data.indexOf(0x0a, start);
      if (newline === -1) {
        this.keep(data.subarray(start));
        return;
      }
      this.keep(data.subarray(start, newline));
      this.endLine();
      start = newline + 1;
    }
  };

  private keep(part: Buffer): void {
    if (this.oversize || part.length === 0) return;
    if (this.bytes + part.length > this.maxBytes) {
      this.oversize = true;
      this.parts = [];
      this.bytes = 0;
      return;
    }
    this.parts.push(part);
    this.bytes += part.length;
  }

  private endLine(): void {
    if (this.oversize) {
      this.oversize = false;
      this.refuse(null, ErrorCode.InvalidRequest, `message longer than ${this.maxBytes} bytes: not read`);
      return;
    }
    const line = Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.bytes = 0;
    // A byte-order mark is not JSON (RFC 8259 section 8.1) but some writers add one; \r comes from CRLF line ends.
    const text = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (text.trim() !== '') this.read(text);
  }

  private read(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.refuse(null, ErrorCode.ParseError, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (Array.isArray(value)) {
      // MCP 2025-03-26 allowed JSON-RPC batches; 2025-06-18 removed them, and the SDK under these servers reads none.
      this.refuse(null, ErrorCode.InvalidRequest, 'JSON-RPC batches (arrays) are not accepted: send each message on its own line');
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (parsed.success) {
      const message = parsed.data;
      if ('method' in message && 'id' in message && this.unanswered.has(message.id)) {
        // MCP: a request id MUST NOT have been used before in the session. Two requests in flight under one id would get
        // two answers the client cannot tell apart, and a cancellation would reach only one of them (the SDK keeps one
        // per id). The second is refused with id null: an answer carrying the id would read as the first one's.
        this.refuse(null, ErrorCode.InvalidRequest, `id ${JSON.stringify(message.id)} is already used by a request still being answered: give each request its own id`);
        return;
      }
      this.track(message);
      this.onmessage?.(message);
      return;
    }
    this.refuse(readableId(value), ErrorCode.InvalidRequest, `not a valid JSON-RPC 2.0 message: ${whyInvalid(value) ?? 'its fields do not make a request, a notification or a response'}`);
  }

  /** Answers a line that could not be taken, and says so on stderr (the client may not show errors). */
  private refuse(id: string | number | null, code: number, message: string): void {
    log(`refused a message${id === null ? '' : ` (id ${JSON.stringify(id)})`}: ${message}`);
    void this.write({ jsonrpc: '2.0', id, error: { code, message } }).catch((error: unknown) => this.onerror?.(error instanceof Error ? error : new Error(String(error))));
  }

  /** Resolves once the line has been handed to the system (the write's callback), so that an exit after it loses nothing. */
  private write(message: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.output.write(`${JSON.stringify(message)}\n`, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }
}

/** The id of a message that failed validation, when it is one JSON-RPC allows (a string or a number); null otherwise. */
function readableId(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = (value as { id: unknown }).id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

/**
 * The first rule of JSON-RPC 2.0 (with MCP's: params is an object, an id is a string or an integer) that `value`
 * breaks, in words a client's author can act on; undefined when none of these checks finds it.
 */
function whyInvalid(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a message is a JSON object';
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== '2.0') return '"jsonrpc" must be "2.0"';
  if ('id' in message && !(typeof message.id === 'string' || Number.isInteger(message.id))) return '"id" must be a string or an integer';
  if ('method' in message) {
    if (typeof message.method !== 'string') return '"method" must be a string';
    if ('params' in message && (typeof message.params !== 'object' || message.params === null || Array.isArray(message.params))) return '"params" must be an object';
    return undefined;
  }
  if (!('id' in message)) return 'a request needs "method" and "id", a notification "method", a response "id"';
  if (!('result' in message) && !('error' in message)) return 'a response needs "result" or "error"';
  return undefined;
}
