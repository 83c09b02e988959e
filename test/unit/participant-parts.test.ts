// The @devops participant's vscode-free parts: the conversation rebuilt from the Chat view's history,
// what an answer keeps in its metadata, the renderer of agent events, and /errors file matching.
import assert from 'node:assert/strict';
import type { MessageParam } from '../../src/agent/history';
import { appendUserText } from '../../src/agent/history';
import { compactTurn, KEPT_RESULT_CHARS, markdownOf, messagesFromHistory, turnMessages, turnMetadata, type TurnMetadata } from '../../src/participant/history';
import { cleanFileArgument, matchLogFiles } from '../../src/participant/log-target';
import { TurnRenderer, type ResponseSink } from '../../src/participant/render';

const ME = 'devopsAssistant.devops';
const md = (value: string) => ({ value: { value } });
const request = (prompt: string, command?: string, participant = ME) => ({ prompt, participant, ...(command ? { command } : {}) });
const response = (parts: unknown[], metadata?: unknown, participant = ME) => ({ participant, response: parts, result: { metadata } });

describe('participant history: the model messages from ChatContext.history', () => {
  it('is empty for a new chat', () => {
    assert.deepEqual(messagesFromHistory([], ME), []);
  });

  it('uses the messages an answer kept in its metadata, tool calls and results included', () => {
    const kept: TurnMetadata = {
      messages: [
        { role: 'user', content: 'errors today?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'logs__error_summary', input: { file: 'app.log' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '3 errors' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Three errors.' }] },
      ],
      stopReason: 'end_turn',
      canContinue: false,
    };
    const messages = messagesFromHistory([request('errors today?'), response([md('🔧 step\n\nThree errors.')], kept)], ME);
    assert.deepEqual(messages, kept.messages);
  });

  it('leaves a refused turn out, question and all, so that later requests are not refused for it (break37a)', () => {
    const answered: TurnMetadata = { messages: [{ role: 'user', content: 'first' }, { role: 'assistant', content: [{ type: 'text', text: 'one' }] }], stopReason: 'end_turn', canContinue: false };
    const refused: TurnMetadata = { messages: [], stopReason: 'refusal', canContinue: false };
    const messages = messagesFromHistory([request('first'), response([md('one')], answered), request('refused one'), response([md('Here is')], refused)], ME);
    assert.deepEqual(messages, answered.messages);
  });

  it('falls back to the question and the Markdown shown when the metadata is not ours (older version, failed request)', () => {
    const messages = messagesFromHistory([request('app.log', 'errors'), response([md('### Error summary'), md(' more'), { value: 42 }], { other: true })], ME);
    assert.deepEqual(messages, [
      { role: 'user', content: '/errors app.log' },
      { role: 'assistant', content: '### Error summary more' },
    ]);
  });

  it("skips other participants' turns and merges questions left without an answer, so roles alternate", () => {
    const messages = messagesFromHistory(
      [request('hi', undefined, 'someone.else'), response([md('hello')], undefined, 'someone.else'), request('first'), response([]), request('second'), response([md('answer')])],
      ME,
    );
    assert.deepEqual(messages, [
      { role: 'user', content: [{ type: 'text', text: 'first' }, { type: 'text', text: 'second' }] },
      { role: 'assistant', content: 'answer' },
    ]);
  });

  it('answers a tool call left without its result (a cancelled turn) so the history stays valid', () => {
    const kept = { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: [{ type: 'tool_use', id: 'x', name: 'n', input: {} }] }], stopReason: 'cancelled', canContinue: false };
    const messages = messagesFromHistory([request('q'), response([], kept)], ME);
    const last = messages[messages.length - 1];
    assert.equal(last.role, 'user');
    assert.ok(Array.isArray(last.content) && last.content[0].type === 'tool_result' && last.content[0].tool_use_id === 'x');
  });

  it("a request after one left without an answer keeps its own question in its turn's messages", () => {
    // The seed ends with the cancelled question; the agent merges the new one into that message.
    const seed = messagesFromHistory([request('first'), response([], { messages: [{ role: 'user', content: 'first' }], stopReason: 'cancelled', canContinue: false })], ME);
    const after: MessageParam[] = [...appendUserText(seed, 'second'), { role: 'assistant', content: [{ type: 'text', text: 'answer' }] }];
    const turn = turnMessages(seed, after);
    assert.deepEqual(turn, [{ role: 'user', content: [{ type: 'text', text: 'second' }] }, { role: 'assistant', content: [{ type: 'text', text: 'answer' }] }]);
    // The next request rebuilds both questions, in order, and the answer.
    const rebuilt = messagesFromHistory(
      [request('first'), response([], { messages: seed, stopReason: 'cancelled', canContinue: false }), request('second'), response([md('answer')], { messages: turn, stopReason: 'end_turn', canContinue: false })],
      ME,
    );
    assert.deepEqual(rebuilt, after);
  });

  it("a request after an answered one: its turn's messages are what follows the seed", () => {
    const seed: MessageParam[] = [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }];
    const after: MessageParam[] = [...appendUserText(seed, 'q2'), { role: 'assistant', content: 'a2' }];
    assert.deepEqual(turnMessages(seed, after), [{ role: 'user', content: 'q2' }, { role: 'assistant', content: 'a2' }]);
  });

  it('rejects metadata whose messages have the wrong shape', () => {
    assert.equal(turnMetadata.safeParse({ messages: [{ role: 'system', content: 'x' }], stopReason: 'end_turn', canContinue: false }).success, false);
    assert.equal(turnMetadata.safeParse({ messages: 'x', stopReason: 'end_turn', canContinue: false }).success, false);
  });

  it('markdownOf reads the value of markdown parts only', () => {
    assert.equal(markdownOf([md('a'), { value: 'plain' }, undefined, md('b')]), 'ab');
  });

  it('compactTurn cuts long tool results for the metadata and leaves everything else', () => {
    const long = 'x'.repeat(KEPT_RESULT_CHARS + 500);
    const turn: MessageParam[] = [
      { role: 'user', content: 'q' },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: long }, { type: 'tool_result', tool_use_id: 'b', content: 'short' }] },
    ];
    const [question, results] = compactTurn(turn);
    assert.equal(question, turn[0]);
    assert.ok(Array.isArray(results.content));
    const [a, b] = results.content as Array<{ content: string }>;
    assert.ok(a.content.startsWith('x'.repeat(KEPT_RESULT_CHARS)));
    assert.match(a.content, /500 more characters not kept/);
    assert.equal(b.content, 'short');
    assert.equal((turn[1].content as Array<{ content: string }>)[0].content, long, 'the original is not changed');
  });
});

describe('participant renderer: agent events into the Chat view stream', () => {
  function record() {
    const calls: Array<[string, unknown]> = [];
    const sink: ResponseSink = {
      markdown: (v, o) => calls.push([o?.themeIcons ? 'markdown+icons' : 'markdown', v]),
      progress: (v) => calls.push(['progress', v]),
      button: (c) => calls.push(['button', c]),
    };
    const t = (message: string, ...args: Array<string | number>) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
    return { calls, renderer: new TurnRenderer(sink, t) };
  }

  it('streams text, shows progress while a tool runs and a step line when it ends, on its own paragraph', () => {
    const { calls, renderer } = record();
    renderer.onEvent({ type: 'start', turnId: '1', question: 'q' });
    renderer.onEvent({ type: 'text', delta: 'Let me look.' });
    renderer.onEvent({ type: 'toolStart', callId: 'c1', server: 'logs', tool: 'error_summary', input: { file: 'a`pp.log' } });
    renderer.onEvent({ type: 'toolEnd', callId: 'c1', status: 'ok', durationMs: 1234, result: '...' });
    renderer.onEvent({ type: 'toolStart', callId: 'c2', server: 'git', tool: 'git_status', input: {} });
    renderer.onEvent({ type: 'toolEnd', callId: 'c2', status: 'error', durationMs: 50, result: 'not a repository\nmore' });
    renderer.onEvent({ type: 'text', delta: 'Done.' });
    renderer.onEvent({ type: 'done', stopReason: 'end_turn' });
    assert.deepEqual(calls, [
      ['markdown', 'Let me look.'],
      ['progress', 'Running logs · error_summary…'],
      ['markdown+icons', '\n\n$(check) `logs · error_summary {"file":"a\'pp.log"}` · done in 1.2 s\n\n'],
      ['progress', 'Running git · git_status…'],
      ['markdown+icons', '$(error) `git · git_status` · failed after 0.1 s: not a repository\n\n'],
      ['markdown', 'Done.'],
    ]);
    assert.deepEqual(renderer.outcome(), { stopReason: 'end_turn', canContinue: false });
  });

  it('shows a notice with its button and remembers that the answer can continue', () => {
    const { calls, renderer } = record();
    renderer.onEvent({ type: 'notice', message: 'Stopped after 12 rounds.', canContinue: true, action: { title: 'Settings', command: 'workbench.action.openSettings', args: ['x'] } });
    renderer.onEvent({ type: 'done', stopReason: 'max_tool_rounds' });
    assert.deepEqual(calls, [
      ['markdown', '> Stopped after 12 rounds.\n\n'],
      ['button', { command: 'workbench.action.openSettings', title: 'Settings', arguments: ['x'] }],
    ]);
    assert.deepEqual(renderer.outcome(), { stopReason: 'max_tool_rounds', canContinue: true });
  });

  it('collects errors for errorDetails and offers every action as a button', () => {
    const { calls, renderer } = record();
    renderer.onEvent({ type: 'error', message: 'No permission.', action: { title: 'Choose Model', command: 'devopsAssistant.chooseModel' }, moreActions: [{ title: 'Set API Key', command: 'devopsAssistant.setApiKey' }] });
    renderer.onEvent({ type: 'done', stopReason: 'error' });
    assert.deepEqual(calls, [
      ['button', { command: 'devopsAssistant.chooseModel', title: 'Choose Model' }],
      ['button', { command: 'devopsAssistant.setApiKey', title: 'Set API Key' }],
    ]);
    assert.deepEqual(renderer.outcome(), { stopReason: 'error', canContinue: false, errorMessage: 'No permission.' });
  });

  it('a cancelled tool says so', () => {
    const { calls, renderer } = record();
    renderer.onEvent({ type: 'toolStart', callId: 'c', server: 'system', tool: 'cpu', input: undefined });
    renderer.onEvent({ type: 'toolEnd', callId: 'c', status: 'cancelled', durationMs: 5, result: 'Cancelled by the user.' });
    assert.deepEqual(calls[1], ['markdown+icons', '$(circle-slash) `system · cpu` · cancelled\n\n']);
  });

  it('text from a tool cannot turn into a theme icon in a step line', () => {
    const { calls, renderer } = record();
    renderer.onEvent({ type: 'toolStart', callId: 'c', server: 'logs', tool: 'search_logs', input: { query: '$(whoami)' } });
    renderer.onEvent({ type: 'toolEnd', callId: 'c', status: 'error', durationMs: 5, result: 'bad $(x)' });
    const line = calls[1][1] as string;
    assert.ok(line.startsWith('$(error) '));
    assert.equal(line.slice(2).includes('$('), false, line);
  });
});

describe('participant /errors: which log file the argument names', () => {
  const files = [
    { name: 'app.log', relativePath: 'logs/app.log', dir: '/w', path: '/w/logs/app.log', size: 1 },
    { name: 'api/app.log', relativePath: 'api/app.log', dir: '/w', path: '/w/api/app.log', size: 1 },
    { name: 'worker.log', relativePath: 'logs/worker.log', dir: '/w', path: '/w/logs/worker.log', size: 1 },
  ];
  const same = (a: string, b: string) => a === b;
  const names = (query: string) => matchLogFiles(files, query, same).map((f) => f.name);

  it('matches the tool name, the relative path and the absolute path exactly first', () => {
    assert.deepEqual(names('app.log'), ['app.log']);
    assert.deepEqual(names('api/app.log'), ['api/app.log']);
    assert.deepEqual(names('/w/logs/worker.log'), ['worker.log']);
  });

  it('falls back to the bare file name, which may match several files', () => {
    assert.deepEqual(names('worker.log'), ['worker.log']);
    assert.deepEqual(names('other/app.log'), ['app.log', 'api/app.log']);
  });

  it('takes quotes, backticks and Windows separators as people type them, and nothing for an empty argument', () => {
    assert.deepEqual(names('`logs\\worker.log`'), ['worker.log']);
    assert.deepEqual(names(' "api/app.log" '), ['api/app.log']);
    assert.deepEqual(names('   '), []);
    assert.deepEqual(names('missing.log'), []);
    assert.equal(cleanFileArgument("'my file.log'"), 'my file.log');
  });
});
