// The servers as a client nobody here wrote sees them: raw JSON-RPC lines, some of them wrong. Every line that asks
// for an answer gets one (JSON-RPC 2.0 section 5.1), the connection survives, and a caller's bad params are -32602.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { createMcpServer } from '../../../servers/shared/mcp-server';
import { LineTransport } from '../../../servers/shared/line-transport';
import { serveOn } from '../../../servers/shared/run-stdio';
import { exitOf } from '../../support/wait';

type Message = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Reads newline-delimited JSON from `stream`; `next(id)` resolves with the message carrying that id. */
function reader(stream: NodeJS.ReadableStream) {
  const messages: Message[] = [];
  const waiting: Array<{ id: unknown; resolve: (m: Message) => void }> = [];
  let buffer = '';
  stream.on('data', (chunk: Buffer | string) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, i)) as Message;
      buffer = buffer.slice(i + 1);
      messages.push(message);
      for (const w of waiting.filter((w) => w.id === message.id)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  return {
    messages,
    next: (id: unknown) =>
      new Promise<Message>((resolve) => {
        const found = messages.find((m) => m.id === id);
        if (found) resolve(found);
        else waiting.push({ id, resolve });
      }),
  };
}

/** A small server on the shared wiring (LineTransport + serveOn) over in-memory streams. */
async function startInMemory(maxMessageBytes?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  const server = createMcpServer('raw-test', 'test');
  server.registerTool('echo', { description: 'echo', inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
  await serveOn(server, new LineTransport({ input, output, maxMessageBytes }));
  const out = reader(output);
  const send = (line: string) => input.write(`${line}\n`);
  send(JSON.stringify({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }));
  await out.next('init');
  send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
  return { server, send, out };
}

describe('servers under raw JSON-RPC', () => {
  it('answers a line that is not JSON with -32700 and id null, and keeps serving', async () => {
    const { server, send, out } = await startInMemory();
    send('{"jsonrpc":"2.0","id":1,"method":"ping"');
    send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }));
    assert.deepEqual((await out.next(2)).result, {});
    const refused = out.messages.find((m) => m.error);
    assert.equal(refused?.id, null);
    assert.equal(refused?.error.code, -32700);
    assert.match(refused?.error.message, /not JSON/);
    await server.close();
  });

  it('answers an invalid request with -32600, its id and the rule it breaks', async () => {
    const { server, send, out } = await startInMemory();
    send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: ['echo'] }));
    send(JSON.stringify({ id: 4, method: 'ping' }));
    send(JSON.stringify([{ jsonrpc: '2.0', id: 5, method: 'ping' }]));
    send(JSON.stringify({ jsonrpc: '2.0', id: null, method: 'ping' }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'ping' }));
    await out.next(6);
    const params = await out.next(3);
    assert.equal(params.error.code, -32600);
    assert.match(params.error.message, /"params" must be an object/);
    assert.match((await out.next(4)).error.message, /"jsonrpc" must be "2.0"/);
    const unnamed = out.messages.filter((m) => m.id === null).map((m) => m.error.message);
    assert.equal(unnamed.length, 2);
    assert.match(unnamed[0], /batches/);
    assert.match(unnamed[1], /"id" must be a string or an integer/);
    await server.close();
  });

  it('skips and answers a line longer than the limit instead of closing the connection', async () => {
    const { server, send, out } = await startInMemory(1000);
    send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'echo', arguments: { text: 'x'.repeat(5000) } } }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'echo', arguments: { text: 'short' } } }));
    assert.equal((await out.next(8)).result.content[0].text, 'short');
    const refused = out.messages.find((m) => m.error);
    assert.equal(refused?.error.code, -32600);
    assert.match(refused?.error.message, /longer than 1000 bytes/);
    assert.equal(out.messages.some((m) => m.id === 7), false);
    await server.close();
  });

  it('answers params that do not fit the method with -32602 naming the field, not -32603', async () => {
    const { server, send, out } = await startInMemory();
    send(JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { arguments: {} } }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 10, method: 'tools/call', params: { name: 'echo', arguments: ['x'] } }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 11, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {} } }));
    for (const [id, field] of [
      [9, /name: Invalid input: expected string/],
      [10, /arguments: Invalid input: expected record/],
      [11, /clientInfo: Invalid input: expected object/],
    ] as const) {
      const answer = await out.next(id);
      assert.equal(answer.error?.code, -32602, JSON.stringify(answer));
      assert.match(answer.error.message, field);
      assert.doesNotMatch(answer.error.message, /\n/);
    }
    await server.close();
  });

  it('refuses a cursor it never gave with -32602, and lists in full without one', async () => {
    const { server, send, out } = await startInMemory();
    send(JSON.stringify({ jsonrpc: '2.0', id: 12, method: 'tools/list', params: { cursor: 'eyJwYWdlIjoyfQ==' } }));
    send(JSON.stringify({ jsonrpc: '2.0', id: 13, method: 'tools/list', params: {} }));
    const forged = await out.next(12);
    assert.equal(forged.error?.code, -32602, JSON.stringify(forged).slice(0, 200));
    assert.match(forged.error.message, /cursor/);
    const full = await out.next(13);
    assert.deepEqual(full.result.tools.map((t: Message) => t.name), ['echo']);
    assert.equal(full.result.nextCursor, undefined);
    await server.close();
  });

  it('the built servers use this wiring: a malformed line to dist/servers/system.js is answered', async () => {
    const child = spawn(process.execPath, [resolve(__dirname, '../../../dist/servers/system.js')], { env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const out = reader(child.stdout);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: [] })}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'resources/read', params: { uri: 5 } })}\n`);
    const refused = await out.next(1);
    assert.equal(refused.error.code, -32600);
    assert.equal((await out.next(2)).error.code, -32602);
    child.stdin.end();
    assert.equal(await exitOf(child), 0);
    assert.match(stderr, /refused a message \(id 1\)/);
  });
});
