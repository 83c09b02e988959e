// A repository whose git config includes files in a circle (a.inc includes b.inc, which includes a.inc: two people's
// edits of a shared include, or an includeIf that matches inside the file it names). git stops at 10 levels and prints
// the chain on the lines after its "fatal:" line; the server kept only that first line, "git failed: exceeded maximum
// include depth (10) while including", which names no file (break29). The answer names the files and what to do.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

describe('git: an include cycle in the repository config', function () {
  this.timeout(60_000);
  let repo: string;
  let server: StartedServer | undefined;

  before(async () => {
    repo = mkdtempSync(join(tmpdir(), 'git-include-cycle-'));
    execFileSync('git', ['init', '-q', repo]);
    appendFileSync(join(repo, '.git', 'config'), '[include]\n\tpath = a.inc\n');
    writeFileSync(join(repo, '.git', 'a.inc'), '[include]\n\tpath = b.inc\n');
    writeFileSync(join(repo, '.git', 'b.inc'), '[includeIf "gitdir:**"]\n\tpath = a.inc\n');
    server = await startBuiltServer('git', { REPO_PATH: repo, HOME: repo, TZ: 'UTC' });
  });

  after(async () => {
    await server?.close();
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  it('names the files of the circle and what to do, not only "exceeded maximum include depth"', async () => {
    const result = (await server!.client.callTool({ name: 'git_status', arguments: {} })) as CallToolResult;
    assert.ok(result.isError);
    const text = (result.content[0] as { text: string }).text;
    assert.match(text, /include/i);
    assert.match(text, /a\.inc/, text);
    assert.match(text, /b\.inc/, text);
    assert.match(text, /circle/, text);
  });
});
