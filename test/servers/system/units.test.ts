// Pure parts of the system server: settings, CPU arithmetic, warnings, secret masking.
import assert from 'node:assert/strict';
import { CliUsageError, helpText, type CliOption } from '../../../servers/shared/cli';
import { loadConfig, SYSTEM_CLI } from '../../../servers/system/config';
import { cpuUsageBetween } from '../../../servers/system/sampling/cpu';
import { evaluateWarnings } from '../../../servers/system/warnings/evaluate';
import { cleanCommand, maskSecrets } from '../../../servers/system/processes/command-line';
import { foldOverlays, parseMountInfo, readOnlyByMount, type Disk } from '../../../servers/system/disks/filesystems';
import { warningsNote } from '../../../servers/system/warnings/evaluate';
import { inodesFrom } from '../../../servers/system/disks/inodes';

describe('system server parts', () => {
  describe('loadConfig', () => {
    /** Keys starting with "--" become flags, the others environment variables. */
    const load = (values: Record<string, string>) => {
      const argv = Object.entries(values).flatMap(([key, value]) => (key.startsWith('--') ? [key, value] : []));
      const env = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith('--')));
      return loadConfig(argv, env);
    };

    it('defaults to 80/90/90 and reads each threshold', () => {
      assert.deepEqual(load({}).thresholds, { cpu: 80, memory: 90, disk: 90 });
      assert.deepEqual(load({ CPU_THRESHOLD: '50', '--memory-threshold': '75.5', DISK_THRESHOLD: '0' }).thresholds, { cpu: 50, memory: 75.5, disk: 0 });
    });

    it('takes a flag over its variable, in either spelling, and reads only the argv and env it is given', () => {
      const saved = process.env.DISK_THRESHOLD;
      process.env.DISK_THRESHOLD = '1';
      try {
        assert.deepEqual(loadConfig(['--cpu-threshold=70', '--disk-threshold', '60'], { CPU_THRESHOLD: '10', MEMORY_THRESHOLD: '20' }).thresholds, { cpu: 70, memory: 20, disk: 60 });
        assert.deepEqual(loadConfig([], {}).thresholds, { cpu: 80, memory: 90, disk: 90 }, 'process.env is not read');
      } finally {
        if (saved === undefined) delete process.env.DISK_THRESHOLD;
        else process.env.DISK_THRESHOLD = saved;
      }
    });

    it('refuses an unknown flag or a stray argument with a usage error that points at --help', () => {
      assert.throws(() => loadConfig(['--cpu-treshold', '50'], {}), (error: Error) => error instanceof CliUsageError && /--cpu-treshold/.test(error.message) && /--help/.test(error.message));
      assert.throws(() => loadConfig(['50'], {}), CliUsageError);
    });

    it('--help lists every flag and variable of the table with its default', () => {
      const help = helpText(SYSTEM_CLI);
      for (const option of Object.values(SYSTEM_CLI.options) as Array<CliOption<unknown>>) {
        assert.ok(help.includes(`--${option.flag} ${option.placeholder}`), `help lists --${option.flag}`);
        assert.ok(help.includes(`env ${option.env}; default: ${option.defaultText ?? JSON.stringify(option.default)}`), `help gives ${option.env} and its default`);
      }
    });

    // Number() reads hexadecimal, binary, octal and exponents: "0x50" would be 80 and "1e1" 10.
    for (const bad of ['abc', '-1', '101', ' ', 'NaN', 'Infinity', '0x50', '1e1', '0b1', '0o7', '80%', '.5', '5.']) {
      it(`refuses ${JSON.stringify(bad)}`, () => {
        assert.throws(() => load({ MEMORY_THRESHOLD: bad }), /--memory-threshold \/ MEMORY_THRESHOLD: must be a percentage/);
      });
    }
  });

  describe('plain decimal settings', () => {
    it('reads " 92.5 " and 007 as decimals, and refuses the timeout in hexadecimal or with an exponent', () => {
      assert.deepEqual(loadConfig([], { CPU_THRESHOLD: ' 92.5 ', DISK_THRESHOLD: '007' }).thresholds, { cpu: 92.5, memory: 90, disk: 7 });
      for (const bad of ['0x10', '1e1', '2.5', '-3', 'abc']) {
        assert.throws(() => loadConfig([], { PROMETHEUS_URL: 'http://p', PROMETHEUS_TIMEOUT: bad }), /--prometheus-timeout \/ PROMETHEUS_TIMEOUT: must be whole seconds from 1 to 300, written as plain decimal digits/, bad);
      }
      assert.equal(loadConfig([], { PROMETHEUS_URL: 'http://p', PROMETHEUS_TIMEOUT: ' 30 ' }).fleet?.prometheus.timeoutMs, 30_000);
    });
  });

  describe('cpuUsageBetween', () => {
    it('is the busy share of the interval per core and overall', () => {
      const usage = cpuUsageBetween({ busy: [100, 1000], total: [200, 2000] }, { busy: [150, 1100], total: [300, 2100] });
      assert.deepEqual(usage.perCore, [50, 100]);
      assert.equal(usage.percent, 75);
    });

    it('has no reading when the platform reports no CPUs, and never goes negative', () => {
      assert.deepEqual(cpuUsageBetween({ busy: [], total: [] }, { busy: [], total: [] }), { percent: null, perCore: [] });
      assert.deepEqual(cpuUsageBetween({ busy: [10], total: [20] }, { busy: [5], total: [20] }).perCore, [0]);
    });
  });

  describe('evaluateWarnings', () => {
    const thresholds = { cpu: 80, memory: 90, disk: 90 };

    it('warns strictly above a threshold, comparing the figures as shown (one decimal)', () => {
      assert.deepEqual(evaluateWarnings({ cpuPercent: 80, memoryPercent: 90 }, thresholds), []);
      assert.deepEqual(evaluateWarnings({ cpuPercent: 80.04, memoryPercent: 90.049 }, thresholds), [], '80.04 shows as 80.0, not above 80');
      const warnings = evaluateWarnings({ cpuPercent: 80.06, memoryPercent: 95.26 }, thresholds);
      assert.deepEqual(
        warnings.map((w) => [w.metric, w.value, w.threshold, w.message]),
        [
          ['cpu', 80.1, 80, 'CPU use is 80.1%, above the 80% threshold'],
          ['memory', 95.3, 90, 'memory use is 95.3%, above the 90% threshold'],
        ],
      );
    });

    it('reports each metric above its threshold', () => {
      const warnings = evaluateWarnings({ cpuPercent: 91.26, memoryPercent: 95 }, thresholds);
      assert.deepEqual(
        warnings.map((w) => [w.metric, w.value, w.threshold]),
        [
          ['cpu', 91.3, 80],
          ['memory', 95, 90],
        ],
      );
      assert.equal(warnings[0].message, 'CPU use is 91.3%, above the 80% threshold');
    });

    it('warns about a container near its own memory limit even when the host has plenty', () => {
      const warnings = evaluateWarnings({ memoryPercent: 12, containerMemoryPercent: 96.04 }, thresholds);
      assert.deepEqual(warnings, [
        { metric: 'memory', value: 96, threshold: 90, subject: 'container', message: 'container memory use is 96% of its limit, above the 90% threshold' },
      ]);
      assert.deepEqual(evaluateWarnings({ memoryPercent: 12, containerMemoryPercent: null }, thresholds), []);
    });

    it('warns once per device even when it is mounted at several points', () => {
      const disks = [
        { fs: '/dev/sda1', mount: '/', usePercent: 95 },
        { fs: '/dev/sda1', mount: '/etc/hosts', usePercent: 95 },
        { fs: '/dev/sdb1', mount: '/data', usePercent: 50 },
        { fs: '/dev/sdc1', mount: '/backup', usePercent: 99.5 },
      ];
      const warnings = evaluateWarnings({ disks }, thresholds);
      assert.deepEqual(
        warnings.map((w) => w.subject),
        ['/', '/backup'],
      );
    });
  });

  // break23: systeminformation reads rw only for mounts whose source starts with '/', so an overlay (every Docker
  // container's root), NFS and CIFS were all readOnly: true.
  describe('readOnlyByMount (mountinfo)', () => {
    const text = [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard',
      '51 27 0:41 / /var/lib/docker/overlay2/x/merged rw,relatime - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w',
      '52 27 0:44 / /mnt/nfs rw,relatime - nfs4 fileserver:/export rw,vers=4.2',
      '53 27 0:45 / /mnt/image ro,relatime - squashfs /dev/loop3 ro',
      '54 27 0:43 / /mnt/lower\\040only rw,relatime - overlay overlay ro,lowerdir=/a:/b',
      '55 27 7:0 / /mnt/data rw - ext4 /dev/loop0 rw',
      '56 27 7:0 / /mnt/data ro,relatime - ext4 /dev/loop0 rw',
      '',
    ].join('\n');
    it('reads each mount point from its own options and its superblock, the last mount on a point winning', () => {
      assert.deepEqual(Object.fromEntries(readOnlyByMount(parseMountInfo(text))), {
        '/': false,
        '/var/lib/docker/overlay2/x/merged': false,
        '/mnt/nfs': false,
        '/mnt/image': true,
        '/mnt/lower only': true,
        '/mnt/data': true,
      });
    });
  });

  // leftovers27: an ext4 root that went read-only after disk errors (errors=remount-ro) read "no warnings" everywhere.
  // The kernel marks the superblock read-only (`ro`, or `emergency_ro` on recent kernels) and leaves the mount's own
  // options `rw`; a deliberate `mount -o ro` or `remount,ro` sets both, a `:ro` bind only the mount's.
  describe('a filesystem that went read-only (mountinfo)', () => {
    const text = [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,errors=remount-ro,emergency_ro',
      '28 27 254:1 / /srv rw,relatime - xfs /dev/vdb ro,attr2',
      '29 27 254:2 / /backup ro,relatime - ext4 /dev/vdc ro,errors=remount-ro',
      '30 27 254:3 / /etc/hosts ro,relatime - ext4 /dev/vdd rw',
      '31 27 7:1 / /media/cd rw,relatime - iso9660 /dev/loop1 ro',
      '32 27 7:2 / /snap/core/1 ro,nodev - squashfs /dev/loop2 ro',
      '33 27 0:50 / /mnt/lower rw,relatime - overlay overlay ro,lowerdir=/a:/b',
      '34 27 0:51 / /mnt/ero rw,relatime - erofs /dev/loop3 ro',
      '',
    ].join('\n');
    it('marks a writable kind read-only in its superblock while mounted read-write, and nothing read-only by design or by choice', () => {
      const went = parseMountInfo(text).filter((m) => m.wentReadOnly).map((m) => m.mount);
      assert.deepEqual(went, ['/', '/srv']);
    });
    it("says emergency_ro is read-only (an ext4 that went read-only on a recent kernel keeps 'rw')", () => {
      assert.equal(readOnlyByMount(parseMountInfo(text)).get('/'), true);
    });
    it('warns of it whatever its use, first, and the summary names it', () => {
      const warnings = evaluateWarnings(
        { disks: [{ fs: '/dev/vda', type: 'ext4', mount: '/', usePercent: 40, wentReadOnly: true }, { fs: '/dev/vdb', type: 'xfs', mount: '/srv', usePercent: 95 }] },
        { cpu: 80, memory: 90, disk: 90 },
      );
      assert.deepEqual(warnings.map((w) => [w.metric, w.subject, w.value, w.threshold]), [['read-only', '/', null, null], ['disk', '/srv', 95, 90]]);
      assert.match(warnings[0].message, /^ext4 filesystem \/ \(\/dev\/vda\) went read-only while in use: writes to it fail/);
      assert.equal(warningsNote(warnings), '; 2 warning(s) (went read-only: /)');
    });
  });

  // break31: a filesystem out of inodes fails every new file with "No space left on device" while its space reads 1%
  // used; get_disk_usage said "no warnings" (df's figures are space only).
  describe('inodes', () => {
    it('reads inodes from statfs figures, and none from a filesystem that reports no fixed count (btrfs, ZFS, vfat: 0)', () => {
      assert.deepEqual(inodesFrom(64, 0), { total: 64, used: 64, free: 0, usePercent: 100 });
      assert.deepEqual(inodesFrom(1000, 333), { total: 1000, used: 667, free: 333, usePercent: 66.7 });
      assert.equal(inodesFrom(0, 0), undefined);
      assert.equal(inodesFrom(Number.NaN, 5), undefined);
    });
    it('warns of inodes used past the disk threshold whatever the space, once per device, and the summary names them', () => {
      const full = { usePercent: 100 };
      const warnings = evaluateWarnings(
        {
          disks: [
            { fs: '/dev/vdb', mount: '/var/spool', usePercent: 1, inodes: full },
            { fs: '/dev/vdb', mount: '/srv/spool', usePercent: 1, inodes: full },
            { fs: '/dev/vdc', mount: '/data', usePercent: 95, inodes: { usePercent: 90 } },
            { fs: '/dev/vdd', mount: '/btrfs', usePercent: 10 },
          ],
          inMemoryDisks: [{ fs: 'tmpfs', mount: '/run', usePercent: 2, inodes: { usePercent: 99.5 } }],
        },
        { cpu: 80, memory: 90, disk: 90 },
      );
      assert.deepEqual(
        warnings.map((w) => [w.subject, w.value, w.of]),
        [['/data', 95, undefined], ['/var/spool', 100, 'inodes'], ['/run', 99.5, 'inodes']],
      );
      assert.match(warnings[1].message, /^filesystem \/var\/spool \(\/dev\/vdb\) has used 100% of its inodes, above the 90% threshold: creating files there fails \("No space left on device"\)/);
      assert.equal(warningsNote(warnings), '; 3 warning(s) (inodes used: /var/spool 100%, /run 99.5%)');
    });
  });

  // A host running containers: df reports each container's overlay root with the figures of the filesystem under
  // /var/lib/docker, so the System view listed `/` again once per container (and pushed the rest off screen).
  describe('foldOverlays (a container root is listed under the filesystem holding it)', () => {
    const disk = (mount: string, type: string, sizeBytes: number, fs = type): Disk => ({
      fs, type, mount, sizeBytes, usedBytes: sizeBytes / 2, availableBytes: sizeBytes / 2, usePercent: 50, readOnly: false,
    });
    const GB = 1024 ** 3;
    const mountinfo = parseMountInfo([
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
      '28 27 254:16 / /var/lib/docker rw,relatime - ext4 /dev/vdb rw',
      '51 28 0:41 / /var/lib/docker/overlay2/a1/merged rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/X,upperdir=/var/lib/docker/overlay2/a1/diff,workdir=/var/lib/docker/overlay2/a1/work',
      '52 27 0:42 / /tmp/c\\040dir/merged rw,relatime - overlay overlay rw,lowerdir=/tmp/lo,upperdir=/tmp/c\\040dir/up,workdir=/tmp/c\\040dir/w',
      '',
    ].join('\n'));
    it('names the holder of each overlay by its upper directory, the longest listed mount holding it', () => {
      const disks = [
        disk('/', 'ext4', 250 * GB, '/dev/vda'),
        disk('/var/lib/docker', 'ext4', 100 * GB, '/dev/vdb'),
        disk('/var/lib/docker/overlay2/a1/merged', 'overlay', 100 * GB),
        disk('/tmp/c dir/merged', 'overlay', 250 * GB),
      ];
      const { disks: kept, skipped } = foldOverlays(disks, mountinfo);
      assert.deepEqual(kept.map((d) => d.mount), ['/', '/var/lib/docker']);
      assert.deepEqual(skipped.map((s) => [s.mount, s.sameAs]), [
        ['/var/lib/docker/overlay2/a1/merged', '/var/lib/docker'],
        ['/tmp/c dir/merged', '/'],
      ]);
      assert.match(skipped[0].reason, /overlay.*container.*\/var\/lib\/docker/);
    });
    it('without an upper directory, folds an overlay only onto a listed filesystem of exactly its size', () => {
      const disks = [disk('/', 'ext4', 250 * GB), disk('/run/c1', 'fuse.fuse-overlayfs', 250 * GB), disk('/run/c2', 'overlay', 249 * GB)];
      const { disks: kept, skipped } = foldOverlays(disks, []);
      assert.deepEqual(kept.map((d) => d.mount), ['/', '/run/c2']);
      assert.deepEqual(skipped.map((s) => [s.mount, s.sameAs]), [['/run/c1', '/']]);
    });
    // rev25: the holder was the longest LISTED mount holding the upper directory, so an upper directory on a mount that
    // is not listed fell through to `/`: rootless Podman's storage on the /run tmpfs (its own, smaller space) was said to
    // be `/`'s, and Docker's data bind-mounted from a second disk (df lists that disk once, at /data) was said to be on /.
    it('takes the mount that holds the upper directory, listed or bound elsewhere; keeps the overlay when it is not listed', () => {
      const info = parseMountInfo([
        '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
        '28 27 254:16 / /data rw,relatime - ext4 /dev/vdb rw',
        '29 27 254:16 /docker /var/lib/docker rw,relatime - ext4 /dev/vdb rw',
        '30 27 0:25 / /run rw,nosuid - tmpfs tmpfs rw,size=8g',
        '51 29 0:41 / /var/lib/docker/overlay2/a1/merged rw - overlay overlay rw,lowerdir=/l,upperdir=/var/lib/docker/overlay2/a1/diff,workdir=/w',
        '52 30 0:42 / /run/user/1000/c2/merged rw - overlay overlay rw,lowerdir=/l,upperdir=/run/user/1000/storage/c2/diff,workdir=/w2',
        '',
      ].join('\n'));
      const disks = [
        disk('/', 'ext4', 250 * GB, '/dev/vda'),
        disk('/data', 'ext4', 100 * GB, '/dev/vdb'),
        disk('/var/lib/docker/overlay2/a1/merged', 'overlay', 100 * GB),
        disk('/run/user/1000/c2/merged', 'overlay', 8 * GB),
      ];
      const { disks: kept, skipped } = foldOverlays(disks, info);
      assert.deepEqual(skipped.map((s) => [s.mount, s.sameAs]), [['/var/lib/docker/overlay2/a1/merged', '/data']]);
      assert.deepEqual(kept.map((d) => d.mount), ['/', '/data', '/run/user/1000/c2/merged']);
    });
    it('keeps an overlay with no listed holder: inside a container, its root is the only view of the space', () => {
      const disks = [disk('/', 'overlay', 60 * GB), disk('/etc/hosts', 'ext4', 250 * GB)];
      const info = parseMountInfo('600 500 0:50 / / rw - overlay overlay rw,lowerdir=/x,upperdir=/var/lib/docker/overlay2/z/diff,workdir=/w\n');
      assert.deepEqual(foldOverlays(disks, info).disks.map((d) => d.mount), ['/', '/etc/hosts']);
    });
  });

  describe('maskSecrets', () => {
    const cases: Array<[string, string]> = [
      ['psql --password=hunter2 -h db', 'psql --password=*** -h db'],
      ['app --api-key abc123 --verbose', 'app --api-key *** --verbose'],
      ['curl https://bob:pa55@example.com/x', 'curl https://***@example.com/x'],
      ['server --token=t0k --port 80', 'server --token=*** --port 80'],
      ['MYSQL_PWD=x mysqld', 'MYSQL_PWD=*** mysqld'],
      ['node server.js --port 8080', 'node server.js --port 8080'],
      ['user token abc', 'user token ***'],
      ['--secret --other x', '--secret --other x'],
      ['--password=', '--password='],
      ['  leading  --auth=me  ', '  leading  --auth=***  '],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => assert.equal(maskSecrets(input), expected));
    }

    it('does not hang on megabyte command lines built to make regexes backtrack', () => {
      // A guard against quadratic patterns (these took minutes with the first version), not a speed target.
      for (const input of ['x'.repeat(1_000_000), 'passwordpassword'.repeat(60_000), ' -'.repeat(500_000), 'http'.repeat(250_000), `${'a'.repeat(30)}://u`.repeat(30_000)]) {
        const started = Date.now();
        maskSecrets(input);
        cleanCommand(input);
        assert.ok(Date.now() - started < 3000, `${input.slice(0, 20)}… took ${Date.now() - started} ms`);
      }
    });
  });

  describe('cleanCommand', () => {
    it('strips escapes, masks, and cuts to 300 characters counting the cut', () => {
      const line = `\u001b[31mserver\u001b[0m --password=hunter2 ${'y'.repeat(1000)}`;
      const clean = cleanCommand(line);
      assert.ok(clean.startsWith('server --password=*** yyy'), clean.slice(0, 40));
      assert.ok(!clean.includes('hunter2') && !clean.includes('\u001b'));
      const visible = 'server --password=hunter2 '.length + 1000;
      assert.ok(clean.endsWith(`… [${visible - 300} chars cut]`), clean.slice(-30));
      assert.equal(clean.indexOf('…'), 300);
      assert.equal(cleanCommand('short --token abc'), 'short --token ***');
    });
  });
});
