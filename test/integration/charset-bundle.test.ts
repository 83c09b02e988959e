// The files.encoding check's iconv-lite tables (0.5 MB) are not in the extension's bundle, which every activation
// parses: they are a bundle of their own (dist/charset-name.js), loaded the first time a setting names a charset.
// Reads the build's outputs (npm run build first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(__dirname, '..', '..', 'dist');

describe('the charset check is a bundle of its own', () => {
  // leftovers25: iconv-lite made the extension bundle 0.5 MB larger, parsed at every activation.
  it('the extension bundle holds no iconv-lite; dist/charset-name.js does, and checks a name', () => {
    assert.doesNotMatch(readFileSync(join(dist, 'extension.js'), 'utf8'), /encodingExists/);
    assert.match(readFileSync(join(dist, 'charset-name.js'), 'utf8'), /encodingExists/);
    const bundled = require(join(dist, 'charset-name.js')) as typeof import('../../servers/shared/charset-name');
    assert.equal(bundled.legacyCharsetName('euckr'), 'euckr');
    assert.throws(() => bundled.legacyCharsetName('euckrr'), /unknown charset/);
  });
});
