// leftovers27: a filesystem that went read-only after disk errors (ext4 errors=remount-ro) showed in the System view as
// a calm disk with free space. A real loop-mounted ext4 made to hit an error through ext4's sysfs trigger (Linux, as
// root; skipped elsewhere): the view shows it first among the disks, with a warning and "read-only".
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { collapsePane, widenSideBar } from './ui-helpers';

describe('UI: the System view of a filesystem that went read-only', function () {
  this.timeout(300_000);
  let folder: string;
  let root: string | undefined;
  let point: string | undefined;
  let workbench: Workbench;

  before(async function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    root = mkdtempSync(join(tmpdir(), 'devops-ro-'));
    try {
      const image = join(root, 'data.img');
      execFileSync('truncate', ['-s', '8M', image]);
      execFileSync('mkfs.ext4', ['-q', '-F', image], { stdio: 'ignore' });
      mkdirSync(join(root, 'broken'));
      execFileSync('mount', ['-o', 'loop,errors=remount-ro', image, join(root, 'broken')]);
      point = join(root, 'broken');
      const device = execFileSync('findmnt', ['-no', 'SOURCE', point], { encoding: 'utf8' }).trim();
      writeFileSync(`/sys/fs/ext4/${basename(device)}/trigger_fs_error`, 'test');
    } catch {
      return this.skip(); // no loop devices or ext4 sysfs trigger, or not allowed to mount
    }
    folder = createFixtureWorkspace();
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' }, viewport: { width: 1400, height: 800 } });
    await workbench.openView('System');
  });

  after(async () => {
    await workbench?.close();
    if (point) execFileSync('umount', [point]);
    for (const dir of [folder, root]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the disk with a warning and "read-only"', async () => {
    const { page } = workbench;
    await widenSideBar(page, 560);
    await collapsePane(page, 'Branches', true);
    await collapsePane(page, 'Log Files', true);
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'System' }) });
    const row = pane.locator('.monaco-list-row').filter({ hasText: 'broken' }).first();
    await row.waitFor({ timeout: 120_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /broken.*read-only · /, text);
    assert.equal(await row.locator('.codicon-warning').count(), 1, 'a warning icon');
    await workbench.screenshot('tmp/system-read-only');
  });
});
