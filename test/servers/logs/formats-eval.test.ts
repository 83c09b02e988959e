// The format corpus evaluation as a CI gate: the built logs server, on every real-world format of test/formats, must
// never say "no errors" for a file with errors, and its ERROR and WARN filters must reach the precision and recall
// targets. The table is printed so that a failing run shows every format's figures, not only the first failure.
import assert from 'node:assert/strict';
import { CORPUS, linesOf } from '../../formats/corpus';
import { evaluateFormats, formatTable, TARGETS, type FormatsEvaluation } from '../../../scripts/eval-formats';

describe('format corpus evaluation (search_logs and error_summary through dist/servers/logs.js)', function () {
  // CPU-bound work over every data set: minutes on a busy 2-core machine, so the limit only catches a hang.
  this.timeout(1_200_000);
  let evaluation: FormatsEvaluation;

  it('has at least 30 formats, some rotated as .gz, some older than a year, some only a few lines long', () => {
    assert.ok(new Set(CORPUS.map((f) => f.id.replace(/-(rotated|short)$/, ''))).size >= 30, `${CORPUS.length} files`);
    assert.equal(new Set(CORPUS.map((f) => f.file)).size, CORPUS.length, 'file names are distinct');
    assert.ok(CORPUS.filter((f) => f.file.endsWith('.gz')).length >= 2);
    assert.ok(CORPUS.filter((f) => f.old).length >= 2);
    assert.ok(CORPUS.filter((f) => f.lines.length <= 7).length >= 5);
    // Every file has known error or warning lines (Redis has no error level: its worst is "#", a warning; the
    // four-line Java log is one ERROR entry; plain dmesg writes no level, only WARN()'s "WARNING:"); nearly all have both.
    const truths = CORPUS.map((format) => new Set(linesOf(format).map((l) => l.level)));
    CORPUS.forEach((format, i) => assert.ok(truths[i].has('E') || truths[i].has('W'), `${format.id} has ERROR or WARN lines`));
    assert.ok(truths.filter((t) => t.has('E') && t.has('W')).length >= CORPUS.length - 3);
  });

  it('runs every format through the built server', async () => {
    evaluation = await evaluateFormats();
    process.stdout.write(`${formatTable(evaluation)}\n`);
    assert.equal(evaluation.formats.length, CORPUS.length);
  });

  it('recognises the layout of every format (none is read as "unknown")', function () {
    if (!evaluation) this.skip();
    assert.deepEqual(evaluation.formats.filter((f) => f.detected === 'unknown').map((f) => f.id), []);
  });

  it(`never reports no errors for a file with errors, and filters ERROR and WARN with precision >= ${TARGETS.precision} and recall >= ${TARGETS.recall}`, function () {
    if (!evaluation) this.skip();
    assert.deepEqual(evaluation.failures, []);
  });
});
