// A JSON-lines file whose records keep their level under a key no reader knows (zerolog with `LevelFieldName = "sev"`,
// a custom numeric `lvl_num`) reads as "no errors": error_summary says the levels could not be read, and in which key
// they may be (coverage.ts unreadLevelKey), without reading that key as the level.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unreadLevelKey } from '../../../servers/logs/format/coverage';
import { parserFor } from '../../../servers/logs/format/parser';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const at = (i: number): string => new Date(Date.now() - 120_000 + i * 1000).toISOString();

/** zerolog's record with its level field renamed (`zerolog.LevelFieldName = "sev"`). */
const zerolog = (i: number): string => JSON.stringify({ sev: i % 5 === 4 ? 'error' : 'info', time: at(i), caller: 'db/pool.go:88', message: i % 5 === 4 ? 'dial tcp 10.0.0.7:5432: connect: connection refused' : `request ${i} served` });
/** A custom logger's numeric level (pino's scale) under its own key; some messages start with a level word. */
const numeric = (i: number): string => JSON.stringify({ time: at(i), lvl_num: i % 5 === 4 ? 50 : 30, message: i % 5 === 4 ? 'upstream timed out' : `info: request ${i} served` });
/** No level anywhere: a neighbour whose short fields must not be taken for one. */
const audit = (i: number): string => JSON.stringify({ time: at(i), user: `u${i}`, status: 'ok', action: 'login' });

const lines = (make: (i: number) => string): string[] => Array.from({ length: 30 }, (_, i) => make(i));
const hintOf = (sample: string[]) => unreadLevelKey(sample, parserFor(Buffer.from(sample.join('\n') + '\n'), true, Date.now()));

describe('logs: a JSON key no reader knows as the level is named, not read', function () {
  this.timeout(60_000);

  it('names the key whose values read as levels, and no key of a record without one', () => {
    assert.deepEqual(hintOf(lines(zerolog)), { key: 'sev', values: ['error', 'info'] });
    assert.deepEqual(hintOf(lines(numeric)), { key: 'lvl_num', values: ['50'] });
    assert.equal(hintOf(lines(audit)), undefined);
    // break19: a shard or job number (0..4 reads as syslog severities) is not named before the key holding the levels,
    // nor named at all when no key holds them.
    const sharded = (i: number): string => JSON.stringify({ ts: at(i), shard: i % 4, sev: i % 3 ? 'I' : 'E', msg: i % 3 ? 'started' : 'replica lag too high' });
    assert.deepEqual(hintOf(lines(sharded)), { key: 'sev', values: ['E', 'I'] });
    assert.equal(hintOf(lines((i) => JSON.stringify({ ts: at(i), msg: 'job done', job: (i % 4) + 1 }))), undefined);
    // A known key is read: nothing to name.
    assert.equal(hintOf(lines((i) => zerolog(i).replace('"sev"', '"level"'))), undefined);
  });

  describe('through error_summary', () => {
    let dir = '';
    let server: StartedServer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-levelkey-'));
      writeFileSync(join(dir, 'zerolog.log'), lines(zerolog).join('\n') + '\n');
      writeFileSync(join(dir, 'numeric.log'), lines(numeric).join('\n') + '\n');
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const summary = async (file: string): Promise<Data> => {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file, hours: 1 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Data;
    };

    it('says the levels could not be read and where they may be', async () => {
      const data = await summary('zerolog.log');
      assert.equal(data.totalErrors, 0);
      assert.equal(data.files[0].levelsUnreadable, true);
      const notes = data.notes.join('\n');
      assert.match(notes, /key "sev" \(values error, info\)/);
      assert.match(notes, /levels could not be read in zerolog\.log/);
    });

    it('says so when only the error lines lack a readable level', async () => {
      const data = await summary('numeric.log');
      assert.equal(data.totalErrors, 0);
      assert.equal(data.files[0].linesWithoutLevel, 6);
      const notes = data.notes.join('\n');
      assert.match(notes, /key "lvl_num"/);
      assert.match(notes, /some lines of numeric\.log have no readable level/);
    });
  });
});
