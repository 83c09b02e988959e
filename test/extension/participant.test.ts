// @devops (src/participant) in the real extension host: its request handler gets the scripted VS Code
// model (test/fixtures/scripted-model-extension) as `request.model` and runs the agent loop against
// the real git, logs and system servers. The Chat view itself is driven in test/ui/participant.test.ts;
// here the handler's stream is recorded, as VS Code would render it.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as vscode from 'vscode';
import { PARTICIPANT_ID } from '../../src/participant/handler';
import type { Participant } from '../../src/participant/register';
import { waitUntil } from '../support/wait';
import { allServersRunning, api, until } from './host';
import { enqueue, partsOf, resetScriptedModel, SCRIPTED_LARGE, scriptedRequests } from './scripted-model';

type Recorded = { kind: 'markdown' | 'progress' | 'button' | 'other'; value: unknown };

/** What the handler streamed, in order (VS Code renders the same calls in the Chat view). */
class RecordingStream {
  readonly parts: Recorded[] = [];
  markdown(value: string | vscode.MarkdownString): void {
    this.parts.push({ kind: 'markdown', value: typeof value === 'string' ? value : value.value });
  }
  progress(value: string): void {
    this.parts.push({ kind: 'progress', value });
  }
  button(command: vscode.Command): void {
    this.parts.push({ kind: 'button', value: command });
  }
  anchor(value: unknown): void {
    this.parts.push({ kind: 'other', value });
  }
  filetree(value: unknown): void {
    this.parts.push({ kind: 'other', value });
  }
  reference(value: unknown): void {
    this.parts.push({ kind: 'other', value });
  }
  push(part: unknown): void {
    this.parts.push({ kind: 'other', value: part });
  }
  text(): string {
    return this.parts.filter((p) => p.kind === 'markdown').map((p) => p.value as string).join('');
  }
  of(kind: Recorded['kind']): unknown[] {
    return this.parts.filter((p) => p.kind === kind).map((p) => p.value);
  }
}

type Turn = { prompt: string; participant: string; command?: string; references: []; toolReferences: [] } | { participant: string; response: unknown[]; result: vscode.ChatResult };

interface Call {
  prompt: string;
  command?: string;
  history?: Turn[];
  token?: vscode.CancellationToken;
}

describe('@devops chat participant (handler in the extension host, scripted VS Code model)', function () {
  this.timeout(120_000);
  let participant: Participant;
  let model: vscode.LanguageModelChat;

  before(async function () {
    const exports = await api();
    if (!exports.participant) this.skip(); // this VS Code has no Chat API
    participant = exports.participant;
    await until('all servers running', allServersRunning(exports.hub), 90_000);
    await resetScriptedModel();
    [model] = await vscode.lm.selectChatModels(SCRIPTED_LARGE);
    assert.ok(model, 'the scripted model is offered by vscode.lm');
  });

  beforeEach(() => resetScriptedModel());

  /** Calls the handler as VS Code does for a request typed into the Chat view. */
  async function ask(call: Call): Promise<{ result: vscode.ChatResult; stream: RecordingStream }> {
    const stream = new RecordingStream();
    const request = { prompt: call.prompt, command: call.command, references: [], toolReferences: [], model } as unknown as vscode.ChatRequest;
    const context = { history: call.history ?? [] } as unknown as vscode.ChatContext;
    const token = call.token ?? new vscode.CancellationTokenSource().token;
    const result = (await participant.handler(request, context, stream as unknown as vscode.ChatResponseStream, token)) as vscode.ChatResult;
    return { result, stream };
  }

  /** A request whose token is cancelled once the model has started streaming its answer. */
  async function askCancelledWhileStreaming(prompt: string): Promise<{ result: vscode.ChatResult; stream: RecordingStream }> {
    await enqueue({ text: 'Looking…', waitForCancel: true });
    const source = new vscode.CancellationTokenSource();
    const pending = ask({ prompt, token: source.token });
    await waitUntil('the model request started', async () => (await scriptedRequests()).length === 1, { timeoutMs: 30_000, intervalMs: 50 });
    source.cancel();
    return pending;
  }

  it('is declared in the manifest under the id it registers, with /errors', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { chatParticipants: Array<{ id: string; name: string; commands: Array<{ name: string }> }> };
    };
    const declared = manifest.contributes.chatParticipants.find((p) => p.id === PARTICIPANT_ID);
    assert.equal(declared?.name, 'devops');
    assert.deepEqual(declared?.commands.map((c) => c.name), ['errors']);
  });

  it('answers with request.model across tool rounds on the real logs and git servers, streaming Markdown and the tool steps', async () => {
    await enqueue(
      { text: 'Checking the log.', toolCalls: [{ callId: 'call-logs', name: 'error_summary', input: { file: 'logs/app.log', wholeFile: true } }] },
      { toolCalls: [{ callId: 'call-git', name: 'git_log', input: { count: 3 } }] },
      { text: 'The database at db.internal:5432 refused connections; the last commit changed the port.', chunkSize: 5 },
    );
    const { result, stream } = await ask({ prompt: 'What went wrong today?' });
    assert.equal(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const text = stream.text();
    assert.match(text, /^Checking the log\./);
    assert.match(text, /\$\(check\) `logs · error_summary \{"file":"logs\/app\.log","wholeFile":true\}` · done in/);
    assert.match(text, /\$\(check\) `git · git_log \{"count":3\}` · done in/);
    assert.ok(text.endsWith('The database at db.internal:5432 refused connections; the last commit changed the port.'), text);
    assert.ok(stream.of('markdown').length > 5, 'the answer streams in parts');
    assert.deepEqual(stream.of('progress'), ['Running logs · error_summary…', 'Running git · git_log…']);

    const requests = await scriptedRequests();
    assert.equal(requests.length, 3);
    assert.equal(requests[0].model, SCRIPTED_LARGE.id);
    assert.ok(requests[0].tools.some((t) => t.name === 'error_summary'), 'the MCP tools go with their schemas');
    const logResult = partsOf(requests[1], 'toolResult').find((p) => p.callId === 'call-logs');
    assert.match(logResult?.content ?? '', /Connection refused/, 'the real logs server read the fixture');
    const gitResult = partsOf(requests[2], 'toolResult').find((p) => p.callId === 'call-git');
    assert.match(gitResult?.content ?? '', /Read port from PORT/, 'the real git server read the fixture repository');

    const metadata = result.metadata as { messages: Array<{ role: string; content: unknown }>; stopReason: string; canContinue: boolean };
    assert.equal(metadata.stopReason, 'end_turn');
    assert.equal(metadata.messages[0].content, 'What went wrong today?');
    assert.ok(JSON.stringify(metadata.messages).includes('"tool_use_id":"call-logs"'), 'the tool results are kept for the next request');
    assert.deepEqual(participant.followups(result), []);
  });

  it('a follow-up request gets the earlier question, tool calls and results from the chat history', async () => {
    await enqueue(
      { toolCalls: [{ callId: 'call-1', name: 'error_summary', input: { file: 'logs/app.log', wholeFile: true } }] },
      { text: 'Three refused connections.' },
    );
    const first = await ask({ prompt: 'Errors in app.log?' });
    await enqueue({ text: 'They were 5 seconds apart.' });
    const history: Turn[] = [
      { prompt: 'Errors in app.log?', participant: PARTICIPANT_ID, references: [], toolReferences: [] },
      { participant: PARTICIPANT_ID, response: [new vscode.ChatResponseMarkdownPart(first.stream.text())], result: first.result },
    ];
    const { result, stream } = await ask({ prompt: 'How far apart were they?', history });
    assert.equal(result.errorDetails, undefined);
    assert.equal(stream.text(), 'They were 5 seconds apart.');
    const followUp = (await scriptedRequests())[2];
    const texts = partsOf(followUp, 'text').map((p) => p.value);
    assert.ok(texts.includes('Errors in app.log?') && texts.includes('Three refused connections.') && texts.includes('How far apart were they?'), texts.join(' | '));
    assert.match(partsOf(followUp, 'toolResult')[0]?.content ?? '', /Connection refused/);
  });

  it('an answer stopped by the round limit offers Continue, and the continued request picks it up', async () => {
    const settings = vscode.workspace.getConfiguration('devopsAssistant');
    await settings.update('maxToolRounds', 1, vscode.ConfigurationTarget.Global);
    try {
      await enqueue(
        { toolCalls: [{ callId: 'round-1', name: 'git_status', input: {} }] },
        { toolCalls: [{ callId: 'round-2', name: 'git_status', input: {} }] },
        { text: 'The status shows branch main.' },
      );
      const first = await ask({ prompt: 'Check the status twice' });
      assert.match(first.stream.text(), /The status shows branch main\.[^]*Stopped after 1 rounds? of tool calls/, 'the answer from the results, then the notice');
      assert.match(partsOf((await scriptedRequests())[2], 'text').map((p) => p.value).join(' '), /Answer the question from what the tools returned/, 'the last request asks for the answer');
      const followups = participant.followups(first.result);
      assert.deepEqual(followups.map((f) => f.prompt), ['Continue.']);
      await enqueue({ text: 'Nothing else to check.' });
      const history: Turn[] = [
        { prompt: 'Check the status twice', participant: PARTICIPANT_ID, references: [], toolReferences: [] },
        { participant: PARTICIPANT_ID, response: [new vscode.ChatResponseMarkdownPart(first.stream.text())], result: first.result },
      ];
      const next = await ask({ prompt: followups[0].prompt, history });
      assert.equal(next.stream.text(), 'Nothing else to check.');
      const continued = (await scriptedRequests())[3];
      const results = partsOf(continued, 'toolResult');
      assert.ok(results.some((r) => r.callId === 'round-1' && /branch|main/i.test(r.content)), 'the first round\'s real result is in the history');
      assert.ok(results.some((r) => r.callId === 'round-2' && /Not run/.test(r.content)), 'the call that was not run is answered as such');
    } finally {
      await settings.update('maxToolRounds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('/errors gives the same deterministic summary as Summarize Errors, without asking the model, and offers to explain it', async () => {
    const { result, stream } = await ask({ prompt: 'app.log', command: 'errors' });
    assert.equal(result.errorDetails, undefined);
    const text = stream.text();
    // The summary's Markdown escapes punctuation (app\.log).
    assert.match(text, /### Error summary: logs\/app\\?\.log\n\n5 errors in 2 groups\./);
    assert.match(text, /\*\*3×\*\* `ERROR` Connection refused/);
    assert.deepEqual(await scriptedRequests(), [], 'no model request');
    const [explain] = participant.followups(result);
    assert.match(explain?.prompt ?? '', /Explain the likely causes of the errors in the log file .*app\.log/);
  });

  it('/errors with a file it cannot find says which log files it can read', async () => {
    const { result, stream } = await ask({ prompt: 'nothere.log', command: 'errors' });
    assert.equal(result.errorDetails, undefined);
    assert.match(stream.text(), /No log file matches "nothere\.log"\.[\s\S]*`logs\/app\.log`/);
    assert.deepEqual(participant.followups(result), []);
  });

  it('/errors reads a rotated .gz log like any other, and with no file asks for one', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const lines = ['2026-11-20T09:00:00Z INFO started', '2026-11-20T09:00:01Z ERROR Disk quota exceeded on /var/data', '2026-11-20T09:00:02Z ERROR Disk quota exceeded on /var/data'];
    writeFileSync(join(folder, 'logs', 'rotated.log.1.gz'), gzipSync(`${lines.join('\n')}\n`));
    try {
      const gz = await ask({ prompt: 'rotated.log.1.gz', command: 'errors' });
      assert.equal(gz.result.errorDetails, undefined, JSON.stringify(gz.result.errorDetails));
      assert.match(gz.stream.text(), /2 errors in 1 group/);
      assert.match(gz.stream.text(), /Disk quota exceeded/);
    } finally {
      rmSync(join(folder, 'logs', 'rotated.log.1.gz'), { force: true });
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const none = await ask({ prompt: '', command: 'errors' });
    assert.equal(none.result.errorDetails, undefined);
    assert.match(none.stream.text(), /Name a log file: `@devops \/errors app\.log`[\s\S]*`logs\/app\.log`/);
    assert.deepEqual(await scriptedRequests(), [], 'no model request');
  });

  it('the cancellation token stops the answer while the model streams', async () => {
    const { result } = await askCancelledWhileStreaming('Take your time');
    assert.equal(result.errorDetails, undefined, 'a cancellation is not an error');
    assert.equal((result.metadata as { stopReason: string }).stopReason, 'cancelled');
    // VS Code hands the cancellation to the model provider on its own schedule, which may be after the handler has
    // returned: wait for the provider to see it (it never does if the handler did not pass its token on).
    await waitUntil('the model saw the cancellation', async () => (await scriptedRequests())[0].cancelled === true, { timeoutMs: 30_000, intervalMs: 50 });
  });

  it('a request after a cancelled one keeps its question in the history the next request gets', async () => {
    const cancelled = await askCancelledWhileStreaming('Take your time');
    const history: Turn[] = [
      { prompt: 'Take your time', participant: PARTICIPANT_ID, references: [], toolReferences: [] },
      { participant: PARTICIPANT_ID, response: [new vscode.ChatResponseMarkdownPart(cancelled.stream.text())], result: cancelled.result },
    ];
    await enqueue({ text: 'The disk is 40% full.' });
    const second = await ask({ prompt: 'How full is the disk?', history });
    await enqueue({ text: 'Same as before.' });
    history.push(
      { prompt: 'How full is the disk?', participant: PARTICIPANT_ID, references: [], toolReferences: [] },
      { participant: PARTICIPANT_ID, response: [new vscode.ChatResponseMarkdownPart(second.stream.text())], result: second.result },
    );
    await ask({ prompt: 'And now?', history });
    const texts = partsOf((await scriptedRequests())[2], 'text').map((p) => p.value);
    assert.ok(texts.includes('How full is the disk?') && texts.includes('The disk is 40% full.'), texts.join(' | '));
    assert.ok(texts.indexOf('How full is the disk?') < texts.indexOf('The disk is 40% full.'), 'the question comes before its answer');
  });

  it('a model error becomes the request\'s error (errorDetails), in words the user can act on', async () => {
    await enqueue({ error: { code: 'NoPermissions', message: 'the user said no' } });
    const { result } = await ask({ prompt: 'Hello' });
    assert.ok(result.errorDetails, 'errorDetails set');
    assert.match(result.errorDetails.message, /permission|allow/i);
    assert.equal((result.metadata as { stopReason: string }).stopReason, 'error');
  });
});
