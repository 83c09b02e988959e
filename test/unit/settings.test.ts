import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Disposable, disposeAll } from '../../src/lifecycle';
import { readSettings, SETTING_DEFAULTS, SETTINGS_SECTION } from '../../src/settings';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};
const config = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

describe('settings', () => {
  it('holds every devopsAssistant.* key of package.json with the same default', () => {
    const contributed = Object.entries(manifest.contributes.configuration.properties).map(([key, schema]) => [key.slice(SETTINGS_SECTION.length + 1), schema.default]);
    assert.deepEqual(Object.fromEntries(contributed), SETTING_DEFAULTS);
  });

  it('reads defaults when nothing is set', () => {
    assert.deepEqual(readSettings(config({})), {
      modelProvider: 'auto',
      vscodeModel: {},
      model: 'claude-sonnet-4-6',
      maxTokens: 4096,
      anthropicBaseUrl: '',
      maxToolRounds: 12,
      logDirectories: [],
      servers: [],
      thresholds: { cpu: 80, memory: 90, disk: 90 },
      systemRefreshSeconds: 5,
      prometheus: { url: '', hostLabel: '', timeoutSeconds: 10 },
      logSources: { journal: 'auto', journalPaths: [], docker: 'auto', dockerHost: '' },
    });
  });

  it('reads the journal and Docker settings; unknown modes are auto, blank paths dropped', () => {
    const s = readSettings(config({ 'logs.journal': 'off', 'logs.journalPaths': [' /var/log/journal/remote ', '', 7], 'logs.docker': 'sometimes', 'logs.dockerHost': ' tcp://h:2375 ' }));
    assert.deepEqual(s.logSources, { journal: 'off', journalPaths: ['/var/log/journal/remote'], docker: 'auto', dockerHost: 'tcp://h:2375' });
    assert.deepEqual(readSettings(config({ 'logs.journalPaths': 'x', 'logs.docker': 'on' })).logSources, { journal: 'auto', journalPaths: [], docker: 'on', dockerHost: '' });
  });

  it('keeps numbers in their ranges and falls back on mistyped values', () => {
    const s = readSettings(
      config({ model: '', maxTokens: 10, maxToolRounds: 1e6, logDirectories: 'logs', 'system.refreshSeconds': 0.5, 'thresholds.cpu': 70 }),
    );
    assert.equal(s.model, 'claude-sonnet-4-6');
    assert.equal(s.maxTokens, 256);
    assert.equal(s.maxToolRounds, 100);
    assert.deepEqual(s.logDirectories, []);
    assert.equal(s.systemRefreshSeconds, 5);
    assert.equal(s.thresholds.cpu, 70);
    assert.equal(readSettings(config({ maxTokens: Number.NaN, 'system.refreshSeconds': 99_999 })).maxTokens, 256);
    assert.equal(readSettings(config({ 'system.refreshSeconds': 99_999 })).systemRefreshSeconds, 3600);
    // break33: the fleet's time limit, 1–300 s; mistyped, the default, not the 1 s that would fail most queries.
    const timeout = (value: unknown) => readSettings(config({ 'prometheus.timeoutSeconds': value })).prometheus.timeoutSeconds;
    assert.deepEqual([timeout(60), timeout(0), timeout(1e6), timeout('30'), timeout(12.4)], [60, 1, 300, 10, 12]);
  });

  it('reads the model provider and the VS Code model selector, dropping what is not a string', () => {
    assert.equal(readSettings(config({ modelProvider: 'vscode' })).modelProvider, 'vscode');
    assert.equal(readSettings(config({ modelProvider: 'openai' })).modelProvider, 'auto');
    assert.deepEqual(readSettings(config({ vscodeModel: { vendor: ' copilot ', id: '', family: 3 } })).vscodeModel, { vendor: 'copilot' });
    assert.deepEqual(readSettings(config({ vscodeModel: 'copilot' })).vscodeModel, {});
  });
});

describe('Disposable', () => {
  class Owner extends Disposable {
    own<T extends { dispose(): unknown }>(value: T): T {
      return this._register(value);
    }
  }

  it('disposes what it registered once, in order, and at once after dispose()', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own({ dispose: () => log.push('a') });
    owner.own({ dispose: () => log.push('b') });
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['a', 'b']);
    owner.own({ dispose: () => log.push('late') });
    assert.deepEqual(log, ['a', 'b', 'late']);
  });

  it('disposes the rest when one item throws, then reports the failure', () => {
    const log: string[] = [];
    const items = [{ dispose: () => log.push('a') }, { dispose: () => { throw new Error('boom'); } }, { dispose: () => log.push('c') }];
    assert.throws(() => disposeAll(items), /boom/);
    assert.deepEqual(log, ['a', 'c']);
    assert.equal(items.length, 0);
  });
});
