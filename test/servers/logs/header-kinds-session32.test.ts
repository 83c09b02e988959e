// Header kinds of session 32 (branch `hdr32`): columns a logger writes after the fields the header knows, read from
// the file's statistics. Made-up lines of those shapes; each case says what a person reading the file would answer,
// and neighbours that must stay as they are.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { learnAlignedPrefixes } from '../../../servers/logs/format/aligned-prefixes';
import { learnLevelMarks } from '../../../servers/logs/format/level-marks';

/** Reference time for year-less dates: 2026-12-04. */
const REFERENCE = Date.UTC(2026, 11, 4);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of session 32', () => {
  describe('a level mark after a fiber name or a source location (`worker/7/main I>`)', () => {
    const lines = [
      '2026-03-01 10:00:00.101 [4411] main/101/init I> starting store 2.4.1',
      '2026-03-01 10:00:00.202 [4411] main/101/init disk.c:88 I> opening data directory /var/lib/store',
      '2026-03-01 10:00:00.303 [4411] net/102/accept W> listen queue is full, 12 waiting',
      '2026-03-01 10:00:00.404 [4411] main/101/init E> cannot read snapshot 0042.snap',
      '2026-03-01 10:00:00.505 [4411] main/103/replica !> connection reset by peer',
      '2026-03-01 10:00:00.606 [4411] main/101/init C> store is read-only now',
      '2026-03-01 10:00:00.707 [4411] net/102/accept D> accepted client 10.0.0.7:51234',
      '2026-03-01 10:00:00.808 [4411] main/104/gc gc.c:132 I> cleanup is paused',
      '2026-03-01 10:00:00.909 [4411] main/101/init I> ready to accept requests',
    ];
    it('cuts the columns up to the mark and reads the level from its letter', () => {
      const out = parsed(lines);
      assert.deepEqual(out.map((p) => p.message), [
        'starting store 2.4.1',
        'opening data directory /var/lib/store',
        'listen queue is full, 12 waiting',
        'cannot read snapshot 0042.snap',
        'connection reset by peer',
        'store is read-only now',
        'accepted client 10.0.0.7:51234',
        'cleanup is paused',
        'ready to accept requests',
      ]);
      assert.deepEqual(out.map((p) => p.level), ['INFO', 'INFO', 'WARN', 'ERROR', undefined, 'FATAL', 'DEBUG', 'INFO', 'INFO']);
    });

    it('a mark-shaped word on a few lines of a file is the message\'s (neighbours: prompts, arrows, redirections)', () => {
      const text = [
        '2026-03-01 10:00:00 INFO user typed a> b into the shell',
        '2026-03-01 10:00:01 INFO route a -> b chosen',
        '2026-03-01 10:00:02 INFO value => 3 stored',
        '2026-03-01 10:00:03 INFO ran cmd 2> /dev/null',
        '2026-03-01 10:00:04 INFO job 17 finished',
        '2026-03-01 10:00:05 INFO job 18 finished',
        '2026-03-01 10:00:06 INFO job 19 started',
        '2026-03-01 10:00:07 INFO job 20 started',
        '2026-03-01 10:00:08 INFO cache warmed',
      ];
      assert.deepEqual(parsed(text).map((p) => p.message), text.map((line) => line.slice(25)));
      assert.equal(learnLevelMarks(['> quit', '1> dir', 'x => 3', 'a -> b', 'ok', 'ok', 'ok', 'ok']), false);
    });

    it('one statement repeated after a mark is no layout', () => {
      assert.equal(learnLevelMarks(Array.from({ length: 10 }, () => 'shell I> ping')), false);
    });
  });
  describe('a leading column shown by the same statements written bare elsewhere in the file', () => {
    it('a relaying runner\'s prefix (`[12:00:01][Step 1/3] `) is cut', () => {
      const lines = [
        '==> qemu: Creating the disk image...',
        '==> qemu: Starting the virtual machine...',
        '==> qemu: Waiting 10s for boot...',
        '==> qemu: Connecting to VM via SSH...',
        '[12:00:01][Step 1/3] ==> qemu: Creating the disk image...',
        '[12:00:02][Step 1/3] ==> qemu: Starting the virtual machine...',
        '[12:00:13][Step 1/3] ==> qemu: Waiting 10s for boot...',
        '[12:00:15][Step 2/3] ==> qemu: Gracefully halting the machine...',
        '==> qemu: Gracefully halting the machine...',
      ];
      assert.deepEqual(parsed(lines).map((p) => p.message), [
        '==> qemu: Creating the disk image...',
        '==> qemu: Starting the virtual machine...',
        '==> qemu: Waiting 10s for boot...',
        '==> qemu: Connecting to VM via SSH...',
        '==> qemu: Creating the disk image...',
        '==> qemu: Starting the virtual machine...',
        '==> qemu: Waiting 10s for boot...',
        '==> qemu: Gracefully halting the machine...',
        '==> qemu: Gracefully halting the machine...',
      ]);
    });

    it('words a statement opens with stay the message\'s (neighbours: paired verbs, plain words, one shared statement)', () => {
      const paired = [
        'Starting job "Alive" at 09/18/2020 00:00:00.',
        'Finished job "Alive" at 09/18/2020 00:00:00.',
        'Starting job "Validate" at 09/18/2020 00:05:00.',
        'Finished job "Validate" at 09/18/2020 00:05:00.',
        'Starting job "Purge" at 09/18/2020 00:10:00.',
        'Finished job "Purge" at 09/18/2020 00:10:00.',
        'ROOT PRIVS at main.c:1073',
        'RELINQUISH PRIVS at main.c:1268',
      ];
      assert.equal(learnAlignedPrefixes(paired), undefined);
      const words = [
        'fork a new child process with pid: 298',
        'child process with pid: 298 exits with status 0',
        'fork a new worker process with pid: 382',
        'worker process with pid: 382 exits with status 0',
        'reaper handler', 'reaper handler: exiting normally', 'starting health check', 'health check done',
      ];
      assert.equal(learnAlignedPrefixes(words), undefined);
      const once = ['7: connection reset by peer', 'connection reset by peer', 'a b c d', 'e f g h', 'i j k l', 'm n o p', 'q r s t', 'u v w x'];
      assert.equal(learnAlignedPrefixes(once), undefined);
    });
  });
});
