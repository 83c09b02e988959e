// leftovers24: on Windows a server killed by the extension (hung, or stopped) and a git, journalctl or scan process
// stopped by a server were ended alone (TerminateProcess of that pid): what they started ran on (the scan process's
// ripgrep, the git.exe behind Git for Windows' cmd\git.exe launcher). They are now ended with `taskkill /T /F /PID`.
// Windows cannot run here: these tests check the command built and that it is what runs, through a stand-in for
// spawn, and that the process itself is not killed first (taskkill finds the children by their parent's id).
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { killChildTree, killPidTree, windowsTreeKill } from '../../../servers/shared/kill-tree';

/** A stand-in for spawn that records what it was asked to run and returns a process that can be made to fail. */
function recorder() {
  const calls: Array<{ command: string; args: readonly string[] }> = [];
  const started: EventEmitter[] = [];
  const run = (command: string, args: readonly string[]) => {
    calls.push({ command, args });
    const child = Object.assign(new EventEmitter(), { unref: () => undefined });
    started.push(child);
    return child as unknown as ChildProcess;
  };
  return { calls, started, run };
}

describe('kill-tree: a process is ended with what it started (leftovers24)', () => {
  const realKill = process.kill;
  let killed: Array<[number, string | number | undefined]>;
  beforeEach(() => {
    killed = [];
    process.kill = ((pid: number, signal?: string | number) => {
      killed.push([pid, signal]);
      return true;
    }) as typeof process.kill;
  });
  afterEach(() => {
    process.kill = realKill;
  });

  it('builds taskkill /T /F /PID by its full path under the Windows folder', () => {
    assert.deepEqual(windowsTreeKill(4321, 'C:\\Windows'), { command: 'C:\\Windows\\System32\\taskkill.exe', args: ['/T', '/F', '/PID', '4321'] });
    assert.deepEqual(windowsTreeKill(7, 'D:\\WINNT').command, 'D:\\WINNT\\System32\\taskkill.exe');
  });

  it('on Windows runs taskkill on the tree, and does not kill the process first', () => {
    const { calls, run } = recorder();
    killPidTree(4321, { platform: 'win32', run });
    assert.equal(calls.length, 1);
    assert.match(calls[0].command, /\\System32\\taskkill\.exe$/);
    assert.deepEqual(calls[0].args, ['/T', '/F', '/PID', '4321']);
    assert.deepEqual(killed, []);
  });

  it('on Windows, where taskkill cannot start, kills the process alone as before', () => {
    const { started, run } = recorder();
    killPidTree(4321, { platform: 'win32', run });
    started[0].emit('error', new Error('spawn ENOENT'));
    assert.deepEqual(killed, [[4321, 'SIGKILL']]);
  });

  it('a child: taskkill on Windows with its pid; its own SIGKILL on POSIX; nothing once it has exited', () => {
    const child = () => {
      const sent: string[] = [];
      const fake = { pid: 555, exitCode: null, signalCode: null, kill: (signal: string) => sent.push(signal) };
      return { fake: fake as unknown as ChildProcess, sent, done: fake };
    };
    const onWindows = child();
    const { calls, run } = recorder();
    killChildTree(onWindows.fake, { platform: 'win32', run });
    assert.deepEqual(calls.map((c) => c.args), [['/T', '/F', '/PID', '555']]);
    assert.deepEqual(onWindows.sent, []);
    const onLinux = child();
    killChildTree(onLinux.fake, { platform: 'linux', run });
    assert.deepEqual(onLinux.sent, ['SIGKILL']);
    assert.equal(calls.length, 1, 'no taskkill on POSIX');
    const exited = child();
    (exited.done as { exitCode: number | null }).exitCode = 0;
    killChildTree(exited.fake, { platform: 'win32', run });
    assert.equal(calls.length, 1, 'nothing for a process that has exited');
  });

  it('on POSIX kills the pid with SIGKILL, as before', () => {
    const { calls, run } = recorder();
    killPidTree(4321, { platform: 'linux', run });
    assert.deepEqual(calls, []);
    assert.deepEqual(killed, [[4321, 'SIGKILL']]);
  });
});
