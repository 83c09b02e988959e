// Many long matching lines kept at once: each kept line was a substring holding its whole line (or decoded piece)
// alive, so 400 lines of 200 KB at limit 500 overran the scan process's 48 MB heap: "internal error: scan process
// exited (SIGABRT)" with ripgrep (break14). Kept texts are copies, cut to what is returned.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer } from '../../support/mcp-client';
import { SEARCH_ENGINES } from '../../support/log-engines';

describe('logs search: many long matching lines kept at once', function () {
  this.timeout(180_000);
  let dir: string;
  const LINES = 300;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-big-matches-'));
    const payload = 'A'.repeat(200_000);
    const text = Array.from({ length: LINES }, (_, i) => `2026-12-01T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z ERROR request ${i} failed boom payload={"data":"${payload}"}\n`).join('');
    writeFileSync(join(dir, 'big.log'), text);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const engine of SEARCH_ENGINES) {
    it(`returns all ${LINES} matches at limit 500, cut for display (${engine.name})`, async function () {
      if (!engine.available()) this.skip();
      const server = await startBuiltServer('logs', { LOG_DIRS: dir, ...engine.env });
      try {
        for (const caseSensitive of [true, false]) {
          const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'boom', caseSensitive, limit: 500 } }, undefined, { timeout: 120_000 })) as CallToolResult;
          assert.ok(!result.isError, JSON.stringify(result.content).slice(0, 300));
          const out = result.structuredContent as { totalMatches: number; matches: { line: number; text: string }[] };
          assert.equal(out.totalMatches, LINES);
          // Newest first, as many as the answer's byte budget holds.
          assert.ok(out.matches.length >= 50, String(out.matches.length));
          assert.deepEqual(out.matches.map((m) => m.line), Array.from({ length: out.matches.length }, (_, i) => LINES - i));
          assert.ok(out.matches.every((m) => m.text.length < 5000 && /^2026-12-01T10:\d\d:\d\dZ ERROR request \d+ failed boom/.test(m.text)));
        }
      } finally {
        await server.close();
      }
    });
  }
});
