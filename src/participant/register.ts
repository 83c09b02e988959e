// Registers @devops in VS Code's own Chat view where this VS Code has the Chat API (a fork, a web
// host or an older build without it still activates the extension, just without the participant).
import * as vscode from 'vscode';
import { chatParticipantApi } from '../vscode-features';
import { createRequestHandler, followupsFor, PARTICIPANT_ID, type ParticipantDeps } from './handler';

export interface Participant {
  /** The request handler VS Code calls (the extension-host tests call it too). */
  readonly handler: vscode.ChatRequestHandler;
  readonly followups: (result: vscode.ChatResult) => vscode.ChatFollowup[];
}

export function registerParticipant(context: vscode.ExtensionContext, deps: ParticipantDeps): Participant | undefined {
  const chat = chatParticipantApi(vscode as { chat?: typeof vscode.chat });
  if (!chat) {
    deps.log('[participant] this VS Code has no Chat API: @devops is not registered');
    return undefined;
  }
  const handler = createRequestHandler(deps);
  const participant = chat.createChatParticipant(PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  participant.followupProvider = { provideFollowups: (result) => followupsFor(result) };
  context.subscriptions.push(participant);
  return { handler, followups: followupsFor };
}
