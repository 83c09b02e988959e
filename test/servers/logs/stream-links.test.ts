// Log-file names that link to the writer's standard output or error (break37). Container images send their logs to
// the runtime so: the official nginx image's Dockerfile links /var/log/nginx/access.log to /dev/stdout and error.log to
// /dev/stderr, httpd's does the same. A folder mounted from such a container was listed without them, and without a
// word: "errors?" answered from its other files, and naming error.log said it was "a broken link". No file holds those
// lines; the answer says so and where they go.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('logs: log-file names linking to /dev/stdout or /dev/stderr are named, not passed over', function () {
  this.timeout(60_000);
  let root: string;
  let onlyLinks: string;
  const servers: StartedServer[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'stream-links-'));
    mkdirSync(join(root, 'nginx'));
    // As the nginx image's Dockerfile makes them ("forward request and error logs to docker log collector").
    symlinkSync('/dev/stdout', join(root, 'nginx', 'access.log'));
    symlinkSync('/dev/stderr', join(root, 'nginx', 'error.log'));
    writeFileSync(join(root, 'app.log'), '2026-12-02 04:00:00 ERROR payment failed\n');
    onlyLinks = mkdtempSync(join(tmpdir(), 'stream-links-only-'));
    symlinkSync('/proc/self/fd/2', join(onlyLinks, 'error.log'));
  });

  after(async () => {
    for (const server of servers) await server.close();
    for (const dir of [root, onlyLinks]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const start = async (dir: string): Promise<StartedServer> => {
    const server = await startBuiltServer('logs', { LOG_DIRS: dir });
    servers.push(server);
    return server;
  };

  it('the listing counts them and names each with its target', async () => {
    const listing = await listLogFiles(await prepareDirs([root]));
    assert.deepEqual(listing.files.map((f) => f.name), ['app.log']);
    assert.deepEqual(listing.streamLinks, { count: 2, links: ['nginx/access.log -> /dev/stdout', 'nginx/error.log -> /dev/stderr'] });
  });

  it('logs://files and a call over every file say where those lines are', async () => {
    const server = await start(root);
    const read = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse(String((read.contents[0] as { text: string }).text)) as Data;
    assert.equal(body.streamLinks.count, 2);
    assert.match(body.streamLinks.note, /links to the writing program's standard output or error .*no file holds those lines.*LOG_DOCKER/);
    const summary = (await server.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const data = summary.structuredContent as Data;
    assert.equal(data.totalErrors, 1);
    assert.ok(data.notes.some((n: string) => n.startsWith('not read: 2 log file name(s) are links to the writing program\'s standard output or error (nginx/access.log -> /dev/stdout, nginx/error.log -> /dev/stderr)')), JSON.stringify(data.notes));
  });

  it('naming one says it is a link to the stream, not a broken link', async () => {
    const server = await start(root);
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'nginx/error.log' } })) as CallToolResult;
    assert.equal(result.isError, true);
    const text = (result.content as Array<{ text: string }>)[0].text;
    assert.match(text, /nginx\/error\.log is a link to \/dev\/stderr, the writing program's standard output or error/);
    assert.doesNotMatch(text, /broken link/);
  });

  // rev26a: a container's cron job or sidecar script writes to the main process's streams (`ln -sf /proc/1/fd/1
  // /var/log/cron.log`, so that they reach the container's log): such a name was passed over without a word, and
  // naming it said "a broken link".
  it('a link to the main process\'s output (/proc/1/fd/1) is one too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-links-pid1-'));
    try {
      symlinkSync('/proc/1/fd/1', join(dir, 'cron.log'));
      symlinkSync('/proc/1/fd/2', join(dir, 'worker.log'));
      writeFileSync(join(dir, 'app.log'), '2026-12-02 04:00:00 INFO started\n');
      const listing = await listLogFiles(await prepareDirs([dir]));
      assert.deepEqual(listing.streamLinks, { count: 2, links: ['cron.log -> /proc/1/fd/1', 'worker.log -> /proc/1/fd/2'] });
      const server = await start(dir);
      const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'x', file: 'cron.log' } })) as CallToolResult;
      assert.equal(result.isError, true);
      assert.match((result.content as Array<{ text: string }>)[0].text, /cron\.log is a link to \/proc\/1\/fd\/1, the writing program's standard output or error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // rev26a: images silence a log by linking it to /dev/null; named, it was "points outside the log directories".
  it('naming a link to /dev/null says its lines are discarded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-links-null-'));
    try {
      symlinkSync('/dev/null', join(dir, 'debug.log'));
      writeFileSync(join(dir, 'app.log'), '2026-12-02 04:00:00 INFO started\n');
      const server = await start(dir);
      const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'x', file: 'debug.log' } })) as CallToolResult;
      assert.equal(result.isError, true);
      assert.match((result.content as Array<{ text: string }>)[0].text, /debug\.log is a link to \/dev\/null: what is written to it is discarded/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder of nothing but such links says so, not only "no log files found"', async () => {
    const server = await start(onlyLinks);
    const result = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'error' } })) as CallToolResult;
    assert.equal(result.isError, true);
    assert.match((result.content as Array<{ text: string }>)[0].text, /no log files found in .*\(but 1 log file name\(s\) are links to the writing program's standard output or error \(error\.log -> \/proc\/self\/fd\/2\)/);
  });
});
