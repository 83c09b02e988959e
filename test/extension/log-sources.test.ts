// Journal sources in the real extension host (#15): a journal file written by the real
// systemd-journal-remote from export-format entries of two machines, read by the real logs server
// through the devopsAssistant.logs.* settings. The Log Files tree groups it (Journal > host > unit,
// with the recent error counts), a unit opens as a read-only devops-log: document with its lines, and
// "Summarize Errors" works on it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ServerState } from '../../src/mcp/types';
import type { NodeSpec } from '../../src/views/node';
import { writeJournal } from '../support/journal-fixture';
import { twoMachineJournal, UPSTREAM_TIMEOUT } from '../support/journal-sample';
import { waitUntil } from '../support/wait';
import { api, until } from './host';

const flatten = (nodes: readonly NodeSpec[]): NodeSpec[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
const byLabel = (nodes: readonly NodeSpec[] | undefined, label: string) => nodes?.find((n) => n.label === label);

describe('log sources: the systemd journal in the Log Files tree', function () {
  this.timeout(180_000);
  const config = () => vscode.workspace.getConfiguration('devopsAssistant');
  let dir: string;

  const settings = ['logs.journal', 'logs.docker', 'logs.journalPaths'];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devops-journal-'));
    writeJournal(dir, 'remote', twoMachineJournal(Date.now()));
    const { hub } = await api();
    await until('the logs server running', () => hub.states().some((s: ServerState) => s.name === 'logs' && s.status === 'running'), 90_000);
    // Changing these restarts the logs server; tree() waits for what the new one lists. The local journal is
    // left out so that the tree holds only the fixture (this machine may have one).
    const values: unknown[] = ['off', 'off', [dir]];
    for (const [i, key] of settings.entries()) await config().update(key, values[i], vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    for (const key of settings) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    // The next tests find the tree as the fixture workspace alone gives it (the logs server restarted without the journal).
    await waitUntil(
      'the tree without the fixture journal',
      async () => !flatten(await vscode.commands.executeCommand<NodeSpec[]>('devopsAssistant.refreshLogFiles')).some((n) => n.id.startsWith('log-source/journal:web-')),
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  async function tree(): Promise<NodeSpec[]> {
    return waitUntil(
      'the Journal group with the error counts',
      async () => {
        const roots = await vscode.commands.executeCommand<NodeSpec[]>('devopsAssistant.refreshLogFiles');
        const nginx = byLabel(byLabel(byLabel(roots, 'Journal')?.children, 'web-1')?.children, 'nginx.service');
        return nginx?.description?.includes('error') ? roots : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  }

  it('groups Files and Journal, the journal by host, each unit with its errors of the last 24 hours', async () => {
    const roots = await tree();
    assert.deepEqual(roots.map((n) => n.label), ['Files', 'Journal'], JSON.stringify(roots.map((n) => n.label)));
    assert.ok(flatten(byLabel(roots, 'Files')!.children!).some((n) => n.label.endsWith('logs/app.log')), 'the workspace logs stay under Files');
    const journal = byLabel(roots, 'Journal')!;
    assert.deepEqual(journal.children!.map((n) => n.label), ['web-1', 'web-2']);
    const web1 = byLabel(journal.children, 'web-1')!;
    const web2 = byLabel(journal.children, 'web-2')!;
    assert.deepEqual(web1.children!.map((n) => n.label), ['api.service', 'nginx.service']);
    assert.deepEqual(web2.children!.map((n) => n.label), ['api.service', 'CRON']);
    const nginx = byLabel(web1.children, 'nginx.service')!;
    assert.equal(nginx.description, '2 errors');
    assert.equal(nginx.contextValue, 'devopsLogSource');
    assert.equal(nginx.data?.source, 'journal:web-1/nginx.service');
    await waitUntil('the other counts', async () => {
      const again = await vscode.commands.executeCommand<NodeSpec[]>('devopsAssistant.refreshLogFiles');
      const hosts = byLabel(again, 'Journal')?.children;
      return byLabel(byLabel(hosts, 'web-1')?.children, 'api.service')?.description === '1 error' && byLabel(byLabel(hosts, 'web-2')?.children, 'api.service')?.description === '0 errors';
    }, { timeoutMs: 60_000, intervalMs: 500 });
  });

  it('clicking a unit opens its recent lines in a read-only devops-log: editor', async () => {
    const roots = await tree();
    const nginx = byLabel(byLabel(byLabel(roots, 'Journal')?.children, 'web-1')?.children, 'nginx.service')!;
    assert.equal(nginx.command?.command, 'devopsAssistant.openLogSource');
    const text = await vscode.commands.executeCommand<string>(nginx.command.command, ...(nginx.command.arguments ?? []));
    const lines = text.split('\n').filter(Boolean);
    assert.equal(lines.length, 3, text);
    assert.match(lines[0], /GET \/health 200/);
    assert.ok(lines[1].includes(`${UPSTREAM_TIMEOUT}, client: 10.0.0.7`), text);
    assert.ok(lines[2].includes(`${UPSTREAM_TIMEOUT}, client: 10.0.0.9`), text);
    assert.ok(!text.includes('card declined') && !text.includes('listening on'), 'only that unit of that host');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'devops-log');
    assert.equal(editor?.document.getText(), text);
    // Refresh reads the source again into the open editor.
    assert.equal(await vscode.commands.executeCommand('devopsAssistant.refreshLogSource', editor?.document.uri), text);
    await until('the editor to show the text read again', () => editor?.document.getText() === text, 10_000);
    const before = (await api()).agent.transcript().length;
    const fromEditor = await vscode.commands.executeCommand<{ totalErrors: number }>('devopsAssistant.summarizeErrors');
    assert.deepEqual(fromEditor, { totalErrors: 2 }, 'Summarize Errors from the editor of a source reads that source');
    assert.ok((await api()).agent.transcript().length > before);
  });

  it('"Summarize Errors" on a unit: its grouped errors in the chat', async () => {
    const { agent } = await api();
    const roots = await tree();
    const nginx = byLabel(byLabel(byLabel(roots, 'Journal')?.children, 'web-1')?.children, 'nginx.service')!;
    const before = agent.transcript().length;
    const result = await vscode.commands.executeCommand<{ totalErrors: number }>('devopsAssistant.summarizeErrors', nginx);
    assert.deepEqual(result, { totalErrors: 2 });
    const summary = agent.transcript().slice(before).find((i) => i.kind === 'assistant');
    assert.ok(summary && summary.kind === 'assistant' && summary.text.includes('upstream timed out'), JSON.stringify(summary));
    assert.match(summary.text, /2×/);
  });
});
