// search_logs over a window that misses every entry of a file: "0 matches" comes with where the file's entries are,
// so an archive is never read as "none in the file". Both engines; plain and .gz; before and after the window. And a
// file whose lines are out of time order is still read for the window: its last line's time does not stand for all.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeWithEachEngine } from '../../support/log-engines';
import type { StartedServer } from '../../support/mcp-client';

const ARCHIVE = ['2015-07-29 10:00:00,000 ERROR [main] app.Db: connection refused', '2015-08-10 09:30:00,000 ERROR [main] app.Db: connection refused', ''].join('\n');

interface Output {
  totalMatches: number;
  notes: string[];
}

async function search(s: StartedServer, args: Record<string, unknown>): Promise<Output> {
  const result = (await s.client.callTool({ name: 'search_logs', arguments: args })) as CallToolResult;
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as unknown as Output;
}

describe('search_logs: a window that misses every entry says where they are', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-window-miss-'));
    writeFileSync(join(dir, 'archive.log'), ARCHIVE);
    writeFileSync(join(dir, 'archive.log.1.gz'), gzipSync(ARCHIVE));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (_engine, server) => {
      for (const file of ['archive.log', 'archive.log.1.gz']) {
        it(`${file}: entries older than since`, async () => {
          const out = await search(server(), { file, pattern: 'connection refused', since: '24h' });
          assert.equal(out.totalMatches, 0);
          assert.ok(out.notes.some((n) => n.includes('older than the window') && n.includes('2015-08-10T')), JSON.stringify(out.notes));
        });

        it(`${file}: entries newer than until`, async () => {
          const out = await search(server(), { file, pattern: 'connection refused', until: '2010-01-01T00:00:00Z' });
          assert.equal(out.totalMatches, 0);
          assert.ok(out.notes.some((n) => n.includes('newer than the window') && n.includes('2015-07-29T')), JSON.stringify(out.notes));
        });

        it(`${file}: a window that starts in the future says so, before the per-file notes`, async () => {
          const out = await search(server(), { file, pattern: 'connection refused', since: `${new Date().getFullYear() + 1}-01-01T00:00:00Z` });
          assert.equal(out.totalMatches, 0);
          assert.match(out.notes[0], /the window starts in the future \(since \d{4}-01-0\dT/, JSON.stringify(out.notes));
          const past = await search(server(), { file, pattern: 'connection refused', since: '24h' });
          assert.ok(!past.notes.some((n) => n.includes('in the future')), JSON.stringify(past.notes));
        });

        it(`${file}: no such note when the window holds the entries`, async () => {
          const out = await search(server(), { file, pattern: 'connection refused', since: '2015-01-01T00:00:00Z' });
          assert.equal(out.totalMatches, 2);
          assert.ok(!out.notes.some((n) => n.includes('than the window')), JSON.stringify(out.notes));
        });
      }
  });
});

describe('error_summary and search_logs: a file whose last entry is older than the window is still read for it', function () {
  this.timeout(60_000);
  let dir: string;
  // A replayed buffer written after the live lines: the file ends with entries three days old, while an error of the
  // last hour sits in its middle (written now, so its mtime is inside the window).
  const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  const now = Date.now();
  const LINES = [
    ...Array.from({ length: 10 }, (_, i) => `${at(now - 5 * 86_400_000 + i * 60_000)} INFO old work ${i}`),
    `${at(now - 3_600_000)} ERROR payment gateway timeout after 30000 ms`,
    ...Array.from({ length: 5 }, (_, i) => `${at(now - 3 * 86_400_000 + i * 60_000)} INFO replayed from buffer ${i}`),
    '',
  ].join('\n');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-out-of-order-'));
    writeFileSync(join(dir, 'replayed.log'), LINES);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (_engine, server) => {
      it('error_summary counts the error inside the window and says the entries are out of time order', async () => {
        const result = (await server().client.callTool({ name: 'error_summary', arguments: { file: 'replayed.log', hours: 24 } })) as CallToolResult;
        assert.ok(!result.isError, JSON.stringify(result.content));
        const out = result.structuredContent as { totalErrors: number; groups: { template: string }[]; files: { errors: number; note?: string }[] };
        assert.equal(out.totalErrors, 1, JSON.stringify(out));
        assert.match(out.groups[0].template, /payment gateway timeout/);
        assert.match(out.files[0].note ?? '', /out of time order/);
      });

      it('search_logs finds it in the window', async () => {
        const out = await search(server(), { file: 'replayed.log', level: 'ERROR', since: '24h' });
        assert.equal(out.totalMatches, 1);
        assert.ok(!out.notes.some((n) => n.includes('than the window')), JSON.stringify(out.notes));
      });
  });
});
