// The chat webview. Untrusted text (questions, answers, tool arguments and results, log lines,
// commit messages) is only ever inserted as textContent, or as HTML produced by the Markdown
// renderer with raw HTML off. Links never navigate: they are posted to the extension. Bidi controls and invisible
// characters in that text are written out (`\u202E`, escapeInvisible: what a server already wrote out stays as it is)
// before it is shown: a branch or file name, a log line or an answer quoting one never reorders or hides what a person
// reads (Trojan Source).
import type { AgentEvent, EventAction, TranscriptItem, Usage } from '../../src/agent/events';
import { toWebviewMessage, type ChatStrings, type FromWebviewMessage, type ModelStatus, type ToWebviewMessage } from '../../src/chat/protocol';
import { announcementOf } from './announce';
import { breaksBetweenWordsOnly, KEEP_WORDS_CLASS } from './line-breaks';
import { createMarkdownRenderer } from './markdown';
import { escapeInvisible } from '../../servers/shared/invisible';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  draft?: string;
}

const vscode = acquireVsCodeApi();
const renderMarkdown = createMarkdownRenderer();
const post = (message: FromWebviewMessage) => vscode.postMessage(message);

let strings: ChatStrings | undefined;
let running = false;
let history: string[] = [];
let historyIndex = -1;
let pendingDraft = '';

/**
 * Sets an element's text; Korean text breaks between words only (line-breaks.ts), in the chat's own lines (a notice, an
 * error, the banner) as in answers: "과부하 상태가" was cut to "상/태가" in a narrow error box. Not in a <pre>, which keeps
 * its text as the tool wrote it.
 */
const setText = (node: HTMLElement, text: string) => {
  node.textContent = escapeInvisible(text);
  if (node.tagName !== 'PRE') node.classList.toggle(KEEP_WORDS_CLASS, breaksBetweenWordsOnly(text));
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) setText(node, text);
  return node;
};

const format = (template: string, ...values: Array<string | number>) =>
  template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : match));

const t = (key: keyof ChatStrings) => strings?.[key] ?? key;

// ---- layout ---------------------------------------------------------------------------------

interface Layout {
  banner: HTMLElement;
  /** "Answering with …" and its Change button; hidden while there is no model. */
  modelLine: HTMLElement;
  transcript: HTMLElement;
  empty: HTMLElement;
  announcer: HTMLElement;
  input: HTMLTextAreaElement;
  /** Why a question was not sent (an answer is still running); hidden otherwise. */
  hint: HTMLElement;
  send: HTMLButtonElement;
  stop: HTMLButtonElement;
  clear: HTMLButtonElement;
}
let ui: Layout | undefined;

/** Builds the view once `init` brings the strings: banner, empty state, transcript, composer. */
function buildLayout(examples: string[]): Layout {
  const app = document.getElementById('app') ?? document.body;
  app.replaceChildren();
  const banner = buildBanner();
  const modelLine = buildModelLine();
  const empty = buildEmptyState(examples);
  const transcript = buildTranscript();
  followEnd(transcript);
  const announcer = el('div', 'sr-only');
  announcer.setAttribute('aria-live', 'polite');
  const composer = buildComposer();
  app.append(banner, modelLine, empty, transcript, announcer, composer.form);
  return { banner, modelLine, transcript, empty, announcer, ...composer.controls };
}

/** "No model" in one line with its fixes (Set API Key, Choose Model: those the problem names); hidden until the extension says there is no model. */
function buildBanner(): HTMLElement {
  const banner = el('section', 'banner');
  banner.hidden = true;
  banner.setAttribute('role', 'status');
  banner.append(el('p', undefined, t('noApiKey')));
  banner.append(commandButton('setApiKey', 'devopsAssistant.setApiKey'), commandButton('chooseModel', 'devopsAssistant.chooseModel'));
  return banner;
}

/** Which model answers, with a button to choose another. */
function buildModelLine(): HTMLElement {
  const line = el('div', 'model-line');
  line.hidden = true;
  line.append(el('span', 'model-label'));
  const change = commandButton('changeModel', 'devopsAssistant.chooseModel');
  change.classList.add('link');
  line.append(change);
  return line;
}

function commandButton(title: keyof ChatStrings, command: string): HTMLButtonElement {
  const button = el('button', 'action', t(title));
  button.type = 'button';
  button.dataset.command = command;
  button.addEventListener('click', () => post({ type: 'runAction', action: { title: t(title), command } }));
  return button;
}

/** The banner when there is no model (its text the extension's reason), else the "Answering with" line. */
function showModel(model: ModelStatus) {
  if (!ui) return;
  ui.banner.hidden = model.label !== undefined;
  setText(ui.banner.querySelector('p')!, model.problem ?? t('noApiKey'));
  // A button that cannot fix this problem (Set API Key while the provider setting says `vscode`) is not offered.
  for (const button of ui.banner.querySelectorAll<HTMLButtonElement>('button[data-command]')) button.hidden = model.commands !== undefined && !model.commands.includes(button.dataset.command ?? '');
  ui.modelLine.hidden = model.label === undefined;
  ui.modelLine.querySelector('.model-label')!.textContent = model.label ? escapeInvisible(format(t('answeringWith'), model.label)) : '';
}

/** The empty conversation: a title, a hint and example questions that are asked on click. */
function buildEmptyState(examples: string[]): HTMLElement {
  const empty = el('section', 'empty');
  empty.append(el('h2', undefined, t('emptyTitle')), el('p', undefined, t('emptyHint')));
  const list = el('ul', 'examples');
  for (const example of examples) {
    const item = el('li');
    const button = el('button', 'example', example);
    button.type = 'button';
    button.addEventListener('click', () => ask(example));
    item.append(button);
    list.append(item);
  }
  empty.append(list);
  return empty;
}

/** The conversation log; its links open through the extension on click or Enter. */
function buildTranscript(): HTMLElement {
  const transcript = el('div', 'transcript');
  transcript.id = 'transcript';
  transcript.setAttribute('role', 'log');
  transcript.setAttribute('aria-live', 'polite');
  transcript.setAttribute('aria-label', t('transcriptLabel'));
  transcript.tabIndex = 0;
  transcript.addEventListener('click', onTranscriptClick);
  transcript.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.matches('a.md-link')) {
      event.preventDefault();
      openLink(event.target);
    }
  });
  return transcript;
}

/** The question box (its draft survives the view being hidden) and the Send, Stop and Clear buttons. */
function buildComposer(): { form: HTMLFormElement; controls: Pick<Layout, 'input' | 'hint' | 'send' | 'stop' | 'clear'> } {
  const form = el('form', 'composer');
  const input = el('textarea', 'input');
  input.id = 'chat-input';
  input.rows = 3;
  input.setAttribute('aria-label', t('inputLabel'));
  input.placeholder = t('inputPlaceholder');
  const send = button('primary', 'send', 'submit');
  const stop = button('stop', 'stop', 'button');
  stop.hidden = true;
  // Escape stops too (see onDocumentKey); said where the button is, for sighted and screen-reader users.
  stop.title = `${t('stop')} (Esc)`;
  stop.setAttribute('aria-keyshortcuts', 'Escape');
  const clear = button('secondary', 'clear', 'button');
  const buttons = el('div', 'buttons');
  buttons.append(send, stop, clear);
  const hint = el('p', 'hint');
  hint.hidden = true;
  hint.setAttribute('role', 'status');
  form.append(input, buttons, hint);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', onInputKey);
  input.addEventListener('input', () => {
    vscode.setState({ draft: input.value } satisfies SavedState);
  });
  stop.addEventListener('click', () => post({ type: 'stop' }));
  clear.addEventListener('click', () => post({ type: 'clear' }));
  const saved = vscode.getState() as SavedState | undefined;
  input.value = saved?.draft ?? '';
  return { form, controls: { input, hint, send, stop, clear } };
}

/** A composer button whose id and label key are the same word. */
function button(className: string, id: 'send' | 'stop' | 'clear', type: 'submit' | 'button'): HTMLButtonElement {
  const node = el('button', className, t(id));
  node.type = type;
  node.id = id;
  return node;
}

function onTranscriptClick(event: MouseEvent) {
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  if (!target) return;
  event.preventDefault();
  openLink(target);
}

function openLink(anchor: Element) {
  const href = anchor.getAttribute('data-href');
  if (href) post({ type: 'openLink', href });
}

// ---- input ----------------------------------------------------------------------------------

function ask(text: string) {
  const question = text.trim();
  if (!question || running) return;
  if (history[history.length - 1] !== question) history.push(question);
  historyIndex = -1;
  post({ type: 'ask', text: question });
}

function submit() {
  if (!ui) return;
  const text = ui.input.value;
  if (!text.trim()) return;
  // Enter during an answer keeps the question in the box; without a word it looked like a key that did nothing.
  if (running) {
    setText(ui.hint, t('stillAnswering'));
    ui.hint.hidden = false;
    return;
  }
  ask(text);
  ui.input.value = '';
  vscode.setState({ draft: '' } satisfies SavedState);
}

/** A question asked from the palette while an answer runs: in the box after what was typed there, with the reason. */
function keepDraft(text: string) {
  if (!ui) return;
  const typed = ui.input.value.trim();
  if (typed !== text.trim()) ui.input.value = typed ? `${ui.input.value.trimEnd()}\n\n${text}` : text;
  vscode.setState({ draft: ui.input.value } satisfies SavedState);
  if (running) {
    setText(ui.hint, t('stillAnswering'));
    ui.hint.hidden = false;
  }
  ui.input.focus();
  ui.input.setSelectionRange(ui.input.value.length, ui.input.value.length);
}

function onInputKey(event: KeyboardEvent) {
  if (!ui) return;
  const input = ui.input;
  // Korean (and other IME) input: Enter that ends a composition must not send.
  if (event.isComposing || event.keyCode === 229) return;
  if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  if (event.key === 'ArrowUp' && !input.value.slice(0, input.selectionStart).includes('\n') && history.length > 0) {
    event.preventDefault();
    if (historyIndex === -1) {
      pendingDraft = input.value;
      historyIndex = history.length - 1;
    } else if (historyIndex > 0) {
      historyIndex--;
    }
    input.value = history[historyIndex];
    input.setSelectionRange(input.value.length, input.value.length);
    return;
  }
  if (event.key === 'ArrowDown' && historyIndex !== -1 && !input.value.slice(input.selectionEnd).includes('\n')) {
    event.preventDefault();
    if (historyIndex < history.length - 1) {
      historyIndex++;
      input.value = history[historyIndex];
    } else {
      historyIndex = -1;
      input.value = pendingDraft;
    }
    input.setSelectionRange(input.value.length, input.value.length);
  }
}

function setRunning(value: boolean) {
  running = value;
  if (!ui) return;
  if (!value) ui.hint.hidden = true;
  ui.stop.hidden = !value;
  ui.send.disabled = value;
  ui.transcript.setAttribute('aria-busy', String(value));
  // A Continue button belongs to the turn that offered it: once another turn starts it is spent.
  ui.transcript.querySelectorAll<HTMLButtonElement>('button.continue').forEach((button) => {
    if (value) button.dataset.spent = 'true';
    button.disabled = value || button.dataset.spent === 'true';
  });
}

// ---- transcript rendering -------------------------------------------------------------------

interface AnswerBlock {
  node: HTMLElement;
  source: string;
  timer?: ReturnType<typeof setTimeout>;
}

interface TurnState {
  node: HTMLElement;
  answer?: AnswerBlock;
  tools: Map<string, HTMLDetailsElement>;
}
let turn: TurnState | undefined;

/** Whether the transcript shows its end: while it does, whatever is added (a streamed answer, a tool step) stays in view. */
let atEnd = true;

/**
 * Keeps the newest content in view: after any change to the transcript's content or size (the view
 * resized, the banner shown) it scrolls to the end, unless the person scrolled up to read.
 */
function followEnd(transcript: HTMLElement) {
  atEnd = true;
  transcript.addEventListener('scroll', () => {
    atEnd = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  });
  const keep = () => {
    if (atEnd) transcript.scrollTop = transcript.scrollHeight;
  };
  new MutationObserver(keep).observe(transcript, { childList: true, subtree: true, characterData: true });
  new ResizeObserver(keep).observe(transcript);
}

/** A new question or an appended summary is what the person is waiting for: show it even if they had scrolled up. */
function scrollToEnd() {
  if (!ui) return;
  atEnd = true;
  ui.transcript.scrollTop = ui.transcript.scrollHeight;
}

function updateEmpty() {
  if (!ui) return;
  ui.empty.hidden = ui.transcript.childElementCount > 0;
}

function newTurnNode(): HTMLElement {
  const node = el('div', 'turn');
  ui?.transcript.append(node);
  updateEmpty();
  return node;
}

function userMessage(text: string): HTMLElement {
  const node = el('div', 'message user');
  const body = el('div', 'text', text);
  body.classList.toggle(KEEP_WORDS_CLASS, breaksBetweenWordsOnly(text));
  node.append(el('div', 'who', t('you')), body);
  return node;
}

function answerNode(): HTMLElement {
  const node = el('div', 'message assistant');
  node.append(el('div', 'who', t('assistant')));
  const body = el('div', 'markdown');
  node.append(body);
  return node;
}

function renderAnswer(block: AnswerBlock) {
  const body = block.node.querySelector('.markdown');
  if (!body) return;
  body.innerHTML = renderMarkdown(escapeInvisible(block.source));
  body.classList.toggle(KEEP_WORDS_CLASS, breaksBetweenWordsOnly(block.source));
}

const statusLabel = (status: string) =>
  status === 'ok' ? t('statusOk') : status === 'error' ? t('statusError') : status === 'cancelled' ? t('statusCancelled') : t('running');

function stringifyInput(input: unknown): string {
  try {
    return JSON.stringify(input, null, 2) ?? '';
  } catch {
    return String(input);
  }
}

function toolStep(server: string, tool: string, input: unknown): HTMLDetailsElement {
  const details = el('details', 'tool-step');
  details.dataset.status = 'running';
  const summary = el('summary');
  const icon = el('span', 'status-icon');
  icon.setAttribute('aria-hidden', 'true');
  const name = el('span', 'tool-name', `${server} · ${tool}`);
  const meta = el('span', 'tool-meta', t('running'));
  summary.append(icon, el('span', 'sr-only', `${t('tool')}: `), name, meta);
  details.append(summary);

  const body = el('div', 'tool-body');
  body.append(el('div', 'label', t('arguments')), el('pre', 'args', stringifyInput(input)));
  details.append(body);
  return details;
}

function finishToolStep(details: HTMLDetailsElement, status: string, durationMs: number, result: string) {
  details.dataset.status = status;
  const meta = details.querySelector('.tool-meta');
  if (meta) meta.textContent = `${format(t('durationMs'), Math.round(durationMs))} · ${statusLabel(status)}`;
  const body = details.querySelector('.tool-body');
  if (!body || body.querySelector('.tool-result')) return;
  const resultDetails = el('details', 'tool-result');
  const summary = el('summary', undefined, t('showResult'));
  const pre = el('pre', 'result');
  resultDetails.append(summary, pre);
  // Results can be large: they are put in the page only when asked for.
  resultDetails.addEventListener('toggle', () => {
    if (resultDetails.open && !pre.textContent) pre.textContent = escapeInvisible(result);
  });
  body.append(resultDetails);
}

/** Tokens, the cost where the model's price is known, and which model answered. */
function usageNode(usage: Usage): HTMLElement {
  // Models without prompt caching (VS Code's) report none: no "0 from cache" then.
  const cached = (usage.cacheReadTokens ?? 0) + (usage.cacheWriteTokens ?? 0) > 0;
  const tokens = cached
    ? format(t('usage'), usage.inputTokens.toLocaleString(), usage.outputTokens.toLocaleString(), (usage.cacheReadTokens ?? 0).toLocaleString())
    : format(t('usageNoCache'), usage.inputTokens.toLocaleString(), usage.outputTokens.toLocaleString());
  const cost = usage.costUsd !== undefined ? ` · ${format(t('cost'), usage.costUsd < 0.01 ? usage.costUsd.toFixed(4) : usage.costUsd.toFixed(3))}` : '';
  const model = usage.model ? ` · ${usage.model}` : '';
  return el('div', 'usage', tokens + cost + model);
}

function actionButton(action: EventAction): HTMLButtonElement {
  const button = el('button', 'action', action.title);
  button.type = 'button';
  button.addEventListener('click', () => post({ type: 'runAction', action }));
  return button;
}

function noticeNode(message: string, canContinue: boolean, action?: EventAction): HTMLElement {
  const node = el('div', 'notice');
  node.setAttribute('role', 'status');
  node.append(el('span', 'text', message));
  if (action) node.append(actionButton(action));
  if (canContinue) {
    const button = el('button', 'continue', t('continue'));
    button.type = 'button';
    button.disabled = running;
    button.addEventListener('click', () => {
      button.disabled = true;
      post({ type: 'continue' });
    });
    node.append(button);
  }
  return node;
}

function errorNode(message: string, action?: EventAction, moreActions: EventAction[] = []): HTMLElement {
  const node = el('div', 'error');
  node.setAttribute('role', 'alert');
  node.append(el('span', 'text', message));
  for (const each of action ? [action, ...moreActions] : moreActions) node.append(actionButton(each));
  return node;
}

function container(): HTMLElement {
  if (!turn) turn = { node: newTurnNode(), tools: new Map() };
  return turn.node;
}

function flushAnswer() {
  const answer = turn?.answer;
  if (!answer) return;
  if (answer.timer) clearTimeout(answer.timer);
  answer.timer = undefined;
  renderAnswer(answer);
  answer.node.querySelector('.markdown')?.removeAttribute('aria-busy');
}

/** Streams answer text into the current answer (created on the first delta), re-rendered at most every 40 ms. */
function appendAnswerText(delta: string) {
  const parent = container();
  if (!turn!.answer) {
    const node = answerNode();
    node.querySelector('.markdown')?.setAttribute('aria-busy', 'true');
    parent.append(node);
    turn!.answer = { node, source: '' };
  }
  const answer = turn!.answer!;
  answer.source += delta;
  answer.timer ??= setTimeout(() => {
    answer.timer = undefined;
    renderAnswer(answer);
  }, 40);
}

/** The line saying the request waits before a retry: one at a time, gone with the turn's next event. */
let waitingNode: HTMLElement | undefined;

function showWaiting(message: string) {
  waitingNode?.remove();
  waitingNode = el('div', 'notice waiting', message);
  waitingNode.setAttribute('role', 'status');
  container().append(waitingNode);
  scrollToEnd();
}

function applyEvent(event: AgentEvent) {
  if (event.type !== 'waiting') {
    waitingNode?.remove();
    waitingNode = undefined;
  }
  switch (event.type) {
    case 'waiting':
      flushAnswer();
      showWaiting(event.message);
      break;
    case 'start': {
      flushAnswer();
      turn = { node: newTurnNode(), tools: new Map() };
      turn.node.append(userMessage(event.question));
      scrollToEnd();
      if (history[history.length - 1] !== event.question) history.push(event.question);
      setRunning(true);
      ui?.announcer.replaceChildren(t('thinking'));
      break;
    }
    case 'text':
      appendAnswerText(event.delta);
      break;
    case 'toolStart': {
      flushAnswer();
      const parent = container();
      turn!.answer = undefined;
      const step = toolStep(event.server, event.tool, event.input);
      turn!.tools.set(event.callId, step);
      parent.append(step);
      break;
    }
    case 'toolEnd': {
      const step = turn?.tools.get(event.callId);
      if (step) finishToolStep(step, event.status, event.durationMs, event.result);
      break;
    }
    case 'usage':
      flushAnswer();
      container().append(usageNode(event.usage));
      break;
    case 'notice':
      flushAnswer();
      container().append(noticeNode(event.message, event.canContinue, event.action));
      break;
    case 'error':
      flushAnswer();
      container().append(errorNode(event.message, event.action, event.moreActions));
      break;
    case 'done':
      flushAnswer();
      if (turn) turn.answer = undefined;
      setRunning(false);
      ui?.announcer.replaceChildren(t(announcementOf(event.stopReason)));
      if (document.hasFocus()) ui?.input.focus();
      break;
  }
}

/** Transcript items (history) render like the events that produced them, without streaming. */
function renderItem(item: TranscriptItem) {
  switch (item.kind) {
    case 'user':
      flushAnswer();
      turn = { node: newTurnNode(), tools: new Map() };
      turn.node.append(userMessage(item.text));
      break;
    case 'assistant': {
      flushAnswer();
      const node = answerNode();
      container().append(node);
      const block: AnswerBlock = { node, source: item.text };
      renderAnswer(block);
      if (turn) turn.answer = undefined;
      break;
    }
    case 'tool': {
      flushAnswer();
      const step = toolStep(item.server, item.tool, item.input);
      finishToolStep(step, item.status, item.durationMs, item.result);
      container().append(step);
      if (turn) turn.answer = undefined;
      break;
    }
    case 'usage':
      container().append(usageNode(item.usage));
      break;
    case 'notice':
      container().append(noticeNode(item.text, false));
      break;
    case 'error':
      container().append(errorNode(item.text));
      break;
  }
}

function resetTranscript(items: TranscriptItem[]) {
  if (!ui) return;
  ui.transcript.replaceChildren();
  turn = undefined;
  for (const item of items) renderItem(item);
  turn = undefined;
  updateEmpty();
  scrollToEnd();
}

// ---- messages from the extension ------------------------------------------------------------

function onMessage(message: ToWebviewMessage) {
  switch (message.type) {
    case 'init': {
      strings = message.strings;
      ui = buildLayout(message.examples);
      history = message.items.filter((i) => i.kind === 'user').map((i) => (i as { text: string }).text);
      resetTranscript(message.items);
      showModel(message.model);
      setRunning(message.live !== undefined);
      for (const event of message.live?.events ?? []) applyEvent(event);
      // No focus here: opening the sidebar at start-up must not take the keyboard from the editor.
      if (document.hasFocus()) ui.input.focus();
      break;
    }
    case 'event':
      applyEvent(message.event);
      break;
    case 'append':
      flushAnswer();
      // Outside a turn an appended item (e.g. an error summary) is a block of its own.
      if (!running) turn = { node: newTurnNode(), tools: new Map() };
      renderItem(message.item);
      if (!running) turn = undefined;
      updateEmpty();
      scrollToEnd();
      break;
    case 'reset':
      resetTranscript(message.items);
      setRunning(false);
      if (document.hasFocus()) ui?.input.focus();
      break;
    case 'model':
      showModel(message.model);
      break;
    case 'busy':
      if (!message.busy) flushAnswer();
      setRunning(message.busy);
      break;
    case 'focusInput':
      ui?.input.focus();
      break;
    case 'draft':
      keepDraft(message.text);
      break;
  }
}

/**
 * Escape anywhere in the view stops a running answer, as chat UIs do. An Escape that ends an IME
 * composition (Korean, Japanese…) only cancels the composition; with no answer running it does nothing.
 */
function onDocumentKey(event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.isComposing || event.keyCode === 229 || !running) return;
  event.preventDefault();
  post({ type: 'stop' });
}
document.addEventListener('keydown', onDocumentKey);

// When the view gets the keyboard (clicked, or revealed by "DevOps: Ask"), the input takes it.
window.addEventListener('focus', () => {
  if (!document.activeElement || document.activeElement === document.body) ui?.input.focus();
});
window.addEventListener('message', (event: MessageEvent) => {
  const parsed = toWebviewMessage.safeParse(event.data);
  if (parsed.success) onMessage(parsed.data);
});
post({ type: 'ready', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
