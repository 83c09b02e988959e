// What the commands act on: the objects activate() creates and hands to registerCommands.
import type { ChatSession } from '../chat/session';
import type { ChatViewProvider } from '../chat/view';
import type { McpHub } from '../mcp/types';
import type { Models } from '../models/register';

/** What the commands act on, created in activate(). */
export interface CommandTargets {
  hub: McpHub;
  session: ChatSession;
  /** Revealed when a command puts something in the chat; keeps a question that cannot be asked yet. */
  chatView: Pick<ChatViewProvider, 'reveal' | 'keepDraft' | 'whenReady'>;
  /** Which model answers; the Choose Model picker lists what VS Code offers. */
  models: Models;
}
