// break30: log files whose names the listing showed were refused by those names: a name in Unicode's decomposed form
// (NFD: files named on macOS, Korean as jamo, `café` with a combining accent), asked for in the composed form a client
// types (NFC), and a name holding a backslash (a name's own character outside Windows).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: file names in another Unicode form, or holding a backslash', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer;
  const korean = '서버 로그.log';
  const names = [korean.normalize('NFD'), 'café.log'.normalize('NFD'), 'back\\slash.log'];
  before(async function () {
    if (process.platform === 'win32') this.skip();
    dir = mkdtempSync(join(tmpdir(), 'logs-name-forms-'));
    for (const name of names) writeFileSync(join(dir, name), `2026-11-25T10:00:00Z ERROR disk full in ${name.normalize('NFC')}\n`);
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => (await server.client.callTool({ name, arguments: args })) as CallToolResult;

  it('reads a decomposed (NFD) name asked for in its composed form (NFC), and a name with a backslash', async () => {
    for (const asked of [korean, 'café.log', 'back\\slash.log', ...names]) {
      const result = await call('recent_logs', { file: asked, lines: 1 });
      assert.ok(!result.isError, `${JSON.stringify(asked)}: ${JSON.stringify(result.content)}`);
      const lines = (result.structuredContent as Data).lines as Data[];
      assert.ok(String(lines[0].text).endsWith(`disk full in ${asked.normalize('NFC')}`), lines[0].text);
    }
    const found = await call('search_logs', { pattern: 'disk full', file: korean });
    assert.equal((found.structuredContent as Data).totalMatches, 1, JSON.stringify(found.content));
  });

  it('still refuses a name no file has, in either form', async () => {
    const result = await call('recent_logs', { file: '서버 로그2.log' });
    assert.equal(result.isError, true);
    assert.match((result.content[0] as { text: string }).text, /no such log file/);
  });
});
