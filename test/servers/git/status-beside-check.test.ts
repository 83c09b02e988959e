// leftovers24: git_status beside 10,000 untracked folders took about twice git's own time: the look for a .gitignore
// git would wait on (a readdir of every untracked folder, as git's walk does) ran first, then git. git now runs while
// the check looks (repo.ts runBesideIgnoreCheck): its answer stands when it ends first; when the check finds a FIFO,
// git (blocked on it) is stopped and the call refused, as before. Real git, a real FIFO; the check's timing is held
// in the test's hands (a promise it settles), so no clock is read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBesideIgnoreCheck } from '../../../servers/git/repo/repo';
import { GitCommandError } from '../../../servers/git/repo/run';
import { UnsafeFileError, type UnsafeFile } from '../../../servers/git/repo/unsafe-files';
import { createRepoKit, type RepoKit } from '../../support/git-fixture';

const STATUS = ['status', '--porcelain=v2', '-z', '--untracked-files=normal'];

describe('git: status runs beside the look for unsafe .gitignore files (leftovers24)', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  before(() => (kit = createRepoKit('git-beside-')));
  after(() => kit.cleanup());

  it('git\'s answer is given while the check is still looking', async () => {
    const root = kit.repo('beside-answer', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    mkdirSync(join(root, 'new'));
    writeFileSync(join(root, 'new', 'f.txt'), 'draft\n');
    const stillLooking = new Promise<UnsafeFile | undefined>(() => undefined);
    const result = await runBesideIgnoreCheck(STATUS, { cwd: root, timeoutMs: 20_000 }, stillLooking);
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout.toString('utf8'), /\? new\//);
  });

  it('a FIFO the check finds stops git waiting on it, and refuses the call naming it', async () => {
    const root = kit.repo('beside-fifo', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    mkdirSync(join(root, 'new', 'sub'), { recursive: true });
    writeFileSync(join(root, 'new', 'sub', 'f.txt'), 'draft\n');
    const fifo = join(root, 'new', 'sub', '.gitignore');
    execFileSync('mkfifo', [fifo]);
    let found!: (unsafe: UnsafeFile) => void;
    const checked = new Promise<UnsafeFile | undefined>((resolve) => (found = resolve));
    const running = runBesideIgnoreCheck(STATUS, { cwd: root, timeoutMs: 50_000 }, checked);
    found({ role: 'ignore', path: fifo, why: 'a FIFO (named pipe), which git would wait on for ever' });
    await assert.rejects(running, (error: unknown) => error instanceof UnsafeFileError && error.message.includes(fifo));
  });

  it('a git that fails waits for the check: its error when the check finds nothing', async () => {
    const root = kit.repo('beside-fails', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    let done!: (unsafe: UnsafeFile | undefined) => void;
    const checked = new Promise<UnsafeFile | undefined>((resolve) => (done = resolve));
    const running = runBesideIgnoreCheck(['status', '--no-such-option'], { cwd: root, timeoutMs: 20_000 }, checked);
    setImmediate(() => done(undefined));
    await assert.rejects(running, (error: unknown) => error instanceof GitCommandError);
  });
});
