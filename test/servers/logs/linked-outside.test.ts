// Log-file names that link to files outside the log directories are never read (no escape from the configured
// folders), but a listing that says nothing of them reads as "no log files": a Kubernetes node's /var/log/containers
// holds nothing but links into /var/log/pods (break20). So with folders too deep for the walk. The listing, the calls
// over every file and the error when nothing is left say how many there are, where they are, and what to do.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { linkedOutsideNote, listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

describe('logs: links out of the log directories are named, not passed over in silence', function () {
  this.timeout(60_000);
  let root: string;
  let containers: string;
  let pods: string;
  const servers: StartedServer[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'linked-outside-'));
    containers = join(root, 'containers');
    pods = join(root, 'pods', 'shop_web-7d9f_0a1b', 'web');
    mkdirSync(containers);
    mkdirSync(pods, { recursive: true });
    writeFileSync(join(pods, '0.log'), '2026-12-02T04:00:00.000000000Z stderr F ERROR payment failed\n');
    writeFileSync(join(root, 'pods', 'not-a-log-dir.log'), 'x\n');
    // As the kubelet makes them: <pod>_<namespace>_<container>-<id>.log -> /var/log/pods/…/<container>/0.log.
    symlinkSync(join(pods, '0.log'), join(containers, 'web-7d9f_shop_web-0a1b.log'));
    // Neither counts: a dangling link, and a link to a directory.
    symlinkSync(join(root, 'gone.log'), join(containers, 'dangling.log'));
    symlinkSync(join(root, 'pods'), join(containers, 'dir.log'));
  });

  after(async () => {
    for (const server of servers) await server.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('the listing counts the links to files outside and names their folders', async () => {
    const listing = await listLogFiles(await prepareDirs([containers]));
    assert.deepEqual(listing.files, []);
    assert.deepEqual(listing.linkedOutside, { count: 1, folders: [pods] });
    // A link into another configured directory is read there: not outside.
    const both = await listLogFiles(await prepareDirs([containers, join(root, 'pods')]));
    assert.equal(both.linkedOutside, undefined);
  });

  it('"…" after the folders named means folders past them, not more links into the same ones', async () => {
    const links = join(root, 'many-links');
    mkdirSync(links);
    const folders = ['a', 'b', 'c', 'd'].map((name) => join(root, 'elsewhere', name));
    for (const [i, folder] of folders.entries()) {
      mkdirSync(folder, { recursive: true });
      for (const n of [1, 2]) {
        writeFileSync(join(folder, `${n}.log`), 'x\n');
        symlinkSync(join(folder, `${n}.log`), join(links, `${i}-${n}.log`));
      }
    }
    // Eight links into four folders; then six into three: all three are named, and nothing else.
    const four = await listLogFiles(await prepareDirs([links]));
    assert.equal(four.linkedOutside?.count, 8);
    rmSync(join(links, '3-1.log'));
    rmSync(join(links, '3-2.log'));
    const named = await listLogFiles(await prepareDirs([links]));
    assert.deepEqual([named.linkedOutside?.count, named.linkedOutside?.folders], [6, folders.slice(0, 3)]);
    assert.match(linkedOutsideNote(named.linkedOutside!), new RegExp(`\\(into ${folders.slice(0, 3).join(', ')}\\), which`));
    // A fourth folder is past the three named: "…".
    assert.match(linkedOutsideNote(four.linkedOutside!), new RegExp(`\\(into ${folders.slice(0, 3).join(', ')}, …\\), which`));
  });

  it('a call with nothing else to read says where the logs are instead of "no log files"', async () => {
    const server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off' }, ['--log-dir', containers]);
    servers.push(server);
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'payment' } })) as CallToolResult;
    assert.equal(result.isError, true);
    const text = (result.content[0] as { text: string }).text;
    assert.match(text, new RegExp(`1 log file name\\(s\\) in the log directories are links to files outside them \\(into ${pods}\\).*add that folder to LOG_DIRS`));
    const files = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse((files.contents[0] as { text: string }).text) as { linkedOutside?: { count: number; folders: string[] } };
    assert.deepEqual([body.linkedOutside?.count, body.linkedOutside?.folders], [1, [pods]]);
  });

  it('names the folders too deep for the walk, whose log files are neither listed nor searched', async () => {
    const top = join(root, 'apps');
    const deep = join(top, 'team', 'service', 'env', 'logs', 'current');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'app.log'), '2026-12-02T04:00:00Z ERROR payment failed\n');
    writeFileSync(join(top, 'team', 'service', 'env', 'logs', 'old.log'), '2026-12-01T04:00:00Z INFO fine\n');
    const listing = await listLogFiles(await prepareDirs([top]));
    assert.deepEqual(listing.files.map((f) => f.name), ['team/service/env/logs/old.log']);
    assert.deepEqual(listing.tooDeep, { count: 1, folders: [deep] });
    const server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off' }, ['--log-dir', top]);
    servers.push(server);
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'payment' } })) as CallToolResult;
    const out = result.structuredContent as { totalMatches: number; notes: string[] };
    assert.equal(out.totalMatches, 0);
    assert.ok(out.notes.some((n) => n.startsWith('not read: 1 folder(s) more than 4 levels below') && n.includes(deep)), out.notes.join('\n'));
  });

  it('a call over every file notes them beside what it read', async () => {
    writeFileSync(join(containers, 'node.log'), '2026-12-02T04:00:01Z INFO kubelet ok\n');
    const server = await startBuiltServer('logs', { LOG_JOURNAL: 'off', LOG_DOCKER: 'off' }, ['--log-dir', containers]);
    servers.push(server);
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'payment' } })) as CallToolResult;
    const out = result.structuredContent as { totalMatches: number; notes: string[] };
    assert.equal(out.totalMatches, 0);
    assert.ok(out.notes.some((n) => n.startsWith('not read: 1 log file name(s)') && n.includes(pods)), out.notes.join('\n'));
  });
});
