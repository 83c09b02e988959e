// Records written wholly in brackets whose message is the one quoted field (`[time] [LEVEL] [file:line] ["msg"]
// [key=value] …`, format/bracket-records.ts): the quoted text is the message, the `[key=value]` brackets after it are
// fields, whatever prefix the line carries. Real lines from TiKV's bug reports (test/fixtures/real-excerpts, batch 10),
// with neighbours whose message must stay whole.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { readBracketRecord } from '../../../servers/logs/format/bracket-records';
import { templatesOf } from '../../support/mined-templates';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

const RECORDS = [
  '[2019/03/31 16:19:26.016 +00:00] [INFO] [mod.rs:25] ["Welcome to TiKV."]',
  '[2019/05/24 15:38:30.689 -07:00] [INFO] [ev_epollex_linux.cc:1655] ["Skipping epollex because it is not supported."]',
  '[2019/05/24 15:38:30.696 -07:00] [INFO] [ev_epoll1_linux.cc:116] ["grpc epoll fd: 3"]',
  '[2019/05/24 15:38:30.763 -07:00] [INFO] [util.rs:397] ["connecting to PD endpoint"] [endpoints=localhost:2379]',
  '[2019/05/24 15:38:30.832 -07:00] [INFO] [util.rs:357] ["PD failed to respond"] [err="Grpc(RpcFailure(RpcStatus { status: DeadlineExceeded, details: Some(\\"Deadline Exceeded\\") }))"] [endpoints=localhost:2379]',
  'tikv-1             | [2025/11/11 15:45:27.042 +08:00] [INFO] [util.rs:601] ["PD failed to respond"] [err="Grpc(RpcFailure(RpcStatus { code: 14-UNAVAILABLE, message: \\"failed to connect to all addresses\\", details: [] }))"] [endpoints=127.0.0.1:2379] [thread_id=1]',
  '[2019/05/24 15:38:30.314 -07:00] [WARN] [server.rs:450] ["rocksdb check data dir"] [err="config fs: data-dir.rotation.get: \\"rootfs\\" no device find in block"]',
  '[2019/05/24 15:38:30.525 -07:00] [WARN] [server.rs:457] ["raft check data dir"] [err="config fs: data-dir.rotation.get: \\"rootfs\\" no device find in block"]',
];

describe('bracketed records whose message is one quoted field', () => {
  it('the quoted field is the message, the [key=value] fields after it are not, behind any prefix', () => {
    const parser = createLineParser(RECORDS, { referenceTime: REFERENCE });
    const parsed = RECORDS.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.message), [
      'Welcome to TiKV.', 'Skipping epollex because it is not supported.', 'grpc epoll fd: 3', 'connecting to PD endpoint',
      'PD failed to respond', 'PD failed to respond', 'rocksdb check data dir', 'raft check data dir',
    ]);
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'WARN', 'WARN']);
    assert.equal(parsed[0].timestamp, Date.UTC(2019, 2, 31, 16, 19, 26, 16));
  });

  it('different messages are different templates, one message with other fields one template', async () => {
    const templates = await templatesOf(RECORDS, REFERENCE);
    assert.equal(new Set(templates.slice(0, 4)).size, 4);
    assert.equal(templates[4], templates[5]);
    assert.notEqual(templates[6], templates[7]);
  });

  it('a file of text lines ending in a bracketed quote keeps its statements (break16)', async () => {
    const lines = [
      '2026-11-30 10:00:00 INFO deleting unused images of [api] ["golang:1.22"]',
      '2026-11-30 10:00:01 INFO pulling images of [api] ["golang:1.22"]',
      '2026-11-30 10:00:02 ERROR failed to push images of [db] ["postgres:16"]',
      '2026-11-30 10:00:03 INFO deleting unused images of [db] ["postgres:16"]',
      '2026-11-30 10:00:04 INFO pulling images of [db] ["postgres:16"]',
      '2026-11-30 10:00:05 ERROR failed to push images of [api] ["golang:1.22"]',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.ok(lines.every((line) => /images of/.test(parser.parse(line).message)), 'the message is the line\'s text');
    const templates = await templatesOf(lines, REFERENCE);
    assert.equal(templates[0], templates[3]);
    assert.equal(templates[2], templates[5]);
    assert.equal(new Set(templates).size, 3);
  });

  it('a quoted string in brackets inside prose, or followed by more text, is no record', () => {
    assert.equal(readBracketRecord('2024-01-01 10:00:00 INFO [main] ["a", "b"] loaded'), undefined);
    assert.equal(readBracketRecord('2024-01-01 10:00:00 INFO [main] ["plugins"] then more text'), undefined);
    assert.equal(readBracketRecord('2024-01-01 10:00:00 INFO [main] [""]'), undefined);
    // break16: Go's `%v %q` of one-element lists ends a line of text in `[web] ["nginx:1.25"]`: an argument, no message.
    assert.equal(readBracketRecord('2026-11-30 10:00:00 INFO deleting unused images of [api] ["golang:1.22"]'), undefined);
    assert.equal(readBracketRecord('2026-11-30 10:00:00 INFO [main] copying [a] ["b"]'), undefined);
    // One such line in a file of prose leaves every message as it is.
    const lines = [
      '2024-01-01 10:00:00 INFO [main] loading ["plugins"]',
      '2024-01-01 10:00:01 INFO [main] [loader] ["x"]',
      '2024-01-01 10:00:02 INFO [main] started',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(lines.map((line) => parser.parse(line).message), ['loading ["plugins"]', '[loader] ["x"]', 'started']);
  });
});
