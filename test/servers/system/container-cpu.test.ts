// A container's CPU limit read from the kernel's cgroup files of real Docker containers (a private dockerd):
// the CFS quota of --cpus and the cpuset of --cpuset-cpus, with docker inspect as the oracle, and the
// throttling a busy loop under a quota gets. The system server used to ignore both ("12% on 2 cores").
import assert from 'node:assert/strict';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { containerCpuBetween, countCpuList, readCgroupCpu, type CgroupCpuSnapshot } from '../../../servers/system/sampling/cgroup-cpu';
import { cpuSnapshot, cpuUsageBetween, parseProcStat } from '../../../servers/system/sampling/cpu';
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

    (process.platform === 'linux' ? it : it.skip)('reads the machine from /proc/stat on Linux (every field), not from os.cpus()', () => {
      const stat = () => parseProcStat(readFileSync('/proc/stat', 'utf8'))!;
      const earlier = stat();
      const taken = cpuSnapshot();
      const later = stat();
      assert.equal(taken.total.length, earlier.total.length);
      // Counters only grow: the snapshot lies between two readings of the file taken around it (os.cpus() gives ms, not ticks, and leaves fields out).
      taken.total.forEach((total, i) => assert.ok(earlier.total[i] <= total && total <= later.total[i], `core ${i}: ${earlier.total[i]} <= ${total} <= ${later.total[i]}`));
      taken.busy.forEach((busy, i) => assert.ok(earlier.busy[i] <= busy && busy <= later.busy[i], `core ${i} busy`));
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

    // The finding as a user met it: the server itself inside a container limited to 0.25 CPU said "CPU 12% on 2 cores".
    it('the built server inside a --cpus=0.25 container reports the quota, its use and the host\'s figures as the host\'s', async () => {
      const root = path.resolve(__dirname, '../../..');
      const modules = realpathSync(path.join(root, 'node_modules'));
      const sdk = path.dirname(require.resolve('@modelcontextprotocol/sdk/client/index.js')).replace(`${path.sep}cjs${path.sep}`, `${path.sep}esm${path.sep}`);
      const script = `
        import { spawn } from 'node:child_process';
        import { Client } from ${JSON.stringify(pathToFileURL(path.join(sdk, 'index.js')).href)};
        import { StdioClientTransport } from ${JSON.stringify(pathToFileURL(path.join(sdk, 'stdio.js')).href)};
        const burn = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
        const client = new Client({ name: 'in-container', version: '1' });
        await client.connect(new StdioClientTransport({ command: process.execPath, args: [${JSON.stringify(path.join(root, 'dist/servers/system.js'))}], stderr: 'ignore' }));
        const usage = await client.callTool({ name: 'get_resource_usage', arguments: { intervalMs: 2000 } });
        const top = await client.callTool({ name: 'get_top_processes', arguments: { count: 5, intervalMs: 1000 } });
        process.stdout.write(JSON.stringify({ usage: usage.structuredContent, top: top.structuredContent }));
        burn.kill();
        await client.close();`;
      // The image holds busybox alone: the host's Node, its libraries, the built server and its modules are bound read-only.
      const binds = ['/usr', ...['/lib', '/lib64'].filter((l) => existsSync(l)).map((l) => `${realpathSync(l)}:${l}`), root, modules].flatMap((b) => ['-v', `${b.includes(':') ? b : `${b}:${b}`}:ro`]);
      const out = await daemon.docker('run', '--rm', '--network', 'none', '--cpus=0.25', ...binds, '-w', root, BUSYBOX_IMAGE, process.execPath, '--input-type=module', '-e', script);
      const { usage, top } = JSON.parse(out) as { usage: Record<string, any>; top: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      const container = usage.cpu.container;
      assert.ok(container, JSON.stringify(usage.cpu));
      assert.equal(container.limitCores, 0.25);
      assert.equal(container.limitBy, 'quota');
      assert.equal(container.cgroupVersion, readFileSync('/proc/self/cgroup', 'utf8').includes(':cpu') ? 1 : 2);
      assert.ok(container.usedCores !== null && container.usedCores <= 0.35, JSON.stringify(container));
      // usedCores is rounded to 0.01 CPU (2% of 0.25); the percentage comes from the unrounded figure.
      assert.ok(Math.abs(container.percentOfLimit - (100 * container.usedCores) / 0.25) <= 2.01, JSON.stringify(container));
      assert.match(usage.summary, new RegExp(`^CPU [\\d.]+% over 2000 ms on ${usage.cpu.logicalCores} cores \\(the host's\\); the container may use 0\\.25 CPUs \\(CPU quota\\), using [\\d.]+ CPU = [\\d.]+% of it`), usage.summary);
      // Throttled periods warn, whatever the thresholds; none without them.
      const throttled = container.throttling.throttledPeriods > 0;
      assert.equal(usage.warnings.some((w: { subject?: string }) => w.subject === 'container throttling'), throttled, JSON.stringify(usage.warnings));
      assert.deepEqual(top.containerCpu && [top.containerCpu.limitCores, top.containerCpu.limitBy], [0.25, 'quota']);
      for (const row of top.processes) assert.equal(row.cpuPercentOfLimit, Math.round((10 * row.cpuPercent * usage.cpu.logicalCores) / 0.25) / 10, JSON.stringify(row));
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
