// "Reload the window: the conversation is still there", for real: the first pass asks a question
// through the mock API and reloads the window; the extension host restarts, the tests run again,
// and the second pass finds the conversation in workspaceState. A marker file in the host's temp
// folder (kept across the reload, fresh per test run) tells the passes apart.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DevopsAssistantApi } from '../../src/api';
import type { AgentEvent } from '../../src/agent/events';
import { startMockAnthropic } from '../support/mock-anthropic';

const EXTENSION_ID = 'devops-assistant.devops-assistant';
const folderKey = createHash('sha256').update(vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'none').digest('hex').slice(0, 12);
const marker = join(tmpdir(), `devops-core-reload-${folderKey}.json`);

describe('extension core: conversation across a window reload', function () {
  this.timeout(90_000);

  it('is still there after the reload', async function () {
    if (process.env.DEVOPS_TEST_RELOAD !== '1') this.skip(); // only in the runner's "reload" pass
    const testApi = await vscode.extensions.getExtension<DevopsAssistantApi | undefined>(EXTENSION_ID)!.activate();
    assert.ok(testApi, 'the extension exports its objects outside production mode');

    if (existsSync(marker)) {
      const expected = JSON.parse(readFileSync(marker, 'utf8')) as { question: string; answer: string };
      rmSync(marker);
      const transcript = testApi.agent.transcript();
      assert.deepEqual(transcript.slice(0, 2), [
        { kind: 'user', text: expected.question },
        { kind: 'assistant', text: expected.answer },
      ]);
      assert.equal(testApi.agent.messages()[0].content, expected.question);
      await testApi.agent.clear();
      await testApi.storeApiKey(undefined);
      await vscode.workspace.getConfiguration('devopsAssistant').update('anthropicBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
      return;
    }

    const mock = await startMockAnthropic();
    const question = '오늘 커밋된 내용을 요약해 주세요';
    const answer = '다시 불러온 뒤에도 남아 있어야 하는 답변입니다.';
    mock.enqueue({ text: answer });
    await vscode.workspace.getConfiguration('devopsAssistant').update('anthropicBaseUrl', mock.url, vscode.ConfigurationTarget.Workspace);
    await testApi.storeApiKey('sk-ant-reload-test-00000000000000');
    await testApi.agent.clear();
    const events: AgentEvent[] = [];
    await testApi.agent.ask(question, (e) => events.push(e), new AbortController().signal);
    assert.deepEqual(events[events.length - 1], { type: 'done', stopReason: 'end_turn' });
    await mock.close();
    writeFileSync(marker, JSON.stringify({ question, answer }));
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
    // The extension host goes away with the window; the second pass takes over.
    await new Promise((r) => setTimeout(r, 80_000));
    assert.fail('the window did not reload');
  });
});
