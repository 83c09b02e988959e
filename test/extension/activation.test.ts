import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'devops-assistant.devops-assistant';

describe('extension activation', () => {
  it('is installed under its publisher.name id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
    assert.equal(extension.packageJSON.name, 'devops-assistant');
  });

  it('runs in a Node extension host, on the workspace side when there is a remote', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // Without a remote (desktop, local folder) VS Code reports UI for every extension.
    const expected = vscode.env.remoteName ? vscode.ExtensionKind.Workspace : vscode.ExtensionKind.UI;
    assert.equal(extension.extensionKind, expected);
    assert.equal(typeof process.versions.node, 'string');
  });

  it('activates without throwing', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    const contributed: string[] = (extension.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('opens the fixture workspace with its logs folder', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    if (process.env.DEVOPS_FIXTURE_PATH) assert.equal(folder.uri.fsPath, process.env.DEVOPS_FIXTURE_PATH);
    const logs = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'logs'));
    assert.equal(logs.type, vscode.FileType.Directory);
  });

  it('contributes the DevOps view container (the trees) and the chat\'s own container', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const views: Record<string, Array<{ id: string }>> = extension.packageJSON.contributes.views;
    assert.deepEqual(
      views.devopsAssistant.map((v) => v.id),
      ['devopsAssistant.branches', 'devopsAssistant.logFiles', 'devopsAssistant.system'],
    );
    // The chat is alone in its container, so that it has the side bar's whole height.
    assert.deepEqual(views.devopsAssistantChat.map((v) => v.id), ['devopsAssistant.chat']);
    // Focusing a contributed view only succeeds when the workbench knows the container.
    await vscode.commands.executeCommand('workbench.view.extension.devopsAssistant');
    await vscode.commands.executeCommand('workbench.view.extension.devopsAssistantChat');
  });
});
