// Names with bidi controls and zero-width characters (Trojan Source) in a real repository: the git server writes them
// out as escapes (`\u202E`), never drops them (a name that does not exist) nor passes them raw (text that reorders).
import assert from 'node:assert/strict';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

const RLO = '\u202e';
const BRANCH = `fix-${RLO}txt.exe`;
const FILE = `invoice${RLO}fdp.exe`;
const SUBJECT = `Add \u2066hidden\u2069 check\u200b`;
const RAW = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('git server: invisible characters in names', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  let repo: string;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('git-invisible-');
    repo = kit.repo('repo', [{ subject: 'First', date: '2026-11-01T10:00:00Z' }]);
    kit.write(repo, FILE, 'x\n');
    kit.git(repo, ['add', '-A']);
    kit.commit(repo, ALICE, '2026-11-02T10:00:00Z', SUBJECT);
    kit.git(repo, ['branch', BRANCH]);
    kit.write(repo, FILE, 'changed\n');
    server = await startBuiltServer('git', { REPO_PATH: repo, TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('git_branches writes a bidi control in a branch name as \\u202E', async () => {
    const data = await ok(server, 'git_branches', { scope: 'local' });
    const names = (data.branches as Array<{ name: string }>).map((b) => b.name);
    assert.ok(names.includes('fix-\\u202Etxt.exe'), names.join(', '));
    assert.doesNotMatch(JSON.stringify(data), RAW);
  });

  it('git_log writes them out in a subject, and reads a branch name back as git_branches listed it', async () => {
    const data = await ok(server, 'git_log', { count: 5 });
    const subjects = (data.commits as Array<{ subject: string }>).map((c) => c.subject);
    assert.deepEqual(subjects, ['Add \\u2066hidden\\u2069 check\\u200B', 'First']);
    assert.doesNotMatch(JSON.stringify(data), RAW);
    const onBranch = await ok(server, 'git_log', { count: 5, ref: 'fix-\\u202Etxt.exe' });
    assert.equal((onBranch.commits as unknown[]).length, 2);
  });

  it('git_status keeps the exact path to pass back and shows the escape in displayPath', async () => {
    const data = await ok(server, 'git_status', {});
    const [file] = data.files as Array<{ path: string; displayPath?: string }>;
    assert.equal(file.path, FILE);
    assert.equal(file.displayPath, 'invoice\\u202Efdp.exe');
  });
});
