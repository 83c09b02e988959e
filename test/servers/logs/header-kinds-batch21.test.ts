// Header kinds found in the real-excerpts batch 21 (mpv, VLC, Misskey, SMAPI, Text Generation Inference): an uptime
// stamp glued to the next column, an object log's module and type before its level, a 12-hour clock's day-half in the
// locale's words and a logging part's name in the clock's bracket; a relay's host and program tag after its level
// and time (left by hdr24); a logger's joined name closing a second header form after its level (Luigi, CoreLightning).
// Made-up lines of those shapes (and, where short, the real ones); each case says what a person reading the file would
// answer, and a neighbour that must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-03. */
const REFERENCE = Date.UTC(2026, 11, 3);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of batch 21', () => {
  it('an uptime stamp glued to the next bracketed column is the header\'s (the kernel\'s caller id, mpv\'s log file)', () => {
    // The kernel with CONFIG_PRINTK_CALLER writes `[%5lu.%06lu][%6s]`; mpv's --log-file `[%10.3f][%c][%s] `. Both glue
    // the columns with no blank between them.
    const kernel = parsed([
      '[    0.000000][    T0] Linux version 5.10.0 (gcc 10.2.1)',
      '[    0.000000][    T0] Command line: BOOT_IMAGE=/vmlinuz root=/dev/sda1',
      '[    0.012345][    T1] x86/fpu: Supporting XSAVE feature 0x001',
      '[    1.234567][  T123] usb 1-1: new high-speed USB device number 2',
    ]);
    assert.deepEqual(kernel.map((p) => p.message), ['Linux version 5.10.0 (gcc 10.2.1)', 'Command line: BOOT_IMAGE=/vmlinuz root=/dev/sda1', 'x86/fpu: Supporting XSAVE feature 0x001', 'usb 1-1: new high-speed USB device number 2']);
    const mpv = parsed([
      '[   0.002][v][cplayer] FFmpeg version: git-2022-09-30-b0c7352cd',
      '[   0.002][v][cplayer] Configuration: meson build',
      '[   0.003][d][global] config path: \'watch_later\' -/-> \'\'',
      '[   0.010][i][cplayer] Playing: file.mkv',
      '[   0.011][w][ao/pulse] connection refused',
    ]);
    assert.deepEqual(mpv.map((p) => p.message), ['FFmpeg version: git-2022-09-30-b0c7352cd', 'Configuration: meson build', "config path: 'watch_later' -/-> ''", 'Playing: file.mkv', 'connection refused']);
    // The terminal's `[module]` lines of the same program beside them lose the same column (lead-columns.ts: the same
    // statement follows both).
    const mixed = parsed([
      '[   0.002][v][cplayer] FFmpeg version: git-2022-09-30-b0c7352cd',
      '[   0.002][v][cplayer] Configuration: meson build',
      '[   0.002][v][cplayer] FFmpeg library versions:',
      '[cplayer] FFmpeg version: 6.1.2',
      '[cplayer] FFmpeg library versions:',
      '[cplayer] Configuration: ./waf configure',
    ]);
    assert.deepEqual(mixed.slice(3).map((p) => p.message), ['FFmpeg version: 6.1.2', 'FFmpeg library versions:', 'Configuration: ./waf configure']);
    // A stamp glued to a word is no column: `[0.5]s` stays text.
    const text = parsed(['[0.5]s elapsed before the first frame', 'first frame drawn', 'second frame drawn']);
    assert.equal(text[0].message, '[0.5]s elapsed before the first frame');
  });

  it("an object log's module and type after the object's address are the header's, with the level word after them", () => {
    // VLC's `[%p] %s %s%s: ` (module, object type, ` debug`/` warning`/` error`, nothing for information): a made-up
    // run of its lines, one address written in decimal digits only, one line without a level word (a relay dropped it).
    const lines = [
      '[723127a0] main input debug: using default timeshift path',
      '[72200a38] main input source debug: creating demux: access=file demux=any',
      '[722004f0] main demux debug: no access_demux modules matched',
      '[72200f80] cache_read stream debug: starting pre-buffering',
      '[72200f80] main stream error: cannot pre fill buffer',
      '[0x1005015c0] main libvlc warning: cannot read the plug-in cache',
      '[72200238] main stream debug: using stream_filter module "cache_read"',
      '[e0caa9d8/1077] core input: using default timeshift path',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.message), [
      'using default timeshift path',
      'creating demux: access=file demux=any',
      'no access_demux modules matched',
      'starting pre-buffering',
      'cannot pre fill buffer',
      'cannot read the plug-in cache',
      'using stream_filter module "cache_read"',
      'using default timeshift path',
    ]);
    assert.deepEqual(read.map((p) => p.level), ['DEBUG', 'DEBUG', 'DEBUG', 'DEBUG', 'ERROR', 'WARN', 'DEBUG', undefined]);
    assert.equal(read[1].component, 'main input source');
    // Neighbours that stay: a pid's or session's bracket in decimal digits before a statement's words, a thread's hex
    // id in a file that writes no object log, and a statement's own `… error:` after a time.
    const pids = parsed(['[1518953116] wproc: Registry request: name=Core Worker 5892;pid=5892', '[1518953116] socket accept error: too many open files', '[1518953117] worker pool error: queue full']);
    assert.deepEqual(pids.slice(1).map((p) => p.message), ['socket accept error: too many open files', 'worker pool error: queue full']);
    const threads = parsed(['[7f3a2b1c] connection closed: reset by peer', '[7f3a2b1d] connection opened: 10.0.0.1', '[7f3a2b1c] connection closed: timeout']);
    assert.ok(threads.every((p) => p.message.includes('connection')), JSON.stringify(threads.map((p) => p.message)));
    const timed = parsed(['2026-12-03 10:00:00 disk check error: sector 12 unreadable', '2026-12-03 10:00:01 disk check passed', '2026-12-03 10:00:02 fan speed normal']);
    assert.equal(timed[0].message, 'disk check error: sector 12 unreadable');
  });

  it("a 12-hour clock's day-half, in the machine's locale, and the logging part's name after the level are the clock bracket's", () => {
    // SMAPI 0.39-0.40 (`[06:14:43.490 م]` on an Arabic Windows, `[12:09:03.871 PM]` on an English one) beside SMAPI
    // 4's `[time LEVEL source]` with a mod's name for the source.
    const lines = [
      '[06:29:13.906 م] SDV Version: 1.0',
      '[06:29:13.918 م] Injecting New SDV Version...',
      '[12:09:03.871 PM] SDV Version: 1.07',
      '[12:09:03.882 PM] Injecting New SDV Version...',
      '[09:12:44 a.m.] Starting SDV...',
      '[13:06:43 DEBUG SMAPI] Loading mods...',
      '[13:06:45 INFO  Content Patcher] Loaded 12 content packs',
      '[13:06:45 ERROR SMAPI] Loading mods failed',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.message), ['SDV Version: 1.0', 'Injecting New SDV Version...', 'SDV Version: 1.07', 'Injecting New SDV Version...', 'Starting SDV...', 'Loading mods...', 'Loaded 12 content packs', 'Loading mods failed']);
    assert.deepEqual(read.slice(5).map((p) => p.level), ['DEBUG', 'INFO', 'ERROR']);
    // A bare clock keeps a word glued after `AM` in its message (`AMQP …`).
    const bare = parsed(['10:15:00 AMQP connection opened', '10:15:01 PM scheduler started', '10:15:02 worker ready']);
    assert.deepEqual(bare.map((p) => p.message), ['AMQP connection opened', 'scheduler started', 'worker ready']);
    // rev25: a 24-hour clock has no day-half: `PM` after 22:47 is the chat's private message, and stays in it.
    const chat = parsed(['22:47:41 PM from bob: hello', '22:47:45 alice joined', '22:48:01 PM from carol: hi', '22:49:00 bob left']);
    assert.deepEqual(chat.map((p) => p.message), ['PM from bob: hello', 'alice joined', 'PM from carol: hi', 'bob left']);
  });

  it("a relay's host and program tag without a pid after its level and time are the header's when statements follow them", () => {
    // Made up (left by hdr24: its rule kept `web01 kernel:` in the message): a relay that writes the level first.
    const lines = [
      'INFO 2026-12-03T10:00:00Z web01 kernel: usb 1-1: new high-speed USB device number 2',
      'WARN 2026-12-03T10:00:01Z web01 sshd: Failed password for root from 10.0.0.5 port 22',
      'INFO 2026-12-03T10:00:02Z web02 cron: (root) CMD (run-parts /etc/cron.hourly)',
      'ERROR 2026-12-03T10:00:03Z web01 kernel: Out of memory: Killed process 1234',
      'INFO 2026-12-03T10:00:04Z web02 systemd: Started Session 5 of user root.',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.component), ['kernel', 'sshd', 'cron', 'kernel', 'systemd']);
    assert.equal(read[0].message, 'usb 1-1: new high-speed USB device number 2');
    // A statement's subject and `key:` with its value there stay the statement's (evcc, header-kinds-batch20).
    const values = ['grid currents: [8 8 7]A', 'battery soc: 100%', 'charge rater: not available', 'vehicle range: 51km', 'charge voltages: [231 230 232]V'];
    assert.deepEqual(parsed(values.map((v, i) => `[site ] DEBUG 2026/08/08 17:57:${String(40 + i)} ${v}`)).map((p) => p.message), values);
  });

  it("a logger's joined name after the level closes a second header form of the file (`… INFO luigi-interface: …`)", () => {
    // Luigi's console lines beside its logging module's lines on another machine, and Core Lightning's plugin prefix.
    const lines = [
      'INFO: Informed scheduler that task   TransMapTrack_False_True_False_da9dbb94af   has status   DONE',
      'DEBUG: Asking scheduler for work...',
      'DEBUG: Pending tasks: 11',
      'DEBUG: 1 running tasks, waiting for next task to finish',
      'INFO: There are no more tasks to run at this time',
      'subnet190-2.nwsuaf.edu.cn 2020-04-08 21:48:23,415 MainThread DEBUG luigi-interface: 1 running tasks, waiting for next task to finish',
      'subnet190-2.nwsuaf.edu.cn 2020-04-08 21:48:23,417 MainThread INFO luigi-interface: Informed scheduler that task   X_1   has status   DONE',
      'subnet190-2.nwsuaf.edu.cn 2020-04-08 21:48:23,417 MainThread DEBUG luigi-interface: Asking scheduler for work...',
      'subnet190-2.nwsuaf.edu.cn 2020-04-08 21:48:23,418 MainThread DEBUG luigi-interface: Pending tasks: 11',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.slice(5).map((p) => p.message), ['1 running tasks, waiting for next task to finish', 'Informed scheduler that task   X_1   has status   DONE', 'Asking scheduler for work...', 'Pending tasks: 11']);
    assert.equal(read[5].component, 'luigi-interface');
    // A statement's own word and colon after the level of such a form stays the statement's.
    const own = parsed([
      'DEBUG: Asking scheduler for work...',
      'DEBUG: Pending tasks: 11',
      'DEBUG: Done',
      'worker-1 2020-04-08 21:48:23,415 MainThread ERROR Failed: connection refused',
      'worker-1 2020-04-08 21:48:23,416 MainThread ERROR Failed: timeout after 30 s',
      'worker-1 2020-04-08 21:48:23,417 MainThread INFO Done: 3 tasks',
    ]);
    assert.deepEqual(own.slice(3).map((p) => p.message), ['Failed: connection refused', 'Failed: timeout after 30 s', 'Done: 3 tasks']);
  });
});
