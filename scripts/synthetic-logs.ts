// Synthetic log files with known ground truth: for each header layout the issue names (pipe-delimited, record id +
// host + component + event columns, bracketed, fixed-width, comma- and tab-delimited, logfmt, JSON lines, syslog,
// an uptime stamp, klog, Python logging, a compose prefix, pipes and dashes between spaces, semicolons, Apache 2.4
// module brackets, thread names with spaces, key=value context fields, an event export whose fields hold spaces, Go's
// file:line, a syslog where one program writes a header of its own, none) and for each kind of variable (multi-token and optional sizes and
// durations, Go durations, quoted and single-quoted strings, paths (Windows ones with spaces), URLs, key=value values,
// Python reprs, grouped numbers, pod names, few constant words against many variable words), a seeded generator writes lines and
// the event each line was made from. Nothing is copied from real logs: words are built from syllables, values drawn at random, so a
// miner cannot have been fitted to them. Used by `npm run eval:loghub`, its CI gate and `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A deterministic source of numbers in [0, 1) (mulberry32): the same seed gives the same file. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)];

/** Pronounceable made-up words (`kavo`, `temirsa`): `count` distinct ones, the same for the same seed. */
export function madeUpWords(count: number, seed: number, syllables = [2, 3]): string[] {
  const random = seededRandom(seed);
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < count) {
    let word = '';
    const n = pick(random, syllables);
    for (let i = 0; i < n; i++) word += consonants[int(random, consonants.length)] + vowels[int(random, vowels.length)];
    words.add(random() < 0.3 ? `${word}${consonants[int(random, consonants.length)]}` : word);
  }
  return [...words];
}

/** The characters of Kubernetes' random name suffixes (no vowels, no 0, 1 or 3): many suffixes hold no digit. */
const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Values many lines share without being part of the event: users, services, hosts, components (dozens each). */
const NAMES = madeUpWords(60, 11);
const HOSTS = madeUpWords(24, 12).map((w, i) => `${w}-${(i % 9) + 1}`);
const COMPONENTS = madeUpWords(10, 13).map((w) => w[0].toUpperCase() + w.slice(1));
const PACKAGES = madeUpWords(8, 14);

/**
 * Variable kinds a template's `{slot}` can name. Several span more than one token or are optional: `size` adds
 * `(2.1 KB)` only past a kilobyte, `duration` is `<1 sec`, `00:12` or `3 min`, `quoted` holds spaces.
 */
export const SLOTS: Record<string, (random: Random) => string> = {
  int: (r) => String(int(r, 10 ** (1 + int(r, 5)))),
  count: (r) => String(1 + int(r, 500)),
  float: (r) => (r() * 100).toFixed(int(r, 3) + 1),
  hex: (r) => Array.from({ length: 8 + int(r, 9) }, () => int(r, 16).toString(16)).join(''),
  uuid: (r) => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => int(r, 16).toString(16)).join('')).join('-'),
  ip: (r) => `10.${int(r, 256)}.${int(r, 256)}.${int(r, 256)}`,
  endpoint: (r) => `${pick(r, HOSTS)}.example.net:${1024 + int(r, 60000)}`,
  path: (r) => `/${pick(r, ['var', 'srv', 'opt', 'data'])}/${pick(r, NAMES)}/${pick(r, NAMES)}${pick(r, ['.dat', '.log', '.json', ''])}`,
  url: (r) => `https://${pick(r, HOSTS)}.example.org/${pick(r, NAMES)}/${int(r, 10000)}?page=${int(r, 50)}`,
  name: (r) => pick(r, NAMES),
  host: (r) => pick(r, HOSTS),
  quoted: (r) => `"${pick(r, NAMES)} ${pick(r, NAMES)}${r() < 0.5 ? ` ${pick(r, NAMES)}` : ''}"`,
  size: (r) => {
    const bytes = r() < 0.5 ? int(r, 1024) : int(r, 50_000_000);
    if (bytes < 1024) return `${bytes} bytes`;
    const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
    return `${bytes} bytes (${value.toFixed(1)} ${unit})`;
  },
  duration: (r) => {
    const kind = int(r, 3);
    if (kind === 0) return '<1 sec';
    if (kind === 1) return `${String(int(r, 60)).padStart(2, '0')}:${String(int(r, 60)).padStart(2, '0')}`;
    return `${1 + int(r, 59)} ${pick(r, ['sec', 'min'])}`;
  },
  ms: (r) => `${int(r, 5000)}ms`,
  amount: (r) => `${(r() * 512).toFixed(1)}${pick(r, ['KB', 'MB', 'GB'])}`,
  pct: (r) => `${int(r, 101)}%`,
  email: (r) => `${pick(r, NAMES)}@${pick(r, NAMES)}.example.com`,
  // Go durations (`1h2m3s`, `4m5.25s`, `350ms`), versions, and pod names whose random suffixes often hold no digit.
  godur: (r) => pick(r, [() => `${1 + int(r, 5)}h${int(r, 60)}m${int(r, 60)}s`, () => `${int(r, 60)}m${(r() * 60).toFixed(2)}s`, () => `${int(r, 1000)}ms`, () => `${(r() * 10).toFixed(3)}s`])(),
  version: (r) => `v${1 + int(r, 3)}.${int(r, 30)}.${int(r, 10)}`,
  pod: (r) => `${pick(r, NAMES)}-${Array.from({ length: 10 }, () => pick(r, [...POD_ALPHABET])).join('')}-${Array.from({ length: 5 }, () => pick(r, [...POD_ALPHABET])).join('')}`,
  // Python reprs: dicts and lists of quoted strings and numbers, and objects with their address.
  pydict: (r) => `{${Array.from({ length: 1 + int(r, 3) }, () => `'${pick(r, NAMES)}': ${r() < 0.5 ? int(r, 1000) : `'${pick(r, NAMES)}'`}`).join(', ')}}`,
  pylist: (r) => `[${Array.from({ length: 1 + int(r, 4) }, () => `'${pick(r, NAMES)}'`).join(', ')}]`,
  repr: (r) => `<${pick(r, COMPONENTS)}${pick(r, ['Pool', 'Worker', 'Session'])} object at 0x7f${Array.from({ length: 10 }, () => int(r, 16).toString(16)).join('')}>`,
  thousands: (r) => (1000 + int(r, 5_000_000)).toLocaleString('en-US'),
  winpath: (r) => `C:\\${pick(r, ['Program Files', 'Program Files (x86)', 'Users\\Public'])}\\${pick(r, COMPONENTS)}\\${pick(r, NAMES)}.exe`,
  squoted: (r) => `'${pick(r, NAMES)}${r() < 0.5 ? ` ${pick(r, NAMES)}` : ''}'`,
  // Rates, scientific notation, dates and times inside the message, IPv6, signed values, spaced durations.
  rate: (r) => `${(r() * 900).toFixed(1)} ${pick(r, ['MB/s', 'KB/s', 'req/s', 'ops/s'])}`,
  sci: (r) => `${(1 + r() * 8).toFixed(2)}e-${String(1 + int(r, 9)).padStart(2, '0')}`,
  date: (r) => pick(r, [() => `2026-${pad2(1 + int(r, 12))}-${pad2(1 + int(r, 28))} ${pad2(int(r, 24))}:${pad2(int(r, 60))}:${pad2(int(r, 60))} UTC`, () => `${pick(r, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} ${pick(r, MONTHS)} ${1 + int(r, 28)} ${pad2(int(r, 24))}:${pad2(int(r, 60))}:${pad2(int(r, 60))} 2026`])(),
  ipv6: (r) => `fe80::${Array.from({ length: 1 + int(r, 4) }, () => int(r, 65536).toString(16)).join(':')}`,
  signed: (r) => `${r() < 0.5 ? '-' : '+'}${(r() * 50).toFixed(1)}`,
  spaced: (r) => pick(r, [() => `${1 + int(r, 23)}h ${int(r, 60)}m`, () => `${1 + int(r, 59)}m ${int(r, 60)}s`, () => `${1 + int(r, 30)} days`])(),
};

/** Messages with `{slot}` variables, each one event. Several differ from another by one constant word only. */
const COMMON_EVENTS = [
  'pushed {count} records to shard {int}',
  'pulled {count} records from shard {int}',
  'user {name} logged in from {ip}',
  'user {name} logged out after {duration}',
  'connection to {endpoint} established',
  'connection to {endpoint} lost, retrying in {ms}',
  'opened file {path} for reading',
  'opened file {path} for writing',
  'deleted {count} expired entries in {ms}',
  'request {uuid} for {url} completed in {ms}',
  'request {uuid} for {url} failed with status {int}',
  'cache hit ratio {pct} over {count} lookups',
  'heap usage {amount} of {amount} after collection',
  'job {hex} scheduled on {host}',
  'job {hex} finished on {host} in {duration}',
  'sent {size} to {endpoint}',
  'received {size} from {endpoint}',
  'document {quoted} saved by {name}',
  'document {quoted} shared with {email}',
  'checksum mismatch for block {hex} on {host}',
  'temperature sensor {int} reads {float} C',
  'queue depth {count} exceeds limit {count}',
  'session {hex} expired',
  'session {hex} renewed for {duration}',
  'mounted volume {path} with {amount} free',
  'certificate for {host}.example.net expires in {count} days',
  'worker {int} restarted',
  'worker {int} stopped',
  'listening on port {int}',
  'configuration reloaded',
  'shutting down',
  'disk {path} usage {pct}',
];

/** A line's parts: the event it was made from, its level (when the layout has one) and its message. */
export interface SyntheticEntry {
  event: string;
  level: string;
  message: string;
  /** 0-based line index; headers use it for monotonic timestamps and record ids. */
  index: number;
}

export interface SyntheticLayout {
  /** File name stem and row label. */
  id: string;
  description: string;
  /** Events of this layout beyond those drawn from the common pool. */
  events?: string[];
  /** How many common events the layout draws (all of its own are used). */
  commonEvents?: number;
  /** Values per named slot used only by this layout's events (e.g. a few constant words). */
  slots?: Record<string, (random: Random) => string>;
  /** The whole line, header included, for one entry. */
  line(entry: SyntheticEntry, random: Random): string;
}

const LEVEL_WEIGHTS: [string, number][] = [['INFO', 0.8], ['WARN', 0.12], ['ERROR', 0.06], ['DEBUG', 0.02]];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Timestamps one to a few hundred ms apart from 2026-01-05 08:00 UTC, as Date parts. */
function clock(index: number): Date {
  return new Date(Date.UTC(2026, 0, 5, 8) + index * 137);
}

const iso = (index: number) => clock(index).toISOString();
const spaced = (index: number) => iso(index).replace('T', ' ').replace('Z', '');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function syslogTime(index: number): string {
  const d = clock(index);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** Few-valued words that make different events (2-3 values over hundreds of lines) and many-valued ones that do not. */
const CLIENTS = madeUpWords(3, 21).map((w) => w[0].toUpperCase() + w.slice(1) + 'Agent');
const DRIVERS = madeUpWords(2, 22);
const SERVICES = madeUpWords(45, 23, [2]);

export const SYNTHETIC_LAYOUTS: SyntheticLayout[] = [
  {
    id: 'pipe-delimited',
    description: 'date|component|pid|message',
    line: (e, r) => {
      const d = clock(e.index);
      return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}-${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}:${String(d.getUTCMilliseconds()).padStart(3, '0')}|${pick(r, COMPONENTS)}_Mgr|${1000 + int(r, 9000)}|${e.message}`;
    },
  },
  {
    id: 'record-columns',
    description: 'record id, host, component, event column, epoch seconds, flag, message',
    line: (e, r) =>
      `${480000 + e.index * 3 + int(r, 3)} rack${int(r, 8)}-n${int(r, 64)} ${pick(r, PACKAGES)} ${pick(r, ['state.check', 'state.change', 'probe.run'])} ${1700000000 + Math.floor(e.index / 4)} ${int(r, 2)} ${e.message}`,
  },
  {
    id: 'bracketed',
    description: '[timestamp] [thread] [LEVEL] [logger] message',
    line: (e, r) => `[${spaced(e.index)}] [pool-${int(r, 4)}-thread-${int(r, 16)}] [${e.level}] [com.${pick(r, PACKAGES)}.${pick(r, COMPONENTS)}] ${e.message}`,
  },
  {
    id: 'fixed-width',
    description: 'timestamp LEVEL component pid in padded columns',
    line: (e, r) => `${spaced(e.index)} ${e.level.padEnd(5)} ${pick(r, COMPONENTS).padEnd(12)} ${String(int(r, 99999)).padStart(5)} ${e.message}`,
  },
  {
    id: 'comma-delimited',
    description: 'timestamp,host,component,LEVEL,message (messages hold commas too)',
    events: ['close, {size} sent, {size} received, lifetime {duration}', 'open, {endpoint} via {host}, attempt {count}'],
    line: (e, r) => `${iso(e.index)},${pick(r, HOSTS)},${pick(r, COMPONENTS).toLowerCase()},${e.level},${e.message}`,
  },
  {
    id: 'logfmt',
    description: 'time= level= component= msg="…" plus key=value fields',
    line: (e, r) => `time=${iso(e.index)} level=${e.level.toLowerCase()} component=${pick(r, COMPONENTS).toLowerCase()} msg="${e.message.replaceAll('"', "'")}" req=${int(r, 1e6)}`,
  },
  {
    id: 'json-lines',
    description: 'one JSON object per line with ts, level, logger, msg',
    line: (e, r) => JSON.stringify({ ts: iso(e.index), level: e.level.toLowerCase(), logger: `${pick(r, PACKAGES)}.${pick(r, COMPONENTS)}`, msg: e.message, thread: int(r, 64) }),
  },
  {
    id: 'proxy-sizes',
    description: '[MM.DD hh:mm:ss] program - endpoint message, with multi-token and optional sizes and durations',
    commonEvents: 6,
    events: [
      'close, {size} sent, {size} received, lifetime {duration}',
      'open through proxy {endpoint} HTTPS',
      'error : Could not connect to proxy {endpoint} - connection attempt failed with error {int}',
      'error : A connection request was canceled before the completion.',
    ],
    line: (e, r) => {
      const d = clock(e.index);
      return `[${pad2(d.getUTCMonth() + 1)}.${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}] ${pick(r, NAMES)}.exe - ${pick(r, HOSTS)}.example.net:${int(r, 65535)} ${e.message}`;
    },
  },
  {
    id: 'few-vs-many-words',
    description: 'syslog; short messages differing by one of a few constant words (separate events) or one of many variable words (one event)',
    commonEvents: 8,
    events: [
      ...CLIENTS.map((client) => `initialized by client ${client}`),
      ...DRIVERS.map((driver) => `registered new driver ${driver}`),
      'removing {service}',
      'starting {service}',
    ],
    slots: { service: (r) => pick(r, SERVICES) },
    line: (e, r) => `${syslogTime(e.index)} ${pick(r, HOSTS)} ${pick(r, ['xinetd', 'kernel', 'initd'])}[${int(r, 30000)}]: ${e.message}`,
  },
  {
    id: 'syslog-many-hosts',
    description: 'syslog with two dozen hosts and several programs sharing events',
    line: (e, r) => `${syslogTime(e.index)} ${pick(r, HOSTS)} ${pick(r, PACKAGES)}[${int(r, 30000)}]: ${e.message}`,
  },
  {
    id: 'log4j-keyvalue',
    description: 'timestamp LEVEL [thread] logger: message with key=value variables',
    events: ['flush done bytes={int} files={count} took={ms}', 'compaction started region={hex} store={name} size={amount}', 'slow call method={name} elapsed={ms} caller={ip}'],
    line: (e, r) => `${spaced(e.index).replace('.', ',')} ${e.level} [${pick(r, NAMES)}-${int(r, 8)}] ${pick(r, PACKAGES)}.${pick(r, COMPONENTS)}: ${e.message}`,
  },
  {
    id: 'tab-separated',
    description: 'timestamp, host, LEVEL, component separated by tabs',
    line: (e, r) => `${iso(e.index)}\t${pick(r, HOSTS)}\t${e.level}\t${pick(r, COMPONENTS)}\t${e.message}`,
  },
  {
    id: 'uptime-bracket',
    description: 'kernel-style [ seconds.micros] uptime stamp, then the message',
    line: (e) => `[${((e.index * 137) / 1000 + 3.5).toFixed(6).padStart(12)}] ${e.message}`,
  },
  {
    id: 'klog-values',
    description: 'klog header (Lmmdd hh:mm:ss.micros pid file:line]) with Go durations, versions and pod names',
    commonEvents: 8,
    events: [
      'pod {pod} started in {godur}',
      'created container {name} in pod {pod}',
      'pulled image registry.example.com/{name}:{version} in {godur}',
      'killing container {name} in pod {pod} with grace period {int}s',
      'upgrading {name} from {version} to {version}',
      'deleted pod {pod} from node {host}',
      'probe of pod {pod} failed after {godur}: {url} returned {int}',
    ],
    line: (e, r) => {
      const d = clock(e.index);
      const micros = String(d.getUTCMilliseconds() * 1000 + int(r, 1000)).padStart(6, '0');
      return `${e.level[0]}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${micros} ${String(1 + int(r, 9)).padStart(7)} ${pick(r, PACKAGES)}.go:${1 + int(r, 900)}] ${e.message}`;
    },
  },
  {
    id: 'python-reprs',
    description: 'Python logging (time - logger - LEVEL - message) with dict, list and object reprs, grouped numbers, Windows paths with spaces, single-quoted values',
    commonEvents: 8,
    events: [
      'processed batch {pylist} with options {pydict}',
      'loaded settings {pydict} from {path}',
      'connection pool {repr} exhausted after {thousands} requests',
      'worker {repr} finished {pylist} in {float} seconds',
      'launching {winpath} with {count} arguments',
      'task {squoted} retried {count} times',
      'cache {name} holds {thousands} keys using {amount}',
    ],
    line: (e, r) => `${spaced(e.index).replace('.', ',')} - ${pick(r, PACKAGES)}.${pick(r, NAMES)} - ${e.level} - ${e.message}`,
  },
  {
    id: 'values-in-prose',
    description: 'ISO timestamp and LEVEL, then messages with rates, scientific notation, dates, IPv6, signed values, spaced durations',
    commonEvents: 8,
    events: [
      'transfer to {host} running at {rate}',
      'loss converged to {sci} after {count} steps',
      'certificate valid until {date}',
      'last backup of {name} finished {spaced}',
      'neighbour {ipv6} unreachable',
      'clock drift {signed} ms against {ip}',
      'upload of {path} failed, status: {int}',
    ],
    line: (e) => `${iso(e.index)} ${e.level} ${e.message}`,
  },
  {
    id: 'compose-prefix',
    description: 'a padded service name and `|` in front of an ISO timestamp and LEVEL (docker compose style)',
    line: (e, r) => `${`${pick(r, PACKAGES)}-${1 + int(r, 3)}`.padEnd(12)}| ${iso(e.index)} ${e.level} ${e.message}`,
  },
  {
    id: 'spaced-pipes',
    description: 'timestamp | LEVEL | component | message, with spaces around the pipes',
    line: (e, r) => `${spaced(e.index)} | ${e.level.padEnd(5)} | ${pick(r, COMPONENTS)} | ${e.message}`,
  },
  {
    id: 'semicolon-delimited',
    description: 'date;time;host;component;LEVEL;message',
    line: (e, r) => `${spaced(e.index).replace(' ', ';')};${pick(r, HOSTS)};${pick(r, COMPONENTS)};${e.level};${e.message}`,
  },
  {
    id: 'module-brackets',
    description: '[ctime with micros] [module:level] [pid N:tid M] [client ip:port] message (Apache 2.4 error log style)',
    line: (e, r) => {
      const d = clock(e.index);
      const ctime = `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][(d.getUTCDay() + 6) % 7]} ${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000 + int(r, 1000)).padStart(6, '0')} ${d.getUTCFullYear()}`;
      const client = r() < 0.6 ? ` [client ${SLOTS.ip(r)}:${1024 + int(r, 60000)}]` : '';
      return `[${ctime}] [${pick(r, PACKAGES)}:${e.level.toLowerCase()}] [pid ${1000 + int(r, 30000)}:tid ${100000 + int(r, 900000)}]${client} ${e.message}`;
    },
  },
  {
    id: 'thread-with-spaces',
    description: 'timestamp [thread name with spaces] LEVEL logger - message',
    line: (e, r) => `${spaced(e.index).replace('.', ',')} [${pick(r, ['main', `Worker thread ${int(r, 8)}`, `pool-${int(r, 4)}-thread-${int(r, 16)}`, 'HTTP listener'])}] ${e.level} com.${pick(r, PACKAGES)}.${pick(r, COMPONENTS)} - ${e.message}`,
  },
  {
    id: 'mdc-fields',
    description: 'timestamp LEVEL [thread] [key=value context fields] logger: message',
    line: (e, r) => `${spaced(e.index)} ${e.level} [${pick(r, NAMES)}-${int(r, 8)}] [req=${SLOTS.hex(r)} user=${pick(r, NAMES)} tenant=${pick(r, PACKAGES)}] ${pick(r, COMPONENTS)}: ${e.message}`,
  },
  {
    id: 'event-csv',
    description: 'Windows event export: Level,M/D/YYYY h:mm:ss AM,Source with spaces,Event ID,Task,message with commas',
    line: (e, r) => {
      const d = clock(e.index);
      const hour = d.getUTCHours() % 12 || 12;
      const level = { INFO: 'Information', WARN: 'Warning', ERROR: 'Error', DEBUG: 'Verbose' }[e.level] ?? 'Information';
      return `${level},${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hour}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'},${pick(r, ['Service Control Manager', 'Kernel-Power', 'Disk', 'Application Error', 'Windows Update Client'])},${pick(r, [7036, 41, 153, 1000, 19, 43])},None,${e.message}`;
    },
  },
  {
    id: 'go-log-file',
    description: 'Go log with Lshortfile: yyyy/mm/dd hh:mm:ss file.go:line: message',
    line: (e, r) => `${iso(e.index).slice(0, 10).replaceAll('-', '/')} ${iso(e.index).slice(11, 19)} ${pick(r, PACKAGES)}.go:${1 + int(r, 400)}: ${e.message}`,
  },
  {
    id: 'mixed-programs',
    description: 'syslog where one program writes its own pipe-delimited header (component, pid) and the others none',
    line: (e, r) => {
      // A program writes its own events: every other event is the one program's that writes the inner header.
      const inner = Number(e.event.slice(1)) % 2 === 0;
      const program = inner ? `appd[${100 + int(r, 900)}]` : `${pick(r, ['kernel', 'cron', 'agent'])}[${int(r, 30000)}]`;
      return `${syslogTime(e.index)} ${pick(r, HOSTS)} ${program}: ${inner ? `${spaced(e.index)}|${pick(r, COMPONENTS)}|${int(r, 9000)}|` : ''}${e.message}`;
    },
  },
  {
    id: 'no-header',
    description: 'bare messages, no header at all',
    line: (e) => e.message,
  },
];

export interface SyntheticFile {
  layout: SyntheticLayout;
  lines: string[];
  /** The event id of each line (same order): `E<n>`, numbered within the file. */
  events: string[];
  /** The message of each line, without its header: what a miner given the layout by hand would mine. */
  messages: string[];
  /** The template of each event id. */
  templates: Map<string, string>;
}

function fill(template: string, random: Random, slots: Record<string, (random: Random) => string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const slot = slots[name];
    if (!slot) throw new Error(`unknown slot {${name}} in "${template}"`);
    return slot(random);
  });
}

function weightedLevel(random: Random): string {
  let x = random();
  for (const [level, weight] of LEVEL_WEIGHTS) {
    if ((x -= weight) < 0) return level;
  }
  return 'INFO';
}

/** The layout's events: its own plus `commonEvents` (default 20) drawn from the common pool, in a seeded order. */
function eventsOf(layout: SyntheticLayout, random: Random): string[] {
  const pool = [...COMMON_EVENTS];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = int(random, i + 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return [...(layout.events ?? []), ...pool.slice(0, layout.commonEvents ?? 20)];
}

/**
 * Generates `lines` lines of a layout (seeded: the same arguments give the same file). Events follow a Zipf-like
 * frequency (a few common, a long tail of rare ones), so rare events are present as in real logs.
 */
export function generateSynthetic(layout: SyntheticLayout, lines = 3000, seed = 1): SyntheticFile {
  const random = seededRandom(seed * 7919 + [...layout.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0));
  const templates = eventsOf(layout, random);
  const weights = templates.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const slots = { ...SLOTS, ...layout.slots };
  const out: SyntheticFile = { layout, lines: [], events: [], messages: [], templates: new Map() };
  for (let index = 0; index < lines; index++) {
    let x = random() * totalWeight;
    let chosen = 0;
    while ((x -= weights[chosen]) > 0 && chosen < templates.length - 1) chosen++;
    const event = `E${chosen + 1}`;
    out.templates.set(event, templates[chosen]);
    const entry: SyntheticEntry = { event, level: weightedLevel(random), message: fill(templates[chosen], random, slots), index };
    out.lines.push(layout.line(entry, random));
    out.events.push(event);
    out.messages.push(entry.message);
  }
  return out;
}

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Writes each layout as a Loghub-style data set under `root`: `<id>/<id>.log` and `<id>/<id>.log_structured.csv`
 * (LineId, EventId, EventTemplate), so the Loghub evaluation reads them unchanged. Returns `root`.
 */
export function writeSyntheticDatasets(root: string, layouts = SYNTHETIC_LAYOUTS, lines = 3000, seed = 1): string {
  for (const layout of layouts) {
    const file = generateSynthetic(layout, lines, seed);
    const dir = join(root, layout.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${layout.id}.log`), `${file.lines.join('\n')}\n`);
    const rows = file.events.map((event, i) => `${i + 1},${event},${csvCell(file.templates.get(event) ?? '')}`);
    writeFileSync(join(dir, `${layout.id}.log_structured.csv`), `LineId,EventId,EventTemplate\n${rows.join('\n')}\n`);
  }
  return root;
}
