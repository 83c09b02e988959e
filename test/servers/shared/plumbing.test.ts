// Small pieces of the kit: annotations, progress throttling, version, stderr logging.
import assert from 'node:assert/strict';
import { READ_ONLY } from '../../../servers/shared/annotations';
import { describeError } from '../../../servers/shared/log';
import { sanitizeLine } from '../../../servers/shared/sanitize';
import { progressReporter, progressTicks, throttleProgress, PROGRESS_INTERVAL_MS, type HandlerExtra } from '../../../servers/shared/progress';
import { SERVER_VERSION } from '../../../servers/shared/version';
import pkg from '../../../package.json';

describe('shared server plumbing', () => {
  // break30: a 50 MB line came back as "… [21 chars cut]": a match cut when it was kept was cut again when it was
  // returned, and the second mark counted only the mark of the first.
  it('sanitizeLine counts every cut of a text cut before, in chars and in bytes a reader left out', () => {
    const line = 'x'.repeat(10_000);
    assert.equal(sanitizeLine(line, 100), `${'x'.repeat(100)}… [9900 chars cut]`);
    assert.equal(sanitizeLine(sanitizeLine(line, 1000), 100), `${'x'.repeat(100)}… [9900 chars cut]`);
    assert.equal(sanitizeLine(sanitizeLine(sanitizeLine(line, 5000), 1000), 100), `${'x'.repeat(100)}… [9900 chars cut]`);
    assert.equal(sanitizeLine(`${'x'.repeat(500)}… [7000 bytes cut]`, 100), `${'x'.repeat(100)}… [400 chars + 7000 bytes cut]`);
    assert.equal(sanitizeLine(sanitizeLine(`${'x'.repeat(500)}… [7000 bytes cut]`, 200), 100), `${'x'.repeat(100)}… [400 chars + 7000 bytes cut]`);
    assert.equal(sanitizeLine('short… [5 chars cut]', 100), 'short… [5 chars cut]', 'a text within the limit is kept as it is');
    assert.equal(sanitizeLine(`${'y'.repeat(150)} ends with [brackets]`, 100), `${'y'.repeat(100)}… [71 chars cut]`);
  });

  it('READ_ONLY says read-only, not destructive, idempotent, closed world, and cannot be changed', () => {
    assert.deepEqual({ ...READ_ONLY }, { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
    assert.ok(Object.isFrozen(READ_ONLY));
  });

  it('throttleProgress passes one report per interval and drops the rest', () => {
    let clock = 1_000;
    const sent: Array<[number, string | undefined]> = [];
    const report = throttleProgress(async (p, m) => void sent.push([p, m]), 200, () => clock);
    report(1, 'a');
    report(2, 'b');
    clock += 199;
    report(3);
    clock += 1;
    report(4, 'd');
    clock += 1000;
    report(5);
    assert.deepEqual(sent, [[1, 'a'], [4, 'd'], [5, undefined]]);
    assert.equal(PROGRESS_INTERVAL_MS, 200);
  });

  it('progress of one request increases across its reporters: ticks of a listing, then bytes of files, then ticks again', async () => {
    const sent: { progress: number; total?: number; message?: string }[] = [];
    const extra = { _meta: { progressToken: 't' }, sendNotification: async (n: { params: { progress: number; total?: number; message?: string } }) => void sent.push(n.params) } as unknown as HandlerExtra;
    let clock = 1_000;
    const tick = progressTicks(extra, 200, () => clock);
    tick('listing');
    clock += 200;
    tick('listing more');
    clock += 10;
    tick('dropped: within the interval');
    const bytes = progressReporter(extra, 100);
    await bytes(1, 'a value not above the ticks is dropped');
    await bytes(50, 'files');
    clock += 200;
    tick('reading journal:x');
    assert.deepEqual(sent.map((p) => [p.progress, p.total, p.message]), [
      [1, undefined, 'listing'],
      [2, undefined, 'listing more'],
      [50, 100, 'files'],
      [51, undefined, 'reading journal:x'],
    ]);
    // Without a progress token nothing is sent.
    progressTicks({ sendNotification: async () => assert.fail('sent') } as unknown as HandlerExtra)('x');
  });

  it('reports the version written in package.json', () => {
    assert.equal(SERVER_VERSION, pkg.version);
    assert.match(SERVER_VERSION, /^\d+\.\d+\.\d+/);
  });

  it('describes errors with their stack, and anything else as text', () => {
    assert.match(describeError(new Error('boom')), /^Error: boom\n\s+at /);
    assert.equal(describeError('plain'), 'plain');
  });
});
