import assert from 'node:assert/strict';
import { agentEvent, transcriptItem } from '../../src/agent/events';
import { CHAT_STRING_KEYS, fromWebviewMessage, MAX_QUESTION_CHARS, toWebviewMessage } from '../../src/chat/protocol';

// The schemas are the guards: both sides act only on what parses.
const isFromWebviewMessage = (value: unknown) => fromWebviewMessage.safeParse(value).success;
const isToWebviewMessage = (value: unknown) => toWebviewMessage.safeParse(value).success;
const isAgentEvent = (value: unknown) => agentEvent.safeParse(value).success;
const isTranscriptItem = (value: unknown) => transcriptItem.safeParse(value).success;

const strings = Object.fromEntries(CHAT_STRING_KEYS.map((k) => [k, k]));

describe('chat protocol schemas', () => {
  it('accepts every message the webview sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'ready', timeZone: 'Asia/Seoul' },
      { type: 'ask', text: '오늘 커밋된 내용을 요약해 주세요' },
      { type: 'stop' },
      { type: 'clear' },
      { type: 'continue' },
      { type: 'openLink', href: 'https://example.com' },
      { type: 'runAction', action: { title: 'Set API Key', command: 'devopsAssistant.setApiKey' } },
      { type: 'runAction', action: { title: 'x', command: 'devopsAssistant.ask', args: ['q'] } },
    ]) {
      assert.equal(isFromWebviewMessage(message), true, JSON.stringify(message));
    }
  });

  it('rejects malformed messages from the webview', () => {
    for (const message of [
      null,
      'ready',
      [],
      {},
      { type: 'unknown' },
      { type: 'ask' },
      { type: 'ask', text: '   ' },
      { type: 'ask', text: 42 },
      { type: 'ask', text: 'x'.repeat(MAX_QUESTION_CHARS + 1) },
      { type: 'openLink' },
      { type: 'openLink', href: 'h'.repeat(9000) },
      { type: 'runAction', action: { command: 'x' } },
      { type: 'runAction', action: { title: 't', command: 'x', args: 'not-an-array' } },
    ]) {
      assert.equal(isFromWebviewMessage(message), false, JSON.stringify(message)?.slice(0, 80));
    }
  });

  it('checks agent events field by field', () => {
    assert.equal(isAgentEvent({ type: 'text', delta: 'hi' }), true);
    assert.equal(isAgentEvent({ type: 'text', delta: 1 }), false);
    assert.equal(isAgentEvent({ type: 'toolStart', callId: 'c', server: 'git', tool: 'git_log', input: {} }), true);
    assert.equal(isAgentEvent({ type: 'toolEnd', callId: 'c', status: 'ok', durationMs: 3, result: '{}' }), true);
    assert.equal(isAgentEvent({ type: 'toolEnd', callId: 'c', status: 'weird', durationMs: 3, result: '{}' }), false);
    assert.equal(isAgentEvent({ type: 'usage', usage: { inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.1 } }), true);
    assert.equal(isAgentEvent({ type: 'usage', usage: { inputTokens: '1', outputTokens: 2 } }), false);
    assert.equal(isAgentEvent({ type: 'notice', message: 'round limit', canContinue: true }), true);
    assert.equal(isAgentEvent({ type: 'waiting', message: 'rate-limited (429): trying again in 60 s (retry 1 of 2)…', waitMs: 60_000 }), true);
    assert.equal(isAgentEvent({ type: 'waiting', message: 'trying again in a few seconds' }), true);
    assert.equal(isAgentEvent({ type: 'waiting', waitMs: 5 }), false);
    assert.equal(isAgentEvent({ type: 'error', message: 'bad key', action: { title: 'Set', command: 'devopsAssistant.setApiKey' } }), true);
    assert.equal(isAgentEvent({ type: 'error', message: 'bad key', action: { title: 'Set' } }), false);
    assert.equal(isAgentEvent({ type: 'done', stopReason: 'end_turn' }), true);
    assert.equal(isAgentEvent({ type: 'start', turnId: 't' }), false);
  });

  it('checks transcript items', () => {
    assert.equal(isTranscriptItem({ kind: 'user', text: 'q' }), true);
    assert.equal(isTranscriptItem({ kind: 'tool', callId: 'c', server: 's', tool: 't', input: {}, status: 'error', durationMs: 1, result: 'r' }), true);
    assert.equal(isTranscriptItem({ kind: 'tool', callId: 'c', server: 's', tool: 't', input: {}, status: 'error', durationMs: '1', result: 'r' }), false);
    assert.equal(isTranscriptItem({ kind: 'html', text: '<b>' }), false);
  });

  it('accepts what the extension sends and rejects partial init messages', () => {
    const init = { type: 'init', strings, items: [{ kind: 'user', text: 'q' }], model: {}, examples: ['a'] };
    assert.equal(isToWebviewMessage(init), true);
    assert.equal(isToWebviewMessage({ ...init, live: { events: [{ type: 'start', turnId: '1', question: 'q' }] } }), true);
    assert.equal(isToWebviewMessage({ ...init, live: { events: [{ type: 'bogus' }] } }), false);
    const { inputLabel: _omit, ...missing } = strings;
    assert.equal(isToWebviewMessage({ ...init, strings: missing }), false);
    assert.equal(isToWebviewMessage({ ...init, items: [{ kind: 'user' }] }), false);
    assert.equal(isToWebviewMessage({ type: 'event', event: { type: 'text', delta: 'x' } }), true);
    assert.equal(isToWebviewMessage({ type: 'append', item: { kind: 'assistant', text: '# hi' } }), true);
    assert.equal(isToWebviewMessage({ type: 'reset', items: [] }), true);
    assert.equal(isToWebviewMessage({ type: 'busy', busy: true }), true);
    assert.equal(isToWebviewMessage({ type: 'busy' }), false);
    assert.equal(isToWebviewMessage({ type: 'focusInput' }), true);
    assert.equal(isToWebviewMessage({ type: 'model', model: { label: 'GPT-4.1 · GitHub Copilot' } }), true);
    assert.equal(isToWebviewMessage({ type: 'model', model: { label: 3 } }), false);
    assert.equal(isAgentEvent({ type: 'model', provider: 'vscode', label: 'x' }), true);
    assert.equal(isAgentEvent({ type: 'error', message: 'm', moreActions: [{ title: 'Choose Model', command: 'devopsAssistant.chooseModel' }] }), true);
  });
});
