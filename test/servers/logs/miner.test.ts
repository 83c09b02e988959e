// Masking, tokenizing and online template mining.
import assert from 'node:assert/strict';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { isVariablePiece, isVariableWord, tokenize } from '../../../servers/logs/patterns/tokenize';

const tokens = (message: string) => tokenize(message).tokens.join(' ');

describe('log intelligence: masking and tokens', () => {
  it('masks numbers, hex, ids with digit runs; keeps names with a single digit', () => {
    for (const piece of ['42', '-7', '3.14', '0x1f', '9f4ef63', 'blk_123456', 'appattempt_14_0020_000001', 't761', '31s', '2nd']) assert.equal(isVariablePiece(piece), true, piece);
    for (const piece of ['ssh2', 'tty2', 'u0', 'log4j', 'error', 'deadbeef', 'md5']) assert.equal(isVariablePiece(piece), false, piece);
    // A symbol whose digits are in its prefix (real OpenSSH for Windows: `w32_fcntl fd:3`, `w32_bind fd:3` are two
    // statements); ids end in their number.
    for (const piece of ['w32_fcntl', 'w32_setsockopt', 'sha256_digest']) assert.equal(isVariablePiece(piece), false, piece);
    for (const piece of ['blk_123', 'job_1445144423722_0020', 'w32_fd12', 'ab12_cd']) assert.equal(isVariablePiece(piece), true, piece);
    assert.notEqual(tokens('w32_fcntl fd:3'), tokens('w32_bind fd:3'));
    // Names written with a digit (a6, ipv4, l7), joined by `-` or `_` into an option: a word, as each alone is; two
    // options are two keys. A digit run, or two digits in one segment, is still an id.
    for (const piece of ['--a6b-use-ipv4-mode', 'net_ipv6_l7_rules', 'r2-d2']) assert.equal(isVariablePiece(piece), false, piece);
    for (const piece of ['--a6b-use-ipv42-mode', 'node-a1b2', 'k8s-10', 'ab3-12']) assert.equal(isVariablePiece(piece), true, piece);
    assert.notEqual(tokens("--a6b-use-ipv4-mode='on'"), tokens("--a6b-use-ipv6-mode='on'"));
    assert.equal(tokens("--a6b-use-ipv4-mode='on'"), "--a6b-use-ipv4-mode <*>");
  });

  it('masks whole words: IPs with ports, paths, URLs, emails, IPv6/MAC, host names', () => {
    for (const word of ['10.0.0.1', '10.251.73.220:50010', '/var/log/app.log', './run.sh', 'C:\\temp\\x.txt', 'https://example.com/a?b=1', 'a.b@example.org', 'fe80::1ff:fe23:4567:890a', '00:1a:2b:3c:4d:5e', 'ns1.example.com', 'dsl-1-2.adsl.example.net', 'chrome.exe', 'workers2.properties']) {
      assert.equal(isVariableWord(word), true, word);
    }
    for (const word of ['org.apache.hadoop.mapreduce.MRAppMaster', 'com.android.systemui', 'HTTP/1.1', 'workerEnv.init()', 'hello']) assert.equal(isVariableWord(word), false, word);
    // The IPv6 unspecified address has no digit: `listening on :: port 22` and `on 0.0.0.0 port 22` are one event.
    for (const word of ['::', '::ffff:a', 'fe80::']) assert.equal(isVariableWord(word), true, word);
    assert.equal(tokens('Server listening on :: port 22.'), tokens('Server listening on 0.0.0.0 port 22.'));
    // RFC 3986's IPvFuture form, as CUPS writes IPv6 addresses (real lines, test/fixtures/real-excerpts).
    assert.equal(isVariableWord('v1.::1'), true);
    assert.equal(tokens('Listening to [v1.::1]:631 (IPv6)'), tokens('Listening to [::1]:631 (IPv6)'));
    for (const word of ['v1.2', 'vendor.abc', 'v1.x:y']) assert.equal(isVariableWord(word), false, word);
  });

  it('splits key=value, commas, brackets and colons; a run of variables is one <*>', () => {
    assert.equal(tokens('acquire lock=233570404, flags=0x1, uid=10037'), 'acquire lock <*> flags <*> uid <*>');
    assert.equal(tokens('connection from 10.1.2.3 (host-10-1-2-3.example.net) at Fri Jun 17 07:07:00 2005'), 'connection from <*> at <*>');
    assert.equal(tokens('connection from 10.1.2.3 () at Sat Jul  2 01:00:00 2005'), 'connection from <*> at <*>');
  });

  it("ends a run of variables at a sentence's end: the values of two sentences are two", () => {
    // HAProxy (batch 2, real): `…, check duration: %ldms` then `. %d active and …`, the period after the value's unit.
    assert.equal(tokens('Server app/web1 is UP, check duration: 0ms. 1 active and 0 backup servers online.'), 'Server <*> is UP check duration <*> <*> active and <*> backup servers online.');
    assert.deepEqual(tokenize('check duration: 12ms. 3 active').seps, [' ', ': ', '. ', ' ', '']);
    // A period after a digit is as often the value's own (`3. 12. 2026`, a numbered step): one run.
    assert.equal(tokens('backup of 3. 12. 2026 done'), 'backup of <*> done');
  });

  it('takes no unit after a value a comma or a closing quote ended: the word after it is a key', () => {
    // Made-up access lines: a path ending in a digit, then a key named like a unit (`bytes`).
    assert.equal(tokens("req: 'GET /img/logo2', bytes: 0/512"), tokens("req: 'GET /img/logo.png', bytes: 0/512"));
    assert.equal(tokens("req: 'GET /img/logo2', bytes: 0/512"), 'req <*> bytes <*>');
    assert.equal(tokens('done in 12, ms left 3'), 'done in <*> ms left <*>');
    // A unit right after its number is still the number's.
    assert.equal(tokens('done in 12 ms'), 'done in <*>');
  });

  it('reads an IPv4-mapped IPv6 address glued to a bracket or a key as one value', () => {
    // Made-up lines: `[::ffff:a.b.c.d]:port` and `key=::ffff:a.b.c.d` as the bare form is read.
    assert.equal(tokens('peer [::ffff:10.1.2.3]:4100 joined'), 'peer <*> joined');
    assert.equal(tokens('peer [::ffff:10.1.2.3]:4100 joined'), tokens('peer 10.9.8.7:4100 joined'));
    assert.equal(tokens('peer Address=::ffff:10.1.2.3 joined'), 'peer Address <*> joined');
    // A scope operator's `::` before a name of hex letters is no address.
    assert.equal(tokens('call Foo::add:12 x'), 'call Foo::add <*> x');
  });

  it('keeps a quoted value as one token', () => {
    // A quote that opens a sentence is a value like one inside it (real Consul: `"Catalog.Register" RPC failed to
    // server …` and `"Coordinate.Update" RPC failed …` are one statement); only fields after it make it the message.
    assert.equal(tokens('"View Lock" held by x'), '<*> held by x');
    assert.equal(tokenize('"View Lock" held by x').tokens.length, 4);
    assert.equal(tokens('"Coordinate.Update" RPC failed to server 10.0.0.1:8300: EOF'), tokens('"Catalog.Register" RPC failed to server 10.0.0.1:8300: EOF'));
    assert.equal(tokens('"Probe failed" probeType="Readiness" pod="kube-system/dns"'), 'Probe failed probeType <*> pod <*>');
    // A longer quoted text is a request line or message: its words stay tokens (GET and POST are different events).
    assert.equal(tokens('10.0.0.1 "GET /v2/abc123/servers HTTP/1.1" status: 200'), '<*> GET <*> status <*>');
  });

  it('reads a sentence\'s period after a quoted value as punctuation, whatever the value', () => {
    // Made-up lines of one statement (as qBittorrent's `Successfully listening on IP. IP: "%1". Port: "%2"`): a quoted
    // address another rule reads whole and a quoted name or zoned IPv6 address read piece by piece end in the same `.`.
    const line = (value: string) => `listening on IP. IP: "${value}". Port: "TCP/6881"`;
    assert.equal(tokens(line('fe80::1c34:576:2a33:1566%tun0')), tokens(line('127.0.0.1')));
    assert.equal(tokens(line('eth0')), 'listening on IP. IP <*> Port <*>');
    assert.equal(tokens('cannot open "a.txt"!'), 'cannot open <*>');
    // A word glued after the quote is still a word: only punctuation is dropped.
    assert.equal(tokens('set "a".b to 1'), 'set <*> .b to <*>');
  });

  it('reads an empty angle-bracketed value after `=` as a value, so that its lines keep the statement\'s length', () => {
    // coturn (batch 6): `realm=<>` beside `realm=<myrealm>` in one statement's lines.
    const lengths = ['realm=<>, username=<demo>, rp=1019', 'realm=<myrealm>, username=<>, rp=1', 'realm=<a>, username=<b>, rp=2'].map((m) => tokenize(`usage: ${m}`).tokens.length);
    assert.deepEqual(lengths, [7, 7, 7]);
    assert.deepEqual(tokenize('usage: realm=<>, username=<demo>').tokens, ['usage', 'realm', '<*>', 'username', 'demo']);
    const miner = new TemplateMiner();
    for (const rp of [1019, 1025, 1031]) miner.add(`session 001000000000000005: usage: realm=<>, username=<demo>, rp=${rp}, rb=${rp * 7}`);
    miner.add('session 002000000000000006: usage: realm=<myrealm>, username=<>, rp=1, rb=20');
    assert.deepEqual(miner.templates().map((t) => [t.template, t.count]), [['session <*>: usage: realm=<<*>>, username=<<*>>, rp=<*>, rb=<*>', 4]]);
    // Standing alone, `<>` is as often an operator (SQL's not-equal): left as it was.
    assert.deepEqual(tokenize('where a <> b').tokens, ['where', 'a', 'b']);
  });

  it('reads a name whose parts `::` joins as one token, as a dotted one is', () => {
    // Made-up lines in the shape of Amavis' module list and a Rust target: a namespaced name is one name however deep.
    assert.equal(tokenize('Module Net::Server         2.008').tokens.length, tokenize('Module Socket              2.018').tokens.length);
    assert.deepEqual(tokenize('Processing by Hyrax::HomepageController#index as HTML').tokens, ['Processing', 'by', 'Hyrax::HomepageController#index', 'as', 'HTML']);
    assert.deepEqual(tokenize('Foo::Bar("x") failed').tokens, ['Foo::Bar', '<*>', 'failed']);
    // An IPv6 address stays one variable, and a `::` with no letter on one side stays a separator.
    assert.equal(tokens('listening on fe80::1c34 port 22'), 'listening on <*> port <*>');
    assert.equal(tokens('state:: ready'), 'state ready');
  });

  it('keeps separators so a template reads like its lines', () => {
    const t = tokenize('  retry 3 of host=main, "a b" on (db-1)');
    assert.equal(t.lead, '  ');
    assert.equal(t.lead + t.tokens.map((tok, i) => tok + t.seps[i]).join(''), '  retry <*> of host=main, "<*>" on (<*>)');
  });

  it('reads a quoted value as a variable, however few values it takes; bare values, a field\'s quoted UPPER_CASE value and a quoted message stay words', () => {
    // Made-up lines: a quoted resource, tag, user or constraint is data the line carries, not the event's name.
    assert.equal(tokens('"Eviction manager: attempting to reclaim" resourceName="memory"'), 'Eviction manager attempting to reclaim resourceName <*>');
    assert.equal(tokens('acquire tag="View Lock", name=x'), 'acquire tag <*> name x');
    assert.equal(tokens('password authentication failed for user "bob"'), 'password authentication failed for user <*>');
    assert.equal(tokens('duplicate key value violates unique constraint "orders_pkey"'), 'duplicate key value violates unique constraint <*>');
    assert.equal(tokens('probe probeType="READINESS" user=root'), 'probe probeType READINESS user root');
    // An UPPER_CASE word quoted in a sentence is a name handed to it (OpenWebUI, batch 23: `'%s' loaded from
    // config.json` for each setting; MariaDB's `Plugin 'FEEDBACK' is disabled.`); an HTTP method stays a word.
    assert.equal(tokens("'DEFAULT_LOCALE' loaded from config.json"), '<*> loaded from <*>');
    assert.equal(tokens("Plugin 'FEEDBACK' is disabled."), 'Plugin <*> is disabled.');
    assert.equal(tokens('stored mail into mailbox "INBOX"'), 'stored mail into mailbox <*>');
    assert.equal(tokens('unexpected method "POST" here'), 'unexpected method POST here');
    const miner = new TemplateMiner();
    for (const resource of ['memory', 'ephemeral-storage']) for (let n = 0; n < 20; n++) miner.add(`Eviction manager: attempting to reclaim resourceName="${resource}"`);
    assert.deepEqual(miner.templates().map((t) => t.count), [40]);
  });
});

describe('log intelligence: TemplateMiner', () => {
  it('groups lines that differ only in variables and writes them <*>', () => {
    const miner = new TemplateMiner();
    const a = miner.add('timeout after 31s on db-2');
    const b = miner.add('timeout after 30s on db-1');
    const users = ['admin', 'test', 'oracle', 'guest', 'pi'].map((user, i) => miner.add(`Invalid user ${user} from 10.0.0.${i}`));
    assert.equal(a, b);
    // Each user was a word group of its own when added; five users with a line each make the position a variable.
    assert.equal(new Set(users.map((id) => miner.finalId(id))).size, 1);
    assert.notEqual(a, users[0]);
    const templates = miner.templates();
    assert.deepEqual(templates.map((t) => [t.template, t.count]), [['Invalid user <*> from <*>', 5], ['timeout after <*> on <*>', 2]]);
  });

  it('lists a <*> that only ever held a few plain words as one template per word (but not booleans)', () => {
    const miner = new TemplateMiner({ trackLines: true });
    const lines = ['layout begin', 'layout end', 'layout begin', 'layout end', 'layout begin'].map((m) => `The change caused a ${m}`);
    lines.forEach((m, i) => miner.add(m, { lineNumber: i + 1, level: i === 0 ? 'WARN' : 'INFO' }));
    for (const [i, flag] of ['true', 'false', 'true'].entries()) miner.add(`screen on = ${flag} now`, { lineNumber: 10 + i });
    assert.deepEqual(
      miner.templates().map((t) => [t.template, t.count, t.lineNumbers, t.levels]),
      [
        ['The change caused a layout begin', 3, [1, 3, 5], { WARN: 1, INFO: 2 }],
        ['screen on = <*> now', 3, [10, 11, 12], {}],
        ['The change caused a layout end', 2, [2, 4], { INFO: 2 }],
      ],
    );
  });

  it('reads a named field\'s quoted text as one value however long (request: "GET …"), not a quoted request line after an address', () => {
    // Made-up web-server error lines: the request is context of the error, whichever method it used.
    const miner = new TemplateMiner();
    for (let i = 0; i < 30; i++) {
      miner.add(`open() "/srv/www${['/a.ico', '/b.txt'][i % 2]}" failed (2: No such file or directory), client: 10.0.0.${i}, request: "${i % 3 ? 'GET' : 'POST'} /x${i} HTTP/1.1", host: "example.com"`);
    }
    assert.deepEqual(miner.templates().map((t) => t.count), [30]);
    assert.equal(tokens('10.0.0.1 "GET /v2/abc123/servers HTTP/1.1" status: 200'), '<*> GET <*> status <*>');
    assert.equal(tokens('"Error syncing pod" err="failed to \\"StartContainer\\" for \\"app\\" with CrashLoopBackOff" pod=x'), 'Error syncing pod err <*> pod x');
  });

  it('reads a quoted text of any number of words as one value, unless it opens the message or is a request line', () => {
    // Made-up lines: the title's word count varies from line to line of one event; a request line's method does not.
    assert.equal(tokens('document "kavo temirsa" saved by bob'), 'document <*> saved by bob');
    assert.equal(tokens('document "kavo temirsa lodu" saved by bob'), 'document <*> saved by bob');
    assert.equal(tokens('failed to run "systemctl restart foo.service now" on db-1'), 'failed to run <*> on <*>');
    assert.equal(tokens('10.0.0.1 "POST /v2/abc123/servers HTTP/1.1" status: 200'), '<*> POST <*> status <*>');
    assert.equal(tokens('"Eviction manager: attempting to reclaim" resourceName="memory"'), 'Eviction manager attempting to reclaim resourceName <*>');
    // slot24: only an HTTP method opens a request line; any other word in capitals opens a value like any word: an
    // artist before the title (osu!, batch 20, real), a relayed line's level (Helix, batch 20), a command given to
    // another program (ProxySQL, batch 13, real).
    const changed = (from: string, to: string) => tokens(`beatmap changed from "${from}" to "${to}"`);
    assert.equal(changed("MISATO - Necro Fantasia (Chromoxx) [Lasse's Lunatic]", 'Camellia - OOPARTS (Realazy) [Zenith]'), 'beatmap changed from <*> to <*>');
    assert.equal(changed('AcesToAces - Memory Lane (piroshki) [Reminiscence]', 'KAVO TEMI - Lodu Remi'), 'beatmap changed from <*> to <*>');
    assert.equal(tokens('ruff err <- "ERROR lsp_ai::worker: sending response failed"'), tokens('ruff err <- "Configuration file watcher registered"'));
    const checksum = (command: string) => tokens(`Computed checksum for '${command}' was '0xC932B2DAA28AE2CD', with epoch '1723560723'`);
    assert.equal(checksum('LOAD ADMIN VARIABLES TO RUNTIME'), checksum('LOAD MYSQL QUERY RULES TO RUNTIME'));
    assert.equal(tokens('10.0.0.1 "DELETE /v2/abc123/servers HTTP/1.1" status: 200'), '<*> DELETE <*> status <*>');
    const miner = new TemplateMiner();
    for (let i = 0; i < 60; i++) miner.add(`document "${['kavo', 'lodu', 'remi'][i % 3]} ${['tisa', 'bamu'][i % 2]}${i % 4 ? ` w${String.fromCharCode(97 + (i % 26))}` : ''}" saved by user${String.fromCharCode(97 + (i % 7))}`);
    assert.deepEqual(miner.templates().map((t) => t.count), [60]);
  });

  it('keeps the key in front of a quoted value that holds a path: only the value is the variable', () => {
    // Made-up PHP-style context: the JSON key names the field; the quoted text with its path is the value.
    assert.equal(tokens('cart failed {"exception":"[object] (ErrorException(code: 0): at /var/www/Cart.php:12)"} []'), 'cart failed exception <*>');
    assert.equal(tokens('open "/srv/my files/a.txt" failed'), 'open <*> failed');
  });

  it('reads a single-quoted value as a double-quoted one, but not an apostrophe inside or after a word', () => {
    // Made-up lines: programs quote with apostrophes too (a message already inside double quotes, Python reprs).
    assert.equal(tokens("document 'kavo temirsa lodu' saved by bob"), 'document <*> saved by bob');
    assert.equal(tokens("document 'kavo temirsa' saved by bob"), 'document <*> saved by bob');
    assert.equal(tokens("unknown column 'kavo' in field list"), 'unknown column <*> in field list');
    assert.equal(tokens("can't find child in the users' table"), "can t find child in the users table");
    assert.equal(tokens("Couldn't open 'a b c"), "Couldn t open a b c");
  });

  it('reads a quoted value that holds quotes of its own as one value, up to the quote that closes it', () => {
    // MPD (batch 12), player thread: `FmtInfo(player_domain, "played \"{}\"", song.GetURI())`, the song's path as
    // stored, an artist's nickname in quotes within it.
    assert.equal(
      tokens('played "Bobby "Blue" Bland/Bobby "Blue" Bland -- Turn On Your Love Light: The Duke Recordings, Volume 2 (1994)/Bobby "Blue" Bland -- 01-06 - You\'re the One (That I Adore).flac"'),
      tokens('played "Metal/Arkaik/2019 - Supernal Flame/01 - Supernal Flame.mp3"'),
    );
    // Two quoted values after one another stay two: each closes after its text, before a blank.
    assert.equal(tokens('rename "a b c" to "d e f" done'), 'rename <*> to <*> done');
    assert.equal(tokens('copied "old name" "new name" ok'), 'copied <*> ok');
    // A quote the text never closes after the inner one is read as before: the first mark closes.
    assert.equal(tokens('say "hello "world'), 'say <*> world');
  });

  it('reads a Windows path with spaces in its folder names as one variable', () => {
    // Made-up lines: `Program Files (x86)` is part of the path, not words of the message.
    assert.equal(tokens('launching C:\\Program Files\\Vusa\\bodisi.exe with 3 arguments'), 'launching <*> with <*> arguments');
    assert.equal(tokens('launching C:\\Program Files (x86)\\Vusa\\bodisi.exe with 3 arguments'), 'launching <*> with <*> arguments');
    assert.equal(tokens('launching C:\\Users\\Public\\run.exe with 3 arguments'), 'launching <*> with <*> arguments');
    assert.equal(tokens('copied C:\\temp to the backup share'), 'copied <*> to the backup share');
  });

  it('joins a unit to a bracketed number as to a bare one', () => {
    // Real Tomcat lines of two versions (test/fixtures/real-excerpts): `[58,056] ms` and `58056 ms` are one duration.
    assert.equal(tokens('Deployment of web application archive [/u01/webapps/ords.war] has finished in [58,056] ms'), 'Deployment of web application archive <*> has finished in <*>');
    assert.equal(tokens('copied [12] files'), 'copied <*> files');
  });

  it('leaves out a remark of two or three lower-case words after a number at the end (core dumped), not one word', () => {
    // Real nginx lines (test/fixtures/real-excerpts): the kernel's remark is optional, the event is the same.
    assert.equal(tokens('worker process 26055 exited on signal 11 (core dumped)'), tokens('worker process 40 exited on signal 9'));
    // One word names the value's kind (Loghub Linux: `(reserved)` and `(usable)` are two events); a number makes it data.
    assert.equal(tokens('0009f000 - 000a0000 (reserved)'), '<*> - <*> reserved');
    assert.equal(tokens('open failed with 13 (errno 13)'), 'open failed with <*> errno <*>');
    assert.equal(tokens('exited on signal 11 (core dumped) twice'), 'exited on signal <*> core dumped twice');
  });

  it('reads the key=value fields after a padded message (logrus text) as one variable: which fields a line carries varies', () => {
    // Real Docker daemon lines (test/fixtures/real-excerpts): logrus pads the message, then writes the fields the
    // logger was given; a `WithField("module", …)` logger adds one to some lines of one statement only.
    const withModule = 'loading plugin "io.containerd.snapshotter.v1.btrfs"...  module=containerd type=io.containerd.snapshotter.v1';
    const without = 'loading plugin "io.containerd.grpc.v1.images"...  type=io.containerd.grpc.v1';
    assert.equal(tokens(withModule), tokens(without));
    // The `...` after the quoted plugin name is punctuation, so the name and the fields are one run of variables.
    assert.equal(tokens(without), 'loading plugin <*>');
    assert.equal(tokens('starting containerd                           module=containerd revision=89623f2 version=v1.0.0'), 'starting containerd <*>');
    assert.equal(tokens('failed to load plugin x  error="path /var/lib/x must be a btrfs filesystem" module=containerd'), 'failed to load plugin x <*>');
    // Fields after one space are the statement's own text, and a gap before prose or before text after the fields is not this.
    assert.equal(tokens('acquire lock=233570404 flags=0x1'), 'acquire lock <*> flags <*>');
    assert.equal(tokens('copied  3 files to backup'), 'copied <*> files to backup');
    assert.equal(tokens('state  mode=fast then stopped'), 'state mode fast then stopped');
    // A gap inside the statement's own fields is its formatting: PAM's optional `  user=` makes another event (Loghub).
    assert.notEqual(tokens('authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.1.2.3  user=root'), tokens('authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.1.2.3'));
  });

  it('reads a bracketed value glued to its key as one variable when it holds spaces or is a variable word; the key stays', () => {
    // Real Elasticsearch lines (test/fixtures/real-excerpts): every value in brackets, some of several words.
    const mac = 'version[6.6.1], pid[87986], OS[Mac OS X/10.14.3/x86_64], JVM[Oracle Corporation/Java HotSpot(TM) 64-Bit Server VM/1.8.0_152]';
    const linux = 'version[6.6.2], pid[5738], OS[Linux/3.16.0-30-generic/amd64], JVM[Oracle Corporation/Java HotSpot(TM) 64-Bit Server VM/1.8.0_91]';
    assert.equal(tokens(mac), tokens(linux));
    assert.equal(tokens(linux), 'version <*> OS <*> JVM <*>');
    // A record's fields and a bracketed name are read as before.
    assert.equal(tokens('moved Point[x=1, y=2] away'), 'moved Point x <*> y <*> away');
    assert.equal(tokens('state of Thread[main,5] changed'), 'state of Thread main <*> changed');
  });

  it('reads the text after a label in parentheses as one variable when it has several words', () => {
    // Real Kafka lines (test/fixtures/real-excerpts): the reason is prose of any length.
    const adding = 'Preparing to rebalance group g1 in state PreparingRebalance with old generation 1689 (__consumer_offsets-38) (reason: Adding new member m-e9c2 with group instanceid None) (kafka.coordinator.group.GroupCoordinator)';
    const leader = 'Preparing to rebalance group g1 in state PreparingRebalance with old generation 138896 (__consumer_offsets-45) (reason: leader c-ab0c re-joining group during Stable) (kafka.coordinator.group.GroupCoordinator)';
    assert.equal(tokens(adding), tokens(leader));
    assert.match(tokens(leader), / reason <\*> kafka/);
    // One word after the label, or no label, is read by the usual rules.
    assert.equal(tokens('job stopped (reason: timeout)'), 'job stopped reason timeout');
    assert.equal(tokens('job stopped (by the operator)'), 'job stopped by the operator');
  });

  it('reads name[pid] and host[address] as one variable: which process, which host', () => {
    // Real launchd and Postfix lines (test/fixtures/real-excerpts): one event whatever process or host is named.
    assert.equal(tokens('Service exited due to SIGKILL | sent by mds[111]'), tokens('Service exited due to SIGKILL | sent by loginwindow[86]'));
    assert.equal(tokens('connect from unknown[10.42.0.140]'), 'connect from <*>');
    assert.equal(tokens('connect from pccenofi35.ldomain.local[192.168.0.135]'), 'connect from <*>');
    assert.equal(tokens('lost connection after BDAT from unknown[10.42.0.140],'), 'lost connection after BDAT from <*>');
    // With the port after the address (real Postfix: `connect to host[address]:25: reason`), over IPv4 or IPv6.
    assert.equal(tokens('connect to mx1.example.org[2610:1c1:1:606c::19:1]:25: Address not available'), 'connect to <*> Address not available');
    assert.equal(tokens('connect to mx.example.com[52.8.227.207]:25: Address not available'), 'connect to <*> Address not available');
    const miner = new TemplateMiner();
    miner.add('connect from unknown[10.42.0.140]');
    miner.add('connect to mx.example.com[52.8.227.207]:25: Address not available');
    assert.deepEqual(miner.templates().map((t) => t.template).sort(), ['connect from <*>', 'connect to <*>: Address not available']);
    // A constant or several fields in the brackets, or text after them, are not a name and its value.
    assert.equal(tokens('state of Thread[main,5] changed'), 'state of Thread main <*> changed');
    assert.equal(tokens('slot[3]=free'), 'slot <*> free');
    assert.equal(tokens('mode [debug]'), 'mode debug');
    // A dotted category with an event id, and a key with its value, keep their name: it is a constant of the event.
    assert.equal(tokens('Microsoft.Hosting.Lifetime[14]'), 'Microsoft.Hosting.Lifetime <*>');
    assert.equal(tokens('version[8.11.1] is out'), 'version <*> is out');
    assert.equal(tokens('SQLSTATE[HY000] [2002] refused'), 'SQLSTATE <*> refused');
  });

  it('masks every group of an IPv6 address glued to other text, letters-only groups too', () => {
    // Made-up network-change lines: `fbcb` has no digit but is as much a part of the address as `2607`.
    assert.equal(tokens('network changed: v6(en0:2607:f140:6000:8:abcd:fbcb:12ab:dfbe) DNS'), 'network changed v6 en0 <*> DNS');
    assert.equal(tokens('retry at 12:30:done'), 'retry at <*> done');
  });

  it('tells events apart by a word that ends the sentence (SPP. / UpdateAgent.), but not by a dotted name', () => {
    // Made-up servicing lines: the client's name is the event; a dotted intent name is a value.
    const miner = new TemplateMiner();
    for (let i = 0; i < 40; i++) {
      miner.add(`Session: ${30546174 + i}_${3000000000 + i * 7} initialized by client ${i % 2 ? 'UpdateAgent.' : 'SPP.'}`);
      miner.add(`received broadcast android.intent.action.${i % 2 ? 'TIME_TICK' : 'SCREEN_ON'}`);
    }
    assert.deepEqual(miner.templates().map((t) => [t.template, t.count]).sort(), [
      ['Session: <*> initialized by client SPP.', 20],
      ['Session: <*> initialized by client UpdateAgent.', 20],
      ['received broadcast <*>', 40],
    ]);
  });

  it('merges the word groups back when a fourth word or a masked value shows up', () => {
    const miner = new TemplateMiner({ trackLines: true });
    ['root', 'guest', 'test', 'root'].forEach((user, i) => miner.add(`session opened for user ${user} by uid 0`, { lineNumber: i + 1 }));
    const listed = miner.templates();
    assert.equal(listed.length, 3);
    assert.equal(new Set(listed.map((t) => t.clusterId)).size, 1);
    // The fourth word makes the position a variable (few lines each): the listing merges, and finalId says where to.
    const news = miner.add('session opened for user news by uid 0', { lineNumber: 5 });
    assert.equal(miner.finalId(news), listed.find((t) => t.template.includes('root'))?.id);
    assert.deepEqual(miner.templates().map((t) => [t.template, t.lineNumbers]), [['session opened for user <*> by uid <*>', [1, 2, 3, 4, 5]]]);
    const other = new TemplateMiner();
    ['cyrus', 'news', 'u1234'].forEach((user) => other.add(`session closed for user ${user} now`));
    assert.deepEqual(other.templates().map((t) => t.template), ['session closed for user <*> now']);
  });

  it('separates messages with different constant words or lengths', () => {
    const miner = new TemplateMiner();
    const ids = ['Started job 12', 'Finished job 12 in 3 s', 'Started job 13', 'Disk full on /dev/sda1', 'Disk full on /dev/sdb1'].map((m) => miner.add(m));
    assert.equal(ids[0], ids[2]);
    assert.equal(ids[3], ids[4]);
    assert.equal(new Set(ids).size, 3);
  });

  it('reads a name of one to three words that ends the message as one variable, after a sentence of two words or more', () => {
    // Real kube-controller-manager and systemd lines (test/fixtures/real-excerpts): one statement each, named objects.
    const miner = new TemplateMiner();
    const synced = ['job', 'resource quota', 'attach detach', 'garbage collector', 'taint', 'GC', 'PVC protection', 'daemon sets'].map((name) => miner.add(`Caches are synced for ${name}`));
    const target = ['Sockets', 'Basic System', 'Default', 'Shutdown'].map((name) => miner.add(`Reached target ${name}.`));
    // Each controller's own start line: a verb and its object are too short a sentence to read the object as a name.
    const starting = ['job controller', 'daemon sets controller', 'PVC protection controller', 'CSR cleaner controller'].map((name) => miner.add(`Starting ${name}`));
    const finals = (ids: number[]) => new Set(ids.map((id) => miner.finalId(id)));
    assert.equal(finals(synced).size, 1);
    assert.equal(finals(target).size, 1);
    assert.equal(finals(starting).size, 4);
    const listed = miner.templates().map((t) => t.template);
    assert.ok(listed.includes('Caches are synced for <*>') && listed.includes('Reached target <*>.'), listed.join('\n'));
    // Optional fields after a value are more fields, not a longer name (Loghub OpenSSH: two events).
    const pam = new TemplateMiner();
    const short = Array.from({ length: 12 }, (_, i) => pam.add(`authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.${i}`));
    const long = Array.from({ length: 12 }, (_, i) => pam.add(`authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.${i}  user=root${i}`));
    assert.notEqual(pam.finalId(short[0]), pam.finalId(long[0]));
  });

  it('reads a title of more than three words that ends the message as one variable, a word of it masked or not', () => {
    // A scheduler naming each show it looks at (made-up titles of that shape): title case after a lower-case sentence.
    const miner = new TemplateMiner();
    const titles = ['Harbour Lights', 'The Silent Coast', 'Carla Jones: Life on the Road', "Ahmed's Kitchen Table Talks", 'The Grand Old Lighthouse Keepers', 'Anna May: The Restorer'];
    const ids = titles.map((title) => miner.add(`Checking whether we need anything from ${title}`));
    assert.equal(new Set(ids.map((id) => miner.finalId(id))).size, 1, miner.templates().map((t) => t.template).join('\n'));
    // Lower-case endings are the sentence's own words, each its own statement; capitalised code names are constants.
    const own = new TemplateMiner();
    const sentences = ['of lzop on source', 'of lzop on target', 'of the resume feature on source', 'of the resume feature on target', 'of mbuffer on the local machine'];
    const mine = sentences.map((text) => own.add(`checking availability ${text}...`));
    assert.equal(new Set(mine.map((id) => own.finalId(id))).size, 5, own.templates().map((t) => t.template).join('\n'));
    const codes = new TemplateMiner();
    const digests = ['SHA512 = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'MD5 = 2c2678d613dda4d5669dd465792642bd'];
    const sums = [...digests, ...digests].map((digest) => codes.add(`reload: Running configuration ${digest}`));
    assert.equal(new Set(sums.map((id) => codes.finalId(id))).size, 2, codes.templates().map((t) => t.template).join('\n'));
  });

  it("reads many titles after a message's first word as one variable, and keeps a few title-case messages apart", () => {
    // A migration runner announcing each step by its name (made-up names of Directus' `Applying ${name}...` shape):
    // one statement in a loop, names of two to four words in title case, more than a few events would name.
    const steps = ['Drop Legacy Tables', 'Drop Audit Columns', 'Create Users Index', 'Create Session Store Table', 'Rename Owner Field',
      'Split Address Columns', 'Backfill Display Names', 'Add Tenant Key', 'Add Tenant Foreign Key Constraint', 'Merge Duplicate Tags',
      'Convert Price Type', 'Seed Default Roles', 'Tidy Settings'];
    const miner = new TemplateMiner();
    const ids = [...steps, ...steps].map((step) => miner.add(`Migrating ${step}...`));
    assert.equal(new Set(ids.map((id) => miner.finalId(id))).size, 1, miner.templates().map((t) => t.template).join('\n'));
    assert.equal(miner.templates()[0].template, 'Migrating <*>...');
    // A program that writes its own few messages in title case: each its own statement.
    const own = new TemplateMiner();
    const messages = ['Server Started Successfully', 'Server Shutting Down', 'Server Listening Now', 'Server Configuration Reloaded From Disk', 'Server Ready'];
    const mine = [...messages, ...messages].map((text) => own.add(text));
    assert.equal(new Set(mine.map((id) => own.finalId(id))).size, 5, own.templates().map((t) => t.template).join('\n'));
    // Lower-case words after the first one are the sentence's own, however many statements share that word.
    const lower = new TemplateMiner();
    const sentences = ['job controller', 'daemon sets controller', 'cron job controller', 'garbage collector', 'token cleaner',
      'endpoint slice mirroring controller', 'node lifecycle controller', 'pod disruption budget controller', 'ttl after finished controller',
      'persistent volume binder', 'namespace controller', 'service account controller'];
    const started = sentences.map((text) => lower.add(`Starting ${text}`));
    assert.ok(new Set(started.map((id) => lower.finalId(id))).size > 1, lower.templates().map((t) => t.template).join('\n'));
  });

  it('reads lists of fields that differ in which keys they hold as one variable when the lists vary like a variable', () => {
    // smtpd (real Postfix lines, test/fixtures/real-excerpts) counts only the commands the client sent.
    const commands = ['ehlo', 'helo', 'starttls', 'auth', 'mail', 'rcpt', 'data', 'bdat', 'rset', 'noop', 'quit', 'unknown'];
    const miner = new TemplateMiner();
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) {
      const sent = commands.filter((_, c) => (i * 7 + c * 3) % 5 < 2 || c === i % commands.length);
      ids.push(miner.add(`disconnect from unknown[10.0.${i}.7] ${sent.map((name, n) => `${name}=${(i + n) % 3}`).join(' ')} commands=${sent.length}`));
    }
    assert.equal(new Set(ids.map((id) => miner.finalId(id))).size, 1, miner.templates().map((t) => t.template).join('\n'));
    assert.ok(miner.templates()[0].template.startsWith('disconnect from <*>'), miner.templates()[0].template);
    // A few lists, each on many lines, are events by the same rule (two statements of PAM, Loghub Linux and OpenSSH).
    const pam = new TemplateMiner();
    const short = Array.from({ length: 30 }, (_, i) => pam.add(`check pass; logname= uid=0 ruser= rhost=10.0.0.${i}`));
    const long = Array.from({ length: 30 }, (_, i) => pam.add(`check pass; logname= uid=0 ruser= rhost=10.0.0.${i} user=root${i}`));
    assert.notEqual(pam.finalId(short[0]), pam.finalId(long[0]));
  });

  it('reads the word values of key=value fields as values of one event, unless each value holds many lines', () => {
    // hclog (real Nomad lines, test/fixtures/real-excerpts): one statement, the driver and its health filled in.
    const nomad = new TemplateMiner();
    const drivers = [
      ['java', 'undetected'], ['qemu', 'undetected'], ['raw_exec', 'healthy'], ['exec', 'healthy'],
    ].map(([driver, health]) => nomad.add(`initial driver fingerprint: driver=${driver} health=${health} description=Healthy`));
    assert.equal(new Set(drivers.map((id) => nomad.finalId(id))).size, 1, nomad.templates().map((t) => t.template).join('\n'));
    assert.equal(nomad.templates()[0].template, 'initial driver fingerprint: driver=<*> health=<*> description=Healthy');
    // Two values suffice, UPPER_CASE ones too (wpa_supplicant's `init=CORE type=WORLD` / `init=BEACON_HINT type=UNKNOWN`).
    const plugins = new TemplateMiner();
    const waiting = ['driver', 'device', 'driver'].map((type) => plugins.add(`waiting on plugin manager initial fingerprint: plugin-type=${type}`));
    assert.equal(new Set(waiting.map((id) => plugins.finalId(id))).size, 1);
    const regdom = new TemplateMiner();
    const changes = [['CORE', 'WORLD'], ['BEACON_HINT', 'UNKNOWN'], ['USER', 'COUNTRY']].map(([init, type]) => regdom.add(`CTRL-EVENT-REGDOM-CHANGE init=${init} type=${type}`));
    assert.equal(new Set(changes.map((id) => regdom.finalId(id))).size, 1);
    // A value in angle brackets (Dovecot's `user=<postmaster>`) is a value; an address there keeps its key.
    const dovecot = new TemplateMiner();
    for (const user of ['postmaster', 'office', 'office@example.com', 'sales@example.org']) dovecot.add(`Disconnected (auth failed, 1 attempts in 8 secs): user=<${user}>, method=PLAIN`);
    assert.deepEqual(dovecot.templates().map((t) => t.template), ['Disconnected (auth failed, <*> attempts in <*>): user=<<*>>, method=PLAIN']);
    assert.equal(tokens('login user=<office@example.com>, method=PLAIN'), 'login user <*> method PLAIN');
    assert.equal(tokens('opened path=/var/lib/app/data.db mode=rw'), 'opened path <*> mode rw');
    // A few values, each on many lines, sort lines into events (Loghub Linux labels PAM's user=root, user=guest apart).
    const pam = new TemplateMiner();
    const byUser = ['root', 'guest', 'test'].map((user) => Array.from({ length: 12 }, (_, i) => pam.add(`authentication failure; logname= uid=0 rhost=10.0.0.${i}  user=${user}`))[0]);
    assert.equal(new Set(byUser.map((id) => pam.finalId(id))).size, 3);
    // A word after ` = ` or a lone `=` is no field value; nor is a value in a comparison (`a==b`).
    assert.equal(tokens('check a==b'), 'check a b');
  });

  it('reads a quoted or bracketed word and a name(argument) as values of one event by the same rule, UPPER_CASE ones too', () => {
    // Real Syncthing and ghostunnel lines (test/fixtures/real-excerpts): a device's name, a cipher family.
    const names = new TemplateMiner();
    for (const name of ['PATOLINO', 'SNOOPY', 'DiskStation-DEMAC', 'NATCOMP03']) names.add(`Device W4RYZKF-HQNLNNT-2J4ZJ6S name is "${name}"`);
    assert.deepEqual(names.templates().map((t) => t.template), ['Device <*> name is "<*>"']);
    const suites = new TemplateMiner();
    for (const family of ['AES', 'CHACHA', 'AES', 'CHACHA', 'AES']) suites.add(`enabling cipher suites for '${family}' (4 cipher suites)`);
    // The quoted family is a value as its tokens are read (slot27), and runs into the count after it: one <*> from the
    // family to the count, as adjacent values are (TokenScan.push).
    assert.deepEqual(suites.templates().map((t) => t.template), ["enabling cipher suites for '<*> cipher suites)"]);
    // Each quoted word on many lines still names an event, as a bare one does.
    const probes = new TemplateMiner();
    for (const kind of ['READINESS', 'LIVENESS']) for (let i = 0; i < 12; i++) probes.add(`probe probeType="${kind}" pod=web-${i}`);
    assert.equal(probes.templates().length, 2);
    // A word in parentheses glued to a name is its argument (real Keepalived lines: `VRRP_Script(chk_haproxy) succeeded`).
    const scripts = new TemplateMiner();
    for (const name of ['chk_haproxy', 'keepalived_check']) scripts.add(`VRRP_Script(${name}) succeeded`);
    assert.deepEqual(scripts.templates().map((t) => t.template), ['VRRP_Script(<*>) succeeded']);
    const instances = new TemplateMiner();
    for (const name of ['VI_VLAN02_NET', 'VI_VLAN30_PBX']) instances.add(`VRRP_Instance(${name}) removing protocol VIPs.`);
    assert.equal(instances.templates().length, 1);
    // A word alone in square brackets after a space is a value (real Elasticsearch and OpenVPN lines).
    const mounts = new TemplateMiner();
    for (const type of ['apfs', 'rootfs']) mounts.add(`using [1] data paths, net usable_space [25gb], types [${type}]`);
    assert.equal(mounts.templates().length, 1);
    const peers = new TemplateMiner();
    for (const name of ['VPNCLIENT', 'iphone']) peers.add(`10.0.0.7:1341 [${name}] Peer Connection Initiated with [AF_INET]10.0.0.7:1341`);
    assert.equal(peers.templates().length, 1);
    // An apostrophe glued to a word opens no quote (Python's u'esp'): the word after it is no quoted value.
    const reprs = new TemplateMiner();
    for (const user of ['esp', 'emoncms']) reprs.add(`client connected (c1, u'${user}')`);
    assert.equal(reprs.templates().length, 2);
  });

  it('never merges different UPPER_CASE enum values (state transitions)', () => {
    const miner = new TemplateMiner();
    const a = miner.add('task_1 Transitioned from NEW to SCHEDULED');
    const b = miner.add('task_2 Transitioned from SCHEDULED to RUNNING');
    const c = miner.add('task_3 Transitioned from NEW to SCHEDULED');
    assert.notEqual(a, b);
    assert.equal(a, c);
    // Listed: a family of UPPER_CASE values stays apart; one UPPER_CASE word among names is one more name.
    const states = new TemplateMiner();
    const moved = ['NEW', 'RUNNING', 'FAILED', 'KILLED', 'other'].map((state) => states.add(`job moved to ${state}`));
    assert.equal(new Set(moved.slice(0, 4).map((id) => states.finalId(id))).size, 4);
    // An UPPER_CASE key of a value names a field: `peer info: IV_LZ4=1`, `IV_LZO=1`, … (real OpenVPN lines) are one event.
    const peer = new TemplateMiner();
    const info = ['IV_LZ4=1', 'IV_LZO=1', 'IV_TCPNL=1', 'IV_GUI_VER=OpenVPN_GUI_11', 'IV_COMP_STUB=1', 'IV_PROTO=2'].map((field) => peer.add(`peer info: ${field}`));
    assert.equal(new Set(info.map((id) => peer.finalId(id))).size, 1);
    // Keys that each hold many lines still name events, as any word there does.
    const http = new TemplateMiner();
    const methods = ['GET', 'POST', 'PUT', 'DELETE'].flatMap((method) => Array.from({ length: 12 }, (_, i) => http.add(`request ${method} /api/v${i}/items`)));
    assert.equal(new Set(methods.map((id) => http.finalId(id))).size, 4);
    const names = new TemplateMiner();
    const synced = ['job', 'taint', 'cidrallocator', 'GC', 'endpoint'].map((name) => names.add(`caches synced for ${name}`));
    assert.equal(new Set(synced.map((id) => names.finalId(id))).size, 1);
  });

  it('lists one event printed behind two header forms as one template, shown in its message form', () => {
    // Real lines of batches 2-3 as the header readers leave them: one form's header read, the other's left in front.
    const same = (lines: string[]): number => {
      const miner = new TemplateMiner();
      const ids = lines.map((line) => miner.add(line));
      return new Set(ids.map((id) => miner.finalId(id))).size;
    };
    const squid = new TemplateMiner();
    for (const line of ['Set Current Directory to /var/squid/cache', 'kid1| Set Current Directory to /var/squid/cache']) squid.add(line);
    assert.deepEqual(squid.templates().map((t) => [t.template, t.count]), [['Set Current Directory to <*>', 2]]);
    assert.equal(same(['notice: unpack_config: On loss of CCM Quorum: Ignore', 'notice: On loss of CCM Quorum: Ignore']), 1);
    assert.equal(same(['VRRP_Instance(vi_2) Entering BACKUP STATE', '(VRRP1) Entering BACKUP STATE']), 1);
    // A wrapper's `[time] slapd debug` in front: `slapd` is a plain word, so the file must show the run in front of
    // two messages that also occur bare.
    const slapd = (op: string) => `[17-01-2019 09:04:47] slapd debug  conn=1006 op=0 ${op}`;
    const wrapped = new TemplateMiner();
    for (const line of [slapd('RESULT tag=97 err=0 text='), slapd('BIND dn="cn=admin,dc=it" method=128'), 'RESULT tag=97 err=0 text=', 'BIND dn="cn=admin,dc=it" method=128']) wrapped.add(line);
    assert.deepEqual(wrapped.templates().map((t) => t.template).sort(), ['BIND dn="<*>" method=<*>', 'RESULT tag=<*> err=<*> text=']);
    // In front of one message only, the run is a header when it holds a value (the wrapper's clock, `conn=`, `op=`):
    // a sentence does not open with a value before a whole statement the file prints bare (mining37b). Without one,
    // a plain word and a level word are as often the sentence's own.
    assert.equal(same([slapd('TLS established tls_ssf=128 ssf=128'), 'TLS established tls_ssf=128 ssf=128']), 1);
    assert.equal(same(['slapd debug TLS established tls_ssf=128 ssf=128', 'TLS established tls_ssf=128 ssf=128']), 2);
    // Behind a run the file proved so, word for word, a message too short to merge on its own is the same message.
    wrapped.add(slapd('UNBIND'));
    wrapped.add('UNBIND');
    assert.deepEqual(wrapped.templates().map((t) => t.template).sort(), ['BIND dn="<*>" method=<*>', 'RESULT tag=<*> err=<*> text=', 'UNBIND']);
    // Made-up neighbours: a clock, a pid and a level in front of a message printed bare elsewhere.
    assert.equal(same(['[2024-01-05 10:00:00 +0000] [4711] [INFO] Starting worker with pid: 4711', 'Starting worker with pid: 4712']), 1);
  });

  it('keeps apart templates whose leading words are not a header, or whose shared message is too short', () => {
    const apart = (lines: string[]): number => {
      const miner = new TemplateMiner();
      const ids = lines.map((line) => miner.add(line));
      return new Set(ids.map((id) => miner.finalId(id))).size;
    };
    // A constant word in front is another event.
    assert.equal(apart(['Upstream connection closed by peer', 'connection closed by peer']), 2);
    // A function called in the message (real Avahi lines), and a module's name column (real Xorg lines).
    assert.equal(apart(['iface.c: avahi_server_add_address() failed: Not supported', 'iface.c: avahi_server_add_service() failed: Not supported']), 2);
    assert.equal(apart(['xfree86: Adding drm device (/dev/dri/card1)', 'xfree86: Adding drm device (/dev/dri/card0)', 'config/udev: Adding drm device (/dev/dri/card1)']), 2);
    // Fewer than three constant words shared (real OpenLDAP `UNBIND`, `closed`).
    assert.equal(apart(['<*> conn=1001 op=3 UNBIND', 'UNBIND']), 2);
  });

  it('keeps levels, first/last seen, examples and line numbers per template', () => {
    const miner = new TemplateMiner({ trackLines: true, maxExamples: 2 });
    miner.add('disk 1 failed', { level: 'ERROR', timestamp: 2000, line: 'L1 disk 1 failed', lineNumber: 1 });
    miner.add('service up', { level: 'INFO', timestamp: 1500, lineNumber: 2 });
    miner.add('disk 2 failed', { level: 'FATAL', timestamp: 1000, line: 'L3 disk 2 failed', lineNumber: 3 });
    miner.add('disk 3 failed', { level: 'ERROR', timestamp: 3000, line: 'L4 disk 3 failed', lineNumber: 4 });
    const [disk, up] = miner.templates();
    assert.equal(disk.template, 'disk <*> failed');
    assert.deepEqual(disk.levels, { ERROR: 2, FATAL: 1 });
    assert.equal(disk.firstSeen, 1000);
    assert.equal(disk.lastSeen, 3000);
    assert.deepEqual(disk.examples, ['L1 disk 1 failed', 'L3 disk 2 failed']);
    assert.deepEqual(disk.lineNumbers, [1, 3, 4]);
    assert.deepEqual(up.lineNumbers, [2]);
  });

  it('first/last seen ignore lines without a timestamp or with an invalid one, before and after the valid ones', () => {
    const miner = new TemplateMiner();
    miner.add('disk 1 failed', { timestamp: Number.NaN });
    miner.add('disk 2 failed', {});
    miner.add('disk 3 failed', { timestamp: 5000 });
    miner.add('disk 4 failed', { timestamp: Number.NaN });
    miner.add('disk 5 failed', { timestamp: 4000 });
    miner.add('service up', {});
    const [disk, up] = miner.templates();
    assert.equal(disk.firstSeen, 4000);
    assert.equal(disk.lastSeen, 5000);
    assert.equal('firstSeen' in up, false);
    assert.equal('lastSeen' in up, false);
  });

  it('bounds memory by a template cap: extra shapes go to the closest template or <other>', () => {
    const miner = new TemplateMiner({ maxTemplates: 3 });
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    for (let i = 0; i < 200; i++) miner.add(`${words[i % 8]} ${words[(i * 3) % 8]} ${'x '.repeat(i % 5)}end`);
    const templates = miner.templates();
    assert.ok(templates.length <= 4, `got ${templates.length}`);
    assert.equal(templates.reduce((sum, t) => sum + t.count, 0), 200);
    assert.equal(miner.capped, true);
  });

  it('stops recording line numbers at maxTrackedLines', () => {
    const miner = new TemplateMiner({ trackLines: true, maxTrackedLines: 3 });
    for (let i = 1; i <= 5; i++) miner.add(`job ${i} done`, { lineNumber: i });
    const [job] = miner.templates();
    assert.equal(job.count, 5);
    assert.deepEqual(job.lineNumbers, [1, 2, 3]);
  });

  it('mines only the start of a huge message, and keeps examples short', () => {
    const miner = new TemplateMiner({ maxMessageLength: 100, maxExampleLength: 50 });
    const a = miner.add(`payload ${'ab '.repeat(500_000)}1`);
    const b = miner.add(`payload ${'ab '.repeat(400_000)}2`);
    assert.equal(a, b);
    const [t] = miner.templates();
    assert.ok(t.template.length <= 100);
    assert.equal(t.examples[0].length, 51); // 50 characters and an ellipsis
  });

  it('handles empty and whitespace-only messages', () => {
    const miner = new TemplateMiner();
    assert.equal(miner.add(''), miner.add('   '));
    assert.equal(miner.templates()[0].count, 2);
  });

  it('keeps messages without tokens apart by their text: `{` and `}` of printed JSON, a `=====` rule, `[]`', () => {
    const miner = new TemplateMiner();
    const lines = ['{', '}', '{', '=====', '[]', '}', '=====', '[[[['];
    const ids = lines.map((line) => miner.add(line));
    assert.deepEqual(ids.map((id) => ids.indexOf(id)), [0, 1, 0, 3, 4, 1, 3, 7]);
    assert.deepEqual(
      miner.templates().map((t) => [t.template, t.count]).sort(),
      [['=====', 2], ['[[[[', 1], ['[]', 1], ['{', 2], ['}', 2]],
    );
  });

  it('keeps two statements apart that differ only in an arrow standing alone: `--> close` sent, `<-- close` received', () => {
    // Made-up lines in the form of a scheduler that logs each frame it sends and receives: the tokenizer keeps the
    // arrow's dashes only, yet its direction is the statement's own text, as `sent` / `received` would be.
    const miner = new TemplateMiner();
    for (let i = 0; i < 4; i++) {
      miner.add(`--> close (${100 + i * 7})`);
      miner.add(`<-- close (${300 + i * 11})`);
      miner.add(`peer ${i} -> relay ${i + 5} ok`);
      miner.add(`peer ${i} <- relay ${i + 9} ok`);
      // A value of another length before the arrow keeps the statement one.
      miner.add(`peer ${'9'.repeat(i + 1)} -> relay 1 ok`);
    }
    // A line without an arrow beside one with it is no sign: a header form may write `=>` before the message.
    miner.add('1 => server listening on 10.0.0.1:80');
    miner.add('2|server listening on 10.0.0.2:81');
    // Glued marks are parts of values and words, not arrows: one statement whatever they hold.
    miner.add('closing connection <0.283.0> now');
    miner.add('closing connection <0.9.12> now');
    assert.deepEqual(
      miner.templates().map((t) => [t.template, t.count]).sort(),
      [['--> close (<*>)', 4], ['<*> => server listening on <*>', 2], ['<-- close (<*>)', 4], ['closing connection <<*>> now', 2], ['peer <*> -> relay <*> ok', 8], ['peer <*> <- relay <*> ok', 4]],
    );
  });

  it('keeps one template per direction when lines of one token sequence alternate their arrows', () => {
    // Made-up lines in the form of a tracker that logs each frame it receives and sends: the bracket is read as one
    // value with the hex after it, so every line is one <*>, and only the arrow tells received from sent. Lines that
    // alternate directions must not start a template at each change (the sequence cache holds one cluster per tokens).
    const miner = new TemplateMiner();
    for (let i = 0; i < 4; i++) {
      miner.add(`[T${i}a5e4999: gt06 < 10.0.4.${i}] 78781f12180a040f3b${i}d0a`);
      miner.add(`[T${i}a5e4999: gt06 > 10.0.4.${i}] 7878051208${i}0d0a`);
    }
    assert.deepEqual(miner.templates().map((t) => t.count), [4, 4]);
  });
});
