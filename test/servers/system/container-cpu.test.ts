// A container's CPU limit read from the kernel's cgroup files of real Docker containers (a private dockerd):
// the CFS quota of --cpus and the cpuset of --cpuset-cpus, with docker inspect as the oracle, and the
// throttling a busy loop under a quota gets. The system server used to ignore both ("12% on 2 cores").
import assert from 'node:assert/strict';
import os from 'node:os';
import { containerCpuBetween, countCpuList, readCgroupCpu, type CgroupCpuSnapshot } from '../../../servers/system/sampling/cgroup-cpu';
import { parseProcStat, cpuUsageBetween } from '../../../servers/system/sampling/cpu';
import { evaluateWarnings } from '../../../servers/system/warnings/evaluate';
import { BUSYBOX_IMAGE, dockerSkipReason, startDockerDaemon, type DockerDaemon } from '../../support/docker-daemon';
import { waitUntil } from '../../support/wait';

const thresholds = { cpu: 80, memory: 90, disk: 90 };

describe('system server: container (cgroup) CPU limit', function () {
  this.timeout(180_000);

  describe('without containers', () => {
    it('counts cpuset lists and reads /proc/stat with iowait, softirq and steal as busy', () => {
      assert.equal(countCpuList('0-3,6,8-9\n'), 7);
      assert.equal(countCpuList('0'), 1);
      assert.equal(countCpuList(''), null);
      // One core: 100 user, 100 idle, 500 iowait, 100 softirq, 200 steal ticks in the interval. os.cpus() drops
      // iowait, softirq and steal from busy and total (50%); node_exporter counts them (1 - idle share = 90%).
      const before = parseProcStat('cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 1000 0 0 1000 0 0 0 0 0 0\nintr 5\n');
      const after = parseProcStat('cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 1100 0 0 1100 500 0 100 200 0 0\nintr 5\n');
      assert.ok(before && after);
      assert.deepEqual(cpuUsageBetween(before, after), { percent: 90, perCore: [90] });
    });
  });

  describe('real containers', () => {
    const skip = process.platform === 'linux' ? dockerSkipReason() : 'cgroups are Linux only';
    let daemon: DockerDaemon;

    before(async function () {
      if (skip) {
        console.log(`    (skipped: ${skip})`);
        return this.skip();
      }
      daemon = await startDockerDaemon();
    });
    after(async () => daemon?.stop());

    /** Starts a container running a shell busy loop with `flags`; resolves with its pid on the host. */
    const busy = async (name: string, ...flags: string[]): Promise<number> => {
      await daemon.docker('run', '-d', '--network', 'none', '--name', name, ...flags, BUSYBOX_IMAGE, 'sh', '-c', 'while :; do :; done');
      return Number((await daemon.docker('inspect', '-f', '{{.State.Pid}}', name)).trim());
    };
    const read = (pid: number) => readCgroupCpu({ selfCgroup: `/proc/${pid}/cgroup` });

    it('--cpus=0.25: the quota, the use of it and the throttling the kernel counts', async () => {
      const pid = await busy('quota', '--cpus=0.25');
      const nanoCpus = Number((await daemon.docker('inspect', '-f', '{{.HostConfig.NanoCpus}}', 'quota')).trim());
      const before = await read(pid);
      assert.ok(before, 'the container\'s cgroup files are readable');
      assert.equal(before.quotaCores, nanoCpus / 1e9);
      // The busy loop wants a whole core and gets a quarter: the kernel throttles it in (nearly) every period.
      const after = await waitUntil('the kernel to throttle the container', async () => {
        const now = (await read(pid)) as CgroupCpuSnapshot;
        return now.periods! - before.periods! >= 5 && now.throttledPeriods! > before.throttledPeriods! ? now : undefined;
      });
      const container = containerCpuBetween(before, after, Math.max(2, os.cpus().length));
      assert.ok(container, 'a quota below the machine\'s cores is reported');
      assert.equal(container.limitCores, 0.25);
      assert.equal(container.limitBy, 'quota');
      assert.ok(container.throttling && container.throttling.throttledPeriods > 0 && container.throttling.throttledPeriods <= container.throttling.periods, JSON.stringify(container));
      assert.ok(container.throttling.throttledMs !== null && container.throttling.throttledMs >= 0);
      // The quota caps what it can use (a little over it across a period boundary); the busy host may give it less.
      assert.ok(container.usedCores !== null && container.usedCores > 0 && container.usedCores <= 0.35, JSON.stringify(container));
      const warnings = evaluateWarnings({ containerCpu: container }, thresholds);
      const throttling = warnings.find((w) => w.subject === 'container throttling');
      assert.ok(throttling, JSON.stringify(warnings));
      assert.match(throttling.message, /^the container was throttled in \d+ of \d+ CPU periods \([\d.]+%\), held back \d+ ms: it wanted more CPU than its limit of 0\.25 CPUs \(its CPU quota\) allows$/);
    });

    it('--cpuset-cpus=0: one CPU, not the machine\'s cores, and no throttling (a cpuset does not throttle)', async () => {
      const pid = await busy('cpuset', '--cpuset-cpus=0');
      assert.equal((await daemon.docker('inspect', '-f', '{{.HostConfig.CpusetCpus}}', 'cpuset')).trim(), '0');
      const before = await read(pid);
      const after = await waitUntil('the container to use CPU', async () => {
        const now = await read(pid);
        return now && now.usageMicros! > before!.usageMicros! ? now : undefined;
      });
      assert.equal(after.cpusetCores, 1);
      assert.equal(after.quotaCores, null);
      const container = containerCpuBetween(before, after, 2);
      assert.ok(container);
      assert.equal(container.limitCores, 1);
      assert.equal(container.limitBy, 'cpuset');
      assert.equal(container.throttling, null);
      // On a machine of one core the cpuset is the whole machine: no limit to speak of.
      assert.equal(containerCpuBetween(before, after, 1), null);
    });
  });
});
