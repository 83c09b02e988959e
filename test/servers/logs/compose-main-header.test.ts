// A line behind a docker compose prefix (`db-1  | …`) that the file's main header does not read is read after the
// prefix by that main header first: a form the file also shows (`word <time> LEVEL`, learned from the compose lines
// themselves) stops at the level and left the program's `target:` in the message, where the same program's bare lines
// have it cut, so one statement was mined twice. Made-up lines in a Rust tracing subscriber's layout.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

const BARE = [
  '2026-03-01T10:00:00.100000Z  INFO store::kvs::ds: Starting kvs store at /data',
  '2026-03-01T10:00:00.200000Z  INFO store::kvs::ds: Started kvs store at /data',
  '2026-03-01T10:00:00.300000Z  WARN store::net::rpc: A connection was made without a protocol.',
  '2026-03-01T10:00:00.400000Z  INFO store::net: Started web server on 0.0.0.0:8000',
  '2026-03-01T10:00:00.500000Z DEBUG store::dbs: Database strict mode is false',
  '2026-03-01T10:00:00.600000Z  INFO store::env: Running 2.0.4 for linux on x86_64',
];

describe('a docker compose prefix before the main header', () => {
  it("is read by the main header after the prefix: level, target and message as on the program's bare lines", () => {
    const composed = [
      'db-1  | 2026-03-02T11:00:00.100000Z  INFO store::kvs::ds: Starting kvs store at /db',
      'db-1  | 2026-03-02T11:00:00.200000Z  INFO store::kvs::ds: Started kvs store at /db',
      'db-1  | 2026-03-02T11:00:00.300000Z  WARN store::net::rpc: A connection was made without a protocol.',
      'db-1  | 2026-03-02T11:00:00.400000Z  INFO store::net: Started web server on 0.0.0.0:8001',
    ];
    const result = parsed([...BARE, ...composed]);
    assert.deepEqual(
      result.slice(BARE.length).map((p) => [p.level, p.component, p.message]),
      [
        ['INFO', 'store::kvs::ds', 'Starting kvs store at /db'],
        ['INFO', 'store::kvs::ds', 'Started kvs store at /db'],
        ['WARN', 'store::net::rpc', 'A connection was made without a protocol.'],
        ['INFO', 'store::net', 'Started web server on 0.0.0.0:8001'],
      ],
    );
  });

  it("leaves a service's line in a layout of its own to that layout", () => {
    const lines = [
      ...BARE,
      'web-1  | [2026-03-02 11:00:00] app.ERROR: payment failed for order 12',
      'web-1  | [2026-03-02 11:00:01] app.INFO: order 13 paid',
      'web-1  | [2026-03-02 11:00:02] app.INFO: order 14 paid',
    ];
    const result = parsed(lines);
    assert.deepEqual(
      result.slice(BARE.length).map((p) => [p.level, p.timestamp !== undefined, /(payment failed for|order \d+ paid)/.test(p.message)]),
      [
        ['ERROR', true, true],
        ['INFO', true, true],
        ['INFO', true, true],
      ],
    );
  });
});
