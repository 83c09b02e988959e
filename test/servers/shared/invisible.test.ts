// Invisible and bidi characters written out and read back (servers/shared/invisible.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeInvisible, hasInvisible, readInvisibleEscapes, showInvisible } from '../../../servers/shared/invisible';
import { sanitizeLine } from '../../../servers/shared/sanitize';

describe('invisible characters', () => {
  it('writes bidi controls, zero-width characters and tags out as escapes, and nothing else', () => {
    assert.equal(showInvisible('fix-\u202etxt.exe'), 'fix-\\u202Etxt.exe');
    assert.equal(showInvisible('a\u2066b\u2069c\u200bd\u00ade'), 'a\\u2066b\\u2069c\\u200Bd\\u00ADe');
    assert.equal(showInvisible('flag\u{e0067}'), 'flag\\u{E0067}');
    assert.equal(showInvisible('커밋 ✓ é \\u0041'), '커밋 ✓ é \\u0041');
    assert.equal(hasInvisible('plain'), false);
    assert.equal(hasInvisible('x\u200fy'), true);
  });

  it('reads back only the escapes of invisible characters', () => {
    assert.equal(readInvisibleEscapes('fix-\\u202Etxt.exe'), 'fix-\u202etxt.exe');
    assert.equal(readInvisibleEscapes('tag\\u{E0067}'), 'tag\u{e0067}');
    assert.equal(readInvisibleEscapes('a\\u0041b\\u{110000}'), 'a\\u0041b\\u{110000}');
    for (const name of ['fix-\u202etxt.exe', 'a\u2066b\u2069', 'z\u200b']) assert.equal(readInvisibleEscapes(showInvisible(name)), name);
  });

  // leftovers25: sanitize dropped them, so a branch `fix-<RLO>txt.exe` was listed as `fix-txt.exe`, which does not exist.
  it('sanitize keeps them visible instead of dropping them; a BOM is still dropped', () => {
    assert.equal(sanitizeLine('\ufeffbranch fix-\u202etxt.exe\u001b[31m'), 'branch fix-\\u202Etxt.exe');
  });

  // rev25: a process or file literally named `a\u202Eb` (backslash, u, 2, 0, 2, E) was shown exactly as one holding
  // the bidi character, and read back as that character: two names, one text. A backslash run before an escape's form
  // is doubled, so an odd run ends in an escape and an even one is text.
  it('keeps the text of an escape apart from the escaped character, both ways', () => {
    assert.notEqual(showInvisible('a\\u202Eb'), showInvisible('a\u202eb'));
    assert.equal(showInvisible('a\\u202Eb'), 'a\\\\u202Eb');
    assert.equal(showInvisible('a\\\u202eb'), 'a\\\\\\u202Eb');
    assert.equal(showInvisible('C:\\users\\u0041 \\u202'), 'C:\\users\\u0041 \\u202');
    const names = ['a\\u202Eb', 'a\u202eb', 'a\\\u202eb', 'a\\\\u202Eb', 'x\\u{E0067}', 'x\\\u{e0067}', '\\\\\\u200B\u200b', 'C:\\u0041\\', 'plain'];
    const shown = names.map(showInvisible);
    assert.equal(new Set(shown).size, names.length, shown.join(' | '));
    for (const name of names) assert.equal(readInvisibleEscapes(showInvisible(name)), name, name);
  });
  // Fresh-clone CI of 4999214: the trees showed the git server's `fix-\u202Etxt.exe` as `fix-\\u202Etxt.exe`, showing
  // an already shown name again (showInvisible keeps a typed-out escape apart by doubling its backslash).
  it('escapeInvisible, for displays of server answers: raw characters escaped, escapes a server wrote left as they are', () => {
    const raw = 'fix-\u202etxt.exe';
    const shown = showInvisible(raw);
    assert.equal(escapeInvisible(shown), shown);
    assert.equal(escapeInvisible(raw), shown);
    assert.equal(escapeInvisible(escapeInvisible(`a\u200bb ${shown}`)), `a\\u200Bb ${shown}`);
    assert.ok(!hasInvisible(escapeInvisible('\u{e0041}\u2067x')));
  });

  // leftovers26: names shown with escapes come back as tool arguments (servers/logs/tools/listed-names.ts), so the
  // reading back must be exact for every text the escaper writes, not only for the names above: backslash runs of any
  // length, escapes typed out with either digit case and braces, characters above U+FFFF, and text that only looks near.
  it('reads back exactly what it wrote, for any text (property)', () => {
    const pieces = ['a', 'u', 'U', '\\', '\\u', '{', '}', '2', '0', '02', '202E', '202e', '200B', 'E0041', '{E0041}', '0041', '\u202e', '\u200b', '\u00ad', '\u{e0041}', '\u2066', 'é', '커', '\u{1f600}', ' '];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (x) => {
        const shown = showInvisible(x);
        assert.equal(hasInvisible(shown), false);
        assert.equal(readInvisibleEscapes(shown), x);
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (x) => readInvisibleEscapes(showInvisible(x)) === x), { numRuns: 5000 });
  });
});
