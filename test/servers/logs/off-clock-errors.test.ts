// Errors of a file whose times are off, beside files whose errors the window counts (break37). A server on a cloud
// machine in UTC reads an app's log written in Seoul time without a zone (the app's container has TZ=Asia/Seoul): its
// entries read 9 h in the future. error_summary for the last hour counted the nginx errors and said of the app's log
// `errors: 0` with only a note that its windows are off; with no error anywhere it would have said where they are
// (files[].outsideWindow). It now says so beside other files' errors too.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `YYYY-MM-DD HH:MM:SS` of `ms` as a clock 9 h ahead of UTC shows it (Seoul), without a zone. */
function seoulTime(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

describe('logs: error_summary says where the errors of a file whose times are off are, beside other files\' errors', function () {
  this.timeout(60_000);
  let dir: string;
  let server: StartedServer | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-off-clock-'));
    const now = Date.now();
    const min = 60_000;
    writeFileSync(join(dir, 'access.log'), `203.0.113.9 - - [${new Date(now - 10 * min).toUTCString().slice(5, 25).replace(/ /g, '/').replace(/\/(\d\d:)/, ':$1')} +0000] "GET /api HTTP/1.1" 502 157 "-" "curl/8.0"\n`);
    writeFileSync(
      join(dir, 'app.log'),
      [`${seoulTime(now - 30 * min)} INFO  started`, `${seoulTime(now - 20 * min)} ERROR payment gateway timeout`, `${seoulTime(now - 10 * min)} ERROR payment gateway timeout`, `${seoulTime(now - min)} INFO  tick`, ''].join('\n'),
    );
  });

  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the file off the clock has outsideWindow with its error count, while another file\'s errors are counted', async () => {
    server = await startBuiltServer('logs', { LOG_DIRS: dir, TZ: 'UTC' });
    const result = (await server.client.callTool({ name: 'error_summary', arguments: { hours: 1 } })) as CallToolResult;
    const data = result.structuredContent as Data;
    const access = data.files.find((f: Data) => f.file === 'access.log');
    const app = data.files.find((f: Data) => f.file === 'app.log');
    assert.equal(access.errors, 1, JSON.stringify(data));
    assert.equal(app.errors, 0);
    assert.equal(app.outsideWindow?.errors, 2, JSON.stringify(app));
    assert.match(app.note, /2 error entr\(ies\) between .*: use wholeFile: true/);
  });
});
