// Which lines take the level of the line above them in log_patterns: a continuation of an entry (a stack frame under a
// leveled header), never a line of a file that has no entry headers at all, where each line is its own message (the
// rule search_logs and error_summary follow: search/collector.ts needsHeader).
import assert from 'node:assert/strict';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';

/** Each line's level as log_patterns counts it (the template's level tally for that line). */
async function levelsOf(lines: string[], minimum?: 'ERROR'): Promise<Map<number, string | undefined>> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true, minimum });
  const byLine = new Map<number, string | undefined>();
  for (const template of miner.templates()) {
    const levels = Object.keys(template.levels);
    for (const n of template.lineNumbers ?? []) byLine.set(n, levels.length === 1 ? levels[0] : levels.join('/'));
  }
  return byLine;
}

describe('log intelligence: levels of lines without a header of their own', () => {
  it('a file without entry headers gives no line the level of the line above: a build log\'s summary is no error', async () => {
    const lines = [
      'Build started for project demo',
      'error: linker command failed with exit code 1',
      'Finished with 0 failures',
      'Tests: 5 failed, 10 passed',
      'Warning: deprecated API used in foo.js',
      'Compiling 12 files',
    ];
    const errors = await levelsOf(lines, 'ERROR');
    assert.deepEqual([...errors.keys()].sort(), [2], 'only the error: line is an ERROR line');
  });

  it('a stack frame under a leveled header still takes its level', async () => {
    const lines = [
      '2024-01-01 10:00:01 INFO started',
      '2024-01-01 10:00:02 ERROR request failed',
      'java.lang.IllegalStateException: boom',
      '\tat com.example.App.run(App.java:12)',
      '2024-01-01 10:00:03 INFO done',
    ];
    const errors = await levelsOf(lines, 'ERROR');
    assert.deepEqual([...errors.keys()].sort(), [2, 3, 4]);
  });
});
