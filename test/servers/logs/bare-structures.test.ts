// Python logging with ` - ` between every column, and messages that are nothing but a printed collection (mine21):
// the dashes must not hide the level, and two statements that each print a bare list or dict must stay two events.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { tokenize } from '../../../servers/logs/patterns/tokenize';
import { assertApart, assertOneEvent, minedAlone, templatesOf } from '../../support/mined-templates';

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

describe("a log relayed behind a label (`VMMDev: Guest Log: …`)", () => {
  it("keeps each relayed line its own event: texts that open with their own tag or clock and padded column", async () => {
    // VirtualBox (batch 16): the host's log relays the guest's BIOS and Guest Additions lines behind `Guest Log: `.
    const lines = [
      '00:00:07.819182 VMMDev: Guest Log: BIOS: Boot : bseqnr=1, bootseq=0023',
      '00:00:07.820212 VMMDev: Guest Log: BIOS: CDROM boot failure code : 0004',
      '00:00:07.820352 VMMDev: Guest Log: BIOS: Boot from CD-ROM failed',
      '00:00:07.821793 VMMDev: Guest Log: BIOS: Booting from Hard Disk...',
      '00:00:14.521032 VMMDev: Guest Log: 06:10:33.089339 main     vbglR3GuestCtrlDetectPeekGetCancelSupport: Supported (#1)',
      '00:00:14.571359 VMMDev: Guest Log: 06:10:33.139651 main     Error: Failed to become guest control master: VERR_VERSION_MISMATCH',
      "00:00:14.571537 VMMDev: Guest Log: 06:10:33.139853 main     Error: Service 'control' failed to initialize: VERR_VERSION_MISMATCH",
      '00:00:14.571643 VMMDev: Guest Log: 06:10:33.139961 main     Session 0 is about to close ...',
      '00:00:14.571677 VMMDev: Guest Log: 06:10:33.139999 main     Stopping all guest processes ...',
      // Made-up: another relay of the same kind.
      '00:00:15.000001 VMMDev: Guest Log: 06:10:34.000001 main     Session 1 is about to close ...',
    ];
    const templates = await templatesOf(lines, REFERENCE);
    assertApart(templates, [0, 1, 2, 3, 4, 5, 6, 7, 8], 'the relayed lines');
    assertOneEvent(templates, [7, 9], 'one relayed statement at two times');
  });
});
