// The mock Messages API itself, checked over plain HTTP (the agent tests use it through the SDK).
// (As a standalone program: test/integration/mock-anthropic-cli.test.ts.)
import assert from 'node:assert/strict';
import { MOCK_REQUEST_HEADERS as headers, mockRequestBody as body, startMockAnthropic, type MockAnthropic } from '../support/mock-anthropic';

function sseEvents(text: string): Array<{ event: string; data: { type: string; [k: string]: unknown } }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}');
      return { event, data };
    });
}

describe('mock Anthropic API', () => {
  let mock: MockAnthropic;
  beforeEach(async () => {
    mock = await startMockAnthropic();
  });
  afterEach(async () => {
    await mock.close();
  });

  it('streams text and tool_use blocks as SSE in the API order, and records the request', async () => {
    mock.enqueue({ content: [{ type: 'text', text: 'Checking the log now' }, { type: 'tool_use', id: 'toolu_x', name: 'search_logs', input: { pattern: 'ERROR', limit: 5 } }], usage: { input_tokens: 7 } });
    const res = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body({ stream: true }) });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const events = sseEvents(await res.text());
    const types = events.map((e) => e.event);
    assert.equal(types[0], 'message_start');
    assert.ok(types.includes('ping'));
    assert.deepEqual(types.slice(-2), ['message_delta', 'message_stop']);
    assert.ok(events.every((e) => e.event === e.data.type), 'event name matches data.type');
    const text = events.filter((e) => (e.data.delta as { type?: string })?.type === 'text_delta').map((e) => (e.data.delta as { text: string }).text).join('');
    assert.equal(text, 'Checking the log now');
    const json = events.filter((e) => (e.data.delta as { type?: string })?.type === 'input_json_delta').map((e) => (e.data.delta as { partial_json: string }).partial_json);
    assert.ok(json.length > 1, 'input JSON arrives in pieces');
    assert.deepEqual(JSON.parse(json.join('')), { pattern: 'ERROR', limit: 5 });
    const delta = events.find((e) => e.event === 'message_delta')!.data as unknown as { delta: { stop_reason: string }; usage: { output_tokens: number } };
    assert.equal(delta.delta.stop_reason, 'tool_use');
    assert.equal(mock.requests[0].headers['anthropic-version'], '2026-10-21');
    assert.equal(mock.requests[0].body.model, 'claude-haiku-4-5');
  });

  it('answers as JSON when stream is not set', async () => {
    mock.enqueue({ text: 'plain', stopReason: 'stop_sequence', stopSequence: 'END' });
    const res = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body() });
    const message = (await res.json()) as { content: unknown; stop_reason: string; stop_sequence: string };
    assert.deepEqual(message.content, [{ type: 'text', text: 'plain' }]);
    assert.equal(message.stop_reason, 'stop_sequence');
    assert.equal(message.stop_sequence, 'END');
  });

  it('fails on demand with the API error shape and retry hints', async () => {
    mock.enqueue({ status: 529, retryAfterMs: 5 }, { status: 401 });
    const overloaded = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body() });
    assert.equal(overloaded.status, 529);
    assert.equal(overloaded.headers.get('retry-after-ms'), '5');
    assert.deepEqual(((await overloaded.json()) as { error: { type: string } }).error.type, 'overloaded_error');
    const unauthorised = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body() });
    assert.equal(((await unauthorised.json()) as { error: { type: string } }).error.type, 'authentication_error');
  });

  it('refuses requests without anthropic-version and reports an empty script', async () => {
    const noVersion = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
    assert.equal(noVersion.status, 400);
    const empty = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body() });
    assert.equal(empty.status, 400);
    assert.equal(empty.headers.get('x-should-retry'), 'false');
    assert.match(await empty.text(), /no scripted turn left/);
  });

  it('drops the connection mid-stream and slows a stream down', async () => {
    mock.enqueue({ text: 'abcdefghijklmnopqrstuvwxyz', chunkSize: 2, dropAfterEvents: 4 }, { text: 'slow', eventDelayMs: 60 });
    const res = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body({ stream: true }) });
    await assert.rejects(res.text(), /terminated|other side closed|socket/i);
    const started = Date.now();
    const slow = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers, body: body({ stream: true }) });
    const events = sseEvents(await slow.text());
    assert.ok(Date.now() - started >= events.length * 50, 'events were spaced out');
  });
});
