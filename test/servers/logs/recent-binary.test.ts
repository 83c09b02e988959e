// break30: recent_logs on a binary file named .log (a core dump, a database, an archive) returned its "last lines" as
// runs of U+FFFD without a word, while error_summary said its format was not recognised.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: recent_logs on a file that is not text', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'logs-binary-'));
    // Any bytes (a fixed pseudo-random run: NULs, controls, bytes that are not UTF-8), as a binary file holds.
    let seed = 7;
    const bytes = Buffer.alloc(20_000, 0).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >> 8) & 0xff;
    });
    writeFileSync(join(dir, 'core.log'), bytes);
    // Text, U+FFFD written by the program included, is text.
    writeFileSync(join(dir, 'app.log'), '2026-11-25T10:00:00Z INFO 서버 시작\n2026-11-25T10:00:01Z ERROR bad input \uFFFD\uFFFD\uFFFD from client\n');
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const notesOf = async (file: string): Promise<string[]> => {
    const result = (await server.client.callTool({ name: 'recent_logs', arguments: { file, lines: 5 } })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    return (result.structuredContent as Data).notes as string[];
  };

  it('says the lines do not read as text', async () => {
    assert.ok((await notesOf('core.log')).some((n) => /^core\.log: these lines do not read as text \(\d+% of their characters are bytes that are not UTF-8\): it looks like a binary file/.test(n)));
  });

  it('says nothing of a text file', async () => {
    assert.deepEqual(await notesOf('app.log'), []);
  });
});
