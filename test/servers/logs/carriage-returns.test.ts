// A training script's log (break37): Python's logging and a tqdm progress bar on the same stream, redirected to a file.
// tqdm redraws its bar with carriage returns and, to print a log record under it (tqdm.write, logging_redirect_tqdm),
// clears the bar with `\r<spaces>\r` first, so the record follows the bar's redraws on the same "\n" line. A terminal
// (`cat`, `tail -f`) shows that line as the record alone; the tools read it as the bar's text, a continuation of the
// entry above: error_summary said "no ERROR or FATAL lines in the last 1 h" of a CUDA out-of-memory ERROR ten minutes
// old, and search_logs gave it the level and time of the INFO above. A carriage return inside a record's own message
// (a raw value logged as it came) must not take the record's level away.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeWithEachEngine } from '../../support/log-engines';
import type { StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Python logging's default asctime, `YYYY-MM-DD HH:MM:SS,mmm`, of `ms` in this process's zone (the server's too). */
function asctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())},${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** tqdm's redraws of a bar from 0 to `upTo` %, each after a carriage return. */
function bar(upTo: number): string {
  let text = '';
  for (let p = 0; p <= upTo; p += 10) text += `\rEpoch 1: ${String(p).padStart(3)}%|${'█'.repeat(p / 10)}${' '.repeat(10 - p / 10)}| ${p / 10}/10 [00:0${p / 10}<00:05, 1.9it/s]`;
  return text;
}

describe('logs: a record written after a progress bar\'s carriage returns (tqdm beside logging)', function () {
  this.timeout(60_000);
  let dir: string;
  let oom: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-carriage-returns-'));
    const now = Date.now();
    oom = Math.floor((now - 10 * 60_000) / 1000) * 1000;
    const clear = `\r${' '.repeat(60)}\r`;
    writeFileSync(
      join(dir, 'train.log'),
      [
        `${asctime(now - 40 * 60_000)} - train - INFO - starting epoch 1 of 3`,
        `${bar(50)}${clear}${asctime(oom)} - train - ERROR - CUDA out of memory. Tried to allocate 2.00 GiB`,
        `${bar(90)}${clear}${asctime(now - 5 * 60_000)} - train - INFO - epoch 1 done`,
        `${asctime(now - 4 * 60_000)} - train - ERROR - bad label in row 17: "cat\rdog"`,
        '',
      ].join('\n'),
    );
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const call = async (server: StartedServer, name: string, args: Data): Promise<Data> => {
    const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
    assert.ok(!result.isError, JSON.stringify(result.content));
    return result.structuredContent as Data;
  };

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('error_summary over the last hour counts the record after the bar, at its own time, and the one with a CR in its message', async () => {
      const summary = await call(server(), 'error_summary', { file: 'train.log', hours: 1 });
      assert.equal(summary.totalErrors, 2, JSON.stringify(summary));
      const cuda = summary.groups.find((g: Data) => /CUDA out of memory/.test(g.template));
      assert.ok(cuda, JSON.stringify(summary.groups));
      assert.equal(Date.parse(cuda.firstSeen), oom);
      assert.deepEqual(cuda.levels, ['ERROR']);
    });

    it('search_logs with level ERROR finds it with its own level and time', async () => {
      const found = await call(server(), 'search_logs', { pattern: 'CUDA', level: 'ERROR', file: 'train.log' });
      assert.equal(found.totalMatches, 1, JSON.stringify(found));
      assert.equal(found.matches[0].level, 'ERROR');
      assert.equal(Date.parse(found.matches[0].timestamp), oom);
    });

    it('log_patterns mines it as its own ERROR event, not as the bar\'s text under the INFO above', async () => {
      const out = await call(server(), 'log_patterns', { file: 'train.log' });
      const cuda = out.templates.find((t: Data) => /CUDA out of memory/.test(t.template));
      assert.ok(cuda, JSON.stringify(out.templates));
      assert.doesNotMatch(cuda.template, /Epoch|█/);
      assert.deepEqual(cuda.levels, { ERROR: 1 });
    });

    it('recent_logs with level ERROR shows it', async () => {
      const recent = await call(server(), 'recent_logs', { file: 'train.log', level: 'ERROR' });
      assert.equal(recent.lines.length, 2, JSON.stringify(recent));
      assert.match(recent.lines[0].text, /CUDA out of memory/);
      assert.equal(recent.lines[0].level, 'ERROR');
    });
  });
});
