// One statement printed in several renderings inside one file (a daemon's own line and its syslog copy, a logger's
// structured record and its console line, a bare print and the logger-prefixed copy): the message the miner is given
// is the same text whatever rendering carried it, while each line keeps its own level, time and component. Real lines
// from public bug reports (test/fixtures/real-excerpts, batch 11) with neighbours that must stay as they are.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('one statement in several renderings of one file', () => {
  it('a program tag repeated behind the syslog tag, and rsyslog\'s #011 tab, are header: the statement meets its bare line', () => {
    // Guacamole's guacd: its own `guacd[pid]: LEVEL:\t` line to stderr, captured by the journal under `guacd:`.
    const lines = [
      'Jan 29 19:08:05 bc guacd: guacd[1244]: INFO:#011Creating new client for protocol "rdp"',
      'Jan 29 19:08:05 bc guacd[1244]: Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Jan 29 19:08:05 bc guacd: guacd[1244]: INFO:#011Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Jan 29 19:08:05 bc guacd[9642]: Support for protocol "rdp" is not installed',
      'Jan 29 19:08:05 bc guacd: guacd[9642]: WARNING:#011Support for protocol "rdp" is not installed',
      'Jan 29 19:08:05 bc guacd[1244]: Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Jan 29 19:08:05 bc guacd: guacd[1244]: INFO:#011Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Jan 29 19:08:35 bc guacd[1244]: Creating new client for protocol "rdp"',
      'Aug 23 09:40:20 dc-terminal guacd[37488]: guacd[37488]: WARNING:        FreeRDP initialization may fail',
      // Neighbours: a tag repeated with no level after it is the message's (no header of the program's own), and a
      // `#012` (an escaped newline inside a record) stays as written.
      'Jan 29 19:08:36 bc kernel: kernel[0]: stray text after a tag',
      'Jan 29 19:08:37 bc app[7]: ticket #012 closed',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), [
      'Creating new client for protocol "rdp"',
      'Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Connection ID is "$e65a8898-bbaa-413e-9f10-c526a5f2a91d"',
      'Support for protocol "rdp" is not installed',
      'Support for protocol "rdp" is not installed',
      'Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Connection "$e65a8898-bbaa-413e-9f10-c526a5f2a91d" removed.',
      'Creating new client for protocol "rdp"',
      'FreeRDP initialization may fail',
      'kernel[0]: stray text after a tag',
      'ticket #012 closed',
    ]);
    assert.deepEqual(out.map((p) => p.level), ['INFO', undefined, 'INFO', undefined, 'WARN', undefined, 'INFO', undefined, 'WARN', undefined, undefined]);
    assert.equal(out[2].timestamp, new Date(2026, 0, 29, 19, 8, 5).getTime());
    assert.equal(out[2].component, 'guacd[1244]');
  });
});
