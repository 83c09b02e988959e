// A severity in capitals closed by a colon behind identity columns a configured prefix writes and drops
// (format/colon-levels.ts): PostgreSQL's `log_line_prefix = '%m [%p] %q%u@%d '`, its `LOG:` and `DEBUG1:`…`DEBUG5:`,
// and the parts of an entry (`DETAIL:`, `STATEMENT:`) it writes under the same prefix. In a small file, or one mixing
// both forms, `ERROR:` after `app@shop` was read as no level and error_summary said "no ERROR or FATAL lines".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cutColonLevel, learnColonLevels } from '../../../servers/logs/format/colon-levels';
import { continuesEntry } from '../../../servers/logs/format/continuation';
import { parserFor } from '../../../servers/logs/format/parser';
import { describeWithEachEngine, wholeFileSummary } from '../../support/log-engines';

const parserOf = (lines: string[]) => parserFor(Buffer.from(lines.join('\n') + '\n'), true, Date.now());

/** `%m [%p] %q%u@%d `: a session's lines carry `user@db`, the server's own (`%q`) do not. */
const MIXED = [
  '2026-12-04 10:00:00.123 UTC [4242] app@shop ERROR:  relation "x" does not exist at character 15',
  '2026-12-04 10:00:00.123 UTC [4242] app@shop STATEMENT:  select * from x',
  '2026-12-04 10:00:01.001 UTC [4243] LOG:  checkpoint starting: time',
  '2026-12-04 10:00:02.001 UTC [4243] LOG:  checkpoint complete: wrote 3 buffers',
  '2026-12-04 10:00:03.500 UTC [4250] app@shop FATAL:  password authentication failed for user "app"',
  '2026-12-04 10:00:03.500 UTC [4250] app@shop DETAIL:  Connection matched pg_hba.conf line 99',
  '2026-12-04 10:00:04.000 UTC [4251] DEBUG2:  autovacuum: processing database "shop"',
  '2026-12-04 10:00:05.000 UTC [4252] [unknown]@[unknown] LOG:  connection received: host=10.0.0.9 port=50000',
  '2026-12-04 10:00:06.000 UTC [4253] PANIC:  could not write to file "pg_wal/xlogtemp.4253": No space left on device',
];

/** `%t [%p]: [%l-1] user=%u,db=%d ` (pgBadger's advice): two columns before the severity, empty values outside a session. */
const KEYED = [
  '2026-12-04 10:00:00 UTC [4242]: [1-1] user=app,db=shop ERROR:  syntax error at or near "selec" at character 1',
  '2026-12-04 10:00:00 UTC [4242]: [2-1] user=app,db=shop STATEMENT:  selec 1',
  '2026-12-04 10:00:01 UTC [4243]: [1-1] user=,db= LOG:  checkpoint starting: time',
];

describe('logs: a capitals severity with its colon behind identity columns (colon-levels)', () => {
  it('reads the level behind the columns and where the columns are dropped, and an entry part as the entry\'s', () => {
    const parser = parserOf(MIXED);
    const parsed = MIXED.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.level), ['ERROR', undefined, 'INFO', 'INFO', 'FATAL', undefined, 'DEBUG', 'INFO', 'FATAL']);
    assert.deepEqual(parsed.map((p) => continuesEntry(p)), [false, true, false, false, false, true, false, false, false]);
    assert.equal(parsed[0].message, 'ERROR:  relation "x" does not exist at character 15');
    assert.equal(parsed[7].message, 'LOG:  connection received: host=10.0.0.9 port=50000');
  });

  it('reads two columns before the severity (user=,db=)', () => {
    const parser = parserOf(KEYED);
    assert.deepEqual(KEYED.map((line) => parser.parse(line).level), ['ERROR', undefined, 'INFO']);
  });

  it('learns nothing from one line, nor from a word of prose before the severity', () => {
    assert.equal(learnColonLevels([{ message: 'app@shop ERROR:  x does not exist' }]), false);
    assert.equal(learnColonLevels([{ message: 'app@shop ERROR:  x' }, { message: 'app@shop LOG:  y' }]), true);
    assert.equal(learnColonLevels([{ message: 'server said ERROR:  x' }, { message: 'client said LOG:  y' }]), false);
    // Lines with a level already read are no evidence: the reader before knew the layout.
    assert.equal(learnColonLevels([{ message: 'app@shop ERROR:  x', level: 'ERROR' }, { message: 'app@shop LOG:  y', level: 'INFO' }]), false);
  });

  it('cuts only lines without a level, and keeps a message that is the word alone', () => {
    assert.deepEqual(cutColonLevel({ message: 'app@shop WARNING:  no transaction' }), { message: 'WARNING:  no transaction', level: 'WARN' });
    assert.deepEqual(cutColonLevel({ message: 'app@shop ERROR:  x', level: 'INFO' }), { message: 'app@shop ERROR:  x', level: 'INFO' });
    assert.deepEqual(cutColonLevel({ message: 'app@shop ERROR:' }), { message: 'app@shop ERROR:' });
    assert.deepEqual(cutColonLevel({ message: '  at app@shop ERROR: x' }), { message: '  at app@shop ERROR: x' });
    assert.deepEqual(cutColonLevel({ message: 'a=1 b=2 c=3 ERROR: too far' }), { message: 'a=1 b=2 c=3 ERROR: too far' });
  });
});

describe('logs: error_summary of a PostgreSQL log with a %q prefix', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'colon-levels-'));
    writeFileSync(join(dir, 'postgresql.log'), MIXED.join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describeWithEachEngine('', () => dir, (_engine, server) => {
    it('counts the ERROR, FATAL and PANIC entries and no line without a level', async () => {
      const summary = await wholeFileSummary(server(), 'postgresql.log');
      assert.equal(summary.totalErrors, 3, JSON.stringify(summary));
      assert.equal(summary.files[0].levelless, undefined, JSON.stringify(summary.files));
      assert.deepEqual(summary.groups.map((g: { levels: string[] }) => g.levels[0]).sort(), ['ERROR', 'FATAL', 'FATAL']);
    });
  });
});
