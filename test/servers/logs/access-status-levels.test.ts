// Access logs write no level (fmt30): a W3C (IIS) file whose `#Fields:` put `sc-status` anywhere but before IIS's three
// default last fields had no level on a 500 line, its format read `unknown`; JSON access records (Traefik writes `info`
// for every request, Caddy `info` for a 404, nginx's JSON log_format no level and a `time_local` time) were errors only
// when their writer said so. The level is derived from the status for all of them (5xx ERROR, 4xx WARN), and neighbours
// with no request (`"status":"ok"`, a job's `"status":500`) keep theirs. Parser and built server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createLineParser } from '../../../servers/logs/format/detect';
import { levelsAreWords } from '../../../servers/logs/format/prefilter';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// An IIS site with a custom field selection: sc-status mid-line, the user agent and bytes after it.
const IIS = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2026-12-02 08:33:37',
  '#Fields: date time c-ip cs-method cs-uri-stem sc-status time-taken cs(User-Agent) sc-bytes',
  '2026-12-02 08:33:37 10.0.0.9 GET /api/orders 200 15 Mozilla/5.0 5120',
  '2026-12-02 08:33:38 10.0.0.9 POST /api/cart 500 120 Mozilla/5.0 310',
  '2026-12-02 08:33:39 10.0.0.9 GET /missing 404 3 Mozilla/5.0 1200',
  '2026-12-02 08:33:40 10.0.0.9 GET /error/help 200 4 Mozilla/5.0 1200',
  '2026-12-02 08:33:41 10.0.0.9 GET /api/pay 503 30001 Mozilla/5.0 0',
  '',
].join('\r\n');

const levels = (lines: string[]) => {
  const parser = createLineParser(lines, { referenceTime: Date.UTC(2026, 11, 3) });
  return { format: parser.format, levels: lines.map((line) => parser.parse(line, 0).level), times: lines.map((line) => parser.parse(line, 0).timestamp) };
};

describe('logs: an access log\'s level is derived from its HTTP status', function () {
  this.timeout(120_000);

  it('W3C: the sc-status column by its name, wherever #Fields: puts it; the format is named w3c', () => {
    const read = levels(IIS.split('\r\n').filter(Boolean));
    assert.equal(read.format.id, 'w3c');
    assert.match(read.format.description, /sc-status/);
    assert.deepEqual(read.levels.slice(4), ['INFO', 'ERROR', 'WARN', 'INFO', 'ERROR']);
  });

  it('W3C without a status column keeps no level, and says so', () => {
    const read = levels(['#Version: 1.0', '#Fields: date time c-ip cs-uri-stem', '2026-12-02 08:33:37 10.0.0.9 /api/orders']);
    assert.equal(read.format.id, 'w3c');
    assert.match(read.format.description, /no sc-status column/);
  });

  it('JSON access records: Traefik, Caddy, nginx, Envoy, pino-http', () => {
    const traefik = ['{"ClientHost":"10.0.0.9","DownstreamStatus":200,"RequestMethod":"GET","RequestPath":"/","level":"info","msg":"","time":"2026-12-02T08:33:37Z"}', '{"ClientHost":"10.0.0.9","DownstreamStatus":502,"RequestMethod":"GET","RequestPath":"/x","level":"info","msg":"","time":"2026-12-02T08:33:38Z"}'];
    assert.deepEqual(levels(traefik).levels, ['INFO', 'ERROR']);
    const caddy = ['{"level":"info","ts":1764664417.5,"logger":"http.log.access","msg":"handled request","request":{"method":"GET","uri":"/"},"status":200}', '{"level":"info","ts":1764664418.5,"logger":"http.log.access","msg":"handled request","request":{"method":"GET","uri":"/x"},"status":404}', '{"level":"error","ts":1764664419.5,"logger":"http.log.access","msg":"handled request","request":{"method":"GET","uri":"/y"},"status":502}'];
    assert.deepEqual(levels(caddy).levels, ['INFO', 'WARN', 'ERROR']);
    const nginx = ['{"time_local":"02/Dec/2026:08:33:37 +0000","remote_addr":"10.0.0.9","request":"GET / HTTP/1.1","status":"200"}', '{"time_local":"02/Dec/2026:08:33:38 +0000","remote_addr":"10.0.0.9","request":"GET /x HTTP/1.1","status":"500"}'];
    const read = levels(nginx);
    assert.deepEqual(read.levels, ['INFO', 'ERROR']);
    assert.equal(read.times[1], Date.UTC(2026, 11, 2, 8, 33, 38));
    const envoy = ['{"start_time":"2026-12-02T08:33:37.000Z","method":"GET","path":"/","response_code":503,"protocol":"HTTP/1.1"}'];
    assert.deepEqual(levels(envoy).levels, ['ERROR']);
    const pino = ['{"level":30,"time":1764664417000,"req":{"method":"GET","url":"/"},"res":{"statusCode":500},"msg":"request completed"}'];
    assert.deepEqual(levels(pino).levels, ['ERROR']);
  });

  it('neighbours with no request keep their written level', () => {
    const app = ['{"level":"info","time":"2026-12-02T08:33:37Z","msg":"job done","status":500}', '{"level":"info","time":"2026-12-02T08:33:38Z","msg":"health","status":"ok","request":"r-1"}', '{"level":"warn","time":"2026-12-02T08:33:39Z","msg":"slow","request":"GET /","status":200}'];
    assert.deepEqual(levels(app).levels, ['INFO', 'INFO', 'WARN']);
    // A request key that names no HTTP request (a job's request object, a request id): its status is no HTTP status.
    const jobs = ['{"level":"info","time":"2026-12-02T08:33:37Z","msg":"job finished","request":{"id":"r2"},"status":500}', '{"level":"info","time":"2026-12-02T08:33:38Z","msg":"job finished","req":"7f3a","status":503}', '{"level":"info","time":"2026-12-02T08:33:39Z","msg":"done","uri":"urn:job:9","status":500}'];
    assert.deepEqual(levels(jobs).levels, ['INFO', 'INFO', 'INFO']);
  });

  it('a sample of JSON access records that all spell their level is no word-level file (the error-word prefilter would skip a 500 at info)', () => {
    const lines = ['{"level":"info","msg":"handled request","request":{"method":"GET"},"status":200}', '{"level":"info","msg":"handled request","request":{"method":"GET"},"status":201}'];
    const parser = createLineParser(lines);
    assert.equal(levelsAreWords(lines, parser), false);
    const app = ['{"level":"info","msg":"started"}', '{"level":"error","msg":"disk error"}'];
    assert.equal(levelsAreWords(app, createLineParser(app)), true);
  });

  describe('through the built server', () => {
    let dir: string;
    let server: StartedServer | undefined;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'access-status-'));
      writeFileSync(join(dir, 'u_ex261202.log'), IIS);
      // A Traefik access log whose first records are all 2xx: the 5xx further down is found all the same.
      const ok = Array.from({ length: 2000 }, (_, i) => `{"DownstreamStatus":200,"RequestMethod":"GET","RequestPath":"/r${i}","level":"info","msg":"","time":"2026-12-02T08:${String(i % 60).padStart(2, '0')}:00Z"}`);
      writeFileSync(join(dir, 'access.json'), [...ok, '{"DownstreamStatus":504,"RequestMethod":"GET","RequestPath":"/slow","level":"info","msg":"","time":"2026-12-02T09:30:00Z"}', ''].join('\n'));
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', TZ: 'UTC' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('error_summary counts the IIS 5xx answers, and logs://files names the format', async () => {
      const result = (await server!.client.callTool({ name: 'error_summary', arguments: { file: 'u_ex261202.log', wholeFile: true } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.equal((result.structuredContent as Data).totalErrors, 2, JSON.stringify(result.structuredContent));
      const read = await server!.client.readResource({ uri: 'logs://files' });
      const body = JSON.parse(String((read.contents[0] as { text: string }).text)) as Data;
      assert.equal(body.files.find((f: Data) => f.name === 'u_ex261202.log')?.format, 'w3c');
    });

    it('error_summary finds the Traefik 504 past a sample of 2xx', async () => {
      const result = (await server!.client.callTool({ name: 'error_summary', arguments: { file: 'access.json', wholeFile: true } })) as CallToolResult;
      assert.equal((result.structuredContent as Data).totalErrors, 1, JSON.stringify(result.structuredContent));
    });

    it('the tool says the level is derived from the status', async () => {
      const { tools } = await server!.client.listTools();
      assert.match(tools.find((t) => t.name === 'error_summary')?.description ?? '', /derived from the HTTP status \(5xx an error, 4xx a warning\)/);
    });
  });
});
