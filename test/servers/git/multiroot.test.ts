// One git server reading several repositories (multi-root workspaces, issue 12 item 2): every tool
// takes `repository` (an enum of the names, in any script), descriptions list the repositories, and
// each call reads the repository it names. One repository keeps the old behaviour.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { BOB, CAROL, createRepoKit, fails, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SERVER_SCRIPT = resolve(__dirname, '../../../dist/servers/git.js');
const TOOL_NAMES = ['git_log', 'git_diff_stat', 'git_branches', 'git_show', 'git_status', 'git_file_churn', 'git_blame'];
const LONG = `${'platform-services-'.repeat(3)}backend-api-gateway`;

describe('git server with several repositories', function () {
  this.timeout(30_000);
  let kit: RepoKit;
  let server: StartedServer;
  let repositories: Array<{ name: string; path: string }>;

  before(async () => {
    kit = createRepoKit('git-multi-');
    repositories = [
      { name: '前端', path: kit.repo('frontend', [{ subject: 'frontend: first page', date: '2024-03-01T10:00:00Z' }, { subject: 'frontend: styles', date: '2024-03-02T10:00:00Z' }]) },
      { name: '백엔드', path: kit.repo('backend', [{ subject: 'backend: api skeleton', date: '2024-03-03T10:00:00Z', who: BOB }]) },
      { name: LONG, path: kit.repo('long', [{ subject: 'long: gateway', date: '2024-03-04T10:00:00Z', who: CAROL }]) },
      { name: 'api', path: kit.repo('one/api', [{ subject: 'api one', date: '2024-03-05T10:00:00Z' }]) },
      { name: 'api (2)', path: kit.repo('two/api', [{ subject: 'api two', date: '2024-03-06T10:00:00Z' }]) },
    ];
    server = await startBuiltServer('git', { REPO_PATHS: JSON.stringify(repositories), TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('offers the same seven tools, each with a required repository enum, whatever the number of folders', async () => {
    const { tools } = await server.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [...TOOL_NAMES].sort());
    for (const tool of tools) {
      const schema = tool.inputSchema as Data;
      assert.deepEqual(schema.properties.repository.enum, repositories.map((r) => r.name), tool.name);
      assert.ok(schema.required?.includes('repository'), `${tool.name} requires repository`);
      for (const r of repositories) {
        assert.ok(tool.description?.includes(JSON.stringify(r.name)), `${tool.name} names ${r.name}`);
        assert.ok(tool.description?.includes(r.path), `${tool.name} shows ${r.path}`);
      }
      assert.ok((tool.outputSchema as Data).properties.repository, `${tool.name} output names the repository`);
    }
    assert.match(server.client.getInstructions() ?? '', /5 git repositories.*"前端"/s);
  });

  it('each repository in turn answers with its own commits', async () => {
    const expected: Record<string, string[]> = {
      前端: ['frontend: styles', 'frontend: first page'],
      백엔드: ['backend: api skeleton'],
      [LONG]: ['long: gateway'],
      api: ['api one'],
      'api (2)': ['api two'],
    };
    for (const r of repositories) {
      const log = await ok(server, 'git_log', { repository: r.name });
      assert.equal(log.repository, r.name);
      assert.deepEqual(log.commits.map((c: Data) => c.subject), expected[r.name], r.name);
      const status = await ok(server, 'git_status', { repository: r.name });
      assert.equal(status.root, r.path);
      assert.equal(status.repository, r.name);
    }
    const blame = await ok(server, 'git_blame', { repository: '백엔드', path: '1.txt' });
    assert.equal(blame.lines[0].author, BOB.name);
  });

  it('a missing or unknown repository is an error naming the choices', async () => {
    const missing = await fails(server, 'git_log', {});
    // break33: zod's "Invalid option: expected one of" for a repository left out read as if a wrong name were given.
    assert.match(missing, /required: this server reads \d+ repositories, so name one of .*"前端"/);
    assert.doesNotMatch(missing, /Invalid option/);
    const unknown = await fails(server, 'git_log', { repository: 'nope' });
    assert.match(unknown, /前端/);
  });

  // break29: the cursor's digest left the repository out, so a cursor of one repository passed with another that
  // shares its history (a clone, a fork) listed the first one's commits under the second's name, without a word.
  it('a git_log cursor of one repository is refused by another, also by a clone of it', async () => {
    const origin = repositories[0].path;
    const clone = join(kit.dir, 'frontend-clone');
    kit.git(kit.dir, ['clone', '-q', origin, clone]);
    const pair = await startBuiltServer('git', { REPO_PATHS: JSON.stringify([{ name: 'origin', path: origin }, { name: 'clone', path: clone }]), TZ: 'UTC' });
    try {
      const first = await ok(pair, 'git_log', { repository: 'origin', count: 1 });
      assert.ok(first.nextCursor);
      assert.match(await fails(pair, 'git_log', { repository: 'clone', count: 1, cursor: first.nextCursor }), /cursor: this cursor was given for other arguments \(repository/);
      assert.equal((await ok(pair, 'git_log', { repository: 'origin', count: 1, cursor: first.nextCursor })).commits[0].subject, 'frontend: first page');
    } finally {
      await pair.close();
    }
  });

  it('git://info lists every repository and git://info/<name> reads one', async () => {
    const { resources } = await server.client.listResources();
    const uris = resources.map((r) => r.uri);
    assert.ok(uris.includes('git://info'));
    for (const r of repositories) assert.ok(uris.includes(`git://info/${encodeURIComponent(r.name)}`), r.name);
    const all = JSON.parse(((await server.client.readResource({ uri: 'git://info' })).contents[0] as { text: string }).text) as Data;
    assert.deepEqual(all.repositories.map((r: Data) => [r.name, r.root]), repositories.map((r) => [r.name, r.path]));
    const one = JSON.parse(((await server.client.readResource({ uri: `git://info/${encodeURIComponent('前端')}` })).contents[0] as { text: string }).text) as Data;
    assert.equal(one.name, '前端');
    assert.equal(one.lastCommit.subject, 'frontend: styles');
  });

  it('one repository: repository is optional, results and descriptions as before', async () => {
    const single = await startBuiltServer('git', { REPO_PATH: repositories[1].path, TZ: 'UTC' });
    try {
      const { tools } = await single.client.listTools();
      const log = tools.find((t) => t.name === 'git_log')!;
      const schema = log.inputSchema as Data;
      assert.deepEqual(schema.properties.repository.enum, ['backend']);
      assert.ok(!(schema.required ?? []).includes('repository'));
      assert.doesNotMatch(log.description ?? '', /repositories/);
      const result = await ok(single, 'git_log');
      assert.equal(result.repository, undefined);
      assert.deepEqual(result.commits.map((c: Data) => c.subject), ['backend: api skeleton']);
      assert.equal((await ok(single, 'git_log', { repository: 'backend' })).commits.length, 1);
    } finally {
      await single.close();
    }
  });

  // MCP clients start servers without a shell: `"REPO_PATH": "~/project"` reached the server as written and was read as
  // a folder named `~` under the client's working directory ("repository folder does not exist").
  it('reads a leading ~ in REPO_PATH, --repo and REPO_PATHS as the home directory', async () => {
    const home = kit.dir;
    const single = await startBuiltServer('git', { REPO_PATH: '~/backend', HOME: home, TZ: 'UTC' });
    try {
      assert.equal((await ok(single, 'git_status')).root, repositories[1].path);
    } finally {
      await single.close();
    }
    const flag = await startBuiltServer('git', { HOME: home, TZ: 'UTC' }, ['--repo', '~/one/api']);
    try {
      assert.equal((await ok(flag, 'git_status')).root, repositories[3].path);
    } finally {
      await flag.close();
    }
    const several = await startBuiltServer('git', { REPO_PATHS: JSON.stringify([{ name: 'f', path: '~/frontend' }, { name: 'b', path: repositories[1].path }]), HOME: home, TZ: 'UTC' });
    try {
      assert.equal((await ok(several, 'git_status', { repository: 'f' })).root, repositories[0].path);
    } finally {
      await several.close();
    }
  });

  it('refuses REPO_PATHS that is not a list of unique names, and --repo with --repos', () => {
    const run = (env: Record<string, string>, args: string[] = []) =>
      spawnSync(process.execPath, [SERVER_SCRIPT, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 10_000, input: '' });
    const bad = run({ REPO_PATHS: 'not json' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--repos \/ REPO_PATHS: must be a JSON array/);
    const duplicate = run({ REPO_PATHS: JSON.stringify([{ name: 'a', path: '/x' }, { name: 'a', path: '/y' }]) });
    assert.equal(duplicate.status, 2);
    assert.match(duplicate.stderr, /names must be unique/);
    const both = run({ REPO_PATH: repositories[0].path }, ['--repos', JSON.stringify(repositories)]);
    assert.equal(both.status, 2, 'a usage error, as docs/servers.md says of every bad setting');
    assert.match(both.stderr, /^error: give either --repo .* or --repos/m);
  });
});
