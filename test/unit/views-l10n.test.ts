// Every runtime string of the UI (tree items, commands, chat webview, status bar) has a Korean
// translation with the same placeholders, and every manifest key of the UI has one too.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const UI_DIRS = ['src/chat', 'src/views', 'src/commands', 'src/status', 'src/models', 'src/participant'];
/** Strings passed to t() through a variable. */
const DYNAMIC = ['running', 'starting', 'restarting', 'failed', 'stopped', 'disabled'];

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

export function uiMessages(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /(?:\bl10n\.t|\bt|\bkeep)\(\s*'((?:[^'\\\n]|\\.)*)'/g;
  for (const file of UI_DIRS.flatMap(files)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(call)) found.set(unescape(match[1]), file);
  }
  for (const message of DYNAMIC) found.set(message, 'dynamic');
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('UI localization (Korean)', () => {
  const korean = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ko.json'), 'utf8')) as Record<string, string | { message: string }>;
  const messages = uiMessages();

  it('finds the UI strings in the sources', () => {
    assert.ok(messages.size > 100, `only ${messages.size} strings found`);
    assert.ok(messages.has('Summarizing errors in {0}…'));
  });

  it('has a Korean translation for every runtime string, with the same placeholders', () => {
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const [message, file] of messages) {
      const entry = korean[message];
      const translation = typeof entry === 'string' ? entry : entry?.message;
      if (!translation) missing.push(`${file}: ${message}`);
      else if (placeholders(translation).join() !== placeholders(message).join()) wrong.push(`${message} -> ${translation}`);
    }
    assert.deepEqual(missing, [], `missing Korean:\n${missing.join('\n')}`);
    assert.deepEqual(wrong, [], `placeholders differ:\n${wrong.join('\n')}`);
  });

  it('has Korean manifest strings for the UI contributions', () => {
    const english = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const ko = JSON.parse(readFileSync(join(root, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    const ui = used.filter((key) => /^(command\.(ask|summarizeErrors|stop|clearChat|refresh\w+|showBranchCommits|askAboutBranch|openLogSource|showLogSourceProblem)|welcome\.|config\.system\.|config\.logs\.|view\.)/.test(key));
    assert.ok(ui.length >= 15);
    for (const key of ui) {
      assert.ok(english[key], `package.nls.json lacks ${key}`);
      assert.ok(ko[key], `package.nls.ko.json lacks ${key}`);
      assert.notEqual(ko[key], english[key], `${key} is not translated`);
    }
  });

  // VS Code replaces a "%key%" in any string of the manifest (not only under contributes), so every sentence a user
  // reads there can be translated: the Restricted Mode description shows in the workspace trust editor and the
  // extension's page. The product's name is the same in every language.
  it('takes every sentence of the manifest that VS Code shows from package.nls.json, translated', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const shown = /^(displayName|description|title|shortTitle|name|label|fullName|contents|markdownDescription|enumDescriptions|markdownEnumDescriptions|deprecationMessage|markdownDeprecationMessage|category|altText)$/;
    const literal: string[] = [];
    const walk = (value: unknown, path: string[]): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      else if (typeof value === 'string') {
        const key = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
        // A value without a space is a name such as a participant's `devops` or its `/errors` command, not a sentence.
        if (shown.test(key) && /\s/.test(value) && !/^%[\w.]+%$/.test(value) && value !== 'DevOps Assistant') literal.push(`${path.join('.')}: ${value}`);
      }
    };
    walk({ contributes: manifest.contributes, capabilities: manifest.capabilities }, []);
    assert.deepEqual(literal, [], `manifest strings not taken from package.nls.json:\n${literal.join('\n')}`);
  });
});
