import * as assert from 'node:assert/strict';
import type { TranscriptItem } from '../../src/agent/events';
import { unansweredForLackOfModel } from '../../src/chat/unanswered';

describe('unansweredForLackOfModel', () => {
  const problem = 'No Anthropic API key is set and no VS Code language model is available: set a key or choose a model.';
  const asked: TranscriptItem[] = [{ kind: 'user', text: 'Why is the app failing?' }, { kind: 'error', text: problem }];

  it('finds the question whose only answer was the no-model line', () => {
    assert.equal(unansweredForLackOfModel(asked, problem), 'Why is the app failing?');
  });

  it('finds none when the last turn was answered, failed otherwise, or no problem was shown', () => {
    assert.equal(unansweredForLackOfModel([...asked, { kind: 'user', text: 'again' }, { kind: 'assistant', text: 'Here.' }], problem), undefined);
    assert.equal(unansweredForLackOfModel([{ kind: 'user', text: 'q' }, { kind: 'error', text: 'The Anthropic API refused the request (401)' }], problem), undefined);
    assert.equal(unansweredForLackOfModel(asked, undefined), undefined);
    assert.equal(unansweredForLackOfModel([{ kind: 'error', text: problem }], problem), undefined);
    assert.equal(unansweredForLackOfModel([{ kind: 'notice', text: 'x' }, { kind: 'error', text: problem }], problem), undefined);
  });
});
