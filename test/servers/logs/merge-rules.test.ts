// Merge rules learned from the file (patterns/variability.ts): where templates differ in a few places, whether those
// places hold values or the statements' own words is read from how the words behave across the whole file. Made-up
// lines of the failing shapes with their right grouping, and the neighbours that must stay apart.
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
});
