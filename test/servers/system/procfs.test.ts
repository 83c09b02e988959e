// The process table from /proc (Linux): the stat line's name may hold ")" and spaces, processes end while being
// read, kernel threads have no command line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { clockTicksFromAuxv, clockTicksPerSecond, cpuPercentOf, parseProcStat, readProcessTable, readStats, ticksToMs } from '../../../servers/system/processes/procfs';

describe('process table from /proc', () => {
  it('a name holding ") (", spaces and Korean ends at the last ")" of the stat line', () => {
    const line = '4242 (작업 a) (b) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 123456 1000000 300 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n';
    const stat = parseProcStat(line)!;
    assert.deepEqual(stat, { pid: 4242, comm: '작업 a) (b', state: 'S', parentPid: 1, cpuTicks: 300, startTicks: 123456 });
    assert.equal(parseProcStat('not a stat line'), null);
  });

  // /proc's times are in USER_HZ ticks, 100 a second on common kernels but not on every one: a kernel with 250 (or
  // 1000, 1024) made every process's CPU 2.5 (10) times too high and its start time that far from boot.
  it('CPU share and start time follow the clock ticks per second given, not a fixed 100', () => {
    assert.equal(ticksToMs(2500, 250), 10_000);
    assert.equal(ticksToMs(2500, 100), 25_000);
    assert.equal(cpuPercentOf(250, 1000, 1, 250), 100, 'one second of CPU in one second on one core');
    assert.equal(cpuPercentOf(25, 1000, 2, 250), 5);
    assert.equal(cpuPercentOf(1000, 1000, 4, 1000), 25);
    assert.equal(cpuPercentOf(10, 0, 4, 100), 0, 'no span, no share');
    assert.equal(cpuPercentOf(900, 1000, 1, 100), 100, 'capped at the whole machine');
  });

  it('reads AT_CLKTCK from an auxiliary vector of 8- or 4-byte words in either byte order', () => {
    const vector = (wordBytes: 4 | 8, endianness: 'LE' | 'BE', pairs: Array<[number, number]>) => {
      const buffer = Buffer.alloc(pairs.length * 2 * wordBytes);
      pairs.flat().forEach((value, i) => {
        if (wordBytes === 8) buffer[endianness === 'LE' ? 'writeBigUInt64LE' : 'writeBigUInt64BE'](BigInt(value), i * 8);
        else buffer[endianness === 'LE' ? 'writeUInt32LE' : 'writeUInt32BE'](value, i * 4);
      });
      return buffer;
    };
    const pairs: Array<[number, number]> = [[33, 0x7ffd0000], [6, 4096], [17, 250], [3, 0x400040], [0, 0]];
    for (const wordBytes of [8, 4] as const) {
      for (const endianness of ['LE', 'BE'] as const) assert.equal(clockTicksFromAuxv(vector(wordBytes, endianness, pairs), wordBytes, endianness), 250, `${wordBytes}-byte ${endianness}`);
    }
    assert.equal(clockTicksFromAuxv(vector(8, 'LE', [[6, 4096], [0, 0], [17, 250]]), 8, 'LE'), undefined, 'nothing after AT_NULL');
    assert.equal(clockTicksFromAuxv(Buffer.alloc(0), 8, 'LE'), undefined);
  });

  (process.platform === 'linux' ? describe : describe.skip)('on this machine', () => {
    it('the clock ticks per second are what getconf CLK_TCK says', () => {
      assert.equal(clockTicksPerSecond(), Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()));
    });

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
