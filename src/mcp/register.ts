// Wires the server hub into VS Code: settings, workspace folders and trust -> server specs,
// one Output channel per server, the restart/status commands and VS Code's own MCP registry.
import * as l10n from '@vscode/l10n';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { affectsSettings, type Settings } from '../settings';
import { VERSION } from '../version';
import { ServerHub } from './hub';
import { stampLine } from './output-line';
import { resolveRipgrep } from './ripgrep';
import { bundledServerSpecs, fleetSettingsProblem, minimalEnv, prometheusCredentials, userServerSpecs, withoutCredentials, workspaceFilesEncoding, type ServerSpec } from './server-specs';
import { formatStatusReport } from './status-report';

/** What registerServers hands to the rest of the extension. */
export interface RegisteredServers {
  hub: ServerHub;
  /** The provider given to VS Code (undefined where the editor has no MCP API). */
  mcpProvider?: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition>;
}

/**
 * Creates the hub and keeps its servers in line with the settings, folders and trust. The caller
 * owns shutdown: `hub.dispose()` resolves once every child process has exited (deactivate awaits it).
 */
export function registerServers(context: vscode.ExtensionContext, settings: () => Settings): RegisteredServers {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const hub = new ServerHub({ output: outputChannels(context) });
  const specs = () => currentSpecs(context, settings());
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed);
  followSpecChanges(context, hub, specs, () => changed.fire());
  registerServerCommands(context, hub);
  return { hub, mcpProvider: registerWithVsCodeMcp(context, specs, changed.event) };
}

/** One Output channel per server, created the first time that server writes. */
function outputChannels(context: vscode.ExtensionContext): (name: string) => { append(line: string): void } {
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
  return (name) => ({ append: (line) => channel(name).appendLine(stampLine(line, new Date())) });
}

/** Applies the specs once after activation, then on every change of the settings, folders or trust they depend on. */
function followSpecChanges(
  context: vscode.ExtensionContext,
  hub: ServerHub,
  specs: () => { specs: ServerSpec[]; problems: string[] },
  changed: () => void,
): void {
  let reportedProblems = '';
  const apply = () => {
    const { specs: next, problems } = specs();
    const key = problems.join('\n');
    if (key && key !== reportedProblems) void vscode.window.showWarningMessage(problems.join(' '));
    reportedProblems = key;
    hub.setSpecs(next);
  };
  const applyAndNotify = () => {
    apply();
    changed();
  };
  // Activation must return at once: spawning waits for the next tick.
  const startTimer = setTimeout(apply, 0);
  context.subscriptions.push(
    { dispose: () => clearTimeout(startTimer) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSettings(e, 'servers', 'logDirectories', 'logs', 'thresholds', 'prometheus') || e.affectsConfiguration('files.encoding')) applyAndNotify();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(applyAndNotify),
    vscode.workspace.onDidGrantWorkspaceTrust(applyAndNotify),
  );
}

/**
 * The status report is a read-only document of its own (one tab, refreshed on each open), not an untitled file: an
 * untitled one per click piled up tabs that VS Code then asked to save on close and counted as unsaved files.
 */
const STATUS_SCHEME = 'devops-status';
const STATUS_URI = vscode.Uri.from({ scheme: STATUS_SCHEME, path: '/DevOps Assistant servers.md' });

function registerServerCommands(context: vscode.ExtensionContext, hub: ServerHub): void {
  const statusChanged = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    statusChanged,
    vscode.workspace.registerTextDocumentContentProvider(STATUS_SCHEME, {
      onDidChange: statusChanged.event,
      provideTextDocumentContent: () => formatStatusReport(hub.states(), hub.metrics()),
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('devopsAssistant.restartServers', async () => {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting DevOps Assistant servers…') },
        () => hub.restartAll(),
      );
      return hub.states();
    }),
    vscode.commands.registerCommand('devopsAssistant.showServerStatus', async (options?: { quiet?: boolean }) => {
      const states = hub.states();
      const metrics = hub.metrics();
      if (!options?.quiet) {
        // An open report is read again (VS Code asks the provider after onDidChange), so it shows the figures of now.
        statusChanged.fire(STATUS_URI);
        const doc = await vscode.workspace.openTextDocument(STATUS_URI);
        await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(doc, 'markdown'), { preview: true });
      }
      return { states, metrics };
    }),
  );
}

function currentSpecs(context: vscode.ExtensionContext, settings: Settings): { specs: ServerSpec[]; problems: string[] } {
  const trusted = vscode.workspace.isTrusted;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  // The charset the user reads files in: its override for the Log language (`[log]`) when there is one; each folder's
  // own, when the folders say the same (workspaceFilesEncoding).
  const encodingOf = (uri?: vscode.Uri) => vscode.workspace.getConfiguration('files', { uri, languageId: 'log' }).get<unknown>('encoding');
  const encoding = workspaceFilesEncoding(
    encodingOf(),
    folders.map((f) => ({ name: f.name, value: encodingOf(f.uri) })),
  );
  const baseEnv = minimalEnv();
  const bundled = bundledServerSpecs({
    extensionPath: context.extensionPath,
    execPath: process.execPath,
    folders: folders.map((f) => ({ name: f.name, path: f.uri.fsPath })),
    logDirectories: settings.logDirectories,
    ripgrepPath: resolveRipgrep(vscode.env.appRoot),
    thresholds: settings.thresholds,
    prometheus: { ...settings.prometheus, credentials: prometheusCredentials() },
    trusted,
    baseEnv,
    logSources: settings.logSources,
    home: homedir(),
    filesEncoding: encoding.filesEncoding,
    filesEncodingNote: encoding.note,
  });
  const user = userServerSpecs(settings.servers, { trusted, baseEnv, takenNames: bundled.map((s) => s.name) });
  const fleetProblem = fleetSettingsProblem(settings.prometheus);
  const settingNotes = bundled.flatMap((s) => s.settingNotes ?? []);
  return { specs: [...bundled, ...user.specs], problems: [...user.problems, ...(fleetProblem ? [fleetProblem] : []), ...settingNotes] };
}

/** Offers the bundled servers to VS Code's own MCP support (agent mode), where the API exists. */
function registerWithVsCodeMcp(
  context: vscode.ExtensionContext,
  specs: () => { specs: ServerSpec[] },
  changed: vscode.Event<void>,
): vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> | undefined {
  const lm = vscode.lm as Partial<typeof vscode.lm> | undefined;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof vscode.McpStdioServerDefinition !== 'function') return undefined;
  const provider: vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> = {
    onDidChangeMcpServerDefinitions: changed,
    provideMcpServerDefinitions: () =>
      specs()
        .specs.filter((s) => s.bundled && !s.disabledReason)
        .map((s) => new vscode.McpStdioServerDefinition(`DevOps Assistant: ${s.name}`, s.command, s.args, withoutCredentials(s.env), VERSION)),
  };
  try {
    context.subscriptions.push(lm.registerMcpServerDefinitionProvider('devopsAssistant.mcpServers', provider));
    return provider;
  } catch {
    // An editor without MCP support (or without the manifest entry) just does not get them.
    return undefined;
  }
}
