// A stand-in for the Anthropic Messages API: a real HTTP server on 127.0.0.1 that plays
// scripted turns as JSON or as an SSE stream, fails on demand, and records every request.
// The agent is tested through the real @anthropic-ai/sdk against it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type MockBlock =
  | { type: 'text'; text: string }
  /**
   * `inputJson`: the input_json_delta text streamed instead of `input` serialised (e.g. JSON cut off
   * before its end, as a proxy that ends a reply mid-arguments sends); streaming only.
   */
  | { type: 'tool_use'; id?: string; name: string; input: unknown; inputJson?: string };

export interface MockUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

export interface MockTurn {
  /** Shorthand for one text block. */
  text?: string;
  content?: MockBlock[];
  /** Default: "tool_use" when the content has a tool_use block, else "end_turn". */
  stopReason?: string | null;
  stopSequence?: string;
  usage?: Partial<MockUsage>;
  model?: string;
  /** Wait before answering at all (headers included). */
  firstByteDelayMs?: number;
  /** Wait before each SSE event (a slow stream). */
  eventDelayMs?: number;
  /** Characters per text/input_json delta (default 12). */
  chunkSize?: number;
  /** Answer with this HTTP error instead of a message. */
  status?: number;
  errorType?: string;
  errorMessage?: string;
  /** Sent as retry-after-ms so the SDK's retries stay quick in tests. */
  retryAfterMs?: number;
  /** Destroy the connection after this many SSE events. */
  dropAfterEvents?: number;
  /** Send an SSE `error` event (e.g. overloaded_error) after this many events. */
  streamErrorAfterEvents?: number;
  streamErrorType?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  at: number;
  /** True when the client went away before the reply was complete (e.g. an aborted stream). */
  closedByClient: boolean;
  /** True when the mock cut the connection on purpose (dropAfterEvents). */
  droppedByMock?: boolean;
}

export interface MockAnthropic {
  /** Base URL for the SDK (`baseURL`). */
  url: string;
  enqueue(...turns: MockTurn[]): void;
  readonly requests: RecordedRequest[];
  /** Requests to POST /v1/messages only. */
  messageRequests(): RecordedRequest[];
  /** Scripted turns not yet played. */
  pending(): number;
  /** Replies still in progress (a stream closed by the client counts as finished). */
  openConnections(): number;
  reset(): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

let idCounter = 0;
const nextId = (prefix: string) => `${prefix}_mock${(++idCounter).toString().padStart(6, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startMockAnthropic(options: { port?: number; turns?: MockTurn[] } = {}): Promise<MockAnthropic> {
  const queue: MockTurn[] = [...(options.turns ?? [])];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let active = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: `mock failure: ${(error as Error).message}` } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/__mock/')) return control(path, body, res);
    const record: RecordedRequest = { method: req.method ?? '', path, headers: flatHeaders(req), body, at: Date.now(), closedByClient: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished && !record.droppedByMock) record.closedByClient = true;
    });
    if (req.method !== 'POST' || path !== '/v1/messages') return sendError(res, 404, 'not_found_error', `mock: no route ${req.method} ${path}`);
    if (!record.headers['anthropic-version']) return sendError(res, 400, 'invalid_request_error', 'anthropic-version header is required');
    const turn = queue.shift();
    if (!turn) return sendError(res, 400, 'invalid_request_error', 'mock: no scripted turn left', { 'x-should-retry': 'false' });
    active++;
    res.once('close', () => active--);
    if (turn.firstByteDelayMs) await sleep(turn.firstByteDelayMs);
    if (turn.status) {
      const extra: Record<string, string> = {};
      if (turn.retryAfterMs !== undefined) extra['retry-after-ms'] = String(turn.retryAfterMs);
      return sendError(res, turn.status, turn.errorType ?? ERROR_TYPES[turn.status] ?? 'api_error', turn.errorMessage ?? `mock error ${turn.status}`, extra);
    }
    const message = buildMessage(turn, body);
    const wantsStream = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
    if (!wantsStream) {
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': nextId('req') });
      res.end(JSON.stringify(message.final));
      return;
    }
    await stream(res, turn, message, () => {
      record.droppedByMock = true;
    });
  }

  function control(path: string, body: unknown, res: ServerResponse): void {
    if (path === '/__mock/enqueue' && Array.isArray(body)) {
      queue.push(...(body as MockTurn[]));
      return json(res, { pending: queue.length });
    }
    if (path === '/__mock/requests') return json(res, requests);
    if (path === '/__mock/reset') {
      queue.length = 0;
      requests.length = 0;
      return json(res, { ok: true });
    }
    return json(res, { error: 'unknown control path' }, 404);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    enqueue: (...turns) => void queue.push(...turns),
    requests,
    messageRequests: () => requests.filter((r) => r.path === '/v1/messages'),
    pending: () => queue.length,
    openConnections: () => active,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface BuiltMessage {
  final: Record<string, unknown>;
  blocks: Array<{ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown; inputJson?: string }>;
  usage: MockUsage;
  stopReason: string | null;
  model: string;
  id: string;
}

function buildMessage(turn: MockTurn, body: unknown): BuiltMessage {
  const content: MockBlock[] = turn.content ?? (turn.text !== undefined ? [{ type: 'text', text: turn.text }] : []);
  const blocks = content.map((b) => (b.type === 'tool_use' ? { ...b, id: b.id ?? nextId('toolu') } : b)) as BuiltMessage['blocks'];
  const stopReason = turn.stopReason !== undefined ? turn.stopReason : blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
  const usage: MockUsage = { input_tokens: 100, output_tokens: 20, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...turn.usage };
  const model = turn.model ?? ((body as { model?: string } | undefined)?.model ?? 'claude-mock');
  const id = nextId('msg');
  const final = {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: blocks.map((b) => (b.type === 'tool_use' ? { type: 'tool_use', id: b.id, name: b.name, input: b.input } : b)),
    stop_reason: stopReason,
    stop_sequence: turn.stopSequence ?? null,
    usage,
  };
  return { final, blocks, usage, stopReason, model, id };
}

async function stream(res: ServerResponse, turn: MockTurn, message: BuiltMessage, onDrop: () => void): Promise<void> {
  const events: Array<[string, unknown]> = [];
  events.push([
    'message_start',
    {
      type: 'message_start',
      message: { ...message.final, content: [], stop_reason: null, stop_sequence: null, usage: { ...message.usage, output_tokens: 1 } },
    },
  ]);
  events.push(['ping', { type: 'ping' }]);
  const size = turn.chunkSize ?? 12;
  message.blocks.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }]);
      for (const piece of chunks(block.text, size)) {
        events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }]);
      }
    } else {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } }]);
      for (const piece of chunks(block.inputJson ?? JSON.stringify(block.input ?? {}), size)) {
        events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } }]);
      }
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  events.push([
    'message_delta',
    {
      type: 'message_delta',
      delta: { stop_reason: message.stopReason, stop_sequence: turn.stopSequence ?? null },
      usage: {
        output_tokens: message.usage.output_tokens,
        input_tokens: message.usage.input_tokens,
        cache_read_input_tokens: message.usage.cache_read_input_tokens,
        cache_creation_input_tokens: message.usage.cache_creation_input_tokens,
      },
    },
  ]);
  events.push(['message_stop', { type: 'message_stop' }]);

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'request-id': nextId('req') });
  let sent = 0;
  for (const [event, data] of events) {
    if (res.destroyed) return;
    if (turn.eventDelayMs) await sleep(turn.eventDelayMs);
    if (res.destroyed) return;
    if (turn.dropAfterEvents !== undefined && sent >= turn.dropAfterEvents) {
      // Let what was written reach the client first: a drop *mid-stream*, not before the headers.
      await sleep(50);
      onDrop();
      res.socket?.destroy();
      return;
    }
    if (turn.streamErrorAfterEvents !== undefined && sent >= turn.streamErrorAfterEvents) {
      const type = turn.streamErrorType ?? 'overloaded_error';
      res.write(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message: type === 'overloaded_error' ? 'Overloaded' : 'mock stream error' } })}\n\n`);
      res.end();
      return;
    }
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    sent++;
  }
  res.end();
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length > 0 ? out : [''];
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': nextId('req'), ...headers });
  res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: nextId('req') }));
}

function json(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** Headers of a plain-HTTP Messages request to the mock, for tests that talk to it without the SDK. */
export const MOCK_REQUEST_HEADERS = { 'content-type': 'application/json', 'anthropic-version': '2026-10-21', 'x-api-key': 'k' };

/** The JSON body of a minimal Messages request, with `extra` fields (e.g. `{ stream: true }`) merged in. */
export const mockRequestBody = (extra: object = {}) => JSON.stringify({ model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], ...extra });
