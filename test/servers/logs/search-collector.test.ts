// The match collector both search engines share: one time rule (since inclusive, until exclusive), the level filter,
// the entry-header look-back, ordering and after-context; and the Node engine at the window's edges.
import assert from 'node:assert/strict';
import { parserFor } from '../../../servers/logs/format/parser';
import { HEADER_LOOKBACK_LINES, headerAbove, MatchCollector } from '../../../servers/logs/search/collector';
import { FileScanner } from '../../../servers/logs/search/node-engine';
import type { ScanRequest } from '../../../servers/logs/search/types';
import { LINES_IN_WINDOW, WINDOW, WINDOW_LOG } from '../../support/window-log';

const base: ScanRequest = { before: 0, after: 0, limit: 10, order: 'oldest', maxLineChars: 500 };
const line = (n: number) => ({ line: n, text: `line ${n}`, message: `line ${n}` });

describe('logs search: match collector', () => {
  it('admits since inclusive and until exclusive, and counts lines without a time', () => {
    const collector = new MatchCollector({ ...base, ...WINDOW });
    assert.equal(collector.admits({ timestamp: WINDOW.since }), true, 'exactly at since: in');
    assert.equal(collector.admits({ timestamp: WINDOW.since - 1 }), false);
    assert.equal(collector.admits({ timestamp: WINDOW.until - 1 }), true);
    assert.equal(collector.admits({ timestamp: WINDOW.until }), false, 'exactly at until: out');
    assert.equal(collector.untimed, 0);
    assert.equal(collector.admits({ level: 'ERROR' }), false);
    assert.equal(collector.untimed, 1);
    assert.equal(new MatchCollector({ ...base, until: WINDOW.until }).admits({ timestamp: WINDOW.until }), false, 'until alone');
    assert.equal(new MatchCollector({ ...base, since: WINDOW.since }).admits({ timestamp: WINDOW.since }), true, 'since alone');
  });

  it('filters by level before time', () => {
    const collector = new MatchCollector({ ...base, minLevel: 'WARN', since: 0 });
    assert.equal(collector.admits({ level: 'INFO' }), false);
    assert.equal(collector.untimed, 0, 'a line below the level is not counted as untimed');
    assert.equal(collector.admits({ level: 'ERROR', timestamp: 5 }), true);
    assert.equal(collector.filtering, true);
    assert.equal(new MatchCollector(base).filtering, false);
  });

  it('keeps the oldest `limit` then says done, or the newest `limit` newest first, counting every line', () => {
    const oldest = new MatchCollector({ ...base, limit: 2 });
    for (let n = 1; n <= 3; n++) oldest.accept(line(n), () => [], undefined);
    assert.equal(oldest.done, true);
    assert.equal(oldest.total, 3);
    assert.deepEqual(oldest.chosen().map((k) => k.match.line), [1, 2]);
    const newest = new MatchCollector<number>({ ...base, limit: 2, order: 'newest' });
    for (let n = 1; n <= 7; n++) newest.accept(line(n), () => [], n * 10);
    assert.equal(newest.done, false);
    assert.equal(newest.total, 7);
    assert.deepEqual(newest.chosen().map((k) => [k.match.line, k.note]), [[7, 70], [6, 60]]);
  });

  it('sends accepted lines to the sink instead of keeping them', () => {
    const seen: number[] = [];
    const collector = new MatchCollector({ ...base, limit: 1 }, { sink: (l) => seen.push(l.line) });
    for (let n = 1; n <= 3; n++) collector.accept(line(n), () => [], undefined);
    assert.deepEqual(seen, [1, 2, 3]);
    assert.equal(collector.done, false);
    assert.deepEqual(collector.chosen(), []);
  });

  it('owes after-context to kept matches until enough lines came, and takes before-context only when kept', () => {
    const collector = new MatchCollector({ ...base, before: 1, after: 2 });
    let asked = 0;
    collector.accept(line(1), () => (asked++, ['zero']), undefined);
    collector.giveAfter('two');
    collector.accept(line(3), () => (asked++, ['two']), undefined);
    assert.equal(collector.owesAfter, true);
    collector.giveAfter('four');
    collector.giveAfter('five');
    assert.equal(collector.owesAfter, false);
    assert.equal(asked, 2);
    assert.deepEqual(
      collector.chosen().map((k) => k.match),
      [
        { line: 1, text: 'line 1', before: ['zero'], after: ['two', 'four'] },
        { line: 3, text: 'line 3', before: ['two'], after: ['four', 'five'] },
      ],
    );
  });

  it('cleans returned text but keeps the raw line for later parsing', () => {
    const collector = new MatchCollector(base);
    collector.accept({ line: 1, text: '\u001b[31mERROR\u001b[0m boom', message: 'boom' }, () => [], undefined);
    const [kept] = collector.chosen();
    assert.equal(kept.match.text, 'ERROR boom');
    assert.equal(kept.raw, '\u001b[31mERROR\u001b[0m boom');
  });

  it(`looks back ${HEADER_LOOKBACK_LINES} lines for a continuation line's header, no further`, () => {
    const parser = parserFor(Buffer.from(WINDOW_LOG), true, 0);
    const above = (headerAt: number) => (n: number) => (n === headerAt ? '2026-01-01T00:00:00.000Z [ERROR] head' : n > 100 ? undefined : '\tat frame');
    assert.deepEqual(headerAbove(parser, above(HEADER_LOOKBACK_LINES - 1)), { timestamp: Date.UTC(2026, 0, 1), level: 'ERROR' });
    assert.equal(headerAbove(parser, above(HEADER_LOOKBACK_LINES)), undefined);
  });
});

describe('logs search: Node engine at the time window edges', () => {
  const parser = parserFor(Buffer.from(WINDOW_LOG), true, 0);
  const scan = (request: ScanRequest) => {
    const scanner = new FileScanner(request, parser);
    scanner.push(Buffer.from(WINDOW_LOG));
    return scanner.result();
  };
  const pattern = { source: 'tick', literal: true, caseSensitive: true };

  it('includes an entry exactly at since and excludes one exactly at until (with their continuation lines)', () => {
    for (const order of ['oldest', 'newest'] as const) {
      const result = scan({ ...base, order, pattern, ...WINDOW });
      const expected = order === 'oldest' ? LINES_IN_WINDOW : [...LINES_IN_WINDOW].reverse();
      assert.deepEqual(result.matches.map((m) => m.line), expected, order);
      assert.equal(result.totalMatches, LINES_IN_WINDOW.length);
      assert.equal(result.untimed, 0);
    }
  });

  it('applies until alone as exclusive and since alone as inclusive', () => {
    assert.deepEqual(scan({ ...base, pattern, until: WINDOW.until }).matches.map((m) => m.line), [1, ...LINES_IN_WINDOW]);
    assert.deepEqual(scan({ ...base, pattern, since: WINDOW.since }).matches.map((m) => m.line), [2, 3, 4, 5, 6, 7]);
  });

  it('gives a match owed after-context to its block\'s end each later line once, when a later match in the block is owed the same lines', () => {
    // Line 1's context runs past the first block; line 2, a match too, is owed lines 3.. from the same block, which
    // were handed out already (the full read gave line 3 twice and never line 4 to line 1: a seek-time property found it).
    const text = (n: number, level: string) => `2026-01-01T00:00:0${n}.000Z [${level}] step ${n}`;
    const first = [text(1, 'ERROR'), text(2, 'ERROR'), text(3, 'INFO')].join('\n') + '\n';
    const second = [text(4, 'INFO'), text(5, 'INFO'), text(6, 'INFO')].join('\n') + '\n';
    for (const order of ['oldest', 'newest'] as const) {
      const scanner = new FileScanner({ ...base, order, minLevel: 'ERROR', after: 3 }, parserFor(Buffer.from(first + second), true, 0));
      scanner.push(Buffer.from(first));
      scanner.push(Buffer.from(second));
      const byLine = new Map(scanner.result().matches.map((m) => [m.line, m.after]));
      assert.deepEqual(byLine.get(1), [text(2, 'ERROR'), text(3, 'INFO'), text(4, 'INFO')], order);
      assert.deepEqual(byLine.get(2), [text(3, 'INFO'), text(4, 'INFO'), text(5, 'INFO')], order);
    }
  });
});
