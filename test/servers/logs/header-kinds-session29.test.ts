// Header kinds left open after session 28 and found in the real-excerpts batch 25 (released for study in session 29) by
// branch `hdr29`: header readings that emptied a message or left a column in it. Made-up lines of those shapes; each
// case says what a person reading the file would answer, and a neighbour that must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-04. */
const REFERENCE = Date.UTC(2026, 11, 4);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return { format: parser.format.id, lines: lines.map((line) => parser.parse(line)) };
}

describe('header kinds of session 29', () => {
  it('a time ending a line after words of it is the message\'s: the header never reads a line to an empty message', () => {
    // A script's progress lines behind a date of its own, in a file of several layouts (each line read alone): the
    // header read `- begun at <time> UTC` as words and a second time, which left the message empty.
    const lines = [
      'I, [2021-04-02T10:00:01.120331 #4242]  INFO -- : refreshing caches (queue=low)',
      'I, [2021-04-02T10:00:02.120331 #4242]  INFO -- : Worker loop running...',
      'I, [2021-04-02T10:00:03.120331 #4242]  INFO -- : 2021-04-02T10:00:03+0200: [Runner(host:box pid:4242)] Task Sync (id=7) STARTED',
      'I, [2021-04-02T10:00:04.120331 #4242]  INFO -- : 2021-04-02T10:00:04+0200: [Runner(host:box pid:4242)] Task Sync (id=7) FINISHED after 0.2',
      '02.04.2021 10:00:05 rebuild Account',
      '02.04.2021 10:00:05  - begun at 2021-04-02 08:59:01 UTC',
      '02.04.2021 10:00:05  - took 12 seconds',
      '02.04.2021 10:00:06 rebuild Invoice',
      '02.04.2021 10:00:06  - begun at 2021-04-02 09:00:07 UTC',
      '02.04.2021 10:00:06  - took 3 seconds',
      '2021-04-02T10:00:09.049523195+02:00 I, [2021-04-02T08:00:09.049495#1-1]  INFO -- : 2021-04-02T08:00:09+0000: [Runner(host:box-0 pid:1)] Task Index (id=8) STARTED',
      '2021-04-02T10:00:09.089523195+02:00 I, [2021-04-02T08:00:09.089495#1-1]  INFO -- : 2021-04-02T08:00:09+0000: [Runner(host:box-0 pid:1)] Task Index (id=8) FINISHED after 0.04',
    ];
    const out = parsed(lines).lines;
    assert.equal(out[5].message, 'begun at 2021-04-02 08:59:01 UTC');
    assert.equal(out[8].message, 'begun at 2021-04-02 09:00:07 UTC');
    assert.equal(out[6].message, 'took 12 seconds');
    // The line's own time is the header's, not the one in its text.
    assert.equal(out[5].timestamp, out[6].timestamp);
  });

  it('a time and a level alone keep their header, and a time opening the text stays the header\'s (neighbours)', () => {
    const lines = ['2024-05-01 10:00:00 2024-05-01T09:59:58Z job 6 done', '2024-05-01 10:00:01 INFO', '2024-05-01 10:00:02 - WARN', '2024-05-01 10:00:03 INFO job 7 done'];
    const out = lines.map((line) => createLineParser([line], { referenceTime: REFERENCE }).parse(line));
    assert.deepEqual(
      out.map((p) => [p.message, p.level]),
      [
        ['job 6 done', undefined],
        ['', 'INFO'],
        ['', 'WARN'],
        ['job 7 done', 'INFO'],
      ],
    );
  });

  it("Monolog's channel.LEVEL column and its context and extra fields are no part of the message in a file of another main form", () => {
    // A PHP framework writes the same statements through two handlers: its console's `<time> [level] …` and Monolog's
    // `[<time>] channel.LEVEL: … <context> <extra>`. The console's form is the file's main header; Monolog's lines kept
    // their channel, level and the two trailing fields, which split each statement in two templates.
    const lines = [
      '2019-03-02T10:00:01+00:00 [debug] Dispatched event "app.boot" to handler "App\\Boot::run".',
      '2019-03-02T10:00:01+00:00 [debug] Dispatched event "app.boot" to handler "App\\Cache::warm".',
      '2019-03-02T10:00:02+00:00 [info] Resolved route "home".',
      '2019-03-02T10:00:03+00:00 [debug] Dispatched event "app.view" to handler "App\\View::render".',
      '[2019-03-02 10:00:04] event.DEBUG: Dispatched event "app.boot" to handler "App\\Boot::run". [] []',
      '[2019-03-02 10:00:04] request.INFO: Resolved route "about". {"route":"about","params":{"id":3}} []',
      '[2019-03-02 10:00:05] app.ERROR: Cache write failed {"key":"menu"} {"memory":"12 MB"}',
    ];
    const out = parsed(lines);
    assert.deepEqual(
      out.lines.slice(4).map((p) => [p.message, p.level, p.component]),
      [
        ['Dispatched event "app.boot" to handler "App\\Boot::run".', 'DEBUG', 'event'],
        ['Resolved route "about".', 'INFO', 'request'],
        ['Cache write failed', 'ERROR', 'app'],
      ],
    );
    assert.equal(out.lines[0].message, 'Dispatched event "app.boot" to handler "App\\Boot::run".');
  });

  it('a message ending with one JSON object keeps it, and a channel.LEVEL word inside a message stays (neighbours)', () => {
    const lines = [
      '2019-03-02T10:00:01+00:00 [debug] Payload sent {"id":4}',
      '2019-03-02T10:00:02+00:00 [debug] Payload sent {"id":5}',
      '2019-03-02T10:00:03+00:00 [info] Setting app.DEBUG: true for this run',
      '2019-03-02T10:00:04+00:00 [info] Worker started',
    ];
    const out = parsed(lines);
    assert.deepEqual(
      out.lines.map((p) => [p.message, p.level]),
      [
        ['Payload sent {"id":4}', 'DEBUG'],
        ['Payload sent {"id":5}', 'DEBUG'],
        ['Setting app.DEBUG: true for this run', 'INFO'],
        ['Worker started', 'INFO'],
      ],
    );
  });

  it("a program's bracketed date behind the journal's tag is its own header when it dates the tag's moment", () => {
    // A Node service run by systemd prints `[<its date>] <text>`: the journal's header is read, the program's own date
    // was left in every message (a value of each line), in whichever form the program's version wrote it.
    const lines = [
      'Sep 15 11:48:37 pi hubd[2413]: [15.9.2017, 11:48:36] No plugins found.',
      'Sep 15 11:48:37 pi hubd[2413]: [15.9.2017, 11:48:37] Loaded config with 0 accessories',
      'Sep 15 11:48:38 pi hubd[2413]: [2017-9-15 11:48:38] Loaded config with 2 accessories',
      'Sep 15 11:48:38 pi hubd[2413]: [9/15/2017, 11:48:38 AM] Loaded config with 4 accessories',
      'Sep 15 11:48:39 pi sshd[1]: Accepted key for root',
    ];
    const out = parsed(lines).lines;
    assert.deepEqual(
      out.map((p) => p.message),
      ['No plugins found.', 'Loaded config with 0 accessories', 'Loaded config with 2 accessories', 'Loaded config with 4 accessories', 'Accepted key for root'],
    );
    assert.equal(out[2].timestamp, new Date(2017, 8, 15, 11, 48, 38).getTime());
  });

  it('a bracketed date of another moment behind the tag is the message\'s value, and stays (neighbour)', () => {
    const lines = [
      'Sep 15 11:48:37 pi certd[2413]: [2031-01-01 00:00:00] is when the certificate expires',
      'Sep 15 11:48:38 pi certd[2413]: renewal scheduled',
      'Sep 15 11:48:39 pi sshd[1]: Accepted key for root',
    ];
    assert.equal(parsed(lines).lines[0].message, '[2031-01-01 00:00:00] is when the certificate expires');
  });

  it("a dotted logger name before a lone dash is the logger's column where the file shows the statements without it", () => {
    // A Java service logs as JSON records and, in another deployment, through logback's `%d [%X] [%t] %-5level %logger
    // - %msg`: its logger's name (lower-case packages, no class) stayed in the text lines' messages only.
    const lines = [
      '{"severity":"INFO","thread":"main","logger":"io.acme.broker.system","message":"Bootstrap broker-0 [1/3]: actor scheduler"}',
      '{"severity":"INFO","thread":"main","logger":"io.acme.broker.system","message":"Bootstrap broker-0 [2/3]: cluster services"}',
      '{"severity":"INFO","thread":"main","logger":"io.acme.broker.system","message":"Bootstrap broker-0 [3/3]: command api"}',
      '14:41:31.656 [] [main] INFO  io.acme.broker.system - Bootstrap broker-0 [1/3]: actor scheduler',
      '14:41:31.660 [] [main] INFO  io.acme.broker.system - Bootstrap broker-0 [2/3]: cluster services',
      '14:41:31.661 [] [main] DEBUG io.acme.broker.transport - Bound command api to 0.0.0.0:26501',
    ];
    assert.deepEqual(
      parsed(lines).lines.slice(3).map((p) => p.message),
      ['Bootstrap broker-0 [1/3]: actor scheduler', 'Bootstrap broker-0 [2/3]: cluster services', 'Bound command api to 0.0.0.0:26501'],
    );
  });

  it("a dotted name before a dash that no other line shows as a column stays the message's (neighbour)", () => {
    const lines = ['2024-05-01 10:00:00 INFO settings.json - saved', '2024-05-01 10:00:01 INFO settings.json - loaded', '2024-05-01 10:00:02 INFO cache warmed'];
    assert.deepEqual(
      parsed(lines).lines.map((p) => p.message),
      ['settings.json - saved', 'settings.json - loaded', 'cache warmed'],
    );
  });
});
