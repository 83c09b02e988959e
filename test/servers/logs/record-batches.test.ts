// leftovers23: an AWS CloudTrail file is one JSON document (`{"Records":[{…},{…}]}`, on one line or pretty-printed) and an
// OpenTelemetry collector's file exporter writes one export request a line, each holding many records: read line by
// line, such a file was one record without time or level, and error_summary said nothing of its failed calls. Their
// records are now read one to a line, CloudTrail's errorCode as the error, OTLP's timeUnixNano as the time; the
// documents are streamed, one record's bytes held at most.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MAX_RECORD_BYTES, MAX_SERVICE_CHARS, splitRecordBatches, startsAsRecordBatch, type UnsourcedRecords } from '../../../servers/logs/io/record-batches';
import { callStructured, startBuiltServer, type StartedServer } from '../../support/mcp-client';

const RECORDS = [
  { eventVersion: '1.08', userIdentity: { type: 'IAMUser', userName: 'alice' }, eventTime: '2026-12-03T05:00:01Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', awsRegion: 'us-east-1', requestParameters: { bucketName: 'logs', key: 'a\nb "quoted" {not a brace}' } },
  { eventVersion: '1.08', userIdentity: { type: 'IAMUser', userName: 'bob' }, eventTime: '2026-12-03T05:00:02Z', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' },
  { eventVersion: '1.08', eventTime: '2026-12-03T05:00:03Z', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', errorCode: 'AccessDenied', errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } },
];
const otlpBatch = (at: number) => ({
  resourceLogs: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
      scopeLogs: [
        {
          scope: { name: 'app' },
          logRecords: [
            { timeUnixNano: `${at}000000000`, severityNumber: 9, severityText: 'INFO', body: { stringValue: 'request served' } },
            { timeUnixNano: `${at + 1}000000000`, severityNumber: 17, severityText: 'ERROR', body: { stringValue: 'database connection refused' } },
          ],
        },
      ],
    },
  ],
});

/** The lines splitRecordBatches gives for `text` fed in pieces of `size` bytes, and the records it cut. */
async function split(text: string | Buffer, size: number): Promise<{ lines: string[]; cut: number }> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  let cut = 0;
  const pieces = async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
  const out: Buffer[] = [];
  for await (const piece of splitRecordBatches(pieces(), (n) => (cut = n))) out.push(piece);
  return { lines: Buffer.concat(out).toString('utf8').split('\n').filter((l) => l !== ''), cut };
}

describe('logs: CloudTrail and OTLP/JSON batches are read one record to a line (leftovers23)', function () {
  this.timeout(120_000);

  it('tells a document of record batches by its start', () => {
    assert.ok(startsAsRecordBatch(Buffer.from('{"Records":[{"eventTime":"x"}]}')));
    assert.ok(startsAsRecordBatch(Buffer.from('{\n  "Records": [\n    {')));
    assert.ok(startsAsRecordBatch(Buffer.from('{"resourceLogs":[{"resource":{}}]}')));
    assert.ok(!startsAsRecordBatch(Buffer.from('{"level":"info","msg":"Records: [1]"}')));
    assert.ok(!startsAsRecordBatch(Buffer.from('2026-12-03 INFO {"Records":[]}')));
  });

  it('splits one-line and pretty-printed CloudTrail alike, cut at any byte, each record with its error as its level', async () => {
    for (const text of [JSON.stringify({ Records: RECORDS }), JSON.stringify({ Records: RECORDS }, null, 2)]) {
      for (const size of [1, 7, 64, text.length]) {
        const { lines } = await split(text, size);
        assert.equal(lines.length, 3, `${size}: ${lines.join('\n')}`);
        const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        assert.deepEqual(records.map((r) => [r.level, r.message, r.source, r.eventTime]), [
          ['INFO', 'GetObject', 's3.amazonaws.com', '2026-12-03T05:00:01Z'],
          ['ERROR', 'RunInstances failed: Client.UnauthorizedOperation: You are not authorized to perform this operation.', 'ec2.amazonaws.com', '2026-12-03T05:00:02Z'],
          ['ERROR', 'ConsoleLogin failed: AccessDenied: Failed authentication', 'signin.amazonaws.com', '2026-12-03T05:00:03Z'],
        ]);
        assert.deepEqual((records[0].requestParameters as Record<string, unknown>).key, RECORDS[0].requestParameters!.key, 'the record is kept whole');
      }
    }
  });

  // A hostile record nesting 2,000,000 arrays deep (`[[[[…]]]]`, with a `]` inside a string among them): frames beyond
  // the record arrays' depth are counted, not kept, and the records after it still split.
  it('reads a record nested 2,000,000 deep in bounded frames, and the records after it', async () => {
    const depth = 2_000_000;
    const deep = `{"eventName":"Deep","eventTime":"2026-12-03T05:00:00Z","eventSource":"x","p":${'['.repeat(depth)}"]"${']'.repeat(depth)}}`;
    const text = `{"Records":[${JSON.stringify(RECORDS[0])},${deep},${JSON.stringify(RECORDS[1])}]}`;
    const before = process.memoryUsage().heapUsed;
    const { lines, cut } = await split(text, 4096);
    assert.equal(lines.length, 3, lines.map((l) => l.slice(0, 80)).join('\n'));
    // The deep record is 4 MB: cut at MAX_RECORD_BYTES, given as its text.
    assert.equal(cut, 1);
    assert.ok(lines[1].startsWith('{"eventName":"Deep"'), lines[1].slice(0, 80));
    assert.deepEqual([lines[0], lines[2]].map((l) => (JSON.parse(l) as { eventName: string }).eventName), ['GetObject', 'RunInstances']);
    // 200,000 deep fits in MAX_RECORD_BYTES: JSON.parse reads it, JSON.stringify overflows its stack; its text is given.
    const shallower = `{"eventName":"Deep","eventTime":"2026-12-03T05:00:00Z","p":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const kept = await split(`{"Records":[${shallower},${JSON.stringify(RECORDS[1])}]}`, 4096);
    assert.equal(kept.cut, 0);
    assert.equal(kept.lines.length, 2);
    assert.ok(kept.lines[0].startsWith('{"eventName":"Deep"'), kept.lines[0].slice(0, 80));
    // A frame per `[` (with its key path) cost well over 100 MB here.
    assert.ok(process.memoryUsage().heapUsed - before < 64 * 1024 * 1024, `${Math.round((process.memoryUsage().heapUsed - before) / 1048576)} MB`);
  });

  it('splits OTLP export requests, one a line, with each record\'s time and body', async () => {
    const { lines } = await split(`${JSON.stringify(otlpBatch(1796274001))}\n${JSON.stringify(otlpBatch(1796274101))}\n`, 13);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(records.map((r) => [r.time, r.severityText, r.message]), [
      ['2026-12-03T05:00:01.000Z', 'INFO', 'request served'],
      ['2026-12-03T05:00:02.000Z', 'ERROR', 'database connection refused'],
      ['2026-12-03T05:01:41.000Z', 'INFO', 'request served'],
      ['2026-12-03T05:01:42.000Z', 'ERROR', 'database connection refused'],
    ]);
  });

  it('leftovers24: an OTLP record carries its resource\'s service.name as its source, the resource before or after its records', async () => {
    const record = (message: string) => ({ timeUnixNano: '1796274001000000000', severityText: 'ERROR', body: { stringValue: message } });
    const resource = (name: string) => ({ attributes: [{ key: 'host.name', value: { stringValue: 'web-1' } }, { key: 'service.name', value: { stringValue: name } }] });
    // The collector writes `resource` first; OTLP/JSON lets it follow `scopeLogs`; a resource may name no service.
    const request = {
      resourceLogs: [
        { resource: resource('checkout'), scopeLogs: [{ logRecords: [record('card declined'), record('timeout')] }] },
        { scopeLogs: [{ logRecords: [record('disk full'), 'a string record'] }], resource: resource('billing') },
        { resource: { attributes: [] }, scopeLogs: [{ logRecords: [record('no service')] }] },
        { scopeLogs: [{ logRecords: [record('no resource')] }] },
      ],
    };
    for (const text of [JSON.stringify(request), JSON.stringify(request, null, 2)]) {
      for (const size of [1, 7, text.length]) {
        const { lines } = await split(text, size);
        const read = lines.map((l) => (l.startsWith('{') ? (JSON.parse(l) as Record<string, unknown>) : { message: l }));
        assert.deepEqual(read.map((r) => [r.message, r.source]), [
          ['card declined', 'checkout'],
          ['timeout', 'checkout'],
          ['disk full', 'billing'],
          // leftovers25: a string record is its resource's too (it had no source).
          ['a string record', 'billing'],
          ['no service', undefined],
          ['no resource', undefined],
        ], `${size}`);
      }
    }
  });

  // rev24: the 4 MiB bound on records held for a resource that comes after them counted their bytes only; held one
  // object and one copy each, a million `{}` records (3 MB of file) took about 300 MB of heap before their resource came.
  it('rev24: records held for a later resource cost about their bytes, a million tiny ones too', async () => {
    const count = 1_000_000;
    const text = Buffer.from(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[${'{},'.repeat(count - 1)}{}]}],"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"api"}}]}}]}\n`);
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const base = used();
    let peak = 0;
    const pieces = async function* () {
      for (let at = 0; at < text.length; at += 65_536) {
        yield text.subarray(at, at + 65_536);
        peak = Math.max(peak, used() - base);
      }
    };
    let lines = 0;
    let last: Buffer = Buffer.alloc(0);
    for await (const piece of splitRecordBatches(pieces())) {
      for (const byte of piece) if (byte === 0x0a) lines++;
      last = piece;
    }
    assert.equal(lines, count);
    assert.deepEqual(JSON.parse(last.toString('utf8').trimEnd().split('\n').at(-1)!), { source: 'api' });
    assert.ok(peak < 150 * 1024 * 1024, `peak heap growth ${Math.round(peak / 1e6)} MB while holding ${text.length} bytes of records`);
  });

  // rev24: records given without their service (4 MiB of them before their resource, or a resource too long to read)
  // were given so in silence, and a search for that service's records missed them with no word why.
  it('rev24: counts the records read without the service their resource names, and why', async () => {
    const record = (message: string, size = 0) => ({ timeUnixNano: '1796274001000000000', body: { stringValue: message + 'x'.repeat(size) } });
    const named = (name: string, pad = 0) => ({ attributes: [{ key: 'host.arch', value: { stringValue: 'y'.repeat(pad) } }, { key: 'service.name', value: { stringValue: name } }] });
    const request = {
      resourceLogs: [
        // 8 records of 600 KB before the resource: past 4 MiB, all 8 go without it.
        { scopeLogs: [{ logRecords: Array.from({ length: 8 }, (_, i) => record(`late ${i} `, 600_000)) }], resource: named('api') },
        // The same before a resource that names no service: nothing was lost.
        { scopeLogs: [{ logRecords: Array.from({ length: 8 }, (_, i) => record(`none ${i} `, 600_000)) }], resource: { attributes: [] } },
        // A resource of 70 KB: 2 records before it, 1 after.
        { scopeLogs: [{ logRecords: [record('a'), record('b')] }], resource: named('web', 70_000), instrumentationLibraryLogs: [{ logRecords: [record('c')] }] },
        { resource: named('db'), scopeLogs: [{ logRecords: [record('d')] }] },
      ],
    };
    const bytes = Buffer.from(JSON.stringify(request));
    let counts: UnsourcedRecords | undefined;
    const pieces = async function* () {
      for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
    };
    const out: Buffer[] = [];
    for await (const piece of splitRecordBatches(pieces(), undefined, (c) => (counts = c))) out.push(piece);
    const sources = Buffer.concat(out).toString('utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as Record<string, unknown>).source);
    assert.deepEqual(sources, [...Array(19).fill(undefined), 'db']);
    assert.deepEqual(counts, { late: 8, longResource: 3 });
  });

  // rev24: every record of a resource carries its service.name: a 60,000-character one made each `{}` record a 60 KB
  // line (120 KB of file, 1.2 GB of lines). The name is cut at MAX_SERVICE_CHARS.
  it('rev24: a service.name of 60,000 characters is cut, and a file of tiny records does not expand without bound', async () => {
    const count = 20_000;
    const name = `${'s'.repeat(MAX_SERVICE_CHARS - 1)}😀${'t'.repeat(60_000)}`;
    const text = Buffer.from(`{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"${name}"}}]},"scopeLogs":[{"logRecords":[${'{},'.repeat(count - 1)}{}]}]}]}\n`);
    const pieces = async function* () {
      for (let at = 0; at < text.length; at += 65_536) yield text.subarray(at, at + 65_536);
    };
    let bytes = 0;
    let first: string | undefined;
    for await (const piece of splitRecordBatches(pieces())) {
      bytes += piece.length;
      first ??= piece.toString('utf8').split('\n')[0];
    }
    assert.deepEqual(JSON.parse(first!), { source: `${'s'.repeat(MAX_SERVICE_CHARS - 1)}…` }, 'cut before the character written as two');
    assert.ok(bytes < 100 * text.length, `${bytes} bytes of lines from ${text.length} bytes of file`);
  });

  it('holds one record at most: a record past MAX_RECORD_BYTES is cut and counted, the next read whole', async () => {
    const big = { eventTime: '2026-12-03T05:00:00Z', eventSource: 'x.amazonaws.com', eventName: 'PutObject', requestParameters: { blob: 'y'.repeat(MAX_RECORD_BYTES + 10) } };
    const { lines, cut } = await split(JSON.stringify({ Records: [big, RECORDS[1]] }), 65_536);
    assert.equal(cut, 1);
    assert.equal(lines.length, 2);
    assert.ok(Buffer.byteLength(lines[0]) <= MAX_RECORD_BYTES + 1, `${Buffer.byteLength(lines[0])}`);
    assert.equal((JSON.parse(lines[1]) as { eventName: string }).eventName, 'RunInstances');
  });

  it('break32: a record whose time is out of a date\'s range, or not a whole count, is read without its time, never stopping the file', async () => {
    const logRecords = ['9999999999999999999999999', 1e30, 1.5e18 + 0.5, 'abc', '1796274001000000000'].map((t, n) => ({ timeUnixNano: t, body: { stringValue: `record ${n}` } }));
    const { lines } = await split(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords }] }] }), 11);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(records.map((r) => [r.message, r.time]), [
      ['record 0', undefined],
      ['record 1', undefined],
      ['record 2', '2017-07-14T02:40:00.000Z'],
      ['record 3', undefined],
      ['record 4', '2026-12-03T05:00:01.000Z'],
    ]);
  });

  it('break32: a line of text between documents is read as it is, not dropped (its errors were lost: "errors": 0)', async () => {
    const text = `\uFEFF${JSON.stringify({ Records: [RECORDS[0]] })}\n2026-12-03 05:00:09 ERROR disk full on "/var"\n  \n${JSON.stringify({ Records: [RECORDS[1]] })}\ntrailing text`;
    for (const size of [1, 5, 64, text.length]) {
      const { lines } = await split(text, size);
      assert.deepEqual(lines.map((l) => (l.startsWith('{') ? (JSON.parse(l) as { eventName: string }).eventName : l)), ['GetObject', '2026-12-03 05:00:09 ERROR disk full on "/var"', 'RunInstances', 'trailing text'], `${size}`);
    }
  });

  it('break32: an OTLP line cut short (a collector killed mid-write) ends there; the lines after it are read', async () => {
    const line = (at: number) => JSON.stringify(otlpBatch(at));
    for (const cutAt of [40, 60, 75, 110]) {
      const text = `${line(1796274001).slice(0, cutAt)}\n${line(1796274101)}\n${line(1796274201)}\n`;
      for (const size of [1, 13, 4096]) {
        const { lines } = await split(text, size);
        const messages = lines.slice(-4).map((l) => (JSON.parse(l) as { message?: string }).message);
        assert.deepEqual(messages, ['request served', 'database connection refused', 'request served', 'database connection refused'], `cut at ${cutAt}, pieces of ${size}: ${lines.join('\n')}`);
        assert.ok(lines.length <= 5, `${cutAt}/${size}: ${lines.length}`);
      }
    }
  });

  it('break32: records one to a line at the first column are still one document (only a document\'s own start begins a new one)', async () => {
    const text = `{"Records":[\n${RECORDS.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
    for (const size of [1, 9, text.length]) {
      const { lines } = await split(text, size);
      assert.deepEqual(lines.map((l) => (JSON.parse(l) as { eventName: string }).eventName), ['GetObject', 'RunInstances', 'ConsoleLogin'], `${size}`);
    }
  });

  it('break32: a record that is no object (a string, a number) is a line of its own, not dropped', async () => {
    const text = '{"Records":["ERROR disk \\"full\\" ]", 5 , null,{"eventName":"A","eventTime":"t"}]}';
    for (const size of [1, 3, text.length]) {
      const { lines } = await split(text, size);
      assert.deepEqual(lines, ['ERROR disk "full" ]', '5', 'null', '{"level":"INFO","message":"A","eventName":"A","eventTime":"t"}'], `${size}`);
    }
  });

  // leftovers25: a string record under a resource that names its service was given as bare text, without the service.
  it('a string record of an OTLP resource that names its service carries that service as its source', async () => {
    const resource = { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] };
    const before = JSON.stringify({ resourceLogs: [{ resource, scopeLogs: [{ logRecords: ['ERROR disk full'] }] }] });
    const after = JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: ['ERROR disk full'] }], resource }] });
    const unnamed = JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: ['ERROR disk full'] }] }] });
    for (const size of [1, 7, 4096]) {
      assert.deepEqual((await split(before, size)).lines, ['{"message":"ERROR disk full","source":"api"}'], `${size}`);
      assert.deepEqual((await split(after, size)).lines, ['{"message":"ERROR disk full","source":"api"}'], `${size}`);
      assert.deepEqual((await split(unnamed, size)).lines, ['ERROR disk full'], `${size}`);
    }
  });

  describe('through the built server', () => {
    let root: string;
    let server: StartedServer;
    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'record-batches-'));
      const trail = JSON.stringify({ Records: RECORDS });
      writeFileSync(join(root, '123456789012_CloudTrail_us-east-1_20261203T0500Z_a1b2.json'), trail);
      writeFileSync(join(root, 'pretty.json'), JSON.stringify({ Records: RECORDS }, null, 2));
      writeFileSync(join(root, '123456789012_CloudTrail_us-east-1_20261203T0455Z_c3d4.json.gz'), gzipSync(trail));
      writeFileSync(join(root, 'otel.json'), `${JSON.stringify(otlpBatch(1796274001))}\n${JSON.stringify(otlpBatch(1796274101))}\n`);
      // break32: an export cut short, then a bad time, then text a wrapper wrote: each error still counted.
      writeFileSync(join(root, 'otel-cut.json'), `${JSON.stringify(otlpBatch(1796274001)).slice(0, 70)}\n${JSON.stringify(otlpBatch(1796274101)).replace('1796274101000000000', '99999999999999999999999')}\n2026-12-03 05:02:00 ERROR collector restarted\n`);
      // leftovers24: two services' records in one export request, the second resource written after its records.
      const failed = (at: number) => ({ timeUnixNano: `${at}000000000`, severityText: 'ERROR', body: { stringValue: 'connection refused to db' } });
      const service = (name: string) => ({ attributes: [{ key: 'service.name', value: { stringValue: name } }] });
      writeFileSync(join(root, 'otel-services.json'), `${JSON.stringify({ resourceLogs: [{ resource: service('checkout'), scopeLogs: [{ logRecords: [failed(1796274001)] }] }, { scopeLogs: [{ logRecords: [failed(1796274002)] }], resource: service('billing') }] })}\n`);
      // rev24: a resource too long to read for its service.name.
      writeFileSync(join(root, 'otel-long-resource.json'), `${JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: 'k8s.pod.labels', value: { stringValue: 'y'.repeat(70_000) } }, ...service('ledger').attributes] }, scopeLogs: [{ logRecords: [failed(1796274003)] }] }] })}\n`);
      server = await startBuiltServer('logs', { LOG_DIRS: root, HOME: root });
    });
    after(async () => {
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });
    const call = (name: string, args: Record<string, unknown>) => callStructured(server.client, name, args);

    it('error_summary counts the failed calls of each CloudTrail file, plain, pretty-printed and gzipped, and OTLP\'s errors', async () => {
      const summary = await call('error_summary', { wholeFile: true });
      const files = Object.fromEntries((summary.files as { file: string; errors: number }[]).map((f) => [f.file, f.errors]));
      assert.deepEqual(files, {
        '123456789012_CloudTrail_us-east-1_20261203T0500Z_a1b2.json': 2,
        '123456789012_CloudTrail_us-east-1_20261203T0455Z_c3d4.json.gz': 2,
        'pretty.json': 2,
        'otel.json': 2,
        'otel-cut.json': 2,
        'otel-services.json': 2,
        'otel-long-resource.json': 1,
      });
      assert.deepEqual(summary.notes.filter((n) => /skipped otel-cut/.test(n)), [], 'the file is read, not skipped');
      assert.match(JSON.stringify(summary.groups), /ConsoleLogin failed: AccessDenied/);
    });

    it('search_logs and recent_logs give each record as its own line, at its record number', async () => {
      const found = await call('search_logs', { pattern: 'UnauthorizedOperation', file: 'pretty.json' });
      assert.deepEqual((found.matches as { line: number }[]).map((m) => m.line), [2]);
      const recent = await call('recent_logs', { file: 'otel.json', level: 'ERROR', lines: 5 });
      assert.match(JSON.stringify(recent), /database connection refused/);
      assert.equal((recent.lines as unknown[]).length, 2);
    });

    it('leftovers24: an OTLP record\'s service is its source: search_logs finds one service\'s records, error_summary\'s examples say which', async () => {
      const found = await call('search_logs', { pattern: '"source":"billing"', file: 'otel-services.json' });
      assert.deepEqual((found.matches as { line: number; level: string }[]).map((m) => [m.line, m.level]), [[2, 'ERROR']]);
      const summary = await call('error_summary', { wholeFile: true, file: 'otel-services.json' });
      const sources = (summary.groups as { examples: { text: string }[] }[]).flatMap((g) => g.examples.map((e) => (JSON.parse(e.text) as { source?: string }).source));
      assert.deepEqual(sources.sort(), ['billing', 'checkout']);
    });

    it('rev24: a search that cannot see a record\'s service says so (its resource too long to read)', async () => {
      const found = await call('search_logs', { pattern: 'connection refused', file: 'otel-long-resource.json' });
      assert.equal((found.matches as unknown[]).length, 1);
      assert.match(JSON.stringify(found.notes), /1 OTLP record\(s\) were read without their service.name as their source \(1 under a resource longer than 64 KiB, which was not read\)/);
    });
  });
});
