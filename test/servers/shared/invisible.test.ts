// Invisible and bidi characters written out and read back (servers/shared/invisible.ts).
import assert from 'node:assert/strict';
import { hasInvisible, readInvisibleEscapes, showInvisible } from '../../../servers/shared/invisible';
import { sanitizeLine } from '../../../servers/shared/sanitize';

describe('invisible characters', () => {
  it('writes bidi controls, zero-width characters and tags out as escapes, and nothing else', () => {
    assert.equal(showInvisible('fix-\u202etxt.exe'), 'fix-\\u202Etxt.exe');
    assert.equal(showInvisible('a\u2066b\u2069c\u200bd\u00ade'), 'a\\u2066b\\u2069c\\u200Bd\\u00ADe');
    assert.equal(showInvisible('flag\u{e0067}'), 'flag\\u{E0067}');
    assert.equal(showInvisible('커밋 ✓ é \\u202E'), '커밋 ✓ é \\u202E');
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
});
