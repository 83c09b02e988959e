// Two ways a logs call could read less than it was asked to without a word (break20): `file` given together with a
// unit/container/host filter (one of them was dropped), and hidden folders (`~/.pm2/logs`, `~/.npm/_logs`), which the
// walk does not enter, holding log files. Through the built server over stdio, as a client sees it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

const textOf = (result: CallToolResult) => (result.content[0] as { text: string }).text;

describe('logs: a call says what it did not read, never drops a choice in silence', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'unread-choices-'));
    writeFileSync(join(root, 'app.log'), '2026-12-02T04:00:00Z INFO app started\n');
    // pm2 writes each process's output under ~/.pm2/logs; npm its debug logs under ~/.npm/_logs.
    mkdirSync(join(root, '.pm2', 'logs'), { recursive: true });
    writeFileSync(join(root, '.pm2', 'logs', 'api-error.log'), '2026-12-02T04:00:01Z ERROR payment failed\n');
    mkdirSync(join(root, '.npm', '_logs'), { recursive: true });
    writeFileSync(join(root, '.npm', '_logs', '2026-12-02T04_00_00_000Z-debug-0.log'), '0 verbose cli npm\n');
    // Hidden folders without log files, and version control, are no news.
    mkdirSync(join(root, '.config', 'tool'), { recursive: true });
    writeFileSync(join(root, '.config', 'tool', 'settings.toml'), 'a = 1\n');
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, '.git', 'old.log'), 'x\n');
    server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off' }, ['--log-dir', root]);
  });

  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const [tool, args] of [
    ['search_logs', { pattern: 'payment' }],
    ['recent_logs', {}],
    ['error_summary', {}],
    ['log_patterns', {}],
  ] as const) {
    it(`${tool}: file with unit, container or host is refused, naming both`, async () => {
      for (const filter of [{ unit: 'nginx' }, { container: 'payments-api' }, { host: 'web-2' }]) {
        const result = (await server.client.callTool({ name: tool, arguments: { ...args, file: 'app.log', ...filter } })) as CallToolResult;
        assert.equal(result.isError, true, `${tool} ${JSON.stringify(filter)}: ${textOf(result)}`);
        const [key, value] = Object.entries(filter)[0];
        assert.match(textOf(result), new RegExp(`^file and ${key} ${value} both choose what to read: give file alone .* or ${key} without file`));
      }
    });
  }

  it('the listing names hidden folders that hold log files, and only those', async () => {
    const listing = await listLogFiles(await prepareDirs([root]));
    assert.deepEqual(listing.files.map((f) => f.name), ['app.log']);
    assert.deepEqual(listing.hidden, { count: 2, folders: [join(root, '.npm', '_logs'), join(root, '.pm2', 'logs')] });
  });

  it('a search over every file notes the hidden folders holding logs; logs://files gives them', async () => {
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'payment' } })) as CallToolResult;
    const out = result.structuredContent as { totalMatches: number; notes: string[] };
    assert.equal(out.totalMatches, 0);
    const note = out.notes.find((n) => n.startsWith('not read: 2 hidden folder(s) in the log directories hold log files'));
    assert.ok(note?.includes(join(root, '.pm2', 'logs')) && note.includes('add such a folder to LOG_DIRS'), out.notes.join('\n'));
    const files = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse((files.contents[0] as { text: string }).text) as { hidden?: { count: number; folders: string[] } };
    assert.equal(body.hidden?.count, 2);
  });
});
