// A multi-root workspace in the real extension host (issue 12, item 2): one git server for four
// folders (named 前端, 백엔드 and twice "api"), seven git tools whatever the number of folders, and
// the scripted model asking each repository in turn gets that repository's commits.
// Runs in the "multiroot" pass of scripts/vscode/run-extension-tests.mjs (a .code-workspace file).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { AgentEvent } from '../../src/agent/events';
import type { NodeSpec } from '../../src/views/node';
import { startMockAnthropic, type MockAnthropic } from '../support/mock-anthropic';
import { api, until } from './host';

const GIT_TOOLS = ['git_blame', 'git_branches', 'git_diff_stat', 'git_file_churn', 'git_log', 'git_show', 'git_status'];
/** The names the git tools offer: the workspace's folder names, the second "api" told apart. */
const NAMES = ['前端', '백엔드', 'api', 'api (2)'];

/** The fixture's table (scripts/vscode/fixture.mjs writes it beside the .code-workspace file): each folder's commit subjects. */
function fixtureRepositories(): Array<{ path: string; name?: string; subjects: string[] }> {
  return JSON.parse(readFileSync(join(dirname(vscode.workspace.workspaceFile!.fsPath), 'repositories.json'), 'utf8'));
}

describe('multi-root workspace in the extension host', function () {
  this.timeout(120_000);

  before(function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) this.skip();
  });

  it('multi-root: one git server reads every folder; seven git tools with a repository enum', async () => {
    const { hub } = await api();
    const folders = vscode.workspace.workspaceFolders!;
    assert.deepEqual(folders.map((f) => f.name), ['前端', '백엔드', 'api', 'api']);
    const states = await until('servers running', () => {
      const s = hub.states();
      return s.length >= 3 && s.every((x) => x.status === 'running') ? s : undefined;
    }, 90_000);
    assert.deepEqual(states.map((s) => s.name), ['git', 'logs', 'system']);
    const git = hub.tools().filter((t) => t.server === 'git');
    assert.deepEqual(git.map((t) => t.qualifiedName).sort(), GIT_TOOLS, 'tool names are not renamed per folder');
    for (const tool of git) {
      const repository = (tool.inputSchema.properties as Record<string, { enum?: string[] }>).repository;
      assert.deepEqual(repository.enum, NAMES, tool.name);
      for (const folder of folders) assert.ok(tool.description?.includes(folder.uri.fsPath), `${tool.name} shows ${folder.uri.fsPath}`);
    }
  });

  it('multi-root: the Branches tree has one group per repository, and its commands read that repository', async () => {
    const { session } = await api();
    const roots = await vscode.commands.executeCommand<NodeSpec[]>('devopsAssistant.refreshBranches');
    assert.deepEqual(roots.map((r) => r.label), NAMES);
    const repositories = fixtureRepositories();
    for (const [i, root] of roots.entries()) {
      const main = root.children![0].children!.find((n) => n.label === 'main')!;
      assert.equal(main.data?.repository, NAMES[i]);
      const before = session.snapshot().items.length;
      await vscode.commands.executeCommand('devopsAssistant.showBranchCommits', main);
      const added = session.snapshot().items.slice(before);
      // Markdown escapes punctuation (frontend\: …): compared without the backslashes.
      const text = added.map((item) => ('text' in item ? String(item.text) : '')).join('\n').replace(/\\/g, '');
      for (const subject of repositories[i].subjects) assert.ok(text.includes(subject), `${NAMES[i]}: ${text}`);
      const others = repositories.filter((_, j) => j !== i).flatMap((r) => r.subjects);
      for (const subject of others) assert.ok(!text.includes(subject), `${NAMES[i]} does not show "${subject}"`);
    }
  });

  it('multi-root: the scripted model asks each repository in turn and gets its commits', async () => {
    const { agent, hub, storeApiKey } = await api();
    const config = vscode.workspace.getConfiguration('devopsAssistant');
    const mock: MockAnthropic = await startMockAnthropic();
    try {
      await config.update('anthropicBaseUrl', mock.url, vscode.ConfigurationTarget.Workspace);
      await storeApiKey('sk-ant-extension-host-test-000000000');
      await until('git running', () => hub.states().find((s) => s.name === 'git' && s.status === 'running'), 90_000);
      await agent.clear();
      mock.enqueue(
        ...NAMES.map((repository, i) => ({ content: [{ type: 'tool_use' as const, id: `toolu_repo_${i}`, name: 'git_log', input: { repository, count: 10 } }] })),
        { text: 'Each repository summarised.' },
      );
      const events: AgentEvent[] = [];
      await agent.ask('What was committed in each repository?', (e) => events.push(e), new AbortController().signal);
      assert.deepEqual(events.find((e) => e.type === 'done'), { type: 'done', stopReason: 'end_turn' }, JSON.stringify(events.filter((e) => e.type === 'error')));
      const requests = mock.messageRequests();
      assert.equal(requests.length, NAMES.length + 1);
      const repositories = fixtureRepositories();
      const all = repositories.flatMap((r) => r.subjects);
      NAMES.forEach((repository, i) => {
        const messages = requests[i + 1].body.messages;
        const result = messages[messages.length - 1].content[0];
        assert.equal(result.tool_use_id, `toolu_repo_${i}`);
        assert.equal(result.is_error, undefined, result.content);
        const data = JSON.parse(result.content) as { repository: string; commits: Array<{ subject: string }> };
        assert.equal(data.repository, repository);
        const expected = [...repositories[i].subjects].reverse();
        assert.deepEqual(data.commits.map((c) => c.subject), expected, repository);
        for (const other of all.filter((s) => !expected.includes(s))) assert.ok(!result.content.includes(other), `${repository} does not show "${other}"`);
      });
    } finally {
      await config.update('anthropicBaseUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await storeApiKey(undefined);
      await agent.clear();
      await mock.close();
    }
  });
});
