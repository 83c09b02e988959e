// Wires the server hub into VS Code: settings, workspace folders and trust -> server specs,
// one Output channel per server, the restart/status commands and VS Code's own MCP registry.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { ServerHub } from './hub';
import { resolveRipgrep } from './ripgrep';
import { bundledServerSpecs, minimalEnv, userServerSpecs, type ServerSpec, type Thresholds } from './server-specs';
import { formatStatusReport } from './status-report';
import type { McpHub } from './types';

const SECTION = 'devopsAssistant';

/** When registerServers began (performance.now()), to measure the core's share of activation. */
export let registerServersStartedAt = 0;

export function registerServers(context: vscode.ExtensionContext): McpHub {
  registerServersStartedAt = performance.now();
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const channels = new Map<string, vscode.OutputChannel>();
  const channel = (name: string) => {
    let ch = channels.get(name);
    if (!ch) {
      ch = vscode.window.createOutputChannel(`DevOps Assistant: ${name}`);
      channels.set(name, ch);
      context.subscriptions.push(ch);
    }
    return ch;
  };
  const hub = new ServerHub({
    output: (name) => ({ append: (line) => channel(name).appendLine(`${new Date().toISOString()} ${line}`) }),
  });
  context.subscriptions.push({ dispose: () => void hub.dispose() });

  let reportedProblems = '';
  const apply = () => {
    const { specs, problems } = currentSpecs(context);
    const key = problems.join('\n');
    if (key && key !== reportedProblems) void vscode.window.showWarningMessage(problems.join(' '));
    reportedProblems = key;
    hub.setSpecs(specs);
  };
  // Activation must return at once: spawning waits for the next tick.
  const startTimer = setTimeout(apply, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(startTimer) });

  const mcpDefinitionsChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    mcpDefinitionsChanged,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['servers', 'logDirectories', 'thresholds'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
        apply();
        mcpDefinitionsChanged.fire();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      apply();
      mcpDefinitionsChanged.fire();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      apply();
      mcpDefinitionsChanged.fire();
    }),
    vscode.commands.registerCommand(`${SECTION}.restartServers`, async () => {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting DevOps Assistant servers…') },
        () => hub.restartAll(),
      );
      return hub.states();
    }),
    vscode.commands.registerCommand(`${SECTION}.showServerStatus`, async (options?: { quiet?: boolean }) => {
      const states = hub.states();
      const metrics = hub.metrics();
      if (!options?.quiet) {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: formatStatusReport(states, metrics) });
        await vscode.window.showTextDocument(doc, { preview: true });
      }
      return { states, metrics };
    }),
  );
  registerWithVsCodeMcp(context, mcpDefinitionsChanged.event);
  return hub;
}

function settings() {
  const config = vscode.workspace.getConfiguration(SECTION);
  const thresholds: Thresholds = {
    cpu: config.get<number>('thresholds.cpu', 80),
    memory: config.get<number>('thresholds.memory', 90),
    disk: config.get<number>('thresholds.disk', 90),
  };
  return { config, thresholds, logDirectories: config.get<string[]>('logDirectories', []) };
}

function currentSpecs(context: vscode.ExtensionContext): { specs: ServerSpec[]; problems: string[] } {
  const { config, thresholds, logDirectories } = settings();
  const trusted = vscode.workspace.isTrusted;
  const baseEnv = minimalEnv();
  const bundled = bundledServerSpecs({
    extensionPath: context.extensionPath,
    execPath: process.execPath,
    folders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ name: f.name, path: f.uri.fsPath })),
    logDirectories: Array.isArray(logDirectories) ? logDirectories : [],
    ripgrepPath: resolveRipgrep(vscode.env.appRoot),
    thresholds,
    trusted,
    baseEnv,
  });
  const user = userServerSpecs(config.get('servers'), { trusted, baseEnv, takenNames: bundled.map((s) => s.name) });
  return { specs: [...bundled, ...user.specs], problems: user.problems };
}

/** The provider given to VS Code (undefined where the editor has no MCP API); read by extension-host tests. */
export let registeredMcpProvider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> | undefined;

/** Offers the bundled servers to VS Code's own MCP support (agent mode), where the API exists. */
function registerWithVsCodeMcp(context: vscode.ExtensionContext, changed: vscode.Event<void>): void {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof vscode.McpStdioServerDefinition !== 'function') return;
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed,
    provideMcpServerDefinitions: () =>
      currentSpecs(context)
        .specs.filter((s) => s.bundled && !s.disabledReason)
        .map((s) => new vscode.McpStdioServerDefinition(`DevOps Assistant: ${s.name}`, s.command, s.args, { ...s.env }, '0.1.0')),
  };
  try {
    context.subscriptions.push(lm.registerMcpServerDefinitionProvider('devopsAssistant.mcpServers', provider));
    registeredMcpProvider = provider;
  } catch {
    // An editor without MCP support (or without the manifest entry) just does not get them.
  }
}
