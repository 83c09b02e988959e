// rev26b: hdr26 read a status letter before a path as no level on a line read alone (Borg's `--list`, `git status
// --short`, `svn update`), but a file made of such lines learned the letters as its level column: `A` (Android's ASSERT)
// made every added file FATAL and `D` a DEBUG line, while `M` and `U` stayed in the message. A column of letters
// where some lines hold a letter no level is (`M`, `U`, `R`, `?`) is a listing's status column.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

const REFERENCE = Date.UTC(2026, 11, 3);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

const STATUS = ['A', 'U', 'D', 'A', 'U', 'A', 'A', 'D', 'U', 'A'];

describe('a column of status letters is no level column (rev26b)', () => {
  it('svn update output, alone or behind a time and a bracket, has no levels and keeps its letters', () => {
    const svn = STATUS.map((s, i) => `${s}    trunk/src/file${i}.c`);
    const out = parsed(svn);
    assert.deepEqual(out.map((p) => p.level), svn.map(() => undefined), 'svn');
    assert.deepEqual(out.map((p) => p.message), svn);
    const synced = STATUS.map((s, i) => `2026-12-03 10:00:${String(i).padStart(2, '0')} [sync] ${s === 'U' ? 'M' : s} src/file${i}.txt`);
    const read = parsed(synced);
    assert.deepEqual(read.map((p) => p.level), synced.map(() => undefined), 'sync');
    assert.deepEqual(read.map((p) => p.message), synced.map((line) => line.slice(line.indexOf('] ') + 2)));
    assert.ok(read.every((p) => p.timestamp !== undefined));
    // Right after the time (a script stamping Borg's `--list`): no form of the file reads the letters back as levels.
    const listed = STATUS.map((s, i) => `2026-12-03 10:00:${String(i).padStart(2, '0')} ${s === 'U' ? 'M' : s} home/user/file${i}.txt`);
    const stamped = parsed(listed);
    assert.deepEqual(stamped.map((p) => p.level), listed.map(() => undefined), 'stamped');
    assert.deepEqual(stamped.map((p) => p.message), listed.map((line) => line.slice(20)));
  });

  it('a logcat-like column of level letters only stays a level column', () => {
    const letters = ['I', 'W', 'E', 'I', 'D', 'I', 'E', 'W', 'V', 'I'];
    const lines = letters.map((l, i) => `2026-12-03 10:00:${String(i).padStart(2, '0')} [net] ${l} connection ${i} state changed`);
    assert.deepEqual(parsed(lines).map((p) => p.level), ['INFO', 'WARN', 'ERROR', 'INFO', 'DEBUG', 'INFO', 'ERROR', 'WARN', 'TRACE', 'INFO']);
  });
});
