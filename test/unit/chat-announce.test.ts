// The chat's live region said "Answer complete." after a failed request or a limit (break15): a screen-reader user
// heard a finished answer where there was an error or half an answer.
import assert from 'node:assert/strict';
import { announcementOf } from '../../media/chat/announce';

describe('chat: what a screen reader hears when an answer ends', () => {
  it('only the model\'s own end is a complete answer', () => {
    assert.equal(announcementOf('end_turn'), 'answerDone');
    assert.equal(announcementOf('stop_sequence'), 'answerDone');
    assert.equal(announcementOf('cancelled'), 'stopped');
    for (const failed of ['error', 'busy']) assert.equal(announcementOf(failed), 'answerFailed', failed);
    for (const cut of ['max_tokens', 'max_tool_rounds', 'repeated_tool_call', 'pause_turn', 'refusal', 'model_context_window_exceeded', 'nothing_to_continue']) {
      assert.equal(announcementOf(cut), 'answerIncomplete', cut);
    }
  });
});
