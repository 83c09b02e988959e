// fix30: includeIf gitdir: conditions evaluated without git, checked against what a real git does with the same config.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { includeConditionHolds } from '../../../servers/git/repo/include-conditions';

describe('includeIf gitdir: conditions', function () {
  this.timeout(120_000);
  let base: string;
  let home: string;
  let root: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    base = realpathSync(mkdtempSync(join(tmpdir(), 'include-cond-')));
    home = join(base, 'home');
    root = join(home, 'work', 'Project');
    mkdirSync(root, { recursive: true });
    git(root, 'init', '-q');
    writeFileSync(join(root, '.git', 'marked.cfg'), '[fix30]\n\tmark = yes\n');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  function git(cwd: string, ...args: string[]): string {
    // PWD: git takes a folder reached through a symlink by the path it was given, as a shell passes it.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, PWD: cwd, GIT_CONFIG_NOSYSTEM: '1', LANG: 'C' };
    return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  }

  /** Whether real git, run in `cwd`, follows an includeIf with `condition` in the repository's config. */
  function gitFollows(condition: string, cwd = root): boolean {
    const config = join(root, '.git', 'config');
    const saved = readFileSync(config, 'utf8');
    writeFileSync(config, `${saved}[includeIf "${condition}"]\n\tpath = marked.cfg\n`);
    try {
      return git(cwd, 'config', '--get', 'fix30.mark').trim() === 'yes';
    } catch {
      return false;
    } finally {
      writeFileSync(config, saved);
    }
  }

  it('answers as git does for the glob rules git documents', () => {
    const gitDir = join(root, '.git');
    const config = join(gitDir, 'config');
    const conditions = [
      'gitdir:/nowhere/',
      `gitdir:${root}/`,
      `gitdir:${root}`,
      `gitdir:${root}/.git`,
      `gitdir:${root.toUpperCase()}/`,
      `gitdir/i:${root.toUpperCase()}/`,
      'gitdir:~/work/',
      'gitdir:~/work/Project/',
      'gitdir:~/other/',
      'gitdir:~/*/Project/',
      'gitdir:~/w?rk/*/',
      'gitdir:Project/',
      'gitdir:project/',
      'gitdir/i:project/',
      'gitdir:work/',
      'gitdir:work/Project/',
      'gitdir:**/Project/.git',
      'gitdir:./',
      'gitdir:.git',
      `gitdir:${dirname(root)}/**/.git`,
      `gitdir:${dirname(root)}/*/.git`,
      `gitdir:${dirname(dirname(root))}/*/.git`,
    ];
    for (const condition of conditions) {
      const answer = includeConditionHolds(condition, gitDir, config, home);
      assert.ok('holds' in answer, `${condition}: ${JSON.stringify(answer)}`);
      assert.equal(answer.holds, gitFollows(condition), condition);
    }
  });

  it('matches the path through a symlink as well as the real path, as git does', () => {
    const link = join(base, 'linked');
    symlinkSync(root, link);
    const condition = `gitdir:${link}/`;
    const answer = includeConditionHolds(condition, join(link, '.git'), join(link, '.git', 'config'), home);
    assert.deepEqual(answer, { holds: gitFollows(condition, link) });
    assert.deepEqual(answer, { holds: true });
  });

  it('leaves to git what depends on more than the git dir, and says why', () => {
    const gitDir = join(root, '.git');
    const config = join(gitDir, 'config');
    assert.match(String((includeConditionHolds('onbranch:main', gitDir, config, home) as { unknown: string }).unknown), /checked-out branch/);
    assert.match(String((includeConditionHolds('hasconfig:remote.*.url:https://x/**', gitDir, config, home) as { unknown: string }).unknown), /remotes/);
    assert.match(String((includeConditionHolds('gitdir:/srv/[ab]/', gitDir, config, home) as { unknown: string }).unknown), /bracket/);
    assert.match(String((includeConditionHolds('gitdir:~/work/', gitDir, config, undefined) as { unknown: string }).unknown), /HOME/);
    assert.match(String((includeConditionHolds('future:x', gitDir, config, home) as { unknown: string }).unknown), /not one this server evaluates/);
  });
});
