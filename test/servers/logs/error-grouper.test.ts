// error_summary's grouping: lines folded per block by masked message (as the scan process sends them) must give the
// same groups, counts, levels, times and examples as the lines taken one by one.
import assert from 'node:assert/strict';
import { ErrorGrouper } from '../../../servers/logs/patterns/error-grouper';
import type { AcceptedLine } from '../../../servers/logs/search/types';
import { MessageTallies, tallyOf } from '../../../servers/logs/patterns/tallies';

const T0 = Date.parse('2026-11-25T08:00:00Z');

/** Error lines where messages of one template interleave, levels differ and timestamps are out of order. */
function errorLines(): AcceptedLine[] {
  const lines: AcceptedLine[] = [];
  const messages = [
    (i: number) => `timeout after ${30 + (i % 5)}s on db-${i % 3}`,
    (i: number) => `timeout after ${i}s on cache-${i % 2}`,
    (i: number) => `user ${1000 + i} not found in /var/lib/users/${i}.json`,
    (i: number) => `connection reset by 10.0.${i % 4}.${i % 200}:5432`,
    (i: number) => `disk full on volume ${i % 2 === 0 ? 'alpha' : 'beta'}`,
  ];
  for (let i = 0; i < 600; i++) {
    const message = messages[(i * 7) % messages.length](i);
    lines.push({
      line: 10 + i * 3,
      text: `2026-11-25 ${i % 11 === 0 ? 'FATAL' : 'ERROR'} ${message}`,
      message,
      level: i % 11 === 0 ? 'FATAL' : 'ERROR',
      timestamp: i % 13 === 0 ? undefined : T0 + ((i * 7919) % 600) * 1000,
    });
  }
  return lines;
}

function oneByOne(files: [string, AcceptedLine[]][]): ErrorGrouper {
  const grouper = new ErrorGrouper();
  for (const [file, lines] of files) for (const line of lines) grouper.addTallies(file, [tallyOf(line)]);
  return grouper;
}

function inBlocks(files: [string, AcceptedLine[]][], blockLines: number): ErrorGrouper {
  const grouper = new ErrorGrouper();
  for (const [file, lines] of files) {
    const tallies = new MessageTallies();
    for (let i = 0; i < lines.length; i++) {
      tallies.add(lines[i]);
      if ((i + 1) % blockLines === 0) grouper.addTallies(file, tallies.drain());
    }
    grouper.addTallies(file, tallies.drain());
  }
  return grouper;
}

describe('error grouping: lines one by one and folded per block agree', () => {
  it('folds a block into one tally per masked message, first appearance first, with at most three examples', () => {
    const tallies = new MessageTallies();
    tallies.add({ line: 1, text: 'E timeout after 30s', message: 'timeout after 30s', level: 'ERROR', timestamp: 5 });
    tallies.add({ line: 2, text: 'E disk full', message: 'disk full', level: 'ERROR', timestamp: 9 });
    for (let line = 3; line < 8; line++) tallies.add({ line, text: `F timeout after ${line}s`, message: `timeout after ${line}s`, level: 'FATAL', timestamp: 10 - line });
    const drained = tallies.drain();
    assert.deepEqual(
      drained.map((t) => [t.masked, t.message, t.count, t.levels, t.firstSeen, t.lastSeen, t.examples.map((e) => e.line)]),
      [
        ['timeout after <num>', 'timeout after 30s', 6, ['ERROR', 'FATAL'], 3, 7, [1, 3, 4]],
        ['disk full', 'disk full', 1, ['ERROR'], 9, 9, [2]],
      ],
    );
    assert.equal(tallies.size, 0, 'drained');
    assert.deepEqual(tallies.drain(), []);
  });

  for (const blockLines of [1, 7, 64, 1000]) {
    it(`same summary with blocks of ${blockLines} line(s), over two files`, () => {
      const all = errorLines();
      const files: [string, AcceptedLine[]][] = [
        ['app.log', all.slice(0, 350)],
        ['app.log.1', all.slice(350)],
      ];
      const expected = oneByOne(files);
      const actual = inBlocks(files, blockLines);
      assert.equal(actual.total, expected.total);
      assert.equal(actual.total, 600);
      assert.deepEqual(actual.sorted(), expected.sorted());
    });
  }

  it('keeps a template\'s first three lines as examples when its messages interleave inside one block', () => {
    const lines: AcceptedLine[] = [
      { line: 4, text: 'timeout after 3s on db-1', message: 'timeout after 3s on db-1', level: 'ERROR' },
      { line: 5, text: 'timeout after 4s on cache-2', message: 'timeout after 4s on cache-2', level: 'ERROR' },
      { line: 6, text: 'timeout after 5s on db-2', message: 'timeout after 5s on db-2', level: 'ERROR' },
      { line: 7, text: 'timeout after 6s on db-3', message: 'timeout after 6s on db-3', level: 'ERROR' },
    ];
    const grouper = inBlocks([['a.log', lines]], 100);
    const [group] = grouper.sorted();
    assert.equal(group.count, 4);
    assert.deepEqual(
      group.examples.map((e) => e.line),
      [4, 5, 6],
    );
    assert.deepEqual(grouper.sorted(), oneByOne([['a.log', lines]]).sorted());
  });

  // A message's template id, handed out while the miner still told its lines apart by a word, was lost when that word
  // turned out to vary too much and the value groups were folded back together: Summarize Errors showed those errors
  // as groups of their own whose template read `<*>`.
  it('keeps errors in their template when the miner stops telling them apart by a word', () => {
    const calls = ['GET_LOG_INTERFACE', 'GET_CORE_OPTIONS_VERSION', 'SET_CONTROLLER_INFO', 'RETRO_ENVIRONMENT_SET_CORE_OPTIONS_INTL', 'SET_SUPPORT_ACHIEVEMENTS'];
    const lines: AcceptedLine[] = calls.map((call, i) => ({ line: i + 1, text: `E unsupported environment call ${call}.`, message: `unsupported environment call ${call}.`, level: 'ERROR' }));
    const groups = oneByOne([['a.log', lines]]).sorted();
    assert.deepEqual(
      groups.map((group) => [group.template, group.count]),
      [['unsupported environment call <*>', 5]],
    );
  });
});
