// Every user-facing runtime string of the core (src/mcp, src/agent) and of the model choice and the
// @devops participant (src/models, src/participant) has a Korean translation.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function literals(dir: string): string[] {
  const out: string[] = [];
  for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(root, dir, file), 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) out.push(match[1].replace(/\\'/g, "'"));
  }
  return out;
}

describe('core strings in Korean', () => {
  it('every t(...) message in src/mcp, src/agent, src/models and src/participant is in l10n/bundle.l10n.ko.json', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    const messages = [...new Set(['src/mcp', 'src/agent', 'src/models', 'src/participant'].flatMap(literals))];
    assert.ok(messages.length > 40, `found ${messages.length} messages`);
    const missing = messages.filter((m) => typeof bundle[m] !== 'string' || bundle[m].trim() === '');
    assert.deepEqual(missing, []);
    for (const m of messages) {
      const placeholders = (s: string) => [...s.matchAll(/\{\d\}/g)].map((x) => x[0]).sort().join();
      assert.equal(placeholders(bundle[m]), placeholders(m), `placeholders of "${m}"`);
    }
  });
});
