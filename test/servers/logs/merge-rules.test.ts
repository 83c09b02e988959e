// Merge rules learned from the file (patterns/variability.ts): where templates differ in a few places, whether those
// places hold values or the statements' own words is read from how the words behave across the whole file. Made-up
// lines of the failing shapes with their right grouping, and the neighbours that must stay apart.
import assert from 'node:assert/strict';
import { assertApart, assertOneEvent, minedAlone } from '../../support/mined-templates';

/** Indexes from `from` to `to - 1`. */
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('log intelligence: merge rules learned from the file', () => {
  // Batch 16's EspIdf (`wifi:state: init -> auth (b0)`, one line per transition), OpenSMTPD (`MTA_INIT -> MTA_BANNER`),
  // FreeSWITCH and Pacemaker (`S_IDLE -> S_POLICY_ENGINE`): one statement whose two values are split into a template per
  // transition, since no single place varies alone.
  it("reads words that stand at both places of a statement as its values (a state machine's `init -> auth` / `auth -> assoc`)", () => {
    const other = ['connected with home-ap, channel 6', 'mode : sta (f0:f5:bd:fc:36:e8)', 'Starting scheduler on core 0'];
    const wifi = ['state: init -> auth (b0)', 'state: auth -> assoc (0)', 'state: assoc -> run (10)'];
    assertOneEvent(minedAlone([...other, ...wifi]), [3, 4, 5], 'lower-case states');
    // UPPER_CASE states of one enumeration, named with its prefix (`MTA_`, `S_`).
    const mta = ['mta: 0xea6710: MTA_INIT -> MTA_BANNER', 'mta: 0xea6710: MTA_BANNER -> MTA_EHLO', 'mta: 0xea6710: MTA_EHLO -> MTA_READY'];
    assertOneEvent(minedAlone([...other, ...mta]), [3, 4, 5], 'UPPER_CASE states');
    const crmd = ['State transition S_IDLE -> S_POLICY_ENGINE', 'State transition S_POLICY_ENGINE -> S_TRANSITION_ENGINE', 'State transition S_TRANSITION_ENGINE -> S_IDLE'];
    assertOneEvent(minedAlone([...other, ...crmd]), [3, 4, 5], 'UPPER_CASE states with a short prefix');
    // Back and forth between two states, in parentheses after the sentence.
    const service = ['packet service state changed (detached -> unknown)', 'packet service state changed (unknown -> detached)'];
    assertOneEvent(minedAlone([...other, ...service]), [3, 4], 'two states both ways');
  });

  it('keeps apart directions that recur as often as statements do, and the words of labels in other orders', () => {
    // A bouncer's own directions (ZNC's `ZNC -> IRC` / `IRC -> ZNC`), each on more lines than the file's statements hold.
    const relay: string[] = [];
    for (let i = 0; i < 6; i++) relay.push(`(alice/libera) ZNC -> IRC [PRIVMSG #chan${i} :hi]`, `(alice/libera) IRC -> ZNC [PRIVMSG #chan${i} :hi]`);
    const lines = ['Connecting to irc.libera.chat', 'Connected to irc.libera.chat', 'Loaded module sasl', ...relay];
    const templates = minedAlone(lines);
    assertApart(templates, [3, 4], 'directions');
    // Two words of one label in another order (`rx ba win` / `tcp rx win`): a dump's labels, each its own statement.
    const labels = minedAlone(['wifi_init: rx ba win: 6', 'wifi_init: tcp tx win: 5744', 'wifi_init: tcp rx win: 5744', 'Starting scheduler on core 0']);
    assertApart(labels, [0, 1, 2], 'labels');
    // UPPER_CASE states without a shared prefix (Hadoop's `Transitioned from NEW to INITED`, which Loghub labels one
    // event per transition): as often the statements' own names.
    const job = minedAlone(['job_1 Transitioned from NEW to INITED', 'job_1 Transitioned from INITED to SETUP', 'job_1 Transitioned from SETUP to RUNNING', 'Starting scheduler on core 0']);
    assertApart(job, [0, 1, 2], 'plain UPPER_CASE states');
  });

  // Batch 16's Luigi: `Informed scheduler that task   %s   has status   %s`, nine lines PENDING and two DONE, split in two.
  it('reads a word the statement pads with runs of spaces as a value (`has status   PENDING` / `   DONE`)', () => {
    const other = ['Asking scheduler for work...', 'There are 3 pending tasks unique to this worker', 'Done'];
    const status = ['PENDING', 'PENDING', 'PENDING', 'DONE', 'PENDING', 'DONE'].map((s, i) => `Informed scheduler that task   Task_${i}_2bbbfdbecd   has status   ${s}`);
    assertOneEvent(minedAlone([...other, ...status]), range(3, 9), 'padded status');
    // In the middle of a sentence too (`role   leader   since`).
    const role = ['leader', 'follower', 'leader'].map((r, i) => `Node n${i} took role   ${r}   since term 4`);
    assertOneEvent(minedAlone([...other, ...role]), range(3, 6), 'padded word inside');
  });

  it('keeps apart words joined by single spaces, and padded words that each hold many lines', () => {
    const other = ['Asking scheduler for work...', 'There are 3 pending tasks unique to this worker', 'Done'];
    // The same words without padding: no sign they are values (two words, a few lines each).
    const plain = minedAlone([...other, 'Informed scheduler that task T1 has status PENDING', 'Informed scheduler that task T2 has status DONE']);
    assertApart(plain, [3, 4], 'single spaces');
    // Two padded words on many lines each sort lines into events, as two values of a key do (`user=root` / `user=guest`).
    const many: string[] = [];
    for (let i = 0; i < 12; i++) many.push(`Check   disk${i}   result   PASSED`, `Check   disk${i}   result   FAILED`);
    const templates = minedAlone([...other, ...many]);
    assertApart(templates, [3, 4], 'padded words on many lines');
  });

  // Batch 13's OBS (`source '…' (cut_transition) created` / `(wasapi_input_capture)` / `(wasapi_output_capture)`).
  it('reads a word alone in parentheses after a value or a name as a value once it takes three words (`source \'…\' (cut_transition) created`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const obs = minedAlone([...other, "source 'eb2b6f1e-d906-44de-89c7-c18e793a517e' (cut_transition) created", "source 'wasapi_output_capture_07998c00-864b-4d33-9f1d-1a4a8d086000' (wasapi_output_capture) created", "source 'wasapi_input_capture_2bff7261-d883-4d01-8745-3529b38e0037' (wasapi_input_capture) created"]);
    assertOneEvent(obs, [3, 4, 5], 'a kind after a quoted value');
    const device = minedAlone([...other, 'SmartDevice (Sensor_alt) - I/O device is Bridge_1', 'SmartDevice (Water_Control) - I/O device is Bridge_1', 'SmartDevice (Tablet_Flur) - I/O device is Bridge_1']);
    assertOneEvent(device, [3, 4, 5], "a thing's name after its kind");
    // Two notes are as often two statements: the kernel's memory map, which Loghub's Linux labels one event per type.
    const e820 = minedAlone([...other, 'BIOS-e820: 0000000000000000 - 000000000009f800 (usable)', 'BIOS-e820: 000000000009f800 - 00000000000a0000 (reserved)', 'BIOS-e820: 00000000000e0000 - 0000000000100000 (reserved)', 'BIOS-e820: 0000000000100000 - 000000001f7f0000 (usable)']);
    assertApart(e820, [3, 4], 'usable / reserved');
  });

  // Batch 5's Syncthing: `Completed initial scan (rw) of folder %s` and `(ro)` are two statements (two folder kinds).
  it('keeps a word in parentheses after a word of prose the statement\'s own (`initial scan (rw)` / `(ro)`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const folders = [['rw', 'Musicas'], ['ro', 'DiskStation_01_Webman'], ['ro', 'DiskStation_01_John'], ['rw', 'ffqd9-ntcrv']];
    const scan = minedAlone([...other, ...folders.map(([mode, folder]) => `Completed initial scan (${mode}) of folder ${folder}`)]);
    assertApart(scan, [3, 4], 'rw / ro');
  });

  // Batch 25's Capistrano (`exit status 0 (successful).` / `1 (failed).`), batch 26's CRI-O (`git … (clean)` / `(dirty)`),
  // batch 18's FHEM (`GardenaSmartDevice (Sensor_alt) - …` / `(Water_Control)`): two words in the frame a format string
  // puts around what it fills in, on lines that agree on every other word, are one statement's values.
  it('reads two words that open a bracket, on lines that agree on every other word, as one statement\'s values', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const finished = minedAlone([...other, 'Finished in 2.105 seconds with exit status 0 (successful).', 'Finished in 0.930 seconds with exit status 0 (successful).', 'Finished in 1.204 seconds with exit status 1 (failed).']);
    assertOneEvent(finished, [3, 4, 5], 'an outcome in parentheses after a value');
    const version = minedAlone([...other, 'Starting CRI-O version 1.28.1, git 6a2e7b3 (clean)', 'Starting CRI-O version 1.29.0, git 9f1c0d2 (dirty)']);
    assertOneEvent(version, [3, 4], 'a state in parentheses after a value');
    const device = minedAlone([...other, 'SmartDevice (Sensor_alt) - defined with DEVICEID: 1a2b3c', 'SmartDevice (Water_Control) - defined with DEVICEID: 4d5e6f']);
    assertOneEvent(device, [3, 4], "two things' names after their kind");
    const skip = minedAlone([...other, 'Reason to skip: Incorrect guest OS (FreeBSD only)', 'Reason to skip: Incorrect guest OS (OpenBSD only)']);
    assertOneEvent(skip, [3, 4], 'a name opening a parenthesis');
  });

  it('keeps apart bracketed words that are keys, a quote glued to a word, and words that recur evenly', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    // A word followed by `:` in the bracket names the field after it.
    const build = minedAlone([...other, 'Windows Version: 10.0 Build 18363 (release: 1909)', 'Windows Version: 10.0 Build 10586 (revision: 0)']);
    assertApart(build, [3, 4], 'keys in parentheses');
    // `u'esp'`: the quote belongs to the word before it (a Python repr), no quote the tokenizer reads as a frame.
    const glued = minedAlone([...other, "New client connected from 10.0.0.5 as esp1 (c1, k15, u'esp').", "New client connected from 10.0.0.6 as add1 (c1, k15, u'addons')."]);
    assertApart(glued, [3, 4], 'a quote glued to a word');
    // Every word on two lines or more: the statements of a sequence the program repeats (the kernel's memory map).
    const map = minedAlone([...other, 'zone 0x0000 - 0x9f00 (usable)', 'zone 0x9f00 - 0xa000 (reserved)', 'zone 0xe000 - 0xffff (reserved)', 'zone 0xffff - 0xf7ff (usable)', 'zone 0xf7ff - 0xfeff (reserved)']);
    assertApart(map, [3, 4], 'usable twice, reserved three times');
  });

  // Constant names stay the names of their events: a rule merging compound names of one enumeration (split32) held on
  // the studied batches and lost a held-out system, so no such rule is kept; these neighbours guard what any new one must leave.
  it('keeps apart constant names of two enumerations, names without `_`, and a name alone after one word', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    // A file flag and a socket option: two calls, each its own statement.
    const options = minedAlone([...other, 'fd 5 setting O_NONBLOCK', 'fd 5 setting O_NONBLOCK', 'fd 5 setting TCP_NODELAY']);
    assertApart(options, [3, 5], 'two enumerations');
    // Short capitals are as often a statement's own words (`UDP` / `TCP`).
    const listen = minedAlone([...other, 'Listening for UDP queries on 0.0.0.0:53', 'Listening for TCP queries on 0.0.0.0:53']);
    assertApart(listen, [3, 4], 'capitals without `_`');
    // Two constants in one statement: a transition, each pair its own event.
    const moves = minedAlone([...other, 'task 7 Transitioned from RUNNING to SUCCESS_CONTAINER_CLEANUP', 'task 8 Transitioned from RUNNING to FAIL_CONTAINER_CLEANUP']);
    assertApart(moves, [3, 4], 'a transition');
    // Too little sentence around the name.
    const rpc = minedAlone([...other, 'got RPC_CLNT_CONNECT', 'got RPC_CLNT_DISCONNECT']);
    assertApart(rpc, [3, 4], 'two tokens');
  });

  // Batch 17's Fastlane: a box of dashes as long as each step's title, `--- Step: setup_jenkins ---`, around every step.
  it('reads rulers of one mark in three or more lengths as one statement (a box sized to its title)', () => {
    const lines: string[] = [];
    for (const step of ['default_platform', 'setup_jenkins', 'clear_derived_data', 'match']) {
      const title = `--- Step: ${step} ---`;
      lines.push('-'.repeat(title.length), title, '-'.repeat(title.length), `Running ${step} now`);
    }
    const templates = minedAlone(lines);
    assertOneEvent(templates, [0, 2, 4, 6, 8, 10, 12, 14], 'rulers');
    assert.equal(templates[0], '-<*>');
  });

  // Batch 13's Dask: the worker's banner of 49 dashes and the scheduler's of 47 are two statements.
  it('keeps rulers of two lengths, and rulers of other marks, apart', () => {
    const two = minedAlone(['-'.repeat(49), 'Start worker at: tcp://127.0.0.1:37805', '-'.repeat(49), 'Listening to: tcp://127.0.0.1:37805', '-'.repeat(47), 'Scheduler at: tcp://127.0.0.1:8786']);
    assertApart(two, [0, 4], 'two lengths');
    const marks = minedAlone(['-'.repeat(20), '='.repeat(21), '*'.repeat(22), 'Done']);
    assertApart(marks, [0, 1, 2], 'three marks');
  });

  // Batch 13's Radicale (`PROPFIND request at /felix/ received` / `GET …` / `REPORT …`); batch 1's Wazuh (`Registering
  // GET endpoint: …` / `POST`) shows three methods here, its excerpt only two.
  it('reads three or more HTTP request methods at one place as one variable, at the message start too', () => {
    const other = ['Starting Radicale server', 'Loaded 4 collections', 'Ready'];
    const requests = minedAlone([...other, 'PROPFIND request at /felix/calendar.ics/ received', 'OPTIONS request at /felix/ received', 'REPORT request at /felix/calendar.ics/ received', 'PROPFIND request at /felix/contacts.vcf/ received']);
    assertOneEvent(requests, [3, 4, 5, 6], 'methods first');
    const routes = minedAlone([...other, 'Registering GET endpoint: /v1/agents', 'Registering PUT endpoint: /v1/rules', 'Registering POST endpoint: /v1/agents']);
    assertOneEvent(routes, [3, 4, 5], 'methods mid-sentence');
    // Two methods are as often a handler's two statements, each spelling its own method.
    const handler = minedAlone([...other, 'GET request for camera list', 'GET request for camera list', 'POST request for camera list']);
    assertApart(handler, [3, 5], 'two methods');
    // Other UPPER_CASE words stay the statements' own.
    const states = minedAlone([...other, 'Peer state changed to LEADING', 'Peer state changed to FOLLOWING']);
    assertApart(states, [3, 4], 'states');
  });

  // Batch 18's Motion: its configuration dump, `%-25s %s` per setting (`daemon                    on`, `setup_mode …`).
  it('reads a dump of bare keys padded to one column as one statement (`daemon      on` / `setup_mode  off`)', () => {
    const other = ['Motion 4.3.2 Started', 'Using log type (ALL) log level (INF)', 'Writing configuration parameters from all files (1):'];
    const pad = (key: string, value: string) => `${key.padEnd(26)}${value}`;
    const dump = minedAlone([...other, pad('daemon', 'on'), pad('process_id_file', '/var/run/motion/motion.pid'), pad('setup_mode', 'off'), pad('logfile', '/tmp/motion.log')]);
    assertOneEvent(dump, [3, 4, 5, 6], 'padded settings');
    // Labels with a colon, aligned by hand (Dask's `Threads:                          4`, `Memory:   …`), are statements of
    // their own; two keys, or keys padded to different widths, show no one column of a dump.
    const labels = minedAlone([...other, `${'Threads:'.padEnd(26)}4`, `${'Memory:'.padEnd(26)}15.55`, `${'Nanny:'.padEnd(26)}tcp`]);
    assertApart(labels, [3, 4, 5], 'labels with a colon');
    const two = minedAlone([...other, pad('daemon', 'on'), pad('setup_mode', 'off')]);
    assertApart(two, [3, 4], 'two keys');
    const widths = minedAlone([...other, 'daemon  on', 'setup_mode    off', 'logfile   /tmp/motion.log']);
    assertApart(widths, [3, 4, 5], 'different widths');
  });

  // Batch 19's Seafile: `spawned %s, pid %d` for `ccnet-server`, `seaf-server`, `fileserver` and a path the miner masks.
  it('counts a place masked on some lines as one more value of its words (`spawned seaf-server` / `fileserver` / a path)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const spawned = minedAlone([...other, 'spawned ccnet-server, pid 9728', 'spawned seaf-server, pid 9734', 'spawned /usr/bin/python2.7, pid 9735', 'spawned seaf-server, pid 1364', 'spawned fileserver, pid 1365']);
    assertOneEvent(spawned, range(3, 8), 'three names and a path');
    // Two words beside the mask are as often two statements (a choice within maxSplitValues).
    const two = minedAlone([...other, 'Saving 42 items now', 'Saving state items now', 'Saving queue items now', 'Saving queue items now']);
    assertApart(two, [4, 5], 'two words and a mask');
  });

  // Batch 19's BTCPayServer: a base class's `{GetType().Name} successfully exited...` for each hosted service.
  it('reads four or more CamelCase type names opening one same sentence as one variable (`TorServices successfully exited...`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const services = ['DelayedTransactionBroadcasterHostedService', 'TorServices', 'CheckConfigurationHostedService', 'PullPaymentHostedService', 'LightningListener'];
    const exited = minedAlone([...other, ...services.map((name) => `${name} successfully exited...`)]);
    assertOneEvent(exited, range(3, 8), 'type names');
    // Three names are as often three statements; plain words at the start stay the statements' own.
    const three = minedAlone([...other, ...services.slice(0, 3).map((name) => `${name} successfully exited...`)]);
    assertApart(three, [3, 4, 5], 'three type names');
    const verbs = minedAlone([...other, 'Starting the worker pool', 'Stopping the worker pool', 'Draining the worker pool', 'Resizing the worker pool']);
    assertApart(verbs, [3, 4, 5, 6], 'verbs');
    // CamelCase keys of a settings dump name their settings.
    const keys = minedAlone([...other, 'MaxRetry: 3 times', 'BanTime: 600 times', 'FindTime: 60 times', 'LogLevel: 2 times']);
    assertApart(keys, [3, 4, 5, 6], 'keys');
  });

  // Batch 19's SDDM: `Display server starting...` / `started.` / `stopping...` / `stopped.`, the same for `Socket server`,
  // four statements each, read as one variable shared by two frames.
  it('keeps apart two forms of one verb at one place (`server starting...` / `server started.`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const lifecycle: string[] = [];
    for (const server of ['Display', 'Socket']) for (const state of ['starting...', 'started.', 'stopping...', 'stopped.']) lifecycle.push(`${server} server ${state}`);
    const templates = minedAlone([...other, ...lifecycle]);
    assertApart(templates, [3, 4, 5, 6], 'lifecycle of one server');
    // Other words at that place still make a variable (`removing chargen` / `daytime` / …).
    const removed = minedAlone([...other, ...['chargen', 'daytime', 'echo', 'discard', 'time'].map((service) => `removing ${service} service`)]);
    assertOneEvent(removed, range(3, 8), 'services');
  });

  // rev23's review of the rule above: a state machine's states printed with one `%s` after `to` (`Unit <name> changed
  // state to starting` / `… to started` / `… to stopping` / `… to failed`) hold a verb's forms as values; after a
  // preposition the word is its object, not the statement's verb.
  it('reads forms of one verb after a preposition as a value (`changed state to starting` / `… to started`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const states = ['starting', 'started', 'stopping', 'stopped', 'failed', 'pending'];
    const units = minedAlone([...other, ...states.map((state, i) => `Unit job${i}.service changed state to ${state}`)]);
    assertOneEvent(units, range(3, 9), 'states after `to`');
    const roles = minedAlone([...other, ...['leading', 'led', 'following', 'followed'].map((role, i) => `node n${i} switched from candidate to ${role}`)]);
    assertOneEvent(roles, range(3, 7), 'roles after `to`');
    // The statement's own verb, not after a preposition, still keeps its forms apart.
    const lifecycle = minedAlone([...other, 'Display server starting...', 'Display server started.', 'Socket server starting...', 'Socket server started.']);
    assertApart(lifecycle, [3, 4], 'verb of the statement');
  });

  // Batch 19's Sunshine: `Sunshine version: %s` and, in later versions, `Sunshine version: %s commit: %s`, two calls.
  it('reads a label after a value masked whole as another field, not part of the first label\'s value (`version: <*> commit: <*>`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 4 modules', 'Ready'];
    const versions = minedAlone([...other, 'Sunshine version: 0.0.0.02254959', 'Sunshine version: 2025.814.134100 commit: 5a83b7a7d47252985eab8d139fc9e5df1b8f6ca6']);
    assertApart(versions, [3, 4], 'version / version and commit');
    // Free texts after a label that names a value still make one value (`Job 7 failed: disk full` / …).
    const texts = minedAlone([...other, 'Job 7 failed: disk full', 'Job 8 failed: out of memory', 'Job 9 failed: dial tcp: i/o timeout', 'Job 12 failed: 42']);
    assertOneEvent(texts, range(3, 7), 'texts after a label');
    // rev23: an error text whose status is masked and whose reason has its own `: ` before words (`403 Forbidden: access
    // denied`, an HTTP status line and its detail) is still one value of the label.
    const statuses = minedAlone([...other, 'Request 1 failed: 403 Forbidden: access denied', 'Request 2 failed: connection reset by peer', 'Request 3 failed: 404 NotFound: no such key', 'Request 4 failed: EOF', 'Request 5 failed: i/o timeout']);
    assertOneEvent(statuses, range(3, 8), 'a status and its reason after a label');
  });

  // Batch 20's Libreswan (`FIPS Mode: OFF` / `FIPS Mode: NO`, one call `"FIPS Mode: %s"`), ZooKeeper's `Peer state
  // changed: leading` / `following`, Libvirt's `hostname: %s`: two words after a label were two events (a weak slot
  // needed three).
  it("reads two words after a label's `: ` at the message's end as the label's values (`FIPS Mode: OFF` / `NO`)", () => {
    const other = ['Starting Pluto (Libreswan Version 4.6 XFRM) pid:1021', 'core dump dir: /run/pluto', 'Initializing NSS'];
    assertOneEvent(minedAlone([...other, 'FIPS Mode: OFF', 'FIPS Mode: NO']), [3, 4], 'FIPS Mode');
    assertOneEvent(minedAlone([...other, 'Peer state changed: leading', 'Peer state changed: following', 'Peer state changed: leading']), [3, 4, 5], 'Peer state changed');
    // A label that also opens sentences of the file names the part that speaks (AdGuard Home's `hosts container:`):
    // the one word after it is that part's own event, as before.
    const parts = minedAlone([...other, 'hosts container: starting', 'hosts container: refreshing', 'hosts container: added ip-host pair "127.0.0.1"-"localhost"', 'hosts container: added ip-host pair "::1"-"localhost"']);
    assertApart(parts, [3, 4], 'hosts container: starting / refreshing');
  });

  // Batch 13's BitcoinCore (`%s thread start` / `%s thread exit`, util::TraceThread naming each thread) and Tezos
  // (`<worker> worker started` / `… ended`): one template per thread and verb, since a message's first word was left to
  // name its event unless its words showed values by their form or other statements' names.
  it('reads names that open the frames of a grid of names by actions as one variable (`addcon thread start` / `… exit`)', () => {
    const other = ['Bitcoin Core version v24.0.1 (release build)', 'Using the \'sse4(1way),sse41(4way),avx2(8way)\' SHA256 implementation', 'init message: Loading P2P addresses…'];
    const threads = ['scheduler thread start', 'dnsseed thread start', 'opencon thread start', 'net thread start', 'msghand thread start', 'addcon thread start', 'addcon thread exit', 'net thread exit', 'opencon thread exit', 'msghand thread exit'];
    const templates = minedAlone([...other, ...threads]);
    assertOneEvent(templates, range(3, 9), 'thread start');
    assertOneEvent(templates, range(9, 13), 'thread exit');
    // Made up: workers of another program, fewer of them in one frame than in the other.
    const workers = minedAlone([...other, 'answerer worker started', 'reader worker started', 'writer worker ended', 'reader worker ended', 'answerer worker ended', 'validator worker ended', 'db_network_reader worker ended']);
    assertOneEvent(workers, range(3, 5), 'worker started');
    assertOneEvent(workers, range(5, 10), 'worker ended');
  });

  it('keeps apart the first words of a grid that are verbs, capitalized, or no more than twice its frames', () => {
    const other = ['Bitcoin Core version v24.0.1 (release build)', 'init message: Loading P2P addresses…', 'Loaded 3 modules'];
    // Lower-case verbs over two services: four actions in two frames could be either axis.
    const verbs = minedAlone([...other, ...['start', 'stop', 'restart', 'reload'].flatMap((verb) => [`${verb} nginx service`, `${verb} mysql service`])]);
    assertApart(verbs, [3, 5, 7, 9], 'verbs of nginx service');
    // Five verbs outnumber the two frames twice over, as names would: the frames' own word stands right after the first
    // word, its object (`start nginx`), where a name is followed by the noun it names (`addcon thread start`).
    const more = minedAlone([...other, ...['start', 'stop', 'restart', 'reload', 'enable'].flatMap((verb) => [`${verb} nginx service`, `${verb} mysql service`])]);
    assertApart(more, [3, 5, 7, 9, 11], 'five verbs of nginx service');
    assertApart(more, [4, 6, 8, 10, 12], 'five verbs of mysql service');
    // Verb forms that recur in both frames are the statements' own (StrongSwan's `sending packet: …` / `received
    // packet: …`), however many there are.
    const forms = minedAlone([...other, ...['sending', 'received', 'queued', 'dropped', 'forwarded'].flatMap((verb) => [`${verb} packet over ethernet`, `${verb} packet over wireless`])]);
    assertApart(forms, [3, 5, 7, 9, 11], 'sending / received / … packet over ethernet');
    // Capitalized first words open sentences (SDDM's `Display server starting...` / `Socket server starting...`).
    const servers = minedAlone([...other, ...['Display', 'Socket', 'Greeter', 'Helper', 'Session'].flatMap((name) => [`${name} server starting`, `${name} server stopping`])]);
    assertApart(servers, [3, 5, 7, 9, 11], 'capitalized names');
  });

  // Batch 22's Picom (`log_debug("Atom %s is %d", atom_name, …)` for each X11 atom it interns) and batch 12's
  // SpamAssassin (`dbg("check: tagrun - tag %s is now ready, value: %s", $tag, …)` with `$tag = uc $tag`): one statement
  // split into a template per constant, since UPPER_CASE words were always kept as the statements' own names.
  it('reads four or more UPPER_CASE constants filling one place inside a sentence as a variable (`Atom WM_CLASS is 67`)', () => {
    const other = ['Loaded 3 plugins', 'Starting compositor on display :0', 'Using backend glx'];
    const atoms = ['Atom _NET_WM_WINDOW_OPACITY is 403', 'Atom _NET_FRAME_EXTENTS is 322', 'Atom WM_STATE is 373', 'Atom _NET_WM_NAME is 328', 'Atom WM_CLASS is 67', 'Atom WM_ICON_NAME is 37'];
    assertOneEvent(minedAlone([...other, ...atoms]), range(3, 9), 'atoms');
    const tags = ['BAYESTCHAMMY', 'BAYESTCSPAMMY', 'BAYESTCLEARNED', 'BAYESTC', 'HAMMYTOKENS', 'SPAMMYTOKENS'].map((tag, i) => `check: tagrun - tag ${tag} is now ready, value: ${i * 7}`);
    assertOneEvent(minedAlone([...other, ...tags]), range(3, 9), 'tags');
  });

  it('keeps apart three UPPER_CASE constants mid-sentence, each a statement as often as a value', () => {
    const other = ['Loaded 3 plugins', 'Starting compositor on display :0', 'Using backend glx'];
    // Hadoop's job states (`NEW` / `INITED` / `RUNNING`), which Loghub labels one event each.
    const states = minedAlone([...other, 'job entered NEW state', 'job entered INITED state', 'job entered RUNNING state']);
    assertApart(states, range(3, 6), 'three states');
  });

  // Batch 4's Unbound (`verbose(VERB_OPS, "init module %d: %s", i, stack->mod[i]->name)`): one statement split into a
  // template per module, since the label's value slot was read only after a word of prose, not after a number.
  it("reads the word after a label that ends in a number it names as the label's value, three words or more (`init module 0: validator`)", () => {
    const other = ['start of service (unbound 1.9.0).', 'service stopped (unbound 1.9.0).', 'failed to init modules'];
    const modules = ['init module 0: validator', 'init module 1: iterator', 'init module 0: python', 'init module 1: validator', 'init module 2: iterator', 'init module 0: validator'];
    assertOneEvent(minedAlone([...other, ...modules]), range(3, 9), 'modules');
  });

  it('keeps apart two words after a numbered label, and words after a label that is only a name and its number', () => {
    const other = ['start of service (unbound 1.9.0).', 'service stopped (unbound 1.9.0).', 'failed to init modules'];
    // Two outcomes of a job (`Job 4: completed` / `Job 7: failed`) are as often two statements as one with a value.
    const jobs = minedAlone([...other, 'Job 4: completed', 'Job 7: failed', 'Job 9: completed']);
    assertApart(jobs, [3, 4], 'completed / failed');
    // BIRD's `bgp1: Starting` / `bgp1: Down`: a protocol's name glued to its number names the part that speaks.
    const states = minedAlone([...other, 'bgp1: Initializing', 'bgp1: Starting', 'bgp2: Down', 'bgp1: Started', 'bgp2: Initializing']);
    assertApart(states, range(3, 7), 'protocol states');
  });

  // rev26b: three outcomes after a numbered label (`Job 9: cancelled` beside `completed` / `failed`) were read as the
  // label's value once a third came, so a crash hid among the starts of a file without levels. A verb's past form
  // after a weak frame is what happened, each its own statement; nouns (module names) stay a list.
  // (Four or more words at a message's last place are a variable by the counts alone, before any frame is read.)
  it('keeps apart three outcomes after a numbered label (`Worker 2: crashed` / `Worker 1: started` / `Worker 1: stopped`)', () => {
    const other = ['start of service (unbound 1.9.0).', 'service stopped (unbound 1.9.0).', 'failed to init modules'];
    const workers = minedAlone([...other, 'Worker 3: started', 'Worker 1: stopped', 'Worker 2: crashed', 'Worker 1: started', 'Worker 4: stopped']);
    assertApart(workers, [3, 4, 5], 'worker outcomes');
    assertOneEvent(workers, [3, 6], 'one outcome');
    const jobs = minedAlone([...other, 'Job 4: completed', 'Job 7: FAILED', 'Job 9: Cancelled', 'Job 12: completed', 'Job 15: FAILED']);
    assertApart(jobs, [3, 4, 5], 'job outcomes in any case');
    // Nouns ending in -eed are no outcomes; a list of them is still a value.
    const feeds = minedAlone([...other, 'init module 0: seed', 'init module 1: feed', 'init module 2: speed']);
    assertOneEvent(feeds, range(3, 6), 'nouns in -eed');
  });

  // merge27, batch 23's Open WebUI: `'DEFAULT_LOCALE' loaded from config.json`, one line per setting (eleven), split
  // into eleven templates: the first word was never a value slot, and UPPER_CASE names never merge by their counts.
  // The quotes say the word was given to the statement, as they do anywhere else in a message.
  it("reads a quoted word that opens the message as a value slot, whatever its case (`'DEFAULT_LOCALE' loaded from config.json`)", () => {
    const other = ['GLOBAL_LOG_LEVEL: DEBUG', 'Starting Open WebUI', 'Connected to database'];
    const settings = ["'DEFAULT_LOCALE' loaded from config.json", "'DEFAULT_PROMPT_SUGGESTIONS' loaded from config.json", "'ENABLE_OLLAMA_API' loaded from config.json", "'OLLAMA_BASE_URLS' loaded from config.json"];
    assertOneEvent(minedAlone([...other, ...settings]), range(3, 7), 'quoted settings');
    assertOneEvent(minedAlone([...other, "\"video\" context type registered", "\"audio\" context type registered"]), [3, 4], 'two quoted names');
    // The same names bare are the statements' own constants, and two quoted words on many lines each sort lines into events.
    assertApart(minedAlone([...other, 'DEFAULT_LOCALE loaded from config.json', 'OLLAMA_BASE_URLS loaded from config.json', 'USER_PERMISSIONS loaded from config.json']), [3, 4, 5], 'bare UPPER_CASE names');
    // A quoted text of several words opening the line is the statement's own message (klog's structured lines, Kyverno).
    const klog = ['"setup maxprocs..." logger="setup"', '"setup metrics..." logger="setup"', '"setup signals..." logger="setup"'];
    assertApart(minedAlone([...other, ...klog]), [3, 4, 5], 'quoted messages');
    // Two quoted UPPER_CASE words on many lines each: still one statement (`'%s' is the source`), as slot27's tokenizer
    // reads a quoted UPPER_CASE word in a sentence (merge27 had them apart before both landed; the print statement decides).
    const many = [...Array.from({ length: 12 }, () => "'PRIMARY' is the source"), ...Array.from({ length: 12 }, () => "'REPLICA' is the source")];
    const templates = minedAlone([...other, ...many]);
    assert.equal(templates[3], templates[3 + 12], `two quoted words on many lines: ${templates[3]} / ${templates[3 + 12]}`);
  });

  // merge27: Supervisord's `exited: webserver (exit status 0; not expected)` beside `exited: 0 (…)` / `exited: seat3
  // (…)`, which the miner masked (numbers, names with digits): the plain names kept templates of their own, since a
  // first word is the statement's own unless it has a value's form.
  it('reads a plain first word as a value where the same statement holds a masked first word (`webserver (exit status 0; …)` beside `seat3 (…)`)', () => {
    const other = ['supervisord started with pid 1', 'spawned: webserver with pid 7', 'success: webserver entered RUNNING state'];
    const exited = ['webserver (exit status 0; not expected)', 'seat1 (exit status 0; not expected)', 'seat2 (exit status 0; not expected)', '0 (exit status 255; not expected)', 'website (exit status 0; not expected)', 'webserver (exit status 1; not expected)'];
    assertOneEvent(minedAlone([...other, ...exited]), range(3, 9), 'exited programs');
    const unset = ['spotify/username must be set.', 'spotify/client_id2 must be set.', 'spotify/password must be set.'];
    assertOneEvent(minedAlone([...other, ...unset]), range(3, 6), 'settings beside a masked one');
    // A label's first word names a field (`Node-RED version: 1.2.9` beside `Node.js version: v14.16.0`), and UPPER_CASE
    // first words are the statements' own.
    const versions = minedAlone([...other, 'Node-RED version: v1.2.9', 'Node.js version: v14.16.0', 'Node.js version: v16.3.0']);
    assertApart(versions, [3, 4], 'labels');
    const kinds = minedAlone([...other, 'START job 12 queued', 'STOP job 13 queued', 'job2 job 14 queued']);
    assertApart(kinds, [3, 4], 'UPPER_CASE first words');
  });

  // merge28: batch 24's ContikiNG, whose `[INFO: IPv6 DS   ] 3 unicast addresses` header no format cut: the tag's words
  // counted as the sentence's, so any two short sentences behind one module's tag were half equal (Drain's
  // similarity) and counts of different things (`<*> prefixes` / `<*> default routers`) read as one statement's name.
  it('does not count a leading bracketed tag the format left in the message as words of its sentence', () => {
    const ipv6 = ['Init: 16 neighbors', '2 default routers', '3 prefixes', '0 routes', '3 unicast addresses', '7 multicast addresses'];
    const tagged = (tag: string, messages: string[]) => messages.map((m) => `${tag} ${m}`);
    // Behind a tag of three words, sentences of three tokens agree with none of the others by themselves.
    const wide = minedAlone([...tagged('[INFO: IPv6 DS   ]', ipv6), ...tagged('[INFO: IPv6 DS   ]', ipv6)]);
    for (let i = 0; i < ipv6.length; i++) assertOneEvent(wide, [i, i + ipv6.length], `wide tag, ${ipv6[i]}`);
    // Behind a tag of two words, the runs after a count (`default routers`, `prefixes`) are what is counted, not a name.
    const narrow = minedAlone(tagged('[net: Main]', ['4 open sockets', '2 listeners', '0 pending writes', '5 open sockets', '1 listeners']));
    assertOneEvent(narrow, [0, 3], 'open sockets');
    assertOneEvent(narrow, [1, 4], 'listeners');
    assertApart(narrow, [0, 1, 2], 'counted things');
    // Neighbours: one statement behind the tag still joins (a value in a sentence, two tags in a row), and a run after a
    // sentence's own words (`Reached target Basic System.`) is still a name.
    const values = minedAlone([...tagged('[INFO: Main]', ['Node ID: 1800', 'Node ID: 29895', 'Node ID: 1204']), ...tagged('[Shinobu] [debug]', ['Adding /srv/a.zip to filemap.', 'Adding /srv/b.zip to filemap.'])]);
    assertOneEvent(values, [0, 1, 2], 'a value behind a tag');
    assertOneEvent(values, [3, 4], 'a value behind two tags');
    const targets = ['Sockets.', 'Basic System.', 'Timers.', 'Local File Systems.', 'Paths.', 'Network is Online.'].map((t) => `[systemd] Reached target ${t}`);
    assertOneEvent(minedAlone(['[systemd] Starting Journal Service...', ...targets]), range(1, 7), 'targets behind a tag');
  });

  // merge28: batch 24's DorisFE (`Build version: <*>` / `Build time: <*>` / `Build info: <*>` / `Build hash: <*>`, one
  // line each, merged as `Build <*>: <*>`), the brief's heading before a count (`Build warnings: 3`) read as a value.
  it("keeps apart the headings that open a message before a label's value (`Build version: <*>` / `Build time: <*>`)", () => {
    const other = ['Starting server', 'Listening on port 8080', 'Loaded 12 plugins'];
    const build = ['Build version: 4.0.8-rc02', 'Build time: Tue, 11 Aug 2026 12:44:33 CST', 'Build info: vm-137', 'Build hash: 9c3f1a0e', 'Build warnings: 3'];
    assertApart(minedAlone([...other, ...build]), range(3, 8), 'build headings');
    const totals = minedAlone([...other, 'Sync totals: folders: 24', 'Total folders: 24', 'Total notes: 499', 'Total resources: 301', 'Total tags: 7', 'Total folders: 25']);
    assertApart(totals, range(4, 8), 'totals');
    assertOneEvent(totals, [4, 8], 'one total twice');
    // Neighbours: a word after a preposition is a value the sentence names, whatever the colon after it; a first word
    // is as often the thing the value belongs to, and a sentence of more words than a heading is no heading.
    assertOneEvent(minedAlone([...other, 'Connected to alpha: 5', 'Connected to beta: 7', 'Connected to gamma: 9', 'Connected to delta: 1']), range(3, 7), 'objects of a preposition');
    assertOneEvent(minedAlone([...other, 'Camera processor started for woodshop: 225', 'Camera processor started for garage: 226', 'Camera processor started for porch: 227', 'Camera processor started for attic: 228']), range(3, 7), 'a sentence before a colon');
  });

  // Batch 25's Azure IoT Edge: the direct methods a module was called with (`GetModuleLogs`, `ping`) pass through three
  // statements, each split into a template per method, as two words at one place stay apart by their counts alone.
  it('reads two words that fill the same place in statements of three shapes as their values, not a grid of one shape or lifecycle outcomes', () => {
    const other = ['Starting scheduler on core 0', 'Connected to hub at 10.0.0.1', 'Loaded module sasl'];
    const calls = ['Received direct method call - reboot', 'Received request reboot with payload', 'Successfully handled request reboot'];
    const lines = [...other, ...calls, ...calls.map((line) => line.replace('reboot', 'status')), ...calls];
    const templates = minedAlone(lines);
    assertOneEvent(templates, [3, 6, 9], 'method call');
    assertOneEvent(templates, [4, 7, 10], 'request with payload');
    assertOneEvent(templates, [5, 8, 11], 'handled request');
    // A grid of one shape: each plugin's two states, where `ready` / `missing` vary in one frame per plugin.
    const plugins = ['alpha', 'beta', 'gamma', 'delta'].flatMap((name) => [`Plugin ${name} ready`, `Plugin ${name} missing`]);
    const grid = minedAlone([...other, ...plugins]);
    assertApart(grid, [3, 4], 'plugin states');
    assertOneEvent(grid, [3, 5, 7, 9], 'plugin ready');
    // Two shapes only: a tool's two sides, checked for each of its helpers.
    const sides = ['lzop', 'mbuffer', 'zfs resume feature'].flatMap((tool) => [`checking availability of ${tool} on source...`, `checking availability of ${tool} on target...`]);
    const checks = minedAlone([...other, ...sides]);
    assertApart(checks, [3, 4], 'source / target');
    assertApart(checks, [7, 8], 'source / target of the longer shape');
    // Outcomes of three statements' actions: each statement's own ends.
    const ends = minedAlone([...other, 'Service cache started', 'Service cache stopped', 'Worker pool main started', 'Worker pool main stopped', 'HTTP listener on port front started', 'HTTP listener on port front stopped']);
    assertApart(ends, [3, 4], 'service started / stopped');
    assertApart(ends, [7, 8], 'listener started / stopped');
  });

  // Batches 1, 10 and 18 (Home Assistant's `Loaded %s from homeassistant.components.%s`, Strimzi's `reconcileAll(%s,
  // timer): … Labels{strimzi.io/kind=%s}`, ioBroker's `%s (pid) %s already running`): one value printed twice, so two
  // places vary together and no place varies alone; each pair was a template of its own.
  it('reads two places where the later repeats the earlier word as one value printed twice (`Loaded x from pkg.x`)', () => {
    const other = ['Starting scheduler on core 0', 'Stopping scheduler on core 0', 'Done'];
    const loaded = ['Loaded persistent_notification from homeassistant.components.persistent_notification', 'Loaded command_line from homeassistant.components.command_line', 'Loaded template from homeassistant.components.template'];
    assertOneEvent(minedAlone([...other, ...loaded]), range(3, 6), 'a name and its module');
    const kinds = ['reconcileAll(Kafka, timer): Other resources with labels Labels{strimzi.io/kind=Kafka}: []', 'reconcileAll(KafkaConnect, timer): Other resources with labels Labels{strimzi.io/kind=KafkaConnect}: []'];
    assertOneEvent(minedAlone([...other, ...kinds]), [3, 4], 'a kind and its label');
    // At the first place too, and only two values: the echo is the evidence, not the count.
    const running = ['admin.0 (3892) admin.0 already running', 'hm-rpc.0 (3903) hm-rpc.0 already running'];
    assertOneEvent(minedAlone([...other, ...running]), [3, 4], 'an adapter named twice');
    // The qualified name first, the bare one after it (ioBroker's `host.<name> hostname: <name>`).
    const hosts = ['host.alpha hostname: alpha, node: ready', 'host.gateway hostname: gateway, node: ready'];
    assertOneEvent(minedAlone([...other, ...hosts]), [3, 4], 'a host named twice');
  });

  it('keeps apart two places that vary together without repeating a word, and a word repeated inside another one', () => {
    const other = ['Starting scheduler on core 0', 'Stopping scheduler on core 0', 'Done'];
    // Two statements whose words differ at two places (`opened … session` / `closed … connection`).
    assertApart(minedAlone([...other, 'client opened the session', 'client closed the connection']), [3, 4], 'no echo');
    // `cat` inside `category` is no echo (a word goes on after it), nor are words shorter than three letters (`on`, `up`).
    assertApart(minedAlone([...other, 'found cat in category', 'found dog in dogmatic']), [3, 4], 'a word inside a longer word');
    assertApart(minedAlone([...other, 'turn on via link-on path', 'turn up via link-up path']), [3, 4], 'short words');
    // The same word at the earlier place in every member: one place varies, which the one-place rules read; the word
    // stays written.
    const one = minedAlone([...other, 'Loaded cache from app.cache', 'Loaded cache from lib.cache']);
    assert.deepEqual(one.slice(3), ['Loaded cache from <*>', 'Loaded cache from <*>']);
  });

  // Batches 10, 11, 17, 20 and 22: a sentence that spells its own plain word twice (`Civil twilight start: … Civil
  // twilight end: …`, `Saved default sink … default sink setting`) was read as one value printed twice and merged with
  // its sibling statements; an echo is a value only when it looks like a name.
  it('keeps apart statements that repeat a plain word of their own, and an echo that leaves no constant word', () => {
    const other = ['Starting scheduler on core 0', 'Stopping scheduler on core 0', 'Done'];
    const shifts = ['Morning shift start: 06:00 Morning shift end: 14:00', 'Evening shift start: 14:00 Evening shift end: 22:00', 'Night shift start: 22:00 Night shift end: 06:00'];
    assertApart(minedAlone([...other, ...shifts]), range(3, 6), 'a capitalised word twice, three statements');
    const saved = ["Saved default printer 'office' missing, not restoring default printer setting.", "Saved default scanner 'office' missing, not restoring default scanner setting."];
    assertApart(minedAlone([...other, ...saved]), [3, 4], 'a lower-case word twice');
    const obsolete = ['Color option is obsolete. Color "red" given for widget "panel" is ignored.', 'Size option is obsolete. Size "red" given for widget "panel" is ignored.'];
    assertApart(minedAlone([...other, ...obsolete]), [3, 4], 'the first word twice');
    const lists = ['Backup Reports :: Reports list refreshed.', 'Backup Invoices :: Invoices list refreshed.'];
    assertApart(minedAlone([...other, ...lists]), [3, 4], 'a plural noun twice');
    // A daemon's name echoed in its header, every other place a value: no word is left to name the event.
    assertApart(minedAlone([...other, 'mond 1234 .ERR-mond.pl 0x1f', 'watchd 99 .INF-watchd.pl 0x2a']), [3, 4], 'no constant word left');
    // Neighbour: one plain value among names is carried by its siblings (`Kafka` beside `KafkaConnect`, above).
    const jobs = ['sync(Orders, timer): labels kind=Orders', 'sync(OrderLines, timer): labels kind=OrderLines', 'sync(CustomerNotes, timer): labels kind=CustomerNotes'];
    assertOneEvent(minedAlone([...other, ...jobs]), range(3, 6), 'a plain value among names');
  });

  // mining30: batch 25's PrusaSlicer (`layer 498`, `layer 498, region 0`, `layer 498 - Done`: three statements, merged
  // as `layer <*><*>`): the mark `-` where another line held the word `region` was not tracked as a choice between
  // statements, so the lines that differed only there were never split.
  it('keeps apart statements that differ by a mark of punctuation where another holds a word (`… 497 - Done` / `… 498, region 0`)', () => {
    const other = ['Starting scheduler on core 0', 'Slicing model', 'Done'];
    const layers: string[] = [];
    for (const n of [497, 498, 342, 51, 27]) layers.push(`Generating perimeters for layer ${n}`, `Generating perimeters for layer ${n}, region 0`, `Generating perimeters for layer ${n} - Done`);
    const templates = minedAlone([...other, ...layers]);
    for (const shape of [0, 1, 2]) assertOneEvent(templates, range(0, 5).map((i) => 3 + 3 * i + shape), `shape ${shape}`);
    assertApart(templates, [3, 4, 5], 'the three statements');
    // Neighbour: a mark among many words at one place is one more value of a variable (`owner: -` for none).
    const owners = ['alice', 'bob', '-', 'carol', 'dave', 'erin', '-', 'frank'].map((o) => `lock released, owner: ${o} after wait`);
    assertOneEvent(minedAlone([...other, ...owners]), range(3, 11), 'a mark among many words');
  });

  // mining30: batch 25's UrBackup (`Generating Server identity...` / `… private/public ECDSA key...` / `… DSA key...` /
  // `… token...`, printed once per start, merged as `Generating Server <*>...`): runs that end the message, each as often
  // as the others, are a sequence's own statements, as recursEvenly reads single words.
  it('keeps apart tail runs that recur evenly after words holding no value, and joins a grid of them after a value', () => {
    const startup = ['Generating Server identity...', 'Generating Server private/public ECDSA key...', 'Generating Server private/public DSA key...', 'Generating Server token...'];
    const other = ['Starting scheduler on core 0', 'Loaded 12 plugins'];
    const templates = minedAlone([...other, ...startup, ...other, ...startup]);
    for (let i = 0; i < startup.length; i++) assertOneEvent(templates, [2 + i, 8 + i], startup[i]);
    assertApart(templates, range(2, 6), 'the sequence');
    // Neighbour: the same runs after a value (each kind of stream for each peer) are that value's grid: one statement.
    const streams = ['Message reader', 'MsgApp v2 reader', 'Message writer', 'MsgApp v2 writer'];
    const grid = ['87575c769a05665a', '6d7f421fd558c06b'].flatMap((peer) => streams.map((s) => `established a connection with peer ${peer} (stream ${s})`));
    assertOneEvent(minedAlone([...other, ...grid]), range(2, 10), 'a grid after a value');
  });

  // mining30: batch 26's MailScanner (`Using locktype = flock` / `posix`), Collectd (`key = Timestamp, value = …`),
  // PgProbackup (`(param:block_size) = 8192` …): a few words after a key's `=` were split per word. Over the studied
  // truth, a plain word after `=` is a value in 14 systems (9 batches) and a statement's own word in one.
  it("reads the words a key's `=` gives as the key's values, two or three of them, glued or spaced", () => {
    const other = ['Starting scheduler on core 0', 'Loaded 12 plugins', 'Done'];
    assertOneEvent(minedAlone([...other, 'Using locktype = flock', 'Using locktype = posix']), [3, 4], 'spaced `=`');
    assertOneEvent(minedAlone([...other, 'worker stopped cause=timeout', 'worker stopped cause=shutdown', 'worker stopped cause=timeout']), [3, 4, 5], 'glued `=`');
    // Neighbours: a word where another line has a word after `=` is no value of it, and words without `=` stay apart.
    assertApart(minedAlone([...other, 'sde: prio = const (internal default)', 'sde: prio args = "" (internal default)']), [3, 4], 'another key');
    assertApart(minedAlone([...other, 'usbcore: registered new driver usbhid', 'usbcore: registered new driver hub']), [3, 4], 'no `=`');
  });

  // mining31: the miner's frames and the family rule read "a key's `=` before the word" with one rule (keyEqualsBefore);
  // before, a comparison whose first mark is a token of its own (`state != ready` tokenizes `!`) read as a key's `=`,
  // and its two words were joined. Quoted words after `=` are masked as values by the tokenizer (a neighbour here).
  it("reads a comparison's `==`, `!=`, `<=`, `>=` as no key's `=`, and a quoted word after `=` as its value", () => {
    const other = ['Starting scheduler on core 0', 'Loaded 12 plugins', 'Done'];
    assertOneEvent(minedAlone([...other, 'cache opened mode="fast"', 'cache opened mode="safe"', 'cache opened mode="fast"']), [3, 4, 5], 'quoted after `=`');
    assertOneEvent(minedAlone([...other, "cache opened mode = 'fast'", "cache opened mode = 'safe'"]), [3, 4], 'spaced and quoted after `=`');
    for (const comparison of ['==', '!=', '<=', '>=']) {
      const lines = [`retry while state ${comparison} ready`, `retry while state ${comparison} done`];
      assertApart(minedAlone([...other, ...lines]), [3, 4], `\`${comparison}\``);
    }
  });
});
