// Log Files beside a log written every 100 ms for a minute, as a busy service writes one: the tree refreshes (new
// errors are counted) without losing what the person did in it (the selected row, the scroll position), without
// emptying itself for a moment (a flicker), and the extension host's CPU is measured (printed; bounded loosely, as the
// build machines are shared).
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childPids, commandLine } from '../support/processes';
import { useMockedWorkbench } from './support/mocked-workbench';

const WRITE_EVERY_MS = 100;
const BURST_MS = Number(process.env.BUSY_LOG_MS ?? 60_000);
/** Extra logs, so that the tree scrolls and a scroll position can be lost. */
const OTHER_LOGS = 30;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The pids of `root` and every descendant. */
function processTree(root: number): number[] {
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...childPids(all[i]!));
  return all;
}

/** CPU seconds (user + system) `pid` has used, 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

describe('UI: Log Files beside a log written every 100 ms', function () {
  this.timeout(BURST_MS + 240_000);
  const session = useMockedWorkbench({ apiKey: 'test-key', failurePrefix: 'log-files-busy', viewport: { width: 1400, height: 700 } });

  it('keeps the selection and the scroll position, never empties, counts the new errors; the host\'s CPU is measured', async () => {
    const { workbench, folder } = session();
    const { page } = workbench;
    const stamp = () => new Date().toISOString();
    mkdirSync(join(folder, 'logs', 'more'), { recursive: true });
    for (let i = 0; i < OTHER_LOGS; i++) writeFileSync(join(folder, 'logs', 'more', `svc-${String(i).padStart(2, '0')}.log`), `${stamp()} INFO started\n`);
    const busy = join(folder, 'logs', 'busy.log');
    writeFileSync(busy, `${stamp()} INFO busy service started\n`);
    await workbench.openView('Log Files');
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Log Files' }) });
    const list = pane.locator('.monaco-list').first();
    const busyRow = pane.locator('.monaco-list-row', { hasText: 'logs/busy.log' });
    await busyRow.waitFor({ timeout: 60_000 });
    await pane.locator('.monaco-list-row', { hasText: 'svc-' }).first().waitFor({ timeout: 60_000 });
    // Select a row further down, then scroll the tree so that the busy log is off the top.
    // (A row scrolled out of view is taken out of the page, so the chosen one is below the scrolled-away top.)
    const chosen = pane.locator('.monaco-list-row', { hasText: 'svc-' }).nth(4);
    const chosenLabel = ((await chosen.getAttribute('aria-label')) ?? '').split(',')[0];
    await chosen.click();
    await pane.locator('.monaco-list-row.selected', { hasText: chosenLabel }).waitFor({ timeout: 10_000 });
    await list.hover();
    await page.mouse.wheel(0, 60);
    const rowsTop = pane.locator('.monaco-list-rows');
    await page.waitForTimeout(300);
    const scrollBefore = await rowsTop.evaluate((el) => getComputedStyle(el).top);
    assert.notEqual(scrollBefore, '0px', 'the tree scrolled (enough rows for a scroll position to matter)');

    // Watch the rows while the log is written: fewest rows seen, selection and scroll at each sample.
    await pane.evaluate((el) => {
      const w = window as unknown as { busyWatch: { minRows: number; samples: number; lostSelection: string[]; scrolls: string[]; rowRemovals: number } };
      w.busyWatch = { minRows: Infinity, samples: 0, lostSelection: [], scrolls: [], rowRemovals: 0 };
      new MutationObserver((records) => {
        for (const record of records) for (const node of Array.from(record.removedNodes)) if (node instanceof HTMLElement && node.classList.contains('monaco-list-row')) w.busyWatch.rowRemovals++;
      }).observe(el, { childList: true, subtree: true });
      setInterval(() => {
        w.busyWatch.samples++;
        w.busyWatch.minRows = Math.min(w.busyWatch.minRows, el.querySelectorAll('.monaco-list-row').length);
        const selected = el.querySelector('.monaco-list-row.selected');
        const name = (selected?.getAttribute('aria-label') ?? '(none)').split(',')[0]!;
        if (!w.busyWatch.lostSelection.includes(name)) w.busyWatch.lostSelection.push(name);
        const top = (el.querySelector('.monaco-list-rows') as HTMLElement | null)?.style.top ?? '';
        if (!w.busyWatch.scrolls.includes(top)) w.busyWatch.scrolls.push(top);
      }, 50);
    });

    const host = processTree(workbench.server.process.pid!).find((pid) => commandLine(pid).some((arg) => arg.includes('extensionHost')));
    assert.ok(host, 'the extension host process is found');
    const hostTree = () => processTree(host);
    const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const serversBefore = hostTree().filter((pid) => pid !== host);
    const hostCpu0 = cpuSeconds(host);
    const serversCpu0 = cpuOf(serversBefore);
    const started = Date.now();
    let errors = 0;
    let n = 0;
    const writer = setInterval(() => {
      n++;
      const error = n % 10 === 0;
      if (error) errors++;
      appendFileSync(busy, `${stamp()} ${error ? 'ERROR' : 'INFO '} [worker] request ${n} ${error ? 'failed: upstream timed out' : 'served in 12 ms'}\n`);
    }, WRITE_EVERY_MS);
    try {
      await new Promise((resolve) => setTimeout(resolve, BURST_MS));
    } finally {
      clearInterval(writer);
    }
    const seconds = (Date.now() - started) / 1000;
    const hostCpu = cpuSeconds(host) - hostCpu0;
    const serversCpu = cpuOf(serversBefore) - serversCpu0;
    const watch = await page.evaluate(() => (window as unknown as { busyWatch: unknown }).busyWatch) as { minRows: number; samples: number; lostSelection: string[]; scrolls: string[]; rowRemovals: number };
    console.log(`      [measured] ${n} writes in ${seconds.toFixed(1)} s: extension host ${(100 * hostCpu / seconds).toFixed(1)}% of a core (${hostCpu.toFixed(2)} s), `
      + `its servers ${(100 * serversCpu / seconds).toFixed(1)}% (${serversCpu.toFixed(2)} s); rows: fewest ${watch.minRows} over ${watch.samples} samples, `
      + `${watch.rowRemovals} row elements removed; scroll positions seen ${JSON.stringify(watch.scrolls)}`);
    assert.ok(watch.minRows > 1, `the tree never empties while the log is written (fewest rows ${watch.minRows})`);
    assert.deepEqual(watch.lostSelection, [chosenLabel], 'the selected row stays selected');
    assert.deepEqual(watch.scrolls, [scrollBefore], 'the tree keeps its scroll position');
    // The busy log's count follows: its error count is shown once the writes stop (within a refresh's delays).
    await page.mouse.wheel(0, -2000);
    await busyRow.filter({ hasText: new RegExp(`(^|\\D)${errors} errors?\\b`) }).waitFor({ timeout: 60_000 });
    assert.ok(hostCpu / seconds < 0.5, `the extension host used ${(100 * hostCpu / seconds).toFixed(1)}% of a core for a log written every ${WRITE_EVERY_MS} ms`);
  });
});
