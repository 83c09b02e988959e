// Level vocabularies onto one scale.
import assert from 'node:assert/strict';
import { levelAtLeast, normalizeLevel } from '../../../servers/logs/format/levels';

describe('log intelligence: normalizeLevel', () => {
  it('maps Android logcat letters', () => {
    assert.deepEqual(['V', 'D', 'I', 'W', 'E', 'F', 'A'].map((l) => normalizeLevel(l)), ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'FATAL']);
  });

  it('maps Java, .NET and Python words in any case', () => {
    assert.equal(normalizeLevel('INFO'), 'INFO');
    assert.equal(normalizeLevel('Warning'), 'WARN');
    assert.equal(normalizeLevel('SEVERE'), 'ERROR');
    assert.equal(normalizeLevel('FATAL'), 'FATAL');
    assert.equal(normalizeLevel('Information'), 'INFO');
    assert.equal(normalizeLevel('CRITICAL'), 'FATAL');
    assert.equal(normalizeLevel('finest'), 'TRACE');
    assert.equal(normalizeLevel('fine'), 'DEBUG');
  });

  it('maps Apache and syslog keywords, bracketed or not', () => {
    assert.equal(normalizeLevel('[error]'), 'ERROR');
    assert.equal(normalizeLevel('notice'), 'INFO');
    assert.equal(normalizeLevel('[warn]'), 'WARN');
    assert.equal(normalizeLevel('crit'), 'FATAL');
    assert.equal(normalizeLevel('emerg'), 'FATAL');
    assert.equal(normalizeLevel('err'), 'ERROR');
    assert.equal(normalizeLevel('[ERROR]'), 'ERROR');
  });

  it('maps syslog priorities 0..7 and <PRI> values', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => normalizeLevel(n)), ['FATAL', 'FATAL', 'FATAL', 'ERROR', 'WARN', 'INFO', 'INFO', 'DEBUG']);
    assert.equal(normalizeLevel('<11>'), 'ERROR'); // facility 1, severity 3
    assert.equal(normalizeLevel('<134>'), 'INFO'); // local0.info
  });

  it('maps bunyan/pino numeric levels, as numbers or strings', () => {
    assert.deepEqual([10, 20, 30, 40, 50, 60].map((n) => normalizeLevel(n)), ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']);
    assert.equal(normalizeLevel('50'), 'ERROR');
  });

  it('maps numbered verbosities (Apache trace1..trace8, PostgreSQL DEBUG1..DEBUG5)', () => {
    assert.equal(normalizeLevel('trace1'), 'TRACE');
    assert.equal(normalizeLevel('trace8'), 'TRACE');
    assert.equal(normalizeLevel('DEBUG2'), 'DEBUG');
    assert.equal(normalizeLevel('error2'), undefined);
  });

  it('reads enum-style and trailing-colon spellings', () => {
    assert.equal(normalizeLevel('LEVEL_WARNING'), 'WARN');
    assert.equal(normalizeLevel('error:'), 'ERROR');
  });

  it('returns undefined for words that are not levels', () => {
    for (const word of ['combo', 'LabSZ', '', 'x', 'i', 'e', 'hello', '100', 'INFORMATIONAL-ish', undefined]) assert.equal(normalizeLevel(word), undefined, String(word));
  });

  it('compares with minimum-level semantics', () => {
    assert.equal(levelAtLeast('ERROR', 'WARN'), true);
    assert.equal(levelAtLeast('WARN', 'WARN'), true);
    assert.equal(levelAtLeast('INFO', 'WARN'), false);
    assert.equal(levelAtLeast(undefined, 'TRACE'), false);
  });
});
