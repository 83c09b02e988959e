// leftovers24 left open: git_status runs beside the look for a .gitignore git would wait on (repo.ts
// runBesideIgnoreCheck), and when git answered first that look went on to its end: a readdir of every untracked folder
// and `git check-ignore` on them all, after the tool had answered. It is stopped now when no call waits on it. Real git
// through the built server, with a `git` first on PATH that holds `check-ignore` back (as one over a large tree is
// slow) and lets `status` answer only once that check-ignore has started: at the answer the check is running, every
// time. The test reads /proc for what is left running.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { createRepoKit, ok, type RepoKit } from '../../support/git-fixture';
import { childPids, commandLine } from '../../support/processes';
import { waitUntil } from '../../support/wait';

/** Every process below `pid`, children first. */
function descendants(pid: number): number[] {
  return childPids(pid).flatMap((child) => [child, ...descendants(child)]);
}

describe('git: the ignore check is stopped once git has answered', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let server: StartedServer;
  let started: string;

  before(async () => {
    kit = createRepoKit('git-check-stop-');
    const repo = kit.repo('repo', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'src/a.txt' }]);
    for (let i = 0; i < 200; i++) {
      mkdirSync(join(repo, 'src', `new${i}`, 'deeper'), { recursive: true });
      writeFileSync(join(repo, 'src', `new${i}`, 'deeper', 'f.txt'), 'draft\n');
    }
    const bin = join(kit.dir, 'bin');
    mkdirSync(bin);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    started = join(kit.dir, 'check-ignore-started');
    writeFileSync(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        'case " $* " in',
        `  *" check-ignore "*) touch '${started}'; sleep 90 ;;`,
        `  *" status "*) n=0; while [ ! -e '${started}' ] && [ $n -lt 400 ]; do sleep 0.05; n=$((n+1)); done ;;`,
        'esac',
        `exec ${realGit} "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'git'), 0o755);
    server = await startBuiltServer('git', { REPO_PATH: repo, TZ: 'UTC', PATH: `${bin}:${process.env.PATH ?? ''}` });
  });
  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('git_status answers, and no check-ignore is left running after it', async () => {
    const status = await ok(server, 'git_status', {});
    assert.equal((status.counts as { untracked: number }).untracked, 200);
    assert.ok(existsSync(started), 'the check was running when git answered');
    const pid = server.transport.pid!;
    const checks = () => descendants(pid).filter((child) => commandLine(child).includes('check-ignore'));
    await waitUntil('the check-ignore to be stopped', () => checks().length === 0, { timeoutMs: 10_000 });
  });
});
