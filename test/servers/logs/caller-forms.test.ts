// break35s: an MCP client no one here wrote, over stdio, asking as people and other clients ask. A level in lower case
// (`level: "warn"`, `"error"`) was refused by every tool with a level input: a level is read in any case and in its usual
// synonyms (WARNING, ERR, CRITICAL…), and the schema each tool advertises says so (a client that checks its arguments
// against it, as Ajv does, must let them through too).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { SEARCH_ENGINES } from '../../support/log-engines';
import { compilePattern, MAX_PATTERN_SIZE, PatternCostError, patternSize } from '../../../servers/logs/search/dialect';
import { ERROR_WORDS_PATTERN } from '../../../servers/logs/format/prefilter';
import { TEXT_ERROR_CANDIDATES } from '../../../servers/logs/format/text-errors';

// search_logs with `a{99999}` took 6.3 s on a small log and a minute on one holding a long run of `a` (ripgrep
// compiling the repetition, V8 trying it at every start): what a pattern may cost is bounded before any engine runs.
describe('patternSize: what a regex expands to (break35s)', () => {
  it('counts atoms, multiplies counted repetitions, sums alternatives, weighs property classes', () => {
    assert.equal(patternSize('abc'), 3);
    assert.equal(patternSize('a{99999}'), 99_999);
    assert.equal(patternSize('[0-9a-f]{64}'), 64);
    assert.equal(patternSize('.{0,200}'), 200);
    assert.equal(patternSize('a{5,}'), 6);
    assert.equal(patternSize(String.raw`(\d{1,3}\.){3}\d{1,3}`), 15);
    assert.equal(patternSize('(a{40}){50}'), 2000);
    assert.equal(patternSize('(a|b{3000})'), 3001);
    assert.equal(patternSize(String.raw`\p{L}{100}`), 2000);
    assert.equal(patternSize(String.raw`[\p{L}x]{3}`), 60);
    assert.equal(patternSize(String.raw`x\{99999}`), 8, 'an escaped brace is no count');
    assert.equal(patternSize('a*b+c?'), 3);
  });

  it('compilePattern refuses a regex above the bound with what to do, never a literal, and takes the tools\' own', () => {
    assert.throws(() => compilePattern({ source: 'a{99999}', literal: false, caseSensitive: false }), (error: Error) => error instanceof PatternCostError && /about 99,999 positions.*a\{2000\} matches every line a\{99999\} does/.test(error.message));
    assert.throws(() => compilePattern({ source: String.raw`\p{L}{500}`, literal: false, caseSensitive: true }), PatternCostError);
    assert.ok(compilePattern({ source: 'a{99999}', literal: true, caseSensitive: false }));
    assert.ok(compilePattern({ source: `a{${MAX_PATTERN_SIZE}}`, literal: false, caseSensitive: false }));
    for (const source of [ERROR_WORDS_PATTERN, TEXT_ERROR_CANDIDATES]) assert.ok(patternSize(source) <= MAX_PATTERN_SIZE, source);
  });
});

describe('logs server: how other clients ask (break35s)', function () {
  this.timeout(120_000);
  let dir: string;
  let server: StartedServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caller-forms-'));
    // HAProxy's access lines (levels from their statuses) with a `Server … is DOWN` line, which has none, past the lines
    // sampled from the file's start: error_summary answered "no ERROR or FATAL lines in the whole file(s)".
    const haproxy: string[] = [];
    for (let i = 0; i < 400; i++) {
      const time = `10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      haproxy.push(`Dec  4 ${time} lb1 haproxy[1201]: 10.0.0.5:${50000 + i} [04/Dec/2026:${time}.123] fe_http be/web1 0/0/1/12/13 200 512 - - ---- 3/3/0/0/0 0/0 "GET /i/${i} HTTP/1.1"`);
      if (i === 350) haproxy.push(`Dec  4 ${time} lb1 haproxy[1201]: Server be/web1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left.`);
    }
    mkdirSync(join(dir, 'lb'));
    writeFileSync(join(dir, 'lb', 'haproxy.log'), `${haproxy.join('\n')}\n`);
    // Two-digit-year dates of one month, every part 12 or less: the order undecided, so no time (two-digit-year-order.test.ts).
    writeFileSync(join(dir, 'us.log'), ['03/04/20 03:13:00 PM INFO started', '03/04/20 03:14:00 PM ERROR disk full', '03/04/20 03:20:00 PM INFO ok', ''].join('\n'));
    writeFileSync(join(dir, 'app.log'), ['2026-12-04 10:00:00 INFO started', '2026-12-04 10:00:01 WARN disk slow', '2026-12-04 10:00:02 ERROR disk failed', '2026-12-04 10:00:03 FATAL gave up', ''].join('\n'));
    server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every level input is advertised as taking any case and the usual synonyms, and nothing else', async () => {
    const { tools } = await server.client.listTools();
    const withLevel = tools.filter((tool) => (tool.inputSchema.properties as Record<string, unknown> | undefined)?.level !== undefined);
    assert.deepEqual(withLevel.map((tool) => tool.name).sort(), ['error_summary', 'log_patterns', 'recent_logs', 'search_logs']);
    for (const tool of withLevel) {
      const validate = new Ajv({ strict: true }).compile(tool.inputSchema);
      const errorWords = ['error', 'Error', 'ERR', 'fatal', 'Critical', 'crit'];
      const others = tool.name === 'error_summary' ? [] : ['warn', 'WARNING', 'wArN', 'info', 'Information', 'debug', 'trace', 'verbose', 'notice'];
      for (const level of [...errorWords, ...others]) assert.ok(validate({ level }), `${tool.name} advertises ${level} as refused: ${JSON.stringify(validate.errors)}`);
      for (const level of ['nope', 'warnx', ' error', '3', '']) assert.ok(!validate({ level }), `${tool.name} advertises ${JSON.stringify(level)} as taken`);
      if (tool.name === 'error_summary') assert.ok(!validate({ level: 'warn' }), 'error_summary counts errors only');
    }
  });

  it('every level input lists its level names as an enum a reader sees first, the any-case pattern after it', async () => {
    const { tools } = await server.client.listTools();
    for (const tool of tools) {
      const level = (tool.inputSchema.properties as Record<string, { anyOf?: { enum?: string[]; pattern?: string; description?: string }[] }> | undefined)?.level;
      if (level === undefined) continue;
      const names = tool.name === 'error_summary' ? ['ERROR', 'FATAL'] : ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
      assert.deepEqual(level.anyOf?.[0].enum, names, `${tool.name}: ${JSON.stringify(level)}`);
      assert.ok(level.anyOf?.[1].pattern !== undefined, tool.name);
      assert.match(level.anyOf?.[1].description ?? '', tool.name === 'error_summary' ? /in any case, or a synonym: err, severe, critical/ : /in any case, or a synonym: verbose, dbg, information/);
    }
    const refused = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'x', level: 3 } })) as CallToolResult;
    assert.ok(refused.isError);
    assert.match((refused.content[0] as { text: string }).text, /level 3 is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL in any case/);
  });

  it('a level in lower case or a synonym filters as its name does', async () => {
    for (const level of ['warn', 'Warning', 'WARN']) {
      const out = (await callStructured(server.client, 'search_logs', { file: 'app.log', level })) as unknown as { matches: { level?: string }[] };
      assert.deepEqual(out.matches.map((m) => m.level).sort(), ['ERROR', 'FATAL', 'WARN'], level);
    }
    const recent = (await callStructured(server.client, 'recent_logs', { file: 'app.log', level: 'critical' })) as unknown as { lines: { level?: string }[] };
    assert.deepEqual(recent.lines.map((l) => l.level), ['FATAL']);
    const summary = (await callStructured(server.client, 'error_summary', { file: 'app.log', level: 'fatal', wholeFile: true })) as unknown as { totalErrors: number };
    assert.equal(summary.totalErrors, 1);
    const errors = (await callStructured(server.client, 'error_summary', { file: 'app.log', level: 'err', wholeFile: true })) as unknown as { totalErrors: number };
    assert.equal(errors.totalErrors, 2);
  });

  it('a literal pattern of several lines (pasted from a log) is refused with its first line, not answered "0 matches"', async () => {
    const refused = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'disk failed\n  at Disk.read(Disk.java:1)' } })) as CallToolResult;
    assert.ok(refused.isError);
    assert.match((refused.content[0] as { text: string }).text, /holds a line break, and lines are searched one at a time.*\(the first: "disk failed"\)/);
    const one = (await callStructured(server.client, 'search_logs', { pattern: 'disk failed', file: 'app.log' })) as unknown as { totalMatches: number };
    assert.equal(one.totalMatches, 1);
  });

  it('a pattern that would cost too much is refused at once with what to do (a{99999})', async () => {
    const started = Date.now();
    const refused = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'a{99999}', regex: true } })) as CallToolResult;
    assert.ok(refused.isError);
    assert.match((refused.content[0] as { text: string }).text, /^the pattern's repetitions expand it to about 99,999 positions, more than the 2,000 a search allows/);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    const literal = (await callStructured(server.client, 'search_logs', { pattern: 'a{99999}' })) as unknown as { totalMatches: number };
    assert.equal(literal.totalMatches, 0);
  });

  it('error_summary names the entry lines without a level it read past the sample, and says no "no errors" of them', async () => {
    const out = (await callStructured(server.client, 'error_summary', { file: 'lb/haproxy.log', wholeFile: true })) as unknown as { totalErrors: number; notes: string[]; files: { levelless?: { lines: number; first: number[] } }[] };
    assert.equal(out.totalErrors, 0, 'no level is made up from the words');
    assert.deepEqual(out.files[0].levelless, { lines: 1, first: [352] });
    assert.ok(out.notes.some((note) => /1 entry line\(s\) without a level \(lines 352\) were read and not counted, as their level is unknown/.test(note)), out.notes.join('\n'));
    assert.ok(!out.notes.includes('no ERROR or FATAL lines in the whole file(s)'), out.notes.join('\n'));
    const search = (await callStructured(server.client, 'search_logs', { file: 'lb/haproxy.log', level: 'error' })) as unknown as { totalMatches: number; notes: string[] };
    assert.equal(search.totalMatches, 0);
    assert.ok(search.notes.some((note) => /lb\/haproxy\.log: 1 entry line\(s\) have no level \(lines 352\): the level filter cannot pass them/.test(note)), search.notes.join('\n'));
    const recent = (await callStructured(server.client, 'recent_logs', { file: 'lb/haproxy.log', level: 'error' })) as unknown as { lines: unknown[]; notes: string[] };
    assert.equal(recent.lines.length, 0);
    assert.ok(recent.notes.some((note) => /1 entry line\(s\) without a level were passed over among the lines read/.test(note)), recent.notes.join('\n'));
    const leveled = (await callStructured(server.client, 'error_summary', { file: 'app.log', wholeFile: true })) as unknown as { files: { levelless?: unknown }[] };
    assert.equal(leveled.files[0].levelless, undefined, 'a file whose every entry has a level has none');
  });

  it('error_summary with a window does not call errors without a time outside it, nor the window free of errors', async () => {
    const out = (await callStructured(server.client, 'error_summary', { file: 'us.log' })) as unknown as { totalErrors: number; notesForPeople: string[] };
    assert.equal(out.totalErrors, 0);
    const said = out.notesForPeople.join('\n');
    assert.match(said, /dates such as 03\/04\/20 read as month\/day\/year \(as en-US writes them\), day\/month\/year and year\/month\/day alike/);
    assert.match(said, /no timed errors in the last 24 h; 1 error entr\(ies\) without readable times, which may fall inside the window/);
    assert.match(said, /1 outside the window or without a readable time, which may fall inside it/);
  });

  it('a word that is no level is refused, naming what is taken; error_summary says where warnings are', async () => {
    const refused = (await server.client.callTool({ name: 'search_logs', arguments: { level: 'loud' } })) as CallToolResult;
    assert.ok(refused.isError);
    const text = (refused.content[0] as { text: string }).text;
    assert.match(text, /"loud" is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL in any case/);
    const warn = (await server.client.callTool({ name: 'error_summary', arguments: { level: 'warn' } })) as CallToolResult;
    assert.ok(warn.isError);
    assert.match((warn.content[0] as { text: string }).text, /"warn" is not one of ERROR, FATAL in any case.*search_logs with level WARN/);
  });
});

// A line longer than the 8 MiB the readers keep was searched in its head only, and a match at its end answered
// `matches: 0, complete: true` with no note: a confident "no matches". Each engine now says so.
describe('logs server: a match past the 8 MiB of a line (break35s)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'caller-long-line-'));
    writeFileSync(join(dir, 'huge.log'), `2026-12-04 10:00:00 INFO start\n2026-12-04 10:00:01 ERROR ${'x'.repeat(20 * 1024 * 1024)} needle-at-end\n2026-12-04 10:00:02 INFO after\n`);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  for (const engine of SEARCH_ENGINES) {
    it(`${engine.name}: no match past the cut is said to be a floor, the file not complete`, async function () {
      if (!engine.available()) this.skip();
      const server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off', ...engine.env });
      try {
        for (const args of [{ pattern: 'needle-at-end' }, { pattern: 'needle-at-e.d', regex: true }]) {
          const out = (await callStructured(server.client, 'search_logs', args)) as unknown as { totalMatches: number; notes: string[]; files: { engine: string; complete: boolean }[] };
          assert.equal(out.files[0].engine, engine.name);
          // Found (a reader that holds the line whole), or said to be a floor: never a bare 0.
          if (out.totalMatches === 1) continue;
          assert.equal(out.files[0].complete, false, JSON.stringify(args));
          assert.ok(out.notes.some((note) => /huge\.log: 1 line\(s\) longer than 8 MiB were searched in their first 8 MiB only/.test(note)), out.notes.join('\n'));
        }
        const after = (await callStructured(server.client, 'search_logs', { pattern: 'after' })) as unknown as { totalMatches: number; files: { complete: boolean }[] };
        assert.equal(after.totalMatches, 1);
        if (engine.name === 'ripgrep') assert.equal(after.files[0].complete, true, 'ripgrep matched no long line: nothing was cut from a match');
      } finally {
        await server.close();
      }
    });
  }
});
