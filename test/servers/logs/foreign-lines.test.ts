// A line without a time that another writer put between a file's records (format/foreign-lines.ts): HAProxy's
// `Server be/web1 is DOWN, reason: Layer4 timeout` under a timed INFO line was that INFO entry's continuation, and
// error_summary said "no ERROR or FATAL lines" without a word on it. Continuation is now the file's evidence: shaped
// lines (indented, frames, an exception's) and plain lines in runs or under an announcing entry still continue.
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsHeader } from '../../../servers/logs/format/continuation';
import { learnForeignLines } from '../../../servers/logs/format/foreign-lines';
import { parserFor } from '../../../servers/logs/format/parser';
import type { ParsedLine } from '../../../servers/logs/format/types';
import { describeWithEachEngine, wholeFileSummary } from '../../support/log-engines';

const parserOf = (lines: string[]) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now());
const at = (second: number) => `2026-12-04T10:00:${String(second).padStart(2, '0')}.100Z`;

const STRAY = [
  `${at(0)} INFO proxy started, 2 backends`,
  `${at(1)} INFO health check passed for be/web1`,
  `${at(2)} INFO health check passed for be/web2`,
  'Server be/web1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 1 active and 0 backup servers left.',
  `${at(3)} INFO request served in 12 ms`,
  `${at(4)} INFO request served in 14 ms`,
];

/** A Java service's trace under its ERROR line: shaped lines continue, and the stray still opens its own entry. */
const TRACE_AND_STRAY = [
  `${at(0)} INFO started in 2.1 s`,
  `${at(1)} ERROR request failed`,
  'java.io.IOException: broken pipe',
  '\tat com.acme.Io.write(Io.java:42)',
  `${at(2)} INFO request served in 12 ms`,
  'backend be has no server available!',
  `${at(3)} INFO request served in 14 ms`,
  `${at(4)} INFO request served in 9 ms`,
];

/** A start-up banner of plain lines above the first record continues nothing: it is no evidence of plain continuations. */
const BANNER_AND_STRAY = ['  ____  _                 ', ' / ___|| |__   ___  _ __  ', 'Shop v1.2.0 (build 42)', ...STRAY];

/** Plain text of several lines under a record: the file's continuations are plain, so nothing is a stray. */
const PLAIN_RUNS = [
  `${at(0)} INFO loaded rules`,
  'allow 10.0.0.0/8',
  'deny all',
  `${at(1)} INFO request served in 12 ms`,
  `${at(2)} INFO request served in 14 ms`,
  `${at(3)} INFO request served in 9 ms`,
];

/** One plain line under an entry that announces it (`Response body:`): a continuation. */
const ANNOUNCED = [
  `${at(0)} INFO request served in 12 ms`,
  `${at(1)} WARN upstream said:`,
  'quota exceeded for key 42',
  `${at(2)} INFO request served in 14 ms`,
  `${at(3)} INFO request served in 9 ms`,
];

const readings = (lines: string[]): ParsedLine[] => {
  const parser = parserOf(lines);
  return lines.map((line) => parser.parse(line));
};
const opensEntry = (lines: string[]) => {
  const parser = parserOf(lines);
  return lines.map((line) => !needsHeader(parser, parser.parse(line)));
};

describe('logs: a line without a time between records is another writer\'s where the file shows it (foreign-lines)', () => {
  it('opens an entry of its own, without a level, alone between timed records', () => {
    assert.deepEqual(opensEntry(STRAY), [true, true, true, true, true, true]);
    assert.equal(readings(STRAY)[3].level, undefined);
  });

  it('passes over a banner above the first record', () => {
    assert.equal(opensEntry(BANNER_AND_STRAY)[BANNER_AND_STRAY.indexOf(STRAY[3])], true);
  });

  it('keeps shaped continuation lines under their entry beside a stray', () => {
    assert.deepEqual(opensEntry(TRACE_AND_STRAY), [true, true, false, false, true, true, true, true]);
  });

  it('keeps plain lines in runs, and one an entry announces, as continuations', () => {
    assert.deepEqual(opensEntry(PLAIN_RUNS), [true, false, false, true, true, true]);
    assert.deepEqual(opensEntry(ANNOUNCED), [true, true, false, true, true]);
  });

  it('learns nothing from a sample of too few records, nor from one mostly of strays', () => {
    assert.equal(learnForeignLines(STRAY.slice(2, 5), readings(STRAY.slice(2, 5))), false);
    const strays = [`${at(0)} INFO a`, 'b one', `${at(1)} INFO c`, 'd two', `${at(2)} INFO e`, 'f three', `${at(3)} INFO g`];
    assert.equal(learnForeignLines(strays, readings(strays)), false);
  });
});

describe('logs: error_summary names a stray line rather than "no errors" under INFO', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'foreign-lines-'));
    writeFileSync(join(dir, 'haproxy.log'), STRAY.join('\n') + '\n');
    // Plain lines in a run under an announcing entry: the stray below reads as a continuation, and the summary says so.
    const runs = ['2026-12-04T10:00:00.100Z INFO loaded rules:', 'allow 10.0.0.0/8', 'deny all'];
    for (let i = 1; i < 30; i++) runs.push(`${at(i)} INFO request ${i} served in ${i % 7} ms`, ...(i === 20 ? [STRAY[3]] : []));
    writeFileSync(join(dir, 'rules.log'), runs.join('\n') + '\n');
    // The same, its entries of the last minutes, with a stray line that says an error word: an hours window reads them too.
    const recent = (second: number) => new Date(Date.now() - 600_000 + second * 1000).toISOString();
    const fresh = [`${recent(0)} INFO loaded rules:`, 'allow 10.0.0.0/8', 'deny all'];
    for (let i = 1; i < 30; i++) fresh.push(`${recent(i)} INFO request ${i} served in ${i % 7} ms`, ...(i === 5 ? ['Backend be/web1 failed: Layer4 timeout'] : []));
    writeFileSync(join(dir, 'fresh.log'), fresh.join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('says the file has a line without a level rather than a bare "no ERROR or FATAL lines"', async () => {
      const summary = await wholeFileSummary(server(), 'haproxy.log');
      assert.equal(summary.totalErrors, 0);
      assert.equal(summary.files[0].linesWithoutLevel, 1, JSON.stringify(summary.files));
      assert.ok(summary.notes.some((note: string) => /no ERROR or FATAL lines.*no readable level/.test(note)), JSON.stringify(summary.notes));
    });

    it('says where a file writes plain lines under its entries that a line another program wrote there is not counted', async () => {
      const summary = await wholeFileSummary(server(), 'rules.log');
      assert.equal(summary.totalErrors, 0);
      assert.ok(summary.notes.some((note: string) => /^rules\.log: 3 line\(s\) near its start without a time or a continuation's shape \(the first: "allow 10\.0\.0\.0\/8"\) were read as the text of the entry above them/.test(note)), JSON.stringify(summary.notes));
      const result = (await server().client.callTool({ name: 'error_summary', arguments: { file: 'fresh.log', hours: 1 } })) as CallToolResult;
      const windowed = result.structuredContent as { totalErrors: number; notes: string[] };
      assert.equal(windowed.totalErrors, 0);
      assert.ok(
        windowed.notes.some((note) => /^fresh\.log: 3 line\(s\) near its start .*entry above them.*further on.*; 1 of them say an error word and were not counted as errors: line 9 "Backend be\/web1 failed: Layer4 timeout"/.test(note)),
        JSON.stringify(windowed.notes),
      );
      const haproxy = await wholeFileSummary(server(), 'haproxy.log');
      assert.ok(!haproxy.notes.some((note: string) => /read as the text of the entry above/.test(note)), JSON.stringify(haproxy.notes));
    });
  });
});
