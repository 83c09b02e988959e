// gitleft26: git_show's patch paging (patchOffset) ran `git show` again for every part, each writing the patch from its
// start up to the part asked for: 30 parts of a 3 MB diff ran git 30 times, and a 50 MB one 500. The patch is now read
// ahead and kept in a small LRU bounded by bytes, so the parts come from a few runs. The runs are counted by a `git` on
// PATH that notes each `--patch` call and hands it to the real git.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { ALICE, createRepoKit, ok, type RepoKit } from '../../support/git-fixture';

const MARKER = /… \[patch cut after byte (\d+); patchOffset \1 continues it(, or give path to see one file)?\]$/;

describe('git_show: the parts of one patch come from few git runs (gitleft26)', function () {
  this.timeout(300_000);
  let kit: RepoKit;
  let server: StartedServer;
  let root: string;
  let runs: string;

  before(async () => {
    kit = createRepoKit('patch-cache-');
    root = kit.repo('repo', [{ subject: 'first', date: '2026-12-01T10:00:00Z' }]);
    kit.write(root, 'data/dump.csv', Array.from({ length: 90_000 }, (_, i) => `${i},값 ${i * 7},${'y'.repeat(i % 30)}`).join('\n') + '\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-12-02T10:00:00Z', 'add a data dump');
    kit.write(root, 'small.txt', 'small\n');
    kit.git(root, ['add', '-A']);
    kit.commit(root, ALICE, '2026-12-03T10:00:00Z', 'add a small file');
    const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
    runs = join(kit.dir, 'patch-runs.log');
    writeFileSync(runs, '');
    const wrapper = join(kit.dir, 'bin');
    execFileSync('mkdir', ['-p', wrapper]);
    writeFileSync(
      join(wrapper, 'git'),
      `#!/bin/sh\nfor arg in "$@"; do if [ "$arg" = "--patch" ]; then echo show >> "$PATCH_RUNS"; fi; done\nexec ${realGit} "$@"\n`,
    );
    chmodSync(join(wrapper, 'git'), 0o755);
    server = await startBuiltServer('git', { REPO_PATH: root, TZ: 'UTC', PATCH_RUNS: runs, PATH: `${wrapper}:${process.env.PATH ?? ''}` });
  });

  after(async () => {
    await server?.close();
    kit?.cleanup();
  });

  const patchRuns = () => readFileSync(runs, 'utf8').split('\n').filter(Boolean).length;

  async function readAllParts(ref: string, maxPatchBytes: number): Promise<{ text: string; parts: number }> {
    let text = '';
    let offset = 0;
    for (let parts = 1; parts < 500; parts++) {
      const data = await ok(server, 'git_show', { ref, maxPatchBytes, patchOffset: offset });
      if (!data.patchTruncated) return { text: text + data.patch, parts };
      const marker = MARKER.exec(data.patch);
      assert.ok(marker, `part ${parts} ends with the marker`);
      text += data.patch.slice(0, marker.index);
      offset = data.nextPatchOffset;
    }
    throw new Error('no last part');
  }

  it('reads 30+ parts of a 3 MB patch with at most 3 runs of git, joined exactly as git shows it', async () => {
    const whole = execFileSync('git', ['show', '--format=', '--patch', '-M', '--no-color', 'HEAD~1', '--'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
    assert.ok(Buffer.byteLength(whole) > 2_500_000, `${Buffer.byteLength(whole)} bytes`);
    const before = patchRuns();
    const { text, parts } = await readAllParts('HEAD~1', 100_000);
    assert.ok(parts >= 25, `parts ${parts}`);
    assert.equal(text, whole);
    const used = patchRuns() - before;
    assert.ok(used <= 3, `git show --patch ran ${used} times for ${parts} parts`);
    // Read again from the start: all held, no run at all.
    await readAllParts('HEAD~1', 100_000);
    assert.equal(patchRuns() - before, used);
  });

  it('keeps the patches of different commits apart', async () => {
    const small = await ok(server, 'git_show', { ref: 'HEAD' });
    assert.match(small.patch, /^diff --git a\/small\.txt b\/small\.txt\n/);
    assert.doesNotMatch(small.patch, /dump\.csv/);
    const part = await ok(server, 'git_show', { ref: 'HEAD~1', maxPatchBytes: 1000, path: 'data' });
    assert.match(part.patch, /^diff --git a\/data\/dump\.csv b\/data\/dump\.csv\n/);
  });
});
