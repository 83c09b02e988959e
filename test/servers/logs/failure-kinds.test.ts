// The kinds scripts/failure-kinds.ts puts the miner's grouping errors in: whether a template can be the truth's line
// at all, and where two templates of one statement differ. Made-up templates, no excerpt.
import assert from 'node:assert/strict';
import { compatibleTemplates, differenceKind } from '../../../scripts/failure-kinds';

describe('failure kinds of the studied excerpts', () => {
  it('reads a template as the same line as the truth when values on either side can fill in the other', () => {
    assert.equal(compatibleTemplates('Task <*> scheduled', 'Task nightly-backup scheduled'), true);
    assert.equal(compatibleTemplates('Backup of <*> done', '<*> of disk <*>'), true);
    assert.equal(compatibleTemplates('Opened   <*>', 'Opened <*>'), true, 'blanks collapse');
    // A header column left in the message, or a word the truth does not hold: another reading of the line.
    assert.equal(compatibleTemplates('Task <*> scheduled', '[worker-1] INFO Task <*> scheduled extra'), false);
    assert.equal(compatibleTemplates('Task <*> scheduled', 'Job <*> scheduled'), false);
  });

  it('tells a word read as constant from a value of several words, and where in the text it differs', () => {
    assert.equal(differenceKind('Cache mode <*> set', 'Cache mode lazy set'), 'chunks 1: value vs word');
    assert.equal(differenceKind('Cache mode eager set', 'Cache mode lazy set'), 'chunks 1: words');
    assert.equal(differenceKind('Moved a to b', 'Moved c to d'), 'chunks 2: words');
    assert.equal(differenceKind('Job failed: timeout', 'Job failed: disk is full'), 'length: at end after a label');
    assert.equal(differenceKind('Job failed quickly', 'Job failed after a long wait'), 'length: at end');
    assert.equal(differenceKind('Loaded blue theme from disk', 'Loaded dark blue theme from disk'), 'length: inside');
    assert.equal(differenceKind('note: Loaded <*> from disk', 'Loaded <*> from disk'), 'length: at start');
  });
});
