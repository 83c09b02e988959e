// Header kinds found in the real-excerpts batch 22 (Borg, NuGet, …) by branch `hdr26`: message words read as header
// columns. Made-up lines of those shapes (and, where short, the real ones); each case says what a person reading the
// file would answer, and a neighbour that must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-03. */
const REFERENCE = Date.UTC(2026, 11, 3);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of batch 22', () => {
  it('a status letter before a path is no level (Borg --list, git status --short, svn update)', () => {
    // Borg's `create --list` writes `A` (added), `M` (modified), `d` (a directory) before each path; git and svn alike.
    // Read as Android's letters, `A` was FATAL and `D` DEBUG: an ERROR filter would list added files.
    const lines = [
      'Archive name: q3',
      'Number of files: 5',
      'A op/src/dir1/file_b.bin',
      'A op/src/dir1/file_d.bin',
      'd op/src/dir1',
      'M src/main.c',
      'D docs/old.txt',
      'Duration: 0.037 seconds',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.level), lines.map(() => undefined));
    assert.deepEqual(out.map((p) => p.message), lines);
    // A letter that is a layout's column stays a level: apt's `E:`, Android's tag after it, a time after it.
    const apt = parsed(['Reading package lists...', 'Building dependency tree...', 'E: Unable to locate package foo', 'W: Some index files failed to download']);
    assert.deepEqual(apt.map((p) => p.level), [undefined, undefined, 'ERROR', 'WARN']);
    const android = parsed(['some text', 'other text', 'W ActivityManager: Slow operation: 58ms so far']);
    assert.equal(android[2].level, 'WARN');
    assert.equal(android[2].message, 'Slow operation: 58ms so far');
  });

  it("a Windows drive's letter after a time is the path's, not a level (an Azure Pipelines line of NuGet's restore)", () => {
    // `D:\a\1\s\…` is where Azure Pipelines checks out; the letter was read as DEBUG and the message began `:\a\1\s`.
    const lines = [
      '  Restored C:\\src\\runtime\\src\\libraries\\System.IO\\src\\System.IO.csproj (in 12 ms).',
      '  Restored C:\\src\\runtime\\src\\libraries\\System.Net\\src\\System.Net.csproj (in 11 ms).',
      '2020-08-10T22:12:42.2899995Z   Restored D:\\a\\1\\s\\src\\Tools\\dotnet-openapi.Tests.csproj (in 26.82 sec).',
    ];
    const out = parsed(lines);
    assert.equal(out[2].level, undefined);
    assert.equal(out[2].message, 'Restored D:\\a\\1\\s\\src\\Tools\\dotnet-openapi.Tests.csproj (in 26.82 sec).');
    assert.ok(out[2].timestamp !== undefined);
  });
});
