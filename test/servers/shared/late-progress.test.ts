// The Output channel of the logs server showed "[client] Received a progress notification for an unknown token" at
// each start (seen in code-server, session 26): work a tool leaves running after its answer (a scan warming a cache)
// kept ticking on the request's token. A real SDK server and client over an in-memory pair, a tool wrapped as every
// tool is (guarded), whose work reports after the result.
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { progressReporter, progressTicks, type HandlerExtra } from '../../../servers/shared/progress';
import { guarded, toolResult } from '../../../servers/shared/tool-result';

describe('progress after a tool has answered', () => {
  it('is not sent: the client never hears of a token it has forgotten', async () => {
    const server = new McpServer({ name: 't', version: '0' });
    let background: Promise<void> | undefined;
    server.registerTool('scan', { description: 'answers, then its scan goes on' }, guarded(async (extra: HandlerExtra) => {
      const report = progressReporter(extra, 100);
      const tick = progressTicks(extra, 0);
      await report(10, 'first part');
      background = (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await report(60, 'after the answer');
        tick('still scanning');
      })();
      return toolResult({ answered: true });
    }));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'c', version: '0' });
    const errors: string[] = [];
    client.onerror = (error) => errors.push(error.message);
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    const heard: number[] = [];
    const result = await client.callTool({ name: 'scan', arguments: {} }, undefined, { onprogress: (p) => heard.push(p.progress) });
    assert.deepEqual(result.structuredContent, { answered: true });
    await background;
    // One more round trip, so that anything sent by the background work has reached the client.
    await client.ping();
    assert.deepEqual(heard, [10]);
    assert.deepEqual(errors, []);
    await client.close();
  });
});
