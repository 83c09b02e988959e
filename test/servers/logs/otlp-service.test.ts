// leftovers26: an OpenTelemetry collector's file export holds the records of many services (each resource names its
// service.name), read one to a line with the service as the line's source (io/record-batches.ts). A question about one
// service ("errors of billing") had no way to be asked: the whole file was searched and summarised, every service's
// errors mixed. search_logs, error_summary and recent_logs take `service`; both engines give the same answer, and
// logs://files lists a file's services, counted over the whole file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { SEARCH_ENGINES } from '../../support/log-engines';

const NOW_S = Math.floor(Date.now() / 1000);

/** One export request (one line of the file exporter): `service`'s records, each [seconds ago, severity, body]. */
function exportLine(service: string | undefined, records: Array<[number, string, string]>): string {
  return JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: service === undefined ? [] : [{ key: 'service.name', value: { stringValue: service } }] },
        scopeLogs: [{ scope: { name: 'app' }, logRecords: records.map(([ago, severity, body]) => ({ timeUnixNano: `${NOW_S - ago}000000000`, severityText: severity, body: { stringValue: body } })) }],
      },
    ],
  });
}

describe('logs: the records of one OTLP service (service argument)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-otlp-service-'));
    writeFileSync(
      join(dir, 'otel-export.json'),
      [
        exportLine('billing', [[600, 'ERROR', 'payment declined for order 1'], [590, 'INFO', 'invoice sent']]),
        exportLine('checkout', [[580, 'ERROR', 'cart service unavailable'], [570, 'INFO', 'order placed']]),
        exportLine('billing', [[560, 'ERROR', 'payment declined for order 2']]),
        exportLine(undefined, [[550, 'ERROR', 'payment of nobody failed']]),
        '',
      ].join('\n'),
    );
    // A plain log whose text names the service: not one of its records.
    writeFileSync(join(dir, 'app.log'), `${new Date((NOW_S - 500) * 1000).toISOString()} ERROR billing payment declined upstream\n`);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  for (const engine of SEARCH_ENGINES) {
    describe(`with ${engine.name}`, () => {
      let server: StartedServer;
      before(async function () {
        if (!engine.available()) this.skip();
        server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', ...engine.env });
      });
      after(async () => server?.close());

      async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult & { structuredContent: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
        return (await server.client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 })) as CallToolResult & { structuredContent: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      }

      it('search_logs finds only that service\'s records, and says which files it did not read', async () => {
        const result = await call('search_logs', { pattern: 'payment', service: 'billing', order: 'oldest' });
        assert.ok(!result.isError, JSON.stringify(result.content));
        const texts = result.structuredContent.matches.map((m: { text: string }) => m.text);
        assert.equal(texts.length, 2, texts.join('\n'));
        assert.ok(texts.every((t: string) => /payment declined for order [12]/.test(t) && t.includes('"source":"billing"')), texts.join('\n'));
        assert.ok(result.structuredContent.notes.some((n: string) => /service billing: 1 log file\(s\) that are not files of record batches/.test(n)), JSON.stringify(result.structuredContent.notes));
        // Every record of it, by level, with the file named.
        const errors = await call('search_logs', { service: 'checkout', level: 'ERROR', file: 'otel-export.json' });
        assert.deepEqual(errors.structuredContent.matches.map((m: { text: string }) => JSON.parse(m.text).message), ['cart service unavailable']);
        const none = await call('search_logs', { service: 'inventory' });
        assert.equal(none.structuredContent.totalMatches, 0);
      });

      it('error_summary counts only that service\'s errors', async () => {
        const result = await call('error_summary', { service: 'billing' });
        assert.ok(!result.isError, JSON.stringify(result.content));
        assert.equal(result.structuredContent.totalErrors, 2, JSON.stringify(result.structuredContent));
        assert.deepEqual(result.structuredContent.files.map((f: { file: string }) => f.file), ['otel-export.json']);
        assert.ok(result.structuredContent.groups.every((g: { template: string }) => /payment declined/.test(g.template)), JSON.stringify(result.structuredContent.groups));
        const all = await call('error_summary', {});
        assert.equal(all.structuredContent.totalErrors, 5, 'without service: every record and the plain log');
      });

      it('recent_logs gives that service\'s last records', async () => {
        const last = await call('recent_logs', { service: 'billing', lines: 1 });
        assert.ok(!last.isError, JSON.stringify(last.content));
        assert.equal(last.structuredContent.file, 'otel-export.json');
        assert.deepEqual(last.structuredContent.lines.map((l: { text: string }) => JSON.parse(l.text).message), ['payment declined for order 2']);
        assert.equal(last.structuredContent.truncated, true, 'billing has earlier records');
        const errors = await call('recent_logs', { service: 'checkout', level: 'ERROR' });
        assert.deepEqual(errors.structuredContent.lines.map((l: { text: string }) => JSON.parse(l.text).message), ['cart service unavailable']);
        assert.equal(errors.structuredContent.truncated, false);
        const none = await call('recent_logs', { service: 'inventory' });
        assert.deepEqual(none.structuredContent.lines, []);
        assert.ok(none.structuredContent.notes.some((n: string) => /no record of service inventory/.test(n)), JSON.stringify(none.structuredContent.notes));
      });

      it('logs://files lists a file\'s services, counted over the whole file', async () => {
        const [content] = (await server.client.readResource({ uri: 'logs://files' })).contents;
        const files = JSON.parse('text' in content ? content.text : '{}').files as Array<{ name: string; services?: unknown; recordsWithoutService?: number }>;
        const otel = files.find((f) => f.name === 'otel-export.json')!;
        assert.deepEqual(otel.services, [{ service: 'billing', records: 3 }, { service: 'checkout', records: 2 }]);
        assert.equal(otel.recordsWithoutService, 1);
        assert.equal(files.find((f) => f.name === 'app.log')!.services, undefined);
      });

      // leftovers27: log_patterns had no service argument, so the templates of one service were mixed with every other's.
      it("log_patterns mines only that service's records, numbered as search_logs numbers them", async () => {
        const result = await call('log_patterns', { file: 'otel-export.json', service: 'billing', lineNumbers: true });
        assert.ok(!result.isError, JSON.stringify(result.content));
        const data = result.structuredContent;
        assert.equal(data.linesMatched, 3, JSON.stringify(data));
        assert.ok(data.templates.every((t: { examples: string[] }) => t.examples.every((e) => e.includes('"source":"billing"'))), JSON.stringify(data.templates));
        const declined = data.templates.find((t: { template: string }) => /payment declined/.test(t.template));
        assert.equal(declined.count, 2);
        const found = await call('search_logs', { pattern: 'payment declined', service: 'billing', file: 'otel-export.json', order: 'oldest' });
        assert.deepEqual(declined.lineNumbers, found.structuredContent.matches.map((m: { line: number }) => m.line), 'the file\'s record positions');
        // Without file: the one file of record batches; a service with no records says so.
        const alone = await call('log_patterns', { service: 'checkout' });
        assert.ok(!alone.isError, JSON.stringify(alone.content));
        assert.equal(alone.structuredContent.file, 'otel-export.json');
        assert.equal(alone.structuredContent.linesMatched, 2);
        const none = await call('log_patterns', { service: 'inventory' });
        assert.deepEqual(none.structuredContent.templates, []);
        assert.ok(none.structuredContent.notes.some((n: string) => /no record of service inventory in otel-export\.json/.test(n)), JSON.stringify(none.structuredContent.notes));
        const plain = await call('log_patterns', { file: 'app.log', service: 'billing' });
        assert.equal(plain.isError, true);
        assert.match(JSON.stringify(plain.content), /app\.log is not a file of record batches/);
      });

      it('refuses what cannot hold a service: a plain file named, a journal unit filter', async () => {
        const plain = await call('search_logs', { file: 'app.log', service: 'billing' });
        assert.equal(plain.isError, true);
        assert.match(JSON.stringify(plain.content), /app\.log is not a file of record batches/);
        const unit = await call('error_summary', { unit: 'nginx', service: 'billing' });
        assert.equal(unit.isError, true);
        assert.match(JSON.stringify(unit.content), /service .* and unit nginx .* choose different things/);
      });
    });
  }
});
