// Issue 13's failure kinds, each with made-up lines and the right grouping: header columns left in the message,
// variables spanning several tokens or optional, and one similarity rule for every position.
import assert from 'node:assert/strict';
import { learnMessageColumns } from '../../../servers/logs/patterns/columns';
import { ErrorGrouper } from '../../../servers/logs/patterns/error-grouper';
import { tallyOf } from '../../../servers/logs/patterns/tallies';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { tokenize } from '../../../servers/logs/patterns/tokenize';

/** A deterministic pseudo-random source (mulberry32), so the made-up files are the same on every run. */
function randomSource(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Event = [id: string, message: (rnd: (n: number) => number) => string];

const EVENTS: Event[] = [
  ['pushed', (rnd) => `pushed ${rnd(500)} records to shard ${rnd(9)}`],
  ['flush', (rnd) => `flush of cache done in ${rnd(900)} ms`],
  ['login', (rnd) => `user u${rnd(90)}x logged in from 10.0.${rnd(255)}.${rnd(255)}`],
  ['state', (rnd) => `worker ${rnd(16)} is idle`],
  ['rpm', (rnd) => `fan speed rpm=${1000 + rnd(3000)}`],
];

/** Mines `count` lines built by `layout` around random events; returns, per event, the set of template ids it got. */
async function mineLayout(layout: (i: number, message: string, rnd: (n: number) => number) => string, count = 400) {
  const rnd = randomSource(11);
  const truth: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const [id, message] = EVENTS[rnd(EVENTS.length)];
    truth.push(id);
    lines.push(layout(i, message(rnd), rnd));
  }
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
  const templateOf: number[] = [];
  for (const t of miner.templates()) for (const n of t.lineNumbers ?? []) templateOf[n - 1] = t.id;
  const byEvent = new Map<string, Set<number>>();
  truth.forEach((id, i) => (byEvent.get(id) ?? byEvent.set(id, new Set()).get(id)!).add(templateOf[i]));
  return { byEvent, templates: miner.templates() };
}

function assertOneTemplatePerEvent(byEvent: Map<string, Set<number>>): void {
  const seen = new Set<number>();
  for (const [event, ids] of byEvent) {
    assert.equal(ids.size, 1, `${event} is split over ${ids.size} templates`);
    const [id] = ids;
    assert.ok(!seen.has(id), `${event} shares its template with another event`);
    seen.add(id);
  }
}

describe('log intelligence: header columns learned per file', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const components = ['Sync_Mgr', 'Disk_Watch', 'Net_Ctl', 'Auth'];

  it('cuts pipe-delimited fields (component, pid) in front of the message', async () => {
    const { byEvent, templates } = await mineLayout((i, m, rnd) => `20260105-08:01:${pad(i % 60)}:${rnd(1000)}|${components[rnd(4)]}|${4000 + rnd(99)}|${m}`);
    assertOneTemplatePerEvent(byEvent);
    assert.ok(templates.some((t) => t.template === 'pushed <*> records to shard <*>'), templates.map((t) => t.template).join('\n'));
  });

  it('cuts space-separated columns that start with a record id and end with typed fields', async () => {
    const hosts = ['rack3-n41', 'rack1-n02', 'rack7-n13'];
    const { byEvent } = await mineLayout((i, m, rnd) => `${482113 + i} ${hosts[rnd(3)]} ${['fan', 'psu', 'net'][rnd(3)]} ${['speed.check', 'volt.read'][rnd(2)]} ${1700000007 + i} ${rnd(2)} ${m}`);
    assertOneTemplatePerEvent(byEvent);
  });

  it('cuts a column padded to a fixed width, also where a long value overflows it', async () => {
    const names = ['CBS', 'CSI', 'Servicing', 'DPX'];
    const { byEvent } = await mineLayout((i, m, rnd) => `2026-01-05 08:01:${pad(i % 60)}, Info                  ${names[rnd(4)].padEnd(7)} ${m}`);
    assertOneTemplatePerEvent(byEvent);
  });

  it('cuts padded columns from every line, also where a right-aligned value is narrower, and mines a misfit whole', async () => {
    const names = ['Vusa', 'Debav', 'Lababa', 'Se'];
    // Right-aligned pids of 1 to 5 digits, so the text after the padding starts at several offsets.
    const { byEvent, templates } = await mineLayout((i, m, rnd) => `2026-01-05 08:01:${pad(i % 60)}.${rnd(1000)} INFO  ${names[rnd(4)].padEnd(12)} ${String(10 ** rnd(5) + rnd(9)).padStart(5)} ${m}`);
    assertOneTemplatePerEvent(byEvent);
    assert.ok(templates.some((t) => t.template === 'worker <*> is idle'), templates.map((t) => t.template).join('\n'));
    const words = ['pushed 3 records', 'flush of cache done', 'worker 4 is idle', 'fan speed rpm=2210 on rack 7'];
    const columns = learnMessageColumns(Array.from({ length: 40 }, (_, i) => `${names[i % 4].padEnd(12)} ${String(7 * 10 ** (i % 5)).padStart(5)} ${words[i % 4]}`));
    assert.match(columns.description ?? '', /padded to 13 characters/);
    assert.equal(columns.strip(`${'Se'.padEnd(12)}     7 flush done`), 'flush done');
    assert.equal(columns.strip('user u7x logged in'), 'user u7x logged in');
  });

  it('learns nothing from messages that only start with words, and cuts nothing from a line that does not fit', () => {
    const words = ['pushed 3 records', 'flush done', 'worker 4 is idle', 'fan speed rpm=2210'];
    const plain = learnMessageColumns(Array.from({ length: 40 }, (_, i) => words[i % 4]));
    assert.equal(plain.description, undefined);
    const columns = learnMessageColumns(Array.from({ length: 40 }, (_, i) => `${1000 + i} node${i % 3}x7 ${words[i % 4]}`));
    assert.match(columns.description ?? '', /2 leading columns/);
    assert.equal(columns.strip('1041 node1x7 flush done'), 'flush done');
    assert.equal(columns.strip('continued: see above'), 'continued: see above');
  });

  it("a first column of punctuation (Spring Boot's ` : ` after its padded logger) cuts no word from a line without it (hdr28)", () => {
    // Most lines: `<logger padded to 40> : <text>`; a few lines of another layout of the same program carry the text
    // alone. The learned ` : ` column took the first word of those (`No active profile set` read `active profile set`).
    const loggers = ['com.example.Launcher', 'o.s.web.servlet.DispatcherServlet', 'io.undertow.servlet'];
    const words = ['Started Launcher in 3.9 seconds', 'Completed initialization in 1 ms', 'No active profile set', 'Initializing Servlet main'];
    const columns = learnMessageColumns(Array.from({ length: 40 }, (_, i) => `${loggers[i % 3].padEnd(40)} : ${words[i % 4]}`));
    assert.match(columns.description ?? '', /padded to \d+ characters; 1 leading column \(punct\)/);
    assert.equal(columns.strip(`${'io.undertow.servlet'.padEnd(40)} : No active profile set`), 'No active profile set');
    assert.equal(columns.strip('No active profile set'), 'No active profile set');
    assert.equal(columns.strip('Starting Launcher on host-1 with PID 7'), 'Starting Launcher on host-1 with PID 7');
  });

  it('a placeholder column between typed ones still takes a value on some lines (neighbour: `*` filled by a name)', () => {
    const words = ['pushed 3 records', 'flush done', 'worker 4 is idle', 'fan speed rpm=2210'];
    const columns = learnMessageColumns(Array.from({ length: 40 }, (_, i) => `${1000 + i} * node${i % 3}x7 ${words[i % 4]}`));
    assert.match(columns.description ?? '', /3 leading columns \(number, punct, id\)/);
    assert.equal(columns.strip('1041 bob node1x7 flush done'), 'flush done');
  });

  it('cuts the delimited fields every line has, also when many messages start with a word glued to the delimiter', () => {
    // Made-up comma-delimited lines: a third of the messages start `open, …` or `close, …`, so their first word holds
    // one comma more than the header; the header is the fields (nearly) every line has, not the commonest count.
    const words = ['open, db-1 via gw-2, attempt 4', 'close, 12 bytes sent', 'connection to db-1 established', 'user bob logged in', 'flush done'];
    const columns = learnMessageColumns(Array.from({ length: 60 }, (_, i) => `host-${i % 7},comp${i % 3 ? 'a' : 'b'},INFO,${words[i % 5]}`));
    assert.equal(columns.description, "3 ','-delimited fields");
    assert.equal(columns.strip('host-3,compa,WARN,open, db-9 via gw-1, attempt 7'), 'open, db-9 via gw-1, attempt 7');
    assert.equal(columns.strip('host-3,compa,WARN,user kim logged in'), 'user kim logged in');
  });

  it('learns the header a program writes inside its syslog messages from that program\'s lines, however few of the file they are', async () => {
    // Made-up syslog: `appd` writes its own `time|component|pid|` header; the other programs write none. The file-wide
    // rule sees the header on half the lines only; appd's own lines show it on every one.
    const components = ['Sync_Mgr', 'Disk_Watch', 'Net_Ctl', 'Auth', 'Sched', 'Cache', 'Queue', 'Index', 'Store', 'Feed'];
    const { byEvent, templates } = await mineLayout((i, m, rnd) => {
      const time = `Jan  5 08:${pad(Math.floor(i / 60) % 60)}:${pad(i % 60)}`;
      return m.startsWith('pushed') || m.startsWith('user')
        ? `${time} db-1 appd[${100 + rnd(900)}]: 2026-01-05 08:00:${pad(i % 60)}.123|${components[rnd(10)]}|${4000 + rnd(99)}|${m}`
        : `${time} db-1 ${['kernel', 'cron'][rnd(2)]}[${rnd(30000)}]: ${m}`;
    }, 800);
    assertOneTemplatePerEvent(byEvent);
    assert.ok(templates.some((t) => t.template === 'pushed <*> records to shard <*>'), templates.map((t) => t.template).join('\n'));
  });

  it('cuts delimited fields that hold spaces (an event export), but not prose whose commas a space follows', () => {
    // Made-up event-export lines: the date and the source hold spaces; the message holds commas of its own.
    const sources = ['Service Control Manager', 'Disk', 'Windows Update Client'];
    const words = ['worker 4 stopped', 'close, 12 bytes sent, 3 received', 'connection to db-1 established'];
    const exported = learnMessageColumns(Array.from({ length: 60 }, (_, i) => `Information,1/5/2026 8:0${i % 10}:00 AM,${sources[i % 3]},${7036 + i},None,${words[i % 3]}`));
    assert.equal(exported.description, "5 ','-delimited fields");
    assert.equal(exported.strip('Warning,1/5/2026 9:00:00 PM,Disk,41,None,close, 9 bytes sent, 1 received'), 'close, 9 bytes sent, 1 received');
    const prose = learnMessageColumns(Array.from({ length: 60 }, (_, i) => `close, ${i} bytes sent, ${i + 1} received, lifetime ${i}s`));
    assert.equal(prose.description, undefined);
  });

  it('cuts fields that a separator standing alone (` | `, ` - `) ends, the same on nearly every line', () => {
    // Made-up lines: a component before ` | ` and a logger before ` - ` are header fields, not words of the event.
    const words = ['pushed 3 records', 'flush done', 'worker 4 is idle', 'cache hit ratio 5% - fine', 'user bob logged in'];
    const piped = learnMessageColumns(Array.from({ length: 60 }, (_, i) => `${['Debav', 'Parires', 'Sele'][i % 3]} | ${i % 2 ? 'x1' : 'y2'} | ${words[i % 5]}`));
    assert.equal(piped.description, "2 fields ended by ' | '");
    assert.equal(piped.strip('Vosefi | z3 | flush done'), 'flush done');
    const logger = learnMessageColumns(Array.from({ length: 60 }, (_, i) => `com.${['lubos', 'gapebu'][i % 2]}.${['Saga', 'Debav', 'Sele'][i % 3]} - ${words[i % 5]}`));
    assert.equal(logger.strip('com.lika.Parires - cache hit ratio 7% - fine'), 'cache hit ratio 7% - fine');
    // Messages that merely contain a dash now and then teach nothing.
    assert.equal(learnMessageColumns(Array.from({ length: 60 }, (_, i) => (i % 4 ? words[i % 5] : `retry - ${words[i % 5]}`))).description, undefined);
  });

  it('cuts nothing from a table: typed columns followed by a fixed number of fields are not a header', () => {
    const table = learnMessageColumns(Array.from({ length: 40 }, (_, i) => `${1000 + i} ${i % 2 ? 'GET' : 'POST'} /api/items ${i % 3 ? 200 : 404} ${i}ms`));
    assert.equal(table.description, undefined);
  });
});

describe('log intelligence: error_summary learns the header columns of each file too', () => {
  it('groups error lines by event, not by the component and pid columns in front of them', () => {
    const rnd = randomSource(5);
    const grouper = new ErrorGrouper();
    const components = ['Sync_Mgr', 'Disk_Watch', 'Net_Ctl', 'Auth', 'Sched', 'Store'];
    const events = [(n: number) => `write to shard ${n % 9} failed`, (n: number) => `lost ${n} heartbeats from peer`, (n: number) => `quota exceeded for tenant t${n}x`];
    for (let i = 0; i < 300; i++) {
      const message = `${components[rnd(components.length)]}|${4000 + rnd(500)}|${events[i % 3](rnd(1000))}`;
      grouper.addTallies('app.log', [tallyOf({ line: i + 1, text: `20260105-08:01:02:${i}|${message}`, message, level: 'ERROR' })]);
    }
    assert.deepEqual(grouper.sorted().map((g) => [g.template, g.count]), [
      ['write to shard <*> failed', 100],
      ['lost <*> heartbeats from peer', 100],
      ['quota exceeded for tenant <*>', 100],
    ]);
  });
});

describe('log intelligence: variables over several tokens', () => {
  it('takes a number with its unit, and a parenthesised annotation after a value, as one optional variable', () => {
    const a = tokenize('close, 2215 bytes (2.1 KB) sent, 90 bytes received, lifetime <1 sec');
    const b = tokenize('close, 90 bytes sent, 5000000 bytes (4.8 MB) received, lifetime 00:12');
    assert.deepEqual(a.tokens, b.tokens);
    assert.equal(a.lead + a.tokens.map((t, i) => t + a.seps[i]).join(''), 'close, <*> sent, <*> received, lifetime <<*>');
    // A bracketed list is one value however many items it has; a record of fields is read field by field.
    assert.deepEqual(tokenize('handlers for [TERM, HUP, INT] set').tokens, tokenize('handlers for [TERM, HUP] set').tokens);
    assert.deepEqual(tokenize('event { action=DOWN, x=3 }').tokens, ['event', 'action', 'DOWN', 'x', '<*>']);
    // A colon inside an item that opens with no key is no field's: a route's parameter (NestJS's `Mapped {/jobs/:id,
    // PUT} route`, Immich) or an address's port. A list with one is a list as one without is.
    assert.deepEqual(tokenize('Mapped {/asset/thumbnail/:assetId, GET} route').tokens, tokenize('Mapped {/asset/file, GET} route').tokens);
    assert.deepEqual(tokenize('upstreams [10.0.0.1:80, 10.0.0.2:8080] ready').tokens, ['upstreams', '<*>', 'ready']);
    assert.deepEqual(tokenize('event { action: DOWN, x: 3 }').tokens, ['event', 'action', 'DOWN', 'x', '<*>']);
    // A time zone after a time is part of that time, as a unit is part of a number.
    assert.deepEqual(tokenize('valid until 2026-06-20 17:27:32 UTC now').tokens, tokenize('valid until 2026-06-20 17:27:32 now').tokens);
    assert.deepEqual(tokenize('valid until Tue Jul 20 08:08:37 CEST 2026').tokens, ['valid', 'until', '<*>']);
    // The symbolic name of the number before it is that number's: `signal 29 (SIGIO)`, `error 13 (EACCES)`.
    assert.deepEqual(tokenize('signal 29 (SIGIO) received').tokens, tokenize('signal 17 (SIGCHLD) received').tokens);
    assert.deepEqual(tokenize('state (RUNNING) reached').tokens, ['state', 'RUNNING', 'reached']);
    assert.deepEqual(tokenize('value 0x1f (FOO) set').tokens, tokenize('value 0x2a (BAR) set').tokens);
    // rev27a/fix27: after an address or a version the word is the line's own (a result), kept as it is after a path:
    // `Check disk 10.0.0.1 (FAILED)` lost its result where `Check disk /dev/sda (FAILED)` kept it.
    assert.deepEqual(tokenize('Check disk 10.0.0.1 (FAILED)').tokens, ['Check', 'disk', '<*>', 'FAILED']);
    assert.deepEqual(tokenize('Check disk 10.0.0.1 (FAILED)').tokens, tokenize('Check disk /dev/sda (FAILED)').tokens);
    assert.deepEqual(tokenize('release 2.4 (BETA) out').tokens, ['release', '<*>', 'BETA', 'out']);
    // Words in parentheses are not an annotation of a value: they can tell events apart.
    assert.deepEqual(tokenize('failed (errno 13) now').tokens, ['failed', 'errno', '<*>', 'now']);
  });
});

describe('log intelligence: a merge rule learned from how each position varies in the file', () => {
  /** Adds the lines in order and returns each one's listed template text. */
  function mine(lines: string[], miner = new TemplateMiner()): string[] {
    const ids = lines.map((line) => miner.add(line));
    const text = new Map(miner.templates().map((t) => [t.id, t.template]));
    return ids.map((id) => text.get(miner.finalId(id)) ?? '?');
  }

  it('keeps a few event-naming words apart, each repeated many times, even when their message is short', () => {
    const clients = ['UpdateAgent', 'SyncHelper', 'Spotlight', 'PowerChime', 'LoginPanel'];
    const lines = Array.from({ length: 200 }, (_, i) => `initialized by client ${clients[i % clients.length]}`);
    const templates = new Set(mine(lines));
    assert.equal(templates.size, 5, [...templates].join('\n'));
    const drivers = mine(['registered new driver usbhid', 'registered new driver hub', 'registered new driver usbhid']);
    assert.deepEqual(drivers, ['registered new driver usbhid', 'registered new driver hub', 'registered new driver usbhid']);
  });

  it('merges a position that takes many words with few lines each, also across the tree\'s branches', () => {
    const services = ['chargen', 'daytime', 'discard', 'echo', 'time', 'finger', 'telnet', 'rsync', 'tftp', 'ftp', 'auth', 'ntalk'];
    const templates = mine(services.flatMap((service) => [`removing ${service}`, `removing ${service}`]));
    assert.deepEqual(new Set(templates), new Set(['removing <*>']));
  });

  it('merges words that vary in several events as one shared variable (user names), however often each occurs', () => {
    const users = ['cyrus', 'news', 'test', 'alice'];
    const lines = Array.from({ length: 160 }, (_, i) => (i % 2 ? `session closed for user ${users[(i >> 1) % 4]}` : `session opened for user ${users[(i >> 1) % 4]} by uid 0`));
    assert.deepEqual(new Set(mine(lines)), new Set(['session opened for user <*> by uid <*>', 'session closed for user <*>']));
  });

  it('merges a rare word into the template whose <*> holds masked values at that place; a frequent word stays an event', () => {
    // Made-up lines: an id drawn from hex digits now and then has no digit (`ffbffcaa`) and reads as a word; the event
    // already holds masked ids there, so one line of it is one more value. `pool` on many lines is another event.
    const hex = (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
    const lines = Array.from({ length: 60 }, (_, i) => `session ${hex(i + 1)}${i % 2} expired`);
    assert.deepEqual(new Set(mine([...lines.slice(0, 30), 'session ffbffcaa expired', ...lines.slice(30)])), new Set(['session <*> expired']));
    const pools = mine([...lines, ...Array.from({ length: 20 }, () => 'session pool expired')]);
    assert.deepEqual(new Set(pools), new Set(['session <*> expired', 'session pool expired']));
  });

  it('merges a rare template into a larger one whose <*> cover every word it differs in, also at several places', () => {
    // Made-up lines: the tree routes `job eacddabb …` by its second word away from `job <*> …`, and it differs from it
    // in two places; both are variables of the larger template, so the rare line is one more line of that event.
    const hex = (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
    const lines = Array.from({ length: 60 }, (_, i) => `job ${hex(i + 1)}${i % 2} scheduled on 10.0.${i % 7}.${i}`);
    assert.deepEqual(new Set(mine([...lines.slice(0, 30), 'job eacddabb scheduled on gateway', ...lines.slice(30)])), new Set(['job <*> scheduled on <*>']));
    // Repeated on many lines, the same shape is an event of its own; and a template must share more words than it covers.
    const pools = mine([...lines, ...Array.from({ length: 12 }, () => 'job pool scheduled on gateway')]);
    assert.deepEqual(new Set(pools), new Set(['job <*> scheduled on <*>', 'job pool scheduled on gateway']));
    const loose = mine([...Array.from({ length: 30 }, (_, i) => `job ${hex(i + 1)}1 to ${i}`), 'job kavo to lodu']);
    assert.deepEqual(new Set(loose), new Set(['job <*> to <*>', 'job kavo to lodu']));
    // A template of three lines is too little to show that its <*> is a variable (here a module name with digits).
    const few = mine(['(II) xfree86: Adding drm device (/dev/dri/card1)', '(II) config: Adding drm device (/dev/dri/card1)', '(II) xfree86: Adding drm device (/dev/dri/card0)', '(II) xfree86: Adding drm device (/dev/dri/card1)']);
    assert.equal(new Set(few).size, 2);
  });

  it('merges a varying position whose words are values by their form (a digit, a dotted name), also across the tree\'s branches', () => {
    // Made-up indexer lines: the name is the second word, so the tree routes each to a branch of its own.
    const names = ['Isohunt2', 'kickasstorrents.ws', 'YourBittorrent', 'Isohunt2', 'kickasstorrents.ws'];
    const lines = names.map((name, i) => `Indexer ${name} (Prowlarr) rss sync did not cover the period between 07/${10 + i}/2024 and 07/${11 + i}/2024`);
    assert.equal(new Set(mine(lines)).size, 1);
    // Booleans and empties are no such words: `Failed password` and `Failed none` are two events.
    assert.equal(new Set(mine(['Failed password for bob from 10.0.0.1', 'Failed none for bob from 10.0.0.2', 'Failed password for bob from 10.0.0.3'])).size, 2);
  });

  it('never merges the first word, which names the event', () => {
    const daemons = ['syslogd', 'klogd', 'crond', 'sshd', 'xinetd', 'atd'];
    assert.equal(new Set(mine(daemons.map((d) => `${d} startup succeeded`))).size, daemons.length);
  });
});
