// Log4j 2's JsonLayout writes a record's time as `"instant":{"epochSecond":…,"nanoOfSecond":…}` (2.11 on) or
// `"timeMillis":…` (before): neither was read, so its records had no time and every time window ("errors in the last
// hour") left them out (break26). A protobuf Timestamp in JSON ({seconds, nanos}) is the same split epoch.
import assert from 'node:assert/strict';
import { parserFor } from '../../../servers/logs/format/parser';

const EPOCH = 1_764_669_600; // 2025-12-02T10:00:00Z

const record = (time: Record<string, unknown>, level: string, message: string) =>
  JSON.stringify({ ...time, thread: 'main', level, loggerName: 'com.example.App', message, endOfBatch: false, threadId: 1, threadPriority: 5 });

const read = (lines: string[], line: string) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now()).parse(line);

describe('logs: a JSON time split into seconds and nanoseconds', () => {
  it('reads Log4j 2 JsonLayout instant and timeMillis records as times', () => {
    const lines = [
      record({ instant: { epochSecond: EPOCH, nanoOfSecond: 123_456_789 } }, 'ERROR', 'boom'),
      record({ instant: { epochSecond: EPOCH + 1, nanoOfSecond: 0 } }, 'INFO', 'ok'),
      record({ timeMillis: (EPOCH + 2) * 1000 }, 'ERROR', 'old layout boom'),
    ];
    const first = read(lines, lines[0]);
    assert.equal(first.timestamp, EPOCH * 1000 + 123);
    assert.equal(first.level, 'ERROR');
    assert.equal(read(lines, lines[1]).timestamp, (EPOCH + 1) * 1000);
    assert.equal(read(lines, lines[2]).timestamp, (EPOCH + 2) * 1000);
  });

  it('reads a protobuf Timestamp ({seconds, nanos}) and leaves an object without a split epoch (a bare {seconds} duration) untimed', () => {
    const lines = [JSON.stringify({ timestamp: { seconds: EPOCH, nanos: 5_000_000 }, severity: 'ERROR', message: 'rpc failed' })];
    assert.equal(read(lines, lines[0]).timestamp, EPOCH * 1000 + 5);
    for (const time of [{ zone: 'UTC' }, { seconds: 12 }]) {
      const odd = [JSON.stringify({ time, level: 'error', msg: 'no epoch here' })];
      assert.equal(read(odd, odd[0]).timestamp, undefined, JSON.stringify(time));
    }
  });
});
