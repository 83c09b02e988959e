// break36: the "bare clone plus a working tree per branch" layout (`git clone --bare <url> .bare`, a `.git` file
// saying `gitdir: ./.bare`, then `git worktree add main`), opened in the editor as the project folder. Every tool
// answered "is a bare repository; point REPO_PATH at a working tree instead", leaving the person to find which
// folders those are. The answer now names the repository's working trees (and their branches), leaving out a gone one.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer } from '../../support/mcp-client';
import { createRepoKit, fails, ok, readInfo, type RepoKit } from '../../support/git-fixture';

describe('a bare repository with linked working trees (break36)', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let project: string;

  before(() => {
    kit = createRepoKit('bare-trees-');
    const origin = kit.repo('origin', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    project = join(kit.dir, '내 프로젝트');
    mkdirSync(project);
    kit.git(project, ['clone', '-q', '--bare', origin, '.bare']);
    writeFileSync(join(project, '.git'), 'gitdir: ./.bare\n');
    kit.git(project, ['worktree', 'add', '-q', 'main', 'main']);
    kit.git(project, ['worktree', 'add', '-q', '-b', 'feature/login', 'login']);
    kit.git(project, ['worktree', 'add', '-q', '--detach', 'gone']);
    rmSync(join(project, 'gone'), { recursive: true, force: true });
  });

  after(() => kit?.cleanup());

  for (const [label, folder] of [
    ['the project folder (a .git file naming the bare repository)', () => project],
    ['the bare repository itself', () => join(project, '.bare')],
  ] as const) {
    // gitleft26: the history is read there now; git_status, which needs a working tree, names them.
    it(`${label}: names the working trees to point at, not the one whose folder is gone`, async () => {
      const server = await startBuiltServer('git', { REPO_PATH: folder(), TZ: 'UTC' });
      try {
        assert.deepEqual((await ok(server, 'git_log', {})).commits.map((c: { subject: string }) => c.subject), ['first']);
        const message = await fails(server, 'git_status', {});
        assert.match(message, /is a bare repository, which has no working tree of its own, and git_status lists uncommitted work in a working tree; its working trees are /);
        assert.ok(message.includes(`${join(project, 'main')} (main)`), message);
        assert.ok(message.includes(`${join(project, 'login')} (feature/login)`), message);
        assert.ok(!message.includes(join(project, 'gone')), message);
        assert.match(message, /point REPO_PATH at one of them/);
        // leftovers27: git://info gave `.bare` as the root of the project folder; the root is the folder people know.
        const info = await readInfo(server);
        const asProject = folder() === project;
        assert.deepEqual([info.root, info.gitDir], asProject ? [project, join(project, '.bare')] : [join(project, '.bare'), undefined]);
      } finally {
        await server.close();
      }
    });
  }

  it('a named working tree works', async () => {
    const server = await startBuiltServer('git', { REPO_PATH: join(project, 'login'), TZ: 'UTC' });
    try {
      const status = await ok(server, 'git_status', {});
      assert.equal(status.branch, 'feature/login');
    } finally {
      await server.close();
    }
  });
});
