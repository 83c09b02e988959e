// Real mounts the system server reports on (Linux, as root; skipped elsewhere): an overlay that is written to, as the
// root of every Docker container is, one that is read-only, and a full tmpfs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mountLoopExt4 } from '../../support/loop-mounts';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('system server: real mounts', function () {
  this.timeout(60_000);
  let dir: string;
  const mounted: string[] = [];
  let server: StartedServer;

  before(function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    dir = mkdtempSync(path.join(os.tmpdir(), 'mounts-'));
    for (const sub of ['lower', 'upper', 'work', 'rw', 'ro', 'shm']) mkdirSync(path.join(dir, sub));
    try {
      execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${dir}/lower,upperdir=${dir}/upper,workdir=${dir}/work`, `${dir}/rw`]);
      mounted.push(`${dir}/rw`);
      // Two lower layers and no upper one: the kernel mounts the overlay read-only.
      execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${dir}/lower:${dir}/upper`, `${dir}/ro`]);
      mounted.push(`${dir}/ro`);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', `${dir}/shm`]);
      mounted.push(`${dir}/shm`);
      writeFileSync(`${dir}/shm/fill`, Buffer.alloc(1024 * 1024));
    } catch {
      return this.skip(); // no overlay support, or not allowed to mount (an unprivileged container)
    }
  });
  after(async () => {
    await server?.close();
    for (const point of mounted.reverse()) execFileSync('umount', [point]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // break23: systeminformation calls every mount whose source does not start with '/' read-only (overlay, NFS, CIFS):
  // get_disk_usage said the root filesystem of every Docker container was read-only.
  it('says an overlay written to is not read-only, and a read-only one is, as mountinfo does', async () => {
    const mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
    assert.match(mountinfo, new RegExp(` ${dir}/rw rw,.* - overlay overlay rw,`), 'the kernel mounted the first overlay read-write');
    server = await startBuiltServer('system');
    const disk = async (at: string) => {
      const result = await server.client.callTool({ name: 'get_disk_usage', arguments: { path: at } });
      assert.notEqual(result.isError, true, JSON.stringify(result.content));
      return (result.structuredContent as Data).disks[0];
    };
    const written = await disk(`${dir}/rw`);
    assert.deepEqual([written.type, written.mount, written.readOnly], ['overlay', `${dir}/rw`, false]);
    const readOnly = await disk(`${dir}/ro`);
    assert.deepEqual([readOnly.type, readOnly.mount, readOnly.readOnly], ['overlay', `${dir}/ro`, true]);
  });

  // Session 25: every container root on a Docker host was listed as one more copy of the filesystem under it (the
  // System view filled with them, pushing the rest off screen). Asked by path, the overlay itself still answers.
  it('lists an overlay under the filesystem holding its upper layer, not as one more disk', async () => {
    server ??= await startBuiltServer('system');
    const result = await server.client.callTool({ name: 'get_disk_usage', arguments: { limit: 500 } });
    const data = result.structuredContent as Data;
    assert.ok(!data.disks.some((d: Data) => d.mount === `${dir}/rw`), 'the written overlay is listed as a disk');
    const folded = data.skipped.mounts.find((m: Data) => m.mount === `${dir}/rw`);
    assert.ok(folded, JSON.stringify(data.skipped));
    assert.ok(data.disks.some((d: Data) => d.mount === folded.sameAs), `its holder ${folded.sameAs} is listed`);
    assert.match(folded.reason, /overlay/);
  });

  // break23: in-memory filesystems are left out of the list, and a full one (/dev/shm, /run) got no warning either, so
  // "any full disk?" was answered with none while writes there failed.
  it('warns of a full tmpfs over every filesystem, though it is not listed', async () => {
    server ??= await startBuiltServer('system');
    const result = await server.client.callTool({ name: 'get_disk_usage', arguments: {} });
    const data = result.structuredContent as Data;
    assert.ok(!data.disks.some((d: Data) => d.mount === `${dir}/shm`), 'listed');
    const warning = data.warnings.find((w: Data) => w.subject === `${dir}/shm`);
    assert.ok(warning, JSON.stringify(data.warnings));
    assert.equal(warning.value, 100);
    assert.match(warning.message, /is 100% full, above the 90% threshold \(an in-memory filesystem, not listed above: writes to it fail when it is full\)/);
    assert.match(data.summary, /\d warning\(s\)$/);
  });
});

// leftovers27: an ext4 that went read-only after disk errors (errors=remount-ro) read "no warnings" in get_disk_usage and
// the System view. A real loop-mounted ext4 is made to hit an error through ext4's own sysfs trigger; the kernel marks it
// read-only (super option `ro`, or `emergency_ro` on recent kernels) and leaves the mount `rw`. One remounted read-only
// on purpose, and a `:ro` bind of it, are read-only by choice and must stay quiet.
describe('system server: a real ext4 that went read-only', function () {
  this.timeout(60_000);
  let dir: string;
  const mounted: string[] = [];
  let server: StartedServer;

  before(function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    dir = mkdtempSync(path.join(os.tmpdir(), 'went-ro-'));
    try {
      for (const name of ['errors', 'chosen']) mounted.push(mountLoopExt4(dir, name, { mountOptions: 'errors=remount-ro' }));
      mkdirSync(path.join(dir, 'bound'));
      execFileSync('mount', ['--bind', '-o', 'ro', path.join(dir, 'chosen'), path.join(dir, 'bound')]);
      mounted.push(path.join(dir, 'bound'));
      execFileSync('mount', ['-o', 'remount,ro', path.join(dir, 'chosen')]);
      const device = execFileSync('findmnt', ['-no', 'SOURCE', path.join(dir, 'errors')], { encoding: 'utf8' }).trim();
      // ext4's debugging trigger: the same path as a real metadata error (ext4_error), which errors=remount-ro answers.
      writeFileSync(`/sys/fs/ext4/${path.basename(device)}/trigger_fs_error`, 'test');
    } catch {
      return this.skip(); // no loop devices or ext4 sysfs trigger, or not allowed to mount (an unprivileged container)
    }
  });
  after(async () => {
    await server?.close();
    for (const point of mounted.reverse()) execFileSync('umount', [point]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('warns of the ext4 that went read-only, names it in the summary, and not of those read-only by choice', async () => {
    assert.throws(() => writeFileSync(path.join(dir, 'errors', 'x'), 'x'), /EROFS/, 'the kernel made the filesystem read-only');
    assert.match(readFileSync('/proc/self/mountinfo', 'utf8'), new RegExp(` ${dir}/errors rw,.* - ext4 \\S+ (ro,|.*emergency_ro)`), 'the mount stays rw, its superblock is not');
    server = await startBuiltServer('system');
    const result = await server.client.callTool({ name: 'get_disk_usage', arguments: {} });
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    const data = result.structuredContent as Data;
    const disk = data.disks.find((d: Data) => d.mount === `${dir}/errors`);
    assert.deepEqual([disk.readOnly, disk.wentReadOnly], [true, true]);
    // df lists a device once: the one remounted read-only or its read-only bind.
    const chosen = data.disks.find((d: Data) => d.mount === `${dir}/chosen` || d.mount === `${dir}/bound`);
    assert.deepEqual([chosen.readOnly, chosen.wentReadOnly], [true, undefined], JSON.stringify(data.disks));
    const readOnly = data.warnings.filter((w: Data) => w.metric === 'read-only');
    assert.deepEqual(readOnly.map((w: Data) => w.subject), [`${dir}/errors`], JSON.stringify(data.warnings));
    assert.match(readOnly[0].message, /^ext4 filesystem .*\/errors \(\/dev\/loop\d+\) went read-only while in use: writes to it fail/);
    assert.ok(data.summary.includes(`(went read-only: ${dir}/errors)`), data.summary);
    // Asked by path, the same.
    const byPath = (await server.client.callTool({ name: 'get_disk_usage', arguments: { path: `${dir}/errors` } })).structuredContent as Data;
    assert.deepEqual(byPath.warnings.map((w: Data) => w.metric), ['read-only']);
  });
});

// break31: an ext4 out of inodes (many small files: a mail spool, a cache) refuses every new file with "No space left on
// device" while df shows its space 1% used; get_disk_usage answered "no warnings". A tmpfs with nr_inodes is the same
// (it is warned of unlisted, as a full one is); a tmpfs with nr_inodes=0 has no inode count and must not warn.
describe('system server: a real filesystem out of inodes', function () {
  this.timeout(60_000);
  let dir: string;
  const mounted: string[] = [];
  let server: StartedServer;

  before(function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return this.skip();
    dir = mkdtempSync(path.join(os.tmpdir(), 'inodes-'));
    try {
      for (const name of ['spool', 'roomy']) mounted.push(mountLoopExt4(dir, name, name === 'spool' ? { mkfsArgs: ['-N', '32'] } : {}));
      for (const [name, inodes] of [['shm', '8'], ['unlimited', '0']]) {
        mkdirSync(path.join(dir, name));
        execFileSync('mount', ['-t', 'tmpfs', '-o', `size=1m,nr_inodes=${inodes}`, 'tmpfs', path.join(dir, name)]);
        mounted.push(path.join(dir, name));
      }
    } catch {
      return this.skip(); // no loop devices, or not allowed to mount (an unprivileged container)
    }
    // Small files until the kernel refuses one: then no inode is left, and nearly all the space is.
    for (const name of ['spool', 'shm', 'unlimited', 'roomy']) {
      for (let i = 0; i < (name === 'unlimited' || name === 'roomy' ? 20 : 1000); i++) {
        try {
          writeFileSync(path.join(dir, name, `f${i}`), 'x');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  });
  after(async () => {
    await server?.close();
    for (const point of mounted.reverse()) execFileSync('umount', [point]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('warns of the ext4 and the tmpfs with no inode left, says it in the summary, and not of the others', async () => {
    assert.throws(() => writeFileSync(path.join(dir, 'spool', 'one-more'), 'x'), /ENOSPC/, 'the kernel refuses a new file');
    server = await startBuiltServer('system');
    const result = await server.client.callTool({ name: 'get_disk_usage', arguments: {} });
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    const data = result.structuredContent as Data;
    const spool = data.disks.find((d: Data) => d.mount === `${dir}/spool`);
    assert.ok(spool.usePercent < 10, `its space is nearly all free: ${spool.usePercent}%`);
    assert.deepEqual([spool.inodes.free, spool.inodes.usePercent], [0, 100]);
    assert.equal(spool.inodes.used, spool.inodes.total);
    const roomy = data.disks.find((d: Data) => d.mount === `${dir}/roomy`);
    assert.ok(roomy.inodes.usePercent < 50 && roomy.inodes.used >= 20, JSON.stringify(roomy.inodes));
    const ours = data.warnings.filter((w: Data) => w.subject?.startsWith(dir));
    assert.deepEqual(ours.map((w: Data) => [w.metric, w.subject, w.of, w.value]), [
      ['disk', `${dir}/spool`, 'inodes', 100],
      ['disk', `${dir}/shm`, 'inodes', 100],
    ]);
    assert.match(ours[0].message, /has used 100% of its inodes, above the 90% threshold: creating files there fails \("No space left on device"\) when none are left, however much space is free$/);
    assert.ok(data.summary.includes(`${dir}/spool 100%`), data.summary);
    // Asked by path, the same; the tmpfs with no inode count has no inodes to report.
    const byPath = async (at: string) => (await server.client.callTool({ name: 'get_disk_usage', arguments: { path: at } })).structuredContent as Data;
    assert.deepEqual((await byPath(`${dir}/spool/f1`)).warnings.map((w: Data) => w.of), ['inodes']);
    const unlimited = await byPath(`${dir}/unlimited`);
    assert.deepEqual([unlimited.disks[0].inodes, unlimited.warnings], [undefined, []]);
  });
});
