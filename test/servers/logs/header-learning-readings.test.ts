// Header learning reads each sample line once for both of its readings (header.ts SampleReadings): as a line of its
// file (learnHeader's main header) and alone (learnForms' forms). The two differ only where a rule of lines read alone
// refused a field the line holds; each such rule must mark its refusal, or the file's header is learned from the lone
// reading. One sample per rule, each line holding the field the rule refuses alone.
import assert from 'node:assert/strict';
import { guessHeader, learnHeader, signature } from '../../../servers/logs/format/header';

const clock = (i: number) => `2024-01-01 10:00:${String(i).padStart(2, '0')}`;
const RULES: { rule: string; lines: string[]; main: string }[] = [
  // Ten digits after a word: a time in the file (every line has one there), a value on a line read alone.
  { rule: 'an epoch after a word', lines: Array.from({ length: 12 }, (_, i) => `app ${1764662405 + i} INFO request ${i} served`), main: 'word ts:epoch level' },
  // A bare level of three letters: the file's level column, a word on a line read alone.
  { rule: 'a short bare level', lines: Array.from({ length: 12 }, (_, i) => `${clock(i)} ${['ERR', 'WRN', 'INF'][i % 3]} disk ${i} checked`), main: 'ts:iso level' },
  // A `name:` after one word after an ISO time: a host and a program's tag in the file.
  { rule: 'a name after one word', lines: Array.from({ length: 12 }, (_, i) => `${clock(i)} web${i % 3} nginx: request ${i} served`), main: 'ts:iso word component' },
  // A parenthesis after a word: the thread column in the file.
  { rule: 'a parenthesis after a word', lines: Array.from({ length: 12 }, (_, i) => `${clock(i)} worker (thread-${i % 3}) job ${i} done`), main: 'ts:iso word paren' },
];

describe('header learning: each sample line read once for the file and alone', () => {
  for (const { rule, lines, main } of RULES) {
    it(`learns the file's header where a rule of lone lines refuses ${rule}`, () => {
      // The sample reads otherwise alone: the rule is in force on these lines.
      assert.notEqual(signature(guessHeader(lines[0], {}, true)), main);
      assert.equal(signature(guessHeader(lines[0], {})), main);
      assert.equal(signature(learnHeader(lines).fields), main);
    });
  }

  it('keeps the level marks of the main header off the forms read from the same lines', () => {
    // markLevelCase marks the main header's level column (capitals); the form the first line shows (the main header's
    // columns, then a bracketed name closed by a colon) is read from the same line and must not carry the main
    // header's mark by sharing that line's fields.
    const lines = [
      ...Array.from({ length: 5 }, (_, i) => `${clock(i)} ${['INFO', 'WARN'][i % 2]} [talker]: message ${i} sent`),
      ...Array.from({ length: 10 }, (_, i) => `${clock(i + 5)} ${['INFO', 'WARN', 'ERROR'][i % 3]} job ${i} done`),
    ];
    const header = learnHeader(lines);
    assert.equal(signature(header.fields), 'ts:iso level');
    assert.equal(header.fields[1].capitals, true);
    assert.deepEqual(header.extended?.map(signature), ['ts:iso level bracket']);
    assert.equal(header.extended?.[0][1].capitals, undefined);
  });
});
