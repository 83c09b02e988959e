// Feature detection: the Language Model and Chat APIs are used only where the host really has them.
import assert from 'node:assert/strict';
import { chatParticipantApi, languageModelApi } from '../../src/vscode-features';

describe('VS Code feature detection', () => {
  it('the Language Model API: present only with a selectChatModels function', () => {
    const lm = { selectChatModels: async () => [] };
    assert.equal(languageModelApi({ lm }), lm);
    assert.equal(languageModelApi({}), undefined, 'no vscode.lm at all (web host, fork)');
    assert.equal(languageModelApi({ lm: {} }), undefined, 'a namespace without the function');
    assert.equal(languageModelApi({ lm: { selectChatModels: 'proposed' } }), undefined);
  });

  it('the Chat API: present only with a createChatParticipant function', () => {
    const chat = { createChatParticipant: () => ({}) };
    assert.equal(chatParticipantApi({ chat }), chat);
    assert.equal(chatParticipantApi({}), undefined, 'no vscode.chat at all');
    assert.equal(chatParticipantApi({ chat: {} }), undefined, 'a namespace without the function');
  });
});
