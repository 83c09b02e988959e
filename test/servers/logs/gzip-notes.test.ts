// Every tool that reads a file names a damaged or padded gzip in its notes, the same way (tools/common noteDamage,
// wording from io/gzip), and reads what zcat would print: the readable part of a .gz cut in half, the whole text of a
// .gz followed by bytes that are not gzip data.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

const LINES = 4000;
// Varied text (ids, times) so that half of the compressed bytes hold a part of the text, not nearly all of it.
const TEXT = Array.from({ length: LINES }, (_, i) => {
  const time = new Date(Date.UTC(2015, 6, 29, 10) + i * 1000).toISOString();
  return `${time} ${i % 4 === 0 ? 'ERROR' : 'INFO'} request ${(i * 2654435761) % 1000003} on worker ${i % 7}: ${i % 4 === 0 ? 'failed' : 'served'}`;
}).join('\n').concat('\n');
const ERRORS = LINES / 4;

interface ToolAnswer {
  notes?: string[];
  [key: string]: unknown;
}

async function call(server: StartedServer, name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
  const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent as ToolAnswer;
}

describe('logs: a damaged or padded .gz is named in the notes of every tool that reads it', function () {
  this.timeout(120_000);
  let dir: string;
  let server: StartedServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gzip-notes-'));
    const whole = gzipSync(TEXT);
    writeFileSync(join(dir, 'cut.log.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(join(dir, 'padded.log.gz'), Buffer.concat([whole, Buffer.from('garbage after the end\n')]));
    server = await startBuiltServer('logs', { LOG_DIRS: dir });
  });

  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const noted = (answer: ToolAnswer, pattern: RegExp) => (answer.notes ?? []).some((n) => pattern.test(n));
  const damaged = /^cut\.log\.gz: damaged gzip: the compressed data ends in the middle of member 1; only the text before it was read$/;
  const padded = /^padded\.log\.gz: gzip: 22 bytes after the last compressed member \(not gzip data\) ignored, as zcat does; the text before them was read whole$/;

  it('search_logs and error_summary: the readable part of a cut file, counted alike, with the damage named', async () => {
    const search = await call(server, 'search_logs', { file: 'cut.log.gz', level: 'ERROR', limit: 1 });
    const total = search.totalMatches as number;
    assert.ok(total > 0 && total < ERRORS, `${total} of ${ERRORS}`);
    assert.ok(noted(search, damaged), JSON.stringify(search.notes));
    // The lines past the cut were not searched: the file is not "complete", whatever the count says (break33).
    assert.deepEqual((search.files as { file: string; complete: boolean }[]).map((f) => [f.file, f.complete]), [['cut.log.gz', false]]);
    const summary = await call(server, 'error_summary', { file: 'cut.log.gz', wholeFile: true });
    assert.equal(summary.totalErrors, total);
    assert.ok(noted(summary, damaged), JSON.stringify(summary.notes));
    assert.deepEqual((summary.files as { textCut?: boolean }[]).map((f) => f.textCut), [true]);
    // The whole, padded file is read to its end: complete, and not cut.
    const whole = await call(server, 'search_logs', { file: 'padded.log.gz', pattern: 'request', limit: 500, since: '2015-07-29T11:06:30Z' });
    assert.deepEqual((whole.files as { complete: boolean }[]).map((f) => f.complete), [true]);
    const wholeSummary = await call(server, 'error_summary', { file: 'padded.log.gz', wholeFile: true });
    assert.deepEqual((wholeSummary.files as { textCut?: boolean }[]).map((f) => f.textCut), [undefined]);
  });

  it('recent_logs: the last readable lines of a cut file, with the damage named (with and without a level)', async () => {
    const plain = await call(server, 'recent_logs', { file: 'cut.log.gz', lines: 3 });
    const lines = plain.lines as { text: string }[];
    assert.equal(lines.length, 3);
    // The last may be cut where the data ends (zcat prints it so too): the start of a line of the file.
    for (const line of lines.slice(0, -1)) assert.ok(TEXT.includes(`${line.text}\n`), line.text);
    assert.ok(TEXT.includes(`\n${lines[2].text}`), lines[2].text);
    assert.ok(noted(plain, damaged), JSON.stringify(plain.notes));
    const errors = await call(server, 'recent_logs', { file: 'cut.log.gz', lines: 2, level: 'ERROR' });
    assert.ok((errors.lines as { text: string }[]).every((l) => l.text.includes(' ERROR ')));
    assert.ok(noted(errors, damaged), JSON.stringify(errors.notes));
  });

  it('log_patterns: the templates of the readable part of a cut file, with the damage named', async () => {
    const patterns = await call(server, 'log_patterns', { file: 'cut.log.gz' });
    const read = patterns.linesRead as number;
    assert.ok(read > 0 && read < LINES, `${read} of ${LINES}`);
    assert.ok(noted(patterns, damaged), JSON.stringify(patterns.notes));
  });

  it('all four tools read the whole text of a .gz followed by other bytes and say those were ignored', async () => {
    const search = await call(server, 'search_logs', { file: 'padded.log.gz', level: 'ERROR', limit: 1 });
    assert.equal(search.totalMatches, ERRORS);
    const summary = await call(server, 'error_summary', { file: 'padded.log.gz', wholeFile: true });
    assert.equal(summary.totalErrors, ERRORS);
    const recent = await call(server, 'recent_logs', { file: 'padded.log.gz', lines: 1 });
    assert.equal((recent.lines as { text: string }[])[0].text, TEXT.trimEnd().split('\n').at(-1));
    const patterns = await call(server, 'log_patterns', { file: 'padded.log.gz' });
    assert.equal(patterns.linesRead, LINES);
    for (const [tool, answer] of Object.entries({ search, summary, recent, patterns })) {
      assert.ok(noted(answer, padded), `${tool}: ${JSON.stringify(answer.notes)}`);
      assert.ok(!noted(answer, /damaged/), `${tool}: ${JSON.stringify(answer.notes)}`);
    }
  });
});
