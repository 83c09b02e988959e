// Level columns a file shows by its own lines, made-up inputs of three kinds (fix37s): a one-character mark after a
// day-first time without a year (`04 Dec 10:00:00.123 # …`, as with a year), a debug letter with its verbosity (`D1`..`D5`
// beside `I W E F`), and lines of another layout than a logfmt file's sample (`<time> INF …` after `level=info` records).
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

const parse = (sample: string[], lines: string[] = sample) => {
  const parser = createLineParser(sample, { referenceTime: Date.parse('2026-12-05T00:00:00Z') });
  return lines.map((l) => parser.parse(l));
};

describe('logs: level columns a file shows', () => {
  it('reads a level mark after a day-first time without a year, messages without it', () => {
    const lines = [
      '[77] 04 Dec 10:00:00.123 # Server started, version 2.8.19',
      '[77] 04 Dec 10:00:00.124 * ready to accept connections on port 6379',
      '[77] 04 Dec 10:00:01.000 - Accepted 127.0.0.1:50000',
      '[77] 04 Dec 10:00:02.000 . 0 clients connected, 790 bytes in use',
      '[77] 04 Dec 10:00:03.000 # WARNING overcommit_memory is set to 0!',
    ];
    const parsed = parse(lines);
    assert.deepEqual(parsed.map((p) => p.level), ['WARN', 'INFO', 'TRACE', 'DEBUG', 'WARN']);
    assert.deepEqual(parsed.map((p) => p.message.slice(0, 8)), ['Server s', 'ready to', 'Accepted', '0 client', 'WARNING ']);
  });

  it('leaves a dash that only separates such a time from a bracketed level as it was', () => {
    const lines = ['25 Jan 20:25:10 - [info] Welcome to the flow editor', '25 Jan 20:25:11 - [warn] Missing node types', '25 Jan 20:25:12 - [error] Failed to start server'];
    assert.deepEqual(parse(lines).map((p) => p.level), ['INFO', 'WARN', 'ERROR']);
  });

  it('reads a debug letter with its verbosity beside the one-letter levels', () => {
    const lines = [
      '2026-12-04T10:00:00.123+0000 I CONTROL  [main] starting : pid=1 port=27017',
      '2026-12-04T10:00:00.200+0000 D1 COMMAND  [conn1] run command admin.$cmd',
      '2026-12-04T10:00:00.300+0000 W NETWORK  [conn2] certificate validation failed',
      '2026-12-04T10:00:00.500+0000 D5 STORAGE  [conn1] begin transaction',
      '2026-12-04T10:00:00.600+0000 E STORAGE  [main] Unable to lock file',
    ];
    assert.deepEqual(parse(lines).map((p) => p.level), ['INFO', 'DEBUG', 'WARN', 'DEBUG', 'ERROR']);
  });

  it('reads the levels of lines in another layout than a logfmt sample', () => {
    const sample = Array.from({ length: 12 }, (_, i) => `time="2026-12-04T10:00:${String(i).padStart(2, '0')}Z" level=info msg="loaded ${i}"`);
    const later = ['2026-12-04T10:01:02Z INF version 3.0.0 started', '2026-12-04T10:01:03Z ERR cannot build configuration error="no such host"', '2026-12-04T10:01:06Z DBG event received'];
    const parsed = parse(sample, [sample[0], ...later]);
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'ERROR', 'DEBUG']);
    assert.equal(parsed[1].message, 'version 3.0.0 started');
  });
});
