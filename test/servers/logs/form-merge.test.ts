// One statement, one template across the forms a file prints it in (patterns/form-merge.ts): a console logger's padded
// field columns beside the message its logfmt lines give alone, a name column beside the same message printed bare,
// and a variable that took one word in some lines and several in others. Real lines from the excerpts' public reports,
// each with a neighbour that must stay apart.
import assert from 'node:assert/strict';
import { mergeHeaderForms, type FormUnit } from '../../../servers/logs/patterns/form-merge';
import { DEFAULT_MINER_OPTIONS, TemplateMiner } from '../../../servers/logs/patterns/miner';
import { tokenize, WILDCARD } from '../../../servers/logs/patterns/tokenize';
import { templatesOf } from '../../support/mined-templates';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

/** How many templates the whole pass (format, header columns, miner) gives `lines`. */
async function templateCount(lines: string[]): Promise<number> {
  return new Set(await templatesOf(lines, REFERENCE)).size;
}

/** How many templates the miner alone gives `messages`. */
function minedCount(messages: string[]): number {
  const miner = new TemplateMiner();
  const ids = messages.map((message) => miner.add(message));
  return new Set(ids.map((id) => miner.finalId(id))).size;
}

/** A template as the miner lists it, from its text: `NAME` stands for a masked token. */
function unit(text: string, count = 3): FormUnit {
  const { tokens, seps, lead } = tokenize(text);
  return { tokens: tokens.map((t) => (t === 'NAME' ? WILDCARD : t)), seps, lead, count };
}

/** The groups form-merge makes of templates (input indexes, each group sorted), each holding `count` lines. */
function groups(texts: string[], count = 3): number[][] {
  return mergeHeaderForms(texts.map((text) => unit(text, count)), DEFAULT_MINER_OPTIONS.minLinesPerValue).map((g) => [...g.members].sort());
}

describe('form merge: one statement, one template across its printed forms', () => {
  it("joins a console logger's padded field columns to the message its logfmt lines give alone", async () => {
    // Navidrome (batch 6): logrus's text formatter pads the message to a column and prints the fields after it; the
    // same program's logfmt lines give `msg=` alone.
    const navidrome = [
      'time="2025-04-22T21:49:05Z" level=debug msg="Loaded cache" dir=/data/cache/backgrounds numItems=0',
      'time="2025-04-22T21:49:06Z" level=info msg="Finished initializing cache" cache=Image maxSize=100MB',
      'time="2025-04-22T21:49:07Z" level=info msg="Spawning external scanner process"',
      'DEBU[0000] Loaded cache                                  dir=/var/lib/navidrome/cache/backgrounds numItems=2',
      'INFO[0000] Finished initializing cache                   cache=Image maxSize=100MB',
      'INFO[0000] Spawning external scanner process             path=/usr/bin/navidrome',
    ];
    assert.equal(await templateCount(navidrome), 3);
    // GitLab Runner's console lines, only padded ones: the fields a call adds do not make another statement.
    assert.equal(minedCount([
      'Checking for jobs... received                       job=14796 repo_url=http://192.168.0.24/a/b.git runner=d87fcd19',
      'Checking for jobs... received                       job=14797 runner=d87fcd19',
    ]), 1);
  });

  it("joins a console logger's padded `key: value` columns whatever fields the call set", () => {
    // A slog-style terminal format (made-up lines of that shape): the message padded to a column, then `key: value`
    // fields joined by `, `, some set on one line and not on another.
    assert.equal(minedCount([
      'Could not send request                  error: Timeout, service: rpc',
      'Could not send request                  error: Timeout, service: rpc',
      'Could not send request                  peer: node_7, error: Timeout, service: rpc',
      'Could not send request                  peer: node_12, error: Timeout, service: rpc',
    ]), 1);
    assert.equal(minedCount([
      'Cache warm-up finished                  entries_left: 1500, service: cache',
      'Cache warm-up finished                  entries_left: 1500, service: cache',
      'Cache warm-up finished                  entries_left: not counted yet, service: cache',
    ]), 1);
  });

  it('keeps apart unpadded `key: value` tails, and padded columns that open with no key', () => {
    // One blank before the fields: the fields may be what tells two statements apart.
    assert.equal(minedCount(['Could not send request error: Timeout', 'Could not send request error: Timeout', 'Could not send request peer: node_7, error: Timeout']), 2);
    // A padded column of words, then a label further on: a table's row, not a logger's fields.
    assert.equal(minedCount(['Sync state updated     Stalled for: 3 blocks', 'Sync state updated     Syncing Finalized Chain since: 12 blocks']), 2);
  });

  it('keeps apart a padded column that is not fields, and a message of one word', () => {
    // A table row: its padded column holds plain words, not `key=value` fields.
    assert.equal(minedCount(['eth0 link state     UP', 'eth0 link state']), 2);
    // One constant word before the fields: too short to say the two are one statement.
    assert.equal(minedCount(['started                       pid=12', 'started']), 2);
  });

  it('joins unpadded trailing fields only to the same message printed bare, of enough words', () => {
    // A Go logger printing optional context fields after the message (made-up neighbour of AdGuard Home's lines).
    assert.equal(minedCount(['upstream connection closed count=3', 'upstream connection closed count=4', 'upstream connection closed']), 1);
    // Two words: the fields may be what tells the statements apart.
    assert.equal(minedCount(['reset rules count=3', 'reset rules count=5', 'reset rules']), 2);
    // Two field sets of one message, never printed bare: PAM's two statements (`check pass; … rhost=<*>` and
    // `…  user=<*>`, Loghub) differ only so; variability.ts decides them by their lines, not this merge. (PAM sets its
    // `user=` off by two blanks, as Loghub's Linux shows: value-spans.ts' joinEdgeFields reads that as no logfmt field.)
    assert.deepEqual(groups(['check pass; logname= uid=NAME ruser= rhost=NAME', 'check pass; logname= uid=NAME ruser= rhost=NAME  user=NAME']), [[0], [1]]);
    // OpenLDAP: the keys in front of `SRCH` are fields too, so the message keeps one word: the two kinds stay apart.
    assert.equal(minedCount([
      'conn=1000 op=1 SRCH base="dc=example,dc=com" scope=2 deref=0 filter="(uid=a)"',
      'conn=1001 op=2 SRCH base="dc=example,dc=org" scope=1 deref=0 filter="(uid=b)"',
      'conn=1002 op=3 SRCH base="dc=example,dc=net" scope=2 deref=3 filter="(uid=c)"',
      'conn=1000 op=1 SRCH attr=1.1',
      'conn=1001 op=2 SRCH attr=dn',
      'conn=1002 op=3 SRCH attr=cn',
    ]), 2);
  });

  it('joins a message behind differently named columns when the file prints it bare too', async () => {
    // Gunicorn (batch 4): docker compose's service names, and the bare message of another form.
    const gunicorn = [
      '[2021-03-01 10:00:00 +0000] [8] [INFO] Booting worker with pid: 8',
      '[2021-03-01 10:00:00 +0000] [9] [INFO] Booting worker with pid: 9',
      'Jan 12 10:00:00 host admin_ui: [2021-01-12 10:00:00 +0000] [10] [INFO] Booting worker with pid: 10',
      'Jan 12 10:00:01 host webui: [2021-01-12 10:00:01 +0000] [11] [INFO] Booting worker with pid: 11',
    ];
    assert.equal(await templateCount(gunicorn), 1);
    // Xorg's name column with no bare form: the names tell the statements apart, as the file prints them.
    assert.equal(minedCount(['xfree86: Adding drm device (/dev/dri/card0)', 'config/udev: Adding drm device (/dev/dri/card0)']), 2);
  });

  it('joins templates whose only differences are masked pieces of one or several words', () => {
    // Templates as the miner lists them: a user name masked as one word in some lines, two in others (`Ann Lee`).
    assert.deepEqual(groups(['Accepted connection for user NAME from NAME', 'Accepted connection for user NAME NAME from NAME', 'Accepted connection for user NAME, NAME from NAME']), [[0, 1, 2]]);
    // A constant word where the other has a masked one, or a masked piece present in one only: kept apart.
    assert.deepEqual(groups(['Accepted connection for user NAME from NAME', 'Accepted connection for user root from NAME', 'Accepted connection for user NAME']), [[0], [1], [2]]);
    // One constant word is enough when the text around it agrees; masked runs alone say nothing of the statement.
    assert.deepEqual(groups(['user NAME NAME', 'user NAME']), [[0, 1]]);
    assert.deepEqual(groups(['NAME NAME', 'NAME']), [[0], [1]]);
    assert.deepEqual(groups(['user NAME NAME', 'host NAME']), [[0], [1]]);
    assert.deepEqual(groups(['user NAME NAME', 'user (NAME)']), [[0], [1]]);
  });

  it('joins a word and a value whose name the tokenizer read as part of the value on some lines (one word before it)', () => {
    // A package manager's `Fetching %s %s`: a plain name stays a word beside its version until the per-position rule
    // masks it, a name with digits is read with its version as one value, so the lines take two lengths.
    const lines = ['Fetching gizmo 1.2.0', 'Fetching sprocket 0.4.1', 'Fetching Base64 0.1.1', 'Fetching md5sum 2.0.3', 'Fetching widget 3.3.0'];
    assert.equal(minedCount(lines), 1);
    // Another verb is another statement.
    assert.equal(minedCount([...lines, ...lines.map((line) => line.replace('Fetching', 'Removing'))]), 2);
  });
  it('joins a message printed once with a constant to its form with that value masked, behind another header form', () => {
    // OpenHAB (batch 8): openhab.log's `[logger] - ` form, where the file showed the item and its states varying, and
    // the Karaf console's pipe-delimited form of the same event, printed once with its constants.
    assert.deepEqual(groups([
      '[vent.ItemStateChangedEvent] - NAME changed from NAME to NAME',
      'NAME | ItemStateChangedEvent            | NAME - org.eclipse.smarthome.io.monitor - NAME | zwave_device_node21_sensor_door changed from CLOSED to OPEN',
    ]), [[0, 1]]);
    // A constant word the general form does not have (`updated`, not `changed from`): another statement.
    assert.deepEqual(groups([
      '[vent.ItemStateChangedEvent] - NAME changed from NAME to NAME',
      'NAME | ItemStateEvent                   | NAME - org.eclipse.smarthome.io.monitor - NAME | zwave_device_node21_sensor_door updated from CLOSED to OPEN',
    ]), [[0], [1]]);
    // Fewer than three constant words in common: too short to say one statement.
    assert.deepEqual(groups(['[main] - NAME started NAME', 'NAME | Launcher | worker started now']), [[0], [1]]);
    // Within one form the lines decide (variability.ts): a constant beside its masked form stays apart.
    assert.deepEqual(groups(['[main] - Accepted connection for user NAME from NAME', '[main] - Accepted connection for user root from NAME']), [[0], [1]]);
  });

  it("reads a message's indentation as its printer's nesting, not the statement", () => {
    // Rails (batch 8): the log subscribers indent a nested event; a custom formatter prints it after `INFO:   `.
    assert.deepEqual(groups(['  Processing by NAME as HTML', 'INFO:   Processing by NAME as HTML', '  Processing by NAME as JSON']), [[0, 1], [2]]);
  });
  it("reads a request's method and path as one value pair, padded or not", () => {
    // Kavita (batch 8): Serilog's request logging, `HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed} ms`.
    assert.deepEqual(groups(['HTTP GET NAME responded NAME in NAME ms', 'HTTP POST NAME responded NAME in NAME ms', 'HTTP GET NAME failed NAME in NAME ms']), [[0, 1], [2]]);
    // Vaultwarden (batch 8): Rocket's route table pads the method to a column; its request log does not.
    assert.deepEqual(groups(['POST   NAME', 'DELETE NAME', 'GET /api/sync']), [[0, 1, 2]]);
    // Not a method (`SET`), or a method word followed by a word, not a path: the words tell the statements apart.
    assert.deepEqual(groups(['cache GET NAME done in NAME', 'cache SET NAME done in NAME']), [[0], [1]]);
    assert.deepEqual(groups(['GET requests served NAME', 'POST requests served NAME']), [[0], [1]]);
    // An access log's thousands of lines per method: the methods name the events its readers count (Loghub's labels).
    assert.deepEqual(groups(['NAME "GET NAME HTTP/1.1" status: NAME len: NAME time: NAME', 'NAME "POST NAME HTTP/1.1" status: NAME len: NAME time: NAME'], 400), [[0], [1]]);
    // A request pair beside other values: the message must keep its words.
    assert.deepEqual(groups(['GET NAME NAME', 'POST NAME']), [[0], [1]]);
    // slot20: a request pair with few words besides is still a request line (PhotoPrism, batch 11: `http: %s %s (%d)
    // [%s]`; TeslaMate, batch 11: `%s %s -> %d (%s ms)`; Dex, batch 12: an access line), whose method is a value.
    assert.deepEqual(groups(['http: PUT NAME', 'http: POST NAME']), [[0, 1]]);
    assert.deepEqual(groups(['POST NAME -> NAME', 'GET NAME -> NAME']), [[0, 1]]);
    assert.deepEqual(groups(['NAME - - [NAME] "GET NAME', 'NAME - - [NAME] "POST NAME']), [[0, 1]]);
    // The text around the pair must still agree (`->` / `<-`), and a word that is no method stays a word.
    assert.deepEqual(groups(['POST NAME -> NAME', 'GET NAME <- NAME']), [[0], [1]]);
    assert.deepEqual(groups(['http: PUT NAME', 'http: PUSH NAME']), [[0], [1]]);
    // Moonraker (batch 13): `Registering HTTP Endpoint: (%s) %s`, the method in parentheses before its path.
    assert.deepEqual(groups(['Registering HTTP Endpoint: (POST) NAME', 'Registering HTTP Endpoint: (GET) /server/info']), [[0, 1]]);
    // In brackets before a word, not a path, the method names what the statement does.
    assert.deepEqual(groups(['cache mode (GET) enabled now', 'cache mode (PUT) enabled now']), [[0], [1]]);
  });
  it('shows a joined group without a constant that only some of its lines hold', async () => {
    // A few requests of each method in a small access log are one statement: its template must not read `"GET <*>"`
    // over POST lines (found on the format corpus' nginx access log when request pairs were first joined).
    const access = [
      '10.0.0.5 - - [29/Nov/2026:10:15:03 +0000] "GET /static/app.css HTTP/1.1" 304 0 "-" "Mozilla/5.0"',
      '10.0.0.8 - alice [29/Nov/2026:10:15:05 +0000] "POST /api/orders HTTP/1.1" 201 87 "-" "okhttp/4.12.0"',
      '10.0.0.9 - - [29/Nov/2026:10:15:07 +0000] "GET /admin HTTP/1.1" 403 153 "-" "curl/8.4.0"',
      '10.0.0.6 - - [29/Nov/2026:10:15:11 +0000] "POST /api/login HTTP/1.1" 401 45 "-" "Mozilla/5.0"',
    ];
    const shown = await templatesOf(access, REFERENCE);
    assert.equal(new Set(shown).size, 1, shown.join('\n'));
    assert.doesNotMatch(shown[0], /GET|POST/);
    // A bare `/` path beside a masked one (break10): the method and the path are masked in the shown template.
    const bare = await templatesOf(['Dec  1 10:00:16 h app[3]: HTTP POST /api/users failed: timeout', 'Dec  1 10:00:46 h app[3]: HTTP GET / failed: timeout'], REFERENCE);
    assert.ok(bare[0] !== bare[1] || !/GET|POST/.test(bare[0]), bare.join(' | '));
    // A word every line holds stays shown.
    const kavita = ['HTTP GET /api/a responded 200 in 3 ms', 'HTTP POST /api/b responded 201 in 5 ms', 'HTTP GET /api/c responded 200 in 4 ms'];
    assert.match((await templatesOf(kavita, REFERENCE))[1], /^HTTP <\*> <\*> responded <\*> in /);
  });

  it("joins a structured record whose metadata gained a field on some lines, when its message field agrees", () => {
    // EMQX 5 (batch 8): OTP logger's metadata adds `clientid` once the process knows it.
    const raw = 'msg: raw_bin_received, mfa: emqx_connection:when_bytes_in/3, line: NAME, peername: NAME, bin: NAME, size: NAME, type: hex';
    const withClient = 'msg: raw_bin_received, mfa: emqx_connection:when_bytes_in/3, line: NAME, peername: NAME, clientid: test, bin: NAME, size: NAME, type: hex';
    assert.deepEqual(groups([raw, withClient]), [[0, 1]]);
    // Another message field: another statement, whatever fields it shares.
    assert.deepEqual(groups([raw, withClient.replace('raw_bin_received', 'mqtt_packet_received')]), [[0], [1]]);
    // No message field: the field may be what tells two statements apart (PAM's `… rhost=<*>` and `… user=<*>`).
    assert.deepEqual(groups(['check pass; logname= uid=NAME ruser= rhost=NAME tty=NAME', 'check pass; logname= uid=NAME ruser= rhost=NAME user=NAME tty=NAME']), [[0], [1]]);
  });

  // Batch 18's WALinuxAgent: the 2.2.4x daemon writes its component's name before the message (`INFO Daemon Wire protocol
  // version:2012-11-30`), the 2.2.1x one does not; the same statements in both.
  it("joins a message behind one plain word that the file shows in front of three or more messages also printed bare", () => {
    const bare = ['Wire protocol version:2012-11-30', 'Server preferred version:2015-04-05', 'ssh host key found at: /etc/ssh/ssh_host_rsa_key.pub', 'Finished provisioning'];
    const lines = [...bare, ...bare.map((message) => `Daemon ${message}`), 'Daemon RDMA capabilities are not enabled, skipping'];
    const miner = new TemplateMiner();
    const ids = lines.map((line) => miner.add(line));
    const final = ids.map((id) => miner.finalId(id));
    for (let i = 0; i < bare.length; i++) assert.equal(final[i], final[i + bare.length], lines[i + bare.length]);
    assert.equal(new Set(final).size, bare.length + 1);
    // In front of two messages only, a plain word is as often the sentence's own (`Upstream connection closed`).
    assert.deepEqual(groups(['connection closed by peer', 'Upstream connection closed by peer', 'request timed out after retry', 'Upstream request timed out after retry']), [[0], [1], [2], [3]]);
    assert.deepEqual(groups(['Wire protocol version:NAME', 'Daemon Wire protocol version:NAME', 'Server preferred version:NAME', 'Daemon Server preferred version:NAME', 'ssh host key found at: NAME', 'Daemon ssh host key found at: NAME']), [[0, 1], [2, 3], [4, 5]]);
  });

  // Mixed sources (mining37b): one statement printed bare by one set-up and behind a column of a word and a value
  // (a request id, a session, a pid) by another; the file shows that column before no other message.
  it('joins a message behind a run of a plain word and a value when the file prints it bare too', () => {
    assert.deepEqual(groups(['Starting serial link to the board', 'session NAME [NAME] Starting serial link to the board']), [[0, 1]]);
    assert.deepEqual(groups(['Reloaded the plugin list from disk', 'worker NAME NAME Reloaded the plugin list from disk']), [[0, 1]]);
    // Never printed bare: two statements may share their ending (`… <*> out of <*> segments are active.` / `… <*>
    // segments are active.`), so the run still needs the file's evidence.
    assert.deepEqual(groups(['session NAME [NAME] Starting serial link to the board', 'worker NAME [NAME] Starting serial link to the board']), [[0], [1]]);
    assert.deepEqual(groups(['pool: NAME out of NAME rollback segments are active.', 'pool: NAME rollback segments are active.']), [[0], [1]]);
    // A short message (`Connected`) is too common to prove one statement; a run without a value is the sentence's own.
    assert.deepEqual(groups(['Connected now', 'session NAME [NAME] Connected now']), [[0], [1]]);
    assert.deepEqual(groups(['link to the board is up', 'Serial link to the board is up']), [[0], [1]]);
  });
});
