// A search tool's source prefix (`grep -H`, `grep -r`, `rg --no-heading`: the file's name and a colon glued to each
// line found, with `-n` the line number too) before a log line: the line behind it is read as the file's own lines
// are, so that a statement found by a search and the same statement pasted bare are one template with one level.
// Made-up lines in common layouts; the neighbours are texts whose first word ends in a colon and must stay as they are.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

const BARE = [
  'INF 2026-03-01 10:00:00.100+00:00 Slot start                topics="node" slot=17 peers=3',
  'INF 2026-03-01 10:00:01.100+00:00 Slot end                  topics="node" slot=17 head=4f3d:16',
  'WRN 2026-03-01 10:00:02.100+00:00 Peer count low            topics="net" peers=1',
  'INF 2026-03-01 10:00:06.100+00:00 Slot start                topics="node" slot=18 peers=3',
  'INF 2026-03-01 10:00:07.100+00:00 Slot end                  topics="node" slot=18 head=5a2c:17',
  'ERR 2026-03-01 10:00:08.100+00:00 Block rejected            topics="chain" reason="bad parent"',
];

describe("a search tool's file-name prefix", () => {
  it('leaves the JSON record behind it to be read as a record (message, level, time)', () => {
    const lines = [
      ...BARE,
      'node.2.jsonl:{"lvl":"INF","ts":"2026-03-02 11:00:00.995+00:00","msg":"Slot start","topics":"node","slot":21}',
      'node.2.jsonl:{"lvl":"ERR","ts":"2026-03-02 11:00:01.995+00:00","msg":"Block rejected","topics":"chain"}',
      'logs/node.jsonl:12:{"lvl":"INF","ts":"2026-03-02 11:00:02.995+00:00","msg":"Slot start","topics":"node","slot":22}',
    ];
    const result = parsed(lines);
    assert.deepEqual(
      result.slice(BARE.length).map((p) => [p.message, p.level, p.timestamp]),
      [
        ['Slot start', 'INFO', Date.UTC(2026, 2, 2, 11, 0, 0, 995)],
        ['Block rejected', 'ERROR', Date.UTC(2026, 2, 2, 11, 0, 1, 995)],
        ['Slot start', 'INFO', Date.UTC(2026, 2, 2, 11, 0, 2, 995)],
      ],
    );
    // One statement, one template, however it was pasted.
    const miner = new TemplateMiner();
    for (const p of result) miner.add(p.message.replace(/ {2,}.*$/, ''));
    assert.equal(miner.templates().find((t) => t.template === 'Slot start')?.count, 4);
  });

  it('leaves a timed line behind it to be read by the header it opens with', () => {
    const plain = [
      '2026-03-01 10:00:00,120 ERROR [db] connection refused to 10.0.0.5',
      '2026-03-01 10:00:01,120 INFO [web] listening on :8080',
      '2026-03-01 10:00:02,120 WARN [db] pool exhausted, waiting',
      '2026-03-01 10:00:03,120 INFO [web] GET /health 200',
    ];
    const lines = [...plain, `/var/log/app/app.log.1:${plain[0]}`, `app.log:41:${plain[1]}`];
    const result = parsed(lines);
    assert.deepEqual(
      result.slice(plain.length).map((p) => [p.message, p.level, p.timestamp]),
      [
        [result[0].message, 'ERROR', result[0].timestamp],
        [result[1].message, 'INFO', result[1].timestamp],
      ],
    );
    assert.equal(result[0].message, 'connection refused to 10.0.0.5');
  });

  it('is no prefix where the text after the colon is no line of its own', () => {
    const lines = [
      ...BARE,
      'config.yml:port 8080 is in use',
      'example.com:8080 answered 503',
      'main.go:42: starting worker 3',
      'v1.2:2026-03-01 is the release date',
      'server.name:{"unquoted": true',
    ];
    const result = parsed(lines);
    for (let i = BARE.length; i < lines.length; i++) assert.equal(result[i].message, lines[i], lines[i]);
  });

  it("is read where the file is a rotated log without an extension (`verbose.0`, logrotate's dated `messages-20170203`)", () => {
    const plain = [
      '[2023-04-13 18:46:50] VERBOSE[5495][C-00000003] pbx.c: Executing [s@dial:15] Set("PJSIP/100-04") in new stack',
      '[2023-04-13 18:46:51] NOTICE[5495] chan_sip.c: Peer 668 is now Reachable.',
      '[2023-04-13 18:46:52] VERBOSE[5495][C-00000003] pbx.c: Executing [s@dial:16] GotoIf("PJSIP/100-04") in new stack',
      '[2023-04-13 18:46:53] WARNING[5496] chan_sip.c: Peer 669 is now UNREACHABLE!',
    ];
    const lines = [...plain, `verbose.0:${plain[0]}`, `messages-20170203:${plain[1]}`, `/var/log/asterisk/messages.1:${plain[3]}`];
    const result = parsed(lines);
    assert.deepEqual(
      result.slice(plain.length).map((p) => [p.message, p.level, p.timestamp]),
      [
        [result[0].message, result[0].level, result[0].timestamp],
        [result[1].message, result[1].level, result[1].timestamp],
        [result[3].message, result[3].level, result[3].timestamp],
      ],
    );
    // A key of a key:value record is no file's name (LTSV's `time:`), nor a word and a dash before a date (`build-20240101:`).
    const ltsv = ['time:2026-03-01T10:00:00Z\thost:a\tstatus:200', 'time:2026-03-01T10:00:01Z\thost:b\tstatus:404', 'time:2026-03-01T10:00:02Z\thost:c\tstatus:500'];
    for (const p of parsed(ltsv)) assert.ok(p.message.startsWith('time:') || p.message.includes('host:'), p.message);
  });
});
