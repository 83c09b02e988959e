// Process names as the kernel knows them (issue 12, item 3): an executable whose file name has
// spaces, and a process that renamed itself; the full executable path and arguments kept apart.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { procHidesOthers, splitCmdline } from '../../../servers/system/processes/kernel';
import { cleanArguments, joinArgv } from '../../../servers/system/processes/command-line';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function top(server: StartedServer, name: string, count = 20): Promise<Row[]> {
  const result = (await server.client.callTool({ name: 'get_top_processes', arguments: { name, count, intervalMs: 500 } })) as CallToolResult;
  assert.notEqual(result.isError, true, JSON.stringify(result.content));
  return (result.structuredContent as Row).processes as Row[];
}

/** Resolves once the child runs its program (exec done), or once it prints `ready`. */
function started(child: ChildProcess, waitForReady: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    if (waitForReady) child.stdout!.once('data', () => resolve());
    else child.once('spawn', () => resolve());
  });
}

describe('process names', function () {
  this.timeout(60_000);

  describe('argv and arguments (pure)', () => {
    it('splits /proc cmdline, dropping the NULs a retitled process leaves', () => {
      assert.deepEqual(splitCmdline(Buffer.from('/tmp/batch worker 7\u000030\u0000')), ['/tmp/batch worker 7', '30']);
      assert.deepEqual(splitCmdline(Buffer.from('db sync task\u0000\u0000\u0000\u0000')), ['db sync task']);
    });

    // break24: as an ordinary user under hidepid, the table held that user's 3 processes and said "3 of 3 processes matched".
    it('says when /proc hides other users\' processes (hidepid), from the mount in effect', () => {
      const plain = '22 27 0:21 / /proc rw,relatime - proc proc rw\n';
      const hiding = '66 48 0:40 / /proc rw,relatime - proc proc rw,gid=5,hidepid=invisible\n';
      assert.match(procHidesOthers(plain + hiding, 1000, [1000]) ?? '', /hidepid=invisible and this server runs as uid 1000: other users' processes are hidden/);
      assert.match(procHidesOthers('66 48 0:40 / /proc rw - proc proc rw,hidepid=2\n', 1000, []) ?? '', /hidepid=2/);
      assert.match(procHidesOthers('66 48 0:40 / /proc rw - proc proc rw,hidepid=noaccess\n', 1000, []) ?? '', /hidepid=noaccess/);
      assert.equal(procHidesOthers(hiding + plain, 1000, []), undefined, 'the last mount on /proc is the one in effect');
      assert.equal(procHidesOthers(hiding, 0, []), undefined, 'root sees every process');
      assert.equal(procHidesOthers(hiding, 1000, [5]), undefined, "the mount's gid= group sees every process");
      assert.equal(procHidesOthers('66 48 0:40 / /proc rw - proc proc rw,hidepid=0\n', 1000, []), undefined);
      assert.equal(procHidesOthers('66 48 0:40 / /mnt/proc rw - proc proc rw,hidepid=2\n' + plain, 1000, []), undefined, 'another mount point');
    });

    it('quotes arguments with spaces and masks secrets given as separate arguments', () => {
      assert.equal(joinArgv(['/tmp/batch worker 7', '120']), '"/tmp/batch worker 7" 120');
      assert.deepEqual(cleanArguments(['--token', 'abc', '--password=hunter2', 'plain']), ['--token', '***', '--password=***', 'plain']);
    });
  });

  (process.platform === 'linux' ? describe : describe.skip)('get_top_processes on Linux', () => {
    let server: StartedServer;
    let dir: string;
    const children: ChildProcess[] = [];

    before(async () => {
      server = await startBuiltServer('system');
      dir = mkdtempSync(join(tmpdir(), 'proc-names-'));
    });
    after(async () => {
      for (const child of children) child.kill('SIGKILL');
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('an executable named "batch worker 7" is reported by its whole name, with path and arguments apart', async () => {
      const executable = join(dir, 'batch worker 7');
      copyFileSync('/bin/sleep', executable);
      const child = spawn(executable, ['120'], { stdio: 'ignore' });
      children.push(child);
      await started(child, false);
      const rows = await top(server, 'batch worker 7');
      const row = rows.find((r) => r.pid === child.pid);
      assert.ok(row, JSON.stringify(rows));
      assert.equal(row.name, 'batch worker 7');
      assert.equal(row.executable, executable);
      assert.deepEqual(row.arguments, ['120']);
      assert.equal(row.command, `${JSON.stringify(executable)} 120`);
      // The filter matches the name, the executable's path, or the command line.
      assert.ok((await top(server, dir)).some((r) => r.pid === child.pid), 'found by its folder');
      assert.ok((await top(server, 'WORKER 7" 120')).some((r) => r.pid === child.pid), 'found by its command line');
    });

    // leftovers26: a name holding a bidi character is shown written out (`dep\u202Eloy`); the filter is matched against
    // what a row shows, so the shown form finds it, and the name with the character itself (typed elsewhere) must too.
    it('finds a process named with a bidi character by its shown name and by the name itself', async () => {
      const executable = join(dir, 'dep\u202eloy-7');
      copyFileSync('/bin/sleep', executable);
      const child = spawn(executable, ['120'], { stdio: 'ignore' });
      children.push(child);
      await started(child, false);
      const shown = await top(server, 'dep\\u202Eloy-7');
      const row = shown.find((r) => r.pid === child.pid);
      assert.ok(row, JSON.stringify(shown));
      assert.equal(row.name, 'dep\\u202Eloy-7');
      assert.ok((await top(server, 'dep\u202eloy-7')).some((r) => r.pid === child.pid), 'found by the name with the character');
      assert.ok((await top(server, 'DEP\u202eLOY')).some((r) => r.pid === child.pid), 'found by part of it, in any case');
    });

    // The figures of /proc read directly, against ps at the same moment: a child burning CPU under a name with
    // ") (" and Korean (the stat line's name ends at the last ")"), and one holding 64 MiB.
    it('CPU and resident memory agree with ps for a busy process and one holding 64 MiB', async () => {
      const burner = spawn(process.execPath, ['-e', "process.title = 'a) (작업'; process.stdout.write('ready\\n'); for (;;) {}"], { stdio: ['ignore', 'pipe', 'ignore'] });
      const holder = spawn(process.execPath, ['-e', "globalThis.kept = Buffer.alloc(64 * 1024 * 1024, 1); process.title = 'mem holder'; process.stdout.write('ready\\n'); setInterval(() => {}, 1000)"], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      children.push(burner, holder);
      await Promise.all([started(burner, true), started(holder, true)]);
      const busy = (await top(server, 'a) (작업')).find((r) => r.pid === burner.pid);
      const psBusy = execFileSync('ps', ['-o', 'pcpu=,etimes=', '-p', String(burner.pid)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
      assert.ok(busy, 'the busy child is listed under its name');
      assert.equal(busy.name, 'a) (작업');
      // ps gives % of one core over the process's life (it has burned since its first second); ours is of all cores over the interval.
      const expected = psBusy[0] / cpus().length;
      assert.ok(busy.cpuPercent > 5 && Math.abs(busy.cpuPercent - expected) < 25, `ours ${busy.cpuPercent}%, ps ${psBusy[0]}% of one core over ${psBusy[1]} s`);
      const held = (await top(server, 'mem holder')).find((r) => r.pid === holder.pid);
      const psRssKib = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(holder.pid)], { encoding: 'utf8' }).trim());
      assert.ok(held, 'the holder is listed');
      assert.ok(held.memoryBytes >= 64 * 1024 ** 2, `holds 64 MiB: ${held.memoryBytes}`);
      assert.ok(Math.abs(held.memoryBytes - psRssKib * 1024) < 4 * 1024 ** 2, `ours ${held.memoryBytes} B, ps ${psRssKib} KiB`);
      burner.kill('SIGKILL');
    });

    // Through systeminformation the listing held the shells and ps it started: "167 of 169 processes matched" with no filter.
    it('without a filter every process counts as matched, and no process of its own is in the table', async () => {
      const result = (await server.client.callTool({ name: 'get_top_processes', arguments: { count: 1, intervalMs: 500 } })) as CallToolResult;
      const out = result.structuredContent as Row;
      assert.equal(out.matched, out.totals.processes, out.summary);
      assert.match(out.summary, new RegExp(`; ${out.matched} of ${out.matched} processes matched; `));
    });

    // break24: zombies (state Z) use no CPU or memory, so no top list shows them, and totals counted none of them.
    it('counts zombie processes in totals and says so in the summary', async () => {
      // The parent waits for its child's exit without reaping it (waitid WNOWAIT), then says ready: the child is a zombie.
      const script = 'import os, sys\npid = os.fork()\nif pid == 0: os._exit(0)\nos.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)\nprint(pid, flush=True)\nsys.stdin.read()';
      const parent = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'ignore'] });
      children.push(parent);
      const zombiePid = await new Promise<number>((resolve, reject) => {
        parent.once('error', reject);
        parent.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
      });
      const result = (await server.client.callTool({ name: 'get_top_processes', arguments: { count: 1, intervalMs: 500 } })) as CallToolResult;
      assert.notEqual(result.isError, true, JSON.stringify(result.content));
      const out = result.structuredContent as Row;
      assert.ok(out.totals.zombie >= 1, JSON.stringify(out.totals));
      assert.match(out.summary, /; \d+ zombie process(es)? \(exited, not yet reaped by their parent/);
      const row = (await top(server, 'python3', 50)).find((r) => r.pid === zombiePid);
      assert.equal(row?.state, 'zombie');
      parent.stdin!.end();
    });

    it('a process that set its title to "db sync task" is reported by that name, its executable kept', async () => {
      const child = spawn(process.execPath, ['-e', "process.title = 'db sync task'; process.stdout.write('ready\\n'); setInterval(() => {}, 1000)"], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      children.push(child);
      await started(child, true);
      const rows = await top(server, 'db sync task');
      const row = rows.find((r) => r.pid === child.pid);
      assert.ok(row, JSON.stringify(rows));
      assert.equal(row.name, 'db sync task');
      assert.equal(row.executable, process.execPath);
      assert.deepEqual(row.arguments, []);
      // Every node process matches the executable's path; on a busy machine an idle child is not among the top 20 by CPU.
      assert.ok((await top(server, process.execPath, 100)).some((r) => r.pid === child.pid), 'found by its executable');
    });
  });
});
