// A large time-ordered log sought in for a `since` window while it is being written (leftovers28): lines appended
// during the read. The answer must be the full read's of the file as it was when the read began, or say that the file
// grew (every line within its first bytes counted, lines written since perhaps). The lines are appended when the
// server reports that the read's end is fixed, through the built server and a real MCP client (no fixed waits).
// (flaky30: they were appended at the first progress report inside the read, which a warm read of ~200 ms, reporting
// only its start and its total, did not always send: "lines were appended during the call: -1". The report at its
// start came before the scan process fixed the read's end, so appending there had lines read as the file's own.)
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { comparable } from '../../support/sought-answer';

const HOUR = 3_600_000;
const LINES = 240_000;
const SPAN = 10 * HOUR;
/** The window asked for: the last 8 hours; no line lies within GAP of its edge (calls are made seconds apart). */
const WINDOW_HOURS = 8;
const GAP = 5 * 60_000;
type Answer = Record<string, unknown> & { notes: string[] };
type Progress = { progress: number; total?: number; message?: string };
const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('Z', '');

/** A logback-style log of `lines` lines ending at `end` (epoch ms), an error every 97 lines. */
function writeLog(path: string, end: number, lines: number): void {
  const step = SPAN / lines;
  const edge = end - WINDOW_HOURS * HOUR;
  writeFileSync(path, '');
  let chunk: string[] = [];
  for (let i = 0; i < lines; i++) {
    let t = Math.round(end - SPAN + i * step);
    if (Math.abs(t - edge) < GAP) t = t < edge ? edge - GAP : edge + GAP;
    chunk.push(i % 97 === 0 ? `${stamp(t)} ERROR [pool-${i % 4}] com.example.Orders - order ${i} failed: boom (code ${i % 7})` : `${stamp(t)} INFO [pool-${i % 4}] com.example.Orders - order ${i} placed in ${i % 500} ms`);
    if (chunk.length >= 10_000) {
      appendFileSync(path, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) appendFileSync(path, `${chunk.join('\n')}\n`);
}

describe('logs: a file sought in for a window while lines are appended to it', function () {
  this.timeout(600_000);
  let root: string;
  let path: string;
  let server: StartedServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'seek-growing-'));
    path = join(root, 'orders.log');
    writeLog(path, Date.now() - 60_000, LINES);
    // The Node engine reads a sought file; the seek applies from 1 MiB.
    server = await startBuiltServer('logs', { LOG_DIRS: root, TZ: 'UTC', LOG_JOURNAL: 'off', LOG_DOCKER: 'off', RIPGREP_PATH: 'none', LOG_SEEK_MIN_BYTES: String(1024 * 1024) });
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /**
   * The report after which the read's end is fixed: search_logs and error_summary say "reading its N bytes" (N then
   * checked against the file's size); log_patterns reports lines read, only once it reads (after fixing the end).
   */
  const readEndFixed: Record<string, (p: Progress) => boolean> = {
    search_logs: (p) => /^searching orders\.log: reading its [\d,]+ bytes$/.test(p.message ?? ''),
    error_summary: (p) => /^summarising orders\.log: reading its [\d,]+ bytes$/.test(p.message ?? ''),
    log_patterns: (p) => p.progress > 0,
  };
  const statedSize = (p: Progress) => /reading its ([\d,]+) bytes/.exec(p.message ?? '')?.[1].replace(/,/g, '');

  /** `tool` called while, when it reports that the read's end is fixed, `count` error lines of now are appended. */
  async function askWhileAppending(tool: string, args: Record<string, unknown>, count: number): Promise<{ answer: Answer; appendedAt: number }> {
    let appendedAt = -1;
    let stated: string | undefined;
    const appended = Array.from({ length: count }, (_, i) => `${stamp(Date.now())} ERROR [late] com.example.Orders - late order ${i} failed: boom (code 6)`).join('\n') + '\n';
    const result = (await server.client.callTool({ name: tool, arguments: args }, undefined, {
      onprogress: (p) => {
        if (appendedAt >= 0 || !readEndFixed[tool](p)) return;
        appendedAt = statSync(path).size;
        stated = statedSize(p);
        appendFileSync(path, appended);
      },
    })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    if (stated !== undefined) assert.equal(Number(stated), appendedAt, 'the report names the size the file had');
    return { answer: result.structuredContent as Answer, appendedAt };
  }

  /** The note of a file that grew, and the size it names as the read's start. */
  const grewFrom = (notes: string[]) => {
    const note = notes.find((n) => /orders\.log: the file grew while it was read/.test(n));
    return note === undefined ? undefined : Number(/\(([\d,]+) bytes when the read began/.exec(note)?.[1].replace(/,/g, ''));
  };

  /**
   * `tool` called on the file as it is, then again while `count` lines are appended during its read: both answers, and
   * whether the second says the file grew. Asserts what every tool owes: the lines were appended during the call, and
   * the second answer is the first's (the read had ended when they came) or notes the growth from the size the file had.
   */
  async function readWhileGrowing(tool: string, args: Record<string, unknown>, count: number): Promise<{ before: Answer; answer: Answer; grew: boolean }> {
    const size = statSync(path).size;
    const before = await callStructured(server.client, tool, args);
    const { answer, appendedAt } = await askWhileAppending(tool, args, count);
    assert.equal(appendedAt, size, 'lines were appended during the call');
    const from = grewFrom(answer.notes);
    if (from === undefined) assert.deepEqual(comparable(answer), comparable(before));
    else assert.equal(from, size);
    return { before, answer, grew: from !== undefined };
  }

  it('search_logs: the full read of the file as it was, or a note that it grew with every earlier line in the answer', async () => {
    // About 280 matches of the window, and 100 appended: within the limit, so the answer lists every match it read.
    const args = { file: 'orders.log', pattern: 'boom (code 6)', since: `${WINDOW_HOURS}h`, limit: 500, order: 'oldest' };
    const { before, answer, grew } = await readWhileGrowing('search_logs', args, 100);
    assert.ok((before.files as Array<{ readFrom?: unknown }>)[0].readFrom, 'the file is sought in');
    if (!grew) return;
    assert.deepEqual((answer.files as Array<{ readFrom?: unknown }>)[0].readFrom, (before.files as Array<{ readFrom?: unknown }>)[0].readFrom);
    const matches = answer.matches as Array<{ line: number; text: string }>;
    assert.deepEqual(matches.filter((m) => !m.text.includes('late order')), before.matches);
  });

  it('error_summary: the same', async () => {
    const { before, answer, grew } = await readWhileGrowing('error_summary', { file: 'orders.log', hours: WINDOW_HOURS }, 20_000);
    assert.ok((before.totalErrors as number) > 1000);
    if (grew) assert.ok((answer.totalErrors as number) >= (before.totalErrors as number));
  });

  it('log_patterns: the same', async () => {
    const { before, answer, grew } = await readWhileGrowing('log_patterns', { file: 'orders.log', since: `${WINDOW_HOURS}h` }, 20_000);
    if (grew) assert.ok((answer.linesRead as number) >= (before.linesRead as number));
  });

  it('a file that did not grow gets no such note', async () => {
    const answer = await callStructured(server.client, 'search_logs', { file: 'orders.log', pattern: 'boom', since: '1h', limit: 10 });
    assert.equal(grewFrom(answer.notes), undefined);
  });
});
