// Python logging with ` - ` between every column, and messages that are nothing but a printed collection (mine21):
// the dashes must not hide the level, and two statements that each print a bare list or dict must stay two events.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { tokenize } from '../../../servers/logs/patterns/tokenize';
import { assertApart, assertOneEvent, minedAlone } from '../../support/mined-templates';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

describe('columns between lone dashes (`%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - …`)', () => {
  it('reads the level after the name and line-number columns, and skips an empty `- -` column', () => {
    // Synapse (batch 17): `%(request)s` is empty outside a request, `None` or `main` inside one.
    const lines = [
      '2016-09-27 12:36:52,939 - synapse.app.homeserver - 289 - INFO - - Server version: Synapse/0.16.1-r1',
      '2018-08-23 18:07:30,131 - synapse.storage._base - 317 - WARNING - - Starting db txn \'get_all_pushers\' from sentinel context',
      '2021-05-13 19:51:19,464 - root - 325 - WARNING - main - ***** STARTING SERVER *****',
      '2020-01-02 03:04:05,678 - app.worker - 12 - ERROR - - Job failed: timeout',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.level), ['INFO', 'WARN', 'WARN', 'ERROR']);
    assert.equal(parsed[0].message, 'Server version: Synapse/0.16.1-r1');
    assert.equal(parsed[3].message, 'Job failed: timeout');
  });
});

describe('a message that is only a printed collection', () => {
  it('keeps the collection\'s brackets, so a list dump and a set dump are two events', () => {
    // Bazarr (batch 16): two providers each print their languages, one as a list of tuples, one as a set.
    const messages = [
      "[('zho', 'CN', None), ('zho', 'TW', None), ('eng', None, None)]",
      '{<Language [en]>, <Language [es]>}',
      "[('eng', None, None)]",
      '{<Language [fr]>, <Language [de]>, <Language [it]>}',
      '[a, b, c]',
      '{x, y}',
    ];
    const templates = minedAlone(messages);
    assertApart(templates, [0, 1], 'a list dump and a set dump');
    assertApart(templates, [4, 5], 'a made-up list and set');
    assertOneEvent(templates, [0, 2, 4], 'list dumps of any length');
    assertOneEvent(templates, [1, 3, 5], 'set dumps of any length');
    assert.deepEqual(tokenize('[a, b, c]').tokens, ['[', '<*>', ']']);
  });

  it('leaves a collection inside a sentence one variable, brackets and all', () => {
    assert.deepEqual(tokenize('Preparing for databases [main, state]').tokens, ['Preparing', 'for', 'databases', '<*>']);
    assert.deepEqual(tokenize('[main, state] checked').tokens, ['<*>', 'checked']);
  });
});
