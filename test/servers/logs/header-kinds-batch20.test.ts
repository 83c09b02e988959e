// Header kinds found in the real-excerpts batch 20 (i3, PulseAudio, ElectrumX, NFS-Ganesha, Velocity, evcc):
// a program's own line behind a journal tag, a source location with its function, a time of day in one bracket with
// the level, a statement's `subject key:` after a logger's level and time.
// Made-up lines of those shapes (and, where short, the real ones); each case says what a person reading the file would
// answer, and a neighbour that must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { learnLeadColumns } from '../../../servers/logs/format/lead-columns';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of batch 20', () => {
  it("a program's own dated line behind a journal tag (a year written after day and month) is read as a line of its own", () => {
    // i3's debug log as gdm-x-session passes it to the journal, beside the same program's bare lines.
    const lines = [
      '10/19/15 21:04:21 - main.c:main:491 - root_depth = 24, visual_id = 0x00000074.',
      '10/19/15 21:04:21 - config_parser.c:parse_file:904 - Got new variable $mod = Mod1',
      '10/19/15 21:04:21 - config_parser.c:parse_config:313 - CONFIG(line   1): # generated',
      'Sep 17 03:41:36 wash /usr/lib/gdm/gdm-x-session[5651]: 09/17/2015 03:41:36 AM - render.c:render_con:201 - child will be at 1x0',
      'Sep 17 03:41:36 wash /usr/lib/gdm/gdm-x-session[5651]: 09/17/2015 03:41:36 AM - con.c:con_is_floating:402 - checking if con 0x258be00 is floating',
      'Sep 17 03:41:37 wash /usr/lib/gdm/gdm-x-session[5651]: 09/17/2015 03:41:37 AM - render.c:render_con:130 - Rendering node 0x2661920',
      // A year-less day and month behind a tag is as often the message's value: it stays.
      'Sep 17 03:41:38 wash backupd[77]: 09/17 archive rotated',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.slice(3, 6).map((p) => p.message), ['child will be at 1x0', 'checking if con 0x258be00 is floating', 'Rendering node 0x2661920']);
    assert.equal(read[3].component, '/usr/lib/gdm/gdm-x-session[5651]');
    assert.equal(read[6].message, '09/17 archive rotated');
  });

  it('a date with its year that the message opens with behind a journal tag, days from the tag\'s time, is a value of the message', () => {
    // Made up (review rev24m): a program's own header dates the moment the tag does; a date weeks away is what the
    // message is about, and taking it would date the line in the future.
    const lines = [
      'Sep 17 03:41:36 wash /usr/lib/gdm/gdm-x-session[5651]: 09/17/2015 03:41:36 AM - render.c:render_con:201 - child will be at 1x0',
      'Sep 17 03:41:37 wash certwatch[811]: 12/31/2026 23:59:59 is when the certificate for example.org expires',
      'Sep 17 03:41:38 wash certwatch[811]: checked 3 certificates',
    ];
    const read = parsed(lines);
    assert.ok(read[0].message.startsWith('render.c:render_con:201'), read[0].message);
    assert.equal(read[1].message, '12/31/2026 23:59:59 is when the certificate for example.org expires');
    assert.equal(new Date(read[1].timestamp as number).getUTCMonth(), 8);
  });

  it('an ISO date the message opens with behind a journal tag, days from the tag\'s time, is a value of the message too', () => {
    // Made up (lead, after rev24m): the same weakness in the older `yyyy-` branch; a program's own ISO header at the
    // tag's moment is still cut.
    const lines = [
      'Sep 17 03:41:36 wash app[5651]: 2015-09-17 03:41:36,120 INFO worker started',
      'Sep 17 03:41:37 wash certwatch[811]: 2026-12-31 23:59:59 is when the certificate for example.org expires',
      'Sep 17 03:41:38 wash certwatch[811]: checked 3 certificates',
    ];
    const read = parsed(lines);
    assert.equal(read[0].message, 'worker started');
    assert.equal(read[1].message, '2026-12-31 23:59:59 is when the certificate for example.org expires');
    assert.equal(new Date(read[1].timestamp as number).getUTCMonth(), 8);
  });

  it("behind a journal tag, a level letter or Python's default `LEVEL:logger:` the program writes is its level, cut from the message", () => {
    const pulse = [
      'E: [pulseaudio] module-alsa-card.c: Failed to find a working profile.',
      'I: [pulseaudio] client.c: Created 2 "Native client (UNIX socket client)"',
      'W: [pulseaudio] cli-command.c: stat(/etc/pulse/default.pa.d): No such file or directory',
      'Nov 28 22:35:15 nixos pulseaudio[2160]: E: [pulseaudio] module-alsa-card.c: Failed to find a working profile.',
      'Nov 28 22:35:17 nixos pulseaudio[2160]: W: [pulseaudio] server-lookup.c: Unable to contact D-Bus',
    ];
    const read = parsed(pulse);
    assert.equal(read[3].message, 'Failed to find a working profile.');
    assert.equal(read[3].level, 'ERROR');
    assert.equal(read[4].level, 'WARN');
    const electrum = [
      'Jan  3 21:54:40 host electrumx_server.py[16821]: WARNING:Controller:received SIGTERM signal, initiating shutdown',
      'Jan  3 21:54:40 host electrumx_server.py[16821]: INFO:Controller:shutting down',
      'Jan  3 21:54:41 host electrumx_server.py[16821]: INFO:root:ElectrumX server terminated normally',
      // A message that opens with a capital letter and a colon that spells no level stays whole.
      'Jan  3 21:54:42 host cron[99]: Q: 3 jobs queued',
    ];
    const inner = parsed(electrum);
    assert.deepEqual(inner.map((p) => p.message), ['received SIGTERM signal, initiating shutdown', 'shutting down', 'ElectrumX server terminated normally', 'Q: 3 jobs queued']);
    assert.deepEqual(inner.slice(0, 3).map((p) => p.level), ['WARN', 'INFO', 'INFO']);
  });

  it("a source location with the function between file and line (`config_parser.c:parse_config:313`, i3's DLOG) is a column where it opens three statements", () => {
    const messages = [
      'main.c:main:491 - root_depth = 24, visual_id = 0x00000074.',
      'config_parser.c:parse_file:904 - Got new variable $mod = Mod1',
      'render.c:render_con:201 - child will be at 1x0 with size 1438x858',
      'con.c:con_is_floating:402 - checking if con 0x258be00 is floating',
    ];
    assert.ok(learnLeadColumns(messages)?.signatures.has('location'));
    const read = parsed(['10/19/15 21:04:21 - Enabling debug logging', ...messages.map((m) => `10/19/15 21:04:21 - ${m}`)]);
    assert.deepEqual(read.map((p) => p.message), ['Enabling debug logging', 'root_depth = 24, visual_id = 0x00000074.', 'Got new variable $mod = Mod1', 'child will be at 1x0 with size 1438x858', 'checking if con 0x258be00 is floating']);
    // A host's name with two colons is no source file's: no language's extension.
    assert.equal(learnLeadColumns(['db.example.org:main:5432 - refused', 'cdn.acme.org:edge:443 - open now', 'mail.contoso.net:smtp:25 - closed again'])?.signatures.has('location') ?? false, false);
  });

  it("a time of day and the level in one bracket closed by a colon (`[00:31:18 INFO]: …`, log4j2's console on Minecraft proxies) is the header, a bracket after it the message's", () => {
    const lines = [
      '[18:38:02] [main/INFO] [com.velocitypowered.proxy.VelocityServer]: Booting up Velocity 3.4.0-SNAPSHOT (git-346a33fd)...',
      '[18:38:02] [main/INFO] [com.velocitypowered.proxy.VelocityServer]: Loading localizations...',
      '[18:38:03] [main/WARN] [com.velocitypowered.proxy.config.VelocityConfiguration]: The proxy is running in offline mode!',
      '[18:53:10.511] [Netty epoll Worker #7/INFO] (com.velocitypowered.proxy.connection.client.ClientPlaySessionHandler) [connected player] ilgizoman564u -> executed command /server',
      '[18:53:10.539] [Netty epoll Worker #7/INFO] (com.velocitypowered.proxy.connection.MinecraftConnection) [server connection] ilgizoman564u -> creative-1 has connected',
      '[18:53:29.358] [Netty epoll Worker #7/INFO] (com.velocitypowered.proxy.connection.MinecraftConnection) [server connection] ilgizoman564u -> survival-1 has disconnected',
      '[00:31:18 INFO]: Booting up Velocity 3.1.0...',
      '[00:31:18 INFO]: Loading localizations...',
      '[00:31:19 WARN]: Loaded 3 plugins',
      '[03:20:50 INFO]: [server connection] TheStoneMc -> plot has disconnected',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.slice(6).map((p) => p.message), ['Booting up Velocity 3.1.0...', 'Loading localizations...', 'Loaded 3 plugins', '[server connection] TheStoneMc -> plot has disconnected']);
    assert.deepEqual(read.slice(6).map((p) => p.level), ['INFO', 'INFO', 'WARN', 'INFO']);
    // Alone in its file too.
    const alone = parsed(lines.slice(6));
    assert.deepEqual(alone.map((p) => p.message), ['Booting up Velocity 3.1.0...', 'Loading localizations...', 'Loaded 3 plugins', '[server connection] TheStoneMc -> plot has disconnected']);
  });

  it("a word and a `key:` after a logger's level and time are the statement's (`[site ] DEBUG <time> grid currents: …`), not syslog's host and tag", () => {
    const statements = ['consumer 3 power: 0W', 'grid currents: [8 8 7]A', 'battery soc: 100%', 'pv power: 6409W', 'site power: -5444W', 'charger status: B', 'vehicle range: 51km', 'charge voltages: [231 230 232]V'];
    const lines = statements.map((s, i) => `[${i % 2 ? 'lp-1 ' : 'site '}] DEBUG 2026/08/08 17:57:${String(40 + i)} ${s}`);
    assert.deepEqual(parsed(lines).map((p) => p.message), statements);
    // A program's tag with its id after such a header stays the header's (a relay that writes host and tag there).
    const relayed = ['sshd[212]: Accepted publickey for root', 'cron[88]: (root) CMD (run-parts)', 'sshd[213]: Disconnected from 10.0.0.2', 'kernel[0]: usb 1-1: new device'];
    const relayLines = relayed.map((s, i) => `[relay] INFO 2026/08/08 17:57:${String(40 + i)} gw1 ${s}`);
    assert.deepEqual(parsed(relayLines).map((p) => p.component), ['sshd[212]', 'cron[88]', 'sshd[213]', 'kernel[0]']);
  });

  it("the main header written behind another writer's prefix on some lines (PulseAudio's elapsed stamps, a date and host) is read where it starts", () => {
    const bare = [
      'I: [pulseaudio] main.c: This is PulseAudio 2.0',
      'D: [pulseaudio] core-rtclock.c: Timer slack is set to 50 us.',
      'I: [pulseaudio] module.c: Loaded "module-rescue-streams" (index: #7; argument: "").',
      'E: [pulseaudio] module-alsa-card.c: Failed to find a working profile.',
      'W: [pulseaudio] cli-command.c: stat(/etc/pulse/default.pa.d): No such file or directory',
      'I: [pulseaudio] client.c: Created 2 "Native client (UNIX socket client)"',
      'I: [pulseaudio] alsa-ucm.c: UCM available for card hw:0',
      'I: [pulseaudio] alsa-ucm.c: Set UCM verb to HiFi',
      'D: [pulseaudio] core-util.c: RealtimeKit worked.',
      'I: [pulseaudio] sink.c: Created sink 0 "auto_null" with sample spec s16le 2ch 44100Hz',
    ];
    const prefixed = [
      '(   0.128|   0.000) E: [lt-pulseaudio] module.c: Failed to load module "module-detect" (argument: ""): initialization failed.',
      '(   0.129|   0.001) E: [lt-pulseaudio] main.c: Module load failed.',
      '(   0.002|   0.002) D: [lt-pulseaudio] core-rtclock.c: Timer slack is set to 50 us.',
      '18.09.22 12:48:34 (+0200)  audio  E: [pulseaudio] module-alsa-card.c: Failed to find a working profile.',
      '18.09.22 12:48:35 (+0200)  audio  W: [pulseaudio] server-lookup.c: Unable to contact D-Bus',
      '18.09.22 12:48:36 (+0200)  audio  I: [pulseaudio] main.c: Daemon startup complete.',
    ];
    const read = parsed([...bare, ...prefixed]).slice(bare.length);
    assert.deepEqual(read.map((p) => p.message), [
      'Failed to load module "module-detect" (argument: ""): initialization failed.',
      'Module load failed.',
      'Timer slack is set to 50 us.',
      'Failed to find a working profile.',
      'Unable to contact D-Bus',
      'Daemon startup complete.',
    ]);
    assert.deepEqual(read.map((p) => p.level), ['ERROR', 'ERROR', 'DEBUG', 'ERROR', 'WARN', 'INFO']);
    // Two such lines are no evidence: a statement may quote the header's shape (`retrying: E: [db] pool.c: …`).
    const two = parsed([...bare, ...prefixed.slice(0, 2)]).slice(bare.length);
    assert.deepEqual(two.map((p) => p.message), prefixed.slice(0, 2));
    // A syslog file's header is not found behind a clock where its time field would read another writer's ISO time
    // (ZED's `zed -F` lines beside its journal lines): the statement keeps its words.
    const journal = [
      'Mar 16 12:19:44 yuki zed[519250]: ZFS Event Daemon 2.3.1-1 (PID 519250)',
      'Mar 16 12:19:44 yuki zed[519250]: Processing events since eid=0',
      'Mar 16 12:19:44 yuki zed[519250]: Failed to seek to eid=0',
      'Mar 16 12:19:45 yuki zed[519250]: Registered zedlet "all-syslog.sh"',
      'Mar 16 12:19:45 yuki zed[519250]: Registered zedlet "history_event-zfs-list-cacher.sh"',
      'Mar 16 12:19:46 yuki zed[519250]: Exiting',
    ];
    const clocked = [
      '19:05:09.50 2017-12-03 19:03:38 Ignoring "zed-functions.sh": not executable by user',
      '19:05:09.50 2017-12-03 19:03:38 Ignoring "zed.debug.log": not executable by user',
      '19:05:09.50 2017-12-03 19:03:38 Ignoring "zed.log": not executable by user',
    ];
    assert.deepEqual(parsed([...journal, ...clocked]).slice(journal.length).map((p) => p.message), clocked.map((line) => line.slice(32)));
  });

  it("a date with its year last closed by a colon (`09/13/2026 16:01:35: `, Unity's player log) is the line's time; a fourth clock part is not", () => {
    const lines = [
      '09/13/2026 16:01:35: Got status changed msg k_ESteamNetworkingConnectionState_ClosedByPeer',
      '09/13/2026 16:01:35: Socket closed by peer Steamworks.SteamNetConnectionStatusChangedCallback_t',
      '09/13/2026 16:01:36: Destroying abandoned non persistent zdo 1380236667:8187 owner 1380236667',
    ];
    const read = parsed(lines);
    assert.deepEqual(read.map((p) => p.message), ['Got status changed msg k_ESteamNetworkingConnectionState_ClosedByPeer', 'Socket closed by peer Steamworks.SteamNetConnectionStatusChangedCallback_t', 'Destroying abandoned non persistent zdo 1380236667:8187 owner 1380236667']);
    assert.equal(read[0].timestamp, Date.UTC(2026, 8, 13, 16, 1, 35));
    // `16:01:35:250` is no time this form writes: the line is left as it is.
    const odd = parsed(['09/13/2026 16:01:35:250 tick', '09/13/2026 16:01:35:251 tick', '09/13/2026 16:01:35:252 tock']);
    assert.equal(odd[0].timestamp, undefined);
  });
});
