// break35s: `12/04/26 03:13:00 PM` (the C locale's `%D`, en-US's short date, with a 12-hour clock) was read day first,
// 2026-04-12, eight months off and with no note; `12/13/26` got no time at all, as only year-first and day-first
// readings of a two-digit-year date were known. Month first is a reading too: a middle part above 12 decides for it,
// a first part above 12 rules it out, and where every part is 12 or less the file decides only when one reading alone
// has its dates real days, not after the file was written, in time order; else the dates stay undecided, no time, and
// the tools' note says so. Each case made up, one line form per case.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { shortDateOrder, undecidedShortDate } from '../../../servers/logs/format/timestamps';

const REFERENCE = new Date(2026, 11, 4, 16, 0).getTime();
const lines = (dates: string[]) => dates.map((date, i) => `${date} INFO request ${i} handled`);

describe('two-digit-year dates: month first is a reading (break35s)', () => {
  it('a middle part above 12 reads the file month first, AM/PM kept', () => {
    const sample = lines(['11/04/26 03:13:00 PM', '11/05/26 09:14:00 AM', '11/13/26 03:14:00 PM']);
    assert.equal(shortDateOrder(sample, { referenceTime: REFERENCE }), 'mdy');
    const parser = createLineParser(sample, { referenceTime: REFERENCE });
    assert.equal(parser.parse(sample[0]).timestamp, new Date(2026, 10, 4, 15, 13).getTime());
    assert.equal(parser.parse(sample[2]).timestamp, new Date(2026, 10, 13, 15, 14).getTime());
    assert.equal(parser.undecidedDate, undefined);
  });

  it('dates within one month, every part 12 or less, stay undecided: no time, and the date to name', () => {
    const sample = lines(['12/04/26 03:13:00 PM', '12/04/26 03:14:00 PM', '12/04/26 03:20:00 PM']);
    assert.equal(shortDateOrder(sample, { referenceTime: REFERENCE }), null);
    const parser = createLineParser(sample, { referenceTime: REFERENCE });
    assert.equal(parser.parse(sample[0]).timestamp, undefined, 'no guessed date: 2026-04-12 was one');
    assert.equal(parser.parse(sample[0]).level, 'INFO', 'the date still opens the header');
    assert.equal(parser.undecidedDate, '12/04/26');
    assert.equal(undecidedShortDate(sample), '12/04/26');
  });

  it('the time order decides where one reading alone runs in order', () => {
    // Month first: Oct 1st, Nov 2nd, Dec 3rd. Day first: Jan 10th, Feb 11th, Mar 12th also ascends; year first
    // 2010-01-01, 2011-02-02, 2012-03-03 too: all three in order, so undecided…
    assert.equal(shortDateOrder(lines(['10/01/26 10:00:00', '11/02/26 10:00:00', '12/03/26 10:00:00']), { referenceTime: REFERENCE }), null);
    // …but read month first these run Dec 1st, Dec 2nd, Dec 3rd; day first Jan 12th, Feb 12th, Mar 12th; year first
    // 2012-01-26, 2012-02-26, 2012-03-26 then back to 2001: only month first and day first ascend. Two: undecided.
    assert.equal(shortDateOrder(lines(['12/01/26 10:00:00', '12/02/26 10:00:00', '12/03/26 10:00:00']), { referenceTime: REFERENCE }), null);
    // A date that would be after the file was written rules its reading out (day first, 05/12/26 is Dec 5th, after a
    // file written in June), yet year first (2004-12-26, 2005-12-26) stands beside month first: still undecided.
    const june = new Date(2026, 5, 1).getTime();
    assert.equal(shortDateOrder(lines(['04/12/26 10:00:00', '05/12/26 10:00:00']), { referenceTime: june }), null);
    assert.equal(shortDateOrder(lines(['12/03/26 10:00:00', '11/04/26 10:00:00']), { referenceTime: new Date(2026, 11, 20).getTime() }), null, 'month first out of order too');
    // Month first after the file (Dec 1st), year first out of order (2012-01-26, 2012-02-26, 2001-03-26): day first alone.
    assert.equal(shortDateOrder(lines(['12/01/26 10:00:00', '12/02/26 10:00:00', '01/03/26 09:00:00']), { referenceTime: june }), 'dmy');
  });

  it('a first part above 12 keeps the year-first and day-first readings as before', () => {
    assert.equal(shortDateOrder(lines(['17/06/09 20:10:40', '17/06/09 20:10:41']), { referenceTime: REFERENCE }), 'ymd');
    assert.equal(shortDateOrder(lines(['30/11/26 10:00:00', '01/12/26 10:00:00']), { referenceTime: REFERENCE }), 'dmy');
    assert.equal(shortDateOrder(lines(['17-3-10 23:39:31', '17-3-10 23:39:32']), { referenceTime: REFERENCE }), 'ymd', 'a dashed date is never month first');
  });
});
