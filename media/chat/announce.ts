// What the chat's live region says when an answer ends (read by screen readers).

/**
 * What a screen reader hears when a turn ends: only a model's own end is a complete answer; an error (the request
 * failed, another answer running) or a limit (rounds, length, a refusal) must not be announced as one.
 */
export function announcementOf(stopReason: string): 'stopped' | 'answerDone' | 'answerFailed' | 'answerIncomplete' {
  if (stopReason === 'cancelled') return 'stopped';
  if (stopReason === 'end_turn' || stopReason === 'stop_sequence') return 'answerDone';
  if (stopReason === 'error' || stopReason === 'busy') return 'answerFailed';
  return 'answerIncomplete';
}
