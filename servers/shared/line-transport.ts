// MCP's stdio transport: one JSON-RPC message per line on stdin and stdout. Written here rather than taken from the SDK
// because the SDK's StdioServerTransport drops a line it cannot read without a word (no response, nothing on stderr), so
// a client that sent a malformed request waits for an answer that never comes, and it closes the whole connection on a
// line over 10 MiB (the server then exits 0 with no message). JSON-RPC 2.0 (section 5.1) has answers for both: -32700
// for text that is not JSON, -32600 for JSON that is not a valid request, with the request's id when it can be read
// and null otherwise. Every line the server cannot take gets one of those and a line on stderr; nothing else changes.
import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { log } from './log';

/** Longest line read as a message (bytes, without the newline); the SDK's limit. Longer lines are answered -32600 and skipped. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Where the transport reads and writes; the process's stdin and stdout unless a test gives its own. */
export interface LineTransportOptions {
  input?: Readable;
  output?: Writable;
  /** Longest message in bytes (default MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
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

  private readonly input: Readable;
  private readonly output: Writable;
  private readonly maxBytes: number;
  private parts: Buffer[] = [];
  private bytes = 0;
  /** The current line passed maxBytes: the rest of it is skipped, then answered. */
  private oversize = false;
  private closed = false;

  constructor(options: LineTransportOptions = {}) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.maxBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  }

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.write(message);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.parts = [];
    this.onclose?.();
  }

  private readonly onInputError = (error: Error): void => {
    this.onerror?.(error);
  };

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
      this.onmessage?.(parsed.data);
      return;
    }
    this.refuse(readableId(value), ErrorCode.InvalidRequest, `not a valid JSON-RPC 2.0 message: ${whyInvalid(value) ?? 'its fields do not make a request, a notification or a response'}`);
  }

  /** Answers a line that could not be taken, and says so on stderr (the client may not show errors). */
  private refuse(id: string | number | null, code: number, message: string): void {
    log(`refused a message${id === null ? '' : ` (id ${JSON.stringify(id)})`}: ${message}`);
    void this.write({ jsonrpc: '2.0', id, error: { code, message } }).catch((error: unknown) => this.onerror?.(error instanceof Error ? error : new Error(String(error))));
  }

  private write(message: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      const ok = this.output.write(`${JSON.stringify(message)}\n`, (error) => {
        if (error) reject(error);
      });
      if (ok) resolve();
      else this.output.once('drain', resolve);
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
