// Real filesystems for the system server's tests (Linux, as root): an ext4 made in an 8 MiB image file and
// loop-mounted, as the tests of a read-only ext4 and of one out of inodes both need.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes `<dir>/<name>.img`, an 8 MiB ext4 (`mkfsArgs` added to mkfs.ext4's: `-N 32` for few inodes), and mounts it on
 * `<dir>/<name>` with `-o loop[,mountOptions]`. Returns the mount point, for the caller to unmount. Throws what mkfs or
 * mount throws (no loop devices, not allowed to mount: the caller skips).
 */
export function mountLoopExt4(dir: string, name: string, { mkfsArgs = [], mountOptions }: { mkfsArgs?: string[]; mountOptions?: string } = {}): string {
  const image = path.join(dir, `${name}.img`);
  writeFileSync(image, Buffer.alloc(0));
  execFileSync('truncate', ['-s', '8M', image]);
  execFileSync('mkfs.ext4', ['-q', '-F', ...mkfsArgs, image], { stdio: 'ignore' });
  const point = path.join(dir, name);
  mkdirSync(point);
  execFileSync('mount', ['-o', mountOptions === undefined ? 'loop' : `loop,${mountOptions}`, image, point]);
  return point;
}
