// The log_patterns tool over an in-memory MCP connection, with a small file context.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UserFacingError } from '../../../servers/shared/tool-result';
import { parseTimePoint } from '../../../servers/shared/time-window';
import { logPatterns, type LogPatternsContext, type LogPatternsResult, type TemplateSummary } from '../../../servers/logs/patterns/log-patterns';
import { registerLogPatternsTool } from '../../../servers/logs/tools/log-patterns';

function fileContext(dir: string): LogPatternsContext {
  return {
    async resolveFile(name) {
      if (name.includes('..') || name.startsWith('/')) throw new UserFacingError(`refused: ${name}`);
      const path = join(dir, name);
      try {
        readFileSync(path);
      } catch {
        throw new UserFacingError(`no such log file: ${name}`);
      }
      return path;
    },
    async readLines(path, onLine, signal) {
      const lines = readFileSync(path, 'utf8').split('\n');
      if (lines.at(-1) === '') lines.pop();
      for (const line of lines) {
        if (signal?.aborted || onLine(line) === false) return;
      }
    },
    async referenceTime() {
      return new Date(2024, 5, 30).getTime();
    },
  };
}

describe('log intelligence: log_patterns tool', () => {
  let dir: string;
  let client: Client;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'log-patterns-'));
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) {
      const minute = String(i).padStart(2, '0');
      lines.push(`2024-06-01 10:${minute}:00,000 INFO [main] app.Worker: processed batch ${i} in ${100 + i} ms`);
      if (i % 3 === 0) lines.push(`2024-06-01 10:${minute}:30,000 ERROR [io-${i}] app.Db: timeout after ${30 + i}s on db-${i % 4}`);
      if (i % 10 === 0) lines.push(`2024-06-01 10:${minute}:40,000 WARN [main] app.Cache: eviction of ${i * 7} entries`);
    }
    writeFileSync(join(dir, 'app.log'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'blank.log'), 'one 1\n\n   \none 2\n');
    writeFileSync(join(dir, 'many.log'), Array.from({ length: 210_000 }, (_, i) => `tick ${i}`).join('\n'));
    const server = new McpServer({ name: 'test', version: '0.0.0' });
    registerLogPatternsTool(server, fileContext(dir));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: 'test-client', version: '0.0.0' });
    await server.connect(serverSide);
    await client.connect(clientSide);
  });

  after(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (args: Record<string, unknown>) => client.callTool({ name: 'log_patterns', arguments: args });
  const data = async (args: Record<string, unknown>) => (await call(args)).structuredContent as LogPatternsResult;
  const textOf = (result: Awaited<ReturnType<typeof call>>) => (result.content as { type: string; text: string }[])[0].text;

  it('is registered read-only, closed-world and idempotent, with an output schema', async () => {
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === 'log_patterns');
    assert.ok(tool);
    assert.equal(tool.title, 'Log patterns (message templates)');
    // The shared read-only annotations (servers/shared/annotations.ts) also say destructiveHint: false.
    assert.deepEqual(tool.annotations, { readOnlyHint: true, destructiveHint: false, openWorldHint: false, idempotentHint: true });
    assert.ok(tool.outputSchema);
    assert.match(tool.description ?? '', /<\*>/);
  });

  it('returns templates largest first with counts, levels, first/last seen, examples', async () => {
    const result = await call({ file: 'app.log' });
    assert.equal(result.isError, undefined);
    const data = result.structuredContent as LogPatternsResult;
    assert.deepEqual(JSON.parse(textOf(result)), data);
    assert.equal(data.format.id, 'java');
    assert.equal(data.linesRead, 43);
    assert.deepEqual(data.templates.map((t: TemplateSummary) => [t.template, t.count, t.level]), [
      ['processed batch <*> in <*>', 30, 'INFO'],
      ['timeout after <*> on <*>', 10, 'ERROR'],
      ['eviction of <*> entries', 3, 'WARN'],
    ]);
    const timeout = data.templates[1];
    assert.deepEqual(timeout.levels, { ERROR: 10 });
    assert.equal(timeout.firstSeen, new Date(2024, 5, 1, 10, 0, 30).toISOString());
    assert.equal(timeout.lastSeen, new Date(2024, 5, 1, 10, 27, 30).toISOString());
    assert.equal(timeout.examples.length, 3);
    assert.match(timeout.examples[0], /ERROR \[io-0\] app\.Db: timeout after 30s on db-0/);
    assert.equal(timeout.lineNumbers, undefined);
  });

  it('filters by minimum level and time window, and gives 1-based line numbers on request', async () => {
    const warn = await data({ file: 'app.log', level: 'WARN', lineNumbers: true });
    assert.equal(warn.linesMatched, 13);
    assert.deepEqual(warn.templates.map((t: TemplateSummary) => t.count), [10, 3]);
    assert.deepEqual(warn.templates[1].lineNumbers, [3, 17, 31]);
    assert.deepEqual(warn.templates[0].lineNumbers?.slice(0, 3), [2, 7, 11]);
    const since = new Date(2024, 5, 1, 10, 20).toISOString();
    const until = new Date(2024, 5, 1, 10, 25).toISOString();
    const window = await data({ file: 'app.log', since, until });
    assert.equal(window.linesMatched, 8); // batches 20..24, timeouts at 21 and 24, eviction at 20
  });

  it('skips blank lines but keeps counting them', async () => {
    const blank = await data({ file: 'blank.log', lineNumbers: true });
    assert.equal(blank.linesRead, 4);
    assert.deepEqual(blank.templates.map((t: TemplateSummary) => [t.template, t.lineNumbers]), [['one <*>', [1, 4]]]);
  });

  it('limits the templates returned and says so', async () => {
    const limited = await data({ file: 'app.log', limit: 1 });
    assert.equal(limited.templates.length, 1);
    assert.equal(limited.templateCount, 3);
    assert.equal(limited.truncated, true);
  });

  it('answers bad input with isError and an actionable message', async () => {
    const missing = await call({ file: 'nope.log' });
    assert.equal(missing.isError, true);
    assert.match(textOf(missing), /no such log file: nope\.log/);
    const badTime = await call({ file: 'app.log', since: 'yesterday-ish' });
    assert.equal(badTime.isError, true);
    assert.match(textOf(badTime), /since: cannot read "yesterday-ish"/);
    const order = await call({ file: 'app.log', since: '2024-06-02T00:00:00Z', until: '2024-06-01T00:00:00Z' });
    assert.equal(order.isError, true);
    const badLimit = await call({ file: 'app.log', limit: 0 });
    assert.equal(badLimit.isError, true);
    const badLevel = await call({ file: 'app.log', level: 'LOUD' });
    assert.equal(badLevel.isError, true);
  });

  it('reports progress while reading when the client asks', async function () {
    this.timeout(20_000);
    const progress: number[] = [];
    const result = await client.callTool({ name: 'log_patterns', arguments: { file: 'many.log' } }, undefined, { onprogress: (p) => progress.push(p.progress) });
    assert.equal((result.structuredContent as LogPatternsResult).linesRead, 210_000);
    assert.deepEqual(progress, [100_000, 200_000]);
  });

  it('with a level, says when the file\'s levels cannot be read instead of a bare "no lines at this level"', async () => {
    // A Windows tool's UTF-16 output read as UTF-8, as search_logs and recent_logs already warn about it.
    writeFileSync(join(dir, 'utf16.log'), Buffer.from('\uFEFF2026-11-30 10:00:00 ERROR disk failed\n2026-11-30 10:00:01 INFO ok\n', 'utf16le'));
    const unread = await logPatterns(fileContext(dir), { file: 'utf16.log', level: 'ERROR', limit: 10, lineNumbers: false });
    assert.equal(unread.linesMatched, 0);
    assert.match(unread.notes?.join('\n') ?? '', /utf16\.log: its format was not recognised .*finding no errors here does not mean there are none/);
    writeFileSync(join(dir, 'leveled.log'), '2026-11-30 10:00:00 ERROR disk failed\n2026-11-30 10:00:01 INFO ok\n');
    const read = await logPatterns(fileContext(dir), { file: 'leveled.log', level: 'ERROR', limit: 10, lineNumbers: false });
    assert.equal(read.linesMatched, 1);
    assert.equal(read.notes, undefined);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(logPatterns(fileContext(dir), { file: 'many.log', limit: 10, lineNumbers: false }, controller.signal), { name: 'AbortError' });
  });

  it('reads relative ages for since/until', () => {
    const now = Date.UTC(2024, 0, 1, 12);
    assert.equal(parseTimePoint('2h', 'since', now), now - 7_200_000);
    assert.equal(parseTimePoint('30m', 'since', now), now - 1_800_000);
    assert.equal(parseTimePoint('7d', 'since', now), now - 7 * 86_400_000);
    assert.equal(parseTimePoint('2024-01-01T00:00:00Z', 'since', now), Date.UTC(2024, 0, 1));
  });
});
