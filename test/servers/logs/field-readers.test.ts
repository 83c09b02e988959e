// The header's field readers written by hand for the hot path (format/header.ts) against the regexes they replace:
// the same match, or none, at any position of any line.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMPONENT_AT, componentEnd, NUMBER_AT, numberEnd, WORD_AT, wordEnd } from '../../../servers/logs/format/header';

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
});
