// Header kinds ranked by session 30's header oracle (each studied system's labelled messages behind one uniform header:
// what a perfect header reading would gain) over the real-excerpts batches 25 and 26, found by branch `hdr30`.
// Made-up lines of those shapes; each case says what a person reading the file would answer, and a neighbour that must
// stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-04. */
const REFERENCE = Date.UTC(2026, 11, 4);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return { format: parser.format, lines: lines.map((line) => parser.parse(line)) };
}

describe('header kinds of session 30', () => {
  it("an editor's output channel `[Level - time of day]` is the header: level read, the message clean, no date guessed", () => {
    // A language server's log saved from the editor, over two versions: the newer client drops the time (`[Info] …`).
    // The bracket with the time stayed in the message, which split each statement into one template per version.
    const lines = [
      '[Info  - 3:49:35 PM] Started QuillLS v0.14.5',
      '[Info  - 3:49:35 PM] Directory: /home/ana/src/shop',
      '[Warn  - 3:49:36 PM] Sources not found (checking in /tmp/build-1). Navigation disabled.',
      '[Error - 15:49:37] Build failed in 351 milliseconds',
      '[Trace - 10:31:22 AM] Sending request textDocument/hover (12)',
      '[Info] Started QuillLS v0.15.0',
      '[Info] Running in /home/bo/dev/core',
      '[Error] Build failed in 18 milliseconds',
    ];
    const out = parsed(lines);
    assert.deepEqual(
      out.lines.map((p) => [p.level, p.message]),
      [
        ['INFO', 'Started QuillLS v0.14.5'],
        ['INFO', 'Directory: /home/ana/src/shop'],
        ['WARN', 'Sources not found (checking in /tmp/build-1). Navigation disabled.'],
        ['ERROR', 'Build failed in 351 milliseconds'],
        ['TRACE', 'Sending request textDocument/hover (12)'],
        ['INFO', 'Started QuillLS v0.15.0'],
        ['INFO', 'Running in /home/bo/dev/core'],
        ['ERROR', 'Build failed in 18 milliseconds'],
      ],
    );
    // The channel writes no program's name: the first word with its colon is the message's.
    assert.equal(out.lines[1].component, undefined);
    // A time of day without a date is not turned into a made-up date.
    assert.equal(out.lines[0].timestamp, undefined);
    // The same lines alone, each read by itself, say the same.
    const alone = lines.slice(0, 5).map((line) => createLineParser([line], { referenceTime: REFERENCE }).parse(line));
    assert.deepEqual(alone.map((p) => p.message), out.lines.slice(0, 5).map((p) => p.message));
  });

  it('a bracket with a dash and a time that holds no level word, or no time, stays the message\'s (neighbours)', () => {
    const lines = ['[Build - 3:49:35 PM] compiled 3 files', '[Info - later] compiled 3 files', '[Info - 3:49:35 PM]compiled 3 files'];
    const out = lines.map((line) => createLineParser([line], { referenceTime: REFERENCE }).parse(line));
    assert.deepEqual(
      out.map((p) => [p.level, p.message]),
      lines.map((line) => [undefined, line]),
    );
    // The time-then-level bracket keeps its reading.
    const clockLevel = createLineParser(['[12:00:01 INFO]: Done (3.2s)!'], { referenceTime: REFERENCE }).parse('[12:00:01 INFO]: Done (3.2s)!');
    assert.deepEqual([clockLevel.level, clockLevel.message], ['INFO', 'Done (3.2s)!']);
  });
});
