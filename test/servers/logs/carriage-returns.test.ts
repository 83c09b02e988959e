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
import { describeWithEachEngine } from '../../support/log-engines';
import { callStructured, type StartedServer } from '../../support/mcp-client';

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

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

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

// rev26a: a record whose message holds a carriage return before text that reads as a record (a job's output logged as
// it came) was read as that text: the ERROR became an INFO at the output's time, and error_summary said "no ERROR or
// FATAL lines". A line that opens with a record is that record (format/as-shown.ts parseAsShown).
describe('logs: a carriage return inside a record\'s message before text with a time and a level', function () {
  this.timeout(60_000);
  let dir: string;
  let failed: number;
  let deploy: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'logs-carriage-inside-'));
    const now = Date.now();
    failed = Math.floor((now - 20 * 60_000) / 1000) * 1000;
    deploy = Math.floor((now - 10 * 60_000) / 1000) * 1000;
    const plain = (ms: number) => asctime(ms).slice(0, 19);
    // rev26a's jobs.log, its times moved into the last hour.
    writeFileSync(join(dir, 'jobs.log'), `${plain(failed)} ERROR job 7 failed, its output was: step 1 ok\r${plain(failed - 1000)} INFO step 2 ok\n${plain(failed + 1000)} INFO next job\n`);
    // Made up: Python logging's default layout, a deploy's output (a container pull's lines) logged in one record.
    writeFileSync(
      join(dir, 'deploy.log'),
      [
        `${asctime(deploy - 60_000)} - deploy - INFO - pulling image`,
        `${asctime(deploy)} - deploy - WARNING - pull was slow: layer 1: Downloading\r${asctime(deploy - 5000)} - pull - DEBUG - layer 1: Pull complete`,
        `${asctime(deploy + 1000)} - deploy - INFO - started`,
        '',
      ].join('\n'),
    );
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const call = (server: StartedServer, name: string, args: Data): Promise<Data> => callStructured(server.client, name, args);

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('error_summary over the last hour counts the ERROR at its own time (rev26a jobs.log)', async () => {
      const summary = await call(server(), 'error_summary', { file: 'jobs.log', hours: 1 });
      assert.equal(summary.totalErrors, 1, JSON.stringify(summary));
      assert.equal(Date.parse(summary.groups[0].firstSeen), failed);
    });

    it('search_logs and recent_logs keep the record\'s level and time', async () => {
      const found = await call(server(), 'search_logs', { pattern: 'job 7 failed', file: 'jobs.log' });
      assert.equal(found.totalMatches, 1, JSON.stringify(found));
      assert.equal(found.matches[0].level, 'ERROR');
      assert.equal(Date.parse(found.matches[0].timestamp), failed);
      const warned = await call(server(), 'recent_logs', { file: 'deploy.log', level: 'WARN' });
      assert.equal(warned.lines.length, 1, JSON.stringify(warned));
      assert.match(warned.lines[0].text, /pull was slow/);
      assert.equal(warned.lines[0].level, 'WARN');
    });

    it('log_patterns mines the made-up record at its own level', async () => {
      const out = await call(server(), 'log_patterns', { file: 'deploy.log' });
      const slow = out.templates.find((t: Data) => /pull was slow/.test(t.template));
      assert.ok(slow, JSON.stringify(out.templates));
      assert.deepEqual(slow.levels, { WARN: 1 });
    });
  });
});
