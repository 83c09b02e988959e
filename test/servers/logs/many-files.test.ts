// More log files than the server lists (years of daily logs): the listing kept the first 1000 by name, so today's log
// was left out and search_logs said 0 matches, error_summary "no errors in the last 24 h", without a word (break15).
// The listing keeps the newest files and every call over all files says how many older ones it left out.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

describe('logs: more log files than are listed', function () {
  this.timeout(120_000);
  const DAYS = 1101;
  const DAY_MS = 86_400_000;
  let dir: string;
  let server: StartedServer;
  // A minute before the run, in before(): today's file was stamped 01:00 of the day, in the future for a run just after
  // midnight UTC, and so outside "the last 24 h".
  let start = 0;
  const dayName = (daysAgo: number) => new Date(start - daysAgo * DAY_MS).toISOString().slice(0, 10);

  before(async () => {
    start = Date.now() - 60_000;
    dir = mkdtempSync(join(tmpdir(), 'logs-many-files-'));
    // Names sort oldest first by name in one folder, and the newest in a later folder: neither order is the age order.
    for (let daysAgo = 0; daysAgo < DAYS; daysAgo++) {
      const folder = daysAgo < 30 ? 'recent' : 'archive';
      mkdirSync(join(dir, folder), { recursive: true });
      const file = join(dir, folder, `app-${dayName(daysAgo)}.log`);
      const at = new Date(start - daysAgo * DAY_MS);
      const error = daysAgo === 0 ? `${at.toISOString()} ERROR upstream db-1: Connection refused\n` : '';
      writeFileSync(file, `${at.toISOString()} INFO day ${daysAgo} started\n${error}`);
      utimesSync(file, at, at);
    }
    server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>) => {
    const result = (await server.client.callTool({ name, arguments: args }, undefined, { timeout: 100_000 })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content).slice(0, 400));
    return result.structuredContent as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('logs://files lists the newest 1000 and counts the older ones left out', async () => {
    const listing = JSON.parse(((await server.client.readResource({ uri: 'logs://files' })).contents[0] as { text: string }).text);
    assert.equal(listing.files.length, 1000);
    assert.equal(listing.files[0].name, `recent/app-${dayName(0)}.log`);
    assert.equal(listing.files[999].name, `archive/app-${dayName(999)}.log`);
    assert.deepEqual([listing.truncated, listing.omitted], [true, 101]);
  });

  it('search_logs and error_summary find today\'s errors and say what they left out', async () => {
    const found = await call('search_logs', { pattern: 'Connection refused' });
    assert.equal(found.totalMatches, 1);
    assert.equal(found.matches[0].file, `recent/app-${dayName(0)}.log`);
    const said = new RegExp(`^read the newest 1000 log files: 101 older log files were left out \\(the newest of them last written ${dayName(1000)}T`);
    assert.ok(found.notes.some((note: string) => said.test(note)), JSON.stringify(found.notes));
    const errors = await call('error_summary', { hours: 24 });
    assert.equal(errors.totalErrors, 1, JSON.stringify(errors).slice(0, 400));
    assert.ok(errors.notes.some((note: string) => said.test(note)), JSON.stringify(errors.notes));
  });

  it('a file left out of the listing is still read when named', async () => {
    const old = await call('search_logs', { pattern: 'day 1100 started', file: `archive/app-${dayName(1100)}.log` });
    assert.equal(old.totalMatches, 1);
  });
});
