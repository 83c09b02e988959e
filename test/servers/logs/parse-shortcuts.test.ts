// Shortcuts on the per-line parsing path (format/timestamps.ts, format/header.ts, format/exception-names.ts,
// patterns/columns.ts) against the readings they shortcut: the same answer for every input, whatever was read before.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lastRedraw } from '../../../servers/logs/format/as-shown';
import { awaitsMessage } from '../../../servers/logs/format/continuation';
import { createLineParser } from '../../../servers/logs/format/detect';
import { mayBeJsonObject, parseJsonRecord, readJsonRecord, readJsonRecordByKey } from '../../../servers/logs/format/envelopes';
import { isExceptionName } from '../../../servers/logs/format/exception-names';
import { columnLevel, columnLevelIn, columnOnlyLevel, monthWordDateEnd, pipedLevel, slashLevel } from '../../../servers/logs/format/header';
import { normalizeLevel } from '../../../servers/logs/format/levels';
import { matchTimestampAt, TIMESTAMP_PATTERNS, type TimestampContext } from '../../../servers/logs/format/timestamps';
import { hasShape, shapeOfRange } from '../../../servers/logs/patterns/columns';

const pattern = (id: string) => TIMESTAMP_PATTERNS.find((p) => p.id === id)!;
const CONTEXT: TimestampContext = { referenceTime: Date.UTC(2026, 10, 30) };

/** The reading of `line` by `id` just after `before` was read by the same form (what a kept second may carry over). */
function readAfter(id: string, before: string, line: string) {
  matchTimestampAt(before, 0, pattern(id), CONTEXT);
  return matchTimestampAt(line, 0, pattern(id), CONTEXT);
}

/** The form's regex reading of `line`: what its hand-written scan must give, or leave to the regex. */
function regexReading(id: string, line: string) {
  const { regex, toEpoch } = pattern(id);
  regex.lastIndex = 0;
  const m = regex.exec(line);
  return m ? { epoch: toEpoch(m, CONTEXT), end: m[0].length } : undefined;
}

/** The characters of a time's tail: digits, separators, fractions, zones, a year, letters. */
const tailPiece = fc.constantFrom('', '0', '7', '12', '999', '.5', ',123', ':606', '.1234567891', ' ', ' 2024', ' 2024:', ' 20245', 'Z', '+02:00', ' x', ':', ':1', 'T', '|', ' PM', 'x');
const tailArb = fc.array(tailPiece, { maxLength: 3 }).map((p) => p.join(''));

describe('log intelligence: per-line parsing shortcuts', () => {
  it("a time read just after another of its second reads as its form's regex reads it", () => {
    // Each form keeps the second it read last (its text up to the seconds): a line of that second reads only what
    // follows. Lines that share the second and differ after it, and lines that differ in one digit of it (the last
    // one too), read as the regex reads them whatever was read before.
    const forms: Array<[string, fc.Arbitrary<string>]> = [
      ['compact', fc.constantFrom('20171223-22:15:29', '20171223-22:15:28', '20171223T221529', '20171223 22:15:29', '20171231-23:59:59', '20170230-10:00:00', '20171223-22:15:39', '2017122322:15:29', '10171223-22:15:29')],
      ['syslog', fc.constantFrom('Jun  4 15:16:01', 'Jun 14 15:16:01', 'jun  4 15:16:01', 'Dec 31 23:59:59', 'Nov 30 23:59:59', 'Feb 30 10:00:00', 'Jun  4 15:16:02', 'Jun   4 15:16:01', `Jun${' '.repeat(30)}4 15:16:01`, `Jun${' '.repeat(30)}4 15:16:02`)],
      ['iso', fc.constantFrom('2026-01-05T08:00:00', '2026-01-05 08:00:00', '2026/01/05 08:00:00', '2026-12-31T23:59:59', '2026-01-05T08:00:01', '2026-02-30T08:00:00', '2026-01-05T08:00:11', '1026-01-05T08:00:00')],
    ];
    for (const [id, second] of forms) {
      fc.assert(
        fc.property(second, tailArb, second, tailArb, (firstSecond, firstTail, lineSecond, lineTail) => {
          const line = lineSecond + lineTail;
          assert.deepEqual(readAfter(id, firstSecond + firstTail, line), regexReading(id, line), `${id}: ${JSON.stringify(line)} after ${JSON.stringify(firstSecond + firstTail)}`);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it("finds a month word's date where the reading without its shortcut does", () => {
    const piece = fc.constantFrom('mars', 'Mai', 'avril', 'okt', 'okt.', 'févr.', 'juil', 'abc', 'abcdef', 'ab', 'a', ' ', '  ', '.', '3', '12', '123', ' 14:30:16', '14:30:16', '.5', ',25', ':', 'x', '\t');
    const lineArb = fc.array(piece, { maxLength: 7 }).map((p) => p.join(''));
    fc.assert(
      fc.property(lineArb, (line) => {
        for (let position = 0; position <= line.length; position++) assert.equal(monthWordDateEnd(line, position), monthWordDateEndUnshortened(line, position), `${JSON.stringify(line)} at ${position}`);
      }),
      { numRuns: 4000 },
    );
    assert.equal(monthWordDateEnd('mars 25 14:30:16 host', 0), 16);
    assert.equal(monthWordDateEnd('avril 3 10:20:30', 0), 16);
    assert.equal(monthWordDateEnd('févr. 3 10:20:30', 0), 16);
  });

  it('names an exception where the reading without its shortcut does', () => {
    const piece = fc.constantFrom('java', '.', 'net', 'Connect', 'Exception', 'Error', 'Fault', 'Errors', 'n', 'r', 't', '$', '_', ' ', '-', '1', 'é', '');
    const nameArb = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.constantFrom('', 'x '), nameArb, fc.constantFrom('', ': rest'), (lead, name, rest) => {
        const text = lead + name + rest;
        const start = lead.length;
        for (let end = start; end <= start + name.length; end++) assert.equal(isExceptionName(text, start, end), isExceptionNameUnshortened(text, start, end), `${JSON.stringify(text)} [${start}, ${end})`);
      }),
      { numRuns: 3000 },
    );
  });

  it("settles a column's shape as the whole column's shape does", () => {
    const piece = fc.constantFrom('a', 'Z', 'é', '5', '0', '12', '-', '.', ':', 'x1', '1x', 'ab', '_');
    const tokenArb = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.constantFrom('', 'ab '), tokenArb, fc.constantFrom('', ' rest 12'), fc.constantFrom('number' as const, 'id' as const), (lead, token, rest, shape) => {
        const text = lead + token + rest;
        const start = lead.length;
        const end = start + token.length;
        assert.equal(hasShape(text, start, end, shape), shapeOfRange(text, start, end) === shape, `${JSON.stringify(token)} as ${shape}`);
      }),
      { numRuns: 4000 },
    );
  });
  it("reads a column's level where the reading without its quick refusal does", () => {
    // Words near the level words (their letters in any case, a letter changed, digits, `_`), and characters whose lower
    // case is ASCII or longer (the Kelvin sign, `İ`), and the localized names' scripts.
    const piece = fc.constantFrom('info', 'INFO', 'Warn', 'warning', 'ERR', 'erro', 'trace4', 'DEBUG5', 'debug9', 'LOG', 'Log', 'fehler', 'WARNUNG', 'Critique', 'crítico', 'INFORMACIÓN', 'ОШИБКА', '심각', 'エラー', 'am feinsten', 'AM FEINSTEN', 'e', 'I', '_', '4', '1', ' ', '\u212a', '\u0130', 'x', 'Q', '-', '.', 'ü', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), (pieces) => {
        const value = pieces.join('');
        assert.equal(columnLevel(value), columnOnlyLevel(value) ?? pipedLevel(value), JSON.stringify(value));
      }),
      { numRuns: 20000 },
    );
    for (const value of ['4611', 'Sele_Mgr', 'pool-0-thread-1', '', 'INFO', 'critical', 'LOG']) assert.equal(columnLevel(value), columnOnlyLevel(value) ?? pipedLevel(value), value);
  });

  it("reads a column's level between its separators as the trimmed copy of it reads", () => {
    const piece = fc.constantFrom('INFO', 'warn', 'Fehler', 'LOG', '심각', 'am feinsten', 'Sele_Mgr', '4611', 'x', '|', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', '\u212a', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === start ? 0 : b % (text.length - start + 1));
        assert.equal(columnLevelIn(text, start, end), columnLevel(text.slice(start, end).trim()), JSON.stringify([text, start, end]));
      }),
      { numRuns: 20000 },
    );
  });

  it('finds an empty message (a header awaiting its text below) where the regex alone does', () => {
    const piece = fc.constantFrom('', ' ', '  ', '\t', '\r', '\n', '\v', '\u00a0', '\u3000', '\u2028', '\ufeff', 'Listener', 'c.e.Report', ':', '|', '-', '--', 'x y', '0', 'é', '：');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        const message = pieces.join('');
        assert.equal(awaitsMessage({ message, timestamp: 0, level: 'INFO' }), EMPTY_MESSAGE_UNSHORTENED.test(message), JSON.stringify(message));
      }),
      { numRuns: 20000 },
    );
  });

  it('a JSON record read by one walk over its keys reads as it does key by key', () => {
    // readJsonRecord finds the first key of each list (text, level, time, component) by one walk over the record's own
    // keys; readJsonRecordByKey looks each listed key up in order, nested `a.b` keys too. Records mix listed keys
    // (flat, dotted, and the parents of dotted ones), in any order, holding strings, numbers, null, objects, arrays.
    const keyArb = fc.constantFrom(
      'log', 'MESSAGE', 'textPayload', 'message', 'msg', '@m', 'text', 'event', 'body', 'Body', 'M', 'jsonPayload', 'jsonPayload.message', 'jsonPayload.msg',
      'level', 'severity', 'lvl', 'log.level', 'priority', 'PRIORITY', 'jsonPayload.level', 'jsonPayload.severity', 'L', 's', 'SeverityText',
      'timestamp', 'time', 'ts', '@timestamp', 't', '__REALTIME_TIMESTAMP', 'Timestamp', 'T', 'logger', 'name', 'component', 'SYSLOG_IDENTIFIER',
      'stream', 'thread', 'other', '0',
      // An access record's request and status (accessStatusLevel, asked during the walk since speed31).
      'request', 'req', 'method', 'uri', 'status', 'status_code', 'res',
    );
    const leafArb = fc.oneof(
      fc.constantFrom('hello world', 'error', 'WARN', '2026-01-05T08:00:00.000Z', '1733097600123', 'x\n', '', 'GET /x HTTP/1.1', '/health', 'POST'),
      fc.constantFrom(3, 1733097600, 1733097600123, 0, 404, 503),
      fc.constant(null),
      fc.constant([104, 105]),
    );
    const nestedArb = fc.dictionary(fc.constantFrom('message', 'msg', 'level', 'severity', 'other', 'method', 'statusCode'), leafArb, { maxKeys: 3 });
    const recordArb = fc.dictionary(keyArb, fc.oneof(leafArb, leafArb, nestedArb), { maxKeys: 8 });
    fc.assert(
      fc.property(recordArb, (record) => {
        assert.deepEqual(readJsonRecord(record, CONTEXT), readJsonRecordByKey(record, CONTEXT), JSON.stringify(record));
      }),
      { numRuns: 3000 },
    );
  });

  it('a JSON access record read by one walk finds its request whichever request keys stand after it', () => {
    // The walk keeps the first request key that names a request: a request id or a job's object after it changes nothing.
    const records: [Record<string, unknown>, string | undefined][] = [
      [{ method: 'GET', req: '7f3a', status: 503, level: 'info', msg: 'x' }, 'ERROR'],
      [{ req: '7f3a', method: 'GET', status: 404, msg: 'x' }, 'WARN'],
      [{ request: { method: 'GET' }, uri: 'r2', status: 500, level: 'info', msg: 'x' }, 'ERROR'],
      [{ request: { id: 'r2' }, req: '7f3a', status: 500, level: 'info', msg: 'x' }, 'INFO'],
    ];
    for (const [record, level] of records) {
      assert.equal(readJsonRecord(record, CONTEXT).level, level, JSON.stringify(record));
      assert.deepEqual(readJsonRecord(record, CONTEXT), readJsonRecordByKey(record, CONTEXT), JSON.stringify(record));
    }
  });

  it('reads a JSON record where JSON.parse alone does (no text refused before it that it reads as an object)', () => {
    // Texts around a brace: JSON values written with white space JSON has (space, tab, CR, LF) and has not (NBSP, BOM,
    // vertical tab), cut short, with text after them, or a header's message that opens with a brace; at a line's start
    // and after a prefix (the offset reading).
    const space = fc.constantFrom('', ' ', '\t', '\r', '\n', '  \r\n', '\u00a0', '\ufeff', '\u000b');
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }));
    const written = fc.tuple(value, fc.constantFrom(undefined, 1, '\t')).map(([v, indent]) => JSON.stringify(v, null, indent) ?? 'null');
    const text = fc
      .tuple(fc.constantFrom('', '  ', '\t', 'INFO ', '[x] ', 'app.log:'), space, written, space, fc.constantFrom('', '}', ' trailing', '{cps.server:200} Starting', '{', ',', '"'), fc.nat(40))
      .map(([prefix, before, json, after, tail, cut]) => `${prefix}${before}${json.slice(0, cut % 7 === 0 ? cut : json.length)}${after}${tail}`);
    const reference = (line: string, offset: boolean): unknown => {
      let start = 0;
      while (line[start] === ' ' || line[start] === '\t') start++;
      if (line[start] !== '{') {
        if (!offset) return undefined;
        start = line.indexOf('{');
        if (start < 0 || start > 64) return undefined;
      }
      try {
        const v: unknown = JSON.parse(line.slice(start));
        return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(text, fc.boolean(), (line, offset) => assert.deepEqual(parseJsonRecord(line, offset), reference(line, offset), JSON.stringify(line))),
      { numRuns: 20000 },
    );
    for (const object of ['{}', '{ }', '{\t"a":1}\r\n', '\n{"a":{"b":[]}}\n ']) assert.equal(mayBeJsonObject(object, object.indexOf('{')), true, JSON.stringify(object));
  });

  it("a header's message that opens with a brace and is no JSON object is read without JSON.parse throwing", () => {
    // Calibre-Web writes its logger and line in braces after the level (`{cps.server:218} Starting …`): every line was
    // tried as a JSON record, and each try threw a SyntaxError (ten parsed lines' time and more).
    const lines = [
      '[2024-08-19 18:21:46,708]  INFO {cps.server:218} Starting Gevent server on [::]:8083',
      '[2024-08-19 18:23:41,590]  INFO {cps.admin:1512} Update status requested',
      '[2024-08-19 18:24:31,531] ERROR {cps.helper:978} Downloading file failed: {"code": 500}',
      '[2024-08-19 18:25:02,117]  WARN { cps.web:1231 } Serving book: x',
      '[2024-08-19 18:26:00,001]  INFO {',
    ];
    const parser = createLineParser(lines, CONTEXT);
    const parse = JSON.parse;
    let thrown = 0;
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => {
      try {
        return parse(...args);
      } catch (error) {
        thrown++;
        throw error;
      }
    };
    try {
      for (const line of lines) assert.equal(parser.parse(line).level !== undefined, true, line);
    } finally {
      JSON.parse = parse;
    }
    assert.equal(thrown, 0);
  });

  it("finds a line's last redraw where the reading without its shortcut does", () => {
    // lastRedraw asks first whether the line holds a carriage return at all (indexOf), then where the last one not
    // ending the line is: the same text as the reading that looked for the last one first.
    const piece = fc.constantFrom('\r', '\r\r', 'a', 'INFO x', ' ', '  ', '\n', '12%|##', '2026-01-05 08:00:00 ERROR bad');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (line) => {
        assert.equal(lastRedraw(line), lastRedrawFromEnd(line), JSON.stringify(line));
      }),
      { numRuns: 4000 },
    );
  });

  it("a bracket's level after a slash is found where the reading without its shortcut finds it", () => {
    // slashLevel looks for the last `/` only in the 16 characters before the bracket's close and after its start: lines
    // with slashes and brackets anywhere, every range.
    const piece = fc.constantFrom('[', ']', ']:', '/', '/INFO]', '/warn]', 'Server thread', ' ', '-', 'x', '12', 'a/b', '/'.repeat(3), 'x'.repeat(14), 'x'.repeat(20), '/ERROR');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.nat(), fc.nat(), (line, a, b) => {
        const start = line.length === 0 ? 0 : a % (line.length + 1);
        const end = start + (line.length === 0 ? 0 : b % (line.length + 1 - start));
        assert.equal(slashLevel(line, start, end), slashLevelUnshortened(line, start, end), `${JSON.stringify(line)} [${start}, ${end})`);
      }),
      { numRuns: 6000 },
    );
    assert.equal(slashLevel('[Server thread/INFO]: Done', 0, 20), 'INFO');
  });
});

/** header.ts monthWordDateEnd as it read before its shortcut (a letter run of 3-5, `.`, spaces, a day, a time). */
function monthWordDateEndUnshortened(line: string, position: number): number {
  const isDigit = (c: number) => c >= 48 && c <= 57;
  const isMonthLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
  let at = position;
  while (at - position < 6 && isMonthLetter(line.charCodeAt(at))) at++;
  if (at - position < 3 || at - position > 5) return -1;
  if (line.charCodeAt(at) === 46) at++;
  if (line.charCodeAt(at) !== 32) return -1;
  while (line.charCodeAt(at) === 32) at++;
  const dayStart = at;
  while (isDigit(line.charCodeAt(at)) && at - dayStart < 3) at++;
  if (at === dayStart || at - dayStart > 2 || line.charCodeAt(at) !== 32) return -1;
  at++;
  if (!isDigit(line.charCodeAt(at)) || !isDigit(line.charCodeAt(at + 1)) || line.charCodeAt(at + 2) !== 58) return -1;
  if (!isDigit(line.charCodeAt(at + 3)) || !isDigit(line.charCodeAt(at + 4)) || line.charCodeAt(at + 5) !== 58) return -1;
  if (!isDigit(line.charCodeAt(at + 6)) || !isDigit(line.charCodeAt(at + 7))) return -1;
  at += 8;
  if (line.charCodeAt(at) === 46 || line.charCodeAt(at) === 44) for (at++; isDigit(line.charCodeAt(at)); at++);
  return at >= line.length || /\s/.test(line[at]) ? at : -1;
}

/** continuation.ts EMPTY_MESSAGE, as awaitsMessage read it before its shortcut. */
const EMPTY_MESSAGE_UNSHORTENED = /^\s*(?:\S+\s+[:|-])?\s*$/;

/** exception-names.ts isExceptionName as it read before its shortcut. */
function isExceptionNameUnshortened(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  return ['Exception', 'Error', 'Fault'].some((suffix) => name.endsWith(suffix)) && /^[\w$.]*$/.test(name);
}

/** as-shown.ts lastRedraw as it read before its indexOf shortcut (a line of only "\r"s gives ''). */
function lastRedrawFromEnd(line: string): string | undefined {
  const at = line.lastIndexOf('\r');
  if (at < 0) return undefined;
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 13) end--;
  const last = line.lastIndexOf('\r', end - 1);
  return last < 0 ? undefined : line.slice(last + 1, end);
}

/**
 * header.ts slashLevel as it read before its shortcut (lastIndexOf from the bracket's close), for the test's level words
 * (INFO, warn, ERROR: SLASH_LEVEL_AT's other words are not generated).
 */
function slashLevelUnshortened(line: string, position: number, end: number) {
  const close = line.charCodeAt(end - 1) === 93 ? end - 1 : end - 2;
  const slash = line.lastIndexOf('/', close);
  if (slash <= position || close - slash > 16) return undefined;
  const at = /\/(info|warn|error)\]/iy;
  at.lastIndex = slash;
  const m = at.exec(line);
  return m && slash + m[0].length === close + 1 ? normalizeLevel(m[1]) : undefined;
}
