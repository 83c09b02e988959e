// One statement whose value takes no token in some lines and one or more in others (patterns/value-spans.ts): an empty
// quoted value beside a quoted word, and a dump of `key=value` lines printed by one loop. Real lines from the excerpts'
// public reports, each with a neighbour that must stay apart.
import assert from 'node:assert/strict';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';

/** The templates the miner gives `messages`, one per message (in order). */
function templatesOf(messages: string[]): string[] {
  const miner = new TemplateMiner();
  const ids = messages.map((message) => miner.add(message));
  const text = new Map(miner.templates().map((t) => [t.id, t.template]));
  return ids.map((id) => text.get(miner.finalId(id)) as string);
}

/** How many templates the miner gives `messages`. */
function minedCount(messages: string[]): number {
  return new Set(templatesOf(messages)).size;
}

describe('value spans: a value of no token or of several is still one value', () => {
  it("reads an empty quoted value as the quoted value of the statement's other lines", () => {
    // Magento 2 (batch 9), Magento\Framework\View\Layout\ScheduledStructure: `Broken reference: the '%1' tries to reorder
    // itself towards '%2', but their parents are different: '%3' and '%4' respectively.`, %2 and %4 empty for an
    // element without a parent.
    const magento = [
      "Broken reference: the 'logo' tries to reorder itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'global.search' tries to reorder itself towards 'logo', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'user' tries to reorder itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'header' tries to reorder itself towards 'global.notices', but their parents are different: 'page.wrapper' and 'notices.wrapper' respectively.",
      "Broken reference: the 'page.breadcrumbs' tries to reorder itself towards 'notifications', but their parents are different: 'page.wrapper' and 'notices.wrapper' respectively.",
    ];
    const templates = templatesOf(magento);
    assert.equal(new Set(templates).size, 1);
    assert.equal(templates[0], "Broken reference: the '<*>' tries to reorder itself towards '<*>', but their parents are different: '<*>' and '<*>' respectively.");
  });

  it('keeps apart two sentences that differ in a word, empty quoted values or not', () => {
    // The same program's other statement about a missing element (`No element found with ID '%1'.`), written here
    // with an empty id beside a named one: the words around the quotes differ, so the statements do.
    assert.equal(minedCount([
      "Broken reference: the 'logo' tries to reorder itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'user' tries to reorder itself towards 'logo', but their parents are different: 'header' and 'main' respectively.",
      "Broken reference: the 'logo' tries to move itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: No element found with ID ''.",
      "Broken reference: No element found with ID 'checkout.header.wrapper'.",
      "Broken reference: No element found with ID 'page.top'.",
    ]), 3);
  });

  it("reads a name's empty argument list as the masked argument of the statement's other lines", () => {
    // Prefect 2.x (batch 12), engine: `logger.info(f"Finished in state {display_state}")`, the state's repr with its
    // message when it has one.
    const prefect = [
      'Finished in state Completed()',
      "Finished in state Completed('All states completed.')",
      'Finished in state Completed()',
      "Finished in state Failed('Flow run encountered an exception.')",
    ];
    const templates = templatesOf(prefect);
    assert.deepEqual(templates.slice(0, 3), Array(3).fill("Finished in state Completed('<*>')"), templates.join(' / '));
    // Another name with its argument is another state: it stays apart, as does a constant argument beside `()`.
    assert.notEqual(templates[3], templates[0]);
    assert.equal(minedCount(['worker stopped: reason()', 'worker stopped: reason(shutdown)']), 2);
  });

  it("joins an indented dump of options, one `--key='value'` line each, and one of keys the miner masked", () => {
    // Cilium (batch 9), daemon/cmd: the agent logs every option in a loop, `  --%s='%s'`, an empty value as `''`.
    const cilium = [
      "  --ipvlan-master-device='undefined'",
      "  --join-cluster='false'",
      "  --k8s-api-server=''",
      "  --k8s-force-json-patch='false'",
      "  --k8s-heartbeat-timeout='30s'",
      "  --k8s-kubeconfig-path=''",
      "  --k8s-namespace='kube-system'",
    ];
    assert.equal(minedCount(cilium), 1);
    // Neo4j (batch 1), DiagnosticsManager dumps the configuration `%s=%s`: the keys are masked where the values are
    // one token, and a value of two tokens (`100M size`) is the same line.
    const neo4j = [
      '[o.n.k.i.DiagnosticsManager] dbms.memory.heap.initial_size=512M',
      '[o.n.k.i.DiagnosticsManager] dbms.read_only=true',
      '[o.n.k.i.DiagnosticsManager] ha.host.coordination=69c565348cd9:5001',
      '[o.n.k.i.DiagnosticsManager] dbms.tx_log.rotation.retention_policy=100M size',
      '[o.n.k.i.DiagnosticsManager] dbms.logs.query.threshold=0',
      '[o.n.k.i.DiagnosticsManager] dbms.connector.bolt.listen_address=0.0.0.0:7687',
      '[o.n.k.i.DiagnosticsManager] dbms.allow_format_migration=true',
    ];
    assert.equal(minedCount(neo4j), 1);
  });

  it('joins a listing of `key: value` lines when it shows many keys spelt as names in code', () => {
    // slot24: Moonraker (batch 13, real lines): `for key, val in app_args.items(): logging.info(f"{key}: {val}")`.
    const moonraker = [
      'platform: Linux-5.15.111-1-pve-x86_64-with-glibc2.36',
      'data_path: /opt/printer_data',
      'is_default_data_path: False',
      'config_file: /opt/printer_data/config/moonraker.conf',
      'verbose: False',
      'asyncio_debug: False',
      'is_python_package: False',
      'instance_uuid: 814d0179c6fd4eb9ad7248b6c6b79fa6',
      'unix_socket_path: /opt/printer_data/comms/moonraker.sock',
      'log_file: /opt/printer_data/logs/moonraker.log',
      'msgspec_enabled: False',
      'uvloop_enabled: False',
    ];
    assert.equal(minedCount(moonraker), 1, templatesOf(moonraker).join(' / '));
    // Logstash (batch 2, real lines): the settings' values quoted or not; Envoy (batch 4): a heading that ends in a
    // colon (`runtime: layers:`) opens another listing and stays apart.
    const logstash = ['node.name: "Joaos-MBP-5.lan"', 'path.data: "/tmp/logstash/data"', 'modules.cli: []', 'config.test_and_exit: false', 'config.reload.automatic: false', 'config.reload.interval: 3000000000', 'config.support_escapes: false', 'metric.collect: true', 'pipeline.id: "main"', 'pipeline.workers: 4'];
    assert.equal(minedCount(logstash), 1, templatesOf(logstash).join(' / '));
    assert.equal(minedCount([...logstash, 'runtime: layers:']), 2);
    // A key marked by the program (Logstash's `*` before a setting the user set) is another statement's.
    assert.equal(minedCount([...logstash, '*config.string: "input { generator { count => 1 } }"']), 2);
  });

  it('keeps apart a few `key: value` lines, lines of prose keys, and a key before a sentence', () => {
    // FlexGet (batch 14, real lines): three statements that each write their key in the format.
    const flexget = ['sys.defaultencoding: ascii', 'sys.getfilesystemencoding: ISO-8859-1', 'os.path.supports_unicode_filenames: False'];
    assert.equal(minedCount([...flexget, ...flexget]), 3);
    // Unbound (real lines): six statements of one report, printed together in one second, each key once, as a loop
    // would print them (slot24b's review: neither the run nor the shared time tells them from a loop's dump).
    const unbound = ['last_queried: 0 Thu Jan  1 00:00:00 1970', 'last_success: 0 Thu Jan  1 00:00:00 1970', 'next_probe_time: 0 Thu Jan  1 00:00:00 1970', 'query_interval: 0', 'retry_time: 0', 'query_failed: 0'];
    assert.equal(minedCount(unbound), 6, templatesOf(unbound).join(' / '));
    // Made up: a component's name before its sentence is no setting, however many components.
    const components = [
      'load_ppd: read the driver file',
      'set_busy: printer state changed to busy now',
      'read_cache: loaded remote cache from disk',
      'write_cache: wrote the cache',
      'job_queue: accepted new job for printer',
      'net_ifs: scanned all network interfaces again',
      'dns_sd: registered service on local network',
      'ipp_auth: rejected request without credentials',
    ];
    assert.equal(minedCount(components), components.length, templatesOf(components).join(' / '));
    // Made up (review rev24m): Python's `%(name)s: %(message)s` with short messages in sentence case: each logger's
    // own statement, not a settings map (a setting's value is data: `False`, `4`, a path, a code name).
    const loggers = [
      'app.db: Connection lost',
      'app.cache: Cache warmed',
      'app.web: Server stopped',
      'app.scheduler: Jobs paused',
      'app.mailer: Relay unreachable',
      'app.search: Index rebuilt',
      'app.auth: Provider loaded',
      'app.worker: Shutting down',
      'app.queue: Backlog cleared',
    ];
    assert.equal(minedCount(loggers), loggers.length, templatesOf(loggers).join(' / '));
    const doing = ['app.db: Reconnecting', 'app.cache: Warming', 'app.web: Stopping', 'app.scheduler: Pausing', 'app.mailer: Retrying', 'app.search: Reindexing', 'app.auth: Refreshing', 'app.worker: Exiting', 'app.queue: Draining'];
    assert.equal(minedCount(doing), doing.length, templatesOf(doing).join(' / '));
  });

  it('keeps apart flush lines of one field each, which separate statements print with their key in the format', () => {
    // ZooKeeper (batch 1), ZooKeeperServer: `LOG.info("zookeeper.flushDelay={}", flushDelay)` and its neighbours,
    // one call per setting.
    assert.equal(minedCount([
      'zookeeper.flushDelay=0',
      'zookeeper.maxWriteQueuePollTime=0',
      'zookeeper.maxBatchSize=1000',
      'zookeeper.enableEagerACLCheck = false',
      'zookeeper.digest.enabled = true',
      'zookeeper.closeSessionTxn.enabled = true',
    ]), 6);
  });

  // break14: dumps printed under an INFO entry and under an ERROR one joined into one `    <*>=<*>`, so the error's
  // fields hid among the settings. One print statement has one level.
  it('field lines whose templates keep to different levels stay apart', () => {
    const miner = new TemplateMiner();
    const add = (message: string, level: 'INFO' | 'ERROR') => miner.finalId(miner.add(message, { level }));
    const request = ['    method=GET', '    path=/api/users', '    status=500'].map((m) => add(m, 'ERROR'));
    const config = ['    mode=production', '    workers=4', '    region=eu-1'].map((m) => add(m, 'INFO'));
    const byId = new Map(miner.templates().map((t) => [t.id, t]));
    for (const id of [...request, ...config]) {
      const levels = Object.keys(byId.get(miner.finalId(id))!.levels);
      assert.equal(levels.length, 1, `${byId.get(miner.finalId(id))!.template}: ${levels}`);
    }
    // The same dumps at one level are one loop's lines, as before.
    const one = new TemplateMiner();
    const ids = ['    mode=production', '    workers=4', '    region=eu-1', '    method=GET'].map((m) => one.add(m, { level: 'INFO' }));
    assert.equal(new Set(ids.map((id) => one.finalId(id))).size, 1, one.templates().map((t) => t.template).join(' / '));
  });

  it('reads the text after a label that ends a phrase as one value when its texts differ in length and words', () => {
    // frp (batch 10), client/service.go: `xl.Warn("login to server failed: %v", err)`, err a Go error chain or a word.
    const frp = [
      'login to server failed: DialTcpByHttpProxy error, StatusCode [500]',
      'login to server failed: dial tcp a.b.c.d:7000: connect: network is unreachable',
      'login to server failed: dial tcp 127.0.0.1:7000: connect: connection refused',
      'login to server failed: dial tcp 127.0.0.1:7000: connect: connection refused',
      'login to server failed: EOF',
    ];
    const templates = templatesOf(frp);
    assert.equal(new Set(templates).size, 1, templates.join(' / '));
    assert.equal(templates[0], 'login to server failed: <*>');
    // ntpd (batch 10), ntpd.c: `msyslog(LOG_INFO, "Command line: %s", cmdline)`, the daemon's arguments as given.
    const ntpd = ['Command line: ntpd -g -q', 'Command line: ntpd -gq', 'Command line: ntpd -I wwan0 -d 99', 'Command line: ntpd -n -q -p 203.107.6.88'];
    assert.deepEqual([...new Set(templatesOf(ntpd))], ['Command line: <*>']);
  });

  it('keeps apart texts after one label that the file prints again, or that open as sentences of their own', () => {
    // Each text printed on several lines: two wordings of the program's after one label, not one value.
    assert.equal(minedCount([
      ...Array(3).fill('upstream request failed: Connection refused'),
      ...Array(3).fill('upstream request failed: Connection reset by peer'),
    ]), 2);
    // ZED (batch 3): the diagnosis engine's own statements after its name, one line each.
    assert.equal(minedCount([
      'Diagnosis Engine: register module',
      'Diagnosis Engine: case opened (6ad8c46d-63ea-4f25-924b-7772c5db7294)',
      "Diagnosis Engine: opening case for vdev 1616964075280407541 due to 'ereport.fs.zfs.checksum'",
    ]), 3);
    // libvirt (batch 9): `internal error: %s` given two messages that each end in their own label and value.
    assert.equal(minedCount([
      'internal error: qemu unexpectedly closed the monitor: 2022-07-20T06:13:31.151467Z qemu-system-x86_64: -blockdev {x}: Could not open',
      'internal error: process exited while connecting to monitor: 2022-07-20T06:13:31.151467Z qemu-system-x86_64: Could not open',
    ]), 2);
  });

  it('reads two texts after one label as one value unless the wording of the program goes on past it', () => {
    // A word or a list, a name, a command: each handed to one `%s` (made-up lines of the shapes Mopidy, Jellyfin and
    // Sway print, batches 9, 2 and 14).
    assert.deepEqual([...new Set(templatesOf(['Loaded plugins: none', 'Loaded plugins: alpha, beta-two, gamma, delta']))], ['Loaded plugins: <*>']);
    assert.deepEqual([...new Set(templatesOf(['Host platform: Plan9', 'Host platform: Debian 13.1 stable']))], ['Host platform: <*>']);
    assert.equal(minedCount(['Startup command: bind $key Alt', 'Startup command: run "wait 5 && quit"']), 1);
    // A value after the label, then each statement's own words: two statements (`pid: %d exit with SUCCESS.` and
    // `pid: %d exits with status %d`).
    assert.equal(minedCount(['Worker process with pid: 411 exit with SUCCESS.', 'Worker process with pid: 412 exits with status 3']), 2);
    // The same words after the value in both: the texts differ further on, in a value.
    assert.equal(minedCount(['Cache entry with key: 9f1 and tags default, cart_index: not valid', 'Cache entry with key: 9f2 and tags onecolumn: not valid']), 1);
    // A second sentence the program adds in one branch: two statements (`…: enabled` / `…: disabled. Enable with …`).
    assert.equal(minedCount(['Fast rebuild: enabled', 'Fast rebuild: disabled. Turn it on with --fast']), 2);
  });

  it('reads a label that ends a line as the same label with its value printed empty', () => {
    // `Client hooks: %s` given an empty list on one line (made-up lines of the shape Sidekiq and Scrapy print).
    const templates = templatesOf(['Client hooks:', 'Client hooks: Audit::Client, Retry::Client', 'Client hooks: Tracing::Client']);
    assert.deepEqual([...new Set(templates)], ['Client hooks: <*>']);
    // Texts the file prints again after the label are wordings of the program's, the bare label a heading of its own.
    // Each must hold many lines: two words a few times each after a label's `: ` are that label's values (merge24's
    // label slot, miner.ts isLabelValueSlot; this case held 3 lines each before and failed on lead24 after the merge).
    assert.equal(minedCount(['Upstream status:', ...Array(12).fill('Upstream status: healthy'), ...Array(12).fill('Upstream status: degraded')]), 3);
    // After one word the label is a topic (`Error:`), not a phrase's.
    assert.equal(templatesOf(['Error:', 'Error: disk full', 'Error: quota exceeded for user'])[0], 'Error:');
  });

  it('keeps apart a text that another statement extends with a part of its own', () => {
    // ghostunnel (batch 2): `closed pipe: %s <-> %s` in one version, with ` [forwarded …, returned …, open …]` in a later.
    assert.equal(minedCount([
      'closed pipe: tcp:103.56.62.6:50014 [CN=zj1.cu.xlddns.xyz] <-> tcp:127.0.0.1:10111 [no tls]',
      'closed pipe: tcp:103.56.62.6:50016 [CN=zj1.cu.xlddns.xyz] <-> tcp:127.0.0.1:10111 [no tls]',
      'closed pipe: tcp:127.0.0.1:57373 [CN=client] <-> tcp:127.0.0.1:8004 [no tls] [forwarded 398.3 KiB, returned 0 bytes, open 1.507570916s]',
      'closed pipe: tcp:127.0.0.1:57374 [CN=client] <-> tcp:127.0.0.1:8004 [no tls] [forwarded 12.1 KiB, returned 0 bytes, open 0.2s]',
    ]), 2);
    // libvirt (batch 9): the version alone, and the version with one more field, printed by another call.
    assert.equal(minedCount([
      'libvirt version: 1.2.2',
      'libvirt version: 10.0.0',
      'libvirt version: 6.0.0, package: 0ubuntu8.15 (Christian Ehrhardt <christian.ehrhardt@canonical.com> Thu, 18 Nov 2021 10:23:11 +0100)',
    ]), 2);
  });

  it("reads an object's name before its identifier in parentheses as one value, in whatever words it is written", () => {
    // Moodle 3.x (batch 11), lib/cronlib.php: `mtrace("Execute scheduled task: " . $task->get_name() . " (" .
    // get_class($task) . ")")`, the name translated to the site's language (Dutch here), and the same after the task.
    const moodle = [
      'Execute scheduled task: Check for users that need to recomplete (local_recompletion\\task\\check_recompletion)',
      'Scheduled task complete: Check for users that need to recomplete (local_recompletion\\task\\check_recompletion)',
      'Execute scheduled task: Bereken algemene voltooiingsgegevens (core\\task\\completion_regular_task)',
      'Scheduled task complete: Bereken algemene voltooiingsgegevens (core\\task\\completion_regular_task)',
      'Execute scheduled task: Systeem: oude sessies opschonen (core\\task\\session_cleanup_task)',
      'Scheduled task complete: Systeem: oude sessies opschonen (core\\task\\session_cleanup_task)',
      'Execute scheduled task: Award badges (core\\task\\badges_cron_task)',
      'Scheduled task complete: Award badges (core\\task\\badges_cron_task)',
    ];
    const templates = templatesOf(moodle);
    assert.deepEqual([...new Set(templates)], ['Execute scheduled task: <*>', 'Scheduled task complete: <*>']);
  });

  it("reads an object's name and version before its class in square brackets as one value", () => {
    // A plugin loader's `Loaded plugin: %s` of a plugin object written `name version [class]` (made-up lines of that
    // shape): names of one to three words, each with its class.
    const plugins = [
      'Loaded plugin: Disk Quota 2.1.0 [org.example.quota.DiskQuotaPlugin]',
      'Loaded plugin: Mailer 1.4.2 [org.example.mail.MailerPlugin]',
      'Loaded plugin: Remote Audit Trail 0.9.1-rc.2 [com.example.audit.AuditTrailPlugin]',
      'Loaded plugin: Disk Quota 2.2.0 [org.example.quota.DiskQuotaPlugin]',
      'Loaded plugin: Single Sign On 3.0.0 [org.example.sso.SsoPlugin]',
    ];
    assert.deepEqual([...new Set(templatesOf(plugins))], ['Loaded plugin: <*>']);
  });

  it('keeps apart texts before a word in square brackets, and texts before one class', () => {
    // A status word in brackets is the check's outcome, not an object's identifier.
    assert.equal(minedCount([
      'Health check finished: disk space [OK]',
      'Health check finished: memory use is high [WARN]',
      'Health check finished: swap nearly exhausted on host [FAIL]',
    ]), 3);
    // One class beside three texts: the texts are the statement's own wordings.
    assert.equal(minedCount([
      'Plugin state changed: started the run [org.example.mail.MailerPlugin]',
      'Plugin state changed: stopped [org.example.mail.MailerPlugin]',
      'Plugin state changed: failed with an error [org.example.mail.MailerPlugin]',
    ]), 3);
  });

  it('keeps apart texts before one identifier, and texts before a word in parentheses', () => {
    // One task's identifier beside three texts: the texts are the statement's own wordings, not the task's name.
    assert.equal(minedCount([
      'Scheduled task state: started the run (core\\task\\badges_cron_task)',
      'Scheduled task state: finished (core\\task\\badges_cron_task)',
      'Scheduled task state: failed with an error (core\\task\\badges_cron_task)',
    ]), 3);
    // A word in parentheses is a reason or a state, not an object's identifier.
    assert.equal(minedCount([
      'upstream connection closed: by peer (reset)',
      'upstream connection closed: after the deadline passed (timeout)',
      'upstream connection closed: refused (unreachable)',
    ]), 3);
  });

  it('joins a statement to its lines that end in a note of words in parentheses', () => {
    // A note a program appends with one `%s` that is empty when there is nothing to add (made-up lines of the shape of
    // `closed%s`, `loaded serial %u%s`): with and without it, one statement.
    const lines = [
      'session 12 closed',
      'session 14 closed (peer went away)',
      'session 19 closed (peer went away)',
      'session 23 closed',
      'table users: loaded revision 41',
      'table orders: loaded revision 7 (checksum verified)',
      'table items: loaded revision 9',
      'table carts: loaded revision 13 (checksum verified)',
    ];
    assert.equal(minedCount(lines), 2, templatesOf(lines).join(' / '));
  });

  it('joins a statement to its lines that end in a note after a quoted value', () => {
    // Superset (batch 11), Flask's CLI banner: ` * Serving Flask app "%s"` and, in another version, ` (lazy loading)`.
    const flask = [' * Serving Flask app "superset" (lazy loading)', ' * Serving Flask app "superset"', " * Serving Flask app 'superset'", ' * Environment: production'];
    assert.equal(minedCount(flask), 2, templatesOf(flask).join(' / '));
  });

  it('joins a statement to its lines that insert a clause of labelled details before the sentence goes on', () => {
    // HAProxy (batch 2, real lines): srv_append_status appends `, reason: %s`, `, info: "%s"`, `, check duration:
    // %ldms` when it has them, then `. %d active and …`; with and without the details, one statement each.
    const haproxy = [
      'Server csg-gateway/csggateway-app-2 is UP. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.',
      'Server vpn-tunnel/balena_vpn is UP, reason: Layer4 check passed, check duration: 0ms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.',
      'Server backend_api/resin_api_1 is UP, reason: Layer4 check passed, check duration: 0ms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.',
      'Server csg-gateway/csggateway-app-1 is DOWN. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
      'Server vpn-tunnel/balena_vpn is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
      'Server backend_api/resin_api_1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
    ];
    assert.equal(minedCount(haproxy), 2, templatesOf(haproxy).join(' / '));
    // The same kind, made up: a job's report with its optional details.
    const jobs = ['job 12 finished. 3 files written to the archive', 'job 14 finished, exit code: 0, took: 3s. 5 files written to the archive', 'job 19 finished, took: 8s. 2 files written to the archive'];
    assert.equal(minedCount(jobs), 1, templatesOf(jobs).join(' / '));
  });

  it('keeps apart a clause the text goes on after by too few words, one that is not labelled fields, and clauses at other levels', async () => {
    // Fewer than three words after the clause: the text may end in another statement's longer wording.
    assert.equal(minedCount(['job 12 finished, all files', 'job 13 finished, all files', 'job 14 finished, took: 3s, all files', 'job 15 finished, took: 8s, all files']), 2);
    // Words after the comma that are no `label: value` field are the sentence's own.
    assert.equal(minedCount(['backup of db1 done, 3 files written to the archive', 'backup of db2 done, 4 files written to the archive', 'backup of db1 done, but slowly, 3 files written to the archive', 'backup of db3 done, but slowly, 5 files written to the archive']), 2);
    // Details printed at another level than the bare text are another call.
    const lines = ['INFO check of web1 done. 3 servers left in the pool', 'INFO check of web2 done. 3 servers left in the pool', 'WARN check of web1 done, after: 2s. 2 servers left in the pool', 'WARN check of web3 done, after: 5s. 2 servers left in the pool'].map((line, i) => `2024-05-0${i + 1} 10:00:00 ${line}`);
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
    assert.equal(miner.templates().length, 2, miner.templates().map((t) => t.template).join(' / '));
  });

  // rev23's review of the rule above: a program's diagnostics name its options in sentences (git's `error: --cached and
  // --untracked cannot be used with --no-index`, `error: unknown option --frobnicate, see --help`); those are its own
  // words, two statements, not an argument vector.
  it('keeps apart sentences after a label that name options, and still joins argument vectors with positionals', () => {
    const errors = ['error: --cached and --untracked cannot be used with --no-index', 'error: unknown option --frobnicate, see --help'];
    assert.equal(minedCount(errors), 2, templatesOf(errors).join(' / '));
    const warnings = ['warning: --insecure given, using --insecure and --cacert', 'warning: --foo and --bar are deprecated and will be removed, use --baz'];
    assert.equal(minedCount(warnings), 2, templatesOf(warnings).join(' / '));
    // slot24's review: a short sentence names two options with fewer words between them than a command's positionals
    // (made up); its words in lower case outnumber its options, as no argument vector's do.
    const conflicts = ['error: option -x conflicts with -y', 'error: option -a requires -b'];
    assert.equal(minedCount(conflicts), 2, templatesOf(conflicts).join(' / '));
    // Cacti's rrdtool command lines (batch 4, two real messages and a made-up third of another length): a positional
    // after an option's value is argv's own.
    const rrd = [
      'CACTI2RRD: /usr/bin/rrdtool update /usr/share/cacti/site/rra/extra-2_bikovo-17_home10161_connections_264.rrd --skip-past-updates --template CONNECTIONS 1572942241:U',
      'CACTI2RRD: /usr/bin/rrdtool update /usr/share/cacti/site/rra/extra-2_bikovo-17_home10161_cpu_75.rrd --skip-past-updates --template CPU 1572942241:3',
      'CACTI2RRD: /usr/bin/rrdtool update /usr/share/cacti/site/rra/local_load_1min_5.rrd --skip-past-updates --template load_1min:load_5min:load_15min 1572942241:0.19:0.15:0.10',
    ];
    assert.equal(minedCount(rrd), 1, templatesOf(rrd).join(' / '));
  });

  it('reads a command line after a label as one value, whatever program and options it holds', () => {
    // Seafile and SDDM (batch 19, real messages): the controller and the display manager print the argument vector of
    // what they start after `spawn_process: ` and `Running: `.
    const seafile = [
      'spawn_process: ccnet-server -F /opt/yunohost/seafile/conf -c /opt/yunohost/seafile/ccnet -f /opt/yunohost/seafile/logs/ccnet.log -d -P /opt/yunohost/seafile/pids/ccnet.pid',
      'spawn_process: seaf-server -F /opt/yunohost/seafile/conf -c /opt/yunohost/seafile/ccnet -d /home/yunohost.app/seafile-data -l /opt/yunohost/seafile/logs/seafile.log -P /opt/yunohost/seafile/pids/seaf-server.pid',
      'spawn_process: /usr/bin/python2.7 -m wsgidav.server.run_server runfcgi --log-file /opt/yunohost/seafile/logs/seafdav.log --pid /opt/yunohost/seafile/pids/seafdav.pid --port 8080 --host localhost',
      'spawn_process: seaf-server -F /opt/seafile/conf -c /opt/seafile/ccnet -d /opt/seafile/seafile-data -l /opt/seafile/logs/seafile.log -P /opt/seafile/pids/seaf-server.pid -p /opt/seafile/seafile-server-11.0.13/runtime',
    ];
    assert.equal(minedCount(seafile), 1, templatesOf(seafile).join(' / '));
    const sddm = [
      'Running: /usr/bin/X :0 -auth /var/run/sddm/:0 -nolisten tcp -background none -noreset vt7',
      'Running: /usr/bin/X -auth /var/run/sddm/{0ff0e5d4-95cb-4e2b-876b-82e824caa573} -nolisten tcp -background none -noreset -displayfd 19 vt1',
      'Running: /usr/bin/X -nolisten tcp -background none -seat seat0 vt2 -auth /run/sddm/xauth_vTzuqk -noreset -displayfd 16',
    ];
    assert.equal(minedCount(sddm), 1, templatesOf(sddm).join(' / '));
  });

  it('keeps apart texts after a label that hold fewer than two options, and command lines at other levels', async () => {
    // Words after a label without options are the statements' own (made up).
    assert.equal(minedCount(['Running: backup of the home folder', 'Running: backup of the home folder', 'Running: restore -f now', 'Running: restore -f now']), 2);
    const lines = ['INFO starting the copy: rsync -a --delete /srv /mnt', 'INFO starting the copy: rsync -a --delete /srv /mnt', 'ERROR starting the copy: rsync -a -v --partial --delete /srv /mnt', 'ERROR starting the copy: rsync -a -v --partial --delete /srv /mnt'].map((line, i) => `2024-05-0${i + 1} 10:00:00 ${line}`);
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
    assert.equal(miner.templates().length, 2, miner.templates().map((t) => t.template).join(' / '));
  });

  it('reads a part in brackets that holds a value as one value, however many tokens its formatter gives it', () => {
    // slot24: xrdp (batch 8, real lines): g_sck_close's `Closed socket %d (%s)`, the address printed by its family.
    const xrdp = [
      'Closed socket 1 (AF_INET6 ::1 port 3350)',
      'Closed socket 9 (AF_INET6 :: port 5910)',
      'Closed socket 8 (AF_INET 127.0.0.1:3350)',
      'Closed socket 11 (AF_INET 127.0.0.1:3350)',
    ];
    assert.equal(minedCount(xrdp), 1, templatesOf(xrdp).join(' / '));
    // nginx (batch 6; the first and last real, the middle one's `(GCC)` left out): the compiler's version string
    // after `built by gcc %s`.
    const nginx = ['built by gcc 12.2.0 (Debian 12.2.0-14)', 'built by gcc 4.8.5 20150623 (Red Hat 4.8.5-44)', 'built by gcc 10.3.1 20210424 (Alpine 10.3.1_git20210424)'];
    assert.equal(minedCount(nginx), 1, templatesOf(nginx).join(' / '));
    // Made up: a square-bracketed part, the text going on after it.
    const jobs = ['task sync started [node 7] for user 12', 'task sync started [node 9 zone b] for user 15', 'task sync started [node 3] for user 40'];
    assert.equal(minedCount(jobs), 1, templatesOf(jobs).join(' / '));
  });

  it('keeps apart parts in brackets of words alone, parts after too few words, and parts at other levels', async () => {
    // Syncthing's kind (batch 11): words in parentheses name the condition, two statements as often as one.
    assert.equal(minedCount(['Ready to synchronize 11 (read-write)', 'Ready to synchronize 12 (read-write)', 'Ready to synchronize 13 (read only; no external updates accepted)', 'Ready to synchronize 14 (read only; no external updates accepted)']), 2);
    // A bracket after one word is as often a record's field or a tag as a value of a sentence.
    assert.equal(minedCount(['job [node 1] finished its work', 'job [node 2] finished its work', 'job [node 3 zone 7] finished its work', 'job [node 4 zone 9] finished its work']), 2);
    const lines = ['INFO socket closed (AF_INET 10.0.0.1:80)', 'INFO socket closed (AF_INET 10.0.0.2:80)', 'ERROR socket closed (AF_INET6 ::1 port 80)', 'ERROR socket closed (AF_INET6 ::2 port 80)'].map((line, i) => `2024-05-0${i + 1} 10:00:00 ${line}`);
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
    assert.equal(miner.templates().length, 2, miner.templates().map((t) => t.template).join(' / '));
  });

  it('keeps apart a note that holds a value, a note in square brackets, and notes at other levels', async () => {
    // A note with a value (a version) is a field the statement writes every time: without it, another statement.
    assert.equal(minedCount([
      ...Array(3).fill('worker pool started'),
      ...['worker pool started (pool/2.4.1)', 'worker pool started (pool/2.5.0)'],
    ]), 2);
    // A part in square brackets added at the end is as often another statement's record.
    assert.equal(minedCount([
      ...Array(3).fill('tunnel opened to upstream'),
      ...Array(3).fill('tunnel opened to upstream [no tls]'),
    ]), 2);
    // A note printed at another level than the bare text is another call.
    const lines = ['INFO backup finished', 'INFO backup finished', 'ERROR backup finished (with errors)', 'ERROR backup finished (with errors)'].map((line, i) => `2024-05-0${i + 1} 10:00:00 ${line}`);
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
    assert.equal(miner.templates().length, 2, miner.templates().map((t) => t.template).join(' / '));
  });

  it('reads a list after a label as one value when one of its items moves within the list', async () => {
    // vLLM 0.10 (batch 11), entrypoints/launcher.py: `logger.info("Route: %s, Methods: %s", path, ', '.join(methods))`,
    // every route of the API server at start-up, read through the tool's pass (the file's header learned).
    const lines = [
      '(APIServer pid=1) INFO 04-08 20:32:02 [launcher.py:37] Available routes are:',
      ...['/openapi.json', '/docs', '/docs/oauth2-redirect', '/redoc'].map((path) => `${path}, Methods: HEAD, GET`),
      ...['/tokenize', '/detokenize'].map((path) => `${path}, Methods: POST`),
      ...['/load', '/version', '/health', '/metrics', '/v1/models', '/ping'].map((path) => `${path}, Methods: GET`),
      '/ping, Methods: POST',
    ].map((message, i) => (i === 0 ? message : `(APIServer pid=1) INFO 04-08 20:32:02 [launcher.py:46] Route: ${message}`));
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
    assert.deepEqual(miner.templates().map((t) => t.count).sort((a, b) => b - a), [13, 1], miner.templates().map((t) => t.template).join(' / '));
  });

  it('keeps apart tails that a word added at their end extends, no item moving', () => {
    // A statement's own word after a comma keeps its place: `syncing` extends the text, it is no list's item.
    assert.equal(minedCount([
      ...Array(3).fill('Peer state: connected, syncing'),
      ...Array(3).fill('Peer state: connected'),
      ...Array(3).fill('Peer state: idle'),
    ]), 3);
  });

  it("reads a record whose fields come and go as one value when one of its keys moves", () => {
    // PhotoPrism (batch 11), internal/search/photos.go: `log.Infof("photos: found %s for %s [%s]", …, form.Serialize(),
    // …)`, the search form written field by field, the unset ones left out.
    const photoprism = [
      'found 28 results for photo:true dist:20 year:2019 month:7 count:60 offset:120 order:newest merged:true [26.069908ms]',
      'found 60 results for photo:true dist:20 year:2019 month:7 count:60 offset:60 order:newest merged:true [21.26049ms]',
      'found 60 results for photo:true dist:20 year:2019 month:7 count:60 order:newest merged:true [29.577238ms]',
      'found 60 results for photo:true dist:20 year:2019 count:60 offset:60 order:newest merged:true [24.219353ms]',
      'found 60 results for photo:true dist:20 year:2019 count:60 order:newest merged:true [31.451306ms]',
      'found 360 results for photo:true dist:20 count:360 order:newest merged:true [89.225876ms]',
      'found 60 results for photo:true dist:20 count:60 offset:60 order:newest merged:true [59.32206ms]',
      'found 60 results for photo:true dist:20 count:60 order:newest merged:true [48.170987ms]',
    ];
    assert.deepEqual([...new Set(templatesOf(photoprism))], ['found <*> results for <*>']);
  });

  it('keeps apart records extended by fields at their end, and records whose keys come in two orders', () => {
    // A field added at the end moves no key (joinFieldRecords). PAM's own (`… rhost=%s` / `… rhost=%s  user=%s`, which
    // Loghub's Linux labels two events) is set off by two blanks: no logfmt field of the record (joinEdgeFields).
    assert.equal(minedCount([
      'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4',
      'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220-135-151-1.hinet-ip.hinet.net  user=root',
      'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=207.243.167.114  user=guest',
    ]), 2);
    // The same keys in two orders are two statements' records, whatever fields each leaves out.
    assert.equal(minedCount([
      'request done: method=GET status=200 path=/a took=3ms',
      'request done: status=200 method=GET took=3ms',
      'request done: method=GET status=200 took=3ms',
    ]), 3);
  });

  it("reads the fields a structured logger adds at either end of a message's fields as one statement", () => {
    // cloudflared (batch 12), zerolog's console writer: `Unregistered tunnel connection` with the connection's index,
    // and in a later version its event and edge address after it.
    const cloudflared = [
      'Unregistered tunnel connection connIndex=2 event=0 ip=198.41.218.3',
      'Unregistered tunnel connection connIndex=1 event=0 ip=198.41.219.5',
      'Unregistered tunnel connection connIndex=3 event=0 ip=198.41.219.4',
      'Unregistered tunnel connection connIndex=2',
      'Unregistered tunnel connection connIndex=3',
    ];
    assert.equal(minedCount(cloudflared), 1);
    // AdGuard Home (batch 6), safesearch: the client's name before the count when the rules are a client's.
    assert.equal(minedCount([
      'reset rules count=258',
      'reset rules client=adguard count=258',
      'reset rules client=audiobookshelf count=258',
      'reset rules client=codeserver count=258',
    ]), 1);
    // Supabase Realtime (batch 13), Ecto's query log: the source table before the timings, the queue's after them.
    assert.equal(minedCount([
      'QUERY OK db=1.7ms queue=96.8ms idle=0.0ms',
      'QUERY OK source="tenants" db=6.9ms',
      'QUERY OK source="extensions" db=0.4ms',
      'QUERY OK db=0.4ms',
      'QUERY OK db=0.2ms',
    ]), 1);
  });

  it('keeps apart fields added inside a record, fields of a constant word, and fields a format string parts by a comma', () => {
    // A field added between two others is a version's own record (OpenLDAP's `RESULT tag= err= qtime= etime= text=`).
    assert.equal(minedCount([
      'search finished tag=101 err=0 nentries=1 text=none',
      'search finished tag=101 err=32 nentries=0 text=none',
      'search finished tag=101 err=0 qtime=0.000054 etime=0.000887 nentries=1 text=none',
    ]), 2);
    // A field whose value is one word may be the outcome (`result=denied`): the statements stay apart.
    assert.equal(minedCount([
      'login checked user=12 ip=10.0.0.1',
      'login checked user=13 ip=10.0.0.2',
      'login checked user=14 ip=10.0.0.3 result=denied',
    ]), 2);
    // SRS's `RTMP client ip=%s` beside `RTMP client ip=%s, fd=%d`: fields a format string writes with its own commas.
    assert.equal(minedCount(['RTMP client ip=192.168.1.15', 'RTMP client ip=10.4.7.85:37610, fd=14']), 2);
    // Two field sets the file prints again and again, a dozen lines each: two statements as far as the file can tell.
    const often = Array.from({ length: 12 }, (_, i) => [`tunnel connection closed index=${i}`, `tunnel connection closed index=${i} edge=10.0.0.${i}`]).flat();
    assert.equal(minedCount(often), 2);
  });

  it('reads what follows the `=` of a line that is one setting as its value, however many words it takes', () => {
    // JMeter (batch 11), the JVM's properties at start-up, `log.info("{}={}", name, value)`: one statement per key.
    const jmeter = [
      'java.vm.name=Java HotSpot(TM) 64-Bit Server VM',
      'java.vm.name=OpenJDK 64-Bit Server VM',
      'java.vm.name=OpenJDK 64-Bit Server VM',
      'os.name=Linux',
      'os.name=Windows Server 2019',
      'os.name=Linux',
    ];
    const templates = templatesOf(jmeter);
    assert.deepEqual([...new Set(templates)], ['java.vm.name=<*>', 'os.name=<*>']);
    // Blanks around the `=` (Sabnzbd's `Platform = %s`) are the same form when both lines write them.
    assert.equal(minedCount(['Platform = posix', 'Platform = Debian GNU/Linux 12 (bookworm)', 'Version = 4.0']), 2);
  });

  it('keeps apart settings of one key printed again and again, at different levels, or behind different text', async () => {
    // A dozen lines of each: a value the file prints again and again may be a state the statement names.
    const often = Array.from({ length: 12 }, () => ['mode=normal', 'mode=read only']).flat();
    assert.equal(minedCount(often), 2);
    // Another key, or a field after other words or in brackets, is another statement (joinFieldLines' to judge).
    assert.equal(minedCount(['os.name=Linux', 'os.arch=x86 64 bit', 'jvm os.name=Windows Server 2019', 'jvm os.name=Linux']), 4);
    assert.equal(minedCount(['closed pipe [CN=client] <-> tcp [no tls]', 'closed pipe [CN=client] <-> tcp [no tls] [forwarded 3 KiB, returned 0 bytes]']), 2);
    // Forwarder (batch 15): a request's trace id in front of each statement, `trace=2 closed CONNECT tunnel`.
    assert.equal(minedCount(['trace=2 attempting to establish CONNECT tunnel: www.google.com:443', 'trace=2 switched protocols, proxying CONNECT traffic', 'trace=2 closed CONNECT tunnel', 'trace=3 closed CONNECT tunnel']), 3);
    // A word then a sentence in lower case is a context field before a message (made up: who, then what happened),
    // however few lines each holds; a setting's words after its first are names.
    assert.equal(minedCount(['user=admin logged in', 'user=admin logged in', 'user=admin logged out from host1', 'user=admin logged out from host1']), 2);
    assert.equal(minedCount(['session=main opened', 'session=main closed by peer']), 2);
    assert.equal(minedCount(['os.name=Linux', 'os.name=Windows Server 2019']), 1);
    const lines = ['INFO cache=warm and ready', 'INFO cache=warm and ready', 'ERROR cache=cold', 'ERROR cache=cold'].map((line, i) => `2024-05-0${i + 1} 10:00:00 ${line}`);
    const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
    assert.equal(miner.templates().length, 2, miner.templates().map((t) => t.template).join(' / '));
  });

  // rev23's review of the context-field guard above: a setting whose value is free text in lower case (`description=
  // nightly backup job`, a job's or unit's description printed with one `%s`) repeats neither the word after `=` nor the
  // word after that, as a context field before a message does (`user=admin logged in` / `user=admin logged out …`).
  it('joins a setting whose values are free texts in lower case, words that recur in no other line of the key', () => {
    assert.equal(minedCount(['description=nightly backup job', 'description=weekly report export', 'description=hourly sync of mirrors']), 1);
    // The field recurring before other sentences, or a sentence recurring after other fields, is still a context field
    // (each line its own statement here: the per-position rule needs more than two users).
    assert.equal(minedCount(['user=admin logged in', 'user=admin logged out from host1', 'user=bob logged out from host2']), 3);
    assert.equal(minedCount(['task=backup finished in time', 'task=report finished late', 'task=sync failed']), 3);
  });

  // break19: a rule that joined fields coming and going after one message (a structured logger's context) made
  // `status=ok` (10) and `error=timeout` (10) one template whose examples all said ok; an outcome may live in a field.
  it('keeps a message apart by the fields it carries when a field may be the outcome', () => {
    // `status` and `error` follow several messages each (what made them look like the logger's context).
    const messages = ['job finished status=ok', 'job finished error=timeout', 'cache refreshed status=ok', 'upload done error=none', 'cleanup ran status=ok error=none', 'sync complete status=partial error=quota'];
    const lines = Array.from({ length: 60 }, (_, i) => `${messages[i % messages.length]} job=${i}`);
    const templates = templatesOf(lines);
    assert.notEqual(templates[0], templates[1], templates.join(' / '));
  });

  it('keeps apart fields that one message alone is seen with, and shared fields of different constant values', () => {
    // `user` follows one message only: it may be what tells two statements apart (PAM's `… rhost=%s` / `… user=%s`).
    assert.equal(minedCount([
      'session opened rhost=10.0.0.1',
      'session opened rhost=10.0.0.2 user=root',
      'session closed rhost=10.0.0.1',
      'session refused rhost=10.0.0.3',
    ]), 4);
    // `error` follows three messages, but the shared `status` holds an outcome in each: the statements stay apart.
    assert.equal(minedCount([
      'request done status=ok',
      'request done status=failed error="connection reset"',
      'upload done error="disk full"',
      'sync done error="timeout"',
    ]), 4);
  });

  it('reads a value printed empty mid-line as the value of the statement\'s other lines where the text shows its hole', () => {
    // ddclient (batch 17): `updating %s: unexpected status (%s)` with the host empty on one line, `updating : …`.
    const ddclient = [
      'FAILED:   updating host.domain.com: unexpected status (15)',
      'FAILED:   updating xxxxxx.dyndns-ip.com: unexpected status (2b)',
      'FAILED:   updating : unexpected status (0)',
    ];
    assert.deepEqual([...new Set(templatesOf(ddclient))], ['FAILED:   updating <*>: unexpected status (<*>)']);
    // Made-up lines of the other holes: a blank before a comma, empty brackets after a blank, an `=` with nothing after it.
    assert.equal(minedCount(['peer 10.0.0.1, state up', 'peer 10.0.0.2, state up', 'peer , state up']), 1);
    assert.equal(minedCount(['client (10.0.0.1) left', 'client (10.0.0.2) left', 'client () left']), 1);
    assert.equal(minedCount(['mail from <a@example.org> accepted', 'mail from <b@example.org> accepted', 'mail from <> accepted']), 1);
    assert.equal(minedCount(['login user=10.0.0.1 from console', 'login user=10.0.0.2 from console', 'login user= from console']), 1);
  });

  it('keeps apart a line that lacks a value where no hole shows, and one that lacks a constant word', () => {
    // Words on both sides of the missing value, joined by one blank: another wording (`Starting service`), not a hole.
    assert.equal(minedCount(['Starting 10.0.0.1 service', 'Starting 10.0.0.2 service', 'Starting service']), 2);
    // A constant word left out is the program's wording (`updating zone: …` / `updating : …`), not a value.
    assert.equal(minedCount(['updating zone: unexpected status', 'updating : unexpected status']), 2);
  });
  it("reads a name of several words between a label and the record's next field as one value (Playnite's plugins)", () => {
    // Playnite (batch 23), ExtensionFactory: `Loaded plugin: {name}, version {version}`, names of one to four words.
    const playnite = [
      'Loaded plugin: AmazonGames library integration, version 2.3',
      'Loaded plugin: DKG Theme Modifier, version 2.2.4',
      'Loaded plugin: Extra Metadata Loader, version 1.19',
      'Loaded plugin: DuplicateHider, version 3.7.1',
      'Loaded plugin: QuickSearch, version 2.11.6',
      'Loaded plugin: Game Pass Catalog Browser, version 2.5',
      'Loaded plugin: IGDB metadata provider, version 2.3',
      'Failed to load plugin: StartPage',
    ];
    const templates = templatesOf(playnite);
    assert.deepEqual([...new Set(templates.slice(0, 7))], ['Loaded plugin: <*>, version <*>']);
    assert.notEqual(templates[7], templates[0]);
    // Made-up: a disk's model of one to four words before its capacity, one-word models masked for their variety.
    assert.equal(minedCount([
      'Attached disk: Samsung SSD 870, capacity 500G',
      'Attached disk: Crucial MX500, capacity 1T',
      'Attached disk: WDC, capacity 2T',
      'Attached disk: Seagate, capacity 4T',
      'Attached disk: Kingston A2000 NVMe drive, capacity 1T',
    ]), 1);
  });

  it('keeps apart texts between a label and the next field where the file shows no value varying there', () => {
    // No one-<*> text at the place: constant wordings of their own (`up to date` / `out of sync`).
    assert.equal(minedCount(['Sync state: up to date, checked 3 files', 'Sync state: out of sync, checked 4 files']), 2);
  });
  it('reads a line that ends in a label as the statement printed with its value empty (Ryujinx `PreferredGpu set to:`)', () => {
    // Ryujinx (batch 18): `LogValueChange: {name} set to: {value}`, the GPU's name empty when none was chosen; the one
    // line shows its setting's name as a word, which the other lines show varying.
    const ryujinx = [
      'Configuration LogValueChange: EnableFileLog set to: False',
      'Configuration LogValueChange: ResScale set to: 1',
      'Configuration LogValueChange: GraphicsBackend set to: Vulkan',
      'Configuration LogValueChange: PreferredGpu set to:',
      'Configuration LogValueChange: AntiAliasing set to: SmaaLow',
    ];
    assert.deepEqual([...new Set(templatesOf(ryujinx))], ['Configuration LogValueChange: <*> set to: <*>']);
    // Made-up: the same with every other word alike.
    assert.equal(minedCount(['Default route via eth0 set to: 10.0.0.1', 'Default route via eth0 set to: 10.0.0.2', 'Default route via eth0 set to:']), 1);
  });

  it('keeps a line that ends in a label apart from lines that differ elsewhere when it is printed again', () => {
    // Two lines of the shorter form: a form the file prints again, not one line whose words could not vary.
    assert.equal(minedCount(['route eth0 set to: 10.0.0.1', 'route eth1 set to: 10.0.0.2', 'route wlan0 set to:', 'route wlan0 set to:']), 2);
  });
  it("reads a value's annotation in parentheses as left out, as the tokenizer does, once the word before is masked (Composer)", () => {
    // Composer (batch 17), `  - Locking %s (%s)`: the tokenizer reads `graham-campbell/manager` as a value and leaves
    // its version out; `doctrine/inflector` is a word it keeps, masked later for its variety, with its version kept.
    const composer = [
      '  - Locking doctrine/inflector (1.3.1)',
      '  - Locking graham-campbell/manager (v4.5.2)',
      '  - Locking illuminate/contracts (v7.6.1)',
      '  - Locking asm89/stack-cors (v2.3.0)',
      '  - Locking brick/math (0.12.3)',
      '  - Locking carbonphp/carbon-doctrine-types (3.2.0)',
      '  - Locking laravel/framework (v8.83.29)',
      'Generating autoload files',
    ];
    const templates = templatesOf(composer);
    assert.deepEqual([...new Set(templates.slice(0, 7))], ['  - Locking <*>']);
    assert.notEqual(templates[7], templates[0]);
  });

  it("keeps a parenthesised value after a constant word apart: a field the statement writes on every line", () => {
    assert.equal(minedCount(['server started', 'server started', 'server started (lighttpd/1.4.70)', 'server started (lighttpd/1.4.71)']), 2);
  });
});
