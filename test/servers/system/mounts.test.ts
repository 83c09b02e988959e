// Real mounts the system server reports on (Linux, as root; skipped elsewhere): an overlay that is written to, as the
// root of every Docker container is, one that is read-only, and a full tmpfs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
