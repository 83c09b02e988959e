// search_logs over several files: files are read newest (oldest) written first, but a file written last can hold old
// matches and one written a moment before it the newest, and a file written first can start after one written later;
// the newest (oldest) matches are those of every file that could hold one, in time order (break20: "when did X last
// happen" answered 3 hours ago for a match 2 s old).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SEARCH_ENGINES } from '../../support/log-engines';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

interface Search {
  matches: { file: string; text: string }[];
  totalMatches: number;
  truncated: boolean;
  files: { file: string }[];
  notes: string[];
}

const NOW = Math.floor(Date.now() / 1000) * 1000;
const stamp = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000', '');

for (const engine of SEARCH_ENGINES) {
  describe(`logs: search_logs newest and oldest first across files (${engine.name})`, function () {
    this.timeout(60_000);
    let dir: string;
    let server: StartedServer;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'newest-files-'));
      const write = (name: string, lines: string[], writtenSecondsAgo: number) => {
        writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
        const at = new Date(NOW - writtenSecondsAgo * 1000);
        utimesSync(join(dir, name), at, at);
      };
      // Written last: an old match, then heartbeats. Written a second before: the newest match. Written 4 hours ago:
      // a match older than every other, which cannot be among the newest once two are in hand.
      write('api.log', [`${stamp(10_800)} ERROR payment timeout order=1`, `${stamp(5)} INFO heartbeat`, `${stamp(1)} INFO heartbeat`], 1);
      write('worker.log', [`${stamp(2)} ERROR payment timeout order=2`], 2);
      write('batch.log', [`${stamp(14_400)} ERROR payment timeout order=0`], 14_000);
      // Written an hour ago but started a day ago: the oldest match, in a file written after batch.log.
      write('long.log', [`${stamp(86_400)} ERROR payment timeout order=-1`, `${stamp(3_600)} INFO still up`], 3_600);
      server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off', ...engine.env }, ['--log-dir', dir]);
    });

    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const search = async (args: Record<string, unknown>): Promise<Search> => {
      const result = (await server.client.callTool({ name: 'search_logs', arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as unknown as Search;
    };
    const orders = (out: Search) => out.matches.map((m) => m.text.split('order=')[1]);

    it('limit 1: the newest match of all files, not the newest of the file written last', async () => {
      const out = await search({ pattern: 'payment timeout', limit: 1 });
      assert.deepEqual(orders(out), ['2']);
      assert.equal(out.truncated, true);
    });

    it('limit 2: stops before a file last written before the newest two matches, saying their matches are older', async () => {
      const out = await search({ pattern: 'payment timeout', limit: 2 });
      assert.deepEqual(orders(out), ['2', '1']);
      assert.deepEqual(out.files.map((f) => f.file), ['api.log', 'worker.log', 'long.log']);
      assert.ok(out.notes.some((n) => n.includes('last written before the newest 2 matches')), out.notes.join('\n'));
    });

    it('oldest first, limit 1: the oldest match of all files, not the oldest of the file written first', async () => {
      const out = await search({ pattern: 'payment timeout', order: 'oldest', limit: 1 });
      assert.deepEqual(orders(out), ['-1']);
      // worker.log and api.log start after it: not searched, and said so.
      assert.deepEqual(out.files.map((f) => f.file), ['batch.log', 'long.log']);
      assert.ok(out.notes.some((n) => n.includes('did not search 2 more file(s) whose first entry is later than the oldest 1 matches')), out.notes.join('\n'));
    });

    it('every match in time order, newest or oldest first', async () => {
      assert.deepEqual(orders(await search({ pattern: 'payment timeout' })), ['2', '1', '0', '-1']);
      assert.deepEqual(orders(await search({ pattern: 'payment timeout', order: 'oldest' })), ['-1', '0', '1', '2']);
    });
  });
}
