// A source's records read straight from their fields (format/detect.ts createRecordParser) give what the JSON line of
// their kind gave (journalctl -o json, Docker json-file, read by createLineParser), without writing and parsing JSON
// per record; and the records that JSON line broke (an rsyslog escape decoded into it, a text over PARSE_CHARS) are
// read as their text says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLineParser, createRecordParser, stripEscapeCodes } from '../../../servers/logs/format/detect';
import { parseLine, PARSE_CHARS } from '../../../servers/logs/search/collector';
import type { SourceRecord } from '../../../servers/logs/sources/types';
import { envelopeOf, readStats, sourceLines, type SourceLine } from '../../../servers/logs/tools/source-lines';

const NOW = Date.UTC(2026, 11, 2, 12);
/** Studied excerpts of many layouts: journal lines, JSON behind a prefix, logfmt, Java and Python stacks, glog, syslog tags. */
const SYSTEMS = ['Caddy', 'Celery', 'DockerDaemon', 'HomeAssistant', 'Kafka', 'LinuxKernel', 'Systemd', 'Postfix', 'Bluetoothd', 'Elasticsearch', 'Tomcat', 'Pacemaker'];
/** rsyslog's escape of a tab or ESC: the JSON line it was decoded into was no JSON any more (see the next test). */
const SYSLOG_ESCAPE = /#0(?:11|33)/;

const fields = (parsed: object) => Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));

async function linesOf(records: SourceRecord[], kind: 'journal' | 'docker'): Promise<SourceLine[]> {
  const out: SourceLine[] = [];
  for await (const line of sourceLines((async function* () { yield* records; })(), kind, 1000, readStats())) out.push(line);
  return out;
}

describe('source records read from their fields (createRecordParser)', () => {
  for (const kind of ['journal', 'docker'] as const) {
    it(`reads every record of ${SYSTEMS.length} studied excerpts as their ${kind} JSON lines read`, () => {
      for (const system of SYSTEMS) {
        const texts = readFileSync(join('test/fixtures/real-excerpts', system, `${system}.log`), 'utf8').split('\n');
        // Every 50th record without a time; Docker's alternate streams.
        const records: SourceRecord[] = texts.map((text, i) => ({
          text: stripEscapeCodes(text),
          ...(i % 50 === 7 ? {} : { time: NOW - 3600_000 + i * 1000 }),
          ...(kind === 'docker' ? { stream: i % 3 === 0 ? ('stderr' as const) : ('stdout' as const) } : {}),
        }));
        const sample = records.slice(0, 300);
        const byLine = createLineParser(sample.map((r) => envelopeOf(r, kind)), { referenceTime: NOW });
        const byRecord = createRecordParser(kind === 'journal' ? 'journald' : 'docker-json', sample, { referenceTime: NOW, maxChars: PARSE_CHARS });
        assert.equal(byRecord.format.id, byLine.format.id, system);
        for (const record of records) {
          if (SYSLOG_ESCAPE.test(record.text)) continue;
          assert.deepEqual(fields(byRecord.parse(record)), fields(parseLine(byLine, envelopeOf(record, kind))), `${system}: ${record.text}`);
        }
      }
    });
  }

  it('reads an entry holding rsyslog\'s escape of a tab by its own header (its JSON line, decoded, was no JSON: no level, no time)', async () => {
    const texts = ['INFO:#011Creating new client for protocol "rdp"', 'INFO:#011Connection ID is "$e65a8898"', 'ERROR:#011User "bob" failed to authenticate'];
    const records = texts.map((t, i) => ({ text: `Jan 29 19:08:0${i} bc guacd: guacd[1244]: ${t}`, time: NOW + i * 1000 }));
    const lines = await linesOf([...records, ...records], 'journal');
    assert.deepEqual(lines.slice(0, 3).map((l) => [l.level, l.timestamp, l.message.endsWith(texts[lines.indexOf(l)].slice(11))]), [
      ['INFO', NOW, true],
      ['INFO', NOW + 1000, true],
      ['ERROR', NOW + 2000, true],
    ]);
  });

  it('reads a record over PARSE_CHARS by its start (its JSON line, cut there, was no JSON)', async () => {
    const long = `ERROR db: query failed ${'x'.repeat(PARSE_CHARS + 10)}`;
    for (const kind of ['journal', 'docker'] as const) {
      const lines = await linesOf([{ text: 'INFO db: connected', time: NOW }, { text: long, time: NOW + 1000 }], kind);
      assert.deepEqual(lines.map((l) => [l.level, l.timestamp]), [['INFO', NOW], ['ERROR', NOW + 1000]], kind);
      assert.match(lines[1].message, /^query failed x+$/, kind);
    }
  });
});
