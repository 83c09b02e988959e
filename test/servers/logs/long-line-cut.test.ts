// break30: a line far longer than the tools return said how much of it was cut with a wrong count: search_logs cut a
// kept match and cut it again when it returned it ("[21 chars cut]" of a 50 MB line), recent_logs counted only what its
// backwards reader had kept of it (64 KiB), log_patterns' examples were "[1 chars cut]" (an ellipsis counted).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: how much of a very long line was cut', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer;
  const head = '2026-11-25 10:00:01 DEBUG [main] c.e.Api - response body: ';
  const long = `${head}${'A'.repeat(300_000)}`;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'logs-long-line-'));
    writeFileSync(join(dir, 'payload.log'), ['2026-11-25 10:00:00 INFO  [main] c.e.Api - handled request 1', long, '2026-11-25 10:00:02 ERROR [main] c.e.Api - upstream timed out'].join('\n') + '\n');
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<Data> => {
    const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    return result.structuredContent as Data;
  };
  /** The characters and bytes a text's cut mark says were cut. */
  const cutOf = (text: string): number => {
    const mark = /… \[(?:(\d+) chars)?(?: \+ )?(?:(\d+) bytes)? cut\]$/.exec(text);
    assert.ok(mark, text.slice(-60));
    return Number(mark[1] ?? 0) + Number(mark[2] ?? 0);
  };

  it('search_logs counts every character of the line that it did not return', async () => {
    const found = await call('search_logs', { pattern: 'response body' });
    const text: string = found.matches[0].text;
    assert.equal(cutOf(text), long.length - text.indexOf('…'));
  });

  it('recent_logs counts the bytes its backwards reader left out as well', async () => {
    const recent = await call('recent_logs', { file: 'payload.log', lines: 3 });
    const text: string = recent.lines[1].text;
    assert.equal(cutOf(text), long.length - text.indexOf('…'), text.slice(-60));
  });

  it('log_patterns does not call an example\'s ellipsis a cut of its own', async () => {
    const patterns = await call('log_patterns', { file: 'payload.log' });
    const examples: string[] = patterns.templates.flatMap((t: Data) => t.examples);
    const cut = examples.find((e) => e.includes('response body'))!;
    assert.doesNotMatch(cut, /\[1 chars cut\]/);
    assert.ok(cut.endsWith('…'), cut.slice(-40));
  });
});
