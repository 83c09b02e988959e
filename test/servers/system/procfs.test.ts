// The process table from /proc (Linux): the stat line's name may hold ")" and spaces, processes end while being
// read, kernel threads have no command line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseProcStat, readProcessTable, readStats } from '../../../servers/system/processes/procfs';

describe('process table from /proc', () => {
  it('a name holding ") (", spaces and Korean ends at the last ")" of the stat line', () => {
    const line = '4242 (작업 a) (b) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 123456 1000000 300 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n';
    const stat = parseProcStat(line)!;
    assert.deepEqual(stat, { pid: 4242, comm: '작업 a) (b', state: 'S', parentPid: 1, cpuTicks: 300, startTicks: 123456 });
    assert.equal(parseProcStat('not a stat line'), null);
  });

  (process.platform === 'linux' ? describe : describe.skip)('on this machine', () => {
    it('a process that is gone by the time it is read is left out, not an error', async () => {
      const gone = 2 ** 22 + 7; // above pid_max's largest value (4,194,304): never a live pid
      assert.equal((await readStats([gone, process.pid])).has(gone), false);
      const before = await readStats();
      before.set(gone, { stat: { pid: gone, comm: 'gone', state: 'S', parentPid: 1, cpuTicks: 0, startTicks: 0 }, at: 0 });
      const table = await readProcessTable(before);
      assert.equal(table.list.some((p) => p.pid === gone), false);
      const self = table.list.find((p) => p.pid === process.pid)!;
      assert.ok(self, 'this process is listed');
      assert.equal(self.user, execFileSync('ps', ['-o', 'user=', '-p', String(process.pid)], { encoding: 'utf8' }).trim());
      assert.ok(self.memRss > 1024, `this process's RSS in KiB: ${self.memRss}`);
      assert.equal(table.all, table.list.length);
    });

    it('kernel threads (no argv) are shown in brackets as ps shows them', async function () {
      const table = await readProcessTable(await readStats());
      const kthread = table.list.find((p) => p.pid === 2 || p.parentPid === 2);
      if (!kthread) this.skip(); // a pid namespace (container) shows no kernel threads
      assert.equal(kthread.command, `[${kthread.name}]`);
      assert.equal(kthread.memRss, 0);
    });
  });
});
