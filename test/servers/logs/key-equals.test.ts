// keyEqualsBefore (patterns/variability.ts): the one rule by which the miner and the family rules tell that a word
// follows a key's `=` (its value) rather than a comparison or nothing.
import assert from 'node:assert/strict';
import { keyEqualsAfter, keyEqualsBefore } from '../../../servers/logs/patterns/variability';

describe("log patterns: a key's `=` before a word", () => {
  const before = (text: string): boolean => keyEqualsBefore(text, text.length);

  it('reads `=`, then optional blanks and one opening quote, as a key giving its value', () => {
    for (const text of ['key=', 'key = ', 'key =\t', 'key="', "key = '", 'key=`', '=']) assert.equal(before(text), true, text);
  });

  it("reads a comparison's `=`, a lone quote, an `=` further back or nothing as no key", () => {
    for (const text of ['a==', 'a == ', 'a!=', 'a <= ', 'a>="', 'key: ', '"', 'key=x ', '= =x', '', 'key=""']) assert.equal(before(text), false, text);
  });

  it('reads only the text before `end`', () => {
    assert.equal(keyEqualsBefore('key=value', 4), true);
    assert.equal(keyEqualsBefore('key=value', 3), false);
    assert.equal(keyEqualsBefore('key=', 99), true);
  });

  it('reads a comparison whose first mark is the token before the separator (`state != ready` tokenizes `!`)', () => {
    assert.equal(keyEqualsAfter('!', '= '), false);
    assert.equal(keyEqualsAfter('<', '='), false);
    assert.equal(keyEqualsAfter('state', '= '), true);
    assert.equal(keyEqualsAfter('<*>', '='), true, 'a mask is a value, not a mark');
    assert.equal(keyEqualsAfter(undefined, '= '), true);
    assert.equal(keyEqualsAfter('!', ' = '), true, 'a blank between: the `=` stands alone');
  });
});
