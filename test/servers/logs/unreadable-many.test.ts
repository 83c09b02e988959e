// A log folder read by a user who may read few of its files (/var/log for anyone but root: secure, btmp, audit/ and
// most service logs are 0600 or 0640). break29 found two faults there after break28's per-file notes:
// - a call over every file wrote one full sentence per unreadable file: 297 unreadable files made 300 notes, 53 KB of
//   "skipped svcN.log: … permission denied …" around the three errors the readable files held;
// - recent_logs without a file reads the most recently written file, and when that one was unreadable (an auth log
//   is written more often than any other) the whole call failed with its "cannot be read", although older readable
//   files were there.
// Root reads any file, so as root the server is started as user nobody (setpriv), as unreadable-files.test.ts does.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { unprivilegedServerPrefix } from '../../support/unprivileged';
import { deniedFilesNotes, PermissionDeniedError } from '../../../servers/logs/files/log-files';

const UNREADABLE = 40;

describe('logs: a folder where most files are unreadable', function () {
  this.timeout(60_000);
  let root: string;
  let server: StartedServer | undefined;
  let closed: StartedServer | undefined;
  let closedDir: string;

  before(async function () {
    const wrapper = unprivilegedServerPrefix(this);
    root = mkdtempSync(join(tmpdir(), 'unreadable-many-'));
    chmodSync(root, 0o755);
    const hourAgo = new Date(Date.now() - 3600_000);
    for (let i = 0; i < UNREADABLE; i++) {
      const file = join(root, `svc${i}.log`);
      writeFileSync(file, `2026-12-02T10:00:00Z ERROR service ${i} failed\n`);
      chmodSync(file, 0o600);
      utimesSync(file, hourAgo, hourAgo);
    }
    writeFileSync(join(root, 'app.log'), '2026-12-02T10:00:00Z ERROR payment failed: card declined\n2026-12-02T10:00:01Z INFO retry\n');
    chmodSync(join(root, 'app.log'), 0o644);
    const twoHoursAgo = new Date(Date.now() - 7200_000);
    utimesSync(join(root, 'app.log'), twoHoursAgo, twoHoursAgo);
    // The most recently written file, which the server may not read.
    writeFileSync(join(root, 'secure.log'), '2026-12-02T10:00:00Z ERROR sshd: authentication failure\n');
    chmodSync(join(root, 'secure.log'), 0o600);
    server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root }, [], wrapper);
    // A folder of unreadable files only (beside a readable one without errors).
    closedDir = mkdtempSync(join(tmpdir(), 'unreadable-closed-'));
    chmodSync(closedDir, 0o755);
    for (const name of ['auth.log', 'kern.log']) {
      writeFileSync(join(closedDir, name), '2026-12-02T10:00:00Z ERROR something broke\n');
      chmodSync(join(closedDir, name), 0o600);
    }
    writeFileSync(join(closedDir, 'quiet.log'), '2026-12-02T10:00:00Z INFO all fine\n');
    chmodSync(join(closedDir, 'quiet.log'), 0o644);
    closed = await startBuiltServer('logs', { LOG_DIRS: closedDir, HOME: root }, [], wrapper);
  });

  after(async () => {
    await server?.close();
    await closed?.close();
    if (root) rmSync(root, { recursive: true, force: true });
    if (closedDir) rmSync(closedDir, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>) => (await server!.client.callTool({ name, arguments: args })) as CallToolResult;

  it('error_summary and search_logs name the unreadable files in one note, not one each', async () => {
    for (const [tool, args] of [['error_summary', { wholeFile: true }], ['search_logs', { pattern: 'failed' }]] as const) {
      const result = await call(tool, args);
      assert.ok(!result.isError, tool);
      const notes = (result.structuredContent as { notes: string[] }).notes;
      const denied = notes.filter((n) => n.includes('permission denied'));
      assert.equal(denied.length, 1, `${tool}: ${JSON.stringify(notes).slice(0, 600)}`);
      assert.match(denied[0], new RegExp(`${UNREADABLE + 1} log files cannot be read: permission denied`), denied[0]);
      assert.match(denied[0], /secure\.log/);
      assert.match(denied[0], /and \d+ more/);
      assert.match(denied[0], /uid 65534|this server/);
      assert.ok(JSON.stringify(notes).length < 2000, `${tool}: notes stay short`);
    }
  });

  it('recent_logs without a file reads the newest readable file and names the newer unreadable one', async () => {
    const result = await call('recent_logs', {});
    assert.ok(!result.isError, JSON.stringify(result.content).slice(0, 400));
    const out = result.structuredContent as { file: string; lines: { text: string }[]; notes: string[] };
    assert.equal(out.file, 'app.log');
    assert.match(out.lines[0].text, /payment failed/);
    assert.ok(out.notes.some((n) => /secure\.log/.test(n) && /permission denied/.test(n)), JSON.stringify(out.notes));
  });

  // "No errors" must be true: with the files holding them unread, it was said all the same.
  it('error_summary does not say "no errors" of files it could not read', async () => {
    for (const args of [{}, { wholeFile: true }]) {
      const result = (await closed!.client.callTool({ name: 'error_summary', arguments: args })) as CallToolResult;
      assert.ok(!result.isError);
      const out = result.structuredContent as { totalErrors: number; notes: string[] };
      assert.equal(out.totalErrors, 0);
      const none = out.notes.find((n) => n.startsWith('no ERROR or FATAL lines'));
      assert.ok(none, JSON.stringify(out.notes));
      assert.match(none, /in the files read.*2 log files? could not be read/, none);
    }
  });

  it('deniedFilesNotes: a sentence each up to 3 files, then one counting note; "skipped" only when the call went on', () => {
    const denied = ['a.log', 'b.log', 'c.log', 'd.log'].map((f) => new PermissionDeniedError(f, 'mode 0600, owner uid 0, group gid 0'));
    assert.equal(deniedFilesNotes(denied.slice(0, 3)).length, 3);
    assert.match(deniedFilesNotes(denied.slice(0, 1))[0], /^skipped a\.log: a\.log cannot be read: permission denied \(mode 0600/);
    const [one] = deniedFilesNotes(denied);
    assert.match(one, /^4 log files cannot be read: permission denied \(mode 0600, owner uid 0, group gid 0\): a\.log, b\.log, c\.log, d\.log; they were skipped: give/);
    assert.doesNotMatch(deniedFilesNotes(denied, 0, false)[0], /skipped/);
  });

  it('recent_logs naming the unreadable file still fails with why', async () => {
    const result = await call('recent_logs', { file: 'secure.log' });
    assert.ok(result.isError);
    assert.match((result.content[0] as { text: string }).text, /secure\.log cannot be read: permission denied/);
  });
});
