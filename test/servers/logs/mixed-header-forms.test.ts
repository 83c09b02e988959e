// One file, several header forms: the header a line carries is read on every line that carries it, whatever other
// forms the file mixes in (a journal written under another LC_TIME, …). Made-up lines of the shapes found in the
// real-excerpts batches; each case states the answer a person reading the file would give.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('mixed header forms in one file', () => {
  it('a journal line whose month is Cyrillic or Greek (`фев`, `Φεβ`) is read as a syslog line: its tag and message apart', () => {
    const lines = [
      'Feb 09 10:49:50 home feedd[3910]: fetching channel 17',
      'Feb 09 10:49:51 home feedd[3910]: channel 17 done',
      'фев 09 10:49:52 home feedd[3910]: fetching channel 18',
      'фев 09 10:49:53 home feedd[3910]: channel 18 done',
      'Φεβ 09 10:49:54 home feedd[3910]: fetching channel 19',
      'Φεβ 09 10:49:55 home feedd[3910]: channel 19 done',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.message), ['fetching channel 17', 'channel 17 done', 'fetching channel 18', 'channel 18 done', 'fetching channel 19', 'channel 19 done']);
    assert.deepEqual(read.map((p) => p.component), Array(6).fill('feedd[3910]'));
  });

  it("a word column (a service's name) never takes a date's month word: the journal line in another language keeps its own header", () => {
    // A compose-style service column opens most lines; two lines come from a French journal (`juil.`).
    const lines = [
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:20.100 info: Database ready.',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:21.100 info: Server listening on port 9000',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:22.100 info: Creating the administrator.',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:23.100 warn: Emailer is disabled.',
      'api_1  [10.0.0.2:443] 2018-07-25 02:16:23.200 info: Database ready.',
      'juil. 25 02:16:24 web api[3184]: Database ready.',
      'juil. 25 02:16:25 web api[3184]: Server listening on port 9000',
    ];
    const read = parsed(lines);
    assert.equal(read[5].message, 'Database ready.');
    assert.equal(read[6].message, 'Server listening on port 9000');
    assert.equal(read[5].component, 'api[3184]');
  });
});
