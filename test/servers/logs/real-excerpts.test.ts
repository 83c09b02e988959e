// Template mining on REAL log text pasted in public bug reports (test/fixtures/real-excerpts; sources and labelling
// rules in its README), measured through the built logs server's log_patterns as the Loghub evaluation does. The
// figures below are what log_patterns reached when each system was added; a change that lowers one by more than
// SLACK fails, so accuracy on real text the miner was never fitted to cannot drop silently. When a change lifts a
// system, raise its figure; a new system needs its figure here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { evaluateDirectory, formatErrors, formatTable, type EvaluationResult } from '../../../scripts/eval-loghub';

const DIR = join(__dirname, '../../fixtures/real-excerpts');
/**
 * GA through log_patterns per system, measured on 2026-11-30 (branch `realx`, miner of main at aecfbb6); raised on
 * 2026-11-30 by branch `accuracy`: Consul (single-quoted values), OpenSSHWindows (`::`), PostgreSQL (time zone after
 * a time), Tomcat (Windows path with spaces), Nginx (a signal's name after its number); by branch `realfix`:
 * MacLaunchd, Postfix (`name[pid]`, `host[address]` one variable); Etcd, KubeControllerManager, Systemd (a name of
 * one to three words ending the message), Nginx (`(core dumped)` after a number), OpenVPN (UPPER_CASE keys of values),
 * OpenSSHWindows (`w32_fcntl`: digits in a symbol's prefix), Tomcat (a unit after a bracketed number); by branch
 * `realfix2`: Servarr (NLog's `yy-M-d` short dates read as a time; the learned header kept when a line's date form differs),
 * DockerDaemon (key=value fields after a padded message one variable), WildFly (a thread name in parentheses with spaces is header),
 * Consul (a quote opening a sentence is a value), Elasticsearch (`OS[Mac OS X/…]`: a bracketed value of several words),
 * Kafka (`(reason: <prose>)`: the text after a label in parentheses); by branch `formmerge`: OpenVPN (a bracketed name
 * in front of one message is a header column's value); by branch `slots6` (a slot the statement fills in, judged by the
 * file): LinuxKernel (`usb 1-1: Product: <text>`: the text after a sentence's `: ` is its value), OpenVPN
 * (`Control Channel: <text>`).
 */
const BATCH_1: Record<string, number> = {
  Cassandra: 0.913, Celery: 0.917, Consul: 1, DockerDaemon: 1, Elasticsearch: 1, Etcd: 1,
  HomeAssistant: 0.62, Kafka: 1, KubeControllerManager: 1, LinuxKernel: 0.862, MacLaunchd: 1, MongoDB: 1,
  MySQL: 0.956, Nginx: 0.926, OpenSSHWindows: 1, OpenVPN: 0.905, Postfix: 0.571, PostgreSQL: 1, Prometheus: 1,
  Redis: 1, Servarr: 1, Spark: 0.833, Systemd: 0.931, Tomcat: 1, TorquePBS: 1, Vault: 1, WildFly: 1,
  WindowsCBS: 1, Xorg: 0.788, ZooKeeper: 1,
};
/**
 * Batch 2 (README), held out: GA through log_patterns measured on 2026-11-30 by branch `realx2` on the miner of main at
 * dd7079b, before anything was fixed for these systems (mean 0.672). Their failure kinds then led the header work of
 * branch `hdr2` (figures here are after it: mean 0.734; Unbound lost one line); raise a figure when a general change
 * lifts it. Branch `values`: Airflow (a field's value is a value: `dep_context=<*>`), Ghostunnel, Syncthing (a quoted
 * word is a value: `'AES'` / `'CHACHA'`, `"SNOOPY"`). Raised by branch `hdrforms`: Unbound (its own `unbound[pid:tid] level:` after the syslog time, learned
 * as the main header's extension; the syslog-wrapped form read to its inner level). Branch `formmerge` (one event behind two header forms is one
 * template, patterns/form-merge.ts): Keepalived, Pacemaker, Squid, Unbound. Branch `slots6`: NetworkManager (the text
 * after a sentence's `: ` is its value). Branch `hdr7`: PiholeFTL (an arrow standing alone after the header, ` -> `, is
 * neither header nor message).
 * Branch `slots7`: NetworkManager (an ellipsis ending a sentence, `Starting Network
 * Manager...`, makes no dotted name), Logstash (Ruby's Hash#inspect `{"id"=>"main", …}` is one value), PiholeFTL (each
 * label of a dumped counter, `-> Total DNS queries: <*>`, is its own statement), Kubelet (three CamelCase kinds with a
 * shared start, `NodeHas…`, are one variable), Traefik (JSON in a sentence and `{}` are one value).
 * Branch `merge15`: Slurm (`Jobs may be lost!` beside `Reservations may be lost`: a sentence's `!` keeps its word plain,
 * so the miner tells the statements apart by their words instead of masking the place at once).
 */
const BATCH_2: Record<string, number> = {
  Airflow: 1, BindNamed: 1, ClickHouse: 0.884, Containerd: 1, CoreDNS: 0.477, Fail2ban: 0.865,
  Ghostunnel: 0.649, Gitea: 0.917, HAProxy: 0.5, Jellyfin: 1, Jupyter: 1, Keepalived: 0.868, Kubelet: 1,
  Logstash: 1, Minecraft: 0.929, Mosquitto: 0.661, NetworkManager: 0.926, OpenStackNova: 1, Pacemaker: 0.931,
  PiholeFTL: 0.919, RabbitMQ: 0.808, Slurm: 0.813, Squid: 1, Syncthing: 0.947, Tor: 0.741, Traefik: 1,
  Unbound: 1, WpaSupplicant: 0.912, Zigbee2MQTT: 0.778,
};
/**
 * Batch 3 (README), held out for the session's final measure: GA through log_patterns measured on 2026-11-30 by branch
 * `realx3` on the miner of main at 301fddb, before anything was fixed for these systems (18; none is in batch 1,
 * batch 2 or the development set): mean 0.711. Figures here are after branch `hdr2`, whose changes came from batch 2's
 * failures and were not looked at on these systems (mean 0.725: Neo4j and Solr rose). Keep it out of the work that
 * tunes the miner. Raised by branch `values` (from batch 2's and 3's kinds): Nomad, Solr (the word values of key=value
 * fields are values of one event unless each holds many lines); by branch `hdrforms` (header forms and envelopes, from
 * batch 3's kind 1): Bluetoothd (bare `name[pid]:` tags, a lower-case month), Caddy (zap JSON in the journal, zap's
 * console columns), InfluxDB (zap's console lines among logfmt ones), ZED (a harness's clock before the header),
 * OpenLDAP (a month name not read; a
 * wrapper's second header form learned per file); by branch `formmerge` (one event behind two header forms is one
 * template, patterns/form-merge.ts): OpenLDAP.
 * Raised by branch `shape12` (patterns/value-spans.ts, from batch 9's kind 1): Neo4j (its diagnostics dump, one
 * `key=value` line per setting, is one statement once the miner masked a key, a value of two tokens with it), OpenLDAP
 * (an empty quoted value, `base=""`, is the quoted value of the statement's other lines).
 * Raised by branch `merge15`: CUPS (`as the default!` and `as the default.` are two statements: a sentence's `!`
 * leaves its word a plain word), Grafana (`Path Home` / `Path Data` / `Path Logs` / `Path Plugins`, three lines each,
 * once per start: words that recur in step are a repeated sequence's statements, not a variable's values).
 */
const BATCH_3: Record<string, number> = {
  Avahi: 1, Bluetoothd: 1, CUPS: 0.941, Caddy: 1, Ceph: 1, Dovecot: 0.583, Grafana: 1, InfluxDB: 1,
  Keycloak: 1, Lighttpd: 1, MariaDB: 0.94, NATS: 0.68, Neo4j: 1, Nomad: 0.886, OpenLDAP: 0.8, SSSD: 1,
  // Solr: `values` lifted it to 0.848, `hdrforms`' per-file header forms took the lift back (AutoCommit and
  // UpdateLog lines split by the logger column kept on some forms): back at its session-start figure, not chased.
  // Raised by branch `forms10`: a message printed once with its constants behind one header form joins its masked form
  // behind another (AutoCommit/UpdateLog lines).
  Solr: 0.909, ZED: 1,
};
/**
 * Batch 4 (README), held out for this session's honest measure: GA through log_patterns measured on 2026-11-30 by
 * branch `realx4` on the miner of main at 03b8d52 (the session's start), before anything was fixed for these systems
 * (none is in batches 1-3, the development set or Loghub): mean 0.606 over 20 systems. Keep it out of the work that
 * tunes the miner; raise a figure when a general change lifts it. Raised by branch `formmerge` (header forms merged
 * by the file's evidence, built from batches 2-3 without looking at batch 4): Asterisk, CockroachDB, Envoy, Exim,
 * PHPFPM, Salt, UWSGI, Vsftpd (mean 0.613 -> 0.668); with `hdrforms` and `values` merged beside it PM2 and Smartd
 * rose too (mean 0.690). Branch `slots6` (a filled-in slot judged by the file: three or more UPPER_CASE names with a
 * shared prefix are one enumeration, the text after a sentence's `: ` is its value, a signed count is a number):
 * Dnsmasq, HTCondor, Puppet, Smartd, Synapse, Zabbix (mean 0.719); PM2 (a lower-case key glued by a colon, `name:dd`,
 * frames its value; mean 0.731); Envoy (an empty text after a labelled value, `stream closed: 13,`), Jenkins (a bare
 * label's text beside its masked value, `webroot: <*>`; mean 0.744); GlusterFS, Zabbix (a bracket a sentence opens and the
 * message closes is one value: a field list, an SQL text; mean 0.747).
 * Raised by `hdr6` (a bracketed prefix glued to the first word, trailing blanks, a header read
 * must leave a message, a header column added or padded): Chrony, Exim, Gunicorn, Salt, Smartd, UWSGI (0.731 on their own). Together: mean 0.779, measured on the merge, where slots6's rule
 * for the text after a label needs three texts, not two: with two, held-out batch 5 fell 0.719 -> 0.705 (two
 * statements merged), so the figures two texts had given in batches 1-2 were set back to their measure (LinuxKernel
 * 0.923 -> 0.862, NetworkManager 0.926 -> 0.852, OpenVPN 1 -> 0.905; each still at or above where it started).
 * Raised by branch `net9` (patterns/form-merge.ts): Gunicorn (a message behind differently named columns, docker
 * compose's service names, is one statement when the file prints it bare too).
 * Raised by branch `hdr10` (header columns no reader knows, learned per file): Vsftpd (the `[user]` column written once
 * the user is logged in, cut where the file shows the same statements without it).
 * Raised by branch `forms10`: UWSGI (a message printed once with its constants behind one header form joins its form
 * with those values masked behind another).
 * Raised by branch `values16` (patterns/tokenize.ts): Salt 0.689 -> 0.867 (Python 2's dict repr, `{u'tgt_type': u'glob',
 * …}`, is one value as Python 3's `{'tgt_type': …}` is).
 */
const BATCH_4: Record<string, number> = {
  Asterisk: 0.721, Chrony: 0.962, CockroachDB: 0.885, Dnsmasq: 0.512, Envoy: 0.953, Exim: 0.462, GlusterFS: 0.957,
  Gunicorn: 1, HTCondor: 0.88, Jenkins: 1, Loki: 1, PHPFPM: 0.653, PM2: 1, Puppet: 0.818, Salt: 0.867,
  Smartd: 0.682, Synapse: 0.902, UWSGI: 0.9, Vsftpd: 1, Zabbix: 0.717,
};
/**
 * Batch 5 (README), held out for this session's honest measure: GA through log_patterns measured on 2026-11-30 by
 * branch `realx5` on the miner of main at 172ce53 (the session's start), before anything was fixed for these systems
 * (none is in batches 1-4, the development set or Loghub): mean 0.719 over 22 systems (median 0.790). Keep it out of
 * the work that tunes the miner; raise a figure when a general change lifts it. Raised by branch `hdr7`: Homebridge
 * (locale dates in brackets, an unpadded ISO date), Mumble (a level letter glued to the time, `<W>2021-…`), Varnish
 * (`Error: Child (N) died`: a parenthesis after a word on a line read alone is the message's), NodeRED (`25 Jan
 * 20:25:10 - [debug]`, busybox syslogd's `host daemon.debug tag:`), Kea (an RFC 5424 record padded with a second space).
 * Branch `slots7` (batch 5 usable for fixing): Frigate (`Starting Frigate...` beside `Starting migrations`: an ellipsis makes no dotted name), Sidekiq and
 * Terraform (a collection in its language's literal syntax, Ruby's `{:url=>…}` and Go's `[]string{…}`, is one value),
 * OctoPrint (a name of several words filled in mid-sentence, `Plugin Software Update is disabled.`), Mumble (a Windows
 * path with spaces and forward slashes, `C:/Program Files/…`, is one value), Telegraf (words after a label that fill
 * the same place in three statements, `output: influxdb` / `socket_writer`, are values). Branch `hdr8`: Suricata (a year-last
 * date with ` -- ` before its time, a level word in angle brackets `<Notice>`). Branch `slots9`: ClamAV (three or more
 * first words shaped as values, `main.cvd` / `daily.cld` / `bytecode.cld database is up-to-date`, are one variable).
 * Branch `slots10`: Suricata (three names each also filling the same place in another statement, `fast` / `eve-log` /
 * `stats output device (regular) initialized: <file>` in two versions' wordings, are one variable: sharedNames).
 */
const BATCH_5: Record<string, number> = {
  ArgoCD: 1, CalicoFelix: 0.844, ClamAV: 0.836, Fluentd: 0.931, Frigate: 0.965, Homebridge: 0.809, NodeRED: 0.8,
  OctoPrint: 1, ProFTPD: 1, Rspamd: 0.625, Sidekiq: 1, StrongSwan: 0.52, Supervisord: 1, Suricata: 0.868,
  Telegraf: 1, Wazuh: 0.881, Kea: 1, Mumble: 0.946, Terraform: 1, Varnish: 0.714, Icinga2: 1, Prosody: 0.793,
};
/**
 * Batch 6 (README), held out in the session that built it: GA through log_patterns measured on 2026-11-30 by
 * branch `realx6` on the miner of main at 9ad2210 (the session's start), before anything was fixed for these systems
 * (none is in batches 1-5, the development set or Loghub): mean 0.650 over 20 systems (median 0.686). Keep it out of
 * the work that tunes the miner while it is the newest batch; raise a figure when a general change lifts it. Used for
 * fixing since batch 7 was built (batch 7 is the held-out measure now). Raised by the merge of `hdr7` and `slots7`: Syncoid.
 * Raised by branch `net9` (patterns/form-merge.ts: one statement, one template across its printed forms): GitLabRunner,
 * Mattermost, Navidrome (a console logger's fields after a padded message join the message its logfmt/JSON lines give
 * alone).
 * Raised by branch `hdr10`: GitLabRunner, Navidrome (the `key=value` fields a console formatter pads after the message,
 * logrus's TTY form, cut as the logfmt form of the same record keeps them out of the message).
 * Branch `slots9`: ActiveMQArtemis (a bracketed word and the last word after a label's `: ` that take three values,
 * `Protocol module found: [<*>]. Adding protocol support for: <*>`), Plausible (a first word shaped as a value and the
 * text after a label varying at once: `<*> (#PID<…>) failed to connect: <*>` for every DBConnection driver).
 * Branch `forms10`: QBittorrent, Transmission (a message printed once with its constants behind one header form joins its
 * form with those values masked behind another, form-merge.ts's `generalises`).
 * Branch `spans14` (value-spans.ts joinListTails): PaperlessNgx 0.825 -> 0.857 (Django's `Apply all migrations: admin,
 * auth, …`: a list after a label whose items move within it is one value).
 * Branch `forms15`: PaperlessNgx 0.857 -> 0.937 (supervisord's bare lines and their docker compose copies: a `name:` the
 * file's header reads as the component on the compose lines is the component where the bare line's header stops).
 * Branch `values16` (patterns/tokenize.ts): QBittorrent 0.565 -> 0.729 (a sentence's `.` after a quoted value is
 * punctuation whatever the value: `IP: "fe80::…%tun0". Port` and `IP: "127.0.0.1". Port` have one length).
 * Raised by branch `slot17` (patterns/tokenize.ts): Coturn 0.433 -> 0.6 (an empty `realm=<>` is an empty value, so its
 * lines keep the length of `realm=<myrealm>`'s).
 */
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// QBittorrent 0.729 -> 0.859, Transmission 0.878 -> 0.918.
const BATCH_6: Record<string, number> = {
  CloudInit: 0.579, Coturn: 0.6, Ejabberd: 0.475, FreeRADIUS: 0.155, GitLabRunner: 1, Kamailio: 0.943,
  Mattermost: 1, NUT: 0.596, Pulsar: 1, QBittorrent: 0.859, Snapcast: 0.897, Syncoid: 0.769, Transmission: 0.918,
  ActiveMQArtemis: 0.92, AdGuardHome: 0.889, Flink: 0.786, Immich: 1, Navidrome: 0.714, PaperlessNgx: 0.937, Plausible: 1,
};
/**
 * Batch 7 (README), held out for this session's honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx7` on the miner of the session's start (servers/** as at 72323e3), before anything was fixed for these
 * systems (none is in batches 1-6, the development set or Loghub): mean 0.789 over 23 systems (median 0.840). Keep it
 * out of the work that tunes the miner; raise a figure when a general change lifts it.
 * Lowered on the merge of `hdr10` and `net9` (2026-12-01): Headscale 0.864 -> 0.818. Its 2021 Go log line
 * `[machine] Client is ready to access the tailnet` and its 2022 zerolog line of the same words with `handler=`/`machine=`
 * fields are now one template: the header column is cut and the fields are the record's, so the two versions' calls
 * read as one statement, which the labels keep apart (one call, one event). Read by the lead to find this cause, so
 * Headscale's two lines are no longer unseen. Raised on the merge of `slots9` (value slots judged by the file, built from
 * batches 1-6 without looking at batch 7): UptimeKuma 0.543 -> 0.743.
 * Raised after measuring, by the general rules of branch `slot20` (an empty value's hole, a request's root path and
 * method, `name@host`; built on studied batches, blind to this batch; only its GA per system was seen, in slot20's one
 * gate run): Headscale 0.818 -> 0.909, Odoo 0.434 -> 0.585.
 * Raised after measuring, by the general rules of branch `merge22` (rulers, HTTP request methods, a plain-word name
 * column, a note in parentheses, a padded settings dump; built on studied batches, blind to this batch; only its GA per
 * system was seen, in merge22's one gate run): Headscale 0.909 -> 0.955; back to 0.909 when isMethodFamily came to
 * need three methods (two are as often two statements; held-out MotionEye of batch 20 fell 0.82 -> 0.64 by two).
 */
const BATCH_7: Record<string, number> = {
  Authelia: 0.68, Certbot: 0.931, ESPHome: 1, Filebeat: 0.865, FluentBit: 0.939, HBase: 0.92, Headscale: 0.909,
  Jicofo: 0.625, K3s: 0.939, Kibana: 1, Kodi: 0.759, Longhorn: 1, Metabase: 0.848, Nextcloud: 0.393,
  NginxProxyManager: 0.956, Odoo: 0.585, Plex: 0.635, Podman: 0.776, Rclone: 0.839, Tailscale: 0.814, Teleport: 0.929,
  UptimeKuma: 0.743, Vector: 0.84,
};
/**
 * Batch 8 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx8` on the miner of main at 43a4c3c (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-7, the development set or Loghub): mean 0.632 over 22 systems (median
 * 0.615). Keep it out of the work that tunes the miner; raise a figure when a general change lifts it. Raised on the
 * merge of `net9`, `hdr10` and `slots9` (built from batches 1-6, before batch 8 existed): MagicMirror 0.81 -> 1. Its
 * LinkerdProxy lines were read by the lead when `slots9` lowered it (0.846 -> 0.731: a tracing span's `new`/`enter`/`exit`
 * after its target read as one value); that rule was mended in general, and LinkerdProxy is no longer unseen.
 * Released on 2026-12-01 (session 10): the lead read realx8's failure report (the kinds of wrong grouping it found, with
 * examples), so batch 8 is no longer unseen; it is a studied batch like 1-6 from here on, and batch 9 is held out.
 * Raised by branch `slots10`: BitcoinCore 0.568 -> 0.795 (first words that open the same two frames, `%s thread start`
 * and `%s thread exit`, and nothing else are names the statements were given: mergeLeadingShared; removed again on
 * 2026-12-01 when break10 showed verbs over names merged by it, `Starting/Stopping/… nginx service`: back to 0.568), Kavita 0.595 ->
 * 0.73 (free text of several words inside a long sentence repeated around it, `Skipped File Scan for <path> as it
 * hasn't changed since last scan`: mergeFramedTexts), SonarQube 0.5 -> 0.583 (a word in square brackets glued to a
 * name is its value, as in parentheses: `Process[web] is stopped`), Trino 0.517 -> 0.621 (three plugin names that
 * several statements were given, `-- Loading plugin tpch --` / `Registering connector tpch` / `-- Finished loading plugin
 * tpch --`, are one variable: sharedNames).
 * Raised by branch `forms10`: OpenHAB 0.324 -> 0.706 (`<item> changed from <a> to <b>` of openhab.log's `[logger] - `
 * form joins the Karaf console's pipe-delimited lines of the same event, printed once with their constants); Kavita
 * 0.595 -> 0.811 (`HTTP <METHOD> <path> responded …`: a request's method and path are one value pair); EMQX 0.455 -> 0.545
 * (`msg: raw_bin_received, …` with and without the `clientid` field its logger adds once known: one record).
 * Kavita 0.946 with both branches merged (each lifts a different statement of its file).
 * Raised by branch `values16` (patterns/tokenize.ts: a name whose parts `::` joins is one token, as a dotted one is):
 * Rails 0.326 -> 0.442 (`Processing by Hyrax::HomepageController#index as HTML` beside `… WelcomeController#index …`),
 * LinkerdProxy 0.846 -> 0.923 (the Rust target `linkerd2_app_core::serve:` a lead column as `linkerd2_app:` is).
 */
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// Hostapd 0.636 -> 0.932.
const BATCH_8: Record<string, number> = {
  CouchDB: 0.871, LinkerdProxy: 1, OpenHAB: 0.706, PgBouncer: 1, Sabnzbd: 1, Netdata: 0.783,
  NexusRepository: 1, Vaultwarden: 0.759, FRRouting: 0.52, Hostapd: 0.932, SonarQube: 0.583, Harbor: 1, Roundcube: 0,
  Trino: 0.897, BitcoinCore: 0.795, Velero: 1, Kavita: 0.946, MagicMirror: 1, EMQX: 0.545, Rails: 0.512,
  Verdaccio: 0.238, Deluge: 0.872,
};
/**
 * Batch 9 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx9` on the miner of main at ef55fa4 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-8, the development set or Loghub): mean 0.708 over 23 systems (median
 * 0.714). Keep it out of the work that tunes the miner; raise a figure when a general change lifts it.
 * Raised on the merge of `forms10` (built from batches 1-6 and 8, without looking at batch 9): VerneMQ 0.679 -> 0.929
 * (a structured record with a message field is one statement with or without one more metadata field).
 * Released on 2026-12-01 (session 12): the lead read realx9's failure report (the kinds of wrong grouping it found, with
 * examples), so batch 9 is no longer unseen; it is a studied batch like 1-6 and 8 from here on, and batches 7 and 10
 * (and batch 11, built in the same session) are held out.
 * Raised by branch `forms12`: CertManager 0.355 -> 0.742 (klogr's text records: the `"msg"` text is the message and the
 * logger's name the component; a log shipper's `<time> | <host> | <container> | <line>` table read to the line),
 * Mopidy 0.457 -> 0.717 (indented log-file lines with their own date are entries; `[MainThread] mopidy.ext`, a thread
 * and a dotted logger name, are lead columns), Monero 0.463 -> 0.815 (a name right before a source location,
 * easylogging's `global  src/daemon/p2p.h:63`, is a lead column, so tab- and space-separated lines meet).
 * Raised by branch `shape12` (patterns/value-spans.ts): Magento 0.714 -> 0.929 (an empty quoted value, `towards ''`,
 * is the quoted value of the statement's other lines).
 * Raised by branch `const12`: ScyllaDB 0.8 -> 0.914 (a run of words ending a message is a name only after a phrase of
 * two words in a row: `[shard <*>] init - creating tracing` / `creating snitch` / `starting tokens manager` keep apart,
 * a logger's name between filled-in values being no sentence), Monero 0.463 -> 0.481 (the same rule behind
 * `global <*> Initializing …`), Emby 0.891 -> 0.957 (the values of a `label: value, label: value` record are value
 * slots: `networkInterface: Ethernet wlan0, …` and `networkInterface: 0 tun0, …` are one statement), Libvirt 0.72 ->
 * 0.76 (a text after a label that goes on with `, package: ` is a record with one more field, another call: `libvirt
 * version: %s, package: %s` stays apart from `libvirt version: %s`). Libvirt 0.92 with `forms12` and `const12` merged
 * (forms12 reads libvirtd's `<pid>: info : ` columns, const12 keeps the record with one more field apart).
 * Raised by branch `slot17`: Traccar 0.167 -> 0.833 (format/header.ts: a bracket holding an arrow, `[T6a5e4999: gt06 <
 * 10.0.4.115]`, is the message's, not a header column, so received and sent frames are two statements; patterns/miner.ts:
 * lines that alternate directions join their own direction's template), Kong 0.568 -> 0.841 (patterns/variability.ts:
 * three or more shared-prefix UPPER_CASE names opening one same sentence, `KONG_PG_HOST ENV found with "…"`, are one
 * variable, as they are elsewhere in a message).
 * Raised by branch `merge18` (patterns/variability.ts namedElsewhere): FreeSWITCH 0.612 -> 0.796 (an enumeration's
 * values that statements of other shapes were given, `State HANGUP` and `State HANGUP going to sleep`, are one variable).
 * Raised by branch `header19` (format/header.ts): Kong 0.841 -> 0.864 (a line behind a docker compose prefix that the
 * main header does not read is read after the prefix by the main header, not by a form that stops at the level).
 * Raised by branch `mining33` (patterns/tokenize.ts): Cilium 0.714 -> 1 (an option whose segments each hold one digit
 * after letters, `--k8s-require-ipv4-pod-cidr='false'`, is a name as `ipv4` alone is, not an id masked with its value).
 */
const BATCH_9: Record<string, number> = {
  Geth: 0.95, CertManager: 0.742, Cilium: 1, Corosync: 0.855, Libvirt: 1, Meilisearch: 0.783, LND: 1,
  ScyllaDB: 0.914, FreeSWITCH: 0.857, Graylog: 0.936, VerneMQ: 0.929, Mopidy: 0.891, Emby: 0.957, Chef: 0.818,
  Magento: 1, Traccar: 0.833, Monero: 0.815, CalibreWeb: 1, Komga: 1, Kong: 0.864, SpamAssassin: 0.906,
  PostgREST: 1, RocketChat: 1,
};
/**
 * Batch 10 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx10` on the miner of main at e669b78 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-9, the development set or Loghub): mean 0.745 over 23 systems (median
 * 0.815). Built blind to batches 7-9's failures while four other branches changed the miner; keep it out of the work
 * that tunes the miner; raise a figure when a general change lifts it.
 * Released on 2026-12-01 (session 13): the lead read realx10's failure report (the kinds of wrong grouping it found,
 * with examples), so batch 10 is no longer unseen; it is a studied batch like 1-6, 8 and 9 from here on, and batches 7
 * and 11 (and batch 12, built in the same session) are held out. Raised on 2026-12-01 by branch `spans13`
 * (value-spans.ts joinLabelTails: the text after a label that ends a phrase, three or more texts of several lengths,
 * not printed again, are one value): Frp (`login to server failed: ` an error chain or `EOF`), Ntpd (`Command line: `
 * arguments).
 * Raised by branch `slots13` (variability.ts, from this batch's kind 1): Dhcpcd (a run of words ending a message,
 * `probing for an IPv4LL address` at info beside `probing for <*>` at debug, is no filled-in name when the levels
 * differ). Its rules that made the word after `in` naming a mode (Puma, Ghost) and snake_case names inside a sentence
 * (Qdrant, Riak) values were reverted before landing: whatever the counts, they hid a rare outcome in the common one's
 * template (`ended in rollback` among `ended in commit`, `fraud_detected` among order events; break16).
 * Raised by branch `forms13` (session 13, realx10's kinds 3, 4 and 6): Jackett 0.111 -> 0.822 (a viewer's ISO time
 * glued to the program's `MM-dd time Level`: a colon-written offset may be followed by a glued date, both times and the
 * level are header), TiKV 0.571 -> 0.918 (a record wholly in brackets: its one quoted field is the message, the
 * `[key=value]` after it fields, format/bracket-records.ts), PdnsRecursor 0.842 -> 0.895 (a syslog host column never
 * takes `msg="Listening`, a word opening a quote it does not close). Its rule that a `name:` after the level which a
 * share of the form's lines lack is message text (NSQ 0.784, Kong 0.727) was reverted before landing: a file where a
 * few lines lack the logger's name lost the name column on every line (break16).
 */
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// Dhcpcd 0.775 -> 0.803, Qdrant 0.567 -> 0.7.
const BATCH_10: Record<string, number> = {
  Frp: 1, ExternalDNS: 0.917, TiKV: 0.959, Scrapy: 0.721, Ntpd: 0.727, Jackett: 0.822, Etherpad: 1, Monit: 1,
  Puma: 0.931, Istio: 0.808, Uvicorn: 1, Druid: 0.815, NSQ: 0.676, Dhcpcd: 0.803, Janus: 0.816, Xray: 0.857,
  PdnsRecursor: 0.895, Qdrant: 1, Riak: 0.852, Ghost: 0.864, Tautulli: 0.918, Matomo: 0.708, Strimzi: 0.556,
};
/**
 * Batch 11 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx11` on the miner of main at 4bd754e (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-10, the development set or Loghub): mean 0.682 over 22 systems (median
 * 0.706). Built blind to batches 7-10's failures while four other branches changed the miner. Released for study on
 * 2026-12-01 (fourteenth session), when batch 13 was built to take its place among the held-out batches.
 * Raised by branch `spans14` (value-spans.ts, realx11's kind 2 where a value spans several tokens): VLLM 0.333 -> 0.926
 * (`Methods: HEAD, GET` / `GET` / `POST`: a list after a label whose items move within it is one value), Moodle 0.7 ->
 * 0.95 (`Execute scheduled task: <name> (<class>)`: a name before a code identifier in parentheses that changes with
 * every name is the object's name, in whatever words or language).
 * Raised by branch `forms14` (kind 1: one statement in several renderings of one file is one message): Guacamole
 * 0.475 -> 0.95 (a program tag repeated behind its syslog tag is the inner line's header, rsyslog's `#011` a tab),
 * Authentik 0.485 -> 1 and Temporal 0.724 -> 0.897 (a logfmt-like console record's unquoted message runs over its bare
 * words; structlog's `event=` is its message key), Superset 0.458 -> 0.661 (Python's `LEVEL:logger:` glued to the
 * message is header where the file shows the text standing alone, format/glued-columns.ts), JMeter 0.678 -> 0.814 (a
 * Java class name with a colon is a lead column where the file shows its statements without it).
 * Raised by branch `merge18` (patterns/variability.ts sharedLeadingNames): ArangoDB 0.619 -> 0.952 (names that open one
 * statement and fill another mid-sentence, `agent not ready after 5min!` beside `Starting agent on port 8531`, are one
 * variable in both).
 * Raised by branch `header18`: PgpoolII 0.813 -> 0.975 (a word column some lines write inside the learned header,
 * `<time>: main pid 2543:` beside `<time>: pid 1:`, told by the header's literal word moved one place on them).
 * Raised by branch `header19` (format/header.ts): TeslaMate 0.767 -> 0.8 (compose lines read by the main header after
 * the prefix, as the program's bare lines are).
 */
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// PgpoolII 0.975 -> 1.
const BATCH_11: Record<string, number> = {
  PgpoolII: 1, Ollama: 0.855, VLLM: 0.926, Temporal: 1, MinIO: 0.871, TritonServer: 0.955, Vagrant: 1,
  RustDesk: 0.69, JMeter: 0.932, Ombi: 1, Superset: 1, Guacamole: 0.95, ZoneMinder: 0.818, PhotoPrism: 0.757,
  TeslaMate: 0.85, Airsonic: 0.933, Moodle: 0.95, Strapi: 0.471, Lemmy: 0.333, ArangoDB: 0.952, Jaeger: 0.857,
  Authentik: 1,
};
/**
 * Batch 12 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx12` on the miner of main at 3f4a381 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-11, the development set or Loghub): mean 0.708 over 20 systems (median
 * 0.719). Built blind to batches 7 and 11 and to the failures being fixed while three other branches changed the
 * miner. Released for study in session 15 (2026-12-02), when batch 14 was built: a studied batch from then on.
 * Raised by branch `forms15` (one statement in several renderings of one file): Tvheadend 0.73 -> 0.811 (a bracketed
 * level glued by a colon to the subsystem's `name:`, `[   INFO]:main:`, is the level column as `] ` is; a level-less
 * line's `name:` that the file's header reads as a component on other lines is its component).
 * Raised by branch `spans15`, by its patterns/tokenize.ts: MPD 0.321 -> 0.5 (a quoted path holding quotes of its own, `played "Bobby "Blue"
 * Bland/…"`, is one value); Prefect 0.708 -> 0.833 (a name's empty argument list, `Completed()`, beside the name with
 * one masked argument, `Completed('<*>')`, is one statement).
 * Raised by branch `merge15`: MPD (`process command list` is no value of `process command "%s"`: a bare word where a
 * statement quotes its value is another statement's text).
 * spans15's Cloudflared 0.656 -> 1 (context fields that come and go joined as one value) was reverted after break19:
 * `job finished status=ok` and `job finished error=timeout` became one template whose examples all said ok. Its
 * Overseerr 0.3 -> 0.633 (two capitalised words after a label read as a name) was reverted when it lowered held-out
 * batch 14's Ryujinx 0.585 -> 0.512.
 * Raised by branch `merged16` (patterns/miner.ts arrowsOf): Tezos 0.63 -> 0.848 (`--> close (271)` and `<-- close
 * (271)`, a frame sent and one received, were one template: an arrow standing alone is the statement's own text, and
 * two directions are two statements).
 * Raised by branch `slot17` (patterns/variability.ts mergeInnerRuns): Overseerr 0.3 -> 0.633 (a name of one to three
 * capitalised words filled in mid-sentence may be followed by the statement's own word and then values to the message's
 * end: `… for library: Hindi Movies {"lastScan":<*>}`); held-out batches 7 and 15 did not move, nor did Ryujinx.
 */
const BATCH_12: Record<string, number> = {
  Cloudflared: 0.875, Thanos: 0.733, Dex: 0.828, Prefect: 0.833, BIRD: 0.795, MPD: 0.571, Akka: 0.571, Tvheadend: 0.811,
  Stunnel: 1, ArchiSteamFarm: 1, Miniflux: 0.542, Overseerr: 0.633, Bazarr: 0.704, CardanoNode: 0.45,
  Tezos: 1, Munin: 1, Openfire: 1, Woodpecker: 1, Icecast: 1, Technitium: 0.905,
};
/**
 * Batch 13 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-01 by
 * branch `realx13` on the miner of main at eea8d42 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-12, the development set or Loghub): mean 0.700 over 21 systems (median
 * 0.708). Built blind to batches 7 and 12 and to the failures being fixed while three other branches changed the
 * miner. Released for study in session 16 (2026-12-02), when batch 15 was built: a studied batch from then on.
 */
// Raised by branch `merge22`: Radicale 0.697 -> 1 (patterns/variability.ts isMethodFamily: `PROPFIND request at … received`
// / `GET` / `REPORT` / `OPTIONS`, WebDAV's methods in tokenize.ts HTTP_METHODS), OBS 0.881 -> 0.925 (patterns/miner.ts
// isNoteSlot: a note in parentheses after a value, `source '…' (cut_transition) created`, three notes a variable).
const BATCH_13: Record<string, number> = {
  Nagios: 0.697, Dask: 1, Patroni: 0.75, SeaweedFS: 0.877, Hazelcast: 0.609, ZwaveJS: 0.569, FreshRSS: 0.846,
  SupabaseRealtime: 1, Watchtower: 1, Kanidm: 0.708, Amavis: 0.375, Collectd: 1, Duplicati: 0.132, Xrdp: 0.962,
  Radicale: 1, UniFi: 0.917, ProxmoxVE: 1, Jekyll: 1, Moonraker: 0.625, Nebula: 1, OBS: 0.925,
};
/**
 * Batch 14 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-02 by
 * branch `realx14` on the miner of main at 8d8a323 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-13, the development set or Loghub, nor a close cousin of one): mean 0.827 over
 * 24 systems (median 0.832). Built blind to batches 7 and 13 and to the failures being fixed while three other
 * branches changed the miner. Released for study in session 17 (2026-12-02), when batch 16 was built.
 */
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// NetBird 0.932 -> 1. (Dependabot: see the note on taken-out rules above BATCHES.)
const BATCH_14: Record<string, number> = {
  Ryujinx: 0.854, OpenVSwitch: 0.8, CrowdSec: 1, FlexGet: 0.714, PgProbackup: 1, Ray: 1, Locust: 0.903,
  Sway: 0.849, RetroArch: 0.892, Wine: 0.25, Milvus: 1, ShairportSync: 0.846, DorisFE: 0.913, Dependabot: 0.872,
  Aria2: 1, PeerTube: 0.919, Stalwart: 0.7, Friendica: 1, Lighthouse: 1, NetBird: 1, Invidious: 1, Rook: 1,
  Blockscout: 1, LyrionMusicServer: 0.92,
};
/**
 * Batch 15 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-02 by
 * branch `realx15` on the miner of main at cac465c (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-14, the development set or Loghub, nor a close cousin of one): mean 0.783 over
 * 22 systems (median 0.776). Built blind to batches 7 and 14 and to the failures being fixed while other branches
 * changed the miner. Released for study in session 18 (2026-12-02), when batch 17 was built: a studied batch from then on.
 */
const BATCH_15: Record<string, number> = {
  Audiobookshelf: 0.828, BuildkiteAgent: 0.765, Chocolatey: 1, Cyw43: 0.643, FileZillaServer: 0.545, Forwarder: 0.778,
  Gerbera: 0.875, Gerrit: 1, GoCD: 1, Haraka: 0.773, LibreNMS: 1, Liquidsoap: 0.644, Luanti: 1, ManticoreSearch: 0.763,
  Medusa: 1, MetalLB: 1, Polkadot: 0.077, SRS: 0.932, SoftEtherVPN: 1, Tasmota: 0.633, Tinyproxy: 0.724, ZNC: 0.632,
};
/**
 * Batch 16 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-02 by
 * branch `realx16` on the miner of main at a655ec4 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-15, the development set or Loghub, nor a close cousin of one): mean 0.792 over
 * 21 systems (median 0.786). Built blind to batches 7 and 15 and to the failures being fixed while other branches
 * changed the miner. Released for study in session 19 (2026-12-02), when batch 18 was built: a studied batch from then on.
 * Raised by branch `header19` (format/envelopes.ts): NimbusEth2 0.611 -> 1 (a search tool's file-name prefix glued to a
 * JSON record, grep's `node.2.jsonl:{…}`, is unwrapped and the record read as one).
 */
// Raised by branch `merge19` (patterns/variability.ts mergeMovedValues: words that stand at both places of a statement,
// a state machine's `init -> auth` / `auth -> assoc`, are its values): EspIdf, OpenSMTPD (`MTA_INIT -> MTA_BANNER`), and
// in batch 2 Pacemaker (`S_IDLE -> S_POLICY_ENGINE`), in batch 9 FreeSWITCH (`CS_NEW -> CS_INIT`); (miner.ts isPaddedSlot:
// a token the statement pads with runs of spaces is a value slot) Luigi (`task   %s   has status   %s`).
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// OpenSMTPD 0.771 -> 0.886.
// Raised by branch `hdr20` (format/lead-columns.ts: a Rust target, `surrealdb::kvs`, after the level without its colon is
// a logger column where the file's statements also stand without it): SurrealDB 0.607 -> 0.821.
// Raised by branch `levels21` (format/header.ts angleLevel: ModemManager's `<msg>`, its MESSAGE level, read as INFO):
// ModemManager 0.632 -> 0.737.
const BATCH_16: Record<string, number> = {
  ActionsRunner: 1, DatadogAgent: 0.923, Directus: 1, EspIdf: 0.833, Factorio: 0.744, HiveMQ: 1, Luigi: 1,
  MSSQLServer: 1, MediaMTX: 0.833, ModemManager: 0.895, NSClient: 1, Netclient: 0.909, NimbusEth2: 1, OpenSMTPD: 0.886,
  OtelCollector: 0.839, Postal: 0.7, Privoxy: 0.783, Redpanda: 1, Rsyslog: 0.786, SurrealDB: 0.821, Zulip: 1,
};
/**
 * Batch 17 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-02 by
 * branch `realx17` on the miner of main at e1b89e4 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-16, the development set or Loghub, nor a close cousin of one): mean 0.767 over
 * 21 systems (median 0.833). Built blind to batches 7 and 16 and to the failures being fixed while other branches
 * changed the miner. Released for study at the start of session 20 (2026-12-02), when batch 19 was to be built: a studied
 * batch from then on; its mean at release was 0.783 over 21 systems.
 */
// Raised after measuring, by a general rule of branch `merge18` (patterns/variability.ts namedElsewhere / shared first
// words, found on studied systems; measured per branch: only merge18's tree moves it): Nethermind 0.784 -> 1.
// Raised by branch `merge20` (patterns/masked-chunks.ts: a value masked whole on some lines and in part, printed empty
// or without letters on others, is one statement's value: `<*>` / `<*>:xx:xx:xx`, `[<*>]:XXXX` / `[::]:XXXX`):
// Ddclient 0.64 -> 0.84.
// Raised by branch `hdr20` (format/header.ts): AcmeSh 0.521 -> 0.958 (a script's bracketed `date` in a locale's words,
// `[mardi 3 janvier 2017, 11:53:28 (UTC+0100)]`, is a clock column read without a date); ROS2 0.78 -> 1 (a bracketed
// name closed by a colon after the file's header columns, `[talker-1] [INFO] [talker]:`, is header; of the file's forms,
// one that reads the line's time beats one that reads it as a plain bracket).
// Raised by branch `mine21` (patterns/value-spans.ts opensRelayedLine: texts after a label that open with their own tag
// or clock and padded column are a relayed log's lines, each its own statement; patterns/form-merge.ts: a padded
// `word: ` is a field run only when its text reads as fields): VirtualBox 0.75 -> 1.
// Raised by branch `merge22` (patterns/variability.ts mergeRulers: rulers of one mark in three or more lengths are one
// statement, a box sized to each title it frames): Fastlane 0.512 -> 0.837.
const BATCH_17: Record<string, number> = {
  AcmeSh: 0.958, Alacritty: 1, Besu: 1, Cacti: 0.5, Dagster: 1, Ddclient: 0.84, DnscryptProxy: 0.855,
  Domoticz: 0.917, Fastlane: 0.837, Hasura: 0.111, KOReader: 0.757, Meshtastic: 0.959, Nethermind: 1, Passenger: 1,
  ROS2: 1, SOGo: 0.941, Tdarr: 0.846, TeamSpeak: 0.868, Valheim: 1, VirtualBox: 1, Zephyr: 0.879,
};
/**
 * Batch 18 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-02 by
 * branch `realx18` on the miner of main at 51e3d79 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-17, the development set or Loghub, nor a close cousin of one): mean 0.834 over
 * 20 systems (median 0.9345). Built blind to batches 7 and 17 and to the failures being fixed while other branches
 * changed the miner. Released for study at the start of session 22 (2026-12-03), when batch 20 was to be built: a studied
 * batch from then on; its mean at release was 0.855 over 20 systems.
 */
// Raised after measuring, by a general rule of branch `merge19` (built blind to this batch; measured per branch: only
// merge19's tree moves it): Memcached 0.5 -> 0.913.
// Raised by branch `merge22`: WALinuxAgent 0.638 -> 0.897 (patterns/form-merge.ts: one plain word the file shows in
// front of three or more messages also printed bare is a name column, `Daemon Wire protocol version:<*>`), Motion 0.636 ->
// 0.879 (patterns/variability.ts mergePaddedKeys: a dump of bare keys padded to one column, `%-25s %s`, is one statement).
const BATCH_18: Record<string, number> = {
  BitwardenServer: 1, Buildbot: 0.94, FHEM: 0.735, FluxCD: 1, Ghostty: 0.929, I2pd: 0.963, IoBroker: 0.63,
  Memcached: 0.913, Motion: 0.879, NZBGet: 0.625, PSAppDeployToolkit: 1, PipeWire: 1, Portainer: 1, ProxySQL: 0.706,
  Rancher: 1, SSMAgent: 0.833, Solana: 0.75, TeamCity: 1, UBoot: 1, WALinuxAgent: 1,
};
/**
 * Batch 19 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-02 by
 * branch `realx19` on the miner of main at 5d3a699 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-18, the development set or Loghub, nor a close cousin of one): mean 0.755 over
 * 20 systems (median 0.778); Klipper, added last, was measured in a second run of the gate on the same build, which
 * gave the other 19 the figures of the first. Built blind to batches 7 and 18 and to the failures being fixed while
 * other branches changed the miner. Released for study at the start of session 23 (2026-12-03), when batch 21 was to be
 * built: a studied batch from then on; its mean at release was 0.755 over 20 systems.
 */
// Raised by branch `mining37a` (the miner's loose cores, patterns/form-merge.ts joinLooseCores: one constant word is
// enough when the text around it agrees and only the masked runs differ in length): Sunshine 0.855 -> 0.927 (`config:
// '<*>' = <*>` beside `config: '<*>`, a setting's key and value read as one value on some lines).
const BATCH_19: Record<string, number> = {
  BTCPayServer: 0.906, Flannel: 0.725, Hyprland: 0.741, Klipper: 0.818, LXD: 0.822, Librespot: 0.795, LightDM: 0.896,
  MiniDLNA: 1, NodeBB: 0.925, OAuth2Proxy: 0.381, OwnTone: 0.867, PterodactylWings: 1, SDDM: 1, Seafile: 1,
  Streamlink: 0.84, Sunshine: 0.927, TinyTinyRSS: 1, VictoriaMetrics: 0.719, WikiJS: 1, Zeebe: 0.182,
};
/**
 * Batch 20 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx20` on the miner of main at f608a5f (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-19, the development set or Loghub, nor a close cousin of one): mean 0.762 over
 * 20 systems (median 0.7715), from the first run of the gate with it. Built blind to batches 7 and 19 and to the
 * failures being fixed while other branches changed the miner. Released for study in session 24 (2026-12-03; mean
 * 0.762 then, the same as at its building), when batch 22 was to be built: its failures may be read from then on.
 */
const BATCH_20: Record<string, number> = {
  CoreLightning: 0.925, ElectrumX: 1, Evcc: 0.65, Falco: 0.851, HandBrake: 1, Helix: 0.522, I3: 0.593,
  Libreswan: 0.846, MotionEye: 0.82, NFSGanesha: 0.533, Osu: 0.75, Pacman: 1, Prysm: 1, PulseAudio: 0.872,
  RStudioServer: 1, SearXNG: 0.615, Tendermint: 0.935, VSCode: 0.634, Velocity: 0.654, Waybar: 1,
};
/**
 * Batch 21 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx21` on the miner of lead23 at 6bd607a (the start of the session that built it), before anything was
 * fixed for these systems (none is in batches 1-20, the development set or Loghub, nor a close cousin of one): mean
 * 0.741 over 20 systems (median 0.7555), from the first run of the gate with it. Built blind to batches 7 and 20 and to
 * the failures being fixed while other branches changed the miner. Released for study in session 25 (2026-12-03; mean
 * 0.755 then), when batch 23 was to be built: its failures may be read from then on.
 */
const BATCH_21: Record<string, number> = {
  Bareos: 0.667, DXVK: 0.583, ECSAgent: 0.953, Fwupd: 0.935, Gradle: 0.932, GStreamer: 0.889, Heroku: 0.667,
  JuiceFS: 0.778, KubeVirt: 0.867, LiteLLM: 0.68, LXC: 0.722, Misskey: 0.723, Mixxx: 1, Mpv: 0.946, SMAPI: 0.667,
  Talos: 0.8, TextGenerationInference: 0.833, TrafficServer: 0.914, VLC: 0.683, WinGet: 0.867,
};
/**
 * Batch 22 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx22` on the miner of lead24 at e4fa12b (the start of the session that built it), before anything was
 * fixed for these systems (none is in batches 1-21, the development set or Loghub, nor a close cousin of one): mean
 * 0.780 over 20 systems (median 0.799); GnomeShell and Borg, added last, were measured through the same build in a
 * second run over those two alone, the first run of the gate having given the other 18 (mean 0.768) their figures.
 * Built blind to batches 7 and 21 and to the failures being fixed while other branches changed the miner. Released
 * for study in session 26 (2026-12-03; mean 0.789 then), when batch 24 was to be built: its failures may be read from
 * then on.
 */
const BATCH_22: Record<string, number> = {
  Ansible: 0.842, Bazel: 0.714, Borg: 0.776, CocoaPods: 0.962, ComfyUI: 1, Composer: 0.757, Coreboot: 0.82,
  Dapr: 0.933, DeepSpeed: 0.911, GnomeShell: 1, HotSpotGC: 0.533, Karpenter: 1, MAVROS: 0.945, NCCL: 0.717,
  Nextflow: 0.944, Npm: 0.455, NuGet: 0.875, OpenOCD: 0.85, Picom: 0.923, Xen: 0.727,
};
/**
 * Batch 23 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx23` on the miner of lead25 at 1ad0105 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-22, the development set or Loghub, nor a close cousin of one): mean 0.798 over
 * 20 systems (median 0.889), 792 lines, 396 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 22 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 27 (2026-12-03; mean 0.798 then), when batch 25 was to be
 * built: its failures may be read from then on.
 */
const BATCH_23: Record<string, number> = {
  BepInEx: 0.917, Cemu: 0.9, Cura: 0.948, InvokeAI: 1, Kyverno: 1, Mealie: 1, Moonlight: 0.959, MultipathTools: 1,
  MythTV: 0.543, Ntfy: 1, OpenWebUI: 0.487, PCSX2: 0.739, Playnite: 1, Quickwit: 1, Rasa: 1, Reth: 0.875, RPCS3: 0.922,
  SignalDesktop: 0.938, TelegramDesktop: 1, Yuzu: 0.903,
};
/**
 * Batch 24 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx24` on the miner of lead26 at fcf2b03 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-23, the development set or Loghub, nor a close cousin of one): mean 0.710 over
 * 20 systems (median 0.754), 706 lines, 388 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 23 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 28 (2026-12-03; mean 0.710 then), when batch 26 was to be
 * built: its failures may be read from then on.
 */
const BATCH_24: Record<string, number> = {
  Concourse: 0.886, ContikiNG: 1, Dolibarr: 0.889, ErsatzTV: 0.938, Firefox: 1, FlareSolverr: 0.921, Gluetun: 0.75,
  Joplin: 0.875, KEDA: 0.522, LANraragi: 0.875, Lavalink: 0.879, Lsyncd: 0.758, OPTEE: 0.5, Osquery: 0.667,
  Recyclarr: 0.667, TrustedFirmwareA: 0.763, Vikunja: 1, YtDlp: 1, Zammad: 0.613, Zed: 0.95,
};
/**
 * Batch 25 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx25` on the miner of lead27 at 6d40031 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-24, the development set or Loghub, nor a close cousin of one): mean 0.716 over
 * 20 systems (median 0.791), 692 lines, 324 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 24 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 29 (2026-12-04; mean 0.716 then), when batch 27 was to be
 * built: its failures may be read from then on.
 */
const BATCH_25: Record<string, number> = {
  AzureIoTEdge: 0.964, Blocky: 0.75, Capistrano: 0.088, Clangd: 0.623, CollaboraOnline: 1, Dropbear: 1, Firecracker: 0.667,
  Flutter: 0.711, Go2rtc: 0.565, IntelliJIDEA: 0.679, MkDocs: 0.827, OnlyOffice: 1, PrusaSlicer: 1, Renovate: 1,
  RethinkDB: 0.778, SeleniumGrid: 0.882, Squeezelite: 1, Symfony: 1, Trivy: 0.923, UrBackup: 1,
};
/**
 * Batch 26 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-03 by
 * branch `realx26` on the miner of lead28 at d8a1f33c (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-25, the development set or Loghub, nor a close cousin of one): mean 0.754 over
 * 20 systems (median 0.8425), 816 lines, 412 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again (TrustDNS replaced a seatd folder after the first run over the 20, since seatd
 * prints wlroots' layout and libseat's lines are in batch 14's Sway; the second run gave the other 19 again). Built blind to batches 7 and 25 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 30 (2026-12-04; mean 0.754 then), when batch 28 was to be
 * built: its failures may be read from then on.
 */
const BATCH_26: Record<string, number> = {
  Appium: 1, Beets: 1, CRIO: 0.935, Dolphin: 1, Drush: 0.846, ElixirLS: 0.857, HaskellLanguageServer: 0.933, Jetty: 0.5,
  Lego: 0.87, Lynis: 0.761, MailScanner: 0.931, Marlin: 0.822, Metals: 0.647, PX4: 0.944, TModLoader: 0.78, Tarantool: 0.779,
  TestKitchen: 0.923, Trunk: 0.786, TrustDNS: 0.692, Weston: 0.857,
};
/**
 * Batch 27 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx27` on the miner of lead29 at db8fae74 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-26, the development set or Loghub, nor a close cousin of one): mean 0.826 over
 * 20 systems (median 0.876), 752 lines, 400 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 26 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 31 (2026-12-04; mean 0.826 then), when batch 29 was to be
 * built: its failures may be read from then on.
 */
const BATCH_27: Record<string, number> = {
  ConnMan: 0.625, Dehydrated: 0.843, Dgraph: 0.92, EventStoreDB: 1, Freqtrade: 0.932, Hexo: 1, Homebrew: 0.675,
  Hyperion: 0.939, Juju: 0.588, Lldpd: 0.873, MelonLoader: 1, Mirai: 0.789, Mix: 0.941, Nearcore: 0.87, Packer: 1,
  Qtile: 0.81, Rebar3: 1, SwiftPM: 0.75, WPCLI: 1, Zeppelin: 0.929,
};
/**
 * Batch 28 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx28` on the miner of lead30 at 7708be3e (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-27, the development set or Loghub, nor a close cousin of one): mean 0.699 over
 * 20 systems (median 0.765), 565 lines, 314 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 27 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 32 (2026-12-04; mean 0.699 then), when batch 30 was to be
 * built: its failures may be read from then on.
 */
const BATCH_28: Record<string, number> = {
  Alfresco: 1, ArduPilot: 0.385, ArduinoESP32: 0.263, AwesomeWM: 1, BackupPC: 0.931, Dragonfly: 0.857, ExaBGP: 0.688,
  LavinMQ: 0.81, MongooseOS: 0.879, OpenLiberty: 0.696, OpenTTD: 0.357, PgBackRest: 0.167, ShinyServer: 0.865,
  SteamClient: 0.533, TDengine: 1, Unison: 0.579, UnrealEngine: 0.933, WRF: 1, WindowsInstaller: 0.405, ZLS: 0.946,
};
/**
 * Batch 29 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx29` on the miner of lead31 at 6c5f27e1 (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-28, the development set or Loghub, nor a close cousin of one): mean 0.764 over
 * 20 systems (median 0.857), 883 lines, 492 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 28 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 33 (2026-12-04; mean 0.794 then), when batch 31 was to be
 * built: its failures may be read from then on.
 */
const BATCH_29: Record<string, number> = {
  Act: 1, Baresip: 0.909, Cuberite: 0.787, DDNet: 0.5, DontStarveTogether: 1, EDK2: 1, Eggdrop: 0.568, ESPEasy: 0.529,
  Hammerspoon: 0.265, Hercules: 0.632, LINSTOR: 0.867, Open62541: 0.889, PJSIP: 0.623, ProjectZomboid: 0.514,
  QuestDB: 1, RocksDB: 0.481, Rtpengine: 1, Shorewall: 0.846, SONiC: 1, WinSW: 0.87,
};
/**
 * Batch 30 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx30` on the miner of lead32 at cb8773ec (the start of the session that built it), before anything was fixed
 * for these systems (none is in batches 1-29, the development set or Loghub, nor a close cousin of one): mean 0.830 over
 * 20 systems (median 0.873), 914 lines, 539 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 29 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 34 (2026-12-04; mean 0.834 then), when batch 32 was to be
 * built: its failures may be read from then on.
 */
const BATCH_30: Record<string, number> = {
  Cromwell: 0.826, EasyBuild: 0.96, EdgeXFoundry: 1, FFmpeg: 0.824, Gazebo: 0.907, GoBGP: 0.857, Hummingbot: 1,
  ISCDhcpd: 1, JACK: 0.879, Ntopng: 0.968, OneDriveClient: 0.889, OpenBeken: 0.786, OpenDKIM: 0.867, OpenROAD: 0.5,
  OvenMediaEngine: 0.324, SANE: 0.6, Singularity: 0.947, SpaceEngineers: 0.739, Spack: 0.781, Vivado: 0.938,
};
/**
 * Batch 31 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx31` on the miner of lead33 at 88a5a9b9 (the start of session 33, which built it), before anything was
 * fixed for these systems (none is in batches 1-30, the development set or Loghub, nor a close cousin of one): mean 0.835
 * over 20 systems (median 0.871), 773 lines, 385 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 30 and to the failures being fixed while other
 * branches changed the miner. Released for study in session 35 (2026-12-04; mean 0.835 then), when batch 33 was to be
 * built: its failures may be read from then on.
 */
// Raised by branch `mining37a` after its failures were read (the same rule as Sunshine's in batch 19): Bundler 0.375
// -> 0.667 (`Using <*> <*>` beside `Using <*>`, a name with digits read with its version as one value).
const BATCH_31: Record<string, number> = {
  Autofs: 1, AzureFunctionsHost: 1, Bundler: 0.667, Cpanminus: 0.9, Godot: 0.848, Hugo: 0.929, Maven: 0.773,
  Minikube: 0.915, Opam: 0.68, OpenISCSI: 0.861, PHPUnit: 0.88, PPPd: 0.794, PPSSPP: 0.667, Pip: 0.673, Restic: 0.806,
  Sphinx: 0.807, SuperTuxKart: 1, WezTerm: 0.88, Xdebug: 1, Yarn: 0.907,
};
/**
 * Batch 32 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx32` on the miner of lead35 at 9494deb2 (the start of session 34, which built it), before anything was
 * fixed for these systems (none is in batches 1-31, the development set or Loghub, nor a close cousin of one): mean 0.799
 * over 20 systems (median 0.797), 784 lines, 341 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build, which the first full run of
 * the gate with them then gave again. Built blind to batches 7 and 31 and to the failures being fixed while other
 * branches changed the miner; keep it out of the work that tunes the miner; raise a figure when a general change lifts
 * it.
 */
const BATCH_32: Record<string, number> = {
  ApacheCamel: 1, Deployer: 0.815, GolangciLint: 0.767, JuliaPkg: 0.828, Kivy: 0.763, LuaRocks: 0.278,
  MastodonStreaming: 1, MySQLTuner: 0.673, Nimble: 1, OpenConnect: 1, Pandoc: 0.688, Penpot: 0.808, RCMDCheck: 0.963,
  SFTPGo: 0.655, Sensu: 1, ShareX: 0.473, Snakemake: 0.786, Starship: 1, XMRig: 0.775, Zotonic: 0.704,
};
/**
 * Batch 33 (README), held out for the next sessions' honest measure: GA through log_patterns measured on 2026-12-04 by
 * branch `realx33` on the miner of lead37 at a2fec53e (the start of session 35, which built it), before anything was
 * fixed for these systems (none is in batches 1-32, the development set or Loghub, nor a close cousin of one): mean 0.818
 * over 20 systems (median 0.912), 651 lines, 339 events. The figures are the first measurement of the 20: the gate's own
 * measure (evaluateDirectory, the same options) run over the 20 alone through that build. Built blind to batches 7 and
 * 32 and to the failures being fixed while other branches changed the miner; keep it out of the work that tunes the
 * miner; raise a figure when a general change lifts it.
 */
const BATCH_33: Record<string, number> = {
  Carthage: 0.938, Conda: 0.879, Dalamud: 1, Dialyzer: 1, DuckStation: 1, ElectronBuilder: 0.708, Galaxy: 0.923,
  Ghidra: 1, Goreleaser: 0.59, Guard: 0.742, HaskellStack: 0.514, HetznerK3s: 1, Kind: 1, PhpCliServer: 0.214,
  Sbt: 0.442, Sccache: 1, ShadowsocksLibev: 1, SmokePing: 0.9, Tinc: 0.627, Yggdrasil: 0.889,
};
// Raised by branch `mixhdr17` (header forms mixed in one file, read alike on every line): Invidious (a journal month in
// Cyrillic script), NSQ (a supervisor's `STDERR:` column), Trino (aligned thread and logger columns a second form adds), Traccar (a bracket holding a
// lone arrow is the statement's direction), Immich (a logger's `+2ms` elapsed-time trailer), Graylog (log4j's `%c - %m`),
// SeaweedFS (a glog line behind a journal's tag).
// Raised by branch `slot18` (value spans, patterns/value-spans.ts): Graylog (an object's name and version before its class
// in square brackets, `Loaded plugin: <name> <version> [<class>]`, is one value); BindNamed, OpenLDAP (a note of words in
// parentheses that ends some lines of a statement, `loaded serial <*> (DNSSEC signed)`, `closed (connection lost)`);
// Medusa (a title of more than three words in title case ending the message, `… from The Great British Bake Off`);
// Lighthouse (a console logger's padded `key: value` fields, whichever the call set, patterns/form-merge.ts).
// Raised by branch `slot19` (value spans, patterns/value-spans.ts and variability.ts): Duplicati, Jellyfin, Magento, Mopidy,
// Scrapy, Solr, Sway, Vault and held-out KOReader (two texts after one label are one value unless a value followed by each
// one's own words, or a second sentence, shows the program's wording); Directus (many title-case names after a message's
// first word, `Applying <name>...`); Sidekiq (a label that ends a line is that label with its value printed empty).
// Raised by branch `slot20` (value spans, patterns/value-spans.ts and tokenize.ts): Ddclient (a value printed empty
// mid-line where the text shows its hole, `updating : unexpected status`); Superset, Uvicorn, PeerTube (a request's
// root path `/` after its method is the path value, `"GET / HTTP/1.1"`); CouchDB (a name at a host without a domain,
// `couchdb@localhost`, is a value); Ollama, Dex, TeslaMate, PhotoPrism, Moonraker (a request's method before its path
// is a value however few other words the line keeps, `POST <path> --> <handler>`, and in brackets, `(POST) <path>`,
// patterns/form-merge.ts).
// Raised by branch `hdr22` (header columns): TeamSpeak 0.816 -> 0.868 (columns a header writes with `|` past its level,
// `time|LEVEL|channel |id |message`, are cut where every line of the header form leaves them, format/pipe-columns.ts);
// Synapse 0.78 -> 0.902 (a name closed by a dash after the header, Python's `%(request)s - ` and `None- `, is a lead
// column where the file shows it one, format/lead-columns.ts); WALinuxAgent 0.638 -> 1 (a thread's name written as a
// plain word before the statement, `INFO Daemon …`, learned by its value where two statements or more it stands before
// also open messages without it, format/lead-columns.ts); Kea 0.9 -> 1 (a program's tag with its id in brackets after
// a form's first field, `router # [    9.647177] kea-dhcp4[814]: …` on a serial console, extends the header,
// format/header.ts learnForms).
// Raised by branch `hdr23` (header columns): OwnTone 0.6 -> 0.767 (a bracketed `[LOG]`, `[  LOG]`, is a level column's
// INFO, and a level word the message opens with is cut by the file's extension of its header by a level, as `[  LOG]`
// is on the form's other lines, format/header.ts); Vagrant 0.769 -> 1 (a `-` after a `name:` that closed the header is
// the message's, a list's bullet: ` INFO global:   - bundler = 1.6.2`, format/header.ts applyHeader); Riak 0.778 ->
// 0.852 (an Erlang process id after the level, lager's `<pid>@module:function:line`, is a lead column where it opens
// two statements or more, format/lead-columns.ts); MiniDLNA 0.864 -> 1, TiKV 0.918 -> 0.959 (a level column after a
// source file's `name.ext:line:`, `scanner.c:703: warn:`, `mod.rs:345: [INFO]`, is the header's, format/header.ts readHeader).
// Raised by branch `hdr24` (header forms): ElectrumX 0.909 -> 1 (Python's default `INFO:root:…` behind a journal tag is
// the program's own header, format/detect.ts); PulseAudio 0.723 -> 0.872 (the main header written behind another
// writer's prefix on three sample lines or more, `(   0.128|   0.000) E: [pulseaudio] …`, is read where it starts,
// format/header.ts learnPrefixedLines; a level letter behind a journal tag, `pulseaudio[2160]: E: …`); Velocity 0.5 ->
// 0.654 (a time of day and the level in one bracket, `[00:31:18 INFO]: …`, its colon closing the header); Evcc 0.417 ->
// 0.583 (a word and a `key:` after a logger's level and time, `DEBUG <time> grid currents: …`, are the statement's, not
// syslog's host and tag, format/header.ts statementWordsAfterTime), 0.65 with merge24's label rule beside it (lead24).
// Raised by branch `slot22` (value spans, patterns/value-spans.ts): Cloudflared, AdGuardHome, SupabaseRealtime (the
// `key=value` fields a structured logger adds at the start or the end of a message's field run, values the file shows
// varying, one blank apart: `Unregistered tunnel connection connIndex=<*>` / `… connIndex=<*> event=<*> ip=<*>`);
// JMeter, Sabnzbd (a line that is one setting, `os.name=Linux` / `os.name=Windows Server 2019`: what follows the `=` is
// the value, however many words); Superset (a note after a quoted value, `Serving Flask app "superset" (lazy
// loading)`); Dependabot (two names joined by one `/`, one written as code, `peaceiris/actions-gh-pages`, patterns/
// tokenize.ts); ExternalDNS (a value Go printed with `%+v`, `config: &{Master: KubeConfig: …}`, patterns/tokenize.ts).
// Raised by branch `slot23` (value spans): HAProxy 0 -> 0.5 (a clause of labelled details inserted before the sentence
// goes on, `is UP, reason: Layer4 check passed, check duration: 0ms. 1 active …` beside `is UP. 2 active …`, is the
// statement's optional part, patterns/value-spans.ts joinInsertedClauses; a run of values ends at a sentence's end,
// `0ms. 1`, patterns/tokenize.ts); Seafile 0.667 -> 0.815, SDDM 0.707 -> 0.759, Cacti 0.438 -> 0.5 (a command line
// after a label, `spawn_process: seaf-server -F <*> -c <*> …`, `Running: <*> -auth <*> -nolisten tcp …`, `CACTI2RRD:
// /usr/bin/rrdtool update <*> --skip-past-updates --template CPU <*>`, is one value, patterns/value-spans.ts
// joinCommandTails).
// Raised by branch `merge23` (the merge rule, patterns/variability.ts): Seafile 0.667 -> 0.852 (a place the miner masked
// on some lines counts as one more value of the words it takes elsewhere, `spawned seaf-server` / `fileserver` / a path);
// BTCPayServer 0.774 -> 0.906, Immich 0.848 -> 1 (four or more CamelCase type names opening one same sentence are one
// variable, `<Service> successfully exited...`, NestJS's `<Controller> {<path>}:`); SDDM 0.707 -> 0.948 (two forms of one
// verb at one place are two statements, `Display server starting...` / `started.`); Sunshine 0.782 -> 0.818, Cyw43 0.607
// -> 0.643 (after a value masked whole, a word with its own `: ` labels another field, `version: <*> commit: <*>`).
// Raised by the lead's merge of `slot23` and `merge23` (both rules together, measured in one gate run): Seafile 0.852 -> 1
// (a command line after a label is one value, and a masked place is one more value of the words beside it), SDDM 0.948
// -> 1 (the command line, and two forms of one verb stay apart).
// Raised by branch `slot24` (value spans): Xrdp 0.635 -> 0.962, Flink 0.679 -> 0.786, GlusterFS 0.915 -> 0.957, Libreswan
// 0.635 -> 0.692, Zabbix 0.696 -> 0.717 (a part in parentheses or square brackets after two words of a sentence that
// holds a masked value is one value however many tokens it takes, `Closed socket <*> (AF_INET <*>)` / `(AF_INET6 <*>
// port <*>)`, patterns/value-spans.ts joinBracketedValues); Osu 0.656 -> 0.75, ProxySQL 0.667 -> 0.706, OwnTone 0.767 ->
// 0.867 (a quoted text is one value whatever word in capitals opens it, unless an HTTP method opens a request line,
// `from "MISATO - …"`, `'LOAD ADMIN VARIABLES TO RUNTIME'`, `'SELECT …'`, patterns/tokenize.ts isQuotedValueText);
// Logstash 0.6 -> 1, Envoy 0.605 -> 0.907 (a listing of `key: value` lines with eight keys or more spelt as names in
// code is one statement, `node.name: …`, `envoy.clusters: …`, patterns/value-spans.ts joinSettingDumps).
// Raised by branch `merge24` (the merge rule): Libreswan 0.635 -> 0.673, ZooKeeper 0.833 -> 1, Libvirt 0.92 -> 1,
// Jekyll 0.954 -> 1, PeerTube 0.865 -> 0.919, Qdrant 0.7 -> 0.767, SpamAssassin 0.625 -> 0.688, Verdaccio 0.143 ->
// 0.238, FHEM 0.612 -> 0.653, MPD 0.536 -> 0.571, Sunshine 0.818 -> 0.855 (the one word after a label's `: ` that ends
// the message is the label's value, two words enough, `FIPS Mode: OFF` / `NO`, unless the label also opens longer
// statements of the file, patterns/miner.ts isLabelValueSlot); BitcoinCore 0.568 -> 0.795, Tezos 0.848 -> 1 (names that
// open the frames of a grid of names by actions are one variable, `addcon thread start` / `… exit`,
// patterns/variability.ts gridLeadingNames). The same gate run lifted two held-out systems, raised here from their GA
// alone (no line or wrong event of theirs seen): Kibana (batch 7) 0.882 -> 1, WinGet (batch 21) 0.733 -> 0.867.
// Branch `merge25`'s rule (the object of a preposition that closes its phrase is a value, two words enough) lifted
// nine studied systems but dropped two held-out ones in the lead's gate run (Podman 0.776 -> 0.707, Borg 0.776 ->
// 0.741, GA only): taken back in session 25.
// Raised by branch `hdr25` (header columns): Mpv 0.27 -> 0.946 (an uptime stamp glued to the next bracketed column,
// `[   0.002][v][cplayer]`, the kernel's caller id `[    0.000000][    T0]` alike, format/header.ts UPTIME_AT); VLC 0.4 ->
// 0.683 (an object log's module and type after the object's address, before the level word, `[723127a0] main input
// debug:`, format/level-forms.ts objectLevel); SMAPI 0.6 -> 0.667 (a 12-hour clock's day-half in the locale's words,
// `[06:14:43.490 م]`, `[12:09:03.871 PM]`, and a part's name after the level in the clock's bracket, `[13:06:43 TRACE
// SMAPI]`); CoreLightning 0.887 -> 0.925 (a logger's joined name after the level closes a second header form,
// `… INFO    plugin-clnrest: …`, format/header.ts learnForms).
// Raised by branch `slot25` (values a language's debug form printed, patterns/tokenize.ts): Meilisearch 0.522 ->
// 0.783, Alacritty 0.885 -> 1, LinkerdProxy 0.923 -> 1 (a struct Rust's `{:?}` printed with its type's name, `update 0:
// ComputeIdsAndMergeDocuments { … }`, `send frame=Headers { … }`, debugStructAt); Supervisord 0.667 -> 0.75 (a Python
// repr naming an address, `<POutputDispatcher at 394… for <Subprocess at …>>`, objectReprAt); Mixxx 0.87 -> 1 (a class
// and its address in parentheses, Qt's `WWidgetStack(0x5aa8…, name = "…")`, addressedObjectAt); Ejabberd 0.4 -> 0.475
// (an Erlang binary, `<<"<stream:features>…">>`, erlangBinaryAt). The same gate run lifted one held-out system,
// raised here from its GA alone (no line or wrong event of its seen): Certbot (batch 7) 0.862 -> 0.931.
// Raised by branch `merge27` (the merge rule, patterns/variability.ts and miner.ts): OpenWebUI 0.205 -> 0.487 (a quoted
// word opening the message is a value slot whatever its case, `'DEFAULT_LOCALE' loaded from config.json`, miner.ts
// isQuotedLead); Supervisord 0.75 -> 1, Mopidy 0.804 -> 0.891, Composer 0.514 -> 0.595, Icecast 0.957 -> 1 (a plain
// first word beside a masked one in the same statement is a value, `exited: webserver (…)` beside `exited: seat3 (…)`,
// unless it opens a label, leadingBesideMasked). Branch `merge27` also tried merge25's rule again with an object before
// a colon left to the counts (Borg's `Time spent in hashing:` / `chunking:` labels stay apart): the studied systems
// gained as before without Borg's drop, but the held-out Podman still dropped (0.776 -> 0.741, GA only, merge27's one
// gate run, beside the two rules above): taken back again.
// Raised by branch `merge26` (the merge rule, patterns/variability.ts and miner.ts): Picom 0.718 -> 0.923, SpamAssassin
// 0.688 -> 0.906 (four or more UPPER_CASE constants filling one place inside a sentence that goes on after them are
// judged by their counts, `Atom _NET_WM_NAME is 328` / `Atom WM_CLASS is 67`, constantsFillSentence); Unbound 0.855 -> 1
// (the last word after a label that ends in a number a word names is the label's value, a weak slot, `init module 0:
// validator`, isNumberedLabelValueSlot).
// Raised by branch `hdr26` (header columns): NuGet 0.719 -> 0.875 (a Windows drive's letter after a time, `Restored
// D:\a\1\s\…`, is the path's, no level letter, format/header.ts LEVEL_LETTER_AT); Superset 0.932 -> 1 (the same
// letters: a bare letter before text that is no column, isStatusLetter); Libreswan 0.731 -> 0.846 (a form of the file
// that opens with the columns the main header read reads a line whole, the journal's `<time> host pluto[pid]:` beside
// pluto's own `<time>:`, readOtherForm); DeepSpeed 0.778 -> 0.911, Qdrant 0.767 -> 1 (a relay's line holding the
// file's own header whole behind its columns, TorchServe's `<time> [INFO ] W-…-stdout MODEL_LOG - [<time>] [WARNING] …`
// and a console's time before Qdrant's own line, learnRelayedLines).
// Raised by branch `slot26` (paths and references a word names, patterns/tokenize.ts isVariableRange): Bazel 0.429 ->
// 0.714 (a word opening with `//` and a name, a build target's label `//python:bin`, isDoubleSlashPath); Rails 0.442 ->
// 0.512 (a relative path of one directory to a file, `layouts/_navbar.html.erb`, isRelativeFilePath); Watchtower
// 0.636 -> 1 (names parted by `/` with a tag after `:`, an image reference `linuxserver/radarr:preview`, isTaggedPath).
// Raised by branch `slot27` (values beyond one token, patterns/tokenize.ts and value-spans.ts): Playnite 0.182 -> 1 (a
// name of several words between a label's `: ` and the record's next `, field`, `Loaded plugin: %s, version %s`,
// joinLabelledValues); OpenWebUI 0.205 -> 0.487 (an UPPER_CASE word quoted in a sentence, `'%s' loaded from
// config.json`, isQuotedValue); Moonlight 0.837 -> 0.959 (a number with its name glued in parentheses, FFmpeg's
// `nal_unit_type: 7(SPS)`, codeNameAt); Ryujinx 0.585 -> 0.854 (a line that ends in a label, `PreferredGpu set to:`,
// the value printed empty, joinEmptyValues); Composer 0.514 -> 0.757 (a version in parentheses after a masked package
// name left out as the tokenizer leaves it after a value, joinValueAnnotations).
// Raised by branch `hdr27` (header columns): Cura 0.569 -> 0.948 (a caller's column closed by its line number after
// the level's dash, `- INFO - UM.PluginRegistry.loadPlugin [231]: …`, `<path> (loadPlugin [63]): …`, a `[thread]` before
// it, ends the header in each of the file's three layouts, format/header.ts callerLineEnd, callerAfterDash); Kyverno
// 0.879 -> 1 (klog's structured form `"msg" logger="config" key=…` read as the logr record it is, format/logr-records.ts
// readKlogRecord); Mealie 0.776 -> 1 (a container's output exported as CSV, `<time>,stdout,<line>`, unwrapped as CRI's
// prefix, format/envelopes.ts STREAM_CSV).
// Raised by branch `hdr28` (header forms mixed in one file): Joplin 0.406 -> 0.875 (a browser console's source link before
// the program's own time, DevTools' `Logger.ts:219 18:40:29: …`, unwrapped as a prefix, format/envelopes.ts
// sourceLinkEnd); Lavalink 0.727 -> 0.879 (a bracket padded inside to a width, Spring Boot 3's `[app] [           main]`
// beside older `[main]` lines, a header column, format/header.ts learnForms paddedBracketEnds; and a learned ` : `
// column cuts no first word from the lines written without it, patterns/columns.ts skipSpaceColumns).
// Raised by branch `merge28` (a square-bracket tag opening the message, a header column no format cut, counts neither
// toward Drain's similarity nor as the phrase before a tail run, patterns/miner.ts sentenceSimilar, variability.ts
// phraseWords): ContikiNG 0.857 -> 1 (`[INFO: IPv6 DS   ] 3 unicast addresses` beside `2 default routers`, one `<*> <*>`
// before); BepInEx 0.817 -> 0.917 (`[Message:   BepInEx] Chainloader ready` / `… initialized` / `… startup complete`).
// Raised by branch `merge28` (a heading's last word before `: <*>` names the value, patterns/variability.ts
// isHeadingLabel): DorisFE 0.739 -> 0.913 (`Build version: <*>` / `Build time: <*>` / `Build info: <*>`, one `Build <*>: <*>` before).
// Raised by branch `slot28` (values of several tokens, patterns/sql-statements.ts and tokenize.ts): Airsonic 0.767 ->
// 0.933, Dolibarr 0.111 -> 0.889, PgProbackup 0.818 -> 0.955, Vikunja 0.476 -> 0.905 (a SQL statement printed bare,
// `sql=SELECT … FROM …`, `[SQL] SELECT … [args] - 2ms`, `(query) SELECT f()`, `SHOW name`, one value with the arguments
// an ORM prints after it, sqlStatementEnd); ErsatzTV 0.875 -> 0.938, Zed 0.825 -> 0.95 (a list of quoted strings of
// any length or of one item, a JSON array of option names, a Rust set `{"plugin"}`, quotedListAt).
// Raised by branch `split29` (two or three words filling one place in statements of three shapes are their values,
// patterns/variability.ts namesOfStatements): AzureIoTEdge 0.804 -> 0.964 (`Received request GetModuleLogs with
// payload`, `Received direct method call - GetModuleLogs`, `Successfully handled request GetModuleLogs`, each also with
// `ping`), Trino 0.828 -> 0.897 (`-- Loading plugin tpch --` / `vertica`, the names also in `Registering connector`).
// Raised by branch `hdr29` (header forms mixed in one file): Symfony 0.2 -> 1 (Monolog's `[<time>] channel.LEVEL: … [] []`
// lines beside the console's `<time> [level] …`: the channel and level column and the context and extra fields cut
// where another form is the main header, header.ts cutChannelLevel, monolog-fields.ts).
// Raised by branch `names29` (a value a statement prints twice, patterns/variability.ts mergeEchoedValues, the echo
// looking like a name and a constant word kept): HomeAssistant 0.577 -> 0.62 (`Loaded <x> from
// homeassistant.components.<x>`), IoBroker 0.593 -> 0.63 (`<adapter>.0 (pid) <adapter>.0 already running`, `host.<name>
// hostname: <name>`), Strimzi 0.333 -> 0.417 (`reconcileAll(<Kind>, timer): … Labels{strimzi.io/kind=<Kind>}`), Temporal
// 0.897 -> 1 (`<name>-workflow workflow successfully started`).
// Raised by branch `mining30`: PrusaSlicer 0 -> 1 (`layer N`, `layer N, region 0`, `layer N - Done`: a lone mark of
// punctuation where another line holds a word now splits statements, patterns/miner.ts isSplitWord); UrBackup 0.818 ->
// 1 (`Generating Server identity...` / `… private/public ECDSA key...` / `… token...`, once per start: tail runs that
// recur evenly after words holding no value stay apart, patterns/variability.ts tailRunIsVariable); Collectd 0.947 -> 1
// (`key = Timestamp, value = …`), MailScanner 0.897 -> 0.931 (`Using locktype = flock` / `posix`), PgProbackup 0.955 ->
// 1 (`(param:block_size) = …`): the words a key's `=` gives are its values (variability.ts familyIsVariable afterEquals;
// miner.ts equalsBefore frames a word after `=` apart from a bare one).
// Raised by branch `hdr30` (a level and the time of day in one bracket, an editor's output channel: level-forms.ts
// levelClock): ElixirLS 0.19 -> 0.857 (`[Info  - 3:49:35 PM] Started …` beside `[Info] Started …` of a newer client).
// Raised by branch `hdr31` (a source-location column after a logger's or thread's name, learned from the file's
// statistics: format/source-columns.ts learnSourceColumns): Qtile 0.476 -> 0.81 (`libqtile manager.py:finalize():L355`),
// Hyperion 0.879 -> 0.939 (`<Settings.cpp:72:Settings()>`), MythTV 0.413 -> 0.5 (`thread file.cpp:2631 (Function) - `),
// Redpanda 0.895 -> 1 (`cluster - state_machine.cc:29 - `), Dolphin 0.909 -> 1 (`Core\Boot\Boot.cpp:433`).
// Raised by branch `mining31`: Nearcore 0.652 -> 0.87 (`Version: %s, Build: %s` beside `…, Latest Protocol: %s`: a
// field named by a few words after a label's value is a record with one more field, patterns/variability.ts addsField).
// Raised by branch `mining32` (text in parentheses at a message's tail, patterns/tokenize.ts): NodeBB 0.875 -> 0.925
// (`(code: 0, signal: null)` beside `(code: 0)`: a list of labelled values keeps its labels, labelListAt), AwesomeWM
// 0.72 -> 1 (`value 'color0' (using fallback).`: a remark is a number's note only after a number, isNumberBefore),
// Bazarr 0.556 -> 0.704, Klipper 0.727 -> 0.818, SteamClient 0.5 -> 0.533 (`connection (1): host:port`: two values
// are not fused across a bracket the first one closes, closesGroupBetween).
// Raised by branch `hdr32`: Tarantool 0.662 -> 0.779 (a one-letter level mark after a fiber name or location,
// `main/104/box I>`, learned from the file: format/level-marks.ts learnLevelMarks); Packer 0.725 -> 1 (a CI runner's
// `[13:02:11][Step 1/3] ` before lines the file also writes bare), Marlin 0.156 -> 0.822 (`> < 3:04:05 PM: echo:`),
// Varnish 0.571 -> 0.714, Envoy 0.907 -> 0.953 (`source/server/server.cc:206] ` before indented statements): leading
// runs aligned with bare lines of the same statements (format/aligned-prefixes.ts learnAlignedPrefixes).
// Raised by branch `split32` (one-word splits: where templates differ in one word alone after every other merge, the
// word is a value when it opens a bracket or a quote, patterns/variability.ts mergeFramedWords): CRIO 0.839 -> 0.935
// (`git … (clean)` / `(dirty)`), Chef 0.745 -> 0.818 (`Run List is [recipe[starter]]`), FHEM 0.653 -> 0.735
// (`GardenaSmartDevice (Sensor_alt)`), Lynis 0.652 -> 0.761 (`(FreeBSD only)`), ModemManager 0.737 -> 0.895 (`count is 1 (open)`),
// Strimzi 0.417 -> 0.556 (`reconcileAll(Kafka, timer)`). Its second rule (constant names of one enumeration, `CS_INIT` /
// `CS_HANGUP`, as values) raised Emby, FreeSWITCH, OPTEE and Tvheadend but lowered held-out ESPEasy 0.529 -> 0.5 in the
// first CI of the merged tree (batch 29: 0.764 -> 0.7625 with it alone): taken out in session 32, figures back.
// Raised by branch `hdr33`: Mirai 0.711 -> 0.789 (a level letter and a tag joined by a slash, `I/Bot.6929: `, logcat's
// brief layout, learned from the file: format/level-tags.ts learnLevelTags).
// Raised by branch `mining37b` (header forms, patterns/form-merge.ts): Valheim 0.833 -> 1, Vikunja 0.905 -> 1, Istio
// 0.769 -> 0.808, MythTV 0.5 -> 0.543, Exim 0.436 -> 0.462 (a run of one or two plain words holding a value, in front
// of a message the file also prints bare, is a header column: mixed set-ups print one statement bare and behind a
// word-and-value column).
// Taken out in session 33, figures back: three rules that raised studied systems and, in the first CI of the merged
// tree, only lowered held-out ones. Branch `mining33`'s "a run of values ends at the quote that closes the first"
// (tokenize.ts closesQuoteBetween: Dependabot 0.872 -> 0.957, MkDocs 0.827 -> 1, Sunshine 0.855 -> 0.927) lowered
// AzureFunctionsHost (batch 31) 1 -> 0.929; branch `merge33`'s mergeLabelledNames (a long name after a label's `: `:
// CoreLightning, ECSAgent, Riak, SOGo, TritonServer -> 1) lowered JACK (batch 30) 0.879 -> 0.788, and its
// mergeMentionedIdentifiers (a snake_case identifier the file names elsewhere: LinuxKernel, Lldpd, OPTEE, Tarantool up)
// lowered Godot (batch 31) 0.848 -> 0.788. Each held at precision 1 on both halves of merge33's signal table of the
// studied batches (5/5, 4/4 families): a rule that only loses on logs nobody looked at does not generalise.
const BATCHES = [
  BATCH_1, BATCH_2, BATCH_3, BATCH_4, BATCH_5, BATCH_6, BATCH_7, BATCH_8, BATCH_9, BATCH_10, BATCH_11, BATCH_12, BATCH_13, BATCH_14,
  BATCH_15, BATCH_16, BATCH_17, BATCH_18, BATCH_19, BATCH_20, BATCH_21, BATCH_22, BATCH_23, BATCH_24, BATCH_25,
  BATCH_26, BATCH_27, BATCH_28, BATCH_29, BATCH_30, BATCH_31, BATCH_32, BATCH_33,
];
/**
 * The batches nobody fixing the miner looks at: only their GA per system and their means are printed, never their
 * wrongly grouped events, so that reading this output does not make them batches fixed against.
 */
// Batch 18 was built and measured by branch `realx18` in session 19, when batch 16 was released for study; batch 17 was
// released for study at the start of session 20 (2026-12-02), when batch 19 was built and measured by branch `realx19`;
// batch 18 was released for study at the start of session 22 (2026-12-03), when batch 20 was built and measured by
// branch `realx20`; batch 19 was released for study at the start of session 23 (2026-12-03), when batch 21 was built
// and measured by branch `realx21`; batch 20 was released for study at the start of session 24 (2026-12-03), when
// batch 22 was built and measured by branch `realx22`; batch 21 was released for study at the start of session 25
// (2026-12-03), when batch 23 was built and measured by branch `realx23`; batch 22 was released for study at the start
// of session 26 (2026-12-03), when batch 24 was built and measured by branch `realx24`; batch 23 was released for study
// at the start of session 27 (2026-12-03), when batch 25 was built and measured by branch `realx25`; batch 24 was
// released for study at the start of session 28 (2026-12-03), when batch 26 was built and measured by branch `realx26`
// in session 28; batch 25 was released for study at the start of session 29 (2026-12-04), when batch 27 was built and
// measured by branch `realx27` in session 29; batch 26 was released for study at the start of session 30 (2026-12-04),
// when batch 28 was to be built; batch 28 was built and measured by branch `realx28` in session 30; batch 27 was released
// for study at the start of session 31 (2026-12-04), when batch 29 was to be built; batch 29 was built and measured by
// branch `realx29` in session 31; batch 28 was released for study at the start of session 32 (2026-12-04), when batch 30
// was to be built; batch 30 was built and measured by branch `realx30` in session 32; batch 29 was released for study at
// the start of session 33 (2026-12-04), when batch 31 was to be built; batch 31 was built and measured by branch
// `realx31` in session 33; batch 30 was released for study at the start of session 34 (2026-12-04), when batch 32 was to
// be built; batch 32 was built and measured by branch `realx32` in session 34; batch 31 was released for study at the
// start of session 35 (2026-12-04), when batch 33 was to be built; batch 33 was built and measured by branch `realx33` in
// session 35.
const HELD_OUT: readonly Record<string, number>[] = [BATCH_7, BATCH_32, BATCH_33];
const isHeldOut = (system: string): boolean => HELD_OUT.some((batch) => system in batch);
const MEASURED: Record<string, number> = Object.assign({}, ...BATCHES) as Record<string, number>;
const SLACK = 0.02;

describe('Real log excerpts from public bug reports (log_patterns through dist/servers/logs.js)', function () {
  // ~1 min on a quiet machine; 250+ systems through the built server take many times that on a loaded one.
  this.timeout(1_800_000);
  let result: EvaluationResult;

  it('labels every line from its templates (no CSV edited by hand, no line without an event)', () => {
    // label.mjs --check exits non-zero, naming the lines, when a CSV is not what its templates.txt gives.
    execFileSync(process.execPath, [join(DIR, 'label.mjs'), '--check'], { encoding: 'utf8' });
  });

  it('measures every system through the built server', async () => {
    result = await evaluateDirectory(DIR, { levels: false, speed: false });
    const batchMean = (batch: Record<string, number>): string => {
      const held = result.systems.filter((s) => s.system in batch);
      return `mean GA ${(held.reduce((sum, s) => sum + s.groupingAccuracy, 0) / Math.max(1, held.length)).toFixed(3)} over ${held.length} systems`;
    };
    // The held-out batches measure what the miner does on logs nobody fixing it has looked at: their wrongly grouped
    // events are not printed here, so that reading this output does not make them batches fixed against.
    const studied: EvaluationResult = { ...result, systems: result.systems.filter((s) => !isHeldOut(s.system)) };
    const means = BATCHES.map((batch, i) => `batch ${i + 1}${HELD_OUT.includes(batch) ? ' (held out)' : ''}: ${batchMean(batch)}`);
    process.stdout.write(`${formatTable(result)}\n\n${means.join('\n')}\n\n${formatErrors(studied, 10)}\n`);
    assert.deepEqual(result.systems.map((s) => s.system).sort(), Object.keys(MEASURED).sort(), 'every system has its measured figure here');
  });

  it(`keeps each system's grouping accuracy within ${SLACK} of its measured figure`, function () {
    if (!result) this.skip();
    const lower = result.systems
      .filter((s) => s.groupingAccuracy < MEASURED[s.system] - SLACK)
      .map((s) => `${s.system}: ${s.groupingAccuracy.toFixed(3)} < ${MEASURED[s.system]} - ${SLACK}`);
    assert.deepEqual(lower, []);
  });
});
