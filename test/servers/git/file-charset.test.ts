// File contents stored in a legacy charset (break33): a C source a Korean Windows editor saved in EUC-KR/CP949 came out
// of git_blame and git_show's patch with every Korean letter as U+FFFD and nothing said. Lines that are not UTF-8 are
// now decoded in the charset the detector is sure of (the logs server's), with a note; too little text to be sure of
// stays as it was, and the note says its letters read as U+FFFD.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';
import { decodeFileText } from '../../../servers/git/repo/legacy-text';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIRST = ['// 한글 주석: 설정 파일을 읽는다', 'int main(void) { return 0; }'];
const SECOND = ['// 한글 주석: 설정 파일을 읽는다', '// 두 번째 줄: 오류가 나면 종료한다', 'int main(void) { return 0; }'];
const eucKr = (lines: string[]) => iconv.encode(`${lines.join('\n')}\n`, 'cp949');

describe('git server: file contents in a legacy charset', function () {
  this.timeout(60_000);
  let kit: RepoKit;
  let server: StartedServer;

  before(async () => {
    kit = createRepoKit('git-file-charset-');
    const root = kit.repo('legacy', [{ subject: 'start', date: '2024-05-01T10:00:00Z', file: 'README' }]);
    writeFileSync(join(root, 'main.c'), eucKr(FIRST));
    writeFileSync(join(root, 'short.txt'), Buffer.from('caf\xe9\n', 'latin1'));
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2024-05-02T10:00:00Z', 'add main.c');
    writeFileSync(join(root, 'main.c'), eucKr(SECOND));
    kit.write(root, 'notes.md', '한글 UTF-8\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2024-05-03T10:00:00Z', 'second line');
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC' });
  });
  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  it('git_blame gives an EUC-KR file its letters, and says which charset it read them in', async () => {
    const blame = await ok(server, 'git_blame', { path: 'main.c' });
    assert.deepEqual(blame.lines.map((l: Data) => l.content), SECOND);
    assert.match(blame.note, /not UTF-8.*decoded as EUC-KR\/CP949 \(detected/);
  });

  it("git_show's patch does, and leaves the UTF-8 file of the same commit as it is", async () => {
    const show = await ok(server, 'git_show', {});
    assert.ok(show.patch.includes(`+${SECOND[1]}\n`), show.patch);
    assert.ok(show.patch.includes('+한글 UTF-8\n'), show.patch);
    assert.ok(!show.patch.includes('\uFFFD'), show.patch);
    assert.match(show.note, /patch's lines are not UTF-8.*EUC-KR\/CP949/);
  });

  it('says so when too little text to tell its charset, and says nothing of UTF-8', async () => {
    const short = await ok(server, 'git_blame', { path: 'short.txt' });
    assert.match(short.note, /not UTF-8 .*too little of it to tell which\): their letters outside ASCII read as \uFFFD/);
    assert.equal((await ok(server, 'git_blame', { path: 'notes.md' })).note, undefined);
  });

  it('decodeFileText keeps UTF-8 lines and line ends, and decodes only the others', () => {
    const mixed = Buffer.concat([Buffer.from('diff 한글\n'), eucKr(SECOND), Buffer.from('end')]);
    const text = decodeFileText(mixed);
    assert.equal(text.text, `diff 한글\n${SECOND.join('\n')}\nend`);
    assert.match(text.decodedAs ?? '', /^EUC-KR\/CP949/);
    assert.deepEqual(decodeFileText(Buffer.from('a\nb\n')), { text: 'a\nb\n' });
  });
});
