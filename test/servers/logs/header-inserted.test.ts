// A word column some lines of a file write inside the learned header (a newer version's process name before `pid N:`):
// those lines are read by the learned header with that column, not left whole in the message, so that one statement
// is one template and the line keeps its level. Made-up lines in the layout of a connection pooler's log.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

const OLD = [
  '2026-03-01 10:00:00: pid 1: LOG:  failover: set new primary node: 1',
  '2026-03-01 10:00:01: pid 1: LOG:  failover done. shutdown host db03(5432)',
  '2026-03-01 10:00:02: pid 133: WARNING:  health check failed on node 2',
  '2026-03-01 10:00:03: pid 133: LOG:  restarting myself',
  '2026-03-01 10:00:04: pid 1: LOG:  starting health check process 0',
  '2026-03-01 10:00:05: pid 1: ERROR:  failed to connect to backend 2',
];

describe('a word column inside the learned header', () => {
  it('is read on the lines that write it, which keep their level and the message alone', () => {
    const lines = [
      ...OLD,
      '2026-03-02 11:00:00.101: main pid 2543: LOG:  failover: set new primary node: 0',
      '2026-03-02 11:00:01.202: child pid 167: LOG:  restarting myself',
      '2026-03-02 11:00:02.303: main pid 2543: ERROR:  failed to connect to backend 1',
      '2026-03-02 11:00:03.404: child pid 173: WARNING:  health check failed on node 1',
    ];
    const result = parsed(lines);
    // Each read as the line without the column with the same statement is (same level, same message).
    const same = (old: number, now: number) => assert.deepEqual([result[now].level, result[now].message.replace(/\d+/g, '0')], [result[old].level, result[old].message.replace(/\d+/g, '0')]);
    same(0, OLD.length);
    same(3, OLD.length + 1);
    same(5, OLD.length + 2);
    same(2, OLD.length + 3);
    assert.deepEqual(result.slice(OLD.length).map((p) => [p.level, p.component]), [[result[0].level, '2543'], [result[3].level, '167'], ['ERROR', '2543'], ['WARN', '173']]);
    assert.ok(result.every((p) => p.timestamp !== undefined));
  });

  it('is not learned from message words: they shift no literal word of the header', () => {
    // A header `<time> LEVEL name: message` whose lines without a `name:` open with two words and a colon: no literal
    // word of the header moved one place on them, and the first word varies from line to line, as a message's does.
    const lines = [
      '2026-03-01 10:00:00 INFO pool: started 4 workers',
      '2026-03-01 10:00:01 INFO pool: stopped 1 worker',
      '2026-03-01 10:00:02 WARN cache: 90% full',
      '2026-03-01 10:00:03 INFO Loaded config: /etc/app.yml',
      '2026-03-01 10:00:04 INFO Opened database: /var/app.db',
      '2026-03-01 10:00:05 INFO Serving port: 8080',
      '2026-03-01 10:00:06 INFO pool: started 2 workers',
    ];
    assert.deepEqual(parsed(lines).slice(3, 6).map((p) => p.message), ['Loaded config: /etc/app.yml', 'Opened database: /var/app.db', 'Serving port: 8080']);
  });
});
