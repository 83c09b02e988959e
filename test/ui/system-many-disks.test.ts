// leftovers26: the System view listed every disk expanded, in the server's order. On a host with many filesystems (a
// build box's loop mounts, a NAS's shares) the top processes below them were off screen, and a full disk could sit
// anywhere in the list. Twenty real ext4 filesystems on loop devices (Linux, as root; skipped elsewhere), one of them
// nearly full: what a person sees in the System view is the full one first and the top processes, without scrolling.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureWorkspace, launchWorkbench, type Workbench } from './support/workbench';
import { collapsePane, widenSideBar } from './ui-helpers';

const MOUNTS = 20;

describe('UI: the System view on a host with many disks', function () {
  this.timeout(300_000);
  let folder: string;
  let root: string | undefined;
  const mounted: string[] = [];
  let workbench: Workbench;

  before(async function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    root = mkdtempSync(join(tmpdir(), 'devops-disks-'));
    try {
      for (let i = 0; i < MOUNTS; i++) {
        const image = join(root, `disk${i}.img`);
        const point = join(root, `vol${String(i).padStart(2, '0')}`);
        writeFileSync(image, Buffer.alloc(0));
        execFileSync('truncate', ['-s', '2M', image]);
        execFileSync('mkfs.ext4', ['-q', '-F', image], { stdio: 'ignore' });
        mkdirSync(point);
        execFileSync('mount', ['-o', 'loop', image, point]);
        mounted.push(point);
      }
    } catch {
      return this.skip(); // no loop devices, or not allowed to mount (an unprivileged container)
    }
    // The last one listed by name is nearly full: the view must bring it up, not leave it at the bottom.
    const full = mounted[MOUNTS - 1];
    const available = Number(execFileSync('df', ['--output=avail', '-B1', full], { encoding: 'utf8' }).trim().split('\n')[1]);
    writeFileSync(join(full, 'fill'), Buffer.alloc(Math.max(0, available - 64 * 1024)));
    folder = createFixtureWorkspace();
    // A laptop's height: the side bar shows the System view's rows in about half a screen.
    workbench = await launchWorkbench({ folder, env: { ANTHROPIC_API_KEY: '' }, viewport: { width: 1400, height: 700 } });
    await workbench.openView('System');
  });

  after(async () => {
    await workbench?.close();
    for (const point of mounted.reverse()) execFileSync('umount', [point]);
    for (const dir of [folder, root]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the fullest disk first, folds the rest, and keeps Top processes in view', async () => {
    const { page } = workbench;
    await widenSideBar(page, 520);
    await collapsePane(page, 'Branches', true);
    await collapsePane(page, 'Log Files', true);
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'System' }) });
    const rows = pane.locator('.monaco-list-row');
    const fullRow = rows.filter({ hasText: `vol${MOUNTS - 1}` }).first();
    await fullRow.waitFor({ timeout: 90_000 });
    await rows.filter({ hasText: 'Top processes' }).first().waitFor({ timeout: 60_000 });
    await rows.filter({ hasText: /pid \d+/ }).first().waitFor({ timeout: 60_000 });
    await workbench.screenshot('tmp/system-many-disks');

    // What is on screen, top to bottom, as a person reads it.
    const body = (await pane.locator('.pane-body').boundingBox())!;
    const seen = await rows.evaluateAll((all) => all.map((row) => ({ text: (row as HTMLElement).innerText.replace(/\s+/g, ' '), top: row.getBoundingClientRect().top, bottom: row.getBoundingClientRect().bottom })));
    const inView = seen.filter((r) => r.top >= body.y - 1 && r.bottom <= body.y + body.height + 1).sort((a, b) => a.top - b.top).map((r) => r.text);
    const volumes = inView.filter((text) => /vol\d\d/.test(text));
    assert.match(volumes[0] ?? '', new RegExp(`vol${MOUNTS - 1}`), `the nearly full disk leads: ${inView.join(' | ')}`);
    assert.ok(volumes.length < 8, `the disks past a few are folded: ${inView.join(' | ')}`);
    assert.ok(inView.some((text) => /^\d+ more/.test(text)), `a "more" row holds the rest: ${inView.join(' | ')}`);
    assert.ok(inView.some((text) => text.startsWith('Top processes')), `Top processes is on screen: ${inView.join(' | ')}`);
    assert.ok(inView.some((text) => /% CPU · .* · pid \d+/.test(text)), `the top processes themselves are on screen: ${inView.join(' | ')}`);
  });
});
