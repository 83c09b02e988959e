// Brain, the baseline beside the miner (servers/logs/patterns/brain.ts): groups decided from the file's own word
// frequencies per position, on made-up statements and on real lines of the studied excerpts.
import assert from 'node:assert/strict';
import { brainGroups, rootPositions } from '../../../servers/logs/patterns/brain';
import { join } from 'node:path';
import { gateBatches, mineMessages, printableSystems } from '../../../scripts/eval-brain';

/** The messages of each group, in the order groups are first met; a message without a group as its own `[text]`. */
function partition(messages: string[]): string[][] {
  const { groups } = brainGroups(messages);
  const byGroup = new Map<number | string, string[]>();
  groups.forEach((group, i) => {
    const key = group ?? `none ${i}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), messages[i]]);
  });
  return [...byGroup.values()];
}

describe('Brain (frequency-based grouping, the evaluation baseline)', () => {
  it('takes as root the words sharing the frequency most words have, not a frequency of 1 nor a masked value', () => {
    // 12 lines of `session opened for user <name>`: `session`/`for`/`user` also in 8 closing lines (frequency 20).
    assert.deepEqual(rootPositions(['session', 'opened', 'for', 'user', 'alice'], [20, 12, 20, 20, 1]), [0, 2, 3]);
    // Every word once in the file (a statement met once): its words are the root, there is nothing else.
    assert.deepEqual(rootPositions(['disk', 'full', 'on', 'sda'], [1, 1, 1, 1]), [0, 1, 2, 3]);
    // Three words unique to this line lose to the two words others share: a frequency of 1 is no common pattern.
    assert.deepEqual(rootPositions(['a', 'b', 'c', 'x', 'y'], [7, 7, 1, 1, 1]), [0, 1]);
    // Ties in words go to the higher frequency; `<*>` takes no part.
    assert.deepEqual(rootPositions(['<*>', 'started', 'worker', 'pool'], [50, 9, 4, 9]), [1, 3]);
  });

  it('keeps a column of many values holding few lines each a variable, and apart the statements that share words', () => {
    const names = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar'];
    const opened = names.map((name) => `session opened for user ${name}`);
    const closed = names.slice(0, 8).map((name) => `session closed for user ${name}`);
    const result = brainGroups([...opened, ...closed]);
    assert.deepEqual(new Set(result.groups.slice(0, 12)).size, 1);
    assert.deepEqual(new Set(result.groups.slice(12)).size, 1);
    assert.notEqual(result.groups[0], result.groups[12]);
    assert.deepEqual([...result.templates].sort(), ['session closed for user <*>', 'session opened for user <*>']);
  });

  it('splits a group by a column of few words each holding many lines (words that name events)', () => {
    const backup = Array.from({ length: 15 }, () => 'Entering BACKUP STATE');
    const master = Array.from({ length: 15 }, () => 'Entering MASTER STATE');
    assert.deepEqual(partition([...backup, ...master]), [backup, master]);
  });

  it('groups real lines whose first word names a thread (BitcoinCore, batch 8) by statement', () => {
    // test/fixtures/real-excerpts/BitcoinCore: `<name> thread start` and `<name> thread exit`, one statement each.
    const start = ['scheduler thread start', 'dnsseed thread start', 'opencon thread start', 'net thread start', 'msghand thread start', 'addcon thread start'];
    const exit = ['addcon thread exit', 'net thread exit', 'opencon thread exit', 'msghand thread exit'];
    const result = brainGroups([...start, ...exit]);
    assert.deepEqual(result.templates, ['<*> thread start', '<*> thread exit']);
    assert.deepEqual(result.groups, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('groups real lines of one statement with a name after a label (Supervisord, batch 5) and keeps words with digits out of templates', () => {
    // test/fixtures/real-excerpts/Supervisord: `exited: <name> (exit status <n>; not expected)`.
    const lines = ['exited: webserver (exit status 0; not expected)', 'exited: seat3 (exit status 0; not expected)', 'exited: seat4 (exit status 0; not expected)',
      'exited: website (exit status 0; not expected)', 'exited: seat1 (exit status 0; not expected)', 'exited: webserver (exit status 0; not expected)'];
    const result = brainGroups(lines);
    assert.equal(new Set(result.groups).size, 1);
    assert.equal(result.templates.length, 1);
    assert.ok(!/\d/.test(result.templates[0]), result.templates[0]);
  });

  it('leaves a message without tokens ungrouped and counts only the first messages of a length when bounded', () => {
    assert.deepEqual(brainGroups(['', 'worker ready']).groups, [undefined, 0]);
    // Bounded to 2 counted lines per length: the third line reads the counts of the first two and still joins them.
    const result = brainGroups(['cache hit ratio high', 'cache hit ratio high', 'cache hit ratio high'], { maxCountedPerLength: 2 });
    assert.deepEqual(result.groups, [0, 0, 0]);
  });
});

describe('eval:brain reads the batches from the gate', () => {
  const source = [
    'const BATCH_1: Record<string, number> = {\n  Alpha: 1, Beta: 0.5,\n  // Gamma: a comment naming a system\n  Gamma: 0.9,\n};',
    'const BATCH_2: Record<string, number> = {\n  Delta: 1,\n};',
    'const HELD_OUT: readonly Record<string, number>[] = [BATCH_2];',
  ].join('\n');

  it('tells studied batches from held-out ones, each system once', () => {
    assert.deepEqual(gateBatches(source), [
      { batch: 1, systems: ['Alpha', 'Beta', 'Gamma'], heldOut: false },
      { batch: 2, systems: ['Delta'], heldOut: true },
    ]);
  });

  it('refuses a gate without a HELD_OUT list (it could print a held-out system)', () => {
    assert.throws(() => gateBatches(source.replace(/const HELD_OUT.*/, '')), /HELD_OUT/);
  });

  it('finds the held-out batches in the real gate', () => {
    assert.ok(gateBatches().some((b) => b.heldOut));
  });

  it('shows, of the real excerpts, only systems of a studied batch; elsewhere every system not held out', () => {
    const excerpts = join(__dirname, '../../fixtures/real-excerpts');
    const systems = [{ system: 'BitcoinCore' }, { system: 'NotInAnyBatch' }];
    assert.deepEqual(printableSystems(systems, excerpts), [{ system: 'BitcoinCore' }]);
    assert.deepEqual(printableSystems(systems, '/elsewhere'), systems);
    const heldOut = gateBatches().find((b) => b.heldOut)?.systems[0] as string;
    assert.deepEqual(printableSystems([{ system: heldOut }], '/elsewhere'), []);
  });
});

describe('eval:brain gives Brain the messages the miner is given', () => {
  it('cuts the header the file has learned, and numbers each message by its line (blank lines give none)', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `2024-01-0${1 + (i % 9)} 10:00:0${i % 10} INFO worker ${i} ready`);
    lines.splice(3, 0, '');
    const mined = await mineMessages({ system: 'made-up', lines, events: lines.map(() => 'E1') });
    assert.equal(mined.messages.length, 12);
    assert.equal(mined.messages[0], 'worker 0 ready');
    assert.deepEqual(mined.lineOf.slice(0, 4), [1, 2, 3, 5]);
  });
});
