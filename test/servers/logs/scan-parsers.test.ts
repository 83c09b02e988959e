// A warm scan process remembers the formats it learned (scan/parsers.ts): the answer must not depend on whether the
// process was warm, so a file whose head or time changed is learned again, and the same head gives the same parser.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ParserCache } from '../../../servers/logs/scan/parsers';
import { describeWithEachEngine } from '../../support/log-engines';

const PLAIN = '2026-11-20T10:00:00Z ERROR [api] boom one\n2026-11-20T10:00:01Z INFO  [api] fine\n';
const JSON_LINES = '{"time":"2026-11-20T11:00:00Z","level":"warn","msg":"boom two"}\n{"time":"2026-11-20T11:00:01Z","level":"info","msg":"fine"}\n';

describe('logs scan process: parser cache', () => {
  const head = (text: string, complete = true) => ({ data: Buffer.from(text), complete });

  it('gives the parser learned before for the same head, whether complete and reference time', () => {
    const cache = new ParserCache();
    const first = cache.parserFor(head(PLAIN), 1000);
    assert.equal(cache.parserFor(head(PLAIN), 1000), first);
    assert.equal(first.parse('2026-11-20T10:00:02Z WARN  [api] slow').level, 'WARN');
  });

  it('learns again when the bytes, completeness or reference time differ', () => {
    const cache = new ParserCache();
    const plain = cache.parserFor(head(PLAIN), 1000);
    const json = cache.parserFor(head(JSON_LINES), 1000);
    assert.notEqual(json, plain);
    assert.equal(json.format.id, 'json');
    assert.notEqual(cache.parserFor(head(PLAIN, false), 1000), plain, 'a cut head is another input');
    // Year-less dates take their year from the reference time: a file written later is another input.
    assert.notEqual(cache.parserFor(head(PLAIN), 2000), plain);
  });

  it('keeps the most recently used parsers when it drops some', () => {
    const cache = new ParserCache();
    const kept = cache.parserFor(head(PLAIN), 0);
    for (let i = 1; i <= 20; i++) {
      cache.parserFor(head(PLAIN), i);
      assert.equal(cache.parserFor(head(PLAIN), 0), kept, `still known after ${i} others`);
    }
  });
});

let dir: string;
describe('logs scan process: a file rewritten between two searches', function () {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scan-parsers-'));
    writeFileSync(join(dir, 'swap.log'), PLAIN);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (engine, server) => {
    const search = async () => {
      const result = (await server().client.callTool({ name: 'search_logs', arguments: { pattern: 'boom', file: 'swap.log' } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as { matches: { text: string; level?: string }[]; files: { engine: string; format?: string }[] };
    };

    it('reads it in its new format (the warm scan process learns it again)', async function () {
      const written = new Date('2026-11-20T12:00:00Z');
      writeFileSync(join(dir, 'swap.log'), PLAIN);
      utimesSync(join(dir, 'swap.log'), written, written);
      const before = await search();
      assert.equal(before.files[0].engine, engine.name);
      assert.deepEqual(before.matches.map((m) => [m.text, m.level]), [['2026-11-20T10:00:00Z ERROR [api] boom one', 'ERROR']]);
      writeFileSync(join(dir, 'swap.log'), JSON_LINES);
      // Same modification time as before: only the bytes tell the scan process that the file is another one.
      utimesSync(join(dir, 'swap.log'), written, written);
      const after = await search();
      assert.equal(after.files[0].format, 'json');
      assert.deepEqual(after.matches.map((m) => m.level), ['WARN']);
    });
  });
});
