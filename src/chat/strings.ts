// The chat webview's strings in the user's language; the webview has no l10n API of its own.
import * as vscode from 'vscode';
import type { ChatStrings } from './protocol';

/** Placeholders are passed through as-is so that the webview fills them ({0}, {1}…). */
const keep = (message: string, count: number) => vscode.l10n.t(message, ...Array.from({ length: count }, (_, i) => `{${i}}`));

/**
 * `folderOpen`: whether the window has a workspace folder. Without one the git server is off ("No folder is open."), so
 * the empty chat says what it can read and offers no question about commits.
 */
export function chatStrings(folderOpen = true): ChatStrings {
  return {
    inputLabel: vscode.l10n.t('Ask about the repository, logs or system'),
    inputPlaceholder: vscode.l10n.t('Ask a question (Enter to send, Shift+Enter for a new line, ↑ for history)'),
    send: vscode.l10n.t('Send'),
    stop: vscode.l10n.t('Stop'),
    clear: vscode.l10n.t('Clear'),
    continue: vscode.l10n.t('Continue'),
    you: vscode.l10n.t('You'),
    assistant: vscode.l10n.t('DevOps Assistant'),
    tool: vscode.l10n.t('Tool'),
    arguments: vscode.l10n.t('Arguments'),
    result: vscode.l10n.t('Result'),
    showResult: vscode.l10n.t('Show result'),
    running: vscode.l10n.t('running…'),
    statusOk: vscode.l10n.t('ok'),
    statusError: vscode.l10n.t('failed'),
    statusCancelled: vscode.l10n.t('cancelled'),
    durationMs: keep('{0} ms', 1),
    usage: keep('{0} tokens in · {1} out · {2} from cache', 3),
    usageNoCache: keep('{0} tokens in · {1} out', 2),
    cost: keep('≈ ${0}', 1),
    emptyTitle: vscode.l10n.t('Ask about your repository, logs and machine'),
    emptyHint: folderOpen
      ? vscode.l10n.t('The assistant uses the git, logs and system tools of this workspace. Try one of these:')
      : vscode.l10n.t('No folder is open, so there is no repository to read: the assistant reads the logs of the configured log directories and this machine\'s resource usage. Open a folder to ask about its commits. Try one of these:'),
    noApiKey: vscode.l10n.t('No Anthropic API key is set and no VS Code language model is available: set a key or choose a model.'),
    setApiKey: vscode.l10n.t('Set API Key'),
    chooseModel: vscode.l10n.t('Choose Model'),
    answeringWith: keep('Answering with {0}', 1),
    changeModel: vscode.l10n.t('Change'),
    thinking: vscode.l10n.t('Working on the answer…'),
    stopped: vscode.l10n.t('Stopped.'),
    answerDone: vscode.l10n.t('Answer complete.'),
    answerFailed: vscode.l10n.t('No answer: an error stopped it (see the message in the conversation).'),
    answerIncomplete: vscode.l10n.t('The answer stopped before it was complete (see the notice in the conversation).'),
    transcriptLabel: vscode.l10n.t('Conversation'),
    stillAnswering: vscode.l10n.t('The assistant is still answering. Stop it or wait, then ask again.'),
  };
}

/**
 * The seed's example questions; in Korean they are exactly the seed's wording. Without a folder (`folderOpen` false)
 * the two about commits are left out: no repository can answer them.
 */
export function exampleQuestions(folderOpen = true): string[] {
  const git = [vscode.l10n.t('Summarize what was committed today'), vscode.l10n.t('Which files were changed the most in the last week?')];
  const all = [
    git[0],
    vscode.l10n.t('Analyze the recent error logs and estimate the causes'),
    vscode.l10n.t('How is the system resource usage right now? Anything abnormal?'),
    git[1],
    vscode.l10n.t('Search the ERROR logs for entries about "timeout"'),
  ];
  return folderOpen ? all : all.filter((question) => !git.includes(question));
}
