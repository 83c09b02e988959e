// Commit messages stored in a legacy encoding (break39): a Korean team on EUC-KR (`i18n.commitEncoding = EUC-KR`, so
// each commit carries an `encoding EUC-KR` header and its message in those bytes), a European one on ISO-8859-1. git log,
// show and blame re-encode such messages to UTF-8 (run.ts sets i18n.logOutputEncoding); git_branches read its tips'
// subjects with for-each-ref, which prints the raw bytes, and listed "첫 커밋" as "ù Ŀ��".
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** "첫 커밋" (first commit) in EUC-KR, and its body "본문". */
const EUC_KR_MESSAGE = Buffer.from([0xc3, 0xb9, 0x20, 0xc4, 0xbf, 0xb9, 0xd4, 0x0a, 0x0a, 0xba, 0xbb, 0xb9, 0xae, 0x0a]);
/** "Café crème" in ISO-8859-1. */
const LATIN1_MESSAGE = Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1');

describe('git server: commit messages in a legacy encoding', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('git-encoding-');
    const root = kit.repo('encoded', [{ subject: 'utf-8 start', date: '@1796300000 +0900' }]);
    const commitWith = (encoding: string, message: Buffer, branch: string, date: string) => {
      kit.git(root, ['checkout', '-q', '-b', branch, 'main']);
      kit.git(root, ['config', 'i18n.commitEncoding', encoding]);
      kit.write(root, `${branch}.txt`, `${branch}\n`);
      kit.git(root, ['add', '-A']);
      const file = join(kit.dir, `${branch}.msg`);
      writeFileSync(file, message);
      kit.git(root, ['commit', '-q', '-F', file], kit.as(ALICE, date));
    };
    commitWith('EUC-KR', EUC_KR_MESSAGE, 'korean', '@1796310600 +0900');
    commitWith('ISO-8859-1', LATIN1_MESSAGE, 'french', '@1796310000 +0100');
    kit.git(root, ['config', '--unset', 'i18n.commitEncoding']);
    kit.git(root, ['checkout', '-q', 'main']);
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'Asia/Seoul' });
  });
  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('git_branches gives the tip subjects as git_log does', async () => {
    const branches = await ok(server, 'git_branches', {});
    const subject = (name: string) => branches.branches.find((b: Data) => b.name === name)?.subject;
    assert.equal(subject('korean'), '첫 커밋');
    assert.equal(subject('french'), 'Café crème');
    assert.equal(subject('main'), 'utf-8 start');
    for (const ref of ['korean', 'french']) {
      const [tip] = (await ok(server, 'git_log', { ref, count: 1 })).commits;
      assert.equal(tip.subject, subject(ref), ref);
    }
    assert.equal((await ok(server, 'git_show', { ref: 'korean' })).body, '본문');
  });
});
