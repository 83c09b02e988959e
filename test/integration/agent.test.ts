// The agent loop through the real Anthropic SDK against the mock Messages API, with tools on a
// real (tiny) MCP server behind the real supervisor.
import assert from 'node:assert/strict';
import { ServerHub, waitForStates } from '../../src/mcp/hub';
import { startMockAnthropic, type MockAnthropic } from '../support/mock-anthropic';
import { danglingToolUses, EventLog, makeAgent, MemoryStore, requestMessages, TEST_API_KEY } from '../support/mock-anthropic-harness';
import { tinySpec } from '../support/tiny-mcp-build';
import { waitUntil } from '../support/wait';

describe('agent loop (real SDK, mock API, tiny MCP server)', function () {
  this.timeout(30_000);
  let mock: MockAnthropic;
  let hub: ServerHub;

  before(async () => {
    hub = new ServerHub({ output: () => ({ append: () => undefined }), options: { backoffBaseMs: 50, pingIntervalMs: 0 } });
    hub.setSpecs([tinySpec('tiny')]);
    await waitForStates(hub, (s) => s.every((x) => x.status === 'running'), 15_000);
  });
  after(async () => {
    await hub.dispose();
  });
  beforeEach(async () => {
    mock = await startMockAnthropic();
  });
  afterEach(async () => {
    await mock.close();
  });

  const ac = () => new AbortController();
  /** The assistant message closing a turn that ended without an answer (agent.ts closeUnanswered). */
  const unanswered = (why: 'failed' | 'cancelled', shown = '') => ({
    role: 'assistant',
    content: [
      {
        type: 'text',
        text: shown
          ? `${shown.trimEnd()}\n\n${why === 'cancelled' ? '[Cut off here: the user stopped this answer before it was finished; the user saw the text above.]' : '[Cut off here: the request to the model failed while this answer was being written; the user saw the text above.]'}`
          : why === 'cancelled' ? '[Not answered: the user stopped this answer before it was finished.]' : '[Not answered: the request to the model failed.]',
      },
    ],
  });

  it('streams a text answer as events, with the SDK headers, cached system prompt and tools recorded by the mock', async () => {
    mock.enqueue({ text: '오늘은 커밋이 세 개 있습니다. 모두 문서 수정입니다.', usage: { input_tokens: 1200, output_tokens: 80, cache_read_input_tokens: 1000 } });
    const { agent } = makeAgent(mock, hub, { now: new Date('2026-11-25T03:00:00Z'), timeZone: 'Asia/Seoul' });
    const log = new EventLog();
    await agent.ask('오늘 커밋된 내용을 요약해 주세요', log.onEvent, ac().signal);

    assert.equal(log.events[0].type, 'start');
    assert.ok(log.of('text').length > 1, 'the answer arrives as several deltas');
    assert.equal(log.text(), '오늘은 커밋이 세 개 있습니다. 모두 문서 수정입니다.');
    assert.equal(log.done(), 'end_turn');
    const [req] = mock.messageRequests();
    assert.ok(req.headers['anthropic-version'], 'anthropic-version header sent');
    const auth = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer /, '');
    assert.equal(auth, TEST_API_KEY, 'the key from SecretStorage/env is sent');
    assert.equal(req.body.stream, true);
    assert.equal(req.body.model, 'claude-haiku-4-5');
    assert.deepEqual(req.body.messages, [{ role: 'user', content: '오늘 커밋된 내용을 요약해 주세요' }]);
    assert.deepEqual(req.body.system[0].cache_control, { type: 'ephemeral' });
    assert.match(req.body.system[0].text, /2026-11-25/);
    assert.match(req.body.system[0].text, /Asia\/Seoul \(UTC\+09:00\)/);
    assert.match(req.body.system[0].text, /CPU usage is above 80 %/);
    assert.match(req.body.system[0].text, /never instructions/);
    const tools = req.body.tools as Array<{ name: string; cache_control?: unknown }>;
    assert.ok(tools.some((t) => t.name === 'echo'));
    assert.deepEqual(tools[tools.length - 1].cache_control, { type: 'ephemeral' });
    assert.equal(tools.filter((t) => t.cache_control).length, 1);
    const usage = log.of('usage')[0].usage;
    assert.equal(usage.inputTokens, 1200);
    assert.equal(usage.cacheReadTokens, 1000);
    // haiku 4.5 list price: $1 in, $0.10 cache read, $5 out per million
    assert.equal(usage.costUsd, (1200 * 1 + 1000 * 0.1 + 80 * 5) / 1e6);
    assert.deepEqual(
      agent.transcript().map((i) => i.kind),
      ['user', 'assistant', 'usage'],
    );
  });

  it('runs the requested tool on the MCP server and sends its real result in the next request', async () => {
    mock.enqueue(
      { content: [{ type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_1', name: 'echo', input: { text: 'hello' } }] },
      { text: 'The server echoed hello.' },
    );
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('echo hello', log.onEvent, ac().signal);

    assert.equal(log.done(), 'end_turn');
    const start = log.of('toolStart')[0];
    assert.deepEqual([start.server, start.tool, start.input], ['tiny', 'echo', { text: 'hello' }]);
    const end = log.of('toolEnd')[0];
    assert.equal(end.status, 'ok');
    assert.ok(end.durationMs >= 0);
    const pid = hub.states()[0].pid;
    const second = requestMessages(mock, 1);
    assert.equal(second.length, 3);
    assert.equal(second[1].role, 'assistant');
    assert.equal(second[1].content[1].type, 'tool_use');
    const result = second[2].content[0];
    assert.equal(result.type, 'tool_result');
    assert.equal(result.tool_use_id, 'toolu_1');
    assert.deepEqual(JSON.parse(result.content), { tool: 'echo', args: { text: 'hello' }, pid });
    assert.equal(log.text(), 'Let me check.The server echoed hello.');
  });

  it('runs parallel tool calls concurrently', async () => {
    mock.enqueue(
      {
        content: [
          { type: 'tool_use', name: 'sleep', input: { ms: 700 } },
          { type: 'tool_use', name: 'sleep', input: { ms: 701 } },
          { type: 'tool_use', name: 'sleep', input: { ms: 702 } },
        ],
      },
      { text: 'done' },
    );
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    const seenAt = new Map<object, number>();
    await agent.ask('three sleeps', (e) => {
      seenAt.set(e, Date.now());
      log.onEvent(e);
    }, ac().signal);
    assert.equal(log.of('toolEnd').length, 3);
    assert.ok(log.of('toolEnd').every((e) => e.status === 'ok'));
    // Measured over the tool calls only (not the API round trips around them), so machine load does
    // not count: one after the other they would span at least 700 + 701 + 702 = 2103 ms.
    const starts = log.of('toolStart').map((e) => seenAt.get(e)!);
    const ends = log.of('toolEnd').map((e) => seenAt.get(e)!);
    assert.ok(Math.max(...starts) <= Math.min(...ends), 'all three started before the first one ended');
    const elapsed = Math.max(...ends) - Math.min(...starts);
    assert.ok(elapsed < 2100, `3 x 700 ms ran concurrently (took ${elapsed} ms)`);
    const results = requestMessages(mock, 1)[2].content;
    assert.deepEqual(
      results.map((r: { content: string }) => r.content),
      ['slept quietly 700', 'slept quietly 701', 'slept quietly 702'],
    );
  });

  it('a response with many tool calls runs at most toolConcurrency of them at once, results in order (break37a)', async () => {
    // 12 parallel calls started 12 server-side processes at once (git, ripgrep, scans) on the user's machine.
    const sleeps = Array.from({ length: 12 }, (_, i) => ({ type: 'tool_use' as const, name: 'sleep', input: { ms: 300 + i } }));
    mock.enqueue({ content: sleeps }, { text: 'done' });
    const { agent } = makeAgent(mock, hub);
    let running = 0;
    let most = 0;
    const log = new EventLog();
    await agent.ask('twelve sleeps', (e) => {
      if (e.type === 'toolStart') most = Math.max(most, ++running);
      if (e.type === 'toolEnd') running--;
      log.onEvent(e);
    }, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.equal(log.of('toolEnd').length, 12);
    assert.ok(most <= 4 && most >= 2, `at most 4 at once, and more than one (${most})`);
    assert.deepEqual(
      requestMessages(mock, 1)[2].content.map((r: { content: string }) => r.content),
      sleeps.map((u) => `slept quietly ${u.input.ms}`),
    );
  });

  it('Stop while tool calls wait their turn: the waiting ones are not started, every tool_use is answered (break37a)', async () => {
    const sleeps = Array.from({ length: 8 }, (_, i) => ({ type: 'tool_use' as const, name: 'sleep', input: { ms: 10_000 + i } }));
    mock.enqueue({ content: sleeps });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    const controller = ac();
    const started = Date.now();
    await agent.ask('eight long sleeps', (e) => {
      log.onEvent(e);
      if (e.type === 'toolStart' && log.of('toolStart').length === 4) setImmediate(() => controller.abort());
    }, controller.signal);
    assert.equal(log.done(), 'cancelled');
    assert.ok(Date.now() - started < 8000, 'stopped well before the sleeps end');
    assert.equal(log.of('toolEnd').length, 8);
    assert.ok(log.of('toolEnd').every((e) => e.status === 'cancelled'));
    assert.deepEqual(danglingToolUses(agent.messages()), []);
    assert.equal(mock.messageRequests().length, 1, 'no request after Stop');
  });

  it('max_tokens ends the answer with a notice, and continue() picks it up', async () => {
    mock.enqueue({ text: 'A very long answer that was cut', stopReason: 'max_tokens' }, { text: ' and here is the rest.' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('long please', log.onEvent, ac().signal);
    assert.equal(log.done(), 'max_tokens');
    const notice = log.of('notice')[0];
    assert.equal(notice.canContinue, true);
    assert.match(notice.message, /maximum length/);
    assert.equal(mock.messageRequests().length, 1, 'no automatic retry loop on max_tokens');

    const log2 = new EventLog();
    await agent.continue(log2.onEvent, ac().signal);
    assert.equal(log2.done(), 'end_turn');
    const messages = requestMessages(mock, 1);
    assert.deepEqual(
      messages.map((m: { role: string }) => m.role),
      ['user', 'assistant', 'user'],
    );
    assert.equal(messages[2].content, 'Continue.');
  });

  it('max_tokens in the middle of a tool call leaves no dangling tool_use', async () => {
    mock.enqueue({ content: [{ type: 'text', text: 'Calling' }, { type: 'tool_use', name: 'echo', input: { text: 'x' } }], stopReason: 'max_tokens' }, { text: 'ok' });
    const { agent } = makeAgent(mock, hub);
    await agent.ask('q1', new EventLog().onEvent, ac().signal);
    assert.equal(agent.messages().flatMap((m) => (typeof m.content === 'string' ? [] : m.content)).filter((b) => b.type === 'tool_use').length, 0);
    await agent.ask('q2', new EventLog().onEvent, ac().signal);
    assert.deepEqual(danglingToolUses(requestMessages(mock, 1)), []);
  });

  it('pause_turn continues automatically with the paused content, and is bounded', async () => {
    mock.enqueue({ text: 'Working', stopReason: 'pause_turn' }, { text: ' finished.' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('go', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.equal(mock.messageRequests().length, 2);
    const second = requestMessages(mock, 1);
    assert.equal(second[second.length - 1].role, 'assistant');
    assert.equal(second[second.length - 1].content[0].text, 'Working');

    mock.reset();
    mock.enqueue({ text: 'a', stopReason: 'pause_turn' }, { text: 'b', stopReason: 'pause_turn' }, { text: 'c', stopReason: 'pause_turn' });
    const bounded = makeAgent(mock, hub, { limits: { pauseTurnLimit: 2 } }).agent;
    const log2 = new EventLog();
    await bounded.ask('go', log2.onEvent, ac().signal);
    assert.equal(mock.messageRequests().length, 3);
    assert.equal(log2.done(), 'pause_turn');
    assert.equal(log2.of('notice')[0].canContinue, true);
  });

  it('refusal ends with a notice that cannot continue', async () => {
    mock.enqueue({ text: '', stopReason: 'refusal' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('something bad', log.onEvent, ac().signal);
    assert.equal(log.done(), 'refusal');
    assert.equal(log.of('notice')[0].canContinue, false);
    assert.match(log.of('notice')[0].message, /declined/);
  });

  it('a refused turn leaves the API history, so the next question is not refused for it (break37a)', async () => {
    // The API: "you must reset the conversation context by removing or updating the turn that was refused".
    mock.enqueue({ text: 'first answer' }, { content: [{ type: 'tool_use', name: 'echo', input: { text: 'x' } }] }, { text: 'Here is', stopReason: 'refusal' }, { text: 'second answer' });
    const { agent } = makeAgent(mock, hub);
    await agent.ask('first', new EventLog().onEvent, ac().signal);
    const refused = new EventLog();
    await agent.ask('something refused', refused.onEvent, ac().signal);
    assert.equal(refused.done(), 'refusal');
    assert.match(refused.of('notice')[0].message, /left out of the conversation/);
    const next = new EventLog();
    await agent.ask('third', next.onEvent, ac().signal);
    assert.equal(next.done(), 'end_turn');
    assert.deepEqual(requestMessages(mock, 3), [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: [{ type: 'text', text: 'first answer' }] },
      { role: 'user', content: 'third' },
    ]);
    // The user still sees what happened.
    assert.deepEqual(agent.transcript().map((i) => i.kind), ['user', 'assistant', 'usage', 'user', 'tool', 'assistant', 'notice', 'usage', 'user', 'assistant', 'usage']);
  });

  it('stop_sequence ends the answer normally', async () => {
    mock.enqueue({ text: 'Answer until', stopReason: 'stop_sequence', stopSequence: '###' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'stop_sequence');
    assert.equal(log.of('notice').length, 0);
    assert.equal(log.of('error').length, 0);
  });

  it('model_context_window_exceeded suggests clearing the chat', async () => {
    mock.enqueue({ text: 'Partial', stopReason: 'model_context_window_exceeded' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'model_context_window_exceeded');
    const notice = log.of('notice')[0];
    assert.equal(notice.canContinue, false);
    assert.equal(notice.action?.command, 'devopsAssistant.clearChat');
  });

  it('401 becomes "set your API key" with the command, without retries', async () => {
    mock.enqueue({ status: 401, errorMessage: 'invalid x-api-key' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    const error = log.of('error')[0];
    assert.match(error.message, /Set your API key/);
    assert.equal(error.action?.command, 'devopsAssistant.setApiKey');
    assert.equal(mock.messageRequests().length, 1);
    assert.deepEqual(
      agent.transcript().map((i) => i.kind),
      ['user', 'error'],
    );
  });

  it('a gateway that echoes the API key in its error: masked in the chat, the saved transcript and the log (break37a)', async () => {
    // LiteLLM-style proxies answer "Received API Key = sk-…"; the words reached the chat, the workspace storage and the Output channel.
    mock.enqueue({ status: 403, errorMessage: `Invalid proxy token. Received API Key = ${TEST_API_KEY}, other key sk-ant-api03-AbCdEf123456` });
    const logs: string[] = [];
    const { agent, store } = makeAgent(mock, hub, { log: (line) => logs.push(line) });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    const message = log.of('error')[0].message;
    assert.match(message, /\(403\): Invalid proxy token\. Received API Key = \*\*\*, other key \*\*\*$/);
    assert.ok(logs.some((line) => line.includes('PermissionDeniedError')), 'the failure is still logged');
    for (const [where, text] of [['chat', message], ['transcript', JSON.stringify(agent.transcript())], ['storage', JSON.stringify([...store.data])], ['log', logs.join('\n')]]) {
      assert.ok(!text.includes(TEST_API_KEY) && !text.includes('sk-ant-api03'), `no key in the ${where}: ${text}`);
    }
  });

  it('a base URL with a user name and password: said so, and they are not shown (break37a)', async () => {
    // fetch refuses such a URL before anything is sent; the chat said "Cannot reach … at http://me:s3cret@…".
    const url = mock.url.replace('http://', 'http://me:s3cretToken@');
    const { agent } = makeAgent({ url }, hub, { limits: { maxRetries: 0 } });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    const error = log.of('error')[0];
    assert.equal(error.message.includes('s3cretToken'), false, error.message);
    assert.match(error.message, /base URL http:\/\/\*\*\*@127\.0\.0\.1:\d+ holds a user name or password/);
    assert.equal(error.action?.command, 'workbench.action.openSettings');
    assert.equal(mock.messageRequests().length, 0);
  });

  it('an API key with a character copied along with it (zero-width space, curly quote, Hangul) is said so before any request (break37a)', async () => {
    // fetch refused the header and the chat said "Something went wrong while asking Claude: Cannot convert argument to a ByteString…".
    for (const [apiKey, where] of [[`${TEST_API_KEY}\u200b`, 'U\\+200B at position 35'], [`“${TEST_API_KEY}”`, 'U\\+201C at position 1'], [`sk-ant-키${TEST_API_KEY.slice(7)}`, 'U\\+D0A4 at position 8']]) {
      const { agent } = makeAgent(mock, hub, { apiKey });
      const log = new EventLog();
      await agent.ask('q', log.onEvent, ac().signal);
      assert.equal(log.done(), 'error');
      const error = log.of('error')[0];
      assert.match(error.message, new RegExp(`API key holds a character no key has \\(${where}\\)`));
      assert.equal(error.action?.command, 'devopsAssistant.setApiKey');
    }
    assert.equal(mock.messageRequests().length, 0);
  });

  it('a missing API key asks for one before any request', async () => {
    const { agent } = makeAgent(mock, hub, { apiKey: undefined });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.of('error')[0].action?.command, 'devopsAssistant.setApiKey');
    assert.equal(mock.messageRequests().length, 0);
  });

  // break37a #4: during the SDK's waits before a retry (up to a minute, twice) the chat showed nothing.
  it('429 is retried by the SDK and then succeeds; the wait is shown, with why and how long', async () => {
    mock.enqueue({ status: 429, retryAfterMs: 1400 }, { text: 'after the rate limit' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.equal(log.text(), 'after the rate limit');
    assert.equal(mock.messageRequests().length, 2);
    const [waiting, ...more] = log.of('waiting');
    assert.equal(more.length, 0);
    assert.equal(waiting.message, 'The Anthropic API is rate-limiting requests (429): trying again in 1 s (retry 1 of 2)…');
    assert.equal(waiting.waitMs, 1400);
    const types = log.events.map((e) => e.type);
    assert.ok(types.indexOf('waiting') < types.indexOf('text'), types.join(' '));
  });

  it('529 twice: each wait is shown with its retry number; an error without a retry shows none', async () => {
    mock.enqueue({ status: 529, retryAfterMs: 10 }, { status: 529, retryAfterMs: 10 }, { status: 529, retryAfterMs: 10 });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.deepEqual(log.of('waiting').map((e) => e.message.replace(/in \d+ s/, 'in N s')), [
      'The Anthropic API is overloaded (529): trying again in N s (retry 1 of 2)…',
      'The Anthropic API is overloaded (529): trying again in N s (retry 2 of 2)…',
    ]);
    mock.enqueue({ status: 400, errorMessage: 'bad' });
    const log2 = new EventLog();
    await agent.ask('q2', log2.onEvent, ac().signal);
    assert.equal(log2.done(), 'error');
    assert.equal(log2.of('waiting').length, 0);
  });

  it('529 overloaded: retried, then an actionable message', async () => {
    mock.enqueue({ status: 529, retryAfterMs: 10 }, { status: 529, retryAfterMs: 10 }, { status: 529, retryAfterMs: 10 });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.equal(mock.messageRequests().length, 3, 'first try + maxRetries 2');
    assert.match(log.of('error')[0].message, /overloaded/);
  });

  it('429 exhausted gives a rate-limit message', async () => {
    mock.enqueue({ status: 429, retryAfterMs: 10 }, { status: 429, retryAfterMs: 10 }, { status: 429, retryAfterMs: 10 });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.match(log.of('error')[0].message, /rate-limiting/);
  });

  it('an overloaded error inside the stream after words of the answer: said to have cut it, not retried', async () => {
    mock.enqueue({ text: 'Starting to answer', streamErrorAfterEvents: 4 }, { text: 'never asked for' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.ok(log.text().length > 0);
    assert.equal(log.of('error')[0].message, 'The Anthropic API became overloaded while writing this answer, which stops here. Ask again in a few minutes.');
    assert.equal(mock.messageRequests().length, 1, 'the words shown would have been written twice');
  });

  it('an overloaded error inside the stream before any text (after message_start) is retried as a 529 is', async () => {
    mock.enqueue({ text: 'lost', streamErrorAfterEvents: 1 }, { text: 'after the overload' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.equal(log.text(), 'after the overload');
    assert.equal(mock.messageRequests().length, 2);
  });

  it('an overloaded error inside every stream: the message counts the retries made, and says none when none was', async () => {
    mock.enqueue(...Array.from({ length: 3 }, () => ({ text: 'lost', streamErrorAfterEvents: 1 })));
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.equal(mock.messageRequests().length, 3, 'first try + maxRetries 2');
    assert.equal(log.of('error')[0].message, 'The Anthropic API is overloaded right now and 2 retries did not help. Try again in a few minutes.');
    mock.enqueue({ text: 'lost', streamErrorAfterEvents: 1 });
    const once = makeAgent(mock, hub, { limits: { maxRetries: 0 } }).agent;
    const log2 = new EventLog();
    await once.ask('q', log2.onEvent, ac().signal);
    assert.equal(log2.of('error')[0].message, 'The Anthropic API is overloaded right now. Try again in a few minutes.');
  });

  it("an api_error inside the stream before any text is tried again as the SDK does a 500; after text it ends the answer (break37a)", async () => {
    mock.enqueue({ text: 'never shown', streamErrorAfterEvents: 2, streamErrorType: 'api_error' }, { text: 'answered on the second try' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.deepEqual(log.of('error'), []);
    assert.equal(log.done(), 'end_turn');
    assert.equal(log.text(), 'answered on the second try');
    assert.equal(mock.messageRequests().length, 2);

    mock.reset();
    mock.enqueue({ text: 'half of an answer that goes on', streamErrorAfterEvents: 4, streamErrorType: 'api_error' });
    const cut = new EventLog();
    await agent.ask('again', cut.onEvent, ac().signal);
    assert.equal(cut.done(), 'error');
    assert.equal(mock.messageRequests().length, 1, 'not tried again: the text shown would be written twice');
  });

  it('a connection dropped mid-stream gives a message and keeps the history valid', async () => {
    mock.enqueue({ text: 'This answer will be cut off in the middle of', dropAfterEvents: 5 }, { text: 'second try works' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q1', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.match(log.of('error')[0].message, /connection|network|reach/i);
    assert.ok(log.text().length > 0, 'part of the answer had arrived');
    // The model is told what the user read of the cut answer, and that it was cut (break34: "Not answered" of half an answer).
    assert.deepEqual(agent.messages().at(-1), unanswered('failed', log.text()), 'the incomplete assistant turn is closed with the text shown');
    const log2 = new EventLog();
    await agent.ask('q2', log2.onEvent, ac().signal);
    assert.equal(log2.done(), 'end_turn');
    // The failed question stays a turn of its own, closed: it was merged into q2's user message, which read as one question.
    assert.deepEqual(requestMessages(mock, mock.messageRequests().length - 1), [{ role: 'user', content: 'q1' }, unanswered('failed', log.text()), { role: 'user', content: 'q2' }]);
  });

  it('a failed turn (an API error) and a stopped one are each closed in the next request\'s history, never merged into it', async () => {
    mock.enqueue({ status: 500 }, { status: 500 }, { status: 500 }, { text: 'a slow answer that streams word by word for a long while', eventDelayMs: 150, chunkSize: 4 }, { text: 'fine' });
    const { agent } = makeAgent(mock, hub);
    const failed = new EventLog();
    await agent.ask('first', failed.onEvent, ac().signal);
    assert.equal(failed.done(), 'error');
    const controller = ac();
    const stopped = new EventLog();
    await agent.ask('second', (e) => {
      stopped.onEvent(e);
      if (e.type === 'text') controller.abort();
    }, controller.signal);
    assert.equal(stopped.done(), 'cancelled');
    const answered = new EventLog();
    await agent.ask('third', answered.onEvent, ac().signal);
    assert.equal(answered.done(), 'end_turn');
    assert.deepEqual(requestMessages(mock, mock.messageRequests().length - 1), [
      { role: 'user', content: 'first' },
      unanswered('failed'),
      { role: 'user', content: 'second' },
      unanswered('cancelled', stopped.text()),
      { role: 'user', content: 'third' },
    ]);
  });

  it('a base URL ending in /v1: said to lack the Messages endpoint, not that the model is unknown (break37a)', async () => {
    const { agent } = makeAgent({ url: `${mock.url}/v1` }, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.equal(mock.messageRequests().length, 0, 'the SDK posted to /v1/v1/messages');
    const error = log.of('error')[0];
    assert.match(error.message, /has no Messages endpoint \(404 mock: no route POST \/v1\/v1\/messages\)/);
    assert.doesNotMatch(error.message, /model/);
    assert.deepEqual(error.action?.args, ['devopsAssistant.anthropicBaseUrl']);
  });

  it('a base URL that is no http(s) address is said so before any request (break37a)', async () => {
    for (const url of ['api.anthropic.com', 'localhost:8080', 'ftp://example.com']) {
      const { agent } = makeAgent({ url }, hub);
      const log = new EventLog();
      await agent.ask('q', log.onEvent, ac().signal);
      assert.equal(log.done(), 'error');
      assert.match(log.of('error')[0].message, new RegExp(`base URL "${url.replace(/\./g, '\\.')}" is not an http:// or https:// address`));
      assert.deepEqual(log.of('error')[0].action?.args, ['devopsAssistant.anthropicBaseUrl']);
    }
  });

  it('network down: a message naming the base URL', async () => {
    const closed = await startMockAnthropic();
    const url = closed.url;
    await closed.close();
    const { agent } = makeAgent({ url }, hub, { limits: { maxRetries: 0 } });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.match(log.of('error')[0].message, new RegExp(`Cannot reach the Anthropic API at ${url.replace(/\./g, '\\.')}`));
  });

  it("the SDK's wait before a retry (429 with retry-after) is not counted as a silent stream (break37a)", async () => {
    // Two retry-after waits longer than the idle limit: the answer used to end as "stopped sending data" instead.
    mock.enqueue({ status: 429, retryAfterMs: 1200 }, { status: 429, retryAfterMs: 1200 }, { text: 'answered after the rate limit' });
    const { agent } = makeAgent(mock, hub, { limits: { streamIdleMs: 800 } });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.deepEqual(log.of('error'), []);
    assert.equal(log.done(), 'end_turn');
    assert.equal(log.text(), 'answered after the rate limit');
    assert.equal(mock.messageRequests().length, 3);
  });

  it('a server that never sends its response headers is given up on within the idle limit (break37a)', async () => {
    mock.enqueue({ text: 'too late', firstByteDelayMs: 20_000 });
    const { agent } = makeAgent(mock, hub, { limits: { streamIdleMs: 500, maxRetries: 0 } });
    const log = new EventLog();
    const started = Date.now();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.match(log.of('error')[0].message, /stopped sending data/);
    assert.ok(Date.now() - started < 10_000);
  });

  it('a stream that goes silent is given up on with a message', async () => {
    mock.enqueue({ text: 'first words and then silence', chunkSize: 6, eventDelayMs: 600 });
    const { agent } = makeAgent(mock, hub, { limits: { streamIdleMs: 250 } });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'error');
    assert.match(log.of('error')[0].message, /stopped sending data/);
    await waitUntil('the client to close the stream', () => mock.messageRequests()[0].closedByClient).catch(() => undefined);
    assert.equal(mock.messageRequests()[0].closedByClient, true);
    assert.deepEqual(agent.messages().at(-1), unanswered('failed'));
  });

  it('cancel mid-stream aborts the HTTP stream and keeps the history consistent', async () => {
    mock.enqueue({ text: 'a slow answer that streams word by word for a long while', eventDelayMs: 150, chunkSize: 4 });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    const controller = ac();
    const asked = agent.ask('q', (e) => {
      log.onEvent(e);
      if (e.type === 'text' && log.of('text').length === 2) controller.abort();
    }, controller.signal);
    const started = Date.now();
    await asked;
    assert.equal(log.done(), 'cancelled');
    assert.ok(Date.now() - started < 5000);
    await waitUntil('the client to close the stream', () => mock.messageRequests()[0].closedByClient && mock.openConnections() === 0).catch(() => undefined);
    assert.equal(mock.messageRequests()[0].closedByClient, true, 'the HTTP stream was closed');
    assert.equal(mock.openConnections(), 0);
    assert.equal(agent.busy, false);
    assert.deepEqual(danglingToolUses(agent.messages()), []);
    assert.ok(log.text().length > 0, 'part of the answer was shown');
    assert.deepEqual(agent.messages().at(-1), unanswered('cancelled', log.text()));
  });

  it('cancel mid-tool aborts the running tool calls and answers every tool_use', async () => {
    mock.enqueue({ content: [{ type: 'tool_use', name: 'sleep', input: { ms: 10_000 } }, { type: 'tool_use', name: 'echo', input: { text: 'fast' } }] });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    const controller = ac();
    const asked = agent.ask('q', (e) => {
      log.onEvent(e);
      if (e.type === 'toolStart' && e.tool === 'sleep') setTimeout(() => controller.abort(), 300);
    }, controller.signal);
    const started = Date.now();
    await asked;
    const elapsed = Date.now() - started;
    // Uncancelled, the sleep would last 10 s.
    assert.ok(elapsed < 6000, `cancelled quickly (${elapsed} ms)`);
    assert.equal(log.done(), 'cancelled');
    const ends = log.of('toolEnd');
    assert.equal(ends.find((e) => e.result.includes('Cancelled'))?.status, 'cancelled');
    assert.deepEqual(danglingToolUses(agent.messages()), []);
    assert.equal(mock.messageRequests().length, 1, 'no request after the cancel');
    // The server is still healthy and answers at once.
    const outcome = await hub.callTool('tiny', 'echo', { text: 'still alive' });
    assert.match(outcome.text, /still alive/);
    // A new question sends a valid history.
    mock.enqueue({ text: 'fine' });
    const log2 = new EventLog();
    await agent.ask('next', log2.onEvent, ac().signal);
    assert.equal(log2.done(), 'end_turn');
    assert.deepEqual(danglingToolUses(requestMessages(mock, 1)), []);
  });

  it('the same call repeated stops the loop with a notice; continue goes on', async () => {
    const same = { content: [{ type: 'tool_use' as const, name: 'echo', input: { text: 'again', n: 1 } }] };
    mock.enqueue(same, same, same, { text: 'ok, stopping' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('loop', log.onEvent, ac().signal);
    assert.equal(log.done(), 'repeated_tool_call');
    assert.equal(log.of('toolEnd').length, 2, 'the third identical call is not run');
    assert.equal(log.of('notice')[0].canContinue, true);
    assert.deepEqual(danglingToolUses(agent.messages()), []);
    const log2 = new EventLog();
    await agent.continue(log2.onEvent, ac().signal);
    assert.equal(log2.done(), 'end_turn');
    const last = requestMessages(mock, 3);
    assert.match(JSON.stringify(last[last.length - 1]), /Not run: this exact call/);
  });

  // break37a #1: at the limit the user got the tool steps and "Stopped after N rounds", none of what they found.
  it('at maxToolRounds one last request without tools answers from the results, then the notice; Continue goes on', async () => {
    for (let i = 0; i < 3; i++) mock.enqueue({ content: [{ type: 'tool_use', name: 'echo', input: { text: `round ${i}` } }], usage: { input_tokens: 100, output_tokens: 10 } });
    mock.enqueue({ text: 'From the two echoes: round 0 and round 1.', usage: { input_tokens: 100, output_tokens: 20 } });
    const { agent } = makeAgent(mock, hub, { settings: { maxToolRounds: 2 } });
    const log = new EventLog();
    await agent.ask('many rounds', log.onEvent, ac().signal);
    assert.equal(log.done(), 'max_tool_rounds');
    assert.equal(log.of('toolEnd').length, 2);
    assert.equal(mock.messageRequests().length, 4, 'one last request, no more');
    const last = mock.messageRequests()[3].body;
    assert.deepEqual(last.tool_choice, { type: 'none' });
    const closing = last.messages.at(-1).content;
    assert.ok(closing.some((b: { type: string; content?: string }) => b.type === 'tool_result' && /Not run: the limit of tool rounds/.test(b.content ?? '')));
    assert.match(closing.at(-1).text, /Answer the question from what the tools returned/);
    assert.equal(log.text(), 'From the two echoes: round 0 and round 1.', 'the last answer is streamed');
    const order = log.events.map((e) => e.type).filter((t) => t === 'text' || t === 'notice');
    assert.equal(order.at(-1), 'notice', 'the notice comes after the answer');
    const notice = log.of('notice')[0];
    assert.match(notice.message, /Stopped after 2 rounds of tool calls/);
    assert.equal(notice.canContinue, true);
    assert.equal(log.of('usage')[0].usage.outputTokens, 50, 'the last request is counted');
    assert.deepEqual(danglingToolUses(agent.messages()), []);
    assert.deepEqual(agent.transcript().map((i) => i.kind), ['user', 'tool', 'tool', 'assistant', 'notice', 'usage']);
    mock.enqueue({ text: 'Nothing else.' });
    const log2 = new EventLog();
    await agent.continue(log2.onEvent, ac().signal);
    assert.equal(log2.done(), 'end_turn');
    assert.equal(mock.messageRequests()[4].body.tool_choice, undefined, 'Continue may call tools again');
  });

  it('the last request at maxToolRounds is cancellable', async () => {
    mock.enqueue({ content: [{ type: 'tool_use', name: 'echo', input: { text: 'once' } }] }, { content: [{ type: 'tool_use', name: 'echo', input: { text: 'twice' } }] });
    mock.enqueue({ text: 'A long last answer that is stopped before its end.', eventDelayMs: 200, chunkSize: 2 });
    const { agent } = makeAgent(mock, hub, { settings: { maxToolRounds: 1 } });
    const log = new EventLog();
    const controller = ac();
    const asked = agent.ask('stop me', log.onEvent, controller.signal);
    await waitUntil('the last answer streaming', () => log.of('text').length > 0);
    controller.abort();
    await asked;
    assert.equal(log.done(), 'cancelled');
    assert.ok(!log.text().endsWith('end.'), 'the stream stopped');
    assert.deepEqual(danglingToolUses(agent.messages()), []);
  });

  // break37a #2: a tool of a server that is down came back as `Unknown tool "git_log". Available tools: …`.
  it('a tool of a server that is not running is said so, with the server and why, not "unknown"', async () => {
    const two = new ServerHub({ output: () => ({ append: () => undefined }), options: { backoffBaseMs: 50, pingIntervalMs: 0 } });
    try {
      two.setSpecs([tinySpec('a'), tinySpec('b')]);
      await waitForStates(two, (s) => s.length === 2 && s.every((x) => x.status === 'running'), 15_000);
      mock.enqueue({ text: 'Both servers answer.' });
      const { agent } = makeAgent(mock, two);
      await agent.ask('what can you do?', new EventLog().onEvent, ac().signal);
      assert.ok((mock.messageRequests()[0].body.tools as Array<{ name: string }>).some((x) => x.name === 'b__echo'));
      two.setSpecs([tinySpec('a'), { ...tinySpec('b'), disabledReason: 'Restricted Mode: the workspace is not trusted' }]);
      await waitForStates(two, (s) => s.find((x) => x.name === 'b')?.status === 'disabled', 15_000);
      mock.enqueue({ content: [{ type: 'tool_use', name: 'b__echo', input: { text: 'hi' } }, { type: 'tool_use', name: 'git_log', input: {} }] }, { text: 'The b server is off.' });
      const log = new EventLog();
      await agent.ask('echo on b', log.onEvent, ac().signal);
      assert.equal(log.done(), 'end_turn');
      const [offered, never] = requestMessages(mock, 2).at(-1).content as Array<{ content: string; is_error?: boolean }>;
      assert.match(offered.content, /b__echo is a tool of the "b" server, which is not running \(disabled: Restricted Mode: the workspace is not trusted\)/);
      assert.doesNotMatch(offered.content, /Unknown tool/);
      assert.equal(offered.is_error, true);
      assert.match(never.content, /no running server offers "git_log"\. Servers not running: b \(disabled: Restricted Mode/);
      assert.equal(log.of('toolStart')[0].server, 'b', 'the step names the server');
    } finally {
      await two.dispose();
    }
  });

  // break37a #5: keys in log lines and other processes' command lines went to the model and the chat as they were.
  it('secrets in a tool result are masked before the model and the chat get it, and the model is told so', async () => {
    const leaked = 'retry with key sk-ant-api03-SECRETSECRET123 and postgres://app:hunter2@db/x';
    mock.enqueue({ content: [{ type: 'tool_use', name: 'echo', input: { text: leaked } }] }, { text: 'done' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('show the line', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    const result = requestMessages(mock, 1)[2].content[0].content as string;
    const sent = JSON.parse(result) as { maskedByAssistant: string; args: { text: string } };
    assert.equal(sent.args.text, 'retry with key *** and postgres://app:***@db/x');
    assert.match(sent.maskedByAssistant, /^2 values that looked like a secret .* masked as \*\*\*/);
    // The arguments are the model's own; what the tool returned is what must not show the secrets.
    const step = agent.transcript().find((i) => i.kind === 'tool');
    const shown = [log.of('toolEnd')[0].result, step?.kind === 'tool' ? step.result : ''].join('\n');
    assert.match(shown, /app:\*\*\*@db/);
    assert.ok(!shown.includes('SECRETSECRET') && !shown.includes('hunter2'), shown);
  });

  // break37a #3: five identical search_logs in one response ran five scans, each taking a share of the round's budget.
  it('identical calls in one response run once; every tool_use gets that result', async () => {
    const same = { type: 'tool_use' as const, name: 'echo', input: { text: 'same', n: 5 } };
    mock.enqueue({ content: [same, same, same, { type: 'tool_use', name: 'echo', input: { text: 'other' } }, same] }, { text: 'done' });
    const echoCalls = () => hub.metrics().find((m) => m.tool === 'echo')?.calls ?? 0;
    const before = echoCalls();
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('same five times', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.equal(echoCalls() - before, 2, 'one run for the four identical calls, one for the other');
    const results = requestMessages(mock, 1)[2].content as Array<{ type: string; tool_use_id: string; content: string }>;
    const uses = requestMessages(mock, 1)[1].content as Array<{ id: string }>;
    assert.deepEqual(results.map((r) => r.tool_use_id), uses.map((u) => u.id), 'each tool_use answered, in order');
    assert.deepEqual([results[1].content, results[2].content, results[4].content], [results[0].content, results[0].content, results[0].content]);
    assert.match(results[0].content, /"same"/);
    assert.match(results[3].content, /"other"/);
    assert.equal(log.of('toolEnd').length, 5, 'every call is shown');
    assert.deepEqual(danglingToolUses(agent.messages()), []);
  });

  it('budgets large tool results per result and per round', async () => {
    mock.enqueue(
      {
        content: [
          { type: 'tool_use', name: 'big', input: { ms: 50_000 } },
          { type: 'tool_use', name: 'big', input: { ms: 30_000 } },
          { type: 'tool_use', name: 'big', input: { ms: 20_000 } },
          { type: 'tool_use', name: 'big', input: { ms: 500 } },
        ],
      },
      { text: 'summarised' },
    );
    const { agent } = makeAgent(mock, hub, { limits: { budget: { perResult: 16_000, perRound: 30_000 } } });
    await agent.ask('big', new EventLog().onEvent, ac().signal);
    const results = requestMessages(mock, 1)[2].content as Array<{ content: string }>;
    const xs = results.map((r) => (r.content.match(/x/g) ?? []).length);
    assert.equal(xs[3], 500, 'a small result is kept whole');
    assert.ok(xs.every((n) => n <= 16_000));
    assert.ok(xs.reduce((a, b) => a + b, 0) <= 30_000, `round total ${xs.join('+')}`);
    assert.match(results[0].content, /truncated by DevOps Assistant: showing \d+ of 50000 characters/);
  });

  // break17 #8: a proxy ended a reply with stop_reason tool_use but sent no tool_use block; the loop sent (and kept)
  // a user message with empty content, which the real API refuses in this and every later request.
  it('stop_reason tool_use without a tool_use block ends the answer; no empty message is sent or kept', async () => {
    mock.enqueue({ text: 'Let me check the logs.', stopReason: 'tool_use' }, { text: 'Nothing else.' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('로그에 오류가 있나요?', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.equal(mock.messageRequests().length, 1, 'no second request with an empty user message');
    assert.deepEqual(agent.messages(), [
      { role: 'user', content: '로그에 오류가 있나요?' },
      { role: 'assistant', content: [{ type: 'text', text: 'Let me check the logs.' }] },
    ]);
    await agent.ask('And now?', new EventLog().onEvent, ac().signal);
    const next = requestMessages(mock, 1);
    assert.ok(next.every((m) => m.content.length > 0), JSON.stringify(next));
  });

  // break17 #10: the input JSON of a tool_use was cut off yet the reply said tool_use; the SDK's lenient parse kept
  // {"text":"timeout"} and the tool ran without the cut "name" field, the model told nothing.
  it('a tool_use whose input JSON was cut off is not run; the model gets an is_error result saying so', async () => {
    mock.enqueue(
      { content: [{ type: 'tool_use', id: 'toolu_cut', name: 'echo', input: { text: 'timeout' }, inputJson: '{"text": "timeout", "name": "app.l' }], stopReason: 'tool_use' },
      { text: 'I will ask again.' },
    );
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('search', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.deepEqual(log.of('toolEnd').map((e) => e.status), ['error']);
    const [use, result] = requestMessages(mock, 1).slice(1);
    assert.deepEqual(use.content[0].input, {}, 'the history keeps an object input');
    assert.equal(result.content[0].tool_use_id, 'toolu_cut');
    assert.equal(result.content[0].is_error, true);
    assert.match(result.content[0].content, /^Not run: the arguments of echo arrived cut off .*"name/);
    assert.doesNotMatch(result.content[0].content, /pid/, 'the tool did not run');
  });

  // break17: every tool call left an abort listener on the turn's signal (the MCP client never removes its own), so
  // after 11 calls Node warned "MaxListenersExceededWarning: 11 abort listeners added to [AbortSignal]".
  it('many tool calls in one answer leave no abort listeners behind (no MaxListenersExceededWarning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 4; i++) mock.enqueue({ content: [0, 1, 2, 3].map((j) => ({ type: 'tool_use' as const, name: 'echo', input: { text: `r${i} c${j}` } })) });
      mock.enqueue({ text: 'done' });
      const { agent } = makeAgent(mock, hub);
      const log = new EventLog();
      await agent.ask('many calls', log.onEvent, ac().signal);
      assert.equal(log.done(), 'end_turn');
      assert.equal(log.of('toolEnd').length, 16);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      assert.deepEqual(warnings.filter((w) => /MaxListeners/.test(w)), []);
    } finally {
      process.off('warning', onWarning);
    }
  });

  // break17 #7: trimMessages cuts only before a plain question, so one answer of many tool rounds grew by a round's
  // results each time (589k characters in round 12 against a 400k budget) until the API refused it.
  it("one answer's history stays within the budget: older tool results of the answer are shortened, pairs kept", async () => {
    for (let i = 0; i < 5; i++) mock.enqueue({ content: [0, 1, 2, 3].map((j) => ({ type: 'tool_use' as const, name: 'big', input: { ms: 5_000 + i * 10 + j } })) });
    mock.enqueue({ text: 'summary' });
    const { agent } = makeAgent(mock, hub, { limits: { historyChars: 60_000 } });
    const log = new EventLog();
    await agent.ask('search everything', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    const sizes = mock.messageRequests().map((r) => JSON.stringify(r.body.messages).length);
    assert.equal(sizes.length, 6);
    assert.ok(sizes.every((n) => n <= 60_000), `request sizes ${sizes.join(' ')}`);
    const last = requestMessages(mock, 5);
    assert.deepEqual(danglingToolUses(last), []);
    const results = (m: { content: Array<{ type: string; content: string }> }) => m.content.filter((b) => b.type === 'tool_result').map((b) => b.content);
    assert.ok(results(last[last.length - 1]).every((text) => /^x{5040,5043}$/.test(text)), 'the newest round is whole');
    assert.match(results(last[2])[0], /^x{2000}\n\[shortened by DevOps Assistant to keep this answer within the model's context window: 2000 of 5000 characters kept; call the tool again/);
    assert.equal(results(last[2]).length, 4, 'every tool_use still has its result');
    assert.ok(JSON.stringify(agent.messages()).length > 60_000, 'the conversation itself keeps every result for this session');
  });

  // break17 #7: the API's 400 "prompt is too long" ended the answer with an error, every round's work lost.
  it('"prompt is too long" is not the end: the request goes again with older results shortened, and the user is told', async () => {
    for (let i = 0; i < 2; i++) mock.enqueue({ content: [0, 1].map((j) => ({ type: 'tool_use' as const, name: 'big', input: { ms: 20_000 + i * 10 + j } })) });
    mock.enqueue({ status: 400, errorType: 'invalid_request_error', errorMessage: 'prompt is too long: 207113 tokens > 200000 maximum' }, { text: 'Found it.' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('search everything', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    assert.deepEqual(log.of('error'), []);
    assert.match(log.of('notice')[0].message, /too long for the model; older tool results of this answer were shortened and it was sent again/);
    const [refused, resent] = mock.messageRequests().slice(2).map((r) => r.body.messages);
    assert.ok(JSON.stringify(resent).length <= JSON.stringify(refused).length * 0.87, `${JSON.stringify(resent).length} of ${JSON.stringify(refused).length}`);
    assert.deepEqual(danglingToolUses(resent), []);
    assert.match(resent[2].content[0].content, /shortened by DevOps Assistant/);
  });

  it('"prompt is too long" again and again: a notice that offers Continue and Clear Chat; the history keeps the work', async () => {
    mock.enqueue({ content: [{ type: 'tool_use', name: 'big', input: { ms: 20_000 } }] });
    const tooLong = { status: 400, errorType: 'invalid_request_error', errorMessage: 'prompt is too long: 250000 tokens > 200000 maximum' };
    mock.enqueue(tooLong, tooLong, tooLong);
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('search everything', log.onEvent, ac().signal);
    assert.equal(log.done(), 'prompt_too_long');
    assert.deepEqual(log.of('error'), []);
    const last = log.of('notice').at(-1);
    assert.match(last?.message ?? '', /too long for the model.*prompt is too long: 250000 tokens > 200000 maximum.*Continue/);
    assert.equal(last?.canContinue, true);
    assert.equal(last?.action?.command, 'devopsAssistant.clearChat');
    assert.equal(agent.messages().filter((m) => Array.isArray(m.content) && m.content.some((b) => b.type === 'tool_result')).length, 1);
    mock.enqueue({ text: 'Here is what I found.' });
    const next = new EventLog();
    await agent.continue(next.onEvent, ac().signal);
    assert.equal(next.done(), 'end_turn');
  });

  it('an unknown tool and a failing tool come back as is_error results and the loop goes on', async () => {
    mock.enqueue({ content: [{ type: 'tool_use', name: 'no_such_tool', input: {} }, { type: 'tool_use', name: 'fail', input: {} }] }, { text: 'sorry' });
    const { agent } = makeAgent(mock, hub);
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.done(), 'end_turn');
    const results = requestMessages(mock, 1)[2].content;
    assert.equal(results[0].is_error, true);
    assert.match(results[0].content, /Unknown tool "no_such_tool"/);
    assert.equal(results[1].is_error, true);
    assert.match(results[1].content, /failed on purpose/);
    assert.deepEqual(
      log.of('toolEnd').map((e) => e.status),
      ['error', 'error'],
    );
    // break34: the chat showed the unknown tool's step as "? · no_such_tool".
    assert.equal(log.of('toolStart')[0].server, 'not available');
  });

  it('persists the conversation: a new agent on the same storage has it; clear starts anew', async () => {
    mock.enqueue({ content: [{ type: 'tool_use', name: 'echo', input: { text: 'p' } }] }, { text: 'first answer' }, { text: 'second answer' });
    const store = new MemoryStore();
    const first = makeAgent(mock, hub, { store }).agent;
    await first.ask('first question', new EventLog().onEvent, ac().signal);
    const second = makeAgent(mock, hub, { store }).agent;
    assert.deepEqual(second.transcript(), first.transcript());
    assert.deepEqual(
      second.transcript().map((i) => i.kind),
      ['user', 'tool', 'assistant', 'usage'],
    );
    await second.ask('second question', new EventLog().onEvent, ac().signal);
    const sent = requestMessages(mock, 2);
    assert.equal(sent.length, 5, 'history from the first agent was sent');
    assert.equal(sent[0].content, 'first question');
    await second.clear();
    assert.deepEqual(second.transcript(), []);
    assert.deepEqual(makeAgent(mock, hub, { store }).agent.transcript(), []);
  });

  // break22: reloading the window mid-answer left the question in the restored chat with nothing after it.
  it('a turn cut by a window reload is said to be unanswered in the restored transcript', async () => {
    mock.enqueue({ text: 'a slow answer that the reload cuts off', chunkSize: 4, eventDelayMs: 100 }, { text: 'answered now' });
    const { agent, store } = makeAgent(mock, hub);
    const log = new EventLog();
    const asked = agent.ask('summarize today', log.onEvent, ac().signal);
    await waitUntil('the first words of the answer', () => log.of('text').length > 0);
    // What workspaceState holds at this moment is what the reloaded window gets.
    const saved = new MemoryStore();
    for (const [key, value] of store.data) saved.data.set(key, value);
    await agent.clear();
    await asked;
    const restored = makeAgent(mock, hub, { store: saved }).agent;
    const items = restored.transcript();
    assert.deepEqual(items.map((i) => i.kind), ['user', 'notice']);
    assert.match((items[1] as { text: string }).text, /^Not answered: VS Code was reloaded or closed/);
    // The conversation goes on: the next question is sent and answered.
    const next = new EventLog();
    await restored.ask('summarize today, again', next.onEvent, ac().signal);
    assert.equal(next.done(), 'end_turn');
    assert.deepEqual(restored.transcript().map((i) => i.kind), ['user', 'notice', 'user', 'assistant', 'usage']);
    const sent = requestMessages(mock, mock.messageRequests().length - 1);
    assert.deepEqual(sent.map((m: { role: string }) => m.role), ['user', 'assistant', 'user'], 'the cut turn is closed, not merged into the next question');
    assert.match(JSON.stringify(sent[1]), /Not answered: the editor was reloaded/);
  });

  it('clear() during an answer stops it first, then leaves nothing behind', async () => {
    mock.enqueue({ text: 'a slow answer that is still streaming when the chat is cleared', chunkSize: 4, eventDelayMs: 100 });
    const { agent, store } = makeAgent(mock, hub);
    const log = new EventLog();
    const asked = agent.ask('q', log.onEvent, ac().signal);
    await waitUntil('the first words of the answer', () => log.of('text').length > 0);
    await agent.clear();
    await asked;
    assert.equal(log.done(), 'cancelled');
    assert.deepEqual(agent.transcript(), []);
    assert.deepEqual(agent.messages(), []);
    assert.equal(store.data.size, 0);
    assert.equal(agent.busy, false);
  });

  it('refuses a second question while busy', async () => {
    mock.enqueue({ text: 'slow', eventDelayMs: 100 });
    const { agent } = makeAgent(mock, hub);
    const first = agent.ask('one', () => undefined, ac().signal);
    const log = new EventLog();
    await agent.ask('two', log.onEvent, ac().signal);
    assert.equal(log.done(), 'busy');
    await first;
    assert.equal(mock.messageRequests().length, 1);
  });

  it('cost is undefined for an unknown model', async () => {
    mock.enqueue({ text: 'hi' });
    const { agent } = makeAgent(mock, hub, { settings: { model: 'some-gateway-model' } });
    const log = new EventLog();
    await agent.ask('q', log.onEvent, ac().signal);
    assert.equal(log.of('usage')[0].usage.costUsd, undefined);
    assert.equal(mock.messageRequests()[0].body.model, 'some-gateway-model');
  });
});
