// What the logs server tells a client about its own configuration and the caller's input. A configured log directory
// that cannot be read is named through the protocol (tool errors and logs://files), not only on stderr, which most
// clients never show: "no log directories configured: set LOG_DIRS" was wrong when it was set. A source filter repeated
// in an error has its control characters and escapes taken out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs server with configured directories it cannot read', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;
  let missing: string;
  let file: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'skipped-dirs-'));
    missing = join(root, 'not here');
    file = join(root, 'a.log');
    writeFileSync(file, '2026-01-01 00:00:00 ERROR x\n');
    server = await startBuiltServer('logs', { LOG_DIRS: `${missing}:${file}`, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
  });
  after(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('names each skipped directory and its reason in the tool error, and does not say none is configured', async () => {
    const result = (await server.client.callTool({ name: 'error_summary', arguments: {} })) as Data;
    assert.equal(result.isError, true);
    const text = result.content[0].text as string;
    assert.ok(text.includes(`${missing} (not a readable directory, skipped)`), text);
    // break30: a file named where its folder belongs is told to name the folder.
    assert.ok(text.includes(`${file} (a file, not a directory: name its folder (${root}) to read it, skipped)`), text);
    assert.doesNotMatch(text, /no log directories configured/);
  });

  it('lists them under skippedDirectories in logs://files, and says so on stderr', async () => {
    const read = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse((read.contents[0] as { text: string }).text) as Data;
    assert.deepEqual(body.directories, []);
    assert.deepEqual(body.skippedDirectories, [
      { path: missing, reason: 'not a readable directory' },
      { path: file, reason: `a file, not a directory: name its folder (${root}) to read it` },
    ]);
    assert.match(server.stderr(), /skipping .*a\.log: a file, not a directory: name its folder/);
  });
});

describe('logs server echoing a caller\'s source filter', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'echoed-filter-'));
    writeFileSync(join(root, 'a.log'), '2026-01-01 00:00:00 ERROR x\n');
    server = await startBuiltServer('logs', { LOG_DIRS: root, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
  });
  after(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes control characters and escapes out of the unit, container or host it repeats in an error', async () => {
    for (const tool of ['search_logs', 'error_summary', 'recent_logs', 'log_patterns']) {
      const result = (await server.client.callTool({ name: tool, arguments: { unit: 'a\u0000b\u001b[31mc' } })) as Data;
      assert.equal(result.isError, true, tool);
      const text = result.content[0].text as string;
      assert.match(text, /matches unit abc /, text);
      assert.doesNotMatch(text, /[\u0000-\u001f]/, `${tool}: ${JSON.stringify(text)}`);
    }
  });
});
