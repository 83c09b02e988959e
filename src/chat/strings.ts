// The chat webview's strings in the user's language; the webview has no l10n API of its own.
import * as vscode from 'vscode';
import type { WorkspaceOffer } from './offer';
import type { ChatStrings } from './protocol';

/** Placeholders are passed through as-is so that the webview fills them ({0}, {1}…). */
const keep = (message: string, count: number) => vscode.l10n.t(message, ...Array.from({ length: count }, (_, i) => `{${i}}`));

/**
 * `offer`: what the workspace has (offer.ts). Without a folder the git server is off ("No folder is open."); in folders
 * that are not git repositories it has no commits to read: then the empty chat says what it can read instead.
 */
export function chatStrings(offer: WorkspaceOffer): ChatStrings {
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
    emptyTitle: offer.repository ? vscode.l10n.t('Ask about your repository, logs and machine') : vscode.l10n.t('Ask about your logs and machine'),
    emptyHint: emptyHint(offer),
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

function emptyHint(offer: WorkspaceOffer): string {
  if (!offer.folderOpen) {
    return vscode.l10n.t('No folder is open, so there is no repository to read: the assistant reads the logs of the configured log directories and this machine\'s resource usage. Open a folder to ask about its commits. Try one of these:');
  }
  if (!offer.repository) {
    return vscode.l10n.t('No folder of this workspace is a git repository, so there are no commits to read: the assistant reads the logs of this workspace and this machine\'s resource usage. Initialize a repository to ask about commits. Try one of these:');
  }
  return vscode.l10n.t('The assistant uses the git, logs and system tools of this workspace. Try one of these:');
}

/**
 * The seed's example questions (in Korean exactly the seed's wording), each only where the workspace can answer it:
 * commit questions need a repository, log questions somewhere to read logs; a fleet adds a question about its hosts.
 */
export function exampleQuestions(offer: WorkspaceOffer): string[] {
  return [
    offer.repository ? vscode.l10n.t('Summarize what was committed today') : undefined,
    offer.logs ? vscode.l10n.t('Analyze the recent error logs and estimate the causes') : undefined,
    vscode.l10n.t('How is the system resource usage right now? Anything abnormal?'),
    offer.fleet ? vscode.l10n.t('Is any host of the fleet down or short of disk, memory or CPU?') : undefined,
    offer.repository ? vscode.l10n.t('Which files were changed the most in the last week?') : undefined,
    offer.logs ? vscode.l10n.t('Search the ERROR logs for entries about "timeout"') : undefined,
  ].filter((question): question is string => question !== undefined);
}
