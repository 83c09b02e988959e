// Header kinds found in the real-excerpts batch 22 (Borg, NuGet, NCCL, MAVROS) and on studied systems beside them
// (Corosync, Libreswan) by branch `hdr26`: message words read as header columns, and header columns left in messages. Made-up lines of those shapes (and, where short, the real ones); each case says what a person reading the
// file would answer, and a neighbour that must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-03. */
const REFERENCE = Date.UTC(2026, 11, 3);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of batch 22', () => {
  it('a status letter before a path is no level (Borg --list, git status --short, svn update)', () => {
    // Borg's `create --list` writes `A` (added), `M` (modified), `d` (a directory) before each path; git and svn alike.
    // Read as Android's letters, `A` was FATAL and `D` DEBUG: an ERROR filter would list added files.
    const lines = [
      'Archive name: q3',
      'Number of files: 5',
      'A op/src/dir1/file_b.bin',
      'A op/src/dir1/file_d.bin',
      'd op/src/dir1',
      'M src/main.c',
      'D docs/old.txt',
      'Duration: 0.037 seconds',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.level), lines.map(() => undefined));
    assert.deepEqual(out.map((p) => p.message), lines);
    // A letter that is a layout's column stays a level: apt's `E:`, Android's tag after it, a time after it.
    const apt = parsed(['Reading package lists...', 'Building dependency tree...', 'E: Unable to locate package foo', 'W: Some index files failed to download']);
    assert.deepEqual(apt.map((p) => p.level), [undefined, undefined, 'ERROR', 'WARN']);
    const android = parsed(['some text', 'other text', 'W ActivityManager: Slow operation: 58ms so far']);
    assert.equal(android[2].level, 'WARN');
    assert.equal(android[2].message, 'Slow operation: 58ms so far');
  });

  it("a Windows drive's letter after a time is the path's, not a level (an Azure Pipelines line of NuGet's restore)", () => {
    // `D:\a\1\s\…` is where Azure Pipelines checks out; the letter was read as DEBUG and the message began `:\a\1\s`.
    const lines = [
      '  Restored C:\\src\\runtime\\src\\libraries\\System.IO\\src\\System.IO.csproj (in 12 ms).',
      '  Restored C:\\src\\runtime\\src\\libraries\\System.Net\\src\\System.Net.csproj (in 11 ms).',
      '2020-08-10T22:12:42.2899995Z   Restored D:\\a\\1\\s\\src\\Tools\\dotnet-openapi.Tests.csproj (in 26.82 sec).',
    ];
    const out = parsed(lines);
    assert.equal(out[2].level, undefined);
    assert.equal(out[2].message, 'Restored D:\\a\\1\\s\\src\\Tools\\dotnet-openapi.Tests.csproj (in 26.82 sec).');
    assert.ok(out[2].timestamp !== undefined);
  });

  it("a sentence's first word `A` after a subsystem's bracket is no level letter (corosync's `[TOTEM ] A processor …`)", () => {
    // corosync behind the journal's tag: `[TOTEM ]` is its subsystem padded to a width; `A` read as Android's assert
    // letter made the line FATAL.
    const lines = [
      'Feb 24 16:21:27 dev43 corosync[13545]:   [TOTEM ] A processor joined or left the membership and a new membership (192.168.63.82:1700) was formed.',
      'Feb 24 16:21:27 dev43 corosync[13545]:   [QUORUM] Members[2]: 1379903680 1396680896',
      'Feb 24 16:21:27 dev43 corosync[13545]:   [MAIN  ] Completed service synchronization, ready to provide service.',
      'Feb 24 16:21:29 dev43 corosync[13545]:   [TOTEM ] A processor joined or left the membership and a new membership (192.168.63.82:1704) was formed.',
    ];
    const out = parsed(lines);
    assert.equal(out[0].level, undefined);
    assert.equal(out[3].level, undefined);
    assert.match(out[0].message, /A processor joined/);
  });

  it('a word opening a line the header does not read is the message\'s, and a source location before the level is the header\'s (NCCL)', () => {
    // NCCL: `host:pid:tid [dev] NCCL INFO …`; its version banner has no header; a WARN names its file and line before
    // `NCCL WARN`. The banner lost its first word to the host column, and the WARN line kept `NCCL WARN` unread.
    const lines = [
      'gpu-node-1:17754:17754 [0] NCCL INFO Bootstrap : Using eth0:10.0.0.1<0>',
      'gpu-node-1:17754:17754 [0] NCCL INFO NET/Plugin : No plugin found (libnccl-net.so).',
      'gpu-node-1:17754:17754 [0] NCCL INFO NET/IB : No device found.',
      'NCCL version 2.4.8+cuda10.1',
      'gpu-node-1:17754:17754 [0] misc/ibvwrap.cc:63 NCCL WARN Failed to open libibverbs.so[.1]',
      'gpu-node-1:17754:17760 [0] NCCL INFO Setting affinity for GPU 0 to 03',
      'gpu-node-1:17754:17760 [0] NCCL INFO comm 0x7efe60002250 rank 0 nranks 8 - Init COMPLETE',
    ];
    const out = parsed(lines);
    assert.equal(out[3].message, 'NCCL version 2.4.8+cuda10.1');
    assert.equal(out[4].level, 'WARN');
    assert.equal(out[4].message, 'Failed to open libibverbs.so[.1]');
    assert.equal(out[5].message, 'Setting affinity for GPU 0 to 03');
    // A level word after a word that is no source location stays the message's.
    const plain = parsed([...lines.slice(0, 3), 'gpu-node-1:17754:17754 [0] retry NCCL WARN count reset']);
    assert.equal(plain[3].level, undefined);
  });

  it("a second form of the file's header that the main one reads the start of is read whole (ROS's sim time, a syslog host)", () => {
    // rosconsole writes `[ LEVEL] [<wall time>]: ` and, under simulated time, `[<wall time>, <sim time>]: `.
    const ros = parsed([
      '[ INFO] [1511876698.657583211]: Known MAVLink dialects: common ardupilotmega',
      '[ INFO] [1511876698.657855024]: MAVROS started. MY ID 1.240, TARGET ID 1.50',
      '[ WARN] [1511876698.674926013]: TM: Clock skew detected. Hard syncing clocks.',
      '[ INFO] [1511876699.630708587]: CON: Got HEARTBEAT, connected. FCU: PX4 Autopilot',
      '[ INFO] [1511876699.790941468]: IMU: High resolution IMU detected!',
      '[ INFO] [1692865707.819640047, 2.608000000]: CON: Got HEARTBEAT, connected. FCU: PX4 Autopilot',
      '[ INFO] [1692865707.820866202, 2.608000000]: IMU: High resolution IMU detected!',
      '[ INFO] [1692865708.822706856, 2.704000000]: VER: 1.1: Capabilities 0x000000000000e4ff',
    ]);
    assert.deepEqual(ros.slice(5).map((p) => p.message), ['CON: Got HEARTBEAT, connected. FCU: PX4 Autopilot', 'IMU: High resolution IMU detected!', 'VER: 1.1: Capabilities 0x000000000000e4ff']);
    assert.deepEqual(ros.slice(5).map((p) => p.level), ['INFO', 'INFO', 'INFO']);
    // Libreswan's pluto: its own `<time>: ` lines, and the journal's `<time> host pluto[pid]: ` ones.
    const pluto = parsed([
      'Sep 16 07:01:37.770695: Starting Pluto (Libreswan Version 5.4 IKEv2 IKEv1 XFRM)',
      'Sep 16 07:01:37.770761: using dns-resolver=file',
      'Sep 16 07:01:37.770762: core dump dir: /run/pluto',
      'Sep 16 07:01:37.770839: Initializing NSS using read-only database "sql:/var/lib/ipsec/nss"',
      'Sep 16 07:01:37.781670: FIPS Mode: OFF',
      'Sep 16 07:01:37.781681: NSS crypto library initialized',
      'Mar 19 13:42:49 miniattic pluto[20857]: NSS DB directory: sql:/etc/ipsec.d',
      'Mar 19 13:42:49 miniattic pluto[20857]: Initializing NSS',
      'Mar 19 13:42:49 miniattic pluto[20857]: Opening NSS database "sql:/etc/ipsec.d" read-only',
    ]);
    assert.deepEqual(pluto.slice(6).map((p) => p.message), ['NSS DB directory: sql:/etc/ipsec.d', 'Initializing NSS', 'Opening NSS database "sql:/etc/ipsec.d" read-only']);
  });

  it("a relayed line in the file's own layout behind the relay's columns is read by its own header (TorchServe's MODEL_LOG)", () => {
    // TorchServe logs its worker's stdout as `<time> [INFO ] W-<port>-<model>-stdout MODEL_LOG - <line>`; the worker is
    // DeepSpeed, whose own lines the file also holds bare. The relayed line's level (WARNING) is the one that counts.
    const lines = [
      '[2021-04-24 16:16:27,160] [INFO] [logging.py:60:log_dist] [Rank 0] DeepSpeed info: version=0.3.15, git-hash=03d24fe',
      '[2021-04-24 16:16:27,162] [WARNING] [config.py:78:_sanity_check] DeepSpeedConfig: cpu_offload is deprecated.',
      '[2021-04-24 16:16:27,170] [INFO] [engine.py:461:_configure_lr_scheduler] DeepSpeed using client LR scheduler',
      '[2021-04-24 16:16:27,171] [INFO] [config.py:740:print] DeepSpeedEngine configuration:',
      '2023-06-21T23:15:00,273 [INFO ] W-29500-opt_1.0-stdout MODEL_LOG - [2023-06-21 23:15:00,273] [INFO] [logging.py:96:log_dist] [Rank -1] DeepSpeed info: version=0.9.4, git-hash=unknown',
      '2023-06-21T23:15:00,279 [INFO ] W-29500-opt_1.0-stdout MODEL_LOG - [2023-06-21 23:15:00,279] [WARNING] [comm.py:152:init_deepspeed_backend] NCCL backend in DeepSpeed not yet implemented',
      '2023-06-21T23:15:00,279 [INFO ] W-29500-opt_1.0-stdout MODEL_LOG - [2023-06-21 23:15:00,279] [INFO] [comm.py:594:init_distributed] cdb=None',
    ];
    const out = parsed(lines);
    assert.equal(out[4].message, '[Rank -1] DeepSpeed info: version=0.9.4, git-hash=unknown');
    assert.equal(out[5].level, 'WARN');
    assert.equal(out[5].message, 'NCCL backend in DeepSpeed not yet implemented');
    assert.equal(out[6].message, 'cdb=None');
    // One such line is no relay the file shows: it keeps the relay's reading.
    const once = parsed([...lines.slice(0, 4), lines[5]]);
    assert.equal(once[4].level, 'INFO');
  });
});
