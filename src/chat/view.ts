// The chat webview view: renders the session, and acts on what the webview asks for.
// The extension posts only after the webview said `ready` (again after each time the view was hidden, which discards
// the webview's document); until then nothing is lost, because `init` carries the transcript and the running turn.
import * as vscode from 'vscode';
import type { AgentEvent, EventAction } from '../agent/events';
import { chatHtml, createNonce } from './html';
import { isActionAllowed, parseLink } from './link-policy';
import { Disposable } from '../lifecycle';
import type { ModelState } from './model-state';
import type { WorkspaceOffer } from './offer';
import { fromWebviewMessage, type FromWebviewMessage, type ModelStatus, type ToWebviewMessage } from './protocol';
import type { ChatSession, SessionUpdate } from './session';
import { chatStrings, exampleQuestions } from './strings';

export const CHAT_VIEW_ID = 'devopsAssistant.chat';
/**
 * The chat has a view container of its own (package.json), so that it gets the whole height of the
 * side bar instead of a share beside the three trees. (`viewsContainers.secondarySidebar` would put
 * it beside them, but it is stable only from VS Code 1.106 and `engines.vscode` is ^1.101.)
 */
export const CHAT_CONTAINER_ID = 'devopsAssistantChat';

export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  /** Commands that came with an error or notice; the webview may run only these (and our own). */
  private readonly offeredCommands = new Set<string>();
  /** A question to put in the input box once the webview is ready (keepDraft before `init`). */
  private pendingDraft: string | undefined;
  /** Callers of whenReady waiting for the webview's `ready`. */
  private readonly readyWaiters = new Set<() => void>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly session: ChatSession,
    private readonly model: ModelState,
    /** What the workspace has, asked each time the webview (re)loads: a `git init` since then changes the offer. */
    private readonly offer: () => WorkspaceOffer,
    /** Told the time zone of the user's window each time the webview loads (UserTimeZone.report). */
    private readonly onTimeZone: (zone: string | undefined) => void = () => {},
  ) {
    super();
    this._register(this.session.onUpdate((update) => this.onSessionUpdate(update)));
    this._register(this.model.onDidChange(() => void this.postModelStatus()));
  }

  get isReady(): boolean {
    return this.ready;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const webviewRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'media', 'chat');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [webviewRoot, mediaRoot] };
    view.webview.html = chatHtml({
      cspSource: view.webview.cspSource,
      nonce: createNonce(),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'chat.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'chat.css')).toString(),
      lang: vscode.env.language,
      title: vscode.l10n.t('DevOps Assistant chat'),
    });
    const received = view.webview.onDidReceiveMessage((message: unknown) => {
      const parsed = fromWebviewMessage.safeParse(message);
      if (parsed.success) void this.onWebviewMessage(parsed.data);
    });
    // Hidden, a webview view without retainContextWhenHidden loses its document: messages posted then are dropped,
    // and shown again it is loaded anew and says `ready`. So nothing counts as delivered until then: a question kept
    // by keepDraft while the chat was hidden (an answer running, the Explorer shown) was lost with the old document.
    const visibility = view.onDidChangeVisibility(() => {
      if (!view.visible && this.view === view) this.ready = false;
    });
    view.onDidDispose(() => {
      received.dispose();
      visibility.dispose();
      if (this.view === view) {
        this.view = undefined;
        this.ready = false;
      }
    });
  }

  /**
   * Resolves once the webview has loaded and said `ready` (it then has told the user's time zone), or after `timeoutMs`
   * (milliseconds): a question asked from the palette in a new window came before the webview, so "today" was the host's.
   */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.readyWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.readyWaiters.add(done);
    });
  }

  /** Shows the chat view (creating it if needed); with `focus`, its input gets the keyboard. */
  async reveal(focus = true): Promise<void> {
    if (this.view) {
      this.view.show(!focus);
      if (focus) this.post({ type: 'focusInput' });
    } else if (focus) {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
    } else {
      await vscode.commands.executeCommand(`workbench.view.extension.${CHAT_CONTAINER_ID}`);
    }
  }

  /**
   * Puts `text` in the chat's input box (after what is typed there), so that a question that could not be asked
   * now (an answer is running) is not lost; kept until the webview is ready if it is not yet.
   */
  keepDraft(text: string): void {
    if (this.view && this.ready) this.post({ type: 'draft', text });
    // Two questions asked before the webview is ready are both kept, as the webview keeps them (one after the other).
    else this.pendingDraft = this.pendingDraft === undefined ? text : `${this.pendingDraft}\n\n${text}`;
  }

  private post(message: ToWebviewMessage): void {
    if (this.view && this.ready) void this.view.webview.postMessage(message);
  }

  private onSessionUpdate(update: SessionUpdate): void {
    if (update.type === 'event') this.rememberOffered(update.event);
    this.post(update);
  }

  /** Synchronous on purpose: the snapshot and `ready` change together, so no event falls between them. */
  private postInit(model: ModelStatus): void {
    this.ready = true;
    const snapshot = this.session.snapshot();
    for (const event of snapshot.live?.events ?? []) this.rememberOffered(event);
    const offer = this.offer();
    this.post({
      type: 'init',
      strings: chatStrings(offer),
      examples: exampleQuestions(offer),
      items: snapshot.items,
      live: snapshot.live,
      model,
    });
    if (this.pendingDraft !== undefined) {
      this.post({ type: 'draft', text: this.pendingDraft });
      this.pendingDraft = undefined;
    }
    for (const done of [...this.readyWaiters]) done();
  }

  /** The buttons an error or notice offers may be run from the webview (isActionAllowed). */
  private rememberOffered(event: AgentEvent): void {
    if (event.type !== 'error' && event.type !== 'notice') return;
    if (event.action) this.offeredCommands.add(event.action.command);
    if (event.type === 'error') for (const action of event.moreActions ?? []) this.offeredCommands.add(action.command);
  }

  private async postModelStatus(): Promise<void> {
    this.post({ type: 'model', model: await this.model.status() });
  }

  private async onWebviewMessage(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        // Until `init` is posted nothing else is: events of a running turn are in its snapshot.
        this.ready = false;
        this.onTimeZone(message.timeZone);
        this.postInit(await this.model.status());
        return;
      }
      case 'ask':
        await this.session.ask(message.text);
        return;
      case 'continue':
        await this.session.continue();
        return;
      case 'stop':
        this.session.stop();
        return;
      case 'clear':
        await this.session.clear();
        return;
      case 'openLink':
        await this.openLink(message.href);
        return;
      case 'runAction':
        await this.runAction(message.action);
        return;
    }
  }

  private async openLink(href: string): Promise<void> {
    const target = parseLink(href);
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This link was not opened: only web pages and DevOps Assistant commands can be opened from the chat.'));
      return;
    }
    if (target.kind === 'external') await vscode.env.openExternal(vscode.Uri.parse(target.url));
    else await vscode.commands.executeCommand(target.command, ...target.args);
  }

  private async runAction(action: EventAction): Promise<void> {
    if (!isActionAllowed(action.command, this.offeredCommands)) return;
    await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
  }
}
