// Header kinds of session 33 (branch `hdr33`): columns a logger writes at the message's start that the known header
// leaves there, read from the file's statistics. Made-up lines of those shapes; each case says what a person reading
// the file would answer, and neighbours that must stay as they are.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { learnLevelTags } from '../../../servers/logs/format/level-tags';

/** Reference time for year-less dates: 2026-12-04. */
const REFERENCE = Date.UTC(2026, 11, 4);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of session 33', () => {
  describe('a level letter and a tag joined by a slash (`I/Tag: `, `W/tag( 12): `, `D/CORE:1 `)', () => {
    it('behind a timestamp: cut, the level read from the letter and the tag kept as the component', () => {
      const lines = [
        '2026-03-01 10:00:00 I/Launcher: starting the kiosk shell',
        '2026-03-01 10:00:01 I/Session.4471: login accepted for operator',
        '2026-03-01 10:00:02 W/Session.4471: token expires in 30 seconds',
        '2026-03-01 10:00:03 V/Launcher: frame 12 drawn',
        '2026-03-01 10:00:04 E/Session.4471: login refused for guest',
        '2026-03-01 10:00:05 I/Launcher: starting the kiosk shell',
      ];
      const out = parsed(lines);
      assert.deepEqual(out.map((p) => p.message), [
        'starting the kiosk shell',
        'login accepted for operator',
        'token expires in 30 seconds',
        'frame 12 drawn',
        'login refused for guest',
        'starting the kiosk shell',
      ]);
      assert.deepEqual(out.map((p) => p.level), ['INFO', 'INFO', 'WARN', 'TRACE', 'ERROR', 'INFO']);
      assert.deepEqual(out.map((p) => p.component), ['Launcher', 'Session.4471', 'Session.4471', 'Launcher', 'Session.4471', 'Launcher']);
    });

    it('opening the line, with a padded pid or a number glued after the colon', () => {
      const lines = [
        'D/radio( 812): modem powered on',
        'I/radio( 812): signal 3 of 5',
        'W/gps(  95): no fix after 40 s',
        'D/SEC:1 mapping region 0x4000 size 0x1000',
        'I/SEC: secure world ready',
      ];
      assert.deepEqual(parsed(lines).map((p) => p.message), [
        'modem powered on',
        'signal 3 of 5',
        'no fix after 40 s',
        'mapping region 0x4000 size 0x1000',
        'secure world ready',
      ]);
    });

    it('prose of that shape on a line or two, or one repeated statement, is the message\'s', () => {
      const text = [
        '2026-03-01 10:00:00 INFO I/O: disk sda reports no error',
        '2026-03-01 10:00:01 INFO job 17 finished',
        '2026-03-01 10:00:02 INFO job 18 finished',
        '2026-03-01 10:00:03 INFO A/B: test group chosen',
        '2026-03-01 10:00:04 INFO job 19 started',
        '2026-03-01 10:00:05 INFO cache warmed',
      ];
      assert.deepEqual(parsed(text).map((p) => p.message), text.map((line) => line.slice(25)));
      const messages = (...texts: string[]) => texts.map((message) => ({ message }));
      assert.equal(learnLevelTags(messages('I/O: read failed', 'I/O: read failed', 'I/O: read failed', 'done')), false);
      assert.equal(learnLevelTags(messages('I/app: one', 'I/app: two', 'I/app: three')), false);
      assert.equal(learnLevelTags(messages('I/app: one', 'W/app: two', 'I/app: three')), true);
      assert.equal(learnLevelTags([{ message: 'one', component: 'I/app' }, { message: 'two', component: 'W/app' }, { message: 'three', component: 'I/app' }]), true);
    });
  });

  describe('a row copied out of a log viewer: `MMM D, YYYY @ HH:mm:ss.SSS` glued to the line it shows', () => {
    it('the viewer\'s time is read, and the line after it is read as its own header and message', () => {
      const bracketed = [
        'Mar 4, 2026 @ 10:00:01.250[Wed Mar  4 09:00:01.249 2026] [12] opened 4 partitions',
        'Mar 4, 2026 @ 10:00:02.500[Wed Mar  4 09:00:02.499 2026] [12] draining partition 3',
        'Mar 4, 2026 @ 10:00:02.600[Wed Mar  4 09:00:02.599 2026] [14] accepted client 7',
        'Mar 4, 2026 @ 10:00:02.700[Wed Mar  4 09:00:02.699 2026] [12] draining partition 4',
        'Mar 4, 2026 @ 10:00:03.750replica set to read-only',
      ];
      const out = parsed(bracketed);
      assert.deepEqual(out.map((p) => p.message), ['opened 4 partitions', 'draining partition 3', 'accepted client 7', 'draining partition 4', 'replica set to read-only']);
      assert.equal(out[4].timestamp, new Date(2026, 2, 4, 10, 0, 3, 750).getTime());
      const iso = [
        'Mar 4, 2026 @ 10:00:04.0002026-03-04 09:00:04.000 worker-1 INFO replica caught up',
        'Mar 4, 2026 @ 10:00:05.0002026-03-04 09:00:05.000 worker-2 WARN replica lagging by 3 s',
        'Mar 4, 2026 @ 10:00:06.0002026-03-04 09:00:06.000 worker-1 INFO replica caught up',
      ];
      assert.deepEqual(parsed(iso).map((p) => p.level), ['INFO', 'WARN', 'INFO']);
      assert.ok(parsed(iso).every((p) => p.message.startsWith('replica')));
    });

    it('a comma date with `@` but no three-digit fraction is no such row', () => {
      const text = ['2026-03-01 10:00:00 INFO sent Mar 4, 2026 @ 10:00 to ops', '2026-03-01 10:00:01 INFO job 18 finished'];
      assert.deepEqual(parsed(text).map((p) => p.message), text.map((line) => line.slice(25)));
    });
  });
});
