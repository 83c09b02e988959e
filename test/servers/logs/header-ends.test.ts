// Where a header ends: the message's own first words must not be taken as header fields, even when most lines of a
// file open with the same ones (one statement repeated) and they look like a `word name:` pair. Made-up lines of the
// shapes found in public bug reports (batch 13 and others).
import assert from 'node:assert/strict';
import { createLineParser, parseLogfmt } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('where a header ends', () => {
  it('a colon after a bracket closes the header: the words after it are the message, however many lines repeat them', () => {
    const lines = [
      '2026-03-01 10:00:00 +01 - [Information-Store.Results-TransferEvent]: Transfer event: Put - Started: a1.zip (12.5 MB)',
      '2026-03-01 10:00:04 +01 - [Information-Store.Results-TransferEvent]: Transfer event: Put - Completed: a1.zip (12.5 MB)',
      '2026-03-01 10:00:05 +01 - [Information-Store.Results-TransferEvent]: Transfer event: Get - Started: b2.zip (3.1 MB)',
      '2026-03-01 10:00:07 +01 - [Information-Store.Results-TransferEvent]: Transfer event: Get - Completed: b2.zip (3.1 MB)',
      '2026-03-01 10:00:09 +01 - [Information-Store.Controller-StartingOperation]: The operation Backup has started',
      '2026-03-01 10:01:00 +01 - [Error-Store.Handler-FatalError]: Fatal error',
    ];
    assert.deepEqual(
      parsed(lines).map((p) => p.message),
      [
        'Transfer event: Put - Started: a1.zip (12.5 MB)',
        'Transfer event: Put - Completed: a1.zip (12.5 MB)',
        'Transfer event: Get - Started: b2.zip (3.1 MB)',
        'Transfer event: Get - Completed: b2.zip (3.1 MB)',
        'The operation Backup has started',
        'Fatal error',
      ],
    );
    assert.ok(parsed(lines).every((p) => p.timestamp !== undefined));
  });

  it('a colon after a bracket closes the header in another layout too: `[worker]: Cache stats:` keeps its words', () => {
    const lines = [
      '2026-03-01T10:00:00Z [worker-1]: Cache stats: hits=10 misses=2',
      '2026-03-01T10:00:01Z [worker-2]: Cache stats: hits=12 misses=0',
      '2026-03-01T10:00:02Z [worker-1]: Cache stats: hits=15 misses=1',
      '2026-03-01T10:00:03Z [worker-3]: Job done in 4 ms',
    ];
    assert.deepEqual(
      parsed(lines).map((p) => p.message),
      ['Cache stats: hits=10 misses=2', 'Cache stats: hits=12 misses=0', 'Cache stats: hits=15 misses=1', 'Job done in 4 ms'],
    );
  });

  it("a report's aligned `label: value` lines, with no time or level, are messages, not a header of a name and a tag", () => {
    // A static site generator's console: labels right-aligned to one column, a program's tag would carry a pid.
    const lines = [
      'Configuration file: /srv/site/_config.yml',
      '            Source: /srv/site',
      '       Destination: /srv/site/_site',
      ' Incremental build: disabled',
      '      Generating...',
      '                    done.',
      '    Server address: http://127.0.0.1:4000/',
    ];
    const result = parsed(lines);
    assert.deepEqual(
      result.map((p) => p.message.trim()),
      lines.map((line) => line.trim()),
    );
    assert.ok(result.every((p) => p.component === undefined));
  });

  it('a logfmt message written with unescaped quotes inside is read whole, and pairs after it still are pairs', () => {
    const lines = [
      'time="2026-03-01T10:00:00.000000001Z" level=info msg="starting daemon" version=1.2.3',
      'time="2026-03-01T10:00:00.000000002Z" level=info msg="opening store "cache.v1.local"..." type=store.v1',
      'time="2026-03-01T10:00:00.000000003Z" level=info msg="opening store "index.v2.remote"..." type=store.v1',
      'time="2026-03-01T10:00:00.000000004Z" level=warn msg="failed to open store index.v2.remote" error="no such file"',
    ];
    assert.deepEqual(
      parsed(lines).map((p) => p.message),
      ['starting daemon', 'opening store "cache.v1.local"...', 'opening store "index.v2.remote"...', 'failed to open store index.v2.remote'],
    );
    const pairs = parseLogfmt(lines[1]);
    assert.equal(pairs.get('type'), 'store.v1');
    // Quotes that close their values as logfmt writes them are read as before, escaped quotes too.
    const plain = parseLogfmt('a="x y" b="say \\"hi\\"" c=3');
    assert.deepEqual([...plain], [['a', 'x y'], ['b', 'say "hi"'], ['c', '3']]);
  });

  it("a tailer's bracketed source label before a logfmt record: the record is read, the label is its component", () => {
    const lines = [
      '[api-6d8f9c-x2x7q] time="2026-03-01T10:00:00Z" level=info msg="cache warmed, serving"',
      '[api-6d8f9c-x2x7q] time="2026-03-01T10:00:01Z" level=info msg="next refresh: 2026-03-01 11:00:01 +0000 UTC"',
      '[api-6d8f9c-p9k2w] time="2026-03-01T10:00:02Z" level=error msg="refresh failed: timeout"',
      'time="2026-03-01T10:00:03Z" level=info msg="cache warmed, serving"',
      '127.0.0.1 - - [01/Mar/2026:10:00:04 +0000] "GET /healthz HTTP/1.1" 200 2',
      'Binding to 0.0.0.0:8080...',
      '[notice] retry=3 left after the last attempt',
    ];
    const result = parsed(lines);
    assert.deepEqual(
      result.slice(0, 4).map((p) => [p.level, p.message]),
      [
        ['INFO', 'cache warmed, serving'],
        ['INFO', 'next refresh: 2026-03-01 11:00:01 +0000 UTC'],
        ['ERROR', 'refresh failed: timeout'],
        ['INFO', 'cache warmed, serving'],
      ],
    );
    assert.equal(result[0].component, 'api-6d8f9c-x2x7q');
    assert.equal(result[0].timestamp, Date.UTC(2026, 2, 1, 10, 0, 0));
    // A bracket before text that is no record (no record's key opens it) is left to the header's reading.
    assert.match(result[6].message, /retry=3 left after the last attempt/);
  });

  it("a runtime's stream column after its time (a container UI's CSV export): the program's line after it is read", () => {
    const lines = [
      '2026-03-01 09:00:00,stdout,[2026-03-01 10:00:00.100][routes][INFO] POST   /api/items/<id>/share',
      '2026-03-01 09:00:00,stdout,[2026-03-01 10:00:00.101][routes][INFO] DELETE /api/items/<id>',
      '2026-03-01 09:00:01,stderr,[2026-03-01 10:00:01.200][auth][ERROR] Error decoding token',
      '[2026-03-01 10:00:02.300][routes][INFO] GET    /api/items',
      '[2026-03-01 10:00:03.400][auth][ERROR] Error decoding token',
      '[2026-03-01 10:00:04.500][store][INFO] stdout buffer full, flushing',
    ];
    const result = parsed(lines);
    assert.deepEqual(
      result.map((p) => [p.level, p.message]),
      [
        ['INFO', 'POST   /api/items/<id>/share'],
        ['INFO', 'DELETE /api/items/<id>'],
        ['ERROR', 'Error decoding token'],
        ['INFO', 'GET    /api/items'],
        ['ERROR', 'Error decoding token'],
        ['INFO', 'stdout buffer full, flushing'],
      ],
    );
  });

  it('timeless lines that open with a tag holding a pid still have it as their header', () => {
    const lines = ['cron[4411]: job started', 'cron[4412]: job finished', 'cron(pam_unix)[4413]: session closed for user root'];
    const result = parsed(lines);
    assert.deepEqual(
      result.map((p) => p.message),
      ['job started', 'job finished', 'session closed for user root'],
    );
    assert.equal(result[0].component, 'cron[4411]');
  });
});
