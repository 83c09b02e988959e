// The header's field readers written by hand for the hot path (format/header.ts) against the regexes they replace:
// the same match, or none, at any position of any line.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMPONENT_AT, componentEnd, LEVEL_AT, NUMBER_AT, numberEnd, readBracketedLevel, upperLevelWordAt, WORD_AT, wordEnd } from '../../../servers/logs/format/header';
import { normalizeLevel } from '../../../servers/logs/format/levels';

const byRegex = (regex: RegExp, line: string, position: number) => {
  regex.lastIndex = position;
  const m = regex.exec(line);
  return m ? position + m[0].length : -1;
};

/** Lines made of the pieces a header and its neighbours hold, white space of every kind included. */
const pieces = fc.constantFrom('sshd', 'su', '(pam_unix)', '[123]', ':', '::', ' ', '  ', '\t', '\u00a0', '\u2003', '\ufeff', '|', '(', ')', '()', ' (', 'a', '12', '3', '[', ']', 'x:y', 'app.ERROR', '\ud83d\ude00', '\n', '-');
const lineArb = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));

describe('log intelligence: hand-written header field readers', () => {
  it('read the component, word and number their regexes read, at every position', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        for (let position = 0; position <= line.length; position++) {
          assert.equal(componentEnd(line, position), byRegex(COMPONENT_AT, line, position), `component at ${position} of ${JSON.stringify(line)}`);
          assert.equal(wordEnd(line, position), byRegex(WORD_AT, line, position), `word at ${position} of ${JSON.stringify(line)}`);
          assert.equal(numberEnd(line, position), byRegex(NUMBER_AT, line, position), `number at ${position} of ${JSON.stringify(line)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('read a bracketed level where its regex reads one, to the same end and word', () => {
    const spaces = fc.constantFrom('', ' ', '  ', '\t');
    const word = fc.constantFrom('INFO', 'info', 'Warn', 'warning', 'informational', 'inform', 'trace3', 'trace9', 'debug5', 'ERR', 'errx', 'ſevere', 'İnfo', '\u212Aeep', 'x', '', 'in fo', 'WARN]');
    const close = fc.constantFrom(']', '', ' ]', 'x]', ']]');
    const after = fc.constantFrom('', ' ', '[', ':', ': ', ',', ',x', '|', 'x', '\t', ':x', ']', '::', ', ', '\u00a0', '\n');
    const lineArb = fc.tuple(spaces, word, spaces, close, after).map((p) => `[${p.join('')}`);
    fc.assert(
      fc.property(fc.constantFrom('', 'x '), lineArb, (lead, text) => {
        const line = lead + text;
        LEVEL_AT.lastIndex = lead.length;
        const m = LEVEL_AT.exec(line);
        const expected = m ? { end: lead.length + m[0].length, word: m[1] ?? m[2] } : undefined;
        assert.deepEqual(readBracketedLevel(line, lead.length), expected, JSON.stringify(line));
      }),
      { numRuns: 5000 },
    );
  });
  it('read a bare level word in capitals only where LEVEL_AT reads the same word to the same end (upperLevelWordAt)', () => {
    const words = fc.constantFrom('INFO', 'WARN', 'WARNING', 'ERROR', 'ERR', 'FTL', 'LOG', 'NOPE', 'TRACE1', 'Info', 'info', 'INFOX', 'I', ' ', '  ', '\t', ':', ',', '|', '[', ']', 'a', '1', '-');
    let read = 0;
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }).map((p) => p.join('')), (line) => {
        for (let position = 0; position <= line.length; position++) {
          const word = upperLevelWordAt(line, position);
          if (word === undefined) continue;
          read++;
          LEVEL_AT.lastIndex = position;
          const m = LEVEL_AT.exec(line);
          assert.ok(m, `LEVEL_AT at ${position} of ${JSON.stringify(line)}`);
          assert.equal(position + m[0].length, word.end, `end at ${position} of ${JSON.stringify(line)}`);
          assert.equal(normalizeLevel(m[4]), word.level, `level at ${position} of ${JSON.stringify(line)}`);
        }
      }),
      { numRuns: 3000 },
    );
    // Words were read at all (a reader that read none would pass the loop above).
    assert.ok(read > 100, `read ${read}`);
  });
});
