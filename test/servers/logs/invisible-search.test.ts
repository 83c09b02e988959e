// rev25: search_logs shows a zero-width or bidi character in a line as its escape (`\u200B`, servers/shared/invisible.ts),
// and a literal pattern copied from that line (`ad\u200Bmin`) found nothing: "0 matches" for a line just shown. A
// literal pattern is read as lines are shown: an escape of an invisible character is that character, and the text of
// one (shown with its backslash doubled) is that text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer } from '../../support/mcp-client';
import { SEARCH_ENGINES } from '../../support/log-engines';

describe('logs search: a literal pattern copied from a shown line with an invisible character', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-invisible-'));
    writeFileSync(join(dir, 'auth.log'), [
      '2026-12-01T10:00:00Z WARN login for ad\u200bmin failed',
      '2026-12-01T10:00:01Z INFO login for admin ok',
      '2026-12-01T10:00:02Z INFO java said ad\\u200Bmin in its source',
      '',
    ].join('\n'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const engine of SEARCH_ENGINES) {
    it(`finds the line it showed, and only that one (${engine.name})`, async function () {
      if (!engine.available()) this.skip();
      const server = await startBuiltServer('logs', { LOG_DIRS: dir, ...engine.env });
      try {
        const search = async (pattern: string) => {
          const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern } }, undefined, { timeout: 120_000 })) as CallToolResult;
          assert.ok(!result.isError, JSON.stringify(result.content).slice(0, 300));
          return (result.structuredContent as { matches: { text: string }[] }).matches.map((m) => m.text);
        };
        const shown = await search('failed');
        assert.deepEqual(shown, ['2026-12-01T10:00:00Z WARN login for ad\\u200Bmin failed']);
        assert.deepEqual(await search('ad\\u200Bmin'), shown);
        assert.deepEqual(await search('ad\\\\u200Bmin'), ['2026-12-01T10:00:02Z INFO java said ad\\\\u200Bmin in its source']);
      } finally {
        await server.close();
      }
    });
  }
});
