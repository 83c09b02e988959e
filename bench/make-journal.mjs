// Writes a realistic systemd journal of one machine with a given number of entries, through the real
// systemd-journal-remote (journal export format in, a .journal file out): a dozen units and a few identifiers outside
// units, PRIORITY mostly info with some warnings and errors, services whose stdout lines carry their own level words at
// PRIORITY 6 (as journald stores them), and an occasional Java stack stored line by line. Deterministic (seeded).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { rng } from './make-log.mjs';

export const JOURNAL_REMOTE = '/lib/systemd/systemd-journal-remote';

const UNITS = [
  ['nginx.service', 'nginx'],
  ['api.service', 'python3'],
  ['worker.service', 'java'],
  ['postgresql@15-main.service', 'postgres'],
  ['ssh.service', 'sshd'],
  ['cron.service', 'CRON'],
  ['docker.service', 'dockerd'],
  ['containerd.service', 'containerd'],
  ['systemd-resolved.service', 'systemd-resolved'],
  ['redis-server.service', 'redis-server'],
  ['node-exporter.service', 'node_exporter'],
  ['backup.service', 'backup.sh'],
];
const OUTSIDE = ['kernel', 'sudo', 'systemd-logind'];

/**
 * Writes `entries` entries spread evenly over the `hours` before `end` (epoch ms) into the journal directory `dir`
 * (emptied of .journal files first; systemd-journal-remote starts a new file past its size limit, so read it with
 * journalctl --directory), through an export-format file it removes after.
 */
export async function makeJournal(dir, entries, { seed = 7, end = Date.now(), hours = 24 } = {}) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith('.journal')) rmSync(join(dir, name));
  const output = join(dir, 'bench.journal');
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const ip = () => `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
  const input = `${output}.export`;
  const out = createWriteStream(input);
  const start = end - hours * 3600_000;
  const step = (hours * 3600_000) / entries;
  let chunk = '';
  let n = 0;
  // The fields journald adds to every entry of a service (a real entry has about twenty: JSON output of them all is
  // what makes journalctl slow).
  const trusted = (unit, identifier) =>
    `_TRANSPORT=${unit ? 'stdout' : 'syslog'}\n_PID=${1000 + (identifier.length * 37) % 9000}\n_UID=0\n_GID=0\n_COMM=${identifier.slice(0, 15)}\n` +
    `_EXE=/usr/bin/${identifier}\n_CMDLINE=/usr/bin/${identifier} --config /etc/${identifier}/${identifier}.conf\n_CAP_EFFECTIVE=1ffffffffff\n` +
    `_MACHINE_ID=fedcba9876543210fedcba9876543210\nSYSLOG_FACILITY=3\n` +
    (unit ? `_SYSTEMD_CGROUP=/system.slice/${unit}\n_SYSTEMD_SLICE=system.slice\n_SYSTEMD_INVOCATION_ID=${identifier.length.toString(16).padStart(32, '0')}\n_STREAM_ID=${identifier.length.toString(16).padStart(32, 'a')}\n` : '');
  const entry = (unit, identifier, priority, message) => {
    const time = Math.floor(start + n * step);
    n++;
    chunk +=
      `__REALTIME_TIMESTAMP=${time * 1000}\n__MONOTONIC_TIMESTAMP=${n * 1000}\n_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=bench-1\n` +
      `${unit ? `_SYSTEMD_UNIT=${unit}\n` : ''}SYSLOG_IDENTIFIER=${identifier}\nPRIORITY=${priority}\n${trusted(unit, identifier)}MESSAGE=${message}\n\n`;
  };
  while (n < entries) {
    const r = random();
    if (r < 0.06) {
      const id = pick(OUTSIDE);
      entry(undefined, id, id === 'kernel' ? 4 : 6, id === 'kernel' ? `EXT4-fs (sda${Math.floor(random() * 4)}): warning: mounting fs with errors, running e2fsck is recommended` : `pam_unix(${id}:session): session opened for user ${pick(['root', 'deploy', 'alice'])}(uid=0) by (uid=1000)`);
      continue;
    }
    const [unit, identifier] = pick(UNITS);
    const p = random();
    if (unit === 'api.service') {
      // A Python service's stdout: its level is in the text, journald stores every line at 6.
      if (p < 0.9) entry(unit, identifier, 6, `INFO api.http: request ${hex(8)} GET /api/v1/orders/${Math.floor(random() * 99999)} 200 in ${Math.floor(random() * 900)} ms`);
      else if (p < 0.97) entry(unit, identifier, 6, `WARNING api.db: slow query on db-${Math.floor(random() * 4)} took ${Math.floor(random() * 5000)} ms`);
      else entry(unit, identifier, 6, `ERROR api.db: timeout after ${Math.floor(random() * 60)}s on db-${Math.floor(random() * 4)} (request ${hex(8)})`);
    } else if (unit === 'worker.service' && p > 0.98) {
      // A Java stack journald stored line by line.
      entry(unit, identifier, 3, `Exception in thread "worker-${Math.floor(random() * 16)}" java.lang.IllegalStateException: job ${hex(6)} invalid`);
      entry(unit, identifier, 3, `\tat com.example.worker.Job.run(Job.java:${Math.floor(random() * 400)})`);
      entry(unit, identifier, 3, '\tat java.base/java.lang.Thread.run(Thread.java:833)');
    } else if (p < 0.93) {
      entry(unit, identifier, 6, `${identifier}: request ${hex(8)} from ${ip()} handled in ${Math.floor(random() * 900)} ms status=200`);
    } else if (p < 0.97) {
      entry(unit, identifier, 4, `${identifier}: retrying connection to ${ip()}:${pick([5432, 6379, 443])} attempt ${Math.floor(random() * 5)}`);
    } else {
      entry(unit, identifier, 3, `${identifier}: connection refused to ${ip()}:${pick([5432, 6379, 443])} after ${Math.floor(random() * 30)}s timeout`);
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  const made = spawnSync(JOURNAL_REMOTE, [`--output=${output}`, input], { encoding: 'utf8' });
  rmSync(input);
  if (made.status !== 0) throw new Error(`systemd-journal-remote failed: ${made.stderr}`);
}
