// Container memory limits read from cgroup v1 and v2 layouts built in a temp folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCgroupMemory } from '../../../servers/system/sampling/cgroup';
import { containerCpuBetween, readCgroupCpu } from '../../../servers/system/sampling/cgroup-cpu';

const GiB = 1024 ** 3;

describe('system server: container (cgroup) memory', () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const read = (physicalBytes = 16 * GiB) => readCgroupMemory({ root: path.join(dir, 'cg'), selfCgroup: path.join(dir, 'self'), physicalBytes });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cgroup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('v2 inside a container: limit, and working set without inactive file cache', async () => {
    write('self', '0::/\n');
    write('cg/memory.max', `${GiB}\n`);
    write('cg/memory.current', `${GiB / 2}\n`);
    write('cg/memory.stat', `anon 100\nfile 300\ninactive_file ${GiB / 8}\nactive_file 5\n`);
    assert.deepEqual(await read(), { limitBytes: GiB, usedBytes: (3 * GiB) / 8, percent: 37.5, cgroupVersion: 2 });
  });

  it('v2 on the host path: the tightest limit among ancestors counts', async () => {
    write('self', '0::/kubepods/pod1/c1\n');
    write('cg/kubepods/pod1/memory.max', `${2 * GiB}\n`);
    write('cg/kubepods/pod1/c1/memory.max', 'max\n');
    write('cg/kubepods/pod1/c1/memory.current', `${GiB}\n`);
    const memory = await read();
    assert.equal(memory?.limitBytes, 2 * GiB);
    assert.equal(memory?.percent, 50);
  });

  it('v1 (hybrid hierarchy) falls back to the namespaced root when the host path is not mounted', async () => {
    write('self', '9:name=systemd:/\n4:memory:/docker/abc\n0::/\n');
    write('cg/memory/memory.limit_in_bytes', `${4 * GiB}\n`);
    write('cg/memory/memory.usage_in_bytes', `${GiB}\n`);
    write('cg/memory/memory.stat', `cache 1\ninactive_file 7\ntotal_inactive_file ${GiB / 2}\n`);
    assert.deepEqual(await read(), { limitBytes: 4 * GiB, usedBytes: GiB / 2, percent: 12.5, cgroupVersion: 1 });
  });

  // This machine runs cgroup v1 (the real-container tests in container-cpu.test.ts); v2's files are laid out here as the kernel does.
  it('v2 CPU: the tightest cpu.max among ancestors, the cpuset, and usage and throttling from cpu.stat', async () => {
    write('self', '0::/kubepods/pod1/c1\n');
    write('cg/kubepods/pod1/cpu.max', '50000 100000\n');
    write('cg/kubepods/pod1/c1/cpu.max', 'max 100000\n');
    write('cg/kubepods/pod1/c1/cpuset.cpus.effective', '0-3\n');
    const stat = (usage: number, periods: number, throttled: number, throttledUsec: number) =>
      write('cg/kubepods/pod1/c1/cpu.stat', `usage_usec ${usage}\nuser_usec 1\nsystem_usec 2\nnr_periods ${periods}\nnr_throttled ${throttled}\nthrottled_usec ${throttledUsec}\n`);
    stat(1_000_000, 10, 2, 5000);
    const cpu = () => readCgroupCpu({ root: path.join(dir, 'cg'), selfCgroup: path.join(dir, 'self') });
    const before = await cpu();
    stat(1_400_000, 18, 9, 305_000);
    const after = await cpu();
    assert.ok(before && after);
    assert.equal(after.cgroupVersion, 2);
    assert.equal(after.quotaCores, 0.5);
    assert.equal(after.cpusetCores, 4);
    // One second between the readings: 0.4 s of CPU is 0.4 CPU, 80% of the 0.5 CPU quota.
    const container = containerCpuBetween({ ...before, at: 0 }, { ...after, at: 1000 }, 8);
    assert.deepEqual(container, {
      limitCores: 0.5,
      limitBy: 'quota',
      usedCores: 0.4,
      percentOfLimit: 80,
      throttling: { periods: 8, throttledPeriods: 7, throttledMs: 300 },
      cgroupVersion: 2,
    });
    write('cg/kubepods/pod1/cpu.max', 'max 100000\n');
    assert.equal(containerCpuBetween(before, await cpu(), 4), null, 'no quota and a cpuset of all 4 cores: no limit');
    assert.equal((await cpu())?.quotaCores, null);
  });

  it('no limit ("max", or v1 unlimited at or above physical memory) and no cgroup files mean null', async () => {
    write('self', '0::/\n');
    write('cg/memory.max', 'max\n');
    write('cg/memory.current', '1000\n');
    assert.equal(await read(), null);
    rmSync(path.join(dir, 'cg'), { recursive: true });
    write('self', '4:memory:/x\n');
    write('cg/memory/x/memory.limit_in_bytes', '9223372036854771712\n');
    write('cg/memory/x/memory.usage_in_bytes', '1000\n');
    assert.equal(await read(), null);
    rmSync(path.join(dir, 'self'));
    assert.equal(await read(), null);
  });
});
