// Property tests of the line parsers (issue 11): any log line under any supported envelope or prefix, with LF or CRLF
// endings, with or without a byte-order mark, yields the same level, time and message as the line on its own.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLineParser } from '../../../servers/logs/format/detect';
import { LEVELS, type Level } from '../../../servers/logs/format/types';

interface Entry {
  /** Epoch ms, UTC. */
  time: number;
  level: Exclude<Level, 'TRACE'>;
  message: string;
}

/** How each level is spelled in the inner line, and the syslog severity an envelope might (wrongly) give it. */
const SPELLING: Record<Entry['level'], string> = { DEBUG: 'DEBUG', INFO: 'INFO', WARN: 'WARN', ERROR: 'ERROR', FATAL: 'FATAL' };

const entryArb: fc.Arbitrary<Entry> = fc.record({
  time: fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2099, 0, 1) }),
  level: fc.constantFrom('DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'),
  // Messages start with a letter and hold no header-like punctuation, so that the line on its own has one reading.
  message: fc.stringMatching(/^[a-z][a-z0-9 .,_/-]{0,40}[a-z0-9]$/).filter((m) => !/\s{2}/.test(m)),
});

const iso = (ms: number) => new Date(ms).toISOString();
/** The inner line as an application writes it: ISO time (UTC), level word, message. */
const inner = (e: Entry) => `${iso(e.time)} ${SPELLING[e.level]} ${e.message}`;
const nano = (ms: number) => iso(ms).replace('Z', '000321Z');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const rfc3164Time = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${months[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/** Every supported envelope or prefix around the inner line (`pri`: a transport severity, 0..7, that must not win). */
const ENVELOPES: Record<string, (e: Entry, pri: number) => string> = {
  plain: (e) => inner(e),
  docker: (e) => JSON.stringify({ log: `${inner(e)}\n`, stream: e.level === 'ERROR' ? 'stderr' : 'stdout', time: nano(e.time) }),
  'fluent-bit': (e) => JSON.stringify({ date: e.time / 1000, log: inner(e), stream: 'stderr', kubernetes: { pod_name: 'web-0', namespace_name: 'prod' } }),
  fluentd: (e) => JSON.stringify({ message: inner(e), host: 'web-1', time: iso(e.time) }),
  journald: (e, pri) => JSON.stringify({ __REALTIME_TIMESTAMP: String(e.time * 1000), PRIORITY: String(pri), _SYSTEMD_UNIT: 'app.service', MESSAGE: inner(e) }),
  'gcp-text': (e) => JSON.stringify({ textPayload: inner(e), severity: 'DEFAULT', timestamp: nano(e.time), resource: { type: 'k8s_container' } }),
  cloudwatch: (e) => JSON.stringify({ timestamp: e.time, message: inner(e), ingestionTime: e.time + 250 }),
  cri: (e) => `${nano(e.time)} ${e.level === 'ERROR' ? 'stderr' : 'stdout'} F ${inner(e)}`,
  'syslog-5424': (e, pri) => `<${8 + pri}>1 ${iso(e.time)} host app 42 - - ${inner(e)}`,
  'syslog-5424-sd': (e, pri) => `<${16 * 8 + pri}>1 ${iso(e.time)} host app - ID7 [meta@1 k="v\\]"] \uFEFF${inner(e)}`,
  'syslog-3164': (e, pri) => `<${8 + pri}>${rfc3164Time(e.time)} host app[7]: ${inner(e)}`,
};

const endingArb = fc.record({ crlf: fc.boolean(), bom: fc.boolean() });

describe('log line parsers: properties', () => {
  for (const [name, wrap] of Object.entries(ENVELOPES)) {
    it(`${name}: same level, time and message as the bare line (LF/CRLF, with or without BOM)`, () => {
      fc.assert(
        fc.property(fc.array(entryArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 7 }), endingArb, (entries, pri, { crlf, bom }) => {
          const lines = entries.map((e, i) => `${bom && i === 0 ? '\uFEFF' : ''}${wrap(e, pri)}${crlf ? '\r' : ''}`);
          const parser = createLineParser(lines, { referenceTime: Date.UTC(2100, 0, 1) });
          entries.forEach((e, i) => {
            const parsed = parser.parse(lines[i]);
            assert.equal(parsed.level, e.level, `${lines[i]} (${parser.format.id})`);
            assert.equal(parsed.timestamp, e.time, lines[i]);
            assert.equal(parsed.message, e.message, lines[i]);
          });
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a level spelled in any case and bracketing is one level', () => {
    fc.assert(
      fc.property(entryArb, fc.constantFrom('lower', 'upper', 'bracket'), (e, style) => {
        const word = style === 'lower' ? e.level.toLowerCase() : style === 'upper' ? e.level : `[${e.level}]`;
        const line = `${iso(e.time)} ${word} ${e.message}`;
        const parsed = createLineParser([line]).parse(line);
        assert.ok(LEVELS.includes(parsed.level!));
        assert.equal(parsed.level, e.level);
      }),
      { numRuns: 100 },
    );
  });
});
