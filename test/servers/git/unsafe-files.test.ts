// Files git opens from a repository that it must not read: a FIFO (git waits for a writer for ever), a link to
// /dev/zero (never ends), a huge .mailmap (minutes to load). Each tool answered only after git's 20 s time limit, with
// "git did not finish"; now the .mailmap is skipped with a note and a call that needs an unsafe attributes or ignore
// file says which file to fix, at once. Real FIFOs, made with mkfifo.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { createRepoKit, fails, ok, readInfo, type RepoKit } from '../../support/git-fixture';
import { ignoredFolders } from '../../../servers/git/repo/repo';
import { unsafeFolderFileForListing } from '../../../servers/git/repo/unsafe-files';

const OLD = { name: 'jdoe', email: 'jdoe@old.example' };
const MAPPED = 'Jane Doe <jane@example.org> jdoe <jdoe@old.example>\n';

describe('git server and unsafe files in the repository', function () {
  this.timeout(120_000);
  let kit: RepoKit;
  const servers: StartedServer[] = [];

  /** A repository with two commits by `OLD`, its working tree then given `plant`, and a server for it. */
  async function serverFor(folder: string, plant: (root: string) => void): Promise<StartedServer> {
    const root = kit.repo(folder, [
      { subject: 'first', date: '2024-05-01T10:00:00Z', who: OLD },
      { subject: 'second', date: '2024-05-02T10:00:00Z', who: OLD },
    ]);
    plant(root);
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    return server;
  }
  const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

  before(function () {
    if (process.platform === 'win32') this.skip();
    kit = createRepoKit('git-unsafe-');
  });
  after(async () => {
    for (const server of servers) await server.close();
    kit?.cleanup();
  });

  it('a FIFO .mailmap: commits are listed with the names they record and a note; blame says what to fix', async () => {
    const server = await serverFor('fifo-mailmap', (root) => mkfifo(join(root, '.mailmap')));
    const log = await ok(server, 'git_log');
    assert.deepEqual(
      log.commits.map((c: { subject: string; author: string }) => [c.subject, c.author]),
      [
        ['second', 'jdoe'],
        ['first', 'jdoe'],
      ],
    );
    assert.match(log.note, /as recorded in the commits, not through the \.mailmap: .*\.mailmap is a FIFO/);
    assert.equal((await ok(server, 'git_log', { author: 'jdoe' })).returned, 2, 'the author filter reads the recorded names');
    const show = await ok(server, 'git_show');
    assert.equal(show.author, 'jdoe');
    assert.match(show.note, /not through the \.mailmap/);
    assert.match(await fails(server, 'git_blame', { path: '1.txt' }), /\.mailmap .*git blame always reads.*a FIFO \(named pipe\).*remove it or make it a regular file/);
    const info = await readInfo(server);
    assert.equal(info.lastCommit.author, 'jdoe');
    assert.equal(info.dirty, false, 'git status passes over a FIFO: git cannot track one');
    assert.match(info.note, /not through the \.mailmap/);
  });

  it('a .mailmap linked to /dev/zero, and one far too large, are skipped the same way', async () => {
    const linked = await serverFor('zero-mailmap', (root) => symlinkSync('/dev/zero', join(root, '.mailmap')));
    const log = await ok(linked, 'git_log');
    assert.equal(log.commits[0].author, 'jdoe');
    assert.match(log.note, /is a device, which git would read without end/);
    const huge = await serverFor('huge-mailmap', (root) => writeFileSync(join(root, '.mailmap'), MAPPED.repeat(60_000)));
    const big = await ok(huge, 'git_log');
    assert.equal(big.commits[0].author, 'jdoe');
    assert.match(big.note, /MiB, far larger than any real one/);
  });

  it('a sane .mailmap is still read', async () => {
    const server = await serverFor('sane-mailmap', (root) => writeFileSync(join(root, '.mailmap'), MAPPED));
    const log = await ok(server, 'git_log');
    assert.equal(log.commits[0].author, 'Jane Doe');
    assert.equal(log.note, undefined);
  });

  it('a FIFO .gitattributes: the log still answers; what compares contents says which file to fix', async () => {
    const server = await serverFor('fifo-attributes', (root) => mkfifo(join(root, '.gitattributes')));
    assert.equal((await ok(server, 'git_log', { path: '2.txt' })).returned, 1);
    for (const [tool, args] of [
      ['git_diff_stat', { from: 'HEAD~1' }],
      ['git_show', {}],
      ['git_status', {}],
      ['git_file_churn', { since: '2024-01-01' }],
    ] as const) {
      assert.match(await fails(server, tool, args), /\.gitattributes \(attributes, .*\), which is a FIFO \(named pipe\), which git would wait on for ever/, tool);
    }
    const info = await readInfo(server);
    assert.equal(info.lastCommit.subject, 'second');
    assert.equal(info.dirty, undefined, 'not known, so not said');
    assert.match(info.note, /working tree's state .* is not known: .*\.gitattributes/);
  });

  it('a FIFO info/exclude: status says which file to fix; the history reads on', async () => {
    const server = await serverFor('fifo-exclude', (root) => {
      execFileSync('rm', ['-f', join(root, '.git', 'info', 'exclude')]);
      mkfifo(join(root, '.git', 'info', 'exclude'));
    });
    assert.match(await fails(server, 'git_status'), /info\/exclude \(ignore rules, .*\), which is a FIFO/);
    assert.equal((await ok(server, 'git_diff_stat', { from: 'HEAD~1', to: 'HEAD' })).files.length, 1);
    assert.equal((await ok(server, 'git_log')).returned, 2);
  });

  it('a FIFO .gitignore refuses only what lists untracked files: blame compares tracked files and answers', async () => {
    const server = await serverFor('fifo-ignore', (root) => mkfifo(join(root, '.gitignore')));
    assert.match(await fails(server, 'git_status'), /\.gitignore \(ignore rules, .*\), which is a FIFO/);
    // git blame never reads ignore rules: it was refused with the status message.
    const blame = await ok(server, 'git_blame', { path: '1.txt' });
    assert.equal(blame.lines[0].summary, 'first');
  });

  it('a FIFO blame.ignoreRevsFile: blame answers without it, and says so', async () => {
    const server = await serverFor('fifo-ignore-revs', (root) => {
      mkfifo(join(root, '.git-blame-ignore-revs'));
      kit.git(root, ['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    });
    // git reads the list before blaming: it waited on the FIFO until its time limit.
    const blame = await ok(server, 'git_blame', { path: '2.txt' });
    assert.equal(blame.lines[0].summary, 'second');
    assert.match(blame.note, /blame\.ignoreRevsFile names "\.git-blame-ignore-revs", which is a FIFO \(named pipe\).*not read/);
  });

  it('a FIFO .gitattributes in a subfolder: what compares a path below it says which file to fix, at once', async () => {
    const root = kit.repo('fifo-sub-attributes', [
      { subject: 'first', date: '2024-05-01T10:00:00Z', file: 'sub/deep/a.txt' },
      { subject: 'second', date: '2024-05-02T10:00:00Z', file: 'other/b.txt' },
    ]);
    mkfifo(join(root, 'sub', '.gitattributes'));
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    // git diff reads the attributes of every path it compares (binary or not): it waited on the FIFO for git's time limit.
    assert.match(await fails(server, 'git_diff_stat', { to: 'HEAD~1', path: 'sub/deep' }), /sub\/\.gitattributes \(attributes, .*\), which is a FIFO/);
    assert.deepEqual((await ok(server, 'git_diff_stat', { from: 'HEAD~1', to: 'HEAD', path: 'other' })).files.map((f: { path: string }) => f.path), ['other/b.txt'], 'a path in another folder is read');
    assert.equal((await ok(server, 'git_log', { path: 'sub' })).returned, 1, 'the history of the folder reads no attributes');
  });

  // leftovers22: only calls naming a path were checked; a comparison of whole commits opened the FIFO and waited for
  // git's time limit, then said "narrow the request". git opens the .gitattributes of the folder of every path it
  // compares (strace), between commits too: the paths are listed first without contents, and their folders checked.
  it('a FIFO .gitattributes in a subfolder: comparisons of whole commits that touch it say which file to fix, at once; others answer', async () => {
    const root = kit.repo('fifo-sub-whole', [
      { subject: 'first', date: '2024-05-01T10:00:00Z', file: 'sub/deep/a.txt' },
      { subject: 'second', date: '2024-05-02T10:00:00Z', file: 'other/b.txt' },
      { subject: 'third', date: '2024-05-03T10:00:00Z', file: 'sub/deep/c.txt' },
      { subject: 'fourth', date: '2024-05-04T10:00:00Z', file: 'other/d.txt' },
    ]);
    mkfifo(join(root, 'sub', '.gitattributes'));
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    const named = /sub\/\.gitattributes \(attributes, .*\), which is a FIFO/;
    const started = Date.now();
    assert.match(await fails(server, 'git_diff_stat', { from: 'HEAD~3', to: 'HEAD' }), named);
    assert.match(await fails(server, 'git_show', { ref: 'HEAD~1' }), named);
    assert.match(await fails(server, 'git_file_churn', { since: '2024-04-01' }), named);
    assert.match(await fails(server, 'git_diff_stat', { from: 'HEAD~3', to: 'HEAD', path: 'sub' }), named, 'a folder named: the FIFO one level below it');
    assert.ok(Date.now() - started < 15_000, `answered at once, not after git's time limit (${Date.now() - started} ms)`);
    // What compares nothing below sub/ reads on.
    assert.deepEqual((await ok(server, 'git_show')).files.map((f: { path: string }) => f.path), ['other/d.txt']);
    assert.deepEqual((await ok(server, 'git_diff_stat', { from: 'HEAD~3', to: 'HEAD~2' })).files.map((f: { path: string }) => f.path), ['other/b.txt']);
    assert.equal((await ok(server, 'git_log')).returned, 4);
  });

  // leftovers22: git status opens the .gitignore of every folder it walks for untracked files, a FIFO one too (it is an
  // untracked entry there itself): git_status waited for git's time limit. The folders of the index are checked first.
  it('a FIFO .gitignore in a subfolder: git_status says which file to fix, at once; the history reads on', async () => {
    const root = kit.repo('fifo-sub-ignore', [
      { subject: 'first', date: '2024-05-01T10:00:00Z', file: 'src/deep/a.txt' },
      { subject: 'second', date: '2024-05-02T10:00:00Z', file: 'docs/b.txt' },
    ]);
    mkfifo(join(root, 'src', 'deep', '.gitignore'));
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    const started = Date.now();
    assert.match(await fails(server, 'git_status'), /src\/deep\/\.gitignore \(ignore rules, .*\), which is a FIFO/);
    assert.ok(Date.now() - started < 15_000, `answered at once, not after git's time limit (${Date.now() - started} ms)`);
    assert.equal((await ok(server, 'git_log')).returned, 2);
    assert.deepEqual((await ok(server, 'git_show')).files.map((f: { path: string }) => f.path), ['docs/b.txt']);
    // An untracked folder: git looks into it (does it hold a file?) and opens its .gitignore first.
    rmSync(join(root, 'src', 'deep', '.gitignore'));
    mkdirSync(join(root, 'docs', 'scratch'));
    writeFileSync(join(root, 'docs', 'scratch', 'notes.txt'), 'draft\n');
    mkfifo(join(root, 'docs', 'scratch', '.gitignore'));
    assert.match(await fails(server, 'git_status'), /docs\/scratch\/\.gitignore \(ignore rules, .*\), which is a FIFO/);
    rmSync(join(root, 'docs', 'scratch', '.gitignore'));
    assert.deepEqual((await ok(server, 'git_status')).files.map((f: { path: string }) => f.path), ['docs/scratch/']);
  });

  // leftovers23: what git status really opens (strace, git 2.39): the .gitignore of a folder inside an untracked one on
  // its way to a file (new/sub/.gitignore of an untracked new/ holding only sub/: git waited on the FIFO, and the check
  // looked one level down only), never that of an ignored folder (build/, ignored: it was refused, git answers).
  it('a FIFO .gitignore deeper in an untracked folder is named; one in an ignored folder keeps nothing from git_status', async () => {
    const root = kit.repo('fifo-untracked-deep', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    writeFileSync(join(root, '.gitignore'), 'build/\n');
    mkdirSync(join(root, 'build', 'cache'), { recursive: true });
    writeFileSync(join(root, 'build', 'out.o'), 'object\n');
    mkfifo(join(root, 'build', '.gitignore'));
    mkfifo(join(root, 'build', 'cache', '.gitignore'));
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    const status = await ok(server, 'git_status');
    assert.deepEqual(status.files.map((f: { path: string }) => f.path).sort(), ['.gitignore']);
    mkdirSync(join(root, 'new', 'sub'), { recursive: true });
    writeFileSync(join(root, 'new', 'sub', 'f.txt'), 'draft\n');
    mkfifo(join(root, 'new', 'sub', '.gitignore'));
    const started = Date.now();
    assert.match(await fails(server, 'git_status'), /new\/sub\/\.gitignore \(ignore rules, .*\), which is a FIFO/);
    assert.ok(Date.now() - started < 15_000, `answered at once, not after git's time limit (${Date.now() - started} ms)`);
    rmSync(join(root, 'new', 'sub', '.gitignore'));
    assert.deepEqual((await ok(server, 'git_status')).files.map((f: { path: string }) => f.path).sort(), ['.gitignore', 'new/']);
  });

  it('leftovers24: an ignored folder whose name holds a newline or a quote is known ignored (check-ignore -z): its FIFO .gitignore keeps nothing from git_status', async () => {
    const root = kit.repo('fifo-ignored-odd-names', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    writeFileSync(join(root, '.gitignore'), 'build*/\n');
    // Without -z git quotes such names in its answer ("build\nout"), which then named no folder asked about.
    for (const name of ['build\nout', 'build "quoted"', 'build\tx']) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'out.o'), 'object\n');
      mkfifo(join(root, name, '.gitignore'));
    }
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    const status = await ok(server, 'git_status');
    assert.deepEqual(status.files.map((f: { path: string }) => f.path).sort(), ['.gitignore']);
  });

  // rev24: `git check-ignore` fails the whole question (`fatal: Pathspec 'sub/lib' is in submodule 'sub'`) when one
  // folder asked about lies in a submodule's checkout; asked on stdin, all at once, no folder was then known ignored,
  // and an ignored folder beside the submodule's was looked into: its FIFO .gitignore, which git never opens, refused
  // git_status whenever the look found it before git had answered. The look itself is asked here (no race with git).
  it('rev24: folders inside a submodule are not asked of check-ignore, so the ignored folders beside them stay known ignored', async () => {
    const library = kit.repo('fifo-beside-submodule-lib', [{ subject: 'library', date: '2024-05-01T10:00:00Z', file: 'lib/x/a.txt' }]);
    const root = kit.repo('fifo-beside-submodule', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    kit.git(root, ['submodule', '--quiet', 'add', library, 'sub']);
    kit.git(root, ['commit', '-qm', 'submodule'], { GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b' });
    writeFileSync(join(root, '.gitignore'), 'build/\n');
    mkdirSync(join(root, 'new', 'build'), { recursive: true });
    writeFileSync(join(root, 'new', 'notes.txt'), 'notes\n');
    writeFileSync(join(root, 'new', 'build', 'out.o'), 'object\n');
    mkfifo(join(root, 'new', 'build', '.gitignore'));
    const listing = kit.git(root, ['ls-files', '-z']);
    const unsafe = await unsafeFolderFileForListing(root, listing, 'ignore', (folders) => ignoredFolders(root, folders, [], 20_000));
    assert.equal(unsafe, undefined, JSON.stringify(unsafe));
    // A FIFO .gitignore git does open, in a folder of the submodule's, is still found.
    mkfifo(join(root, 'sub', 'lib', '.gitignore'));
    assert.match(JSON.stringify(await unsafeFolderFileForListing(root, listing, 'ignore', (folders) => ignoredFolders(root, folders, [], 20_000))), /sub\/lib\/\.gitignore/);
  });

  // rev24: readdir gives a folder name that is not UTF-8 as a string with U+FFFD, which reaches no folder: a FIFO
  // .gitignore inside was never seen, and git_status waited on it for its time limit, then said to narrow the request.
  it('rev24: a FIFO .gitignore in an untracked folder whose name is not UTF-8 is found', async () => {
    const root = kit.repo('fifo-not-utf8', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    execFileSync('sh', ['-c', 'mkdir -p "$(printf \'bad\\377\')/deeper" && printf x > "$(printf \'bad\\377\')/deeper/f" && mkfifo "$(printf \'bad\\377\')/deeper/.gitignore"'], { cwd: root });
    const listing = kit.git(root, ['ls-files', '-z']);
    const unsafe = await unsafeFolderFileForListing(root, listing, 'ignore', (folders) => ignoredFolders(root, folders, [], 20_000));
    // leftovers25: named as the file system has it (the byte \377 written \xFF), not with U+FFFD.
    assert.match(unsafe?.path ?? 'none', /bad\\xFF\/deeper\/\.gitignore$/);
    assert.match(unsafe?.why ?? '', /FIFO/);
  });

  // leftovers25: the listing of the paths compared was read as UTF-8 text, so a tracked folder named in Latin-1 came
  // out as `caf\uFFFD`, which reaches no folder: its FIFO .gitattributes was never seen and git_show waited on it for
  // git's time limit. Looked up by the name's bytes now, and named as the file system has it (`caf\xE9`).
  it('leftovers25: a FIFO .gitattributes in a tracked folder whose name is not UTF-8 is found by its bytes, and named with \\xNN', async () => {
    const root = kit.repo('fifo-tracked-not-utf8', [{ subject: 'first', date: '2024-05-01T10:00:00Z', file: 'a.txt' }]);
    execFileSync('sh', ['-c', 'mkdir "$(printf \'caf\\351\')" && printf x > "$(printf \'caf\\351\')/b.txt" && git add -A && git -c user.name=a -c user.email=a@b commit -qm second && mkfifo "$(printf \'caf\\351\')/.gitattributes"'], { cwd: root });
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
    servers.push(server);
    const started = Date.now();
    assert.match(await fails(server, 'git_show', {}), /caf\\xE9\/\.gitattributes \(attributes, .*\), which is a FIFO/);
    assert.ok(Date.now() - started < 15_000, `answered at once, not after git's time limit (${Date.now() - started} ms)`);
    assert.equal((await ok(server, 'git_log')).returned, 2, 'the history reads on');
  });

  it("a FIFO the repository's config includes: every call says which file and which include, at once", async () => {
    const server = await serverFor('fifo-include', (root) => {
      mkfifo(join(root, '..', 'fifo-included'));
      appendFileSync(join(root, '.git', 'config'), `[include]\n\tpath = ${join(root, '..', 'fifo-included')}\n`);
    });
    // git reads the config before anything else: every call waited 10 s and said "narrow the request".
    assert.match(await fails(server, 'git_log'), /fifo-included \(the repository's config, which git reads on every call, named by include\.path in .*\.git\/config\), which is a FIFO/);
    assert.match(await fails(server, 'git_branches'), /fifo-included .*a FIFO/);
  });

  it('a FIFO an includeIf of an included file names (relative to that file) is found as git would find it', async () => {
    const server = await serverFor('fifo-include-if', (root) => {
      mkdirSync(join(root, '.git', 'more'));
      mkfifo(join(root, '.git', 'fifo-conditional'));
      writeFileSync(join(root, '.git', 'more', 'extra.cfg'), '[includeIf "onbranch:main"]\n\tpath = ../fifo-conditional\n');
      appendFileSync(join(root, '.git', 'config'), '[include]\n\tpath = more/extra.cfg\n');
    });
    assert.match(
      await fails(server, 'git_log'),
      /\.git\/fifo-conditional \(.*named by includeif\.onbranch:main\.path in .*more\/extra\.cfg, taken to hold: an onbranch: condition depends on the checked-out branch.*\), which is a FIFO/,
    );
  });

  // fix30: a FIFO behind `gitdir:/nowhere/` made every call fail, though git never opens it for this repository.
  it('an includeIf gitdir: that does not hold for the repository is not followed; one that holds is', async () => {
    const elsewhere = await serverFor('fifo-gitdir-elsewhere', (root) => {
      mkfifo(join(root, '.git', 'fifo-gitdir'));
      appendFileSync(join(root, '.git', 'config'), '[includeIf "gitdir:/nowhere/"]\n\tpath = fifo-gitdir\n[includeIf "gitdir/i:**/no-such-folder/"]\n\tpath = fifo-gitdir\n');
    });
    assert.equal((await ok(elsewhere, 'git_log')).commits.length, 2);
    const here = await serverFor('fifo-gitdir-here', (root) => {
      mkfifo(join(root, '.git', 'fifo-gitdir'));
      appendFileSync(join(root, '.git', 'config'), '[includeIf "gitdir/i:**/FIFO-GITDIR-HERE/"]\n\tpath = fifo-gitdir\n');
    });
    assert.match(await fails(here, 'git_log'), /fifo-gitdir \(.*named by includeif\.gitdir\/i:\*\*\/FIFO-GITDIR-HERE\/\.path in .*\.git\/config, whose condition holds for this repository\), which is a FIFO/);
  });

  it("a FIFO the person's global config includes: the time limit names what git waits on, not the request", async () => {
    const home = join(kit.dir, 'home-with-fifo');
    mkdirSync(home);
    mkfifo(join(home, 'fifo'));
    writeFileSync(join(home, '.gitconfig'), `[include]\n\tpath = ${join(home, 'fifo')}\n`);
    const root = kit.repo('global-fifo', [{ subject: 'first', date: '2024-05-01T10:00:00Z' }]);
    // An include of the repository's own makes the server read its config with git, which reads the global config first.
    writeFileSync(join(root, '.git', 'extra.cfg'), '[core]\n\tabbrev = 12\n');
    appendFileSync(join(root, '.git', 'config'), '[include]\n\tpath = extra.cfg\n');
    const server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC', HOME: home });
    servers.push(server);
    const message = await fails(server, 'git_log');
    assert.match(message, /did not answer within 10 s while only finding the repository .*global git config/);
    assert.doesNotMatch(message, /narrow the request/);
  });
});
