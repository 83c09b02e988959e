// The one time rule at every logs tool that takes times (search_logs, log_patterns), through the built server: an
// entry exactly at `since` is in, one exactly at `until` is out, and a continuation line goes with its entry.
// search_logs runs with both engines (ripgrep and the pure-Node scan); log_patterns has one reader.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEARCH_ENGINES } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { LINES_IN_WINDOW, WINDOW, WINDOW_LOG } from '../../support/window-log';

const iso = (ms: number) => new Date(ms).toISOString();

async function call<T>(s: StartedServer, name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await s.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as T;
}

describe('logs tools: since inclusive, until exclusive', function () {
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'logs-window-'));
    writeFileSync(join(dir, 'window.log'), WINDOW_LOG);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const engine of SEARCH_ENGINES) {
    describe(`search_logs with the ${engine.name} engine`, function () {
      let s: StartedServer;
      before(async function () {
        if (!engine.available()) this.skip();
        s = await startBuiltServer('logs', { LOG_DIRS: dir, ...engine.env });
      });
      after(async () => s?.close());

      // ISO date-times with milliseconds and epoch milliseconds name the same instants.
      for (const [form, since, until] of [
        ['ISO 8601', iso(WINDOW.since), iso(WINDOW.until)],
        ['epoch ms', String(WINDOW.since), String(WINDOW.until)],
      ]) {
        it(`keeps the entry at since and drops the one at until (${form})`, async () => {
          for (const order of ['oldest', 'newest'] as const) {
            const out = await call<{ matches: { line: number; file: string }[]; totalMatches: number; files: { engine: string }[] }>(s, 'search_logs', { pattern: 'tick', file: 'window.log', since, until, order });
            const expected = order === 'oldest' ? LINES_IN_WINDOW : [...LINES_IN_WINDOW].reverse();
            assert.deepEqual(out.matches.map((m) => m.line), expected, order);
            assert.equal(out.totalMatches, LINES_IN_WINDOW.length);
            assert.equal(out.files[0].engine, engine.name);
          }
        });
      }

      it('refuses a window whose until is not after its since', async () => {
        const result = (await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'tick', since: iso(WINDOW.until), until: iso(WINDOW.until) } })) as CallToolResult;
        assert.equal(result.isError, true);
      });
    });
  }

  describe('log_patterns', function () {
    let s: StartedServer;
    before(async function () {
      s = await startBuiltServer('logs', { LOG_DIRS: dir });
    });
    after(async () => s?.close());

    it('keeps the entry at since and drops the one at until', async () => {
      const out = await call<{ linesRead: number; linesMatched: number }>(s, 'log_patterns', { file: 'window.log', since: iso(WINDOW.since), until: iso(WINDOW.until) });
      assert.equal(out.linesRead, WINDOW_LOG.trimEnd().split('\n').length);
      assert.equal(out.linesMatched, LINES_IN_WINDOW.length);
      const wider = await call<{ linesMatched: number }>(s, 'log_patterns', { file: 'window.log', since: iso(WINDOW.since), until: iso(WINDOW.until + 1) });
      assert.equal(wider.linesMatched, LINES_IN_WINDOW.length + 2, 'one ms later, the until entry and its continuation are in');
    });

    it('states the rule in the descriptions of every tool that takes times', async () => {
      const { tools } = await s.client.listTools();
      for (const name of ['search_logs', 'log_patterns']) {
        const tool = tools.find((t) => t.name === name);
        assert.match(tool?.description ?? '', /`until` is exclusive/, name);
        const props = (tool?.inputSchema as { properties: Record<string, { description?: string }> }).properties;
        assert.match(props.since.description ?? '', /inclusive/, `${name} since`);
        assert.match(props.until.description ?? '', /exclusive/, `${name} until`);
      }
    });
  });
});
